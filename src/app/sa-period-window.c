/* sa-period-window.c: New Plan Period…, and the comparison of two periods
 *
 * First the new period's years and title; the outline is then copied with every
 * commitment continuing. Then the old and new commitments side by side, each with
 * how it carries over, and the counts per kind the promotion council asks for. The
 * old plan is never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-commitment.h"
#include "sa-period-window.h"
#include "sa-plan-period.h"
#include "sa-plan.h"
#include "sa-store-plans.h"
#include "sa-toast.h"

struct _SaPeriodWindow
{
  AdwWindow       parent_instance;

  SaStore        *store;
  char           *old_plan;
  char           *new_plan;
  guint           frozen;     /* while the rows are built, choices are not writes */

  AdwToastOverlay *toasts;
  GtkStack       *stack;
  AdwEntryRow    *title_row;
  GtkSpinButton  *first_spin;
  GtkSpinButton  *last_spin;
  GtkLabel       *counts_label;
  GtkBox         *rows_box;
};

G_DEFINE_FINAL_TYPE (SaPeriodWindow, sa_period_window, ADW_TYPE_WINDOW)

static const char *
kind_label (guint kind)
{
  static const char * const labels[] = {
    N_("Continued"), N_("Expanded"), N_("Merged"), N_("Ended"), N_("New"),
  };

  return _(labels[kind]);
}

static guint
kind_index (const char *kind)
{
  for (guint i = 0; i < SA_N_CARRY_OVER; i++)
    if (g_strcmp0 (sa_carry_over_kinds[i], kind) == 0)
      return i;
  return SA_CARRY_OVER_NEW;
}

/* ---- the comparison ------------------------------------------------------------- */

static void
show_counts (SaPeriodWindow *self,
             const guint    *counts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < SA_N_CARRY_OVER; i++)
    /* Translators: one count of the comparison, "Continued 15"; joined with " · " */
    g_string_append_printf (text, "%s%s %u", i ? " · " : "", kind_label (i), counts[i]);
  gtk_label_set_text (self->counts_label, text->str);
  g_string_free (text, TRUE);
}

static void
on_kind_chosen (GtkDropDown    *dropdown,
                GParamSpec     *pspec,
                SaPeriodWindow *self)
{
  const char *commitment_id = g_object_get_data (G_OBJECT (dropdown), "commitment-id");
  guint kind = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  if (self->frozen > 0 || kind >= SA_N_CARRY_OVER)
    return;
  if (!sa_plan_set_carry_over (self->store, commitment_id, sa_carry_over_kinds[kind], &error))
    adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (error->message));
}

static GtkWidget *
kind_dropdown (SaCarryOver *row)
{
  const char *labels[SA_N_CARRY_OVER + 1] = { NULL, };
  GtkWidget *dropdown;
  g_autofree char *name = NULL;

  for (guint i = 0; i < SA_N_CARRY_OVER; i++)
    labels[i] = kind_label (i);
  dropdown = gtk_drop_down_new_from_strings (labels);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), kind_index (row->kind));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (dropdown), "commitment-id", g_strdup (row->new_id), g_free);
  /* Translators: the accessible name of a commitment's carry-over choice */
  name = g_strdup_printf (_("How “%s” carries over"), row->new_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return dropdown;
}

/* A line of the comparison: the new commitment over the old one it carries over,
 * or an old one that ended without a successor. */
static GtkWidget *
comparison_row (SaPeriodWindow *self,
                SaCarryOver    *row)
{
  GtkWidget *action_row = adw_action_row_new ();
  g_autofree char *old_text = NULL;
  GtkWidget *dropdown;

  if (row->new_id == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), row->old_text);
      /* Translators: an old commitment that has no successor in the new plan */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), _("Ended: not in the new plan"));
      gtk_widget_add_css_class (action_row, "dim-label");
      return action_row;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), row->new_text);
  /* Translators: under a new commitment, the old commitment it carries over */
  old_text = row->old_text ? g_strdup_printf (_("Before: %s"), row->old_text) : g_strdup (_("Before: —"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), old_text);
  dropdown = kind_dropdown (row);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_kind_chosen), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), dropdown);
  return action_row;
}

static void
clear_rows (SaPeriodWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box))) != NULL)
    gtk_box_remove (self->rows_box, child);
}

static void
show_comparison (SaPeriodWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint counts[SA_N_CARRY_OVER];
  GtkWidget *list = gtk_list_box_new ();

  if (!(rows = sa_plan_compare (self->store, self->old_plan, self->new_plan, counts, &error)))
    {
      adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (error->message));
      return;
    }
  self->frozen++;
  clear_rows (self);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), comparison_row (self, g_ptr_array_index (rows, i)));
  gtk_box_append (self->rows_box, list);
  show_counts (self, counts);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  self->frozen--;
}

/* Other windows and sasaeai-cli may mark commitments too: the counts follow. */
static void
on_store_changed (SaPeriodWindow     *self,
                  const char         *table,
                  const char * const *ids)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint counts[SA_N_CARRY_OVER];

  if (self->new_plan == NULL || !g_str_equal (table, "commitment"))
    return;
  if ((rows = sa_plan_compare (self->store, self->old_plan, self->new_plan, counts, NULL)) != NULL)
    show_counts (self, counts);
}

/* ---- the new period ------------------------------------------------------------- */

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SaPeriodWindow *self = SA_PERIOD_WINDOW (widget);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *stripped = g_strstrip (g_strdup (title));
  g_autoptr(GError) error = NULL;
  char *plan_id;

  plan_id = sa_plan_new_period (self->store, self->old_plan, gtk_spin_button_get_value_as_int (self->first_spin),
                                gtk_spin_button_get_value_as_int (self->last_spin),
                                *stripped ? stripped : NULL, &error);
  if (plan_id == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (error->message));
      return;
    }
  self->new_plan = plan_id;
  if (!sa_store_choose_plan (self->store, plan_id, &error))
    adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (error->message));
  gtk_window_set_title (GTK_WINDOW (self), _("Compare Plan Periods"));
  show_comparison (self);
}

static void
on_years_changed (SaPeriodWindow *self)
{
  g_autoptr(SaRecord) plan = sa_store_get (self->store, &sa_plan_table, self->old_plan, NULL);
  g_autofree char *title = NULL;

  if (plan == NULL)
    return;
  title = sa_plan_next_title (sa_record_get_text (plan, SA_PLAN_TITLE),
                              gtk_spin_button_get_value_as_int (self->first_spin),
                              gtk_spin_button_get_value_as_int (self->last_spin));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

static GtkWidget *
spin_row (const char     *title,
          GtkSpinButton **spin)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1900, 2199, 1));
  gtk_widget_set_valign (GTK_WIDGET (*spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  return row;
}

static GtkWidget *
build_form (SaPeriodWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *create = gtk_button_new_with_mnemonic (_("_Create New Period"));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The outline is copied into a new plan; every commitment continues "
                                           "over the new years, and you can then mark how each carries over. "
                                           "The current plan stays as it is."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), spin_row (_("_First fiscal year"), &self->first_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), spin_row (_("_Last fiscal year"), &self->last_spin));
  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("_Title"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->title_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (create), "period.create");
  gtk_widget_add_css_class (create, "suggested-action");
  gtk_widget_add_css_class (create, "pill");
  gtk_widget_set_halign (create, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (create, 18);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return page;
}

static GtkWidget *
build_comparison (SaPeriodWindow *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->counts_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->counts_label, TRUE);
  gtk_label_set_xalign (self->counts_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->counts_label), "heading");
  self->rows_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->counts_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->rows_box));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scroller;
}

/* ---- the window ----------------------------------------------------------------- */

static void
sa_period_window_dispose (GObject *object)
{
  SaPeriodWindow *self = SA_PERIOD_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->old_plan, g_free);
  g_clear_pointer (&self->new_plan, g_free);
  G_OBJECT_CLASS (sa_period_window_parent_class)->dispose (object);
}

static void
sa_period_window_class_init (SaPeriodWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_period_window_dispose;
  gtk_widget_class_install_action (widget_class, "period.create", NULL, create_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sa_period_window_init (SaPeriodWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_default_size (GTK_WINDOW (self), 720, 620);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_form (self), "form");
  gtk_stack_add_named (self->stack, build_comparison (self), "compare");
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

static SaPeriodWindow *
period_window_new (GtkWindow *parent,
                   SaStore   *store)
{
  SaPeriodWindow *self = g_object_new (SA_TYPE_PERIOD_WINDOW, "transient-for", parent,
                                       "destroy-with-parent", TRUE, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * sa_period_window_new_period:
 * @parent: the main window
 * @context: its context, for the store
 *
 * Asks for the next period of the plan shown, creates it, then shows the comparison.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL when there is no plan
 */
SaPeriodWindow *
sa_period_window_new_period (GtkWindow *parent,
                             SaContext *context)
{
  SaStore *store = sa_context_get_store (context);
  g_autofree char *plan_id = sa_store_resolve_plan (store, NULL, NULL);
  g_autoptr(SaRecord) plan = plan_id ? sa_store_get (store, &sa_plan_table, plan_id, NULL) : NULL;
  SaPeriodWindow *self;
  int last;

  if (plan == NULL)
    return NULL;
  self = period_window_new (parent, store);
  self->old_plan = g_steal_pointer (&plan_id);
  last = (int) sa_record_get_int (plan, SA_PLAN_LAST_FY);
  gtk_window_set_title (GTK_WINDOW (self), _("New Plan Period"));
  gtk_spin_button_set_value (self->first_spin, last + 1);
  gtk_spin_button_set_value (self->last_spin, last + 5);
  g_signal_connect_object (self->first_spin, "value-changed", G_CALLBACK (on_years_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->last_spin, "value-changed", G_CALLBACK (on_years_changed), self, G_CONNECT_SWAPPED);
  on_years_changed (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * sa_period_window_compare:
 * @parent: the main window
 * @context: its context, for the store
 *
 * Shows the plan shown beside the one it carries over from, to mark each commitment.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL when the plan carries
 *   nothing over
 */
SaPeriodWindow *
sa_period_window_compare (GtkWindow *parent,
                          SaContext *context)
{
  SaStore *store = sa_context_get_store (context);
  g_autofree char *plan_id = sa_store_resolve_plan (store, NULL, NULL);
  g_autofree char *old_id = plan_id ? sa_plan_dup_predecessor_plan (store, plan_id, NULL) : NULL;
  SaPeriodWindow *self;

  if (old_id == NULL)
    return NULL;
  self = period_window_new (parent, store);
  self->old_plan = g_steal_pointer (&old_id);
  self->new_plan = g_steal_pointer (&plan_id);
  gtk_window_set_title (GTK_WINDOW (self), _("Compare Plan Periods"));
  show_comparison (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * sa_period_window_get_counts_text:
 * @self: a window showing a comparison
 *
 * Returns: the counts per kind as shown
 */
const char *
sa_period_window_get_counts_text (SaPeriodWindow *self)
{
  return gtk_label_get_text (self->counts_label);
}
