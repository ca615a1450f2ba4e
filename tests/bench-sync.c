/* bench-sync.c: the store on a large database, against SQLite doing the same
 *
 *   bench-sync SQLITE3 PATH
 *
 * PATH is a database from bench-generate; it is copied, not changed. Opening it,
 * adding one activity, exporting and importing the sync file and exporting CSV,
 * each beside what SQLite alone takes for the same work in the same run: the
 * sqlite3 shell inserting the same activities into a plain table in one
 * transaction, writing the activities and their links as JSON through gzip, or the
 * activities as CSV. Prints FIGURE lines (bench-figure.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "bench-figure.h"
#include "sa-activity.h"
#include "sa-commitment.h"
#include "sa-csv.h"
#include "sa-import.h"
#include "sa-schema.h"
#include "sa-store-private.h"
#include "sa-sync-file.h"

#define N_ROUNDS 15

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

/* The activities as INSERT statements into a plain table (the activity table's
 * columns, no index, no links) in one transaction, as a person would feed them to
 * the sqlite3 shell: what the activities' data costs to store. */
static char *
write_sql (SaStore    *store,
           const char *dir)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;\n");
  char *path = g_build_filename (dir, "insert.sql", NULL);
  sqlite3_stmt *stmt = _sa_store_prepare (store, "SELECT sql FROM sqlite_schema WHERE name = 'activity'", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append_printf (sql, "%s;\n", sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  stmt = _sa_store_prepare (store, "SELECT * FROM activity", NULL);
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

/* A command, reading @input and writing @output when given. */
static Cost
run_command (const char * const *argv,
             const char         *input,
             const char         *output)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Cost start = cost_start (RUSAGE_CHILDREN);

  if (input != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, input);
  if (output != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, output);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  return cost_since (start, RUSAGE_CHILDREN);
}

/* The sqlite3 shell on @db, reading @input and writing @output when given. */
static Cost
run_sqlite3 (const char         *sqlite3,
             const char * const *args,
             const char         *input,
             const char         *output)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add (builder, sqlite3);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  return run_command ((const char * const *) argv, input, output);
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

static guint
count_activities (SaStore *store)
{
  sqlite3_stmt *stmt = _sa_store_prepare (store, "SELECT count(*) FROM activity", NULL);
  guint n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Whether the decompressed file is within what an import accepts. */
static gboolean
can_import (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &error);
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) text = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (decompressor));
  gsize total = 0;
  char buffer[65536];
  gssize n;

  g_assert_no_error (error);
  while ((n = g_input_stream_read (text, buffer, sizeof buffer, NULL, &error)) > 0)
    total += (gsize) n;
  g_assert_no_error (error);
  return total <= SA_SYNC_MAX_SIZE;
}

/* Opening the database as the window and sasaeai-cli do, against SQLite opening it
 * and reading its schema version; the median of a few rounds, in milliseconds. */
static void
bench_open (const char *path)
{
  double store_ms[N_ROUNDS], bare_ms[N_ROUNDS];

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      sqlite3 *db = NULL;
      gint64 start = g_get_monotonic_time ();
      SaStore *store = sa_store_open (path, &error);

      g_assert_no_error (error);
      g_object_unref (store);
      store_ms[i] = (g_get_monotonic_time () - start) / 1e3;

      start = g_get_monotonic_time ();
      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      bare_ms[i] = (g_get_monotonic_time () - start) / 1e3;
    }
  bench_figure ("open the database", bench_median (store_ms, N_ROUNDS), "ms",
                "sqlite3_open_v2 + PRAGMA user_version", bench_median (bare_ms, N_ROUNDS), NULL);
}

/* One activity with two commitments, written as the form and sasaeai-cli write it,
 * against the same three rows INSERTed in one transaction in WAL mode with
 * synchronous=FULL. */
static void
bench_add (SaStore    *store,
           const char *path)
{
  g_autoptr(GPtrArray) commitments = sa_store_list (store, &sa_commitment_table, NULL, NULL, NULL);
  const char *links[] = { sa_record_get_id (g_ptr_array_index (commitments, 0)),
                          sa_record_get_id (g_ptr_array_index (commitments, 1)), NULL };
  double store_ms[N_ROUNDS], bare_ms[N_ROUNDS];
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < N_ROUNDS; i++)
    {
      g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = NULL;
      gint64 start;

      sa_record_set_text (activity, SA_ACTIVITY_DATE, "2015-06-01");
      sa_record_set_text (activity, SA_ACTIVITY_TITLE, "ふれあいサロン");
      sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, 24);
      start = g_get_monotonic_time ();
      g_assert_true (sa_store_begin (store, &error) && sa_store_add_activity (store, activity, links, &error) &&
                     sa_store_commit (store, &error));
      store_ms[i] = (g_get_monotonic_time () - start) / 1e3;

      sql = g_strdup_printf ("BEGIN;"
                             " INSERT INTO activity (id, hlc, site, date, title, participants)"
                             "   VALUES ('bench-%1$u', '%2$s', '%3$s', '2015-06-01', 'ふれあいサロン', 24);"
                             " INSERT INTO activity_commitment (id, hlc, site, activity_id, commitment_id)"
                             "   VALUES ('bench-%1$u-1', '%2$s', '%3$s', 'bench-%1$u', '%4$s'),"
                             "          ('bench-%1$u-2', '%2$s', '%3$s', 'bench-%1$u', '%5$s');"
                             " COMMIT",
                             i, sa_record_get_hlc (activity), sa_record_get_site (activity), links[0], links[1]);
      start = g_get_monotonic_time ();
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      bare_ms[i] = (g_get_monotonic_time () - start) / 1e3;
    }
  sqlite3_close (db);
  bench_figure ("add one activity with two commitments", bench_median (store_ms, N_ROUNDS), "ms",
                "its 3 rows INSERTed, WAL, synchronous=FULL", bench_median (bare_ms, N_ROUNDS), NULL);
}

static void
figure (const char *what,
        Cost        cost,
        const char *baseline,
        Cost        baseline_cost,
        const char *target)
{
  bench_figure (what, cost.wall * 1e3, "ms", baseline, baseline_cost.wall * 1e3, target);
  /* On a busy machine the processor time says more than the wall clock. */
  g_print ("NOTE\t%s: %.0f ms of processor time, against %.0f ms for its baseline (%.2f times)\n",
           what, cost.cpu * 1e3, baseline_cost.cpu * 1e3, cost.cpu / baseline_cost.cpu);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-bench-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *path_plain = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *sync_path = g_build_filename (dir, "a.sasaeai", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *out_path = g_build_filename (dir, "shell.out", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) source = NULL, copy = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *shell = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SaImportReport) first = { 0, }, again = { 0, };
  Cost baseline, cost;
  SaStore *a, *b;
  guint n;

  if (argc != 3)
    {
      g_printerr ("Usage: bench-sync SQLITE3 PATH\n");
      return 2;
    }
  source = g_file_new_for_path (argv[2]);
  copy = g_file_new_for_path (path_a);
  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  bench_open (path_a);
  a = sa_store_create (path_a, &error);
  b = sa_store_create (path_b, &error);
  n = count_activities (a);

  /* Export: the sync file, against the shell writing the same rows as JSON. */
  cost = cost_start (RUSAGE_SELF);
  g_assert_true (sa_sync_file_export (a, sync_file, NULL, &error));
  g_assert_no_error (error);
  cost = cost_since (cost, RUSAGE_SELF);
  shell = g_strdup_printf ("'%s' -json '%s' 'SELECT * FROM activity; SELECT * FROM activity_commitment' | gzip",
                           argv[1], path_a);
  baseline = run_command ((const char *[]) { "/bin/sh", "-c", shell, NULL }, NULL, out_path);
  figure ("export-sync", cost, "sqlite3 -json | gzip: activities and their links", baseline, "ratio <= 2");

  /* Import: the sync file into an empty database, against the shell inserting the
   * same rows in one transaction; a file over the size an import accepts is only
   * said to be so. */
  if (!can_import (sync_file))
    {
      g_autofree char *limit = g_format_size (SA_SYNC_MAX_SIZE);
      g_print ("NOTE\timport-sync refuses this file: it is more than %s once decompressed\n", limit);
    }
  else
    {
      sql = write_sql (a, dir);
      baseline = run_sqlite3 (argv[1], (const char *[]) { "-bail", path_plain, NULL }, sql, NULL);
      cost = time_import (b, sync_file, &first);
      g_assert_cmpuint (first.added, >=, n);
      figure ("import-sync into an empty database", cost,
              "sqlite3 shell: the activities INSERTed into a plain table, one transaction", baseline, "ratio <= 2");
      cost = time_import (b, sync_file, &again);
      g_assert_cmpuint (again.unchanged, >=, n);
      figure ("import-sync again (nothing changes)", cost,
              "sqlite3 shell: the activities INSERTed into a plain table, one transaction", baseline, NULL);
    }

  /* CSV, against the shell writing the same rows as CSV. */
  cost = cost_start (RUSAGE_SELF);
  g_assert_true (sa_csv_export_activities (a, csv_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  cost = cost_since (cost, RUSAGE_SELF);
  baseline = run_sqlite3 (argv[1], (const char *[]) { "-csv", "-header", path_a, "SELECT * FROM activity", NULL },
                          NULL, out_path);
  figure ("export-csv", cost, "sqlite3 -csv SELECT * FROM activity", baseline, NULL);

  bench_add (a, path_a);

  g_object_unref (a);
  g_object_unref (b);
  for (const char * const *name = (const char * const[]) { "a.db", "b.db", "plain.db", "a.sasaeai", "a.csv",
                                                           "shell.out", "insert.sql", NULL }; *name; name++)
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
