/* sa-section.h: a section, one row of the section table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-record.h"

G_BEGIN_DECLS

#define SA_TYPE_SECTION (sa_section_get_type ())

G_DECLARE_FINAL_TYPE (SaSection, sa_section, SA, SECTION, SaRecord)

/* Columns of the section table, in the order of sa_section_table. */
typedef enum
{
  SA_SECTION_PLAN_ID,
  SA_SECTION_LABEL,
  SA_SECTION_TITLE,
  SA_SECTION_POSITION,
} SaSectionColumn;

extern const SaTable sa_section_table;

SaSection *sa_section_new (void);

G_END_DECLS
