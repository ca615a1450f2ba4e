/* sa-timeline-list.c: the plan's schedule read as a list, row by row
 *
 * SaTimelineView draws the table, and GTK 4.8 lets a drawn widget expose no
 * children to assistive technology (custom accessibles arrive with GTK 4.14). This
 * list is the same table as widgets a screen reader can review: a heading for each
 * section and basic goal, then each commitment named with its goal, who carries it
 * out and what, its schedule and activity counts as the description. The Timeline
 * page shows it in place of the drawing when asked (“As a List”); its rows follow
 * the view's selection both ways, and Enter opens a commitment as in the drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-goal.h"
#include "sa-timeline-list.h"

struct _SaTimelineList
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkListBox     *list;
  SaTimelineView *view;     /* unowned: the page's, which outlives the list's rows */
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (SaTimelineList, sa_timeline_list, GTK_TYPE_WIDGET)

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_INDEX "sa-timeline-row"

static guint
row_index (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ROW_INDEX));
}

/* “Basic goal 1 Title”, as the drawing's heading writes it. */
static char *
goal_heading (SaTimelineLayout    *layout,
              const SaTimelineRow *row)
{
  GPtrArray *goals = sa_timeline_layout_get_goals (layout);

  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      SaRecord *goal = g_ptr_array_index (goals, i);
      g_autofree char *number = NULL;

      if (g_strcmp0 (sa_record_get_id (goal), row->id) != 0)
        continue;
      number = g_strdup_printf (_("Basic goal %d"), (int) sa_record_get_int (goal, SA_GOAL_NUMBER));
      return g_strdup_printf ("%s %s", number, row->text);
    }
  return g_strdup (row->text);
}

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* A heading row: a section or a basic goal, read but not opened. */
static GtkWidget *
new_heading_row (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), new_label (text, "heading"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return row;
}

/* A commitment: “Basic goal 1 Title › Actor: what”, with its schedule below. */
static GtkWidget *
new_commitment_row (SaTimelineView *view,
                    guint           index,
                    const char     *goal)
{
  g_autofree char *description = NULL;
  g_autofree char *text = sa_timeline_view_describe_row (view, index, &description);
  /* Translators: a commitment in the timeline's list: its basic goal › who: what */
  g_autofree char *name = g_strdup_printf (_("%1$s › %2$s"), goal, text);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), new_label (text, NULL));
  gtk_box_append (GTK_BOX (box), new_label (description, "dim-label"));
  gtk_widget_set_margin_start (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return row;
}

static void
select_view_row (SaTimelineList *self)
{
  int selected = self->view ? sa_timeline_view_get_selected (self->view) : -1;
  GtkListBoxRow *row = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL && selected >= 0; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_index (GTK_LIST_BOX_ROW (child)) == (guint) selected)
      row = GTK_LIST_BOX_ROW (child);
  gtk_list_box_select_row (self->list, row);
}

/**
 * sa_timeline_list_show_view:
 * @self: a list
 * @view: the drawn table, whose layout and selection the list shows
 *
 * Fills the list again from @view's rows.
 */
void
sa_timeline_list_show_view (SaTimelineList *self,
                            SaTimelineView *view)
{
  SaTimelineLayout *layout = sa_timeline_view_get_layout (view);
  g_autofree char *goal = NULL;
  guint n = layout ? sa_timeline_layout_get_n_rows (layout) : 0;

  g_return_if_fail (SA_IS_TIMELINE_LIST (self));

  self->view = view;
  self->filling = TRUE;
  /* gtk_list_box_remove_all () is newer than GTK 4.8. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list)));)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    {
      const SaTimelineRow *r = sa_timeline_layout_get_row (layout, i);
      GtkWidget *row;

      if (r->kind == SA_TIMELINE_ROW_GOAL)
        {
          g_free (goal);
          goal = goal_heading (layout, r);
          row = new_heading_row (goal);
        }
      else if (r->kind == SA_TIMELINE_ROW_SECTION)
        row = new_heading_row (r->text);
      else
        row = new_commitment_row (view, i, goal ? goal : "");
      g_object_set_data (G_OBJECT (row), ROW_INDEX, GUINT_TO_POINTER (i));
      gtk_list_box_append (self->list, row);
    }
  select_view_row (self);
  self->filling = FALSE;
}

/* Choosing a commitment here chooses it in the drawing too, for when the person
 * switches back. */
static void
on_row_selected (SaTimelineList *self,
                 GtkListBoxRow  *row)
{
  if (self->filling || row == NULL || self->view == NULL || !gtk_list_box_row_get_activatable (row))
    return;
  sa_timeline_view_set_selected (self->view, (int) row_index (row));
}

static void
on_row_activated (SaTimelineList *self,
                  GtkListBoxRow  *row)
{
  g_signal_emit (self, signals[ROW_ACTIVATED], 0, row_index (row));
}

static void
sa_timeline_list_dispose (GObject *object)
{
  SaTimelineList *self = SA_TIMELINE_LIST (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  G_OBJECT_CLASS (sa_timeline_list_parent_class)->dispose (object);
}

static void
sa_timeline_list_class_init (SaTimelineListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_timeline_list_dispose;

  /**
   * SaTimelineList::row-activated:
   * @self: the list
   * @row: the layout's index of the commitment opened
   */
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sa_timeline_list_init (SaTimelineList *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The plan’s schedule as a list"), -1);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/**
 * sa_timeline_list_new:
 *
 * Returns: (transfer floating): an empty list; fill it with sa_timeline_list_show_view()
 */
GtkWidget *
sa_timeline_list_new (void)
{
  return g_object_new (SA_TYPE_TIMELINE_LIST, NULL);
}
