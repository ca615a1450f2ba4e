/* sa-period-window.h: New Plan Period…, and the comparison of two periods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_PERIOD_WINDOW (sa_period_window_get_type ())

G_DECLARE_FINAL_TYPE (SaPeriodWindow, sa_period_window, SA, PERIOD_WINDOW, AdwWindow)

SaPeriodWindow *sa_period_window_new_period      (GtkWindow      *parent,
                                                  SaContext      *context);
SaPeriodWindow *sa_period_window_compare         (GtkWindow      *parent,
                                                  SaContext      *context);
const char     *sa_period_window_get_counts_text (SaPeriodWindow *self);

G_END_DECLS
