/* sa-handout.h: the timeline on pages, for paper and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sa-timeline-layout.h"

G_BEGIN_DECLS

/**
 * SaPaper:
 * @SA_PAPER_A4: 210 × 297 mm
 * @SA_PAPER_A3: 297 × 420 mm
 */
typedef enum
{
  SA_PAPER_A4,
  SA_PAPER_A3,
} SaPaper;

/**
 * SaHandoutOptions:
 * @timeline: what the schedule table shows; its year format also chooses the date's
 *   form: era years ("平成22年4月1日") for the era formats, western for the others
 * @paper: the paper size
 * @portrait: upright pages; landscape when %FALSE, the default
 * @expected_actions: add the goals' expected actions (期待される取組) after the table
 * @situation_notes: start with the section's strengths and challenges
 * @title: (nullable): the title line; %NULL for the plan's title
 * @date: the date in the page header; an invalid (cleared) date for today
 * @font: the typeface; UD Gothic by default, or the next installed one
 * @large_print: body text of 14 pt instead of 11 pt on A4: more pages, the same
 *   headings repeated atop each
 *
 * Initialize with sa_handout_options_init(), free what it holds with
 * sa_handout_options_clear().
 */
typedef struct
{
  SaTimelineOptions timeline;
  SaPaper           paper;
  gboolean          portrait;
  gboolean          expected_actions;
  gboolean          situation_notes;
  char             *title;
  GDate             date;
  SaPrintFont       font;
  gboolean          large_print;
} SaHandoutOptions;

void sa_handout_options_init  (SaHandoutOptions *options);
void sa_handout_options_clear (SaHandoutOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaHandoutOptions, sa_handout_options_clear)

#define SA_TYPE_HANDOUT (sa_handout_get_type ())

G_DECLARE_FINAL_TYPE (SaHandout, sa_handout, SA, HANDOUT, GObject)

SaHandout        *sa_handout_new            (SaStore                *store,
                                             const SaHandoutOptions *options,
                                             GError                **error);
SaTimelineLayout *sa_handout_get_layout     (SaHandout              *self);
void              sa_handout_set_page_size  (SaHandout              *self,
                                             double                  width,
                                             double                  height);
void              sa_handout_get_page_size  (SaHandout              *self,
                                             double                 *width,
                                             double                 *height);
double            sa_handout_get_scale      (SaHandout              *self);
double            sa_handout_get_body_size  (SaHandout              *self);
char             *sa_handout_describe_font  (SaHandout              *self);
guint             sa_handout_get_n_pages    (SaHandout              *self);
gboolean          sa_handout_get_page_rows  (SaHandout              *self,
                                             guint                   page,
                                             guint                  *first,
                                             guint                  *end);
void              sa_handout_draw_page      (SaHandout              *self,
                                             cairo_t                *cr,
                                             guint                   page);
gboolean          sa_handout_write_pdf      (SaHandout              *self,
                                             const char             *path,
                                             GError                **error);

G_END_DECLS
