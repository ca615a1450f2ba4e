/* sa-csv-match.c: which lines of an activity CSV file are activities already stored
 *
 * A sheet without an id column, imported twice, must not double the log. A line
 * matches a stored activity that is not deleted and has the same date, time, title,
 * organization, district and place, in the form the database keeps them. Repeats
 * count: a sheet that holds the same visit twice, imported into a database that
 * holds it once, adds it once. The database is asked once per distinct key, through
 * the index on the date, never once per stored row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-activity.h"
#include "sa-csv-match.h"
#include "sa-store-private.h"

struct _SaCsvMatcher
{
  SaStore    *store;
  GHashTable *remaining;   /* key → stored activities with that key not yet claimed */
};

static const guint key_columns[] = {
  SA_ACTIVITY_DATE, SA_ACTIVITY_TIME, SA_ACTIVITY_TITLE,
  SA_ACTIVITY_ORGANIZATION_ID, SA_ACTIVITY_DISTRICT_ID, SA_ACTIVITY_PLACE,
};

/**
 * sa_csv_matcher_new:
 * @store: the store the lines are imported into
 *
 * Returns: (transfer full): a matcher that knows nothing of the lines yet
 */
SaCsvMatcher *
sa_csv_matcher_new (SaStore *store)
{
  SaCsvMatcher *self = g_new0 (SaCsvMatcher, 1);

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->remaining = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
sa_csv_matcher_free (SaCsvMatcher *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->store);
  g_hash_table_unref (self->remaining);
  g_free (self);
}

/* The key columns, each with a mark for NULL so that NULL and "" differ, separated
 * by a character no cell holds. */
static char *
make_key (SaRecord *activity)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (key_columns); i++)
    {
      if (sa_record_is_null (activity, key_columns[i]))
        g_string_append_c (key, '\x01');
      else
        g_string_append_printf (key, "=%s", sa_record_get_text (activity, key_columns[i]));
      g_string_append_c (key, '\x1f');
    }
  return g_string_free (key, FALSE);
}

static gboolean
count_stored (SaCsvMatcher  *self,
              SaRecord      *activity,
              guint         *count,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* IS compares NULL with NULL as equal; date = ?1 lets SQLite use the date index. */
  stmt = _sa_store_prepare (self->store,
                            "SELECT count(*) FROM activity WHERE deleted = 0 AND date = ?1 AND time IS ?2 "
                            "AND title = ?3 AND organization_id IS ?4 AND district_id IS ?5 AND place IS ?6",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (key_columns); i++)
    if (sa_record_is_null (activity, key_columns[i]))
      sqlite3_bind_null (stmt, i + 1);
    else
      sqlite3_bind_text (stmt, i + 1, sa_record_get_text (activity, key_columns[i]), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _sa_store_set_error (self->store, error);
  return TRUE;
}

/**
 * sa_csv_matcher_claim:
 * @self: a matcher
 * @activity: the activity a line without an id describes, its references resolved
 * @stored: (out): set to whether a stored activity matches that no earlier line claimed
 * @error: return location for a database error
 *
 * Call once per line, in the file's order.
 *
 * Returns: %FALSE on a database error
 */
gboolean
sa_csv_matcher_claim (SaCsvMatcher  *self,
                      SaRecord      *activity,
                      gboolean      *stored,
                      GError       **error)
{
  g_autofree char *key = make_key (activity);
  gpointer value;
  guint remaining = 0;

  if (g_hash_table_lookup_extended (self->remaining, key, NULL, &value))
    remaining = GPOINTER_TO_UINT (value);
  else if (!count_stored (self, activity, &remaining, error))
    return FALSE;

  *stored = remaining > 0;
  if (*stored)
    remaining--;
  g_hash_table_insert (self->remaining, g_steal_pointer (&key), GUINT_TO_POINTER (remaining));
  return TRUE;
}

/**
 * sa_csv_describe_lines:
 * @lines: (element-type guint): line numbers, ascending
 * @max_ranges: how many runs to show before "…"
 *
 * Returns: (transfer full): the lines as a person reads them: "2, 5, 9–14, …"
 */
char *
sa_csv_describe_lines (GArray *lines,
                       guint   max_ranges)
{
  GString *text = g_string_new (NULL);
  guint n_ranges = 0;

  for (guint i = 0; i < lines->len; )
    {
      guint first = g_array_index (lines, guint, i), last = first;

      while (++i < lines->len && g_array_index (lines, guint, i) == last + 1)
        last++;
      if (n_ranges++ == max_ranges)
        {
          g_string_append (text, ", …");
          break;
        }
      if (text->len > 0)
        g_string_append (text, ", ");
      if (last == first)
        g_string_append_printf (text, "%u", first);
      else
        g_string_append_printf (text, "%u–%u", first, last);
    }
  return g_string_free (text, FALSE);
}
