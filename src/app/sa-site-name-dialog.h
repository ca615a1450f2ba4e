/* sa-site-name-dialog.h: asking for the office's name before its first sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

gboolean sa_site_name_dialog_needed (SaContext  *context);
void     sa_site_name_dialog_ask    (GtkWindow  *parent,
                                     SaContext  *context,
                                     const char *then_action);

G_END_DECLS
