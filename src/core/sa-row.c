/* sa-row.c: rows as JSON, the form they take in files and in history
 *
 * A row is one object: {"table", "id", "hlc", "site", "deleted", "clocks", "fields"}.
 * Reading one checks every key and value against the table's description, so that a
 * malformed file is refused before anything is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sa-error.h"
#include "sa-hlc.h"
#include "sa-row.h"
#include "sa-schema.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static JsonNode *
clocks_to_node (GHashTable *clocks)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  /* Sorted, so the same clocks always give the same text. */
  keys = g_hash_table_get_keys_as_array (clocks, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);

  json_builder_begin_object (builder);
  for (guint i = 0; i < n_keys; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (clocks, keys[i]));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * sa_clocks_to_json:
 * @clocks: (nullable): clocks by field name
 *
 * Returns: (transfer full) (nullable): the clocks as a JSON object, or %NULL when
 *   there are none, so most rows store nothing
 */
char *
sa_clocks_to_json (GHashTable *clocks)
{
  g_autoptr(JsonNode) node = NULL;

  if (clocks == NULL || g_hash_table_size (clocks) == 0)
    return NULL;

  node = clocks_to_node (clocks);
  return json_to_string (node, FALSE);
}

static gboolean
is_clock_field (const SaTable *table,
                const char    *field)
{
  return g_str_equal (field, "deleted") || sa_table_find_column (table, field) >= 0;
}

static GHashTable *
clocks_from_object (const SaTable *table,
                    JsonObject    *object,
                    GError       **error)
{
  g_autoptr(GHashTable) clocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObjectIter iter;
  const char *field;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &field, &value))
    {
      const char *clock = JSON_NODE_HOLDS_VALUE (value) &&
                          json_node_get_value_type (value) == G_TYPE_STRING
                          ? json_node_get_string (value) : NULL;

      if ((table != NULL && !is_clock_field (table, field)) || !sa_hlc_is_valid (clock))
        {
          g_autofree char *name = g_utf8_make_valid (field, -1);

          g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                       _("The clock of field “%s” is not valid"), name);
          return NULL;
        }
      g_hash_table_insert (clocks, g_strdup (field), g_strdup (clock));
    }

  return g_steal_pointer (&clocks);
}

/**
 * sa_clocks_from_json:
 * @json: (nullable): clocks as stored in the database
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the clocks by field name; %NULL with @error
 *   unset when @json is %NULL
 */
GHashTable *
sa_clocks_from_json (const char *json,
                     GError    **error)
{
  g_autoptr(JsonNode) node = NULL;

  if (json == NULL)
    return NULL;

  node = json_from_string (json, error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Field clocks must be an object"));
      return NULL;
    }
  return clocks_from_object (NULL, json_node_get_object (node), error);
}

/**
 * sa_row_fields_to_json:
 * @record: a record
 *
 * Returns: (transfer full): an object with every column's value, null where unset
 */
JsonNode *
sa_row_fields_to_json (SaRecord *record)
{
  const SaTable *table = sa_record_get_table (record);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint i = 0; i < table->n_columns; i++)
    {
      json_builder_set_member_name (builder, table->columns[i].name);
      if (sa_record_is_null (record, i))
        json_builder_add_null_value (builder);
      else if (table->columns[i].type == SA_COLUMN_INT)
        json_builder_add_int_value (builder, sa_record_get_int (record, i));
      else
        json_builder_add_string_value (builder, sa_record_get_text (record, i));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * sa_row_to_json:
 * @record: a record
 *
 * Returns: (transfer full): the whole row, as a sync file holds it
 */
JsonNode *
sa_row_to_json (SaRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GHashTable *clocks = sa_record_get_clocks (record);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, sa_record_get_table (record)->name);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, sa_record_get_id (record));
  json_builder_set_member_name (builder, "hlc");
  json_builder_add_string_value (builder, sa_record_get_hlc (record));
  json_builder_set_member_name (builder, "site");
  json_builder_add_string_value (builder, sa_record_get_site (record));
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, sa_record_get_deleted (record));
  if (clocks != NULL)
    {
      json_builder_set_member_name (builder, "clocks");
      json_builder_add_value (builder, clocks_to_node (clocks));
    }
  json_builder_set_member_name (builder, "fields");
  json_builder_add_value (builder, sa_row_fields_to_json (record));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * sa_json_append_string:
 * @out: where to write
 * @text: UTF-8 text
 *
 * Appends @text as a JSON string, quotes included, escaped as json-glib's generator
 * escapes it: the quote, the backslash and every control character (U+0000 to
 * U+001F, and U+007F), the others as they are, in UTF-8. A file writes a row this way
 * without building the row's JSON tree first.
 */
void
sa_json_append_string (GString    *out,
                       const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      char escaped[7] = { '\\', 0, };

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': escaped[1] = '"'; break;
        case '\\': escaped[1] = '\\'; break;
        case '\b': escaped[1] = 'b'; break;
        case '\f': escaped[1] = 'f'; break;
        case '\n': escaped[1] = 'n'; break;
        case '\r': escaped[1] = 'r'; break;
        case '\t': escaped[1] = 't'; break;
        default:
          memcpy (escaped + 1, "u00", 3);
          escaped[4] = hex[c >> 4];
          escaped[5] = hex[c & 0xf];
        }
      g_string_append (out, escaped);
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *name,
               gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  sa_json_append_string (out, name);
  g_string_append_c (out, ':');
}

static void
append_clocks (GString    *out,
               GHashTable *clocks)
{
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  keys = g_hash_table_get_keys_as_array (clocks, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);
  g_string_append_c (out, '{');
  for (guint i = 0; i < n_keys; i++)
    {
      append_member (out, keys[i], i == 0);
      sa_json_append_string (out, g_hash_table_lookup (clocks, keys[i]));
    }
  g_string_append_c (out, '}');
}

/**
 * sa_row_append_line:
 * @out: where to write
 * @record: a record
 *
 * Appends the row as one line of JSON, without the newline: the text
 * sa_row_to_json() gives through json-glib's generator, written directly.
 */
void
sa_row_append_line (GString  *out,
                    SaRecord *record)
{
  const SaTable *table = sa_record_get_table (record);
  GHashTable *clocks = sa_record_get_clocks (record);

  g_string_append (out, "{\"table\":");
  sa_json_append_string (out, table->name);
  g_string_append (out, ",\"id\":");
  sa_json_append_string (out, sa_record_get_id (record));
  g_string_append (out, ",\"hlc\":");
  sa_json_append_string (out, sa_record_get_hlc (record));
  g_string_append (out, ",\"site\":");
  sa_json_append_string (out, sa_record_get_site (record));
  g_string_append (out, sa_record_get_deleted (record) ? ",\"deleted\":true" : ",\"deleted\":false");
  if (clocks != NULL)
    {
      g_string_append (out, ",\"clocks\":");
      append_clocks (out, clocks);
    }
  g_string_append (out, ",\"fields\":{");
  for (guint i = 0; i < table->n_columns; i++)
    {
      append_member (out, table->columns[i].name, i == 0);
      if (sa_record_is_null (record, i))
        g_string_append (out, "null");
      else if (table->columns[i].type == SA_COLUMN_INT)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, sa_record_get_int (record, i));
      else
        sa_json_append_string (out, sa_record_get_text (record, i));
    }
  g_string_append (out, "}}");
}

/**
 * sa_row_to_line:
 * @record: a record
 *
 * Returns: (transfer full): the row as one line of JSON, without the newline
 */
char *
sa_row_to_line (SaRecord *record)
{
  GString *line = g_string_sized_new (256);

  sa_row_append_line (line, record);
  return g_string_free (line, FALSE);
}

/**
 * sa_json_member_string:
 * @object: a JSON object
 * @name: a member's name
 *
 * Returns: (nullable): the member's text, or %NULL when it is missing, not text or
 *   not valid UTF-8
 */
const char *
sa_json_member_string (JsonObject *object,
                       const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  /* json-glib turns some escapes into bytes that are not UTF-8. */
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_field (SaRecord       *record,
            guint           index,
            JsonNode       *node,
            GError        **error)
{
  const SaTable *table = sa_record_get_table (record);
  const SaColumn *column = &table->columns[index];
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (column->type == SA_COLUMN_INT && type == G_TYPE_INT64)
    sa_record_set_int (record, index, json_node_get_int (node));
  else if (column->type != SA_COLUMN_INT && type == G_TYPE_STRING)
    sa_record_set_text (record, index, json_node_get_string (node));
  else
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                   column->type == SA_COLUMN_INT
                   ? _("Field “%s” must be a whole number")
                   : _("Field “%s” must be text"),
                   column->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_fields (SaRecord    *record,
             JsonObject  *fields,
             GError     **error)
{
  const SaTable *table = sa_record_get_table (record);
  /* Each member's column found once, rather than looked up again by name. */
  JsonNode **values = g_newa (JsonNode *, table->n_columns);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  memset (values, 0, table->n_columns * sizeof (JsonNode *));
  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &name, &value))
    {
      int column = sa_table_find_column (table, name);

      if (column < 0)
        {
          g_autofree char *field = g_utf8_make_valid (name, -1);

          g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                       _("Table “%s” has no field “%s”"), table->name, field);
          return FALSE;
        }
      values[column] = value;
    }

  for (guint i = 0; i < table->n_columns; i++)
    if (!read_field (record, i, values[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
read_system (SaRecord    *record,
             JsonObject  *object,
             GError     **error)
{
  const char *hlc = sa_json_member_string (object, "hlc");
  const char *site = sa_json_member_string (object, "site");
  JsonNode *deleted = json_object_get_member (object, "deleted");
  JsonNode *clocks_node = json_object_get_member (object, "clocks");
  g_autoptr(GHashTable) clocks = NULL;

  if (!sa_hlc_is_valid (hlc) || !sa_id_is_valid (site))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The row’s clock or site is not valid"));
      return FALSE;
    }
  if (deleted == NULL || !JSON_NODE_HOLDS_VALUE (deleted) ||
      json_node_get_value_type (deleted) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The row’s “deleted” must be true or false"));
      return FALSE;
    }
  if (clocks_node != NULL && !JSON_NODE_HOLDS_NULL (clocks_node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (clocks_node))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Field clocks must be an object"));
          return FALSE;
        }
      clocks = clocks_from_object (sa_record_get_table (record),
                                   json_node_get_object (clocks_node), error);
      if (clocks == NULL)
        return FALSE;
    }

  sa_record_set_system (record, hlc, site, json_node_get_boolean (deleted), clocks);
  return TRUE;
}

/**
 * sa_row_from_json:
 * @node: one row, as sa_row_to_json() writes it
 * @error: return location for what is wrong with it
 *
 * Reads and validates a row: its table, id, clocks, and every value against the
 * table's description. References to other rows are left to the caller.
 *
 * Returns: (transfer full) (nullable): the record
 */
SaRecord *
sa_row_from_json (JsonNode  *node,
                  GError   **error)
{
  g_autoptr(SaRecord) record = NULL;
  const SaTable *table;
  JsonObject *object;
  JsonNode *fields;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("A row must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);
  table = sa_schema_find_table (sa_json_member_string (object, "table"));
  if (table == NULL)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Unknown table “%s”"),
                   sa_json_member_string (object, "table") ? sa_json_member_string (object, "table") : "");
      return NULL;
    }

  record = sa_record_new (table);
  sa_record_set_id (record, sa_json_member_string (object, "id"));
  fields = json_object_get_member (object, "fields");
  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The row has no fields"));
      return NULL;
    }

  if (!read_system (record, object, error) ||
      !read_fields (record, json_node_get_object (fields), error) ||
      !sa_record_validate (record, error))
    return NULL;

  return g_steal_pointer (&record);
}
