/* sa-date-text.c: months, days and fiscal years as every view writes them
 *
 * Japanese is written by our own code: the C library writes it only under a
 * ja_JP locale, which office PCs set but test machines and Flatpaks often lack,
 * and it knows no eras. Other languages take month and weekday names from their
 * translation, not from the C library either, so a page never mixes languages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-date-text.h"
#include "sa-date.h"

static const char * const ja_weekdays[] = { NULL, "月", "火", "水", "木", "金", "土", "日" };

/**
 * sa_date_text_is_japanese:
 *
 * Returns: whether the user interface is in Japanese
 */
gboolean
sa_date_text_is_japanese (void)
{
  const char * const *languages = g_get_language_names ();

  return g_str_has_prefix (languages[0], "ja");
}

/**
 * sa_date_text_month_style:
 * @format: how fiscal years are written
 *
 * Returns: how months are written alongside: with eras when the years have one
 */
SaCalendarStyle
sa_date_text_month_style (SaYearFormat format)
{
  return format == SA_YEAR_FORMAT_WESTERN || format == SA_YEAR_FORMAT_FY ? SA_CALENDAR_STYLE_WESTERN
                                                                          : SA_CALENDAR_STYLE_ERA;
}

/**
 * sa_date_text_month_name:
 * @month: a month
 *
 * Returns: the month's name: "5月", "May"
 */
const char *
sa_date_text_month_name (GDateMonth month)
{
  static const char * const ja_months[] = {
    NULL, "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
  };

  g_return_val_if_fail (g_date_valid_month (month), "");

  if (sa_date_text_is_japanese ())
    return ja_months[month];

  switch (month)
    {
    case G_DATE_JANUARY: return C_("month name", "January");
    case G_DATE_FEBRUARY: return C_("month name", "February");
    case G_DATE_MARCH: return C_("month name", "March");
    case G_DATE_APRIL: return C_("month name", "April");
    case G_DATE_MAY: return C_("month name", "May");
    case G_DATE_JUNE: return C_("month name", "June");
    case G_DATE_JULY: return C_("month name", "July");
    case G_DATE_AUGUST: return C_("month name", "August");
    case G_DATE_SEPTEMBER: return C_("month name", "September");
    case G_DATE_OCTOBER: return C_("month name", "October");
    case G_DATE_NOVEMBER: return C_("month name", "November");
    case G_DATE_DECEMBER: return C_("month name", "December");
    case G_DATE_BAD_MONTH:
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
weekday_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY: return C_("weekday", "Monday");
    case G_DATE_TUESDAY: return C_("weekday", "Tuesday");
    case G_DATE_WEDNESDAY: return C_("weekday", "Wednesday");
    case G_DATE_THURSDAY: return C_("weekday", "Thursday");
    case G_DATE_FRIDAY: return C_("weekday", "Friday");
    case G_DATE_SATURDAY: return C_("weekday", "Saturday");
    case G_DATE_SUNDAY: return C_("weekday", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * sa_date_text_weekday_abbr:
 * @weekday: a weekday
 *
 * Returns: the weekday's short name for a column heading: "日", "Sun"
 */
const char *
sa_date_text_weekday_abbr (GDateWeekday weekday)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), "");

  if (sa_date_text_is_japanese ())
    return ja_weekdays[weekday];

  switch (weekday)
    {
    case G_DATE_MONDAY: return C_("weekday", "Mon");
    case G_DATE_TUESDAY: return C_("weekday", "Tue");
    case G_DATE_WEDNESDAY: return C_("weekday", "Wed");
    case G_DATE_THURSDAY: return C_("weekday", "Thu");
    case G_DATE_FRIDAY: return C_("weekday", "Fri");
    case G_DATE_SATURDAY: return C_("weekday", "Sat");
    case G_DATE_SUNDAY:
    case G_DATE_BAD_WEEKDAY:
    default:
      return C_("weekday", "Sun");
    }
}

/* "平成24年" for the era of @date, or FALSE before Meiji. Year one is "元年". */
static char *
era_year (const GDate *date)
{
  SaEra era;
  int year;

  if (!sa_date_get_era (date, &era, &year))
    return NULL;
  if (year == 1)
    return g_strdup_printf ("%s元年", sa_era_name (era));
  return g_strdup_printf ("%s%d年", sa_era_name (era), year);
}

/**
 * sa_date_text_month:
 * @year: a year
 * @month: a month
 * @style: western or era years
 *
 * A month is named in the era of its first day: April 2019 is 平成31年4月,
 * May 2019 令和元年5月.
 *
 * Returns: (transfer full): "May 2012", "2012年5月" or "平成24年5月"
 */
char *
sa_date_text_month (int             year,
                    GDateMonth      month,
                    SaCalendarStyle style)
{
  g_autofree char *era = NULL;

  g_return_val_if_fail (g_date_valid_dmy (1, month, year), NULL);

  if (style == SA_CALENDAR_STYLE_ERA)
    {
      g_autoptr(GDate) first = g_date_new_dmy (1, month, year);

      if ((era = era_year (first)) != NULL)
        return g_strdup_printf ("%s%d月", era, month);
    }
  if (sa_date_text_is_japanese ())
    return g_strdup_printf ("%d年%d月", year, month);

  /* Translators: the heading of a month: %1$s is the month's name, %2$d the year */
  return g_strdup_printf (_("%1$s %2$d"), sa_date_text_month_name (month), year);
}

/**
 * sa_date_text_day:
 * @date: a valid date
 *
 * Returns: (transfer full): "5月3日(金)" or "Friday, May 3"
 */
char *
sa_date_text_day (const GDate *date)
{
  GDateWeekday weekday;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  weekday = g_date_get_weekday (date);
  if (sa_date_text_is_japanese ())
    return g_strdup_printf ("%d月%d日(%s)", g_date_get_month (date), g_date_get_day (date),
                            ja_weekdays[weekday]);

  /* Translators: a day: %1$s is the weekday, %2$s the month, %3$d the day, as in “Friday, May 3” */
  return g_strdup_printf (_("%1$s, %2$s %3$d"), weekday_name (weekday),
                          sa_date_text_month_name (g_date_get_month (date)), g_date_get_day (date));
}

/**
 * sa_date_text_full_day:
 * @date: a valid date
 *
 * Returns: (transfer full): "2019年5月3日(金)" or "Friday, May 3, 2019"
 */
char *
sa_date_text_full_day (const GDate *date)
{
  GDateWeekday weekday;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  weekday = g_date_get_weekday (date);
  if (sa_date_text_is_japanese ())
    return g_strdup_printf ("%d年%d月%d日(%s)", g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), ja_weekdays[weekday]);

  /* Translators: a day with its year: %1$s is the weekday, %2$s the month, %3$d the day,
   * %4$d the year, as in “Friday, May 3, 2019” */
  return g_strdup_printf (_("%1$s, %2$s %3$d, %4$d"), weekday_name (weekday),
                          sa_date_text_month_name (g_date_get_month (date)), g_date_get_day (date),
                          g_date_get_year (date));
}
