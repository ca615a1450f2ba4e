/* test-sync-crypt.c: encrypted sync files: sealed, opened, and every kind of damage refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-error.h"
#include "sa-sync-crypt.h"
#include "site-fixture.h"

#define HEADER 60
#define SEALED_CHUNK (SA_SYNC_CRYPT_CHUNK + 16)
/* The fewest iterations a reader accepts: these tests derive many keys. */
#define FAST 100000

static GBytes *
random_bytes (gsize length)
{
  guint8 *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = (guint8) g_test_rand_int_range (0, 256);
  return g_bytes_new_take (data, length);
}

static GBytes *
seal (GBytes     *plain,
      const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  GBytes *sealed = sa_sync_crypt_seal (plain, passphrase, FAST, &error);

  g_assert_no_error (error);
  return sealed;
}

static void
assert_refused (GBytes     *sealed,
                const char *passphrase,
                GQuark      domain,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = sa_sync_crypt_open (sealed, passphrase, &error);

  g_assert_null (plain);
  g_assert_error (error, domain, code);
  if (message != NULL)
    g_assert_nonnull (strstr (error->message, message));
}

static void
test_round_trip (void)
{
  /* Empty, one byte, exactly one chunk, and over two chunks. */
  gsize sizes[] = { 0, 1, SA_SYNC_CRYPT_CHUNK, 2 * SA_SYNC_CRYPT_CHUNK + 12345 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) plain = random_bytes (sizes[i]);
      g_autoptr(GBytes) sealed = seal (plain, "合言葉 passphrase");
      g_autoptr(GBytes) again = seal (plain, "合言葉 passphrase");
      g_autoptr(GBytes) opened = NULL;
      g_autoptr(GError) error = NULL;
      gsize n_chunks = sizes[i] == 0 ? 1 : (sizes[i] + SA_SYNC_CRYPT_CHUNK - 1) / SA_SYNC_CRYPT_CHUNK;

      g_assert_cmpuint (g_bytes_get_size (sealed), ==, HEADER + sizes[i] + 16 * n_chunks);
      g_assert_true (sa_sync_crypt_is_sealed (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed)));
      /* A new salt and nonce prefix every time. */
      g_assert_false (g_bytes_equal (sealed, again));
      opened = sa_sync_crypt_open (sealed, "合言葉 passphrase", &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (opened, plain));
    }
}

static void
test_passphrases (void)
{
  g_autoptr(GBytes) plain = random_bytes (1000);
  /* が as one code point, and as か + the combining voiced mark. */
  g_autoptr(GBytes) sealed = seal (plain, "\xe3\x81\x8c");
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(GError) error = NULL;

  opened = sa_sync_crypt_open (sealed, "\xe3\x81\x8b\xe3\x82\x99", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (opened, plain));

  assert_refused (sealed, "\xe3\x81\x8b", SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_WRONG_PASSPHRASE, "wrong");
  assert_refused (sealed, NULL, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE, "encrypted");
  assert_refused (sealed, "", SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_BAD_PASSPHRASE, "empty");
  g_assert_null (sa_sync_crypt_seal (plain, "", FAST, &error));
  g_assert_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_BAD_PASSPHRASE);
}

static GBytes *
changed (GBytes *sealed,
         gsize   offset)
{
  guint8 *data = g_memdup2 (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));

  data[offset] ^= 0x80;
  return g_bytes_new_take (data, g_bytes_get_size (sealed));
}

static void
test_changed_byte (void)
{
  g_autoptr(GBytes) plain = random_bytes (2 * SA_SYNC_CRYPT_CHUNK + 100);
  g_autoptr(GBytes) sealed = seal (plain, "secret");
  gsize length = g_bytes_get_size (sealed);
  /* The header's fields, the key check, each chunk's first byte and tag, the last byte. */
  gsize offsets[] = { 12, 15, 16, 31, 32, 39, 43, 44, 59, HEADER, HEADER + SEALED_CHUNK - 1,
                      HEADER + SEALED_CHUNK, length / 2, length - 17, length - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autoptr(GBytes) bad = changed (sealed, offsets[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) opened = sa_sync_crypt_open (bad, "secret", &error);

      g_test_message ("byte %zu", offsets[i]);
      g_assert_null (opened);
      g_assert_true (g_error_matches (error, SA_SYNC_CRYPT_ERROR, offsets[i] < HEADER
                                      ? SA_SYNC_CRYPT_ERROR_WRONG_PASSPHRASE : SA_SYNC_CRYPT_ERROR_DAMAGED) ||
                     g_error_matches (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED));
    }
  /* The settings themselves: an unknown cipher, a newer version. */
  {
    g_autoptr(GBytes) cipher = changed (sealed, 11);
    g_autoptr(GBytes) version = changed (sealed, 8);

    assert_refused (cipher, "secret", SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED, "header");
    assert_refused (version, "secret", SA_ERROR, SA_ERROR_VERSION, "newer version");
  }
}

static void
test_truncated_and_reordered (void)
{
  g_autoptr(GBytes) plain = random_bytes (3 * SA_SYNC_CRYPT_CHUNK + 100);
  g_autoptr(GBytes) sealed = seal (plain, "secret");
  const guint8 *data = g_bytes_get_data (sealed, NULL);
  gsize length = g_bytes_get_size (sealed);
  g_autofree guint8 *swapped = g_memdup2 (data, length);

  /* Cut at each chunk's end: the new last chunk was sealed as an inner one. */
  for (guint n = 1; n <= 3; n++)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, HEADER + n * SEALED_CHUNK);

      assert_refused (cut, "secret", SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED, "truncated");
    }
  for (gsize cut_at = 0; cut_at < length; cut_at += length / 7)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, MAX (cut_at, 8));

      g_assert_null (sa_sync_crypt_open (cut, "secret", NULL));
    }
  {
    g_autoptr(GBytes) cut = g_bytes_new (data, length - 1);
    g_autoptr(GBytes) longer = NULL;
    g_autofree guint8 *extra = g_malloc0 (length + 20);

    assert_refused (cut, "secret", SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED, NULL);
    memcpy (extra, data, length);
    longer = g_bytes_new (extra, length + 20);
    assert_refused (longer, "secret", SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED, NULL);
  }

  memcpy (swapped + HEADER, data + HEADER + SEALED_CHUNK, SEALED_CHUNK);
  memcpy (swapped + HEADER + SEALED_CHUNK, data + HEADER, SEALED_CHUNK);
  {
    g_autoptr(GBytes) bad = g_bytes_new (swapped, length);

    assert_refused (bad, "secret", SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_DAMAGED, "part 1 of 4");
  }
}

/* Through the store: an export with a passphrase, read back with and without it. */
static void
test_sync_file (SiteFixture   *f,
                gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a.db");
  g_autoptr(SaStore) b = site_fixture_open (f, "b.db");
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autofree char *path = site_fixture_path (f, "a.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SaSyncFile) contents = NULL;
  g_auto(SaImportReport) report = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "秘密のサロン");
  g_assert_true (sa_store_insert (a, activity, &error));
  g_assert_true (sa_sync_file_export_full (a, file, "secret", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (sa_sync_crypt_is_sealed (bytes, length));
  g_assert_null (g_strstr_len (bytes, (gssize) length, "秘密のサロン"));

  g_assert_null (sa_sync_file_read (file, NULL, &error));
  g_assert_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE);
  g_clear_error (&error);
  g_assert_null (sa_sync_file_read_full (file, "Secret", NULL, &error));
  g_assert_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  contents = sa_sync_file_read_full (file, "secret", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sa_sync_file_import (contents, b, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, >, 0);
}

static void
test_passphrase_file (SiteFixture   *f,
                      gconstpointer  data)
{
  g_autofree char *path = site_fixture_path (f, "key");
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase = NULL;
  gboolean others = TRUE;

  g_assert_true (g_file_set_contents (path, "first line\r\nsecond\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  passphrase = sa_sync_crypt_read_passphrase_file (path, &others, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (passphrase, ==, "first line");
  g_assert_false (others);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_free (sa_sync_crypt_read_passphrase_file (path, &others, NULL));
  g_assert_true (others);

  g_assert_true (g_file_set_contents (path, "\nsecond\n", -1, NULL));
  g_assert_null (sa_sync_crypt_read_passphrase_file (path, NULL, &error));
  g_assert_error (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_BAD_PASSPHRASE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-crypt/round-trip", test_round_trip);
  g_test_add_func ("/sync-crypt/passphrases", test_passphrases);
  g_test_add_func ("/sync-crypt/changed-byte", test_changed_byte);
  g_test_add_func ("/sync-crypt/truncated-and-reordered", test_truncated_and_reordered);
  g_test_add ("/sync-crypt/sync-file", SiteFixture, NULL, site_fixture_setup, test_sync_file, site_fixture_teardown);
  g_test_add ("/sync-crypt/passphrase-file", SiteFixture, NULL, site_fixture_setup, test_passphrase_file,
              site_fixture_teardown);
  return g_test_run ();
}
