/* sa-text-table.h: a plain table of wrapped text, for the handouts and sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-render-private.h"
#include "sa-timeline-painter.h"

G_BEGIN_DECLS

#define SA_TEXT_TABLE_MAX_COLUMNS 16

typedef struct _SaTextTable SaTextTable;

SaTextTable *_sa_text_table_new            (PangoContext          *context,
                                            guint                  n_columns,
                                            const char * const    *headers,
                                            const double          *shares,
                                            gboolean               ruled);
void         _sa_text_table_free           (SaTextTable           *table);
void         _sa_text_table_restyle        (SaTextTable           *table);
void         _sa_text_table_set_numeric    (SaTextTable           *table,
                                            guint                  column,
                                            gboolean               numeric);
void         _sa_text_table_set_strong_first (SaTextTable         *table,
                                            gboolean               strong);
void         _sa_text_table_add_row        (SaTextTable           *table,
                                            const char * const    *cells);
void         _sa_text_table_add_total      (SaTextTable           *table,
                                            const char * const    *cells);
void         _sa_text_table_add_heading    (SaTextTable           *table,
                                            const char            *number,
                                            const char            *text);
void         _sa_text_table_measure        (SaTextTable           *table,
                                            double                 width);
guint        _sa_text_table_get_n_rows     (SaTextTable           *table);
double       _sa_text_table_get_header_height (SaTextTable        *table);
double       _sa_text_table_get_row_height (SaTextTable           *table,
                                            guint                  row);
gboolean     _sa_text_table_is_heading     (SaTextTable           *table,
                                            guint                  row);
double       _sa_text_table_get_row_break  (SaTextTable           *table,
                                            guint                  row,
                                            double                 limit);
void         _sa_text_table_paint_header   (SaTextTable           *table,
                                            cairo_t               *cr,
                                            const SaTimelineStyle *style);
void         _sa_text_table_paint_row      (SaTextTable           *table,
                                            cairo_t               *cr,
                                            const SaTimelineStyle *style,
                                            guint                  row,
                                            double                 offset,
                                            double                 height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaTextTable, _sa_text_table_free)

G_END_DECLS
