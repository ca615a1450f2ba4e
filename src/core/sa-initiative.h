/* sa-initiative.h: a initiative, one row of the initiative table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_INITIATIVE (sa_initiative_get_type ())

G_DECLARE_FINAL_TYPE (SaInitiative, sa_initiative, SA, INITIATIVE, SaRecord)

/* Columns of the initiative table, in the order of sa_initiative_table. */
typedef enum
{
  SA_INITIATIVE_GOAL_ID,
  SA_INITIATIVE_TITLE,
  SA_INITIATIVE_POSITION,
} SaInitiativeColumn;

extern const SaTable sa_initiative_table;

SaInitiative *sa_initiative_new (void);

G_END_DECLS
