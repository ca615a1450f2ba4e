/* sa-store-deleted.h: deleted rows: how records name them, what uses a row, bringing
 * rows back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

/**
 * SaUses:
 * @activities: activities that name the row, or that advance a commitment under it
 * @commitments: commitments under it
 * @organizations: organizations under it (an actor's)
 * @expected_actions: expected actions under it
 *
 * How many rows that are not deleted use a row.
 */
typedef struct
{
  guint activities;
  guint commitments;
  guint organizations;
  guint expected_actions;
} SaUses;

/**
 * SaDeletedRow:
 * @table: the row's table
 * @id: its id
 * @name: its name, title or text
 * @site_name: who deleted it: the office's name, or its id when the name is not known
 * @deleted_ms: when: the tombstone clock's wall-clock time, in milliseconds since 1970
 */
typedef struct
{
  const SaTable *table;
  char          *id;
  char          *name;
  char          *site_name;
  gint64         deleted_ms;
} SaDeletedRow;

void        sa_deleted_row_free           (SaDeletedRow   *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaDeletedRow, sa_deleted_row_free)

char       *sa_deleted_name               (const char     *name);
const char *sa_table_get_noun             (const SaTable  *table);
const char *sa_record_get_name            (SaRecord       *record);

GHashTable *sa_store_dup_all_names        (SaStore        *self,
                                           const SaTable  *table,
                                           guint           column,
                                           GHashTable    **deleted,
                                           GError        **error);
GHashTable *sa_store_dup_display_names    (SaStore        *self,
                                           const SaTable  *table,
                                           guint           column,
                                           GError        **error);
char       *sa_record_dup_display_name    (SaRecord       *record);
GPtrArray  *sa_store_list_in_use          (SaStore        *self,
                                           const SaTable  *table,
                                           GError        **error);
char       *sa_store_lookup_name          (SaStore        *self,
                                           const SaTable  *table,
                                           const char     *text,
                                           GError        **error);

gboolean    sa_store_count_uses           (SaStore        *self,
                                           const SaTable  *table,
                                           const char     *id,
                                           SaUses         *uses,
                                           GError        **error);
char       *sa_uses_describe              (const SaUses   *uses);
GPtrArray  *sa_store_list_dependents      (SaStore        *self,
                                           const SaTable  *table,
                                           const char     *id,
                                           GError        **error);
GPtrArray  *sa_store_list_restored_with   (SaStore        *self,
                                           SaRecord       *record,
                                           GError        **error);
GPtrArray  *sa_store_list_deleted         (SaStore        *self,
                                           GError        **error);
SaRecord   *sa_store_find_row             (SaStore        *self,
                                           const char     *id,
                                           GError        **error);
gboolean    sa_store_delete               (SaStore        *self,
                                           const SaTable  *table,
                                           const char     *id,
                                           GError        **error);
gboolean    sa_store_restore              (SaStore        *self,
                                           const char     *id,
                                           GError        **error);

G_END_DECLS
