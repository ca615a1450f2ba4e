/* test-window.c: the window opens on the sample plan and shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sa-import.h"
#include "sa-test-gui.h"
#include "sa-window.h"

static void
select_row (GtkWidget *window,
            guint      position)
{
  GtkWidget *view = sa_test_find (window, sa_test_is_list_view, NULL);

  gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (view)), position, TRUE);
  sa_test_wait ();
}

static void
test_window_shows_sample_plan (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autofree char *text = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  SaImportReport report;
  GtkWidget *window, *view;

  g_assert_true (sa_import_sample (store, &report, &error));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();

  /* The plan shows its sections and actors. */
  select_row (window, 0);
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "第2期泉区地域福祉保健計画"));
  g_assert_nonnull (strstr (text, "ケアプラザ"));
  g_clear_pointer (&text, g_free);

  /* The outline is plan → section → goals → initiatives, expanded. */
  view = sa_test_find (window, sa_test_is_list_view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))), ==, 8);

  /* The section shows its strengths and challenges. */
  select_row (window, 1);
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "第2節 計画を支える土台の取組"));
  g_assert_nonnull (strstr (text, "高齢者・こどものサロン・居場所が増え、交流が進んでいる。"));
  g_assert_nonnull (strstr (text, "隣近所に相談できる人がいない。"));
  g_assert_nonnull (strstr (text, "誰もが参加できる交流の場・機会をつくろう"));
  g_clear_pointer (&text, g_free);

  /* The second goal shows its part of the plan, and only that. */
  select_row (window, 4);
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "誰でも参加できる場・機会をつくる。"));
  g_assert_nonnull (strstr (text, "いつでも気軽に集える居場所や活動拠点をつくる。"));
  g_assert_nonnull (strstr (text, "交流の居場所の立ち上げを支援する。"));
  g_assert_nonnull (strstr (text, "Target: 6か所 · FY2010–FY2015 実施"));
  g_assert_null (strstr (text, "高齢者・こどものサロン"));
  g_clear_pointer (&text, g_free);

  /* Years follow the year-format preference. */
  g_settings_set_string (settings, "year-format", "era");
  sa_test_wait ();
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "Target: 6か所 · 平成22年度–平成27年度 実施"));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* The shortcuts window GtkApplication loads for Ctrl+? builds, and lists our keys. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/sasaeai/Sasaeai/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  gboolean found = FALSE;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *action = NULL;
        g_object_get (l->data, "action-name", &action, NULL);
        found |= g_strcmp0 (action, "win.new-activity") == 0;
      }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);
  g_test_add_func ("/window/sample-plan", test_window_shows_sample_plan);
  g_test_add_func ("/window/help-overlay", test_help_overlay);
  return g_test_run ();
}
