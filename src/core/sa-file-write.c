/* sa-file-write.c: writing a whole file so that it appears whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-file-write.h"

/**
 * sa_file_write_atomically:
 * @file: the file to write
 * @contents: all of its contents
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @contents to a temporary file beside @file, syncs it to disk and renames it
 * over @file, so a crash or a full disk never leaves part of a file under its name.
 * g_file_replace() alone is not enough: when @file does not exist yet it writes
 * under the final name directly. Files without a local path (a remote share mounted
 * through GVfs) go through g_file_replace_contents().
 */
gboolean
sa_file_write_atomically (GFile         *file,
                          GBytes        *contents,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *path = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  data = g_bytes_get_data (contents, &length);
  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, error);
  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0666, error);
}
