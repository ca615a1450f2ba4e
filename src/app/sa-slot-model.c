/* sa-slot-model.c: a list model whose rows stay while their items change
 *
 * GTK 4.8's list views keep widgets for 200 rows, and make them anew for every
 * item that comes into those rows: a search that brings other activities to the
 * top of a 100,000-row log made 200 rows of eight cells each time, most of a
 * keystroke. This model shows its model's items through SaSlot rows, one per
 * position: when items change, the slots at those positions take the new items
 * and only the count at the end is reported, so the list view keeps its widgets
 * and the cells just show other text. A few rows that come or go, as in a delete
 * or its undo, are reported as they are: the rows after keep their slots and
 * items, and their cells, which see the item they show already, do nothing.
 *
 * Positions are all a list view or selection model then knows: what is selected
 * is selected by position, and a change of items does not carry it along.
 *
 * A limit shows only the first rows: the log lets 100,000 rows in a few at a time
 * as it fills, since the list view makes the widgets of its 200 rows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <string.h>

#include "sa-slot-model.h"
#include "sa-slot.h"

struct _SaSlotModel
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *slots;    /* by position; NULL until asked for; past n_items, spare */
  guint       n_items;  /* the model's, up to limit */
  guint       limit;
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SaSlotModel, sa_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *list)
{
  return SA_TYPE_SLOT;
}

static guint
get_n_items (GListModel *list)
{
  return SA_SLOT_MODEL (list)->n_items;
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  SaSlotModel *self = SA_SLOT_MODEL (list);
  SaSlot **slot;

  if (position >= self->n_items)
    return NULL;
  slot = (SaSlot **) &g_ptr_array_index (self->slots, position);
  if (*slot == NULL)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, position);
      *slot = sa_slot_new (item);
    }
  return g_object_ref (*slot);
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Rows that come or go in a change no larger than this take their slots with them,
 * and the rows after keep theirs with their items: a delete moves the rows below up
 * with what they show, where refilling them made a 100,000-row log fill 200 rows
 * again. A larger change, as a search, passes the items through the slots. */
#define MAX_SHIFT 16

static void
refill (SaSlotModel *self,
        guint        start,
        guint        end)
{
  for (guint i = start; i < end; i++)
    {
      SaSlot *slot = g_ptr_array_index (self->slots, i);
      g_autoptr(GObject) item = NULL;

      if (slot == NULL)
        continue;
      item = g_list_model_get_item (self->model, i);
      sa_slot_set_item (slot, item);
    }
}

static void
on_items_changed (SaSlotModel *self,
                  guint        position,
                  guint        removed,
                  guint        added)
{
  guint old_n = self->n_items;
  guint new_n = old_n - removed + added;
  guint kept = MIN (removed, added);
  guint at = position + kept;

  /* Items that replace others take their slots; under a limit, rows that come
   * or go at the change are not the rows that come or go at the end. */
  if (self->limit == G_MAXUINT && (removed == added || removed + added - 2 * kept <= MAX_SHIFT))
    {
      refill (self, position, at);
      if (removed > added)
        g_ptr_array_remove_range (self->slots, at, removed - added);
      else if (added > removed)
        {
          /* New rows get slots when asked for. */
          g_ptr_array_set_size (self->slots, self->slots->len + added - removed);
          memmove (&self->slots->pdata[at + added - removed], &self->slots->pdata[at],
                   (self->slots->len - (at + added - removed)) * sizeof (gpointer));
          memset (&self->slots->pdata[at], 0, (added - removed) * sizeof (gpointer));
        }
      self->n_items = new_n;
      if (removed != added)
        g_list_model_items_changed (G_LIST_MODEL (self), at, removed - kept, added - kept);
      return;
    }

  /* Unless the count changed, the items after the change stay where they were; the
   * count changes at the end. Slots are kept when rows go, for when rows come back:
   * a search that narrows and widens again makes no new ones. */
  new_n = MIN (g_list_model_get_n_items (self->model), self->limit);
  if (new_n > self->slots->len)
    g_ptr_array_set_size (self->slots, new_n);
  refill (self, position, new_n);
  self->n_items = new_n;
  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

static void
clear_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
sa_slot_model_dispose (GObject *object)
{
  SaSlotModel *self = SA_SLOT_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->slots, 0);

  G_OBJECT_CLASS (sa_slot_model_parent_class)->dispose (object);
}

static void
sa_slot_model_finalize (GObject *object)
{
  g_ptr_array_unref (SA_SLOT_MODEL (object)->slots);

  G_OBJECT_CLASS (sa_slot_model_parent_class)->finalize (object);
}

static void
sa_slot_model_class_init (SaSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_slot_model_dispose;
  object_class->finalize = sa_slot_model_finalize;
}

static void
sa_slot_model_init (SaSlotModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (clear_slot);
  self->limit = G_MAXUINT;
}

/**
 * sa_slot_model_set_limit:
 * @self: a slot model
 * @limit: how many rows to show at most; %G_MAXUINT for all
 *
 * Shows the model's first @limit items only. Rows the limit lets in or out come or
 * go at the end.
 */
void
sa_slot_model_set_limit (SaSlotModel *self,
                         guint        limit)
{
  guint old_n, new_n;

  g_return_if_fail (SA_IS_SLOT_MODEL (self));

  old_n = self->n_items;
  new_n = MIN (g_list_model_get_n_items (self->model), limit);
  self->limit = limit;
  if (new_n > self->slots->len)
    g_ptr_array_set_size (self->slots, new_n);
  /* Spare slots may hold items of an earlier search. */
  refill (self, old_n, new_n);
  self->n_items = new_n;
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

/**
 * sa_slot_model_new:
 * @model: (transfer full): the items to show
 *
 * Returns: (transfer full): a model of one #SaSlot for each item of @model
 */
SaSlotModel *
sa_slot_model_new (GListModel *model)
{
  SaSlotModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (SA_TYPE_SLOT_MODEL, NULL);
  self->model = model;
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
  on_items_changed (self, 0, 0, g_list_model_get_n_items (model));
  return self;
}
