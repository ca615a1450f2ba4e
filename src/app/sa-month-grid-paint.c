/* sa-month-grid-paint.c: the month grid's geometry and drawing
 *
 * The hit tests read the same geometry as the drawing, so a click lands on the chip
 * drawn under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-date-text.h"
#include "sa-month-grid-private.h"

/* Colours that read on light and dark backgrounds: GNOME's palette, shade 3. */
static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
};

/* ---- geometry ------------------------------------------------------------------- */

static double
font_height (GtkWidget *widget,
             double     scale)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  PangoFontMetrics *metrics;
  double height;

  pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * scale));
  metrics = pango_context_get_metrics (context, font, NULL);
  height = (double) (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics)) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  pango_font_description_free (font);
  return height;
}

void
_sa_month_grid_ensure_metrics (SaMonthGrid *self)
{
  if (self->line_h > 0)
    return;
  self->line_h = font_height (GTK_WIDGET (self), 1.0);
  self->small_h = font_height (GTK_WIDGET (self), PANGO_SCALE_SMALL);
}

void
_sa_month_grid_get_geometry (SaMonthGrid *self,
                             Geometry    *g)
{
  _sa_month_grid_ensure_metrics (self);
  g->header_h = ceil (self->small_h) + 8;
  g->day_row_h = ceil (self->line_h) + 6;
  g->chip_h = ceil (self->small_h) + 4;
  g->more_w = ceil (self->small_h * 2.2);
  g->cell_w = gtk_widget_get_width (GTK_WIDGET (self)) / 7.0;
  g->cell_h = MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - g->header_h) / 6.0;
}

static int
column_x (SaMonthGrid *self,
          int          column)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 6 - column : column;
}

static void
cell_rect (SaMonthGrid     *self,
           const Geometry  *g,
           guint            index,
           graphene_rect_t *rect)
{
  graphene_rect_init (rect, column_x (self, index % 7) * g->cell_w,
                      g->header_h + (index / 7) * g->cell_h, g->cell_w, g->cell_h);
}

/* Where a cell's chips go: as many as there is room for, up to three; the records
 * left over are counted as "+N", on a line of its own when there is room for one,
 * else beside the last chip, which gives way to it. */
static void
layout_chips (const Geometry *g,
              guint           n,
              ChipLayout     *chips)
{
  int fit = (int) ((g->cell_h - g->day_row_h - CELL_PADDING) / (g->chip_h + CHIP_GAP));

  fit = MAX (fit, 0);
  chips->shown = MIN (n, MIN (SA_MONTH_GRID_MAX_CHIPS, (guint) fit));
  chips->more = n - chips->shown;
  chips->more_beside = chips->more > 0 && chips->shown > 0 && chips->shown >= (guint) fit;
}

static void
chip_rect (const Geometry        *g,
           const graphene_rect_t *cell,
           const ChipLayout      *chips,
           guint                  i,
           graphene_rect_t       *rect)
{
  double width = MAX (0, cell->size.width - 6);

  if (chips->more_beside && i + 1 == chips->shown)
    width = MAX (0, width - g->more_w);
  graphene_rect_init (rect, cell->origin.x + 3,
                      cell->origin.y + g->day_row_h + i * (g->chip_h + CHIP_GAP), width, g->chip_h);
}

/**
 * sa_month_grid_get_cell_at:
 * @self: a month grid
 * @x: a point in the grid's coordinates
 * @y: …
 *
 * Returns: the index of the cell at the point, or -1 (the weekday names, outside)
 */
int
sa_month_grid_get_cell_at (SaMonthGrid *self,
                           double       x,
                           double       y)
{
  Geometry g;
  int column, row;

  g_return_val_if_fail (SA_IS_MONTH_GRID (self), -1);

  _sa_month_grid_get_geometry (self, &g);
  if (y < g.header_h || g.cell_w <= 0 || g.cell_h <= 0)
    return -1;
  column = (int) floor (x / g.cell_w);
  row = (int) floor ((y - g.header_h) / g.cell_h);
  if (column < 0 || column > 6 || row < 0 || row > 5)
    return -1;
  return row * 7 + column_x (self, column);
}

/* The record whose chip is drawn at the point, or NULL. */
const char *
_sa_month_grid_chip_at (SaMonthGrid *self,
                        double       x,
                        double       y)
{
  int index = sa_month_grid_get_cell_at (self, x, y);
  graphene_rect_t cell, chip;
  ChipLayout chips;
  Geometry g;

  if (index < 0)
    return NULL;
  _sa_month_grid_get_geometry (self, &g);
  cell_rect (self, &g, index, &cell);
  layout_chips (&g, self->cells[index].activities->len, &chips);
  for (guint i = 0; i < chips.shown; i++)
    {
      chip_rect (&g, &cell, &chips, i, &chip);
      if (graphene_rect_contains_point (&chip, &GRAPHENE_POINT_INIT (x, y)))
        return _sa_month_grid_activity_id_in_cell (&self->cells[index], i);
    }
  return NULL;
}

/**
 * sa_month_grid_get_chip_center:
 * @self: a month grid
 * @activity_id: a record shown as a chip
 * @x: (out): the middle of its chip
 * @y: (out): …
 *
 * Returns: whether the record has a chip that is drawn
 */
gboolean
sa_month_grid_get_chip_center (SaMonthGrid *self,
                               const char  *activity_id,
                               double      *x,
                               double      *y)
{
  Geometry g;

  g_return_val_if_fail (SA_IS_MONTH_GRID (self), FALSE);
  g_return_val_if_fail (activity_id != NULL, FALSE);

  _sa_month_grid_get_geometry (self, &g);
  for (guint index = 0; index < SA_MONTH_GRID_N_CELLS; index++)
    {
      ChipLayout chips;

      layout_chips (&g, self->cells[index].activities->len, &chips);
      for (guint i = 0; i < chips.shown; i++)
        if (g_str_equal (_sa_month_grid_activity_id_in_cell (&self->cells[index], i), activity_id))
          {
            graphene_rect_t cell, chip;

            cell_rect (self, &g, index, &cell);
            chip_rect (&g, &cell, &chips, i, &chip);
            *x = chip.origin.x + chip.size.width / 2;
            *y = chip.origin.y + chip.size.height / 2;
            return TRUE;
          }
    }
  return FALSE;
}

/* ---- drawing -------------------------------------------------------------------- */

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

void
_sa_month_grid_update_colors (SaMonthGrid *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &self->fg);
  /* libadwaita's named colours follow the dark style; the fallbacks are its light ones. */
  lookup_color (context, "accent_color", "#1c71d8", &self->accent);
  lookup_color (context, "accent_bg_color", "#3584e4", &self->accent_bg);
  lookup_color (context, "accent_fg_color", "#ffffff", &self->accent_fg);
  lookup_color (context, "error_color", "#c01c28", &self->red);
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA out = *color;

  out.alpha *= alpha;
  return out;
}

static const GdkRGBA *
day_color (SaMonthGrid  *self,
           GDateWeekday  weekday,
           gboolean      holiday)
{
  if (holiday || weekday == G_DATE_SUNDAY)
    return &self->red;
  if (weekday == G_DATE_SATURDAY)
    return &self->accent;
  return &self->fg;
}

static GdkRGBA
organization_color (const char *organization_id)
{
  GdkRGBA color;

  if (organization_id == NULL)
    gdk_rgba_parse (&color, "#77767b");
  else
    gdk_rgba_parse (&color, palette[g_str_hash (organization_id) % G_N_ELEMENTS (palette)]);
  return color;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         y,
           double         width,
           const GdkRGBA *color)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_weekdays (SaMonthGrid    *self,
               GtkSnapshot    *snapshot,
               PangoLayout    *layout,
               const Geometry *g)
{
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  for (int column = 0; column < 7; column++)
    {
      GDateWeekday weekday = (self->first_weekday - 1 + column) % 7 + 1;
      GdkRGBA color = with_alpha (day_color (self, weekday, FALSE), 0.75);

      draw_text (snapshot, layout, sa_date_text_weekday_abbr (weekday),
                 column_x (self, column) * g->cell_w, 4, g->cell_w, &color);
    }
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
}

static void
draw_lines (SaMonthGrid    *self,
            GtkSnapshot    *snapshot,
            const Geometry *g)
{
  GdkRGBA line = with_alpha (&self->fg, 0.15);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  for (int row = 0; row < 6; row++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (0, floor (g->header_h + row * g->cell_h), width, 1));
  for (int column = 1; column < 7; column++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (floor (column * g->cell_w), g->header_h, 1, height - g->header_h));
}

static void
draw_outline (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              double                 radius,
              double                 width,
              const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const GdkRGBA colors[4] = { *color, *color, *color, *color };
  const float widths[4] = { width, width, width, width };

  gsk_rounded_rect_init_from_rect (&outline, rect, radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
draw_background (SaMonthGrid           *self,
                 GtkSnapshot           *snapshot,
                 guint                  index,
                 const graphene_rect_t *rect)
{
  Cell *cell = &self->cells[index];
  graphene_rect_t inner;

  graphene_rect_inset_r (rect, 1, 1, &inner);
  if (!_sa_month_grid_in_month (self, cell))
    {
      GdkRGBA shade = with_alpha (&self->fg, 0.04);
      gtk_snapshot_append_color (snapshot, &shade, rect);
    }
  if (g_date_compare (&cell->date, &self->date) == 0)
    {
      GdkRGBA tint = with_alpha (&self->accent_bg, 0.14);

      gtk_snapshot_append_color (snapshot, &tint, &inner);
      if (gtk_widget_has_focus (GTK_WIDGET (self)))
        draw_outline (snapshot, &inner, 0, 2, &self->accent_bg);
    }
  if ((int) index == self->drop_cell)
    {
      GdkRGBA tint = with_alpha (&self->accent_bg, 0.25);

      gtk_snapshot_append_color (snapshot, &tint, &inner);
      draw_outline (snapshot, &inner, 0, 2, &self->accent_bg);
    }
}

static void
draw_day_number (SaMonthGrid           *self,
                 GtkSnapshot           *snapshot,
                 PangoLayout           *layout,
                 Cell                  *cell,
                 const graphene_rect_t *rect)
{
  char number[4];
  const GdkRGBA *color = day_color (self, g_date_get_weekday (&cell->date), cell->holiday != NULL);
  double x = rect->origin.x + CELL_PADDING + 2;
  double y = rect->origin.y + 3;
  int width;

  g_snprintf (number, sizeof number, "%d", g_date_get_day (&cell->date));
  pango_layout_set_text (layout, number, -1);
  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);

  if (g_date_compare (&cell->date, &self->today) == 0)
    {
      double d = ceil (self->line_h) + 2;
      GskRoundedRect circle;

      gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (x + width / 2.0 - d / 2, y - 1, d, d), d / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &circle);
      gtk_snapshot_append_color (snapshot, &self->accent_bg, &circle.bounds);
      gtk_snapshot_pop (snapshot);
      color = &self->accent_fg;
    }
  draw_text (snapshot, layout, number, x, y, -1, color);
}

void
_sa_month_grid_draw_chip (SaMonthGrid           *self,
                          GtkSnapshot           *snapshot,
                          PangoLayout           *layout,
                          SaRecord              *activity,
                          const graphene_rect_t *rect)
{
  GdkRGBA color = organization_color (sa_record_get_text (activity, SA_ACTIVITY_ORGANIZATION_ID));
  GdkRGBA fill = with_alpha (&color, 0.25);
  GskRoundedRect shape;

  gsk_rounded_rect_init_from_rect (&shape, rect, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_color (snapshot, &fill, rect);
  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y, 3, rect->size.height));
  draw_text (snapshot, layout, sa_record_get_text (activity, SA_ACTIVITY_TITLE),
             rect->origin.x + 6, rect->origin.y + 2, rect->size.width - 9, &self->fg);
  gtk_snapshot_pop (snapshot);

  if (g_strcmp0 (sa_record_get_id (activity), self->selected_activity) == 0 &&
      gtk_widget_has_focus (GTK_WIDGET (self)))
    draw_outline (snapshot, rect, 4, 1.5, &self->fg);
}

static void
draw_more (SaMonthGrid           *self,
           GtkSnapshot           *snapshot,
           PangoLayout           *small,
           const Geometry        *g,
           const graphene_rect_t *cell,
           const ChipLayout      *chips)
{
  g_autofree char *text = g_strdup_printf ("+%u", chips->more);
  GdkRGBA dim = with_alpha (&self->fg, 0.75);
  graphene_rect_t chip;

  if (chips->more_beside)
    {
      chip_rect (g, cell, chips, chips->shown - 1, &chip);
      pango_layout_set_alignment (small, PANGO_ALIGN_RIGHT);
      draw_text (snapshot, small, text, chip.origin.x + chip.size.width, chip.origin.y + 2, g->more_w - 2, &dim);
      pango_layout_set_alignment (small, PANGO_ALIGN_LEFT);
      return;
    }
  chip_rect (g, cell, chips, chips->shown, &chip);
  if (chip.origin.y + chip.size.height <= cell->origin.y + cell->size.height)
    draw_text (snapshot, small, text, chip.origin.x + 6, chip.origin.y + 2, chip.size.width - 6, &dim);
}

static void
draw_cell (SaMonthGrid    *self,
           GtkSnapshot    *snapshot,
           PangoLayout    *layout,
           PangoLayout    *small,
           const Geometry *g,
           guint           index)
{
  Cell *cell = &self->cells[index];
  graphene_rect_t rect, chip;
  ChipLayout chips;
  int number_w;

  cell_rect (self, g, index, &rect);
  layout_chips (g, cell->activities->len, &chips);
  draw_background (self, snapshot, index, &rect);

  gtk_snapshot_push_clip (snapshot, &rect);
  if (!_sa_month_grid_in_month (self, cell))
    gtk_snapshot_push_opacity (snapshot, 0.45);

  draw_day_number (self, snapshot, layout, cell, &rect);
  pango_layout_get_pixel_size (layout, &number_w, NULL);
  if (cell->holiday != NULL)
    {
      double x = rect.origin.x + CELL_PADDING + 2 + number_w + 6;
      draw_text (snapshot, small, cell->holiday, x, rect.origin.y + 3 + (self->line_h - self->small_h) / 2,
                 rect.origin.x + rect.size.width - x - CELL_PADDING, &self->red);
    }

  for (guint i = 0; i < chips.shown; i++)
    {
      chip_rect (g, &rect, &chips, i, &chip);
      _sa_month_grid_draw_chip (self, snapshot, small, g_ptr_array_index (cell->activities, i), &chip);
    }
  if (chips.more > 0)
    draw_more (self, snapshot, small, g, &rect, &chips);

  if (!_sa_month_grid_in_month (self, cell))
    gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* For chips, holidays and weekday names: one line, ellipsized. */
PangoLayout *
_sa_month_grid_create_small_layout (SaMonthGrid *self)
{
  PangoLayout *small = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (small, attrs);
  pango_layout_set_ellipsize (small, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (small, TRUE);
  return small;
}

void
_sa_month_grid_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoLayout) small = _sa_month_grid_create_small_layout (self);
  Geometry g;

  _sa_month_grid_get_geometry (self, &g);
  if (g.cell_w <= 0 || g.cell_h <= 0)
    return;

  draw_weekdays (self, snapshot, small, &g);
  draw_lines (self, snapshot, &g);
  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    draw_cell (self, snapshot, layout, small, &g, i);
}

void
_sa_month_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);

  _sa_month_grid_ensure_metrics (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 7 * 48;
      *natural = 7 * 120;
    }
  else
    {
      double header = ceil (self->small_h) + 8;
      double day_row = ceil (self->line_h) + 6;
      double chip = ceil (self->small_h) + 4 + CHIP_GAP;

      *minimum = (int) (header + 6 * (day_row + chip + CELL_PADDING));
      *natural = (int) (header + 6 * (day_row + 4 * chip + CELL_PADDING));
    }
}

