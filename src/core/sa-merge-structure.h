/* sa-merge-structure.h: what an import does to the plan's structure after the merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

/**
 * SaMergeSides:
 * @store: the store, inside the import's transaction, after the rows were merged
 * @local_known: site id → clock: what this site held before the import
 * @file_known: site id → clock: what the file's writer held, from its header
 * @names: site id → name, for messages
 * @conflicts: (element-type SaConflict) (nullable): where to report
 */
typedef struct
{
  SaStore    *store;
  GHashTable *local_known;
  GHashTable *file_known;
  GHashTable *names;
  GPtrArray  *conflicts;
} SaMergeSides;

gboolean sa_clock_map_has_seen    (GHashTable    *known,
                                   const char    *clock);
gboolean sa_merge_keep_added_work (SaMergeSides  *sides,
                                   GError       **error);
gboolean sa_merge_renumber_goals  (SaMergeSides  *sides,
                                   GError       **error);

G_END_DECLS
