/* sa-activity-item-list.h: a list model of activity items, each reached in one step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-activity-item.h"

G_BEGIN_DECLS

#define SA_TYPE_ACTIVITY_ITEM_LIST (sa_activity_item_list_get_type ())

G_DECLARE_FINAL_TYPE (SaActivityItemList, sa_activity_item_list, SA, ACTIVITY_ITEM_LIST, GObject)

SaActivityItemList *sa_activity_item_list_new    (GPtrArray          *items);
SaActivityItem    **sa_activity_item_list_peek   (SaActivityItemList *self,
                                                  guint              *n_items);
gboolean            sa_activity_item_list_find   (SaActivityItemList *self,
                                                  SaActivityItem     *item,
                                                  guint              *position);
void                sa_activity_item_list_splice (SaActivityItemList *self,
                                                  guint               position,
                                                  guint               n_removals,
                                                  SaActivityItem    **additions,
                                                  guint               n_additions);

G_END_DECLS
