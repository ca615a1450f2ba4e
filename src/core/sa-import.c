/* sa-import.c: merging rows read from a file into the store
 *
 * An import reads and checks every row before it writes any, then merges them all in
 * one transaction: a bad file changes nothing. The bundled sample plan is imported
 * through the same path as any file from another site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-import.h"
#include "sa-row.h"
#include "sa-schema.h"

#define SAMPLE_RESOURCE "/io/github/sasaeai/Sasaeai/sample-plan.jsonl"

static SaRecord *
parse_line (const char  *line,
            gsize        length,
            guint        number,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  SaRecord *record;

  if (!g_utf8_validate (line, length, NULL))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Line %u is not valid UTF-8 text"), number);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, length, &local_error) ||
      !(record = sa_row_from_json (json_parser_get_root (parser), &local_error)))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Line %u: %s"), number, local_error->message);
      return NULL;
    }
  return record;
}

/**
 * sa_import_parse_lines:
 * @text: JSON Lines, one row a line
 * @length: the length of @text in bytes
 * @error: return location for what is wrong, with its line number
 *
 * Returns: (transfer full) (element-type SaRecord) (nullable): the rows, each checked
 *   against its table's description; %NULL when any line is not valid
 */
GPtrArray *
sa_import_parse_lines (const char  *text,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *end = text + length;
  guint number = 0;

  for (const char *line = text; line < end; )
    {
      const char *eol = memchr (line, '\n', end - line);
      gsize line_length = (eol ? eol : end) - line;
      SaRecord *record;

      number++;
      if (line_length > 0)
        {
          if (!(record = parse_line (line, line_length, number, error)))
            return NULL;
          g_ptr_array_add (records, record);
          if (!g_hash_table_add (ids, (gpointer) sa_record_get_id (record)))
            {
              g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                           _("Line %u: the id “%s” appears twice"), number, sa_record_get_id (record));
              return NULL;
            }
        }
      line += line_length + 1;
    }
  return g_steal_pointer (&records);
}

static guint
table_rank (SaRecord *record)
{
  const SaTable *table = sa_record_get_table (record);

  for (guint i = 0; i < sa_schema_n_tables; i++)
    if (sa_schema_tables[i] == table)
      return i;
  g_assert_not_reached ();
}

static int
compare_by_table (gconstpointer a,
                  gconstpointer b)
{
  return (int) table_rank (*(SaRecord **) a) - (int) table_rank (*(SaRecord **) b);
}

static void
count_result (SaImportReport *report,
              SaMergeResult   result)
{
  switch (result)
    {
    case SA_MERGE_ADDED: report->added++; break;
    case SA_MERGE_UPDATED: report->updated++; break;
    case SA_MERGE_DELETED: report->deleted++; break;
    case SA_MERGE_UNCHANGED: default: report->unchanged++; break;
    }
}

static gboolean
observe_clocks (SaStore   *store,
                SaRecord  *record,
                GError   **error)
{
  GHashTable *clocks = sa_record_get_clocks (record);
  GHashTableIter iter;
  gpointer clock;

  if (!sa_store_observe_clock (store, sa_record_get_hlc (record), error))
    return FALSE;
  if (clocks == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, clocks);
  while (g_hash_table_iter_next (&iter, NULL, &clock))
    if (!sa_store_observe_clock (store, clock, error))
      return FALSE;
  return TRUE;
}

static gboolean
merge_all (SaStore         *store,
           GPtrArray       *records,
           SaImportReport  *report,
           GError         **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (records, i);
      SaMergeResult result;

      if (!observe_clocks (store, record, error) ||
          !sa_store_merge (store, record, &result, error))
        {
          g_prefix_error (error, "%s %s: ", sa_record_get_table (record)->name,
                          sa_record_get_id (record));
          return FALSE;
        }
      count_result (report, result);
    }
  return TRUE;
}

/**
 * sa_import_records:
 * @store: a store
 * @records: (element-type SaRecord): rows from sa_import_parse_lines(); sorted here,
 *   parents first
 * @report: (out caller-allocates): what the import did
 * @error: return location for an error
 *
 * Merges every row in one transaction. On any error nothing is written.
 */
gboolean
sa_import_records (SaStore         *store,
                   GPtrArray       *records,
                   SaImportReport  *report,
                   GError         **error)
{
  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  *report = (SaImportReport) { 0, };
  g_ptr_array_sort (records, compare_by_table);

  if (!sa_store_begin (store, error))
    return FALSE;
  if (!merge_all (store, records, report, error))
    {
      sa_store_rollback (store);
      *report = (SaImportReport) { 0, };
      return FALSE;
    }
  return sa_store_commit (store, error);
}

/**
 * sa_import_sample:
 * @store: a store
 * @report: (out caller-allocates): what the import did
 * @error: return location for an error
 *
 * Adds the bundled sample plan, 第2期泉区地域福祉保健計画. Its rows have fixed ids
 * and clocks, so importing it again adds nothing.
 */
gboolean
sa_import_sample (SaStore         *store,
                  SaImportReport  *report,
                  GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gsize length;
  const char *text;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  text = g_bytes_get_data (bytes, &length);
  records = sa_import_parse_lines (text, length, error);
  return records != NULL && sa_import_records (store, records, report, error);
}
