/* sa-render-text.c: text and drawing helpers shared by the timeline and the handouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-render-private.h"

/* Noto Sans CJK JP is what Debian's fonts-noto-cjk and the Flatpak runtime provide;
 * the rest are fallbacks with Japanese glyphs on other systems. */
#define FAMILIES "Noto Sans CJK JP, Noto Sans JP, IPAexGothic, IPAGothic, Sans"

static const struct
{
  const char  *weight;
  double       size;
} fonts[SA_N_FONTS] = {
  [SA_FONT_BODY]     = { "",      9.5 },
  [SA_FONT_STRONG]   = { "Bold",  9.5 },
  [SA_FONT_SMALL]    = { "",      8.5 },
  [SA_FONT_TINY]     = { "",      7.0 },
  [SA_FONT_HEADER]   = { "Bold",  9.0 },
  [SA_FONT_HEADING]  = { "Bold", 10.5 },
  [SA_FONT_TITLE]    = { "Bold", 14.0 },
  [SA_FONT_SUBTITLE] = { "",     10.0 },
};

/**
 * _sa_render_context_new:
 *
 * A context that measures text in points, independent of any screen: no hinting
 * and no rounding, so the same layout draws identically on paper, in a PDF and,
 * scaled, on screen. The language is Japanese, so Han characters take Japanese
 * shapes whatever the locale.
 *
 * Returns: (transfer full): the context
 */
PangoContext *
_sa_render_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("ja"));
  cairo_font_options_destroy (options);
  return context;
}

static PangoFontDescription *
font_description (SaFont font)
{
  g_autofree char *text = g_strdup_printf ("%s %s %g", FAMILIES, fonts[font].weight, fonts[font].size);

  return pango_font_description_from_string (text);
}

/**
 * _sa_render_text:
 * @context: a context from _sa_render_context_new()
 * @font: the font
 * @text: plain text; "\n" starts a new paragraph
 * @width: the width to wrap at, in points, or 0 for no wrapping
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
_sa_render_text (PangoContext *context,
                 SaFont        font,
                 const char   *text,
                 double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = font_description (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  _sa_render_set_width (layout, width);
  pango_font_description_free (description);
  return layout;
}

void
_sa_render_set_width (PangoLayout *layout,
                      double       width)
{
  pango_layout_set_width (layout, width > 0 ? pango_units_from_double (width) : -1);
}

double
_sa_render_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

double
_sa_render_text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

double
_sa_render_first_line_height (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1;

  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  return pango_units_to_double (y1 - y0);
}

/**
 * _sa_render_line_break:
 * @layout: a layout
 * @limit: a distance from the layout's top, in points
 *
 * Returns: the bottom of the last line that ends at or above @limit, where the
 *   layout can be cut without cutting a line; 0 when even its first line is taller
 */
double
_sa_render_line_break (PangoLayout *layout,
                       double       limit)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double best = 0;

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (pango_units_to_double (y1) > limit)
        break;
      best = pango_units_to_double (y1);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return best;
}

void
_sa_render_set_color (cairo_t *cr,
                      guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

void
_sa_render_show (cairo_t     *cr,
                 PangoLayout *layout,
                 double       x,
                 double       y,
                 guint32      rgb)
{
  _sa_render_set_color (cr, rgb);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}
