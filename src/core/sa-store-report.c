/* sa-store-report.c: the activity log's totals for the promotion council
 *
 * Each report is one SQL statement: the live activities of the range (`acts`), the
 * pairs of an activity and its row's key (`pairs`, one per live link for commitments
 * and goals, DISTINCT so two commitments of one goal count once there), grouped, with
 * the total of `acts` as a last row. An activity without a key falls into the row
 * whose key is NULL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sa-csv.h"
#include "sa-date.h"
#include "sa-error.h"
#include "sa-file-write.h"
#include "sa-store-deleted.h"
#include "sa-store-private.h"
#include "sa-store-report.h"
#include "sa-table.h"

/* The commitments of plan ?3. */
#define PLAN_COMMITMENTS \
  "SELECT pc.id FROM commitment pc JOIN goal pg ON pg.id = pc.goal_id" \
  " JOIN section ps ON ps.id = pg.section_id WHERE ps.plan_id = ?3"

/* The live activities of [?1, ?2): first days of the first month and of the month
 * after the last; with a plan ?3, those that advance one of its commitments. */
#define ACTS \
  "WITH acts AS (SELECT id, organization_id, district_id, date, participants, volunteers" \
  " FROM activity WHERE deleted = 0 AND date >= ?1 AND date < ?2" \
  " AND (?3 IS NULL OR id IN (SELECT activity_id FROM activity_commitment" \
  "  WHERE deleted = 0 AND commitment_id IN (" PLAN_COMMITMENTS "))))"

/* Each report's columns: key, name, deleted, detail (an actor's name), activities,
 * participants, volunteers, is_total, then what it is ordered by. */
#define TOTAL_ROW \
  " UNION ALL SELECT NULL, NULL, 0, NULL, count(*), coalesce(sum(participants), 0)," \
  " coalesce(sum(volunteers), 0), 1, 0, NULL, NULL, NULL, NULL, NULL FROM acts" \
  " ORDER BY is_total, no_key, o1, o2, o3, o4, o5, key"

#define BY_REFERENCE(column, table) \
  ACTS ", groups AS (SELECT " column " AS key, count(*) AS n, sum(participants) AS p," \
  " sum(volunteers) AS v FROM acts GROUP BY " column ")" \
  " SELECT g.key AS key, coalesce(t.name, g.key) AS name, coalesce(t.deleted, 0), NULL," \
  " g.n, g.p, g.v, 0 AS is_total, g.key IS NULL AS no_key, t.name AS o1, NULL AS o2, NULL AS o3," \
  " NULL AS o4, NULL AS o5" \
  " FROM groups g LEFT JOIN " table " t ON t.id = g.key" \
  TOTAL_ROW

/* Commitments and goals in the plan's order, deleted ones where they were. */
#define PLAN_JOINS(commitment) \
  " LEFT JOIN goal gl ON gl.id = " commitment ".goal_id" \
  " LEFT JOIN section s ON s.id = gl.section_id" \
  " LEFT JOIN plan p ON p.id = s.plan_id"

#define PAIRS(key) \
  ", pairs AS (SELECT DISTINCT a.id, a.participants, a.volunteers, " key " AS key" \
  " FROM acts a LEFT JOIN activity_commitment l ON l.activity_id = a.id AND l.deleted = 0" \
  "  AND (?3 IS NULL OR l.commitment_id IN (" PLAN_COMMITMENTS "))" \
  " LEFT JOIN commitment c ON c.id = l.commitment_id)" \
  ", groups AS (SELECT key, count(*) AS n, sum(participants) AS p, sum(volunteers) AS v" \
  " FROM pairs GROUP BY key)"

static const char * const report_sql[SA_REPORT_N_BY] = {
  [SA_REPORT_BY_ORGANIZATION] = BY_REFERENCE ("organization_id", "organization"),
  [SA_REPORT_BY_DISTRICT] = BY_REFERENCE ("district_id", "district"),
  [SA_REPORT_BY_COMMITMENT] =
    ACTS PAIRS ("l.commitment_id")
    " SELECT g.key AS key, coalesce(c.text, g.key) AS name, coalesce(c.deleted, 0), ac.name,"
    " g.n, g.p, g.v, 0 AS is_total, g.key IS NULL AS no_key, p.first_fy AS o1, s.position AS o2,"
    " gl.number AS o3, c.position AS o4, NULL AS o5"
    " FROM groups g LEFT JOIN commitment c ON c.id = g.key"
    " LEFT JOIN actor ac ON ac.id = c.actor_id"
    PLAN_JOINS ("c")
    TOTAL_ROW,
  [SA_REPORT_BY_GOAL] =
    ACTS PAIRS ("c.goal_id")
    " SELECT g.key AS key, coalesce(gl.title, g.key) AS name, coalesce(gl.deleted, 0), gl.number,"
    " g.n, g.p, g.v, 0 AS is_total, g.key IS NULL AS no_key, p.first_fy AS o1, s.position AS o2,"
    " gl.number AS o3, NULL AS o4, NULL AS o5"
    " FROM groups g"
    " LEFT JOIN goal gl ON gl.id = g.key"
    " LEFT JOIN section s ON s.id = gl.section_id"
    " LEFT JOIN plan p ON p.id = s.plan_id"
    TOTAL_ROW,
  [SA_REPORT_BY_MONTH] =
    ACTS ", groups AS (SELECT substr(date, 1, 7) AS key, count(*) AS n, sum(participants) AS p,"
    " sum(volunteers) AS v FROM acts GROUP BY substr(date, 1, 7))"
    " SELECT key, key AS name, 0, NULL, n, p, v, 0 AS is_total, 0 AS no_key, NULL AS o1, NULL AS o2,"
    " NULL AS o3, NULL AS o4, NULL AS o5 FROM groups"
    TOTAL_ROW,
};

static const char * const by_names[SA_REPORT_N_BY] = {
  "organization", "district", "commitment", "goal", "month",
};

static const char * const by_headings[SA_REPORT_N_BY] = {
  NC_("totals", "Organization"), NC_("totals", "District"), NC_("totals", "Commitment"),
  NC_("totals", "Basic Goal"), NC_("totals", "Month"),
};

static const char * const no_key_names[SA_REPORT_N_BY] = {
  N_("No organization"), N_("No district"), N_("No commitment"), N_("No basic goal"), "",
};

static void
report_row_free (SaReportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->name);
  g_free (row);
}

void
sa_report_free (SaReport *report)
{
  if (report == NULL)
    return;
  g_free (report->plan_id);
  g_free (report->from);
  g_free (report->to);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  report_row_free (report->total);
  g_free (report);
}

/**
 * sa_report_by_to_string:
 * @by: what a report's rows are
 *
 * Returns: its name on the command line and in JSON: "organization", "month" …
 */
const char *
sa_report_by_to_string (SaReportBy by)
{
  g_return_val_if_fail (by < SA_REPORT_N_BY, NULL);

  return by_names[by];
}

/**
 * sa_report_by_parse:
 * @text: "organization", "district", "commitment", "goal" or "month"
 * @by: (out): what it names
 * @error: return location for an error
 */
gboolean
sa_report_by_parse (const char  *text,
                    SaReportBy  *by,
                    GError     **error)
{
  for (guint i = 0; i < SA_REPORT_N_BY; i++)
    if (g_strcmp0 (text, by_names[i]) == 0)
      {
        *by = i;
        return TRUE;
      }
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("“%s” is not a way to group totals: use organization, district, commitment, goal or month"),
               text ? text : "");
  return FALSE;
}

/**
 * sa_report_by_get_heading:
 * @by: what a report's rows are
 *
 * Returns: the heading of the rows' names, translated: "Organization" …
 */
const char *
sa_report_by_get_heading (SaReportBy by)
{
  g_return_val_if_fail (by < SA_REPORT_N_BY, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "totals", by_headings[by]);
}

/**
 * sa_report_dup_headings:
 * @by: what a report's rows are
 *
 * Returns: (transfer full): the four column headings, translated: the rows' names,
 *   then activities (実施回数), participants (延べ参加者数), volunteers (ボランティア延べ数)
 */
GStrv
sa_report_dup_headings (SaReportBy by)
{
  const char *headings[] = {
    sa_report_by_get_heading (by),
    /* Translators: a column of totals: how many activities there were (実施回数) */
    C_("totals", "Activities"),
    /* Translators: a column of totals: participants added up (延べ参加者数) */
    C_("totals", "Participants"),
    /* Translators: a column of totals: volunteers added up (ボランティア延べ数) */
    C_("totals", "Volunteers"),
    NULL,
  };

  return g_strdupv ((GStrv) headings);
}

/**
 * sa_report_month_parse:
 * @text: a month, "YYYY-MM"
 * @year: (out): its year
 * @month: (out): its month, 1 to 12
 * @error: return location for an error
 */
gboolean
sa_report_month_parse (const char  *text,
                       int         *year,
                       int         *month,
                       GError     **error)
{
  if (text != NULL && strlen (text) == 7 && text[4] == '-' &&
      g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
      g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]))
    {
      *year = atoi (text);
      *month = atoi (text + 5);
      if (*month >= 1 && *month <= 12 && *year >= SA_DATE_FIRST_YEAR && *year <= SA_DATE_LAST_YEAR)
        return TRUE;
    }
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("“%s” is not a month: write YYYY-MM, from %d-01 to %d-12"),
               text ? text : "", SA_DATE_FIRST_YEAR, SA_DATE_LAST_YEAR);
  return FALSE;
}

/* The first day of @month of @year, "YYYY-MM-01"; a month 13 is January after. */
static char *
first_day (int year,
           int month)
{
  if (month > 12)
    year++, month -= 12;
  return g_strdup_printf ("%04d-%02d-01", year, month);
}

static char *
month_name (const char *key)
{
  /* Translators: a month in a table of totals: %1$d is the year, %2$d the month */
  return g_strdup_printf (C_("totals", "%1$d-%2$02d"), atoi (key), atoi (key + 5));
}

/* The name a person reads for the row of @stmt's key. */
static char *
row_name (SaReportBy    by,
          sqlite3_stmt *stmt,
          gboolean      deleted)
{
  const char *name = (const char *) sqlite3_column_text (stmt, 1);
  g_autofree char *label = NULL;

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return g_strdup (_(no_key_names[by]));
  if (by == SA_REPORT_BY_MONTH)
    return month_name (name);
  if (by == SA_REPORT_BY_COMMITMENT && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    /* Translators: a commitment in a table of totals: %1$s is who makes it (区役所),
     * %2$s what it is */
    label = g_strdup_printf (C_("totals", "%1$s: %2$s"), (const char *) sqlite3_column_text (stmt, 3), name);
  else if (by == SA_REPORT_BY_GOAL && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    {
      g_autofree char *number = g_strdup_printf (_("Basic Goal %d"), sqlite3_column_int (stmt, 3));

      label = g_strdup_printf ("%s  %s", number, name);
    }
  else
    label = g_strdup (name);
  return deleted ? sa_deleted_name (label) : g_steal_pointer (&label);
}

static SaReportRow *
read_row (SaReportBy    by,
          sqlite3_stmt *stmt)
{
  SaReportRow *row = g_new0 (SaReportRow, 1);

  row->key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->deleted = sqlite3_column_int (stmt, 2) != 0;
  row->name = row_name (by, stmt, row->deleted);
  row->activities = sqlite3_column_int64 (stmt, 4);
  row->participants = sqlite3_column_int64 (stmt, 5);
  row->volunteers = sqlite3_column_int64 (stmt, 6);
  return row;
}

/* Every month of the range, in order, those without activities as zeros. */
static GPtrArray *
fill_months (GPtrArray *found,
             int        year,
             int        month,
             int        last_year,
             int        last_month)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) report_row_free);
  guint next = 0;

  for (int i = year * 12 + month - 1; i <= last_year * 12 + last_month - 1; i++)
    {
      g_autofree char *key = g_strdup_printf ("%04d-%02d", i / 12, i % 12 + 1);
      SaReportRow *row;

      if (next < found->len && g_str_equal (((SaReportRow *) g_ptr_array_index (found, next))->key, key))
        row = g_ptr_array_steal_index (found, next);
      else
        {
          row = g_new0 (SaReportRow, 1);
          row->name = month_name (key);
          row->key = g_steal_pointer (&key);
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static gboolean
run_report (SaStore     *self,
            SaReport    *report,
            const char  *from_day,
            const char  *after_day,
            GError     **error)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, report_sql[report->by], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, after_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, report->plan_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SaReportRow *row = read_row (report->by, stmt);

      if (sqlite3_column_int (stmt, 7))
        {
          g_free (row->name);
          /* Translators: the last row of a table of totals (合計) */
          row->name = g_strdup (C_("totals", "Total"));
          report->total = row;
        }
      else
        g_ptr_array_add (report->rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _sa_store_set_error (self, error);
  return TRUE;
}

/**
 * sa_store_report:
 * @self: a store
 * @by: what the rows are
 * @plan_id: (nullable): only the activities that advance a commitment of this plan,
 *   and only its commitments and goals as rows; %NULL for every activity
 * @from: the first month, "YYYY-MM"
 * @to: the last month, "YYYY-MM", not before @from
 * @error: return location for an error
 *
 * Returns: (transfer full): the totals of the live activities from @from to @to, or
 *   %NULL with @error set when a month is not one or the range is backwards
 */
SaReport *
sa_store_report (SaStore     *self,
                 SaReportBy   by,
                 const char  *plan_id,
                 const char  *from,
                 const char  *to,
                 GError     **error)
{
  g_autoptr(SaReport) report = NULL;
  g_autofree char *from_day = NULL, *after_day = NULL;
  int year, month, last_year, last_month;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);
  g_return_val_if_fail (by < SA_REPORT_N_BY, NULL);

  if (!sa_report_month_parse (from, &year, &month, error) ||
      !sa_report_month_parse (to, &last_year, &last_month, error))
    return NULL;
  if (g_strcmp0 (from, to) > 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("The first month, %s, comes after the last, %s"), from, to);
      return NULL;
    }

  report = g_new0 (SaReport, 1);
  report->by = by;
  report->plan_id = g_strdup (plan_id);
  report->from = g_strdup (from);
  report->to = g_strdup (to);
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) report_row_free);
  from_day = first_day (year, month);
  after_day = first_day (last_year, last_month + 1);
  if (!run_report (self, report, from_day, after_day, error))
    return NULL;
  if (by == SA_REPORT_BY_MONTH)
    {
      GPtrArray *found = report->rows;

      report->rows = fill_months (found, year, month, last_year, last_month);
      g_ptr_array_unref (found);
    }
  return g_steal_pointer (&report);
}

/**
 * sa_store_report_fiscal_year:
 * @self: a store
 * @by: what the rows are
 * @plan_id: (nullable): as for sa_store_report()
 * @fiscal_year: a fiscal year: April of it to March of the next
 * @error: return location for an error
 *
 * Returns: (transfer full): the totals of the live activities of the fiscal year
 */
SaReport *
sa_store_report_fiscal_year (SaStore     *self,
                             SaReportBy   by,
                             const char  *plan_id,
                             int          fiscal_year,
                             GError     **error)
{
  g_autofree char *from = g_strdup_printf ("%04d-04", fiscal_year);
  g_autofree char *to = g_strdup_printf ("%04d-03", fiscal_year + 1);
  SaReport *report;

  if (fiscal_year < SA_DATE_FIRST_YEAR || fiscal_year >= SA_DATE_LAST_YEAR)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("Fiscal year %d is out of range: from %d to %d"), fiscal_year,
                   SA_DATE_FIRST_YEAR, SA_DATE_LAST_YEAR - 1);
      return NULL;
    }
  if ((report = sa_store_report (self, by, plan_id, from, to, error)) != NULL)
    report->fiscal_year = fiscal_year;
  return report;
}

/**
 * sa_store_list_report_years:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type int): the fiscal years there is something
 *   to report on: the plans' years and those of live activities, oldest first
 */
GArray *
sa_store_list_report_years (SaStore  *self,
                            GError  **error)
{
  /* Each plan's years from first_fy to last_fy (a plan spans far fewer than 300),
   * and the fiscal year of each activity's date. */
  sqlite3_stmt *stmt = _sa_store_prepare (self,
                                          "SELECT first_fy + n.i FROM plan,"
                                          " (WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k"
                                          "  WHERE i < 300) SELECT i FROM k) n"
                                          " WHERE plan.deleted = 0 AND first_fy + n.i <= last_fy"
                                          " UNION SELECT CAST(substr(date, 1, 4) AS INTEGER)"
                                          "  - (substr(date, 6, 2) < '04')"
                                          " FROM activity WHERE deleted = 0 ORDER BY 1",
                                          error);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int fy = sqlite3_column_int (stmt, 0);

      g_array_append_val (years, fy);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sa_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&years);
}

static void
append_line (GString     *out,
             const char  *name,
             SaReportRow *row)
{
  g_autofree char *cell = sa_csv_format_cell (name);

  g_string_append_printf (out, "%s,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "\r\n",
                          cell, row->activities, row->participants, row->volunteers);
}

/**
 * sa_report_to_csv:
 * @report: a report
 *
 * Returns: (transfer full): the report as CSV, as spreadsheets open Japanese text:
 *   UTF-8 with a byte order mark, CRLF, a line of headings, the rows, the total
 */
GBytes *
sa_report_to_csv (SaReport *report)
{
  g_auto(GStrv) headings = sa_report_dup_headings (report->by);
  GString *out = g_string_new ("\xef\xbb\xbf");

  for (guint i = 0; headings[i] != NULL; i++)
    {
      g_autofree char *cell = sa_csv_format_cell (headings[i]);

      g_string_append (out, i > 0 ? "," : "");
      g_string_append (out, cell);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < report->rows->len; i++)
    {
      SaReportRow *row = g_ptr_array_index (report->rows, i);

      append_line (out, row->name, row);
    }
  append_line (out, report->total->name, report->total);
  return g_string_free_to_bytes (out);
}

/**
 * sa_report_export_csv:
 * @report: a report
 * @file: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes sa_report_to_csv() to @file, whole or not at all.
 */
gboolean
sa_report_export_csv (SaReport      *report,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = sa_report_to_csv (report);
  return sa_file_write_atomically (file, bytes, cancellable, error);
}
