/* sa-district.c: a district, one row of the district table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-district.h"

struct _SaDistrict
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaDistrict, sa_district, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "name", N_("Name"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 100, NULL, NULL },
  { "position", N_("Position"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
};

const SaTable sa_district_table = {
  "district", columns, G_N_ELEMENTS (columns), "position, name", sa_district_get_type,
};

static void
sa_district_class_init (SaDistrictClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_district_table);
}

static void
sa_district_init (SaDistrict *self)
{
}

SaDistrict *
sa_district_new (void)
{
  return g_object_new (SA_TYPE_DISTRICT, NULL);
}
