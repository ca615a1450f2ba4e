/* test-other-writers.c: the window open while sasaeai-cli processes write and read
 *
 * Four processes add activities one command at a time and a fifth lists them over
 * and over, while the window adds activities of its own through its undo stack.
 * Every record must arrive, no process and no window write may fail with "database
 * is locked", and the open window must show the other programs' records without
 * being told to look.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "sa-activity-log.h"
#include "sa-activity.h"
#include "sa-import.h"
#include "sa-test-gui.h"
#include "sa-window.h"

#define N_WRITERS     4
#define PER_WRITER    25
#define WINDOW_WRITES 20

typedef struct
{
  GSubprocess *process;
  char        *errors;
  gboolean     done;
} Child;

static void
on_child_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Child *child = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &out, &child->errors, &error);
  g_assert_no_error (error);
  child->done = TRUE;
}

/* A shell loop of CLI commands, which it finds as $0, $1 the database and $2
 * @arg; it stops at the first that fails. */
static void
start_child (Child      *child,
             const char *script,
             const char *db,
             const char *arg)
{
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SASAEAI_CLI");

  g_assert_nonnull (cli);
  child->done = FALSE;
  child->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                     "/bin/sh", "-c", script, cli, db, arg, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child->process, NULL, NULL, on_child_done, child);
}

static void
assert_child_succeeded (Child *child)
{
  g_assert_true (child->done);
  g_assert_cmpstr (child->errors, ==, "");
  g_assert_true (g_subprocess_get_successful (child->process));
  g_clear_object (&child->process);
  g_clear_pointer (&child->errors, g_free);
}

static void
add_in_window (SaUndoStack *undo_stack,
               guint        n)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autofree char *title = g_strdup_printf ("窓口で記録 %u", n);
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-06-01");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  if (!sa_undo_stack_insert (undo_stack, activity, &error))
    g_error ("The window could not add an activity: %s", error->message);
}

static char *
integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static gboolean
is_activity_log (GtkWidget  *widget,
                 const char *unused)
{
  return SA_IS_ACTIVITY_LOG (widget);
}

static void
test_window_and_cli_writers (void)
{
  const char *writer =
    "for i in $(seq " G_STRINGIFY (PER_WRITER) "); do"
    "  \"$0\" --db \"$1\" activity add --date 2012-05-20 --title \"サロン $2-$i\" --participants 10 || exit 1;"
    "done";
  const char *reader =
    "while [ ! -e \"$1.stop\" ]; do \"$0\" --db \"$1\" activity list --json > /dev/null || exit 1; done";
  g_autofree char *path = sa_test_temp_db ();
  g_autofree char *stop = g_strconcat (path, ".stop", NULL);
  g_autofree char *ok = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  Child writers[N_WRITERS] = { 0 }, list = { 0 };
  SaImportReport report;
  GtkWidget *window, *log;
  GListModel *shown;
  SaUndoStack *undo_stack;
  guint window_writes = 0, ticks = 0;
  gint64 deadline;

  g_assert_true (sa_import_sample (store, &report, &error));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  log = sa_test_find (window, is_activity_log, NULL);
  shown = sa_activity_log_get_model (SA_ACTIVITY_LOG (log));
  undo_stack = sa_activity_log_get_undo_stack (SA_ACTIVITY_LOG (log));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  start_child (&list, reader, path, "");
  for (guint w = 0; w < N_WRITERS; w++)
    {
      g_autofree char *name = g_strdup_printf ("%u", w);
      start_child (&writers[w], writer, path, name);
    }

  /* The window writes while they do, and keeps its main loop going. */
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  for (gboolean busy = TRUE; busy;)
    {
      g_assert_true (sa_test_iterate (deadline));
      if (window_writes < WINDOW_WRITES && ++ticks % 5 == 0)
        add_in_window (undo_stack, window_writes++);
      busy = window_writes < WINDOW_WRITES;
      for (guint w = 0; w < N_WRITERS; w++)
        busy |= !writers[w].done;
    }
  g_assert_true (g_file_set_contents (stop, "", 0, NULL));
  while (!list.done)
    g_main_context_iteration (NULL, TRUE);

  for (guint w = 0; w < N_WRITERS; w++)
    assert_child_succeeded (&writers[w]);
  assert_child_succeeded (&list);

  /* More after the window's last write, which made it read everything again: no one
   * tells the window to look, it sees these itself. */
  start_child (&list, writer, path, "last");
  /* Generous: under the sanitizers on a busy machine the writer alone takes seconds. */
  deadline = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (shown) < (N_WRITERS + 1) * PER_WRITER + WINDOW_WRITES)
    g_assert_true (sa_test_iterate (deadline));
  while (!list.done)
    g_main_context_iteration (NULL, TRUE);
  assert_child_succeeded (&list);
  sa_test_wait ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, (N_WRITERS + 1) * PER_WRITER + WINDOW_WRITES);
  ok = integrity (path);
  g_assert_cmpstr (ok, ==, "ok");

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);

  g_test_add_func ("/other-writers/window-and-cli", test_window_and_cli_writers);

  return g_test_run ();
}
