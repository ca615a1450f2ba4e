/* sa-sync-passphrase.h: the sync passphrase in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

/**
 * SaSyncPassphraseFunc:
 * @passphrase: (nullable): what the person typed; %NULL when they cancelled
 * @user_data: the data given with the function
 */
typedef void (*SaSyncPassphraseFunc) (const char *passphrase,
                                      gpointer    user_data);

void       sa_sync_passphrase_ask       (GtkWindow            *parent,
                                         GFile                *file,
                                         gboolean              was_wrong,
                                         SaSyncPassphraseFunc  func,
                                         gpointer              user_data);
GtkWidget *sa_sync_passphrase_group_new (SaContext            *context);

G_END_DECLS
