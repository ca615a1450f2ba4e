/* sa-timeline-painter.h: drawing a timeline layout with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sa-timeline-layout.h"

G_BEGIN_DECLS

/**
 * SaTimelineStyle:
 * @background: behind everything
 * @text: text
 * @muted: activity counts and other secondary text
 * @grid: lines between cells
 * @border: the table's outline
 * @header_fill: the column header
 * @goal_fill: a goal's heading row
 * @goal_accent: the box with the goal's number
 * @goal_accent_text: the goal's number
 * @actor_fill: the 誰が cells
 * @phase_fill: the year cells a phase covers
 * @bar: a phase's arrow
 *
 * Colours as 0xRRGGBB, so a window can draw in its theme's colours and paper gets
 * sa_timeline_style_get_print().
 */
typedef struct
{
  guint32 background;
  guint32 text;
  guint32 muted;
  guint32 grid;
  guint32 border;
  guint32 header_fill;
  guint32 goal_fill;
  guint32 goal_accent;
  guint32 goal_accent_text;
  guint32 actor_fill;
  guint32 phase_fill;
  guint32 bar;
} SaTimelineStyle;

const SaTimelineStyle *sa_timeline_style_get_print (void);

void sa_timeline_paint_header (SaTimelineLayout      *layout,
                               cairo_t               *cr,
                               const SaTimelineStyle *style);
void sa_timeline_paint_rows   (SaTimelineLayout      *layout,
                               cairo_t               *cr,
                               const SaTimelineStyle *style,
                               double                 y,
                               double                 height);

void sa_timeline_paint_continued (SaTimelineLayout      *layout,
                                  cairo_t               *cr,
                                  const SaTimelineStyle *style,
                                  guint                  index);

G_END_DECLS
