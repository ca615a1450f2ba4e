/* sa-store-review.c: yearly reviews of commitments and each plan's rating scale
 *
 * A plan without rating_level rows uses the default scale A–D: nothing is seeded, so
 * two offices never create competing copies of the same four levels. Levels and
 * reviews have ids derived from what they are (plan + code, commitment + year), so
 * two offices writing them independently write the same row, merged field by field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-commitment.h"
#include "sa-date.h"
#include "sa-error.h"
#include "sa-plan.h"
#include "sa-rating-level.h"
#include "sa-store-private.h"
#include "sa-store-review.h"

void
sa_review_row_free (SaReviewRow *row)
{
  if (row == NULL)
    return;
  g_free (row->commitment_id);
  g_free (row->actor);
  g_free (row->text);
  g_free (row->target_text);
  g_free (row->target_unit);
  g_free (row->target_measure);
  g_clear_object (&row->review);
  g_free (row);
}

/**
 * sa_review_row_get_percent:
 * @row: a review row
 * @percent: (out): how much of the target is reached, rounded down
 *
 * Returns: whether there is a percentage: a counted progress and a target value
 */
gboolean
sa_review_row_get_percent (SaReviewRow *row,
                           gint64      *percent)
{
  if (!row->has_actual || !row->has_target_value || row->target_value <= 0)
    return FALSE;
  *percent = row->actual * 100 / row->target_value;
  return TRUE;
}

/* The first text column of the single row @sql returns for @arg, or NULL. */
static char *
query_text (SaStore     *self,
            const char  *sql,
            const char  *arg,
            GError     **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, sql, error);
  char *text = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _sa_store_set_error (self, error);
  return text;
}

/**
 * sa_store_dup_commitment_plan:
 * @self: a store
 * @commitment_id: a commitment's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the id of the plan the commitment belongs to
 */
char *
sa_store_dup_commitment_plan (SaStore     *self,
                              const char  *commitment_id,
                              GError     **error)
{
  GError *local = NULL;
  char *plan_id = query_text (self,
                              "SELECT s.plan_id FROM commitment c"
                              " JOIN goal g ON g.id = c.goal_id"
                              " JOIN section s ON s.id = g.section_id"
                              " WHERE c.id = lower(?1)", commitment_id, &local);

  if (local != NULL)
    g_propagate_error (error, local);
  else if (plan_id == NULL)
    g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                 _("There is no commitment with id “%s”"), commitment_id);
  return plan_id;
}

/**
 * sa_store_list_rating_levels:
 * @self: a store
 * @plan_id: a plan's id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type SaRatingLevel): the plan's scale, best
 *   first; for a plan without its own, the default levels, not stored (no id)
 */
GPtrArray *
sa_store_list_rating_levels (SaStore     *self,
                             const char  *plan_id,
                             GError     **error)
{
  g_autofree char *plan = sa_id_normalize (plan_id);
  g_autoptr(GPtrArray) levels = sa_store_list (self, &sa_rating_level_table, "plan_id", plan, error);

  if (levels == NULL || levels->len > 0)
    return g_steal_pointer (&levels);

  for (guint i = 0; sa_rating_default_codes[i] != NULL; i++)
    {
      SaRecord *level = SA_RECORD (sa_rating_level_new ());

      sa_record_set_text (level, SA_RATING_LEVEL_PLAN_ID, plan);
      sa_record_set_text (level, SA_RATING_LEVEL_CODE, sa_rating_default_codes[i]);
      sa_record_set_text (level, SA_RATING_LEVEL_LABEL, _(sa_rating_default_labels[i]));
      sa_record_set_int (level, SA_RATING_LEVEL_POSITION, i);
      g_ptr_array_add (levels, level);
    }
  return g_steal_pointer (&levels);
}

/**
 * sa_store_dup_rating_codes:
 * @self: a store
 * @plan_id: a plan's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the codes of the plan's scale, best first
 */
GStrv
sa_store_dup_rating_codes (SaStore     *self,
                           const char  *plan_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) levels = sa_store_list_rating_levels (self, plan_id, error);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  if (levels == NULL)
    return NULL;
  for (guint i = 0; i < levels->len; i++)
    g_strv_builder_add (codes, sa_record_get_text (g_ptr_array_index (levels, i), SA_RATING_LEVEL_CODE));
  return g_strv_builder_end (codes);
}

/* How many live reviews of the plan's commitments give @code, or -1. */
static gint64
count_ratings (SaStore     *self,
               const char  *plan_id,
               const char  *code,
               GError     **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self,
                                          "SELECT count(*) FROM review r"
                                          " JOIN commitment c ON c.id = r.commitment_id"
                                          " JOIN goal g ON g.id = c.goal_id"
                                          " JOIN section s ON s.id = g.section_id"
                                          " WHERE r.deleted = 0 AND r.rating = ?2 AND s.plan_id = lower(?1)",
                                          error);
  gint64 count = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _sa_store_set_error (self, error);
  sqlite3_reset (stmt);
  return count;
}

/* A level removed from the scale must not leave reviews rated with it. */
static gboolean
check_removed (SaStore            *self,
               const char         *plan_id,
               const char * const *old_codes,
               const char * const *codes,
               GError            **error)
{
  for (guint i = 0; old_codes[i] != NULL; i++)
    {
      gint64 count;

      if (g_strv_contains (codes, old_codes[i]))
        continue;
      if ((count = count_ratings (self, plan_id, old_codes[i], error)) < 0)
        return FALSE;
      if (count > 0)
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Rating “%s” cannot be removed: %d review uses it",
                                    "Rating “%s” cannot be removed: %d reviews use it", count),
                       old_codes[i], (int) count);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_level (SaStore     *self,
             const char  *plan_id,
             const char  *code,
             const char  *label,
             guint        position,
             GError     **error)
{
  g_autofree char *id = sa_rating_level_make_id (plan_id, code);
  g_autoptr(SaRecord) level = NULL;

  if (!sa_store_exists (self, &sa_rating_level_table, id, TRUE))
    {
      level = SA_RECORD (sa_rating_level_new ());
      sa_record_set_id (level, id);
      sa_record_set_text (level, SA_RATING_LEVEL_PLAN_ID, plan_id);
      sa_record_set_text (level, SA_RATING_LEVEL_CODE, code);
      sa_record_set_text (level, SA_RATING_LEVEL_LABEL, label);
      sa_record_set_int (level, SA_RATING_LEVEL_POSITION, position);
      return sa_store_insert (self, level, error);
    }
  if (!(level = sa_store_get (self, &sa_rating_level_table, id, error)) ||
      (sa_record_get_deleted (level) &&
       !sa_store_set_deleted (self, &sa_rating_level_table, id, FALSE, error)))
    return FALSE;
  g_clear_object (&level);
  if (!(level = sa_store_get (self, &sa_rating_level_table, id, error)))
    return FALSE;
  sa_record_set_text (level, SA_RATING_LEVEL_LABEL, label);
  sa_record_set_int (level, SA_RATING_LEVEL_POSITION, position);
  return sa_store_update (self, level, error);
}

static gboolean
replace_scale (SaStore            *self,
               const char         *plan_id,
               const char * const *codes,
               const char * const *labels,
               GError            **error)
{
  g_auto(GStrv) old_codes = sa_store_dup_rating_codes (self, plan_id, error);
  g_autoptr(GPtrArray) stored = NULL;

  if (old_codes == NULL ||
      !check_removed (self, plan_id, (const char * const *) old_codes, codes, error) ||
      !(stored = sa_store_list (self, &sa_rating_level_table, "plan_id", plan_id, error)))
    return FALSE;

  for (guint i = 0; i < stored->len; i++)
    {
      SaRecord *level = g_ptr_array_index (stored, i);

      if (!g_strv_contains (codes, sa_record_get_text (level, SA_RATING_LEVEL_CODE)) &&
          !sa_store_set_deleted (self, &sa_rating_level_table, sa_record_get_id (level), TRUE, error))
        return FALSE;
    }
  for (guint i = 0; codes[i] != NULL; i++)
    if (!write_level (self, plan_id, codes[i], labels[i], i, error))
      return FALSE;
  return TRUE;
}

/**
 * sa_store_set_rating_scale:
 * @self: a store
 * @plan_id: a plan's id
 * @codes: the levels' codes, best first
 * @labels: what each level means, as many as @codes
 * @error: return location for an error
 *
 * Replaces the plan's scale. Refused, changing nothing, when a level left out is
 * the rating of a review, or when a code is empty or given twice.
 */
gboolean
sa_store_set_rating_scale (SaStore            *self,
                           const char         *plan_id,
                           const char * const *codes,
                           const char * const *labels,
                           GError            **error)
{
  g_autofree char *plan = sa_id_normalize (plan_id);

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_strv_length ((GStrv) codes) == g_strv_length ((GStrv) labels), FALSE);

  if (codes[0] == NULL)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("A rating scale needs at least one level"));
      return FALSE;
    }
  for (guint i = 0; codes[i] != NULL; i++)
    for (guint j = 0; j < i; j++)
      if (g_str_equal (codes[i], codes[j]))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("Rating “%s” is given twice"), codes[i]);
          return FALSE;
        }
  if (!sa_store_exists (self, &sa_plan_table, plan, FALSE))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("There is no plan with id “%s”"), plan_id);
      return FALSE;
    }

  if (!sa_store_begin (self, error))
    return FALSE;
  if (!replace_scale (self, plan, codes, labels, error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  return sa_store_commit_or_rollback (self, error);
}

/**
 * sa_store_dup_review:
 * @self: a store
 * @commitment_id: a commitment's id
 * @fiscal_year: the fiscal year reviewed
 * @error: return location for an error
 *
 * Returns: (transfer full): the commitment's review of the year: the stored one, or
 *   a new, empty one to fill in and pass to sa_store_save_review()
 */
SaReview *
sa_store_dup_review (SaStore     *self,
                     const char  *commitment_id,
                     int          fiscal_year,
                     GError     **error)
{
  g_autofree char *id = sa_review_make_id (commitment_id, fiscal_year);
  g_autofree char *commitment = sa_id_normalize (commitment_id);
  SaRecord *review;

  if (!sa_store_exists (self, &sa_commitment_table, commitment, FALSE))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                   _("There is no commitment with id “%s”"), commitment_id);
      return NULL;
    }
  if (sa_store_exists (self, &sa_review_table, id, TRUE))
    return SA_REVIEW (sa_store_get (self, &sa_review_table, id, error));

  review = SA_RECORD (sa_review_new ());
  sa_record_set_id (review, id);
  sa_record_set_text (review, SA_REVIEW_COMMITMENT_ID, commitment);
  sa_record_set_int (review, SA_REVIEW_FISCAL_YEAR, fiscal_year);
  return SA_REVIEW (review);
}

/* The empty review of a commitment's year is the same row at every site, as if it
 * had always been there: written with the earliest clock, it never wins a field
 * over what another site wrote into the same review. */
static gboolean
add_empty_review (SaStore   *self,
                  SaRecord  *review,
                  GError   **error)
{
  g_autoptr(SaRecord) empty = SA_RECORD (sa_review_new ());
  g_autofree char *clock = g_strconcat ("0000000000000-0000-", sa_store_get_site_id (self), NULL);
  SaMergeResult result;

  sa_record_set_id (empty, sa_record_get_id (review));
  sa_record_copy_value (empty, review, SA_REVIEW_COMMITMENT_ID);
  sa_record_copy_value (empty, review, SA_REVIEW_FISCAL_YEAR);
  sa_record_set_system (empty, clock, sa_store_get_site_id (self), FALSE, NULL);
  return sa_store_merge (self, empty, &result, error);
}

static gboolean
write_review (SaStore   *self,
              SaRecord  *review,
              GError   **error)
{
  const SaTable *table = &sa_review_table;
  const char *id = sa_record_get_id (review);

  if (!sa_record_validate (review, error) ||
      !table->check (self, review, error))
    return FALSE;
  if (!sa_store_exists (self, table, id, TRUE))
    {
      if (!add_empty_review (self, review, error))
        return FALSE;
    }
  else if (!sa_store_exists (self, table, id, FALSE) &&
           !sa_store_set_deleted (self, table, id, FALSE, error))
    return FALSE;
  return sa_store_update (self, review, error);
}

/**
 * sa_store_save_review:
 * @self: a store
 * @review: a review from sa_store_dup_review(), changed
 * @error: return location for an error
 *
 * Stores the review; only the fields that changed get a new clock, so two sites
 * filling in different fields of the same review both keep theirs. Refused, changing
 * nothing, when a value is not valid or the rating is not on the plan's scale.
 */
gboolean
sa_store_save_review (SaStore   *self,
                      SaReview  *review,
                      GError   **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), FALSE);
  g_return_val_if_fail (SA_IS_REVIEW (review), FALSE);

  if (!sa_store_begin (self, error))
    return FALSE;
  if (!write_review (self, SA_RECORD (review), error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  return sa_store_commit_or_rollback (self, error);
}

/* Commitments of the plan scheduled in the year, with the live districts and the
 * linked resources open on the year's last day, in one query for the whole plan; their
 * activities' totals come from sa_store_total_commitment_activities(), which reads the
 * activity log once for any number of years. */
static const char review_rows_sql[] =
  "SELECT c.id, ac.name, c.text, c.target_text, c.target_value, c.target_unit,"
  "  (SELECT count(*) FROM district WHERE deleted = 0), c.target_measure,"
  "  (SELECT count(*) FROM resource_commitment rl"
  "   JOIN resource r ON r.id = rl.resource_id AND r.deleted = 0"
  "   WHERE rl.commitment_id = c.id AND rl.deleted = 0"
  "   AND r.opened <= ?3 AND (r.closed IS NULL OR r.closed > ?3))"
  " FROM commitment c"
  " JOIN goal g ON g.id = c.goal_id AND g.deleted = 0"
  " JOIN section s ON s.id = g.section_id AND s.deleted = 0"
  " LEFT JOIN actor ac ON ac.id = c.actor_id"
  " WHERE s.plan_id = lower(?1) AND c.deleted = 0"
  "  AND EXISTS (SELECT 1 FROM schedule_phase p WHERE p.commitment_id = c.id AND p.deleted = 0"
  "              AND p.start_fy <= ?2 AND p.end_fy >= ?2)"
  " ORDER BY s.position, g.number, c.position, c.id";

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Progress toward the target, as its measure says: the linked resources open at the
 * year's end, districts reached out of the live districts, the linked activities, or
 * the value the review holds. */
static void
count_progress (SaReviewRow            *row,
                sqlite3_stmt           *stmt,
                const SaActivityTotals *totals)
{
  const char *measure = row->target_measure;

  row->has_target = row->target_text != NULL || row->target_unit != NULL || row->has_target_value ||
                    measure != NULL;
  if (g_strcmp0 (measure, "places") == 0)
    {
      row->has_actual = TRUE;
      row->actual = sqlite3_column_int64 (stmt, 8);
    }
  else if (g_strcmp0 (measure, "districts") == 0)
    {
      row->has_target_value = TRUE;
      row->target_value = sqlite3_column_int64 (stmt, 6);
      row->has_actual = TRUE;
      row->actual = totals != NULL ? totals->districts : 0;
    }
  else if (g_strcmp0 (measure, "activities") == 0)
    {
      row->has_actual = TRUE;
      row->actual = row->activities;
    }
  else if (g_strcmp0 (measure, "manual") == 0 && row->review != NULL &&
           !sa_record_is_null (SA_RECORD (row->review), SA_REVIEW_ACTUAL))
    {
      row->has_actual = TRUE;
      row->actual = sa_record_get_int (SA_RECORD (row->review), SA_REVIEW_ACTUAL);
    }
}

static SaReviewRow *
read_row (sqlite3_stmt *stmt,
          int           fiscal_year,
          GHashTable   *reviews,
          SaYearTotals *year_totals)
{
  SaReviewRow *row = g_new0 (SaReviewRow, 1);
  const SaActivityTotals *totals;

  row->commitment_id = dup_column (stmt, 0);
  row->actor = dup_column (stmt, 1);
  row->text = dup_column (stmt, 2);
  row->target_text = dup_column (stmt, 3);
  row->has_target_value = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
  row->target_value = sqlite3_column_int64 (stmt, 4);
  row->target_unit = dup_column (stmt, 5);
  row->fiscal_year = fiscal_year;
  totals = sa_year_totals_lookup (year_totals, row->commitment_id, fiscal_year);
  if (totals != NULL)
    {
      row->activities = totals->activities;
      row->participants = totals->participants;
      row->volunteers = totals->volunteers;
    }
  row->target_measure = dup_column (stmt, 7);
  row->review = g_hash_table_lookup (reviews, row->commitment_id);
  if (row->review != NULL)
    g_object_ref (row->review);
  count_progress (row, stmt, totals);
  return row;
}

/* The year's live reviews by commitment id. */
static GHashTable *
dup_reviews (SaStore     *self,
             int          fiscal_year,
             GError     **error)
{
  g_autofree char *year = g_strdup_printf ("%d", fiscal_year);
  g_autoptr(GPtrArray) reviews = sa_store_list (self, &sa_review_table, "fiscal_year", year, error);
  GHashTable *by_commitment;

  if (reviews == NULL)
    return NULL;
  by_commitment = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < reviews->len; i++)
    {
      SaRecord *review = g_ptr_array_index (reviews, i);

      g_hash_table_replace (by_commitment, g_strdup (sa_record_get_text (review, SA_REVIEW_COMMITMENT_ID)),
                            g_object_ref (review));
    }
  return by_commitment;
}

/**
 * sa_store_list_review_rows_totaled:
 * @self: a store
 * @plan_id: a plan's id
 * @fiscal_year: the fiscal year reviewed
 * @totals: the activities' totals, from sa_store_total_commitment_activities() for
 *   years that include @fiscal_year
 * @error: return location for an error
 *
 * sa_store_list_review_rows() for each of several years, the activity log read once
 * for all of them.
 *
 * Returns: (transfer full) (element-type SaReviewRow): one row per commitment of the
 *   plan whose schedule covers the year, in the plan's order
 */
GPtrArray *
sa_store_list_review_rows_totaled (SaStore       *self,
                                   const char    *plan_id,
                                   int            fiscal_year,
                                   SaYearTotals  *totals,
                                   GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sa_review_row_free);
  g_autoptr(GHashTable) reviews = NULL;
  sqlite3_stmt *stmt;
  GDate last;
  char to[11];
  int rc;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (totals != NULL, NULL);

  if (!(reviews = dup_reviews (self, fiscal_year, error)) ||
      !(stmt = _sa_store_prepare (self, review_rows_sql, error)))
    return NULL;
  sa_fiscal_year_last_day (fiscal_year, &last);
  g_date_strftime (to, sizeof to, "%Y-%m-%d", &last);

  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, fiscal_year);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt, fiscal_year, reviews, totals));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * sa_store_list_review_rows:
 * @self: a store
 * @plan_id: a plan's id
 * @fiscal_year: the fiscal year reviewed
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type SaReviewRow): one row per commitment of the
 *   plan whose schedule covers the year, in the plan's order
 */
GPtrArray *
sa_store_list_review_rows (SaStore     *self,
                           const char  *plan_id,
                           int          fiscal_year,
                           GError     **error)
{
  g_autoptr(SaYearTotals) totals = NULL;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  if (!(totals = sa_store_total_commitment_activities (self, fiscal_year, fiscal_year, error)))
    return NULL;
  return sa_store_list_review_rows_totaled (self, plan_id, fiscal_year, totals, error);
}
