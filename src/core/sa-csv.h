/* sa-csv.h: activity records as CSV, for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-store.h"

G_BEGIN_DECLS

/* A CSV file larger than this is refused before it is read. */
#define SA_CSV_MAX_SIZE ((gsize) 64 * 1024 * 1024)

/* The columns of an activity CSV file, in the order export writes them. */
typedef enum
{
  SA_CSV_ID,
  SA_CSV_DATE,
  SA_CSV_TIME,
  SA_CSV_TITLE,
  SA_CSV_ORGANIZATION,
  SA_CSV_DISTRICT,
  SA_CSV_PLACE,
  SA_CSV_PARTICIPANTS,
  SA_CSV_VOLUNTEERS,
  SA_CSV_COMMITMENTS,
  SA_CSV_NOTES,
  SA_CSV_N_COLUMNS,
} SaCsvColumn;

/**
 * SaCsvRecord:
 * @line: the line the record starts on, counting from 1
 * @cells: the record's cells
 *
 * One record of a CSV file; a quoted cell may span lines.
 */
typedef struct
{
  guint  line;
  GStrv  cells;
} SaCsvRecord;

void sa_csv_record_free (SaCsvRecord *record);

/**
 * SaCsvActivity:
 * @line: the line of the file it was read from
 * @values: one per #SaCsvColumn, checked and in the database's form; %NULL where
 *   the file has no such column, "" where its cell is empty
 *
 * An activity as a CSV file describes it, before names are looked up.
 */
typedef struct
{
  guint  line;
  char  *values[SA_CSV_N_COLUMNS];
} SaCsvActivity;

void sa_csv_activity_free (SaCsvActivity *activity);

/**
 * SaCsvImportFlags:
 * @SA_CSV_IMPORT_DEFAULT: skip lines that match stored activities, leave deleted ones
 * @SA_CSV_IMPORT_ALLOW_DUPLICATES: add lines without an id even when they match
 *   activities already stored
 * @SA_CSV_IMPORT_RESTORE_DELETED: a line with the id of a deleted activity changes it
 *   and brings it back
 * @SA_CSV_IMPORT_ASK_FIRST: if any line would be skipped or left, write nothing, so
 *   the person can choose; the report lists those lines
 */
typedef enum
{
  SA_CSV_IMPORT_DEFAULT          = 0,
  SA_CSV_IMPORT_ALLOW_DUPLICATES = 1 << 0,
  SA_CSV_IMPORT_RESTORE_DELETED  = 1 << 1,
  SA_CSV_IMPORT_ASK_FIRST        = 1 << 2,
} SaCsvImportFlags;

/**
 * SaCsvDeletedLine:
 * @line: a line of the file
 * @id: the id it gives, of an activity that was deleted
 */
typedef struct
{
  guint  line;
  char  *id;
} SaCsvDeletedLine;

/**
 * SaCsvReport:
 * @added: activities that were new
 * @updated: activities of which something changed
 * @unchanged: activities the database had as they were
 * @restored: deleted activities brought back (and changed as their lines say)
 * @skipped: (element-type guint): the lines left out because they match activities
 *   already stored, ascending
 * @deleted: (element-type SaCsvDeletedLine): the lines left out because they change
 *   a deleted activity
 * @contact_lines: (element-type guint): the lines written whose title, place or notes
 *   look like they hold a phone number or an e-mail address, ascending
 * @written: whether the import wrote (%FALSE when %SA_CSV_IMPORT_ASK_FIRST stopped it)
 *
 * Clear it with sa_csv_report_clear().
 */
typedef struct
{
  guint     added;
  guint     updated;
  guint     unchanged;
  guint     restored;
  GArray   *skipped;
  GArray   *deleted;
  GArray   *contact_lines;
  gboolean  written;
} SaCsvReport;

void sa_csv_report_clear (SaCsvReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaCsvReport, sa_csv_report_clear)

char      *sa_csv_format_cell        (const char     *text);
GPtrArray *sa_csv_parse              (const char     *text,
                                      gsize           length,
                                      GError        **error);
GPtrArray *sa_csv_read_activities    (const char     *data,
                                      gsize           length,
                                      GError        **error);

gboolean   sa_csv_export_activities  (SaStore        *store,
                                      GFile          *file,
                                      const char     *from,
                                      const char     *to,
                                      GCancellable   *cancellable,
                                      GError        **error);
gboolean   sa_csv_import_activities  (SaStore        *store,
                                      GFile          *file,
                                      SaCsvImportFlags flags,
                                      SaCsvReport    *report,
                                      GCancellable   *cancellable,
                                      GError        **error);

G_END_DECLS
