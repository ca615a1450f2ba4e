/* sa-month-grid.h: six weeks of days with their activities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SA_MONTH_GRID_N_CELLS 42
#define SA_MONTH_GRID_MAX_CHIPS 3

#define SA_TYPE_MONTH_GRID (sa_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (SaMonthGrid, sa_month_grid, SA, MONTH_GRID, GtkWidget)

GtkWidget  *sa_month_grid_new                   (void);

void        sa_month_grid_get_date              (SaMonthGrid  *self,
                                                 GDate        *out);
void        sa_month_grid_set_date              (SaMonthGrid  *self,
                                                 const GDate  *date);
void        sa_month_grid_get_range             (SaMonthGrid  *self,
                                                 GDate        *first,
                                                 GDate        *last);
GDateWeekday sa_month_grid_get_first_weekday    (SaMonthGrid  *self);
void        sa_month_grid_set_first_weekday     (SaMonthGrid  *self,
                                                 GDateWeekday  weekday);
GDateWeekday sa_month_grid_locale_first_weekday (void);

void        sa_month_grid_set_activities        (SaMonthGrid  *self,
                                                 GPtrArray    *activities,
                                                 GHashTable   *organization_names);
GPtrArray  *sa_month_grid_get_day_activities    (SaMonthGrid  *self,
                                                 const GDate  *date);
const char *sa_month_grid_get_selected_activity (SaMonthGrid  *self);
void        sa_month_grid_set_selected_activity (SaMonthGrid  *self,
                                                 const char   *activity_id);
gboolean    sa_month_grid_move_selected_activity (SaMonthGrid *self,
                                                 int           days);

void        sa_month_grid_get_cell_date         (SaMonthGrid  *self,
                                                 guint         cell,
                                                 GDate        *out);
char       *sa_month_grid_get_cell_text         (SaMonthGrid  *self,
                                                 guint         cell);
int         sa_month_grid_get_cell_at           (SaMonthGrid  *self,
                                                 double        x,
                                                 double        y);
gboolean    sa_month_grid_get_chip_center       (SaMonthGrid  *self,
                                                 const char   *activity_id,
                                                 double       *x,
                                                 double       *y);

G_END_DECLS
