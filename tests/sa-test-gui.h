/* sa-test-gui.h: driving real widgets in GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-store.h"

G_BEGIN_DECLS

/* How long a test waits for a condition before it fails. */
#define SA_TEST_TIMEOUT (10 * G_TIME_SPAN_SECOND)

typedef gboolean (*SaTestCondition) (gpointer data);

/* Runs the main loop until @expr holds, failing the test after SA_TEST_TIMEOUT. */
#define SA_TEST_WAIT_FOR(expr)                                                       \
  G_STMT_START {                                                                     \
    gint64 sa_test_deadline_ = g_get_monotonic_time () + SA_TEST_TIMEOUT;            \
    while (!(expr))                                                                  \
      if (!sa_test_iterate (sa_test_deadline_))                                      \
        g_error ("%s:%d: waited ten seconds in vain for %s", __FILE__, __LINE__, #expr); \
  } G_STMT_END

typedef gboolean (*SaTestMatch) (GtkWidget  *widget,
                                 const char *text);

void       sa_test_load_style      (void);
void       sa_test_gui_init        (int          *argc,
                                    char       ***argv);
void       sa_test_wait            (void);
GskRenderNode *sa_test_draw        (GtkWidget    *widget);
gboolean   sa_test_iterate         (gint64        deadline);
void       sa_test_wait_until      (SaTestCondition condition,
                                    gpointer      data,
                                    const char   *what);
GtkWidget *sa_test_find            (GtkWidget    *root,
                                    SaTestMatch   match,
                                    const char   *text);
GtkWidget *sa_test_find_any        (GtkWidget    *root,
                                    SaTestMatch   match,
                                    const char   *text);
GtkWidget *sa_test_find_type       (GtkWidget    *root,
                                    GType         type);
char      *sa_test_timeline_rows   (GtkWidget    *window,
                                    int           n_rows);
void       sa_test_add_salon       (SaStore      *store,
                                    const char   *organization_id);
GtkWidget *sa_test_find_id         (GtkWidget    *root,
                                    const char   *id);
GtkWidget *sa_test_lookup_id       (GtkWidget    *widget,
                                    const char   *id);
GtkWidget *sa_test_find_toplevel   (GType         type);
GtkWidget *sa_test_wait_for_toplevel (GType       type);
gboolean   sa_test_press_key       (GtkWidget       *widget,
                                    guint            keyval,
                                    GdkModifierType  mods);
void       sa_test_flush           (void);
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
