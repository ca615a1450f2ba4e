/* sa-store-activity-items.c: loading the activity log
 *
 * One query reads every activity with the names of its organization and district, a
 * second the links to commitments, a third, small one the plan's order of
 * commitments, by which each item sorts and lists its commitments. Both large
 * queries scan their table in storage order: an ORDER BY date or a correlated
 * subquery for the links reads pages in random order, which made loading 100,000
 * activities ten times slower. The log sorts in memory anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "sa-activity-item-list.h"
#include "sa-activity-item-private.h"
#include "sa-activity-sort-model.h"
#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-store-deleted.h"
#include "sa-store-activity-items.h"
#include "sa-store-private.h"

#define ITEM_SELECT \
  "SELECT a.id, a.date, a.time, a.title, a.place, a.participants, a.volunteers, a.notes," \
  " a.organization_id, o.name, a.district_id, d.name, d.position, o.deleted, d.deleted" \
  " FROM activity a" \
  " LEFT JOIN organization o ON o.id = a.organization_id" \
  " LEFT JOIN district d ON d.id = a.district_id"

enum {
  COL_ID,
  COL_DATE,
  COL_TIME,
  COL_TITLE,
  COL_PLACE,
  COL_PARTICIPANTS,
  COL_VOLUNTEERS,
  COL_NOTES,
  COL_ORGANIZATION_ID,
  COL_ORGANIZATION_NAME,
  COL_DISTRICT_ID,
  COL_DISTRICT_NAME,
  COL_DISTRICT_POSITION,
  COL_ORGANIZATION_DELETED,
  COL_DISTRICT_DELETED,
};

typedef struct
{
  GHashTable *ranks;   /* interned commitment id → its place in the plan + 1 */
  GHashTable *strings; /* the names and ids items share, as GRefStrings */
  GHashTable *lists;   /* the lists of commitments items share */
  GString    *key;     /* where each item's search key is folded */
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->ranks, g_hash_table_unref);
  g_clear_pointer (&loader->strings, g_hash_table_unref);
  g_clear_pointer (&loader->lists, g_hash_table_unref);
  if (loader->key != NULL)
    g_string_free (g_steal_pointer (&loader->key), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* Where the items are read from: the store's connection, or a read-only connection
 * of a loading thread's own, whose statements are made and finalized each time. */
typedef struct
{
  SaStore *store;
  sqlite3 *db;    /* NULL: the store's */
} Source;

static sqlite3_stmt *
source_prepare (Source      *source,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (source->db == NULL)
    return _sa_store_prepare (source->store, sql, error);
  if (sqlite3_prepare_v2 (source->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_DATABASE, "%s", sqlite3_errmsg (source->db));
      return NULL;
    }
  return stmt;
}

/* Done with @stmt after sqlite3_step() returned @rc: sets @error unless it is
 * SQLITE_DONE. */
static gboolean
source_release (Source        *source,
                sqlite3_stmt  *stmt,
                int            rc,
                GError       **error)
{
  if (source->db == NULL)
    {
      sqlite3_reset (stmt);
      return rc == SQLITE_DONE || _sa_store_set_error (source->store, error);
    }
  if (rc != SQLITE_DONE)
    g_set_error (error, SA_ERROR, SA_ERROR_DATABASE, "%s", sqlite3_errmsg (source->db));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* The commitments that are in the plan, in the plan's order: plans by their first
 * year, sections by position, goals by number, commitments by position. */
#define PLAN_ORDER "p.first_fy, s.position, g.number, c.position"
#define PLAN_COMMITMENTS_FROM \
  " FROM commitment c" \
  " JOIN goal g ON g.id = c.goal_id" \
  " JOIN section s ON s.id = g.section_id" \
  " JOIN plan p ON p.id = s.plan_id" \
  " WHERE c.deleted = 0 AND g.deleted = 0 AND s.deleted = 0 AND p.deleted = 0"

static gboolean
load_ranks (Source   *source,
            Loader   *loader,
            GError  **error)
{
  sqlite3_stmt *stmt;
  guint rank = 0;
  int rc;

  stmt = source_prepare (source, "SELECT c.id" PLAN_COMMITMENTS_FROM " ORDER BY " PLAN_ORDER, error);
  if (stmt == NULL)
    return FALSE;

  loader->ranks = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         (GDestroyNotify) g_ref_string_release, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (loader->ranks,
                         g_ref_string_new_intern ((const char *) sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER (++rank));
  return source_release (source, stmt, rc, error);
}

/* Organizations, districts, titles, places and whole search keys recur in 100,000
 * rows (a salon every week); a table of our own shares their strings without the
 * global lock of g_ref_string_new_intern(). */
static char *
share_string (Loader     *loader,
              const char *text)
{
  char *shared;

  if (loader->strings == NULL)
    loader->strings = g_hash_table_new_full (g_str_hash, g_str_equal,
                                             (GDestroyNotify) g_ref_string_release, NULL);
  if ((shared = g_hash_table_lookup (loader->strings, text)) == NULL)
    {
      shared = g_ref_string_new (text);
      g_hash_table_add (loader->strings, shared);
    }
  return g_ref_string_acquire (shared);
}

static char *
column_ref_string (sqlite3_stmt *stmt,
                   int           column,
                   Loader       *loader)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? share_string (loader, text) : NULL;
}

/* A deleted organization's or district's name, marked as every view marks it. */
static char *
column_name (sqlite3_stmt *stmt,
             int           column,
             int           deleted_column,
             Loader       *loader)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *marked = NULL;

  if (text == NULL || !sqlite3_column_int (stmt, deleted_column))
    return column_ref_string (stmt, column, loader);
  marked = sa_deleted_name (text);
  return share_string (loader, marked);
}

/* Folds the item's search key and shares it with the items that have the same:
 * 100,000 items are folded into one buffer and keep a key only when it is new. */
static void
finish_item (SaActivityItem *item,
             Loader         *loader)
{
  if (loader->key == NULL)
    loader->key = g_string_sized_new (256);
  _sa_activity_item_fold_key (item, loader->key);
  item->search_key = share_string (loader, loader->key->str);
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  guint rank_a = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, *(char **) a));
  guint rank_b = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, *(char **) b));

  return rank_a < rank_b ? -1 : rank_a > rank_b;
}

/* A link read from the database: the item and its commitment's interned id. */
typedef struct
{
  SaActivityItem *item;
  char           *commitment_id;
} Link;

/* Links to commitments that are not in the plan (deleted, or not yet imported) are
 * left out: the log can neither name nor filter by them. */
static void
add_link (GArray         *links,
          Loader         *loader,
          SaActivityItem *item,
          const char     *commitment_id)
{
  Link link = { item, NULL };

  if (g_hash_table_lookup_extended (loader->ranks, commitment_id, (gpointer *) &link.commitment_id, NULL))
    g_array_append_val (links, link);
}

/* The ids in a list are interned: lists are the same when their pointers are. */
static guint
hash_ids (gconstpointer key)
{
  guint hash = 17;

  for (char * const *ids = key; *ids != NULL; ids++)
    hash = hash * 31 + g_direct_hash (*ids);
  return hash;
}

static gboolean
equal_ids (gconstpointer a,
           gconstpointer b)
{
  char * const *ids_a = a, * const *ids_b = b;

  for (; *ids_a != NULL && *ids_a == *ids_b; ids_a++, ids_b++)
    ;
  return *ids_a == *ids_b;
}

/* Gives @item the commitments of @links, @n_links of them, in the plan's order.
 * Most activities advance one or two of a plan's few commitments: the items with
 * the same list share one, made once, which the item keeps instead of a list of its
 * own. */
static void
set_commitments (SaActivityItem *item,
                 Loader         *loader,
                 Link           *links,
                 guint           n_links)
{
  g_autofree char **ids = NULL;
  char **shared;
  guint n = MIN (n_links, G_MAXUINT16);

  if (n_links == 0)
    return;
  ids = g_new (char *, n_links + 1);
  for (guint i = 0; i < n_links; i++)
    ids[i] = links[i].commitment_id;
  if (n_links > 1)
    g_qsort_with_data (ids, n_links, sizeof (char *), compare_ranks, loader->ranks);
  ids[n] = NULL;

  if (loader->lists == NULL)
    loader->lists = g_hash_table_new_full (hash_ids, equal_ids, (GDestroyNotify) _sa_activity_item_ids_release, NULL);
  if ((shared = g_hash_table_lookup (loader->lists, ids)) == NULL)
    {
      shared = _sa_activity_item_ids_new (ids, n);
      g_hash_table_add (loader->lists, shared);
    }
  item->commitment_ids = g_atomic_rc_box_acquire (shared);
  item->n_commitments = (guint16) n;
  item->commitment_rank = GPOINTER_TO_UINT (g_hash_table_lookup (loader->ranks, ids[0]));
}

static int
compare_link_items (gconstpointer a,
                    gconstpointer b)
{
  const Link *link_a = a, *link_b = b;

  return link_a->item < link_b->item ? -1 : link_a->item > link_b->item;
}

/* Gives every item its commitments from @links, in any order. */
static void
set_all_commitments (GArray *links,
                     Loader *loader)
{
  Link *all = (Link *) (gpointer) links->data;
  guint start = 0;

  g_array_sort (links, compare_link_items);
  for (guint i = 1; i <= links->len; i++)
    if (i == links->len || all[i].item != all[start].item)
      {
        set_commitments (all[start].item, loader, all + start, i - start);
        start = i;
      }
}

static SaActivityItem *
read_item (sqlite3_stmt *stmt,
           Loader       *loader)
{
  SaActivityItem *item = _sa_activity_item_new ();
  const char *time = (const char *) sqlite3_column_text (stmt, COL_TIME);

  item->id = g_strdup ((const char *) sqlite3_column_text (stmt, COL_ID));
  _sa_activity_item_set_date (item, (const char *) sqlite3_column_text (stmt, COL_DATE));
  g_strlcpy (item->time, time ? time : "", sizeof item->time);
  item->title = column_ref_string (stmt, COL_TITLE, loader);
  item->place = sqlite3_column_bytes (stmt, COL_PLACE) > 0 ? column_ref_string (stmt, COL_PLACE, loader) : NULL;
  item->notes = sqlite3_column_bytes (stmt, COL_NOTES) > 0 ? column_ref_string (stmt, COL_NOTES, loader) : NULL;
  item->participants = (guint) CLAMP (sqlite3_column_int64 (stmt, COL_PARTICIPANTS), 0, G_MAXUINT);
  item->volunteers = (guint) CLAMP (sqlite3_column_int64 (stmt, COL_VOLUNTEERS), 0, G_MAXUINT);
  item->organization_id = column_ref_string (stmt, COL_ORGANIZATION_ID, loader);
  item->organization_name = column_name (stmt, COL_ORGANIZATION_NAME, COL_ORGANIZATION_DELETED, loader);
  item->district_id = column_ref_string (stmt, COL_DISTRICT_ID, loader);
  item->district_name = column_name (stmt, COL_DISTRICT_NAME, COL_DISTRICT_DELETED, loader);
  item->district_position = item->district_id != NULL
                            ? sqlite3_column_int (stmt, COL_DISTRICT_POSITION) : G_MAXINT;
  return item;
}

static gboolean
step_error (SaStore  *store,
            int       rc,
            GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  return _sa_store_set_error (store, error);
}

/* Reads every link that is not deleted into the items, found by their ids. */
static gboolean
load_links (Source     *source,
            Loader     *loader,
            GPtrArray  *items,
            GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) links = g_array_sized_new (FALSE, FALSE, sizeof (Link), items->len);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < items->len; i++)
    {
      SaActivityItem *item = g_ptr_array_index (items, i);
      g_hash_table_insert (by_id, item->id, item);
    }

  stmt = source_prepare (source,
                         "SELECT activity_id, commitment_id FROM activity_commitment"
                         " WHERE deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SaActivityItem *item = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));

      if (item != NULL)
        add_link (links, loader, item, (const char *) sqlite3_column_text (stmt, 1));
    }
  if (!source_release (source, stmt, rc, error))
    return FALSE;
  set_all_commitments (links, loader);
  return TRUE;
}

/* Every 4,096 rows, a loading thread looks whether it is still wanted. */
#define CANCEL_CHECK_ROWS 4096

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return sa_activity_sort_compare (SA_ACTIVITY_SORT_DATE, *(SaActivityItem **) a, *(SaActivityItem **) b);
}

/* @sorted: whether to sort the items by date, oldest first, the order the log starts
 * in: done in the loading thread, it is not done on the main one. */
static GListModel *
load_items (Source        *source,
            gboolean       sorted,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(Loader) loader = { NULL, NULL, NULL, NULL };
  sqlite3_stmt *stmt;
  int rc;

  if (!load_ranks (source, &loader, error))
    return NULL;
  stmt = source_prepare (source, ITEM_SELECT " WHERE a.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (items, read_item (stmt, &loader));
      if (items->len % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  if (!source_release (source, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !load_links (source, &loader, items, error))
    return NULL;
  for (guint i = 0; i < items->len; i++)
    finish_item (g_ptr_array_index (items, i), &loader);
  if (sorted)
    g_ptr_array_sort (items, compare_dates);

  return G_LIST_MODEL (sa_activity_item_list_new (g_steal_pointer (&items)));
}

/**
 * sa_store_load_activity_items:
 * @store: a store
 * @error: return location for an error
 *
 * Reads every activity that is not deleted, with the names of its organization and
 * district and the commitments it advances, in no particular order.
 *
 * Returns: (transfer full) (nullable): an #SaActivityItemList
 */
GListModel *
sa_store_load_activity_items (SaStore  *store,
                              GError  **error)
{
  Source source = { store, NULL };

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  return load_items (&source, FALSE, NULL, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Source source = { NULL, NULL };
  GError *error = NULL;
  GListModel *items = NULL;

  if (sqlite3_open_v2 (task_data, &source.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    g_set_error (&error, SA_ERROR, SA_ERROR_DATABASE, _("Could not open “%s”: %s"), (char *) task_data,
                 source.db ? sqlite3_errmsg (source.db) : g_strerror (ENOMEM));
  else
    {
      /* One snapshot for the activities and their links. */
      sqlite3_busy_timeout (source.db, 10000);
      sqlite3_exec (source.db, "BEGIN", NULL, NULL, NULL);
      items = load_items (&source, TRUE, cancellable, &error);
      sqlite3_exec (source.db, "COMMIT", NULL, NULL, NULL);
    }
  sqlite3_close (source.db);
  if (items != NULL)
    g_task_return_pointer (task, items, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * sa_store_load_activity_items_async:
 * @store: a store
 * @cancellable: (nullable): to stop loading
 * @callback: called in this thread's main context with the items
 * @user_data: for @callback
 *
 * Reads what sa_store_load_activity_items() reads, in another thread with a
 * read-only connection of its own, so that the window stays responsive while
 * 100,000 activities load; they come sorted by date, oldest first. The items are
 * those of one moment: changes the store writes meanwhile are announced by
 * SaStore::changed as usual.
 */
void
sa_store_load_activity_items_async (SaStore             *store,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SA_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_store_load_activity_items_async);
  g_task_set_task_data (task, g_strdup (sa_store_get_path (store)), g_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * sa_store_load_activity_items_finish:
 * @store: a store
 * @result: what the callback was given
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): an #SaActivityItemList
 */
GListModel *
sa_store_load_activity_items_finish (SaStore       *store,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
load_item_links (SaStore         *store,
                 Loader          *loader,
                 SaActivityItem  *item,
                 GError         **error)
{
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (Link));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sa_store_prepare (store,
                            "SELECT commitment_id FROM activity_commitment"
                            " WHERE activity_id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_link (links, loader, item, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (!step_error (store, rc, error))
    return FALSE;
  set_commitments (item, loader, (Link *) (gpointer) links->data, links->len);
  return TRUE;
}

/**
 * sa_store_load_activity_item:
 * @store: a store
 * @id: an activity's id
 * @error: set to %SA_ERROR_NOT_FOUND when there is no such activity or it is deleted
 *
 * Reads one activity as sa_store_load_activity_items() does, to refresh one row.
 *
 * Returns: (transfer full) (nullable): the item
 */
SaActivityItem *
sa_store_load_activity_item (SaStore     *store,
                             const char  *id,
                             GError     **error)
{
  g_auto(Loader) loader = { NULL, NULL, NULL, NULL };
  g_autoptr(SaActivityItem) item = NULL;
  Source source = { store, NULL };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!load_ranks (&source, &loader, error))
    return NULL;
  stmt = _sa_store_prepare (store, ITEM_SELECT " WHERE a.id = ?1 AND a.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = read_item (stmt, &loader);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("There is no activity with id “%s”"), id);
      return NULL;
    }
  if (item == NULL)
    {
      _sa_store_set_error (store, error);
      return NULL;
    }
  if (!load_item_links (store, &loader, item, error))
    return NULL;
  finish_item (item, &loader);
  return g_steal_pointer (&item);
}

/**
 * sa_store_list_plan_commitments:
 * @store: a store
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type SaCommitment): the commitments of the plans,
 *   in the order the plan document lists them and activity items list theirs
 */
GPtrArray *
sa_store_list_plan_commitments (SaStore  *store,
                                GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  /* The generic SELECT of the table, joined to the ids numbered in the plan's order. */
  sql = g_strconcat (_sa_store_select_sql (&sa_commitment_table),
                     " JOIN (SELECT c.id AS commitment_id, row_number () OVER (ORDER BY " PLAN_ORDER ") AS rank"
                     PLAN_COMMITMENTS_FROM ") r ON r.commitment_id = commitment.id ORDER BY r.rank", NULL);
  if (!(stmt = _sa_store_prepare (store, sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, _sa_store_read_record (&sa_commitment_table, stmt));
  sqlite3_reset (stmt);

  if (!step_error (store, rc, error))
    return NULL;
  return g_steal_pointer (&records);
}
