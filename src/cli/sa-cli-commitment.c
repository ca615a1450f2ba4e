/* sa-cli-commitment.c: sasaeai-cli commitment: a commitment's target, how its
 * progress is measured, and how it carries over to a new period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-cli.h"
#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-plan-period.h"

static const SaColumn *
commitment_column (guint column)
{
  return &sa_commitment_table.columns[column];
}

/* Sets a text column from an option that was given; "" clears it. */
static void
set_text (SaRecord   *commitment,
          guint       column,
          const char *value)
{
  if (value == NULL)
    return;
  if (*value == '\0')
    sa_record_set_null (commitment, column);
  else
    sa_record_set_text (commitment, column, value);
}

static gboolean
set_value (SaRecord    *commitment,
           const char  *text,
           GError     **error)
{
  gint64 value;

  if (text == NULL)
    return TRUE;
  if (*text == '\0')
    {
      sa_record_set_null (commitment, SA_COMMITMENT_TARGET_VALUE);
      return TRUE;
    }
  if (!sa_column_parse_int (&sa_commitment_table, commitment_column (SA_COMMITMENT_TARGET_VALUE),
                            text, &value, error))
    return FALSE;
  sa_record_set_int (commitment, SA_COMMITMENT_TARGET_VALUE, value);
  return TRUE;
}

/* "none" (or "") clears the measure; anything else must be one of its choices. */
static gboolean
set_measure (SaRecord    *commitment,
             const char  *measure,
             GError     **error)
{
  const SaColumn *column = commitment_column (SA_COMMITMENT_TARGET_MEASURE);

  if (measure == NULL)
    return TRUE;
  if (*measure == '\0' || g_str_equal (measure, "none"))
    {
      sa_record_set_null (commitment, SA_COMMITMENT_TARGET_MEASURE);
      return TRUE;
    }
  if (!g_strv_contains (column->choices, measure))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("The measure must be places, districts, activities, manual or none, not “%s”"), measure);
      return FALSE;
    }
  sa_record_set_text (commitment, SA_COMMITMENT_TARGET_MEASURE, measure);
  return TRUE;
}

static void
print_target (SaRecord *commitment)
{
  const char *text = sa_record_get_text (commitment, SA_COMMITMENT_TARGET_TEXT);
  const char *unit = sa_record_get_text (commitment, SA_COMMITMENT_TARGET_UNIT);
  const char *measure = sa_record_get_text (commitment, SA_COMMITMENT_TARGET_MEASURE);
  g_autofree char *text_out = sa_cli_printable (text ? text : "-", FALSE);
  g_autofree char *unit_out = sa_cli_printable (unit ? unit : "", FALSE);
  g_autofree char *value = sa_record_is_null (commitment, SA_COMMITMENT_TARGET_VALUE)
                           ? g_strdup ("-")
                           : g_strdup_printf ("%" G_GINT64_FORMAT,
                                              sa_record_get_int (commitment, SA_COMMITMENT_TARGET_VALUE));

  /* TRANSLATORS: a commitment's target: its words, its number and unit, and how
   * its progress is measured */
  printf (_("Target: %s\tValue: %s%s\tMeasure: %s\n"), text_out, value, unit_out,
          measure ? sa_column_choice_label (commitment_column (SA_COMMITMENT_TARGET_MEASURE), measure)
                  : C_("measure", "None"));
}

static int
commitment_target (SaCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaRecord) commitment = NULL;
  g_autofree char *text = NULL, *value = NULL, *unit = NULL, *measure = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The target in words, such as 6か所 or 全地区"), N_("TEXT") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The number to reach"), N_("N") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The unit of the number, such as か所 or 回"), N_("UNIT") },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure,
      N_("How progress is measured: places, districts, activities, manual or none"), N_("MEASURE") },
    { NULL },
  };

  context = sa_cli_context ("commitment target", "ID",
                            _("Show or change a commitment’s target; only the options given change, "
                              "and an empty value clears a field."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Give the commitment’s id"));

  if (!(store = sa_cli_open (cli, &error)))
    return sa_cli_fail (error);
  if (!sa_store_exists (store, &sa_commitment_table, argv[1], FALSE))
    {
      g_set_error (&error, SA_ERROR, SA_ERROR_NOT_FOUND, _("There is no commitment with id “%s”"), argv[1]);
      return sa_cli_fail (error);
    }
  if (!(commitment = sa_store_get (store, &sa_commitment_table, argv[1], &error)))
    return sa_cli_fail (error);
  if (text == NULL && value == NULL && unit == NULL && measure == NULL)
    {
      print_target (commitment);
      return SA_CLI_OK;
    }

  set_text (commitment, SA_COMMITMENT_TARGET_TEXT, text);
  set_text (commitment, SA_COMMITMENT_TARGET_UNIT, unit);
  if (!set_value (commitment, value, &error) ||
      !set_measure (commitment, measure, &error) ||
      !sa_store_update (store, commitment, &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}

/* ---- commitment carry-over ------------------------------------------------------ */

static int
commitment_carry_over (SaCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  GError *error = NULL;
  int status;

  context = sa_cli_context ("commitment carry-over", "ID continue|expand|merge|end|new",
                            _("Say how a commitment of a new period carries over from its predecessor. "
                              "“end” also clears its schedule."), NULL);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sa_cli_usage (context, _("Expected a commitment’s id and how it carries over"));
  if (!(store = sa_cli_open (cli, &error)) ||
      !sa_plan_set_carry_over (store, argv[1], argv[2], &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}

static const SaCliCommand commitment_commands[] = {
  { "target", "ID [--text T] [--value N] [--unit U] [--measure M]",
    N_("Show or change a commitment’s target"), commitment_target },
  { "carry-over", "ID KIND", N_("Say how a commitment carries over to a new period"), commitment_carry_over },
  { NULL },
};

int
sa_cli_commitment (SaCli  *cli,
                   int     argc,
                   char  **argv)
{
  return sa_cli_dispatch (cli, "commitment", commitment_commands, argc - 1, argv + 1);
}
