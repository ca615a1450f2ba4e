/* sa-sync-folder.c: a folder shared by many sites, each writing its own sync file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-sync-file.h"
#include "sa-sync-folder.h"

/* ---- A folder shared by many sites -------------------------------------------------- */

/**
 * sa_sync_file_name_for_site:
 * @site_id: a site's id
 *
 * Returns: (transfer full): the name of the site's file in a sync folder,
 *   `SITE-ID.sasaeai`, which no other site writes
 */
char *
sa_sync_file_name_for_site (const char *site_id)
{
  g_return_val_if_fail (site_id != NULL, NULL);

  return g_strconcat (site_id, SA_SYNC_SUFFIX, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The other sites' files, by name, so every run takes them in the same order. */
static GPtrArray *
list_other_files (GFile         *folder,
                  const char    *own_name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return NULL;
  while (g_file_enumerator_iterate (children, &info, NULL, cancellable, error) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (name, SA_SYNC_SUFFIX) && g_strcmp0 (name, own_name) != 0)
        g_ptr_array_add (names, g_strdup (name));
    }
  if (error != NULL && *error != NULL)
    return NULL;
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

static void
import_one (SaStore          *store,
            GFile            *file,
            SaSyncFolderFunc  func,
            gpointer          user_data,
            GCancellable     *cancellable)
{
  g_auto(SaImportReport) report = { 0, };
  g_autoptr(SaSyncFile) contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!(contents = sa_sync_file_read (file, cancellable, &error)) ||
      !sa_sync_file_import (contents, store, FALSE, &report, &error))
    func (file, NULL, error, user_data);
  else
    func (file, &report, NULL, user_data);
}

/**
 * sa_sync_folder:
 * @store: a store
 * @folder: a folder that every site reads and writes, such as a network share or a
 *   folder kept in step by a file-sync service
 * @func: (scope call): told how each other site's file went
 * @user_data: data for @func
 * @cancellable: (nullable): a #GCancellable
 * @error: set when the folder cannot be read or this site's file cannot be written
 *
 * Imports every other site's `.sasaeai` file in @folder, then writes this site's own
 * as `SITE-ID.sasaeai`. Importing first lets this site's file carry on what it has
 * just learnt, so changes cross the whole city sooner. A file that is refused leaves
 * the database as it was and does not stop the others.
 */
gboolean
sa_sync_folder (SaStore           *store,
                GFile             *folder,
                SaSyncFolderFunc   func,
                gpointer           user_data,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autofree char *own_name = NULL;
  g_autoptr(GFile) own_file = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  own_name = sa_sync_file_name_for_site (sa_store_get_site_id (store));
  if (!(names = list_other_files (folder, own_name, cancellable, error)))
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, g_ptr_array_index (names, i));

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      import_one (store, file, func, user_data, cancellable);
    }

  /* An import may have made this database a new site (sa_import_records_full()):
   * it writes under its new id, and leaves the old id's file to the other database. */
  g_free (own_name);
  own_name = sa_sync_file_name_for_site (sa_store_get_site_id (store));
  own_file = g_file_get_child (folder, own_name);
  return sa_sync_file_export (store, own_file, cancellable, error);
}
