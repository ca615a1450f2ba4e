/* sa-slot-model.h: a list model whose rows stay while their items change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SA_TYPE_SLOT_MODEL (sa_slot_model_get_type ())

G_DECLARE_FINAL_TYPE (SaSlotModel, sa_slot_model, SA, SLOT_MODEL, GObject)

SaSlotModel *sa_slot_model_new       (GListModel  *model);
void         sa_slot_model_set_limit (SaSlotModel *self,
                                      guint        limit);

G_END_DECLS
