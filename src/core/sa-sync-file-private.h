/* sa-sync-file-private.h: what the parts of a sync file's code, and the shared
 * folder's segments, share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"
#include "sa-sync-file.h"

G_BEGIN_DECLS

struct _SaSyncFile
{
  GObject     parent_instance;

  char       *site_id;
  char       *site_name;
  char       *clock;       /* the writing site's clock when it wrote the file */
  GDateTime  *exported_at;
  GHashTable *known;       /* site id → highest clock of its writes the file holds */
  GHashTable *names;       /* site id → name */
  GPtrArray  *records;
  GArray     *lines;       /* the line number of each record, for messages */
};

char *_sa_sync_file_build_header (SaStore       *store,
                                  const char    *clock,
                                  const gint64  *counts,
                                  guint          segment,
                                  guint          after,
                                  GError       **error);
char *_sa_sync_file_build_trailer (guint          n_rows,
                                   const char    *sha256);

G_END_DECLS
