/* sa-cli-resource.c: sasaeai-cli resource, the register of local resources (地域資源)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-cli.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-resource-store.h"
#include "sa-store-deleted.h"

typedef struct
{
  char     *name;
  char     *kind;
  char     *district;
  char     *opened;
  char     *closed;
  gboolean  reopen;
  GStrv     commitments;
  char     *notes;
} Fields;

static void
fields_clear (Fields *fields)
{
  g_free (fields->name);
  g_free (fields->kind);
  g_free (fields->district);
  g_free (fields->opened);
  g_free (fields->closed);
  g_strfreev (fields->commitments);
  g_free (fields->notes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

static GOptionContext *
fields_context (const char *command,
                const char *parameters,
                const char *summary,
                Fields     *f,
                gboolean    editing)
{
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &f->kind, N_("What it is, such as サロン, 居場所 or 生活支援グループ"), N_("KIND") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &f->district, N_("The district, by name or id"), N_("NAME") },
    { "opened", 0, 0, G_OPTION_ARG_STRING, &f->opened, N_("The day it opened, as YYYY-MM-DD"), N_("DATE") },
    { "closed", 0, 0, G_OPTION_ARG_STRING, &f->closed, N_("The day it closed, as YYYY-MM-DD"), N_("DATE") },
    { "commitment", 0, 0, G_OPTION_ARG_STRING_ARRAY, &f->commitments,
      N_("A commitment whose target it counts for (repeat for several)"), N_("ID") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &f->notes, N_("Notes"), N_("TEXT") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &f->name, N_("Its new name"), N_("NAME") },
    { "reopen", 0, 0, G_OPTION_ARG_NONE, &f->reopen, N_("It is open again: clear the closing day"), NULL },
    { NULL },
  };
  GOptionEntry *used = g_memdup2 (entries, sizeof entries);
  GOptionContext *context;

  /* A new resource is named by its argument and is not closed yet to reopen. */
  if (!editing)
    used[6] = (GOptionEntry) { NULL };
  context = sa_cli_context (command, parameters, summary, used);
  g_free (used);
  return context;
}

static void
set_text (SaRecord   *record,
          guint       column,
          const char *value)
{
  if (value == NULL)
    return;
  if (*value == '\0')
    sa_record_set_null (record, column);
  else
    sa_record_set_text (record, column, value);
}

static gboolean
set_date (SaRecord    *record,
          guint        column,
          const char  *text,
          GError     **error)
{
  GDate date;

  if (text == NULL || *text == '\0')
    {
      set_text (record, column, text);
      return TRUE;
    }
  if (!sa_date_parse_iso (text, &date, error))
    return FALSE;
  sa_record_set_text (record, column, text);
  return TRUE;
}

static gboolean
set_district (SaStore     *store,
              SaRecord    *record,
              const char  *name,
              GError     **error)
{
  g_autofree char *id = NULL;

  if (name == NULL || *name == '\0')
    {
      set_text (record, SA_RESOURCE_DISTRICT_ID, name);
      return TRUE;
    }
  if (!(id = sa_store_lookup_name (store, &sa_district_table, name, error)))
    return FALSE;
  sa_record_set_text (record, SA_RESOURCE_DISTRICT_ID, id);
  return TRUE;
}

/* Applies the given options to @record and checks the result, across columns too. */
static gboolean
apply_fields (SaStore   *store,
              SaRecord  *record,
              Fields    *f,
              GError   **error)
{
  set_text (record, SA_RESOURCE_NAME, f->name);
  set_text (record, SA_RESOURCE_KIND, f->kind);
  set_text (record, SA_RESOURCE_NOTES, f->notes);
  if (f->reopen)
    sa_record_set_null (record, SA_RESOURCE_CLOSED);
  return set_district (store, record, f->district, error) &&
         set_date (record, SA_RESOURCE_OPENED, f->opened, error) &&
         set_date (record, SA_RESOURCE_CLOSED, f->closed, error) &&
         sa_record_validate (record, error) &&
         sa_resource_table.check (store, record, error);
}

/* The commitments given, "" left out, so that `--commitment ""` links none. */
static GStrv
given_commitments (Fields *f)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (f->commitments == NULL)
    return NULL;
  for (guint i = 0; f->commitments[i] != NULL; i++)
    if (*f->commitments[i] != '\0')
      g_strv_builder_add (ids, f->commitments[i]);
  return g_strv_builder_end (ids);
}

static int
resource_add (SaCli  *cli,
              int     argc,
              char  **argv)
{
  g_auto(Fields) f = { NULL, };
  g_autoptr(GOptionContext) context = fields_context ("resource add", "NAME",
                                                      _("Add a local resource to the register; prints its id."),
                                                      &f, FALSE);
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaResource) resource = sa_resource_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_auto(GStrv) commitments = NULL;
  GError *error = NULL;
  int status;

  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Give the resource’s name"));
  if (f.kind == NULL || f.opened == NULL)
    return sa_cli_usage (context, _("A local resource needs --kind and --opened"));

  f.name = g_strdup (argv[1]);
  sa_record_set_id (SA_RECORD (resource), id);
  commitments = given_commitments (&f);
  if (!(store = sa_cli_open (cli, &error)) ||
      !apply_fields (store, SA_RECORD (resource), &f, &error) ||
      !sa_store_add_resource (store, SA_RECORD (resource), (const char * const *) commitments, &error))
    return sa_cli_fail (error);
  printf ("%s\n", id);
  return SA_CLI_OK;
}

/* The resource with @id, not deleted. */
static SaRecord *
get_resource (SaStore     *store,
              const char  *id,
              GError     **error)
{
  if (!sa_store_exists (store, &sa_resource_table, id, FALSE))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("There is no local resource with id “%s”"), id);
      return NULL;
    }
  return sa_store_get (store, &sa_resource_table, id, error);
}

static int
resource_edit (SaCli  *cli,
               int     argc,
               char  **argv)
{
  g_auto(Fields) f = { NULL, };
  g_autoptr(GOptionContext) context = fields_context ("resource edit", "ID",
                                                      _("Change a local resource; only the options given change. "
                                                        "--commitment replaces its commitments."),
                                                      &f, TRUE);
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaRecord) resource = NULL;
  g_auto(GStrv) commitments = NULL;
  GError *error = NULL;
  int status;

  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Give the resource’s id"));
  if (f.reopen && f.closed != NULL)
    return sa_cli_usage (context, _("Give --closed or --reopen, not both"));

  commitments = given_commitments (&f);
  if (!(store = sa_cli_open (cli, &error)) ||
      !(resource = get_resource (store, argv[1], &error)) ||
      !apply_fields (store, resource, &f, &error) ||
      !sa_store_edit_resource (store, resource, (const char * const *) commitments, &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}

static int
resource_delete (SaCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GOptionContext) context = sa_cli_context ("resource delete", "ID",
                                                      _("Delete a local resource; sasaeai-cli restore brings it back."),
                                                      NULL);
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaRecord) resource = NULL;
  GError *error = NULL;
  int status;

  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Give the resource’s id"));
  if (!(store = sa_cli_open (cli, &error)) ||
      !(resource = get_resource (store, argv[1], &error)) ||
      !sa_store_set_deleted (store, &sa_resource_table, sa_record_get_id (resource), TRUE, &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *text)
{
  json_builder_set_member_name (builder, name);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static void
add_resource (JsonBuilder *builder,
              SaRecord    *resource,
              const char  *district,
              GStrv        commitments)
{
  json_builder_begin_object (builder);
  add_text (builder, "id", sa_record_get_id (resource));
  add_text (builder, "name", sa_record_get_text (resource, SA_RESOURCE_NAME));
  add_text (builder, "kind", sa_record_get_text (resource, SA_RESOURCE_KIND));
  add_text (builder, "district", district);
  add_text (builder, "opened", sa_record_get_text (resource, SA_RESOURCE_OPENED));
  add_text (builder, "closed", sa_record_get_text (resource, SA_RESOURCE_CLOSED));
  json_builder_set_member_name (builder, "commitments");
  json_builder_begin_array (builder);
  for (guint i = 0; commitments[i] != NULL; i++)
    json_builder_add_string_value (builder, commitments[i]);
  json_builder_end_array (builder);
  add_text (builder, "notes", sa_record_get_text (resource, SA_RESOURCE_NOTES));
  json_builder_end_object (builder);
}

static void
print_resource (SaRecord   *resource,
                const char *district,
                GStrv       commitments)
{
  const char *closed = sa_record_get_text (resource, SA_RESOURCE_CLOSED);
  g_autofree char *name = sa_cli_printable (sa_record_get_text (resource, SA_RESOURCE_NAME), FALSE);
  g_autofree char *kind = sa_cli_printable (sa_record_get_text (resource, SA_RESOURCE_KIND), FALSE);
  g_autofree char *district_text = sa_cli_printable (district, FALSE);

  printf ("%s\t%s\t%s\t%s\t%s–%s\t%u\n", sa_record_get_id (resource), name, kind, district_text,
          sa_record_get_text (resource, SA_RESOURCE_OPENED), closed ? closed : "",
          g_strv_length (commitments));
}

static int
resource_list (SaCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GHashTable) districts = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL },
  };

  context = sa_cli_context ("resource list", "",
                            _("List the local resources: name, kind, district, opened–closed and how many "
                              "commitments they count for."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);
  if (!(store = sa_cli_open (cli, &error)) ||
      !(resources = sa_store_list (store, &sa_resource_table, NULL, NULL, &error)) ||
      !(districts = sa_store_dup_display_names (store, &sa_district_table, SA_DISTRICT_NAME, &error)))
    return sa_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < resources->len; i++)
    {
      SaRecord *resource = g_ptr_array_index (resources, i);
      const char *district_id = sa_record_get_text (resource, SA_RESOURCE_DISTRICT_ID);
      const char *district = district_id ? g_hash_table_lookup (districts, district_id) : NULL;
      g_auto(GStrv) commitments = sa_store_dup_resource_commitments (store, sa_record_get_id (resource), &error);

      if (commitments == NULL)
        return sa_cli_fail (error);
      if (json)
        add_resource (builder, resource, district, commitments);
      else
        print_resource (resource, district, commitments);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  if (json)
    sa_cli_print_json (root);
  return SA_CLI_OK;
}

static const SaCliCommand resource_commands[] = {
  { "add", "NAME --kind KIND --opened DATE …", N_("Add a local resource"), resource_add },
  { "list", "[--json]", N_("List the local resources"), resource_list },
  { "edit", "ID …", N_("Change a local resource"), resource_edit },
  { "delete", "ID", N_("Delete a local resource"), resource_delete },
  { NULL },
};

int
sa_cli_resource (SaCli  *cli,
                 int     argc,
                 char  **argv)
{
  return sa_cli_dispatch (cli, "resource", resource_commands, argc - 1, argv + 1);
}
