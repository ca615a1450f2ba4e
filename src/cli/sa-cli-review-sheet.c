/* sa-cli-review-sheet.c: sasaeai-cli review-sheet, the year's 評価シート as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-cli.h"
#include "sa-error.h"
#include "sa-review-sheet.h"

typedef struct
{
  char     *fy;
  char     *plan;
  char     *paper;
  char     *year_format;
  char     *output;
  char     *font;
  gboolean  portrait;
  gboolean  large;
} Arguments;

static void
arguments_clear (Arguments *args)
{
  g_free (args->fy);
  g_free (args->plan);
  g_free (args->paper);
  g_free (args->year_format);
  g_free (args->output);
  g_free (args->font);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Arguments, arguments_clear)

/* Checks the values that need no database; FALSE with @error set for a bad one. */
static gboolean
check_values (Arguments     *args,
              int           *fiscal_year,
              SaPaper       *paper,
              SaYearFormat  *year_format,
              SaPrintFont   *font,
              GError       **error)
{
  if (!sa_cli_print_font (args->font, font, error))
    return FALSE;
  if (!sa_fiscal_year_parse (args->fy, fiscal_year, error))
    return FALSE;
  if (args->paper != NULL && g_ascii_strcasecmp (args->paper, "a3") == 0)
    *paper = SA_PAPER_A3;
  else if (args->paper != NULL && g_ascii_strcasecmp (args->paper, "a4") != 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("Unknown paper “%s”; use a4 or a3"), args->paper);
      return FALSE;
    }
  return args->year_format == NULL || sa_cli_parse_year_format (args->year_format, year_format, error);
}

int
sa_cli_review_sheet (SaCli  *cli,
                     int     argc,
                     char  **argv)
{
  g_auto(Arguments) args = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaSheet) sheet = NULL;
  SaYearFormat year_format = sa_cli_year_format (FALSE);
  SaPaper paper = SA_PAPER_A4;
  SaPrintFont font;
  g_autofree char *font_used = NULL;
  GError *error = NULL;
  int status, fiscal_year;
  guint n_pages;
  const GOptionEntry entries[] = {
    { "fy", 0, 0, G_OPTION_ARG_STRING, &args.fy, N_("Fiscal year YEAR (2012, FY2012, H24, 平成24年度)"), N_("YEAR") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &args.plan, N_("The plan with this id"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write the PDF to FILE"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &args.paper, N_("Paper size: a4 (the default) or a3"), N_("SIZE") },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &args.portrait, N_("Upright pages instead of landscape"), NULL },
    sa_cli_year_format_option (&args.year_format),
    { "font", 0, 0, G_OPTION_ARG_STRING, &args.font, N_("Typeface: ud (BIZ UDPGothic, the default), noto (Noto Sans CJK) or system"), N_("FONT") },
    { "large", 0, 0, G_OPTION_ARG_NONE, &args.large, N_("Large print: body text of 14 points instead of 11"), NULL },
    { NULL },
  };

  context = sa_cli_context ("review-sheet", "--fy YEAR -o FILE.pdf",
                            _("Write the year’s review sheet (評価シート) as a PDF: each commitment’s "
                              "activity totals, target and progress, rating, results, issues and next "
                              "year’s direction, under its basic goal."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);
  if (args.fy == NULL)
    return sa_cli_usage (context, _("Give the fiscal year with --fy"));
  if (args.output == NULL)
    return sa_cli_usage (context, _("Where should the sheet go? Give -o FILE.pdf"));

  if (!check_values (&args, &fiscal_year, &paper, &year_format, &font, &error) ||
      !(store = sa_cli_open (cli, &error)) ||
      !(sheet = sa_review_sheet_new (store, args.plan, fiscal_year, year_format, &error)))
    return sa_cli_fail (error);
  sa_sheet_set_font (sheet, font, args.large);
  sa_sheet_set_paper (sheet, paper, args.portrait);
  if (!sa_sheet_write_pdf (sheet, args.output, &error))
    return sa_cli_fail (error);

  n_pages = sa_sheet_get_n_pages (sheet);
  printf (ngettext ("Wrote %u page to %s\n", "Wrote %u pages to %s\n", n_pages), n_pages, args.output);
  font_used = sa_sheet_describe_font (sheet);
  sa_cli_tell_font (font_used);
  return SA_CLI_OK;
}
