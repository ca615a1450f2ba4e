/* sa-sync-file-lines.h: a sync file's lines parsed on other threads, taken in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     *text;    /* the line as read, NUL-terminated */
  gsize     length;
  guint     number;  /* from 1 */
  JsonNode *node;    /* what the parse function keeps of it */
  GObject  *object;  /* what it made of it */
  gboolean  has_nul; /* it held an escaped NUL */
  GError   *error;   /* why it does not do */
} SaSyncLine;

/* Parses @line with @parser, which is the calling thread's; runs on another thread,
 * for any line in any order. */
typedef void (*SaSyncLineFunc) (SaSyncLine *line,
                                JsonParser *parser,
                                gpointer    user_data);

typedef struct _SaSyncLines SaSyncLines;

SaSyncLines *sa_sync_lines_new  (SaSyncLineFunc  parse,
                                 gpointer        user_data);
void         sa_sync_lines_add  (SaSyncLines    *self,
                                 const char     *text,
                                 gsize           length);
SaSyncLine  *sa_sync_lines_next (SaSyncLines    *self,
                                 gboolean        all);
void         sa_sync_lines_free (SaSyncLines    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaSyncLines, sa_sync_lines_free)

G_END_DECLS
