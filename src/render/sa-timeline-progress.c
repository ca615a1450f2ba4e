/* sa-timeline-progress.c: a target's progress in the timeline's year cells
 *
 * A commitment whose target the activity log can count (回, 全地区) shows, in the
 * cells of past years and the current one, how far it got: "3/6". The figures are
 * the review's (sa_store_list_review_rows_totaled ()), for each shown year from the
 * activities' totals of all of them, read once when the layout is made (a pass over
 * the log a year made the handout of a million activities five times slower); a
 * layout is made anew when the plan or the log changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-commitment.h"
#include "sa-store-review.h"
#include "sa-timeline-layout-private.h"

static int
current_fiscal_year (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  return sa_date_fiscal_year (&today);
}

static gboolean
has_target (SaStore    *store,
            const char *commitment_id)
{
  g_autoptr(SaRecord) commitment = sa_store_get (store, &sa_commitment_table, commitment_id, NULL);

  return commitment != NULL &&
         (!sa_record_is_null (commitment, SA_COMMITMENT_TARGET_TEXT) ||
          !sa_record_is_null (commitment, SA_COMMITMENT_TARGET_VALUE) ||
          !sa_record_is_null (commitment, SA_COMMITMENT_TARGET_UNIT));
}

/* The rows of commitments with a target, by id: reading the review's figures
 * costs a pass over the year's activities, which a table without targets is
 * spared. */
static GHashTable *
index_rows (SaTimelineLayout *self,
            SaStore          *store)
{
  GHashTable *rows = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->rows->len; i++)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);

      if (row->row.kind == SA_TIMELINE_ROW_COMMITMENT && has_target (store, row->row.id))
        g_hash_table_insert (rows, (gpointer) row->row.id, row);
    }
  return rows;
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
set_progress (SaTimelineLayout     *self,
              SaTimelineRowPrivate *row,
              int                   fy,
              SaReviewRow          *review)
{
  /* Translators: a target's progress in a year's cell of the schedule: reached / target */
  g_autofree char *text = g_strdup_printf (_("%lld/%lld"), (long long) review->actual,
                                           (long long) review->target_value);
  guint n_years = sa_timeline_layout_get_n_years (self);

  if (row->progress == NULL)
    {
      row->progress = g_ptr_array_new_full (n_years, unref_nullable);
      g_ptr_array_set_size (row->progress, n_years);
    }
  g_ptr_array_index (row->progress, fy - self->first_fy) = _sa_render_text (self->context, SA_FONT_TINY, text, 0);
}

/**
 * _sa_timeline_layout_read_progress:
 * @self: a layout with its rows
 * @store: the store
 * @totals: (inout) (nullable): the activities' totals of the layout's years, read
 *   here when %NULL and needed
 * @error: return location for an error
 *
 * Gives the rows of commitments with a countable target their progress for each
 * shown year up to the current one.
 */
gboolean
_sa_timeline_layout_read_progress (SaTimelineLayout  *self,
                                   SaStore           *store,
                                   SaYearTotals     **totals,
                                   GError           **error)
{
  g_autoptr(GHashTable) rows = index_rows (self, store);
  const char *plan_id = sa_record_get_id (self->plan);
  int last = MIN (self->last_fy, current_fiscal_year ());

  if (g_hash_table_size (rows) == 0 || last < self->first_fy)
    return TRUE;
  if (*totals == NULL &&
      !(*totals = sa_store_total_commitment_activities (store, self->first_fy, self->last_fy, error)))
    return FALSE;
  for (int fy = self->first_fy; fy <= last; fy++)
    {
      g_autoptr(GPtrArray) reviews = sa_store_list_review_rows_totaled (store, plan_id, fy, *totals, error);

      if (reviews == NULL)
        return FALSE;
      for (guint i = 0; i < reviews->len; i++)
        {
          SaReviewRow *review = g_ptr_array_index (reviews, i);
          SaTimelineRowPrivate *row = g_hash_table_lookup (rows, review->commitment_id);

          if (row != NULL && review->has_actual && review->has_target_value && review->target_value > 0)
            set_progress (self, row, fy, review);
        }
    }
  return TRUE;
}
