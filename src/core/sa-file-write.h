/* sa-file-write.h: writing a whole file so that it appears whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean sa_file_write_atomically (GFile         *file,
                                   GBytes        *contents,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
