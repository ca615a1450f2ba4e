/* sa-sync-folder.h: a folder shared by many sites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-import.h"
#include "sa-store.h"

G_BEGIN_DECLS

/**
 * SaSyncFolderFunc:
 * @file: another site's file in the folder
 * @report: (nullable): what importing it did; %NULL when it was refused
 * @error: (nullable): why it was refused
 * @user_data: the data given to sa_sync_folder()
 *
 * Called once for every other site's file in a sync folder.
 */
typedef void (*SaSyncFolderFunc) (GFile                *file,
                                  const SaImportReport *report,
                                  const GError         *error,
                                  gpointer              user_data);

/**
 * SaSyncFolderResult:
 * @n_read: the files read whole, segments and whole files
 * @written: (nullable): the segment this site wrote, as `SITE-ID/NNNNNN.sasaeai`
 *   under the folder; %NULL when it had nothing new
 */
typedef struct
{
  guint  n_read;
  char  *written;
} SaSyncFolderResult;

void        sa_sync_folder_result_clear (SaSyncFolderResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaSyncFolderResult, sa_sync_folder_result_clear)

char       *sa_sync_file_name_for_site  (const char           *site_id);
char       *sa_sync_folder_site_of_file (GFile                *file);
gboolean    sa_sync_folder_full         (SaStore              *store,
                                         GFile                *folder,
                                         const char           *passphrase,
                                         SaSyncFolderFunc      func,
                                         gpointer              user_data,
                                         SaSyncFolderResult   *result,
                                         GCancellable         *cancellable,
                                         GError              **error);
gboolean    sa_sync_folder              (SaStore              *store,
                                         GFile                *folder,
                                         SaSyncFolderFunc      func,
                                         gpointer              user_data,
                                         GCancellable         *cancellable,
                                         GError              **error);

G_END_DECLS
