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

#define OTHER_SITE "0b5e7a1c-2d4f-4a6b-8c9d-0e1f2a3b4c5d"

static SaRecord *
stored (SaStore    *store,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  SaRecord *record = sa_store_get (store, &sa_activity_table, id, &error);

  g_assert_no_error (error);
  return record;
}

/* Another program, on its own connection to the file, changes participants and notes
 * after the window changed the title: undoing the title leaves their change alone. */
static void
test_undo_keeps_changes_elsewhere (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaStore) other = sa_store_open (path, &error);
  g_autoptr(SaUndoStack) stack = sa_undo_stack_new (store);
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(SaRecord) edited = NULL;
  g_autoptr(SaRecord) theirs = NULL;
  g_autoptr(SaRecord) after_edit = NULL;
  g_autoptr(SaRecord) after_undo = NULL;
  g_autoptr(SaRecord) after_redo = NULL;
  g_autofree char *message = NULL;
  const char * const *kept;
  const char *id;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, 10);
  g_assert_true (sa_store_insert (store, activity, &error));
  id = sa_record_get_id (activity);

  edited = stored (store, id);
  sa_record_set_text (edited, SA_ACTIVITY_TITLE, "ふれあいサロン");
  g_assert_true (sa_undo_stack_update (stack, edited, &error));
  after_edit = stored (store, id);

  theirs = stored (other, id);
  sa_record_set_int (theirs, SA_ACTIVITY_PARTICIPANTS, 25);
  sa_record_set_text (theirs, SA_ACTIVITY_NOTES, "雨天のため室内で実施");
  g_assert_true (sa_store_update (other, theirs, &error));

  g_assert_true (sa_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  after_undo = stored (store, id);
  g_assert_cmpstr (sa_record_get_text (after_undo, SA_ACTIVITY_TITLE), ==, "サロン");
  g_assert_cmpint (sa_record_get_int (after_undo, SA_ACTIVITY_PARTICIPANTS), ==, 25);
  g_assert_cmpstr (sa_record_get_text (after_undo, SA_ACTIVITY_NOTES), ==, "雨天のため室内で実施");

  /* Only the title was written again: the other fields keep the other program's clocks. */
  g_assert_cmpstr (sa_record_get_clock (after_undo, "title"), >, sa_record_get_clock (after_edit, "title"));
  g_assert_cmpstr (sa_record_get_clock (after_undo, "participants"), ==, sa_record_get_clock (theirs, "participants"));
  g_assert_cmpstr (sa_record_get_clock (after_undo, "notes"), ==, sa_record_get_clock (theirs, "notes"));
  g_assert_cmpstr (sa_record_get_clock (after_undo, "date"), ==, sa_record_get_clock (after_edit, "date"));

  /* The title step did not change participants or notes, so nothing was kept. */
  g_assert_cmpuint (g_strv_length ((char **) sa_undo_stack_get_kept (stack)), ==, 0);
  g_assert_null (sa_undo_stack_dup_kept_message (stack));

  g_assert_true (sa_undo_stack_redo (stack, &error));
  after_redo = stored (store, id);
  g_assert_cmpstr (sa_record_get_text (after_redo, SA_ACTIVITY_TITLE), ==, "ふれあいサロン");
  g_assert_cmpint (sa_record_get_int (after_redo, SA_ACTIVITY_PARTICIPANTS), ==, 25);
  g_assert_cmpstr (sa_record_get_clock (after_redo, "notes"), ==, sa_record_get_clock (theirs, "notes"));

  /* A step that changed participants, changed again elsewhere, keeps the newer value
   * and says so. */
  g_clear_object (&edited);
  g_clear_object (&theirs);
  edited = stored (store, id);
  sa_record_set_int (edited, SA_ACTIVITY_PARTICIPANTS, 30);
  sa_record_set_text (edited, SA_ACTIVITY_NOTES, NULL);
  sa_record_set_text (edited, SA_ACTIVITY_PLACE, "地区センター");
  g_assert_true (sa_undo_stack_update (stack, edited, &error));
  theirs = stored (other, id);
  sa_record_set_int (theirs, SA_ACTIVITY_PARTICIPANTS, 31);
  sa_record_set_text (theirs, SA_ACTIVITY_NOTES, "室内");
  g_assert_true (sa_store_update (other, theirs, &error));

  g_assert_true (sa_undo_stack_undo (stack, &error));
  g_clear_object (&after_undo);
  after_undo = stored (store, id);
  g_assert_cmpint (sa_record_get_int (after_undo, SA_ACTIVITY_PARTICIPANTS), ==, 31);
  g_assert_cmpstr (sa_record_get_text (after_undo, SA_ACTIVITY_NOTES), ==, "室内");
  g_assert_null (sa_record_get_text (after_undo, SA_ACTIVITY_PLACE));
  kept = sa_undo_stack_get_kept (stack);
  g_assert_cmpuint (g_strv_length ((char **) kept), ==, 2);
  g_assert_cmpstr (kept[0], ==, "Participants");
  g_assert_cmpstr (kept[1], ==, "Notes");
  message = sa_undo_stack_dup_kept_message (stack);
  g_assert_cmpstr (message, ==, "Undone. Participants and Notes were changed elsewhere since and were kept.");
  g_assert_no_error (error);
}

/* The same with the change arriving in an imported row from another office. */
static void
test_undo_keeps_merged_changes (void)
{
  g_autofree char *path = temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaUndoStack) stack = sa_undo_stack_new (store);
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(SaRecord) edited = NULL;
  g_autoptr(SaRecord) incoming = NULL;
  g_autoptr(SaRecord) after_undo = NULL;
  g_autoptr(GHashTable) clocks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *message = NULL;
  /* A minute ahead: the other office wrote after this window did. */
  g_autofree char *later = g_strdup_printf ("%013" G_GINT64_FORMAT "-0000-%s", g_get_real_time () / 1000 + 60000,
                                            OTHER_SITE);
  SaMergeResult result;
  const char *id;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2012-05-20");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  sa_record_set_int (activity, SA_ACTIVITY_PARTICIPANTS, 10);
  g_assert_true (sa_store_insert (store, activity, &error));
  id = sa_record_get_id (activity);

  edited = stored (store, id);
  sa_record_set_text (edited, SA_ACTIVITY_TITLE, "ふれあいサロン");
  sa_record_set_int (edited, SA_ACTIVITY_PARTICIPANTS, 12);
  g_assert_true (sa_undo_stack_update (stack, edited, &error));

  /* Another office changed participants and notes later; the title it had is older. */
  incoming = sa_record_copy (activity);
  sa_record_set_int (incoming, SA_ACTIVITY_PARTICIPANTS, 40);
  sa_record_set_text (incoming, SA_ACTIVITY_NOTES, "他の事務所で追記");
  g_hash_table_insert (clocks, "participants", later);
  g_hash_table_insert (clocks, "notes", later);
  sa_record_set_system (incoming, sa_record_get_hlc (activity), OTHER_SITE, FALSE, clocks);
  g_assert_true (sa_store_begin (store, &error));
  g_assert_true (sa_store_merge (store, incoming, &result, &error));
  g_assert_true (sa_store_commit (store, &error));

  g_assert_true (sa_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  after_undo = stored (store, id);
  g_assert_cmpstr (sa_record_get_text (after_undo, SA_ACTIVITY_TITLE), ==, "サロン");
  g_assert_cmpint (sa_record_get_int (after_undo, SA_ACTIVITY_PARTICIPANTS), ==, 40);
  g_assert_cmpstr (sa_record_get_text (after_undo, SA_ACTIVITY_NOTES), ==, "他の事務所で追記");
  g_assert_cmpstr (sa_record_get_clock (after_undo, "participants"), ==, later);
  message = sa_undo_stack_dup_kept_message (stack);
  g_assert_cmpstr (message, ==, "Undone. Participants was changed elsewhere since and was kept.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/undo/undo-redo", test_undo_redo);
  g_test_add_func ("/undo/group-rolls-back", test_group_rolls_back);
  g_test_add_func ("/undo/keeps-changes-elsewhere", test_undo_keeps_changes_elsewhere);
  g_test_add_func ("/undo/keeps-merged-changes", test_undo_keeps_merged_changes);
  return g_test_run ();
}
