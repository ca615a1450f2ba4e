/* sa-store-timeline.c: what the timeline and the handouts ask of the store
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
 * are found through activity_commitment_activity. */
#define JOIN_SQL \
  "SELECT l.commitment_id, " FISCAL_YEAR_SQL " AS fy, count(*)" \
  " FROM activity a INDEXED BY activity_date" \
  " JOIN activity_commitment l ON l.activity_id = a.id" \
  " WHERE a.date >= ?1 AND a.date <= ?2 AND a.deleted = 0 AND l.deleted = 0" \
  " GROUP BY l.commitment_id, fy"

/* Most of the activities in the years: reading both tables straight through and
 * joining them here is many times faster than a lookup per activity, which costs a
 * random page read each once the tables outgrow SQLite's cache. */
#define ACTIVITIES_SQL \
  "SELECT id, date FROM activity NOT INDEXED" \
  " WHERE date >= ?1 AND date <= ?2 AND deleted = 0"
#define LINKS_SQL \
  "SELECT activity_id, commitment_id FROM activity_commitment NOT INDEXED WHERE deleted = 0"

/* The share of all activities above which the years are read by scanning. */
#define SCAN_SHARE 8

typedef struct
{
  GHashTable *counts;   /* commitment id → guint[n_years] */
  int         first_fy;
  guint       n_years;
} Counts;

static void
add_count (Counts     *c,
           const char *commitment_id,
           gint64      fy,
           guint       count)
{
  guint *years;

  if (fy < c->first_fy || fy >= c->first_fy + (gint64) c->n_years)
    return;
  years = g_hash_table_lookup (c->counts, commitment_id);
  if (years == NULL)
    {
      years = g_new0 (guint, c->n_years);
      g_hash_table_insert (c->counts, g_strdup (commitment_id), years);
    }
  years[fy - c->first_fy] += count;
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

static gboolean
count_by_join (SaStore     *self,
               Counts      *c,
               const char  *from,
               const char  *to,
               GError     **error)
{
  sqlite3_stmt *stmt = prepare_range (self, JOIN_SQL, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_count (c, (const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
               (guint) sqlite3_column_int64 (stmt, 2));
  return finish (self, stmt, rc, error);
}

static int
fiscal_year (const char *date)
{
  int year = atoi (date);
  int month = (date[5] - '0') * 10 + (date[6] - '0');

  return month < 4 ? year - 1 : year;
}

/* Reads the activities in the years into a map of id → fiscal year. */
static gboolean
read_activity_years (SaStore       *self,
                     const char    *from,
                     const char    *to,
                     GHashTable    *years,
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

      if (date != NULL && sqlite3_column_bytes (stmt, 1) == 10)
        g_hash_table_insert (years, g_string_chunk_insert (ids, (const char *) sqlite3_column_text (stmt, 0)),
                             GINT_TO_POINTER (fiscal_year (date)));
    }
  return finish (self, stmt, rc, error);
}

static gboolean
count_by_scans (SaStore     *self,
                Counts      *c,
                const char  *from,
                const char  *to,
                GError     **error)
{
  g_autoptr(GHashTable) years = g_hash_table_new (g_str_hash, g_str_equal);
  GStringChunk *ids = g_string_chunk_new (64 * 1024);
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc = SQLITE_DONE;

  ok = read_activity_years (self, from, to, years, ids, error) &&
       (stmt = _sa_store_prepare (self, LINKS_SQL, error)) != NULL;
  if (ok)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gpointer fy = g_hash_table_lookup (years, sqlite3_column_text (stmt, 0));

          if (fy != NULL)
            add_count (c, (const char *) sqlite3_column_text (stmt, 1), GPOINTER_TO_INT (fy), 1);
        }
      ok = finish (self, stmt, rc, error);
    }
  g_string_chunk_free (ids);
  return ok;
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
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *from = NULL, *to = NULL;
  Counts c = { counts, first_fy, 0 };
  gboolean ok;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (first_fy >= 1868 && first_fy <= last_fy && last_fy <= 9999, NULL);

  c.n_years = (guint) (last_fy - first_fy + 1);
  from = g_strdup_printf ("%04d-04-01", first_fy);
  to = g_strdup_printf ("%04d-03-31", last_fy + 1);
  ok = years_are_most (self, from, to) ? count_by_scans (self, &c, from, to, error)
                                       : count_by_join (self, &c, from, to, error);
  return ok ? g_steal_pointer (&counts) : NULL;
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
