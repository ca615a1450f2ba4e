/* sa-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sa-error.h"

G_DEFINE_QUARK (sa-error-quark, sa_error)
