/* sa-split-changes-model.h: passes a list model on, a large replacement as two changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SA_TYPE_SPLIT_CHANGES_MODEL (sa_split_changes_model_get_type ())

G_DECLARE_FINAL_TYPE (SaSplitChangesModel, sa_split_changes_model, SA, SPLIT_CHANGES_MODEL, GObject)

SaSplitChangesModel *sa_split_changes_model_new       (GListModel          *model);
GListModel          *sa_split_changes_model_get_model (SaSplitChangesModel *self);

G_END_DECLS
