/* sa-calendar-page.c: the Calendar view, a month of activities
 *
 * A header names the month and moves between months and fiscal years; filters
 * shared with the List view narrow what is shown; the month grid shows the six
 * weeks around the month; beside it, the selected day's records and the totals of
 * the month and of the fiscal year up to the month's end.
 *
 * Switching months loads only the six weeks shown, through the date index, and the
 * names of organizations once. The fiscal year's totals are kept per month, so a
 * month once counted is not read again until the database or the filter changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-activity-form.h"
#include "sa-activity.h"
#include "sa-accessible.h"
#include "sa-calendar-page-private.h"
#include "sa-date-text.h"
#include "sa-commitment.h"
#include "sa-date.h"
#include "sa-district.h"
#include "sa-filter-bar.h"
#include "sa-holiday.h"
#include "sa-organization.h"
#include "sa-store-deleted.h"
#include "sa-plan.h"
#include "sa-toast.h"

G_DEFINE_FINAL_TYPE (SaCalendarPage, sa_calendar_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
/* ---- toasts --------------------------------------------------------------------- */

static void
report (SaCalendarPage *self,
        GError         *error)
{
  if (error != NULL)
    sa_toast_show_text (GTK_WIDGET (self), error->message);
}

/* ---- text ----------------------------------------------------------------------- */

static SaYearFormat
year_format (SaCalendarPage *self)
{
  return sa_context_get_year_format (self->context);
}

static const char *
organization_name (SaCalendarPage *self,
                   SaRecord       *activity)
{
  const char *id = sa_record_get_text (activity, SA_ACTIVITY_ORGANIZATION_ID);

  return id && self->organization_names ? g_hash_table_lookup (self->organization_names, id) : NULL;
}

/* ---- loading -------------------------------------------------------------------- */

static gboolean
passes_filter (SaCalendarPage *self,
               SaRecord       *activity)
{
  g_auto(GStrv) commitments = NULL;

  /* Links are read only when a commitment is asked for, and then only for the
   * records already in the range. */
  if (sa_activity_filter_get_commitment_id (self->filter) != NULL)
    commitments = sa_store_dup_activity_commitments (self->store, sa_record_get_id (activity), NULL);
  return sa_activity_filter_match (self->filter, activity, (const char * const *) commitments);
}

GPtrArray *
_sa_calendar_page_load_activities (SaCalendarPage *self,
                                   const GDate    *first,
                                   const GDate    *last)
{
  g_autofree char *from = sa_date_to_iso (first);
  g_autofree char *to = sa_date_to_iso (last);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sa_store_list_activities (self->store, from, to, &error);
  GPtrArray *shown;

  if (all == NULL)
    {
      report (self, error);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }
  if (sa_activity_filter_is_empty (self->filter))
    return g_steal_pointer (&all);

  shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (passes_filter (self, g_ptr_array_index (all, i)))
      g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (all, i)));
  return shown;
}

static void
load_organization_names (SaCalendarPage *self)
{
  g_clear_pointer (&self->organization_names, g_hash_table_unref);
  self->organization_names = sa_store_dup_display_names (self->store, &sa_organization_table,
                                                         SA_ORGANIZATION_NAME, NULL);
  if (self->organization_names == NULL)
    self->organization_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
update_header (SaCalendarPage *self)
{
  SaYearFormat format = year_format (self);
  SaCalendarStyle year_style = sa_date_text_month_style (format);
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;
  GDate date;

  sa_month_grid_get_date (self->grid, &date);
  month = sa_date_text_month (g_date_get_year (&date), g_date_get_month (&date), year_style);
  year = sa_fiscal_year_label (sa_date_fiscal_year (&date), format);
  gtk_label_set_text (self->month_label, month);
  gtk_menu_button_set_label (self->fiscal_year_button, year);
}

static void
select_day_row (SaCalendarPage *self)
{
  const char *id = sa_month_grid_get_selected_activity (self->grid);
  GListModel *model = G_LIST_MODEL (self->day_activities);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SaRecord) activity = g_list_model_get_item (model, i);

      if (g_str_equal (sa_record_get_id (activity), id))
        position = i;
    }
  self->syncing++;
  gtk_single_selection_set_selected (self->day_selection, position);
  self->syncing--;
}

static void
update_day (SaCalendarPage *self)
{
  g_autofree char *title = NULL;
  const char *holiday;
  GPtrArray *activities;
  GDate date;

  sa_month_grid_get_date (self->grid, &date);
  title = sa_date_text_day (&date);
  holiday = sa_holiday_lookup (&date);
  gtk_label_set_text (self->day_label, title);
  gtk_label_set_text (self->holiday_label, holiday ? holiday : "");
  gtk_widget_set_visible (GTK_WIDGET (self->holiday_label), holiday != NULL);

  activities = sa_month_grid_get_day_activities (self->grid, &date);
  self->syncing++;
  g_list_store_splice (self->day_activities, 0, g_list_model_get_n_items (G_LIST_MODEL (self->day_activities)),
                       activities ? activities->pdata : NULL, activities ? activities->len : 0);
  self->syncing--;
  gtk_stack_set_visible_child_name (self->day_stack, activities && activities->len > 0 ? "list" : "empty");
  select_day_row (self);
}

/* Reads the six weeks the grid shows. */
static void
load_month (SaCalendarPage *self)
{
  g_autoptr(GPtrArray) activities = NULL;
  GDate first, last, month;

  sa_month_grid_get_range (self->grid, &first, &last);
  self->loaded_first = first;

  load_organization_names (self);
  activities = _sa_calendar_page_load_activities (self, &first, &last);
  sa_month_grid_set_activities (self->grid, activities, self->organization_names);

  _sa_calendar_page_shown_month (self, &month);
  _sa_calendar_page_count_shown_month (self, &month);

  if (self->select_after_load != NULL)
    {
      sa_month_grid_set_selected_activity (self->grid, self->select_after_load);
      g_clear_pointer (&self->select_after_load, g_free);
    }

  update_header (self);
  update_day (self);
  _sa_calendar_page_update_summary (self);
}

/* ---- the plan's years and the filters ------------------------------------------- */

static void
load_fiscal_years (SaCalendarPage *self)
{
  g_autoptr(GPtrArray) plans = sa_store_list (self->store, &sa_plan_table, NULL, NULL, NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  SaYearFormat format = year_format (self);
  int first = G_MAXINT, last = G_MININT;

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      SaRecord *plan = g_ptr_array_index (plans, i);

      first = MIN (first, (int) sa_record_get_int (plan, SA_PLAN_FIRST_FY));
      last = MAX (last, (int) sa_record_get_int (plan, SA_PLAN_LAST_FY));
    }
  for (int fy = first; fy <= last && fy > 0 && fy < G_MAXUINT16; fy++)
    {
      g_autofree char *label = sa_fiscal_year_label (fy, format);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "calendar.go-to-fiscal-year", g_variant_new_int32 (fy));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->fiscal_year_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->fiscal_year_button), first <= last);
}

/* ---- reacting ------------------------------------------------------------------- */

static gboolean
reload_cb (gpointer user_data)
{
  SaCalendarPage *self = user_data;

  self->reload_id = 0;
  if (self->reload_choices)
    {
      sa_filter_bar_load_choices (self->filter_bar);
      load_fiscal_years (self);
      self->reload_choices = FALSE;
    }
  g_hash_table_remove_all (self->month_totals);
  load_month (self);
  return G_SOURCE_REMOVE;
}

/* A store says "changed" once per table, and a refresh names every table: the
 * page loads once, before the next frame is drawn. */
static void
queue_reload (SaCalendarPage *self,
              gboolean        choices)
{
  self->reload_choices |= choices;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_cb, self, NULL);
}

static void
on_store_changed (SaCalendarPage     *self,
                  const char         *table,
                  const char * const *ids)
{
  gboolean choices = g_str_equal (table, "organization") || g_str_equal (table, "district") ||
                     g_str_equal (table, "commitment") || g_str_equal (table, "goal") ||
                     g_str_equal (table, "plan");

  if (choices || g_str_equal (table, "activity") || g_str_equal (table, "activity_commitment"))
    queue_reload (self, choices);
}

static void
on_filter_changed (SaCalendarPage *self)
{
  g_hash_table_remove_all (self->month_totals);
  load_month (self);
}

static void
on_year_format_changed (SaCalendarPage *self)
{
  update_header (self);
  _sa_calendar_page_update_summary (self);
  load_fiscal_years (self);
}

static void
on_date_changed (SaCalendarPage *self)
{
  GDate first;

  sa_month_grid_get_range (self->grid, &first, NULL);
  if (!g_date_valid (&self->loaded_first) || g_date_compare (&first, &self->loaded_first) != 0)
    load_month (self);
  else
    update_day (self);
}

static void
on_grid_activity_selected (SaCalendarPage *self)
{
  if (self->syncing == 0)
    select_day_row (self);
}

static void
on_day_selection_changed (SaCalendarPage *self)
{
  SaRecord *activity = gtk_single_selection_get_selected_item (self->day_selection);

  if (self->syncing > 0 || activity == NULL)
    return;
  self->syncing++;
  sa_month_grid_set_selected_activity (self->grid, sa_record_get_id (activity));
  self->syncing--;
}

/* ---- opening the form ----------------------------------------------------------- */

/* The calendar follows a record saved in the form to its day, which may be another
 * month's; it is selected once its month is loaded. */
static void
on_form_saved (SaCalendarPage *self,
               const char     *activity_id)
{
  g_autoptr(SaRecord) activity = sa_store_get (self->store, &sa_activity_table, activity_id, NULL);
  GDate date;

  if (activity == NULL || !sa_date_parse_iso (sa_record_get_text (activity, SA_ACTIVITY_DATE), &date, NULL))
    return;
  g_free (self->select_after_load);
  self->select_after_load = g_strdup (activity_id);
  sa_month_grid_set_date (self->grid, &date);
}

static void
open_form (SaCalendarPage *self,
           const char     *activity_id,
           const GDate    *date)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SaActivityForm *form;

  form = sa_activity_form_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->context, activity_id, date);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

static void
on_day_activated (SaCalendarPage *self,
                  const GDate    *date)
{
  open_form (self, NULL, date);
}

static void
on_activity_activated (SaCalendarPage *self,
                       const char     *activity_id)
{
  open_form (self, activity_id, NULL);
}

static void
on_day_row_activated (SaCalendarPage *self,
                      guint           position)
{
  g_autoptr(SaRecord) activity = g_list_model_get_item (G_LIST_MODEL (self->day_activities), position);

  if (activity != NULL)
    open_form (self, sa_record_get_id (activity), NULL);
}

/* ---- moving a record ------------------------------------------------------------ */

static gboolean
write_move (SaCalendarPage *self,
            SaRecord       *activity,
            const char     *date,
            GError        **error)
{
  g_autoptr(SaRecord) moved = sa_record_copy (activity);
  /* Translators: the name of a change to undo; %s is an activity's title */
  g_autofree char *label = g_strdup_printf (_("Move “%s”"), sa_record_get_text (activity, SA_ACTIVITY_TITLE));

  sa_record_set_text (moved, SA_ACTIVITY_DATE, date);
  if (!sa_undo_stack_begin (self->undo_stack, label, error))
    return FALSE;
  if (!sa_undo_stack_update (self->undo_stack, moved, error))
    {
      sa_undo_stack_rollback (self->undo_stack);
      return FALSE;
    }
  return sa_undo_stack_commit (self->undo_stack, error);
}

/* A chip dropped on a day, or Ctrl+Shift+arrow. Text dropped from elsewhere that
 * names no record is refused quietly. */
static gboolean
on_move_activity (SaCalendarPage *self,
                  const char     *activity_id,
                  const GDate    *date)
{
  g_autoptr(SaRecord) activity = sa_store_get (self->store, &sa_activity_table, activity_id, NULL);
  g_autofree char *iso = sa_date_to_iso (date);
  g_autofree char *day = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (activity == NULL || sa_record_get_deleted (activity) ||
      g_strcmp0 (sa_record_get_text (activity, SA_ACTIVITY_DATE), iso) == 0)
    return FALSE;
  if (!write_move (self, activity, iso, &error))
    {
      report (self, error);
      return FALSE;
    }

  day = sa_date_text_day (date);
  /* Translators: %1$s is an activity's title, %2$s a day such as “Friday, May 3” */
  message = g_strdup_printf (_("Moved “%1$s” to %2$s"), sa_record_get_text (activity, SA_ACTIVITY_TITLE), day);
  sa_toast_show_undo (GTK_WIDGET (self), message);
  return TRUE;
}

static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  SaCalendarPage *self = user_data;

  if (!sa_month_grid_move_selected_activity (self->grid, g_variant_get_int32 (args)))
    gtk_widget_error_bell (widget);
  return TRUE;
}

/* The day's list moves its selected record with the keys the grid uses. Its own
 * bindings would take Ctrl+Shift+Up and Down for selecting, so these come first. */
static void
add_list_move_shortcuts (SaCalendarPage *self)
{
  static const struct { guint keyval; int days; } keys[] = {
    { GDK_KEY_Left, -1 }, { GDK_KEY_Right, 1 }, { GDK_KEY_Up, -7 }, { GDK_KEY_Down, 7 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      int days = rtl && ABS (keys[i].days) == 1 ? -keys[i].days : keys[i].days;
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                gtk_callback_action_new (move_shortcut_cb, self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (days));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->day_view), controller);
}

/* ---- the day's list ------------------------------------------------------------- */

static void
setup_day_row (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "numeric");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
}

/* The title, then what else there is of: time, organization, participants. */
static void
bind_day_row (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SaCalendarPage           *self)
{
  SaRecord *activity = gtk_list_item_get_item (list_item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  const char *time = sa_record_get_text (activity, SA_ACTIVITY_TIME);
  const char *organization = organization_name (self, activity);
  guint participants = (guint) CLAMP (sa_record_get_int (activity, SA_ACTIVITY_PARTICIPANTS), 0, G_MAXUINT);
  g_autofree char *count = g_strdup_printf (ngettext ("%u participant", "%u participants", participants),
                                            participants);
  g_autoptr(GString) text = g_string_new (NULL);

  if (time != NULL && *time != '\0')
    g_string_append_printf (text, "%s · ", time);
  if (organization != NULL)
    g_string_append_printf (text, "%s · ", organization);
  g_string_append (text, count);

  gtk_label_set_text (GTK_LABEL (title), sa_record_get_text (activity, SA_ACTIVITY_TITLE));
  gtk_label_set_text (GTK_LABEL (details), text->str);
  g_string_prepend (text, _(", "));
  g_string_prepend (text, sa_record_get_text (activity, SA_ACTIVITY_TITLE));
  sa_accessible_name_list_item (list_item, text->str);
}

static GtkListItemFactory *
create_day_factory (SaCalendarPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_day_row), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_day_row), self, 0);
  return factory;
}

/* ---- actions -------------------------------------------------------------------- */

static void
change_month (SaCalendarPage *self,
              int             months)
{
  GDate date;

  sa_month_grid_get_date (self->grid, &date);
  if (months > 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  sa_month_grid_set_date (self->grid, &date);
}

static void
previous_month_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  change_month (SA_CALENDAR_PAGE (widget), -1);
}

static void
next_month_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  change_month (SA_CALENDAR_PAGE (widget), 1);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  sa_calendar_page_go_to_date (SA_CALENDAR_PAGE (widget), &today);
}

static void
go_to_fiscal_year_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  int fy = g_variant_get_int32 (parameter);
  GDate april;

  g_return_if_fail (fy > 0 && fy < G_MAXUINT16);

  sa_fiscal_year_first_day (fy, &april);
  sa_calendar_page_go_to_date (SA_CALENDAR_PAGE (widget), &april);
}

static void
add_activity_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SaCalendarPage *self = SA_CALENDAR_PAGE (widget);
  GDate date;

  sa_month_grid_get_date (self->grid, &date);
  open_form (self, NULL, &date);
}

/* ---- object --------------------------------------------------------------------- */

static void
sa_calendar_page_constructed (GObject *object)
{
  SaCalendarPage *self = SA_CALENDAR_PAGE (object);
  g_autoptr(GtkListItemFactory) factory = create_day_factory (self);

  G_OBJECT_CLASS (sa_calendar_page_parent_class)->constructed (object);

  g_assert (SA_IS_CONTEXT (self->context));
  self->store = g_object_ref (sa_context_get_store (self->context));
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (self->context));
  self->filter = g_object_ref (sa_context_get_filter (self->context));

  self->day_activities = g_list_store_new (SA_TYPE_ACTIVITY);
  self->day_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->day_activities)));
  gtk_single_selection_set_autoselect (self->day_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->day_selection, TRUE);
  g_signal_connect_object (self->day_selection, "notify::selected", G_CALLBACK (on_day_selection_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->day_view, GTK_SELECTION_MODEL (self->day_selection));
  gtk_list_view_set_factory (self->day_view, factory);
  add_list_move_shortcuts (self);

  sa_filter_bar_set_context (self->filter_bar, self->context);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::year-format", G_CALLBACK (on_year_format_changed),
                           self, G_CONNECT_SWAPPED);

  sa_filter_bar_load_choices (self->filter_bar);
  load_fiscal_years (self);
  load_month (self);
}

static void
sa_calendar_page_dispose (GObject *object)
{
  SaCalendarPage *self = SA_CALENDAR_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->count_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->day_selection);
  g_clear_object (&self->day_activities);
  g_clear_pointer (&self->organization_names, g_hash_table_unref);
  g_clear_pointer (&self->month_totals, g_hash_table_unref);
  g_clear_pointer (&self->select_after_load, g_free);
  g_clear_object (&self->filter);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_calendar_page_parent_class)->dispose (object);
}

static void
sa_calendar_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SaCalendarPage *self = SA_CALENDAR_PAGE (object);

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
sa_calendar_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SaCalendarPage *self = SA_CALENDAR_PAGE (object);

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
sa_calendar_page_class_init (SaCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sa_calendar_page_constructed;
  object_class->dispose = sa_calendar_page_dispose;
  object_class->get_property = sa_calendar_page_get_property;
  object_class->set_property = sa_calendar_page_set_property;

  /**
   * SaCalendarPage:context:
   *
   * The store, the undo stack moves go through, the filter the window's
   * views share and the year format.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, previous_month_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_activated);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "calendar.go-to-fiscal-year", "i", go_to_fiscal_year_activated);
  gtk_widget_class_install_action (widget_class, "calendar.add-activity", NULL, add_activity_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next-month", NULL);

  g_type_ensure (SA_TYPE_MONTH_GRID);
  g_type_ensure (SA_TYPE_FILTER_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, content);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, fiscal_year_button);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, grid);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, holiday_label);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, day_stack);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, day_view);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, month_summary_title);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, month_summary);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, year_summary_title);
  gtk_widget_class_bind_template_child (widget_class, SaCalendarPage, year_summary);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activity_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_day_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_activity_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_move_activity);
  gtk_widget_class_bind_template_callback (widget_class, on_day_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sa_calendar_page_init (SaCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->loaded_first, 1);
  self->month_totals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/**
 * sa_calendar_page_new:
 * @context: the store, the undo stack moves of records go through, and the
 *   filter the window's views share
 *
 * Returns: (transfer floating): a page showing this month
 */
GtkWidget *
sa_calendar_page_new (SaContext *context)
{
  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  return g_object_new (SA_TYPE_CALENDAR_PAGE, "context", context, NULL);
}

/**
 * sa_calendar_page_get_filter:
 * @self: a calendar page
 *
 * Returns: (transfer none): the filter the page applies
 */
SaActivityFilter *
sa_calendar_page_get_filter (SaCalendarPage *self)
{
  g_return_val_if_fail (SA_IS_CALENDAR_PAGE (self), NULL);

  return self->filter;
}

/**
 * sa_calendar_page_get_grid:
 * @self: a calendar page
 *
 * Returns: (transfer none): the month grid
 */
SaMonthGrid *
sa_calendar_page_get_grid (SaCalendarPage *self)
{
  g_return_val_if_fail (SA_IS_CALENDAR_PAGE (self), NULL);

  return self->grid;
}

/**
 * sa_calendar_page_go_to_date:
 * @self: a calendar page
 * @date: a valid day
 *
 * Shows @date's month with @date selected.
 */
void
sa_calendar_page_go_to_date (SaCalendarPage *self,
                             const GDate    *date)
{
  g_return_if_fail (SA_IS_CALENDAR_PAGE (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  sa_month_grid_set_date (self->grid, date);
}
