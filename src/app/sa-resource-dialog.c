/* sa-resource-dialog.c: the form that adds or changes a local resource (地域資源)
 *
 * The resource and its links to commitments are written in one undoable step; links
 * are deleted and brought back row by row, so undo and sync treat them like any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-commitment.h"
#include "sa-date.h"
#include "sa-district.h"
#include "sa-resource-dialog.h"
#include "sa-resource-link.h"
#include "sa-resource-store.h"

struct _SaResourceDialog
{
  AdwWindow     parent_instance;

  SaUndoStack  *undo_stack;
  SaStore      *store;
  SaRecord     *resource;      /* the copy the form writes */
  gboolean      is_new;
  GPtrArray    *district_ids;  /* the combo's positions; NULL for none */
  GPtrArray    *checks;        /* one GtkCheckButton per commitment, "id" set */

  AdwEntryRow  *name_row;
  AdwEntryRow  *kind_row;
  AdwComboRow  *district_row;
  AdwEntryRow  *opened_row;
  AdwEntryRow  *closed_row;
  AdwEntryRow  *notes_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (SaResourceDialog, sa_resource_dialog, ADW_TYPE_WINDOW)

/* Kinds offered before the office has its own; any other word may be typed. */
static const char * const default_kinds[] = { "サロン", "居場所", "生活支援グループ", "ミニデイ", NULL };

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
on_kind_chosen (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SaResourceDialog *self = SA_RESOURCE_DIALOG (widget);

  set_row_text (self->kind_row, g_variant_get_string (parameter, NULL));
}

/* The kinds already in the register and the usual ones, each once. */
static GMenuModel *
kinds_menu (SaResourceDialog *self)
{
  g_autoptr(GPtrArray) resources = sa_store_list (self->store, &sa_resource_table, NULL, NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  GMenu *menu = g_menu_new ();

  for (guint i = 0; resources != NULL && i < resources->len; i++)
    g_ptr_array_add (kinds, (gpointer) sa_record_get_text (g_ptr_array_index (resources, i), SA_RESOURCE_KIND));
  for (guint i = 0; default_kinds[i] != NULL; i++)
    g_ptr_array_add (kinds, (gpointer) default_kinds[i]);
  for (guint i = 0; i < kinds->len; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);
      g_autoptr(GMenuItem) item = NULL;

      if (kind == NULL || !g_hash_table_add (seen, (gpointer) kind))
        continue;
      item = g_menu_item_new (kind, NULL);
      g_menu_item_set_action_and_target_value (item, "resource.kind", g_variant_new_string (kind));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
add_kind_suggestions (SaResourceDialog *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = kinds_menu (self);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Usual Kinds"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Usual Kinds"), -1);
  adw_entry_row_add_suffix (self->kind_row, button);
}

static void
fill_districts (SaResourceDialog *self)
{
  g_autoptr(GPtrArray) districts = sa_store_list (self->store, &sa_district_table, NULL, NULL, NULL);
  const char *current = sa_record_get_text (self->resource, SA_RESOURCE_DISTRICT_ID);
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint selected = 0;

  self->district_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, C_("district", "None"));
  g_ptr_array_add (self->district_ids, NULL);
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      SaRecord *district = g_ptr_array_index (districts, i);

      if (g_strcmp0 (current, sa_record_get_id (district)) == 0)
        selected = self->district_ids->len;
      gtk_string_list_append (labels, sa_record_get_text (district, SA_DISTRICT_NAME));
      g_ptr_array_add (self->district_ids, g_strdup (sa_record_get_id (district)));
    }
  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->district_row, selected);
  g_object_unref (labels);
}

static void
fill_commitments (SaResourceDialog    *self,
                  AdwPreferencesGroup *group)
{
  g_autoptr(GPtrArray) commitments = sa_store_list (self->store, &sa_commitment_table, NULL, NULL, NULL);
  g_auto(GStrv) linked = NULL;

  if (!self->is_new)
    linked = sa_store_dup_resource_commitments (self->store, sa_record_get_id (self->resource), NULL);
  self->checks = g_ptr_array_new ();
  for (guint i = 0; commitments != NULL && i < commitments->len; i++)
    {
      SaRecord *commitment = g_ptr_array_index (commitments, i);
      const char *id = sa_record_get_id (commitment);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *target = sa_record_get_text (commitment, SA_COMMITMENT_TARGET_TEXT);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sa_record_get_text (commitment, SA_COMMITMENT_TEXT));
      if (target != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), target);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), linked && g_strv_contains ((const char * const *) linked, id));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "id", g_strdup (id), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->checks, check);
    }
}

/* ---- saving --------------------------------------------------------------------- */

static void
read_text (AdwEntryRow *row,
           SaRecord    *record,
           guint        column)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    sa_record_set_null (record, column);
  else
    sa_record_set_text (record, column, text);
}

static gboolean
read_date (AdwEntryRow  *row,
           SaRecord     *record,
           guint         column,
           GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  GDate date;

  if (*text != '\0' && !sa_date_parse_iso (text, &date, error))
    return FALSE;
  read_text (row, record, column);
  return TRUE;
}

static gboolean
read_form (SaResourceDialog  *self,
           GError           **error)
{
  guint district = adw_combo_row_get_selected (self->district_row);

  read_text (self->name_row, self->resource, SA_RESOURCE_NAME);
  read_text (self->kind_row, self->resource, SA_RESOURCE_KIND);
  read_text (self->notes_row, self->resource, SA_RESOURCE_NOTES);
  if (district < self->district_ids->len && g_ptr_array_index (self->district_ids, district) != NULL)
    sa_record_set_text (self->resource, SA_RESOURCE_DISTRICT_ID, g_ptr_array_index (self->district_ids, district));
  else
    sa_record_set_null (self->resource, SA_RESOURCE_DISTRICT_ID);
  return read_date (self->opened_row, self->resource, SA_RESOURCE_OPENED, error) &&
         read_date (self->closed_row, self->resource, SA_RESOURCE_CLOSED, error) &&
         sa_record_validate (self->resource, error) &&
         sa_resource_table.check (self->store, self->resource, error);
}

/* Creates, brings back or deletes the link as the check button says. */
static gboolean
write_link (SaResourceDialog  *self,
            const char        *commitment_id,
            gboolean           wanted,
            GError           **error)
{
  const char *resource_id = sa_record_get_id (self->resource);
  g_autofree char *id = sa_resource_link_make_id (resource_id, commitment_id);
  g_autoptr(SaRecord) link = NULL;

  if (!sa_store_exists (self->store, &sa_resource_link_table, id, TRUE))
    {
      if (!wanted)
        return TRUE;
      link = SA_RECORD (sa_resource_link_new ());
      sa_record_set_id (link, id);
      sa_record_set_text (link, SA_RESOURCE_LINK_RESOURCE_ID, resource_id);
      sa_record_set_text (link, SA_RESOURCE_LINK_COMMITMENT_ID, commitment_id);
      return sa_undo_stack_insert (self->undo_stack, link, error);
    }
  if (sa_store_exists (self->store, &sa_resource_link_table, id, FALSE) == wanted)
    return TRUE;
  return sa_undo_stack_set_deleted (self->undo_stack, &sa_resource_link_table, id, !wanted, error);
}

static gboolean
write_all (SaResourceDialog  *self,
           GError           **error)
{
  if (!sa_undo_stack_begin (self->undo_stack, self->is_new ? _("Add Local Resource") : _("Edit Local Resource"),
                            error))
    return FALSE;
  if (!(self->is_new ? sa_undo_stack_insert (self->undo_stack, self->resource, error)
                     : sa_undo_stack_update (self->undo_stack, self->resource, error)))
    goto failed;
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (!write_link (self, g_object_get_data (G_OBJECT (check), "id"), gtk_check_button_get_active (check), error))
        goto failed;
    }
  return sa_undo_stack_commit (self->undo_stack, error);

failed:
  sa_undo_stack_rollback (self->undo_stack);
  return FALSE;
}

static void
on_save (SaResourceDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!read_form (self, &error) || !write_all (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- the window ----------------------------------------------------------------- */

static void
sa_resource_dialog_dispose (GObject *object)
{
  SaResourceDialog *self = SA_RESOURCE_DIALOG (object);

  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  g_clear_object (&self->resource);
  g_clear_pointer (&self->district_ids, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (sa_resource_dialog_parent_class)->dispose (object);
}

static void
sa_resource_dialog_class_init (SaResourceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_resource_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "resource.kind", "s", on_kind_chosen);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sa_resource_dialog_init (SaResourceDialog *self)
{
}

static GtkWidget *
make_header (SaResourceDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  return header;
}

static void
build (SaResourceDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *fields = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *links = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *errors = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->name_row = add_entry_row (fields, _("Name"));
  self->kind_row = add_entry_row (fields, _("Kind"));
  add_kind_suggestions (self);
  self->district_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->district_row), _("District"));
  adw_preferences_group_add (fields, GTK_WIDGET (self->district_row));
  fill_districts (self);
  self->opened_row = add_entry_row (fields, _("Opened"));
  self->closed_row = add_entry_row (fields, _("Closed"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->opened_row), _("A day as YYYY-MM-DD, such as 2012-04-01"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->closed_row), _("A day as YYYY-MM-DD; empty while it is open"));
  self->notes_row = add_entry_row (fields, _("Notes"));
  {
    AdwEntryRow *entries[] = { self->name_row, self->kind_row, self->opened_row, self->closed_row, self->notes_row };

    /* Enter in any field saves, as in the other forms. */
    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      g_signal_connect_swapped (entries[i], "entry-activated", G_CALLBACK (on_save), self);
  }

  adw_preferences_group_set_title (links, _("Counts for the Targets of"));
  fill_commitments (self, links);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Error"), -1);
  adw_preferences_group_add (errors, GTK_WIDGET (self->error_label));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), fields);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), errors);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), links);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), make_header (self));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  set_row_text (self->name_row, sa_record_get_text (self->resource, SA_RESOURCE_NAME));
  set_row_text (self->kind_row, sa_record_get_text (self->resource, SA_RESOURCE_KIND));
  set_row_text (self->opened_row, sa_record_get_text (self->resource, SA_RESOURCE_OPENED));
  set_row_text (self->closed_row, sa_record_get_text (self->resource, SA_RESOURCE_CLOSED));
  set_row_text (self->notes_row, sa_record_get_text (self->resource, SA_RESOURCE_NOTES));
}

/**
 * sa_resource_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the window's context, whose undo stack the change goes through
 * @resource_id: (nullable): the resource to change, or %NULL to add one
 *
 * Returns: (transfer none): the form, shown
 */
SaResourceDialog *
sa_resource_dialog_new (GtkWindow   *parent,
                        SaContext   *context,
                        const char  *resource_id)
{
  SaResourceDialog *self;
  const char *title;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  self = g_object_new (SA_TYPE_RESOURCE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (context));
  self->store = g_object_ref (sa_context_get_store (context));
  self->is_new = resource_id == NULL;
  if (resource_id != NULL)
    self->resource = sa_store_get (self->store, &sa_resource_table, resource_id, NULL);
  if (self->resource == NULL)
    {
      g_autofree char *id = g_uuid_string_random ();

      self->is_new = TRUE;
      self->resource = SA_RECORD (sa_resource_new ());
      sa_record_set_id (self->resource, id);
    }
  title = self->is_new ? _("New Local Resource") : _("Edit Local Resource");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  build (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
