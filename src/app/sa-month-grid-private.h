/* sa-month-grid-private.h: the month grid's parts, shared by its model, drawing and input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-month-grid.h"

G_BEGIN_DECLS

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

enum {
  DAY_ACTIVATED,
  ACTIVITY_ACTIVATED,
  MOVE_ACTIVITY,
  N_SIGNALS
};

extern guint _sa_month_grid_signals[N_SIGNALS];

gboolean _sa_month_grid_request_move (SaMonthGrid *self,
                                      const char  *id,
                                      const GDate *date);

void _sa_month_grid_get_geometry (SaMonthGrid *self,
                                  Geometry    *g);

const char *_sa_month_grid_chip_at (SaMonthGrid *self,
                                    double       x,
                                    double       y);

void _sa_month_grid_ensure_metrics (SaMonthGrid *self);

void _sa_month_grid_update_colors (SaMonthGrid *self);

void _sa_month_grid_draw_chip (SaMonthGrid           *self,
                               GtkSnapshot           *snapshot,
                               PangoLayout           *layout,
                               SaRecord              *activity,
                               const graphene_rect_t *rect);

PangoLayout *_sa_month_grid_create_small_layout (SaMonthGrid *self);

void _sa_month_grid_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot);

void _sa_month_grid_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline);

gboolean _sa_month_grid_in_month (SaMonthGrid *self,
                                  const Cell  *cell);

const char *_sa_month_grid_activity_id_in_cell (Cell *cell,
                                                guint i);

void _sa_month_grid_set_selected_activity (SaMonthGrid *self,
                                           const char  *id);

void _sa_month_grid_select_date (SaMonthGrid *self,
                                 const GDate *date);

void _sa_month_grid_move_selection (SaMonthGrid *self,
                                    int          days,
                                    int          months);

void _sa_month_grid_update_today (SaMonthGrid *self);

void _sa_month_grid_add_controllers (SaMonthGrid *self);

void _sa_month_grid_class_add_bindings (GtkWidgetClass *widget_class);

G_END_DECLS
