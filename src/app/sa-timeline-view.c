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
#include "sa-timeline-view-private.h"

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


guint _sa_timeline_view_signals[N_SIGNALS];

/* ---- rows ------------------------------------------------------------------------ */

guint
_sa_timeline_view_n_rows (SaTimelineView *self)
{
  return self->layout ? sa_timeline_layout_get_n_rows (self->layout) : 0;
}

const SaTimelineRow *
_sa_timeline_view_row_at (SaTimelineView *self,
                          guint           index)
{
  return sa_timeline_layout_get_row (self->layout, index);
}

gboolean
_sa_timeline_view_is_commitment (SaTimelineView *self,
                                 int             index)
{
  return index >= 0 && (guint) index < _sa_timeline_view_n_rows (self) &&
         _sa_timeline_view_row_at (self, index)->kind == SA_TIMELINE_ROW_COMMITMENT;
}

/* The nearest commitment from @from in the direction of @step, @from included. */
int
_sa_timeline_view_find_commitment (SaTimelineView *self,
                                   int             from,
                                   int             step)
{
  for (int i = from; i >= 0 && (guint) i < _sa_timeline_view_n_rows (self); i += step)
    if (_sa_timeline_view_is_commitment (self, i))
      return i;
  return -1;
}

gboolean
_sa_timeline_view_shows_quarters (SaTimelineView *self)
{
  return self->zoom >= SA_TIMELINE_ZOOM_QUARTERS;
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

  pango_layout_set_text (self->quarter_text, _sa_timeline_view_quarter_label (0), -1);
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
      if (_sa_timeline_view_shows_quarters (self))
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

double
_sa_timeline_view_hoffset (SaTimelineView *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

double
_sa_timeline_view_voffset (SaTimelineView *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* A distance across the table, in points, where it shows in the widget. */
double
_sa_timeline_view_years_to_widget_x (SaTimelineView *self,
                                     double          x)
{
  return x * self->scale - _sa_timeline_view_hoffset (self);
}

double
_sa_timeline_view_row_to_widget_y (SaTimelineView *self,
                                   double          y)
{
  return self->header_px + y * self->scale - _sa_timeline_view_voffset (self);
}

/* The row under a point of the widget, or -1. */
int
_sa_timeline_view_row_at_point (SaTimelineView *self,
                                double          y)
{
  if (self->layout == NULL || y < self->header_px)
    return -1;
  return sa_timeline_layout_get_row_at_y (self->layout, (y - self->header_px + _sa_timeline_view_voffset (self)) / self->scale);
}

/* The fiscal year whose column is under a point, or 0. */
int
_sa_timeline_view_year_at_point (SaTimelineView *self,
                                 double          x)
{
  double years_x, column;
  int index;

  if (self->layout == NULL || x < self->fixed_px)
    return 0;
  sa_timeline_layout_get_column (self->layout, SA_TIMELINE_COLUMN_YEARS, &years_x, NULL);
  sa_timeline_layout_get_year_column (self->layout, sa_timeline_layout_get_first_fy (self->layout),
                                      NULL, &column);
  index = (int) floor (((x + _sa_timeline_view_hoffset (self)) / self->scale - years_x) / column);
  if (index < 0 || index >= (int) sa_timeline_layout_get_n_years (self->layout))
    return 0;
  return sa_timeline_layout_get_first_fy (self->layout) + index;
}

/* Where a fiscal year's quarter starts, as a share of the year: by days, as the
 * line for today is placed. */
double
_sa_timeline_view_quarter_start (int    fy,
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

void
_sa_timeline_view_scroll_to_row (SaTimelineView *self,
                                 int             index)
{
  const SaTimelineRow *row;
  double top, bottom, value, page;

  if (self->vadjustment == NULL || !_sa_timeline_view_is_commitment (self, index))
    return;
  row = _sa_timeline_view_row_at (self, index);
  top = row->y * self->scale;
  bottom = (row->y + row->height) * self->scale;
  value = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (self->vadjustment, MIN (top, bottom - page));
}

void
_sa_timeline_view_move_selection (SaTimelineView *self,
                                  int             step)
{
  int target;

  if (self->selected < 0)
    target = step > 0 ? _sa_timeline_view_find_commitment (self, 0, 1) : _sa_timeline_view_find_commitment (self, (int) _sa_timeline_view_n_rows (self) - 1, -1);
  else
    target = _sa_timeline_view_find_commitment (self, self->selected + step, step);
  if (target >= 0)
    sa_timeline_view_set_selected (self, target);
  _sa_timeline_view_scroll_to_row (self, self->selected);
}

/* Page Up and Page Down: the commitment a screenful away. */
void
_sa_timeline_view_move_page (SaTimelineView *self,
                             int             direction)
{
  const SaTimelineRow *row;
  double page, y;
  int target;

  if (!_sa_timeline_view_is_commitment (self, self->selected) || self->vadjustment == NULL)
    {
      _sa_timeline_view_move_selection (self, direction);
      return;
    }
  row = _sa_timeline_view_row_at (self, self->selected);
  page = gtk_adjustment_get_page_size (self->vadjustment) / self->scale;
  y = CLAMP (row->y + direction * page, 0, sa_timeline_layout_get_height (self->layout) - 0.001);
  target = _sa_timeline_view_find_commitment (self, sa_timeline_layout_get_row_at_y (self->layout, y), direction);
  if (target < 0)
    target = _sa_timeline_view_find_commitment (self, direction > 0 ? (int) _sa_timeline_view_n_rows (self) - 1 : 0, -direction);
  if (target >= 0)
    sa_timeline_view_set_selected (self, target);
  _sa_timeline_view_scroll_to_row (self, self->selected);
}

void
_sa_timeline_view_activate_selected (SaTimelineView *self)
{
  if (_sa_timeline_view_is_commitment (self, self->selected))
    g_signal_emit (self, _sa_timeline_view_signals[ROW_ACTIVATED], 0, (guint) self->selected);
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
  _sa_timeline_view_update_style (self);
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
sa_timeline_view_class_init (SaTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_timeline_view_dispose;
  object_class->get_property = sa_timeline_view_get_property;
  object_class->set_property = sa_timeline_view_set_property;
  widget_class->measure = sa_timeline_view_measure;
  widget_class->size_allocate = sa_timeline_view_size_allocate;
  widget_class->snapshot = _sa_timeline_view_snapshot;
  widget_class->css_changed = sa_timeline_view_css_changed;
  widget_class->query_tooltip = _sa_timeline_view_query_tooltip;

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
  _sa_timeline_view_signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  _sa_timeline_view_add_bindings (widget_class);
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
  g_signal_connect (click, "pressed", G_CALLBACK (_sa_timeline_view_on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->quarter_text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  _sa_timeline_view_update_style (self);
  _sa_timeline_view_update_accessible (self);
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
  _sa_timeline_view_update_accessible (self);
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

  if (!_sa_timeline_view_is_commitment (self, row))
    row = -1;
  if (self->selected == row)
    return;
  self->selected = row;
  _sa_timeline_view_update_accessible (self);
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

  return _sa_timeline_view_is_commitment (self, self->selected) ? _sa_timeline_view_row_at (self, self->selected)->id : NULL;
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

  for (guint i = 0; id != NULL && i < _sa_timeline_view_n_rows (self); i++)
    if (_sa_timeline_view_is_commitment (self, i) && g_str_equal (_sa_timeline_view_row_at (self, i)->id, id))
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
  graphene_rect_init (area, _sa_timeline_view_years_to_widget_x (self, x), self->header_px, width * self->scale,
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
  return _sa_timeline_view_years_to_widget_x (self, x);
}
