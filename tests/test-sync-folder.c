/* test-sync-folder.c: many sites through one shared folder of segments
 *
 * Late joiners, nothing new costing nothing, k new rows reading one segment, a
 * damaged segment refused and tried again, old whole files, compaction, hand
 * carrying beside the folder, an edit of another site's row, sealed segments, a
 * database from before the table of a site's own writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <time.h>
#include <utime.h>

#include "sa-activity.h"
#include "sa-error.h"
#include "sa-schema.h"
#include "sa-store.h"
#include "sa-sync-file.h"
#include "sa-sync-folder.h"
#include "site-fixture.h"

static void
add_activity (SaStore    *store,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  g_assert_true (sa_store_insert (store, activity, &error));
  g_assert_no_error (error);
}

static guint
count_activities (SaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = sa_store_list_activities (store, NULL, NULL, &error);

  g_assert_no_error (error);
  return activities->len;
}

static gboolean
has_title (SaStore    *store,
           const char *title)
{
  g_autoptr(GPtrArray) activities = sa_store_list_activities (store, NULL, NULL, NULL);

  for (guint i = 0; i < activities->len; i++)
    if (g_strcmp0 (sa_record_get_text (g_ptr_array_index (activities, i), SA_ACTIVITY_TITLE), title) == 0)
      return TRUE;
  return FALSE;
}

/* Syncs @store through @folder; returns the files it merged, in @result. */
static void
sync_with (SaStore            *store,
           GFile              *folder,
           SiteFolderCount              *count,
           SaSyncFolderResult *result)
{
  g_autoptr(GError) error = NULL;
  SiteFolderCount ignored = { 0, };

  sa_sync_folder_result_clear (result);
  g_assert_true (sa_sync_folder_full (store, folder, NULL, site_fixture_count_file, count ? count : &ignored, result, NULL, &error));
  g_assert_no_error (error);
}

static GFile *
make_folder (SiteFixture *f)
{
  g_autofree char *shared = site_fixture_path (f, "shared");

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
  return g_file_new_for_path (shared);
}

static char *
segment_path (GFile      *folder,
              SaStore    *store,
              const char *name)
{
  g_autofree char *dir = g_file_get_path (folder);

  return g_build_filename (dir, sa_store_get_site_id (store), name, NULL);
}

/* Every file in the folder and the time it was last written. */
static void
gather_times (const char *dir,
              GPtrArray  *lines)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        gather_times (path, lines);
      else
        {
          g_assert_cmpint (g_stat (path, &st), ==, 0);
          g_ptr_array_add (lines, g_strdup_printf ("%s %lld %lld", path, (long long) st.st_mtim.tv_sec,
                                                   (long long) st.st_mtim.tv_nsec));
        }
    }
}

/* Dates every file under @path an hour back, so a file written again shows a later
 * time without the test waiting for the clock. */
static void
age_files (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          age_files (child);
        }
    }
  else
    {
      struct utimbuf times;

      times.actime = times.modtime = time (NULL) - 3600;
      g_assert_cmpint (g_utime (path, &times), ==, 0);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
list_times (const char *dir)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  gather_times (dir, lines);
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static guint
count_segments (GFile   *folder,
                SaStore *store)
{
  g_autofree char *dir = segment_path (folder, store, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* Sites that synced several times, with writes between; a new site then gets it all
 * in one sync. */
static void
test_late_joiner (SiteFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaStore) late = NULL;
  g_auto(SaSyncFolderResult) result = { 0, };
  SiteFolderCount count = { 0, };

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *title_a = g_strdup_printf ("A%u", round);
      g_autofree char *title_b = g_strdup_printf ("B%u", round);

      add_activity (a, title_a);
      add_activity (b, title_b);
      sync_with (a, folder, &count, &result);
      sync_with (b, folder, &count, &result);
    }
  g_assert_cmpuint (count.n_refused, ==, 0);

  late = site_fixture_open (f, "late");
  sync_with (late, folder, &count, &result);
  g_assert_cmpuint (count_activities (late), ==, 6);
  g_assert_cmpuint (count_activities (a), ==, 5);
  g_assert_null (result.written);
  sync_with (a, folder, &count, &result);
  g_assert_cmpuint (count_activities (a), ==, 6);
}

/* Once every site is up to date, a sync reads no file and writes none. */
static void
test_nothing_new (SiteFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autofree char *shared = g_file_get_path (folder);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_auto(SaSyncFolderResult) result = { 0, };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_activity (a, "A");
  add_activity (b, "B");
  for (guint round = 0; round < 2; round++)
    {
      sync_with (a, folder, NULL, &result);
      sync_with (b, folder, NULL, &result);
    }
  g_assert_cmpuint (count_activities (a), ==, 2);

  age_files (shared);
  before = list_times (shared);
  sync_with (a, folder, NULL, &result);
  g_assert_cmpuint (result.n_read, ==, 0);
  g_assert_null (result.written);
  sync_with (b, folder, NULL, &result);
  g_assert_cmpuint (result.n_read, ==, 0);
  g_assert_null (result.written);
  after = list_times (shared);
  g_assert_cmpstr (before, ==, after);
}

/* New rows at one site: the others read that site's new segment alone. */
static void
test_new_rows_one_segment (SiteFixture   *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaStore) c = site_fixture_open (f, "c");
  g_auto(SaSyncFolderResult) result = { 0, };
  SaStore *sites[] = { a, b, c };

  for (guint s = 0; s < G_N_ELEMENTS (sites); s++)
    add_activity (sites[s], "first");
  for (guint round = 0; round < 2; round++)
    for (guint s = 0; s < G_N_ELEMENTS (sites); s++)
      sync_with (sites[s], folder, NULL, &result);

  add_activity (a, "new 1");
  add_activity (a, "new 2");
  sync_with (a, folder, NULL, &result);
  g_assert_cmpuint (result.n_read, ==, 0);
  g_assert_nonnull (result.written);
  sync_with (c, folder, NULL, &result);
  g_assert_cmpuint (result.n_read, ==, 1);
  g_assert_true (has_title (c, "new 1") && has_title (c, "new 2"));
  g_assert_cmpuint (count_activities (c), ==, 5);
}

static char *
dump_activities (SaStore *store)
{
  g_autoptr(GPtrArray) activities = sa_store_list_activities (store, NULL, NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < activities->len; i++)
    {
      SaRecord *record = g_ptr_array_index (activities, i);
      g_string_append_printf (out, "%s %s %s\n", sa_record_get_id (record), sa_record_get_hlc (record),
                              sa_record_get_text (record, SA_ACTIVITY_TITLE));
    }
  return g_string_free (out, FALSE);
}

/* A damaged segment is refused, changes nothing, and is read again next time. */
static void
test_damaged_segment (SiteFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_auto(SaSyncFolderResult) result = { 0, };
  g_autofree char *path = NULL;
  g_autofree char *good = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;
  SiteFolderCount count = { 0, };

  add_activity (a, "A");
  sync_with (a, folder, NULL, &result);
  sync_with (b, folder, NULL, &result);
  add_activity (a, "A2");
  sync_with (a, folder, NULL, &result);
  g_assert_cmpstr (result.written, !=, NULL);

  path = segment_path (folder, a, "000002.sasaeai");
  g_assert_true (g_file_get_contents (path, &good, &length, NULL));
  /* Cut short at its very end: the header still reads, the whole file does not. */
  g_assert_true (g_file_set_contents (path, good, length - 4, NULL));

  before = dump_activities (b);
  sync_with (b, folder, &count, &result);
  g_assert_cmpuint (count.n_refused, ==, 1);
  after = dump_activities (b);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (has_title (b, "A2"));

  /* Whole again, as a file-sync service finishes bringing it. */
  g_assert_true (g_file_set_contents (path, good, length, NULL));
  sync_with (b, folder, &count, &result);
  g_assert_cmpuint (count.n_refused, ==, 1);
  g_assert_cmpuint (result.n_read, ==, 1);
  g_assert_true (has_title (b, "A2"));
}

/* An edit of a row another site wrote goes in this site's next segment: the row's
 * last writer is now this site, and the segment finds it among its writes since the
 * last one. */
static void
test_edit_of_another_sites_row (SiteFixture   *f,
                                gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(GPtrArray) activities = NULL;
  g_auto(SaSyncFolderResult) result = { 0, };
  g_autoptr(GError) error = NULL;
  SaRecord *record = NULL;

  add_activity (a, "A");
  add_activity (b, "B");
  sync_with (a, folder, NULL, &result);
  sync_with (b, folder, NULL, &result);
  sync_with (a, folder, NULL, &result);
  g_assert_true (has_title (b, "A"));

  activities = sa_store_list_activities (b, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < activities->len; i++)
    if (g_strcmp0 (sa_record_get_text (g_ptr_array_index (activities, i), SA_ACTIVITY_TITLE), "A") == 0)
      record = g_ptr_array_index (activities, i);
  g_assert_nonnull (record);
  sa_record_set_text (record, SA_ACTIVITY_TITLE, "A, corrected at B");
  g_assert_true (sa_store_update (b, record, &error));
  g_assert_no_error (error);

  sync_with (b, folder, NULL, &result);
  g_assert_cmpstr (result.written, !=, NULL);
  g_assert_true (g_str_has_suffix (result.written, "000002.sasaeai"));
  sync_with (a, folder, NULL, &result);
  g_assert_true (has_title (a, "A, corrected at B"));
}

/* Takes a database back to schema 9, before the table of this site's writes (and the
 * triggers that kept it in schema 10). */
static void
drop_own_write (const char *path)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'trigger'", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < triggers->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER %s", (char *) g_ptr_array_index (triggers, i));
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE own_write; PRAGMA user_version = 9", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
}

/* A database from before schema 10 with a write that no segment holds yet: the
 * migration lists the rows this site wrote, and its next segment holds that one. */
static void
test_migrated_database (SiteFixture   *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autofree char *path = g_strdup (sa_store_get_path (a));
  g_auto(SaSyncFolderResult) result = { 0, };
  g_autoptr(GError) error = NULL;

  add_activity (a, "A1");
  sync_with (a, folder, NULL, &result);
  add_activity (a, "A2");
  g_clear_object (&a);
  drop_own_write (path);

  a = sa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sa_store_get_schema_version (a), ==, SA_SCHEMA_VERSION);
  sync_with (a, folder, NULL, &result);
  g_assert_cmpstr (result.written, !=, NULL);
  g_assert_true (g_str_has_suffix (result.written, "000002.sasaeai"));
  sync_with (b, folder, NULL, &result);
  g_assert_true (has_title (b, "A1"));
  g_assert_true (has_title (b, "A2"));
}

/* Sealed segments: the wrong passphrase and a changed byte are refused and change
 * nothing; the right passphrase on the whole segment merges it. */
static void
test_sealed_segments (SiteFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autofree char *path = NULL;
  g_autofree char *good = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  SiteFolderCount count = { 0, };
  gsize length;

  add_activity (a, "秘密");
  g_assert_true (sa_sync_folder_full (a, folder, "合言葉 one", site_fixture_count_file, &count, NULL, NULL, &error));
  g_assert_no_error (error);
  path = segment_path (folder, a, "000001.sasaeai");
  g_assert_true (g_file_get_contents (path, &good, &length, NULL));
  g_assert_null (g_strstr_len (good, length, "秘密"));

  before = dump_activities (b);
  g_assert_true (sa_sync_folder_full (b, folder, "合言葉 two", site_fixture_count_file, &count, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.n_refused, ==, 1);

  good[length / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (path, good, length, NULL));
  g_assert_true (sa_sync_folder_full (b, folder, "合言葉 one", site_fixture_count_file, &count, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.n_refused, ==, 2);
  after = dump_activities (b);
  g_assert_cmpstr (before, ==, after);

  good[length / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (path, good, length, NULL));
  g_assert_true (sa_sync_folder_full (b, folder, "合言葉 one", site_fixture_count_file, &count, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.n_refused, ==, 2);
  g_assert_true (has_title (b, "秘密"));
}

/* A whole file of an older version at the top of the folder is merged, and merged
 * again only when it changes. */
static void
test_old_whole_file (SiteFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autoptr(SaStore) old = site_fixture_open (f, "old");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autofree char *name = sa_sync_file_name_for_site (sa_store_get_site_id (old));
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_auto(SaSyncFolderResult) result = { 0, };
  g_autoptr(GError) error = NULL;

  add_activity (old, "old");
  g_assert_true (sa_sync_file_export (old, file, NULL, &error));
  {
    g_autofree char *path = g_file_get_path (file);
    age_files (path);
  }
  sync_with (b, folder, NULL, &result);
  g_assert_cmpuint (result.n_read, ==, 1);
  g_assert_true (has_title (b, "old"));

  sync_with (b, folder, NULL, &result);
  g_assert_cmpuint (result.n_read, ==, 0);

  add_activity (old, "old 2");
  g_assert_true (sa_sync_file_export (old, file, NULL, &error));
  sync_with (b, folder, NULL, &result);
  g_assert_cmpuint (result.n_read, ==, 1);
  g_assert_true (has_title (b, "old 2"));
}

/* Many syncs with something new each: the site's segments are compacted now and
 * then, and a site that joins afterwards still gets everything, edits included. */
static void
test_compaction (SiteFixture   *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaStore) late = NULL;
  g_auto(SaSyncFolderResult) result = { 0, };

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("A%u", i);

      add_activity (a, title);
      sync_with (a, folder, NULL, &result);
      g_assert_nonnull (result.written);
      if (i % 3 == 0)
        sync_with (b, folder, NULL, &result);
    }
  sync_with (b, folder, NULL, &result);
  g_assert_cmpuint (count_activities (b), ==, 20);
  g_assert_cmpuint (count_segments (folder, a), <, 8);

  late = site_fixture_open (f, "late");
  sync_with (late, folder, NULL, &result);
  g_assert_cmpuint (count_activities (late), ==, 20);
  g_assert_true (has_title (late, "A0") && has_title (late, "A19"));
}

/* A site that is not in the folder reaches it by hand: the site that imported its
 * file passes its records on with export-sync, as before. */
static void
test_hand_carried (SiteFixture   *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = make_folder (f);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) far = site_fixture_open (f, "far");
  g_autoptr(SaStore) d = site_fixture_open (f, "d");
  g_autofree char *far_path = site_fixture_path (f, "far.sasaeai");
  g_autofree char *a_path = site_fixture_path (f, "a.sasaeai");
  g_autoptr(GFile) far_file = g_file_new_for_path (far_path);
  g_autoptr(GFile) a_file = g_file_new_for_path (a_path);
  g_autoptr(SaSyncFile) contents = NULL;
  g_auto(SaImportReport) report = { 0, };
  g_auto(SaSyncFolderResult) result = { 0, };
  g_autoptr(GError) error = NULL;

  add_activity (a, "A");
  add_activity (far, "far");
  sync_with (a, folder, NULL, &result);
  g_assert_true (sa_sync_file_export (far, far_file, NULL, &error));
  contents = sa_sync_file_read (far_file, NULL, &error);
  g_assert_true (sa_sync_file_import (contents, a, FALSE, &report, &error));
  g_assert_no_error (error);
  sync_with (a, folder, NULL, &result);

  g_assert_true (sa_sync_file_export (a, a_file, NULL, &error));
  g_clear_object (&contents);
  sa_import_report_clear (&report);
  contents = sa_sync_file_read (a_file, NULL, &error);
  g_assert_true (sa_sync_file_import (contents, d, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_true (has_title (d, "far"));
  g_assert_true (has_title (d, "A"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, SiteFixture, NULL, site_fixture_setup, func, site_fixture_teardown)
  ADD ("/sync-folder/late-joiner", test_late_joiner);
  ADD ("/sync-folder/nothing-new", test_nothing_new);
  ADD ("/sync-folder/new-rows-one-segment", test_new_rows_one_segment);
  ADD ("/sync-folder/damaged-segment", test_damaged_segment);
  ADD ("/sync-folder/old-whole-file", test_old_whole_file);
  ADD ("/sync-folder/compaction", test_compaction);
  ADD ("/sync-folder/hand-carried", test_hand_carried);
  ADD ("/sync-folder/edit-of-another-sites-row", test_edit_of_another_sites_row);
  ADD ("/sync-folder/sealed-segments", test_sealed_segments);
  ADD ("/sync-folder/migrated-database", test_migrated_database);
#undef ADD

  return g_test_run ();
}
