/* sa-date.h: fiscal years and Japanese eras
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SaEra:
 * @SA_ERA_MEIJI: 明治, from 1868-10-23
 * @SA_ERA_TAISHO: 大正, from 1912-07-30
 * @SA_ERA_SHOWA: 昭和, from 1926-12-25
 * @SA_ERA_HEISEI: 平成, from 1989-01-08
 * @SA_ERA_REIWA: 令和, from 2019-05-01
 */
typedef enum
{
  SA_ERA_MEIJI,
  SA_ERA_TAISHO,
  SA_ERA_SHOWA,
  SA_ERA_HEISEI,
  SA_ERA_REIWA,
} SaEra;

/**
 * SaYearFormat:
 * @SA_YEAR_FORMAT_SHORT: "22", the era year number only, as in the plan's
 *   schedule table
 * @SA_YEAR_FORMAT_ERA_LETTER: "H22" (M, T, S, H, R)
 * @SA_YEAR_FORMAT_ERA: "平成22年度"; year one is "元": "令和元年度"
 * @SA_YEAR_FORMAT_FY: "FY2010"
 * @SA_YEAR_FORMAT_WESTERN: "2010年度"
 * @SA_YEAR_FORMAT_ERA_WESTERN: "平成22年度(2010)", the era with the western year
 *   after it, as offices write it for readers of both
 */
typedef enum
{
  SA_YEAR_FORMAT_SHORT,
  SA_YEAR_FORMAT_ERA_LETTER,
  SA_YEAR_FORMAT_ERA,
  SA_YEAR_FORMAT_FY,
  SA_YEAR_FORMAT_WESTERN,
  SA_YEAR_FORMAT_ERA_WESTERN,
} SaYearFormat;

#define SA_TYPE_YEAR_FORMAT (sa_year_format_get_type ())

GType       sa_year_format_get_type   (void) G_GNUC_CONST;

int         sa_date_fiscal_year       (const GDate  *date);
void        sa_fiscal_year_first_day  (int           fy,
                                       GDate        *out);
void        sa_fiscal_year_last_day   (int           fy,
                                       GDate        *out);

gboolean    sa_date_get_era           (const GDate  *date,
                                       SaEra        *era,
                                       int          *era_year);
const char *sa_era_name               (SaEra         era);
char        sa_era_letter             (SaEra         era);
gboolean    sa_fiscal_year_get_era    (int           fy,
                                       SaEra        *era,
                                       int          *era_year);

char       *sa_fiscal_year_label      (int           fy,
                                       SaYearFormat  format);
SaYearFormat sa_year_format_for_setting (const char  *setting,
                                       gboolean      japanese);
char       *sa_date_format_era        (const GDate  *date);

/**
 * SaYearLabelFunc:
 * @fy: a fiscal year
 *
 * Returns: (transfer full): the year as the person chose to read years
 */
typedef char *(*SaYearLabelFunc) (int fy);

void        sa_set_message_year_label (SaYearLabelFunc func);
char       *sa_message_year_label     (int           fy);

gboolean    sa_date_parse_iso         (const char   *text,
                                       GDate        *out,
                                       GError      **error);
gboolean    sa_date_parse_loose       (const char   *text,
                                       const GDate  *reference,
                                       GDate        *out,
                                       GError      **error);
char       *sa_date_to_iso            (const GDate  *date);
gboolean    sa_fiscal_year_parse      (const char   *text,
                                       int          *fy,
                                       GError      **error);

G_END_DECLS
