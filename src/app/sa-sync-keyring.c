/* sa-sync-keyring.c: where the window keeps the sync passphrase
 *
 * The passphrase that encrypts sync files is a secret, so it lives in the desktop's
 * keyring (the Secret Service, through libsecret), one per database file. With
 * SASAEAI_KEYRING=memory it lives in this process's memory instead: tests have no
 * keyring, and must not touch the real one. Without a running keyring the calls fail
 * with a message the window shows; nothing else depends on the keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "sa-sync-keyring.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".SyncPassphrase", SECRET_SCHEMA_NONE,
    {
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static GHashTable *
get_memory (void)
{
  static GHashTable *memory;

  if (g_strcmp0 (g_getenv ("SASAEAI_KEYRING"), "memory") != 0)
    return NULL;
  if (memory == NULL)
    memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return memory;
}

static void
return_keyring_error (GTask  *task,
                      GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_new_error (task, error->domain, error->code,
                           _("The keyring could not be reached: %s"), error->message);
  g_error_free (error);
}

static void
on_lookup (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    return_keyring_error (task, error);
  else
    {
      g_task_return_pointer (task, g_strdup (secret), g_free);
      secret_password_free (secret);
    }
}

/**
 * sa_sync_keyring_lookup_async:
 * @db_path: the database the passphrase belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result; call sa_sync_keyring_lookup_finish()
 * @user_data: data for @callback
 */
void
sa_sync_keyring_lookup_async (const char          *db_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  GHashTable *memory = get_memory ();

  g_task_set_source_tag (task, sa_sync_keyring_lookup_async);
  if (memory != NULL)
    {
      g_task_return_pointer (task, g_strdup (g_hash_table_lookup (memory, db_path)), g_free);
      g_object_unref (task);
      return;
    }
  secret_password_lookup (get_schema (), cancellable, on_lookup, task, "database", db_path, NULL);
}

/**
 * sa_sync_keyring_lookup_finish:
 * @result: the result passed to the callback
 * @error: return location for why the keyring could not be asked
 *
 * Returns: (transfer full) (nullable): the passphrase; %NULL without an error when
 *   none is kept
 */
char *
sa_sync_keyring_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_stored (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean cleared = GPOINTER_TO_INT (g_task_get_task_data (task));

  if (cleared)
    secret_password_clear_finish (result, &error);
  else
    secret_password_store_finish (result, &error);
  if (error != NULL)
    return_keyring_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * sa_sync_keyring_store_async:
 * @db_path: the database the passphrase belongs to
 * @passphrase: (nullable): the passphrase; %NULL or empty removes it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done; call sa_sync_keyring_store_finish()
 * @user_data: data for @callback
 */
void
sa_sync_keyring_store_async (const char          *db_path,
                             const char          *passphrase,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  GHashTable *memory = get_memory ();
  gboolean clear = passphrase == NULL || *passphrase == '\0';
  g_autofree char *label = NULL;

  g_task_set_source_tag (task, sa_sync_keyring_store_async);
  g_task_set_task_data (task, GINT_TO_POINTER (clear), NULL);
  if (memory != NULL)
    {
      if (clear)
        g_hash_table_remove (memory, db_path);
      else
        g_hash_table_insert (memory, g_strdup (db_path), g_strdup (passphrase));
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (clear)
    {
      secret_password_clear (get_schema (), cancellable, on_stored, task, "database", db_path, NULL);
      return;
    }
  /* Translators: the name of the secret in the keyring; %s is a database file */
  label = g_strdup_printf (_("Sasaeai sync passphrase for %s"), db_path);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, passphrase, cancellable,
                         on_stored, task, "database", db_path, NULL);
}

/**
 * sa_sync_keyring_store_finish:
 * @result: the result passed to the callback
 * @error: return location for why the keyring could not keep it
 *
 * Returns: whether the passphrase was kept (or removed)
 */
gboolean
sa_sync_keyring_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
