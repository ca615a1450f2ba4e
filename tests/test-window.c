/* test-window.c: the window opens on the sample plan and shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "sa-activity.h"
#include "sa-activity-form.h"
#include "sa-activity-log.h"
#include "sa-actor.h"
#include "sa-calendar-page.h"
#include "sa-import.h"
#include "sa-organization.h"
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
  g_autoptr(SaStore) store = sa_store_create (path, &error);
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

static gboolean
is_revealer (GtkWidget  *widget,
             const char *text)
{
  return GTK_IS_REVEALER (widget);
}

/* A database copied from another office's says so in a banner, once. */
static void
test_copy_banner (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autofree char *copy_path = g_strconcat (path, ".copy.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = NULL;
  gsize length;
  GtkWidget *window, *revealer;

  store = sa_store_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy_path, contents, length, &error));

  store = sa_store_open (copy_path, &error);
  g_assert_no_error (error);
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();

  revealer = sa_test_find (window, is_revealer, NULL);
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  text = sa_test_collect_text (revealer);
  g_assert_nonnull (strstr (text, "copied from another office"));
  g_assert_null (sa_store_take_notices (store));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
  g_unlink (copy_path);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
add_activity (SaStore    *store,
              const char *organization_id)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, organization_id);
  g_assert_true (sa_store_add_activity (store, activity, NULL, &error));
}

/* The List and Calendar views share their organization, district and commitment filter. */
static void
test_shared_filter (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaRecord) org = SA_RECORD (sa_organization_new ());
  g_autoptr(GPtrArray) actors = NULL;
  SaActivityFilter *filter;
  GtkWidget *window, *log;
  GListModel *shown;
  SaImportReport report;

  g_assert_true (sa_import_sample (store, &report, &error));
  actors = sa_store_list (store, &sa_actor_table, NULL, NULL, &error);
  sa_record_set_text (org, SA_ORGANIZATION_NAME, "いずみ中央地域ケアプラザ");
  sa_record_set_text (org, SA_ORGANIZATION_ACTOR_ID, sa_record_get_id (g_ptr_array_index (actors, 4)));
  g_assert_true (sa_store_insert (store, org, &error));
  add_activity (store, sa_record_get_id (org));
  add_activity (store, NULL);
  add_activity (store, NULL);

  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  log = find_type (window, SA_TYPE_ACTIVITY_LOG);
  filter = sa_calendar_page_get_filter (SA_CALENDAR_PAGE (find_type (window, SA_TYPE_CALENDAR_PAGE)));
  shown = sa_activity_log_get_model (SA_ACTIVITY_LOG (log));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* Chosen in the calendar, the organization filters the log… */
  sa_activity_filter_set_organization_id (filter, sa_record_get_id (org));
  sa_test_wait ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* …and cleared in the log, it is cleared for the calendar too. */
  gtk_widget_activate_action (log, "log.clear-filters", NULL);
  sa_test_wait ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_null (sa_activity_filter_get_organization_id (filter));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* Ctrl+Z on the window's edit puts back what it changed, keeps what another program
 * changed since, and says which field it kept. */
static void
test_undo_keeps_changes_elsewhere (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaStore) other = sa_store_open (path, &error);
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(SaRecord) theirs = NULL;
  g_autoptr(SaRecord) after = NULL;
  g_autofree char *text = NULL;
  SaActivityForm *form;
  GtkWidget *window, *log;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, 10);
  g_assert_true (sa_store_add_activity (store, activity, NULL, &error));

  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  log = find_type (window, SA_TYPE_ACTIVITY_LOG);
  form = sa_activity_form_new (GTK_WINDOW (window), store, sa_activity_log_get_undo_stack (SA_ACTIVITY_LOG (log)),
                               sa_record_get_id (activity), NULL);
  gtk_window_present (GTK_WINDOW (form));
  sa_test_wait ();
  sa_test_type_into (GTK_WIDGET (form), "Title", "ふれあいサロン");
  sa_test_type_into (GTK_WIDGET (form), "Participants", "12");
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  sa_test_wait ();

  theirs = sa_store_get (other, &sa_activity_table, sa_record_get_id (activity), &error);
  sa_record_set_int (theirs, SA_ACTIVITY_PARTICIPANTS, 25);
  sa_record_set_text (theirs, SA_ACTIVITY_NOTES, "雨天のため室内で実施");
  g_assert_true (sa_store_update (other, theirs, &error));

  gtk_widget_activate_action (window, "win.undo", NULL);
  sa_test_wait ();
  after = sa_store_get (store, &sa_activity_table, sa_record_get_id (activity), &error);
  g_assert_cmpstr (sa_record_get_text (after, SA_ACTIVITY_TITLE), ==, "サロン");
  g_assert_cmpint (sa_record_get_int (after, SA_ACTIVITY_PARTICIPANTS), ==, 25);
  g_assert_cmpstr (sa_record_get_text (after, SA_ACTIVITY_NOTES), ==, "雨天のため室内で実施");
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "Undone. Participants was changed elsewhere since and was kept."));

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
  g_test_add_func ("/window/copy-banner", test_copy_banner);
  g_test_add_func ("/window/shared-filter", test_shared_filter);
  g_test_add_func ("/window/undo-keeps-changes-elsewhere", test_undo_keeps_changes_elsewhere);
  return g_test_run ();
}
