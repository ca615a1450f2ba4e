/* sa-store-activity-items.h: the activity log's items loaded from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-activity-item.h"
#include "sa-store.h"

G_BEGIN_DECLS

GListModel         *sa_store_load_activity_items           (SaStore        *store,
                                                            GError        **error);
void                sa_store_load_activity_items_async     (SaStore        *store,
                                                            GCancellable   *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer        user_data);
GListModel         *sa_store_load_activity_items_finish    (SaStore        *store,
                                                            GAsyncResult   *result,
                                                            GError        **error);
SaActivityItem     *sa_store_load_activity_item            (SaStore        *store,
                                                            const char     *id,
                                                            GError        **error);
GPtrArray          *sa_store_list_plan_commitments         (SaStore        *store,
                                                            GError        **error);

G_END_DECLS
