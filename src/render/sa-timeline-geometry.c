/* sa-timeline-geometry.c: the timeline layout's columns, row heights and positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-timeline-layout-private.h"

#define ARROW_LENGTH   6.0   /* the arrow head, along the bar */
#define SHAFT_MIN      8.0   /* the least bar worth drawing after "◎ 実施" */
#define ACTOR_MIN     48.0
#define TEXT_MIN     120.0
#define YEAR_MIN      30.0
#define YEAR_MAX     110.0
#define YEAR_LABEL_MAX 70.0
#define SCHEDULE_SHARE 0.40  /* of the width, for the years, as in the document */
#define GOAL_GAP       2.0   /* between a goal's title and its initiatives */

static double
max_natural_width (SaTimelineLayout *self)
{
  double widest = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);
      PangoLayout *label = row->actor ? row->actor : row->number;

      if (label != NULL)
        {
          _sa_render_set_width (label, 0);
          widest = MAX (widest, _sa_render_text_width (label));
        }
    }
  return widest;
}

/* A bar's "◎ 実施" and a bit of arrow fit within the years of its phase, so a
 * phase of several years asks little of each column, and one of a single year
 * asks its column to hold the whole label. */
static double
bar_min_width (SaTimelineLayout *self)
{
  double widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const SaTimelineBar *bar = &g_array_index (self->bars, SaTimelineBar, i);
      double label = _sa_render_text_width (g_ptr_array_index (self->bar_texts, i));

      widest = MAX (widest, (label + SHAFT_MIN + 2 * SA_CELL_PAD_X) / (bar->end_fy - bar->start_fy + 1));
    }
  return widest;
}

static double
widest_year_label (SaTimelineLayout *self)
{
  double widest = 0;

  for (guint i = 0; i < self->year_texts->len; i++)
    {
      PangoLayout *label = g_ptr_array_index (self->year_texts, i);

      _sa_render_set_width (label, 0);
      widest = MAX (widest, _sa_render_text_width (label));
    }
  return widest;
}

/* Wide enough for the bars and for the year's label on one line, unless the label
 * is very long; "平成22年度" fits. */
static double
year_min_width (SaTimelineLayout *self)
{
  double label = MIN (widest_year_label (self), YEAR_LABEL_MAX) + 2 * SA_CELL_PAD_X;

  return MAX (MAX (bar_min_width (self), label), YEAR_MIN);
}
/* The 誰が column is as wide as its longest name, within bounds, so names stay on
 * one line where they can. */
static double
actor_width (SaTimelineLayout *self,
             double            width)
{
  double natural = max_natural_width (self) + 2 * SA_CELL_PAD_X;

  return CLAMP (natural, ACTOR_MIN, MAX (ACTOR_MIN, width * 0.16));
}

/* The years take about the share they have in the document; the text column gets
 * the rest, and the years give way first when the width is short. */
static void
choose_columns (SaTimelineLayout *self,
                double            width)
{
  guint n = sa_timeline_layout_get_n_years (self);
  double year_min = year_min_width (self);

  if (self->fixed_year_width > 0)
    {
      self->year_width = MAX (year_min, self->fixed_year_width);
      self->text_width = MAX (TEXT_MIN, self->fixed_text_width);
      self->actor_width = actor_width (self, self->text_width + n * self->year_width);
      self->width = self->actor_width + self->text_width + n * self->year_width;
      return;
    }
  self->actor_width = actor_width (self, width);
  self->year_width = CLAMP (width * SCHEDULE_SHARE / n, year_min, MAX (year_min, YEAR_MAX));
  self->text_width = width - self->actor_width - n * self->year_width;
  if (self->text_width < TEXT_MIN)
    {
      self->year_width = MAX (year_min, (width - self->actor_width - TEXT_MIN) / n);
      self->text_width = MAX (TEXT_MIN, width - self->actor_width - n * self->year_width);
    }
  self->width = self->actor_width + self->text_width + n * self->year_width;
}

static double
wrapped_height (PangoLayout *layout,
                double       width)
{
  _sa_render_set_width (layout, MAX (1.0, width));
  return _sa_render_text_height (layout);
}

static void
measure_header (SaTimelineLayout *self)
{
  guint n = sa_timeline_layout_get_n_years (self);
  double labels = 0, columns;

  self->caption_height = wrapped_height (self->header_texts[SA_TIMELINE_COLUMN_YEARS],
                                         n * self->year_width - 2 * SA_CELL_PAD_X) + 2 * SA_CELL_PAD_Y;
  for (guint i = 0; i < self->year_texts->len; i++)
    labels = MAX (labels, wrapped_height (g_ptr_array_index (self->year_texts, i),
                                          self->year_width - 2 * SA_CELL_PAD_X));
  columns = MAX (wrapped_height (self->header_texts[SA_TIMELINE_COLUMN_ACTOR],
                                 self->actor_width - 2 * SA_CELL_PAD_X),
                 wrapped_height (self->header_texts[SA_TIMELINE_COLUMN_TEXT],
                                 self->text_width - 2 * SA_CELL_PAD_X));
  pango_layout_set_alignment (self->header_texts[SA_TIMELINE_COLUMN_ACTOR], PANGO_ALIGN_CENTER);
  pango_layout_set_alignment (self->header_texts[SA_TIMELINE_COLUMN_TEXT], PANGO_ALIGN_CENTER);
  pango_layout_set_alignment (self->header_texts[SA_TIMELINE_COLUMN_YEARS], PANGO_ALIGN_CENTER);
  self->header_height = MAX (self->caption_height + labels + 2 * SA_CELL_PAD_Y,
                             columns + 2 * SA_CELL_PAD_Y);
}

/* Phases of one commitment that overlap go in lanes one above the other. */
static void
assign_lanes (SaTimelineLayout     *self,
              SaTimelineRowPrivate *row)
{
  int lane_end[8] = { 0 };  /* the first free year index of each lane */
  guint n_lanes = 0;

  for (guint i = row->row.first_bar; i < row->row.first_bar + row->row.n_bars; i++)
    {
      SaTimelineBar *bar = &g_array_index (self->bars, SaTimelineBar, i);
      int start = bar->start_fy - self->first_fy;
      guint lane = 0;

      while (lane < n_lanes && lane_end[lane] > start)
        lane++;
      if (lane == G_N_ELEMENTS (lane_end))
        lane--;  /* more than eight overlapping phases share the last lane */
      bar->lane = lane;
      lane_end[lane] = bar->end_fy - self->first_fy + 1;
      n_lanes = MAX (n_lanes, lane + 1);
    }
  row->row.n_lanes = n_lanes;
}

static double
measure_goal (SaTimelineLayout     *self,
              SaTimelineRowPrivate *row)
{
  double title_width = self->width - self->actor_width - 2 * SA_CELL_PAD_X;
  double number = wrapped_height (row->number, self->actor_width - 2 * SA_CELL_PAD_X);
  double title = wrapped_height (row->text, title_width);

  if (row->detail != NULL)
    title += GOAL_GAP + wrapped_height (row->detail, title_width);
  return MAX (number, title) + 2 * SA_CELL_PAD_Y + 2;
}

static double
measure_section (SaTimelineLayout     *self,
                 SaTimelineRowPrivate *row)
{
  return wrapped_height (row->text, self->width - 2 * SA_CELL_PAD_X) + 2 * SA_CELL_PAD_Y + 4;
}

static double
measure_commitment (SaTimelineLayout     *self,
                    SaTimelineRowPrivate *row)
{
  double text = wrapped_height (row->text, self->text_width - 2 * SA_CELL_PAD_X);
  double schedule = MAX (1u, row->row.n_lanes) * self->lane_height + self->count_height
                    + (row->progress != NULL ? self->progress_height : 0);

  if (row->actor != NULL)
    wrapped_height (row->actor, self->actor_width - 2 * SA_CELL_PAD_X);
  return MAX (text, schedule) + 2 * SA_CELL_PAD_Y;
}

/* A 誰が cell taller than its rows makes its last row taller. */
static void
fit_actor_cells (SaTimelineLayout *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);
      double needed, rows = 0;

      if (row->actor == NULL)
        continue;
      needed = _sa_render_text_height (row->actor) + 2 * SA_CELL_PAD_Y;
      for (guint j = i; j < row->row.group_end; j++)
        rows += _sa_timeline_layout_row (self, j)->row.height;
      if (needed > rows)
        _sa_timeline_layout_row (self, row->row.group_end - 1)->row.height += needed - rows;
    }
}

static void
measure_rows (SaTimelineLayout *self)
{
  double y = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);

      if (row->row.kind == SA_TIMELINE_ROW_SECTION)
        row->row.height = measure_section (self, row);
      else if (row->row.kind == SA_TIMELINE_ROW_GOAL)
        row->row.height = measure_goal (self, row);
      else
        {
          assign_lanes (self, row);
          row->row.height = measure_commitment (self, row);
        }
    }
  fit_actor_cells (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);

      if (row->continued != NULL)
        row->continued_height = wrapped_height (row->continued, self->width - 2 * SA_CELL_PAD_X)
                                + 2 * SA_CELL_PAD_Y + 4;
      row->row.y = y;
      y += row->row.height;
    }
  self->height = y;
}

static void
measure_lines (SaTimelineLayout *self)
{
  g_autoptr(PangoLayout) body = _sa_render_text (self->context, SA_FONT_BODY, "◎", 0);
  g_autoptr(PangoLayout) tiny = _sa_render_text (self->context, SA_FONT_TINY, "0", 0);

  self->lane_height = _sa_render_text_height (body);
  self->count_height = self->options.show_counts ? _sa_render_text_height (tiny) : 0;
  self->progress_height = _sa_render_text_height (tiny);
}

void
_sa_timeline_layout_measure (SaTimelineLayout *self,
                             double            width)
{
  measure_lines (self);
  choose_columns (self, width);
  measure_header (self);
  measure_rows (self);
}

/**
 * sa_timeline_layout_set_width:
 * @self: a layout
 * @width: the width to fill, in points
 *
 * Lays the table out across @width: columns, wrapped texts, row heights and
 * positions. When @width is less than sa_timeline_layout_get_min_width(), the
 * table is wider than asked; a page scales it down.
 */
void
sa_timeline_layout_set_width (SaTimelineLayout *self,
                              double            width)
{
  g_return_if_fail (SA_IS_TIMELINE_LAYOUT (self));
  g_return_if_fail (width > 0);

  self->fixed_text_width = self->fixed_year_width = 0;
  _sa_timeline_layout_measure (self, width);
}

/**
 * sa_timeline_layout_set_column_widths:
 * @self: a layout
 * @text_width: the width of the 計画期間中に取り組むこと column, in points
 * @year_width: the width of each year's column, in points
 *
 * Lays the table out with columns of the given widths, each at least its minimum,
 * and the 誰が column as wide as its names; the table is as wide as they make it.
 * A window zooming into the years uses this, where a page fills its width with
 * sa_timeline_layout_set_width().
 */
void
sa_timeline_layout_set_column_widths (SaTimelineLayout *self,
                                      double            text_width,
                                      double            year_width)
{
  g_return_if_fail (SA_IS_TIMELINE_LAYOUT (self));
  g_return_if_fail (text_width > 0 && year_width > 0);

  self->fixed_text_width = text_width;
  self->fixed_year_width = year_width;
  _sa_timeline_layout_measure (self, self->width);
}

double
sa_timeline_layout_get_width (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);

  return self->width;
}

/**
 * sa_timeline_layout_get_min_width:
 * @self: a layout
 *
 * Returns: the narrowest width the table fits in without scaling
 */
double
sa_timeline_layout_get_min_width (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);

  return ACTOR_MIN + TEXT_MIN + sa_timeline_layout_get_n_years (self) * year_min_width (self);
}

/**
 * sa_timeline_layout_get_height:
 * @self: a layout
 *
 * Returns: the height of all the rows, without the column header
 */
double
sa_timeline_layout_get_height (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);

  return self->height;
}

double
sa_timeline_layout_get_header_height (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);

  return self->header_height;
}

/**
 * sa_timeline_layout_get_column:
 * @self: a layout
 * @column: a column
 * @x: (out) (optional): its left edge
 * @width: (out) (optional): its width
 */
void
sa_timeline_layout_get_column (SaTimelineLayout *self,
                               SaTimelineColumn  column,
                               double           *x,
                               double           *width)
{
  double left = 0, w = 0;

  g_return_if_fail (SA_IS_TIMELINE_LAYOUT (self));

  switch (column)
    {
    case SA_TIMELINE_COLUMN_ACTOR:
      w = self->actor_width;
      break;
    case SA_TIMELINE_COLUMN_TEXT:
      left = self->actor_width;
      w = self->text_width;
      break;
    case SA_TIMELINE_COLUMN_YEARS:
      left = self->actor_width + self->text_width;
      w = sa_timeline_layout_get_n_years (self) * self->year_width;
      break;
    default:
      g_return_if_reached ();
    }
  if (x != NULL)
    *x = left;
  if (width != NULL)
    *width = w;
}

/**
 * sa_timeline_layout_get_year_column:
 * @self: a layout
 * @fy: a shown fiscal year
 * @x: (out) (optional): the left edge of its column
 * @width: (out) (optional): its width
 */
void
sa_timeline_layout_get_year_column (SaTimelineLayout *self,
                                    int               fy,
                                    double           *x,
                                    double           *width)
{
  g_return_if_fail (SA_IS_TIMELINE_LAYOUT (self));
  g_return_if_fail (fy >= self->first_fy && fy <= self->last_fy);

  if (x != NULL)
    *x = self->actor_width + self->text_width + (fy - self->first_fy) * self->year_width;
  if (width != NULL)
    *width = self->year_width;
}

/**
 * sa_timeline_layout_get_date_x:
 * @self: a layout
 * @date: a valid date
 *
 * Returns: where @date falls across its fiscal year's column, for a line marking
 *   today; -1 when its year is not shown
 */
double
sa_timeline_layout_get_date_x (SaTimelineLayout *self,
                               const GDate      *date)
{
  int fy;
  GDate first, last;
  double x, fraction;

  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), -1);
  g_return_val_if_fail (date != NULL && g_date_valid (date), -1);

  fy = sa_date_fiscal_year (date);
  if (fy < self->first_fy || fy > self->last_fy)
    return -1;

  sa_fiscal_year_first_day (fy, &first);
  sa_fiscal_year_last_day (fy, &last);
  fraction = (g_date_days_between (&first, date) + 0.5) / (g_date_days_between (&first, &last) + 1);
  sa_timeline_layout_get_year_column (self, fy, &x, NULL);
  return x + fraction * self->year_width;
}

/**
 * sa_timeline_layout_get_row_at_y:
 * @self: a layout
 * @y: a distance from the top of the first row
 *
 * Returns: the index of the row at @y, or -1 when @y is above or below the rows
 */
int
sa_timeline_layout_get_row_at_y (SaTimelineLayout *self,
                                 double            y)
{
  guint low = 0, high;

  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), -1);

  if (y < 0 || y >= self->height)
    return -1;

  high = self->rows->len;
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (_sa_timeline_layout_row (self, middle)->row.y <= y)
        low = middle;
      else
        high = middle;
    }
  return (int) low;
}

/**
 * sa_timeline_layout_get_row_break:
 * @self: a layout
 * @index: a row's index
 * @limit: a distance from the row's top
 *
 * A row taller than a page is the one thing a handout has to cut; this is where it
 * can be cut without cutting through a line of text or the row's bars.
 *
 * Returns: the greatest such distance not beyond @limit, or 0 when there is none
 */
double
sa_timeline_layout_get_row_break (SaTimelineLayout *self,
                                  guint             index,
                                  double            limit)
{
  SaTimelineRowPrivate *row;
  double bars, cut;

  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);
  g_return_val_if_fail (index < self->rows->len, 0);

  row = _sa_timeline_layout_row (self, index);
  if (limit >= row->row.height)
    return row->row.height;

  bars = SA_CELL_PAD_Y + row->row.n_lanes * self->lane_height;
  cut = SA_CELL_PAD_Y + _sa_render_line_break (row->text, limit - SA_CELL_PAD_Y);
  if (row->row.kind != SA_TIMELINE_ROW_COMMITMENT || cut < bars || cut <= SA_CELL_PAD_Y)
    return 0;
  return cut;
}

/**
 * sa_timeline_layout_get_continued_height:
 * @self: a layout
 * @index: a section's or a goal's heading row
 *
 * Returns: the height of the heading as repeated, marked continued, atop a page
 *   whose rows continue it; 0 for a commitment's row
 */
double
sa_timeline_layout_get_continued_height (SaTimelineLayout *self,
                                         guint             index)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);
  g_return_val_if_fail (index < self->rows->len, 0);

  return _sa_timeline_layout_row (self, index)->continued_height;
}

/**
 * sa_timeline_layout_get_bar_extents:
 * @self: a layout
 * @index: a bar's index
 * @extents: (out): the bar, from the start of its first year to the end of its last,
 *   inset where it has an end; in the rows' coordinates
 */
void
sa_timeline_layout_get_bar_extents (SaTimelineLayout  *self,
                                    guint              index,
                                    cairo_rectangle_t *extents)
{
  const SaTimelineBar *bar;
  const SaTimelineRow *row;
  double start, end;

  g_return_if_fail (SA_IS_TIMELINE_LAYOUT (self));
  g_return_if_fail (index < self->bars->len);
  g_return_if_fail (extents != NULL);

  bar = &g_array_index (self->bars, SaTimelineBar, index);
  row = &_sa_timeline_layout_row (self, bar->row)->row;
  sa_timeline_layout_get_year_column (self, bar->start_fy, &start, NULL);
  sa_timeline_layout_get_year_column (self, bar->end_fy, &end, NULL);
  extents->x = start + (bar->open_start ? 0 : SA_CELL_PAD_X);
  extents->width = end + self->year_width - (bar->open_end ? 0 : SA_CELL_PAD_X) - extents->x;
  extents->y = row->y + SA_CELL_PAD_Y + bar->lane * self->lane_height;
  extents->height = self->lane_height;
}
