/* sa-resource-link.c: a link between a local resource and a commitment, one row of the resource_commitment table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-resource-link.h"

struct _SaResourceLink
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaResourceLink, sa_resource_link, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "resource_id", N_("Local resource"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "resource", NULL },
  { "commitment_id", N_("Commitment"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "commitment", NULL },
};

const SaTable sa_resource_link_table = {
  "resource_commitment", columns, G_N_ELEMENTS (columns), "resource_id, commitment_id",
  sa_resource_link_get_type, NULL, "commitment_id",
};

static void
sa_resource_link_class_init (SaResourceLinkClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_resource_link_table);
}

static void
sa_resource_link_init (SaResourceLink *self)
{
}

SaResourceLink *
sa_resource_link_new (void)
{
  return g_object_new (SA_TYPE_RESOURCE_LINK, NULL);
}

/**
 * sa_resource_link_make_id:
 * @resource_id: a resource's id
 * @commitment_id: a commitment's id
 *
 * Like an activity's links, the id follows from what it links, so two sites linking
 * the same pair write the same row.
 *
 * Returns: (transfer full): the link's id
 */
char *
sa_resource_link_make_id (const char *resource_id,
                          const char *commitment_id)
{
  g_autofree char *resource = sa_id_normalize (resource_id);
  g_autofree char *commitment = sa_id_normalize (commitment_id);

  return sa_make_name_id ("resource_commitment", resource, commitment);
}
