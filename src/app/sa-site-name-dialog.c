/* sa-site-name-dialog.c: asking for the office's name before its first sync
 *
 * A new database names its site after the computer's host name, which tells the
 * other offices little ("DESKTOP-3F9K2L"). Before this site first writes a sync
 * file, the person is asked for the office's name, once; Preferences changes it
 * later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-site-name-dialog.h"

typedef struct
{
  GtkWindow *parent;
  SaContext *context;
  SaStore   *store;     /* the context's */
  char      *then_action;
  GtkEntry  *entry;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->parent);
  g_clear_object (&ask->store);
  g_clear_object (&ask->context);
  g_free (ask->then_action);
  g_free (ask);
}

static void
ask_closure_free (gpointer  data,
                  GClosure *closure)
{
  ask_free (data);
}

static gboolean
was_asked (GSettings  *settings,
           const char *site_id)
{
  g_auto(GStrv) named = g_settings_get_strv (settings, "named-sites");

  return g_strv_contains ((const char * const *) named, site_id);
}

static void
mark_asked (GSettings  *settings,
            const char *site_id)
{
  g_auto(GStrv) named = g_settings_get_strv (settings, "named-sites");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) marked = NULL;

  g_strv_builder_addv (builder, (const char **) named);
  g_strv_builder_add (builder, site_id);
  marked = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "named-sites", (const char * const *) marked);
}

/**
 * sa_site_name_dialog_needed:
 * @context: the window's: the database, and the settings that remember the sites asked
 *
 * Returns: whether this site still goes by the host name it was given and was never
 *   asked for the office's name
 */
gboolean
sa_site_name_dialog_needed (SaContext *context)
{
  SaStore *store = sa_context_get_store (context);
  g_autofree char *name = sa_store_dup_site_name (store);

  if (name != NULL && *name && g_strcmp0 (name, g_get_host_name ()) != 0)
    return FALSE;
  return !was_asked (sa_context_get_settings (context), sa_store_get_site_id (store));
}

/* A name the store takes: 1 to 100 characters, not only spaces. */
static void
on_entry_changed (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  gboolean ok = *name && g_utf8_strlen (name, -1) <= 100;

  adw_message_dialog_set_response_enabled (dialog, "continue", ok);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Ask              *ask)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entry))));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "continue"))
    return;
  if (!sa_store_set_site_name (ask->store, name, &error))
    {
      g_warning ("Could not name this site: %s", error->message);
      return;
    }
  mark_asked (sa_context_get_settings (ask->context), sa_store_get_site_id (ask->store));
  if (ask->then_action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (ask->parent), ask->then_action, NULL);
}

/**
 * sa_site_name_dialog_ask:
 * @parent: the window
 * @context: the window's: the database, and the settings
 * @then_action: (nullable): the action of @parent to run once the name is given
 *
 * Asks for the office's name, offering the host name; Continue stores it as this
 * site's name and runs @then_action; Cancel does neither.
 */
void
sa_site_name_dialog_ask (GtkWindow  *parent,
                         SaContext  *context,
                         const char *then_action)
{
  SaStore *store = sa_context_get_store (context);
  g_autofree char *name = sa_store_dup_site_name (store);
  Ask *ask = g_new0 (Ask, 1);
  GtkWidget *dialog;

  ask->parent = g_object_ref (parent);
  ask->context = g_object_ref (context);
  ask->store = g_object_ref (store);
  ask->then_action = g_strdup (then_action);
  ask->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (ask->entry), name && *name ? name : g_get_host_name ());
  gtk_entry_set_activates_default (ask->entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Office name"), -1);

  dialog = adw_message_dialog_new (parent, _("Name This Office"),
                                   _("Other offices see this name on the records this computer sends them, "
                                     "such as “Izumi Ward Office” or “Nakagawa Community Care Plaza”. "
                                     "It can be changed later in Preferences."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (ask->entry));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (ask->entry, "changed", G_CALLBACK (on_entry_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), ask, ask_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (ask->entry));
}
