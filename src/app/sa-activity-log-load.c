/* sa-activity-log-load.c: how the activity log reads its activities: all at once in
 * another thread when it is made, one by one as the store announces changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-activity-item.h"
#include "sa-activity-link.h"
#include "sa-activity-log-private.h"
#include "sa-error.h"
#include "sa-store-activity-items.h"
#include "sa-toast.h"

/* More changed activities than this are read again all at once. */
#define MAX_ROW_REFRESH 200

/* Whether the year drop-down offers the year of @item. */
static gboolean
offers_year_of (SaActivityLog  *self,
                SaActivityItem *item)
{
  return sa_filter_bar_offers_year (self->filter_bar, sa_activity_item_get_fiscal_year (item));
}

/* ---- Loading -------------------------------------------------------------------- */

/* id → item, the items' own ids as keys: the map items_by_id holds. */
static GHashTable *
index_items (SaActivityItemList *items)
{
  guint n;
  SaActivityItem **peek = sa_activity_item_list_peek (items, &n);
  GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (by_id, (gpointer) sa_activity_item_get_id (peek[i]), peek[i]);
  return by_id;
}

/* @by_id: (transfer full) (nullable): index_items (@items), or NULL to make it here */
static void
set_items (SaActivityLog      *self,
           SaActivityItemList *items,
           GHashTable         *by_id)
{
  g_hash_table_unref (self->items_by_id);
  self->items_by_id = by_id != NULL ? by_id : index_items (items);
  g_set_object (&self->items, items);
  sa_activity_sort_model_set_model (self->sorted, G_LIST_MODEL (items));
}

/**
 * sa_activity_log_reload:
 * @self: an activity log
 *
 * Reads every activity and the filters' choices from the store again, keeping the
 * selection, for changes the store did not announce (another program wrote the
 * database). Changes made through the store are picked up without this.
 */
void
sa_activity_log_reload (SaActivityLog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;

  g_return_if_fail (SA_IS_ACTIVITY_LOG (self));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->update_source, g_source_remove);
  sa_activity_log_stop_filling (self);
  sa_slot_model_set_limit (self->slots, G_MAXUINT);
  self->reload_needed = FALSE;
  g_hash_table_remove_all (self->changed_ids);

  if (!(items = sa_store_load_activity_items (self->store, &error)))
    {
      sa_activity_log_show_error (self, error->message);
      return;
    }
  /* The selection follows its activities (keep_selection). */
  sa_activity_log_load_choices (self);
  set_items (self, SA_ACTIVITY_ITEM_LIST (items), NULL);
  sa_activity_log_update_year_choices (self);
  sa_activity_log_update_state (self);
}

/* ---- Letting the rows in -------------------------------------------------------- */

/* GTK 4.8's list view makes the widgets of its 200 rows as soon as its model has
 * them: 200 rows of eight cells took 180 ms, and styling and laying them out as
 * long again in the next frame. The rows are let in FILL_STEP at a time, one step a
 * frame; past FILL_ROWS, which get no widgets, all at once. */
#define FILL_STEP 25
#define FILL_ROWS 200

static void schedule_fill_step (SaActivityLog *self);

/* Stops letting rows in, leaving the rows as they are. */
void
sa_activity_log_stop_filling (SaActivityLog *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (self->fill_clock != NULL)
    g_clear_signal_handler (&self->fill_handler, self->fill_clock);
  g_clear_object (&self->fill_clock);
  self->filling = FALSE;
}

static void
finish_filling (SaActivityLog *self)
{
  sa_activity_log_stop_filling (self);
  sa_slot_model_set_limit (self->slots, G_MAXUINT);
  sa_activity_log_update_state (self);
  /* What the store wrote while the items were read and let in is read again now. */
  if (self->reload_needed || g_hash_table_size (self->changed_ids) > 0 || self->reveal_id != NULL)
    sa_activity_log_schedule_update (self);
}

static gboolean
fill_step_cb (gpointer data)
{
  SaActivityLog *self = data;

  self->fill_source = 0;
  self->fill_limit += FILL_STEP;
  if (self->fill_limit >= FILL_ROWS || self->fill_limit >= g_list_model_get_n_items (G_LIST_MODEL (self->filtered)))
    finish_filling (self);
  else
    {
      sa_slot_model_set_limit (self->slots, self->fill_limit);
      schedule_fill_step (self);
    }
  return G_SOURCE_REMOVE;
}

/* After the frame, not in it: the rows let in are laid out in the next one. */
static void
on_fill_frame (SaActivityLog *self)
{
  g_clear_signal_handler (&self->fill_handler, self->fill_clock);
  g_clear_object (&self->fill_clock);
  self->fill_source = g_idle_add (fill_step_cb, self);
}

/* The next step once the frame showing this one is drawn; without frames, as the
 * log is not shown, a frame's time later. */
static void
schedule_fill_step (SaActivityLog *self)
{
  GdkFrameClock *clock = NULL;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      self->fill_source = g_timeout_add (16, fill_step_cb, self);
      return;
    }
  self->fill_clock = g_object_ref (clock);
  self->fill_handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_fill_frame), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* ---- Taking the items ----------------------------------------------------------- */

/* What the loading thread makes of the items, so that the main thread need not
 * reach each of 100,000 items scattered in memory. */
typedef struct
{
  SaActivityItemList *items;
  GHashTable         *by_id;        /* index_items (items) */
  GPtrArray          *source;       /* items, a reference each, for the sort model */
  GHashTable         *years;        /* sa_activity_log_years_of (items) */
  guint64             participants; /* of all items */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->items);
  g_clear_pointer (&loaded->by_id, g_hash_table_unref);
  g_clear_pointer (&loaded->source, g_ptr_array_unref);
  g_clear_pointer (&loaded->years, g_hash_table_unref);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static Loaded *
prepare_loaded (SaActivityItemList *items)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  guint n;
  SaActivityItem **peek = sa_activity_item_list_peek (items, &n);

  loaded->items = g_object_ref (items);
  loaded->by_id = index_items (items);
  loaded->source = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (loaded->source, g_object_ref (peek[i]));
  loaded->participants = sa_activity_items_sum_participants (peek, n);
  loaded->years = sa_activity_log_years_of (peek, n);
  return loaded;
}

/* The items, sorted by date in the loading thread, go to the models as they are;
 * their first rows are shown at once, the rest let in over the next frames. */
static void
take_loaded (SaActivityLog *self,
             Loaded        *loaded)
{
  guint total = loaded->source->len;

  g_hash_table_unref (self->items_by_id);
  self->items_by_id = g_steal_pointer (&loaded->by_id);
  g_set_object (&self->items, loaded->items);
  self->filling = TRUE;
  self->fill_limit = FILL_STEP;
  sa_slot_model_set_limit (self->slots, self->fill_limit);
  sa_activity_sort_model_take_sorted (self->sorted, G_LIST_MODEL (self->items), g_steal_pointer (&loaded->source));
  sa_filter_bar_set_years (self->filter_bar, loaded->years);
  /* Every row shown: the footer's sum is the one made in the other thread. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == total)
    {
      self->participants = loaded->participants;
      self->participants_stale = FALSE;
    }
  sa_activity_log_update_state (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) <= FILL_STEP)
    finish_filling (self);
  else
    schedule_fill_step (self);
}

static void
prepare_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      items,
                   GCancellable *cancellable)
{
  g_task_return_pointer (task, prepare_loaded (items), (GDestroyNotify) loaded_free);
}

static void
on_items_prepared (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  SaActivityLog *self = SA_ACTIVITY_LOG (object);
  g_autoptr(Loaded) loaded = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A reload, or the log going away, took over. */
  if (loaded == NULL)
    return;
  g_clear_object (&self->loading);
  take_loaded (self, loaded);
}

static void
on_items_loaded (GObject      *store,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(SaActivityLog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = sa_store_load_activity_items_finish (SA_STORE (store), result, &error);
  g_autoptr(GTask) task = NULL;

  /* A reload, or the log going away, took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (items == NULL)
    {
      g_clear_object (&self->loading);
      sa_activity_log_show_error (self, error->message);
      sa_activity_log_update_state (self);
      if (self->reload_needed || g_hash_table_size (self->changed_ids) > 0 || self->reveal_id != NULL)
        sa_activity_log_schedule_update (self);
      return;
    }
  /* The map from ids to items, the references the sort model holds and the sums
   * are made in another thread too: for 100,000 items they held the main thread for
   * a frame or more. The items are the log's alone until it takes them. */
  task = g_task_new (self, self->loading, on_items_prepared, NULL);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_steal_pointer (&items), g_object_unref);
  g_task_run_in_thread (task, prepare_in_thread);
}

/* The first fill reads the activities in another thread: the window is shown at
 * once, with a spinner in the log, rather than after 100,000 activities are read. */
void
sa_activity_log_start_loading (SaActivityLog *self)
{
  sa_activity_log_load_choices (self);
  /* The plans' years until the activities' are read. */
  sa_filter_bar_set_years (self->filter_bar, NULL);
  self->loading = g_cancellable_new ();
  sa_activity_log_update_state (self);
  sa_store_load_activity_items_async (self->store, self->loading, on_items_loaded, g_object_ref (self));
}

/**
 * sa_activity_log_is_loading:
 * @self: an activity log
 *
 * Returns: whether the log is still reading its activities for the first time, or
 *   letting their rows in
 */
gboolean
sa_activity_log_is_loading (SaActivityLog *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_LOG (self), FALSE);

  return self->loading != NULL || self->filling;
}

/* The footer's sum follows an item that goes or comes, rather than adding up every
 * row shown again: reaching 100,000 items scattered in memory took 1–2 ms of a
 * delete. */
static void
count_participants (SaActivityLog  *self,
                    SaActivityItem *item,
                    gboolean        comes)
{
  guint participants;

  if (item == NULL || !gtk_filter_match (self->filter, item))
    return;
  participants = sa_activity_item_get_participants (item);
  if (comes)
    self->participants += participants;
  else
    self->participants -= participants;
}

/* Reads one activity again and replaces, removes or adds its item. Returns whether
 * it came back after it was deleted. */
static gboolean
refresh_item (SaActivityLog *self,
              const char    *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaActivityItem) fresh = sa_store_load_activity_item (self->store, id, &error);
  SaActivityItem *old = g_hash_table_lookup (self->items_by_id, id);
  guint position;

  if (fresh == NULL && !g_error_matches (error, SA_ERROR, SA_ERROR_NOT_FOUND))
    {
      sa_activity_log_show_error (self, error->message);
      return FALSE;
    }

  /* The map holds the fresh item before the rows change: the selection finds its
   * rows by it (on_filtered_changed). */
  count_participants (self, old, FALSE);
  count_participants (self, fresh, TRUE);
  if (old != NULL)
    g_hash_table_remove (self->items_by_id, id);
  if (fresh != NULL)
    g_hash_table_insert (self->items_by_id, (gpointer) sa_activity_item_get_id (fresh), fresh);
  if (old != NULL && sa_activity_item_list_find (self->items, old, &position))
    sa_activity_item_list_splice (self->items, position, 1, &fresh, fresh != NULL);
  else if (fresh != NULL)
    sa_activity_item_list_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                                  &fresh, 1);
  if (old != NULL && fresh == NULL)
    g_hash_table_add (self->gone_ids, g_strdup (id));
  return old == NULL && fresh != NULL && g_hash_table_remove (self->gone_ids, id);
}

/* Activities that come back, by an undo or from the deleted items, are selected and
 * shown: the list keeps the rows in sight where they are, which puts a row that
 * comes back above them out of sight. */
static void
reveal_returned (SaActivityLog *self,
                 GPtrArray     *ids)
{
  g_autoptr(GtkBitset) positions = sa_activity_log_shown_positions (self, ids);
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_is_empty (positions))
    return;
  sa_activity_log_reveal_position (self, gtk_bitset_get_minimum (positions));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, positions, &position);
       more; more = gtk_bitset_iter_next (&iter, &position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
}

/* After a save, the saved activity is selected and shown, or the person is told
 * why it is not. */
static void
reveal_saved (SaActivityLog *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GtkBitset) positions = NULL;

  g_ptr_array_add (ids, self->reveal_id);
  positions = sa_activity_log_shown_positions (self, ids);
  if (!gtk_bitset_is_empty (positions))
    sa_activity_log_reveal_position (self, gtk_bitset_get_minimum (positions));
  else if (g_hash_table_contains (self->items_by_id, self->reveal_id))
    sa_toast_show (GTK_WIDGET (self), sa_toast_new_text (_("The activity is saved; the search or filters hide it")));
  g_clear_pointer (&self->reveal_id, g_free);
}

static void
refresh_changed (SaActivityLog *self)
{
  g_autoptr(GtkBitset) selection = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  /* The selection model changes its bitset as rows go: keep what it was. */
  gboolean had_selection = !gtk_bitset_is_empty (selection);
  guint first_selected = gtk_bitset_get_minimum (selection);
  g_autoptr(GHashTable) changed = g_steal_pointer (&self->changed_ids);
  g_autoptr(GPtrArray) returned = g_ptr_array_new ();
  gboolean new_year = FALSE;
  GHashTableIter iter;
  gpointer id;

  self->changed_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->refreshing = TRUE;
  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      SaActivityItem *item;

      if (refresh_item (self, id))
        g_ptr_array_add (returned, id);
      item = g_hash_table_lookup (self->items_by_id, id);
      new_year |= item != NULL && !offers_year_of (self, item);
    }
  self->refreshing = FALSE;
  if (new_year)
    sa_activity_log_update_year_choices (self);

  /* Rows keep their selection as they change (keep_selection); when the selected
   * rows are gone, as after a delete, the row that took the place of the first is
   * selected. */
  g_clear_pointer (&selection, gtk_bitset_unref);
  selection = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (had_selection && gtk_bitset_is_empty (selection))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

      if (n > 0)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), MIN (first_selected, n - 1), TRUE);
    }
  reveal_returned (self, returned);
}

static gboolean
update_cb (gpointer data)
{
  SaActivityLog *self = data;

  self->update_source = 0;
  /* The changes wait for the items being read and let in (finish_filling). */
  if (sa_activity_log_is_loading (self))
    return G_SOURCE_REMOVE;
  if (self->reload_needed)
    sa_activity_log_reload (self);
  else
    refresh_changed (self);
  if (self->reveal_id != NULL)
    reveal_saved (self);
  sa_activity_log_update_state (self);
  return G_SOURCE_REMOVE;
}

void
sa_activity_log_schedule_update (SaActivityLog *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_cb, self, NULL);
}

/* Names of activities and the plan's order of commitments come from these tables. */
static gboolean
affects_items (const char *table)
{
  static const char * const tables[] = { "organization", "district", "commitment", "goal", "section", "plan", NULL };

  return g_strv_contains (tables, table);
}

/* Notes the activity a written link belongs to; links stay as tombstones, so a
 * deleted link still names it. Returns FALSE when the link cannot be read. */
static gboolean
note_link (SaActivityLog *self,
           const char    *link_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaRecord) link = sa_store_get (self->store, &sa_activity_link_table, link_id, &error);

  if (link != NULL)
    g_hash_table_add (self->changed_ids, g_strdup (sa_record_get_text (link, SA_ACTIVITY_LINK_ACTIVITY_ID)));
  /* A link that a rolled-back savepoint wrote is not there, and shows nowhere. */
  return link != NULL || g_error_matches (error, SA_ERROR, SA_ERROR_NOT_FOUND);
}

void
sa_activity_log_on_store_changed (SaActivityLog      *self,
                                  const char         *table,
                                  const char * const *ids)
{
  gboolean links = g_str_equal (table, "activity_commitment");

  if (links || g_str_equal (table, "activity"))
    {
      if (ids == NULL || g_strv_length ((char **) ids) > MAX_ROW_REFRESH)
        self->reload_needed = TRUE;
      for (guint i = 0; !self->reload_needed && ids[i] != NULL; i++)
        if (!links)
          g_hash_table_add (self->changed_ids, g_strdup (ids[i]));
        else if (!note_link (self, ids[i]))
          self->reload_needed = TRUE;
    }
  else if (affects_items (table))
    self->reload_needed = TRUE;
  else
    return;
  sa_activity_log_schedule_update (self);
}
