/* sa-sync-ui.h: sync files, CSV and iCalendar from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-undo-stack.h"

G_BEGIN_DECLS

/**
 * SaSyncUiToastFunc:
 * @toast: (transfer none): what to tell the person
 * @user_data: the data given with the function
 *
 * Shows a toast, usually in the window's #AdwToastOverlay. Not called once the
 * parent window is gone.
 */
typedef void (*SaSyncUiToastFunc) (AdwToast *toast,
                                   gpointer  user_data);

/* Each function picks a file or folder with a GtkFileChooserNative, then calls its
 * _file/_folder counterpart, which does the work. */
void sa_sync_ui_export             (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);
void sa_sync_ui_export_file        (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    GFile             *file,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);

void sa_sync_ui_import             (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    gboolean           dry_run,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);
void sa_sync_ui_import_file        (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    GFile             *file,
                                    gboolean           dry_run,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);

void sa_sync_ui_sync_now           (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);
void sa_sync_ui_sync_folder        (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    GFile             *folder,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);

void sa_sync_ui_export_csv         (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);
void sa_sync_ui_export_ics         (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);
void sa_sync_ui_export_activities_file (GtkWindow     *parent,
                                    SaUndoStack       *undo_stack,
                                    GFile             *file,
                                    gboolean           ics,
                                    int                fiscal_year,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);

void sa_sync_ui_import_csv         (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);
void sa_sync_ui_import_csv_file    (GtkWindow         *parent,
                                    SaUndoStack       *undo_stack,
                                    GFile             *file,
                                    SaSyncUiToastFunc  toast_func,
                                    gpointer           user_data);

GFile *sa_sync_ui_dup_folder       (void);
void   sa_sync_ui_set_folder       (GFile             *folder);

G_END_DECLS
