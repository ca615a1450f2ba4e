/* sa-array-filter-model.h: a filter list model for lists of 100,000 rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SA_TYPE_ARRAY_FILTER_MODEL (sa_array_filter_model_get_type ())

G_DECLARE_FINAL_TYPE (SaArrayFilterModel, sa_array_filter_model, SA, ARRAY_FILTER_MODEL, GObject)

/* Returns @model's items as an array, without references, valid until it changes. */
typedef gpointer *(*SaArrayPeekFunc) (GListModel *model,
                                      guint      *n_items);

SaArrayFilterModel *sa_array_filter_model_new         (GListModel         *model,
                                                       GtkFilter          *filter);
SaArrayFilterModel *sa_array_filter_model_new_peeking (GListModel         *model,
                                                       GtkFilter          *filter,
                                                       SaArrayPeekFunc     peek);
gpointer           *sa_array_filter_model_peek        (SaArrayFilterModel *self,
                                                       guint              *n_items);

G_END_DECLS
