/* sa-undo-stack.h: undo and redo of changes made in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-store.h"

G_BEGIN_DECLS

#define SA_TYPE_UNDO_STACK (sa_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (SaUndoStack, sa_undo_stack, SA, UNDO_STACK, GObject)

SaUndoStack *sa_undo_stack_new            (SaStore            *store);
SaStore     *sa_undo_stack_get_store      (SaUndoStack        *self);

gboolean     sa_undo_stack_begin          (SaUndoStack        *self,
                                           const char         *label,
                                           GError            **error);
gboolean     sa_undo_stack_commit         (SaUndoStack        *self,
                                           GError            **error);
void         sa_undo_stack_rollback       (SaUndoStack        *self);

gboolean     sa_undo_stack_insert         (SaUndoStack        *self,
                                           SaRecord           *record,
                                           GError            **error);
gboolean     sa_undo_stack_update         (SaUndoStack        *self,
                                           SaRecord           *edited,
                                           GError            **error);
gboolean     sa_undo_stack_set_deleted    (SaUndoStack        *self,
                                           const SaTable      *table,
                                           const char         *id,
                                           gboolean            deleted,
                                           GError            **error);
gboolean     sa_undo_stack_set_links      (SaUndoStack        *self,
                                           const char         *activity_id,
                                           const char * const *commitment_ids,
                                           GError            **error);

gboolean     sa_undo_stack_get_can_undo   (SaUndoStack        *self);
gboolean     sa_undo_stack_get_can_redo   (SaUndoStack        *self);
const char  *sa_undo_stack_get_undo_label (SaUndoStack        *self);
const char  *sa_undo_stack_get_redo_label (SaUndoStack        *self);
gboolean     sa_undo_stack_undo           (SaUndoStack        *self,
                                           GError            **error);
gboolean     sa_undo_stack_redo           (SaUndoStack        *self,
                                           GError            **error);
const char * const *
             sa_undo_stack_get_kept       (SaUndoStack        *self);
char        *sa_undo_stack_dup_kept_message (SaUndoStack      *self);

G_END_DECLS
