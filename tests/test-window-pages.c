/* test-window-pages.c: the window's Calendar, Timeline and Review views, built when
 * first shown
 *
 * The window maps with the List view alone built; each other view is built when the
 * person first opens it, by its Alt shortcut or the view switcher, or when the window
 * opens on it because it was the last one shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "sa-activity.h"
#include "sa-activity-log.h"
#include "sa-actor.h"
#include "sa-calendar-page.h"
#include "sa-import.h"
#include "sa-organization.h"
#include "sa-review-page.h"
#include "sa-test-gui.h"
#include "sa-timeline-page.h"
#include "sa-window.h"

static GtkWidget *
open_window (SaStore *store)
{
  GtkWidget *window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  return window;
}

static SaStore *
sample_store (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  SaImportReport report;

  g_assert_no_error (error);
  g_assert_true (sa_import_sample (store, &report, &error));
  return g_steal_pointer (&store);
}

static gboolean
press_mnemonic_under (GtkWidget *widget,
                      guint      keyval)
{
  g_autoptr(GListModel) controllers = NULL;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_MNEMONIC_TRIGGER (trigger) &&
              gtk_mnemonic_trigger_get_keyval (GTK_MNEMONIC_TRIGGER (trigger)) == keyval &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, NULL))
            return TRUE;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (press_mnemonic_under (child, keyval))
      return TRUE;
  return FALSE;
}

static const char *
shown_view (GtkWidget *window)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (sa_test_find_type (window, ADW_TYPE_VIEW_STACK)));
}

/* Alt+@keyval on the view switcher: runs the mnemonic its shown label has, and waits
 * for the view @name (a button clicks a moment after it is activated). */
static void
press_alt (GtkWidget  *window,
           guint       keyval,
           const char *name)
{
  g_assert_true (press_mnemonic_under (sa_test_find_type (window, ADW_TYPE_VIEW_SWITCHER_TITLE), keyval));
  SA_TEST_WAIT_FOR (g_strcmp0 (shown_view (window), name) == 0);
  sa_test_wait ();
}

static guint
occurrences (const char *text,
             const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* The window maps with the List view alone; Alt+C, Alt+T and Alt+R open the other
 * views, built then, each showing the plan. */
static void
test_built_when_shown (void)
{
  g_autoptr(SaStore) store = sample_store ();
  GtkWidget *window = open_window (store);
  GtkWidget *page;
  g_autofree char *rows = NULL, *text = NULL;

  g_assert_cmpstr (shown_view (window), ==, "list");
  g_assert_nonnull (sa_test_find_type (window, SA_TYPE_ACTIVITY_LOG));
  g_assert_null (sa_test_find_type (window, SA_TYPE_CALENDAR_PAGE));
  g_assert_null (sa_test_find_type (window, SA_TYPE_TIMELINE_PAGE));
  g_assert_null (sa_test_find_type (window, SA_TYPE_REVIEW_PAGE));

  press_alt (window, GDK_KEY_c, "calendar");
  g_assert_cmpstr (shown_view (window), ==, "calendar");
  page = sa_test_find_type (window, SA_TYPE_CALENDAR_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_null (sa_test_find_type (window, SA_TYPE_TIMELINE_PAGE));

  press_alt (window, GDK_KEY_t, "timeline");
  g_assert_cmpstr (shown_view (window), ==, "timeline");
  page = sa_test_find_type (window, SA_TYPE_TIMELINE_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  rows = sa_test_timeline_rows (window, 3);
  g_assert_nonnull (strstr (rows, "from FY2010 to FY2015"));

  press_alt (window, GDK_KEY_r, "review");
  g_assert_cmpstr (shown_view (window), ==, "review");
  page = sa_test_find_type (window, SA_TYPE_REVIEW_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  text = sa_test_collect_text (page);
  g_assert_nonnull (strstr (text, "あいさつ運動"));

  /* Built once: back on the calendar, it is the same page. */
  page = sa_test_find_type (window, SA_TYPE_CALENDAR_PAGE);
  press_alt (window, GDK_KEY_c, "calendar");
  g_assert_true (sa_test_find_type (window, SA_TYPE_CALENDAR_PAGE) == page);

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* The window opens on the view shown when it was last closed, that view built. */
static void
test_last_view_restored (void)
{
  g_autoptr(SaStore) store = sample_store ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  g_autofree char *rows = NULL, *saved = NULL;
  GtkWidget *window, *page;

  g_settings_set_string (settings, "last-page", "timeline");
  window = open_window (store);
  g_assert_cmpstr (shown_view (window), ==, "timeline");
  page = sa_test_find_type (window, SA_TYPE_TIMELINE_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  rows = sa_test_timeline_rows (window, 3);
  g_assert_nonnull (strstr (rows, "from FY2010 to FY2015"));

  /* The view opened last is the one saved. */
  press_alt (window, GDK_KEY_r, "review");
  saved = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (saved, ==, "review");

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
  g_settings_reset (settings, "last-page");
}

/* The drop-down under @root, shown or not, whose first choice is @first. */
static GtkDropDown *
find_choice (GtkWidget  *root,
             const char *first)
{
  GListModel *model = GTK_IS_DROP_DOWN (root) ? gtk_drop_down_get_model (GTK_DROP_DOWN (root)) : NULL;

  if (GTK_IS_STRING_LIST (model) && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), first) == 0)
    return GTK_DROP_DOWN (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_choice (child, first);
      if (found)
        return found;
    }
  return NULL;
}

static void
choose (GtkDropDown *dropdown,
        const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      {
        gtk_drop_down_set_selected (dropdown, i);
        sa_test_wait ();
        return;
      }
  g_error ("no choice “%s”", text);
}

static const char *
chosen (GtkDropDown *dropdown)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)),
                                     gtk_drop_down_get_selected (dropdown));
}

/* An organization chosen in the log before the calendar was ever opened is the
 * calendar's filter too when it opens: its drop-down shows it, and its day lists
 * that organization's activity alone. */
static void
test_filter_reaches_later_page (void)
{
  g_autoptr(SaStore) store = sample_store ();
  g_autoptr(SaRecord) org = SA_RECORD (sa_organization_new ());
  g_autoptr(GPtrArray) actors = sa_store_list (store, &sa_actor_table, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window, *log, *page;
  GDate day;

  sa_record_set_text (org, SA_ORGANIZATION_NAME, "いずみ中央地域ケアプラザ");
  sa_record_set_text (org, SA_ORGANIZATION_ACTOR_ID, sa_record_get_id (g_ptr_array_index (actors, 4)));
  g_assert_true (sa_store_insert (store, org, &error));
  sa_test_add_salon (store, sa_record_get_id (org));
  sa_test_add_salon (store, NULL);
  sa_test_add_salon (store, NULL);
  window = open_window (store);
  log = sa_test_find_type (window, SA_TYPE_ACTIVITY_LOG);
  SA_TEST_WAIT_FOR (!sa_activity_log_is_loading (SA_ACTIVITY_LOG (log)));

  choose (find_choice (log, "All Organizations"), "いずみ中央地域ケアプラザ");
  g_assert_cmpuint (g_list_model_get_n_items (sa_activity_log_get_model (SA_ACTIVITY_LOG (log))), ==, 1);

  press_alt (window, GDK_KEY_c, "calendar");
  page = sa_test_find_type (window, SA_TYPE_CALENDAR_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (chosen (find_choice (page, "All Organizations")), ==, "いずみ中央地域ケアプラザ");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, G_DATE_MAY, 2012);
  sa_calendar_page_go_to_date (SA_CALENDAR_PAGE (page), &day);
  sa_test_wait ();
  text = sa_test_collect_text (page);
  g_assert_cmpuint (occurrences (text, "サロン"), ==, 1);

  /* Cleared in the calendar, the log shows all three again. */
  choose (find_choice (page, "All Organizations"), "All Organizations");
  g_assert_cmpuint (g_list_model_get_n_items (sa_activity_log_get_model (SA_ACTIVITY_LOG (log))), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);
  g_test_add_func ("/window-pages/built-when-shown", test_built_when_shown);
  g_test_add_func ("/window-pages/last-view-restored", test_last_view_restored);
  g_test_add_func ("/window-pages/filter-reaches-later-page", test_filter_reaches_later_page);
  return g_test_run ();
}
