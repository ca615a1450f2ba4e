/* sa-calendar-page.h: the Calendar view, a month of activities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"
#include "sa-month-grid.h"

G_BEGIN_DECLS

#define SA_TYPE_CALENDAR_PAGE (sa_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (SaCalendarPage, sa_calendar_page, SA, CALENDAR_PAGE, GtkWidget)

GtkWidget        *sa_calendar_page_new        (SaContext        *context);
SaActivityFilter *sa_calendar_page_get_filter (SaCalendarPage   *self);
SaMonthGrid      *sa_calendar_page_get_grid   (SaCalendarPage   *self);
void              sa_calendar_page_go_to_date (SaCalendarPage   *self,
                                               const GDate      *date);

G_END_DECLS
