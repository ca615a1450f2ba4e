/* sa-store-read.c: reading rows by the tables' descriptions, with cached SELECTs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-error.h"
#include "sa-row.h"
#include "sa-store-object-private.h"

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

/* Per table, the SQL each kind of statement has; built once, kept for the program's
 * life, found without formatting or hashing a string per row. */
typedef struct
{
  const SaTable *table;
  const char    *kind;
} SqlKey;

static guint
sql_key_hash (gconstpointer key)
{
  const SqlKey *k = key;

  return g_direct_hash (k->table) ^ g_str_hash (k->kind);
}

static gboolean
sql_key_equal (gconstpointer a,
               gconstpointer b)
{
  const SqlKey *x = a, *y = b;

  return x->table == y->table && strcmp (x->kind, y->kind) == 0;
}

/**
 * _sa_store_table_sql:
 * @table: a table
 * @kind: a name for the statement, such as "select"
 * @build: makes the statement's SQL for @table, the first time it is asked for
 *
 * Returns: the SQL, owned by the cache for the program's life
 */
const char *
_sa_store_table_sql (const SaTable  *table,
                     const char     *kind,
                     char         *(*build) (const SaTable *))
{
  static GMutex lock;
  static GHashTable *cache;
  SqlKey key = { table, kind };
  const char *sql;

  char *built;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (sql_key_hash, sql_key_equal);
  sql = g_hash_table_lookup (cache, &key);
  g_mutex_unlock (&lock);
  if (sql != NULL)
    return sql;

  /* Built unlocked: one statement's SQL may be built from another's. */
  built = build (table);
  g_mutex_lock (&lock);
  if (!(sql = g_hash_table_lookup (cache, &key)))
    {
      SqlKey *kept = g_new (SqlKey, 1);

      *kept = (SqlKey) { table, g_intern_string (kind) };
      g_hash_table_insert (cache, kept, built);
      sql = built;
      built = NULL;
    }
  g_mutex_unlock (&lock);
  g_free (built);
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
  return _sa_store_table_sql (table, "select", build_select);
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

static char *
build_get (const SaTable *table)
{
  return g_strconcat (_sa_store_select_sql (table), " WHERE id = lower(?1)", NULL);
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
  sqlite3_stmt *stmt;
  SaRecord *record = NULL;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (!(stmt = _sa_store_prepare (self, _sa_store_table_sql (table, "get", build_get), error)))
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

static char *
build_exists (const SaTable *table)
{
  return g_strdup_printf ("SELECT 1 FROM %s WHERE id = lower(?1)", table->name);
}

static char *
build_exists_live (const SaTable *table)
{
  return g_strdup_printf ("SELECT 1 FROM %s WHERE id = lower(?1) AND deleted = 0", table->name);
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
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);

  if (include_deleted && self->depth > 0 && _sa_store_known_present (self, table, id))
    return TRUE;
  stmt = _sa_store_prepare (self, include_deleted ? _sa_store_table_sql (table, "exists", build_exists)
                                                  : _sa_store_table_sql (table, "exists-live", build_exists_live),
                            NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (found && include_deleted)
    _sa_store_note_present (self, table, id);
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

