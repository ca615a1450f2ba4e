/* sa-print-options.c: the handout's own tab in the print dialog
 *
 * What goes on the paper: which basic goals and which actors, the years, whether
 * to add the activity counts, the expected actions and the strengths and
 * challenges, and the title line and date of the page header. The tab starts from
 * the options used last and writes the person's choice back into them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-actor.h"
#include "sa-error.h"
#include "sa-goal.h"
#include "sa-plan.h"
#include "sa-print-options.h"

struct _SaPrintOptions
{
  GtkBox            parent_instance;

  SaTimelineLayout *layout;
  GPtrArray        *goal_checks;   /* GtkCheckButton, in the layout's order of goals */
  GPtrArray        *actor_checks;  /* likewise, of actors */

  GtkEntry         *title_entry;
  GtkEntry         *date_entry;
  GtkDropDown      *from_drop;
  GtkDropDown      *to_drop;
  GtkBox           *goals_box;
  GtkBox           *actors_box;
  GtkCheckButton   *counts_check;
  GtkCheckButton   *actions_check;
  GtkCheckButton   *notes_check;
  GtkDropDown      *font_drop;
  GtkLabel         *font_label;
  GtkSwitch        *large_switch;
};

G_DEFINE_FINAL_TYPE (SaPrintOptions, sa_print_options, GTK_TYPE_BOX)

/* ---- dates ----------------------------------------------------------------------- */

/* 2012-05-20, 2012/5/20 or 2012.5.20; empty is today, left to the handout. */
static gboolean
parse_date (const char  *text,
            GDate       *date,
            GError     **error)
{
  int year, month, day, end = 0;

  g_date_clear (date, 1);
  if (*text == '\0')
    return TRUE;
  if (sscanf (text, "%4d%*1[-/.]%2d%*1[-/.]%2d%n", &year, &month, &day, &end) == 3 &&
      text[end] == '\0' && year >= 1868 && g_date_valid_dmy (day, month, year))
    {
      g_date_set_dmy (date, day, month, year);
      return TRUE;
    }
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("“%s” is not a date; write it as 2012-05-20"), text);
  return FALSE;
}

static void
on_date_changed (SaPrintOptions *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  GDate date;

  if (parse_date (text, &date, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
}

/* ---- years ----------------------------------------------------------------------- */

/* The last year never comes before the first. */
static void
on_from_changed (SaPrintOptions *self)
{
  guint from = gtk_drop_down_get_selected (self->from_drop);

  if (from != GTK_INVALID_LIST_POSITION && gtk_drop_down_get_selected (self->to_drop) < from)
    gtk_drop_down_set_selected (self->to_drop, from);
}

static void
on_to_changed (SaPrintOptions *self)
{
  guint to = gtk_drop_down_get_selected (self->to_drop);

  if (to != GTK_INVALID_LIST_POSITION && gtk_drop_down_get_selected (self->from_drop) > to)
    gtk_drop_down_set_selected (self->from_drop, to);
}

static void
fill_years (SaPrintOptions          *self,
            const SaTimelineOptions *options)
{
  int first = sa_timeline_layout_get_first_fy (self->layout);
  int last = sa_timeline_layout_get_last_fy (self->layout);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (int fy = first; fy <= last; fy++)
    gtk_string_list_append (labels, sa_timeline_layout_get_year_label (self->layout, fy));
  gtk_drop_down_set_model (self->from_drop, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->to_drop, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->to_drop, (guint) (last - first));
  gtk_drop_down_set_selected (self->from_drop, options->first_fy >= first && options->first_fy <= last
                                               ? (guint) (options->first_fy - first) : 0);
  if (options->last_fy >= first && options->last_fy <= last)
    gtk_drop_down_set_selected (self->to_drop, (guint) (options->last_fy - first));
}

/* ---- goals and actors ------------------------------------------------------------ */

static GtkWidget *
add_check (GtkBox     *box,
           GPtrArray  *checks,
           const char *text,
           GStrv       chosen,
           const char *id)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  /* Goals' titles are long; they wrap rather than widen the dialog. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               chosen == NULL || g_strv_contains ((const char * const *) chosen, id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (check), "sa-id", g_strdup (id), g_free);
  gtk_box_append (box, check);
  g_ptr_array_add (checks, check);
  return check;
}

static void
fill_choices (SaPrintOptions          *self,
              const SaTimelineOptions *options)
{
  GPtrArray *goals = sa_timeline_layout_get_goals (self->layout);
  GPtrArray *actors = sa_timeline_layout_get_actors (self->layout);

  for (guint i = 0; i < goals->len; i++)
    {
      SaRecord *goal = g_ptr_array_index (goals, i);
      /* Translators: a basic goal to choose for the handout: its number and title */
      g_autofree char *text = g_strdup_printf (_("Basic Goal %1$d: %2$s"),
                                               (int) sa_record_get_int (goal, SA_GOAL_NUMBER),
                                               sa_record_get_text (goal, SA_GOAL_TITLE));

      add_check (self->goals_box, self->goal_checks, text, options->goal_ids, sa_record_get_id (goal));
    }
  for (guint i = 0; i < actors->len; i++)
    {
      SaRecord *actor = g_ptr_array_index (actors, i);

      add_check (self->actors_box, self->actor_checks, sa_record_get_text (actor, SA_ACTOR_NAME),
                 options->actor_ids, sa_record_get_id (actor));
    }
}

/* The ids of the checked buttons; NULL when all are, which also takes in goals and
 * actors added later. */
static GStrv
checked_ids (GPtrArray *checks,
             guint     *n_checked)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  *n_checked = 0;
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      {
        g_strv_builder_add (ids, g_object_get_data (g_ptr_array_index (checks, i), "sa-id"));
        (*n_checked)++;
      }
  return *n_checked == checks->len ? NULL : g_strv_builder_end (ids);
}

/* ---- text ---------------------------------------------------------------------- */

/* Says which typeface the pages get, so a missing one is no surprise on paper. */
static void
on_font_changed (SaPrintOptions *self)
{
  guint font = gtk_drop_down_get_selected (self->font_drop);
  g_autofree char *used = sa_print_font_describe (font <= SA_PRINT_FONT_SYSTEM ? font : SA_PRINT_FONT_UD);
  /* Translators: under the print dialog's font choice: the font the pages get */
  g_autofree char *text = g_strdup_printf (_("Printed in %s"), used);

  gtk_label_set_text (self->font_label, text);
}

/* ---- object ---------------------------------------------------------------------- */

static void
sa_print_options_dispose (GObject *object)
{
  SaPrintOptions *self = SA_PRINT_OPTIONS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_PRINT_OPTIONS);
  g_clear_pointer (&self->goal_checks, g_ptr_array_unref);
  g_clear_pointer (&self->actor_checks, g_ptr_array_unref);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (sa_print_options_parent_class)->dispose (object);
}

static void
sa_print_options_class_init (SaPrintOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_print_options_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-print-options.ui");
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, title_entry);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, date_entry);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, from_drop);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, to_drop);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, goals_box);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, actors_box);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, counts_check);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, actions_check);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, notes_check);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, font_drop);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, font_label);
  gtk_widget_class_bind_template_child (widget_class, SaPrintOptions, large_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_font_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_to_changed);
}

static void
sa_print_options_init (SaPrintOptions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->goal_checks = g_ptr_array_new ();
  self->actor_checks = g_ptr_array_new ();
}

/**
 * sa_print_options_new:
 * @layout: the whole schedule, for its goals, actors and years
 * @options: the options to start from
 *
 * Returns: (transfer floating): the tab
 */
SaPrintOptions *
sa_print_options_new (SaTimelineLayout       *layout,
                      const SaHandoutOptions *options)
{
  SaPrintOptions *self;
  SaRecord *plan;

  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (layout), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (SA_TYPE_PRINT_OPTIONS, NULL);
  self->layout = g_object_ref (layout);
  plan = sa_timeline_layout_get_plan (layout);

  gtk_entry_set_placeholder_text (self->title_entry, sa_record_get_text (plan, SA_PLAN_TITLE));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), options->title ? options->title : "");
  if (g_date_valid (&options->date))
    {
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&options->date),
                                               g_date_get_month (&options->date),
                                               g_date_get_day (&options->date));

      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
    }
  /* Translators: the date field when empty: the handout is dated today */
  gtk_entry_set_placeholder_text (self->date_entry, _("Today"));
  fill_years (self, &options->timeline);
  fill_choices (self, &options->timeline);
  gtk_check_button_set_active (self->counts_check, options->timeline.show_counts);
  gtk_check_button_set_active (self->actions_check, options->expected_actions);
  gtk_check_button_set_active (self->notes_check, options->situation_notes);
  gtk_drop_down_set_selected (self->font_drop, options->font);
  on_font_changed (self);
  gtk_switch_set_active (self->large_switch, options->large_print);
  return self;
}

/**
 * sa_print_options_apply:
 * @self: the tab
 * @options: the options to change
 * @error: what is wrong with the person's choice, such as no goal at all
 *
 * Writes the choice into @options; on error, @options stay as they were.
 *
 * Returns: whether the choice makes a handout
 */
gboolean
sa_print_options_apply (SaPrintOptions    *self,
                        SaHandoutOptions  *options,
                        GError           **error)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  g_autofree char *date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  int first = sa_timeline_layout_get_first_fy (self->layout);
  g_auto(GStrv) goals = NULL, actors = NULL;
  guint n_goals, n_actors;
  GDate date;

  g_return_val_if_fail (SA_IS_PRINT_OPTIONS (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  goals = checked_ids (self->goal_checks, &n_goals);
  actors = checked_ids (self->actor_checks, &n_actors);
  if (n_goals == 0 || n_actors == 0)
    {
      g_set_error_literal (error, SA_ERROR, SA_ERROR_INVALID, n_goals == 0
                           ? _("Nothing to print: choose at least one basic goal")
                           : _("Nothing to print: choose at least one actor"));
      return FALSE;
    }
  if (!parse_date (date_text, &date, error))
    return FALSE;

  g_strfreev (options->timeline.goal_ids);
  options->timeline.goal_ids = g_steal_pointer (&goals);
  g_strfreev (options->timeline.actor_ids);
  options->timeline.actor_ids = g_steal_pointer (&actors);
  options->timeline.first_fy = first + (int) gtk_drop_down_get_selected (self->from_drop);
  options->timeline.last_fy = first + (int) gtk_drop_down_get_selected (self->to_drop);
  options->timeline.show_counts = gtk_check_button_get_active (self->counts_check);
  options->expected_actions = gtk_check_button_get_active (self->actions_check);
  options->situation_notes = gtk_check_button_get_active (self->notes_check);
  options->font = MIN (gtk_drop_down_get_selected (self->font_drop), SA_PRINT_FONT_SYSTEM);
  options->large_print = gtk_switch_get_active (self->large_switch);
  g_free (options->title);
  options->title = *title ? g_steal_pointer (&title) : NULL;
  options->date = date;
  return TRUE;
}
