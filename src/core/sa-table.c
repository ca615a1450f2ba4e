/* sa-table.c: validation of values against a table's description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sa-date.h"
#include "sa-error.h"
#include "sa-table.h"

int
sa_table_find_column (const SaTable *table,
                      const char    *name)
{
  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i].name, name))
      return (int) i;

  return -1;
}

/**
 * sa_column_choice_label:
 * @column: a column with choices
 * @value: one of its choices
 *
 * Returns: how @value reads to a person, translated; @value itself when it has no label
 */
const char *
sa_column_choice_label (const SaColumn *column,
                        const char     *value)
{
  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; column->choices != NULL && column->choices[i] != NULL; i++)
    if (g_strcmp0 (column->choices[i], value) == 0 && column->choice_labels != NULL)
      return _(column->choice_labels[i]);
  return value;
}

/* What g_uuid_string_is_valid() accepts: 36 characters, hyphens at 8, 13, 18 and 23,
 * hexadecimal digits of either case elsewhere. Its parse costs a call a digit, and an
 * import checks a few ids and clocks a row. */
gboolean
sa_id_is_valid (const char *id)
{
  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (id[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (id[i]))
        return FALSE;
    }
  return id[36] == '\0';
}

/**
 * sa_id_normalize:
 * @id: (nullable): an id as another program may write it
 *
 * Ids are stored and compared in lower case: another program may write the same
 * UUID in upper case, and it must still name the same row.
 *
 * Returns: (transfer full) (nullable): @id in lower case
 */
char *
sa_id_normalize (const char *id)
{
  return id != NULL ? g_ascii_strdown (id, -1) : NULL;
}

/* C0 controls, DEL and C1 controls: escape sequences a terminal would obey and an
 * office's other programs would choke on. Multi-line text keeps tab and line breaks. */
static gboolean
is_forbidden_control (gunichar c,
                      gboolean multiline)
{
  if (multiline && (c == '\t' || c == '\n' || c == '\r'))
    return FALSE;
  return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

static gboolean
check_characters (const SaColumn *column,
                  const char     *text,
                  GError        **error)
{
  gboolean multiline = (column->flags & SA_COLUMN_MULTILINE) != 0;
  gboolean blank = TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_forbidden_control (c, multiline))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                       _("%s: control characters are not allowed"), _(column->label));
          return FALSE;
        }
      /* g_unichar_isspace() counts the ideographic space U+3000 too. */
      if (!g_unichar_isspace (c))
        blank = FALSE;
    }

  if (blank && *text != '\0' && (column->flags & SA_COLUMN_REQUIRED))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s must not be only spaces"), _(column->label));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const SaColumn *column,
            const char     *text,
            GError        **error)
{
  GDate date;

  if (!sa_date_parse_iso (text, &date, error))
    {
      g_prefix_error (error, "%s: ", _(column->label));
      return FALSE;
    }
  if (g_date_get_year (&date) < SA_DATE_FIRST_YEAR || g_date_get_year (&date) > SA_DATE_LAST_YEAR)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s must be from %d-01-01 to %d-12-31, not “%s”"),
                   _(column->label), SA_DATE_FIRST_YEAR, SA_DATE_LAST_YEAR, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_choice (const SaColumn *column,
              const char     *text,
              GError        **error)
{
  if (column->choices == NULL || g_strv_contains (column->choices, text))
    return TRUE;

  g_autofree char *allowed = g_strjoinv (", ", (char **) column->choices);
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("%s must be one of %s, not “%s”"),
               _(column->label), allowed, text);
  return FALSE;
}

static gboolean
check_time (const SaColumn *column,
            const char     *text,
            GError        **error)
{
  int hour, minute;
  char end;

  if (strlen (text) == 5 && text[2] == ':' &&
      sscanf (text, "%2d:%2d%c", &hour, &minute, &end) == 2 &&
      g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[3]) &&
      hour >= 0 && hour < 24 && minute >= 0 && minute < 60)
    return TRUE;

  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("%s must be a time such as 13:30, not “%s”"),
               _(column->label), text);
  return FALSE;
}

/* Checks a non-NULL text value: valid UTF-8 within its length, free of control
 * characters, and the form its type asks for. NULL is checked by the caller, which
 * knows whether the column is required. */
gboolean
sa_column_check_text (const SaTable  *table,
                      const SaColumn *column,
                      const char     *text,
                      GError        **error)
{
  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s is not valid UTF-8 text"), _(column->label));
      return FALSE;
    }

  if ((column->flags & SA_COLUMN_REQUIRED) && *text == '\0')
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s must not be empty"), _(column->label));
      return FALSE;
    }

  switch (column->type)
    {
    case SA_COLUMN_TEXT:
      if (column->max > 0 && g_utf8_strlen (text, -1) > column->max)
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                       _("%s is too long: at most %lld characters"),
                       _(column->label), (long long) column->max);
          return FALSE;
        }
      return check_characters (column, text, error) && check_choice (column, text, error);

    case SA_COLUMN_DATE:
      return check_date (column, text, error);

    case SA_COLUMN_TIME:
      return check_time (column, text, error);

    case SA_COLUMN_REF:
      if (!sa_id_is_valid (text))
        {
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                       _("%s: “%s” is not a valid id"), _(column->label), text);
          return FALSE;
        }
      return TRUE;

    case SA_COLUMN_INT:
    default:
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s must be a number"), _(column->label));
      return FALSE;
    }
}

gboolean
sa_column_check_int (const SaTable  *table,
                     const SaColumn *column,
                     gint64          value,
                     GError        **error)
{
  g_return_val_if_fail (column != NULL, FALSE);

  if (column->type != SA_COLUMN_INT)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s must be text, not a number"), _(column->label));
      return FALSE;
    }

  if (value < column->min || value > column->max)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s must be from %lld to %lld, not %lld"),
                   _(column->label), (long long) column->min, (long long) column->max,
                   (long long) value);
      return FALSE;
    }

  return TRUE;
}

/* Parses typed input such as a command-line argument: digits only (full-width digits
 * are accepted too, since Japanese input methods often produce them). */
gboolean
sa_column_parse_int (const SaTable  *table,
                     const SaColumn *column,
                     const char     *text,
                     gint64         *value,
                     GError        **error)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized != NULL)
    g_strstrip (normalized);

  if (normalized == NULL ||
      !g_ascii_string_to_signed (normalized, 10, G_MININT64, G_MAXINT64, value, &local_error))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("%s must be a whole number, not “%s”"), _(column->label), text);
      return FALSE;
    }

  return sa_column_check_int (table, column, *value, error);
}

/**
 * sa_make_name_id:
 * @table: the table the row belongs to
 * @first: the first id or name that makes the row what it is
 * @second: the second
 *
 * A name-based UUID (version 5 style) for a row that is one of a kind for what it
 * names, so two sites creating it independently write the same row and merge field
 * by field instead of keeping two.
 *
 * Returns: (transfer full): the row's id
 */
char *
sa_make_name_id (const char *table,
                 const char *first,
                 const char *second)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) table, -1);
  g_checksum_update (checksum, (const guchar *) "/", -1);
  g_checksum_update (checksum, (const guchar *) first, -1);
  g_checksum_update (checksum, (const guchar *) "/", -1);
  g_checksum_update (checksum, (const guchar *) second, -1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}
