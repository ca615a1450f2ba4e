/* sa-csv-match.h: which lines of an activity CSV file are activities already stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

typedef struct _SaCsvMatcher SaCsvMatcher;

SaCsvMatcher *sa_csv_matcher_new        (SaStore       *store);
void          sa_csv_matcher_free       (SaCsvMatcher  *self);
gboolean      sa_csv_matcher_claim      (SaCsvMatcher  *self,
                                         SaRecord      *activity,
                                         gboolean      *stored,
                                         GError       **error);

char         *sa_csv_describe_lines     (GArray        *lines,
                                         guint          max_ranges);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaCsvMatcher, sa_csv_matcher_free)

G_END_DECLS
