/* sa-timeline-page-private.h: the Timeline page's print operation, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-print-operation.h"
#include "sa-timeline-page.h"

G_BEGIN_DECLS

SaPrintOperation *_sa_timeline_page_new_print_operation (SaTimelinePage  *self,
                                                         GError         **error);

G_END_DECLS
