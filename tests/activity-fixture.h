/* activity-fixture.h: a plan with organizations, districts and many activities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

char     *fixture_temp_db          (const char *name);
void      fixture_remove_db        (const char *path);
void      fixture_add_places       (SaStore    *store);
char     *fixture_organization_id  (SaStore    *store,
                                    const char *name);
char     *fixture_district_id      (SaStore    *store,
                                    const char *name);
void      fixture_add_activities   (SaStore    *store,
                                    guint       n,
                                    guint32     seed);
void      fixture_add_activities_by_date (SaStore *store,
                                          guint    n,
                                          guint32  seed);

G_END_DECLS
