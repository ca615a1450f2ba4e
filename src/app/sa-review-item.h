/* sa-review-item.h: one commitment's yearly review in the Review view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-store-review.h"
#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_REVIEW_ITEM (sa_review_item_get_type ())

G_DECLARE_FINAL_TYPE (SaReviewItem, sa_review_item, SA, REVIEW_ITEM, AdwExpanderRow)

SaReviewItem *sa_review_item_new                (SaContext          *context,
                                                 GPtrArray          *levels,
                                                 const SaReviewRow  *row);
void          sa_review_item_update             (SaReviewItem       *self,
                                                 GPtrArray          *levels,
                                                 const SaReviewRow  *row);
const char   *sa_review_item_get_commitment_id  (SaReviewItem       *self);
void          sa_review_item_save_pending       (SaReviewItem       *self);
char         *sa_review_item_format_target      (const SaReviewRow  *row);
char         *sa_review_item_format_totals      (const SaReviewRow  *row);

G_END_DECLS
