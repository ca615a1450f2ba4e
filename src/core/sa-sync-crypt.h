/* sa-sync-crypt.h: sync files sealed with a shared passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-sync-file.h"

G_BEGIN_DECLS

#define SA_SYNC_CRYPT_ERROR (sa_sync_crypt_error_quark ())

/**
 * SaSyncCryptError:
 * @SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE: the file is encrypted and no passphrase was given
 * @SA_SYNC_CRYPT_ERROR_WRONG_PASSPHRASE: the passphrase does not open the file (or its
 *   header was altered, which cannot be told apart)
 * @SA_SYNC_CRYPT_ERROR_DAMAGED: the passphrase is right but a part of the file fails its
 *   check: it was changed, cut short or put together from other files
 * @SA_SYNC_CRYPT_ERROR_BAD_PASSPHRASE: a passphrase that cannot be used (empty, not UTF-8)
 */
typedef enum
{
  SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE,
  SA_SYNC_CRYPT_ERROR_WRONG_PASSPHRASE,
  SA_SYNC_CRYPT_ERROR_DAMAGED,
  SA_SYNC_CRYPT_ERROR_BAD_PASSPHRASE,
} SaSyncCryptError;

/* The container (docs/sync-format.md, "Encrypted sync files"). */
#define SA_SYNC_CRYPT_MAGIC "SASAEAI\x1a"
#define SA_SYNC_CRYPT_MAGIC_LEN 8
#define SA_SYNC_CRYPT_VERSION 1
#define SA_SYNC_CRYPT_ITERATIONS 600000
#define SA_SYNC_CRYPT_CHUNK ((gsize) 1024 * 1024)

GQuark      sa_sync_crypt_error_quark   (void);

gboolean    sa_sync_crypt_is_sealed     (const void           *data,
                                         gsize                 length);
gboolean    sa_sync_crypt_check_passphrase (const char        *passphrase,
                                         GError              **error);
GBytes     *sa_sync_crypt_seal          (GBytes               *plain,
                                         const char           *passphrase,
                                         guint                 iterations,
                                         GError              **error);
GBytes     *sa_sync_crypt_open          (GBytes               *sealed,
                                         const char           *passphrase,
                                         GError              **error);

char       *sa_sync_crypt_read_passphrase_file (const char    *path,
                                         gboolean             *others_can_read,
                                         GError              **error);

/* Sync files with a passphrase: %NULL reads and writes plain files as before. */
gboolean    sa_sync_file_export_full    (SaStore              *store,
                                         GFile                *file,
                                         const char           *passphrase,
                                         GCancellable         *cancellable,
                                         GError              **error);
SaSyncFile *sa_sync_file_read_full      (GFile                *file,
                                         const char           *passphrase,
                                         GCancellable         *cancellable,
                                         GError              **error);
void        sa_sync_file_read_full_async (GFile               *file,
                                         const char           *passphrase,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);

G_END_DECLS
