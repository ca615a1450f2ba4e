/* sa-situation-note.c: a situation note, one row of the situation_note table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-situation-note.h"

struct _SaSituationNote
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaSituationNote, sa_situation_note, SA_TYPE_RECORD)

static const char * const kinds[] = { "strength", "challenge", NULL };
static const char * const kind_labels[] = { N_("What has improved"), N_("Open challenge"), NULL };

static const SaColumn columns[] = {
  { "section_id", N_("Section"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "section", NULL },
  { "kind", N_("Kind"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 20, NULL, kinds, kind_labels },
  { "text", N_("Text"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED | SA_COLUMN_MULTILINE, 0, 2000, NULL, NULL },
  { "position", N_("Position"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
};

const SaTable sa_situation_note_table = {
  "situation_note", columns, G_N_ELEMENTS (columns), "kind DESC, position", sa_situation_note_get_type,
  NULL, "section_id",
};

static void
sa_situation_note_class_init (SaSituationNoteClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_situation_note_table);
}

static void
sa_situation_note_init (SaSituationNote *self)
{
}

SaSituationNote *
sa_situation_note_new (void)
{
  return g_object_new (SA_TYPE_SITUATION_NOTE, NULL);
}
