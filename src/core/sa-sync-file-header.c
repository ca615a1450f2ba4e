/* sa-sync-file-header.c: the first and last lines of every sync file: who wrote it,
 * when and what it holds; how many rows it holds and their checksum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-schema.h"
#include "sa-store-private.h"
#include "sa-sync-file.h"
#include "sa-sync-file-private.h"

static gboolean
count_rows (SaStore        *store,
            const SaTable  *table,
            gint64         *count,
            GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table->name);
  sqlite3_stmt *stmt = _sa_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _sa_store_set_error (store, error);
    }
  *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_site (JsonBuilder *builder,
          const char  *id,
          const char  *name,
          const char  *clock)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "id", id);
  add_string_member (builder, "name", name ? name : "");
  if (clock != NULL)
    add_string_member (builder, "hlc", clock);
  json_builder_end_object (builder);
}

/* How many rows of each table: counted in the database, or given (@counts, in the
 * order of sa_schema_tables). */
static gboolean
add_counts (JsonBuilder   *builder,
            SaStore       *store,
            const gint64  *counts,
            GError       **error)
{
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < sa_schema_n_tables; i++)
    {
      gint64 count = counts != NULL ? counts[i] : 0;

      if (counts == NULL && !count_rows (store, sa_schema_tables[i], &count, error))
        return FALSE;
      json_builder_set_member_name (builder, sa_schema_tables[i]->name);
      json_builder_add_int_value (builder, count);
    }
  json_builder_end_object (builder);
  return TRUE;
}

/**
 * _sa_sync_file_build_header:
 * @store: the writing site's database
 * @clock: the site's clock at export
 * @counts: (nullable): rows of each table, in the order of sa_schema_tables; %NULL
 *   counts every row in @store
 * @segment: 0, or the number of the shared folder's segment this header starts
 * @after: the segment @segment follows
 * @error: return location for an error
 *
 * The header: who wrote the file, when, how many rows of each table it holds, and how
 * far its writer had heard from every site (its version vector, itself included).
 */
char *
_sa_sync_file_build_header (SaStore       *store,
                            const char    *clock,
                            const gint64  *counts,
                            guint          segment,
                            guint          after,
                            GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *name = sa_store_dup_site_name (store);

  if (!(sites = sa_store_list_sites (store, error)))
    return NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "format", SA_SYNC_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SA_SYNC_VERSION);
  json_builder_set_member_name (builder, "site");
  add_site (builder, sa_store_get_site_id (store), name, NULL);
  add_string_member (builder, "exported_at", exported_at);
  add_string_member (builder, "hlc", clock);
  if (!add_counts (builder, store, counts, error))
    return NULL;
  json_builder_set_member_name (builder, "sites");
  json_builder_begin_array (builder);
  add_site (builder, sa_store_get_site_id (store), name, clock);
  for (guint i = 0; i < sites->len; i++)
    {
      SaSiteClock *site = g_ptr_array_index (sites, i);
      add_site (builder, site->id, site->name, site->clock);
    }
  json_builder_end_array (builder);
  if (segment > 0)
    {
      json_builder_set_member_name (builder, "segment");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, segment);
      json_builder_set_member_name (builder, "after");
      json_builder_add_int_value (builder, after);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * _sa_sync_file_build_trailer:
 * @n_rows: the rows of the file
 * @sha256: the hex SHA-256 of every line before the trailer
 *
 * The last line, by which a reader tells a file cut short or altered.
 */
char *
_sa_sync_file_build_trailer (guint       n_rows,
                             const char *sha256)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "trailer", SA_SYNC_FORMAT);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, n_rows);
  add_string_member (builder, "sha256", sha256);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
