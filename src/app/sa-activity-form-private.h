/* sa-activity-form-private.h: the activity form's fields, shared by the form, its field checks and its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-activity-form.h"

G_BEGIN_DECLS

struct _SaActivityForm
{
  AdwWindow          parent_instance;

  SaContext         *context;
  SaStore           *store;             /* the context's, as the next two */
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

void _sa_activity_form_show_error (GtkWidget    *field,
                                   GtkLabel     *label,
                                   const GError *error);

void _sa_activity_form_clear_error (GtkWidget *field,
                                    GtkLabel  *label);

void _sa_activity_form_setup_error_label (GtkWidget *field,
                                          GtkLabel  *label);

void _sa_activity_form_show_problem (SaActivityForm *self,
                                     const char     *message);

const char *_sa_activity_form_entry_text (AdwEntryRow *row);

char *_sa_activity_form_stripped_text (const char *text);

char *_sa_activity_form_notes_text (SaActivityForm *self);

gboolean _sa_activity_form_read_date (SaActivityForm  *self,
                                      GDate           *date,
                                      GError         **error);

gboolean _sa_activity_form_read_count (AdwEntryRow  *row,
                                       guint         index,
                                       gint64       *value,
                                       GError      **error);

gboolean _sa_activity_form_check_text (const char  *text,
                                       guint        index,
                                       GError     **error);

const char *_sa_activity_form_chosen_id (AdwComboRow *row,
                                         GPtrArray   *ids);

void _sa_activity_form_on_notes_changed (SaActivityForm *self);

void _sa_activity_form_load_commitments (SaActivityForm *self);

GPtrArray *_sa_activity_form_fill_combo (AdwComboRow   *row,
                                         SaStore       *store,
                                         const SaTable *table,
                                         guint          name_column,
                                         const char    *current,
                                         gboolean       show_deleted);

void _sa_activity_form_on_organization_added (gpointer  data,
                                              SaRecord *record);

void _sa_activity_form_on_district_added (gpointer  data,
                                          SaRecord *record);

const SaColumn *_sa_activity_form_column (guint index);

void _sa_activity_form_class_bind_fields (GtkWidgetClass *widget_class);

void _sa_activity_form_class_bind_rows (GtkWidgetClass *widget_class);

G_END_DECLS
