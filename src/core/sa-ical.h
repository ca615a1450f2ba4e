/* sa-ical.h: activity records as iCalendar (RFC 5545), for calendar programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-store.h"

G_BEGIN_DECLS

char     *sa_ical_escape_text        (const char    *text);
void      sa_ical_append_line        (GString       *out,
                                      const char    *line);
GBytes   *sa_ical_build_activities   (SaStore       *store,
                                      const char    *from,
                                      const char    *to,
                                      GError       **error);
gboolean  sa_ical_export_activities  (SaStore       *store,
                                      GFile         *file,
                                      const char    *from,
                                      const char    *to,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
