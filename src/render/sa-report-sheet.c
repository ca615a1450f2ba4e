/* sa-report-sheet.c: activity totals as a printed sheet
 *
 * The same rows as the Activity Totals window and `report --csv`, on the pages of the
 * review sheet: names, then the number of activities, participants and volunteers,
 * and the total, for the promotion council's papers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-report-sheet.h"

static char *
format_count (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static void
add_row (SaSheet     *sheet,
         SaReportRow *row,
         gboolean     total)
{
  g_autofree char *activities = format_count (row->activities);
  g_autofree char *participants = format_count (row->participants);
  g_autofree char *volunteers = format_count (row->volunteers);
  const char *cells[] = { row->name, activities, participants, volunteers };

  if (total)
    sa_sheet_add_total (sheet, cells);
  else
    sa_sheet_add_row (sheet, cells);
}

/* "FY2012" or "2012-04 – 2012-09": the span the totals cover. */
static char *
describe_span (SaReport     *report,
               SaYearFormat  year_format)
{
  if (report->fiscal_year > 0)
    return sa_fiscal_year_label (report->fiscal_year, year_format);
  /* Translators: the months a report covers, "2012-04 – 2012-09" */
  return g_strdup_printf (_("%s – %s"), report->from, report->to);
}

/**
 * sa_report_sheet_new:
 * @report: totals from sa_store_report()
 * @year_format: how the title writes the year
 *
 * Returns: (transfer full): the sheet: A4 portrait, the heading repeated on every page
 */
SaSheet *
sa_report_sheet_new (SaReport     *report,
                     SaYearFormat  year_format)
{
  g_auto(GStrv) headings = sa_report_dup_headings (report->by);
  g_autofree char *span = describe_span (report, year_format);
  /* Translators: a printed report's title: the span, then what the rows are, e.g.
   * "FY2012 Activity Totals by Organization"; in Japanese 「令和6年度 活動の集計（団体別）」 */
  g_autofree char *title = g_strdup_printf (_("%s Activity Totals by %s"), span, headings[0]);
  const SaSheetColumn columns[] = {
    { headings[0], 3.0, FALSE }, { headings[1], 1.2, TRUE }, { headings[2], 1.2, TRUE }, { headings[3], 1.2, TRUE },
  };
  SaSheet *sheet = sa_sheet_new (title, NULL, G_N_ELEMENTS (columns), columns);

  sa_sheet_set_paper (sheet, SA_PAPER_A4, TRUE);
  for (guint i = 0; i < report->rows->len; i++)
    add_row (sheet, g_ptr_array_index (report->rows, i), FALSE);
  add_row (sheet, report->total, TRUE);
  return sheet;
}
