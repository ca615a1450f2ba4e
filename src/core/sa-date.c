/* sa-date.c: fiscal years and Japanese eras
 *
 * Ward plans count years in fiscal years (April to March) and name them by
 * era, so every year label in the app goes through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

/* The build passes GETTEXT_PACKAGE through config.h, which this module does
 * not need otherwise; the fallback keeps it compilable on its own. */
#ifndef GETTEXT_PACKAGE
#define GETTEXT_PACKAGE "sasaeai"
#endif

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sa-date.h"
#include "sa-error.h"

/* The range of years the app accepts: no era exists before Meiji, and four
 * digits are all that ISO dates and the labels allow for. */
#define SA_YEAR_MIN 1868
#define SA_YEAR_MAX 9999

typedef struct
{
  const char *name;
  char        letter;
  GDateYear   year;
  GDateMonth  month;
  GDateDay    day;
} SaEraInfo;

/* The first day of each era, in order. */
static const SaEraInfo eras[] = {
  [SA_ERA_MEIJI]  = { "明治", 'M', 1868, G_DATE_OCTOBER,  23 },
  [SA_ERA_TAISHO] = { "大正", 'T', 1912, G_DATE_JULY,     30 },
  [SA_ERA_SHOWA]  = { "昭和", 'S', 1926, G_DATE_DECEMBER, 25 },
  [SA_ERA_HEISEI] = { "平成", 'H', 1989, G_DATE_JANUARY,   8 },
  [SA_ERA_REIWA]  = { "令和", 'R', 2019, G_DATE_MAY,       1 },
};

static gboolean
era_is_valid (SaEra era)
{
  return (guint) era < G_N_ELEMENTS (eras);
}

/* The last calendar year that has a number in @era (the year it gave way),
 * or G_MAXINT for the current era. */
static int
era_last_year (SaEra era)
{
  if ((guint) era + 1 >= G_N_ELEMENTS (eras))
    return G_MAXINT;
  return eras[era + 1].year;
}

/* "元" for the first year of an era, as it is written, else the number. */
static char *
era_year_text (int era_year)
{
  if (era_year == 1)
    return g_strdup ("元");
  return g_strdup_printf ("%d", era_year);
}

/**
 * sa_date_fiscal_year:
 * @date: a valid date
 *
 * Returns: the fiscal year @date falls in, named by the calendar year it
 *   starts in (fiscal years start on 1 April)
 */
int
sa_date_fiscal_year (const GDate *date)
{
  int year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  year = g_date_get_year (date);
  return g_date_get_month (date) >= G_DATE_APRIL ? year : year - 1;
}

/**
 * sa_fiscal_year_first_day:
 * @fy: a fiscal year
 * @out: (out caller-allocates): set to 1 April of @fy
 */
void
sa_fiscal_year_first_day (int    fy,
                          GDate *out)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fy >= 1 && fy < G_MAXUINT16);

  g_date_set_dmy (out, 1, G_DATE_APRIL, fy);
}

/**
 * sa_fiscal_year_last_day:
 * @fy: a fiscal year
 * @out: (out caller-allocates): set to 31 March of the year after @fy
 */
void
sa_fiscal_year_last_day (int    fy,
                         GDate *out)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fy >= 1 && fy < G_MAXUINT16);

  g_date_set_dmy (out, 31, G_DATE_MARCH, fy + 1);
}

/**
 * sa_date_get_era:
 * @date: a valid date
 * @era: (out) (optional): the era of @date
 * @era_year: (out) (optional): the year within that era, 1 for the first
 *
 * Returns: %TRUE if @date falls in an era, %FALSE before 1868-10-23 (the
 *   outputs are then left alone)
 */
gboolean
sa_date_get_era (const GDate *date,
                 SaEra       *era,
                 int         *era_year)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  for (int i = G_N_ELEMENTS (eras) - 1; i >= 0; i--)
    {
      GDate start;

      g_date_set_dmy (&start, eras[i].day, eras[i].month, eras[i].year);
      if (g_date_compare (date, &start) < 0)
        continue;

      if (era != NULL)
        *era = i;
      if (era_year != NULL)
        *era_year = g_date_get_year (date) - eras[i].year + 1;
      return TRUE;
    }

  return FALSE;
}

/**
 * sa_era_name:
 * @era: an era
 *
 * Returns: the era's name in kanji, such as "平成"
 */
const char *
sa_era_name (SaEra era)
{
  g_return_val_if_fail (era_is_valid (era), NULL);

  return eras[era].name;
}

/**
 * sa_era_letter:
 * @era: an era
 *
 * Returns: the era's initial used in short forms, such as 'H'
 */
char
sa_era_letter (SaEra era)
{
  g_return_val_if_fail (era_is_valid (era), '\0');

  return eras[era].letter;
}

/**
 * sa_fiscal_year_get_era:
 * @fy: a fiscal year
 * @era: (out) (optional): the era the fiscal year is named in
 * @era_year: (out) (optional): the year within that era
 *
 * A fiscal year is named by the era in effect on 31 December of the year it
 * starts in, as offices do: FY1989 is 平成元年度 and FY2019 is 令和元年度.
 *
 * Returns: %FALSE if @fy is before the first fiscal year of Meiji (1868)
 */
gboolean
sa_fiscal_year_get_era (int    fy,
                        SaEra *era,
                        int   *era_year)
{
  GDate date;

  g_return_val_if_fail (fy >= 1 && fy <= G_MAXUINT16, FALSE);

  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, fy);
  return sa_date_get_era (&date, era, era_year);
}

/**
 * sa_fiscal_year_label:
 * @fy: a fiscal year
 * @format: how to write it
 *
 * Before Meiji there is no era to name, so the era formats fall back to the
 * western year: "1867" for the short and letter forms, "1867年度" for
 * %SA_YEAR_FORMAT_ERA.
 *
 * Returns: (transfer full): the label, such as "平成22年度"
 */
static SaYearLabelFunc message_year_label;

/**
 * sa_set_message_year_label:
 * @func: (nullable): how messages write a year; %NULL for "FY2010"
 *
 * The window and the CLI write years the way the person chose (a preference core
 * does not read); the messages of core's checks follow them through this.
 */
void
sa_set_message_year_label (SaYearLabelFunc func)
{
  message_year_label = func;
}

/**
 * sa_message_year_label:
 * @fy: a fiscal year
 *
 * Returns: (transfer full): @fy as messages write it; see sa_set_message_year_label()
 */
char *
sa_message_year_label (int fy)
{
  return message_year_label ? message_year_label (fy) : sa_fiscal_year_label (fy, SA_YEAR_FORMAT_FY);
}

char *
sa_fiscal_year_label (int          fy,
                      SaYearFormat format)
{
  SaEra era = SA_ERA_MEIJI;
  int era_year = 0;
  gboolean has_era;
  g_autofree char *year_text = NULL;

  g_return_val_if_fail (fy >= 1 && fy <= G_MAXUINT16, NULL);

  has_era = sa_fiscal_year_get_era (fy, &era, &era_year);

  switch (format)
    {
    case SA_YEAR_FORMAT_SHORT:
      return g_strdup_printf ("%d", has_era ? era_year : fy);

    case SA_YEAR_FORMAT_ERA_LETTER:
      if (!has_era)
        return g_strdup_printf ("%d", fy);
      return g_strdup_printf ("%c%d", eras[era].letter, era_year);

    case SA_YEAR_FORMAT_ERA:
      if (!has_era)
        return g_strdup_printf ("%d年度", fy);
      year_text = era_year_text (era_year);
      return g_strdup_printf ("%s%s年度", eras[era].name, year_text);

    case SA_YEAR_FORMAT_FY:
      return g_strdup_printf ("FY%d", fy);

    case SA_YEAR_FORMAT_WESTERN:
      return g_strdup_printf ("%d年度", fy);

    case SA_YEAR_FORMAT_ERA_WESTERN:
      if (!has_era)
        return g_strdup_printf ("%d年度", fy);
      year_text = era_year_text (era_year);
      return g_strdup_printf ("%s%s年度(%d)", eras[era].name, year_text, fy);

    default:
      g_return_val_if_reached (NULL);
    }
}

/* A type for GObject properties, such as SaContext:year-format. */
G_DEFINE_ENUM_TYPE (SaYearFormat, sa_year_format,
                    G_DEFINE_ENUM_VALUE (SA_YEAR_FORMAT_SHORT, "short"),
                    G_DEFINE_ENUM_VALUE (SA_YEAR_FORMAT_ERA_LETTER, "letter"),
                    G_DEFINE_ENUM_VALUE (SA_YEAR_FORMAT_ERA, "era"),
                    G_DEFINE_ENUM_VALUE (SA_YEAR_FORMAT_FY, "fy"),
                    G_DEFINE_ENUM_VALUE (SA_YEAR_FORMAT_WESTERN, "western"),
                    G_DEFINE_ENUM_VALUE (SA_YEAR_FORMAT_ERA_WESTERN, "era-western"))

/**
 * sa_year_format_for_setting:
 * @setting: (nullable): the `year-format` preference: "auto", "western", "era" or
 *   "era-western"
 * @japanese: whether the person reads the interface in Japanese
 *
 * The one reading of the preference for the window and the command line. "auto"
 * writes eras in Japanese; "western" is "2010年度" in Japanese and "FY2010"
 * otherwise. The era forms are the plan's own Japanese words in every language.
 *
 * Returns: the format years are written in
 */
SaYearFormat
sa_year_format_for_setting (const char *setting,
                            gboolean    japanese)
{
  if (g_strcmp0 (setting, "era") == 0)
    return SA_YEAR_FORMAT_ERA;
  if (g_strcmp0 (setting, "era-western") == 0)
    return SA_YEAR_FORMAT_ERA_WESTERN;
  if (g_strcmp0 (setting, "western") == 0 || !japanese)
    return japanese ? SA_YEAR_FORMAT_WESTERN : SA_YEAR_FORMAT_FY;
  return SA_YEAR_FORMAT_ERA;
}

/**
 * sa_date_format_era:
 * @date: a valid date
 *
 * Returns: (transfer full): @date written in its era, such as
 *   "令和元年5月1日", or in western years ("1800年1月1日") before Meiji
 */
char *
sa_date_format_era (const GDate *date)
{
  SaEra era;
  int era_year;
  g_autofree char *year_text = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (!sa_date_get_era (date, &era, &era_year))
    return g_strdup_printf ("%d年%d月%d日",
                            g_date_get_year (date),
                            g_date_get_month (date),
                            g_date_get_day (date));

  year_text = era_year_text (era_year);
  return g_strdup_printf ("%s%s年%d月%d日",
                          eras[era].name, year_text,
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/* Reads exactly @len ASCII digits (at most four, so no overflow) from @s.
 * Unlike g_ascii_string_to_unsigned() this needs no terminator, which lets
 * the parsers read digits in the middle of a string. */
static gboolean
parse_digits (const char *s,
              gsize       len,
              int        *out)
{
  int value = 0;

  if (len == 0 || len > 4)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      value = value * 10 + g_ascii_digit_value (s[i]);
    }

  *out = value;
  return TRUE;
}

static gboolean
check_year_range (const char  *text,
                  int          year,
                  GError     **error)
{
  if (year >= SA_YEAR_MIN && year <= SA_YEAR_MAX)
    return TRUE;

  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("“%s” is outside the years %d to %d"),
               text, SA_YEAR_MIN, SA_YEAR_MAX);
  return FALSE;
}

/**
 * sa_date_parse_iso:
 * @text: a date written as YYYY-MM-DD, zero-padded
 * @out: (out caller-allocates): the date; left alone on error
 * @error: return location for an error
 *
 * Strict on purpose: this reads stored and imported data, where a sloppy
 * form means something has gone wrong.
 *
 * Returns: %TRUE if @text is a date that exists in the years 1868 to 9999
 */
gboolean
sa_date_parse_iso (const char  *text,
                   GDate       *out,
                   GError     **error)
{
  int year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !parse_digits (text, 4, &year) ||
      !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("“%s” is not a date in the form YYYY-MM-DD"), text);
      return FALSE;
    }

  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("“%s” is not a date that exists"), text);
      return FALSE;
    }

  if (!check_year_range (text, year, error))
    return FALSE;

  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * sa_date_to_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as YYYY-MM-DD, such as "2010-04-01"
 */
char *
sa_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/* Finds the era @text starts with: its kanji name, or its letter in either
 * case when @allow_letter. Sets @rest to what follows. */
static gboolean
find_era_prefix (const char  *text,
                 gboolean     allow_letter,
                 SaEra       *era,
                 gboolean    *by_name,
                 const char **rest)
{
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      if (g_str_has_prefix (text, eras[i].name))
        {
          *era = i;
          *by_name = TRUE;
          *rest = text + strlen (eras[i].name);
          return TRUE;
        }

      if (allow_letter && g_ascii_toupper (text[0]) == eras[i].letter)
        {
          *era = i;
          *by_name = FALSE;
          *rest = text + 1;
          return TRUE;
        }
    }

  return FALSE;
}

/* Reads an era year from @rest (@len bytes) into a fiscal year. "元" is
 * written only after the kanji name. An era year past the calendar year the
 * era ended in is refused: "平成31年度" was in use, "平成32年度" never was. */
static gboolean
era_year_to_fiscal_year (const char  *text,
                         SaEra        era,
                         gboolean     by_name,
                         const char  *rest,
                         gsize        len,
                         int         *fy,
                         GError     **error)
{
  int era_year;
  int year;

  if (by_name && len == strlen ("元") && strncmp (rest, "元", len) == 0)
    era_year = 1;
  else if (!parse_digits (rest, len, &era_year) || era_year < 1)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("“%s” is not a fiscal year"), text);
      return FALSE;
    }

  year = eras[era].year + era_year - 1;
  if (year > era_last_year (era))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("“%s” is past the end of the %s era"),
                   text, eras[era].name);
      return FALSE;
    }

  *fy = year;
  return TRUE;
}

static gboolean parse_one_fiscal_year (const char  *text,
                                       int         *fy,
                                       GError     **error);

/**
 * sa_fiscal_year_parse:
 * @text: a fiscal year as the user wrote it
 * @fy: (out): the fiscal year; left alone on error
 * @error: return location for an error
 *
 * Accepts every form sa_fiscal_year_label() writes except the ambiguous
 * %SA_YEAR_FORMAT_SHORT: "2010", "FY2010" (any case), "2010年度", "H22"
 * (any case), "平成22年度", "平成22", "令和元年度", "平成22年度(2010)" (whose
 * two years must agree).
 *
 * Returns: %TRUE if @text names a fiscal year from 1868 to 9999
 */
gboolean
sa_fiscal_year_parse (const char  *text,
                      int         *fy,
                      GError     **error)
{
  const char *open;
  g_autofree char *era_part = NULL;
  g_autofree char *western_part = NULL;
  int era_year, western_year;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (fy != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  open = strstr (text, "年度(");
  if (open == NULL || !g_str_has_suffix (text, ")"))
    return parse_one_fiscal_year (text, fy, error);

  open += strlen ("年度");
  era_part = g_strndup (text, open - text);
  western_part = g_strndup (open + 1, strlen (open + 1) - 1);
  if (!parse_one_fiscal_year (era_part, &era_year, NULL) ||
      !parse_one_fiscal_year (western_part, &western_year, NULL))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("“%s” is not a fiscal year"), text);
      return FALSE;
    }
  if (era_year != western_year)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("“%s” names two different fiscal years"), text);
      return FALSE;
    }
  *fy = era_year;
  return TRUE;
}

static gboolean
parse_one_fiscal_year (const char  *text,
                       int         *fy,
                       GError     **error)
{
  gboolean nendo;
  gboolean by_name;
  gsize len;
  SaEra era;
  const char *rest;
  int year;

  /* "年度" may end only the kanji forms, never "FY2010" or "H22". */
  len = strlen (text);
  nendo = g_str_has_suffix (text, "年度");
  if (nendo)
    len -= strlen ("年度");

  if (find_era_prefix (text, !nendo, &era, &by_name, &rest))
    {
      if (!era_year_to_fiscal_year (text, era, by_name, rest,
                                    len - (rest - text), &year, error))
        return FALSE;
    }
  else
    {
      rest = text;
      if (!nendo && g_ascii_strncasecmp (text, "FY", 2) == 0)
        rest += 2;

      if (!parse_digits (rest, len - (rest - text), &year))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                       _("“%s” is not a fiscal year"), text);
          return FALSE;
        }
    }

  if (!check_year_range (text, year, error))
    return FALSE;

  *fy = year;
  return TRUE;
}

/* One number of a date as typed, and what followed it: "-", "/", ".", "年", "月",
 * "日", or "" at the end. */
typedef struct
{
  int         value;
  gsize       digits;
  const char *unit;
} DatePart;

static const char *
read_unit (const char **p)
{
  /* A Japanese input method types "ー" for "-", and some people type a minus sign. */
  static const struct { const char *text; const char *unit; } units[] = {
    { "-", "-" }, { "ー", "-" }, { "−", "-" }, { "‐", "-" },
    { "/", "/" }, { ".", "." }, { "年", "年" }, { "月", "月" }, { "日", "日" },
  };

  if (**p == '\0')
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_prefix (*p, units[i].text))
      {
        *p += strlen (units[i].text);
        return units[i].unit;
      }
  return NULL;
}

/* Splits @p into at most three numbers and what follows each. After an era name,
 * "元" is the year 1. */
static gboolean
read_date_parts (const char *p,
                 gboolean    after_era_name,
                 DatePart   *parts,
                 guint      *n_parts)
{
  *n_parts = 0;
  while (*p != '\0')
    {
      DatePart *part = &parts[*n_parts];
      gsize len = 0;

      if (*n_parts == 3)
        return FALSE;
      if (after_era_name && *n_parts == 0 && g_str_has_prefix (p, "元"))
        {
          part->value = 1;
          part->digits = 1;
          p += strlen ("元");
        }
      else
        {
          int high = 0;

          while (g_ascii_isdigit (p[len]))
            len++;
          /* Eight digits are a whole date, 20120520; read them as two halves. */
          if (len == 0 || len > 8 ||
              (len > 4 && !parse_digits (p, len - 4, &high)) ||
              !parse_digits (p + (len > 4 ? len - 4 : 0), MIN (len, 4), &part->value))
            return FALSE;
          part->value += high * 10000;
          part->digits = len;
          p += len;
        }
      if ((part->unit = read_unit (&p)) == NULL)
        return FALSE;
      (*n_parts)++;
    }
  return *n_parts > 0;
}

static gboolean
units_are (const DatePart *parts,
           guint           n_parts,
           const char     *a,
           const char     *b,
           const char     *last)
{
  const char *expected[] = { a, b, last };
  const char * const *want = expected + (3 - n_parts);

  for (guint i = 0; i < n_parts; i++)
    if (!g_str_equal (parts[i].unit, want[i]) &&
        !(i == n_parts - 1 && *parts[i].unit == '\0'))
      return FALSE;
  return TRUE;
}

/* Year, month and day from the parts, in the forms sa_date_parse_loose() accepts. */
static gboolean
date_from_parts (const DatePart *parts,
                 guint           n_parts,
                 gboolean        era,
                 int             reference_year,
                 int            *year,
                 int            *month,
                 int            *day)
{
  const char *sep = parts[0].unit;
  gboolean ascii = g_str_equal (sep, "-") || g_str_equal (sep, "/") || g_str_equal (sep, ".");

  if (n_parts == 1)
    {
      if (era || parts[0].digits != 8 || *parts[0].unit != '\0')
        return FALSE;
      *year = parts[0].value / 10000;
      *month = parts[0].value / 100 % 100;
      *day = parts[0].value % 100;
      return TRUE;
    }

  if (!(ascii ? units_are (parts, n_parts, sep, sep, "") : units_are (parts, n_parts, "年", "月", "日")))
    return FALSE;
  for (guint i = n_parts == 3 ? 1 : 0; i < n_parts; i++)
    if (parts[i].digits > 2)
      return FALSE;

  if (n_parts == 2)
    {
      if (era)
        return FALSE;
      *year = reference_year;
      *month = parts[0].value;
      *day = parts[1].value;
      return TRUE;
    }

  /* A western year has four digits, so 12/5/20 is refused rather than guessed. */
  if (era ? parts[0].digits > 2 : parts[0].digits != 4)
    return FALSE;
  *year = parts[0].value;
  *month = parts[1].value;
  *day = parts[2].value;
  return TRUE;
}

/* Makes @year, an era year of @era, a western year, and checks that the day is in
 * the era: 平成31年4月30日 is, 平成31年5月1日 was already 令和元年. */
static gboolean
check_era_date (const char  *text,
                SaEra        era,
                int          era_year,
                int          month,
                int          day,
                GDate       *out,
                GError     **error)
{
  int year = eras[era].year + era_year - 1;
  SaEra actual;

  if (era_year < 1 || year > era_last_year (era) || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("“%s” is not a date that exists"), text);
      return FALSE;
    }
  g_date_set_dmy (out, day, month, year);
  if (!sa_date_get_era (out, &actual, NULL) || actual != era)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("“%s” is not a day of the %s era"), text, eras[era].name);
      return FALSE;
    }
  return TRUE;
}

/**
 * sa_date_parse_loose:
 * @text: a date as a person types it
 * @reference: (nullable): the date shown before; a month and day typed without a year
 *   fall in its year. %NULL for this year
 * @out: (out caller-allocates): the date; left alone on error
 * @error: return location for a message that says what is wrong
 *
 * Accepts what people type into a date field: 2012-05-20, 2012/5/20, 2012.5.20,
 * 20120520, 2012年5月20日, 5/20, 5-20, 5月20日, and era dates such as H24.5.20,
 * h24/5/20 and 平成24年5月20日 (令和元年5月1日 for the first year). Full-width digits
 * and separators are read as their ASCII forms; spaces around the date are ignored.
 * A year of two digits without an era is refused rather than guessed.
 *
 * Returns: %TRUE if @text is a date that exists in the years 1868 to 9999
 */
gboolean
sa_date_parse_loose (const char   *text,
                     const GDate  *reference,
                     GDate        *out,
                     GError      **error)
{
  g_autofree char *normalized = NULL;
  DatePart parts[3];
  guint n_parts;
  SaEra era = SA_ERA_MEIJI;
  gboolean has_era, by_name = FALSE;
  const char *rest;
  int year, month, day;
  GDate date;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (reference == NULL || g_date_valid (reference), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized != NULL)
    g_strstrip (normalized);

  if (reference != NULL)
    year = g_date_get_year (reference);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      year = g_date_time_get_year (now);
    }

  has_era = normalized != NULL && find_era_prefix (normalized, TRUE, &era, &by_name, &rest);
  if (normalized == NULL ||
      !read_date_parts (has_era ? rest : normalized, has_era && by_name, parts, &n_parts) ||
      !date_from_parts (parts, n_parts, has_era, year, &year, &month, &day))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("“%s” is not a date; type one such as 2012-05-20 or 5/20"), text);
      return FALSE;
    }

  if (has_era)
    {
      if (!check_era_date (text, era, year, month, day, &date, error))
        return FALSE;
    }
  else if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("“%s” is not a date that exists"), text);
      return FALSE;
    }
  else
    g_date_set_dmy (&date, day, month, year);

  if (!check_year_range (text, g_date_get_year (&date), error))
    return FALSE;
  *out = date;
  return TRUE;
}
