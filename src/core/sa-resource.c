/* sa-resource.c: a local resource (地域資源), one row of the resource table
 *
 * A salon, a place to gather, a support group: what a target such as 6か所 counts. Its
 * kind is free text in the office's own words; it counts for a fiscal year when it is
 * open on the year's last day (sa-store-review.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-resource.h"

struct _SaResource
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaResource, sa_resource, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "name", N_("Name"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 100, NULL, NULL },
  { "kind", N_("Kind"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 50, NULL, NULL },
  { "district_id", N_("District"), SA_COLUMN_REF, 0, 0, 0, "district", NULL },
  { "opened", N_("Opened"), SA_COLUMN_DATE, SA_COLUMN_REQUIRED, 0, 0, NULL, NULL },
  { "closed", N_("Closed"), SA_COLUMN_DATE, 0, 0, 0, NULL, NULL },
  { "notes", N_("Notes"), SA_COLUMN_TEXT, SA_COLUMN_MULTILINE, 0, 2000, NULL, NULL },
};

/* Dates in ISO form compare as text. */
static gboolean
check_dates (gpointer   store,
             gpointer   record,
             GError   **error)
{
  const char *opened = sa_record_get_text (record, SA_RESOURCE_OPENED);
  const char *closed = sa_record_get_text (record, SA_RESOURCE_CLOSED);

  if (opened != NULL && closed != NULL && g_strcmp0 (closed, opened) < 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("A resource cannot close (%s) before it opens (%s)"), closed, opened);
      return FALSE;
    }
  return TRUE;
}

const SaTable sa_resource_table = {
  "resource", columns, G_N_ELEMENTS (columns), "name, opened", sa_resource_get_type, check_dates, NULL,
};

static void
sa_resource_class_init (SaResourceClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_resource_table);
}

static void
sa_resource_init (SaResource *self)
{
}

SaResource *
sa_resource_new (void)
{
  return g_object_new (SA_TYPE_RESOURCE, NULL);
}
