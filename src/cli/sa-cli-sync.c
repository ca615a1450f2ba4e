/* sa-cli-sync.c: sync files, CSV and iCalendar from a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sa-cli.h"
#include "sa-csv.h"
#include "sa-csv-match.h"
#include "sa-date.h"
#include "sa-hlc.h"
#include "sa-ical.h"
#include "sa-sync-crypt.h"
#include "sa-sync-file.h"
#include "sa-sync-folder.h"

/* Parses options and expects exactly one FILE argument. */
static gboolean
parse_file_argument (GOptionContext   *context,
                     int              *argc,
                     char           ***argv,
                     int              *status)
{
  if (!sa_cli_parse (context, argc, argv, status))
    return FALSE;
  if (*argc < 2)
    {
      *status = sa_cli_usage (context, _("Which file?"));
      return FALSE;
    }
  if (*argc > 2)
    {
      *status = sa_cli_usage (context, _("Unexpected argument “%s”"), (*argv)[2]);
      return FALSE;
    }
  return TRUE;
}

/* Names the file a failure is about, since a message may give only a line number. */
static int
fail_with_file (GError     *error,
                const char *path)
{
  if (g_error_matches (error, SA_SYNC_CRYPT_ERROR, SA_SYNC_CRYPT_ERROR_NEEDS_PASSPHRASE))
    {
      char *message = g_strdup_printf (_("%s (give it with --passphrase-file FILE)"), error->message);

      g_free (error->message);
      error->message = message;
    }
  g_prefix_error (&error, "%s: ", path);
  return sa_cli_fail (error);
}

#define PASSPHRASE_OPTION(location) \
  { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, location, \
    N_("Encrypt or open encrypted sync files with the passphrase on the first line of FILE"), N_("FILE") }

/* A passphrase on the command line would show in the process list, so it comes from a
 * file; one that others may read is worth a warning, not a refusal. */
static gboolean
read_passphrase (const char  *path,
                 char       **passphrase,
                 GError     **error)
{
  gboolean others_can_read = FALSE;

  if (path == NULL)
    return TRUE;
  if (!(*passphrase = sa_sync_crypt_read_passphrase_file (path, &others_can_read, error)))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  if (others_can_read)
    g_printerr (_("sasaeai-cli: warning: other users can read the passphrase file %s (chmod 600 %s)\n"),
                path, path);
  return TRUE;
}

static gboolean
fiscal_year_range (const char  *text,
                   char       **from,
                   char       **to,
                   GError     **error)
{
  GDate date;
  int fy;

  if (text == NULL)
    return TRUE;
  if (!sa_fiscal_year_parse (text, &fy, error))
    return FALSE;
  sa_fiscal_year_first_day (fy, &date);
  *from = sa_date_to_iso (&date);
  sa_fiscal_year_last_day (fy, &date);
  *to = sa_date_to_iso (&date);
  return TRUE;
}

/* ---- export-sync ---------------------------------------------------------------- */

int
sa_cli_export_sync (SaCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *passphrase = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    PASSPHRASE_OPTION (&passphrase_file),
    { NULL },
  };

  context = sa_cli_context ("export-sync", "FILE",
                            _("Write this site’s sync file (NAME.sasaeai) for other sites to import; "
                              "with --passphrase-file, encrypted."), entries);
  if (!parse_file_argument (context, &argc, &argv, &status))
    return status;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!read_passphrase (passphrase_file, &passphrase, &error) ||
      !(store = sa_cli_open (cli, &error)))
    return sa_cli_fail (error);
  if (!sa_sync_file_export_full (store, file, passphrase, NULL, &error))
    return fail_with_file (error, argv[1]);
  return SA_CLI_OK;
}

/* ---- import-sync ---------------------------------------------------------------- */

/* Site id → name, for telling whose write a clock is. */
static GHashTable *
site_names (SaStore    *store,
            SaSyncFile *file)
{
  g_autoptr(GPtrArray) sites = sa_store_list_sites (store, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; sites != NULL && i < sites->len; i++)
    {
      SaSiteClock *site = g_ptr_array_index (sites, i);
      g_hash_table_insert (names, g_strdup (site->id), g_strdup (site->name));
    }
  if (file != NULL)
    g_hash_table_insert (names, g_strdup (sa_sync_file_get_site_id (file)),
                         g_strdup (sa_sync_file_get_site_name (file)));
  g_hash_table_insert (names, g_strdup (sa_store_get_site_id (store)), sa_store_dup_site_name (store));
  return names;
}

static void
add_side (JsonBuilder *builder,
          const char  *name,
          JsonNode    *value,
          const char  *clock,
          GHashTable  *names)
{
  const char *site = NULL;

  sa_hlc_parse (clock, NULL, NULL, &site);
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_value (builder, json_node_copy (value));
  json_builder_set_member_name (builder, "clock");
  json_builder_add_string_value (builder, clock);
  json_builder_set_member_name (builder, "site");
  json_builder_add_string_value (builder, site);
  json_builder_set_member_name (builder, "site_name");
  json_builder_add_string_value (builder, site ? g_hash_table_lookup (names, site) : NULL);
  json_builder_end_object (builder);
}

/* How --json names each SaConflictKind. */
static const char * const conflict_kinds[] = { "field", "kept", "renumbered" };

static void
add_report (JsonBuilder          *builder,
            const SaImportReport *report,
            GHashTable           *names)
{
  const struct { const char *key; guint value; } counts[] = {
    { "added", report->added }, { "updated", report->updated },
    { "deleted", report->deleted }, { "unchanged", report->unchanged },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].key);
      json_builder_add_int_value (builder, counts[i].value);
    }
  json_builder_set_member_name (builder, "new_site");
  json_builder_add_boolean_value (builder, report->new_site);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; report->conflicts != NULL && i < report->conflicts->len; i++)
    {
      SaConflict *conflict = g_ptr_array_index (report->conflicts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "table");
      json_builder_add_string_value (builder, conflict->table->name);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, conflict->id);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, conflict->field);
      add_side (builder, "local", conflict->local, conflict->local_clock, names);
      add_side (builder, "incoming", conflict->incoming, conflict->incoming_clock, names);
      json_builder_set_member_name (builder, "kept");
      json_builder_add_string_value (builder, conflict->incoming_won ? "incoming" : "local");
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, conflict_kinds[conflict->kind]);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, conflict->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
describe_value (JsonNode *value)
{
  if (JSON_NODE_HOLDS_NULL (value))
    return g_strdup (_("(empty)"));
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup_printf ("“%s”", json_node_get_string (value));
  if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? _("deleted") : _("not deleted"));
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
}

static char *
describe_clock (const char *clock,
                GHashTable *names)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  const char *site = NULL;
  const char *name;
  gint64 wall = 0;

  sa_hlc_parse (clock, &wall, NULL, &site);
  utc = g_date_time_new_from_unix_utc (wall / 1000);
  local = g_date_time_to_local (utc);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  name = site ? g_hash_table_lookup (names, site) : NULL;
  return g_strdup_printf ("%s, %s", when, name && *name ? name : site);
}

static void
print_conflict (SaConflict *conflict,
                GHashTable *names)
{
  g_autofree char *local = describe_value (conflict->local);
  g_autofree char *incoming = describe_value (conflict->incoming);
  g_autofree char *local_clock = describe_clock (conflict->local_clock, names);
  g_autofree char *incoming_clock = describe_clock (conflict->incoming_clock, names);

  printf ("  %s %s %s\n", conflict->table->name, conflict->id, conflict->field);
  if (conflict->message != NULL)
    printf ("    %s\n", conflict->message);
  if (conflict->kind == SA_CONFLICT_RENUMBERED)
    return;
  printf ("    %s %s (%s)%s\n", _("This site:"), local, local_clock,
          conflict->incoming_won ? "" : _(" — kept"));
  printf ("    %s %s (%s)%s\n", _("The file:"), incoming, incoming_clock,
          conflict->incoming_won ? _(" — kept") : "");
}

static void
print_report (const SaImportReport *report,
              GHashTable           *names)
{
  guint n_conflicts = report->conflicts ? report->conflicts->len : 0;

  printf (_("Added %u, updated %u, deleted %u, unchanged %u"),
          report->added, report->updated, report->deleted, report->unchanged);
  printf ("\n");
  if (n_conflicts == 0)
    return;
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "%u conflict: a field both sites changed since they last exchanged files; "
                       "the other value is kept in history",
                       "%u conflicts: fields both sites changed since they last exchanged files; "
                       "the other values are kept in history", n_conflicts), n_conflicts);
  printf ("\n");
  for (guint i = 0; i < n_conflicts; i++)
    print_conflict (g_ptr_array_index (report->conflicts, i), names);
}

static void
print_json_report (SaSyncFile           *file,
                   const SaImportReport *report,
                   GHashTable           *names,
                   gboolean              dry_run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "site");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, sa_sync_file_get_site_id (file));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, sa_sync_file_get_site_name (file));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  add_report (builder, report, names);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  sa_cli_print_json (root);
}

int
sa_cli_import_sync (SaCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SaSyncFile) contents = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_auto(SaImportReport) report = { 0, };
  g_autofree char *passphrase_file = NULL;
  g_autofree char *passphrase = NULL;
  gboolean dry_run = FALSE, json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Report what the import would do, and write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    PASSPHRASE_OPTION (&passphrase_file),
    { NULL },
  };

  context = sa_cli_context ("import-sync", "FILE",
                            _("Merge another site’s sync file, field by field; every value that loses is kept in history."),
                            entries);
  if (!parse_file_argument (context, &argc, &argv, &status))
    return status;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!read_passphrase (passphrase_file, &passphrase, &error))
    return sa_cli_fail (error);
  /* A missing database is said at once, not after a large file has been read. */
  if (!(store = sa_cli_open (cli, &error)))
    return sa_cli_fail (error);
  if (!(contents = sa_sync_file_read_full (file, passphrase, NULL, &error)))
    return fail_with_file (error, argv[1]);
  names = site_names (store, contents);
  if (!sa_sync_file_import (contents, store, dry_run, &report, &error))
    return fail_with_file (error, argv[1]);
  sa_cli_print_notices (store);

  if (json)
    print_json_report (contents, &report, names, dry_run);
  else
    {
      if (dry_run)
        printf ("%s\n", _("Dry run: nothing was written."));
      print_report (&report, names);
    }
  return SA_CLI_OK;
}

/* ---- sync-folder ---------------------------------------------------------------- */

typedef struct
{
  SaStore     *store;
  JsonBuilder *builder;  /* NULL: write text */
  GHashTable  *names;
  guint        n_failed;
  GFile       *folder;
} FolderRun;

static void
on_folder_file (GFile                *file,
                const SaImportReport *report,
                const GError         *error,
                gpointer              user_data)
{
  FolderRun *run = user_data;
  /* A segment is named by its site's folder and number: SITE-ID/000001.sasaeai. */
  g_autofree char *relative = g_file_get_relative_path (run->folder, file);
  g_autofree char *name = relative ? g_steal_pointer (&relative) : g_file_get_basename (file);

  run->n_failed += (report == NULL);
  if (run->builder == NULL)
    {
      if (report == NULL)
        fprintf (stderr, "sasaeai-cli: %s: %s\n", name, error->message);
      else
        {
          printf ("%s: ", name);
          print_report (report, run->names);
        }
      return;
    }

  json_builder_begin_object (run->builder);
  json_builder_set_member_name (run->builder, "file");
  json_builder_add_string_value (run->builder, name);
  if (report == NULL)
    {
      json_builder_set_member_name (run->builder, "error");
      json_builder_add_string_value (run->builder, error->message);
    }
  else
    add_report (run->builder, report, run->names);
  json_builder_end_object (run->builder);
}

int
sa_cli_sync_folder (SaCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_auto(SaSyncFolderResult) result = { 0, };
  g_autofree char *passphrase_file = NULL;
  g_autofree char *passphrase = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  FolderRun run = { NULL, };
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    PASSPHRASE_OPTION (&passphrase_file),
    { NULL },
  };

  context = sa_cli_context ("sync-folder", "DIR",
                            _("Import every other site’s new .sasaeai files in DIR, then write this site’s changes there as SITE-ID/NNNNNN.sasaeai."),
                            entries);
  if (!parse_file_argument (context, &argc, &argv, &status))
    return status;

  folder = g_file_new_for_commandline_arg (argv[1]);
  if (!read_passphrase (passphrase_file, &passphrase, &error) ||
      !(store = sa_cli_open (cli, &error)))
    return sa_cli_fail (error);
  names = site_names (store, NULL);
  builder = json ? json_builder_new () : NULL;
  run = (FolderRun) { store, builder, names, 0, folder };

  if (builder != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
    }
  if (!sa_sync_folder_full (store, folder, passphrase, on_folder_file, &run, &result, NULL, &error))
    return fail_with_file (error, argv[1]);
  sa_cli_print_notices (store);

  if (builder != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "wrote");
      if (result.written != NULL)
        json_builder_add_string_value (builder, result.written);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      sa_cli_print_json (root);
    }
  else if (result.written != NULL)
    {
      printf (_("Wrote %s"), result.written);
      printf ("\n");
    }
  else
    printf ("%s\n", _("Nothing new to write."));
  return run.n_failed > 0 ? SA_CLI_FAIL : SA_CLI_OK;
}

/* ---- CSV and iCalendar ---------------------------------------------------------- */

typedef gboolean (*ExportFunc) (SaStore *, GFile *, const char *, const char *,
                                GCancellable *, GError **);

static int
export_activities (SaCli       *cli,
                   const char  *command,
                   const char  *summary,
                   ExportFunc   export,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *fy = NULL, *from = NULL, *to = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "fy", 0, 0, G_OPTION_ARG_STRING, &fy, N_("Only fiscal year YEAR (2012, FY2012, H24, 平成24年度)"), N_("YEAR") },
    { NULL },
  };

  context = sa_cli_context (command, "FILE", summary, entries);
  if (!parse_file_argument (context, &argc, &argv, &status))
    return status;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!fiscal_year_range (fy, &from, &to, &error) ||
      !(store = sa_cli_open (cli, &error)))
    return sa_cli_fail (error);
  if (!export (store, file, from, to, NULL, &error))
    return fail_with_file (error, argv[1]);
  return SA_CLI_OK;
}

int
sa_cli_export_csv (SaCli  *cli,
                   int     argc,
                   char  **argv)
{
  return export_activities (cli, "export-csv",
                            _("Write activity records as CSV for spreadsheets: UTF-8 with a byte order mark, "
                              "CRLF line ends; a cell that begins with = + - @ gets an apostrophe in front."),
                            sa_csv_export_activities, argc, argv);
}

int
sa_cli_export_ics (SaCli  *cli,
                   int     argc,
                   char  **argv)
{
  return export_activities (cli, "export-ics",
                            _("Write activity records as an iCalendar file for calendar programs."),
                            sa_ical_export_activities, argc, argv);
}

/* Says which lines were left out and why, so that nothing is left out unnoticed. */
static void
print_left_out (const SaCsvReport *report)
{
  if (report->skipped->len > 0)
    {
      g_autofree char *lines = sa_csv_describe_lines (report->skipped, 50);

      printf (ngettext ("Skipped %u line that matches an activity already stored: line %s "
                        "(--allow-duplicates imports it)\n",
                        "Skipped %u lines that match activities already stored: lines %s "
                        "(--allow-duplicates imports them)\n", report->skipped->len),
              report->skipped->len, lines);
    }
  for (guint i = 0; i < report->deleted->len; i++)
    {
      const SaCsvDeletedLine *deleted = &g_array_index (report->deleted, SaCsvDeletedLine, i);

      printf (_("Line %u: activity %s was deleted; use --restore-deleted to bring it back\n"),
              deleted->line, deleted->id);
    }
  if (report->restored > 0)
    printf (ngettext ("Restored %u deleted activity\n", "Restored %u deleted activities\n", report->restored),
            report->restored);
  if (report->contact_lines->len > 0)
    {
      g_autofree char *lines = sa_csv_describe_lines (report->contact_lines, 50);

      g_printerr (ngettext ("Warning: line %s looks like it holds a phone number or an e-mail address. "
                            "Activity records are counts, not people: leave out personal contact details.\n",
                            "Warning: lines %s look like they hold phone numbers or e-mail addresses. "
                            "Activity records are counts, not people: leave out personal contact details.\n",
                            report->contact_lines->len),
                  lines);
    }
}

int
sa_cli_import_csv (SaCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SaStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(SaCsvReport) report = { 0, };
  gboolean allow_duplicates = FALSE, restore_deleted = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "allow-duplicates", 0, 0, G_OPTION_ARG_NONE, &allow_duplicates,
      N_("Also add lines without an id that match activities already stored"), NULL },
    { "restore-deleted", 0, 0, G_OPTION_ARG_NONE, &restore_deleted,
      N_("Bring back deleted activities whose ids lines give, and change them"), NULL },
    { NULL },
  };

  context = sa_cli_context ("import-csv", "FILE",
                            _("Add activity records from a CSV file with the columns export-csv writes (in English "
                              "or Japanese); a line with an existing id changes that record. A line without an id "
                              "that matches a stored activity (date, time, title, organization, district, place) "
                              "is skipped, and a line with the id of a deleted activity is left; both are listed. "
                              "All or nothing."),
                            entries);
  if (!parse_file_argument (context, &argc, &argv, &status))
    return status;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(store = sa_cli_open (cli, &error)))
    return sa_cli_fail (error);
  if (!sa_csv_import_activities (store, file,
                                 (allow_duplicates ? SA_CSV_IMPORT_ALLOW_DUPLICATES : 0) |
                                 (restore_deleted ? SA_CSV_IMPORT_RESTORE_DELETED : 0),
                                 &report, NULL, &error))
    return fail_with_file (error, argv[1]);
  printf (_("Added %u, updated %u, unchanged %u"), report.added, report.updated, report.unchanged);
  printf ("\n");
  print_left_out (&report);
  return SA_CLI_OK;
}
