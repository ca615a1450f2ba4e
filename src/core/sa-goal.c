/* sa-goal.c: a goal, one row of the goal table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-goal.h"

struct _SaGoal
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaGoal, sa_goal, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "section_id", N_("Section"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "section", NULL },
  { "number", N_("Number"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 1, 999, NULL, NULL },
  { "title", N_("Title"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 500, NULL, NULL },
};

const SaTable sa_goal_table = {
  "goal", columns, G_N_ELEMENTS (columns), "number", sa_goal_get_type,
};

static void
sa_goal_class_init (SaGoalClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_goal_table);
}

static void
sa_goal_init (SaGoal *self)
{
}

SaGoal *
sa_goal_new (void)
{
  return g_object_new (SA_TYPE_GOAL, NULL);
}
