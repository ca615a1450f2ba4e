/* sa-test-gui.c: driving real widgets in GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "sa-activity.h"
#include "sa-test-gui.h"
#include "sa-timeline-view.h"
#include "sasaeai-resources.h"

/**
 * sa_test_gui_init:
 *
 * Sets up gettext as main() does, then GTK for tests. Without a display, exits with
 * 77 so the test counts as skipped; the test command runs it under Xvfb.
 */
void
sa_test_gui_init (int    *argc,
                  char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    exit (77);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SASAEAI_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  sasaeai_register_resource ();
  sa_test_load_style ();
  /* Tests wait for conditions, never for a time: without animations, a widget is in
   * its final state once the frame after the change is drawn. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/**
 * sa_test_load_style:
 *
 * Adds the application's stylesheet to the display, as AdwApplication does for the
 * application: windows built without one look and draw as they do in it.
 */
void
sa_test_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/sasaeai/Sasaeai/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * sa_test_iterate:
 * @deadline: a monotonic time
 *
 * Runs one iteration of the main loop, blocking until something happens; a timer wakes
 * it now and then, for conditions no source signals, such as another thread's work.
 *
 * Returns: %FALSE once @deadline has passed
 */
gboolean
sa_test_iterate (gint64 deadline)
{
  guint id;

  if (g_get_monotonic_time () > deadline)
    return FALSE;
  id = g_timeout_add (10, wake_up, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  return TRUE;
}

/**
 * sa_test_wait_until:
 * @condition: what the test needs next
 * @data: passed to @condition
 * @what: the condition in words, for the failure
 *
 * Runs the main loop until @condition holds; fails the test after ten seconds.
 */
void
sa_test_wait_until (SaTestCondition  condition,
                    gpointer         data,
                    const char      *what)
{
  gint64 deadline = g_get_monotonic_time () + SA_TEST_TIMEOUT;

  while (!condition (data))
    if (!sa_test_iterate (deadline))
      g_error ("Waited ten seconds in vain for %s", what);
}

typedef struct
{
  GtkWidget *window;
  gboolean   painted;
} Frame;

static void
on_after_paint (GdkFrameClock *clock,
                Frame         *frame)
{
  frame->painted = TRUE;
}

/* Every window has drawn, or is no longer shown and will not. */
static gboolean
all_painted (gpointer data)
{
  GArray *frames = data;

  for (guint i = 0; i < frames->len; i++)
    {
      Frame *frame = &g_array_index (frames, Frame, i);

      if (!frame->painted && frame->window != NULL && gtk_widget_get_mapped (frame->window))
        return FALSE;
    }
  return TRUE;
}

/* Has every shown window draw one more frame: layout, mapping and drawing of what
 * changed before are then done. A window whose frame never comes is left for the
 * test's next check to report. */
static void
wait_for_frame (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GArray) frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_autoptr(GPtrArray) clocks = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 deadline = g_get_monotonic_time () + SA_TEST_TIMEOUT;

  g_array_set_size (frames, g_list_model_get_n_items (toplevels));
  for (guint i = 0; i < frames->len; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
      Frame *frame = &g_array_index (frames, Frame, i);

      if (clock == NULL || !gtk_widget_get_mapped (window))
        continue;
      frame->window = window;
      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &frame->window);
      g_ptr_array_add (clocks, g_object_ref (clock));
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), frame);
      gtk_widget_queue_draw (window);
    }
  while (!all_painted (frames) && sa_test_iterate (deadline))
    ;
  for (guint i = 0; i < clocks->len; i++)
    g_signal_handlers_disconnect_matched (clocks->pdata[i], G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_after_paint, NULL);
  for (guint i = 0; i < frames->len; i++)
    {
      Frame *frame = &g_array_index (frames, Frame, i);

      if (frame->window != NULL)
        g_object_remove_weak_pointer (G_OBJECT (frame->window), (gpointer *) &frame->window);
    }
}

/**
 * sa_test_flush:
 *
 * Runs what is pending in the main loop now, such as the idle callbacks that bring a
 * store's changes to a page.
 */
void
sa_test_flush (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/**
 * sa_test_wait:
 *
 * Lets the windows settle after a change: runs what is pending, then waits until every
 * shown window has drawn twice (a list lays out its rows in one frame, and what they
 * queue is drawn in the next).
 */
void
sa_test_wait (void)
{
  for (guint i = 0; i < 2; i++)
    {
      sa_test_flush ();
      wait_for_frame ();
    }
  sa_test_flush ();
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

/**
 * sa_test_draw:
 * @widget: a shown widget
 *
 * A widget drawn anew since its last frame has nothing to give until the next one:
 * this waits for its frames until it has.
 *
 * Returns: (transfer full): what @widget draws, as GTK's renderer gets it
 */
GskRenderNode *
sa_test_draw (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + SA_TEST_TIMEOUT;
  GskRenderNode *node;

  sa_test_wait ();
  while ((node = snapshot_widget (widget)) == NULL)
    if (!sa_test_iterate (deadline))
      g_error ("Waited ten seconds in vain for a %s to draw", G_OBJECT_TYPE_NAME (widget));
  return node;
}

/**
 * sa_test_find:
 * @root: where to look
 * @match: what to look for
 * @text: (nullable): passed to @match
 *
 * Returns: (transfer none) (nullable): the first shown widget under @root that matches
 */
GtkWidget *
sa_test_find (GtkWidget   *root,
              SaTestMatch  match,
              const char  *text)
{
  if (gtk_widget_get_mapped (root) && match (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sa_test_find (child, match, text);
      if (found)
        return found;
    }
  return NULL;
}

/**
 * sa_test_find_any:
 * @root: where to look
 * @match: what to look for
 * @text: (nullable): passed to @match
 *
 * Like sa_test_find (), but also among widgets not shown, such as a closed row's or
 * the view behind an empty state.
 *
 * Returns: (transfer none) (nullable): the first widget under @root that matches
 */
GtkWidget *
sa_test_find_any (GtkWidget   *root,
                  SaTestMatch  match,
                  const char  *text)
{
  if (match (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sa_test_find_any (child, match, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * sa_test_find_type:
 * @root: where to look
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): the first widget of @type under @root, shown or not
 */
GtkWidget *
sa_test_find_type (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sa_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * sa_test_find_toplevel:
 * @type: a window type
 *
 * Returns: (transfer none) (nullable): a visible window of @type
 */
GtkWidget *
sa_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/**
 * sa_test_wait_for_toplevel:
 * @type: a window type
 *
 * Runs the main loop until a window of @type shows.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
sa_test_wait_for_toplevel (GType type)
{
  GtkWidget *found;

  SA_TEST_WAIT_FOR ((found = sa_test_find_toplevel (type)) != NULL);
  return found;
}

/**
 * sa_test_press_key:
 * @widget: the widget with the focus
 * @keyval: a key
 * @mods: the modifiers held
 *
 * Runs what a key press runs: the shortcut bound to @keyval and @mods on @widget, in
 * its class's bindings or a controller of its own; fails the test when there is none.
 *
 * Returns: whether the shortcut's action ran (a key that does nothing where it is,
 *   such as the year before the first, gives %FALSE)
 */
gboolean
sa_test_press_key (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            {
              gboolean ran = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                           gtk_shortcut_get_arguments (shortcut));

              sa_test_flush ();
              return ran;
            }
        }
    }
  g_error ("%s has no shortcut for %s", G_OBJECT_TYPE_NAME (widget), gdk_keyval_name (keyval));
}

static void
collect (GtkWidget *widget,
         GString   *text)
{
  const char *title = NULL;

  if (GTK_IS_LABEL (widget))
    title = gtk_label_get_text (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  if (title != NULL && gtk_widget_get_mapped (widget))
    g_string_append_printf (text, "%s\n", title);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, text);
}

/**
 * sa_test_collect_text:
 * @root: a widget
 *
 * Returns: (transfer full): the text of every shown label, row and group title under
 *   @root, a line each
 */
char *
sa_test_collect_text (GtkWidget *root)
{
  GString *text = g_string_new (NULL);

  collect (root, text);
  return g_string_free (text, FALSE);
}

void
sa_test_click (GtkWidget  *root,
               const char *tooltip)
{
  GtkWidget *button = sa_test_find (root, sa_test_has_tooltip, tooltip);

  if (button == NULL)
    g_error ("No button “%s”", tooltip);
  g_signal_emit_by_name (button, "clicked");
  sa_test_wait ();
}

void
sa_test_type_into (GtkWidget  *root,
                   const char *row_title,
                   const char *text)
{
  GtkWidget *row = sa_test_find (root, sa_test_is_row_titled, row_title);

  if (row == NULL)
    g_error ("No field “%s”", row_title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/**
 * sa_test_temp_db:
 *
 * Returns: (transfer full): the path of a database file in a new temporary folder
 */
char *
sa_test_temp_db (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-test-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, "plan.db", NULL);
}

gboolean
sa_test_has_tooltip (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

gboolean
sa_test_has_label (GtkWidget  *widget,
                   const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

gboolean
sa_test_is_row_titled (GtkWidget  *widget,
                       const char *text)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0;
}

gboolean
sa_test_is_status_titled (GtkWidget  *widget,
                          const char *text)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0;
}

gboolean
sa_test_is_error_label (GtkWidget  *widget,
                        const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

gboolean
sa_test_is_list_view (GtkWidget  *widget,
                      const char *text)
{
  return GTK_IS_LIST_VIEW (widget);
}

/* What the timeline in @window says of its first @n_rows rows, as a screen reader
 * hears them, a line a row. */
char *
sa_test_timeline_rows (GtkWidget *window,
                       int        n_rows)
{
  SaTimelineView *view = SA_TIMELINE_VIEW (sa_test_find_type (window, SA_TYPE_TIMELINE_VIEW));
  GString *text = g_string_new (NULL);

  for (int row = 0; row < n_rows; row++)
    {
      g_autofree char *schedule = NULL;
      g_autofree char *described = sa_timeline_view_describe_row (view, row, &schedule);

      g_string_append_printf (text, "%s %s\n", described ? described : "", schedule ? schedule : "");
    }
  return g_string_free (text, FALSE);
}

/* Adds a salon on 2012-05-20 by @organization_id (or none), as staff would. */
void
sa_test_add_salon (SaStore    *store,
                   const char *organization_id)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, organization_id);
  g_assert_true (sa_store_add_activity (store, activity, NULL, &error));
}

/* The widget under @widget that its template names @id, or %NULL. */
GtkWidget *
sa_test_lookup_id (GtkWidget  *widget,
                   const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sa_test_lookup_id (child, id);
      if (found)
        return found;
    }
  return NULL;
}

/* The widget under @root that its template names @id; the test fails without one. */
GtkWidget *
sa_test_find_id (GtkWidget  *root,
                 const char *id)
{
  GtkWidget *found = sa_test_lookup_id (root, id);

  if (found == NULL)
    g_error ("No widget “%s”", id);
  return found;
}
