/* sa-cell-text.h: one line of text in a table cell, sized without reading it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SA_TYPE_CELL_TEXT (sa_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (SaCellText, sa_cell_text, SA, CELL_TEXT, GtkWidget)

GtkWidget  *sa_cell_text_new      (float       xalign,
                                   gboolean    numeric);
const char *sa_cell_text_get_text (SaCellText *self);
void        sa_cell_text_set_text (SaCellText *self,
                                   const char *text);

G_END_DECLS
