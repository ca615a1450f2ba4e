/* sa-store-activity.c: activity records and their links to commitments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib.h>

#include "sa-activity-link.h"
#include "sa-activity.h"
#include "sa-store-private.h"

/**
 * sa_store_list_activities:
 * @self: a store
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type SaActivity): the activities in the range
 *   that are not deleted, by date, time and title; the date index serves the range
 */
GPtrArray *
sa_store_list_activities (SaStore     *self,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  sql = g_strconcat (_sa_store_select_sql (&sa_activity_table),
                     " WHERE date >= ?1 AND date <= ?2 AND deleted = 0"
                     " ORDER BY date, time, title", NULL);
  if (!(stmt = _sa_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, from ? from : "0000-00-00", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to ? to : "9999-99-99", -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, _sa_store_read_record (&sa_activity_table, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

static const SaCommitmentLinks activity_links = {
  &sa_activity_link_table,
  "SELECT l.commitment_id FROM activity_commitment l"
  " JOIN commitment c ON c.id = l.commitment_id"
  " JOIN goal g ON g.id = c.goal_id"
  " WHERE l.activity_id = lower(?1) AND l.deleted = 0"
  " ORDER BY g.number, c.position",
  sa_activity_link_make_id,
};

/**
 * sa_store_dup_activity_commitments:
 * @self: a store
 * @activity_id: an activity's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the ids of the commitments the activity advances, in the
 *   commitments' order
 */
GStrv
sa_store_dup_activity_commitments (SaStore     *self,
                                   const char  *activity_id,
                                   GError     **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  return _sa_store_dup_linked_commitments (self, &activity_links, activity_id, error);
}

static gboolean
replace_links (SaStore            *self,
               const char         *activity_id,
               const char * const *wanted_ids,
               GError            **error)
{
  return _sa_store_replace_linked_commitments (self, &activity_links, activity_id, wanted_ids, error);
}

/**
 * sa_store_set_activity_commitments:
 * @self: a store
 * @activity_id: an activity's id
 * @commitment_ids: the commitments it advances, replacing those it had
 * @error: return location for an error
 *
 * Links removed are deleted (and so can come back), links added are created or
 * brought back. All or nothing.
 */
gboolean
sa_store_set_activity_commitments (SaStore            *self,
                                   const char         *activity_id,
                                   const char * const *commitment_ids,
                                   GError            **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (commitment_ids != NULL, FALSE);

  if (!sa_store_begin (self, error))
    return FALSE;
  if (!replace_links (self, activity_id, commitment_ids, error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  return sa_store_commit_or_rollback (self, error);
}

/**
 * sa_store_add_activity:
 * @self: a store
 * @activity: a new activity record
 * @commitment_ids: (nullable): the commitments it advances
 * @error: return location for what is wrong
 *
 * Adds the record and its links in one transaction.
 */
gboolean
sa_store_add_activity (SaStore            *self,
                       SaRecord           *activity,
                       const char * const *commitment_ids,
                       GError            **error)
{
  const char * const none[] = { NULL };

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (SA_IS_ACTIVITY (activity), FALSE);

  if (!sa_store_begin (self, error))
    return FALSE;
  if (!sa_store_insert (self, activity, error) ||
      !replace_links (self, sa_record_get_id (activity), commitment_ids ? commitment_ids : none, error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  return sa_store_commit_or_rollback (self, error);
}
