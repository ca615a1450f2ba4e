/* sa-timeline-layout.h: the plan's schedule as rows, columns and bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sa-date.h"
#include "sa-print-font.h"
#include "sa-record.h"
#include "sa-store.h"

G_BEGIN_DECLS

/**
 * SaTimelineOptions:
 * @plan_id: the plan to show; %NULL for the chosen plan
 * @section_id: the only section to show; %NULL for every section of the plan
 * @first_fy: the first fiscal year to show; 0 for the plan's first
 * @last_fy: the last fiscal year to show; 0 for the plan's last
 * @goal_ids: the goals to show, or %NULL for all of the shown sections'
 * @actor_ids: the actors whose commitments to show, or %NULL for all
 * @year_format: how the year columns are labelled
 * @show_counts: whether each year's cell shows how many activities advanced the
 *   commitment that year
 * @show_progress: whether the cells of past and current years show how far a
 *   commitment with a countable target got ("3/6"); on by default
 * @font: the typeface; Noto Sans CJK by default, as in the window
 * @text_size: the window's sizes by default, or paper's
 *
 * What a timeline shows. Initialize with sa_timeline_options_init(), free what it
 * holds with sa_timeline_options_clear().
 */
typedef struct
{
  char         *plan_id;
  char         *section_id;
  int           first_fy;
  int           last_fy;
  GStrv         goal_ids;
  GStrv         actor_ids;
  SaYearFormat  year_format;
  gboolean      show_counts;
  gboolean      show_progress;
  SaPrintFont   font;
  SaTextSize    text_size;
} SaTimelineOptions;

void sa_timeline_options_init  (SaTimelineOptions       *options);
void sa_timeline_options_copy  (SaTimelineOptions       *dest,
                                const SaTimelineOptions *src);
void sa_timeline_options_clear (SaTimelineOptions       *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaTimelineOptions, sa_timeline_options_clear)

/**
 * SaTimelineRowKind:
 * @SA_TIMELINE_ROW_GOAL: a basic goal's heading, across the whole table, with the
 *   goal's initiatives
 * @SA_TIMELINE_ROW_COMMITMENT: one commitment, with its schedule
 * @SA_TIMELINE_ROW_SECTION: a section's heading (第2節 …), a band across the table
 *   above the section's goals
 */
typedef enum
{
  SA_TIMELINE_ROW_GOAL,
  SA_TIMELINE_ROW_COMMITMENT,
  SA_TIMELINE_ROW_SECTION,
} SaTimelineRowKind;

/**
 * SaTimelineRow:
 * @kind: what the row is
 * @id: the section's, the goal's or the commitment's id
 * @text: the section's label and title, the goal's title, or the commitment's text
 *   with its target (【目標：…】)
 * @actor_name: who makes the commitment (誰が); %NULL for a goal
 * @goal_row: the index of the heading row of the row's goal; a section's own index
 * @group_start: commitments: the first row of the run of rows with the same actor,
 *   which shares one 誰が cell
 * @group_end: one past the last row of that run
 * @first_bar: the index of the row's first bar, for sa_timeline_layout_get_bar()
 * @n_bars: how many bars the row has
 * @n_lanes: how many bars high the row is (overlapping phases stack)
 * @counts: (nullable): activities per shown year, the first for the first shown year;
 *   %NULL for goals and when counts are not shown
 * @y: the row's top, from the top of the first row
 * @height: the row's height
 * @section_row: the index of the heading row of the row's section
 *
 * One row of the table; all lengths are in points.
 */
typedef struct
{
  SaTimelineRowKind  kind;
  const char        *id;
  const char        *text;
  const char        *actor_name;
  guint              goal_row;
  guint              group_start;
  guint              group_end;
  guint              first_bar;
  guint              n_bars;
  guint              n_lanes;
  const guint       *counts;
  double             y;
  double             height;
  guint              section_row;
} SaTimelineRow;

/**
 * SaTimelineBar:
 * @label: the phase, such as 実施
 * @start_fy: the first year of the bar, within the shown years
 * @end_fy: the last year of the bar, within the shown years
 * @open_start: the phase starts before the first shown year, so the bar has no ◎
 * @open_end: the phase ends after the last shown year
 * @lane: which of the row's lanes the bar is in, from 0
 * @row: the row's index
 *
 * One schedule phase: ◎ and the label where it starts, an arrow to where it ends.
 */
typedef struct
{
  const char *label;
  int         start_fy;
  int         end_fy;
  gboolean    open_start;
  gboolean    open_end;
  guint       lane;
  guint       row;
} SaTimelineBar;

/**
 * SaTimelineColumn:
 * @SA_TIMELINE_COLUMN_ACTOR: 誰が
 * @SA_TIMELINE_COLUMN_TEXT: 計画期間中に取り組むこと
 * @SA_TIMELINE_COLUMN_YEARS: all the year columns together
 */
typedef enum
{
  SA_TIMELINE_COLUMN_ACTOR,
  SA_TIMELINE_COLUMN_TEXT,
  SA_TIMELINE_COLUMN_YEARS,
} SaTimelineColumn;

#define SA_TYPE_TIMELINE_LAYOUT (sa_timeline_layout_get_type ())

G_DECLARE_FINAL_TYPE (SaTimelineLayout, sa_timeline_layout, SA, TIMELINE_LAYOUT, GObject)

SaTimelineLayout    *sa_timeline_layout_new            (SaStore                 *store,
                                                        const SaTimelineOptions *options,
                                                        GError                 **error);
const SaTimelineOptions *sa_timeline_layout_get_options (SaTimelineLayout       *self);
SaRecord            *sa_timeline_layout_get_plan       (SaTimelineLayout        *self);
SaRecord            *sa_timeline_layout_get_section    (SaTimelineLayout        *self);
GPtrArray           *sa_timeline_layout_get_sections   (SaTimelineLayout        *self);
GPtrArray           *sa_timeline_layout_get_goals      (SaTimelineLayout        *self);
GPtrArray           *sa_timeline_layout_get_actors     (SaTimelineLayout        *self);

void                 sa_timeline_layout_set_width      (SaTimelineLayout        *self,
                                                        double                   width);
void                 sa_timeline_layout_set_column_widths (SaTimelineLayout     *self,
                                                        double                   text_width,
                                                        double                   year_width);
double               sa_timeline_layout_get_width      (SaTimelineLayout        *self);
double               sa_timeline_layout_get_min_width  (SaTimelineLayout        *self);
double               sa_timeline_layout_get_height     (SaTimelineLayout        *self);
double               sa_timeline_layout_get_header_height (SaTimelineLayout     *self);

int                  sa_timeline_layout_get_first_fy   (SaTimelineLayout        *self);
int                  sa_timeline_layout_get_last_fy    (SaTimelineLayout        *self);
guint                sa_timeline_layout_get_n_years    (SaTimelineLayout        *self);
const char          *sa_timeline_layout_get_year_label (SaTimelineLayout        *self,
                                                        int                      fy);
void                 sa_timeline_layout_get_column     (SaTimelineLayout        *self,
                                                        SaTimelineColumn         column,
                                                        double                  *x,
                                                        double                  *width);
void                 sa_timeline_layout_get_year_column (SaTimelineLayout       *self,
                                                        int                      fy,
                                                        double                  *x,
                                                        double                  *width);
double               sa_timeline_layout_get_date_x     (SaTimelineLayout        *self,
                                                        const GDate             *date);

guint                sa_timeline_layout_get_n_rows     (SaTimelineLayout        *self);
const SaTimelineRow *sa_timeline_layout_get_row        (SaTimelineLayout        *self,
                                                        guint                    index);
int                  sa_timeline_layout_get_row_at_y   (SaTimelineLayout        *self,
                                                        double                   y);
double               sa_timeline_layout_get_row_break  (SaTimelineLayout        *self,
                                                        guint                    index,
                                                        double                   limit);
double               sa_timeline_layout_get_continued_height (SaTimelineLayout *self,
                                                        guint                    index);
const char          *sa_timeline_layout_get_progress   (SaTimelineLayout        *self,
                                                        guint                    index,
                                                        int                      fy);
guint                sa_timeline_layout_get_n_bars     (SaTimelineLayout        *self);
const SaTimelineBar *sa_timeline_layout_get_bar        (SaTimelineLayout        *self,
                                                        guint                    index);
void                 sa_timeline_layout_get_bar_extents (SaTimelineLayout       *self,
                                                        guint                    index,
                                                        cairo_rectangle_t       *extents);

G_END_DECLS
