/* sa-timeline-page.c: the Timeline view of the window, and its handouts
 *
 * The plan's schedule as the document's 推進のスケジュール table, with each year's
 * activity count and a line for today, drawn by SaTimelineView; a toolbar to zoom
 * between years and quarters and to print; and the handout, printed through
 * SaPrintOperation or exported as a PDF with the options last chosen in the print
 * dialog. The table is read again when the plan or the activities change, and
 * opening a commitment edits it through the window's undo stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-file-chooser.h"
#include "sa-plan.h"
#include "sa-print-operation.h"
#include "sa-record-editor.h"
#include "sa-section.h"
#include "sa-store-plans.h"
#include "sa-timeline-list.h"
#include "sa-timeline-page-private.h"
#include "sa-timeline-view.h"
#include "sa-toast.h"

struct _SaTimelinePage
{
  GtkWidget             parent_instance;

  SaContext            *context;
  SaStore              *store;            /* the context's, as the settings */
  GSettings            *settings;
  SaHandoutOptions      handout_options;  /* as printed last; in memory only */
  GtkPrintSettings     *print_settings;
  GtkFileChooserNative *chooser;
  guint                 reload_id;
  char                 *section_id;       /* the one section shown; NULL for all */
  GPtrArray            *section_ids;      /* char *, the drop-down's sections after "All" */
  gboolean              filling;          /* the drop-down is being refilled */

  GtkWidget            *content;
  GtkLabel             *title_label;
  GtkDropDown          *section_dropdown;
  GtkStringList        *section_names;
  GtkToggleButton      *years_button;
  GtkToggleButton      *quarters_button;
  GtkStack             *stack;
  SaTimelineView       *view;
  SaTimelineList       *list;
  GtkToggleButton      *list_button;
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (SaTimelinePage, sa_timeline_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SaTimelineLayout *
layout (SaTimelinePage *self)
{
  return sa_timeline_view_get_layout (self->view);
}

/* ---- loading --------------------------------------------------------------------- */

/* Years as every view writes them, by the year-format setting. */
static SaYearFormat
year_format (SaTimelinePage *self)
{
  return sa_context_get_year_format (self->context);
}

static guint
count_commitments (SaTimelineLayout *layout)
{
  guint n = 0;

  for (guint i = 0; layout != NULL && i < sa_timeline_layout_get_n_rows (layout); i++)
    n += sa_timeline_layout_get_row (layout, i)->kind == SA_TIMELINE_ROW_COMMITMENT;
  return n;
}

static void
update_actions (SaTimelinePage *self)
{
  gboolean shown = layout (self) != NULL;
  SaTimelineZoom zoom = sa_timeline_view_get_zoom (self->view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.print", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export-pdf", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in", shown && zoom < SA_TIMELINE_ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out", shown && zoom > SA_TIMELINE_ZOOM_YEARS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-reset", shown);
}

static char *
section_name (SaRecord *section)
{
  const char *label = sa_record_get_text (section, SA_SECTION_LABEL);
  char *name = g_strjoin ("　", label ? label : "", sa_record_get_text (section, SA_SECTION_TITLE), NULL);

  return g_strstrip (name);
}

/* The plan's title over the whole plan; the section's over one. */
static void
show_title (SaTimelinePage   *self,
            SaTimelineLayout *layout)
{
  g_autofree char *title = NULL;

  if (layout != NULL && self->section_id != NULL)
    title = section_name (sa_timeline_layout_get_section (layout));
  else if (layout != NULL)
    title = g_strdup (sa_record_get_text (sa_timeline_layout_get_plan (layout), SA_PLAN_TITLE));
  gtk_label_set_text (self->title_label, title ? title : "");
}

static gboolean
same_names (GtkStringList *list,
            GStrv          names)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (n != g_strv_length (names))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), names[i]) != 0)
      return FALSE;
  return TRUE;
}

/* The drop-down offers All Sections and each section of the chosen plan; a chosen
 * section that is gone falls back to all. */
static void
fill_sections (SaTimelinePage *self)
{
  g_autofree char *plan_id = sa_store_resolve_plan (self->store, NULL, NULL);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;

  if (plan_id != NULL)
    sections = sa_store_list (self->store, &sa_section_table, "plan_id", plan_id, NULL);
  g_ptr_array_set_size (self->section_ids, 0);
  g_strv_builder_add (names, _("All Sections"));
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      SaRecord *section = g_ptr_array_index (sections, i);
      g_autofree char *name = section_name (section);

      g_ptr_array_add (self->section_ids, g_strdup (sa_record_get_id (section)));
      g_strv_builder_add (names, name);
      if (g_strcmp0 (self->section_id, sa_record_get_id (section)) == 0)
        selected = i + 1;
    }
  if (selected == 0)
    g_clear_pointer (&self->section_id, g_free);

  strv = g_strv_builder_end (names);
  self->filling = TRUE;
  /* Refilled only when the sections changed: the list is the drop-down's own. */
  if (!same_names (self->section_names, strv))
    gtk_string_list_splice (self->section_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->section_names)),
                            (const char * const *) strv);
  if (gtk_drop_down_get_selected (self->section_dropdown) != selected)
    gtk_drop_down_set_selected (self->section_dropdown, selected);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->section_dropdown), self->section_ids->len > 1);
}

/* No plan, no commitments, or a database that cannot be read: say so, and how to
 * go on. */
static void
show_empty (SaTimelinePage *self,
            GError         *error)
{
  const char *description;

  if (error == NULL)
    description = _("Add commitments and their schedules to the plan’s basic goals in the List view; "
                    "they appear here as the plan’s schedule.");
  else if (g_error_matches (error, SA_ERROR, SA_ERROR_NOT_FOUND))
    description = _("Enter the plan in the List view, then its commitments and their schedules.");
  else
    description = error->message;
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The drawn table, or the same rows as a list a screen reader can go through. */
static void
show_table (SaTimelinePage *self)
{
  gboolean as_list = gtk_toggle_button_get_active (self->list_button);

  gtk_stack_set_visible_child_name (self->stack, as_list ? "list" : "timeline");
}

static void
on_list_toggled (SaTimelinePage *self)
{
  if (sa_timeline_view_get_layout (self->view) == NULL)
    return;
  /* The list takes the selection the drawing has now. */
  sa_timeline_list_show_view (self->list, self->view);
  show_table (self);
}

static void
reload (SaTimelinePage *self)
{
  g_autofree char *selected = g_strdup (sa_timeline_view_get_selected_id (self->view));
  g_autoptr(SaTimelineLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SaTimelineOptions) options;

  fill_sections (self);
  sa_timeline_options_init (&options);
  options.section_id = g_strdup (self->section_id);
  options.year_format = year_format (self);
  options.show_counts = TRUE;
  layout = sa_timeline_layout_new (self->store, &options, &error);
  if (count_commitments (layout) == 0)
    g_clear_object (&layout);

  sa_timeline_view_set_layout (self->view, layout);
  sa_timeline_view_select_id (self->view, selected);
  /* The list is filled only while shown: it makes a row of widgets per commitment. */
  if (gtk_toggle_button_get_active (self->list_button))
    sa_timeline_list_show_view (self->list, self->view);
  show_title (self, layout);
  if (layout != NULL)
    show_table (self);
  else
    show_empty (self, error);
  update_actions (self);
}

static gboolean
reload_idle (gpointer user_data)
{
  SaTimelinePage *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_section_selected (SaTimelinePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->section_dropdown);

  if (self->filling)
    return;
  g_free (self->section_id);
  self->section_id = selected > 0 && selected <= self->section_ids->len
                     ? g_strdup (g_ptr_array_index (self->section_ids, selected - 1)) : NULL;
  /* Not within the drop-down's own signal: the reload may refill its list. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

static gboolean
is_shown_table (const char *table)
{
  static const char * const tables[] = {
    "plan", "section", "goal", "initiative", "actor", "commitment", "schedule_phase",
    "activity", "activity_commitment", "district", NULL,
  };

  return g_strv_contains (tables, table);
}

/* A change writes several tables one after the other; one reading takes them all.
 * Districts count for the progress of 全地区 targets. */
static void
on_store_changed (SaTimelinePage     *self,
                  const char         *table,
                  const char * const *ids)
{
  if (is_shown_table (table) && self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

/* ---- editing --------------------------------------------------------------------- */

static GtkWindow *
parent_window (SaTimelinePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_row_activated (SaTimelinePage *self,
                  guint           row)
{
  static const char * const fields[] = { "actor_id", "text", "target_text", "target_value", "target_unit", "target_measure", NULL };
  const char *id = sa_timeline_layout_get_row (layout (self), row)->id;
  g_autoptr(SaRecord) commitment = NULL;
  g_autoptr(GError) error = NULL;

  if (!(commitment = sa_store_get (self->store, &sa_commitment_table, id, &error)))
    {
      sa_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }
  sa_record_editor_new (parent_window (self), self->context, commitment, FALSE, fields,
                        _("Edit Commitment"));
}

/* ---- zoom ------------------------------------------------------------------------ */

static void
on_zoom_changed (SaTimelinePage *self)
{
  gboolean quarters = sa_timeline_view_get_zoom (self->view) >= SA_TIMELINE_ZOOM_QUARTERS;

  gtk_toggle_button_set_active (quarters ? self->quarters_button : self->years_button, TRUE);
  update_actions (self);
}

static void
on_years_toggled (SaTimelinePage *self)
{
  if (gtk_toggle_button_get_active (self->years_button) &&
      sa_timeline_view_get_zoom (self->view) >= SA_TIMELINE_ZOOM_QUARTERS)
    sa_timeline_view_set_zoom (self->view, SA_TIMELINE_ZOOM_YEARS);
}

static void
on_quarters_toggled (SaTimelinePage *self)
{
  if (gtk_toggle_button_get_active (self->quarters_button) &&
      sa_timeline_view_get_zoom (self->view) < SA_TIMELINE_ZOOM_QUARTERS)
    sa_timeline_view_set_zoom (self->view, SA_TIMELINE_ZOOM_QUARTERS);
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SaTimelinePage *self = SA_TIMELINE_PAGE (widget);

  sa_timeline_view_set_zoom (self->view, sa_timeline_view_get_zoom (self->view) + 1);
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SaTimelinePage *self = SA_TIMELINE_PAGE (widget);
  SaTimelineZoom zoom = sa_timeline_view_get_zoom (self->view);

  if (zoom > SA_TIMELINE_ZOOM_YEARS)
    sa_timeline_view_set_zoom (self->view, zoom - 1);
}

static void
zoom_reset_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sa_timeline_view_set_zoom (SA_TIMELINE_PAGE (widget)->view, SA_TIMELINE_ZOOM_YEARS);
}

/* ---- handout options ------------------------------------------------------------- */

static gboolean
has_id (GPtrArray  *records,
        const char *id)
{
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (sa_record_get_id (g_ptr_array_index (records, i)), id))
      return TRUE;
  return FALSE;
}

/* The remembered ids that still exist; NULL, for all, when none does. */
static GStrv
known_ids (GStrv      ids,
           GPtrArray *records)
{
  g_autoptr(GStrvBuilder) known = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (has_id (records, ids[i]))
      g_strv_builder_add (known, ids[i]);
  result = g_strv_builder_end (known);
  return result[0] != NULL ? g_steal_pointer (&result) : NULL;
}

/* The options last printed with, for the sections shown, in today's year format, and
 * without what the plan no longer has. */
static gboolean
prepare_options (SaTimelinePage    *self,
                 SaHandoutOptions  *options,
                 GError           **error)
{
  SaTimelineLayout *shown = layout (self);
  SaTimelineOptions *timeline = &options->timeline;
  const SaHandoutOptions *last = &self->handout_options;

  sa_handout_options_init (options);
  if (shown == NULL)
    {
      g_set_error_literal (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("The plan has no schedule to print yet"));
      return FALSE;
    }
  *options = *last;
  options->title = g_strdup (last->title);
  timeline->plan_id = g_strdup (sa_record_get_id (sa_timeline_layout_get_plan (shown)));
  timeline->section_id = g_strdup (self->section_id);
  timeline->goal_ids = known_ids (last->timeline.goal_ids, sa_timeline_layout_get_goals (shown));
  timeline->actor_ids = known_ids (last->timeline.actor_ids, sa_timeline_layout_get_actors (shown));
  timeline->year_format = year_format (self);
  if (timeline->first_fy < sa_timeline_layout_get_first_fy (shown) ||
      timeline->last_fy > sa_timeline_layout_get_last_fy (shown) ||
      timeline->first_fy > timeline->last_fy)
    timeline->first_fy = timeline->last_fy = 0;
  return TRUE;
}

static void
remember_options (SaTimelinePage         *self,
                  const SaHandoutOptions *options)
{
  SaHandoutOptions *kept = &self->handout_options;

  sa_handout_options_clear (kept);
  *kept = *options;
  sa_timeline_options_copy (&kept->timeline, &options->timeline);
  kept->title = g_strdup (options->title);
}

/* ---- printing -------------------------------------------------------------------- */

static void
on_print_done (SaTimelinePage          *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  const GError *failure = sa_print_operation_get_failure (SA_PRINT_OPERATION (operation));
  g_autoptr(GError) error = NULL;

  remember_options (self, sa_print_operation_get_options (SA_PRINT_OPERATION (operation)));
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));

  if (failure != NULL)
    sa_toast_show_text (GTK_WIDGET (self), failure->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      sa_toast_show_text (GTK_WIDGET (self), error ? error->message : _("The handout could not be printed"));
    }
  /* So that a failing run does not report the same error twice. */
  if (failure != NULL || result == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_object_set_data (G_OBJECT (operation), "sa-reported", GINT_TO_POINTER (TRUE));
}

/**
 * _sa_timeline_page_new_print_operation:
 * @self: the page
 * @error: set when there is nothing to print
 *
 * An operation that prints the handout with the options printed with last, and
 * remembers what its dialog's tab chose when it is done.
 *
 * Returns: (transfer full) (nullable): the operation, to run
 */
SaPrintOperation *
_sa_timeline_page_new_print_operation (SaTimelinePage  *self,
                                       GError         **error)
{
  g_auto(SaHandoutOptions) options;
  SaPrintOperation *operation;
  GtkPrintOperation *print;

  if (!prepare_options (self, &options, error))
    return NULL;
  operation = sa_print_operation_new (self->context, &options);
  print = GTK_PRINT_OPERATION (operation);
  gtk_print_operation_set_job_name (print, sa_record_get_text (sa_timeline_layout_get_plan (layout (self)),
                                                               SA_PLAN_TITLE));
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (print, self->print_settings);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, G_CONNECT_SWAPPED);
  return operation;
}

/**
 * sa_timeline_page_print:
 * @self: the page
 *
 * Opens the print dialog for the handout, with print preview and a tab of the
 * handout's own options, starting from those printed with last. Failures are
 * reported through sa_toast_show().
 */
void
sa_timeline_page_print (SaTimelinePage *self)
{
  g_autoptr(SaPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SA_IS_TIMELINE_PAGE (self));

  if (!(operation = _sa_timeline_page_new_print_operation (self, &error)))
    {
      sa_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent_window (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "sa-reported") == NULL)
    sa_toast_show_text (GTK_WIDGET (self), error ? error->message : _("The handout could not be printed"));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sa_timeline_page_print (SA_TIMELINE_PAGE (widget));
}

/* ---- PDF ------------------------------------------------------------------------- */

/**
 * sa_timeline_page_export_pdf_to:
 * @self: the page
 * @file: the PDF to write
 *
 * Writes the handout with the options last printed with, on their paper, and says
 * how it went through sa_toast_show(). The file is complete or untouched.
 *
 * Returns: whether the PDF was written
 */
gboolean
sa_timeline_page_export_pdf_to (SaTimelinePage *self,
                                GFile          *file)
{
  g_autofree char *path = NULL, *name = NULL, *message = NULL;
  g_auto(SaHandoutOptions) options;
  g_autoptr(SaHandout) handout = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SA_IS_TIMELINE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Could not write “%s”: choose a folder on this computer"), name);
  else if (prepare_options (self, &options, &error) &&
           (handout = sa_handout_new (self->store, &options, &error)) != NULL)
    sa_handout_write_pdf (handout, path, &error);

  if (error != NULL)
    {
      sa_toast_show_text (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  message = g_strdup_printf (_("Handout saved as “%s”"), name);
  sa_toast_show_text (GTK_WIDGET (self), message);
  return TRUE;
}

static void
on_export_response (SaTimelinePage       *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if ((file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    sa_timeline_page_export_pdf_to (self, file);
}

static char *
suggested_name (SaTimelinePage *self)
{
  const char *title = sa_record_get_text (sa_timeline_layout_get_plan (layout (self)), SA_PLAN_TITLE);
  /* Translators: the file name offered for a handout without a plan title */
  char *name = g_strconcat (title && *title ? title : _("Handout"), ".pdf", NULL);

  return g_strdelimit (name, "/\\", '-');
}

/**
 * sa_timeline_page_export_pdf:
 * @self: the page
 *
 * Asks where to save the handout as a PDF, then writes it with
 * sa_timeline_page_export_pdf_to().
 */
void
sa_timeline_page_export_pdf (SaTimelinePage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (SA_IS_TIMELINE_PAGE (self));

  if (layout (self) == NULL)
    {
      sa_toast_show_text (GTK_WIDGET (self), _("The plan has no schedule to print yet"));
      return;
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = sa_file_chooser_new (_("Export Handout as PDF"), parent_window (self),
                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), self->store);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sa_timeline_page_export_pdf (SA_TIMELINE_PAGE (widget));
}

/* ---- object ---------------------------------------------------------------------- */

/* The preference is where handouts start; the print dialog's tab may change it. */
static void
on_print_font_changed (SaTimelinePage *self)
{
  self->handout_options.font = (SaPrintFont) g_settings_get_enum (self->settings, "print-font");
}

static void
sa_timeline_page_constructed (GObject *object)
{
  SaTimelinePage *self = SA_TIMELINE_PAGE (object);

  G_OBJECT_CLASS (sa_timeline_page_parent_class)->constructed (object);

  self->store = g_object_ref (sa_context_get_store (self->context));
  self->settings = g_object_ref (sa_context_get_settings (self->context));
  on_print_font_changed (self);
  g_signal_connect_object (self->settings, "changed::print-font", G_CALLBACK (on_print_font_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::year-format", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
sa_timeline_page_dispose (GObject *object)
{
  SaTimelinePage *self = SA_TIMELINE_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_TIMELINE_PAGE);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_timeline_page_parent_class)->dispose (object);
}

static void
sa_timeline_page_finalize (GObject *object)
{
  SaTimelinePage *self = SA_TIMELINE_PAGE (object);

  sa_handout_options_clear (&self->handout_options);
  g_free (self->section_id);
  g_ptr_array_unref (self->section_ids);

  G_OBJECT_CLASS (sa_timeline_page_parent_class)->finalize (object);
}

static void
sa_timeline_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SaTimelinePage *self = SA_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_timeline_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SaTimelinePage *self = SA_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_shortcuts (GtkWidgetClass *widget_class)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_plus, "timeline.zoom-in" }, { GDK_KEY_equal, "timeline.zoom-in" },
    { GDK_KEY_KP_Add, "timeline.zoom-in" },
    { GDK_KEY_minus, "timeline.zoom-out" }, { GDK_KEY_KP_Subtract, "timeline.zoom-out" },
    { GDK_KEY_0, "timeline.zoom-reset" }, { GDK_KEY_KP_0, "timeline.zoom-reset" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, GDK_CONTROL_MASK, keys[i].action, NULL);
}

static void
sa_timeline_page_class_init (SaTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sa_timeline_page_constructed;
  object_class->dispose = sa_timeline_page_dispose;
  object_class->finalize = sa_timeline_page_finalize;
  object_class->get_property = sa_timeline_page_get_property;
  object_class->set_property = sa_timeline_page_set_property;

  /**
   * SaTimelinePage:context:
   *
   * The plan database the page shows, the undo stack its edits go
   * through, the year format and the print font.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_TIMELINE_VIEW);
  g_type_ensure (SA_TYPE_TIMELINE_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, content);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, section_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, section_names);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, years_button);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, quarters_button);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, view);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, list);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, list_button);
  gtk_widget_class_bind_template_child (widget_class, SaTimelinePage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_section_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_years_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_quarters_toggled);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, zoom_reset_activated);
  gtk_widget_class_install_action (widget_class, "timeline.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "timeline.export-pdf", NULL, export_pdf_activated);
  add_shortcuts (widget_class);
}

static void
sa_timeline_page_init (SaTimelinePage *self)
{
  self->section_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  sa_handout_options_init (&self->handout_options);
  gtk_toggle_button_set_active (self->years_button, TRUE);
}

/**
 * sa_timeline_page_new:
 * @context: the plan database, the undo stack edits go through, and the settings
 *
 * Returns: (transfer floating): the page
 */
SaTimelinePage *
sa_timeline_page_new (SaContext *context)
{
  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  return g_object_new (SA_TYPE_TIMELINE_PAGE, "context", context, NULL);
}
