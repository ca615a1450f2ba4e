/* fuzz-sync-file.c: libFuzzer target for the sync-file reader
 *
 * Input that is not gzip is compressed first, so most runs reach the line parser and
 * the row checks rather than stopping at the gzip header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "sa-sync-file.h"

/* Small enough that a run never spends its time on a decompression bomb. */
#define FUZZ_MAX_SIZE ((gsize) 8 * 1024 * 1024)

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning is a bug the fuzzer should report as a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static GBytes *
compressed (const uint8_t *data,
            size_t         size)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return g_bytes_new (data, size);

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  memory = g_memory_output_stream_new_resizable ();
  out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_output_stream_write_all (out, data, size, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = compressed (data, size);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(SaSyncFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = sa_sync_file_read_stream (stream, FUZZ_MAX_SIZE, NULL, &error);
  if (file != NULL)
    {
      GPtrArray *records = sa_sync_file_get_records (file);

      /* Every row a file brings passes the checks a local edit does: no control
       * character, no NUL cutting a text short, no date out of range. */
      for (guint i = 0; i < records->len; i++)
        g_assert (sa_record_validate (g_ptr_array_index (records, i), NULL));
      sa_sync_file_check_references (file, NULL, NULL);
    }
  else
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  return 0;
}
