/* sa-activity.c: a activity, one row of the activity table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-activity.h"

struct _SaActivity
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaActivity, sa_activity, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "date", N_("Date"), SA_COLUMN_DATE, SA_COLUMN_REQUIRED, 0, 0, NULL, NULL },
  { "time", N_("Time"), SA_COLUMN_TIME, 0, 0, 0, NULL, NULL },
  { "title", N_("Title"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 200, NULL, NULL },
  { "organization_id", N_("Organization"), SA_COLUMN_REF, 0, 0, 0, "organization", NULL },
  { "district_id", N_("District"), SA_COLUMN_REF, 0, 0, 0, "district", NULL },
  { "place", N_("Place"), SA_COLUMN_TEXT, 0, 0, 200, NULL, NULL },
  { "participants", N_("Participants"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
  { "volunteers", N_("Volunteers"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
  { "notes", N_("Notes"), SA_COLUMN_TEXT, SA_COLUMN_MULTILINE, 0, 10000, NULL, NULL },
};

const SaTable sa_activity_table = {
  "activity", columns, G_N_ELEMENTS (columns), "date, time, title", sa_activity_get_type,
};

static void
sa_activity_class_init (SaActivityClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_activity_table);
}

static void
sa_activity_init (SaActivity *self)
{
}

SaActivity *
sa_activity_new (void)
{
  return g_object_new (SA_TYPE_ACTIVITY, NULL);
}
