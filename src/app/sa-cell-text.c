/* sa-cell-text.c: one line of text in a table cell, sized without reading it
 *
 * What GtkInscription is to a list's cells, less its clip. A cell's size comes from
 * its font, not its text, so a search or sort that refills 200 rows measures
 * nothing. Its text is ellipsized to the cell's width and height, so it needs no
 * clip to stay inside; GtkInscription pushes one anyway, and GTK's GL renderer
 * starts a new batch of drawing for every clip: on Mesa's llvmpipe, 30 rows of
 * eight clipped cells took 300 batches and 20 MB of the renderer's memory in each
 * frame, where the same rows unclipped draw in a few.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <math.h>

#include "sa-cell-text.h"

/* Wide enough for a few characters when the column leaves it no room; the column
 * gives it its width. */
#define MIN_CHARS 3

struct _SaCellText
{
  GtkWidget    parent_instance;

  PangoLayout *layout;
  float        xalign;
  /* The font's character width and a line's ascent and descent, for the
   * context's serial. */
  guint        metrics_serial;
  int          char_width;
  int          ascent;
  int          descent;
};

G_DEFINE_FINAL_TYPE (SaCellText, sa_cell_text, GTK_TYPE_WIDGET)

/* A line is as tall as the interface's font or a Japanese one, whichever is taller:
 * the records are Japanese whatever the interface's language, and a line of
 * Japanese text that does not fit would spill out of its cell. */
static void
update_metrics (SaCellText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  PangoFontMetrics *japanese = pango_context_get_metrics (context, NULL, pango_language_from_string ("ja"));

  self->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                          pango_font_metrics_get_approximate_digit_width (metrics));
  self->ascent = MAX (pango_font_metrics_get_ascent (metrics), pango_font_metrics_get_ascent (japanese));
  self->descent = MAX (pango_font_metrics_get_descent (metrics), pango_font_metrics_get_descent (japanese));
  self->metrics_serial = pango_context_get_serial (context);
  pango_font_metrics_unref (metrics);
  pango_font_metrics_unref (japanese);
}

static void
sa_cell_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SaCellText *self = SA_CELL_TEXT (widget);

  if (self->metrics_serial != pango_context_get_serial (gtk_widget_get_pango_context (widget)))
    update_metrics (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = PANGO_PIXELS_CEIL (MIN_CHARS * self->char_width);
  else
    *minimum = *natural = PANGO_PIXELS_CEIL (self->ascent + self->descent);
}

static void
update_alignment (SaCellText *self)
{
  float xalign = self->xalign;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;
  pango_layout_set_alignment (self->layout, xalign < 0.33f ? PANGO_ALIGN_LEFT
                                            : xalign > 0.67f ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
}

static void
sa_cell_text_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (sa_cell_text_parent_class)->direction_changed (widget, previous);
  update_alignment (SA_CELL_TEXT (widget));
}

/* The layout is cut to the cell: one line, ellipsized at its end. */
static void
sa_cell_text_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SaCellText *self = SA_CELL_TEXT (widget);

  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_set_height (self->layout, height * PANGO_SCALE);
}

/* Every cell of a row puts its baseline at the same height, whichever font its
 * text is in: the line's middle is the cell's. */
static void
sa_cell_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SaCellText *self = SA_CELL_TEXT (widget);
  float y;

  if (*pango_layout_get_text (self->layout) == '\0')
    return;
  y = floorf ((gtk_widget_get_height (widget) * PANGO_SCALE - self->ascent - self->descent) / 2.0f / PANGO_SCALE) +
      (float) (self->ascent - pango_layout_get_baseline (self->layout)) / PANGO_SCALE;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, y, self->layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
sa_cell_text_finalize (GObject *object)
{
  g_clear_object (&SA_CELL_TEXT (object)->layout);

  G_OBJECT_CLASS (sa_cell_text_parent_class)->finalize (object);
}

static void
sa_cell_text_class_init (SaCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sa_cell_text_finalize;
  widget_class->measure = sa_cell_text_measure;
  widget_class->size_allocate = sa_cell_text_size_allocate;
  widget_class->snapshot = sa_cell_text_snapshot;
  widget_class->direction_changed = sa_cell_text_direction_changed;
  /* The cell around it is named with its text (sa_accessible_name_list_item). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
sa_cell_text_init (SaCellText *self)
{
  /* The layout follows the widget's font: it checks its context's serial. */
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
}

/**
 * sa_cell_text_new:
 * @xalign: where the text sits across the cell, 0 at the start to 1 at the end
 * @numeric: whether it shows numbers, whose digits then line up
 *
 * Returns: (transfer floating): a cell's text, empty
 */
GtkWidget *
sa_cell_text_new (float    xalign,
                  gboolean numeric)
{
  SaCellText *self = g_object_new (SA_TYPE_CELL_TEXT, NULL);

  self->xalign = CLAMP (xalign, 0.0f, 1.0f);
  update_alignment (self);
  /* The "numeric" style class's tabular digits reach a label through private CSS
   * attributes; here they are the layout's own. */
  if (numeric)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->layout, attributes);
      gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
    }
  return GTK_WIDGET (self);
}

const char *
sa_cell_text_get_text (SaCellText *self)
{
  g_return_val_if_fail (SA_IS_CELL_TEXT (self), NULL);

  return pango_layout_get_text (self->layout);
}

/**
 * sa_cell_text_set_text:
 * @self: a cell's text
 * @text: (nullable): what it shows
 *
 * Shows @text. The cell's size stays: only its drawing changes.
 */
void
sa_cell_text_set_text (SaCellText *self,
                       const char *text)
{
  g_return_if_fail (SA_IS_CELL_TEXT (self));

  if (g_strcmp0 (text ? text : "", pango_layout_get_text (self->layout)) == 0)
    return;
  pango_layout_set_text (self->layout, text ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
