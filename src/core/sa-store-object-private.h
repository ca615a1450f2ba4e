/* sa-store-object-private.h: the SaStore instance, for the files that make up the store itself
 *
 * sa-store.c opens the connection, sa-store-transaction.c keeps the clock and the
 * transactions, sa-store-read.c reads rows. Other modules go through
 * sa-store-private.h and never see these fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-hlc.h"
#include "sa-store-private.h"

G_BEGIN_DECLS

/* Who a connection was and its clock when a transaction or savepoint began. A
 * rollback, a dry run's too, puts them back: nothing the transaction saw outlives it. */
typedef struct
{
  char     *site_id;
  char     *clock;
  gboolean  clock_moved;
} Begun;

struct _SaStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL → sqlite3_stmt, prepared once */
  char       *site_id;
  SaHlc      *hlc;
  guint       depth;       /* transaction nesting: 0 outside, 1 in BEGIN, more in SAVEPOINTs */
  GHashTable *dirty;       /* table name → ids of the rows the open transaction wrote,
                            * a set, or NULL when they are too many or not rows */
  GHashTable *present;     /* table name → ids of rows the open transaction knows exist */
  GHashTable *deferred;    /* row id → SaDeferredCheck, run before the outermost COMMIT */
  gboolean    created;     /* this open made the database */
  gboolean    own_write;   /* the schema has own_write: all but tests' older ones */
  gboolean    clock_moved; /* the clock moved since it was last saved */
  gint64      data_version; /* PRAGMA data_version when last looked at */
  GPtrArray  *begun;       /* Begun: the state at each open sa_store_begin() */
  GPtrArray  *notices;     /* what the person should be told about this database */
};

enum {
  CHANGED,
  N_SIGNALS
};

extern guint _sa_store_signals[N_SIGNALS];

GHashTable *_sa_store_dirty_new (void);

gboolean _sa_store_exec_sql (SaStore     *self,
                             const char  *sql,
                             GError     **error);

char *_sa_store_query_text (SaStore    *self,
                            const char *sql,
                            const char *arg);

G_END_DECLS
