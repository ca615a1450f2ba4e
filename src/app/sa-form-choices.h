/* sa-form-choices.h: choice rows in forms, and forms that fit their window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

typedef void (*SaFormChoiceAdded) (gpointer  user_data,
                                   SaRecord *record);

void sa_form_choices_add_button   (AdwComboRow       *row,
                                   SaContext         *context,
                                   const SaTable     *table,
                                   SaFormChoiceAdded  added,
                                   gpointer           user_data);
void sa_form_choices_open_on_enter (AdwComboRow      *row);
void sa_form_fit_to_parent        (GtkWindow         *form);

G_END_DECLS
