/* site-fixture.h: a temporary folder of sites' databases, for the sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-import.h"
#include "sa-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
} SiteFixture;

void     site_fixture_setup    (SiteFixture   *f,
                                gconstpointer  data);
void     site_fixture_teardown (SiteFixture   *f,
                                gconstpointer  data);
char    *site_fixture_path     (SiteFixture   *f,
                                const char    *name);
SaStore *site_fixture_open     (SiteFixture   *f,
                                const char    *name);

/* What a sync folder did with the other sites' files, counted by
 * site_fixture_count_file(), an SaSyncFolderFunc. */
typedef struct
{
  guint n_imported;
  guint n_refused;
} SiteFolderCount;

void     site_fixture_count_file (GFile                *file,
                                  const SaImportReport *report,
                                  const GError         *error,
                                  gpointer              user_data);

G_END_DECLS
