/* sa-row.h: rows as JSON, the form they take in files and in history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sa-record.h"

G_BEGIN_DECLS

char       *sa_clocks_to_json       (GHashTable  *clocks);
GHashTable *sa_clocks_from_json     (const char  *json,
                                     GError     **error);
JsonNode   *sa_row_fields_to_json   (SaRecord    *record);
JsonNode   *sa_row_to_json          (SaRecord    *record);
SaRecord   *sa_row_from_json        (JsonNode    *node,
                                     GError     **error);
char       *sa_row_to_line          (SaRecord    *record);
void        sa_row_append_line      (GString     *out,
                                     SaRecord    *record);
void        sa_json_append_string   (GString     *out,
                                     const char  *text);
const char *sa_json_member_string   (JsonObject  *object,
                                     const char  *name);

G_END_DECLS
