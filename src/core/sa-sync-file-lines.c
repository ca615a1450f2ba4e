/* sa-sync-file-lines.c: a sync file's lines parsed on other threads, taken in order
 *
 * Parsing a line with json-glib and making its row is most of the time reading a
 * sync file takes. The lines go in batches to two other threads, while the reading
 * thread decompresses and splits the next ones; it takes them back one by one in
 * their order, for the checks that need every line before (duplicate ids, counts,
 * the checksum), so that a fault is told at the same line as when reading them one
 * after the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-sync-file-lines.h"

#define BATCH_LINES 256   /* small enough to keep two threads busy on a small file */
#define MAX_AHEAD   8     /* batches read ahead of those taken, at most */

typedef struct
{
  SaSyncLine  lines[BATCH_LINES];
  guint       n_lines;
  guint       n_taken;
  gboolean    parsed;     /* under SaSyncLines.lock */
} Batch;

struct _SaSyncLines
{
  SaSyncLineFunc  parse;
  gpointer        user_data;
  GThreadPool    *pool;
  GMutex          lock;
  GCond           parsed;
  GQueue          batches;  /* given to the pool, in order */
  Batch          *filling;
  guint           n_lines;
};

static void
batch_free (Batch *batch)
{
  for (guint i = 0; i < batch->n_lines; i++)
    {
      SaSyncLine *line = &batch->lines[i];

      g_free (line->text);
      g_clear_pointer (&line->node, json_node_unref);
      g_clear_object (&line->object);
      g_clear_error (&line->error);
    }
  g_free (batch);
}

static void
parse_batch (gpointer data,
             gpointer user_data)
{
  Batch *batch = data;
  SaSyncLines *self = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();

  for (guint i = 0; i < batch->n_lines; i++)
    self->parse (&batch->lines[i], parser, self->user_data);
  g_mutex_lock (&self->lock);
  batch->parsed = TRUE;
  g_cond_broadcast (&self->parsed);
  g_mutex_unlock (&self->lock);
}

/**
 * sa_sync_lines_new:
 * @parse: what is done with each line, on another thread
 * @user_data: for @parse
 *
 * Returns: (transfer full): lines to add and take back in order
 */
SaSyncLines *
sa_sync_lines_new (SaSyncLineFunc parse,
                   gpointer       user_data)
{
  SaSyncLines *self = g_new0 (SaSyncLines, 1);

  self->parse = parse;
  self->user_data = user_data;
  self->pool = g_thread_pool_new (parse_batch, self, 2, FALSE, NULL);
  g_mutex_init (&self->lock);
  g_cond_init (&self->parsed);
  g_queue_init (&self->batches);
  return self;
}

static void
send_filling (SaSyncLines *self)
{
  if (self->filling == NULL)
    return;
  g_queue_push_tail (&self->batches, self->filling);
  g_thread_pool_push (self->pool, g_steal_pointer (&self->filling), NULL);
}

/**
 * sa_sync_lines_add:
 * @self: lines
 * @text: (array length=length): the next line, without its newline
 * @length: its length in bytes
 *
 * Copies the line, to be parsed on another thread.
 */
void
sa_sync_lines_add (SaSyncLines *self,
                   const char  *text,
                   gsize        length)
{
  SaSyncLine *line;

  if (self->filling == NULL)
    self->filling = g_new0 (Batch, 1);
  line = &self->filling->lines[self->filling->n_lines++];
  line->text = g_strndup (text, length);
  line->length = length;
  line->number = ++self->n_lines;
  if (self->filling->n_lines == BATCH_LINES)
    send_filling (self);
}

/**
 * sa_sync_lines_next:
 * @self: lines
 * @all: whether every line added is to be taken; otherwise lines are taken only
 *   as far as they are parsed, or as far as needed to keep at most a few batches
 *   ahead
 *
 * Returns: (transfer none) (nullable): the next line, valid until the next call,
 *   or %NULL when there is none to take yet
 */
SaSyncLine *
sa_sync_lines_next (SaSyncLines *self,
                    gboolean     all)
{
  Batch *batch = g_queue_peek_head (&self->batches);
  gboolean parsed;

  if (batch != NULL && batch->n_taken == batch->n_lines)
    {
      batch_free (g_queue_pop_head (&self->batches));
      batch = g_queue_peek_head (&self->batches);
    }
  if (all)
    send_filling (self);
  if ((batch = g_queue_peek_head (&self->batches)) == NULL)
    return NULL;

  g_mutex_lock (&self->lock);
  if (all || g_queue_get_length (&self->batches) > MAX_AHEAD)
    while (!batch->parsed)
      g_cond_wait (&self->parsed, &self->lock);
  parsed = batch->parsed;
  g_mutex_unlock (&self->lock);
  return parsed ? &batch->lines[batch->n_taken++] : NULL;
}

/**
 * sa_sync_lines_free:
 * @self: lines
 *
 * Waits for the batches being parsed, drops those waiting, and frees all.
 */
void
sa_sync_lines_free (SaSyncLines *self)
{
  g_thread_pool_free (self->pool, TRUE, TRUE);
  g_queue_clear_full (&self->batches, (GDestroyNotify) batch_free);
  g_clear_pointer (&self->filling, batch_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->parsed);
  g_free (self);
}
