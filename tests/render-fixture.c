/* render-fixture.c: stores with plans to lay out, for the timeline and handout tests
 *
 * The sample plan, or plans made up through SaStore as long as a test needs them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "render-fixture.h"
#include "sa-activity.h"
#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-goal.h"
#include "sa-import.h"
#include "sa-plan.h"
#include "sa-schedule-phase.h"
#include "sa-schema.h"
#include "sa-section.h"

/* @sample: non-NULL to start with the sample plan */
void
render_fixture_setup (RenderFixture *f,
                      gconstpointer  sample)
{
  g_autoptr(GError) error = NULL;
  SaImportReport report;

  f->dir = g_dir_make_tmp ("sasaeai-render-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->store = sa_store_create (f->path, &error);
  g_assert_no_error (error);
  if (sample != NULL)
    {
      g_assert_true (sa_import_sample (f->store, &report, &error));
      g_assert_no_error (error);
    }
}

void
render_fixture_teardown (RenderFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
insert (SaStore  *store,
        SaRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_store_insert (store, record, &error));
  g_assert_no_error (error);
  return g_strdup (sa_record_get_id (record));
}

static char *
add_actor (SaStore    *store,
           const char *plan_id,
           const char *name,
           const char *kind,
           guint       position)
{
  g_autoptr(SaRecord) actor = SA_RECORD (sa_actor_new ());

  sa_record_set_text (actor, SA_ACTOR_PLAN_ID, plan_id);
  sa_record_set_text (actor, SA_ACTOR_NAME, name);
  sa_record_set_text (actor, SA_ACTOR_KIND, kind);
  sa_record_set_int (actor, SA_ACTOR_POSITION, position);
  return insert (store, actor);
}

char *
render_fixture_add_commitment (SaStore    *store,
                               const char *goal_id,
                               const char *actor_id,
                               const char *text,
                               guint       position)
{
  g_autoptr(SaRecord) commitment = SA_RECORD (sa_commitment_new ());

  sa_record_set_text (commitment, SA_COMMITMENT_GOAL_ID, goal_id);
  sa_record_set_text (commitment, SA_COMMITMENT_ACTOR_ID, actor_id);
  sa_record_set_text (commitment, SA_COMMITMENT_TEXT, text);
  sa_record_set_int (commitment, SA_COMMITMENT_POSITION, position);
  return insert (store, commitment);
}

void
render_fixture_add_phase (SaStore    *store,
                          const char *commitment_id,
                          const char *label,
                          int         start_fy,
                          int         end_fy)
{
  g_autoptr(SaRecord) phase = SA_RECORD (sa_schedule_phase_new ());
  g_autofree char *id = NULL;

  sa_record_set_text (phase, SA_SCHEDULE_PHASE_COMMITMENT_ID, commitment_id);
  sa_record_set_text (phase, SA_SCHEDULE_PHASE_LABEL, label);
  sa_record_set_int (phase, SA_SCHEDULE_PHASE_START_FY, start_fy);
  sa_record_set_int (phase, SA_SCHEDULE_PHASE_END_FY, end_fy);
  id = insert (store, phase);
}

/**
 * render_fixture_add_plan:
 * @store: a store
 * @n_goals: how many basic goals
 * @n_commitments: how many commitments per goal, shared among three actors
 * @text: (nullable): every commitment's text; NULL for "取組 g-c を進める。"
 *
 * Adds a plan for FY2010–FY2015 with one section, in one transaction.
 *
 * Returns: the section's id
 */
char *
render_fixture_add_plan (SaStore    *store,
                         guint       n_goals,
                         guint       n_commitments,
                         const char *text)
{
  static const char * const actors[][2] = {
    { "区役所", "ward-office" }, { "区社協", "welfare-council" }, { "ケアプラザ", "care-plaza" },
  };
  g_autoptr(SaRecord) plan = SA_RECORD (sa_plan_new ());
  g_autoptr(SaRecord) section = SA_RECORD (sa_section_new ());
  g_autofree char *plan_id = NULL, *section_id = NULL;
  char *actor_ids[G_N_ELEMENTS (actors)];

  g_assert_true (sa_store_begin (store, NULL));
  sa_record_set_text (plan, SA_PLAN_TITLE, "長い計画");
  sa_record_set_int (plan, SA_PLAN_FIRST_FY, 2010);
  sa_record_set_int (plan, SA_PLAN_LAST_FY, 2015);
  plan_id = insert (store, plan);
  sa_record_set_text (section, SA_SECTION_PLAN_ID, plan_id);
  sa_record_set_text (section, SA_SECTION_LABEL, "第1節");
  sa_record_set_text (section, SA_SECTION_TITLE, "試験の節");
  section_id = insert (store, section);
  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    actor_ids[i] = add_actor (store, plan_id, actors[i][0], actors[i][1], i);

  for (guint g = 0; g < n_goals; g++)
    {
      g_autoptr(SaRecord) goal = SA_RECORD (sa_goal_new ());
      g_autofree char *title = g_strdup_printf ("目標 %u の題", g + 1);
      g_autofree char *goal_id = NULL;

      sa_record_set_text (goal, SA_GOAL_SECTION_ID, section_id);
      sa_record_set_int (goal, SA_GOAL_NUMBER, g + 1);
      sa_record_set_text (goal, SA_GOAL_TITLE, title);
      goal_id = insert (store, goal);
      for (guint c = 0; c < n_commitments; c++)
        {
          g_autofree char *made_up = g_strdup_printf ("取組 %u-%u を進める。", g + 1, c + 1);
          g_autofree char *id = render_fixture_add_commitment (store, goal_id,
                                                               actor_ids[c * G_N_ELEMENTS (actors) / n_commitments],
                                                               text ? text : made_up, c);

          render_fixture_add_phase (store, id, "実施", 2010 + (int) (c % 3), 2015);
        }
    }
  g_assert_true (sa_store_commit (store, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    g_free (actor_ids[i]);
  return g_steal_pointer (&section_id);
}

char *
render_fixture_add_activity (SaStore    *store,
                             const char *date,
                             const char *commitment_id)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;
  const char *ids[] = { commitment_id, NULL };

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  g_assert_true (sa_store_add_activity (store, activity, ids, &error));
  g_assert_no_error (error);
  return g_strdup (sa_record_get_id (activity));
}

/* The id of the one row of @table whose @column is @value. */
char *
render_fixture_find (SaStore    *store,
                     const char *table,
                     const char *column,
                     const char *value)
{
  g_autoptr(GError) error = NULL;
  char *id = sa_store_lookup_id (store, sa_schema_find_table (table), column, value, &error);

  g_assert_no_error (error);
  return id;
}

/**
 * render_fixture_pdf_text:
 * @pdf: a PDF file
 * @page: a page from 1, or 0 for all
 *
 * Returns: the text of the page, as `pdftotext -layout` reads it, or NULL (and the
 *   test skipped) without poppler-utils
 */
char *
render_fixture_pdf_text (const char *pdf,
                         guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page ? page : 1);
  g_autofree char *last = page ? g_strdup_printf ("%u", page) : g_strdup ("9999");
  const char *argv[] = { "pdftotext", "-layout", "-f", first, "-l", last, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}
