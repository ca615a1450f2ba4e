/* sa-handout-pdf.c: writing a handout to a PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-handout-private.h"
#include "sa-render-pdf.h"
#include "sa-section.h"

static void
draw_page (gpointer  data,
           cairo_t  *cr,
           guint     page)
{
  sa_handout_draw_page (data, cr, page);
}

/**
 * sa_handout_write_pdf:
 * @self: a handout
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Writes the pages to @path, with the fonts embedded as subsets and the title and
 * creator in the document's metadata. The file is written under a temporary name
 * beside @path, flushed to disk and then renamed, so @path is never half written.
 */
gboolean
sa_handout_write_pdf (SaHandout   *self,
                      const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (SA_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _sa_render_write_pdf (path, self->page_width, self->page_height, self->pages->len,
                               draw_page, self, pango_layout_get_text (self->title),
                               pango_layout_get_text (self->subtitle), error);
}
