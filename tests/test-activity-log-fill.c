/* test-activity-log-fill.c: the activity log filling after the window is shown
 *
 * The log takes its items sorted from the loading thread and lets their rows into
 * the list a few at a time: the rows must come in steps, in the order a sort of
 * every item on the main thread gives, and what the store writes meanwhile must
 * show once the log is filled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "activity-fixture.h"
#include "sa-activity-item.h"
#include "sa-activity-log.h"
#include "sa-activity.h"
#include "sa-slot.h"
#include "sa-test-gui.h"

/* More than the 200 rows a list view makes widgets for, so that the fill takes
 * several steps. */
#define N_ACTIVITIES 600

typedef struct
{
  char      *path;
  SaStore   *store;
  SaContext *context;
  GtkWidget *window;
  GtkWidget *log;
  GArray    *counts;  /* the rows the list view had after each change while filling */
} Fixture;

static void
spin (void)
{
  for (guint i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkColumnView *
column_view (Fixture *fixture)
{
  return GTK_COLUMN_VIEW (sa_test_find_id (fixture->log, "column_view"));
}

/* The rows the list view shows, as it sees them. */
static GListModel *
rows (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_column_view_get_model (column_view (fixture)));
}

static void
on_rows_changed (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Fixture    *fixture)
{
  guint n = g_list_model_get_n_items (model);

  if (sa_activity_log_is_loading (SA_ACTIVITY_LOG (fixture->log)))
    g_array_append_val (fixture->counts, n);
}

/* Opens a log in a window, sorted by @column (NULL: newest first) before its items
 * are read. */
static void
open_log (Fixture    *fixture,
          const char *column,
          GtkSortType order)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  fixture->log = sa_activity_log_new (fixture->context);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->log);
  g_signal_connect (rows (fixture), "items-changed", G_CALLBACK (on_rows_changed), fixture);
  if (column != NULL)
    {
      GListModel *columns = gtk_column_view_get_columns (column_view (fixture));

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) each = g_list_model_get_item (columns, i);

          if (g_str_equal (gtk_column_view_column_get_title (each), column))
            gtk_column_view_sort_by_column (column_view (fixture), each, order);
        }
    }
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (sa_activity_log_is_loading (SA_ACTIVITY_LOG (fixture->log)));
}

static void
close_log (Fixture *fixture)
{
  g_signal_handlers_disconnect_by_func (rows (fixture), on_rows_changed, fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  fixture->window = fixture->log = NULL;
  g_array_set_size (fixture->counts, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = fixture_temp_db ("log-fill");
  fixture->store = sa_store_create (fixture->path, &error);
  g_assert_no_error (error);
  fixture_add_places (fixture->store);
  fixture_add_activities (fixture->store, N_ACTIVITIES, 20261206);
  fixture->context = sa_context_new (fixture->store);
  fixture->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  /* The list's widgets are made as rows come in, not animated away. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_log (fixture);
  g_array_unref (fixture->counts);
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->store);
  fixture_remove_db (fixture->path);
  g_free (fixture->path);
}

static GPtrArray *
shown_ids (Fixture *fixture)
{
  GListModel *shown = sa_activity_log_get_model (SA_ACTIVITY_LOG (fixture->log));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(SaActivityItem) item = g_list_model_get_item (shown, i);
      g_ptr_array_add (ids, g_strdup (sa_activity_item_get_id (item)));
    }
  return ids;
}

static const char *
footer_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (sa_test_find_id (fixture->log, "footer")));
}

/* The list view got its rows in several steps, none of them all the rows at once,
 * and ended with all of them. */
static void
assert_filled_in_steps (Fixture *fixture,
                        guint    n)
{
  guint partial = 0;

  for (guint i = 0; i < fixture->counts->len; i++)
    partial += g_array_index (fixture->counts, guint, i) < n;
  if (partial < 2)
    g_error ("The list view got %u rows in %u changes while the log filled, %u of them partial",
             n, fixture->counts->len, partial);
  g_assert_cmpuint (g_array_index (fixture->counts, guint, 0), <=, 200);
  g_assert_cmpuint (g_list_model_get_n_items (rows (fixture)), ==, n);
}

/* Filled in steps, sorted by each of a few columns before the items came, the log
 * shows the rows in the order of reading and sorting them all at once on the main
 * thread, as it did before (sa_activity_log_reload()), with the same footer. */
static void
test_in_steps_same_order (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct
  {
    const char  *column;
    GtkSortType  order;
  } sorts[] = {
    { NULL, GTK_SORT_DESCENDING },
    { "Date", GTK_SORT_ASCENDING },
    { "Title", GTK_SORT_ASCENDING },
    { "Participants", GTK_SORT_DESCENDING },
    { "District", GTK_SORT_ASCENDING },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      g_autoptr(GPtrArray) filled = NULL;
      g_autoptr(GPtrArray) reloaded = NULL;
      g_autofree char *footer = NULL;

      g_test_message ("Sorted by %s", sorts[s].column ? sorts[s].column : "default");
      open_log (fixture, sorts[s].column, sorts[s].order);
      SA_TEST_WAIT_FOR (!sa_activity_log_is_loading (SA_ACTIVITY_LOG (fixture->log)));
      spin ();
      assert_filled_in_steps (fixture, N_ACTIVITIES);
      filled = shown_ids (fixture);
      footer = g_strdup (footer_text (fixture));
      g_assert_nonnull (strstr (footer, "600"));

      sa_activity_log_reload (SA_ACTIVITY_LOG (fixture->log));
      spin ();
      reloaded = shown_ids (fixture);
      g_assert_cmpuint (filled->len, ==, N_ACTIVITIES);
      g_assert_cmpuint (reloaded->len, ==, filled->len);
      for (guint i = 0; i < filled->len; i++)
        g_assert_cmpstr (filled->pdata[i], ==, reloaded->pdata[i]);
      g_assert_cmpstr (footer_text (fixture), ==, footer);
      close_log (fixture);
    }
}

/* A row selected and an activity written while the rows come in: once the log is
 * filled, the activity shows, newest first, and the row is still selected. */
static void
test_change_during_fill (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(SaSlot) first = NULL;
  g_autoptr(SaActivityItem) top = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(SaSlot) selected_slot = NULL;
  g_autofree char *first_id = NULL;
  GListModel *shown;

  open_log (fixture, NULL, GTK_SORT_DESCENDING);
  SA_TEST_WAIT_FOR (g_list_model_get_n_items (rows (fixture)) > 0);
  /* The first rows are in, the rest still to come. */
  g_assert_true (sa_activity_log_is_loading (SA_ACTIVITY_LOG (fixture->log)));
  g_assert_cmpuint (g_list_model_get_n_items (rows (fixture)), <, N_ACTIVITIES);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows (fixture)), 0, TRUE);
  first = g_list_model_get_item (rows (fixture), 0);
  first_id = g_strdup (sa_activity_item_get_id (sa_slot_get_item (first)));
  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2099-04-01");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "埋まる間の花見");
  g_assert_true (sa_store_add_activity (fixture->store, activity, NULL, &error));
  g_assert_no_error (error);

  SA_TEST_WAIT_FOR (!sa_activity_log_is_loading (SA_ACTIVITY_LOG (fixture->log)));
  shown = sa_activity_log_get_model (SA_ACTIVITY_LOG (fixture->log));
  SA_TEST_WAIT_FOR (g_list_model_get_n_items (shown) == N_ACTIVITIES + 1);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (rows (fixture)), ==, N_ACTIVITIES + 1);
  top = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (sa_activity_item_get_id (top), ==, sa_record_get_id (activity));
  g_assert_nonnull (strstr (footer_text (fixture), "601"));

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (rows (fixture)));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  selected_slot = g_list_model_get_item (rows (fixture), gtk_bitset_get_minimum (selected));
  g_assert_cmpstr (sa_activity_item_get_id (sa_slot_get_item (selected_slot)), ==, first_id);
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);

  g_test_add ("/activity-log-fill/in-steps-same-order", Fixture, NULL, fixture_set_up, test_in_steps_same_order,
              fixture_tear_down);
  g_test_add ("/activity-log-fill/change-during-fill", Fixture, NULL, fixture_set_up, test_change_during_fill,
              fixture_tear_down);
  return g_test_run ();
}
