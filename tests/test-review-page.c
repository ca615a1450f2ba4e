/* test-review-page.c: the Review view through its real widgets: the year's rows and
 * their totals, rating and writing a review, undo, another program's write, the empty
 * states, the year keys and what a screen reader is told
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-district.h"
#include "sa-import.h"
#include "sa-plan.h"
#include "sa-review-item.h"
#include "sa-rating-scale-dialog.h"
#include "sa-rating-level.h"
#include "sa-review-page.h"
#include "sa-store-plans.h"
#include "sa-store-review.h"
#include "sa-test-gui.h"
#include "sa-window.h"

/* Commitments of the sample plan, scheduled every year of it. */
#define GREETING "7543f81e-911f-5a24-ad22-322bcd002554"  /* 区役所: あいさつ運動, target 全地区 */
#define EXAMPLES "ad5506dd-a615-5285-a5d1-8a76c1cbf9b9"  /* 区役所: 助け合いの活動を紹介する */
#define PLACES   "0db57887-e98e-5d43-803c-e946dc551f32"  /* 区役所: 居場所, target 6か所 */
#define YEAR     2015

typedef struct
{
  char         *path;
  SaStore      *store;
  SaContext    *context;
  SaUndoStack  *undo_stack;     /* the context's */
  SaReviewPage *page;
  GtkWidget    *window;
} Fixture;

/* ---- helpers --------------------------------------------------------------------- */


static gboolean
is_item_of (GtkWidget  *widget,
            const char *commitment_id)
{
  return SA_IS_REVIEW_ITEM (widget) &&
         g_strcmp0 (sa_review_item_get_commitment_id (SA_REVIEW_ITEM (widget)), commitment_id) == 0;
}

static gboolean
is_combo_titled (GtkWidget  *widget,
                 const char *title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_text_view (GtkWidget  *widget,
              const char *text)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
is_review_page (GtkWidget  *widget,
                const char *text)
{
  return SA_IS_REVIEW_PAGE (widget);
}

static gboolean
is_label (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_drop_down (GtkWidget  *widget,
              const char *text)
{
  return GTK_IS_DROP_DOWN (widget);
}

static gboolean
is_action_row_titled (GtkWidget  *widget,
                      const char *title)
{
  return ADW_IS_ACTION_ROW (widget) && !ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
item_of (Fixture    *f,
         const char *commitment_id)
{
  GtkWidget *item = sa_test_find_any (GTK_WIDGET (f->page), is_item_of, commitment_id);

  g_assert_nonnull (item);
  return item;
}

/* The item's text views: results first, then issues. */
static GtkTextView *
text_view (GtkWidget *item,
           guint      n)
{
  GtkWidget *view = sa_test_find_any (item, is_text_view, NULL);

  g_assert_nonnull (view);
  if (n == 1)
    {
      GtkWidget *frame_row = gtk_widget_get_ancestor (view, GTK_TYPE_LIST_BOX_ROW);

      view = NULL;
      for (GtkWidget *row = gtk_widget_get_next_sibling (frame_row); row && !view; row = gtk_widget_get_next_sibling (row))
        view = sa_test_find_any (row, is_text_view, NULL);
      g_assert_nonnull (view);
    }
  return GTK_TEXT_VIEW (view);
}

static char *
view_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
}

static char *
stored (SaStore        *store,
        const char     *commitment_id,
        SaReviewColumn  column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaReview) review = sa_store_dup_review (store, commitment_id, YEAR, &error);

  g_assert_no_error (error);
  return g_strdup (sa_record_get_text (SA_RECORD (review), column));
}

/* Runs the main loop until @column of the review reads @text: the page saves a text
 * after a pause. */
static void
wait_stored (SaStore        *store,
             const char     *commitment_id,
             SaReviewColumn  column,
             const char     *text)
{
  gint64 deadline = g_get_monotonic_time () + SA_TEST_TIMEOUT;

  for (;;)
    {
      g_autofree char *value = stored (store, commitment_id, column);

      if (g_strcmp0 (value, text) == 0)
        return;
      g_assert_true (sa_test_iterate (deadline));
    }
}

static void
add_activity (SaStore    *store,
              const char *date,
              const char *district_id,
              int         participants,
              int         volunteers,
              const char *commitment_id)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  const char *links[] = { commitment_id, NULL };
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "あいさつ運動");
  sa_record_set_text (activity, SA_ACTIVITY_DISTRICT_ID, district_id);
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, participants);
  sa_record_set_int (activity, SA_ACTIVITY_VOLUNTEERS, volunteers);
  g_assert_true (sa_store_insert (store, activity, &error));
  g_assert_true (sa_store_set_activity_commitments (store, sa_record_get_id (activity), links, &error));
  g_assert_no_error (error);
}

static char *
add_district (SaStore    *store,
              const char *name)
{
  g_autoptr(SaRecord) district = SA_RECORD (sa_district_new ());
  g_autoptr(GError) error = NULL;

  sa_record_set_text (district, SA_DISTRICT_NAME, name);
  g_assert_true (sa_store_insert (store, district, &error));
  return g_strdup (sa_record_get_id (district));
}

/* The sample plan with FY2015 activities: three in two of four districts for the
 * greeting campaign, and one on the last day of FY2014 that must not count. */
static void
add_activities (SaStore *store)
{
  g_autofree char *north = add_district (store, "北部地区");
  g_autofree char *south = add_district (store, "南部地区");
  g_autofree char *east = add_district (store, "東部地区");
  g_autofree char *west = add_district (store, "西部地区");

  add_activity (store, "2015-05-12", north, 40, 8, GREETING);
  add_activity (store, "2015-10-14", south, 28, 5, GREETING);
  add_activity (store, "2016-03-31", north, 12, 1, GREETING);
  add_activity (store, "2015-03-31", east, 99, 9, GREETING);
  add_activity (store, "2015-07-03", west, 22, 3, EXAMPLES);
}

static void
show_page (Fixture *f)
{
  f->page = sa_review_page_new (f->context);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  sa_test_wait ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  sample)
{
  g_autoptr(GError) error = NULL;
  SaImportReport report;

  f->path = sa_test_temp_db ();
  f->store = sa_store_create (f->path, &error);
  g_assert_no_error (error);
  if (sample != NULL)
    {
      g_assert_true (sa_import_sample (f->store, &report, &error));
      add_activities (f->store);
    }
  f->context = sa_context_new (f->store);
  f->undo_stack = g_object_ref (sa_context_get_undo_stack (f->context));
  show_page (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(GDir) folder = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  sa_test_wait ();
  g_assert_finalize_object (f->context);
  g_assert_finalize_object (f->undo_stack);
  g_assert_finalize_object (f->store);
  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (dir);
  g_free (f->path);
}

/* ---- the rows -------------------------------------------------------------------- */

/* Every commitment scheduled in the year is shown with the totals and progress the
 * store counts; the year is today's, clamped to the plan's last. */
static void
test_rows_show_totals (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = sa_store_resolve_plan (f->store, NULL, &error);
  g_autoptr(GPtrArray) rows = sa_store_list_review_rows (f->store, plan_id, YEAR, &error);
  g_autofree char *text = sa_test_collect_text (f->window);
  GtkWidget *dropdown = sa_test_find_any (GTK_WIDGET (f->page), is_drop_down, NULL);
  GtkStringObject *year = GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown)));
  gboolean counted = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (sa_review_page_get_fiscal_year (f->page), ==, YEAR);
  g_assert_cmpstr (gtk_string_object_get_string (year), ==, "FY2015");
  g_assert_cmpuint (rows->len, ==, 18);
  g_assert_nonnull (strstr (text, "Basic Goal 1  ちょっとした困りごとをご近所の支え合いで解決できる関係をつくろう"));
  g_assert_nonnull (strstr (text, "区社協"));
  g_assert_nonnull (strstr (text, "18 commitments · 0 rated"));

  for (guint i = 0; i < rows->len; i++)
    {
      SaReviewRow *row = g_ptr_array_index (rows, i);
      GtkWidget *item = item_of (f, row->commitment_id);
      GtkWidget *target = sa_test_find_any (item, is_action_row_titled, "Target");
      g_autofree char *totals = g_strdup_printf ("Activities %d · Participants %d · Volunteers %d",
                                                 (int) row->activities, (int) row->participants,
                                                 (int) row->volunteers);
      g_autofree char *progress = sa_review_item_format_target (row);

      g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item)), totals));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (target)), ==, progress);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item)), ==, row->text);
      counted |= row->activities > 0;
    }
  g_assert_true (counted);

  /* What a person reads: three greetings of FY2015, up to 31 March 2016, not the one of
   * 31 March 2015. */
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item_of (f, GREETING))),
                                   "Activities 3 · Participants 80 · Volunteers 14\nTarget: 全地区"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sa_test_find_any (item_of (f, PLACES), is_action_row_titled, "Target"))),
                            "6か所"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sa_test_find_any (item_of (f, EXAMPLES), is_action_row_titled, "Target"))),
                   ==, "—");
}

/* ---- editing and undo ------------------------------------------------------------ */

static void
test_rate_and_write (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *item = item_of (f, GREETING);
  GtkWidget *rating, *next;
  GtkTextView *results;
  g_autofree char *value = NULL, *summary = NULL;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item), TRUE);
  sa_test_wait ();
  rating = sa_test_find_any (item, is_combo_titled, "Rating");
  next = sa_test_find_any (item, is_combo_titled, "Next Year");
  results = text_view (item, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rating)), ==, 0);

  /* A choice is saved when it is made. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rating), 2);
  g_assert_cmpstr ((value = stored (f->store, GREETING, SA_REVIEW_RATING)), ==, "B");
  g_clear_pointer (&value, g_free);
  adw_combo_row_set_selected (ADW_COMBO_ROW (next), 2);
  g_assert_cmpstr ((value = stored (f->store, GREETING, SA_REVIEW_NEXT)), ==, "expand");
  g_clear_pointer (&value, g_free);

  /* A text is saved after a pause, not on every key. */
  type_text (results, "3地区で実施した。");
  sa_test_flush ();
  g_assert_null ((value = stored (f->store, GREETING, SA_REVIEW_RESULTS)));
  wait_stored (f->store, GREETING, SA_REVIEW_RESULTS, "3地区で実施した。");
  g_assert_cmpstr ((value = stored (f->store, GREETING, SA_REVIEW_RESULTS)), ==, "3地区で実施した。");
  g_clear_pointer (&value, g_free);
  g_assert_cmpstr (sa_undo_stack_get_undo_label (f->undo_stack), ==, "Edit Review");

  /* Leaving the field saves at once. */
  type_text (text_view (item, 1), "東部地区が残る。");
  gtk_widget_grab_focus (GTK_WIDGET (text_view (item, 1)));
  gtk_widget_grab_focus (rating);
  sa_test_flush ();
  g_assert_cmpstr ((value = stored (f->store, GREETING, SA_REVIEW_ISSUES)), ==, "東部地区が残る。");

  sa_test_flush ();
  summary = sa_test_collect_text (f->window);
  g_assert_nonnull (strstr (summary, "18 commitments · 1 rated"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sa_test_find_any (item, is_label, "B"))), ==, "B");
}

/* Each save is one step of the undo stack: undoing takes back the text, then the
 * choices, in the store and on the page. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *item = item_of (f, GREETING);
  GtkWidget *rating;
  GtkTextView *results;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL, *shown = NULL;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item), TRUE);
  sa_test_wait ();
  rating = sa_test_find_any (item, is_combo_titled, "Rating");
  results = text_view (item, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (rating), 1);
  type_text (results, "延べ68人が参加した。");
  sa_review_item_save_pending (SA_REVIEW_ITEM (item));
  g_assert_cmpstr ((value = stored (f->store, GREETING, SA_REVIEW_RESULTS)), ==, "延べ68人が参加した。");
  g_clear_pointer (&value, g_free);

  g_assert_true (sa_undo_stack_undo (f->undo_stack, &error));
  sa_test_flush ();
  g_assert_null ((value = stored (f->store, GREETING, SA_REVIEW_RESULTS)));
  g_assert_cmpstr ((shown = view_text (results)), ==, "");
  g_assert_cmpstr ((value = stored (f->store, GREETING, SA_REVIEW_RATING)), ==, "A");
  g_clear_pointer (&value, g_free);

  g_assert_true (sa_undo_stack_undo (f->undo_stack, &error));
  sa_test_flush ();
  g_assert_null ((value = stored (f->store, GREETING, SA_REVIEW_RATING)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rating)), ==, 0);
  g_assert_false (sa_undo_stack_get_can_undo (f->undo_stack));

  g_assert_true (sa_undo_stack_redo (f->undo_stack, &error));
  sa_test_flush ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rating)), ==, 1);
  g_assert_no_error (error);
}

/* In the window, Ctrl+Z (win.undo) takes back a rating chosen on the Review page. */
static void
test_window_undo (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autofree char *value = NULL;
  SaImportReport report;
  GtkWidget *window, *page, *item, *rating;

  g_assert_true (sa_import_sample (store, &report, &error));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  /* The page is built when first shown. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (sa_test_find_type (window, ADW_TYPE_VIEW_STACK)), "review");
  sa_test_wait ();
  page = sa_test_find_any (window, is_review_page, NULL);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));

  item = item_of (&(Fixture) { .page = SA_REVIEW_PAGE (page) }, EXAMPLES);
  rating = sa_test_find_any (item, is_combo_titled, "Rating");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rating), 3);
  g_assert_cmpstr ((value = stored (store, EXAMPLES, SA_REVIEW_RATING)), ==, "C");
  g_clear_pointer (&value, g_free);

  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  /* The page reads again in an idle, which a busy machine runs late. */
  SA_TEST_WAIT_FOR (adw_combo_row_get_selected (ADW_COMBO_ROW (rating)) == 0);
  g_assert_null ((value = stored (store, EXAMPLES, SA_REVIEW_RATING)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rating)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* ---- other programs -------------------------------------------------------------- */

/* A review written by another connection (sasaeai-cli review set) appears without
 * reopening; the text the person is typing in the same review stays. */
static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *item = item_of (f, GREETING);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) other = sa_store_open (f->path, &error);
  g_autoptr(SaReview) review = NULL;
  g_autofree char *results = NULL, *issues = NULL, *value = NULL;
  GtkTextView *issues_view;

  g_assert_no_error (error);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item), TRUE);
  sa_test_wait ();
  issues_view = text_view (item, 1);
  gtk_widget_grab_focus (GTK_WIDGET (issues_view));
  type_text (issues_view, "入力中の課題");

  review = sa_store_dup_review (other, GREETING, YEAR, &error);
  sa_record_set_text (SA_RECORD (review), SA_REVIEW_RATING, "D");
  sa_record_set_text (SA_RECORD (review), SA_REVIEW_RESULTS, "別の端末で書いた実績");
  sa_record_set_text (SA_RECORD (review), SA_REVIEW_ISSUES, "別の端末で書いた課題");
  g_assert_true (sa_store_save_review (other, review, &error));

  /* What the window's watcher does when the database's -wal file changes. */
  sa_store_refresh (f->store);
  sa_test_flush ();
  g_assert_cmpstr ((results = view_text (text_view (item, 0))), ==, "別の端末で書いた実績");
  g_assert_cmpstr ((issues = view_text (issues_view)), ==, "入力中の課題");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sa_test_find_any (item, is_combo_titled, "Rating"))), ==, 4);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (issues_view)));

  /* The person's text is saved at the pause, as they typed it. */
  wait_stored (f->store, GREETING, SA_REVIEW_ISSUES, "入力中の課題");
  g_assert_cmpstr ((value = stored (f->store, GREETING, SA_REVIEW_ISSUES)), ==, "入力中の課題");
}

/* ---- the year, empty states, keys and names ------------------------------------- */

static void
test_year_keys (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *dropdown = sa_test_find_any (GTK_WIDGET (f->page), is_drop_down, NULL);

  sa_test_press_key (GTK_WIDGET (f->page), GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_cmpint (sa_review_page_get_fiscal_year (f->page), ==, YEAR - 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, YEAR - 1 - 2010);
  /* 2014's greetings: only the one of March 2015. */
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item_of (f, GREETING))),
                                   "Activities 1 · Participants 99 · Volunteers 9\n"));
  sa_test_press_key (GTK_WIDGET (f->page), GDK_KEY_Right, GDK_ALT_MASK);
  sa_test_press_key (GTK_WIDGET (f->page), GDK_KEY_Right, GDK_ALT_MASK);
  g_assert_cmpint (sa_review_page_get_fiscal_year (f->page), ==, YEAR);
  g_assert_false (gtk_widget_is_sensitive (sa_test_find_any (GTK_WIDGET (f->page), sa_test_has_tooltip,
                                                    "Next Fiscal Year (Alt+Right)")));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  sa_test_flush ();
  g_assert_cmpint (sa_review_page_get_fiscal_year (f->page), ==, 2010);
}

static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *item = item_of (f, GREETING);
  const char *text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item));
  g_autofree char *rating = g_strdup_printf ("Rating for %s", text);
  g_autofree char *results = g_strdup_printf ("Results for %s", text);
  g_autofree char *issues = g_strdup_printf ("Issues for %s", text);
  g_autofree char *next = g_strdup_printf ("Next year for %s", text);

  gtk_test_accessible_assert_property (sa_test_find_any (item, is_combo_titled, "Rating"), GTK_ACCESSIBLE_PROPERTY_LABEL, rating);
  gtk_test_accessible_assert_property (text_view (item, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, results);
  gtk_test_accessible_assert_property (text_view (item, 1), GTK_ACCESSIBLE_PROPERTY_LABEL, issues);
  gtk_test_accessible_assert_property (sa_test_find_any (item, is_combo_titled, "Next Year"), GTK_ACCESSIBLE_PROPERTY_LABEL, next);
  gtk_test_accessible_assert_property (sa_test_find_any (GTK_WIDGET (f->page), is_drop_down, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Fiscal year reviewed");
  gtk_test_accessible_assert_property (sa_test_find_any (GTK_WIDGET (f->page), sa_test_has_tooltip, "Previous Fiscal Year (Alt+Left)"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Previous fiscal year");
  /* Tab leaves a text field instead of typing a tab. */
  g_assert_false (gtk_text_view_get_accepts_tab (text_view (item, 0)));
}

/* No plan, then a plan without commitments in its years: each says what to do. */
static void
test_empty_states (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SaRecord) plan = sa_record_new (&sa_plan_table);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (sa_test_find (f->window, sa_test_is_status_titled, "No Plan Yet"));
  sa_record_set_text (plan, SA_PLAN_TITLE, "泉区地域福祉保健計画");
  sa_record_set_int (plan, SA_PLAN_FIRST_FY, 2015);
  sa_record_set_int (plan, SA_PLAN_LAST_FY, 2019);
  g_assert_true (sa_store_insert (f->store, plan, &error));
  sa_test_flush ();
  g_assert_null (sa_test_find (f->window, sa_test_is_status_titled, "No Plan Yet"));
  g_assert_nonnull (sa_test_find (f->window, sa_test_is_status_titled, "Nothing to Review"));
  g_assert_cmpint (sa_review_page_get_fiscal_year (f->page), ==, 2019);
}

/* Rating Scale…: a scale that leaves out a level in use is refused, saying so, and
 * nothing changes; the marks ◎○△× are taken once no review uses a letter. */
static void
test_rating_scale (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaReview) review = sa_store_dup_review (f->store, GREETING, YEAR, &error);
  g_autofree char *plan_id = sa_store_resolve_plan (f->store, NULL, &error);
  g_autoptr(GPtrArray) levels = NULL;
  GtkWidget *dialog, *problem;

  sa_record_set_text (SA_RECORD (review), SA_REVIEW_RATING, "B");
  g_assert_true (sa_store_save_review (f->store, review, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.scale", NULL));
  dialog = sa_test_find_toplevel (SA_TYPE_RATING_SCALE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "scale.preset", "s", "marks"));
  g_assert_true (gtk_widget_activate_action (dialog, "scale.save", NULL));
  sa_test_wait ();
  g_assert_true (sa_test_find_toplevel (SA_TYPE_RATING_SCALE_DIALOG) == dialog);
  problem = sa_test_find (dialog, sa_test_is_error_label, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (problem))));
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (problem)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "B"));
  levels = sa_store_list_rating_levels (f->store, plan_id, &error);
  g_assert_cmpstr (sa_record_get_text (g_ptr_array_index (levels, 0), SA_RATING_LEVEL_CODE), ==, "A");
  g_clear_pointer (&levels, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (dialog));

  sa_record_set_null (SA_RECORD (review), SA_REVIEW_RATING);
  g_assert_true (sa_store_save_review (f->store, review, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.scale", NULL));
  dialog = sa_test_find_toplevel (SA_TYPE_RATING_SCALE_DIALOG);
  g_assert_true (gtk_widget_activate_action (dialog, "scale.preset", "s", "marks"));
  g_assert_true (gtk_widget_activate_action (dialog, "scale.save", NULL));
  sa_test_wait ();
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RATING_SCALE_DIALOG));
  levels = sa_store_list_rating_levels (f->store, plan_id, &error);
  g_assert_cmpuint (levels->len, ==, 4);
  g_assert_cmpstr (sa_record_get_text (g_ptr_array_index (levels, 0), SA_RATING_LEVEL_CODE), ==, "◎");
  g_assert_cmpstr (sa_record_get_text (g_ptr_array_index (levels, 3), SA_RATING_LEVEL_CODE), ==, "×");
}

/* The year's totals are grouped in thousands as the locale writes numbers: "35,649"
 * under ja_JP, as the log's footer gives them. */
static void
test_totals_grouped (void)
{
  SaReviewRow row = { .activities = 892, .participants = 35649, .volunteers = 6224 };
  g_autofree char *c_text = sa_review_item_format_totals (&row);
  g_autofree char *ja_text = NULL;
  g_autofree char *previous = g_strdup (setlocale (LC_NUMERIC, NULL));

  g_assert_cmpstr (c_text, ==, "Activities 892 · Participants 35649 · Volunteers 6224");
  if (setlocale (LC_NUMERIC, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed");
      return;
    }
  ja_text = sa_review_item_format_totals (&row);
  setlocale (LC_NUMERIC, previous);
  g_assert_cmpstr (ja_text, ==, "Activities 892 · Participants 35,649 · Volunteers 6,224");
}

int
main (int   argc,
      char *argv[])
{
  sa_test_gui_init (&argc, &argv);

  g_test_add ("/review-page/rows-show-totals", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_rows_show_totals, fixture_tear_down);
  g_test_add ("/review-page/rate-and-write", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_rate_and_write, fixture_tear_down);
  g_test_add ("/review-page/undo", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_undo, fixture_tear_down);
  g_test_add_func ("/review-page/window-undo", test_window_undo);
  g_test_add_func ("/review-page/totals-grouped", test_totals_grouped);
  g_test_add ("/review-page/other-program", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_other_program, fixture_tear_down);
  g_test_add ("/review-page/year-keys", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_year_keys, fixture_tear_down);
  g_test_add ("/review-page/accessible-names", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_accessible_names, fixture_tear_down);
  g_test_add ("/review-page/rating-scale", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_rating_scale, fixture_tear_down);
  g_test_add ("/review-page/empty-states", Fixture, NULL, fixture_set_up, test_empty_states, fixture_tear_down);

  return g_test_run ();
}
