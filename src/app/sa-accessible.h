/* sa-accessible.h: names for assistive technology that GTK 4.8 does not give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  sa_accessible_name_list_item   (GtkListItem *list_item,
                                      const char  *name);
char *sa_accessible_strip_mnemonic   (const char  *label);
void  sa_accessible_name_button      (GtkWidget   *button);
void  sa_accessible_name_buttons     (GtkWidget   *root);
void  sa_accessible_name_drop_down_list (GtkDropDown *dropdown,
                                         const char  *name);

G_END_DECLS
