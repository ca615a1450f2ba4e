/* sa-sync-ui-csv.c: CSV import from the window: what it did, and what it left out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-csv.h"
#include "sa-csv-match.h"
#include "sa-sync-ui-private.h"

/* ---- CSV import ------------------------------------------------------------------ */

static void import_csv_with (Op               *op,
                             SaCsvImportFlags  flags);

static void
append_part (GString    *text,
             const char *part)
{
  g_autofree char *joined = NULL;

  if (text->len == 0)
    {
      g_string_assign (text, part);
      return;
    }
  /* Translators: joins the parts of a CSV import's report */
  joined = g_strdup_printf (_("%s; %s"), text->str, part);
  g_string_assign (text, joined);
}

/* The counts, then what was left out, so nothing is left out unnoticed. */
static char *
describe_csv_import (const SaCsvReport *report)
{
  g_autofree char *added = NULL, *updated = NULL, *unchanged = NULL, *counts = NULL;
  GString *text = g_string_new (NULL);
  guint n;

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new activity", "%u new activities",
                                        report->added), report->added);
  updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed",
                                          report->updated), report->updated);
  unchanged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged",
                                            report->unchanged), report->unchanged);
  /* Translators: the counts of a CSV import, e.g. "3 new activities, 1 changed, 5 unchanged" */
  counts = g_strdup_printf (_("Imported: %s, %s, %s"), added, updated, unchanged);
  append_part (text, counts);
  if ((n = report->restored) > 0)
    {
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted activity restored",
                                                            "%u deleted activities restored", n), n);
      append_part (text, part);
    }
  if ((n = report->skipped->len) > 0)
    {
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped as already stored",
                                                            "%u skipped as already stored", n), n);
      append_part (text, part);
    }
  if ((n = report->deleted->len) > 0)
    {
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted left as it was",
                                                            "%u deleted left as they were", n), n);
      append_part (text, part);
    }
  return g_string_free (text, FALSE);
}

/* The records are stored; the person is told where to look, and can still fix them. */
static void
warn_of_contact_details (Op     *op,
                         GArray *lines)
{
  g_autofree char *listed = sa_csv_describe_lines (lines, 20);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!_sa_sync_ui_op_is_alive (op))
    return;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Line %s looks like it holds a phone number or an e-mail address. "
                                       "Activity records are counts, not people: leave out personal contact details.",
                                       "Lines %s look like they hold phone numbers or e-mail addresses. "
                                       "Activity records are counts, not people: leave out personal contact details.",
                                       lines->len), listed);
  dialog = adw_message_dialog_new (op->parent, _("Contact Details in the Imported Records"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_csv_done (Op     *op,
                 Result *result)
{
  g_autofree char *text = NULL;

  if (result->error != NULL)
    {
      _sa_sync_ui_show_error (op, _("The CSV File Was Not Imported"), result->error);
      return;
    }
  text = describe_csv_import (&result->csv);
  _sa_sync_ui_op_toast (op, text);
  if (result->csv.contact_lines->len > 0)
    warn_of_contact_details (op, result->csv.contact_lines);
}

/* What the dialog says of the lines an import would leave out. */
static char *
describe_left_out (const SaCsvReport *report)
{
  GString *body = g_string_new (NULL);
  g_autoptr(GArray) deleted_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;

  if ((n = report->skipped->len) > 0)
    {
      g_autofree char *lines = sa_csv_describe_lines (report->skipped, 20);

      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u line matches an activity already stored (line %s) and will be skipped.",
                                                 "%u lines match activities already stored (lines %s) and will be skipped.",
                                                 n), n, lines);
    }
  for (guint i = 0; i < report->deleted->len; i++)
    g_array_append_val (deleted_lines, g_array_index (report->deleted, SaCsvDeletedLine, i).line);
  if ((n = deleted_lines->len) > 0)
    {
      g_autofree char *lines = sa_csv_describe_lines (deleted_lines, 20);

      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u line changes an activity that was deleted (line %s); it will be left as it is.",
                                                 "%u lines change activities that were deleted (lines %s); they will be left as they are.",
                                                 n), n, lines);
    }
  return g_string_free (body, FALSE);
}

static GtkWidget *
add_check (GtkWidget  *box,
           const char *label,
           const char *key,
           GtkWidget  *dialog)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  gtk_box_append (GTK_BOX (box), check);
  g_object_set_data (G_OBJECT (dialog), key, check);
  return check;
}

static gboolean
is_checked (GtkWidget  *dialog,
            const char *key)
{
  GtkWidget *check = g_object_get_data (G_OBJECT (dialog), key);

  return check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
}

static void
on_left_out_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Op               *op)
{
  GtkWidget *widget = GTK_WIDGET (dialog);

  if (g_str_equal (response, "import") && _sa_sync_ui_op_is_alive (op))
    import_csv_with (op, (is_checked (widget, "duplicates") ? SA_CSV_IMPORT_ALLOW_DUPLICATES : 0) |
                         (is_checked (widget, "restore") ? SA_CSV_IMPORT_RESTORE_DELETED : 0));
  else
    _sa_sync_ui_op_free (op);
}

/* Nothing was written yet: the person chooses what becomes of the lines. */
static void
ask_about_left_out (Op                *op,
                    const SaCsvReport *report)
{
  g_autofree char *body = describe_left_out (report);
  GtkWidget *dialog = adw_message_dialog_new (op->parent, _("Import the Other Lines?"), body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (report->skipped->len > 0)
    add_check (box, _("Import _duplicates too"), "duplicates", dialog);
  if (report->deleted->len > 0)
    add_check (box, _("_Bring deleted activities back"), "restore", dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_left_out_response), op);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The first pass writes nothing if a line would be left out; see ask_about_left_out(). */
static void
import_csv_first_done (Op     *op,
                       Result *result)
{
  if (result->error == NULL && !result->csv.written && _sa_sync_ui_op_is_alive (op))
    {
      op->kept = TRUE;
      ask_about_left_out (op, &result->csv);
      return;
    }
  import_csv_done (op, result);
}

static void
import_csv_with (Op               *op,
                 SaCsvImportFlags  flags)
{
  Job *job = _sa_sync_ui_job_new (JOB_IMPORT_CSV, op->file);

  job->csv_flags = flags;
  _sa_sync_ui_start_job (op, job, _("Importing activity records…"),
             (flags & SA_CSV_IMPORT_ASK_FIRST) ? import_csv_first_done : import_csv_done);
}

/**
 * sa_sync_ui_import_csv_file:
 * @parent: (nullable): the window
 * @context: the window's context
 * @file: a CSV file with the columns export writes
 *
 * Imports activity records, all or nothing, in a thread; the lines that are wrong
 * are listed in a dialog. When lines repeat stored activities or change deleted
 * ones, nothing is written until the person has said, in a dialog, whether to skip
 * them or to import them too.
 */
void
sa_sync_ui_import_csv_file (GtkWindow         *parent,
                            SaContext         *context,
                            GFile             *file)
{
  Op *op;

  g_return_if_fail (SA_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  op = _sa_sync_ui_op_new (parent, context);
  op->file = g_object_ref (file);
  import_csv_with (op, SA_CSV_IMPORT_ASK_FIRST);
}

