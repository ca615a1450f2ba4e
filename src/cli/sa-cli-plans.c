/* sa-cli-plans.c: sasaeai-cli plan: the plans of a database, plans as files, new
 * periods and their comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-cli.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-plan-file.h"
#include "sa-plan-period.h"
#include "sa-plan.h"
#include "sa-store-plans.h"

static void
add_nullable (JsonBuilder *builder,
              const char  *name,
              const char  *text)
{
  json_builder_set_member_name (builder, name);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

/* ---- plan list ------------------------------------------------------------------ */

static JsonNode *
plans_to_json (GPtrArray  *plans,
               GHashTable *districts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < plans->len; i++)
    {
      SaRecord *plan = g_ptr_array_index (plans, i);
      const char *district_id = sa_record_get_text (plan, SA_PLAN_DISTRICT_ID);

      json_builder_begin_object (builder);
      add_nullable (builder, "id", sa_record_get_id (plan));
      add_nullable (builder, "title", sa_record_get_text (plan, SA_PLAN_TITLE));
      add_nullable (builder, "area", sa_record_get_text (plan, SA_PLAN_AREA));
      json_builder_set_member_name (builder, "first_fy");
      json_builder_add_int_value (builder, sa_record_get_int (plan, SA_PLAN_FIRST_FY));
      json_builder_set_member_name (builder, "last_fy");
      json_builder_add_int_value (builder, sa_record_get_int (plan, SA_PLAN_LAST_FY));
      add_nullable (builder, "district", district_id ? g_hash_table_lookup (districts, district_id) : NULL);
      add_nullable (builder, "parent_id", sa_record_get_text (plan, SA_PLAN_PARENT_ID));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
print_plans (GPtrArray  *plans,
             const char *chosen)
{
  for (guint i = 0; i < plans->len; i++)
    {
      SaRecord *plan = g_ptr_array_index (plans, i);
      g_autofree char *first = sa_fiscal_year_label (sa_record_get_int (plan, SA_PLAN_FIRST_FY),
                                                     sa_cli_year_format (TRUE));
      g_autofree char *last = sa_fiscal_year_label (sa_record_get_int (plan, SA_PLAN_LAST_FY),
                                                    sa_cli_year_format (TRUE));
      g_autofree char *title = sa_cli_printable (sa_record_get_text (plan, SA_PLAN_TITLE), FALSE);

      printf ("%s %s  %s (%s–%s)\n", g_strcmp0 (chosen, sa_record_get_id (plan)) == 0 ? "*" : " ",
              sa_record_get_id (plan), title, first, last);
    }
}

static int
plan_list (SaCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GHashTable) districts = NULL;
  g_autofree char *chosen = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL },
  };

  context = sa_cli_context ("plan list", "", _("List the plans; * marks the one commands use by default."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);

  if (!(store = sa_cli_open (cli, &error)) ||
      !(plans = sa_store_list_plans (store, &error)) ||
      !(districts = sa_store_dup_names (store, &sa_district_table, SA_DISTRICT_NAME, &error)))
    return sa_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = plans_to_json (plans, districts);
      sa_cli_print_json (node);
    }
  else
    {
      chosen = sa_store_resolve_plan (store, NULL, NULL);
      print_plans (plans, chosen);
    }
  return SA_CLI_OK;
}

/* ---- plan import, plan choose --------------------------------------------------- */

static int
plan_import (SaCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *plan_id = NULL;
  GError *error = NULL;
  int status;

  context = sa_cli_context ("plan import", "FILE.json",
                            _("Create a new plan from a JSON file in the shape “outline --json” writes; ids "
                              "are optional. The whole file is checked first: all or nothing. Prints the "
                              "new plan’s id."), NULL);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Expected one file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(store = sa_cli_open (cli, &error)) ||
      !(plan_id = sa_plan_file_import_file (store, file, &error)))
    return sa_cli_fail (error);
  printf ("%s\n", plan_id);
  return SA_CLI_OK;
}

static int
plan_choose (SaCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  GError *error = NULL;
  int status;

  context = sa_cli_context ("plan choose", "PLAN_ID",
                            _("Use this plan when a command names none, as choosing it in the window does."),
                            NULL);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Expected the id of one plan"));
  if (!(store = sa_cli_open (cli, &error)) ||
      !sa_store_choose_plan (store, argv[1], &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}

/* ---- plan new-period ------------------------------------------------------------ */

static int
plan_new_period (SaCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autofree char *title = NULL;
  g_autofree char *plan_id = NULL;
  int first_fy = 0, last_fy = 0;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "first-fy", 0, 0, G_OPTION_ARG_INT, &first_fy, N_("The new period’s first fiscal year"), N_("YEAR") },
    { "last-fy", 0, 0, G_OPTION_ARG_INT, &last_fy, N_("Its last fiscal year"), N_("YEAR") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The new plan’s title (default: the next period’s number)"),
      N_("TITLE") },
    { NULL },
  };

  context = sa_cli_context ("plan new-period", "PLAN_ID --first-fy YEAR --last-fy YEAR [--title TITLE]",
                            _("Copy the plan’s outline into a plan for the next period. Each commitment "
                              "names its predecessor and continues, scheduled over the new years; the old "
                              "plan stays as it is. Prints the new plan’s id."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Expected the id of one plan"));
  if (first_fy == 0 || last_fy == 0)
    return sa_cli_usage (context, _("A new period needs --first-fy and --last-fy"));

  if (!(store = sa_cli_open (cli, &error)) ||
      !(plan_id = sa_plan_new_period (store, argv[1], first_fy, last_fy, title, &error)))
    return sa_cli_fail (error);
  printf ("%s\n", plan_id);
  return SA_CLI_OK;
}

/* ---- plan compare --------------------------------------------------------------- */

static JsonNode *
comparison_to_json (GPtrArray *rows,
                    guint     *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint i = 0; i < SA_N_CARRY_OVER; i++)
    {
      json_builder_set_member_name (builder, sa_carry_over_kinds[i]);
      json_builder_add_int_value (builder, counts[i]);
    }
  json_builder_set_member_name (builder, "commitments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      SaCarryOver *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      add_nullable (builder, "kind", row->kind);
      add_nullable (builder, "old_id", row->old_id);
      add_nullable (builder, "old_text", row->old_text);
      add_nullable (builder, "new_id", row->new_id);
      add_nullable (builder, "new_text", row->new_text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_comparison (GPtrArray *rows,
                  guint     *counts)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SaCarryOver *row = g_ptr_array_index (rows, i);
      g_autofree char *old_text = sa_cli_printable (row->old_text ? row->old_text : "—", FALSE);
      g_autofree char *new_text = sa_cli_printable (row->new_text ? row->new_text : "—", FALSE);

      printf ("%-8s %s\n         → %s\n", row->kind, old_text, new_text);
    }
  printf ("\n");
  for (guint i = 0; i < SA_N_CARRY_OVER; i++)
    printf ("%s: %u\n", sa_carry_over_kinds[i], counts[i]);
}

static int
plan_compare (SaCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint counts[SA_N_CARRY_OVER];
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL },
  };

  context = sa_cli_context ("plan compare", "OLD_ID NEW_ID [--json]",
                            _("Show the old plan’s commitments beside the new period’s, and how many "
                              "continue, expand, merge, end or are new."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sa_cli_usage (context, _("Expected the ids of the old and the new plan"));

  if (!(store = sa_cli_open (cli, &error)) ||
      !(rows = sa_plan_compare (store, argv[1], argv[2], counts, &error)))
    return sa_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = comparison_to_json (rows, counts);
      sa_cli_print_json (node);
    }
  else
    print_comparison (rows, counts);
  return SA_CLI_OK;
}

/* ---- plan edit ------------------------------------------------------------------ */

/* A district plan names the ward plan it belongs to: another plan, not one of its own. */
static gboolean
check_ward_plan (SaStore     *store,
                 const char  *plan_id,
                 const char  *ward_id,
                 GError     **error)
{
  g_autoptr(SaRecord) ward = sa_store_get (store, &sa_plan_table, ward_id, error);

  if (ward == NULL)
    return FALSE;
  if (g_strcmp0 (ward_id, plan_id) == 0 || g_strcmp0 (sa_record_get_text (ward, SA_PLAN_PARENT_ID), plan_id) == 0)
    {
      g_set_error_literal (error, SA_ERROR, SA_ERROR_INVALID, _("A plan cannot belong to itself or to its own district plan"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char     *title;
  char     *area;
  char     *district;
  char     *ward;
  gboolean  no_district;
  gboolean  no_ward;
} PlanEdit;

static gboolean
apply_edit (SaStore   *store,
            SaRecord  *plan,
            PlanEdit  *edit,
            GError   **error)
{
  g_autofree char *district_id = NULL, *ward_id = NULL;

  if (edit->title != NULL)
    sa_record_set_text (plan, SA_PLAN_TITLE, edit->title);
  if (edit->area != NULL)
    sa_record_set_text (plan, SA_PLAN_AREA, edit->area);
  if (edit->district != NULL)
    {
      if (!(district_id = sa_store_lookup_id (store, &sa_district_table, "name", edit->district, error)))
        return FALSE;
      sa_record_set_text (plan, SA_PLAN_DISTRICT_ID, district_id);
    }
  if (edit->no_district)
    sa_record_set_null (plan, SA_PLAN_DISTRICT_ID);
  if (edit->ward != NULL)
    {
      if (!(ward_id = sa_store_resolve_plan (store, edit->ward, error)) ||
          !check_ward_plan (store, sa_record_get_id (plan), ward_id, error))
        return FALSE;
      sa_record_set_text (plan, SA_PLAN_PARENT_ID, ward_id);
    }
  if (edit->no_ward)
    sa_record_set_null (plan, SA_PLAN_PARENT_ID);
  return TRUE;
}

static int
plan_edit (SaCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaRecord) plan = NULL;
  g_autofree char *plan_id = NULL;
  PlanEdit edit = { NULL, };
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &edit.title, N_("The plan’s title"), N_("TITLE") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &edit.area, N_("The area it covers, such as 泉区"), N_("AREA") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &edit.district, N_("The district of a district plan"), N_("NAME") },
    { "no-district", 0, 0, G_OPTION_ARG_NONE, &edit.no_district, N_("Not a district plan"), NULL },
    { "ward-plan", 0, 0, G_OPTION_ARG_STRING, &edit.ward, N_("The ward plan a district plan belongs to"), N_("ID") },
    { "no-ward-plan", 0, 0, G_OPTION_ARG_NONE, &edit.no_ward, N_("Belongs to no ward plan"), NULL },
    { NULL },
  };

  context = sa_cli_context ("plan edit", "PLAN_ID [--title …] [--district NAME] [--ward-plan ID] …",
                            _("Change a plan’s title or area, or make it a district’s plan that belongs to a "
                              "ward plan."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    goto out;
  if (argc != 2)
    status = sa_cli_usage (context, _("Expected the id of one plan"));
  else if ((edit.district && edit.no_district) || (edit.ward && edit.no_ward))
    status = sa_cli_usage (context, _("Give either a value or its --no- option, not both"));
  else if (!(store = sa_cli_open (cli, &error)) ||
           !(plan_id = sa_store_resolve_plan (store, argv[1], &error)) ||
           !(plan = sa_store_get (store, &sa_plan_table, plan_id, &error)) ||
           !apply_edit (store, plan, &edit, &error) ||
           !sa_store_update (store, plan, &error))
    status = sa_cli_fail (error);
  else
    status = SA_CLI_OK;
out:
  g_free (edit.title);
  g_free (edit.area);
  g_free (edit.district);
  g_free (edit.ward);
  return status;
}

static const SaCliCommand plan_commands[] = {
  { "list", "[--json]", N_("List the plans"), plan_list },
  { "choose", "PLAN_ID", N_("Use this plan when a command names none"), plan_choose },
  { "import", "FILE.json", N_("Create a plan from a JSON outline"), plan_import },
  { "edit", "PLAN_ID [--district NAME] [--ward-plan ID] …", N_("Change a plan, or make it a district plan"), plan_edit },
  { "new-period", "PLAN_ID --first-fy YEAR --last-fy YEAR", N_("Start the plan’s next period"), plan_new_period },
  { "compare", "OLD_ID NEW_ID [--json]", N_("Compare a plan with its next period"), plan_compare },
  { NULL },
};

int
sa_cli_plan (SaCli  *cli,
             int     argc,
             char  **argv)
{
  return sa_cli_dispatch (cli, "plan", plan_commands, argc - 1, argv + 1);
}
