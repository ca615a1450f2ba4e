/* sa-activity-form-rows.c: the activity form's rows of commitments, organizations and districts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-activity.h"
#include "sa-activity-item.h"
#include "sa-store-activity-items.h"
#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-district.h"
#include "sa-form-choices.h"
#include "sa-goal.h"
#include "sa-organization.h"
#include "sa-plan.h"
#include "sa-section.h"
#include "sa-activity-form-private.h"

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

void
_sa_activity_form_load_commitments (SaActivityForm *self)
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
GPtrArray *
_sa_activity_form_fill_combo (AdwComboRow   *row,
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
void
_sa_activity_form_on_organization_added (gpointer  data,
                                         SaRecord *record)
{
  SaActivityForm *self = data;

  g_clear_pointer (&self->organization_ids, g_ptr_array_unref);
  self->organization_ids = _sa_activity_form_fill_combo (self->organization_row, self->store, &sa_organization_table,
                                       SA_ORGANIZATION_NAME, sa_record_get_id (record), FALSE);
}

void
_sa_activity_form_on_district_added (gpointer  data,
                                     SaRecord *record)
{
  SaActivityForm *self = data;

  g_clear_pointer (&self->district_ids, g_ptr_array_unref);
  self->district_ids = _sa_activity_form_fill_combo (self->district_row, self->store, &sa_district_table, SA_DISTRICT_NAME,
                                   sa_record_get_id (record), FALSE);
}

/* The template's handler of the commitment search, which stays in this file. */
void
_sa_activity_form_class_bind_rows (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_commitment_search_changed);
}
