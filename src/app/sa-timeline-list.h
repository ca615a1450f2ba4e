/* sa-timeline-list.h: the plan's schedule read as a list, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-timeline-view.h"

G_BEGIN_DECLS

#define SA_TYPE_TIMELINE_LIST (sa_timeline_list_get_type ())

G_DECLARE_FINAL_TYPE (SaTimelineList, sa_timeline_list, SA, TIMELINE_LIST, GtkWidget)

GtkWidget *sa_timeline_list_new        (void);
void       sa_timeline_list_show_view  (SaTimelineList *self,
                                        SaTimelineView *view);

G_END_DECLS
