/* test-holiday.c: tests for Japanese public holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected data below is typed in from the Cabinet Office's published
 * holiday calendar, not derived from the code under test.
 */
#include <string.h>

#include <glib.h>

#include "sa-holiday.h"

typedef struct {
  int         month;
  int         day;
  const char *name;
} Expected;

#define END { 0, 0, NULL }

static const Expected year_2009[] = {
  {  1,  1, "元日" },
  {  1, 12, "成人の日" },
  {  2, 11, "建国記念の日" },
  {  3, 20, "春分の日" },
  {  4, 29, "昭和の日" },
  {  5,  3, "憲法記念日" },
  {  5,  4, "みどりの日" },
  {  5,  5, "こどもの日" },
  {  5,  6, "振替休日" },
  {  7, 20, "海の日" },
  {  9, 21, "敬老の日" },
  {  9, 22, "国民の休日" },
  {  9, 23, "秋分の日" },
  { 10, 12, "体育の日" },
  { 11,  3, "文化の日" },
  { 11, 23, "勤労感謝の日" },
  { 12, 23, "天皇誕生日" },
  END
};

static const Expected year_2015[] = {
  {  1,  1, "元日" },
  {  1, 12, "成人の日" },
  {  2, 11, "建国記念の日" },
  {  3, 21, "春分の日" },
  {  4, 29, "昭和の日" },
  {  5,  3, "憲法記念日" },
  {  5,  4, "みどりの日" },
  {  5,  5, "こどもの日" },
  {  5,  6, "振替休日" },
  {  7, 20, "海の日" },
  {  9, 21, "敬老の日" },
  {  9, 22, "国民の休日" },
  {  9, 23, "秋分の日" },
  { 10, 12, "体育の日" },
  { 11,  3, "文化の日" },
  { 11, 23, "勤労感謝の日" },
  { 12, 23, "天皇誕生日" },
  END
};

static const Expected year_2019[] = {
  {  1,  1, "元日" },
  {  1, 14, "成人の日" },
  {  2, 11, "建国記念の日" },
  {  3, 21, "春分の日" },
  {  4, 29, "昭和の日" },
  {  4, 30, "国民の休日" },
  {  5,  1, "天皇の即位の日" },
  {  5,  2, "国民の休日" },
  {  5,  3, "憲法記念日" },
  {  5,  4, "みどりの日" },
  {  5,  5, "こどもの日" },
  {  5,  6, "振替休日" },
  {  7, 15, "海の日" },
  {  8, 11, "山の日" },
  {  8, 12, "振替休日" },
  {  9, 16, "敬老の日" },
  {  9, 23, "秋分の日" },
  { 10, 14, "体育の日" },
  { 10, 22, "即位礼正殿の儀" },
  { 11,  3, "文化の日" },
  { 11,  4, "振替休日" },
  { 11, 23, "勤労感謝の日" },
  END
};

static const Expected year_2020[] = {
  {  1,  1, "元日" },
  {  1, 13, "成人の日" },
  {  2, 11, "建国記念の日" },
  {  2, 23, "天皇誕生日" },
  {  2, 24, "振替休日" },
  {  3, 20, "春分の日" },
  {  4, 29, "昭和の日" },
  {  5,  3, "憲法記念日" },
  {  5,  4, "みどりの日" },
  {  5,  5, "こどもの日" },
  {  5,  6, "振替休日" },
  {  7, 23, "海の日" },
  {  7, 24, "スポーツの日" },
  {  8, 10, "山の日" },
  {  9, 21, "敬老の日" },
  {  9, 22, "秋分の日" },
  { 11,  3, "文化の日" },
  { 11, 23, "勤労感謝の日" },
  END
};

static const Expected year_2021[] = {
  {  1,  1, "元日" },
  {  1, 11, "成人の日" },
  {  2, 11, "建国記念の日" },
  {  2, 23, "天皇誕生日" },
  {  3, 20, "春分の日" },
  {  4, 29, "昭和の日" },
  {  5,  3, "憲法記念日" },
  {  5,  4, "みどりの日" },
  {  5,  5, "こどもの日" },
  {  7, 22, "海の日" },
  {  7, 23, "スポーツの日" },
  {  8,  8, "山の日" },
  {  8,  9, "振替休日" },
  {  9, 20, "敬老の日" },
  {  9, 23, "秋分の日" },
  { 11,  3, "文化の日" },
  { 11, 23, "勤労感謝の日" },
  END
};

static const Expected year_2026[] = {
  {  1,  1, "元日" },
  {  1, 12, "成人の日" },
  {  2, 11, "建国記念の日" },
  {  2, 23, "天皇誕生日" },
  {  3, 20, "春分の日" },
  {  4, 29, "昭和の日" },
  {  5,  3, "憲法記念日" },
  {  5,  4, "みどりの日" },
  {  5,  5, "こどもの日" },
  {  5,  6, "振替休日" },
  {  7, 20, "海の日" },
  {  8, 11, "山の日" },
  {  9, 21, "敬老の日" },
  {  9, 22, "国民の休日" },
  {  9, 23, "秋分の日" },
  { 10, 12, "スポーツの日" },
  { 11,  3, "文化の日" },
  { 11, 23, "勤労感謝の日" },
  END
};

/* Two Happy Monday changes and the last years of the old rules. */
static const Expected year_2002[] = {
  {  1,  1, "元日" },
  {  1, 14, "成人の日" },
  {  2, 11, "建国記念の日" },
  {  3, 21, "春分の日" },
  {  4, 29, "みどりの日" },
  {  5,  3, "憲法記念日" },
  {  5,  4, "国民の休日" },   /* a Saturday: only Sundays were excluded */
  {  5,  5, "こどもの日" },
  {  5,  6, "振替休日" },
  {  7, 20, "海の日" },
  {  9, 15, "敬老の日" },
  {  9, 16, "振替休日" },
  {  9, 23, "秋分の日" },
  { 10, 14, "体育の日" },
  { 11,  3, "文化の日" },
  { 11,  4, "振替休日" },
  { 11, 23, "勤労感謝の日" },
  { 12, 23, "天皇誕生日" },
  END
};

static const Expected year_2003[] = {
  {  1,  1, "元日" },
  {  1, 13, "成人の日" },
  {  2, 11, "建国記念の日" },
  {  3, 21, "春分の日" },
  {  4, 29, "みどりの日" },
  {  5,  3, "憲法記念日" },
  {  5,  5, "こどもの日" },
  {  7, 21, "海の日" },
  {  9, 15, "敬老の日" },
  {  9, 23, "秋分の日" },
  { 10, 13, "体育の日" },
  { 11,  3, "文化の日" },
  { 11, 23, "勤労感謝の日" },
  { 11, 24, "振替休日" },
  { 12, 23, "天皇誕生日" },
  END
};

static const Expected year_2024[] = {
  {  1,  1, "元日" },
  {  1,  8, "成人の日" },
  {  2, 11, "建国記念の日" },
  {  2, 12, "振替休日" },
  {  2, 23, "天皇誕生日" },
  {  3, 20, "春分の日" },
  {  4, 29, "昭和の日" },
  {  5,  3, "憲法記念日" },
  {  5,  4, "みどりの日" },
  {  5,  5, "こどもの日" },
  {  5,  6, "振替休日" },
  {  7, 15, "海の日" },
  {  8, 11, "山の日" },
  {  8, 12, "振替休日" },
  {  9, 16, "敬老の日" },
  {  9, 22, "秋分の日" },
  {  9, 23, "振替休日" },
  { 10, 14, "スポーツの日" },
  { 11,  3, "文化の日" },
  { 11,  4, "振替休日" },
  { 11, 23, "勤労感謝の日" },
  END
};

static void
check_year (int year, const Expected *expected)
{
  g_autoptr(GArray) holidays = sa_holidays_for_year (year);
  guint n_expected = 0;

  while (expected[n_expected].name != NULL)
    n_expected++;

  /* Each expected holiday is present, in order, with its name; compared as
   * text so that a failure shows the date. */
  for (guint i = 0; i < n_expected && i < holidays->len; i++)
    {
      const SaHoliday *h = &g_array_index (holidays, SaHoliday, i);
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;

      want = g_strdup_printf ("%04d-%02d-%02d %s", year,
                              expected[i].month, expected[i].day,
                              expected[i].name);
      got = g_strdup_printf ("%04d-%02d-%02d %s", g_date_get_year (&h->date),
                             g_date_get_month (&h->date),
                             g_date_get_day (&h->date), h->name);
      g_assert_cmpstr (got, ==, want);
    }
  /* Nothing missing, nothing extra. */
  g_assert_cmpuint (holidays->len, ==, n_expected);

  /* Lookup agrees on each of them. */
  for (guint i = 0; i < n_expected; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, expected[i].day, expected[i].month, year);
      g_assert_cmpstr (sa_holiday_lookup (&date), ==, expected[i].name);
    }
}

static void
test_whole_years (void)
{
  check_year (2002, year_2002);
  check_year (2003, year_2003);
  check_year (2009, year_2009);
  check_year (2015, year_2015);
  check_year (2019, year_2019);
  check_year (2020, year_2020);
  check_year (2021, year_2021);
  check_year (2024, year_2024);
  check_year (2026, year_2026);
}

static void
test_counts (void)
{
  /* Number of holidays, 振替休日 and 国民の休日 included, 2000–2030. */
  static const int counts[] = {
    15, 19, 18, 15, 15, 16, 16, 19, 17, 17,  /* 2000–2009 */
    16, 15, 18, 17, 17, 17, 17, 17, 20, 22,  /* 2010–2019 */
    18, 17, 16, 17, 21, 19, 18, 17, 16, 19,  /* 2020–2029 */
    19,                                      /* 2030 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(GArray) holidays = sa_holidays_for_year (2000 + i);
      g_autofree char *want = g_strdup_printf ("%u: %d", 2000 + i, counts[i]);
      g_autofree char *got = g_strdup_printf ("%u: %u", 2000 + i,
                                              holidays->len);

      g_assert_cmpstr (got, ==, want);
    }
}

static void
assert_holiday (int year, int month, int day, const char *expected)
{
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  want = g_strdup_printf ("%04d-%02d-%02d %s", year, month, day,
                          expected ? expected : "(none)");
  got = g_strdup_printf ("%04d-%02d-%02d %s", year, month, day,
                         sa_holiday_lookup (&date) ? sa_holiday_lookup (&date)
                                                   : "(none)");
  g_assert_cmpstr (got, ==, want);
}

static void
test_specific_days (void)
{
  assert_holiday (2019, 4, 30, "国民の休日");
  assert_holiday (2019, 5, 1, "天皇の即位の日");
  assert_holiday (2019, 5, 2, "国民の休日");
  assert_holiday (2019, 10, 22, "即位礼正殿の儀");
  assert_holiday (2020, 7, 24, "スポーツの日");
  assert_holiday (2021, 7, 23, "スポーツの日");
  assert_holiday (2021, 8, 9, "振替休日");

  /* Happy Monday: 成人の日 and 体育の日 from 2000, 海の日 and 敬老の日 from 2003 */
  assert_holiday (1999, 1, 15, "成人の日");
  assert_holiday (2000, 1, 10, "成人の日");
  assert_holiday (2000, 1, 15, NULL);
  assert_holiday (2000, 10, 9, "体育の日");
  assert_holiday (2002, 7, 20, "海の日");
  assert_holiday (2003, 7, 21, "海の日");
  assert_holiday (2003, 9, 15, "敬老の日");

  /* 振替休日; from 2007 it skips over following holidays */
  assert_holiday (2001, 2, 12, "振替休日");
  assert_holiday (2006, 1, 2, "振替休日");
  assert_holiday (2008, 5, 6, "振替休日");   /* 05-04 was a Sunday */
  assert_holiday (2013, 5, 6, "振替休日");
  assert_holiday (2014, 5, 6, "振替休日");   /* 05-04 was a Sunday */
  assert_holiday (2019, 8, 12, "振替休日");
  assert_holiday (2023, 1, 2, "振替休日");
  assert_holiday (2024, 2, 12, "振替休日");
  assert_holiday (2025, 2, 24, "振替休日");
  assert_holiday (2025, 5, 6, "振替休日");   /* 05-04 was a Sunday */
  assert_holiday (2025, 11, 24, "振替休日");
  assert_holiday (2027, 3, 22, "振替休日");
  assert_holiday (2029, 4, 30, "振替休日");
  assert_holiday (2030, 8, 12, "振替休日");

  /* Renamings */
  assert_holiday (2006, 4, 29, "みどりの日");
  assert_holiday (2007, 4, 29, "昭和の日");
  assert_holiday (2007, 5, 4, "みどりの日");
  assert_holiday (2018, 12, 23, "天皇誕生日");
  assert_holiday (2019, 10, 14, "体育の日");
  assert_holiday (2022, 10, 10, "スポーツの日");
  assert_holiday (2015, 8, 11, NULL);
  assert_holiday (2016, 8, 11, "山の日");
}

static void
test_before_2000 (void)
{
  g_autoptr(GArray) none = sa_holidays_for_year (1947);

  g_assert_cmpuint (none->len, ==, 0);
  assert_holiday (1948, 1, 1, NULL);          /* the act dates from 07-20 */
  assert_holiday (1948, 9, 23, "秋分の日");
  assert_holiday (1948, 11, 3, "文化の日");
  assert_holiday (1949, 1, 15, "成人の日");
  assert_holiday (1949, 4, 29, "天皇誕生日");
  assert_holiday (1959, 4, 10, "皇太子明仁親王の結婚の儀");
  assert_holiday (1960, 3, 20, "春分の日");
  assert_holiday (1966, 2, 11, NULL);
  assert_holiday (1967, 2, 11, "建国記念の日");
  assert_holiday (1966, 9, 15, "敬老の日");
  assert_holiday (1966, 10, 10, "体育の日");
  assert_holiday (1972, 4, 30, NULL);         /* before 振替休日 */
  assert_holiday (1973, 4, 30, "振替休日");
  assert_holiday (1979, 3, 21, "春分の日");
  assert_holiday (1986, 5, 4, NULL);          /* a Sunday */
  assert_holiday (1988, 5, 4, "国民の休日");
  assert_holiday (1989, 2, 24, "大喪の礼");
  assert_holiday (1989, 4, 29, "みどりの日");
  assert_holiday (1989, 12, 23, "天皇誕生日");
  assert_holiday (1990, 11, 12, "即位礼正殿の儀");
  assert_holiday (1993, 6, 9, "皇太子徳仁親王の結婚の儀");
  assert_holiday (1995, 7, 20, NULL);
  assert_holiday (1996, 7, 20, "海の日");
  assert_holiday (1998, 5, 4, "振替休日");    /* 05-03 was a Sunday */
  assert_holiday (1999, 1, 15, "成人の日");
  assert_holiday (2000, 1, 15, NULL);
  assert_holiday (2000, 1, 10, "成人の日");
}

static void
test_ordinary_days (void)
{
  assert_holiday (2019, 12, 23, NULL);
  assert_holiday (2019, 2, 23, NULL);
  assert_holiday (2020, 7, 20, NULL);   /* 海の日 moved to 07-23 */
  assert_holiday (2020, 8, 11, NULL);
  assert_holiday (2020, 10, 12, NULL);
  assert_holiday (2021, 7, 19, NULL);
  assert_holiday (2021, 8, 11, NULL);
  assert_holiday (2021, 10, 11, NULL);
  assert_holiday (2003, 5, 4, NULL);    /* a Sunday, no 国民の休日 */
  assert_holiday (2003, 7, 20, NULL);
  assert_holiday (2007, 5, 7, NULL);
  assert_holiday (2009, 5, 7, NULL);
  assert_holiday (2024, 12, 25, NULL);
  assert_holiday (2025, 12, 31, NULL);
  assert_holiday (2030, 1, 2, NULL);
  assert_holiday (2000, 2, 29, NULL);
}

static void
test_equinoxes (void)
{
  /* Days of March and September, 2000–2030. */
  static const int vernal[] = {
    20, 20, 21, 21, 20, 20, 21, 21, 20, 20,  /* 2000–2009 */
    21, 21, 20, 20, 21, 21, 20, 20, 21, 21,  /* 2010–2019 */
    20, 20, 21, 21, 20, 20, 20, 21, 20, 20,  /* 2020–2029 */
    20,
  };
  static const int autumnal[] = {
    23, 23, 23, 23, 23, 23, 23, 23, 23, 23,  /* 2000–2009 */
    23, 23, 22, 23, 23, 23, 22, 23, 23, 23,  /* 2010–2019 */
    22, 23, 23, 23, 22, 23, 23, 23, 22, 23,  /* 2020–2029 */
    23,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (vernal) == 31);
  G_STATIC_ASSERT (G_N_ELEMENTS (autumnal) == 31);

  for (int i = 0; i < 31; i++)
    {
      assert_holiday (2000 + i, 3, vernal[i], "春分の日");
      assert_holiday (2000 + i, 9, autumnal[i], "秋分の日");
      /* and no other day of those months carries the name */
      for (int d = 1; d <= 31; d++)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, d, G_DATE_MARCH, 2000 + i);
          if (d != vernal[i])
            g_assert_cmpstr (sa_holiday_lookup (&date), !=, "春分の日");
          if (d == 31)
            continue;
          g_date_set_dmy (&date, d, G_DATE_SEPTEMBER, 2000 + i);
          if (d != autumnal[i])
            g_assert_cmpstr (sa_holiday_lookup (&date), !=, "秋分の日");
        }
    }
}

/* Walks the years day by day and checks lookup against the yearly lists. */
static void
check_lookup_range (int first_year, int last_year)
{
  for (int year = first_year; year <= last_year; year++)
    {
      g_autoptr(GArray) holidays = sa_holidays_for_year (year);
      GDate date;
      guint next = 0;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
      while (g_date_get_year (&date) == year)
        {
          const char *name = sa_holiday_lookup (&date);

          if (next < holidays->len
              && g_date_compare (&g_array_index (holidays, SaHoliday, next).date,
                                 &date) == 0)
            {
              g_assert_cmpstr (name, ==,
                               g_array_index (holidays, SaHoliday, next).name);
              next++;
            }
          else
            {
              g_assert_null (name);
            }
          g_date_add_days (&date, 1);
        }
      /* Every listed holiday was met, so the list is sorted and in range. */
      g_assert_cmpuint (next, ==, holidays->len);
    }
}

static void
test_lookup_matches_lists (void)
{
  check_lookup_range (2000, 2030);
}

static gpointer
lookup_thread (gpointer data)
{
  (void) data;
  check_lookup_range (2031, 2060);
  return NULL;
}

/* Several threads building the same uncached years at once. */
static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("holiday", lookup_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/holiday/whole-years", test_whole_years);
  g_test_add_func ("/holiday/counts", test_counts);
  g_test_add_func ("/holiday/specific-days", test_specific_days);
  g_test_add_func ("/holiday/before-2000", test_before_2000);
  g_test_add_func ("/holiday/ordinary-days", test_ordinary_days);
  g_test_add_func ("/holiday/equinoxes", test_equinoxes);
  g_test_add_func ("/holiday/lookup-matches-lists", test_lookup_matches_lists);
  g_test_add_func ("/holiday/threads", test_threads);

  return g_test_run ();
}
