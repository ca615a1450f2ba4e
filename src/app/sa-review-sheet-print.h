/* sa-review-sheet-print.h: printing the year's review sheet (評価シート)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-date.h"
#include "sa-store.h"

G_BEGIN_DECLS

GtkPrintOperation *sa_review_sheet_print_operation_new (SaStore       *store,
                                                        const char    *plan_id,
                                                        int            fiscal_year,
                                                        SaYearFormat   year_format,
                                                        GError       **error);
gboolean           sa_review_sheet_print               (GtkWindow     *parent,
                                                        SaStore       *store,
                                                        const char    *plan_id,
                                                        int            fiscal_year,
                                                        SaYearFormat   year_format,
                                                        GError       **error);
SaYearFormat       sa_review_sheet_year_format         (GSettings     *settings);

G_END_DECLS
