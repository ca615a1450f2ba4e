/* sa-calendar-page-totals.c: the Calendar view's totals of the month and the fiscal year
 *
 * The fiscal year's totals are kept per month, so a month once counted is not read
 * again until the database or the filter changes; the shown month is counted from
 * the six weeks the grid already holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-activity.h"
#include "sa-calendar-page-private.h"
#include "sa-date-text.h"
#include "sa-date.h"

static char *
totals_text (const Totals *totals)
{
  g_autofree char *activities = g_strdup_printf (ngettext ("%u activity", "%u activities", totals->activities),
                                                 totals->activities);
  g_autofree char *participants = g_strdup_printf (ngettext ("%u participant", "%u participants",
                                                             totals->participants),
                                                   totals->participants);

  /* Translators: totals, as in “12 activities · 340 participants” */
  return g_strdup_printf (_("%1$s · %2$s"), activities, participants);
}

static void
add_totals (Totals   *totals,
            SaRecord *activity)
{
  totals->activities++;
  totals->participants += (guint) CLAMP (sa_record_get_int (activity, SA_ACTIVITY_PARTICIPANTS), 0, G_MAXUINT);
}

static gpointer
month_key (const GDate *date)
{
  return GUINT_TO_POINTER (g_date_get_year (date) * 12 + g_date_get_month (date) - 1);
}

/* The totals of the month @first starts, counted once. */
static const Totals *
month_totals (SaCalendarPage *self,
              const GDate    *first)
{
  Totals *totals = g_hash_table_lookup (self->month_totals, month_key (first));
  g_autoptr(GPtrArray) activities = NULL;
  GDate last = *first;

  if (totals != NULL)
    return totals;

  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  activities = _sa_calendar_page_load_activities (self, first, &last);
  totals = g_new0 (Totals, 1);
  for (guint i = 0; i < activities->len; i++)
    add_totals (totals, g_ptr_array_index (activities, i));
  g_hash_table_insert (self->month_totals, month_key (first), totals);
  return totals;
}

/* The shown month's totals come from the six weeks already loaded. */
void
_sa_calendar_page_count_shown_month (SaCalendarPage *self,
                                     const GDate    *first)
{
  Totals *totals = g_new0 (Totals, 1);
  GDate day = *first;

  while (g_date_get_month (&day) == g_date_get_month (first))
    {
      GPtrArray *activities = sa_month_grid_get_day_activities (self->grid, &day);

      for (guint i = 0; activities != NULL && i < activities->len; i++)
        add_totals (totals, g_ptr_array_index (activities, i));
      g_date_add_days (&day, 1);
    }
  g_hash_table_insert (self->month_totals, month_key (first), totals);
}

void
_sa_calendar_page_shown_month (SaCalendarPage *self,
                               GDate          *first)
{
  GDate date;

  sa_month_grid_get_date (self->grid, &date);
  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, g_date_get_month (&date), g_date_get_year (&date));
}

/* Whether the months of the fiscal year up to @first are all counted. */
static gboolean
year_counted (SaCalendarPage *self,
              const GDate    *first)
{
  GDate month;

  sa_fiscal_year_first_day (sa_date_fiscal_year (first), &month);
  for (; g_date_compare (&month, first) <= 0; g_date_add_months (&month, 1))
    if (!g_hash_table_contains (self->month_totals, month_key (&month)))
      return FALSE;
  return TRUE;
}

static void
update_year_totals (SaCalendarPage *self)
{
  g_autofree char *text = NULL;
  Totals year = { 0, 0 };
  GDate first, month;

  _sa_calendar_page_shown_month (self, &first);
  sa_fiscal_year_first_day (sa_date_fiscal_year (&first), &month);
  for (; g_date_compare (&month, &first) <= 0; g_date_add_months (&month, 1))
    {
      const Totals *totals = month_totals (self, &month);

      year.activities += totals->activities;
      year.participants += totals->participants;
    }
  text = totals_text (&year);
  gtk_label_set_text (self->year_summary, text);
}

static gboolean
count_year_cb (gpointer user_data)
{
  SaCalendarPage *self = user_data;

  self->count_id = 0;
  update_year_totals (self);
  return G_SOURCE_REMOVE;
}

void
_sa_calendar_page_update_summary (SaCalendarPage *self)
{
  SaYearFormat format = sa_context_get_year_format (self->context);
  SaCalendarStyle year_style = sa_date_text_month_style (format);
  g_autofree char *month_title = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *year_label = NULL;
  g_autofree char *year_title = NULL;
  GDate first;

  _sa_calendar_page_shown_month (self, &first);
  month_title = sa_date_text_month (g_date_get_year (&first), g_date_get_month (&first), year_style);
  month_text = totals_text (month_totals (self, &first));
  year_label = sa_fiscal_year_label (sa_date_fiscal_year (&first), format);
  /* Translators: %1$s is a fiscal year, “FY2012” or “平成24年度”; %2$s a month, “May” */
  year_title = g_strdup_printf (_("%1$s to the end of %2$s"), year_label,
                                sa_date_text_month_name (g_date_get_month (&first)));

  gtk_label_set_text (self->month_summary_title, month_title);
  gtk_label_set_text (self->month_summary, month_text);
  gtk_label_set_text (self->year_summary_title, year_title);

  /* Months not yet counted are read after the month is shown, which a jump to the
   * end of a fiscal year would otherwise keep waiting for eleven months' records. */
  if (year_counted (self, &first))
    update_year_totals (self);
  else
    {
      gtk_label_set_text (self->year_summary, _("Counting…"));
      if (self->count_id == 0)
        self->count_id = g_idle_add (count_year_cb, self);
    }
}
