/* sa-window-private.h: the window's fields, shared by the window and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-activity-filter.h"
#include "sa-activity-log.h"
#include "sa-calendar-page.h"
#include "sa-context.h"
#include "sa-outline-pane.h"
#include "sa-review-page.h"
#include "sa-store-watcher.h"
#include "sa-timeline-page.h"
#include "sa-window.h"

G_BEGIN_DECLS

struct _SaWindow
{
  AdwApplicationWindow  parent_instance;

  SaStore              *store;
  SaContext            *context;       /* the store, undo stack, filter and settings the views share */
  SaStoreWatcher       *watcher;       /* shows other programs' writes */
  GtkTreeListModel     *outline;
  GtkSingleSelection   *outline_selection;
  SaOutlinePane        *outline_pane;
  SaActivityLog        *activity_log;
  SaCalendarPage       *calendar_page; /* NULL until first needed: use the getters */
  SaTimelinePage       *timeline_page;
  SaReviewPage         *review_page;
  GMenu                *plan_section;
  GSimpleAction        *plan_action;

  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkListBox           *nav_list;
  GtkListView          *outline_view;
  GtkStack             *content_stack;
};

void _sa_window_show_activity_log (SaWindow *self);

SaCalendarPage *_sa_window_get_calendar_page (SaWindow *self);

SaTimelinePage *_sa_window_get_timeline_page (SaWindow *self);

SaReviewPage   *_sa_window_get_review_page   (SaWindow *self);

void _sa_window_update_undo_actions (SaWindow *self);

void _sa_window_plan_chosen (GSimpleAction *action,
                             GVariant      *value,
                             gpointer       user_data);

void _sa_window_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS
