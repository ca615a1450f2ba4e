/* sa-month-grid.c: six weeks of days with their activities
 *
 * Drawn in one snapshot, as calendar's month view is, rather than built of 42 child
 * widgets: a month with thousands of records then costs a few pango layouts, and
 * switching months rebuilds no widget tree. The cells are a plain model (date,
 * holiday, activities) that the drawing, the hit tests, assistive technology and the
 * tests all read.
 *
 * The month shown is the month of the selected day. Keyboard: arrows move the day
 * (across months), Home goes to today, Page Up/Down change the month, Enter
 * activates the day, Ctrl+Shift+arrows move the selected record by a day or a week.
 * Mouse: click selects, double click activates the day, a click on a chip activates
 * its record, and a chip dragged onto another day moves the record there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-date-text.h"
#include "sa-holiday.h"
#include "sa-month-grid-private.h"

G_DEFINE_FINAL_TYPE (SaMonthGrid, sa_month_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_FIRST_WEEKDAY,
  PROP_SELECTED_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _sa_month_grid_signals[N_SIGNALS];


/* ---- the model ------------------------------------------------------------------ */

static Cell *
selected_cell (SaMonthGrid *self)
{
  int index = (int) g_date_get_julian (&self->date) - (int) g_date_get_julian (&self->first);

  g_assert (index >= 0 && index < SA_MONTH_GRID_N_CELLS);
  return &self->cells[index];
}

static int
cell_of_date (SaMonthGrid *self,
              const GDate *date)
{
  int index = (int) g_date_get_julian (date) - (int) g_date_get_julian (&self->first);

  return index >= 0 && index < SA_MONTH_GRID_N_CELLS ? index : -1;
}

gboolean
_sa_month_grid_in_month (SaMonthGrid *self,
                         const Cell  *cell)
{
  return g_date_get_month (&cell->date) == g_date_get_month (&self->date);
}

/* Lays out the six weeks that show the selected day's month, emptied. */
static void
layout_month (SaMonthGrid *self)
{
  GDate first;
  int lead;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&self->date), g_date_get_year (&self->date));
  lead = ((int) g_date_get_weekday (&first) - (int) self->first_weekday + 7) % 7;
  g_date_subtract_days (&first, lead);
  self->first = first;

  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];

      cell->date = first;
      g_date_add_days (&cell->date, i);
      cell->holiday = sa_holiday_lookup (&cell->date);
      g_ptr_array_set_size (cell->activities, 0);
    }
}

const char *
_sa_month_grid_activity_id_in_cell (Cell *cell,
                                    guint i)
{
  return sa_record_get_id (g_ptr_array_index (cell->activities, i));
}

static gboolean
cell_has_activity (Cell       *cell,
                   const char *id)
{
  for (guint i = 0; id != NULL && i < cell->activities->len; i++)
    if (g_str_equal (_sa_month_grid_activity_id_in_cell (cell, i), id))
      return TRUE;
  return FALSE;
}

/* ---- assistive technology ------------------------------------------------------- */

static char *
describe_activities (SaMonthGrid *self,
                     Cell        *cell)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < cell->activities->len; i++)
    {
      SaRecord *activity = g_ptr_array_index (cell->activities, i);
      const char *org_id = sa_record_get_text (activity, SA_ACTIVITY_ORGANIZATION_ID);
      const char *org = org_id && self->organization_names
                        ? g_hash_table_lookup (self->organization_names, org_id) : NULL;

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, sa_record_get_text (activity, SA_ACTIVITY_TITLE));
      if (org != NULL)
        g_string_append_printf (text, " (%s)", org);
    }
  return g_string_free (text, FALSE);
}

/* GTK 4.8 cannot announce, so the grid's label is the selected day: a screen reader
 * reads the name of the focused widget again when it changes. */
static void
update_accessible (SaMonthGrid *self)
{
  Cell *cell = selected_cell (self);
  g_autofree char *day = sa_date_text_full_day (&cell->date);
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = describe_activities (self, cell);
  guint n = cell->activities->len;

  if (n == 0)
    count = g_strdup (_("no activities"));
  else
    count = g_strdup_printf (ngettext ("%u activity", "%u activities", n), n);
  label = cell->holiday ? g_strjoin (", ", day, cell->holiday, count, NULL)
                        : g_strjoin (", ", day, count, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- selection ------------------------------------------------------------------ */

void
_sa_month_grid_set_selected_activity (SaMonthGrid *self,
                                      const char  *id)
{
  if (g_strcmp0 (self->selected_activity, id) == 0)
    return;
  g_free (self->selected_activity);
  self->selected_activity = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTIVITY]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Keeps the selected record if it is on the selected day, else takes the day's first. */
static void
reselect_activity (SaMonthGrid *self)
{
  Cell *cell = selected_cell (self);

  if (cell_has_activity (cell, self->selected_activity))
    return;
  _sa_month_grid_set_selected_activity (self, cell->activities->len > 0 ? _sa_month_grid_activity_id_in_cell (cell, 0) : NULL);
}

void
_sa_month_grid_select_date (SaMonthGrid *self,
                            const GDate *date)
{
  gboolean same_month;

  if (g_date_compare (date, &self->date) == 0)
    return;

  same_month = g_date_get_month (date) == g_date_get_month (&self->date) &&
               g_date_get_year (date) == g_date_get_year (&self->date);
  self->date = *date;
  if (!same_month)
    layout_month (self);

  /* Listeners load a new month's activities from here, before the cells are read. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  reselect_activity (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sa_month_grid_move_selection (SaMonthGrid *self,
                               int          days,
                               int          months)
{
  GDate date = self->date;

  if (days > 0)
    g_date_add_days (&date, days);
  else if (days < 0)
    g_date_subtract_days (&date, -days);
  /* GLib clamps to the end of a shorter month: 31 March - 1 month = 29 February. */
  if (months > 0)
    g_date_add_months (&date, months);
  else if (months < 0)
    g_date_subtract_months (&date, -months);

  if (g_date_valid (&date))
    _sa_month_grid_select_date (self, &date);
}

void
_sa_month_grid_update_today (SaMonthGrid *self)
{
  g_date_set_time_t (&self->today, time (NULL));
}

static void
sa_month_grid_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);
  double line_h = self->line_h;

  GTK_WIDGET_CLASS (sa_month_grid_parent_class)->css_changed (widget, change);

  /* Focus changes the style too, and only a new font changes the size. */
  self->line_h = 0;
  _sa_month_grid_ensure_metrics (self);
  _sa_month_grid_update_colors (self);
  if (self->line_h != line_h)
    gtk_widget_queue_resize (widget);
  else
    gtk_widget_queue_draw (widget);
}

static void
sa_month_grid_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (sa_month_grid_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      SA_MONTH_GRID (widget)->line_h = 0;
      gtk_widget_queue_resize (widget);
    }
}

/* ---- object --------------------------------------------------------------------- */

static void
sa_month_grid_dispose (GObject *object)
{
  SaMonthGrid *self = SA_MONTH_GRID (object);

  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    g_ptr_array_set_size (self->cells[i].activities, 0);
  g_clear_pointer (&self->organization_names, g_hash_table_unref);

  G_OBJECT_CLASS (sa_month_grid_parent_class)->dispose (object);
}

static void
sa_month_grid_finalize (GObject *object)
{
  SaMonthGrid *self = SA_MONTH_GRID (object);

  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    g_ptr_array_unref (self->cells[i].activities);
  g_free (self->selected_activity);
  g_free (self->pressed_chip);
  g_free (self->drag_id);

  G_OBJECT_CLASS (sa_month_grid_parent_class)->finalize (object);
}

static void
sa_month_grid_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SaMonthGrid *self = SA_MONTH_GRID (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    case PROP_FIRST_WEEKDAY:
      g_value_set_uint (value, self->first_weekday);
      break;

    case PROP_SELECTED_ACTIVITY:
      g_value_set_string (value, self->selected_activity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_month_grid_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SaMonthGrid *self = SA_MONTH_GRID (object);

  switch (prop_id)
    {
    case PROP_DATE:
      if (g_value_get_boxed (value) != NULL)
        sa_month_grid_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_FIRST_WEEKDAY:
      sa_month_grid_set_first_weekday (self, g_value_get_uint (value));
      break;

    case PROP_SELECTED_ACTIVITY:
      sa_month_grid_set_selected_activity (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_month_grid_class_init (SaMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_month_grid_dispose;
  object_class->finalize = sa_month_grid_finalize;
  object_class->get_property = sa_month_grid_get_property;
  object_class->set_property = sa_month_grid_set_property;

  widget_class->snapshot = _sa_month_grid_snapshot;
  widget_class->measure = _sa_month_grid_measure;
  widget_class->css_changed = sa_month_grid_css_changed;
  widget_class->system_setting_changed = sa_month_grid_system_setting_changed;

  /**
   * SaMonthGrid:date:
   *
   * The selected day; the grid shows its month.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaMonthGrid:first-weekday:
   *
   * The #GDateWeekday of the first column; the locale's by default.
   */
  properties[PROP_FIRST_WEEKDAY] =
    g_param_spec_uint ("first-weekday", NULL, NULL, G_DATE_MONDAY, G_DATE_SUNDAY, G_DATE_SUNDAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaMonthGrid:selected-activity:
   *
   * The id of the record that Ctrl+Shift+arrows move, one of the selected day's.
   */
  properties[PROP_SELECTED_ACTIVITY] =
    g_param_spec_string ("selected-activity", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaMonthGrid::day-activated:
   * @self: the grid
   * @date: the day
   *
   * A day was double-clicked, or Enter pressed on it.
   */
  _sa_month_grid_signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * SaMonthGrid::activity-activated:
   * @self: the grid
   * @activity_id: the record
   *
   * A record's chip was clicked.
   */
  _sa_month_grid_signals[ACTIVITY_ACTIVATED] = g_signal_new ("activity-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SaMonthGrid::move-activity:
   * @self: the grid
   * @activity_id: the record, from a chip dropped on a day or the keyboard
   * @date: the day it should move to
   *
   * Returns: %TRUE if the record was moved
   */
  _sa_month_grid_signals[MOVE_ACTIVITY] = g_signal_new ("move-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, g_signal_accumulator_true_handled, NULL, NULL,
                                         G_TYPE_BOOLEAN, 2, G_TYPE_STRING,
                                         G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  _sa_month_grid_class_add_bindings (widget_class);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
  gtk_widget_class_set_css_name (widget_class, "month-grid");
}

static void
sa_month_grid_init (SaMonthGrid *self)
{
  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    self->cells[i].activities = g_ptr_array_new_with_free_func (g_object_unref);

  self->drop_cell = -1;
  self->first_weekday = sa_month_grid_locale_first_weekday ();
  g_date_clear (&self->today, 1);
  g_date_clear (&self->first, 1);
  _sa_month_grid_update_today (self);
  self->date = self->today;
  layout_month (self);
  _sa_month_grid_update_colors (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  _sa_month_grid_add_controllers (self);
  update_accessible (self);
}

/**
 * sa_month_grid_new:
 *
 * Returns: (transfer floating): a grid showing this month, with no activities
 */
GtkWidget *
sa_month_grid_new (void)
{
  return g_object_new (SA_TYPE_MONTH_GRID, NULL);
}

/**
 * sa_month_grid_locale_first_weekday:
 *
 * Reads the first day of the week from the C library's locale, as calendar
 * does; Sunday where it cannot tell (and for ja_JP, en_US, C).
 *
 * Returns: the weekday weeks start on
 */
GDateWeekday
sa_month_grid_locale_first_weekday (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  unsigned int week_origin;
  int week_1stday;

  /* _NL_TIME_FIRST_WEEKDAY counts from _NL_TIME_WEEK_1STDAY, which is a date:
   * 19971130 a Sunday, 19971201 a Monday. */
  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)
    week_1stday = 0;
  else if (week_origin == 19971201)
    week_1stday = 1;
  else
    return G_DATE_SUNDAY;
  if (first_weekday < 1 || first_weekday > 7)
    return G_DATE_SUNDAY;

  /* That counts 0 = Sunday … 6 = Saturday; GDate counts Monday = 1 … Sunday = 7. */
  first_weekday = (week_1stday + first_weekday - 1) % 7;
  return first_weekday == 0 ? G_DATE_SUNDAY : (GDateWeekday) first_weekday;
#else
  return G_DATE_SUNDAY;
#endif
}

/**
 * sa_month_grid_get_date:
 * @self: a month grid
 * @out: (out caller-allocates): set to the selected day
 */
void
sa_month_grid_get_date (SaMonthGrid *self,
                        GDate       *out)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (out != NULL);

  *out = self->date;
}

/**
 * sa_month_grid_set_date:
 * @self: a month grid
 * @date: a valid day to select, whose month the grid shows
 */
void
sa_month_grid_set_date (SaMonthGrid *self,
                        const GDate *date)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  _sa_month_grid_select_date (self, date);
}

/**
 * sa_month_grid_get_range:
 * @self: a month grid
 * @first: (out caller-allocates) (optional): the first day shown
 * @last: (out caller-allocates) (optional): the last day shown
 */
void
sa_month_grid_get_range (SaMonthGrid *self,
                         GDate       *first,
                         GDate       *last)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));

  if (first != NULL)
    *first = self->cells[0].date;
  if (last != NULL)
    *last = self->cells[SA_MONTH_GRID_N_CELLS - 1].date;
}

GDateWeekday
sa_month_grid_get_first_weekday (SaMonthGrid *self)
{
  g_return_val_if_fail (SA_IS_MONTH_GRID (self), G_DATE_SUNDAY);

  return self->first_weekday;
}

/**
 * sa_month_grid_set_first_weekday:
 * @self: a month grid
 * @weekday: the weekday of the first column
 *
 * Lays the month out again, emptied: the range changes, so the activities must
 * be set again (#GObject::notify for #SaMonthGrid:date says so).
 */
void
sa_month_grid_set_first_weekday (SaMonthGrid  *self,
                                 GDateWeekday  weekday)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (g_date_valid_weekday (weekday));

  if (self->first_weekday == weekday)
    return;
  self->first_weekday = weekday;
  layout_month (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_WEEKDAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  reselect_activity (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The julian day of "YYYY-MM-DD", or 0. The store holds dates in that form only;
 * g_date_set_parse() would guess at other forms and is slower. */
static guint
iso_julian (const char *text)
{
  guint year, month, day;
  GDate date;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/**
 * sa_month_grid_set_activities:
 * @self: a month grid
 * @activities: (element-type SaActivity): the records to show, in the order each
 *   day lists them; those outside the range are left out
 * @organization_names: (nullable): organization id → name, for what assistive
 *   technology reads
 */
void
sa_month_grid_set_activities (SaMonthGrid *self,
                              GPtrArray   *activities,
                              GHashTable  *organization_names)
{
  guint first;

  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (activities != NULL);

  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    g_ptr_array_set_size (self->cells[i].activities, 0);
  g_clear_pointer (&self->organization_names, g_hash_table_unref);
  if (organization_names != NULL)
    self->organization_names = g_hash_table_ref (organization_names);

  first = g_date_get_julian (&self->first);
  for (guint i = 0; i < activities->len; i++)
    {
      SaRecord *activity = g_ptr_array_index (activities, i);
      int index = (int) iso_julian (sa_record_get_text (activity, SA_ACTIVITY_DATE)) - (int) first;

      if (index >= 0 && index < SA_MONTH_GRID_N_CELLS)
        g_ptr_array_add (self->cells[index].activities, g_object_ref (activity));
    }

  _sa_month_grid_update_today (self);
  reselect_activity (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sa_month_grid_get_day_activities:
 * @self: a month grid
 * @date: a day
 *
 * Returns: (transfer none) (element-type SaActivity) (nullable): the records shown
 *   on @date, or %NULL when the day is not shown
 */
GPtrArray *
sa_month_grid_get_day_activities (SaMonthGrid *self,
                                  const GDate *date)
{
  int index;

  g_return_val_if_fail (SA_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  index = cell_of_date (self, date);
  return index >= 0 ? self->cells[index].activities : NULL;
}

const char *
sa_month_grid_get_selected_activity (SaMonthGrid *self)
{
  g_return_val_if_fail (SA_IS_MONTH_GRID (self), NULL);

  return self->selected_activity;
}

/**
 * sa_month_grid_set_selected_activity:
 * @self: a month grid
 * @activity_id: (nullable): one of the selected day's records
 *
 * Chooses the record that Ctrl+Shift+arrows move; an id that is not on the
 * selected day is ignored.
 */
void
sa_month_grid_set_selected_activity (SaMonthGrid *self,
                                     const char  *activity_id)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));

  if (activity_id == NULL || cell_has_activity (selected_cell (self), activity_id))
    _sa_month_grid_set_selected_activity (self, activity_id);
}

/**
 * sa_month_grid_move_selected_activity:
 * @self: a month grid
 * @days: how many days later (or, negative, earlier) the record should be
 *
 * The keyboard's way to drag a chip: asks for the selected record to move
 * through #SaMonthGrid::move-activity, and selects it on its new day.
 *
 * Returns: whether the record moved
 */
gboolean
sa_month_grid_move_selected_activity (SaMonthGrid *self,
                                      int          days)
{
  GDate date;

  g_return_val_if_fail (SA_IS_MONTH_GRID (self), FALSE);

  if (self->selected_activity == NULL || days == 0)
    return FALSE;
  date = self->date;
  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return g_date_valid (&date) && _sa_month_grid_request_move (self, self->selected_activity, &date);
}

/**
 * sa_month_grid_get_cell_date:
 * @self: a month grid
 * @cell: a cell, 0 at the start of the first week to 41
 * @out: (out caller-allocates): set to the cell's day
 */
void
sa_month_grid_get_cell_date (SaMonthGrid *self,
                             guint        cell,
                             GDate       *out)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (cell < SA_MONTH_GRID_N_CELLS);
  g_return_if_fail (out != NULL);

  *out = self->cells[cell].date;
}

/**
 * sa_month_grid_get_cell_text:
 * @self: a month grid
 * @cell: a cell, 0 at the start of the first week to 41
 *
 * What the cell shows when there is room for it, a line each: the day, the
 * holiday if it is one, the titles of up to three records, "+N" for the rest.
 *
 * Returns: (transfer full): the lines, joined by newlines
 */
char *
sa_month_grid_get_cell_text (SaMonthGrid *self,
                             guint        cell)
{
  GString *text;
  Cell *c;

  g_return_val_if_fail (SA_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (cell < SA_MONTH_GRID_N_CELLS, NULL);

  c = &self->cells[cell];
  text = g_string_new (NULL);
  g_string_append_printf (text, "%d", g_date_get_day (&c->date));
  if (c->holiday != NULL)
    g_string_append_printf (text, "\n%s", c->holiday);
  for (guint i = 0; i < MIN (c->activities->len, SA_MONTH_GRID_MAX_CHIPS); i++)
    g_string_append_printf (text, "\n%s",
                            sa_record_get_text (g_ptr_array_index (c->activities, i), SA_ACTIVITY_TITLE));
  if (c->activities->len > SA_MONTH_GRID_MAX_CHIPS)
    g_string_append_printf (text, "\n+%u", c->activities->len - SA_MONTH_GRID_MAX_CHIPS);
  return g_string_free (text, FALSE);
}
