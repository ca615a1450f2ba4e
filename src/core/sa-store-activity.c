/* sa-store-activity.c: activity records and their links to commitments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-activity-link.h"
#include "sa-activity.h"
#include "sa-commitment.h"
#include "sa-error.h"
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
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  stmt = _sa_store_prepare (self,
                            "SELECT l.commitment_id FROM activity_commitment l"
                            " JOIN commitment c ON c.id = l.commitment_id"
                            " JOIN goal g ON g.id = c.goal_id"
                            " WHERE l.activity_id = lower(?1) AND l.deleted = 0"
                            " ORDER BY g.number, c.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, activity_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (ids, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (self, error);
      return NULL;
    }
  return g_strv_builder_end (ids);
}

static gboolean
link_commitment (SaStore     *self,
                 const char  *activity_id,
                 const char  *commitment_id,
                 GError     **error)
{
  g_autofree char *id = sa_activity_link_make_id (activity_id, commitment_id);
  g_autoptr(SaRecord) link = NULL;

  if (!sa_store_exists (self, &sa_commitment_table, commitment_id, FALSE))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                   _("There is no commitment with id “%s”"), commitment_id);
      return FALSE;
    }
  if (sa_store_exists (self, &sa_activity_link_table, id, TRUE))
    return sa_store_set_deleted (self, &sa_activity_link_table, id, FALSE, error);

  link = SA_RECORD (sa_activity_link_new ());
  sa_record_set_id (link, id);
  sa_record_set_text (link, SA_ACTIVITY_LINK_ACTIVITY_ID, activity_id);
  sa_record_set_text (link, SA_ACTIVITY_LINK_COMMITMENT_ID, commitment_id);
  return sa_store_insert (self, link, error);
}

/* Ids as they are stored, in lower case, so that one typed in upper case is compared
 * with the links there are as the same commitment. */
static GStrv
lower_ids (const char * const *ids)
{
  g_autoptr(GStrvBuilder) lower = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *id = sa_id_normalize (ids[i]);

      g_strv_builder_add (lower, id);
    }
  return g_strv_builder_end (lower);
}

static gboolean
replace_links (SaStore            *self,
               const char         *activity_id,
               const char * const *wanted_ids,
               GError            **error)
{
  g_auto(GStrv) current = sa_store_dup_activity_commitments (self, activity_id, error);
  g_auto(GStrv) lowered = lower_ids (wanted_ids);
  const char * const *commitment_ids = (const char * const *) lowered;

  if (current == NULL)
    return FALSE;

  for (guint i = 0; current[i] != NULL; i++)
    if (!g_strv_contains (commitment_ids, current[i]))
      {
        g_autofree char *id = sa_activity_link_make_id (activity_id, current[i]);

        if (!sa_store_set_deleted (self, &sa_activity_link_table, id, TRUE, error))
          return FALSE;
      }

  for (guint i = 0; commitment_ids[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) current, commitment_ids[i]) &&
        !link_commitment (self, activity_id, commitment_ids[i], error))
      return FALSE;

  return TRUE;
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
