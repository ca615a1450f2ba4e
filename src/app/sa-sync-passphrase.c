/* sa-sync-passphrase.c: the sync passphrase in the window
 *
 * Preferences keep one passphrase per database in the keyring (sa-sync-keyring.c);
 * the window's exports encrypt with it, and an encrypted file it does not open asks
 * for the passphrase in a dialog (sa_sync_passphrase_ask()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-sync-keyring.h"
#include "sa-sync-passphrase.h"
#include "sa-toast.h"

/* ---- asking for a file's passphrase --------------------------------------------- */

typedef struct
{
  SaSyncPassphraseFunc func;
  gpointer             user_data;
  GtkWidget           *entry;
} Ask;

static void
on_ask_response (AdwMessageDialog *dialog,
                 const char       *response,
                 Ask              *ask)
{
  g_autofree char *passphrase = NULL;

  if (g_str_equal (response, "open"))
    passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entry)));
  /* GTK 4.8's password entry leaves a handler on its text, which the closing window,
   * dropping its focus after the entry is gone, would call: drop the focus now. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  /* An empty passphrase opens nothing; treat it as a cancel rather than ask again. */
  ask->func (passphrase && *passphrase ? passphrase : NULL, ask->user_data);
  g_free (ask);
}

/* Enter in the entry opens, once there is something to try. */
static void
on_entry_activate (GtkWidget        *entry,
                   AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "open"))
    {
      /* A response alone leaves the dialog open; a button closes it too. */
      adw_message_dialog_response (dialog, "open");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
on_entry_changed (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "open", *gtk_editable_get_text (entry) != '\0');
}

/**
 * sa_sync_passphrase_ask:
 * @parent: (nullable): the window
 * @file: the encrypted file
 * @was_wrong: whether the last passphrase tried did not open @file
 * @func: (scope async): called once with the passphrase, or %NULL if cancelled
 * @user_data: data for @func
 *
 * Asks for the passphrase of an encrypted sync file in a dialog with a password entry.
 */
void
sa_sync_passphrase_ask (GtkWindow            *parent,
                        GFile                *file,
                        gboolean              was_wrong,
                        SaSyncPassphraseFunc  func,
                        gpointer              user_data)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *body = NULL;
  Ask *ask = g_new0 (Ask, 1);
  GtkWidget *dialog;

  if (was_wrong)
    /* Translators: %s is a file name */
    body = g_strdup_printf (_("This passphrase does not open “%s”. Check it with the office that wrote the file "
                              "and try again."), name);
  else
    /* Translators: %s is a file name */
    body = g_strdup_printf (_("“%s” is encrypted. Enter the sync passphrase the offices share."), name);
  dialog = adw_message_dialog_new (parent, was_wrong ? _("Wrong Passphrase") : _("Passphrase Needed"), body);
  ask->func = func;
  ask->user_data = user_data;
  ask->entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (ask->entry), TRUE);
  g_object_set (ask->entry, "placeholder-text", _("Sync passphrase"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sync passphrase"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), ask->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "open", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (ask->entry, "changed", G_CALLBACK (on_entry_changed), dialog);
  g_signal_connect (ask->entry, "activate", G_CALLBACK (on_entry_activate), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_ask_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (ask->entry);
}

/* ---- the passphrase in Preferences ----------------------------------------------- */

static void
show_toast (GtkWidget  *widget,
            const char *text)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), sa_toast_new_text (text));
}

static void
describe_state (GtkWidget *group,
                gboolean   is_set)
{
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         is_set
                                         ? _("Sync files this computer writes are encrypted with the passphrase kept in "
                                             "the keyring. Every office needs the same passphrase; apply an empty one to "
                                             "write unencrypted files again.")
                                         : _("No passphrase is set: sync files are written unencrypted. Set one to "
                                             "encrypt them; every office needs the same passphrase."));
}

static void
on_lookup (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWidget) group = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase = sa_sync_keyring_lookup_finish (result, &error);

  if (error != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
  else
    describe_state (group, passphrase != NULL);
}

static void
on_stored (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWidget) row = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  gboolean is_set = *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0';

  if (!sa_sync_keyring_store_finish (result, &error))
    {
      show_toast (row, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  if (group != NULL)
    describe_state (group, is_set);
  show_toast (row, is_set ? _("The sync passphrase was saved in the keyring") : _("The sync passphrase was removed"));
}

static void
on_apply (AdwEntryRow *row,
          SaStore     *store)
{
  sa_sync_keyring_store_async (sa_store_get_path (store), gtk_editable_get_text (GTK_EDITABLE (row)), NULL,
                               on_stored, g_object_ref (row));
}

/**
 * sa_sync_passphrase_group_new:
 * @context: the window's context; the passphrase belongs to its store's database
 *
 * Returns: (transfer floating): a preferences group with the "Sync Passphrase" row
 */
GtkWidget *
sa_sync_passphrase_group_new (SaContext *context)
{
  SaStore *store;
  GtkWidget *group, *row;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  store = sa_context_get_store (context);
  group = adw_preferences_group_new ();
  row = adw_password_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Encryption"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Sync _Passphrase"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_apply), store, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  describe_state (group, FALSE);
  sa_sync_keyring_lookup_async (sa_store_get_path (store), NULL, on_lookup, g_object_ref (group));
  return group;
}
