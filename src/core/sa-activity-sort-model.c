/* sa-activity-sort-model.c: activity items sorted by one of the log's columns
 *
 * GTK 4.8's GtkSortListModel compares two items through the column view's sorter,
 * the column's sorter and its function for each of the 1.7 million comparisons that
 * sorting 100,000 items takes, reaching items scattered in memory each time: sorting
 * by a column took 160–420 ms. This model sorts once per column change on integer
 * keys made in one pass over the items (names and titles ranked once among their
 * distinct values), held in one array beside the items, and only equal keys are
 * compared in full. A changed activity moves to its place by binary search: every
 * order ends with the id, so no two items are equal and each has one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <string.h>

#include "sa-activity-item-private.h"
#include "sa-activity-sort-model.h"

/* Changes larger than this sort everything again rather than move each item. */
#define MAX_MOVES 512

struct _SaActivitySortModel
{
  GObject               parent_instance;

  GListModel           *model;
  GPtrArray            *source;   /* the model's items in its order, with references */
  GPtrArray            *sorted;   /* the same items sorted, without: source has them */
  SaActivitySortColumn  column;
  gboolean              descending;
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SaActivitySortModel, sa_activity_sort_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

/* ---- Orders ------------------------------------------------------------------- */

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b))

static int
compare_day (SaActivityItem *a,
             SaActivityItem *b)
{
  int order = CMP (a->day, b->day);

  return order ? order : strcmp (a->time, b->time);
}

static int
compare_title (SaActivityItem *a,
               SaActivityItem *b)
{
  return strcmp (a->search_key, b->search_key);
}

/* Activities without an organization or district come last. */
static int
compare_organization (SaActivityItem *a,
                      SaActivityItem *b)
{
  const char *name_a = a->organization_name, *name_b = b->organization_name;

  return name_a == name_b ? 0 : !name_a ? 1 : !name_b ? -1 : strcmp (name_a, name_b);
}

static int
compare_district (SaActivityItem *a,
                  SaActivityItem *b)
{
  int order = CMP (a->district_position, b->district_position);

  return order ? order : g_strcmp0 (a->district_name, b->district_name);
}

/* By the plan's order of the first commitment, then by how many; none come last. */
static int
compare_commitments (SaActivityItem *a,
                     SaActivityItem *b)
{
  int order = CMP (a->commitment_rank, b->commitment_rank);

  return order ? order : CMP (a->n_commitments, b->n_commitments);
}

/**
 * sa_activity_sort_compare:
 * @column: the column to sort by
 * @a: an item
 * @b: another item
 *
 * The column's order, then the date (the date: then the title), then the id, so
 * that items with equal keys always come in the same order.
 *
 * Returns: negative, 0 or positive, as strcmp(); 0 only for items with one id
 */
int
sa_activity_sort_compare (SaActivitySortColumn  column,
                          SaActivityItem       *a,
                          SaActivityItem       *b)
{
  int order = 0;

  switch (column)
    {
    case SA_ACTIVITY_SORT_DATE:
      order = compare_day (a, b);
      if (order == 0)
        order = compare_title (a, b);
      break;
    case SA_ACTIVITY_SORT_TITLE:
      order = compare_title (a, b);
      break;
    case SA_ACTIVITY_SORT_ORGANIZATION:
      order = compare_organization (a, b);
      break;
    case SA_ACTIVITY_SORT_DISTRICT:
      order = compare_district (a, b);
      break;
    case SA_ACTIVITY_SORT_PARTICIPANTS:
      order = CMP (a->participants, b->participants);
      break;
    case SA_ACTIVITY_SORT_VOLUNTEERS:
      order = CMP (a->volunteers, b->volunteers);
      break;
    case SA_ACTIVITY_SORT_COMMITMENTS:
      order = compare_commitments (a, b);
      break;
    case SA_ACTIVITY_SORT_N_COLUMNS:
    default:
      g_return_val_if_reached (0);
    }
  if (order == 0 && column != SA_ACTIVITY_SORT_DATE)
    order = compare_day (a, b);
  return order ? order : strcmp (a->id, b->id);
}

/* ---- Sorting everything --------------------------------------------------------- */

/* Three keys that order the items as sa_activity_sort_compare() does, as far as
 * they go: equal keys are compared in full. The column's key, then the day and the
 * time: with the time left to the full comparison, most comparisons of 100,000
 * activities, 45 a day, went on to compare strings. */
typedef struct
{
  guint64         first;
  guint64         second;
  guint64         third;
  SaActivityItem *item;
} Entry;

/* The time, "HH:MM" or empty, as a number in the order strcmp() gives. */
static guint64
time_key (SaActivityItem *item)
{
  guint64 key = 0;

  for (guint i = 0; i < 5; i++)
    key = key << 8 | (guchar) (i < sizeof item->time ? item->time[i] : 0);
  return key;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Each distinct string among @strings (NULLs left out) → its rank + 1 in strcmp()
 * order: there are far fewer distinct names and titles than items. */
static GHashTable *
rank_strings (const char **strings,
              guint        n)
{
  GHashTable *ranks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();
  const char *last = NULL;

  for (guint i = 0; i < n; i++)
    {
      /* Items of one load share their strings: neighbours often hold the same. */
      if (strings[i] == NULL || strings[i] == last)
        continue;
      last = strings[i];
      if (g_hash_table_insert (ranks, (gpointer) strings[i], NULL))
        g_ptr_array_add (distinct, (gpointer) strings[i]);
    }
  g_ptr_array_sort (distinct, compare_strings);
  for (guint i = 0; i < distinct->len; i++)
    g_hash_table_insert (ranks, distinct->pdata[i], GUINT_TO_POINTER (i + 1));
  return ranks;
}

static guint64
rank_of (GHashTable *ranks,
         const char *string,
         guint64     missing)
{
  return string != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (ranks, string)) : missing;
}

/* Ranks the column's strings, if it sorts by text, and fills the entries' keys. */
static void
fill_keys (Entry                *entries,
           guint                 n,
           SaActivitySortColumn  column)
{
  g_autofree const char **strings = NULL;
  g_autoptr(GHashTable) ranks = NULL;

  if (column == SA_ACTIVITY_SORT_TITLE || column == SA_ACTIVITY_SORT_ORGANIZATION ||
      column == SA_ACTIVITY_SORT_DISTRICT)
    {
      strings = g_new (const char *, n);
      for (guint i = 0; i < n; i++)
        strings[i] = column == SA_ACTIVITY_SORT_TITLE ? entries[i].item->search_key
                     : column == SA_ACTIVITY_SORT_ORGANIZATION ? entries[i].item->organization_name
                     : entries[i].item->district_name;
      ranks = rank_strings (strings, n);
    }

  for (guint i = 0; i < n; i++)
    {
      SaActivityItem *item = entries[i].item;
      guint64 day = item->day;

      entries[i].third = column == SA_ACTIVITY_SORT_DATE ? 0 : time_key (item);

      switch (column)
        {
        case SA_ACTIVITY_SORT_DATE:
          entries[i].first = day;
          entries[i].second = time_key (item);
          break;
        case SA_ACTIVITY_SORT_TITLE:
          entries[i].first = rank_of (ranks, strings[i], 0);
          entries[i].second = day;
          break;
        case SA_ACTIVITY_SORT_ORGANIZATION:
          entries[i].first = rank_of (ranks, strings[i], G_MAXUINT64);
          entries[i].second = day;
          break;
        case SA_ACTIVITY_SORT_DISTRICT:
          /* The position, made unsigned in the same order, then the name. */
          entries[i].first = ((guint64) ((gint64) item->district_position - G_MININT) << 32) |
                             rank_of (ranks, strings[i], 0);
          entries[i].second = day;
          break;
        case SA_ACTIVITY_SORT_PARTICIPANTS:
          entries[i].first = item->participants;
          entries[i].second = day;
          break;
        case SA_ACTIVITY_SORT_VOLUNTEERS:
          entries[i].first = item->volunteers;
          entries[i].second = day;
          break;
        case SA_ACTIVITY_SORT_COMMITMENTS:
          entries[i].first = (guint64) item->commitment_rank << 32 | item->n_commitments;
          entries[i].second = day;
          break;
        case SA_ACTIVITY_SORT_N_COLUMNS:
        default:
          g_assert_not_reached ();
        }
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *ea = a, *eb = b;
  int order = CMP (ea->first, eb->first);

  if (order == 0)
    order = CMP (ea->second, eb->second);
  if (order == 0)
    order = CMP (ea->third, eb->third);
  return order ? order : sa_activity_sort_compare (GPOINTER_TO_INT (user_data), ea->item, eb->item);
}

/* Items loaded in another thread come sorted by date (sa_store_load_activity_items_async):
 * a look over them is enough. */
static gboolean
entries_sorted (const Entry          *entries,
                guint                 n,
                SaActivitySortColumn  column)
{
  for (guint i = 1; i < n; i++)
    if (compare_entries (&entries[i - 1], &entries[i], GINT_TO_POINTER (column)) > 0)
      return FALSE;
  return TRUE;
}

/* Sorts @source into @self->sorted, which takes references. */
static void
sort_all (SaActivitySortModel *self)
{
  guint n = self->source->len;
  g_autofree Entry *entries = g_new (Entry, n);

  for (guint i = 0; i < n; i++)
    entries[i].item = g_ptr_array_index (self->source, i);
  fill_keys (entries, n, self->column);
  if (!entries_sorted (entries, n, self->column))
    g_qsort_with_data (entries, n, sizeof (Entry), compare_entries, GINT_TO_POINTER (self->column));

  g_ptr_array_set_size (self->sorted, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->sorted, entries[self->descending ? n - 1 - i : i].item);
}

static void
resort (SaActivitySortModel *self)
{
  guint old_n = self->sorted->len;

  sort_all (self);
  if (old_n > 0 || self->sorted->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->sorted->len);
}

/* ---- Moving single items -------------------------------------------------------- */

static int
compare_shown (SaActivitySortModel *self,
               SaActivityItem      *a,
               SaActivityItem      *b)
{
  int order = sa_activity_sort_compare (self->column, a, b);

  return self->descending ? -order : order;
}

/* The first position whose item comes after @item, or @item's own. */
static guint
find_place (SaActivitySortModel *self,
            SaActivityItem      *item)
{
  guint low = 0, high = self->sorted->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_shown (self, g_ptr_array_index (self->sorted, middle), item) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The span of positions that changed: from @first to all but the @tail last. */
typedef struct
{
  guint first;
  guint tail;
} Span;

static void
remove_one (SaActivitySortModel *self,
            SaActivityItem      *item,
            Span                *span)
{
  guint position = find_place (self, item);

  /* Items never change, so each is where its keys say; look around in case. */
  if (position >= self->sorted->len || g_ptr_array_index (self->sorted, position) != item)
    {
      g_return_if_fail (g_ptr_array_find (self->sorted, item, &position));
    }
  span->first = MIN (span->first, position);
  span->tail = MIN (span->tail, self->sorted->len - position - 1);
  g_ptr_array_remove_index (self->sorted, position);
}

static void
insert_one (SaActivitySortModel *self,
            SaActivityItem      *item,
            Span                *span)
{
  guint position = find_place (self, item);

  span->first = MIN (span->first, position);
  span->tail = MIN (span->tail, self->sorted->len - position);
  g_ptr_array_insert (self->sorted, (int) position, item);
}

static void
on_items_changed (GListModel          *model,
                  guint                position,
                  guint                removed,
                  guint                added,
                  SaActivitySortModel *self)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = self->sorted->len;
  Span span = { G_MAXUINT, G_MAXUINT };

  for (guint i = 0; i < removed; i++)
    g_ptr_array_add (gone, g_object_ref (g_ptr_array_index (self->source, position + i)));
  g_ptr_array_remove_range (self->source, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->source, (int) (position + i), g_list_model_get_item (model, position + i));

  if (removed + added > MAX_MOVES)
    {
      resort (self);
      return;
    }
  for (guint i = 0; i < gone->len; i++)
    remove_one (self, g_ptr_array_index (gone, i), &span);
  for (guint i = 0; i < added; i++)
    insert_one (self, g_ptr_array_index (self->source, position + i), &span);
  if (span.first != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), span.first, old_n - span.first - span.tail,
                                self->sorted->len - span.first - span.tail);
}

/* ---- The list model -------------------------------------------------------------- */

static GType
get_item_type (GListModel *model)
{
  return SA_TYPE_ACTIVITY_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return SA_ACTIVITY_SORT_MODEL (model)->sorted->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GPtrArray *sorted = SA_ACTIVITY_SORT_MODEL (model)->sorted;

  return position < sorted->len ? g_object_ref (g_ptr_array_index (sorted, position)) : NULL;
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
sa_activity_sort_model_dispose (GObject *object)
{
  SaActivitySortModel *self = SA_ACTIVITY_SORT_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (sa_activity_sort_model_parent_class)->dispose (object);
}

static void
sa_activity_sort_model_finalize (GObject *object)
{
  SaActivitySortModel *self = SA_ACTIVITY_SORT_MODEL (object);

  g_ptr_array_unref (self->source);
  g_ptr_array_unref (self->sorted);

  G_OBJECT_CLASS (sa_activity_sort_model_parent_class)->finalize (object);
}

static void
sa_activity_sort_model_class_init (SaActivitySortModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sa_activity_sort_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = sa_activity_sort_model_finalize;
}

static void
sa_activity_sort_model_init (SaActivitySortModel *self)
{
  self->source = g_ptr_array_new_with_free_func (g_object_unref);
  self->sorted = g_ptr_array_new ();
  self->column = SA_ACTIVITY_SORT_DATE;
  self->descending = TRUE;
}

/**
 * sa_activity_sort_model_new:
 * @model: (nullable): a list of #SaActivityItem<!-- -->s
 *
 * Returns: (transfer full): @model's items, newest first until told otherwise
 */
SaActivitySortModel *
sa_activity_sort_model_new (GListModel *model)
{
  SaActivitySortModel *self = g_object_new (SA_TYPE_ACTIVITY_SORT_MODEL, NULL);

  sa_activity_sort_model_set_model (self, model);
  return self;
}

/**
 * sa_activity_sort_model_set_model:
 * @self: a sort model
 * @model: (nullable): a list of #SaActivityItem<!-- -->s
 *
 * Sorts @model's items instead, and follows its changes.
 */
void
sa_activity_sort_model_set_model (SaActivitySortModel *self,
                                  GListModel          *model)
{
  g_autoptr(GPtrArray) old = NULL;
  guint n;

  g_return_if_fail (SA_IS_ACTIVITY_SORT_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  /* The old items stay alive until their removal is reported (see
   * sa_activity_sort_model_peek). */
  old = g_steal_pointer (&self->source);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  self->source = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->source, g_list_model_get_item (model, i));
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  resort (self);
}

/**
 * sa_activity_sort_model_set_order:
 * @self: a sort model
 * @column: the column to sort by
 * @descending: whether the last come first
 *
 * Sorts the items by @column; descending is exactly the ascending order reversed.
 */
void
sa_activity_sort_model_set_order (SaActivitySortModel  *self,
                                  SaActivitySortColumn  column,
                                  gboolean              descending)
{
  g_return_if_fail (SA_IS_ACTIVITY_SORT_MODEL (self));
  g_return_if_fail (column < SA_ACTIVITY_SORT_N_COLUMNS);

  if (column == self->column && !descending == !self->descending)
    return;
  self->column = column;
  self->descending = descending;
  resort (self);
}

/**
 * sa_activity_sort_model_peek:
 * @model: (type SaActivitySortModel): a sort model
 * @n_items: (out): how many items it has
 *
 * For sa_array_filter_model_new_peeking(): the items in their order, without a
 * reference each, valid until the model changes. Items it removes stay alive until
 * it has reported their removal.
 *
 * Returns: (transfer none) (array length=n_items): the items
 */
gpointer *
sa_activity_sort_model_peek (GListModel *model,
                             guint      *n_items)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_SORT_MODEL (model), NULL);

  *n_items = SA_ACTIVITY_SORT_MODEL (model)->sorted->len;
  return SA_ACTIVITY_SORT_MODEL (model)->sorted->pdata;
}
