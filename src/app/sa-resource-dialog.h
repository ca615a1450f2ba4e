/* sa-resource-dialog.h: the form that adds or changes a local resource (地域資源)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_RESOURCE_DIALOG (sa_resource_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SaResourceDialog, sa_resource_dialog, SA, RESOURCE_DIALOG, AdwWindow)

SaResourceDialog *sa_resource_dialog_new (GtkWindow   *parent,
                                          SaContext   *context,
                                          const char  *resource_id);

G_END_DECLS
