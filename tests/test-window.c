/* test-window.c: the window opens on the sample plan and shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "sa-import.h"
#include "sa-window.h"

/* Everything the window shows as text: labels and the titles of rows. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
window_text (GtkWidget *window)
{
  GString *text = g_string_new (NULL);

  collect_text (window, text);
  return g_string_free (text, FALSE);
}

static void
wait_for_frames (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return GTK_LIST_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_window_shows_sample_plan (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autofree char *text = NULL;
  SaImportReport report;
  GtkSelectionModel *selection;
  GtkWidget *window;

  g_assert_no_error (error);
  g_assert_true (sa_import_sample (store, &report, &error));

  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames ();

  /* The plan is selected first and shows its sections and actors. */
  text = window_text (window);
  g_assert_nonnull (strstr (text, "第2期泉区地域福祉保健計画"));
  g_assert_nonnull (strstr (text, "ケアプラザ"));
  g_clear_pointer (&text, g_free);

  /* The section shows its strengths and challenges. */
  selection = gtk_list_view_get_model (find_list_view (window));
  gtk_selection_model_select_item (selection, 1, TRUE);
  wait_for_frames ();
  text = window_text (window);
  g_assert_nonnull (strstr (text, "第2節 計画を支える土台の取組"));
  g_assert_nonnull (strstr (text, "高齢者・こどものサロン・居場所が増え、交流が進んでいる。"));
  g_assert_nonnull (strstr (text, "隣近所に相談できる人がいない。"));
  g_assert_nonnull (strstr (text, "誰もが参加できる交流の場・機会をつくろう"));
  g_clear_pointer (&text, g_free);

  /* The outline is plan → section → goals → initiatives, expanded; selecting the second
   * goal shows its part of the plan. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 8);
  gtk_selection_model_select_item (selection, 4, TRUE);
  wait_for_frames ();

  text = window_text (window);
  g_assert_nonnull (strstr (text, "誰でも参加できる場・機会をつくる。"));
  g_assert_nonnull (strstr (text, "いつでも気軽に集える居場所や活動拠点をつくる。"));
  g_assert_nonnull (strstr (text, "交流の居場所の立ち上げを支援する。"));
  g_assert_nonnull (strstr (text, "Target: 6か所 · H22–H27 実施"));
  g_assert_null (strstr (text, "高齢者・こどものサロン"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_frames ();
  g_assert_finalize_object (g_steal_pointer (&store));
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display; run under xvfb-run\n");
      return 77;
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/sample-plan", test_window_shows_sample_plan);
  return g_test_run ();
}
