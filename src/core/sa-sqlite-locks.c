/* sa-sqlite-locks.c: SQLite's locks that no other descriptor of the file can drop
 *
 * SQLite's unix VFS locks the database and its -shm file with classic POSIX advisory
 * locks (fcntl F_SETLK). Those belong to the process, and the kernel drops all of a
 * process's locks on a file as soon as the process closes *any* descriptor of that
 * file, SQLite's or not. A file chooser showing the database's folder does that: GIO
 * opens plan.db, plan.db-wal and plan.db-shm to sniff their type, and closes them. The
 * window then runs unlocked, and the next program to open the database believes it
 * is alone: it resets the -shm, and when it closes it checkpoints and deletes the
 * -wal the window still writes to, so the window's later writes vanish.
 *
 * Linux's open file description locks (F_OFD_*, Linux 3.15) belong to an open file
 * description instead: closing another descriptor of the file leaves them alone, and
 * they still conflict with the classic locks of other processes (the sqlite3 shell,
 * another build). So the VFS's fcntl() is replaced by one that turns the classic lock
 * commands into OFD ones, whatever a dialog, thumbnailer or library opens and closes.
 *
 * One descriptor per file: SQLite keeps one lock state per file per process and may
 * take a lock through one connection's descriptor and release it through another's.
 * OFD locks taken through two descriptors have two owners, so such a release would
 * release nothing, and each connection's locks would shut out the other's. Every
 * lock command on a file therefore goes through one descriptor of our own, opened on
 * that file (device, inode) when SQLite first locks it. SQLite's close() is replaced
 * too, to close ours with SQLite's last descriptor of the file; until then ours also
 * keeps the inode, so its number cannot pass to another file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"
#define _GNU_SOURCE  /* F_OFD_SETLK */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sa-sqlite-locks.h"

#ifdef F_OFD_SETLK

typedef struct
{
  dev_t dev;
  ino_t ino;
  int   lock_fd; /* ours: every lock on the file is taken through it */
  guint n_fds;   /* SQLite's descriptors of the file that have locked it */
} LockedFile;

static GMutex      files_mutex;
static GPtrArray  *files;       /* LockedFile */
static GHashTable *files_by_fd; /* SQLite's descriptor → its LockedFile */

static void
locked_file_free (gpointer data)
{
  LockedFile *file = data;

  close (file->lock_fd);
  g_free (file);
}

/* Our descriptor of @fd's file: opened anew, so that it is writable (a write lock
 * needs that) even if SQLite's first descriptor is read-only; a dup where /proc is
 * missing. Never 0, 1 or 2, where a stray printf would write into the database. */
static int
open_lock_fd (int fd)
{
  g_autofree char *self_path = g_strdup_printf ("/proc/self/fd/%d", fd);
  int reopened = open (self_path, O_RDWR | O_CLOEXEC | O_NOCTTY);
  int lock_fd;

  if (reopened < 0)
    return fcntl (fd, F_DUPFD_CLOEXEC, 3);
  if (reopened >= 3)
    return reopened;
  lock_fd = fcntl (reopened, F_DUPFD_CLOEXEC, 3);
  close (reopened);
  return lock_fd;
}

static LockedFile *
find_file (const struct stat *st)
{
  for (guint i = 0; i < files->len; i++)
    {
      LockedFile *file = g_ptr_array_index (files, i);
      if (file->dev == st->st_dev && file->ino == st->st_ino)
        return file;
    }
  return NULL;
}

/* With files_mutex held: the descriptor to lock @fd's file through, or -1 with
 * errno set. */
static int
lock_fd_for (int fd)
{
  LockedFile *file = g_hash_table_lookup (files_by_fd, GINT_TO_POINTER (fd));
  struct stat st;

  if (file == NULL)
    {
      if (fstat (fd, &st) != 0)
        return -1;
      if ((file = find_file (&st)) == NULL)
        {
          int lock_fd = open_lock_fd (fd);

          if (lock_fd < 0)
            return -1;
          file = g_new0 (LockedFile, 1);
          file->dev = st.st_dev;
          file->ino = st.st_ino;
          file->lock_fd = lock_fd;
          g_ptr_array_add (files, file);
        }
      file->n_fds++;
      g_hash_table_insert (files_by_fd, GINT_TO_POINTER (fd), file);
    }
  return file->lock_fd;
}

static int
ofd_lock (int           fd,
          int           cmd,
          struct flock *lock)
{
  struct flock ofd = *lock;
  int ofd_cmd = cmd == F_GETLK ? F_OFD_GETLK : cmd == F_SETLK ? F_OFD_SETLK : F_OFD_SETLKW;
  int lock_fd, rc;

  g_mutex_lock (&files_mutex);
  lock_fd = lock_fd_for (fd);
  g_mutex_unlock (&files_mutex);
  if (lock_fd < 0)
    return -1;

  /* Not under the mutex: F_SETLKW may wait. Our descriptor stays open meanwhile,
   * since @fd, counted in its file, is not closed while SQLite locks through it. */
  ofd.l_pid = 0; /* as OFD commands require */
  rc = fcntl (lock_fd, ofd_cmd, &ofd);
  if (rc == 0 && cmd == F_GETLK)
    *lock = ofd;
  return rc;
}

/* fcntl() as the VFS calls it: the lock commands become OFD ones; every other
 * command passes through with its argument read as the type it has. */
static int
vfs_fcntl (int fd,
           int cmd,
           ...)
{
  va_list args;
  int rc;

  va_start (args, cmd);
  switch (cmd)
    {
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
      rc = ofd_lock (fd, cmd, va_arg (args, struct flock *));
      break;
    case F_GETFD:
    case F_GETFL:
      rc = fcntl (fd, cmd);
      break;
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETFD:
    case F_SETFL:
      rc = fcntl (fd, cmd, va_arg (args, int));
      break;
    default:
      /* Not used by SQLite; one pointer-sized argument, as glibc reads it. */
      rc = fcntl (fd, cmd, va_arg (args, void *));
      break;
    }
  va_end (args);
  return rc;
}

static int
vfs_close (int fd)
{
  LockedFile *file;

  g_mutex_lock (&files_mutex);
  if (g_hash_table_steal_extended (files_by_fd, GINT_TO_POINTER (fd), NULL, (gpointer *) &file) &&
      --file->n_fds == 0)
    g_ptr_array_remove_fast (files, file);
  g_mutex_unlock (&files_mutex);
  return close (fd);
}

/* Kernels before 3.15 know no OFD commands (EINVAL). */
static gboolean
ofd_locks_work (void)
{
  struct flock probe = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_len = 1 };
  int fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  gboolean works = fd >= 0 && fcntl (fd, F_OFD_GETLK, &probe) == 0;

  if (fd >= 0)
    close (fd);
  return works;
}

#endif /* F_OFD_SETLK */

/**
 * sa_sqlite_locks_install:
 *
 * Makes SQLite's unix VFS lock with open file description locks, which no other
 * code's descriptor of the same file can release (see the top of this file). Call
 * before the process opens its first SQLite connection; later calls do nothing.
 * Where the system has no such locks, SQLite keeps its classic ones.
 */
void
sa_sqlite_locks_install (void)
{
#ifdef F_OFD_SETLK
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);

      files = g_ptr_array_new_with_free_func (locked_file_free);
      files_by_fd = g_hash_table_new (NULL, NULL);
      if (vfs != NULL && vfs->iVersion >= 3 && g_str_has_prefix (vfs->zName, "unix") && ofd_locks_work () &&
          vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) vfs_close) == SQLITE_OK)
        vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) vfs_fcntl);
      g_once_init_leave (&installed, 1);
    }
#endif
}
