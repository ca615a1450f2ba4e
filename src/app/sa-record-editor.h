/* sa-record-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_RECORD_EDITOR (sa_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (SaRecordEditor, sa_record_editor, SA, RECORD_EDITOR, AdwWindow)

SaRecordEditor *sa_record_editor_new (GtkWindow          *parent,
                                      SaContext          *context,
                                      SaRecord           *record,
                                      gboolean            is_new,
                                      const char * const *fields,
                                      const char         *title);

G_END_DECLS
