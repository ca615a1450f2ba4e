/* sa-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-application.h"
#include "sa-context.h"
#include "sa-store.h"

G_BEGIN_DECLS

#define SA_TYPE_WINDOW (sa_window_get_type ())

G_DECLARE_FINAL_TYPE (SaWindow, sa_window, SA, WINDOW, AdwApplicationWindow)

SaWindow  *sa_window_new         (SaApplication *application,
                                 SaStore       *store);
SaStore   *sa_window_get_store   (SaWindow      *self);
SaContext *sa_window_get_context (SaWindow      *self);

G_END_DECLS
