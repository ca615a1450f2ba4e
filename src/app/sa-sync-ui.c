/* sa-sync-ui.c: sync files, CSV and iCalendar from the window
 *
 * A file chooser only picks the file; the _file and _folder functions do the work,
 * so tests call them directly. Nothing long runs on the main loop, and SQLite is
 * never shared between threads (the store's connection is SQLITE_OPEN_NOMUTEX):
 *
 * - Importing one sync file reads, gunzips, parses and checks its checksum in a
 *   thread (sa_sync_file_read_async()), then merges on the main thread with the
 *   window's own store. The merge must go through that store: it moves the store's
 *   clock past every clock in the file, so a later "Keep This Version" is later than
 *   the value it replaces and wins at the next exchange.
 * - Exports, Sync Now and CSV import read or write the whole database, so they run in
 *   a thread on a second connection to the same file (WAL lets the window go on
 *   reading). Afterwards the window's store observes the clock that connection
 *   reached, for the same reason, and refreshes so the views show the new rows. A
 *   modal progress window keeps the person from editing meanwhile, which would only
 *   wait for the other connection's write lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-date.h"
#include "sa-ical.h"
#include "sa-sync-crypt.h"
#include "sa-sync-file.h"
#include "sa-sync-folder.h"
#include "sa-sync-keyring.h"
#include "sa-sync-passphrase.h"
#include "sa-sync-report-window.h"
#include "sa-sync-ui-private.h"
#include "sa-toast.h"

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_clear_object (&job->file);
  g_free (job->from);
  g_free (job->to);
  g_free (job->passphrase);
  g_free (job);
}

static void
folder_file_free (FolderFile *file)
{
  g_free (file->name);
  g_free (file->site_id);
  sa_import_report_clear (&file->report);
  g_clear_error (&file->error);
  g_free (file);
}

static void
result_free (Result *result)
{
  g_free (result->clock);
  g_clear_error (&result->error);
  sa_csv_report_clear (&result->csv);
  g_clear_pointer (&result->files, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* ---- operations ------------------------------------------------------------------ */

static SaStore *
op_get_store (Op *op)
{
  return sa_context_get_store (op->context);
}

/* Whether there is still a window to report to. */
gboolean
_sa_sync_ui_op_is_alive (Op *op)
{
  return !op->has_parent || op->parent != NULL;
}

static void
on_parent_destroy (Op *op)
{
  g_cancellable_cancel (op->cancellable);
}

Op *
_sa_sync_ui_op_new (GtkWindow         *parent,
                    SaContext         *context)
{
  Op *op = g_new0 (Op, 1);

  op->context = g_object_ref (context);
  op->cancellable = g_cancellable_new ();
  if (parent != NULL)
    {
      op->parent = parent;
      op->has_parent = TRUE;
      g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &op->parent);
      /* Closing the window stops its work. */
      op->destroy_id = g_signal_connect_swapped (parent, "destroy", G_CALLBACK (on_parent_destroy), op);
    }
  return op;
}

static void
op_stop_progress (Op *op)
{
  g_clear_handle_id (&op->pulse_id, g_source_remove);
  if (op->progress != NULL)
    gtk_window_destroy (g_steal_pointer (&op->progress));
}

void
_sa_sync_ui_op_free (Op *op)
{
  op_stop_progress (op);
  if (op->parent != NULL)
    {
      g_clear_signal_handler (&op->destroy_id, op->parent);
      g_object_remove_weak_pointer (G_OBJECT (op->parent), (gpointer *) &op->parent);
    }
  g_clear_object (&op->context);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->file);
  g_free (op);
}

void
_sa_sync_ui_op_toast (Op         *op,
                      const char *text)
{
  AdwToast *toast;

  if (!_sa_sync_ui_op_is_alive (op))
    return;
  toast = sa_toast_new_text (text);
  adw_toast_set_timeout (toast, 5);
  sa_toast_show (GTK_WIDGET (op->parent), toast);
}

static gboolean
pulse (gpointer user_data)
{
  gtk_progress_bar_pulse (user_data);
  return G_SOURCE_CONTINUE;
}

/* A small modal window with a moving bar and a Cancel button; the core gives no
 * fractions, so the bar pulses. */
static void
op_start_progress (Op         *op,
                   const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  op->progress = GTK_WINDOW (adw_window_new ());
  gtk_window_set_modal (op->progress, op->parent != NULL);
  gtk_window_set_transient_for (op->progress, op->parent);
  gtk_window_set_deletable (op->progress, FALSE);
  gtk_window_set_resizable (op->progress, FALSE);
  gtk_window_set_title (op->progress, text);
  gtk_window_set_default_size (op->progress, 360, -1);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (g_cancellable_cancel), op->cancellable, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), cancel);
  adw_window_set_content (ADW_WINDOW (op->progress), box);

  op->pulse_id = g_timeout_add (100, pulse, bar);
  gtk_window_present (op->progress);
}

void
_sa_sync_ui_show_error (Op           *op,
                        const char   *heading,
                        const GError *error)
{
  GtkWidget *dialog;

  if (!_sa_sync_ui_op_is_alive (op) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  dialog = adw_message_dialog_new (op->parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file's name as a person reads it. */
static char *
describe_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_filename_display_name (name);
}

/* ---- work on a second connection ----------------------------------------------- */

static void
on_folder_file (GFile                *file,
                const SaImportReport *report,
                const GError         *error,
                gpointer              user_data)
{
  GPtrArray *files = user_data;
  FolderFile *entry = g_new0 (FolderFile, 1);
  g_autofree char *name = g_file_get_basename (file);

  entry->name = g_filename_display_name (name);
  entry->site_id = sa_sync_folder_site_of_file (file);
  if (report != NULL)
    {
      entry->report = *report;
      if (report->conflicts != NULL)
        entry->report.conflicts = g_ptr_array_ref (report->conflicts);
    }
  else
    entry->error = g_error_copy (error);
  g_ptr_array_add (files, entry);
}

static void
run_job (Job           *job,
         SaStore       *store,
         Result        *result,
         GCancellable  *cancellable)
{
  GError **error = &result->error;

  switch (job->kind)
    {
    case JOB_EXPORT_SYNC:
      sa_sync_file_export_full (store, job->file, job->passphrase, cancellable, error);
      break;
    case JOB_EXPORT_CSV:
      sa_csv_export_activities (store, job->file, job->from, job->to, cancellable, error);
      break;
    case JOB_EXPORT_ICS:
      sa_ical_export_activities (store, job->file, job->from, job->to, cancellable, error);
      break;
    case JOB_IMPORT_CSV:
      sa_csv_import_activities (store, job->file, job->csv_flags, &result->csv, cancellable, error);
      break;
    case JOB_SYNC_FOLDER:
      result->files = g_ptr_array_new_with_free_func ((GDestroyNotify) folder_file_free);
      sa_sync_folder_full (store, job->file, job->passphrase, on_folder_file, result->files, NULL, cancellable, error);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  Result *result = g_new0 (Result, 1);
  g_autoptr(SaStore) store = sa_store_open (job->db_path, &result->error);

  if (store != NULL)
    {
      run_job (job, store, result, cancellable);
      /* Also after a failure: Sync Now may have imported some files first. */
      result->clock = sa_store_dup_clock (store);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) result_free);
}

static void
on_job_done (GObject      *source_object,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(Result) result = g_task_propagate_pointer (G_TASK (async_result), NULL);
  SaStore *store = op_get_store (op);

  op_stop_progress (op);
  if (result->clock != NULL && !sa_store_observe_clock (store, result->clock, NULL))
    g_warning ("Could not advance the clock to %s", result->clock);
  sa_store_refresh (store);
  op->done (op, result);
  if (op->kept)
    op->kept = FALSE;
  else
    _sa_sync_ui_op_free (op);
}

void
_sa_sync_ui_start_job (Op          *op,
                       Job         *job,
                       const char  *progress_text,
                       JobDoneFunc  done)
{
  g_autoptr(GTask) task = g_task_new (NULL, op->cancellable, on_job_done, op);

  job->db_path = g_strdup (sa_store_get_path (op_get_store (op)));
  g_task_set_source_tag (task, _sa_sync_ui_start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* The result comes back also when cancelled: the clock must still be observed. */
  g_task_set_check_cancellable (task, FALSE);
  op->done = done;
  op_start_progress (op, progress_text);
  g_task_run_in_thread (task, job_thread);
}

typedef struct
{
  Op          *op;
  Job         *job;
  const char  *progress_text;
  JobDoneFunc  done;
} Pending;

/* Without a reachable keyring no passphrase can have been kept there: the file is
 * written unencrypted, as before, and Preferences says why. */
static void
on_job_passphrase (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Pending *pending = user_data;

  pending->job->passphrase = sa_sync_keyring_lookup_finish (result, NULL);
  op_stop_progress (pending->op);
  _sa_sync_ui_start_job (pending->op, pending->job, pending->progress_text, pending->done);
  g_free (pending);
}

/* Sync files the window writes are encrypted when Preferences keep a passphrase. */
static void
start_job_with_passphrase (Op          *op,
                           Job         *job,
                           const char  *progress_text,
                           JobDoneFunc  done)
{
  Pending *pending = g_new0 (Pending, 1);

  *pending = (Pending) { op, job, progress_text, done };
  /* Shown at once, as for work that needs no keyring; _sa_sync_ui_start_job() shows it again. */
  op_start_progress (op, progress_text);
  sa_sync_keyring_lookup_async (sa_store_get_path (op_get_store (op)), NULL, on_job_passphrase, pending);
}

Job *
_sa_sync_ui_job_new (JobKind  kind,
                     GFile   *file)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->file = g_object_ref (file);
  return job;
}

/* ---- export ---------------------------------------------------------------------- */

static void
export_done (Op     *op,
             Result *result)
{
  g_autofree char *name = describe_file (op->file);
  g_autofree char *text = NULL;

  if (result->error != NULL)
    {
      _sa_sync_ui_show_error (op, _("The File Was Not Written"), result->error);
      return;
    }
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Exported to %s"), name);
  _sa_sync_ui_op_toast (op, text);
}

/**
 * sa_sync_ui_export_file:
 * @parent: (nullable): the window
 * @context: the window's context, whose store is exported
 * @file: where to write
 *
 * Writes this site's sync file in a thread, with a progress window; a failure is
 * shown in a dialog.
 */
void
sa_sync_ui_export_file (GtkWindow         *parent,
                        SaContext         *context,
                        GFile             *file)
{
  Op *op;

  g_return_if_fail (SA_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  op = _sa_sync_ui_op_new (parent, context);
  op->file = g_object_ref (file);
  start_job_with_passphrase (op, _sa_sync_ui_job_new (JOB_EXPORT_SYNC, file), _("Writing the sync file…"), export_done);
}

static void
fiscal_year_range (int    fiscal_year,
                   char **from,
                   char **to)
{
  GDate date;

  if (fiscal_year == 0)
    return;
  sa_fiscal_year_first_day (fiscal_year, &date);
  *from = sa_date_to_iso (&date);
  sa_fiscal_year_last_day (fiscal_year, &date);
  *to = sa_date_to_iso (&date);
}

/**
 * sa_sync_ui_export_activities_file:
 * @parent: (nullable): the window
 * @context: the window's context
 * @file: where to write
 * @ics: %TRUE for iCalendar, %FALSE for CSV
 * @fiscal_year: only this fiscal year's activities, or 0 for all
 *
 * Writes activity records for spreadsheets or calendar programs, in a thread.
 */
void
sa_sync_ui_export_activities_file (GtkWindow         *parent,
                                   SaContext         *context,
                                   GFile             *file,
                                   gboolean           ics,
                                   int                fiscal_year)
{
  Op *op;
  Job *job;

  g_return_if_fail (SA_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  op = _sa_sync_ui_op_new (parent, context);
  op->file = g_object_ref (file);
  job = _sa_sync_ui_job_new (ics ? JOB_EXPORT_ICS : JOB_EXPORT_CSV, file);
  fiscal_year_range (fiscal_year, &job->from, &job->to);
  _sa_sync_ui_start_job (op, job, _("Writing activity records…"), export_done);
}

/* ---- import of one sync file --------------------------------------------------- */

static void on_sync_file_read (GObject      *source_object,
                               GAsyncResult *result,
                               gpointer      user_data);

static void
read_sync_file (Op         *op,
                const char *passphrase)
{
  op_start_progress (op, _("Reading the sync file…"));
  sa_sync_file_read_full_async (op->file, passphrase, op->cancellable, on_sync_file_read, op);
}

static void
on_passphrase_given (const char *passphrase,
                     gpointer    user_data)
{
  Op *op = user_data;

  if (passphrase == NULL || !_sa_sync_ui_op_is_alive (op))
    _sa_sync_ui_op_free (op);
  else
    read_sync_file (op, passphrase);
}

static void
on_kept_passphrase (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Op *op = user_data;
  g_autofree char *passphrase = sa_sync_keyring_lookup_finish (result, NULL);

  if (!_sa_sync_ui_op_is_alive (op))
    _sa_sync_ui_op_free (op);
  else if (passphrase != NULL)
    read_sync_file (op, passphrase);
  else
    sa_sync_passphrase_ask (op->parent, op->file, FALSE, on_passphrase_given, op);
}

/* An encrypted file: first the passphrase Preferences keep, then the person's. */
static gboolean
ask_for_passphrase (Op           *op,
                    const GError *error)
{
  if (!_sa_sync_ui_op_is_alive (op) || error->domain != SA_SYNC_CRYPT_ERROR ||
      (error->code != SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE && error->code != SA_SYNC_CRYPT_ERROR_WRONG_PASSPHRASE))
    return FALSE;
  if (error->code == SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE && !op->tried_keyring)
    {
      op->tried_keyring = TRUE;
      sa_sync_keyring_lookup_async (sa_store_get_path (op_get_store (op)), op->cancellable, on_kept_passphrase, op);
      return TRUE;
    }
  sa_sync_passphrase_ask (op->parent, op->file, error->code == SA_SYNC_CRYPT_ERROR_WRONG_PASSPHRASE,
                          on_passphrase_given, op);
  return TRUE;
}

static void
on_sync_file_read (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(SaSyncFile) contents = NULL;
  g_auto(SaImportReport) report = { 0, };
  g_autoptr(GError) error = NULL;
  SaSyncReportWindow *window;
  const char *site_name;
  g_autofree char *source = NULL;

  op_stop_progress (op);
  if (!(contents = sa_sync_file_read_finish (result, &error)) && ask_for_passphrase (op, error))
    return;
  if (contents == NULL ||
      !_sa_sync_ui_op_is_alive (op) ||
      !sa_sync_file_import (contents, op_get_store (op), op->dry_run, &report, &error))
    {
      if (error != NULL)
        _sa_sync_ui_show_error (op, _("The Sync File Was Not Imported"), error);
      _sa_sync_ui_op_free (op);
      return;
    }

  site_name = sa_sync_file_get_site_name (contents);
  source = site_name && *site_name ? g_strdup (site_name) : describe_file (op->file);
  window = sa_sync_report_window_new (op->parent, op->context, op->dry_run);
  sa_sync_report_window_add_report (window, source, sa_sync_file_get_site_id (contents), site_name, &report);
  gtk_window_present (GTK_WINDOW (window));
  _sa_sync_ui_op_free (op);
}

/**
 * sa_sync_ui_import_file:
 * @parent: (nullable): the window
 * @context: the window's context; "Keep This Version" writes through its undo stack
 * @file: another site's sync file
 * @dry_run: only show what importing would do
 *
 * Reads and checks the whole file in a thread, then merges it and shows a
 * #SaSyncReportWindow. A refused file is explained in a dialog, with the line.
 */
void
sa_sync_ui_import_file (GtkWindow         *parent,
                        SaContext         *context,
                        GFile             *file,
                        gboolean           dry_run)
{
  Op *op;

  g_return_if_fail (SA_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  op = _sa_sync_ui_op_new (parent, context);
  op->file = g_object_ref (file);
  op->dry_run = dry_run;
  read_sync_file (op, NULL);
}

/* ---- Sync Now -------------------------------------------------------------------- */

static char *
site_name_for (SaStore    *store,
               const char *site_id)
{
  g_autoptr(GPtrArray) sites = sa_store_list_sites (store, NULL);

  for (guint i = 0; sites != NULL && i < sites->len; i++)
    {
      SaSiteClock *site = g_ptr_array_index (sites, i);

      if (g_strcmp0 (site->id, site_id) == 0 && site->name != NULL && *site->name)
        return g_strdup (site->name);
    }
  return NULL;
}

static void
show_folder_report (Op        *op,
                    GPtrArray *files)
{
  SaSyncReportWindow *window = sa_sync_report_window_new (op->parent, op->context, FALSE);

  for (guint i = 0; i < files->len; i++)
    {
      FolderFile *file = g_ptr_array_index (files, i);
      g_autofree char *name = site_name_for (op_get_store (op), file->site_id);

      if (file->error != NULL)
        sa_sync_report_window_add_failure (window, file->name, file->error);
      else
        sa_sync_report_window_add_report (window, name ? name : file->name, file->site_id, name, &file->report);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
sync_folder_done (Op     *op,
                  Result *result)
{
  guint n_ok = 0, n_failed = 0, n_conflicts = 0;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) sites = g_hash_table_new (g_str_hash, g_str_equal);

  if (result->error != NULL)
    {
      _sa_sync_ui_show_error (op, _("Sync Did Not Finish"), result->error);
      return;
    }
  /* A computer may bring several files (segments) in one sync. */
  for (guint i = 0; i < result->files->len; i++)
    {
      FolderFile *file = g_ptr_array_index (result->files, i);

      n_failed += file->error != NULL;
      if (file->error == NULL && g_hash_table_add (sites, file->site_id))
        n_ok++;
      n_conflicts += file->report.conflicts ? file->report.conflicts->len : 0;
    }
  if (!_sa_sync_ui_op_is_alive (op))
    return;
  if (n_failed > 0 || n_conflicts > 0)
    show_folder_report (op, result->files);
  if (n_failed > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sync file was refused",
                                         "%u sync files were refused", n_failed), n_failed);
  else if (result->files->len == 0)
    text = g_strdup (_("Synced; nothing new from other computers"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced with %u other computer",
                                         "Synced with %u other computers", n_ok), n_ok);
  _sa_sync_ui_op_toast (op, text);
}

/**
 * sa_sync_ui_sync_folder:
 * @parent: (nullable): the window
 * @context: the window's context
 * @folder: a folder all sites share
 *
 * Imports every other site's file in @folder and writes this site's own there
 * (sa_sync_folder()), in a thread. Conflicts and refused files open a
 * #SaSyncReportWindow.
 */
void
sa_sync_ui_sync_folder (GtkWindow         *parent,
                        SaContext         *context,
                        GFile             *folder)
{
  Op *op;

  g_return_if_fail (SA_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (folder));

  op = _sa_sync_ui_op_new (parent, context);
  start_job_with_passphrase (op, _sa_sync_ui_job_new (JOB_SYNC_FOLDER, folder), _("Syncing…"), sync_folder_done);
}

/**
 * sa_sync_ui_dup_folder:
 * @settings: the application's settings, a context's
 *
 * Returns: (transfer full) (nullable): the sync folder of the preferences
 */
GFile *
sa_sync_ui_dup_folder (GSettings *settings)
{
  g_autofree char *text = g_settings_get_string (settings, "sync-folder");

  return *text ? g_file_new_for_commandline_arg (text) : NULL;
}

/**
 * sa_sync_ui_set_folder:
 * @settings: the application's settings, a context's
 * @folder: (nullable): the new sync folder, or %NULL for none
 *
 * Keeps @folder in the preferences: a path where it has one, else a URI.
 */
void
sa_sync_ui_set_folder (GSettings *settings,
                       GFile     *folder)
{
  g_autofree char *text = NULL;

  if (folder != NULL && !(text = g_file_get_path (folder)))
    text = g_file_get_uri (folder);
  g_settings_set_string (settings, "sync-folder", text ? text : "");
}

