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
#include "sa-activity-form.h"
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

struct _SaActivityForm
{
  AdwWindow          parent_instance;

  SaStore           *store;
  SaUndoStack       *undo_stack;
  GSettings         *settings;
  char              *activity_id;       /* NULL for a new activity */
  SaRecord          *original;          /* the record as the form opened it */
  GStrv              original_links;
  GDate              reference;         /* the date shown when the form opened */
  GPtrArray         *organization_ids;  /* in the combo row's order; NULL for "None" */
  GPtrArray         *district_ids;
  GHashTable        *chosen;            /* commitment ids ticked */
  char             **commitment_words;  /* the commitment search */
  gboolean           setting_calendar;
  char              *opened_state;      /* form_state() when the form opened */

  AdwEntryRow       *date_row;
  GtkLabel          *date_hint;
  GtkLabel          *date_error;
  GtkMenuButton     *calendar_button;
  GtkPopover        *calendar_popover;
  GtkCalendar       *calendar;
  AdwEntryRow       *title_row;
  GtkLabel          *title_error;
  AdwEntryRow       *place_row;
  GtkLabel          *place_error;
  AdwComboRow       *organization_row;
  AdwComboRow       *district_row;
  AdwEntryRow       *participants_row;
  GtkLabel          *participants_error;
  AdwEntryRow       *volunteers_row;
  GtkLabel          *volunteers_error;
  GtkLabel          *commitment_count;
  GtkSearchEntry    *commitment_search;
  GtkListBox        *commitment_list;
  GtkTextView       *notes_view;
  GtkLabel          *notes_error;
  GtkRevealer       *problem_revealer;
  GtkLabel          *problem_label;
  GtkRevealer       *privacy_revealer;
  GtkLabel          *privacy_label;
};

G_DEFINE_FINAL_TYPE (SaActivityForm, sa_activity_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UNDO_STACK,
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

static const SaColumn *
column (guint index)
{
  return &sa_activity_table.columns[index];
}

/* ---- Saying what is wrong ------------------------------------------------------- */

/* The label sits in a row of its own under the field, or under the notes. */
static GtkWidget *
error_container (GtkLabel *label)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (label));

  return GTK_IS_LIST_BOX_ROW (parent) ? parent : GTK_WIDGET (label);
}

static void
show_error (GtkWidget    *field,
            GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (error_container (label), TRUE);
  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
clear_error (GtkWidget *field,
             GtkLabel  *label)
{
  gtk_widget_set_visible (error_container (label), FALSE);
  gtk_widget_remove_css_class (field, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
setup_error_label (GtkWidget *field,
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

static void
show_problem (SaActivityForm *self,
              const char     *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_revealer_set_reveal_child (self->problem_revealer, message != NULL);
}

/* ---- Reading the fields --------------------------------------------------------- */

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Text without the spaces around it; NULL when nothing is left. */
static char *
stripped_text (const char *text)
{
  char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  return stripped;
}

static char *
notes_text (SaActivityForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Notes keep their line breaks, but not blank lines around them. */
  return stripped_text (text);
}

static gboolean
read_date (SaActivityForm  *self,
           GDate           *date,
           GError         **error)
{
  return sa_date_parse_loose (entry_text (self->date_row), &self->reference, date, error);
}

/* An empty count is 0; full-width digits are read as digits. */
static gboolean
read_count (AdwEntryRow  *row,
            guint         index,
            gint64       *value,
            GError      **error)
{
  g_autofree char *text = stripped_text (entry_text (row));

  *value = 0;
  return text == NULL || sa_column_parse_int (&sa_activity_table, column (index), text, value, error);
}

static gboolean
check_text (const char  *text,
            guint        index,
            GError     **error)
{
  return sa_column_check_text (&sa_activity_table, column (index), text ? text : "", error);
}

static const char *
chosen_id (AdwComboRow *row,
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

  clear_error (GTK_WIDGET (self->date_row), self->date_error);
  if (read_date (self, &date, NULL))
    {
      g_autofree char *iso = sa_date_to_iso (&date);

      if (g_str_equal (iso, entry_text (self->date_row)))
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
  g_autofree char *notes = notes_text (self);
  SaPrivacyFlags flags = sa_privacy_scan (entry_text (self->title_row)) |
                         sa_privacy_scan (entry_text (self->place_row)) |
                         sa_privacy_scan (notes);
  const char *message = sa_privacy_describe (flags);

  if (message != NULL)
    gtk_label_set_text (self->privacy_label, message);
  gtk_revealer_set_reveal_child (self->privacy_revealer, message != NULL);
}

static void
on_title_changed (SaActivityForm *self)
{
  clear_error (GTK_WIDGET (self->title_row), self->title_error);
  check_privacy (self);
}

static void
on_place_changed (SaActivityForm *self)
{
  clear_error (GTK_WIDGET (self->place_row), self->place_error);
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

  if (read_count (row, index, &value, &error))
    clear_error (GTK_WIDGET (row), label);
  else
    show_error (GTK_WIDGET (row), label, error);
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

static void
on_notes_changed (SaActivityForm *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->notes_error), FALSE);
  check_privacy (self);
}

/* ---- The calendar --------------------------------------------------------------- */

static void
on_calendar_shown (SaActivityForm *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (!read_date (self, &date, NULL))
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

/* ---- Commitments ---------------------------------------------------------------- */

static void
update_commitment_count (SaActivityForm *self)
{
  guint n = 0;
  int i = 0;
  g_autofree char *text = NULL;

  /* Ticks only: a link to a commitment no longer in the plan is kept, not shown. */
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (self->commitment_list, i)); i++)
    n += g_hash_table_contains (self->chosen, g_object_get_data (G_OBJECT (row), "commitment-id"));

  if (n > 0)
    text = g_strdup_printf (ngettext ("%u chosen", "%u chosen", n), n);
  gtk_label_set_text (self->commitment_count, text ? text : "");
}

static void
on_commitment_toggled (SaActivityForm *self,
                       GtkCheckButton *check)
{
  const char *id = g_object_get_data (G_OBJECT (check), "commitment-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (id));
  else
    g_hash_table_remove (self->chosen, id);
  update_commitment_count (self);
}

static GtkWidget *
commitment_row (SaActivityForm *self,
                SaRecord       *commitment,
                GHashTable     *actor_names,
                const char     *goal_heading)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *id = sa_record_get_id (commitment);
  const char *actor = g_hash_table_lookup (actor_names, sa_record_get_text (commitment, SA_COMMITMENT_ACTOR_ID));
  g_autofree char *text_key = sa_search_fold (sa_record_get_text (commitment, SA_COMMITMENT_TEXT));
  g_autofree char *actor_key = sa_search_fold (actor ? actor : "");

  /* Plan texts are plain text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sa_record_get_text (commitment, SA_COMMITMENT_TEXT));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), actor);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen, id));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (check), "commitment-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (row), "commitment-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (row), "goal-heading", g_strdup (goal_heading), g_free);
  /* Search finds a commitment by its text or by who makes it. */
  g_object_set_data_full (G_OBJECT (row), "search-key", g_strconcat (text_key, "\x01", actor_key, NULL), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_commitment_toggled), self, G_CONNECT_SWAPPED);
  return row;
}

/* Rows are grouped under their goal, as in the plan document. */
static void
update_goal_header (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  const char *heading = g_object_get_data (G_OBJECT (row), "goal-heading");
  GtkWidget *label;

  if (before != NULL && g_strcmp0 (heading, g_object_get_data (G_OBJECT (before), "goal-heading")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_box_row_set_header (row, label);
}

static gboolean
filter_commitment (GtkListBoxRow *row,
                   gpointer       user_data)
{
  SaActivityForm *self = user_data;

  return sa_search_match (g_object_get_data (G_OBJECT (row), "search-key"),
                          (const char * const *) self->commitment_words);
}

static void
on_commitment_search_changed (SaActivityForm *self)
{
  g_strfreev (self->commitment_words);
  self->commitment_words = sa_search_words (gtk_editable_get_text (GTK_EDITABLE (self->commitment_search)));
  gtk_list_box_invalidate_filter (self->commitment_list);
  gtk_list_box_invalidate_headers (self->commitment_list);
}

/* The plan's title of each section, when the database holds more than one plan: an
 * activity may advance commitments of any, and their goals share numbers. */
static GHashTable *
section_plans (SaStore *store)
{
  g_autoptr(GPtrArray) plans = sa_store_list (store, &sa_plan_table, NULL, NULL, NULL);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GHashTable) titles = sa_store_dup_names (store, &sa_plan_table, SA_PLAN_TITLE, NULL);
  GHashTable *by_section = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (plans == NULL || plans->len < 2 || titles == NULL ||
      !(sections = sa_store_list (store, &sa_section_table, NULL, NULL, NULL)))
    return by_section;
  for (guint i = 0; i < sections->len; i++)
    {
      SaRecord *section = g_ptr_array_index (sections, i);
      const char *title = g_hash_table_lookup (titles, sa_record_get_text (section, SA_SECTION_PLAN_ID));

      if (title != NULL)
        g_hash_table_insert (by_section, g_strdup (sa_record_get_id (section)), g_strdup (title));
    }
  return by_section;
}

static GHashTable *
goal_headings (SaStore *store)
{
  g_autoptr(GPtrArray) goals = sa_store_list (store, &sa_goal_table, NULL, NULL, NULL);
  g_autoptr(GHashTable) plans = section_plans (store);
  GHashTable *headings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      SaRecord *goal = g_ptr_array_index (goals, i);
      g_autofree char *number = g_strdup_printf (_("Basic Goal %d"), (int) sa_record_get_int (goal, SA_GOAL_NUMBER));
      const char *plan = g_hash_table_lookup (plans, sa_record_get_text (goal, SA_GOAL_SECTION_ID));
      g_autofree char *heading = g_strdup_printf ("%s  %s", number, sa_record_get_text (goal, SA_GOAL_TITLE));

      /* Translators: a goal's heading under the plan it belongs to */
      g_hash_table_insert (headings, g_strdup (sa_record_get_id (goal)),
                           plan ? g_strdup_printf (_("%s: %s"), plan, heading) : g_steal_pointer (&heading));
    }
  return headings;
}

static void
load_commitments (SaActivityForm *self)
{
  g_autoptr(GPtrArray) commitments = sa_store_list_plan_commitments (self->store, NULL);
  g_autoptr(GHashTable) actor_names = sa_store_dup_names (self->store, &sa_actor_table, SA_ACTOR_NAME, NULL)
                                      ?: g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) headings = goal_headings (self->store);

  for (guint i = 0; commitments != NULL && i < commitments->len; i++)
    {
      SaRecord *commitment = g_ptr_array_index (commitments, i);
      const char *heading = g_hash_table_lookup (headings, sa_record_get_text (commitment, SA_COMMITMENT_GOAL_ID));

      gtk_list_box_append (self->commitment_list, commitment_row (self, commitment, actor_names, heading));
    }
  gtk_list_box_set_header_func (self->commitment_list, update_goal_header, NULL, NULL);
  gtk_list_box_set_filter_func (self->commitment_list, filter_commitment, self, NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->commitment_list)),
                          commitments != NULL && commitments->len > 0);
  update_commitment_count (self);
}

/* ---- Organizations and districts ------------------------------------------------ */

/* "None" first, then the records by name, choosing @current. A deleted record the
 * activity still names is listed too, marked, so that the form shows it and saving
 * another field keeps the reference. */
static GPtrArray *
fill_combo (AdwComboRow   *row,
            SaStore       *store,
            const SaTable *table,
            guint          name_column,
            const char    *current,
            gboolean       show_deleted)
{
  g_autoptr(GPtrArray) records = sa_store_list (store, table, NULL, NULL, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  /* Translators: no organization or district */
  gtk_string_list_append (labels, C_("choice", "None"));
  g_ptr_array_add (ids, NULL);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (records, i);

      gtk_string_list_append (labels, sa_record_get_text (record, name_column));
      g_ptr_array_add (ids, g_strdup (sa_record_get_id (record)));
      if (g_strcmp0 (current, sa_record_get_id (record)) == 0)
        selected = ids->len - 1;
    }
  if (current != NULL && selected == 0 && show_deleted)
    {
      g_autoptr(SaRecord) gone = sa_store_get (store, table, current, NULL);
      g_autofree char *label = NULL;

      /* Translators: an organization or district that was deleted, as in
       * “中川地域ケアプラザ (deleted)” */
      label = g_strdup_printf (_("%s (deleted)"), gone ? sa_record_get_text (gone, name_column) : current);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (ids, g_strdup (current));
      selected = ids->len - 1;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
  return ids;
}

/* A row added from the form's own button: listed, and chosen. */
static void
on_organization_added (gpointer  data,
                       SaRecord *record)
{
  SaActivityForm *self = data;

  g_clear_pointer (&self->organization_ids, g_ptr_array_unref);
  self->organization_ids = fill_combo (self->organization_row, self->store, &sa_organization_table,
                                       SA_ORGANIZATION_NAME, sa_record_get_id (record), FALSE);
}

static void
on_district_added (gpointer  data,
                   SaRecord *record)
{
  SaActivityForm *self = data;

  g_clear_pointer (&self->district_ids, g_ptr_array_unref);
  self->district_ids = fill_combo (self->district_row, self->store, &sa_district_table, SA_DISTRICT_NAME,
                                   sa_record_get_id (record), FALSE);
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

  self->organization_ids = fill_combo (self->organization_row, self->store, &sa_organization_table,
                                       SA_ORGANIZATION_NAME, organization_id, self->activity_id != NULL);
  self->district_ids = fill_combo (self->district_row, self->store, &sa_district_table, SA_DISTRICT_NAME,
                                   sa_record_get_text (self->original, SA_ACTIVITY_DISTRICT_ID),
                                   self->activity_id != NULL);
  load_commitments (self);
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
                          entry_text (self->date_row), entry_text (self->title_row),
                          entry_text (self->place_row), entry_text (self->participants_row),
                          entry_text (self->volunteers_row), notes,
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
static gboolean
read_fields (SaActivityForm *self,
             SaRecord       *record)
{
  g_autofree char *title = stripped_text (entry_text (self->title_row));
  g_autofree char *place = stripped_text (entry_text (self->place_row));
  g_autofree char *notes = notes_text (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *first_wrong = NULL;
  gint64 participants, volunteers;
  GDate date;

#define CHECK(ok, field, label)                                     \
  G_STMT_START {                                                    \
    if (ok)                                                         \
      clear_error (GTK_WIDGET (field), label);                      \
    else                                                            \
      {                                                             \
        show_error (GTK_WIDGET (field), label, error);              \
        first_wrong = first_wrong ? first_wrong : GTK_WIDGET (field); \
        g_clear_error (&error);                                     \
      }                                                             \
  } G_STMT_END

  CHECK (read_date (self, &date, &error), self->date_row, self->date_error);
  CHECK (check_text (title, SA_ACTIVITY_TITLE, &error), self->title_row, self->title_error);
  CHECK (!place || check_text (place, SA_ACTIVITY_PLACE, &error), self->place_row, self->place_error);
  CHECK (read_count (self->participants_row, SA_ACTIVITY_PARTICIPANTS, &participants, &error),
         self->participants_row, self->participants_error);
  CHECK (read_count (self->volunteers_row, SA_ACTIVITY_VOLUNTEERS, &volunteers, &error),
         self->volunteers_row, self->volunteers_error);
  CHECK (!notes || check_text (notes, SA_ACTIVITY_NOTES, &error), self->notes_view, self->notes_error);
#undef CHECK

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
  sa_record_set_text (record, SA_ACTIVITY_ORGANIZATION_ID, chosen_id (self->organization_row, self->organization_ids));
  sa_record_set_text (record, SA_ACTIVITY_DISTRICT_ID, chosen_id (self->district_row, self->district_ids));
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

  show_problem (self, NULL);
  if (!read_fields (self, wanted))
    return;
  if (unchanged (self, wanted))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (!write_activity (self, wanted, &saved_id, &error))
    {
      show_problem (self, error->message);
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

  gtk_window_set_title (GTK_WINDOW (self), self->activity_id ? _("Edit Activity") : _("New Activity"));
  if (!g_date_valid (&self->reference))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_date_set_dmy (&self->reference, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  if (!load (self, &error))
    {
      show_problem (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", FALSE);
    }
  else
    self->opened_state = form_state (self);
  sa_form_choices_add_button (self->organization_row, self->undo_stack, &sa_organization_table,
                              on_organization_added, self);
  sa_form_choices_add_button (self->district_row, self->undo_stack, &sa_district_table, on_district_added, self);
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
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
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
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_UNDO_STACK:
      self->undo_stack = g_value_dup_object (value);
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

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, SA_TYPE_UNDO_STACK,
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
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_place_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_participants_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_volunteers_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_commitment_search_changed);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
sa_activity_form_init (SaActivityForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->commitment_words = g_new0 (char *, 1);

  setup_error_label (GTK_WIDGET (self->date_row), self->date_error);
  setup_error_label (GTK_WIDGET (self->title_row), self->title_error);
  setup_error_label (GTK_WIDGET (self->place_row), self->place_error);
  setup_error_label (GTK_WIDGET (self->participants_row), self->participants_error);
  setup_error_label (GTK_WIDGET (self->volunteers_row), self->volunteers_error);
  setup_error_label (GTK_WIDGET (self->notes_view), self->notes_error);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  sa_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * sa_activity_form_new:
 * @parent: (nullable): the window the form belongs to
 * @store: the database
 * @undo_stack: where the save is made, so it can be undone
 * @activity_id: (nullable): the activity to edit, or %NULL to add one
 * @date: (nullable): the day of a new activity; today when %NULL
 *
 * Returns: (transfer none): a new form, owned by GTK's list of toplevels; present it
 */
SaActivityForm *
sa_activity_form_new (GtkWindow   *parent,
                      SaStore     *store,
                      SaUndoStack *undo_stack,
                      const char  *activity_id,
                      const GDate *date)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SA_IS_STORE (store), NULL);
  g_return_val_if_fail (SA_IS_UNDO_STACK (undo_stack), NULL);

  return g_object_new (SA_TYPE_ACTIVITY_FORM,
                       "transient-for", parent,
                       "store", store,
                       "undo-stack", undo_stack,
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
