/* sa-outline-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_OUTLINE_PANE (sa_outline_pane_get_type ())

G_DECLARE_FINAL_TYPE (SaOutlinePane, sa_outline_pane, SA, OUTLINE_PANE, GtkWidget)

SaOutlinePane *sa_outline_pane_new  (SaContext     *context);
void           sa_outline_pane_show (SaOutlinePane *self,
                                     SaRecord      *item);
SaRecord      *sa_outline_pane_get_item (SaOutlinePane *self);

G_END_DECLS
