/* sa-schedule-phase.c: a schedule phase, one row of the schedule_phase table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-schedule-phase.h"

struct _SaSchedulePhase
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaSchedulePhase, sa_schedule_phase, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "commitment_id", N_("Commitment"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "commitment", NULL },
  { "label", N_("Phase"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 50, NULL, NULL },
  { "start_fy", N_("Start fiscal year"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 1868, 9999, NULL, NULL },
  { "end_fy", N_("End fiscal year"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 1868, 9999, NULL, NULL },
};

const SaTable sa_schedule_phase_table = {
  "schedule_phase", columns, G_N_ELEMENTS (columns), "start_fy, end_fy", sa_schedule_phase_get_type,
};

static void
sa_schedule_phase_class_init (SaSchedulePhaseClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_schedule_phase_table);
}

static void
sa_schedule_phase_init (SaSchedulePhase *self)
{
}

SaSchedulePhase *
sa_schedule_phase_new (void)
{
  return g_object_new (SA_TYPE_SCHEDULE_PHASE, NULL);
}
