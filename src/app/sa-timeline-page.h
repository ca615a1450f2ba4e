/* sa-timeline-page.h: the Timeline view of the window, and its handouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_TIMELINE_PAGE (sa_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (SaTimelinePage, sa_timeline_page, SA, TIMELINE_PAGE, GtkWidget)

SaTimelinePage *sa_timeline_page_new           (SaContext      *context);
void            sa_timeline_page_print         (SaTimelinePage *self);
void            sa_timeline_page_export_pdf    (SaTimelinePage *self);
gboolean        sa_timeline_page_export_pdf_to (SaTimelinePage *self,
                                                GFile          *file);

G_END_DECLS
