/* sa-review-sheet.h: the year's review of a plan as a sheet (評価シート)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-date.h"
#include "sa-sheet.h"
#include "sa-store.h"

G_BEGIN_DECLS

SaSheet *sa_review_sheet_new (SaStore       *store,
                              const char    *plan_id,
                              int            fiscal_year,
                              SaYearFormat   year_format,
                              GError       **error);

G_END_DECLS
