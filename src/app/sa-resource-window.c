/* sa-resource-window.c: Local Resources (地域資源), the register of salons, places to
 * gather and support groups that targets in places count
 *
 * Every change goes through the undo stack; a deletion offers Undo in a toast. The list
 * follows the store's changes, other programs' writes included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-district.h"
#include "sa-resource-dialog.h"
#include "sa-resource-store.h"
#include "sa-resource-window.h"
#include "sa-store-deleted.h"
#include "sa-toast.h"

struct _SaResourceWindow
{
  AdwWindow        parent_instance;

  SaContext       *context;
  SaUndoStack     *undo_stack;    /* the context's, as the store */
  SaStore         *store;
  GtkStack        *stack;
  GtkListBox      *list;
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (SaResourceWindow, sa_resource_window, ADW_TYPE_WINDOW)

static void
show_error (SaResourceWindow *self,
            GError           *error)
{
  adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (error->message));
}

static void
on_edit_clicked (GtkButton        *button,
                 SaResourceWindow *self)
{
  sa_resource_dialog_new (GTK_WINDOW (self), self->context, g_object_get_data (G_OBJECT (button), "id"));
}

static void
on_row_activated (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  SaResourceWindow *self)
{
  sa_resource_dialog_new (GTK_WINDOW (self), self->context, g_object_get_data (G_OBJECT (row), "id"));
}

static void
on_delete_clicked (GtkButton        *button,
                   SaResourceWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "id");
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), (char *) g_object_get_data (G_OBJECT (button), "name"));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!sa_undo_stack_begin (self->undo_stack, _("Delete Local Resource"), &error) ||
      !sa_undo_stack_set_deleted (self->undo_stack, &sa_resource_table, id, TRUE, &error) ||
      !sa_undo_stack_commit (self->undo_stack, &error))
    {
      sa_undo_stack_rollback (self->undo_stack);
      show_error (self, error);
      return;
    }
  toast = sa_toast_new_text (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "resources.undo");
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SaResourceWindow *self = SA_RESOURCE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sa_undo_stack_undo (self->undo_stack, &error))
    show_error (self, error);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SaResourceWindow *self = SA_RESOURCE_WINDOW (widget);

  sa_resource_dialog_new (GTK_WINDOW (self), self->context, NULL);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static char *
describe (SaStore    *store,
          SaRecord   *resource,
          GHashTable *districts)
{
  const char *district_id = sa_record_get_text (resource, SA_RESOURCE_DISTRICT_ID);
  const char *district = district_id ? g_hash_table_lookup (districts, district_id) : NULL;
  const char *closed = sa_record_get_text (resource, SA_RESOURCE_CLOSED);
  g_auto(GStrv) commitments = sa_store_dup_resource_commitments (store, sa_record_get_id (resource), NULL);
  guint n = commitments ? g_strv_length (commitments) : 0;
  g_autofree char *linked = g_strdup_printf (ngettext ("%u commitment", "%u commitments", n), n);

  /* Translators: a local resource's kind, district, opened–closed and linked commitments */
  return g_strdup_printf (_("%s · %s · %s–%s · %s"), sa_record_get_text (resource, SA_RESOURCE_KIND),
                          district ? district : C_("district", "None"),
                          sa_record_get_text (resource, SA_RESOURCE_OPENED), closed ? closed : "", linked);
}

static GtkWidget *
make_row (SaResourceWindow *self,
          SaRecord         *resource,
          GHashTable       *districts)
{
  GtkWidget *row = adw_action_row_new ();
  const char *name = sa_record_get_text (resource, SA_RESOURCE_NAME);
  g_autofree char *subtitle = describe (self->store, resource, districts);
  g_autofree char *edit_label = g_strdup_printf (_("Edit “%s”"), name);
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), name);
  GtkWidget *edit = icon_button ("document-edit-symbolic", edit_label);
  GtkWidget *delete = icon_button ("user-trash-symbolic", delete_label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (sa_record_get_id (resource)), g_free);
  for (GtkWidget *button = edit; button != NULL; button = button == edit ? delete : NULL)
    {
      g_object_set_data_full (G_OBJECT (button), "id", g_strdup (sa_record_get_id (resource)), g_free);
      g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  return row;
}

static void
reload (SaResourceWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = sa_store_list (self->store, &sa_resource_table, NULL, NULL, &error);
  g_autoptr(GHashTable) districts = resources ? sa_store_dup_display_names (self->store, &sa_district_table,
                                                                            SA_DISTRICT_NAME, &error) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  if (districts == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < resources->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (resources, i), districts));
  gtk_stack_set_visible_child_name (self->stack, resources->len > 0 ? "list" : "empty");
}

static void
sa_resource_window_dispose (GObject *object)
{
  SaResourceWindow *self = SA_RESOURCE_WINDOW (object);

  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sa_resource_window_parent_class)->dispose (object);
}

static void
sa_resource_window_class_init (SaResourceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_resource_window_dispose;
  gtk_widget_class_install_action (widget_class, "resources.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "resources.undo", NULL, undo_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "resources.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "resources.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
make_empty_page (void)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Local Resource"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "resources.add");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "find-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Local Resources"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Salons, places to gather and support groups are listed here, with the "
                                     "commitments whose targets count them."));
  adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
  return page;
}

static GtkWidget *
make_list_page (SaResourceWindow *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Local Resources"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static void
sa_resource_window_init (SaResourceWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *add = icon_button ("list-add-symbolic", _("Add Local Resource"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "resources.add");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  gtk_window_set_title (GTK_WINDOW (self), _("Local Resources"));
  gtk_window_set_default_size (GTK_WINDOW (self), 680, 560);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, make_list_page (self), "list");
  gtk_stack_add_named (self->stack, make_empty_page (), "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * sa_resource_window_new:
 * @parent: (nullable): the main window
 * @context: its context: the store, and the undo stack edits go through
 *
 * Returns: (transfer none): the window, shown, following the store's changes
 */
SaResourceWindow *
sa_resource_window_new (GtkWindow *parent,
                        SaContext *context)
{
  SaResourceWindow *self;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  self = g_object_new (SA_TYPE_RESOURCE_WINDOW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->context = g_object_ref (context);
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (context));
  self->store = g_object_ref (sa_context_get_store (context));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
