/* sa-situation-note.h: a situation note, one row of the situation_note table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_SITUATION_NOTE (sa_situation_note_get_type ())

G_DECLARE_FINAL_TYPE (SaSituationNote, sa_situation_note, SA, SITUATION_NOTE, SaRecord)

/* Columns of the situation_note table, in the order of sa_situation_note_table. */
typedef enum
{
  SA_SITUATION_NOTE_SECTION_ID,
  SA_SITUATION_NOTE_KIND,
  SA_SITUATION_NOTE_TEXT,
  SA_SITUATION_NOTE_POSITION,
} SaSituationNoteColumn;

extern const SaTable sa_situation_note_table;

SaSituationNote *sa_situation_note_new (void);

G_END_DECLS
