/* sa-activity-columns.h: the activity log's columns: cells, sorting and widths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-activity-sort-model.h"

G_BEGIN_DECLS

void sa_activity_columns_add (GtkColumnView *view,
                              GHashTable    *commitment_texts);
gboolean sa_activity_columns_get_sort (GtkColumnView        *view,
                                       SaActivitySortColumn *column,
                                       gboolean             *descending);
gboolean sa_activity_columns_row_position (GtkWidget *row,
                                           guint     *position);

G_END_DECLS
