/* test-application.c: the application as a person starts it, with and without --db:
 * a database is created without asking only at the default path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "sa-application.h"
#include "sa-plan.h"
#include "sa-preferences-window.h"
#include "sa-test-gui.h"
#include "sa-window.h"

typedef struct
{
  const char *response;   /* the dialog's button to press; NULL: none expected */
  char       *heading;
  char       *body;
  gboolean    window_shown;
  gboolean    open_preferences;   /* from the application's menu, once the window shows */
  gboolean    preferences_asked;
  GtkWindow  *preferences_parent; /* the window Preferences opened over */
  gboolean    timed_out;
} Run;

static void
close_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);
      gtk_window_destroy (window);
    }
}

/* Polled from the application's main loop: answers the dialog, or notes the window
 * and closes it, which ends the run. */
static gboolean
drive (gpointer user_data)
{
  Run *run = user_data;
  GtkWidget *dialog = sa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *window = sa_test_find_toplevel (SA_TYPE_WINDOW);

  if (dialog != NULL && run->heading == NULL)
    {
      run->heading = g_strdup (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
      run->body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
      if (run->response != NULL)
        {
          GtkWidget *button = sa_test_find (dialog, sa_test_has_label, run->response);

          g_assert_nonnull (button);
          g_signal_emit_by_name (button, "clicked");
        }
      else
        close_toplevels ();
      return G_SOURCE_CONTINUE;
    }
  if (window != NULL && run->open_preferences)
    {
      GtkWidget *preferences = sa_test_find_toplevel (SA_TYPE_PREFERENCES_WINDOW);

      if (!run->preferences_asked)
        {
          run->preferences_asked = TRUE;
          g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "preferences", NULL);
        }
      if (preferences == NULL)
        return G_SOURCE_CONTINUE;
      run->preferences_parent = gtk_window_get_transient_for (GTK_WINDOW (preferences));
      run->window_shown = run->preferences_parent == GTK_WINDOW (window);
      close_toplevels ();
      return G_SOURCE_REMOVE;
    }
  if (window != NULL)
    {
      run->window_shown = TRUE;
      close_toplevels ();
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
give_up (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  close_toplevels ();
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

/* Runs the application with @db (or none) until its last window closes. */
static void
run_app (Run        *run,
         const char *db)
{
  g_autoptr(SaApplication) app = sa_application_new ();
  char *argv[] = { (char *) "sasaeai", (char *) "--db", (char *) db, NULL };
  guint drive_id = g_timeout_add (50, drive, run);
  guint give_up_id = g_timeout_add_seconds (20, give_up, run);
  int status;

  status = g_application_run (G_APPLICATION (app), db ? 3 : 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_false (run->timed_out);
  g_source_remove (give_up_id);
  if (!run->window_shown)
    g_source_remove (drive_id);
}

static void
run_clear (Run *run)
{
  g_free (run->heading);
  g_free (run->body);
}

/* A --db path that holds nothing, in a folder that does not exist either: the
 * dialog says so, and Cancel leaves no file and no folder. */
static void
test_missing_cancel (void)
{
  g_autofree char *db = sa_test_temp_db ();
  g_autofree char *temp = g_path_get_dirname (db);
  g_autofree char *dir = g_build_filename (temp, "not-mounted", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  Run run = { "_Cancel", };

  run_app (&run, path);
  g_assert_cmpstr (run.heading, ==, "No Database Found");
  g_assert_nonnull (strstr (run.body, path));
  g_assert_false (run.window_shown);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

/* Create makes the database there, with the sample plan, and opens the window. */
static void
test_missing_create (void)
{
  g_autofree char *db = sa_test_temp_db ();
  g_autofree char *temp = g_path_get_dirname (db);
  g_autofree char *dir = g_build_filename (temp, "new-folder", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  Run run = { "C_reate Database", };

  run_app (&run, path);
  g_assert_cmpstr (run.heading, ==, "No Database Found");
  g_assert_true (run.window_shown);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SaStore) store = sa_store_open (path, &error);
    g_autoptr(GPtrArray) plans = NULL;

    g_assert_no_error (error);
    g_assert_false (sa_store_get_created (store));
    plans = sa_store_list (store, &sa_plan_table, NULL, NULL, &error);
    g_assert_cmpuint (plans->len, ==, 1);
  }
  run_clear (&run);
}

/* An existing database opens without a question. */
static void
test_existing (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  SaStore *store = sa_store_create (path, &error);
  Run run = { NULL, };

  g_assert_no_error (error);
  g_object_unref (store);
  run_app (&run, path);
  g_assert_null (run.heading);
  g_assert_true (run.window_shown);
  run_clear (&run);
}

/* Preferences, from the application's menu, open over the main window, whose
 * context they change. */
static void
test_preferences (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  SaStore *store = sa_store_create (path, &error);
  Run run = { NULL, };

  g_assert_no_error (error);
  g_object_unref (store);
  run.open_preferences = TRUE;
  run_app (&run, path);
  g_assert_true (run.preferences_asked);
  g_assert_true (run.window_shown);
  run_clear (&run);
}

/* First start: the default database is made without asking. */
static void
test_default_first_start (void)
{
  g_autofree char *path = sa_store_default_path ();
  Run run = { NULL, };

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  run_app (&run, NULL);
  g_assert_null (run.heading);
  g_assert_true (run.window_shown);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("sasaeai-data-XXXXXX", NULL);

  /* Before anything asks GLib where the user's data lives. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  sa_test_gui_init (&argc, &argv);

  g_test_add_func ("/application/missing-db-cancel", test_missing_cancel);
  g_test_add_func ("/application/missing-db-create", test_missing_create);
  g_test_add_func ("/application/existing-db", test_existing);
  g_test_add_func ("/application/preferences", test_preferences);
  g_test_add_func ("/application/default-db-first-start", test_default_first_start);
  return g_test_run ();
}
