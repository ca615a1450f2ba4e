/* sa-plan-years.h: changing a plan's years when phases or activities fall outside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

/**
 * SaPlanYearsMode:
 * @SA_PLAN_YEARS_REFUSE: refuse new years that leave phases or activities outside
 * @SA_PLAN_YEARS_KEEP: keep the phases as they are; the timeline widens to them
 * @SA_PLAN_YEARS_CLIP: shorten phases to the new years; delete those wholly outside
 *
 * What to do with phases outside a plan's new years. Activities are never changed.
 */
typedef enum
{
  SA_PLAN_YEARS_REFUSE,
  SA_PLAN_YEARS_KEEP,
  SA_PLAN_YEARS_CLIP,
} SaPlanYearsMode;

gboolean sa_plan_years_count_outside (SaStore          *store,
                                      const char       *plan_id,
                                      int               first_fy,
                                      int               last_fy,
                                      guint            *n_phases,
                                      guint            *n_activities,
                                      GError          **error);
char    *sa_plan_years_describe_outside (guint          n_phases,
                                      guint             n_activities,
                                      int               first_fy,
                                      int               last_fy);
GPtrArray *sa_plan_years_clipped_phases (SaStore       *store,
                                      const char       *plan_id,
                                      int               first_fy,
                                      int               last_fy,
                                      GError          **error);
gboolean sa_plan_set_years           (SaStore          *store,
                                      const char       *plan_id,
                                      int               first_fy,
                                      int               last_fy,
                                      SaPlanYearsMode   mode,
                                      GError          **error);

G_END_DECLS
