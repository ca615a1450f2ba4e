/* sa-store-plans.h: the plans a database holds, and which one is meant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

GPtrArray *sa_store_list_plans   (SaStore     *self,
                                  GError     **error);
char      *sa_store_resolve_plan (SaStore     *self,
                                  const char  *plan_id,
                                  GError     **error);
char      *sa_store_dup_chosen_plan (SaStore  *self);
gboolean   sa_store_choose_plan  (SaStore     *self,
                                  const char  *plan_id,
                                  GError     **error);

char      *sa_store_lookup_actor (SaStore     *self,
                                  const char  *plan_id,
                                  const char  *name,
                                  GError     **error);
gboolean   sa_store_keep_default_plan (SaStore *self,
                                       GError **error);

G_END_DECLS
