/* sa-store.c: the plan database
 *
 * One SaStore owns one SQLite connection. Every write goes through a transaction and
 * prepared statements; the generic reading and writing of rows is driven by the tables'
 * descriptions, so all entities share one path for history, tombstones and merging.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sa-error.h"
#include "sa-hlc.h"
#include "sa-schema.h"
#include "sa-sqlite-locks.h"
#include "sa-store-object-private.h"

#define BUSY_TIMEOUT_MS 10000

static void
begun_free (Begun *begun)
{
  g_free (begun->site_id);
  g_free (begun->clock);
  g_free (begun);
}


G_DEFINE_FINAL_TYPE (SaStore, sa_store, G_TYPE_OBJECT)


guint _sa_store_signals[N_SIGNALS];

static void
sa_store_finalize (GObject *object)
{
  SaStore *self = SA_STORE (object);

  if (self->depth > 0)
    {
      g_warning ("Store closed inside a transaction; rolling back");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->present, g_hash_table_unref);
  g_clear_pointer (&self->deferred, g_hash_table_unref);
  g_clear_pointer (&self->hlc, sa_hlc_free);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->begun, g_ptr_array_unref);
  g_free (self->site_id);
  g_free (self->path);

  G_OBJECT_CLASS (sa_store_parent_class)->finalize (object);
}

static void
sa_store_class_init (SaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sa_store_finalize;

  /**
   * SaStore::changed:
   * @self: the store
   * @table: the name of a table that was written
   * @ids: (nullable) (array zero-terminated=1): the ids of the rows of @table that
   *   were written, each once, sorted; or %NULL when they are not known row by row
   *
   * Emitted once per written table after a transaction commits, and for every
   * table when sa_store_refresh() finds that another connection wrote.
   *
   * @ids names every row of @table the transaction inserted, edited, deleted or
   * merged: for a link table such as activity_commitment, the links' own ids. A
   * row written in a savepoint that was rolled back may be named too, though it
   * is as it was. @ids is %NULL, and a handler reads @table again as a whole, when
   * the transaction wrote more than %SA_STORE_MAX_CHANGED_IDS rows of @table (an
   * import: reading everything again is faster then, and the store keeps no list
   * that grows with the import), when another connection wrote, and when what
   * changed is not rows (the chosen plan).
   *
   * Every handler is given the same @table and @ids, whenever it was connected and
   * whatever the handlers before it did, even writing to the store; they are valid
   * during the emission only.
   */
  _sa_store_signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRV | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sa_store_init (SaStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->dirty = _sa_store_dirty_new ();
  self->present = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  self->notices = g_ptr_array_new_with_free_func (g_free);
  self->deferred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->begun = g_ptr_array_new_with_free_func ((GDestroyNotify) begun_free);
}

/* ---- SQLite plumbing ------------------------------------------------------------ */

gboolean
_sa_store_set_error (SaStore  *self,
                     GError  **error)
{
  int code = sqlite3_extended_errcode (self->db);

  if ((code & 0xff) == SQLITE_NOTADB)
    g_set_error (error, SA_ERROR, SA_ERROR_DATABASE,
                 _("“%s” is not a Sasaeai database"), self->path);
  else if ((code & 0xff) == SQLITE_BUSY)
    g_set_error (error, SA_ERROR, SA_ERROR_DATABASE,
                 _("The database is busy in another program; try again in a moment"));
  else
    g_set_error (error, SA_ERROR, SA_ERROR_DATABASE,
                 _("Database error: %s"), sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
_sa_store_exec_sql (SaStore     *self,
                    const char  *sql,
                    GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _sa_store_set_error (self, error);
  return TRUE;
}

/* Returns a prepared statement, reset and with its bindings cleared; the store owns it. */
sqlite3_stmt *
_sa_store_prepare (SaStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          _sa_store_set_error (self, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

/* Steps a statement that returns no rows, and resets it. */
gboolean
_sa_store_step_done (SaStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sa_store_set_error (self, error);
  return TRUE;
}

char *
_sa_store_query_text (SaStore    *self,
                      const char *sql,
                      const char *arg)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static gboolean
query_int (SaStore     *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _sa_store_prepare (self, sql, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _sa_store_set_error (self, error);
  return TRUE;
}

/* ---- Opening and migrating ------------------------------------------------------ */

/**
 * sa_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/sasaeai/sasaeai.db`
 */
char *
sa_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sasaeai", "sasaeai.db", NULL);
}

static gboolean
configure_connection (SaStore  *self,
                      GError  **error)
{
  /* WAL lets the window read while the CLI writes; FULL sync makes each commit
   * durable across a power cut; triggers and views in the file are not trusted.
   * Statement journals in memory: an import of 100,000 rows otherwise writes some
   * ten of them to a temporary file per row. */
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  return _sa_store_exec_sql (self,
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = FULL;"
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA trusted_schema = OFF;"
                   "PRAGMA temp_store = MEMORY;",
                   error);
}

/* A copy taken through SQLite's backup API includes what is still in the WAL. */
static gboolean
backup_before_migration (SaStore  *self,
                         gint64    version,
                         GError  **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", self->path, version);
  sqlite3 *backup_db = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open (backup_path, &backup_db);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (backup_db, "main", self->db, "main")))
    {
      sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
      rc = sqlite3_errcode (backup_db);
    }
  sqlite3_close (backup_db);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_DATABASE,
                   _("Could not keep a copy of the database in “%s” before upgrading it"),
                   backup_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_foreign_file (SaStore  *self,
                    GError  **error)
{
  gint64 n_tables;

  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;
  if (n_tables > 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_DATABASE,
                   _("“%s” is not a Sasaeai database"), self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_migrations (SaStore  *self,
                gint64    from,
                guint     to,
                GError  **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", to);

  if (!_sa_store_exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint v = (guint) from + 1; v <= to; v++)
    if (!_sa_store_exec_sql (self, sa_schema_migration (v), error))
      {
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        g_prefix_error (error, _("Could not upgrade the database to version %u: "), v);
        return FALSE;
      }

  if (!_sa_store_exec_sql (self, set_version, error) || !_sa_store_exec_sql (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (SaStore  *self,
         guint     target,
         GError  **error)
{
  gint64 version;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version > SA_SCHEMA_VERSION)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_VERSION,
                   _("“%s” was written by a newer version of Sasaeai (database version %lld); "
                     "this version reads up to %d"),
                   self->path, (long long) version, SA_SCHEMA_VERSION);
      return FALSE;
    }
  if (version >= target)
    return TRUE;

  if (version == 0 ? !check_foreign_file (self, error)
                   : !backup_before_migration (self, version, error))
    return FALSE;
  self->created = (version == 0);

  return run_migrations (self, version, target, error);
}

static gboolean
ensure_site (SaStore  *self,
             GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *id = NULL;

  self->site_id = _sa_store_query_text (self, "SELECT id FROM site WHERE is_self = 1", NULL);
  if (self->site_id == NULL)
    {
      id = g_uuid_string_random ();
      if (!(stmt = _sa_store_prepare (self, "INSERT INTO site (id, name, is_self) VALUES (?1, ?2, 1)", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_get_host_name (), -1, SQLITE_TRANSIENT);
      if (!_sa_store_step_done (self, stmt, error))
        return FALSE;
      self->site_id = g_steal_pointer (&id);
    }

  g_autofree char *last = _sa_store_query_text (self, "SELECT value FROM meta WHERE key = 'hlc'", NULL);
  self->hlc = sa_hlc_new (self->site_id, last);
  return TRUE;
}

/* Whether @path holds something: a file SQLite made is never empty (the switch to WAL
 * writes its first page), so an empty one, as `touch` leaves, is no database either. */
static gboolean
check_exists (const char  *path,
              GError     **error)
{
  GStatBuf buf;

  if (g_stat (path, &buf) == 0 && (!S_ISREG (buf.st_mode) || buf.st_size > 0))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No database at “%s”"), path);
  return FALSE;
}

static gboolean
open_connection (SaStore   *self,
                 gboolean   create,
                 GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

  if (!create && !check_exists (self->path, error))
    return FALSE;
  if (create && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Before the first connection: no dialog may drop its locks. */
  sa_sqlite_locks_install ();
  if (sqlite3_open_v2 (self->path, &self->db, flags | (create ? SQLITE_OPEN_CREATE : 0),
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_DATABASE, _("Could not open “%s”: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }
  return TRUE;
}

static SaStore *
open_store (const char  *path,
            guint        version,
            gboolean     create,
            GError     **error)
{
  g_autoptr(SaStore) self = NULL;

  self = g_object_new (SA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  self->own_write = version >= 10;  /* the table came with version 10 */
  if (!open_connection (self, create, error) ||
      !configure_connection (self, error) ||
      !migrate (self, version, error) ||
      !ensure_site (self, error) ||
      (version >= 4 && !_sa_store_check_file (self, error)) ||
      !_sa_store_check_clock_ahead (self, error) ||
      !query_int (self, "PRAGMA data_version", &self->data_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sa_store_open_at_version:
 * @path: the database file; created when missing
 * @version: the schema version to bring it to; %SA_SCHEMA_VERSION but in tests
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the store
 */
SaStore *
sa_store_open_at_version (const char  *path,
                          guint        version,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= SA_SCHEMA_VERSION, NULL);

  return open_store (path, version, TRUE, error);
}

/**
 * sa_store_open:
 * @path: an existing database file
 * @error: return location for an error; %G_IO_ERROR_NOT_FOUND when there is no
 *   database at @path
 *
 * Opens the database, upgrading its schema as needed. Before an upgrade, a copy of
 * the file is kept beside it as `PATH.vN.bak`. A missing file is an error, and
 * nothing is created: a mistyped path or a share that is not mounted must not
 * become a new, empty database with a new site id.
 *
 * Returns: (transfer full) (nullable): the store
 */
SaStore *
sa_store_open (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, SA_SCHEMA_VERSION, FALSE, error);
}

/**
 * sa_store_create:
 * @path: the database file
 * @error: return location for an error
 *
 * As sa_store_open(), but creates the file and its folders when missing;
 * sa_store_get_created() then returns %TRUE. Only `sasaeai-cli init` and the
 * window's first start at its default path create databases.
 *
 * Returns: (transfer full) (nullable): the store
 */
SaStore *
sa_store_create (const char  *path,
                 GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, SA_SCHEMA_VERSION, TRUE, error);
}

const char *
sa_store_get_path (SaStore *self)
{
  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  return self->path;
}

/**
 * sa_store_get_created:
 * @self: a store
 *
 * Returns: whether opening the store created the database, which then wants the
 *   sample plan unless the person asked for an empty one
 */
gboolean
sa_store_get_created (SaStore *self)
{
  g_return_val_if_fail (SA_IS_STORE (self), FALSE);

  return self->created;
}

guint
sa_store_get_schema_version (SaStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (SA_IS_STORE (self), 0);

  query_int (self, "PRAGMA user_version", &version, NULL);
  return (guint) version;
}

const char *
sa_store_get_site_id (SaStore *self)
{
  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  return self->site_id;
}

char *
sa_store_dup_site_name (SaStore *self)
{
  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  return _sa_store_query_text (self, "SELECT name FROM site WHERE id = ?1", self->site_id);
}

gboolean
sa_store_set_site_name (SaStore     *self,
                        const char  *name,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_utf8_validate (name, -1, NULL) || *name == '\0' || g_utf8_strlen (name, -1) > 100)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("A site name must be 1 to 100 characters of text"));
      return FALSE;
    }
  if (!(stmt = _sa_store_prepare (self, "UPDATE site SET name = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->site_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  return _sa_store_step_done (self, stmt, error);
}

/**
 * sa_store_refresh:
 * @self: a store
 *
 * Looks whether another connection (sasaeai-cli, another window) has written to the
 * database since the last look, and if so emits #SaStore::changed for every table,
 * without ids, so views show what is there now.
 *
 * Returns: whether another connection wrote
 */
gboolean
sa_store_refresh (SaStore *self)
{
  gint64 version;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);

  if (self->depth > 0 || !query_int (self, "PRAGMA data_version", &version, NULL) ||
      version == self->data_version)
    return FALSE;

  self->data_version = version;
  for (guint i = 0; i < sa_schema_n_tables; i++)
    g_signal_emit (self, _sa_store_signals[CHANGED], 0, sa_schema_tables[i]->name, NULL);
  return TRUE;
}

