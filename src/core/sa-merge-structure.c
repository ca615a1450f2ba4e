/* sa-merge-structure.c: what an import does to the plan's structure after the merge
 *
 * Field by field last-writer-wins keeps every value somewhere, but the plan is a
 * tree: a commitment under a goal another office deleted is hidden with the goal, and
 * two goals may end with the same number. Two rules, run in the import's transaction
 * after the rows are merged, keep everything people wrote in sight:
 *
 * - Added work wins over a parent's delete. When a row was deleted by one side while
 *   the other side, without having seen that delete, added or changed something under
 *   it (or changed the row itself), the deleted rows above that work are brought back.
 *   "Without having seen" is told by the version vectors, as conflicts are: the delete
 *   is a write only one side of the exchange held, the work one only the other side
 *   held. The first site where the two meet sees exactly that, whichever file comes
 *   first, and writes the undelete as its own edit with a new clock, so it travels on
 *   like any edit. Two sites that both do it write the same value; the later clock
 *   wins and the values agree, so nothing goes back and forth.
 * - Goal numbers are unique within a section. After a merge, live goals that share a
 *   number are ordered by (number, the clock of their number, id); the first keeps the
 *   number and each other takes the smallest number no goal of the section uses. The
 *   result depends only on the merged rows, so every site computes the same numbers.
 *
 * Both are reported with the import's conflicts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-activity-link.h"
#include "sa-goal.h"
#include "sa-hlc.h"
#include "sa-import.h"
#include "sa-merge-structure.h"
#include "sa-schema.h"
#include "sa-store-private.h"

#define MAX_GOAL_NUMBER 999

/**
 * sa_clock_map_has_seen:
 * @known: (nullable): site id → the highest clock of that site's writes a side holds
 * @clock: a write's clock
 *
 * Returns: whether the side that holds @known had seen the write @clock
 */
gboolean
sa_clock_map_has_seen (GHashTable *known,
                       const char *clock)
{
  const char *site;
  const char *upto;

  if (known == NULL || !sa_hlc_parse (clock, NULL, NULL, &site))
    return FALSE;
  upto = g_hash_table_lookup (known, site);
  return upto != NULL && g_strcmp0 (clock, upto) <= 0;
}

/* A write the file's writer had not seen: only this site held it. */
static gboolean
local_only (SaMergeSides *sides,
            const char   *clock)
{
  return !sa_clock_map_has_seen (sides->file_known, clock);
}

/* A write this site had not seen: only the file held it. */
static gboolean
incoming_only (SaMergeSides *sides,
               const char   *clock)
{
  const char *site = NULL;

  sa_hlc_parse (clock, NULL, NULL, &site);
  return g_strcmp0 (site, sa_store_get_site_id (sides->store)) != 0 &&
         !sa_clock_map_has_seen (sides->local_known, clock);
}

/* ---- describing rows for people ------------------------------------------------- */

static const struct { const char *table; const char *noun; } nouns[] = {
  { "plan", N_("Plan") },
  { "section", N_("Section") },
  { "situation_note", N_("Situation Note") },
  { "goal", N_("Goal") },
  { "initiative", N_("Initiative") },
  { "expected_action", N_("Expected Action") },
  { "commitment", N_("Commitment") },
  { "schedule_phase", N_("Schedule Phase") },
  { "activity_commitment", N_("Link of an Activity to a Commitment") },
  { "review", N_("Review") },
  { "rating_level", N_("Rating Level") },
};

static const char *
table_noun (const SaTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].table, table->name))
      return _(nouns[i].noun);
  return table->name;
}

/* “Basic Goal 2 “…””, “Commitment “…””: the words a person knows a row by. */
static char *
describe_row (SaRecord *row)
{
  const SaTable *table = sa_record_get_table (row);
  const char *candidates[] = { "title", "text", "label", "name" };
  g_autofree char *noun = NULL;

  if (table == &sa_goal_table)
    noun = g_strdup_printf (_("Basic Goal %d"), (int) sa_record_get_int (row, SA_GOAL_NUMBER));
  else
    noun = g_strdup (table_noun (table));
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      int column = sa_table_find_column (table, candidates[i]);

      if (column >= 0 && sa_record_get_text (row, column) != NULL)
        return g_strdup_printf ("%s “%s”", noun, sa_record_get_text (row, column));
    }
  return g_steal_pointer (&noun);
}

static const char *
site_name (SaMergeSides *sides,
           const char   *clock)
{
  const char *site = NULL;
  const char *name;

  sa_hlc_parse (clock, NULL, NULL, &site);
  name = site && sides->names ? g_hash_table_lookup (sides->names, site) : NULL;
  return name && *name ? name : (site ? site : "");
}

static JsonNode *
boolean_node (gboolean value)
{
  return json_node_init_boolean (json_node_alloc (), value);
}

static JsonNode *
int_node (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

/* ---- added work wins over a parent's delete ------------------------------------- */

typedef struct
{
  SaMergeSides *sides;
  GHashTable   *rows;     /* id → SaRecord: every row of the plan's structure */
  GHashTable   *kept;     /* id → the row whose work brings it back (not owned) */
  GHashTable   *clocks;   /* id → the clock of that work (not owned) */
} Keep;

/* The tables of the plan's structure a merge looks at; activity links are looked at
 * only under commitments that are hidden. */
static const SaTable *
structure_table (guint index)
{
  const SaTable *table = sa_schema_tables[index];

  if (table == &sa_activity_link_table)
    return NULL;
  return table->parent != NULL || g_str_equal (table->name, "plan") ? table : NULL;
}

static gboolean
load_rows (Keep    *keep,
           GError **error)
{
  for (guint t = 0; t < sa_schema_n_tables; t++)
    {
      const SaTable *table = structure_table (t);
      sqlite3_stmt *stmt;
      int rc;

      if (table == NULL)
        continue;
      if (!(stmt = _sa_store_prepare (keep->sides->store, _sa_store_select_sql (table), error)))
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SaRecord *row = _sa_store_read_record (table, stmt);
          g_hash_table_insert (keep->rows, (gpointer) sa_record_get_id (row), row);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _sa_store_set_error (keep->sides->store, error);
    }
  return TRUE;
}

static SaRecord *
parent_of (Keep     *keep,
           SaRecord *row)
{
  const SaTable *table = sa_record_get_table (row);
  int column = table->parent ? sa_table_find_column (table, table->parent) : -1;

  return column < 0 ? NULL : g_hash_table_lookup (keep->rows, sa_record_get_text (row, column));
}

static void
consider_clock (SaMergeSides  *sides,
                gboolean       tomb_local,
                const char    *clock,
                const char   **latest)
{
  gboolean unseen = tomb_local ? incoming_only (sides, clock) : local_only (sides, clock);

  if (unseen && g_strcmp0 (clock, *latest) > 0)
    *latest = clock;
}

/* The latest write to @row that one side of this exchange made while the other side
 * wrote @tombstone, neither having seen the other's; NULL when there is none. */
static const char *
concurrent_work (SaMergeSides *sides,
                 SaRecord     *row,
                 const char   *tombstone,
                 gboolean      own_tombstone)
{
  gboolean tomb_local = local_only (sides, tombstone);
  const char *latest = NULL;
  GHashTable *clocks = sa_record_get_clocks (row);
  GHashTableIter iter;
  gpointer field, clock;

  if (!tomb_local && !incoming_only (sides, tombstone))
    return NULL;
  consider_clock (sides, tomb_local, sa_record_get_hlc (row), &latest);
  if (clocks != NULL)
    {
      g_hash_table_iter_init (&iter, clocks);
      while (g_hash_table_iter_next (&iter, &field, &clock))
        if (!own_tombstone || !g_str_equal (field, "deleted"))
          consider_clock (sides, tomb_local, clock, &latest);
    }
  return latest;
}

/* Brings back @from and every deleted row above it, for the work @cause did. */
static void
keep_chain (Keep       *keep,
            SaRecord   *from,
            SaRecord   *cause,
            const char *work)
{
  for (SaRecord *row = from; row != NULL; row = parent_of (keep, row))
    if (sa_record_get_deleted (row) && !g_hash_table_contains (keep->kept, sa_record_get_id (row)))
      {
        g_hash_table_insert (keep->kept, (gpointer) sa_record_get_id (row), cause);
        g_hash_table_insert (keep->clocks, (gpointer) sa_record_get_id (row), (gpointer) work);
      }
}

/* A live row under deleted ones, or a deleted row changed: whether the work on it
 * and a delete above it crossed in this exchange. */
static void
look_at (Keep     *keep,
         SaRecord *row)
{
  const char *work;

  if (sa_record_get_deleted (row))
    {
      /* An edit of the row itself that crossed its delete. Links only ever change
       * their tombstone. */
      if (sa_record_get_table (row) != &sa_activity_link_table &&
          (work = concurrent_work (keep->sides, row, sa_record_get_clock (row, "deleted"), TRUE)))
        keep_chain (keep, row, row, work);
      return;
    }
  for (SaRecord *above = parent_of (keep, row); above != NULL; above = parent_of (keep, above))
    if (sa_record_get_deleted (above) &&
        (work = concurrent_work (keep->sides, row, sa_record_get_clock (above, "deleted"), FALSE)))
      {
        keep_chain (keep, parent_of (keep, row), row, work);
        return;
      }
}

static gboolean
hidden (Keep     *keep,
        SaRecord *row)
{
  for (; row != NULL; row = parent_of (keep, row))
    if (sa_record_get_deleted (row))
      return TRUE;
  return FALSE;
}

/* Activities linked to a hidden commitment are work under it too. */
static gboolean
look_at_links (Keep      *keep,
               SaRecord  *commitment,
               GError   **error)
{
  static const char *where = " WHERE commitment_id = ?1 AND deleted = 0 ORDER BY id";
  g_autofree char *sql = g_strconcat (_sa_store_select_sql (&sa_activity_link_table), where, NULL);
  sqlite3_stmt *stmt = _sa_store_prepare (keep->sides->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sa_record_get_id (commitment), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SaRecord *link = _sa_store_read_record (&sa_activity_link_table, stmt);
      const char *work = NULL;

      /* Kept with the rows, so the report can name it as the work. */
      g_hash_table_insert (keep->rows, (gpointer) sa_record_get_id (link), link);

      for (SaRecord *above = commitment; above != NULL && work == NULL; above = parent_of (keep, above))
        if (sa_record_get_deleted (above))
          work = concurrent_work (keep->sides, link, sa_record_get_clock (above, "deleted"), FALSE);
      if (work != NULL)
        {
          keep_chain (keep, commitment, link, work);
          break;
        }
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW || _sa_store_set_error (keep->sides->store, error);
}

static char *
kept_message (Keep       *keep,
              SaRecord   *row,
              SaRecord   *cause,
              const char *work)
{
  g_autofree char *what = describe_row (row);
  const char *deleter = site_name (keep->sides, sa_record_get_clock (row, "deleted"));
  const char *worker = site_name (keep->sides, work);
  g_autofree char *under = NULL;

  if (cause == row)
    /* Translators: a row one office deleted while another changed it, so the change
     * brought it back: the row, the office that deleted it, the office that changed it */
    return g_strdup_printf (_("%s was deleted at %s while %s changed it; it was kept, with the change"),
                            what, deleter, worker);
  under = describe_row (cause);
  if (g_strcmp0 (work, sa_record_get_hlc (cause)) == 0)
    /* Translators: the row, the office that deleted it, the office that added
     * something under it, and what it added */
    return g_strdup_printf (_("%s was deleted at %s while %s added %s under it; it was kept"),
                            what, deleter, worker, under);
  /* Translators: the row, the office that deleted it, the office that changed
   * something under it, and what it changed */
  return g_strdup_printf (_("%s was deleted at %s while %s changed %s under it; it was kept"),
                          what, deleter, worker, under);
}

static void
report_kept (Keep       *keep,
             SaRecord   *row,
             SaRecord   *cause,
             const char *work)
{
  const char *tombstone = sa_record_get_clock (row, "deleted");
  gboolean tomb_local = local_only (keep->sides, tombstone);
  SaConflict *conflict;

  if (keep->sides->conflicts == NULL)
    return;
  conflict = g_new0 (SaConflict, 1);
  conflict->kind = SA_CONFLICT_KEPT;
  conflict->table = sa_record_get_table (row);
  conflict->id = g_strdup (sa_record_get_id (row));
  conflict->field = g_strdup ("deleted");
  conflict->local = boolean_node (tomb_local);
  conflict->incoming = boolean_node (!tomb_local);
  conflict->local_clock = g_strdup (tomb_local ? tombstone : work);
  conflict->incoming_clock = g_strdup (tomb_local ? work : tombstone);
  conflict->incoming_won = tomb_local;
  conflict->message = kept_message (keep, row, cause, work);
  g_ptr_array_add (keep->sides->conflicts, conflict);
}

static gboolean
bring_back (Keep    *keep,
            GError **error)
{
  g_autoptr(GList) ids = g_list_sort (g_hash_table_get_keys (keep->kept), (GCompareFunc) strcmp);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      SaRecord *row = g_hash_table_lookup (keep->rows, l->data);

      if (!sa_store_set_deleted (keep->sides->store, sa_record_get_table (row), l->data, FALSE, error))
        return FALSE;
      report_kept (keep, row, g_hash_table_lookup (keep->kept, l->data),
                   g_hash_table_lookup (keep->clocks, l->data));
    }
  return TRUE;
}

static void
keep_clear (Keep *keep)
{
  g_clear_pointer (&keep->rows, g_hash_table_unref);
  g_clear_pointer (&keep->kept, g_hash_table_unref);
  g_clear_pointer (&keep->clocks, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Keep, keep_clear)

static guint
table_rank (const SaTable *table)
{
  for (guint i = 0; i < sa_schema_n_tables; i++)
    if (sa_schema_tables[i] == table)
      return i;
  return sa_schema_n_tables;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  SaRecord *x = (SaRecord *) a, *y = (SaRecord *) b;
  int order = (int) table_rank (sa_record_get_table (x)) - (int) table_rank (sa_record_get_table (y));

  return order != 0 ? order : strcmp (sa_record_get_id (x), sa_record_get_id (y));
}

/**
 * sa_merge_keep_added_work:
 * @sides: the two sides of the import
 * @error: return location for an error
 *
 * Brings back every deleted row of the plan's structure under which, or on which,
 * the other side worked without having seen the delete; see the top of this file.
 */
gboolean
sa_merge_keep_added_work (SaMergeSides  *sides,
                          GError       **error)
{
  g_auto(Keep) keep = { sides, NULL, NULL, NULL };
  g_autoptr(GList) rows = NULL;

  keep.rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  keep.kept = g_hash_table_new (g_str_hash, g_str_equal);
  keep.clocks = g_hash_table_new (g_str_hash, g_str_equal);
  if (!load_rows (&keep, error))
    return FALSE;

  /* Parents first, so that what brings a row back is named by the work right under
   * it (the commitment rather than its phase), the same on every site. */
  rows = g_hash_table_get_values (keep.rows);
  rows = g_list_sort (rows, compare_rows);
  for (GList *l = rows; l != NULL; l = l->next)
    {
      SaRecord *row = l->data;

      look_at (&keep, row);
      if (sa_record_get_table (row)->parent != NULL &&
          g_str_equal (sa_record_get_table (row)->name, "commitment") && hidden (&keep, row) &&
          !look_at_links (&keep, row, error))
        return FALSE;
    }
  return bring_back (&keep, error);
}

/* ---- goal numbers ------------------------------------------------------------------ */

static int
compare_goals (gconstpointer a,
               gconstpointer b)
{
  SaRecord *x = *(SaRecord **) a, *y = *(SaRecord **) b;
  gint64 nx = sa_record_get_int (x, SA_GOAL_NUMBER), ny = sa_record_get_int (y, SA_GOAL_NUMBER);
  int order = (nx > ny) - (nx < ny);

  if (order == 0)
    order = g_strcmp0 (sa_record_get_clock (x, "number"), sa_record_get_clock (y, "number"));
  return order != 0 ? order : g_strcmp0 (sa_record_get_id (x), sa_record_get_id (y));
}

static void
report_renumbered (SaMergeSides *sides,
                   SaRecord     *before,
                   SaRecord     *keeper,
                   SaRecord     *after)
{
  SaConflict *conflict;

  if (sides->conflicts == NULL)
    return;
  conflict = g_new0 (SaConflict, 1);
  conflict->kind = SA_CONFLICT_RENUMBERED;
  conflict->table = &sa_goal_table;
  conflict->id = g_strdup (sa_record_get_id (before));
  conflict->field = g_strdup ("number");
  conflict->local = int_node (sa_record_get_int (before, SA_GOAL_NUMBER));
  conflict->incoming = int_node (sa_record_get_int (after, SA_GOAL_NUMBER));
  conflict->local_clock = g_strdup (sa_record_get_clock (before, "number"));
  conflict->incoming_clock = g_strdup (sa_record_get_clock (after, "number"));
  conflict->incoming_won = TRUE;
  conflict->message =
    /* Translators: two goals of a section came to have the same number from two
     * offices: both titles, the number, the moved goal's title and its new number */
    g_strdup_printf (_("“%s” and “%s” were both Basic Goal %d; “%s” is now Basic Goal %d"),
                     sa_record_get_text (keeper, SA_GOAL_TITLE), sa_record_get_text (before, SA_GOAL_TITLE),
                     (int) sa_record_get_int (before, SA_GOAL_NUMBER),
                     sa_record_get_text (before, SA_GOAL_TITLE),
                     (int) sa_record_get_int (after, SA_GOAL_NUMBER));
  g_ptr_array_add (sides->conflicts, conflict);
}

/* Gives every goal but the first of each number the smallest number still free.
 * Numbers run from 1 to 999, so they serve as hash keys themselves. */
static gboolean
renumber_section (SaMergeSides  *sides,
                  GPtrArray     *goals,
                  GError       **error)
{
  g_autoptr(GHashTable) keepers = g_hash_table_new (g_direct_hash, g_direct_equal);
  gint64 next = 1;

  g_ptr_array_sort (goals, compare_goals);
  for (guint i = 0; i < goals->len; i++)
    {
      SaRecord *goal = g_ptr_array_index (goals, i);
      gpointer number = GINT_TO_POINTER ((int) sa_record_get_int (goal, SA_GOAL_NUMBER));

      if (!g_hash_table_contains (keepers, number))
        g_hash_table_insert (keepers, number, goal);
    }
  for (guint i = 0; i < goals->len; i++)
    {
      SaRecord *goal = g_ptr_array_index (goals, i);
      gpointer number = GINT_TO_POINTER ((int) sa_record_get_int (goal, SA_GOAL_NUMBER));
      g_autoptr(SaRecord) copy = NULL;
      g_autoptr(SaRecord) after = NULL;

      if (g_hash_table_lookup (keepers, number) == goal)
        continue;
      while (next <= MAX_GOAL_NUMBER && g_hash_table_contains (keepers, GINT_TO_POINTER ((int) next)))
        next++;
      if (next > MAX_GOAL_NUMBER)
        break;
      copy = sa_record_copy (goal);
      sa_record_set_int (copy, SA_GOAL_NUMBER, next);
      if (!sa_store_update (sides->store, copy, error) ||
          !(after = sa_store_get (sides->store, &sa_goal_table, sa_record_get_id (goal), error)))
        return FALSE;
      g_hash_table_insert (keepers, GINT_TO_POINTER ((int) next), goal);
      report_renumbered (sides, goal, g_hash_table_lookup (keepers, number), after);
    }
  return TRUE;
}

static GPtrArray *
goals_sharing_numbers (SaMergeSides  *sides,
                       GError       **error)
{
  static const char *where =
    " WHERE deleted = 0 AND section_id IN (SELECT section_id FROM goal WHERE deleted = 0"
    " GROUP BY section_id, number HAVING count(*) > 1) ORDER BY section_id, id";
  g_autofree char *sql = g_strconcat (_sa_store_select_sql (&sa_goal_table), where, NULL);
  sqlite3_stmt *stmt = _sa_store_prepare (sides->store, sql, error);
  GPtrArray *goals;
  int rc;

  if (stmt == NULL)
    return NULL;
  goals = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (goals, _sa_store_read_record (&sa_goal_table, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (goals);
      _sa_store_set_error (sides->store, error);
      return NULL;
    }
  return goals;
}

/**
 * sa_merge_renumber_goals:
 * @sides: the two sides of the import
 * @error: return location for an error
 *
 * Gives live goals of a section that share a number numbers of their own, the same
 * way on every site; see the top of this file.
 */
gboolean
sa_merge_renumber_goals (SaMergeSides  *sides,
                         GError       **error)
{
  g_autoptr(GPtrArray) goals = goals_sharing_numbers (sides, error);
  guint start = 0;

  if (goals == NULL)
    return FALSE;
  while (start < goals->len)
    {
      const char *section = sa_record_get_text (g_ptr_array_index (goals, start), SA_GOAL_SECTION_ID);
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
      guint end = start;

      for (; end < goals->len &&
             g_strcmp0 (sa_record_get_text (g_ptr_array_index (goals, end), SA_GOAL_SECTION_ID), section) == 0; end++)
        g_ptr_array_add (one, g_object_ref (g_ptr_array_index (goals, end)));
      if (!renumber_section (sides, one, error))
        return FALSE;
      start = end;
    }
  return TRUE;
}
