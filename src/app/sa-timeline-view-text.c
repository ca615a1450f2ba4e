/* sa-timeline-view-text.c: what the timeline view says of a row
 *
 * The same words serve the accessible label and description and the tooltips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-timeline-view-private.h"

/* ---- words ----------------------------------------------------------------------- */

const char *
_sa_timeline_view_quarter_label (guint quarter)
{
  switch (quarter)
    {
    /* Translators: the first quarter of a fiscal year, April to June; Japanese
     * writes the months, 4–6月 */
    case 0: return C_("fiscal quarter", "Q1");
    /* Translators: July to September */
    case 1: return C_("fiscal quarter", "Q2");
    /* Translators: October to December */
    case 2: return C_("fiscal quarter", "Q3");
    /* Translators: January to March */
    default: return C_("fiscal quarter", "Q4");
    }
}

static char *
schedule_text (SaTimelineView      *self,
               const SaTimelineRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = row->first_bar; i < row->first_bar + row->n_bars; i++)
    {
      const SaTimelineBar *bar = sa_timeline_layout_get_bar (self->layout, i);
      const char *from = sa_timeline_layout_get_year_label (self->layout, bar->start_fy);
      const char *to = sa_timeline_layout_get_year_label (self->layout, bar->end_fy);
      g_autofree char *phase = NULL;

      if (bar->start_fy == bar->end_fy)
        /* Translators: a schedule phase of one year, as in “実施 in 平成22年度” */
        phase = g_strdup_printf (_("%1$s in %2$s"), bar->label, from);
      else
        /* Translators: a schedule phase, as in “実施 from 平成22年度 to 平成27年度” */
        phase = g_strdup_printf (_("%1$s from %2$s to %3$s"), bar->label, from, to);
      g_string_append_printf (text, "%s%s", text->len ? _("; ") : "", phase);
    }
  if (text->len == 0)
    return g_strdup (_("No schedule"));
  /* Translators: the phases of a commitment's schedule */
  return g_strdup_printf (_("Schedule: %s"), text->str);
}

static char *
year_count_text (SaTimelineView      *self,
                 const SaTimelineRow *row,
                 int                  fy)
{
  guint count = row->counts[fy - sa_timeline_layout_get_first_fy (self->layout)];

  /* Translators: activities recorded for a commitment in a fiscal year */
  return g_strdup_printf (ngettext ("%2$s: %1$u activity", "%2$s: %1$u activities", count),
                          count, sa_timeline_layout_get_year_label (self->layout, fy));
}

/* The years with activities, for a screen reader; NULL when counts are not shown. */
static char *
counts_text (SaTimelineView      *self,
             const SaTimelineRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int first = sa_timeline_layout_get_first_fy (self->layout);

  if (row->counts == NULL)
    return NULL;
  for (int fy = first; fy <= sa_timeline_layout_get_last_fy (self->layout); fy++)
    if (row->counts[fy - first] > 0)
      {
        g_autofree char *year = year_count_text (self, row, fy);

        g_string_append_printf (text, "%s%s", text->len ? _("; ") : "", year);
      }
  if (text->len == 0)
    return g_strdup (_("No activities recorded"));
  return g_strdup (text->str);
}

/**
 * sa_timeline_view_describe_row:
 * @self: a view
 * @row: a row's index
 * @description: (out) (optional) (transfer full): its schedule and activities
 *
 * What assistive technology is told about a row.
 *
 * Returns: (transfer full): who and what: “区役所: 地域で行うあいさつ運動を支援する。…”
 */
char *
sa_timeline_view_describe_row (SaTimelineView  *self,
                               guint            row,
                               char           **description)
{
  const SaTimelineRow *r;
  g_autofree char *schedule = NULL, *counts = NULL;

  g_return_val_if_fail (SA_IS_TIMELINE_VIEW (self), NULL);
  g_return_val_if_fail (row < _sa_timeline_view_n_rows (self), NULL);

  r = _sa_timeline_view_row_at (self, row);
  if (r->kind != SA_TIMELINE_ROW_COMMITMENT)
    {
      if (description != NULL)
        *description = NULL;
      return g_strdup (r->text);
    }
  if (description != NULL)
    {
      schedule = schedule_text (self, r);
      counts = counts_text (self, r);
      *description = counts ? g_strdup_printf ("%s. %s", schedule, counts) : g_steal_pointer (&schedule);
    }
  /* Translators: a commitment for a screen reader: who, then what */
  return g_strdup_printf (_("%1$s: %2$s"), r->actor_name, r->text);
}

void
_sa_timeline_view_update_accessible (SaTimelineView *self)
{
  g_autofree char *label = NULL, *description = NULL;

  if (_sa_timeline_view_is_commitment (self, self->selected))
    label = sa_timeline_view_describe_row (self, self->selected, &description);
  else
    {
      label = g_strdup (_("Schedule of the plan’s commitments"));
      description = g_strdup (_("Up and Down move between commitments; Enter opens one"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- tooltips -------------------------------------------------------------------- */

static char *
tooltip_text (SaTimelineView *self,
              int             index,
              int             fy)
{
  const SaTimelineRow *row = _sa_timeline_view_row_at (self, index);
  g_autofree char *schedule = NULL, *counts = NULL;

  if (row->kind != SA_TIMELINE_ROW_COMMITMENT)
    return g_strdup (row->text);
  schedule = schedule_text (self, row);
  if (row->counts != NULL)
    counts = fy > 0 ? year_count_text (self, row, fy) : counts_text (self, row);
  return g_strjoin ("\n", row->actor_name, row->text, schedule, counts, NULL);
}

gboolean
_sa_timeline_view_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  SaTimelineView *self = SA_TIMELINE_VIEW (widget);
  int index = keyboard_mode ? self->selected : _sa_timeline_view_row_at_point (self, y);
  int fy = keyboard_mode ? 0 : _sa_timeline_view_year_at_point (self, x);
  g_autofree char *text = NULL;
  const SaTimelineRow *row;
  double column_x, column_width;
  GdkRectangle area;

  if (index < 0 || (guint) index >= _sa_timeline_view_n_rows (self))
    return FALSE;

  row = _sa_timeline_view_row_at (self, index);
  text = tooltip_text (self, index, fy);
  gtk_tooltip_set_text (tooltip, text);

  /* The tooltip changes from cell to cell along a commitment's row. */
  area.x = 0;
  area.width = gtk_widget_get_width (widget);
  if (fy > 0 && row->kind == SA_TIMELINE_ROW_COMMITMENT)
    {
      sa_timeline_layout_get_year_column (self->layout, fy, &column_x, &column_width);
      area.x = (int) floor (_sa_timeline_view_years_to_widget_x (self, column_x));
      area.width = (int) ceil (column_width * self->scale);
    }
  area.y = (int) floor (_sa_timeline_view_row_to_widget_y (self, row->y));
  area.height = (int) ceil (row->height * self->scale);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

