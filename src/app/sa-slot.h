/* sa-slot.h: one row of a list view, whose item can change under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SA_TYPE_SLOT (sa_slot_get_type ())

G_DECLARE_FINAL_TYPE (SaSlot, sa_slot, SA, SLOT, GObject)

SaSlot   *sa_slot_new      (gpointer item);
gpointer  sa_slot_get_item (SaSlot  *self);
void      sa_slot_set_item (SaSlot  *self,
                            gpointer item);
void      sa_slot_watch    (SaSlot  *self,
                            gboolean watch);

G_END_DECLS
