/* sa-plan-files.c: Import Plan… and Export Plan… in the window
 *
 * A ward hands its plan to the care plazas as a JSON file. The dialogs open on the
 * database's folder, where offices keep what belongs to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-file-chooser.h"
#include "sa-plan-file.h"
#include "sa-plan-files.h"
#include "sa-plan.h"
#include "sa-store-plans.h"
#include "sa-toast.h"

typedef struct
{
  GtkWindow        *parent;
  SaContext        *context;
} Pick;

static void
pick_free (Pick *pick)
{
  g_clear_object (&pick->parent);
  g_clear_object (&pick->context);
  g_free (pick);
}

static void
say (Pick       *pick,
     const char *text)
{
  sa_toast_show (GTK_WIDGET (pick->parent), sa_toast_new_text (text));
}

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
plan_title (SaStore    *store,
            const char *plan_id)
{
  g_autoptr(SaRecord) plan = sa_store_get (store, &sa_plan_table, plan_id, NULL);

  return g_strdup (plan ? sa_record_get_text (plan, SA_PLAN_TITLE) : "");
}

/**
 * sa_plan_files_import_file:
 * @parent: the window
 * @context: the window's context, whose store gets the plan
 * @file: a plan as JSON
 *
 * Imports @file as a new plan and shows it; a file with problems is refused, each
 * problem listed with its place in the file.
 */
void
sa_plan_files_import_file (GtkWindow        *parent,
                           SaContext        *context,
                           GFile            *file)
{
  SaStore *store = sa_context_get_store (context);
  Pick pick = { parent, context };
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = sa_plan_file_import_file (store, file, &error);
  g_autofree char *title = NULL, *text = NULL;

  if (plan_id == NULL || !sa_store_choose_plan (store, plan_id, &error))
    {
      show_error (parent, _("The Plan Was Not Imported"), error);
      return;
    }
  title = plan_title (store, plan_id);
  text = g_strdup_printf (_("Imported “%s”"), title);
  say (&pick, text);
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    Pick            *pick)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    sa_plan_files_import_file (pick->parent, pick->context, file);
  pick_free (pick);
  g_object_unref (chooser);
}

static GtkFileChooser *
open_chooser (Pick                 *pick,
              GtkFileChooserAction  action,
              const char           *title,
              const char           *accept,
              GCallback             response)
{
  GtkFileChooserNative *chooser = sa_file_chooser_new (title, pick->parent, action, accept,
                                                       sa_context_get_store (pick->context));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plans as JSON"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", response, pick);
  return GTK_FILE_CHOOSER (chooser);
}

static Pick *
pick_new (GtkWindow        *parent,
          SaContext        *context)
{
  Pick *pick = g_new0 (Pick, 1);

  pick->parent = parent ? g_object_ref (parent) : NULL;
  pick->context = g_object_ref (context);
  return pick;
}

/**
 * sa_plan_files_import:
 * @parent: the window
 * @context: the window's context, whose store gets the plan
 *
 * Asks for a plan file, then imports it with sa_plan_files_import_file().
 */
void
sa_plan_files_import (GtkWindow        *parent,
                      SaContext        *context)
{
  Pick *pick = pick_new (parent, context);
  GtkFileChooser *chooser = open_chooser (pick, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Plan"), _("_Import"),
                                          G_CALLBACK (on_import_response));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    Pick            *pick)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("Exported to %s"), name);

      if (sa_plan_file_export (sa_context_get_store (pick->context), NULL, file, &error))
        say (pick, text);
      else
        show_error (pick->parent, _("The Plan Was Not Exported"), error);
    }
  pick_free (pick);
  g_object_unref (chooser);
}

/**
 * sa_plan_files_export:
 * @parent: the window
 * @context: the window's context, whose store has the plan
 *
 * Asks where to write the plan shown, then writes it as JSON.
 */
void
sa_plan_files_export (GtkWindow        *parent,
                      SaContext        *context)
{
  SaStore *store = sa_context_get_store (context);
  Pick *pick = pick_new (parent, context);
  g_autofree char *plan_id = sa_store_resolve_plan (store, NULL, NULL);
  g_autofree char *title = plan_id ? plan_title (store, plan_id) : g_strdup (_("plan"));
  g_autofree char *name = g_strconcat (g_strdelimit (title, "/\\:*?\"<>|", '_'), ".json", NULL);
  GtkFileChooser *chooser = open_chooser (pick, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Plan"), _("_Export"),
                                          G_CALLBACK (on_export_response));

  gtk_file_chooser_set_current_name (chooser, name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
