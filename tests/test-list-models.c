/* test-list-models.c: the activity log's filter model and slot model, against GTK's
 *
 * Random changes to a list and its filter, checked after each against a
 * GtkFilterListModel over the same list, and against a copy kept up to date only
 * from the items-changed signals each model emits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "sa-activity-item-list.h"
#include "sa-activity-item-private.h"
#include "sa-activity-sort-model.h"
#include "sa-array-filter-model.h"
#include "sa-slot-model.h"
#include "sa-slot.h"

static guint divisor = 1;

/* Numbers that @divisor divides; 0 lets nothing through. */
static gboolean
divides (gpointer item,
         gpointer user_data)
{
  guint value = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);

  return divisor != 0 && value % divisor == 0;
}

static void
add_numbers (GListStore *store,
             guint       position,
             guint       n)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%d", g_test_rand_int_range (0, 1000));
      g_ptr_array_add (added, gtk_string_object_new (text));
    }
  g_list_store_splice (store, position, 0, added->pdata, n);
}

/* Applies items-changed to @copy, as a list view would. */
static void
follow (GListModel *model,
        guint       position,
        guint       removed,
        guint       added,
        GPtrArray  *copy)
{
  g_assert_cmpuint (position + removed, <=, copy->len);
  g_ptr_array_remove_range (copy, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (copy, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (copy->len, ==, g_list_model_get_n_items (model));
}

static void
assert_same_items (GListModel *model,
                   GListModel *expected)
{
  guint n = g_list_model_get_n_items (expected);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (model, i);
      g_autoptr(GObject) b = g_list_model_get_item (expected, i);

      g_assert_true (a == b);
    }
  g_assert_null (g_list_model_get_item (model, n));
}

static void
assert_copy (GPtrArray  *copy,
             GListModel *model)
{
  g_assert_cmpuint (copy->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < copy->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert_true (g_ptr_array_index (copy, i) == item);
    }
}

/* Sets the divisor and tells the filter how that changes what it lets through. */
static void
change_divisor (GtkFilter *filter,
                guint      to)
{
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (divisor != 0 && to != 0 && to % divisor == 0)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (divisor != 0 && to != 0 && divisor % to == 0)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  divisor = to;
  gtk_filter_changed (filter, change);
}

static void
test_filter_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkFilter) filter = GTK_FILTER (gtk_custom_filter_new (divides, NULL, NULL));
  g_autoptr(SaArrayFilterModel) model = NULL;
  g_autoptr(GtkFilterListModel) expected = NULL;
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_object_unref);
  const guint divisors[] = { 0, 1, 2, 3, 4, 6, 12, 1000 };

  divisor = 1;
  add_numbers (store, 0, 50);
  model = sa_array_filter_model_new (g_object_ref (G_LIST_MODEL (store)), g_object_ref (filter));
  expected = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)), g_object_ref (filter));
  follow (G_LIST_MODEL (model), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (model)), copy);
  g_signal_connect (model, "items-changed", G_CALLBACK (follow), copy);

  for (guint round = 0; round < 400; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint position = g_test_rand_int_range (0, n + 1);
      guint count = g_test_rand_int_range (0, 20);

      switch (g_test_rand_int_range (0, 4))
        {
        case 0:
          add_numbers (store, position, count);
          break;
        case 1:
          g_list_store_splice (store, position, MIN (n - position, count), NULL, 0);
          break;
        case 2:
          change_divisor (filter, divisors[g_test_rand_int_range (0, G_N_ELEMENTS (divisors))]);
          break;
        default:
          /* No function lets everything through without asking. */
          gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (filter), NULL, NULL, NULL);
          assert_same_items (G_LIST_MODEL (model), G_LIST_MODEL (store));
          gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (filter), divides, NULL, NULL);
          break;
        }
      assert_same_items (G_LIST_MODEL (model), G_LIST_MODEL (expected));
      assert_copy (copy, G_LIST_MODEL (model));
    }
}

/* Only the span between the rows that stay at either end is reported. */
static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *change)
{
  change[0] = position;
  change[1] = removed;
  change[2] = added;
}

static void
test_filter_model_smallest_change (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkFilter) filter = GTK_FILTER (gtk_custom_filter_new (divides, NULL, NULL));
  g_autoptr(SaArrayFilterModel) model = NULL;
  g_autoptr(GtkStringObject) six = gtk_string_object_new ("6");
  guint change[3] = { 0, 0, 0 };

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GtkStringObject) number = gtk_string_object_new (i % 2 ? "1" : "2");
      g_list_store_append (store, number);
    }
  divisor = 2;
  model = sa_array_filter_model_new (g_object_ref (G_LIST_MODEL (store)), g_object_ref (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), change);

  /* A 6 among the others adds one row; a 1 that goes takes none. */
  g_list_store_insert (store, 4, six);
  g_assert_cmpuint (change[0], ==, 2);
  g_assert_cmpuint (change[1], ==, 0);
  g_assert_cmpuint (change[2], ==, 1);
  change[2] = 99;
  g_list_store_remove (store, 1);
  g_assert_cmpuint (change[2], ==, 99);
}

static void
count_changed (SaSlot *slot,
               guint  *count)
{
  (*count)++;
}

/* Every slot, watched and counting its ::changed in "changes". */
static GPtrArray *
watch_all (SaSlotModel *slots)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (slots)); i++)
    {
      SaSlot *slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      if (g_object_get_data (G_OBJECT (slot), "changes") == NULL)
        {
          g_object_set_data_full (G_OBJECT (slot), "changes", g_new0 (guint, 1), g_free);
          g_signal_connect (slot, "changed", G_CALLBACK (count_changed), g_object_get_data (G_OBJECT (slot), "changes"));
          sa_slot_watch (slot, TRUE);
        }
      *(guint *) g_object_get_data (G_OBJECT (slot), "changes") = 0;
      g_ptr_array_add (all, slot);
    }
  return all;
}

static guint
changes_of (SaSlot *slot)
{
  return *(guint *) g_object_get_data (G_OBJECT (slot), "changes");
}

/* The slots hold the items at their positions, and say they changed only when
 * watched. */
static void
test_slot_model (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(SaSlotModel) slots = NULL;
  g_autoptr(SaSlot) first = NULL;
  g_autoptr(SaSlot) second = NULL;
  g_autoptr(GtkStringObject) other = gtk_string_object_new ("other");
  guint first_changes = 0, second_changes = 0;

  add_numbers (store, 0, 30);
  slots = sa_slot_model_new (g_object_ref (G_LIST_MODEL (store)));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (slots)) == SA_TYPE_SLOT);
  first = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  second = g_list_model_get_item (G_LIST_MODEL (slots), 1);
  sa_slot_watch (first, TRUE);
  g_signal_connect (first, "changed", G_CALLBACK (count_changed), &first_changes);
  g_signal_connect (second, "changed", G_CALLBACK (count_changed), &second_changes);

  g_list_store_splice (store, 0, 2, (gpointer *) &other, 1);
  g_list_store_splice (store, 1, 0, (gpointer *) &other, 1);
  g_assert_true (sa_slot_get_item (first) == (gpointer) other);
  g_assert_cmpuint (first_changes, ==, 1);
  g_assert_cmpuint (second_changes, ==, 0);
  sa_slot_watch (first, FALSE);
}

/* One splice of the store, as the models above pass a change on. */
static void
splice_numbers (GListStore *store,
                guint       position,
                guint       removed,
                guint       added)
{
  g_autoptr(GPtrArray) additions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (additions, gtk_string_object_new ("new"));
  g_list_store_splice (store, position, removed, additions->pdata, added);
}

static void
test_slot_model_shifts (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(SaSlotModel) slots = NULL;
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_object_unref);
  guint change[3];

  add_numbers (store, 0, 100);
  slots = sa_slot_model_new (g_object_ref (G_LIST_MODEL (store)));
  follow (G_LIST_MODEL (slots), 0, 0, 100, copy);
  g_signal_connect (slots, "items-changed", G_CALLBACK (follow), copy);
  g_signal_connect (slots, "items-changed", G_CALLBACK (record_change), change);

  for (guint round = 0; round < 300; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint position = g_test_rand_int_range (0, n + 1);
      gboolean large = g_test_rand_int_range (0, 6) == 0;
      guint removed = g_test_rand_int_range (0, large ? 60 : 5);
      guint added = g_test_rand_int_range (0, large ? 60 : 5) + (n < 30 ? 30 : 0);
      guint kept;
      g_autoptr(GPtrArray) before = watch_all (slots);

      removed = MIN (removed, n - position);
      kept = MIN (removed, added);
      change[0] = change[1] = change[2] = G_MAXUINT;
      splice_numbers (store, position, removed, added);

      assert_copy (copy, G_LIST_MODEL (slots));
      for (guint i = 0; i < copy->len; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
          g_assert_true (sa_slot_get_item (g_ptr_array_index (copy, i)) == item);
        }
      if (removed == added)
        /* Nothing to report: the slots hold the new items. */
        g_assert_cmpuint (change[0], ==, G_MAXUINT);
      else if (removed + added - 2 * kept <= 16)
        {
          /* Just the rows that came or went; the rows after are the same slots,
           * holding the same items, and said nothing. */
          g_assert_cmpuint (change[0], ==, position + kept);
          g_assert_cmpuint (change[1], ==, removed - kept);
          g_assert_cmpuint (change[2], ==, added - kept);
          for (guint i = position + removed; i < n; i++)
            {
              SaSlot *slot = g_ptr_array_index (before, i);

              g_assert_true (g_ptr_array_index (copy, i - removed + added) == slot);
              g_assert_cmpuint (changes_of (slot), ==, 0);
            }
        }
      else
        {
          /* The rows stay, the items pass through them, the count changes at the end. */
          g_assert_cmpuint (change[0], ==, MIN (n, copy->len));
          for (guint i = 0; i < MIN (n, copy->len); i++)
            g_assert_true (g_ptr_array_index (copy, i) == g_ptr_array_index (before, i));
        }
      for (guint i = 0; i < position; i++)
        g_assert_cmpuint (changes_of (g_ptr_array_index (before, i)), ==, 0);
    }
}

/* An activity with values drawn from a few, so that many share a key; now and then
 * a time that is not HH:MM, as another office's data might hold. */
static SaActivityItem *
random_item (guint serial)
{
  static const char * const titles[] = { "サロン", "さろん", "Salon", "salon", "朝顔", "見守り" };
  static const char * const names[] = { "中川", "上飯田", "和泉", NULL };
  static const char * const times[] = { "", "09:00", "10:30", "10:30", "23:59", "9:5" };
  SaActivityItem *item = _sa_activity_item_new ();
  char date[16];
  guint time = g_test_rand_int_range (0, G_N_ELEMENTS (times) - (g_test_rand_int_range (0, 50) != 0));

  item->id = g_strdup_printf ("%08x-%u", g_test_rand_int (), serial);
  item->title = g_ref_string_new (titles[g_test_rand_int_range (0, G_N_ELEMENTS (titles))]);
  if (names[serial % G_N_ELEMENTS (names)] != NULL)
    {
      item->organization_name = g_ref_string_new (names[serial % G_N_ELEMENTS (names)]);
      item->district_name = g_ref_string_new (names[(serial / 3) % G_N_ELEMENTS (names)] ?: "x");
    }
  item->district_position = g_test_rand_int_range (-1, 2);
  item->participants = g_test_rand_int_range (0, 5);
  item->volunteers = g_test_rand_int_range (0, 3000);
  item->commitment_rank = g_test_rand_bit () ? G_MAXUINT : (guint) g_test_rand_int_range (0, 3);
  g_snprintf (date, sizeof date, "20%02d-%02d-%02d", g_test_rand_int_range (10, 13), g_test_rand_int_range (1, 13),
              g_test_rand_int_range (1, 29));
  _sa_activity_item_set_date (item, date);
  g_strlcpy (item->time, times[time], sizeof item->time);
  _sa_activity_item_finish (item);
  return item;
}

static SaActivitySortColumn sorting_column;

static int
compare_in_full (gconstpointer a,
                 gconstpointer b)
{
  return sa_activity_sort_compare (sorting_column, *(SaActivityItem **) a, *(SaActivityItem **) b);
}

/* Every column, both ways, against a sort that compares every pair in full; then
 * again after a few items changed. */
static void
test_sort_model (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SaActivityItemList) list = NULL;
  g_autoptr(SaActivitySortModel) model = NULL;
  guint serial = 0;

  for (; serial < 3000; serial++)
    g_ptr_array_add (items, random_item (serial));
  list = sa_activity_item_list_new (g_ptr_array_ref (items));
  model = sa_activity_sort_model_new (G_LIST_MODEL (list));

  for (guint round = 0; round < 3; round++)
    {
      for (sorting_column = 0; sorting_column < SA_ACTIVITY_SORT_N_COLUMNS; sorting_column++)
        for (guint descending = 0; descending < 2; descending++)
          {
            /* The copy unrefs its items as the original does: it takes references. */
            g_autoptr(GPtrArray) expected = g_ptr_array_copy (items, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
            guint n;
            gpointer *sorted;

            g_ptr_array_sort (expected, compare_in_full);
            sa_activity_sort_model_set_order (model, sorting_column, descending);
            sorted = sa_activity_sort_model_peek (G_LIST_MODEL (model), &n);
            g_assert_cmpuint (n, ==, expected->len);
            for (guint i = 0; i < n; i++)
              if (sorted[i] != expected->pdata[descending ? n - 1 - i : i])
                {
                  SaActivityItem *a = sorted[i], *b = expected->pdata[descending ? n - 1 - i : i];
                  g_error ("round %u, column %u%s: row %u: %s %u %s %s | %s %u %s %s", round, sorting_column, descending ? " descending" : "", i,
                           a->search_key, a->day, a->time, a->id, b->search_key, b->day, b->time, b->id);
                }
          }
      /* Items with titles not seen before, and a few gone. */
      for (guint i = 0; i < 5; i++)
        {
          g_autoptr(SaActivityItem) fresh = random_item (serial++);
          guint position = g_test_rand_int_range (0, items->len);

          g_ref_string_release (fresh->search_key);
          fresh->search_key = g_ref_string_new (fresh->id);
          sa_activity_item_list_splice (list, position, 1, &fresh, 1);
        }
      sa_activity_item_list_splice (list, 0, 3, NULL, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-models/filter", test_filter_model);
  g_test_add_func ("/list-models/filter-smallest-change", test_filter_model_smallest_change);
  g_test_add_func ("/list-models/slots", test_slot_model);
  g_test_add_func ("/list-models/slots-shift", test_slot_model_shifts);
  g_test_add_func ("/list-models/sort", test_sort_model);

  return g_test_run ();
}
