/* sa-form-choices.c: choice rows in forms, and forms that fit their window
 *
 * A form's organization and district are chosen among existing rows; on a new
 * database there are none, so the row offers to add one there and then, in the
 * outline's own editor, and chooses it. Enter on such a row opens its list rather
 * than saving the form with a choice not yet made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-district.h"
#include "sa-form-choices.h"
#include "sa-organization.h"
#include "sa-record-editor.h"

typedef struct
{
  SaContext         *context;
  const SaTable     *table;
  SaFormChoiceAdded  added;
  gpointer           user_data;
} Choice;

static void
choice_free (gpointer  data,
             GClosure *closure)
{
  Choice *choice = data;

  g_object_unref (choice->context);
  g_free (choice);
}

static void
on_saved (SaRecordEditor *editor,
          SaRecord       *record,
          Choice         *choice)
{
  choice->added (choice->user_data, record);
}

/* A district goes after the others, as the outline adds it. */
static void
place_last (SaUndoStack *undo_stack,
            SaRecord    *district)
{
  g_autoptr(GPtrArray) rows = sa_store_list (sa_undo_stack_get_store (undo_stack), &sa_district_table,
                                             NULL, NULL, NULL);
  gint64 next = 0;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    next = MAX (next, sa_record_get_int (g_ptr_array_index (rows, i), SA_DISTRICT_POSITION) + 1);
  sa_record_set_int (district, SA_DISTRICT_POSITION, next);
}

static void
on_add_clicked (GtkButton *button,
                Choice    *choice)
{
  static const char * const organization_fields[] = { "name", "actor_id", NULL };
  static const char * const district_fields[] = { "name", NULL };
  gboolean organization = choice->table == &sa_organization_table;
  g_autoptr(SaRecord) record = sa_record_new (choice->table);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  SaRecordEditor *editor;

  if (!organization)
    place_last (sa_context_get_undo_stack (choice->context), record);
  editor = sa_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, choice->context, record, TRUE,
                                 organization ? organization_fields : district_fields,
                                 organization ? _("New Organization") : _("New District"));
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), choice);
  /* The choice outlives the editor: it belongs to the button. */
}

/**
 * sa_form_choices_add_button:
 * @row: a row choosing an organization or a district
 * @context: the form's context, whose undo stack the new row is added through
 * @table: &sa_organization_table or &sa_district_table
 * @added: called with the row once it is added
 * @user_data: for @added
 *
 * Puts a button on @row that adds an organization or district.
 */
void
sa_form_choices_add_button (AdwComboRow       *row,
                            SaContext         *context,
                            const SaTable     *table,
                            SaFormChoiceAdded  added,
                            gpointer           user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");
  const char *label = table == &sa_organization_table ? _("New Organization…") : _("New District…");
  Choice *choice = g_new0 (Choice, 1);

  choice->context = g_object_ref (context);
  choice->table = table;
  choice->added = added;
  choice->user_data = user_data;
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_add_clicked), choice, choice_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AdwComboRow           *row)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  /* Only the row itself: a button on it takes Enter as a click. */
  if (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (row))) != GTK_WIDGET (row))
    return FALSE;
  adw_action_row_activate (ADW_ACTION_ROW (row));
  return TRUE;
}

/**
 * sa_form_choices_open_on_enter:
 * @row: a choice row in a form whose default button saves
 *
 * Makes Enter on @row open its list, as Space does, instead of activating the
 * form's default button. Ctrl+Enter still saves.
 */
void
sa_form_choices_open_on_enter (AdwComboRow *row)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_name (controller, "sa-open-on-enter");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), row);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

/**
 * sa_form_fit_to_parent:
 * @form: a form transient for a window
 *
 * Keeps @form's default height within its parent's, so that on a small screen its
 * header with Cancel and Save stays on screen and its fields scroll.
 */
void
sa_form_fit_to_parent (GtkWindow *form)
{
  GtkWindow *parent = gtk_window_get_transient_for (form);
  int width, height, room;

  if (parent == NULL || (room = gtk_widget_get_height (GTK_WIDGET (parent))) <= 0)
    return;
  gtk_window_get_default_size (form, &width, &height);
  if (height > room)
    gtk_window_set_default_size (form, width, room);
}
