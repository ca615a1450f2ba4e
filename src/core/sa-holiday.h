/* sa-holiday.h: Japanese public holidays (国民の祝日)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SaHoliday:
 * @date: the day
 * @name: the official Japanese name, e.g. "元日", "振替休日", "国民の休日";
 *   a static string, never freed
 *
 * One public holiday, as defined by 国民の祝日に関する法律 (from
 * 1948-07-20) and the special laws that added or moved single days.
 */
typedef struct {
  GDate       date;
  const char *name;
} SaHoliday;

/**
 * sa_holidays_for_year:
 * @year: a year; before 1948 there are no holidays under the law
 *
 * Returns: (transfer full) (element-type SaHoliday): the year's holidays,
 *   sorted by date, including 振替休日 and 国民の休日. Free with
 *   g_array_unref().
 */
GArray     *sa_holidays_for_year (int year);

/**
 * sa_holiday_lookup:
 * @date: a valid date
 *
 * Cheap enough to call for every day a calendar draws: each year's table
 * is computed once and kept. Thread-safe.
 *
 * Returns: (nullable): the holiday's static name, or %NULL for an
 *   ordinary day
 */
const char *sa_holiday_lookup    (const GDate *date);

G_END_DECLS
