/* sa-report-window.c: Activity Totals, the log's totals of a fiscal year by
 * organization, district, commitment, basic goal or month, for the promotion council
 *
 * The table is the core's report (sa-store-report.c), made anew when the store
 * changes; months are named as the calendar names them, and the CSV export writes
 * exactly the rows shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sa-date-text.h"
#include "sa-date.h"
#include "sa-file-chooser.h"
#include "sa-plan.h"
#include "sa-report-item.h"
#include "sa-report-sheet.h"
#include "sa-report-window.h"
#include "sa-sheet-print.h"
#include "sa-store-plans.h"
#include "sa-toast.h"

struct _SaReportWindow
{
  AdwWindow        parent_instance;

  SaContext       *context;
  SaStore         *store;          /* the context's */
  SaReport        *report;
  GArray          *years;
  int              fiscal_year;
  SaReportBy       by;
  guint            reload_id;
  guint            frozen;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *title;
  GtkDropDown     *year_dropdown;
  GtkDropDown     *by_dropdown;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkColumnView   *view;
  GListStore      *items;
  GtkColumnViewColumn *columns[4];
};

G_DEFINE_FINAL_TYPE (SaReportWindow, sa_report_window, ADW_TYPE_WINDOW)

/* ---- the table ------------------------------------------------------------------ */

static char *
year_label (SaReportWindow *self,
            int             fy)
{
  return sa_context_dup_year_label (self->context, fy);
}

/* Months as the calendar writes them: "May 2012", "2012年5月" or "平成24年5月". */
static void
name_months (SaReportWindow *self)
{
  SaCalendarStyle style = sa_date_text_month_style (sa_context_get_year_format (self->context));

  for (guint i = 0; self->report->by == SA_REPORT_BY_MONTH && i < self->report->rows->len; i++)
    {
      SaReportRow *row = g_ptr_array_index (self->report->rows, i);

      g_free (row->name);
      row->name = sa_date_text_month (atoi (row->key), atoi (row->key + 5), style);
    }
}

static void
show_report (SaReportWindow *self)
{
  g_auto(GStrv) headings = sa_report_dup_headings (self->by);
  g_autofree char *year = year_label (self, self->fiscal_year);
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    gtk_column_view_column_set_title (self->columns[i], headings[i]);
  for (guint i = 0; i < self->report->rows->len; i++)
    g_ptr_array_add (items, sa_report_item_new (g_ptr_array_index (self->report->rows, i), FALSE));
  g_ptr_array_add (items, sa_report_item_new (self->report->total, TRUE));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  /* Translators: %s is a fiscal year, such as 平成24年度 */
  description = g_strdup_printf (_("No activity was recorded in %s."), year);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, self->report->total->activities > 0 ? "table" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-csv", self->report->total->activities > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", self->report->total->activities > 0);
}

/* With several plans, the totals are those of the plan shown: the activities that
 * advance its commitments. With one, every activity counts, linked or not. */
static char *
plan_shown (SaReportWindow *self)
{
  g_autoptr(GPtrArray) plans = sa_store_list_plans (self->store, NULL);
  g_autofree char *plan_id = NULL;
  g_autoptr(SaRecord) plan = NULL;

  if (plans == NULL || plans->len < 2 || !(plan_id = sa_store_resolve_plan (self->store, NULL, NULL)) ||
      !(plan = sa_store_get (self->store, &sa_plan_table, plan_id, NULL)))
    {
      adw_window_title_set_subtitle (self->title, NULL);
      return NULL;
    }
  adw_window_title_set_subtitle (self->title, sa_record_get_text (plan, SA_PLAN_TITLE));
  return g_steal_pointer (&plan_id);
}

static void
reload (SaReportWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = plan_shown (self);
  SaReport *report = sa_store_report_fiscal_year (self->store, self->by, plan_id, self->fiscal_year, &error);

  if (report == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (error->message));
      return;
    }
  g_clear_pointer (&self->report, sa_report_free);
  self->report = report;
  name_months (self);
  show_report (self);
}

/* ---- the choices ---------------------------------------------------------------- */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return x > y ? -1 : x < y;
}

static int
current_fiscal_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return sa_date_fiscal_year (&today);
}

/* The years there is something to report on, newest first; the year shown stays. */
static void
load_years (SaReportWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = sa_store_list_report_years (self->store, &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  int now = current_fiscal_year ();
  guint selected = G_MAXUINT;

  if (years == NULL)
    years = g_array_new (FALSE, FALSE, sizeof (int));
  if (years->len == 0)
    g_array_append_val (years, now);
  /* A year outside the list keeps being shown until another is chosen. */
  if (self->fiscal_year != 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < years->len; i++)
        found |= g_array_index (years, int, i) == self->fiscal_year;
      if (!found)
        g_array_append_val (years, self->fiscal_year);
    }
  g_array_sort (years, compare_newest_first);
  for (guint i = 0; i < years->len; i++)
    {
      int fy = g_array_index (years, int, i);
      g_autofree char *label = year_label (self, fy);

      gtk_string_list_append (labels, label);
      if (fy == self->fiscal_year || (self->fiscal_year == 0 && selected == G_MAXUINT && fy <= now))
        selected = i;
    }
  g_clear_pointer (&self->years, g_array_unref);
  self->years = g_steal_pointer (&years);
  if (selected == G_MAXUINT)
    selected = self->years->len - 1;
  self->fiscal_year = g_array_index (self->years, int, selected);

  self->frozen++;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->frozen--;
}

static void
on_year_selected (SaReportWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->frozen || self->years == NULL || selected >= self->years->len)
    return;
  self->fiscal_year = g_array_index (self->years, int, selected);
  reload (self);
}

static void
on_by_selected (SaReportWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->by_dropdown);

  if (self->frozen || selected >= SA_REPORT_N_BY)
    return;
  self->by = selected;
  reload (self);
}

static gboolean
reload_now (gpointer data)
{
  SaReportWindow *self = data;

  self->reload_id = 0;
  load_years (self);
  reload (self);
  return G_SOURCE_REMOVE;
}

/* The store says "changed" once per table a transaction wrote: one reload for all. */
static void
on_store_changed (SaReportWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, reload_now, self, NULL);
}

/* ---- export --------------------------------------------------------------------- */

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    SaReportWindow  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      name = g_file_get_basename (file);
      if (!sa_report_export_csv (self->report, file, NULL, &error))
        message = g_strdup (error->message);
      else
        message = g_strdup_printf (_("Exported to %s"), name);
      adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (message));
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SaReportWindow *self = SA_REPORT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  /* Translators: the start of a suggested file name, such as “totals-organization-2012.csv” */
  g_autofree char *name = g_strdup_printf ("%s-%s-%d.csv", C_("file name", "totals"),
                                           sa_report_by_to_string (self->by), self->fiscal_year);
  GtkFileChooserNative *chooser;

  chooser = sa_file_chooser_new (_("Export Totals as CSV"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), self->store);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The table as shown, month names and all, on the pages `report -o` writes. */
static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SaReportWindow *self = SA_REPORT_WINDOW (widget);
  g_autoptr(SaSheet) sheet = sa_report_sheet_new (self->report, sa_context_get_year_format (self->context));
  g_autoptr(GError) error = NULL;

  if (!sa_sheet_print (GTK_WINDOW (self), self->context, sheet, FALSE, _("Activity Totals"), &error))
    adw_toast_overlay_add_toast (self->toasts, sa_toast_new_text (error->message));
}

static GtkWidget *
print_button (void)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-print-symbolic");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "report.print");
  gtk_widget_set_tooltip_text (button, _("Print… (Ctrl+P)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print"), -1);
  return button;
}

/* ---- cells ---------------------------------------------------------------------- */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (numeric)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  column)
{
  SaReportItem *item = gtk_list_item_get_item (list_item);
  const SaReportRow *row = sa_report_item_get_row (item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gint64 values[] = { 0, row->activities, row->participants, row->volunteers };
  g_autofree char *text = GPOINTER_TO_INT (column) == 0 ? g_strdup (row->name)
                          : g_strdup_printf ("%'" G_GINT64_FORMAT, values[GPOINTER_TO_INT (column)]);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, GPOINTER_TO_INT (column) == 0 ? row->name : NULL);
  if (sa_report_item_is_total (item))
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
add_columns (SaReportWindow *self)
{
  for (int i = 0; i < 4; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i > 0));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      self->columns[i] = gtk_column_view_column_new (NULL, factory);
      gtk_column_view_column_set_expand (self->columns[i], i == 0);
      gtk_column_view_column_set_resizable (self->columns[i], TRUE);
      gtk_column_view_append_column (self->view, self->columns[i]);
      g_object_unref (self->columns[i]);
    }
}

/* ---- object --------------------------------------------------------------------- */

static void
sa_report_window_dispose (GObject *object)
{
  SaReportWindow *self = SA_REPORT_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->report, sa_report_free);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sa_report_window_parent_class)->dispose (object);
}

static void
sa_report_window_class_init (SaReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_report_window_dispose;
  gtk_widget_class_install_action (widget_class, "report.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "report.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* A drop-down with a label that names it for the keyboard and for screen readers. */
static GtkWidget *
labelled (const char  *mnemonic,
          GtkDropDown *dropdown)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (dropdown));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dropdown));
  return box;
}

static GtkWidget *
make_choices (SaReportWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  g_autoptr(GtkStringList) by_labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < SA_REPORT_N_BY; i++)
    gtk_string_list_append (by_labels, sa_report_by_get_heading (i));
  self->year_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->by_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&by_labels)), NULL));
  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected), self);
  g_signal_connect_swapped (self->by_dropdown, "notify::selected", G_CALLBACK (on_by_selected), self);
  gtk_box_append (GTK_BOX (box), labelled (_("Fiscal _Year"), self->year_dropdown));
  gtk_box_append (GTK_BOX (box), labelled (_("_Totals by"), self->by_dropdown));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static GtkWidget *
make_table (SaReportWindow *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkNoSelection *selection;

  self->items = g_list_store_new (SA_TYPE_REPORT_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Activity totals"), -1);
  add_columns (self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static void
sa_report_window_init (SaReportWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (self), _("Activity Totals"));
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Activity Totals"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 600);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "report.export-csv");
  gtk_widget_set_tooltip_text (export, _("Save the table as CSV for a spreadsheet (Ctrl+E)"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print_button ());

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Activities"));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, make_table (self), "table");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  gtk_box_append (GTK_BOX (content), make_choices (self));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, content);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
on_year_format_changed (SaReportWindow *self)
{
  load_years (self);
  reload (self);
}

/**
 * sa_report_window_new:
 * @parent: (nullable): the main window
 * @context: the main window's: the plan database and the year format
 *
 * Returns: (transfer none): the window, shown, on the latest fiscal year up to this
 *   one, following the store's changes
 */
SaReportWindow *
sa_report_window_new (GtkWindow *parent,
                      SaContext *context)
{
  SaReportWindow *self;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  self = g_object_new (SA_TYPE_REPORT_WINDOW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (sa_context_get_store (context));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::year-format", G_CALLBACK (on_year_format_changed), self,
                           G_CONNECT_SWAPPED);
  load_years (self);
  reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * sa_report_window_show_year:
 * @self: the window
 * @fiscal_year: a fiscal year
 * @by: what the rows are
 *
 * Shows the totals of @fiscal_year by @by, as if chosen in the drop-downs.
 */
void
sa_report_window_show_year (SaReportWindow *self,
                            int             fiscal_year,
                            SaReportBy      by)
{
  g_return_if_fail (SA_IS_REPORT_WINDOW (self));

  self->fiscal_year = fiscal_year;
  self->by = by;
  self->frozen++;
  gtk_drop_down_set_selected (self->by_dropdown, by);
  self->frozen--;
  load_years (self);
  reload (self);
}

/**
 * sa_report_window_get_report:
 * @self: the window
 *
 * Returns: (transfer none): the report the table shows
 */
SaReport *
sa_report_window_get_report (SaReportWindow *self)
{
  g_return_val_if_fail (SA_IS_REPORT_WINDOW (self), NULL);

  return self->report;
}
