/* sa-hlc.h: hybrid logical clocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A clock reads "WWWWWWWWWWWWW-CCCC-SITE": wall-clock milliseconds (13 digits), a
 * counter (4 hex digits) and the writing site's id, so two clocks compare as strings
 * and ties between sites break on the site id. */
#define SA_HLC_MAX_SKEW_MS ((gint64) 24 * 60 * 60 * 1000)

typedef struct _SaHlc SaHlc;

SaHlc      *sa_hlc_new       (const char  *site,
                              const char  *last);
void        sa_hlc_free      (SaHlc       *hlc);
const char *sa_hlc_get_last  (SaHlc       *hlc);
char       *sa_hlc_tick      (SaHlc       *hlc,
                              gint64       now_ms);
gboolean    sa_hlc_observe   (SaHlc       *hlc,
                              const char  *remote,
                              gint64       now_ms,
                              GError     **error);
gboolean    sa_hlc_parse     (const char  *text,
                              gint64      *wall_ms,
                              guint       *counter,
                              const char **site);
gboolean    sa_hlc_is_valid  (const char  *text);

gint64      sa_hlc_now_ms        (void);
void        sa_hlc_advance_clock (gint64       ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaHlc, sa_hlc_free)

G_END_DECLS
