/* sa-resource.h: a local resource (地域資源), one row of the resource table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_RESOURCE (sa_resource_get_type ())

G_DECLARE_FINAL_TYPE (SaResource, sa_resource, SA, RESOURCE, SaRecord)

/* Columns of the resource table, in the order of sa_resource_table. */
typedef enum
{
  SA_RESOURCE_NAME,
  SA_RESOURCE_KIND,
  SA_RESOURCE_DISTRICT_ID,
  SA_RESOURCE_OPENED,
  SA_RESOURCE_CLOSED,
  SA_RESOURCE_NOTES,
} SaResourceColumn;

extern const SaTable sa_resource_table;

SaResource *sa_resource_new (void);

G_END_DECLS
