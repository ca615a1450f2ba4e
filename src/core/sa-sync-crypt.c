/* sa-sync-crypt.c: sync files sealed with a shared passphrase
 *
 * Files leave the office on USB sticks and by mail, and may hold personal information.
 * A sealed file wraps the plain sync file (gzip bytes, unchanged) in GnuTLS's
 * AES-256-GCM, keyed by PBKDF2-HMAC-SHA256 of the passphrase with a random salt. The
 * payload is cut into chunks, each sealed with its own nonce and with the header, its
 * index and a "last chunk" flag as associated data, so a changed byte, reordered chunks
 * and a file cut short at a chunk boundary all fail. Only the header is readable: magic,
 * version, key derivation parameters, salt (docs/sync-format.md). No cryptography here
 * is our own; this file only frames GnuTLS's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <string.h>

#include "sa-error.h"
#include "sa-sync-crypt.h"

G_DEFINE_QUARK (sa-sync-crypt-error-quark, sa_sync_crypt_error)

#define KDF_PBKDF2_SHA256 1
#define CIPHER_AES_256_GCM 1
#define KEY_LEN 32
#define SALT_LEN 16
#define PREFIX_LEN 8
#define NONCE_LEN 12
#define TAG_LEN 16
/* magic, version (2), kdf (1), cipher (1), iterations (4), salt, nonce prefix, chunk (4) */
#define AD_LEN (SA_SYNC_CRYPT_MAGIC_LEN + 8 + SALT_LEN + PREFIX_LEN + 4)
#define HEADER_LEN (AD_LEN + TAG_LEN)   /* then the key check: a tag over the header */
#define CHECK_COUNTER G_MAXUINT32       /* the key check's nonce; chunks count from 0 */
/* Bounds a reader accepts: enough work to slow guessing, not so much that a hostile
 * header keeps the program busy for hours. */
#define MIN_ITERATIONS 100000
#define MAX_ITERATIONS 100000000
#define MAX_CHUNK ((gsize) 16 * 1024 * 1024)

typedef struct
{
  guint8  ad[AD_LEN];
  guint32 iterations;
  gsize   chunk;
  const guint8 *salt;
  const guint8 *prefix;
} Header;

/**
 * sa_sync_crypt_is_sealed:
 * @data: the first bytes of a file
 * @length: how many
 *
 * Returns: whether the bytes begin an encrypted sync file
 */
gboolean
sa_sync_crypt_is_sealed (const void *data,
                         gsize       length)
{
  return length >= SA_SYNC_CRYPT_MAGIC_LEN &&
         memcmp (data, SA_SYNC_CRYPT_MAGIC, SA_SYNC_CRYPT_MAGIC_LEN) == 0;
}

/**
 * sa_sync_crypt_check_passphrase:
 * @passphrase: (nullable): a passphrase
 * @error: return location for why it cannot be used
 *
 * Returns: whether @passphrase is UTF-8 and not empty
 */
gboolean
sa_sync_crypt_check_passphrase (const char  *passphrase,
                                GError     **error)
{
  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_BAD_PASSPHRASE,
                   _("The passphrase is empty"));
      return FALSE;
    }
  if (!g_utf8_validate (passphrase, -1, NULL))
    {
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_BAD_PASSPHRASE,
                   _("The passphrase is not valid UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

static void
put_u32 (guint8  *p,
         guint32  value)
{
  value = GUINT32_TO_BE (value);
  memcpy (p, &value, 4);
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 value;

  memcpy (&value, p, 4);
  return GUINT32_FROM_BE (value);
}

static gboolean
gnutls_failed (int      code,
               GError **error)
{
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("Encryption failed: %s"), gnutls_strerror (code));
  return FALSE;
}

/* The passphrase in Unicode normal form C, so the same words typed through different
 * input methods give the same key. */
static gboolean
derive_key (const char    *passphrase,
            const Header  *header,
            guint8        *key,
            GError       **error)
{
  g_autofree char *normal = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
  gnutls_datum_t secret = { (unsigned char *) normal, (unsigned int) strlen (normal) };
  gnutls_datum_t salt = { (unsigned char *) header->salt, SALT_LEN };
  int code = gnutls_pbkdf2 (GNUTLS_MAC_SHA256, &secret, &salt, header->iterations, key, KEY_LEN);

  gnutls_memset (normal, 0, strlen (normal));
  return code == 0 || gnutls_failed (code, error);
}

static gboolean
open_cipher (const char                *passphrase,
             const Header              *header,
             gnutls_aead_cipher_hd_t   *cipher,
             GError                   **error)
{
  guint8 key[KEY_LEN];
  gnutls_datum_t datum = { key, KEY_LEN };
  int code;

  if (!derive_key (passphrase, header, key, error))
    return FALSE;
  code = gnutls_aead_cipher_init (cipher, GNUTLS_CIPHER_AES_256_GCM, &datum);
  gnutls_memset (key, 0, KEY_LEN);
  return code == 0 || gnutls_failed (code, error);
}

static void
make_nonce (const Header *header,
            guint32       counter,
            guint8       *nonce)
{
  memcpy (nonce, header->prefix, PREFIX_LEN);
  put_u32 (nonce + PREFIX_LEN, counter);
}

/* A chunk's associated data: the header, its index and whether it is the last. */
static void
make_chunk_ad (const Header *header,
               guint32       index,
               gboolean      last,
               guint8       *ad)
{
  memcpy (ad, header->ad, AD_LEN);
  put_u32 (ad + AD_LEN, index);
  ad[AD_LEN + 4] = last ? 1 : 0;
}

static void
header_parse_ad (Header *header)
{
  header->iterations = get_u32 (header->ad + SA_SYNC_CRYPT_MAGIC_LEN + 4);
  header->salt = header->ad + SA_SYNC_CRYPT_MAGIC_LEN + 8;
  header->prefix = header->salt + SALT_LEN;
  header->chunk = get_u32 (header->prefix + PREFIX_LEN);
}

static void
header_build (Header  *header,
              guint32  iterations)
{
  guint8 *p = header->ad;

  memcpy (p, SA_SYNC_CRYPT_MAGIC, SA_SYNC_CRYPT_MAGIC_LEN);
  p += SA_SYNC_CRYPT_MAGIC_LEN;
  p[0] = 0;
  p[1] = SA_SYNC_CRYPT_VERSION;
  p[2] = KDF_PBKDF2_SHA256;
  p[3] = CIPHER_AES_256_GCM;
  put_u32 (p + 4, iterations);
  /* Random salt and nonce prefix: a new key and new nonces for every file. */
  gnutls_rnd (GNUTLS_RND_RANDOM, p + 8, SALT_LEN + PREFIX_LEN);
  put_u32 (p + 8 + SALT_LEN + PREFIX_LEN, (guint32) SA_SYNC_CRYPT_CHUNK);
  header_parse_ad (header);
}

static gboolean
seal_part (gnutls_aead_cipher_hd_t   cipher,
           const Header             *header,
           guint32                   counter,
           const guint8             *ad,
           gsize                     ad_len,
           const guint8             *plain,
           gsize                     length,
           GByteArray               *out,
           GError                  **error)
{
  guint8 nonce[NONCE_LEN];
  gsize start = out->len;
  size_t written = length + TAG_LEN;
  int code;

  make_nonce (header, counter, nonce);
  g_byte_array_set_size (out, (guint) (start + written));
  code = gnutls_aead_cipher_encrypt (cipher, nonce, NONCE_LEN, ad, ad_len, TAG_LEN,
                                     plain, length, out->data + start, &written);
  if (code != 0)
    return gnutls_failed (code, error);
  g_byte_array_set_size (out, (guint) (start + written));
  return TRUE;
}

/**
 * sa_sync_crypt_seal:
 * @plain: a plain sync file's bytes
 * @passphrase: the shared passphrase
 * @iterations: PBKDF2's iterations; 0 for %SA_SYNC_CRYPT_ITERATIONS
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the encrypted file's bytes
 */
GBytes *
sa_sync_crypt_seal (GBytes      *plain,
                    const char  *passphrase,
                    guint        iterations,
                    GError     **error)
{
  g_autoptr(GByteArray) out = NULL;
  gnutls_aead_cipher_hd_t cipher = NULL;
  Header header = { { 0, }, };
  gsize length, offset = 0;
  const guint8 *data;
  guint32 index = 0;
  gboolean ok;

  g_return_val_if_fail (plain != NULL, NULL);

  if (!sa_sync_crypt_check_passphrase (passphrase, error))
    return NULL;
  data = g_bytes_get_data (plain, &length);
  if (length / SA_SYNC_CRYPT_CHUNK >= CHECK_COUNTER - 1)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("The file is too large to encrypt"));
      return NULL;
    }
  header_build (&header, iterations ? iterations : SA_SYNC_CRYPT_ITERATIONS);
  if (!open_cipher (passphrase, &header, &cipher, error))
    return NULL;

  out = g_byte_array_sized_new ((guint) (HEADER_LEN + length + (length / SA_SYNC_CRYPT_CHUNK + 1) * TAG_LEN));
  g_byte_array_append (out, header.ad, AD_LEN);
  /* The key check: a tag over the header alone, so a wrong passphrase is told from a
   * damaged chunk. */
  ok = seal_part (cipher, &header, CHECK_COUNTER, header.ad, AD_LEN, NULL, 0, out, error);
  do
    {
      gsize size = MIN (SA_SYNC_CRYPT_CHUNK, length - offset);
      gboolean last = offset + size == length;
      guint8 ad[AD_LEN + 5];

      make_chunk_ad (&header, index, last, ad);
      ok = ok && seal_part (cipher, &header, index, ad, sizeof ad, data + offset, size, out, error);
      offset += size;
      index++;
    }
  while (ok && offset < length);
  gnutls_aead_cipher_deinit (cipher);
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
damaged (GError **error,
         guint    index,
         guint    n_chunks)
{
  g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED,
               _("The encrypted file is damaged or was altered: part %u of %u fails its check"),
               index + 1, n_chunks);
  return FALSE;
}

static gboolean
read_header (const guint8  *data,
             gsize          length,
             Header        *header,
             GError       **error)
{
  const guint8 *p = data + SA_SYNC_CRYPT_MAGIC_LEN;

  if (length < HEADER_LEN + TAG_LEN)
    {
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED,
                   _("The encrypted file is truncated: it ends inside its header"));
      return FALSE;
    }
  if (p[0] != 0 || p[1] > SA_SYNC_CRYPT_VERSION)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_VERSION,
                   _("This encrypted sync file was written by a newer version of Sasaeai (encryption version %u); "
                     "update Sasaeai to read it"), (guint) (p[0] << 8 | p[1]));
      return FALSE;
    }
  memcpy (header->ad, data, AD_LEN);
  header_parse_ad (header);
  if (p[1] == 0 || p[2] != KDF_PBKDF2_SHA256 || p[3] != CIPHER_AES_256_GCM ||
      header->iterations < MIN_ITERATIONS || header->iterations > MAX_ITERATIONS ||
      header->chunk == 0 || header->chunk > MAX_CHUNK)
    {
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED,
                   _("The encrypted file’s header is damaged: its encryption settings are not valid"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_part (gnutls_aead_cipher_hd_t   cipher,
           const Header             *header,
           guint32                   counter,
           const guint8             *ad,
           gsize                     ad_len,
           const guint8             *sealed,
           gsize                     length,
           guint8                   *plain)
{
  guint8 nonce[NONCE_LEN];
  guint8 scratch[1];
  size_t written = length - TAG_LEN;

  make_nonce (header, counter, nonce);
  return gnutls_aead_cipher_decrypt (cipher, nonce, NONCE_LEN, ad, ad_len, TAG_LEN, sealed, length,
                                     plain ? plain : scratch, &written) == 0;
}

/* A last chunk that fails as the last but opens as an inner one: the rest was cut off. */
static gboolean
fail_chunk (gnutls_aead_cipher_hd_t   cipher,
            const Header             *header,
            guint32                   index,
            guint                     n_chunks,
            const guint8             *sealed,
            gsize                     length,
            guint8                   *plain,
            GError                  **error)
{
  guint8 ad[AD_LEN + 5];

  make_chunk_ad (header, index, FALSE, ad);
  if (index + 1 == n_chunks && open_part (cipher, header, index, ad, sizeof ad, sealed, length, plain))
    {
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED,
                   _("The encrypted file is truncated: its end is missing"));
      return FALSE;
    }
  return damaged (error, index, n_chunks);
}

static gboolean
open_chunks (gnutls_aead_cipher_hd_t   cipher,
             const Header             *header,
             const guint8             *data,
             gsize                     length,
             guint8                   *plain,
             gsize                    *plain_length,
             GError                  **error)
{
  gsize sealed_chunk = header->chunk + TAG_LEN;
  guint n_chunks = (guint) ((length + sealed_chunk - 1) / sealed_chunk);
  gsize offset = 0;

  *plain_length = 0;
  for (guint32 index = 0; offset < length; index++)
    {
      gsize size = MIN (sealed_chunk, length - offset);
      gboolean last = offset + size == length;
      guint8 ad[AD_LEN + 5];

      if (size < TAG_LEN)
        return damaged (error, index, n_chunks);
      make_chunk_ad (header, index, last, ad);
      if (!open_part (cipher, header, index, ad, sizeof ad, data + offset, size, plain + *plain_length))
        return fail_chunk (cipher, header, index, n_chunks, data + offset, size, plain + *plain_length, error);
      *plain_length += size - TAG_LEN;
      offset += size;
    }
  return TRUE;
}

/**
 * sa_sync_crypt_open:
 * @sealed: an encrypted sync file's bytes
 * @passphrase: (nullable): the shared passphrase
 * @error: return location for why the file cannot be opened: no passphrase, the
 *   wrong one, a damaged or truncated file
 *
 * Checks every chunk before it returns anything.
 *
 * Returns: (transfer full) (nullable): the plain sync file's bytes
 */
GBytes *
sa_sync_crypt_open (GBytes      *sealed,
                    const char  *passphrase,
                    GError     **error)
{
  gnutls_aead_cipher_hd_t cipher = NULL;
  Header header = { { 0, }, };
  g_autofree guint8 *plain = NULL;
  gsize length, plain_length;
  const guint8 *data;
  gboolean ok;

  g_return_val_if_fail (sealed != NULL, NULL);

  data = g_bytes_get_data (sealed, &length);
  if (!sa_sync_crypt_is_sealed (data, length))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("This is not an encrypted Sasaeai sync file"));
      return NULL;
    }
  if (passphrase == NULL)
    {
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE,
                   _("This sync file is encrypted: its passphrase is needed to read it"));
      return NULL;
    }
  if (!sa_sync_crypt_check_passphrase (passphrase, error) ||
      !read_header (data, length, &header, error) ||
      !open_cipher (passphrase, &header, &cipher, error))
    return NULL;

  if (!open_part (cipher, &header, CHECK_COUNTER, header.ad, AD_LEN, data + AD_LEN, TAG_LEN, NULL))
    {
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_WRONG_PASSPHRASE,
                   _("The passphrase is wrong (or the file’s header was altered): the file was not read"));
      ok = FALSE;
    }
  else
    {
      plain = g_malloc (length);
      ok = open_chunks (cipher, &header, data + HEADER_LEN, length - HEADER_LEN, plain, &plain_length, error);
    }
  gnutls_aead_cipher_deinit (cipher);
  if (!ok)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&plain), plain_length);
}

/**
 * sa_sync_crypt_read_passphrase_file:
 * @path: a file whose first line is the passphrase
 * @others_can_read: (out) (optional): set when the file's group or others may read it
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the first line without its line end; never empty
 */
char *
sa_sync_crypt_read_passphrase_file (const char  *path,
                                    gboolean    *others_can_read,
                                    GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf info;
  gsize length;
  char *eol;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &info) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot read the passphrase file: %s"), g_strerror (saved));
      return NULL;
    }
  if (others_can_read != NULL)
    *others_can_read = (info.st_mode & 077) != 0;
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_BAD_PASSPHRASE,
                   _("The passphrase file holds a NUL byte"));
      return NULL;
    }
  if ((eol = strchr (contents, '\n')) != NULL)
    *eol = '\0';
  if ((eol = strchr (contents, '\r')) != NULL)
    *eol = '\0';
  if (!sa_sync_crypt_check_passphrase (contents, error))
    {
      gnutls_memset (contents, 0, length);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

/* ---- Sync files with a passphrase --------------------------------------------------- */

static SaSyncFile *
read_sealed (GInputStream  *in,
             const char    *passphrase,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GInputStream) stream = NULL;
  gssize copied;

  if (passphrase == NULL)
    {
      g_set_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE,
                   _("This sync file is encrypted: its passphrase is needed to read it"));
      return NULL;
    }
  /* Bounded by the file's size on disk, checked by the caller. */
  copied = g_output_stream_splice (memory, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, cancellable, error);
  if (copied < 0)
    return NULL;
  sealed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  if (!(plain = sa_sync_crypt_open (sealed, passphrase, error)))
    return NULL;
  g_clear_pointer (&sealed, g_bytes_unref);
  stream = g_memory_input_stream_new_from_bytes (plain);
  return sa_sync_file_read_stream (stream, SA_SYNC_MAX_SIZE, cancellable, error);
}

/**
 * sa_sync_file_read_full:
 * @file: a `.sasaeai` file, plain or encrypted
 * @passphrase: (nullable): the passphrase for an encrypted file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for what is wrong
 *
 * Like sa_sync_file_read(), and opens an encrypted file with @passphrase. A plain file
 * is read as it is, whether or not a passphrase is given.
 *
 * Returns: (transfer full) (nullable): the file's contents, checked
 */
SaSyncFile *
sa_sync_file_read_full (GFile         *file,
                        const char    *passphrase,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  const void *start;
  gsize available;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(stream = g_file_read (file, cancellable, error)) ||
      !(info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error)))
    return NULL;
  buffered = g_buffered_input_stream_new (G_INPUT_STREAM (stream));
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), SA_SYNC_CRYPT_MAGIC_LEN,
                                    cancellable, error) < 0)
    return NULL;
  start = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &available);
  if (!sa_sync_crypt_is_sealed (start, available))
    return sa_sync_file_read_stream (buffered, SA_SYNC_MAX_SIZE, cancellable, error);
  if ((guint64) g_file_info_get_size (info) > SA_SYNC_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (SA_SYNC_MAX_SIZE);

      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The file is too large: more than %s"), size);
      return NULL;
    }
  return read_sealed (buffered, passphrase, cancellable, error);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  SaSyncFile *contents = sa_sync_file_read_full (file, task_data, cancellable, &error);

  if (contents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, contents, g_object_unref);
}

static void
free_passphrase (gpointer passphrase)
{
  if (passphrase != NULL)
    gnutls_memset (passphrase, 0, strlen (passphrase));
  g_free (passphrase);
}

/**
 * sa_sync_file_read_full_async:
 * @file: a `.sasaeai` file, plain or encrypted
 * @passphrase: (nullable): the passphrase for an encrypted file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is read; call sa_sync_file_read_finish()
 * @user_data: data for @callback
 *
 * Reads and checks @file in a worker thread, so a window stays responsive.
 */
void
sa_sync_file_read_full_async (GFile               *file,
                              const char          *passphrase,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_sync_file_read_full_async);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_set_task_data (task, g_strdup (passphrase), free_passphrase);
  g_task_run_in_thread (task, read_in_thread);
}
