/* sa-timeline-painter.c: drawing a timeline layout with cairo
 *
 * The painter draws in the layout's coordinates, in points: the header from y = 0,
 * the rows from y = 0 at the top of the first row. A window translates and scales
 * the cairo context and asks for the rows it shows; a page asks for the rows that
 * fit on it. Text is drawn row by row, each 誰が before its commitments and each
 * commitment before its schedule, so a PDF's text reads in that order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-timeline-layout-private.h"
#include "sa-timeline-painter.h"

#define GRID_WIDTH   0.5
#define BORDER_WIDTH 0.9
#define SHAFT_WIDTH  1.1
#define ARROW_LENGTH 6.0
#define ARROW_HALF   3.2
#define LABEL_GAP    3.0

static const SaTimelineStyle print_style = {
  .background       = 0xffffff,
  .text             = 0x1a1a1a,
  .muted            = 0x56626e,
  .grid             = 0x9aa5b1,
  .border           = 0x3c4650,
  .header_fill      = 0xdce5ee,
  .goal_fill        = 0xeef3f8,
  .goal_accent      = 0x2b5a87,
  .goal_accent_text = 0xffffff,
  .actor_fill       = 0xf5f7f9,
  .phase_fill       = 0xedf5e6,
  .bar              = 0x2b5a87,
};

/**
 * sa_timeline_style_get_print:
 *
 * Returns: (transfer none): the colours for paper and PDF: dark on white, with
 *   fills light enough for a black-and-white copier
 */
const SaTimelineStyle *
sa_timeline_style_get_print (void)
{
  return &print_style;
}

static void
fill_rect (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   height,
           guint32  rgb)
{
  _sa_render_set_color (cr, rgb);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

/* Text centred in a cell, both ways. */
static void
show_centered (cairo_t     *cr,
               PangoLayout *text,
               double       x,
               double       y,
               double       width,
               double       height,
               guint32      rgb)
{
  _sa_render_set_width (text, width - 2 * SA_CELL_PAD_X);
  _sa_render_show (cr, text, x + SA_CELL_PAD_X, y + (height - _sa_render_text_height (text)) / 2, rgb);
}

/* ---- The column header ----------------------------------------------------------- */

static void
header_lines (SaTimelineLayout *self,
              cairo_t          *cr,
              const SaTimelineStyle *style)
{
  double years_x = self->actor_width + self->text_width;
  guint n = sa_timeline_layout_get_n_years (self);

  _sa_render_set_color (cr, style->grid);
  cairo_set_line_width (cr, GRID_WIDTH);
  line (cr, self->actor_width, 0, self->actor_width, self->header_height);
  line (cr, years_x, 0, years_x, self->header_height);
  line (cr, years_x, self->caption_height, self->width, self->caption_height);
  for (guint i = 1; i < n; i++)
    line (cr, years_x + i * self->year_width, self->caption_height,
          years_x + i * self->year_width, self->header_height);
  cairo_stroke (cr);

  _sa_render_set_color (cr, style->border);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_rectangle (cr, 0, 0, self->width, self->header_height);
  cairo_stroke (cr);
}

/**
 * sa_timeline_paint_header:
 * @layout: a layout
 * @cr: where to draw, with y = 0 at the header's top
 * @style: (nullable): the colours; %NULL for print
 *
 * Draws the column header: 誰が, 計画期間中に取り組むこと, and the years under
 * their caption, sa_timeline_layout_get_header_height() high.
 */
void
sa_timeline_paint_header (SaTimelineLayout      *layout,
                          cairo_t               *cr,
                          const SaTimelineStyle *style)
{
  double years_x, labels_height;

  g_return_if_fail (SA_IS_TIMELINE_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  style = style ? style : &print_style;
  years_x = layout->actor_width + layout->text_width;
  labels_height = layout->header_height - layout->caption_height;

  cairo_save (cr);
  fill_rect (cr, 0, 0, layout->width, layout->header_height, style->header_fill);
  show_centered (cr, layout->header_texts[SA_TIMELINE_COLUMN_ACTOR], 0, 0,
                 layout->actor_width, layout->header_height, style->text);
  show_centered (cr, layout->header_texts[SA_TIMELINE_COLUMN_TEXT], layout->actor_width, 0,
                 layout->text_width, layout->header_height, style->text);
  show_centered (cr, layout->header_texts[SA_TIMELINE_COLUMN_YEARS], years_x, 0,
                 layout->width - years_x, layout->caption_height, style->text);
  for (guint i = 0; i < layout->year_texts->len; i++)
    show_centered (cr, g_ptr_array_index (layout->year_texts, i),
                   years_x + i * layout->year_width, layout->caption_height,
                   layout->year_width, labels_height, style->text);
  header_lines (layout, cr, style);
  cairo_restore (cr);
}

/* ---- Rows -------------------------------------------------------------------------- */

typedef struct
{
  SaTimelineLayout      *layout;
  cairo_t               *cr;
  const SaTimelineStyle *style;
  double                 top;     /* the visible part, in the rows' coordinates */
  double                 bottom;
  guint                  first;   /* the visible rows */
  guint                  end;
} Paint;

static double
group_bottom (SaTimelineLayout *self,
              const SaTimelineRow *row)
{
  const SaTimelineRow *last = &_sa_timeline_layout_row (self, row->group_end - 1)->row;

  return last->y + last->height;
}

/* The 誰が cell of a run of rows, from the run's top or, when that is above the
 * visible part, from the visible top, so a continued run is named on each page. */
static double
group_visible_top (Paint               *p,
                   const SaTimelineRow *row)
{
  return MAX (_sa_timeline_layout_row (p->layout, row->group_start)->row.y, p->top);
}

static void
fill_phase_years (Paint               *p,
                  const SaTimelineRow *row)
{
  SaTimelineLayout *self = p->layout;

  for (guint i = row->first_bar; i < row->first_bar + row->n_bars; i++)
    {
      const SaTimelineBar *bar = &g_array_index (self->bars, SaTimelineBar, i);
      double x;

      sa_timeline_layout_get_year_column (self, bar->start_fy, &x, NULL);
      fill_rect (p->cr, x, row->y, (bar->end_fy - bar->start_fy + 1) * self->year_width,
                 row->height, p->style->phase_fill);
    }
}

static void
paint_fills (Paint *p)
{
  SaTimelineLayout *self = p->layout;

  for (guint i = p->first; i < p->end; i++)
    {
      const SaTimelineRow *row = &_sa_timeline_layout_row (self, i)->row;

      /* A section's band is the goal's accent across the table: it stands above them. */
      if (row->kind == SA_TIMELINE_ROW_SECTION)
        {
          fill_rect (p->cr, 0, row->y, self->width, row->height, p->style->goal_accent);
          continue;
        }
      if (row->kind == SA_TIMELINE_ROW_GOAL)
        {
          fill_rect (p->cr, 0, row->y, self->width, row->height, p->style->goal_fill);
          fill_rect (p->cr, 0, row->y, self->actor_width, row->height, p->style->goal_accent);
          continue;
        }
      if (i == row->group_start || i == p->first)
        {
          double top = group_visible_top (p, row);

          fill_rect (p->cr, 0, top, self->actor_width, group_bottom (self, row) - top,
                     p->style->actor_fill);
        }
      fill_phase_years (p, row);
    }
}

static void
paint_goal (Paint                *p,
            SaTimelineRowPrivate *row)
{
  SaTimelineLayout *self = p->layout;
  double x = self->actor_width + SA_CELL_PAD_X;
  double y = row->row.y + SA_CELL_PAD_Y + 1;

  show_centered (p->cr, row->number, 0, row->row.y, self->actor_width, row->row.height,
                 p->style->goal_accent_text);
  _sa_render_show (p->cr, row->text, x, y, p->style->text);
  if (row->detail != NULL)
    _sa_render_show (p->cr, row->detail, x, y + _sa_render_text_height (row->text) + 2,
                     p->style->text);
}

static void
paint_arrow (cairo_t *cr,
             double   from,
             double   to,
             double   y)
{
  cairo_set_line_width (cr, SHAFT_WIDTH);
  line (cr, from, y, to - ARROW_LENGTH + 0.5, y);
  cairo_stroke (cr);
  cairo_move_to (cr, to, y);
  cairo_line_to (cr, to - ARROW_LENGTH, y - ARROW_HALF);
  cairo_line_to (cr, to - ARROW_LENGTH, y + ARROW_HALF);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* "◎ 実施" where the phase starts, then an arrow to the end of its last year. */
static void
paint_bars (Paint               *p,
            const SaTimelineRow *row)
{
  SaTimelineLayout *self = p->layout;

  for (guint i = row->first_bar; i < row->first_bar + row->n_bars; i++)
    {
      PangoLayout *label = g_ptr_array_index (self->bar_texts, i);
      cairo_rectangle_t bar;
      double shaft, middle;

      sa_timeline_layout_get_bar_extents (self, i, &bar);
      shaft = bar.x + _sa_render_text_width (label) + LABEL_GAP;
      /* The label hides the year lines it runs across. */
      fill_rect (p->cr, bar.x - 1, bar.y, shaft - bar.x, bar.height, p->style->phase_fill);
      _sa_render_show (p->cr, label, bar.x, bar.y, p->style->text);
      middle = bar.y + bar.height / 2;
      _sa_render_set_color (p->cr, p->style->bar);
      if (bar.x + bar.width - shaft >= ARROW_LENGTH + 2)
        paint_arrow (p->cr, shaft, bar.x + bar.width, middle);
    }
}

/* The line a row's progress takes at its foot; a Row * is an SaTimelineRowPrivate *. */
static double
progress_height (SaTimelineLayout    *self,
                 const SaTimelineRow *row)
{
  return ((const SaTimelineRowPrivate *) row)->progress != NULL ? self->progress_height : 0;
}

/* A year's count sits under the arrow, centred in its cell; years without
 * activities stay blank, so the figures stand out. */
static void
paint_counts (Paint               *p,
              const SaTimelineRow *row)
{
  SaTimelineLayout *self = p->layout;

  if (row->counts == NULL)
    return;

  for (int fy = self->first_fy; fy <= self->last_fy; fy++)
    {
      guint count = row->counts[fy - self->first_fy];
      PangoLayout *text;
      double x;

      if (count == 0)
        continue;
      text = _sa_timeline_layout_count_text (self, count);
      sa_timeline_layout_get_year_column (self, fy, &x, NULL);
      _sa_render_show (p->cr, text, x + (self->year_width - _sa_render_text_width (text)) / 2,
                       row->y + row->height - SA_CELL_PAD_Y - self->count_height - progress_height (self, row),
                       p->style->muted);
    }
}

/* A target's progress ("3/6") sits at the foot of the year's cell, in the text's
 * colour, so it reads on black-and-white paper. */
static void
paint_progress (Paint                *p,
                SaTimelineRowPrivate *row)
{
  SaTimelineLayout *self = p->layout;

  if (row->progress == NULL)
    return;
  for (int fy = self->first_fy; fy <= self->last_fy; fy++)
    {
      PangoLayout *text = g_ptr_array_index (row->progress, fy - self->first_fy);
      double x;

      if (text == NULL)
        continue;
      sa_timeline_layout_get_year_column (self, fy, &x, NULL);
      _sa_render_show (p->cr, text, x + (self->year_width - _sa_render_text_width (text)) / 2,
                       row->row.y + row->row.height - SA_CELL_PAD_Y - self->progress_height, p->style->text);
    }
}

static void
paint_texts (Paint *p)
{
  SaTimelineLayout *self = p->layout;

  for (guint i = p->first; i < p->end; i++)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);

      if (row->row.kind == SA_TIMELINE_ROW_SECTION)
        {
          _sa_render_show (p->cr, row->text, SA_CELL_PAD_X, row->row.y + SA_CELL_PAD_Y + 2,
                           p->style->goal_accent_text);
          continue;
        }
      if (row->row.kind == SA_TIMELINE_ROW_GOAL)
        {
          paint_goal (p, row);
          continue;
        }
      if (i == row->row.group_start || i == p->first)
        _sa_render_show (p->cr, _sa_timeline_layout_row (self, row->row.group_start)->actor,
                         SA_CELL_PAD_X, group_visible_top (p, &row->row) + SA_CELL_PAD_Y,
                         p->style->text);
      _sa_render_show (p->cr, row->text, self->actor_width + SA_CELL_PAD_X,
                       row->row.y + SA_CELL_PAD_Y, p->style->text);
      paint_bars (p, &row->row);
      paint_counts (p, &row->row);
      paint_progress (p, row);
    }
}

/* Lines under each row; a run of one actor's rows leaves its 誰が cell open. */
static void
paint_row_lines (Paint               *p,
                 guint                index,
                 const SaTimelineRow *row)
{
  SaTimelineLayout *self = p->layout;
  double bottom = row->y + row->height;
  gboolean group_ends = row->kind != SA_TIMELINE_ROW_COMMITMENT || index + 1 == row->group_end;
  guint n = sa_timeline_layout_get_n_years (self);
  double years_x = self->actor_width + self->text_width;

  line (p->cr, group_ends ? 0 : self->actor_width, bottom, self->width, bottom);
  if (row->kind != SA_TIMELINE_ROW_COMMITMENT)
    return;
  line (p->cr, self->actor_width, row->y, self->actor_width, bottom);
  for (guint i = 0; i < n; i++)
    line (p->cr, years_x + i * self->year_width, row->y, years_x + i * self->year_width, bottom);
}

static void
paint_grid (Paint *p)
{
  _sa_render_set_color (p->cr, p->style->grid);
  cairo_set_line_width (p->cr, GRID_WIDTH);
  for (guint i = p->first; i < p->end; i++)
    paint_row_lines (p, i, &_sa_timeline_layout_row (p->layout, i)->row);
  cairo_stroke (p->cr);
}

static void
paint_border (Paint *p)
{
  SaTimelineLayout *self = p->layout;

  _sa_render_set_color (p->cr, p->style->border);
  cairo_set_line_width (p->cr, BORDER_WIDTH);
  cairo_rectangle (p->cr, 0, p->top, self->width, MIN (p->bottom, self->height) - p->top);
  cairo_stroke (p->cr);
}

/**
 * sa_timeline_paint_rows:
 * @layout: a layout
 * @cr: where to draw, with y = 0 at the top of the first row
 * @style: (nullable): the colours; %NULL for print
 * @y: the top of the part to draw
 * @height: the height of the part to draw
 *
 * Draws the rows from @y to @y + @height, clipped to that band. A 誰が cell cut by
 * the band's top shows its name again at the top.
 */
void
sa_timeline_paint_rows (SaTimelineLayout      *layout,
                        cairo_t               *cr,
                        const SaTimelineStyle *style,
                        double                 y,
                        double                 height)
{
  Paint p = { layout, cr, style ? style : &print_style, y, y + height, 0, 0 };
  int first, last;

  g_return_if_fail (SA_IS_TIMELINE_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  first = sa_timeline_layout_get_row_at_y (layout, MAX (y, 0));
  last = sa_timeline_layout_get_row_at_y (layout, MIN (y + height, layout->height) - 0.001);
  if (first < 0 || last < first || height <= 0)
    return;
  p.first = (guint) first;
  p.end = (guint) last + 1;

  /* The clip lets the outline's left and right halves show outside the table. */
  cairo_save (cr);
  cairo_rectangle (cr, -BORDER_WIDTH, y, layout->width + 2 * BORDER_WIDTH, height);
  cairo_clip (cr);
  fill_rect (cr, 0, y, layout->width, height, p.style->background);
  /* The grid goes under the text and the arrows, which cross it. */
  paint_fills (&p);
  paint_grid (&p);
  paint_texts (&p);
  paint_border (&p);
  cairo_restore (cr);
}

/**
 * sa_timeline_paint_continued:
 * @layout: a layout
 * @cr: where to draw, with the heading's top left at the origin
 * @style: (nullable): the colours; %NULL for print
 * @index: a section's or a goal's heading row
 *
 * Draws the heading marked continued (…（続き）), as tall as
 * sa_timeline_layout_get_continued_height(), for the top of a page whose rows
 * continue it: the reader keeps knowing which section and goal they are in.
 */
void
sa_timeline_paint_continued (SaTimelineLayout      *layout,
                             cairo_t               *cr,
                             const SaTimelineStyle *style,
                             guint                  index)
{
  SaTimelineRowPrivate *row;
  gboolean section;
  double height;

  g_return_if_fail (SA_IS_TIMELINE_LAYOUT (layout));
  g_return_if_fail (index < layout->rows->len);

  style = style ? style : &print_style;
  row = _sa_timeline_layout_row (layout, index);
  if (row->continued == NULL)
    return;
  section = row->row.kind == SA_TIMELINE_ROW_SECTION;
  height = row->continued_height;
  fill_rect (cr, 0, 0, layout->width, height, section ? style->goal_accent : style->goal_fill);
  _sa_render_show (cr, row->continued, SA_CELL_PAD_X, SA_CELL_PAD_Y + 2,
                   section ? style->goal_accent_text : style->text);
  _sa_render_set_color (cr, style->border);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_rectangle (cr, 0, 0, layout->width, height);
  cairo_stroke (cr);
}
