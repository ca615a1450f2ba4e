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

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "sa-hlc.h"
#include "sa-row.h"
#include "sa-schema.h"
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

/* ---- Which database this is ----------------------------------------------------------
 *
 * Two databases that write under one site id break everything above: each takes the
 * other's writes for its own, and in a shared folder they overwrite one file. A file
 * copied to set up another PC, or restored from a backup, is such a second database.
 * So the site's own row keeps the identity of the file it was last opened from: the
 * inode number, which stays through a rename or a move within a file system and
 * changes when the file is copied or restored. (Not the device number: a network
 * share mounted again gets another one.) A database opened from another file first
 * becomes a new site, before it writes anything. */

static char *
query_self (SaStore    *self,
            const char *sql)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static char *
file_identity (SaStore *self)
{
  GStatBuf st;

  if (g_stat (sa_store_get_path (self), &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) st.st_ino);
}

/**
 * _sa_store_become_new_site:
 * @self: a store, inside a transaction
 * @error: return location for an error
 *
 * Takes a new site id and keeps the name. The old id becomes an ordinary other site:
 * its rows stay as they are, since they are its writes, and it is known up to this
 * database's clock, past all the old id's writes held here. So the other database
 * that goes on with the old id is heard from like any other site, and a field both
 * change is a conflict. The new id's clock goes on from the old one's, so it orders
 * after everything held here.
 */
gboolean
_sa_store_become_new_site (SaStore  *self,
                           GError  **error)
{
  g_autofree char *old_id = g_strdup (sa_store_get_site_id (self));
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *last = sa_store_dup_clock (self);
  sqlite3_stmt *stmt;

  stmt = _sa_store_prepare (self,
                            "INSERT INTO site (id, name, is_self, file_id)"
                            " SELECT ?2, name, 1, file_id FROM site WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, old_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, new_id, -1, SQLITE_STATIC);
  if (!_sa_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _sa_store_prepare (self,
                            "UPDATE site SET is_self = 0, file_id = NULL, last_hlc = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, old_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  if (!_sa_store_step_done (self, stmt, error))
    return FALSE;

  _sa_store_set_identity (self, new_id, last);
  return TRUE;
}

static gboolean
record_file (SaStore     *self,
             const char  *identity,
             GError     **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, "UPDATE site SET file_id = ?1 WHERE is_self = 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, identity, -1, SQLITE_STATIC);
  return _sa_store_step_done (self, stmt, error);
}

/**
 * _sa_store_check_file:
 * @self: a store, just opened
 * @error: return location for an error
 *
 * Makes a database opened from a copied or restored file a new site, and tells so.
 * A database that has not recorded its file yet (one made by an older version)
 * records it.
 */
gboolean
_sa_store_check_file (SaStore  *self,
                      GError  **error)
{
  g_autofree char *identity = file_identity (self);
  g_autofree char *recorded = query_self (self, "SELECT file_id FROM site WHERE is_self = 1");
  gboolean copied = recorded != NULL;

  if (identity == NULL || g_strcmp0 (identity, recorded) == 0)
    return TRUE;

  if (!sa_store_begin (self, error))
    return FALSE;
  if ((copied && !_sa_store_become_new_site (self, error)) || !record_file (self, identity, error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  if (!sa_store_commit_or_rollback (self, error))
    return FALSE;
  if (copied)
    _sa_store_add_notice (self, g_strdup (_("This database was copied from another office’s (or restored from "
                                            "a backup); it now writes as a new office, so that neither loses "
                                            "what the other writes. Give it its own name in Preferences "
                                            "or with “sasaeai-cli site --name”.")));
  return TRUE;
}

/* ---- A clock that ran ahead -----------------------------------------------------------
 *
 * A PC whose clock ran ahead writes clocks from the future, and its hybrid clock goes
 * on from them after the wall clock is corrected: the other sites refuse its files
 * while those clocks are more than a day ahead of theirs, and its old edits beat
 * later ones. So when the clock this site last issued is more than a day ahead of
 * both the wall clock and everything heard from other sites, this site's writes
 * beyond those are given new clocks, in the same order, in one transaction:
 *
 * - each new clock is the old one moved back by how far the last clock is ahead of
 *   the wall clock now, so writes keep their spacing and the last comes out at
 *   about now; and it is greater than the one before, so the order stays and no two
 *   writes share a clock;
 * - they all start past the greatest clock held here that is not renewed (other
 *   sites' writes and this site's earlier ones), so an edit still orders after every
 *   write it was made on top of.
 *
 * The site keeps its id: its file in a sync folder is simply replaced, and the old
 * clocks, refused everywhere, were never taken in by a site with a right clock. */

typedef struct
{
  const SaTable *table;
  char          *id;
  char          *hlc;
  GHashTable    *clocks;
} AheadRow;

static void
ahead_row_free (AheadRow *row)
{
  g_free (row->id);
  g_free (row->hlc);
  g_clear_pointer (&row->clocks, g_hash_table_unref);
  g_free (row);
}

typedef struct
{
  SaStore    *store;
  const char *site;
  gint64      reach;    /* the wall clock, or the latest other site's clock if later */
  char       *floor;    /* the greatest clock held here that stays */
  GPtrArray  *rows;     /* AheadRow: rows with a clock of this site past reach */
  GHashTable *renewed;  /* old clock → new clock */
} Ahead;

static void
raise_floor (Ahead      *ahead,
             const char *clock)
{
  if (g_strcmp0 (clock, ahead->floor) > 0)
    {
      g_free (ahead->floor);
      ahead->floor = g_strdup (clock);
    }
}

/* Whether @clock is this site's and ahead; notes the others as the floor. */
static gboolean
is_ahead (Ahead      *ahead,
          const char *clock)
{
  const char *site;
  gint64 wall;

  if (!sa_hlc_parse (clock, &wall, NULL, &site) || g_strcmp0 (site, ahead->site) != 0)
    {
      raise_floor (ahead, clock);
      return FALSE;
    }
  if (wall > ahead->reach)
    {
      g_hash_table_insert (ahead->renewed, g_strdup (clock), NULL);
      return TRUE;
    }
  raise_floor (ahead, clock);
  return FALSE;
}

/* Gathers the rows of @table that hold a clock of this site. */
static gboolean
gather_ahead (Ahead          *ahead,
              const SaTable  *table,
              GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, hlc, clocks FROM %s"
                                          " WHERE substr(hlc, 20) = ?1 OR instr(clocks, ?1) > 0",
                                          table->name);
  sqlite3_stmt *stmt = _sa_store_prepare (ahead->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ahead->site, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GHashTable) clocks = sa_clocks_from_json ((const char *) sqlite3_column_text (stmt, 2), NULL);
      const char *hlc = (const char *) sqlite3_column_text (stmt, 1);
      gboolean found = is_ahead (ahead, hlc);
      GHashTableIter iter;
      gpointer clock;

      if (clocks != NULL)
        {
          g_hash_table_iter_init (&iter, clocks);
          while (g_hash_table_iter_next (&iter, NULL, &clock))
            found |= is_ahead (ahead, clock);
        }
      if (found)
        {
          AheadRow *row = g_new0 (AheadRow, 1);

          *row = (AheadRow) { table, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                              g_strdup (hlc), g_steal_pointer (&clocks) };
          g_ptr_array_add (ahead->rows, row);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sa_store_set_error (ahead->store, error);
  return TRUE;
}

static int
compare_clocks (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Gives every clock ahead its new one; returns this site's clock after them. */
static char *
renew_clocks (Ahead  *ahead,
              gint64  now_ms,
              gint64  last_wall)
{
  g_autofree gpointer *old = NULL;
  g_autoptr(SaHlc) hlc = sa_hlc_new (ahead->site, ahead->floor);
  guint n_old;

  old = g_hash_table_get_keys_as_array (ahead->renewed, &n_old);
  qsort (old, n_old, sizeof (gpointer), compare_clocks);
  for (guint i = 0; i < n_old; i++)
    {
      gint64 wall = 0;

      sa_hlc_parse (old[i], &wall, NULL, NULL);
      g_hash_table_insert (ahead->renewed, g_strdup (old[i]),
                           sa_hlc_tick (hlc, wall - (last_wall - now_ms)));
    }
  return g_strdup (sa_hlc_get_last (hlc));
}

static const char *
renewed (Ahead      *ahead,
         const char *clock)
{
  const char *now = g_hash_table_lookup (ahead->renewed, clock);

  return now ? now : clock;
}

/* Writes a row's new clocks; its last writer is the site of its latest clock. */
static gboolean
write_ahead_row (Ahead     *ahead,
                 AheadRow  *row,
                 GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET hlc = ?2, clocks = ?3, site = ?4 WHERE id = ?1",
                                          row->table->name);
  g_autofree char *clocks_json = NULL;
  const char *hlc = renewed (ahead, row->hlc);
  const char *latest = hlc;
  const char *site = NULL;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer clock;

  if (row->clocks != NULL)
    {
      g_hash_table_iter_init (&iter, row->clocks);
      while (g_hash_table_iter_next (&iter, NULL, &clock))
        {
          const char *now = renewed (ahead, clock);

          /* Replacing frees the old clock, which @now is when it was not renewed. */
          if (now != clock)
            g_hash_table_iter_replace (&iter, g_strdup (now));
          if (g_strcmp0 (now, latest) > 0)
            latest = now;
        }
      clocks_json = sa_clocks_to_json (row->clocks);
    }
  sa_hlc_parse (latest, NULL, NULL, &site);

  if (!(stmt = _sa_store_prepare (ahead->store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hlc, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clocks_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, site, -1, SQLITE_STATIC);
  if (!_sa_store_step_done (ahead->store, stmt, error) ||
      !_sa_store_note_own_write (ahead->store, row->table, row->id, site, latest, error))
    return FALSE;
  _sa_store_mark_row_changed (ahead->store, row->table, row->id);
  return TRUE;
}

static gboolean
renew_ahead (Ahead    *ahead,
             gint64    now_ms,
             gint64    last_wall,
             GError  **error)
{
  g_autofree char *last = NULL;

  for (guint i = 0; i < sa_schema_n_tables; i++)
    if (!gather_ahead (ahead, sa_schema_tables[i], error))
      return FALSE;
  last = renew_clocks (ahead, now_ms, last_wall);
  for (guint i = 0; i < ahead->rows->len; i++)
    if (!write_ahead_row (ahead, g_ptr_array_index (ahead->rows, i), error))
      return FALSE;
  _sa_store_set_identity (ahead->store, ahead->site, last);
  return TRUE;
}

static void
tell_clock_was_ahead (SaStore *self,
                      guint    n_rows)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");

  _sa_store_add_notice (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "This computer’s clock was ahead until %s; "
                                                            "%u record written then now carries the corrected time.",
                                                            "This computer’s clock was ahead until %s; "
                                                            "%u records written then now carry the corrected time.",
                                                            n_rows),
                                               date, n_rows));
}

/**
 * _sa_store_check_clock_ahead:
 * @self: a store, just opened
 * @error: return location for an error
 *
 * Gives this site's writes from a clock that ran ahead the corrected time, and tells
 * so; see above.
 */
gboolean
_sa_store_check_clock_ahead (SaStore  *self,
                             GError  **error)
{
  g_autofree char *last = sa_store_dup_clock (self);
  g_autofree char *site = g_strdup (sa_store_get_site_id (self));
  g_autofree char *others = query_self (self, "SELECT max(last_hlc) FROM site WHERE is_self = 0");
  gint64 now_ms = sa_hlc_now_ms ();
  gint64 last_wall = 0, others_wall = 0;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ahead_row_free);
  g_autoptr(GHashTable) renewed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Ahead ahead;
  gboolean ok;

  sa_hlc_parse (last, &last_wall, NULL, NULL);
  sa_hlc_parse (others, &others_wall, NULL, NULL);
  if (last_wall <= MAX (now_ms, others_wall) + SA_HLC_MAX_SKEW_MS)
    return TRUE;

  ahead = (Ahead) { self, site, MAX (now_ms, others_wall), g_strdup (others),
                    rows, renewed };
  if (!sa_store_begin (self, error))
    return FALSE;
  ok = renew_ahead (&ahead, now_ms, last_wall, error);
  g_free (ahead.floor);
  if (!ok)
    {
      sa_store_rollback (self);
      return FALSE;
    }
  if (!sa_store_commit_or_rollback (self, error))
    return FALSE;
  tell_clock_was_ahead (self, rows->len);
  return TRUE;
}
