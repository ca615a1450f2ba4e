/* sa-discard-dialog.h: asking before a form throws away what was typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void sa_discard_dialog_ask (GtkWindow *form);

G_END_DECLS
