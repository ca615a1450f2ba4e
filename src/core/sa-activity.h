/* sa-activity.h: a activity, one row of the activity table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_ACTIVITY (sa_activity_get_type ())

G_DECLARE_FINAL_TYPE (SaActivity, sa_activity, SA, ACTIVITY, SaRecord)

/* Columns of the activity table, in the order of sa_activity_table. */
typedef enum
{
  SA_ACTIVITY_DATE,
  SA_ACTIVITY_TIME,
  SA_ACTIVITY_TITLE,
  SA_ACTIVITY_ORGANIZATION_ID,
  SA_ACTIVITY_DISTRICT_ID,
  SA_ACTIVITY_PLACE,
  SA_ACTIVITY_PARTICIPANTS,
  SA_ACTIVITY_VOLUNTEERS,
  SA_ACTIVITY_NOTES,
} SaActivityColumn;

extern const SaTable sa_activity_table;

SaActivity *sa_activity_new (void);

G_END_DECLS
