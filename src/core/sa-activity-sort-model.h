/* sa-activity-sort-model.h: activity items sorted by one of the log's columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-activity-item.h"

G_BEGIN_DECLS

/* The log's columns, in the order it shows them. */
typedef enum
{
  SA_ACTIVITY_SORT_DATE,
  SA_ACTIVITY_SORT_TITLE,
  SA_ACTIVITY_SORT_ORGANIZATION,
  SA_ACTIVITY_SORT_DISTRICT,
  SA_ACTIVITY_SORT_PARTICIPANTS,
  SA_ACTIVITY_SORT_VOLUNTEERS,
  SA_ACTIVITY_SORT_COMMITMENTS,
  SA_ACTIVITY_SORT_N_COLUMNS
} SaActivitySortColumn;

#define SA_TYPE_ACTIVITY_SORT_MODEL (sa_activity_sort_model_get_type ())

G_DECLARE_FINAL_TYPE (SaActivitySortModel, sa_activity_sort_model, SA, ACTIVITY_SORT_MODEL, GObject)

SaActivitySortModel *sa_activity_sort_model_new       (GListModel           *model);
void                 sa_activity_sort_model_set_model (SaActivitySortModel  *self,
                                                       GListModel           *model);
void                 sa_activity_sort_model_take_sorted (SaActivitySortModel *self,
                                                         GListModel          *model,
                                                         GPtrArray           *source);
void                 sa_activity_sort_model_set_order (SaActivitySortModel  *self,
                                                       SaActivitySortColumn  column,
                                                       gboolean              descending);
gpointer            *sa_activity_sort_model_peek      (GListModel           *model,
                                                       guint                *n_items);
int                  sa_activity_sort_compare         (SaActivitySortColumn  column,
                                                       SaActivityItem       *a,
                                                       SaActivityItem       *b);

G_END_DECLS
