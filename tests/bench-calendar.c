/* bench-calendar.c: switching months with many activities in the database
 *
 *   bench-calendar PATH
 *
 * PATH is a database from bench-generate. For each month of FY2012 (six weeks of
 * records: about 1,900 of them with 100,000 activities), times:
 *   bare     sqlite3_step over the six weeks' rows, every column read: the floor
 *   query    sa_store_list_activities() for the six weeks: rows become records
 *   cells    the month grid sorting those records into its 42 cells
 *   switch   the Calendar page going to the next month, as Page Down does: query,
 *            cells, the day's list, the month's and the fiscal year's totals
 * and, once, a jump to the last month of a fiscal year not yet seen, which counts the
 * eleven months before it for the year's totals. Prints FIGURE lines for bench.py
 * (bench-figure.h); needs a display: run under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "bench-figure.h"
#include "sa-activity.h"
#include "sa-calendar-page.h"
#include "sa-date.h"
#include "sa-store-private.h"
#include "sa-test-gui.h"

#define N_ROUNDS 3

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
add_time (GArray *times,
          gint64  start)
{
  double ms = ms_since (start);

  g_array_append_val (times, ms);
}

/* Prints the times and returns their median. */
static double
report (const char *name,
        GArray     *times)
{
  double sum = 0, median;

  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  median = bench_median ((double *) (void *) times->data, times->len);
  g_print ("  %-7s median %6.2f ms   mean %6.2f ms   max %6.2f ms   (%u runs)\n", name,
           median, sum / times->len, g_array_index (times, double, times->len - 1), times->len);
  return median;
}

/* The floor: the same statement as sa_store_list_activities(), stepped bare. */
static guint
step_bare (sqlite3    *db,
           const char *from,
           const char *to)
{
  g_autofree char *sql = g_strconcat (_sa_store_select_sql (&sa_activity_table),
                                      " WHERE date >= ?1 AND date <= ?2 AND deleted = 0"
                                      " ORDER BY date, time, title", NULL);
  sqlite3_stmt *stmt;
  guint rows = 0;
  gsize bytes = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        if (sqlite3_column_text (stmt, i) != NULL)
          bytes += sqlite3_column_bytes (stmt, i);
      rows++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (bytes, >, 0);
  return rows;
}

/* Returns the median of the bare steps. */
static double
bench_parts (SaStore    *store,
             const char *path)
{
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) query = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *grid = g_object_ref_sink (sa_month_grid_new ());
  guint total_rows = 0;
  double bare_ms;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (int round = 0; round < N_ROUNDS; round++)
    for (int m = 0; m < 12; m++)
      {
        g_autoptr(GPtrArray) records = NULL;
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;
        GDate date, first, last;
        gint64 start;
        guint rows;

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 15, G_DATE_APRIL, 2012);
        g_date_add_months (&date, m);
        sa_month_grid_set_date (SA_MONTH_GRID (grid), &date);
        sa_month_grid_get_range (SA_MONTH_GRID (grid), &first, &last);
        from = sa_date_to_iso (&first);
        to = sa_date_to_iso (&last);

        start = g_get_monotonic_time ();
        rows = step_bare (db, from, to);
        add_time (bare, start);

        start = g_get_monotonic_time ();
        records = sa_store_list_activities (store, from, to, NULL);
        add_time (query, start);
        g_assert_cmpuint (records->len, ==, rows);

        start = g_get_monotonic_time ();
        sa_month_grid_set_activities (SA_MONTH_GRID (grid), records, NULL);
        add_time (cells, start);
        total_rows += rows;
      }
  sqlite3_close (db);
  g_object_unref (grid);

  g_print ("six weeks of a month: %u records on average\n", total_rows / (N_ROUNDS * 12));
  bare_ms = report ("bare", bare);
  bench_figure ("a month's records (sa_store_list_activities, median)", report ("query", query), "ms",
                "the same SELECT, sqlite3_step only", bare_ms, "< 5");
  report ("cells", cells);
  return bare_ms;
}

static void
bench_page (SaStore *store,
            double   bare_ms)
{
  g_autoptr(SaContext) context = sa_context_new (store);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = sa_calendar_page_new (context);
  GDate date;
  gint64 start;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, G_DATE_MARCH, 2012);
  sa_calendar_page_go_to_date (SA_CALENDAR_PAGE (page), &date);
  sa_test_wait ();

  for (int round = 0; round < N_ROUNDS; round++)
    for (int m = 0; m < 12; m++)
      {
        start = g_get_monotonic_time ();
        gtk_widget_activate_action (page, round % 2 ? "calendar.previous-month" : "calendar.next-month", NULL);
        add_time (times, start);
        while (g_main_context_iteration (NULL, FALSE))
          ;
      }
  bench_figure ("Calendar page: next month, with totals (median)", report ("switch", times), "ms",
                "the month's SELECT, sqlite3_step only", bare_ms, NULL);

  g_date_set_dmy (&date, 15, G_DATE_MARCH, 2015);
  start = g_get_monotonic_time ();
  sa_calendar_page_go_to_date (SA_CALENDAR_PAGE (page), &date);
  g_print ("  jump to March of a fiscal year not yet counted: %.2f ms shown,", ms_since (start));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_print (" %.2f ms with the year's totals\n", ms_since (start));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  sa_test_gui_init (&argc, &argv);
  if (argc != 2)
    {
      g_printerr ("Usage: bench-calendar PATH\n");
      return 2;
    }
  store = sa_store_open (argv[1], &error);
  g_assert_no_error (error);
  bench_page (store, bench_parts (store, argv[1]));
  return 0;
}
