/* sa-sync-folder.c: a folder shared by many sites
 *
 * Each site writes, under a folder named by its id, numbered segments: ordinary sync
 * files that each hold only the rows it wrote since its previous one
 * (sa-sync-segment.c), and now and then one that holds all of them, after which the
 * older ones go. So the folder holds about one copy of everything, and a site merges
 * only the segments it has not merged yet: it remembers, per folder and per site, the
 * last one (a mark, local to the database). A sync that brings nothing new lists
 * the folders and reads no file; a site with nothing new writes none.
 *
 * Files `SITE-ID.sasaeai` at the top of the folder, from versions that wrote one whole
 * file per site, are still merged, when they changed since they last were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-error.h"
#include "sa-sync-crypt.h"
#include "sa-sync-file.h"
#include "sa-sync-folder.h"
#include "sa-sync-segment.h"
#include "sa-table.h"

/* A site compacts its segments when it writes and has this many. */
#define COMPACT_AT 8

/**
 * sa_sync_file_name_for_site:
 * @site_id: a site's id
 *
 * Returns: (transfer full): the name of the site's whole file in a sync folder as
 *   older versions wrote it, `SITE-ID.sasaeai`; it is still read
 */
char *
sa_sync_file_name_for_site (const char *site_id)
{
  g_return_val_if_fail (site_id != NULL, NULL);

  return g_strconcat (site_id, SA_SYNC_SUFFIX, NULL);
}

/**
 * sa_sync_folder_site_of_file:
 * @file: a file sa_sync_folder() passed to its callback
 *
 * Returns: (transfer full): the id of the site that wrote it: the name of its
 *   folder for a segment, the name without `.sasaeai` for a whole file
 */
char *
sa_sync_folder_site_of_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  guint number;

  if (sa_sync_segment_parse_name (name, &number) && (parent = g_file_get_parent (file)))
    return g_file_get_basename (parent);
  return g_strndup (name, strlen (name) - MIN (strlen (name), strlen (SA_SYNC_SUFFIX)));
}

void
sa_sync_folder_result_clear (SaSyncFolderResult *result)
{
  g_clear_pointer (&result->written, g_free);
  *result = (SaSyncFolderResult) { 0, };
}

/* ---- What there is to read ------------------------------------------------------- */

typedef struct
{
  char    *name;      /* a site's id, or an old-layout file's name */
  GFile   *dir;       /* the site's folder; NULL for an old-layout file */
  GFile   *file;      /* an old-layout file */
  char    *stamp;     /* its size and time */
  GArray  *numbers;   /* segments after the last merged, in order */
  guint    next;      /* index in numbers */
  guint    merged;    /* the last segment merged */
  gboolean done;      /* nothing more this time: all merged, a gap, or refused */
  GFile   *waiting;   /* refused for a reference: retried after the others */
  GError  *why;
} Source;

static void
source_free (Source *source)
{
  g_free (source->name);
  g_clear_object (&source->dir);
  g_clear_object (&source->file);
  g_free (source->stamp);
  g_clear_pointer (&source->numbers, g_array_unref);
  g_clear_object (&source->waiting);
  g_clear_error (&source->why);
  g_free (source);
}

typedef struct
{
  SaStore            *store;
  GFile              *folder;
  const char         *passphrase; /* opens and seals segments; NULL for plain ones */
  char               *key;        /* the folder's URI, for the marks */
  GHashTable         *marks;      /* source → SaSyncFolderMark */
  GPtrArray          *sources;    /* Source, by name */
  GArray             *own;        /* this site's segments */
  SaSyncFolderFunc    func;
  gpointer            user_data;
  SaSyncFolderResult *result;
  GCancellable       *cancellable;
  char               *start_clock; /* this site's clock before the merges */
  gboolean            wrote;       /* a merge wrote as this site (a row kept, a goal renumbered) */
} Sync;

static void
sync_clear (Sync *sync)
{
  g_free (sync->key);
  g_free (sync->start_clock);
  g_clear_pointer (&sync->marks, g_hash_table_unref);
  g_clear_pointer (&sync->sources, g_ptr_array_unref);
  g_clear_pointer (&sync->own, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sync, sync_clear)

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The segments in @dir, in order. */
static GArray *
list_segments (GFile         *dir,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                        cancellable, error);
  if (children == NULL)
    return NULL;
  while (g_file_enumerator_iterate (children, &info, NULL, cancellable, error) && info != NULL)
    {
      guint number;

      if (sa_sync_segment_parse_name (g_file_info_get_name (info), &number))
        g_array_append_val (numbers, number);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  g_array_sort (numbers, compare_numbers);
  return g_steal_pointer (&numbers);
}

static SaSyncFolderMark *
mark_of (Sync       *sync,
         const char *name)
{
  return g_hash_table_lookup (sync->marks, name);
}

static gboolean
add_site_folder (Sync        *sync,
                 const char  *name,
                 GError     **error)
{
  SaSyncFolderMark *mark = mark_of (sync, name);
  g_autoptr(GFile) dir = g_file_get_child (sync->folder, name);
  g_autoptr(GArray) numbers = list_segments (dir, sync->cancellable, error);
  guint merged = mark ? mark->segment : 0;
  Source *source;

  if (numbers == NULL)
    return FALSE;
  if (g_strcmp0 (name, sa_store_get_site_id (sync->store)) == 0)
    {
      sync->own = g_steal_pointer (&numbers);
      return TRUE;
    }
  while (numbers->len > 0 && g_array_index (numbers, guint, 0) <= merged)
    g_array_remove_index (numbers, 0);
  if (numbers->len == 0)
    return TRUE;
  source = g_new0 (Source, 1);
  *source = (Source) { g_strdup (name), g_steal_pointer (&dir), NULL, NULL, g_steal_pointer (&numbers), 0, merged };
  g_ptr_array_add (sync->sources, source);
  return TRUE;
}

/* A whole file of an older version, when it changed since it was last merged. */
static void
add_whole_file (Sync       *sync,
                GFileInfo  *info)
{
  const char *name = g_file_info_get_name (info);
  g_autofree char *own = sa_sync_file_name_for_site (sa_store_get_site_id (sync->store));
  SaSyncFolderMark *mark = mark_of (sync, name);
  g_autofree char *stamp = NULL;
  Source *source;

  if (g_strcmp0 (name, own) == 0)
    return;
  stamp = g_strdup_printf ("%" G_GOFFSET_FORMAT ":%" G_GUINT64_FORMAT ":%u", g_file_info_get_size (info),
                           g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                           g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC));
  if (mark != NULL && g_strcmp0 (mark->stamp, stamp) == 0)
    return;
  source = g_new0 (Source, 1);
  source->name = g_strdup (name);
  source->file = g_file_get_child (sync->folder, name);
  source->stamp = g_steal_pointer (&stamp);
  g_ptr_array_add (sync->sources, source);
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 ((*(Source **) a)->name, (*(Source **) b)->name);
}

/* The other sites' new segments and changed whole files, by name, so every run takes
 * them in the same order. */
static gboolean
list_sources (Sync    *sync,
              GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (sync->folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                        G_FILE_QUERY_INFO_NONE, sync->cancellable, error);
  if (children == NULL)
    return FALSE;
  while (g_file_enumerator_iterate (children, &info, NULL, sync->cancellable, error) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      GFileType type = g_file_info_get_file_type (info);

      if (type == G_FILE_TYPE_DIRECTORY && sa_id_is_valid (name))
        {
          if (!add_site_folder (sync, name, error))
            return FALSE;
        }
      else if (type == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, SA_SYNC_SUFFIX))
        add_whole_file (sync, info);
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  g_ptr_array_sort (sync->sources, compare_sources);
  return TRUE;
}

/* ---- Merging --------------------------------------------------------------------- */

static void
save_mark (Sync        *sync,
           const char  *source,
           guint        segment,
           const char  *clock,
           const char  *stamp)
{
  SaSyncFolderMark mark = { segment, (char *) clock, (char *) stamp };
  g_autoptr(GError) error = NULL;

  /* Without the mark the file is merged again next time, which changes nothing. */
  if (!sa_sync_folder_save_mark (sync->store, sync->key, source, &mark, &error))
    g_warning ("Could not note a sync file as merged: %s", error->message);
}

/* Reads and merges one file, a segment from its plain bytes (@plain, opened once);
 * FALSE with @error when it is refused. */
static gboolean
merge_file (Sync      *sync,
            GFile     *file,
            GBytes    *plain,
            GError   **error)
{
  g_auto(SaImportReport) report = { 0, };
  g_autoptr(SaSyncFile) contents = NULL;

  if (sync->result != NULL)
    sync->result->n_read++;
  if (plain != NULL)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (plain);

      contents = sa_sync_file_read_stream (stream, SA_SYNC_MAX_SIZE, sync->cancellable, error);
    }
  else
    contents = sa_sync_file_read_full (file, sync->passphrase, sync->cancellable, error);
  if (contents == NULL ||
      !(plain != NULL ? sa_sync_file_import_segment (contents, sync->store, &report, error)
                      : sa_sync_file_import (contents, sync->store, FALSE, &report, error)))
    return FALSE;
  /* The merge's own writes: rows brought back, goals renumbered. */
  for (guint i = 0; report.conflicts != NULL && i < report.conflicts->len; i++)
    sync->wrote |= ((SaConflict *) g_ptr_array_index (report.conflicts, i))->kind != SA_CONFLICT_FIELD;
  sync->wrote |= report.new_site;
  sync->func (file, &report, NULL, sync->user_data);
  return TRUE;
}

static void
refuse (Sync    *sync,
        Source  *source,
        GFile   *file,
        GError  *error)
{
  source->done = TRUE;
  /* A row naming one that another file brings may merge once that one has. */
  if (g_error_matches (error, SA_ERROR, SA_ERROR_NOT_FOUND))
    {
      g_set_object (&source->waiting, file);
      g_clear_error (&source->why);
      source->why = error;
      return;
    }
  sync->func (file, NULL, error, sync->user_data);
  g_error_free (error);
}

static gboolean
merge_whole_file (Sync   *sync,
                  Source *source)
{
  GError *error = NULL;

  source->done = TRUE;
  if (!merge_file (sync, source->file, NULL, &error))
    {
      refuse (sync, source, source->file, error);
      return FALSE;
    }
  save_mark (sync, source->name, 0, NULL, source->stamp);
  return TRUE;
}

/* Merges @source's next segment; FALSE when it is done for now. */
static gboolean
merge_next (Sync    *sync,
            Source  *source)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  guint number, after = 0;

  if (source->dir == NULL)
    return merge_whole_file (sync, source);
  if (source->next >= source->numbers->len)
    {
      source->done = TRUE;
      return FALSE;
    }

  number = g_array_index (source->numbers, guint, source->next);
  name = sa_sync_segment_name (number);
  file = g_file_get_child (source->dir, name);
  if (!(plain = sa_sync_segment_load (file, sync->passphrase, sync->cancellable, &error)) ||
      !sa_sync_segment_read_after (plain, &after, sync->cancellable, &error))
    {
      refuse (sync, source, file, error);
      return FALSE;
    }
  /* A segment after one not here yet (a file-sync service brings files in any
   * order) waits for it. */
  if (after > source->merged)
    {
      source->done = TRUE;
      return FALSE;
    }
  if (!merge_file (sync, file, plain, &error))
    {
      refuse (sync, source, file, error);
      return FALSE;
    }
  source->merged = number;
  source->next++;
  save_mark (sync, source->name, number, NULL, NULL);
  return TRUE;
}

/* Every site's new files, again and again while any merges: a segment refused for
 * naming a row that another site's segment brings merges after that one. */
static gboolean
merge_all (Sync    *sync,
           GError **error)
{
  gboolean progress = TRUE;

  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < sync->sources->len; i++)
        {
          Source *source = g_ptr_array_index (sync->sources, i);

          if (source->waiting != NULL)
            {
              source->done = FALSE;
              g_clear_object (&source->waiting);
            }
          while (!source->done)
            {
              if (g_cancellable_set_error_if_cancelled (sync->cancellable, error))
                return FALSE;
              if (merge_next (sync, source))
                progress = TRUE;
            }
        }
    }
  for (guint i = 0; i < sync->sources->len; i++)
    {
      Source *source = g_ptr_array_index (sync->sources, i);

      if (source->waiting != NULL)
        sync->func (source->waiting, NULL, source->why, sync->user_data);
    }
  return TRUE;
}

/* ---- Writing this site's segment ------------------------------------------------- */

static GFile *
own_dir (Sync *sync)
{
  return g_file_get_child (sync->folder, sa_store_get_site_id (sync->store));
}

/* After a whole segment, the older ones go: every row of theirs is in it. A reader
 * that had not merged them yet merges the whole one. */
static void
remove_older (Sync  *sync,
              GFile *dir,
              guint  number)
{
  for (guint i = 0; sync->own != NULL && i < sync->own->len; i++)
    {
      guint older = g_array_index (sync->own, guint, i);
      g_autofree char *name = NULL;
      g_autoptr(GFile) file = NULL;

      if (older >= number)
        continue;
      name = sa_sync_segment_name (older);
      file = g_file_get_child (dir, name);
      g_file_delete (file, NULL, NULL);
    }
}

/* This site's writes since its last segment, as the next one; none when there are
 * none. The first segment in a folder, or one after the others became many or went
 * missing, holds all of them, and the older ones go. */
static gboolean
write_own (Sync    *sync,
           GError **error)
{
  const char *site = sa_store_get_site_id (sync->store);
  SaSyncFolderMark *mark = mark_of (sync, site);
  guint n_own = sync->own != NULL ? sync->own->len : 0;
  guint last = n_own > 0 ? g_array_index (sync->own, guint, n_own - 1) : 0;
  gboolean known = mark != NULL && mark->segment == last;
  g_autofree char *clock = sa_store_dup_clock (sync->store);
  g_autofree char *segment_clock = NULL;
  g_autofree char *name = sa_sync_segment_name (last + 1);
  g_autoptr(GFile) dir = own_dir (sync);
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  gboolean whole = !known || n_own + 1 >= COMPACT_AT;
  guint n_rows = 0;

  /* This site's clock moves with each of its writes, and with the merges (past every
   * clock they bring): when it had not moved since the last sync and the merges wrote
   * nothing as this site, nothing of this site's is new, and no row need be looked at. */
  if (known && g_strcmp0 (mark->stamp, sync->start_clock) == 0 && !sync->wrote)
    {
      if (g_strcmp0 (mark->stamp, clock) != 0)
        save_mark (sync, site, last, mark->clock, clock);
      return TRUE;
    }
  if (!g_file_query_exists (dir, sync->cancellable) &&
      !g_file_make_directory_with_parents (dir, sync->cancellable, error))
    return FALSE;
  if (!sa_sync_segment_write (sync->store, file, sync->passphrase, last + 1, last, known ? mark->clock : NULL, whole,
                              &segment_clock, &n_rows, sync->cancellable, error))
    return FALSE;
  g_free (clock);
  clock = sa_store_dup_clock (sync->store);
  if (n_rows == 0)
    {
      save_mark (sync, site, last, known ? mark->clock : NULL, clock);
      return TRUE;
    }
  if (whole)
    remove_older (sync, dir, last + 1);
  if (sync->result != NULL)
    sync->result->written = g_build_filename (site, name, NULL);
  save_mark (sync, site, last + 1, segment_clock, clock);
  return TRUE;
}

/**
 * sa_sync_folder_full:
 * @store: a store
 * @folder: a folder that every site reads and writes, such as a network share or a
 *   folder kept in step by a file-sync service
 * @passphrase: (nullable): opens the other sites' encrypted segments and seals this
 *   site's own; plain ones are still read
 * @func: (scope call): told how each other site's file went
 * @user_data: data for @func
 * @result: (out caller-allocates) (optional): what was read and written; clear it
 *   with sa_sync_folder_result_clear()
 * @cancellable: (nullable): a #GCancellable
 * @error: set when the folder cannot be read or this site's segment cannot be written
 *
 * Merges every other site's segments that this database has not merged yet (and
 * whole files of older versions that changed), then writes this site's changes since
 * its last segment as its next one. Importing first lets this site's segment hold
 * what it changed on top of them. A file that is refused leaves the database as it
 * was, is reported, and is tried again next time; the others still count.
 */
gboolean
sa_sync_folder_full (SaStore             *store,
                     GFile               *folder,
                     const char          *passphrase,
                     SaSyncFolderFunc     func,
                     gpointer             user_data,
                     SaSyncFolderResult  *result,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_auto(Sync) sync = { NULL, };
  g_autofree char *site = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (result != NULL)
    *result = (SaSyncFolderResult) { 0, };
  sync = (Sync) { store, folder, passphrase, g_file_get_uri (folder), NULL,
                  g_ptr_array_new_with_free_func ((GDestroyNotify) source_free), NULL,
                  func, user_data, result, cancellable };
  site = g_strdup (sa_store_get_site_id (store));
  sync.start_clock = sa_store_dup_clock (store);
  if (!(sync.marks = sa_sync_folder_load_marks (store, sync.key, error)) ||
      !list_sources (&sync, error) || !merge_all (&sync, error))
    return FALSE;

  /* An import may have made this database a new site (sa_import_records_full()):
   * it writes under its new id, and leaves the old id's segments to the other
   * database. */
  if (g_strcmp0 (site, sa_store_get_site_id (store)) != 0)
    {
      g_autoptr(GFile) dir = own_dir (&sync);

      g_clear_pointer (&sync.own, g_array_unref);
      if (g_file_query_exists (dir, cancellable) && !(sync.own = list_segments (dir, cancellable, error)))
        return FALSE;
    }
  return write_own (&sync, error);
}

/**
 * sa_sync_folder:
 * @store: a store
 * @folder: a folder that every site reads and writes
 * @func: (scope call): told how each other site's file went
 * @user_data: data for @func
 * @cancellable: (nullable): a #GCancellable
 * @error: set when the folder cannot be read or this site's segment cannot be written
 *
 * sa_sync_folder_full() without its result.
 */
gboolean
sa_sync_folder (SaStore           *store,
                GFile             *folder,
                SaSyncFolderFunc   func,
                gpointer           user_data,
                GCancellable      *cancellable,
                GError           **error)
{
  return sa_sync_folder_full (store, folder, NULL, func, user_data, NULL, cancellable, error);
}
