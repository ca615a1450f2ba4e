/* sa-delete-dialog.h: deleting a plan item, organization or district from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

/**
 * SaDeleteDone:
 * @user_data: the data given to sa_delete_dialog_run()
 * @title: (nullable): a toast's title when the row was deleted
 * @error: (nullable): what went wrong
 */
typedef void (*SaDeleteDone) (gpointer    user_data,
                              const char *title,
                              GError     *error);

void sa_delete_dialog_run (GtkWidget    *widget,
                           SaContext    *context,
                           SaRecord     *record,
                           SaDeleteDone  done,
                           gpointer      user_data);

G_END_DECLS
