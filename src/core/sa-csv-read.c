/* sa-csv-read.c: activities read from CSV text, before the database is asked anything
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
#include "sa-csv-private.h"
#include "sa-error.h"

#define MAX_LISTED_ERRORS 100

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
      if (name_matches (wanted, _sa_csv_columns[c].key) || name_matches (wanted, _sa_csv_columns[c].label) ||
          name_matches (wanted, _(_sa_csv_columns[c].label)))
        return (int) c;
      for (guint a = 0; _sa_csv_columns[c].aliases[a] != NULL; a++)
        if (name_matches (wanted, _sa_csv_columns[c].aliases[a]))
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

GArray *
_sa_csv_problems_new (void)
{
  GArray *problems = g_array_new (FALSE, FALSE, sizeof (Problem));

  g_array_set_clear_func (problems, problem_clear);
  return problems;
}

void
_sa_csv_add_problem (GArray     *problems,
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

gboolean
_sa_csv_report_problems (GArray  *problems,
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
                   header->line, _(_sa_csv_columns[SA_CSV_DATE].label), _(_sa_csv_columns[SA_CSV_TITLE].label));
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
                       _("%s: “%s” is not a valid id"), _(_sa_csv_columns[SA_CSV_COMMITMENTS].label), ids[i]);
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
      return g_strstrip (_sa_csv_unescape_cell (text));
    case SA_CSV_TITLE:
    case SA_CSV_PLACE:
    case SA_CSV_NOTES:
    case SA_CSV_N_COLUMNS:
    default:
      return _sa_csv_unescape_cell (text);
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
void
_sa_csv_apply_values (SaRecord      *record,
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
  _sa_csv_apply_values (record, activity);
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
GPtrArray *
_sa_csv_read_activities (const char  *data,
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
        _sa_csv_add_problem (problems, record->line, local_error->message);
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
  g_autoptr(GArray) problems = _sa_csv_problems_new ();
  g_autoptr(GPtrArray) activities = _sa_csv_read_activities (data, length, problems, error);

  if (activities == NULL || !_sa_csv_report_problems (problems, error))
    return NULL;
  return g_steal_pointer (&activities);
}

