/* sa-cli-deleted.c: `sasaeai-cli delete`, `deleted list` and `restore`: deleting what
 * records use only when asked to, and bringing deleted rows back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-cli.h"
#include "sa-error.h"
#include "sa-store-deleted.h"

static char *
format_time (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ms / 1000);

  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static void
add_row (JsonBuilder  *builder,
         SaDeletedRow *row)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (row->deleted_ms / 1000);
  g_autofree char *iso = time ? g_date_time_format_iso8601 (time) : g_strdup ("");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, row->id);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, row->table->name);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, sa_table_get_noun (row->table));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, row->name);
  json_builder_set_member_name (builder, "deleted_by");
  json_builder_add_string_value (builder, row->site_name);
  json_builder_set_member_name (builder, "deleted_at");
  json_builder_add_string_value (builder, iso);
  json_builder_end_object (builder);
}

static int
deleted_list (SaCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL },
  };

  context = sa_cli_context ("deleted list", "",
                            _("List deleted plan items, organizations and districts, the latest first."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);
  if (!(store = sa_cli_open (cli, &error)) ||
      !(rows = sa_store_list_deleted (store, &error)))
    return sa_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      SaDeletedRow *row = g_ptr_array_index (rows, i);
      g_autofree char *when = format_time (row->deleted_ms);

      if (json)
        add_row (builder, row);
      else
        printf ("%s\t%s\t%s\t%s\t%s\n", sa_table_get_noun (row->table), row->name, row->site_name, when, row->id);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  if (json)
    sa_cli_print_json (root);
  return SA_CLI_OK;
}

static const SaCliCommand deleted_commands[] = {
  { "list", "[--json]", N_("List deleted plan items, organizations and districts"), deleted_list },
  { NULL },
};

int
sa_cli_deleted (SaCli  *cli,
                int     argc,
                char  **argv)
{
  return sa_cli_dispatch (cli, "deleted", deleted_commands, argc - 1, argv + 1);
}

int
sa_cli_restore (SaCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  GError *error = NULL;
  int status;

  context = sa_cli_context ("restore", "ID", _("Bring back a deleted row of any kind, with what was deleted with it."),
                            NULL);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Expected one id"));
  if (!(store = sa_cli_open (cli, &error)) ||
      !sa_store_restore (store, argv[1], &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}

/* Refuses to delete what records use unless asked with --force. */
static gboolean
check_uses (SaStore   *store,
            SaRecord  *record,
            gboolean   force,
            GError   **error)
{
  const SaTable *table = sa_record_get_table (record);
  g_autofree char *counts = NULL;
  SaUses uses;

  if (!sa_store_count_uses (store, table, sa_record_get_id (record), &uses, error))
    return FALSE;
  if (force || !(counts = sa_uses_describe (&uses)))
    return TRUE;
  /* Translators: “Organization “いずみ中央” is used by 3 activities; …” */
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("%s “%s” is used by %s; give --force to delete it anyway"),
               sa_table_get_noun (table), sa_record_get_name (record), counts);
  return FALSE;
}

int
sa_cli_delete (SaCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaRecord) record = NULL;
  gboolean force = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Delete even what records use; an actor takes its commitments, organizations and expected actions with it"), NULL },
    { NULL },
  };

  context = sa_cli_context ("delete", "ID", _("Delete a row of any kind; “restore” brings it back."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Expected one id"));
  if (!(store = sa_cli_open (cli, &error)) ||
      !(record = sa_store_find_row (store, argv[1], &error)))
    return sa_cli_fail (error);
  if (sa_record_get_deleted (record))
    return sa_cli_fail (g_error_new (SA_ERROR, SA_ERROR_INVALID, _("%s “%s” is already deleted"),
                                     sa_table_get_noun (sa_record_get_table (record)), sa_record_get_name (record)));
  if (!check_uses (store, record, force, &error) ||
      !sa_store_delete (store, sa_record_get_table (record), argv[1], &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}
