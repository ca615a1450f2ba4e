/* sa-plan.h: a plan, one row of the plan table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_PLAN (sa_plan_get_type ())

G_DECLARE_FINAL_TYPE (SaPlan, sa_plan, SA, PLAN, SaRecord)

/* Columns of the plan table, in the order of sa_plan_table. */
typedef enum
{
  SA_PLAN_TITLE,
  SA_PLAN_AREA,
  SA_PLAN_FIRST_FY,
  SA_PLAN_LAST_FY,
  SA_PLAN_SLOGAN,
  SA_PLAN_DISTRICT_ID,
  SA_PLAN_PARENT_ID,
} SaPlanColumn;

extern const SaTable sa_plan_table;

SaPlan *sa_plan_new (void);

G_END_DECLS
