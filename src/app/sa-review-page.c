/* sa-review-page.c: the Review view of the window, a year's review of each commitment
 *
 * A fiscal year chosen at the top, then every commitment scheduled in that year under
 * its basic goal and actor, each an SaReviewItem with the activity log's totals, the
 * target's progress and the review to fill in. The page reads the store again when it
 * changes (its own edits, an undo, another program's write); while the commitments
 * shown stay the same the rows are updated in place, so focus, open rows and a text
 * being typed survive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-commitment.h"
#include "sa-date.h"
#include "sa-goal.h"
#include "sa-plan.h"
#include "sa-review-item.h"
#include "sa-rating-scale-dialog.h"
#include "sa-accessible.h"
#include "sa-review-page.h"
#include "sa-store-plans.h"
#include "sa-store-review.h"
#include "sa-toast.h"

struct _SaReviewPage
{
  GtkWidget      parent_instance;

  SaContext     *context;
  SaStore       *store;          /* the context's */
  guint          reload_id;
  int            first_fy;       /* the plan's years; 0 without a plan */
  int            last_fy;
  int            fiscal_year;    /* 0 until chosen: then the year of today */
  gboolean       choosing;       /* the year list is being filled, not chosen from */
  char          *shape;          /* what the rows shown are, to tell a new set from an update */
  GPtrArray     *items;          /* of SaReviewItem, in the order shown */

  GtkWidget     *toolbar;
  GtkLabel      *summary_label;
  GtkDropDown   *year_dropdown;
  GtkStack      *stack;
  GtkBox        *groups_box;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (SaReviewPage, sa_review_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SaReviewPage *self);

/* ---- the year ------------------------------------------------------------------- */

/* Years as the other views write them: 平成24年度 or 2012年度, FY2012 in English. */
static char *
year_label (SaReviewPage *self,
            int           fy)
{
  return sa_context_dup_year_label (self->context, fy);
}

static void
update_year_actions (SaReviewPage *self)
{
  gboolean plan = self->first_fy > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous-year", plan && self->fiscal_year > self->first_fy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next-year", plan && self->fiscal_year < self->last_fy);
}

/* Selects the shown year in the list. */
static void
select_year (SaReviewPage *self)
{
  self->choosing = TRUE;
  if (self->first_fy > 0 && gtk_drop_down_get_selected (self->year_dropdown) != (guint) (self->fiscal_year - self->first_fy))
    gtk_drop_down_set_selected (self->year_dropdown, self->fiscal_year - self->first_fy);
  self->choosing = FALSE;
  update_year_actions (self);
}

/* The list of the plan's years. Only when the years or their format change: the list
 * is never replaced while a choice from it is being made. */
static void
fill_years (SaReviewPage *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);

  for (int fy = self->first_fy; fy > 0 && fy <= self->last_fy; fy++)
    {
      g_autofree char *label = year_label (self, fy);
      gtk_string_list_append (years, label);
    }
  self->choosing = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  self->choosing = FALSE;
  select_year (self);
}

static int
clamp_year (SaReviewPage *self,
            int           fy)
{
  if (fy == 0)
    {
      g_autoptr(GDate) today = g_date_new ();

      g_date_set_time_t (today, time (NULL));
      fy = sa_date_fiscal_year (today);
    }
  return CLAMP (fy, self->first_fy, self->last_fy);
}

/* Reads the plan's years; FALSE without a plan. */
static gboolean
read_plan (SaReviewPage  *self,
           char         **plan_id,
           GError       **error)
{
  g_autoptr(SaRecord) plan = NULL;
  int first_fy, last_fy, fy;

  if (!(*plan_id = sa_store_resolve_plan (self->store, NULL, error)) ||
      !(plan = sa_store_get (self->store, &sa_plan_table, *plan_id, error)))
    {
      self->first_fy = self->last_fy = 0;
      return FALSE;
    }
  first_fy = (int) sa_record_get_int (plan, SA_PLAN_FIRST_FY);
  last_fy = MAX (first_fy, (int) sa_record_get_int (plan, SA_PLAN_LAST_FY));
  if (first_fy == self->first_fy && last_fy == self->last_fy)
    return TRUE;
  self->first_fy = first_fy;
  self->last_fy = last_fy;
  fy = clamp_year (self, self->fiscal_year);
  self->fiscal_year = fy;
  fill_years (self);
  return TRUE;
}

static void
save_pending (SaReviewPage *self)
{
  for (guint i = 0; i < self->items->len; i++)
    sa_review_item_save_pending (g_ptr_array_index (self->items, i));
}

/**
 * sa_review_page_set_fiscal_year:
 * @self: a review page
 * @fiscal_year: a year of the plan; one outside is taken as its nearest year
 *
 * Shows the commitments scheduled in @fiscal_year, after saving what was typed.
 */
void
sa_review_page_set_fiscal_year (SaReviewPage *self,
                                int           fiscal_year)
{
  g_return_if_fail (SA_IS_REVIEW_PAGE (self));

  if (self->first_fy == 0)
    return;
  fiscal_year = clamp_year (self, fiscal_year);
  if (fiscal_year == self->fiscal_year)
    return;
  save_pending (self);
  self->fiscal_year = fiscal_year;
  select_year (self);
  reload (self);
}

int
sa_review_page_get_fiscal_year (SaReviewPage *self)
{
  g_return_val_if_fail (SA_IS_REVIEW_PAGE (self), 0);

  return self->fiscal_year;
}

static void
on_year_selected (SaReviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (!self->choosing && selected != GTK_INVALID_LIST_POSITION)
    sa_review_page_set_fiscal_year (self, self->first_fy + (int) selected);
}

static void
year_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SaReviewPage *self = SA_REVIEW_PAGE (widget);
  int step = g_str_equal (action_name, "review.next-year") ? 1 : -1;

  sa_review_page_set_fiscal_year (self, self->fiscal_year + step);
}

/* ---- the rows ------------------------------------------------------------------- */

typedef struct
{
  GHashTable *goal_of;   /* commitment id → goal id */
  GHashTable *goals;     /* goal id → SaRecord */
} Outline;

static void
outline_clear (Outline *outline)
{
  g_clear_pointer (&outline->goal_of, g_hash_table_unref);
  g_clear_pointer (&outline->goals, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outline, outline_clear)

static gboolean
read_outline (SaReviewPage  *self,
              Outline       *outline,
              GError       **error)
{
  g_autoptr(GPtrArray) commitments = sa_store_list (self->store, &sa_commitment_table, NULL, NULL, error);
  g_autoptr(GPtrArray) goals = commitments ? sa_store_list (self->store, &sa_goal_table, NULL, NULL, error) : NULL;

  if (goals == NULL)
    return FALSE;
  outline->goal_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  outline->goals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < commitments->len; i++)
    g_hash_table_insert (outline->goal_of, g_strdup (sa_record_get_id (commitments->pdata[i])),
                         g_strdup (sa_record_get_text (commitments->pdata[i], SA_COMMITMENT_GOAL_ID)));
  for (guint i = 0; i < goals->len; i++)
    g_hash_table_insert (outline->goals, g_strdup (sa_record_get_id (goals->pdata[i])),
                         g_object_ref (goals->pdata[i]));
  return TRUE;
}

static SaRecord *
goal_of (Outline           *outline,
         const SaReviewRow *row)
{
  const char *goal_id = g_hash_table_lookup (outline->goal_of, row->commitment_id);

  return goal_id ? g_hash_table_lookup (outline->goals, goal_id) : NULL;
}

static char *
goal_heading (SaRecord *goal)
{
  g_autofree char *number = NULL;

  if (goal == NULL)
    return g_strdup ("");
  number = g_strdup_printf (_("Basic Goal %d"), (int) sa_record_get_int (goal, SA_GOAL_NUMBER));
  return g_strdup_printf ("%s  %s", number, sa_record_get_text (goal, SA_GOAL_TITLE) ?: "");
}

/* The year, and each row's goal, actor and commitment: the same shape can be shown
 * by updating the rows there are. */
static char *
describe_shape (SaReviewPage *self,
                GPtrArray    *rows,
                Outline      *outline)
{
  GString *shape = g_string_new (NULL);

  g_string_append_printf (shape, "%d\n", self->fiscal_year);
  for (guint i = 0; i < rows->len; i++)
    {
      SaReviewRow *row = g_ptr_array_index (rows, i);
      g_autofree char *heading = goal_heading (goal_of (outline, row));

      g_string_append_printf (shape, "%s\t%s\t%s\n", heading, row->actor ?: "", row->commitment_id);
    }
  return g_string_free (shape, FALSE);
}

static GtkWidget *
add_heading (SaReviewPage *self,
             const char   *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (self->groups_box, label);
  return label;
}

static AdwPreferencesGroup *
add_group (SaReviewPage *self,
           const char   *actor)
{
  GtkWidget *group = adw_preferences_group_new ();
  /* The group title is markup in libadwaita 1.2; an actor may be "A & B". */
  g_autofree char *title = g_markup_escape_text (actor ?: "", -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  sa_accessible_name_buttons (group);
  gtk_box_append (self->groups_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
clear_rows (SaReviewPage *self,
            GHashTable   *expanded)
{
  GtkWidget *child;

  for (guint i = 0; i < self->items->len; i++)
    {
      SaReviewItem *item = g_ptr_array_index (self->items, i);

      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (item)))
        g_hash_table_add (expanded, g_strdup (sa_review_item_get_commitment_id (item)));
    }
  g_ptr_array_set_size (self->items, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

/* A new set of rows, under headings; rows open before stay open. */
static void
build_rows (SaReviewPage *self,
            GPtrArray    *rows,
            GPtrArray    *levels,
            Outline      *outline)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AdwPreferencesGroup *group = NULL;
  g_autofree char *heading = NULL;
  const char *actor = NULL;

  clear_rows (self, expanded);
  for (guint i = 0; i < rows->len; i++)
    {
      SaReviewRow *row = g_ptr_array_index (rows, i);
      g_autofree char *row_heading = goal_heading (goal_of (outline, row));
      SaReviewItem *item;

      if (group == NULL || g_strcmp0 (heading, row_heading) != 0)
        {
          add_heading (self, row_heading);
          g_free (heading);
          heading = g_steal_pointer (&row_heading);
          group = NULL;
        }
      if (group == NULL || g_strcmp0 (actor, row->actor) != 0)
        {
          group = add_group (self, row->actor);
          actor = row->actor;
        }
      item = sa_review_item_new (self->context, levels, row);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item),
                                     g_hash_table_contains (expanded, row->commitment_id));
      adw_preferences_group_add (group, GTK_WIDGET (item));
      sa_accessible_name_buttons (GTK_WIDGET (item));
      g_ptr_array_add (self->items, item);
    }
}

static void
show_summary (SaReviewPage *self,
              GPtrArray    *rows)
{
  g_autofree char *commitments = NULL;
  g_autofree char *summary = NULL;
  guint rated = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      SaReviewRow *row = g_ptr_array_index (rows, i);

      rated += row->review != NULL && sa_record_get_text (SA_RECORD (row->review), SA_REVIEW_RATING) != NULL;
    }
  commitments = g_strdup_printf (ngettext ("%u commitment", "%u commitments", rows->len), rows->len);
  summary = g_strdup_printf (_("%s · %u rated"), commitments, rated);
  gtk_label_set_text (self->summary_label, summary);
}

static void
show_empty (SaReviewPage *self,
            const char   *title,
            const char   *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
show_rows (SaReviewPage *self,
           GPtrArray    *rows,
           GPtrArray    *levels,
           Outline      *outline)
{
  g_autofree char *shape = describe_shape (self, rows, outline);

  if (g_strcmp0 (shape, self->shape) == 0)
    for (guint i = 0; i < rows->len; i++)
      sa_review_item_update (g_ptr_array_index (self->items, i), levels, g_ptr_array_index (rows, i));
  else
    {
      save_pending (self);
      build_rows (self, rows, levels, outline);
      g_free (self->shape);
      self->shape = g_steal_pointer (&shape);
    }
  show_summary (self, rows);

  if (rows->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "reviews");
  else
    {
      g_autofree char *year = year_label (self, self->fiscal_year);
      g_autofree char *description =
        g_strdup_printf (_("No commitment of the plan is scheduled in %s. Choose another year, "
                           "or add schedules to the commitments in the List view."), year);

      show_empty (self, _("Nothing to Review"), description);
    }
}

static void
reload (SaReviewPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autofree char *plan_id = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Outline) outline = { NULL, };

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (!read_plan (self, &plan_id, &error))
    {
      fill_years (self);
      gtk_widget_set_visible (self->toolbar, FALSE);
      g_clear_pointer (&self->shape, g_free);
      save_pending (self);
      g_ptr_array_set_size (self->items, 0);
      show_empty (self, _("No Plan Yet"),
                  plan_id == NULL ? _("Enter the plan in the List view, then its commitments and their schedules.")
                                  : error->message);
      return;
    }
  gtk_widget_set_visible (self->toolbar, TRUE);
  if (!(rows = sa_store_list_review_rows (self->store, plan_id, self->fiscal_year, &error)) ||
      !(levels = sa_store_list_rating_levels (self->store, plan_id, &error)) ||
      !read_outline (self, &outline, &error))
    {
      sa_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }
  show_rows (self, rows, levels, &outline);
}

static gboolean
reload_idle (gpointer user_data)
{
  SaReviewPage *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static gboolean
is_shown_table (const char *table)
{
  static const char * const tables[] = {
    "plan", "section", "goal", "actor", "commitment", "schedule_phase", "activity",
    "activity_commitment", "district", "review", "rating_level", NULL,
  };

  return g_strv_contains (tables, table);
}

/* A change writes several tables one after the other; one reading takes them all. */
static void
on_store_changed (SaReviewPage       *self,
                  const char         *table,
                  const char * const *ids)
{
  if (is_shown_table (table) && self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

static void
on_year_format_changed (SaReviewPage *self)
{
  fill_years (self);
  reload (self);
}

/* The window prints, as it does the handout, so the page needs no printing of its own. */
static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SaReviewPage *self = SA_REVIEW_PAGE (widget);

  gtk_widget_activate_action (widget, "win.print-review-sheet", "i", self->fiscal_year);
}

static void
scale_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SaReviewPage *self = SA_REVIEW_PAGE (widget);
  g_autofree char *plan_id = sa_store_resolve_plan (self->store, NULL, NULL);

  if (plan_id != NULL)
    sa_rating_scale_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, plan_id);
}

/* ---- building ------------------------------------------------------------------- */

static GtkWidget *
scale_button (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Rating _Scale…"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.scale");
  gtk_widget_set_tooltip_text (button, _("The levels a rating can take, such as A to D"));
  return button;
}

static GtkWidget *
year_button (const char *icon,
             const char *action,
             const char *tooltip,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
build_toolbar (SaReviewPage *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *years = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_bottom (toolbar, 6);
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);

  gtk_widget_add_css_class (years, "linked");
  gtk_box_append (GTK_BOX (years), year_button ("go-previous-symbolic", "review.previous-year",
                                                _("Previous Fiscal Year (Alt+Left)"), _("Previous fiscal year")));
  gtk_widget_set_tooltip_text (dropdown, _("Fiscal Year Reviewed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fiscal year reviewed"), -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_year_selected), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (years), dropdown);
  gtk_box_append (GTK_BOX (years), year_button ("go-next-symbolic", "review.next-year",
                                                _("Next Fiscal Year (Alt+Right)"), _("Next fiscal year")));
  gtk_box_append (GTK_BOX (toolbar), years);

  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_set_hexpand (summary, TRUE);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (toolbar), summary);
  gtk_box_append (GTK_BOX (toolbar), scale_button ());
  gtk_box_append (GTK_BOX (toolbar), year_button ("document-print-symbolic", "review.print",
                                                  _("Print Review Sheet… (Ctrl+P)"), _("Print review sheet")));

  self->year_dropdown = GTK_DROP_DOWN (dropdown);
  self->summary_label = GTK_LABEL (summary);
  return toolbar;
}

static void
build (SaReviewPage *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *empty = adw_status_page_new ();

  self->toolbar = build_toolbar (self);
  gtk_box_append (GTK_BOX (content), self->toolbar);
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  gtk_widget_set_margin_top (groups, 18);
  gtk_widget_set_margin_bottom (groups, 24);
  gtk_widget_set_margin_start (groups, 12);
  gtk_widget_set_margin_end (groups, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), groups);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "semi-starred-symbolic");
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "reviews");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  self->groups_box = GTK_BOX (groups);
  self->empty_page = ADW_STATUS_PAGE (empty);
  gtk_widget_set_parent (content, GTK_WIDGET (self));
}

/* ---- object --------------------------------------------------------------------- */

static void
sa_review_page_constructed (GObject *object)
{
  SaReviewPage *self = SA_REVIEW_PAGE (object);

  G_OBJECT_CLASS (sa_review_page_parent_class)->constructed (object);

  self->store = g_object_ref (sa_context_get_store (self->context));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::year-format", G_CALLBACK (on_year_format_changed),
                           self, G_CONNECT_SWAPPED);
  reload (self);
}

/* Another view shown or the window closing: what was typed a moment ago is kept. */
static void
sa_review_page_unmap (GtkWidget *widget)
{
  save_pending (SA_REVIEW_PAGE (widget));
  GTK_WIDGET_CLASS (sa_review_page_parent_class)->unmap (widget);
}

static void
sa_review_page_dispose (GObject *object)
{
  SaReviewPage *self = SA_REVIEW_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_review_page_parent_class)->dispose (object);
}

static void
sa_review_page_finalize (GObject *object)
{
  SaReviewPage *self = SA_REVIEW_PAGE (object);

  g_free (self->shape);

  G_OBJECT_CLASS (sa_review_page_parent_class)->finalize (object);
}

static void
sa_review_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SaReviewPage *self = SA_REVIEW_PAGE (object);

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
sa_review_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SaReviewPage *self = SA_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_review_page_class_init (SaReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sa_review_page_constructed;
  object_class->dispose = sa_review_page_dispose;
  object_class->finalize = sa_review_page_finalize;
  object_class->get_property = sa_review_page_get_property;
  object_class->set_property = sa_review_page_set_property;
  widget_class->unmap = sa_review_page_unmap;

  /**
   * SaReviewPage:context:
   *
   * The plan database the page reads, the undo stack its edits go
   * through (the window's Undo takes them back) and the year format.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "review.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "review.scale", NULL, scale_activated);
  gtk_widget_class_install_action (widget_class, "review.previous-year", NULL, year_activated);
  gtk_widget_class_install_action (widget_class, "review.next-year", NULL, year_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "review.previous-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "review.next-year", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sa_review_page_init (SaReviewPage *self)
{
  self->items = g_ptr_array_new ();
  build (self);
}

/**
 * sa_review_page_new:
 * @context: the plan database, the undo stack edits go through, and the year format
 *
 * Returns: (transfer floating): the Review view
 */
SaReviewPage *
sa_review_page_new (SaContext *context)
{
  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  return g_object_new (SA_TYPE_REVIEW_PAGE, "context", context, NULL);
}
