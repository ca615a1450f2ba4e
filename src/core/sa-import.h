/* sa-import.h: merging rows read from a file into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sa-store.h"

G_BEGIN_DECLS

/**
 * SaConflictKind:
 * @SA_CONFLICT_FIELD: a field both sides changed; the later value is in use
 * @SA_CONFLICT_KEPT: a row one side deleted while the other added or changed
 *   something under it or on it; the row was brought back (@field is "deleted")
 * @SA_CONFLICT_RENUMBERED: two goals of a section had the same number; this one got
 *   a free number (@local is the number it had, @incoming the one it has now)
 */
typedef enum
{
  SA_CONFLICT_FIELD,
  SA_CONFLICT_KEPT,
  SA_CONFLICT_RENUMBERED,
} SaConflictKind;

/**
 * SaConflict:
 * @kind: what happened
 * @message: (nullable): for the kinds other than a field, a sentence saying what
 *   happened and what was kept, naming the offices
 * @table: the row's table
 * @id: the row's id
 * @field: the column, or "deleted" for the tombstone
 * @local: the value this site had
 * @incoming: the value the file brought
 * @local_clock: the clock of the local value's write
 * @incoming_clock: the clock of the incoming value's write
 * @incoming_won: whether the incoming value is now the row's; the other is in history
 *
 * A field that both sides changed without having seen the other's change, or a change
 * of the plan's structure the merge made so that both sides' work stays in sight.
 */
typedef struct
{
  SaConflictKind kind;
  const SaTable *table;
  char          *id;
  char          *field;
  JsonNode      *local;
  JsonNode      *incoming;
  char          *local_clock;
  char          *incoming_clock;
  gboolean       incoming_won;
  char          *message;
} SaConflict;

void sa_conflict_free (SaConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaConflict, sa_conflict_free)

/**
 * SaImportReport:
 * @added: rows that were new
 * @updated: rows of which some field changed
 * @deleted: rows whose tombstone won
 * @unchanged: rows the database already had as they were
 * @conflicts: (element-type SaConflict) (nullable): fields both sides changed since
 *   they last exchanged files; only sa_import_records_full() fills it
 * @new_site: the rows held writes of this site's id that this database never made,
 *   so it became a new site before merging them
 */
typedef struct
{
  guint      added;
  guint      updated;
  guint      deleted;
  guint      unchanged;
  GPtrArray *conflicts;
  gboolean   new_site;
} SaImportReport;

void sa_import_report_clear (SaImportReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaImportReport, sa_import_report_clear)

/**
 * SaImportOptions:
 * @site_id: (nullable): the site whose rows these are
 * @site_name: (nullable): its name
 * @known: (nullable): site id → the highest clock of that site's writes the rows
 *   include, as the file's header says; with it, conflicts are reported
 * @names: (nullable): site id → name, for the sites in @known
 * @dry_run: merge and report, then roll back
 * @bundled: the rows are the bundled sample plan, whose fixed clocks (2010) are
 *   taken even on a computer whose clock is behind them
 * @partial: the rows are only some of what their site holds (a segment of a sync
 *   folder): afterwards this site counts itself up to date with @site_id's own
 *   writes alone, not with every site in @known
 */
typedef struct
{
  const char *site_id;
  const char *site_name;
  GHashTable *known;
  GHashTable *names;
  gboolean    dry_run;
  gboolean    bundled;
  gboolean    partial;
} SaImportOptions;

GPtrArray *sa_import_parse_lines (const char      *text,
                                  gsize            length,
                                  GError         **error);
gboolean   sa_import_records     (SaStore         *store,
                                  GPtrArray       *records,
                                  SaImportReport  *report,
                                  GError         **error);
gboolean   sa_import_records_full (SaStore        *store,
                                  GPtrArray       *records,
                                  const SaImportOptions *options,
                                  SaImportReport  *report,
                                  GError         **error);
gboolean   sa_import_sample      (SaStore         *store,
                                  SaImportReport  *report,
                                  GError         **error);

SaStore   *sa_import_open        (const char      *path,
                                  gboolean         with_sample,
                                  GError         **error);

G_END_DECLS
