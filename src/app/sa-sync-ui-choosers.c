/* sa-sync-ui-choosers.c: the file and folder choosers in front of the sync, CSV and iCalendar work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-date.h"
#include "sa-file-chooser.h"
#include "sa-sync-file.h"
#include "sa-sync-ui.h"

/* ---- choosers ---------------------------------------------------------------------- */

/* What a chooser was opened for, until the person answers. */
typedef struct
{
  GtkWindow         *parent;
  SaContext         *context;
  gboolean           dry_run;
  gboolean           ics;
  void             (*chosen) (gpointer pick, GFile *file, GtkFileChooser *chooser);
} Pick;

static void
pick_free (Pick *pick)
{
  g_clear_object (&pick->parent);
  g_clear_object (&pick->context);
  g_free (pick);
}

static Pick *
pick_new (GtkWindow         *parent,
          SaContext         *context)
{
  Pick *pick = g_new0 (Pick, 1);

  pick->parent = parent ? g_object_ref (parent) : NULL;
  pick->context = g_object_ref (context);
  return pick;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Pick            *pick)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    pick->chosen (pick, file, GTK_FILE_CHOOSER (chooser));
  pick_free (pick);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static GtkFileChooser *
open_chooser (Pick                 *pick,
              GtkFileChooserAction  action,
              const char           *title,
              const char           *accept)
{
  GtkFileChooserNative *chooser = sa_file_chooser_new (title, pick->parent, action, accept,
                                                       sa_context_get_store (pick->context));

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), pick);
  return GTK_FILE_CHOOSER (chooser);
}

/* "泉区役所-2026-01-05.sasaeai": whose file, and when it was written. */
static char *
suggested_name (const char *stem,
                const char *suffix)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *clean = g_strdelimit (g_strdup (stem), "/\\:*?\"<>|", '_');

  return g_strdup_printf ("%s-%s%s", clean, date, suffix);
}

static void
export_chosen (gpointer        data,
               GFile          *file,
               GtkFileChooser *chooser)
{
  Pick *pick = data;

  sa_sync_ui_export_file (pick->parent, pick->context, file);
}

/**
 * sa_sync_ui_export:
 * @parent: the window
 * @context: the window's context
 *
 * Asks where to save this site's sync file, then writes it.
 */
void
sa_sync_ui_export (GtkWindow         *parent,
                   SaContext         *context)
{
  Pick *pick = pick_new (parent, context);
  g_autofree char *site = sa_store_dup_site_name (sa_context_get_store (context));
  g_autofree char *name = suggested_name (site && *site ? site : "sasaeai", SA_SYNC_SUFFIX);
  GtkFileChooser *chooser;

  pick->chosen = export_chosen;
  chooser = open_chooser (pick, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Sync File"), _("_Export"));
  add_filter (chooser, _("Sync files"), "*" SA_SYNC_SUFFIX);
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_chosen (gpointer        data,
               GFile          *file,
               GtkFileChooser *chooser)
{
  Pick *pick = data;

  sa_sync_ui_import_file (pick->parent, pick->context, file, pick->dry_run);
}

/**
 * sa_sync_ui_import:
 * @parent: the window
 * @context: the window's context
 * @dry_run: only preview what importing would do
 *
 * Asks for another site's sync file, then imports it (or previews the import).
 */
void
sa_sync_ui_import (GtkWindow         *parent,
                   SaContext         *context,
                   gboolean           dry_run)
{
  Pick *pick = pick_new (parent, context);
  GtkFileChooser *chooser;

  pick->chosen = import_chosen;
  pick->dry_run = dry_run;
  chooser = open_chooser (pick, GTK_FILE_CHOOSER_ACTION_OPEN,
                          dry_run ? _("Preview Sync File") : _("Import Sync File"),
                          dry_run ? _("_Preview") : _("_Import"));
  add_filter (chooser, _("Sync files"), "*" SA_SYNC_SUFFIX);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
activities_chosen (gpointer        data,
                   GFile          *file,
                   GtkFileChooser *chooser)
{
  Pick *pick = data;
  const char *choice = gtk_file_chooser_get_choice (chooser, "fiscal-year");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  int fiscal_year = 0;

  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (g_strcmp0 (choice, "this") == 0)
    fiscal_year = sa_date_fiscal_year (&today);
  else if (g_strcmp0 (choice, "last") == 0)
    fiscal_year = sa_date_fiscal_year (&today) - 1;
  sa_sync_ui_export_activities_file (pick->parent, pick->context, file, pick->ics, fiscal_year);
}

static void
export_activities (GtkWindow         *parent,
                   SaContext         *context,
                   gboolean           ics)
{
  const char *ids[] = { "all", "this", "last", NULL };
  const char *labels[] = { _("All years"), _("This fiscal year"), _("Last fiscal year"), NULL };
  Pick *pick = pick_new (parent, context);
  /* Translators: the start of a suggested file name, before the date */
  g_autofree char *name = suggested_name (C_("file name", "activities"), ics ? ".ics" : ".csv");
  GtkFileChooser *chooser;

  pick->chosen = activities_chosen;
  pick->ics = ics;
  chooser = open_chooser (pick, GTK_FILE_CHOOSER_ACTION_SAVE,
                          ics ? _("Export Activities as iCalendar") : _("Export Activities as CSV"),
                          _("_Export"));
  if (ics)
    add_filter (chooser, _("iCalendar files"), "*.ics");
  else
    add_filter (chooser, _("CSV files"), "*.csv");
  gtk_file_chooser_add_choice (chooser, "fiscal-year", _("Fiscal year"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "fiscal-year", "all");
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * sa_sync_ui_export_csv:
 * @parent: the window
 * @context: the window's context
 *
 * Asks where to save activity records as CSV, and for which fiscal year (all by
 * default), then writes them.
 */
void
sa_sync_ui_export_csv (GtkWindow         *parent,
                       SaContext         *context)
{
  export_activities (parent, context, FALSE);
}

/**
 * sa_sync_ui_export_ics:
 * @parent: the window
 * @context: the window's context
 *
 * As sa_sync_ui_export_csv(), as an iCalendar file for calendar programs.
 */
void
sa_sync_ui_export_ics (GtkWindow         *parent,
                       SaContext         *context)
{
  export_activities (parent, context, TRUE);
}

static void
import_csv_chosen (gpointer        data,
                   GFile          *file,
                   GtkFileChooser *chooser)
{
  Pick *pick = data;

  sa_sync_ui_import_csv_file (pick->parent, pick->context, file);
}

/**
 * sa_sync_ui_import_csv:
 * @parent: the window
 * @context: the window's context
 *
 * Asks for a CSV file of activity records, then imports it.
 */
void
sa_sync_ui_import_csv (GtkWindow         *parent,
                       SaContext         *context)
{
  Pick *pick = pick_new (parent, context);
  GtkFileChooser *chooser;

  pick->chosen = import_csv_chosen;
  chooser = open_chooser (pick, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Activities from CSV"), _("_Import"));
  add_filter (chooser, _("CSV files"), "*.csv");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
folder_chosen (gpointer        data,
               GFile          *folder,
               GtkFileChooser *chooser)
{
  Pick *pick = data;

  sa_sync_ui_set_folder (sa_context_get_settings (pick->context), folder);
  sa_sync_ui_sync_folder (pick->parent, pick->context, folder);
}

static void
on_no_folder_response (AdwMessageDialog *dialog,
                       const char       *response,
                       Pick             *pick)
{
  GtkFileChooser *chooser;

  if (!g_str_equal (response, "choose"))
    {
      pick_free (pick);
      return;
    }
  pick->chosen = folder_chosen;
  chooser = open_chooser (pick, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Choose the Sync Folder"), _("_Choose"));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * sa_sync_ui_sync_now:
 * @parent: the window
 * @context: the window's context
 *
 * Syncs through the folder of the preferences; without one, offers to choose it.
 */
void
sa_sync_ui_sync_now (GtkWindow         *parent,
                     SaContext         *context)
{
  g_autoptr(GFile) folder = sa_sync_ui_dup_folder (sa_context_get_settings (context));
  GtkWidget *dialog;

  if (folder != NULL)
    {
      sa_sync_ui_sync_folder (parent, context, folder);
      return;
    }
  dialog = adw_message_dialog_new (parent, _("No Sync Folder Yet"),
                                   _("Sync Now writes this computer’s sync file into a folder that every office "
                                     "shares, and imports the other offices’ files from it. Choose that folder."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Choose Folder…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  g_signal_connect (dialog, "response", G_CALLBACK (on_no_folder_response),
                    pick_new (parent, context));
  gtk_window_present (GTK_WINDOW (dialog));
}

