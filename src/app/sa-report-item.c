/* sa-report-item.c: one line of the Activity Totals table, for its list model
 *
 * A snapshot of a report's row: the report is made anew when the log changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-report-item.h"

struct _SaReportItem
{
  GObject     parent_instance;

  SaReportRow row;
  gboolean    is_total;
};

G_DEFINE_FINAL_TYPE (SaReportItem, sa_report_item, G_TYPE_OBJECT)

static void
sa_report_item_finalize (GObject *object)
{
  SaReportItem *self = SA_REPORT_ITEM (object);

  g_free (self->row.key);
  g_free (self->row.name);
  G_OBJECT_CLASS (sa_report_item_parent_class)->finalize (object);
}

static void
sa_report_item_class_init (SaReportItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_report_item_finalize;
}

static void
sa_report_item_init (SaReportItem *self)
{
}

/**
 * sa_report_item_new:
 * @row: a report's row, copied
 * @is_total: whether it is the report's total
 */
SaReportItem *
sa_report_item_new (const SaReportRow *row,
                    gboolean           is_total)
{
  SaReportItem *self = g_object_new (SA_TYPE_REPORT_ITEM, NULL);

  self->row = *row;
  self->row.key = g_strdup (row->key);
  self->row.name = g_strdup (row->name);
  self->is_total = is_total;
  return self;
}

const SaReportRow *
sa_report_item_get_row (SaReportItem *self)
{
  g_return_val_if_fail (SA_IS_REPORT_ITEM (self), NULL);

  return &self->row;
}

gboolean
sa_report_item_is_total (SaReportItem *self)
{
  g_return_val_if_fail (SA_IS_REPORT_ITEM (self), FALSE);

  return self->is_total;
}
