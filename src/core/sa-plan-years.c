/* sa-plan-years.c: changing a plan's years when phases or activities fall outside
 *
 * Shrinking a plan's years used to leave phases outside them that the timeline then
 * clipped or dropped without a word. Now the window and the CLI ask first: the person
 * keeps the phases as they are (the timeline widens to them) or clips them to the new
 * years. Activities are records of what happened and are never changed; they are only
 * counted, so the person knows the timeline's counts for those years go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-date.h"
#include "sa-error.h"
#include "sa-plan.h"
#include "sa-plan-years.h"
#include "sa-schedule-phase.h"
#include "sa-store-private.h"

/* Live phases under live rows of the plan. */
#define PLAN_PHASES \
  " FROM schedule_phase p JOIN commitment c ON c.id = p.commitment_id" \
  " JOIN goal g ON g.id = c.goal_id JOIN section s ON s.id = g.section_id" \
  " WHERE s.plan_id = ?1 AND p.deleted = 0 AND c.deleted = 0 AND g.deleted = 0 AND s.deleted = 0"

static gboolean
count (SaStore     *store,
       const char  *sql,
       const char  *plan_id,
       int          first_fy,
       int          last_fy,
       guint       *n,
       GError     **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (store, sql, error);
  g_autofree char *from = g_strdup_printf ("%04d-04-01", first_fy);
  g_autofree char *to = g_strdup_printf ("%04d-03-31", last_fy + 1);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Each query uses some of these; binding one it lacks only returns SQLITE_RANGE. */
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, first_fy);
  sqlite3_bind_int (stmt, 3, last_fy);
  sqlite3_bind_text (stmt, 4, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, to, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *n = rc == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || _sa_store_set_error (store, error);
}

/**
 * sa_plan_years_count_outside:
 * @store: a store
 * @plan_id: a plan
 * @first_fy: the plan's first fiscal year, as it would be
 * @last_fy: its last
 * @n_phases: (out): the plan's phases that would reach outside those years
 * @n_activities: (out): the activities linked to the plan's commitments that would
 *   fall outside them
 * @error: return location for an error
 */
gboolean
sa_plan_years_count_outside (SaStore     *store,
                             const char  *plan_id,
                             int          first_fy,
                             int          last_fy,
                             guint       *n_phases,
                             guint       *n_activities,
                             GError     **error)
{
  return count (store, "SELECT count(*)" PLAN_PHASES " AND (p.start_fy < ?2 OR p.end_fy > ?3)",
                plan_id, first_fy, last_fy, n_phases, error) &&
         count (store, "SELECT count(DISTINCT a.id) FROM activity a"
                " JOIN activity_commitment l ON l.activity_id = a.id AND l.deleted = 0"
                " JOIN commitment c ON c.id = l.commitment_id"
                " JOIN goal g ON g.id = c.goal_id JOIN section s ON s.id = g.section_id"
                " WHERE s.plan_id = ?1 AND a.deleted = 0 AND c.deleted = 0"
                " AND (a.date < ?4 OR a.date > ?5)",
                plan_id, first_fy, last_fy, n_activities, error);
}

/**
 * sa_plan_years_describe_outside:
 * @n_phases: phases outside
 * @n_activities: activities outside
 * @first_fy: the new first fiscal year
 * @last_fy: the new last
 *
 * Returns: (transfer full): "3 phases and 12 activities fall outside FY2012 to FY2015",
 *   with the years as messages write them
 */
char *
sa_plan_years_describe_outside (guint n_phases,
                                guint n_activities,
                                int   first_fy,
                                int   last_fy)
{
  g_autofree char *first = sa_message_year_label (first_fy);
  g_autofree char *last = sa_message_year_label (last_fy);
  g_autofree char *phases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u phase", "%u phases", n_phases),
                                             n_phases);
  g_autofree char *activities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities",
                                                              n_activities), n_activities);

  /* Translators: "3 phases and 12 activities fall outside FY2012 to FY2015" */
  return g_strdup_printf (_("%s and %s fall outside %s to %s"), phases, activities, first, last);
}

/**
 * sa_plan_years_clipped_phases:
 * @store: a store
 * @plan_id: a plan
 * @first_fy: the plan's new first fiscal year
 * @last_fy: its new last
 * @error: return location for an error
 *
 * What clipping does to the phases outside the new years: each one reaching outside,
 * shortened to them; one wholly outside comes with its tombstone set, to be deleted
 * (so it can still be restored). The window writes them through its undo stack.
 *
 * Returns: (transfer full) (element-type SaRecord) (nullable): edited copies
 */
GPtrArray *
sa_plan_years_clipped_phases (SaStore     *store,
                              const char  *plan_id,
                              int          first_fy,
                              int          last_fy,
                              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT p.id%s AND (p.start_fy < ?2 OR p.end_fy > ?3) ORDER BY p.id",
                                          PLAN_PHASES);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _sa_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, first_fy);
  sqlite3_bind_int (stmt, 3, last_fy);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      SaRecord *phase = sa_store_get (store, &sa_schedule_phase_table, ids->pdata[i], error);
      gint64 start, end;

      if (phase == NULL)
        return NULL;
      g_ptr_array_add (phases, phase);
      start = sa_record_get_int (phase, SA_SCHEDULE_PHASE_START_FY);
      end = sa_record_get_int (phase, SA_SCHEDULE_PHASE_END_FY);
      if (end < first_fy || start > last_fy)
        sa_record_set_system (phase, sa_record_get_hlc (phase), sa_record_get_site (phase), TRUE,
                              sa_record_get_clocks (phase));
      else
        {
          sa_record_set_int (phase, SA_SCHEDULE_PHASE_START_FY, MAX (start, first_fy));
          sa_record_set_int (phase, SA_SCHEDULE_PHASE_END_FY, MIN (end, last_fy));
        }
    }
  return g_steal_pointer (&phases);
}

static gboolean
clip_phases (SaStore     *store,
             const char  *plan_id,
             int          first_fy,
             int          last_fy,
             GError     **error)
{
  g_autoptr(GPtrArray) phases = sa_plan_years_clipped_phases (store, plan_id, first_fy, last_fy, error);

  if (phases == NULL)
    return FALSE;
  for (guint i = 0; i < phases->len; i++)
    {
      SaRecord *phase = g_ptr_array_index (phases, i);

      if (sa_record_get_deleted (phase)
          ? !sa_store_set_deleted (store, &sa_schedule_phase_table, sa_record_get_id (phase), TRUE, error)
          : !sa_store_update (store, phase, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_years (SaStore          *store,
           const char       *plan_id,
           int               first_fy,
           int               last_fy,
           SaPlanYearsMode   mode,
           GError          **error)
{
  g_autoptr(SaRecord) plan = sa_store_get (store, &sa_plan_table, plan_id, error);
  guint n_phases = 0, n_activities = 0;

  if (plan == NULL ||
      !sa_plan_years_count_outside (store, plan_id, first_fy, last_fy, &n_phases, &n_activities, error))
    return FALSE;
  if (mode == SA_PLAN_YEARS_REFUSE && n_phases + n_activities > 0)
    {
      g_autofree char *outside = sa_plan_years_describe_outside (n_phases, n_activities, first_fy, last_fy);

      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, "%s", outside);
      return FALSE;
    }
  sa_record_set_int (plan, SA_PLAN_FIRST_FY, first_fy);
  sa_record_set_int (plan, SA_PLAN_LAST_FY, last_fy);
  return sa_store_update (store, plan, error) &&
         (mode != SA_PLAN_YEARS_CLIP || clip_phases (store, plan_id, first_fy, last_fy, error));
}

/**
 * sa_plan_set_years:
 * @store: a store
 * @plan_id: a plan
 * @first_fy: its new first fiscal year
 * @last_fy: its new last
 * @mode: what to do with phases that fall outside
 * @error: return location for an error; with %SA_PLAN_YEARS_REFUSE, how many phases
 *   and activities fall outside
 *
 * Changes a plan's years in one transaction, with its phases as @mode says.
 */
gboolean
sa_plan_set_years (SaStore          *store,
                   const char       *plan_id,
                   int               first_fy,
                   int               last_fy,
                   SaPlanYearsMode   mode,
                   GError          **error)
{
  if (!sa_store_begin (store, error))
    return FALSE;
  if (!set_years (store, plan_id, first_fy, last_fy, mode, error) || !sa_store_commit (store, error))
    {
      sa_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
