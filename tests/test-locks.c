/* test-locks.c: the store's locks on its database hold, whatever else the process
 * opens and closes
 *
 * A file chooser in the window sniffs plan.db, plan.db-wal and plan.db-shm, opening
 * and closing descriptors of them. That must not hand the database to the next
 * program as if no one had it open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "sa-activity.h"
#include "sa-store.h"

#define OTHER_PROGRAM_DB "SASAEAI_TEST_OTHER_PROGRAM_DB"

typedef struct
{
  char *dir;
  char *path;
  char *wal;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("sasaeai-test-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->wal = g_strconcat (f->path, "-wal", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->wal);
  g_free (f->path);
  g_free (f->dir);
}

static void
add_activity (SaStore    *store,
              const char *title)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
  g_autoptr(GError) error = NULL;

  sa_record_set_text (activity, SA_ACTIVITY_DATE, "2026-04-10");
  sa_record_set_text (activity, SA_ACTIVITY_TITLE, title);
  g_assert_true (sa_store_insert (store, activity, &error));
  g_assert_no_error (error);
}

static guint
count_titled (const char *path,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_open (path, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  rows = sa_store_list (store, &sa_activity_table, "title", title, &error);
  g_assert_no_error (error);
  return rows->len;
}

/* What a file chooser does to a file it shows: open it, read its first bytes to
 * guess its type, close it. */
static void
sniff (const char *path)
{
  char head[64];
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, head, sizeof head), >=, 0);
  close (fd);
}

static ino_t
inode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_ino;
}

/* Another program, with SQLite's own classic locks (this process, re-run, has not
 * opened a store): it reads the database and closes it. Were it alone, it would
 * checkpoint and delete the -wal on closing. */
static void
run_other_program (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM activity", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >=, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_other_descriptor_closed (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  SaStore *store;
  ino_t wal_inode;

  if (g_test_subprocess ())
    {
      run_other_program (g_getenv (OTHER_PROGRAM_DB));
      return;
    }

  store = sa_store_create (f->path, &error);
  g_assert_no_error (error);
  add_activity (store, "before the dialog");
  wal_inode = inode_of (f->wal);

  sniff (f->path);
  sniff (f->wal);
  sniff (shm);

  g_setenv (OTHER_PROGRAM_DB, f->path, TRUE);
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* The other program saw the store still had the database open. */
  g_assert_true (g_file_test (f->wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (inode_of (f->wal), ==, wal_inode);

  add_activity (store, "after the other program");
  g_assert_finalize_object (store);

  g_assert_cmpuint (count_titled (f->path, "before the dialog"), ==, 1);
  g_assert_cmpuint (count_titled (f->path, "after the other program"), ==, 1);
}

/* Two stores on one file in one process: SQLite shares one lock state between them
 * and may release through one what it took through the other. After both close, the
 * last must have had the database to itself: it checkpointed and removed the -wal. */
static void
test_two_stores (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SaStore *first, *second;

  first = sa_store_create (f->path, &error);
  g_assert_no_error (error);
  second = sa_store_open (f->path, &error);
  g_assert_no_error (error);

  add_activity (first, "first");
  add_activity (second, "second");
  sniff (f->path);
  g_assert_finalize_object (first);
  add_activity (second, "second again");
  g_assert_finalize_object (second);

  g_assert_false (g_file_test (f->wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_titled (f->path, "first"), ==, 1);
  g_assert_cmpuint (count_titled (f->path, "second"), ==, 1);
  g_assert_cmpuint (count_titled (f->path, "second again"), ==, 1);
}

/* A read-only connection that locks the file first must not keep the store from
 * taking write locks on it: the store, closing last, checkpoints and removes the
 * -wal, for which it locks the whole file. */
static void
test_read_only_first (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;
  SaStore *store;

  store = sa_store_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT count(*) FROM activity", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);

  store = sa_store_open (f->path, &error);
  g_assert_no_error (error);
  add_activity (store, "written beside a reader");
  g_assert_cmpint (sqlite3_close (reader), ==, SQLITE_OK);
  g_assert_finalize_object (store);

  g_assert_false (g_file_test (f->wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_titled (f->path, "written beside a reader"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/locks/other-descriptor-closed", test_other_descriptor_closed);
  ADD ("/locks/two-stores", test_two_stores);
  ADD ("/locks/read-only-first", test_read_only_first);
#undef ADD

  return g_test_run ();
}
