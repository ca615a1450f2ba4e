/* sa-activity-link.c: a link between an activity and a commitment, one row of the activity_commitment table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-activity-link.h"

struct _SaActivityLink
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaActivityLink, sa_activity_link, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "activity_id", N_("Activity"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "activity", NULL },
  { "commitment_id", N_("Commitment"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "commitment", NULL },
};

const SaTable sa_activity_link_table = {
  "activity_commitment", columns, G_N_ELEMENTS (columns), "activity_id, commitment_id", sa_activity_link_get_type,
  NULL, "commitment_id",
};

static void
sa_activity_link_class_init (SaActivityLinkClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_activity_link_table);
}

static void
sa_activity_link_init (SaActivityLink *self)
{
}

SaActivityLink *
sa_activity_link_new (void)
{
  return g_object_new (SA_TYPE_ACTIVITY_LINK, NULL);
}

/**
 * sa_activity_link_make_id:
 * @activity_id: an activity's id
 * @commitment_id: a commitment's id
 *
 * The id of a link follows from what it links (a name-based UUID, version 5 style),
 * so two sites that link the same pair write the same row, and their tombstones
 * compete instead of piling up duplicates.
 *
 * Returns: (transfer full): the link's id
 */
char *
sa_activity_link_make_id (const char *activity_id,
                          const char *commitment_id)
{
  /* The same pair, whatever the case its ids were typed in, is the same link. */
  g_autofree char *activity = sa_id_normalize (activity_id);
  g_autofree char *commitment = sa_id_normalize (commitment_id);

  return sa_make_name_id ("activity_commitment", activity, commitment);
}
