/* sa-handout-pdf.c: writing a handout to a PDF file
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

#include "sa-handout-private.h"
#include "sa-section.h"

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
set_metadata (SaHandout       *self,
              cairo_surface_t *surface)
{
  SaRecord *section = sa_timeline_layout_get_section (self->layout);
  g_autofree char *creator = g_strdup_printf ("Sasaeai %s", PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  pango_layout_get_text (self->title));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  sa_record_get_text (section, SA_SECTION_TITLE));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
}

/* Draws every page onto a PDF stream into @sink. */
static cairo_status_t
render_pdf (SaHandout *self,
            Sink      *sink)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_data, sink, self->page_width, self->page_height);
  set_metadata (self, surface);
  cr = cairo_create (surface);
  for (guint page = 0; page < self->pages->len; page++)
    {
      sa_handout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
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
  g_autofree char *temporary = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (SA_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temporary = g_strconcat (path, ".XXXXXX", NULL);
  if ((sink.fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666)) < 0)
    return fail (error, path, errno, NULL);

  status = render_pdf (self, &sink);
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
