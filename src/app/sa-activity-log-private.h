/* sa-activity-log-private.h: the activity log's parts, shared by its widget and its loading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-activity-item-list.h"
#include "sa-activity-log.h"
#include "sa-activity-sort-model.h"
#include "sa-array-filter-model.h"
#include "sa-filter-bar.h"
#include "sa-slot-model.h"

G_BEGIN_DECLS

struct _SaActivityLog
{
  GtkWidget           parent_instance;

  SaContext          *context;
  SaStore            *store;             /* the context's */
  SaUndoStack        *undo_stack;        /* the context's */

  SaActivityItemList *items;             /* in no order */
  GHashTable         *items_by_id;       /* id → SaActivityItem, owned by items */
  SaActivitySortModel *sorted;
  SaArrayFilterModel *filtered;
  SaSlotModel        *slots;             /* the selection's */
  GtkMultiSelection  *selection;
  GtkFilter          *filter;            /* the filter bar's search and drop-downs at once */
  GHashTable         *commitment_texts;  /* id → text */

  GCancellable       *loading;           /* while the first fill reads the items */
  gboolean            filling;           /* while it lets their rows in */
  guint               fill_source;
  guint               fill_limit;        /* the rows let in so far */
  GdkFrameClock      *fill_clock;        /* whose next frame lets more rows in */
  gulong              fill_handler;
  GHashTable         *changed_ids;       /* activities to read again */
  GHashTable         *gone_ids;          /* activities deleted while shown, that may come back */
  gboolean            reload_needed;
  guint               update_source;
  guint               state_source;
  char               *reveal_id;         /* an activity just saved, to select */
  AdwToast           *undo_toast;        /* offers to undo the last delete */

  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkWidget          *loading_box;
  GtkStack           *results_stack;
  SaFilterBar        *filter_bar;
  GtkColumnView      *column_view;
  GtkLabel           *footer;
  GPtrArray          *kept_ids;         /* the selection while the rows change */
  guint64             participants;      /* of the rows shown, for the footer */
  gboolean            participants_stale;
  gboolean            sorting;           /* the rows change order, not what they are */
  gboolean            refreshing;        /* changed items keep the sum themselves */
};

/* sa-activity-log.c */
void       sa_activity_log_show_error          (SaActivityLog *self,
                                                const char    *message);
void       sa_activity_log_load_choices        (SaActivityLog *self);
void       sa_activity_log_update_year_choices (SaActivityLog *self);
GHashTable *sa_activity_log_years_of           (SaActivityItem **items,
                                                guint            n);
void       sa_activity_log_update_state        (SaActivityLog *self);
GtkBitset *sa_activity_log_shown_positions     (SaActivityLog *self,
                                                GPtrArray     *ids);
void       sa_activity_log_reveal_position     (SaActivityLog *self,
                                                guint          position);

/* sa-activity-log-load.c */
void       sa_activity_log_start_loading       (SaActivityLog *self);
void       sa_activity_log_stop_filling        (SaActivityLog *self);
void       sa_activity_log_schedule_update     (SaActivityLog *self);
void       sa_activity_log_on_store_changed    (SaActivityLog      *self,
                                                const char         *table,
                                                const char * const *ids);

G_END_DECLS
