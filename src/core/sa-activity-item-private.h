/* sa-activity-item-private.h: how the loader fills an SaActivityItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-activity-item.h"

G_BEGIN_DECLS

/* Items are immutable once loaded: a change to a record loads a new item. Strings that
 * many items share (ids and names of organizations, districts, commitments) are
 * GRefStrings shared by the items of one load, so 100,000 items hold one copy of each. */
struct _SaActivityItem
{
  GObject      parent_instance;

  char        *id;
  char        *title;           /* GRefString */
  char        *place;           /* GRefString, nullable */
  char        *notes;           /* nullable */
  char        *search_key;      /* GRefString: folded title \x01 place \x01 notes \x01 organization */
  char        *organization_id;   /* GRefString, nullable */
  char        *organization_name; /* GRefString, nullable */
  char        *district_id;       /* GRefString, nullable */
  char        *district_name;     /* GRefString, nullable */
  char       **commitment_ids;    /* GRefStrings in plan order, NULL-terminated; NULL: none */
  guint        n_commitments;
  guint        commitment_rank;   /* plan order of the first commitment; G_MAXUINT: none */
  guint        day;               /* YYYYMMDD, for sorting */
  int          fiscal_year;
  int          district_position;
  guint        participants;
  guint        volunteers;
  char         date[11];          /* YYYY-MM-DD */
  char         time[6];           /* HH:MM, or empty */
};

SaActivityItem *_sa_activity_item_new        (void);
void            _sa_activity_item_set_date   (SaActivityItem *self,
                                              const char     *date);
void            _sa_activity_item_finish     (SaActivityItem *self);

G_END_DECLS
