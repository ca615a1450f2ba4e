/* sa-record-editor.c: a form for any record, built from its table's description
 *
 * The description says each column's type, limits and references, so one form serves
 * plans, sections, goals, commitments, phases and the rest: a text entry, a typed
 * number or fiscal year, or a choice among the rows a reference may name. What is
 * wrong is said under the form and at the field, and nothing is saved until all of it
 * is right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-date.h"
#include "sa-discard-dialog.h"
#include "sa-error.h"
#include "sa-plan.h"
#include "sa-plan-years.h"
#include "sa-schedule-phase.h"
#include "sa-record-editor.h"
#include "sa-schema.h"

typedef struct
{
  guint       column;
  GtkWidget  *row;
  GPtrArray  *values;  /* combo rows: the value of each item; NULL stands for none */
} Field;

struct _SaRecordEditor
{
  AdwWindow             parent_instance;

  SaUndoStack          *undo_stack;
  SaRecord             *record;
  SaRecord             *original;      /* the record as the form opened it */
  gboolean              is_new;
  GPtrArray            *fields;
  char                 *opened_state;  /* form_state() when the form opened; NULL once saved */

  AdwWindowTitle       *window_title;
  AdwPreferencesGroup  *fields_group;
  GtkLabel             *error_label;
  GtkWidget            *save_button;
};

G_DEFINE_FINAL_TYPE (SaRecordEditor, sa_record_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (Field *field)
{
  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_free (field);
}

static const SaColumn *
field_column (SaRecordEditor *self,
              Field          *field)
{
  return &sa_record_get_table (self->record)->columns[field->column];
}

/* ---- building the form ---------------------------------------------------------- */

static const char *
display_column (const SaTable *table)
{
  const char *candidates[] = { "name", "title", "label", "text" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (sa_table_find_column (table, candidates[i]) >= 0)
      return candidates[i];
  return table->columns[0].name;
}

static GtkWidget *
combo_row (Field       *field,
           GtkStringList *labels,
           const char  *current)
{
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  for (guint i = 0; i < field->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (field->values, i), current) == 0)
      selected = i;
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_unref (labels);
  return row;
}

/* A deleted row the record still names is offered too, marked, so the form shows it
 * and saving another field keeps the reference. */
static void
add_deleted_choice (Field         *field,
                    GtkStringList *labels,
                    SaStore       *store,
                    const SaTable *target,
                    int            shown,
                    const char    *current)
{
  g_autoptr(SaRecord) gone = NULL;
  g_autofree char *label = NULL;

  if (current == NULL)
    return;
  for (guint i = 0; i < field->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (field->values, i), current) == 0)
      return;
  gone = sa_store_get (store, target, current, NULL);
  /* Translators: a record that was deleted, as in “中川地域ケアプラザ (deleted)” */
  label = g_strdup_printf (_("%s (deleted)"), gone ? sa_record_get_text (gone, shown) : current);
  gtk_string_list_append (labels, label);
  g_ptr_array_add (field->values, g_strdup (current));
}

static GtkWidget *
reference_row (SaRecordEditor *self,
               Field          *field)
{
  const SaColumn *column = field_column (self, field);
  const SaTable *target = sa_schema_find_table (column->ref);
  SaStore *store = sa_undo_stack_get_store (self->undo_stack);
  g_autoptr(GPtrArray) rows = sa_store_list (store, target, NULL, NULL, NULL);
  int shown = sa_table_find_column (target, display_column (target));
  GtkStringList *labels = gtk_string_list_new (NULL);

  field->values = g_ptr_array_new_with_free_func (g_free);
  if (!(column->flags & SA_COLUMN_REQUIRED))
    {
      gtk_string_list_append (labels, C_("choice", "None"));
      g_ptr_array_add (field->values, NULL);
    }
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SaRecord *row = g_ptr_array_index (rows, i);

      gtk_string_list_append (labels, sa_record_get_text (row, shown));
      g_ptr_array_add (field->values, g_strdup (sa_record_get_id (row)));
    }
  add_deleted_choice (field, labels, store, target, shown, sa_record_get_text (self->record, field->column));
  return combo_row (field, labels, sa_record_get_text (self->record, field->column));
}

static GtkWidget *
choice_row (SaRecordEditor *self,
            Field          *field)
{
  const SaColumn *column = field_column (self, field);
  GtkStringList *labels = gtk_string_list_new (NULL);

  field->values = g_ptr_array_new_with_free_func (g_free);
  if (!(column->flags & SA_COLUMN_REQUIRED))
    {
      gtk_string_list_append (labels, C_("choice", "None"));
      g_ptr_array_add (field->values, NULL);
    }
  for (guint i = 0; column->choices[i] != NULL; i++)
    {
      gtk_string_list_append (labels, sa_column_choice_label (column, column->choices[i]));
      g_ptr_array_add (field->values, g_strdup (column->choices[i]));
    }
  return combo_row (field, labels, sa_record_get_text (self->record, field->column));
}

static char *
current_text (SaRecordEditor *self,
              Field          *field)
{
  if (sa_record_is_null (self->record, field->column))
    return g_strdup ("");
  if (field_column (self, field)->type == SA_COLUMN_INT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, sa_record_get_int (self->record, field->column));
  return g_strdup (sa_record_get_text (self->record, field->column));
}

static GtkWidget *
entry_row (SaRecordEditor *self,
           Field          *field)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = current_text (self, field);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (field_column (self, field)->type == SA_COLUMN_INT)
    gtk_widget_set_tooltip_text (row, field_column (self, field)->flags & SA_COLUMN_FISCAL_YEAR
                                      ? _("A fiscal year, such as 2010, H22 or 平成22年度")
                                      : _("A whole number"));
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (gtk_widget_activate),
                           self->save_button, G_CONNECT_SWAPPED);
  return row;
}

static void
add_field (SaRecordEditor *self,
           const char     *name)
{
  const SaTable *table = sa_record_get_table (self->record);
  int column = sa_table_find_column (table, name);
  Field *field;

  g_return_if_fail (column >= 0);

  field = g_new0 (Field, 1);
  field->column = column;
  if (table->columns[column].type == SA_COLUMN_REF)
    field->row = reference_row (self, field);
  else if (table->columns[column].choices != NULL)
    field->row = choice_row (self, field);
  else
    field->row = entry_row (self, field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(table->columns[column].label));
  adw_preferences_group_add (self->fields_group, field->row);
  g_ptr_array_add (self->fields, field);
}

/* ---- saving --------------------------------------------------------------------- */

static gboolean
read_entry (SaRecordEditor  *self,
            Field           *field,
            GError         **error)
{
  const SaColumn *column = field_column (self, field);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row))));
  gint64 number;
  int fy;

  if (*text == '\0' && !(column->flags & SA_COLUMN_REQUIRED))
    {
      sa_record_set_null (self->record, field->column);
      return TRUE;
    }
  if (column->type != SA_COLUMN_INT)
    {
      sa_record_set_text (self->record, field->column, text);
      return sa_column_check_text (sa_record_get_table (self->record), column, text, error);
    }
  if (column->flags & SA_COLUMN_FISCAL_YEAR)
    {
      if (!sa_fiscal_year_parse (text, &fy, error))
        return FALSE;
      number = fy;
    }
  else if (!sa_column_parse_int (sa_record_get_table (self->record), column, text, &number, error))
    return FALSE;
  sa_record_set_int (self->record, field->column, number);
  return TRUE;
}

static gboolean
read_field (SaRecordEditor  *self,
            Field           *field,
            GError         **error)
{
  guint selected;

  gtk_widget_remove_css_class (field->row, "error");
  if (field->values == NULL)
    return read_entry (self, field, error);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
  if (selected >= field->values->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose one"));
      return FALSE;
    }
  if (g_ptr_array_index (field->values, selected) == NULL)
    sa_record_set_null (self->record, field->column);
  else
    sa_record_set_text (self->record, field->column, g_ptr_array_index (field->values, selected));
  return TRUE;
}

static void
show_error (SaRecordEditor *self,
            Field          *field,
            const char     *message)
{
  g_autofree char *text = field ? g_strdup_printf ("%s: %s", _(field_column (self, field)->label), message)
                                : g_strdup (message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field->row, "error");
      gtk_widget_grab_focus (field->row);
    }
}

/* The stored row with the fields the person changed since the form opened, read
 * inside the change's transaction: what another program wrote meanwhile is kept. */
static gboolean
write_edit (SaRecordEditor  *self,
            GError         **error)
{
  const SaTable *table = sa_record_get_table (self->record);
  g_autoptr(SaRecord) current = NULL;
  g_autoptr(SaRecord) edited = NULL;

  if (!(current = sa_store_get (sa_undo_stack_get_store (self->undo_stack), table,
                                sa_record_get_id (self->record), error)))
    return FALSE;
  if (sa_record_get_deleted (current))
    {
      g_set_error_literal (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("This was deleted while the form was open"));
      return FALSE;
    }
  edited = sa_record_copy (current);
  for (guint i = 0; i < table->n_columns; i++)
    if (!sa_record_value_equal (self->record, self->original, i))
      sa_record_copy_value (edited, self->record, i);
  if (!sa_undo_stack_update (self->undo_stack, edited, error))
    return FALSE;
  g_set_object (&self->record, edited);
  return TRUE;
}

static void
write_record (SaRecordEditor *self,
              gboolean        clip)
{
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (!sa_undo_stack_begin (self->undo_stack, self->is_new ? _("Add") : _("Edit"), &error))
    {
      show_error (self, NULL, error->message);
      return;
    }
  done = self->is_new ? sa_undo_stack_insert (self->undo_stack, self->record, &error)
                      : write_edit (self, &error);
  /* Clipping is part of the same change, and undone with it. */
  if (done && clip)
    done = (phases = sa_plan_years_clipped_phases (sa_undo_stack_get_store (self->undo_stack),
                                                   sa_record_get_id (self->record),
                                                   (int) sa_record_get_int (self->record, SA_PLAN_FIRST_FY),
                                                   (int) sa_record_get_int (self->record, SA_PLAN_LAST_FY),
                                                   &error)) != NULL;
  for (guint i = 0; done && phases != NULL && i < phases->len; i++)
    {
      SaRecord *phase = g_ptr_array_index (phases, i);

      done = sa_record_get_deleted (phase)
             ? sa_undo_stack_set_deleted (self->undo_stack, &sa_schedule_phase_table,
                                          sa_record_get_id (phase), TRUE, &error)
             : sa_undo_stack_update (self->undo_stack, phase, &error);
    }
  if (!done)
    {
      sa_undo_stack_rollback (self->undo_stack);
      show_error (self, NULL, error->message);
      return;
    }
  if (!sa_undo_stack_commit (self->undo_stack, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->record);
  g_clear_pointer (&self->opened_state, g_free);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
write_kept (gpointer self)
{
  write_record (self, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
write_clipped (gpointer self)
{
  write_record (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Writes once the dialog is gone: saving closes this form, the dialog's parent. */
static void
on_years_response (SaRecordEditor *self,
                   const char     *response)
{
  if (g_strcmp0 (response, "keep") == 0 || g_strcmp0 (response, "clip") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, g_str_equal (response, "clip") ? write_clipped : write_kept,
                     g_object_ref (self), g_object_unref);
}

/* New plan years that leave phases or activities outside: ask before writing, with
 * keeping the phases as they are (the timeline widens to them) or clipping them. */
static gboolean
ask_about_years (SaRecordEditor *self)
{
  SaStore *store = sa_undo_stack_get_store (self->undo_stack);
  g_autofree char *outside = NULL;
  g_autofree char *body = NULL;
  guint n_phases = 0, n_activities = 0;
  AdwMessageDialog *dialog;
  int first, last;

  /* Only a plan has years: other tables have no such columns to read. */
  if (self->is_new || !SA_IS_PLAN (self->record))
    return FALSE;
  first = (int) sa_record_get_int (self->record, SA_PLAN_FIRST_FY);
  last = (int) sa_record_get_int (self->record, SA_PLAN_LAST_FY);
  if (first > last ||
      !sa_plan_years_count_outside (store, sa_record_get_id (self->record), first, last,
                                    &n_phases, &n_activities, NULL) ||
      n_phases + n_activities == 0)
    return FALSE;

  outside = sa_plan_years_describe_outside (n_phases, n_activities, first, last);
  /* Translators: after “3 phases and 12 activities fall outside FY2012 to FY2015” */
  body = g_strdup_printf (_("%s. Keep the phases as they are, or clip them to the new years? "
                            "Activities are not changed."), outside);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Change the Plan’s Years?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "keep", _("_Keep Phases"),
                                    "clip", _("C_lip Phases"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_years_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_save (SaRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (!read_field (self, field, &error))
        {
          show_error (self, field, error->message);
          return;
        }
    }

  if (!ask_about_years (self))
    write_record (self, FALSE);
}

/* ---- leaving -------------------------------------------------------------------- */

/* What every field shows, as one text, so that typing and then taking it back leaves
 * the form unchanged. */
static char *
form_state (SaRecordEditor *self)
{
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->values != NULL)
        g_string_append_printf (state, "%u\x1f", adw_combo_row_get_selected (ADW_COMBO_ROW (field->row)));
      else
        g_string_append_printf (state, "%s\x1f", gtk_editable_get_text (GTK_EDITABLE (field->row)));
    }
  return g_string_free (state, FALSE);
}

/* Esc, Cancel and the close button ask before throwing changes away. */
static gboolean
sa_record_editor_close_request (GtkWindow *window)
{
  SaRecordEditor *self = SA_RECORD_EDITOR (window);
  g_autofree char *state = NULL;

  if (self->opened_state != NULL && !g_str_equal (self->opened_state, (state = form_state (self))))
    {
      sa_discard_dialog_ask (window);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (sa_record_editor_parent_class)->close_request (window);
}

/* ---- object --------------------------------------------------------------------- */

static void
sa_record_editor_dispose (GObject *object)
{
  SaRecordEditor *self = SA_RECORD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_RECORD_EDITOR);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->record);
  g_clear_object (&self->original);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->opened_state, g_free);

  G_OBJECT_CLASS (sa_record_editor_parent_class)->dispose (object);
}

static void
sa_record_editor_class_init (SaRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sa_record_editor_dispose;
  window_class->close_request = sa_record_editor_close_request;

  /**
   * SaRecordEditor::saved:
   * @self: the editor
   * @record: the record as saved
   *
   * Emitted after the record was written, just before the form closes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SA_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SaRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SaRecordEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, SaRecordEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SaRecordEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sa_record_editor_init (SaRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

/**
 * sa_record_editor_new:
 * @parent: (nullable): the window the form belongs to
 * @context: the window's context, whose undo stack the change goes through
 * @record: the record to edit, a copy the form may change; or a new record
 * @is_new: whether @record is to be added rather than changed
 * @fields: the columns to show, in order; the others keep their values
 * @title: the form's title
 *
 * Returns: (transfer none): the form, shown
 */
SaRecordEditor *
sa_record_editor_new (GtkWindow          *parent,
                      SaContext          *context,
                      SaRecord           *record,
                      gboolean            is_new,
                      const char * const *fields,
                      const char         *title)
{
  SaRecordEditor *self;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SA_IS_RECORD (record), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (SA_TYPE_RECORD_EDITOR, "transient-for", parent, NULL);
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (context));
  self->record = g_object_ref (record);
  self->original = sa_record_copy (record);
  self->is_new = is_new;
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  for (guint i = 0; fields[i] != NULL; i++)
    add_field (self, fields[i]);
  self->opened_state = form_state (self);

  gtk_window_present (GTK_WINDOW (self));
  /* Typing starts in the first field, not on Cancel, the first button. */
  if (self->fields->len > 0)
    gtk_widget_grab_focus (((Field *) g_ptr_array_index (self->fields, 0))->row);
  return self;
}
