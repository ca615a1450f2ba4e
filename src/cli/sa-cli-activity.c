/* sa-cli-activity.c: `sasaeai-cli activity`, the activity log from a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-activity.h"
#include "sa-cli.h"
#include "sa-date.h"
#include "sa-district.h"
#include "sa-organization.h"
#include "sa-privacy.h"
#include "sa-store-deleted.h"

/* What the options of `add` and `edit` say; NULL where an option was not given, so
 * `edit` changes only the fields named. An empty string clears an optional field. */
typedef struct
{
  char  *date;
  char  *time;
  char  *title;
  char  *org;
  char  *district;
  char  *place;
  char  *participants;
  char  *volunteers;
  char  *notes;
  GStrv  commitments;
} Fields;

static void
fields_clear (Fields *fields)
{
  g_free (fields->date);
  g_free (fields->time);
  g_free (fields->title);
  g_free (fields->org);
  g_free (fields->district);
  g_free (fields->place);
  g_free (fields->participants);
  g_free (fields->volunteers);
  g_free (fields->notes);
  g_strfreev (fields->commitments);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

static GOptionContext *
fields_context (const char *command,
                const char *parameters,
                const char *summary,
                Fields     *f)
{
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &f->date, N_("The day, as YYYY-MM-DD"), N_("DATE") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &f->time, N_("The starting time, as HH:MM"), N_("TIME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &f->title, N_("What took place"), N_("TEXT") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &f->org, N_("The organization that ran it, by name or id"), N_("NAME") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &f->district, N_("The district, by name or id"), N_("NAME") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &f->place, N_("Where it took place"), N_("TEXT") },
    { "participants", 0, 0, G_OPTION_ARG_STRING, &f->participants, N_("How many took part"), N_("N") },
    { "volunteers", 0, 0, G_OPTION_ARG_STRING, &f->volunteers, N_("How many volunteers helped"), N_("N") },
    { "commitment", 0, 0, G_OPTION_ARG_STRING_ARRAY, &f->commitments, N_("A commitment it advances, by id; repeat for more"), N_("ID") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &f->notes, N_("Notes"), N_("TEXT") },
    { NULL },
  };

  return sa_cli_context (command, parameters, summary, entries);
}

static void
set_text (SaRecord   *record,
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

static gboolean
set_reference (SaStore        *store,
               SaRecord       *record,
               guint           column,
               const SaTable  *table,
               const char     *name,
               GError        **error)
{
  g_autofree char *id = NULL;

  if (name == NULL || *name == '\0')
    {
      set_text (record, column, name);
      return TRUE;
    }
  if (!(id = sa_store_lookup_id (store, table, "name", name, error)))
    return FALSE;
  sa_record_set_text (record, column, id);
  return TRUE;
}

static gboolean
set_count (SaRecord    *record,
           guint        column,
           const char  *text,
           GError     **error)
{
  gint64 value;

  if (text == NULL)
    return TRUE;
  if (!sa_column_parse_int (&sa_activity_table, &sa_activity_table.columns[column], text, &value, error))
    return FALSE;
  sa_record_set_int (record, column, value);
  return TRUE;
}

/* Applies the given options to @record and checks the result. */
static gboolean
apply_fields (SaStore   *store,
              SaRecord  *record,
              Fields    *f,
              GError   **error)
{
  GDate date;

  if (f->date != NULL && !sa_date_parse_iso (f->date, &date, error))
    return FALSE;

  set_text (record, SA_ACTIVITY_DATE, f->date);
  set_text (record, SA_ACTIVITY_TIME, f->time);
  set_text (record, SA_ACTIVITY_TITLE, f->title);
  set_text (record, SA_ACTIVITY_PLACE, f->place);
  set_text (record, SA_ACTIVITY_NOTES, f->notes);

  return set_reference (store, record, SA_ACTIVITY_ORGANIZATION_ID, &sa_organization_table, f->org, error) &&
         set_reference (store, record, SA_ACTIVITY_DISTRICT_ID, &sa_district_table, f->district, error) &&
         set_count (record, SA_ACTIVITY_PARTICIPANTS, f->participants, error) &&
         set_count (record, SA_ACTIVITY_VOLUNTEERS, f->volunteers, error) &&
         sa_record_validate (record, error);
}

/* Contact details are warned about on stderr, after the record is stored: a warning,
 * never a refusal, and stdout keeps only what scripts read. */
static void
warn_of_contact_details (SaRecord *activity)
{
  const char *message = sa_privacy_describe (sa_privacy_scan_activity (activity));

  if (message != NULL)
    g_printerr (_("Warning: %s\n"), message);
}

static int
activity_add (SaCli  *cli,
              int     argc,
              char  **argv)
{
  g_auto(Fields) f = { NULL, };
  g_autoptr(GOptionContext) context = fields_context ("activity add", "", _("Record an activity; prints its id."), &f);
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaActivity) activity = sa_activity_new ();
  g_autofree char *id = g_uuid_string_random ();
  GError *error = NULL;
  int status;

  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);
  if (f.date == NULL || f.title == NULL)
    return sa_cli_usage (context, _("An activity needs --date and --title"));

  sa_record_set_id (SA_RECORD (activity), id);
  if (!(store = sa_cli_open (cli, &error)) ||
      !apply_fields (store, SA_RECORD (activity), &f, &error) ||
      !sa_store_add_activity (store, SA_RECORD (activity), (const char * const *) f.commitments, &error))
    return sa_cli_fail (error);

  warn_of_contact_details (SA_RECORD (activity));
  printf ("%s\n", id);
  return SA_CLI_OK;
}

static gboolean
edit_activity (SaStore     *store,
               SaRecord    *edited,
               GStrv        commitments,
               GError     **error)
{
  if (!sa_store_begin (store, error))
    return FALSE;
  if (!sa_store_update (store, edited, error) ||
      (commitments != NULL &&
       !sa_store_set_activity_commitments (store, sa_record_get_id (edited),
                                           (const char * const *) commitments, error)))
    {
      sa_store_rollback (store);
      return FALSE;
    }
  return sa_store_commit_or_rollback (store, error);
}

static int
activity_edit (SaCli  *cli,
               int     argc,
               char  **argv)
{
  g_auto(Fields) f = { NULL, };
  g_autoptr(GOptionContext) context = fields_context ("activity edit", "ID", _("Change the given fields of an activity; the others stay as they are."), &f);
  g_autoptr(SaStore) store = NULL;
  g_autoptr(SaRecord) stored = NULL;
  g_autoptr(SaRecord) edited = NULL;
  GError *error = NULL;
  int status;

  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Expected the id of one activity"));

  if (!(store = sa_cli_open (cli, &error)) ||
      !(stored = sa_store_get (store, &sa_activity_table, argv[1], &error)))
    return sa_cli_fail (error);

  edited = sa_record_copy (stored);
  if (!apply_fields (store, edited, &f, &error) ||
      !edit_activity (store, edited, f.commitments, &error))
    return sa_cli_fail (error);
  warn_of_contact_details (edited);
  return SA_CLI_OK;
}

static int
set_deleted (SaCli       *cli,
             const char  *command,
             gboolean     deleted,
             int          argc,
             char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  GError *error = NULL;
  int status;

  context = sa_cli_context (command, "ID", deleted ? _("Delete an activity; “undelete” brings it back.")
                                                   : _("Bring back a deleted activity."), NULL);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sa_cli_usage (context, _("Expected the id of one activity"));

  if (!(store = sa_cli_open (cli, &error)) ||
      !sa_store_set_deleted (store, &sa_activity_table, argv[1], deleted, &error))
    return sa_cli_fail (error);
  return SA_CLI_OK;
}

static int
activity_delete (SaCli  *cli,
                 int     argc,
                 char  **argv)
{
  return set_deleted (cli, "activity delete", TRUE, argc, argv);
}

static int
activity_undelete (SaCli  *cli,
                   int     argc,
                   char  **argv)
{
  return set_deleted (cli, "activity undelete", FALSE, argc, argv);
}

/* ---- list ----------------------------------------------------------------------- */

/* The names of organizations or districts, deleted ones too, which records still name. */
typedef struct
{
  GHashTable *names;   /* id → name */
  GHashTable *deleted; /* the ids of deleted ones */
} Names;

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->names, g_hash_table_unref);
  g_clear_pointer (&names->deleted, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

static gboolean
names_load (Names          *names,
            SaStore        *store,
            const SaTable  *table,
            guint           column,
            GError        **error)
{
  return (names->names = sa_store_dup_all_names (store, table, column, &names->deleted, error)) != NULL;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            SaRecord    *record,
            guint        column)
{
  json_builder_set_member_name (builder, name);
  if (sa_record_is_null (record, column))
    json_builder_add_null_value (builder);
  else if (sa_record_get_table (record)->columns[column].type == SA_COLUMN_INT)
    json_builder_add_int_value (builder, sa_record_get_int (record, column));
  else
    json_builder_add_string_value (builder, sa_record_get_text (record, column));
}

/* "organization": its name, deleted or not, and "organization_deleted". */
static void
add_reference (JsonBuilder *builder,
               const char  *member,
               SaRecord    *record,
               guint        column,
               Names       *names)
{
  const char *id = sa_record_get_text (record, column);
  g_autofree char *deleted_member = g_strconcat (member, "_deleted", NULL);

  json_builder_set_member_name (builder, member);
  if (id == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, g_hash_table_lookup (names->names, id));
  json_builder_set_member_name (builder, deleted_member);
  json_builder_add_boolean_value (builder, id != NULL && g_hash_table_contains (names->deleted, id));
}

static void
add_activity (JsonBuilder *builder,
              SaRecord    *a,
              GStrv        commitments,
              Names       *orgs,
              Names       *districts)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, sa_record_get_id (a));
  add_member (builder, "date", a, SA_ACTIVITY_DATE);
  add_member (builder, "time", a, SA_ACTIVITY_TIME);
  add_member (builder, "title", a, SA_ACTIVITY_TITLE);
  add_reference (builder, "organization", a, SA_ACTIVITY_ORGANIZATION_ID, orgs);
  add_reference (builder, "district", a, SA_ACTIVITY_DISTRICT_ID, districts);
  add_member (builder, "place", a, SA_ACTIVITY_PLACE);
  add_member (builder, "participants", a, SA_ACTIVITY_PARTICIPANTS);
  add_member (builder, "volunteers", a, SA_ACTIVITY_VOLUNTEERS);
  json_builder_set_member_name (builder, "commitments");
  json_builder_begin_array (builder);
  for (guint i = 0; commitments[i] != NULL; i++)
    json_builder_add_string_value (builder, commitments[i]);
  json_builder_end_array (builder);
  add_member (builder, "notes", a, SA_ACTIVITY_NOTES);
  json_builder_end_object (builder);
}

/* A name as the log shows it: a deleted one marked. */
static char *
display_name (Names      *names,
              SaRecord   *record,
              guint       column)
{
  const char *id = sa_record_get_text (record, column);
  const char *name = id ? g_hash_table_lookup (names->names, id) : NULL;

  if (id == NULL)
    return g_strdup ("");
  if (name == NULL)
    return g_strdup (id);
  return g_hash_table_contains (names->deleted, id) ? sa_deleted_name (name) : g_strdup (name);
}

static void
print_activity (SaRecord *a,
                Names    *orgs,
                Names    *districts)
{
  g_autofree char *org = display_name (orgs, a, SA_ACTIVITY_ORGANIZATION_ID);
  g_autofree char *district = display_name (districts, a, SA_ACTIVITY_DISTRICT_ID);
  g_autofree char *title = sa_cli_printable (sa_record_get_text (a, SA_ACTIVITY_TITLE), FALSE);
  g_autofree char *org_text = sa_cli_printable (org, FALSE);
  g_autofree char *district_text = sa_cli_printable (district, FALSE);

  printf ("%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\n",
          sa_record_get_text (a, SA_ACTIVITY_DATE),
          title, org_text, district_text,
          sa_record_get_int (a, SA_ACTIVITY_PARTICIPANTS),
          sa_record_get_id (a));
}

static int
print_activities (SaStore    *store,
                  GPtrArray  *activities,
                  gboolean    json)
{
  g_auto(Names) orgs = { NULL, };
  g_auto(Names) districts = { NULL, };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;

  if (!names_load (&orgs, store, &sa_organization_table, SA_ORGANIZATION_NAME, &error) ||
      !names_load (&districts, store, &sa_district_table, SA_DISTRICT_NAME, &error))
    return sa_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < activities->len; i++)
    {
      SaRecord *a = g_ptr_array_index (activities, i);
      g_auto(GStrv) commitments = NULL;

      if (!json)
        {
          print_activity (a, &orgs, &districts);
          continue;
        }
      if (!(commitments = sa_store_dup_activity_commitments (store, sa_record_get_id (a), &error)))
        return sa_cli_fail (error);
      add_activity (builder, a, commitments, &orgs, &districts);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  if (json)
    sa_cli_print_json (root);
  return SA_CLI_OK;
}

static gboolean
resolve_range (const char  *fy_text,
               const char  *from_text,
               const char  *to_text,
               char       **from,
               char       **to,
               GError     **error)
{
  GDate date;
  int fy;

  if (fy_text != NULL)
    {
      if (!sa_fiscal_year_parse (fy_text, &fy, error))
        return FALSE;
      sa_fiscal_year_first_day (fy, &date);
      *from = sa_date_to_iso (&date);
      sa_fiscal_year_last_day (fy, &date);
      *to = sa_date_to_iso (&date);
    }
  if ((from_text != NULL && !sa_date_parse_iso (from_text, &date, error)) ||
      (to_text != NULL && !sa_date_parse_iso (to_text, &date, error)))
    return FALSE;
  if (from_text != NULL)
    g_free (*from), *from = g_strdup (from_text);
  if (to_text != NULL)
    g_free (*to), *to = g_strdup (to_text);
  return TRUE;
}

static int
activity_list (SaCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autofree char *fy = NULL, *from_text = NULL, *to_text = NULL;
  g_autofree char *from = NULL, *to = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "fy", 0, 0, G_OPTION_ARG_STRING, &fy, N_("Only fiscal year YEAR (2012, FY2012, H24, 平成24年度)"), N_("YEAR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("From this day, YYYY-MM-DD"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("To this day, YYYY-MM-DD"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL },
  };

  context = sa_cli_context ("activity list", "", _("List activities by date."), entries);
  if (!sa_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sa_cli_usage (context, _("Unexpected argument “%s”"), argv[1]);

  if (!resolve_range (fy, from_text, to_text, &from, &to, &error) ||
      !(store = sa_cli_open (cli, &error)) ||
      !(activities = sa_store_list_activities (store, from, to, &error)))
    return sa_cli_fail (error);
  return print_activities (store, activities, json);
}

static const SaCliCommand activity_commands[] = {
  { "add", "--date DATE --title TEXT …", N_("Record an activity"), activity_add },
  { "list", "[--fy YEAR] [--from DATE] [--to DATE]", N_("List activities"), activity_list },
  { "edit", "ID …", N_("Change an activity"), activity_edit },
  { "delete", "ID", N_("Delete an activity"), activity_delete },
  { "undelete", "ID", N_("Bring back a deleted activity"), activity_undelete },
  { NULL },
};

int
sa_cli_activity (SaCli  *cli,
                 int     argc,
                 char  **argv)
{
  return sa_cli_dispatch (cli, "activity", activity_commands, argc - 1, argv + 1);
}
