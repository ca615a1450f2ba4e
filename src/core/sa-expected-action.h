/* sa-expected-action.h: a expected action, one row of the expected_action table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_EXPECTED_ACTION (sa_expected_action_get_type ())

G_DECLARE_FINAL_TYPE (SaExpectedAction, sa_expected_action, SA, EXPECTED_ACTION, SaRecord)

/* Columns of the expected_action table, in the order of sa_expected_action_table. */
typedef enum
{
  SA_EXPECTED_ACTION_GOAL_ID,
  SA_EXPECTED_ACTION_ACTOR_ID,
  SA_EXPECTED_ACTION_TEXT,
  SA_EXPECTED_ACTION_POSITION,
} SaExpectedActionColumn;

extern const SaTable sa_expected_action_table;

SaExpectedAction *sa_expected_action_new (void);

G_END_DECLS
