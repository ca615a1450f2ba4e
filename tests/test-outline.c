/* test-outline.c: editing the plan outline in the window, through the real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "sa-commitment.h"
#include "sa-import.h"
#include "sa-plan.h"
#include "sa-record-editor.h"
#include "sa-schedule-phase.h"
#include "sa-window.h"

/* Runs the main loop for a moment, long enough for animations such as an expander
 * row opening to finish. */
static void
wait_for_frames (void)
{
  gint64 end = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

typedef gboolean (*Match) (GtkWidget *widget, const char *text);

static GtkWidget *
find_widget (GtkWidget  *widget,
             Match       match,
             const char *text)
{
  if (gtk_widget_get_mapped (widget) && match (widget, text))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, text);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
has_tooltip (GtkWidget  *widget,
             const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *text)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0;
}

static gboolean
is_error_label (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

static void
click (GtkWidget  *root,
       const char *tooltip)
{
  GtkWidget *button = find_widget (root, has_tooltip, tooltip);

  if (button == NULL)
    g_error ("No button “%s”", tooltip);
  g_signal_emit_by_name (button, "clicked");
  wait_for_frames ();
}

static GtkWidget *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (SA_IS_RECORD_EDITOR (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static void
type_into (GtkWidget  *editor,
           const char *field,
           const char *text)
{
  GtkWidget *row = find_widget (editor, is_row_titled, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static void
save (GtkWidget *editor)
{
  GtkWidget *button = find_widget (editor, has_label, "_Save");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_for_frames ();
}

static SaRecord *
find_record (SaStore       *store,
             const SaTable *table,
             guint          column,
             const char    *text)
{
  g_autoptr(GPtrArray) rows = sa_store_list (store, table, NULL, NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (sa_record_get_text (g_ptr_array_index (rows, i), column), text) == 0)
      return g_object_ref (g_ptr_array_index (rows, i));
  return NULL;
}

static GtkWidget *
open_window (SaStore *store)
{
  GtkWidget *window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames ();
  return window;
}

static gboolean
is_list_view (GtkWidget  *widget,
              const char *text)
{
  return GTK_IS_LIST_VIEW (widget);
}

static void
select_outline_row (GtkWidget *window,
                    guint      position)
{
  GtkWidget *view = find_widget (window, is_list_view, NULL);
  GtkSelectionModel *model;

  g_assert_nonnull (view);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (view));
  gtk_selection_model_select_item (model, position, TRUE);
  wait_for_frames ();
}

static GtkWidget *
expand_row (GtkWidget  *window,
            const char *title)
{
  GtkWidget *row = find_widget (window, is_row_titled, title);

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  wait_for_frames ();
  return row;
}

static void
test_commitment_and_schedule (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-outline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autoptr(SaRecord) commitment = NULL;
  g_autoptr(SaRecord) edited = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  SaImportReport report;
  GtkWidget *window, *editor, *row;

  g_assert_true (sa_import_sample (store, &report, &error));
  window = open_window (store);

  /* Plan, section, goal 1, its initiative, goal 2: the fifth row. */
  select_outline_row (window, 4);
  click (window, "Add a Commitment");
  editor = find_editor ();
  g_assert_nonnull (editor);
  type_into (editor, "Text", "子育てサロンの立ち上げを支援する。");
  type_into (editor, "Target", "12か所");
  type_into (editor, "Target value", "十二");
  save (editor);

  /* Text where a number belongs is refused, at the field, and nothing is saved. */
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_nonnull (find_widget (editor, is_error_label, NULL));
  g_assert_true (gtk_widget_has_css_class (find_widget (editor, is_row_titled, "Target value"), "error"));
  g_assert_null (find_record (store, &sa_commitment_table, SA_COMMITMENT_TEXT, "子育てサロンの立ち上げを支援する。"));

  type_into (editor, "Target value", "12");
  type_into (editor, "Target unit", "か所");
  save (editor);
  g_assert_null (find_editor ());
  commitment = find_record (store, &sa_commitment_table, SA_COMMITMENT_TEXT, "子育てサロンの立ち上げを支援する。");
  g_assert_nonnull (commitment);
  g_assert_cmpint (sa_record_get_int (commitment, SA_COMMITMENT_TARGET_VALUE), ==, 12);
  g_assert_cmpstr (sa_record_get_text (commitment, SA_COMMITMENT_GOAL_ID), ==,
                   sa_record_get_text (find_record (store, &sa_commitment_table, SA_COMMITMENT_TEXT,
                                                    "交流の場を提供する。"), SA_COMMITMENT_GOAL_ID));

  /* Its schedule: a phase outside the plan's years is refused, one inside is kept. */
  row = expand_row (window, "子育てサロンの立ち上げを支援する。");
  click (row, "Add a Schedule Phase");
  editor = find_editor ();
  type_into (editor, "Phase", "拡充");
  type_into (editor, "Start fiscal year", "H21");
  type_into (editor, "End fiscal year", "2015");
  save (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_nonnull (find_widget (editor, is_error_label, NULL));
  type_into (editor, "Start fiscal year", "平成24年度");
  save (editor);
  g_assert_null (find_editor ());
  phases = sa_store_list (store, &sa_schedule_phase_table, "commitment_id", sa_record_get_id (commitment), &error);
  g_assert_cmpuint (phases->len, ==, 1);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 0), SA_SCHEDULE_PHASE_START_FY), ==, 2012);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 0), SA_SCHEDULE_PHASE_END_FY), ==, 2015);

  /* Editing the commitment changes it in place; undo brings the old text back. */
  row = find_widget (window, is_row_titled, "子育てサロンの立ち上げを支援する。");
  click (row, "Edit");
  editor = find_editor ();
  type_into (editor, "Text", "子育てサロンを支援する。");
  save (editor);
  edited = sa_store_get (store, &sa_commitment_table, sa_record_get_id (commitment), &error);
  g_assert_cmpstr (sa_record_get_text (edited, SA_COMMITMENT_TEXT), ==, "子育てサロンを支援する。");
  g_assert_nonnull (find_widget (window, is_row_titled, "子育てサロンを支援する。"));
  gtk_widget_activate_action (window, "win.undo", NULL);
  wait_for_frames ();
  g_clear_object (&edited);
  edited = sa_store_get (store, &sa_commitment_table, sa_record_get_id (commitment), &error);
  g_assert_cmpstr (sa_record_get_text (edited, SA_COMMITMENT_TEXT), ==, "子育てサロンの立ち上げを支援する。");

  /* Deleting offers Undo. */
  row = find_widget (window, is_row_titled, "子育てサロンの立ち上げを支援する。");
  click (row, "Delete");
  g_assert_null (find_widget (window, is_row_titled, "子育てサロンの立ち上げを支援する。"));
  gtk_widget_activate_action (window, "win.undo", NULL);
  wait_for_frames ();
  g_assert_nonnull (find_widget (window, is_row_titled, "子育てサロンの立ち上げを支援する。"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_frames ();
}

static gboolean
is_status_titled (GtkWidget  *widget,
                  const char *text)
{
  return ADW_IS_STATUS_PAGE (widget) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0;
}

/* An empty database says how to begin, and a plan can be entered from there. */
static void
test_new_plan (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-outline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autoptr(GPtrArray) plans = NULL;
  GtkWidget *window, *editor;

  window = open_window (store);
  g_assert_nonnull (find_widget (window, is_status_titled, "No Plan Yet"));

  gtk_widget_activate_action (window, "win.new-plan", NULL);
  wait_for_frames ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  type_into (editor, "Title", "第3期泉区地域福祉保健計画");
  type_into (editor, "Area", "泉区");
  type_into (editor, "First fiscal year", "H28");
  type_into (editor, "Last fiscal year", "平成32年度");
  save (editor);
  /* 平成32年度 never existed: the era ended in its 31st year. */
  g_assert_true (gtk_widget_get_visible (editor));
  type_into (editor, "Last fiscal year", "R2");
  save (editor);
  g_assert_null (find_editor ());

  plans = sa_store_list (store, &sa_plan_table, NULL, NULL, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (plans, 0), SA_PLAN_FIRST_FY), ==, 2016);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (plans, 0), SA_PLAN_LAST_FY), ==, 2020);
  g_assert_null (find_widget (window, is_status_titled, "No Plan Yet"));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_frames ();
}

static void
test_window_restores_size (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-outline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  GtkWidget *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = open_window (store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  wait_for_frames ();
  gtk_window_close (GTK_WINDOW (window));
  wait_for_frames ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return 77;
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/outline/commitment-and-schedule", test_commitment_and_schedule);
  g_test_add_func ("/outline/new-plan", test_new_plan);
  g_test_add_func ("/outline/window-restores-size", test_window_restores_size);
  return g_test_run ();
}
