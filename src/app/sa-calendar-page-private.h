/* sa-calendar-page-private.h: what the Calendar view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-calendar-page.h"
#include "sa-filter-bar.h"
#include "sa-month-grid.h"

G_BEGIN_DECLS

typedef struct
{
  guint activities;
  guint participants;
} Totals;

struct _SaCalendarPage
{
  GtkWidget           parent_instance;

  SaContext          *context;
  SaStore            *store;             /* the context's, as the next two */
  SaUndoStack        *undo_stack;
  SaActivityFilter   *filter;

  GHashTable         *organization_names;  /* id → name, read with each month */
  GHashTable         *month_totals;        /* year * 12 + month - 1 → Totals */
  GListStore         *day_activities;
  GtkSingleSelection *day_selection;
  GDate               loaded_first;        /* the first day of the six weeks loaded */
  guint               reload_id;
  guint               count_id;
  gboolean            reload_choices;
  guint               syncing;             /* while the list and grid follow each other */
  char               *select_after_load;   /* a record just saved in the form */

  GtkWidget          *content;
  GtkLabel           *month_label;
  GtkMenuButton      *fiscal_year_button;
  SaFilterBar        *filter_bar;
  SaMonthGrid        *grid;
  GtkLabel           *day_label;
  GtkLabel           *holiday_label;
  GtkStack           *day_stack;
  GtkListView        *day_view;
  GtkLabel           *month_summary_title;
  GtkLabel           *month_summary;
  GtkLabel           *year_summary_title;
  GtkLabel           *year_summary;
};

/* sa-calendar-page.c */
GPtrArray *_sa_calendar_page_load_activities   (SaCalendarPage *self,
                                                const GDate    *first,
                                                const GDate    *last);

/* sa-calendar-page-totals.c */
void       _sa_calendar_page_shown_month       (SaCalendarPage *self,
                                                GDate          *first);
void       _sa_calendar_page_count_shown_month (SaCalendarPage *self,
                                                const GDate    *first);
void       _sa_calendar_page_update_summary    (SaCalendarPage *self);

G_END_DECLS
