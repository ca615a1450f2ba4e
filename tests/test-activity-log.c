/* test-activity-log.c: the activity log and its form, driven as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "activity-fixture.h"
#include "sa-activity-form.h"
#include "sa-activity-item.h"
#include "sa-store-activity-items.h"
#include "sa-activity-columns.h"
#include "sa-activity-log.h"
#include "sa-activity.h"
#include "sa-cell-text.h"
#include "sa-commitment.h"
#include "sa-district.h"
#include "sa-organization.h"
#include "sa-record-editor.h"
#include "sa-test-gui.h"
#include "sa-toast.h"
#include "sasaeai-resources.h"

#define N_ACTIVITIES 300

typedef struct
{
  char        *path;
  SaStore     *store;
  SaContext   *context;
  SaUndoStack *undo_stack;             /* the context's */
  GtkWidget   *window;
  GtkWidget   *log;
  GPtrArray   *toasts;
} Fixture;

/* ---- Finding widgets and waiting ------------------------------------------------ */

static void
spin (void)
{
  for (guint i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Runs the main loop until @condition holds: the search entry waits a moment before
 * it searches. */
#define WAIT_FOR(condition)                                                \
  G_STMT_START {                                                           \
    SA_TEST_WAIT_FOR (condition);                                          \
    spin ();                                                               \
  } G_STMT_END

static SaActivityForm *
open_form (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SA_IS_ACTIVITY_FORM (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return SA_ACTIVITY_FORM (window);
    }
  return NULL;
}

/* ---- Fixture -------------------------------------------------------------------- */

/* Keeps each toast that reaches the window's overlay. */
static void
on_toast (AdwToast        *toast,
          AdwToastOverlay *overlay,
          gpointer         user_data)
{
  Fixture *fixture = user_data;

  g_assert_nonnull (overlay);
  g_ptr_array_add (fixture->toasts, g_object_ref (toast));
}

static void
show_log (Fixture *fixture)
{
  GtkWidget *overlay;

  fixture->context = sa_context_new (fixture->store);
  fixture->undo_stack = g_object_ref (sa_context_get_undo_stack (fixture->context));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  fixture->log = sa_activity_log_new (fixture->context);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), fixture->log);
  sa_toast_set_observer (on_toast, fixture);
  /* libadwaita 1.2 asserts when a toast goes while the one it displaced is still
   * animating out, as the test's quick Undo would have it. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  WAIT_FOR (!sa_activity_log_is_loading (SA_ACTIVITY_LOG (fixture->log)));
  spin ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = fixture_temp_db ("log");
  fixture->store = sa_store_create (fixture->path, &error);
  g_assert_no_error (error);
  fixture->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  fixture_add_places (fixture->store);
  if (GPOINTER_TO_UINT (data) > 0)
    fixture_add_activities (fixture->store, GPOINTER_TO_UINT (data), 20120520);
  show_log (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  SaActivityForm *form;

  while ((form = open_form ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  sa_toast_set_observer (NULL, NULL);
  g_ptr_array_unref (fixture->toasts);
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->undo_stack);
  g_assert_finalize_object (fixture->store);
  fixture_remove_db (fixture->path);
  g_free (fixture->path);
}

static GListModel *
shown (Fixture *fixture)
{
  return sa_activity_log_get_model (SA_ACTIVITY_LOG (fixture->log));
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (shown (fixture));
}

static const char *
footer_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (sa_test_find_id (fixture->log, "footer")));
}

static const char *
visible_page (Fixture    *fixture,
              const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (sa_test_find_id (fixture->log, stack)));
}

static void
search (Fixture    *fixture,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sa_test_find_id (fixture->log, "search_entry")), text);
}

static SaActivityItem *
shown_item (Fixture *fixture,
            guint    position)
{
  SaActivityItem *item = g_list_model_get_item (shown (fixture), position);

  g_object_unref (item);  /* the model keeps it */
  return item;
}

static int
shown_position (Fixture    *fixture,
                const char *id)
{
  for (guint i = 0; i < n_shown (fixture); i++)
    if (g_str_equal (sa_activity_item_get_id (shown_item (fixture, i)), id))
      return (int) i;
  return -1;
}

static GtkSelectionModel *
selection (Fixture *fixture)
{
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (sa_test_find_id (fixture->log, "column_view")));
}

static void
select_only (Fixture    *fixture,
             const char *id)
{
  int position = shown_position (fixture, id);

  g_assert_cmpint (position, >=, 0);
  gtk_selection_model_select_item (selection (fixture), position, TRUE);
}

/* Every activity as the database has it, for comparing before and after. */
static char *
store_contents (Fixture *fixture)
{
  g_autoptr(GPtrArray) activities = sa_store_list_activities (fixture->store, NULL, NULL, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < activities->len; i++)
    {
      SaRecord *activity = g_ptr_array_index (activities, i);
      g_auto(GStrv) links = sa_store_dup_activity_commitments (fixture->store, sa_record_get_id (activity), NULL);
      g_autofree char *joined = g_strjoinv (",", links);

      g_string_append_printf (text, "%s %s %s %" G_GINT64_FORMAT " %s %s\n", sa_record_get_id (activity),
                              sa_record_get_hlc (activity), sa_record_get_text (activity, SA_ACTIVITY_TITLE),
                              sa_record_get_int (activity, SA_ACTIVITY_PARTICIPANTS),
                              sa_record_get_clock (activity, "participants"), joined);
    }
  return g_string_free (text, FALSE);
}

static gboolean
is_deleted (Fixture    *fixture,
            const char *id)
{
  g_autoptr(SaRecord) record = sa_store_get (fixture->store, &sa_activity_table, id, NULL);

  return sa_record_get_deleted (record);
}

static SaRecord *
activity_titled (Fixture    *fixture,
                 const char *title)
{
  g_autoptr(GPtrArray) activities = sa_store_list_activities (fixture->store, NULL, NULL, NULL);

  for (guint i = 0; i < activities->len; i++)
    if (g_str_equal (sa_record_get_text (g_ptr_array_index (activities, i), SA_ACTIVITY_TITLE), title))
      return g_object_ref (g_ptr_array_index (activities, i));
  return NULL;
}

/* ---- The form ------------------------------------------------------------------- */

static void
type_into (SaActivityForm *form,
           const char     *field,
           const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sa_test_find_id (GTK_WIDGET (form), field)), text);
}

static const char *
field_text (SaActivityForm *form,
            const char     *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (sa_test_find_id (GTK_WIDGET (form), field)));
}

static void
choose (SaActivityForm *form,
        const char     *combo,
        const char     *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (sa_test_find_id (GTK_WIDGET (form), combo));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("No “%s” in %s", label, combo);
}

static const char *
chosen_label (SaActivityForm *form,
              const char     *combo)
{
  AdwComboRow *row = ADW_COMBO_ROW (sa_test_find_id (GTK_WIDGET (form), combo));

  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

static GtkListBoxRow *
first_shown_row (GtkListBox *list)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      return row;
  return NULL;
}

static guint
n_shown_rows (GtkListBox *list)
{
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    n += gtk_widget_get_child_visible (GTK_WIDGET (row));
  return n;
}

/* Searches the commitments and ticks the first one found; returns its text. */
static char *
tick_commitment (SaActivityForm *form,
                 const char     *search_text)
{
  GtkListBox *list = GTK_LIST_BOX (sa_test_find_id (GTK_WIDGET (form), "commitment_list"));
  guint all = n_shown_rows (list);
  GtkListBoxRow *row;

  gtk_editable_set_text (GTK_EDITABLE (sa_test_find_id (GTK_WIDGET (form), "commitment_search")), search_text);
  WAIT_FOR (n_shown_rows (list) < all);
  row = first_shown_row (list);
  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sa_test_find_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON)), TRUE);
  return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
count_click (GtkButton *button,
             guint     *clicks)
{
  (*clicks)++;
}

/* Enter in the search moves to the results with the first selected: Delete then
 * deletes what was found, as a person expects after typing a search and Enter. */
static void
test_search_enter_selects_first (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *entry = sa_test_find_id (fixture->log, "search_entry");
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (entry));
  g_autofree char *id = NULL;
  GtkWidget *focus;

  search (fixture, sa_activity_item_get_title (shown_item (fixture, 2)));
  WAIT_FOR (n_shown (fixture) >= 1);
  id = g_strdup (sa_activity_item_get_id (shown_item (fixture, 0)));
  gtk_widget_grab_focus (entry);
  g_signal_emit_by_name (delegate, "activate");
  spin ();

  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 0));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, sa_test_find_id (fixture->log, "column_view")));
  g_assert_true (gtk_widget_activate_action (focus, "log.delete", NULL));
  WAIT_FOR (shown_position (fixture, id) < 0);
  g_assert_false (sa_store_exists (fixture->store, &sa_activity_table, id, FALSE));
}

/* Presses Enter in a field, as GtkText's key binding does: the form's default
 * widget, Save, is activated, which a button does a moment later. */
static void
press_enter_in (SaActivityForm *form,
                const char     *field)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (sa_test_find_id (GTK_WIDGET (form), field)));
  GtkWidget *save = sa_test_find_id (GTK_WIDGET (form), "save_button");
  guint clicks = 0;
  gulong handler = g_signal_connect (save, "clicked", G_CALLBACK (count_click), &clicks);

  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (form)) == save);
  g_signal_emit_by_name (delegate, "activate");
  WAIT_FOR (clicks == 1);
  if (open_form () == form)
    g_signal_handler_disconnect (save, handler);
}

static const char *
error_under (SaActivityForm *form,
             const char     *field)
{
  g_autofree char *id = g_strconcat (field, "_error", NULL);
  GtkWidget *label = sa_test_find_id (GTK_WIDGET (form), id);
  GtkWidget *container = GTK_IS_LIST_BOX_ROW (gtk_widget_get_parent (label)) ? gtk_widget_get_parent (label) : label;
  g_autofree char *row_id = g_strconcat (field, "_row", NULL);
  GtkWidget *row = sa_test_lookup_id (GTK_WIDGET (form), row_id);

  if (!gtk_widget_get_visible (container))
    {
      g_assert_true (row == NULL || !gtk_widget_has_css_class (row, "error"));
      return NULL;
    }
  g_assert_true (row == NULL || gtk_widget_has_css_class (row, "error"));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The discard question open over the form, if any. */
static AdwMessageDialog *
discard_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

/* ---- Tests ---------------------------------------------------------------------- */

typedef gboolean (*ItemTest) (SaActivityItem *item, gconstpointer data);

/* How many activities in the database pass @test, read independently of the log. */
static guint
count_items (Fixture       *fixture,
             ItemTest       test,
             gconstpointer  data)
{
  g_autoptr(GListModel) items = sa_store_load_activity_items (fixture->store, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SaActivityItem) item = g_list_model_get_item (items, i);
      n += test (item, data);
    }
  return n;
}

static gboolean
mentions (SaActivityItem *item,
          gconstpointer   word)
{
  const char *texts[] = { sa_activity_item_get_title (item), sa_activity_item_get_place (item),
                          sa_activity_item_get_notes (item), sa_activity_item_get_organization_name (item) };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && strstr (texts[i], word) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  SaActivityForm *form;

  /* An empty log says how to add the first activity, and its button does. */
  g_assert_cmpstr (visible_page (fixture, "stack"), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (sa_test_find_id (fixture->log, "empty_page")));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (sa_test_find_id (fixture->log, "empty_page"))), ==,
                   "No Activities Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (sa_test_find_id (fixture->log, "empty_page"))),
                            "Ctrl+N"));
  g_assert_null (open_form ());
  gtk_widget_activate (sa_test_find_id (fixture->log, "empty_button"));
  WAIT_FOR ((form = open_form ()) != NULL);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (form)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (form)));

  /* The first activity replaces the empty page by the list. */
  type_into (form, "title_row", "ふれあいサロン");
  press_enter_in (form, "title_row");
  WAIT_FOR (open_form () == NULL && n_shown (fixture) == 1);
  g_assert_cmpstr (visible_page (fixture, "stack"), ==, "log");
  g_assert_cmpstr (footer_text (fixture), ==, "1 activity · 0 participants");
}

static void
test_add_find_edit_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  g_autoptr(SaRecord) added = NULL;
  g_autoptr(SaRecord) edited = NULL;
  g_autofree char *org_id = fixture_organization_id (fixture->store, "中川地域ケアプラザ");
  g_autofree char *district_id = fixture_district_id (fixture->store, "中川");
  g_auto(GStrv) links = NULL;
  g_autofree char *id = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *commitment = NULL;
  SaActivityForm *form;
  AdwToast *toast;
  guint n_mentions;
  int position;

  g_assert_cmpstr (visible_page (fixture, "stack"), ==, "log");
  g_assert_cmpuint (n_shown (fixture), ==, N_ACTIVITIES);

  /* Add through the form: the date as typed with slashes, a full-width count. */
  sa_activity_log_new_activity (SA_ACTIVITY_LOG (fixture->log), NULL);
  form = open_form ();
  g_assert_nonnull (form);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (form)), ==, "New Activity");
  type_into (form, "date_row", "2012/5/20");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sa_test_find_id (GTK_WIDGET (form), "date_hint"))), ==, "2012-05-20 (Sunday)");
  type_into (form, "title_row", "地域の縁側サロン");
  type_into (form, "place_row", "中川地区センター");
  choose (form, "organization_row", "中川地域ケアプラザ");
  choose (form, "district_row", "中川");
  type_into (form, "participants_row", "２５");
  type_into (form, "volunteers_row", "4");
  commitment = tick_commitment (form, "あいさつ");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sa_test_find_id (GTK_WIDGET (form), "notes_view"))),
                            "住民と協働で企画した\n", -1);
  g_assert_null (error_under (form, "participants"));
  press_enter_in (form, "title_row");
  WAIT_FOR (open_form () == NULL && n_shown (fixture) == N_ACTIVITIES + 1);

  added = activity_titled (fixture, "地域の縁側サロン");
  g_assert_nonnull (added);
  id = g_strdup (sa_record_get_id (added));
  g_assert_cmpstr (sa_record_get_text (added, SA_ACTIVITY_DATE), ==, "2012-05-20");
  g_assert_cmpstr (sa_record_get_text (added, SA_ACTIVITY_PLACE), ==, "中川地区センター");
  g_assert_cmpstr (sa_record_get_text (added, SA_ACTIVITY_ORGANIZATION_ID), ==, org_id);
  g_assert_cmpstr (sa_record_get_text (added, SA_ACTIVITY_DISTRICT_ID), ==, district_id);
  g_assert_cmpint (sa_record_get_int (added, SA_ACTIVITY_PARTICIPANTS), ==, 25);
  g_assert_cmpint (sa_record_get_int (added, SA_ACTIVITY_VOLUNTEERS), ==, 4);
  g_assert_cmpstr (sa_record_get_text (added, SA_ACTIVITY_NOTES), ==, "住民と協働で企画した");
  links = sa_store_dup_activity_commitments (fixture->store, id, NULL);
  g_assert_cmpuint (g_strv_length (links), ==, 1);
  {
    g_autoptr(SaRecord) linked = sa_store_get (fixture->store, &sa_commitment_table, links[0], NULL);
    g_assert_cmpstr (sa_record_get_text (linked, SA_COMMITMENT_TEXT), ==, commitment);
  }
  /* One change to undo, the organization remembered, the new row selected. */
  g_assert_cmpstr (sa_undo_stack_get_undo_label (fixture->undo_stack), ==, "Add Activity");
  {
    g_autofree char *last = g_settings_get_string (settings, "last-organization");
    g_assert_cmpstr (last, ==, org_id);
  }
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), shown_position (fixture, id)));

  /* Find it by search: any substring, and a two-character word inside a longer text. */
  search (fixture, "縁側");
  WAIT_FOR (n_shown (fixture) == 1);
  g_assert_cmpstr (sa_activity_item_get_id (shown_item (fixture, 0)), ==, id);
  g_assert_cmpstr (footer_text (fixture), ==, "1 of 301 activities · 25 participants");
  /* Hiragana finds katakana, as typed without converting. */
  search (fixture, "縁側さろん");
  WAIT_FOR (n_shown (fixture) == 1);
  g_assert_cmpstr (sa_activity_item_get_id (shown_item (fixture, 0)), ==, id);
  n_mentions = count_items (fixture, mentions, "協働");
  g_assert_cmpuint (n_mentions, >, 1);
  g_assert_cmpuint (n_mentions, <, N_ACTIVITIES);
  search (fixture, "協働");
  WAIT_FOR (n_shown (fixture) == n_mentions);
  g_assert_cmpint (shown_position (fixture, id), >=, 0);
  for (guint i = 0; i < n_shown (fixture); i++)
    g_assert_true (mentions (shown_item (fixture, i), "協働"));
  /* Typing on narrows what is shown. */
  search (fixture, "協働で企画した夏");
  WAIT_FOR (n_shown (fixture) == count_items (fixture, mentions, "協働で企画した夏"));
  g_assert_cmpint (shown_position (fixture, id), ==, -1);
  search (fixture, "");
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES + 1);

  /* Edit through the same form, opened by activating the row. */
  g_signal_emit_by_name (sa_test_find_id (fixture->log, "column_view"), "activate", shown_position (fixture, id));
  form = open_form ();
  g_assert_nonnull (form);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (form)), ==, "Edit Activity");
  g_assert_cmpstr (field_text (form, "title_row"), ==, "地域の縁側サロン");
  g_assert_cmpstr (field_text (form, "date_row"), ==, "2012-05-20");
  g_assert_cmpstr (field_text (form, "participants_row"), ==, "25");
  g_assert_cmpstr (chosen_label (form, "organization_row"), ==, "中川地域ケアプラザ");
  g_assert_cmpstr (chosen_label (form, "district_row"), ==, "中川");
  type_into (form, "participants_row", "30");
  type_into (form, "title_row", "地域の縁側サロン（拡大版）");
  press_enter_in (form, "participants_row");
  WAIT_FOR (open_form () == NULL);
  edited = sa_store_get (fixture->store, &sa_activity_table, id, NULL);
  g_assert_cmpint (sa_record_get_int (edited, SA_ACTIVITY_PARTICIPANTS), ==, 30);
  g_assert_cmpstr (sa_record_get_text (edited, SA_ACTIVITY_TITLE), ==, "地域の縁側サロン（拡大版）");
  g_assert_cmpstr (sa_record_get_text (edited, SA_ACTIVITY_PLACE), ==, "中川地区センター");
  WAIT_FOR (sa_activity_item_get_participants (shown_item (fixture, shown_position (fixture, id))) == 30);
  g_assert_cmpuint (n_shown (fixture), ==, N_ACTIVITIES + 1);
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), shown_position (fixture, id)));

  /* Delete it: no question, a toast whose Undo brings it back. */
  footer = g_strdup (footer_text (fixture));
  position = shown_position (fixture, id);
  select_only (fixture, id);
  sa_activity_log_delete_selected (SA_ACTIVITY_LOG (fixture->log));
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES);
  g_assert_cmpint (shown_position (fixture, id), ==, -1);
  /* The row that took its place is selected, so Delete can go on down the list. */
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), position));
  g_assert_true (is_deleted (fixture, id));
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  toast = g_ptr_array_index (fixture->toasts, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“地域の縁側サロン（拡大版）” deleted");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_signal_emit_by_name (toast, "button-clicked");
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES + 1);
  g_assert_false (is_deleted (fixture, id));
  g_assert_cmpstr (footer_text (fixture), ==, footer);

  /* The Delete key deletes the selection; the undo stack brings it back too. */
  select_only (fixture, id);
  g_assert_true (gtk_widget_activate_action (sa_test_find_id (fixture->log, "column_view"), "log.delete", NULL));
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES);
  g_assert_true (sa_undo_stack_undo (fixture->undo_stack, NULL));
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES + 1);
  g_assert_cmpint (shown_position (fixture, id), >=, 0);
}

static void
test_refuses_bad_values (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *before = store_contents (fixture);
  g_autofree char *after = NULL;
  SaActivityForm *form;

  gtk_selection_model_select_item (selection (fixture), 0, TRUE);
  sa_activity_log_edit_selected (SA_ACTIVITY_LOG (fixture->log));
  form = open_form ();
  g_assert_nonnull (form);
  g_assert_null (error_under (form, "participants"));

  /* A count is checked as it is typed, and nothing is saved while it is wrong. */
  type_into (form, "participants_row", "-3");
  g_assert_cmpstr (error_under (form, "participants"), ==, "Participants must be from 0 to 1000000, not -3");
  press_enter_in (form, "title_row");
  g_assert_true (open_form () == form);
  type_into (form, "participants_row", "25人");
  g_assert_cmpstr (error_under (form, "participants"), ==, "Participants must be a whole number, not “25人”");
  /* Tab from a field with its message under it goes on to the next field; Tab follows
   * the fields' places, so the form is laid out with the message first. */
  sa_test_wait ();
  gtk_widget_grab_focus (sa_test_find_id (GTK_WIDGET (form), "participants_row"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (form), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (form)), sa_test_find_id (GTK_WIDGET (form), "volunteers_row")));
  type_into (form, "volunteers_row", "abc");
  g_assert_cmpstr (error_under (form, "volunteers"), ==, "Volunteers must be a whole number, not “abc”");
  press_enter_in (form, "title_row");
  g_assert_true (open_form () == form);

  /* Other fields say what is wrong when saving. */
  type_into (form, "participants_row", "12");
  type_into (form, "volunteers_row", "");
  g_assert_null (error_under (form, "participants"));
  type_into (form, "title_row", "  ");
  type_into (form, "date_row", "2011/2/29");
  press_enter_in (form, "title_row");
  g_assert_true (open_form () == form);
  g_assert_cmpstr (error_under (form, "title"), ==, "Title must not be empty");
  g_assert_cmpstr (error_under (form, "date"), ==, "“2011/2/29” is not a date that exists");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (sa_test_find_id (GTK_WIDGET (form), "date_row"))))));
  type_into (form, "date_row", "5/20");
  g_assert_null (error_under (form, "date"));

  /* Cancelling, once the person says to discard the changes, writes nothing either. */
  gtk_widget_activate_action (GTK_WIDGET (form), "window.close", NULL);
  answer (discard_dialog (), "_Discard");
  g_assert_null (open_form ());
  after = store_contents (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (sa_undo_stack_get_can_undo (fixture->undo_stack));
}

static void
test_form_dates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SaRecord) added = NULL;
  SaActivityForm *form;
  GDate date;

  /* A form opened on a day, as the calendar view will: a month and day fall in its year. */
  g_date_set_dmy (&date, 1, G_DATE_APRIL, 2012);
  sa_activity_log_new_activity (SA_ACTIVITY_LOG (fixture->log), &date);
  form = open_form ();
  g_assert_cmpstr (field_text (form, "date_row"), ==, "2012-04-01");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sa_test_find_id (GTK_WIDGET (form), "date_hint"))), ==, "Sunday");
  type_into (form, "date_row", "１２月２４日");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sa_test_find_id (GTK_WIDGET (form), "date_hint"))), ==, "2012-12-24 (Monday)");
  type_into (form, "date_row", "12/");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sa_test_find_id (GTK_WIDGET (form), "date_hint"))), ==, "");

  /* The calendar's day goes into the field. */
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2012, 6, 3, 0, 0, 0);
    gtk_calendar_select_day (GTK_CALENDAR (sa_test_find_id (GTK_WIDGET (form), "calendar")), day);
  }
  g_assert_cmpstr (field_text (form, "date_row"), ==, "2012-06-03");
  type_into (form, "title_row", "七夕の飾りつけ");
  press_enter_in (form, "title_row");
  WAIT_FOR (open_form () == NULL);
  added = activity_titled (fixture, "七夕の飾りつけ");
  g_assert_cmpstr (sa_record_get_text (added, SA_ACTIVITY_DATE), ==, "2012-06-03");
  g_assert_null (sa_record_get_text (added, SA_ACTIVITY_ORGANIZATION_ID));
  g_assert_cmpint (sa_record_get_int (added, SA_ACTIVITY_PARTICIPANTS), ==, 0);
}

static guint
choice_index (GtkDropDown *dropdown,
              const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return i;
  g_error ("No “%s” offered", label);
}

static gboolean
in_fy2012 (SaActivityItem *item,
           gconstpointer   data)
{
  return g_strcmp0 (sa_activity_item_get_date (item), "2012-04-01") >= 0 &&
         g_strcmp0 (sa_activity_item_get_date (item), "2013-03-31") <= 0;
}

static gboolean
in_fy2012_by (SaActivityItem *item,
              gconstpointer   organization)
{
  return in_fy2012 (item, NULL) && g_strcmp0 (sa_activity_item_get_organization_name (item), organization) == 0;
}

static gboolean
in_fy2012_by_in (SaActivityItem *item,
                 gconstpointer   district)
{
  return in_fy2012_by (item, "中川地域ケアプラザ") &&
         g_strcmp0 (sa_activity_item_get_district_name (item), district) == 0;
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkDropDown *years = GTK_DROP_DOWN (sa_test_find_id (fixture->log, "year_dropdown"));
  GtkDropDown *organizations = GTK_DROP_DOWN (sa_test_find_id (fixture->log, "organization_dropdown"));
  GtkDropDown *districts = GTK_DROP_DOWN (sa_test_find_id (fixture->log, "district_dropdown"));
  GtkDropDown *commitments = GTK_DROP_DOWN (sa_test_find_id (fixture->log, "commitment_dropdown"));
  guint n_year, n_org;

  /* "All" first, then the plan's years, newest first. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (years)), 0), ==, "All Years");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (years)), 1), ==, "FY2015");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (years)), 6), ==, "FY2010");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (organizations)), 0), ==,
                   "All Organizations");

  gtk_drop_down_set_selected (years, choice_index (years, "FY2012"));
  n_year = count_items (fixture, in_fy2012, NULL);
  WAIT_FOR (n_shown (fixture) == n_year);
  g_assert_cmpuint (n_year, >, 20);
  g_assert_cmpuint (n_year, <, N_ACTIVITIES);

  gtk_drop_down_set_selected (organizations, choice_index (organizations, "中川地域ケアプラザ"));
  n_org = count_items (fixture, in_fy2012_by, "中川地域ケアプラザ");
  WAIT_FOR (n_shown (fixture) == n_org);
  g_assert_cmpuint (n_org, <, n_year);
  for (guint i = 0; i < n_shown (fixture); i++)
    g_assert_true (in_fy2012_by (shown_item (fixture, i), "中川地域ケアプラザ"));

  gtk_drop_down_set_selected (districts, choice_index (districts, "中田"));
  WAIT_FOR (n_shown (fixture) == count_items (fixture, in_fy2012_by_in, "中田"));

  /* Filters that hide everything say so, and offer to clear them. */
  search (fixture, "存在しない言葉");
  WAIT_FOR (n_shown (fixture) == 0);
  g_assert_cmpstr (visible_page (fixture, "results_stack"), ==, "no-match");
  g_assert_cmpstr (visible_page (fixture, "stack"), ==, "log");
  g_assert_true (gtk_widget_activate_action (fixture->log, "log.clear-filters", NULL));
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES);
  g_assert_cmpstr (visible_page (fixture, "results_stack"), ==, "list");
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 0);

  /* A commitment shows the activities that advance it. */
  gtk_drop_down_set_selected (commitments, 1);
  WAIT_FOR (n_shown (fixture) < N_ACTIVITIES);
  g_assert_cmpuint (n_shown (fixture), >, 0);
  for (guint i = 0; i < n_shown (fixture); i++)
    g_assert_cmpuint (sa_activity_item_get_commitment_rank (shown_item (fixture, i)), ==, 1);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (sa_test_find_id (fixture->log, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) participants = g_list_model_get_item (columns, 4);

  /* Newest first by default. */
  for (guint i = 1; i < n_shown (fixture); i++)
    g_assert_cmpuint (sa_activity_item_get_day (shown_item (fixture, i - 1)), >=,
                      sa_activity_item_get_day (shown_item (fixture, i)));

  g_assert_cmpstr (gtk_column_view_column_get_title (participants), ==, "Participants");
  gtk_column_view_sort_by_column (view, participants, GTK_SORT_ASCENDING);
  spin ();
  for (guint i = 1; i < n_shown (fixture); i++)
    g_assert_cmpuint (sa_activity_item_get_participants (shown_item (fixture, i - 1)), <=,
                      sa_activity_item_get_participants (shown_item (fixture, i)));
}

/* The title each row widget shows, top row first. */
static GPtrArray *
titles_on_screen (Fixture *fixture)
{
  GtkWidget *view = sa_test_find_id (fixture->log, "column_view");
  GPtrArray *titles = g_ptr_array_new ();

  for (GtkWidget *list = gtk_widget_get_first_child (view); list; list = gtk_widget_get_next_sibling (list))
    if (GTK_IS_LIST_VIEW (list))
      for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
        {
          /* Date, then title: each cell holds one widget. */
          GtkWidget *cell = gtk_widget_get_next_sibling (gtk_widget_get_first_child (row));
          g_ptr_array_add (titles, (gpointer) sa_cell_text_get_text (SA_CELL_TEXT (gtk_widget_get_first_child (cell))));
        }
  return titles;
}

static void
assert_rows_show_items (Fixture *fixture)
{
  g_autoptr(GPtrArray) titles = NULL;

  spin ();
  titles = titles_on_screen (fixture);
  g_assert_cmpuint (titles->len, >, 0);
  for (guint i = 0; i < titles->len && i < n_shown (fixture); i++)
    g_assert_cmpstr (g_ptr_array_index (titles, i), ==, sa_activity_item_get_title (shown_item (fixture, i)));
}

static guint
n_selected (Fixture *fixture)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection (fixture));

  return (guint) gtk_bitset_get_size (selected);
}

/* Rows are kept while searches and sorts pass other activities through them: the
 * cells show what the model holds, and the selection goes with its activity. */
static void
test_rows_follow_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (sa_test_find_id (fixture->log, "column_view"));
  g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
  g_autoptr(GtkColumnViewColumn) date = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  g_autofree char *id = NULL;
  guint all = n_shown (fixture);

  assert_rows_show_items (fixture);
  /* The tenth newest; its title is a search that keeps it. */
  id = g_strdup (sa_activity_item_get_id (shown_item (fixture, 9)));
  select_only (fixture, id);
  search (fixture, sa_activity_item_get_title (shown_item (fixture, 9)));
  WAIT_FOR (n_shown (fixture) < all);
  assert_rows_show_items (fixture);
  g_assert_cmpuint (n_selected (fixture), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), shown_position (fixture, id)));

  gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
  assert_rows_show_items (fixture);
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), shown_position (fixture, id)));

  /* A search that hides it drops it from the selection; none other is selected. */
  search (fixture, "no activity has this title");
  WAIT_FOR (n_shown (fixture) == 0);
  search (fixture, "");
  WAIT_FOR (n_shown (fixture) == all);
  assert_rows_show_items (fixture);
  g_assert_cmpuint (n_selected (fixture), ==, 0);

  gtk_column_view_sort_by_column (view, date, GTK_SORT_DESCENDING);
  assert_rows_show_items (fixture);
}

/* Changes made elsewhere, through the same store, show without a reload. */
static void
test_changes_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;
  g_autofree char *org_id = fixture_organization_id (fixture->store, "泉区役所");
  g_autoptr(SaRecord) org = sa_store_get (fixture->store, &sa_organization_table, org_id, NULL);
  g_autoptr(SaRecord) renamed = sa_record_copy (org);
  const char *id;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2014-07-07");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "七夕まつり");
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, org_id);
  g_assert_true (sa_store_add_activity (fixture->store, activity, NULL, &error));
  id = sa_record_get_id (activity);
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES + 1);
  g_assert_cmpstr (sa_activity_item_get_organization_name (shown_item (fixture, shown_position (fixture, id))), ==,
                   "泉区役所");

  /* Linking it to a commitment reads its row again, and that row alone: the others
   * keep their items. */
  {
    g_autoptr(GPtrArray) commitments = sa_store_list (fixture->store, &sa_commitment_table, NULL, NULL, NULL);
    const char *links[] = { sa_record_get_id (g_ptr_array_index (commitments, 0)), NULL };
    g_autoptr(SaActivityItem) other = g_object_ref (shown_item (fixture, shown_position (fixture, id) == 0 ? 1 : 0));

    g_assert_cmpuint (sa_activity_item_get_n_commitments (shown_item (fixture, shown_position (fixture, id))), ==, 0);
    g_assert_true (sa_store_set_activity_commitments (fixture->store, id, links, &error));
    WAIT_FOR (sa_activity_item_get_n_commitments (shown_item (fixture, shown_position (fixture, id))) == 1);
    g_assert_true (shown_item (fixture, shown_position (fixture, sa_activity_item_get_id (other))) == other);
  }

  sa_record_set_text (renamed, SA_ORGANIZATION_NAME, "泉区福祉保健センター");
  g_assert_true (sa_store_update (fixture->store, renamed, &error));
  WAIT_FOR (g_strcmp0 (sa_activity_item_get_organization_name (shown_item (fixture, shown_position (fixture, id))),
                       "泉区福祉保健センター") == 0);

  g_assert_true (sa_store_set_deleted (fixture->store, &sa_activity_table, id, TRUE, &error));
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES);
  g_assert_no_error (error);
}

/* The log is made without reading the activities: the window shows it at once, saying
 * it is loading, and it fills from another thread with every activity, and with one
 * written meanwhile. */
static void
test_fills_after_shown (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *log = sa_activity_log_new (fixture->context);
  GListModel *rows = sa_activity_log_get_model (SA_ACTIVITY_LOG (log));
  GtkStack *stack = GTK_STACK (sa_test_find_id (log, "stack"));
  GtkSpinner *spinner = GTK_SPINNER (sa_test_find_id (log, "spinner"));
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;

  gtk_window_set_child (GTK_WINDOW (window), log);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sa_activity_log_is_loading (SA_ACTIVITY_LOG (log)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  /* The table is there, empty, under the spinner. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "log");
  g_assert_true (gtk_spinner_get_spinning (spinner));
  g_assert_true (gtk_widget_get_visible (sa_test_find_id (log, "loading_box")));

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2014-07-07");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "読み込み中の七夕まつり");
  g_assert_true (sa_store_add_activity (fixture->store, activity, NULL, &error));
  g_assert_no_error (error);

  WAIT_FOR (!sa_activity_log_is_loading (SA_ACTIVITY_LOG (log)));
  WAIT_FOR (g_list_model_get_n_items (rows) == N_ACTIVITIES + 1);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, N_ACTIVITIES + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "log");
  /* Hidden but spinning, it would keep the window drawing frames for ever. */
  g_assert_false (gtk_spinner_get_spinning (spinner));
  g_assert_false (gtk_widget_get_visible (sa_test_find_id (log, "loading_box")));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Sorting each column, deleting in place ------------------------------------- */

static char *
add_titled (Fixture    *fixture,
            const char *title,
            const char *date,
            const char *time,
            int         participants)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  if (time != NULL)
    sa_record_set_text (activity, SA_ACTIVITY_TIME, time);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, participants);
  g_assert_true (sa_store_add_activity (fixture->store, activity, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (sa_record_get_id (activity));
}

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b))

/* Each column's order as a person expects it, written apart from the log's: the
 * column's value, then the date and time (by date: then the title). */
static int
expected_order (guint           column,
                SaActivityItem *a,
                SaActivityItem *b)
{
  const char *name_a, *name_b;
  int order = 0;

  switch (column)
    {
    case 1:
      order = strcmp (sa_activity_item_get_search_key (a), sa_activity_item_get_search_key (b));
      break;
    case 2:
      name_a = sa_activity_item_get_organization_name (a);
      name_b = sa_activity_item_get_organization_name (b);
      order = !name_a || !name_b ? CMP (name_a == NULL, name_b == NULL) : strcmp (name_a, name_b);
      break;
    case 3:
      order = CMP (sa_activity_item_get_district_position (a), sa_activity_item_get_district_position (b));
      if (order == 0)
        order = g_strcmp0 (sa_activity_item_get_district_name (a), sa_activity_item_get_district_name (b));
      break;
    case 4:
      order = CMP (sa_activity_item_get_participants (a), sa_activity_item_get_participants (b));
      break;
    case 5:
      order = CMP (sa_activity_item_get_volunteers (a), sa_activity_item_get_volunteers (b));
      break;
    case 6:
      order = CMP (sa_activity_item_get_commitment_rank (a), sa_activity_item_get_commitment_rank (b));
      if (order == 0)
        order = CMP (sa_activity_item_get_n_commitments (a), sa_activity_item_get_n_commitments (b));
      break;
    default:
      break;
    }
  if (order == 0)
    order = CMP (sa_activity_item_get_day (a), sa_activity_item_get_day (b));
  if (order == 0)
    order = g_strcmp0 (sa_activity_item_get_time (a), sa_activity_item_get_time (b));
  if (order == 0 && column == 0)
    order = strcmp (sa_activity_item_get_search_key (a), sa_activity_item_get_search_key (b));
  return order;
}

static GPtrArray *
shown_ids (Fixture *fixture)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_shown (fixture); i++)
    g_ptr_array_add (ids, g_strdup (sa_activity_item_get_id (shown_item (fixture, i))));
  return ids;
}

/* Clicking each heading, twice: every row in the column's order, descending exactly
 * the ascending order turned round, titles in Japanese ignoring width and case. */
static void
test_sort_each_column (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (sa_test_find_id (fixture->log, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  /* In the order the title column shows them: ASCII folded, then kana with katakana
   * (half-width as full-width) folded to hiragana, then kanji. */
  static const char * const titles[] = { "Ａｂｃ会", "abd会", "あさがお", "アサヒ", "ｻｸﾗ", "サロン", "朝顔" };
  char *ids[G_N_ELEMENTS (titles)] = { NULL };
  g_autofree char *twin_a = NULL, *twin_b = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    ids[G_N_ELEMENTS (titles) - 1 - i] = add_titled (fixture, titles[G_N_ELEMENTS (titles) - 1 - i], "2013-05-01",
                                                     "10:00", 5);
  /* Two activities alike in every column. */
  twin_a = add_titled (fixture, "双子", "2013-06-01", NULL, 7);
  twin_b = add_titled (fixture, "双子", "2013-06-01", NULL, 7);
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES + G_N_ELEMENTS (titles) + 2);

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      g_autoptr(GPtrArray) ascending = NULL;
      g_autoptr(GPtrArray) again = NULL;
      guint n = n_shown (fixture);

      gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      spin ();
      for (guint i = 1; i < n; i++)
        if (expected_order (c, shown_item (fixture, i - 1), shown_item (fixture, i)) > 0)
          g_error ("Column %u: row %u (%s) comes before row %u (%s)", c, i - 1,
                   sa_activity_item_get_title (shown_item (fixture, i - 1)), i,
                   sa_activity_item_get_title (shown_item (fixture, i)));
      ascending = shown_ids (fixture);

      gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
      spin ();
      g_assert_cmpuint (n_shown (fixture), ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (sa_activity_item_get_id (shown_item (fixture, i)), ==, ascending->pdata[n - 1 - i]);

      /* Equal keys keep one order, whatever was sorted before. */
      gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      spin ();
      again = shown_ids (fixture);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (again->pdata[i], ==, ascending->pdata[i]);
      g_assert_cmpint (shown_position (fixture, twin_a) < shown_position (fixture, twin_b), ==,
                       strcmp (twin_a, twin_b) < 0);
    }

  g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (columns, 1);
  gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
  spin ();
  for (guint i = 1; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpint (shown_position (fixture, ids[i - 1]), <, shown_position (fixture, ids[i]));
  /* g_autofree on an array would free its first element alone. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_free (ids[i]);
}

/* Deleting the selected activity takes out exactly its row; undo puts it back in
 * its place, and the rest stay where they were. */
/* An edit reads the activity again as a new item: the row stays selected, at the
 * place its new values sort it to. */
static void
test_edit_keeps_selection (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) before = shown_ids (fixture);
  g_autofree char *id = g_strdup (before->pdata[5]);
  g_autoptr(SaRecord) activity = sa_store_get (fixture->store, &sa_activity_table, id, NULL);
  g_autoptr(GError) error = NULL;

  select_only (fixture, id);
  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2000-01-01");
  g_assert_true (sa_undo_stack_update (fixture->undo_stack, activity, &error));
  g_assert_no_error (error);
  /* Newest first: the oldest activity is the last row. */
  WAIT_FOR (shown_position (fixture, id) == N_ACTIVITIES - 1);
  spin ();
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), N_ACTIVITIES - 1));
  g_assert_false (gtk_selection_model_is_selected (selection (fixture), 5));
}

static void
record_rows_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

/* The column view hears of a delete, and of its undo, as one row that goes or comes
 * at its place: GTK 4.8 then keeps the rows below with what they show, where a
 * change of every row after it made it fill them all again. */
static void
assert_one_row_changed (GArray *changes,
                        guint   position,
                        guint   removed,
                        guint   added)
{
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, removed);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, added);
  g_array_set_size (changes, 0);
}

static void
test_delete_in_place (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) before = shown_ids (fixture);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *id = g_strdup (before->pdata[7]);
  gulong handler;

  select_only (fixture, id);
  handler = g_signal_connect (selection (fixture), "items-changed", G_CALLBACK (record_rows_changed), changes);
  sa_activity_log_delete_selected (SA_ACTIVITY_LOG (fixture->log));
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES - 1);
  assert_one_row_changed (changes, 7, 1, 0);
  after = shown_ids (fixture);
  for (guint i = 0, j = 0; i < before->len; i++)
    if (i != 7)
      g_assert_cmpstr (after->pdata[j++], ==, before->pdata[i]);
  g_assert_true (is_deleted (fixture, id));
  /* The row that took its place is selected, and the cells show the rows' items. */
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 7));
  g_assert_cmpuint (n_selected (fixture), ==, 1);
  assert_rows_show_items (fixture);

  g_assert_true (sa_undo_stack_undo (fixture->undo_stack, &error));
  g_assert_no_error (error);
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES);
  assert_one_row_changed (changes, 7, 0, 1);
  g_signal_handler_disconnect (selection (fixture), handler);
  restored = shown_ids (fixture);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (restored->pdata[i], ==, before->pdata[i]);
  assert_rows_show_items (fixture);
}

/* The participants the footer should give: the shown rows' own, added up here. */
static guint64
shown_participants (Fixture *fixture)
{
  guint64 sum = 0;

  for (guint i = 0; i < n_shown (fixture); i++)
    sum += sa_activity_item_get_participants (shown_item (fixture, i));
  return sum;
}

static void
assert_footer_sum (Fixture *fixture)
{
  g_autofree char *people = g_strdup_printf (" · %'" G_GUINT64_FORMAT " participants", shown_participants (fixture));

  g_assert_true (g_str_has_suffix (footer_text (fixture), people));
}

/* Sets the participants of activity @id through the store, as another window would. */
static void
set_participants (Fixture    *fixture,
                  const char *id,
                  gint64      participants)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) activity = sa_store_get (fixture->store, &sa_activity_table, id, &error);

  g_assert_no_error (error);
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, participants);
  g_assert_true (sa_undo_stack_update (fixture->undo_stack, activity, &error));
  g_assert_no_error (error);
}

/* The footer's sum follows deletes and edits, of rows shown and of rows the search
 * hides, without adding up every row again. */
static void
test_footer_follows_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *title = g_strdup (sa_activity_item_get_title (shown_item (fixture, 0)));
  g_autoptr(GPtrArray) all = shown_ids (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *shown_id = NULL;
  guint n;

  search (fixture, title);
  WAIT_FOR (n_shown (fixture) < N_ACTIVITIES);
  WAIT_FOR (strstr (footer_text (fixture), " of ") != NULL);
  assert_footer_sum (fixture);
  n = n_shown (fixture);
  shown_id = g_strdup (sa_activity_item_get_id (shown_item (fixture, 0)));
  for (guint i = 0; i < all->len && hidden == NULL; i++)
    if (shown_position (fixture, all->pdata[i]) < 0)
      hidden = g_strdup (all->pdata[i]);
  g_assert_nonnull (hidden);

  set_participants (fixture, shown_id, 1000);
  WAIT_FOR (sa_activity_item_get_participants (shown_item (fixture, shown_position (fixture, shown_id))) == 1000);
  spin ();
  assert_footer_sum (fixture);
  set_participants (fixture, hidden, 999);
  spin ();
  assert_footer_sum (fixture);

  select_only (fixture, shown_id);
  sa_activity_log_delete_selected (SA_ACTIVITY_LOG (fixture->log));
  WAIT_FOR (n_shown (fixture) == n - 1);
  spin ();
  assert_footer_sum (fixture);
  g_assert_true (sa_undo_stack_undo (fixture->undo_stack, &error));
  g_assert_no_error (error);
  WAIT_FOR (n_shown (fixture) == n);
  spin ();
  assert_footer_sum (fixture);
  g_assert_true (g_str_has_suffix (footer_text (fixture), " participants"));
}

/* The position of the row that has the keyboard focus; -1 when none has. */
static int
focused_row (Fixture *fixture)
{
  GtkWidget *view = sa_test_find_id (fixture->log, "column_view");
  GtkWidget *row = gtk_root_get_focus (GTK_ROOT (fixture->window));
  guint position;

  while (row != NULL && !(gtk_widget_get_parent (row) != NULL && gtk_widget_get_parent (gtk_widget_get_parent (row)) == view))
    row = gtk_widget_get_parent (row);
  return row != NULL && sa_activity_columns_row_position (row, &position) ? (int) position : -1;
}

/* An activity that comes back, by an undo or from the deleted items, is selected and
 * shown: the list would keep the rows in sight where they were, and the first row,
 * come back above them, out of sight. */
static void
test_undo_shows_restored (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (
    GTK_SCROLLABLE (sa_test_find_id (fixture->log, "column_view")));
  g_autoptr(GPtrArray) before = shown_ids (fixture);
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GError) error = NULL;

  /* The first row selected and focused, as Enter in the search does: the list keeps
   * the focused row in place, the one below when the first goes. */
  select_only (fixture, before->pdata[0]);
  gtk_widget_child_focus (sa_test_find_id (fixture->log, "column_view"), GTK_DIR_TAB_FORWARD);
  spin ();
  g_assert_cmpint (focused_row (fixture), ==, 0);
  sa_activity_log_delete_selected (SA_ACTIVITY_LOG (fixture->log));
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES - 1);
  spin ();
  g_assert_true (sa_undo_stack_undo (fixture->undo_stack, &error));
  g_assert_no_error (error);
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES);
  spin ();
  restored = shown_ids (fixture);
  g_assert_cmpstr (restored->pdata[0], ==, before->pdata[0]);
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 0));
  g_assert_cmpuint (n_selected (fixture), ==, 1);
  /* The arrow keys go on from it. */
  g_assert_cmpint (focused_row (fixture), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* The same for two rows restored from the deleted items, by another part of the window. */
  for (guint i = 0; i < 2; i++)
    {
      select_only (fixture, before->pdata[i]);
      sa_activity_log_delete_selected (SA_ACTIVITY_LOG (fixture->log));
      WAIT_FOR (n_shown (fixture) == N_ACTIVITIES - 1 - i);
      spin ();
    }
  g_assert_true (sa_undo_stack_begin (fixture->undo_stack, "Restore", &error));
  for (guint i = 0; i < 2; i++)
    g_assert_true (sa_undo_stack_set_deleted (fixture->undo_stack, &sa_activity_table, before->pdata[i], FALSE,
                                              &error));
  g_assert_true (sa_undo_stack_commit (fixture->undo_stack, &error));
  g_assert_no_error (error);
  WAIT_FOR (n_shown (fixture) == N_ACTIVITIES);
  spin ();
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 0));
  g_assert_true (gtk_selection_model_is_selected (selection (fixture), 1));
  g_assert_cmpuint (n_selected (fixture), ==, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static SaActivityForm *
edit_form (Fixture    *fixture,
           const char *id)
{
  SaActivityForm *form = sa_activity_form_new (GTK_WINDOW (fixture->window), fixture->context, id, NULL);

  gtk_window_present (GTK_WINDOW (form));
  spin ();
  return form;
}

/* Esc (Cancel and the close button do the same) asks before typed text is thrown away. */
static void
test_form_asks_before_discarding (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *before = store_contents (fixture);
  g_autofree char *after = NULL;
  g_autofree char *title = NULL;
  const char *id = sa_activity_item_get_id (shown_item (fixture, 0));
  AdwMessageDialog *dialog;
  SaActivityForm *form;

  /* Typing and taking it back is no change: Esc just closes. */
  form = edit_form (fixture, id);
  title = g_strdup (field_text (form, "title_row"));
  type_into (form, "title_row", "ふれあいサロン（拡大版）");
  type_into (form, "title_row", title);
  gtk_widget_activate_action (GTK_WIDGET (form), "window.close", NULL);
  g_assert_null (discard_dialog ());
  g_assert_null (open_form ());

  form = edit_form (fixture, id);
  type_into (form, "title_row", "ふれあいサロン（拡大版）");
  gtk_widget_activate_action (GTK_WIDGET (form), "window.close", NULL);
  dialog = discard_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard changes?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "keep");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_true (open_form () == form);

  answer (dialog, "_Keep Editing");
  g_assert_null (discard_dialog ());
  g_assert_true (open_form () == form);
  g_assert_cmpstr (field_text (form, "title_row"), ==, "ふれあいサロン（拡大版）");

  /* A ticked commitment is a change too. */
  type_into (form, "title_row", title);
  g_free (tick_commitment (form, "あいさつ"));
  gtk_widget_activate_action (GTK_WIDGET (form), "window.close", NULL);
  dialog = discard_dialog ();
  g_assert_nonnull (dialog);
  answer (dialog, "_Discard");
  g_assert_null (discard_dialog ());
  g_assert_null (open_form ());

  after = store_contents (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* An activity whose organization and district were deleted shows them, marked, and
 * saving a new title keeps both references. */
static void
test_form_keeps_deleted_references (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *org_id = fixture_organization_id (fixture->store, "中川地域ケアプラザ");
  g_autofree char *district_id = fixture_district_id (fixture->store, "中川");
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(SaRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  SaActivityForm *form;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, org_id);
  sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID, district_id);
  g_assert_true (sa_store_add_activity (fixture->store, activity, NULL, &error));
  g_assert_true (sa_store_set_deleted (fixture->store, &sa_organization_table, org_id, TRUE, &error));
  g_assert_true (sa_store_set_deleted (fixture->store, &sa_district_table, district_id, TRUE, &error));

  form = edit_form (fixture, sa_record_get_id (activity));
  g_assert_cmpstr (chosen_label (form, "organization_row"), ==, "中川地域ケアプラザ (deleted)");
  g_assert_cmpstr (chosen_label (form, "district_row"), ==, "中川 (deleted)");
  type_into (form, "title_row", "ふれあいサロン");
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  spin ();
  g_assert_null (open_form ());

  saved = sa_store_get (fixture->store, &sa_activity_table, sa_record_get_id (activity), &error);
  g_assert_cmpstr (sa_record_get_text (saved, SA_ACTIVITY_TITLE), ==, "ふれあいサロン");
  g_assert_cmpstr (sa_record_get_text (saved, SA_ACTIVITY_ORGANIZATION_ID), ==, org_id);
  g_assert_cmpstr (sa_record_get_text (saved, SA_ACTIVITY_DISTRICT_ID), ==, district_id);
  g_assert_cmpstr (sa_record_get_clock (saved, "organization_id"), ==, sa_record_get_clock (activity, "organization_id"));

  /* A live organization can still be chosen instead. */
  form = edit_form (fixture, sa_record_get_id (activity));
  choose (form, "organization_row", "泉区役所");
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  spin ();
  g_clear_object (&saved);
  saved = sa_store_get (fixture->store, &sa_activity_table, sa_record_get_id (activity), &error);
  g_assert_cmpstr (sa_record_get_text (saved, SA_ACTIVITY_ORGANIZATION_ID), !=, org_id);
  g_assert_cmpstr (sa_record_get_text (saved, SA_ACTIVITY_DISTRICT_ID), ==, district_id);
  g_assert_no_error (error);
}

/* A phone number in the place is warned about as it is typed, and still saved. */
static void
test_form_warns_of_contact_details (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkRevealer *warning;
  SaActivityForm *form;
  g_autoptr(SaRecord) saved = NULL;
  g_autofree char *id = NULL;

  gtk_selection_model_select_item (selection (fixture), 0, TRUE);
  id = g_strdup (sa_activity_item_get_id (shown_item (fixture, 0)));
  sa_activity_log_edit_selected (SA_ACTIVITY_LOG (fixture->log));
  form = open_form ();
  g_assert_nonnull (form);
  warning = GTK_REVEALER (sa_test_find_id (GTK_WIDGET (form), "privacy_revealer"));
  g_assert_false (gtk_revealer_get_reveal_child (warning));

  type_into (form, "place_row", "集会所（０４５－１２３－４５６７）");
  g_assert_true (gtk_revealer_get_reveal_child (warning));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (sa_test_find_id (GTK_WIDGET (form), "privacy_label"))),
                            "phone number"));
  type_into (form, "place_row", "集会所");
  g_assert_false (gtk_revealer_get_reveal_child (warning));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sa_test_find_id (GTK_WIDGET (form), "notes_view"))),
                            "連絡は hanako@example.jp へ", -1);
  g_assert_true (gtk_revealer_get_reveal_child (warning));

  press_enter_in (form, "title_row");
  WAIT_FOR (open_form () == NULL);
  saved = sa_store_get (fixture->store, &sa_activity_table, id, NULL);
  g_assert_cmpstr (sa_record_get_text (saved, SA_ACTIVITY_NOTES), ==, "連絡は hanako@example.jp へ");
}

/* The key controller through which Enter reaches a choice row before the window's
 * default button, as GTK runs it for a key press on the row. */
static gboolean
press_enter_on (SaActivityForm *form,
                const char     *field)
{
  GtkWidget *row = sa_test_find_id (GTK_WIDGET (form), field);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  gboolean handled = FALSE;

  gtk_widget_grab_focus (row);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (form)) == row);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
    }
  spin ();
  return handled;
}

static GtkPopover *
shown_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget))
    return GTK_POPOVER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkPopover *found = shown_popover (child);
      if (found)
        return found;
    }
  return NULL;
}

/* The form fits a 700-pixel-high window; Enter on the organization opens its list
 * and saves nothing; an organization and a district added from the form are chosen
 * and saved with the activity. */
static void
test_form_adds_choices (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SaRecord) added = NULL;
  g_autofree char *org_id = NULL, *district_id = NULL;
  SaActivityForm *form;
  GtkPopover *popover;
  GtkWidget *editor;
  AdwComboRow *actor;

  g_assert_cmpint (gtk_widget_get_height (fixture->window), ==, 700);
  sa_activity_log_new_activity (SA_ACTIVITY_LOG (fixture->log), NULL);
  WAIT_FOR ((form = open_form ()) != NULL && gtk_widget_get_height (GTK_WIDGET (form)) > 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (form)), <=, 700);
  g_assert_true (gtk_widget_get_mapped (sa_test_find_id (GTK_WIDGET (form), "save_button")));

  type_into (form, "title_row", "新田の見守り訪問（試し）");
  g_assert_true (press_enter_on (form, "organization_row"));
  popover = shown_popover (sa_test_find_id (GTK_WIDGET (form), "organization_row"));
  g_assert_nonnull (popover);
  g_assert_true (open_form () == form);
  g_assert_cmpuint (n_shown (fixture), ==, N_ACTIVITIES);
  gtk_popover_popdown (popover);
  spin ();

  sa_test_click (sa_test_find_id (GTK_WIDGET (form), "organization_row"), "New Organization…");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  g_assert_nonnull (editor);
  sa_test_type_into (editor, "Name", "新田見守りの会");
  actor = ADW_COMBO_ROW (sa_test_find (editor, sa_test_is_row_titled, "Actor"));
  adw_combo_row_set_selected (actor, g_list_model_get_n_items (adw_combo_row_get_model (actor)) - 1);
  g_signal_emit_by_name (sa_test_find (editor, sa_test_has_label, "_Save"), "clicked");
  WAIT_FOR (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR) == NULL);
  g_assert_cmpstr (chosen_label (form, "organization_row"), ==, "新田見守りの会");

  sa_test_click (sa_test_find_id (GTK_WIDGET (form), "district_row"), "New District…");
  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  sa_test_type_into (editor, "Name", "新田");
  g_signal_emit_by_name (sa_test_find (editor, sa_test_has_label, "_Save"), "clicked");
  WAIT_FOR (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR) == NULL);
  g_assert_cmpstr (chosen_label (form, "district_row"), ==, "新田");

  press_enter_in (form, "title_row");
  WAIT_FOR (open_form () == NULL && n_shown (fixture) == N_ACTIVITIES + 1);
  added = activity_titled (fixture, "新田の見守り訪問（試し）");
  org_id = fixture_organization_id (fixture->store, "新田見守りの会");
  district_id = fixture_district_id (fixture->store, "新田");
  g_assert_cmpstr (sa_record_get_text (added, SA_ACTIVITY_ORGANIZATION_ID), ==, org_id);
  g_assert_cmpstr (sa_record_get_text (added, SA_ACTIVITY_DISTRICT_ID), ==, district_id);
}

static GtkWidget *
column_title (GtkWidget  *widget,
              const char *title)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), title) == 0)
    for (GtkWidget *up = widget; up != NULL; up = gtk_widget_get_parent (up))
      if (g_str_equal (G_OBJECT_TYPE_NAME (up), "GtkColumnViewTitle"))
        return up;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = column_title (child, title);
      if (found)
        return found;
    }
  return NULL;
}

/* The title takes the room the other columns leave: wider than the commitments and
 * than any number column. */
static void
test_title_takes_room (Fixture       *fixture,
                       gconstpointer  data)
{
  int title = gtk_widget_get_width (column_title (fixture->log, "Title"));

  g_assert_cmpint (title, >, gtk_widget_get_width (column_title (fixture->log, "Commitments")));
  g_assert_cmpint (title, >, 2 * gtk_widget_get_width (column_title (fixture->log, "Participants")));
  g_assert_cmpint (title, >, gtk_widget_get_width (column_title (fixture->log, "Organization")));
}

static const char * const headings[] = {
  "Date", "Title", "Organization", "District", "Participants", "Volunteers", "Commitments"
};

/* In a window as narrow as a 1024-pixel screen with the outline beside it, the title
 * still takes the most room, no column runs off the right edge, and a heading cut
 * short ends in "…". */
static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *view = sa_test_find_type (fixture->log, GTK_TYPE_COLUMN_VIEW);
  int title;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 690, 600);
  WAIT_FOR (gtk_widget_get_width (view) > 0 && gtk_widget_get_width (view) <= 690);
  spin ();
  title = gtk_widget_get_width (column_title (fixture->log, "Title"));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      GtkWidget *heading = column_title (fixture->log, headings[i]);
      GtkWidget *label = heading;
      graphene_rect_t bounds;
      int natural;

      g_assert_true (gtk_widget_compute_bounds (heading, view, &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (view) + 1);
      if (i != 1)
        g_assert_cmpint (title, >, gtk_widget_get_width (heading));
      while (!GTK_IS_LABEL (label))
        label = gtk_widget_get_first_child (label);
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (gtk_widget_get_width (label) < natural)
        g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_END);
    }
}

static void
count_nodes (GskRenderNode *node,
             guint         *counts)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  if (type <= GSK_GL_SHADER_NODE)
    counts[type]++;
  switch (type)
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_nodes (gsk_container_node_get_child (node, i), counts);
      break;
    case GSK_TRANSFORM_NODE:
      count_nodes (gsk_transform_node_get_child (node), counts);
      break;
    case GSK_CLIP_NODE:
      count_nodes (gsk_clip_node_get_child (node), counts);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count_nodes (gsk_rounded_clip_node_get_child (node), counts);
      break;
    case GSK_OPACITY_NODE:
      count_nodes (gsk_opacity_node_get_child (node), counts);
      break;
    default:
      break;
    }
}

/* The rows draw as one run of texts: GTK's GL renderer starts a new batch of drawing
 * at every clip and at every border between two texts, and on Mesa's llvmpipe each
 * batch took 64 KB and its time in every frame. A row has its separator; its cells
 * have neither a clip nor a border. */
static void
test_rows_draw_together (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *list = sa_test_find_type (sa_test_find_id (fixture->log, "column_view"), GTK_TYPE_LIST_VIEW);
  g_autoptr(GskRenderNode) node = sa_test_draw (list);
  guint counts[GSK_GL_SHADER_NODE + 1] = { 0 }, n_rows = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n_rows += gtk_widget_get_mapped (row);
  g_assert_cmpuint (n_rows, >=, 5);
  count_nodes (node, counts);
  g_assert_cmpuint (counts[GSK_TEXT_NODE], >=, 5 * n_rows);
  g_assert_cmpuint (counts[GSK_CLIP_NODE], <=, 1);
  g_assert_cmpuint (counts[GSK_BORDER_NODE], <=, n_rows);
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
  sasaeai_register_resource ();
  sa_test_load_style ();

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)
  ADD ("/activity-log/empty", 0, test_empty);
  ADD ("/activity-log/add-find-edit-delete", N_ACTIVITIES, test_add_find_edit_delete);
  ADD ("/activity-log/refuses-bad-values", N_ACTIVITIES, test_refuses_bad_values);
  ADD ("/activity-log/form-dates", N_ACTIVITIES, test_form_dates);
  ADD ("/activity-log/filters", N_ACTIVITIES, test_filters);
  ADD ("/activity-log/sort", N_ACTIVITIES, test_sort);
  ADD ("/activity-log/sort-each-column", N_ACTIVITIES, test_sort_each_column);
  ADD ("/activity-log/delete-in-place", N_ACTIVITIES, test_delete_in_place);
  ADD ("/activity-log/footer-follows-changes", N_ACTIVITIES, test_footer_follows_changes);
  ADD ("/activity-log/undo-shows-restored", N_ACTIVITIES, test_undo_shows_restored);
  ADD ("/activity-log/search-enter-selects-first", N_ACTIVITIES, test_search_enter_selects_first);
  ADD ("/activity-log/edit-keeps-selection", N_ACTIVITIES, test_edit_keeps_selection);
  ADD ("/activity-log/rows-follow-changes", N_ACTIVITIES, test_rows_follow_changes);
  ADD ("/activity-log/changes-elsewhere", N_ACTIVITIES, test_changes_elsewhere);
  ADD ("/activity-log/fills-after-shown", N_ACTIVITIES, test_fills_after_shown);
  ADD ("/activity-log/form-asks-before-discarding", N_ACTIVITIES, test_form_asks_before_discarding);
  ADD ("/activity-log/form-keeps-deleted-references", N_ACTIVITIES, test_form_keeps_deleted_references);
  ADD ("/activity-log/form-warns-of-contact-details", N_ACTIVITIES, test_form_warns_of_contact_details);
  ADD ("/activity-log/form-adds-choices", N_ACTIVITIES, test_form_adds_choices);
  ADD ("/activity-log/title-takes-room", N_ACTIVITIES, test_title_takes_room);
  ADD ("/activity-log/narrow-window", N_ACTIVITIES, test_narrow_window);
  ADD ("/activity-log/rows-draw-together", N_ACTIVITIES, test_rows_draw_together);
#undef ADD

  return g_test_run ();
}
