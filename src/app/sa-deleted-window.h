/* sa-deleted-window.h: Deleted Items, where deleted rows are listed and restored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_DELETED_WINDOW (sa_deleted_window_get_type ())

G_DECLARE_FINAL_TYPE (SaDeletedWindow, sa_deleted_window, SA, DELETED_WINDOW, AdwWindow)

SaDeletedWindow *sa_deleted_window_new (GtkWindow *parent,
                                        SaContext *context);

G_END_DECLS
