/* sa-store-links.c: the commitments an activity advances or a resource counts for
 *
 * activity_commitment and resource_commitment have the same shape: a row per owner
 * and commitment, its id made from both (so two offices linking the same pair write
 * the same row), deleted rather than removed (so a link can come back). One set of
 * functions reads and replaces either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-store-private.h"

/**
 * _sa_store_dup_linked_commitments:
 * @self: a store
 * @links: the link table
 * @owner_id: an activity's or resource's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the ids of the commitments linked, in the plan's order
 */
GStrv
_sa_store_dup_linked_commitments (SaStore               *self,
                                  const SaCommitmentLinks *links,
                                  const char            *owner_id,
                                  GError               **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  sqlite3_stmt *stmt = _sa_store_prepare (self, links->select_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
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
link_commitment (SaStore                 *self,
                 const SaCommitmentLinks *links,
                 const char              *owner_id,
                 const char              *commitment_id,
                 GError                 **error)
{
  g_autofree char *id = links->make_id (owner_id, commitment_id);
  g_autoptr(SaRecord) link = NULL;

  if (!sa_store_exists (self, &sa_commitment_table, commitment_id, FALSE))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                   _("There is no commitment with id “%s”"), commitment_id);
      return FALSE;
    }
  if (sa_store_exists (self, links->table, id, TRUE))
    return sa_store_set_deleted (self, links->table, id, FALSE, error);

  link = sa_record_new (links->table);
  sa_record_set_id (link, id);
  sa_record_set_text (link, 0, owner_id);
  sa_record_set_text (link, 1, commitment_id);
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

/**
 * _sa_store_replace_linked_commitments:
 * @self: a store, in a transaction
 * @links: the link table
 * @owner_id: an activity's or resource's id
 * @wanted: the commitments it is to be linked to, replacing those it had
 * @error: return location for an error
 *
 * Links removed are deleted (and so can come back), links added are created or
 * brought back.
 */
gboolean
_sa_store_replace_linked_commitments (SaStore                 *self,
                                      const SaCommitmentLinks *links,
                                      const char              *owner_id,
                                      const char * const      *wanted,
                                      GError                 **error)
{
  g_auto(GStrv) current = _sa_store_dup_linked_commitments (self, links, owner_id, error);
  g_auto(GStrv) lowered = lower_ids (wanted);

  if (current == NULL)
    return FALSE;
  for (guint i = 0; current[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) lowered, current[i]))
      {
        g_autofree char *id = links->make_id (owner_id, current[i]);

        if (!sa_store_set_deleted (self, links->table, id, TRUE, error))
          return FALSE;
      }
  for (guint i = 0; lowered[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) current, lowered[i]) &&
        !link_commitment (self, links, owner_id, lowered[i], error))
      return FALSE;
  return TRUE;
}
