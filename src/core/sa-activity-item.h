/* sa-activity-item.h: what one row of the activity log shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-store.h"

G_BEGIN_DECLS

#define SA_TYPE_ACTIVITY_ITEM (sa_activity_item_get_type ())

G_DECLARE_FINAL_TYPE (SaActivityItem, sa_activity_item, SA, ACTIVITY_ITEM, GObject)

const char         *sa_activity_item_get_id                (SaActivityItem *self);
const char         *sa_activity_item_get_date              (SaActivityItem *self);
guint               sa_activity_item_get_day               (SaActivityItem *self);
int                 sa_activity_item_get_fiscal_year       (SaActivityItem *self);
const char         *sa_activity_item_get_time              (SaActivityItem *self);
const char         *sa_activity_item_get_title             (SaActivityItem *self);
const char         *sa_activity_item_get_organization_id   (SaActivityItem *self);
const char         *sa_activity_item_get_organization_name (SaActivityItem *self);
const char         *sa_activity_item_get_district_id       (SaActivityItem *self);
const char         *sa_activity_item_get_district_name     (SaActivityItem *self);
int                 sa_activity_item_get_district_position (SaActivityItem *self);
const char         *sa_activity_item_get_place             (SaActivityItem *self);
guint               sa_activity_item_get_participants      (SaActivityItem *self);
guint               sa_activity_item_get_volunteers        (SaActivityItem *self);
const char         *sa_activity_item_get_notes             (SaActivityItem *self);
const char * const *sa_activity_item_get_commitment_ids    (SaActivityItem *self);
guint               sa_activity_item_get_n_commitments     (SaActivityItem *self);
guint               sa_activity_item_get_commitment_rank   (SaActivityItem *self);
gboolean            sa_activity_item_has_commitment        (SaActivityItem *self,
                                                            const char     *commitment_id);
const char         *sa_activity_item_get_search_key        (SaActivityItem *self);
gboolean            sa_activity_item_matches               (SaActivityItem *self,
                                                            const char * const *words);

guint64             sa_activity_items_sum_participants     (SaActivityItem * const *items,
                                                            guint                   n_items);

int                 sa_activity_item_compare_title         (SaActivityItem *a,
                                                            SaActivityItem *b);

/* Substring search that ignores case and compatibility forms */
char               *sa_search_fold                         (const char     *text);
char              **sa_search_words                        (const char     *text);
gboolean            sa_search_match                        (const char     *folded,
                                                            const char * const *words);

G_END_DECLS
