/* sa-context.h: what the window's views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-activity-filter.h"
#include "sa-date.h"
#include "sa-store.h"
#include "sa-undo-stack.h"

G_BEGIN_DECLS

#define SA_TYPE_CONTEXT (sa_context_get_type ())

G_DECLARE_FINAL_TYPE (SaContext, sa_context, SA, CONTEXT, GObject)

SaContext        *sa_context_new             (SaStore   *store);

SaStore          *sa_context_get_store       (SaContext *self);
SaUndoStack      *sa_context_get_undo_stack  (SaContext *self);
SaActivityFilter *sa_context_get_filter      (SaContext *self);
GSettings        *sa_context_get_settings    (SaContext *self);
SaYearFormat      sa_context_get_year_format (SaContext *self);
char             *sa_context_dup_year_label  (SaContext *self,
                                              int        fy);

G_END_DECLS
