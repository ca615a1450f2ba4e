/* sa-store-transaction.c: the store's clock, its nested transactions and the signal after a commit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sa-hlc.h"
#include "sa-store-object-private.h"

/* ---- Clocks and transactions ---------------------------------------------------- */

/* Another connection to the same file (sasaeai-cli beside the window) may have
 * issued later clocks, or made the database a new site: this one takes them on, so
 * it never issues a clock twice nor writes under an id the database left. */
static void
follow_other_connections (SaStore *self)
{
  g_autofree char *id = _sa_store_query_text (self, "SELECT id FROM site WHERE is_self = 1", NULL);
  g_autofree char *saved = _sa_store_query_text (self, "SELECT value FROM meta WHERE key = 'hlc'", NULL);

  if (id != NULL && g_strcmp0 (id, self->site_id) != 0)
    _sa_store_set_identity (self, id, saved);
  else if (saved != NULL && g_strcmp0 (saved, sa_hlc_get_last (self->hlc)) > 0)
    sa_hlc_observe (self->hlc, saved, G_MAXINT64 / 2, NULL);
}

/**
 * sa_store_next_clock:
 * @self: a store
 *
 * Returns: (transfer full): a clock later than any this site has issued or seen
 */
char *
sa_store_next_clock (SaStore *self)
{
  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  if (self->depth == 0)
    follow_other_connections (self);
  self->clock_moved = TRUE;
  return sa_hlc_tick (self->hlc, sa_hlc_now_ms ());
}

/**
 * sa_store_dup_clock:
 * @self: a store
 *
 * Returns: (transfer full): the latest clock this site has issued or seen; every
 *   later local write has a greater one
 */
char *
sa_store_dup_clock (SaStore *self)
{
  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  return g_strdup (sa_hlc_get_last (self->hlc));
}

/**
 * sa_store_observe_clock:
 * @self: a store
 * @clock: a clock read from another site
 * @error: set when @clock is malformed or far in the future
 *
 * Moves this site's clock past @clock, so later local edits order after it.
 */
gboolean
sa_store_observe_clock (SaStore     *self,
                        const char  *clock,
                        GError     **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), FALSE);

  return _sa_store_observe_clock (self, clock, FALSE, error);
}

/* @any_date: take @clock whatever the wall clock says; only for the bundled sample
 * plan, whose fixed clocks from 2010 are ahead of a computer whose clock is behind. */
gboolean
_sa_store_observe_clock (SaStore     *self,
                         const char  *clock,
                         gboolean     any_date,
                         GError     **error)
{
  if (g_strcmp0 (clock, sa_hlc_get_last (self->hlc)) > 0)
    self->clock_moved = TRUE;
  return sa_hlc_observe (self->hlc, clock, any_date ? G_MAXINT64 / 2 : sa_hlc_now_ms (), error);
}

/* Makes this connection write as @site_id, its clock going on from @last. */
void
_sa_store_set_identity (SaStore    *self,
                        const char *site_id,
                        const char *last)
{
  g_autofree char *saved_last = g_strdup (last);

  g_free (self->site_id);
  self->site_id = g_strdup (site_id);
  g_clear_pointer (&self->hlc, sa_hlc_free);
  self->hlc = sa_hlc_new (self->site_id, saved_last);
  self->clock_moved = TRUE;
}

void
_sa_store_add_notice (SaStore *self,
                      char    *message)
{
  g_ptr_array_add (self->notices, message);
}

/**
 * sa_store_take_notices:
 * @self: a store
 *
 * What the person should be told about this database since the last call: that it
 * was found to be a copy and now writes as a new site, or that this computer's clock
 * had been ahead. The window shows them in a banner, the CLI on stderr.
 *
 * Returns: (transfer full) (nullable): the messages, or %NULL when there are none
 */
GStrv
sa_store_take_notices (SaStore *self)
{
  GStrv notices;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  if (self->notices->len == 0)
    return NULL;
  g_ptr_array_add (self->notices, NULL);
  notices = (GStrv) g_ptr_array_steal (self->notices, NULL);
  return notices;
}

/**
 * sa_store_begin:
 * @self: a store
 * @error: return location for an error
 *
 * Starts a transaction, or a savepoint inside one. Every sa_store_begin() is paired
 * with sa_store_commit() or sa_store_rollback().
 */
gboolean
sa_store_begin (SaStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;
  Begun *begun;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock now, so a busy database waits here, within the
   * busy timeout, instead of failing halfway through. */
  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT sa_%u", self->depth);
  if (!_sa_store_exec_sql (self, sql, error))
    return FALSE;
  if (self->depth == 0)
    follow_other_connections (self);
  begun = g_new0 (Begun, 1);
  *begun = (Begun) { g_strdup (self->site_id), g_strdup (sa_hlc_get_last (self->hlc)), self->clock_moved };
  g_ptr_array_add (self->begun, begun);
  self->depth++;
  return TRUE;
}

static gboolean
save_clock (SaStore  *self,
            GError  **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES ('hlc', ?1)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sa_hlc_get_last (self->hlc), -1, SQLITE_TRANSIENT);
  return _sa_store_step_done (self, stmt, error);
}

static int
compare_ids (const void *a,
             const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The ids of a set of rows, sorted, so that what handlers are told does not depend
 * on hashing. */
static const char **
sorted_ids (GHashTable *rows)
{
  guint n;
  const char **ids = (const char **) g_hash_table_get_keys_as_array (rows, &n);

  qsort (ids, n, sizeof (char *), compare_ids);
  return ids;
}

/* The tables and ids are taken from the store before the first handler runs: every
 * handler sees them all, and a handler's own transaction gathers its own. */
static void
emit_changed (SaStore *self)
{
  g_autoptr(GHashTable) dirty = g_steal_pointer (&self->dirty);
  GHashTableIter iter;
  gpointer name, rows;

  self->dirty = _sa_store_dirty_new ();
  g_hash_table_iter_init (&iter, dirty);
  while (g_hash_table_iter_next (&iter, &name, &rows))
    {
      g_autofree const char **ids = rows != NULL ? sorted_ids (rows) : NULL;

      g_signal_emit (self, _sa_store_signals[CHANGED], 0, name, ids);
    }
}

/* Rules across rows that a group of writes may break for a moment, such as two goals
 * swapping numbers, hold again when the group ends; in id order, so the same rows
 * always give the same message. */
static gboolean
run_deferred_checks (SaStore  *self,
                     GError  **error)
{
  g_autoptr(GList) ids = g_list_sort (g_hash_table_get_keys (self->deferred), (GCompareFunc) strcmp);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      SaDeferredCheck check = g_hash_table_lookup (self->deferred, l->data);

      if (!check (self, l->data, error))
        return FALSE;
    }
  g_hash_table_remove_all (self->deferred);
  return TRUE;
}

/**
 * sa_store_commit:
 * @self: a store
 * @error: return location for an error
 *
 * Ends a savepoint, or commits the transaction. When the outermost commit fails, as
 * when a deferred rule is broken, the transaction is still open: the caller rolls back.
 */
gboolean
sa_store_commit (SaStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!run_deferred_checks (self, error))
        return FALSE;
      /* A clock seen in an import that changed no row is kept too, so later local
       * writes still order after it when the program runs again. */
      if ((g_hash_table_size (self->dirty) > 0 || self->clock_moved) && !save_clock (self, error))
        return FALSE;
      if (!_sa_store_exec_sql (self, "COMMIT", error))
        return FALSE;
      self->depth = 0;
      g_ptr_array_set_size (self->begun, 0);
      self->clock_moved = FALSE;
      g_hash_table_remove_all (self->present);
      emit_changed (self);
      return TRUE;
    }

  sql = g_strdup_printf ("RELEASE sa_%u", self->depth - 1);
  if (!_sa_store_exec_sql (self, sql, error))
    return FALSE;
  self->depth--;
  g_ptr_array_set_size (self->begun, self->depth);
  return TRUE;
}

/**
 * sa_store_commit_or_rollback:
 * @self: a store
 * @error: return location for an error
 *
 * Commits, and where that fails (a check deferred to the commit refuses, the disk
 * is full) rolls back, so the caller is left with nothing open.
 *
 * Returns: whether the changes were committed
 */
gboolean
sa_store_commit_or_rollback (SaStore  *self,
                             GError  **error)
{
  if (sa_store_commit (self, error))
    return TRUE;
  sa_store_rollback (self);
  return FALSE;
}

/* The clocks an import observed, or the new site id it took, go with its rows: a
 * preview, or a refused file, leaves later local writes dated as they would have
 * been without it. */
static void
restore_begun (SaStore *self)
{
  Begun *begun = g_ptr_array_index (self->begun, self->depth);

  if (g_strcmp0 (begun->site_id, self->site_id) != 0 ||
      g_strcmp0 (begun->clock, sa_hlc_get_last (self->hlc)) != 0)
    _sa_store_set_identity (self, begun->site_id, begun->clock);
  self->clock_moved = begun->clock_moved;
  g_ptr_array_set_size (self->begun, self->depth);
}

void
sa_store_rollback (SaStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SA_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  restore_begun (self);
  /* Rows written since the savepoint are gone again. */
  g_hash_table_remove_all (self->present);
  if (self->depth == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->dirty);
      g_hash_table_remove_all (self->deferred);
      return;
    }

  sql = g_strdup_printf ("ROLLBACK TO sa_%u; RELEASE sa_%u", self->depth, self->depth);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

static void
rows_free (gpointer rows)
{
  if (rows != NULL)
    g_hash_table_unref (rows);
}

GHashTable *
_sa_store_dirty_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, rows_free);
}

/* The open transaction changed @table in a way not told row by row. */
void
_sa_store_mark_changed (SaStore       *self,
                        const SaTable *table)
{
  g_hash_table_insert (self->dirty, (gpointer) table->name, NULL);
}

/* The open transaction wrote the row @id of @table. Past SA_STORE_MAX_CHANGED_IDS
 * rows only the table is kept: an import of 100,000 rows costs no more memory than
 * one of a thousand. */
void
_sa_store_mark_row_changed (SaStore       *self,
                            const SaTable *table,
                            const char    *id)
{
  GHashTable *rows;

  if (!g_hash_table_lookup_extended (self->dirty, table->name, NULL, (gpointer *) &rows))
    {
      rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->dirty, (gpointer) table->name, rows);
    }
  if (rows == NULL || g_hash_table_contains (rows, id))
    return;
  if (g_hash_table_size (rows) >= SA_STORE_MAX_CHANGED_IDS)
    _sa_store_mark_changed (self, table);
  else
    g_hash_table_add (rows, g_strdup (id));
}

/**
 * _sa_store_defer_check:
 * @self: a store
 * @check: a rule about the row @id and others
 * @id: the row
 *
 * Checks @check just before the outermost commit instead of now.
 *
 * Returns: %FALSE when no transaction is open, and the caller must check now
 */
gboolean
_sa_store_defer_check (SaStore         *self,
                       SaDeferredCheck  check,
                       const char      *id)
{
  if (self->depth == 0)
    return FALSE;
  g_hash_table_insert (self->deferred, g_strdup (id), check);
  return TRUE;
}

/* A row, deleted or not, stays until the transaction ends: only a rollback takes it
 * away. An import of 100,000 activities names the same few organizations and its
 * own new activities again and again; each is looked up once. */
void
_sa_store_note_present (SaStore       *self,
                        const SaTable *table,
                        const char    *id)
{
  GHashTable *ids;

  if (self->depth == 0)
    return;
  /* Per table, so a row costs one copy of its id and no string built to look it up. */
  if (!(ids = g_hash_table_lookup (self->present, table->name)))
    g_hash_table_insert (self->present, (gpointer) table->name,
                         ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
  g_hash_table_add (ids, g_strdup (id));
}

gboolean
_sa_store_known_present (SaStore       *self,
                         const SaTable *table,
                         const char    *id)
{
  GHashTable *ids = g_hash_table_lookup (self->present, table->name);

  return ids != NULL && g_hash_table_contains (ids, id);
}

