/* sa-print-preview.h: the print preview, in a window of our own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SA_TYPE_PRINT_PREVIEW (sa_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (SaPrintPreview, sa_print_preview, SA, PRINT_PREVIEW, AdwWindow)

/* Makes a new operation printing what @previewed showed, for the Print button. */
typedef GtkPrintOperation *(*SaPrintPreviewAgain) (GtkPrintOperation *previewed,
                                                   gpointer           user_data);

void    sa_print_preview_attach      (GtkPrintOperation   *operation,
                                      SaPrintPreviewAgain  again,
                                      gpointer             user_data,
                                      GDestroyNotify       destroy);
guint   sa_print_preview_get_n_pages (SaPrintPreview      *self);
guint   sa_print_preview_get_page    (SaPrintPreview      *self);
void    sa_print_preview_set_page    (SaPrintPreview      *self,
                                      guint                page);
double  sa_print_preview_get_zoom    (SaPrintPreview      *self);
void    sa_print_preview_set_zoom    (SaPrintPreview      *self,
                                      double               zoom);

G_END_DECLS
