/* sa-deleted-window.c: Deleted Items, where deleted plan items, organizations and
 * districts are listed with who deleted them and when, and restored
 *
 * Restoring goes through the undo stack, so Ctrl+Z in the main window deletes the row
 * again. An actor comes back with what was deleted with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-deleted-window.h"
#include "sa-store-deleted.h"
#include "sa-toast.h"

struct _SaDeletedWindow
{
  AdwWindow        parent_instance;

  SaUndoStack     *undo_stack;
  SaStore         *store;
  GtkStack        *stack;
  GtkListBox      *list;
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (SaDeletedWindow, sa_deleted_window, ADW_TYPE_WINDOW)

static gboolean
restore (SaDeletedWindow  *self,
         const SaTable    *table,
         const char       *id,
         GError          **error)
{
  g_autoptr(SaRecord) record = sa_store_get (self->store, table, id, error);
  g_autoptr(GPtrArray) dependents = record ? sa_store_list_restored_with (self->store, record, error) : NULL;

  if (dependents == NULL || !sa_undo_stack_begin (self->undo_stack, _("Restore"), error))
    return FALSE;
  for (guint i = 0; i < dependents->len; i++)
    {
      SaRecord *row = g_ptr_array_index (dependents, i);

      if (!sa_undo_stack_set_deleted (self->undo_stack, sa_record_get_table (row), sa_record_get_id (row),
                                      FALSE, error))
        goto failed;
    }
  if (!sa_undo_stack_set_deleted (self->undo_stack, table, id, FALSE, error))
    goto failed;
  return sa_undo_stack_commit (self->undo_stack, error);

failed:
  sa_undo_stack_rollback (self->undo_stack);
  return FALSE;
}

static void
on_restore_clicked (GtkButton       *button,
                    SaDeletedWindow *self)
{
  const SaTable *table = g_object_get_data (G_OBJECT (button), "table");
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "id"));
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (button), "name"));
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (!restore (self, table, id, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (error->message));
      return;
    }
  title = g_strdup_printf (_("“%s” restored"), name);
  adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (title));
}

static char *
format_when (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ms / 1000);

  /* Translators: when a row was deleted; a g_date_time_format() pattern */
  return time ? g_date_time_format (time, _("%Y-%m-%d %H:%M")) : g_strdup ("");
}

static GtkWidget *
make_row (SaDeletedWindow *self,
          SaDeletedRow    *deleted)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
  g_autofree char *when = format_when (deleted->deleted_ms);
  /* Translators: “Organization · deleted by 中川地域ケアプラザ, 2026-12-05 15:04” */
  g_autofree char *subtitle = g_strdup_printf (_("%s · deleted by %s, %s"), sa_table_get_noun (deleted->table),
                                               deleted->site_name, when);
  g_autofree char *label = g_strdup_printf (_("Restore “%s”"), deleted->name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), deleted->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  g_object_set_data (G_OBJECT (button), "table", (gpointer) deleted->table);
  g_object_set_data_full (G_OBJECT (button), "id", g_strdup (deleted->id), g_free);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (deleted->name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (SaDeletedWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sa_store_list_deleted (self->store, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  if (rows == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (error->message));
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (rows, i)));
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "list" : "empty");
}

static void
sa_deleted_window_dispose (GObject *object)
{
  SaDeletedWindow *self = SA_DELETED_WINDOW (object);

  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sa_deleted_window_parent_class)->dispose (object);
}

static void
sa_deleted_window_class_init (SaDeletedWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_deleted_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
make_empty_page (void)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "user-trash-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Deleted Items"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Deleted plan items, organizations and districts are listed here, "
                                     "to be restored."));
  return page;
}

static void
sa_deleted_window_init (SaDeletedWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Deleted Items"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->stack = GTK_STACK (gtk_stack_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, make_empty_page (), "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * sa_deleted_window_new:
 * @parent: (nullable): the main window
 * @context: its context: the store, and the undo stack restores go through
 *
 * Returns: (transfer none): the window, shown, following the store's changes
 */
SaDeletedWindow *
sa_deleted_window_new (GtkWindow *parent,
                       SaContext *context)
{
  SaDeletedWindow *self;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  self = g_object_new (SA_TYPE_DELETED_WINDOW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (context));
  self->store = g_object_ref (sa_context_get_store (context));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
