/* sa-activity-form.c: the window to add or edit one activity record
 *
 * The form reads what was typed with the same rules the store checks, says what is
 * wrong under the field it concerns, and writes nothing until everything is right.
 * A save is one change on the undo stack: the record and its links to commitments.
 * An edit writes only the fields the person changed, onto the record as it is when
 * saving, so a change another window or import made meanwhile is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible.h"
#include "sa-activity-form-private.h"
#include "sa-activity-item.h"
#include "sa-activity.h"
#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-date.h"
#include "sa-discard-dialog.h"
#include "sa-district.h"
#include "sa-form-choices.h"
#include "sa-error.h"
#include "sa-goal.h"
#include "sa-organization.h"
#include "sa-plan.h"
#include "sa-privacy.h"
#include "sa-section.h"

G_DEFINE_FINAL_TYPE (SaActivityForm, sa_activity_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACTIVITY_ID,
  PROP_DATE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const SaColumn *
_sa_activity_form_column (guint index)
{
  return &sa_activity_table.columns[index];
}

/* ---- The calendar --------------------------------------------------------------- */

static void
on_calendar_shown (SaActivityForm *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (!_sa_activity_form_read_date (self, &date, NULL))
    date = self->reference;
  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  self->setting_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->setting_calendar = FALSE;
}

static void
on_calendar_day_selected (SaActivityForm *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;

  if (self->setting_calendar)
    return;
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_popover_popdown (self->calendar_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

/* ---- Loading -------------------------------------------------------------------- */

static void
set_count_text (AdwEntryRow *row,
                gint64       value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
show_record (SaActivityForm *self,
             SaRecord       *record)
{
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), sa_record_get_text (record, SA_ACTIVITY_DATE));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), sa_record_get_text (record, SA_ACTIVITY_TITLE) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), sa_record_get_text (record, SA_ACTIVITY_PLACE) ?: "");
  set_count_text (self->participants_row, sa_record_get_int (record, SA_ACTIVITY_PARTICIPANTS));
  set_count_text (self->volunteers_row, sa_record_get_int (record, SA_ACTIVITY_VOLUNTEERS));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            sa_record_get_text (record, SA_ACTIVITY_NOTES) ?: "", -1);
}

static gboolean
load (SaActivityForm  *self,
      GError         **error)
{
  g_autofree char *last_organization = NULL;
  const char *organization_id;

  if (self->activity_id != NULL)
    {
      if (!(self->original = sa_store_get (self->store, &sa_activity_table, self->activity_id, error)) ||
          !(self->original_links = sa_store_dup_activity_commitments (self->store, self->activity_id, error)))
        return FALSE;
      sa_date_parse_iso (sa_record_get_text (self->original, SA_ACTIVITY_DATE), &self->reference, NULL);
      for (guint i = 0; self->original_links[i] != NULL; i++)
        g_hash_table_add (self->chosen, g_strdup (self->original_links[i]));
      show_record (self, self->original);
      organization_id = sa_record_get_text (self->original, SA_ACTIVITY_ORGANIZATION_ID);
    }
  else
    {
      g_autofree char *text = sa_date_to_iso (&self->reference);

      self->original = SA_RECORD (sa_activity_new ());
      self->original_links = g_new0 (char *, 1);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
      /* The organization of the last record is the likeliest for the next. */
      organization_id = last_organization = g_settings_get_string (self->settings, "last-organization");
    }

  self->organization_ids = _sa_activity_form_fill_combo (self->organization_row, self->store, &sa_organization_table,
                                       SA_ORGANIZATION_NAME, organization_id, self->activity_id != NULL);
  self->district_ids = _sa_activity_form_fill_combo (self->district_row, self->store, &sa_district_table, SA_DISTRICT_NAME,
                                   sa_record_get_text (self->original, SA_ACTIVITY_DISTRICT_ID),
                                   self->activity_id != NULL);
  _sa_activity_form_load_commitments (self);
  return TRUE;
}

/* ---- Leaving ------------------------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Everything the person can change, as one text, so that typing and then taking it
 * back leaves the form unchanged. */
static char *
form_state (SaActivityForm *self)
{
  g_autofree char *notes = NULL;
  g_autofree gpointer *chosen = g_hash_table_get_keys_as_array (self->chosen, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  GString *state = g_string_new (NULL);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_string_append_printf (state, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%u\x1f%u",
                          _sa_activity_form_entry_text (self->date_row), _sa_activity_form_entry_text (self->title_row),
                          _sa_activity_form_entry_text (self->place_row), _sa_activity_form_entry_text (self->participants_row),
                          _sa_activity_form_entry_text (self->volunteers_row), notes,
                          adw_combo_row_get_selected (self->organization_row),
                          adw_combo_row_get_selected (self->district_row));
  qsort (chosen, g_hash_table_size (self->chosen), sizeof (gpointer), compare_strings);
  for (guint i = 0; i < g_hash_table_size (self->chosen); i++)
    g_string_append_printf (state, "\x1f%s", (const char *) chosen[i]);
  return g_string_free (state, FALSE);
}

/* Esc, Cancel and the close button ask before throwing changes away. */
static gboolean
sa_activity_form_close_request (GtkWindow *window)
{
  SaActivityForm *self = SA_ACTIVITY_FORM (window);
  g_autofree char *state = NULL;

  if (self->opened_state != NULL && !g_str_equal (self->opened_state, (state = form_state (self))))
    {
      sa_discard_dialog_ask (window);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (sa_activity_form_parent_class)->close_request (window);
}

/* ---- Saving --------------------------------------------------------------------- */

/* Reads every field into @record, saying under each what is wrong with it. */
/* Shows or clears @field's message; the first wrong field gets the focus later. */
static void
mark_field (gboolean     ok,
            GtkWidget   *field,
            GtkLabel    *label,
            GError     **error,
            GtkWidget  **first_wrong)
{
  if (ok)
    _sa_activity_form_clear_error (field, label);
  else
    {
      _sa_activity_form_show_error (field, label, *error);
      if (*first_wrong == NULL)
        *first_wrong = field;
      g_clear_error (error);
    }
}

static gboolean
read_fields (SaActivityForm *self,
             SaRecord       *record)
{
  g_autofree char *title = _sa_activity_form_stripped_text (_sa_activity_form_entry_text (self->title_row));
  g_autofree char *place = _sa_activity_form_stripped_text (_sa_activity_form_entry_text (self->place_row));
  g_autofree char *notes = _sa_activity_form_notes_text (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *first_wrong = NULL;
  gint64 participants, volunteers;
  GDate date;

  mark_field (_sa_activity_form_read_date (self, &date, &error),
              GTK_WIDGET (self->date_row), self->date_error, &error, &first_wrong);
  mark_field (_sa_activity_form_check_text (title, SA_ACTIVITY_TITLE, &error),
              GTK_WIDGET (self->title_row), self->title_error, &error, &first_wrong);
  mark_field (!place || _sa_activity_form_check_text (place, SA_ACTIVITY_PLACE, &error),
              GTK_WIDGET (self->place_row), self->place_error, &error, &first_wrong);
  mark_field (_sa_activity_form_read_count (self->participants_row, SA_ACTIVITY_PARTICIPANTS, &participants, &error),
              GTK_WIDGET (self->participants_row), self->participants_error, &error, &first_wrong);
  mark_field (_sa_activity_form_read_count (self->volunteers_row, SA_ACTIVITY_VOLUNTEERS, &volunteers, &error),
              GTK_WIDGET (self->volunteers_row), self->volunteers_error, &error, &first_wrong);
  mark_field (!notes || _sa_activity_form_check_text (notes, SA_ACTIVITY_NOTES, &error),
              GTK_WIDGET (self->notes_view), self->notes_error, &error, &first_wrong);

  if (first_wrong != NULL)
    {
      gtk_widget_grab_focus (first_wrong);
      return FALSE;
    }

  {
    g_autofree char *iso = sa_date_to_iso (&date);
    sa_record_set_text (record, SA_ACTIVITY_DATE, iso);
  }
  sa_record_set_text (record, SA_ACTIVITY_TITLE, title);
  sa_record_set_text (record, SA_ACTIVITY_ORGANIZATION_ID, _sa_activity_form_chosen_id (self->organization_row, self->organization_ids));
  sa_record_set_text (record, SA_ACTIVITY_DISTRICT_ID, _sa_activity_form_chosen_id (self->district_row, self->district_ids));
  sa_record_set_text (record, SA_ACTIVITY_PLACE, place);
  sa_record_set_int (record, SA_ACTIVITY_PARTICIPANTS, participants);
  sa_record_set_int (record, SA_ACTIVITY_VOLUNTEERS, volunteers);
  sa_record_set_text (record, SA_ACTIVITY_NOTES, notes);
  return TRUE;
}

/* The stored record with the fields the person changed since the form opened. */
static SaRecord *
edited_record (SaActivityForm  *self,
               SaRecord        *wanted,
               GError         **error)
{
  g_autoptr(SaRecord) current = sa_store_get (self->store, &sa_activity_table, self->activity_id, error);
  g_autoptr(SaRecord) edited = NULL;

  if (current == NULL)
    return NULL;
  if (sa_record_get_deleted (current))
    {
      g_set_error_literal (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                           _("This activity was deleted while the form was open"));
      return NULL;
    }
  edited = sa_record_copy (current);
  for (guint i = 0; i < sa_activity_table.n_columns; i++)
    if (!sa_record_value_equal (wanted, self->original, i))
      sa_record_copy_value (edited, wanted, i);
  return g_steal_pointer (&edited);
}

/* The links as stored now, with the ticks the person changed; links to commitments
 * the form does not list (no longer in the plan) are kept. */
static GStrv
edited_links (SaActivityForm  *self,
              GError         **error)
{
  g_auto(GStrv) current = self->activity_id
                          ? sa_store_dup_activity_commitments (self->store, self->activity_id, error)
                          : g_new0 (char *, 1);
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer id;

  if (current == NULL)
    return NULL;
  for (guint i = 0; current[i] != NULL; i++)
    {
      gboolean unticked = g_strv_contains ((const char * const *) self->original_links, current[i]) &&
                          !g_hash_table_contains (self->chosen, current[i]);
      if (!unticked)
        g_strv_builder_add (links, current[i]);
    }
  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_strv_contains ((const char * const *) current, id))
      g_strv_builder_add (links, id);
  return g_strv_builder_end (links);
}

static gboolean
same_links (const char * const *a,
            const char * const *b)
{
  if (g_strv_length ((char **) a) != g_strv_length ((char **) b))
    return FALSE;
  for (guint i = 0; a[i] != NULL; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

/* Reads the stored record and links inside the change's transaction, so that
 * nothing another program writes meanwhile is overwritten. */
static gboolean
write_activity (SaActivityForm  *self,
                SaRecord        *wanted,
                char           **saved_id,
                GError         **error)
{
  g_autoptr(SaRecord) record = NULL;
  g_auto(GStrv) links = NULL;
  g_auto(GStrv) stored_links = NULL;
  gboolean is_new = self->activity_id == NULL;

  if (!sa_undo_stack_begin (self->undo_stack, is_new ? _("Add Activity") : _("Edit Activity"), error))
    return FALSE;
  record = is_new ? g_object_ref (wanted) : edited_record (self, wanted, error);
  if (record == NULL || !(links = edited_links (self, error)) ||
      (!is_new && !(stored_links = sa_store_dup_activity_commitments (self->store, self->activity_id, error))) ||
      !(is_new ? sa_undo_stack_insert (self->undo_stack, record, error)
               : sa_undo_stack_update (self->undo_stack, record, error)) ||
      (!(is_new ? links[0] == NULL : same_links ((const char * const *) links, (const char * const *) stored_links)) &&
       !sa_undo_stack_set_links (self->undo_stack, sa_record_get_id (record), (const char * const *) links, error)))
    {
      sa_undo_stack_rollback (self->undo_stack);
      return FALSE;
    }
  *saved_id = g_strdup (sa_record_get_id (record));
  return sa_undo_stack_commit (self->undo_stack, error);
}

/* Whether an edit changes nothing, so that closing is all there is to do. */
static gboolean
unchanged (SaActivityForm *self,
           SaRecord       *wanted)
{
  g_autofree gpointer *chosen = g_hash_table_get_keys_as_array (self->chosen, NULL);

  if (self->activity_id == NULL)
    return FALSE;
  for (guint i = 0; i < sa_activity_table.n_columns; i++)
    if (!sa_record_value_equal (wanted, self->original, i))
      return FALSE;
  return same_links ((const char * const *) chosen, (const char * const *) self->original_links);
}

static void
save (SaActivityForm *self)
{
  g_autoptr(SaRecord) wanted = sa_record_copy (self->original);
  g_autofree char *saved_id = NULL;
  g_autoptr(GError) error = NULL;
  const char *organization_id;

  _sa_activity_form_show_problem (self, NULL);
  if (!read_fields (self, wanted))
    return;
  if (unchanged (self, wanted))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (!write_activity (self, wanted, &saved_id, &error))
    {
      _sa_activity_form_show_problem (self, error->message);
      return;
    }

  /* The organization chosen, not one another program set meanwhile. */
  organization_id = sa_record_get_text (wanted, SA_ACTIVITY_ORGANIZATION_ID);
  g_settings_set_string (self->settings, "last-organization", organization_id ? organization_id : "");
  g_signal_emit (self, signals[SAVED], 0, saved_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (SA_ACTIVITY_FORM (widget));
}

/* ---- Object --------------------------------------------------------------------- */

static void
sa_activity_form_constructed (GObject *object)
{
  SaActivityForm *self = SA_ACTIVITY_FORM (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (sa_activity_form_parent_class)->constructed (object);

  self->store = g_object_ref (sa_context_get_store (self->context));
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (self->context));
  self->settings = g_object_ref (sa_context_get_settings (self->context));
  gtk_window_set_title (GTK_WINDOW (self), self->activity_id ? _("Edit Activity") : _("New Activity"));
  if (!g_date_valid (&self->reference))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_date_set_dmy (&self->reference, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  if (!load (self, &error))
    {
      _sa_activity_form_show_problem (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", FALSE);
    }
  else
    self->opened_state = form_state (self);
  sa_form_choices_add_button (self->organization_row, self->context, &sa_organization_table,
                              _sa_activity_form_on_organization_added, self);
  sa_form_choices_add_button (self->district_row, self->context, &sa_district_table, _sa_activity_form_on_district_added, self);
  sa_form_choices_open_on_enter (self->organization_row);
  sa_form_choices_open_on_enter (self->district_row);
  sa_form_fit_to_parent (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->activity_id ? self->title_row : self->date_row));
}

static void
sa_activity_form_dispose (GObject *object)
{
  SaActivityForm *self = SA_ACTIVITY_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACTIVITY_FORM);
  g_clear_object (&self->original);
  g_clear_object (&self->settings);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_activity_form_parent_class)->dispose (object);
}

static void
sa_activity_form_finalize (GObject *object)
{
  SaActivityForm *self = SA_ACTIVITY_FORM (object);

  g_free (self->activity_id);
  g_free (self->opened_state);
  g_strfreev (self->original_links);
  g_strfreev (self->commitment_words);
  g_clear_pointer (&self->organization_ids, g_ptr_array_unref);
  g_clear_pointer (&self->district_ids, g_ptr_array_unref);
  g_hash_table_unref (self->chosen);

  G_OBJECT_CLASS (sa_activity_form_parent_class)->finalize (object);
}

static void
sa_activity_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SaActivityForm *self = SA_ACTIVITY_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACTIVITY_ID:
      g_value_set_string (value, self->activity_id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, g_date_valid (&self->reference) ? &self->reference : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_activity_form_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SaActivityForm *self = SA_ACTIVITY_FORM (object);
  const GDate *date;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACTIVITY_ID:
      self->activity_id = g_value_dup_string (value);
      break;

    case PROP_DATE:
      if ((date = g_value_get_boxed (value)) != NULL && g_date_valid (date))
        self->reference = *date;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_activity_form_class_init (SaActivityFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sa_activity_form_constructed;
  object_class->dispose = sa_activity_form_dispose;
  object_class->finalize = sa_activity_form_finalize;
  object_class->get_property = sa_activity_form_get_property;
  object_class->set_property = sa_activity_form_set_property;
  window_class->close_request = sa_activity_form_close_request;

  /**
   * SaActivityForm:context:
   *
   * The store the form reads, the undo stack its save goes through, and
   * the settings that remember the last organization.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SaActivityForm:activity-id:
   *
   * The activity being edited, or %NULL for a new one.
   */
  properties[PROP_ACTIVITY_ID] =
    g_param_spec_string ("activity-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SaActivityForm:date:
   *
   * The day a new activity starts on; a month and day typed without a year fall in
   * its year. Today when unset.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaActivityForm::saved:
   * @self: the form
   * @id: the id of the activity saved
   *
   * Emitted once the activity is written, just before the form closes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-activity-form.ui");
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, date_hint);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, date_error);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, calendar);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, title_row);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, title_error);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, place_row);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, place_error);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, organization_row);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, district_row);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, participants_row);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, participants_error);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, volunteers_row);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, volunteers_error);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, commitment_count);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, commitment_search);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, commitment_list);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, notes_error);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, privacy_revealer);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, privacy_label);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, SaActivityForm, problem_label);
  _sa_activity_form_class_bind_fields (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  _sa_activity_form_class_bind_rows (widget_class);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
sa_activity_form_init (SaActivityForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->commitment_words = g_new0 (char *, 1);

  _sa_activity_form_setup_error_label (GTK_WIDGET (self->date_row), self->date_error);
  _sa_activity_form_setup_error_label (GTK_WIDGET (self->title_row), self->title_error);
  _sa_activity_form_setup_error_label (GTK_WIDGET (self->place_row), self->place_error);
  _sa_activity_form_setup_error_label (GTK_WIDGET (self->participants_row), self->participants_error);
  _sa_activity_form_setup_error_label (GTK_WIDGET (self->volunteers_row), self->volunteers_error);
  _sa_activity_form_setup_error_label (GTK_WIDGET (self->notes_view), self->notes_error);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (_sa_activity_form_on_notes_changed), self, G_CONNECT_SWAPPED);
  sa_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * sa_activity_form_new:
 * @parent: (nullable): the window the form belongs to
 * @context: the store, the undo stack the save goes through, and the settings
 * @activity_id: (nullable): the activity to edit, or %NULL to add one
 * @date: (nullable): the day of a new activity; today when %NULL
 *
 * Returns: (transfer none): a new form, owned by GTK's list of toplevels; present it
 */
SaActivityForm *
sa_activity_form_new (GtkWindow   *parent,
                      SaContext   *context,
                      const char  *activity_id,
                      const GDate *date)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  return g_object_new (SA_TYPE_ACTIVITY_FORM,
                       "transient-for", parent,
                       "context", context,
                       "activity-id", activity_id,
                       "date", date,
                       NULL);
}

const char *
sa_activity_form_get_activity_id (SaActivityForm *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_FORM (self), NULL);

  return self->activity_id;
}
