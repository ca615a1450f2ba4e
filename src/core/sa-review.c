/* sa-review.c: a yearly review of a commitment, one row of the review table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-review.h"

struct _SaReview
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaReview, sa_review, SA_TYPE_RECORD)

static const char * const statuses[] = { "planned", "in-progress", "done", "suspended", NULL };
static const char * const status_labels[] = { N_("Planned"), N_("In progress"), N_("Done"), N_("Suspended"), NULL };

static const SaColumn columns[] = {
  { "commitment_id", N_("Commitment"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "commitment", NULL },
  { "fiscal_year", N_("Fiscal year"), SA_COLUMN_INT, SA_COLUMN_REQUIRED | SA_COLUMN_FISCAL_YEAR, 1868, 9999, NULL, NULL },
  { "status", N_("Status"), SA_COLUMN_TEXT, 0, 0, 20, NULL, statuses, status_labels },
  { "progress_value", N_("Progress"), SA_COLUMN_INT, 0, 0, 1000000000, NULL, NULL },
  { "achievements", N_("Achievements"), SA_COLUMN_TEXT, SA_COLUMN_MULTILINE, 0, 10000, NULL, NULL },
  { "evaluation", N_("Evaluation"), SA_COLUMN_TEXT, SA_COLUMN_MULTILINE, 0, 10000, NULL, NULL },
  { "next_steps", N_("Next steps"), SA_COLUMN_TEXT, SA_COLUMN_MULTILINE, 0, 10000, NULL, NULL },
};

const SaTable sa_review_table = {
  "review", columns, G_N_ELEMENTS (columns), "fiscal_year", sa_review_get_type, NULL, "commitment_id",
};

static void
sa_review_class_init (SaReviewClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_review_table);
}

static void
sa_review_init (SaReview *self)
{
}

SaReview *
sa_review_new (void)
{
  return g_object_new (SA_TYPE_REVIEW, NULL);
}
