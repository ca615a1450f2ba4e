/* sa-activity-sort-model.c: activity items sorted by one of the log's columns
 *
 * GTK 4.8's GtkSortListModel compares two items through the column view's sorter,
 * the column's sorter and its function for each of the 1.7 million comparisons that
 * sorting 100,000 items takes, reaching items scattered in memory each time: sorting
 * by a column took 160–420 ms. This model sorts once per column change on two
 * integer keys made in one pass over the items (names and titles ranked among their
 * distinct values, the ranks kept from one sort to the next), radix sorted, and
 * only the few runs of equal keys are compared in full. A changed activity moves to
 * its place by binary search: every order ends with the id, so no two items are
 * equal and each has one place. Items the log reads in another thread come sorted
 * by date with their references: they are taken as they are, without reaching
 * each one (sa_activity_sort_model_take_sorted).
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

/* Keys that order the items as sa_activity_sort_compare() does, as far as they go:
 * the column's key, then the day and the time (the date column: the day and the
 * time, then the title), radix sorted; then the id's first eight bytes, by which
 * the runs of equal keys (the same day, 45 activities a day without a time) are
 * sorted. Equal keys are compared in full, which almost never happens. */
typedef struct
{
  guint64         first;
  guint64         second;
  guint64         id;
  SaActivityItem *item;
} Entry;

struct _SaActivitySortModel
{
  GObject               parent_instance;

  GListModel           *model;
  GPtrArray            *source;   /* the model's items in its order, with references */
  GPtrArray            *sorted;   /* the same items sorted, without: source has them */
  SaActivitySortColumn  column;
  gboolean              descending;
  GHashTable           *ranks[SA_ACTIVITY_SORT_N_COLUMNS]; /* a text column's strings → rank */
  GHashTable           *rank_addresses[SA_ACTIVITY_SORT_N_COLUMNS]; /* the same, by address */
  Entry                *entries;  /* room for twice n_entries, kept between sorts */
  guint                 n_entries;
  gboolean              by_date;  /* source is in date order (sa_activity_sort_model_take_sorted) */
  guint                 rank_source; /* ranks the titles when idle */
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

/* The time as a number in the order strcmp() gives: "HH:MM" as 1 + HHMM, empty as 0.
 * Any other text makes *@odd TRUE: the caller then keys every item by the first
 * character alone, coarser but in the same order. */
static guint64
minute_key (SaActivityItem *item,
            gboolean       *odd)
{
  const char *t = item->time;

  if (t[0] == '\0')
    return 0;
  if (g_ascii_isdigit (t[0]) && g_ascii_isdigit (t[1]) && t[2] == ':' && g_ascii_isdigit (t[3]) &&
      g_ascii_isdigit (t[4]) && t[5] == '\0')
    return 1 + (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[3] - '0') * 10 + (t[4] - '0');
  *odd = TRUE;
  return 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Each distinct string among @strings (NULLs left out) → its rank + 1 in strcmp()
 * order: there are far fewer distinct names and titles than items. The strings are
 * the items' GRefStrings, held by the table: it outlives the items it was made from. */
static GHashTable *
rank_strings (const char **strings,
              guint        n)
{
  GHashTable *ranks = g_hash_table_new_full (g_str_hash, g_str_equal, (GDestroyNotify) g_ref_string_release, NULL);
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();
  const char *last = NULL;

  for (guint i = 0; i < n; i++)
    {
      /* Items of one load share their strings: neighbours often hold the same. */
      if (strings[i] == NULL || strings[i] == last)
        continue;
      last = strings[i];
      if (!g_hash_table_contains (ranks, strings[i]))
        {
          g_hash_table_insert (ranks, g_ref_string_acquire ((char *) strings[i]), NULL);
          g_ptr_array_add (distinct, (gpointer) strings[i]);
        }
    }
  g_ptr_array_sort (distinct, compare_strings);
  /* The key is there already: the table releases the one passed. */
  for (guint i = 0; i < distinct->len; i++)
    g_hash_table_insert (ranks, g_ref_string_acquire (distinct->pdata[i]), GUINT_TO_POINTER (i + 1));
  return ranks;
}

/* Items of one load share their strings, and hashing 100,000 titles with their
 * places and notes took more than the sort: the address is looked up first. */
static guint64
rank_of (GHashTable *addresses,
         GHashTable *ranks,
         const char *string,
         guint64     missing)
{
  gpointer rank;

  if (string == NULL)
    return missing;
  rank = g_hash_table_lookup (addresses, string);
  return GPOINTER_TO_UINT (rank ? rank : g_hash_table_lookup (ranks, string));
}

static const char *
column_string (SaActivitySortColumn  column,
               SaActivityItem       *item)
{
  switch (column)
    {
    case SA_ACTIVITY_SORT_TITLE:
      return item->search_key;
    case SA_ACTIVITY_SORT_ORGANIZATION:
      return item->organization_name;
    case SA_ACTIVITY_SORT_DISTRICT:
      return item->district_name;
    default:
      return NULL;
    }
}

static gboolean
sorts_by_text (SaActivitySortColumn column)
{
  return column == SA_ACTIVITY_SORT_TITLE || column == SA_ACTIVITY_SORT_ORGANIZATION ||
         column == SA_ACTIVITY_SORT_DISTRICT;
}

/* The column's strings ranked, kept from one sort to the next: ranking 100,000
 * titles took a tenth of a sort. Dropped when items bring a string it lacks. */
static GHashTable *
column_ranks (SaActivitySortModel  *self,
              SaActivitySortColumn  column)
{
  if (!sorts_by_text (column))
    return NULL;
  if (self->ranks[column] == NULL)
    {
      guint n = self->source->len;
      g_autofree const char **strings = g_new (const char *, n);

      for (guint i = 0; i < n; i++)
        strings[i] = column_string (column, g_ptr_array_index (self->source, i));
      GHashTableIter iter;
      gpointer string, rank;

      self->ranks[column] = rank_strings (strings, n);
      /* Its keys stay alive in the table above. */
      self->rank_addresses[column] = g_hash_table_new (NULL, NULL);
      g_hash_table_iter_init (&iter, self->ranks[column]);
      while (g_hash_table_iter_next (&iter, &string, &rank))
        g_hash_table_insert (self->rank_addresses[column], string, rank);
    }
  return self->ranks[column];
}

/* Ranks stay right while items go; an item with a string not ranked drops them. */
static void
check_ranks (SaActivitySortModel *self,
             SaActivityItem      *item)
{
  for (guint c = 0; c < SA_ACTIVITY_SORT_N_COLUMNS; c++)
    {
      const char *string = column_string (c, item);

      if (self->ranks[c] != NULL && string != NULL && !g_hash_table_contains (self->ranks[c], string))
        {
          g_clear_pointer (&self->rank_addresses[c], g_hash_table_unref);
          g_clear_pointer (&self->ranks[c], g_hash_table_unref);
        }
    }
}

/* The id's first eight bytes as a number in the order strcmp() gives. */
static guint64
id_key (SaActivityItem *item)
{
  guint64 key = 0;
  guint i = 0;

  for (; i < 8 && item->id[i] != '\0'; i++)
    key = key << 8 | (guchar) item->id[i];
  return key << (8 * (8 - i));
}

/* Fills the entries' keys for the items in them. */
static void
fill_keys (SaActivitySortModel  *self,
           Entry                *entries,
           guint                 n,
           SaActivitySortColumn  column)
{
  SaActivitySortColumn ranked = column == SA_ACTIVITY_SORT_DATE ? SA_ACTIVITY_SORT_TITLE : column;
  GHashTable *ranks = column_ranks (self, ranked);
  GHashTable *addresses = self->rank_addresses[ranked];
  gboolean odd = FALSE;

  for (guint i = 0; i < n; i++)
    {
      SaActivityItem *item = entries[i].item;
      guint64 when = (guint64) item->day << 14 | minute_key (item, &odd);

      entries[i].second = when;
      entries[i].id = id_key (item);
      switch (column)
        {
        case SA_ACTIVITY_SORT_DATE:
          entries[i].first = when;
          entries[i].second = rank_of (addresses, ranks, item->search_key, 0);
          break;
        case SA_ACTIVITY_SORT_TITLE:
          entries[i].first = rank_of (addresses, ranks, item->search_key, 0);
          break;
        case SA_ACTIVITY_SORT_ORGANIZATION:
          entries[i].first = rank_of (addresses, ranks, item->organization_name, G_MAXUINT64);
          break;
        case SA_ACTIVITY_SORT_DISTRICT:
          /* The position, made unsigned in the same order, then the name. */
          entries[i].first = ((guint64) ((gint64) item->district_position - G_MININT) << 32) |
                             rank_of (addresses, ranks, item->district_name, 0);
          break;
        case SA_ACTIVITY_SORT_PARTICIPANTS:
          entries[i].first = item->participants;
          break;
        case SA_ACTIVITY_SORT_VOLUNTEERS:
          entries[i].first = item->volunteers;
          break;
        case SA_ACTIVITY_SORT_COMMITMENTS:
          entries[i].first = (guint64) item->commitment_rank << 32 | item->n_commitments;
          break;
        case SA_ACTIVITY_SORT_N_COLUMNS:
        default:
          g_assert_not_reached ();
        }
    }
  if (!odd)
    return;
  /* A time that is not HH:MM: the first character keeps the order for all, and
   * what the time orders before (the title, the id) is left to the comparison. */
  for (guint i = 0; i < n; i++)
    {
      guint64 when = (guint64) entries[i].item->day << 14 | (guchar) entries[i].item->time[0];

      if (column == SA_ACTIVITY_SORT_DATE)
        {
          entries[i].first = when;
          entries[i].second = 0;
        }
      else
        entries[i].second = when;
      entries[i].id = 0;
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
    order = CMP (ea->id, eb->id);
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

#define RADIX_BITS 11
#define RADIX_SIZE (1 << RADIX_BITS)

/* Sorts @n entries by one key, stably, RADIX_BITS at a time, leaving out the digits
 * no two keys differ in. Returns where they are then: @entries or @spare. */
static Entry *
radix_sort (Entry  *entries,
            Entry  *spare,
            guint   n,
            gsize   key_offset)
{
  guint starts[RADIX_SIZE];
  guint64 any = 0, all = G_MAXUINT64;
  Entry *from = entries, *to = spare;

#define KEY(e) (*(const guint64 *) ((const char *) (e) + key_offset))
  for (guint i = 0; i < n; i++)
    {
      any |= KEY (&entries[i]);
      all &= KEY (&entries[i]);
    }
  for (guint shift = 0; shift < 64; shift += RADIX_BITS)
    {
      Entry *swap;

      if (((any ^ all) >> shift & (RADIX_SIZE - 1)) == 0)
        continue;
      memset (starts, 0, sizeof starts);
      for (guint i = 0; i < n; i++)
        starts[KEY (&from[i]) >> shift & (RADIX_SIZE - 1)]++;
      for (guint digit = 0, total = 0; digit < RADIX_SIZE; digit++)
        {
          guint count = starts[digit];

          starts[digit] = total;
          total += count;
        }
      for (guint i = 0; i < n; i++)
        to[starts[KEY (&from[i]) >> shift & (RADIX_SIZE - 1)]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }
#undef KEY
  return from;
}

/* Sorts by the keys, least significant first, then puts the few runs of equal keys
 * in order by comparing their items in full. Sorting 100,000 items by comparison
 * took 15–25 ms; this takes a few. */
static Entry *
sort_entries (Entry                *entries,
              Entry                *spare,
              guint                 n,
              SaActivitySortColumn  column)
{
  Entry *sorted = radix_sort (entries, spare, n, G_STRUCT_OFFSET (Entry, second));

  sorted = radix_sort (sorted, sorted == entries ? spare : entries, n, G_STRUCT_OFFSET (Entry, first));
  for (guint start = 0, end; start < n; start = end)
    {
      for (end = start + 1;
           end < n && sorted[end].first == sorted[start].first && sorted[end].second == sorted[start].second;
           end++)
        ;
      if (end - start > 1)
        g_qsort_with_data (sorted + start, end - start, sizeof (Entry), compare_entries, GINT_TO_POINTER (column));
    }
  return sorted;
}

/* Sorts @source into @self->sorted. The entries stay allocated for the next sort:
 * fresh memory of this size costs a page fault per page on every sort. */
static void
sort_all (SaActivitySortModel *self)
{
  guint n = self->source->len;
  Entry *entries;

  /* Sorted in another thread: the items are not reached at all. */
  if (self->by_date && self->column == SA_ACTIVITY_SORT_DATE)
    {
      g_ptr_array_set_size (self->sorted, n);
      for (guint i = 0; i < n; i++)
        self->sorted->pdata[i] = self->source->pdata[self->descending ? n - 1 - i : i];
      return;
    }

  if (n > self->n_entries)
    {
      g_free (self->entries);
      self->entries = g_new (Entry, 2 * (gsize) n);
      self->n_entries = n;
    }
  entries = self->entries;
  for (guint i = 0; i < n; i++)
    entries[i].item = g_ptr_array_index (self->source, i);
  fill_keys (self, entries, n, self->column);
  if (!entries_sorted (entries, n, self->column))
    entries = sort_entries (entries, self->entries + self->n_entries, n, self->column);

  g_ptr_array_set_size (self->sorted, n);
  for (guint i = 0; i < n; i++)
    self->sorted->pdata[i] = entries[self->descending ? n - 1 - i : i].item;
}

static void
drop_ranks (SaActivitySortModel *self)
{
  for (guint c = 0; c < SA_ACTIVITY_SORT_N_COLUMNS; c++)
    {
      g_clear_pointer (&self->rank_addresses[c], g_hash_table_unref);
      g_clear_pointer (&self->ranks[c], g_hash_table_unref);
    }
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

  self->by_date = FALSE;
  for (guint i = 0; i < removed; i++)
    g_ptr_array_add (gone, g_object_ref (g_ptr_array_index (self->source, position + i)));
  g_ptr_array_remove_range (self->source, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->source, (int) (position + i), g_list_model_get_item (model, position + i));

  if (removed + added > MAX_MOVES)
    {
      drop_ranks (self);
      resort (self);
      return;
    }
  for (guint i = 0; i < gone->len; i++)
    remove_one (self, g_ptr_array_index (gone, i), &span);
  for (guint i = 0; i < added; i++)
    {
      check_ranks (self, g_ptr_array_index (self->source, position + i));
      insert_one (self, g_ptr_array_index (self->source, position + i), &span);
    }
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
  g_clear_handle_id (&self->rank_source, g_source_remove);

  G_OBJECT_CLASS (sa_activity_sort_model_parent_class)->dispose (object);
}

static void
sa_activity_sort_model_finalize (GObject *object)
{
  SaActivitySortModel *self = SA_ACTIVITY_SORT_MODEL (object);

  g_ptr_array_unref (self->source);
  g_ptr_array_unref (self->sorted);
  drop_ranks (self);
  g_free (self->entries);

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

/* Items taken sorted are not ranked: the first sort by title, or by date after
 * another column, would rank 100,000 titles (10–40 ms); it is done when idle. */
static gboolean
rank_titles_cb (gpointer data)
{
  SaActivitySortModel *self = data;

  self->rank_source = 0;
  column_ranks (self, SA_ACTIVITY_SORT_TITLE);
  return G_SOURCE_REMOVE;
}

/* Takes @model, with @source (transfer full): its items in its order, a reference
 * each. */
static void
replace_model (SaActivitySortModel *self,
               GListModel          *model,
               GPtrArray           *source)
{
  /* The old items stay alive until their removal is reported (see
   * sa_activity_sort_model_peek). */
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->source);

  g_clear_handle_id (&self->rank_source, g_source_remove);
  drop_ranks (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  self->source = source;
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  resort (self);
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
  GPtrArray *source;
  guint n;

  g_return_if_fail (SA_IS_ACTIVITY_SORT_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  source = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (source, g_list_model_get_item (model, i));
  self->by_date = FALSE;
  replace_model (self, model, source);
}

/**
 * sa_activity_sort_model_take_sorted:
 * @self: a sort model
 * @model: a list of #SaActivityItem<!-- -->s in date order, oldest first, as
 *   sa_activity_sort_compare() orders them (sa_store_load_activity_items_async())
 * @source: (transfer full) (element-type SaActivityItem): @model's items in its
 *   order, with a reference each and g_object_unref() to free them
 *
 * As sa_activity_sort_model_set_model(), for items read, sorted and referenced in
 * another thread: sorted by date, they are taken without reaching each item. Taking
 * and sorting 100,000 items on the main thread, scattered in memory as they are,
 * took 90 ms.
 */
void
sa_activity_sort_model_take_sorted (SaActivitySortModel *self,
                                    GListModel          *model,
                                    GPtrArray           *source)
{
  g_return_if_fail (SA_IS_ACTIVITY_SORT_MODEL (self));
  g_return_if_fail (G_IS_LIST_MODEL (model));
  g_return_if_fail (source != NULL && source->len == g_list_model_get_n_items (model));

  self->by_date = TRUE;
  replace_model (self, model, source);
  self->rank_source = g_idle_add_full (G_PRIORITY_LOW, rank_titles_cb, self, NULL);
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
