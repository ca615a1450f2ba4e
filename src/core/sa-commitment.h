/* sa-commitment.h: a commitment, one row of the commitment table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_COMMITMENT (sa_commitment_get_type ())

G_DECLARE_FINAL_TYPE (SaCommitment, sa_commitment, SA, COMMITMENT, SaRecord)

/* Columns of the commitment table, in the order of sa_commitment_table. */
typedef enum
{
  SA_COMMITMENT_GOAL_ID,
  SA_COMMITMENT_ACTOR_ID,
  SA_COMMITMENT_TEXT,
  SA_COMMITMENT_TARGET_TEXT,
  SA_COMMITMENT_TARGET_VALUE,
  SA_COMMITMENT_TARGET_UNIT,
  SA_COMMITMENT_POSITION,
  SA_COMMITMENT_TARGET_MEASURE,
  SA_COMMITMENT_PREDECESSOR_ID,
  SA_COMMITMENT_CARRY_OVER,
} SaCommitmentColumn;

extern const SaTable sa_commitment_table;

SaCommitment *sa_commitment_new (void);

G_END_DECLS
