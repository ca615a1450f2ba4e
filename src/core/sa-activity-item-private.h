/* sa-activity-item-private.h: how the loader fills an SaActivityItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-activity-item.h"

G_BEGIN_DECLS

/* Items are immutable once loaded: a change to a record loads a new item. Strings that
 * many items share (ids and names of organizations, districts, commitments, titles,
 * places, notes, search keys) are GRefStrings shared by the items of one load, so
 * 100,000 items hold one copy of each; so are lists of commitments. The fields are
 * ordered and sized to fit the instance in 144 bytes: 100,000 of them are most of
 * the memory the log takes. */
struct _SaActivityItem
{
  GObject      parent_instance;

  char        *id;
  char        *title;           /* GRefString */
  char        *place;           /* GRefString, nullable */
  char        *notes;           /* GRefString, nullable */
  char        *search_key;      /* GRefString: folded title \x01 place \x01 notes \x01 organization */
  char        *organization_id;   /* GRefString, nullable */
  char        *organization_name; /* GRefString, nullable */
  char        *district_id;       /* GRefString, nullable */
  char        *district_name;     /* GRefString, nullable */
  char       **commitment_ids;    /* atomic GRcBox of GRefStrings in plan order, NULL-terminated,
                                   * shared by the items with the same; NULL: none */
  guint        commitment_rank;   /* plan order of the first commitment; G_MAXUINT: none */
  guint        day;               /* YYYYMMDD, for sorting; the fiscal year follows from it */
  int          district_position;
  guint        participants;
  guint        volunteers;
  guint16      n_commitments;
  char         date[11];          /* YYYY-MM-DD */
  char         time[6];           /* HH:MM, or empty */
};

SaActivityItem *_sa_activity_item_new        (void);
void            _sa_activity_item_set_date   (SaActivityItem *self,
                                              const char     *date);
void            _sa_activity_item_fold_key   (SaActivityItem *self,
                                              GString        *key);
void            _sa_activity_item_finish     (SaActivityItem *self);
char          **_sa_activity_item_ids_new    (char * const   *ids,
                                              guint           n_ids);
void            _sa_activity_item_ids_release (char         **ids);

G_END_DECLS
