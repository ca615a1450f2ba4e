/* sa-plan.c: a plan, one row of the plan table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-plan.h"

struct _SaPlan
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaPlan, sa_plan, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "title", N_("Title"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 200, NULL, NULL },
  { "area", N_("Area"), SA_COLUMN_TEXT, 0, 0, 100, NULL, NULL },
  { "first_fy", N_("First fiscal year"), SA_COLUMN_INT, SA_COLUMN_REQUIRED | SA_COLUMN_FISCAL_YEAR, 1868, 9999, NULL, NULL },
  { "last_fy", N_("Last fiscal year"), SA_COLUMN_INT, SA_COLUMN_REQUIRED | SA_COLUMN_FISCAL_YEAR, 1868, 9999, NULL, NULL },
  { "slogan", N_("Slogan"), SA_COLUMN_TEXT, 0, 0, 500, NULL, NULL },
  { "district_id", N_("District"), SA_COLUMN_REF, 0, 0, 0, "district", NULL },
  { "parent_id", N_("Ward plan"), SA_COLUMN_REF, 0, 0, 0, "plan", NULL },
};

static gboolean
check_plan (gpointer   store,
             gpointer   record,
             GError   **error)
{
  gint64 first = sa_record_get_int (record, SA_PLAN_FIRST_FY);
  gint64 last = sa_record_get_int (record, SA_PLAN_LAST_FY);

  if (first > last)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("The plan’s last fiscal year must not come before its first"));
      return FALSE;
    }
  if (g_strcmp0 (sa_record_get_text (record, SA_PLAN_PARENT_ID), sa_record_get_id (record)) == 0)
    {
      g_set_error_literal (error, SA_ERROR, SA_ERROR_INVALID,
                           _("A plan cannot belong to itself or to its own district plan"));
      return FALSE;
    }
  return TRUE;
}

const SaTable sa_plan_table = {
  "plan", columns, G_N_ELEMENTS (columns), "first_fy, title", sa_plan_get_type, check_plan,
};

static void
sa_plan_class_init (SaPlanClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_plan_table);
}

static void
sa_plan_init (SaPlan *self)
{
}

SaPlan *
sa_plan_new (void)
{
  return g_object_new (SA_TYPE_PLAN, NULL);
}
