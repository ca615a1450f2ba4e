/* sa-sync-file.h: the file one site writes for the others, NAME.sasaeai
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-import.h"
#include "sa-store.h"

G_BEGIN_DECLS

#define SA_SYNC_FORMAT "sasaeai-sync"
#define SA_SYNC_VERSION 2
#define SA_SYNC_SUFFIX ".sasaeai"

/* Larger than anything real (100,000 activities, a ward's ten years, take some 77 MB
 * and 220 MB of memory to merge; 1,000,000 some 770 MB), small enough that a damaged
 * or hostile file cannot exhaust memory before it is refused. */
#define SA_SYNC_MAX_SIZE ((gsize) 1024 * 1024 * 1024)
#define SA_SYNC_MAX_LINE ((gsize) 1024 * 1024)

#define SA_TYPE_SYNC_FILE (sa_sync_file_get_type ())

G_DECLARE_FINAL_TYPE (SaSyncFile, sa_sync_file, SA, SYNC_FILE, GObject)

gboolean    sa_sync_file_export         (SaStore              *store,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);

SaSyncFile *sa_sync_file_read           (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
SaSyncFile *sa_sync_file_read_stream    (GInputStream         *stream,
                                         gsize                 max_size,
                                         GCancellable         *cancellable,
                                         GError              **error);
void        sa_sync_file_read_async     (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
SaSyncFile *sa_sync_file_read_finish    (GAsyncResult         *result,
                                         GError              **error);

const char *sa_sync_file_get_site_id    (SaSyncFile           *self);
const char *sa_sync_file_get_site_name  (SaSyncFile           *self);
GDateTime  *sa_sync_file_get_exported_at (SaSyncFile          *self);
const char *sa_sync_file_get_clock      (SaSyncFile           *self);
GPtrArray  *sa_sync_file_get_records    (SaSyncFile           *self);

gboolean    sa_sync_file_check_references (SaSyncFile         *self,
                                         SaStore              *store,
                                         GError              **error);
gboolean    sa_sync_file_import         (SaSyncFile           *self,
                                         SaStore              *store,
                                         gboolean              dry_run,
                                         SaImportReport       *report,
                                         GError              **error);
gboolean    sa_sync_file_import_segment (SaSyncFile         *self,
                                         SaStore              *store,
                                         SaImportReport       *report,
                                         GError              **error);

G_END_DECLS

