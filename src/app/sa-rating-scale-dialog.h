/* sa-rating-scale-dialog.h: editing a plan's rating scale (評価の段階)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_RATING_SCALE_DIALOG (sa_rating_scale_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SaRatingScaleDialog, sa_rating_scale_dialog, SA, RATING_SCALE_DIALOG, AdwWindow)

SaRatingScaleDialog *sa_rating_scale_dialog_new (GtkWindow  *parent,
                                                 SaContext  *context,
                                                 const char *plan_id);

G_END_DECLS
