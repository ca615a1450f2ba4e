/* sa-activity-filter.h: which activities the views show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_ACTIVITY_FILTER (sa_activity_filter_get_type ())

G_DECLARE_FINAL_TYPE (SaActivityFilter, sa_activity_filter, SA, ACTIVITY_FILTER, GObject)

SaActivityFilter *sa_activity_filter_new                 (void);

const char       *sa_activity_filter_get_organization_id (SaActivityFilter   *self);
void              sa_activity_filter_set_organization_id (SaActivityFilter   *self,
                                                          const char         *organization_id);
const char       *sa_activity_filter_get_district_id     (SaActivityFilter   *self);
void              sa_activity_filter_set_district_id     (SaActivityFilter   *self,
                                                          const char         *district_id);
const char       *sa_activity_filter_get_commitment_id   (SaActivityFilter   *self);
void              sa_activity_filter_set_commitment_id   (SaActivityFilter   *self,
                                                          const char         *commitment_id);
void              sa_activity_filter_clear               (SaActivityFilter   *self);

gboolean          sa_activity_filter_is_empty            (SaActivityFilter   *self);
gboolean          sa_activity_filter_match               (SaActivityFilter   *self,
                                                          SaRecord           *activity,
                                                          const char * const *commitment_ids);
gboolean          sa_activity_filter_match_values        (SaActivityFilter   *self,
                                                          const char         *organization_id,
                                                          const char         *district_id,
                                                          const char * const *commitment_ids);

G_END_DECLS
