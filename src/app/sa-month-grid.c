/* sa-month-grid.c: six weeks of days with their activities
 *
 * Drawn in one snapshot, as calendar's month view is, rather than built of 42 child
 * widgets: a month with thousands of records then costs a few pango layouts, and
 * switching months rebuilds no widget tree. The cells are a plain model (date,
 * holiday, activities) that the drawing, the hit tests, assistive technology and the
 * tests all read.
 *
 * The month shown is the month of the selected day. Keyboard: arrows move the day
 * (across months), Home goes to today, Page Up/Down change the month, Enter
 * activates the day, Ctrl+Shift+arrows move the selected record by a day or a week.
 * Mouse: click selects, double click activates the day, a click on a chip activates
 * its record, and a chip dragged onto another day moves the record there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-calendar-text.h"
#include "sa-holiday.h"
#include "sa-month-grid.h"

#define CHIP_GAP 2
#define CELL_PADDING 4

typedef struct
{
  GDate       date;
  const char *holiday;     /* static, or NULL */
  GPtrArray  *activities;  /* of SaRecord, in the order given */
} Cell;

typedef struct
{
  guint    shown;        /* chips drawn */
  guint    more;         /* records left over, counted as "+N" */
  gboolean more_beside;  /* "+N" beside the last chip, not on a line of its own */
} ChipLayout;

typedef struct
{
  double header_h;   /* the row of weekday names */
  double cell_w;
  double cell_h;
  double day_row_h;  /* the day number and holiday at the top of a cell */
  double chip_h;
  double more_w;     /* room for "+N" beside a chip */
} Geometry;

struct _SaMonthGrid
{
  GtkWidget     parent_instance;

  GDate         date;            /* the selected day */
  GDate         today;
  GDate         first;           /* the day of the first cell */
  GDateWeekday  first_weekday;
  Cell          cells[SA_MONTH_GRID_N_CELLS];
  GHashTable   *organization_names;
  char         *selected_activity;

  char         *pressed_chip;    /* the record under a press, activated on release */
  char         *drag_id;         /* the record being dragged */
  int           drop_cell;       /* the cell a drag hovers, or -1 */

  double        line_h;          /* 0 until measured */
  double        small_h;
  GdkRGBA       fg;
  GdkRGBA       accent;
  GdkRGBA       accent_bg;
  GdkRGBA       accent_fg;
  GdkRGBA       red;
};

G_DEFINE_FINAL_TYPE (SaMonthGrid, sa_month_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_FIRST_WEEKDAY,
  PROP_SELECTED_ACTIVITY,
  N_PROPS
};

enum {
  DAY_ACTIVATED,
  ACTIVITY_ACTIVATED,
  MOVE_ACTIVITY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Colours that read on light and dark backgrounds: GNOME's palette, shade 3. */
static const char * const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
};

/* ---- the model ------------------------------------------------------------------ */

static Cell *
selected_cell (SaMonthGrid *self)
{
  int index = (int) g_date_get_julian (&self->date) - (int) g_date_get_julian (&self->first);

  g_assert (index >= 0 && index < SA_MONTH_GRID_N_CELLS);
  return &self->cells[index];
}

static int
cell_of_date (SaMonthGrid *self,
              const GDate *date)
{
  int index = (int) g_date_get_julian (date) - (int) g_date_get_julian (&self->first);

  return index >= 0 && index < SA_MONTH_GRID_N_CELLS ? index : -1;
}

static gboolean
in_month (SaMonthGrid *self,
          const Cell  *cell)
{
  return g_date_get_month (&cell->date) == g_date_get_month (&self->date);
}

/* Lays out the six weeks that show the selected day's month, emptied. */
static void
layout_month (SaMonthGrid *self)
{
  GDate first;
  int lead;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&self->date), g_date_get_year (&self->date));
  lead = ((int) g_date_get_weekday (&first) - (int) self->first_weekday + 7) % 7;
  g_date_subtract_days (&first, lead);
  self->first = first;

  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];

      cell->date = first;
      g_date_add_days (&cell->date, i);
      cell->holiday = sa_holiday_lookup (&cell->date);
      g_ptr_array_set_size (cell->activities, 0);
    }
}

static const char *
activity_id_in_cell (Cell *cell,
                     guint i)
{
  return sa_record_get_id (g_ptr_array_index (cell->activities, i));
}

static gboolean
cell_has_activity (Cell       *cell,
                   const char *id)
{
  for (guint i = 0; id != NULL && i < cell->activities->len; i++)
    if (g_str_equal (activity_id_in_cell (cell, i), id))
      return TRUE;
  return FALSE;
}

/* ---- assistive technology ------------------------------------------------------- */

static char *
describe_activities (SaMonthGrid *self,
                     Cell        *cell)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < cell->activities->len; i++)
    {
      SaRecord *activity = g_ptr_array_index (cell->activities, i);
      const char *org_id = sa_record_get_text (activity, SA_ACTIVITY_ORGANIZATION_ID);
      const char *org = org_id && self->organization_names
                        ? g_hash_table_lookup (self->organization_names, org_id) : NULL;

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, sa_record_get_text (activity, SA_ACTIVITY_TITLE));
      if (org != NULL)
        g_string_append_printf (text, " (%s)", org);
    }
  return g_string_free (text, FALSE);
}

/* GTK 4.8 cannot announce, so the grid's label is the selected day: a screen reader
 * reads the name of the focused widget again when it changes. */
static void
update_accessible (SaMonthGrid *self)
{
  Cell *cell = selected_cell (self);
  g_autofree char *day = sa_calendar_text_full_day (&cell->date);
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = describe_activities (self, cell);
  guint n = cell->activities->len;

  if (n == 0)
    count = g_strdup (_("no activities"));
  else
    count = g_strdup_printf (ngettext ("%u activity", "%u activities", n), n);
  label = cell->holiday ? g_strjoin (", ", day, cell->holiday, count, NULL)
                        : g_strjoin (", ", day, count, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- selection ------------------------------------------------------------------ */

static void
set_selected_activity (SaMonthGrid *self,
                       const char  *id)
{
  if (g_strcmp0 (self->selected_activity, id) == 0)
    return;
  g_free (self->selected_activity);
  self->selected_activity = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTIVITY]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Keeps the selected record if it is on the selected day, else takes the day's first. */
static void
reselect_activity (SaMonthGrid *self)
{
  Cell *cell = selected_cell (self);

  if (cell_has_activity (cell, self->selected_activity))
    return;
  set_selected_activity (self, cell->activities->len > 0 ? activity_id_in_cell (cell, 0) : NULL);
}

static void
select_date (SaMonthGrid *self,
             const GDate *date)
{
  gboolean same_month;

  if (g_date_compare (date, &self->date) == 0)
    return;

  same_month = g_date_get_month (date) == g_date_get_month (&self->date) &&
               g_date_get_year (date) == g_date_get_year (&self->date);
  self->date = *date;
  if (!same_month)
    layout_month (self);

  /* Listeners load a new month's activities from here, before the cells are read. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  reselect_activity (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_selection (SaMonthGrid *self,
                int          days,
                int          months)
{
  GDate date = self->date;

  if (days > 0)
    g_date_add_days (&date, days);
  else if (days < 0)
    g_date_subtract_days (&date, -days);
  /* GLib clamps to the end of a shorter month: 31 March - 1 month = 29 February. */
  if (months > 0)
    g_date_add_months (&date, months);
  else if (months < 0)
    g_date_subtract_months (&date, -months);

  if (g_date_valid (&date))
    select_date (self, &date);
}

static void
update_today (SaMonthGrid *self)
{
  g_date_set_time_t (&self->today, time (NULL));
}

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

static void
ensure_metrics (SaMonthGrid *self)
{
  if (self->line_h > 0)
    return;
  self->line_h = font_height (GTK_WIDGET (self), 1.0);
  self->small_h = font_height (GTK_WIDGET (self), PANGO_SCALE_SMALL);
}

static void
get_geometry (SaMonthGrid *self,
              Geometry    *g)
{
  ensure_metrics (self);
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

  get_geometry (self, &g);
  if (y < g.header_h || g.cell_w <= 0 || g.cell_h <= 0)
    return -1;
  column = (int) floor (x / g.cell_w);
  row = (int) floor ((y - g.header_h) / g.cell_h);
  if (column < 0 || column > 6 || row < 0 || row > 5)
    return -1;
  return row * 7 + column_x (self, column);
}

/* The record whose chip is drawn at the point, or NULL. */
static const char *
chip_at (SaMonthGrid *self,
         double       x,
         double       y)
{
  int index = sa_month_grid_get_cell_at (self, x, y);
  graphene_rect_t cell, chip;
  ChipLayout chips;
  Geometry g;

  if (index < 0)
    return NULL;
  get_geometry (self, &g);
  cell_rect (self, &g, index, &cell);
  layout_chips (&g, self->cells[index].activities->len, &chips);
  for (guint i = 0; i < chips.shown; i++)
    {
      chip_rect (&g, &cell, &chips, i, &chip);
      if (graphene_rect_contains_point (&chip, &GRAPHENE_POINT_INIT (x, y)))
        return activity_id_in_cell (&self->cells[index], i);
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

  get_geometry (self, &g);
  for (guint index = 0; index < SA_MONTH_GRID_N_CELLS; index++)
    {
      ChipLayout chips;

      layout_chips (&g, self->cells[index].activities->len, &chips);
      for (guint i = 0; i < chips.shown; i++)
        if (g_str_equal (activity_id_in_cell (&self->cells[index], i), activity_id))
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

static void
update_colors (SaMonthGrid *self)
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

      draw_text (snapshot, layout, sa_calendar_text_weekday_abbr (weekday),
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
  if (!in_month (self, cell))
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

static void
draw_chip (SaMonthGrid           *self,
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
  if (!in_month (self, cell))
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
      draw_chip (self, snapshot, small, g_ptr_array_index (cell->activities, i), &chip);
    }
  if (chips.more > 0)
    draw_more (self, snapshot, small, g, &rect, &chips);

  if (!in_month (self, cell))
    gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* For chips, holidays and weekday names: one line, ellipsized. */
static PangoLayout *
create_small_layout (SaMonthGrid *self)
{
  PangoLayout *small = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (small, attrs);
  pango_layout_set_ellipsize (small, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (small, TRUE);
  return small;
}

static void
sa_month_grid_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoLayout) small = create_small_layout (self);
  Geometry g;

  get_geometry (self, &g);
  if (g.cell_w <= 0 || g.cell_h <= 0)
    return;

  draw_weekdays (self, snapshot, small, &g);
  draw_lines (self, snapshot, &g);
  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    draw_cell (self, snapshot, layout, small, &g, i);
}

static void
sa_month_grid_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);

  ensure_metrics (self);
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

static void
sa_month_grid_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);
  double line_h = self->line_h;

  GTK_WIDGET_CLASS (sa_month_grid_parent_class)->css_changed (widget, change);

  /* Focus changes the style too, and only a new font changes the size. */
  self->line_h = 0;
  ensure_metrics (self);
  update_colors (self);
  if (self->line_h != line_h)
    gtk_widget_queue_resize (widget);
  else
    gtk_widget_queue_draw (widget);
}

static void
sa_month_grid_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (sa_month_grid_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      SA_MONTH_GRID (widget)->line_h = 0;
      gtk_widget_queue_resize (widget);
    }
}

/* ---- keyboard ------------------------------------------------------------------- */

static gboolean
move_cursor_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);
  int days, months;
  gboolean horizontal;

  g_variant_get (args, "(iib)", &days, &months, &horizontal);
  if (horizontal && gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    days = -days;
  move_selection (self, days, months);
  return TRUE;
}

static gboolean
today_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);

  update_today (self);
  select_date (self, &self->today);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);

  g_signal_emit (self, signals[DAY_ACTIVATED], 0, &self->date);
  return TRUE;
}

/* Asks for @id to move to @date; the selection follows the record when it moved. */
static gboolean
request_move (SaMonthGrid *self,
              const char  *id,
              const GDate *date)
{
  g_autofree char *moving = g_strdup (id);
  gboolean moved = FALSE;

  g_signal_emit (self, signals[MOVE_ACTIVITY], 0, moving, date, &moved);
  if (moved)
    {
      select_date (self, date);
      set_selected_activity (self, moving);
    }
  return moved;
}

static gboolean
move_activity_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  gboolean horizontal;
  int days;

  g_variant_get (args, "(ib)", &days, &horizontal);
  if (horizontal && gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    days = -days;
  if (!sa_month_grid_move_selected_activity (SA_MONTH_GRID (widget), days))
    gtk_widget_error_bell (widget);
  return TRUE;
}

/* ---- mouse ---------------------------------------------------------------------- */

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SaMonthGrid     *self)
{
  int index = sa_month_grid_get_cell_at (self, x, y);
  const char *chip = chip_at (self, x, y);

  g_clear_pointer (&self->pressed_chip, g_free);
  if (index < 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->pressed_chip = g_strdup (chip);
  if (chip == NULL)
    {
      GDate date = self->cells[index].date;

      select_date (self, &date);
      if (n_press == 2)
        g_signal_emit (self, signals[DAY_ACTIVATED], 0, &self->date);
    }
  else
    {
      GDate date = self->cells[index].date;

      select_date (self, &date);
      set_selected_activity (self, self->pressed_chip);
    }
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             SaMonthGrid     *self)
{
  g_autofree char *pressed = g_steal_pointer (&self->pressed_chip);

  /* Selecting a day of another month lays the grid out again: only a chip still
   * under the pointer is the one that was pressed. */
  if (n_press == 1 && pressed != NULL && g_strcmp0 (chip_at (self, x, y), pressed) == 0)
    g_signal_emit (self, signals[ACTIVITY_ACTIVATED], 0, pressed);
}

/* ---- drag and drop -------------------------------------------------------------- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 SaMonthGrid   *self)
{
  const char *id = chip_at (self, x, y);

  g_free (self->drag_id);
  self->drag_id = g_strdup (id);
  if (id == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static SaRecord *
find_activity (SaMonthGrid *self,
               const char  *id)
{
  for (guint i = 0; id != NULL && i < SA_MONTH_GRID_N_CELLS; i++)
    for (guint j = 0; j < self->cells[i].activities->len; j++)
      if (g_str_equal (activity_id_in_cell (&self->cells[i], j), id))
        return g_ptr_array_index (self->cells[i].activities, j);
  return NULL;
}

/* The chip itself is what the pointer carries. */
static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               SaMonthGrid   *self)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(PangoLayout) small = create_small_layout (self);
  g_autoptr(GdkPaintable) icon = NULL;
  SaRecord *activity = find_activity (self, self->drag_id);
  graphene_rect_t rect;
  Geometry g;

  if (activity == NULL)
    return;
  get_geometry (self, &g);
  graphene_rect_init (&rect, 0, 0, MAX (g.cell_w - 6, 40), g.chip_h);
  draw_chip (self, snapshot, small, activity, &rect);
  icon = gtk_snapshot_free_to_paintable (g_steal_pointer (&snapshot), &rect.size);
  gtk_drag_source_set_icon (source, icon, (int) rect.size.width / 2, (int) rect.size.height / 2);
}

static void
set_drop_cell (SaMonthGrid *self,
               int          index)
{
  if (self->drop_cell == index)
    return;
  self->drop_cell = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                SaMonthGrid   *self)
{
  int index = sa_month_grid_get_cell_at (self, x, y);

  set_drop_cell (self, index);
  return index >= 0 ? GDK_ACTION_MOVE : 0;
}

static void
on_drop_leave (GtkDropTarget *target,
               SaMonthGrid   *self)
{
  set_drop_cell (self, -1);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SaMonthGrid   *self)
{
  int index = sa_month_grid_get_cell_at (self, x, y);
  const char *id = g_value_get_string (value);
  GDate date;

  set_drop_cell (self, -1);
  if (index < 0 || id == NULL)
    return FALSE;
  date = self->cells[index].date;
  return request_move (self, id, &date);
}

/* ---- object --------------------------------------------------------------------- */

static void
sa_month_grid_dispose (GObject *object)
{
  SaMonthGrid *self = SA_MONTH_GRID (object);

  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    g_ptr_array_set_size (self->cells[i].activities, 0);
  g_clear_pointer (&self->organization_names, g_hash_table_unref);

  G_OBJECT_CLASS (sa_month_grid_parent_class)->dispose (object);
}

static void
sa_month_grid_finalize (GObject *object)
{
  SaMonthGrid *self = SA_MONTH_GRID (object);

  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    g_ptr_array_unref (self->cells[i].activities);
  g_free (self->selected_activity);
  g_free (self->pressed_chip);
  g_free (self->drag_id);

  G_OBJECT_CLASS (sa_month_grid_parent_class)->finalize (object);
}

static void
sa_month_grid_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SaMonthGrid *self = SA_MONTH_GRID (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    case PROP_FIRST_WEEKDAY:
      g_value_set_uint (value, self->first_weekday);
      break;

    case PROP_SELECTED_ACTIVITY:
      g_value_set_string (value, self->selected_activity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_month_grid_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SaMonthGrid *self = SA_MONTH_GRID (object);

  switch (prop_id)
    {
    case PROP_DATE:
      if (g_value_get_boxed (value) != NULL)
        sa_month_grid_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_FIRST_WEEKDAY:
      sa_month_grid_set_first_weekday (self, g_value_get_uint (value));
      break;

    case PROP_SELECTED_ACTIVITY:
      sa_month_grid_set_selected_activity (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_bindings (GtkWidgetClass *widget_class,
                   guint           keyval,
                   guint           kp_keyval,
                   int             days,
                   gboolean        horizontal)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_cursor_cb, "(iib)", days, 0, horizontal);
  gtk_widget_class_add_binding (widget_class, kp_keyval, 0, move_cursor_cb, "(iib)", days, 0, horizontal);
  gtk_widget_class_add_binding (widget_class, keyval, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                move_activity_cb, "(ib)", days, horizontal);
}

static void
sa_month_grid_class_init (SaMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_month_grid_dispose;
  object_class->finalize = sa_month_grid_finalize;
  object_class->get_property = sa_month_grid_get_property;
  object_class->set_property = sa_month_grid_set_property;

  widget_class->snapshot = sa_month_grid_snapshot;
  widget_class->measure = sa_month_grid_measure;
  widget_class->css_changed = sa_month_grid_css_changed;
  widget_class->system_setting_changed = sa_month_grid_system_setting_changed;

  /**
   * SaMonthGrid:date:
   *
   * The selected day; the grid shows its month.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaMonthGrid:first-weekday:
   *
   * The #GDateWeekday of the first column; the locale's by default.
   */
  properties[PROP_FIRST_WEEKDAY] =
    g_param_spec_uint ("first-weekday", NULL, NULL, G_DATE_MONDAY, G_DATE_SUNDAY, G_DATE_SUNDAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaMonthGrid:selected-activity:
   *
   * The id of the record that Ctrl+Shift+arrows move, one of the selected day's.
   */
  properties[PROP_SELECTED_ACTIVITY] =
    g_param_spec_string ("selected-activity", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaMonthGrid::day-activated:
   * @self: the grid
   * @date: the day
   *
   * A day was double-clicked, or Enter pressed on it.
   */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * SaMonthGrid::activity-activated:
   * @self: the grid
   * @activity_id: the record
   *
   * A record's chip was clicked.
   */
  signals[ACTIVITY_ACTIVATED] = g_signal_new ("activity-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SaMonthGrid::move-activity:
   * @self: the grid
   * @activity_id: the record, from a chip dropped on a day or the keyboard
   * @date: the day it should move to
   *
   * Returns: %TRUE if the record was moved
   */
  signals[MOVE_ACTIVITY] = g_signal_new ("move-activity", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, g_signal_accumulator_true_handled, NULL, NULL,
                                         G_TYPE_BOOLEAN, 2, G_TYPE_STRING,
                                         G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  add_move_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, TRUE);
  add_move_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, TRUE);
  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, -7, FALSE);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 7, FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, move_cursor_cb, "(iib)", 0, -1, FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Page_Up, 0, move_cursor_cb, "(iib)", 0, -1, FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, move_cursor_cb, "(iib)", 0, 1, FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Page_Down, 0, move_cursor_cb, "(iib)", 0, 1, FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, today_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Home, 0, today_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
  gtk_widget_class_set_css_name (widget_class, "month-grid");
}

static void
add_controllers (SaMonthGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
sa_month_grid_init (SaMonthGrid *self)
{
  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    self->cells[i].activities = g_ptr_array_new_with_free_func (g_object_unref);

  self->drop_cell = -1;
  self->first_weekday = sa_month_grid_locale_first_weekday ();
  g_date_clear (&self->today, 1);
  g_date_clear (&self->first, 1);
  update_today (self);
  self->date = self->today;
  layout_month (self);
  update_colors (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  add_controllers (self);
  update_accessible (self);
}

/**
 * sa_month_grid_new:
 *
 * Returns: (transfer floating): a grid showing this month, with no activities
 */
GtkWidget *
sa_month_grid_new (void)
{
  return g_object_new (SA_TYPE_MONTH_GRID, NULL);
}

/**
 * sa_month_grid_locale_first_weekday:
 *
 * Reads the first day of the week from the C library's locale, as calendar
 * does; Sunday where it cannot tell (and for ja_JP, en_US, C).
 *
 * Returns: the weekday weeks start on
 */
GDateWeekday
sa_month_grid_locale_first_weekday (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  unsigned int week_origin;
  int week_1stday;

  /* _NL_TIME_FIRST_WEEKDAY counts from _NL_TIME_WEEK_1STDAY, which is a date:
   * 19971130 a Sunday, 19971201 a Monday. */
  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)
    week_1stday = 0;
  else if (week_origin == 19971201)
    week_1stday = 1;
  else
    return G_DATE_SUNDAY;
  if (first_weekday < 1 || first_weekday > 7)
    return G_DATE_SUNDAY;

  /* That counts 0 = Sunday … 6 = Saturday; GDate counts Monday = 1 … Sunday = 7. */
  first_weekday = (week_1stday + first_weekday - 1) % 7;
  return first_weekday == 0 ? G_DATE_SUNDAY : (GDateWeekday) first_weekday;
#else
  return G_DATE_SUNDAY;
#endif
}

/**
 * sa_month_grid_get_date:
 * @self: a month grid
 * @out: (out caller-allocates): set to the selected day
 */
void
sa_month_grid_get_date (SaMonthGrid *self,
                        GDate       *out)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (out != NULL);

  *out = self->date;
}

/**
 * sa_month_grid_set_date:
 * @self: a month grid
 * @date: a valid day to select, whose month the grid shows
 */
void
sa_month_grid_set_date (SaMonthGrid *self,
                        const GDate *date)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  select_date (self, date);
}

/**
 * sa_month_grid_get_range:
 * @self: a month grid
 * @first: (out caller-allocates) (optional): the first day shown
 * @last: (out caller-allocates) (optional): the last day shown
 */
void
sa_month_grid_get_range (SaMonthGrid *self,
                         GDate       *first,
                         GDate       *last)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));

  if (first != NULL)
    *first = self->cells[0].date;
  if (last != NULL)
    *last = self->cells[SA_MONTH_GRID_N_CELLS - 1].date;
}

GDateWeekday
sa_month_grid_get_first_weekday (SaMonthGrid *self)
{
  g_return_val_if_fail (SA_IS_MONTH_GRID (self), G_DATE_SUNDAY);

  return self->first_weekday;
}

/**
 * sa_month_grid_set_first_weekday:
 * @self: a month grid
 * @weekday: the weekday of the first column
 *
 * Lays the month out again, emptied: the range changes, so the activities must
 * be set again (#GObject::notify for #SaMonthGrid:date says so).
 */
void
sa_month_grid_set_first_weekday (SaMonthGrid  *self,
                                 GDateWeekday  weekday)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (g_date_valid_weekday (weekday));

  if (self->first_weekday == weekday)
    return;
  self->first_weekday = weekday;
  layout_month (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_WEEKDAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  reselect_activity (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The julian day of "YYYY-MM-DD", or 0. The store holds dates in that form only;
 * g_date_set_parse() would guess at other forms and is slower. */
static guint
iso_julian (const char *text)
{
  guint year, month, day;
  GDate date;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/**
 * sa_month_grid_set_activities:
 * @self: a month grid
 * @activities: (element-type SaActivity): the records to show, in the order each
 *   day lists them; those outside the range are left out
 * @organization_names: (nullable): organization id → name, for what assistive
 *   technology reads
 */
void
sa_month_grid_set_activities (SaMonthGrid *self,
                              GPtrArray   *activities,
                              GHashTable  *organization_names)
{
  guint first;

  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (activities != NULL);

  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    g_ptr_array_set_size (self->cells[i].activities, 0);
  g_clear_pointer (&self->organization_names, g_hash_table_unref);
  if (organization_names != NULL)
    self->organization_names = g_hash_table_ref (organization_names);

  first = g_date_get_julian (&self->first);
  for (guint i = 0; i < activities->len; i++)
    {
      SaRecord *activity = g_ptr_array_index (activities, i);
      int index = (int) iso_julian (sa_record_get_text (activity, SA_ACTIVITY_DATE)) - (int) first;

      if (index >= 0 && index < SA_MONTH_GRID_N_CELLS)
        g_ptr_array_add (self->cells[index].activities, g_object_ref (activity));
    }

  update_today (self);
  reselect_activity (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sa_month_grid_get_day_activities:
 * @self: a month grid
 * @date: a day
 *
 * Returns: (transfer none) (element-type SaActivity) (nullable): the records shown
 *   on @date, or %NULL when the day is not shown
 */
GPtrArray *
sa_month_grid_get_day_activities (SaMonthGrid *self,
                                  const GDate *date)
{
  int index;

  g_return_val_if_fail (SA_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  index = cell_of_date (self, date);
  return index >= 0 ? self->cells[index].activities : NULL;
}

const char *
sa_month_grid_get_selected_activity (SaMonthGrid *self)
{
  g_return_val_if_fail (SA_IS_MONTH_GRID (self), NULL);

  return self->selected_activity;
}

/**
 * sa_month_grid_set_selected_activity:
 * @self: a month grid
 * @activity_id: (nullable): one of the selected day's records
 *
 * Chooses the record that Ctrl+Shift+arrows move; an id that is not on the
 * selected day is ignored.
 */
void
sa_month_grid_set_selected_activity (SaMonthGrid *self,
                                     const char  *activity_id)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));

  if (activity_id == NULL || cell_has_activity (selected_cell (self), activity_id))
    set_selected_activity (self, activity_id);
}

/**
 * sa_month_grid_move_selected_activity:
 * @self: a month grid
 * @days: how many days later (or, negative, earlier) the record should be
 *
 * The keyboard's way to drag a chip: asks for the selected record to move
 * through #SaMonthGrid::move-activity, and selects it on its new day.
 *
 * Returns: whether the record moved
 */
gboolean
sa_month_grid_move_selected_activity (SaMonthGrid *self,
                                      int          days)
{
  GDate date;

  g_return_val_if_fail (SA_IS_MONTH_GRID (self), FALSE);

  if (self->selected_activity == NULL || days == 0)
    return FALSE;
  date = self->date;
  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return g_date_valid (&date) && request_move (self, self->selected_activity, &date);
}

/**
 * sa_month_grid_get_cell_date:
 * @self: a month grid
 * @cell: a cell, 0 at the start of the first week to 41
 * @out: (out caller-allocates): set to the cell's day
 */
void
sa_month_grid_get_cell_date (SaMonthGrid *self,
                             guint        cell,
                             GDate       *out)
{
  g_return_if_fail (SA_IS_MONTH_GRID (self));
  g_return_if_fail (cell < SA_MONTH_GRID_N_CELLS);
  g_return_if_fail (out != NULL);

  *out = self->cells[cell].date;
}

/**
 * sa_month_grid_get_cell_text:
 * @self: a month grid
 * @cell: a cell, 0 at the start of the first week to 41
 *
 * What the cell shows when there is room for it, a line each: the day, the
 * holiday if it is one, the titles of up to three records, "+N" for the rest.
 *
 * Returns: (transfer full): the lines, joined by newlines
 */
char *
sa_month_grid_get_cell_text (SaMonthGrid *self,
                             guint        cell)
{
  GString *text;
  Cell *c;

  g_return_val_if_fail (SA_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (cell < SA_MONTH_GRID_N_CELLS, NULL);

  c = &self->cells[cell];
  text = g_string_new (NULL);
  g_string_append_printf (text, "%d", g_date_get_day (&c->date));
  if (c->holiday != NULL)
    g_string_append_printf (text, "\n%s", c->holiday);
  for (guint i = 0; i < MIN (c->activities->len, SA_MONTH_GRID_MAX_CHIPS); i++)
    g_string_append_printf (text, "\n%s",
                            sa_record_get_text (g_ptr_array_index (c->activities, i), SA_ACTIVITY_TITLE));
  if (c->activities->len > SA_MONTH_GRID_MAX_CHIPS)
    g_string_append_printf (text, "\n+%u", c->activities->len - SA_MONTH_GRID_MAX_CHIPS);
  return g_string_free (text, FALSE);
}
