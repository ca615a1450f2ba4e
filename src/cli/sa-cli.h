/* sa-cli.h: what the commands of sasaeai-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sa-date.h"
#include "sa-print-font.h"
#include "sa-store.h"

G_BEGIN_DECLS

/* Exit statuses: success, a failure (bad value, unknown name, database error), and a
 * usage error (unknown command or option, missing argument). */
#define SA_CLI_OK    0
#define SA_CLI_FAIL  1
#define SA_CLI_USAGE 2

typedef struct
{
  const char *db_path;
  gboolean    empty;     /* a new database starts without the sample plan */
} SaCli;

typedef int (*SaCliRun) (SaCli  *cli,
                         int     argc,
                         char  **argv);

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  SaCliRun    run;
} SaCliCommand;

int       sa_cli_fail         (GError          *error);
char     *sa_cli_printable    (const char      *text,
                               gboolean         keep_line_breaks);
void      sa_cli_print_notices (SaStore        *store);
int       sa_cli_usage        (GOptionContext  *context,
                               const char      *format,
                               ...) G_GNUC_PRINTF (2, 3);
gboolean  sa_cli_parse        (GOptionContext  *context,
                               int             *argc,
                               char          ***argv,
                               int             *status);
GOptionContext *sa_cli_context (const char     *command,
                               const char      *parameters,
                               const char      *summary,
                               const GOptionEntry *entries);
SaStore  *sa_cli_open         (SaCli           *cli,
                               GError         **error);
SaStore  *sa_cli_create       (SaCli           *cli,
                               GError         **error);
void      sa_cli_print_json   (JsonNode        *node);
SaYearFormat sa_cli_year_format (gboolean        compact);
gboolean  sa_cli_parse_year_format (const char  *name,
                               SaYearFormat    *format,
                               GError         **error);
GOptionEntry sa_cli_year_format_option (char  **value);
gboolean  sa_cli_print_font   (const char      *nick,
                               SaPrintFont     *font,
                               GError         **error);
void      sa_cli_tell_font    (const char      *description);
int       sa_cli_dispatch     (SaCli           *cli,
                               const char      *group,
                               const SaCliCommand *commands,
                               int              argc,
                               char           **argv);

int       sa_cli_init         (SaCli *cli, int argc, char **argv);
int       sa_cli_load_sample  (SaCli *cli, int argc, char **argv);
int       sa_cli_outline      (SaCli *cli, int argc, char **argv);
int       sa_cli_plan         (SaCli *cli, int argc, char **argv);
int       sa_cli_org          (SaCli *cli, int argc, char **argv);
int       sa_cli_district     (SaCli *cli, int argc, char **argv);
int       sa_cli_activity     (SaCli *cli, int argc, char **argv);
int       sa_cli_review       (SaCli *cli, int argc, char **argv);
int       sa_cli_commitment   (SaCli *cli, int argc, char **argv);
int       sa_cli_resource     (SaCli *cli, int argc, char **argv);
int       sa_cli_report       (SaCli *cli, int argc, char **argv);
int       sa_cli_delete       (SaCli *cli, int argc, char **argv);
int       sa_cli_deleted      (SaCli *cli, int argc, char **argv);
int       sa_cli_restore      (SaCli *cli, int argc, char **argv);
int       sa_cli_site         (SaCli *cli, int argc, char **argv);
int       sa_cli_holidays     (SaCli *cli, int argc, char **argv);
int       sa_cli_plan_years   (SaCli *cli, int argc, char **argv);
int       sa_cli_export_sync  (SaCli *cli, int argc, char **argv);
int       sa_cli_import_sync  (SaCli *cli, int argc, char **argv);
int       sa_cli_sync_folder  (SaCli *cli, int argc, char **argv);
int       sa_cli_export_csv   (SaCli *cli, int argc, char **argv);
int       sa_cli_import_csv   (SaCli *cli, int argc, char **argv);
int       sa_cli_export_ics   (SaCli *cli, int argc, char **argv);
int       sa_cli_handout      (SaCli *cli, int argc, char **argv);
int       sa_cli_review_sheet (SaCli *cli, int argc, char **argv);

G_END_DECLS
