/* sa-store-timeline.c: what the timeline, the handouts and the reviews ask of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <stdlib.h>

#include "sa-store-private.h"
#include "sa-store-timeline.h"

/* The fiscal year of an ISO date is its calendar year, less one from January to
 * March. */
#define FISCAL_YEAR_SQL "CAST(substr(a.date, 1, 4) AS INTEGER) - (substr(a.date, 6, 2) < '04')"

/* A few activities in the years: the date index finds them, and each one's links
 * are found through activity_commitment_activity. One row a link, added up here. */
#define JOIN_SQL \
  "SELECT l.commitment_id, " FISCAL_YEAR_SQL ", a.participants, a.volunteers, a.district_id" \
  " FROM activity a INDEXED BY activity_date" \
  " JOIN activity_commitment l ON l.activity_id = a.id" \
  " WHERE a.date >= ?1 AND a.date <= ?2 AND a.deleted = 0 AND l.deleted = 0"

/* Most of the activities in the years: reading both tables straight through and
 * joining them here is many times faster than a lookup per activity, which costs a
 * random page read each once the tables outgrow SQLite's cache. */
#define ACTIVITIES_SQL \
  "SELECT id, date, participants, volunteers, district_id FROM activity NOT INDEXED" \
  " WHERE date >= ?1 AND date <= ?2 AND deleted = 0"
#define LINKS_SQL \
  "SELECT activity_id, commitment_id FROM activity_commitment NOT INDEXED WHERE deleted = 0"

/* The share of all activities above which the years are read by scanning. */
#define SCAN_SHARE 8

/* One activity as its links add it to their commitments' years. */
typedef struct
{
  int         fy;
  gint64      participants;
  gint64      volunteers;
  const char *district;   /* a live district, interned in the totals' district set */
} Activity;

/* A commitment's year while it is counted: the distinct districts as a set. */
typedef struct
{
  SaActivityTotals totals;
  GHashTable      *districts;
} Cell;

struct _SaYearTotals
{
  GHashTable *cells;       /* commitment id → Cell[n_years] */
  GHashTable *districts;   /* the live districts' ids, each its own key */
  int         first_fy;
  guint       n_years;
};

void
sa_year_totals_free (SaYearTotals *totals)
{
  if (totals == NULL)
    return;
  g_hash_table_unref (totals->cells);
  g_hash_table_unref (totals->districts);
  g_free (totals);
}

static void
add_activity (SaYearTotals   *t,
              const char     *commitment_id,
              const Activity *activity)
{
  Cell *cells, *cell;

  if (activity->fy < t->first_fy || activity->fy >= t->first_fy + (int) t->n_years)
    return;
  cells = g_hash_table_lookup (t->cells, commitment_id);
  if (cells == NULL)
    {
      cells = g_new0 (Cell, t->n_years);
      g_hash_table_insert (t->cells, g_strdup (commitment_id), cells);
    }
  cell = &cells[activity->fy - t->first_fy];
  cell->totals.activities++;
  cell->totals.participants += activity->participants;
  cell->totals.volunteers += activity->volunteers;
  if (activity->district != NULL)
    {
      if (cell->districts == NULL)
        cell->districts = g_hash_table_new (NULL, NULL);
      g_hash_table_add (cell->districts, (gpointer) activity->district);
    }
}

/* The district sets become their sizes. */
static void
close_cells (SaYearTotals *t)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, t->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (guint i = 0; i < t->n_years; i++)
      {
        Cell *cell = (Cell *) value + i;

        if (cell->districts != NULL)
          cell->totals.districts = g_hash_table_size (cell->districts);
        g_clear_pointer (&cell->districts, g_hash_table_unref);
      }
}

static gboolean
finish (SaStore       *self,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sa_store_set_error (self, error);
  return TRUE;
}

static sqlite3_stmt *
prepare_range (SaStore     *self,
               const char  *sql,
               const char  *from,
               const char  *to,
               GError     **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, sql, error);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

/* Whether the years hold a large share of the activities, by counting them in the
 * date index alone, and guessing all of them from the largest row id. */
static gboolean
years_are_most (SaStore    *self,
                const char *from,
                const char *to)
{
  sqlite3_stmt *stmt;
  gint64 in_years = 0, all = 0;

  if ((stmt = prepare_range (self, "SELECT count(*) FROM activity WHERE date >= ?1 AND date <= ?2",
                             from, to, NULL)) != NULL)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        in_years = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  if ((stmt = _sa_store_prepare (self, "SELECT max(rowid) FROM activity", NULL)) != NULL)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        all = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return in_years * SCAN_SHARE > all;
}

/* The live districts: an activity in a deleted one counts for no district, as a
 * review's LEFT JOIN of live districts does. */
static gboolean
read_live_districts (SaStore       *self,
                     SaYearTotals  *t,
                     GError       **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, "SELECT id FROM district WHERE deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (t->districts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return finish (self, stmt, rc, error);
}

static const char *
live_district (SaYearTotals *t,
               sqlite3_stmt *stmt,
               int           column)
{
  const char *id = (const char *) sqlite3_column_text (stmt, column);
  gpointer key = NULL;

  if (id != NULL && g_hash_table_lookup_extended (t->districts, id, &key, NULL))
    return key;
  return NULL;
}

static void
read_activity (SaYearTotals *t,
               sqlite3_stmt *stmt,
               int           first_column,
               Activity     *activity)
{
  activity->participants = sqlite3_column_int64 (stmt, first_column);
  activity->volunteers = sqlite3_column_int64 (stmt, first_column + 1);
  activity->district = live_district (t, stmt, first_column + 2);
}

static gboolean
total_by_join (SaStore       *self,
               SaYearTotals  *t,
               const char    *from,
               const char    *to,
               GError       **error)
{
  sqlite3_stmt *stmt = prepare_range (self, JOIN_SQL, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Activity activity = { (int) sqlite3_column_int64 (stmt, 1) };

      read_activity (t, stmt, 2, &activity);
      add_activity (t, (const char *) sqlite3_column_text (stmt, 0), &activity);
    }
  return finish (self, stmt, rc, error);
}

static int
fiscal_year (const char *date)
{
  int year = atoi (date);
  int month = (date[5] - '0') * 10 + (date[6] - '0');

  return month < 4 ? year - 1 : year;
}

/* Reads the activities in the years: @activities gets each, @by_id its index + 1
 * under its id. */
static gboolean
read_activities (SaStore       *self,
                 SaYearTotals  *t,
                 const char    *from,
                 const char    *to,
                 GHashTable    *by_id,
                 GArray        *activities,
                 GStringChunk  *ids,
                 GError       **error)
{
  sqlite3_stmt *stmt = prepare_range (self, ACTIVITIES_SQL, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = (const char *) sqlite3_column_text (stmt, 1);
      Activity activity;

      if (date == NULL || sqlite3_column_bytes (stmt, 1) != 10)
        continue;
      activity.fy = fiscal_year (date);
      read_activity (t, stmt, 2, &activity);
      g_array_append_val (activities, activity);
      g_hash_table_insert (by_id, g_string_chunk_insert (ids, (const char *) sqlite3_column_text (stmt, 0)),
                           GUINT_TO_POINTER (activities->len));
    }
  return finish (self, stmt, rc, error);
}

static gboolean
total_by_scans (SaStore       *self,
                SaYearTotals  *t,
                const char    *from,
                const char    *to,
                GError       **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) activities = g_array_new (FALSE, FALSE, sizeof (Activity));
  GStringChunk *ids = g_string_chunk_new (64 * 1024);
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc = SQLITE_DONE;

  ok = read_activities (self, t, from, to, by_id, activities, ids, error) &&
       (stmt = _sa_store_prepare (self, LINKS_SQL, error)) != NULL;
  if (ok)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0)));

          if (index > 0)
            add_activity (t, (const char *) sqlite3_column_text (stmt, 1),
                          &g_array_index (activities, Activity, index - 1));
        }
      ok = finish (self, stmt, rc, error);
    }
  g_string_chunk_free (ids);
  return ok;
}

/**
 * sa_store_total_commitment_activities:
 * @self: a store
 * @first_fy: the first fiscal year to add up
 * @last_fy: the last fiscal year to add up
 * @error: return location for an error
 *
 * Adds up the activities linked to each commitment in each fiscal year, leaving
 * out deleted activities and deleted links, in one pass over the activity log
 * whatever the number of years.
 *
 * Returns: (transfer full) (nullable): the totals, for sa_year_totals_lookup()
 */
SaYearTotals *
sa_store_total_commitment_activities (SaStore  *self,
                                      int       first_fy,
                                      int       last_fy,
                                      GError  **error)
{
  g_autoptr(SaYearTotals) t = NULL;
  g_autofree char *from = NULL, *to = NULL;
  gboolean ok;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (first_fy >= 1868 && first_fy <= last_fy && last_fy <= 9999, NULL);

  t = g_new0 (SaYearTotals, 1);
  t->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  t->districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t->first_fy = first_fy;
  t->n_years = (guint) (last_fy - first_fy + 1);
  from = g_strdup_printf ("%04d-04-01", first_fy);
  to = g_strdup_printf ("%04d-03-31", last_fy + 1);
  ok = read_live_districts (self, t, error) &&
       (years_are_most (self, from, to) ? total_by_scans (self, t, from, to, error)
                                        : total_by_join (self, t, from, to, error));
  if (!ok)
    return NULL;
  close_cells (t);
  return g_steal_pointer (&t);
}

/**
 * sa_year_totals_lookup:
 * @totals: totals from sa_store_total_commitment_activities()
 * @commitment_id: a commitment
 * @fiscal_year: a year among the totals'
 *
 * Returns: (nullable): what the commitment's activities of the year add up to; %NULL
 *   when it has none in any of the years
 */
const SaActivityTotals *
sa_year_totals_lookup (SaYearTotals *totals,
                       const char   *commitment_id,
                       int           fiscal_year)
{
  Cell *cells;

  g_return_val_if_fail (totals != NULL, NULL);
  g_return_val_if_fail (fiscal_year >= totals->first_fy &&
                        fiscal_year < totals->first_fy + (int) totals->n_years, NULL);

  cells = g_hash_table_lookup (totals->cells, commitment_id);
  return cells != NULL ? &cells[fiscal_year - totals->first_fy].totals : NULL;
}

/* A commitment's id → an array of its activities in each of the totals' years. */
static GHashTable *
dup_counts (SaYearTotals *totals)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, totals->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint *years = g_new (guint, totals->n_years);

      for (guint i = 0; i < totals->n_years; i++)
        years[i] = (guint) ((Cell *) value)[i].totals.activities;
      g_hash_table_insert (counts, g_strdup (key), years);
    }
  return counts;
}

/**
 * sa_store_count_commitment_activities:
 * @self: a store
 * @first_fy: the first fiscal year to count
 * @last_fy: the last fiscal year to count
 * @error: return location for an error
 *
 * Counts the activities linked to each commitment in each fiscal year, leaving out
 * deleted activities and deleted links.
 *
 * Returns: (transfer full) (element-type utf8 guint*): a commitment's id → an array
 *   of `last_fy - first_fy + 1` counts, the first for @first_fy; commitments without
 *   activities in the years are absent
 */
GHashTable *
sa_store_count_commitment_activities (SaStore  *self,
                                      int       first_fy,
                                      int       last_fy,
                                      GError  **error)
{
  g_autoptr(SaYearTotals) totals = sa_store_total_commitment_activities (self, first_fy, last_fy, error);

  return totals != NULL ? dup_counts (totals) : NULL;
}

/**
 * sa_store_get_phase_years:
 * @self: a store
 * @plan_id: a plan
 * @first_fy: (out): the earliest start of a phase shown in the plan's outline
 * @last_fy: (out): the latest end
 * @error: return location for an error
 *
 * The years a plan's phases span, which may reach past the plan's own years when
 * those were shrunk and the phases kept.
 *
 * Returns: %FALSE on error; the years are 0 when the plan has no phases
 */
gboolean
sa_store_get_phase_years (SaStore     *self,
                          const char  *plan_id,
                          int         *first_fy,
                          int         *last_fy,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sa_store_prepare (self,
                            "SELECT min(p.start_fy), max(p.end_fy) FROM schedule_phase p"
                            " JOIN commitment c ON c.id = p.commitment_id"
                            " JOIN goal g ON g.id = c.goal_id"
                            " JOIN section s ON s.id = g.section_id"
                            " WHERE s.plan_id = ?1 AND p.deleted = 0 AND c.deleted = 0"
                            " AND g.deleted = 0 AND s.deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *first_fy = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  *last_fy = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 1) : 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || _sa_store_set_error (self, error);
}
