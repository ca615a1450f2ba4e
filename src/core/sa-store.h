/* sa-store.h: the plan database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_STORE (sa_store_get_type ())

/* SaStore::changed names at most this many rows of a table; beyond, it names none. */
#define SA_STORE_MAX_CHANGED_IDS 1000

G_DECLARE_FINAL_TYPE (SaStore, sa_store, SA, STORE, GObject)

/**
 * SaMergeResult:
 * @SA_MERGE_UNCHANGED: the database already had everything the row brought
 * @SA_MERGE_ADDED: the row was new
 * @SA_MERGE_UPDATED: some of the row's fields won
 * @SA_MERGE_DELETED: the row's tombstone won
 */
typedef enum
{
  SA_MERGE_UNCHANGED,
  SA_MERGE_ADDED,
  SA_MERGE_UPDATED,
  SA_MERGE_DELETED,
} SaMergeResult;

/**
 * SaMergeFieldFunc:
 * @local: the stored row
 * @incoming: the row being merged into it
 * @field: the name of a column, or "deleted" for the tombstone
 * @incoming_wins: whether the incoming value replaces the stored one
 * @user_data: the data given to sa_store_merge_full()
 *
 * Called for each field whose stored and incoming values differ.
 */
typedef void (*SaMergeFieldFunc) (SaRecord   *local,
                                  SaRecord   *incoming,
                                  const char *field,
                                  gboolean    incoming_wins,
                                  gpointer    user_data);

/**
 * SaSiteClock:
 * @id: a site's id
 * @name: its name, "" when not known
 * @clock: the highest clock of the site's writes held here
 *
 * How far this database has heard from one other site.
 */
typedef struct
{
  char *id;
  char *name;
  char *clock;
} SaSiteClock;

void        sa_site_clock_free         (SaSiteClock    *site);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaSiteClock, sa_site_clock_free)

char       *sa_store_default_path      (void);
SaStore    *sa_store_open              (const char     *path,
                                        GError        **error);
SaStore    *sa_store_create            (const char     *path,
                                        GError        **error);
SaStore    *sa_store_open_at_version   (const char     *path,
                                        guint           version,
                                        GError        **error);
const char *sa_store_get_path          (SaStore        *self);
guint       sa_store_get_schema_version (SaStore       *self);
gboolean    sa_store_get_created       (SaStore        *self);
const char *sa_store_get_site_id       (SaStore        *self);
char       *sa_store_dup_site_name     (SaStore        *self);
gboolean    sa_store_set_site_name     (SaStore        *self,
                                        const char     *name,
                                        GError        **error);
char       *sa_store_next_clock        (SaStore        *self);
gboolean    sa_store_observe_clock     (SaStore        *self,
                                        const char     *clock,
                                        GError        **error);
char       *sa_store_dup_clock         (SaStore        *self);
GStrv       sa_store_take_notices      (SaStore        *self);

gboolean    sa_store_refresh           (SaStore        *self);

gboolean    sa_store_begin             (SaStore        *self,
                                        GError        **error);
gboolean    sa_store_commit            (SaStore        *self,
                                        GError        **error);
gboolean    sa_store_commit_or_rollback (SaStore      *self,
                                         GError      **error);
void        sa_store_rollback          (SaStore        *self);

SaRecord   *sa_store_get               (SaStore        *self,
                                        const SaTable  *table,
                                        const char     *id,
                                        GError        **error);
GPtrArray  *sa_store_list              (SaStore        *self,
                                        const SaTable  *table,
                                        const char     *column,
                                        const char     *value,
                                        GError        **error);
char       *sa_store_lookup_id         (SaStore        *self,
                                        const SaTable  *table,
                                        const char     *column,
                                        const char     *text,
                                        GError        **error);
GHashTable *sa_store_dup_names          (SaStore        *self,
                                        const SaTable  *table,
                                        guint           column,
                                        GError        **error);
gboolean    sa_store_exists            (SaStore        *self,
                                        const SaTable  *table,
                                        const char     *id,
                                        gboolean        include_deleted);
gboolean    sa_store_insert            (SaStore        *self,
                                        SaRecord       *record,
                                        GError        **error);
gboolean    sa_store_update            (SaStore        *self,
                                        SaRecord       *record,
                                        GError        **error);
gboolean    sa_store_set_deleted       (SaStore        *self,
                                        const SaTable  *table,
                                        const char     *id,
                                        gboolean        deleted,
                                        GError        **error);
gboolean    sa_store_merge             (SaStore        *self,
                                        SaRecord       *incoming,
                                        SaMergeResult  *result,
                                        GError        **error);
gboolean    sa_store_merge_full        (SaStore        *self,
                                        SaRecord       *incoming,
                                        SaMergeFieldFunc func,
                                        gpointer        user_data,
                                        SaMergeResult  *result,
                                        GError        **error);
GPtrArray  *sa_store_history           (SaStore        *self,
                                        const SaTable  *table,
                                        const char     *id,
                                        GError        **error);

/* Activities and their links to commitments (sa-store-activity.c) */
GPtrArray  *sa_store_list_activities   (SaStore            *self,
                                        const char         *from,
                                        const char         *to,
                                        GError            **error);
GStrv       sa_store_dup_activity_commitments (SaStore     *self,
                                        const char         *activity_id,
                                        GError            **error);
gboolean    sa_store_set_activity_commitments (SaStore     *self,
                                        const char         *activity_id,
                                        const char * const *commitment_ids,
                                        GError            **error);
gboolean    sa_store_add_activity      (SaStore            *self,
                                        SaRecord           *activity,
                                        const char * const *commitment_ids,
                                        GError            **error);

/* Other sites and how far this one has heard from them (sa-store-sites.c) */
GPtrArray  *sa_store_list_sites        (SaStore            *self,
                                        GError            **error);
gboolean    sa_store_note_site         (SaStore            *self,
                                        const char         *id,
                                        const char         *name,
                                        const char         *clock,
                                        GError            **error);

G_END_DECLS
