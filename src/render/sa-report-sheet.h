/* sa-report-sheet.h: activity totals as a printed sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-date.h"
#include "sa-sheet.h"
#include "sa-store-report.h"

G_BEGIN_DECLS

SaSheet *sa_report_sheet_new (SaReport     *report,
                              SaYearFormat  year_format);

G_END_DECLS
