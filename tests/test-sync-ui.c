/* test-sync-ui.c: sync files, CSV and iCalendar from the window: the report with
 * its conflicts, the worker paths behind the file choosers, Sync Now, preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sa-hlc.h"
#include "sa-activity.h"
#include "sa-preferences-window.h"
#include "sa-sync-crypt.h"
#include "sa-sync-file.h"
#include "sa-sync-folder.h"
#include "sa-sync-segment.h"
#include "sa-sync-keyring.h"
#include "sa-sync-report-window.h"
#include "sa-site-name-dialog.h"
#include "sa-sync-ui.h"
#include "sa-test-gui.h"
#include "sa-toast.h"
#include "sa-window.h"

typedef struct
{
  char        *dir;
  SaStore     *a;           /* this computer, 泉区役所 */
  SaStore     *b;           /* another, 泉区社協 */
  SaContext   *context_a;   /* what a window on each shares */
  SaContext   *context_b;
  SaUndoStack *undo_a;      /* the contexts' */
  SaUndoStack *undo_b;
  GtkWidget   *window;      /* the parent of everything the functions open */
  AdwToastOverlay *overlay;  /* the window's */
  GPtrArray   *toasts;      /* the titles of the toasts shown */
} Fixture;

static SaStore *
open_site (Fixture    *f,
           const char *file,
           const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  g_autoptr(GError) error = NULL;
  SaStore *store = sa_store_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (sa_store_set_site_name (store, name, &error));
  return store;
}

/* Keeps the titles of the toasts that reach the fixture window's overlay; a test's
 * own SaWindow shows its toasts in its own. */
static void
on_toast (AdwToast        *toast,
          AdwToastOverlay *overlay,
          gpointer         user_data)
{
  Fixture *f = user_data;

  if (overlay == f->overlay)
    g_ptr_array_add (f->toasts, g_strdup (adw_toast_get_title (toast)));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *db = sa_test_temp_db ();

  f->dir = g_path_get_dirname (db);
  f->a = open_site (f, "a.db", "泉区役所");
  f->b = open_site (f, "b.db", "泉区社協");
  f->context_a = sa_context_new (f->a);
  f->context_b = sa_context_new (f->b);
  f->undo_a = sa_context_get_undo_stack (f->context_a);
  f->undo_b = sa_context_get_undo_stack (f->context_b);
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->window = adw_window_new ();
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->overlay));
  sa_toast_set_observer (on_toast, f);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
close_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);
      gtk_window_destroy (window);
    }
  sa_test_wait ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_toplevels ();
  sa_toast_set_observer (NULL, NULL);
  g_clear_object (&f->context_a);
  g_clear_object (&f->context_b);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_ptr_array_unref (f->toasts);
  g_free (f->dir);
}

/* Runs the main loop until @type shows, or a toast, for at most ten seconds. */
static GtkWidget *
wait_for_toplevel (Fixture *f,
                   GType    type)
{
  GtkWidget *found = NULL;

  SA_TEST_WAIT_FOR ((found = sa_test_find_toplevel (type)) != NULL);
  sa_test_wait ();
  return found;
}

static void
wait_for_toast (Fixture *f)
{
  guint before = f->toasts->len;

  SA_TEST_WAIT_FOR (f->toasts->len > before);
  g_assert_cmpuint (f->toasts->len, >, before);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static SaRecord *
add_activity (SaStore    *store,
              const char *date,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  SaRecord *activity = SA_RECORD (sa_activity_new ());

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  g_assert_true (sa_store_insert (store, activity, &error));
  g_assert_no_error (error);
  return activity;
}

static char *
title_of (SaStore    *store,
          const char *id)
{
  g_autoptr(SaRecord) record = sa_store_get (store, &sa_activity_table, id, NULL);

  g_assert_nonnull (record);
  return g_strdup (sa_record_get_text (record, SA_ACTIVITY_TITLE));
}

static void
set_title (SaStore    *store,
           const char *id,
           const char *title)
{
  g_autoptr(SaRecord) record = sa_store_get (store, &sa_activity_table, id, NULL);
  g_autoptr(GError) error = NULL;

  sa_record_set_text (record, SA_ACTIVITY_TITLE, title);
  g_assert_true (sa_store_update (store, record, &error));
}

static GFile *
export_with_core (Fixture    *f,
                  SaStore    *store,
                  const char *name)
{
  g_autofree char *path = path_in (f, name);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_sync_file_export (store, file, NULL, &error));
  return file;
}

static void
import_with_core (SaStore *store,
                  GFile   *file)
{
  g_autoptr(SaSyncFile) contents = sa_sync_file_read (file, NULL, NULL);
  g_auto(SaImportReport) report = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (contents);
  g_assert_true (sa_sync_file_import (contents, store, FALSE, &report, &error));
}

/* Every row of every table, as text, to show a database did not change. */
static char *
dump (SaStore *store)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db;
  sqlite3_stmt *tables, *rows;

  g_assert_cmpint (sqlite3_open_v2 (sa_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", sqlite3_column_text (tables, 0));

      g_string_append_printf (out, "[%s]\n", sqlite3_column_text (tables, 0));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (rows, c) ? (const char *) sqlite3_column_text (rows, c) : "NULL");
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
collect_buttons (GtkWidget  *root,
                 const char *label,
                 GPtrArray  *found)
{
  if (gtk_widget_get_mapped (root) && sa_test_has_label (root, label))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, label, found);
}

/* The "Keep This Version" buttons, this computer's side first. */
static GPtrArray *
keep_buttons (GtkWidget *window)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_buttons (window, "_Keep This Version", found);
  return found;
}

static gboolean
is_count_label (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

/* The count a report row shows, as text. */
static const char *
count_of (GtkWidget  *window,
          const char *title)
{
  GtkWidget *row = sa_test_find (window, sa_test_is_row_titled, title);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = sa_test_find (row, is_count_label, NULL);
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* SASAEAI_SCREENSHOT=DIR keeps a picture of @window there, for people to look at. */
static void
maybe_screenshot (GtkWidget  *window,
                  const char *name)
{
  const char *dir = g_getenv ("SASAEAI_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* ---- the report, and keeping a version ---------------------------------------- */

/* Both sites change one activity's title; each imports the other's file through
 * the window. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SaRecord) activity = add_activity (f->a, "2012-05-20", "ふれあいサロン");
  const char *id = sa_record_get_id (activity);
  g_autoptr(GFile) first = export_with_core (f, f->a, "first.sasaeai");
  g_autoptr(GFile) from_a = NULL, from_b = NULL, again = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *text = NULL, *title = NULL;
  GtkWidget *report;

  import_with_core (f->b, first);
  set_title (f->a, id, "ふれあいサロン中川");
  sa_hlc_advance_clock (1000);
  set_title (f->b, id, "ふれあいサロン（中川地区）");
  from_a = export_with_core (f, f->a, "a.sasaeai");
  from_b = export_with_core (f, f->b, "b.sasaeai");

  /* On 泉区役所: the later title from 泉区社協 won. */
  sa_sync_ui_import_file (GTK_WINDOW (f->window), f->context_a, from_b, FALSE);
  report = wait_for_toplevel (f, SA_TYPE_SYNC_REPORT_WINDOW);
  g_assert_nonnull (report);
  maybe_screenshot (report, "sync-report.png");
  g_assert_cmpuint (sa_sync_report_window_get_n_conflicts (SA_SYNC_REPORT_WINDOW (report)), ==, 1);
  g_assert_cmpstr (count_of (report, "Changed records"), ==, "1");
  g_assert_cmpstr (count_of (report, "New records"), ==, "0");
  g_assert_cmpstr (count_of (report, "Deleted records"), ==, "0");
  text = sa_test_collect_text (report);
  g_assert_nonnull (strstr (text, "Activity “ふれあいサロン（中川地区）”, 2012-05-20: Title"));
  g_assert_nonnull (strstr (text, "On this computer\nふれあいサロン中川\nChanged by 泉区役所 on "));
  g_assert_nonnull (strstr (text, "Kept in history"));
  g_assert_nonnull (strstr (text, "In the file from 泉区社協\nふれあいサロン（中川地区）\nChanged by 泉区社協 on "));
  g_assert_nonnull (strstr (text, "In use now"));
  g_assert_null (strstr (text, "No Conflicts"));

  /* Keeping this computer's title, which lost, writes it again as a new edit. */
  buttons = keep_buttons (report);
  g_assert_cmpuint (buttons->len, ==, 2);
  g_assert_false (sa_undo_stack_get_can_undo (f->undo_a));
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  sa_test_wait ();
  title = title_of (f->a, id);
  g_assert_cmpstr (title, ==, "ふれあいサロン中川");
  g_assert_true (sa_undo_stack_get_can_undo (f->undo_a));
  g_clear_pointer (&text, g_free);
  text = sa_test_collect_text (report);
  g_assert_nonnull (strstr (text, "Kept\n"));
  g_assert_nonnull (strstr (text, "Replaced; kept in history"));
  g_ptr_array_unref (buttons);
  buttons = keep_buttons (report);
  g_assert_cmpuint (buttons->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (report));

  /* On 泉区社協 its own title won; keeping it writes nothing. */
  sa_sync_ui_import_file (GTK_WINDOW (f->window), f->context_b, from_a, FALSE);
  report = wait_for_toplevel (f, SA_TYPE_SYNC_REPORT_WINDOW);
  g_assert_nonnull (report);
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = keep_buttons (report);
  g_assert_cmpuint (buttons->len, ==, 2);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  sa_test_wait ();
  g_assert_false (sa_undo_stack_get_can_undo (f->undo_b));
  g_clear_pointer (&title, g_free);
  title = title_of (f->b, id);
  g_assert_cmpstr (title, ==, "ふれあいサロン（中川地区）");
  gtk_window_destroy (GTK_WINDOW (report));

  /* At the next exchange the kept title wins on both computers. */
  again = export_with_core (f, f->a, "again.sasaeai");
  import_with_core (f->b, again);
  g_clear_pointer (&title, g_free);
  title = title_of (f->b, id);
  g_assert_cmpstr (title, ==, "ふれあいサロン中川");
  g_clear_object (&again);
  again = export_with_core (f, f->b, "again-b.sasaeai");
  import_with_core (f->a, again);
  g_clear_pointer (&title, g_free);
  title = title_of (f->a, id);
  g_assert_cmpstr (title, ==, "ふれあいサロン中川");
}

/* A preview of a file without conflicts: the counts, the empty state, and nothing
 * written. */
static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SaRecord) one = add_activity (f->b, "2012-05-20", "ふれあいサロン");
  g_autoptr(SaRecord) two = add_activity (f->b, "2012-06-01", "子育てサロン");
  g_autoptr(GFile) file = export_with_core (f, f->b, "b.sasaeai");
  g_autofree char *before = dump (f->a);
  g_autofree char *after = NULL, *text = NULL;
  GtkWidget *report;

  sa_sync_ui_import_file (GTK_WINDOW (f->window), f->context_a, file, TRUE);
  report = wait_for_toplevel (f, SA_TYPE_SYNC_REPORT_WINDOW);
  g_assert_nonnull (report);
  maybe_screenshot (report, "sync-preview.png");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (report)), ==, "Sync File Preview");
  g_assert_cmpstr (count_of (report, "New records"), ==, "2");
  g_assert_cmpstr (count_of (report, "Changed records"), ==, "0");
  text = sa_test_collect_text (report);
  g_assert_nonnull (strstr (text, "No Conflicts\nNo field was changed on both computers"));
  g_assert_null (strstr (text, "Conflicts\n1 field"));
  after = dump (f->a);
  g_assert_cmpstr (before, ==, after);
}

/* Opens @file through the window, as a preview or an import, and returns the report's
 * counts and conflicts as one line. */
static char *
report_through_window (Fixture     *f,
                       SaContext   *context,
                       GFile       *file,
                       gboolean     dry_run)
{
  GtkWidget *report;
  char *counts;

  sa_sync_ui_import_file (GTK_WINDOW (f->window), context, file, dry_run);
  report = wait_for_toplevel (f, SA_TYPE_SYNC_REPORT_WINDOW);
  g_assert_nonnull (report);
  counts = g_strdup_printf ("added %s, updated %s, deleted %s, unchanged %s, conflicts %u",
                            count_of (report, "New records"), count_of (report, "Changed records"),
                            count_of (report, "Deleted records"), count_of (report, "Records already up to date"),
                            sa_sync_report_window_get_n_conflicts (SA_SYNC_REPORT_WINDOW (report)));
  gtk_window_destroy (GTK_WINDOW (report));
  sa_test_wait ();
  return counts;
}

/* Both computers changed the same title since their last exchange, this one later;
 * the other also added and deleted records. The preview tells exactly what the
 * import then does, conflict included. */
static void
test_preview_matches_import (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SaRecord) shared = add_activity (f->a, "2012-05-20", "ふれあいサロン");
  g_autoptr(SaRecord) gone = add_activity (f->a, "2012-05-21", "健康体操");
  g_autoptr(SaRecord) added = NULL;
  g_autoptr(GFile) first = export_with_core (f, f->a, "first.sasaeai");
  g_autoptr(GFile) from_b = NULL;
  g_autofree char *preview = NULL, *imported = NULL;
  g_autoptr(GError) error = NULL;

  import_with_core (f->b, first);
  set_title (f->b, sa_record_get_id (shared), "ふれあいサロン（中川地区）");
  g_assert_true (sa_store_set_deleted (f->b, &sa_activity_table, sa_record_get_id (gone), TRUE, &error));
  added = add_activity (f->b, "2012-06-01", "子育てサロン");
  sa_hlc_advance_clock (1000);
  {
    g_autoptr(SaRecord) edited = sa_store_get (f->a, &sa_activity_table, sa_record_get_id (shared), NULL);
    sa_record_set_text (edited, SA_ACTIVITY_TITLE, "ふれあいサロン中川");
    g_assert_true (sa_undo_stack_update (f->undo_a, edited, &error));
  }
  from_b = export_with_core (f, f->b, "b.sasaeai");

  g_free (report_through_window (f, f->context_a, from_b, TRUE));
  preview = report_through_window (f, f->context_a, from_b, TRUE);
  imported = report_through_window (f, f->context_a, from_b, FALSE);
  g_assert_cmpstr (imported, ==, "added 1, updated 0, deleted 1, unchanged 1, conflicts 1");
  g_assert_cmpstr (preview, ==, imported);
}

/* What a program of its own, as `sasaeai-cli import-sync --dry-run`, says of @file. */
static char *
report_of_fresh_process (SaStore *store,
                         GFile   *file)
{
  g_autoptr(SaStore) fresh = sa_store_open (sa_store_get_path (store), NULL);
  g_autoptr(SaSyncFile) contents = sa_sync_file_read (file, NULL, NULL);
  g_auto(SaImportReport) report = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (fresh);
  g_assert_nonnull (contents);
  g_assert_true (sa_sync_file_import (contents, fresh, TRUE, &report, &error));
  return g_strdup_printf ("updated %u, conflicts %u", report.updated,
                          report.conflicts ? report.conflicts->len : 0);
}

/* The other computer's clock runs an hour ahead (less than a day: its files are
 * taken). Previewing its file leaves this computer's clock where it was, so a title
 * typed here after the preview is dated by this computer's clock: the file's title,
 * dated later, still wins, and the window's preview says what the import does. */
static void
test_preview_leaves_clock (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SaRecord) shared = add_activity (f->a, "2012-05-20", "ふれあいサロン");
  g_autoptr(GFile) first = export_with_core (f, f->a, "first.sasaeai");
  g_autoptr(GFile) from_b = NULL;
  g_autofree char *ahead = NULL, *clock_before = NULL, *clock_after = NULL;
  g_autofree char *preview = NULL, *again = NULL, *fresh = NULL, *imported = NULL, *title = NULL;
  g_autoptr(GError) error = NULL;

  import_with_core (f->b, first);
  ahead = g_strdup_printf ("%013" G_GINT64_FORMAT "-0000-%s", g_get_real_time () / 1000 + 60 * 60 * 1000,
                           sa_store_get_site_id (f->b));
  g_assert_true (sa_store_observe_clock (f->b, ahead, &error));
  set_title (f->b, sa_record_get_id (shared), "ふれあいサロン（中川地区）");
  from_b = export_with_core (f, f->b, "b.sasaeai");

  clock_before = sa_store_dup_clock (f->a);
  preview = report_through_window (f, f->context_a, from_b, TRUE);
  g_assert_cmpstr (preview, ==, "added 0, updated 1, deleted 0, unchanged 0, conflicts 0");
  clock_after = sa_store_dup_clock (f->a);
  g_assert_cmpstr (clock_after, ==, clock_before);

  /* Then the title is changed here too, before the import. */
  {
    g_autoptr(SaRecord) edited = sa_store_get (f->a, &sa_activity_table, sa_record_get_id (shared), NULL);
    sa_record_set_text (edited, SA_ACTIVITY_TITLE, "ふれあいサロン中川");
    g_assert_true (sa_undo_stack_update (f->undo_a, edited, &error));
  }
  fresh = report_of_fresh_process (f->a, from_b);
  again = report_through_window (f, f->context_a, from_b, TRUE);
  imported = report_through_window (f, f->context_a, from_b, FALSE);
  g_assert_cmpstr (imported, ==, "added 0, updated 1, deleted 0, unchanged 0, conflicts 1");
  g_assert_cmpstr (again, ==, imported);
  g_assert_cmpstr (fresh, ==, "updated 1, conflicts 1");
  title = title_of (f->a, sa_record_get_id (shared));
  g_assert_cmpstr (title, ==, "ふれあいサロン（中川地区）");
}

/* ---- export and import through the worker paths -------------------------------- */

/* A modal window over the test's own while work runs. */
static GtkWidget *
find_progress (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (f->window) && gtk_window_get_modal (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static void
test_export_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SaRecord) activity = add_activity (f->a, "2012-05-20", "ふれあいサロン");
  g_autofree char *path = path_in (f, "泉区役所.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *title = NULL, *clock = NULL;
  GtkWidget *report;

  sa_sync_ui_export_file (GTK_WINDOW (f->window), f->context_a, file);
  /* The work runs in a thread behind a modal progress window. */
  g_assert_nonnull (find_progress (f));
  wait_for_toast (f);
  sa_test_wait ();
  g_assert_null (find_progress (f));
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 0), ==, "Exported to 泉区役所.sasaeai");
  g_assert_true (g_file_query_exists (file, NULL));

  sa_sync_ui_import_file (GTK_WINDOW (f->window), f->context_b, file, FALSE);
  report = wait_for_toplevel (f, SA_TYPE_SYNC_REPORT_WINDOW);
  g_assert_nonnull (report);
  g_assert_cmpstr (count_of (report, "New records"), ==, "1");
  title = title_of (f->b, sa_record_get_id (activity));
  g_assert_cmpstr (title, ==, "ふれあいサロン");

  /* The window's store has moved its clock past the file's. */
  clock = sa_store_dup_clock (f->b);
  g_assert_cmpstr (clock, >=, sa_record_get_hlc (activity));
}

static void
on_changed (SaStore            *store,
            const char         *table,
            const char * const *ids,
            guint              *count)
{
  (*count)++;
}

static GBytes *
gzip (const char *text)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* A refused file shows the core's own message, with its line, and changes nothing. */
static void
check_refused (Fixture    *f,
               GFile      *file,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSyncFile) contents = sa_sync_file_read (file, NULL, &error);
  g_autofree char *before = dump (f->a);
  g_autofree char *after = NULL;
  GtkWidget *dialog;

  g_assert_null (contents);
  g_assert_nonnull (strstr (error->message, expected));
  sa_sync_ui_import_file (GTK_WINDOW (f->window), f->context_a, file, FALSE);
  dialog = wait_for_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "The Sync File Was Not Imported");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, error->message);
  g_assert_null (sa_test_find_toplevel (SA_TYPE_SYNC_REPORT_WINDOW));
  after = dump (f->a);
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sa_test_wait ();
}

static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SaRecord) activity = add_activity (f->a, "2012-05-20", "ふれあいサロン");
  g_autofree char *plain = path_in (f, "plain.sasaeai");
  g_autofree char *broken = path_in (f, "broken.sasaeai");
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GBytes) bytes = gzip ("{\"format\":\"sasaeai-sync\"}\nnot json\n");

  g_assert_true (g_file_set_contents (plain, "this is not gzip\n", -1, NULL));
  check_refused (f, plain_file, "");
  g_assert_true (g_file_set_contents (broken, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  check_refused (f, broken_file, "Line 1:");
}

/* ---- Sync Now --------------------------------------------------------------------- */

static void
test_sync_now (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SaRecord) ours = add_activity (f->a, "2012-05-20", "ふれあいサロン");
  g_autoptr(SaRecord) theirs = add_activity (f->b, "2012-06-01", "子育てサロン");
  g_autofree char *folder_path = path_in (f, "shared");
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *b_name = sa_sync_file_name_for_site (sa_store_get_site_id (f->b));
  /* This site writes its changes as segments under a folder of its own. */
  g_autofree char *a_name = g_build_filename (sa_store_get_site_id (f->a), "000001.sasaeai", NULL);
  g_autoptr(GFile) b_file = g_file_get_child (folder, b_name);
  g_autoptr(GFile) a_file = g_file_resolve_relative_path (folder, a_name);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) got = NULL;
  guint changes = 0;

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_assert_true (sa_sync_file_export (f->b, b_file, NULL, &error));
  g_settings_set_string (settings, "sync-folder", folder_path);
  g_signal_connect (f->a, "changed", G_CALLBACK (on_changed), &changes);

  sa_sync_ui_sync_now (GTK_WINDOW (f->window), f->context_a);
  wait_for_toast (f);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 0), ==, "Synced with 1 other computer");
  g_assert_null (sa_test_find_toplevel (SA_TYPE_SYNC_REPORT_WINDOW));
  g_signal_handlers_disconnect_by_data (f->a, &changes);
  g_assert_cmpuint (changes, >, 0);

  /* Theirs is here, ours is in the folder, and the window was told. */
  got = sa_store_get (f->a, &sa_activity_table, sa_record_get_id (theirs), &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_true (g_file_query_exists (a_file, NULL));
  import_with_core (f->b, a_file);
  g_clear_object (&got);
  got = sa_store_get (f->b, &sa_activity_table, sa_record_get_id (ours), &error);
  g_assert_nonnull (got);
}

/* The first sync of a site still named after the computer asks for the office's
 * name, offering the host name; the name is stored as the site's and goes into its
 * sync file; the next sync does not ask. */
static void
test_first_sync_asks_for_name (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *db = path_in (f, "new.db");
  g_autofree char *folder_path = path_in (f, "shared");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (db, &error);
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *file_path = NULL;
  g_autoptr(SaSyncFile) contents = NULL;
  g_autoptr(SaRecord) activity = NULL;
  GtkWidget *window, *dialog, *entry;

  g_assert_no_error (error);
  name = sa_store_dup_site_name (store);
  g_assert_cmpstr (name, ==, g_get_host_name ());
  /* Something of this office's own, for its first segment to carry. */
  activity = add_activity (store, "2012-05-20", "ふれあいサロン");
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_settings_set_string (settings, "sync-folder", folder_path);
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();

  g_assert_true (gtk_widget_activate_action (window, "win.sync-now", NULL));
  dialog = wait_for_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Name This Office");
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, g_get_host_name ());
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), entry) ||
                 gtk_root_get_focus (GTK_ROOT (dialog)) == entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "泉区役所");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_clear_pointer (&name, g_free);
  name = sa_store_dup_site_name (store);
  g_assert_cmpstr (name, ==, "泉区役所");

  /* The sync went on, and its first segment carries the name. */
  file_name = sa_sync_segment_name (1);
  file_path = g_build_filename (folder_path, sa_store_get_site_id (store), file_name, NULL);
  for (guint i = 0; i < 50 && !g_file_test (file_path, G_FILE_TEST_EXISTS); i++)
    sa_test_wait ();
  sa_test_wait ();
  {
    g_autoptr(GFile) file = g_file_new_for_path (file_path);

    contents = sa_sync_file_read (file, NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (sa_sync_file_get_site_name (contents), ==, "泉区役所");
  close_toplevels ();

  /* Once named, the office is not asked again, even under the host name. */
  g_assert_true (sa_store_set_site_name (store, g_get_host_name (), &error));
  {
    g_autoptr(SaContext) context = sa_context_new (store);

    g_assert_false (sa_site_name_dialog_needed (context));
  }
  g_settings_reset (settings, "sync-folder");
  g_settings_reset (settings, "named-sites");
}

/* A refused file in the folder is listed in the report; the others still import. */
static void
test_sync_folder_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *folder_path = path_in (f, "shared");
  g_autofree char *bad_path = g_build_filename (folder_path, "broken.sasaeai", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *text = NULL;
  GtkWidget *report;

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad_path, "not gzip", -1, NULL));
  sa_sync_ui_sync_folder (GTK_WINDOW (f->window), f->context_a, folder);
  report = wait_for_toplevel (f, SA_TYPE_SYNC_REPORT_WINDOW);
  g_assert_nonnull (report);
  text = sa_test_collect_text (report);
  g_assert_nonnull (strstr (text, "broken.sasaeai\nThis file was refused; nothing in it was imported.\n"));
  /* The toast came with the report. */
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 0), ==, "1 sync file was refused");
}

/* ---- CSV and iCalendar -------------------------------------------------------------- */

static char *
read_text (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static void
test_csv_ics (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SaRecord) one = add_activity (f->a, "2012-05-20", "ふれあいサロン");
  g_autoptr(SaRecord) two = add_activity (f->a, "2013-05-20", "子育てサロン");
  g_autofree char *csv_path = path_in (f, "log.csv");
  g_autofree char *ics_path = path_in (f, "log.ics");
  g_autofree char *bad_path = path_in (f, "bad.csv");
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *csv_text = NULL, *ics_text = NULL, *before = NULL, *after = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GtkWidget *dialog;

  /* Only fiscal year 2012. */
  sa_sync_ui_export_activities_file (GTK_WINDOW (f->window), f->context_a, csv, FALSE, 2012);
  wait_for_toast (f);
  csv_text = read_text (csv);
  g_assert_nonnull (strstr (csv_text, "ふれあいサロン"));
  g_assert_null (strstr (csv_text, "子育てサロン"));

  /* All years. */
  sa_sync_ui_export_activities_file (GTK_WINDOW (f->window), f->context_a, ics, TRUE, 0);
  wait_for_toast (f);
  ics_text = read_text (ics);
  g_assert_true (g_str_has_prefix (ics_text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (ics_text, "子育てサロン"));

  /* Into the other computer, and a file with a wrong line: all or nothing. */
  sa_sync_ui_import_csv_file (GTK_WINDOW (f->window), f->context_b, csv);
  wait_for_toast (f);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 2), ==, "Imported: 1 new activity, 0 changed, 0 unchanged");
  listed = sa_store_list_activities (f->b, NULL, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 1);

  g_assert_true (g_file_set_contents (bad_path, "date,title,participants\n2012-05-20,サロン,3\n2012-02-30,サロン,x\n", -1, NULL));
  before = dump (f->b);
  sa_sync_ui_import_csv_file (GTK_WINDOW (f->window), f->context_b, bad);
  dialog = wait_for_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "The CSV File Was Not Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "nothing was imported"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Line 3: "));
  after = dump (f->b);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
is_check_labelled (GtkWidget  *widget,
                   const char *text)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), text) == 0;
}

/* Imports @file into b; when the dialog about left-out lines shows, ticks @check
 * (if any), presses @response and returns the dialog's text. */
static char *
import_csv_answering (Fixture    *f,
                      GFile      *file,
                      const char *check,
                      const char *response)
{
  GtkWidget *dialog, *button;
  char *body;

  sa_sync_ui_import_csv_file (GTK_WINDOW (f->window), f->context_b, file);
  dialog = wait_for_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Import the Other Lines?");
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  if (check != NULL)
    {
      GtkWidget *box = sa_test_find (dialog, is_check_labelled, check);

      g_assert_nonnull (box);
      gtk_widget_activate (box);
    }
  button = sa_test_find (dialog, sa_test_has_label, response);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  return body;
}

static guint
count_activities (SaStore *store)
{
  g_autoptr(GPtrArray) listed = sa_store_list_activities (store, NULL, NULL, NULL);

  return listed->len;
}

/* The same sheet twice: the window says which lines it would skip before it writes,
 * skips them, or imports them too if asked. */
static void
test_csv_twice (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = path_in (f, "sheet.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *body = NULL, *cancelled = NULL, *before = NULL, *after = NULL;

  g_assert_true (g_file_set_contents (path, "date,title\n2012-05-20,サロン\n2012-05-21,体操\n", -1, NULL));
  sa_sync_ui_import_csv_file (GTK_WINDOW (f->window), f->context_b, file);
  wait_for_toast (f);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 0), ==, "Imported: 2 new activities, 0 changed, 0 unchanged");

  /* Cancel writes nothing. */
  before = dump (f->b);
  cancelled = import_csv_answering (f, file, NULL, "_Cancel");
  sa_test_wait ();
  after = dump (f->b);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (f->toasts->len, ==, 1);

  body = import_csv_answering (f, file, NULL, "_Import");
  g_assert_cmpstr (body, ==, "2 lines match activities already stored (lines 2–3) and will be skipped.");
  wait_for_toast (f);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 1), ==,
                   "Imported: 0 new activities, 0 changed, 0 unchanged; 2 skipped as already stored");
  g_assert_cmpuint (count_activities (f->b), ==, 2);

  g_free (import_csv_answering (f, file, "Import _duplicates too", "_Import"));
  wait_for_toast (f);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 2), ==, "Imported: 2 new activities, 0 changed, 0 unchanged");
  g_assert_cmpuint (count_activities (f->b), ==, 4);
}

/* A line that changes a deleted activity says so, and brings it back if asked. */
static void
test_csv_deleted (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SaRecord) gone = add_activity (f->b, "2012-05-20", "サロン");
  g_autofree char *path = path_in (f, "edit.csv");
  g_autofree char *text = g_strdup_printf ("id,date,title\n%s,2012-05-20,ふれあいサロン\n", sa_record_get_id (gone));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) stored = NULL;
  g_autofree char *body = NULL, *title = NULL;

  g_assert_true (sa_store_set_deleted (f->b, &sa_activity_table, sa_record_get_id (gone), TRUE, &error));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  body = import_csv_answering (f, file, NULL, "_Import");
  g_assert_cmpstr (body, ==, "1 line changes an activity that was deleted (line 2); it will be left as it is.");
  wait_for_toast (f);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 0), ==,
                   "Imported: 0 new activities, 0 changed, 0 unchanged; 1 deleted left as it was");
  stored = sa_store_get (f->b, &sa_activity_table, sa_record_get_id (gone), &error);
  g_assert_true (sa_record_get_deleted (stored));
  g_clear_object (&stored);

  g_free (import_csv_answering (f, file, "_Bring deleted activities back", "_Import"));
  wait_for_toast (f);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 1), ==,
                   "Imported: 0 new activities, 0 changed, 0 unchanged; 1 deleted activity restored");
  stored = sa_store_get (f->b, &sa_activity_table, sa_record_get_id (gone), &error);
  g_assert_false (sa_record_get_deleted (stored));
  title = title_of (f->b, sa_record_get_id (gone));
  g_assert_cmpstr (title, ==, "ふれあいサロン");
}

/* Lines with contact details are imported, then named in a warning. */
static void
test_csv_contact_details (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = path_in (f, "contacts.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path, "date,title,notes\n2012-05-20,サロン,\n"
                                      "2012-05-21,体操,連絡先 090-1234-5678\n", -1, NULL));
  sa_sync_ui_import_csv_file (GTK_WINDOW (f->window), f->context_b, file);
  dialog = wait_for_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Contact Details in the Imported Records");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Line 3 looks like"));
  g_assert_cmpuint (count_activities (f->b), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- preferences ---------------------------------------------------------------- */

static void
test_preferences_folder (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  g_autofree char *folder = path_in (f, "shared");
  GtkWidget *window = GTK_WIDGET (sa_preferences_window_new (GTK_WINDOW (f->window), f->context_a));
  GtkWidget *row, *clear;

  g_settings_set_string (settings, "sync-folder", "");
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  row = sa_test_find (window, sa_test_is_row_titled, "Sync Folder");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "None chosen");
  clear = sa_test_find (window, sa_test_has_tooltip, "Use no sync folder");
  g_assert_false (gtk_widget_get_sensitive (clear));

  g_settings_set_string (settings, "sync-folder", folder);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, folder);
  g_assert_true (gtk_widget_get_sensitive (clear));

  sa_test_click (window, "Use no sync folder");
  {
    g_autofree char *cleared = g_settings_get_string (settings, "sync-folder");
    g_assert_cmpstr (cleared, ==, "");
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "None chosen");
}

/* ---- encrypted sync files ----------------------------------------------------------- */

static void
on_keyring_done (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (sa_sync_keyring_store_finish (result, NULL));
  *done = TRUE;
}

static void
keep_passphrase (SaStore    *store,
                 const char *passphrase)
{
  gboolean done = FALSE;

  sa_sync_keyring_store_async (sa_store_get_path (store), passphrase, NULL, on_keyring_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
file_is_sealed (GFile *file)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_load_contents (file, NULL, &data, &length, NULL, NULL));
  g_assert_null (g_strstr_len (data, (gssize) length, "秘密のサロン"));
  return sa_sync_crypt_is_sealed (data, length);
}

/* Waits for a message dialog with @heading, other than @not_this. */
static GtkWidget *
wait_for_dialog (const char *heading,
                 GtkWidget  *not_this)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (g_get_monotonic_time () < end)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) dialog = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (dialog) && dialog != not_this && gtk_widget_get_visible (dialog) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), heading) == 0)
            {
              sa_test_wait ();
              return dialog;
            }
        }
      g_main_context_iteration (NULL, FALSE);
    }
  return NULL;
}

static void
answer (GtkWidget  *dialog,
        const char *passphrase)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));

  g_assert_true (GTK_IS_PASSWORD_ENTRY (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open"));
  gtk_editable_set_text (GTK_EDITABLE (entry), passphrase);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open"));
  /* Enter in the entry opens, as a person would press it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (entry, "activate");
  sa_test_wait ();
  g_assert_null (dialog);
}

/* The window writes an encrypted file when Preferences keep a passphrase; the other
 * computer, which keeps none, asks for it, says when it is wrong, and imports with
 * the right one. */
static void
test_encrypted_export_import (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SaRecord) activity = add_activity (f->a, "2012-05-20", "秘密のサロン");
  g_autofree char *path = path_in (f, "sealed.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *title = NULL;
  GtkWidget *dialog, *wrong, *report;

  keep_passphrase (f->a, "みんなの合言葉");
  sa_sync_ui_export_file (GTK_WINDOW (f->window), f->context_a, file);
  wait_for_toast (f);
  g_assert_true (file_is_sealed (file));

  before = dump (f->b);
  sa_sync_ui_import_file (GTK_WINDOW (f->window), f->context_b, file, FALSE);
  dialog = wait_for_dialog ("Passphrase Needed", NULL);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“sealed.sasaeai” is encrypted"));
  answer (dialog, "みんなの合言葉?");
  wrong = wait_for_dialog ("Wrong Passphrase", NULL);
  g_assert_nonnull (wrong);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (wrong)), "does not open"));
  after = dump (f->b);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (sa_test_find_toplevel (SA_TYPE_SYNC_REPORT_WINDOW));

  answer (wrong, "みんなの合言葉");
  report = wait_for_toplevel (f, SA_TYPE_SYNC_REPORT_WINDOW);
  g_assert_nonnull (report);
  title = title_of (f->b, sa_record_get_id (activity));
  g_assert_cmpstr (title, ==, "秘密のサロン");
}

/* Cancelling the question imports nothing and shows no error. */
static void
test_encrypted_cancelled (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SaRecord) activity = add_activity (f->a, "2012-05-20", "秘密のサロン");
  g_autofree char *path = path_in (f, "sealed.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->b);
  g_autofree char *after = NULL;
  GtkWidget *dialog;

  g_assert_true (sa_sync_file_export_full (f->a, file, "secret", NULL, &error));
  sa_sync_ui_import_file (GTK_WINDOW (f->window), f->context_b, file, FALSE);
  dialog = wait_for_dialog ("Passphrase Needed", NULL);
  g_assert_nonnull (dialog);
  /* Esc, or the window's close button */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  SA_TEST_WAIT_FOR (dialog == NULL);
  sa_test_wait ();
  g_assert_null (dialog);
  g_assert_null (sa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (sa_test_find_toplevel (SA_TYPE_SYNC_REPORT_WINDOW));
  after = dump (f->b);
  g_assert_cmpstr (before, ==, after);
}

/* The file's passphrase kept for this database opens the file without a question. */
static void
test_encrypted_kept_passphrase (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SaRecord) activity = add_activity (f->a, "2012-05-20", "秘密のサロン");
  g_autofree char *path = path_in (f, "sealed.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_sync_file_export_full (f->a, file, "secret", NULL, &error));
  keep_passphrase (f->b, "secret");
  sa_sync_ui_import_file (GTK_WINDOW (f->window), f->context_b, file, FALSE);
  g_assert_nonnull (wait_for_toplevel (f, SA_TYPE_SYNC_REPORT_WINDOW));
  g_assert_null (sa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
is_password_row (GtkWidget  *widget,
                 const char *text)
{
  return ADW_IS_PASSWORD_ENTRY_ROW (widget);
}

/* Preferences → Encryption keeps the passphrase; exports then encrypt, and an empty
 * one goes back to plain files. */
static void
test_preferences_passphrase (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (sa_preferences_window_new (GTK_WINDOW (f->window), f->context_a));
  g_autoptr(SaRecord) activity = add_activity (f->a, "2012-05-20", "秘密のサロン");
  g_autofree char *path = path_in (f, "a.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *row, *group;

  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  row = sa_test_find (window, is_password_row, NULL);
  g_assert_nonnull (row);
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "No passphrase"));

  gtk_editable_set_text (GTK_EDITABLE (row), "合言葉");
  g_signal_emit_by_name (row, "apply");
  sa_test_wait ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "encrypted with"));
  sa_sync_ui_export_file (GTK_WINDOW (f->window), f->context_a, file);
  wait_for_toast (f);
  g_assert_true (file_is_sealed (file));

  g_signal_emit_by_name (row, "apply");
  sa_test_wait ();
  sa_sync_ui_export_file (GTK_WINDOW (f->window), f->context_a, file);
  wait_for_toast (f);
  g_assert_false (file_is_sealed (file));
}

/* Without a keyring (no secret service on the session bus), Preferences say so and
 * the window still writes sync files, unencrypted. */
static void
test_no_keyring (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *saved = g_strdup (g_getenv ("SASAEAI_KEYRING"));
  g_autofree char *path = path_in (f, "a.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window, *row, *group;
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  const char *description;

  g_unsetenv ("SASAEAI_KEYRING");
  window = GTK_WIDGET (sa_preferences_window_new (GTK_WINDOW (f->window), f->context_a));
  gtk_window_present (GTK_WINDOW (window));
  row = sa_test_find (window, is_password_row, NULL);
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  do
    {
      g_main_context_iteration (NULL, FALSE);
      description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
    }
  while (strstr (description, "keyring could not be reached") == NULL && g_get_monotonic_time () < end);
  g_assert_nonnull (strstr (description, "The keyring could not be reached: "));

  sa_sync_ui_export_file (GTK_WINDOW (f->window), f->context_a, file);
  wait_for_toast (f);
  g_setenv ("SASAEAI_KEYRING", saved, TRUE);
  g_assert_false (file_is_sealed (file));
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/sync-ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("conflict", test_conflict);
  ADD ("preview", test_preview);
  ADD ("preview-matches-import", test_preview_matches_import);
  ADD ("preview-leaves-clock", test_preview_leaves_clock);
  ADD ("export-import", test_export_import);
  ADD ("bad-file", test_bad_file);
  ADD ("sync-now", test_sync_now);
  ADD ("first-sync-asks-for-name", test_first_sync_asks_for_name);
  ADD ("sync-folder-refused", test_sync_folder_refused);
  ADD ("csv-ics", test_csv_ics);
  ADD ("csv-twice", test_csv_twice);
  ADD ("csv-deleted", test_csv_deleted);
  ADD ("csv-contact-details", test_csv_contact_details);
  ADD ("preferences-folder", test_preferences_folder);
  ADD ("encrypted-export-import", test_encrypted_export_import);
  ADD ("encrypted-cancelled", test_encrypted_cancelled);
  ADD ("encrypted-kept-passphrase", test_encrypted_kept_passphrase);
  ADD ("preferences-passphrase", test_preferences_passphrase);
  ADD ("no-keyring", test_no_keyring);
#undef ADD
  return g_test_run ();
}
