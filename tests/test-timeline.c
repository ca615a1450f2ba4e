/* test-timeline.c: the timeline layout: rows, columns, bars, counts and options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "render-fixture.h"
#include "sa-activity.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-handout.h"
#include "sa-plan.h"
#include "sa-plan-file.h"
#include "sa-store-plans.h"
#include "sa-store-private.h"
#include "sa-schema.h"
#include "sa-store-timeline.h"
#include "sa-timeline-layout.h"

#define SAMPLE GINT_TO_POINTER (1)

static SaTimelineLayout *
new_layout (SaStore                 *store,
            const SaTimelineOptions *options)
{
  g_autoptr(GError) error = NULL;
  SaTimelineLayout *layout = sa_timeline_layout_new (store, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

/* The sample's rows, as in the document: the section's heading, goal, then who,
 * then what. */
static void
test_rows (RenderFixture *f,
           gconstpointer  data)
{
  g_autoptr(SaTimelineLayout) layout = new_layout (f->store, NULL);
  static const struct { const char *actor; guint start, end; } groups[] = {
    { "区役所", 2, 5 }, { "区社協", 5, 7 }, { "ケアプラザ", 7, 9 },
  };
  const SaTimelineRow *row;

  g_assert_cmpuint (sa_timeline_layout_get_n_rows (layout), ==, 1 + 3 + 18);

  row = sa_timeline_layout_get_row (layout, 0);
  g_assert_cmpint (row->kind, ==, SA_TIMELINE_ROW_SECTION);
  g_assert_cmpstr (row->text, ==, "第2節 計画を支える土台の取組");
  row = sa_timeline_layout_get_row (layout, 1);
  g_assert_cmpint (row->kind, ==, SA_TIMELINE_ROW_GOAL);
  g_assert_cmpstr (row->text, ==, "ちょっとした困りごとをご近所の支え合いで解決できる関係をつくろう");
  g_assert_null (row->actor_name);
  g_assert_cmpint (sa_timeline_layout_get_row (layout, 9)->kind, ==, SA_TIMELINE_ROW_GOAL);
  g_assert_cmpint (sa_timeline_layout_get_row (layout, 17)->kind, ==, SA_TIMELINE_ROW_GOAL);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = groups[g].start; i < groups[g].end; i++)
      {
        row = sa_timeline_layout_get_row (layout, i);
        g_assert_cmpint (row->kind, ==, SA_TIMELINE_ROW_COMMITMENT);
        g_assert_cmpstr (row->actor_name, ==, groups[g].actor);
        g_assert_cmpuint (row->group_start, ==, groups[g].start);
        g_assert_cmpuint (row->group_end, ==, groups[g].end);
        g_assert_cmpuint (row->goal_row, ==, 1);
        g_assert_cmpuint (row->section_row, ==, 0);
      }

  g_assert_cmpstr (sa_timeline_layout_get_row (layout, 2)->text, ==,
                   "地域で行われている助け合いの活動を紹介する。(他地域での取組事例など)");
  g_assert_cmpstr (sa_timeline_layout_get_row (layout, 4)->text, ==,
                   "地域で行うあいさつ運動を支援する。【Target: 全地区】");
  g_assert_cmpstr (sa_timeline_layout_get_row (layout, 21)->text, ==,
                   "地域やケアプラザで活動中の人たちの交流の機会をつくる。");
  g_assert_cmpuint (sa_timeline_layout_get_row (layout, 21)->goal_row, ==, 17);

  /* Rows follow each other without gaps, and a position finds its row. */
  for (guint i = 0; i < sa_timeline_layout_get_n_rows (layout); i++)
    {
      row = sa_timeline_layout_get_row (layout, i);
      g_assert_cmpfloat (row->height, >, 10);
      if (i > 0)
        {
          const SaTimelineRow *above = sa_timeline_layout_get_row (layout, i - 1);
          g_assert_cmpfloat_with_epsilon (row->y, above->y + above->height, 1e-6);
        }
      g_assert_cmpint (sa_timeline_layout_get_row_at_y (layout, row->y + row->height / 2), ==, i);
    }
  g_assert_cmpfloat_with_epsilon (row->y + row->height, sa_timeline_layout_get_height (layout), 1e-6);
  g_assert_cmpint (sa_timeline_layout_get_row_at_y (layout, -1), ==, -1);
  g_assert_cmpint (sa_timeline_layout_get_row_at_y (layout, sa_timeline_layout_get_height (layout)), ==, -1);
  g_assert_finalize_object (g_steal_pointer (&layout));
}

static void
assert_columns_tile (SaTimelineLayout *layout,
                     double            width)
{
  double actor_x, actor_w, text_x, text_w, years_x, years_w, x, w, previous_end;

  sa_timeline_layout_get_column (layout, SA_TIMELINE_COLUMN_ACTOR, &actor_x, &actor_w);
  sa_timeline_layout_get_column (layout, SA_TIMELINE_COLUMN_TEXT, &text_x, &text_w);
  sa_timeline_layout_get_column (layout, SA_TIMELINE_COLUMN_YEARS, &years_x, &years_w);
  g_assert_cmpfloat (actor_x, ==, 0);
  g_assert_cmpfloat_with_epsilon (text_x, actor_w, 1e-6);
  g_assert_cmpfloat_with_epsilon (years_x, text_x + text_w, 1e-6);
  g_assert_cmpfloat_with_epsilon (years_x + years_w, sa_timeline_layout_get_width (layout), 1e-6);
  g_assert_cmpfloat (sa_timeline_layout_get_width (layout), >=, width - 1e-6);

  previous_end = years_x;
  for (int fy = sa_timeline_layout_get_first_fy (layout); fy <= sa_timeline_layout_get_last_fy (layout); fy++)
    {
      sa_timeline_layout_get_year_column (layout, fy, &x, &w);
      g_assert_cmpfloat_with_epsilon (x, previous_end, 1e-6);
      g_assert_cmpfloat (w, >, 20);
      previous_end = x + w;
    }
  g_assert_cmpfloat_with_epsilon (previous_end, years_x + years_w, 1e-6);
}

static void
test_columns (RenderFixture *f,
              gconstpointer  data)
{
  static const struct { SaYearFormat format; const char *first, *last; } formats[] = {
    { SA_YEAR_FORMAT_SHORT, "22", "27" },
    { SA_YEAR_FORMAT_ERA_LETTER, "H22", "H27" },
    { SA_YEAR_FORMAT_ERA, "平成22年度", "平成27年度" },
    { SA_YEAR_FORMAT_FY, "FY2010", "FY2015" },
    { SA_YEAR_FORMAT_WESTERN, "2010年度", "2015年度" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(SaTimelineOptions) options;
      g_autoptr(SaTimelineLayout) layout = NULL;

      sa_timeline_options_init (&options);
      options.year_format = formats[i].format;
      layout = new_layout (f->store, &options);

      g_assert_cmpint (sa_timeline_layout_get_first_fy (layout), ==, 2010);
      g_assert_cmpint (sa_timeline_layout_get_last_fy (layout), ==, 2015);
      g_assert_cmpuint (sa_timeline_layout_get_n_years (layout), ==, 6);
      g_assert_cmpstr (sa_timeline_layout_get_year_label (layout, 2010), ==, formats[i].first);
      g_assert_cmpstr (sa_timeline_layout_get_year_label (layout, 2015), ==, formats[i].last);

      /* An A4 landscape page, an A4 portrait one, and a width too narrow to fit. */
      sa_timeline_layout_set_width (layout, 786);
      assert_columns_tile (layout, 786);
      g_assert_cmpfloat_with_epsilon (sa_timeline_layout_get_width (layout), 786, 1e-6);
      sa_timeline_layout_set_width (layout, 539);
      assert_columns_tile (layout, 539);
      sa_timeline_layout_set_width (layout, 200);
      assert_columns_tile (layout, 200);
      g_assert_cmpfloat (sa_timeline_layout_get_width (layout), >, 200);
      g_assert_cmpfloat_with_epsilon (sa_timeline_layout_get_width (layout),
                                      sa_timeline_layout_get_min_width (layout), 1);
    }
}

/* A window zooms into the years: columns as wide as asked, never below their
 * minimum, until the layout fills a width again. */
static void
test_column_widths (RenderFixture *f,
                    gconstpointer  data)
{
  g_autoptr(SaTimelineLayout) layout = new_layout (f->store, NULL);
  double actor, text, x, w, min_year;

  sa_timeline_layout_set_column_widths (layout, 300, 200);
  sa_timeline_layout_get_column (layout, SA_TIMELINE_COLUMN_ACTOR, NULL, &actor);
  sa_timeline_layout_get_column (layout, SA_TIMELINE_COLUMN_TEXT, NULL, &text);
  sa_timeline_layout_get_year_column (layout, 2012, &x, &w);
  g_assert_cmpfloat_with_epsilon (text, 300, 1e-6);
  g_assert_cmpfloat_with_epsilon (w, 200, 1e-6);
  g_assert_cmpfloat_with_epsilon (x, actor + 300 + 2 * 200, 1e-6);
  g_assert_cmpfloat_with_epsilon (sa_timeline_layout_get_width (layout), actor + 300 + 6 * 200, 1e-6);
  assert_columns_tile (layout, sa_timeline_layout_get_width (layout));

  /* Too narrow for "◎ 実施": the columns keep their minimum. */
  sa_timeline_layout_set_column_widths (layout, 10, 1);
  sa_timeline_layout_get_year_column (layout, 2012, NULL, &min_year);
  sa_timeline_layout_get_column (layout, SA_TIMELINE_COLUMN_TEXT, NULL, &text);
  g_assert_cmpfloat (min_year, >, 20);
  g_assert_cmpfloat (text, >=, 100);

  sa_timeline_layout_set_width (layout, 786);
  g_assert_cmpfloat_with_epsilon (sa_timeline_layout_get_width (layout), 786, 1e-6);
  assert_columns_tile (layout, 786);
}

static void
assert_bar (SaTimelineLayout *layout,
            guint             index,
            int               start_fy,
            int               end_fy)
{
  const SaTimelineBar *bar = sa_timeline_layout_get_bar (layout, index);
  const SaTimelineRow *row = sa_timeline_layout_get_row (layout, bar->row);
  cairo_rectangle_t extents;
  double start_x, end_x, w;

  g_assert_cmpint (bar->start_fy, ==, start_fy);
  g_assert_cmpint (bar->end_fy, ==, end_fy);
  sa_timeline_layout_get_bar_extents (layout, index, &extents);
  sa_timeline_layout_get_year_column (layout, start_fy, &start_x, &w);
  sa_timeline_layout_get_year_column (layout, end_fy, &end_x, &w);
  /* The bar begins in its first year's column and ends in its last year's. */
  g_assert_cmpfloat (extents.x, >=, start_x);
  g_assert_cmpfloat (extents.x, <, start_x + w);
  g_assert_cmpfloat (extents.x + extents.width, >, end_x);
  g_assert_cmpfloat (extents.x + extents.width, <=, end_x + w);
  g_assert_cmpfloat (extents.y, >=, row->y);
  g_assert_cmpfloat (extents.y + extents.height, <=, row->y + row->height);
}

static void
test_bars (RenderFixture *f,
           gconstpointer  data)
{
  g_autoptr(SaTimelineLayout) layout = new_layout (f->store, NULL);
  g_auto(SaTimelineOptions) options;
  g_autoptr(SaTimelineLayout) clipped = NULL;
  guint n = sa_timeline_layout_get_n_rows (layout);

  g_assert_cmpuint (sa_timeline_layout_get_n_bars (layout), ==, 18);
  for (guint i = 0; i < n; i++)
    {
      const SaTimelineRow *row = sa_timeline_layout_get_row (layout, i);

      if (row->kind != SA_TIMELINE_ROW_COMMITMENT)
        {
          g_assert_cmpuint (row->n_bars, ==, 0);
          continue;
        }
      g_assert_cmpuint (row->n_bars, ==, 1);
      g_assert_cmpuint (row->n_lanes, ==, 1);
      g_assert_null (row->counts);
      g_assert_cmpstr (sa_timeline_layout_get_bar (layout, row->first_bar)->label, ==, "実施");
      g_assert_false (sa_timeline_layout_get_bar (layout, row->first_bar)->open_start);
      g_assert_false (sa_timeline_layout_get_bar (layout, row->first_bar)->open_end);
      g_assert_cmpuint (sa_timeline_layout_get_bar (layout, row->first_bar)->row, ==, i);
      assert_bar (layout, row->first_bar, 2010, 2015);
    }

  /* Shown from 24 to 25, every phase runs on from before and beyond. */
  sa_timeline_options_init (&options);
  options.first_fy = 2012;
  options.last_fy = 2013;
  clipped = new_layout (f->store, &options);
  g_assert_cmpuint (sa_timeline_layout_get_n_years (clipped), ==, 2);
  for (guint i = 0; i < sa_timeline_layout_get_n_bars (clipped); i++)
    {
      const SaTimelineBar *bar = sa_timeline_layout_get_bar (clipped, i);
      cairo_rectangle_t extents;
      double years_x, years_w;

      g_assert_true (bar->open_start);
      g_assert_true (bar->open_end);
      assert_bar (clipped, i, 2012, 2013);
      sa_timeline_layout_get_bar_extents (clipped, i, &extents);
      sa_timeline_layout_get_column (clipped, SA_TIMELINE_COLUMN_YEARS, &years_x, &years_w);
      g_assert_cmpfloat (extents.x, ==, years_x);
      g_assert_cmpfloat_with_epsilon (extents.x + extents.width, years_x + years_w, 1e-6);
    }
}

/* Shrinking the plan's years and keeping its phases: the timeline widens to them,
 * each keeps its ◎ start, and nothing is dropped. */
static void
test_phases_outside_plan (RenderFixture *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = sa_store_list (f->store, &sa_plan_table, NULL, NULL, &error);
  g_autoptr(SaRecord) plan = sa_record_copy (g_ptr_array_index (plans, 0));
  g_autoptr(SaTimelineLayout) layout = NULL;

  sa_record_set_int (plan, SA_PLAN_FIRST_FY, 2012);
  sa_record_set_int (plan, SA_PLAN_LAST_FY, 2013);
  g_assert_true (sa_store_update (f->store, plan, &error));
  g_assert_no_error (error);

  layout = new_layout (f->store, NULL);
  g_assert_cmpint (sa_timeline_layout_get_first_fy (layout), ==, 2010);
  g_assert_cmpint (sa_timeline_layout_get_last_fy (layout), ==, 2015);
  g_assert_cmpuint (sa_timeline_layout_get_n_bars (layout), ==, 18);
  for (guint i = 0; i < sa_timeline_layout_get_n_bars (layout); i++)
    {
      g_assert_false (sa_timeline_layout_get_bar (layout, i)->open_start);
      assert_bar (layout, i, 2010, 2015);
    }
}

/* Phases one after another share a lane; overlapping ones stack. */
static void
test_lanes (RenderFixture *f,
            gconstpointer  data)
{
  g_autofree char *section = render_fixture_add_plan (f->store, 1, 2, NULL);
  g_autofree char *goal = render_fixture_find (f->store, "goal", "title", "目標 1 の題");
  g_autofree char *actor = render_fixture_find (f->store, "actor", "name", "区社協");
  g_autofree char *stepped = render_fixture_add_commitment (f->store, goal, actor, "検討してから実施する。", 5);
  g_autofree char *overlapping = render_fixture_add_commitment (f->store, goal, actor, "重ねて実施する。", 6);
  g_auto(SaTimelineOptions) options;
  g_autoptr(SaTimelineLayout) layout = NULL;
  const SaTimelineRow *plain, *row;

  render_fixture_add_phase (f->store, stepped, "検討", 2010, 2011);
  render_fixture_add_phase (f->store, stepped, "実施", 2012, 2015);
  render_fixture_add_phase (f->store, overlapping, "実施", 2010, 2015);
  render_fixture_add_phase (f->store, overlapping, "拡充", 2013, 2014);

  sa_timeline_options_init (&options);
  options.section_id = g_strdup (section);
  layout = new_layout (f->store, &options);
  g_assert_cmpuint (sa_timeline_layout_get_n_rows (layout), ==, 1 + 1 + 4);

  plain = sa_timeline_layout_get_row (layout, 2);
  row = sa_timeline_layout_get_row (layout, 4);
  g_assert_cmpstr (row->text, ==, "検討してから実施する。");
  g_assert_cmpuint (row->n_bars, ==, 2);
  g_assert_cmpuint (row->n_lanes, ==, 1);
  assert_bar (layout, row->first_bar, 2010, 2011);
  assert_bar (layout, row->first_bar + 1, 2012, 2015);

  row = sa_timeline_layout_get_row (layout, 5);
  g_assert_cmpuint (row->n_lanes, ==, 2);
  g_assert_cmpuint (sa_timeline_layout_get_bar (layout, row->first_bar)->lane, ==, 0);
  g_assert_cmpuint (sa_timeline_layout_get_bar (layout, row->first_bar + 1)->lane, ==, 1);
  assert_bar (layout, row->first_bar + 1, 2013, 2014);
  g_assert_cmpfloat (row->height, >, plain->height);
}

static void
test_wrapping (RenderFixture *f,
               gconstpointer  data)
{
  g_autofree char *long_text = NULL;
  g_autofree char *section = NULL;
  g_auto(SaTimelineOptions) options;
  g_autoptr(SaTimelineLayout) layout = NULL;
  GString *text = g_string_new (NULL);
  double wide;

  for (guint i = 0; i < 12; i++)
    g_string_append (text, "地域の支え合いの仕組みを、住民と一緒に考える。");
  long_text = g_string_free (text, FALSE);
  section = render_fixture_add_plan (f->store, 1, 2, long_text);

  sa_timeline_options_init (&options);
  options.section_id = g_strdup (section);
  layout = new_layout (f->store, &options);
  sa_timeline_layout_set_width (layout, 786);
  /* 276 characters in a column of some 40 take seven lines or so. */
  wide = sa_timeline_layout_get_row (layout, 2)->height;
  g_assert_cmpfloat (wide, >, 5 * 12.0);

  /* Narrower, the same text takes more lines. */
  sa_timeline_layout_set_width (layout, 400);
  g_assert_cmpfloat (sa_timeline_layout_get_row (layout, 2)->height, >, wide * 1.3);
}

static gint64
count (GHashTable *counts,
       const char *commitment,
       guint       year)
{
  guint *years = g_hash_table_lookup (counts, commitment);

  return years ? years[year] : 0;
}

static void
assert_counts (GHashTable *counts,
               const char *first,
               const char *second)
{
  g_assert_cmpint (count (counts, first, 0), ==, 2);
  g_assert_cmpint (count (counts, first, 1), ==, 0);
  g_assert_cmpint (count (counts, first, 2), ==, 1);
  g_assert_cmpint (count (counts, first, 3), ==, 0);
  g_assert_cmpint (count (counts, first, 5), ==, 1);
  g_assert_cmpint (count (counts, second, 5), ==, 1);
  g_assert_cmpint (g_hash_table_size (counts), ==, 2);
}

static void
test_counts (RenderFixture *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(SaTimelineLayout) layout = NULL;
  g_auto(SaTimelineOptions) options;
  g_autofree char *first = render_fixture_find (f->store, "commitment", "text", "交流の場を提供する。");
  g_autofree char *second = render_fixture_find (f->store, "commitment", "text", "ボランティアネットワークを支援する。");
  g_autofree char *deleted = NULL;
  const char * const both[] = { first, second, NULL };
  const SaTimelineRow *row = NULL;

  g_free (render_fixture_add_activity (f->store, "2010-04-01", first));
  g_free (render_fixture_add_activity (f->store, "2011-03-31", first));  /* still FY2010 */
  g_free (render_fixture_add_activity (f->store, "2012-04-01", first));
  g_free (render_fixture_add_activity (f->store, "2016-04-01", first));  /* after the plan */
  g_free (render_fixture_add_activity (f->store, "2010-03-31", first));  /* before it */
  deleted = render_fixture_add_activity (f->store, "2013-05-01", first);
  g_assert_true (sa_store_set_deleted (f->store, sa_schema_find_table ("activity"), deleted, TRUE, &error));
  {
    g_autofree char *shared = render_fixture_add_activity (f->store, "2015-06-01", first);
    g_assert_true (sa_store_set_activity_commitments (f->store, shared, both, &error));
  }

  /* Most activities are in the plan's years: the count scans both tables. */
  counts = sa_store_count_commitment_activities (f->store, 2010, 2015, &error);
  g_assert_no_error (error);
  assert_counts (counts, first, second);
  g_clear_pointer (&counts, g_hash_table_unref);

  /* Few are: the count goes through the date index; the figures are the same. */
  for (guint i = 0; i < 60; i++)
    g_free (render_fixture_add_activity (f->store, "2000-05-01", second));
  counts = sa_store_count_commitment_activities (f->store, 2010, 2015, &error);
  g_assert_no_error (error);
  assert_counts (counts, first, second);

  sa_timeline_options_init (&options);
  options.show_counts = TRUE;
  layout = new_layout (f->store, &options);
  for (guint i = 0; i < sa_timeline_layout_get_n_rows (layout); i++)
    {
      const SaTimelineRow *candidate = sa_timeline_layout_get_row (layout, i);

      if (candidate->kind == SA_TIMELINE_ROW_COMMITMENT)
        g_assert_nonnull (candidate->counts);
      if (g_strcmp0 (candidate->id, first) == 0)
        row = candidate;
    }
  g_assert_nonnull (row);
  g_assert_cmpuint (row->counts[0], ==, 2);
  g_assert_cmpuint (row->counts[2], ==, 1);
  g_assert_cmpuint (row->counts[4], ==, 0);
  g_assert_cmpuint (row->counts[5], ==, 1);
}

static void
test_filters (RenderFixture *f,
              gconstpointer  data)
{
  g_autofree char *goal = render_fixture_find (f->store, "goal", "title", "誰もが参加できる交流の場・機会をつくろう");
  g_autofree char *actor = render_fixture_find (f->store, "actor", "name", "ケアプラザ");
  g_auto(SaTimelineOptions) options;
  g_autoptr(SaTimelineLayout) by_goal = NULL;
  g_autoptr(SaTimelineLayout) by_actor = NULL;

  sa_timeline_options_init (&options);
  options.goal_ids = g_strsplit (goal, " ", -1);
  by_goal = new_layout (f->store, &options);
  g_assert_cmpuint (sa_timeline_layout_get_n_rows (by_goal), ==, 1 + 1 + 7);
  g_assert_cmpstr (sa_timeline_layout_get_row (by_goal, 1)->id, ==, goal);
  g_assert_cmpuint (sa_timeline_layout_get_goals (by_goal)->len, ==, 1);

  g_clear_pointer (&options.goal_ids, g_strfreev);
  options.actor_ids = g_strsplit (actor, " ", -1);
  by_actor = new_layout (f->store, &options);
  g_assert_cmpuint (sa_timeline_layout_get_n_rows (by_actor), ==, 1 + 3 + 2 + 2 + 1);
  for (guint i = 0; i < sa_timeline_layout_get_n_rows (by_actor); i++)
    {
      const SaTimelineRow *row = sa_timeline_layout_get_row (by_actor, i);
      g_assert_true (row->kind != SA_TIMELINE_ROW_COMMITMENT || g_str_equal (row->actor_name, "ケアプラザ"));
    }
}

/* A commitment whose actor another site deleted names it, marked, not an empty 誰が. */
static void
test_deleted_actor (RenderFixture *f,
                    gconstpointer  data)
{
  g_autofree char *actor = render_fixture_find (f->store, "actor", "name", "ケアプラザ");
  g_autoptr(SaTimelineLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  guint marked = 0;

  /* Only the tombstone of the actor, as a merge can leave it. */
  g_assert_true (sa_store_set_deleted (f->store, sa_schema_find_table ("actor"), actor, TRUE, &error));
  layout = new_layout (f->store, NULL);
  for (guint i = 0; i < sa_timeline_layout_get_n_rows (layout); i++)
    {
      const SaTimelineRow *row = sa_timeline_layout_get_row (layout, i);

      if (row->kind == SA_TIMELINE_ROW_COMMITMENT)
        g_assert_cmpstr (row->actor_name, !=, "");
      if (row->kind == SA_TIMELINE_ROW_COMMITMENT && g_str_equal (row->actor_name, "ケアプラザ (deleted)"))
        marked++;
    }
  g_assert_cmpuint (marked, ==, 5);
}

static void
assert_refused (SaStore  *store,
                int       first_fy,
                int       last_fy,
                const char *goal,
                const char *actor,
                GQuark    domain,
                int       code)
{
  g_autoptr(GError) error = NULL;
  g_auto(SaTimelineOptions) options;
  g_autoptr(SaTimelineLayout) layout = NULL;

  sa_timeline_options_init (&options);
  options.first_fy = first_fy;
  options.last_fy = last_fy;
  if (goal != NULL)
    options.goal_ids = g_strsplit (goal, " ", -1);
  if (actor != NULL)
    options.actor_ids = g_strsplit (actor, " ", -1);
  layout = sa_timeline_layout_new (store, &options, &error);
  g_assert_null (layout);
  g_assert_error (error, domain, code);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_refused (RenderFixture *f,
              gconstpointer  data)
{
  assert_refused (f->store, 2009, 0, NULL, NULL, SA_ERROR, SA_ERROR_INVALID);
  assert_refused (f->store, 0, 2016, NULL, NULL, SA_ERROR, SA_ERROR_INVALID);
  assert_refused (f->store, 2014, 2012, NULL, NULL, SA_ERROR, SA_ERROR_INVALID);
  assert_refused (f->store, 0, 0, "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10", NULL, SA_ERROR, SA_ERROR_NOT_FOUND);
  assert_refused (f->store, 0, 0, NULL, "4a0b4a2e-2f1c-4d0e-9d51-0c2f6c7d9e10", SA_ERROR, SA_ERROR_NOT_FOUND);
}

static void
test_no_plan (RenderFixture *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaTimelineLayout) layout = sa_timeline_layout_new (f->store, NULL, &error);

  g_assert_null (layout);
  g_assert_error (error, SA_ERROR, SA_ERROR_NOT_FOUND);
}

static void
test_today (RenderFixture *f,
            gconstpointer  data)
{
  g_autoptr(SaTimelineLayout) layout = new_layout (f->store, NULL);
  GDate april, march, later;
  double x, w;

  g_date_clear (&april, 1);
  g_date_clear (&march, 1);
  g_date_clear (&later, 1);
  g_date_set_dmy (&april, 1, G_DATE_APRIL, 2012);
  g_date_set_dmy (&march, 31, G_DATE_MARCH, 2013);
  g_date_set_dmy (&later, 1, G_DATE_APRIL, 2016);
  sa_timeline_layout_get_year_column (layout, 2012, &x, &w);
  g_assert_cmpfloat (sa_timeline_layout_get_date_x (layout, &april), >=, x);
  g_assert_cmpfloat (sa_timeline_layout_get_date_x (layout, &april), <, x + w * 0.01);
  g_assert_cmpfloat (sa_timeline_layout_get_date_x (layout, &march), >, x + w * 0.99);
  g_assert_cmpfloat (sa_timeline_layout_get_date_x (layout, &march), <=, x + w);
  g_assert_cmpfloat (sa_timeline_layout_get_date_x (layout, &later), ==, -1);
}

static char *
add_district (SaStore    *store,
              const char *name)
{
  g_autoptr(SaRecord) district = SA_RECORD (sa_district_new ());
  g_autoptr(GError) error = NULL;

  sa_record_set_text (district, SA_DISTRICT_NAME, name);
  g_assert_true (sa_store_insert (store, district, &error));
  g_assert_no_error (error);
  return g_strdup (sa_record_get_id (district));
}

static void
add_activity_in (SaStore    *store,
                 const char *date,
                 const char *commitment_id,
                 const char *district_id)
{
  g_autofree char *id = render_fixture_add_activity (store, date, commitment_id);
  g_autoptr(SaRecord) activity = sa_store_get (store, &sa_activity_table, id, NULL);
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID, district_id);
  g_assert_true (sa_store_update (store, activity, &error));
  g_assert_no_error (error);
}

static int
find_row (SaTimelineLayout *layout,
          const char       *id)
{
  for (guint i = 0; i < sa_timeline_layout_get_n_rows (layout); i++)
    if (g_strcmp0 (sa_timeline_layout_get_row (layout, i)->id, id) == 0)
      return (int) i;
  g_assert_not_reached ();
}

/* A commitment with a countable target (全地区: districts reached of all) shows its
 * progress in each past year's cell, on screen and on paper; one without a target
 * shows none, and the row is a line taller only where there is progress. */
static void
test_progress (RenderFixture *f,
               gconstpointer  data)
{
  g_autofree char *all = render_fixture_find (f->store, "commitment", "target_text", "全地区");
  g_autofree char *plain = render_fixture_find (f->store, "commitment", "text", "助け合いの仕組みづくりを支援する。(運営方法などの相談)");
  g_autofree char *north = add_district (f->store, "北部");
  g_autofree char *south = add_district (f->store, "南部");
  g_autofree char *east = add_district (f->store, "東部");
  g_autofree char *pdf = g_build_filename (f->dir, "handout.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(SaTimelineOptions) options;
  g_auto(SaHandoutOptions) handout_options;
  g_autoptr(SaTimelineLayout) layout = NULL;
  g_autoptr(SaTimelineLayout) without = NULL;
  g_autoptr(SaHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  int row, plain_row;

  add_activity_in (f->store, "2012-05-01", all, north);
  add_activity_in (f->store, "2012-09-01", all, south);
  add_activity_in (f->store, "2013-01-10", all, north);

  sa_timeline_options_init (&options);
  layout = new_layout (f->store, &options);
  row = find_row (layout, all);
  plain_row = find_row (layout, plain);
  g_assert_cmpstr (sa_timeline_layout_get_progress (layout, row, 2012), ==, "2/3");
  g_assert_cmpstr (sa_timeline_layout_get_progress (layout, row, 2011), ==, "0/3");
  for (int fy = 2010; fy <= 2015; fy++)
    g_assert_null (sa_timeline_layout_get_progress (layout, plain_row, fy));

  options.show_progress = FALSE;
  without = new_layout (f->store, &options);
  g_assert_null (sa_timeline_layout_get_progress (without, row, 2012));
  g_assert_cmpfloat (sa_timeline_layout_get_row (layout, row)->height, >,
                     sa_timeline_layout_get_row (without, row)->height);
  g_assert_cmpfloat (sa_timeline_layout_get_row (layout, plain_row)->height, ==,
                     sa_timeline_layout_get_row (without, plain_row)->height);

  /* The printed handout shows it too. */
  sa_handout_options_init (&handout_options);
  handout = sa_handout_new (f->store, &handout_options, &error);
  g_assert_no_error (error);
  g_assert_true (sa_handout_write_pdf (handout, pdf, &error));
  g_assert_no_error (error);
  if ((text = render_fixture_pdf_text (pdf, 1)) == NULL)
    return;
  g_assert_nonnull (strstr (text, "2/3"));
  g_assert_nonnull (strstr (text, "0/3"));
}

/* Statements that join activities to their commitments: each reads the activity
 * log, a pass over it when most activities are in the years asked for. */
static int
count_link_reads (unsigned  event,
                  void     *data,
                  void     *stmt,
                  void     *sql)
{
  const char *text = sqlite3_sql (stmt);

  if (text != NULL && (strstr (text, "FROM activity_commitment") || strstr (text, "JOIN activity_commitment")))
    (*(guint *) data)++;
  return 0;
}

/* The counts and the progress of all six years of the handout come from one pass over
 * the activity log, not one a year: with a million activities a pass takes a second. */
static void
test_progress_one_pass (RenderFixture *f,
                        gconstpointer  data)
{
  g_autofree char *all = render_fixture_find (f->store, "commitment", "target_text", "全地区");
  g_autofree char *north = add_district (f->store, "北部");
  g_auto(SaTimelineOptions) options;
  g_autoptr(SaTimelineLayout) layout = NULL;
  sqlite3 *db = sqlite3_db_handle (_sa_store_prepare (f->store, "SELECT 1", NULL));
  guint reads = 0;

  add_activity_in (f->store, "2012-05-01", all, north);
  add_activity_in (f->store, "2014-05-01", all, north);

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_link_reads, &reads);
  sa_timeline_options_init (&options);
  options.show_counts = TRUE;
  layout = new_layout (f->store, &options);
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  g_assert_cmpstr (sa_timeline_layout_get_progress (layout, find_row (layout, all), 2014), ==, "1/1");
  g_assert_cmpuint (sa_timeline_layout_get_row (layout, find_row (layout, all))->counts[2], ==, 1);
  g_assert_cmpuint (reads, ==, 1);
}

static const SaActivityTotals *
totals_of (SaYearTotals *totals,
           const char   *commitment_id,
           int           fy)
{
  const SaActivityTotals *found = sa_year_totals_lookup (totals, commitment_id, fy);

  g_assert_nonnull (found);
  return found;
}

static void
assert_totals (SaStore    *store,
               const char *first,
               const char *second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaYearTotals) totals = sa_store_total_commitment_activities (store, 2010, 2015, &error);
  const SaActivityTotals *t;

  g_assert_no_error (error);
  t = totals_of (totals, first, 2012);
  g_assert_cmpint (t->activities, ==, 3);
  g_assert_cmpint (t->participants, ==, 3 + 5 + 7);
  g_assert_cmpint (t->volunteers, ==, 1 + 2 + 3);
  g_assert_cmpint (t->districts, ==, 1);   /* north twice; the deleted south is none */
  t = totals_of (totals, first, 2013);
  g_assert_cmpint (t->activities, ==, 0);
  g_assert_cmpint (t->districts, ==, 0);
  t = totals_of (totals, second, 2012);
  g_assert_cmpint (t->activities, ==, 1);
  g_assert_cmpint (t->participants, ==, 7);
  g_assert_cmpint (t->districts, ==, 1);
  g_assert_null (sa_year_totals_lookup (totals, "no-such-commitment", 2012));
}

static void
add_counted (SaStore    *store,
             const char *date,
             const char *district_id,
             gint64      participants,
             gint64      volunteers,
             const char * const *commitments)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID, district_id);
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, participants);
  sa_record_set_int (activity, SA_ACTIVITY_VOLUNTEERS, volunteers);
  g_assert_true (sa_store_add_activity (store, activity, commitments, &error));
  g_assert_no_error (error);
}

/* What a commitment's activities of a year add up to, for the review and the
 * progress: the same whether the years are read by scanning or through the date
 * index; deleted activities count for nothing, a deleted district for no district. */
static void
test_totals (RenderFixture *f,
             gconstpointer  data)
{
  g_autofree char *first = render_fixture_find (f->store, "commitment", "text", "交流の場を提供する。");
  g_autofree char *second = render_fixture_find (f->store, "commitment", "text", "ボランティアネットワークを支援する。");
  g_autofree char *north = add_district (f->store, "北部");
  g_autofree char *south = add_district (f->store, "南部");
  g_autofree char *gone = NULL;
  const char * const one[] = { first, NULL };
  const char * const both[] = { first, second, NULL };
  g_autoptr(GError) error = NULL;

  add_counted (f->store, "2012-04-01", north, 3, 1, one);
  add_counted (f->store, "2012-10-01", south, 5, 2, one);
  add_counted (f->store, "2013-03-31", north, 7, 3, both);
  gone = render_fixture_add_activity (f->store, "2012-06-01", first);
  g_assert_true (sa_store_set_deleted (f->store, sa_schema_find_table ("activity"), gone, TRUE, &error));
  g_assert_true (sa_store_set_deleted (f->store, sa_schema_find_table ("district"), south, TRUE, &error));
  g_assert_no_error (error);

  /* Most activities are in the years: both tables are scanned. */
  assert_totals (f->store, first, second);

  /* Few are: the date index finds them. */
  for (guint i = 0; i < 60; i++)
    g_free (render_fixture_add_activity (f->store, "2000-05-01", second));
  assert_totals (f->store, first, second);
}

/* A plan of two sections, as `sasaeai-cli plan import` reads it. */
static const char two_sections[] =
  "{\"plan\": {\"title\": \"二節の計画\", \"first_fy\": 2010, \"last_fy\": 2015},"
  " \"actors\": [{\"name\": \"区役所\", \"kind\": \"ward-office\"}],"
  " \"sections\": ["
  "  {\"label\": \"第1節\", \"title\": \"地域の取組\", \"strengths\": [], \"challenges\": [],"
  "   \"goals\": [{\"number\": 1, \"title\": \"見守る\", \"initiatives\": [], \"expected_actions\": [],"
  "     \"commitments\": [{\"actor\": \"区役所\", \"text\": \"見守りを広げる。\","
  "       \"phases\": [{\"label\": \"実施\", \"start_fy\": 2010, \"end_fy\": 2015}]}]}]},"
  "  {\"label\": \"第2節\", \"title\": \"計画を支える土台の取組\", \"strengths\": [], \"challenges\": [],"
  "   \"goals\": [{\"number\": 1, \"title\": \"支える\", \"initiatives\": [], \"expected_actions\": [],"
  "     \"commitments\": [{\"actor\": \"区役所\", \"text\": \"担い手を育てる。\","
  "       \"phases\": [{\"label\": \"実施\", \"start_fy\": 2011, \"end_fy\": 2015}]},"
  "      {\"actor\": \"区役所\", \"text\": \"拠点を整える。\","
  "       \"phases\": [{\"label\": \"検討\", \"start_fy\": 2010, \"end_fy\": 2011}]}]}]}]}";

static char *
import_two_sections (SaStore *store)
{
  g_autoptr(JsonNode) root = json_from_string (two_sections, NULL);
  g_autoptr(GError) error = NULL;
  char *plan_id;

  g_assert_nonnull (root);
  plan_id = sa_plan_file_import (store, root, &error);
  g_assert_no_error (error);
  return plan_id;
}

/* Every section of the plan, each under its heading band, in order; one section
 * when the options name it; another plan when they name it. */
static void
test_sections (RenderFixture *f,
               gconstpointer  data)
{
  g_autofree char *plan_id = import_two_sections (f->store);
  static const struct { SaTimelineRowKind kind; const char *text; } expected[] = {
    { SA_TIMELINE_ROW_SECTION, "第1節 地域の取組" }, { SA_TIMELINE_ROW_GOAL, "見守る" },
    { SA_TIMELINE_ROW_COMMITMENT, "見守りを広げる。" },
    { SA_TIMELINE_ROW_SECTION, "第2節 計画を支える土台の取組" }, { SA_TIMELINE_ROW_GOAL, "支える" },
    { SA_TIMELINE_ROW_COMMITMENT, "担い手を育てる。" }, { SA_TIMELINE_ROW_COMMITMENT, "拠点を整える。" },
  };
  g_autoptr(SaTimelineLayout) all = NULL;
  g_autoptr(SaTimelineLayout) one = NULL;
  g_autoptr(SaTimelineLayout) sample = NULL;
  g_auto(SaTimelineOptions) options;

  sa_timeline_options_init (&options);
  options.plan_id = g_strdup (plan_id);
  all = new_layout (f->store, &options);
  g_assert_cmpuint (sa_timeline_layout_get_n_rows (all), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SaTimelineRow *row = sa_timeline_layout_get_row (all, i);

      g_assert_cmpint (row->kind, ==, expected[i].kind);
      g_assert_cmpstr (row->text, ==, expected[i].text);
      g_assert_cmpuint (row->section_row, ==, i < 3 ? 0 : 3);
    }
  g_assert_cmpuint (sa_timeline_layout_get_sections (all)->len, ==, 2);
  g_assert_cmpint (sa_timeline_layout_get_bar (all, sa_timeline_layout_get_row (all, 5)->first_bar)->start_fy,
                   ==, 2011);

  options.section_id = g_strdup (sa_timeline_layout_get_row (all, 3)->id);
  one = new_layout (f->store, &options);
  g_assert_cmpuint (sa_timeline_layout_get_n_rows (one), ==, 4);
  g_assert_cmpstr (sa_timeline_layout_get_row (one, 0)->text, ==, "第2節 計画を支える土台の取組");
  g_assert_cmpstr (sa_timeline_layout_get_row (one, 3)->text, ==, "拠点を整える。");

  /* Without a plan named, the chosen one: the sample first, then the imported plan. */
  sample = new_layout (f->store, NULL);
  g_assert_cmpuint (sa_timeline_layout_get_n_rows (sample), ==, 1 + 3 + 18);
  g_clear_object (&sample);
  g_assert_true (sa_store_choose_plan (f->store, plan_id, NULL));
  sample = new_layout (f->store, NULL);
  g_assert_cmpuint (sa_timeline_layout_get_n_rows (sample), ==, G_N_ELEMENTS (expected));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, sample, func) \
  g_test_add ("/timeline/" path, RenderFixture, sample, render_fixture_setup, func, render_fixture_teardown)
  ADD ("rows", SAMPLE, test_rows);
  ADD ("columns", SAMPLE, test_columns);
  ADD ("column-widths", SAMPLE, test_column_widths);
  ADD ("bars", SAMPLE, test_bars);
  ADD ("phases-outside-plan", SAMPLE, test_phases_outside_plan);
  ADD ("lanes", NULL, test_lanes);
  ADD ("wrapping", NULL, test_wrapping);
  ADD ("counts", SAMPLE, test_counts);
  ADD ("filters", SAMPLE, test_filters);
  ADD ("deleted-actor", SAMPLE, test_deleted_actor);
  ADD ("refused", SAMPLE, test_refused);
  ADD ("no-plan", NULL, test_no_plan);
  ADD ("today", SAMPLE, test_today);
  ADD ("progress", SAMPLE, test_progress);
  ADD ("progress-one-pass", SAMPLE, test_progress_one_pass);
  ADD ("totals", SAMPLE, test_totals);
  ADD ("sections", SAMPLE, test_sections);
#undef ADD

  return g_test_run ();
}
