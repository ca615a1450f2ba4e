/* test-store.c: the plan database: creating, reopening, migrating, editing, merging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sa-activity.h"
#include "sa-commitment.h"
#include "sa-plan.h"
#include "sa-schedule-phase.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-hlc.h"
#include "sa-import.h"
#include "sa-organization.h"
#include "sa-row.h"
#include "sa-schema.h"
#include "sa-store-review.h"
#include "sa-store-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("sasaeai-test-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
}

static void
remove_tree (const char *dir)
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
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static SaRecord *
new_district (const char *name)
{
  SaRecord *district = SA_RECORD (sa_district_new ());

  sa_record_set_text (district, SA_DISTRICT_NAME, name);
  return district;
}

static SaRecord *
new_activity (const char *date,
              const char *title)
{
  SaRecord *activity = SA_RECORD (sa_activity_new ());

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  return activity;
}

static guint
count_rows (SaStore       *store,
            const SaTable *table)
{
  g_autoptr(GPtrArray) rows = sa_store_list (store, table, NULL, NULL, NULL);

  g_assert_nonnull (rows);
  return rows->len;
}

/* ---- opening -------------------------------------------------------------------- */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (f->path, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (sa_store_get_created (store));
  g_assert_cmpuint (sa_store_get_schema_version (store), ==, SA_SCHEMA_VERSION);
  g_assert_true (g_uuid_string_is_valid (sa_store_get_site_id (store)));

  stmt = _sa_store_prepare (store, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);

  stmt = _sa_store_prepare (store, "PRAGMA journal_mode", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);

  stmt = _sa_store_prepare (store, "PRAGMA trusted_schema", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);
}

/* Opening never creates: not the file, not its folder. */
static void
test_open_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "not-mounted", NULL);
  g_autofree char *deep = g_build_filename (folder, "plan.db", NULL);
  SaStore *store;

  store = sa_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = sa_store_open (deep, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An empty file is no database either, and stays empty. */
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  store = sa_store_open (f->path, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *contents = NULL;
    gsize length = 1;

    g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
    g_assert_cmpuint (length, ==, 0);
  }
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) district = new_district ("中川");
  g_autofree char *site = NULL;
  g_autofree char *clock = NULL;
  SaStore *store;

  store = sa_store_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (sa_store_insert (store, district, &error));
  g_assert_no_error (error);
  site = g_strdup (sa_store_get_site_id (store));
  clock = g_strdup (sa_record_get_hlc (district));
  g_assert_finalize_object (store);

  store = sa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (sa_store_get_created (store));
  g_assert_cmpstr (sa_store_get_site_id (store), ==, site);
  g_assert_cmpuint (count_rows (store, &sa_district_table), ==, 1);
  /* The clock goes on from where it was, even if the wall clock went back. */
  {
    g_autofree char *next = sa_store_next_clock (store);
    g_assert_cmpstr (next, >, clock);
  }
  g_assert_finalize_object (store);
}

static void
test_migrate (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) activity = new_activity ("2012-05-20", "サロン");
  g_autofree char *backup = g_strconcat (f->path, ".v1.bak", NULL);
  g_autofree char *site = NULL;
  SaStore *store;

  store = sa_store_open_at_version (f->path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sa_store_get_schema_version (store), ==, 1);
  g_assert_true (sa_store_insert (store, activity, &error));
  site = g_strdup (sa_store_get_site_id (store));
  g_assert_finalize_object (store);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'activity_date'"), ==, 0);

  store = sa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sa_store_get_schema_version (store), ==, SA_SCHEMA_VERSION);
  /* A database from before the file was recorded records it, and stays the site
   * it was. */
  g_assert_cmpstr (sa_store_get_site_id (store), ==, site);
  g_assert_null (sa_store_take_notices (store));
  g_assert_cmpuint (count_rows (store, &sa_activity_table), ==, 1);
  g_assert_finalize_object (store);

  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'activity_date'"), ==, 1);
  /* The copy kept before the upgrade is the old database, data and all. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (raw_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (backup, "SELECT count(*) FROM activity"), ==, 1);
}

/* Another program wrote ids in upper case before version 3: the upgrade lowers every
 * id and reference, so they are found by any case. A row whose lower-case twin exists
 * keeps its own id rather than being lost. */
static void
test_migrate_ids (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) district = new_district ("中川");
  g_autoptr(SaRecord) activity = new_activity ("2012-05-20", "サロン");
  g_autoptr(SaRecord) twin = new_activity ("2012-05-21", "双子");
  g_autoptr(SaRecord) found = NULL;
  g_autofree char *upper_id = NULL, *upper_district = NULL, *sql = NULL;
  SaStore *store;

  store = sa_store_open_at_version (f->path, 2, &error);
  g_assert_no_error (error);
  sa_record_set_id (district, "0b5e0d3c-7a55-4f0e-8c1a-2f3d4e5f6a7b");
  sa_record_set_id (activity, "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10");
  sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID, sa_record_get_id (district));
  sa_record_set_id (twin, "5c6d7e8f-1a2b-4c3d-8e4f-5a6b7c8d9e0f");
  g_assert_true (sa_store_insert (store, district, &error));
  g_assert_true (sa_store_insert (store, activity, &error));
  g_assert_true (sa_store_insert (store, twin, &error));
  g_assert_finalize_object (store);

  upper_id = g_ascii_strup (sa_record_get_id (activity), -1);
  upper_district = g_ascii_strup (sa_record_get_id (district), -1);
  sql = g_strdup_printf ("UPDATE district SET id = '%s';"
                         "UPDATE activity SET id = '%s', district_id = '%s' WHERE title = 'サロン';"
                         "UPDATE history SET row_id = upper(row_id);"
                         "INSERT INTO activity SELECT upper(id), hlc, site, deleted, clocks, date, time, title,"
                         " organization_id, district_id, place, participants, volunteers, notes"
                         " FROM activity WHERE title = '双子';",
                         upper_district, upper_id, upper_district);
  raw_exec (f->path, sql);

  store = sa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM activity WHERE id = lower(id)"), ==, 2);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM activity WHERE district_id = lower(district_id)"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM district WHERE id = lower(id)"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM activity"), ==, 3);
  found = sa_store_get (store, &sa_activity_table, upper_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_record_get_id (found), ==, sa_record_get_id (activity));
  g_assert_cmpstr (sa_record_get_text (found, SA_ACTIVITY_DISTRICT_ID), ==, sa_record_get_id (district));
  g_assert_finalize_object (store);
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SaStore *store = sa_store_create (f->path, &error);

  g_assert_no_error (error);
  g_assert_finalize_object (store);
  raw_exec (f->path, "PRAGMA user_version = 99");

  store = sa_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SA_ERROR, SA_ERROR_VERSION);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 99);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  SaStore *store;

  g_assert_true (g_file_set_contents (f->path, "This is a letter, not a database.\n", -1, NULL));
  store = sa_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SA_ERROR, SA_ERROR_DATABASE);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "This is a letter, not a database.\n");
  g_clear_error (&error);

  /* Another program's SQLite file is left alone too. */
  g_remove (f->path);
  raw_exec (f->path, "CREATE TABLE accounts (id INTEGER)");
  store = sa_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, SA_ERROR, SA_ERROR_DATABASE);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
}

/* Every table's description names the columns the migrated database has. */
static void
test_schema_matches (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (f->path, &error);
  const char *system[] = { "id", "hlc", "site", "deleted", "clocks" };

  for (guint t = 0; t < sa_schema_n_tables; t++)
    {
      const SaTable *table = sa_schema_tables[t];
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", table->name);
      sqlite3_stmt *stmt = _sa_store_prepare (store, sql, &error);
      guint n = 0;

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 1);
          const char *type = (const char *) sqlite3_column_text (stmt, 2);

          if (n < SA_N_SYSTEM_COLUMNS)
            g_assert_cmpstr (name, ==, system[n]);
          else
            {
              const SaColumn *column = &table->columns[n - SA_N_SYSTEM_COLUMNS];

              g_assert_cmpuint (n - SA_N_SYSTEM_COLUMNS, <, table->n_columns);
              g_assert_cmpstr (name, ==, column->name);
              g_assert_cmpstr (type, ==, column->type == SA_COLUMN_INT ? "INTEGER" : "TEXT");
            }
          n++;
        }
      sqlite3_reset (stmt);
      g_assert_cmpuint (n, ==, SA_N_SYSTEM_COLUMNS + table->n_columns);
    }
}

/* ---- editing -------------------------------------------------------------------- */

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (f->path, &error);
  g_autoptr(SaRecord) no_title = new_activity ("2012-05-20", NULL);
  g_autoptr(SaRecord) bad_date = new_activity ("2011-02-29", "x");
  g_autoptr(SaRecord) negative = new_activity ("2012-05-20", "x");
  g_autoptr(SaRecord) unknown_org = new_activity ("2012-05-20", "x");
  g_autoptr(SaRecord) long_title = NULL;
  g_autofree char *text = g_strnfill (201, 'a');

  sa_record_set_int (negative, SA_ACTIVITY_PARTICIPANTS, -1);
  sa_record_set_text (unknown_org, SA_ACTIVITY_ORGANIZATION_ID, "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10");
  long_title = new_activity ("2012-05-20", text);

  g_assert_false (sa_store_insert (store, no_title, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sa_store_insert (store, bad_date, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sa_store_insert (store, negative, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sa_store_insert (store, unknown_org, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sa_store_insert (store, long_title, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM activity"), ==, 0);
}

static void
test_tombstone (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (f->path, &error);
  g_autoptr(SaRecord) activity = new_activity ("2012-05-20", "サロン");
  g_autoptr(SaRecord) stored = NULL;
  const char *id;

  g_assert_true (sa_store_insert (store, activity, &error));
  id = sa_record_get_id (activity);

  g_assert_true (sa_store_set_deleted (store, &sa_activity_table, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (store, &sa_activity_table), ==, 0);
  stored = sa_store_get (store, &sa_activity_table, id, &error);
  g_assert_true (sa_record_get_deleted (stored));
  g_assert_cmpstr (sa_record_get_text (stored, SA_ACTIVITY_TITLE), ==, "サロン");
  g_assert_cmpstr (sa_record_get_clock (stored, "deleted"), >, sa_record_get_hlc (stored));
  g_clear_object (&stored);

  g_assert_true (sa_store_set_deleted (store, &sa_activity_table, id, FALSE, &error));
  g_assert_cmpuint (count_rows (store, &sa_activity_table), ==, 1);
  stored = sa_store_get (store, &sa_activity_table, id, &error);
  g_assert_false (sa_record_get_deleted (stored));

  g_assert_false (sa_store_set_deleted (store, &sa_activity_table, "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10", TRUE, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_NOT_FOUND);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (f->path, &error);
  g_autoptr(SaRecord) activity = new_activity ("2012-05-20", "サロン");
  g_autoptr(SaRecord) edited = NULL;
  g_autoptr(SaRecord) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_assert_true (sa_store_insert (store, activity, &error));
  edited = sa_record_copy (activity);
  sa_record_set_text (edited, SA_ACTIVITY_TITLE, "ふれあいサロン");
  sa_record_set_int (edited, SA_ACTIVITY_PARTICIPANTS, 25);
  g_assert_true (sa_store_update (store, edited, &error));
  g_assert_no_error (error);

  stored = sa_store_get (store, &sa_activity_table, sa_record_get_id (activity), &error);
  g_assert_cmpstr (sa_record_get_text (stored, SA_ACTIVITY_TITLE), ==, "ふれあいサロン");
  g_assert_cmpint (sa_record_get_int (stored, SA_ACTIVITY_PARTICIPANTS), ==, 25);
  /* Only the fields written carry a clock of their own. */
  g_assert_cmpuint (g_hash_table_size (sa_record_get_clocks (stored)), ==, 2);
  g_assert_cmpstr (sa_record_get_clock (stored, "date"), ==, sa_record_get_hlc (activity));
  g_assert_cmpstr (sa_record_get_clock (stored, "title"), >, sa_record_get_hlc (activity));

  history = sa_store_history (store, &sa_activity_table, sa_record_get_id (activity), &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (sa_record_get_text (g_ptr_array_index (history, 0), SA_ACTIVITY_TITLE), ==, "サロン");
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (history, 0), SA_ACTIVITY_PARTICIPANTS), ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* An edit that changes nothing writes nothing. */
  g_assert_true (sa_store_update (store, stored, &error));
  history = sa_store_history (store, &sa_activity_table, sa_record_get_id (activity), &error);
  g_assert_cmpuint (history->len, ==, 1);
}

static void
on_changed (SaStore            *store,
            const char         *table,
            const char * const *ids,
            GPtrArray          *tables)
{
  g_ptr_array_add (tables, g_strdup (table));
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (f->path, &error);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SaRecord) first = new_district ("中川");
  g_autoptr(SaRecord) second = new_district ("岡津");

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), tables);

  g_assert_true (sa_store_begin (store, &error));
  g_assert_true (sa_store_insert (store, first, &error));
  g_assert_cmpuint (tables->len, ==, 0);
  sa_store_rollback (store);
  g_assert_cmpuint (count_rows (store, &sa_district_table), ==, 0);
  g_assert_cmpuint (tables->len, ==, 0);

  g_assert_true (sa_store_insert (store, second, &error));
  g_assert_cmpuint (tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (tables, 0), ==, "district");
}

/* Schedule phases lie within their plan's years; a plan's years run forwards. */
static void
test_cross_checks (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (f->path, &error);
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(SaRecord) plan = NULL;
  SaImportReport report;
  const struct { gint64 start, end; gboolean valid; } phases[] = {
    { 2010, 2015, TRUE }, { 2012, 2012, TRUE }, { 2009, 2015, FALSE },
    { 2010, 2016, FALSE }, { 2014, 2011, FALSE },
  };

  g_assert_true (sa_import_sample (store, &report, &error));
  commitments = sa_store_list (store, &sa_commitment_table, NULL, NULL, &error);

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      g_autoptr(SaRecord) phase = SA_RECORD (sa_schedule_phase_new ());

      sa_record_set_text (phase, SA_SCHEDULE_PHASE_COMMITMENT_ID,
                          sa_record_get_id (g_ptr_array_index (commitments, 0)));
      sa_record_set_text (phase, SA_SCHEDULE_PHASE_LABEL, "拡充");
      sa_record_set_int (phase, SA_SCHEDULE_PHASE_START_FY, phases[i].start);
      sa_record_set_int (phase, SA_SCHEDULE_PHASE_END_FY, phases[i].end);
      g_assert_cmpint (sa_store_insert (store, phase, &error), ==, phases[i].valid);
      if (!phases[i].valid)
        g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
      g_clear_error (&error);
    }

  plans = sa_store_list (store, &sa_plan_table, NULL, NULL, &error);
  plan = sa_record_copy (g_ptr_array_index (plans, 0));
  sa_record_set_int (plan, SA_PLAN_LAST_FY, 2009);
  g_assert_false (sa_store_update (store, plan, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
}

/* ---- merging -------------------------------------------------------------------- */

static SaRecord *
through_file (SaRecord *record)
{
  g_autofree char *line = sa_row_to_line (record);
  g_autoptr(JsonNode) node = json_from_string (line, NULL);
  g_autoptr(GError) error = NULL;
  SaRecord *copy = sa_row_from_json (node, &error);

  g_assert_no_error (error);
  return copy;
}

/* Imports one row as a file would bring it, and says what the merge did. */
static SaMergeResult
merge_into (SaStore  *store,
            SaRecord *record)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SaImportReport report;

  g_ptr_array_add (records, through_file (record));
  g_assert_true (sa_import_records (store, records, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added + report.updated + report.deleted + report.unchanged, ==, 1);
  return report.added ? SA_MERGE_ADDED : report.updated ? SA_MERGE_UPDATED
         : report.deleted ? SA_MERGE_DELETED : SA_MERGE_UNCHANGED;
}

static SaRecord *
get (SaStore    *store,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  SaRecord *record = sa_store_get (store, &sa_activity_table, id, &error);

  g_assert_no_error (error);
  return record;
}

static void
edit (SaStore    *store,
      const char *id,
      guint       column,
      const char *text,
      gint64      number)
{
  g_autoptr(SaRecord) record = get (store, id);
  g_autoptr(GError) error = NULL;

  /* Edits on two PCs a moment apart: the later one has the later clock. */
  sa_hlc_advance_clock (1000);
  if (text != NULL)
    sa_record_set_text (record, column, text);
  else
    sa_record_set_int (record, column, number);
  g_assert_true (sa_store_update (store, record, &error));
  g_assert_no_error (error);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path_b = g_build_filename (f->dir, "b.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) a = sa_store_create (f->path, &error);
  g_autoptr(SaStore) b = sa_store_create (path_b, &error);
  g_autoptr(SaRecord) activity = new_activity ("2012-05-20", "サロン");
  g_autoptr(SaRecord) from_a = NULL, from_b = NULL, at_a = NULL, at_b = NULL;
  g_autoptr(GPtrArray) history = NULL;
  const char *id;

  g_assert_true (sa_store_insert (a, activity, &error));
  id = sa_record_get_id (activity);
  g_assert_cmpint (merge_into (b, activity), ==, SA_MERGE_ADDED);
  g_assert_cmpint (merge_into (b, activity), ==, SA_MERGE_UNCHANGED);

  /* Two offices correct different fields of the same record. */
  edit (a, id, SA_ACTIVITY_PARTICIPANTS, NULL, 30);
  edit (b, id, SA_ACTIVITY_NOTES, "雨天のため室内で実施", 0);
  from_a = get (a, id);
  from_b = get (b, id);
  g_assert_cmpint (merge_into (a, from_b), ==, SA_MERGE_UPDATED);
  g_assert_cmpint (merge_into (b, from_a), ==, SA_MERGE_UPDATED);

  at_a = get (a, id);
  at_b = get (b, id);
  for (guint i = 0; i < sa_activity_table.n_columns; i++)
    g_assert_true (sa_record_value_equal (at_a, at_b, i));
  g_assert_cmpint (sa_record_get_int (at_a, SA_ACTIVITY_PARTICIPANTS), ==, 30);
  g_assert_cmpstr (sa_record_get_text (at_a, SA_ACTIVITY_NOTES), ==, "雨天のため室内で実施");
  g_assert_cmpint (merge_into (a, at_b), ==, SA_MERGE_UNCHANGED);
  g_clear_object (&from_a);
  g_clear_object (&from_b);

  /* Both change the title: the later write wins, the other is kept in history. */
  edit (a, id, SA_ACTIVITY_TITLE, "サロンA", 0);
  edit (b, id, SA_ACTIVITY_TITLE, "サロンB", 0);
  from_a = get (a, id);
  from_b = get (b, id);
  merge_into (a, from_b);
  merge_into (b, from_a);
  g_clear_object (&at_a);
  at_a = get (a, id);
  g_assert_cmpstr (sa_record_get_text (at_a, SA_ACTIVITY_TITLE), ==, "サロンB");
  g_clear_object (&at_b);
  at_b = get (b, id);
  g_assert_cmpstr (sa_record_get_text (at_b, SA_ACTIVITY_TITLE), ==, "サロンB");
  history = sa_store_history (b, &sa_activity_table, id, &error);
  g_assert_true (history->len >= 2);
  g_assert_cmpstr (sa_record_get_text (g_ptr_array_index (history, history->len - 1), SA_ACTIVITY_TITLE), ==, "サロンA");
  /* Importing the same losing version again adds nothing, not even history. */
  g_assert_cmpint (merge_into (b, from_a), ==, SA_MERGE_UNCHANGED);
  {
    g_autoptr(GPtrArray) again = sa_store_history (b, &sa_activity_table, id, &error);
    g_assert_cmpuint (again->len, ==, history->len);
  }

  /* A tombstone competes like any field. */
  g_assert_true (sa_store_set_deleted (a, &sa_activity_table, id, TRUE, &error));
  g_clear_object (&from_a);
  from_a = get (a, id);
  g_assert_cmpint (merge_into (b, from_a), ==, SA_MERGE_DELETED);
  g_assert_cmpuint (count_rows (b, &sa_activity_table), ==, 0);
}

/* How many rows own_write lists for activity @id: with @clock, or with the row's
 * latest clock (its own or a field's) when @clock is NULL. */
static gint64
own_write_count (const char *path,
                 const char *id,
                 const char *clock)
{
  g_autofree char *sql = NULL;

  if (clock != NULL)
    sql = g_strdup_printf ("SELECT count(*) FROM own_write WHERE table_name = 'activity' AND row_id = '%s'"
                           " AND clock = '%s'", id, clock);
  else
    sql = g_strdup_printf ("SELECT count(*) FROM own_write o JOIN activity a ON a.id = o.row_id"
                           " WHERE o.table_name = 'activity' AND o.row_id = '%s' AND o.clock ="
                           " max(a.hlc, coalesce((SELECT max(value) FROM json_each(a.clocks)), ''))", id);
  return raw_int (path, sql);
}

/* own_write lists the rows whose last writer is this site, with their latest clock:
 * its new rows, its edits of another site's row, a merge its own field wins; a row
 * another site wrote last is not listed, nor listed again. */
static void
test_own_write (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path_b = g_build_filename (f->dir, "b.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) a = sa_store_create (f->path, &error);
  g_autoptr(SaStore) b = sa_store_create (path_b, &error);
  g_autoptr(SaRecord) activity = new_activity ("2012-05-20", "サロン");
  g_autoptr(SaRecord) from_a = NULL;
  g_autoptr(SaRecord) from_b = NULL;
  g_autofree char *notes_clock = NULL;
  const char *id;

  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), ==, 0);
  g_assert_true (sa_store_insert (a, activity, &error));
  id = sa_record_get_id (activity);
  g_assert_cmpint (own_write_count (f->path, id, NULL), ==, 1);

  /* Another site's new row, then this site's edit of it. */
  g_assert_cmpint (merge_into (b, activity), ==, SA_MERGE_ADDED);
  g_assert_cmpint (raw_int (path_b, "SELECT count(*) FROM own_write"), ==, 0);
  edit (b, id, SA_ACTIVITY_NOTES, "雨天のため室内で実施", 0);
  from_b = get (b, id);
  notes_clock = g_strdup (sa_record_get_clock (from_b, "notes"));
  g_assert_cmpint (own_write_count (path_b, id, notes_clock), ==, 1);
  g_assert_cmpint (own_write_count (path_b, id, NULL), ==, 1);

  /* A later edit at A: merged at B, A is the row's last writer, B's entry stays;
   * merged at A, A's own field wins and its entry moves to the row's latest clock. */
  edit (a, id, SA_ACTIVITY_PARTICIPANTS, NULL, 30);
  from_a = get (a, id);
  g_assert_cmpint (merge_into (b, from_a), ==, SA_MERGE_UPDATED);
  g_assert_cmpint (own_write_count (path_b, id, notes_clock), ==, 1);
  g_assert_cmpint (own_write_count (path_b, id, NULL), ==, 0);
  g_assert_cmpint (merge_into (a, from_b), ==, SA_MERGE_UPDATED);
  g_assert_cmpint (own_write_count (f->path, id, NULL), ==, 1);
  g_assert_cmpint (own_write_count (f->path, id, sa_record_get_clock (from_a, "participants")), ==, 1);
}

/* A database of version 10 keeps its own_write rows through the upgrade, which drops
 * the triggers that kept them; the store's writes list the next ones. */
static void
test_migrate_own_write (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) first = new_activity ("2012-05-20", "サロン");
  g_autoptr(SaRecord) second = new_activity ("2012-05-21", "体操");
  SaStore *store = sa_store_open_at_version (f->path, 10, &error);

  g_assert_no_error (error);
  g_assert_true (sa_store_insert (store, first, &error));
  g_assert_finalize_object (store);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), >, 0);
  g_assert_cmpint (own_write_count (f->path, sa_record_get_id (first), NULL), ==, 1);

  store = sa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), ==, 0);
  g_assert_cmpint (own_write_count (f->path, sa_record_get_id (first), NULL), ==, 1);
  g_assert_true (sa_store_insert (store, second, &error));
  g_assert_cmpint (own_write_count (f->path, sa_record_get_id (second), NULL), ==, 1);
  g_assert_finalize_object (store);
}

/* Merging the same versions in any order gives the same row. */
static void
test_merge_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path_b = g_build_filename (f->dir, "b.db", NULL);
  g_autofree char *path_c = g_build_filename (f->dir, "c.db", NULL);
  g_autofree char *path_d = g_build_filename (f->dir, "d.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) a = sa_store_create (f->path, &error);
  g_autoptr(SaStore) b = sa_store_create (path_b, &error);
  g_autoptr(SaStore) c = sa_store_create (path_c, &error);
  g_autoptr(SaStore) d = sa_store_create (path_d, &error);
  g_autoptr(SaRecord) activity = new_activity ("2012-05-20", "サロン");
  g_autoptr(SaRecord) va = NULL, vb = NULL, vc = NULL, in_c = NULL, in_d = NULL;
  const char *id;

  g_assert_true (sa_store_insert (a, activity, &error));
  id = sa_record_get_id (activity);
  merge_into (b, activity);
  edit (a, id, SA_ACTIVITY_TITLE, "A", 0);
  edit (b, id, SA_ACTIVITY_TITLE, "B", 0);
  edit (b, id, SA_ACTIVITY_PLACE, "地区センター", 0);
  edit (a, id, SA_ACTIVITY_VOLUNTEERS, NULL, 3);
  va = get (a, id);
  vb = get (b, id);
  vc = through_file (activity);

  merge_into (c, va); merge_into (c, vb); merge_into (c, vc);
  merge_into (d, vc); merge_into (d, vb); merge_into (d, va);
  in_c = get (c, id);
  in_d = get (d, id);
  for (guint i = 0; i < sa_activity_table.n_columns; i++)
    g_assert_true (sa_record_value_equal (in_c, in_d, i));
  g_assert_cmpstr (sa_record_get_hlc (in_c), ==, sa_record_get_hlc (in_d));
  g_assert_cmpstr (sa_record_get_site (in_c), ==, sa_record_get_site (in_d));
  {
    g_autofree char *clocks_c = sa_clocks_to_json (sa_record_get_clocks (in_c));
    g_autofree char *clocks_d = sa_clocks_to_json (sa_record_get_clocks (in_d));
    g_assert_cmpstr (clocks_c, ==, clocks_d);
  }
  g_assert_cmpint (sa_record_get_int (in_c, SA_ACTIVITY_VOLUNTEERS), ==, 3);
  g_assert_cmpstr (sa_record_get_text (in_c, SA_ACTIVITY_PLACE), ==, "地区センター");
}

static void
test_import_refuses_bad_rows (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (f->path, &error);
  const char *site = "5a5ae0a1-0000-4000-8000-000000000001";
  g_autofree char *good = g_strdup_printf ("{\"table\":\"district\",\"id\":\"4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10\","
                                           "\"hlc\":\"1270047600000-0000-%s\",\"site\":\"%s\",\"deleted\":false,"
                                           "\"fields\":{\"name\":\"中川\",\"position\":0}}\n", site, site);
  const char *bad[] = {
    "{\"table\":\"nope\"}",
    "[1,2]",
    "{\"table\":\"district\",\"id\":\"x\"}",
    "not json",
    "{\"table\":\"district\",\"id\":\"5b0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10\",\"hlc\":\"1270047600000-0000-5a5ae0a1-0000-4000-8000-000000000001\",\"site\":\"5a5ae0a1-0000-4000-8000-000000000001\",\"deleted\":false,\"fields\":{\"name\":42,\"position\":0}}",
    "{\"table\":\"district\",\"id\":\"5b0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10\",\"hlc\":\"1270047600000-0000-5a5ae0a1-0000-4000-8000-000000000001\",\"site\":\"5a5ae0a1-0000-4000-8000-000000000001\",\"deleted\":false,\"fields\":{\"position\":0}}",
    "{\"table\":\"district\",\"id\":\"5b0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10\",\"hlc\":\"1270047600000-0000-5a5ae0a1-0000-4000-8000-000000000001\",\"site\":\"5a5ae0a1-0000-4000-8000-000000000001\",\"deleted\":false,\"fields\":{\"name\":\"x\",\"position\":0,\"extra\":1}}",
    "{\"table\":\"activity\",\"id\":\"5b0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10\",\"hlc\":\"1270047600000-0000-5a5ae0a1-0000-4000-8000-000000000001\",\"site\":\"5a5ae0a1-0000-4000-8000-000000000001\",\"deleted\":false,\"fields\":{\"date\":\"2011-02-29\",\"title\":\"x\",\"participants\":0,\"volunteers\":0}}",
    "{\"table\":\"activity\",\"id\":\"5b0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10\",\"hlc\":\"9999999999999-0000-5a5ae0a1-0000-4000-8000-000000000001\",\"site\":\"5a5ae0a1-0000-4000-8000-000000000001\",\"deleted\":false,\"fields\":{\"date\":\"2011-02-28\",\"title\":\"x\",\"participants\":0,\"volunteers\":0}}",
    "{\"table\":\"activity\",\"id\":\"5b0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10\",\"hlc\":\"1270047600000-0000-5a5ae0a1-0000-4000-8000-000000000001\",\"site\":\"5a5ae0a1-0000-4000-8000-000000000001\",\"deleted\":false,\"fields\":{\"date\":\"2011-02-28\",\"title\":\"x\",\"participants\":0,\"volunteers\":0,\"organization_id\":\"6c0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strconcat (good, bad[i], "\n", NULL);
      g_autoptr(GPtrArray) records = sa_import_parse_lines (text, strlen (text), &error);
      SaImportReport report;

      if (records != NULL)
        {
          /* Rows that read well but cannot be merged are refused by the import. */
          g_assert_false (sa_import_records (store, records, &report, &error));
        }
      g_assert_nonnull (error);
      g_test_message ("refused: %s", error->message);
      g_clear_error (&error);
      g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM district"), ==, 0);
      g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM activity"), ==, 0);
    }
}

/* ---- clocks --------------------------------------------------------------------- */

static void
test_hlc (void)
{
  const char *site = "5a5ae0a1-0000-4000-8000-000000000001";
  const char *other = "5a5ae0a1-0000-4000-8000-000000000002";
  g_autoptr(SaHlc) hlc = sa_hlc_new (site, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = sa_hlc_tick (hlc, 1000000);
  g_autofree char *same_ms = sa_hlc_tick (hlc, 1000000);
  g_autofree char *clock_back = sa_hlc_tick (hlc, 5);
  g_autofree char *remote = g_strdup_printf ("0000002000000-0007-%s", other);
  g_autofree char *far = g_strdup_printf ("9000000000000-0000-%s", other);
  g_autofree char *after = NULL;

  g_assert_cmpstr (first, ==, "0000001000000-0000-5a5ae0a1-0000-4000-8000-000000000001");
  g_assert_cmpstr (same_ms, >, first);
  g_assert_cmpstr (clock_back, >, same_ms);

  g_assert_true (sa_hlc_observe (hlc, remote, 1500000, &error));
  after = sa_hlc_tick (hlc, 1500000);
  g_assert_cmpstr (after, >, remote);

  g_assert_false (sa_hlc_observe (hlc, far, 1500000, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (sa_hlc_observe (hlc, "garbage", 1500000, &error));
  g_assert_false (sa_hlc_is_valid ("0000001000000-000G-5a5ae0a1-0000-4000-8000-000000000001"));
}

/* ---- reviews -------------------------------------------------------------------- */

/* Makes f->path a database at schema @version holding the sample plan: the sample is
 * imported into a current database, and the columns the old tables have are copied,
 * as an office that loaded the sample with an older version would have them. */
static void
make_old_sample (Fixture *f,
                 guint    version)
{
  g_autofree char *current_path = g_build_filename (f->dir, "current.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  SaImportReport report;
  SaStore *store;
  sqlite3 *db;

  store = sa_store_create (current_path, &error);
  g_assert_no_error (error);
  g_assert_true (sa_import_sample (store, &report, &error));
  g_assert_finalize_object (store);
  store = sa_store_open_at_version (f->path, version, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_string_append_printf (sql, "ATTACH '%s' AS cur;", current_path);
  g_assert_cmpint (sqlite3_exec (db, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < sa_schema_n_tables; i++)
    {
      const char *name = sa_schema_tables[i]->name;
      g_autofree char *query = g_strdup_printf ("SELECT group_concat(name, ', ') FROM pragma_table_info('%s', 'main')"
                                                " WHERE name IN (SELECT name FROM pragma_table_info('%s', 'cur'))",
                                                name, name);
      sqlite3_stmt *stmt;
      const char *columns;

      g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      columns = (const char *) sqlite3_column_text (stmt, 0);
      if (columns != NULL)
        {
          g_autofree char *copy = g_strdup_printf ("INSERT INTO main.%s (%s) SELECT %s FROM cur.%s",
                                                   name, columns, columns, name);
          g_assert_cmpint (sqlite3_exec (db, copy, NULL, NULL, NULL), ==, SQLITE_OK);
        }
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_exec (db, "INSERT OR IGNORE INTO main.site (id, name, is_self, last_hlc)"
                                     " SELECT id, name, 0, last_hlc FROM cur.site WHERE is_self = 0;"
                                     "DETACH cur", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_remove (current_path);
}

/* A database from before reviews took their shape gets the new review table and the
 * rating scales' table; a review can then be written on the default scale. */
static void
test_migrate_reviews (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaReview) review = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autofree char *commitment_id = NULL;
  SaStore *store;

  make_old_sample (f, 4);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM commitment"), >, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM pragma_table_info('review') WHERE name = 'rating'"), ==, 0);

  store = sa_store_open (f->path, &error);
  g_assert_no_error (error);
  commitments = sa_store_list (store, &sa_commitment_table, NULL, NULL, &error);
  g_assert_nonnull (commitments);
  commitment_id = g_strdup (sa_record_get_id (g_ptr_array_index (commitments, 0)));
  review = sa_store_dup_review (store, commitment_id, 2012, &error);
  g_assert_no_error (error);
  sa_record_set_text (SA_RECORD (review), SA_REVIEW_RATING, "C");
  g_assert_true (sa_store_save_review (store, review, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM review WHERE rating = 'C'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM rating_level"), ==, 0);
}

/* A database from before targets had a measure gets the one the review used to guess
 * from the target's words: 全地区 districts, 回 activities, か所 (and its other
 * spellings) places; a target without such words gets none. */
static void
test_migrate_targets (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SaStore *store;

  make_old_sample (f, 5);
  raw_exec (f->path, "UPDATE commitment SET target_text = '年4回', target_value = 4, target_unit = '回'"
                     " WHERE id = (SELECT id FROM commitment WHERE target_text IS NULL ORDER BY id LIMIT 1);"
                     "UPDATE commitment SET target_text = '3箇所', target_value = 3, target_unit = '箇所'"
                     " WHERE id = (SELECT id FROM commitment WHERE target_text IS NULL ORDER BY id LIMIT 1);"
                     "UPDATE commitment SET target_text = '参加者100人', target_value = 100, target_unit = '人'"
                     " WHERE id = (SELECT id FROM commitment WHERE target_text IS NULL ORDER BY id LIMIT 1);");
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM pragma_table_info('commitment')"
                                     " WHERE name = 'target_measure'"), ==, 0);

  store = sa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM commitment WHERE target_text = '全地区'"
                                     " AND target_measure = 'districts'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM commitment WHERE target_text = '6か所'"
                                     " AND target_measure = 'places'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM commitment WHERE target_text = '3箇所'"
                                     " AND target_measure = 'places'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM commitment WHERE target_text = '年4回'"
                                     " AND target_measure = 'activities'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM commitment WHERE target_measure IS NOT NULL"), ==, 4);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM commitment WHERE target_text = '参加者100人'"
                                     " AND target_measure IS NULL"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM pragma_table_info('review') WHERE name = 'actual'"), ==, 1);
}

/* Every link as text, clocks and tombstones included, in the order of their ids. */
static char *
raw_links (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat(row, ';') FROM (SELECT id || '|' || hlc || '|' || site"
                                       " || '|' || deleted || '|' || coalesce(clocks, '-') || '|' || activity_id"
                                       " || '|' || commitment_id AS row"
                                       " FROM activity_commitment ORDER BY id)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* A database of version 7 keeps every link through the upgrade, with its id, clocks
 * and tombstone, and the activity still reads its commitments; the activity indexes
 * nothing uses are gone, those of the links stay. */
/* A database whose activity indexes by organization and district are already gone
 * (dropped by hand, or by a tool) still upgrades past version 9, which drops them. */
static void
test_migrate_without_indexes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SaStore *store = sa_store_open_at_version (f->path, 8, &error);

  g_assert_no_error (error);
  g_assert_finalize_object (store);
  raw_exec (f->path, "DROP INDEX activity_organization; DROP INDEX activity_district");

  store = sa_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_finalize_object (store);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), >, 8);
}

static void
test_migrate_links (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) activity = new_activity ("2012-05-20", "サロン");
  g_autoptr(GPtrArray) commitments = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_auto(GStrv) linked = NULL;
  const char *both[3] = { NULL, };
  SaImportReport report;
  SaStore *store;

  store = sa_store_open_at_version (f->path, 7, &error);
  g_assert_no_error (error);
  g_assert_true (sa_import_sample (store, &report, &error));
  commitments = sa_store_list (store, &sa_commitment_table, NULL, NULL, &error);
  both[0] = sa_record_get_id (g_ptr_array_index (commitments, 0));
  both[1] = sa_record_get_id (g_ptr_array_index (commitments, 1));
  g_assert_true (sa_store_insert (store, activity, &error));
  g_assert_true (sa_store_set_activity_commitments (store, sa_record_get_id (activity), both, &error));
  g_assert_true (sa_store_set_activity_commitments (store, sa_record_get_id (activity), both + 1, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  before = raw_links (f->path);
  /* One live link, and one deleted with the clock of its tombstone. */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM activity_commitment WHERE deleted = 1"
                                     " AND clocks LIKE '%\"deleted\"%'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM activity_commitment WHERE deleted = 0"), ==, 1);

  store = sa_store_open (f->path, &error);
  g_assert_no_error (error);
  linked = sa_store_dup_activity_commitments (store, sa_record_get_id (activity), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (linked), ==, 1);
  g_assert_cmpstr (linked[0], ==, both[1]);
  g_assert_finalize_object (store);

  after = raw_links (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                                     " ('activity_organization', 'activity_district')"), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                                     " ('activity_commitment_activity', 'activity_commitment_commitment')"), ==, 2);
}

static void
write_review (SaStore    *store,
              const char *commitment_id,
              guint       column,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaReview) review = sa_store_dup_review (store, commitment_id, 2012, &error);

  g_assert_no_error (error);
  sa_hlc_advance_clock (1000);
  sa_record_set_text (SA_RECORD (review), column, text);
  g_assert_true (sa_store_save_review (store, review, &error));
  g_assert_no_error (error);
}

/* Two sites write different fields of the same commitment's review of a year, each
 * unaware of the other: the merged review has both, in either order of merging. */
static void
test_review_merge (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(SaStore) a = sa_store_create (f->path, &error);
  g_autoptr(SaStore) b = sa_store_create (other_path, &error);
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(SaRecord) from_a = NULL;
  g_autoptr(SaRecord) from_b = NULL;
  g_autofree char *id = NULL;
  const char *commitment_id;
  SaImportReport report;

  g_assert_true (sa_import_sample (a, &report, &error));
  g_assert_true (sa_import_sample (b, &report, &error));
  commitments = sa_store_list (a, &sa_commitment_table, NULL, NULL, &error);
  commitment_id = sa_record_get_id (g_ptr_array_index (commitments, 0));
  id = sa_review_make_id (commitment_id, 2012);

  write_review (a, commitment_id, SA_REVIEW_RATING, "B");
  write_review (b, commitment_id, SA_REVIEW_RESULTS, "毎月開催");
  from_a = sa_store_get (a, &sa_review_table, id, &error);
  from_b = sa_store_get (b, &sa_review_table, id, &error);
  g_assert_no_error (error);
  merge_into (a, from_b);
  merge_into (b, from_a);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SaRecord) merged = sa_store_get (i ? b : a, &sa_review_table, id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sa_record_get_text (merged, SA_REVIEW_RATING), ==, "B");
      g_assert_cmpstr (sa_record_get_text (merged, SA_REVIEW_RESULTS), ==, "毎月開催");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/create", test_create);
  ADD ("/store/open-missing", test_open_missing);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/migrate", test_migrate);
  ADD ("/store/migrate/ids", test_migrate_ids);
  ADD ("/store/newer-version", test_newer_version);
  ADD ("/store/not-a-database", test_not_a_database);
  ADD ("/store/schema-matches", test_schema_matches);
  ADD ("/store/validation", test_validation);
  ADD ("/store/tombstone", test_tombstone);
  ADD ("/store/history", test_history);
  ADD ("/store/transactions", test_transactions);
  ADD ("/store/cross-checks", test_cross_checks);
  ADD ("/store/merge/fields", test_merge);
  ADD ("/store/merge/order", test_merge_order);
  ADD ("/store/import/bad-rows", test_import_refuses_bad_rows);
  ADD ("/store/migrate/reviews", test_migrate_reviews);
  ADD ("/store/migrate/targets", test_migrate_targets);
  ADD ("/store/migrate/links", test_migrate_links);
  ADD ("/store/migrate/without-indexes", test_migrate_without_indexes);
  ADD ("/store/migrate/own-write", test_migrate_own_write);
  ADD ("/store/own-write", test_own_write);
  ADD ("/store/review/merge", test_review_merge);
#undef ADD
  g_test_add_func ("/hlc/order", test_hlc);

  return g_test_run ();
}
