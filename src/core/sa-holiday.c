/* sa-holiday.c: Japanese public holidays computed from the law's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sources: 国民の祝日に関する法律 (Act No. 178 of 1948) and its amendments,
 * the special laws for single days listed in one_offs[], and the
 * approximation of the equinoxes used by the National Astronomical
 * Observatory's calendar tables.
 */
#define G_LOG_DOMAIN "sasaeai"

#include <string.h>

#include "sa-holiday.h"

/* The act came into force on 1948-07-20; nothing before it counts. */
#define LAW_YEAR  1948
#define LAW_MONTH 7
#define LAW_DAY   20

/* A rule still in force. */
#define OPEN G_MAXINT

/* One slot per day of year (1-based) plus an empty slot either side, so
 * the neighbours of any day can be read without bounds checks. */
#define SLOTS 368

static const char substitute_name[] = "振替休日";
static const char citizens_name[] = "国民の休日";

typedef struct {
  int         month;
  int         day;
  int         first_year;
  int         last_year;
  const char *name;
} FixedRule;

/* Holidays on a fixed day of the month. */
static const FixedRule fixed_rules[] = {
  {  1,  1, 1948, OPEN, "元日" },
  {  1, 15, 1948, 1999, "成人の日" },     /* Happy Monday from 2000 */
  {  2, 11, 1967, OPEN, "建国記念の日" }, /* 1966 amendment, first in 1967 */
  {  2, 23, 2020, OPEN, "天皇誕生日" },   /* Emperor Naruhito */
  {  4, 29, 1948, 1988, "天皇誕生日" },   /* Emperor Shōwa */
  {  4, 29, 1989, 2006, "みどりの日" },
  {  4, 29, 2007, OPEN, "昭和の日" },     /* 2005 amendment */
  {  5,  3, 1948, OPEN, "憲法記念日" },
  {  5,  4, 2007, OPEN, "みどりの日" },   /* moved from 04-29 */
  {  5,  5, 1948, OPEN, "こどもの日" },
  {  7, 20, 1996, 2002, "海の日" },       /* Happy Monday from 2003 */
  {  8, 11, 2016, OPEN, "山の日" },       /* 2014 amendment */
  {  9, 15, 1966, 2002, "敬老の日" },     /* Happy Monday from 2003 */
  { 10, 10, 1966, 1999, "体育の日" },     /* Happy Monday from 2000 */
  { 11,  3, 1948, OPEN, "文化の日" },
  { 11, 23, 1948, OPEN, "勤労感謝の日" },
  { 12, 23, 1989, 2018, "天皇誕生日" },   /* Emperor Akihito */
};

typedef struct {
  int         month;
  int         week;       /* the week-th Monday of the month */
  int         first_year;
  int         last_year;
  const char *name;
} MondayRule;

/* Happy Monday law: the 1998 amendment from 2000, the 2001 one from 2003. */
static const MondayRule monday_rules[] = {
  {  1, 2, 2000, OPEN, "成人の日" },
  {  7, 3, 2003, OPEN, "海の日" },
  {  9, 3, 2003, OPEN, "敬老の日" },
  { 10, 2, 2000, 2019, "体育の日" },
  { 10, 2, 2020, OPEN, "スポーツの日" },  /* renamed by the 2018 amendment */
};

typedef struct {
  int         year;
  int         month;
  int         day;
  const char *name;
  gboolean    moved;  /* the rule-based holiday of this name moves here */
} OneOff;

/* Days set by special laws for a single year. 2019-04-30 and 2019-05-02
 * need no entry: they are 国民の休日 by the sandwich rule once 05-01 is a
 * holiday. */
static const OneOff one_offs[] = {
  { 1959,  4, 10, "皇太子明仁親王の結婚の儀", FALSE },
  { 1989,  2, 24, "大喪の礼", FALSE },
  { 1990, 11, 12, "即位礼正殿の儀", FALSE },
  { 1993,  6,  9, "皇太子徳仁親王の結婚の儀", FALSE },
  { 2019,  5,  1, "天皇の即位の日", FALSE },
  { 2019, 10, 22, "即位礼正殿の儀", FALSE },
  /* Tokyo Olympics special measures act, amended for the postponement */
  { 2020,  7, 23, "海の日", TRUE },
  { 2020,  7, 24, "スポーツの日", TRUE },
  { 2020,  8, 10, "山の日", TRUE },
  { 2021,  7, 22, "海の日", TRUE },
  { 2021,  7, 23, "スポーツの日", TRUE },
  { 2021,  8,  8, "山の日", TRUE },
};

typedef struct {
  int    first_year;
  int    last_year;
  gint64 vernal;    /* base day, in millionths of a day */
  gint64 autumnal;
  int    leap_base; /* the year the leap-day correction counts from */
} EquinoxEra;

/* Day = int (base + 0.242194 * (year - 1980) - int ((year - leap_base) / 4)),
 * in integer millionths so no libm is needed. Both int () truncate toward
 * zero, as C division does; before 1983 that is what the constants expect. */
static const EquinoxEra equinox_eras[] = {
  { 1900, 1979, 20835700, 23258800, 1983 },
  { 1980, 2099, 20843100, 23248800, 1980 },
  { 2100, OPEN, 21851000, 24248800, 1980 },  /* tables stop at 2150 */
};

typedef struct {
  int          year;
  int          n_days;
  GDateWeekday jan1;
  const char  *names[SLOTS];
} YearTable;

static GMutex cache_lock;
static GHashTable *cache;  /* year → YearTable, kept until exit */

static int
day_of_year (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_day_of_year (&date);
}

static GDateWeekday
weekday (const YearTable *t, int doy)
{
  return (t->jan1 - 1 + doy - 1) % 7 + 1;
}

/* A 国民の祝日 proper, as opposed to a day off derived from one. */
static gboolean
is_national_holiday (const char *name)
{
  return name != NULL && name != substitute_name && name != citizens_name;
}

static gboolean
in_force (int year, int first_year, int last_year)
{
  return year >= first_year && year <= last_year;
}

static void
set_day (YearTable *t, int month, int day, const char *name)
{
  t->names[day_of_year (t->year, month, day)] = name;
}

static void
add_fixed_days (YearTable *t)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_rules); i++)
    {
      const FixedRule *r = &fixed_rules[i];

      if (in_force (t->year, r->first_year, r->last_year))
        set_day (t, r->month, r->day, r->name);
    }
}

static int
nth_monday (const YearTable *t, int month, int week)
{
  int first = day_of_year (t->year, month, 1);
  int offset = (G_DATE_MONDAY + 7 - weekday (t, first)) % 7;

  return first + offset + 7 * (week - 1);
}

static void
add_happy_mondays (YearTable *t)
{
  for (guint i = 0; i < G_N_ELEMENTS (monday_rules); i++)
    {
      const MondayRule *r = &monday_rules[i];

      if (in_force (t->year, r->first_year, r->last_year))
        t->names[nth_monday (t, r->month, r->week)] = r->name;
    }
}

static int
equinox_day (const EquinoxEra *era, gint64 base, int year)
{
  gint64 millionths = base
                      + G_GINT64_CONSTANT (242194) * (year - 1980)
                      - G_GINT64_CONSTANT (1000000) * ((year - era->leap_base) / 4);

  return (int) (millionths / 1000000);
}

static void
add_equinoxes (YearTable *t)
{
  for (guint i = 0; i < G_N_ELEMENTS (equinox_eras); i++)
    {
      const EquinoxEra *era = &equinox_eras[i];

      if (!in_force (t->year, era->first_year, era->last_year))
        continue;
      set_day (t, 3, equinox_day (era, era->vernal, t->year), "春分の日");
      set_day (t, 9, equinox_day (era, era->autumnal, t->year), "秋分の日");
    }
}

static void
remove_named (YearTable *t, const char *name)
{
  for (int d = 1; d <= t->n_days; d++)
    if (t->names[d] != NULL && strcmp (t->names[d], name) == 0)
      t->names[d] = NULL;
}

static void
apply_one_offs (YearTable *t)
{
  for (guint i = 0; i < G_N_ELEMENTS (one_offs); i++)
    {
      const OneOff *o = &one_offs[i];

      if (o->year != t->year)
        continue;
      if (o->moved)
        remove_named (t, o->name);
      set_day (t, o->month, o->day, o->name);
    }
}

static void
drop_before_law (YearTable *t)
{
  int start;

  if (t->year != LAW_YEAR)
    return;
  start = day_of_year (LAW_YEAR, LAW_MONTH, LAW_DAY);
  for (int d = 1; d < start; d++)
    t->names[d] = NULL;
}

/* 振替休日: from 1973-04-12 a holiday on a Sunday gives the Monday off;
 * from 2007 the first following day that is not itself a holiday. */
static void
add_substitute_holidays (YearTable *t)
{
  int from;

  if (t->year < 1973)
    return;
  from = t->year == 1973 ? day_of_year (1973, 4, 12) : 1;
  for (int d = from; d <= t->n_days; d++)
    {
      int target = d + 1;

      if (!is_national_holiday (t->names[d]) || weekday (t, d) != G_DATE_SUNDAY)
        continue;
      if (t->year >= 2007)
        while (is_national_holiday (t->names[target]))
          target++;
      if (target <= t->n_days && t->names[target] == NULL)
        t->names[target] = substitute_name;
    }
}

/* 国民の休日: from 1986 a day between two 国民の祝日 is a day off; until
 * 2006 the law excluded Sundays and 振替休日. */
static void
add_citizens_holidays (YearTable *t)
{
  if (t->year < 1986)
    return;
  for (int d = 2; d < t->n_days; d++)
    {
      if (t->names[d] != NULL
          || !is_national_holiday (t->names[d - 1])
          || !is_national_holiday (t->names[d + 1]))
        continue;
      if (t->year < 2007 && weekday (t, d) == G_DATE_SUNDAY)
        continue;
      t->names[d] = citizens_name;
    }
}

static YearTable *
year_table_new (int year)
{
  YearTable *t = g_new0 (YearTable, 1);
  GDate jan1;

  t->year = year;
  t->n_days = g_date_is_leap_year (year) ? 366 : 365;
  g_date_clear (&jan1, 1);
  g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, year);
  t->jan1 = g_date_get_weekday (&jan1);

  if (year < LAW_YEAR)
    return t;
  add_fixed_days (t);
  add_happy_mondays (t);
  add_equinoxes (t);
  apply_one_offs (t);
  drop_before_law (t);
  add_substitute_holidays (t);
  add_citizens_holidays (t);
  return t;
}

/* Tables are never changed once built, so they can be read unlocked. */
static const YearTable *
year_table (int year)
{
  YearTable *t;

  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  t = g_hash_table_lookup (cache, GINT_TO_POINTER (year));
  if (t == NULL)
    {
      t = year_table_new (year);
      g_hash_table_insert (cache, GINT_TO_POINTER (year), t);
    }
  g_mutex_unlock (&cache_lock);
  return t;
}

GArray *
sa_holidays_for_year (int year)
{
  GArray *holidays = g_array_new (FALSE, FALSE, sizeof (SaHoliday));
  const YearTable *t;
  GDate jan1;

  g_return_val_if_fail (year <= G_MAXUINT16, holidays);

  if (year < LAW_YEAR)
    return holidays;
  t = year_table (year);
  g_date_clear (&jan1, 1);
  g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, year);
  for (int d = 1; d <= t->n_days; d++)
    {
      SaHoliday h;

      if (t->names[d] == NULL)
        continue;
      g_date_clear (&h.date, 1);
      g_date_set_julian (&h.date, g_date_get_julian (&jan1) + d - 1);
      h.name = t->names[d];
      g_array_append_val (holidays, h);
    }
  return holidays;
}

const char *
sa_holiday_lookup (const GDate *date)
{
  int year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  year = g_date_get_year (date);
  if (year < LAW_YEAR)
    return NULL;
  return year_table (year)->names[g_date_get_day_of_year (date)];
}
