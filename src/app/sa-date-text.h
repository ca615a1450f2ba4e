/* sa-date-text.h: months, days and fiscal years as every view writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-date.h"

G_BEGIN_DECLS

/**
 * SaCalendarStyle:
 * @SA_CALENDAR_STYLE_WESTERN: "May 2012", or "2012年5月" in Japanese
 * @SA_CALENDAR_STYLE_ERA: "平成24年5月"
 */
typedef enum
{
  SA_CALENDAR_STYLE_WESTERN,
  SA_CALENDAR_STYLE_ERA,
} SaCalendarStyle;

gboolean         sa_date_text_is_japanese   (void);
SaCalendarStyle  sa_date_text_month_style   (SaYearFormat     format);
char            *sa_date_text_month         (int              year,
                                             GDateMonth       month,
                                             SaCalendarStyle  style);
const char      *sa_date_text_month_name    (GDateMonth       month);
char            *sa_date_text_day           (const GDate     *date);
char            *sa_date_text_full_day      (const GDate     *date);
const char      *sa_date_text_weekday_abbr  (GDateWeekday     weekday);

G_END_DECLS
