/* sa-file-chooser.c: file choosers that open in the database's folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-file-chooser.h"

/**
 * sa_file_chooser_new:
 * @title: the chooser's title
 * @parent: (nullable): the window it is modal to
 * @action: open, save or choose a folder
 * @accept_label: the label of the button that accepts
 * @store: the database whose folder the chooser opens in
 *
 * A modal chooser that opens in the folder of @store's database, where an office
 * keeps the files it exchanges, rather than in the recent files or wherever the
 * program was started.
 *
 * Returns: (transfer full): the chooser, for the caller to show
 */
GtkFileChooserNative *
sa_file_chooser_new (const char           *title,
                     GtkWindow            *parent,
                     GtkFileChooserAction  action,
                     const char           *accept_label,
                     SaStore              *store)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  g_autofree char *dir = g_path_get_dirname (sa_store_get_path (store));
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  return chooser;
}
