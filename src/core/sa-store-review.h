/* sa-store-review.h: yearly reviews of commitments and each plan's rating scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-review.h"
#include "sa-store.h"
#include "sa-store-timeline.h"

G_BEGIN_DECLS

/* One commitment's line in a year's review: what it is, what the activity log
 * says of that year, its target's progress and the review written for it. */
typedef struct
{
  char    *commitment_id;
  char    *actor;          /* the actor's name */
  char    *text;
  int      fiscal_year;
  gint64   activities;     /* linked activities of the year, deleted ones not counted */
  gint64   participants;
  gint64   volunteers;
  gboolean has_target;
  char    *target_text;    /* nullable */
  gboolean has_target_value;
  gint64   target_value;
  char    *target_unit;    /* nullable */
  gboolean has_actual;     /* whether the target's progress is known: counted as its
                            * measure says, or entered by hand */
  gint64   actual;
  SaReview *review;        /* nullable: the stored review, when there is one */
  char    *target_measure; /* nullable: places, districts, activities or manual */
} SaReviewRow;

void        sa_review_row_free           (SaReviewRow  *row);
gboolean    sa_review_row_get_percent    (SaReviewRow  *row,
                                          gint64       *percent);

char       *sa_store_dup_commitment_plan (SaStore      *self,
                                          const char   *commitment_id,
                                          GError      **error);
GPtrArray  *sa_store_list_rating_levels  (SaStore      *self,
                                          const char   *plan_id,
                                          GError      **error);
GStrv       sa_store_dup_rating_codes    (SaStore      *self,
                                          const char   *plan_id,
                                          GError      **error);
gboolean    sa_store_set_rating_scale    (SaStore      *self,
                                          const char   *plan_id,
                                          const char * const *codes,
                                          const char * const *labels,
                                          GError      **error);
SaReview   *sa_store_dup_review          (SaStore      *self,
                                          const char   *commitment_id,
                                          int           fiscal_year,
                                          GError      **error);
gboolean    sa_store_save_review         (SaStore      *self,
                                          SaReview     *review,
                                          GError      **error);
GPtrArray  *sa_store_list_review_rows    (SaStore      *self,
                                          const char   *plan_id,
                                          int           fiscal_year,
                                          GError      **error);
GPtrArray  *sa_store_list_review_rows_totaled (SaStore      *self,
                                               const char   *plan_id,
                                               int           fiscal_year,
                                               SaYearTotals *totals,
                                               GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaReviewRow, sa_review_row_free)

G_END_DECLS
