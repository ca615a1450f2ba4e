/* sa-test-gui.h: driving real widgets in GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*SaTestMatch) (GtkWidget  *widget,
                                 const char *text);

void       sa_test_gui_init        (int          *argc,
                                    char       ***argv);
void       sa_test_wait            (void);
GtkWidget *sa_test_find            (GtkWidget    *root,
                                    SaTestMatch   match,
                                    const char   *text);
GtkWidget *sa_test_find_toplevel   (GType         type);
char      *sa_test_collect_text    (GtkWidget    *root);
void       sa_test_click           (GtkWidget    *root,
                                    const char   *tooltip);
void       sa_test_type_into       (GtkWidget    *root,
                                    const char   *row_title,
                                    const char   *text);
char      *sa_test_temp_db         (void);

gboolean   sa_test_has_tooltip     (GtkWidget *widget, const char *text);
gboolean   sa_test_has_label       (GtkWidget *widget, const char *text);
gboolean   sa_test_is_row_titled   (GtkWidget *widget, const char *text);
gboolean   sa_test_is_status_titled (GtkWidget *widget, const char *text);
gboolean   sa_test_is_error_label  (GtkWidget *widget, const char *text);
gboolean   sa_test_is_list_view    (GtkWidget *widget, const char *text);

G_END_DECLS
