/* sa-sync-segment.c: one site's changes, as a numbered file of a shared sync folder
 *
 * A segment is an ordinary sync file (docs/sync-format.md) that holds only the rows
 * its site wrote a field of since its previous segment, each row whole with its
 * field clocks, and the rows they refer to, so that it can be merged on its own.
 * Its header says which segment it follows ("segment": {"number", "after"}); a
 * segment after 0 holds every row its site ever wrote. The marks say, per folder and
 * per site, how far this database has come; they are local and never synced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-error.h"
#include "sa-file-write.h"
#include "sa-hlc.h"
#include "sa-row.h"
#include "sa-schema.h"
#include "sa-store-private.h"
#include "sa-sync-crypt.h"
#include "sa-sync-file.h"
#include "sa-sync-file-private.h"
#include "sa-sync-segment.h"

#define SEGMENT_DIGITS 6

/**
 * sa_sync_segment_name:
 * @number: a segment's number, from 1
 *
 * Returns: (transfer full): its file name, such as `000001.sasaeai`
 */
char *
sa_sync_segment_name (guint number)
{
  return g_strdup_printf ("%0*u%s", SEGMENT_DIGITS, number, SA_SYNC_SUFFIX);
}

/**
 * sa_sync_segment_parse_name:
 * @name: a file name
 * @number: (out): the segment's number
 *
 * Returns: whether @name is a segment's, six digits or more and `.sasaeai`
 */
gboolean
sa_sync_segment_parse_name (const char *name,
                            guint      *number)
{
  gsize digits = strspn (name, "0123456789");
  guint64 value;

  if (digits < SEGMENT_DIGITS || digits > 9 || strcmp (name + digits, SA_SYNC_SUFFIX) != 0)
    return FALSE;
  value = g_ascii_strtoull (name, NULL, 10);
  if (value == 0)
    return FALSE;
  *number = (guint) value;
  return TRUE;
}

/* ---- Gathering the rows ---------------------------------------------------------- */

typedef struct
{
  SaStore    *store;
  const char *site;
  const char *since;
  GHashTable *ids;      /* id → the row, gathered */
  GPtrArray  *rows;     /* SaRecord, in the order gathered */
} Gather;

/* A write of this site after @since. */
static gboolean
is_new_own (Gather     *gather,
            const char *clock)
{
  const char *site;

  return sa_hlc_parse (clock, NULL, NULL, &site) && g_strcmp0 (site, gather->site) == 0 &&
         (gather->since == NULL || g_strcmp0 (clock, gather->since) > 0);
}

static gboolean
has_new_own (Gather   *gather,
             SaRecord *record)
{
  GHashTable *clocks = sa_record_get_clocks (record);
  GHashTableIter iter;
  gpointer clock;

  if (is_new_own (gather, sa_record_get_hlc (record)))
    return TRUE;
  if (clocks == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, clocks);
  while (g_hash_table_iter_next (&iter, NULL, &clock))
    if (is_new_own (gather, clock))
      return TRUE;
  return FALSE;
}

static void
add_row (Gather   *gather,
         SaRecord *record)
{
  g_hash_table_insert (gather->ids, (gpointer) sa_record_get_id (record), record);
  g_ptr_array_add (gather->rows, record);
}

/* Every row this site wrote a field of; or, after @since, the rows whose latest write
 * by this site came later, as the own_write table (kept by the store's writes) lists them: a
 * segment reads what changed since the last one, not every row of this site. */
static gboolean
gather_table (Gather         *gather,
              const SaTable  *table,
              GError        **error)
{
  g_autofree char *sql =
    g_strconcat (_sa_store_select_sql (table),
                 gather->since == NULL ? " WHERE substr(hlc, 20) = ?1 OR instr(clocks, ?1) > 0"
                                       : " WHERE id IN (SELECT row_id FROM own_write"
                                         " WHERE table_name = ?2 AND clock > ?3)", NULL);
  sqlite3_stmt *stmt = _sa_store_prepare (gather->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (gather->since == NULL)
    sqlite3_bind_text (stmt, 1, gather->site, -1, SQLITE_STATIC);
  else
    {
      sqlite3_bind_text (stmt, 2, table->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, gather->since, -1, SQLITE_STATIC);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SaRecord *record = _sa_store_read_record (table, stmt);

      if (has_new_own (gather, record))
        add_row (gather, record);
      else
        g_object_unref (record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sa_store_set_error (gather->store, error);
  return TRUE;
}

/* The rows the gathered ones refer to, and theirs in turn, so the segment merges on
 * its own even where the other sites' segments that hold them are not read yet. */
static gboolean
gather_references (Gather  *gather,
                   GError **error)
{
  for (guint i = 0; i < gather->rows->len; i++)
    {
      SaRecord *record = g_ptr_array_index (gather->rows, i);
      const SaTable *table = sa_record_get_table (record);

      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *id = table->columns[c].type == SA_COLUMN_REF ? sa_record_get_text (record, c) : NULL;
          g_autoptr(GError) local_error = NULL;
          SaRecord *target;

          if (id == NULL || g_hash_table_contains (gather->ids, id))
            continue;
          target = sa_store_get (gather->store, sa_schema_find_table (table->columns[c].ref), id, &local_error);
          if (target != NULL)
            add_row (gather, target);
          else if (!g_error_matches (local_error, SA_ERROR, SA_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }
  return TRUE;
}

static guint
rank_of (const SaTable *table)
{
  guint rank;

  for (rank = 0; sa_schema_tables[rank] != table; rank++)
    ;
  return rank;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  SaRecord *x = *(SaRecord **) a;
  SaRecord *y = *(SaRecord **) b;
  int order = (int) rank_of (sa_record_get_table (x)) - (int) rank_of (sa_record_get_table (y));

  return order != 0 ? order : strcmp (sa_record_get_id (x), sa_record_get_id (y));
}

/* ---- Writing --------------------------------------------------------------------- */

/* The header of any sync file, with the segment's place among its site's. */
static char *
build_header (SaStore     *store,
              GPtrArray   *rows,
              const char  *clock,
              guint        number,
              guint        after,
              GError     **error)
{
  g_autofree gint64 *counts = g_new0 (gint64, sa_schema_n_tables);

  for (guint i = 0; i < rows->len; i++)
    counts[rank_of (sa_record_get_table (g_ptr_array_index (rows, i)))]++;
  return _sa_sync_file_build_header (store, clock, counts, number, after, error);
}

static GBytes *
compress_text (GString       *text,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  if (!g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error) ||
      !g_output_stream_close (out, cancellable, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Header, rows, trailer, as text; the clock is taken in the caller's transaction. */
static GString *
build_text (SaStore     *store,
            GPtrArray   *rows,
            const char  *clock,
            guint        number,
            guint        after,
            GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *header = build_header (store, rows, clock, number, after, error);
  g_autofree char *trailer = NULL;

  if (header == NULL)
    return NULL;
  g_string_append (text, header);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *line = sa_row_to_line (g_ptr_array_index (rows, i));

      g_string_append (text, line);
      g_string_append_c (text, '\n');
    }
  g_checksum_update (checksum, (const guchar *) text->str, text->len);
  trailer = _sa_sync_file_build_trailer (rows->len, g_checksum_get_string (checksum));
  g_string_append (text, trailer);
  g_string_append_c (text, '\n');
  return g_steal_pointer (&text);
}

static GString *
gather_and_build (SaStore     *store,
                  guint        number,
                  guint        after,
                  const char  *since,
                  gboolean     whole,
                  char       **clock,
                  guint       *n_rows,
                  GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  Gather gather = { store, sa_store_get_site_id (store), since, ids, rows };
  guint n_own;

  for (guint i = 0; i < sa_schema_n_tables; i++)
    if (!gather_table (&gather, sa_schema_tables[i], error))
      return NULL;
  if (rows->len > 0 && whole && since != NULL)
    {
      g_hash_table_remove_all (ids);
      g_ptr_array_set_size (rows, 0);
      gather.since = NULL;
      for (guint i = 0; i < sa_schema_n_tables; i++)
        if (!gather_table (&gather, sa_schema_tables[i], error))
          return NULL;
    }
  if (whole)
    after = 0;
  n_own = rows->len;
  *n_rows = n_own;
  if (n_own == 0)
    return g_string_new (NULL);
  if (!gather_references (&gather, error))
    return NULL;
  g_ptr_array_sort (rows, compare_rows);
  *clock = sa_store_next_clock (store);
  return build_text (store, rows, *clock, number, after, error);
}

/**
 * sa_sync_segment_write:
 * @store: a store
 * @file: where to write the segment
 * @passphrase: (nullable): seals the segment (sa_sync_crypt_seal()); %NULL writes it plain
 * @number: its number
 * @after: the number of the segment it follows, 0 when it holds every row this site
 *   ever wrote a field of
 * @since: (nullable): the clock of segment @after; %NULL: every write counts as new
 * @whole: when there is anything new, write every row this site ever wrote a field
 *   of, as a segment after 0, so the older ones can go
 * @clock: (out) (transfer full) (optional): the segment's clock; every later write of
 *   this site has a greater one
 * @n_rows: (out): the rows this site wrote since @since; 0 writes no file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the rows this site wrote a field of after @since (all of them with @whole),
 * each whole, with the rows they refer to. The file appears whole or not at all.
 */
gboolean
sa_sync_segment_write (SaStore       *store,
                       GFile         *file,
                       const char    *passphrase,
                       guint          number,
                       guint          after,
                       const char    *since,
                       gboolean       whole,
                       char         **clock,
                       guint         *n_rows,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *segment_clock = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!sa_store_begin (store, error))
    return FALSE;
  if (!(text = gather_and_build (store, number, after, since, whole, &segment_clock, n_rows, error)))
    {
      sa_store_rollback (store);
      return FALSE;
    }
  if (!sa_store_commit_or_rollback (store, error))
    return FALSE;
  if (*n_rows > 0 && !(bytes = compress_text (text, cancellable, error)))
    return FALSE;
  if (*n_rows > 0 && passphrase != NULL)
    {
      g_autoptr(GBytes) plain = g_steal_pointer (&bytes);

      if (!(bytes = sa_sync_crypt_seal (plain, passphrase, SA_SYNC_CRYPT_ITERATIONS, error)))
        return FALSE;
    }
  if (*n_rows > 0 && !sa_file_write_atomically (file, bytes, cancellable, error))
    return FALSE;
  if (clock != NULL)
    *clock = g_steal_pointer (&segment_clock);
  return TRUE;
}

/* ---- Reading ------------------------------------------------------------------- */

/**
 * sa_sync_segment_load:
 * @file: a segment, plain or sealed
 * @passphrase: (nullable): opens a sealed segment
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Loads a segment and opens it when it is sealed, once: its header and its rows are
 * then read from the plain bytes, so the key (PBKDF2, many iterations) is derived
 * once per segment. A sealed segment's parts are all checked before any is read.
 *
 * Returns: (transfer full) (nullable): the plain (gzip) bytes
 */
GBytes *
sa_sync_segment_load (GFile         *file,
                      const char    *passphrase,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const void *data;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if ((guint64) g_file_info_get_size (info) > SA_SYNC_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (SA_SYNC_MAX_SIZE);

      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The file is too large: more than %s"), limit);
      return NULL;
    }
  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, error)))
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (!sa_sync_crypt_is_sealed (data, size))
    return g_steal_pointer (&bytes);
  return sa_sync_crypt_open (bytes, passphrase, error);
}

static char *
read_first_line (GBytes        *plain,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (plain);
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (stream, G_CONVERTER (decompressor));
  g_autoptr(GString) line = g_string_new (NULL);
  char chunk[4096];
  gssize n_read;

  while ((n_read = g_input_stream_read (in, chunk, sizeof chunk, cancellable, error)) > 0)
    {
      const char *eol = memchr (chunk, '\n', (gsize) n_read);

      g_string_append_len (line, chunk, eol ? eol - chunk : n_read);
      if (eol != NULL)
        return g_string_free (g_steal_pointer (&line), FALSE);
      if (line->len > SA_SYNC_MAX_LINE)
        break;
    }
  if (n_read >= 0)
    g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("This is not a Sasaeai sync file: it has no header"));
  return NULL;
}

/**
 * sa_sync_segment_read_after:
 * @plain: a segment's plain bytes, from sa_sync_segment_load()
 * @after: (out): the number of the segment it follows; 0 when it holds every row its
 *   site wrote
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads the header alone, to tell whether a segment can be merged yet: the whole file
 * is checked when it is read for merging.
 */
gboolean
sa_sync_segment_read_after (GBytes        *plain,
                            guint         *after,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *line = read_first_line (plain, cancellable, error);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root, *segment;

  if (line == NULL)
    return FALSE;
  *after = 0;
  if (!json_parser_load_from_data (parser, line, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("This is not a Sasaeai sync file: its header is not valid"));
      return FALSE;
    }
  segment = json_object_get_member (json_node_get_object (root), "segment");
  if (segment != NULL && JSON_NODE_HOLDS_OBJECT (segment))
    {
      gint64 value = json_object_get_int_member_with_default (json_node_get_object (segment), "after", 0);
      *after = value > 0 && value < G_MAXUINT ? (guint) value : 0;
    }
  return TRUE;
}

/* ---- Marks ----------------------------------------------------------------------- */

void
sa_sync_folder_mark_free (SaSyncFolderMark *mark)
{
  if (mark == NULL)
    return;
  g_free (mark->clock);
  g_free (mark->stamp);
  g_free (mark);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * sa_sync_folder_load_marks:
 * @store: a store
 * @folder: the folder's URI
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type utf8 SaSyncFolderMark): source → mark
 */
GHashTable *
sa_sync_folder_load_marks (SaStore     *store,
                           const char  *folder,
                           GError     **error)
{
  g_autoptr(GHashTable) marks =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sa_sync_folder_mark_free);
  sqlite3_stmt *stmt = _sa_store_prepare (store, "SELECT source, segment, clock, stamp FROM sync_folder"
                                                 " WHERE folder = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, folder, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SaSyncFolderMark *mark = g_new0 (SaSyncFolderMark, 1);

      mark->segment = (guint) sqlite3_column_int64 (stmt, 1);
      mark->clock = column_text (stmt, 2);
      mark->stamp = column_text (stmt, 3);
      g_hash_table_insert (marks, column_text (stmt, 0), mark);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&marks);
}

/**
 * sa_sync_folder_save_mark:
 * @store: a store
 * @folder: the folder's URI
 * @source: a site's id, or an old-layout file's name
 * @mark: how far this database has come with it
 * @error: return location for an error
 */
gboolean
sa_sync_folder_save_mark (SaStore                 *store,
                          const char              *folder,
                          const char              *source,
                          const SaSyncFolderMark  *mark,
                          GError                 **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (store, "INSERT OR REPLACE INTO sync_folder (folder, source, segment, clock, stamp)"
                                                 " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, folder, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, source, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, mark->segment);
  sqlite3_bind_text (stmt, 4, mark->clock, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, mark->stamp, -1, SQLITE_STATIC);
  return _sa_store_step_done (store, stmt, error);
}
