/* sa-print-preview.c: the print preview, in a window of our own
 *
 * GTK's own preview writes a PDF and hands it to an external viewer, which an
 * office PC may not have: then "Print Preview" seems to do nothing. This window
 * handles the operation's "preview" signal instead: each page is drawn once, by
 * the operation's own draw-page code, into a cairo recording surface, and shown
 * at any zoom from there. Print opens the print dialog again for the same pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-print-preview.h"

#define MARGIN 24.0

static const double zooms[] = { 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0 };

typedef struct
{
  cairo_surface_t *surface;  /* a recording, in points */
  double           width;    /* points */
  double           height;
} Page;

typedef struct
{
  SaPrintPreviewAgain again;
  gpointer            user_data;
  GDestroyNotify      destroy;
} Again;

struct _SaPrintPreview
{
  AdwWindow                 parent_instance;

  GtkPrintOperation        *operation;
  GtkPrintOperationPreview *preview;
  GtkPrintContext          *context;
  Again                    *again;
  GArray                   *pages;
  double                    page_width;  /* of the page being drawn, from got-page-size */
  double                    page_height;
  guint                     page;
  double                    zoom;
  gboolean                  ended;

  GtkDrawingArea           *area;
  GtkLabel                 *page_label;
  GtkWidget                *previous_button;
  GtkWidget                *next_button;
  GtkWidget                *zoom_in_button;
  GtkWidget                *zoom_out_button;
  GtkWidget                *print_button;
};

G_DEFINE_FINAL_TYPE (SaPrintPreview, sa_print_preview, ADW_TYPE_WINDOW)

static void
again_free (Again *again)
{
  if (again->destroy != NULL)
    again->destroy (again->user_data);
  g_free (again);
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->surface, cairo_surface_destroy);
}

/* ---- showing a page ------------------------------------------------------------- */

static const Page *
current_page (SaPrintPreview *self)
{
  return self->page < self->pages->len ? &g_array_index (self->pages, Page, self->page) : NULL;
}

static void
update (SaPrintPreview *self)
{
  const Page *page = current_page (self);
  g_autofree char *text = NULL;

  if (self->pages->len == 0)
    text = g_strdup (_("No pages"));
  else
    /* Translators: in the print preview, “Page 1 of 3” */
    text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->pages->len);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_set_sensitive (self->previous_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < self->pages->len);
  gtk_widget_set_sensitive (self->zoom_out_button, self->zoom > zooms[0]);
  gtk_widget_set_sensitive (self->zoom_in_button, self->zoom < zooms[G_N_ELEMENTS (zooms) - 1]);
  if (page != NULL)
    {
      gtk_drawing_area_set_content_width (self->area, (int) ceil (page->width * self->zoom + 2 * MARGIN));
      gtk_drawing_area_set_content_height (self->area, (int) ceil (page->height * self->zoom + 2 * MARGIN));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  SaPrintPreview *self = data;
  const Page *page = current_page (self);
  double x, w, h;

  if (page == NULL)
    return;
  w = page->width * self->zoom;
  h = page->height * self->zoom;
  x = MAX (MARGIN, (width - w) / 2);
  /* The sheet of paper, with a thin edge so that white meets white visibly. */
  cairo_rectangle (cr, x - 1, MARGIN - 1, w + 2, h + 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_fill (cr);
  cairo_rectangle (cr, x, MARGIN, w, h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_translate (cr, x, MARGIN);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_set_source_surface (cr, page->surface, 0, 0);
  cairo_paint (cr);
}

/* ---- the operation's pages ---------------------------------------------------- */

static void
use_surface (SaPrintPreview  *self,
             cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);

  /* 72 dots per inch: the context's units are the recording's points. */
  gtk_print_context_set_cairo_context (self->context, cr, 72, 72);
  cairo_destroy (cr);
}

static void
on_got_page_size (SaPrintPreview           *self,
                  GtkPrintContext          *context,
                  GtkPageSetup             *page_setup,
                  GtkPrintOperationPreview *preview)
{
  self->page_width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  self->page_height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
}

/* Pagination is done: draws every page the settings print, once. */
static void
on_ready (SaPrintPreview           *self,
          GtkPrintContext          *context,
          GtkPrintOperationPreview *preview)
{
  int n_pages = 0;

  g_object_get (self->operation, "n-pages", &n_pages, NULL);
  for (int i = 0; i < n_pages; i++)
    {
      Page page = { cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL), 0, 0 };

      if (!gtk_print_operation_preview_is_selected (self->preview, i))
        {
          cairo_surface_destroy (page.surface);
          continue;
        }
      self->page_width = gtk_print_context_get_width (context);
      self->page_height = gtk_print_context_get_height (context);
      use_surface (self, page.surface);
      gtk_print_operation_preview_render_page (self->preview, i);
      page.width = self->page_width;
      page.height = self->page_height;
      g_array_append_val (self->pages, page);
    }
  self->page = 0;
  update (self);
}

static void
end_preview (SaPrintPreview *self)
{
  if (self->ended || self->preview == NULL)
    return;
  self->ended = TRUE;
  gtk_print_operation_preview_end_preview (self->preview);
}

/* ---- buttons ------------------------------------------------------------------ */

static void
previous_clicked (SaPrintPreview *self)
{
  if (self->page > 0)
    sa_print_preview_set_page (self, self->page - 1);
}

static void
next_clicked (SaPrintPreview *self)
{
  sa_print_preview_set_page (self, self->page + 1);
}

static void
zoom_in_clicked (SaPrintPreview *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    if (zooms[i] > self->zoom + 0.01)
      {
        sa_print_preview_set_zoom (self, zooms[i]);
        return;
      }
}

static void
zoom_out_clicked (SaPrintPreview *self)
{
  for (guint i = G_N_ELEMENTS (zooms); i > 0; i--)
    if (zooms[i - 1] < self->zoom - 0.01)
      {
        sa_print_preview_set_zoom (self, zooms[i - 1]);
        return;
      }
}

/* The previewed operation is over once the preview ends: a new one, with the same
 * settings, prints. */
static void
print_clicked (SaPrintPreview *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;

  if (self->again == NULL || !(operation = self->again->again (self->operation, self->again->user_data)))
    return;
  g_object_get (self->operation, "job-name", &job_name, NULL);
  gtk_print_operation_set_job_name (operation, job_name);
  if (gtk_print_operation_get_print_settings (self->operation) != NULL)
    gtk_print_operation_set_print_settings (operation, gtk_print_operation_get_print_settings (self->operation));
  if (gtk_print_operation_get_default_page_setup (self->operation) != NULL)
    gtk_print_operation_set_default_page_setup (operation, gtk_print_operation_get_default_page_setup (self->operation));
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_object_ref (parent);
  gtk_window_close (GTK_WINDOW (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Printing did not start: %s", error ? error->message : "");
  g_clear_object (&parent);
}

static GtkWidget *
icon_button (SaPrintPreview *self,
             const char     *icon,
             const char     *tooltip,
             GCallback       callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static gboolean
sa_print_preview_close_request (GtkWindow *window)
{
  end_preview (SA_PRINT_PREVIEW (window));
  return GTK_WINDOW_CLASS (sa_print_preview_parent_class)->close_request (window);
}

static void
sa_print_preview_dispose (GObject *object)
{
  SaPrintPreview *self = SA_PRINT_PREVIEW (object);

  end_preview (self);
  g_clear_object (&self->preview);
  g_clear_object (&self->context);
  g_clear_object (&self->operation);
  g_clear_pointer (&self->again, again_free);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (sa_print_preview_parent_class)->dispose (object);
}

static void
sa_print_preview_class_init (SaPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sa_print_preview_dispose;
  window_class->close_request = sa_print_preview_close_request;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sa_print_preview_init (SaPrintPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *zoom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, (GDestroyNotify) page_clear);
  self->zoom = 1.0;

  gtk_window_set_title (GTK_WINDOW (self), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 660);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  self->previous_button = icon_button (self, "go-previous-symbolic", _("Previous Page"), G_CALLBACK (previous_clicked));
  self->next_button = icon_button (self, "go-next-symbolic", _("Next Page"), G_CALLBACK (next_clicked));
  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_margin_start (GTK_WIDGET (self->page_label), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->page_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "numeric");
  gtk_box_append (GTK_BOX (pages), self->previous_button);
  gtk_box_append (GTK_BOX (pages), GTK_WIDGET (self->page_label));
  gtk_box_append (GTK_BOX (pages), self->next_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), pages);

  self->zoom_out_button = icon_button (self, "zoom-out-symbolic", _("Zoom Out"), G_CALLBACK (zoom_out_clicked));
  self->zoom_in_button = icon_button (self, "zoom-in-symbolic", _("Zoom In"), G_CALLBACK (zoom_in_clicked));
  gtk_widget_add_css_class (zoom, "linked");
  gtk_box_append (GTK_BOX (zoom), self->zoom_out_button);
  gtk_box_append (GTK_BOX (zoom), self->zoom_in_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), zoom);

  self->print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (self->print_button, "suggested-action");
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->print_button);
  gtk_box_append (GTK_BOX (box), header);

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->area, draw, self, NULL);
  gtk_widget_set_halign (GTK_WIDGET (self->area), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->area));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "view");
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  update (self);
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            Again                    *again)
{
  SaPrintPreview *self = g_object_new (SA_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);

  self->operation = g_object_ref (operation);
  self->preview = g_object_ref (preview);
  self->context = g_object_ref (context);
  if (again->again != NULL)
    {
      self->again = g_new0 (Again, 1);
      *self->again = *again;
      /* The window owns the data now; the signal's copy lets go of nothing. */
      again->destroy = NULL;
    }
  gtk_widget_set_visible (self->print_button, self->again != NULL);
  /* Pagination measures text on the context before the first page is drawn. */
  use_surface (self, scratch);
  cairo_surface_destroy (scratch);
  g_signal_connect_object (preview, "got-page-size", G_CALLBACK (on_got_page_size), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (preview, "ready", G_CALLBACK (on_ready), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self));
  return TRUE;
}

static void
again_closure_free (gpointer  data,
                    GClosure *closure)
{
  again_free (data);
}

/**
 * sa_print_preview_attach:
 * @operation: an operation about to run
 * @again: (nullable): makes the operation the preview's Print button runs; without
 *   it the preview has no Print button
 * @user_data: for @again
 * @destroy: (nullable): frees @user_data
 *
 * Shows @operation's print preview in a window of the application.
 */
void
sa_print_preview_attach (GtkPrintOperation   *operation,
                         SaPrintPreviewAgain  again,
                         gpointer             user_data,
                         GDestroyNotify       destroy)
{
  Again *data = g_new0 (Again, 1);

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));

  *data = (Again) { again, user_data, destroy };
  g_signal_connect_data (operation, "preview", G_CALLBACK (on_preview), data, again_closure_free, 0);
}

guint
sa_print_preview_get_n_pages (SaPrintPreview *self)
{
  g_return_val_if_fail (SA_IS_PRINT_PREVIEW (self), 0);

  return self->pages->len;
}

guint
sa_print_preview_get_page (SaPrintPreview *self)
{
  g_return_val_if_fail (SA_IS_PRINT_PREVIEW (self), 0);

  return self->page;
}

void
sa_print_preview_set_page (SaPrintPreview *self,
                           guint           page)
{
  g_return_if_fail (SA_IS_PRINT_PREVIEW (self));

  if (page >= self->pages->len)
    return;
  self->page = page;
  update (self);
}

double
sa_print_preview_get_zoom (SaPrintPreview *self)
{
  g_return_val_if_fail (SA_IS_PRINT_PREVIEW (self), 1.0);

  return self->zoom;
}

void
sa_print_preview_set_zoom (SaPrintPreview *self,
                           double          zoom)
{
  g_return_if_fail (SA_IS_PRINT_PREVIEW (self));

  self->zoom = CLAMP (zoom, zooms[0], zooms[G_N_ELEMENTS (zooms) - 1]);
  update (self);
}
