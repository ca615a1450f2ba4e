/* sa-sync-report-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-import.h"
#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_SYNC_REPORT_WINDOW (sa_sync_report_window_get_type ())

G_DECLARE_FINAL_TYPE (SaSyncReportWindow, sa_sync_report_window, SA, SYNC_REPORT_WINDOW, AdwWindow)

SaSyncReportWindow *sa_sync_report_window_new         (GtkWindow            *parent,
                                                       SaContext            *context,
                                                       gboolean              dry_run);
void                sa_sync_report_window_add_report  (SaSyncReportWindow   *self,
                                                       const char           *source,
                                                       const char           *site_id,
                                                       const char           *site_name,
                                                       const SaImportReport *report);
void                sa_sync_report_window_add_failure (SaSyncReportWindow   *self,
                                                       const char           *source,
                                                       const GError         *error);
guint               sa_sync_report_window_get_n_conflicts (SaSyncReportWindow *self);

G_END_DECLS
