/* test-activity-filter.c: the filter the views share, and the month's query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sa-activity-filter.h"
#include "sa-activity.h"
#include "sa-store-private.h"

static void
count_changes (SaActivityFilter *filter,
               guint            *count)
{
  (*count)++;
}

static SaRecord *
make_activity (const char *organization_id,
               const char *district_id)
{
  SaRecord *activity = SA_RECORD (sa_activity_new ());

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "ふれあいサロン");
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, organization_id);
  sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID, district_id);
  return activity;
}

static void
test_match (void)
{
  g_autoptr(SaActivityFilter) filter = sa_activity_filter_new ();
  g_autoptr(SaRecord) a = make_activity ("org-a", "district-1");
  g_autoptr(SaRecord) b = make_activity ("org-b", NULL);
  const char * const both[] = { "c-1", "c-2", NULL };
  const char * const none[] = { NULL };

  g_assert_true (sa_activity_filter_is_empty (filter));
  g_assert_true (sa_activity_filter_match (filter, a, NULL));
  g_assert_true (sa_activity_filter_match (filter, b, none));

  sa_activity_filter_set_organization_id (filter, "org-a");
  g_assert_false (sa_activity_filter_is_empty (filter));
  g_assert_true (sa_activity_filter_match (filter, a, NULL));
  g_assert_false (sa_activity_filter_match (filter, b, NULL));

  sa_activity_filter_set_district_id (filter, "district-1");
  g_assert_true (sa_activity_filter_match (filter, a, NULL));
  sa_activity_filter_set_district_id (filter, "district-2");
  g_assert_false (sa_activity_filter_match (filter, a, NULL));

  /* A record with no district does not pass a district condition. */
  sa_activity_filter_set_organization_id (filter, NULL);
  g_assert_false (sa_activity_filter_match (filter, b, NULL));

  sa_activity_filter_clear (filter);
  sa_activity_filter_set_commitment_id (filter, "c-2");
  g_assert_true (sa_activity_filter_match (filter, a, both));
  g_assert_false (sa_activity_filter_match (filter, a, none));
  g_assert_false (sa_activity_filter_match (filter, a, NULL));
  g_assert_true (sa_activity_filter_match_values (filter, NULL, NULL, both));
}

static void
test_changed (void)
{
  g_autoptr(SaActivityFilter) filter = sa_activity_filter_new ();
  g_autofree char *id = NULL;
  guint changes = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (count_changes), &changes);

  sa_activity_filter_set_organization_id (filter, "org-a");
  g_assert_cmpuint (changes, ==, 1);
  sa_activity_filter_set_organization_id (filter, "org-a");
  g_assert_cmpuint (changes, ==, 1);

  /* "" is what a drop-down's "all" item gives: no condition. */
  g_object_set (filter, "district-id", "", NULL);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_null (sa_activity_filter_get_district_id (filter));

  g_object_set (filter, "commitment-id", "c-1", NULL);
  g_assert_cmpuint (changes, ==, 2);
  g_object_get (filter, "commitment-id", &id, NULL);
  g_assert_cmpstr (id, ==, "c-1");

  sa_activity_filter_clear (filter);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_true (sa_activity_filter_is_empty (filter));
  sa_activity_filter_clear (filter);
  g_assert_cmpuint (changes, ==, 3);
}

static GString *
query_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return plan;
}

/* The calendar reads six weeks at a time with sa_store_list_activities(), through
 * the index on activity.date, not by scanning the table. */
static void
test_month_query_uses_index (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-filter-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(GPtrArray) month = NULL;
  g_autoptr(GString) plan = NULL;
  g_autofree char *sql = NULL;
  const char *dates[] = { "2012-04-28", "2012-04-29", "2012-05-20", "2012-06-09", "2012-06-10" };
  sqlite3 *db;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(SaRecord) activity = make_activity (NULL, NULL);

      sa_record_set_text (activity, SA_ACTIVITY_DATE, dates[i]);
      g_assert_true (sa_store_add_activity (store, activity, NULL, &error));
    }

  /* The six weeks of May 2012 that start on a Sunday: 29 April to 9 June. */
  month = sa_store_list_activities (store, "2012-04-29", "2012-06-09", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (month->len, ==, 3);
  g_assert_cmpstr (sa_record_get_text (g_ptr_array_index (month, 0), SA_ACTIVITY_DATE), ==, "2012-04-29");
  g_assert_cmpstr (sa_record_get_text (g_ptr_array_index (month, 2), SA_ACTIVITY_DATE), ==, "2012-06-09");

  /* The statement sa_store_list_activities() prepares, planned on a second connection. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sql = g_strconcat (_sa_store_select_sql (&sa_activity_table),
                     " WHERE date >= ?1 AND date <= ?2 AND deleted = 0 ORDER BY date, time, title", NULL);
  plan = query_plan (db, sql);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "USING INDEX activity_date (date>? AND date<?)"));
  g_assert_null (strstr (plan->str, "SCAN activity"));
  sqlite3_close (db);

  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity-filter/match", test_match);
  g_test_add_func ("/activity-filter/changed", test_changed);
  g_test_add_func ("/activity-filter/month-query-uses-index", test_month_query_uses_index);

  return g_test_run ();
}
