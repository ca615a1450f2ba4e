/* sa-csv.c: activity records as CSV, for spreadsheets
 *
 * Written the way Excel and LibreOffice open Japanese text correctly: UTF-8 with a
 * byte order mark, CRLF line ends, RFC 4180 quoting. A cell that begins like a formula
 * (= + - @, a tab or a carriage return, or their full-width forms), after any
 * apostrophes, gets one more apostrophe in front, so a spreadsheet shows it as text
 * and never runs it; reading removes exactly that apostrophe again.
 *
 * Reading is all or nothing: every line is checked first, and every wrong line is
 * reported with its number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-activity.h"
#include "sa-commitment.h"
#include "sa-csv.h"
#include "sa-csv-match.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-file-write.h"
#include "sa-organization.h"
#include "sa-privacy.h"
#include "sa-store-deleted.h"

#define MAX_LISTED_ERRORS 100

static const struct
{
  const char *key;
  const char *label;
  const char *aliases[6];
} columns[SA_CSV_N_COLUMNS] = {
  { "id", N_("ID"), { NULL } },
  { "date", N_("Date"), { "日付", "実施日", "開催日", NULL } },
  { "time", N_("Time"), { "時刻", "開始時刻", "時間", NULL } },
  { "title", N_("Title"), { "タイトル", "名称", "活動名", "件名", NULL } },
  { "organization", N_("Organization"), { "団体", "実施団体", "主催", NULL } },
  { "district", N_("District"), { "地区", NULL } },
  { "place", N_("Place"), { "場所", "会場", NULL } },
  { "participants", N_("Participants"), { "参加者数", "参加者", "参加人数", NULL } },
  { "volunteers", N_("Volunteers"), { "ボランティア数", "ボランティア", NULL } },
  { "commitments", N_("Commitments"), { "取組", "取り組み", "計画期間中に取り組むこと", NULL } },
  { "notes", N_("Notes"), { "メモ", "備考", NULL } },
};

static const char * const formula_starts[] = {
  "=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", NULL
};

void
sa_csv_record_free (SaCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->cells);
  g_free (record);
}

void
sa_csv_activity_free (SaCsvActivity *activity)
{
  if (activity == NULL)
    return;
  for (guint i = 0; i < SA_CSV_N_COLUMNS; i++)
    g_free (activity->values[i]);
  g_free (activity);
}

/* ---- Cells ---------------------------------------------------------------------------- */

/* Whether @text, after any apostrophes, begins like a formula. */
static gboolean
looks_like_formula (const char *text)
{
  while (*text == '\'')
    text++;
  for (guint i = 0; formula_starts[i] != NULL; i++)
    if (g_str_has_prefix (text, formula_starts[i]))
      return TRUE;
  return FALSE;
}

/**
 * sa_csv_format_cell:
 * @text: a value
 *
 * Returns: (transfer full): @text as one CSV cell: with an apostrophe in front when it
 *   would read as a formula, and quoted when it holds a comma, a quote or a line end
 */
char *
sa_csv_format_cell (const char *text)
{
  GString *cell = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  if (looks_like_formula (text))
    g_string_append_c (cell, '\'');
  g_string_append (cell, text);
  if (strpbrk (cell->str, ",\"\r\n") != NULL)
    {
      g_string_replace (cell, "\"", "\"\"", 0);
      g_string_prepend_c (cell, '"');
      g_string_append_c (cell, '"');
    }
  return g_string_free (cell, FALSE);
}

/* Undoes the apostrophe sa_csv_format_cell() puts before a formula-like cell. */
static char *
unescape_cell (const char *text)
{
  if (text[0] == '\'' && looks_like_formula (text))
    return g_strdup (text + 1);
  return g_strdup (text);
}

/* ---- RFC 4180 ------------------------------------------------------------------------- */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} Scanner;

static gboolean
at_line_end (Scanner *s)
{
  return s->p < s->end && (*s->p == '\n' || *s->p == '\r');
}

static void
skip_line_end (Scanner *s)
{
  if (*s->p == '\r' && s->p + 1 < s->end && s->p[1] == '\n')
    s->p++;
  s->p++;
  s->line++;
}

static gboolean
scan_quoted (Scanner  *s,
             GString  *cell,
             GError  **error)
{
  guint start_line = s->line;

  for (s->p++; s->p < s->end; s->p++)
    {
      if (*s->p == '"')
        {
          if (s->p + 1 < s->end && s->p[1] == '"')
            {
              g_string_append_c (cell, '"');
              s->p++;
              continue;
            }
          s->p++;
          if (s->p < s->end && *s->p != ',' && !at_line_end (s))
            {
              g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                           _("Line %u: there is text after the closing quote of a cell"), s->line);
              return FALSE;
            }
          return TRUE;
        }
      if (*s->p == '\n')
        s->line++;
      g_string_append_c (cell, *s->p);
    }

  g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
               _("Line %u: a quoted cell is never closed"), start_line);
  return FALSE;
}

static gboolean
scan_plain (Scanner  *s,
            GString  *cell,
            GError  **error)
{
  for (; s->p < s->end && *s->p != ',' && !at_line_end (s); s->p++)
    {
      if (*s->p == '"')
        {
          g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                       _("Line %u: a quote in the middle of a cell; quote the whole cell"), s->line);
          return FALSE;
        }
      g_string_append_c (cell, *s->p);
    }
  return TRUE;
}

static SaCsvRecord *
scan_record (Scanner  *s,
             GError  **error)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  SaCsvRecord *record = g_new0 (SaCsvRecord, 1);

  record->line = s->line;
  for (;;)
    {
      g_autoptr(GString) cell = g_string_new (NULL);

      if (!(s->p < s->end && *s->p == '"' ? scan_quoted (s, cell, error)
                                          : scan_plain (s, cell, error)))
        {
          sa_csv_record_free (record);
          return NULL;
        }
      g_strv_builder_add (cells, cell->str);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          continue;
        }
      if (s->p < s->end)
        skip_line_end (s);
      break;
    }
  record->cells = g_strv_builder_end (cells);
  return record;
}

/**
 * sa_csv_parse:
 * @text: UTF-8 text
 * @length: its length in bytes
 * @error: return location for what is wrong, with its line number
 *
 * Splits CSV text into records as RFC 4180 describes, accepting LF as well as CRLF
 * line ends.
 *
 * Returns: (transfer full) (element-type SaCsvRecord) (nullable): the records
 */
GPtrArray *
sa_csv_parse (const char  *text,
              gsize        length,
              GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) sa_csv_record_free);
  Scanner s = { text, text + length, 1 };

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  while (s.p < s.end)
    {
      SaCsvRecord *record = scan_record (&s, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}

/* ---- Reading activities, before the database is asked anything ------------------------ */

/* UTF-8, with or without a byte order mark; or Shift_JIS, which is what Excel on a
 * Japanese Windows saves as plain "CSV". */
static char *
decode_text (const char  *data,
             gsize        length,
             gsize       *out_length,
             GError     **error)
{
  g_autofree char *converted = NULL;
  g_autofree char *no_nul = NULL;
  gsize n_read = 0, n_written = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;
  /* A NUL byte would end a cell early, silently. As U+0001, another control character
   * (a zero byte is NUL in Shift_JIS too), the check of its column refuses it by name. */
  if (memchr (data, '\0', length) != NULL)
    {
      no_nul = g_memdup2 (data, length);
      for (gsize i = 0; i < length; i++)
        if (no_nul[i] == '\0')
          no_nul[i] = '\x01';
      data = no_nul;
    }
  if (g_utf8_validate_len (data, length, NULL))
    {
      *out_length = length;
      return g_strndup (data, length);
    }

  converted = g_convert (data, (gssize) length, "UTF-8", "CP932", &n_read, &n_written, NULL);
  if (converted != NULL && n_read == length && g_utf8_validate_len (converted, n_written, NULL))
    {
      *out_length = n_written;
      return g_steal_pointer (&converted);
    }

  g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
               _("The file is neither UTF-8 nor Shift_JIS text; save it as “CSV UTF-8”"));
  return NULL;
}

static char *
normalize_name (const char *name)
{
  g_autofree char *composed = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *stripped = g_strstrip (g_strdup (composed ? composed : ""));

  return g_utf8_casefold (stripped, -1);
}

static gboolean
name_matches (const char *wanted,
              const char *candidate)
{
  g_autofree char *normal = normalize_name (candidate);

  return g_str_equal (wanted, normal);
}

/* The column a header cell names: its key, its English or translated label, or one
 * of the Japanese names people give it. */
static int
find_column (const char *header)
{
  g_autofree char *wanted = normalize_name (header);

  for (guint c = 0; c < SA_CSV_N_COLUMNS; c++)
    {
      if (name_matches (wanted, columns[c].key) || name_matches (wanted, columns[c].label) ||
          name_matches (wanted, _(columns[c].label)))
        return (int) c;
      for (guint a = 0; columns[c].aliases[a] != NULL; a++)
        if (name_matches (wanted, columns[c].aliases[a]))
          return (int) c;
    }
  return -1;
}

/* What is wrong with which line, gathered over the whole file before reporting. */
typedef struct
{
  guint  line;
  char  *message;
} Problem;

static void
problem_clear (gpointer data)
{
  g_free (((Problem *) data)->message);
}

static GArray *
problems_new (void)
{
  GArray *problems = g_array_new (FALSE, FALSE, sizeof (Problem));

  g_array_set_clear_func (problems, problem_clear);
  return problems;
}

static void
add_problem (GArray     *problems,
             guint       line,
             const char *message)
{
  Problem problem = { line, g_strdup (message) };

  g_array_append_val (problems, problem);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  return (int) ((const Problem *) a)->line - (int) ((const Problem *) b)->line;
}

static gboolean
report_problems (GArray  *problems,
                 GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (problems->len == 0)
    return TRUE;
  g_array_sort (problems, compare_problems);
  for (guint i = 0; i < MIN (problems->len, MAX_LISTED_ERRORS); i++)
    {
      Problem *problem = &g_array_index (problems, Problem, i);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Line %u: %s"), problem->line, problem->message);
    }
  if (problems->len > MAX_LISTED_ERRORS)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("… and %u more"), problems->len - MAX_LISTED_ERRORS);
    }
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u line is wrong; nothing was imported:%s",
                            "%u lines are wrong; nothing was imported:%s", problems->len),
               problems->len, text->str);
  return FALSE;
}

static gboolean
is_blank (SaCsvRecord *record)
{
  for (guint i = 0; record->cells[i] != NULL; i++)
    if (record->cells[i][0] != '\0')
      return FALSE;
  return TRUE;
}

static gboolean
map_header (SaCsvRecord  *header,
            int          *map,
            GError      **error)
{
  gboolean seen[SA_CSV_N_COLUMNS] = { FALSE, };

  for (guint i = 0; header->cells[i] != NULL; i++)
    {
      int column = find_column (header->cells[i]);

      if (column < 0 || seen[column])
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                       column < 0 ? _("Line %u: unknown column “%s”") : _("Line %u: the column “%s” appears twice"),
                       header->line, header->cells[i]);
          return FALSE;
        }
      seen[column] = TRUE;
      map[i] = column;
    }
  if (!seen[SA_CSV_DATE] || !seen[SA_CSV_TITLE])
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("Line %u: the file needs at least the columns “%s” and “%s”"),
                   header->line, _(columns[SA_CSV_DATE].label), _(columns[SA_CSV_TITLE].label));
      return FALSE;
    }
  return TRUE;
}

/* Digits, separators and letters typed in full width become ASCII. */
static char *
normalize_value (const char *text)
{
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_strstrip (g_strdup (composed ? composed : ""));
}

/* 2012-05-20, and 2012/5/20 as spreadsheets write dates back. */
static char *
convert_date (const char  *text,
              GError     **error)
{
  g_autofree char *value = normalize_value (text);
  g_auto(GStrv) parts = g_regex_split_simple ("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})$", value, 0, 0);

  if (*value == '\0')
    return g_strdup ("");
  if (g_strv_length (parts) != 5)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s must be a day such as 2012-05-20, not “%s”"), _("Date"), text);
      return NULL;
    }
  return g_strdup_printf ("%s-%02d-%02d", parts[1], (int) g_ascii_strtoull (parts[2], NULL, 10),
                          (int) g_ascii_strtoull (parts[3], NULL, 10));
}

/* 13:30, 9:05 and 13:30:00. */
static char *
convert_time (const char  *text,
              GError     **error)
{
  g_autofree char *value = normalize_value (text);
  g_auto(GStrv) parts = g_regex_split_simple ("^(\\d{1,2}):(\\d{2})(:\\d{2})?$", value, 0, 0);

  if (*value == '\0')
    return g_strdup ("");
  if (g_strv_length (parts) < 4)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s must be a time such as 13:30, not “%s”"), _("Time"), text);
      return NULL;
    }
  return g_strdup_printf ("%02d:%s", (int) g_ascii_strtoull (parts[1], NULL, 10), parts[2]);
}

static char *
convert_count (const SaColumn  *column,
               const char      *text,
               GError         **error)
{
  g_autofree char *value = normalize_value (text);
  gint64 number = 0;

  if (*value != '\0' &&
      !sa_column_parse_int (&sa_activity_table, column, value, &number, error))
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT, number);
}

static char *
convert_commitments (const char  *text,
                     GError     **error)
{
  g_autofree char *value = normalize_value (text);
  g_auto(GStrv) ids = g_regex_split_simple ("[\\s;,、]+", value, 0, 0);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *id = g_ascii_strdown (ids[i], -1);

      if (*id == '\0')
        continue;
      if (!sa_id_is_valid (id))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                       _("%s: “%s” is not a valid id"), _(columns[SA_CSV_COMMITMENTS].label), ids[i]);
          return NULL;
        }
      g_strv_builder_add (kept, id);
    }
  list = g_strv_builder_end (kept);
  return g_strjoinv (" ", list);
}

static char *
convert_value (SaCsvColumn   column,
               const char   *text,
               GError      **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;

  switch (column)
    {
    case SA_CSV_ID:
      stripped = g_strstrip (g_strdup (text));
      id = g_ascii_strdown (stripped, -1);
      if (*id != '\0' && !sa_id_is_valid (id))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("“%s” is not a valid id"), text);
          return NULL;
        }
      return g_steal_pointer (&id);
    case SA_CSV_DATE:
      return convert_date (text, error);
    case SA_CSV_TIME:
      return convert_time (text, error);
    case SA_CSV_PARTICIPANTS:
      return convert_count (&sa_activity_table.columns[SA_ACTIVITY_PARTICIPANTS], text, error);
    case SA_CSV_VOLUNTEERS:
      return convert_count (&sa_activity_table.columns[SA_ACTIVITY_VOLUNTEERS], text, error);
    case SA_CSV_COMMITMENTS:
      return convert_commitments (text, error);
    case SA_CSV_ORGANIZATION:
    case SA_CSV_DISTRICT:
      return g_strstrip (unescape_cell (text));
    case SA_CSV_TITLE:
    case SA_CSV_PLACE:
    case SA_CSV_NOTES:
    case SA_CSV_N_COLUMNS:
    default:
      return unescape_cell (text);
    }
}

static void
set_optional_text (SaRecord   *record,
                   guint       column,
                   const char *text)
{
  if (text == NULL)
    return;
  if (*text == '\0' && !(sa_record_get_table (record)->columns[column].flags & SA_COLUMN_REQUIRED))
    sa_record_set_null (record, column);
  else
    sa_record_set_text (record, column, text);
}

static void
set_count (SaRecord   *record,
           guint       column,
           const char *text)
{
  if (text != NULL)
    sa_record_set_int (record, column, g_ascii_strtoll (text, NULL, 10));
}

/* Gives @record the values of @activity other than references, which need the
 * database to look up. */
static void
apply_values (SaRecord      *record,
              SaCsvActivity *activity)
{
  char **v = activity->values;

  set_optional_text (record, SA_ACTIVITY_DATE, v[SA_CSV_DATE]);
  set_optional_text (record, SA_ACTIVITY_TIME, v[SA_CSV_TIME]);
  set_optional_text (record, SA_ACTIVITY_TITLE, v[SA_CSV_TITLE]);
  set_optional_text (record, SA_ACTIVITY_PLACE, v[SA_CSV_PLACE]);
  set_optional_text (record, SA_ACTIVITY_NOTES, v[SA_CSV_NOTES]);
  set_count (record, SA_ACTIVITY_PARTICIPANTS, v[SA_CSV_PARTICIPANTS]);
  set_count (record, SA_ACTIVITY_VOLUNTEERS, v[SA_CSV_VOLUNTEERS]);
}

static gboolean
check_values (SaCsvActivity  *activity,
              GError        **error)
{
  g_autoptr(SaRecord) record = SA_RECORD (sa_activity_new ());
  g_autofree char *id = g_uuid_string_random ();

  sa_record_set_id (record, id);
  apply_values (record, activity);
  return sa_record_validate (record, error);
}

static SaCsvActivity *
read_activity (SaCsvRecord  *record,
               const int    *map,
               guint         n_columns,
               GError      **error)
{
  SaCsvActivity *activity = g_new0 (SaCsvActivity, 1);

  activity->line = record->line;
  if (g_strv_length (record->cells) != n_columns)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("it has %u cells, but the header has %u"),
                   g_strv_length (record->cells), n_columns);
      sa_csv_activity_free (activity);
      return NULL;
    }
  for (guint i = 0; i < n_columns; i++)
    if (!(activity->values[map[i]] = convert_value (map[i], record->cells[i], error)))
      {
        sa_csv_activity_free (activity);
        return NULL;
      }
  if (!check_values (activity, error))
    {
      sa_csv_activity_free (activity);
      return NULL;
    }
  return activity;
}

/* The activities of the lines that are right; what is wrong with the others goes
 * to @problems. A fault of the file as a whole is an error. */
static GPtrArray *
read_activities (const char  *data,
                 gsize        length,
                 GArray      *problems,
                 GError     **error)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func ((GDestroyNotify) sa_csv_activity_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  g_autofree int *map = NULL;
  SaCsvRecord *header = NULL;
  gsize text_length;
  guint first = 0;

  if (!(text = decode_text (data, length, &text_length, error)) ||
      !(records = sa_csv_parse (text, text_length, error)))
    return NULL;

  while (first < records->len && is_blank (g_ptr_array_index (records, first)))
    first++;
  if (first == records->len)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("The file has no header line"));
      return NULL;
    }
  header = g_ptr_array_index (records, first);
  map = g_new0 (int, g_strv_length (header->cells));
  if (!map_header (header, map, error))
    return NULL;

  for (guint i = first + 1; i < records->len; i++)
    {
      SaCsvRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GError) local_error = NULL;
      SaCsvActivity *activity;

      if (is_blank (record))
        continue;
      if ((activity = read_activity (record, map, g_strv_length (header->cells), &local_error)))
        g_ptr_array_add (activities, activity);
      else
        add_problem (problems, record->line, local_error->message);
    }
  return g_steal_pointer (&activities);
}

/**
 * sa_csv_read_activities:
 * @data: the file's bytes
 * @length: their count
 * @error: return location for what is wrong, listing every wrong line
 *
 * Reads activities from CSV text whose first line names the columns, in English or
 * Japanese, and checks every value that can be checked without the database.
 * Empty lines are skipped.
 *
 * Returns: (transfer full) (element-type SaCsvActivity) (nullable): the activities
 */
GPtrArray *
sa_csv_read_activities (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(GArray) problems = problems_new ();
  g_autoptr(GPtrArray) activities = read_activities (data, length, problems, error);

  if (activities == NULL || !report_problems (problems, error))
    return NULL;
  return g_steal_pointer (&activities);
}

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

  apply_values (change->record, activity);
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
  g_autoptr(GArray) problems = problems_new ();
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
  if (!(activities = read_activities (data ? data : "", length, problems, error)))
    return FALSE;

  matcher = sa_csv_matcher_new (store);
  for (guint i = 0; i < activities->len; i++)
    {
      SaCsvActivity *activity = g_ptr_array_index (activities, i);
      g_autoptr(GError) local_error = NULL;
      Change *change = resolve (store, activity, ids, &local_error);
      gboolean keep;

      if (change == NULL)
        add_problem (problems, activity->line, local_error->message);
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
  if (!report_problems (problems, error))
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
    header[i] = _(columns[i].label);
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
