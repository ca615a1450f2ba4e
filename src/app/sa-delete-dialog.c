/* sa-delete-dialog.c: deleting a plan item, organization or district from the window
 *
 * What nothing uses goes at once, with Undo. Before deleting what records use, a
 * dialog says how many use it; an organization's or district's activities can be
 * moved to another one first (merging two organizations), and an actor goes with its
 * commitments, organizations and expected actions. Each is one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-activity.h"
#include "sa-actor.h"
#include "sa-delete-dialog.h"
#include "sa-district.h"
#include "sa-organization.h"
#include "sa-store-deleted.h"

typedef struct
{
  GtkWidget    *widget;
  SaUndoStack  *undo_stack;
  SaRecord     *record;
  SaDeleteDone  done;
  gpointer      user_data;
  guint         n_activities;
  GPtrArray    *targets;   /* where activities can move: the other rows of the table */
  GtkDropDown  *target_drop;
} Delete;

static void
delete_free (Delete *self)
{
  g_object_unref (self->widget);
  g_object_unref (self->undo_stack);
  g_object_unref (self->record);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_free (self);
}

/* The activity column that names an organization or district; -1 for other tables. */
static int
activity_column (const SaTable *table)
{
  if (table == &sa_organization_table)
    return SA_ACTIVITY_ORGANIZATION_ID;
  if (table == &sa_district_table)
    return SA_ACTIVITY_DISTRICT_ID;
  return -1;
}

static gboolean
move_activities (SaUndoStack  *undo_stack,
                 SaRecord     *record,
                 const char   *target_id,
                 GError      **error)
{
  int column = activity_column (sa_record_get_table (record));
  g_autoptr(GPtrArray) activities = NULL;

  if (!(activities = sa_store_list (sa_undo_stack_get_store (undo_stack), &sa_activity_table,
                                    sa_activity_table.columns[column].name, sa_record_get_id (record), error)))
    return FALSE;
  for (guint i = 0; i < activities->len; i++)
    {
      g_autoptr(SaRecord) copy = sa_record_copy (g_ptr_array_index (activities, i));

      sa_record_set_text (copy, column, target_id);
      if (!sa_undo_stack_update (undo_stack, copy, error))
        return FALSE;
    }
  return TRUE;
}

/* Deletes the row, after moving its activities to @target_id if given, and what goes
 * with it, as one step of the undo stack. */
static gboolean
delete_together (SaUndoStack  *undo_stack,
                 SaRecord     *record,
                 const char   *target_id,
                 GError      **error)
{
  const SaTable *table = sa_record_get_table (record);
  const char *id = sa_record_get_id (record);
  g_autoptr(GPtrArray) dependents = NULL;

  if (!(dependents = sa_store_list_dependents (sa_undo_stack_get_store (undo_stack), table, id, error)) ||
      !sa_undo_stack_begin (undo_stack, _("Delete"), error))
    return FALSE;
  /* The row first: what goes with it is what has a tombstone at or after its own. */
  if ((target_id != NULL && !move_activities (undo_stack, record, target_id, error)) ||
      !sa_undo_stack_set_deleted (undo_stack, table, id, TRUE, error))
    goto failed;
  for (guint i = 0; i < dependents->len; i++)
    {
      SaRecord *row = g_ptr_array_index (dependents, i);

      if (!sa_undo_stack_set_deleted (undo_stack, sa_record_get_table (row), sa_record_get_id (row), TRUE, error))
        goto failed;
    }
  return sa_undo_stack_commit (undo_stack, error);

failed:
  sa_undo_stack_rollback (undo_stack);
  return FALSE;
}

static void
finish (Delete     *self,
        const char *target_id,
        const char *target_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *name = sa_record_get_name (self->record);

  if (!delete_together (self->undo_stack, self->record, target_id, &error))
    {
      self->done (self->user_data, NULL, error);
      return;
    }
  if (target_id != NULL)
    /* Translators: a toast after moving activities to another organization or district */
    title = g_strdup_printf (ngettext ("%u activity moved to “%s”; “%s” deleted",
                                       "%u activities moved to “%s”; “%s” deleted", self->n_activities),
                             self->n_activities, target_name, name);
  else
    title = g_strdup_printf (_("“%s” deleted"), name);
  self->done (self->user_data, title, NULL);
}

static void
on_move_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Delete           *self)
{
  guint chosen = gtk_drop_down_get_selected (self->target_drop);

  if (g_str_equal (response, "move") && chosen < self->targets->len)
    {
      SaRecord *target = g_ptr_array_index (self->targets, chosen);

      finish (self, sa_record_get_id (target), sa_record_get_name (target));
    }
  delete_free (self);
}

static void
ask_where (Delete    *self,
           GtkWindow *parent)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  for (guint i = 0; i < self->targets->len; i++)
    gtk_string_list_append (names, sa_record_get_name (g_ptr_array_index (self->targets, i)));
  body = g_strdup_printf (ngettext ("Move %u activity of “%s” to:", "Move %u activities of “%s” to:",
                                    self->n_activities),
                          self->n_activities, sa_record_get_name (self->record));
  dialog = adw_message_dialog_new (parent, _("Move Activities"), body);
  self->target_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move to"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (self->target_drop));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "move", _("_Move and Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_move_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Delete           *self)
{
  if (g_str_equal (response, "move"))
    {
      ask_where (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)));
      return;
    }
  if (g_str_equal (response, "delete"))
    finish (self, NULL, NULL);
  delete_free (self);
}

static char *
describe (Delete       *self,
          const SaUses *uses)
{
  g_autofree char *counts = sa_uses_describe (uses);
  const char *name = sa_record_get_name (self->record);

  if (SA_IS_ACTOR (self->record))
    /* Translators: “ケアプラザ has 4 commitments, 2 organizations. …” */
    return g_strdup_printf (_("%s has %s. They are deleted with it, and come back with it when it is restored."),
                            name, counts);
  if (activity_column (sa_record_get_table (self->record)) >= 0)
    return g_strdup_printf (ngettext ("Used by %u activity. It keeps its name, marked as deleted.",
                                      "Used by %u activities. They keep its name, marked as deleted.",
                                      uses->activities), uses->activities);
  /* Translators: “Used by 3 commitments, 5 activities.” */
  return g_strdup_printf (_("Used by %s."), counts);
}

/* The other rows of an organization's or district's table, where its activities can go. */
static GPtrArray *
list_targets (Delete *self)
{
  g_autoptr(GPtrArray) rows = sa_store_list (sa_undo_stack_get_store (self->undo_stack),
                                             sa_record_get_table (self->record), NULL, NULL, NULL);
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (!g_str_equal (sa_record_get_id (g_ptr_array_index (rows, i)), sa_record_get_id (self->record)))
      g_ptr_array_add (targets, g_object_ref (g_ptr_array_index (rows, i)));
  return targets;
}

/**
 * sa_delete_dialog_run:
 * @widget: the widget the dialog belongs to
 * @context: the window's context, whose undo stack the deletion goes through
 * @record: the row to delete
 * @done: called once the row is deleted, with a toast's title, or with an error
 * @user_data: for @done
 *
 * Deletes @record at once when nothing uses it; otherwise asks first.
 */
void
sa_delete_dialog_run (GtkWidget    *widget,
                      SaContext    *context,
                      SaRecord     *record,
                      SaDeleteDone  done,
                      gpointer      user_data)
{
  Delete *self = g_new0 (Delete, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *counts = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  SaUses uses;

  self->widget = g_object_ref (widget);
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (context));
  self->record = g_object_ref (record);
  self->done = done;
  self->user_data = user_data;

  if (!sa_store_count_uses (sa_context_get_store (context), sa_record_get_table (record),
                            sa_record_get_id (record), &uses, &error))
    {
      done (user_data, NULL, error);
      delete_free (self);
      return;
    }
  if (!(counts = sa_uses_describe (&uses)))
    {
      finish (self, NULL, NULL);
      delete_free (self);
      return;
    }

  body = describe (self, &uses);
  self->n_activities = uses.activities;
  heading = g_strdup_printf (_("Delete “%s”?"), sa_record_get_name (record));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (activity_column (sa_record_get_table (record)) >= 0 && uses.activities > 0 &&
      (self->targets = list_targets (self))->len > 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "move", _("_Move Activities…"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
