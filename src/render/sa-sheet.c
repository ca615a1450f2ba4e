/* sa-sheet.c: a table of text on pages, for the review sheet and reports
 *
 * A sheet is a title, a subtitle, an optional note on the right (a date), and one
 * table: column headings, rows of wrapped text, figures right-aligned, and group
 * headings across all columns (a basic goal, an organization). It is paginated for
 * the paper: the column headings on every page, and the group a page continues
 * repeated under them; a row is never cut between pages unless it is taller than a
 * page, and then only between lines of text; rows of totals in bold; "n / N" at
 * the foot. The same
 * sa_sheet_draw_page() serves a print dialog, a PDF file and a preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-render-pdf.h"
#include "sa-render-private.h"
#include "sa-sheet.h"
#include "sa-text-table.h"

/* ISO 216 sizes in points, and a margin of about 10 mm, as the handout's. */
#define A4_SHORT  595.276
#define A4_LONG   841.890
#define A3_LONG  1190.551
#define MARGIN      28.0
#define HEADER_GAP   9.0
#define FOOTER_GAP   6.0
#define RULE_GAP     4.0
#define NO_GROUP     G_MAXUINT

/* A row on a page, or the piece of a row taller than a page. */
typedef struct
{
  guint    row;
  double   offset;   /* from the row's top */
  double   length;
  gboolean keep_with_next;
} Item;

typedef struct
{
  guint first;  /* items */
  guint end;
} Page;

struct _SaSheet
{
  GObject       parent_instance;

  PangoContext *context;
  SaTextTable  *table;
  GArray       *groups;       /* per row: the group heading above it, or NO_GROUP */
  guint         group;        /* the group rows added now belong to */
  PangoLayout  *title;
  PangoLayout  *subtitle;
  PangoLayout  *note;
  PangoLayout  *footer;
  SaPrintFont   font;

  double        page_width;
  double        page_height;
  double        header_height;
  double        body_height;
  gboolean      paginated;
  GArray       *items;        /* Item */
  GArray       *pages;        /* Page */
};

G_DEFINE_FINAL_TYPE (SaSheet, sa_sheet, G_TYPE_OBJECT)

static void
sa_sheet_dispose (GObject *object)
{
  SaSheet *self = SA_SHEET (object);

  g_clear_pointer (&self->table, _sa_text_table_free);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_object (&self->note);
  g_clear_object (&self->footer);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_sheet_parent_class)->dispose (object);
}

static void
sa_sheet_finalize (GObject *object)
{
  SaSheet *self = SA_SHEET (object);

  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (sa_sheet_parent_class)->finalize (object);
}

static void
sa_sheet_class_init (SaSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_sheet_dispose;
  object_class->finalize = sa_sheet_finalize;
}

static void
sa_sheet_init (SaSheet *self)
{
  self->context = _sa_render_context_new ();
  self->font = SA_PRINT_FONT_UD;
  _sa_render_context_set_style (self->context, self->font, SA_TEXT_SIZE_PRINT);
  self->groups = g_array_new (FALSE, FALSE, sizeof (guint));
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->group = NO_GROUP;
  self->page_width = A4_LONG;
  self->page_height = A4_SHORT;
}

/**
 * sa_sheet_new:
 * @title: the title line, such as 「令和7年度 評価シート」
 * @subtitle: (nullable): the line under it, such as the plan's title
 * @n_columns: from 1 to 16
 * @columns: the columns, left to right
 *
 * Returns: (transfer full): a sheet without rows, for A4 landscape
 */
SaSheet *
sa_sheet_new (const char          *title,
              const char          *subtitle,
              guint                n_columns,
              const SaSheetColumn *columns)
{
  SaSheet *self;
  g_autofree const char **headings = NULL;
  g_autofree double *shares = NULL;
  double total = 0;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (n_columns >= 1 && n_columns <= SA_TEXT_TABLE_MAX_COLUMNS, NULL);

  self = g_object_new (SA_TYPE_SHEET, NULL);
  headings = g_new0 (const char *, n_columns);
  shares = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    total += MAX (columns[i].share, 0.01);
  for (guint i = 0; i < n_columns; i++)
    {
      headings[i] = columns[i].heading;
      shares[i] = MAX (columns[i].share, 0.01) / total;
    }
  self->table = _sa_text_table_new (self->context, n_columns, headings, shares, TRUE);
  _sa_text_table_set_strong_first (self->table, FALSE);
  for (guint i = 0; i < n_columns; i++)
    _sa_text_table_set_numeric (self->table, i, columns[i].numeric);

  self->title = _sa_render_text (self->context, SA_FONT_TITLE, title, 0);
  self->subtitle = _sa_render_text (self->context, SA_FONT_SUBTITLE, subtitle, 0);
  self->note = _sa_render_text (self->context, SA_FONT_SUBTITLE, "", 0);
  pango_layout_set_alignment (self->note, PANGO_ALIGN_RIGHT);
  self->footer = _sa_render_text (self->context, SA_FONT_SMALL, "", 0);
  pango_layout_set_alignment (self->footer, PANGO_ALIGN_CENTER);
  return self;
}

/**
 * sa_sheet_set_note:
 * @self: a sheet
 * @note: (nullable): a short text at the top right, such as the date
 */
void
sa_sheet_set_note (SaSheet    *self,
                   const char *note)
{
  g_return_if_fail (SA_IS_SHEET (self));

  pango_layout_set_text (self->note, note ? note : "", -1);
  self->paginated = FALSE;
}

/**
 * sa_sheet_add_group:
 * @self: a sheet
 * @label: (nullable): a short label in a dark box, such as 「基本目標 1」
 * @text: the heading's text
 *
 * Adds a heading across all columns; the rows added after it belong to it until
 * the next. It stays on the page of its first row, and a page that continues the
 * group shows it again.
 */
void
sa_sheet_add_group (SaSheet    *self,
                    const char *label,
                    const char *text)
{
  guint none = NO_GROUP;

  g_return_if_fail (SA_IS_SHEET (self));

  self->group = _sa_text_table_get_n_rows (self->table);
  _sa_text_table_add_heading (self->table, label, text ? text : "");
  g_array_append_val (self->groups, none);
  self->paginated = FALSE;
}

/**
 * sa_sheet_add_row:
 * @self: a sheet
 * @cells: one text per column; %NULL or "" leaves a cell empty; "\n" breaks lines
 */
void
sa_sheet_add_row (SaSheet            *self,
                  const char * const *cells)
{
  g_return_if_fail (SA_IS_SHEET (self));
  g_return_if_fail (cells != NULL);

  _sa_text_table_add_row (self->table, cells);
  g_array_append_val (self->groups, self->group);
  self->paginated = FALSE;
}

/**
 * sa_sheet_add_total:
 * @self: a sheet
 * @cells: one text per column, as for sa_sheet_add_row()
 *
 * Adds a row of totals, bold on a tint, such as a group's or the sheet's sum.
 */
void
sa_sheet_add_total (SaSheet            *self,
                    const char * const *cells)
{
  g_return_if_fail (SA_IS_SHEET (self));
  g_return_if_fail (cells != NULL);

  _sa_text_table_add_total (self->table, cells);
  g_array_append_val (self->groups, self->group);
  self->paginated = FALSE;
}

/**
 * sa_sheet_get_n_rows:
 * @self: a sheet
 *
 * Returns: the rows added, group headings included
 */
guint
sa_sheet_get_n_rows (SaSheet *self)
{
  g_return_val_if_fail (SA_IS_SHEET (self), 0);

  return _sa_text_table_get_n_rows (self->table);
}

/**
 * sa_sheet_set_font:
 * @self: a sheet
 * @font: the typeface; one not installed falls back to the next
 * @large_print: body text of 14 pt instead of 11 pt
 *
 * Sets the sheet's typeface and text size; UD Gothic at 11 pt by default.
 */
void
sa_sheet_set_font (SaSheet     *self,
                   SaPrintFont  font,
                   gboolean     large_print)
{
  g_return_if_fail (SA_IS_SHEET (self));

  self->font = font;
  _sa_render_context_set_style (self->context, font, large_print ? SA_TEXT_SIZE_LARGE : SA_TEXT_SIZE_PRINT);
  _sa_render_restyle (self->title);
  _sa_render_restyle (self->subtitle);
  _sa_render_restyle (self->note);
  _sa_render_restyle (self->footer);
  _sa_text_table_restyle (self->table);
  self->paginated = FALSE;
}

/**
 * sa_sheet_describe_font:
 * @self: a sheet
 *
 * Returns: (transfer full): the typeface the pages are printed in, and which one
 *   was missing when that is a fallback
 */
char *
sa_sheet_describe_font (SaSheet *self)
{
  g_return_val_if_fail (SA_IS_SHEET (self), NULL);

  return sa_print_font_describe (self->font);
}

/**
 * sa_sheet_set_paper:
 * @self: a sheet
 * @paper: A4 or A3
 * @portrait: upright pages; landscape when %FALSE
 */
void
sa_sheet_set_paper (SaSheet  *self,
                    SaPaper   paper,
                    gboolean  portrait)
{
  double short_side = paper == SA_PAPER_A3 ? A4_LONG : A4_SHORT;
  double long_side = paper == SA_PAPER_A3 ? A3_LONG : A4_LONG;

  g_return_if_fail (SA_IS_SHEET (self));

  if (portrait)
    sa_sheet_set_page_size (self, short_side, long_side);
  else
    sa_sheet_set_page_size (self, long_side, short_side);
}

/**
 * sa_sheet_set_page_size:
 * @self: a sheet
 * @width: the page's width in points
 * @height: its height
 *
 * Lays the sheet out again for pages of another size, such as the paper a print
 * dialog settled on. The table fills the width between the margins.
 */
void
sa_sheet_set_page_size (SaSheet *self,
                        double   width,
                        double   height)
{
  g_return_if_fail (SA_IS_SHEET (self));
  g_return_if_fail (width > 2 * MARGIN + 100 && height > 2 * MARGIN + 100);

  self->page_width = width;
  self->page_height = height;
  self->paginated = FALSE;
}

void
sa_sheet_get_page_size (SaSheet *self,
                        double  *width,
                        double  *height)
{
  g_return_if_fail (SA_IS_SHEET (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

/* ---- Pagination ------------------------------------------------------------------- */

static guint
group_of (SaSheet *self,
          guint    row)
{
  return g_array_index (self->groups, guint, row);
}

static double
row_height (SaSheet *self,
            guint    row)
{
  return _sa_text_table_get_row_height (self->table, row);
}

static void
measure (SaSheet *self)
{
  double width = self->page_width - 2 * MARGIN;
  double note_width, footer_height;

  _sa_render_set_width (self->note, 0);
  note_width = _sa_render_text_width (self->note);
  _sa_render_set_width (self->title, width - note_width - 24);
  _sa_render_set_width (self->subtitle, width - note_width - 24);
  _sa_render_set_width (self->note, width);
  _sa_render_set_width (self->footer, width);
  self->header_height = _sa_render_text_height (self->title) + _sa_render_text_height (self->subtitle)
                        + HEADER_GAP + 4;
  footer_height = _sa_render_text_height (self->footer) + FOOTER_GAP;
  self->body_height = self->page_height - 2 * MARGIN - self->header_height - footer_height;
  _sa_text_table_measure (self->table, width);
}

/* A row that does not fit on a page by itself is cut, between lines, into pieces
 * that each fit under the column headings and the group's repeated heading. */
static void
add_row_items (SaSheet *self,
               guint    row,
               gboolean keep_with_next)
{
  double height = row_height (self, row);
  guint group = group_of (self, row);
  double room = self->body_height - _sa_text_table_get_header_height (self->table)
                - (group != NO_GROUP ? row_height (self, group) : 0);
  Item item = { row, 0, height, keep_with_next };

  while (room > 0 && height - item.offset > room)
    {
      double cut = _sa_text_table_get_row_break (self->table, row, item.offset + room);

      /* Nowhere to cut between lines: cut at the page's foot rather than lose text. */
      if (cut <= item.offset)
        cut = item.offset + room;
      item.length = cut - item.offset;
      g_array_append_val (self->items, item);
      item.offset = cut;
    }
  item.length = height - item.offset;
  g_array_append_val (self->items, item);
}

static Item *
item_at (SaSheet *self,
         guint    index)
{
  return &g_array_index (self->items, Item, index);
}

/* Space above a page's first item: the column headings, and the group it continues. */
static double
page_top (SaSheet *self,
          Item    *first)
{
  double top = _sa_text_table_get_header_height (self->table);
  guint group = group_of (self, first->row);

  if (group != NO_GROUP)
    top += row_height (self, group);
  return top;
}

static void
close_page (SaSheet *self,
            guint    first,
            guint    end)
{
  Page page = { first, end };

  g_array_append_val (self->pages, page);
}

static void
flow (SaSheet *self)
{
  guint first = 0;
  double y = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);
      double run = item->length;

      if (item->keep_with_next && i + 1 < self->items->len)
        run += item_at (self, i + 1)->length;
      if (i == first)
        y = page_top (self, item);
      else if (y + run > self->body_height)
        {
          close_page (self, first, i);
          first = i;
          y = page_top (self, item);
        }
      y += item->length;
    }
  close_page (self, first, self->items->len);
}

static void
paginate (SaSheet *self)
{
  guint n = _sa_text_table_get_n_rows (self->table);

  if (self->paginated)
    return;
  measure (self);
  g_array_set_size (self->items, 0);
  g_array_set_size (self->pages, 0);
  for (guint i = 0; i < n; i++)
    {
      gboolean heading = _sa_text_table_is_heading (self->table, i);
      gboolean keep = heading && i + 1 < n && !_sa_text_table_is_heading (self->table, i + 1);

      add_row_items (self, i, keep);
    }
  flow (self);
  self->paginated = TRUE;
}

/**
 * sa_sheet_get_n_pages:
 * @self: a sheet
 *
 * Returns: how many pages the sheet takes on its paper; at least 1
 */
guint
sa_sheet_get_n_pages (SaSheet *self)
{
  g_return_val_if_fail (SA_IS_SHEET (self), 0);

  paginate (self);
  return self->pages->len;
}

/**
 * sa_sheet_get_page_rows:
 * @self: a sheet
 * @page: a page, from 0
 * @first: (out) (optional): the first row on the page (as added, headings counted)
 * @end: (out) (optional): one past the last
 *
 * A group's heading repeated at the top of a page is not counted.
 *
 * Returns: whether the page shows any row
 */
gboolean
sa_sheet_get_page_rows (SaSheet *self,
                        guint    page,
                        guint   *first,
                        guint   *end)
{
  Page *p;

  g_return_val_if_fail (SA_IS_SHEET (self), FALSE);

  paginate (self);
  g_return_val_if_fail (page < self->pages->len, FALSE);
  p = &g_array_index (self->pages, Page, page);
  if (p->first == p->end)
    return FALSE;
  if (first != NULL)
    *first = item_at (self, p->first)->row;
  if (end != NULL)
    *end = item_at (self, p->end - 1)->row + 1;
  return TRUE;
}

/* ---- Drawing ---------------------------------------------------------------------- */

static void
draw_furniture (SaSheet *self,
                cairo_t *cr,
                guint    page)
{
  const SaTimelineStyle *style = sa_timeline_style_get_print ();
  double width = self->page_width - 2 * MARGIN;
  double rule = _sa_render_text_height (self->title) + _sa_render_text_height (self->subtitle) + RULE_GAP;
  double foot = self->page_height - 2 * MARGIN;
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, self->pages->len);

  _sa_render_show (cr, self->title, 0, 0, style->text);
  _sa_render_show (cr, self->subtitle, 0, _sa_render_text_height (self->title), style->text);
  _sa_render_show (cr, self->note, 0, _sa_render_text_height (self->title)
                   - _sa_render_text_height (self->note), style->text);

  _sa_render_set_color (cr, style->goal_accent);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, 0, rule);
  cairo_line_to (cr, width, rule);
  cairo_stroke (cr);

  pango_layout_set_text (self->footer, number, -1);
  _sa_render_show (cr, self->footer, 0, foot - _sa_render_text_height (self->footer), style->text);
}

static void
draw_row (SaSheet *self,
          cairo_t *cr,
          guint    row,
          double   offset,
          double   length,
          double  *y)
{
  cairo_save (cr);
  cairo_translate (cr, 0, *y);
  _sa_text_table_paint_row (self->table, cr, sa_timeline_style_get_print (), row, offset, length);
  cairo_restore (cr);
  *y += length;
}

static void
draw_body (SaSheet *self,
           cairo_t *cr,
           Page    *page)
{
  const SaTimelineStyle *style = sa_timeline_style_get_print ();
  double y = _sa_text_table_get_header_height (self->table);
  guint group;

  _sa_text_table_paint_header (self->table, cr, style);
  if (page->first == page->end)
    return;
  if ((group = group_of (self, item_at (self, page->first)->row)) != NO_GROUP)
    draw_row (self, cr, group, 0, row_height (self, group), &y);
  for (guint i = page->first; i < page->end; i++)
    {
      Item *item = item_at (self, i);

      draw_row (self, cr, item->row, item->offset, item->length, &y);
    }
  /* The table's foot, where it ends or the page does. */
  _sa_render_set_color (cr, style->border);
  cairo_set_line_width (cr, 0.9);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, self->page_width - 2 * MARGIN, y);
  cairo_stroke (cr);
}

/**
 * sa_sheet_draw_page:
 * @self: a sheet
 * @cr: a context whose user space is the page, in points, with the origin at the
 *   paper's top left (in a #GtkPrintOperation: points as the unit, and the full page)
 * @page: the page, from 0
 *
 * Draws one page, as on white paper.
 */
void
sa_sheet_draw_page (SaSheet *self,
                    cairo_t *cr,
                    guint    page)
{
  g_return_if_fail (SA_IS_SHEET (self));
  g_return_if_fail (cr != NULL);

  paginate (self);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_translate (cr, MARGIN, MARGIN);
  draw_furniture (self, cr, page);
  cairo_translate (cr, 0, self->header_height);
  draw_body (self, cr, &g_array_index (self->pages, Page, page));
  cairo_restore (cr);
}

static void
draw_page (gpointer  data,
           cairo_t  *cr,
           guint     page)
{
  sa_sheet_draw_page (data, cr, page);
}

/**
 * sa_sheet_write_pdf:
 * @self: a sheet
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Writes every page to @path under a temporary name, then renames it, so @path is
 * never half written.
 */
gboolean
sa_sheet_write_pdf (SaSheet     *self,
                    const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (SA_IS_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  paginate (self);
  return _sa_render_write_pdf (path, self->page_width, self->page_height, self->pages->len,
                               draw_page, self, pango_layout_get_text (self->title),
                               pango_layout_get_text (self->subtitle), error);
}
