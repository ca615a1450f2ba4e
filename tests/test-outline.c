/* test-outline.c: editing the plan outline in the window, through the real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sa-activity.h"
#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-deleted-window.h"
#include "sa-district.h"
#include "sa-organization.h"
#include "sa-outline-pane.h"
#include "sa-store-deleted.h"
#include "sa-import.h"
#include "sa-plan.h"
#include "sa-record-editor.h"
#include "sa-schedule-phase.h"
#include "sa-store-plans.h"
#include "sa-test-gui.h"
#include "sa-toast.h"
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
  /* On a busy machine the opening takes longer than one wait; a commitment's rows
   * end with the button to add a phase. */
  for (guint i = 0; i < 10 && !sa_test_find (row, sa_test_has_tooltip, "Add a Schedule Phase"); i++)
    sa_test_wait ();
  return row;
}

static void
test_commitment_and_schedule (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
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

  /* After a phase that ends before the plan does, the next starts the year after it;
   * typing starts in the dialog's first field. */
  for (guint i = 0; i < phases->len; i++)
    g_assert_true (sa_store_set_deleted (store, &sa_schedule_phase_table,
                                         sa_record_get_id (g_ptr_array_index (phases, i)), TRUE, &error));
  sa_test_wait ();
  row = expand_row (window, "子育てサロンの立ち上げを支援する。");
  sa_test_click (row, "Add a Schedule Phase");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)),
                                         sa_test_find (editor, sa_test_is_row_titled, "Phase")));
  sa_test_type_into (editor, "Phase", "検討");
  sa_test_type_into (editor, "End fiscal year", "2011");
  save (editor);
  row = expand_row (window, "子育てサロンの立ち上げを支援する。");
  sa_test_click (row, "Add a Schedule Phase");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  sa_test_type_into (editor, "Phase", "実施");
  save (editor);
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));
  g_clear_pointer (&phases, g_ptr_array_unref);
  phases = sa_store_list (store, &sa_schedule_phase_table, "commitment_id", sa_record_get_id (commitment), &error);
  g_assert_cmpuint (phases->len, ==, 2);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 0), SA_SCHEDULE_PHASE_START_FY), ==, 2010);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 0), SA_SCHEDULE_PHASE_END_FY), ==, 2011);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 1), SA_SCHEDULE_PHASE_START_FY), ==, 2012);
  g_assert_cmpint (sa_record_get_int (g_ptr_array_index (phases, 1), SA_SCHEDULE_PHASE_END_FY), ==, 2015);

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

/* ---- deleting what records use, and Deleted Items ---------------------------------- */

static SaRecord *
add_row (SaStore       *store,
         const SaTable *table,
         const char    *name,
         const char    *actor_id)
{
  g_autoptr(SaRecord) record = sa_record_new (table);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;

  sa_record_set_id (record, id);
  sa_record_set_text (record, sa_table_find_column (table, "name"), name);
  if (actor_id != NULL)
    sa_record_set_text (record, SA_ORGANIZATION_ACTOR_ID, actor_id);
  g_assert_true (sa_store_insert (store, record, &error));
  return g_steal_pointer (&record);
}

static void
add_activity (SaStore    *store,
              const char *organization_id)
{
  g_autoptr(SaRecord) activity = sa_record_new (&sa_activity_table);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;

  sa_record_set_id (activity, id);
  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "ふれあいサロン");
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, organization_id);
  g_assert_true (sa_store_add_activity (store, activity, NULL, &error));
}

static guint
count_activities_of (SaStore    *store,
                     const char *organization_id)
{
  g_autoptr(GPtrArray) rows = sa_store_list (store, &sa_activity_table, "organization_id", organization_id, NULL);

  return rows->len;
}

/* The dialog shown now, and its body. */
static AdwMessageDialog *
message_dialog (const char *body_part)
{
  GtkWidget *dialog = sa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  if (body_part != NULL)
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), body_part));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Clicks the dialog's button labelled @label, as a person does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = sa_test_find (GTK_WIDGET (dialog), sa_test_has_label, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sa_test_wait ();
}

static gboolean
is_deleted (SaStore       *store,
            const SaTable *table,
            const char    *id)
{
  return !sa_store_exists (store, table, id, FALSE);
}

/* Deleting an organization that activities use asks, with the count; its activities
 * can move to another organization first, as one undoable step. */
/* Watches the toast that reaches the window's overlay. */
static void
on_pane_toast (AdwToast        *toast,
               AdwToastOverlay *overlay,
               gpointer         user_data)
{
  AdwToast **shown = user_data;

  g_assert_nonnull (overlay);
  *shown = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) shown);
}

static void
test_delete_asks_and_moves (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autofree char *actor_id = NULL;
  g_autoptr(SaRecord) old = NULL, new = NULL, district = NULL;
  SaImportReport report;
  GtkWidget *window, *row;
  AdwToast *shown = NULL;

  g_assert_true (sa_import_sample (store, &report, &error));
  actor_id = sa_store_lookup_id (store, &sa_actor_table, "name", "ケアプラザ", &error);
  old = add_row (store, &sa_organization_table, "旧ケアプラザ", actor_id);
  new = add_row (store, &sa_organization_table, "新ケアプラザ", actor_id);
  district = add_row (store, &sa_district_table, "岡津", NULL);
  for (guint i = 0; i < 3; i++)
    add_activity (store, sa_record_get_id (old));
  window = open_window (store);
  select_outline_row (window, 0);

  /* Cancel changes nothing. */
  row = sa_test_find (window, sa_test_is_row_titled, "旧ケアプラザ");
  sa_test_click (row, "Delete");
  respond (message_dialog ("Used by 3 activities. They keep its name, marked as deleted."), "_Cancel");
  g_assert_false (is_deleted (store, &sa_organization_table, sa_record_get_id (old)));

  /* Move Activities… then Move and Delete. */
  row = sa_test_find (window, sa_test_is_row_titled, "旧ケアプラザ");
  sa_test_click (row, "Delete");
  respond (message_dialog (NULL), "_Move Activities…");
  respond (message_dialog ("Move 3 activities of “旧ケアプラザ” to:"), "_Move and Delete");
  g_assert_true (is_deleted (store, &sa_organization_table, sa_record_get_id (old)));
  g_assert_cmpuint (count_activities_of (store, sa_record_get_id (new)), ==, 3);
  g_assert_cmpuint (count_activities_of (store, sa_record_get_id (old)), ==, 0);

  /* One Undo brings both back. */
  gtk_widget_activate_action (window, "win.undo", NULL);
  sa_test_wait ();
  g_assert_false (is_deleted (store, &sa_organization_table, sa_record_get_id (old)));
  g_assert_cmpuint (count_activities_of (store, sa_record_get_id (old)), ==, 3);

  /* Delete keeps the activities' organization, which the log shows marked. */
  row = sa_test_find (window, sa_test_is_row_titled, "旧ケアプラザ");
  sa_test_click (row, "Delete");
  respond (message_dialog (NULL), "_Delete");
  g_assert_true (is_deleted (store, &sa_organization_table, sa_record_get_id (old)));
  g_assert_cmpuint (count_activities_of (store, sa_record_get_id (old)), ==, 3);

  /* What nothing uses goes at once, without a dialog, and says so in a toast. */
  sa_toast_set_observer (on_pane_toast, &shown);
  row = sa_test_find (window, sa_test_is_row_titled, "岡津");
  sa_test_click (row, "Delete");
  g_assert_null (sa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (is_deleted (store, &sa_district_table, sa_record_get_id (district)));
  g_assert_nonnull (shown);
  sa_toast_set_observer (NULL, NULL);

  /* The toast goes with the window: nothing else keeps it. */
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
  g_assert_null (shown);
}

/* An actor goes with its commitments and organizations, and Deleted Items brings it
 * back with them. */
static void
test_actor_and_deleted_items (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autofree char *actor_id = NULL;
  g_autoptr(SaRecord) org = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autofree char *body = NULL;
  SaImportReport report;
  GtkWidget *window, *row, *deleted;

  g_assert_true (sa_import_sample (store, &report, &error));
  actor_id = sa_store_lookup_id (store, &sa_actor_table, "name", "ケアプラザ", &error);
  org = add_row (store, &sa_organization_table, "いずみ中央地域ケアプラザ", actor_id);
  commitments = sa_store_list (store, &sa_commitment_table, "actor_id", actor_id, &error);
  g_assert_cmpuint (commitments->len, >, 0);
  window = open_window (store);

  /* Nothing deleted yet: the empty state. */
  gtk_widget_activate_action (window, "win.deleted-items", NULL);
  sa_test_wait ();
  deleted = sa_test_find_toplevel (SA_TYPE_DELETED_WINDOW);
  g_assert_nonnull (deleted);
  g_assert_nonnull (sa_test_find (deleted, sa_test_is_status_titled, "No Deleted Items"));

  select_outline_row (window, 0);
  row = sa_test_find (window, sa_test_is_row_titled, "ケアプラザ");
  sa_test_click (row, "Delete");
  body = g_strdup_printf ("ケアプラザ has %u commitments, 1 organization", commitments->len);
  respond (message_dialog (body), "_Delete");
  g_assert_true (is_deleted (store, &sa_actor_table, actor_id));
  g_assert_true (is_deleted (store, &sa_organization_table, sa_record_get_id (org)));
  for (guint i = 0; i < commitments->len; i++)
    g_assert_true (is_deleted (store, &sa_commitment_table, sa_record_get_id (g_ptr_array_index (commitments, i))));

  /* Deleted Items lists the actor alone, and restores it with what went with it. */
  g_assert_nonnull (sa_test_find (deleted, sa_test_is_row_titled, "ケアプラザ"));
  g_assert_null (sa_test_find (deleted, sa_test_is_row_titled, "いずみ中央地域ケアプラザ"));
  sa_test_click (deleted, "Restore “ケアプラザ”");
  g_assert_false (is_deleted (store, &sa_actor_table, actor_id));
  g_assert_false (is_deleted (store, &sa_organization_table, sa_record_get_id (org)));
  for (guint i = 0; i < commitments->len; i++)
    g_assert_false (is_deleted (store, &sa_commitment_table, sa_record_get_id (g_ptr_array_index (commitments, i))));
  g_assert_nonnull (sa_test_find (deleted, sa_test_is_status_titled, "No Deleted Items"));

  gtk_window_destroy (GTK_WINDOW (deleted));
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* Esc on an outline form with changes asks before throwing them away. */
static void
test_editor_asks_before_discarding (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaRecord) before = NULL;
  g_autoptr(SaRecord) after = NULL;
  SaImportReport report;
  GtkWidget *window, *editor, *row;
  AdwMessageDialog *dialog;

  g_assert_true (sa_import_sample (store, &report, &error));
  before = find_record (store, &sa_commitment_table, SA_COMMITMENT_TEXT, "交流の場を提供する。");
  window = open_window (store);
  select_outline_row (window, 4);
  row = sa_test_find (window, sa_test_is_row_titled, "交流の場を提供する。");
  sa_test_click (row, "Edit");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  g_assert_nonnull (editor);

  sa_test_type_into (editor, "Text", "交流の場を広げる。");
  gtk_widget_activate_action (editor, "window.close", NULL);
  sa_test_wait ();
  dialog = message_dialog (NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard changes?");
  g_assert_true (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR) == editor);

  respond (dialog, "_Keep Editing");
  g_assert_null (sa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sa_test_find (editor, sa_test_is_row_titled, "Text"))), ==,
                   "交流の場を広げる。");

  gtk_widget_activate_action (editor, "window.close", NULL);
  sa_test_wait ();
  respond (message_dialog (NULL), "_Discard");
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));
  after = sa_store_get (store, &sa_commitment_table, sa_record_get_id (before), &error);
  g_assert_cmpstr (sa_record_get_text (after, SA_COMMITMENT_TEXT), ==, "交流の場を提供する。");
  g_assert_cmpstr (sa_record_get_hlc (after), ==, sa_record_get_hlc (before));
  g_assert_null (sa_record_get_clocks (after) ? g_hash_table_lookup (sa_record_get_clocks (after), "text") : NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* An empty database says how to begin, and a plan can be entered from there. */
static void
test_new_plan (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
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
  g_autoptr(SaStore) store = sa_store_create (path, &error);
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
      respond (ADW_MESSAGE_DIALOG (dialog), response == 0 ? "_Cancel" : "C_lip Phases");
      g_clear_pointer (&plans, g_ptr_array_unref);
      plans = sa_store_list (store, &sa_plan_table, NULL, NULL, &error);
      g_assert_cmpint (sa_record_get_int (g_ptr_array_index (plans, 0), SA_PLAN_FIRST_FY), ==,
                       response == 0 ? 2010 : 2012);
      if (response == 0)
        {
          /* The form still holds the typed year: closing it asks first. */
          gtk_window_close (GTK_WINDOW (editor));
          sa_test_wait ();
          respond (message_dialog (NULL), "_Discard");
        }
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
  g_autoptr(SaStore) store = sa_store_create (path, &error);
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

/* A plan edited in the outline can become a district's plan belonging to a ward
 * plan, but not its own. */
static void
test_district_plan (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaRecord) district = SA_RECORD (sa_district_new ());
  g_autoptr(SaRecord) plan = NULL;
  g_autofree char *plan_id = NULL;
  SaImportReport report;
  GtkWidget *window, *editor;

  g_assert_true (sa_import_sample (store, &report, &error));
  sa_record_set_text (district, SA_DISTRICT_NAME, "中川");
  g_assert_true (sa_store_insert (store, district, &error));
  plan_id = sa_store_resolve_plan (store, NULL, &error);
  window = open_window (store);
  select_outline_row (window, 0);
  sa_test_click (window, "Edit");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  g_assert_nonnull (editor);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sa_test_find (editor, sa_test_is_row_titled, "District")), 1);
  /* The plan itself is the only one to choose: refused, the editor stays. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (sa_test_find (editor, sa_test_is_row_titled, "Ward plan")), 1);
  save (editor);
  g_assert_true (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR) == editor);
  plan = sa_store_get (store, &sa_plan_table, plan_id, &error);
  g_assert_null (sa_record_get_text (plan, SA_PLAN_DISTRICT_ID));
  g_clear_object (&plan);

  adw_combo_row_set_selected (ADW_COMBO_ROW (sa_test_find (editor, sa_test_is_row_titled, "Ward plan")), 0);
  save (editor);
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));
  plan = sa_store_get (store, &sa_plan_table, plan_id, &error);
  g_assert_cmpstr (sa_record_get_text (plan, SA_PLAN_DISTRICT_ID), ==, sa_record_get_id (district));
  g_assert_null (sa_record_get_text (plan, SA_PLAN_PARENT_ID));
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);

  g_test_add_func ("/outline/commitment-and-schedule", test_commitment_and_schedule);
  g_test_add_func ("/outline/new-plan", test_new_plan);
  g_test_add_func ("/outline/editor-asks-before-discarding", test_editor_asks_before_discarding);
  g_test_add_func ("/outline/district-plan", test_district_plan);
  g_test_add_func ("/outline/delete-asks-and-moves", test_delete_asks_and_moves);
  g_test_add_func ("/outline/actor-and-deleted-items", test_actor_and_deleted_items);
  g_test_add_func ("/outline/plan-years-shrink", test_plan_years_shrink);
  g_test_add_func ("/outline/window-restores-size", test_window_restores_size);
  return g_test_run ();
}
