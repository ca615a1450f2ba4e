/* sa-render-private.h: text and drawing helpers shared by the timeline and the handouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "sa-print-font.h"

G_BEGIN_DECLS

/* Sizes in points: the renderer lays out in points, and a screen scales them. */
typedef enum
{
  SA_FONT_BODY,     /* commitments and table cells */
  SA_FONT_STRONG,   /* actors */
  SA_FONT_SMALL,    /* initiatives, notes under the table */
  SA_FONT_TINY,     /* activity counts */
  SA_FONT_HEADER,   /* column headers */
  SA_FONT_HEADING,  /* goal and part headings */
  SA_FONT_TITLE,    /* the page's title line */
  SA_FONT_SUBTITLE, /* the page's section line and date */
  SA_N_FONTS
} SaFont;

/* Space between a cell's border and its text. */
#define SA_CELL_PAD_X 5.0
#define SA_CELL_PAD_Y 4.5

PangoContext *_sa_render_context_new    (void);
void          _sa_render_context_set_style (PangoContext *context,
                                         SaPrintFont   font,
                                         SaTextSize    size);
void          _sa_render_restyle        (PangoLayout  *layout);
double        _sa_render_font_size      (PangoContext *context,
                                         SaFont        font);
PangoLayout  *_sa_render_text           (PangoContext *context,
                                         SaFont        font,
                                         const char   *text,
                                         double        width);
void          _sa_render_set_width      (PangoLayout  *layout,
                                         double        width);
double        _sa_render_text_width     (PangoLayout  *layout);
double        _sa_render_text_height    (PangoLayout  *layout);
double        _sa_render_first_line_height (PangoLayout *layout);
double        _sa_render_line_break     (PangoLayout  *layout,
                                         double        limit);
void          _sa_render_set_color      (cairo_t      *cr,
                                         guint32       rgb);
void          _sa_render_show           (cairo_t      *cr,
                                         PangoLayout  *layout,
                                         double        x,
                                         double        y,
                                         guint32       rgb);

G_END_DECLS
