/* site-fixture.c: a temporary folder of sites' databases, for the sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "site-fixture.h"

void
site_fixture_setup (SiteFixture   *f,
                    gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("sasaeai-sync-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

void
site_fixture_teardown (SiteFixture   *f,
                       gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

char *
site_fixture_path (SiteFixture *f,
                   const char  *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* A new database NAME.db in the folder, for the site named @name. */
SaStore *
site_fixture_open (SiteFixture *f,
                   const char  *name)
{
  g_autofree char *file = g_strconcat (name, ".db", NULL);
  g_autofree char *path = site_fixture_path (f, file);
  g_autoptr(GError) error = NULL;
  SaStore *store = sa_store_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (sa_store_set_site_name (store, name, &error));
  return store;
}

void
site_fixture_count_file (GFile                *file,
                         const SaImportReport *report,
                         const GError         *error,
                         gpointer              user_data)
{
  SiteFolderCount *count = user_data;

  if (report != NULL)
    count->n_imported++;
  else
    count->n_refused++;
}
