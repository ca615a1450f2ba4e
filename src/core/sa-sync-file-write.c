/* sa-sync-file-write.c: writing a site's whole sync file (export)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-file-write.h"
#include "sa-row.h"
#include "sa-schema.h"
#include "sa-store-private.h"
#include "sa-sync-crypt.h"
#include "sa-sync-file.h"
#include "sa-sync-file-private.h"

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
  trailer = _sa_sync_file_build_trailer (writer->n_rows, g_checksum_get_string (writer->checksum));
  return write_line (writer, trailer, FALSE, cancellable, error) && flush_lines (writer, cancellable, error);
}

/* The tables are read in id order, a random page a row: through memory-mapped I/O
 * rather than a read() a page, which took a third of the export's processor time.
 * Only while the export reads, as a mapped file's I/O error is a signal, not an
 * error SQLite can return. */
#define EXPORT_MMAP_BYTES G_GINT64_CONSTANT (1073741824)

static void
set_mmap_size (SaStore *store,
               gint64   size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA mmap_size = %" G_GINT64_FORMAT, size);
  sqlite3_stmt *stmt = _sa_store_prepare (store, sql, NULL);

  /* It answers with the size it took. */
  if (stmt != NULL)
    {
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
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
  gboolean ok;

  if (!sa_store_begin (store, error))
    return NULL;
  set_mmap_size (store, EXPORT_MMAP_BYTES);
  ok = write_rows (&writer, store, cancellable, error);
  set_mmap_size (store, 0);
  if (!ok)
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
