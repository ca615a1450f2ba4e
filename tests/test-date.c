/* test-date.c: tests for fiscal years and Japanese eras
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "sa-date.h"
#include "sa-error.h"

static void
assert_fiscal_year (int year, int month, int day, int expected)
{
  GDate date;

  g_date_set_dmy (&date, day, month, year);
  g_assert_cmpint (sa_date_fiscal_year (&date), ==, expected);
}

static void
test_fiscal_year (void)
{
  GDate date;

  assert_fiscal_year (2011, 3, 31, 2010);
  assert_fiscal_year (2011, 4, 1, 2011);
  assert_fiscal_year (2011, 1, 1, 2010);
  assert_fiscal_year (2010, 12, 31, 2010);
  assert_fiscal_year (2010, 4, 1, 2010);
  assert_fiscal_year (2010, 3, 31, 2009);

  sa_fiscal_year_first_day (2010, &date);
  g_assert_cmpint (g_date_get_year (&date), ==, 2010);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_APRIL);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_cmpint (sa_date_fiscal_year (&date), ==, 2010);
  g_date_subtract_days (&date, 1);
  g_assert_cmpint (sa_date_fiscal_year (&date), ==, 2009);

  sa_fiscal_year_last_day (2010, &date);
  g_assert_cmpint (g_date_get_year (&date), ==, 2011);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&date), ==, 31);
  g_assert_cmpint (sa_date_fiscal_year (&date), ==, 2010);
  g_date_add_days (&date, 1);
  g_assert_cmpint (sa_date_fiscal_year (&date), ==, 2011);
}

static void
assert_era (int year, int month, int day, SaEra expected_era, int expected_year)
{
  GDate date;
  SaEra era = -1;
  int era_year = -1;

  g_date_set_dmy (&date, day, month, year);
  g_assert_true (sa_date_get_era (&date, &era, &era_year));
  g_assert_cmpint (era, ==, expected_era);
  g_assert_cmpint (era_year, ==, expected_year);
}

static void
test_era_changeovers (void)
{
  GDate date;
  SaEra era = SA_ERA_REIWA;
  int era_year = 42;

  g_date_set_dmy (&date, 22, G_DATE_OCTOBER, 1868);
  g_assert_false (sa_date_get_era (&date, &era, &era_year));
  g_assert_cmpint (era, ==, SA_ERA_REIWA);
  g_assert_cmpint (era_year, ==, 42);

  assert_era (1868, 10, 23, SA_ERA_MEIJI, 1);
  assert_era (1912, 7, 29, SA_ERA_MEIJI, 45);
  assert_era (1912, 7, 30, SA_ERA_TAISHO, 1);
  assert_era (1926, 12, 24, SA_ERA_TAISHO, 15);
  assert_era (1926, 12, 25, SA_ERA_SHOWA, 1);
  assert_era (1989, 1, 7, SA_ERA_SHOWA, 64);
  assert_era (1989, 1, 8, SA_ERA_HEISEI, 1);
  assert_era (2019, 4, 30, SA_ERA_HEISEI, 31);
  assert_era (2019, 5, 1, SA_ERA_REIWA, 1);
  assert_era (2010, 4, 1, SA_ERA_HEISEI, 22);

  /* Both outputs are optional. */
  g_date_set_dmy (&date, 1, G_DATE_MAY, 2019);
  g_assert_true (sa_date_get_era (&date, NULL, NULL));
}

static void
test_era_names (void)
{
  static const struct { SaEra era; const char *name; char letter; } cases[] = {
    { SA_ERA_MEIJI, "明治", 'M' },
    { SA_ERA_TAISHO, "大正", 'T' },
    { SA_ERA_SHOWA, "昭和", 'S' },
    { SA_ERA_HEISEI, "平成", 'H' },
    { SA_ERA_REIWA, "令和", 'R' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (sa_era_name (cases[i].era), ==, cases[i].name);
      g_assert_cmpint (sa_era_letter (cases[i].era), ==, cases[i].letter);
    }
}

static void
assert_fiscal_year_era (int fy, SaEra expected_era, int expected_year)
{
  SaEra era = -1;
  int era_year = -1;

  g_assert_true (sa_fiscal_year_get_era (fy, &era, &era_year));
  g_assert_cmpint (era, ==, expected_era);
  g_assert_cmpint (era_year, ==, expected_year);
}

static void
test_fiscal_year_era (void)
{
  assert_fiscal_year_era (1868, SA_ERA_MEIJI, 1);
  assert_fiscal_year_era (1911, SA_ERA_MEIJI, 44);
  assert_fiscal_year_era (1912, SA_ERA_TAISHO, 1);
  assert_fiscal_year_era (1926, SA_ERA_SHOWA, 1);
  assert_fiscal_year_era (1988, SA_ERA_SHOWA, 63);
  assert_fiscal_year_era (1989, SA_ERA_HEISEI, 1);
  assert_fiscal_year_era (2010, SA_ERA_HEISEI, 22);
  assert_fiscal_year_era (2018, SA_ERA_HEISEI, 30);
  assert_fiscal_year_era (2019, SA_ERA_REIWA, 1);
  g_assert_false (sa_fiscal_year_get_era (1867, NULL, NULL));
}

static void
assert_label (int fy, SaYearFormat format, const char *expected)
{
  g_autofree char *label = sa_fiscal_year_label (fy, format);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_labels (void)
{
  assert_label (2010, SA_YEAR_FORMAT_SHORT, "22");
  assert_label (2010, SA_YEAR_FORMAT_ERA_LETTER, "H22");
  assert_label (2010, SA_YEAR_FORMAT_ERA, "平成22年度");
  assert_label (2010, SA_YEAR_FORMAT_FY, "FY2010");
  assert_label (2010, SA_YEAR_FORMAT_WESTERN, "2010年度");

  assert_label (2019, SA_YEAR_FORMAT_ERA, "令和元年度");
  assert_label (2019, SA_YEAR_FORMAT_ERA_LETTER, "R1");
  assert_label (2019, SA_YEAR_FORMAT_SHORT, "1");
  assert_label (1989, SA_YEAR_FORMAT_ERA, "平成元年度");
  assert_label (1989, SA_YEAR_FORMAT_ERA_LETTER, "H1");
  assert_label (1988, SA_YEAR_FORMAT_ERA, "昭和63年度");
  assert_label (1988, SA_YEAR_FORMAT_ERA_LETTER, "S63");
  assert_label (2030, SA_YEAR_FORMAT_ERA, "令和12年度");

  /* No era before Meiji: the western year stands in. */
  assert_label (1867, SA_YEAR_FORMAT_ERA, "1867年度");
  assert_label (1867, SA_YEAR_FORMAT_ERA_LETTER, "1867");
  assert_label (1867, SA_YEAR_FORMAT_SHORT, "1867");
}

static void
assert_format_era (int year, int month, int day, const char *expected)
{
  GDate date;
  g_autofree char *text = NULL;

  g_date_set_dmy (&date, day, month, year);
  text = sa_date_format_era (&date);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_era (void)
{
  assert_format_era (2010, 4, 1, "平成22年4月1日");
  assert_format_era (2019, 5, 1, "令和元年5月1日");
  assert_format_era (2019, 4, 30, "平成31年4月30日");
  assert_format_era (1989, 1, 8, "平成元年1月8日");
  assert_format_era (1989, 1, 7, "昭和64年1月7日");
  assert_format_era (1926, 12, 25, "昭和元年12月25日");
  assert_format_era (1912, 7, 30, "大正元年7月30日");
  assert_format_era (1868, 10, 23, "明治元年10月23日");
  assert_format_era (1868, 10, 22, "1868年10月22日");
  assert_format_era (1800, 1, 1, "1800年1月1日");
}

static void
assert_iso_ok (const char *text, int year, int month, int day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;
  GDate date;

  g_assert_true (sa_date_parse_iso (text, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&date), ==, year);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_day (&date), ==, day);

  back = sa_date_to_iso (&date);
  g_assert_cmpstr (back, ==, text);
}

static void
assert_iso_rejected (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_set_dmy (&date, 2, G_DATE_JANUARY, 2000);
  g_assert_false (sa_date_parse_iso (text, &date, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, text));

  /* A failed parse leaves the date as it was. */
  g_assert_cmpint (g_date_get_year (&date), ==, 2000);
  g_assert_cmpint (g_date_get_day (&date), ==, 2);
}

static void
test_iso (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  assert_iso_ok ("2010-04-01", 2010, 4, 1);
  assert_iso_ok ("2012-02-29", 2012, 2, 29);
  assert_iso_ok ("1868-01-01", 1868, 1, 1);
  assert_iso_ok ("9999-12-31", 9999, 12, 31);

  assert_iso_rejected ("2011-02-29");
  assert_iso_rejected ("1900-02-29");
  assert_iso_rejected ("2010-13-01");
  assert_iso_rejected ("2010-00-10");
  assert_iso_rejected ("2010-04-00");
  assert_iso_rejected ("2010-04-31");
  assert_iso_rejected ("2010-4-1");
  assert_iso_rejected ("2010-04-1");
  assert_iso_rejected ("abc");
  assert_iso_rejected ("");
  assert_iso_rejected ("2010-04-01x");
  assert_iso_rejected (" 2010-04-01");
  assert_iso_rejected ("2010/04/01");
  assert_iso_rejected ("+010-04-01");
  assert_iso_rejected ("1867-12-31");
  assert_iso_rejected ("0000-01-01");

  g_assert_false (sa_date_parse_iso ("2011-02-29", &date, &error));
  g_assert_cmpstr (error->message, ==, "“2011-02-29” is not a date that exists");
}

static void
assert_fy_parse (const char *text, int expected)
{
  g_autoptr(GError) error = NULL;
  int fy = -1;

  g_assert_true (sa_fiscal_year_parse (text, &fy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fy, ==, expected);
}

static void
assert_fy_rejected (const char *text)
{
  g_autoptr(GError) error = NULL;
  int fy = -1;

  g_assert_false (sa_fiscal_year_parse (text, &fy, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, text));
  g_assert_cmpint (fy, ==, -1);
}

static void
test_fiscal_year_parse (void)
{
  assert_fy_parse ("2010", 2010);
  assert_fy_parse ("FY2010", 2010);
  assert_fy_parse ("fy2010", 2010);
  assert_fy_parse ("Fy2010", 2010);
  assert_fy_parse ("2010年度", 2010);
  assert_fy_parse ("H22", 2010);
  assert_fy_parse ("h22", 2010);
  assert_fy_parse ("平成22年度", 2010);
  assert_fy_parse ("平成22", 2010);
  assert_fy_parse ("令和元年度", 2019);
  assert_fy_parse ("令和元", 2019);
  assert_fy_parse ("R1", 2019);
  assert_fy_parse ("平成元年度", 1989);
  assert_fy_parse ("昭和63年度", 1988);
  assert_fy_parse ("明治元年度", 1868);
  assert_fy_parse ("M45", 1912);
  assert_fy_parse ("T15", 1926);
  /* The last calendar year of an era still has its number. */
  assert_fy_parse ("S64", 1989);
  assert_fy_parse ("平成31年度", 2019);
  assert_fy_parse ("1868", 1868);
  assert_fy_parse ("9999年度", 9999);
}

static void
test_fiscal_year_parse_rejects (void)
{
  static const char *junk[] = {
    "", "abc", "FY", "fy", "H", "平成", "年度", "平成年度", "2010x",
    " 2010", "2010 ", "20 10", "-2010", "+2010", "FY-2010", "FY2010年度",
    "H22年度", "H元", "R元", "元年度", "H0", "平成0年度", "X22", "F2010",
    "2010年", "平成22年", "FY20100", "20100", "H22.5", "令和元年度度",
  };
  g_autoptr(GError) error = NULL;
  int fy = -1;

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    assert_fy_rejected (junk[i]);

  /* Past the end of the era. */
  assert_fy_rejected ("H32");
  assert_fy_rejected ("h32");
  assert_fy_rejected ("平成32年度");
  assert_fy_rejected ("S65");
  assert_fy_rejected ("昭和65年度");
  assert_fy_rejected ("T16");
  assert_fy_rejected ("M46");

  /* Out of range. */
  assert_fy_rejected ("1867");
  assert_fy_rejected ("FY1867");
  assert_fy_rejected ("22");
  assert_fy_rejected ("0");
  assert_fy_rejected ("R7982");

  g_assert_false (sa_fiscal_year_parse ("H32", &fy, &error));
  g_assert_cmpstr (error->message, ==, "“H32” is past the end of the 平成 era");
}

/* Every form the app writes reads back as the same year, except the short
 * form, which has no era and so cannot name a year on its own. */
/* Era and western year side by side, as offices print them for both kinds of reader. */
static void
test_labels_era_western (void)
{
  assert_label (2010, SA_YEAR_FORMAT_ERA_WESTERN, "平成22年度(2010)");
  assert_label (2019, SA_YEAR_FORMAT_ERA_WESTERN, "令和元年度(2019)");
  assert_label (1989, SA_YEAR_FORMAT_ERA_WESTERN, "平成元年度(1989)");
  /* FY1988 begins in April 1988, still Showa; Heisei began in January 1989. */
  assert_label (1988, SA_YEAR_FORMAT_ERA_WESTERN, "昭和63年度(1988)");
  assert_label (1867, SA_YEAR_FORMAT_ERA_WESTERN, "1867年度");

  assert_fy_parse ("平成22年度(2010)", 2010);
  assert_fy_parse ("令和元年度(2019)", 2019);
  assert_fy_rejected ("平成22年度(2011)");
  assert_fy_rejected ("平成22年度()");
  assert_fy_rejected ("平成22年度(2010");
}

/* The year-format preference read once for the window and the command line. */
static void
test_year_format_setting (void)
{
  g_assert_cmpint (sa_year_format_for_setting ("era-western", FALSE), ==, SA_YEAR_FORMAT_ERA_WESTERN);
  g_assert_cmpint (sa_year_format_for_setting ("era-western", TRUE), ==, SA_YEAR_FORMAT_ERA_WESTERN);
  g_assert_cmpint (sa_year_format_for_setting ("era", FALSE), ==, SA_YEAR_FORMAT_ERA);
  g_assert_cmpint (sa_year_format_for_setting ("western", TRUE), ==, SA_YEAR_FORMAT_WESTERN);
  g_assert_cmpint (sa_year_format_for_setting ("western", FALSE), ==, SA_YEAR_FORMAT_FY);
  g_assert_cmpint (sa_year_format_for_setting ("auto", TRUE), ==, SA_YEAR_FORMAT_ERA);
  g_assert_cmpint (sa_year_format_for_setting ("auto", FALSE), ==, SA_YEAR_FORMAT_FY);
  g_assert_cmpint (sa_year_format_for_setting (NULL, FALSE), ==, SA_YEAR_FORMAT_FY);
}

static void
test_fiscal_year_round_trip (void)
{
  static const SaYearFormat formats[] = {
    SA_YEAR_FORMAT_ERA_LETTER,
    SA_YEAR_FORMAT_ERA,
    SA_YEAR_FORMAT_FY,
    SA_YEAR_FORMAT_WESTERN,
    SA_YEAR_FORMAT_ERA_WESTERN,
  };

  for (int fy = 1868; fy <= 2030; fy++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_autofree char *label = sa_fiscal_year_label (fy, formats[i]);
          g_autofree char *lower = g_ascii_strdown (label, -1);

          assert_fy_parse (label, fy);
          assert_fy_parse (lower, fy);
        }
    }

  /* The short form alone is refused rather than guessed. */
  for (int fy = 1989; fy <= 2030; fy++)
    {
      g_autofree char *label = sa_fiscal_year_label (fy, SA_YEAR_FORMAT_SHORT);

      assert_fy_rejected (label);
    }
}

static void
assert_loose (const char  *text,
              const GDate *reference,
              int          year,
              int          month,
              int          day)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (!sa_date_parse_loose (text, reference, &date, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_cmpint (g_date_get_year (&date), ==, year);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_day (&date), ==, day);
}

static char *
loose_error (const char  *text,
             const GDate *reference)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_set_dmy (&date, 2, G_DATE_JANUARY, 2000);
  if (sa_date_parse_loose (text, reference, &date, &error))
    g_error ("“%s” was accepted", text);
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  /* A refused date leaves the output alone. */
  g_assert_cmpint (g_date_get_julian (&date), ==, 730121);
  return g_strdup (error->message);
}

static void
assert_loose_error (const char  *text,
                    const GDate *reference,
                    const char  *expected)
{
  g_autofree char *message = loose_error (text, reference);

  g_assert_cmpstr (message, ==, expected);
}

static void
test_loose (void)
{
  GDate reference;

  g_date_set_dmy (&reference, 1, G_DATE_MARCH, 2012);
  assert_loose ("2012-05-20", &reference, 2012, 5, 20);
  assert_loose ("2012/5/20", &reference, 2012, 5, 20);
  assert_loose ("2012.5.20", &reference, 2012, 5, 20);
  assert_loose ("2012-5-2", &reference, 2012, 5, 2);
  assert_loose ("20120520", &reference, 2012, 5, 20);
  assert_loose ("2012年5月20日", &reference, 2012, 5, 20);
  assert_loose ("2012年05月20", &reference, 2012, 5, 20);
  assert_loose ("  2013/1/31 ", &reference, 2013, 1, 31);
  /* Full-width digits and separators, as an input method types them. */
  assert_loose ("２０１２／５／２０", &reference, 2012, 5, 20);
  assert_loose ("２０１２ー５ー２０", &reference, 2012, 5, 20) ;
  /* A month and day fall in the year of the date shown, not this year. */
  assert_loose ("5/20", &reference, 2012, 5, 20);
  assert_loose ("5-20", &reference, 2012, 5, 20);
  assert_loose ("12.31", &reference, 2012, 12, 31);
  assert_loose ("2/29", &reference, 2012, 2, 29);
  assert_loose ("5月20日", &reference, 2012, 5, 20);
  assert_loose ("５月２０日", &reference, 2012, 5, 20);
  /* Era dates. */
  assert_loose ("H24.5.20", &reference, 2012, 5, 20);
  assert_loose ("h24/5/20", &reference, 2012, 5, 20);
  assert_loose ("平成24年5月20日", &reference, 2012, 5, 20);
  assert_loose ("平成元年1月8日", &reference, 1989, 1, 8);
  assert_loose ("H31.4.30", &reference, 2019, 4, 30);
  assert_loose ("令和元年5月1日", &reference, 2019, 5, 1);
  assert_loose ("R2.4.1", &reference, 2020, 4, 1);
  assert_loose ("S64.1.7", &reference, 1989, 1, 7);
}

static void
test_loose_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  GDate date;

  /* Without a reference, a month and day are in this year. */
  g_assert_true (sa_date_parse_loose ("1/1", NULL, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&date), ==, g_date_time_get_year (now));
}

static void
test_loose_rejects (void)
{
  const char * const malformed[] = {
    "", " ", "abc", "2012", "12/5/20", "012/5/20", "2012/5/20/1", "2012/5-20", "2012年5/20",
    "2012/5/20日", "5/", "/5/20", "2012//5", "2012/5/", "5/20/", "2012-005-20", "201205201",
    "H24", "H24.5", "平成24年", "5月", "5.20.", "X24.5.20", "2012/5/20 10:00", "五月二十日",
    "-5/20", "5/-20", "+2012/5/20",
  };
  GDate reference;

  g_date_set_dmy (&reference, 1, G_DATE_MARCH, 2011);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *message = loose_error (malformed[i], &reference);
      g_autofree char *expected = g_strdup_printf ("“%s” is not a date; type one such as 2012-05-20 or 5/20",
                                                   malformed[i]);

      g_assert_cmpstr (message, ==, expected);
    }

  /* Dates that do not exist say so; 2011 is not a leap year. */
  assert_loose_error ("2/29", &reference, "“2/29” is not a date that exists");
  assert_loose_error ("2011-02-29", &reference, "“2011-02-29” is not a date that exists");
  assert_loose_error ("2012/13/1", &reference, "“2012/13/1” is not a date that exists");
  assert_loose_error ("4/31", &reference, "“4/31” is not a date that exists");
  assert_loose_error ("0/1", &reference, "“0/1” is not a date that exists");
  assert_loose_error ("20121301", &reference, "“20121301” is not a date that exists");
  assert_loose_error ("H0.5.1", &reference, "“H0.5.1” is not a date that exists");
  assert_loose_error ("平成32年1月1日", &reference, "“平成32年1月1日” is not a date that exists");
  assert_loose_error ("H31.5.1", &reference, "“H31.5.1” is not a day of the 平成 era");
  assert_loose_error ("H1.1.7", &reference, "“H1.1.7” is not a day of the 平成 era");
  assert_loose_error ("1867/12/31", &reference, "“1867/12/31” is outside the years 1868 to 9999");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/fiscal-year", test_fiscal_year);
  g_test_add_func ("/date/era/changeovers", test_era_changeovers);
  g_test_add_func ("/date/era/names", test_era_names);
  g_test_add_func ("/date/era/fiscal-year", test_fiscal_year_era);
  g_test_add_func ("/date/label", test_labels);
  g_test_add_func ("/date/label/era-western", test_labels_era_western);
  g_test_add_func ("/date/year-format-setting", test_year_format_setting);
  g_test_add_func ("/date/format-era", test_format_era);
  g_test_add_func ("/date/iso", test_iso);
  g_test_add_func ("/date/fiscal-year-parse/accepts", test_fiscal_year_parse);
  g_test_add_func ("/date/fiscal-year-parse/rejects", test_fiscal_year_parse_rejects);
  g_test_add_func ("/date/fiscal-year-parse/round-trip", test_fiscal_year_round_trip);
  g_test_add_func ("/date/loose/accepts", test_loose);
  g_test_add_func ("/date/loose/today", test_loose_today);
  g_test_add_func ("/date/loose/rejects", test_loose_rejects);

  return g_test_run ();
}
