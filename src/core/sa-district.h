/* sa-district.h: a district, one row of the district table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_DISTRICT (sa_district_get_type ())

G_DECLARE_FINAL_TYPE (SaDistrict, sa_district, SA, DISTRICT, SaRecord)

/* Columns of the district table, in the order of sa_district_table. */
typedef enum
{
  SA_DISTRICT_NAME,
  SA_DISTRICT_POSITION,
} SaDistrictColumn;

extern const SaTable sa_district_table;

SaDistrict *sa_district_new (void);

G_END_DECLS
