/* test-csv.c: activity records as CSV: cells, RFC 4180, export, import all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-csv.h"
#include "sa-csv-match.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-import.h"
#include "sa-organization.h"

typedef struct
{
  char    *dir;
  SaStore *store;
  char    *org_id;
  char    *district_id;
  char    *commitment_id;
} Fixture;

static SaStore *
open_store (const char *dir,
            const char *name,
            char      **org_id,
            char      **district_id)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(SaRecord) org = SA_RECORD (sa_organization_new ());
  g_autoptr(SaRecord) district = SA_RECORD (sa_district_new ());
  SaStore *store = sa_store_create (path, &error);
  SaImportReport report;

  g_assert_no_error (error);
  g_assert_true (sa_import_sample (store, &report, &error));
  actors = sa_store_list (store, &sa_actor_table, NULL, NULL, &error);
  sa_record_set_text (org, SA_ORGANIZATION_ACTOR_ID, sa_record_get_id (g_ptr_array_index (actors, 4)));
  sa_record_set_text (org, SA_ORGANIZATION_NAME, "いずみ中央地域ケアプラザ");
  g_assert_true (sa_store_insert (store, org, &error));
  sa_record_set_text (district, SA_DISTRICT_NAME, "中川");
  g_assert_true (sa_store_insert (store, district, &error));
  if (org_id)
    *org_id = g_strdup (sa_record_get_id (org));
  if (district_id)
    *district_id = g_strdup (sa_record_get_id (district));
  return store;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) commitments = NULL;

  f->dir = g_dir_make_tmp ("sasaeai-csv-XXXXXX", NULL);
  f->store = open_store (f->dir, "plan.db", &f->org_id, &f->district_id);
  commitments = sa_store_list (f->store, &sa_commitment_table, NULL, NULL, NULL);
  f->commitment_id = g_strdup (sa_record_get_id (g_ptr_array_index (commitments, 2)));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->org_id);
  g_free (f->district_id);
  g_free (f->commitment_id);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static char *
dump_activities (SaStore *store)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (sa_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM activity ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) ? (const char *) sqlite3_column_text (stmt, c) : "NULL");
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM activity_commitment ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %d\n", sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static SaRecord *
add (Fixture    *f,
     const char *date,
     const char *time,
     const char *title,
     const char *notes)
{
  g_autoptr(GError) error = NULL;
  SaRecord *activity = SA_RECORD (sa_activity_new ());
  const char *links[] = { f->commitment_id, NULL };

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TIME, time);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  sa_record_set_text (activity, SA_ACTIVITY_NOTES, notes);
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, f->org_id);
  sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID, f->district_id);
  sa_record_set_text (activity, SA_ACTIVITY_PLACE, "地区センター");
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, 25);
  sa_record_set_int (activity, SA_ACTIVITY_VOLUNTEERS, 4);
  g_assert_true (sa_store_add_activity (f->store, activity, links, &error));
  g_assert_no_error (error);
  return activity;
}

static gboolean
import (Fixture      *f,
        SaStore      *store,
        const char   *path,
        SaCsvReport  *report,
        GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sa_csv_import_activities (store ? store : f->store, file, SA_CSV_IMPORT_DEFAULT, report, NULL, error);
}

/* ---- cells and records -------------------------------------------------------------- */

static void
test_format_cell (void)
{
  const struct { const char *text, *cell; } cases[] = {
    { "サロン", "サロン" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "一行目\n二行目", "\"一行目\n二行目\"" },
    { "=SUM(A1:A9)", "'=SUM(A1:A9)" },
    { "+81", "'+81" },
    { "-雨天中止-", "'-雨天中止-" },
    { "@cmd", "'@cmd" },
    { "\tx", "'\tx" },
    { "＝1+1", "'＝1+1" },
    { "=1,2", "\"'=1,2\"" },
    { "'=x", "''=x" },
    { "'hello", "'hello" },
    { "''", "''" },
    { "2012-05-20", "2012-05-20" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = sa_csv_format_cell (cases[i].text);
      g_assert_cmpstr (cell, ==, cases[i].cell);
    }
}

static void
test_parse (void)
{
  const char text[] = "a,\"b,c\",\"d \"\"e\"\"\"\r\n\"multi\nline\",,x\n\nlast,\"\",z";
  g_autoptr(GPtrArray) records = sa_csv_parse (text, strlen (text), NULL);
  SaCsvRecord *r;

  g_assert_cmpuint (records->len, ==, 4);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpuint (r->line, ==, 1);
  g_assert_cmpstrv (r->cells, ((const char * const[]) { "a", "b,c", "d \"e\"", NULL }));
  r = g_ptr_array_index (records, 1);
  g_assert_cmpuint (r->line, ==, 2);
  g_assert_cmpstrv (r->cells, ((const char * const[]) { "multi\nline", "", "x", NULL }));
  r = g_ptr_array_index (records, 2);
  g_assert_cmpuint (r->line, ==, 4);
  g_assert_cmpstrv (r->cells, ((const char * const[]) { "", NULL }));
  r = g_ptr_array_index (records, 3);
  g_assert_cmpuint (r->line, ==, 5);
  g_assert_cmpstrv (r->cells, ((const char * const[]) { "last", "", "z", NULL }));
}

static void
test_parse_errors (void)
{
  const struct { const char *text, *message; } cases[] = {
    { "a,b\nc,\"open\nstill open", "Line 2: a quoted cell is never closed" },
    { "a,b\r\nc,d\"e\r\n", "Line 2: a quote in the middle of a cell" },
    { "a\n\"x\"y,z\n", "Line 2: there is text after the closing quote" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = sa_csv_parse (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (records);
      g_assert_error (error, SA_ERROR, SA_ERROR_FORMAT);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

/* ---- export ------------------------------------------------------------------------- */

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) a = add (f, "2012-05-20", "13:30", "ふれあい, サロン", "雨天のため\n室内で実施");
  g_autoptr(SaRecord) b = add (f, "2012-06-01", NULL, "=HYPERLINK(\"http://x\")", NULL);
  g_autoptr(SaRecord) outside = add (f, "2013-04-01", NULL, "翌年度", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected_a = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  g_assert_true (sa_csv_export_activities (f->store, file, "2012-04-01", "2013-03-31", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfID,Date,Time,Title,Organization,District,Place,"
                                             "Participants,Volunteers,Commitments,Notes\r\n"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  g_assert_null (strstr (contents, "翌年度"));
  expected_a = g_strdup_printf ("%s,2012-05-20,13:30,\"ふれあい, サロン\",いずみ中央地域ケアプラザ,中川,地区センター,25,4,%s,"
                                "\"雨天のため\n室内で実施\"\r\n", sa_record_get_id (a), f->commitment_id);
  g_assert_nonnull (strstr (contents, expected_a));
  g_assert_nonnull (strstr (contents, ",\"'=HYPERLINK(\"\"http://x\"\")\","));

  /* Every line end outside a quoted cell is CRLF. */
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");
}

/* Export, then import into another database whose organization and district have
 * the same names: the same records, with the same ids. Again: nothing changes. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) a = add (f, "2012-05-20", "13:30", "ふれあい, サロン", "雨天のため\n室内で実施");
  g_autoptr(SaRecord) b = add (f, "2012-06-01", NULL, "-雨天中止-", "@メモ \"引用\"");
  g_autofree char *other_org = NULL, *other_district = NULL;
  g_autoptr(SaStore) other = open_store (f->dir, "other.db", &other_org, &other_district);
  g_autofree char *before = NULL;
  g_auto(SaCsvReport) report = { 0, };

  g_assert_true (sa_csv_export_activities (f->store, file, NULL, NULL, NULL, &error));
  g_assert_true (import (f, other, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 2);

  for (SaRecord **r = (SaRecord *[]) { a, b, NULL }; *r; r++)
    {
      g_autoptr(SaRecord) copy = sa_store_get (other, &sa_activity_table, sa_record_get_id (*r), &error);
      g_auto(GStrv) links = sa_store_dup_activity_commitments (other, sa_record_get_id (*r), &error);

      g_assert_no_error (error);
      for (guint c = 0; c < sa_activity_table.n_columns; c++)
        if (c != SA_ACTIVITY_ORGANIZATION_ID && c != SA_ACTIVITY_DISTRICT_ID)
          g_assert_true (sa_record_value_equal (*r, copy, c));
      g_assert_cmpstr (sa_record_get_text (copy, SA_ACTIVITY_ORGANIZATION_ID), ==, other_org);
      g_assert_cmpstr (sa_record_get_text (copy, SA_ACTIVITY_DISTRICT_ID), ==, other_district);
      g_assert_cmpstrv (links, ((const char * const[]) { f->commitment_id, NULL }));
    }

  before = dump_activities (f->store);
  g_assert_true (import (f, NULL, path, &report, &error));
  g_assert_cmpuint (report.unchanged, ==, 2);
  g_assert_cmpuint (report.added + report.updated, ==, 0);
  {
    g_autofree char *after = dump_activities (f->store);
    g_assert_cmpstr (before, ==, after);
  }
}

/* ---- import ------------------------------------------------------------------------- */

/* Japanese headers, no byte order mark, LF, dates and times as spreadsheets write
 * them back, full-width digits. */
static void
test_import_japanese (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (f, "ja.csv",
                                      "日付,時刻,活動名,団体,地区,会場,参加者数,ボランティア,備考\n"
                                      "2012/5/20,9:05:00,子育て広場,いずみ中央地域ケアプラザ,中川,公園,１２,3,\"晴れ\n暑い\"\n"
                                      ",,,,,,,,\n"
                                      "2013-01-10,,見守り,,,,,,\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_auto(SaCsvReport) report = { 0, };
  SaRecord *first;

  g_assert_true (import (f, NULL, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 2);

  activities = sa_store_list_activities (f->store, NULL, NULL, &error);
  g_assert_cmpuint (activities->len, ==, 2);
  first = g_ptr_array_index (activities, 0);
  g_assert_cmpstr (sa_record_get_text (first, SA_ACTIVITY_DATE), ==, "2012-05-20");
  g_assert_cmpstr (sa_record_get_text (first, SA_ACTIVITY_TIME), ==, "09:05");
  g_assert_cmpstr (sa_record_get_text (first, SA_ACTIVITY_ORGANIZATION_ID), ==, f->org_id);
  g_assert_cmpint (sa_record_get_int (first, SA_ACTIVITY_PARTICIPANTS), ==, 12);
  g_assert_cmpstr (sa_record_get_text (first, SA_ACTIVITY_NOTES), ==, "晴れ\n暑い");
  g_assert_true (sa_record_is_null (g_ptr_array_index (activities, 1), SA_ACTIVITY_DISTRICT_ID));
}

/* What Excel on a Japanese Windows saves as plain "CSV" is Shift_JIS. */
static void
test_import_shift_jis (Fixture       *f,
                       gconstpointer  data)
{
  const char *utf8 = "日付,タイトル,場所\r\n2012-05-20,ふれあいサロン,地区センター\r\n";
  gsize length;
  g_autofree char *sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &length, NULL);
  g_autofree char *path = write_file (f, "sjis.csv", sjis, (gssize) length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_auto(SaCsvReport) report = { 0, };

  g_assert_true (import (f, NULL, path, &report, &error));
  g_assert_no_error (error);
  activities = sa_store_list_activities (f->store, NULL, NULL, &error);
  g_assert_cmpstr (sa_record_get_text (g_ptr_array_index (activities, 0), SA_ACTIVITY_TITLE), ==, "ふれあいサロン");
}

/* A line with the id of a stored record changes the columns the file has. */
static void
test_import_update (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SaRecord) a = add (f, "2012-05-20", "13:30", "サロン", "メモ");
  g_autofree char *text = g_strdup_printf ("\xef\xbb\xbfID,Date,Title,Participants\r\n%s,2012-05-20,ふれあいサロン,30\r\n",
                                           sa_record_get_id (a));
  g_autofree char *path = write_file (f, "update.csv", text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) stored = NULL;
  g_auto(GStrv) links = NULL;
  g_auto(SaCsvReport) report = { 0, };

  g_assert_true (import (f, NULL, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.updated, ==, 1);
  stored = sa_store_get (f->store, &sa_activity_table, sa_record_get_id (a), &error);
  g_assert_cmpstr (sa_record_get_text (stored, SA_ACTIVITY_TITLE), ==, "ふれあいサロン");
  g_assert_cmpint (sa_record_get_int (stored, SA_ACTIVITY_PARTICIPANTS), ==, 30);
  g_assert_cmpstr (sa_record_get_text (stored, SA_ACTIVITY_NOTES), ==, "メモ");
  g_assert_cmpstr (sa_record_get_text (stored, SA_ACTIVITY_TIME), ==, "13:30");
  links = sa_store_dup_activity_commitments (f->store, sa_record_get_id (a), &error);
  g_assert_cmpuint (g_strv_length (links), ==, 1);
}

static SaRecord *
visit (Fixture    *f,
       const char *date,
       const char *time,
       const char *place)
{
  SaRecord *activity = SA_RECORD (sa_activity_new ());

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TIME, time);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, f->org_id);
  sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID, f->district_id);
  sa_record_set_text (activity, SA_ACTIVITY_PLACE, place);
  return activity;
}

static gboolean
claim (SaCsvMatcher *matcher,
       SaRecord     *activity)
{
  g_autoptr(GError) error = NULL;
  gboolean stored = FALSE;

  g_assert_true (sa_csv_matcher_claim (matcher, activity, &stored, &error));
  g_assert_no_error (error);
  return stored;
}

/* A line matches a stored activity with the same six fields, once per stored one;
 * other fields do not count, and a deleted activity is no match. */
static void
test_match (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SaRecord) one = add (f, "2012-05-20", "13:30", "サロン", "メモ");
  g_autoptr(SaRecord) two = add (f, "2012-05-20", "13:30", "サロン", NULL);
  g_autoptr(SaRecord) gone = add (f, "2012-06-01", NULL, "サロン", NULL);
  g_autoptr(SaCsvMatcher) matcher = sa_csv_matcher_new (f->store);
  g_autoptr(SaRecord) same = visit (f, "2012-05-20", "13:30", "地区センター");
  g_autoptr(SaRecord) no_time = visit (f, "2012-05-20", NULL, "地区センター");
  g_autoptr(SaRecord) elsewhere = visit (f, "2012-05-20", "13:30", "公民館");
  g_autoptr(SaRecord) no_place = visit (f, "2012-05-20", "13:30", NULL);
  g_autoptr(SaRecord) deleted = visit (f, "2012-06-01", NULL, "地区センター");
  g_autoptr(SaRecord) other_org = visit (f, "2012-05-20", "13:30", "地区センター");
  g_autoptr(GError) error = NULL;

  sa_record_set_null (other_org, SA_ACTIVITY_ORGANIZATION_ID);
  /* Notes and counts are no part of the key. */
  sa_record_set_int (same, SA_ACTIVITY_PARTICIPANTS, 99);
  g_assert_true (sa_store_set_deleted (f->store, &sa_activity_table, sa_record_get_id (gone), TRUE, &error));

  g_assert_true (claim (matcher, same));
  g_assert_true (claim (matcher, same));
  g_assert_false (claim (matcher, same));   /* two stored, the third line is new */
  g_assert_false (claim (matcher, no_time));
  g_assert_false (claim (matcher, elsewhere));
  g_assert_false (claim (matcher, no_place));
  g_assert_false (claim (matcher, other_org));
  g_assert_false (claim (matcher, deleted));
}

static void
test_describe_lines (void)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint numbers[] = { 2, 5, 9, 10, 11, 12, 14, 20, 21 };
  g_autofree char *all = NULL, *some = NULL, *none = NULL;

  none = sa_csv_describe_lines (lines, 3);
  g_assert_cmpstr (none, ==, "");
  g_array_append_vals (lines, numbers, G_N_ELEMENTS (numbers));
  all = sa_csv_describe_lines (lines, 10);
  g_assert_cmpstr (all, ==, "2, 5, 9–12, 14, 20–21");
  some = sa_csv_describe_lines (lines, 3);
  g_assert_cmpstr (some, ==, "2, 5, 9–12, …");
}

/* Imported twice, a sheet without ids adds nothing the second time; the first
 * pass of the window's import asks before it writes. */
static void
test_import_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (f, "twice.csv",
                                      "date,time,title,organization,district,place\n"
                                      "2012-05-20,13:30,サロン,いずみ中央地域ケアプラザ,中川,地区センター\n"
                                      "2012-05-20,13:30,サロン,いずみ中央地域ケアプラザ,中川,地区センター\n"
                                      "2012-05-21,,体操,,,\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  {
    g_auto(SaCsvReport) report = { 0, };

    g_assert_true (import (f, NULL, path, &report, &error));
    g_assert_cmpuint (report.added, ==, 3);
    g_assert_cmpuint (report.skipped->len, ==, 0);
    g_assert_true (report.written);
  }
  before = dump_activities (f->store);
  {
    g_auto(SaCsvReport) report = { 0, };

    g_assert_true (sa_csv_import_activities (f->store, file, SA_CSV_IMPORT_ASK_FIRST, &report, NULL, &error));
    g_assert_false (report.written);
    g_assert_cmpuint (report.skipped->len, ==, 3);
  }
  {
    g_auto(SaCsvReport) report = { 0, };

    g_assert_true (import (f, NULL, path, &report, &error));
    g_assert_cmpuint (report.added, ==, 0);
    g_assert_cmpuint (report.skipped->len, ==, 3);
    g_assert_cmpuint (g_array_index (report.skipped, guint, 0), ==, 2);
    g_assert_cmpuint (g_array_index (report.skipped, guint, 2), ==, 4);
  }
  after = dump_activities (f->store);
  g_assert_cmpstr (before, ==, after);
  {
    g_auto(SaCsvReport) report = { 0, };

    g_assert_true (sa_csv_import_activities (f->store, file, SA_CSV_IMPORT_ALLOW_DUPLICATES, &report, NULL, &error));
    g_assert_cmpuint (report.added, ==, 3);
    g_assert_cmpuint (report.skipped->len, ==, 0);
  }
}

/* A line with the id of a deleted activity is left and reported, not "updated";
 * with SA_CSV_IMPORT_RESTORE_DELETED it changes the activity and brings it back. */
static void
test_import_deleted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SaRecord) a = add (f, "2012-05-20", "13:30", "サロン", NULL);
  g_autofree char *text = g_strdup_printf ("id,date,title,participants\n%s,2012-05-20,サロン,30\n",
                                           sa_record_get_id (a));
  g_autofree char *path = write_file (f, "deleted.csv", text, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) stored = NULL;
  g_auto(SaCsvReport) report = { 0, };
  g_auto(SaCsvReport) restored = { 0, };

  g_assert_true (sa_store_set_deleted (f->store, &sa_activity_table, sa_record_get_id (a), TRUE, &error));
  g_assert_true (import (f, NULL, path, &report, &error));
  g_assert_cmpuint (report.updated + report.unchanged + report.added + report.restored, ==, 0);
  g_assert_cmpuint (report.deleted->len, ==, 1);
  g_assert_cmpuint (g_array_index (report.deleted, SaCsvDeletedLine, 0).line, ==, 2);
  g_assert_cmpstr (g_array_index (report.deleted, SaCsvDeletedLine, 0).id, ==, sa_record_get_id (a));
  stored = sa_store_get (f->store, &sa_activity_table, sa_record_get_id (a), &error);
  g_assert_true (sa_record_get_deleted (stored));
  g_assert_cmpint (sa_record_get_int (stored, SA_ACTIVITY_PARTICIPANTS), ==, 25);
  g_clear_object (&stored);

  g_assert_true (sa_csv_import_activities (f->store, file, SA_CSV_IMPORT_RESTORE_DELETED, &restored, NULL, &error));
  g_assert_cmpuint (restored.restored, ==, 1);
  g_assert_cmpuint (restored.updated, ==, 0);
  stored = sa_store_get (f->store, &sa_activity_table, sa_record_get_id (a), &error);
  g_assert_false (sa_record_get_deleted (stored));
  g_assert_cmpint (sa_record_get_int (stored, SA_ACTIVITY_PARTICIPANTS), ==, 30);
}

/* Every wrong line is reported with its number and why; the good lines are not
 * imported either. */
static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SaRecord) existing = add (f, "2012-05-20", NULL, "既存", NULL);
  g_autofree char *path = write_file (f, "bad.csv",
                                      "Date,Title,Organization,Participants,Time,Commitments\r\n"
                                      "2012-05-20,正しい行,,1,,\r\n"
                                      "2011-02-29,うるう年でない,,1,,\r\n"
                                      "2012-05-21,,,1,,\r\n"
                                      "2012-05-22,団体なし,どこにもない団体,1,,\r\n"
                                      "2012-05-23,負の数,,-3,,\r\n"
                                      "2012-05-24,時刻,,1,25:00,\r\n"
                                      "2012-05-25,取組,,1,,4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10\r\n"
                                      "2012-05-26,セル不足\r\n"
                                      "2012-05-27,正しい行2,,2,,\r\n", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_activities (f->store);
  g_autofree char *after = NULL;
  const char *expected[] = {
    "7 lines are wrong; nothing was imported:",
    "\nLine 3: Date: “2011-02-29” is not a date that exists",
    "\nLine 4: Title must not be empty",
    "\nLine 5: There is no organization “どこにもない団体”",
    "\nLine 6: Participants must be from 0 to 1000000, not -3",
    "\nLine 7: Time must be a time such as 13:30, not “25:00”",
    "\nLine 8: There is no commitment with id “4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10”",
    "\nLine 9: it has 2 cells, but the header has 6",
  };
  g_auto(SaCsvReport) report = { 0, };

  g_assert_false (import (f, NULL, path, &report, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_test_message ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (strstr (error->message, expected[i]));
  after = dump_activities (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_header_errors (Fixture       *f,
                    gconstpointer  data)
{
  const struct { const char *text, *message; } cases[] = {
    { "Date,Title,Colour\r\n", "Line 1: unknown column “Colour”" },
    { "Date,日付,Title\r\n", "Line 1: the column “日付” appears twice" },
    { "\r\nTitle,Place\r\n", "Line 2: the file needs at least the columns “Date” and “Title”" },
    { "", "The file has no header line" },
    { "Date,Title\r\n\"2012-05-20,x\r\n", "Line 2: a quoted cell is never closed" },
    { "Date,Title\r\n2012-05-20,\xff\xff\xff\r\n", "neither UTF-8 nor Shift_JIS" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (f, "header.csv", cases[i].text, -1);
      g_autoptr(GError) error = NULL;
      SaCsvReport report;

      g_assert_false (import (f, NULL, path, &report, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/format-cell", test_format_cell);
  g_test_add_func ("/csv/parse", test_parse);
  g_test_add_func ("/csv/parse-errors", test_parse_errors);
  g_test_add_func ("/csv/describe-lines", test_describe_lines);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/csv/export", test_export);
  ADD ("/csv/round-trip", test_round_trip);
  ADD ("/csv/import/japanese", test_import_japanese);
  ADD ("/csv/import/shift-jis", test_import_shift_jis);
  ADD ("/csv/import/update", test_import_update);
  ADD ("/csv/import/errors", test_import_errors);
  ADD ("/csv/match", test_match);
  ADD ("/csv/import/twice", test_import_twice);
  ADD ("/csv/import/deleted", test_import_deleted);
  ADD ("/csv/import/header-errors", test_header_errors);
#undef ADD

  return g_test_run ();
}
