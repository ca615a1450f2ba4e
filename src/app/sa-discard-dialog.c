/* sa-discard-dialog.c: asking before a form throws away what was typed
 *
 * Esc, Cancel and the window's close button all close a form; when it holds changes,
 * the person is asked first. Keeping on editing is the default and what Esc does, so
 * a second Esc cannot lose the work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-discard-dialog.h"

static gboolean
destroy_form (gpointer form)
{
  gtk_window_destroy (form);
  return G_SOURCE_REMOVE;
}

/* The form goes once the dialog has finished answering, which it does after this. */
static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GtkWindow        *form)
{
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_form, g_object_ref (form), g_object_unref);
}

/**
 * sa_discard_dialog_ask:
 * @form: a form holding unsaved changes
 *
 * Asks whether to discard the changes; destroys @form if the person says so.
 */
void
sa_discard_dialog_ask (GtkWindow *form)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (form));

  dialog = adw_message_dialog_new (form, _("Discard changes?"),
                                   _("What you changed in this form has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), form, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
