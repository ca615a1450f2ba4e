/* sa-toast.h: shows a toast in the window a widget belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *sa_toast_new_text  (const char *text);
void      sa_toast_show      (GtkWidget  *from,
                              AdwToast   *toast);
void      sa_toast_show_text (GtkWidget  *from,
                              const char *text);
void      sa_toast_show_undo (GtkWidget  *from,
                              const char *text);

/**
 * SaToastObserver:
 * @toast: (transfer none): the toast being shown
 * @overlay: (nullable): the overlay it went to, or %NULL when there was none
 * @user_data: data given to sa_toast_set_observer()
 *
 * For tests only: AdwToastOverlay cannot list its toasts.
 */
typedef void (*SaToastObserver) (AdwToast        *toast,
                                 AdwToastOverlay *overlay,
                                 gpointer         user_data);

void sa_toast_set_observer (SaToastObserver observer,
                            gpointer        user_data);

G_END_DECLS
