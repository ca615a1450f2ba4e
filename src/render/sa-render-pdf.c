/* sa-render-pdf.c: writing pages to a PDF file that appears whole or not at all
 *
 * Shared by the handout and the sheets: the pages are drawn onto a cairo PDF
 * stream into a temporary file beside the target, flushed to disk and renamed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sa-render-pdf.h"

typedef struct
{
  int fd;
  int saved_errno;  /* the first write error */
} Sink;

static cairo_status_t
write_data (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->saved_errno == 0)
    {
      gssize written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          sink->saved_errno = errno;
          break;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return sink->saved_errno == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_metadata (cairo_surface_t *surface,
              const char      *title,
              const char      *subject)
{
  g_autofree char *creator = g_strdup_printf ("Sasaeai %s", PACKAGE_VERSION);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
}

static gboolean
fail (GError     **error,
      const char  *path,
      int          saved_errno,
      const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, saved_errno ? g_io_error_from_errno (saved_errno) : G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), display, saved_errno ? g_strerror (saved_errno) : reason);
  return FALSE;
}

/**
 * _sa_render_write_pdf:
 * @path: the PDF file to write
 * @width: the pages' width in points
 * @height: their height
 * @n_pages: how many pages
 * @draw_page: draws one page
 * @data: for @draw_page
 * @title: (nullable): the document's title in its metadata
 * @subject: (nullable): its subject
 * @error: return location for an error
 *
 * Writes the pages with the fonts embedded as subsets. The file is written under a
 * temporary name beside @path, flushed to disk and then renamed, so @path is never
 * half written and an earlier file there stays when writing fails.
 */
gboolean
_sa_render_write_pdf (const char        *path,
                      double             width,
                      double             height,
                      guint              n_pages,
                      SaRenderPageFunc   draw_page,
                      gpointer           data,
                      const char        *title,
                      const char        *subject,
                      GError           **error)
{
  g_autofree char *temporary = g_strconcat (path, ".XXXXXX", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { -1, 0 };

  if ((sink.fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666)) < 0)
    return fail (error, path, errno, NULL);

  surface = cairo_pdf_surface_create_for_stream (write_data, &sink, width, height);
  set_metadata (surface, title, subject);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      draw_page (data, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && sink.saved_errno == 0 && g_fsync (sink.fd) != 0)
    sink.saved_errno = errno;
  if (close (sink.fd) != 0 && sink.saved_errno == 0)
    sink.saved_errno = errno;
  if (status == CAIRO_STATUS_SUCCESS && sink.saved_errno == 0 && g_rename (temporary, path) != 0)
    sink.saved_errno = errno;
  if (status != CAIRO_STATUS_SUCCESS || sink.saved_errno != 0)
    {
      g_unlink (temporary);
      return fail (error, path, sink.saved_errno, cairo_status_to_string (status));
    }
  return TRUE;
}
