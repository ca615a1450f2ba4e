/* test-window.c: the window opens on the sample plan and shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "sa-activity.h"
#include "sa-activity-form.h"
#include "sa-activity-log.h"
#include "sa-application.h"
#include "sa-actor.h"
#include "sa-calendar-page.h"
#include "sa-commitment.h"
#include "sa-goal.h"
#include "sa-import.h"
#include "sa-organization.h"
#include "sa-period-window.h"
#include "sa-plan.h"
#include "sa-plan-files.h"
#include "sa-plan-period.h"
#include "sa-report-window.h"
#include "sa-section.h"
#include "sa-store-plans.h"
#include "sa-test-gui.h"
#include "sa-toast.h"
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

/* A toast says a message as it is written: “&” and “<”, as in an activity named
 * “A&B”, are not taken for markup (which would show an empty toast). */
static void
test_toast_text_as_written (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autofree char *text = NULL;
  GtkWidget *window;

  g_assert_no_error (error);
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();

  sa_toast_show_undo (window, "Moved “A&B <予定>” to Friday");
  sa_test_wait ();
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "Moved “A&B <予定>” to Friday"));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* The Calendar, Timeline and Review views are built when first shown. */
static void
show_view (GtkWidget  *window,
           const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (sa_test_find_type (window, ADW_TYPE_VIEW_STACK)), name);
  sa_test_wait ();
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
  sa_test_add_salon (store, sa_record_get_id (org));
  sa_test_add_salon (store, NULL);
  sa_test_add_salon (store, NULL);

  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  log = sa_test_find_type (window, SA_TYPE_ACTIVITY_LOG);
  show_view (window, "calendar");
  filter = sa_calendar_page_get_filter (SA_CALENDAR_PAGE (sa_test_find_type (window, SA_TYPE_CALENDAR_PAGE)));
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

/* The drop-down under @root, shown or not, whose first choice is "All Commitments". */
static GtkWidget *
find_commitment_choice (GtkWidget *root)
{
  GListModel *model = GTK_IS_DROP_DOWN (root) ? gtk_drop_down_get_model (GTK_DROP_DOWN (root)) : NULL;

  if (GTK_IS_STRING_LIST (model) &&
      g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "All Commitments") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_commitment_choice (child);
      if (found)
        return found;
    }
  return NULL;
}

static char *
commitment_choices (GtkWidget *view)
{
  GtkWidget *dropdown = find_commitment_choice (view);
  GListModel *model;
  GString *text = g_string_new (NULL);

  g_assert_nonnull (dropdown);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (text, "%s\n", gtk_string_list_get_string (GTK_STRING_LIST (model), i));
  return g_string_free (text, FALSE);
}

/* The List and Calendar views offer the commitments in the same order, the plan's:
 * section by section, even where a later section numbers its goals from 1 again. */
static void
test_filters_in_plan_order (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(GPtrArray) plans = NULL, actors = NULL;
  g_autoptr(SaRecord) section = SA_RECORD (sa_section_new ());
  g_autoptr(SaRecord) goal = SA_RECORD (sa_goal_new ());
  g_autoptr(SaRecord) commitment = SA_RECORD (sa_commitment_new ());
  g_autofree char *in_log = NULL, *in_calendar = NULL;
  SaImportReport report;
  GtkWidget *window;

  g_assert_true (sa_import_sample (store, &report, &error));
  plans = sa_store_list (store, &sa_plan_table, NULL, NULL, &error);
  actors = sa_store_list (store, &sa_actor_table, NULL, NULL, &error);
  sa_record_set_text (section, SA_SECTION_PLAN_ID, sa_record_get_id (g_ptr_array_index (plans, 0)));
  sa_record_set_text (section, SA_SECTION_TITLE, "第2章");
  sa_record_set_int (section, SA_SECTION_POSITION, 1);
  g_assert_true (sa_store_insert (store, section, &error));
  sa_record_set_text (goal, SA_GOAL_SECTION_ID, sa_record_get_id (section));
  sa_record_set_int (goal, SA_GOAL_NUMBER, 1);
  sa_record_set_text (goal, SA_GOAL_TITLE, "第2章の基本目標");
  g_assert_true (sa_store_insert (store, goal, &error));
  sa_record_set_text (commitment, SA_COMMITMENT_GOAL_ID, sa_record_get_id (goal));
  sa_record_set_text (commitment, SA_COMMITMENT_ACTOR_ID, sa_record_get_id (g_ptr_array_index (actors, 0)));
  sa_record_set_text (commitment, SA_COMMITMENT_TEXT, "第2章の取組");
  g_assert_true (sa_store_insert (store, commitment, &error));
  sa_test_add_salon (store, NULL);

  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  in_log = commitment_choices (sa_test_find_type (window, SA_TYPE_ACTIVITY_LOG));
  show_view (window, "calendar");
  in_calendar = commitment_choices (sa_test_find_type (window, SA_TYPE_CALENDAR_PAGE));
  g_assert_true (g_str_has_suffix (in_log, "\n第2章の取組\n"));
  g_assert_cmpstr (in_calendar, ==, in_log);

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
  GtkWidget *window;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, 10);
  g_assert_true (sa_store_add_activity (store, activity, NULL, &error));

  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  form = sa_activity_form_new (GTK_WINDOW (window), sa_window_get_context (SA_WINDOW (window)),
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

/* ---- The shortcuts window lists every key the application binds ---------------- */

/* A key as the shortcuts window names it: a keypad key is listed as its main key. */
static char *
key_name (guint           keyval,
          GdkModifierType modifiers)
{
  static const struct { const char *from, *to; } keypad[] = {
    { "KP_Enter", "Return" }, { "ISO_Enter", "Return" }, { "KP_Add", "plus" }, { "KP_Subtract", "minus" },
  };
  const char *name = gdk_keyval_name (keyval);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (keypad); i++)
    if (g_str_equal (name, keypad[i].from))
      keyval = gdk_keyval_from_name (keypad[i].to);
  if (name != NULL && g_str_has_prefix (name, "KP_") && gdk_keyval_from_name (name + 3) != GDK_KEY_VoidSymbol)
    keyval = gdk_keyval_from_name (name + 3);
  return gtk_accelerator_name (keyval, modifiers);
}

static void
add_trigger (GHashTable         *keys,
             GtkShortcutTrigger *trigger,
             const char         *where)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_hash_table_insert (keys, key_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                         g_strdup (where));
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (keys, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), where);
      add_trigger (keys, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), where);
    }
}

static void
add_controller_keys (GHashTable            *keys,
                     GtkShortcutController *controller,
                     GHashTable            *inherited,
                     const char            *where)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

      if (inherited == NULL || !g_hash_table_contains (inherited, shortcut))
        add_trigger (keys, gtk_shortcut_get_trigger (shortcut), where);
    }
}

/* The shortcuts GTK or libadwaita gives a class we derive from, which are theirs to list. */
static GHashTable *
inherited_shortcuts (GtkWidget *widget)
{
  GType type = G_OBJECT_TYPE (widget);
  GHashTable *inherited = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_autoptr(GListModel) controllers = NULL;
  GtkWidget *base;

  while (g_str_has_prefix (g_type_name (type), "Sa"))
    type = g_type_parent (type);
  if (G_TYPE_IS_ABSTRACT (type))
    return inherited;
  base = g_object_ref_sink (g_object_new (type, NULL));
  controllers = gtk_widget_observe_controllers (base);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        g_hash_table_add (inherited, g_list_model_get_item (G_LIST_MODEL (controller), j));
    }
  if (GTK_IS_WINDOW (base))
    gtk_window_destroy (GTK_WINDOW (base));
  g_object_unref (base);
  return inherited;
}

/* Every key bound under @widget: by our classes (not the ones they inherit) and by
 * the shortcut controllers our code adds to any widget. */
static void
collect_bound_keys (GtkWidget  *widget,
                    GHashTable *keys)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean ours = g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Sa");
  g_autoptr(GHashTable) inherited = ours ? inherited_shortcuts (widget) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean class_keys = g_strcmp0 (gtk_event_controller_get_name (controller), "gtk-widget-class-shortcuts") == 0;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) || (class_keys && !ours))
        continue;
      add_controller_keys (keys, GTK_SHORTCUT_CONTROLLER (controller), inherited, G_OBJECT_TYPE_NAME (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_bound_keys (child, keys);
}

/* The keys the shortcuts window shows, one entry per key of each of its lines. */
static GHashTable *
listed_keys (GtkBuilder *builder)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        g_auto(GStrv) keys = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        keys = g_strsplit (accelerator ? accelerator : "", " ", -1);
        for (guint i = 0; keys[i] != NULL; i++)
          {
            guint keyval;
            GdkModifierType modifiers;

            g_assert_true (gtk_accelerator_parse (keys[i], &keyval, &modifiers));
            g_hash_table_add (listed, key_name (keyval, modifiers));
          }
      }
  return listed;
}

/* Every accelerator the application sets and every key its windows bind is listed in
 * the shortcuts window GtkApplication loads for Ctrl+?, so that the list cannot drift
 * from the keys again. */
static void
test_help_overlay (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaApplication) app = sa_application_new ();
  SaImportReport report;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/sasaeai/Sasaeai/gtk/help-overlay.ui");
  g_autoptr(GHashTable) listed = listed_keys (builder);
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) actions = NULL;
  const char *opens[] = { "win.new-activity", "win.report", "win.local-resources" };
  GListModel *toplevels = gtk_window_get_toplevels ();
  GHashTableIter iter;
  gpointer key, where;
  GtkWidget *window;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  /* The application's accelerators. */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType modifiers;

          gtk_accelerator_parse (accels[j], &keyval, &modifiers);
          g_hash_table_insert (bound, key_name (keyval, modifiers), g_strdup (actions[i]));
        }
    }
  g_assert_true (g_hash_table_contains (bound, "<Control>q"));

  /* The window's keys, its pages' and those of the windows it opens. */
  g_assert_true (sa_import_sample (store, &report, &error));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  for (guint i = 0; i < G_N_ELEMENTS (opens); i++)
    g_assert_true (gtk_widget_activate_action (window, opens[i], NULL));
  sa_test_wait ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      collect_bound_keys (toplevel, bound);
    }
  g_assert_true (g_hash_table_contains (bound, "<Control>n"));
  g_assert_true (g_hash_table_contains (bound, "<Control>Return"));
  g_assert_true (g_hash_table_contains (bound, "<Control>e"));

  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &key, &where))
    if (!g_hash_table_contains (listed, key))
      g_error ("%s binds %s, which the shortcuts window does not list", (char *) where, (char *) key);

  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (toplevel);
    }
  sa_test_wait ();
}

static gboolean
is_switcher_title (GtkWidget  *widget,
                   const char *unused)
{
  return ADW_IS_VIEW_SWITCHER_TITLE (widget);
}

static gboolean
is_view_stack (GtkWidget  *widget,
               const char *unused)
{
  return ADW_IS_VIEW_STACK (widget);
}

static gboolean
is_primary_menu_button (GtkWidget  *widget,
                        const char *unused)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL;
}

/* The timeline reloads when it is idle: waits for @needle. */
static gboolean
timeline_comes_to_show (GtkWidget  *window,
                        const char *needle)
{
  gint64 end = g_get_monotonic_time () + SA_TEST_TIMEOUT;

  do
    {
      g_autofree char *text = sa_test_timeline_rows (window, 5);

      if (strstr (text, needle) != NULL)
        return TRUE;
    }
  while (sa_test_iterate (end));
  return FALSE;
}

static char *
subtitle (GtkWidget *window)
{
  GtkWidget *title = sa_test_find (window, is_switcher_title, NULL);

  return g_strdup (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title)));
}

/* With a second plan, the main menu offers both; choosing one is what the window,
 * the timeline and the commands show, and sasaeai-cli choosing is followed too. */
static void
test_plan_chooser (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaStore) other = NULL;
  g_autofree char *first = NULL, *next = NULL, *shown = NULL, *text = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  SaImportReport report;
  GMenuModel *plans;
  GtkWidget *window;

  g_settings_reset (settings, "year-format");
  g_assert_true (sa_import_sample (store, &report, &error));
  first = sa_store_resolve_plan (store, NULL, &error);
  next = sa_plan_new_period (store, first, 2016, 2020, NULL, &error);
  g_assert_no_error (error);
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();

  shown = subtitle (window);
  g_assert_cmpstr (shown, ==, "第2期泉区地域福祉保健計画");
  plans = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (sa_test_find (window, is_primary_menu_button, NULL)));
  g_assert_cmpint (g_menu_model_get_n_items (g_menu_model_get_item_link (plans, 0, G_MENU_LINK_SECTION)), ==, 2);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "plan");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, first);

  g_action_group_activate_action (G_ACTION_GROUP (window), "plan", g_variant_new_string (next));
  sa_test_wait ();
  g_clear_pointer (&shown, g_free);
  shown = subtitle (window);
  g_assert_cmpstr (shown, ==, "第3期泉区地域福祉保健計画");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (sa_test_find (window, is_view_stack, NULL)), "timeline");
  sa_test_wait ();
  g_assert_true (timeline_comes_to_show (window, "from FY2016 to FY2020"));
  text = sa_test_timeline_rows (window, 5);
  g_assert_null (strstr (text, "FY2010"));

  /* sasaeai-cli plan choose, through a second connection. */
  other = sa_store_open (path, &error);
  g_assert_true (sa_store_choose_plan (other, first, &error));
  sa_store_refresh (store);
  sa_test_wait ();
  g_clear_pointer (&shown, g_free);
  shown = subtitle (window);
  g_assert_cmpstr (shown, ==, "第2期泉区地域福祉保健計画");

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* Import Plan… with a file that has a problem says where; a good file becomes the
 * plan shown. */
static void
test_import_plan_file (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *bad_path = g_build_filename (dir, "bad-plan.json", NULL);
  g_autofree char *good_path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  SaImportReport report;
  GtkWidget *window, *dialog;

  g_assert_true (sa_import_sample (store, &report, &error));
  g_assert_true (g_file_set_contents (bad_path, "{\"plan\": {\"title\": \"中川地区計画\", \"first_fy\": 2016,"
                                      " \"last_fy\": 2015}, \"sections\": []}", -1, NULL));
  g_assert_true (g_file_set_contents (good_path, "{\"plan\": {\"title\": \"中川地区計画\", \"first_fy\": 2016,"
                                      " \"last_fy\": 2020}, \"sections\": [{\"title\": \"地区の取組\"}]}", -1, NULL));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();

  sa_plan_files_import_file (GTK_WINDOW (window), sa_window_get_context (SA_WINDOW (window)), bad);
  dialog = sa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "The Plan Was Not Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "plan: the first fiscal year is after the last"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  plans = sa_store_list_plans (store, NULL);
  g_assert_cmpuint (plans->len, ==, 1);

  sa_plan_files_import_file (GTK_WINDOW (window), sa_window_get_context (SA_WINDOW (window)), good);
  sa_test_wait ();
  shown = subtitle (window);
  g_assert_cmpstr (shown, ==, "中川地区計画");
  g_unlink (bad_path);
  g_unlink (good_path);
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

static gboolean
is_drop_down (GtkWidget  *widget,
              const char *unused)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* New Plan Period…: the years asked, the outline copied, then each commitment marked
 * beside the old one, the counts following. */
static void
test_new_plan_period (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  g_autofree char *form_text = NULL, *chosen = NULL;
  SaImportReport report;
  GtkWidget *window, *period, *form, *totals;

  g_settings_reset (settings, "year-format");
  g_assert_true (sa_import_sample (store, &report, &error));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();

  g_assert_true (gtk_widget_activate_action (window, "win.new-plan-period", NULL));
  sa_test_wait ();
  period = sa_test_find_toplevel (SA_TYPE_PERIOD_WINDOW);
  g_assert_nonnull (period);
  g_assert_true (sa_test_find (period, sa_test_is_row_titled, "_Title") != NULL);
  g_assert_true (gtk_widget_activate_action (period, "period.create", NULL));
  sa_test_wait ();
  g_assert_cmpstr (sa_period_window_get_counts_text (SA_PERIOD_WINDOW (period)), ==,
                   "Continued 18 · Expanded 0 · Merged 0 · Ended 0 · New 0");
  plans = sa_store_list_plans (store, NULL);
  g_assert_cmpuint (plans->len, ==, 2);
  shown = subtitle (window);
  g_assert_cmpstr (shown, ==, "第3期泉区地域福祉保健計画");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (sa_test_find (period, is_drop_down, NULL)), SA_CARRY_OVER_EXPAND);
  sa_test_wait ();
  g_assert_cmpstr (sa_period_window_get_counts_text (SA_PERIOD_WINDOW (period)), ==,
                   "Continued 17 · Expanded 1 · Merged 0 · Ended 0 · New 0");

  /* The activity form tells the two plans' goals apart. */
  g_assert_true (gtk_widget_activate_action (window, "win.new-activity", NULL));
  sa_test_wait ();
  form = sa_test_find_toplevel (SA_TYPE_ACTIVITY_FORM);
  g_assert_nonnull (form);
  form_text = sa_test_collect_text (form);
  g_assert_nonnull (strstr (form_text, "第2期泉区地域福祉保健計画: Basic Goal 1  "));
  g_assert_nonnull (strstr (form_text, "第3期泉区地域福祉保健計画: Basic Goal 1  "));
  gtk_window_destroy (GTK_WINDOW (form));

  /* Activity Totals count what advances the plan shown. */
  g_assert_true (gtk_widget_activate_action (window, "win.report", NULL));
  sa_test_wait ();
  totals = sa_test_find_toplevel (SA_TYPE_REPORT_WINDOW);
  g_assert_nonnull (totals);
  chosen = sa_store_resolve_plan (store, NULL, &error);
  g_assert_cmpstr (sa_report_window_get_report (SA_REPORT_WINDOW (totals))->plan_id, ==, chosen);
  gtk_window_destroy (GTK_WINDOW (totals));

  /* Compare Plan Periods… shows the same marks later. */
  gtk_window_destroy (GTK_WINDOW (period));
  g_assert_true (gtk_widget_activate_action (window, "win.compare-plan-periods", NULL));
  sa_test_wait ();
  period = sa_test_find_toplevel (SA_TYPE_PERIOD_WINDOW);
  g_assert_nonnull (period);
  g_assert_cmpstr (sa_period_window_get_counts_text (SA_PERIOD_WINDOW (period)), ==,
                   "Continued 17 · Expanded 1 · Merged 0 · Ended 0 · New 0");
  gtk_window_destroy (GTK_WINDOW (period));
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);
  g_test_add_func ("/window/sample-plan", test_window_shows_sample_plan);
  g_test_add_func ("/window/plan-chooser", test_plan_chooser);
  g_test_add_func ("/window/import-plan-file", test_import_plan_file);
  g_test_add_func ("/window/new-plan-period", test_new_plan_period);
  g_test_add_func ("/window/help-overlay", test_help_overlay);
  g_test_add_func ("/window/copy-banner", test_copy_banner);
  g_test_add_func ("/window/toast-text-as-written", test_toast_text_as_written);
  g_test_add_func ("/window/shared-filter", test_shared_filter);
  g_test_add_func ("/window/filters-in-plan-order", test_filters_in_plan_order);
  g_test_add_func ("/window/undo-keeps-changes-elsewhere", test_undo_keeps_changes_elsewhere);
  return g_test_run ();
}
