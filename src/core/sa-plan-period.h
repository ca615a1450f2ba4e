/* sa-plan-period.h: a plan's next period, and how its commitments carry over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

/* Indexes into sa_carry_over_kinds. */
typedef enum
{
  SA_CARRY_OVER_CONTINUE,
  SA_CARRY_OVER_EXPAND,
  SA_CARRY_OVER_MERGE,
  SA_CARRY_OVER_END,
  SA_CARRY_OVER_NEW,
  SA_N_CARRY_OVER,
} SaCarryOverKind;

extern const char * const sa_carry_over_kinds[];

/**
 * SaCarryOver:
 * @old_id: (nullable): the commitment of the old plan
 * @old_text: (nullable): its text
 * @new_id: (nullable): the commitment of the new plan; %NULL for one that ended
 *   without a successor
 * @new_text: (nullable): its text
 * @kind: one of #sa_carry_over_kinds
 *
 * One line of the comparison of two plan periods.
 */
typedef struct
{
  char       *old_id;
  char       *old_text;
  char       *new_id;
  char       *new_text;
  const char *kind;
} SaCarryOver;

void       sa_carry_over_free     (SaCarryOver  *row);

char      *sa_plan_next_title     (const char   *title,
                                   int           first_fy,
                                   int           last_fy);
char      *sa_plan_dup_predecessor_plan (SaStore *store,
                                   const char   *plan_id,
                                   GError      **error);

char      *sa_plan_new_period     (SaStore      *store,
                                   const char   *plan_id,
                                   int           first_fy,
                                   int           last_fy,
                                   const char   *title,
                                   GError      **error);
gboolean   sa_plan_set_carry_over (SaStore      *store,
                                   const char   *commitment_id,
                                   const char   *kind,
                                   GError      **error);
GPtrArray *sa_plan_compare        (SaStore      *store,
                                   const char   *old_id,
                                   const char   *new_id,
                                   guint         counts[SA_N_CARRY_OVER],
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaCarryOver, sa_carry_over_free)

G_END_DECLS
