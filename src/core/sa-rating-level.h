/* sa-rating-level.h: one level of a plan's rating scale, one row of the rating_level table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_RATING_LEVEL (sa_rating_level_get_type ())

G_DECLARE_FINAL_TYPE (SaRatingLevel, sa_rating_level, SA, RATING_LEVEL, SaRecord)

/* Columns of the rating_level table, in the order of sa_rating_level_table. */
typedef enum
{
  SA_RATING_LEVEL_PLAN_ID,
  SA_RATING_LEVEL_CODE,
  SA_RATING_LEVEL_LABEL,
  SA_RATING_LEVEL_POSITION,
} SaRatingLevelColumn;

extern const SaTable sa_rating_level_table;

/* The scale of a plan without rating_level rows: codes and their labels (N_()). */
extern const char * const sa_rating_default_codes[];
extern const char * const sa_rating_default_labels[];

SaRatingLevel *sa_rating_level_new     (void);
char          *sa_rating_level_make_id (const char *plan_id,
                                        const char *code);

G_END_DECLS
