/* sa-store-private.h: what other core modules need of the store's connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "sa-store.h"

G_BEGIN_DECLS

typedef gboolean (*SaDeferredCheck) (SaStore     *store,
                                     const char  *id,
                                     GError     **error);

sqlite3_stmt *_sa_store_prepare      (SaStore        *self,
                                      const char     *sql,
                                      GError        **error);
gboolean      _sa_store_step_done    (SaStore        *self,
                                      sqlite3_stmt   *stmt,
                                      GError        **error);
gboolean      _sa_store_set_error    (SaStore        *self,
                                      GError        **error);
SaRecord     *_sa_store_read_record  (const SaTable  *table,
                                      sqlite3_stmt   *stmt);
const char   *_sa_store_select_sql   (const SaTable  *table);
const char   *_sa_store_table_sql    (const SaTable  *table,
                                      const char     *kind,
                                      char         *(*build) (const SaTable *));
gboolean      _sa_store_merge_row    (SaStore           *self,
                                      SaRecord          *incoming,
                                      gboolean           likely_new,
                                      SaMergeFieldFunc   func,
                                      gpointer           user_data,
                                      SaMergeResult     *result,
                                      GError           **error);
gboolean      _sa_store_known_present (SaStore       *self,
                                      const SaTable  *table,
                                      const char     *id);
gboolean      _sa_store_note_own_write (SaStore      *self,
                                        const SaTable *table,
                                        const char    *id,
                                        const char    *site,
                                        const char    *clock,
                                        GError       **error);
void          _sa_store_note_present (SaStore        *self,
                                      const SaTable  *table,
                                      const char     *id);
void          _sa_store_mark_changed (SaStore        *self,
                                      const SaTable  *table);
void          _sa_store_mark_row_changed (SaStore    *self,
                                      const SaTable  *table,
                                      const char     *id);
gboolean      _sa_store_get_plan_years (SaStore      *self,
                                      const char     *commitment_id,
                                      gint64         *first_fy,
                                      gint64         *last_fy);

gboolean      _sa_store_observe_clock (SaStore      *self,
                                      const char     *clock,
                                      gboolean        any_date,
                                      GError        **error);
void          _sa_store_set_identity (SaStore        *self,
                                      const char     *site_id,
                                      const char     *last);
void          _sa_store_add_notice   (SaStore        *self,
                                      char           *message);

/* Site identity and clocks that ran ahead (sa-store-sites.c) */
gboolean      _sa_store_check_file   (SaStore        *self,
                                      GError        **error);
gboolean      _sa_store_check_clock_ahead (SaStore   *self,
                                      GError        **error);
gboolean      _sa_store_become_new_site (SaStore     *self,
                                      GError        **error);
gboolean      _sa_store_defer_check  (SaStore        *self,
                                      SaDeferredCheck check,
                                      const char     *id);

/* A table linking an activity or a resource (column 0) to commitments (column 1);
 * see sa-store-links.c. */
typedef struct
{
  const SaTable *table;
  const char    *select_sql;   /* the live links of owner ?1, in the plan's order */
  char        *(*make_id) (const char *owner_id,
                           const char *commitment_id);
} SaCommitmentLinks;

GStrv    _sa_store_dup_linked_commitments     (SaStore                 *self,
                                               const SaCommitmentLinks *links,
                                               const char              *owner_id,
                                               GError                 **error);
gboolean _sa_store_replace_linked_commitments (SaStore                 *self,
                                               const SaCommitmentLinks *links,
                                               const char              *owner_id,
                                               const char * const      *wanted,
                                               GError                 **error);

G_END_DECLS
