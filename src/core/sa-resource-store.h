/* sa-resource-store.h: the register of local resources and their links to commitments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-resource.h"
#include "sa-store.h"

G_BEGIN_DECLS

GStrv     sa_store_dup_resource_commitments (SaStore            *self,
                                             const char         *resource_id,
                                             GError            **error);
gboolean  sa_store_set_resource_commitments (SaStore            *self,
                                             const char         *resource_id,
                                             const char * const *commitment_ids,
                                             GError            **error);
gboolean  sa_store_add_resource             (SaStore            *self,
                                             SaRecord           *resource,
                                             const char * const *commitment_ids,
                                             GError            **error);
gboolean  sa_store_edit_resource            (SaStore            *self,
                                             SaRecord           *resource,
                                             const char * const *commitment_ids,
                                             GError            **error);

G_END_DECLS
