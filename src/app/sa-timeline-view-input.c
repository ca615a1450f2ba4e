/* sa-timeline-view-input.c: the timeline view's mouse and keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-timeline-view-private.h"

/* ---- input ----------------------------------------------------------------------- */

void
_sa_timeline_view_on_pressed (GtkGestureClick *gesture,
                              int              n_press,
                              double           x,
                              double           y,
                              SaTimelineView  *self)
{
  int index = _sa_timeline_view_row_at_point (self, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!_sa_timeline_view_is_commitment (self, index))
    return;
  sa_timeline_view_set_selected (self, index);
  if (n_press == 2)
    _sa_timeline_view_activate_selected (self);
}

static gboolean
move_up (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  _sa_timeline_view_move_selection (SA_TIMELINE_VIEW (widget), -1);
  return TRUE;
}

static gboolean
move_down (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  _sa_timeline_view_move_selection (SA_TIMELINE_VIEW (widget), 1);
  return TRUE;
}

static gboolean
page_up (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  _sa_timeline_view_move_page (SA_TIMELINE_VIEW (widget), -1);
  return TRUE;
}

static gboolean
page_down (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  _sa_timeline_view_move_page (SA_TIMELINE_VIEW (widget), 1);
  return TRUE;
}

static gboolean
move_home (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (widget);
  int target = _sa_timeline_view_find_commitment (self, 0, 1);

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
  int target = _sa_timeline_view_find_commitment (self, (int) _sa_timeline_view_n_rows (self) - 1, -1);

  if (target >= 0)
    sa_timeline_view_set_selected (self, target);
  _sa_timeline_view_scroll_to_row (self, self->selected);
  return TRUE;
}

static gboolean
activate_row (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  _sa_timeline_view_activate_selected (SA_TIMELINE_VIEW (widget));
  return TRUE;
}

void
_sa_timeline_view_add_bindings (GtkWidgetClass *widget_class)
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

