/* sa-plan-period.c: a plan's next period, and how its commitments carry over
 *
 * A new period copies the old plan's outline into a new plan. Each commitment of the
 * copy names its predecessor and says how it carries over (continued by default,
 * expanded, merged, ended or new), so the promotion council can compare the two
 * plans. The old plan is never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-expected-action.h"
#include "sa-goal.h"
#include "sa-initiative.h"
#include "sa-plan-period.h"
#include "sa-plan.h"
#include "sa-schedule-phase.h"
#include "sa-section.h"
#include "sa-situation-note.h"
#include "sa-store-plans.h"
#include "sa-store-private.h"
#include "sa-store-review.h"

/* The kinds, in the order reports list them. */
const char * const sa_carry_over_kinds[] = { "continue", "expand", "merge", "end", "new", NULL };

typedef struct
{
  SaStore    *store;
  GHashTable *new_ids;   /* old id → new id, for references between copied rows */
  int         first_fy;
  int         last_fy;
} Copy;

/* A copy of @old with a new id and its references moved to the copies. */
static SaRecord *
copy_record (Copy     *copy,
             SaRecord *old)
{
  const SaTable *table = sa_record_get_table (old);
  SaRecord *record = sa_record_new (table);
  g_autofree char *id = g_uuid_string_random ();

  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *ref = sa_record_get_text (old, i);

      sa_record_copy_value (record, old, i);
      if (table->columns[i].type == SA_COLUMN_REF && ref != NULL &&
          g_hash_table_contains (copy->new_ids, ref))
        sa_record_set_text (record, i, g_hash_table_lookup (copy->new_ids, ref));
    }
  sa_record_set_id (record, id);
  g_hash_table_insert (copy->new_ids, g_strdup (sa_record_get_id (old)), g_strdup (id));
  return record;
}

static gboolean
insert_copy (Copy      *copy,
             SaRecord  *old,
             GError   **error)
{
  g_autoptr(SaRecord) record = copy_record (copy, old);

  return sa_store_insert (copy->store, record, error);
}

/* The label of the phase that reaches furthest: the work that goes on. */
static char *
last_phase_label (GPtrArray *phases)
{
  SaRecord *last = NULL;

  for (guint i = 0; i < phases->len; i++)
    {
      SaRecord *phase = g_ptr_array_index (phases, i);

      if (last == NULL || sa_record_get_int (phase, SA_SCHEDULE_PHASE_END_FY) >=
                          sa_record_get_int (last, SA_SCHEDULE_PHASE_END_FY))
        last = phase;
    }
  return g_strdup (last ? sa_record_get_text (last, SA_SCHEDULE_PHASE_LABEL) : _("Ongoing"));
}

static gboolean
add_phase (SaStore     *store,
           const char  *commitment_id,
           const char  *label,
           int          first_fy,
           int          last_fy,
           GError     **error)
{
  g_autoptr(SaRecord) phase = sa_record_new (&sa_schedule_phase_table);

  sa_record_set_text (phase, SA_SCHEDULE_PHASE_COMMITMENT_ID, commitment_id);
  sa_record_set_text (phase, SA_SCHEDULE_PHASE_LABEL, label);
  sa_record_set_int (phase, SA_SCHEDULE_PHASE_START_FY, first_fy);
  sa_record_set_int (phase, SA_SCHEDULE_PHASE_END_FY, last_fy);
  return sa_store_insert (store, phase, error);
}

/* The commitment continues, its schedule spanning the new period. */
static gboolean
copy_commitment (Copy      *copy,
                 SaRecord  *old,
                 GError   **error)
{
  g_autoptr(SaRecord) record = copy_record (copy, old);
  g_autoptr(GPtrArray) phases = NULL;
  g_autofree char *label = NULL;

  sa_record_set_text (record, SA_COMMITMENT_PREDECESSOR_ID, sa_record_get_id (old));
  sa_record_set_text (record, SA_COMMITMENT_CARRY_OVER, "continue");
  if (!sa_store_insert (copy->store, record, error) ||
      !(phases = sa_store_list (copy->store, &sa_schedule_phase_table, "commitment_id",
                                sa_record_get_id (old), error)))
    return FALSE;
  label = last_phase_label (phases);
  return add_phase (copy->store, sa_record_get_id (record), label, copy->first_fy, copy->last_fy, error);
}

typedef gboolean (*CopyFunc) (Copy *, SaRecord *, GError **);

/* Copies the children of @parent_id in @table, then, through @then, theirs. */
static gboolean
copy_children (Copy           *copy,
               const SaTable  *table,
               const char     *parent_column,
               const char     *parent_id,
               CopyFunc        each,
               GError        **error)
{
  g_autoptr(GPtrArray) rows = sa_store_list (copy->store, table, parent_column, parent_id, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!each (copy, g_ptr_array_index (rows, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
copy_goal (Copy      *copy,
           SaRecord  *goal,
           GError   **error)
{
  const char *id = sa_record_get_id (goal);

  return insert_copy (copy, goal, error) &&
         copy_children (copy, &sa_initiative_table, "goal_id", id, insert_copy, error) &&
         copy_children (copy, &sa_expected_action_table, "goal_id", id, insert_copy, error) &&
         copy_children (copy, &sa_commitment_table, "goal_id", id, copy_commitment, error);
}

static gboolean
copy_section (Copy      *copy,
              SaRecord  *section,
              GError   **error)
{
  const char *id = sa_record_get_id (section);

  return insert_copy (copy, section, error) &&
         copy_children (copy, &sa_situation_note_table, "section_id", id, insert_copy, error) &&
         copy_children (copy, &sa_goal_table, "section_id", id, copy_goal, error);
}

/**
 * sa_plan_next_title:
 * @title: the old plan's title
 * @first_fy: the new period's first fiscal year
 * @last_fy: its last
 *
 * Returns: (transfer full): the next period's title: "第2期…計画" becomes
 *   "第3期…計画"; other titles say their years
 */
char *
sa_plan_next_title (const char *title,
                    int         first_fy,
                    int         last_fy)
{
  g_autoptr(GRegex) period = g_regex_new ("第([0-9０-９]+)期", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (period, title, 0, &match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      g_autofree char *ascii = g_utf8_normalize (digits, -1, G_NORMALIZE_NFKC);
      g_autofree char *next = g_strdup_printf ("第%d期", atoi (ascii) + 1);
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      return g_strdup_printf ("%.*s%s%s", start, title, next, title + end);
    }
  /* Translators: the title of a plan's next period: the old title and the new years */
  return g_strdup_printf (_("%s (%d–%d)"), title, first_fy, last_fy);
}

static gboolean
copy_plan (Copy        *copy,
           SaRecord    *old,
           const char  *title,
           char       **new_id,
           GError     **error)
{
  g_autoptr(SaRecord) plan = copy_record (copy, old);
  g_autofree char *default_title = NULL;
  const char *id = sa_record_get_id (old);

  if (title == NULL)
    title = default_title = sa_plan_next_title (sa_record_get_text (old, SA_PLAN_TITLE), copy->first_fy, copy->last_fy);
  sa_record_set_text (plan, SA_PLAN_TITLE, title);
  sa_record_set_int (plan, SA_PLAN_FIRST_FY, copy->first_fy);
  sa_record_set_int (plan, SA_PLAN_LAST_FY, copy->last_fy);
  if (!sa_store_insert (copy->store, plan, error) ||
      !copy_children (copy, &sa_actor_table, "plan_id", id, insert_copy, error) ||
      !copy_children (copy, &sa_section_table, "plan_id", id, copy_section, error))
    return FALSE;
  *new_id = g_strdup (sa_record_get_id (plan));
  return TRUE;
}

static gboolean
check_years (SaRecord  *old,
             int        first_fy,
             int        last_fy,
             GError   **error)
{
  gint64 old_first = sa_record_get_int (old, SA_PLAN_FIRST_FY);

  if (first_fy > last_fy)
    g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                 _("The new period’s first fiscal year, %d, is after its last, %d"), first_fy, last_fy);
  else if (first_fy <= old_first)
    g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                 _("A new period starts after the old one began (fiscal year %d), not in %d"),
                 (int) old_first, first_fy);
  else if (first_fy < 1868 || last_fy > 9999)
    g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("The fiscal years must lie between 1868 and 9999"));
  else
    return TRUE;
  return FALSE;
}

/**
 * sa_plan_new_period:
 * @store: a store
 * @plan_id: the plan whose period ends
 * @first_fy: the new period's first fiscal year
 * @last_fy: its last
 * @title: (nullable): the new plan's title, or %NULL to number the period on
 * @error: return location for an error
 *
 * Copies the plan's outline into a new plan, all or nothing. Each commitment of the
 * copy names its predecessor, carries over as "continue" and has one phase spanning
 * the new period.
 *
 * Returns: (transfer full) (nullable): the new plan's id
 */
char *
sa_plan_new_period (SaStore     *store,
                    const char  *plan_id,
                    int          first_fy,
                    int          last_fy,
                    const char  *title,
                    GError     **error)
{
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Copy copy = { store, new_ids, first_fy, last_fy };
  g_autoptr(SaRecord) old = NULL;
  g_autofree char *id = NULL;
  char *new_id = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  if (!(id = sa_store_resolve_plan (store, plan_id, error)) ||
      !(old = sa_store_get (store, &sa_plan_table, id, error)) ||
      !check_years (old, first_fy, last_fy, error) ||
      !sa_store_begin (store, error))
    return NULL;
  if (!sa_store_keep_default_plan (store, error) ||
      !copy_plan (&copy, old, title, &new_id, error))
    {
      sa_store_rollback (store);
      g_clear_pointer (&new_id, g_free);
      return NULL;
    }
  if (!sa_store_commit_or_rollback (store, error))
    g_clear_pointer (&new_id, g_free);
  return new_id;
}

/* ---- Carrying over ---------------------------------------------------------------- */

static gboolean
is_kind (const char *kind)
{
  return kind != NULL && g_strv_contains (sa_carry_over_kinds, kind);
}

/* An ended commitment has no schedule in the new period; one marked otherwise again
 * gets one spanning the plan's years. */
static gboolean
follow_schedule (SaStore     *store,
                 SaRecord    *commitment,
                 const char  *kind,
                 GError     **error)
{
  const char *id = sa_record_get_id (commitment);
  g_autoptr(GPtrArray) phases = sa_store_list (store, &sa_schedule_phase_table, "commitment_id", id, error);
  g_autofree char *plan_id = NULL;
  g_autoptr(SaRecord) plan = NULL;

  if (phases == NULL)
    return FALSE;
  if (g_str_equal (kind, "end"))
    {
      for (guint i = 0; i < phases->len; i++)
        if (!sa_store_set_deleted (store, &sa_schedule_phase_table,
                                   sa_record_get_id (g_ptr_array_index (phases, i)), TRUE, error))
          return FALSE;
      return TRUE;
    }
  if (phases->len > 0)
    return TRUE;
  if (!(plan_id = sa_store_dup_commitment_plan (store, id, error)) ||
      !(plan = sa_store_get (store, &sa_plan_table, plan_id, error)))
    return FALSE;
  return add_phase (store, id, _("Ongoing"), sa_record_get_int (plan, SA_PLAN_FIRST_FY),
                    sa_record_get_int (plan, SA_PLAN_LAST_FY), error);
}

/**
 * sa_plan_set_carry_over:
 * @store: a store
 * @commitment_id: a commitment of a new period
 * @kind: one of #sa_carry_over_kinds
 * @error: return location for an error
 *
 * Says how the commitment carries over from its predecessor. "end" also clears its
 * schedule in the new period; marking it otherwise again gives it one.
 */
gboolean
sa_plan_set_carry_over (SaStore     *store,
                        const char  *commitment_id,
                        const char  *kind,
                        GError     **error)
{
  g_autoptr(SaRecord) commitment = NULL;
  g_autoptr(SaRecord) edited = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), FALSE);

  if (!is_kind (kind))
    {
      g_autofree char *kinds = g_strjoinv (", ", (char **) sa_carry_over_kinds);
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("“%s” is not a way to carry over; use one of %s"),
                   kind, kinds);
      return FALSE;
    }
  if (!(commitment = sa_store_get (store, &sa_commitment_table, commitment_id, error)))
    return FALSE;
  if (sa_record_get_deleted (commitment))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("The commitment “%s” is deleted"), commitment_id);
      return FALSE;
    }
  edited = sa_record_copy (commitment);
  sa_record_set_text (edited, SA_COMMITMENT_CARRY_OVER, kind);
  if (!sa_store_begin (store, error))
    return FALSE;
  if (!sa_store_update (store, edited, error) || !follow_schedule (store, edited, kind, error))
    {
      sa_store_rollback (store);
      return FALSE;
    }
  return sa_store_commit_or_rollback (store, error);
}

/* ---- Comparing -------------------------------------------------------------------- */

void
sa_carry_over_free (SaCarryOver *row)
{
  if (row == NULL)
    return;
  g_free (row->old_id);
  g_free (row->old_text);
  g_free (row->new_id);
  g_free (row->new_text);
  g_free (row);
}

/* A plan's live commitments, in the plan's order. */
static const char commitments_sql[] =
  "SELECT c.id, c.text, c.predecessor_id, c.carry_over FROM commitment c"
  " JOIN goal g ON g.id = c.goal_id AND g.deleted = 0"
  " JOIN section s ON s.id = g.section_id AND s.deleted = 0"
  " WHERE s.plan_id = ?1 AND c.deleted = 0"
  " ORDER BY s.position, g.number, c.position, c.id";

static GPtrArray *
list_commitments (SaStore     *store,
                  const char  *plan_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt = _sa_store_prepare (store, commitments_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 5);

      for (int i = 0; i < 4; i++)
        row[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static guint
kind_index (const char *kind)
{
  for (guint i = 0; sa_carry_over_kinds[i] != NULL; i++)
    if (g_strcmp0 (sa_carry_over_kinds[i], kind) == 0)
      return i;
  return SA_CARRY_OVER_NEW;
}

/**
 * sa_plan_compare:
 * @store: a store
 * @old_id: the earlier plan
 * @new_id: the plan of the next period
 * @counts: (out caller-allocates) (array fixed-size=5): commitments per kind, in the
 *   order of #sa_carry_over_kinds
 * @error: return location for an error
 *
 * Pairs each commitment of the new plan with its predecessor. A commitment without a
 * kind continues when it has a predecessor and is new otherwise; an old commitment
 * without a successor in the new plan has ended.
 *
 * Returns: (transfer full) (element-type SaCarryOver): the new plan's commitments in
 *   its order, then the old ones that ended without a successor
 */
GPtrArray *
sa_plan_compare (SaStore     *store,
                 const char  *old_id,
                 const char  *new_id,
                 guint        counts[SA_N_CARRY_OVER],
                 GError     **error)
{
  g_autofree char *old_plan = NULL, *new_plan = NULL;
  g_autoptr(GPtrArray) old_rows = NULL, new_rows = NULL;
  g_autoptr(GHashTable) old_texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) carried = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rows;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  if (!(old_plan = sa_store_resolve_plan (store, old_id, error)) ||
      !(new_plan = sa_store_resolve_plan (store, new_id, error)) ||
      !(old_rows = list_commitments (store, old_plan, error)) ||
      !(new_rows = list_commitments (store, new_plan, error)))
    return NULL;

  memset (counts, 0, sizeof (guint) * SA_N_CARRY_OVER);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sa_carry_over_free);
  for (guint i = 0; i < old_rows->len; i++)
    {
      char **old = g_ptr_array_index (old_rows, i);
      g_hash_table_insert (old_texts, old[0], old[1]);
    }
  for (guint i = 0; i < new_rows->len; i++)
    {
      char **row = g_ptr_array_index (new_rows, i);
      SaCarryOver *pair = g_new0 (SaCarryOver, 1);
      gboolean from_old = row[2] != NULL && g_hash_table_contains (old_texts, row[2]);

      pair->new_id = g_strdup (row[0]);
      pair->new_text = g_strdup (row[1]);
      pair->old_id = from_old ? g_strdup (row[2]) : NULL;
      pair->old_text = from_old ? g_strdup (g_hash_table_lookup (old_texts, row[2])) : NULL;
      pair->kind = sa_carry_over_kinds[row[3] ? kind_index (row[3])
                                               : from_old ? SA_CARRY_OVER_CONTINUE : SA_CARRY_OVER_NEW];
      if (from_old)
        g_hash_table_add (carried, row[2]);
      counts[kind_index (pair->kind)]++;
      g_ptr_array_add (rows, pair);
    }
  for (guint i = 0; i < old_rows->len; i++)
    {
      char **old = g_ptr_array_index (old_rows, i);
      SaCarryOver *pair;

      if (g_hash_table_contains (carried, old[0]))
        continue;
      pair = g_new0 (SaCarryOver, 1);
      pair->old_id = g_strdup (old[0]);
      pair->old_text = g_strdup (old[1]);
      pair->kind = "end";
      counts[SA_CARRY_OVER_END]++;
      g_ptr_array_add (rows, pair);
    }
  return rows;
}

/**
 * sa_plan_dup_predecessor_plan:
 * @store: a store
 * @plan_id: a plan of a later period
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the plan its commitments carry over from, or
 *   %NULL (without @error) for a plan that carries nothing over
 */
char *
sa_plan_dup_predecessor_plan (SaStore     *store,
                              const char  *plan_id,
                              GError     **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (store,
    "SELECT ps.plan_id FROM commitment c"
    " JOIN goal g ON g.id = c.goal_id JOIN section s ON s.id = g.section_id"
    " JOIN commitment p ON p.id = c.predecessor_id"
    " JOIN goal pg ON pg.id = p.goal_id JOIN section ps ON ps.id = pg.section_id"
    " WHERE s.plan_id = ?1 AND c.deleted = 0 AND ps.plan_id <> ?1"
    " GROUP BY ps.plan_id ORDER BY count(*) DESC LIMIT 1", error);
  char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _sa_store_set_error (store, error);
  return id;
}
