/* test-report-window.c: Activity Totals shows the store's totals, follows its changes
 * and exports what it shows as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <stdlib.h>

#include "activity-fixture.h"
#include "sa-activity.h"
#include "sa-date-text.h"
#include "sa-report-window.h"
#include <gtk/gtkunixprint.h>

#include "sa-test-gui.h"
#include "sa-window.h"

#define EXPORT_TOOLTIP "Save the table as CSV for a spreadsheet (Ctrl+E)"

typedef struct
{
  GtkWidget *widget;
  double     y;
} ShownRow;

static gboolean
is_column_view (GtkWidget  *widget,
                const char *unused)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static gboolean
is_list_view (GtkWidget  *widget,
              const char *unused)
{
  return GTK_IS_LIST_VIEW (widget);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static int
compare_shown (gconstpointer a,
               gconstpointer b)
{
  double x = ((const ShownRow *) a)->y, y = ((const ShownRow *) b)->y;

  return x < y ? -1 : x > y;
}

/* The table's rows as shown, top to bottom, each its four cells' text. */
static GPtrArray *
shown_rows (GtkWidget *window)
{
  GtkWidget *view = sa_test_find (window, is_column_view, NULL);
  GtkWidget *list = view ? sa_test_find (view, is_list_view, NULL) : NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (ShownRow));
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_assert_nonnull (list);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    {
      ShownRow row = { child, 0 };
      double x;

      if (!gtk_widget_get_mapped (child) || !gtk_widget_get_child_visible (child))
        continue;
      g_assert_true (gtk_widget_translate_coordinates (child, list, 0, 0, &x, &row.y));
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_shown);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

      collect_labels (g_array_index (rows, ShownRow, i).widget, texts);
      if (texts->len == 4)
        g_ptr_array_add (cells, texts);
      else
        g_ptr_array_unref (texts);
    }
  return cells;
}

static void
assert_row_shown (GPtrArray         *cells,
                  const char        *name,
                  const SaReportRow *row)
{
  g_autofree char *activities = g_strdup_printf ("%" G_GINT64_FORMAT, row->activities);
  g_autofree char *participants = g_strdup_printf ("%" G_GINT64_FORMAT, row->participants);
  g_autofree char *volunteers = g_strdup_printf ("%" G_GINT64_FORMAT, row->volunteers);

  g_assert_cmpstr (g_ptr_array_index (cells, 0), ==, name);
  g_assert_cmpstr (g_ptr_array_index (cells, 1), ==, activities);
  g_assert_cmpstr (g_ptr_array_index (cells, 2), ==, participants);
  g_assert_cmpstr (g_ptr_array_index (cells, 3), ==, volunteers);
}

/* Every row of the table is the store's, in order, the total last. */
static void
assert_table_matches_store (GtkWidget  *window,
                            SaStore    *store,
                            int         fy,
                            SaReportBy  by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaReport) expected = sa_store_report_fiscal_year (store, by, NULL, fy, &error);
  g_autoptr(GPtrArray) cells = shown_rows (window);

  g_assert_no_error (error);
  g_assert_cmpuint (cells->len, ==, expected->rows->len + 1);
  for (guint i = 0; i < expected->rows->len; i++)
    {
      SaReportRow *row = g_ptr_array_index (expected->rows, i);
      /* Months are named as the calendar names them. */
      g_autofree char *name = by == SA_REPORT_BY_MONTH
                              ? sa_date_text_month (atoi (row->key), atoi (row->key + 5), SA_CALENDAR_STYLE_WESTERN)
                              : g_strdup (row->name);

      assert_row_shown (g_ptr_array_index (cells, i), name, row);
    }
  assert_row_shown (g_ptr_array_index (cells, expected->rows->len), "Total", expected->total);
  g_assert_cmpint (expected->total->activities, >, 0);
}

static GtkDropDown *
drop_down (GtkWidget *window,
           guint      index)
{
  GtkWidget *found = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GtkWidget *widget = window;

  /* Depth first, as the drop-downs appear: the year, then the grouping. */
  while (widget != NULL)
    {
      if (GTK_IS_DROP_DOWN (widget))
        g_ptr_array_add (all, widget);
      if (gtk_widget_get_first_child (widget))
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && widget != window && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = widget == NULL || widget == window ? NULL : gtk_widget_get_next_sibling (widget);
        }
    }
  g_assert_cmpuint (all->len, ==, 2);
  found = g_ptr_array_index (all, index);
  return GTK_DROP_DOWN (found);
}

static const char *
selected_text (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return gtk_string_object_get_string (item);
}

static void
select_year (GtkWidget *window,
             const char *label)
{
  GtkDropDown *years = drop_down (window, 0);
  GListModel *model = gtk_drop_down_get_model (years);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        gtk_drop_down_set_selected (years, i);
        sa_test_wait ();
        return;
      }
  g_error ("No year “%s”", label);
}

static void
add_activity (SaStore    *store,
              const char *date,
              const char *org_id,
              gint64      participants)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;
  const char *links[] = { NULL };

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "集計の確認");
  if (org_id != NULL)
    sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, org_id);
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, participants);
  g_assert_true (sa_store_add_activity (store, activity, links, &error));
  g_assert_no_error (error);
}

static void
test_totals_shown_followed_and_exported (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *csv_path = g_build_filename (dir, "totals.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(GFile) chosen_folder = NULL;
  g_autoptr(GBytes) expected_csv = NULL;
  g_autofree char *org_id = NULL, *contents = NULL, *text = NULL;
  GtkWidget *main_window, *window, *chooser, *print_dialog;
  gint64 before;
  gsize length;

  g_assert_no_error (error);
  fixture_add_places (store);
  fixture_add_activities (store, 400, 11);
  add_activity (store, "2012-08-01", NULL, 3);
  org_id = fixture_organization_id (store, "中川地域ケアプラザ");

  /* From the main window's menu. */
  main_window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (main_window));
  sa_test_wait ();
  g_assert_true (gtk_widget_activate_action (main_window, "win.report", NULL));
  window = sa_test_wait_for_toplevel (SA_TYPE_REPORT_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 760);
  sa_test_wait ();

  /* The drop-downs are named by labels with mnemonics, for the keyboard and screen
   * readers. */
  for (guint i = 0; i < 2; i++)
    {
      GList *labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (drop_down (window, i)));

      g_assert_cmpuint (g_list_length (labels), ==, 1);
      g_assert_cmpstr (gtk_label_get_label (labels->data), ==, i == 0 ? "Fiscal _Year" : "_Totals by");
      g_list_free (labels);
    }

  /* It opens on the latest year with activities, by organization. */
  g_assert_cmpstr (selected_text (drop_down (window, 0)), ==, "FY2015");
  g_assert_cmpstr (selected_text (drop_down (window, 1)), ==, "Organization");
  assert_table_matches_store (window, store, 2015, SA_REPORT_BY_ORGANIZATION);

  /* Each grouping, chosen in the drop-downs, shows the store's rows. */
  select_year (window, "FY2012");
  for (SaReportBy by = SA_REPORT_BY_ORGANIZATION; by < SA_REPORT_N_BY; by++)
    {
      if (by == SA_REPORT_BY_COMMITMENT)
        continue; /* 18 rows: more than a window shows at once */
      gtk_drop_down_set_selected (drop_down (window, 1), by);
      sa_test_wait ();
      assert_table_matches_store (window, store, 2012, by);
    }
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "April 2012"));
  g_assert_nonnull (strstr (text, "March 2013"));
  g_clear_pointer (&text, g_free);

  /* Another record of the year shows at once. */
  gtk_drop_down_set_selected (drop_down (window, 1), SA_REPORT_BY_ORGANIZATION);
  sa_test_wait ();
  text = sa_test_collect_text (window);
  g_assert_nonnull (strstr (text, "No organization"));
  g_clear_pointer (&text, g_free);
  before = sa_report_window_get_report (SA_REPORT_WINDOW (window))->total->participants;
  add_activity (store, "2012-09-01", org_id, 1000);
  sa_test_wait ();
  assert_table_matches_store (window, store, 2012, SA_REPORT_BY_ORGANIZATION);
  g_assert_cmpint (sa_report_window_get_report (SA_REPORT_WINDOW (window))->total->participants, ==, before + 1000);

  /* A year without activities says so, and has nothing to export. */
  sa_report_window_show_year (SA_REPORT_WINDOW (window), 2020, SA_REPORT_BY_ORGANIZATION);
  sa_test_wait ();
  g_assert_nonnull (sa_test_find (window, sa_test_is_status_titled, "No Activities"));
  g_assert_false (gtk_widget_is_sensitive (sa_test_find (window, sa_test_has_tooltip, EXPORT_TOOLTIP)));

  /* Export: the chooser starts in the database's folder; the file holds the rows shown. */
  select_year (window, "FY2012");
  g_assert_null (sa_test_find (window, sa_test_is_status_titled, "No Activities"));
  g_assert_true (gtk_widget_is_sensitive (sa_test_find (window, sa_test_has_tooltip, EXPORT_TOOLTIP)));
  g_assert_true (gtk_widget_activate_action (window, "report.export-csv", NULL));
  chooser = sa_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  sa_test_wait ();
  chosen_folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (chosen_folder);
  g_assert_cmpstr (g_file_peek_path (chosen_folder), ==, dir);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "totals.csv");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  SA_TEST_WAIT_FOR (g_file_test (csv_path, G_FILE_TEST_EXISTS));
  sa_test_wait ();
  g_assert_true (g_file_get_contents (csv_path, &contents, &length, &error));
  g_assert_no_error (error);
  expected_csv = sa_report_to_csv (sa_report_window_get_report (SA_REPORT_WINDOW (window)));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected_csv, NULL), g_bytes_get_size (expected_csv));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfOrganization,Activities,Participants,Volunteers\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nNo organization,1,3,0\r\nTotal,"));

  /* Print: the same table, through the print dialog. */
  g_assert_true (gtk_widget_activate_action (window, "report.print", NULL));
  print_dialog = sa_test_wait_for_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG);
  g_assert_nonnull (print_dialog);
  gtk_dialog_response (GTK_DIALOG (print_dialog), GTK_RESPONSE_CANCEL);
  sa_test_wait ();

  gtk_window_destroy (GTK_WINDOW (main_window));
  sa_test_wait ();
  g_remove (csv_path);
  fixture_remove_db (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);
  g_test_add_func ("/report-window/totals-shown-followed-and-exported", test_totals_shown_followed_and_exported);
  return g_test_run ();
}
