/* sa-actor.h: a actor, one row of the actor table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_ACTOR (sa_actor_get_type ())

G_DECLARE_FINAL_TYPE (SaActor, sa_actor, SA, ACTOR, SaRecord)

/* Columns of the actor table, in the order of sa_actor_table. */
typedef enum
{
  SA_ACTOR_PLAN_ID,
  SA_ACTOR_NAME,
  SA_ACTOR_KIND,
  SA_ACTOR_POSITION,
} SaActorColumn;

extern const SaTable sa_actor_table;

SaActor *sa_actor_new (void);

G_END_DECLS
