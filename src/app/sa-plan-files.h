/* sa-plan-files.h: Import Plan… and Export Plan… in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

void sa_plan_files_import      (GtkWindow        *parent,
                                SaContext        *context);
void sa_plan_files_import_file (GtkWindow        *parent,
                                SaContext        *context,
                                GFile            *file);
void sa_plan_files_export      (GtkWindow        *parent,
                                SaContext        *context);

G_END_DECLS
