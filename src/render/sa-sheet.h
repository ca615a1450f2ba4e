/* sa-sheet.h: a table of text on pages, for the review sheet and reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sa-handout.h"
#include "sa-print-font.h"

G_BEGIN_DECLS

/**
 * SaSheetColumn:
 * @heading: the column's heading, repeated on every page
 * @share: its width relative to the other columns' (they need not add up to 1)
 * @numeric: figures: right-aligned
 */
typedef struct
{
  const char *heading;
  double      share;
  gboolean    numeric;
} SaSheetColumn;

#define SA_TYPE_SHEET (sa_sheet_get_type ())

G_DECLARE_FINAL_TYPE (SaSheet, sa_sheet, SA, SHEET, GObject)

SaSheet  *sa_sheet_new            (const char          *title,
                                   const char          *subtitle,
                                   guint                n_columns,
                                   const SaSheetColumn *columns);
void      sa_sheet_set_note       (SaSheet             *self,
                                   const char          *note);
void      sa_sheet_add_group      (SaSheet             *self,
                                   const char          *label,
                                   const char          *text);
void      sa_sheet_add_row        (SaSheet             *self,
                                   const char * const  *cells);
void      sa_sheet_add_total      (SaSheet             *self,
                                   const char * const  *cells);
guint     sa_sheet_get_n_rows     (SaSheet             *self);
void      sa_sheet_set_font       (SaSheet             *self,
                                   SaPrintFont          font,
                                   gboolean             large_print);
char     *sa_sheet_describe_font  (SaSheet             *self);
void      sa_sheet_set_paper      (SaSheet             *self,
                                   SaPaper              paper,
                                   gboolean             portrait);
void      sa_sheet_set_page_size  (SaSheet             *self,
                                   double               width,
                                   double               height);
void      sa_sheet_get_page_size  (SaSheet             *self,
                                   double              *width,
                                   double              *height);
guint     sa_sheet_get_n_pages    (SaSheet             *self);
gboolean  sa_sheet_get_page_rows  (SaSheet             *self,
                                   guint                page,
                                   guint               *first,
                                   guint               *end);
void      sa_sheet_draw_page      (SaSheet             *self,
                                   cairo_t             *cr,
                                   guint                page);
gboolean  sa_sheet_write_pdf      (SaSheet             *self,
                                   const char          *path,
                                   GError             **error);

G_END_DECLS
