/* sa-store-watcher.c: shows other programs' writes while a window is open
 *
 * Every commit in WAL mode writes to the database's -wal file. The watcher follows
 * that file and, a moment after it changes, asks the store to refresh: the store
 * compares PRAGMA data_version, which only another connection's commit moves, so
 * the window's own writes cost one query and nothing else. A burst of writes from
 * sasaeai-cli makes one refresh, not one per write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-store-watcher.h"

/* Long enough to gather a burst of writes, short enough to feel immediate. */
#define SETTLE_MS 250

struct _SaStoreWatcher
{
  GObject       parent_instance;

  SaStore      *store;
  GFileMonitor *monitor;
  guint         refresh_source;
};

G_DEFINE_FINAL_TYPE (SaStoreWatcher, sa_store_watcher, G_TYPE_OBJECT)

static gboolean
refresh_cb (gpointer data)
{
  SaStoreWatcher *self = data;

  self->refresh_source = 0;
  sa_store_refresh (self->store);
  return G_SOURCE_REMOVE;
}

static void
on_wal_changed (SaStoreWatcher *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (SETTLE_MS, refresh_cb, self);
}

static void
sa_store_watcher_dispose (GObject *object)
{
  SaStoreWatcher *self = SA_STORE_WATCHER (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_wal_changed, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sa_store_watcher_parent_class)->dispose (object);
}

static void
sa_store_watcher_class_init (SaStoreWatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sa_store_watcher_dispose;
}

static void
sa_store_watcher_init (SaStoreWatcher *self)
{
}

/**
 * sa_store_watcher_new:
 * @store: the database to watch
 *
 * Returns: (transfer full): a watcher that refreshes @store when another program
 *   writes to it, for as long as it lives; without file monitoring it does nothing
 */
SaStoreWatcher *
sa_store_watcher_new (SaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal_path = NULL;
  g_autoptr(GFile) wal = NULL;
  SaStoreWatcher *self;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  self = g_object_new (SA_TYPE_STORE_WATCHER, NULL);
  self->store = g_object_ref (store);
  wal_path = g_strconcat (sa_store_get_path (store), "-wal", NULL);
  wal = g_file_new_for_path (wal_path);
  self->monitor = g_file_monitor_file (wal, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    g_debug ("Not watching %s for other programs' writes: %s", wal_path, error->message);
  else
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (on_wal_changed), self);
  return self;
}
