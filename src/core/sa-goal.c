/* sa-goal.c: a goal, one row of the goal table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-goal.h"
#include "sa-store-private.h"

struct _SaGoal
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaGoal, sa_goal, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "section_id", N_("Section"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "section", NULL },
  { "number", N_("Number"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 1, 999, NULL, NULL },
  { "title", N_("Title"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 500, NULL, NULL },
};

/* Whether another live goal of @section_id has @number; the message names it. */
static gboolean
number_free (SaStore     *store,
             const char  *section_id,
             gint64       number,
             const char  *id,
             GError     **error)
{
  g_autofree char *sql = g_strconcat (_sa_store_select_sql (&sa_goal_table),
                                      " WHERE section_id = ?1 AND number = ?2 AND deleted = 0"
                                      " AND id <> ?3 ORDER BY id LIMIT 1", NULL);
  sqlite3_stmt *stmt = _sa_store_prepare (store, sql, error);
  g_autoptr(SaRecord) other = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, section_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    other = _sa_store_read_record (&sa_goal_table, stmt);
  sqlite3_reset (stmt);
  if (other == NULL)
    return TRUE;

  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               /* Translators: the number a person gave a goal is another goal's: its
                * number and its title */
               _("Basic Goal %d is already “%s”; choose another number"),
               (int) number, sa_record_get_text (other, SA_GOAL_TITLE));
  return FALSE;
}

static gboolean
check_stored_number (SaStore     *store,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(SaRecord) goal = sa_store_get (store, &sa_goal_table, id, NULL);

  return goal == NULL || sa_record_get_deleted (goal) ||
         number_free (store, sa_record_get_text (goal, SA_GOAL_SECTION_ID),
                      sa_record_get_int (goal, SA_GOAL_NUMBER), id, error);
}

/* A goal's number is its own within its section. Inside a group of writes the rule is
 * checked when the group ends, so that two goals can swap numbers. A goal whose number
 * and section stay as they were is not checked again. */
static gboolean
check_number (gpointer   store,
              gpointer   record,
              GError   **error)
{
  const char *id = sa_record_get_id (record);
  g_autoptr(SaRecord) old = id ? sa_store_get (store, &sa_goal_table, id, NULL) : NULL;

  if (old != NULL && !sa_record_get_deleted (old) &&
      sa_record_value_equal (old, record, SA_GOAL_SECTION_ID) &&
      sa_record_value_equal (old, record, SA_GOAL_NUMBER))
    return TRUE;
  if (id != NULL && _sa_store_defer_check (store, check_stored_number, id))
    return TRUE;
  return number_free (store, sa_record_get_text (record, SA_GOAL_SECTION_ID),
                      sa_record_get_int (record, SA_GOAL_NUMBER), id ? id : "", error);
}

const SaTable sa_goal_table = {
  "goal", columns, G_N_ELEMENTS (columns), "number", sa_goal_get_type, check_number, "section_id",
};

static void
sa_goal_class_init (SaGoalClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_goal_table);
}

static void
sa_goal_init (SaGoal *self)
{
}

SaGoal *
sa_goal_new (void)
{
  return g_object_new (SA_TYPE_GOAL, NULL);
}
