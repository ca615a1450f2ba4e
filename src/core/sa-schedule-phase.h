/* sa-schedule-phase.h: a schedule phase, one row of the schedule_phase table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_SCHEDULE_PHASE (sa_schedule_phase_get_type ())

G_DECLARE_FINAL_TYPE (SaSchedulePhase, sa_schedule_phase, SA, SCHEDULE_PHASE, SaRecord)

/* Columns of the schedule_phase table, in the order of sa_schedule_phase_table. */
typedef enum
{
  SA_SCHEDULE_PHASE_COMMITMENT_ID,
  SA_SCHEDULE_PHASE_LABEL,
  SA_SCHEDULE_PHASE_START_FY,
  SA_SCHEDULE_PHASE_END_FY,
} SaSchedulePhaseColumn;

extern const SaTable sa_schedule_phase_table;

SaSchedulePhase *sa_schedule_phase_new (void);

G_END_DECLS
