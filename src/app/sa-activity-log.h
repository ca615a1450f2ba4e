/* sa-activity-log.h: the activity log, a sortable, filterable list of activity records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_ACTIVITY_LOG (sa_activity_log_get_type ())

G_DECLARE_FINAL_TYPE (SaActivityLog, sa_activity_log, SA, ACTIVITY_LOG, GtkWidget)

GtkWidget  *sa_activity_log_new             (SaContext     *context);
SaUndoStack *sa_activity_log_get_undo_stack (SaActivityLog *self);
GListModel *sa_activity_log_get_model       (SaActivityLog *self);

void        sa_activity_log_new_activity    (SaActivityLog *self,
                                             const GDate   *date);
void        sa_activity_log_edit_selected   (SaActivityLog *self);
void        sa_activity_log_delete_selected (SaActivityLog *self);
void        sa_activity_log_start_search    (SaActivityLog *self);
void        sa_activity_log_reload          (SaActivityLog *self);
gboolean    sa_activity_log_is_loading      (SaActivityLog *self);

G_END_DECLS
