/* sa-store-deleted.c: deleted rows: how records name them, what uses a row, bringing
 * rows back
 *
 * A deleted organization or district stays in the records that name it, so every
 * place that shows such a record shows its name marked as deleted, from here. Before
 * a row is deleted, the window and the CLI ask here what uses it. An actor takes its
 * commitments, organizations and expected actions with it; what went with it is what
 * was deleted at or after its own tombstone, and comes back with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-expected-action.h"
#include "sa-hlc.h"
#include "sa-organization.h"
#include "sa-schema.h"
#include "sa-store-deleted.h"
#include "sa-store-private.h"

/* The tables a person deletes rows of in the outline, with what a row of each is
 * called; the Deleted Items list shows these. */
static const struct
{
  const char *table;
  const char *noun;
} nouns[] = {
  { "section", NC_("kind of row", "Section") },
  { "situation_note", NC_("kind of row", "Strength or Challenge") },
  { "goal", NC_("kind of row", "Basic Goal") },
  { "initiative", NC_("kind of row", "Initiative") },
  { "actor", NC_("kind of row", "Actor") },
  { "expected_action", NC_("kind of row", "Expected Action") },
  { "commitment", NC_("kind of row", "Commitment") },
  { "schedule_phase", NC_("kind of row", "Schedule Phase") },
  { "organization", NC_("kind of row", "Organization") },
  { "district", NC_("kind of row", "District") },
  { "resource", NC_("kind of row", "Local Resource") },
};

/* What an actor takes with it. */
static const SaTable * const actor_dependents[] = {
  &sa_commitment_table,
  &sa_organization_table,
  &sa_expected_action_table,
};

void
sa_deleted_row_free (SaDeletedRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_free (row->name);
  g_free (row->site_name);
  g_free (row);
}

/**
 * sa_deleted_name:
 * @name: the name of a deleted row
 *
 * Returns: (transfer full): @name marked as deleted, as every view shows it
 */
char *
sa_deleted_name (const char *name)
{
  /* Translators: the name of a deleted organization or district, where a record
   * still names it */
  return g_strdup_printf (_("%s (deleted)"), name ? name : "");
}

/* Strips the deleted mark, in the language of the interface or in English, from the
 * end of @text; NULL when it has none. */
static char *
strip_deleted_mark (const char *text)
{
  const char *formats[] = { _("%s (deleted)"), "%s (deleted)" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *hole = strstr (formats[i], "%s");
      g_autofree char *prefix = hole ? g_strndup (formats[i], hole - formats[i]) : NULL;
      const char *suffix = hole ? hole + 2 : NULL;
      gsize length = strlen (text);

      if (hole == NULL || length <= strlen (prefix) + strlen (suffix) ||
          !g_str_has_prefix (text, prefix) || !g_str_has_suffix (text, suffix))
        continue;
      return g_strndup (text + strlen (prefix), length - strlen (prefix) - strlen (suffix));
    }
  return NULL;
}

/**
 * sa_table_get_noun:
 * @table: a table
 *
 * Returns: what a row of @table is called, translated; the table's name for a table
 *   a person does not delete rows of in the outline
 */
const char *
sa_table_get_noun (const SaTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].table, table->name))
      return g_dpgettext2 (GETTEXT_PACKAGE, "kind of row", nouns[i].noun);
  return table->name;
}

/**
 * sa_record_get_name:
 * @record: a record
 *
 * Returns: the record's title, text, name or label, whichever it has first; ""
 */
const char *
sa_record_get_name (SaRecord *record)
{
  const SaTable *table = sa_record_get_table (record);
  const char *columns[] = { "title", "text", "name", "label" };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      int column = sa_table_find_column (table, columns[i]);

      if (column >= 0 && sa_record_get_text (record, column) != NULL)
        return sa_record_get_text (record, column);
    }
  return "";
}

/**
 * sa_store_dup_all_names:
 * @self: a store
 * @table: the table
 * @column: a text column, such as the name
 * @deleted: (out) (optional) (transfer full): the ids of the deleted rows, a set
 * @error: return location for an error
 *
 * Like sa_store_dup_names(), but with the deleted rows too, which records still name.
 *
 * Returns: (transfer full) (nullable): id → text for every row; %NULL on an error
 */
GHashTable *
sa_store_dup_all_names (SaStore        *self,
                        const SaTable  *table,
                        guint           column,
                        GHashTable    **deleted,
                        GError        **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) gone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  sql = g_strdup_printf ("SELECT id, deleted, %s FROM %s", table->columns[column].name, table->name);
  if (!(stmt = _sa_store_prepare (self, sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      g_hash_table_insert (names, g_strdup (id), g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      if (sqlite3_column_int (stmt, 1))
        g_hash_table_add (gone, g_strdup (id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (self, error);
      return NULL;
    }
  if (deleted != NULL)
    *deleted = g_steal_pointer (&gone);
  return g_steal_pointer (&names);
}

/**
 * sa_store_dup_display_names:
 * @self: a store
 * @table: the table
 * @column: a text column, such as the name
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): id → text for every row, a deleted row's
 *   marked by sa_deleted_name(); %NULL on an error
 */
GHashTable *
sa_store_dup_display_names (SaStore        *self,
                            const SaTable  *table,
                            guint           column,
                            GError        **error)
{
  g_autoptr(GHashTable) deleted = NULL;
  GHashTable *names = sa_store_dup_all_names (self, table, column, &deleted, error);
  GHashTableIter iter;
  gpointer id;

  if (names == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, deleted);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_insert (names, g_strdup (id), sa_deleted_name (g_hash_table_lookup (names, id)));
  return names;
}

/* The one deleted row whose name is @name, or whose id is. */
static char *
lookup_deleted (SaStore        *self,
                const SaTable  *table,
                const char     *name,
                GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE (name = ?1 OR id = ?1) AND deleted = 1 LIMIT 2",
                                          table->name);
  sqlite3_stmt *stmt = _sa_store_prepare (self, sql, error);
  g_autofree char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW || id == NULL)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                   rc == SQLITE_ROW ? _("More than one deleted %s is called “%s”")
                                    : _("There is no deleted %s called “%s”"),
                   sa_table_get_noun (table), name);
      return NULL;
    }
  return g_steal_pointer (&id);
}

/**
 * sa_store_lookup_name:
 * @self: a store
 * @table: a table with a name column: organization or district
 * @text: a name or id, or a deleted row's name marked as sa_deleted_name() marks it
 * @error: set to %SA_ERROR_NOT_FOUND when no row or more than one matches
 *
 * Finds what a record names, as the views and exports write it, so a file written
 * by an export reads back to the same rows.
 *
 * Returns: (transfer full) (nullable): the id
 */
char *
sa_store_lookup_name (SaStore        *self,
                      const SaTable  *table,
                      const char     *text,
                      GError        **error)
{
  g_autofree char *stripped = strip_deleted_mark (text);
  g_autoptr(GError) local_error = NULL;
  char *id;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (sa_table_find_column (table, "name") >= 0, NULL);

  if ((id = sa_store_lookup_id (self, table, "name", text, &local_error)))
    return id;
  if (stripped != NULL)
    return lookup_deleted (self, table, stripped, error);
  /* An older export wrote a deleted row's id. */
  if (sa_id_is_valid (text) && sa_store_exists (self, table, text, TRUE))
    return g_strdup (text);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * sa_store_list_in_use:
 * @self: a store
 * @table: organization or district
 * @error: return location for an error
 *
 * Lists the rows a filter offers: those not deleted, in the table's order, then the
 * deleted ones that activities still name.
 *
 * Returns: (transfer full) (element-type SaRecord) (nullable): the rows
 */
GPtrArray *
sa_store_list_in_use (SaStore        *self,
                      const SaTable  *table,
                      GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (table == &sa_organization_table || table == &sa_district_table, NULL);

  sql = g_strdup_printf ("%s WHERE deleted = 0 OR id IN (SELECT %s_id FROM activity WHERE deleted = 0)"
                         " ORDER BY deleted, %s", _sa_store_select_sql (table), table->name, table->order_by);
  if (!(stmt = _sa_store_prepare (self, sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, _sa_store_read_record (table, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * sa_record_dup_display_name:
 * @record: an organization or district
 *
 * Returns: (transfer full): its name, marked when it is deleted
 */
char *
sa_record_dup_display_name (SaRecord *record)
{
  const char *name = sa_record_get_name (record);

  return sa_record_get_deleted (record) ? sa_deleted_name (name) : g_strdup (name);
}

/* ---- What uses a row -------------------------------------------------------------- */

#define LIVE_LINKS \
  "SELECT count(DISTINCT l.activity_id) FROM activity_commitment l" \
  " JOIN activity a ON a.id = l.activity_id JOIN commitment c ON c.id = l.commitment_id" \
  " WHERE l.deleted = 0 AND a.deleted = 0 AND c.deleted = 0"

static const struct
{
  const char *table;
  gsize       offset;
  const char *sql;
} use_queries[] = {
  { "organization", G_STRUCT_OFFSET (SaUses, activities),
    "SELECT count(*) FROM activity WHERE organization_id = ?1 AND deleted = 0" },
  { "district", G_STRUCT_OFFSET (SaUses, activities),
    "SELECT count(*) FROM activity WHERE district_id = ?1 AND deleted = 0" },
  { "commitment", G_STRUCT_OFFSET (SaUses, activities), LIVE_LINKS " AND c.id = ?1" },
  { "goal", G_STRUCT_OFFSET (SaUses, activities), LIVE_LINKS " AND c.goal_id = ?1" },
  { "goal", G_STRUCT_OFFSET (SaUses, commitments),
    "SELECT count(*) FROM commitment WHERE goal_id = ?1 AND deleted = 0" },
  { "goal", G_STRUCT_OFFSET (SaUses, expected_actions),
    "SELECT count(*) FROM expected_action WHERE goal_id = ?1 AND deleted = 0" },
  { "section", G_STRUCT_OFFSET (SaUses, activities),
    LIVE_LINKS " AND c.goal_id IN (SELECT id FROM goal WHERE section_id = ?1 AND deleted = 0)" },
  { "section", G_STRUCT_OFFSET (SaUses, commitments),
    "SELECT count(*) FROM commitment c JOIN goal g ON g.id = c.goal_id"
    " WHERE g.section_id = ?1 AND g.deleted = 0 AND c.deleted = 0" },
  { "actor", G_STRUCT_OFFSET (SaUses, activities),
    "SELECT count(*) FROM activity a WHERE a.deleted = 0 AND"
    " (a.organization_id IN (SELECT id FROM organization WHERE actor_id = ?1 AND deleted = 0)"
    "  OR a.id IN (SELECT l.activity_id FROM activity_commitment l JOIN commitment c ON c.id = l.commitment_id"
    "              WHERE l.deleted = 0 AND c.deleted = 0 AND c.actor_id = ?1))" },
  { "actor", G_STRUCT_OFFSET (SaUses, commitments),
    "SELECT count(*) FROM commitment WHERE actor_id = ?1 AND deleted = 0" },
  { "actor", G_STRUCT_OFFSET (SaUses, organizations),
    "SELECT count(*) FROM organization WHERE actor_id = ?1 AND deleted = 0" },
  { "actor", G_STRUCT_OFFSET (SaUses, expected_actions),
    "SELECT count(*) FROM expected_action WHERE actor_id = ?1 AND deleted = 0" },
};

/**
 * sa_store_count_uses:
 * @self: a store
 * @table: the row's table
 * @id: the row's id
 * @uses: (out caller-allocates): how many rows that are not deleted use it
 * @error: return location for an error
 *
 * Counts what a person should hear about before deleting the row: the activities
 * that name an organization or district or advance a commitment (or a commitment
 * under a goal, section or actor), and what lies under a goal, section or actor.
 */
gboolean
sa_store_count_uses (SaStore        *self,
                     const SaTable  *table,
                     const char     *id,
                     SaUses         *uses,
                     GError        **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (uses != NULL, FALSE);

  *uses = (SaUses) { 0, };
  for (guint i = 0; i < G_N_ELEMENTS (use_queries); i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (!g_str_equal (use_queries[i].table, table->name))
        continue;
      if (!(stmt = _sa_store_prepare (self, use_queries[i].sql, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        G_STRUCT_MEMBER (guint, uses, use_queries[i].offset) = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return _sa_store_set_error (self, error);
    }
  return TRUE;
}

/**
 * sa_uses_describe:
 * @uses: counts from sa_store_count_uses()
 *
 * Returns: (transfer full) (nullable): the counts as a person reads them, such as
 *   “3 activities, 4 commitments”; %NULL when nothing uses the row
 */
char *
sa_uses_describe (const SaUses *uses)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (uses->commitments > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u commitment", "%u commitments", uses->commitments),
                                             uses->commitments));
  if (uses->organizations > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u organization", "%u organizations", uses->organizations),
                                             uses->organizations));
  if (uses->expected_actions > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u expected action", "%u expected actions",
                                                       uses->expected_actions), uses->expected_actions));
  if (uses->activities > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u activity", "%u activities", uses->activities),
                                             uses->activities));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* Translators: between the counts of what uses a row, “3 commitments, 5 activities” */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* ---- Rows that go and come back together ------------------------------------------- */

static const char *
tombstone_clock (SaRecord *record)
{
  return sa_record_get_clock (record, "deleted");
}

/* Rows of @table under the actor: the ones not deleted, or, for a deleted actor, the
 * ones deleted with it or after it. */
static gboolean
add_dependents (SaStore        *self,
                const SaTable  *table,
                SaRecord       *actor,
                GPtrArray      *out,
                GError        **error)
{
  g_autofree char *sql = g_strconcat (_sa_store_select_sql (table), " WHERE actor_id = ?1 AND deleted = ?2", NULL);
  gboolean deleted = sa_record_get_deleted (actor);
  sqlite3_stmt *stmt = _sa_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sa_record_get_id (actor), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, deleted);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SaRecord *row = _sa_store_read_record (table, stmt);

      if (!deleted || g_strcmp0 (tombstone_clock (row), tombstone_clock (actor)) >= 0)
        g_ptr_array_add (out, row);
      else
        g_object_unref (row);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _sa_store_set_error (self, error);
}

/**
 * sa_store_list_dependents:
 * @self: a store
 * @table: the row's table
 * @id: the row's id
 * @error: return location for an error
 *
 * What deleting the row deletes with it, or, for a deleted row, what restoring it
 * brings back: an actor's commitments, organizations and expected actions. Other rows
 * have none.
 *
 * Returns: (transfer full) (element-type SaRecord) (nullable): the rows
 */
GPtrArray *
sa_store_list_dependents (SaStore        *self,
                          const SaTable  *table,
                          const char     *id,
                          GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SaRecord) actor = NULL;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  if (table != &sa_actor_table)
    return g_steal_pointer (&rows);
  if (!(actor = sa_store_get (self, table, id, error)))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (actor_dependents); i++)
    if (!add_dependents (self, actor_dependents[i], actor, rows, error))
      return NULL;
  return g_steal_pointer (&rows);
}

/* Adds the deleted rows above @record in the plan (a commitment's goal, that goal's
 * section, …) to @rows: a row under a deleted parent is shown nowhere, so restoring
 * it brings them back too. */
static gboolean
add_deleted_ancestors (SaStore    *self,
                       SaRecord   *record,
                       GPtrArray  *rows,
                       GError    **error)
{
  g_autoptr(SaRecord) row = g_object_ref (record);

  for (;;)
    {
      const SaTable *table = sa_record_get_table (row);
      int column = table->parent ? sa_table_find_column (table, table->parent) : -1;
      const char *parent_id = column < 0 ? NULL : sa_record_get_text (row, column);
      SaRecord *parent;

      if (parent_id == NULL)
        return TRUE;
      if (!(parent = sa_store_get (self, sa_schema_find_table (table->columns[column].ref), parent_id, error)))
        return FALSE;
      if (sa_record_get_deleted (parent))
        g_ptr_array_add (rows, g_object_ref (parent));
      g_set_object (&row, parent);
      g_object_unref (parent);
    }
}

/**
 * sa_store_list_restored_with:
 * @self: a store
 * @record: a deleted row
 * @error: return location for an error
 *
 * What restoring @record brings back with it: what went with it (see
 * sa_store_list_dependents()) and the deleted rows above it in the plan.
 *
 * Returns: (transfer full) (element-type SaRecord) (nullable): the rows
 */
GPtrArray *
sa_store_list_restored_with (SaStore   *self,
                             SaRecord  *record,
                             GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  if (!(rows = sa_store_list_dependents (self, sa_record_get_table (record), sa_record_get_id (record), error)) ||
      !add_deleted_ancestors (self, record, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* ---- Listing and restoring ---------------------------------------------------------- */

static char *
site_name (SaStore    *self,
           const char *site)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, "SELECT name FROM site WHERE id = ?1", NULL);
  g_autofree char *name = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, site, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);
  if (g_strcmp0 (site, sa_store_get_site_id (self)) == 0)
    return g_strdup (_("This office"));
  return g_strndup (site, 8);
}

static SaDeletedRow *
deleted_row_new (SaStore  *self,
                 SaRecord *record)
{
  SaDeletedRow *row = g_new0 (SaDeletedRow, 1);
  const char *site = NULL;
  guint counter;

  row->table = sa_record_get_table (record);
  row->id = g_strdup (sa_record_get_id (record));
  row->name = g_strdup (sa_record_get_name (record));
  if (!sa_hlc_parse (tombstone_clock (record), &row->deleted_ms, &counter, &site))
    site = sa_record_get_site (record);
  /* The clock names the site that wrote the tombstone, even after a merge. */
  row->site_name = site_name (self, site);
  return row;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SaDeletedRow *x = *(SaDeletedRow **) a;
  const SaDeletedRow *y = *(SaDeletedRow **) b;

  return x->deleted_ms == y->deleted_ms ? g_strcmp0 (x->name, y->name)
                                        : (x->deleted_ms < y->deleted_ms ? 1 : -1);
}

/* The ids of rows that went with a deleted actor, which come back with it and are
 * not listed on their own. */
static gboolean
collect_dependents (SaStore     *self,
                    GHashTable  *ids,
                    GError     **error)
{
  g_autofree char *sql = g_strconcat (_sa_store_select_sql (&sa_actor_table), " WHERE deleted = 1", NULL);
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _sa_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (actors, _sa_store_read_record (&sa_actor_table, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sa_store_set_error (self, error);

  for (guint i = 0; i < actors->len; i++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (!(rows = sa_store_list_dependents (self, &sa_actor_table,
                                             sa_record_get_id (g_ptr_array_index (actors, i)), error)))
        return FALSE;
      for (guint j = 0; j < rows->len; j++)
        g_hash_table_add (ids, g_strdup (sa_record_get_id (g_ptr_array_index (rows, j))));
    }
  return TRUE;
}

/**
 * sa_store_list_deleted:
 * @self: a store
 * @error: return location for an error
 *
 * Lists the deleted plan items, organizations and districts, the latest deleted
 * first. Rows that went with a deleted actor are not listed: they come back with it.
 *
 * Returns: (transfer full) (element-type SaDeletedRow) (nullable): the rows
 */
GPtrArray *
sa_store_list_deleted (SaStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sa_deleted_row_free);
  g_autoptr(GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  if (!collect_dependents (self, hidden, error))
    return NULL;
  for (guint i = 0; i < sa_schema_n_tables; i++)
    {
      const SaTable *table = sa_schema_tables[i];
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (sa_table_get_noun (table) == table->name)
        continue;
      sql = g_strconcat (_sa_store_select_sql (table), " WHERE deleted = 1", NULL);
      if (!(stmt = _sa_store_prepare (self, sql, error)))
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(SaRecord) record = _sa_store_read_record (table, stmt);

          if (!g_hash_table_contains (hidden, sa_record_get_id (record)))
            g_ptr_array_add (rows, deleted_row_new (self, record));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _sa_store_set_error (self, error);
          return NULL;
        }
    }
  g_ptr_array_sort (rows, compare_newest_first);
  return g_steal_pointer (&rows);
}

/**
 * sa_store_find_row:
 * @self: a store
 * @id: a row's id, of any table
 * @error: set to %SA_ERROR_NOT_FOUND when no table has such a row
 *
 * Returns: (transfer full) (nullable): the row, deleted or not
 */
SaRecord *
sa_store_find_row (SaStore     *self,
                   const char  *id,
                   GError     **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  for (guint i = 0; id != NULL && sa_id_is_valid (id) && i < sa_schema_n_tables; i++)
    if (sa_store_exists (self, sa_schema_tables[i], id, TRUE))
      return sa_store_get (self, sa_schema_tables[i], id, error);
  g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("There is nothing with id “%s”"), id ? id : "");
  return NULL;
}

/**
 * sa_store_restore:
 * @self: a store
 * @id: a deleted row's id, of any table
 * @error: set when there is no such row or it is not deleted
 *
 * Brings the row back, with what comes back with it (see
 * sa_store_list_restored_with()), in one transaction.
 */
gboolean
sa_store_restore (SaStore     *self,
                  const char  *id,
                  GError     **error)
{
  g_autoptr(SaRecord) record = NULL;
  g_autoptr(GPtrArray) dependents = NULL;
  const SaTable *table;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);

  if (!(record = sa_store_find_row (self, id, error)))
    return FALSE;
  table = sa_record_get_table (record);
  if (!sa_record_get_deleted (record))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("The %s “%s” is not deleted"),
                   sa_table_get_noun (table), sa_record_get_name (record));
      return FALSE;
    }
  if (!(dependents = sa_store_list_restored_with (self, record, error)) ||
      !sa_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < dependents->len; i++)
    {
      SaRecord *row = g_ptr_array_index (dependents, i);

      if (!sa_store_set_deleted (self, sa_record_get_table (row), sa_record_get_id (row), FALSE, error))
        {
          sa_store_rollback (self);
          return FALSE;
        }
    }
  if (!sa_store_set_deleted (self, table, id, FALSE, error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  return sa_store_commit_or_rollback (self, error);
}

/**
 * sa_store_delete:
 * @self: a store
 * @table: the table
 * @id: the row's id
 * @error: return location for an error
 *
 * Deletes the row and what goes with it (see sa_store_list_dependents()) in one
 * transaction, the row first, so that its dependents' tombstones follow its own.
 */
gboolean
sa_store_delete (SaStore        *self,
                 const SaTable  *table,
                 const char     *id,
                 GError        **error)
{
  g_autoptr(GPtrArray) dependents = NULL;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);

  if (!(dependents = sa_store_list_dependents (self, table, id, error)) ||
      !sa_store_begin (self, error))
    return FALSE;
  if (!sa_store_set_deleted (self, table, id, TRUE, error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  for (guint i = 0; i < dependents->len; i++)
    {
      SaRecord *row = g_ptr_array_index (dependents, i);

      if (!sa_store_set_deleted (self, sa_record_get_table (row), sa_record_get_id (row), TRUE, error))
        {
          sa_store_rollback (self);
          return FALSE;
        }
    }
  return sa_store_commit_or_rollback (self, error);
}
