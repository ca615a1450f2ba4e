/* sa-activity-form-fields.c: the activity form's fields: reading them and saying what is wrong, as the person types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible.h"
#include "sa-activity.h"
#include "sa-date.h"
#include "sa-privacy.h"
#include "sa-activity-form-private.h"

/* ---- Saying what is wrong ------------------------------------------------------- */

/* The label sits in a row of its own under the field, or under the notes. */
static GtkWidget *
error_container (GtkLabel *label)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (label));

  return GTK_IS_LIST_BOX_ROW (parent) ? parent : GTK_WIDGET (label);
}

void
_sa_activity_form_show_error (GtkWidget    *field,
                              GtkLabel     *label,
                              const GError *error)
{
  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (error_container (label), TRUE);
  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

void
_sa_activity_form_clear_error (GtkWidget *field,
                               GtkLabel  *label)
{
  gtk_widget_set_visible (error_container (label), FALSE);
  gtk_widget_remove_css_class (field, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
}

void
_sa_activity_form_setup_error_label (GtkWidget *field,
                                     GtkLabel  *label)
{
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
  if (GTK_IS_LIST_BOX_ROW (gtk_widget_get_parent (GTK_WIDGET (label))))
    {
      /* GtkListBox moves Tab to the next sensitive row; a message row that takes no
       * focus would end the group there, skipping the field after it. */
      gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (label)), FALSE);
      gtk_widget_add_css_class (gtk_widget_get_parent (GTK_WIDGET (label)), "field-message");
      gtk_widget_set_margin_start (GTK_WIDGET (label), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (label), 12);
      gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
      gtk_widget_set_margin_bottom (GTK_WIDGET (label), 6);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, label, -1);
}

void
_sa_activity_form_show_problem (SaActivityForm *self,
                                const char     *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_revealer_set_reveal_child (self->problem_revealer, message != NULL);
}

/* ---- Reading the fields --------------------------------------------------------- */

const char *
_sa_activity_form_entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Text without the spaces around it; NULL when nothing is left. */
char *
_sa_activity_form_stripped_text (const char *text)
{
  char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  return stripped;
}

char *
_sa_activity_form_notes_text (SaActivityForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Notes keep their line breaks, but not blank lines around them. */
  return _sa_activity_form_stripped_text (text);
}

gboolean
_sa_activity_form_read_date (SaActivityForm  *self,
                             GDate           *date,
                             GError         **error)
{
  return sa_date_parse_loose (_sa_activity_form_entry_text (self->date_row), &self->reference, date, error);
}

/* An empty count is 0; full-width digits are read as digits. */
gboolean
_sa_activity_form_read_count (AdwEntryRow  *row,
                              guint         index,
                              gint64       *value,
                              GError      **error)
{
  g_autofree char *text = _sa_activity_form_stripped_text (_sa_activity_form_entry_text (row));

  *value = 0;
  return text == NULL || sa_column_parse_int (&sa_activity_table, _sa_activity_form_column (index), text, value, error);
}

gboolean
_sa_activity_form_check_text (const char  *text,
                              guint        index,
                              GError     **error)
{
  return sa_column_check_text (&sa_activity_table, _sa_activity_form_column (index), text ? text : "", error);
}

const char *
_sa_activity_form_chosen_id (AdwComboRow *row,
                             GPtrArray   *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_ptr_array_index (ids, selected) : NULL;
}

static const char *
weekday_name (const GDate *date)
{
  static const char * const names[] = {
    NULL, NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"), NC_("weekday", "Sunday"),
  };

  return g_dpgettext2 (NULL, "weekday", names[g_date_get_weekday (date)]);
}

/* Shows how the typed date is read, so "5/20" can be checked before saving. */
static void
on_date_changed (SaActivityForm *self)
{
  GDate date;
  g_autofree char *hint = NULL;

  _sa_activity_form_clear_error (GTK_WIDGET (self->date_row), self->date_error);
  if (_sa_activity_form_read_date (self, &date, NULL))
    {
      g_autofree char *iso = sa_date_to_iso (&date);

      if (g_str_equal (iso, _sa_activity_form_entry_text (self->date_row)))
        hint = g_strdup (weekday_name (&date));
      else
        /* Translators: a date and its weekday, as in 2012-05-20 (Sunday) */
        hint = g_strdup_printf (_("%s (%s)"), iso, weekday_name (&date));
    }
  gtk_label_set_text (self->date_hint, hint ? hint : "");
}

/* A warning, never a refusal: some numbers are a salon's own, fine to keep. */
static void
check_privacy (SaActivityForm *self)
{
  g_autofree char *notes = _sa_activity_form_notes_text (self);
  SaPrivacyFlags flags = sa_privacy_scan (_sa_activity_form_entry_text (self->title_row)) |
                         sa_privacy_scan (_sa_activity_form_entry_text (self->place_row)) |
                         sa_privacy_scan (notes);
  const char *message = sa_privacy_describe (flags);

  if (message != NULL)
    gtk_label_set_text (self->privacy_label, message);
  gtk_revealer_set_reveal_child (self->privacy_revealer, message != NULL);
}

static void
on_title_changed (SaActivityForm *self)
{
  _sa_activity_form_clear_error (GTK_WIDGET (self->title_row), self->title_error);
  check_privacy (self);
}

static void
on_place_changed (SaActivityForm *self)
{
  _sa_activity_form_clear_error (GTK_WIDGET (self->place_row), self->place_error);
  check_privacy (self);
}

/* Counts are checked as they are typed: a letter or a minus sign is wrong at once. */
static void
check_count (AdwEntryRow *row,
             guint        index,
             GtkLabel    *label)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  if (_sa_activity_form_read_count (row, index, &value, &error))
    _sa_activity_form_clear_error (GTK_WIDGET (row), label);
  else
    _sa_activity_form_show_error (GTK_WIDGET (row), label, error);
}

static void
on_participants_changed (SaActivityForm *self)
{
  check_count (self->participants_row, SA_ACTIVITY_PARTICIPANTS, self->participants_error);
}

static void
on_volunteers_changed (SaActivityForm *self)
{
  check_count (self->volunteers_row, SA_ACTIVITY_VOLUNTEERS, self->volunteers_error);
}

void
_sa_activity_form_on_notes_changed (SaActivityForm *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->notes_error), FALSE);
  check_privacy (self);
}

/* The template's handlers of the fields, which stay in this file. */
void
_sa_activity_form_class_bind_fields (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_place_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_participants_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_volunteers_changed);
}
