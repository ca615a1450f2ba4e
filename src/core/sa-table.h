/* sa-table.h: the static description of a table, which drives the generic work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SA_COLUMN_TEXT,  /* free text, at most max characters */
  SA_COLUMN_INT,   /* a whole number from min to max */
  SA_COLUMN_DATE,  /* YYYY-MM-DD, a day that exists */
  SA_COLUMN_TIME,  /* HH:MM */
  SA_COLUMN_REF,   /* the id of a row of the table named by ref */
} SaColumnType;

typedef enum
{
  SA_COLUMN_REQUIRED    = 1 << 0, /* never NULL; text never empty */
  SA_COLUMN_FISCAL_YEAR = 1 << 1, /* an INT that is a fiscal year, typed as 2010, H22, 平成22年度… */
  SA_COLUMN_MULTILINE   = 1 << 2, /* TEXT that may hold line breaks and tabs */
} SaColumnFlags;

typedef struct
{
  const char         *name;    /* SQL column, JSON key; the property is the same with '-' */
  const char         *label;   /* for messages, marked with N_() */
  SaColumnType        type;
  SaColumnFlags       flags;
  gint64              min;     /* INT only */
  gint64              max;     /* INT: largest value; TEXT: most characters */
  const char         *ref;     /* REF: the table referred to */
  const char * const *choices; /* TEXT: the only values allowed, or NULL */
  const char * const *choice_labels; /* how each choice reads to a person, marked with N_() */
} SaColumn;

typedef struct
{
  const char     *name;
  const SaColumn *columns;
  guint           n_columns;
  const char     *order_by;    /* SQL ORDER BY for lists of this table's rows */
  GType         (*get_type) (void);
  /* Rules that involve several columns or other rows, checked before a local write;
   * NULL when the column descriptions say everything. @store is an SaStore. */
  gboolean      (*check)    (gpointer        store,
                             gpointer        record,
                             GError        **error);
  /* The column naming the row this one belongs to in the plan's structure (a goal's
   * section, a commitment's goal), or NULL. A merge keeps a parent that one site
   * deleted while another added or changed something under it (sa-merge-structure.c). */
  const char     *parent;
} SaTable;

/* The columns every table has before its own. */
#define SA_SYSTEM_COLUMNS "id, hlc, site, deleted, clocks"
#define SA_N_SYSTEM_COLUMNS 5

int      sa_table_find_column  (const SaTable  *table,
                                const char     *name);
const char *sa_column_choice_label (const SaColumn *column,
                                    const char     *value);
gboolean sa_column_check_text  (const SaTable  *table,
                                const SaColumn *column,
                                const char     *text,
                                GError        **error);
gboolean sa_column_check_int   (const SaTable  *table,
                                const SaColumn *column,
                                gint64          value,
                                GError        **error);
gboolean sa_column_parse_int   (const SaTable  *table,
                                const SaColumn *column,
                                const char     *text,
                                gint64         *value,
                                GError        **error);
gboolean sa_id_is_valid        (const char     *id);
char    *sa_id_normalize       (const char     *id);
char    *sa_make_name_id       (const char     *table,
                                const char     *first,
                                const char     *second);

/* The days an activity may fall on: every export (iCalendar's next-day DTEND, the
 * Japanese era of a fiscal year) stays valid within them. */
#define SA_DATE_FIRST_YEAR 1900
#define SA_DATE_LAST_YEAR  2199

G_END_DECLS
