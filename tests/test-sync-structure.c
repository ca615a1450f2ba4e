/* test-sync-structure.c: sync keeps the plan's structure in sight: work added under a
 * row another office deleted brings the row back, goals that came to share a number
 * get numbers of their own; in every import order, with the same visible result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "sa-hlc.h"
#include "sa-activity.h"
#include "sa-activity-link.h"
#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-goal.h"
#include "sa-import.h"
#include "sa-outline.h"
#include "sa-plan.h"
#include "sa-schedule-phase.h"
#include "sa-section.h"
#include "sa-sync-file.h"
#include "site-fixture.h"
#include "sa-undo-stack.h"


/* Site @store writes its file as @name. */
static char *
export_as (SiteFixture    *f,
           SaStore    *store,
           const char *name)
{
  char *path = site_fixture_path (f, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_sync_file_export (store, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
import (SaStore        *store,
        const char     *path,
        SaImportReport *report)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSyncFile) contents = sa_sync_file_read (file, NULL, &error);
  g_auto(SaImportReport) ignored = { 0, };

  g_assert_no_error (error);
  g_assert_true (sa_sync_file_import (contents, store, FALSE, report ? report : &ignored, &error));
  g_assert_no_error (error);
}

static void
exchange (SiteFixture *f,
          SaStore *from,
          SaStore *to)
{
  g_autofree char *path = export_as (f, from, "exchange.sasaeai");

  import (to, path, NULL);
}

/* What a person sees of the plan: the outline, with numbers, titles, commitments
 * and phases, and no clocks. */
static char *
visible (SaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) outline = sa_outline_to_json (store, NULL, &error);

  g_assert_no_error (error);
  return json_to_string (outline, TRUE);
}

static SaRecord *
get (SaStore       *store,
     const SaTable *table,
     const char    *id)
{
  g_autoptr(GError) error = NULL;
  SaRecord *record = sa_store_get (store, table, id, &error);

  g_assert_no_error (error);
  return record;
}

static SaRecord *
nth_goal (SaStore *store,
          guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = sa_store_list (store, &sa_goal_table, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, >, index);
  return g_object_ref (g_ptr_array_index (goals, index));
}

static SaRecord *
add_commitment (SaStore    *store,
                const char *goal_id,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actors = sa_store_list (store, &sa_actor_table, NULL, NULL, &error);
  SaRecord *commitment = SA_RECORD (sa_commitment_new ());

  sa_record_set_text (commitment, SA_COMMITMENT_GOAL_ID, goal_id);
  sa_record_set_text (commitment, SA_COMMITMENT_ACTOR_ID, sa_record_get_id (g_ptr_array_index (actors, 4)));
  sa_record_set_text (commitment, SA_COMMITMENT_TEXT, text);
  sa_record_set_int (commitment, SA_COMMITMENT_POSITION, 50);
  g_assert_true (sa_store_insert (store, commitment, &error));
  g_assert_no_error (error);
  return commitment;
}

static void
add_phase (SaStore    *store,
           const char *commitment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) phase = SA_RECORD (sa_schedule_phase_new ());

  sa_record_set_text (phase, SA_SCHEDULE_PHASE_COMMITMENT_ID, commitment_id);
  sa_record_set_text (phase, SA_SCHEDULE_PHASE_LABEL, "検討");
  sa_record_set_int (phase, SA_SCHEDULE_PHASE_START_FY, 2012);
  sa_record_set_int (phase, SA_SCHEDULE_PHASE_END_FY, 2013);
  g_assert_true (sa_store_insert (store, phase, &error));
  g_assert_no_error (error);
}

static void
link_activity (SaStore    *store,
               const char *commitment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  const char *links[] = { commitment_id, NULL };

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-06-01");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "見守り訓練");
  g_assert_true (sa_store_add_activity (store, activity, links, &error));
  g_assert_no_error (error);
}

static void
set_deleted (SaStore       *store,
             const SaTable *table,
             const char    *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_store_set_deleted (store, table, id, TRUE, &error));
  g_assert_no_error (error);
}

static void
set_goal_number (SaStore    *store,
                 const char *id,
                 gint64      number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) goal = get (store, &sa_goal_table, id);

  sa_record_set_int (goal, SA_GOAL_NUMBER, number);
  g_assert_true (sa_store_update (store, goal, &error));
  g_assert_no_error (error);
}

static SaStore *
site_with_sample (SiteFixture    *f,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  SaStore *store = site_fixture_open (f, name);
  SaImportReport report;

  g_assert_true (sa_import_sample (store, &report, &error));
  g_assert_no_error (error);
  return store;
}

static guint
count_kind (SaImportReport *report,
            SaConflictKind  kind,
            const char     *id)
{
  guint n = 0;

  for (guint i = 0; report->conflicts != NULL && i < report->conflicts->len; i++)
    {
      SaConflict *conflict = g_ptr_array_index (report->conflicts, i);

      if (conflict->kind == kind && (id == NULL || g_strcmp0 (conflict->id, id) == 0))
        n++;
    }
  return n;
}

static SaConflict *
find_kind (SaImportReport *report,
           SaConflictKind  kind,
           const char     *id)
{
  for (guint i = 0; report->conflicts != NULL && i < report->conflicts->len; i++)
    {
      SaConflict *conflict = g_ptr_array_index (report->conflicts, i);

      if (conflict->kind == kind && g_strcmp0 (conflict->id, id) == 0)
        return conflict;
    }
  g_assert_not_reached ();
}

/* Two offices that share the sample plan, and two more that start empty. */
typedef struct
{
  SaStore *a, *b, *c, *d;
  char    *file_a, *file_b;  /* each office's file, written before it saw the other's */
} Sites;

static void
sites_open (SiteFixture *f,
            Sites   *sites)
{
  sites->a = site_with_sample (f, "区役所");
  sites->b = site_fixture_open (f, "中川地域ケアプラザ");
  sites->c = site_fixture_open (f, "区社協");
  sites->d = site_fixture_open (f, "いずみ中央");
  exchange (f, sites->a, sites->b);
}

static void
sites_close (Sites *sites)
{
  g_clear_object (&sites->a);
  g_clear_object (&sites->b);
  g_clear_object (&sites->c);
  g_clear_object (&sites->d);
  g_clear_pointer (&sites->file_a, g_free);
  g_clear_pointer (&sites->file_b, g_free);
}

/* Each office writes its file; A and B read each other's, in the order @a_first
 * says, the second reading a file written after the first read; C reads A's file
 * then B's, D the other way round. Afterwards all four exchange until they agree,
 * and every pair shows the same outline. */
static void
cross (SiteFixture        *f,
       Sites          *sites,
       gboolean        a_first,
       SaImportReport *to_a,
       SaImportReport *to_b,
       SaImportReport *to_c,
       SaImportReport *to_d)
{
  SaStore *all[4] = { sites->a, sites->b, sites->c, sites->d };
  g_autofree char *expected = NULL;

  sites->file_a = export_as (f, sites->a, "a.sasaeai");
  sites->file_b = export_as (f, sites->b, "b.sasaeai");
  import (sites->c, sites->file_a, NULL);
  import (sites->c, sites->file_b, to_c);
  import (sites->d, sites->file_b, NULL);
  import (sites->d, sites->file_a, to_d);
  if (a_first)
    {
      g_autofree char *again = NULL;

      import (sites->a, sites->file_b, to_a);
      again = export_as (f, sites->a, "a2.sasaeai");
      import (sites->b, again, to_b);
    }
  else
    {
      g_autofree char *again = NULL;

      import (sites->b, sites->file_a, to_b);
      again = export_as (f, sites->b, "b2.sasaeai");
      import (sites->a, again, to_a);
    }

  for (guint round = 0; round < 2; round++)
    for (guint x = 0; x < 4; x++)
      for (guint y = 0; y < 4; y++)
        if (x != y)
          exchange (f, all[x], all[y]);
  expected = visible (sites->a);
  for (guint x = 1; x < 4; x++)
    {
      g_autofree char *other = visible (all[x]);
      g_assert_cmpstr (other, ==, expected);
    }
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return strstr (haystack, needle) != NULL;
}

/* ---- added work wins over a parent's delete ----------------------------------------- */

/* Office A deletes a goal while office B adds a commitment under it, with a phase and
 * an activity linked to it: after the exchange, in either order and at offices that
 * read both files in either order, the goal is back with B's work under it, and each
 * import that met both sides reports it, naming both offices. */
static void
test_added_under_deleted_goal (SiteFixture       *f,
                               gconstpointer  data)
{
  gboolean a_first = GPOINTER_TO_INT (data);
  g_auto(SaImportReport) to_a = { 0, }, to_b = { 0, }, to_c = { 0, }, to_d = { 0, };
  Sites sites = { 0, };
  g_autoptr(SaRecord) goal = NULL;
  g_autoptr(SaRecord) commitment = NULL;
  g_autofree char *outline = NULL;
  SaConflict *conflict;

  sites_open (f, &sites);
  goal = nth_goal (sites.a, 1);
  set_deleted (sites.a, &sa_goal_table, sa_record_get_id (goal));
  commitment = add_commitment (sites.b, sa_record_get_id (goal), "多世代交流の場づくり");
  add_phase (sites.b, sa_record_get_id (commitment));
  link_activity (sites.b, sa_record_get_id (commitment));

  cross (f, &sites, a_first, &to_a, &to_b, &to_c, &to_d);

  outline = visible (sites.a);
  g_assert_true (contains (outline, "多世代交流の場づくり"));
  g_assert_true (contains (outline, "検討"));
  g_assert_true (contains (outline, sa_record_get_text (goal, SA_GOAL_TITLE)));
  for (guint i = 0; i < 2; i++)
    {
      SaStore *site = i ? sites.c : sites.a;
      g_autoptr(SaRecord) kept = get (site, &sa_goal_table, sa_record_get_id (goal));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) links = sa_store_list (site, &sa_activity_link_table, "commitment_id",
                                                  sa_record_get_id (commitment), &error);

      g_assert_false (sa_record_get_deleted (kept));
      g_assert_cmpuint (links->len, ==, 1);
    }

  /* Whoever met the two sides first said so, with both offices' names. */
  g_assert_cmpuint (count_kind (a_first ? &to_a : &to_b, SA_CONFLICT_KEPT, sa_record_get_id (goal)), ==, 1);
  g_assert_cmpuint (count_kind (&to_c, SA_CONFLICT_KEPT, sa_record_get_id (goal)), ==, 1);
  g_assert_cmpuint (count_kind (&to_d, SA_CONFLICT_KEPT, sa_record_get_id (goal)), ==, 1);
  conflict = find_kind (&to_c, SA_CONFLICT_KEPT, sa_record_get_id (goal));
  g_assert_true (contains (conflict->message, "区役所"));
  g_assert_true (contains (conflict->message, "中川地域ケアプラザ"));
  g_assert_true (contains (conflict->message, "多世代交流の場づくり"));
  g_assert_cmpstr (conflict->field, ==, "deleted");
  /* C held A's delete; B's file brought the work, which won. */
  g_assert_true (json_node_get_boolean (conflict->local));
  g_assert_false (json_node_get_boolean (conflict->incoming));
  g_assert_true (conflict->incoming_won);
  conflict = find_kind (&to_d, SA_CONFLICT_KEPT, sa_record_get_id (goal));
  g_assert_false (json_node_get_boolean (conflict->local));
  g_assert_false (conflict->incoming_won);
  sites_close (&sites);
}

/* An activity linked to a commitment another office deleted brings the commitment
 * back: the activity's link is work under it. */
static void
test_linked_to_deleted_commitment (SiteFixture       *f,
                                   gconstpointer  data)
{
  gboolean a_first = GPOINTER_TO_INT (data);
  g_auto(SaImportReport) to_a = { 0, }, to_b = { 0, }, to_c = { 0, }, to_d = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(SaRecord) kept = NULL;
  Sites sites = { 0, };
  const char *id;

  sites_open (f, &sites);
  commitments = sa_store_list (sites.a, &sa_commitment_table, NULL, NULL, &error);
  id = sa_record_get_id (g_ptr_array_index (commitments, 2));
  set_deleted (sites.a, &sa_commitment_table, id);
  link_activity (sites.b, id);

  cross (f, &sites, a_first, &to_a, &to_b, &to_c, &to_d);
  kept = get (sites.a, &sa_commitment_table, id);
  g_assert_false (sa_record_get_deleted (kept));
  g_assert_cmpuint (count_kind (&to_c, SA_CONFLICT_KEPT, id), ==, 1);
  g_assert_cmpuint (count_kind (&to_d, SA_CONFLICT_KEPT, id), ==, 1);
  sites_close (&sites);
}

/* An edit of a commitment another office deleted revives it, with the edit. */
static void
test_edit_of_deleted_commitment (SiteFixture       *f,
                                 gconstpointer  data)
{
  gboolean a_first = GPOINTER_TO_INT (data);
  g_auto(SaImportReport) to_a = { 0, }, to_b = { 0, }, to_c = { 0, }, to_d = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(SaRecord) edited = NULL;
  g_autoptr(SaRecord) kept = NULL;
  g_autofree char *outline = NULL;
  Sites sites = { 0, };
  const char *id;

  sites_open (f, &sites);
  commitments = sa_store_list (sites.b, &sa_commitment_table, NULL, NULL, &error);
  id = sa_record_get_id (g_ptr_array_index (commitments, 1));
  /* B edits first by the wall clock, A deletes later: still neither saw the other. */
  edited = get (sites.b, &sa_commitment_table, id);
  sa_record_set_text (edited, SA_COMMITMENT_TEXT, "見守り活動を全地区に広げる");
  g_assert_true (sa_store_update (sites.b, edited, &error));
  sa_hlc_advance_clock (1000);
  set_deleted (sites.a, &sa_commitment_table, id);

  cross (f, &sites, a_first, &to_a, &to_b, &to_c, &to_d);
  kept = get (sites.d, &sa_commitment_table, id);
  g_assert_false (sa_record_get_deleted (kept));
  outline = visible (sites.a);
  g_assert_true (contains (outline, "見守り活動を全地区に広げる"));
  g_assert_cmpuint (count_kind (&to_c, SA_CONFLICT_KEPT, id), ==, 1);
  g_assert_true (contains (find_kind (&to_c, SA_CONFLICT_KEPT, id)->message, "区役所"));
  sites_close (&sites);
}

/* A delete made after seeing the work under the row is what the person meant: it
 * stays, and nothing is reported. */
static void
test_informed_delete_stays (SiteFixture       *f,
                            gconstpointer  data)
{
  g_auto(SaImportReport) to_a = { 0, }, to_b = { 0, };
  Sites sites = { 0, };
  g_autoptr(SaRecord) goal = NULL;
  g_autoptr(SaRecord) commitment = NULL;
  g_autoptr(SaRecord) after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *back = NULL;

  sites_open (f, &sites);
  goal = nth_goal (sites.a, 1);
  commitment = add_commitment (sites.b, sa_record_get_id (goal), "多世代交流の場づくり");
  path = export_as (f, sites.b, "b.sasaeai");
  import (sites.a, path, &to_a);
  set_deleted (sites.a, &sa_goal_table, sa_record_get_id (goal));
  back = export_as (f, sites.a, "a.sasaeai");
  import (sites.b, back, &to_b);

  after = get (sites.b, &sa_goal_table, sa_record_get_id (goal));
  g_assert_true (sa_record_get_deleted (after));
  g_assert_cmpuint (count_kind (&to_a, SA_CONFLICT_KEPT, NULL), ==, 0);
  g_assert_cmpuint (count_kind (&to_b, SA_CONFLICT_KEPT, NULL), ==, 0);
  sites_close (&sites);
}

/* ---- goal numbers ---------------------------------------------------------------- */

/* The form and the CLI write through sa_store_insert()/update(): a number a live goal
 * of the section has is refused, with that goal's title; a swap inside one group of
 * writes is fine. */
static void
test_goal_number_taken (SiteFixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SaStore) store = site_with_sample (f, "区役所");
  g_autoptr(SaUndoStack) undo = sa_undo_stack_new (store);
  g_autoptr(SaRecord) first = nth_goal (store, 0);
  g_autoptr(SaRecord) second = nth_goal (store, 1);
  g_autoptr(SaRecord) goal = SA_RECORD (sa_goal_new ());
  g_autoptr(SaRecord) copy = NULL;
  g_autoptr(SaRecord) after = NULL;
  g_autoptr(GError) error = NULL;

  sa_record_set_text (goal, SA_GOAL_SECTION_ID, sa_record_get_text (first, SA_GOAL_SECTION_ID));
  sa_record_set_int (goal, SA_GOAL_NUMBER, 2);
  sa_record_set_text (goal, SA_GOAL_TITLE, "新しい目標");
  g_assert_false (sa_undo_stack_insert (undo, goal, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_assert_true (contains (error->message, sa_record_get_text (second, SA_GOAL_TITLE)));
  g_clear_error (&error);
  g_assert_false (sa_store_exists (store, &sa_goal_table, sa_record_get_id (goal), TRUE));

  copy = sa_record_copy (first);
  sa_record_set_int (copy, SA_GOAL_NUMBER, 2);
  g_assert_false (sa_store_update (store, copy, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_clear_error (&error);

  /* Swapping numbers in one group passes: the rule is checked when it ends. */
  g_assert_true (sa_undo_stack_begin (undo, "Move", &error));
  sa_record_set_int (copy, SA_GOAL_NUMBER, 2);
  g_assert_true (sa_undo_stack_update (undo, copy, &error));
  g_clear_object (&copy);
  copy = sa_record_copy (second);
  sa_record_set_int (copy, SA_GOAL_NUMBER, 1);
  g_assert_true (sa_undo_stack_update (undo, copy, &error));
  g_assert_true (sa_undo_stack_commit (undo, &error));
  g_assert_no_error (error);
  after = get (store, &sa_goal_table, sa_record_get_id (first));
  g_assert_cmpint (sa_record_get_int (after, SA_GOAL_NUMBER), ==, 2);

  /* A group that ends with two goals 1 is refused whole. */
  g_clear_object (&copy);
  copy = get (store, &sa_goal_table, sa_record_get_id (first));
  sa_record_set_int (copy, SA_GOAL_NUMBER, 1);
  g_assert_true (sa_undo_stack_begin (undo, "Move", &error));
  g_assert_true (sa_undo_stack_update (undo, copy, &error));
  g_assert_false (sa_undo_stack_commit (undo, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_clear_object (&after);
  after = get (store, &sa_goal_table, sa_record_get_id (first));
  g_assert_cmpint (sa_record_get_int (after, SA_GOAL_NUMBER), ==, 2);
}

static GArray *
goal_numbers (SaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = sa_store_list (store, &sa_goal_table, NULL, NULL, &error);
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < goals->len; i++)
    {
      gint64 number = sa_record_get_int (g_ptr_array_index (goals, i), SA_GOAL_NUMBER);
      g_array_append_val (numbers, number);
    }
  return numbers;
}

/* The case: both offices reorder the goals in the same round. Every office
 * ends with goals numbered 1, 2, 3 the same way, whatever the order of imports, and
 * the offices that met the clash report it. */
static void
test_goal_numbers_reordered (SiteFixture       *f,
                             gconstpointer  data)
{
  gboolean a_first = GPOINTER_TO_INT (data);
  g_auto(SaImportReport) to_a = { 0, }, to_b = { 0, }, to_c = { 0, }, to_d = { 0, };
  Sites sites = { 0, };
  g_autoptr(SaRecord) g1 = NULL, g2 = NULL, g3 = NULL;
  g_autoptr(GArray) numbers = NULL;

  sites_open (f, &sites);
  g1 = nth_goal (sites.a, 0);
  g2 = nth_goal (sites.a, 1);
  g3 = nth_goal (sites.a, 2);
  /* A moves goal 1 down: 1 ↔ 2. B, later by the clock, moves goal 3 up: 2 ↔ 3. */
  set_goal_number (sites.a, sa_record_get_id (g1), 99);
  set_goal_number (sites.a, sa_record_get_id (g2), 1);
  set_goal_number (sites.a, sa_record_get_id (g1), 2);
  sa_hlc_advance_clock (1000);
  set_goal_number (sites.b, sa_record_get_id (g2), 99);
  set_goal_number (sites.b, sa_record_get_id (g3), 2);
  set_goal_number (sites.b, sa_record_get_id (g2), 3);

  cross (f, &sites, a_first, &to_a, &to_b, &to_c, &to_d);
  numbers = goal_numbers (sites.a);
  g_assert_cmpuint (numbers->len, ==, 3);
  for (guint i = 0; i < numbers->len; i++)
    g_assert_cmpint (g_array_index (numbers, gint64, i), ==, i + 1);
  g_assert_cmpuint (count_kind (&to_c, SA_CONFLICT_RENUMBERED, NULL), ==, 1);
  g_assert_cmpuint (count_kind (&to_d, SA_CONFLICT_RENUMBERED, NULL), ==, 1);
  /* Goal 1 wrote its 2 first and keeps it; goal 3 takes the free 1. */
  g_assert_nonnull (find_kind (&to_c, SA_CONFLICT_RENUMBERED, sa_record_get_id (g3))->message);
  sites_close (&sites);
}

/* Two offices each add a goal 4: both stay, numbered 4 and 5 the same way
 * everywhere; once agreed, another exchange changes and reports nothing. */
static void
test_goal_numbers_added (SiteFixture       *f,
                         gconstpointer  data)
{
  gboolean a_first = GPOINTER_TO_INT (data);
  g_auto(SaImportReport) to_a = { 0, }, to_b = { 0, }, to_c = { 0, }, to_d = { 0, };
  g_auto(SaImportReport) again = { 0, };
  Sites sites = { 0, };
  g_autoptr(SaRecord) first = NULL;
  g_autoptr(SaRecord) from_a = SA_RECORD (sa_goal_new ());
  g_autoptr(SaRecord) from_b = SA_RECORD (sa_goal_new ());
  g_autoptr(SaRecord) at_a = NULL, at_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *path = NULL;

  sites_open (f, &sites);
  first = nth_goal (sites.a, 0);
  sa_record_set_text (from_a, SA_GOAL_SECTION_ID, sa_record_get_text (first, SA_GOAL_SECTION_ID));
  sa_record_set_int (from_a, SA_GOAL_NUMBER, 4);
  sa_record_set_text (from_a, SA_GOAL_TITLE, "区役所の目標");
  g_assert_true (sa_store_insert (sites.a, from_a, &error));
  sa_record_set_text (from_b, SA_GOAL_SECTION_ID, sa_record_get_text (first, SA_GOAL_SECTION_ID));
  sa_record_set_int (from_b, SA_GOAL_NUMBER, 4);
  sa_record_set_text (from_b, SA_GOAL_TITLE, "ケアプラザの目標");
  sa_hlc_advance_clock (1000);
  g_assert_true (sa_store_insert (sites.b, from_b, &error));
  g_assert_no_error (error);

  cross (f, &sites, a_first, &to_a, &to_b, &to_c, &to_d);
  at_a = get (sites.c, &sa_goal_table, sa_record_get_id (from_a));
  at_b = get (sites.c, &sa_goal_table, sa_record_get_id (from_b));
  g_assert_cmpint (sa_record_get_int (at_a, SA_GOAL_NUMBER), ==, 4);
  g_assert_cmpint (sa_record_get_int (at_b, SA_GOAL_NUMBER), ==, 5);
  g_assert_cmpuint (count_kind (&to_c, SA_CONFLICT_RENUMBERED, sa_record_get_id (from_b)), ==, 1);
  g_assert_true (contains (find_kind (&to_c, SA_CONFLICT_RENUMBERED, sa_record_get_id (from_b))->message,
                           "ケアプラザの目標"));

  before = visible (sites.b);
  path = export_as (f, sites.a, "a3.sasaeai");
  import (sites.b, path, &again);
  after = visible (sites.b);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (again.conflicts->len, ==, 0);
  g_assert_cmpuint (again.updated, ==, 0);
  sites_close (&sites);
}

/* ---- plan years -------------------------------------------------------------------- */

/* A phase kept outside the plan's years after they were shrunk can still have its
 * label changed; moving it still has to land inside. */
static void
test_phase_label_outside_years (SiteFixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SaStore) store = site_with_sample (f, "区役所");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = sa_store_list (store, &sa_plan_table, NULL, NULL, &error);
  g_autoptr(GPtrArray) phases = sa_store_list (store, &sa_schedule_phase_table, NULL, NULL, &error);
  g_autoptr(SaRecord) plan = sa_record_copy (g_ptr_array_index (plans, 0));
  g_autoptr(SaRecord) phase = sa_record_copy (g_ptr_array_index (phases, 0));

  sa_record_set_int (plan, SA_PLAN_FIRST_FY, 2012);
  g_assert_true (sa_store_update (store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sa_record_get_int (phase, SA_SCHEDULE_PHASE_START_FY), ==, 2010);

  sa_record_set_text (phase, SA_SCHEDULE_PHASE_LABEL, "拡充");
  g_assert_true (sa_store_update (store, phase, &error));
  g_assert_no_error (error);

  sa_record_set_int (phase, SA_SCHEDULE_PHASE_END_FY, 2014);
  g_assert_false (sa_store_update (store, phase, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "FY2012"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, SiteFixture, GINT_TO_POINTER (data), site_fixture_setup, func, site_fixture_teardown)
  ADD ("/sync-structure/kept/added-under-deleted-goal/a-first", TRUE, test_added_under_deleted_goal);
  ADD ("/sync-structure/kept/added-under-deleted-goal/b-first", FALSE, test_added_under_deleted_goal);
  ADD ("/sync-structure/kept/linked-to-deleted-commitment/a-first", TRUE, test_linked_to_deleted_commitment);
  ADD ("/sync-structure/kept/linked-to-deleted-commitment/b-first", FALSE, test_linked_to_deleted_commitment);
  ADD ("/sync-structure/kept/edit-of-deleted-commitment/a-first", TRUE, test_edit_of_deleted_commitment);
  ADD ("/sync-structure/kept/edit-of-deleted-commitment/b-first", FALSE, test_edit_of_deleted_commitment);
  ADD ("/sync-structure/kept/informed-delete-stays", 0, test_informed_delete_stays);
  ADD ("/sync-structure/goal-number/taken", 0, test_goal_number_taken);
  ADD ("/sync-structure/goal-number/reordered/a-first", TRUE, test_goal_numbers_reordered);
  ADD ("/sync-structure/goal-number/reordered/b-first", FALSE, test_goal_numbers_reordered);
  ADD ("/sync-structure/goal-number/added/a-first", TRUE, test_goal_numbers_added);
  ADD ("/sync-structure/goal-number/added/b-first", FALSE, test_goal_numbers_added);
  ADD ("/sync-structure/plan-years/phase-label-outside-years", 0, test_phase_label_outside_years);
#undef ADD

  return g_test_run ();
}
