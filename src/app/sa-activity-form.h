/* sa-activity-form.h: the window to add or edit one activity record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_ACTIVITY_FORM (sa_activity_form_get_type ())

G_DECLARE_FINAL_TYPE (SaActivityForm, sa_activity_form, SA, ACTIVITY_FORM, AdwWindow)

SaActivityForm *sa_activity_form_new             (GtkWindow      *parent,
                                                  SaContext      *context,
                                                  const char     *activity_id,
                                                  const GDate    *date);
const char     *sa_activity_form_get_activity_id (SaActivityForm *self);

G_END_DECLS
