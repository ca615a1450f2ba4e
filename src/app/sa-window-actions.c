/* sa-window-actions.c: the window's actions (win.*) and their shortcuts
 *
 * Each action opens a view, a dialog or a file chooser; the work is done by the
 * modules they call. _sa_window_class_actions_init () installs them all, as
 * gnome-text-editor's editor-window-actions.c does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-activity-form.h"
#include "sa-deleted-window.h"
#include "sa-period-window.h"
#include "sa-plan-files.h"
#include "sa-plan-period.h"
#include "sa-plan.h"
#include "sa-record-editor.h"
#include "sa-report-window.h"
#include "sa-resource-window.h"
#include "sa-sheet-print.h"
#include "sa-site-name-dialog.h"
#include "sa-store-plans.h"
#include "sa-sync-ui.h"
#include "sa-toast.h"
#include "sa-window-private.h"

/* ---- actions -------------------------------------------------------------------- */

static void
show_error_toast (SaWindow *self,
                  GError   *error)
{
  sa_toast_show (GTK_WIDGET (self), sa_toast_new_text (error->message));
}

/* Says which fields an undo or redo left as another program or office set them. */
static void
show_kept_toast (SaWindow *self)
{
  g_autofree char *message = sa_undo_stack_dup_kept_message (sa_context_get_undo_stack (self->context));

  g_autofree char *markup = NULL;

  if (message == NULL)
    return;
  markup = g_markup_escape_text (message, -1);
  sa_toast_show (GTK_WIDGET (self), adw_toast_new (markup));
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sa_undo_stack_undo (sa_context_get_undo_stack (self->context), &error))
    show_error_toast (self, error);
  else
    show_kept_toast (self);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sa_undo_stack_redo (sa_context_get_undo_stack (self->context), &error))
    show_error_toast (self, error);
  else
    show_kept_toast (self);
}

void
_sa_window_show_activity_log (SaWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "list");
  gtk_list_box_select_row (self->nav_list, gtk_list_box_get_row_at_index (self->nav_list, 0));
}

/* Ctrl+N: a new record, on the calendar's selected day when the calendar is shown. */
static void
new_activity_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);
  g_autoptr(GDate) date = NULL;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "calendar") == 0)
    g_object_get (sa_calendar_page_get_grid (_sa_window_get_calendar_page (self)), "date", &date, NULL);
  sa_activity_log_new_activity (self->activity_log, date);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);

  _sa_window_show_activity_log (self);
  sa_activity_log_start_search (self->activity_log);
}

/* A database made empty (`sasaeai-cli init --empty`) starts with its plan. */
static void
new_plan_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  static const char * const fields[] = { "title", "area", "first_fy", "last_fy", NULL };
  SaWindow *self = SA_WINDOW (widget);
  g_autoptr(SaRecord) plan = sa_record_new (&sa_plan_table);
  g_autoptr(GDate) today = g_date_new ();
  int fy;

  g_date_set_time_t (today, time (NULL));
  fy = sa_date_fiscal_year (today);
  sa_record_set_int (plan, SA_PLAN_FIRST_FY, fy);
  sa_record_set_int (plan, SA_PLAN_LAST_FY, fy + 5);
  sa_record_editor_new (GTK_WINDOW (self), self->context, plan, TRUE, fields,
                        _("New Plan"));
}

void
_sa_window_update_undo_actions (SaWindow *self)
{
  SaUndoStack *undo_stack = sa_context_get_undo_stack (self->context);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", sa_undo_stack_get_can_undo (undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", sa_undo_stack_get_can_redo (undo_stack));
}

/* ---- files for other sites and other programs ----------------------------------- */

static void
sync_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);
  GtkWindow *window = GTK_WINDOW (self);

  /* The first sync file this site writes carries the office's name. */
  if ((g_str_equal (action_name, "win.sync-now") || g_str_equal (action_name, "win.export-sync")) &&
      sa_site_name_dialog_needed (self->context))
    sa_site_name_dialog_ask (window, self->context, action_name);
  else if (g_str_equal (action_name, "win.sync-now"))
    sa_sync_ui_sync_now (window, self->context);
  else if (g_str_equal (action_name, "win.export-sync"))
    sa_sync_ui_export (window, self->context);
  else if (g_str_equal (action_name, "win.import-sync"))
    sa_sync_ui_import (window, self->context, FALSE);
  else if (g_str_equal (action_name, "win.preview-sync"))
    sa_sync_ui_import (window, self->context, TRUE);
  else if (g_str_equal (action_name, "win.export-csv"))
    sa_sync_ui_export_csv (window, self->context);
  else if (g_str_equal (action_name, "win.import-csv"))
    sa_sync_ui_import_csv (window, self->context);
  else if (g_str_equal (action_name, "win.export-ics"))
    sa_sync_ui_export_ics (window, self->context);
}

static void
deleted_items_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);

  sa_deleted_window_new (GTK_WINDOW (self), self->context);
}

static void
local_resources_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);

  sa_resource_window_new (GTK_WINDOW (self), self->context);
}

/* win.plan(id): every view, print and report follows the chosen plan. */
void
_sa_window_plan_chosen (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  SaWindow *self = SA_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (!sa_store_choose_plan (self->store, g_variant_get_string (value, NULL), &error))
    sa_toast_show (GTK_WIDGET (self), sa_toast_new_text (error->message));
}

static void
plan_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);

  if (g_str_equal (action_name, "win.import-plan"))
    sa_plan_files_import (GTK_WINDOW (self), self->context);
  else if (g_str_equal (action_name, "win.export-plan"))
    sa_plan_files_export (GTK_WINDOW (self), self->context);
  else if (g_str_equal (action_name, "win.new-plan-period"))
    sa_period_window_new_period (GTK_WINDOW (self), self->context);
  else if (!sa_period_window_compare (GTK_WINDOW (self), self->context))
    sa_toast_show (GTK_WIDGET (self), sa_toast_new_text (_("This plan carries over no commitments of an earlier one")));
}

static void
report_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);

  sa_report_window_new (GTK_WINDOW (self), self->context);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);

  /* On the Review page, Ctrl+P prints its year's review sheet; elsewhere the handout. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "review") == 0)
    gtk_widget_activate_action (GTK_WIDGET (_sa_window_get_review_page (self)), "review.print", NULL);
  else
    sa_timeline_page_print (_sa_window_get_timeline_page (self));
}

/* win.print-review-sheet(fiscal year): the first plan's review sheet of the year. */
static void
print_review_sheet_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SaWindow *self = SA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sa_review_sheet_print (GTK_WINDOW (self), self->context, NULL, g_variant_get_int32 (parameter), &error))
    sa_toast_show (GTK_WIDGET (self), sa_toast_new_text (error ? error->message : _("The review sheet could not be printed")));
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sa_timeline_page_export_pdf (_sa_window_get_timeline_page (SA_WINDOW (widget)));
}

static const char * const file_actions[] = {
  "win.sync-now", "win.export-sync", "win.import-sync", "win.preview-sync",
  "win.export-csv", "win.import-csv", "win.export-ics",
};

void
_sa_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_activated);
  gtk_widget_class_install_action (widget_class, "win.new-activity", NULL, new_activity_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.print-review-sheet", "i", print_review_sheet_activated);
  gtk_widget_class_install_action (widget_class, "win.deleted-items", NULL, deleted_items_activated);
  gtk_widget_class_install_action (widget_class, "win.local-resources", NULL, local_resources_activated);
  gtk_widget_class_install_action (widget_class, "win.report", NULL, report_activated);
  gtk_widget_class_install_action (widget_class, "win.import-plan", NULL, plan_activated);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, plan_activated);
  gtk_widget_class_install_action (widget_class, "win.new-plan-period", NULL, plan_activated);
  gtk_widget_class_install_action (widget_class, "win.compare-plan-periods", NULL, plan_activated);
  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    gtk_widget_class_install_action (widget_class, file_actions[i], NULL, sync_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.sync-now", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

