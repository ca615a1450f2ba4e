/* sa-timeline-view-private.h: the timeline view's parts, shared by its model, words, painting and input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-timeline-painter.h"
#include "sa-timeline-view.h"

G_BEGIN_DECLS

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

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

extern guint _sa_timeline_view_signals[N_SIGNALS];

void _sa_timeline_view_on_pressed (GtkGestureClick *gesture,
                                   int              n_press,
                                   double           x,
                                   double           y,
                                   SaTimelineView  *self);

void _sa_timeline_view_add_bindings (GtkWidgetClass *widget_class);

void _sa_timeline_view_update_style (SaTimelineView *self);

void _sa_timeline_view_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot);

const char *_sa_timeline_view_quarter_label (guint quarter);

void _sa_timeline_view_update_accessible (SaTimelineView *self);

gboolean _sa_timeline_view_query_tooltip (GtkWidget  *widget,
                                          int         x,
                                          int         y,
                                          gboolean    keyboard_mode,
                                          GtkTooltip *tooltip);

guint _sa_timeline_view_n_rows (SaTimelineView *self);

const SaTimelineRow *_sa_timeline_view_row_at (SaTimelineView *self,
                                               guint           index);

gboolean _sa_timeline_view_is_commitment (SaTimelineView *self,
                                          int             index);

int _sa_timeline_view_find_commitment (SaTimelineView *self,
                                       int             from,
                                       int             step);

gboolean _sa_timeline_view_shows_quarters (SaTimelineView *self);

double _sa_timeline_view_hoffset (SaTimelineView *self);

double _sa_timeline_view_voffset (SaTimelineView *self);

double _sa_timeline_view_years_to_widget_x (SaTimelineView *self,
                                            double          x);

double _sa_timeline_view_row_to_widget_y (SaTimelineView *self,
                                          double          y);

int _sa_timeline_view_row_at_point (SaTimelineView *self,
                                    double          y);

int _sa_timeline_view_year_at_point (SaTimelineView *self,
                                     double          x);

double _sa_timeline_view_quarter_start (int    fy,
                                        guint  quarter);

void _sa_timeline_view_scroll_to_row (SaTimelineView *self,
                                      int             index);

void _sa_timeline_view_move_selection (SaTimelineView *self,
                                       int             step);

void _sa_timeline_view_move_page (SaTimelineView *self,
                                  int             direction);

void _sa_timeline_view_activate_selected (SaTimelineView *self);

G_END_DECLS
