/* sa-text-table.c: a plain table of wrapped text, for the handouts and sheets
 *
 * The expected actions (期待される取組), the section's strengths and challenges and
 * the sheets (SaSheet: the review sheet, reports) are tables of text with a header,
 * and sometimes a heading row across all columns. Their rows are drawn one at a
 * time, so the handout and the sheet page them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-text-table.h"

#define GRID_WIDTH   0.5
#define BORDER_WIDTH 0.9

typedef struct
{
  gboolean     heading;
  gboolean     strong;   /* a total: bold on a tint */
  PangoLayout *number;   /* a heading: the goal's number, or NULL */
  PangoLayout *cells[SA_TEXT_TABLE_MAX_COLUMNS];  /* a heading: its text in cells[0] */
  double       height;
} Row;

struct _SaTextTable
{
  PangoContext *context;
  guint         n_columns;
  double        shares[SA_TEXT_TABLE_MAX_COLUMNS];
  double        widths[SA_TEXT_TABLE_MAX_COLUMNS];
  PangoLayout  *headers[SA_TEXT_TABLE_MAX_COLUMNS];
  GArray       *rows;
  gboolean      numeric[SA_TEXT_TABLE_MAX_COLUMNS];
  gboolean      ruled;   /* lines between rows, or only between columns */
  gboolean      strong_first;  /* the first column bold on a tint, as actors are */
  double        width;
  double        number_width;
  double        header_height;
};

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->number);
  for (guint i = 0; i < SA_TEXT_TABLE_MAX_COLUMNS; i++)
    g_clear_object (&row->cells[i]);
}

/**
 * _sa_text_table_new:
 * @context: the context to lay text out in
 * @n_columns: from 1 to %SA_TEXT_TABLE_MAX_COLUMNS
 * @headers: the columns' headings
 * @shares: each column's share of the width; together 1
 * @ruled: whether rows are separated by lines, or read as lists down each column
 *
 * Returns: (transfer full): the table, without rows
 */
SaTextTable *
_sa_text_table_new (PangoContext       *context,
                    guint               n_columns,
                    const char * const *headers,
                    const double       *shares,
                    gboolean            ruled)
{
  SaTextTable *table = g_new0 (SaTextTable, 1);

  g_assert (n_columns >= 1 && n_columns <= SA_TEXT_TABLE_MAX_COLUMNS);

  table->context = g_object_ref (context);
  table->n_columns = n_columns;
  table->ruled = ruled;
  table->strong_first = ruled;
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (table->rows, clear_row);
  for (guint i = 0; i < n_columns; i++)
    {
      table->shares[i] = shares[i];
      table->headers[i] = _sa_render_text (context, SA_FONT_HEADER, headers[i], 0);
      pango_layout_set_alignment (table->headers[i], PANGO_ALIGN_CENTER);
    }
  return table;
}

void
_sa_text_table_free (SaTextTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->n_columns; i++)
    g_clear_object (&table->headers[i]);
  g_array_unref (table->rows);
  g_object_unref (table->context);
  g_free (table);
}

/* Gives every text the typeface and size the table's context now says; measure
 * the table again after. */
void
_sa_text_table_restyle (SaTextTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    _sa_render_restyle (table->headers[i]);
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);

      _sa_render_restyle (row->number);
      for (guint j = 0; j < table->n_columns; j++)
        _sa_render_restyle (row->cells[j]);
    }
}

/* Figures: right-aligned in their cells. Call before adding rows. */
void
_sa_text_table_set_numeric (SaTextTable *table,
                            guint        column,
                            gboolean     numeric)
{
  g_return_if_fail (column < table->n_columns);

  table->numeric[column] = numeric;
}

/* Whether the first column is bold on a tint (the default for ruled tables). Call
 * before adding rows. */
void
_sa_text_table_set_strong_first (SaTextTable *table,
                                 gboolean     strong)
{
  table->strong_first = strong;
}

static void
add_row (SaTextTable        *table,
         const char * const *cells,
         gboolean            strong)
{
  Row row = { 0 };

  row.strong = strong;
  for (guint i = 0; i < table->n_columns; i++)
    if (cells[i] != NULL && *cells[i] != '\0')
      {
        gboolean bold = strong || (i == 0 && table->strong_first);

        row.cells[i] = _sa_render_text (table->context, bold ? SA_FONT_STRONG : SA_FONT_BODY, cells[i], 0);
        if (table->numeric[i])
          pango_layout_set_alignment (row.cells[i], PANGO_ALIGN_RIGHT);
      }
  g_array_append_val (table->rows, row);
}

/* @cells: one text per column; NULL or "" leaves a cell empty */
void
_sa_text_table_add_row (SaTextTable        *table,
                        const char * const *cells)
{
  add_row (table, cells, FALSE);
}

/* A row of totals: bold, on a tint. */
void
_sa_text_table_add_total (SaTextTable        *table,
                          const char * const *cells)
{
  add_row (table, cells, TRUE);
}

/* A row across all columns: a goal's number in a box, then its title; without
 * @number, the title alone. */
void
_sa_text_table_add_heading (SaTextTable *table,
                            const char  *number,
                            const char  *text)
{
  Row row = { 0 };

  row.heading = TRUE;
  if (number != NULL)
    row.number = _sa_render_text (table->context, SA_FONT_HEADING, number, 0);
  row.cells[0] = _sa_render_text (table->context, SA_FONT_HEADING, text, 0);
  g_array_append_val (table->rows, row);
}

static double
wrapped_height (PangoLayout *layout,
                double       width)
{
  if (layout == NULL)
    return 0;
  _sa_render_set_width (layout, MAX (1.0, width - 2 * SA_CELL_PAD_X));
  return _sa_render_text_height (layout);
}

static double
measure_row (SaTextTable *table,
             Row         *row)
{
  double height = 0;

  if (row->heading)
    return MAX (wrapped_height (row->number, table->number_width),
                wrapped_height (row->cells[0], table->width - (row->number ? table->number_width : 0)))
           + 2 * SA_CELL_PAD_Y + 2;
  for (guint i = 0; i < table->n_columns; i++)
    height = MAX (height, wrapped_height (row->cells[i], table->widths[i]));
  return height + 2 * SA_CELL_PAD_Y;
}

void
_sa_text_table_measure (SaTextTable *table,
                        double       width)
{
  double headers = 0;

  table->width = width;
  table->number_width = 0;
  for (guint i = 0; i < table->n_columns; i++)
    {
      table->widths[i] = width * table->shares[i];
      headers = MAX (headers, wrapped_height (table->headers[i], table->widths[i]));
    }
  table->header_height = headers + 2 * SA_CELL_PAD_Y;

  /* A heading's number box is as wide as the first column, like the timeline's. */
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);

      if (row->number != NULL)
        {
          _sa_render_set_width (row->number, 0);
          table->number_width = MAX (table->number_width,
                                     _sa_render_text_width (row->number) + 2 * SA_CELL_PAD_X);
        }
    }
  table->number_width = MAX (table->number_width, table->widths[0]);
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);
      row->height = measure_row (table, row);
    }
}

guint
_sa_text_table_get_n_rows (SaTextTable *table)
{
  return table->rows->len;
}

double
_sa_text_table_get_header_height (SaTextTable *table)
{
  return table->header_height;
}

double
_sa_text_table_get_row_height (SaTextTable *table,
                               guint        row)
{
  return g_array_index (table->rows, Row, row).height;
}

gboolean
_sa_text_table_is_heading (SaTextTable *table,
                           guint        row)
{
  return g_array_index (table->rows, Row, row).heading;
}

/* Where a row taller than a page can be cut: below a line of its tallest cell. */
double
_sa_text_table_get_row_break (SaTextTable *table,
                              guint        index,
                              double       limit)
{
  Row *row = &g_array_index (table->rows, Row, index);
  PangoLayout *tallest = NULL;
  double cut;

  if (limit >= row->height)
    return row->height;
  for (guint i = 0; i < table->n_columns; i++)
    if (row->cells[i] != NULL &&
        (tallest == NULL || _sa_render_text_height (row->cells[i]) > _sa_render_text_height (tallest)))
      tallest = row->cells[i];
  if (tallest == NULL || row->heading)
    return 0;
  cut = SA_CELL_PAD_Y + _sa_render_line_break (tallest, limit - SA_CELL_PAD_Y);
  return cut > SA_CELL_PAD_Y ? cut : 0;
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
column_lines (SaTextTable *table,
              cairo_t     *cr,
              double       top,
              double       bottom)
{
  double x = 0;

  for (guint i = 0; i + 1 < table->n_columns; i++)
    {
      x += table->widths[i];
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }
}

void
_sa_text_table_paint_header (SaTextTable           *table,
                             cairo_t               *cr,
                             const SaTimelineStyle *style)
{
  double x = 0;

  cairo_save (cr);
  fill_rect (cr, 0, 0, table->width, table->header_height, style->header_fill);
  for (guint i = 0; i < table->n_columns; i++)
    {
      PangoLayout *text = table->headers[i];

      _sa_render_show (cr, text, x + SA_CELL_PAD_X,
                       (table->header_height - _sa_render_text_height (text)) / 2, style->text);
      x += table->widths[i];
    }
  _sa_render_set_color (cr, style->grid);
  cairo_set_line_width (cr, GRID_WIDTH);
  column_lines (table, cr, 0, table->header_height);
  cairo_stroke (cr);
  _sa_render_set_color (cr, style->border);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_rectangle (cr, 0, 0, table->width, table->header_height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_heading (SaTextTable           *table,
               cairo_t               *cr,
               const SaTimelineStyle *style,
               Row                   *row)
{
  PangoLayout *number = row->number;
  double text_x = number != NULL ? table->number_width : 0;

  fill_rect (cr, 0, 0, table->width, row->height, style->goal_fill);
  if (number != NULL)
    {
      fill_rect (cr, 0, 0, table->number_width, row->height, style->goal_accent);
      _sa_render_show (cr, number, SA_CELL_PAD_X, (row->height - _sa_render_text_height (number)) / 2,
                       style->goal_accent_text);
    }
  _sa_render_show (cr, row->cells[0], text_x + SA_CELL_PAD_X, SA_CELL_PAD_Y + 1, style->text);
}

static void
paint_cells (SaTextTable           *table,
             cairo_t               *cr,
             const SaTimelineStyle *style,
             Row                   *row)
{
  double x = 0;

  if (row->strong)
    fill_rect (cr, 0, 0, table->width, row->height, style->actor_fill);
  else if (table->strong_first)
    fill_rect (cr, 0, 0, table->widths[0], row->height, style->actor_fill);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (row->cells[i] != NULL)
        _sa_render_show (cr, row->cells[i], x + SA_CELL_PAD_X, SA_CELL_PAD_Y, style->text);
      x += table->widths[i];
    }
  _sa_render_set_color (cr, style->grid);
  cairo_set_line_width (cr, GRID_WIDTH);
  column_lines (table, cr, 0, row->height);
  if (table->ruled)
    {
      cairo_move_to (cr, 0, row->height);
      cairo_line_to (cr, table->width, row->height);
    }
  cairo_stroke (cr);
}

/**
 * _sa_text_table_paint_row:
 * @table: a measured table
 * @cr: where to draw, with y = 0 where the drawn part starts
 * @style: the colours
 * @row: the row
 * @offset: how much of the row's top is left out, because an earlier page has it
 * @height: how much of the row to draw from @offset
 */
void
_sa_text_table_paint_row (SaTextTable           *table,
                          cairo_t               *cr,
                          const SaTimelineStyle *style,
                          guint                  index,
                          double                 offset,
                          double                 height)
{
  Row *row = &g_array_index (table->rows, Row, index);

  /* The clip leaves room for the halves of the lines on the row's edges. */
  cairo_save (cr);
  cairo_rectangle (cr, -BORDER_WIDTH, -GRID_WIDTH, table->width + 2 * BORDER_WIDTH, height + 2 * GRID_WIDTH);
  cairo_clip (cr);
  cairo_translate (cr, 0, -offset);
  if (row->heading)
    paint_heading (table, cr, style, row);
  else
    paint_cells (table, cr, style, row);
  cairo_translate (cr, 0, offset);

  _sa_render_set_color (cr, style->border);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, 0, height);
  cairo_move_to (cr, table->width, 0);
  cairo_line_to (cr, table->width, height);
  cairo_stroke (cr);
  cairo_restore (cr);
}
