/* sa-window.c: the main window
 *
 * The plan outline (sections → goals → initiatives) in a sidebar, and the selected
 * item shown the way the plan document shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-date.h"
#include "sa-expected-action.h"
#include "sa-goal.h"
#include "sa-initiative.h"
#include "sa-plan.h"
#include "sa-schedule-phase.h"
#include "sa-section.h"
#include "sa-situation-note.h"
#include "sa-window.h"

struct _SaWindow
{
  AdwApplicationWindow  parent_instance;

  SaStore              *store;
  GtkTreeListModel     *outline;

  AdwWindowTitle       *window_title;
  GtkListView          *outline_view;
  GtkBox               *detail_box;
};

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

  if (SA_IS_SECTION (item))
    return list_children (self->store, &sa_goal_table, "section_id", id);
  if (SA_IS_GOAL (item))
    return list_children (self->store, &sa_initiative_table, "goal_id", id);
  return NULL;
}

static char *
goal_heading (SaRecord *goal)
{
  return g_strdup_printf (_("Basic Goal %d"), (int) sa_record_get_int (goal, SA_GOAL_NUMBER));
}

static char *
outline_label (SaRecord *item)
{
  if (SA_IS_SECTION (item))
    return g_strjoin (" ", sa_record_get_text (item, SA_SECTION_LABEL) ?: "",
                      sa_record_get_text (item, SA_SECTION_TITLE), NULL);
  if (SA_IS_GOAL (item))
    {
      g_autofree char *heading = goal_heading (item);
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

  /* Long titles end in an ellipsis here; the tooltip and the detail pane show them whole. */
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
  SaRecord *item = gtk_tree_list_row_get_item (row);
  g_autofree char *text = outline_label (item);

  gtk_tree_expander_set_list_row (expander, row);
  gtk_label_set_text (GTK_LABEL (gtk_tree_expander_get_child (expander)), text);
  gtk_widget_set_tooltip_text (gtk_tree_expander_get_child (expander), text);
  g_object_unref (item);
}

/* ---- the detail pane ------------------------------------------------------------ */

static void
clear_detail (SaWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))))
    gtk_box_remove (self->detail_box, child);
}

static void
add_heading (SaWindow   *self,
             const char *overline,
             const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *small = gtk_label_new (overline);
  GtkWidget *large = gtk_label_new (title);

  gtk_widget_add_css_class (small, "dim-label");
  gtk_widget_add_css_class (small, "heading");
  gtk_widget_add_css_class (large, "title-2");
  gtk_label_set_wrap (GTK_LABEL (large), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (large), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (small), 0);
  gtk_label_set_xalign (GTK_LABEL (large), 0);
  gtk_label_set_selectable (GTK_LABEL (large), TRUE);
  gtk_box_append (GTK_BOX (box), small);
  gtk_box_append (GTK_BOX (box), large);
  gtk_box_append (self->detail_box, box);
}

static AdwPreferencesGroup *
add_group (SaWindow   *self,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->detail_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Plan texts are plain text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
}

static void
add_rows (SaWindow      *self,
          const char    *title,
          GPtrArray     *records,
          guint          column,
          const char    *filter_value,
          guint          filter_column)
{
  AdwPreferencesGroup *group = NULL;

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (records, i);

      if (filter_value != NULL &&
          g_strcmp0 (sa_record_get_text (record, filter_column), filter_value) != 0)
        continue;
      if (group == NULL)
        group = add_group (self, title);
      add_row (group, sa_record_get_text (record, column), NULL);
    }
}

static void
show_section (SaWindow *self,
              SaRecord *section)
{
  g_autoptr(GPtrArray) notes = sa_store_list (self->store, &sa_situation_note_table, "section_id",
                                              sa_record_get_id (section), NULL);
  g_autoptr(GPtrArray) goals = sa_store_list (self->store, &sa_goal_table, "section_id",
                                              sa_record_get_id (section), NULL);
  AdwPreferencesGroup *group;

  add_heading (self, sa_record_get_text (section, SA_SECTION_LABEL) ?: "",
               sa_record_get_text (section, SA_SECTION_TITLE));
  add_rows (self, _("What Has Improved"), notes, SA_SITUATION_NOTE_TEXT, "strength", SA_SITUATION_NOTE_KIND);
  add_rows (self, _("Open Challenges"), notes, SA_SITUATION_NOTE_TEXT, "challenge", SA_SITUATION_NOTE_KIND);

  group = add_group (self, _("Basic Goals"));
  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      g_autofree char *heading = goal_heading (g_ptr_array_index (goals, i));
      add_row (group, sa_record_get_text (g_ptr_array_index (goals, i), SA_GOAL_TITLE), heading);
    }
}

static char *
schedule_text (SaWindow   *self,
               const char *commitment_id)
{
  g_autoptr(GPtrArray) phases = sa_store_list (self->store, &sa_schedule_phase_table,
                                               "commitment_id", commitment_id, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      SaRecord *phase = g_ptr_array_index (phases, i);
      g_autofree char *from = sa_fiscal_year_label (sa_record_get_int (phase, SA_SCHEDULE_PHASE_START_FY),
                                                    SA_YEAR_FORMAT_ERA_LETTER);
      g_autofree char *to = sa_fiscal_year_label (sa_record_get_int (phase, SA_SCHEDULE_PHASE_END_FY),
                                                  SA_YEAR_FORMAT_ERA_LETTER);

      g_string_append_printf (text, "%s%s–%s %s", i ? ", " : "", from, to,
                              sa_record_get_text (phase, SA_SCHEDULE_PHASE_LABEL));
    }
  return g_string_free (text, FALSE);
}

static void
add_commitments (SaWindow  *self,
                 SaRecord  *actor,
                 GPtrArray *commitments)
{
  AdwPreferencesGroup *group = NULL;

  for (guint i = 0; commitments != NULL && i < commitments->len; i++)
    {
      SaRecord *commitment = g_ptr_array_index (commitments, i);
      g_autofree char *schedule = NULL;
      g_autofree char *subtitle = NULL;
      const char *target = sa_record_get_text (commitment, SA_COMMITMENT_TARGET_TEXT);

      if (g_strcmp0 (sa_record_get_text (commitment, SA_COMMITMENT_ACTOR_ID), sa_record_get_id (actor)) != 0)
        continue;
      if (group == NULL)
        {
          g_autofree char *title = g_strdup_printf (_("Commitments of %s"),
                                                    sa_record_get_text (actor, SA_ACTOR_NAME));
          group = add_group (self, title);
        }
      schedule = schedule_text (self, sa_record_get_id (commitment));
      subtitle = target ? g_strdup_printf (_("Target: %s · %s"), target, schedule) : g_strdup (schedule);
      add_row (group, sa_record_get_text (commitment, SA_COMMITMENT_TEXT), subtitle);
    }
}

static void
show_goal (SaWindow *self,
           SaRecord *goal)
{
  const char *id = sa_record_get_id (goal);
  g_autoptr(GPtrArray) initiatives = sa_store_list (self->store, &sa_initiative_table, "goal_id", id, NULL);
  g_autoptr(GPtrArray) actions = sa_store_list (self->store, &sa_expected_action_table, "goal_id", id, NULL);
  g_autoptr(GPtrArray) commitments = sa_store_list (self->store, &sa_commitment_table, "goal_id", id, NULL);
  g_autoptr(GPtrArray) actors = sa_store_list (self->store, &sa_actor_table, NULL, NULL, NULL);
  g_autofree char *heading = goal_heading (goal);

  add_heading (self, heading, sa_record_get_text (goal, SA_GOAL_TITLE));
  add_rows (self, _("Initiatives"), initiatives, SA_INITIATIVE_TITLE, NULL, 0);

  for (guint i = 0; actors != NULL && i < actors->len; i++)
    {
      SaRecord *actor = g_ptr_array_index (actors, i);
      g_autofree char *title = g_strdup_printf (_("Expected of %s"), sa_record_get_text (actor, SA_ACTOR_NAME));

      add_rows (self, title, actions, SA_EXPECTED_ACTION_TEXT, sa_record_get_id (actor), SA_EXPECTED_ACTION_ACTOR_ID);
    }
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    add_commitments (self, g_ptr_array_index (actors, i), commitments);
}

static void
show_item (SaWindow *self,
           SaRecord *item)
{
  clear_detail (self);
  if (item == NULL)
    return;

  if (SA_IS_SECTION (item))
    show_section (self, item);
  else if (SA_IS_GOAL (item))
    show_goal (self, item);
  else
    add_heading (self, _("Initiative"), sa_record_get_text (item, SA_INITIATIVE_TITLE));
}

static void
on_selection_changed (SaWindow          *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  g_autoptr(SaRecord) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  show_item (self, item);
}

/* ---- loading -------------------------------------------------------------------- */

static void
load_outline (SaWindow *self)
{
  g_autoptr(GPtrArray) plans = sa_store_list (self->store, &sa_plan_table, NULL, NULL, NULL);
  SaRecord *plan = plans && plans->len ? g_ptr_array_index (plans, 0) : NULL;
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  adw_window_title_set_subtitle (self->window_title, plan ? sa_record_get_text (plan, SA_PLAN_TITLE) : NULL);
  sections = plan ? list_children (self->store, &sa_section_table, "plan_id", sa_record_get_id (plan))
                  : G_LIST_MODEL (g_list_store_new (SA_TYPE_RECORD));

  g_clear_object (&self->outline);
  self->outline = gtk_tree_list_model_new (g_steal_pointer (&sections), FALSE, TRUE,
                                           create_child_model, self, NULL);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->outline)));
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (selection));
  on_selection_changed (self, 0, 0, GTK_SELECTION_MODEL (selection));
}

static void
on_store_changed (SaWindow   *self,
                  const char *table)
{
  load_outline (self);
}

static void
sa_window_constructed (GObject *object)
{
  SaWindow *self = SA_WINDOW (object);

  G_OBJECT_CLASS (sa_window_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  load_outline (self);
}

static void
sa_window_dispose (GObject *object)
{
  SaWindow *self = SA_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_WINDOW);
  g_clear_object (&self->outline);
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

  object_class->constructed = sa_window_constructed;
  object_class->dispose = sa_window_dispose;
  object_class->get_property = sa_window_get_property;
  object_class->set_property = sa_window_set_property;

  /**
   * SaWindow:store:
   *
   * The plan database the window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, SaWindow, detail_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sa_window_init (SaWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_outline_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_outline_row), self);
  gtk_list_view_set_factory (self->outline_view, factory);
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
