/* sa-activity-log.c: the activity log, a sortable, filterable list of activity records
 *
 * The log holds every activity as an SaActivityItem in one list model; list models do
 * the rest: sorted by the column clicked (SaActivitySortModel), filtered by the search and the
 * drop-downs (SaArrayFilterModel), shown through rows that stay while the activities
 * pass through them (SaSlotModel), with cells from sa-activity-columns.c. A keystroke
 * in the search entry scans folded texts in memory; the database is read again only
 * when it changes, and then only the activities that changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-activity-columns.h"
#include "sa-activity-form.h"
#include "sa-array-filter-model.h"
#include "sa-activity-item-list.h"
#include "sa-activity-item.h"
#include "sa-activity-log-private.h"
#include "sa-activity.h"
#include "sa-commitment.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-filter-bar.h"
#include "sa-organization.h"
#include "sa-store-deleted.h"
#include "sa-store-activity-items.h"
#include "sa-plan.h"
#include "sa-slot-model.h"
#include "sa-slot.h"
#include "sa-toast.h"


G_DEFINE_FINAL_TYPE (SaActivityLog, sa_activity_log, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_sort_changed (SaActivityLog *self);

/* ---- Filtering ------------------------------------------------------------------ */

/* The search and the four drop-downs of the filter bar in one filter: one call per
 * row is cheaper than five. */
static gboolean
match_all (gpointer item,
           gpointer user_data)
{
  SaActivityLog *self = user_data;

  return sa_filter_bar_match (self->filter_bar, item);
}

/* With nothing to filter by, the filter has no function: the model then shows every
 * row without asking, which makes clearing the search cheap. */
static void
filter_changed (SaActivityLog   *self,
                GtkFilterChange  change)
{
  gboolean off = sa_filter_bar_is_empty (self->filter_bar);

  /* A custom filter without a function lets everything through. */
  if (off != (gtk_filter_get_strictness (self->filter) == GTK_FILTER_MATCH_ALL))
    gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (self->filter), off ? NULL : match_all,
                                       off ? NULL : self, NULL);
  else if (!off)
    gtk_filter_changed (self->filter, change);
}

/* Enter in the search goes to the results with the first one selected, so that Enter
 * opens it and Delete deletes it; a selection already made is kept. */
static void
on_search_activate (SaActivityLog *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_is_empty (selected) && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    sa_activity_log_reveal_position (self, 0);
  gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

static void
clear_filters (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sa_filter_bar_clear (SA_ACTIVITY_LOG (widget)->filter_bar);
}

/* The filter bar's choices, and the commitments' texts the columns show. */
void
sa_activity_log_load_choices (SaActivityLog *self)
{
  GPtrArray *commitments;

  sa_filter_bar_load_choices (self->filter_bar);
  commitments = sa_filter_bar_get_commitments (self->filter_bar);
  g_hash_table_remove_all (self->commitment_texts);
  for (guint i = 0; commitments != NULL && i < commitments->len; i++)
    {
      SaRecord *commitment = g_ptr_array_index (commitments, i);

      g_hash_table_insert (self->commitment_texts, g_strdup (sa_record_get_id (commitment)),
                           g_strdup (sa_record_get_text (commitment, SA_COMMITMENT_TEXT)));
    }
}

/* The fiscal years of @items, as GINT_TO_POINTER keys; any thread may ask. */
GHashTable *
sa_activity_log_years_of (SaActivityItem **items,
                          guint            n)
{
  GHashTable *years = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    g_hash_table_add (years, GINT_TO_POINTER (sa_activity_item_get_fiscal_year (items[i])));
  return years;
}

/* The plan's years and every year that has an activity. */
void
sa_activity_log_update_year_choices (SaActivityLog *self)
{
  guint n;
  SaActivityItem **items = sa_activity_item_list_peek (self->items, &n);
  g_autoptr(GHashTable) years = sa_activity_log_years_of (items, n);

  sa_filter_bar_set_years (self->filter_bar, years);
}

/* ---- Selection ------------------------------------------------------------------ */

static GPtrArray *
selected_ids (SaActivityLog *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more; more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(SaSlot) slot = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      g_ptr_array_add (ids, g_strdup (sa_activity_item_get_id (sa_slot_get_item (slot))));
    }
  return ids;
}

/* The positions at which the rows of @ids are shown. Found by their items, which
 * compare by address: hashing 100,000 ids to find one row took most of a delete. */
GtkBitset *
sa_activity_log_shown_positions (SaActivityLog *self,
                 GPtrArray     *ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  GtkBitset *positions = gtk_bitset_new_empty ();
  guint n;
  SaActivityItem **shown = (SaActivityItem **) sa_array_filter_model_peek (self->filtered, &n);

  for (guint i = 0; i < ids->len; i++)
    {
      SaActivityItem *item = g_hash_table_lookup (self->items_by_id, g_ptr_array_index (ids, i));

      if (item != NULL)
        g_hash_table_add (wanted, item);
    }
  for (guint i = 0; i < n && g_hash_table_size (wanted) > 0; i++)
    if (g_hash_table_remove (wanted, shown[i]))
      gtk_bitset_add (positions, i);
  return positions;
}

static void
select_positions (SaActivityLog *self,
                  GtkBitset     *positions)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autoptr(GtkBitset) all = gtk_bitset_new_range (0, n);

  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), positions, all);
}

static GtkWidget *
inner_list_view (SaActivityLog *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* When the keyboard focus is in the rows, it goes to the row at @position: the list
 * keeps the focused row in sight, and the arrow keys go on from it. A row that was
 * deleted can keep the focus out of the window (GTK 4.8); it goes to the row too. */
static void
focus_row (GtkWidget *list_view,
           guint      position)
{
  GtkRoot *root = gtk_widget_get_root (list_view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint row_position;

  if (focus != NULL && gtk_widget_get_root (focus) == root && !gtk_widget_is_ancestor (focus, list_view))
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (sa_activity_columns_row_position (row, &row_position) && row_position == position)
      {
        gtk_widget_grab_focus (row);
        return;
      }
}

/* Selects one row and brings it into view. GTK 4.8 has no call for scrolling a
 * column view; its list view's "list.scroll-to-item" action does it, and takes
 * the focused row as the one to keep in sight. */
void
sa_activity_log_reveal_position (SaActivityLog *self,
                 guint          position)
{
  GtkWidget *list_view = inner_list_view (self);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (list_view == NULL)
    return;
  focus_row (list_view, position);
  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

static void
update_actions (SaActivityLog *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean any = !gtk_bitset_is_empty (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.edit", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.delete", any);
}

/* ---- What is shown -------------------------------------------------------------- */

void
sa_activity_log_show_error (SaActivityLog *self,
            const char    *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  sa_toast_show (GTK_WIDGET (self), adw_toast_new (markup));
}

/* The count and the participants of what the filters let through. */
static void
update_footer (SaActivityLog *self)
{
  guint shown, total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  SaActivityItem **items = (SaActivityItem **) sa_array_filter_model_peek (self->filtered, &shown);
  guint64 participants;
  g_autofree char *activities = NULL;
  g_autofree char *people = NULL;
  g_autofree char *text = NULL;

  /* Summing 100,000 rows took 5 ms of a sort, which does not change the sum. */
  if (self->participants_stale)
    {
      self->participants = sa_activity_items_sum_participants (items, shown);
      self->participants_stale = FALSE;
    }
  participants = MIN (self->participants, G_MAXUINT);

  if (shown == total)
    activities = g_strdup_printf (ngettext ("%'u activity", "%'u activities", total), total);
  else
    /* Translators: how many activities the search and filters let through, of all */
    activities = g_strdup_printf (ngettext ("%'u of %'u activity", "%'u of %'u activities", total),
                                  shown, total);
  people = g_strdup_printf (ngettext ("%'u participant", "%'u participants", (gulong) participants),
                            (guint) participants);
  /* Translators: the number of activities shown, then their participants' total */
  text = g_strdup_printf (_("%s · %s"), activities, people);
  gtk_label_set_text (self->footer, text);
}

void
sa_activity_log_update_state (SaActivityLog *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean loading = self->loading != NULL;

  /* Brought up to date now, the state needs no update when idle. */
  g_clear_handle_id (&self->state_source, g_source_remove);
  /* A hidden spinner that still spins keeps the frame clock drawing every frame,
   * which starves the other views' idle reloads. */
  gtk_spinner_set_spinning (self->spinner, loading);
  /* While the records are read, the table is drawn empty under the spinner: the
   * frame that brings the first rows then draws rows, not the whole table for the
   * first time. */
  gtk_widget_set_visible (self->loading_box, loading);
  gtk_stack_set_visible_child_name (self->stack, loading || total > 0 ? "log" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack, loading || shown > 0 ? "list" : "no-match");
  if (loading)
    gtk_label_set_text (self->footer, "");
  else
    update_footer (self);
  update_actions (self);
}

static gboolean
update_state_cb (gpointer data)
{
  SaActivityLog *self = data;

  self->state_source = 0;
  sa_activity_log_update_state (self);
  return G_SOURCE_REMOVE;
}

/* The rows keep their places while the activities pass through them: what was
 * selected is remembered before they change, and selected again where it is then. */
static void
keep_selection (SaActivityLog *self)
{
  if (self->kept_ids == NULL)
    self->kept_ids = selected_ids (self);
}

/* The footer sums every row shown: once per change is enough, and after the list has
 * been drawn, so that a keystroke shows its rows first. */
static void
on_filtered_changed (SaActivityLog *self)
{
  g_autoptr(GPtrArray) kept = g_steal_pointer (&self->kept_ids);

  if (!self->sorting && !self->refreshing)
    self->participants_stale = TRUE;
  if (kept != NULL && kept->len > 0)
    {
      g_autoptr(GtkBitset) positions = sa_activity_log_shown_positions (self, kept);
      select_positions (self, positions);
    }
  if (self->state_source == 0)
    self->state_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_state_cb, self, NULL);
}

/* ---- Adding, editing, deleting -------------------------------------------------- */

static void
on_form_saved (SaActivityLog *self,
               const char    *id)
{
  g_free (self->reveal_id);
  self->reveal_id = g_strdup (id);
  sa_activity_log_schedule_update (self);
}

static void
open_form (SaActivityLog *self,
           const char    *activity_id,
           const GDate   *date)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SaActivityForm *form = sa_activity_form_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               self->context, activity_id, date);

  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

/**
 * sa_activity_log_new_activity:
 * @self: an activity log
 * @date: (nullable): the day of the new activity; today when %NULL
 *
 * Opens the form for a new activity. Once saved, it is selected in the log.
 */
void
sa_activity_log_new_activity (SaActivityLog *self,
                              const GDate   *date)
{
  g_return_if_fail (SA_IS_ACTIVITY_LOG (self));

  open_form (self, NULL, date);
}

/**
 * sa_activity_log_edit_selected:
 * @self: an activity log
 *
 * Opens the form for the first selected activity.
 */
void
sa_activity_log_edit_selected (SaActivityLog *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (SA_IS_ACTIVITY_LOG (self));

  ids = selected_ids (self);
  if (ids->len > 0)
    open_form (self, g_ptr_array_index (ids, 0), NULL);
}

static void
on_row_activated (SaActivityLog *self,
                  guint          position)
{
  g_autoptr(SaActivityItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    open_form (self, sa_activity_item_get_id (item), NULL);
}

static gboolean
delete_activities (SaActivityLog  *self,
                   GPtrArray      *ids,
                   GError        **error)
{
  if (!sa_undo_stack_begin (self->undo_stack,
                            ngettext ("Delete Activity", "Delete Activities", ids->len), error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!sa_undo_stack_set_deleted (self->undo_stack, &sa_activity_table, g_ptr_array_index (ids, i),
                                    TRUE, error))
      {
        sa_undo_stack_rollback (self->undo_stack);
        return FALSE;
      }
  return sa_undo_stack_commit (self->undo_stack, error);
}

static void
on_undo_clicked (SaActivityLog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->undo_toast);
  if (!sa_undo_stack_undo (self->undo_stack, &error))
    sa_activity_log_show_error (self, error->message);
}

static void
on_toast_dismissed (SaActivityLog *self,
                    AdwToast      *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

/* The toast's Undo undoes the newest change; once there is a newer one, or the
 * delete was undone some other way, it must not be offered any more. */
static void
on_undo_stack_changed (SaActivityLog *self)
{
  if (self->undo_toast != NULL)
    {
      g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);
      adw_toast_dismiss (toast);
    }
}

static void
offer_undo (SaActivityLog *self,
            guint          n_deleted,
            const char    *title)
{
  g_autofree char *markup = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (n_deleted == 1)
    markup = g_markup_printf_escaped (_("“%s” deleted"), title);
  else
    markup = g_strdup_printf (ngettext ("%u activity deleted", "%u activities deleted", n_deleted), n_deleted);

  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);
  g_set_object (&self->undo_toast, toast);
  sa_toast_show (GTK_WIDGET (self), g_steal_pointer (&toast));
}

/**
 * sa_activity_log_delete_selected:
 * @self: an activity log
 *
 * Deletes the selected activities without asking, as one change that can be undone,
 * and offers to undo it in a toast.
 */
void
sa_activity_log_delete_selected (SaActivityLog *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (SA_IS_ACTIVITY_LOG (self));

  ids = selected_ids (self);
  if (ids->len == 0)
    return;
  title = g_strdup (sa_activity_item_get_title (g_hash_table_lookup (self->items_by_id,
                                                                     g_ptr_array_index (ids, 0))));
  if (!delete_activities (self, ids, &error))
    {
      sa_activity_log_show_error (self, error->message);
      return;
    }
  offer_undo (self, ids->len, title);
}

/**
 * sa_activity_log_start_search:
 * @self: an activity log
 *
 * Moves the keyboard focus to the search entry, with its text selected.
 */
void
sa_activity_log_start_search (SaActivityLog *self)
{
  g_return_if_fail (SA_IS_ACTIVITY_LOG (self));

  sa_filter_bar_start_search (self->filter_bar);
}

static void
action_new (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  sa_activity_log_new_activity (SA_ACTIVITY_LOG (widget), NULL);
}

static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sa_activity_log_edit_selected (SA_ACTIVITY_LOG (widget));
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sa_activity_log_delete_selected (SA_ACTIVITY_LOG (widget));
}

/* ---- Object --------------------------------------------------------------------- */

static void
sa_activity_log_constructed (GObject *object)
{
  SaActivityLog *self = SA_ACTIVITY_LOG (object);

  G_OBJECT_CLASS (sa_activity_log_parent_class)->constructed (object);

  g_return_if_fail (SA_IS_CONTEXT (self->context));

  self->store = g_object_ref (sa_context_get_store (self->context));
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (self->context));
  sa_filter_bar_set_context (self->filter_bar, self->context);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (sa_activity_log_on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_stack, "notify::can-undo", G_CALLBACK (on_undo_stack_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_bar, "changed", G_CALLBACK (filter_changed), self, G_CONNECT_SWAPPED);
  sa_activity_log_start_loading (self);
}

static void
sa_activity_log_dispose (GObject *object)
{
  SaActivityLog *self = SA_ACTIVITY_LOG (object);

  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view), on_sort_changed, self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACTIVITY_LOG);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  sa_activity_log_stop_filling (self);
  self->slots = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  /* Disposing the column view changes its sorter, which the models report. */
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->state_source, g_source_remove);
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_activity_log_parent_class)->dispose (object);
}

static void
sa_activity_log_finalize (GObject *object)
{
  SaActivityLog *self = SA_ACTIVITY_LOG (object);

  g_free (self->reveal_id);
  g_clear_pointer (&self->kept_ids, g_ptr_array_unref);
  g_hash_table_unref (self->commitment_texts);
  g_hash_table_unref (self->items_by_id);
  g_hash_table_unref (self->changed_ids);
  g_hash_table_unref (self->gone_ids);

  G_OBJECT_CLASS (sa_activity_log_parent_class)->finalize (object);
}

static void
sa_activity_log_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SaActivityLog *self = SA_ACTIVITY_LOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_activity_log_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SaActivityLog *self = SA_ACTIVITY_LOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
sa_activity_log_grab_focus (GtkWidget *widget)
{
  SaActivityLog *self = SA_ACTIVITY_LOG (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "empty"))
    return gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
  return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
sa_activity_log_class_init (SaActivityLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sa_activity_log_constructed;
  object_class->dispose = sa_activity_log_dispose;
  object_class->finalize = sa_activity_log_finalize;
  object_class->get_property = sa_activity_log_get_property;
  object_class->set_property = sa_activity_log_set_property;
  widget_class->grab_focus = sa_activity_log_grab_focus;

  /**
   * SaActivityLog:context:
   *
   * What the log shows and where its changes go: the store, the undo
   * stack and the filter the window's views share.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_FILTER_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-activity-log.ui");
  gtk_widget_class_bind_template_child (widget_class, SaActivityLog, stack);
  gtk_widget_class_bind_template_child (widget_class, SaActivityLog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SaActivityLog, loading_box);
  gtk_widget_class_bind_template_child (widget_class, SaActivityLog, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SaActivityLog, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SaActivityLog, column_view);
  gtk_widget_class_bind_template_child (widget_class, SaActivityLog, footer);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "log.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "log.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "log.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "log.clear-filters", NULL, clear_filters);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "activitylog");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Delete deletes the selected rows when the list has the focus, and only then: in
 * the search entry it deletes characters. */
static void
add_delete_shortcut (SaActivityLog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const guint keys[] = { GDK_KEY_Delete, GDK_KEY_KP_Delete };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], 0),
                                                            gtk_named_action_new ("log.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
}

/* Clicking a heading sorts by its column; the log's own model does the sorting. */
static void
on_sort_changed (SaActivityLog *self)
{
  SaActivitySortColumn column = SA_ACTIVITY_SORT_DATE;
  gboolean descending = TRUE;

  if (self->sorted == NULL)
    return;
  if (!sa_activity_columns_get_sort (self->column_view, &column, &descending))
    {
      column = SA_ACTIVITY_SORT_DATE;
      descending = TRUE;
    }
  self->sorting = TRUE;
  sa_activity_sort_model_set_order (self->sorted, column, descending);
  self->sorting = FALSE;
}

static void
create_models (SaActivityLog *self)
{
  self->filter = GTK_FILTER (gtk_custom_filter_new (NULL, NULL, NULL));
  self->items = sa_activity_item_list_new (g_ptr_array_new_with_free_func (g_object_unref));
  self->sorted = sa_activity_sort_model_new (G_LIST_MODEL (self->items));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed", G_CALLBACK (on_sort_changed),
                           self, G_CONNECT_SWAPPED);
  self->filtered = sa_array_filter_model_new_peeking (g_object_ref (G_LIST_MODEL (self->sorted)),
                                                      g_object_ref (self->filter), sa_activity_sort_model_peek);
  /* Before the slots take the new rows, and after. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (keep_selection),
                           self, G_CONNECT_SWAPPED);
  self->slots = sa_slot_model_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->slots));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_filtered_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

static void
sa_activity_log_init (SaActivityLog *self)
{
  g_autoptr(GtkColumnViewColumn) date_column = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->participants_stale = TRUE;
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->changed_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->gone_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->commitment_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Newest first. */
  sa_activity_columns_add (self->column_view, self->commitment_texts);
  date_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);
  gtk_column_view_sort_by_column (self->column_view, date_column, GTK_SORT_DESCENDING);
  create_models (self);
  on_sort_changed (self);
  add_delete_shortcut (self);
}

/**
 * sa_activity_log_new:
 * @context: the store, the undo stack changes go through and the shared filter
 *
 * Returns: (transfer floating): a new activity log
 */
GtkWidget *
sa_activity_log_new (SaContext *context)
{
  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  return g_object_new (SA_TYPE_ACTIVITY_LOG, "context", context, NULL);
}

SaUndoStack *
sa_activity_log_get_undo_stack (SaActivityLog *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_LOG (self), NULL);

  return self->undo_stack;
}

/**
 * sa_activity_log_get_model:
 * @self: an activity log
 *
 * Returns: (transfer none): the activities the search and filters let through, as
 *   the log shows them, in #SaActivityItem
 */
GListModel *
sa_activity_log_get_model (SaActivityLog *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_LOG (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
