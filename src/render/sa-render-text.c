/* sa-render-text.c: text and drawing helpers shared by the timeline and the handouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-render-private.h"

/* Each typeface is followed by others with Japanese glyphs, for a character it
 * lacks. Noto Sans CJK JP is what Debian's fonts-noto-cjk and the Flatpak runtime
 * provide. */
static const char * const families[] = {
  [SA_PRINT_FONT_UD]     = "BIZ UDPGothic, Noto Sans CJK JP, IPAexGothic, Sans",
  [SA_PRINT_FONT_NOTO]   = "Noto Sans CJK JP, Noto Sans JP, IPAexGothic, IPAGothic, Sans",
  [SA_PRINT_FONT_SYSTEM] = "Sans",
};

typedef struct
{
  const char *weight;
  double      size[3];  /* SaTextSize: screen, print, large print */
} FontSpec;

/* Paper gets body text of 11 pt, large print 14 pt, for older readers; the
 * window keeps its denser sizes, which it zooms. */
static const FontSpec fonts[SA_N_FONTS] = {
  [SA_FONT_BODY]     = { "",     {  9.5, 11.0, 14.0 } },
  [SA_FONT_STRONG]   = { "Bold", {  9.5, 11.0, 14.0 } },
  [SA_FONT_SMALL]    = { "",     {  8.5, 10.0, 12.5 } },
  [SA_FONT_TINY]     = { "",     {  7.0,  9.0, 11.0 } },
  [SA_FONT_HEADER]   = { "Bold", {  9.0, 11.0, 14.0 } },
  [SA_FONT_HEADING]  = { "Bold", { 10.5, 12.5, 16.0 } },
  [SA_FONT_TITLE]    = { "Bold", { 14.0, 17.0, 21.0 } },
  [SA_FONT_SUBTITLE] = { "",     { 10.0, 11.5, 14.0 } },
};

typedef struct
{
  SaPrintFont font;
  SaTextSize  size;
} Style;

static const Style screen_style = { SA_PRINT_FONT_NOTO, SA_TEXT_SIZE_SCREEN };

static GQuark
style_quark (void)
{
  return g_quark_from_static_string ("sa-render-style");
}

static GQuark
font_quark (void)
{
  return g_quark_from_static_string ("sa-render-font");
}

/**
 * _sa_render_context_new:
 *
 * A context that measures text in points, independent of any screen: no hinting
 * and no rounding, so the same layout draws identically on paper, in a PDF and,
 * scaled, on screen. The language is Japanese, so Han characters take Japanese
 * shapes whatever the locale. Its text has the window's typeface and sizes until
 * _sa_render_context_set_style() says otherwise.
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

/**
 * _sa_render_context_set_style:
 * @context: a context from _sa_render_context_new()
 * @font: the typeface asked for; one not installed falls back as
 *   sa_print_font_resolve() says
 * @size: the text sizes
 *
 * Sets the typeface and sizes of the layouts made in @context from now on, and of
 * those _sa_render_restyle() is given.
 */
void
_sa_render_context_set_style (PangoContext *context,
                              SaPrintFont   font,
                              SaTextSize    size)
{
  Style *style = g_new (Style, 1);

  style->font = sa_print_font_resolve (font);
  style->size = size;
  g_object_set_qdata_full (G_OBJECT (context), style_quark (), style, g_free);
}

static PangoFontDescription *
font_description (PangoContext *context,
                  SaFont        font)
{
  const Style *style = g_object_get_qdata (G_OBJECT (context), style_quark ());
  g_autofree char *text = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  if (style == NULL)
    style = &screen_style;
  g_ascii_formatd (size, sizeof size, "%g", fonts[font].size[style->size]);
  text = g_strdup_printf ("%s %s %s", families[style->font], fonts[font].weight, size);
  return pango_font_description_from_string (text);
}

/* The size of @font in points, as its context's style says. */
double
_sa_render_font_size (PangoContext *context,
                      SaFont        font)
{
  const Style *style = g_object_get_qdata (G_OBJECT (context), style_quark ());

  return fonts[font].size[style ? style->size : SA_TEXT_SIZE_SCREEN];
}

/**
 * _sa_render_restyle:
 * @layout: a layout from _sa_render_text()
 *
 * Gives @layout the typeface and size its context's style now says.
 */
void
_sa_render_restyle (PangoLayout *layout)
{
  PangoFontDescription *description;
  gpointer font;

  if (layout == NULL || !(font = g_object_get_qdata (G_OBJECT (layout), font_quark ())))
    return;
  description = font_description (pango_layout_get_context (layout), GPOINTER_TO_INT (font) - 1);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
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
  PangoFontDescription *description = font_description (context, font);

  g_object_set_qdata (G_OBJECT (layout), font_quark (), GINT_TO_POINTER (font + 1));
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

/* Draws the lines of @layout mostly inside the clip, each where pango_cairo_show_layout()
 * would: a row cut between pages shows each line on one page only, and a PDF reader
 * finds it once, not again as the glyphs clipped at the other page's edge. */
static void
show_lines_in_clip (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double       y,
                    double       clip_top,
                    double       clip_bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int y0, y1;
      double top, bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = y + pango_units_to_double (y0);
      bottom = y + pango_units_to_double (y1);
      if (2 * (MIN (bottom, clip_bottom) - MAX (top, clip_top)) < bottom - top)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + pango_units_to_double (logical.x),
                     y + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
_sa_render_show (cairo_t     *cr,
                 PangoLayout *layout,
                 double       x,
                 double       y,
                 guint32      rgb)
{
  double x0, y0, x1, y1;

  _sa_render_set_color (cr, rgb);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  if (y >= y0 && y + _sa_render_text_height (layout) <= y1)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  else
    show_lines_in_clip (cr, layout, x, y, y0, y1);
}
