/* sa-outline-pane.c: one item of the plan outline, shown and edited the way the plan
 * document lays it out
 *
 * A plan shows its sections, actors, organizations and districts; a section its
 * strengths, challenges and basic goals; a goal its initiatives, the actions expected of
 * residents and institutions, and each actor's commitments with their schedules. Every
 * list can be added to, reordered, edited and deleted from, through the undo stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-date.h"
#include "sa-delete-dialog.h"
#include "sa-district.h"
#include "sa-expected-action.h"
#include "sa-goal.h"
#include "sa-initiative.h"
#include "sa-organization.h"
#include "sa-outline-pane.h"
#include "sa-plan.h"
#include "sa-record-editor.h"
#include "sa-schedule-phase.h"
#include "sa-section.h"
#include "sa-situation-note.h"
#include "sa-toast.h"

/* What one list of the pane holds and how its rows are edited. */
typedef struct
{
  const SaTable      *table;
  const char         *parent_column;  /* the column that names the shown item, or NULL */
  char               *parent_id;
  const char         *filter_column;  /* a second column every row of the list shares */
  char               *filter_value;
  const char         *order_column;   /* "position", "number", or NULL when not reorderable */
  const char * const *fields;         /* what the form shows */
  const char         *noun;           /* for the form's title, translated */
} List;

typedef struct
{
  SaOutlinePane *pane;
  List          *list;
  SaRecord      *record;
} RowAction;

struct _SaOutlinePane
{
  GtkWidget     parent_instance;

  SaContext    *context;
  SaUndoStack  *undo_stack;     /* the context's, as the store */
  SaStore      *store;
  SaRecord     *item;

  GtkWidget    *scroller;
  GtkBox       *box;
};

G_DEFINE_FINAL_TYPE (SaOutlinePane, sa_outline_pane, GTK_TYPE_WIDGET)

static const char * const plan_fields[] = { "title", "area", "first_fy", "last_fy", "slogan", "district_id", "parent_id", NULL };
static const char * const section_fields[] = { "label", "title", NULL };
static const char * const goal_fields[] = { "number", "title", NULL };
static const char * const initiative_fields[] = { "title", NULL };
static const char * const actor_fields[] = { "name", "kind", NULL };
static const char * const organization_fields[] = { "name", "actor_id", NULL };
static const char * const district_fields[] = { "name", NULL };
static const char * const action_fields[] = { "actor_id", "text", NULL };
static const char * const commitment_fields[] = { "actor_id", "text", "target_text", "target_value", "target_unit", "target_measure", NULL };
static const char * const phase_fields[] = { "label", "start_fy", "end_fy", NULL };

static void
list_free (List *list)
{
  g_free (list->parent_id);
  g_free (list->filter_value);
  g_free (list);
}

static List *
list_new (const SaTable      *table,
          const char         *parent_column,
          const char         *parent_id,
          const char         *order_column,
          const char * const *fields,
          const char         *noun)
{
  List *list = g_new0 (List, 1);

  list->table = table;
  list->parent_column = parent_column;
  list->parent_id = g_strdup (parent_id);
  list->order_column = order_column;
  list->fields = fields;
  list->noun = noun;
  return list;
}

static List *
list_filtered (List       *list,
               const char *column,
               const char *value)
{
  list->filter_column = column;
  list->filter_value = g_strdup (value);
  return list;
}

/* The rows of a list, in their order. */
static GPtrArray *
list_rows (SaOutlinePane *self,
           List          *list)
{
  g_autoptr(GPtrArray) all = sa_store_list (self->store, list->table, list->parent_column, list->parent_id, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  int filter = list->filter_column ? sa_table_find_column (list->table, list->filter_column) : -1;

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      SaRecord *row = g_ptr_array_index (all, i);

      if (filter < 0 || g_strcmp0 (sa_record_get_text (row, filter), list->filter_value) == 0)
        g_ptr_array_add (rows, g_object_ref (row));
    }
  return rows;
}

/* Every row that shares the list's parent, in their order, whatever the filter: a
 * goal's commitments of all actors share one sequence of positions. */
static GPtrArray *
sibling_rows (SaOutlinePane *self,
              List          *list)
{
  GPtrArray *rows = sa_store_list (self->store, list->table, list->parent_column, list->parent_id, NULL);

  return rows ? rows : g_ptr_array_new_with_free_func (g_object_unref);
}

/* The plan years a new phase of @commitment_id starts with: all of them, as the
 * plan document's phases run. */
static gboolean
plan_years (SaOutlinePane *self,
            const char    *commitment_id,
            gint64        *first,
            gint64        *last)
{
  g_autoptr(SaRecord) commitment = sa_store_get (self->store, &sa_commitment_table, commitment_id, NULL);
  g_autoptr(SaRecord) goal = NULL, section = NULL, plan = NULL;

  if (commitment == NULL ||
      !(goal = sa_store_get (self->store, &sa_goal_table, sa_record_get_text (commitment, SA_COMMITMENT_GOAL_ID), NULL)) ||
      !(section = sa_store_get (self->store, &sa_section_table, sa_record_get_text (goal, SA_GOAL_SECTION_ID), NULL)) ||
      !(plan = sa_store_get (self->store, &sa_plan_table, sa_record_get_text (section, SA_SECTION_PLAN_ID), NULL)))
    return FALSE;
  *first = sa_record_get_int (plan, SA_PLAN_FIRST_FY);
  *last = sa_record_get_int (plan, SA_PLAN_LAST_FY);
  return TRUE;
}

/* ---- toasts and errors ---------------------------------------------------------- */

static void
report (SaOutlinePane *self,
        GError        *error)
{
  if (error != NULL)
    sa_toast_show_text (GTK_WIDGET (self), error->message);
}

/* ---- row text ------------------------------------------------------------------- */

static const char *
record_text (SaRecord *record)
{
  const SaTable *table = sa_record_get_table (record);
  const char *names[] = { "title", "text", "name", "label" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int column = sa_table_find_column (table, names[i]);
      if (column >= 0 && sa_record_get_text (record, column) != NULL)
        return sa_record_get_text (record, column);
    }
  return "";
}

/* Fiscal years as every view writes them, by the year-format preference. */
static char *
year_text (SaOutlinePane *self,
           gint64         fy)
{
  return sa_context_dup_year_label (self->context, (int) fy);
}

static char *
phase_text (SaOutlinePane *self,
            SaRecord      *phase)
{
  g_autofree char *from = year_text (self, sa_record_get_int (phase, SA_SCHEDULE_PHASE_START_FY));
  g_autofree char *to = year_text (self, sa_record_get_int (phase, SA_SCHEDULE_PHASE_END_FY));

  return g_strdup_printf ("%s–%s %s", from, to, sa_record_get_text (phase, SA_SCHEDULE_PHASE_LABEL));
}

static char *
schedule_text (SaOutlinePane *self,
               SaRecord      *commitment)
{
  g_autoptr(GPtrArray) phases = sa_store_list (self->store, &sa_schedule_phase_table, "commitment_id",
                                               sa_record_get_id (commitment), NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      g_autofree char *phase = phase_text (self, g_ptr_array_index (phases, i));
      g_string_append_printf (text, "%s%s", i ? ", " : "", phase);
    }
  return g_string_free (text, FALSE);
}

static char *
row_subtitle (SaOutlinePane *self,
              SaRecord      *record)
{
  if (SA_IS_COMMITMENT (record))
    {
      g_autofree char *schedule = schedule_text (self, record);
      const char *target = sa_record_get_text (record, SA_COMMITMENT_TARGET_TEXT);

      return target ? g_strdup_printf (_("Target: %s · %s"), target, schedule) : g_steal_pointer (&schedule);
    }
  if (SA_IS_GOAL (record))
    return g_strdup_printf (_("Basic Goal %d"), (int) sa_record_get_int (record, SA_GOAL_NUMBER));
  if (SA_IS_ACTOR (record))
    return g_strdup (sa_column_choice_label (&sa_actor_table.columns[SA_ACTOR_KIND],
                                             sa_record_get_text (record, SA_ACTOR_KIND)));
  if (SA_IS_SECTION (record))
    return g_strdup (sa_record_get_text (record, SA_SECTION_LABEL));
  return NULL;
}

/* ---- editing -------------------------------------------------------------------- */

static char *
form_title (List     *list,
            gboolean  is_new)
{
  /* Translators: the title of a form, such as “New Basic Goal” */
  return is_new ? g_strdup_printf (_("New %s"), list->noun)
                /* Translators: the title of a form, such as “Edit Basic Goal” */
                : g_strdup_printf (_("Edit %s"), list->noun);
}

static void
open_editor (SaOutlinePane *self,
             List          *list,
             SaRecord      *record,
             gboolean       is_new)
{
  g_autofree char *title = form_title (list, is_new);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  sa_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context, record,
                        is_new, list->fields, title);
}

static void
add_row_to (SaOutlinePane *self,
            List          *list)
{
  g_autoptr(SaRecord) record = sa_record_new (list->table);
  g_autoptr(GPtrArray) rows = sibling_rows (self, list);
  gint64 first, last;

  if (list->parent_column)
    sa_record_set_text (record, sa_table_find_column (list->table, list->parent_column), list->parent_id);
  if (list->filter_column)
    sa_record_set_text (record, sa_table_find_column (list->table, list->filter_column), list->filter_value);
  if (list->order_column)
    {
      /* After every row of the parent, of any actor: one more than the largest. */
      int order = sa_table_find_column (list->table, list->order_column);
      gint64 next = g_str_equal (list->order_column, "number") ? 1 : 0;

      for (guint i = 0; i < rows->len; i++)
        next = MAX (next, sa_record_get_int (g_ptr_array_index (rows, i), order) + 1);
      sa_record_set_int (record, order, next);
    }
  if (list->table == &sa_schedule_phase_table && plan_years (self, list->parent_id, &first, &last))
    {
      gint64 after = 0;

      /* A further phase starts the year after the commitment's last one, if the plan
       * lasts that long. */
      for (guint i = 0; i < rows->len; i++)
        after = MAX (after, sa_record_get_int (g_ptr_array_index (rows, i), SA_SCHEDULE_PHASE_END_FY) + 1);
      if (after > first && after <= last)
        first = after;
      sa_record_set_int (record, SA_SCHEDULE_PHASE_START_FY, first);
      sa_record_set_int (record, SA_SCHEDULE_PHASE_END_FY, last);
    }
  open_editor (self, list, record, TRUE);
}

static void
edit_row (RowAction *action)
{
  g_autoptr(SaRecord) copy = sa_record_copy (action->record);

  open_editor (action->pane, action->list, copy, FALSE);
}

static void
deleted (gpointer    user_data,
         const char *title,
         GError     *error)
{
  SaOutlinePane *self = user_data;

  if (error != NULL)
    report (self, error);
  else
    sa_toast_show_undo (GTK_WIDGET (self), title);
}

/* Asks first when records use the row; see sa-delete-dialog.c. */
static void
delete_row (RowAction *action)
{
  sa_delete_dialog_run (GTK_WIDGET (action->pane), action->pane->context, action->record, deleted, action->pane);
}

static guint
index_of (GPtrArray *rows,
          SaRecord  *record)
{
  guint index;

  for (index = 0; index < rows->len; index++)
    if (g_str_equal (sa_record_get_id (g_ptr_array_index (rows, index)), sa_record_get_id (record)))
      break;
  return index;
}

/* Moves a row one place among the rows shown with it (a goal's commitments of one
 * actor), then numbers every row of the parent in the new order, so that positions
 * stay unique across actors. */
static void
move_row (RowAction *action,
          int        offset)
{
  SaOutlinePane *self = action->pane;
  g_autoptr(GPtrArray) shown = list_rows (self, action->list);
  g_autoptr(GPtrArray) rows = sibling_rows (self, action->list);
  int order = sa_table_find_column (action->list->table, action->list->order_column);
  gint64 base = g_str_equal (action->list->order_column, "number") ? 1 : 0;
  g_autoptr(GError) error = NULL;
  guint index = index_of (shown, action->record);
  guint a, b;
  gpointer moved;

  if (index >= shown->len || (int) index + offset < 0 || index + offset >= shown->len)
    return;
  a = index_of (rows, action->record);
  b = index_of (rows, g_ptr_array_index (shown, index + offset));
  if (a >= rows->len || b >= rows->len)
    return;

  moved = rows->pdata[a];
  rows->pdata[a] = rows->pdata[b];
  rows->pdata[b] = moved;

  if (!sa_undo_stack_begin (self->undo_stack, _("Move"), &error))
    return report (self, error);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(SaRecord) copy = sa_record_copy (g_ptr_array_index (rows, i));

      sa_record_set_int (copy, order, base + i);
      if (!sa_undo_stack_update (self->undo_stack, copy, &error))
        {
          sa_undo_stack_rollback (self->undo_stack);
          return report (self, error);
        }
    }
  if (!sa_undo_stack_commit (self->undo_stack, &error))
    report (self, error);
}

static void
move_up (RowAction *action)
{
  move_row (action, -1);
}

static void
move_down (RowAction *action)
{
  move_row (action, 1);
}

/* ---- building rows -------------------------------------------------------------- */

static void
row_action_free (gpointer  data,
                 GClosure *closure)
{
  RowAction *action = data;

  g_clear_object (&action->record);
  g_free (action);
}

static void
add_clicked (RowAction *action)
{
  add_row_to (action->pane, action->list);
}


static GtkWidget *
action_button (SaOutlinePane *self,
               List          *list,
               SaRecord      *record,
               const char    *icon,
               const char    *tooltip,
               void         (*callback) (RowAction *))
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  RowAction *action = g_new0 (RowAction, 1);

  action->pane = self;
  action->list = list;
  action->record = record ? g_object_ref (record) : NULL;
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_data (button, "clicked", G_CALLBACK (callback), action, row_action_free,
                         G_CONNECT_SWAPPED);
  return button;
}

/* A button that adds a row to @list. */
static GtkWidget *
add_button (SaOutlinePane *self,
            List          *list,
            const char    *label)
{
  return action_button (self, list, NULL, "list-add-symbolic", label, add_clicked);
}

static GtkWidget *
row_buttons (SaOutlinePane *self,
             List          *list,
             SaRecord      *record)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_box_append (GTK_BOX (box), action_button (self, list, record, "document-edit-symbolic", _("Edit"), edit_row));
  if (list->order_column != NULL)
    {
      gtk_box_append (GTK_BOX (box), action_button (self, list, record, "go-up-symbolic", _("Move Up"), move_up));
      gtk_box_append (GTK_BOX (box), action_button (self, list, record, "go-down-symbolic", _("Move Down"), move_down));
    }
  gtk_box_append (GTK_BOX (box), action_button (self, list, record, "user-trash-symbolic", _("Delete"), delete_row));
  return box;
}

static void
set_row_text (GtkWidget  *row,
              const char *title,
              const char *subtitle)
{
  /* Plan texts are plain text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  else if (subtitle != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static GtkWidget *
plain_row (SaOutlinePane *self,
           List          *list,
           SaRecord      *record)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = row_subtitle (self, record);

  set_row_text (row, record_text (record), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_buttons (self, list, record));
  return row;
}

static void
add_phase_rows (SaOutlinePane *self,
                GtkWidget     *expander,
                SaRecord      *commitment)
{
  List *phases = list_new (&sa_schedule_phase_table, "commitment_id", sa_record_get_id (commitment),
                           NULL, phase_fields, _("Schedule Phase"));
  g_autoptr(GPtrArray) rows = list_rows (self, phases);
  GtkWidget *add = adw_action_row_new ();

  g_object_set_data_full (G_OBJECT (expander), "phases", phases, (GDestroyNotify) list_free);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = phase_text (self, g_ptr_array_index (rows, i));

      set_row_text (row, text, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_buttons (self, phases, g_ptr_array_index (rows, i)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  set_row_text (add, _("Add a phase"), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (add), add_button (self, phases, _("Add a Schedule Phase")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), add);
}

static GtkWidget *
commitment_row (SaOutlinePane *self,
                List          *list,
                SaRecord      *commitment)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = row_subtitle (self, commitment);

  set_row_text (row, record_text (commitment), subtitle);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), row_buttons (self, list, commitment));
  add_phase_rows (self, row, commitment);
  return row;
}

/* ---- building the pane ---------------------------------------------------------- */

static void
add_list (SaOutlinePane *self,
          const char    *title,
          List          *list,
          const char    *add_label)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GPtrArray) rows = list_rows (self, list);

  g_object_set_data_full (G_OBJECT (group), "list", list, (GDestroyNotify) list_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add_button (self, list, add_label));
  if (rows->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("None yet"));

  for (guint i = 0; i < rows->len; i++)
    {
      SaRecord *record = g_ptr_array_index (rows, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 SA_IS_COMMITMENT (record) ? commitment_row (self, list, record)
                                                           : plain_row (self, list, record));
    }
  gtk_box_append (self->box, group);
}

static void
add_heading (SaOutlinePane      *self,
             const char         *overline,
             SaRecord           *record,
             const char * const *fields,
             const char         *noun)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *small = gtk_label_new (overline);
  GtkWidget *large = gtk_label_new (record_text (record));
  List *list = list_new (sa_record_get_table (record), NULL, NULL, NULL, fields, noun);
  GtkWidget *edit = action_button (self, list, record, "document-edit-symbolic", _("Edit"), edit_row);

  g_object_set_data_full (G_OBJECT (row), "list", list, (GDestroyNotify) list_free);
  gtk_widget_add_css_class (small, "dim-label");
  gtk_widget_add_css_class (small, "heading");
  gtk_widget_add_css_class (large, "title-2");
  gtk_label_set_wrap (GTK_LABEL (large), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (large), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (small), 0);
  gtk_label_set_xalign (GTK_LABEL (large), 0);
  gtk_label_set_selectable (GTK_LABEL (large), TRUE);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), small);
  gtk_box_append (GTK_BOX (box), large);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), edit);
  gtk_box_append (self->box, row);
}

static void
show_plan (SaOutlinePane *self,
           SaRecord      *plan)
{
  const char *id = sa_record_get_id (plan);
  g_autofree char *first = year_text (self, sa_record_get_int (plan, SA_PLAN_FIRST_FY));
  g_autofree char *last = year_text (self, sa_record_get_int (plan, SA_PLAN_LAST_FY));
  g_autofree char *years = g_strdup_printf ("%s · %s–%s", sa_record_get_text (plan, SA_PLAN_AREA) ?: "", first, last);
  GtkWidget *info = gtk_label_new (years);

  add_heading (self, _("Plan"), plan, plan_fields, _("Plan"));
  gtk_label_set_xalign (GTK_LABEL (info), 0);
  gtk_box_append (self->box, info);

  add_list (self, _("Sections"), list_new (&sa_section_table, "plan_id", id, "position", section_fields, _("Section")),
            _("Add a Section"));
  add_list (self, _("Actors"), list_new (&sa_actor_table, "plan_id", id, "position", actor_fields, _("Actor")),
            _("Add an Actor"));
  add_list (self, _("Organizations"), list_new (&sa_organization_table, NULL, NULL, NULL, organization_fields,
                                                _("Organization")), _("Add an Organization"));
  add_list (self, _("Districts"), list_new (&sa_district_table, NULL, NULL, "position", district_fields, _("District")),
            _("Add a District"));
}

static void
show_section (SaOutlinePane *self,
              SaRecord      *section)
{
  static const char * const text_only[] = { "text", NULL };
  const char *id = sa_record_get_id (section);
  List *strengths = list_new (&sa_situation_note_table, "section_id", id, "position", text_only, _("Strength"));
  List *challenges = list_new (&sa_situation_note_table, "section_id", id, "position", text_only, _("Challenge"));

  add_heading (self, sa_record_get_text (section, SA_SECTION_LABEL) ?: _("Section"), section, section_fields, _("Section"));
  add_list (self, _("What Has Improved"), list_filtered (strengths, "kind", "strength"), _("Add a Strength"));
  add_list (self, _("Open Challenges"), list_filtered (challenges, "kind", "challenge"), _("Add a Challenge"));
  add_list (self, _("Basic Goals"), list_new (&sa_goal_table, "section_id", id, "number", goal_fields, _("Basic Goal")),
            _("Add a Basic Goal"));
}

/* Residents and institutions are expected to act; the others commit to doing things. */
static gboolean
actor_is_expected (SaRecord *actor)
{
  const char *kind = sa_record_get_text (actor, SA_ACTOR_KIND);

  return g_strcmp0 (kind, "community") == 0 || g_strcmp0 (kind, "institution") == 0;
}

static void
show_goal (SaOutlinePane *self,
           SaRecord      *goal)
{
  const char *id = sa_record_get_id (goal);
  g_autoptr(GPtrArray) actors = sa_store_list (self->store, &sa_actor_table, NULL, NULL, NULL);
  g_autofree char *overline = g_strdup_printf (_("Basic Goal %d"), (int) sa_record_get_int (goal, SA_GOAL_NUMBER));

  add_heading (self, overline, goal, goal_fields, _("Basic Goal"));
  add_list (self, _("Initiatives"), list_new (&sa_initiative_table, "goal_id", id, "position", initiative_fields,
                                              _("Initiative")), _("Add an Initiative"));

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; actors != NULL && i < actors->len; i++)
      {
        SaRecord *actor = g_ptr_array_index (actors, i);
        const char *name = sa_record_get_text (actor, SA_ACTOR_NAME);
        g_autofree char *title = NULL;
        List *list;

        if (actor_is_expected (actor) != (pass == 0))
          continue;
        if (pass == 0)
          {
            title = g_strdup_printf (_("Expected of %s"), name);
            list = list_new (&sa_expected_action_table, "goal_id", id, "position", action_fields, _("Expected Action"));
          }
        else
          {
            title = g_strdup_printf (_("Commitments of %s"), name);
            list = list_new (&sa_commitment_table, "goal_id", id, "position", commitment_fields, _("Commitment"));
          }
        add_list (self, title, list_filtered (list, "actor_id", sa_record_get_id (actor)),
                  pass == 0 ? _("Add an Expected Action") : _("Add a Commitment"));
      }
}

static void
show_initiative (SaOutlinePane *self,
                 SaRecord      *initiative)
{
  add_heading (self, _("Initiative"), initiative, initiative_fields, _("Initiative"));
}

static void
clear (SaOutlinePane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);
}

static void
rebuild (SaOutlinePane *self)
{
  clear (self);
  if (self->item == NULL)
    return;
  if (SA_IS_PLAN (self->item))
    show_plan (self, self->item);
  else if (SA_IS_SECTION (self->item))
    show_section (self, self->item);
  else if (SA_IS_GOAL (self->item))
    show_goal (self, self->item);
  else if (SA_IS_INITIATIVE (self->item))
    show_initiative (self, self->item);
}

/**
 * sa_outline_pane_show:
 * @self: the pane
 * @item: (nullable): a plan, section, goal or initiative
 *
 * Shows @item and what belongs to it.
 */
void
sa_outline_pane_show (SaOutlinePane *self,
                      SaRecord      *item)
{
  g_return_if_fail (SA_IS_OUTLINE_PANE (self));

  g_set_object (&self->item, item);
  rebuild (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

SaRecord *
sa_outline_pane_get_item (SaOutlinePane *self)
{
  g_return_val_if_fail (SA_IS_OUTLINE_PANE (self), NULL);

  return self->item;
}

/* After any write, show the item as it is now, where the reader was. */
static void
on_store_changed (SaOutlinePane      *self,
                  const char         *table,
                  const char * const *ids)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double position = gtk_adjustment_get_value (adjustment);
  g_autoptr(SaRecord) fresh = NULL;

  if (self->item == NULL)
    return;
  fresh = sa_store_get (self->store, sa_record_get_table (self->item), sa_record_get_id (self->item), NULL);
  if (fresh != NULL && sa_record_get_deleted (fresh))
    g_clear_object (&fresh);
  g_set_object (&self->item, fresh);
  rebuild (self);
  gtk_adjustment_set_value (adjustment, position);
}

/* ---- object --------------------------------------------------------------------- */

static void
sa_outline_pane_dispose (GObject *object)
{
  SaOutlinePane *self = SA_OUTLINE_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_OUTLINE_PANE);
  g_clear_object (&self->item);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_outline_pane_parent_class)->dispose (object);
}

static void
sa_outline_pane_class_init (SaOutlinePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_outline_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-outline-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SaOutlinePane, scroller);
  gtk_widget_class_bind_template_child (widget_class, SaOutlinePane, box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sa_outline_pane_init (SaOutlinePane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_outline_pane_new:
 * @context: the store the pane reads, the undo stack its edits go through, and
 *   the year format
 *
 * Returns: (transfer floating): an empty pane
 */
SaOutlinePane *
sa_outline_pane_new (SaContext *context)
{
  SaOutlinePane *self;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  self = g_object_new (SA_TYPE_OUTLINE_PANE, NULL);
  self->context = g_object_ref (context);
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (context));
  self->store = g_object_ref (sa_context_get_store (context));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::year-format", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  return self;
}
