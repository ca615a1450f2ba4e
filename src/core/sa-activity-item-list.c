/* sa-activity-item-list.c: a list model of activity items, each reached in one step
 *
 * GListStore keeps its items in a tree: reaching the n-th costs a walk down it. A
 * sorted view asks for its items in sorted order, which is random order in the store
 * below it, and with 100,000 activities those walks took most of the time a search
 * or a sort took. An array reaches every item in one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-activity-item-list.h"

struct _SaActivityItemList
{
  GObject    parent_instance;

  GPtrArray *items;
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SaActivityItemList, sa_activity_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *model)
{
  return SA_TYPE_ACTIVITY_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return SA_ACTIVITY_ITEM_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GPtrArray *items = SA_ACTIVITY_ITEM_LIST (model)->items;

  return position < items->len ? g_object_ref (g_ptr_array_index (items, position)) : NULL;
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
sa_activity_item_list_finalize (GObject *object)
{
  g_ptr_array_unref (SA_ACTIVITY_ITEM_LIST (object)->items);

  G_OBJECT_CLASS (sa_activity_item_list_parent_class)->finalize (object);
}

static void
sa_activity_item_list_class_init (SaActivityItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_activity_item_list_finalize;
}

static void
sa_activity_item_list_init (SaActivityItemList *self)
{
}

/**
 * sa_activity_item_list_new:
 * @items: (transfer full) (element-type SaActivityItem): the items, which must free
 *   their elements with g_object_unref()
 *
 * Returns: (transfer full): a list model of @items
 */
SaActivityItemList *
sa_activity_item_list_new (GPtrArray *items)
{
  SaActivityItemList *self;

  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (SA_TYPE_ACTIVITY_ITEM_LIST, NULL);
  self->items = items;
  return self;
}

/**
 * sa_activity_item_list_peek:
 * @self: a list
 * @n_items: (out): how many items there are
 *
 * For walks over every item, which get_item() would make take and drop a reference
 * to each. Valid until the list changes.
 *
 * Returns: (transfer none) (array length=n_items): the items
 */
SaActivityItem **
sa_activity_item_list_peek (SaActivityItemList *self,
                            guint              *n_items)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM_LIST (self), NULL);
  g_return_val_if_fail (n_items != NULL, NULL);

  *n_items = self->items->len;
  return (SaActivityItem **) self->items->pdata;
}

/**
 * sa_activity_item_list_find:
 * @self: a list
 * @item: an item
 * @position: (out) (optional): where @item is
 *
 * Returns: whether @item is in the list
 */
gboolean
sa_activity_item_list_find (SaActivityItemList *self,
                            SaActivityItem     *item,
                            guint              *position)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM_LIST (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}

/**
 * sa_activity_item_list_splice:
 * @self: a list
 * @position: where to change the list
 * @n_removals: how many items to remove there
 * @additions: (array length=n_additions) (nullable): items to put in their place
 * @n_additions: how many
 *
 * Changes the list as g_list_store_splice() does, and says so once.
 */
void
sa_activity_item_list_splice (SaActivityItemList  *self,
                              guint                position,
                              guint                n_removals,
                              SaActivityItem     **additions,
                              guint                n_additions)
{
  g_return_if_fail (SA_IS_ACTIVITY_ITEM_LIST (self));
  g_return_if_fail (position + n_removals <= self->items->len);

  g_ptr_array_remove_range (self->items, position, n_removals);
  for (guint i = 0; i < n_additions; i++)
    g_ptr_array_insert (self->items, (int) (position + i), g_object_ref (additions[i]));
  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}
