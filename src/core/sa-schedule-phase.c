/* sa-schedule-phase.c: a schedule phase, one row of the schedule_phase table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-date.h"
#include "sa-error.h"
#include "sa-schedule-phase.h"
#include "sa-store-private.h"

struct _SaSchedulePhase
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaSchedulePhase, sa_schedule_phase, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "commitment_id", N_("Commitment"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "commitment", NULL },
  { "label", N_("Phase"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 50, NULL, NULL },
  { "start_fy", N_("Start fiscal year"), SA_COLUMN_INT, SA_COLUMN_REQUIRED | SA_COLUMN_FISCAL_YEAR, 1868, 9999, NULL, NULL },
  { "end_fy", N_("End fiscal year"), SA_COLUMN_INT, SA_COLUMN_REQUIRED | SA_COLUMN_FISCAL_YEAR, 1868, 9999, NULL, NULL },
};

/* Whether the phase keeps the commitment and years it has: a phase the plan's years
 * were shrunk around, keeping it, may still have its label changed. */
static gboolean
years_unchanged (SaStore  *store,
                 SaRecord *record)
{
  const char *id = sa_record_get_id (record);
  g_autoptr(SaRecord) old = id ? sa_store_get (store, &sa_schedule_phase_table, id, NULL) : NULL;

  return old != NULL &&
         sa_record_value_equal (old, record, SA_SCHEDULE_PHASE_COMMITMENT_ID) &&
         sa_record_value_equal (old, record, SA_SCHEDULE_PHASE_START_FY) &&
         sa_record_value_equal (old, record, SA_SCHEDULE_PHASE_END_FY);
}

/* A new or moved phase lies within the years of the plan its commitment belongs to. */
static gboolean
check_years (gpointer   store,
             gpointer   record,
             GError   **error)
{
  gint64 start = sa_record_get_int (record, SA_SCHEDULE_PHASE_START_FY);
  gint64 end = sa_record_get_int (record, SA_SCHEDULE_PHASE_END_FY);
  gint64 first, last;
  g_autofree char *first_label = NULL, *last_label = NULL;

  if (start > end)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("A phase must not end before it starts"));
      return FALSE;
    }
  if (!_sa_store_get_plan_years (store, sa_record_get_text (record, SA_SCHEDULE_PHASE_COMMITMENT_ID),
                                 &first, &last))
    return TRUE;
  if ((start >= first && end <= last) || years_unchanged (store, record))
    return TRUE;

  first_label = sa_message_year_label ((int) first);
  last_label = sa_message_year_label ((int) last);
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("A phase must lie within the plan’s years, %s to %s"), first_label, last_label);
  return FALSE;
}

const SaTable sa_schedule_phase_table = {
  "schedule_phase", columns, G_N_ELEMENTS (columns), "start_fy, end_fy", sa_schedule_phase_get_type,
  check_years, "commitment_id",
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
