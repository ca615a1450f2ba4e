/* render-fixture.h: stores with plans to lay out, for the timeline and handout tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

typedef struct
{
  char    *dir;
  char    *path;
  SaStore *store;
} RenderFixture;

void      render_fixture_setup          (RenderFixture *f,
                                         gconstpointer  sample);
void      render_fixture_teardown       (RenderFixture *f,
                                         gconstpointer  data);
char     *render_fixture_add_plan       (SaStore       *store,
                                         guint          n_goals,
                                         guint          n_commitments,
                                         const char    *text);
char     *render_fixture_add_commitment (SaStore       *store,
                                         const char    *goal_id,
                                         const char    *actor_id,
                                         const char    *text,
                                         guint          position);
void      render_fixture_add_phase      (SaStore       *store,
                                         const char    *commitment_id,
                                         const char    *label,
                                         int            start_fy,
                                         int            end_fy);
char     *render_fixture_add_activity   (SaStore       *store,
                                         const char    *date,
                                         const char    *commitment_id);
char     *render_fixture_find           (SaStore       *store,
                                         const char    *table,
                                         const char    *column,
                                         const char    *value);
char     *render_fixture_pdf_text       (const char    *pdf,
                                         guint          page);

G_END_DECLS
