/* sa-organization.c: a organization, one row of the organization table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-organization.h"

struct _SaOrganization
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaOrganization, sa_organization, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "actor_id", N_("Actor"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "actor", NULL },
  { "name", N_("Name"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 200, NULL, NULL },
};

const SaTable sa_organization_table = {
  "organization", columns, G_N_ELEMENTS (columns), "name", sa_organization_get_type,
};

static void
sa_organization_class_init (SaOrganizationClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_organization_table);
}

static void
sa_organization_init (SaOrganization *self)
{
}

SaOrganization *
sa_organization_new (void)
{
  return g_object_new (SA_TYPE_ORGANIZATION, NULL);
}
