/* sa-sync-segment.h: one site's changes, as a numbered file of a shared sync folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-store.h"

G_BEGIN_DECLS

char    *sa_sync_segment_name        (guint          number);
gboolean sa_sync_segment_parse_name  (const char    *name,
                                      guint         *number);

gboolean sa_sync_segment_write       (SaStore       *store,
                                      GFile         *file,
                                      const char    *passphrase,
                                      guint          number,
                                      guint          after,
                                      const char    *since,
                                      gboolean       whole,
                                      char         **clock,
                                      guint         *n_rows,
                                      GCancellable  *cancellable,
                                      GError       **error);
GBytes  *sa_sync_segment_load        (GFile         *file,
                                      const char    *passphrase,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean sa_sync_segment_read_after  (GBytes        *plain,
                                      guint         *after,
                                      GCancellable  *cancellable,
                                      GError       **error);

/**
 * SaSyncFolderMark:
 * @segment: the last segment merged (another site) or written (this site)
 * @clock: (nullable): this site: the clock of its last segment
 * @stamp: (nullable): an old-layout file: its size and time when merged; this
 *   site: its clock after its last sync
 *
 * How far this database has come with one site's files in one sync folder.
 */
typedef struct
{
  guint  segment;
  char  *clock;
  char  *stamp;
} SaSyncFolderMark;

void        sa_sync_folder_mark_free (SaSyncFolderMark *mark);
GHashTable *sa_sync_folder_load_marks (SaStore          *store,
                                       const char       *folder,
                                       GError          **error);
gboolean    sa_sync_folder_save_mark  (SaStore          *store,
                                       const char       *folder,
                                       const char       *source,
                                       const SaSyncFolderMark *mark,
                                       GError          **error);

G_END_DECLS
