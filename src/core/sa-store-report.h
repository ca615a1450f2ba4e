/* sa-store-report.h: the activity log's totals for the promotion council
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-store.h"

G_BEGIN_DECLS

/**
 * SaReportBy:
 * @SA_REPORT_BY_ORGANIZATION: one row per organization, by name
 * @SA_REPORT_BY_DISTRICT: one row per district, by name
 * @SA_REPORT_BY_COMMITMENT: one row per commitment, in the plan's order
 * @SA_REPORT_BY_GOAL: one row per basic goal, in the plan's order
 * @SA_REPORT_BY_MONTH: one row per month of the range, months without activities too
 *
 * What a report's rows are.
 */
typedef enum
{
  SA_REPORT_BY_ORGANIZATION,
  SA_REPORT_BY_DISTRICT,
  SA_REPORT_BY_COMMITMENT,
  SA_REPORT_BY_GOAL,
  SA_REPORT_BY_MONTH,
  SA_REPORT_N_BY,
} SaReportBy;

/**
 * SaReportRow:
 * @key: (nullable): the id of the organization, district, commitment or goal, or the
 *   month as "YYYY-MM"; %NULL for the activities without one
 * @name: what a person reads: the name (a deleted row's marked as sa_deleted_name()
 *   marks it), "No organization" and the like for @key %NULL, "Total" for the total
 * @deleted: whether the row @key names is deleted
 * @activities: the number of activities (実施回数)
 * @participants: their participants added up (延べ参加者数)
 * @volunteers: their volunteers added up (ボランティア延べ数)
 */
typedef struct
{
  char     *key;
  char     *name;
  gboolean  deleted;
  gint64    activities;
  gint64    participants;
  gint64    volunteers;
} SaReportRow;

/**
 * SaReport:
 * @by: what the rows are
 * @plan_id: (nullable): the plan whose commitments the activities advance, or %NULL
 *   for every activity
 * @fiscal_year: the fiscal year reported, or 0 for a range of months
 * @from: the first month, "YYYY-MM"
 * @to: the last month, "YYYY-MM"
 * @rows: (element-type SaReportRow): the rows, in order
 * @total: every activity counted once, even one that is in two rows
 *
 * Totals of the live activities of a range of months. An activity linked to two
 * commitments counts in both commitments' rows (in both goals' rows when the goals
 * differ, once when they are the same goal) and once in @total; deleted activities
 * and deleted links never count.
 */
typedef struct
{
  SaReportBy   by;
  char        *plan_id;
  int          fiscal_year;
  char        *from;
  char        *to;
  GPtrArray   *rows;
  SaReportRow *total;
} SaReport;

void         sa_report_free            (SaReport     *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaReport, sa_report_free)

const char  *sa_report_by_to_string    (SaReportBy    by);
gboolean     sa_report_by_parse        (const char   *text,
                                        SaReportBy   *by,
                                        GError      **error);
const char  *sa_report_by_get_heading  (SaReportBy    by);
GStrv        sa_report_dup_headings    (SaReportBy    by);
gboolean     sa_report_month_parse     (const char   *text,
                                        int          *year,
                                        int          *month,
                                        GError      **error);

SaReport    *sa_store_report           (SaStore      *self,
                                        SaReportBy    by,
                                        const char   *plan_id,
                                        const char   *from,
                                        const char   *to,
                                        GError      **error);
SaReport    *sa_store_report_fiscal_year (SaStore    *self,
                                        SaReportBy    by,
                                        const char   *plan_id,
                                        int           fiscal_year,
                                        GError      **error);
GArray      *sa_store_list_report_years (SaStore     *self,
                                        GError      **error);

GBytes      *sa_report_to_csv          (SaReport     *report);
gboolean     sa_report_export_csv      (SaReport     *report,
                                        GFile        *file,
                                        GCancellable *cancellable,
                                        GError      **error);

G_END_DECLS
