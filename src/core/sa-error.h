/* sa-error.h: the error domain of Sasaeai's core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SA_ERROR (sa_error_quark ())

/**
 * SaError:
 * @SA_ERROR_INVALID: a value is not acceptable (an impossible date, text where a
 *   number belongs, a negative count, a string that is too long)
 * @SA_ERROR_NOT_FOUND: a referenced row does not exist
 * @SA_ERROR_DATABASE: SQLite reported an error
 * @SA_ERROR_VERSION: the database or file was written by a newer version
 * @SA_ERROR_FORMAT: a file is malformed
 */
typedef enum
{
  SA_ERROR_INVALID,
  SA_ERROR_NOT_FOUND,
  SA_ERROR_DATABASE,
  SA_ERROR_VERSION,
  SA_ERROR_FORMAT,
} SaError;

GQuark sa_error_quark (void);

G_END_DECLS
