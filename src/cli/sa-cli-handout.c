/* sa-cli-handout.c: the schedule as a PDF handout, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-actor.h"
#include "sa-cli.h"
#include "sa-error.h"
#include "sa-goal.h"
#include "sa-handout.h"
#include "sa-plan.h"
#include "sa-section.h"
#include "sa-store-plans.h"

typedef struct
{
  char  *fy_from;
  char  *fy_to;
  char **goals;
  char **actors;
  char  *section;
  char  *plan;
  char  *paper;
  char  *year_format;
  char  *title;
  char  *date;
  char  *font;
  char  *output;
} Arguments;

static void
arguments_clear (Arguments *args)
{
  g_free (args->fy_from);
  g_free (args->fy_to);
  g_strfreev (args->goals);
  g_strfreev (args->actors);
  g_free (args->section);
  g_free (args->plan);
  g_free (args->paper);
  g_free (args->year_format);
  g_free (args->title);
  g_free (args->date);
  g_free (args->font);
  g_free (args->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Arguments, arguments_clear)

static int
find_choice (const char         *value,
             const char * const *choices)
{
  for (int i = 0; choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, choices[i]) == 0)
      return i;
  return -1;
}

/* Checks what needs no database; returns a usage status, or -1 when all is well. */
static int
check_usage (GOptionContext   *context,
             int               argc,
             char            **argv,
             Arguments        *args,
             SaHandoutOptions *options)
{
  static const char * const papers[] = { "a4", "a3", NULL };
  g_autoptr(GError) error = NULL;
  int choice;

  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);
  if (args->output == NULL)
    return sa_cli_usage (context, _("Where should the handout go? Give -o FILE.pdf"));
  if (args->paper != NULL)
    {
      if ((choice = find_choice (args->paper, papers)) < 0)
        return sa_cli_usage (context, _("Unknown paper “%s”; use a4 or a3"), args->paper);
      options->paper = choice == 1 ? SA_PAPER_A3 : SA_PAPER_A4;
    }
  if (args->year_format != NULL &&
      !sa_cli_parse_year_format (args->year_format, &options->timeline.year_format, &error))
    return sa_cli_usage (context, "%s", error->message);
  if (args->font != NULL && !sa_print_font_from_nick (args->font, &options->font))
    return sa_cli_usage (context, _("Unknown font “%s”; use ud, noto or system"), args->font);
  return -1;
}

/* The plan's sections, or the one asked for by its label or its place in the
 * plan (1, 2, …). */
static GPtrArray *
find_sections (SaStore     *store,
               const char  *plan_id,
               const char  *wanted,
               GError     **error)
{
  g_autoptr(GPtrArray) sections = sa_store_list (store, &sa_section_table, "plan_id", plan_id, error);
  guint64 position = 0;

  if (sections == NULL)
    return NULL;
  if (sections->len == 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("The plan has no section."));
      return NULL;
    }
  if (wanted == NULL)
    return g_steal_pointer (&sections);

  g_ascii_string_to_unsigned (wanted, 10, 1, sections->len, &position, NULL);
  for (guint i = 0; i < sections->len; i++)
    {
      SaRecord *section = g_ptr_array_index (sections, i);

      if (position == i + 1 || g_strcmp0 (sa_record_get_text (section, SA_SECTION_LABEL), wanted) == 0)
        {
          GPtrArray *one = g_ptr_array_new_with_free_func (g_object_unref);

          g_ptr_array_add (one, g_object_ref (section));
          return one;
        }
    }
  g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("The plan has no section “%s”"), wanted);
  return NULL;
}

static gboolean
add_goals_numbered (SaStore       *store,
                    GPtrArray     *sections,
                    guint64        number,
                    const char    *text,
                    GStrvBuilder  *ids,
                    GError       **error)
{
  gboolean found = FALSE;

  for (guint i = 0; i < sections->len; i++)
    {
      g_autoptr(GPtrArray) goals = sa_store_list (store, &sa_goal_table, "section_id",
                                                  sa_record_get_id (g_ptr_array_index (sections, i)), error);
      if (goals == NULL)
        return FALSE;
      for (guint j = 0; j < goals->len; j++)
        if ((guint64) sa_record_get_int (g_ptr_array_index (goals, j), SA_GOAL_NUMBER) == number)
          {
            g_strv_builder_add (ids, sa_record_get_id (g_ptr_array_index (goals, j)));
            found = TRUE;
          }
    }
  if (!found)
    g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("The section has no basic goal %s"), text);
  return found;
}

/* Goals by their numbers; each shown section numbers its own from 1. */
static GStrv
find_goals (SaStore     *store,
            GPtrArray   *sections,
            char       **numbers,
            GError     **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      guint64 number;

      if (!g_ascii_string_to_unsigned (numbers[i], 10, 0, G_MAXINT, &number, NULL))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("“%s” is not a goal number"), numbers[i]);
          return NULL;
        }
      if (!add_goals_numbered (store, sections, number, numbers[i], ids, error))
        return NULL;
    }
  return g_strv_builder_end (ids);
}

static GStrv
find_actors (SaStore  *store,
             char    **names,
             GError  **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *id = sa_store_lookup_id (store, &sa_actor_table, "name", names[i], error);

      if (id == NULL)
        return NULL;
      g_strv_builder_add (ids, id);
    }
  return g_strv_builder_end (ids);
}

/* Turns names, numbers and dates into the handout's options. */
static gboolean
resolve (SaStore           *store,
         Arguments         *args,
         SaHandoutOptions  *options,
         GError           **error)
{
  g_autofree char *plan_id = sa_store_resolve_plan (store, args->plan, error);
  g_autoptr(GPtrArray) sections = NULL;

  if (plan_id == NULL || !(sections = find_sections (store, plan_id, args->section, error)))
    return FALSE;
  options->timeline.plan_id = g_strdup (plan_id);
  if (args->section != NULL)
    options->timeline.section_id = g_strdup (sa_record_get_id (g_ptr_array_index (sections, 0)));
  if ((args->fy_from && !sa_fiscal_year_parse (args->fy_from, &options->timeline.first_fy, error)) ||
      (args->fy_to && !sa_fiscal_year_parse (args->fy_to, &options->timeline.last_fy, error)) ||
      (args->date && !sa_date_parse_iso (args->date, &options->date, error)))
    return FALSE;
  if (args->goals && !(options->timeline.goal_ids = find_goals (store, sections, args->goals, error)))
    return FALSE;
  if (args->actors && !(options->timeline.actor_ids = find_actors (store, args->actors, error)))
    return FALSE;
  options->title = g_strdup (args->title);
  return TRUE;
}

int
sa_cli_handout (SaCli  *cli,
                int     argc,
                char  **argv)
{
  g_auto(Arguments) args = { 0 };
  g_auto(SaHandoutOptions) options;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaHandout) handout = NULL;
  g_autofree char *font = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write the PDF to FILE"), N_("FILE") },
    { "fy-from", 0, 0, G_OPTION_ARG_STRING, &args.fy_from, N_("Start with this fiscal year (2010, H22, 平成22年度)"), N_("YEAR") },
    { "fy-to", 0, 0, G_OPTION_ARG_STRING, &args.fy_to, N_("End with this fiscal year"), N_("YEAR") },
    { "section", 0, 0, G_OPTION_ARG_STRING, &args.section, N_("Only this section, by its label or number (all sections without)"), N_("SECTION") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &args.plan, N_("The plan, by its id (the chosen plan without)"), N_("ID") },
    { "goal", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.goals, N_("Show this basic goal only; repeat for more"), N_("N") },
    { "actor", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.actors, N_("Show this actor’s commitments only; repeat for more"), N_("NAME") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &args.paper, N_("Paper size: a4 (the default) or a3"), N_("SIZE") },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &options.portrait, N_("Upright pages instead of landscape"), NULL },
    { "expected-actions", 0, 0, G_OPTION_ARG_NONE, &options.expected_actions, N_("Add the expected actions (期待される取組)"), NULL },
    { "notes", 0, 0, G_OPTION_ARG_NONE, &options.situation_notes, N_("Start with the section’s strengths and challenges"), NULL },
    { "counts", 0, 0, G_OPTION_ARG_NONE, &options.timeline.show_counts, N_("Show how many activities each commitment had each year"), NULL },
    sa_cli_year_format_option (&args.year_format),
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title, N_("The title line; the plan’s title without"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &args.date, N_("The date in the page header, YYYY-MM-DD; today without"), N_("DATE") },
    { "font", 0, 0, G_OPTION_ARG_STRING, &args.font, N_("Typeface: ud (BIZ UDPGothic, the default), noto (Noto Sans CJK) or system"), N_("FONT") },
    { "large", 0, 0, G_OPTION_ARG_NONE, &options.large_print, N_("Large print: body text of 14 points instead of 11"), NULL },
    { NULL },
  };

  sa_handout_options_init (&options);
  sa_cli_print_font (NULL, &options.font, NULL);
  context = sa_cli_context ("handout", "-o FILE.pdf",
                            _("Write the plan’s schedule as a PDF handout for meetings: "
                              "the 推進のスケジュール table, fitted to the paper’s width."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status) ||
      (status = check_usage (context, argc, argv, &args, &options)) >= 0)
    return status;

  if (!(store = sa_cli_open (cli, &error)) ||
      !resolve (store, &args, &options, &error) ||
      !(handout = sa_handout_new (store, &options, &error)) ||
      !sa_handout_write_pdf (handout, args.output, &error))
    return sa_cli_fail (error);

  printf (ngettext ("Wrote %u page to %s\n", "Wrote %u pages to %s\n", sa_handout_get_n_pages (handout)),
          sa_handout_get_n_pages (handout), args.output);
  font = sa_handout_describe_font (handout);
  sa_cli_tell_font (font);
  return SA_CLI_OK;
}
