/* sa-timeline-view.c: the plan's schedule table, drawn, scrolled and zoomed
 *
 * The view draws an SaTimelineLayout with the renderer's painter, the code that also
 * draws the handout, scaled from points to pixels; only the visible band is painted.
 * The column header stays at the top. The 誰が and 取り組むこと columns stay at the
 * left and only the years scroll sideways, so a commitment's text is always beside
 * its schedule; where those columns would take most of a narrow window, the whole
 * table scrolls instead. The layout knows fiscal years only: zooming in widens the
 * year columns, and from the quarter levels the view splits each year in four.
 *
 * Accessibility: GTK 4.8 lets a drawn widget expose no children and announce
 * nothing, so the view is a list (GTK_ACCESSIBLE_ROLE_LIST) whose label and
 * description are the selected commitment: who, what and its target; its schedule
 * and its activities per year. A screen reader reads them again as the selection
 * moves, as it does for the calendar's month grid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sa-timeline-painter.h"
#include "sa-timeline-view.h"

#define STICKY_SHARE   0.6    /* the most of the width the fixed columns may take */
#define ZOOM_TEXT_MIN  200.0  /* points: the text column when zoomed in */
#define STRIP_PAD      3.0    /* pixels above and below the quarter labels */
#define TODAY_WIDTH    2.0
#define TODAY_MARK     5.0

struct _SaTimelineView
{
  GtkWidget         parent_instance;

  SaTimelineLayout *layout;
  SaTimelineZoom    zoom;
  int               selected;           /* a commitment row, or -1 */
  GDate             today;

  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;

  /* From size_allocate () */
  double            scale;              /* pixels per point */
  double            fixed_px;           /* the columns that do not scroll; 0 when all do */
  double            header_px;          /* the column header with the quarter strip */
  double            strip_px;           /* the quarter strip; 0 without quarters */
  double            measured_width;     /* points, for this zoom; -1 to measure again */
  SaTimelineZoom    measured_zoom;
  double            pending_hfraction;  /* where to scroll after a zoom, or -1 */

  SaTimelineStyle   style;
  GdkRGBA           accent;
  GdkRGBA           accent_bg;
  PangoLayout      *quarter_text;
};

static void sa_timeline_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SaTimelineView, sa_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, sa_timeline_view_scrollable_init))

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_ZOOM,
  PROP_SELECTED,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- rows ------------------------------------------------------------------------ */

static guint
n_rows (SaTimelineView *self)
{
  return self->layout ? sa_timeline_layout_get_n_rows (self->layout) : 0;
}

static const SaTimelineRow *
row_at (SaTimelineView *self,
        guint           index)
{
  return sa_timeline_layout_get_row (self->layout, index);
}

static gboolean
is_commitment (SaTimelineView *self,
               int             index)
{
  return index >= 0 && (guint) index < n_rows (self) &&
         row_at (self, index)->kind == SA_TIMELINE_ROW_COMMITMENT;
}

/* The nearest commitment from @from in the direction of @step, @from included. */
static int
find_commitment (SaTimelineView *self,
                 int             from,
                 int             step)
{
  for (int i = from; i >= 0 && (guint) i < n_rows (self); i += step)
    if (is_commitment (self, i))
      return i;
  return -1;
}

static gboolean
shows_quarters (SaTimelineView *self)
{
  return self->zoom >= SA_TIMELINE_ZOOM_QUARTERS;
}

/* ---- words ----------------------------------------------------------------------- */

static const char *
quarter_label (guint quarter)
{
  switch (quarter)
    {
    /* Translators: the first quarter of a fiscal year, April to June; Japanese
     * writes the months, 4–6月 */
    case 0: return C_("fiscal quarter", "Q1");
    /* Translators: July to September */
    case 1: return C_("fiscal quarter", "Q2");
    /* Translators: October to December */
    case 2: return C_("fiscal quarter", "Q3");
    /* Translators: January to March */
    default: return C_("fiscal quarter", "Q4");
    }
}

static char *
schedule_text (SaTimelineView      *self,
               const SaTimelineRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = row->first_bar; i < row->first_bar + row->n_bars; i++)
    {
      const SaTimelineBar *bar = sa_timeline_layout_get_bar (self->layout, i);
      const char *from = sa_timeline_layout_get_year_label (self->layout, bar->start_fy);
      const char *to = sa_timeline_layout_get_year_label (self->layout, bar->end_fy);
      g_autofree char *phase = NULL;

      if (bar->start_fy == bar->end_fy)
        /* Translators: a schedule phase of one year, as in “実施 in 平成22年度” */
        phase = g_strdup_printf (_("%1$s in %2$s"), bar->label, from);
      else
        /* Translators: a schedule phase, as in “実施 from 平成22年度 to 平成27年度” */
        phase = g_strdup_printf (_("%1$s from %2$s to %3$s"), bar->label, from, to);
      g_string_append_printf (text, "%s%s", text->len ? _("; ") : "", phase);
    }
  if (text->len == 0)
    return g_strdup (_("No schedule"));
  /* Translators: the phases of a commitment's schedule */
  return g_strdup_printf (_("Schedule: %s"), text->str);
}

static char *
year_count_text (SaTimelineView      *self,
                 const SaTimelineRow *row,
                 int                  fy)
{
  guint count = row->counts[fy - sa_timeline_layout_get_first_fy (self->layout)];

  /* Translators: activities recorded for a commitment in a fiscal year */
  return g_strdup_printf (ngettext ("%2$s: %1$u activity", "%2$s: %1$u activities", count),
                          count, sa_timeline_layout_get_year_label (self->layout, fy));
}

/* The years with activities, for a screen reader; NULL when counts are not shown. */
static char *
counts_text (SaTimelineView      *self,
             const SaTimelineRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int first = sa_timeline_layout_get_first_fy (self->layout);

  if (row->counts == NULL)
    return NULL;
  for (int fy = first; fy <= sa_timeline_layout_get_last_fy (self->layout); fy++)
    if (row->counts[fy - first] > 0)
      {
        g_autofree char *year = year_count_text (self, row, fy);

        g_string_append_printf (text, "%s%s", text->len ? _("; ") : "", year);
      }
  if (text->len == 0)
    return g_strdup (_("No activities recorded"));
  return g_strdup (text->str);
}

/**
 * sa_timeline_view_describe_row:
 * @self: a view
 * @row: a row's index
 * @description: (out) (optional) (transfer full): its schedule and activities
 *
 * What assistive technology is told about a row.
 *
 * Returns: (transfer full): who and what: “区役所: 地域で行うあいさつ運動を支援する。…”
 */
char *
sa_timeline_view_describe_row (SaTimelineView  *self,
                               guint            row,
                               char           **description)
{
  const SaTimelineRow *r;
  g_autofree char *schedule = NULL, *counts = NULL;

  g_return_val_if_fail (SA_IS_TIMELINE_VIEW (self), NULL);
  g_return_val_if_fail (row < n_rows (self), NULL);

  r = row_at (self, row);
  if (r->kind != SA_TIMELINE_ROW_COMMITMENT)
    {
      if (description != NULL)
        *description = NULL;
      return g_strdup (r->text);
    }
  if (description != NULL)
    {
      schedule = schedule_text (self, r);
      counts = counts_text (self, r);
      *description = counts ? g_strdup_printf ("%s. %s", schedule, counts) : g_steal_pointer (&schedule);
    }
  /* Translators: a commitment for a screen reader: who, then what */
  return g_strdup_printf (_("%1$s: %2$s"), r->actor_name, r->text);
}

static void
update_accessible (SaTimelineView *self)
{
  g_autofree char *label = NULL, *description = NULL;

  if (is_commitment (self, self->selected))
    label = sa_timeline_view_describe_row (self, self->selected, &description);
  else
    {
      label = g_strdup (_("Schedule of the plan’s commitments"));
      description = g_strdup (_("Up and Down move between commitments; Enter opens one"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- geometry -------------------------------------------------------------------- */

/* Points to pixels as the desktop sets its text size, so the table grows with it. */
static double
screen_scale (SaTimelineView *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  return (dpi > 0 ? dpi / 1024.0 : 96.0) / 72.0;
}

static double
zoom_year_width (SaTimelineZoom zoom,
                 double         fit)
{
  double wide = MAX (fit * 1.6, 100);
  double quarters = MAX (4 * 48, wide * 1.25);

  switch (zoom)
    {
    case SA_TIMELINE_ZOOM_YEARS:
      return fit;
    case SA_TIMELINE_ZOOM_YEARS_WIDE:
      return wide;
    case SA_TIMELINE_ZOOM_QUARTERS:
      return quarters;
    case SA_TIMELINE_ZOOM_QUARTERS_WIDE:
    default:
      return MAX (4 * 80, quarters * 1.5);
    }
}

/* Years fill @width; zoomed in, the years widen and the text column gives way, to
 * a readable width, so more of them show. */
static void
measure_layout (SaTimelineView *self,
                double          width)
{
  guint n = sa_timeline_layout_get_n_years (self->layout);
  double actor, text, fit_year, year;

  if (width == self->measured_width && self->zoom == self->measured_zoom)
    return;
  self->measured_width = width;
  self->measured_zoom = self->zoom;

  sa_timeline_layout_set_width (self->layout, width);
  if (self->zoom == SA_TIMELINE_ZOOM_YEARS)
    return;
  sa_timeline_layout_get_column (self->layout, SA_TIMELINE_COLUMN_ACTOR, NULL, &actor);
  sa_timeline_layout_get_column (self->layout, SA_TIMELINE_COLUMN_TEXT, NULL, &text);
  sa_timeline_layout_get_year_column (self->layout, sa_timeline_layout_get_first_fy (self->layout),
                                      NULL, &fit_year);
  year = zoom_year_width (self->zoom, fit_year);
  text = MAX (MIN (text, width - actor - n * year), MIN (text, MAX (ZOOM_TEXT_MIN, width * 0.3)));
  sa_timeline_layout_set_column_widths (self->layout, text, year);
}

static double
strip_height (SaTimelineView *self)
{
  int height;

  pango_layout_set_text (self->quarter_text, quarter_label (0), -1);
  pango_layout_get_pixel_size (self->quarter_text, NULL, &height);
  return height + 2 * STRIP_PAD;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         upper,
                      double         page)
{
  double value;

  if (adjustment == NULL)
    return;
  page = MAX (page, 0);
  upper = MAX (upper, page);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - page);
  gtk_adjustment_configure (adjustment, value, 0, upper, page * 0.1, page * 0.9, page);
}

static void
update_geometry (SaTimelineView *self,
                 int             width,
                 int             height)
{
  double years_x = 0, table_width = 0, rows_height = 0;

  self->scale = screen_scale (self);
  self->strip_px = 0;
  self->header_px = 0;
  self->fixed_px = 0;
  if (self->layout != NULL)
    {
      measure_layout (self, width / self->scale);
      sa_timeline_layout_get_column (self->layout, SA_TIMELINE_COLUMN_YEARS, &years_x, NULL);
      table_width = sa_timeline_layout_get_width (self->layout) * self->scale;
      rows_height = sa_timeline_layout_get_height (self->layout) * self->scale;
      if (years_x * self->scale <= width * STICKY_SHARE)
        self->fixed_px = years_x * self->scale;
      if (shows_quarters (self))
        self->strip_px = strip_height (self);
      self->header_px = sa_timeline_layout_get_header_height (self->layout) * self->scale + self->strip_px;
    }
  configure_adjustment (self->hadjustment, table_width - self->fixed_px, width - self->fixed_px);
  configure_adjustment (self->vadjustment, rows_height, height - self->header_px);

  if (self->pending_hfraction >= 0 && self->hadjustment != NULL)
    {
      double page = gtk_adjustment_get_page_size (self->hadjustment);

      gtk_adjustment_set_value (self->hadjustment,
                                self->pending_hfraction * gtk_adjustment_get_upper (self->hadjustment) - page / 2);
      self->pending_hfraction = -1;
    }
}

static double
hoffset (SaTimelineView *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
voffset (SaTimelineView *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* A distance across the table, in points, where it shows in the widget. */
static double
years_to_widget_x (SaTimelineView *self,
                   double          x)
{
  return x * self->scale - hoffset (self);
}

static double
row_to_widget_y (SaTimelineView *self,
                 double          y)
{
  return self->header_px + y * self->scale - voffset (self);
}

/* The row under a point of the widget, or -1. */
static int
row_at_point (SaTimelineView *self,
              double          y)
{
  if (self->layout == NULL || y < self->header_px)
    return -1;
  return sa_timeline_layout_get_row_at_y (self->layout, (y - self->header_px + voffset (self)) / self->scale);
}

/* The fiscal year whose column is under a point, or 0. */
static int
year_at_point (SaTimelineView *self,
               double          x)
{
  double years_x, column;
  int index;

  if (self->layout == NULL || x < self->fixed_px)
    return 0;
  sa_timeline_layout_get_column (self->layout, SA_TIMELINE_COLUMN_YEARS, &years_x, NULL);
  sa_timeline_layout_get_year_column (self->layout, sa_timeline_layout_get_first_fy (self->layout),
                                      NULL, &column);
  index = (int) floor (((x + hoffset (self)) / self->scale - years_x) / column);
  if (index < 0 || index >= (int) sa_timeline_layout_get_n_years (self->layout))
    return 0;
  return sa_timeline_layout_get_first_fy (self->layout) + index;
}

/* Where a fiscal year's quarter starts, as a share of the year: by days, as the
 * line for today is placed. */
static double
quarter_start (int    fy,
               guint  quarter)
{
  GDate first, last, start;

  sa_fiscal_year_first_day (fy, &first);
  sa_fiscal_year_last_day (fy, &last);
  start = first;
  g_date_add_months (&start, 3 * quarter);
  return (double) g_date_days_between (&first, &start) / (g_date_days_between (&first, &last) + 1);
}

/* ---- scrolling and selection ----------------------------------------------------- */

static void
scroll_to_row (SaTimelineView *self,
               int             index)
{
  const SaTimelineRow *row;
  double top, bottom, value, page;

  if (self->vadjustment == NULL || !is_commitment (self, index))
    return;
  row = row_at (self, index);
  top = row->y * self->scale;
  bottom = (row->y + row->height) * self->scale;
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (self->vadjustment, MIN (top, bottom - page));
}

static void
move_selection (SaTimelineView *self,
                int             step)
{
  int target;

  if (self->selected < 0)
    target = step > 0 ? find_commitment (self, 0, 1) : find_commitment (self, (int) n_rows (self) - 1, -1);
  else
    target = find_commitment (self, self->selected + step, step);
  if (target >= 0)
    sa_timeline_view_set_selected (self, target);
  scroll_to_row (self, self->selected);
}

/* Page Up and Page Down: the commitment a screenful away. */
static void
move_page (SaTimelineView *self,
           int             direction)
{
  const SaTimelineRow *row;
  double page, y;
  int target;

  if (!is_commitment (self, self->selected) || self->vadjustment == NULL)
    {
      move_selection (self, direction);
      return;
    }
  row = row_at (self, self->selected);
  page = gtk_adjustment_get_page_size (self->vadjustment) / self->scale;
  y = CLAMP (row->y + direction * page, 0, sa_timeline_layout_get_height (self->layout) - 0.001);
  target = find_commitment (self, sa_timeline_layout_get_row_at_y (self->layout, y), direction);
  if (target < 0)
    target = find_commitment (self, direction > 0 ? (int) n_rows (self) - 1 : 0, -direction);
  if (target >= 0)
    sa_timeline_view_set_selected (self, target);
  scroll_to_row (self, self->selected);
}

static void
activate_selected (SaTimelineView *self)
{
  if (is_commitment (self, self->selected))
    g_signal_emit (self, signals[ROW_ACTIVATED], 0, (guint) self->selected);
}

/* ---- drawing --------------------------------------------------------------------- */

static guint32
to_rgb (const GdkRGBA *color)
{
  return ((guint32) lround (CLAMP (color->red, 0, 1) * 255) << 16) |
         ((guint32) lround (CLAMP (color->green, 0, 1) * 255) << 8) |
         (guint32) lround (CLAMP (color->blue, 0, 1) * 255);
}

/* @a over @b with @a's share @t, and @a's own alpha; opaque. */
static guint32
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t)
{
  double share = t * a->alpha;
  GdkRGBA c = {
    a->red * share + b->red * (1 - share),
    a->green * share + b->green * (1 - share),
    a->blue * share + b->blue * (1 - share),
    1,
  };

  return to_rgb (&c);
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *out)
{
  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

/* The painter's colours from the theme's, so the table follows the dark style; the
 * fallbacks are libadwaita's light ones. */
static void
update_style (SaTimelineView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA bg, fg, success, accent_fg;
  SaTimelineStyle *style = &self->style;

  lookup_color (context, "view_bg_color", "#ffffff", &bg);
  lookup_color (context, "view_fg_color", "rgba(0,0,0,0.8)", &fg);
  lookup_color (context, "success_color", "#1b8553", &success);
  lookup_color (context, "accent_color", "#1c71d8", &self->accent);
  lookup_color (context, "accent_bg_color", "#3584e4", &self->accent_bg);
  lookup_color (context, "accent_fg_color", "#ffffff", &accent_fg);

  style->background = to_rgb (&bg);
  style->text = mix (&fg, &bg, 1.0);
  style->muted = mix (&fg, &bg, 0.6);
  style->grid = mix (&fg, &bg, 0.2);
  style->border = mix (&fg, &bg, 0.45);
  style->header_fill = mix (&self->accent, &bg, 0.13);
  style->goal_fill = mix (&self->accent, &bg, 0.06);
  style->goal_accent = mix (&self->accent_bg, &bg, 1.0);
  style->goal_accent_text = mix (&accent_fg, &bg, 1.0);
  style->actor_fill = mix (&fg, &bg, 0.04);
  style->phase_fill = mix (&success, &bg, 0.12);
  style->bar = mix (&self->accent, &bg, 1.0);
}

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* One vertical strip of the table: the fixed columns, or the years, scrolled by
 * @scrolled pixels. The rows go first and the header over them. */
static void
paint_strip (SaTimelineView *self,
             cairo_t        *cr,
             double          left,
             double          right,
             double          scrolled,
             double          height)
{
  double s = self->scale;

  if (right <= left)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, left, self->header_px, right - left, height - self->header_px);
  cairo_clip (cr);
  cairo_translate (cr, -scrolled, self->header_px - voffset (self));
  cairo_scale (cr, s, s);
  sa_timeline_paint_rows (self->layout, cr, &self->style, voffset (self) / s,
                          (height - self->header_px) / s);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, left, 0, right - left, self->header_px);
  cairo_clip (cr);
  cairo_translate (cr, -scrolled, 0);
  cairo_scale (cr, s, s);
  sa_timeline_paint_header (self->layout, cr, &self->style);
  cairo_restore (cr);
}

/* A section's and a goal's heading span the table: they stay whole, unscrolled, when the years
 * scroll beside the fixed columns. */
static void
paint_goal_rows (SaTimelineView *self,
                 cairo_t        *cr,
                 double          width,
                 double          height)
{
  double s = self->scale;
  double top = voffset (self) / s;
  int first = sa_timeline_layout_get_row_at_y (self->layout, top);

  if (first < 0)
    return;
  for (guint i = (guint) first; i < n_rows (self); i++)
    {
      const SaTimelineRow *row = row_at (self, i);
      double y = row_to_widget_y (self, row->y);

      if (y >= height)
        break;
      if (row->kind == SA_TIMELINE_ROW_COMMITMENT)
        continue;
      cairo_save (cr);
      cairo_rectangle (cr, 0, MAX (y, self->header_px), width, height - MAX (y, self->header_px));
      cairo_clip (cr);
      cairo_translate (cr, 0, self->header_px - voffset (self));
      cairo_scale (cr, s, s);
      sa_timeline_paint_rows (self->layout, cr, &self->style, row->y, row->height);
      cairo_restore (cr);
    }
}

static void
for_each_quarter_line (SaTimelineView *self,
                       cairo_t        *cr,
                       double          top,
                       double          bottom)
{
  for (int fy = sa_timeline_layout_get_first_fy (self->layout);
       fy <= sa_timeline_layout_get_last_fy (self->layout); fy++)
    {
      double x, width;

      sa_timeline_layout_get_year_column (self->layout, fy, &x, &width);
      for (guint q = 1; q < 4; q++)
        {
          double at = round (years_to_widget_x (self, x + quarter_start (fy, q) * width)) + 0.5;

          cairo_move_to (cr, at, top);
          cairo_line_to (cr, at, bottom);
        }
    }
}

static void
paint_quarter_labels (SaTimelineView *self,
                      cairo_t        *cr,
                      double          top)
{
  set_source_rgb (cr, self->style.text);
  for (int fy = sa_timeline_layout_get_first_fy (self->layout);
       fy <= sa_timeline_layout_get_last_fy (self->layout); fy++)
    {
      double x, width;

      sa_timeline_layout_get_year_column (self->layout, fy, &x, &width);
      for (guint q = 0; q < 4; q++)
        {
          double start = years_to_widget_x (self, x + quarter_start (fy, q) * width);
          double end = years_to_widget_x (self, x + (q < 3 ? quarter_start (fy, q + 1) : 1) * width);
          int label_width;

          pango_layout_set_text (self->quarter_text, quarter_label (q), -1);
          pango_layout_get_pixel_size (self->quarter_text, &label_width, NULL);
          cairo_move_to (cr, round ((start + end - label_width) / 2), top + STRIP_PAD);
          pango_cairo_show_layout (cr, self->quarter_text);
        }
    }
}

/* Under the column header: Q1–Q4 over each year, and dotted lines down the rows. */
static void
paint_quarters (SaTimelineView *self,
                cairo_t        *cr,
                double          width,
                double          height)
{
  double strip_top = self->header_px - self->strip_px;
  double rows_bottom = MIN (height, row_to_widget_y (self, sa_timeline_layout_get_height (self->layout)));
  double table_right = MIN (width, years_to_widget_x (self, sa_timeline_layout_get_width (self->layout)));
  static const double dash[] = { 2, 2 };

  cairo_save (cr);
  set_source_rgb (cr, self->style.header_fill);
  cairo_rectangle (cr, 0, strip_top, MAX (table_right, self->fixed_px), self->strip_px);
  cairo_fill (cr);
  cairo_rectangle (cr, self->fixed_px, 0, width - self->fixed_px, height);
  cairo_clip (cr);
  paint_quarter_labels (self, cr, strip_top);

  set_source_rgb (cr, self->style.grid);
  cairo_set_line_width (cr, 1);
  for_each_quarter_line (self, cr, strip_top, strip_top + self->strip_px);
  cairo_stroke (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for_each_quarter_line (self, cr, self->header_px, rows_bottom);
  cairo_stroke (cr);
  cairo_restore (cr);

  set_source_rgb (cr, self->style.border);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, round (self->header_px) - 0.5);
  cairo_line_to (cr, MAX (table_right, self->fixed_px), round (self->header_px) - 0.5);
  cairo_stroke (cr);
}

/* A line down the rows where today falls, with a mark under the header. */
static void
paint_today (SaTimelineView *self,
             cairo_t        *cr,
             double          width,
             double          height)
{
  double x = sa_timeline_view_get_today_x (self);
  double top = self->header_px;
  double bottom = MIN (height, row_to_widget_y (self, sa_timeline_layout_get_height (self->layout)));

  if (x < self->fixed_px || x > width)
    return;
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &self->accent);
  cairo_set_line_width (cr, TODAY_WIDTH);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);
  cairo_move_to (cr, x - TODAY_MARK, top);
  cairo_line_to (cr, x + TODAY_MARK, top);
  cairo_line_to (cr, x, top + TODAY_MARK);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
paint_selection (SaTimelineView *self,
                 cairo_t        *cr,
                 double          width,
                 double          height)
{
  const SaTimelineRow *row;
  double y, h, right;

  if (!is_commitment (self, self->selected))
    {
      /* Focused with nothing selected yet: the whole table shows the focus. */
      if (gtk_widget_has_focus (GTK_WIDGET (self)))
        {
          gdk_cairo_set_source_rgba (cr, &self->accent_bg);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, 1, self->header_px + 1, width - 2, height - self->header_px - 2);
          cairo_stroke (cr);
        }
      return;
    }
  row = row_at (self, self->selected);
  y = row_to_widget_y (self, row->y);
  h = row->height * self->scale;
  right = MIN (width, years_to_widget_x (self, sa_timeline_layout_get_width (self->layout)));
  right = MAX (right, self->fixed_px);

  cairo_save (cr);
  cairo_rectangle (cr, 0, self->header_px, width, height - self->header_px);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, self->accent_bg.red, self->accent_bg.green, self->accent_bg.blue, 0.16);
  cairo_rectangle (cr, 0, y, right, h);
  cairo_fill (cr);
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      gdk_cairo_set_source_rgba (cr, &self->accent_bg);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, y + 1, right - 2, h - 2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
sa_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  set_source_rgb (cr, self->style.background);
  cairo_paint (cr);
  paint_strip (self, cr, 0, self->fixed_px, 0, height);
  paint_strip (self, cr, self->fixed_px, width, hoffset (self), height);
  if (self->fixed_px > 0)
    paint_goal_rows (self, cr, width, height);
  if (shows_quarters (self))
    paint_quarters (self, cr, width, height);
  paint_selection (self, cr, width, height);
  paint_today (self, cr, width, height);
  cairo_destroy (cr);
}

/* ---- tooltips -------------------------------------------------------------------- */

static char *
tooltip_text (SaTimelineView *self,
              int             index,
              int             fy)
{
  const SaTimelineRow *row = row_at (self, index);
  g_autofree char *schedule = NULL, *counts = NULL;

  if (row->kind != SA_TIMELINE_ROW_COMMITMENT)
    return g_strdup (row->text);
  schedule = schedule_text (self, row);
  if (row->counts != NULL)
    counts = fy > 0 ? year_count_text (self, row, fy) : counts_text (self, row);
  return g_strjoin ("\n", row->actor_name, row->text, schedule, counts, NULL);
}

static gboolean
sa_timeline_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (widget);
  int index = keyboard_mode ? self->selected : row_at_point (self, y);
  int fy = keyboard_mode ? 0 : year_at_point (self, x);
  g_autofree char *text = NULL;
  const SaTimelineRow *row;
  double column_x, column_width;
  GdkRectangle area;

  if (index < 0 || (guint) index >= n_rows (self))
    return FALSE;

  row = row_at (self, index);
  text = tooltip_text (self, index, fy);
  gtk_tooltip_set_text (tooltip, text);

  /* The tooltip changes from cell to cell along a commitment's row. */
  area.x = 0;
  area.width = gtk_widget_get_width (widget);
  if (fy > 0 && row->kind == SA_TIMELINE_ROW_COMMITMENT)
    {
      sa_timeline_layout_get_year_column (self->layout, fy, &column_x, &column_width);
      area.x = (int) floor (years_to_widget_x (self, column_x));
      area.width = (int) ceil (column_width * self->scale);
    }
  area.y = (int) floor (row_to_widget_y (self, row->y));
  area.height = (int) ceil (row->height * self->scale);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

/* ---- input ----------------------------------------------------------------------- */

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SaTimelineView  *self)
{
  int index = row_at_point (self, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!is_commitment (self, index))
    return;
  sa_timeline_view_set_selected (self, index);
  if (n_press == 2)
    activate_selected (self);
}

static gboolean
move_up (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  move_selection (SA_TIMELINE_VIEW (widget), -1);
  return TRUE;
}

static gboolean
move_down (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  move_selection (SA_TIMELINE_VIEW (widget), 1);
  return TRUE;
}

static gboolean
page_up (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  move_page (SA_TIMELINE_VIEW (widget), -1);
  return TRUE;
}

static gboolean
page_down (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  move_page (SA_TIMELINE_VIEW (widget), 1);
  return TRUE;
}

static gboolean
move_home (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (widget);
  int target = find_commitment (self, 0, 1);

  if (target >= 0)
    sa_timeline_view_set_selected (self, target);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  return TRUE;
}

static gboolean
move_end (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (widget);
  int target = find_commitment (self, (int) n_rows (self) - 1, -1);

  if (target >= 0)
    sa_timeline_view_set_selected (self, target);
  scroll_to_row (self, self->selected);
  return TRUE;
}

static gboolean
activate_row (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  activate_selected (SA_TIMELINE_VIEW (widget));
  return TRUE;
}

/* ---- GtkScrollable --------------------------------------------------------------- */

static void
on_adjustment_changed (SaTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (SaTimelineView  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment ? adjustment : gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_swapped (*slot, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
sa_timeline_view_get_border (GtkScrollable *scrollable,
                             GtkBorder     *border)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (scrollable);

  /* The header and the fixed columns do not scroll. */
  border->top = (gint16) ceil (self->header_px);
  border->left = (gint16) ceil (self->fixed_px);
  return TRUE;
}

static void
sa_timeline_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = sa_timeline_view_get_border;
}

/* ---- GtkWidget ------------------------------------------------------------------- */

static void
sa_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (widget);
  double scale = screen_scale (self);

  *minimum = 120;
  *natural = 120;
  if (self->layout == NULL)
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = (int) ceil (sa_timeline_layout_get_min_width (self->layout) * scale);
  else
    *natural = (int) ceil ((sa_timeline_layout_get_header_height (self->layout) +
                            sa_timeline_layout_get_height (self->layout)) * scale);
  *natural = MAX (*natural, *minimum);
}

static void
sa_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  update_geometry (SA_TIMELINE_VIEW (widget), width, height);
}

static void
sa_timeline_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (sa_timeline_view_parent_class)->css_changed (widget, change);

  /* Focus changes the style too; a new text size changes the geometry. */
  g_clear_object (&self->quarter_text);
  self->quarter_text = gtk_widget_create_pango_layout (widget, NULL);
  update_style (self);
  if (self->scale != screen_scale (self))
    gtk_widget_queue_resize (widget);
  gtk_widget_queue_draw (widget);
}

/* ---- GObject --------------------------------------------------------------------- */

static void
sa_timeline_view_dispose (GObject *object)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->layout);
  g_clear_object (&self->quarter_text);

  G_OBJECT_CLASS (sa_timeline_view_parent_class)->dispose (object);
}

static void
sa_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      sa_timeline_view_set_layout (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      sa_timeline_view_set_zoom (self, g_value_get_int (value));
      break;
    case PROP_SELECTED:
      sa_timeline_view_set_selected (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; GtkShortcutFunc func; } keys[] = {
    { GDK_KEY_Up, move_up }, { GDK_KEY_KP_Up, move_up },
    { GDK_KEY_Down, move_down }, { GDK_KEY_KP_Down, move_down },
    { GDK_KEY_Page_Up, page_up }, { GDK_KEY_KP_Page_Up, page_up },
    { GDK_KEY_Page_Down, page_down }, { GDK_KEY_KP_Page_Down, page_down },
    { GDK_KEY_Home, move_home }, { GDK_KEY_KP_Home, move_home },
    { GDK_KEY_End, move_end }, { GDK_KEY_KP_End, move_end },
    { GDK_KEY_Return, activate_row }, { GDK_KEY_KP_Enter, activate_row },
    { GDK_KEY_ISO_Enter, activate_row }, { GDK_KEY_space, activate_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding (widget_class, keys[i].key, 0, keys[i].func, NULL);
}

static void
sa_timeline_view_class_init (SaTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_timeline_view_dispose;
  object_class->get_property = sa_timeline_view_get_property;
  object_class->set_property = sa_timeline_view_set_property;
  widget_class->measure = sa_timeline_view_measure;
  widget_class->size_allocate = sa_timeline_view_size_allocate;
  widget_class->snapshot = sa_timeline_view_snapshot;
  widget_class->css_changed = sa_timeline_view_css_changed;
  widget_class->query_tooltip = sa_timeline_view_query_tooltip;

  /**
   * SaTimelineView:layout:
   *
   * The table to show. The view sets its width as it zooms.
   */
  properties[PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL, SA_TYPE_TIMELINE_LAYOUT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SaTimelineView:zoom:
   *
   * How wide the years are, an #SaTimelineZoom; from the quarter levels each year
   * shows its quarters.
   */
  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, SA_TIMELINE_ZOOM_YEARS, SA_TIMELINE_ZOOM_MAX,
                      SA_TIMELINE_ZOOM_YEARS,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SaTimelineView:selected:
   *
   * The index of the selected commitment's row, or -1.
   */
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * SaTimelineView::row-activated:
   * @self: the view
   * @row: the index of the commitment's row
   *
   * A commitment was double-clicked, or Enter pressed on it.
   */
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  add_bindings (widget_class);
  gtk_widget_class_set_css_name (widget_class, "timeline-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
sa_timeline_view_init (SaTimelineView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->selected = -1;
  self->scale = 96.0 / 72.0;
  self->measured_width = -1;
  self->pending_hfraction = -1;
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->quarter_text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  update_style (self);
  update_accessible (self);
}

/* ---- public ---------------------------------------------------------------------- */

GtkWidget *
sa_timeline_view_new (void)
{
  return g_object_new (SA_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * sa_timeline_view_get_layout:
 * @self: a view
 *
 * Returns: (transfer none) (nullable): the table shown
 */
SaTimelineLayout *
sa_timeline_view_get_layout (SaTimelineView *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_VIEW (self), NULL);

  return self->layout;
}

/**
 * sa_timeline_view_set_layout:
 * @self: a view
 * @layout: (nullable): the table to show
 *
 * Shows another table, such as the plan read again after a change. The selection
 * is cleared; sa_timeline_view_select_id() finds the same commitment again.
 */
void
sa_timeline_view_set_layout (SaTimelineView   *self,
                             SaTimelineLayout *layout)
{
  g_return_if_fail (SA_IS_TIMELINE_VIEW (self));
  g_return_if_fail (layout == NULL || SA_IS_TIMELINE_LAYOUT (layout));

  if (!g_set_object (&self->layout, layout))
    return;
  self->measured_width = -1;
  self->selected = -1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

SaTimelineZoom
sa_timeline_view_get_zoom (SaTimelineView *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_VIEW (self), SA_TIMELINE_ZOOM_YEARS);

  return self->zoom;
}

/**
 * sa_timeline_view_set_zoom:
 * @self: a view
 * @zoom: how wide the years are
 *
 * Zooms, keeping the middle of the shown years in the middle.
 */
void
sa_timeline_view_set_zoom (SaTimelineView *self,
                           SaTimelineZoom  zoom)
{
  g_return_if_fail (SA_IS_TIMELINE_VIEW (self));

  zoom = (SaTimelineZoom) CLAMP ((int) zoom, SA_TIMELINE_ZOOM_YEARS, SA_TIMELINE_ZOOM_MAX);
  if (self->zoom == zoom)
    return;
  if (self->hadjustment != NULL && gtk_adjustment_get_upper (self->hadjustment) > 0)
    self->pending_hfraction = (gtk_adjustment_get_value (self->hadjustment) +
                               gtk_adjustment_get_page_size (self->hadjustment) / 2) /
                              gtk_adjustment_get_upper (self->hadjustment);
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * sa_timeline_view_set_today:
 * @self: a view
 * @today: the date the line for today marks
 *
 * The view starts with the real today; tests and a new day change it.
 */
void
sa_timeline_view_set_today (SaTimelineView *self,
                            const GDate    *today)
{
  g_return_if_fail (SA_IS_TIMELINE_VIEW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
sa_timeline_view_get_selected (SaTimelineView *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_VIEW (self), -1);

  return self->selected;
}

/**
 * sa_timeline_view_set_selected:
 * @self: a view
 * @row: the index of a commitment's row, or -1 for none
 *
 * Selects a commitment; goal headings cannot be selected.
 */
void
sa_timeline_view_set_selected (SaTimelineView *self,
                               int             row)
{
  g_return_if_fail (SA_IS_TIMELINE_VIEW (self));

  if (!is_commitment (self, row))
    row = -1;
  if (self->selected == row)
    return;
  self->selected = row;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * sa_timeline_view_get_selected_id:
 * @self: a view
 *
 * Returns: (nullable): the id of the selected commitment
 */
const char *
sa_timeline_view_get_selected_id (SaTimelineView *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_VIEW (self), NULL);

  return is_commitment (self, self->selected) ? row_at (self, self->selected)->id : NULL;
}

/**
 * sa_timeline_view_select_id:
 * @self: a view
 * @id: (nullable): a commitment's id
 *
 * Returns: whether the table shows the commitment, now selected
 */
gboolean
sa_timeline_view_select_id (SaTimelineView *self,
                            const char     *id)
{
  g_return_val_if_fail (SA_IS_TIMELINE_VIEW (self), FALSE);

  for (guint i = 0; id != NULL && i < n_rows (self); i++)
    if (is_commitment (self, i) && g_str_equal (row_at (self, i)->id, id))
      {
        sa_timeline_view_set_selected (self, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * sa_timeline_view_get_year_area:
 * @self: a view
 * @fy: a fiscal year
 * @area: (out): its column beside the rows, in the widget's coordinates, as scrolled
 *
 * Returns: whether the table has the year
 */
gboolean
sa_timeline_view_get_year_area (SaTimelineView  *self,
                                int              fy,
                                graphene_rect_t *area)
{
  double x, width;

  g_return_val_if_fail (SA_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (self->layout == NULL || fy < sa_timeline_layout_get_first_fy (self->layout) ||
      fy > sa_timeline_layout_get_last_fy (self->layout))
    return FALSE;
  sa_timeline_layout_get_year_column (self->layout, fy, &x, &width);
  graphene_rect_init (area, years_to_widget_x (self, x), self->header_px, width * self->scale,
                      MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - self->header_px));
  return TRUE;
}

/**
 * sa_timeline_view_get_today_x:
 * @self: a view
 *
 * Returns: where the line for today is, in the widget's coordinates, as scrolled;
 *   -1 when today is outside the table's years
 */
double
sa_timeline_view_get_today_x (SaTimelineView *self)
{
  double x;

  g_return_val_if_fail (SA_IS_TIMELINE_VIEW (self), -1);

  if (self->layout == NULL || (x = sa_timeline_layout_get_date_x (self->layout, &self->today)) < 0)
    return -1;
  return years_to_widget_x (self, x);
}
