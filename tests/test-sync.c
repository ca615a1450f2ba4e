/* test-sync.c: sync files: round trips, field-by-field merges, conflicts, order
 * independence across sites, and every kind of bad file refused without a change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-activity-link.h"
#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-hlc.h"
#include "sa-import.h"
#include "sa-organization.h"
#include "sa-row.h"
#include "sa-schema.h"
#include "sa-store-private.h"
#include "sa-sync-file.h"
#include "sa-sync-folder.h"
#include "site-fixture.h"


/* Every row of every table, or of the synced tables only, as text. */
static char *
dump (SaStore  *store,
      gboolean  synced_only)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (sa_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (synced_only)
    for (guint i = 0; i < sa_schema_n_tables; i++)
      g_ptr_array_add (tables, g_strdup (sa_schema_tables[i]->name));
  else
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      g_string_append_printf (out, "version %d\n", (int) sa_store_get_schema_version (store));
    }

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", (char *) g_ptr_array_index (tables, t));

      g_string_append_printf (out, "[%s]\n", (char *) g_ptr_array_index (tables, t));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s%s", c ? "|" : "", text ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static gint64
mmap_size (SaStore *store)
{
  sqlite3_stmt *stmt = _sa_store_prepare (store, "PRAGMA mmap_size", NULL);
  gint64 size;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  size = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return size;
}

/* Exports; the export maps the database into memory while it reads, and no longer:
 * a window that stays open keeps no mapping (an I/O error on one is a signal). */
static void
export_to (SaStore    *store,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_sync_file_export (store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mmap_size (store), ==, 0);
}

static gboolean
import_from (SaStore         *store,
             const char      *path,
             gboolean         dry_run,
             SaImportReport  *report,
             GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SaSyncFile) contents = sa_sync_file_read (file, NULL, error);

  return contents != NULL && sa_sync_file_import (contents, store, dry_run, report, error);
}

/* Site @from writes its file, site @to imports it. */
static void
exchange (SiteFixture        *f,
          SaStore        *from,
          SaStore        *to,
          SaImportReport *report)
{
  g_autofree char *path = site_fixture_path (f, "exchange.sasaeai");
  g_auto(SaImportReport) ignored = { 0, };
  g_autoptr(GError) error = NULL;

  export_to (from, path);
  g_assert_true (import_from (to, path, FALSE, report ? report : &ignored, &error));
  g_assert_no_error (error);
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

static SaRecord *
get_activity (SaStore    *store,
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
  g_autoptr(SaRecord) record = get_activity (store, id);
  g_autoptr(GError) error = NULL;

  if (text != NULL)
    sa_record_set_text (record, column, text);
  else
    sa_record_set_int (record, column, number);
  g_assert_true (sa_store_update (store, record, &error));
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

static guint
n_conflicts (SaImportReport *report)
{
  return report->conflicts ? report->conflicts->len : 0;
}

/* ---- round trips, merges, conflicts --------------------------------------------- */

static void
seed_site (SaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(SaRecord) org = SA_RECORD (sa_organization_new ());
  g_autoptr(SaRecord) district = SA_RECORD (sa_district_new ());
  g_autoptr(SaRecord) a = NULL, b = NULL, c = NULL;
  const char *links[2] = { NULL, NULL };
  SaImportReport report;

  g_assert_true (sa_import_sample (store, &report, &error));
  actors = sa_store_list (store, &sa_actor_table, NULL, NULL, &error);
  commitments = sa_store_list (store, &sa_commitment_table, NULL, NULL, &error);
  sa_record_set_text (org, SA_ORGANIZATION_ACTOR_ID, sa_record_get_id (g_ptr_array_index (actors, 4)));
  sa_record_set_text (org, SA_ORGANIZATION_NAME, "いずみ中央地域ケアプラザ");
  g_assert_true (sa_store_insert (store, org, &error));
  sa_record_set_text (district, SA_DISTRICT_NAME, "中川");
  g_assert_true (sa_store_insert (store, district, &error));

  a = add_activity (store, "2012-05-20", "ふれあいサロン");
  b = add_activity (store, "2013-01-10", "見守り, 声かけ; \"訓練\"");
  c = add_activity (store, "2014-03-31", "削除される記録");
  edit (store, sa_record_get_id (a), SA_ACTIVITY_ORGANIZATION_ID, sa_record_get_id (org), 0);
  edit (store, sa_record_get_id (a), SA_ACTIVITY_DISTRICT_ID, sa_record_get_id (district), 0);
  edit (store, sa_record_get_id (a), SA_ACTIVITY_NOTES, "雨天のため\n室内で実施", 0);
  links[0] = sa_record_get_id (g_ptr_array_index (commitments, 3));
  g_assert_true (sa_store_set_activity_commitments (store, sa_record_get_id (a), links, &error));
  g_assert_true (sa_store_set_deleted (store, &sa_activity_table, sa_record_get_id (c), TRUE, &error));
  g_assert_no_error (error);
}

/* Export, then import into an empty database: every synced row is the same. */
static void
test_round_trip (SiteFixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autofree char *path = site_fixture_path (f, "a.sasaeai");
  g_auto(SaImportReport) report = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_a = NULL, *dump_b = NULL;
  g_autoptr(GPtrArray) sites = NULL;

  seed_site (a);
  export_to (a, path);
  g_assert_true (import_from (b, path, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 76);
  g_assert_cmpuint (report.updated + report.deleted + report.unchanged + n_conflicts (&report), ==, 0);

  dump_a = dump (a, TRUE);
  dump_b = dump (b, TRUE);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_nonnull (strstr (dump_b, "雨天のため\n室内で実施"));

  /* b now knows how far it has heard from a, and a's name. */
  sites = sa_store_list_sites (b, &error);
  g_assert_cmpuint (sites->len, ==, 2);
  for (guint i = 0; i < sites->len; i++)
    {
      SaSiteClock *site = g_ptr_array_index (sites, i);
      if (g_str_equal (site->id, sa_store_get_site_id (a)))
        g_assert_cmpstr (site->name, ==, "a");
    }
}

/* Imported activities are stored in the order of their dates, whatever order their
 * ids give them in the file, so that a month's rows lie together. */
static void
test_import_stores_by_date (SiteFixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autofree char *path = site_fixture_path (f, "a.sasaeai");
  g_auto(SaImportReport) report = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) dates = g_string_new (NULL);
  g_autofree char *sorted = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
      g_autofree char *date = g_strdup_printf ("2012-%02u-%02u", 12 - i % 12, 28 - i % 27);

      sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
      sa_record_set_text (activity, SA_ACTIVITY_TITLE, "ふれあいサロン");
      g_assert_true (sa_store_insert (a, activity, &error));
    }
  export_to (a, path);
  g_assert_true (import_from (b, path, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 40);

  stmt = _sa_store_prepare (b, "SELECT date FROM activity ORDER BY rowid", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dates, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  stmt = _sa_store_prepare (b, "SELECT group_concat (date, char (10)) || char (10)"
                               " FROM (SELECT date FROM activity ORDER BY date)", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sorted = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_cmpstr (dates->str, ==, sorted);
}

/* Two sites correct different fields of one record; after exchanging files both
 * corrections are on both sites, and nothing was in conflict. */
static void
test_different_fields (SiteFixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaRecord) activity = add_activity (a, "2012-05-20", "サロン");
  g_autoptr(SaRecord) at_a = NULL, at_b = NULL;
  g_auto(SaImportReport) to_a = { 0, }, to_b = { 0, };
  const char *id = sa_record_get_id (activity);

  exchange (f, a, b, NULL);
  edit (a, id, SA_ACTIVITY_PARTICIPANTS, NULL, 30);
  edit (b, id, SA_ACTIVITY_NOTES, "雨天のため室内で実施", 0);
  exchange (f, b, a, &to_a);
  exchange (f, a, b, &to_b);

  g_assert_cmpuint (to_a.updated, ==, 1);
  g_assert_cmpuint (to_b.updated, ==, 1);
  g_assert_cmpuint (n_conflicts (&to_a), ==, 0);
  g_assert_cmpuint (n_conflicts (&to_b), ==, 0);
  at_a = get_activity (a, id);
  at_b = get_activity (b, id);
  g_assert_cmpint (sa_record_get_int (at_a, SA_ACTIVITY_PARTICIPANTS), ==, 30);
  g_assert_cmpint (sa_record_get_int (at_b, SA_ACTIVITY_PARTICIPANTS), ==, 30);
  g_assert_cmpstr (sa_record_get_text (at_a, SA_ACTIVITY_NOTES), ==, "雨天のため室内で実施");
  g_assert_cmpstr (sa_record_get_text (at_b, SA_ACTIVITY_NOTES), ==, "雨天のため室内で実施");
  {
    g_autofree char *dump_a = dump (a, TRUE);
    g_autofree char *dump_b = dump (b, TRUE);
    g_assert_cmpstr (dump_a, ==, dump_b);
  }
}

/* An import brings a row new to this database and one it holds, with fields newer
 * and older on each side, into a table with rows: the new row is added, the stored
 * one merged field by field. A third database, whose activity table is empty, takes
 * the first file's rows in without reading any (each is inserted), then the second
 * file merges into them: it ends like the other two. */
static void
test_new_and_stored_rows (SiteFixture   *f,
                          gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaStore) c = site_fixture_open (f, "c");
  g_autoptr(SaRecord) stored = add_activity (a, "2012-05-20", "サロン");
  g_autoptr(SaRecord) added = NULL;
  g_autoptr(SaRecord) at_b = NULL, at_c = NULL;
  g_autofree char *from_a = site_fixture_path (f, "a.sasaeai");
  g_autofree char *from_b = site_fixture_path (f, "b.sasaeai");
  g_autofree char *dump_b = NULL, *dump_c = NULL;
  g_auto(SaImportReport) to_b = { 0, }, to_c = { 0, }, again = { 0, };
  g_autoptr(GError) error = NULL;
  const char *id = sa_record_get_id (stored);

  exchange (f, a, b, NULL);
  edit (a, id, SA_ACTIVITY_PARTICIPANTS, NULL, 30);
  edit (b, id, SA_ACTIVITY_NOTES, "雨天のため室内で実施", 0);
  added = add_activity (a, "2012-06-01", "体操教室");
  export_to (a, from_a);

  g_assert_true (import_from (b, from_a, FALSE, &to_b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (to_b.added, ==, 1);
  g_assert_cmpuint (to_b.updated, ==, 1);
  at_b = get_activity (b, id);
  g_assert_cmpint (sa_record_get_int (at_b, SA_ACTIVITY_PARTICIPANTS), ==, 30);
  g_assert_cmpstr (sa_record_get_text (at_b, SA_ACTIVITY_NOTES), ==, "雨天のため室内で実施");
  g_clear_object (&at_b);
  at_b = get_activity (b, sa_record_get_id (added));
  g_assert_cmpstr (sa_record_get_text (at_b, SA_ACTIVITY_TITLE), ==, "体操教室");

  g_assert_cmpuint (count_activities (c), ==, 0);
  g_assert_true (import_from (c, from_a, FALSE, &to_c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_activities (c), ==, 2);
  export_to (b, from_b);
  g_assert_true (import_from (c, from_b, FALSE, &again, &error));
  g_assert_no_error (error);
  at_c = get_activity (c, id);
  g_assert_cmpint (sa_record_get_int (at_c, SA_ACTIVITY_PARTICIPANTS), ==, 30);
  g_assert_cmpstr (sa_record_get_text (at_c, SA_ACTIVITY_NOTES), ==, "雨天のため室内で実施");
  dump_b = dump (b, TRUE);
  dump_c = dump (c, TRUE);
  g_assert_cmpstr (dump_b, ==, dump_c);
}

/* A row said to be new that is stored after all is still merged field by field, not
 * written over: the newer field of each side wins, and the version that lost part of
 * itself goes to history. */
static void
test_likely_new_but_stored (SiteFixture   *f,
                            gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaRecord) activity = add_activity (a, "2012-05-20", "サロン");
  g_autoptr(SaRecord) incoming = NULL, at_b = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = sa_record_get_id (activity);
  SaMergeResult result;

  exchange (f, a, b, NULL);
  edit (a, id, SA_ACTIVITY_PARTICIPANTS, NULL, 30);
  edit (b, id, SA_ACTIVITY_NOTES, "雨天のため室内で実施", 0);
  incoming = get_activity (a, id);

  g_assert_true (sa_store_begin (b, &error));
  g_assert_true (_sa_store_merge_row (b, incoming, TRUE, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_true (sa_store_commit (b, &error));
  g_assert_cmpint (result, ==, SA_MERGE_UPDATED);
  at_b = get_activity (b, id);
  g_assert_cmpint (sa_record_get_int (at_b, SA_ACTIVITY_PARTICIPANTS), ==, 30);
  g_assert_cmpstr (sa_record_get_text (at_b, SA_ACTIVITY_NOTES), ==, "雨天のため室内で実施");
  history = sa_store_history (b, &sa_activity_table, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 1);
}

static gboolean
history_has_title (GPtrArray  *history,
                   const char *title)
{
  for (guint i = 0; i < history->len; i++)
    if (g_strcmp0 (sa_record_get_text (g_ptr_array_index (history, i), SA_ACTIVITY_TITLE), title) == 0)
      return TRUE;
  return FALSE;
}

static SaConflict *
only_conflict (SaImportReport *report)
{
  g_assert_nonnull (report->conflicts);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  return g_ptr_array_index (report->conflicts, 0);
}

/* Both change the title: the later write wins on both sites, the other is in history
 * on both, and each site's import reports the conflict with both values. */
static void
test_same_field (SiteFixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaRecord) activity = add_activity (a, "2012-05-20", "サロン");
  g_autoptr(SaRecord) at_a = NULL, at_b = NULL;
  g_autoptr(GPtrArray) history_a = NULL, history_b = NULL;
  g_auto(SaImportReport) to_a = { 0, }, to_b = { 0, };
  g_autofree char *from_a = site_fixture_path (f, "a.sasaeai");
  g_autofree char *from_b = site_fixture_path (f, "b.sasaeai");
  g_autoptr(GError) error = NULL;
  const char *id = sa_record_get_id (activity);
  SaConflict *conflict;

  exchange (f, a, b, NULL);
  edit (a, id, SA_ACTIVITY_TITLE, "サロンA", 0);
  sa_hlc_advance_clock (1000);
  edit (b, id, SA_ACTIVITY_TITLE, "サロンB", 0);

  /* Each writes its file before reading the other's, as two offices do that swap
   * USB sticks. */
  export_to (a, from_a);
  export_to (b, from_b);
  g_assert_true (import_from (a, from_b, FALSE, &to_a, &error));
  g_assert_true (import_from (b, from_a, FALSE, &to_b, &error));
  g_assert_no_error (error);

  at_a = get_activity (a, id);
  at_b = get_activity (b, id);
  g_assert_cmpstr (sa_record_get_text (at_a, SA_ACTIVITY_TITLE), ==, "サロンB");
  g_assert_cmpstr (sa_record_get_text (at_b, SA_ACTIVITY_TITLE), ==, "サロンB");

  conflict = only_conflict (&to_a);
  g_assert_cmpstr (conflict->table->name, ==, "activity");
  g_assert_cmpstr (conflict->id, ==, id);
  g_assert_cmpstr (conflict->field, ==, "title");
  g_assert_cmpstr (json_node_get_string (conflict->local), ==, "サロンA");
  g_assert_cmpstr (json_node_get_string (conflict->incoming), ==, "サロンB");
  g_assert_cmpstr (conflict->incoming_clock, >, conflict->local_clock);
  g_assert_true (conflict->incoming_won);

  /* The other side sees the same conflict from its end. */
  conflict = only_conflict (&to_b);
  g_assert_cmpstr (json_node_get_string (conflict->local), ==, "サロンB");
  g_assert_cmpstr (json_node_get_string (conflict->incoming), ==, "サロンA");
  g_assert_false (conflict->incoming_won);

  /* The losing title is kept in history on both sites. */
  history_a = sa_store_history (a, &sa_activity_table, id, &error);
  history_b = sa_store_history (b, &sa_activity_table, id, &error);
  g_assert_true (history_has_title (history_a, "サロンA"));
  g_assert_true (history_has_title (history_b, "サロンA"));
}

/* An edit made after seeing the other's is no conflict, also when the news came
 * through a third site. */
static void
test_no_false_conflicts (SiteFixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaStore) c = site_fixture_open (f, "c");
  g_autoptr(SaRecord) activity = add_activity (a, "2012-05-20", "サロン");
  g_auto(SaImportReport) report = { 0, }, relayed = { 0, }, fresh = { 0, };
  const char *id = sa_record_get_id (activity);

  exchange (f, a, b, NULL);
  edit (a, id, SA_ACTIVITY_TITLE, "サロンA", 0);
  exchange (f, a, b, NULL);
  edit (b, id, SA_ACTIVITY_TITLE, "サロンB", 0);
  exchange (f, b, a, &report);
  g_assert_cmpuint (report.updated, ==, 1);
  g_assert_cmpuint (n_conflicts (&report), ==, 0);

  /* c hears of a's first edit only through b, then edits on top of it. */
  exchange (f, b, c, NULL);
  edit (c, id, SA_ACTIVITY_TITLE, "サロンC", 0);
  exchange (f, c, a, &relayed);
  g_assert_cmpuint (relayed.updated, ==, 1);
  g_assert_cmpuint (n_conflicts (&relayed), ==, 0);

  /* A site that never exchanged with a but holds a's row unedited is no conflict
   * either: the other side had already seen that value. */
  edit (a, id, SA_ACTIVITY_PLACE, "地区センター", 0);
  exchange (f, a, c, &fresh);
  g_assert_cmpuint (n_conflicts (&fresh), ==, 0);
}

static void
test_idempotent (SiteFixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autofree char *path = site_fixture_path (f, "a.sasaeai");
  g_auto(SaImportReport) first = { 0, }, again = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(SaRecord) shared = add_activity (a, "2012-05-20", "サロン");

  seed_site (a);
  exchange (f, a, b, NULL);
  edit (a, sa_record_get_id (shared), SA_ACTIVITY_TITLE, "サロンA", 0);
  edit (b, sa_record_get_id (shared), SA_ACTIVITY_TITLE, "サロンB", 0);
  export_to (a, path);
  g_assert_true (import_from (b, path, FALSE, &first, &error));
  g_assert_cmpuint (n_conflicts (&first), ==, 1);

  before = dump (b, FALSE);
  g_assert_true (import_from (b, path, FALSE, &again, &error));
  g_assert_no_error (error);
  after = dump (b, FALSE);
  /* Nothing at all changes the second time, history and the site list included. */
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (again.added + again.updated + again.deleted, ==, 0);
  g_assert_cmpuint (again.unchanged, ==, first.added + first.updated + first.deleted + first.unchanged);
}

static void
test_dry_run (SiteFixture       *f,
              gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autofree char *path = site_fixture_path (f, "a.sasaeai");
  g_auto(SaImportReport) dry = { 0, }, real = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *clock_before = NULL, *clock_after = NULL;
  g_autoptr(SaRecord) shared = add_activity (a, "2012-05-20", "サロン");

  exchange (f, a, b, NULL);
  seed_site (a);
  edit (a, sa_record_get_id (shared), SA_ACTIVITY_TITLE, "サロンA", 0);
  edit (b, sa_record_get_id (shared), SA_ACTIVITY_TITLE, "サロンB", 0);
  export_to (a, path);

  before = dump (b, FALSE);
  clock_before = sa_store_dup_clock (b);
  g_assert_true (import_from (b, path, TRUE, &dry, &error));
  g_assert_no_error (error);
  after = dump (b, FALSE);
  g_assert_cmpstr (before, ==, after);
  /* Nor is the clock moved past the file's, which would date later edits after it. */
  clock_after = sa_store_dup_clock (b);
  g_assert_cmpstr (clock_after, ==, clock_before);

  g_assert_true (import_from (b, path, FALSE, &real, &error));
  g_assert_cmpuint (dry.added, ==, real.added);
  g_assert_cmpuint (dry.updated, ==, real.updated);
  g_assert_cmpuint (dry.deleted, ==, real.deleted);
  g_assert_cmpuint (dry.unchanged, ==, real.unchanged);
  g_assert_cmpuint (n_conflicts (&dry), ==, 1);
  g_assert_cmpuint (n_conflicts (&real), ==, 1);
  g_assert_cmpuint (real.added, >, 70);
}

/* A deletion travels, and so does bringing the record back; a deletion and an edit
 * of another field both apply. */
static void
test_tombstones (SiteFixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaStore) c = site_fixture_open (f, "c");
  g_autoptr(SaRecord) activity = add_activity (a, "2012-05-20", "サロン");
  g_autoptr(SaRecord) at_c = NULL;
  g_auto(SaImportReport) deleted = { 0, }, back = { 0, };
  g_autoptr(GError) error = NULL;
  const char *id = sa_record_get_id (activity);

  exchange (f, a, b, NULL);
  exchange (f, b, c, NULL);
  g_assert_true (sa_store_set_deleted (a, &sa_activity_table, id, TRUE, &error));
  edit (c, id, SA_ACTIVITY_PARTICIPANTS, NULL, 12);
  exchange (f, a, b, &deleted);
  g_assert_cmpuint (deleted.deleted, ==, 1);
  exchange (f, b, c, NULL);

  at_c = get_activity (c, id);
  g_assert_true (sa_record_get_deleted (at_c));
  g_assert_cmpint (sa_record_get_int (at_c, SA_ACTIVITY_PARTICIPANTS), ==, 12);
  g_assert_cmpuint (count_activities (c), ==, 0);

  g_assert_true (sa_store_set_deleted (c, &sa_activity_table, id, FALSE, &error));
  exchange (f, c, a, &back);
  g_assert_cmpuint (back.updated, ==, 1);
  g_clear_object (&at_c);
  at_c = get_activity (a, id);
  g_assert_false (sa_record_get_deleted (at_c));
  g_assert_cmpint (sa_record_get_int (at_c, SA_ACTIVITY_PARTICIPANTS), ==, 12);
}

/* After an import, this site's next clock is later than every clock it read. */
static void
test_clock_advances (SiteFixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autofree char *next = NULL;
  g_autofree char *clock = NULL;

  for (guint i = 0; i < 50; i++)
    g_object_unref (add_activity (a, "2012-05-20", "サロン"));
  clock = sa_store_dup_clock (a);
  exchange (f, a, b, NULL);
  next = sa_store_next_clock (b);
  g_assert_cmpstr (next + 19, ==, sa_store_get_site_id (b));
  g_assert_cmpstr (next, >, clock);
}

/* A failed or cancelled export leaves the file that was there, and no other file. */
static void
test_export_atomic (SiteFixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autofree char *path = site_fixture_path (f, "a.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *before = NULL, *after = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (sa_sync_file_export (a, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpstr (before, ==, "old contents");

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    n_files += !g_str_has_prefix (name, "a.db");
  g_assert_cmpuint (n_files, ==, 1);

  export_to (a, path);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpint ((guchar) after[0], ==, 0x1f);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaSyncFile **contents = user_data;
  g_autoptr(GError) error = NULL;

  *contents = sa_sync_file_read_finish (result, &error);
  g_assert_no_error (error);
}

/* A window reads a file in a worker thread; the result is the same. */
static void
test_read_async (SiteFixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autofree char *path = site_fixture_path (f, "a.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SaSyncFile) contents = NULL;
  g_autoptr(GDateTime) exported_at = NULL;
  g_autofree char *site_id = NULL;
  g_autofree char *next = NULL;

  seed_site (a);
  export_to (a, path);
  sa_sync_file_read_async (file, NULL, on_read, &contents);
  while (contents == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (sa_sync_file_get_records (contents)->len, ==, 76);
  g_object_get (contents, "site-id", &site_id, "exported-at", &exported_at, NULL);
  g_assert_cmpstr (site_id, ==, sa_store_get_site_id (a));
  g_assert_nonnull (exported_at);
  next = sa_store_next_clock (a);
  g_assert_cmpstr (sa_sync_file_get_clock (contents), <, next);
}

/* ---- order independence ----------------------------------------------------------- */

#define N_SITES 3
#define N_ROUNDS 15
#define N_EDITS 4

static GStrv
column_values (SaStore    *store,
               const char *sql)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  sqlite3_stmt *stmt = _sa_store_prepare (store, sql, NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (values, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_strv_builder_end (values);
}

static const char *
pick (GRand              *rand,
      const char * const *list)
{
  guint n = g_strv_length ((GStrv) list);

  return n ? list[g_rand_int_range (rand, 0, (gint32) n)] : NULL;
}

/* One random edit on one site: a new record, a change of one field, a deletion or its
 * undoing, a link to a commitment, a new organization or district. */
static void
random_edit (SaStore *store,
             GRand   *rand)
{
  const char * const titles[] = { "サロン", "見守り", "防災訓練", "子育て広場", "健康体操", NULL };
  const char * const places[] = { "地区センター", "ケアプラザ", "公園, 広場", NULL };
  g_auto(GStrv) activities = column_values (store, "SELECT id FROM activity ORDER BY id");
  g_auto(GStrv) orgs = column_values (store, "SELECT id FROM organization ORDER BY id");
  g_auto(GStrv) actors = column_values (store, "SELECT id FROM actor ORDER BY id");
  g_auto(GStrv) commitments = column_values (store, "SELECT id FROM commitment ORDER BY id");
  g_auto(GStrv) live = column_values (store, "SELECT id FROM activity WHERE deleted = 0 ORDER BY id");
  const char *id = pick (rand, (const char * const *) activities);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strdup_printf ("2012-%02d-%02d", g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  guint choice = g_rand_int_range (rand, 0, 100);

  if (id == NULL || choice < 25)
    g_object_unref (add_activity (store, date, pick (rand, titles)));
  else if (choice < 40)
    edit (store, id, SA_ACTIVITY_TITLE, pick (rand, titles), 0);
  else if (choice < 50)
    edit (store, id, SA_ACTIVITY_PARTICIPANTS, NULL, g_rand_int_range (rand, 0, 50));
  else if (choice < 58)
    edit (store, id, SA_ACTIVITY_PLACE, pick (rand, places), 0);
  else if (choice < 64)
    edit (store, id, SA_ACTIVITY_DATE, date, 0);
  else if (choice < 70 && orgs[0] != NULL)
    edit (store, id, SA_ACTIVITY_ORGANIZATION_ID, pick (rand, (const char * const *) orgs), 0);
  else if (choice < 80)
    {
      g_autoptr(SaRecord) record = get_activity (store, id);
      g_assert_true (sa_store_set_deleted (store, &sa_activity_table, id, !sa_record_get_deleted (record), &error));
    }
  else if (choice < 88 && commitments[0] != NULL && live[0] != NULL)
    {
      /* Only a record that is not deleted can be linked. */
      const char *links[] = { pick (rand, (const char * const *) commitments), NULL };
      g_assert_true (sa_store_set_activity_commitments (store, pick (rand, (const char * const *) live),
                                                        links, &error));
    }
  else if (choice < 94 && actors[0] != NULL)
    {
      g_autoptr(SaRecord) org = SA_RECORD (sa_organization_new ());
      g_autofree char *name = g_strdup_printf ("団体%u", g_rand_int (rand));
      sa_record_set_text (org, SA_ORGANIZATION_ACTOR_ID, pick (rand, (const char * const *) actors));
      sa_record_set_text (org, SA_ORGANIZATION_NAME, name);
      g_assert_true (sa_store_insert (store, org, &error));
    }
  else
    edit (store, id, SA_ACTIVITY_VOLUNTEERS, NULL, g_rand_int_range (rand, 0, 9));
  g_assert_no_error (error);
}

static void
exchange_all (SiteFixture   *f,
              SaStore  **sites,
              GRand     *rand,
              GPtrArray *files)
{
  guint pairs[N_SITES * (N_SITES - 1)][2];
  guint n = 0;

  for (guint x = 0; x < N_SITES; x++)
    for (guint y = 0; y < N_SITES; y++)
      if (x != y)
        pairs[n][0] = x, pairs[n][1] = y, n++;
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i + 1);
      guint t0 = pairs[i][0], t1 = pairs[i][1];
      pairs[i][0] = pairs[j][0], pairs[i][1] = pairs[j][1];
      pairs[j][0] = t0, pairs[j][1] = t1;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%03u.sasaeai", files->len);
      char *path = site_fixture_path (f, name);
      g_auto(SaImportReport) report = { 0, };
      g_autoptr(GError) error = NULL;

      export_to (sites[pairs[i][0]], path);
      g_assert_true (import_from (sites[pairs[i][1]], path, FALSE, &report, &error));
      g_assert_no_error (error);
      g_ptr_array_add (files, path);
    }
}

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i + 1);
      gpointer t = array->pdata[i];
      array->pdata[i] = array->pdata[j];
      array->pdata[j] = t;
    }
}

/* Three sites edit at random and exchange files in random order, round after round;
 * then they all hold the same rows. Fresh databases that import every file written
 * along the way, each in its own random order, end up with those rows too. */
static void
test_order_independence (SiteFixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20100401);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaStore) c = site_fixture_open (f, "c");
  SaStore *sites[N_SITES] = { a, b, c };
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  SaImportReport report;

  g_assert_true (sa_import_sample (a, &report, &error));
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      for (guint s = 0; s < N_SITES; s++)
        for (guint e = 0; e < N_EDITS; e++)
          random_edit (sites[s], rand);
      exchange_all (f, sites, rand, files);
    }
  exchange_all (f, sites, rand, files);

  expected = dump (a, TRUE);
  for (guint s = 1; s < N_SITES; s++)
    {
      g_autofree char *other = dump (sites[s], TRUE);
      g_assert_cmpstr (other, ==, expected);
    }
  g_assert_nonnull (strstr (expected, "[activity]\n"));

  for (guint trial = 0; trial < 2; trial++)
    {
      g_autofree char *name = g_strdup_printf ("fresh%u", trial);
      g_autoptr(SaStore) fresh = site_fixture_open (f, name);
      g_autofree char *result = NULL;

      shuffle (files, rand);
      for (guint i = 0; i < files->len; i++)
        {
          g_auto(SaImportReport) ignored = { 0, };
          g_assert_true (import_from (fresh, g_ptr_array_index (files, i), FALSE, &ignored, &error));
          g_assert_no_error (error);
        }
      result = dump (fresh, TRUE);
      g_assert_cmpstr (result, ==, expected);
    }
}

/* ---- sync folder ------------------------------------------------------------------ */

static void
test_folder (SiteFixture       *f,
             gconstpointer  data)
{
  g_autofree char *shared = site_fixture_path (f, "shared");
  g_autoptr(GFile) folder = g_file_new_for_path (shared);
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autoptr(SaStore) c = site_fixture_open (f, "c");
  g_autoptr(GError) error = NULL;
  g_autofree char *junk = g_build_filename (shared, "junk.sasaeai", NULL);
  SiteFolderCount count = { 0, 0 };
  SaStore *sites[] = { a, b, c };

  g_assert_cmpint (g_mkdir (shared, 0700), ==, 0);
  g_object_unref (add_activity (a, "2012-05-20", "サロンA"));
  g_object_unref (add_activity (b, "2012-05-21", "サロンB"));
  g_object_unref (add_activity (c, "2012-05-22", "サロンC"));
  g_assert_true (g_file_set_contents (junk, "not a sync file", -1, NULL));

  /* Two passes carry every site's records to every site. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint s = 0; s < G_N_ELEMENTS (sites); s++)
      {
        g_assert_true (sa_sync_folder (sites[s], folder, site_fixture_count_file, &count, NULL, &error));
        g_assert_no_error (error);
      }
  g_assert_cmpuint (count.n_refused, ==, 6);
  /* Each site's segment is merged once by each other site; the second pass writes
   * none, since no site wrote anything after its first. */
  g_assert_cmpuint (count.n_imported, ==, 0 + 1 + 2 + 2 + 1 + 0);
  for (guint s = 0; s < G_N_ELEMENTS (sites); s++)
    g_assert_cmpuint (count_activities (sites[s]), ==, 3);
}

/* ---- bad files -------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *lines;  /* the decompressed lines of a good file, without their newlines */
} Lines;

static GBytes *
gzip (const char *text,
      gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, text, length, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static GPtrArray *
read_lines (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (raw, G_CONVERTER (decompressor));
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) split = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (g_output_stream_splice (memory, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL), >, 0);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  split = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; split[i] != NULL && split[i][0] != '\0'; i++)
    g_ptr_array_add (lines, g_strdup (split[i]));
  return lines;
}

/* Joins @lines and, with @fix_trailer, gives the last line the right count and
 * checksum, so that only the intended fault remains. */
static GString *
join_lines (GPtrArray *lines,
            gboolean   fix_trailer)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i + 1 < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, i));
  if (fix_trailer)
    {
      g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
      g_string_append_printf (text, "{\"trailer\":\"sasaeai-sync\",\"rows\":%u,\"sha256\":\"%s\"}\n",
                              lines->len - 2, sum);
    }
  else
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, lines->len - 1));
  return text;
}

static guint
find_line (GPtrArray  *lines,
           const char *needle)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), needle))
      return i;
  g_assert_not_reached ();
}

static void
replace_in_line (GPtrArray  *lines,
                 guint       index,
                 const char *from,
                 const char *to)
{
  GString *line = g_string_new (g_ptr_array_index (lines, index));

  g_assert_cmpuint (g_string_replace (line, from, to, 1), ==, 1);
  g_free (g_ptr_array_index (lines, index));
  lines->pdata[index] = g_string_free (line, FALSE);
}

/* A spoiler gets the good file's lines and text; it changes the text, or sets the
 * bytes of the whole file. */
typedef void (*Spoil) (GPtrArray *lines, GString **text, GBytes **bytes);

/* Joins edited lines under a matching closing line, so only the intended fault is left. */
static void
rejoin (GPtrArray  *lines,
        GString   **text,
        gboolean    fix_trailer)
{
  g_string_free (*text, TRUE);
  *text = join_lines (lines, fix_trailer);
}

/* A bad file is the good one spoiled by a function, or by replacing @from with @to
 * in the line of the activity "ふれあいサロン". */
typedef struct
{
  const char *name;
  Spoil       spoil;
  const char *message;   /* a part of the message the refusal must give */
  gboolean    has_line;  /* whether the message names the line */
  gsize       max_size;  /* 0: the real limit */
  const char *from;
  const char *to;
} BadFile;

#define ACTIVITY_LINE(lines) find_line (lines, "\"title\":\"ふれあいサロン\"")

static void
spoil_truncated (GPtrArray *lines, GString **text, GBytes **bytes)
{
  g_autoptr(GBytes) whole = gzip ((*text)->str, (*text)->len);
  *bytes = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
}

static void
spoil_no_trailer (GPtrArray *lines, GString **text, GBytes **bytes)
{
  g_ptr_array_remove_index (lines, lines->len - 1);
  rejoin (lines, text, FALSE);
}

static void
spoil_not_gzip (GPtrArray *lines, GString **text, GBytes **bytes)
{
  *bytes = g_bytes_new ((*text)->str, (*text)->len);
}

static void
spoil_empty (GPtrArray *lines, GString **text, GBytes **bytes)
{
  *bytes = g_bytes_new ("", 0);
}

static void
spoil_format (GPtrArray *lines, GString **text, GBytes **bytes)
{
  replace_in_line (lines, 0, "\"format\":\"sasaeai-sync\"", "\"format\":\"other-sync\"");
  rejoin (lines, text, TRUE);
}

static void
spoil_version (GPtrArray *lines, GString **text, GBytes **bytes)
{
  replace_in_line (lines, 0, "\"version\":2", "\"version\":3");
  rejoin (lines, text, TRUE);
}

static void
spoil_checksum (GPtrArray *lines, GString **text, GBytes **bytes)
{
  g_string_replace (*text, "ふれあいサロン", "ふれあいサロソ", 1);
}

/* A row goes missing, but the closing line still counts it. */
static void
spoil_count (GPtrArray *lines, GString **text, GBytes **bytes)
{
  g_ptr_array_remove_index (lines, ACTIVITY_LINE (lines));
  replace_in_line (lines, 0, "\"activity\":3", "\"activity\":2");
  rejoin (lines, text, FALSE);
}

static void
spoil_header_count (GPtrArray *lines, GString **text, GBytes **bytes)
{
  replace_in_line (lines, 0, "\"activity\":3", "\"activity\":4");
  rejoin (lines, text, TRUE);
}

static void
spoil_reference (GPtrArray *lines, GString **text, GBytes **bytes)
{
  guint org = find_line (lines, "\"table\":\"organization\"");
  guint index = ACTIVITY_LINE (lines);
  g_autofree char *id = g_strndup (strstr (g_ptr_array_index (lines, org), "\"id\":\"") + 6, 36);

  /* The activity now points at an organization that is neither in the file nor in
   * the database, since the organization's row is gone too. */
  g_assert_nonnull (strstr (g_ptr_array_index (lines, index), id));
  g_ptr_array_remove_index (lines, org);
  replace_in_line (lines, 0, "\"organization\":1", "\"organization\":0");
  rejoin (lines, text, TRUE);
}

static void
spoil_duplicate (GPtrArray *lines, GString **text, GBytes **bytes)
{
  guint index = ACTIVITY_LINE (lines);

  g_ptr_array_insert (lines, (gint) index, g_strdup (g_ptr_array_index (lines, index)));
  replace_in_line (lines, 0, "\"activity\":3", "\"activity\":4");
  rejoin (lines, text, TRUE);
}

static void
spoil_future (GPtrArray *lines, GString **text, GBytes **bytes)
{
  guint index = ACTIVITY_LINE (lines);
  const char *hlc = strstr (g_ptr_array_index (lines, index), "\"hlc\":\"") + 7;
  g_autofree char *old = g_strndup (hlc, 13);
  g_autofree char *future = g_strdup_printf ("%013" G_GINT64_FORMAT,
                                             g_get_real_time () / 1000 + 2 * SA_HLC_MAX_SKEW_MS);

  replace_in_line (lines, index, old, future);
  rejoin (lines, text, TRUE);
}

static void
spoil_long_line (GPtrArray *lines, GString **text, GBytes **bytes)
{
  g_autofree char *huge = g_strnfill (SA_SYNC_MAX_LINE + 10, 'x');
  g_autofree char *notes = g_strdup_printf ("\"notes\":\"%s\"", huge);

  replace_in_line (lines, ACTIVITY_LINE (lines), "\"notes\":null", notes);
  rejoin (lines, text, TRUE);
}

static void
spoil_after_trailer (GPtrArray *lines, GString **text, GBytes **bytes)
{
  g_string_append (*text, "{}\n");
}

static void
spoil_nothing (GPtrArray *lines, GString **text, GBytes **bytes)
{
}

/* The activity's row twice on its line, @between them. */
static void
double_row (GPtrArray  *lines,
            GString   **text,
            const char *between)
{
  guint index = ACTIVITY_LINE (lines);
  char *line = g_ptr_array_index (lines, index);

  g_ptr_array_index (lines, index) = g_strconcat (line, between, line, NULL);
  g_free (line);
  rejoin (lines, text, TRUE);
}

/* Two rows on one line: json-glib reads the first of "{..},{..}" and stops at the
 * comma; a reader that joined lines into one array would take both. */
static void
spoil_two_rows (GPtrArray *lines, GString **text, GBytes **bytes)
{
  double_row (lines, text, ",");
}

/* Two rows with nothing between: json-glib 1.6 reads the first and drops the second. */
static void
spoil_joined_rows (GPtrArray *lines, GString **text, GBytes **bytes)
{
  double_row (lines, text, " ");
}

static const BadFile bad_files[] = {
  { "truncated", spoil_truncated, "truncated: its compressed data ends too soon" },
  { "no-trailer", spoil_no_trailer, "truncated: it ends after line" },
  { "not-gzip", spoil_not_gzip, "not gzip-compressed" },
  { "empty", spoil_empty, "The file is empty" },
  { "format", spoil_format, "not a Sasaeai sync file: its format is “other-sync”" },
  { "version", spoil_version, "newer version of Sasaeai (sync format 3)" },
  { "checksum", spoil_checksum, "checksum does not match" },
  { "row-count", spoil_count, "should hold 74 rows but holds 73" },
  { "header-count", spoil_header_count, "counts 4 rows of table “activity”, but the file holds 3" },
  { "utf8", NULL, "is not valid UTF-8 text", TRUE, 0, "ふれあい", "\xff\xfe" },
  { "json", NULL, "Line ", TRUE, 0, "\"deleted\":false,", "\"deleted\":false,," },
  { "type", NULL, "Field “participants” must be a whole number", TRUE, 0,
    "\"participants\":0", "\"participants\":\"many\"" },
  { "table", NULL, "Unknown table “payments”", TRUE, 0, "\"table\":\"activity\"", "\"table\":\"payments\"" },
  { "field", NULL, "Table “activity” has no field “price”", TRUE, 0, "\"place\":null", "\"price\":100" },
  { "required", NULL, "Title is required", TRUE, 0, "\"title\":\"ふれあいサロン\",", "" },
  { "reference", spoil_reference, "there is no organization with id", TRUE },
  { "duplicate", spoil_duplicate, "appears twice", TRUE },
  { "date", NULL, "2011-02-29", TRUE, 0, "\"date\":\"2012-05-20\"", "\"date\":\"2011-02-29\"" },
  { "future", spoil_future, "more than a day ahead", TRUE },
  { "long-line", spoil_long_line, "is too long: more than 1.0", TRUE },
  { "after-trailer", spoil_after_trailer, "more after the closing line", TRUE },
  { "two-rows", spoil_two_rows, "unexpected character `,'", TRUE },
  { "joined-rows", spoil_joined_rows, "holds more after its JSON object", TRUE },
  { "too-large", spoil_nothing, "too large: more than 4.1", FALSE, 4096 },
};

static void
seed_bad_file_site (SaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(SaRecord) org = SA_RECORD (sa_organization_new ());
  g_autoptr(SaRecord) a = NULL, b = NULL, c = NULL;
  SaImportReport report;

  g_assert_true (sa_import_sample (store, &report, &error));
  actors = sa_store_list (store, &sa_actor_table, NULL, NULL, &error);
  sa_record_set_text (org, SA_ORGANIZATION_ACTOR_ID, sa_record_get_id (g_ptr_array_index (actors, 4)));
  sa_record_set_text (org, SA_ORGANIZATION_NAME, "いずみ中央地域ケアプラザ");
  g_assert_true (sa_store_insert (store, org, &error));
  a = add_activity (store, "2012-05-20", "ふれあいサロン");
  b = add_activity (store, "2012-06-01", "見守り");
  c = add_activity (store, "2012-07-01", "体操");
  edit (store, sa_record_get_id (a), SA_ACTIVITY_ORGANIZATION_ID, sa_record_get_id (org), 0);
}

static void
test_bad_file (SiteFixture       *f,
               gconstpointer  data)
{
  const BadFile *bad = data;
  g_autoptr(SaStore) source = site_fixture_open (f, "source");
  g_autoptr(SaStore) target = site_fixture_open (f, "target");
  g_autofree char *good = site_fixture_path (f, "good.sasaeai");
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SaSyncFile) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_auto(SaImportReport) report = { 0, };
  GString *text;
  guint activity;

  seed_bad_file_site (source);
  g_object_unref (add_activity (target, "2013-01-01", "既存の記録"));
  export_to (source, good);
  lines = read_lines (good);
  activity = ACTIVITY_LINE (lines);
  text = join_lines (lines, TRUE);

  if (bad->spoil != NULL)
    bad->spoil (lines, &text, &bytes);
  else
    {
      replace_in_line (lines, ACTIVITY_LINE (lines), bad->from, bad->to);
      rejoin (lines, &text, TRUE);
    }
  if (bytes == NULL)
    bytes = gzip (text->str, text->len);
  g_string_free (text, TRUE);

  before = dump (target, FALSE);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  contents = sa_sync_file_read_stream (stream, bad->max_size ? bad->max_size : SA_SYNC_MAX_SIZE, NULL, &error);
  if (contents != NULL)
    g_assert_false (sa_sync_file_import (contents, target, FALSE, &report, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", bad->name, error->message);
  g_assert_nonnull (strstr (error->message, bad->message));
  if (bad->has_line)
    g_assert_true (g_str_has_prefix (error->message, "Line "));
  /* A fault in a line's text is told with that line's number, wherever it is. */
  if (bad->has_line && (bad->spoil == NULL || bad->spoil == spoil_two_rows || bad->spoil == spoil_joined_rows))
    {
      g_autofree char *prefix = g_strdup_printf ("Line %u", activity + 1);

      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_true (error->message[strlen (prefix)] == ':' || error->message[strlen (prefix)] == ' ');
    }
  after = dump (target, FALSE);
  g_assert_cmpstr (before, ==, after);
}

/* The message of reading @lines, with the line at each index in @spoiled cut short,
 * the file's checksum made right. */
static char *
read_spoiled (GPtrArray   *lines,
              const guint *spoiled,
              guint        n_spoiled)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SaSyncFile) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_free);
  GString *text;

  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (lines, i)));
  for (guint i = 0; i < n_spoiled; i++)
    ((char *) g_ptr_array_index (copy, spoiled[i]))[10] = '\0';
  text = join_lines (copy, TRUE);
  bytes = gzip (text->str, text->len);
  g_string_free (text, TRUE);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  contents = sa_sync_file_read_stream (stream, SA_SYNC_MAX_SIZE, NULL, &error);
  g_assert_null (contents);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

/* Lines are parsed in batches on other threads: a fault is still told at the first
 * line that has one, in whichever batch it is, and a long file reads whole. */
static void
test_faults_in_order (SiteFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(SaStore) source = site_fixture_open (f, "source");
  g_autofree char *good = site_fixture_path (f, "good.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (good);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSyncFile) contents = NULL;
  static const guint late[] = { 1500 }, both[] = { 1500, 700 }, first[] = { 300, 1500, 700 };
  g_autofree char *late_message = NULL, *both_message = NULL, *first_message = NULL;

  g_assert_true (sa_store_begin (source, &error));
  for (guint i = 0; i < 2000; i++)
    g_object_unref (add_activity (source, "2012-05-20", "ふれあいサロン"));
  g_assert_true (sa_store_commit (source, &error));
  export_to (source, good);
  lines = read_lines (good);
  g_assert_cmpuint (lines->len, >, 2000);

  contents = sa_sync_file_read (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sa_sync_file_get_records (contents)->len, ==, lines->len - 2);

  late_message = read_spoiled (lines, late, G_N_ELEMENTS (late));
  both_message = read_spoiled (lines, both, G_N_ELEMENTS (both));
  first_message = read_spoiled (lines, first, G_N_ELEMENTS (first));
  g_assert_true (g_str_has_prefix (late_message, "Line 1501:"));
  g_assert_true (g_str_has_prefix (both_message, "Line 701:"));
  g_assert_true (g_str_has_prefix (first_message, "Line 301:"));
}

/* The good file the bad ones are made from is itself accepted, so each bad one is
 * refused for its own fault and not for something they share. */
static void
test_good_file (SiteFixture       *f,
                gconstpointer  data)
{
  g_autoptr(SaStore) source = site_fixture_open (f, "source");
  g_autoptr(SaStore) target = site_fixture_open (f, "target");
  g_autofree char *good = site_fixture_path (f, "good.sasaeai");
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SaSyncFile) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SaImportReport) report = { 0, };
  GString *text;

  seed_bad_file_site (source);
  export_to (source, good);
  lines = read_lines (good);
  /* Brackets, quotes and a backslash in a text: the check that nothing follows a
   * line's object passes over them. */
  replace_in_line (lines, ACTIVITY_LINE (lines), "\"title\":\"ふれあいサロン\"",
                   "\"title\":\"ふれあい\\\"}}]\\\\サロン\\\"\"");
  text = join_lines (lines, TRUE);
  bytes = gzip (text->str, text->len);
  g_string_free (text, TRUE);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  contents = sa_sync_file_read_stream (stream, SA_SYNC_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sa_sync_file_import (contents, target, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 74);
  g_assert_cmpstr (sa_sync_file_get_site_name (contents), ==, "source");
}

/* ---- copies of a database ------------------------------------------------------- */

/* Closes @store and copies its file, as someone setting up another PC would. */
static SaStore *
copy_site (SiteFixture  *f,
           SaStore **store,
           gboolean  keep_file_id)
{
  g_autofree char *path = g_strdup (sa_store_get_path (*store));
  g_autofree char *copy = site_fixture_path (f, "copy.db");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  SaStore *opened;
  gsize length;

  g_clear_object (store);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  if (!keep_file_id)
    {
      /* A clone that kept the inode, such as a copied disk image. */
      sqlite3 *db;

      g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "UPDATE site SET file_id = NULL", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  *store = sa_store_open (path, &error);
  g_assert_no_error (error);
  opened = sa_store_open (copy, &error);
  g_assert_no_error (error);
  return opened;
}

/* A copied file writes as a new site from the start: both copies' edits of one field
 * are a conflict on both sides, and nothing is lost. */
static void
test_copied_file (SiteFixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaRecord) activity = add_activity (a, "2012-05-20", "サロン");
  g_autoptr(SaStore) copy = copy_site (f, &a, TRUE);
  g_auto(GStrv) notices = sa_store_take_notices (copy);
  g_auto(SaImportReport) to_a = { 0, }, to_copy = { 0, };
  g_autofree char *from_a = site_fixture_path (f, "a.sasaeai");
  g_autofree char *from_copy = site_fixture_path (f, "copy.sasaeai");
  g_autoptr(GError) error = NULL;
  const char *id = sa_record_get_id (activity);

  g_assert_cmpstr (sa_store_get_site_id (a), !=, sa_store_get_site_id (copy));
  g_assert_null (sa_store_take_notices (a));
  g_assert_nonnull (notices);
  g_assert_nonnull (strstr (notices[0], "copied"));

  edit (a, id, SA_ACTIVITY_TITLE, "サロンA", 0);
  sa_hlc_advance_clock (1000);
  edit (copy, id, SA_ACTIVITY_TITLE, "サロンC", 0);
  g_clear_object (&activity);
  activity = add_activity (copy, "2012-06-01", "コピーで");
  export_to (a, from_a);
  export_to (copy, from_copy);
  g_assert_true (import_from (a, from_copy, FALSE, &to_a, &error));
  g_assert_true (import_from (copy, from_a, FALSE, &to_copy, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (only_conflict (&to_a)->field, ==, "title");
  g_assert_cmpstr (only_conflict (&to_copy)->field, ==, "title");
  g_assert_false (to_a.new_site || to_copy.new_site);
  g_assert_cmpuint (count_activities (a), ==, 2);
  g_assert_cmpuint (count_activities (copy), ==, 2);
}

/* A file under this site's id that holds writes this database never made makes it a
 * new site, before it merges them; a dry run changes nothing, the site id included. */
static void
test_file_claiming_this_site (SiteFixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaRecord) first = add_activity (a, "2012-05-20", "サロン");
  g_autoptr(SaStore) twin = copy_site (f, &a, FALSE);
  g_autoptr(SaRecord) in_twin = add_activity (twin, "2012-06-01", "双子で");
  g_autoptr(SaRecord) in_a = add_activity (a, "2012-06-02", "元で");
  g_autofree char *old_id = g_strdup (sa_store_get_site_id (a));
  g_autofree char *from_twin = site_fixture_path (f, "twin.sasaeai");
  g_auto(SaImportReport) dry = { 0, }, report = { 0, };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notices = NULL;

  g_assert_cmpstr (sa_store_get_site_id (twin), ==, old_id);
  export_to (twin, from_twin);
  g_assert_true (import_from (a, from_twin, TRUE, &dry, &error));
  g_assert_true (dry.new_site);
  g_assert_cmpstr (sa_store_get_site_id (a), ==, old_id);
  g_assert_cmpuint (count_activities (a), ==, 2);

  g_assert_true (import_from (a, from_twin, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_true (report.new_site);
  g_assert_cmpstr (sa_store_get_site_id (a), !=, old_id);
  g_assert_cmpuint (count_activities (a), ==, 3);
  notices = sa_store_take_notices (a);
  g_assert_nonnull (notices);
  g_assert_nonnull (strstr (notices[0], "never made"));

  /* The twin takes the new site's writes as another site's. */
  exchange (f, a, twin, NULL);
  g_assert_cmpuint (count_activities (twin), ==, 3);
}

/* ---- writing rows as JSON text ------------------------------------------------------ */

/* Every character a column may hold comes back from a file as it went in: quotes,
 * backslashes, a line break and tab in notes, characters beyond the Basic
 * Multilingual Plane; and each line is exactly the text json-glib's generator gives
 * for the row, so files stay as they were. */
static void
test_round_trip_text (SiteFixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SaStore) a = site_fixture_open (f, "a");
  g_autoptr(SaStore) b = site_fixture_open (f, "b");
  g_autofree char *path = site_fixture_path (f, "a.sasaeai");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SaRecord) activity = add_activity (a, "2012-05-20", "「見守り」 \"quoted\" \\ back\\slash / 😀🏠 é");
  g_auto(SaImportReport) report = { 0, };
  g_autoptr(SaSyncFile) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) copy = NULL;
  GPtrArray *records;

  edit (a, sa_record_get_id (activity), SA_ACTIVITY_NOTES, "一行目\n二行目\r\n\tタブ\u3000全角空白 \u2028", 0);
  export_to (a, path);
  g_assert_true (import_from (b, path, FALSE, &report, &error));
  g_assert_no_error (error);
  copy = get_activity (b, sa_record_get_id (activity));
  g_assert_cmpstr (sa_record_get_text (copy, SA_ACTIVITY_TITLE), ==, "「見守り」 \"quoted\" \\ back\\slash / 😀🏠 é");
  g_assert_cmpstr (sa_record_get_text (copy, SA_ACTIVITY_NOTES), ==, "一行目\n二行目\r\n\tタブ\u3000全角空白 \u2028");

  contents = sa_sync_file_read (file, NULL, &error);
  g_assert_no_error (error);
  records = sa_sync_file_get_records (contents);
  g_assert_cmpuint (records->len, ==, 1);
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(JsonNode) node = sa_row_to_json (g_ptr_array_index (records, i));
      g_autofree char *generated = json_to_string (node, FALSE);
      g_autofree char *line = sa_row_to_line (g_ptr_array_index (records, i));

      g_assert_cmpstr (line, ==, generated);
    }
}

/* Every ASCII character, control characters included, and a few beyond it, escaped
 * into a JSON string that json-glib reads back unchanged. */
static void
test_json_escape (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  for (guint c = 1; c < 0x80; c++)
    {
      g_autofree char *one = g_strdup_printf ("a%cb", (char) c);

      g_string_append_c (text, (char) c);
      sa_json_append_string (json, one);
      g_string_append_c (json, ',');
    }
  g_string_append (text, "改行\n😀\u2028\u00e9");
  sa_json_append_string (json, text->str);
  g_string_append_c (json, ']');

  /* JSON forbids raw control characters in strings: none is left. */
  for (const char *p = json->str; *p; p++)
    g_assert_true ((guchar) *p >= 0x20 && *p != 0x7f);
  g_assert_true (json_parser_load_from_data (parser, json->str, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 0x80);
  for (guint c = 1; c < 0x80; c++)
    {
      g_autofree char *one = g_strdup_printf ("a%cb", (char) c);

      g_assert_cmpstr (json_array_get_string_element (array, c - 1), ==, one);
    }
  g_assert_cmpstr (json_array_get_string_element (array, 0x7f), ==, text->str);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, SiteFixture, NULL, site_fixture_setup, func, site_fixture_teardown)
  ADD ("/sync/round-trip", test_round_trip);
  ADD ("/sync/round-trip/text", test_round_trip_text);
  g_test_add_func ("/sync/json-escape", test_json_escape);
  ADD ("/sync/import-stores-by-date", test_import_stores_by_date);
  ADD ("/sync/merge/different-fields", test_different_fields);
  ADD ("/sync/merge/same-field", test_same_field);
  ADD ("/sync/merge/no-false-conflicts", test_no_false_conflicts);
  ADD ("/sync/merge/new-and-stored-rows", test_new_and_stored_rows);
  ADD ("/sync/merge/likely-new-but-stored", test_likely_new_but_stored);
  ADD ("/sync/idempotent", test_idempotent);
  ADD ("/sync/dry-run", test_dry_run);
  ADD ("/sync/tombstones", test_tombstones);
  ADD ("/sync/clock-advances", test_clock_advances);
  ADD ("/sync/export-atomic", test_export_atomic);
  ADD ("/sync/read-async", test_read_async);
  ADD ("/sync/order-independence", test_order_independence);
  ADD ("/sync/folder", test_folder);
  ADD ("/sync/copy/copied-file", test_copied_file);
  ADD ("/sync/copy/file-claiming-this-site", test_file_claiming_this_site);
  ADD ("/sync/bad-file/good", test_good_file);
  ADD ("/sync/bad-file/faults-in-order", test_faults_in_order);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sync/bad-file/%s", bad_files[i].name);
      g_test_add (path, SiteFixture, &bad_files[i], site_fixture_setup, test_bad_file, site_fixture_teardown);
    }

  return g_test_run ();
}
