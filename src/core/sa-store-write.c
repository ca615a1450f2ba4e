/* sa-store-write.c: writing rows: insert, edit, tombstones, merge
 *
 * Every write gives the fields it changes a new clock. An edit or a merge that
 * replaces values keeps the replaced version in the history table first, so nothing
 * a person typed disappears without a trace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-hlc.h"
#include "sa-row.h"
#include "sa-schema.h"
#include "sa-store-private.h"
#include "sa-store-object-private.h"

/* OR FAIL: no statement journal (a copy of each page a statement changes, so that
 * ABORT can undo the statement alone), which SQLite would keep for a statement that
 * may fail half-way. No caller needs it: a failed write rolls back its whole
 * transaction or savepoint. */
static char *
build_insert (const SaTable *table,
              const char    *on_conflict)
{
  GString *sql = g_string_new ("INSERT OR FAIL INTO ");
  guint n = SA_N_SYSTEM_COLUMNS + table->n_columns;

  g_string_append_printf (sql, "%s (" SA_SYSTEM_COLUMNS, table->name);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
  g_string_append (sql, ") VALUES (?1");
  for (guint i = 2; i <= n; i++)
    g_string_append_printf (sql, ", ?%u", i);
  g_string_append_printf (sql, ") ON CONFLICT (id) DO %s", on_conflict);
  return g_string_free (sql, FALSE);
}

static char *
build_upsert (const SaTable *table)
{
  g_autoptr(GString) set = g_string_new ("UPDATE SET hlc = excluded.hlc, site = excluded.site, "
                                         "deleted = excluded.deleted, clocks = excluded.clocks");

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (set, ", %s = excluded.%s", table->columns[i].name, table->columns[i].name);
  return build_insert (table, set->str);
}

/* Adds a row only when its id is new: one statement instead of a read, a merge and a
 * write for each row an import brings that the database does not hold yet. */
static char *
build_insert_new (const SaTable *table)
{
  return build_insert (table, "NOTHING");
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            SaRecord     *record,
            guint         column)
{
  const SaTable *table = sa_record_get_table (record);

  if (sa_record_is_null (record, column))
    sqlite3_bind_null (stmt, index);
  else if (table->columns[column].type == SA_COLUMN_INT)
    sqlite3_bind_int64 (stmt, index, sa_record_get_int (record, column));
  else
    sqlite3_bind_text (stmt, index, sa_record_get_text (record, column), -1, SQLITE_STATIC);
}

/**
 * _sa_store_note_own_write:
 * @site: the row's last writer, as just written
 * @clock: the row's latest clock: the greatest of its own and its fields'
 *
 * Keeps own_write, the rows this site wrote with the clock of its latest write of
 * each, which a shared folder's next segment reads: every write of a row whose last
 * writer is this site goes there. A row of another site's goes nowhere.
 */
gboolean
_sa_store_note_own_write (SaStore        *self,
                          const SaTable  *table,
                          const char     *id,
                          const char     *site,
                          const char     *clock,
                          GError        **error)
{
  sqlite3_stmt *stmt;

  if (!self->own_write || g_strcmp0 (site, sa_store_get_site_id (self)) != 0)
    return TRUE;
  stmt = _sa_store_prepare (self,
                            "INSERT INTO own_write (table_name, row_id, clock) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT DO UPDATE SET clock = excluded.clock", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clock, -1, SQLITE_STATIC);
  return _sa_store_step_done (self, stmt, error);
}

static gboolean
note_own_write (SaStore   *self,
                SaRecord  *record,
                GError   **error)
{
  GHashTable *clocks = sa_record_get_clocks (record);
  const char *latest = sa_record_get_hlc (record);
  GHashTableIter iter;
  gpointer clock;

  if (g_strcmp0 (sa_record_get_site (record), sa_store_get_site_id (self)) != 0)
    return TRUE;
  if (clocks != NULL)
    {
      g_hash_table_iter_init (&iter, clocks);
      while (g_hash_table_iter_next (&iter, NULL, &clock))
        if (g_strcmp0 (clock, latest) > 0)
          latest = clock;
    }
  return _sa_store_note_own_write (self, sa_record_get_table (record), sa_record_get_id (record),
                                   sa_record_get_site (record), latest, error);
}

/* Writes the whole row as the record has it: with @insert_new only when its id is
 * new, setting *@written to whether it was; else new or not. */
static gboolean
write_row_full (SaStore   *self,
                SaRecord  *record,
                gboolean   insert_new,
                gboolean  *written,
                GError   **error)
{
  const SaTable *table = sa_record_get_table (record);
  g_autofree char *clocks = sa_clocks_to_json (sa_record_get_clocks (record));
  sqlite3_stmt *stmt;

  stmt = _sa_store_prepare (self, _sa_store_table_sql (table, insert_new ? "insert-new" : "upsert",
                                                       insert_new ? build_insert_new : build_upsert),
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sa_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sa_record_get_hlc (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sa_record_get_site (record), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, sa_record_get_deleted (record));
  if (clocks != NULL)
    sqlite3_bind_text (stmt, 5, clocks, -1, SQLITE_STATIC);
  for (guint i = 0; i < table->n_columns; i++)
    bind_value (stmt, SA_N_SYSTEM_COLUMNS + 1 + (int) i, record, i);

  if (!_sa_store_step_done (self, stmt, error))
    return FALSE;
  if (written != NULL)
    *written = !insert_new || sqlite3_changes (sqlite3_db_handle (stmt)) > 0;
  if (written != NULL && !*written)
    return TRUE;
  if (!note_own_write (self, record, error))
    return FALSE;
  _sa_store_mark_row_changed (self, table, sa_record_get_id (record));
  _sa_store_note_present (self, table, sa_record_get_id (record));
  return TRUE;
}

static gboolean
write_row (SaStore   *self,
           SaRecord  *record,
           GError   **error)
{
  return write_row_full (self, record, FALSE, NULL, error);
}

/* Whether history holds this version already: a file imported twice must not add
 * the same losing version twice. */
static gboolean
in_history (SaStore    *self,
            SaRecord   *version,
            const char *fields_json)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = _sa_store_prepare (self,
                            "SELECT 1 FROM history WHERE table_name = ?1 AND row_id = ?2"
                            " AND hlc = ?3 AND fields = ?4", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sa_record_get_table (version)->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sa_record_get_id (version), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sa_record_get_hlc (version), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, fields_json, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
save_history (SaStore     *self,
              SaRecord    *version,
              const char  *reason,
              GError     **error)
{
  g_autoptr(JsonNode) fields = sa_row_fields_to_json (version);
  g_autofree char *fields_json = json_to_string (fields, FALSE);
  g_autofree char *clocks = sa_clocks_to_json (sa_record_get_clocks (version));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved_at = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt;

  if (in_history (self, version, fields_json))
    return TRUE;

  stmt = _sa_store_prepare (self,
                            "INSERT INTO history (table_name, row_id, hlc, site, deleted, clocks, "
                            "fields, reason, saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sa_record_get_table (version)->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sa_record_get_id (version), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sa_record_get_hlc (version), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sa_record_get_site (version), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, sa_record_get_deleted (version));
  sqlite3_bind_text (stmt, 6, clocks, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, fields_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, saved_at, -1, SQLITE_TRANSIENT);
  return _sa_store_step_done (self, stmt, error);
}

/* Checks that a reference names a row; locally typed edits may only refer to rows
 * that are not deleted, merges to any row, since a tombstone is a row too. */
static gboolean
check_reference (SaStore   *self,
                 SaRecord  *record,
                 guint      column,
                 gboolean   include_deleted,
                 GError   **error)
{
  const SaColumn *col = &sa_record_get_table (record)->columns[column];
  const char *id = sa_record_get_text (record, column);

  if (col->type != SA_COLUMN_REF || id == NULL ||
      sa_store_exists (self, sa_schema_find_table (col->ref), id, include_deleted))
    return TRUE;

  g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
               _("%s: there is no %s with id “%s”"), _(col->label), col->ref, id);
  return FALSE;
}

/* The column descriptions' rules, then the table's own. */
static gboolean
check_record (SaStore   *self,
              SaRecord  *record,
              GError   **error)
{
  const SaTable *table = sa_record_get_table (record);

  return sa_record_validate (record, error) &&
         (table->check == NULL || table->check (self, record, error));
}

static gboolean
in_transaction (SaStore    *self,
                gboolean  (*write) (SaStore *, gpointer, GError **),
                gpointer    data,
                GError    **error)
{
  if (!sa_store_begin (self, error))
    return FALSE;
  if (!write (self, data, error) || !sa_store_commit (self, error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_checked (SaStore   *self,
                gpointer   data,
                GError   **error)
{
  SaRecord *record = data;
  const SaTable *table = sa_record_get_table (record);

  if (sa_store_exists (self, table, sa_record_get_id (record), TRUE))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("A %s with id “%s” exists already"),
                   table->name, sa_record_get_id (record));
      return FALSE;
    }
  for (guint i = 0; i < table->n_columns; i++)
    if (!check_reference (self, record, i, FALSE, error))
      return FALSE;
  return write_row (self, record, error);
}

/**
 * sa_store_insert:
 * @self: a store
 * @record: a new record; given an id when it has none
 * @error: return location for what is wrong with it
 *
 * Adds a row written by this site. Nothing is written when a value or a reference is
 * not valid.
 */
gboolean
sa_store_insert (SaStore   *self,
                 SaRecord  *record,
                 GError   **error)
{
  g_autofree char *clock = NULL;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (SA_IS_RECORD (record), FALSE);

  if (sa_record_get_id (record) == NULL)
    {
      g_autofree char *id = g_uuid_string_random ();
      sa_record_set_id (record, id);
    }
  if (!check_record (self, record, error))
    return FALSE;

  clock = sa_store_next_clock (self);
  sa_record_set_system (record, clock, sa_store_get_site_id (self), FALSE, NULL);
  return in_transaction (self, insert_checked, record, error);
}

typedef struct
{
  SaRecord *old;
  SaRecord *new;
} Edit;

static gboolean
write_edit (SaStore   *self,
            gpointer   data,
            GError   **error)
{
  Edit *edit = data;

  return save_history (self, edit->old, "edit", error) &&
         write_row (self, edit->new, error);
}

/* Gives every changed column @clock; returns how many changed. */
static guint
stamp_changes (SaRecord   *old,
               SaRecord   *new,
               const char *clock,
               GHashTable *clocks)
{
  const SaTable *table = sa_record_get_table (old);
  guint n_changed = 0;

  for (guint i = 0; i < table->n_columns; i++)
    if (!sa_record_value_equal (old, new, i))
      {
        g_hash_table_insert (clocks, g_strdup (table->columns[i].name), g_strdup (clock));
        n_changed++;
      }
  return n_changed;
}

static GHashTable *
copy_clocks (SaRecord *record)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTable *clocks = sa_record_get_clocks (record);
  GHashTableIter iter;
  gpointer key, value;

  if (clocks == NULL)
    return copy;
  g_hash_table_iter_init (&iter, clocks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

/**
 * sa_store_update:
 * @self: a store
 * @record: an edited copy of a stored row (see sa_record_copy())
 * @error: return location for what is wrong with it
 *
 * Writes the columns of @record that differ from the stored row, each with a new
 * clock, after keeping the stored version in history. An edit that changes nothing
 * writes nothing.
 */
gboolean
sa_store_update (SaStore   *self,
                 SaRecord  *record,
                 GError   **error)
{
  const SaTable *table;
  g_autoptr(SaRecord) old = NULL;
  g_autoptr(GHashTable) clocks = NULL;
  g_autofree char *clock = NULL;
  Edit edit;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (SA_IS_RECORD (record), FALSE);

  table = sa_record_get_table (record);
  if (!(old = sa_store_get (self, table, sa_record_get_id (record), error)) ||
      !check_record (self, record, error))
    return FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    if (!sa_record_value_equal (old, record, i) && !check_reference (self, record, i, FALSE, error))
      return FALSE;

  clock = sa_store_next_clock (self);
  clocks = copy_clocks (old);
  if (stamp_changes (old, record, clock, clocks) == 0)
    return TRUE;

  sa_record_set_system (record, sa_record_get_hlc (old), sa_store_get_site_id (self),
                        sa_record_get_deleted (old), clocks);
  edit = (Edit) { old, record };
  return in_transaction (self, write_edit, &edit, error);
}

static gboolean
write_record (SaStore   *self,
              gpointer   data,
              GError   **error)
{
  return write_row (self, data, error);
}

/**
 * sa_store_set_deleted:
 * @self: a store
 * @table: the table
 * @id: the row's id
 * @deleted: %TRUE to hide the row behind a tombstone, %FALSE to bring it back
 * @error: return location for an error
 *
 * Deleting keeps the row and its values; undoing it is setting @deleted back.
 */
gboolean
sa_store_set_deleted (SaStore        *self,
                      const SaTable  *table,
                      const char     *id,
                      gboolean        deleted,
                      GError        **error)
{
  g_autoptr(SaRecord) record = NULL;
  g_autoptr(GHashTable) clocks = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (!(record = sa_store_get (self, table, id, error)))
    return FALSE;
  if (sa_record_get_deleted (record) == !!deleted)
    return TRUE;

  clock = sa_store_next_clock (self);
  clocks = copy_clocks (record);
  g_hash_table_insert (clocks, g_strdup ("deleted"), g_strdup (clock));
  sa_record_set_system (record, sa_record_get_hlc (record), sa_store_get_site_id (self),
                        deleted, clocks);
  return in_transaction (self, write_record, record, error);
}

/* ---- Merging a row from another site ---------------------------------------------- */

typedef struct
{
  SaRecord         *merged;
  gboolean          values_changed;  /* a value or the tombstone of the local row lost */
  gboolean          incoming_lost;   /* a differing value of the incoming row lost */
  SaMergeFieldFunc  func;
  gpointer          user_data;
} Merge;

static const char *
max_clock (const char *a,
           const char *b)
{
  return g_strcmp0 (a, b) >= 0 ? a : b;
}

/* Orders two different values of a column, or of the tombstone (column n_columns),
 * so that two writes with the same clock, which only a damaged or hand-made file can
 * bring, still merge the same way in either order. */
static int
compare_values (SaRecord *a,
                SaRecord *b,
                guint     column)
{
  const SaTable *table = sa_record_get_table (a);

  if (column == table->n_columns)
    return (int) sa_record_get_deleted (a) - (int) sa_record_get_deleted (b);
  if (sa_record_is_null (a, column) || sa_record_is_null (b, column))
    return (int) !sa_record_is_null (a, column) - (int) !sa_record_is_null (b, column);
  if (table->columns[column].type == SA_COLUMN_INT)
    return (sa_record_get_int (a, column) > sa_record_get_int (b, column)) -
           (sa_record_get_int (a, column) < sa_record_get_int (b, column));
  return g_strcmp0 (sa_record_get_text (a, column), sa_record_get_text (b, column));
}

/* Field by field, the greater clock wins. The result depends only on the two rows,
 * not on which is local: a map of last-writer-wins registers. */
static void
merge_fields (SaRecord *local,
              SaRecord *incoming,
              Merge    *merge)
{
  const SaTable *table = sa_record_get_table (local);
  const char *base = g_strcmp0 (sa_record_get_hlc (local), sa_record_get_hlc (incoming)) <= 0
                     ? sa_record_get_hlc (local) : sa_record_get_hlc (incoming);
  g_autoptr(GHashTable) clocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *latest = base;
  const char *site = NULL;
  gboolean deleted = sa_record_get_deleted (local);

  merge->merged = sa_record_copy (local);
  for (guint i = 0; i <= table->n_columns; i++)
    {
      const char *field = i < table->n_columns ? table->columns[i].name : "deleted";
      const char *mine = sa_record_get_clock (local, field);
      const char *theirs = sa_record_get_clock (incoming, field);
      int order = g_strcmp0 (theirs, mine);
      gboolean differ = i < table->n_columns
                        ? !sa_record_value_equal (local, incoming, i)
                        : sa_record_get_deleted (local) != sa_record_get_deleted (incoming);
      gboolean take = order > 0 || (order == 0 && differ && compare_values (incoming, local, i) > 0);
      const char *winner = take ? theirs : mine;

      if (differ && merge->func != NULL)
        merge->func (local, incoming, field, take, merge->user_data);
      if (take && i == table->n_columns)
        deleted = sa_record_get_deleted (incoming);

      if (take && differ)
        {
          merge->values_changed = TRUE;
          if (i < table->n_columns)
            {
              if (sa_record_is_null (incoming, i))
                sa_record_set_null (merge->merged, i);
              else if (table->columns[i].type == SA_COLUMN_INT)
                sa_record_set_int (merge->merged, i, sa_record_get_int (incoming, i));
              else
                sa_record_set_text (merge->merged, i, sa_record_get_text (incoming, i));
            }
        }
      else if (differ)
        merge->incoming_lost = TRUE;

      if (g_strcmp0 (winner, base) != 0)
        g_hash_table_insert (clocks, g_strdup (field), g_strdup (winner));
      latest = max_clock (latest, winner);
    }

  /* The last writer's site is the site part of the latest clock. */
  sa_hlc_parse (latest, NULL, NULL, &site);
  sa_record_set_system (merge->merged, base, site, deleted, clocks);
}

static gboolean
clocks_equal (SaRecord *a,
              SaRecord *b)
{
  g_autofree char *ja = sa_clocks_to_json (sa_record_get_clocks (a));
  g_autofree char *jb = sa_clocks_to_json (sa_record_get_clocks (b));

  return g_strcmp0 (sa_record_get_hlc (a), sa_record_get_hlc (b)) == 0 && g_strcmp0 (ja, jb) == 0;
}

static gboolean
merge_existing (SaStore           *self,
                SaRecord          *local,
                SaRecord          *incoming,
                SaMergeFieldFunc   func,
                gpointer           user_data,
                SaMergeResult     *result,
                GError           **error)
{
  Merge merge = { NULL, FALSE, FALSE, func, user_data };
  g_autoptr(SaRecord) merged = NULL;

  merge_fields (local, incoming, &merge);
  merged = merge.merged;

  if (merge.values_changed)
    *result = sa_record_get_deleted (merged) && !sa_record_get_deleted (local)
              ? SA_MERGE_DELETED : SA_MERGE_UPDATED;
  else
    *result = SA_MERGE_UNCHANGED;

  if (merge.incoming_lost && !save_history (self, incoming, "import-lost", error))
    return FALSE;
  if (!merge.values_changed && clocks_equal (local, merged))
    return TRUE;
  return (!merge.values_changed || save_history (self, local, "import", error)) &&
         write_row (self, merged, error);
}

/* A new row is written in the form a merge would give it: no field clock equal to
 * the row's own, and the site of its latest clock as its last writer; so the same
 * rows give the same database whichever arrives first. Most rows are in that form
 * already and are written as they are. */
static SaRecord *
canonical_row (SaRecord *incoming)
{
  GHashTable *clocks = sa_record_get_clocks (incoming);
  g_autoptr(GHashTable) kept = NULL;
  const char *latest = sa_record_get_hlc (incoming);
  const char *site = NULL;
  SaRecord *row;
  GHashTableIter iter;
  gpointer field, clock;

  if (clocks != NULL)
    {
      kept = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_iter_init (&iter, clocks);
      while (g_hash_table_iter_next (&iter, &field, &clock))
        if (g_strcmp0 (clock, sa_record_get_hlc (incoming)) != 0)
          {
            g_hash_table_insert (kept, field, clock);
            latest = max_clock (latest, clock);
          }
    }
  sa_hlc_parse (latest, NULL, NULL, &site);
  if (g_strcmp0 (site, sa_record_get_site (incoming)) == 0 &&
      (clocks == NULL || g_hash_table_size (kept) == g_hash_table_size (clocks)))
    return g_object_ref (incoming);

  row = sa_record_copy (incoming);
  sa_record_set_system (row, sa_record_get_hlc (incoming), site,
                        sa_record_get_deleted (incoming), kept);
  return row;
}

/**
 * sa_store_merge:
 * @self: a store, inside a transaction
 * @incoming: a row from another site, as read by sa_row_from_json()
 * @result: (out): what the merge did
 * @error: return location for an error
 *
 * Merges a row field by field: for each field the write with the greater clock wins,
 * so edits of different fields made on two PCs both survive. Every value that loses
 * is kept in history. Merging the same row again changes nothing.
 */
gboolean
sa_store_merge (SaStore        *self,
                SaRecord       *incoming,
                SaMergeResult  *result,
                GError        **error)
{
  return sa_store_merge_full (self, incoming, NULL, NULL, result, error);
}

/**
 * sa_store_merge_full:
 * @self: a store, inside a transaction
 * @incoming: a row from another site, as read by sa_row_from_json()
 * @func: (nullable) (scope call): called for every field of a stored row whose value
 *   differs from the incoming one, so a caller can tell conflicts
 * @user_data: data for @func
 * @result: (out): what the merge did
 * @error: return location for an error
 *
 * sa_store_merge(), telling @func which values compete and which win.
 */
gboolean
sa_store_merge_full (SaStore           *self,
                     SaRecord          *incoming,
                     SaMergeFieldFunc   func,
                     gpointer           user_data,
                     SaMergeResult     *result,
                     GError           **error)
{
  return _sa_store_merge_row (self, incoming, FALSE, func, user_data, result, error);
}

/**
 * _sa_store_merge_row:
 * @likely_new: the row is most likely not in the database, as when its table was
 *   empty when the import began: it is inserted without being looked up first
 *
 * sa_store_merge_full(). Whatever @likely_new says, a row already stored is merged
 * field by field; the hint only saves a lookup, or an attempt to insert.
 */
gboolean
_sa_store_merge_row (SaStore           *self,
                     SaRecord          *incoming,
                     gboolean           likely_new,
                     SaMergeFieldFunc   func,
                     gpointer           user_data,
                     SaMergeResult     *result,
                     GError           **error)
{
  const SaTable *table;
  g_autoptr(SaRecord) local = NULL;
  g_autoptr(SaRecord) row = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean added = FALSE;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (SA_IS_RECORD (incoming), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  table = sa_record_get_table (incoming);
  for (guint i = 0; i < table->n_columns; i++)
    if (!check_reference (self, incoming, i, TRUE, error))
      return FALSE;

  if (!likely_new)
    {
      local = sa_store_get (self, table, sa_record_get_id (incoming), &local_error);
      if (local == NULL && !g_error_matches (local_error, SA_ERROR, SA_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (local == NULL)
    {
      /* A row whose id is new is inserted as it is; one that turns out to be here
       * after all is read and merged below. */
      row = canonical_row (incoming);
      if (!write_row_full (self, row, TRUE, &added, error))
        return FALSE;
      if (added)
        {
          *result = SA_MERGE_ADDED;
          return TRUE;
        }
      if (!(local = sa_store_get (self, table, sa_record_get_id (incoming), error)))
        return FALSE;
    }
  return merge_existing (self, local, incoming, func, user_data, result, error);
}
