/* sa-sync-ui.h: sync files, CSV and iCalendar from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

/* Each function picks a file or folder with a GtkFileChooserNative, then calls its
 * _file/_folder counterpart, which does the work. Toasts go to the parent window's
 * toast overlay through sa_toast_show(), while that window lives. */
void sa_sync_ui_export             (GtkWindow         *parent,
                                    SaContext         *context);
void sa_sync_ui_export_file        (GtkWindow         *parent,
                                    SaContext         *context,
                                    GFile             *file);

void sa_sync_ui_import             (GtkWindow         *parent,
                                    SaContext         *context,
                                    gboolean           dry_run);
void sa_sync_ui_import_file        (GtkWindow         *parent,
                                    SaContext         *context,
                                    GFile             *file,
                                    gboolean           dry_run);

void sa_sync_ui_sync_now           (GtkWindow         *parent,
                                    SaContext         *context);
void sa_sync_ui_sync_folder        (GtkWindow         *parent,
                                    SaContext         *context,
                                    GFile             *folder);

void sa_sync_ui_export_csv         (GtkWindow         *parent,
                                    SaContext         *context);
void sa_sync_ui_export_ics         (GtkWindow         *parent,
                                    SaContext         *context);
void sa_sync_ui_export_activities_file (GtkWindow     *parent,
                                    SaContext         *context,
                                    GFile             *file,
                                    gboolean           ics,
                                    int                fiscal_year);

void sa_sync_ui_import_csv         (GtkWindow         *parent,
                                    SaContext         *context);
void sa_sync_ui_import_csv_file    (GtkWindow         *parent,
                                    SaContext         *context,
                                    GFile             *file);

GFile *sa_sync_ui_dup_folder       (GSettings         *settings);
void   sa_sync_ui_set_folder       (GSettings         *settings,
                                    GFile             *folder);

G_END_DECLS
