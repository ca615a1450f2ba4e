/* sa-import.c: merging rows read from a file into the store
 *
 * An import reads and checks every row before it writes any, then merges them all in
 * one transaction: a bad file changes nothing. The bundled sample plan is imported
 * through the same path as any file from another site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sa-activity.h"
#include "sa-core-resources.h"
#include "sa-error.h"
#include "sa-hlc.h"
#include "sa-import.h"
#include "sa-merge-structure.h"
#include "sa-row.h"
#include "sa-schema.h"
#include "sa-store-private.h"

#define SAMPLE_RESOURCE "/io/github/sasaeai/Sasaeai/sample-plan.jsonl"

void
sa_conflict_free (SaConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->id);
  g_free (conflict->field);
  g_clear_pointer (&conflict->local, json_node_unref);
  g_clear_pointer (&conflict->incoming, json_node_unref);
  g_free (conflict->local_clock);
  g_free (conflict->incoming_clock);
  g_free (conflict->message);
  g_free (conflict);
}

void
sa_import_report_clear (SaImportReport *report)
{
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  *report = (SaImportReport) { 0, };
}

static SaRecord *
parse_line (const char  *line,
            gsize        length,
            guint        number,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  SaRecord *record;

  if (!g_utf8_validate (line, length, NULL))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Line %u is not valid UTF-8 text"), number);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, length, &local_error) ||
      !(record = sa_row_from_json (json_parser_get_root (parser), &local_error)))
    {
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("Line %u: %s"), number, message);
      return NULL;
    }
  return record;
}

/**
 * sa_import_parse_lines:
 * @text: JSON Lines, one row a line
 * @length: the length of @text in bytes
 * @error: return location for what is wrong, with its line number
 *
 * Returns: (transfer full) (element-type SaRecord) (nullable): the rows, each checked
 *   against its table's description; %NULL when any line is not valid
 */
GPtrArray *
sa_import_parse_lines (const char  *text,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *end = text + length;
  guint number = 0;

  for (const char *line = text; line < end; )
    {
      const char *eol = memchr (line, '\n', end - line);
      gsize line_length = (eol ? eol : end) - line;
      SaRecord *record;

      number++;
      if (line_length > 0)
        {
          if (!(record = parse_line (line, line_length, number, error)))
            return NULL;
          g_ptr_array_add (records, record);
          if (!g_hash_table_add (ids, (gpointer) sa_record_get_id (record)))
            {
              g_set_error (error, SA_ERROR, SA_ERROR_FORMAT,
                           _("Line %u: the id “%s” appears twice"), number, sa_record_get_id (record));
              return NULL;
            }
        }
      line += line_length + 1;
    }
  return g_steal_pointer (&records);
}

static guint
table_rank (SaRecord *record)
{
  const SaTable *table = sa_record_get_table (record);

  for (guint i = 0; i < sa_schema_n_tables; i++)
    if (sa_schema_tables[i] == table)
      return i;
  g_assert_not_reached ();
}

static char *
row_key (const SaTable *table,
         const char    *id)
{
  return g_strconcat (table->name, "/", id, NULL);
}

/* How many rows of the same table, among those imported, a row names one after the
 * other: a district plan its ward plan, a commitment its predecessor. Each comes
 * after the row it names. Bounded, so a cycle cannot hold the import up. */
static guint
self_depth (SaRecord   *record,
            GHashTable *by_key)
{
  const SaTable *table = sa_record_get_table (record);
  guint depth = 0;

  while (record != NULL && depth < 64)
    {
      SaRecord *named = NULL;

      for (guint i = 0; i < table->n_columns && named == NULL; i++)
        if (table->columns[i].type == SA_COLUMN_REF && g_str_equal (table->columns[i].ref, table->name) &&
            sa_record_get_text (record, i) != NULL)
          {
            g_autofree char *key = row_key (table, sa_record_get_text (record, i));
            named = g_hash_table_lookup (by_key, key);
          }
      if (named == NULL)
        break;
      record = named;
      depth++;
    }
  return depth;
}

/* Whether a row of @table may name another row of it. */
static gboolean
names_own_table (const SaTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (table->columns[i].type == SA_COLUMN_REF && g_str_equal (table->columns[i].ref, table->name))
      return TRUE;
  return FALSE;
}

static GHashTable *
depths_of (GPtrArray *records)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *depths = g_hash_table_new (NULL, NULL);

  /* Only the few tables whose rows name rows of their own (plans, commitments). */
  for (guint i = 0; i < records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (records, i);

      if (names_own_table (sa_record_get_table (record)))
        g_hash_table_insert (by_key, row_key (sa_record_get_table (record), sa_record_get_id (record)), record);
    }
  for (guint i = 0; i < records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (records, i);
      guint depth = names_own_table (sa_record_get_table (record)) ? self_depth (record, by_key) : 0;

      if (depth > 0)
        g_hash_table_insert (depths, record, GUINT_TO_POINTER (depth));
    }
  return depths;
}

/* Where a row goes in the order of the merge; worked out once per row rather than
 * in every comparison of the sort. */
typedef struct
{
  SaRecord   *record;
  guint       rank;  /* the table's place in sa_schema_tables */
  guint       depth; /* self_depth() */
  const char *date;  /* an activity's date, else NULL */
} SortKey;

/* Parents before children, also within a table; activities by date, so that the
 * table stores them in the order they happened and a month's rows lie together on
 * disk: the calendar reads a month three times faster than from rows stored in the
 * file's order. */
static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortKey *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->depth != y->depth)
    return x->depth < y->depth ? -1 : 1;
  return g_strcmp0 (x->date, y->date);
}

/* Sorts @records into the order of the merge; rows equal in it keep their order. */
static void
sort_records (GPtrArray *records)
{
  g_autoptr(GHashTable) depths = depths_of (records);
  g_autofree SortKey *keys = g_new (SortKey, records->len);

  for (guint i = 0; i < records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (records, i);

      keys[i] = (SortKey) { record, table_rank (record),
                            GPOINTER_TO_UINT (g_hash_table_lookup (depths, record)),
                            sa_record_get_table (record) == &sa_activity_table
                            ? sa_record_get_text (record, SA_ACTIVITY_DATE) : NULL };
    }
  /* g_qsort_with_data() is a stable sort. */
  g_qsort_with_data (keys, (gint) records->len, sizeof (SortKey), compare_keys, NULL);
  for (guint i = 0; i < records->len; i++)
    records->pdata[i] = keys[i].record;
}

static void
count_result (SaImportReport *report,
              SaMergeResult   result)
{
  switch (result)
    {
    case SA_MERGE_ADDED: report->added++; break;
    case SA_MERGE_UPDATED: report->updated++; break;
    case SA_MERGE_DELETED: report->deleted++; break;
    case SA_MERGE_UNCHANGED: default: report->unchanged++; break;
    }
}

/* ---- Merging, and telling conflicts ------------------------------------------------ */

typedef struct
{
  SaStore               *store;
  const SaImportOptions *options;
  SaImportReport        *report;
  GHashTable            *local_known; /* site id → clock, as this site knew before */
  GHashTable            *seen;        /* site id → highest clock of its writes in the rows */
  gboolean               foreign;     /* the rows hold a write of this site's id it never made */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->local_known, g_hash_table_unref);
  g_clear_pointer (&import->seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static GHashTable *
new_clock_map (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Raises @map's clock for the site that wrote @clock. */
static void
raise_clock (GHashTable *map,
             const char *clock)
{
  const char *site;
  const char *current;

  if (!sa_hlc_parse (clock, NULL, NULL, &site))
    return;
  current = g_hash_table_lookup (map, site);
  if (g_strcmp0 (clock, current) > 0)
    g_hash_table_insert (map, g_strdup (site), g_strdup (clock));
}

static gboolean
is_own (Import     *import,
        const char *clock)
{
  const char *site;

  return sa_hlc_parse (clock, NULL, NULL, &site) &&
         g_strcmp0 (site, sa_store_get_site_id (import->store)) == 0;
}

/* A clock of this site's id that is later than any it has issued: another database
 * writes under the same id. */
static gboolean
observe_clock (Import      *import,
               const char  *clock,
               GError     **error)
{
  if (is_own (import, clock))
    {
      g_autofree char *last = sa_store_dup_clock (import->store);

      import->foreign |= g_strcmp0 (clock, last) > 0;
    }
  raise_clock (import->seen, clock);
  return _sa_store_observe_clock (import->store, clock, import->options->bundled, error);
}

static gboolean
observe_clocks (Import    *import,
                SaRecord  *record,
                GError   **error)
{
  GHashTable *clocks = sa_record_get_clocks (record);
  GHashTableIter iter;
  gpointer clock;

  if (!observe_clock (import, sa_record_get_hlc (record), error))
    return FALSE;
  if (clocks == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, clocks);
  while (g_hash_table_iter_next (&iter, NULL, &clock))
    if (!observe_clock (import, clock, error))
      return FALSE;
  return TRUE;
}

/* A new row that this site's id wrote: this site would have it. */
static gboolean
is_own_row (Import   *import,
            SaRecord *record)
{
  GHashTable *clocks = sa_record_get_clocks (record);
  GHashTableIter iter;
  gpointer clock;

  if (is_own (import, sa_record_get_hlc (record)))
    return TRUE;
  if (clocks == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, clocks);
  while (g_hash_table_iter_next (&iter, NULL, &clock))
    if (is_own (import, clock))
      return TRUE;
  return FALSE;
}

#define had_seen sa_clock_map_has_seen

static JsonNode *
field_value (SaRecord   *record,
             const char *field)
{
  const SaTable *table = sa_record_get_table (record);
  int column = sa_table_find_column (table, field);
  JsonNode *node;

  if (column < 0)
    return json_node_init_boolean (json_node_alloc (), sa_record_get_deleted (record));
  if (sa_record_is_null (record, column))
    return json_node_new (JSON_NODE_NULL);
  node = json_node_alloc ();
  if (table->columns[column].type == SA_COLUMN_INT)
    return json_node_init_int (node, sa_record_get_int (record, column));
  return json_node_init_string (node, sa_record_get_text (record, column));
}

/* A conflict: neither side had seen the other's write of this field. A write this site
 * made itself is one it has always seen. */
static void
on_field (SaRecord   *local,
          SaRecord   *incoming,
          const char *field,
          gboolean    incoming_wins,
          gpointer    user_data)
{
  Import *import = user_data;
  const char *local_clock = sa_record_get_clock (local, field);
  const char *incoming_clock = sa_record_get_clock (incoming, field);
  const char *writer = NULL;
  SaConflict *conflict;

  sa_hlc_parse (incoming_clock, NULL, NULL, &writer);
  /* This site's own write of the field would be here, or something later. */
  if (incoming_wins && g_strcmp0 (writer, sa_store_get_site_id (import->store)) == 0)
    import->foreign = TRUE;
  if (import->report->conflicts == NULL ||
      g_strcmp0 (local_clock, incoming_clock) == 0 ||
      had_seen (import->options->known, local_clock) ||
      g_strcmp0 (writer, sa_store_get_site_id (import->store)) == 0 ||
      had_seen (import->local_known, incoming_clock))
    return;

  conflict = g_new0 (SaConflict, 1);
  conflict->table = sa_record_get_table (local);
  conflict->id = g_strdup (sa_record_get_id (local));
  conflict->field = g_strdup (field);
  conflict->local = field_value (local, field);
  conflict->incoming = field_value (incoming, field);
  conflict->local_clock = g_strdup (local_clock);
  conflict->incoming_clock = g_strdup (incoming_clock);
  conflict->incoming_won = incoming_wins;
  g_ptr_array_add (import->report->conflicts, conflict);
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const SaConflict *x = *(SaConflict **) a;
  const SaConflict *y = *(SaConflict **) b;
  int order = g_strcmp0 (x->table->name, y->table->name);

  if (order == 0)
    order = g_strcmp0 (x->id, y->id);
  if (order == 0)
    order = g_strcmp0 (x->field, y->field);
  return order != 0 ? order : (int) x->kind - (int) y->kind;
}

/* Whether @table holds no row, deleted or not. */
static gboolean
table_is_empty (SaStore       *store,
                const SaTable *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 1", table->name);
  sqlite3_stmt *stmt = _sa_store_prepare (store, sql, NULL);
  gboolean empty;

  if (stmt == NULL)
    return FALSE;
  empty = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_reset (stmt);
  return empty;
}

static gboolean
merge_all (Import     *import,
           GPtrArray  *records,
           GError    **error)
{
  const SaTable *table = NULL;
  gboolean empty = FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (records, i);
      SaMergeResult result;

      /* The rows come table by table, each id once: into a table that was empty,
       * every row is new, and is inserted without being looked up first. */
      if (sa_record_get_table (record) != table)
        empty = table_is_empty (import->store, (table = sa_record_get_table (record)));
      if (!observe_clocks (import, record, error) ||
          !_sa_store_merge_row (import->store, record, empty, on_field, import, &result, error))
        {
          g_prefix_error (error, "%s %s: ", sa_record_get_table (record)->name,
                          sa_record_get_id (record));
          return FALSE;
        }
      count_result (import->report, result);
      if (result == SA_MERGE_ADDED && is_own_row (import, record))
        import->foreign = TRUE;
      /* Stops here, without an error: sa_import_records_full() starts again as a
       * new site. */
      if (import->foreign && import->options->site_id != NULL)
        return FALSE;
    }
  return TRUE;
}

static GHashTable *
load_known (SaStore  *store,
            GError  **error)
{
  g_autoptr(GPtrArray) sites = sa_store_list_sites (store, error);
  GHashTable *known;

  if (sites == NULL)
    return NULL;
  known = new_clock_map ();
  for (guint i = 0; i < sites->len; i++)
    {
      SaSiteClock *site = g_ptr_array_index (sites, i);
      g_hash_table_insert (known, g_strdup (site->id), g_strdup (site->clock));
    }
  return known;
}

/* After the merge this site holds everything the file held: its version vector grows
 * to at least the file's. A name from the file fills in a site not known before; the
 * file's own site says its own name. */
static gboolean
note_sites (Import  *import,
            GError **error)
{
  const SaImportOptions *options = import->options;
  GHashTableIter iter;
  gpointer site, clock;

  if (options->known != NULL)
    {
      g_hash_table_iter_init (&iter, options->known);
      while (g_hash_table_iter_next (&iter, &site, &clock))
        {
          if (!sa_store_observe_clock (import->store, clock, error))
            return FALSE;
          if (!options->partial)
            raise_clock (import->seen, clock);
        }
    }
  /* A segment holds its writer's writes up to its clock, on top of the segments
   * before it; the other sites' writes in it are only some of theirs. */
  if (options->partial)
    {
      const char *own = options->known ? g_hash_table_lookup (options->known, options->site_id) : NULL;

      return options->site_id == NULL ||
             g_strcmp0 (options->site_id, sa_store_get_site_id (import->store)) == 0 ||
             sa_store_note_site (import->store, options->site_id, options->site_name, own, error);
    }

  g_hash_table_iter_init (&iter, import->seen);
  while (g_hash_table_iter_next (&iter, &site, &clock))
    {
      const char *name = NULL;

      if (g_strcmp0 (site, sa_store_get_site_id (import->store)) == 0)
        continue;
      if (g_strcmp0 (site, options->site_id) == 0)
        name = options->site_name;
      else if (options->names != NULL && !g_hash_table_contains (import->local_known, site))
        name = g_hash_table_lookup (options->names, site);
      if (!sa_store_note_site (import->store, site, name, clock, error))
        return FALSE;
    }
  return TRUE;
}

/* The file's own list of how far it has heard from each site names a clock of this
 * site's id later than any it has issued. */
static gboolean
knows_later_own (Import *import)
{
  g_autofree char *last = sa_store_dup_clock (import->store);
  GHashTableIter iter;
  gpointer clock;

  if (import->options->known == NULL || import->options->site_id == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, import->options->known);
  while (g_hash_table_iter_next (&iter, NULL, &clock))
    if (is_own (import, clock) && g_strcmp0 (clock, last) > 0)
      return TRUE;
  return FALSE;
}

/* Every site known here by name, for the messages about the plan's structure. */
static GHashTable *
site_names (Import *import)
{
  const SaImportOptions *options = import->options;
  g_autoptr(GPtrArray) sites = sa_store_list_sites (import->store, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer site, name;

  for (guint i = 0; sites != NULL && i < sites->len; i++)
    {
      SaSiteClock *known = g_ptr_array_index (sites, i);
      g_hash_table_insert (names, g_strdup (known->id), g_strdup (known->name));
    }
  if (options->names != NULL)
    {
      g_hash_table_iter_init (&iter, options->names);
      while (g_hash_table_iter_next (&iter, &site, &name))
        if (name != NULL && *(char *) name && !g_hash_table_contains (names, site))
          g_hash_table_insert (names, g_strdup (site), g_strdup (name));
    }
  if (options->site_id != NULL && options->site_name != NULL && *options->site_name)
    g_hash_table_insert (names, g_strdup (options->site_id), g_strdup (options->site_name));
  g_hash_table_insert (names, g_strdup (sa_store_get_site_id (import->store)),
                       sa_store_dup_site_name (import->store));
  return names;
}

/* After the rows, the plan's structure: work under a row the other side deleted
 * brings it back, and goals that came to share a number get numbers of their own.
 * Telling what crossed needs both sides' version vectors, so the first rule waits
 * for a file that has them. */
static gboolean
mend_structure (Import  *import,
                GError **error)
{
  g_autoptr(GHashTable) names = site_names (import);
  SaMergeSides sides = { import->store, import->local_known, import->options->known, names,
                         import->report->conflicts };

  if (import->options->known != NULL && !sa_merge_keep_added_work (&sides, error))
    return FALSE;
  return sa_merge_renumber_goals (&sides, error);
}

static gboolean
merge_and_note (Import     *import,
                GPtrArray  *records,
                GError    **error)
{
  if ((import->foreign = knows_later_own (import)))
    return FALSE;
  if (!merge_all (import, records, error) || !note_sites (import, error) ||
      !mend_structure (import, error))
    return FALSE;
  if (import->report->conflicts != NULL)
    g_ptr_array_sort (import->report->conflicts, compare_conflicts);
  return TRUE;
}

/* One attempt, inside the caller's transaction; as a new site when @new_site.
 * Returns TRUE, FALSE on an error, or -1 when the rows hold writes of this site's
 * id that this database never made. */
static int
import_once (SaStore                *store,
             GPtrArray              *records,
             const SaImportOptions  *options,
             gboolean                new_site,
             SaImportReport         *report,
             GError                **error)
{
  g_auto(Import) import = { store, options, report, NULL, new_clock_map (), FALSE };
  g_autoptr(GError) local_error = NULL;

  sa_import_report_clear (report);
  if (options->known != NULL)
    report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) sa_conflict_free);
  report->new_site = new_site;
  if ((new_site && !_sa_store_become_new_site (store, error)) ||
      !(import.local_known = load_known (store, error)))
    return FALSE;
  if (!merge_and_note (&import, records, &local_error))
    {
      if (local_error == NULL && import.foreign && !new_site)
        return -1;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* An import inserts into every index in the random order of UUIDs: with SQLite's
 * cache of 2 MB it spills pages to the WAL and reads them back over and over. While
 * it runs the cache may grow to 256 MB (only as far as the pages it touches); it is
 * set back afterwards, so a window keeps its usual memory. Returns the size before. */
#define IMPORT_CACHE_KIB 262144

static gint64
set_cache_size (SaStore *store,
                gint64   size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);
  sqlite3_stmt *stmt = _sa_store_prepare (store, "PRAGMA cache_size", NULL);
  gint64 before = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    before = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  if (before != 0 && (stmt = _sa_store_prepare (store, sql, NULL)) != NULL)
    _sa_store_step_done (store, stmt, NULL);
  return before;
}

static gboolean
import_records (SaStore                *store,
                GPtrArray              *records,
                const SaImportOptions  *options,
                SaImportReport         *report,
                GError                **error);

/**
 * sa_import_records_full:
 * @store: a store
 * @records: (element-type SaRecord): checked rows; sorted here, parents first
 * @options: (nullable): where the rows come from, and whether to write them
 * @report: (out caller-allocates): what the import did; clear it with
 *   sa_import_report_clear()
 * @error: return location for an error
 *
 * Merges every row in one transaction, and records how far this site has now heard
 * from every site whose writes the rows hold. With @options->known, fields that both
 * sides changed since they last exchanged files are reported as conflicts. On any
 * error, or with @options->dry_run, nothing is written.
 *
 * Rows from another site's file that hold a write of this site's id this database
 * never made (one later than its clock, a field newer than its own, a row it does
 * not have) show that another database writes under the same id: this one then
 * becomes a new site (@report->new_site) and merges the rows as the other's.
 */
gboolean
sa_import_records_full (SaStore                *store,
                        GPtrArray              *records,
                        const SaImportOptions  *options,
                        SaImportReport         *report,
                        GError                **error)
{
  gint64 cache;
  gboolean ok;

  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  cache = set_cache_size (store, -IMPORT_CACHE_KIB);
  ok = import_records (store, records, options, report, error);
  if (cache != 0)
    set_cache_size (store, cache);
  return ok;
}

static gboolean
import_records (SaStore                *store,
                GPtrArray              *records,
                const SaImportOptions  *options,
                SaImportReport         *report,
                GError                **error)
{
  const SaImportOptions none = { NULL, };
  gboolean ok;

  *report = (SaImportReport) { 0, };
  sort_records (records);
  if (!sa_store_begin (store, error))
    return FALSE;
  ok = import_once (store, records, options ? options : &none, FALSE, report, error);
  if (ok < 0)
    {
      /* The file holds writes made under this site's id that this database never
       * made: another database writes under it, a copy of this one or this one
       * before a backup was restored. This one becomes a new site, and takes the
       * file in as that other site's. */
      sa_store_rollback (store);
      if (!sa_store_begin (store, error))
        return FALSE;
      ok = import_once (store, records, options ? options : &none, TRUE, report, error);
    }
  if (ok != TRUE || (options && options->dry_run))
    {
      /* The rollback also takes back the clocks the rows moved this site's past, and
       * a new site id: a dry run leaves the store exactly as it was. */
      sa_store_rollback (store);
      if (ok != TRUE)
        sa_import_report_clear (report);
      return ok == TRUE;
    }
  if (!sa_store_commit (store, error))
    {
      sa_store_rollback (store);
      sa_import_report_clear (report);
      return FALSE;
    }
  if (report->new_site)
    _sa_store_add_notice (store, g_strdup_printf (_("A sync file from “%s” held changes made under this office’s id "
                                                    "that this database never made: another database (a copy of "
                                                    "this one, or this one before a backup was restored) writes as "
                                                    "this office. This database now writes as a new office, and "
                                                    "took the file in as the other one’s; nothing either wrote is "
                                                    "lost."),
                                                  options && options->site_name ? options->site_name : ""));
  return TRUE;
}

/**
 * sa_import_records:
 * @store: a store
 * @records: (element-type SaRecord): rows from sa_import_parse_lines(); sorted here,
 *   parents first
 * @report: (out caller-allocates): what the import did
 * @error: return location for an error
 *
 * Merges every row in one transaction. On any error nothing is written.
 */
gboolean
sa_import_records (SaStore         *store,
                   GPtrArray       *records,
                   SaImportReport  *report,
                   GError         **error)
{
  return sa_import_records_full (store, records, NULL, report, error);
}

/**
 * sa_import_sample:
 * @store: a store
 * @report: (out caller-allocates): what the import did
 * @error: return location for an error
 *
 * Adds the bundled sample plan, 第2期泉区地域福祉保健計画. Its rows have fixed ids
 * and clocks, so importing it again adds nothing.
 */
gboolean
sa_import_sample (SaStore         *store,
                  SaImportReport  *report,
                  GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gsize length;
  const char *text;

  const SaImportOptions bundled = { .bundled = TRUE };
  static gsize registered = 0;

  /* Registered where it is read, so every program built on the core has it. */
  if (g_once_init_enter (&registered))
    {
      sa_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  text = g_bytes_get_data (bytes, &length);
  records = sa_import_parse_lines (text, length, error);
  return records != NULL && sa_import_records_full (store, records, &bundled, report, error);
}

/**
 * sa_import_open:
 * @path: the database file; created when missing
 * @with_sample: whether a database this creates starts with the sample plan
 * @error: return location for an error
 *
 * Opens the database; one that this creates gets the sample plan, all or nothing: when
 * the plan cannot be added, the new file is taken away again, so the next try starts
 * afresh rather than from a database without its plan.
 *
 * Returns: (transfer full) (nullable): the store
 */
SaStore *
sa_import_open (const char  *path,
                gboolean     with_sample,
                GError     **error)
{
  g_autoptr(SaStore) store = sa_store_create (path, error);
  SaImportReport report;

  if (store == NULL)
    return NULL;
  if (!sa_store_get_created (store) || !with_sample || sa_import_sample (store, &report, error))
    return g_steal_pointer (&store);

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffix[i], NULL);

      g_unlink (file);
    }
  return NULL;
}
