/* sa-resource-link.h: a link between a local resource and a commitment, one row of the resource_commitment table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_RESOURCE_LINK (sa_resource_link_get_type ())

G_DECLARE_FINAL_TYPE (SaResourceLink, sa_resource_link, SA, RESOURCE_LINK, SaRecord)

/* Columns of the resource_commitment table, in the order of sa_resource_link_table. */
typedef enum
{
  SA_RESOURCE_LINK_RESOURCE_ID,
  SA_RESOURCE_LINK_COMMITMENT_ID,
} SaResourceLinkColumn;

extern const SaTable sa_resource_link_table;

SaResourceLink *sa_resource_link_new     (void);
char           *sa_resource_link_make_id (const char *resource_id,
                                          const char *commitment_id);

G_END_DECLS
