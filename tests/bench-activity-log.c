/* bench-activity-log.c: how the activity log copes with many activities
 *
 *   bench-activity-log PATH
 *   bench-activity-log --memory PATH
 *
 * PATH is a database from bench-generate. Prints what each step takes, with a plain
 * SQLite read of the same rows, a bare loop over the items' search keys and the
 * sample plan's log filling as baselines measured in the same run, and FIGURE lines (bench-figure.h) for
 * bench.py. With --memory, opens the window on PATH, waits for the log to be drawn
 * and prints the peak resident memory; bench.py runs it on an empty plan too.
 * Needs a display: run under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bench-figure.h"
#include "sa-activity-item-list.h"
#include "sa-activity-item.h"
#include "sa-store-activity-items.h"
#include "sa-test-gui.h"
#include "sa-activity-log.h"
#include "sa-activity-sort-model.h"
#include "sa-activity.h"
#include "sa-import.h"
#include "sa-window.h"
#include "sasaeai-resources.h"

static gint64 start_time;
static double start_cpu;

/* The processor time of the whole process (GTK's drawing threads too): on a machine
 * other work shares, the time on the clock stretches, and this shows what we took. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
start (void)
{
  start_time = g_get_monotonic_time ();
  start_cpu = cpu_ms ();
}

static double
elapsed_ms (void)
{
  return (g_get_monotonic_time () - start_time) / 1000.0;
}

static void
report (const char *what,
        double      ms)
{
  g_print ("%-62s %9.1f ms (processor %.1f ms)\n", what, ms, cpu_ms () - start_cpu);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, field)))
    return -1;
  return strtol (line + strlen (field) + 1, NULL, 10);
}

/* The baseline: the same columns of the same rows, read with sqlite3_step() and
 * nothing else, on a connection of its own. */
static double
plain_select (const char *path,
              guint      *n_rows)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize bytes = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  start ();
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, date, time, title, place, participants, volunteers, notes,"
                                       " organization_id, district_id FROM activity WHERE deleted = 0",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  *n_rows = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 10; i++)
        bytes += sqlite3_column_bytes (stmt, i);
      (*n_rows)++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (bytes, >, 0);
  return elapsed_ms ();
}

static GtkWidget *
find (GtkWidget  *widget,
      const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, id);
      if (found)
        return found;
    }
  return NULL;
}

/* Types @text into the search entry as a person would: adding characters at the end,
 * or deleting them from it. Replacing the whole text would empty the entry first,
 * which searches at once. */
static void
type_text (GtkEditable *entry,
           const char  *text)
{
  g_autofree char *old = g_strdup (gtk_editable_get_text (entry));
  int old_chars = g_utf8_strlen (old, -1);

  if (g_str_has_prefix (text, old))
    {
      int position = old_chars;
      gtk_editable_insert_text (entry, text + strlen (old), -1, &position);
    }
  else if (g_str_has_prefix (old, text))
    gtk_editable_delete_text (entry, g_utf8_strlen (text, -1), old_chars);
  else
    gtk_editable_set_text (entry, text);
}

/* From the keystroke to the rows showing the results, then to the footer counted
 * and the frame drawn (Xvfb draws with the processor). The entry's own delay,
 * 150 ms while typing, is left out: the search runs at once. */
static void
keystroke (GtkWidget  *log,
           const char *text,
           double     *slowest_rows,
           double     *slowest_total)
{
  GtkWidget *entry = find (log, "search_entry");
  GListModel *shown = sa_activity_log_get_model (SA_ACTIVITY_LOG (log));
  g_autofree char *what = NULL;
  double rows_ms;

  start ();
  type_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  rows_ms = elapsed_ms ();
  spin ();
  what = g_strdup_printf ("search “%s” (→ %u shown): rows", text, g_list_model_get_n_items (shown));
  g_print ("%-62s %9.1f ms (%.1f ms with footer and frame; processor %.1f ms)\n", what, rows_ms, elapsed_ms (),
           cpu_ms () - start_cpu);
  *slowest_rows = MAX (*slowest_rows, rows_ms);
  *slowest_total = MAX (*slowest_total, elapsed_ms ());
}

static gboolean frame_drawn;

static void
on_after_paint (GdkFrameClock *clock)
{
  frame_drawn = TRUE;
}

static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  frame_drawn = FALSE;
  gtk_widget_queue_draw (window);
  while (!frame_drawn)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static GtkWidget *
find_log (GtkWidget *widget)
{
  if (SA_IS_ACTIVITY_LOG (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_log (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The log fills after the window is shown: the longest time between two frames
 * while it does is how long the window stopped answering. On a machine other work
 * shares, the clock stretches: the main thread's processor time between the frames
 * is measured too. */
static gint64 last_paint, longest_gap;
static double last_paint_cpu, longest_gap_cpu;
static guint n_paints;

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
on_paint_while_filling (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();
  double now_cpu = thread_cpu_ms ();

  n_paints++;
  if (last_paint != 0)
    {
      longest_gap = MAX (longest_gap, now - last_paint);
      longest_gap_cpu = MAX (longest_gap_cpu, now_cpu - last_paint_cpu);
    }
  last_paint = now;
  last_paint_cpu = now_cpu;
}

#define FRAMES_AFTER 10

/* From the first frame of @window to the frame that shows the log filled, and
 * FRAMES_AFTER frames after. */
static double
wait_until_filled (GtkWidget *window,
                   GtkWidget *log,
                   double    *longest_frame_ms,
                   double    *longest_frame_cpu)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_paint_while_filling), NULL);
  gint64 filled;

  start ();
  last_paint = longest_gap = 0;
  longest_gap_cpu = 0;
  while (sa_activity_log_is_loading (SA_ACTIVITY_LOG (log)))
    g_main_context_iteration (NULL, TRUE);
  /* To the frame that shows the rows, and a few more: taking the items in is part
   * of the fill, and the sample plan's log fills before a second frame. */
  filled = g_get_monotonic_time ();
  n_paints = 0;
  while (last_paint < filled || n_paints < FRAMES_AFTER)
    {
      gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
  *longest_frame_ms = longest_gap / 1000.0;
  if (longest_frame_cpu != NULL)
    *longest_frame_cpu = longest_gap_cpu;
  return elapsed_ms ();
}

/* The baseline of the fill: the same window on the bundled sample plan, a few dozen
 * activities, from its first frame to the log filled. */
static void
sample_plan_fill (double *longest_frame_ms,
                  double *longest_frame_cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-activity-log-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaContext) context = NULL;
  GtkWidget *window, *log;
  g_autoptr(GDir) files = NULL;
  g_auto(SaImportReport) report = { 0 };
  const char *name;

  g_assert_no_error (error);
  store = sa_store_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (sa_import_sample (store, &report, &error));
  g_assert_no_error (error);
  context = sa_context_new (store);
  log = sa_activity_log_new (context);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), log);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  wait_until_filled (window, log, longest_frame_ms, longest_frame_cpu);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_clear_object (&context);
  g_clear_object (&store);
  files = g_dir_open (dir, 0, NULL);
  while (files != NULL && (name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

/* The window on @path, as a person opens it, to the first frame of the log
 * filled. */
static int
measure_memory (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  GtkWidget *window;
  double longest_frame_ms;

  g_assert_no_error (error);
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  wait_until_filled (window, find_log (window), &longest_frame_ms, NULL);
  spin ();
  wait_for_frame (window);
  g_print ("%ld\n", status_kb ("VmHWM:"));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* The baseline of a sort: GTK's own sort model, comparing through a custom sorter,
 * as the log sorted before it had a model of its own. The items alone, no widgets. */
static int
compare_by_column (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return sa_activity_sort_compare (GPOINTER_TO_INT (user_data), (SaActivityItem *) a, (SaActivityItem *) b);
}

static double
gtk_sort (GListModel *items,
          guint       column)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_by_column, GINT_TO_POINTER (column), NULL));

  start ();
  sorted = gtk_sort_list_model_new (g_object_ref (items), sorter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sorted)), ==, g_list_model_get_n_items (items));
  return elapsed_ms ();
}

/* The baseline of a delete: the tombstone written with plain SQL on a connection of
 * its own, committed, and nothing else. */
static double
plain_delete (const char *path)
{
  sqlite3 *db = NULL;
  double ms;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  start ();
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE activity SET deleted = 1 WHERE rowid ="
                                 " (SELECT max(rowid) FROM activity WHERE deleted = 0); COMMIT",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  ms = elapsed_ms ();
  sqlite3_close (db);
  return ms;
}

/* A key pressed in a still window: no frame has been drawn for 100 ms, so the frame
 * clock draws the next frame as soon as it is asked to, rather than at the next
 * frame's turn of an animation still running. */
static void
settle (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 frames;

  do
    {
      gint64 since = g_get_monotonic_time ();

      frames = gdk_frame_clock_get_frame_counter (clock);
      while (g_get_monotonic_time () - since < 100 * G_TIME_SPAN_MILLISECOND)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (G_TIME_SPAN_MILLISECOND);
    }
  while (gdk_frame_clock_get_frame_counter (clock) != frames);
}

/* The floor of a delete's frame: the log scrolled by a row, so that every row shown
 * moves, as they do when one above them goes; from a still window to the frame
 * drawn (Xvfb draws with the processor). Scrolled back after. */
static double
scroll_frame (GtkWidget     *window,
              GtkColumnView *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double value = gtk_adjustment_get_value (adjustment);
  double ms;

  settle (window);
  start ();
  gtk_adjustment_set_value (adjustment, value + gtk_adjustment_get_step_increment (adjustment));
  wait_for_frame (window);
  ms = elapsed_ms ();
  gtk_adjustment_set_value (adjustment, value);
  wait_for_frame (window);
  return ms;
}

/* What matching alone costs: the words against every item's search key, in a loop
 * with nothing around it. */
static double
bare_match (GListModel         *items,
            const char * const *words)
{
  guint n, hits = 0;
  SaActivityItem **peek = sa_activity_item_list_peek (SA_ACTIVITY_ITEM_LIST (items), &n);

  start ();
  for (guint i = 0; i < n; i++)
    hits += sa_activity_item_matches (peek[i], words);
  g_assert_cmpuint (hits, <=, n);
  return elapsed_ms ();
}

int
main (int    argc,
      char **argv)
{
  const char *typed[] = { "サ", "サロ", "サロン", "サロ", "", "協", "協働", "協働 夏祭り", "協働", "見守り", "" };
  const char * const all_words[] = { "見守り", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaContext) context = NULL;
  SaUndoStack *undo_stack;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(SaActivityItem) first = NULL;
  g_autoptr(SaRecord) edited = NULL;
  GtkColumnView *view;
  GtkWidget *window, *log;
  /* Participants, title, organization, district, volunteers, commitments, then back
   * to newest first. */
  static const guint sort_columns[] = { 4, 1, 2, 3, 5, 6, 0 };
  double gtk_sort_ms[G_N_ELEMENTS (sort_columns)], sort_ms[G_N_ELEMENTS (sort_columns)];
  double sort_models_cpu[G_N_ELEMENTS (sort_columns)];
  double select_ms, load_ms, match_ms, delete_ms, plain_delete_ms, slowest_rows = 0, slowest_total = 0;
  double first_frame_ms, fill_ms, longest_frame_ms, longest_frame_cpu, delete_cpu, frame_ms;
  double sample_frame_ms, sample_frame_cpu;
  guint n_rows;
  long rss_before;

  if (!gtk_init_check ())
    {
      g_printerr ("No display; run under xvfb-run\n");
      return 77;
    }
  adw_init ();
  sasaeai_register_resource ();
  sa_test_load_style ();
  if (argc == 3 && g_str_equal (argv[1], "--memory"))
    return measure_memory (argv[2]);
  if (argc != 2)
    {
      g_printerr ("Usage: bench-activity-log [--memory] PATH\n");
      return 2;
    }

  store = sa_store_open (argv[1], &error);
  g_assert_no_error (error);
  select_ms = plain_select (argv[1], &n_rows);
  report ("baseline: plain SELECT of the rows, sqlite3_step only", select_ms);

  rss_before = status_kb ("VmRSS:");
  start ();
  items = sa_store_load_activity_items (store, &error);
  g_assert_no_error (error);
  load_ms = elapsed_ms ();
  report ("load items (sa_store_load_activity_items)", load_ms);
  g_print ("%-62s %9ld KiB\n", "resident memory the items take", status_kb ("VmRSS:") - rss_before);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_rows);
  match_ms = bare_match (items, all_words);
  report ("baseline: “見守り” against every search key, a bare loop", match_ms);
  for (guint i = 0; i < G_N_ELEMENTS (sort_columns); i++)
    {
      g_autofree char *what = g_strdup_printf ("baseline: GtkSortListModel by column %u", sort_columns[i]);

      gtk_sort_ms[i] = gtk_sort (items, sort_columns[i]);
      report (what, gtk_sort_ms[i]);
    }
  g_clear_object (&items);

  sample_plan_fill (&sample_frame_ms, &sample_frame_cpu);
  report ("baseline: longest time between frames, sample plan's log filling", sample_frame_ms);
  g_print ("%-62s %9.1f ms\n", "  the main thread's processor time in that longest", sample_frame_cpu);

  context = sa_context_new (store);
  undo_stack = sa_context_get_undo_stack (context);
  start ();
  log = sa_activity_log_new (context);
  report ("create the log (its items load in another thread)", elapsed_ms ());
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), log);
  start ();
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  first_frame_ms = elapsed_ms ();
  report ("show it: first frame drawn", first_frame_ms);
  fill_ms = wait_until_filled (window, log, &longest_frame_ms, &longest_frame_cpu);
  report ("from the first frame to the log filled", fill_ms);
  report ("longest time between frames while it filled", longest_frame_ms);
  g_print ("%-62s %9.1f ms\n", "  the main thread's processor time in that longest", longest_frame_cpu);

  g_print ("\n");

  /* Typing words one character at a time, then deleting back, into a log at rest. */
  spin ();
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    keystroke (log, typed[i], &slowest_rows, &slowest_total);
  g_print ("\n");

  view = GTK_COLUMN_VIEW (find (log, "column_view"));
  for (guint i = 0; i < G_N_ELEMENTS (sort_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) by = g_list_model_get_item (gtk_column_view_get_columns (view), sort_columns[i]);
      g_autofree char *what = g_strdup_printf ("sort by %s", gtk_column_view_column_get_title (by));

      start ();
      gtk_column_view_sort_by_column (view, by, sort_columns[i] == 0 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      /* The models sorted and the cells filled: what the log does before GTK lays
       * out and draws the frame, the part that is not noise on a loaded machine. */
      sort_models_cpu[i] = cpu_ms () - start_cpu;
      spin ();
      sort_ms[i] = elapsed_ms ();
      report (what, sort_ms[i]);
      g_print ("%-62s %9s    (processor %.1f ms)\n", "  of which the models and the cells", "", sort_models_cpu[i]);
    }
  wait_for_frame (window);

  /* An edit made through the undo stack: the log reads that one activity again. */
  first = g_list_model_get_item (sa_activity_log_get_model (SA_ACTIVITY_LOG (log)), 0);
  edited = sa_store_get (store, &sa_activity_table, sa_activity_item_get_id (first), NULL);
  sa_record_set_int (edited, SA_ACTIVITY_PARTICIPANTS, sa_record_get_int (edited, SA_ACTIVITY_PARTICIPANTS) + 1);
  start ();
  g_assert_true (sa_undo_stack_update (undo_stack, edited, &error));
  spin ();
  report ("edit one activity: write, refresh its row, count", elapsed_ms ());
  start ();
  g_assert_true (sa_undo_stack_undo (undo_stack, &error));
  spin ();
  report ("undo it: write, refresh its row, count", elapsed_ms ());
  /* A delete, from the key in a still window to the frame without the row drawn. */
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  frame_ms = scroll_frame (window, view);
  report ("the log scrolled by a row, its frame drawn", frame_ms);
  settle (window);
  start ();
  delete_cpu = thread_cpu_ms ();
  sa_activity_log_delete_selected (SA_ACTIVITY_LOG (log));
  wait_for_frame (window);
  delete_ms = elapsed_ms ();
  delete_cpu = thread_cpu_ms () - delete_cpu;
  report ("delete the selected activity, its frame drawn", delete_ms);
  g_print ("%-62s %9s    (main thread %.1f ms)\n", "", "", delete_cpu);
  plain_delete_ms = plain_delete (argv[1]);
  report ("baseline: plain SQL UPDATE of one tombstone, committed", plain_delete_ms);

  g_print ("\n%-62s %9ld KiB\n", "resident memory now (VmRSS)", status_kb ("VmRSS:"));
  g_print ("%-62s %9ld KiB\n", "peak resident memory (VmHWM)", status_kb ("VmHWM:"));

  bench_figure ("load the log's items", load_ms, "ms", "plain SELECT of the same rows", select_ms, NULL);
  bench_figure ("the log's first frame, before its items are read", first_frame_ms, "ms",
                "plain SELECT of the same rows", select_ms, NULL);
  bench_figure ("from the log's first frame to its items shown", fill_ms, "ms",
                "plain SELECT of the same rows", select_ms, NULL);
  bench_figure ("longest time between frames while the log fills", longest_frame_ms, "ms",
                "the same, the log of the sample plan", sample_frame_ms, "< 100");
  bench_figure ("main thread's processor time in the longest frame of the fill", longest_frame_cpu, "ms",
                "the same, the log of the sample plan", sample_frame_cpu, "< 100");
  bench_figure ("search keystroke to rows shown (slowest of 11)", slowest_rows, "ms",
                "“見守り” against every key, bare loop", match_ms, "< 50");
  bench_figure ("search keystroke with footer and frame (slowest of 11)", slowest_total, "ms",
                "“見守り” against every key, bare loop", match_ms, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sort_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) by = g_list_model_get_item (gtk_column_view_get_columns (view), sort_columns[i]);
      g_autofree char *what = g_strdup_printf ("sort the log by %s (rows shown)", gtk_column_view_column_get_title (by));

      bench_figure (what, sort_ms[i], "ms", "GtkSortListModel, the items alone", gtk_sort_ms[i], "< 100");
    }
  bench_figure ("delete the selected activity (its frame drawn)", delete_ms, "ms",
                "the log scrolled by a row, its frame drawn", frame_ms, "< 16");
  bench_figure ("delete: the main thread's processor time, its frame included", delete_cpu, "ms",
                "plain SQL UPDATE of the tombstone, committed", plain_delete_ms, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  return 0;
}
