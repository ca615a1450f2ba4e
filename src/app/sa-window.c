/* sa-window.c: the main window
 *
 * A header bar with a view switcher over the views. The List view has a sidebar with
 * the plan outline (plan → sections → goals → initiatives), and shows the selected item
 * in the content pane for reading and editing. Every change goes through one undo stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible.h"
#include "sa-activity-filter.h"
#include "sa-activity-form.h"
#include "sa-activity-log.h"
#include "sa-calendar-page.h"
#include "sa-date.h"
#include "sa-deleted-window.h"
#include "sa-resource-window.h"
#include "sa-report-window.h"
#include "sa-goal.h"
#include "sa-month-grid.h"
#include "sa-initiative.h"
#include "sa-outline-pane.h"
#include "sa-period-window.h"
#include "sa-plan-files.h"
#include "sa-plan-period.h"
#include "sa-plan.h"
#include "sa-record-editor.h"
#include "sa-review-page.h"
#include "sa-site-name-dialog.h"
#include "sa-store-plans.h"
#include "sa-section.h"
#include "sa-sync-ui.h"
#include "sa-store-watcher.h"
#include "sa-sheet-print.h"
#include "sa-timeline-page.h"
#include "sa-window-private.h"


G_DEFINE_FINAL_TYPE (SaWindow, sa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the outline model ---------------------------------------------------------- */

static GListModel *
list_children (SaStore       *store,
               const SaTable *table,
               const char    *column,
               const char    *parent_id)
{
  g_autoptr(GPtrArray) rows = sa_store_list (store, table, column, parent_id, NULL);
  GListStore *model = g_list_store_new (SA_TYPE_RECORD);

  if (rows != NULL)
    g_list_store_splice (model, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (model);
}

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  SaWindow *self = user_data;
  const char *id = sa_record_get_id (SA_RECORD (item));

  if (SA_IS_PLAN (item))
    return list_children (self->store, &sa_section_table, "plan_id", id);
  if (SA_IS_SECTION (item))
    return list_children (self->store, &sa_goal_table, "section_id", id);
  if (SA_IS_GOAL (item))
    return list_children (self->store, &sa_initiative_table, "goal_id", id);
  return NULL;
}

static char *
outline_label (SaRecord *item)
{
  if (SA_IS_PLAN (item))
    return g_strdup (sa_record_get_text (item, SA_PLAN_TITLE));
  if (SA_IS_SECTION (item))
    return g_strjoin (" ", sa_record_get_text (item, SA_SECTION_LABEL) ?: "",
                      sa_record_get_text (item, SA_SECTION_TITLE), NULL);
  if (SA_IS_GOAL (item))
    {
      g_autofree char *heading = g_strdup_printf (_("Basic Goal %d"), (int) sa_record_get_int (item, SA_GOAL_NUMBER));
      return g_strdup_printf ("%s  %s", heading, sa_record_get_text (item, SA_GOAL_TITLE));
    }
  return g_strdup (sa_record_get_text (item, SA_INITIATIVE_TITLE));
}

static void
setup_outline_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  /* Long titles end in an ellipsis here; the tooltip and the content pane show them whole. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_outline_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  g_autoptr(SaRecord) item = gtk_tree_list_row_get_item (row);
  g_autofree char *text = outline_label (item);
  GtkWidget *label = gtk_tree_expander_get_child (expander);

  gtk_tree_expander_set_list_row (expander, row);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  sa_accessible_name_list_item (list_item, text);
}

/* ---- selection ------------------------------------------------------------------ */

static SaRecord *
selected_outline_item (SaWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->outline_selection);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
on_outline_selection_changed (SaWindow *self)
{
  g_autoptr(SaRecord) item = selected_outline_item (self);

  if (item == NULL)
    return;
  gtk_list_box_unselect_all (self->nav_list);
  sa_outline_pane_show (self->outline_pane, item);
  gtk_stack_set_visible_child_name (self->content_stack, "outline");
}

static void
on_nav_row_selected (SaWindow      *self,
                     GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  gtk_single_selection_set_selected (self->outline_selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->content_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Selects the outline row that shows the record with @id; FALSE when there is none. */
static gboolean
select_outline_id (SaWindow   *self,
                   const char *id)
{
  GListModel *rows = G_LIST_MODEL (self->outline);

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(SaRecord) item = gtk_tree_list_row_get_item (row);

      if (g_str_equal (sa_record_get_id (item), id))
        {
          gtk_single_selection_set_selected (self->outline_selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- loading -------------------------------------------------------------------- */

/* The main menu lists the plans, when there is more than one, to choose from. */
static void
update_plans (SaWindow *self)
{
  g_autoptr(GPtrArray) plans = sa_store_list_plans (self->store, NULL);
  g_autofree char *chosen = sa_store_resolve_plan (self->store, NULL, NULL);
  g_autoptr(SaRecord) plan = chosen ? sa_store_get (self->store, &sa_plan_table, chosen, NULL) : NULL;

  g_autofree char *predecessor = chosen ? sa_plan_dup_predecessor_plan (self->store, chosen, NULL) : NULL;

  adw_view_switcher_title_set_subtitle (self->switcher_title, plan ? sa_record_get_text (plan, SA_PLAN_TITLE) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-plan-periods", predecessor != NULL);
  g_simple_action_set_state (self->plan_action, g_variant_new_string (chosen ? chosen : ""));
  g_menu_remove_all (self->plan_section);
  for (guint i = 0; plans != NULL && plans->len > 1 && i < plans->len; i++)
    {
      SaRecord *listed = g_ptr_array_index (plans, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (sa_record_get_text (listed, SA_PLAN_TITLE), NULL);

      g_menu_item_set_action_and_target (item, "win.plan", "s", sa_record_get_id (listed));
      g_menu_append_item (self->plan_section, item);
    }
}

static void
load_outline (SaWindow *self)
{
  g_autoptr(GListModel) plans = list_children (self->store, &sa_plan_table, NULL, NULL);
  g_autoptr(SaRecord) plan = g_list_model_get_item (plans, 0);
  g_autoptr(SaRecord) selected = self->outline_selection ? selected_outline_item (self) : NULL;
  const char *shown = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean outline_shown = shown == NULL || g_str_equal (shown, "outline") || g_str_equal (shown, "no-plan");

  update_plans (self);

  g_clear_object (&self->outline);
  self->outline = gtk_tree_list_model_new (g_steal_pointer (&plans), FALSE, TRUE, create_child_model, self, NULL);
  gtk_single_selection_set_model (self->outline_selection, G_LIST_MODEL (self->outline));

  /* Keep the reader where they were: the same item, if it is still there. */
  if (!outline_shown || !select_outline_id (self, selected ? sa_record_get_id (selected) : NULL))
    gtk_single_selection_set_selected (self->outline_selection,
                                       outline_shown ? 0 : GTK_INVALID_LIST_POSITION);
  if (plan == NULL && outline_shown)
    gtk_stack_set_visible_child_name (self->content_stack, "no-plan");
}

static gboolean
has_plan (SaWindow *self)
{
  g_autoptr(GListModel) plans = list_children (self->store, &sa_plan_table, NULL, NULL);

  return g_list_model_get_n_items (plans) > 0;
}

static gboolean
is_outline_table (const char *table)
{
  return g_str_equal (table, "plan") || g_str_equal (table, "section") ||
         g_str_equal (table, "goal") || g_str_equal (table, "initiative");
}

/* Shows in the banner what the store says the person must know, such as that the
 * database was a copy and now writes as a new office. */
static void
show_notices (SaWindow *self)
{
  g_auto(GStrv) notices = sa_store_take_notices (self->store);
  g_autofree char *text = NULL;

  if (notices == NULL)
    return;
  if (gtk_revealer_get_reveal_child (self->notice_revealer))
    {
      g_autofree char *shown = g_strjoinv ("\n", notices);
      text = g_strconcat (gtk_label_get_text (self->notice_label), "\n", shown, NULL);
    }
  else
    text = g_strjoinv ("\n", notices);
  gtk_label_set_text (self->notice_label, text);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
}

static void
on_notice_dismissed (SaWindow *self)
{
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

static void
on_store_changed (SaWindow           *self,
                  const char         *table,
                  const char * const *ids)
{
  if (is_outline_table (table))
    load_outline (self);
  show_notices (self);
}

static void
on_active_changed (SaWindow *self)
{
  /* Another program may have written while the window was in the background. */
  if (gtk_window_is_active (GTK_WINDOW (self)))
    sa_store_refresh (self->store);
}

/* ---- the views of activities ---------------------------------------------------- */

static GtkWidget *
nav_row (const char *name,
         const char *icon,
         const char *label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_name (row, name);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

static void
add_page (SaWindow   *self,
          GtkWidget  *page,
          const char *name,
          const char *title,
          const char *icon)
{
  AdwViewStackPage *stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);

  adw_view_stack_page_set_use_underline (stack_page, TRUE);
  adw_view_stack_page_set_icon_name (stack_page, icon);
}

/* Calendar, Timeline and Review are built when first shown, or first needed (the
 * timeline prints the handout): built before the window mapped, with 100,000
 * activities, they held it back for seconds and took memory for views the person
 * may not open. Until then each is an empty AdwBin in the view stack, so the view
 * switcher, its Alt shortcuts and the saved last view work as before. */
static void
put_page (SaWindow   *self,
          const char *name,
          GtkWidget  *page)
{
  adw_bin_set_child (ADW_BIN (adw_view_stack_get_child_by_name (self->view_stack, name)), page);
}

SaCalendarPage *
_sa_window_get_calendar_page (SaWindow *self)
{
  if (self->calendar_page == NULL)
    {
      self->calendar_page = SA_CALENDAR_PAGE (sa_calendar_page_new (self->context));
      put_page (self, "calendar", GTK_WIDGET (self->calendar_page));
    }
  return self->calendar_page;
}

SaTimelinePage *
_sa_window_get_timeline_page (SaWindow *self)
{
  if (self->timeline_page == NULL)
    {
      self->timeline_page = sa_timeline_page_new (self->context);
      put_page (self, "timeline", GTK_WIDGET (self->timeline_page));
    }
  return self->timeline_page;
}

SaReviewPage *
_sa_window_get_review_page (SaWindow *self)
{
  if (self->review_page == NULL)
    {
      self->review_page = sa_review_page_new (self->context);
      put_page (self, "review", GTK_WIDGET (self->review_page));
    }
  return self->review_page;
}

static void
on_visible_page_changed (SaWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  /* The template's own page shows before the window is constructed. */
  if (self->context == NULL)
    return;
  if (g_strcmp0 (name, "calendar") == 0)
    _sa_window_get_calendar_page (self);
  else if (g_strcmp0 (name, "timeline") == 0)
    _sa_window_get_timeline_page (self);
  else if (g_strcmp0 (name, "review") == 0)
    _sa_window_get_review_page (self);
}

/* The activity log beside the outline, and the calendar as a view of its own; both see
 * the same filter. */
static void
add_activity_views (SaWindow *self)
{
  self->activity_log = SA_ACTIVITY_LOG (sa_activity_log_new (self->context));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->activity_log), "log");
  gtk_list_box_append (self->nav_list, nav_row ("log", "document-open-recent-symbolic", _("Activity Log")));

  add_page (self, adw_bin_new (), "calendar", _("_Calendar"), "x-office-calendar-symbolic");
  add_page (self, adw_bin_new (), "timeline", _("_Timeline"), "x-office-spreadsheet-symbolic");
  /* The yearly review rates the commitments: a half-filled star. */
  add_page (self, adw_bin_new (), "review", _("_Review"), "semi-starred-symbolic");
}

/* ---- window state --------------------------------------------------------------- */

static void
restore_state (SaWindow *self)
{
  GSettings *settings = sa_context_get_settings (self->context);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (settings, "last-page", self->view_stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);
}

static gboolean
sa_window_close_request (GtkWindow *window)
{
  SaWindow *self = SA_WINDOW (window);
  GSettings *settings = sa_context_get_settings (self->context);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  return GTK_WINDOW_CLASS (sa_window_parent_class)->close_request (window);
}

/* ---- object --------------------------------------------------------------------- */

static void
sa_window_constructed (GObject *object)
{
  SaWindow *self = SA_WINDOW (object);

  G_OBJECT_CLASS (sa_window_parent_class)->constructed (object);

  self->context = sa_context_new (self->store);
  g_signal_connect_object (sa_context_get_undo_stack (self->context), "notify::can-undo",
                           G_CALLBACK (_sa_window_update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sa_context_get_undo_stack (self->context), "notify::can-redo",
                           G_CALLBACK (_sa_window_update_undo_actions), self, G_CONNECT_SWAPPED);
  _sa_window_update_undo_actions (self);

  self->outline_pane = sa_outline_pane_new (self->context);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->outline_pane), "outline");
  add_activity_views (self);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);
  self->watcher = sa_store_watcher_new (self->store);
  /* Staff spend their day in the activity log: it comes first, once there is a plan.
   * Shown before the outline loads, it spares filling the outline pane with the plan
   * for nothing (0.1–0.2 s before the window could map). */
  if (has_plan (self))
    gtk_stack_set_visible_child_name (self->content_stack, "log");
  load_outline (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->outline)) > 0)
    _sa_window_show_activity_log (self);
  restore_state (self);
  show_notices (self);
}

static void
sa_window_dispose (GObject *object)
{
  SaWindow *self = SA_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_WINDOW);
  g_clear_object (&self->watcher);
  g_clear_object (&self->plan_action);
  g_clear_object (&self->outline_selection);
  g_clear_object (&self->outline);
  g_clear_object (&self->context);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sa_window_parent_class)->dispose (object);
}

static void
sa_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SaWindow *self = SA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SaWindow *self = SA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_window_class_init (SaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sa_window_constructed;
  object_class->dispose = sa_window_dispose;
  object_class->get_property = sa_window_get_property;
  object_class->set_property = sa_window_set_property;
  window_class->close_request = sa_window_close_request;

  /**
   * SaWindow:store:
   *
   * The plan database the window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_OUTLINE_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SaWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_dismissed);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, plan_section);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, nav_list);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_nav_row_selected);

  _sa_window_class_actions_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sa_window_init (SaWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->plan_action = g_simple_action_new_stateful ("plan", G_VARIANT_TYPE_STRING, g_variant_new_string (""));
  g_signal_connect (self->plan_action, "change-state", G_CALLBACK (_sa_window_plan_chosen), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->plan_action));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_outline_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_outline_row), self);
  gtk_list_view_set_factory (self->outline_view, factory);

  self->outline_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->outline_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->outline_selection, TRUE);
  g_signal_connect_object (self->outline_selection, "selection-changed",
                           G_CALLBACK (on_outline_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (self->outline_selection));

  /* Views build their buttons when first shown, and the view switcher's come with
   * the views: name them all then, once the page shown is built. */
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (on_visible_page_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (sa_accessible_name_buttons), NULL);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (sa_accessible_name_buttons),
                           self, G_CONNECT_SWAPPED);
}

SaWindow *
sa_window_new (SaApplication *application,
               SaStore       *store)
{
  return g_object_new (SA_TYPE_WINDOW, "application", application, "store", store, NULL);
}

SaStore *
sa_window_get_store (SaWindow *self)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * sa_window_get_context:
 * @self: a window
 *
 * Returns: (transfer none): what the window's views share
 */
SaContext *
sa_window_get_context (SaWindow *self)
{
  g_return_val_if_fail (SA_IS_WINDOW (self), NULL);

  return self->context;
}
