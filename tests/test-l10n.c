/* test-l10n.c: the window speaks Japanese when the language is Japanese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "sa-import.h"
#include "sa-window.h"

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (ADW_IS_PREFERENCES_GROUP (widget) && adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)))
    g_string_append_printf (text, "%s\n", adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
wait_for_frames (void)
{
  gint64 end = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_japanese_labels (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-l10n-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  SaImportReport report;
  GtkWidget *window;

  g_assert_true (sa_import_sample (store, &report, &error));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames ();

  collect_text (window, text);
  /* The sidebar's goals and the plan page's groups, in the words of the plan document. */
  g_assert_nonnull (strstr (text->str, "基本目標 1"));
  g_assert_nonnull (strstr (text->str, "主体"));
  g_assert_nonnull (strstr (text->str, "団体"));
  g_assert_null (strstr (text->str, "Basic Goal"));
  g_assert_null (strstr (text->str, "Actors"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_frames ();
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return 77;

  /* As main() does: the language comes from the environment (LANGUAGE=ja). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SASAEAI_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/l10n/japanese-labels", test_japanese_labels);
  return g_test_run ();
}
