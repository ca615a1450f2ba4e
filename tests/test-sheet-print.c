/* test-review-sheet-print.c: printing the review sheet from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <string.h>

#include "render-fixture.h"
#include "sa-import.h"
#include "sa-sheet-print.h"
#include "sa-test-gui.h"
#include "sa-window.h"

#define SAMPLE GINT_TO_POINTER (1)

/* The print operation draws the sheet on the paper it settles on: exported, the
 * PDF has the title, the headings and the commitments, A4 landscape. */
static void
test_export (RenderFixture *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(SaContext) context = sa_context_new (f->store);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  operation = sa_review_sheet_print_operation_new (context, NULL, 2012, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  if ((text = render_fixture_pdf_text (pdf, 1)) == NULL)
    return;
  g_assert_nonnull (strstr (text, "FY2012 Review Sheet"));
  g_assert_nonnull (strstr (text, "Results"));
  g_assert_nonnull (strstr (text, "Basic Goal 1"));

  g_assert_null (sa_review_sheet_print_operation_new (context, NULL, 2040, &error));
  g_assert_nonnull (error);
}

static GtkWidget *
find_print_dialog (void)
{
  return sa_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG);
}

/* win.print-review-sheet(year) opens the print dialog; a year outside the plan's
 * is told in a toast instead. */
static void
test_window_action (RenderFixture *f,
                    gconstpointer  data)
{
  GtkWidget *window = g_object_new (SA_TYPE_WINDOW, "store", f->store, NULL);
  GtkWidget *dialog;
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();

  g_assert_true (gtk_widget_activate_action (window, "win.print-review-sheet", "i", 2040));
  sa_test_wait ();
  g_assert_null (find_print_dialog ());
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "outside the plan"));

  g_assert_true (gtk_widget_activate_action (window, "win.print-review-sheet", "i", 2012));
  sa_test_wait ();
  dialog = find_print_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  sa_test_wait ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
print_dialog_has_handout_tab (GtkWidget *dialog)
{
  g_autofree char *text = sa_test_collect_text (dialog);

  return strstr (text, "Handout") != NULL;
}

static gboolean
is_view_stack (GtkWidget  *widget,
               const char *unused)
{
  return ADW_IS_VIEW_STACK (widget);
}

/* Ctrl+P prints what the page shows: on the Review page, its year's review sheet. */
static void
test_print_key_on_review_page (RenderFixture *f,
                               gconstpointer  data)
{
  GtkWidget *window = g_object_new (SA_TYPE_WINDOW, "store", f->store, NULL);
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (sa_test_find (window, is_view_stack, NULL)), "review");
  sa_test_wait ();
  g_assert_true (gtk_widget_activate_action (window, "win.print", NULL));
  sa_test_wait ();
  dialog = find_print_dialog ();
  g_assert_nonnull (dialog);
  /* The handout's dialog has its own tab; the review sheet's has none. */
  g_assert_false (print_dialog_has_handout_tab (dialog));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  sa_test_wait ();

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (sa_test_find (window, is_view_stack, NULL)), "timeline");
  sa_test_wait ();
  g_assert_true (gtk_widget_activate_action (window, "win.print", NULL));
  sa_test_wait ();
  dialog = find_print_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (print_dialog_has_handout_tab (dialog));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  sa_test_wait ();
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);
  g_test_add ("/review-sheet-print/export", RenderFixture, SAMPLE, render_fixture_setup, test_export,
              render_fixture_teardown);
  g_test_add ("/review-sheet-print/window-action", RenderFixture, SAMPLE, render_fixture_setup,
              test_window_action, render_fixture_teardown);
  g_test_add ("/review-sheet-print/print-key-on-review-page", RenderFixture, SAMPLE, render_fixture_setup,
              test_print_key_on_review_page, render_fixture_teardown);
  return g_test_run ();
}
