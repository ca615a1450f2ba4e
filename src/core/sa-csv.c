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

#include "sa-csv-private.h"
#include "sa-error.h"

const SaCsvColumnInfo _sa_csv_columns[SA_CSV_N_COLUMNS] = {
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
char *
_sa_csv_unescape_cell (const char *text)
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

