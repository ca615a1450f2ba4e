/* sa-cli-report.c: sasaeai-cli report, the activity log's totals for a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sa-cli.h"
#include "sa-error.h"
#include "sa-report-sheet.h"
#include "sa-store-plans.h"
#include "sa-store-report.h"

static void
add_numbers (JsonBuilder *builder,
             SaReportRow *row)
{
  json_builder_set_member_name (builder, "activities");
  json_builder_add_int_value (builder, row->activities);
  json_builder_set_member_name (builder, "participants");
  json_builder_add_int_value (builder, row->participants);
  json_builder_set_member_name (builder, "volunteers");
  json_builder_add_int_value (builder, row->volunteers);
}

static void
print_json (SaReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fiscal_year");
  if (report->fiscal_year != 0)
    json_builder_add_int_value (builder, report->fiscal_year);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, report->from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, report->to);
  json_builder_set_member_name (builder, "by");
  json_builder_add_string_value (builder, sa_report_by_to_string (report->by));
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->rows->len; i++)
    {
      SaReportRow *row = g_ptr_array_index (report->rows, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      if (row->key != NULL)
        json_builder_add_string_value (builder, row->key);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, row->name);
      add_numbers (builder, row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_begin_object (builder);
  add_numbers (builder, report->total);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  sa_cli_print_json (root);
}

/* How many terminal columns @text takes: East Asian wide characters take two. */
static glong
text_width (const char *text)
{
  glong width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
print_cell (const char *text,
            glong       width,
            gboolean    right)
{
  g_autofree char *shown = sa_cli_printable (text, FALSE);
  glong pad = MAX (0, width - text_width (shown));

  if (right)
    printf ("%*s%s", (int) pad, "", shown);
  else
    printf ("%s%*s", shown, (int) pad, "");
}

static void
print_line (const char * const *cells,
            const glong        *widths)
{
  for (guint i = 0; i < 4; i++)
    {
      if (i > 0)
        fputs ("  ", stdout);
      print_cell (cells[i], widths[i], i > 0);
    }
  fputc ('\n', stdout);
}

static GStrv
row_cells (SaReportRow *row)
{
  GStrv cells = g_new0 (char *, 5);

  cells[0] = g_strdup (row->name);
  cells[1] = g_strdup_printf ("%" G_GINT64_FORMAT, row->activities);
  cells[2] = g_strdup_printf ("%" G_GINT64_FORMAT, row->participants);
  cells[3] = g_strdup_printf ("%" G_GINT64_FORMAT, row->volunteers);
  return cells;
}

static void
print_table (SaReport *report)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  glong widths[4] = { 0, };

  g_ptr_array_add (lines, sa_report_dup_headings (report->by));
  for (guint i = 0; i < report->rows->len; i++)
    g_ptr_array_add (lines, row_cells (g_ptr_array_index (report->rows, i)));
  g_ptr_array_add (lines, row_cells (report->total));
  for (guint i = 0; i < lines->len; i++)
    for (guint c = 0; c < 4; c++)
      {
        g_autofree char *shown = sa_cli_printable (((GStrv) g_ptr_array_index (lines, i))[c], FALSE);

        widths[c] = MAX (widths[c], text_width (shown));
      }
  for (guint i = 0; i < lines->len; i++)
    print_line (g_ptr_array_index (lines, i), widths);
}

int
sa_cli_report (SaCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaReport) totals = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autofree char *fy_text = NULL, *by_text = NULL, *from = NULL, *to = NULL, *csv = NULL, *pdf = NULL;
  g_autofree char *paper = NULL, *plan = NULL, *plan_id = NULL, *font_nick = NULL;
  g_autofree char *year_format_name = NULL;
  SaPrintFont font;
  SaYearFormat year_format = sa_cli_year_format (FALSE);
  gboolean json = FALSE;
  GError *error = NULL;
  SaReportBy by;
  int status, fy;
  const GOptionEntry entries[] = {
    { "fy", 0, 0, G_OPTION_ARG_STRING, &fy_text, N_("Fiscal year YEAR (2012, FY2012, H24, 平成24年度)"), N_("YEAR") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, N_("Only activities that advance a commitment of this plan"), N_("ID") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, N_("One row per organization, district, commitment, goal or month"), N_("WHAT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this month, YYYY-MM, instead of --fy"), N_("MONTH") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("To this month, YYYY-MM, instead of --fy"), N_("MONTH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write the table to FILE as CSV"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the table to FILE.pdf for printing"), N_("FILE.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size of the PDF: a4 (the default) or a3"), N_("SIZE") },
    { "font", 0, 0, G_OPTION_ARG_STRING, &font_nick, N_("Typeface of the PDF: ud (BIZ UDPGothic, the default), noto (Noto Sans CJK) or system"), N_("FONT") },
    sa_cli_year_format_option (&year_format_name),
    { NULL },
  };

  context = sa_cli_context ("report", "", _("Total the activities of a fiscal year or of months: how many, "
                                            "their participants and volunteers."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);
  if (by_text == NULL)
    return sa_cli_usage (context, _("Say how to group the totals with --by"));
  if ((fy_text != NULL) == (from != NULL || to != NULL))
    return sa_cli_usage (context, _("Give either the fiscal year with --fy, or months with --from and --to"));
  if ((from != NULL) != (to != NULL))
    return sa_cli_usage (context, _("Give both --from and --to"));
  if (json + (csv != NULL) + (pdf != NULL) > 1)
    return sa_cli_usage (context, _("Give one of --json, --csv and -o"));
  if (paper != NULL && g_ascii_strcasecmp (paper, "a4") != 0 && g_ascii_strcasecmp (paper, "a3") != 0)
    return sa_cli_fail (g_error_new (SA_ERROR, SA_ERROR_INVALID, _("Unknown paper “%s”; use a4 or a3"), paper));
  if (!sa_cli_print_font (font_nick, &font, &error))
    return sa_cli_fail (error);

  if ((year_format_name != NULL && !sa_cli_parse_year_format (year_format_name, &year_format, &error)) ||
      !sa_report_by_parse (by_text, &by, &error) ||
      (fy_text != NULL && !sa_fiscal_year_parse (fy_text, &fy, &error)) ||
      !(store = sa_cli_open (cli, &error)) ||
      (plan != NULL && !(plan_id = sa_store_resolve_plan (store, plan, &error))) ||
      !(totals = fy_text != NULL ? sa_store_report_fiscal_year (store, by, plan_id, fy, &error)
                                 : sa_store_report (store, by, plan_id, from, to, &error)))
    return sa_cli_fail (error);

  if (csv != NULL)
    {
      csv_file = g_file_new_for_commandline_arg (csv);
      if (!sa_report_export_csv (totals, csv_file, NULL, &error))
        return sa_cli_fail (error);
    }
  else if (pdf != NULL)
    {
      g_autoptr(SaSheet) sheet = sa_report_sheet_new (totals, year_format);
      g_autofree char *font_used = NULL;

      sa_sheet_set_font (sheet, font, FALSE);
      sa_sheet_set_paper (sheet, paper && g_ascii_strcasecmp (paper, "a3") == 0 ? SA_PAPER_A3 : SA_PAPER_A4, TRUE);
      if (!sa_sheet_write_pdf (sheet, pdf, &error))
        return sa_cli_fail (error);
      font_used = sa_sheet_describe_font (sheet);
      sa_cli_tell_font (font_used);
    }
  else if (json)
    print_json (totals);
  else
    print_table (totals);
  return SA_CLI_OK;
}

