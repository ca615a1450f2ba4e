/* test-l10n.c: the window speaks Japanese when the language is Japanese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sa-import.h"
#include "sa-test-gui.h"
#include "sa-window.h"

/* Whether @line is one of the lines of @text. */
static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static void
test_japanese_labels (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autofree char *text = NULL;
  SaImportReport report;
  GtkWidget *window;

  g_assert_true (sa_import_sample (store, &report, &error));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (sa_test_find (window, sa_test_is_list_view, NULL))),
                                   0, TRUE);
  sa_test_wait ();

  /* The sidebar's goals and the plan page's groups, in the words of the plan document:
   * whole titles, as the sample plan's own names contain words such as 団体. */
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "基本目標 1"));
  g_assert_true (has_line (text, "主体"));
  g_assert_true (has_line (text, "団体"));
  g_assert_null (strstr (text, "Basic Goal"));
  g_assert_null (strstr (text, "Actors"));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);
  g_test_add_func ("/l10n/japanese-labels", test_japanese_labels);
  return g_test_run ();
}
