/* sa-initiative.c: a initiative, one row of the initiative table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-initiative.h"

struct _SaInitiative
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaInitiative, sa_initiative, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "goal_id", N_("Goal"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "goal", NULL },
  { "title", N_("Title"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 1000, NULL, NULL },
  { "position", N_("Position"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
};

const SaTable sa_initiative_table = {
  "initiative", columns, G_N_ELEMENTS (columns), "position", sa_initiative_get_type, NULL, "goal_id",
};

static void
sa_initiative_class_init (SaInitiativeClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_initiative_table);
}

static void
sa_initiative_init (SaInitiative *self)
{
}

SaInitiative *
sa_initiative_new (void)
{
  return g_object_new (SA_TYPE_INITIATIVE, NULL);
}
