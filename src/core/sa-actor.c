/* sa-actor.c: a actor, one row of the actor table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-actor.h"

struct _SaActor
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaActor, sa_actor, SA_TYPE_RECORD)

static const char * const kinds[] = { "community", "institution", "ward-office", "welfare-council", "care-plaza", "other", NULL };
static const char * const kind_labels[] = {
  N_("Residents and community groups"), N_("Related institutions"), N_("Ward office"),
  N_("Ward social welfare council"), N_("Community care plaza"), N_("Other"), NULL
};

static const SaColumn columns[] = {
  { "plan_id", N_("Plan"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "plan", NULL },
  { "name", N_("Name"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 100, NULL, NULL },
  { "kind", N_("Kind"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 20, NULL, kinds, kind_labels },
  { "position", N_("Position"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
};

const SaTable sa_actor_table = {
  "actor", columns, G_N_ELEMENTS (columns), "position, name", sa_actor_get_type,
};

static void
sa_actor_class_init (SaActorClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_actor_table);
}

static void
sa_actor_init (SaActor *self)
{
}

SaActor *
sa_actor_new (void)
{
  return g_object_new (SA_TYPE_ACTOR, NULL);
}
