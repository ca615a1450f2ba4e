/* sa-review.c: a yearly review of a commitment, one row of the review table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-rating-level.h"
#include "sa-review.h"
#include "sa-store-review.h"

struct _SaReview
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaReview, sa_review, SA_TYPE_RECORD)

static const char * const nexts[] = { "continue", "expand", "revise", "end", NULL };
static const char * const next_labels[] = { N_("Continue"), N_("Expand"), N_("Revise"), N_("End"), NULL };

static const SaColumn columns[] = {
  { "commitment_id", N_("Commitment"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "commitment", NULL },
  { "fiscal_year", N_("Fiscal year"), SA_COLUMN_INT, SA_COLUMN_REQUIRED | SA_COLUMN_FISCAL_YEAR, 1868, 9999, NULL, NULL },
  { "rating", N_("Rating"), SA_COLUMN_TEXT, 0, 0, 10, NULL, NULL },
  { "results", N_("Results"), SA_COLUMN_TEXT, SA_COLUMN_MULTILINE, 0, 10000, NULL, NULL },
  { "issues", N_("Issues"), SA_COLUMN_TEXT, SA_COLUMN_MULTILINE, 0, 10000, NULL, NULL },
  { "next", N_("Next year"), SA_COLUMN_TEXT, 0, 0, 20, NULL, nexts, next_labels },
  /* The target's progress entered by hand, for a commitment whose measure is "manual". */
  { "actual", N_("Actual value"), SA_COLUMN_INT, 0, 0, 1000000000, NULL, NULL },
};

/* A rating is a level of the scale of the commitment's plan. Only local writes are
 * checked: a merge may bring a rating whose level another site removed meanwhile,
 * and keeping it is better than losing the review. */
static gboolean
check_rating (gpointer   store,
              gpointer   record,
              GError   **error)
{
  const char *rating = sa_record_get_text (record, SA_REVIEW_RATING);
  g_autofree char *plan_id = NULL;
  g_auto(GStrv) codes = NULL;

  if (rating == NULL)
    return TRUE;
  plan_id = sa_store_dup_commitment_plan (store, sa_record_get_text (record, SA_REVIEW_COMMITMENT_ID), error);
  if (plan_id == NULL ||
      !(codes = sa_store_dup_rating_codes (store, plan_id, error)))
    return FALSE;
  if (!g_strv_contains ((const char * const *) codes, rating))
    {
      g_autofree char *scale = g_strjoinv (", ", codes);

      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("Rating “%s” is not on the plan’s scale (%s)"), rating, scale);
      return FALSE;
    }
  return TRUE;
}

const SaTable sa_review_table = {
  "review", columns, G_N_ELEMENTS (columns), "fiscal_year", sa_review_get_type, check_rating, "commitment_id",
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

/**
 * sa_review_make_id:
 * @commitment_id: a commitment's id
 * @fiscal_year: the fiscal year reviewed
 *
 * There is one review of a commitment a year: two sites writing it independently
 * write the same row, merged field by field.
 *
 * Returns: (transfer full): the id of the review
 */
char *
sa_review_make_id (const char *commitment_id,
                   int         fiscal_year)
{
  g_autofree char *commitment = sa_id_normalize (commitment_id);
  g_autofree char *year = g_strdup_printf ("%d", fiscal_year);

  return sa_make_name_id ("review", commitment, year);
}
