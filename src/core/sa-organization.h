/* sa-organization.h: a organization, one row of the organization table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_ORGANIZATION (sa_organization_get_type ())

G_DECLARE_FINAL_TYPE (SaOrganization, sa_organization, SA, ORGANIZATION, SaRecord)

/* Columns of the organization table, in the order of sa_organization_table. */
typedef enum
{
  SA_ORGANIZATION_ACTOR_ID,
  SA_ORGANIZATION_NAME,
} SaOrganizationColumn;

extern const SaTable sa_organization_table;

SaOrganization *sa_organization_new (void);

G_END_DECLS
