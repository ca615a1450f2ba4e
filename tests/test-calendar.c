/* test-calendar.c: the Calendar page and its month grid, through the real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-activity-filter.h"
#include "sa-activity-form.h"
#include "sa-activity.h"
#include "sa-actor.h"
#include "sa-calendar-page.h"
#include "sa-date-text.h"
#include "sa-date.h"
#include "sa-import.h"
#include "sa-organization.h"
#include "sa-test-gui.h"
#include "sa-toast.h"

typedef struct
{
  char             *path;
  SaStore          *store;
  SaContext        *context;
  SaUndoStack      *undo_stack;           /* the context's, as the filter */
  SaActivityFilter *filter;
  GtkWidget        *window;
  SaCalendarPage   *page;
  SaMonthGrid      *grid;
  GPtrArray        *toasts;
} Fixture;

/* Keeps the title of each toast that reaches the window's overlay. */
static void
on_toast (AdwToast        *toast,
          AdwToastOverlay *overlay,
          gpointer         user_data)
{
  Fixture *fixture = user_data;

  g_assert_nonnull (overlay);
  g_ptr_array_add (fixture->toasts, g_strdup (adw_toast_get_title (toast)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SaImportReport report;
  GtkWidget *overlay;

  fixture->path = sa_test_temp_db ();
  fixture->store = sa_store_create (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sa_import_sample (fixture->store, &report, &error));
  fixture->context = sa_context_new (fixture->store);
  fixture->undo_stack = g_object_ref (sa_context_get_undo_stack (fixture->context));
  fixture->filter = g_object_ref (sa_context_get_filter (fixture->context));
  fixture->toasts = g_ptr_array_new_with_free_func (g_free);

  fixture->page = SA_CALENDAR_PAGE (sa_calendar_page_new (fixture->context));
  fixture->grid = sa_calendar_page_get_grid (fixture->page);
  sa_toast_set_observer (on_toast, fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  sa_test_wait ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *form;

  while ((form = sa_test_find_toplevel (SA_TYPE_ACTIVITY_FORM)) != NULL)
    gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sa_test_wait ();

  sa_toast_set_observer (NULL, NULL);
  g_ptr_array_unref (fixture->toasts);
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->filter);
  g_assert_finalize_object (fixture->undo_stack);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

/* ---- helpers -------------------------------------------------------------------- */

static char *
add_activity (Fixture    *fixture,
              const char *date,
              const char *time,
              const char *title,
              int         participants,
              const char *organization_id)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TIME, time);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, participants);
  sa_record_set_text (activity, SA_ACTIVITY_ORGANIZATION_ID, organization_id);
  g_assert_true (sa_store_add_activity (fixture->store, activity, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (sa_record_get_id (activity));
}

static char *
add_organization (Fixture    *fixture,
                  const char *name)
{
  g_autoptr(SaRecord) organization = SA_RECORD (sa_organization_new ());
  g_autofree char *actor_id = sa_store_lookup_id (fixture->store, &sa_actor_table, "kind", "care-plaza", NULL);
  g_autoptr(GError) error = NULL;

  sa_record_set_text (organization, SA_ORGANIZATION_ACTOR_ID, actor_id);
  sa_record_set_text (organization, SA_ORGANIZATION_NAME, name);
  g_assert_true (sa_store_insert (fixture->store, organization, &error));
  g_assert_no_error (error);
  return g_strdup (sa_record_get_id (organization));
}

static const char *
stored_date (Fixture    *fixture,
             const char *id)
{
  static char date[11];
  g_autoptr(SaRecord) activity = sa_store_get (fixture->store, &sa_activity_table, id, NULL);

  g_strlcpy (date, sa_record_get_text (activity, SA_ACTIVITY_DATE), sizeof date);
  return date;
}

static void
go_to (Fixture    *fixture,
       const char *iso)
{
  GDate date;

  g_assert_true (sa_date_parse_iso (iso, &date, NULL));
  sa_calendar_page_go_to_date (fixture->page, &date);
  sa_test_flush ();
}

static char *
selected_date (Fixture *fixture)
{
  GDate date;

  sa_month_grid_get_date (fixture->grid, &date);
  return sa_date_to_iso (&date);
}

#define assert_selected(fixture, iso)                      \
  G_STMT_START {                                           \
    g_autofree char *selected__ = selected_date (fixture); \
    g_assert_cmpstr (selected__, ==, (iso));               \
  } G_STMT_END

static int
cell_of (Fixture    *fixture,
         const char *iso)
{
  GDate date, cell;

  g_assert_true (sa_date_parse_iso (iso, &date, NULL));
  for (guint i = 0; i < SA_MONTH_GRID_N_CELLS; i++)
    {
      sa_month_grid_get_cell_date (fixture->grid, i, &cell);
      if (g_date_compare (&cell, &date) == 0)
        return i;
    }
  g_error ("%s is not shown", iso);
}

static char *
cell_text (Fixture    *fixture,
           const char *iso)
{
  return sa_month_grid_get_cell_text (fixture->grid, cell_of (fixture, iso));
}

#define assert_cell(fixture, iso, text)                  \
  G_STMT_START {                                         \
    g_autofree char *cell__ = cell_text (fixture, iso);  \
    g_assert_cmpstr (cell__, ==, (text));                \
  } G_STMT_END

/* A point in the lower right corner of a day's cell, below its chips. */
static void
cell_point (Fixture    *fixture,
            const char *iso,
            double     *x,
            double     *y)
{
  int index = cell_of (fixture, iso);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->grid));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->grid));
  gboolean found = FALSE;

  for (int py = 0; py < height; py += 2)
    for (int px = 0; px < width; px += 2)
      if (sa_month_grid_get_cell_at (fixture->grid, px, py) == index)
        {
          *x = px - 2;
          *y = py - 2;
          found = TRUE;
        }
  g_assert_true (found);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_error ("No %s on %s", g_type_name (type), G_OBJECT_TYPE_NAME (widget));
}

static void
click_grid (Fixture *fixture,
            double   x,
            double   y,
            int      n_press)
{
  GtkEventController *click = find_controller (GTK_WIDGET (fixture->grid), GTK_TYPE_GESTURE_CLICK);

  for (int i = 1; i <= n_press; i++)
    {
      g_signal_emit_by_name (click, "pressed", i, x, y);
      g_signal_emit_by_name (click, "released", i, x, y);
    }
  sa_test_wait ();
}

static gboolean
is_title (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-2");
}

static const char *
month_heading (Fixture *fixture)
{
  GtkWidget *label = sa_test_find (GTK_WIDGET (fixture->page), is_title, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Whether the page shows these lines, one after another. */
static gboolean
page_shows (Fixture    *fixture,
            const char *lines)
{
  g_autofree char *text = sa_test_collect_text (GTK_WIDGET (fixture->page));

  if (strstr (text, lines) != NULL)
    return TRUE;
  g_test_message ("The page shows:\n%s", text);
  return FALSE;
}

#define assert_owned_str(expr, expected)         \
  G_STMT_START {                                 \
    g_autofree char *owned__ = (expr);           \
    g_assert_cmpstr (owned__, ==, (expected));   \
  } G_STMT_END

static gboolean
is_menu_button (GtkWidget  *widget,
                const char *tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
is_drop_down (GtkWidget  *widget,
              const char *tooltip)
{
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* ---- tests ---------------------------------------------------------------------- */

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GMenuModel *years;
  GtkWidget *button;

  go_to (fixture, "2012-05-20");
  g_assert_cmpstr (month_heading (fixture), ==, "May 2012");

  sa_test_click (GTK_WIDGET (fixture->page), "Next Month (Page Down)");
  assert_selected (fixture, "2012-06-20");
  g_assert_cmpstr (month_heading (fixture), ==, "June 2012");
  sa_test_click (GTK_WIDGET (fixture->page), "Previous Month (Page Up)");
  sa_test_click (GTK_WIDGET (fixture->page), "Previous Month (Page Up)");
  assert_selected (fixture, "2012-04-20");

  /* Page Up and Down, in the grid and anywhere else in the page. */
  g_assert_true (sa_test_press_key (GTK_WIDGET (fixture->grid), GDK_KEY_Page_Down, 0));
  assert_selected (fixture, "2012-05-20");
  g_assert_true (sa_test_press_key (GTK_WIDGET (fixture->grid), GDK_KEY_Page_Up, 0));
  assert_selected (fixture, "2012-04-20");
  g_assert_true (sa_test_press_key (GTK_WIDGET (fixture->page), GDK_KEY_Page_Down, 0));
  assert_selected (fixture, "2012-05-20");

  /* A shorter month keeps the day in it: 31 January + 1 month = 29 February. */
  go_to (fixture, "2012-01-31");
  g_assert_true (sa_test_press_key (GTK_WIDGET (fixture->grid), GDK_KEY_Page_Down, 0));
  assert_selected (fixture, "2012-02-29");

  /* The fiscal-year menu lists the plan's years and jumps to their April. */
  button = sa_test_find (GTK_WIDGET (fixture->page), is_menu_button, "Go to a Fiscal Year of the Plan");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "FY2011");
  years = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_cmpint (g_menu_model_get_n_items (years), ==, 6);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "calendar.go-to-fiscal-year", "i", 2013);
  sa_test_flush ();
  assert_selected (fixture, "2013-04-01");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "FY2013");

  /* The year as the person chose to read it. */
  g_settings_set_string (settings, "year-format", "era");
  sa_test_flush ();
  g_assert_cmpstr (month_heading (fixture), ==, "平成25年4月");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "平成25年度");
  go_to (fixture, "2019-05-01");
  g_assert_cmpstr (month_heading (fixture), ==, "令和元年5月");
  /* Era and western year together; the menu's years too. */
  g_settings_set_string (settings, "year-format", "era-western");
  sa_test_flush ();
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "令和元年度(2019)");
  g_assert_cmpstr (month_heading (fixture), ==, "令和元年5月");
  {
    g_autofree char *first = NULL;

    years = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    g_assert_true (g_menu_model_get_item_attribute (years, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first));
    g_assert_cmpstr (first, ==, "平成22年度(2010)");
  }
  g_settings_reset (settings, "year-format");
  sa_test_flush ();
  g_assert_cmpstr (month_heading (fixture), ==, "May 2019");

  sa_test_click (GTK_WIDGET (fixture->page), "Go to Today (Home)");
  {
    GDate today, selected;

    g_date_clear (&today, 1);
    g_date_set_time_t (&today, time (NULL));
    sa_month_grid_get_date (fixture->grid, &selected);
    g_assert_cmpint (g_date_compare (&today, &selected), ==, 0);
  }
}

static void
test_keyboard_selection (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *grid = GTK_WIDGET (fixture->grid);
  GDate today, selected;

  g_free (add_activity (fixture, "2012-06-01", "10:00", "ふれあいサロン", 20, NULL));
  go_to (fixture, "2012-05-31");
  gtk_widget_grab_focus (grid);

  /* Right from the month's last day selects 1 June and shows June, with its records. */
  g_assert_true (sa_test_press_key (grid, GDK_KEY_Right, 0));
  assert_selected (fixture, "2012-06-01");
  g_assert_cmpstr (month_heading (fixture), ==, "June 2012");
  assert_cell (fixture, "2012-06-01", "1\nふれあいサロン");
  g_assert_true (page_shows (fixture, "ふれあいサロン\n10:00 · 20 participants\n"));

  g_assert_true (sa_test_press_key (grid, GDK_KEY_Left, 0));
  assert_selected (fixture, "2012-05-31");
  g_assert_cmpstr (month_heading (fixture), ==, "May 2012");
  g_assert_true (sa_test_press_key (grid, GDK_KEY_Down, 0));
  assert_selected (fixture, "2012-06-07");
  g_assert_true (sa_test_press_key (grid, GDK_KEY_Up, 0));
  g_assert_true (sa_test_press_key (grid, GDK_KEY_Up, 0));
  assert_selected (fixture, "2012-05-24");

  /* Across the year, too. */
  go_to (fixture, "2012-01-01");
  g_assert_true (sa_test_press_key (grid, GDK_KEY_Left, 0));
  assert_selected (fixture, "2011-12-31");
  g_assert_cmpstr (month_heading (fixture), ==, "December 2011");

  g_assert_true (sa_test_press_key (grid, GDK_KEY_Home, 0));
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  sa_month_grid_get_date (fixture->grid, &selected);
  g_assert_cmpint (g_date_compare (&today, &selected), ==, 0);
}

static void
test_cells (Fixture       *fixture,
            gconstpointer  data)
{
  GDate first;

  /* Weeks start on Sunday under the C and ja_JP locales. */
  g_assert_cmpint (sa_month_grid_locale_first_weekday (), ==, G_DATE_SUNDAY);

  go_to (fixture, "2019-05-01");
  sa_month_grid_get_cell_date (fixture->grid, 0, &first);
  g_assert_cmpint (g_date_get_day (&first), ==, 28);
  g_assert_cmpint (g_date_get_weekday (&first), ==, G_DATE_SUNDAY);

  /* The ten days of 2019: 昭和の日, the days around the enthronement, 振替休日. */
  assert_cell (fixture, "2019-04-28", "28");
  assert_cell (fixture, "2019-04-29", "29\n昭和の日");
  assert_cell (fixture, "2019-04-30", "30\n国民の休日");
  assert_cell (fixture, "2019-05-01", "1\n天皇の即位の日");
  assert_cell (fixture, "2019-05-02", "2\n国民の休日");
  assert_cell (fixture, "2019-05-03", "3\n憲法記念日");
  assert_cell (fixture, "2019-05-04", "4\nみどりの日");
  assert_cell (fixture, "2019-05-05", "5\nこどもの日");
  assert_cell (fixture, "2019-05-06", "6\n振替休日");
  assert_cell (fixture, "2019-05-07", "7");
  assert_cell (fixture, "2019-06-08", "8");

  /* The silver week of 2015. */
  go_to (fixture, "2015-09-01");
  assert_cell (fixture, "2015-09-21", "21\n敬老の日");
  assert_cell (fixture, "2015-09-22", "22\n国民の休日");
  assert_cell (fixture, "2015-09-23", "23\n秋分の日");

  /* Up to three records by time, then how many more. */
  g_free (add_activity (fixture, "2015-09-10", "13:00", "健康体操教室", 12, NULL));
  g_free (add_activity (fixture, "2015-09-10", "09:30", "見守り訪問", 3, NULL));
  g_free (add_activity (fixture, "2015-09-10", "10:00", "ふれあいサロン", 25, NULL));
  g_free (add_activity (fixture, "2015-09-10", "18:00", "地域ケア会議", 8, NULL));
  g_free (add_activity (fixture, "2015-09-10", "19:00", "防災訓練", 40, NULL));
  g_free (add_activity (fixture, "2015-09-23", "10:00", "敬老会", 60, NULL));
  sa_test_flush ();
  assert_cell (fixture, "2015-09-10", "10\n見守り訪問\nふれあいサロン\n健康体操教室\n+2");
  assert_cell (fixture, "2015-09-23", "23\n秋分の日\n敬老会");

  /* A Monday start moves every day one column left. */
  sa_month_grid_set_first_weekday (fixture->grid, G_DATE_MONDAY);
  sa_test_flush ();
  sa_month_grid_get_cell_date (fixture->grid, 0, &first);
  g_assert_cmpint (g_date_get_weekday (&first), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_date_get_day (&first), ==, 31);
  assert_cell (fixture, "2015-09-10", "10\n見守り訪問\nふれあいサロン\n健康体操教室\n+2");
}

static void
test_day_list_and_summary (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *org = add_organization (fixture, "中川地域ケアプラザ");

  g_free (add_activity (fixture, "2012-03-31", "10:00", "前年度の会", 100, NULL));
  g_free (add_activity (fixture, "2012-04-10", "10:00", "子育てサロン", 10, NULL));
  g_free (add_activity (fixture, "2012-05-20", "10:00", "ふれあいサロン", 25, org));
  g_free (add_activity (fixture, "2012-05-21", "14:00", "見守り訪問", 5, NULL));
  g_free (add_activity (fixture, "2012-06-01", "10:00", "防災訓練", 7, NULL));
  go_to (fixture, "2012-05-20");

  g_assert_true (page_shows (fixture, "Sunday, May 20\n"));
  g_assert_true (page_shows (fixture, "ふれあいサロン\n10:00 · 中川地域ケアプラザ · 25 participants\n"));
  g_assert_true (page_shows (fixture, "May 2012\n2 activities · 30 participants\n"));
  g_assert_true (page_shows (fixture, "FY2012 to the end of May\n3 activities · 40 participants\n"));
  g_assert_false (page_shows (fixture, "見守り訪問\n"));

  /* A holiday is named above the day's list; a day without records says so. */
  go_to (fixture, "2012-05-03");
  g_assert_true (page_shows (fixture, "Thursday, May 3\n憲法記念日\nNo activities on this day\n"));

  /* The totals follow the database. */
  g_free (add_activity (fixture, "2012-05-31", "10:00", "地域ケア会議", 1, NULL));
  sa_test_flush ();
  g_assert_true (page_shows (fixture, "May 2012\n3 activities · 31 participants\n"));
  g_assert_true (page_shows (fixture, "FY2012 to the end of May\n4 activities · 41 participants\n"));
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *nakagawa = add_organization (fixture, "中川地域ケアプラザ");
  g_autofree char *odoriba = add_organization (fixture, "踊場地域ケアプラザ");
  GtkWidget *drop;

  g_free (add_activity (fixture, "2012-05-20", "10:00", "ふれあいサロン", 25, nakagawa));
  g_free (add_activity (fixture, "2012-05-20", "13:00", "健康体操教室", 10, odoriba));
  sa_test_flush ();
  go_to (fixture, "2012-05-20");
  assert_cell (fixture, "2012-05-20", "20\nふれあいサロン\n健康体操教室");

  /* The drop-down sets the shared filter, and the grid and totals follow it. */
  drop = sa_test_find (GTK_WIDGET (fixture->page), is_drop_down, "Show the Activities of One Organization");
  g_assert_nonnull (drop);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop)), ==, 0);
  /* Organizations by name: 中川 (0x4e2d) sorts before 踊場 (0x8e0a). */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), 2);
  sa_test_flush ();
  g_assert_cmpstr (sa_activity_filter_get_organization_id (fixture->filter), ==, odoriba);
  assert_cell (fixture, "2012-05-20", "20\n健康体操教室");
  g_assert_true (page_shows (fixture, "\n1 activity · 10 participants\n"));

  /* And the other view's changes to the filter show in the drop-down. */
  sa_activity_filter_set_organization_id (fixture->filter, nakagawa);
  sa_test_flush ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop)), ==, 1);
  assert_cell (fixture, "2012-05-20", "20\nふれあいサロン");
  sa_activity_filter_clear (fixture->filter);
  sa_test_flush ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop)), ==, 0);
  assert_cell (fixture, "2012-05-20", "20\nふれあいサロン\n健康体操教室");
}

static void
test_move_by_drag (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = add_activity (fixture, "2012-05-20", "10:00", "ふれあいサロン", 25, NULL);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) dragged = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GtkEventController *source, *target;
  gboolean handled = FALSE;
  double x, y;

  go_to (fixture, "2012-05-20");
  assert_cell (fixture, "2012-05-20", "20\nふれあいサロン");

  /* The chip gives the record's id to a drag. */
  source = find_controller (GTK_WIDGET (fixture->grid), GTK_TYPE_DRAG_SOURCE);
  g_assert_true (sa_month_grid_get_chip_center (fixture->grid, id, &x, &y));
  g_signal_emit_by_name (source, "prepare", x, y, &provider);
  g_assert_nonnull (provider);
  g_value_init (&dragged, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (provider, &dragged, &error));
  g_assert_cmpstr (g_value_get_string (&dragged), ==, id);

  /* Dropped on the 23rd, the record moves there, and the selection with it. */
  target = find_controller (GTK_WIDGET (fixture->grid), GTK_TYPE_DROP_TARGET);
  cell_point (fixture, "2012-05-23", &x, &y);
  g_signal_emit_by_name (target, "drop", &dragged, x, y, &handled);
  sa_test_flush ();
  g_assert_true (handled);
  g_assert_cmpstr (stored_date (fixture, id), ==, "2012-05-23");
  assert_cell (fixture, "2012-05-20", "20");
  assert_cell (fixture, "2012-05-23", "23\nふれあいサロン");
  assert_selected (fixture, "2012-05-23");
  g_assert_cmpstr (sa_month_grid_get_selected_activity (fixture->grid), ==, id);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->toasts, 0), ==, "Moved “ふれあいサロン” to Wednesday, May 23");
  g_assert_cmpstr (sa_undo_stack_get_undo_label (fixture->undo_stack), ==, "Move “ふれあいサロン”");

  g_assert_true (sa_undo_stack_undo (fixture->undo_stack, &error));
  sa_test_flush ();
  g_assert_cmpstr (stored_date (fixture, id), ==, "2012-05-20");
  assert_cell (fixture, "2012-05-20", "20\nふれあいサロン");
  assert_cell (fixture, "2012-05-23", "23");

  /* Text from elsewhere that names no record is refused, and nothing changes. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "not an activity");
  cell_point (fixture, "2012-05-24", &x, &y);
  g_signal_emit_by_name (target, "drop", &value, x, y, &handled);
  g_assert_false (handled);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
}

static void
test_move_by_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *first = add_activity (fixture, "2012-05-20", "09:00", "見守り訪問", 3, NULL);
  g_autofree char *second = add_activity (fixture, "2012-05-20", "10:00", "ふれあいサロン", 25, NULL);
  GtkWidget *grid = GTK_WIDGET (fixture->grid);
  GtkWidget *list;
  g_autoptr(GError) error = NULL;

  go_to (fixture, "2012-05-20");
  g_assert_cmpstr (sa_month_grid_get_selected_activity (fixture->grid), ==, first);

  /* The day's list chooses which record the keys move. */
  list = sa_test_find (GTK_WIDGET (fixture->page), sa_test_is_list_view, NULL);
  g_assert_nonnull (list);
  gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), 1, TRUE);
  sa_test_flush ();
  g_assert_cmpstr (sa_month_grid_get_selected_activity (fixture->grid), ==, second);

  gtk_widget_grab_focus (grid);
  g_assert_true (sa_test_press_key (grid, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (stored_date (fixture, second), ==, "2012-05-21");
  assert_selected (fixture, "2012-05-21");
  g_assert_true (sa_test_press_key (grid, GDK_KEY_Down, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (stored_date (fixture, second), ==, "2012-05-28");
  g_assert_true (sa_test_press_key (grid, GDK_KEY_Down, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (stored_date (fixture, second), ==, "2012-06-04");
  g_assert_cmpstr (month_heading (fixture), ==, "June 2012");
  assert_cell (fixture, "2012-06-04", "4\nふれあいサロン");
  g_assert_cmpstr (stored_date (fixture, first), ==, "2012-05-20");

  /* The same keys in the day's list. */
  g_assert_true (sa_test_press_key (list, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (stored_date (fixture, second), ==, "2012-06-03");

  for (int i = 0; i < 4; i++)
    g_assert_true (sa_undo_stack_undo (fixture->undo_stack, &error));
  sa_test_flush ();
  g_assert_cmpstr (stored_date (fixture, second), ==, "2012-05-20");
  g_assert_false (sa_undo_stack_get_can_undo (fixture->undo_stack));

  /* A day without records has nothing to move. */
  go_to (fixture, "2012-05-22");
  g_assert_null (sa_month_grid_get_selected_activity (fixture->grid));
  g_assert_false (sa_month_grid_move_selected_activity (fixture->grid, 1));
}

static SaActivityForm *
take_form (void)
{
  GtkWidget *form = sa_test_find_toplevel (SA_TYPE_ACTIVITY_FORM);

  g_assert_nonnull (form);
  return SA_ACTIVITY_FORM (form);
}

static const char *
form_date (SaActivityForm *form)
{
  GtkWidget *row = sa_test_find (GTK_WIDGET (form), sa_test_is_row_titled, "Date");

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
close_form (SaActivityForm *form)
{
  gtk_window_destroy (GTK_WINDOW (form));
  sa_test_flush ();
  g_assert_null (sa_test_find_toplevel (SA_TYPE_ACTIVITY_FORM));
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = add_activity (fixture, "2012-05-20", "10:00", "ふれあいサロン", 25, NULL);
  g_autoptr(GPtrArray) saved = NULL;
  SaActivityForm *form;
  double x, y;

  /* Enter on a day opens the form for a new record on that day. */
  go_to (fixture, "2012-05-22");
  gtk_widget_grab_focus (GTK_WIDGET (fixture->grid));
  g_assert_true (sa_test_press_key (GTK_WIDGET (fixture->grid), GDK_KEY_Return, 0));
  form = take_form ();
  g_assert_null (sa_activity_form_get_activity_id (form));
  g_assert_cmpstr (form_date (form), ==, "2012-05-22");
  close_form (form);

  /* So does a double click on the free part of a day, which it selects. */
  cell_point (fixture, "2012-05-24", &x, &y);
  click_grid (fixture, x, y, 2);
  assert_selected (fixture, "2012-05-24");
  form = take_form ();
  g_assert_cmpstr (form_date (form), ==, "2012-05-24");
  close_form (form);

  /* A click on a chip opens its record. */
  g_assert_true (sa_month_grid_get_chip_center (fixture->grid, id, &x, &y));
  click_grid (fixture, x, y, 1);
  assert_selected (fixture, "2012-05-20");
  form = take_form ();
  g_assert_cmpstr (sa_activity_form_get_activity_id (form), ==, id);
  g_assert_cmpstr (form_date (form), ==, "2012-05-20");
  close_form (form);

  /* A record saved for another month takes the calendar there, selected. */
  sa_test_click (GTK_WIDGET (fixture->page), "Add an activity record on the selected day (Enter in the calendar)");
  form = take_form ();
  g_assert_cmpstr (form_date (form), ==, "2012-05-20");
  sa_test_type_into (GTK_WIDGET (form), "Date", "2012-06-15");
  sa_test_type_into (GTK_WIDGET (form), "Title", "子育てサロン");
  gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL);
  sa_test_wait ();
  g_assert_null (sa_test_find_toplevel (SA_TYPE_ACTIVITY_FORM));
  assert_selected (fixture, "2012-06-15");
  assert_cell (fixture, "2012-06-15", "15\n子育てサロン");
  saved = sa_store_list_activities (fixture->store, "2012-06-15", "2012-06-15", NULL);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpstr (sa_month_grid_get_selected_activity (fixture->grid), ==,
                   sa_record_get_id (g_ptr_array_index (saved, 0)));
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  g_free (add_activity (fixture, "2019-05-03", "10:00", "ふれあいサロン", 25, NULL));
  go_to (fixture, "2019-05-03");

  gtk_test_accessible_assert_role (fixture->grid, GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_property (fixture->grid, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Friday, May 3, 2019, 憲法記念日, 1 activity");
  gtk_test_accessible_assert_property (fixture->grid, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "ふれあいサロン");
  g_assert_true (sa_test_press_key (GTK_WIDGET (fixture->grid), GDK_KEY_Right, 0));
  gtk_test_accessible_assert_property (fixture->grid, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Saturday, May 4, 2019, みどりの日, no activities");
}

static void
test_text (void)
{
  GDate date;

  g_assert_cmpint (sa_date_text_month_style (SA_YEAR_FORMAT_FY), ==, SA_CALENDAR_STYLE_WESTERN);
  g_assert_cmpint (sa_date_text_month_style (SA_YEAR_FORMAT_ERA), ==, SA_CALENDAR_STYLE_ERA);
  g_assert_cmpint (sa_date_text_month_style (SA_YEAR_FORMAT_ERA_WESTERN), ==, SA_CALENDAR_STYLE_ERA);
  assert_owned_str (sa_date_text_month (2012, G_DATE_MAY, SA_CALENDAR_STYLE_WESTERN), "May 2012");
  assert_owned_str (sa_date_text_month (2012, G_DATE_MAY, SA_CALENDAR_STYLE_ERA), "平成24年5月");
  assert_owned_str (sa_date_text_month (2019, G_DATE_APRIL, SA_CALENDAR_STYLE_ERA), "平成31年4月");
  assert_owned_str (sa_date_text_month (1989, G_DATE_FEBRUARY, SA_CALENDAR_STYLE_ERA), "平成元年2月");

  /* Japanese is written by our code, whatever the C library's locale. */
  g_setenv ("LANGUAGE", "ja", TRUE);
  g_assert_true (sa_date_text_is_japanese ());
  g_assert_cmpint (sa_date_text_month_style (SA_YEAR_FORMAT_WESTERN), ==, SA_CALENDAR_STYLE_WESTERN);
  assert_owned_str (sa_date_text_month (2012, G_DATE_MAY, SA_CALENDAR_STYLE_WESTERN), "2012年5月");
  assert_owned_str (sa_date_text_month (2019, G_DATE_MAY, SA_CALENDAR_STYLE_ERA), "令和元年5月");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, G_DATE_MAY, 2012);
  assert_owned_str (sa_date_text_day (&date), "5月20日(日)");
  g_assert_cmpstr (sa_date_text_weekday_abbr (G_DATE_SATURDAY), ==, "土");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_false (sa_date_text_is_japanese ());
}

int
main (int    argc,
      char **argv)
{
  /* GTK's test backend keeps what the grid tells assistive technology, to be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  sa_test_gui_init (&argc, &argv);

  g_test_add_func ("/calendar/text", test_text);
#define ADD(path, func) g_test_add ("/calendar/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("navigation", test_navigation);
  ADD ("keyboard-selection", test_keyboard_selection);
  ADD ("cells", test_cells);
  ADD ("day-list-and-summary", test_day_list_and_summary);
  ADD ("filter", test_filter);
  ADD ("activate", test_activate);
  ADD ("move-by-drag", test_move_by_drag);
  ADD ("move-by-keyboard", test_move_by_keyboard);
  ADD ("accessible", test_accessible);
#undef ADD

  return g_test_run ();
}
