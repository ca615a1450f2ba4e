/* sa-print-options.h: the handout's own tab in the print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-handout.h"

G_BEGIN_DECLS

#define SA_TYPE_PRINT_OPTIONS (sa_print_options_get_type ())

G_DECLARE_FINAL_TYPE (SaPrintOptions, sa_print_options, SA, PRINT_OPTIONS, GtkBox)

SaPrintOptions *sa_print_options_new   (SaTimelineLayout       *layout,
                                        const SaHandoutOptions *options);
gboolean        sa_print_options_apply (SaPrintOptions         *self,
                                        SaHandoutOptions       *options,
                                        GError                **error);

G_END_DECLS
