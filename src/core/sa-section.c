/* sa-section.c: a section, one row of the section table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-section.h"

struct _SaSection
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaSection, sa_section, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "plan_id", N_("Plan"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "plan", NULL },
  { "label", N_("Label"), SA_COLUMN_TEXT, 0, 0, 50, NULL, NULL },
  { "title", N_("Title"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 200, NULL, NULL },
  { "position", N_("Position"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
};

const SaTable sa_section_table = {
  "section", columns, G_N_ELEMENTS (columns), "position, label", sa_section_get_type, NULL, "plan_id",
};

static void
sa_section_class_init (SaSectionClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_section_table);
}

static void
sa_section_init (SaSection *self)
{
}

SaSection *
sa_section_new (void)
{
  return g_object_new (SA_TYPE_SECTION, NULL);
}
