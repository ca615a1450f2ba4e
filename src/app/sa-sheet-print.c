/* sa-sheet-print.c: printing sheets: the review sheet (評価シート) and activity totals
 *
 * A GtkPrintOperation that prints the same pages as `sasaeai-cli review-sheet` and
 * `report -o`: sa_sheet_draw_page() on full pages in points, laid out again for the
 * paper the dialog settled on. GTK's dialog gives the preview
 * and "Print to File" for a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-print-preview.h"
#include "sa-sheet-print.h"
#include "sa-review-sheet.h"

#define SHEET_KEY "sa-review-sheet"
#define CONTEXT_KEY "sa-context"

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SaSheet           *sheet)
{
  sa_sheet_set_page_size (sheet, gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) sa_sheet_get_n_pages (sheet));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SaSheet           *sheet)
{
  sa_sheet_draw_page (sheet, gtk_print_context_get_cairo_context (context), (guint) page);
}

#define LANDSCAPE_KEY "sa-landscape"

static GtkPrintOperation *
print_again (GtkPrintOperation *previewed,
             gpointer           unused)
{
  return sa_sheet_print_operation_new (g_object_get_data (G_OBJECT (previewed), CONTEXT_KEY),
                                       g_object_get_data (G_OBJECT (previewed), SHEET_KEY),
                                       GPOINTER_TO_INT (g_object_get_data (G_OBJECT (previewed), LANDSCAPE_KEY)));
}

/**
 * sa_sheet_print_operation_new:
 * @context: the window's, for the print-font preference
 * @sheet: a sheet
 * @landscape: whether the paper starts in landscape
 *
 * Returns: (transfer full): an operation that prints @sheet on A4 to begin with,
 *   laid out again for the paper the dialog settles on, in the print-font
 *   preference's typeface
 */
GtkPrintOperation *
sa_sheet_print_operation_new (SaContext *context,
                              SaSheet   *sheet,
                              gboolean   landscape)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperation *operation;
  GSettings *settings;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  operation = gtk_print_operation_new ();
  settings = sa_context_get_settings (context);
  sa_sheet_set_font (sheet, (SaPrintFont) g_settings_get_enum (settings, "print-font"), FALSE);
  /* The sheet draws whole pages in points, its own margins included. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), sheet, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), sheet, 0);
  g_object_set_data_full (G_OBJECT (operation), SHEET_KEY, g_object_ref (sheet), g_object_unref);
  g_object_set_data_full (G_OBJECT (operation), CONTEXT_KEY, g_object_ref (context), g_object_unref);
  g_object_set_data (G_OBJECT (operation), LANDSCAPE_KEY, GINT_TO_POINTER (landscape));
  sa_print_preview_attach (operation, print_again, NULL, NULL);
  return operation;
}

/**
 * sa_sheet_print:
 * @parent: (nullable): the window the print dialog belongs to
 * @context: the window's, for the print-font preference
 * @sheet: a sheet
 * @landscape: whether the paper starts in landscape
 * @job_name: the print job's name
 * @error: set when printing failed to start
 *
 * Opens the print dialog for @sheet, with its preview and Print to File. The dialog
 * runs on its own; this returns once it is open.
 *
 * Returns: whether the dialog opened
 */
gboolean
sa_sheet_print (GtkWindow   *parent,
                SaContext   *context,
                SaSheet     *sheet,
                gboolean     landscape,
                const char  *job_name,
                GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = sa_sheet_print_operation_new (context, sheet, landscape);

  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_allow_async (operation, TRUE);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * sa_review_sheet_print_operation_new:
 * @context: the window's: the store, the year format and the print font
 * @plan_id: (nullable): the plan; %NULL for the one shown
 * @fiscal_year: the fiscal year reviewed
 * @error: set when the plan does not exist or the year is outside its years
 *
 * The sheet is read now, so a failure is known before a dialog opens.
 *
 * Returns: (transfer full) (nullable): the operation, to run
 */
GtkPrintOperation *
sa_review_sheet_print_operation_new (SaContext     *context,
                                     const char    *plan_id,
                                     int            fiscal_year,
                                     GError       **error)
{
  g_autoptr(SaSheet) sheet = NULL;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  sheet = sa_review_sheet_new (sa_context_get_store (context), plan_id, fiscal_year,
                               sa_context_get_year_format (context), error);
  return sheet ? sa_sheet_print_operation_new (context, sheet, TRUE) : NULL;
}

/**
 * sa_review_sheet_print:
 * @parent: (nullable): the window the print dialog belongs to
 * @context: the window's: the store, the year format and the print font
 * @plan_id: (nullable): the plan; %NULL for the first
 * @fiscal_year: the fiscal year reviewed
 * @error: set when there is nothing to print or printing failed to start
 *
 * Opens the print dialog for the year's review sheet, with its preview. The dialog
 * runs on its own; this returns once it is open.
 *
 * Returns: whether the dialog opened
 */
gboolean
sa_review_sheet_print (GtkWindow     *parent,
                       SaContext     *context,
                       const char    *plan_id,
                       int            fiscal_year,
                       GError       **error)
{
  g_autoptr(SaSheet) sheet = NULL;
  g_autofree char *year = NULL, *job = NULL;
  SaYearFormat year_format;

  g_return_val_if_fail (SA_IS_CONTEXT (context), FALSE);

  year_format = sa_context_get_year_format (context);
  if (!(sheet = sa_review_sheet_new (sa_context_get_store (context), plan_id, fiscal_year, year_format, error)))
    return FALSE;
  year = sa_fiscal_year_label (fiscal_year, year_format);
  /* Translators: the print job's name; %s is the fiscal year */
  job = g_strdup_printf (_("%s Review Sheet"), year);
  return sa_sheet_print (parent, context, sheet, TRUE, job, error);
}
