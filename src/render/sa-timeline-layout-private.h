/* sa-timeline-layout-private.h: the timeline layout's insides, for its painter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-render-private.h"
#include "sa-store-timeline.h"
#include "sa-timeline-layout.h"

G_BEGIN_DECLS

/* A row: the public part first, so a Row * is an SaTimelineRow *. */
typedef struct
{
  SaTimelineRow  row;
  PangoLayout   *number;  /* goal: "基本目標 1" */
  PangoLayout   *text;    /* goal: its title; commitment: its text */
  PangoLayout   *detail;  /* goal: its initiatives, or NULL */
  PangoLayout   *actor;   /* commitment: the actor's name */
  PangoLayout   *continued; /* section, goal: the heading repeated atop a page, "…（続き）" */
  double         continued_height;
  GPtrArray     *progress; /* commitment: PangoLayout or NULL per shown year, the
                             target's progress; NULL when no year has any */
} SaTimelineRowPrivate;

struct _SaTimelineLayout
{
  GObject            parent_instance;

  SaTimelineOptions  options;
  SaRecord          *plan;
  SaRecord          *section;      /* the first shown section */
  GPtrArray         *sections;     /* SaRecord, the shown sections, in order */
  GPtrArray         *goals;        /* SaRecord, the shown goals of all shown sections */
  GPtrArray         *actors;       /* SaRecord, all the plan's actors */
  GStringChunk      *strings;      /* the rows' and bars' texts */

  PangoContext      *context;
  GArray            *rows;         /* SaTimelineRowPrivate */
  GArray            *bars;         /* SaTimelineBar */
  GPtrArray         *bar_texts;    /* PangoLayout per bar: "◎ 実施" */
  GPtrArray         *year_texts;   /* PangoLayout per shown year */
  GPtrArray         *year_labels;  /* char * per shown year */
  PangoLayout       *header_texts[3]; /* per SaTimelineColumn */
  guint             *counts;       /* n_years per commitment row, in one block */
  GHashTable        *count_texts;  /* count → PangoLayout, made as the painter asks */

  int                first_fy;
  int                last_fy;

  /* Geometry, from sa_timeline_layout_set_width () */
  double             fixed_text_width;  /* from set_column_widths (); 0 for automatic */
  double             fixed_year_width;
  double             width;
  double             actor_width;
  double             text_width;
  double             year_width;
  double             header_height;
  double             caption_height; /* the header's top part over the years */
  double             lane_height;
  double             count_height;
  double             progress_height;
  double             height;
};

static inline SaTimelineRowPrivate *
_sa_timeline_layout_row (SaTimelineLayout *self,
                         guint             index)
{
  return &g_array_index (self->rows, SaTimelineRowPrivate, index);
}

void         _sa_timeline_layout_measure    (SaTimelineLayout *self,
                                            double            width);
PangoLayout *_sa_timeline_layout_count_text (SaTimelineLayout *self,
                                            guint             count);
gboolean     _sa_timeline_layout_read_progress (SaTimelineLayout  *self,
                                            SaStore           *store,
                                            SaYearTotals     **totals,
                                            GError           **error);

G_END_DECLS
