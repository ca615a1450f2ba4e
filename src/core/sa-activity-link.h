/* sa-activity-link.h: a link between an activity and a commitment, one row of the activity_commitment table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_ACTIVITY_LINK (sa_activity_link_get_type ())

G_DECLARE_FINAL_TYPE (SaActivityLink, sa_activity_link, SA, ACTIVITY_LINK, SaRecord)

/* Columns of the activity_commitment table, in the order of sa_activity_link_table. */
typedef enum
{
  SA_ACTIVITY_LINK_ACTIVITY_ID,
  SA_ACTIVITY_LINK_COMMITMENT_ID,
} SaActivityLinkColumn;

extern const SaTable sa_activity_link_table;

SaActivityLink *sa_activity_link_new (void);
char           *sa_activity_link_make_id (const char *activity_id,
                                          const char *commitment_id);

G_END_DECLS
