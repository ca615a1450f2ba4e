/* sa-sqlite-locks.h: SQLite's locks that no other descriptor of the file can drop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void sa_sqlite_locks_install (void);

G_END_DECLS
