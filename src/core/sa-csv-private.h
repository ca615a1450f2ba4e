/* sa-csv-private.h: the CSV file's columns and the parts its reader and importer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-csv.h"

G_BEGIN_DECLS

/* A column's key, English heading (translated when written) and other headings read. */
typedef struct
{
  const char *key;
  const char *label;
  const char *aliases[6];
} SaCsvColumnInfo;

extern const SaCsvColumnInfo _sa_csv_columns[SA_CSV_N_COLUMNS];

GArray *_sa_csv_problems_new (void);

void _sa_csv_add_problem (GArray     *problems,
                          guint       line,
                          const char *message);

gboolean _sa_csv_report_problems (GArray  *problems,
                                  GError **error);

void _sa_csv_apply_values (SaRecord      *record,
                           SaCsvActivity *activity);

GPtrArray *_sa_csv_read_activities (const char  *data,
                                    gsize        length,
                                    GArray      *problems,
                                    GError     **error);

char *_sa_csv_unescape_cell (const char *text);

G_END_DECLS
