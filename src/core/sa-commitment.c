/* sa-commitment.c: a commitment, one row of the commitment table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-commitment.h"

struct _SaCommitment
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaCommitment, sa_commitment, SA_TYPE_RECORD)

/* How the target's progress is measured; NULL when it is not (sa-store-review.c). */
static const char * const measures[] = { "places", "districts", "activities", "manual", NULL };
static const char * const measure_labels[] = {
  N_("Places (local resources)"), N_("Districts reached (all districts)"), N_("Activities"),
  N_("Entered by hand"), NULL
};

/* How a commitment of a new plan period relates to the one it carries over. */
static const char * const carry_overs[] = { "continue", "expand", "merge", "end", "new", NULL };
static const char * const carry_over_labels[] = {
  N_("Continued"), N_("Expanded"), N_("Merged"), N_("Ended"), N_("New"), NULL
};

static const SaColumn columns[] = {
  { "goal_id", N_("Goal"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "goal", NULL },
  { "actor_id", N_("Actor"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "actor", NULL },
  { "text", N_("Text"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED | SA_COLUMN_MULTILINE, 0, 2000, NULL, NULL },
  { "target_text", N_("Target"), SA_COLUMN_TEXT, 0, 0, 200, NULL, NULL },
  { "target_value", N_("Target value"), SA_COLUMN_INT, 0, 0, 1000000000, NULL, NULL },
  { "target_unit", N_("Target unit"), SA_COLUMN_TEXT, 0, 0, 20, NULL, NULL },
  { "position", N_("Position"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
  { "target_measure", N_("Measure"), SA_COLUMN_TEXT, 0, 0, 20, NULL, measures, measure_labels },
  { "predecessor_id", N_("Predecessor"), SA_COLUMN_REF, 0, 0, 0, "commitment", NULL },
  { "carry_over", N_("Carry-over"), SA_COLUMN_TEXT, 0, 0, 20, NULL, carry_overs, carry_over_labels },
};

const SaTable sa_commitment_table = {
  "commitment", columns, G_N_ELEMENTS (columns), "position", sa_commitment_get_type, NULL, "goal_id",
};

static void
sa_commitment_class_init (SaCommitmentClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_commitment_table);
}

static void
sa_commitment_init (SaCommitment *self)
{
}

SaCommitment *
sa_commitment_new (void)
{
  return g_object_new (SA_TYPE_COMMITMENT, NULL);
}
