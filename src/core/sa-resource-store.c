/* sa-resource-store.c: the register of local resources and their links to commitments
 *
 * A resource and its links are written in one transaction. A link removed is deleted,
 * not dropped, so it can come back and two offices' edits merge like any other row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib.h>

#include "sa-resource-link.h"
#include "sa-resource-store.h"
#include "sa-store-private.h"

static const SaCommitmentLinks resource_links = {
  &sa_resource_link_table,
  "SELECT l.commitment_id FROM resource_commitment l"
  " JOIN commitment c ON c.id = l.commitment_id"
  " JOIN goal g ON g.id = c.goal_id"
  " WHERE l.resource_id = lower(?1) AND l.deleted = 0"
  " ORDER BY g.number, c.position, c.id",
  sa_resource_link_make_id,
};

/**
 * sa_store_dup_resource_commitments:
 * @self: a store
 * @resource_id: a resource's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the ids of the commitments the resource is linked to, in
 *   the plan's order
 */
GStrv
sa_store_dup_resource_commitments (SaStore     *self,
                                   const char  *resource_id,
                                   GError     **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  return _sa_store_dup_linked_commitments (self, &resource_links, resource_id, error);
}

static gboolean
replace_links (SaStore            *self,
               const char         *resource_id,
               const char * const *wanted,
               GError            **error)
{
  return _sa_store_replace_linked_commitments (self, &resource_links, resource_id, wanted, error);
}

/**
 * sa_store_set_resource_commitments:
 * @self: a store
 * @resource_id: a resource's id
 * @commitment_ids: the commitments it counts for, replacing those it had
 * @error: return location for an error
 *
 * All or nothing.
 */
gboolean
sa_store_set_resource_commitments (SaStore            *self,
                                   const char         *resource_id,
                                   const char * const *commitment_ids,
                                   GError            **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (commitment_ids != NULL, FALSE);

  if (!sa_store_begin (self, error))
    return FALSE;
  if (!replace_links (self, resource_id, commitment_ids, error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  return sa_store_commit_or_rollback (self, error);
}

/* Writes @resource (added or changed) and, when given, its links. */
static gboolean
write_resource (SaStore            *self,
                SaRecord           *resource,
                gboolean            is_new,
                const char * const *commitment_ids,
                GError            **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (SA_IS_RESOURCE (resource), FALSE);

  if (!sa_store_begin (self, error))
    return FALSE;
  if (!(is_new ? sa_store_insert (self, resource, error) : sa_store_update (self, resource, error)) ||
      (commitment_ids != NULL && !replace_links (self, sa_record_get_id (resource), commitment_ids, error)))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  return sa_store_commit_or_rollback (self, error);
}

/**
 * sa_store_add_resource:
 * @self: a store
 * @resource: a new resource
 * @commitment_ids: (nullable): the commitments it counts for
 * @error: return location for what is wrong
 *
 * Adds the resource and its links in one transaction.
 */
gboolean
sa_store_add_resource (SaStore            *self,
                       SaRecord           *resource,
                       const char * const *commitment_ids,
                       GError            **error)
{
  return write_resource (self, resource, TRUE, commitment_ids, error);
}

/**
 * sa_store_edit_resource:
 * @self: a store
 * @resource: a stored resource, changed
 * @commitment_ids: (nullable): the commitments it counts for, replacing those it
 *   had; %NULL keeps them
 * @error: return location for what is wrong
 *
 * Writes the fields that changed and the links in one transaction.
 */
gboolean
sa_store_edit_resource (SaStore            *self,
                        SaRecord           *resource,
                        const char * const *commitment_ids,
                        GError            **error)
{
  return write_resource (self, resource, FALSE, commitment_ids, error);
}
