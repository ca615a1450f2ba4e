/* sa-resource-window.h: Local Resources (地域資源), the register of local resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_RESOURCE_WINDOW (sa_resource_window_get_type ())

G_DECLARE_FINAL_TYPE (SaResourceWindow, sa_resource_window, SA, RESOURCE_WINDOW, AdwWindow)

SaResourceWindow *sa_resource_window_new (GtkWindow *parent,
                                          SaContext *context);

G_END_DECLS
