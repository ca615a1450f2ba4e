/* sa-expected-action.c: a expected action, one row of the expected_action table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-expected-action.h"

struct _SaExpectedAction
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaExpectedAction, sa_expected_action, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "goal_id", N_("Goal"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "goal", NULL },
  { "actor_id", N_("Actor"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "actor", NULL },
  { "text", N_("Text"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED | SA_COLUMN_MULTILINE, 0, 2000, NULL, NULL },
  { "position", N_("Position"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
};

const SaTable sa_expected_action_table = {
  "expected_action", columns, G_N_ELEMENTS (columns), "position", sa_expected_action_get_type, NULL, "goal_id",
};

static void
sa_expected_action_class_init (SaExpectedActionClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_expected_action_table);
}

static void
sa_expected_action_init (SaExpectedAction *self)
{
}

SaExpectedAction *
sa_expected_action_new (void)
{
  return g_object_new (SA_TYPE_EXPECTED_ACTION, NULL);
}
