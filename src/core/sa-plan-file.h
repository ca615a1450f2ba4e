/* sa-plan-file.h: a plan as a JSON file, exported and imported as a new plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sa-store.h"

G_BEGIN_DECLS

char *sa_plan_file_import      (SaStore   *store,
                                JsonNode  *root,
                                GError   **error);
char *sa_plan_file_import_file (SaStore   *store,
                                GFile     *file,
                                GError   **error);

gboolean sa_plan_file_export   (SaStore     *store,
                                const char  *plan_id,
                                GFile       *file,
                                GError     **error);

G_END_DECLS
