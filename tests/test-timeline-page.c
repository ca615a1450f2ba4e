/* test-timeline-page.c: the Timeline page through its real widgets: the rows and
 * what a screen reader is told, keys, editing, zoom, today, the empty state, and the
 * handout printed and exported as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "render-fixture.h"
#include "sa-commitment.h"
#include "sa-import.h"
#include "sa-plan-file.h"
#include "sa-print-operation.h"
#include "sa-store-plans.h"
#include "sa-print-options.h"
#include "sa-print-preview.h"
#include "sa-record-editor.h"
#include "sa-test-gui.h"
#include "sa-timeline-page-private.h"
#include "sa-timeline-view.h"
#include "sa-toast.h"

#define SAMPLE GINT_TO_POINTER (1)

typedef struct
{
  char           *dir;
  SaStore        *store;
  SaContext      *context;
  SaUndoStack    *undo_stack;     /* the context's */
  SaTimelinePage *page;
  SaTimelineView *view;
  GtkWidget      *window;
  GPtrArray      *toasts;  /* their titles */
} Fixture;

/* Keeps the title of each toast that reaches the window's overlay. */
static void
on_toast (AdwToast        *toast,
          AdwToastOverlay *overlay,
          gpointer         user_data)
{
  Fixture *f = user_data;

  g_assert_nonnull (overlay);
  g_ptr_array_add (f->toasts, g_strdup (adw_toast_get_title (toast)));
}

static gboolean
is_view (GtkWidget  *widget,
         const char *text)
{
  return SA_IS_TIMELINE_VIEW (widget);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  sample)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  SaImportReport report;
  GtkWidget *overlay;

  f->dir = g_path_get_dirname (path);
  f->store = sa_store_create (path, &error);
  g_assert_no_error (error);
  if (sample != NULL)
    g_assert_true (sa_import_sample (f->store, &report, &error));
  f->context = sa_context_new (f->store);
  f->undo_stack = g_object_ref (sa_context_get_undo_stack (f->context));
  f->toasts = g_ptr_array_new_with_free_func (g_free);

  f->page = sa_timeline_page_new (f->context);
  sa_toast_set_observer (on_toast, f);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  gtk_window_present (GTK_WINDOW (f->window));
  sa_test_wait ();
  f->view = SA_TIMELINE_VIEW (sa_test_find_any (GTK_WIDGET (f->page), is_view, NULL));
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_chmod (child, 0755);
          remove_dir (child);
        }
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *editor;

  while ((editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR)) != NULL)
    gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (f->window));
  sa_test_wait ();
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->undo_stack);
  g_assert_finalize_object (f->store);
  sa_toast_set_observer (NULL, NULL);
  g_ptr_array_unref (f->toasts);
  remove_dir (f->dir);
  g_free (f->dir);
}

/* ---- helpers --------------------------------------------------------------------- */

static const char *
last_toast (Fixture *f)
{
  g_assert_cmpuint (f->toasts->len, >, 0);
  return g_ptr_array_index (f->toasts, f->toasts->len - 1);
}

static guint
count_commitments (SaTimelineLayout *layout)
{
  guint n = 0;

  for (guint i = 0; i < sa_timeline_layout_get_n_rows (layout); i++)
    n += sa_timeline_layout_get_row (layout, i)->kind == SA_TIMELINE_ROW_COMMITMENT;
  return n;
}

static double
year_width (Fixture *f,
            int      fy)
{
  graphene_rect_t area;

  g_assert_true (sa_timeline_view_get_year_area (f->view, fy, &area));
  return area.size.width;
}

/* The selected row, and that assistive technology is told about it. */
static void
assert_selected (Fixture *f,
                 int      row)
{
  g_autofree char *label = NULL, *description = NULL;
  const SaTimelineRow *r;

  g_assert_cmpint (sa_timeline_view_get_selected (f->view), ==, row);
  r = sa_timeline_layout_get_row (sa_timeline_view_get_layout (f->view), row);
  label = sa_timeline_view_describe_row (f->view, row, &description);
  g_assert_true (g_str_has_prefix (label, r->actor_name));
  g_assert_true (g_str_has_suffix (label, r->text));
  g_assert_nonnull (strstr (description, "Schedule: 実施 from FY2010 to FY2015"));
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
}

/* ---- the table ------------------------------------------------------------------- */

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  SaTimelineLayout *layout = sa_timeline_view_get_layout (f->view);
  GtkWidget *view = GTK_WIDGET (f->view);
  int previous = -1;

  g_assert_nonnull (layout);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_null (sa_test_find (f->window, sa_test_is_status_titled, "No Commitments Yet"));
  g_assert_cmpuint (sa_timeline_layout_get_n_rows (layout), ==, 22);
  g_assert_cmpuint (count_commitments (layout), ==, 18);
  g_assert_cmpstr (sa_timeline_layout_get_year_label (layout, 2010), ==, "FY2010");

  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Schedule of the plan’s commitments");

  /* Down goes through every commitment in order, over the goals' headings. */
  for (guint i = 0; i < sa_timeline_layout_get_n_rows (layout); i++)
    {
      if (sa_timeline_layout_get_row (layout, i)->kind != SA_TIMELINE_ROW_COMMITMENT)
        continue;
      g_assert_true (sa_test_press_key (view, GDK_KEY_Down, 0));
      assert_selected (f, (int) i);
      g_assert_cmpint ((int) i, >, previous);
      previous = (int) i;
    }
  g_assert_cmpint (previous, ==, 21);
  g_assert_true (sa_test_press_key (view, GDK_KEY_Down, 0));
  assert_selected (f, 21);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "ケアプラザ: 地域やケアプラザで活動中の人たちの交流の機会をつくる。");

  /* Up skips the heading of goal 3 (row 17); Home and End go to the ends. */
  g_assert_true (sa_test_press_key (view, GDK_KEY_Up, 0));
  g_assert_true (sa_test_press_key (view, GDK_KEY_Up, 0));
  g_assert_true (sa_test_press_key (view, GDK_KEY_Up, 0));
  g_assert_true (sa_test_press_key (view, GDK_KEY_Up, 0));
  assert_selected (f, 16);
  g_assert_true (sa_test_press_key (view, GDK_KEY_Home, 0));
  assert_selected (f, 2);
  g_assert_true (sa_test_press_key (view, GDK_KEY_Up, 0));
  assert_selected (f, 2);
  g_assert_true (sa_test_press_key (view, GDK_KEY_End, 0));
  assert_selected (f, 21);
  g_assert_true (sa_test_press_key (view, GDK_KEY_Page_Up, 0));
  g_assert_cmpint (sa_timeline_view_get_selected (f->view), <, 21);
  g_assert_cmpint (sa_timeline_view_get_selected (f->view), >, 0);
}

/* Enter opens the commitment in the form; what is saved shows at once. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  GtkWidget *editor, *save;
  g_autofree char *id = NULL;
  g_autoptr(SaRecord) edited = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_test_press_key (view, GDK_KEY_Down, 0));
  g_assert_true (sa_test_press_key (view, GDK_KEY_Down, 0));
  g_assert_true (sa_test_press_key (view, GDK_KEY_Down, 0));
  assert_selected (f, 4);
  id = g_strdup (sa_timeline_view_get_selected_id (f->view));
  g_assert_true (sa_test_press_key (view, GDK_KEY_Return, 0));
  sa_test_wait ();

  editor = sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Commitment");
  g_assert_nonnull (sa_test_find (editor, sa_test_is_row_titled, "Actor"));
  g_assert_nonnull (sa_test_find (editor, sa_test_is_row_titled, "Target"));
  sa_test_type_into (editor, "Text", "地域で行うあいさつ運動を応援する。");
  sa_test_type_into (editor, "Target", "全12地区");
  save = sa_test_find (editor, sa_test_has_label, "_Save");
  g_assert_nonnull (save);
  g_signal_emit_by_name (save, "clicked");
  sa_test_wait ();

  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));
  edited = sa_store_get (f->store, &sa_commitment_table, id, &error);
  g_assert_cmpstr (sa_record_get_text (edited, SA_COMMITMENT_TEXT), ==, "地域で行うあいさつ運動を応援する。");
  /* The page read the plan again and kept the same commitment selected. */
  g_assert_cmpstr (sa_timeline_layout_get_row (sa_timeline_view_get_layout (f->view), 4)->text, ==,
                   "地域で行うあいさつ運動を応援する。【Target: 全12地区】");
  g_assert_cmpstr (sa_timeline_view_get_selected_id (f->view), ==, id);
  assert_selected (f, 4);

  /* The edit went through the undo stack. */
  g_assert_true (sa_undo_stack_undo (f->undo_stack, &error));
  sa_test_wait ();
  g_assert_cmpstr (sa_timeline_layout_get_row (sa_timeline_view_get_layout (f->view), 4)->text, ==,
                   "地域で行うあいさつ運動を支援する。【Target: 全地区】");
}

static gboolean
is_quarters_button (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (f->page);
  GtkToggleButton *quarters = GTK_TOGGLE_BUTTON (sa_test_find (page, is_quarters_button, "Quarters"));
  GtkToggleButton *years = GTK_TOGGLE_BUTTON (sa_test_find (page, is_quarters_button, "Years"));
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->view));
  double fit = year_width (f, 2012), wide, quarter;
  graphene_rect_t before, after;
  GtkBorder border;

  /* The years share the window's width: nothing to scroll sideways. */
  g_assert_true (gtk_toggle_button_get_active (years));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment));

  g_assert_true (sa_test_press_key (page, GDK_KEY_plus, GDK_CONTROL_MASK));
  sa_test_wait ();
  g_assert_cmpint (sa_timeline_view_get_zoom (f->view), ==, SA_TIMELINE_ZOOM_YEARS_WIDE);
  wide = year_width (f, 2012);
  g_assert_cmpfloat (wide, >, fit * 1.2);
  g_assert_true (gtk_toggle_button_get_active (years));

  g_assert_true (sa_test_press_key (page, GDK_KEY_equal, GDK_CONTROL_MASK));
  sa_test_wait ();
  g_assert_cmpint (sa_timeline_view_get_zoom (f->view), ==, SA_TIMELINE_ZOOM_QUARTERS);
  quarter = year_width (f, 2012);
  g_assert_cmpfloat (quarter, >, wide);
  g_assert_true (gtk_toggle_button_get_active (quarters));

  /* Only the years scroll; the 誰が and text columns stay. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  g_assert_true (gtk_scrollable_get_border (GTK_SCROLLABLE (f->view), &border));
  g_assert_cmpint (border.left, >, 200);
  g_assert_cmpint (border.top, >, 20);
  gtk_adjustment_set_value (hadjustment, 0);
  g_assert_true (sa_timeline_view_get_year_area (f->view, 2012, &before));
  gtk_adjustment_set_value (hadjustment, 150);
  g_assert_true (sa_timeline_view_get_year_area (f->view, 2012, &after));
  g_assert_cmpfloat_with_epsilon (after.origin.x, before.origin.x - 150, 0.01);

  g_assert_true (sa_test_press_key (page, GDK_KEY_KP_Add, GDK_CONTROL_MASK));
  sa_test_wait ();
  g_assert_cmpint (sa_timeline_view_get_zoom (f->view), ==, SA_TIMELINE_ZOOM_QUARTERS_WIDE);
  /* The widest zoom goes no further. */
  gtk_widget_activate_action (page, "timeline.zoom-in", NULL);
  sa_test_wait ();
  g_assert_cmpint (sa_timeline_view_get_zoom (f->view), ==, SA_TIMELINE_ZOOM_QUARTERS_WIDE);
  g_assert_cmpfloat (year_width (f, 2012), >, quarter);

  g_assert_true (sa_test_press_key (page, GDK_KEY_minus, GDK_CONTROL_MASK));
  sa_test_wait ();
  g_assert_cmpint (sa_timeline_view_get_zoom (f->view), ==, SA_TIMELINE_ZOOM_QUARTERS);
  g_assert_cmpfloat_with_epsilon (year_width (f, 2012), quarter, 0.01);

  g_assert_true (sa_test_press_key (page, GDK_KEY_0, GDK_CONTROL_MASK));
  sa_test_wait ();
  g_assert_cmpint (sa_timeline_view_get_zoom (f->view), ==, SA_TIMELINE_ZOOM_YEARS);
  g_assert_cmpfloat_with_epsilon (year_width (f, 2012), fit, 0.01);
  g_assert_true (gtk_toggle_button_get_active (years));

  /* The toolbar's toggles zoom too. */
  gtk_toggle_button_set_active (quarters, TRUE);
  sa_test_wait ();
  g_assert_cmpint (sa_timeline_view_get_zoom (f->view), ==, SA_TIMELINE_ZOOM_QUARTERS);
  gtk_toggle_button_set_active (years, TRUE);
  sa_test_wait ();
  g_assert_cmpint (sa_timeline_view_get_zoom (f->view), ==, SA_TIMELINE_ZOOM_YEARS);
}

static void
set_today (Fixture    *f,
           int         year,
           GDateMonth  month,
           int         day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, month, (GDateYear) year);
  sa_timeline_view_set_today (f->view, &date);
}

static void
test_today (Fixture       *f,
            gconstpointer  data)
{
  graphene_rect_t year;
  double x;

  /* 15 October 2012 is in FY2012, in its third quarter. */
  set_today (f, 2012, G_DATE_OCTOBER, 15);
  x = sa_timeline_view_get_today_x (f->view);
  g_assert_true (sa_timeline_view_get_year_area (f->view, 2012, &year));
  g_assert_cmpfloat (x, >, year.origin.x);
  g_assert_cmpfloat (x, <, year.origin.x + year.size.width);

  sa_timeline_view_set_zoom (f->view, SA_TIMELINE_ZOOM_QUARTERS);
  sa_test_wait ();
  x = sa_timeline_view_get_today_x (f->view);
  g_assert_true (sa_timeline_view_get_year_area (f->view, 2012, &year));
  g_assert_cmpfloat (x, >, year.origin.x + year.size.width / 2);
  g_assert_cmpfloat (x, <, year.origin.x + year.size.width * 3 / 4);

  /* March 2013 still belongs to FY2012, in its last quarter. */
  set_today (f, 2013, G_DATE_MARCH, 20);
  x = sa_timeline_view_get_today_x (f->view);
  g_assert_cmpfloat (x, >, year.origin.x + year.size.width * 3 / 4);
  g_assert_cmpfloat (x, <, year.origin.x + year.size.width);

  set_today (f, 2010, G_DATE_APRIL, 1);
  x = sa_timeline_view_get_today_x (f->view);
  g_assert_true (sa_timeline_view_get_year_area (f->view, 2010, &year));
  g_assert_cmpfloat (x, >=, year.origin.x);
  g_assert_cmpfloat (x, <, year.origin.x + year.size.width * 0.01);

  /* After the plan, no line. */
  set_today (f, 2016, G_DATE_APRIL, 1);
  g_assert_cmpfloat (sa_timeline_view_get_today_x (f->view), ==, -1);
}

/* Activities show in their year's cell and in what a screen reader hears; the
 * years are written as the setting says. */
static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sasaeai.Sasaeai");
  g_autofree char *label = NULL, *description = NULL;
  g_autofree char *id = g_strdup (sa_timeline_layout_get_row (sa_timeline_view_get_layout (f->view), 4)->id);
  static const char * const dates[] = { "2012-06-01", "2012-07-01", "2013-01-15", "2014-05-01" };
  const SaTimelineRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_free (render_fixture_add_activity (f->store, dates[i], id));
  sa_test_wait ();

  row = sa_timeline_layout_get_row (sa_timeline_view_get_layout (f->view), 4);
  g_assert_cmpstr (row->id, ==, id);
  g_assert_cmpuint (row->counts[2], ==, 3);
  g_assert_cmpuint (row->counts[4], ==, 1);
  g_assert_cmpuint (row->counts[0] + row->counts[1] + row->counts[3] + row->counts[5], ==, 0);
  sa_timeline_view_set_selected (f->view, 4);
  label = sa_timeline_view_describe_row (f->view, 4, &description);
  g_assert_cmpstr (description, ==,
                   "Schedule: 実施 from FY2010 to FY2015. FY2012: 3 activities; FY2014: 1 activity");
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  /* Years as every other view writes them: the era chosen is the plan's own word. */
  g_settings_set_string (settings, "year-format", "era");
  sa_test_wait ();
  g_assert_cmpstr (sa_timeline_layout_get_year_label (sa_timeline_view_get_layout (f->view), 2012), ==,
                   "平成24年度");
  g_assert_cmpstr (sa_timeline_view_get_selected_id (f->view), ==, id);
  g_clear_pointer (&label, g_free);
  g_clear_pointer (&description, g_free);
  label = sa_timeline_view_describe_row (f->view, 4, &description);
  g_assert_cmpstr (description, ==,
                   "Schedule: 実施 from 平成22年度 to 平成27年度. 平成24年度: 3 activities; 平成26年度: 1 activity");

  g_settings_set_string (settings, "year-format", "era-western");
  sa_test_wait ();
  g_assert_cmpstr (sa_timeline_layout_get_year_label (sa_timeline_view_get_layout (f->view), 2012), ==,
                   "平成24年度(2012)");
  g_assert_cmpstr (sa_timeline_view_get_selected_id (f->view), ==, id);
  g_settings_reset (settings, "year-format");
}

/* A database without a plan says how to begin, and shows the plan once there is one. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  SaImportReport report;
  GtkWidget *status;

  status = sa_test_find (f->window, sa_test_is_status_titled, "No Commitments Yet");
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   "Enter the plan in the List view, then its commitments and their schedules.");
  g_assert_null (sa_timeline_view_get_layout (f->view));
  g_assert_false (sa_timeline_page_export_pdf_to (f->page, file));
  g_assert_cmpstr (last_toast (f), ==, "The plan has no schedule to print yet");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_assert_true (sa_import_sample (f->store, &report, &error));
  SA_TEST_WAIT_FOR (sa_test_find (f->window, sa_test_is_status_titled, "No Commitments Yet") == NULL);
  sa_test_wait ();
  g_assert_null (sa_test_find (f->window, sa_test_is_status_titled, "No Commitments Yet"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_cmpuint (count_commitments (sa_timeline_view_get_layout (f->view)), ==, 18);
}

/* ---- handouts -------------------------------------------------------------------- */

static gboolean
is_check_starting (GtkWidget  *widget,
                   const char *text)
{
  GtkWidget *child;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  if (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    return g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), text);
  child = gtk_widget_get_first_child (widget);
  while (child != NULL && !GTK_IS_LABEL (child))
    child = gtk_widget_get_next_sibling (child);
  return child != NULL && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), text);
}

static gboolean
is_title_entry (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), text) == 0;
}

static void
set_check (GtkWidget  *tab,
           const char *label,
           gboolean    active)
{
  GtkWidget *check = sa_test_find_any (tab, is_check_starting, label);

  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
}

/* The options tab as the print dialog makes it. */
static GtkWidget *
create_tab (SaPrintOperation *operation)
{
  GObject *tab = NULL;

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (SA_IS_PRINT_OPTIONS (tab));
  return GTK_WIDGET (g_object_ref_sink (tab));
}

static char *
pdf_info (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Basic Goal 2 only, A4 landscape, with the title and notes asked for. */
static void
assert_goal_two_handout (const char *pdf,
                         guint       n_pages)
{
  g_autofree char *text = render_fixture_pdf_text (pdf, 0);
  g_autofree char *info = pdf_info (pdf);
  g_autofree char *pages = g_strdup_printf ("Pages:           %u\n", n_pages);

  g_assert_nonnull (strstr (text, "泉区推進協議会 配布資料"));
  g_assert_nonnull (strstr (text, "交流の場を提供する。"));
  g_assert_nonnull (strstr (text, "誰でも参加できる交流事業を実施する。"));
  g_assert_nonnull (strstr (text, "What has improved"));
  g_assert_null (strstr (text, "ボランティアネットワークの活動を支援する。"));  /* goal 1 */
  g_assert_null (strstr (text, "関係機関とのネットワークをつくり"));         /* goal 3 */
  g_assert_nonnull (strstr (info, "Page size:       841.89 x 595.276 pts (A4)"));
  g_assert_nonnull (strstr (info, pages));
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "exported.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autoptr(SaPrintOperation) operation = NULL;
  g_autoptr(GtkWidget) tab = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(GError) error = NULL;
  GtkWidget *title;
  guint n_pages;

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }

  /* The person chooses in the dialog's tab: goal 2, the notes, a title. */
  operation = _sa_timeline_page_new_print_operation (f->page, &error);
  g_assert_no_error (error);
  tab = create_tab (operation);
  set_check (tab, "Basic Goal 1:", FALSE);
  set_check (tab, "Basic Goal 3:", FALSE);
  set_check (tab, "_Strengths and challenges", TRUE);
  title = sa_test_find_any (tab, is_title_entry, "第2期泉区地域福祉保健計画");
  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "泉区推進協議会 配布資料");
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_null (sa_print_operation_get_failure (operation));
  n_pages = sa_handout_get_n_pages (sa_print_operation_get_handout (operation));
  g_assert_cmpuint (n_pages, >=, 1);
  assert_goal_two_handout (printed, n_pages);

  /* The PDF export takes the options printed with last. */
  g_assert_true (sa_timeline_page_export_pdf_to (f->page, file));
  g_assert_cmpstr (last_toast (f), ==, "Handout saved as “exported.pdf”");
  assert_goal_two_handout (exported, n_pages);
}

static gboolean
is_font_label (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_type (GtkWidget  *widget,
         const char *type)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), type);
}

/* The tab names the font the pages get, UD Gothic to begin with; choosing Noto and
 * large print prints them so. */
static void
test_print_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(SaPrintOperation) operation = NULL;
  g_autoptr(GtkWidget) tab = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *drop, *large;
  SaHandout *handout;

  operation = _sa_timeline_page_new_print_operation (f->page, &error);
  g_assert_no_error (error);
  tab = create_tab (operation);
  g_assert_nonnull (sa_test_find_any (tab, is_font_label, "Printed in BIZ UDPGothic"));
  large = sa_test_find_any (tab, is_type, "GtkSwitch");
  g_assert_nonnull (large);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (large)));

  /* The font's drop-down stands right above the text naming the font. */
  drop = gtk_widget_get_prev_sibling (sa_test_find_any (tab, is_font_label, "Printed in"));
  g_assert_true (GTK_IS_DROP_DOWN (drop));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), SA_PRINT_FONT_NOTO);
  g_assert_nonnull (sa_test_find_any (tab, is_font_label, "Printed in Noto Sans CJK JP"));
  gtk_switch_set_active (GTK_SWITCH (large), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  handout = sa_print_operation_get_handout (operation);
  g_assert_nonnull (handout);
  g_assert_cmpint (sa_print_operation_get_options (operation)->font, ==, SA_PRINT_FONT_NOTO);
  g_assert_true (sa_print_operation_get_options (operation)->large_print);
  g_assert_cmpfloat (sa_handout_get_body_size (handout), >=, 14.0);
}

/* The handout starts in the typeface Preferences chose. */
static void
test_print_font_setting (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SaPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_enum (settings, "print-font", SA_PRINT_FONT_SYSTEM);
  operation = _sa_timeline_page_new_print_operation (f->page, &error);
  g_settings_reset (settings, "print-font");
  g_assert_no_error (error);
  g_assert_cmpint (sa_print_operation_get_options (operation)->font, ==, SA_PRINT_FONT_SYSTEM);
}

/* Print Preview shows the handout in a window of the application, every page the
 * operation prints, with paging and zoom, and a Print button. */
static void
test_print_preview (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SaPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *preview = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_pages;
  gint64 end;

  operation = _sa_timeline_page_new_print_operation (f->page, &error);
  g_assert_no_error (error);
  /* As the window runs it: the dialog's Preview button leads here. */
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PREVIEW,
                                            GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (f->page))), &error),
                   !=, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_no_error (error);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end &&
         (preview == NULL || sa_print_preview_get_n_pages (SA_PRINT_PREVIEW (preview)) == 0))
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

          if (SA_IS_PRINT_PREVIEW (window))
            preview = window;
        }
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_nonnull (preview);
  g_assert_true (gtk_widget_get_visible (preview));
  g_assert_nonnull (sa_print_operation_get_handout (operation));
  n_pages = sa_handout_get_n_pages (sa_print_operation_get_handout (operation));
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (sa_print_preview_get_n_pages (SA_PRINT_PREVIEW (preview)), ==, n_pages);

  /* Next and Previous page through; zoom changes the page's size on screen. */
  g_assert_cmpuint (sa_print_preview_get_page (SA_PRINT_PREVIEW (preview)), ==, 0);
  sa_test_click (preview, "Next Page");
  g_assert_cmpuint (sa_print_preview_get_page (SA_PRINT_PREVIEW (preview)), ==, 1);
  sa_test_click (preview, "Previous Page");
  g_assert_cmpuint (sa_print_preview_get_page (SA_PRINT_PREVIEW (preview)), ==, 0);
  sa_test_click (preview, "Zoom In");
  g_assert_cmpfloat (sa_print_preview_get_zoom (SA_PRINT_PREVIEW (preview)), >, 1.0);
  g_assert_nonnull (sa_test_find (preview, sa_test_has_label, "_Print…"));
  gtk_window_close (GTK_WINDOW (preview));
  sa_test_wait ();
}

/* A choice that makes no handout prints nothing, and says why. */
static void
test_print_nothing (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (f->dir, "nothing.pdf", NULL);
  g_autoptr(SaPrintOperation) operation = NULL;
  g_autoptr(GtkWidget) tab = NULL;
  g_autoptr(GError) error = NULL;

  operation = _sa_timeline_page_new_print_operation (f->page, &error);
  tab = create_tab (operation);
  set_check (tab, "Basic Goal 1:", FALSE);
  set_check (tab, "Basic Goal 2:", FALSE);
  set_check (tab, "Basic Goal 3:", FALSE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), !=, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_nonnull (sa_print_operation_get_failure (operation));
  g_assert_null (sa_print_operation_get_handout (operation));
  g_assert_cmpstr (last_toast (f), ==, "Nothing to print: choose at least one basic goal");
}

/* Where the PDF cannot go, the person is told and nothing is left behind. */
static void
test_export_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no such folder", "handout.pdf", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *inside = g_build_filename (locked, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) locked_file = g_file_new_for_path (inside);
  g_autoptr(GDir) dir = NULL;

  g_assert_false (sa_timeline_page_export_pdf_to (f->page, file));
  g_assert_true (g_str_has_prefix (last_toast (f), "Could not write “"));
  g_assert_nonnull (strstr (last_toast (f), "No such file or directory"));

  if (geteuid () == 0)
    return;  /* root writes into a read-only folder */
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  g_assert_false (sa_timeline_page_export_pdf_to (f->page, locked_file));
  g_assert_nonnull (strstr (last_toast (f), "Permission denied"));
  dir = g_dir_open (locked, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

static gboolean
is_drop_down (GtkWidget  *widget,
              const char *text)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* A plan of two sections, as `sasaeai-cli plan import` reads it. */
static const char two_sections[] =
  "{\"plan\": {\"title\": \"二節の計画\", \"first_fy\": 2010, \"last_fy\": 2015},"
  " \"actors\": [{\"name\": \"区役所\", \"kind\": \"ward-office\"}],"
  " \"sections\": ["
  "  {\"label\": \"第1節\", \"title\": \"地域の取組\", \"strengths\": [], \"challenges\": [],"
  "   \"goals\": [{\"number\": 1, \"title\": \"見守る\", \"initiatives\": [], \"expected_actions\": [],"
  "     \"commitments\": [{\"actor\": \"区役所\", \"text\": \"見守りを広げる。\","
  "       \"phases\": [{\"label\": \"実施\", \"start_fy\": 2010, \"end_fy\": 2015}]}]}]},"
  "  {\"label\": \"第2節\", \"title\": \"土台の取組\", \"strengths\": [], \"challenges\": [],"
  "   \"goals\": [{\"number\": 1, \"title\": \"支える\", \"initiatives\": [], \"expected_actions\": [],"
  "     \"commitments\": [{\"actor\": \"区役所\", \"text\": \"担い手を育てる。\","
  "       \"phases\": [{\"label\": \"実施\", \"start_fy\": 2011, \"end_fy\": 2015}]}]}]}]}";

static void
assert_first_rows (Fixture    *f,
                   guint       n_rows,
                   const char *first,
                   const char *last)
{
  SaTimelineLayout *layout = sa_timeline_view_get_layout (f->view);
  g_autofree char *first_text = NULL, *last_text = NULL;

  g_assert_cmpuint (sa_timeline_layout_get_n_rows (layout), ==, n_rows);
  first_text = sa_timeline_view_describe_row (f->view, 0, NULL);
  last_text = sa_timeline_view_describe_row (f->view, n_rows - 1, NULL);
  g_assert_cmpstr (first_text, ==, first);
  g_assert_cmpstr (last_text, ==, last);
}

/* The toolbar's drop-down shows the whole plan or one section; printing follows. */
static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) root = json_from_string (two_sections, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = sa_plan_file_import (f->store, root, &error);
  g_autoptr(SaPrintOperation) operation = NULL;
  GtkDropDown *sections;
  GListModel *names;

  g_assert_no_error (error);
  g_assert_true (sa_store_choose_plan (f->store, plan_id, &error));
  sa_test_wait ();

  sections = GTK_DROP_DOWN (sa_test_find_any (GTK_WIDGET (f->page), is_drop_down, NULL));
  g_assert_nonnull (sections);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sections)));
  names = gtk_drop_down_get_model (sections);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "All Sections");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "第2節　土台の取組");
  g_assert_cmpuint (gtk_drop_down_get_selected (sections), ==, 0);
  assert_first_rows (f, 6, "第1節 地域の取組", "区役所: 担い手を育てる。");

  gtk_drop_down_set_selected (sections, 2);
  sa_test_wait ();
  assert_first_rows (f, 3, "第2節 土台の取組", "区役所: 担い手を育てる。");
  operation = _sa_timeline_page_new_print_operation (f->page, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_print_operation_get_options (operation)->timeline.section_id, ==,
                   sa_timeline_layout_get_row (sa_timeline_view_get_layout (f->view), 0)->id);
  g_clear_object (&operation);

  gtk_drop_down_set_selected (sections, 0);
  sa_test_wait ();
  assert_first_rows (f, 6, "第1節 地域の取組", "区役所: 担い手を育てる。");
  operation = _sa_timeline_page_new_print_operation (f->page, &error);
  g_assert_null (sa_print_operation_get_options (operation)->timeline.section_id);
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);

#define ADD(path, sample, func) \
  g_test_add ("/timeline-page/" path, Fixture, sample, fixture_set_up, func, fixture_tear_down)
  ADD ("rows", SAMPLE, test_rows);
  ADD ("edit", SAMPLE, test_edit);
  ADD ("zoom", SAMPLE, test_zoom);
  ADD ("today", SAMPLE, test_today);
  ADD ("counts", SAMPLE, test_counts);
  ADD ("empty", NULL, test_empty);
  ADD ("print", SAMPLE, test_print);
  ADD ("print-nothing", SAMPLE, test_print_nothing);
  ADD ("print-text", SAMPLE, test_print_text);
  ADD ("print-font-setting", SAMPLE, test_print_font_setting);
  ADD ("print-preview", SAMPLE, test_print_preview);
  ADD ("export-refused", SAMPLE, test_export_refused);
  ADD ("sections", SAMPLE, test_sections);
#undef ADD

  return g_test_run ();
}
