/* sa-timeline-view.h: the plan's schedule table, drawn, scrolled and zoomed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-timeline-layout.h"

G_BEGIN_DECLS

/**
 * SaTimelineZoom:
 * @SA_TIMELINE_ZOOM_YEARS: the years share the window's width
 * @SA_TIMELINE_ZOOM_YEARS_WIDE: wider years
 * @SA_TIMELINE_ZOOM_QUARTERS: each year split in its four quarters
 * @SA_TIMELINE_ZOOM_QUARTERS_WIDE: wider quarters
 */
typedef enum
{
  SA_TIMELINE_ZOOM_YEARS,
  SA_TIMELINE_ZOOM_YEARS_WIDE,
  SA_TIMELINE_ZOOM_QUARTERS,
  SA_TIMELINE_ZOOM_QUARTERS_WIDE,
} SaTimelineZoom;

#define SA_TIMELINE_ZOOM_MAX SA_TIMELINE_ZOOM_QUARTERS_WIDE

#define SA_TYPE_TIMELINE_VIEW (sa_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (SaTimelineView, sa_timeline_view, SA, TIMELINE_VIEW, GtkWidget)

GtkWidget        *sa_timeline_view_new             (void);
SaTimelineLayout *sa_timeline_view_get_layout      (SaTimelineView   *self);
void              sa_timeline_view_set_layout      (SaTimelineView   *self,
                                                    SaTimelineLayout *layout);
SaTimelineZoom    sa_timeline_view_get_zoom        (SaTimelineView   *self);
void              sa_timeline_view_set_zoom        (SaTimelineView   *self,
                                                    SaTimelineZoom    zoom);
void              sa_timeline_view_set_today       (SaTimelineView   *self,
                                                    const GDate      *today);
int               sa_timeline_view_get_selected    (SaTimelineView   *self);
void              sa_timeline_view_set_selected    (SaTimelineView   *self,
                                                    int               row);
const char       *sa_timeline_view_get_selected_id (SaTimelineView   *self);
gboolean          sa_timeline_view_select_id       (SaTimelineView   *self,
                                                    const char       *id);
char             *sa_timeline_view_describe_row    (SaTimelineView   *self,
                                                    guint             row,
                                                    char            **description);
gboolean          sa_timeline_view_get_year_area   (SaTimelineView   *self,
                                                    int               fy,
                                                    graphene_rect_t  *area);
double            sa_timeline_view_get_today_x     (SaTimelineView   *self);

G_END_DECLS
