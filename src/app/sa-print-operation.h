/* sa-print-operation.h: printing the handout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-context.h"
#include "sa-handout.h"

G_BEGIN_DECLS

#define SA_TYPE_PRINT_OPERATION (sa_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (SaPrintOperation, sa_print_operation, SA, PRINT_OPERATION, GtkPrintOperation)

SaPrintOperation       *sa_print_operation_new         (SaContext              *context,
                                                        const SaHandoutOptions *options);
const SaHandoutOptions *sa_print_operation_get_options (SaPrintOperation       *self);
SaHandout              *sa_print_operation_get_handout (SaPrintOperation       *self);
const GError           *sa_print_operation_get_failure (SaPrintOperation       *self);

G_END_DECLS
