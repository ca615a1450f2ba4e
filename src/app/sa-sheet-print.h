/* sa-sheet-print.h: printing sheets: the review sheet (評価シート) and activity totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-context.h"
#include "sa-sheet.h"

G_BEGIN_DECLS

GtkPrintOperation *sa_sheet_print_operation_new        (SaContext     *context,
                                                        SaSheet       *sheet,
                                                        gboolean       landscape);
gboolean           sa_sheet_print                      (GtkWindow     *parent,
                                                        SaContext     *context,
                                                        SaSheet       *sheet,
                                                        gboolean       landscape,
                                                        const char    *job_name,
                                                        GError       **error);
GtkPrintOperation *sa_review_sheet_print_operation_new (SaContext     *context,
                                                        const char    *plan_id,
                                                        int            fiscal_year,
                                                        GError       **error);
gboolean           sa_review_sheet_print               (GtkWindow     *parent,
                                                        SaContext     *context,
                                                        const char    *plan_id,
                                                        int            fiscal_year,
                                                        GError       **error);

G_END_DECLS
