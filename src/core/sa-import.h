/* sa-import.h: merging rows read from a file into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint added;
  guint updated;
  guint deleted;
  guint unchanged;
} SaImportReport;

GPtrArray *sa_import_parse_lines (const char      *text,
                                  gsize            length,
                                  GError         **error);
gboolean   sa_import_records     (SaStore         *store,
                                  GPtrArray       *records,
                                  SaImportReport  *report,
                                  GError         **error);
gboolean   sa_import_sample      (SaStore         *store,
                                  SaImportReport  *report,
                                  GError         **error);

G_END_DECLS
