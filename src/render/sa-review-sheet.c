/* sa-review-sheet.c: the year's review of a plan as a sheet (評価シート)
 *
 * One row per commitment scheduled in the year, under its basic goal: the actor,
 * the commitment, the activity log's totals, the target and its progress, and the
 * review written for it (rating, results, issues, next year's direction). The
 * numbers come from sa_store_list_review_rows(), as the Review page and
 * `sasaeai-cli review list` show them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-goal.h"
#include "sa-plan.h"
#include "sa-rating-level.h"
#include "sa-review-sheet.h"
#include "sa-section.h"
#include "sa-store-plans.h"
#include "sa-store-review.h"

enum
{
  COLUMN_ACTOR,
  COLUMN_COMMITMENT,
  COLUMN_ACTIVITIES,
  COLUMN_PARTICIPANTS,
  COLUMN_VOLUNTEERS,
  COLUMN_TARGET,
  COLUMN_RATING,
  COLUMN_RESULTS,
  COLUMN_ISSUES,
  COLUMN_NEXT,
  N_COLUMNS
};

/* Each commitment's goal, for the plan's goals in order. */
static GHashTable *
dup_goals_by_commitment (SaStore     *store,
                         const char  *plan_id,
                         GError     **error)
{
  g_autoptr(GHashTable) goals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) sections = sa_store_list (store, &sa_section_table, "plan_id", plan_id, error);

  if (sections == NULL)
    return NULL;
  for (guint i = 0; i < sections->len; i++)
    {
      g_autoptr(GPtrArray) section_goals = sa_store_list (store, &sa_goal_table, "section_id",
                                                          sa_record_get_id (g_ptr_array_index (sections, i)),
                                                          error);

      if (section_goals == NULL)
        return NULL;
      for (guint j = 0; j < section_goals->len; j++)
        {
          SaRecord *goal = g_ptr_array_index (section_goals, j);
          g_autoptr(GPtrArray) commitments = sa_store_list (store, &sa_commitment_table, "goal_id",
                                                            sa_record_get_id (goal), error);

          if (commitments == NULL)
            return NULL;
          for (guint k = 0; k < commitments->len; k++)
            g_hash_table_replace (goals, g_strdup (sa_record_get_id (g_ptr_array_index (commitments, k))),
                                  g_object_ref (goal));
        }
    }
  return g_steal_pointer (&goals);
}

/* The scale's labels by code. */
static GHashTable *
dup_rating_labels (SaStore     *store,
                   const char  *plan_id,
                   GError     **error)
{
  g_autoptr(GPtrArray) levels = sa_store_list_rating_levels (store, plan_id, error);
  GHashTable *labels;

  if (levels == NULL)
    return NULL;
  labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < levels->len; i++)
    {
      SaRecord *level = g_ptr_array_index (levels, i);

      g_hash_table_replace (labels, g_strdup (sa_record_get_text (level, SA_RATING_LEVEL_CODE)),
                            g_strdup (sa_record_get_text (level, SA_RATING_LEVEL_LABEL)));
    }
  return labels;
}

/* "6か所" and, under it, the progress: "4 / 66%", or the count alone. */
static char *
format_target (SaReviewRow *row)
{
  GString *text = g_string_new (NULL);
  gint64 percent;

  if (!row->has_target)
    return g_string_free (text, FALSE);
  if (row->target_text != NULL)
    g_string_append (text, row->target_text);
  else if (row->has_target_value)
    g_string_append_printf (text, "%" G_GINT64_FORMAT "%s", row->target_value,
                            row->target_unit ? row->target_unit : "");
  if (row->has_actual)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (sa_review_row_get_percent (row, &percent))
        /* Translators: a target's progress: how many reached, and the share of the target */
        g_string_append_printf (text, _("%lld / %lld%%"), (long long) row->actual, (long long) percent);
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT, row->actual);
    }
  return g_string_free (text, FALSE);
}

static const char *
review_text (SaReviewRow *row,
             guint        column)
{
  return row->review ? sa_record_get_text (SA_RECORD (row->review), column) : NULL;
}

static char *
format_rating (SaReviewRow *row,
               GHashTable  *labels)
{
  const char *code = review_text (row, SA_REVIEW_RATING);
  const char *label;

  if (code == NULL)
    return NULL;
  label = g_hash_table_lookup (labels, code);
  return label ? g_strdup_printf ("%s\n%s", code, label) : g_strdup (code);
}

static void
add_review_row (SaSheet     *sheet,
                SaReviewRow *row,
                GHashTable  *labels)
{
  const SaColumn *next_column = &sa_review_table.columns[SA_REVIEW_NEXT];
  const char *next = review_text (row, SA_REVIEW_NEXT);
  g_autofree char *activities = g_strdup_printf ("%" G_GINT64_FORMAT, row->activities);
  g_autofree char *participants = g_strdup_printf ("%" G_GINT64_FORMAT, row->participants);
  g_autofree char *volunteers = g_strdup_printf ("%" G_GINT64_FORMAT, row->volunteers);
  g_autofree char *target = format_target (row);
  g_autofree char *rating = format_rating (row, labels);
  const char *cells[N_COLUMNS] = {
    [COLUMN_ACTOR] = row->actor,
    [COLUMN_COMMITMENT] = row->text,
    [COLUMN_ACTIVITIES] = activities,
    [COLUMN_PARTICIPANTS] = participants,
    [COLUMN_VOLUNTEERS] = volunteers,
    [COLUMN_TARGET] = target,
    [COLUMN_RATING] = rating,
    [COLUMN_RESULTS] = review_text (row, SA_REVIEW_RESULTS),
    [COLUMN_ISSUES] = review_text (row, SA_REVIEW_ISSUES),
    [COLUMN_NEXT] = next ? g_dgettext (GETTEXT_PACKAGE, sa_column_choice_label (next_column, next)) : NULL,
  };

  sa_sheet_add_row (sheet, cells);
}

/* A year outside the plan's has nothing to review: say so rather than print an
 * empty sheet. */
static gboolean
check_year (SaRecord      *plan,
            int            fiscal_year,
            SaYearFormat   year_format,
            GError       **error)
{
  int first = (int) sa_record_get_int (plan, SA_PLAN_FIRST_FY);
  int last = (int) sa_record_get_int (plan, SA_PLAN_LAST_FY);
  g_autofree char *year = NULL, *first_label = NULL, *last_label = NULL;

  if (fiscal_year >= first && fiscal_year <= last)
    return TRUE;
  year = sa_fiscal_year_label (fiscal_year, year_format);
  first_label = sa_fiscal_year_label (first, year_format);
  last_label = sa_fiscal_year_label (last, year_format);
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("%s is outside the plan’s years (%s to %s)"), year, first_label, last_label);
  return FALSE;
}

static SaSheet *
new_sheet (SaRecord     *plan,
           int           fiscal_year,
           SaYearFormat  year_format)
{
  /* Widths for A4 landscape: the texts wide, the figures narrow. */
  const SaSheetColumn columns[N_COLUMNS] = {
    [COLUMN_ACTOR] = { _("Actor"), 0.078, FALSE },
    /* Translators: the plan's own column heading, 計画期間中に取り組むこと */
    [COLUMN_COMMITMENT] = { C_("review sheet", "Commitment"), 0.16, FALSE },
    [COLUMN_ACTIVITIES] = { C_("review sheet", "Activities"), 0.06, TRUE },
    [COLUMN_PARTICIPANTS] = { _("Participants"), 0.06, TRUE },
    [COLUMN_VOLUNTEERS] = { _("Volunteers"), 0.065, TRUE },
    [COLUMN_TARGET] = { _("Target / progress"), 0.086, FALSE },
    [COLUMN_RATING] = { _("Rating"), 0.095, FALSE },
    [COLUMN_RESULTS] = { _("Results"), 0.154, FALSE },
    [COLUMN_ISSUES] = { _("Issues"), 0.148, FALSE },
    [COLUMN_NEXT] = { _("Next year"), 0.094, FALSE },
  };
  g_autofree char *year = NULL, *title = NULL;

  year = sa_fiscal_year_label (fiscal_year, year_format);
  /* Translators: the review sheet's title; %s is the fiscal year, 令和7年度 or FY2025 */
  title = g_strdup_printf (_("%s Review Sheet"), year);
  return sa_sheet_new (title, sa_record_get_text (plan, SA_PLAN_TITLE), N_COLUMNS, columns);
}

/**
 * sa_review_sheet_new:
 * @store: the store to read from
 * @plan_id: (nullable): the plan; %NULL for the first
 * @fiscal_year: the fiscal year reviewed
 * @year_format: how the title writes the year; a bare era number becomes 令和7年度
 * @error: set when the plan does not exist, the year is outside the plan's years,
 *   or reading fails
 *
 * Returns: (transfer full) (nullable): the sheet, on A4 landscape; set another
 *   paper with sa_sheet_set_paper() or sa_sheet_set_page_size()
 */
SaSheet *
sa_review_sheet_new (SaStore       *store,
                     const char    *plan_id,
                     int            fiscal_year,
                     SaYearFormat   year_format,
                     GError       **error)
{
  g_autofree char *plan_key = NULL;
  g_autoptr(SaRecord) plan = NULL;
  g_autoptr(GHashTable) goals = NULL;
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SaSheet) sheet = NULL;
  SaRecord *group = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  /* A bare era number ("7") is not a title's year. */
  if (year_format == SA_YEAR_FORMAT_SHORT || year_format == SA_YEAR_FORMAT_ERA_LETTER)
    year_format = SA_YEAR_FORMAT_ERA;
  if (!(plan_key = sa_store_resolve_plan (store, plan_id, error)) ||
      !(plan = sa_store_get (store, &sa_plan_table, plan_key, error)))
    return NULL;
  if (!check_year (plan, fiscal_year, year_format, error) ||
      !(goals = dup_goals_by_commitment (store, plan_key, error)) ||
      !(labels = dup_rating_labels (store, plan_key, error)) ||
      !(rows = sa_store_list_review_rows (store, plan_key, fiscal_year, error)))
    return NULL;

  sheet = new_sheet (plan, fiscal_year, year_format);
  for (guint i = 0; i < rows->len; i++)
    {
      SaReviewRow *row = g_ptr_array_index (rows, i);
      SaRecord *goal = g_hash_table_lookup (goals, row->commitment_id);

      if (goal != NULL && goal != group)
        {
          g_autofree char *number = g_strdup_printf (_("Basic Goal %d"),
                                                     (int) sa_record_get_int (goal, SA_GOAL_NUMBER));

          sa_sheet_add_group (sheet, number, sa_record_get_text (goal, SA_GOAL_TITLE));
          group = goal;
        }
      add_review_row (sheet, row, labels);
    }
  return g_steal_pointer (&sheet);
}
