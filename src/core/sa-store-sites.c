/* sa-store-sites.c: the other sites, and how far this one has heard from each
 *
 * Every clock names the site that wrote it, and a site's clocks only grow. A sync
 * file holds the whole state of the site that wrote it, so holding a write of site X
 * with clock c means holding every write X made up to c. The highest such clock per
 * site, kept in site.last_hlc, is a version vector: an import compares it with the
 * file's own to tell edits made in ignorance of each other (conflicts) from edits
 * made on top of one another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-store-private.h"

void
sa_site_clock_free (SaSiteClock *site)
{
  if (site == NULL)
    return;
  g_free (site->id);
  g_free (site->name);
  g_free (site->clock);
  g_free (site);
}

/**
 * sa_store_list_sites:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type SaSiteClock): the other sites this one has
 *   heard of, by id, each with the highest clock of its writes held here
 */
GPtrArray *
sa_store_list_sites (SaStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) sa_site_clock_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  stmt = _sa_store_prepare (self,
                            "SELECT id, name, last_hlc FROM site"
                            " WHERE is_self = 0 AND last_hlc IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SaSiteClock *site = g_new0 (SaSiteClock, 1);

      site->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      site->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      site->clock = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (sites, site);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&sites);
}

/**
 * sa_store_note_site:
 * @self: a store
 * @id: another site's id
 * @name: (nullable): its name; %NULL or "" keeps the name known
 * @clock: (nullable): a clock of one of its writes now held here
 * @error: return location for an error
 *
 * Records that this site holds @id's writes up to @clock. The clock kept only grows;
 * this site's own row is left alone.
 */
gboolean
sa_store_note_site (SaStore     *self,
                    const char  *id,
                    const char  *name,
                    const char  *clock,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = _sa_store_prepare (self,
                            "INSERT INTO site (id, name, is_self, last_hlc)"
                            " VALUES (?1, coalesce(?2, ''), 0, ?3)"
                            " ON CONFLICT (id) DO UPDATE SET"
                            "  name = CASE WHEN coalesce(?2, '') = '' THEN name ELSE ?2 END,"
                            "  last_hlc = CASE WHEN last_hlc IS NULL OR ?3 > last_hlc"
                            "                  THEN coalesce(?3, last_hlc) ELSE last_hlc END"
                            " WHERE is_self = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (name != NULL)
    sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (clock != NULL)
    sqlite3_bind_text (stmt, 3, clock, -1, SQLITE_TRANSIENT);
  return _sa_store_step_done (self, stmt, error);
}
