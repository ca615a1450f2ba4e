/* test-undo.c: undo and redo of changes made in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "sa-activity.h"
#include "sa-district.h"
#include "sa-undo-stack.h"

static char *
temp_db (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-undo-XXXXXX", NULL);

  return g_build_filename (dir, "plan.db", NULL);
}

static const char *
title_of (SaStore    *store,
          const char *id)
{
  static char title[256];
  g_autoptr(SaRecord) record = sa_store_get (store, &sa_activity_table, id, NULL);

  g_strlcpy (title, sa_record_get_deleted (record) ? "(deleted)" : sa_record_get_text (record, SA_ACTIVITY_TITLE),
             sizeof title);
  return title;
}

static void
test_undo_redo (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaUndoStack) stack = sa_undo_stack_new (store);
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(SaRecord) edited = NULL;
  const char *id;

  g_assert_false (sa_undo_stack_get_can_undo (stack));
  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  g_assert_true (sa_undo_stack_insert (stack, activity, &error));
  id = sa_record_get_id (activity);

  edited = sa_record_copy (activity);
  sa_record_set_text (edited, SA_ACTIVITY_TITLE, "ふれあいサロン");
  g_assert_true (sa_undo_stack_update (stack, edited, &error));
  g_assert_true (sa_undo_stack_set_deleted (stack, &sa_activity_table, id, TRUE, &error));
  g_assert_cmpstr (title_of (store, id), ==, "(deleted)");
  g_assert_cmpstr (sa_undo_stack_get_undo_label (stack), ==, "Delete");

  g_assert_true (sa_undo_stack_undo (stack, &error));
  g_assert_cmpstr (title_of (store, id), ==, "ふれあいサロン");
  g_assert_true (sa_undo_stack_undo (stack, &error));
  g_assert_cmpstr (title_of (store, id), ==, "サロン");
  g_assert_true (sa_undo_stack_undo (stack, &error));
  g_assert_cmpstr (title_of (store, id), ==, "(deleted)");
  g_assert_false (sa_undo_stack_get_can_undo (stack));
  g_assert_true (sa_undo_stack_get_can_redo (stack));

  g_assert_true (sa_undo_stack_redo (stack, &error));
  g_assert_true (sa_undo_stack_redo (stack, &error));
  g_assert_cmpstr (title_of (store, id), ==, "ふれあいサロン");

  /* A new change forgets what could be redone. */
  g_assert_true (sa_undo_stack_set_deleted (stack, &sa_activity_table, id, TRUE, &error));
  g_assert_false (sa_undo_stack_get_can_redo (stack));
  g_assert_no_error (error);
}

static void
test_group_rolls_back (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaUndoStack) stack = sa_undo_stack_new (store);
  g_autoptr(SaRecord) good = SA_RECORD (sa_district_new ());
  g_autoptr(SaRecord) bad = SA_RECORD (sa_district_new ());
  g_autoptr(GPtrArray) districts = NULL;

  sa_record_set_text (good, SA_DISTRICT_NAME, "中川");
  g_assert_true (sa_undo_stack_begin (stack, "Add districts", &error));
  g_assert_true (sa_undo_stack_insert (stack, good, &error));
  g_assert_false (sa_undo_stack_insert (stack, bad, &error));
  g_clear_error (&error);
  sa_undo_stack_rollback (stack);

  districts = sa_store_list (store, &sa_district_table, NULL, NULL, &error);
  g_assert_cmpuint (districts->len, ==, 0);
  g_assert_false (sa_undo_stack_get_can_undo (stack));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/undo/undo-redo", test_undo_redo);
  g_test_add_func ("/undo/group-rolls-back", test_group_rolls_back);
  return g_test_run ();
}
