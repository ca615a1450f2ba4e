/* sa-review-page.h: the Review view of the window, a year's review of each commitment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_REVIEW_PAGE (sa_review_page_get_type ())

G_DECLARE_FINAL_TYPE (SaReviewPage, sa_review_page, SA, REVIEW_PAGE, GtkWidget)

SaReviewPage *sa_review_page_new              (SaContext    *context);
int           sa_review_page_get_fiscal_year  (SaReviewPage *self);
void          sa_review_page_set_fiscal_year  (SaReviewPage *self,
                                               int           fiscal_year);

G_END_DECLS
