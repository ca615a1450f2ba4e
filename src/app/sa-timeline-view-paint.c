/* sa-timeline-view-paint.c: the timeline view's colours and painting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <math.h>

#include "sa-timeline-painter.h"
#include "sa-timeline-view-private.h"

/* ---- drawing --------------------------------------------------------------------- */

static guint32
to_rgb (const GdkRGBA *color)
{
  return ((guint32) lround (CLAMP (color->red, 0, 1) * 255) << 16) |
         ((guint32) lround (CLAMP (color->green, 0, 1) * 255) << 8) |
         (guint32) lround (CLAMP (color->blue, 0, 1) * 255);
}

/* @a over @b with @a's share @t, and @a's own alpha; opaque. */
static guint32
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t)
{
  double share = t * a->alpha;
  GdkRGBA c = {
    a->red * share + b->red * (1 - share),
    a->green * share + b->green * (1 - share),
    a->blue * share + b->blue * (1 - share),
    1,
  };

  return to_rgb (&c);
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

/* The painter's colours from the theme's, so the table follows the dark style; the
 * fallbacks are libadwaita's light ones. */
void
_sa_timeline_view_update_style (SaTimelineView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA bg, fg, success, accent_fg;
  SaTimelineStyle *style = &self->style;

  lookup_color (context, "view_bg_color", "#ffffff", &bg);
  lookup_color (context, "view_fg_color", "rgba(0,0,0,0.8)", &fg);
  lookup_color (context, "success_color", "#1b8553", &success);
  lookup_color (context, "accent_color", "#1c71d8", &self->accent);
  lookup_color (context, "accent_bg_color", "#3584e4", &self->accent_bg);
  lookup_color (context, "accent_fg_color", "#ffffff", &accent_fg);

  style->background = to_rgb (&bg);
  style->text = mix (&fg, &bg, 1.0);
  style->muted = mix (&fg, &bg, 0.6);
  style->grid = mix (&fg, &bg, 0.2);
  style->border = mix (&fg, &bg, 0.45);
  style->header_fill = mix (&self->accent, &bg, 0.13);
  style->goal_fill = mix (&self->accent, &bg, 0.06);
  style->goal_accent = mix (&self->accent_bg, &bg, 1.0);
  style->goal_accent_text = mix (&accent_fg, &bg, 1.0);
  style->actor_fill = mix (&fg, &bg, 0.04);
  style->phase_fill = mix (&success, &bg, 0.12);
  style->bar = mix (&self->accent, &bg, 1.0);
}

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* One vertical strip of the table: the fixed columns, or the years, scrolled by
 * @scrolled pixels. The rows go first and the header over them. */
static void
paint_strip (SaTimelineView *self,
             cairo_t        *cr,
             double          left,
             double          right,
             double          scrolled,
             double          height)
{
  double s = self->scale;

  if (right <= left)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, left, self->header_px, right - left, height - self->header_px);
  cairo_clip (cr);
  cairo_translate (cr, -scrolled, self->header_px - _sa_timeline_view_voffset (self));
  cairo_scale (cr, s, s);
  sa_timeline_paint_rows (self->layout, cr, &self->style, _sa_timeline_view_voffset (self) / s,
                          (height - self->header_px) / s);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, left, 0, right - left, self->header_px);
  cairo_clip (cr);
  cairo_translate (cr, -scrolled, 0);
  cairo_scale (cr, s, s);
  sa_timeline_paint_header (self->layout, cr, &self->style);
  cairo_restore (cr);
}

/* A section's and a goal's heading span the table: they stay whole, unscrolled, when the years
 * scroll beside the fixed columns. */
static void
paint_goal_rows (SaTimelineView *self,
                 cairo_t        *cr,
                 double          width,
                 double          height)
{
  double s = self->scale;
  double top = _sa_timeline_view_voffset (self) / s;
  int first = sa_timeline_layout_get_row_at_y (self->layout, top);

  if (first < 0)
    return;
  for (guint i = (guint) first; i < _sa_timeline_view_n_rows (self); i++)
    {
      const SaTimelineRow *row = _sa_timeline_view_row_at (self, i);
      double y = _sa_timeline_view_row_to_widget_y (self, row->y);

      if (y >= height)
        break;
      if (row->kind == SA_TIMELINE_ROW_COMMITMENT)
        continue;
      cairo_save (cr);
      cairo_rectangle (cr, 0, MAX (y, self->header_px), width, height - MAX (y, self->header_px));
      cairo_clip (cr);
      cairo_translate (cr, 0, self->header_px - _sa_timeline_view_voffset (self));
      cairo_scale (cr, s, s);
      sa_timeline_paint_rows (self->layout, cr, &self->style, row->y, row->height);
      cairo_restore (cr);
    }
}

static void
for_each_quarter_line (SaTimelineView *self,
                       cairo_t        *cr,
                       double          top,
                       double          bottom)
{
  for (int fy = sa_timeline_layout_get_first_fy (self->layout);
       fy <= sa_timeline_layout_get_last_fy (self->layout); fy++)
    {
      double x, width;

      sa_timeline_layout_get_year_column (self->layout, fy, &x, &width);
      for (guint q = 1; q < 4; q++)
        {
          double at = round (_sa_timeline_view_years_to_widget_x (self, x + _sa_timeline_view_quarter_start (fy, q) * width)) + 0.5;

          cairo_move_to (cr, at, top);
          cairo_line_to (cr, at, bottom);
        }
    }
}

static void
paint_quarter_labels (SaTimelineView *self,
                      cairo_t        *cr,
                      double          top)
{
  set_source_rgb (cr, self->style.text);
  for (int fy = sa_timeline_layout_get_first_fy (self->layout);
       fy <= sa_timeline_layout_get_last_fy (self->layout); fy++)
    {
      double x, width;

      sa_timeline_layout_get_year_column (self->layout, fy, &x, &width);
      for (guint q = 0; q < 4; q++)
        {
          double start = _sa_timeline_view_years_to_widget_x (self, x + _sa_timeline_view_quarter_start (fy, q) * width);
          double end = _sa_timeline_view_years_to_widget_x (self, x + (q < 3 ? _sa_timeline_view_quarter_start (fy, q + 1) : 1) * width);
          int label_width;

          pango_layout_set_text (self->quarter_text, _sa_timeline_view_quarter_label (q), -1);
          pango_layout_get_pixel_size (self->quarter_text, &label_width, NULL);
          cairo_move_to (cr, round ((start + end - label_width) / 2), top + STRIP_PAD);
          pango_cairo_show_layout (cr, self->quarter_text);
        }
    }
}

/* Under the column header: Q1–Q4 over each year, and dotted lines down the rows. */
static void
paint_quarters (SaTimelineView *self,
                cairo_t        *cr,
                double          width,
                double          height)
{
  double strip_top = self->header_px - self->strip_px;
  double rows_bottom = MIN (height, _sa_timeline_view_row_to_widget_y (self, sa_timeline_layout_get_height (self->layout)));
  double table_right = MIN (width, _sa_timeline_view_years_to_widget_x (self, sa_timeline_layout_get_width (self->layout)));
  static const double dash[] = { 2, 2 };

  cairo_save (cr);
  set_source_rgb (cr, self->style.header_fill);
  cairo_rectangle (cr, 0, strip_top, MAX (table_right, self->fixed_px), self->strip_px);
  cairo_fill (cr);
  cairo_rectangle (cr, self->fixed_px, 0, width - self->fixed_px, height);
  cairo_clip (cr);
  paint_quarter_labels (self, cr, strip_top);

  set_source_rgb (cr, self->style.grid);
  cairo_set_line_width (cr, 1);
  for_each_quarter_line (self, cr, strip_top, strip_top + self->strip_px);
  cairo_stroke (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for_each_quarter_line (self, cr, self->header_px, rows_bottom);
  cairo_stroke (cr);
  cairo_restore (cr);

  set_source_rgb (cr, self->style.border);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, round (self->header_px) - 0.5);
  cairo_line_to (cr, MAX (table_right, self->fixed_px), round (self->header_px) - 0.5);
  cairo_stroke (cr);
}

/* A line down the rows where today falls, with a mark under the header. */
static void
paint_today (SaTimelineView *self,
             cairo_t        *cr,
             double          width,
             double          height)
{
  double x = sa_timeline_view_get_today_x (self);
  double top = self->header_px;
  double bottom = MIN (height, _sa_timeline_view_row_to_widget_y (self, sa_timeline_layout_get_height (self->layout)));

  if (x < self->fixed_px || x > width)
    return;
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &self->accent);
  cairo_set_line_width (cr, TODAY_WIDTH);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);
  cairo_move_to (cr, x - TODAY_MARK, top);
  cairo_line_to (cr, x + TODAY_MARK, top);
  cairo_line_to (cr, x, top + TODAY_MARK);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
paint_selection (SaTimelineView *self,
                 cairo_t        *cr,
                 double          width,
                 double          height)
{
  const SaTimelineRow *row;
  double y, h, right;

  if (!_sa_timeline_view_is_commitment (self, self->selected))
    {
      /* Focused with nothing selected yet: the whole table shows the focus. */
      if (gtk_widget_has_focus (GTK_WIDGET (self)))
        {
          gdk_cairo_set_source_rgba (cr, &self->accent_bg);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, 1, self->header_px + 1, width - 2, height - self->header_px - 2);
          cairo_stroke (cr);
        }
      return;
    }
  row = _sa_timeline_view_row_at (self, self->selected);
  y = _sa_timeline_view_row_to_widget_y (self, row->y);
  h = row->height * self->scale;
  right = MIN (width, _sa_timeline_view_years_to_widget_x (self, sa_timeline_layout_get_width (self->layout)));
  right = MAX (right, self->fixed_px);

  cairo_save (cr);
  cairo_rectangle (cr, 0, self->header_px, width, height - self->header_px);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, self->accent_bg.red, self->accent_bg.green, self->accent_bg.blue, 0.16);
  cairo_rectangle (cr, 0, y, right, h);
  cairo_fill (cr);
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      gdk_cairo_set_source_rgba (cr, &self->accent_bg);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, y + 1, right - 2, h - 2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
_sa_timeline_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  set_source_rgb (cr, self->style.background);
  cairo_paint (cr);
  paint_strip (self, cr, 0, self->fixed_px, 0, height);
  paint_strip (self, cr, self->fixed_px, width, _sa_timeline_view_hoffset (self), height);
  if (self->fixed_px > 0)
    paint_goal_rows (self, cr, width, height);
  if (_sa_timeline_view_shows_quarters (self))
    paint_quarters (self, cr, width, height);
  paint_selection (self, cr, width, height);
  paint_today (self, cr, width, height);
  cairo_destroy (cr);
}

