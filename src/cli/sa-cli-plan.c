/* sa-cli-plan.c: the commands about the database and the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-actor.h"
#include "sa-cli.h"
#include "sa-store-plans.h"
#include "sa-date.h"
#include "sa-district.h"
#include "sa-holiday.h"
#include "sa-import.h"
#include "sa-organization.h"
#include "sa-outline.h"
#include "sa-plan.h"
#include "sa-plan-years.h"

int
sa_cli_init (SaCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "empty", 0, 0, G_OPTION_ARG_NONE, &cli->empty, N_("Make a new database without the sample plan"), NULL },
    { NULL },
  };

  context = sa_cli_context ("init", "", _("Create the database, or upgrade it to this version."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);

  if (!(store = sa_cli_create (cli, &error)))
    return sa_cli_fail (error);
  printf ("%s\n", sa_store_get_path (store));
  return SA_CLI_OK;
}

int
sa_cli_load_sample (SaCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  SaImportReport report;
  GError *error = NULL;
  int status;

  context = sa_cli_context ("load-sample", "", _("Add the sample plan. Loading it again adds nothing."), NULL);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);

  if (!(store = sa_cli_open (cli, &error)) ||
      !sa_import_sample (store, &report, &error))
    return sa_cli_fail (error);

  printf (ngettext ("%u row added, %u updated, %u unchanged\n",
                    "%u rows added, %u updated, %u unchanged\n", report.added),
          report.added, report.updated, report.unchanged);
  return SA_CLI_OK;
}

/* ---- outline -------------------------------------------------------------------- */

static const char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

static void
print_list (JsonObject *object,
            const char *key,
            const char *heading)
{
  JsonArray *items = json_object_get_array_member (object, key);

  if (json_array_get_length (items) == 0)
    return;
  printf ("  %s\n", heading);
  for (guint i = 0; i < json_array_get_length (items); i++)
    printf ("    ・%s\n", json_array_get_string_element (items, i));
}

static void
print_phases (JsonArray *phases)
{
  for (guint i = 0; i < json_array_get_length (phases); i++)
    {
      JsonObject *phase = json_array_get_object_element (phases, i);
      g_autofree char *from = sa_fiscal_year_label (json_object_get_int_member (phase, "start_fy"),
                                                    sa_cli_year_format (TRUE));
      g_autofree char *to = sa_fiscal_year_label (json_object_get_int_member (phase, "end_fy"),
                                                  sa_cli_year_format (TRUE));

      printf (" %s–%s %s", from, to, member (phase, "label"));
    }
}

static void
print_goal (JsonObject *goal)
{
  JsonArray *list;

  printf (_("  Basic Goal %d: %s\n"),
          (int) json_object_get_int_member (goal, "number"), member (goal, "title"));

  list = json_object_get_array_member (goal, "initiatives");
  for (guint i = 0; i < json_array_get_length (list); i++)
    printf ("    ○%s\n", member (json_array_get_object_element (list, i), "title"));

  list = json_object_get_array_member (goal, "expected_actions");
  printf ("    %s\n", _("Expected actions"));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *action = json_array_get_object_element (list, i);
      printf ("      [%s] %s\n", member (action, "actor"), member (action, "text"));
    }

  list = json_object_get_array_member (goal, "commitments");
  printf ("    %s\n", _("Commitments"));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *commitment = json_array_get_object_element (list, i);
      const char *target = member (commitment, "target");

      printf ("      [%s] %s", member (commitment, "actor"), member (commitment, "text"));
      if (target != NULL)
        printf (_("【Target: %s】"), target);
      print_phases (json_object_get_array_member (commitment, "phases"));
      printf ("\n");
    }
}

static void
print_outline (JsonObject *outline)
{
  JsonNode *plan_node = json_object_get_member (outline, "plan");
  JsonArray *sections = json_object_get_array_member (outline, "sections");
  JsonObject *plan;
  g_autofree char *first = NULL, *last = NULL;

  if (JSON_NODE_HOLDS_NULL (plan_node))
    {
      printf ("%s\n", _("The database holds no plan."));
      return;
    }

  plan = json_node_get_object (plan_node);
  first = sa_fiscal_year_label (json_object_get_int_member (plan, "first_fy"), sa_cli_year_format (FALSE));
  last = sa_fiscal_year_label (json_object_get_int_member (plan, "last_fy"), sa_cli_year_format (FALSE));
  printf ("%s (%s, %s–%s)\n", member (plan, "title"),
          member (plan, "area") ? member (plan, "area") : "", first, last);

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      JsonArray *goals = json_object_get_array_member (section, "goals");

      printf ("\n%s %s\n", member (section, "label") ? member (section, "label") : "",
              member (section, "title"));
      print_list (section, "strengths", _("What has improved"));
      print_list (section, "challenges", _("Open challenges"));
      for (guint j = 0; j < json_array_get_length (goals); j++)
        print_goal (json_array_get_object_element (goals, j));
    }
}

int
sa_cli_outline (SaCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(JsonNode) outline = NULL;
  g_autofree char *plan_id = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_id, N_("The plan (default: the one chosen last)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL },
  };

  context = sa_cli_context ("outline", "", _("Show the plan outline: sections, goals, initiatives, expected actions and commitments."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);

  if (!(store = sa_cli_open (cli, &error)) ||
      !(outline = sa_outline_to_json (store, plan_id, &error)))
    return sa_cli_fail (error);

  if (json)
    sa_cli_print_json (outline);
  else
    print_outline (json_node_get_object (outline));
  return SA_CLI_OK;
}

/* ---- org and district ----------------------------------------------------------- */

static int
list_names (SaCli         *cli,
            const SaTable *table,
            guint          name_column,
            gboolean       json)
{
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *error = NULL;

  if (!(store = sa_cli_open (cli, &error)) ||
      !(rows = sa_store_list (store, table, NULL, NULL, &error)))
    return sa_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      SaRecord *row = g_ptr_array_index (rows, i);

      if (!json)
        printf ("%s\t%s\n", sa_record_get_id (row), sa_record_get_text (row, name_column));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, sa_record_get_id (row));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, sa_record_get_text (row, name_column));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      sa_cli_print_json (root);
    }
  return SA_CLI_OK;
}

static gboolean
check_new_name (SaStore        *store,
                const SaTable  *table,
                const char     *column,
                const char     *name,
                GError        **error)
{
  g_autofree char *existing = sa_store_lookup_id (store, table, column, name, NULL);

  if (existing != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already"), name);
      return FALSE;
    }
  return TRUE;
}

static int
add_named (SaCli         *cli,
           SaRecord      *record,
           guint          name_column,
           const char    *name,
           const char    *actor)
{
  const SaTable *table = sa_record_get_table (record);
  g_autoptr(SaStore) store = NULL;
  GError *error = NULL;

  if (!(store = sa_cli_open (cli, &error)) ||
      !check_new_name (store, table, table->columns[name_column].name, name, &error))
    return sa_cli_fail (error);

  sa_record_set_text (record, name_column, name);
  if (actor != NULL)
    {
      g_autofree char *actor_id = sa_store_lookup_actor (store, NULL, actor, &error);

      if (actor_id == NULL)
        return sa_cli_fail (error);
      sa_record_set_text (record, SA_ORGANIZATION_ACTOR_ID, actor_id);
    }

  if (!sa_store_insert (store, record, &error))
    return sa_cli_fail (error);
  printf ("%s\n", sa_record_get_id (record));
  return SA_CLI_OK;
}

static int
run_names (SaCli      *cli,
           const char *command,
           int         argc,
           char      **argv)
{
  gboolean is_org = g_str_equal (command, "org");
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *actor = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor, N_("The actor it belongs to, such as ケアプラザ"), N_("ACTOR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON (list)"), NULL },
    { NULL },
  };
  const GOptionEntry *used = is_org ? entries : entries + 1;

  context = sa_cli_context (command, is_org ? "add NAME --actor ACTOR | list" : "add NAME | list",
                            is_org ? _("Add or list the organizations that run activities.")
                                   : _("Add or list the districts (地区) of the area."), used);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;

  if (argc == 2 && g_str_equal (argv[1], "list"))
    return is_org ? list_names (cli, &sa_organization_table, SA_ORGANIZATION_NAME, json)
                  : list_names (cli, &sa_district_table, SA_DISTRICT_NAME, json);
  if (argc != 3 || !g_str_equal (argv[1], "add"))
    return sa_cli_usage (context, _("Expected “add NAME” or “list”"));
  if (is_org && actor == NULL)
    return sa_cli_usage (context, _("An organization needs --actor"));

  if (is_org)
    {
      g_autoptr(SaOrganization) org = sa_organization_new ();
      return add_named (cli, SA_RECORD (org), SA_ORGANIZATION_NAME, argv[2], actor);
    }
  else
    {
      g_autoptr(SaDistrict) district = sa_district_new ();
      return add_named (cli, SA_RECORD (district), SA_DISTRICT_NAME, argv[2], NULL);
    }
}

int
sa_cli_org (SaCli  *cli,
            int     argc,
            char  **argv)
{
  return run_names (cli, "org", argc, argv);
}

int
sa_cli_district (SaCli  *cli,
                 int     argc,
                 char  **argv)
{
  return run_names (cli, "district", argc, argv);
}

/* ---- site and holidays ---------------------------------------------------------- */

int
sa_cli_site (SaCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autofree char *name = NULL;
  g_autofree char *current = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name this installation, such as the office it is in"), N_("NAME") },
    { NULL },
  };

  context = sa_cli_context ("site", "", _("Show this installation’s id and name, or name it."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);

  if (!(store = sa_cli_open (cli, &error)) ||
      (name != NULL && !sa_store_set_site_name (store, name, &error)))
    return sa_cli_fail (error);

  current = sa_store_dup_site_name (store);
  printf ("%s\t%s\n", sa_store_get_site_id (store), current);
  return SA_CLI_OK;
}

static void
print_holidays (GArray   *holidays,
                gboolean  json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < holidays->len; i++)
    {
      SaHoliday *holiday = &g_array_index (holidays, SaHoliday, i);
      g_autofree char *date = sa_date_to_iso (&holiday->date);

      if (!json)
        printf ("%s\t%s\n", date, holiday->name);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, holiday->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  if (json)
    sa_cli_print_json (root);
}

int
sa_cli_holidays (SaCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GArray) holidays = NULL;
  gboolean json = FALSE;
  gint64 year;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON: an array of {\"date\", \"name\"}"), NULL },
    { NULL },
  };

  context = sa_cli_context ("holidays", "YEAR", _("List the Japanese public holidays of a year, with their Japanese names."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Expected one year"));
  if (!g_ascii_string_to_signed (argv[1], 10, 1948, 2199, &year, NULL))
    {
      fprintf (stderr, "sasaeai-cli: %s\n", _("The year must be a number from 1948 to 2199"));
      return SA_CLI_FAIL;
    }

  holidays = sa_holidays_for_year ((int) year);
  print_holidays (holidays, json);
  return SA_CLI_OK;
}

static char *
cli_year_label (int fy)
{
  return sa_fiscal_year_label (fy, sa_cli_year_format (FALSE));
}

int
sa_cli_plan_years (SaCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  gboolean clip = FALSE, keep = FALSE;
  GError *error = NULL;
  const char *plan_id;
  int first, last, status;
  const GOptionEntry entries[] = {
    { "clip", 0, 0, G_OPTION_ARG_NONE, &clip, N_("Shorten phases to the new years; delete those wholly outside"), NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, N_("Keep phases outside the new years as they are"), NULL },
    { NULL },
  };

  context = sa_cli_context ("plan-years", "FIRST LAST",
                            _("Change the plan’s first and last fiscal year. When phases or activities fall "
                              "outside the new years, say whether to clip the phases or keep them."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sa_cli_usage (context, _("Expected the first and the last fiscal year"));
  if (clip && keep)
    return sa_cli_usage (context, _("Give --clip or --keep, not both"));
  sa_set_message_year_label (cli_year_label);
  if (!sa_fiscal_year_parse (argv[1], &first, &error) || !sa_fiscal_year_parse (argv[2], &last, &error) ||
      !(store = sa_cli_open (cli, &error)) ||
      !(plans = sa_store_list (store, &sa_plan_table, NULL, NULL, &error)))
    return sa_cli_fail (error);
  if (plans->len == 0)
    {
      fprintf (stderr, "sasaeai-cli: %s\n", _("There is no plan yet"));
      return SA_CLI_FAIL;
    }
  plan_id = sa_record_get_id (g_ptr_array_index (plans, 0));
  if (first <= last && !clip && !keep)
    {
      guint n_phases, n_activities;

      if (!sa_plan_years_count_outside (store, plan_id, first, last, &n_phases, &n_activities, &error))
        return sa_cli_fail (error);
      if (n_phases + n_activities > 0)
        {
          g_autofree char *outside = sa_plan_years_describe_outside (n_phases, n_activities, first, last);

          /* Translators: after “3 phases and 12 activities fall outside FY2012 to FY2015” */
          fprintf (stderr, "sasaeai-cli: %s; %s\n", outside,
                   _("run again with --clip to shorten the phases or --keep to keep them"));
          return SA_CLI_FAIL;
        }
    }
  if (!sa_plan_set_years (store, plan_id, first, last, clip ? SA_PLAN_YEARS_CLIP : SA_PLAN_YEARS_KEEP, &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}
