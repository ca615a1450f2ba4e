/* sa-sync-file-read.c: reading and checking a sync file whole, line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <string.h>

#include "sa-error.h"
#include "sa-hlc.h"
#include "sa-row.h"
#include "sa-schema.h"
#include "sa-sync-crypt.h"
#include "sa-sync-file.h"
#include "sa-sync-file-lines.h"
#include "sa-sync-file-private.h"

#define CHUNK_SIZE (64 * 1024)

/* ---- Reading ------------------------------------------------------------------------ */

typedef struct
{
  SaSyncFile *file;
  gnutls_hash_hd_t checksum; /* SHA-256 through GnuTLS, which uses the processor's SHA
                              * instructions: a third of GChecksum's time */
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
  if (reader->checksum != NULL)
    gnutls_hash_deinit (reader->checksum, NULL);
  reader->checksum = NULL;
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

/* Where the JSON value that starts @line ends. json-glib 1.6 reads an object or an
 * array that follows the root and drops it, so "{row}{row}" passes as the first row;
 * the line has been parsed, so counting brackets outside strings finds the end. */
static const char *
end_of_value (const char *line,
              const char *end)
{
  guint depth = 0;

  for (const char *p = line; p < end; p++)
    {
      if (*p == '"')
        {
          /* Past the string, escapes included. */
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
              p++;
        }
      else if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && --depth == 0)
        return p + 1;
    }
  return end;
}

static gboolean
only_space (const char *p,
            const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p == end;
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
  /* json-glib checks the text is UTF-8 before anything else: checking it here too
   * only pays when it refuses the line, to say which fault it is. */
  if (!json_parser_load_from_data (parser, line, length, &local_error))
    {
      if (!g_utf8_validate (line, length, NULL))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Line %u is not valid UTF-8 text"), number);
          return NULL;
        }
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
  if (!only_space (end_of_value (line, line + length), line + length))
    {
      format_error (error, number, _("The line holds more after its JSON object"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* A clock from the file: well formed, and not more than a day ahead of this computer,
 * which would let one PC with a wrong date win every later edit. */
static gboolean
check_clock (gint64       now_ms,
             guint        number,
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
      return format_error (error, number, message);
    }
  if (wall > now_ms + SA_HLC_MAX_SKEW_MS)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (wall / 1000);
      g_autofree char *text = when ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("?");
      g_autofree char *message =
        g_strdup_printf (_("A change is dated %s UTC, more than a day ahead of this computer’s clock"), text);
      return format_error (error, number, message);
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
  const char *id = object ? sa_json_member_string (object, "id") : NULL;
  const char *name = object ? sa_json_member_string (object, "name") : NULL;
  const char *clock = object ? sa_json_member_string (object, "hlc") : NULL;

  if (!sa_id_is_valid (id) || name == NULL || g_utf8_strlen (name, -1) > 100)
    return format_error (error, reader->number, _("A site needs a valid id and a name of at most 100 characters"));
  if (with_clock)
    {
      if (!check_clock (reader->now_ms, reader->number, clock, id, error))
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

  if (g_strcmp0 (sa_json_member_string (header, "format"), SA_SYNC_FORMAT) != 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                   _("This is not a Sasaeai sync file: its format is “%s”"),
                   sa_json_member_string (header, "format") ? sa_json_member_string (header, "format") : "");
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
  const char *exported_at = sa_json_member_string (header, "exported_at");

  if (!read_version (reader, header, error) ||
      !read_site (reader, site, FALSE, error))
    return FALSE;
  file->site_id = g_strdup (sa_json_member_string (json_node_get_object (site), "id"));
  file->site_name = g_strdup (sa_json_member_string (json_node_get_object (site), "name"));
  file->clock = g_strdup (sa_json_member_string (header, "hlc"));
  if (!check_clock (reader->now_ms, reader->number, file->clock, file->site_id, error))
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
check_row_clocks (gint64      now_ms,
                  guint       number,
                  SaRecord   *record,
                  GError    **error)
{
  GHashTable *clocks = sa_record_get_clocks (record);
  GHashTableIter iter;
  gpointer clock;

  if (!check_clock (now_ms, number, sa_record_get_hlc (record), NULL, error))
    return FALSE;
  if (clocks == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, clocks);
  while (g_hash_table_iter_next (&iter, NULL, &clock))
    {
      if (!check_clock (now_ms, number, clock, NULL, error))
        return FALSE;
      /* A field is written when or after its row is created, never before. */
      if (g_strcmp0 (clock, sa_record_get_hlc (record)) < 0)
        return format_error (error, number, _("A field’s clock is older than its row’s"));
    }
  return TRUE;
}

/* A row made on another thread (parse_line), now checked against the rows before. */
static gboolean
add_row (Reader      *reader,
         SaRecord    *row,
         GError     **error)
{
  g_autoptr(SaRecord) record = row;
  const SaTable *table = sa_record_get_table (record);
  guint rank;

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

/* The hex digest of the lines so far into @text; the hash goes on. */
static const char *
checksum_string (Reader *reader,
                 char    text[65])
{
  static const char hex[] = "0123456789abcdef";
  guchar digest[32];
  gnutls_hash_hd_t copy = gnutls_hash_copy (reader->checksum);

  g_return_val_if_fail (copy != NULL, "");
  gnutls_hash_deinit (copy, digest);
  for (guint i = 0; i < sizeof digest; i++)
    {
      text[2 * i] = hex[digest[i] >> 4];
      text[2 * i + 1] = hex[digest[i] & 15];
    }
  text[64] = '\0';
  return text;
}

static gboolean
read_trailer (Reader      *reader,
              JsonObject  *trailer,
              GError     **error)
{
  gint64 rows;
  char digest[65];

  if (g_strcmp0 (sa_json_member_string (trailer, "trailer"), SA_SYNC_FORMAT) != 0 ||
      !get_int (trailer, "rows", &rows) || sa_json_member_string (trailer, "sha256") == NULL)
    return format_error (error, reader->number, _("The closing line is not valid"));
  if (rows != reader->n_rows)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                   _("The file should hold %lld rows but holds %u; it was cut short or altered"),
                   (long long) rows, reader->n_rows);
      return FALSE;
    }
  if (g_ascii_strcasecmp (sa_json_member_string (trailer, "sha256"), checksum_string (reader, digest)) != 0)
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

/* On another thread, for any line: parsed, and a row's record made and its clocks
 * checked; the header and the closing line are kept as parsed. */
static void
parse_line (SaSyncLine *line,
            JsonParser *parser,
            gpointer    data)
{
  Reader *reader = data;
  g_autofree char *no_nul = without_nul_escapes (line->text, line->length);
  g_autoptr(JsonNode) node = parse_json (parser, no_nul ? no_nul : line->text, line->length, line->number,
                                         &line->error);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SaRecord) record = NULL;

  line->has_nul = no_nul != NULL;
  if (node == NULL)
    return;
  /* A row never has a member "trailer". */
  if (line->number == 1 || json_object_has_member (json_node_get_object (node), "trailer"))
    line->node = g_steal_pointer (&node);
  else if (!(record = sa_row_from_json (node, &local_error)))
    format_error (&line->error, line->number, local_error->message);
  else if (check_row_clocks (reader->now_ms, line->number, record, &line->error))
    line->object = G_OBJECT (g_steal_pointer (&record));
}

/* The lines in their order, each checked against those before it. */
static gboolean
take_line (Reader      *reader,
           SaSyncLine  *line,
           GError     **error)
{
  reader->number = line->number;
  if (reader->have_trailer)
    return format_error (error, reader->number, _("There is more after the closing line"));
  if (line->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&line->error));
      if (!reader->have_header)
        g_prefix_error (error, _("This is not a Sasaeai sync file: "));
      return FALSE;
    }

  if (!reader->have_header)
    {
      if (!read_header (reader, json_node_get_object (line->node), error))
        return FALSE;
    }
  else if (line->object == NULL)
    return read_trailer (reader, json_node_get_object (line->node), error);
  else if (!add_row (reader, SA_RECORD (g_steal_pointer (&line->object)), error))
    return FALSE;
  /* A row whose NUL was in text the checks pass, such as an unknown member. */
  if (line->has_nul)
    return format_error (error, reader->number, _("the NUL character (\\u0000) is not allowed"));

  gnutls_hash (reader->checksum, line->text, line->length);
  gnutls_hash (reader->checksum, "\n", 1);
  return TRUE;
}

/* Takes the lines parsed so far; with @all, every line added, waiting for them. */
static gboolean
take_lines (Reader       *reader,
            SaSyncLines  *lines,
            gboolean      all,
            GError      **error)
{
  SaSyncLine *line;

  while ((line = sa_sync_lines_next (lines, all)) != NULL)
    if (!take_line (reader, line, error))
      return FALSE;
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

static gboolean
too_large (gsize    max_size,
           GError **error)
{
  g_autofree char *size = g_format_size (max_size);

  g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The file is too large: more than %s once decompressed"), size);
  return FALSE;
}

static gboolean
too_long (guint    number,
          GError **error)
{
  g_autofree char *size = g_format_size (SA_SYNC_MAX_LINE);

  g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Line %u is too long: more than %s"), number, size);
  return FALSE;
}

/* Splits the decompressed text into lines as it comes, so that only the lines being
 * parsed are held as text; sizes are checked before anything grows past them. A
 * fault in the text is told after the lines before it are taken, as one of them may
 * have a fault of its own. */
static gboolean
read_lines (Reader        *reader,
            GInputStream  *in,
            gsize          max_size,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(SaSyncLines) lines = sa_sync_lines_new (parse_line, reader);
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
        return take_lines (reader, lines, TRUE, error) && decompress_error (local_error, error);
      if (n_read == 0)
        break;
      total += (gsize) n_read;
      if (total > max_size)
        return take_lines (reader, lines, TRUE, error) && too_large (max_size, error);

      end = chunk + n_read;
      while (start < end)
        {
          const char *eol = memchr (start, '\n', (gsize) (end - start));
          gsize length = (gsize) ((eol ? eol : end) - start);

          if (pending->len + length > SA_SYNC_MAX_LINE)
            return take_lines (reader, lines, TRUE, error) && too_long (reader->number + 1, error);
          g_byte_array_append (pending, (const guint8 *) start, (guint) length);
          if (eol == NULL)
            break;
          sa_sync_lines_add (lines, (const char *) pending->data, pending->len);
          if (!take_lines (reader, lines, FALSE, error))
            return FALSE;
          g_byte_array_set_size (pending, 0);
          start = eol + 1;
        }
    }

  if (!take_lines (reader, lines, TRUE, error))
    return FALSE;
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
  if (gnutls_hash_init (&reader.checksum, GNUTLS_DIG_SHA256) < 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("SHA-256 is not available to check the file"));
      return NULL;
    }
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
