/* sa-store-timeline.h: what the timeline, the handouts and the reviews ask of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

/* What the live activities linked to one commitment add up to in one fiscal year. */
typedef struct
{
  gint64 activities;
  gint64 participants;
  gint64 volunteers;
  gint64 districts;      /* distinct live districts they were held in */
} SaActivityTotals;

typedef struct _SaYearTotals SaYearTotals;

SaYearTotals *sa_store_total_commitment_activities (SaStore  *self,
                                                    int       first_fy,
                                                    int       last_fy,
                                                    GError  **error);
const SaActivityTotals *sa_year_totals_lookup (SaYearTotals *totals,
                                               const char   *commitment_id,
                                               int           fiscal_year);
void        sa_year_totals_free       (SaYearTotals *totals);

GHashTable *sa_store_count_commitment_activities (SaStore  *self,
                                                  int       first_fy,
                                                  int       last_fy,
                                                  GError  **error);

gboolean    sa_store_get_phase_years (SaStore     *self,
                                      const char  *plan_id,
                                      int         *first_fy,
                                      int         *last_fy,
                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaYearTotals, sa_year_totals_free)

G_END_DECLS
