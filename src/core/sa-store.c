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
#include "sa-row.h"
#include "sa-schema.h"
#include "sa-sqlite-locks.h"
#include "sa-store-private.h"

#define BUSY_TIMEOUT_MS 10000

/* Who a connection was and its clock when a transaction or savepoint began. A
 * rollback, a dry run's too, puts them back: nothing the transaction saw outlives it. */
typedef struct
{
  char     *site_id;
  char     *clock;
  gboolean  clock_moved;
} Begun;

static void
begun_free (Begun *begun)
{
  g_free (begun->site_id);
  g_free (begun->clock);
  g_free (begun);
}

struct _SaStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL → sqlite3_stmt, prepared once */
  char       *site_id;
  SaHlc      *hlc;
  guint       depth;       /* transaction nesting: 0 outside, 1 in BEGIN, more in SAVEPOINTs */
  GHashTable *dirty;       /* table names written in the open transaction */
  GHashTable *present;     /* "table id" of rows the open transaction knows exist */
  GHashTable *deferred;    /* row id → SaDeferredCheck, run before the outermost COMMIT */
  gboolean    created;     /* this open made the database */
  gboolean    clock_moved; /* the clock moved since it was last saved */
  gint64      data_version; /* PRAGMA data_version when last looked at */
  GPtrArray  *begun;       /* Begun: the state at each open sa_store_begin() */
  GPtrArray  *notices;     /* what the person should be told about this database */
};

G_DEFINE_FINAL_TYPE (SaStore, sa_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
   *
   * Emitted once per written table after a transaction commits.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
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
  self->dirty = g_hash_table_new (g_str_hash, g_str_equal);
  self->present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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

static gboolean
exec_sql (SaStore     *self,
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

static char *
query_text (SaStore    *self,
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
  return exec_sql (self,
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

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint v = (guint) from + 1; v <= to; v++)
    if (!exec_sql (self, sa_schema_migration (v), error))
      {
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        g_prefix_error (error, _("Could not upgrade the database to version %u: "), v);
        return FALSE;
      }

  if (!exec_sql (self, set_version, error) || !exec_sql (self, "COMMIT", error))
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

  self->site_id = query_text (self, "SELECT id FROM site WHERE is_self = 1", NULL);
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

  g_autofree char *last = query_text (self, "SELECT value FROM meta WHERE key = 'hlc'", NULL);
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

  return query_text (self, "SELECT name FROM site WHERE id = ?1", self->site_id);
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
 * database since the last look, and if so emits #SaStore::changed for every table, so
 * views show what is there now.
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
    g_signal_emit (self, signals[CHANGED], 0, sa_schema_tables[i]->name);
  return TRUE;
}

/* ---- Clocks and transactions ---------------------------------------------------- */

/* Another connection to the same file (sasaeai-cli beside the window) may have
 * issued later clocks, or made the database a new site: this one takes them on, so
 * it never issues a clock twice nor writes under an id the database left. */
static void
follow_other_connections (SaStore *self)
{
  g_autofree char *id = query_text (self, "SELECT id FROM site WHERE is_self = 1", NULL);
  g_autofree char *saved = query_text (self, "SELECT value FROM meta WHERE key = 'hlc'", NULL);

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
  if (!exec_sql (self, sql, error))
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

static void
emit_changed (SaStore *self)
{
  g_autofree gpointer *names = NULL;
  guint n_names;

  names = g_hash_table_get_keys_as_array (self->dirty, &n_names);
  g_hash_table_steal_all (self->dirty);
  for (guint i = 0; i < n_names; i++)
    g_signal_emit (self, signals[CHANGED], 0, names[i]);
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
      if (!exec_sql (self, "COMMIT", error))
        return FALSE;
      self->depth = 0;
      g_ptr_array_set_size (self->begun, 0);
      self->clock_moved = FALSE;
      g_hash_table_remove_all (self->present);
      emit_changed (self);
      return TRUE;
    }

  sql = g_strdup_printf ("RELEASE sa_%u", self->depth - 1);
  if (!exec_sql (self, sql, error))
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

void
_sa_store_mark_changed (SaStore       *self,
                        const SaTable *table)
{
  g_hash_table_add (self->dirty, (gpointer) table->name);
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
  if (self->depth > 0)
    g_hash_table_add (self->present, g_strconcat (table->name, " ", id, NULL));
}

/* ---- Reading rows ----------------------------------------------------------------- */

/* The years of the plan a commitment belongs to; FALSE when the chain is broken. */
gboolean
_sa_store_get_plan_years (SaStore    *self,
                          const char *commitment_id,
                          gint64     *first_fy,
                          gint64     *last_fy)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = _sa_store_prepare (self,
                            "SELECT p.first_fy, p.last_fy FROM commitment c"
                            " JOIN goal g ON g.id = c.goal_id"
                            " JOIN section s ON s.id = g.section_id"
                            " JOIN plan p ON p.id = s.plan_id WHERE c.id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, commitment_id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      *first_fy = sqlite3_column_int64 (stmt, 0);
      *last_fy = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return found;
}

static GHashTable *
sql_cache (void)
{
  static GHashTable *cache;

  if (g_once_init_enter (&cache))
    g_once_init_leave (&cache, g_hash_table_new (NULL, NULL));
  return cache;
}

static const char *
cached_sql (const SaTable *table,
            const char    *kind,
            char        *(*build) (const SaTable *))
{
  static GMutex lock;
  g_autofree char *key = g_strdup_printf ("%s:%s", kind, table->name);
  const char *interned = g_intern_string (key);
  const char *sql;

  g_mutex_lock (&lock);
  sql = g_hash_table_lookup (sql_cache (), interned);
  if (sql == NULL)
    {
      sql = build (table);
      g_hash_table_insert (sql_cache (), (gpointer) interned, (gpointer) sql);
    }
  g_mutex_unlock (&lock);
  return sql;
}

static char *
build_select (const SaTable *table)
{
  GString *sql = g_string_new ("SELECT " SA_SYSTEM_COLUMNS);

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append_printf (sql, " FROM %s", table->name);
  return g_string_free (sql, FALSE);
}

/**
 * _sa_store_select_sql:
 * @table: a table
 *
 * Returns: `SELECT <system columns>, <columns> FROM <table>`, to which a caller adds
 *   its WHERE and ORDER BY; rows read with _sa_store_read_record()
 */
const char *
_sa_store_select_sql (const SaTable *table)
{
  return cached_sql (table, "select", build_select);
}

SaRecord *
_sa_store_read_record (const SaTable *table,
                       sqlite3_stmt  *stmt)
{
  SaRecord *record = sa_record_new (table);
  g_autoptr(GHashTable) clocks = NULL;

  sa_record_set_id (record, (const char *) sqlite3_column_text (stmt, 0));
  clocks = sa_clocks_from_json ((const char *) sqlite3_column_text (stmt, 4), NULL);
  sa_record_set_system (record,
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2),
                        sqlite3_column_int (stmt, 3),
                        clocks);

  for (guint i = 0; i < table->n_columns; i++)
    {
      int col = SA_N_SYSTEM_COLUMNS + (int) i;

      if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
        continue;
      if (table->columns[i].type == SA_COLUMN_INT)
        sa_record_set_int (record, i, sqlite3_column_int64 (stmt, col));
      else
        sa_record_set_text (record, i, (const char *) sqlite3_column_text (stmt, col));
    }
  return record;
}

/**
 * sa_store_get:
 * @self: a store
 * @table: the table
 * @id: the row's id
 * @error: set to %SA_ERROR_NOT_FOUND when there is no such row
 *
 * Returns: (transfer full) (nullable): the row, deleted or not
 */
SaRecord *
sa_store_get (SaStore        *self,
              const SaTable  *table,
              const char     *id,
              GError        **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  SaRecord *record = NULL;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  sql = g_strconcat (_sa_store_select_sql (table), " WHERE id = lower(?1)", NULL);
  if (!(stmt = _sa_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = _sa_store_read_record (table, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("There is no %s with id “%s”"),
                 table->name, id ? id : "");
  else
    _sa_store_set_error (self, error);
  sqlite3_reset (stmt);
  return record;
}

/**
 * sa_store_list:
 * @self: a store
 * @table: the table
 * @column: (nullable): a column to match, such as a parent's id
 * @value: (nullable): the value @column must have
 * @error: return location for an error
 *
 * Lists the rows that are not deleted, in the table's order.
 *
 * Returns: (transfer full) (element-type SaRecord): the rows
 */
GPtrArray *
sa_store_list (SaStore        *self,
               const SaTable  *table,
               const char     *column,
               const char     *value,
               GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column == NULL || sa_table_find_column (table, column) >= 0, NULL);

  sql = g_strdup_printf ("%s WHERE deleted = 0%s%s%s ORDER BY %s",
                         _sa_store_select_sql (table),
                         column ? " AND " : "", column ? column : "", column ? " = ?1" : "",
                         table->order_by);
  if (!(stmt = _sa_store_prepare (self, sql, error)))
    return NULL;
  if (column != NULL)
    {
      /* A reference is compared as it is stored: in lower case. */
      g_autofree char *lower = table->columns[sa_table_find_column (table, column)].type == SA_COLUMN_REF
                               ? sa_id_normalize (value) : NULL;

      sqlite3_bind_text (stmt, 1, lower ? lower : value, -1, SQLITE_TRANSIENT);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, _sa_store_read_record (table, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/**
 * sa_store_dup_names:
 * @self: a store
 * @table: the table
 * @column: a text column, such as the name
 * @error: return location for an error
 *
 * Maps each row that is not deleted to its @column, so a list can show names for ids
 * without a query per row.
 *
 * Returns: (transfer full) (nullable): id → text; %NULL on an error
 */
GHashTable *
sa_store_dup_names (SaStore        *self,
                    const SaTable  *table,
                    guint           column,
                    GError        **error)
{
  g_autoptr(GPtrArray) rows = sa_store_list (self, table, NULL, NULL, error);
  GHashTable *names;

  if (rows == NULL)
    return NULL;
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_insert (names, g_strdup (sa_record_get_id (g_ptr_array_index (rows, i))),
                         g_strdup (sa_record_get_text (g_ptr_array_index (rows, i), column)));
  return names;
}

/**
 * sa_store_exists:
 * @self: a store
 * @table: the table
 * @id: a row id
 * @include_deleted: whether a deleted row counts
 *
 * Returns: whether the row is there
 */
gboolean
sa_store_exists (SaStore       *self,
                 const SaTable *table,
                 const char    *id,
                 gboolean       include_deleted)
{
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);

  if (include_deleted && self->depth > 0)
    {
      key = g_strconcat (table->name, " ", id, NULL);
      if (g_hash_table_contains (self->present, key))
        return TRUE;
    }
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = lower(?1)%s", table->name,
                         include_deleted ? "" : " AND deleted = 0");
  if (!(stmt = _sa_store_prepare (self, sql, NULL)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (found && key != NULL)
    g_hash_table_add (self->present, g_steal_pointer (&key));
  return found;
}

/**
 * sa_store_lookup_id:
 * @self: a store
 * @table: the table
 * @column: a text column, such as a name
 * @text: the value to find, or a row's id
 * @error: set to %SA_ERROR_NOT_FOUND when no row or more than one row matches
 *
 * Finds the one row that is not deleted whose @column is @text, or whose id is.
 *
 * Returns: (transfer full) (nullable): the row's id
 */
char *
sa_store_lookup_id (SaStore        *self,
                    const SaTable  *table,
                    const char     *column,
                    const char     *text,
                    GError        **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt;
  guint n_found = 0;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (sa_table_find_column (table, column) >= 0, NULL);

  sql = g_strdup_printf ("SELECT id FROM %s WHERE (%s = ?1 OR id = lower(?1)) AND deleted = 0 LIMIT 2",
                         table->name, column);
  if (!(stmt = _sa_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (n_found++ == 0)
      id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (n_found != 1)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                   n_found == 0 ? _("There is no %s “%s”") : _("More than one %s is called “%s”"),
                   table->name, text);
      return NULL;
    }
  return g_steal_pointer (&id);
}

/**
 * sa_store_history:
 * @self: a store
 * @table: the table
 * @id: a row id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type SaRecord): the versions of the row that
 *   edits and imports replaced, oldest first
 */
GPtrArray *
sa_store_history (SaStore        *self,
                  const SaTable  *table,
                  const char     *id,
                  GError        **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  stmt = _sa_store_prepare (self,
                            "SELECT row_id, hlc, site, deleted, clocks, fields FROM history "
                            "WHERE table_name = ?1 AND row_id = lower(?2) ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (stmt, 5), NULL);
      g_autoptr(SaRecord) version = sa_record_new (table);
      g_autoptr(GHashTable) clocks = sa_clocks_from_json ((const char *) sqlite3_column_text (stmt, 4), NULL);
      JsonObject *fields = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      sa_record_set_id (version, (const char *) sqlite3_column_text (stmt, 0));
      sa_record_set_system (version, (const char *) sqlite3_column_text (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2),
                            sqlite3_column_int (stmt, 3), clocks);
      for (guint i = 0; fields != NULL && i < table->n_columns; i++)
        {
          JsonNode *value = json_object_get_member (fields, table->columns[i].name);

          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            continue;
          if (table->columns[i].type == SA_COLUMN_INT)
            sa_record_set_int (version, i, json_node_get_int (value));
          else
            sa_record_set_text (version, i, json_node_get_string (value));
        }
      g_ptr_array_add (versions, g_steal_pointer (&version));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&versions);
}
