/* bench-folder.c: many sites through one shared sync folder
 *
 *   bench-folder [--whole] SITES ACTIVITIES
 *
 * Makes SITES databases of ACTIVITIES activities each (each its own organizations and
 * districts beside the sample plan), then lets every site sync through one folder
 * twice in turn, checks that every site then holds every activity, and measures:
 * a sync that brings nothing new against opening the same database, a sync that
 * brings k = 10, 100 and 1,000 new activities (and the sync of the site that wrote
 * them), and the folder's size against one site's full export.
 * Prints FIGURE lines (bench-figure.h) and NOTE lines. With --whole, the design
 * before segments instead: every site writes one file with everything it holds and
 * reads every other site's whole file at every sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>

#include "activity-fixture.h"
#include "bench-figure.h"
#include "sa-store-private.h"
#include "sa-sync-file.h"
#include "sa-sync-folder.h"

#define N_IDLE 7

static const guint k_rows[] = { 10, 100, 1000 };

static gboolean whole_files;

typedef struct
{
  guint n_files;
  guint n_failed;
} Count;

static void
count_file (GFile                *file,
            const SaImportReport *report,
            const GError         *error,
            gpointer              user_data)
{
  Count *count = user_data;

  count->n_files++;
  if (report == NULL)
    {
      g_printerr ("refused: %s\n", error->message);
      count->n_failed++;
    }
}

/* With BENCH_PERF_CTL naming perf record's control FIFO (perf record --control
 * fifo:FIFO -D -1), only the syncs that bring k new rows are profiled. */
static void
perf_control (const char *command)
{
  const char *path = g_getenv ("BENCH_PERF_CTL");
  FILE *fifo;

  if (path == NULL || !(fifo = fopen (path, "w")))
    return;
  fprintf (fifo, "%s\n", command);
  fclose (fifo);
}

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The design before segments, as sa_sync_folder() was: read and merge every other
 * site's whole file, then write this site's own with everything it holds. */
static void
sync_whole (SaStore *store,
            GFile   *folder,
            Count   *count)
{
  g_autofree char *own = g_strconcat (sa_store_get_site_id (store), SA_SYNC_SUFFIX, NULL);
  g_autofree char *dir = g_file_get_path (folder);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) own_file = g_file_get_child (folder, own);
  g_autoptr(GError) error = NULL;
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, SA_SYNC_SUFFIX) && g_strcmp0 (name, own) != 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, g_ptr_array_index (names, i));
      g_autoptr(SaSyncFile) contents = NULL;
      g_auto(SaImportReport) report = { 0, };
      g_autoptr(GError) local_error = NULL;

      if (!(contents = sa_sync_file_read (file, NULL, &local_error)) ||
          !sa_sync_file_import (contents, store, FALSE, &report, &local_error))
        count_file (file, NULL, local_error, count);
      else
        count_file (file, &report, NULL, count);
    }
  if (!sa_sync_file_export (store, own_file, NULL, &error))
    g_error ("export: %s", error->message);
}

/* Opens the site's database, syncs it, closes it; returns the time of the sync. */
static double
sync_site (const char *path,
           GFile      *folder,
           Count      *count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  double start;

  g_assert_no_error (error);
  start = now_s ();
  if (whole_files)
    sync_whole (store, folder, count);
  else if (!sa_sync_folder (store, folder, count_file, count, NULL, &error))
    g_error ("sync-folder: %s", error->message);
  return now_s () - start;
}

static gint64
count_activities (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  sqlite3_stmt *stmt = _sa_store_prepare (store, "SELECT count(*) FROM activity WHERE deleted = 0", &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static guint64
tree_size (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint64 total = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        total += tree_size (path);
      else if (g_stat (path, &st) == 0)
        total += st.st_size;
    }
  return total;
}

static double
open_cost (const char *path)
{
  double costs[N_IDLE];

  for (guint i = 0; i < N_IDLE; i++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_s ();
      g_autoptr(SaStore) store = sa_store_open (path, &error);

      costs[i] = now_s () - start;
      g_assert_no_error (error);
    }
  return bench_median (costs, N_IDLE);
}

static void
run_round (char      **paths,
           guint       n_sites,
           GFile      *folder,
           const char *what)
{
  double start = now_s ();

  for (guint s = 0; s < n_sites; s++)
    {
      Count count = { 0, };

      sync_site (paths[s], folder, &count);
      g_assert_cmpuint (count.n_failed, ==, 0);
    }
  g_print ("NOTE\t%s: %.1f s for %u syncs\n", what, now_s () - start, n_sites);
}

/* With whole files a second round reads every file whole again, and takes long: after
 * the first, the last site holds everything, so every other site takes its file
 * alone and writes its own again, which leaves the folder as two rounds would. */
static void
converge_whole (char  **paths,
                guint   n_sites,
                GFile  *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) last = sa_store_open (paths[n_sites - 1], &error);
  g_autofree char *name = g_strconcat (sa_store_get_site_id (last), SA_SYNC_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  double start = now_s ();

  for (guint s = 0; s + 1 < n_sites; s++)
    {
      g_autoptr(SaStore) store = sa_store_open (paths[s], &error);
      g_autofree char *own = g_strconcat (sa_store_get_site_id (store), SA_SYNC_SUFFIX, NULL);
      g_autoptr(GFile) own_file = g_file_get_child (folder, own);
      g_autoptr(SaSyncFile) contents = sa_sync_file_read (file, NULL, &error);
      g_auto(SaImportReport) report = { 0, };

      g_assert_no_error (error);
      g_assert_true (sa_sync_file_import (contents, store, FALSE, &report, &error));
      g_assert_true (sa_sync_file_export (store, own_file, NULL, &error));
    }
  g_print ("NOTE\tevery site took the last one's whole file: %.1f s\n", now_s () - start);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmp = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *export_path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) export = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  guint64 n_sites, n_activities;
  double idle[N_IDLE], open_s, k_new, k_write;
  guint n_idle;
  g_autofree char *what = NULL;
  guint64 folder_bytes;
  GStatBuf st;

  if (argc > 1 && g_strcmp0 (argv[1], "--whole") == 0)
    {
      whole_files = TRUE;
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  if (argc != 3 || !g_ascii_string_to_unsigned (argv[1], 10, 2, 1000, &n_sites, NULL) ||
      !g_ascii_string_to_unsigned (argv[2], 10, 1, 1000000, &n_activities, NULL))
    {
      g_printerr ("Usage: bench-folder [--whole] SITES ACTIVITIES\n");
      return 2;
    }
  tmp = g_dir_make_tmp ("sasaeai-bench-folder-XXXXXX", &error);
  g_assert_no_error (error);
  folder_path = g_build_filename (tmp, "shared", NULL);
  g_mkdir (folder_path, 0700);
  folder = g_file_new_for_path (folder_path);

  paths = g_new0 (char *, n_sites + 1);
  for (guint s = 0; s < n_sites; s++)
    {
      g_autoptr(SaStore) store = NULL;

      paths[s] = g_strdup_printf ("%s/site-%02u.db", tmp, s);
      store = sa_store_create (paths[s], &error);
      g_assert_no_error (error);
      fixture_add_places (store);
      fixture_add_activities_by_date (store, (guint) n_activities, 2012 + s);
    }

  run_round (paths, n_sites, folder, "first round");
  if (whole_files)
    converge_whole (paths, n_sites, folder);
  else
    run_round (paths, n_sites, folder, "second round");
  for (guint s = 0; s < n_sites; s++)
    if (count_activities (paths[s]) != (gint64) (n_sites * n_activities))
      g_error ("site %u holds %" G_GINT64_FORMAT " activities after two rounds, not %" G_GUINT64_FORMAT,
               s, count_activities (paths[s]), n_sites * n_activities);
  g_print ("NOTE\t%" G_GUINT64_FORMAT " sites x %" G_GUINT64_FORMAT " activities: every site holds all %"
           G_GUINT64_FORMAT " after two rounds\n", n_sites, n_activities, n_sites * n_activities);

  /* Nothing new: the last site syncs again and again (with whole files, where each
   * takes long, three times). */
  n_idle = whole_files ? 3 : N_IDLE;
  for (guint i = 0; i < n_idle; i++)
    {
      Count count = { 0, };
      idle[i] = sync_site (paths[n_sites - 1], folder, &count);
    }
  open_s = open_cost (paths[n_sites - 1]);
  what = g_strdup_printf ("%ssync-folder, nothing new (%" G_GUINT64_FORMAT " x %" G_GUINT64_FORMAT ")",
                          whole_files ? "before: " : "", n_sites, n_activities);
  bench_figure (what, bench_median (idle, n_idle) * 1000, "ms", "opening the database", open_s * 1000,
                "ratio <= 4");

  /* k new activities at the first site, then the last site syncs: the cost follows k. */
  for (guint i = 0; i < G_N_ELEMENTS (k_rows); i++)
    {
      g_autoptr(SaStore) store = sa_store_open (paths[0], &error);
      Count count = { 0, };

      g_assert_no_error (error);
      fixture_add_activities (store, k_rows[i], 7 + i);
      g_clear_object (&store);
      k_write = sync_site (paths[0], folder, &count);
      perf_control ("enable");
      k_new = sync_site (paths[n_sites - 1], folder, &count);
      perf_control ("disable");
      g_assert_cmpuint (count.n_failed, ==, 0);
      g_free (what);
      what = g_strdup_printf ("%ssync-folder, %u new activities (%" G_GUINT64_FORMAT " x %" G_GUINT64_FORMAT ")",
                              whole_files ? "before: " : "", k_rows[i], n_sites, n_activities);
      bench_figure (what, k_new * 1000, "ms", "opening the database", open_s * 1000, "");
      g_free (what);
      what = g_strdup_printf ("%ssync-folder writing %u new activities (%" G_GUINT64_FORMAT " x %" G_GUINT64_FORMAT ")",
                              whole_files ? "before: " : "", k_rows[i], n_sites, n_activities);
      bench_figure (what, k_write * 1000, "ms", "opening the database", open_s * 1000, "");
    }

  /* The folder against one site's full export. */
  {
    g_autoptr(SaStore) store = sa_store_open (paths[0], &error);

    export_path = g_build_filename (tmp, "full.sasaeai", NULL);
    export = g_file_new_for_path (export_path);
    g_assert_true (sa_sync_file_export (store, export, NULL, &error));
    g_assert_no_error (error);
    g_stat (export_path, &st);
    folder_bytes = tree_size (folder_path);
    g_free (what);
    what = g_strdup_printf ("%sshared folder (%" G_GUINT64_FORMAT " x %" G_GUINT64_FORMAT ")",
                            whole_files ? "before: " : "", n_sites, n_activities);
    bench_figure (what, folder_bytes / 1e6, "MB", "one site's full export", st.st_size / 1e6, "ratio <= 2");
  }

  if (g_getenv ("BENCH_KEEP") == NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp);
      if (system (command) != 0)
        g_printerr ("could not remove %s\n", tmp);
    }
  return 0;
}
