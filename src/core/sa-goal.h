/* sa-goal.h: a goal, one row of the goal table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_GOAL (sa_goal_get_type ())

G_DECLARE_FINAL_TYPE (SaGoal, sa_goal, SA, GOAL, SaRecord)

/* Columns of the goal table, in the order of sa_goal_table. */
typedef enum
{
  SA_GOAL_SECTION_ID,
  SA_GOAL_NUMBER,
  SA_GOAL_TITLE,
} SaGoalColumn;

extern const SaTable sa_goal_table;

SaGoal *sa_goal_new (void);

G_END_DECLS
