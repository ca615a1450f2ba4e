/* sa-filter-bar.h: the search and filter drop-downs the List and Calendar views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sa-activity-item.h"
#include "sa-context.h"

G_BEGIN_DECLS

#define SA_TYPE_FILTER_BAR (sa_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (SaFilterBar, sa_filter_bar, SA, FILTER_BAR, GtkWidget)

void       sa_filter_bar_set_context      (SaFilterBar      *self,
                                           SaContext        *context);
void       sa_filter_bar_load_choices     (SaFilterBar      *self);
GPtrArray *sa_filter_bar_get_commitments  (SaFilterBar      *self);
void       sa_filter_bar_set_years        (SaFilterBar      *self,
                                           GHashTable       *years);
gboolean   sa_filter_bar_offers_year      (SaFilterBar      *self,
                                           int               fy);
gboolean   sa_filter_bar_is_empty         (SaFilterBar      *self);
gboolean   sa_filter_bar_match            (SaFilterBar      *self,
                                           SaActivityItem   *item);
void       sa_filter_bar_clear            (SaFilterBar      *self);
void       sa_filter_bar_start_search     (SaFilterBar      *self);

G_END_DECLS
