/* sa-toast.c: shows a toast in the window a widget belongs to
 *
 * Views, the sync UI and the plan files all hand their toasts to sa_toast_show(),
 * which finds the toast overlay itself: no signals to forward, no callbacks to pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-toast.h"

static SaToastObserver observer;
static gpointer observer_data;

static AdwToastOverlay *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *overlay = find_overlay_below (child);

      if (overlay != NULL)
        return overlay;
    }
  return NULL;
}

/* The overlay around @from, else the first one in its window, else — for a dialog,
 * which has none — the first one in the window it belongs to. */
static AdwToastOverlay *
find_overlay (GtkWidget *from)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root;
  AdwToastOverlay *overlay;
  GtkWindow *owner;

  if (ancestor != NULL)
    return ADW_TOAST_OVERLAY (ancestor);

  root = gtk_widget_get_root (from);
  if (root == NULL)
    return NULL;
  overlay = find_overlay_below (GTK_WIDGET (root));
  if (overlay != NULL || !GTK_IS_WINDOW (root))
    return overlay;

  owner = gtk_window_get_transient_for (GTK_WINDOW (root));
  return owner != NULL ? find_overlay_below (GTK_WIDGET (owner)) : NULL;
}

/**
 * sa_toast_show:
 * @from: (nullable): a widget in the window that should show @toast, or the window
 * @toast: (transfer full): the toast, usually fresh from adw_toast_new()
 *
 * Shows @toast in the #AdwToastOverlay of @from's window. When there is none, such
 * as once the window is gone, the toast is dropped.
 */
void
sa_toast_show (GtkWidget *from,
               AdwToast  *toast)
{
  AdwToastOverlay *overlay;

  g_return_if_fail (from == NULL || GTK_IS_WIDGET (from));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = from != NULL ? find_overlay (from) : NULL;
  if (observer != NULL)
    observer (toast, overlay, observer_data);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (toast);
}

/**
 * sa_toast_new_text:
 * @text: what the toast says, as plain text
 *
 * A toast's title is Pango markup: a title or message with “&” or “<” in it, such as
 * an activity named “A&B”, would show nothing. This one says @text as it is.
 *
 * Returns: (transfer full): a new toast
 */
AdwToast *
sa_toast_new_text (const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return adw_toast_new (markup);
}

/**
 * sa_toast_show_text:
 * @from: (nullable): a widget in the window that should show the toast, or the window
 * @text: what the toast says, as plain text
 */
void
sa_toast_show_text (GtkWidget  *from,
                    const char *text)
{
  sa_toast_show (from, sa_toast_new_text (text));
}

/**
 * sa_toast_show_undo:
 * @from: (nullable): a widget in the window that should show the toast, or the window
 * @text: what was done, as plain text
 *
 * Shows @text with an Undo button that undoes the window's last change (`win.undo`).
 */
void
sa_toast_show_undo (GtkWidget  *from,
                    const char *text)
{
  AdwToast *toast = sa_toast_new_text (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  sa_toast_show (from, toast);
}

/**
 * sa_toast_set_observer:
 * @func: (nullable): called with each toast sa_toast_show() is given, or %NULL
 * @user_data: data for @func
 *
 * For tests: lets them see the toasts shown, which an #AdwToastOverlay does not
 * list.
 */
void
sa_toast_set_observer (SaToastObserver func,
                       gpointer        user_data)
{
  observer = func;
  observer_data = user_data;
}
