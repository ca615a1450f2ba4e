/* sa-outline.h: the plan outline as one JSON document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sa-store.h"

G_BEGIN_DECLS

JsonNode *sa_outline_to_json (SaStore     *store,
                              const char  *plan_id,
                              GError     **error);

G_END_DECLS
