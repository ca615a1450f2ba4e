/* sa-handout-private.h: the handout's insides, shared by its pagination and its PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-handout.h"
#include "sa-render-private.h"
#include "sa-text-table.h"

G_BEGIN_DECLS

typedef enum
{
  SA_HANDOUT_ITEM_PART,      /* a part's title */
  SA_HANDOUT_ITEM_TIMELINE,  /* a row of the schedule table, or a piece of one */
  SA_HANDOUT_ITEM_TABLE,     /* a row of a text table, or a piece of one */
} SaHandoutItemKind;

/* One thing that flows down the pages. A row taller than a page comes as pieces,
 * each with the part of the row it shows. */
typedef struct
{
  SaHandoutItemKind  kind;
  SaTextTable       *table;   /* SA_HANDOUT_ITEM_TABLE */
  PangoLayout       *title;   /* SA_HANDOUT_ITEM_PART */
  guint              row;
  double             offset;  /* from the row's top, in the row's units */
  double             length;  /* of the row shown, in the row's units */
  double             height;  /* on the page, in points */
  gboolean           keep_with_next;
  gboolean           new_page;
} SaHandoutItem;

typedef struct
{
  guint first;  /* items */
  guint end;
} SaHandoutPage;

struct _SaHandout
{
  GObject           parent_instance;

  SaHandoutOptions  options;
  SaTimelineLayout *layout;
  PangoContext     *context;
  SaTextTable      *notes;           /* NULL when not asked for or empty */
  SaTextTable      *actions;         /* likewise */
  PangoLayout      *part_titles[3];  /* notes, schedule, actions; NULL for a table alone */
  PangoLayout      *title;
  PangoLayout      *subtitle;
  PangoLayout      *date;
  PangoLayout      *period;          /* the plan's years */
  PangoLayout      *legend;          /* what the counts are, when shown */
  PangoLayout      *footer;

  double            page_width;
  double            page_height;
  double            scale;           /* the schedule table's, to fit the width */
  double            header_height;
  double            footer_height;
  double            body_height;
  GArray           *items;           /* SaHandoutItem */
  GArray           *pages;           /* SaHandoutPage */
};

/* The page’s margin in points: about 10 mm, within what office printers reach. */
#define SA_HANDOUT_MARGIN 28.0

void _sa_handout_paginate (SaHandout *self);

G_END_DECLS
