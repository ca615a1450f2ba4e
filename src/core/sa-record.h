/* sa-record.h: the base type of every entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sa-table.h"

G_BEGIN_DECLS

#define SA_TYPE_RECORD (sa_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (SaRecord, sa_record, SA, RECORD, GObject)

struct _SaRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const SaTable *table;
  GParamSpec   **column_pspecs; /* one a column, to notify without a look-up by name */
};

void           sa_record_class_set_table (SaRecordClass  *klass,
                                          const SaTable  *table);
const SaTable *sa_record_class_get_table (SaRecordClass  *klass);

SaRecord      *sa_record_new             (const SaTable  *table);
SaRecord      *sa_record_copy            (SaRecord       *self);
const SaTable *sa_record_get_table       (SaRecord       *self);

const char    *sa_record_get_id          (SaRecord       *self);
void           sa_record_set_id          (SaRecord       *self,
                                          const char     *id);
const char    *sa_record_get_hlc         (SaRecord       *self);
const char    *sa_record_get_site        (SaRecord       *self);
gboolean       sa_record_get_deleted     (SaRecord       *self);
GHashTable    *sa_record_get_clocks      (SaRecord       *self);
const char    *sa_record_get_clock       (SaRecord       *self,
                                          const char     *field);
void           sa_record_set_system      (SaRecord       *self,
                                          const char     *hlc,
                                          const char     *site,
                                          gboolean        deleted,
                                          GHashTable     *clocks);

gboolean       sa_record_is_null         (SaRecord       *self,
                                          guint           column);
const char    *sa_record_get_text        (SaRecord       *self,
                                          guint           column);
gint64         sa_record_get_int         (SaRecord       *self,
                                          guint           column);
void           sa_record_set_text        (SaRecord       *self,
                                          guint           column,
                                          const char     *text);
void           sa_record_set_int         (SaRecord       *self,
                                          guint           column,
                                          gint64          value);
void           sa_record_set_null        (SaRecord       *self,
                                          guint           column);
gboolean       sa_record_value_equal     (SaRecord       *self,
                                          SaRecord       *other,
                                          guint           column);
void           sa_record_copy_value      (SaRecord       *self,
                                          SaRecord       *from,
                                          guint           column);
gboolean       sa_record_validate        (SaRecord       *self,
                                          GError        **error);

G_END_DECLS
