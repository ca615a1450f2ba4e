/* sa-month-grid-input.c: the month grid's keyboard, mouse and drag and drop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-activity.h"
#include "sa-month-grid-private.h"

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
  _sa_month_grid_move_selection (self, days, months);
  return TRUE;
}

static gboolean
today_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);

  _sa_month_grid_update_today (self);
  _sa_month_grid_select_date (self, &self->today);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SaMonthGrid *self = SA_MONTH_GRID (widget);

  g_signal_emit (self, _sa_month_grid_signals[DAY_ACTIVATED], 0, &self->date);
  return TRUE;
}

/* Asks for @id to move to @date; the selection follows the record when it moved. */
gboolean
_sa_month_grid_request_move (SaMonthGrid *self,
                             const char  *id,
                             const GDate *date)
{
  g_autofree char *moving = g_strdup (id);
  gboolean moved = FALSE;

  g_signal_emit (self, _sa_month_grid_signals[MOVE_ACTIVITY], 0, moving, date, &moved);
  if (moved)
    {
      _sa_month_grid_select_date (self, date);
      _sa_month_grid_set_selected_activity (self, moving);
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
  const char *chip = _sa_month_grid_chip_at (self, x, y);

  g_clear_pointer (&self->pressed_chip, g_free);
  if (index < 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->pressed_chip = g_strdup (chip);
  if (chip == NULL)
    {
      GDate date = self->cells[index].date;

      _sa_month_grid_select_date (self, &date);
      if (n_press == 2)
        g_signal_emit (self, _sa_month_grid_signals[DAY_ACTIVATED], 0, &self->date);
    }
  else
    {
      GDate date = self->cells[index].date;

      _sa_month_grid_select_date (self, &date);
      _sa_month_grid_set_selected_activity (self, self->pressed_chip);
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
  if (n_press == 1 && pressed != NULL && g_strcmp0 (_sa_month_grid_chip_at (self, x, y), pressed) == 0)
    g_signal_emit (self, _sa_month_grid_signals[ACTIVITY_ACTIVATED], 0, pressed);
}

/* ---- drag and drop -------------------------------------------------------------- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 SaMonthGrid   *self)
{
  const char *id = _sa_month_grid_chip_at (self, x, y);

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
      if (g_str_equal (_sa_month_grid_activity_id_in_cell (&self->cells[i], j), id))
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
  g_autoptr(PangoLayout) small = _sa_month_grid_create_small_layout (self);
  g_autoptr(GdkPaintable) icon = NULL;
  SaRecord *activity = find_activity (self, self->drag_id);
  graphene_rect_t rect;
  Geometry g;

  if (activity == NULL)
    return;
  _sa_month_grid_get_geometry (self, &g);
  graphene_rect_init (&rect, 0, 0, MAX (g.cell_w - 6, 40), g.chip_h);
  _sa_month_grid_draw_chip (self, snapshot, small, activity, &rect);
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
  return _sa_month_grid_request_move (self, id, &date);
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

void
_sa_month_grid_add_controllers (SaMonthGrid *self)
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

/* Arrows move the day, Ctrl+Shift+arrows the selected record; Home goes to today. */
void
_sa_month_grid_class_add_bindings (GtkWidgetClass *widget_class)
{
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
}
