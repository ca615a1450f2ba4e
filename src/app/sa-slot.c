/* sa-slot.c: one row of a list view, whose item can change under it
 *
 * A slot stands at one position of an SaSlotModel and holds the item shown there.
 * When the item changes, the slot says so with ::changed, and the row's widgets
 * show the new item without being made again. Only the slots that widgets watch
 * say so: a search changes the items of 100,000 slots, and a list view shows 200.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-slot.h"

struct _SaSlot
{
  GObject  parent_instance;

  GObject *item;
  guint    n_watches;
};

G_DEFINE_FINAL_TYPE (SaSlot, sa_slot, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sa_slot_finalize (GObject *object)
{
  g_clear_object (&SA_SLOT (object)->item);

  G_OBJECT_CLASS (sa_slot_parent_class)->finalize (object);
}

static void
sa_slot_class_init (SaSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_slot_finalize;

  /**
   * SaSlot::changed:
   *
   * The slot holds another item. Emitted only while watched: see sa_slot_watch().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sa_slot_init (SaSlot *self)
{
}

/**
 * sa_slot_new:
 * @item: (type GObject): what the slot holds
 *
 * Returns: (transfer full): a new slot
 */
SaSlot *
sa_slot_new (gpointer item)
{
  SaSlot *self = g_object_new (SA_TYPE_SLOT, NULL);

  self->item = g_object_ref (item);
  return self;
}

/**
 * sa_slot_get_item:
 * @self: a slot
 *
 * Returns: (transfer none) (type GObject): what the slot holds
 */
gpointer
sa_slot_get_item (SaSlot *self)
{
  g_return_val_if_fail (SA_IS_SLOT (self), NULL);

  return self->item;
}

void
sa_slot_set_item (SaSlot   *self,
                  gpointer  item)
{
  g_return_if_fail (SA_IS_SLOT (self));
  g_return_if_fail (G_IS_OBJECT (item));

  if (g_set_object (&self->item, item) && self->n_watches > 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sa_slot_watch:
 * @self: a slot
 * @watch: whether to start watching or to stop
 *
 * A widget that connects to ::changed says so first, and says when it stops
 * watching; a slot no widget watches does not emit ::changed.
 */
void
sa_slot_watch (SaSlot   *self,
               gboolean  watch)
{
  g_return_if_fail (SA_IS_SLOT (self));
  g_return_if_fail (watch || self->n_watches > 0);

  if (watch)
    self->n_watches++;
  else
    self->n_watches--;
}
