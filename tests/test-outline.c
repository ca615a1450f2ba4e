/* test-outline.c: editing the plan outline in the window, through the real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sa-commitment.h"
#include "sa-import.h"
#include "sa-plan.h"
#include "sa-record-editor.h"
#include "sa-schedule-phase.h"
#include "sa-test-gui.h"
#include "sa-window.h"

/* Runs the main loop for a moment, long enough for animations such as an expander
 * row opening to finish. */
static void
save (GtkWidget *editor)
{
  GtkWidget *button = sa_test_find (editor, sa_test_has_label, "_Save");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sa_test_wait ();
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
  sa_test_wait ();
  return window;
}

static void
select_outline_row (GtkWidget *window,
                    guint      position)
{
  GtkWidget *view = sa_test_find (window, sa_test_is_list_view, NULL);
  GtkSelectionModel *model;

  g_assert_nonnull (view);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (view));
  gtk_selection_model_select_item (model, position, TRUE);
  sa_test_wait ();
}

static GtkWidget *
expand_row (GtkWidget  *window,
            const char *title)
{
  GtkWidget *row = sa_test_find (window, sa_test_is_row_titled, title);

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  sa_test_wait ();
  return row;
}

static void
test_commitment_and_schedule (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autoptr(SaRecord) commitment = NULL;
  g_autoptr(SaRecord) edited = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  SaImportReport report;
  GtkWidget *window, *editor, *row;

  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  g_autoptr(GPtrArray) siblings = NULL;
  GtkWidget *error_label;

  g_settings_set_string (settings, "year-format", "era");
  g_assert_true (sa_import_sample (store, &report, &error));
  window = open_window (store);

  /* Plan, section, goal 1, its initiative, goal 2: the fifth row. */
  select_outline_row (window, 4);
  sa_test_click (window, "Add a Commitment");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  g_assert_nonnull (editor);
  sa_test_type_into (editor, "Text", "子育てサロンの立ち上げを支援する。");
  sa_test_type_into (editor, "Target", "12か所");
  sa_test_type_into (editor, "Target value", "十二");
  save (editor);

  /* Text where a number belongs is refused, at the field, and nothing is saved. */
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_nonnull (sa_test_find (editor, sa_test_is_error_label, NULL));
  g_assert_true (gtk_widget_has_css_class (sa_test_find (editor, sa_test_is_row_titled, "Target value"), "error"));
  g_assert_null (find_record (store, &sa_commitment_table, SA_COMMITMENT_TEXT, "子育てサロンの立ち上げを支援する。"));

  sa_test_type_into (editor, "Target value", "12");
  sa_test_type_into (editor, "Target unit", "か所");
  save (editor);
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));
  commitment = find_record (store, &sa_commitment_table, SA_COMMITMENT_TEXT, "子育てサロンの立ち上げを支援する。");
  g_assert_nonnull (commitment);
  g_assert_cmpint (sa_record_get_int (commitment, SA_COMMITMENT_TARGET_VALUE), ==, 12);
  g_assert_cmpstr (sa_record_get_text (commitment, SA_COMMITMENT_GOAL_ID), ==,
                   sa_record_get_text (find_record (store, &sa_commitment_table, SA_COMMITMENT_TEXT,
                                                    "交流の場を提供する。"), SA_COMMITMENT_GOAL_ID));
  /* A new commitment comes after every commitment of its goal, of any actor. */
  siblings = sa_store_list (store, &sa_commitment_table, "goal_id",
                            sa_record_get_text (commitment, SA_COMMITMENT_GOAL_ID), &error);
  for (guint i = 0; i < siblings->len; i++)
    if (g_ptr_array_index (siblings, i) != NULL &&
        g_strcmp0 (sa_record_get_id (g_ptr_array_index (siblings, i)), sa_record_get_id (commitment)) != 0)
      g_assert_cmpint (sa_record_get_int (g_ptr_array_index (siblings, i), SA_COMMITMENT_POSITION), <,
                       sa_record_get_int (commitment, SA_COMMITMENT_POSITION));

  /* Its schedule: a phase outside the plan's years is refused, one inside is kept. */
  row = expand_row (window, "子育てサロンの立ち上げを支援する。");
  sa_test_click (row, "Add a Schedule Phase");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  sa_test_type_into (editor, "Phase", "拡充");
  sa_test_type_into (editor, "Start fiscal year", "H21");
  sa_test_type_into (editor, "End fiscal year", "2015");
  save (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  /* The message writes the plan's years as the window does, here in eras. */
  error_label = sa_test_find (editor, sa_test_is_error_label, NULL);
  g_assert_nonnull (error_label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "平成22年度"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "FY"));
  sa_test_type_into (editor, "Start fiscal year", "平成24年度");
  save (editor);
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));
  phases = sa_store_list (store, &sa_schedule_phase_table, "commitment_id", sa_record_get_id (commitment), &error);
  g_assert_cmpuint (phases->len, ==, 1);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 0), SA_SCHEDULE_PHASE_START_FY), ==, 2012);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 0), SA_SCHEDULE_PHASE_END_FY), ==, 2015);

  /* A new phase starts out spanning the plan's years, not 1868. */
  row = expand_row (window, "子育てサロンの立ち上げを支援する。");
  sa_test_click (row, "Add a Schedule Phase");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  sa_test_type_into (editor, "Phase", "検討");
  save (editor);
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));
  g_clear_pointer (&phases, g_ptr_array_unref);
  phases = sa_store_list (store, &sa_schedule_phase_table, "commitment_id", sa_record_get_id (commitment), &error);
  g_assert_cmpuint (phases->len, ==, 2);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 0), SA_SCHEDULE_PHASE_START_FY), ==, 2010);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 0), SA_SCHEDULE_PHASE_END_FY), ==, 2015);
  g_settings_reset (settings, "year-format");

  /* Editing the commitment changes it in place; undo brings the old text back. */
  row = sa_test_find (window, sa_test_is_row_titled, "子育てサロンの立ち上げを支援する。");
  sa_test_click (row, "Edit");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  sa_test_type_into (editor, "Text", "子育てサロンを支援する。");
  save (editor);
  edited = sa_store_get (store, &sa_commitment_table, sa_record_get_id (commitment), &error);
  g_assert_cmpstr (sa_record_get_text (edited, SA_COMMITMENT_TEXT), ==, "子育てサロンを支援する。");
  g_assert_nonnull (sa_test_find (window, sa_test_is_row_titled, "子育てサロンを支援する。"));
  gtk_widget_activate_action (window, "win.undo", NULL);
  sa_test_wait ();
  g_clear_object (&edited);
  edited = sa_store_get (store, &sa_commitment_table, sa_record_get_id (commitment), &error);
  g_assert_cmpstr (sa_record_get_text (edited, SA_COMMITMENT_TEXT), ==, "子育てサロンの立ち上げを支援する。");

  /* Deleting offers Undo. */
  row = sa_test_find (window, sa_test_is_row_titled, "子育てサロンの立ち上げを支援する。");
  sa_test_click (row, "Delete");
  g_assert_null (sa_test_find (window, sa_test_is_row_titled, "子育てサロンの立ち上げを支援する。"));
  gtk_widget_activate_action (window, "win.undo", NULL);
  sa_test_wait ();
  g_assert_nonnull (sa_test_find (window, sa_test_is_row_titled, "子育てサロンの立ち上げを支援する。"));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* An empty database says how to begin, and a plan can be entered from there. */
static void
test_new_plan (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autoptr(GPtrArray) plans = NULL;
  GtkWidget *window, *editor;

  window = open_window (store);
  g_assert_nonnull (sa_test_find (window, sa_test_is_status_titled, "No Plan Yet"));

  gtk_widget_activate_action (window, "win.new-plan", NULL);
  sa_test_wait ();
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  g_assert_nonnull (editor);
  sa_test_type_into (editor, "Title", "第3期泉区地域福祉保健計画");
  sa_test_type_into (editor, "Area", "泉区");
  sa_test_type_into (editor, "First fiscal year", "H28");
  sa_test_type_into (editor, "Last fiscal year", "平成32年度");
  save (editor);
  /* 平成32年度 never existed: the era ended in its 31st year. */
  g_assert_true (gtk_widget_get_visible (editor));
  sa_test_type_into (editor, "Last fiscal year", "R2");
  save (editor);
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));

  plans = sa_store_list (store, &sa_plan_table, NULL, NULL, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (plans, 0), SA_PLAN_FIRST_FY), ==, 2016);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (plans, 0), SA_PLAN_LAST_FY), ==, 2020);
  /* The status page fades out; give a busy machine time for it. */
  for (guint i = 0; i < 10 && sa_test_find (window, sa_test_is_status_titled, "No Plan Yet"); i++)
    sa_test_wait ();
  g_assert_null (sa_test_find (window, sa_test_is_status_titled, "No Plan Yet"));
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* Shrinking the plan's years over its phases asks first; Clip Phases shortens them
 * in the same change, Cancel writes nothing. */
static void
test_plan_years_shrink (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  SaImportReport report;
  GtkWidget *window, *editor, *dialog;

  g_assert_true (sa_import_sample (store, &report, &error));
  window = open_window (store);
  select_outline_row (window, 0);
  for (guint response = 0; response < 2; response++)
    {
      sa_test_click (window, "Edit");
      editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
      g_assert_nonnull (editor);
      sa_test_type_into (editor, "First fiscal year", "2012");
      save (editor);
      dialog = sa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "18 phases"));
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response == 0 ? "cancel" : "clip");
      sa_test_wait ();
      g_clear_pointer (&plans, g_ptr_array_unref);
      plans = sa_store_list (store, &sa_plan_table, NULL, NULL, &error);
      g_assert_cmpint (sa_record_get_int (g_ptr_array_index (plans, 0), SA_PLAN_FIRST_FY), ==,
                       response == 0 ? 2010 : 2012);
      if (response == 0)
        gtk_window_close (GTK_WINDOW (editor));
      sa_test_wait ();
    }
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));
  phases = sa_store_list (store, &sa_schedule_phase_table, NULL, NULL, &error);
  g_assert_cmpuint (phases->len, ==, 18);
  for (guint i = 0; i < phases->len; i++)
    g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, i), SA_SCHEDULE_PHASE_START_FY), ==, 2012);
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

static void
test_window_restores_size (void)
{
  g_autofree char *path = sa_test_temp_db ();
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
  sa_test_wait ();
  gtk_window_close (GTK_WINDOW (window));
  sa_test_wait ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);

  g_test_add_func ("/outline/commitment-and-schedule", test_commitment_and_schedule);
  g_test_add_func ("/outline/new-plan", test_new_plan);
  g_test_add_func ("/outline/plan-years-shrink", test_plan_years_shrink);
  g_test_add_func ("/outline/window-restores-size", test_window_restores_size);
  return g_test_run ();
}
