/* sa-render-pdf.h: writing pages to a PDF file that appears whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws page @page (from 0) onto @cr, whose user space is the page in points. */
typedef void (*SaRenderPageFunc) (gpointer  data,
                                  cairo_t  *cr,
                                  guint     page);

gboolean _sa_render_write_pdf (const char        *path,
                               double             width,
                               double             height,
                               guint              n_pages,
                               SaRenderPageFunc   draw_page,
                               gpointer           data,
                               const char        *title,
                               const char        *subject,
                               GError           **error);

G_END_DECLS
