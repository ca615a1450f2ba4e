/* sa-review-item.c: one commitment's yearly review in the Review view
 *
 * An expander row: the commitment, what the activity log counted in the year and the
 * target's progress in its header; the rating, results, issues and next year's
 * direction inside. A choice is saved when it is made; the texts when the person
 * pauses or leaves the field, not on every key. Every save is one step of the
 * window's undo stack. Values read again from the store never replace a text the
 * person has changed and not yet saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-rating-level.h"
#include "sa-review-item.h"
#include "sa-toast.h"

/* Long enough not to save mid-word, short enough that little is at stake. */
#define SAVE_PAUSE_MS 1000

struct _SaReviewItem
{
  AdwExpanderRow  parent_instance;

  SaUndoStack    *undo_stack;
  char           *commitment_id;
  char           *text;
  int             fiscal_year;
  GStrv           codes;         /* the scale's codes; the rating list shows "not rated" first */
  gboolean        updating;      /* values come from the store, not from the person */
  guint           save_id;

  GtkLabel       *badge;
  AdwActionRow   *target_row;
  AdwComboRow    *rating_row;
  GtkTextView    *results_view;
  GtkTextView    *issues_view;
  AdwComboRow    *next_row;
};

G_DEFINE_FINAL_TYPE (SaReviewItem, sa_review_item, ADW_TYPE_EXPANDER_ROW)

static const SaColumn *
next_column (void)
{
  return &sa_review_table.columns[SA_REVIEW_NEXT];
}

/* ---- what the header says ------------------------------------------------------- */

/**
 * sa_review_item_format_totals:
 * @row: a review row
 *
 * Returns: (transfer full): the year's totals from the activity log
 */
char *
sa_review_item_format_totals (const SaReviewRow *row)
{
  return g_strdup_printf (_("Activities %'lld · Participants %'lld · Volunteers %'lld"),
                          (long long) row->activities, (long long) row->participants,
                          (long long) row->volunteers);
}

/**
 * sa_review_item_format_target:
 * @row: a review row
 *
 * Returns: (transfer full): the target and, where the log can count it, how far it
 *   is reached: "6か所 — 4 / 6 (66%)"; "—" without a target
 */
char *
sa_review_item_format_target (const SaReviewRow *row)
{
  g_autofree char *target = NULL;
  gint64 percent;

  if (!row->has_target)
    return g_strdup ("—");
  if (row->target_text != NULL)
    target = g_strdup (row->target_text);
  else if (row->has_target_value)
    target = g_strdup_printf ("%lld %s", (long long) row->target_value, row->target_unit ?: "");
  else
    target = g_strdup (row->target_unit);
  g_strstrip (target);
  if (!row->has_actual)
    return g_steal_pointer (&target);
  if (sa_review_row_get_percent ((SaReviewRow *) row, &percent))
    return g_strdup_printf ("%s — %lld / %lld (%lld%%)", target, (long long) row->actual,
                            (long long) row->target_value, (long long) percent);
  return g_strdup_printf ("%s — %lld", target, (long long) row->actual);
}

/* ---- saving --------------------------------------------------------------------- */

/* Writes @review as one undoable step. A review never written before starts as the
 * empty row every site shares (sa_store_save_review), so undoing leaves it empty. */
static gboolean
write_review (SaReviewItem  *self,
              SaRecord      *review,
              GError       **error)
{
  SaStore *store = sa_undo_stack_get_store (self->undo_stack);
  const char *id = sa_record_get_id (review);
  gboolean done = TRUE;

  if (!sa_undo_stack_begin (self->undo_stack, _("Edit Review"), error))
    return FALSE;
  if (!sa_store_exists (store, &sa_review_table, id, TRUE))
    {
      g_autoptr(SaReview) empty = sa_store_dup_review (store, self->commitment_id, self->fiscal_year, error);

      done = empty != NULL && sa_store_save_review (store, empty, error);
    }
  else if (!sa_store_exists (store, &sa_review_table, id, FALSE))
    done = sa_undo_stack_set_deleted (self->undo_stack, &sa_review_table, id, FALSE, error);
  if (!done || !sa_undo_stack_update (self->undo_stack, review, error))
    {
      sa_undo_stack_rollback (self->undo_stack);
      return FALSE;
    }
  return sa_undo_stack_commit (self->undo_stack, error);
}

/* Stores @values (NULL: empty) in @columns; nothing is written when nothing differs. */
static gboolean
save_fields (SaReviewItem         *self,
             const SaReviewColumn *columns,
             const char * const   *values,
             guint                 n)
{
  SaStore *store = sa_undo_stack_get_store (self->undo_stack);
  g_autoptr(SaReview) review = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (!(review = sa_store_dup_review (store, self->commitment_id, self->fiscal_year, &error)))
    {
      sa_toast_show_text (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      const char *value = values[i] != NULL && *values[i] != '\0' ? values[i] : NULL;

      if (g_strcmp0 (sa_record_get_text (SA_RECORD (review), columns[i]), value) == 0)
        continue;
      sa_record_set_text (SA_RECORD (review), columns[i], value);
      changed = TRUE;
    }
  if (changed && !write_review (self, SA_RECORD (review), &error))
    {
      sa_toast_show_text (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * sa_review_item_save_pending:
 * @self: a review item
 *
 * Saves the texts changed since they were last saved or read, now instead of after
 * the pause.
 */
void
sa_review_item_save_pending (SaReviewItem *self)
{
  GtkTextView *views[] = { self->results_view, self->issues_view };
  SaReviewColumn columns[G_N_ELEMENTS (views)];
  char *values[G_N_ELEMENTS (views)] = { NULL, };
  gboolean saved;
  guint n = 0;

  g_return_if_fail (SA_IS_REVIEW_ITEM (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (gtk_text_buffer_get_modified (gtk_text_view_get_buffer (views[i])))
      {
        columns[n] = views[i] == self->results_view ? SA_REVIEW_RESULTS : SA_REVIEW_ISSUES;
        values[n++] = dup_buffer_text (views[i]);
      }
  if (n == 0)
    return;
  saved = save_fields (self, columns, (const char * const *) values, n);
  for (guint i = 0; i < n; i++)
    g_free (values[i]);
  /* After a failed save the texts stay marked as changed: the next pause retries. */
  for (guint i = 0; saved && i < G_N_ELEMENTS (views); i++)
    gtk_text_buffer_set_modified (gtk_text_view_get_buffer (views[i]), FALSE);
}

static gboolean
save_timeout (gpointer user_data)
{
  SaReviewItem *self = user_data;

  self->save_id = 0;
  sa_review_item_save_pending (self);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed (SaReviewItem *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_PAUSE_MS, save_timeout, self);
}

static void
on_rating_selected (SaReviewItem *self)
{
  guint selected = adw_combo_row_get_selected (self->rating_row);
  SaReviewColumn column = SA_REVIEW_RATING;
  const char *value;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  value = selected == 0 ? NULL : self->codes[selected - 1];
  save_fields (self, &column, &value, 1);
}

static void
on_next_selected (SaReviewItem *self)
{
  guint selected = adw_combo_row_get_selected (self->next_row);
  SaReviewColumn column = SA_REVIEW_NEXT;
  const char *value;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  value = selected == 0 ? NULL : next_column ()->choices[selected - 1];
  save_fields (self, &column, &value, 1);
}

/* ---- showing the stored values -------------------------------------------------- */

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; value != NULL && values != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      return i + 1;
  return 0;
}

static void
set_rating_scale (SaReviewItem *self,
                  GPtrArray    *levels)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  gtk_string_list_append (labels, _("Not rated"));
  for (guint i = 0; i < levels->len; i++)
    {
      SaRecord *level = g_ptr_array_index (levels, i);
      const char *code = sa_record_get_text (level, SA_RATING_LEVEL_CODE);
      const char *meaning = sa_record_get_text (level, SA_RATING_LEVEL_LABEL);
      g_autofree char *label = meaning ? g_strdup_printf ("%s — %s", code, meaning) : g_strdup (code);

      gtk_string_list_append (labels, label);
      g_strv_builder_add (codes, code);
    }
  g_strfreev (self->codes);
  self->codes = g_strv_builder_end (codes);
  adw_combo_row_set_model (self->rating_row, G_LIST_MODEL (labels));
}

static gboolean
same_scale (SaReviewItem *self,
            GPtrArray    *levels)
{
  GListModel *model = adw_combo_row_get_model (self->rating_row);

  if (model == NULL || g_list_model_get_n_items (model) != levels->len + 1)
    return FALSE;
  for (guint i = 0; i < levels->len; i++)
    {
      SaRecord *level = g_ptr_array_index (levels, i);
      const char *meaning = sa_record_get_text (level, SA_RATING_LEVEL_LABEL);
      const char *shown = gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1);
      g_autofree char *label = meaning ? g_strdup_printf ("%s — %s", sa_record_get_text (level, SA_RATING_LEVEL_CODE), meaning)
                                       : g_strdup (sa_record_get_text (level, SA_RATING_LEVEL_CODE));

      if (g_strcmp0 (shown, label) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A text the person changed and has not saved yet stays as it is. */
static void
show_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *shown = dup_buffer_text (view);

  if (gtk_text_buffer_get_modified (buffer) || g_str_equal (shown, text ?: ""))
    return;
  /* Not an edit the text view's own Ctrl+Z should take back. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ?: "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_set_modified (buffer, FALSE);
}

static void
label_controls (SaReviewItem *self)
{
  g_autofree char *rating = g_strdup_printf (_("Rating for %s"), self->text);
  g_autofree char *results = g_strdup_printf (_("Results for %s"), self->text);
  g_autofree char *issues = g_strdup_printf (_("Issues for %s"), self->text);
  g_autofree char *next = g_strdup_printf (_("Next year for %s"), self->text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rating_row), GTK_ACCESSIBLE_PROPERTY_LABEL, rating, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results_view), GTK_ACCESSIBLE_PROPERTY_LABEL, results, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->issues_view), GTK_ACCESSIBLE_PROPERTY_LABEL, issues, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_row), GTK_ACCESSIBLE_PROPERTY_LABEL, next, -1);
  /* The row itself, which GTK 4.8 leaves unnamed. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
}

static void
show_header (SaReviewItem      *self,
             const SaReviewRow *row,
             const char        *rating)
{
  g_autofree char *totals = sa_review_item_format_totals (row);
  g_autofree char *target = sa_review_item_format_target (row);
  g_autofree char *subtitle = row->has_target ? g_strdup_printf (_("%s\nTarget: %s"), totals, target)
                                              : g_strdup (totals);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), row->text ?: "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_action_row_set_subtitle (self->target_row, target);
  gtk_label_set_text (self->badge, rating ?: _("Not rated"));
  /* A rating stands out; "not rated" stays quiet. */
  if (rating != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->badge), "heading");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->badge), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "heading");
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge), _("Rating"));
  g_free (self->text);
  self->text = g_strdup (row->text ?: "");
  label_controls (self);
}

/**
 * sa_review_item_update:
 * @self: a review item
 * @levels: (element-type SaRatingLevel): the plan's rating scale
 * @row: the commitment's row as read now
 *
 * Shows @row; texts being edited are kept.
 */
void
sa_review_item_update (SaReviewItem      *self,
                       GPtrArray         *levels,
                       const SaReviewRow *row)
{
  SaRecord *review = row->review ? SA_RECORD (row->review) : NULL;
  const char *rating = review ? sa_record_get_text (review, SA_REVIEW_RATING) : NULL;
  const char *next = review ? sa_record_get_text (review, SA_REVIEW_NEXT) : NULL;

  g_return_if_fail (SA_IS_REVIEW_ITEM (self));

  self->updating = TRUE;
  self->fiscal_year = row->fiscal_year;
  show_header (self, row, rating);
  if (!same_scale (self, levels))
    set_rating_scale (self, levels);
  adw_combo_row_set_selected (self->rating_row, index_of ((const char * const *) self->codes, rating));
  adw_combo_row_set_selected (self->next_row, index_of (next_column ()->choices, next));
  show_text (self->results_view, review ? sa_record_get_text (review, SA_REVIEW_RESULTS) : NULL);
  show_text (self->issues_view, review ? sa_record_get_text (review, SA_REVIEW_ISSUES) : NULL);
  self->updating = FALSE;
}

/* ---- building ------------------------------------------------------------------- */

static void
on_focus_leave (GtkEventControllerFocus *controller,
                SaReviewItem            *self)
{
  sa_review_item_save_pending (self);
}

/* A heading over a framed, multi-line text field; Tab leaves the field. */
static GtkTextView *
add_text_field (SaReviewItem *self,
                const char   *heading)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 72);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (view, focus);

  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* GTK 4.8 leaves the row around the field unnamed: it says its heading. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return GTK_TEXT_VIEW (view);
}

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

/* A drop-down row whose choice reads whole, "A — Ahead of the plan", where the
 * row's own label would cut it short. */
static AdwComboRow *
add_choice (SaReviewItem *self,
            const char   *title,
            GCallback     on_selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  adw_combo_row_set_factory (ADW_COMBO_ROW (row), factory);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "notify::selected", on_selected, self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return ADW_COMBO_ROW (row);
}

static void
build (SaReviewItem *self)
{
  const SaColumn *next = next_column ();
  g_autoptr(GtkStringList) nexts = gtk_string_list_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  self->badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->badge), GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->badge));

  self->target_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Target"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->target_row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->target_row));

  self->rating_row = add_choice (self, _("Rating"), G_CALLBACK (on_rating_selected));
  self->results_view = add_text_field (self, _("Results"));
  self->issues_view = add_text_field (self, _("Issues"));
  self->next_row = add_choice (self, _("Next Year"), G_CALLBACK (on_next_selected));

  gtk_string_list_append (nexts, _("Not decided"));
  for (guint i = 0; next->choices[i] != NULL; i++)
    gtk_string_list_append (nexts, _(next->choice_labels[i]));
  adw_combo_row_set_model (self->next_row, G_LIST_MODEL (nexts));
}

/**
 * sa_review_item_new:
 * @context: the page's context, whose undo stack edits go through
 * @levels: (element-type SaRatingLevel): the plan's rating scale
 * @row: the commitment's row of the year
 *
 * Returns: (transfer floating): a row that shows and edits @row's review
 */
SaReviewItem *
sa_review_item_new (SaContext         *context,
                    GPtrArray         *levels,
                    const SaReviewRow *row)
{
  SaReviewItem *self = g_object_new (SA_TYPE_REVIEW_ITEM, NULL);

  self->undo_stack = g_object_ref (sa_context_get_undo_stack (context));
  self->commitment_id = g_strdup (row->commitment_id);
  sa_review_item_update (self, levels, row);
  return self;
}

const char *
sa_review_item_get_commitment_id (SaReviewItem *self)
{
  g_return_val_if_fail (SA_IS_REVIEW_ITEM (self), NULL);

  return self->commitment_id;
}

static void
sa_review_item_dispose (GObject *object)
{
  SaReviewItem *self = SA_REVIEW_ITEM (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (sa_review_item_parent_class)->dispose (object);
}

static void
sa_review_item_finalize (GObject *object)
{
  SaReviewItem *self = SA_REVIEW_ITEM (object);

  g_free (self->commitment_id);
  g_free (self->text);
  g_strfreev (self->codes);

  G_OBJECT_CLASS (sa_review_item_parent_class)->finalize (object);
}

static void
sa_review_item_class_init (SaReviewItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_review_item_dispose;
  object_class->finalize = sa_review_item_finalize;
}

static void
sa_review_item_init (SaReviewItem *self)
{
  /* Filling the lists selects their first entry: not a choice to save. */
  self->updating = TRUE;
  build (self);
  self->updating = FALSE;
}
