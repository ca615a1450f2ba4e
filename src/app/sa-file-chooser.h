/* sa-file-chooser.h: file choosers that open in the database's folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-store.h"

G_BEGIN_DECLS

GtkFileChooserNative *sa_file_chooser_new (const char           *title,
                                           GtkWindow            *parent,
                                           GtkFileChooserAction  action,
                                           const char           *accept_label,
                                           SaStore              *store);

G_END_DECLS
