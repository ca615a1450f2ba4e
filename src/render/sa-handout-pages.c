/* sa-handout-pages.c: the handout's flow of items onto pages, and drawing a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-handout-private.h"
#include "sa-timeline-painter.h"

#define PART_GAP  16.0  /* above a part's title, unless it starts the page */
#define TITLE_GAP  5.0  /* below it */
#define RULE_GAP   4.0  /* between the page header's text and its rule */

/* ---- Items --------------------------------------------------------------------------- */

static void
add_item (SaHandout     *self,
          SaHandoutItem *item)
{
  g_array_append_val (self->items, *item);
}

static void
add_part (SaHandout   *self,
          PangoLayout *title,
          gboolean     new_page)
{
  SaHandoutItem item = { SA_HANDOUT_ITEM_PART, NULL, title, 0, 0, 0, 0, TRUE, new_page };

  if (title == NULL)
    return;
  item.height = _sa_render_text_height (title) + TITLE_GAP;
  add_item (self, &item);
}

/* How a row is cut into pieces that each fit under the table's header on an empty
 * page, the first one also under the heading it keeps with (@lead high);
 * @row_break finds where a piece can end. Lengths are in the row's units. */
static void
add_row_pieces (SaHandout      *self,
                SaHandoutItem  *item,
                double          row_height,
                double          room,
                double          lead,
                double        (*row_break) (gpointer, guint, double),
                gpointer        source,
                double          scale)
{
  double offset = 0;
  double piece = room - lead;

  while (row_height - offset > piece && piece > 0)
    {
      double cut = row_break (source, item->row, offset + piece);

      /* Nowhere to cut between lines: cut at the page's foot rather than lose text. */
      if (cut <= offset)
        cut = offset + piece;
      item->offset = offset;
      item->length = cut - offset;
      item->height = item->length * scale;
      add_item (self, item);
      offset = cut;
      piece = room;
      item->keep_with_next = FALSE;
    }
  item->offset = offset;
  item->length = row_height - offset;
  item->height = item->length * scale;
  add_item (self, item);
}

static double
timeline_break (gpointer source,
                guint    row,
                double   limit)
{
  return sa_timeline_layout_get_row_break (source, row, limit);
}

static double
table_break (gpointer source,
             guint    row,
             double   limit)
{
  return _sa_text_table_get_row_break (source, row, limit);
}

/* The headings repeated atop a page that starts at @index of the timeline: the
 * section's unless the page starts with it, the goal's too when the page starts
 * among its commitments. Returns how many, at most two, into @rows. */
static guint
continued_rows (SaHandout *self,
                guint      index,
                guint      rows[2])
{
  const SaTimelineRow *row = sa_timeline_layout_get_row (self->layout, index);
  guint n = 0;

  if (row->kind != SA_TIMELINE_ROW_SECTION)
    rows[n++] = row->section_row;
  if (row->kind == SA_TIMELINE_ROW_COMMITMENT)
    rows[n++] = row->goal_row;
  return n;
}

static double
continued_space (SaHandout           *self,
                 const SaHandoutItem *item)
{
  guint rows[2], n;
  double space = 0;

  if (item->kind != SA_HANDOUT_ITEM_TIMELINE)
    return 0;
  n = continued_rows (self, item->row, rows);
  for (guint i = 0; i < n; i++)
    space += sa_timeline_layout_get_continued_height (self->layout, rows[i]) * self->scale;
  return space;
}

/* The most room continued headings can take atop a page. */
static double
most_continued (SaHandout *self)
{
  guint n = sa_timeline_layout_get_n_rows (self->layout);
  double section = 0, goal = 0;

  for (guint i = 0; i < n; i++)
    {
      const SaTimelineRow *row = sa_timeline_layout_get_row (self->layout, i);
      double height = sa_timeline_layout_get_continued_height (self->layout, i);

      if (row->kind == SA_TIMELINE_ROW_SECTION)
        section = MAX (section, height);
      else if (row->kind == SA_TIMELINE_ROW_GOAL)
        goal = MAX (goal, height);
    }
  return section + goal;
}

static void
add_timeline (SaHandout *self)
{
  guint n = sa_timeline_layout_get_n_rows (self->layout);
  double header = sa_timeline_layout_get_header_height (self->layout) * self->scale;
  double room = (self->body_height - header) / self->scale - most_continued (self);
  double lead = 0;

  add_part (self, self->part_titles[1], FALSE);
  for (guint i = 0; i < n; i++)
    {
      const SaTimelineRow *row = sa_timeline_layout_get_row (self->layout, i);
      SaHandoutItem item = { SA_HANDOUT_ITEM_TIMELINE, NULL, NULL, i, 0, 0, 0, FALSE, FALSE };

      /* A section's heading stays with its first goal's, a goal's with its first
       * commitment. */
      item.keep_with_next = row->kind != SA_TIMELINE_ROW_COMMITMENT && i + 1 < n;
      add_row_pieces (self, &item, row->height, room, lead, timeline_break, self->layout, self->scale);
      lead = item.keep_with_next ? lead + row->height : 0;
    }
}

static void
add_table (SaHandout   *self,
           SaTextTable *table,
           PangoLayout *title,
           gboolean     new_page)
{
  guint n;
  double room, lead = 0;

  if (table == NULL)
    return;
  n = _sa_text_table_get_n_rows (table);
  room = self->body_height - _sa_text_table_get_header_height (table);
  add_part (self, title, new_page);
  for (guint i = 0; i < n; i++)
    {
      SaHandoutItem item = { SA_HANDOUT_ITEM_TABLE, table, NULL, i, 0, 0, 0, FALSE, FALSE };

      item.keep_with_next = i + 1 < n && _sa_text_table_is_heading (table, i);
      add_row_pieces (self, &item, _sa_text_table_get_row_height (table, i), room, lead,
                      table_break, table, 1.0);
      lead = item.keep_with_next ? _sa_text_table_get_row_height (table, i) : 0;
    }
}

/* ---- Pages ----------------------------------------------------------------------- */

static SaHandoutItem *
item_at (SaHandout *self,
         guint      index)
{
  return &g_array_index (self->items, SaHandoutItem, index);
}

static gboolean
same_table (const SaHandoutItem *a,
            const SaHandoutItem *b)
{
  return a != NULL && b != NULL && a->kind == b->kind && a->table == b->table;
}

/* The column header an item needs above it: at the top of each page and wherever
 * its table starts. */
static double
header_above (SaHandout           *self,
              const SaHandoutItem *item,
              const SaHandoutItem *previous)
{
  if (item->kind == SA_HANDOUT_ITEM_PART || same_table (item, previous))
    return 0;
  if (item->kind == SA_HANDOUT_ITEM_TIMELINE)
    return sa_timeline_layout_get_header_height (self->layout) * self->scale;
  return _sa_text_table_get_header_height (item->table);
}

static double
gap_above (const SaHandoutItem *item,
           const SaHandoutItem *previous)
{
  return item->kind == SA_HANDOUT_ITEM_PART && previous != NULL ? PART_GAP : 0;
}

static double
space_for (SaHandout           *self,
           const SaHandoutItem *item,
           const SaHandoutItem *previous)
{
  return gap_above (item, previous) + header_above (self, item, previous) + item->height;
}

/* The room a run of items that keep together needs, from @first. */
static double
space_for_run (SaHandout           *self,
               guint                first,
               const SaHandoutItem *previous)
{
  double space = 0;

  for (guint i = first; i < self->items->len; i++)
    {
      SaHandoutItem *item = item_at (self, i);

      space += space_for (self, item, previous);
      if (!item->keep_with_next)
        break;
      previous = item;
    }
  return space;
}

static void
close_page (SaHandout *self,
            guint      first,
            guint      end)
{
  SaHandoutPage page = { first, end };

  g_array_append_val (self->pages, page);
}

static void
flow (SaHandout *self)
{
  SaHandoutItem *previous = NULL;
  guint first = 0;
  double y = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      SaHandoutItem *item = item_at (self, i);
      double run = space_for_run (self, i, previous);

      /* A run taller than a page breaks where it must rather than leave a page empty. */
      if (previous != NULL &&
          (item->new_page || y + run > self->body_height) )
        {
          close_page (self, first, i);
          first = i;
          y = continued_space (self, item);
          previous = NULL;
        }
      y += space_for (self, item, previous);
      previous = item;
    }
  close_page (self, first, self->items->len);
}

void
_sa_handout_paginate (SaHandout *self)
{
  g_array_set_size (self->items, 0);
  g_array_set_size (self->pages, 0);

  add_table (self, self->notes, self->part_titles[0], FALSE);
  add_timeline (self);
  add_table (self, self->actions, self->part_titles[2], TRUE);
  flow (self);
}

/* ---- Drawing a page ----------------------------------------------------------------- */

static void
draw_furniture (SaHandout *self,
                cairo_t   *cr,
                guint      page)
{
  const SaTimelineStyle *style = sa_timeline_style_get_print ();
  double width = self->page_width - 2 * SA_HANDOUT_MARGIN;
  double rule = _sa_render_text_height (self->title) + _sa_render_text_height (self->subtitle) + RULE_GAP;
  double foot = self->page_height - 2 * SA_HANDOUT_MARGIN;
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, self->pages->len);

  _sa_render_show (cr, self->title, 0, 0, style->text);
  _sa_render_show (cr, self->subtitle, 0, _sa_render_text_height (self->title), style->text);
  _sa_render_set_width (self->date, width);
  _sa_render_show (cr, self->date, 0, _sa_render_text_height (self->title)
                   - _sa_render_text_height (self->date), style->text);
  _sa_render_set_width (self->period, width);
  _sa_render_show (cr, self->period, 0, _sa_render_text_height (self->title), style->muted);

  _sa_render_set_color (cr, style->goal_accent);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, 0, rule);
  cairo_line_to (cr, width, rule);
  cairo_stroke (cr);

  if (self->legend != NULL && sa_handout_get_page_rows (self, page, NULL, NULL))
    _sa_render_show (cr, self->legend, 0, foot - _sa_render_text_height (self->legend),
                     style->muted);
  pango_layout_set_text (self->footer, number, -1);
  _sa_render_show (cr, self->footer, 0, foot - _sa_render_text_height (self->footer),
                   style->text);
}

static void
draw_continued (SaHandout     *self,
                cairo_t       *cr,
                SaHandoutItem *item,
                double        *y)
{
  guint rows[2];
  guint n = continued_rows (self, item->row, rows);

  for (guint i = 0; i < n; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, *y);
      cairo_scale (cr, self->scale, self->scale);
      sa_timeline_paint_continued (self->layout, cr, NULL, rows[i]);
      cairo_restore (cr);
      *y += sa_timeline_layout_get_continued_height (self->layout, rows[i]) * self->scale;
    }
}

/* Draws the timeline items from @first on, as one band of rows, so 誰が cells span
 * the rows on the page; returns one past the last item drawn. */
static guint
draw_timeline_run (SaHandout     *self,
                   cairo_t       *cr,
                   guint          first,
                   guint          end,
                   double        *y)
{
  SaHandoutItem *item = item_at (self, first);
  double top = sa_timeline_layout_get_row (self->layout, item->row)->y + item->offset;
  double length = 0;
  guint i;

  for (i = first; i < end && item_at (self, i)->kind == SA_HANDOUT_ITEM_TIMELINE; i++)
    length += item_at (self, i)->length;

  cairo_save (cr);
  cairo_translate (cr, 0, *y);
  cairo_scale (cr, self->scale, self->scale);
  cairo_translate (cr, 0, -top);
  sa_timeline_paint_rows (self->layout, cr, NULL, top, length);
  cairo_restore (cr);
  *y += length * self->scale;
  return i;
}

static void
draw_header (SaHandout     *self,
             cairo_t       *cr,
             SaHandoutItem *item,
             double         y)
{
  cairo_save (cr);
  cairo_translate (cr, 0, y);
  if (item->kind == SA_HANDOUT_ITEM_TIMELINE)
    {
      cairo_scale (cr, self->scale, self->scale);
      sa_timeline_paint_header (self->layout, cr, NULL);
    }
  else
    _sa_text_table_paint_header (item->table, cr, sa_timeline_style_get_print ());
  cairo_restore (cr);
}

static void
draw_table_item (SaHandout     *self,
                 cairo_t       *cr,
                 SaHandoutItem *item,
                 SaHandoutItem *next,
                 double         y)
{
  const SaTimelineStyle *style = sa_timeline_style_get_print ();
  double width = self->page_width - 2 * SA_HANDOUT_MARGIN;

  cairo_save (cr);
  cairo_translate (cr, 0, y);
  _sa_text_table_paint_row (item->table, cr, style, item->row, item->offset, item->length);
  /* The table's foot, where it ends or the page does. */
  if (!same_table (item, next))
    {
      _sa_render_set_color (cr, style->border);
      cairo_set_line_width (cr, 0.9);
      cairo_move_to (cr, 0, item->height);
      cairo_line_to (cr, width, item->height);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_body (SaHandout           *self,
           cairo_t             *cr,
           const SaHandoutPage *page)
{
  SaHandoutItem *previous = NULL;
  double y = 0;

  for (guint i = page->first; i < page->end;)
    {
      SaHandoutItem *item = item_at (self, i);
      double header = header_above (self, item, previous);

      y += gap_above (item, previous);
      if (header > 0)
        draw_header (self, cr, item, y);
      y += header;

      if (item->kind == SA_HANDOUT_ITEM_TIMELINE)
        {
          if (i == page->first)
            draw_continued (self, cr, item, &y);
          i = draw_timeline_run (self, cr, i, page->end, &y);
          previous = item_at (self, i - 1);
          continue;
        }
      if (item->kind == SA_HANDOUT_ITEM_PART)
        _sa_render_show (cr, item->title, 0, y, sa_timeline_style_get_print ()->goal_accent);
      else
        draw_table_item (self, cr, item, i + 1 < page->end ? item_at (self, i + 1) : NULL, y);
      y += item->height;
      previous = item;
      i++;
    }
}

/**
 * sa_handout_draw_page:
 * @self: a handout
 * @cr: a context whose user space is the page, in points, with the origin at the
 *   paper's top left (in a #GtkPrintOperation: points as the unit, and the full page)
 * @page: the page, from 0
 *
 * Draws one page, as on white paper: a preview on screen paints the page white
 * first. Each page draws the same whatever was drawn before it.
 */
void
sa_handout_draw_page (SaHandout *self,
                      cairo_t   *cr,
                      guint      page)
{
  g_return_if_fail (SA_IS_HANDOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_translate (cr, SA_HANDOUT_MARGIN, SA_HANDOUT_MARGIN);
  draw_furniture (self, cr, page);
  cairo_translate (cr, 0, self->header_height);
  draw_body (self, cr, &g_array_index (self->pages, SaHandoutPage, page));
  cairo_restore (cr);
}
