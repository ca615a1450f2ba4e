/* sa-store-timeline.h: what the timeline and the handouts ask of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

GHashTable *sa_store_count_commitment_activities (SaStore  *self,
                                                  int       first_fy,
                                                  int       last_fy,
                                                  GError  **error);

gboolean    sa_store_get_phase_years (SaStore     *self,
                                      const char  *plan_id,
                                      int         *first_fy,
                                      int         *last_fy,
                                      GError     **error);

G_END_DECLS
