/* sa-timeline-layout.c: the plan's schedule as rows, columns and bars
 *
 * The layout reads a plan (every section, or one) from the store once, and turns it
 * into the rows of the plan document's 推進のスケジュール table: a heading band per
 * section, a heading per basic goal, then
 * the goal's commitments grouped by who makes them (誰が), each with its schedule
 * phases as bars over the fiscal-year columns. It measures text with Pango in points
 * and knows nothing of screens or paper: the painter draws it, the handout pages it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-actor.h"
#include "sa-store-deleted.h"
#include "sa-commitment.h"
#include "sa-error.h"
#include "sa-goal.h"
#include "sa-initiative.h"
#include "sa-plan.h"
#include "sa-schedule-phase.h"
#include "sa-section.h"
#include "sa-store-plans.h"
#include "sa-store-timeline.h"
#include "sa-timeline-layout-private.h"

/* The width a layout starts with: an A4 landscape page less its margins. */
#define DEFAULT_WIDTH 786.0

G_DEFINE_FINAL_TYPE (SaTimelineLayout, sa_timeline_layout, G_TYPE_OBJECT)

/* ---- Options ------------------------------------------------------------------- */

void
sa_timeline_options_init (SaTimelineOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->year_format = SA_YEAR_FORMAT_SHORT;
  options->show_progress = TRUE;
  options->font = SA_PRINT_FONT_NOTO;
  options->text_size = SA_TEXT_SIZE_SCREEN;
}

void
sa_timeline_options_copy (SaTimelineOptions       *dest,
                          const SaTimelineOptions *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  *dest = *src;
  dest->plan_id = g_strdup (src->plan_id);
  dest->section_id = g_strdup (src->section_id);
  dest->goal_ids = g_strdupv (src->goal_ids);
  dest->actor_ids = g_strdupv (src->actor_ids);
}

void
sa_timeline_options_clear (SaTimelineOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->plan_id, g_free);
  g_clear_pointer (&options->section_id, g_free);
  g_clear_pointer (&options->goal_ids, g_strfreev);
  g_clear_pointer (&options->actor_ids, g_strfreev);
}

/* ---- The object ---------------------------------------------------------------- */

static void
clear_row (gpointer data)
{
  SaTimelineRowPrivate *row = data;

  g_clear_object (&row->number);
  g_clear_object (&row->text);
  g_clear_object (&row->detail);
  g_clear_object (&row->actor);
  g_clear_object (&row->continued);
  g_clear_pointer (&row->progress, g_ptr_array_unref);
}

static void
sa_timeline_layout_dispose (GObject *object)
{
  SaTimelineLayout *self = SA_TIMELINE_LAYOUT (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->section);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->bar_texts, g_ptr_array_unref);
  g_clear_pointer (&self->year_texts, g_ptr_array_unref);
  g_clear_pointer (&self->count_texts, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->header_texts); i++)
    g_clear_object (&self->header_texts[i]);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_timeline_layout_parent_class)->dispose (object);
}

static void
sa_timeline_layout_finalize (GObject *object)
{
  SaTimelineLayout *self = SA_TIMELINE_LAYOUT (object);

  sa_timeline_options_clear (&self->options);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->year_labels, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->counts, g_free);

  G_OBJECT_CLASS (sa_timeline_layout_parent_class)->finalize (object);
}

static void
sa_timeline_layout_class_init (SaTimelineLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_timeline_layout_dispose;
  object_class->finalize = sa_timeline_layout_finalize;
}

static void
sa_timeline_layout_init (SaTimelineLayout *self)
{
  sa_timeline_options_init (&self->options);
  self->strings = g_string_chunk_new (4096);
  self->context = _sa_render_context_new ();
  self->rows = g_array_new (FALSE, TRUE, sizeof (SaTimelineRowPrivate));
  g_array_set_clear_func (self->rows, clear_row);
  self->bars = g_array_new (FALSE, TRUE, sizeof (SaTimelineBar));
  self->bar_texts = g_ptr_array_new_with_free_func (g_object_unref);
  self->year_texts = g_ptr_array_new_with_free_func (g_object_unref);
  self->year_labels = g_ptr_array_new_with_free_func (g_free);
  self->count_texts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

/* ---- Reading the plan ---------------------------------------------------------- */

/* A section asked for must belong to the plan asked for, if one is. */
static gboolean
find_one_section (SaTimelineLayout  *self,
                  SaStore           *store,
                  GError           **error)
{
  const char *plan_id = self->options.plan_id;
  SaRecord *section = sa_store_get (store, &sa_section_table, self->options.section_id, error);
  g_autofree char *wanted = NULL;

  if (section == NULL)
    return FALSE;
  g_ptr_array_add (self->sections, section);
  if (sa_record_get_deleted (section))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("The section has been deleted"));
      return FALSE;
    }
  wanted = plan_id ? sa_id_normalize (plan_id) : NULL;
  if (wanted != NULL && g_strcmp0 (wanted, sa_record_get_text (section, SA_SECTION_PLAN_ID)) != 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                   _("The section is not part of the plan with id “%s”"), plan_id);
      return FALSE;
    }
  self->plan = sa_store_get (store, &sa_plan_table, sa_record_get_text (section, SA_SECTION_PLAN_ID), error);
  return self->plan != NULL;
}

static gboolean
find_sections (SaTimelineLayout  *self,
               SaStore           *store,
               GError           **error)
{
  g_autofree char *plan_id = NULL;
  g_autoptr(GPtrArray) sections = NULL;

  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->options.section_id != NULL)
    {
      if (!find_one_section (self, store, error))
        return FALSE;
    }
  else
    {
      if (!(plan_id = sa_store_resolve_plan (store, self->options.plan_id, error)) ||
          !(self->plan = sa_store_get (store, &sa_plan_table, plan_id, error)) ||
          !(sections = sa_store_list (store, &sa_section_table, "plan_id", plan_id, error)))
        return FALSE;
      for (guint i = 0; i < sections->len; i++)
        g_ptr_array_add (self->sections, g_object_ref (g_ptr_array_index (sections, i)));
      if (self->sections->len == 0)
        {
          g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("The plan has no section."));
          return FALSE;
        }
    }
  self->section = g_object_ref (g_ptr_array_index (self->sections, 0));
  return TRUE;
}

/* The plan's years, widened to every phase of it: phases kept outside the plan's
 * years when those were shrunk are shown with their ◎, never dropped. */
static gboolean
choose_years (SaTimelineLayout  *self,
              SaStore           *store,
              GError           **error)
{
  int first = (int) sa_record_get_int (self->plan, SA_PLAN_FIRST_FY);
  int last = (int) sa_record_get_int (self->plan, SA_PLAN_LAST_FY);
  int phase_first, phase_last;
  g_autofree char *first_label = NULL, *last_label = NULL;

  if (!sa_store_get_phase_years (store, sa_record_get_id (self->plan), &phase_first, &phase_last, error))
    return FALSE;
  if (phase_first > 0)
    {
      first = MIN (first, phase_first);
      last = MAX (last, phase_last);
    }

  self->first_fy = self->options.first_fy > 0 ? self->options.first_fy : first;
  self->last_fy = self->options.last_fy > 0 ? self->options.last_fy : last;

  if (self->first_fy > self->last_fy)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                   _("The first year must not come after the last"));
      return FALSE;
    }
  if (self->first_fy >= first && self->last_fy <= last)
    return TRUE;

  first_label = sa_fiscal_year_label (first, SA_YEAR_FORMAT_FY);
  last_label = sa_fiscal_year_label (last, SA_YEAR_FORMAT_FY);
  g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
               _("The years must lie within the plan’s years, %s to %s"), first_label, last_label);
  return FALSE;
}

static gboolean
contains_id (GPtrArray  *records,
             const char *id)
{
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (sa_record_get_id (g_ptr_array_index (records, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static GPtrArray *
list_goals (SaTimelineLayout  *self,
            SaStore           *store,
            GError           **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->sections->len; i++)
    {
      g_autoptr(GPtrArray) goals = sa_store_list (store, &sa_goal_table, "section_id",
                                                  sa_record_get_id (g_ptr_array_index (self->sections, i)),
                                                  error);
      if (goals == NULL)
        return NULL;
      for (guint j = 0; j < goals->len; j++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (goals, j)));
    }
  return g_steal_pointer (&all);
}

static gboolean
choose_goals (SaTimelineLayout  *self,
              SaStore           *store,
              GError           **error)
{
  g_autoptr(GPtrArray) all = list_goals (self, store, error);
  GStrv chosen = self->options.goal_ids;

  if (all == NULL)
    return FALSE;
  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    if (!contains_id (all, chosen[i]))
      {
        g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                     _("The section has no goal with id “%s”"), chosen[i]);
        return FALSE;
      }

  self->goals = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      SaRecord *goal = g_ptr_array_index (all, i);

      if (chosen == NULL || g_strv_contains ((const char * const *) chosen, sa_record_get_id (goal)))
        g_ptr_array_add (self->goals, g_object_ref (goal));
    }
  return TRUE;
}

static gboolean
read_actors (SaTimelineLayout  *self,
             SaStore           *store,
             GError           **error)
{
  GStrv chosen = self->options.actor_ids;

  self->actors = sa_store_list (store, &sa_actor_table, "plan_id", sa_record_get_id (self->plan), error);
  if (self->actors == NULL)
    return FALSE;
  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    if (!contains_id (self->actors, chosen[i]))
      {
        g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND,
                     _("The plan has no actor with id “%s”"), chosen[i]);
        return FALSE;
      }
  return TRUE;
}

/* The actor's place in the plan's order, or G_MAXUINT for one it does not know. */
static guint
actor_index (SaTimelineLayout *self,
             const char       *actor_id)
{
  for (guint i = 0; i < self->actors->len; i++)
    if (g_strcmp0 (sa_record_get_id (g_ptr_array_index (self->actors, i)), actor_id) == 0)
      return i;
  return G_MAXUINT;
}

static gboolean
actor_shown (SaTimelineLayout *self,
             const char       *actor_id)
{
  return self->options.actor_ids == NULL ||
         g_strv_contains ((const char * const *) self->options.actor_ids, actor_id);
}

/* ---- Building rows --------------------------------------------------------------- */

static const char *
intern (SaTimelineLayout *self,
        const char       *text)
{
  return text ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

static SaTimelineRowPrivate *
append_row (SaTimelineLayout  *self,
            SaTimelineRowKind  kind,
            SaRecord          *record)
{
  SaTimelineRowPrivate *row;

  g_array_set_size (self->rows, self->rows->len + 1);
  row = _sa_timeline_layout_row (self, self->rows->len - 1);
  row->row.kind = kind;
  row->row.id = intern (self, sa_record_get_id (record));
  row->row.first_bar = self->bars->len;
  return row;
}

/* The heading as a page repeats it over rows that continue from the page before. */
static PangoLayout *
continued_text (SaTimelineLayout *self,
                const char       *heading)
{
  /* Translators: a section's or goal's heading repeated on the next page */
  g_autofree char *text = g_strdup_printf (_("%s (continued)"), heading);

  return _sa_render_text (self->context, SA_FONT_HEADING, text, 0);
}

static void
add_section_row (SaTimelineLayout *self,
                 SaRecord         *section)
{
  const char *label = sa_record_get_text (section, SA_SECTION_LABEL);
  const char *title = sa_record_get_text (section, SA_SECTION_TITLE);
  g_autofree char *text = g_strjoin (label && title ? " " : "", label ? label : "", title ? title : "", NULL);
  SaTimelineRowPrivate *row = append_row (self, SA_TIMELINE_ROW_SECTION, section);

  row->row.text = intern (self, text);
  row->row.goal_row = row->row.section_row = self->rows->len - 1;
  row->text = _sa_render_text (self->context, SA_FONT_HEADING, text, 0);
  row->continued = continued_text (self, text);
}

static char *
initiatives_text (GPtrArray *initiatives)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < initiatives->len; i++)
    g_string_append_printf (text, "%s○%s", i > 0 ? "\n" : "",
                            sa_record_get_text (g_ptr_array_index (initiatives, i), SA_INITIATIVE_TITLE));
  return g_string_free (text, text->len == 0);
}

static gboolean
add_goal_row (SaTimelineLayout  *self,
              SaStore           *store,
              SaRecord          *goal,
              GError           **error)
{
  g_autoptr(GPtrArray) initiatives = sa_store_list (store, &sa_initiative_table, "goal_id",
                                                    sa_record_get_id (goal), error);
  g_autofree char *number = NULL, *detail = NULL, *heading = NULL;
  SaTimelineRowPrivate *row;

  if (initiatives == NULL)
    return FALSE;

  row = append_row (self, SA_TIMELINE_ROW_GOAL, goal);
  row->row.text = intern (self, sa_record_get_text (goal, SA_GOAL_TITLE));
  row->row.goal_row = self->rows->len - 1;
  number = g_strdup_printf (_("Basic Goal %d"), (int) sa_record_get_int (goal, SA_GOAL_NUMBER));
  row->number = _sa_render_text (self->context, SA_FONT_HEADING, number, 0);
  row->text = _sa_render_text (self->context, SA_FONT_HEADING, row->row.text, 0);
  heading = g_strdup_printf ("%s %s", number, row->row.text);
  row->continued = continued_text (self, heading);
  if ((detail = initiatives_text (initiatives)) != NULL)
    row->detail = _sa_render_text (self->context, SA_FONT_SMALL, detail, 0);
  return TRUE;
}

static char *
commitment_text (SaRecord *commitment)
{
  const char *text = sa_record_get_text (commitment, SA_COMMITMENT_TEXT);
  const char *target = sa_record_get_text (commitment, SA_COMMITMENT_TARGET_TEXT);
  g_autofree char *value = NULL;
  g_autofree char *marker = NULL;

  if (target == NULL && !sa_record_is_null (commitment, SA_COMMITMENT_TARGET_VALUE))
    {
      const char *unit = sa_record_get_text (commitment, SA_COMMITMENT_TARGET_UNIT);

      value = g_strdup_printf ("%" G_GINT64_FORMAT "%s",
                               sa_record_get_int (commitment, SA_COMMITMENT_TARGET_VALUE),
                               unit ? unit : "");
      target = value;
    }
  if (target == NULL)
    return g_strdup (text);
  marker = g_strdup_printf (_("【Target: %s】"), target);
  return g_strconcat (text, marker, NULL);
}

static void
add_bar (SaTimelineLayout *self,
         SaRecord         *phase,
         guint             row_index)
{
  int start = (int) sa_record_get_int (phase, SA_SCHEDULE_PHASE_START_FY);
  int end = (int) sa_record_get_int (phase, SA_SCHEDULE_PHASE_END_FY);
  const char *label = sa_record_get_text (phase, SA_SCHEDULE_PHASE_LABEL);
  g_autofree char *text = NULL;
  SaTimelineBar bar = { 0 };

  if (end < self->first_fy || start > self->last_fy)
    return;

  bar.label = intern (self, label);
  bar.open_start = start < self->first_fy;
  bar.open_end = end > self->last_fy;
  bar.start_fy = MAX (start, self->first_fy);
  bar.end_fy = MIN (end, self->last_fy);
  bar.row = row_index;
  g_array_append_val (self->bars, bar);

  /* ◎ marks where a phase starts; one that started before the shown years has none. */
  text = bar.open_start ? g_strdup (label) : g_strdup_printf ("◎ %s", label);
  g_ptr_array_add (self->bar_texts, _sa_render_text (self->context, SA_FONT_BODY, text, 0));
}

/* A commitment whose actor another site deleted names it, marked, not an empty 誰が. */
static char *
deleted_actor_name (SaStore    *store,
                    const char *actor_id)
{
  g_autoptr(SaRecord) actor = sa_store_get (store, &sa_actor_table, actor_id, NULL);

  return actor ? sa_deleted_name (sa_record_get_text (actor, SA_ACTOR_NAME)) : g_strdup ("");
}

static gboolean
add_commitment_row (SaTimelineLayout  *self,
                    SaStore           *store,
                    SaRecord          *commitment,
                    GError           **error)
{
  const char *actor_id = sa_record_get_text (commitment, SA_COMMITMENT_ACTOR_ID);
  g_autoptr(GPtrArray) phases = sa_store_list (store, &sa_schedule_phase_table, "commitment_id",
                                               sa_record_get_id (commitment), error);
  g_autofree char *text = commitment_text (commitment);
  guint index = actor_index (self, actor_id);
  SaTimelineRowPrivate *row;

  if (phases == NULL)
    return FALSE;

  row = append_row (self, SA_TIMELINE_ROW_COMMITMENT, commitment);
  row->row.text = intern (self, text);
  if (index != G_MAXUINT)
    row->row.actor_name = intern (self, sa_record_get_text (g_ptr_array_index (self->actors, index), SA_ACTOR_NAME));
  else
    {
      g_autofree char *name = deleted_actor_name (store, actor_id);
      row->row.actor_name = intern (self, name);
    }
  row->text = _sa_render_text (self->context, SA_FONT_BODY, text, 0);

  for (guint i = 0; i < phases->len; i++)
    add_bar (self, g_ptr_array_index (phases, i), self->rows->len - 1);
  row->row.n_bars = self->bars->len - row->row.first_bar;
  return TRUE;
}

typedef struct
{
  SaRecord *record;
  guint     actor;
} Ordered;

static int
compare_ordered (gconstpointer a,
                 gconstpointer b)
{
  const Ordered *x = a, *y = b;
  gint64 px = sa_record_get_int (x->record, SA_COMMITMENT_POSITION);
  gint64 py = sa_record_get_int (y->record, SA_COMMITMENT_POSITION);

  if (x->actor != y->actor)
    return x->actor < y->actor ? -1 : 1;
  if (px != py)
    return px < py ? -1 : 1;
  return g_strcmp0 (sa_record_get_id (x->record), sa_record_get_id (y->record));
}

/* The goal's commitments of the shown actors, in the plan's order of actors, so each
 * actor's commitments are one run of rows under one 誰が cell, as in the document. */
static GArray *
order_commitments (SaTimelineLayout *self,
                   GPtrArray        *commitments)
{
  GArray *ordered = g_array_new (FALSE, FALSE, sizeof (Ordered));

  for (guint i = 0; i < commitments->len; i++)
    {
      SaRecord *commitment = g_ptr_array_index (commitments, i);
      const char *actor_id = sa_record_get_text (commitment, SA_COMMITMENT_ACTOR_ID);
      Ordered item = { commitment, actor_index (self, actor_id) };

      if (actor_shown (self, actor_id))
        g_array_append_val (ordered, item);
    }
  g_array_sort (ordered, compare_ordered);
  return ordered;
}

static void
mark_groups (SaTimelineLayout *self,
             guint             first,
             guint             end)
{
  guint start = first;

  for (guint i = first; i < end; i++)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);

      if (g_strcmp0 (row->row.actor_name, _sa_timeline_layout_row (self, start)->row.actor_name) != 0)
        start = i;
      row->row.group_start = start;
    }
  for (guint i = end; i-- > first;)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);

      row->row.group_end = (i + 1 < end &&
                            _sa_timeline_layout_row (self, i + 1)->row.group_start == row->row.group_start)
        ? _sa_timeline_layout_row (self, i + 1)->row.group_end : i + 1;
    }
  for (guint i = first; i < end; i++)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);

      if (row->row.group_start == i)
        row->actor = _sa_render_text (self->context, SA_FONT_STRONG, row->row.actor_name, 0);
    }
}

static gboolean
add_goal (SaTimelineLayout  *self,
          SaStore           *store,
          SaRecord          *goal,
          GError           **error)
{
  g_autoptr(GPtrArray) commitments = sa_store_list (store, &sa_commitment_table, "goal_id",
                                                    sa_record_get_id (goal), error);
  g_autoptr(GArray) ordered = NULL;
  guint goal_row, first;

  if (commitments == NULL || !add_goal_row (self, store, goal, error))
    return FALSE;

  goal_row = self->rows->len - 1;
  first = self->rows->len;
  ordered = order_commitments (self, commitments);
  for (guint i = 0; i < ordered->len; i++)
    {
      if (!add_commitment_row (self, store, g_array_index (ordered, Ordered, i).record, error))
        return FALSE;
      _sa_timeline_layout_row (self, self->rows->len - 1)->row.goal_row = goal_row;
    }
  mark_groups (self, first, self->rows->len);
  return TRUE;
}

/* Each commitment row's activities of each year, in one block the layout owns;
 * commitments without activities get zeros, so a row's counts are either all there
 * or, when not shown, NULL. */
static void
own_counts (SaTimelineLayout *self,
            SaYearTotals     *totals)
{
  guint n_years = sa_timeline_layout_get_n_years (self);

  self->counts = g_new0 (guint, (gsize) self->rows->len * n_years);
  for (guint i = 0; i < self->rows->len; i++)
    {
      SaTimelineRowPrivate *row = _sa_timeline_layout_row (self, i);
      guint *block = self->counts + (gsize) i * n_years;

      if (row->row.kind != SA_TIMELINE_ROW_COMMITMENT)
        continue;
      for (guint y = 0; y < n_years; y++)
        {
          const SaActivityTotals *year = sa_year_totals_lookup (totals, row->row.id, self->first_fy + (int) y);

          block[y] = year != NULL ? (guint) year->activities : 0;
        }
      row->row.counts = block;
    }
}

static void
make_headers (SaTimelineLayout *self)
{
  self->header_texts[SA_TIMELINE_COLUMN_ACTOR] =
    _sa_render_text (self->context, SA_FONT_HEADER, _("Who"), 0);
  self->header_texts[SA_TIMELINE_COLUMN_TEXT] =
    _sa_render_text (self->context, SA_FONT_HEADER, _("What we do in the plan period"), 0);
  self->header_texts[SA_TIMELINE_COLUMN_YEARS] =
    _sa_render_text (self->context, SA_FONT_HEADER, _("Schedule (fiscal year)"), 0);

  for (int fy = self->first_fy; fy <= self->last_fy; fy++)
    {
      char *label = sa_fiscal_year_label (fy, self->options.year_format);

      g_ptr_array_add (self->year_labels, label);
      g_ptr_array_add (self->year_texts, _sa_render_text (self->context, SA_FONT_HEADER, label, 0));
      pango_layout_set_alignment (g_ptr_array_index (self->year_texts, self->year_texts->len - 1),
                                  PANGO_ALIGN_CENTER);
    }
}

/* The counts come from the totals the targets' progress reads too: one pass over the
 * activity log for the whole table. */
static gboolean
build_rows (SaTimelineLayout  *self,
            SaStore           *store,
            SaYearTotals     **totals,
            GError           **error)
{
  if (self->options.show_counts &&
      !(*totals = sa_store_total_commitment_activities (store, self->first_fy, self->last_fy, error)))
    return FALSE;

  /* Each section's heading, then its shown goals; goals are in the sections' order. */
  for (guint s = 0, i = 0; s < self->sections->len; s++)
    {
      SaRecord *section = g_ptr_array_index (self->sections, s);
      guint section_row = self->rows->len;

      add_section_row (self, section);
      for (; i < self->goals->len &&
             g_strcmp0 (sa_record_get_text (g_ptr_array_index (self->goals, i), SA_GOAL_SECTION_ID),
                        sa_record_get_id (section)) == 0; i++)
        if (!add_goal (self, store, g_ptr_array_index (self->goals, i), error))
          return FALSE;
      for (guint r = section_row; r < self->rows->len; r++)
        _sa_timeline_layout_row (self, r)->row.section_row = section_row;
    }
  if (*totals != NULL)
    own_counts (self, *totals);
  return TRUE;
}

/**
 * sa_timeline_layout_new:
 * @store: the store to read the plan from
 * @options: (nullable): what to show; %NULL for the whole chosen plan
 * @error: set when the options name a section, goal or actor that does not exist,
 *   or years outside the plan's
 *
 * Reads the plan and lays it out at the width of an A4 landscape page; call
 * sa_timeline_layout_set_width() for another.
 *
 * Returns: (transfer full) (nullable): the layout
 */
SaTimelineLayout *
sa_timeline_layout_new (SaStore                  *store,
                        const SaTimelineOptions  *options,
                        GError                  **error)
{
  g_autoptr(SaTimelineLayout) self = NULL;
  g_autoptr(SaYearTotals) totals = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SA_TYPE_TIMELINE_LAYOUT, NULL);
  if (options != NULL)
    sa_timeline_options_copy (&self->options, options);
  if (self->options.text_size != SA_TEXT_SIZE_SCREEN)
    _sa_render_context_set_style (self->context, self->options.font, self->options.text_size);

  if (!find_sections (self, store, error) ||
      !choose_years (self, store, error) ||
      !choose_goals (self, store, error) ||
      !read_actors (self, store, error) ||
      !build_rows (self, store, &totals, error) ||
      (self->options.show_progress && !_sa_timeline_layout_read_progress (self, store, &totals, error)))
    return NULL;

  make_headers (self);
  _sa_timeline_layout_measure (self, DEFAULT_WIDTH);
  return g_steal_pointer (&self);
}

/**
 * _sa_timeline_layout_count_text:
 * @self: a layout
 * @count: a number of activities
 *
 * The few different counts of a table are shaped once each, not once a cell.
 *
 * Returns: (transfer none): the count as its cell shows it, such as "3件"
 */
PangoLayout *
_sa_timeline_layout_count_text (SaTimelineLayout *self,
                                guint             count)
{
  PangoLayout *text = g_hash_table_lookup (self->count_texts, GUINT_TO_POINTER (count));

  if (text == NULL)
    {
      /* Translators: the number of activities in a year's cell of the schedule */
      g_autofree char *number = g_strdup_printf (C_("activity count", "%u"), count);

      text = _sa_render_text (self->context, SA_FONT_TINY, number, 0);
      g_hash_table_insert (self->count_texts, GUINT_TO_POINTER (count), text);
    }
  return text;
}

/* ---- What it read ---------------------------------------------------------------- */

const SaTimelineOptions *
sa_timeline_layout_get_options (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);

  return &self->options;
}

/**
 * sa_timeline_layout_get_plan:
 * @self: a layout
 *
 * Returns: (transfer none): the plan
 */
SaRecord *
sa_timeline_layout_get_plan (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);

  return self->plan;
}

/**
 * sa_timeline_layout_get_section:
 * @self: a layout
 *
 * Returns: (transfer none): the first shown section, the only one when the options
 *   name one
 */
SaRecord *
sa_timeline_layout_get_section (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);

  return self->section;
}

/**
 * sa_timeline_layout_get_sections:
 * @self: a layout
 *
 * Returns: (transfer none) (element-type SaRecord): the shown sections, in order
 */
GPtrArray *
sa_timeline_layout_get_sections (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);

  return self->sections;
}

/**
 * sa_timeline_layout_get_goals:
 * @self: a layout
 *
 * Returns: (transfer none) (element-type SaRecord): the shown goals, in order
 */
GPtrArray *
sa_timeline_layout_get_goals (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);

  return self->goals;
}

/**
 * sa_timeline_layout_get_actors:
 * @self: a layout
 *
 * Returns: (transfer none) (element-type SaRecord): all the plan's actors, in order
 */
GPtrArray *
sa_timeline_layout_get_actors (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);

  return self->actors;
}

int
sa_timeline_layout_get_first_fy (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);

  return self->first_fy;
}

int
sa_timeline_layout_get_last_fy (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);

  return self->last_fy;
}

guint
sa_timeline_layout_get_n_years (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);

  return (guint) (self->last_fy - self->first_fy + 1);
}

/**
 * sa_timeline_layout_get_year_label:
 * @self: a layout
 * @fy: a shown fiscal year
 *
 * Returns: the year's column label in the chosen form, such as "22" or "平成22年度"
 */
const char *
sa_timeline_layout_get_year_label (SaTimelineLayout *self,
                                   int               fy)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (fy >= self->first_fy && fy <= self->last_fy, NULL);

  return g_ptr_array_index (self->year_labels, fy - self->first_fy);
}

guint
sa_timeline_layout_get_n_rows (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);

  return self->rows->len;
}

/**
 * sa_timeline_layout_get_row:
 * @self: a layout
 * @index: a row's index
 *
 * Returns: (transfer none): the row, valid until the layout is freed; its @y and
 *   @height change with sa_timeline_layout_set_width()
 */
const SaTimelineRow *
sa_timeline_layout_get_row (SaTimelineLayout *self,
                            guint             index)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return &_sa_timeline_layout_row (self, index)->row;
}

/**
 * sa_timeline_layout_get_progress:
 * @self: a layout
 * @index: a row
 * @fy: a shown fiscal year
 *
 * Returns: (nullable): the progress toward the commitment's target that the year's
 *   cell shows, such as "3/6"; %NULL when it shows none
 */
const char *
sa_timeline_layout_get_progress (SaTimelineLayout *self,
                                 guint             index,
                                 int               fy)
{
  SaTimelineRowPrivate *row;
  PangoLayout *text;

  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  row = _sa_timeline_layout_row (self, index);
  if (row->progress == NULL || fy < self->first_fy || fy > self->last_fy)
    return NULL;
  text = g_ptr_array_index (row->progress, fy - self->first_fy);
  return text ? pango_layout_get_text (text) : NULL;
}

guint
sa_timeline_layout_get_n_bars (SaTimelineLayout *self)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), 0);

  return self->bars->len;
}

/**
 * sa_timeline_layout_get_bar:
 * @self: a layout
 * @index: a bar's index; a row's bars are `first_bar` to `first_bar + n_bars - 1`
 *
 * Returns: (transfer none): the bar
 */
const SaTimelineBar *
sa_timeline_layout_get_bar (SaTimelineLayout *self,
                            guint             index)
{
  g_return_val_if_fail (SA_IS_TIMELINE_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);

  return &g_array_index (self->bars, SaTimelineBar, index);
}
