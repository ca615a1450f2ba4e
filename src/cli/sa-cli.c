/* sa-cli.c: sasaeai-cli, the plan database from a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sa-cli.h"
#include "sa-error.h"
#include "sa-import.h"

static const SaCliCommand commands[] = {
  { "init", "", N_("Create the database, or upgrade it"), sa_cli_init },
  { "load-sample", "", N_("Add the sample plan"), sa_cli_load_sample },
  { "outline", "[--plan ID] [--json]", N_("Show the plan outline"), sa_cli_outline },
  { "plan", "list|choose|import|edit|new-period|compare", N_("List, import and start plans"), sa_cli_plan },
  { "plan-years", "FIRST LAST [--clip|--keep]", N_("Change the plan’s fiscal years"), sa_cli_plan_years },
  { "org", "add|list", N_("Add or list organizations"), sa_cli_org },
  { "district", "add|list", N_("Add or list districts"), sa_cli_district },
  { "activity", "add|list|edit|delete|undelete", N_("Keep the activity log"), sa_cli_activity },
  { "review", "list|set|scale", N_("Review each commitment’s year"), sa_cli_review },
  { "commitment", "target|carry-over ID …", N_("Show or change a commitment’s target or carry-over"), sa_cli_commitment },
  { "resource", "add|list|edit|delete", N_("Keep the register of local resources"), sa_cli_resource },
  { "report", "--fy YEAR --by WHAT [--json|--csv FILE|-o FILE.pdf]", N_("Total the activities of a year by organization, district, commitment, goal or month"), sa_cli_report },
  { "delete", "ID [--force]", N_("Delete a plan item, organization or district; asks when records use it"), sa_cli_delete },
  { "deleted", "list [--json]", N_("List deleted plan items, organizations and districts"), sa_cli_deleted },
  { "restore", "ID", N_("Bring back a deleted row, with what was deleted with it"), sa_cli_restore },
  { "site", "", N_("Show or name this installation"), sa_cli_site },
  { "holidays", "YEAR", N_("List Japanese public holidays of a year"), sa_cli_holidays },
  { "export-sync", "FILE", N_("Write this site’s sync file for the other sites"), sa_cli_export_sync },
  { "import-sync", "FILE [--dry-run] [--json]", N_("Merge another site’s sync file"), sa_cli_import_sync },
  { "sync-folder", "DIR", N_("Exchange sync files with every site in a shared folder"), sa_cli_sync_folder },
  { "export-csv", "FILE [--fy YEAR]", N_("Write activity records as CSV"), sa_cli_export_csv },
  { "import-csv", "FILE [--allow-duplicates] [--restore-deleted]", N_("Add or change activity records from CSV"), sa_cli_import_csv },
  { "export-ics", "FILE [--fy YEAR]", N_("Write activity records as iCalendar"), sa_cli_export_ics },
  { "handout", "-o FILE.pdf", N_("Write the schedule as a PDF handout"), sa_cli_handout },
  { "review-sheet", "--fy YEAR -o FILE.pdf", N_("Write the year’s review sheet (評価シート) as a PDF"), sa_cli_review_sheet },
  { NULL },
};

/**
 * sa_cli_printable:
 * @text: (nullable): text from the database or a file
 * @keep_line_breaks: whether line feeds stay, as in a message of several lines
 *
 * A control character, which a database from before they were refused or a bad
 * file may still hold, would be obeyed by the terminal as an escape sequence or
 * break tab-separated columns; it becomes U+FFFD.
 *
 * Returns: (transfer full): @text safe to print; "" for %NULL
 */
char *
sa_cli_printable (const char *text,
                  gboolean    keep_line_breaks)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && !(keep_line_breaks && c == '\n')) || (c >= 0x7f && c < 0xa0))
        g_string_append (out, "\xef\xbf\xbd"); /* U+FFFD */
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

int
sa_cli_fail (GError *error)
{
  /* A message may quote a bad value from a file, escape sequences and all. */
  g_autofree char *message = sa_cli_printable (error->message, TRUE);

  fprintf (stderr, "sasaeai-cli: %s\n", message);
  g_error_free (error);
  return SA_CLI_FAIL;
}

int
sa_cli_usage (GOptionContext *context,
              const char     *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "sasaeai-cli: %s\n", message);
  if (context != NULL)
    fprintf (stderr, _("Try “%s --help” for more.\n"), g_get_prgname ());
  return SA_CLI_USAGE;
}

/* Parses a command's options; on an error, sets @status to the usage status. */
gboolean
sa_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = sa_cli_usage (context, "%s", error->message);
      return FALSE;
    }
  for (int i = 1; i < *argc; i++)
    if (!g_utf8_validate ((*argv)[i], -1, NULL))
      {
        *status = sa_cli_usage (NULL, _("Arguments must be UTF-8 text"));
        return FALSE;
      }
  return TRUE;
}

GOptionContext *
sa_cli_context (const char         *command,
                const char         *parameters,
                const char         *summary,
                const GOptionEntry *entries)
{
  g_autofree char *prgname = g_strdup_printf ("sasaeai-cli %s", command);
  GOptionContext *context = g_option_context_new (parameters);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* @path as it can be pasted into a shell: quoted only when it must be. */
static char *
shell_word (const char *path)
{
  if (*path != '\0' && strpbrk (path, " \t\n'\"\\$`!*?[]{}()<>|&;#~") == NULL)
    return g_strdup (path);
  return g_shell_quote (path);
}

/**
 * sa_cli_open:
 * @cli: the command line
 * @error: return location for an error
 *
 * Opens the database, which must exist: every command but `init` refuses a missing
 * one rather than make a new database where a path was mistyped.
 */
SaStore *
sa_cli_open (SaCli   *cli,
             GError **error)
{
  g_autofree char *default_path = sa_store_default_path ();
  const char *path = cli->db_path ? cli->db_path : default_path;
  GError *local_error = NULL;
  SaStore *store = sa_store_open (path, &local_error);
  g_autofree char *quoted = NULL;

  if (store != NULL)
    {
      sa_cli_print_notices (store);
      return store;
    }
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  g_error_free (local_error);
  quoted = shell_word (path);
  if (cli->db_path != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("No database at “%s”. Run “sasaeai-cli --db %s init” to create one."), path, quoted);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("No database at “%s”. Run “sasaeai-cli init” to create one."), path);
  return NULL;
}

/**
 * sa_cli_create:
 * @cli: the command line
 * @error: return location for an error
 *
 * Opens the database, creating it when missing; a database this creates starts with
 * the sample plan, unless `init --empty` asked for none.
 */
SaStore *
sa_cli_create (SaCli   *cli,
               GError **error)
{
  g_autofree char *default_path = sa_store_default_path ();
  SaStore *store = sa_import_open (cli->db_path ? cli->db_path : default_path, !cli->empty, error);

  if (store != NULL)
    sa_cli_print_notices (store);
  return store;
}

/**
 * sa_cli_print_notices:
 * @store: a store
 *
 * Tells, on stderr, what the person should know about the database: that it is a
 * copy now writing as a new office, or that this computer's clock had been ahead.
 */
void
sa_cli_print_notices (SaStore *store)
{
  g_auto(GStrv) notices = sa_store_take_notices (store);

  for (guint i = 0; notices != NULL && notices[i] != NULL; i++)
    fprintf (stderr, "sasaeai-cli: %s %s\n", _("Warning:"), notices[i]);
}

/**
 * sa_cli_year_format:
 * @compact: whether the short form is wanted (H22, FY2010) rather than the long one
 *
 * Years as the window writes them: by the year-format preference when the settings
 * schema is installed, otherwise, as with "auto", eras when the language is Japanese.
 */
SaYearFormat
sa_cli_year_format (gboolean compact)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autofree char *setting = NULL;
  SaYearFormat format;

  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      setting = g_settings_get_string (settings, "year-format");
    }
  format = sa_year_format_for_setting (setting, g_str_has_prefix (g_get_language_names ()[0], "ja"));
  if (!compact)
    return format;
  return format == SA_YEAR_FORMAT_ERA || format == SA_YEAR_FORMAT_ERA_WESTERN ? SA_YEAR_FORMAT_ERA_LETTER
                                                                               : SA_YEAR_FORMAT_FY;
}

/* The names --year-format takes, in the order of SaYearFormat. */
static const char * const year_formats[] = { "short", "letter", "era", "fy", "western", "era-western", NULL };

G_STATIC_ASSERT (SA_YEAR_FORMAT_SHORT == 0 && SA_YEAR_FORMAT_ERA_LETTER == 1 && SA_YEAR_FORMAT_ERA == 2 &&
                 SA_YEAR_FORMAT_FY == 3 && SA_YEAR_FORMAT_WESTERN == 4 && SA_YEAR_FORMAT_ERA_WESTERN == 5);

/**
 * sa_cli_parse_year_format:
 * @name: short, letter, era, fy, western or era-western, in any case
 * @format: (out): the format
 * @error: return location for an error
 *
 * Returns: whether @name is a year format
 */
gboolean
sa_cli_parse_year_format (const char    *name,
                          SaYearFormat  *format,
                          GError       **error)
{
  for (int i = 0; year_formats[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, year_formats[i]) == 0)
      {
        *format = (SaYearFormat) i;
        return TRUE;
      }
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("Unknown year format “%s”; use short, letter, era, fy, western or era-western"), name);
  return FALSE;
}

/**
 * sa_cli_year_format_option:
 * @value: where the option's value goes
 *
 * Returns: the `--year-format` option, the same for every command that takes it;
 *   check its value with sa_cli_parse_year_format()
 */
GOptionEntry
sa_cli_year_format_option (char **value)
{
  GOptionEntry entry = {
    "year-format", 0, 0, G_OPTION_ARG_STRING, value,
    N_("Year labels: short (22), letter (H22), era (平成22年度), fy (FY2010), western (2010年度) "
       "or era-western (平成22年度(2010))"),
    N_("FORMAT")
  };

  return entry;
}

/**
 * sa_cli_print_font:
 * @nick: (nullable): ud, noto or system, from --font; %NULL for the print-font
 *   preference when the settings schema is installed, otherwise UD Gothic
 * @font: (out): the typeface
 * @error: set when @nick names none
 */
gboolean
sa_cli_print_font (const char   *nick,
                   SaPrintFont  *font,
                   GError      **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (nick != NULL)
    {
      if (sa_print_font_from_nick (nick, font))
        return TRUE;
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("Unknown font “%s”; use ud, noto or system"), nick);
      return FALSE;
    }
  *font = SA_PRINT_FONT_UD;
  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema != NULL && g_settings_schema_has_key (schema, "print-font"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      *font = (SaPrintFont) g_settings_get_enum (settings, "print-font");
    }
  return TRUE;
}

/* Names on stderr the typeface a PDF was written in, a fallback with the one
 * missing, so a script's output stays the same. */
void
sa_cli_tell_font (const char *description)
{
  g_autofree char *line = g_strdup_printf (_("Font: %s"), description);

  fprintf (stderr, "sasaeai-cli: %s\n", line);
}

void
sa_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static char *
describe_commands (const SaCliCommand *list)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; list[i].name != NULL; i++)
    g_string_append_printf (text, "\n  %s %s\n      %s", list[i].name, list[i].parameters,
                            _(list[i].summary));
  return g_string_free (text, FALSE);
}

static void
print_commands (const char         *group,
                const SaCliCommand *list,
                FILE               *out)
{
  g_autofree char *description = describe_commands (list);

  fprintf (out, _("Usage: sasaeai-cli [--db PATH] %s%sCOMMAND …\n\n%s\n"),
           group ? group : "", group ? " " : "", description);
}

/**
 * sa_cli_dispatch:
 * @cli: the command line
 * @group: (nullable): the command these are sub-commands of
 * @list: the commands
 * @argc: the count of @argv
 * @argv: the command's name, then its arguments
 *
 * Runs the command that @argv names.
 */
int
sa_cli_dispatch (SaCli              *cli,
                 const char         *group,
                 const SaCliCommand *list,
                 int                 argc,
                 char              **argv)
{
  int status;

  if (argc >= 1 && (g_str_equal (argv[0], "--help") || g_str_equal (argv[0], "-h")))
    {
      print_commands (group, list, stdout);
      return SA_CLI_OK;
    }

  for (guint i = 0; argc >= 1 && list[i].name != NULL; i++)
    if (g_str_equal (list[i].name, argv[0]))
      return list[i].run (cli, argc, argv);

  status = argc < 1 ? sa_cli_usage (NULL, _("Which command? See the list below."))
                    : sa_cli_usage (NULL, _("Unknown command “%s”"), argv[0]);
  print_commands (group, list, stderr);
  return status;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  gboolean version = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Use the database at PATH"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version"), NULL },
    { NULL },
  };
  SaCli cli = { NULL, FALSE };

  setlocale (LC_ALL, "");
  /* SASAEAI_LOCALEDIR lets the uninstalled build find its own translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SASAEAI_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Only now, with the translations bound, can the command list be in the person's language. */
  description = describe_commands (commands);

  /* Global options stop at the command's name; the command parses the rest. */
  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sa_cli_usage (NULL, "%s", error->message);

  if (version)
    {
      printf ("sasaeai-cli %s\n", PACKAGE_VERSION);
      return SA_CLI_OK;
    }

  cli.db_path = db_path;
  return sa_cli_dispatch (&cli, NULL, commands, argc - 1, argv + 1);
}
