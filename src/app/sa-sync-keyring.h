/* sa-sync-keyring.h: where the window keeps the sync passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      sa_sync_keyring_lookup_async  (const char           *db_path,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
char     *sa_sync_keyring_lookup_finish (GAsyncResult         *result,
                                         GError              **error);
void      sa_sync_keyring_store_async   (const char           *db_path,
                                         const char           *passphrase,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  sa_sync_keyring_store_finish  (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
