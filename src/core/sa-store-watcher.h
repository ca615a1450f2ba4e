/* sa-store-watcher.h: shows other programs' writes while a window is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

#define SA_TYPE_STORE_WATCHER (sa_store_watcher_get_type ())

G_DECLARE_FINAL_TYPE (SaStoreWatcher, sa_store_watcher, SA, STORE_WATCHER, GObject)

SaStoreWatcher *sa_store_watcher_new (SaStore *store);

G_END_DECLS
