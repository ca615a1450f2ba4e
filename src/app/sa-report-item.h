/* sa-report-item.h: one line of the Activity Totals table, for its list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sa-store-report.h"

G_BEGIN_DECLS

#define SA_TYPE_REPORT_ITEM (sa_report_item_get_type ())

G_DECLARE_FINAL_TYPE (SaReportItem, sa_report_item, SA, REPORT_ITEM, GObject)

SaReportItem      *sa_report_item_new       (const SaReportRow *row,
                                             gboolean           is_total);
const SaReportRow *sa_report_item_get_row   (SaReportItem      *self);
gboolean           sa_report_item_is_total  (SaReportItem      *self);

G_END_DECLS
