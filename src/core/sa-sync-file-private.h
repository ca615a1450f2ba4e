/* sa-sync-file-private.h: what the shared folder's segments share with whole sync files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

char *_sa_sync_file_build_header (SaStore       *store,
                                  const char    *clock,
                                  const gint64  *counts,
                                  guint          segment,
                                  guint          after,
                                  GError       **error);

G_END_DECLS
