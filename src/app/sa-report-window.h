/* sa-report-window.h: Activity Totals, the log's totals of a fiscal year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

#include "sa-store-report.h"

G_BEGIN_DECLS

#define SA_TYPE_REPORT_WINDOW (sa_report_window_get_type ())

G_DECLARE_FINAL_TYPE (SaReportWindow, sa_report_window, SA, REPORT_WINDOW, AdwWindow)

SaReportWindow *sa_report_window_new            (GtkWindow      *parent,
                                                 SaContext      *context);
void            sa_report_window_show_year      (SaReportWindow *self,
                                                 int             fiscal_year,
                                                 SaReportBy      by);
SaReport       *sa_report_window_get_report     (SaReportWindow *self);

G_END_DECLS
