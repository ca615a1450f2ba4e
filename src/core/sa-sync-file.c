/* sa-sync-file.c: the file one site writes for the others, NAME.sasaeai
 *
 * gzip-compressed JSON Lines: a header, one line per row exactly as sa_row_append_line()
 * writes it, and a trailer with the row count and the SHA-256 of every line before
 * it (docs/sync-format.md). A file is read and checked whole before an import writes
 * anything; the merge itself is sa_import_records_full().
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

#define CHUNK_SIZE (64 * 1024)

struct _SaSyncFile
{
  GObject     parent_instance;

  char       *site_id;
  char       *site_name;
  char       *clock;       /* the writing site's clock when it wrote the file */
  GDateTime  *exported_at;
  GHashTable *known;       /* site id → highest clock of its writes the file holds */
  GHashTable *names;       /* site id → name */
  GPtrArray  *records;
  GArray     *lines;       /* the line number of each record, for messages */
};

G_DEFINE_FINAL_TYPE (SaSyncFile, sa_sync_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SITE_ID,
  PROP_SITE_NAME,
  PROP_EXPORTED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_sync_file_finalize (GObject *object)
{
  SaSyncFile *self = SA_SYNC_FILE (object);

  g_free (self->site_id);
  g_free (self->site_name);
  g_free (self->clock);
  g_clear_pointer (&self->exported_at, g_date_time_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (sa_sync_file_parent_class)->finalize (object);
}

static void
sa_sync_file_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SaSyncFile *self = SA_SYNC_FILE (object);

  switch (prop_id)
    {
    case PROP_SITE_ID:
      g_value_set_string (value, self->site_id);
      break;

    case PROP_SITE_NAME:
      g_value_set_string (value, self->site_name);
      break;

    case PROP_EXPORTED_AT:
      g_value_set_boxed (value, self->exported_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_sync_file_class_init (SaSyncFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sa_sync_file_finalize;
  object_class->get_property = sa_sync_file_get_property;

  /**
   * SaSyncFile:site-id:
   *
   * The id of the site that wrote the file.
   */
  properties[PROP_SITE_ID] =
    g_param_spec_string ("site-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaSyncFile:site-name:
   *
   * The name of the site that wrote the file.
   */
  properties[PROP_SITE_NAME] =
    g_param_spec_string ("site-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaSyncFile:exported-at:
   *
   * When the file was written, in UTC.
   */
  properties[PROP_EXPORTED_AT] =
    g_param_spec_boxed ("exported-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_sync_file_init (SaSyncFile *self)
{
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* ---- Writing ------------------------------------------------------------------------ */

/* Lines gather here and go to the compressor in pieces of this size: a write per
 * line cost more than making the line. */
#define WRITE_CHUNK (256 * 1024)

typedef struct
{
  GOutputStream *out;
  GChecksum     *checksum;
  GString       *buffer;
  guint          n_rows;
} Writer;

static gboolean
flush_lines (Writer        *writer,
             GCancellable  *cancellable,
             GError       **error)
{
  gboolean ok = g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len, NULL,
                                           cancellable, error);

  g_string_truncate (writer->buffer, 0);
  return ok;
}

/* Ends the line begun at @start in the buffer, and hands the buffer on when full. */
static gboolean
end_line (Writer        *writer,
          gsize          start,
          gboolean       checked,
          GCancellable  *cancellable,
          GError       **error)
{
  g_string_append_c (writer->buffer, '\n');
  if (checked)
    g_checksum_update (writer->checksum, (const guchar *) writer->buffer->str + start, writer->buffer->len - start);
  return writer->buffer->len < WRITE_CHUNK || flush_lines (writer, cancellable, error);
}

static gboolean
write_line (Writer        *writer,
            const char    *line,
            gboolean       checked,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize start = writer->buffer->len;

  g_string_append (writer->buffer, line);
  return end_line (writer, start, checked, cancellable, error);
}

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

static gboolean
write_table (Writer         *writer,
             SaStore        *store,
             const SaTable  *table,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autofree char *sql = g_strconcat (_sa_store_select_sql (table), " ORDER BY id", NULL);
  sqlite3_stmt *stmt = _sa_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SaRecord) record = _sa_store_read_record (table, stmt);
      gsize start = writer->buffer->len;

      /* Straight into the buffer: a JSON tree a row cost more than the row. */
      sa_row_append_line (writer->buffer, record);
      if (!end_line (writer, start, TRUE, cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      writer->n_rows++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sa_store_set_error (store, error);
  return TRUE;
}

static char *
build_trailer (Writer *writer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "trailer", SA_SYNC_FORMAT);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, writer->n_rows);
  add_string_member (builder, "sha256", g_checksum_get_string (writer->checksum));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Every row, tombstones too, parents before children and by id within a table, so
 * the same database always gives the same lines. */
static gboolean
write_rows (Writer        *writer,
            SaStore       *store,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *clock = sa_store_next_clock (store);
  g_autofree char *header = NULL;
  g_autofree char *trailer = NULL;

  if (!(header = _sa_sync_file_build_header (store, clock, NULL, 0, 0, error)) ||
      !write_line (writer, header, TRUE, cancellable, error))
    return FALSE;
  for (guint i = 0; i < sa_schema_n_tables; i++)
    if (!write_table (writer, store, sa_schema_tables[i], cancellable, error))
      return FALSE;
  trailer = build_trailer (writer);
  return write_line (writer, trailer, FALSE, cancellable, error) && flush_lines (writer, cancellable, error);
}

/* A consistent snapshot: one transaction, in which the export's clock is also saved,
 * so every later local write orders after the file. */
static GBytes *
compress_rows (SaStore       *store,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) buffer = g_string_sized_new (WRITE_CHUNK + 4096);
  Writer writer = { out, checksum, buffer, 0 };

  if (!sa_store_begin (store, error))
    return NULL;
  if (!write_rows (&writer, store, cancellable, error))
    {
      sa_store_rollback (store);
      return NULL;
    }
  if (!sa_store_commit_or_rollback (store, error) ||
      !g_output_stream_close (out, cancellable, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/**
 * sa_sync_file_export:
 * @store: a store
 * @file: where to write, usually `NAME.sasaeai`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes every row of @store, tombstones included, for other sites to import. The
 * file appears whole or not at all: it is written under a temporary name and renamed.
 */
gboolean
sa_sync_file_export (SaStore       *store,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return sa_sync_file_export_full (store, file, NULL, cancellable, error);
}

/**
 * sa_sync_file_export_full:
 * @store: a store
 * @file: where to write, usually `NAME.sasaeai`
 * @passphrase: (nullable): encrypt the file with this passphrase (sa-sync-crypt.c)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Like sa_sync_file_export(), encrypted when a passphrase is given.
 */
gboolean
sa_sync_file_export_full (SaStore       *store,
                          GFile         *file,
                          const char    *passphrase,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((passphrase != NULL && !sa_sync_crypt_check_passphrase (passphrase, error)) ||
      !(bytes = compress_rows (store, cancellable, error)))
    return FALSE;
  if (passphrase != NULL)
    {
      GBytes *sealed = sa_sync_crypt_seal (bytes, passphrase, 0, error);

      g_bytes_unref (bytes);
      if (!(bytes = sealed))
        return FALSE;
    }
  return sa_file_write_atomically (file, bytes, cancellable, error);
}

/* ---- Reading ------------------------------------------------------------------------ */

typedef struct
{
  SaSyncFile *file;
  GChecksum  *checksum;
  JsonParser *parser;       /* one for every line: making one a line cost more */
  GHashTable *ids;          /* id → table name */
  gint64     *expected;     /* rows per table, as the header says */
  gint64     *counted;      /* rows per table read */
  guint       number;       /* lines read */
  guint       n_rows;
  gboolean    have_header;
  gboolean    have_trailer;
  gint64      now_ms;
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_object (&reader->file);
  g_clear_pointer (&reader->checksum, g_checksum_free);
  g_clear_object (&reader->parser);
  g_clear_pointer (&reader->ids, g_hash_table_unref);
  g_clear_pointer (&reader->expected, g_free);
  g_clear_pointer (&reader->counted, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static gboolean
format_error (GError     **error,
              guint        number,
              const char  *message)
{
  g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Line %u: %s"), number, message);
  return FALSE;
}

static const char *
get_string (JsonObject *object,
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
get_int (JsonObject *object,
         const char *name,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static JsonNode *
parse_json (JsonParser  *parser,
            const char  *line,
            gsize        length,
            guint        number,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (length == 0)
    {
      format_error (error, number, _("An empty line"));
      return NULL;
    }
  if (!g_utf8_validate (line, length, NULL))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Line %u is not valid UTF-8 text"), number);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, length, &local_error))
    {
      /* json-glib quotes the text it stumbled on, which may end inside a character. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      format_error (error, number, message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      format_error (error, number, _("A line must be a JSON object"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* A clock from the file: well formed, and not more than a day ahead of this computer,
 * which would let one PC with a wrong date win every later edit. */
static gboolean
check_clock (Reader      *reader,
             const char  *clock,
             const char  *site,
             GError     **error)
{
  const char *clock_site;
  gint64 wall;

  if (!sa_hlc_parse (clock, &wall, NULL, &clock_site) ||
      (site != NULL && g_strcmp0 (clock_site, site) != 0))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a valid clock"), clock ? clock : "");
      return format_error (error, reader->number, message);
    }
  if (wall > reader->now_ms + SA_HLC_MAX_SKEW_MS)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (wall / 1000);
      g_autofree char *text = when ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("?");
      g_autofree char *message =
        g_strdup_printf (_("A change is dated %s UTC, more than a day ahead of this computer’s clock"), text);
      return format_error (error, reader->number, message);
    }
  return TRUE;
}

static gboolean
read_site (Reader      *reader,
           JsonNode    *node,
           gboolean     with_clock,
           GError     **error)
{
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *id = object ? get_string (object, "id") : NULL;
  const char *name = object ? get_string (object, "name") : NULL;
  const char *clock = object ? get_string (object, "hlc") : NULL;

  if (!sa_id_is_valid (id) || name == NULL || g_utf8_strlen (name, -1) > 100)
    return format_error (error, reader->number, _("A site needs a valid id and a name of at most 100 characters"));
  if (with_clock)
    {
      if (!check_clock (reader, clock, id, error))
        return FALSE;
      if (g_hash_table_contains (reader->file->known, id))
        return format_error (error, reader->number, _("A site is listed twice"));
      g_hash_table_insert (reader->file->known, g_strdup (id), g_strdup (clock));
      g_hash_table_insert (reader->file->names, g_strdup (id), g_strdup (name));
    }
  return TRUE;
}

static gboolean
read_counts (Reader      *reader,
             JsonNode    *node,
             GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return format_error (error, reader->number, _("The header has no row counts"));

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      const SaTable *table = sa_schema_find_table (name);
      guint rank;

      if (table == NULL)
        {
          g_autofree char *valid = g_utf8_make_valid (name, -1);
          g_autofree char *message = g_strdup_printf (_("Unknown table “%s”"), valid);
          return format_error (error, reader->number, message);
        }
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
          json_node_get_int (value) < 0)
        return format_error (error, reader->number, _("A row count must be a whole number"));
      for (rank = 0; sa_schema_tables[rank] != table; rank++)
        ;
      reader->expected[rank] = json_node_get_int (value);
    }
  return TRUE;
}

static gboolean
read_version (Reader      *reader,
              JsonObject  *header,
              GError     **error)
{
  gint64 version;

  if (g_strcmp0 (get_string (header, "format"), SA_SYNC_FORMAT) != 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                   _("This is not a Sasaeai sync file: its format is “%s”"),
                   get_string (header, "format") ? get_string (header, "format") : "");
      return FALSE;
    }
  if (!get_int (header, "version", &version) || version < 1)
    return format_error (error, reader->number, _("The format version must be a whole number"));
  if (version > SA_SYNC_VERSION)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_VERSION,
                   _("The file was written by a newer version of Sasaeai (sync format %lld); "
                     "this version reads format %d"), (long long) version, SA_SYNC_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_header (Reader      *reader,
             JsonObject  *header,
             GError     **error)
{
  SaSyncFile *file = reader->file;
  JsonNode *site = json_object_get_member (header, "site");
  JsonNode *sites = json_object_get_member (header, "sites");
  const char *exported_at = get_string (header, "exported_at");

  if (!read_version (reader, header, error) ||
      !read_site (reader, site, FALSE, error))
    return FALSE;
  file->site_id = g_strdup (get_string (json_node_get_object (site), "id"));
  file->site_name = g_strdup (get_string (json_node_get_object (site), "name"));
  file->clock = g_strdup (get_string (header, "hlc"));
  if (!check_clock (reader, file->clock, file->site_id, error))
    return FALSE;
  if (exported_at == NULL || !(file->exported_at = g_date_time_new_from_iso8601 (exported_at, NULL)))
    return format_error (error, reader->number, _("The export time is not a valid date and time"));
  if (!read_counts (reader, json_object_get_member (header, "counts"), error))
    return FALSE;

  if (sites == NULL || !JSON_NODE_HOLDS_ARRAY (sites))
    return format_error (error, reader->number, _("The header has no list of sites"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (sites)); i++)
    if (!read_site (reader, json_array_get_element (json_node_get_array (sites), i), TRUE, error))
      return FALSE;

  /* The writer has seen all of its own writes, whatever its list says. */
  if (g_strcmp0 (g_hash_table_lookup (file->known, file->site_id), file->clock) < 0)
    {
      g_hash_table_insert (file->known, g_strdup (file->site_id), g_strdup (file->clock));
      g_hash_table_insert (file->names, g_strdup (file->site_id), g_strdup (file->site_name));
    }
  reader->have_header = TRUE;
  return TRUE;
}

static gboolean
check_row_clocks (Reader     *reader,
                  SaRecord   *record,
                  GError    **error)
{
  GHashTable *clocks = sa_record_get_clocks (record);
  GHashTableIter iter;
  gpointer clock;

  if (!check_clock (reader, sa_record_get_hlc (record), NULL, error))
    return FALSE;
  if (clocks == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, clocks);
  while (g_hash_table_iter_next (&iter, NULL, &clock))
    {
      if (!check_clock (reader, clock, NULL, error))
        return FALSE;
      /* A field is written when or after its row is created, never before. */
      if (g_strcmp0 (clock, sa_record_get_hlc (record)) < 0)
        return format_error (error, reader->number, _("A field’s clock is older than its row’s"));
    }
  return TRUE;
}

static gboolean
read_row (Reader      *reader,
          JsonNode    *node,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SaRecord) record = sa_row_from_json (node, &local_error);
  const SaTable *table;
  guint rank;

  if (record == NULL)
    return format_error (error, reader->number, local_error->message);
  if (!check_row_clocks (reader, record, error))
    return FALSE;

  table = sa_record_get_table (record);
  if (g_hash_table_contains (reader->ids, sa_record_get_id (record)))
    {
      g_autofree char *message = g_strdup_printf (_("the id “%s” appears twice"), sa_record_get_id (record));
      return format_error (error, reader->number, message);
    }
  g_hash_table_insert (reader->ids, g_strdup (sa_record_get_id (record)), (gpointer) table->name);

  for (rank = 0; sa_schema_tables[rank] != table; rank++)
    ;
  reader->counted[rank]++;
  reader->n_rows++;
  g_ptr_array_add (reader->file->records, g_steal_pointer (&record));
  g_array_append_val (reader->file->lines, reader->number);
  return TRUE;
}

static gboolean
read_trailer (Reader      *reader,
              JsonObject  *trailer,
              GError     **error)
{
  gint64 rows;

  if (g_strcmp0 (get_string (trailer, "trailer"), SA_SYNC_FORMAT) != 0 ||
      !get_int (trailer, "rows", &rows) || get_string (trailer, "sha256") == NULL)
    return format_error (error, reader->number, _("The closing line is not valid"));
  if (rows != reader->n_rows)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                   _("The file should hold %lld rows but holds %u; it was cut short or altered"),
                   (long long) rows, reader->n_rows);
      return FALSE;
    }
  if (g_ascii_strcasecmp (get_string (trailer, "sha256"), g_checksum_get_string (reader->checksum)) != 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                   _("The file’s checksum does not match its contents; it was damaged or altered"));
      return FALSE;
    }
  reader->have_trailer = TRUE;
  return TRUE;
}

/* json-glib ends a string at an escaped NUL ("\u0000"): a title "A\u0000B" would
 * arrive as "A", silently. Returns a copy of @line where each such escape is
 * "\u0001" instead, a control character the check of every column refuses by the
 * column's name; %NULL when there is none. "\\u0000" is an escaped backslash
 * followed by text, not an escape. */
static char *
without_nul_escapes (const char *line,
                     gsize       length)
{
  char *copy = NULL;

  for (gsize i = 0; i + 1 < length; i++)
    {
      if (line[i] != '\\')
        continue;
      if (line[i + 1] == 'u' && i + 6 <= length && memcmp (line + i + 2, "0000", 4) == 0)
        {
          if (copy == NULL)
            copy = g_strndup (line, length);
          copy[i + 5] = '1';
        }
      i++;
    }
  return copy;
}

static gboolean
read_line (Reader      *reader,
           const char  *line,
           gsize        length,
           GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *no_nul = without_nul_escapes (line, length);
  JsonObject *object;

  reader->number++;
  if (reader->have_trailer)
    return format_error (error, reader->number, _("There is more after the closing line"));

  if (!(node = parse_json (reader->parser, no_nul ? no_nul : line, length, reader->number, error)))
    {
      if (!reader->have_header)
        g_prefix_error (error, _("This is not a Sasaeai sync file: "));
      return FALSE;
    }

  /* A row never has a member "trailer". */
  object = json_node_get_object (node);
  if (!reader->have_header)
    {
      if (!read_header (reader, object, error))
        return FALSE;
    }
  else if (json_object_has_member (object, "trailer"))
    return read_trailer (reader, object, error);
  else if (!read_row (reader, node, error))
    return FALSE;
  /* A row whose NUL was in text the checks pass, such as an unknown member. */
  if (no_nul != NULL)
    return format_error (error, reader->number, _("the NUL character (\\u0000) is not allowed"));

  g_checksum_update (reader->checksum, (const guchar *) line, length);
  g_checksum_update (reader->checksum, (const guchar *) "\n", 1);
  return TRUE;
}

static gboolean
check_counts (Reader  *reader,
              GError **error)
{
  for (guint i = 0; i < sa_schema_n_tables; i++)
    if (reader->expected[i] != reader->counted[i])
      {
        g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                     _("The header counts %lld rows of table “%s”, but the file holds %lld"),
                     (long long) reader->expected[i], sa_schema_tables[i]->name,
                     (long long) reader->counted[i]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
is_gzip (GBufferedInputStream  *buffered,
         GCancellable          *cancellable,
         GError               **error)
{
  const guchar *start;
  gsize available;

  if (g_buffered_input_stream_fill (buffered, SA_SYNC_CRYPT_MAGIC_LEN, cancellable, error) < 0)
    return FALSE;
  start = g_buffered_input_stream_peek_buffer (buffered, &available);
  if (available == 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The file is empty"));
      return FALSE;
    }
  if (sa_sync_crypt_is_sealed (start, available))
    {
      /* Opened by sa_sync_file_read_full(), which has the passphrase. */
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE,
                   _("This sync file is encrypted: its passphrase is needed to read it"));
      return FALSE;
    }
  if (available < 2 || start[0] != 0x1f || start[1] != 0x8b)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                   _("This is not a Sasaeai sync file: it is not gzip-compressed"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
decompress_error (GError  *local_error,
                  GError **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                 _("The file is truncated: its compressed data ends too soon"));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                 _("The file’s compressed data is damaged: %s"), local_error->message);
  else
    g_propagate_error (error, g_error_copy (local_error));
  return FALSE;
}

/* Splits the decompressed text into lines as it comes, so only one line is held as
 * text at a time; sizes are checked before anything grows past them. */
static gboolean
read_lines (Reader        *reader,
            GInputStream  *in,
            gsize          max_size,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GByteArray) pending = g_byte_array_new ();
  g_autofree char *chunk = g_malloc (CHUNK_SIZE);
  gsize total = 0;
  gssize n_read;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      const char *start = chunk;
      const char *end;

      n_read = g_input_stream_read (in, chunk, CHUNK_SIZE, cancellable, &local_error);
      if (n_read < 0)
        return decompress_error (local_error, error);
      if (n_read == 0)
        break;
      total += (gsize) n_read;
      if (total > max_size)
        {
          g_autofree char *size = g_format_size (max_size);

          g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                       _("The file is too large: more than %s once decompressed"), size);
          return FALSE;
        }

      end = chunk + n_read;
      while (start < end)
        {
          const char *eol = memchr (start, '\n', (gsize) (end - start));
          gsize length = (gsize) ((eol ? eol : end) - start);

          if (pending->len + length > SA_SYNC_MAX_LINE)
            {
              g_autofree char *size = g_format_size (SA_SYNC_MAX_LINE);

              g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                           _("Line %u is too long: more than %s"), reader->number + 1, size);
              return FALSE;
            }
          g_byte_array_append (pending, (const guint8 *) start, (guint) length);
          if (eol == NULL)
            break;
          if (!read_line (reader, (const char *) pending->data, pending->len, error))
            return FALSE;
          g_byte_array_set_size (pending, 0);
          start = eol + 1;
        }
    }

  if (pending->len > 0 || !reader->have_trailer)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                   _("The file is truncated: it ends after line %u, without its closing line"),
                   reader->number);
      return FALSE;
    }
  return check_counts (reader, error);
}

/**
 * sa_sync_file_read_stream:
 * @stream: the file's bytes, gzip-compressed
 * @max_size: the most bytes the decompressed text may take; %SA_SYNC_MAX_SIZE
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for what is wrong, with its line number
 *
 * Reads and checks a whole sync file: its compression, header, format and version,
 * every row against its table, duplicate ids, clocks, the row counts and checksum.
 * References to rows the file does not hold are left to sa_sync_file_import(), which
 * knows the database.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
SaSyncFile *
sa_sync_file_read_stream (GInputStream  *stream,
                          gsize          max_size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_auto(Reader) reader = { NULL, };

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  buffered = g_buffered_input_stream_new (stream);
  if (!is_gzip (G_BUFFERED_INPUT_STREAM (buffered), cancellable, error))
    return NULL;
  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  in = g_converter_input_stream_new (buffered, G_CONVERTER (decompressor));

  reader.file = g_object_new (SA_TYPE_SYNC_FILE, NULL);
  reader.checksum = g_checksum_new (G_CHECKSUM_SHA256);
  reader.parser = json_parser_new_immutable ();
  reader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.expected = g_new0 (gint64, sa_schema_n_tables);
  reader.counted = g_new0 (gint64, sa_schema_n_tables);
  reader.now_ms = sa_hlc_now_ms ();

  if (!read_lines (&reader, in, max_size, cancellable, error))
    return NULL;
  return g_steal_pointer (&reader.file);
}

/**
 * sa_sync_file_read:
 * @file: a `.sasaeai` file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for what is wrong, with its line number
 *
 * Returns: (transfer full) (nullable): the file's contents, checked
 */
SaSyncFile *
sa_sync_file_read (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;
  return sa_sync_file_read_stream (G_INPUT_STREAM (stream), SA_SYNC_MAX_SIZE, cancellable, error);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  SaSyncFile *self = sa_sync_file_read (task_data, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

/**
 * sa_sync_file_read_async:
 * @file: a `.sasaeai` file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is read
 * @user_data: data for @callback
 *
 * Reads and checks @file in a worker thread, so a window stays responsive.
 */
void
sa_sync_file_read_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_sync_file_read_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * sa_sync_file_read_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the file's contents, checked
 */
SaSyncFile *
sa_sync_file_read_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
sa_sync_file_get_site_id (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->site_id;
}

const char *
sa_sync_file_get_site_name (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->site_name;
}

/**
 * sa_sync_file_get_exported_at:
 * @self: a sync file
 *
 * Returns: (transfer none): when the file was written
 */
GDateTime *
sa_sync_file_get_exported_at (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->exported_at;
}

/**
 * sa_sync_file_get_clock:
 * @self: a sync file
 *
 * Returns: the writing site's clock when it wrote the file
 */
const char *
sa_sync_file_get_clock (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->clock;
}

/**
 * sa_sync_file_get_records:
 * @self: a sync file
 *
 * Returns: (transfer none) (element-type SaRecord): the rows, in the file's order
 */
GPtrArray *
sa_sync_file_get_records (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->records;
}

/* ---- Importing ---------------------------------------------------------------------- */

static gboolean
reference_exists (SaStore       *store,
                  GHashTable    *in_file,
                  GHashTable    *in_store,
                  const SaTable *table,
                  const char    *id)
{
  if (g_strcmp0 (g_hash_table_lookup (in_file, id), table->name) == 0 ||
      g_hash_table_contains (in_store, id))
    return TRUE;
  if (store == NULL || !sa_store_exists (store, table, id, TRUE))
    return FALSE;
  g_hash_table_add (in_store, g_strdup (id));
  return TRUE;
}

/**
 * sa_sync_file_check_references:
 * @self: a sync file
 * @store: (nullable): the database the file is to be merged into
 * @error: return location for the first reference that leads nowhere, with its line
 *
 * Checks that every reference names a row of the file or of @store (tombstones count:
 * a deleted row is still there to be referred to).
 */
gboolean
sa_sync_file_check_references (SaSyncFile  *self,
                               SaStore     *store,
                               GError     **error)
{
  g_autoptr(GHashTable) in_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) in_store = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (SA_IS_SYNC_FILE (self), FALSE);

  for (guint i = 0; i < self->records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (self->records, i);
      g_hash_table_insert (in_file, (gpointer) sa_record_get_id (record),
                           (gpointer) sa_record_get_table (record)->name);
    }

  for (guint i = 0; i < self->records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (self->records, i);
      const SaTable *table = sa_record_get_table (record);

      for (guint c = 0; c < table->n_columns; c++)
        {
          const SaColumn *column = &table->columns[c];
          const char *id = sa_record_get_text (record, c);
          g_autofree char *message = NULL;

          if (column->type != SA_COLUMN_REF || id == NULL ||
              reference_exists (store, in_file, in_store, sa_schema_find_table (column->ref), id))
            continue;
          message = g_strdup_printf (_("%s: there is no %s with id “%s”, in the file or in the database"),
                                     _(column->label), column->ref, id);
          g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("Line %u: %s"),
                       g_array_index (self->lines, guint, i), message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_file (SaSyncFile      *self,
             SaStore         *store,
             gboolean         dry_run,
             gboolean         partial,
             SaImportReport  *report,
             GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  SaImportOptions options = { 0, };

  g_return_val_if_fail (SA_IS_SYNC_FILE (self), FALSE);
  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  *report = (SaImportReport) { 0, };
  if (!sa_sync_file_check_references (self, store, error))
    return FALSE;

  options = (SaImportOptions) { self->site_id, self->site_name, self->known, self->names, dry_run,
                                .partial = partial };
  /* The import sorts the rows; the file's own order stays for its line numbers. */
  records = g_ptr_array_new_full (self->records->len, g_object_unref);
  for (guint i = 0; i < self->records->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (self->records, i)));
  return sa_import_records_full (store, records, &options, report, error);
}

/**
 * sa_sync_file_import:
 * @self: a sync file, as read
 * @store: the database to merge it into
 * @dry_run: report what the import would do, and write nothing
 * @report: (out caller-allocates): what the import did, with its conflicts; clear
 *   it with sa_import_report_clear()
 * @error: return location for an error
 *
 * Checks the file's references, then merges every row field by field in one
 * transaction (sa_import_records_full()). On any error nothing is written.
 */
gboolean
sa_sync_file_import (SaSyncFile      *self,
                     SaStore         *store,
                     gboolean         dry_run,
                     SaImportReport  *report,
                     GError         **error)
{
  return import_file (self, store, dry_run, FALSE, report, error);
}

/**
 * sa_sync_file_import_segment:
 * @self: a segment of a sync folder, as read: only some of its site's rows
 * @store: the database to merge it into
 * @report: (out caller-allocates): what the import did
 * @error: return location for an error
 *
 * Like sa_sync_file_import(), but afterwards counts this site up to date with the
 * writing site's own writes alone (#SaImportOptions.partial).
 */
gboolean
sa_sync_file_import_segment (SaSyncFile      *self,
                             SaStore         *store,
                             SaImportReport  *report,
                             GError         **error)
{
  return import_file (self, store, FALSE, TRUE, report, error);
}
