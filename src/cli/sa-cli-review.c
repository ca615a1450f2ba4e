/* sa-cli-review.c: sasaeai-cli review, the yearly review of the plan's commitments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sa-cli.h"
#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-plan.h"
#include "sa-rating-level.h"
#include "sa-store-plans.h"
#include "sa-store-review.h"

static void
add_text_member (JsonBuilder *builder,
                 const char  *name,
                 const char  *text)
{
  json_builder_set_member_name (builder, name);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static const char *
review_text (SaReviewRow *row,
             guint        column)
{
  return row->review ? sa_record_get_text (SA_RECORD (row->review), column) : NULL;
}

static void
add_target (JsonBuilder *builder,
            SaReviewRow *row)
{
  gint64 percent;

  json_builder_set_member_name (builder, "target");
  if (!row->has_target)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_text_member (builder, "text", row->target_text);
  json_builder_set_member_name (builder, "value");
  if (row->has_target_value)
    json_builder_add_int_value (builder, row->target_value);
  else
    json_builder_add_null_value (builder);
  add_text_member (builder, "unit", row->target_unit);
  add_text_member (builder, "measure", row->target_measure);
  json_builder_set_member_name (builder, "actual");
  if (row->has_actual)
    json_builder_add_int_value (builder, row->actual);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "percent");
  if (sa_review_row_get_percent (row, &percent))
    json_builder_add_int_value (builder, percent);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_row (JsonBuilder *builder,
         SaReviewRow *row)
{
  json_builder_begin_object (builder);
  add_text_member (builder, "commitment_id", row->commitment_id);
  add_text_member (builder, "actor", row->actor);
  add_text_member (builder, "text", row->text);
  json_builder_set_member_name (builder, "fiscal_year");
  json_builder_add_int_value (builder, row->fiscal_year);
  json_builder_set_member_name (builder, "activities");
  json_builder_add_int_value (builder, row->activities);
  json_builder_set_member_name (builder, "participants");
  json_builder_add_int_value (builder, row->participants);
  json_builder_set_member_name (builder, "volunteers");
  json_builder_add_int_value (builder, row->volunteers);
  add_text_member (builder, "rating", review_text (row, SA_REVIEW_RATING));
  add_text_member (builder, "results", review_text (row, SA_REVIEW_RESULTS));
  add_text_member (builder, "issues", review_text (row, SA_REVIEW_ISSUES));
  add_text_member (builder, "next", review_text (row, SA_REVIEW_NEXT));
  add_target (builder, row);
  json_builder_end_object (builder);
}

static void
print_row (SaReviewRow *row)
{
  g_autofree char *text = sa_cli_printable (row->text, FALSE);
  g_autofree char *actor = sa_cli_printable (row->actor, FALSE);
  const char *rating = review_text (row, SA_REVIEW_RATING);
  const char *next = review_text (row, SA_REVIEW_NEXT);
  const SaColumn *next_column = &sa_review_table.columns[SA_REVIEW_NEXT];
  g_autofree char *rating_text = sa_cli_printable (rating ? rating : "-", FALSE);
  gint64 percent;

  printf ("%s\t%s\t%s\n", row->commitment_id, actor, text);
  /* TRANSLATORS: a commitment's activity totals of a year */
  printf (_("\tActivities %lld, participants %lld, volunteers %lld\n"),
          (long long) row->activities, (long long) row->participants, (long long) row->volunteers);
  if (row->has_actual && sa_review_row_get_percent (row, &percent))
    printf (_("\tTarget: %lld of %lld (%lld%%)\n"),
            (long long) row->actual, (long long) row->target_value, (long long) percent);
  printf (_("\tRating: %s\tNext year: %s\n"), rating_text,
          next ? _(sa_column_choice_label (next_column, next)) : "-");
  for (guint column = SA_REVIEW_RESULTS; column <= SA_REVIEW_ISSUES; column++)
    if (review_text (row, column) != NULL)
      {
        g_autofree char *value = sa_cli_printable (review_text (row, column), FALSE);

        printf ("\t%s: %s\n", _(sa_review_table.columns[column].label), value);
      }
}

static int
review_list (SaCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *fy_text = NULL, *plan_text = NULL, *plan_id = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status, fy;
  const GOptionEntry entries[] = {
    { "fy", 0, 0, G_OPTION_ARG_STRING, &fy_text, N_("Fiscal year YEAR (2012, FY2012, H24, 平成24年度)"), N_("YEAR") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_text, N_("The plan with this id"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL },
  };

  context = sa_cli_context ("review list", "", _("List the year’s review of each commitment, with the activity log’s totals."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);
  if (fy_text == NULL)
    return sa_cli_usage (context, _("Give the fiscal year with --fy"));

  if (!sa_fiscal_year_parse (fy_text, &fy, &error) ||
      !(store = sa_cli_open (cli, &error)) ||
      !(plan_id = sa_store_resolve_plan (store, plan_text, &error)) ||
      !(rows = sa_store_list_review_rows (store, plan_id, fy, &error)))
    return sa_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    if (json)
      add_row (builder, g_ptr_array_index (rows, i));
    else
      print_row (g_ptr_array_index (rows, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  if (json)
    sa_cli_print_json (root);
  return SA_CLI_OK;
}

/* Sets @column from an option that was given; "" clears it. */
static void
set_field (SaRecord   *review,
           guint       column,
           const char *value)
{
  if (value == NULL)
    return;
  if (*value == '\0')
    sa_record_set_null (review, column);
  else
    sa_record_set_text (review, column, value);
}

/* The progress entered by hand: only for a commitment whose target is measured so,
 * or it would be stored and never shown. "" clears it. */
static gboolean
set_actual (SaStore     *store,
            SaRecord    *review,
            const char  *text,
            GError     **error)
{
  const SaColumn *column = &sa_review_table.columns[SA_REVIEW_ACTUAL];
  const char *commitment_id = sa_record_get_text (review, SA_REVIEW_COMMITMENT_ID);
  g_autoptr(SaRecord) commitment = NULL;
  gint64 value;

  if (text == NULL)
    return TRUE;
  if (*text == '\0')
    {
      sa_record_set_null (review, SA_REVIEW_ACTUAL);
      return TRUE;
    }
  if (!sa_column_parse_int (&sa_review_table, column, text, &value, error) ||
      !(commitment = sa_store_get (store, &sa_commitment_table, commitment_id, error)))
    return FALSE;
  if (g_strcmp0 (sa_record_get_text (commitment, SA_COMMITMENT_TARGET_MEASURE), "manual") != 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("The target of commitment “%s” is not entered by hand: set its measure with "
                     "“sasaeai-cli commitment target %s --measure manual” first"),
                   commitment_id, commitment_id);
      return FALSE;
    }
  sa_record_set_int (review, SA_REVIEW_ACTUAL, value);
  return TRUE;
}

static int
review_set (SaCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaReview) review = NULL;
  g_autofree char *fy_text = NULL, *rating = NULL, *results = NULL, *issues = NULL, *next = NULL;
  g_autofree char *actual = NULL;
  GError *error = NULL;
  int status, fy;
  const GOptionEntry entries[] = {
    { "fy", 0, 0, G_OPTION_ARG_STRING, &fy_text, N_("Fiscal year YEAR (2012, FY2012, H24, 平成24年度)"), N_("YEAR") },
    { "rating", 0, 0, G_OPTION_ARG_STRING, &rating, N_("A rating of the plan’s scale"), N_("RATING") },
    { "results", 0, 0, G_OPTION_ARG_STRING, &results, N_("What was achieved"), N_("TEXT") },
    { "issues", 0, 0, G_OPTION_ARG_STRING, &issues, N_("What is left to solve"), N_("TEXT") },
    { "next", 0, 0, G_OPTION_ARG_STRING, &next, N_("Next year: continue, expand, revise or end"), N_("NEXT") },
    { "actual", 0, 0, G_OPTION_ARG_STRING, &actual, N_("The target’s progress, for a target measured by hand"), N_("N") },
    { NULL },
  };

  context = sa_cli_context ("review set", "COMMITMENT_ID", _("Write the year’s review of a commitment; only the options given change."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Give the commitment’s id"));
  if (fy_text == NULL)
    return sa_cli_usage (context, _("Give the fiscal year with --fy"));

  if (!sa_fiscal_year_parse (fy_text, &fy, &error) ||
      !(store = sa_cli_open (cli, &error)) ||
      !(review = sa_store_dup_review (store, argv[1], fy, &error)))
    return sa_cli_fail (error);
  set_field (SA_RECORD (review), SA_REVIEW_RATING, rating);
  set_field (SA_RECORD (review), SA_REVIEW_RESULTS, results);
  set_field (SA_RECORD (review), SA_REVIEW_ISSUES, issues);
  set_field (SA_RECORD (review), SA_REVIEW_NEXT, next);
  if (!set_actual (store, SA_RECORD (review), actual, &error) ||
      !sa_store_save_review (store, review, &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}

/* Parses "A=label,B=label"; NULL with @error set when a level has no "=". */
static gboolean
parse_scale (const char  *text,
             GStrv       *codes,
             GStrv       *labels,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) code_list = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) label_list = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *equal = strchr (parts[i], '=');
      g_autofree char *code = NULL, *label = NULL;

      if (equal == NULL)
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                       _("“%s” is not a level: write CODE=MEANING"), parts[i]);
          return FALSE;
        }
      code = g_strstrip (g_strndup (parts[i], equal - parts[i]));
      label = g_strstrip (g_strdup (equal + 1));
      g_strv_builder_add (code_list, code);
      g_strv_builder_add (label_list, label);
    }
  *codes = g_strv_builder_end (code_list);
  *labels = g_strv_builder_end (label_list);
  return TRUE;
}

static int
print_scale (SaStore     *store,
             const char  *plan_id,
             gboolean     json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  GError *error = NULL;

  if (!(levels = sa_store_list_rating_levels (store, plan_id, &error)))
    return sa_cli_fail (error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < levels->len; i++)
    {
      SaRecord *level = g_ptr_array_index (levels, i);
      const char *code = sa_record_get_text (level, SA_RATING_LEVEL_CODE);
      const char *label = sa_record_get_text (level, SA_RATING_LEVEL_LABEL);

      if (json)
        {
          json_builder_begin_object (builder);
          add_text_member (builder, "code", code);
          add_text_member (builder, "label", label);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *code_text = sa_cli_printable (code, FALSE);
          g_autofree char *label_text = sa_cli_printable (label, FALSE);

          printf ("%s\t%s\n", code_text, label_text);
        }
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  if (json)
    sa_cli_print_json (root);
  return SA_CLI_OK;
}

static int
review_scale (SaCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autofree char *plan_text = NULL, *plan_id = NULL, *scale = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_text, N_("The plan with this id"), N_("ID") },
    { "set", 0, 0, G_OPTION_ARG_STRING, &scale, N_("Replace the scale, best level first"), N_("A=…,B=…") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL },
  };

  context = sa_cli_context ("review scale", "", _("Show or change the plan’s rating scale."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);

  if ((scale != NULL && !parse_scale (scale, &codes, &labels, &error)) ||
      !(store = sa_cli_open (cli, &error)) ||
      !(plan_id = sa_store_resolve_plan (store, plan_text, &error)) ||
      (scale != NULL &&
       !sa_store_set_rating_scale (store, plan_id, (const char * const *) codes,
                                   (const char * const *) labels, &error)))
    return sa_cli_fail (error);
  return print_scale (store, plan_id, json);
}

static const SaCliCommand review_commands[] = {
  { "list", "--fy YEAR [--plan ID] [--json]", N_("List the year’s reviews with the activity totals"), review_list },
  { "set", "COMMITMENT_ID --fy YEAR …", N_("Write a commitment’s review of a year"), review_set },
  { "scale", "[--set A=…,B=…] [--json]", N_("Show or change the plan’s rating scale"), review_scale },
  { NULL },
};

int
sa_cli_review (SaCli  *cli,
               int     argc,
               char  **argv)
{
  return sa_cli_dispatch (cli, "review", review_commands, argc - 1, argv + 1);
}
