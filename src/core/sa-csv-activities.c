/* sa-csv-activities.c: activities imported from and exported to CSV files
 *
 * An import resolves names to rows and writes every change in one transaction; an
 * export names references as the import reads them back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-commitment.h"
#include "sa-csv-match.h"
#include "sa-csv-private.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-file-write.h"
#include "sa-organization.h"
#include "sa-privacy.h"
#include "sa-store-deleted.h"

/* ---- Importing ------------------------------------------------------------------------ */

typedef struct
{
  guint     line;
  SaRecord *record;
  GStrv     commitments;  /* NULL: the file does not say */
  gboolean  is_new;
  gboolean  has_id;       /* the line gave an id */
  gboolean  was_deleted;  /* of a stored activity behind a tombstone */
} Change;

static void
change_free (Change *change)
{
  g_clear_object (&change->record);
  g_strfreev (change->commitments);
  g_free (change);
}

static gboolean
set_reference (SaStore        *store,
               SaRecord       *record,
               guint           column,
               const SaTable  *table,
               const char     *name,
               GError        **error)
{
  g_autofree char *id = NULL;

  if (name == NULL)
    return TRUE;
  if (*name == '\0')
    {
      sa_record_set_null (record, column);
      return TRUE;
    }
  if (!(id = sa_store_lookup_name (store, table, name, error)))
    return FALSE;
  sa_record_set_text (record, column, id);
  return TRUE;
}

static GStrv
resolve_commitments (SaStore     *store,
                     const char  *text,
                     GError     **error)
{
  g_auto(GStrv) ids = NULL;

  if (text == NULL)
    return NULL;
  ids = *text ? g_strsplit (text, " ", -1) : g_new0 (char *, 1);
  for (guint i = 0; ids[i] != NULL; i++)
    if (!sa_store_exists (store, &sa_commitment_table, ids[i], FALSE))
      {
        g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                     _("There is no commitment with id “%s”"), ids[i]);
        return NULL;
      }
  return g_steal_pointer (&ids);
}

static Change *
resolve (SaStore        *store,
         SaCsvActivity  *activity,
         GHashTable     *ids,
         GError        **error)
{
  g_autoptr(SaRecord) stored = NULL;
  const char *id = activity->values[SA_CSV_ID];
  Change *change = g_new0 (Change, 1);

  change->line = activity->line;
  if (id != NULL && *id != '\0')
    {
      if (!g_hash_table_add (ids, g_strdup (id)))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("the id “%s” appears twice"), id);
          change_free (change);
          return NULL;
        }
      stored = sa_store_get (store, &sa_activity_table, id, NULL);
    }
  change->is_new = (stored == NULL);
  change->has_id = (id != NULL && *id != '\0');
  change->was_deleted = (stored != NULL && sa_record_get_deleted (stored));
  change->record = stored ? sa_record_copy (stored) : SA_RECORD (sa_activity_new ());
  if (change->is_new)
    {
      g_autofree char *new_id = g_uuid_string_random ();
      sa_record_set_id (change->record, id && *id ? id : new_id);
    }

  _sa_csv_apply_values (change->record, activity);
  if (!set_reference (store, change->record, SA_ACTIVITY_ORGANIZATION_ID, &sa_organization_table,
                      activity->values[SA_CSV_ORGANIZATION], error) ||
      !set_reference (store, change->record, SA_ACTIVITY_DISTRICT_ID, &sa_district_table,
                      activity->values[SA_CSV_DISTRICT], error) ||
      (activity->values[SA_CSV_COMMITMENTS] != NULL &&
       !(change->commitments = resolve_commitments (store, activity->values[SA_CSV_COMMITMENTS], error))) ||
      !sa_record_validate (change->record, error))
    {
      change_free (change);
      return NULL;
    }
  return change;
}

static gboolean
same_commitments (SaStore     *store,
                  Change      *change,
                  GError     **error)
{
  g_auto(GStrv) current = NULL;

  if (change->commitments == NULL)
    return TRUE;
  if (!(current = sa_store_dup_activity_commitments (store, sa_record_get_id (change->record), error)))
    return FALSE;
  if (g_strv_length (current) != g_strv_length (change->commitments))
    return FALSE;
  for (guint i = 0; current[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) change->commitments, current[i]))
      return FALSE;
  return TRUE;
}

static gboolean
write_change (SaStore      *store,
              Change       *change,
              SaCsvReport  *report,
              GError      **error)
{
  g_autoptr(SaRecord) stored = NULL;
  gboolean changed = FALSE;

  if (change->is_new)
    {
      report->added++;
      return sa_store_add_activity (store, change->record, (const char * const *) change->commitments, error);
    }

  if (!(stored = sa_store_get (store, &sa_activity_table, sa_record_get_id (change->record), error)))
    return FALSE;
  for (guint i = 0; i < sa_activity_table.n_columns; i++)
    changed |= !sa_record_value_equal (stored, change->record, i);
  changed |= !same_commitments (store, change, NULL);
  if (!changed && !change->was_deleted)
    {
      report->unchanged++;
      return TRUE;
    }
  if (change->was_deleted)
    report->restored++;
  else
    report->updated++;
  return (!changed || sa_store_update (store, change->record, error)) &&
         (change->commitments == NULL ||
          sa_store_set_activity_commitments (store, sa_record_get_id (change->record),
                                             (const char * const *) change->commitments, error)) &&
         (!change->was_deleted ||
          sa_store_set_deleted (store, &sa_activity_table, sa_record_get_id (change->record), FALSE, error));
}

static gboolean
write_changes (SaStore      *store,
               GPtrArray    *changes,
               SaCsvReport  *report,
               GError      **error)
{
  if (!sa_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);

      if (!write_change (store, change, report, error))
        {
          sa_store_rollback (store);
          g_prefix_error (error, _("Line %u: "), change->line);
          report->added = report->updated = report->unchanged = report->restored = 0;
          return FALSE;
        }
    }
  if (!sa_store_commit_or_rollback (store, error))
    {
      report->added = report->updated = report->unchanged = report->restored = 0;
      return FALSE;
    }
  report->written = TRUE;
  return TRUE;
}

static GBytes *
load_contents (GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if ((guint64) g_file_info_get_size (info) > SA_CSV_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (SA_CSV_MAX_SIZE);

      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The file is too large: more than %s"), size);
      return NULL;
    }
  return g_file_load_bytes (file, cancellable, NULL, error);
}

/**
 * sa_csv_report_clear:
 * @report: a report filled by sa_csv_import_activities()
 *
 * Frees what the report holds, and zeroes it.
 */
void
sa_csv_report_clear (SaCsvReport *report)
{
  g_clear_pointer (&report->skipped, g_array_unref);
  g_clear_pointer (&report->deleted, g_array_unref);
  g_clear_pointer (&report->contact_lines, g_array_unref);
  *report = (SaCsvReport) { 0, };
}

static void
deleted_line_clear (gpointer data)
{
  g_free (((SaCsvDeletedLine *) data)->id);
}

static void
report_init (SaCsvReport *report)
{
  *report = (SaCsvReport) { 0, };
  report->skipped = g_array_new (FALSE, FALSE, sizeof (guint));
  report->deleted = g_array_new (FALSE, FALSE, sizeof (SaCsvDeletedLine));
  g_array_set_clear_func (report->deleted, deleted_line_clear);
  report->contact_lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Whether @change is written, or left out as a line that repeats a stored activity
 * or changes a deleted one; those go to @report. */
static gboolean
keep_change (Change            *change,
             SaCsvMatcher      *matcher,
             SaCsvImportFlags   flags,
             SaCsvReport       *report,
             gboolean          *keep,
             GError           **error)
{
  gboolean stored = FALSE;

  *keep = TRUE;
  if (change->was_deleted && !(flags & SA_CSV_IMPORT_RESTORE_DELETED))
    {
      SaCsvDeletedLine deleted = { change->line, g_strdup (sa_record_get_id (change->record)) };

      g_array_append_val (report->deleted, deleted);
      *keep = FALSE;
    }
  else if (!change->has_id && !(flags & SA_CSV_IMPORT_ALLOW_DUPLICATES))
    {
      if (!sa_csv_matcher_claim (matcher, change->record, &stored, error))
        return FALSE;
      if (stored)
        g_array_append_val (report->skipped, change->line);
      *keep = !stored;
    }
  return TRUE;
}

/**
 * sa_csv_import_activities:
 * @store: a store
 * @file: a CSV file with a header line, as sa_csv_export_activities() writes it
 * @flags: what to do with lines that repeat stored activities or change deleted ones
 * @report: (out caller-allocates): what the import did; clear it with sa_csv_report_clear()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for what is wrong, listing every wrong line
 *
 * Adds the activities of @file, or, where a line has the id of a stored activity,
 * changes the fields the file has columns for. Organizations and districts are given
 * by name or id. All or nothing: one wrong line and nothing is written.
 *
 * A line without an id that matches a stored activity (see sa-csv-match.c) is
 * skipped, and a line with the id of a deleted activity is left, unless @flags say
 * otherwise; @report lists both. Lines that look like they hold contact details are
 * written and listed, so the person can look at them.
 */
gboolean
sa_csv_import_activities (SaStore           *store,
                          GFile             *file,
                          SaCsvImportFlags   flags,
                          SaCsvReport       *report,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) problems = _sa_csv_problems_new ();
  g_autoptr(SaCsvMatcher) matcher = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  report_init (report);
  if (!(bytes = load_contents (file, cancellable, error)))
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!(activities = _sa_csv_read_activities (data ? data : "", length, problems, error)))
    return FALSE;

  matcher = sa_csv_matcher_new (store);
  for (guint i = 0; i < activities->len; i++)
    {
      SaCsvActivity *activity = g_ptr_array_index (activities, i);
      g_autoptr(GError) local_error = NULL;
      Change *change = resolve (store, activity, ids, &local_error);
      gboolean keep;

      if (change == NULL)
        _sa_csv_add_problem (problems, activity->line, local_error->message);
      else if (!keep_change (change, matcher, flags, report, &keep, error))
        {
          change_free (change);
          return FALSE;
        }
      else if (keep)
        {
          if (sa_privacy_scan_activity (change->record) != SA_PRIVACY_NONE)
            g_array_append_val (report->contact_lines, change->line);
          g_ptr_array_add (changes, change);
        }
      else
        change_free (change);
    }
  if (!_sa_csv_report_problems (problems, error))
    return FALSE;
  if ((flags & SA_CSV_IMPORT_ASK_FIRST) && (report->skipped->len > 0 || report->deleted->len > 0))
    return TRUE;
  return write_changes (store, changes, report, error);
}

/* ---- Writing -------------------------------------------------------------------------- */

static void
append_row (GString            *out,
            const char * const *cells)
{
  for (guint i = 0; i < SA_CSV_N_COLUMNS; i++)
    {
      g_autofree char *cell = sa_csv_format_cell (cells[i] ? cells[i] : "");

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, cell);
    }
  g_string_append (out, "\r\n");
}

static char *
format_int (SaRecord *record,
            guint     column)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, sa_record_get_int (record, column));
}

/* A reference reads as the name, a deleted row's marked as deleted, which an import
 * reads back to the same row; as the id when the row is not there. */
static const char *
reference_name (GHashTable *names,
                SaRecord   *record,
                guint       column)
{
  const char *id = sa_record_get_text (record, column);
  const char *name = id ? g_hash_table_lookup (names, id) : NULL;

  return name ? name : id;
}

static gboolean
append_activity (GString     *out,
                 SaStore     *store,
                 SaRecord    *a,
                 GHashTable  *orgs,
                 GHashTable  *districts,
                 GError     **error)
{
  g_auto(GStrv) commitments = sa_store_dup_activity_commitments (store, sa_record_get_id (a), error);
  g_autofree char *participants = format_int (a, SA_ACTIVITY_PARTICIPANTS);
  g_autofree char *volunteers = format_int (a, SA_ACTIVITY_VOLUNTEERS);
  g_autofree char *linked = NULL;
  const char *cells[SA_CSV_N_COLUMNS];

  if (commitments == NULL)
    return FALSE;
  linked = g_strjoinv (" ", commitments);
  cells[SA_CSV_ID] = sa_record_get_id (a);
  cells[SA_CSV_DATE] = sa_record_get_text (a, SA_ACTIVITY_DATE);
  cells[SA_CSV_TIME] = sa_record_get_text (a, SA_ACTIVITY_TIME);
  cells[SA_CSV_TITLE] = sa_record_get_text (a, SA_ACTIVITY_TITLE);
  cells[SA_CSV_ORGANIZATION] = reference_name (orgs, a, SA_ACTIVITY_ORGANIZATION_ID);
  cells[SA_CSV_DISTRICT] = reference_name (districts, a, SA_ACTIVITY_DISTRICT_ID);
  cells[SA_CSV_PLACE] = sa_record_get_text (a, SA_ACTIVITY_PLACE);
  cells[SA_CSV_PARTICIPANTS] = participants;
  cells[SA_CSV_VOLUNTEERS] = volunteers;
  cells[SA_CSV_COMMITMENTS] = linked;
  cells[SA_CSV_NOTES] = sa_record_get_text (a, SA_ACTIVITY_NOTES);
  append_row (out, cells);
  return TRUE;
}

static GBytes *
build_csv (SaStore     *store,
           const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GHashTable) orgs = NULL;
  g_autoptr(GHashTable) districts = NULL;
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  const char *header[SA_CSV_N_COLUMNS];

  if (!(activities = sa_store_list_activities (store, from, to, error)) ||
      !(orgs = sa_store_dup_display_names (store, &sa_organization_table, SA_ORGANIZATION_NAME, error)) ||
      !(districts = sa_store_dup_display_names (store, &sa_district_table, SA_DISTRICT_NAME, error)))
    return NULL;

  for (guint i = 0; i < SA_CSV_N_COLUMNS; i++)
    header[i] = _(_sa_csv_columns[i].label);
  append_row (out, header);
  for (guint i = 0; i < activities->len; i++)
    if (!append_activity (out, store, g_ptr_array_index (activities, i), orgs, districts, error))
      return NULL;
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * sa_csv_export_activities:
 * @store: a store
 * @file: the CSV file to write
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the activities in the range that are not deleted, by date, with a header
 * line in the language of the user interface.
 */
gboolean
sa_csv_export_activities (SaStore       *store,
                          GFile         *file,
                          const char    *from,
                          const char    *to,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(bytes = build_csv (store, from, to, error)))
    return FALSE;
  return sa_file_write_atomically (file, bytes, cancellable, error);
}

