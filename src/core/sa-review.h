/* sa-review.h: a yearly review of a commitment, one row of the review table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_REVIEW (sa_review_get_type ())

G_DECLARE_FINAL_TYPE (SaReview, sa_review, SA, REVIEW, SaRecord)

/* Columns of the review table, in the order of sa_review_table. */
typedef enum
{
  SA_REVIEW_COMMITMENT_ID,
  SA_REVIEW_FISCAL_YEAR,
  SA_REVIEW_RATING,
  SA_REVIEW_RESULTS,
  SA_REVIEW_ISSUES,
  SA_REVIEW_NEXT,
  SA_REVIEW_ACTUAL,
} SaReviewColumn;

extern const SaTable sa_review_table;

SaReview *sa_review_new     (void);
char     *sa_review_make_id (const char *commitment_id,
                             int         fiscal_year);

G_END_DECLS
