/* bench-sync.c: export and import of 100,000 activities, against the sqlite3 shell
 * inserting the same rows in one transaction, measured in the same run
 *
 *   bench-sync [SQLITE3] [N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "sa-activity.h"
#include "sa-import.h"
#include "sa-schema.h"
#include "sa-store-private.h"
#include "sa-sync-file.h"

#define DEFAULT_N 100000

/* Wall-clock and processor time: on a busy machine the wall clock also counts the
 * time other programs had the processor, the processor time does not. */
typedef struct
{
  double wall;
  double cpu;
} Cost;

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static Cost
cost_start (int who)
{
  return (Cost) { g_get_monotonic_time () / 1e6, cpu_seconds (who) };
}

static Cost
cost_since (Cost start,
            int  who)
{
  return (Cost) { g_get_monotonic_time () / 1e6 - start.wall, cpu_seconds (who) - start.cpu };
}

static void
fill (SaStore *store,
      guint    n)
{
  const char * const titles[] = { "ふれあいサロン", "見守り活動, 声かけ", "防災訓練", "子育て広場", "健康体操" };
  const char * const places[] = { "地区センター", "いずみ中央地域ケアプラザ", "中川公園", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2010);
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaRecord) a = SA_RECORD (sa_activity_new ());
      g_autofree char *date = g_strdup_printf ("%d-%02d-%02d", 2010 + g_rand_int_range (rand, 0, 6),
                                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));

      sa_record_set_text (a, SA_ACTIVITY_DATE, date);
      sa_record_set_text (a, SA_ACTIVITY_TITLE, titles[i % G_N_ELEMENTS (titles)]);
      sa_record_set_text (a, SA_ACTIVITY_PLACE, places[i % G_N_ELEMENTS (places)]);
      if (i % 3 == 0)
        sa_record_set_text (a, SA_ACTIVITY_TIME, "13:30");
      if (i % 4 == 0)
        sa_record_set_text (a, SA_ACTIVITY_NOTES, "雨天のため室内で実施。参加者から次回の希望を聞いた。");
      sa_record_set_int (a, SA_ACTIVITY_PARTICIPANTS, g_rand_int_range (rand, 0, 80));
      sa_record_set_int (a, SA_ACTIVITY_VOLUNTEERS, g_rand_int_range (rand, 0, 10));
      g_assert_true (sa_store_insert (store, a, &error));
    }
  g_assert_true (sa_store_commit (store, &error));
}

static void
append_sql_value (GString      *sql,
                  sqlite3_stmt *stmt,
                  int           column)
{
  char *quoted;

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (sql, "NULL");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (sql, "%lld", (long long) sqlite3_column_int64 (stmt, column));
      break;
    default:
      quoted = sqlite3_mprintf ("%Q", sqlite3_column_text (stmt, column));
      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
}

/* The same rows as INSERT statements in one transaction, as a person would feed
 * them to the sqlite3 shell. */
static char *
write_sql (SaStore    *store,
           const char *dir)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;\n");
  sqlite3_stmt *stmt = _sa_store_prepare (store, "SELECT * FROM activity ORDER BY id", NULL);
  char *path = g_build_filename (dir, "insert.sql", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append (sql, "INSERT INTO activity VALUES (");
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          if (c > 0)
            g_string_append (sql, ", ");
          append_sql_value (sql, stmt, c);
        }
      g_string_append (sql, ");\n");
    }
  sqlite3_reset (stmt);
  g_string_append (sql, "COMMIT;\n");
  g_assert_true (g_file_set_contents (path, sql->str, (gssize) sql->len, NULL));
  return path;
}

static Cost
run_sqlite3 (const char *sqlite3,
             const char *db,
             const char *sql)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Cost start = cost_start (RUSAGE_CHILDREN);

  g_subprocess_launcher_set_stdin_file_path (launcher, sql);
  process = g_subprocess_launcher_spawn (launcher, &error, sqlite3, "-bail", db, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  return cost_since (start, RUSAGE_CHILDREN);
}

static Cost
time_export (SaStore *store,
             GFile   *file)
{
  g_autoptr(GError) error = NULL;
  Cost start = cost_start (RUSAGE_SELF);

  g_assert_true (sa_sync_file_export (store, file, NULL, &error));
  g_assert_no_error (error);
  return cost_since (start, RUSAGE_SELF);
}

static Cost
time_import (SaStore        *store,
             GFile          *file,
             SaImportReport *report)
{
  g_autoptr(SaSyncFile) contents = NULL;
  g_autoptr(GError) error = NULL;
  Cost start = cost_start (RUSAGE_SELF);

  contents = sa_sync_file_read (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sa_sync_file_import (contents, store, FALSE, report, &error));
  g_assert_no_error (error);
  return cost_since (start, RUSAGE_SELF);
}

static void
print_row (const char *what,
           Cost        cost,
           guint       n,
           Cost        baseline)
{
  printf ("%-40s %7.2f %7.2f %9.0f %7.1f %7.1f\n", what, cost.wall, cost.cpu, n / cost.wall,
          cost.wall / baseline.wall, cost.cpu / baseline.cpu);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-bench-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *path_c = g_build_filename (dir, "c.db", NULL);
  g_autofree char *sync_path = g_build_filename (dir, "a.sasaeai", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_auto(SaImportReport) first = { 0, }, again = { 0, };
  Cost baseline, export_cost, import_cost, again_cost;
  const char *sqlite3 = argc > 1 ? argv[1] : "sqlite3";
  guint n = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : DEFAULT_N;
  SaStore *a, *b, *c;
  GStatBuf st;

  a = sa_store_open (path_a, &error);
  b = sa_store_open (path_b, &error);
  c = sa_store_open (path_c, &error);
  g_assert_no_error (error);
  g_object_unref (c);  /* an empty database with the schema, for the shell */

  g_timer_start (timer);
  fill (a, n);
  printf ("# %u activities written through SaStore in %.1f s\n", n, g_timer_elapsed (timer, NULL));

  sql = write_sql (a, dir);
  baseline = run_sqlite3 (sqlite3, path_c, sql);

  export_cost = time_export (a, sync_file);
  g_assert_cmpint (g_stat (sync_path, &st), ==, 0);
  import_cost = time_import (b, sync_file, &first);
  g_assert_cmpuint (first.added, ==, n);
  again_cost = time_import (b, sync_file, &again);
  g_assert_cmpuint (again.unchanged, ==, n);

  printf ("# sync file: %.1f MB compressed; the ratios are to the sqlite3 shell\n", st.st_size / 1e6);
  printf ("%-40s %7s %7s %9s %7s %7s\n", "", "wall s", "cpu s", "rows/s", "× wall", "× cpu");
  print_row ("sqlite3 shell: INSERT, one transaction", baseline, n, baseline);
  print_row ("export-sync", export_cost, n, baseline);
  print_row ("import-sync into an empty database", import_cost, n, baseline);
  print_row ("import-sync again (nothing changes)", again_cost, n, baseline);

  g_object_unref (a);
  g_object_unref (b);
  for (const char * const *name = (const char * const[]) { "a.db", "b.db", "c.db", "a.sasaeai", "insert.sql", NULL }; *name; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_remove (path);
      g_remove (wal);
      g_remove (shm);
    }
  g_rmdir (dir);
  return 0;
}
