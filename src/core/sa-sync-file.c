/* sa-sync-file.c: the file one site writes for the others, NAME.sasaeai
 *
 * gzip-compressed JSON Lines: a header, one line per row exactly as sa_row_append_line()
 * writes it, and a trailer with the row count and the SHA-256 of every line before
 * it (docs/sync-format.md). A file is read and checked whole before an import writes
 * anything; the merge itself is sa_import_records_full(). The type, what a file holds
 * and its import are here; writing is in sa-sync-file-write.c, its header in
 * sa-sync-file-header.c, reading in sa-sync-file-read.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-schema.h"
#include "sa-sync-file.h"
#include "sa-sync-file-private.h"

G_DEFINE_FINAL_TYPE (SaSyncFile, sa_sync_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SITE_ID,
  PROP_SITE_NAME,
  PROP_EXPORTED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_sync_file_finalize (GObject *object)
{
  SaSyncFile *self = SA_SYNC_FILE (object);

  g_free (self->site_id);
  g_free (self->site_name);
  g_free (self->clock);
  g_clear_pointer (&self->exported_at, g_date_time_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (sa_sync_file_parent_class)->finalize (object);
}

static void
sa_sync_file_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SaSyncFile *self = SA_SYNC_FILE (object);

  switch (prop_id)
    {
    case PROP_SITE_ID:
      g_value_set_string (value, self->site_id);
      break;

    case PROP_SITE_NAME:
      g_value_set_string (value, self->site_name);
      break;

    case PROP_EXPORTED_AT:
      g_value_set_boxed (value, self->exported_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_sync_file_class_init (SaSyncFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sa_sync_file_finalize;
  object_class->get_property = sa_sync_file_get_property;

  /**
   * SaSyncFile:site-id:
   *
   * The id of the site that wrote the file.
   */
  properties[PROP_SITE_ID] =
    g_param_spec_string ("site-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaSyncFile:site-name:
   *
   * The name of the site that wrote the file.
   */
  properties[PROP_SITE_NAME] =
    g_param_spec_string ("site-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaSyncFile:exported-at:
   *
   * When the file was written, in UTC.
   */
  properties[PROP_EXPORTED_AT] =
    g_param_spec_boxed ("exported-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_sync_file_init (SaSyncFile *self)
{
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

const char *
sa_sync_file_get_site_id (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->site_id;
}

const char *
sa_sync_file_get_site_name (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->site_name;
}

/**
 * sa_sync_file_get_exported_at:
 * @self: a sync file
 *
 * Returns: (transfer none): when the file was written
 */
GDateTime *
sa_sync_file_get_exported_at (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->exported_at;
}

/**
 * sa_sync_file_get_clock:
 * @self: a sync file
 *
 * Returns: the writing site's clock when it wrote the file
 */
const char *
sa_sync_file_get_clock (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->clock;
}

/**
 * sa_sync_file_get_records:
 * @self: a sync file
 *
 * Returns: (transfer none) (element-type SaRecord): the rows, in the file's order
 */
GPtrArray *
sa_sync_file_get_records (SaSyncFile *self)
{
  g_return_val_if_fail (SA_IS_SYNC_FILE (self), NULL);

  return self->records;
}

/* ---- Importing ---------------------------------------------------------------------- */

static gboolean
reference_exists (SaStore       *store,
                  GHashTable    *in_file,
                  GHashTable    *in_store,
                  const SaTable *table,
                  const char    *id)
{
  if (g_strcmp0 (g_hash_table_lookup (in_file, id), table->name) == 0 ||
      g_hash_table_contains (in_store, id))
    return TRUE;
  if (store == NULL || !sa_store_exists (store, table, id, TRUE))
    return FALSE;
  g_hash_table_add (in_store, g_strdup (id));
  return TRUE;
}

/**
 * sa_sync_file_check_references:
 * @self: a sync file
 * @store: (nullable): the database the file is to be merged into
 * @error: return location for the first reference that leads nowhere, with its line
 *
 * Checks that every reference names a row of the file or of @store (tombstones count:
 * a deleted row is still there to be referred to).
 */
gboolean
sa_sync_file_check_references (SaSyncFile  *self,
                               SaStore     *store,
                               GError     **error)
{
  g_autoptr(GHashTable) in_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) in_store = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (SA_IS_SYNC_FILE (self), FALSE);

  for (guint i = 0; i < self->records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (self->records, i);
      g_hash_table_insert (in_file, (gpointer) sa_record_get_id (record),
                           (gpointer) sa_record_get_table (record)->name);
    }

  for (guint i = 0; i < self->records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (self->records, i);
      const SaTable *table = sa_record_get_table (record);

      for (guint c = 0; c < table->n_columns; c++)
        {
          const SaColumn *column = &table->columns[c];
          const char *id = sa_record_get_text (record, c);
          g_autofree char *message = NULL;

          if (column->type != SA_COLUMN_REF || id == NULL ||
              reference_exists (store, in_file, in_store, sa_schema_find_table (column->ref), id))
            continue;
          message = g_strdup_printf (_("%s: there is no %s with id “%s”, in the file or in the database"),
                                     _(column->label), column->ref, id);
          g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("Line %u: %s"),
                       g_array_index (self->lines, guint, i), message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_file (SaSyncFile      *self,
             SaStore         *store,
             gboolean         dry_run,
             gboolean         partial,
             SaImportReport  *report,
             GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  SaImportOptions options = { 0, };

  g_return_val_if_fail (SA_IS_SYNC_FILE (self), FALSE);
  g_return_val_if_fail (SA_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  *report = (SaImportReport) { 0, };
  if (!sa_sync_file_check_references (self, store, error))
    return FALSE;

  options = (SaImportOptions) { self->site_id, self->site_name, self->known, self->names, dry_run,
                                .partial = partial };
  /* The import sorts the rows; the file's own order stays for its line numbers. */
  records = g_ptr_array_new_full (self->records->len, g_object_unref);
  for (guint i = 0; i < self->records->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (self->records, i)));
  return sa_import_records_full (store, records, &options, report, error);
}

/**
 * sa_sync_file_import:
 * @self: a sync file, as read
 * @store: the database to merge it into
 * @dry_run: report what the import would do, and write nothing
 * @report: (out caller-allocates): what the import did, with its conflicts; clear
 *   it with sa_import_report_clear()
 * @error: return location for an error
 *
 * Checks the file's references, then merges every row field by field in one
 * transaction (sa_import_records_full()). On any error nothing is written.
 */
gboolean
sa_sync_file_import (SaSyncFile      *self,
                     SaStore         *store,
                     gboolean         dry_run,
                     SaImportReport  *report,
                     GError         **error)
{
  return import_file (self, store, dry_run, FALSE, report, error);
}

/**
 * sa_sync_file_import_segment:
 * @self: a segment of a sync folder, as read: only some of its site's rows
 * @store: the database to merge it into
 * @report: (out caller-allocates): what the import did
 * @error: return location for an error
 *
 * Like sa_sync_file_import(), but afterwards counts this site up to date with the
 * writing site's own writes alone (#SaImportOptions.partial).
 */
gboolean
sa_sync_file_import_segment (SaSyncFile      *self,
                             SaStore         *store,
                             SaImportReport  *report,
                             GError         **error)
{
  return import_file (self, store, FALSE, TRUE, report, error);
}
