/* test-file-dialogs.c: no file dialog of the window makes the window's writes vanish
 *
 * For each file dialog the window opens: the dialog opens in the folder that holds the
 * database and reads plan.db, plan.db-wal and plan.db-shm to show their type; it is
 * cancelled; sasaeai-cli then reads the same database; the window records an
 * activity. sasaeai-cli must list it, and the database must still have it after the
 * window closes. (A dialog closing its own descriptor of the database used to drop
 * the window's locks, and the CLI, believing itself alone, deleted the -wal the
 * window went on writing to.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "sa-activity-log.h"
#include "sa-activity.h"
#include "sa-import.h"
#include "sa-preferences-window.h"
#include "sa-report-window.h"
#include "sa-test-gui.h"
#include "sa-window.h"

#define TITLE "ダイアログの後の記録"

typedef struct
{
  const char *name;
  const char *action;      /* a window action that opens the dialog */
  const char *message;     /* a message dialog's response before it, if any */
  gboolean    preferences; /* the preferences' sync folder button opens it */
  gboolean    report;      /* Activity Totals, which the action opens, exports */
} Dialog;

static const Dialog dialogs[] = {
  { "export-pdf", "win.export-pdf" },
  { "export-sync", "win.export-sync" },
  { "import-sync", "win.import-sync" },
  { "preview-sync", "win.preview-sync" },
  { "export-csv", "win.export-csv" },
  { "import-csv", "win.import-csv" },
  { "export-ics", "win.export-ics" },
  { "sync-now-folder", "win.sync-now", "choose" },
  { "preferences-sync-folder", NULL, NULL, TRUE },
  { "report-csv", "win.report", NULL, FALSE, TRUE },
};

static gboolean
is_activity_log (GtkWidget  *widget,
                 const char *unused)
{
  return SA_IS_ACTIVITY_LOG (widget);
}

/* Names of the files in the watched folder that something opened only to read and
 * closed since the last call: what the chooser sniffed. SQLite opens its files for
 * writing. */
static void
collect_sniffed (int         inotify_fd,
                 GHashTable *sniffed)
{
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  ssize_t length;

  while ((length = read (inotify_fd, buffer, sizeof buffer)) > 0)
    for (char *p = buffer; p < buffer + length;)
      {
        const struct inotify_event *event = (const struct inotify_event *) p;

        if (event->len > 0)
          g_hash_table_add (sniffed, g_strdup (event->name));
        p += sizeof (struct inotify_event) + event->len;
      }
  g_assert_true (length < 0 && errno == EAGAIN);
}

/* Lets the chooser list the folder until it has read the database and its -wal and
 * -shm files, as it does to show their type. */
static void
wait_until_sniffed (int inotify_fd)
{
  g_autoptr(GHashTable) sniffed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (!g_hash_table_contains (sniffed, "plan.db") ||
         !g_hash_table_contains (sniffed, "plan.db-wal") ||
         !g_hash_table_contains (sniffed, "plan.db-shm"))
    {
      g_assert_true (sa_test_iterate (deadline));
      collect_sniffed (inotify_fd, sniffed);
    }
}

/* Returns: (nullable): the preferences or Activity Totals window, when the dialog is
 * opened from it */
static GtkWidget *
open_dialog (const Dialog *dialog,
             GtkWidget    *window)
{
  GtkWidget *preferences;

  if (dialog->preferences)
    {
      preferences = GTK_WIDGET (sa_preferences_window_new (GTK_WINDOW (window),
                                                             sa_window_get_context (SA_WINDOW (window))));
      gtk_window_present (GTK_WINDOW (preferences));
      sa_test_wait ();
      sa_test_click (preferences, "Choose the sync folder");
      return preferences;
    }
  g_assert_true (gtk_widget_activate_action (window, dialog->action, NULL));
  if (dialog->report)
    {
      GtkWidget *report = sa_test_wait_for_toplevel (SA_TYPE_REPORT_WINDOW);
      g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
      g_autoptr(GError) error = NULL;
      const char *links[] = { NULL };

      /* A year with an activity: an empty one has nothing to export. */
      sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-01");
      sa_record_set_text (activity, SA_ACTIVITY_TITLE, "集計");
      g_assert_true (sa_store_add_activity (sa_window_get_store (SA_WINDOW (window)), activity, links, &error));
      g_assert_no_error (error);
      sa_report_window_show_year (SA_REPORT_WINDOW (report), 2012, SA_REPORT_BY_MONTH);
      sa_test_wait ();
      g_assert_true (gtk_widget_activate_action (report, "report.export-csv", NULL));
      return report;
    }
  if (dialog->message != NULL)
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (sa_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                                 dialog->message);
  return NULL;
}

/* Returns: (transfer full): what `sasaeai-cli --db PATH activity list` prints */
static char *
list_with_cli (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  const char *cli_path = g_getenv ("SASAEAI_CLI");
  char *out = NULL;

  g_assert_nonnull (cli_path);
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                          cli_path, "--db", path, "activity", "list", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (cli));
  return out;
}

static void
record_in_window (GtkWidget *window)
{
  GtkWidget *log = sa_test_find (window, is_activity_log, NULL);
  SaUndoStack *undo_stack = sa_activity_log_get_undo_stack (SA_ACTIVITY_LOG (log));
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2026-04-10");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, TITLE);
  g_assert_true (sa_undo_stack_insert (undo_stack, activity, &error));
  g_assert_no_error (error);
}

static guint
count_recorded (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  rows = sa_store_list (store, &sa_activity_table, "title", TITLE, &error);
  g_assert_no_error (error);
  return rows->len;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_dialog_keeps_writes (gconstpointer data)
{
  const Dialog *dialog = data;
  g_autofree char *path = sa_test_temp_db ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *listed = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) shown = NULL;
  g_autoptr(GError) error = NULL;
  SaStore *store = sa_store_create (path, &error);
  SaImportReport report;
  GtkWidget *window, *preferences, *chooser;
  GStatBuf before, after;
  int inotify_fd;

  g_assert_no_error (error);
  g_assert_true (sa_import_sample (store, &report, &error));
  /* Named already: the first sync would ask for the office's name first. */
  g_assert_true (sa_store_set_site_name (store, "泉区役所", &error));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  g_object_unref (store);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  g_assert_cmpint (g_stat (wal, &before), ==, 0);

  inotify_fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (inotify_fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (inotify_fd, dir, IN_CLOSE_NOWRITE), >=, 0);

  /* The dialog opens in the database's folder, where the office keeps the files it
   * exchanges. */
  preferences = open_dialog (dialog, window);
  chooser = sa_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  sa_test_wait ();
  shown = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (shown);
  g_assert_true (g_file_equal (shown, folder));
  wait_until_sniffed (inotify_fd);
  close (inotify_fd);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  sa_test_wait ();
  g_assert_null (sa_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  if (preferences != NULL)
    gtk_window_destroy (GTK_WINDOW (preferences));

  /* Another program uses the database; it must see that the window has it open,
   * and leave the -wal alone. */
  g_free (list_with_cli (path));
  g_assert_cmpint (g_stat (wal, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);

  /* What the window records next reaches the database: other programs read it even
   * before the window closes (the application leaves its connection for the system
   * to close when it quits), and so does the window's next start. */
  record_in_window (window);
  listed = list_with_cli (path);
  g_assert_nonnull (strstr (listed, TITLE));
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
  g_assert_cmpuint (count_recorded (path), ==, 1);
  remove_folder (dir);
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/file-dialogs/%s", dialogs[i].name);
      g_test_add_data_func (name, &dialogs[i], test_dialog_keeps_writes);
    }

  return g_test_run ();
}
