/* sa-handout.c: the timeline on pages, for paper and PDF
 *
 * A handout is what the ward hands out at neighbourhood meetings: a page header
 * with the plan, the section and the date; optionally the section's strengths and
 * challenges; the schedule table, fitted to the page's width, with its column
 * header on every page and no row cut between pages; optionally the expected
 * actions; and "n / N" at the foot. The same sa_handout_draw_page() serves a print
 * dialog (one cairo context per page), a PDF file and a preview on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-actor.h"
#include "sa-expected-action.h"
#include "sa-goal.h"
#include "sa-handout-private.h"
#include "sa-plan.h"
#include "sa-section.h"
#include "sa-situation-note.h"
#include "sa-text-table.h"
#include "sa-timeline-layout-private.h"

/* ISO 216 sizes in points. */
#define A4_SHORT  595.276
#define A4_LONG   841.890
#define A3_LONG  1190.551

#define MARGIN SA_HANDOUT_MARGIN
#define HEADER_GAP  9.0
#define LEGEND_GAP 48.0  /* half of the widest page number, "99 / 99", and a space */
#define FOOTER_GAP  6.0

G_DEFINE_FINAL_TYPE (SaHandout, sa_handout, G_TYPE_OBJECT)

/* ---- Options ------------------------------------------------------------------- */

void
sa_handout_options_init (SaHandoutOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  sa_timeline_options_init (&options->timeline);
  options->paper = SA_PAPER_A4;
  options->font = SA_PRINT_FONT_UD;
  g_date_clear (&options->date, 1);
}

void
sa_handout_options_clear (SaHandoutOptions *options)
{
  g_return_if_fail (options != NULL);

  sa_timeline_options_clear (&options->timeline);
  g_clear_pointer (&options->title, g_free);
}

static void
copy_options (SaHandoutOptions       *dest,
              const SaHandoutOptions *src)
{
  *dest = *src;
  sa_timeline_options_copy (&dest->timeline, &src->timeline);
  dest->title = g_strdup (src->title);
}

/* ---- The object ---------------------------------------------------------------- */

static void
sa_handout_dispose (GObject *object)
{
  SaHandout *self = SA_HANDOUT (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->notes, _sa_text_table_free);
  g_clear_pointer (&self->actions, _sa_text_table_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->part_titles); i++)
    g_clear_object (&self->part_titles[i]);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_object (&self->date);
  g_clear_object (&self->period);
  g_clear_object (&self->legend);
  g_clear_object (&self->footer);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_handout_parent_class)->dispose (object);
}

static void
sa_handout_finalize (GObject *object)
{
  SaHandout *self = SA_HANDOUT (object);

  sa_handout_options_clear (&self->options);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (sa_handout_parent_class)->finalize (object);
}

static void
sa_handout_class_init (SaHandoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_handout_dispose;
  object_class->finalize = sa_handout_finalize;
}

static void
sa_handout_init (SaHandout *self)
{
  sa_handout_options_init (&self->options);
  self->context = _sa_render_context_new ();
  self->items = g_array_new (FALSE, TRUE, sizeof (SaHandoutItem));
  self->pages = g_array_new (FALSE, TRUE, sizeof (SaHandoutPage));
  self->scale = 1;
}

/* ---- The other parts: notes and expected actions -------------------------------- */

static gboolean
build_notes (SaHandout  *self,
             SaStore    *store,
             GError    **error)
{
  GPtrArray *sections = sa_timeline_layout_get_sections (self->layout);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) strengths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) challenges = g_ptr_array_new_with_free_func (g_free);
  const char *headers[] = { _("What has improved"), _("Open challenges") };
  const double shares[] = { 0.5, 0.5 };

  /* Every shown section's notes, in the sections' order. */
  for (guint i = 0; i < sections->len; i++)
    {
      g_autoptr(GPtrArray) some = sa_store_list (store, &sa_situation_note_table, "section_id",
                                                 sa_record_get_id (g_ptr_array_index (sections, i)), error);
      if (some == NULL)
        return FALSE;
      for (guint j = 0; j < some->len; j++)
        g_ptr_array_add (notes, g_object_ref (g_ptr_array_index (some, j)));
    }
  for (guint i = 0; i < notes->len; i++)
    {
      SaRecord *note = g_ptr_array_index (notes, i);
      gboolean strength = g_strcmp0 (sa_record_get_text (note, SA_SITUATION_NOTE_KIND), "strength") == 0;

      g_ptr_array_add (strength ? strengths : challenges,
                       g_strconcat ("・", sa_record_get_text (note, SA_SITUATION_NOTE_TEXT), NULL));
    }
  if (notes->len == 0)
    return TRUE;

  self->notes = _sa_text_table_new (self->context, 2, headers, shares, FALSE);
  for (guint i = 0; i < MAX (strengths->len, challenges->len); i++)
    {
      const char *cells[] = { i < strengths->len ? g_ptr_array_index (strengths, i) : NULL,
                              i < challenges->len ? g_ptr_array_index (challenges, i) : NULL };

      _sa_text_table_add_row (self->notes, cells);
    }
  return TRUE;
}

static gboolean
actor_shown (SaHandout  *self,
             const char *actor_id)
{
  GStrv chosen = self->options.timeline.actor_ids;

  return chosen == NULL || g_strv_contains ((const char * const *) chosen, actor_id);
}

/* One row per actor with expected actions for the goal, in the plan's actor order. */
static void
add_goal_actions (SaHandout *self,
                  SaRecord  *goal,
                  GPtrArray *actions)
{
  GPtrArray *actors = sa_timeline_layout_get_actors (self->layout);
  g_autofree char *number = g_strdup_printf (_("Basic Goal %d"),
                                             (int) sa_record_get_int (goal, SA_GOAL_NUMBER));

  _sa_text_table_add_heading (self->actions, number, sa_record_get_text (goal, SA_GOAL_TITLE));
  for (guint i = 0; i < actors->len; i++)
    {
      SaRecord *actor = g_ptr_array_index (actors, i);
      g_autoptr(GString) list = g_string_new (NULL);
      const char *cells[2];

      for (guint j = 0; j < actions->len; j++)
        {
          SaRecord *action = g_ptr_array_index (actions, j);

          if (g_strcmp0 (sa_record_get_text (action, SA_EXPECTED_ACTION_ACTOR_ID),
                         sa_record_get_id (actor)) == 0)
            g_string_append_printf (list, "%s・%s", list->len ? "\n" : "",
                                    sa_record_get_text (action, SA_EXPECTED_ACTION_TEXT));
        }
      if (list->len == 0 || !actor_shown (self, sa_record_get_id (actor)))
        continue;
      cells[0] = sa_record_get_text (actor, SA_ACTOR_NAME);
      cells[1] = list->str;
      _sa_text_table_add_row (self->actions, cells);
    }
}

static gboolean
build_actions (SaHandout  *self,
               SaStore    *store,
               GError    **error)
{
  GPtrArray *goals = sa_timeline_layout_get_goals (self->layout);
  const char *headers[] = { _("Who"), _("Expected actions (examples)") };
  const double shares[] = { 0.2, 0.8 };
  g_autoptr(SaTextTable) table = _sa_text_table_new (self->context, 2, headers, shares, TRUE);
  gboolean any = FALSE;

  self->actions = g_steal_pointer (&table);
  for (guint i = 0; i < goals->len; i++)
    {
      SaRecord *goal = g_ptr_array_index (goals, i);
      g_autoptr(GPtrArray) actions = sa_store_list (store, &sa_expected_action_table, "goal_id",
                                                    sa_record_get_id (goal), error);

      if (actions == NULL)
        return FALSE;
      if (actions->len > 0)
        {
          add_goal_actions (self, goal, actions);
          any = TRUE;
        }
    }
  if (!any)
    g_clear_pointer (&self->actions, _sa_text_table_free);
  return TRUE;
}

/* ---- Page furniture ------------------------------------------------------------ */

static char *
format_date (const GDate  *date,
             SaYearFormat  format)
{
  if (format == SA_YEAR_FORMAT_FY || format == SA_YEAR_FORMAT_WESTERN)
    /* Translators: a date in the handout's header: year, month, day */
    return g_strdup_printf (_("%d-%02d-%02d"), g_date_get_year (date),
                            g_date_get_month (date), g_date_get_day (date));
  return sa_date_format_era (date);
}

/* The plan's years, in the table's form, but spelled out where that is a bare
 * number ("22"). */
static char *
format_period (SaRecord     *plan,
               SaYearFormat  format)
{
  g_autofree char *first = NULL, *last = NULL;

  if (format == SA_YEAR_FORMAT_SHORT || format == SA_YEAR_FORMAT_ERA_LETTER)
    format = SA_YEAR_FORMAT_ERA;
  first = sa_fiscal_year_label ((int) sa_record_get_int (plan, SA_PLAN_FIRST_FY), format);
  last = sa_fiscal_year_label ((int) sa_record_get_int (plan, SA_PLAN_LAST_FY), format);
  return g_strdup_printf (_("Plan period: %s to %s"), first, last);
}

/* One section is named in full; several by their labels, 第1節・第2節. */
static char *
sections_text (SaHandout *self)
{
  GPtrArray *sections = sa_timeline_layout_get_sections (self->layout);
  SaRecord *section = g_ptr_array_index (sections, 0);
  const char *label = sa_record_get_text (section, SA_SECTION_LABEL);
  GString *text;

  if (sections->len == 1)
    return g_strdup_printf ("%s%s%s", label ? label : "", label ? "　" : "",
                            sa_record_get_text (section, SA_SECTION_TITLE));
  text = g_string_new (NULL);
  for (guint i = 0; i < sections->len; i++)
    {
      section = g_ptr_array_index (sections, i);
      label = sa_record_get_text (section, SA_SECTION_LABEL);
      g_string_append_printf (text, "%s%s", i > 0 ? "・" : "",
                              label ? label : sa_record_get_text (section, SA_SECTION_TITLE));
    }
  return g_string_free (text, FALSE);
}

static void
build_furniture (SaHandout *self)
{
  SaRecord *plan = sa_timeline_layout_get_plan (self->layout);
  g_autofree char *subtitle = NULL, *date = NULL, *period = NULL;
  GDate today;

  if (!g_date_valid (&self->options.date))
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      self->options.date = today;
    }
  subtitle = sections_text (self);
  date = format_date (&self->options.date, self->options.timeline.year_format);
  period = format_period (plan, self->options.timeline.year_format);

  self->period = _sa_render_text (self->context, SA_FONT_SMALL, period, 0);
  pango_layout_set_alignment (self->period, PANGO_ALIGN_RIGHT);
  self->title = _sa_render_text (self->context, SA_FONT_TITLE,
                                 self->options.title ? self->options.title
                                                     : sa_record_get_text (plan, SA_PLAN_TITLE), 0);
  self->subtitle = _sa_render_text (self->context, SA_FONT_SUBTITLE, subtitle, 0);
  self->date = _sa_render_text (self->context, SA_FONT_SUBTITLE, date, 0);
  pango_layout_set_alignment (self->date, PANGO_ALIGN_RIGHT);
  self->footer = _sa_render_text (self->context, SA_FONT_SMALL, "", 0);
  pango_layout_set_alignment (self->footer, PANGO_ALIGN_CENTER);
  if (self->options.timeline.show_counts)
    self->legend = _sa_render_text (self->context, SA_FONT_SMALL,
                                    _("Figures in the year columns: activities recorded for the commitment that year"), 0);
}

/* Part titles appear only when the schedule is not alone. */
static void
build_part_titles (SaHandout *self)
{
  const char *titles[] = { _("Current situation and challenges"), _("Commitments and schedule"),
                           _("Expected actions (examples)") };

  if (self->notes == NULL && self->actions == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    self->part_titles[i] = _sa_render_text (self->context, SA_FONT_HEADING, titles[i], 0);
}

/**
 * sa_handout_new:
 * @store: the store to read the plan from
 * @options: (nullable): what to show and on what paper; %NULL for the first section
 *   on A4 landscape, dated today
 * @error: set when the options name a section, goal or actor that does not exist, or
 *   years outside the plan's
 *
 * Returns: (transfer full) (nullable): the handout, paginated
 */
SaHandout *
sa_handout_new (SaStore                 *store,
                const SaHandoutOptions  *options,
                GError                 **error)
{
  g_autoptr(SaHandout) self = NULL;
  double width, height;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SA_TYPE_HANDOUT, NULL);
  if (options != NULL)
    {
      sa_handout_options_clear (&self->options);
      copy_options (&self->options, options);
    }
  self->options.timeline.font = self->options.font;
  self->options.timeline.text_size = self->options.large_print ? SA_TEXT_SIZE_LARGE : SA_TEXT_SIZE_PRINT;
  _sa_render_context_set_style (self->context, self->options.font, self->options.timeline.text_size);

  if (!(self->layout = sa_timeline_layout_new (store, &self->options.timeline, error)) ||
      (self->options.situation_notes && !build_notes (self, store, error)) ||
      (self->options.expected_actions && !build_actions (self, store, error)))
    return NULL;
  build_furniture (self);
  build_part_titles (self);

  width = self->options.paper == SA_PAPER_A3 ? A4_LONG : A4_SHORT;
  height = self->options.paper == SA_PAPER_A3 ? A3_LONG : A4_LONG;
  if (self->options.portrait)
    sa_handout_set_page_size (self, width, height);
  else
    sa_handout_set_page_size (self, height, width);
  return g_steal_pointer (&self);
}

/**
 * sa_handout_get_layout:
 * @self: a handout
 *
 * Returns: (transfer none): the schedule table's layout
 */
SaTimelineLayout *
sa_handout_get_layout (SaHandout *self)
{
  g_return_val_if_fail (SA_IS_HANDOUT (self), NULL);

  return self->layout;
}

static void
measure_furniture (SaHandout *self,
                   double     width)
{
  double date_width;

  /* The date and the plan's years on the right; the title and section take the rest. */
  _sa_render_set_width (self->date, 0);
  _sa_render_set_width (self->period, 0);
  date_width = MAX (_sa_render_text_width (self->date), _sa_render_text_width (self->period));
  _sa_render_set_width (self->title, width - date_width - 24);
  _sa_render_set_width (self->subtitle, width - date_width - 24);
  _sa_render_set_width (self->footer, width);
  /* The legend wraps before the page number, which is centred under it. */
  if (self->legend != NULL)
    _sa_render_set_width (self->legend, width / 2 - LEGEND_GAP);

  self->header_height = _sa_render_text_height (self->title) + _sa_render_text_height (self->subtitle)
                        + HEADER_GAP + 4;
  self->footer_height = _sa_render_text_height (self->footer) + FOOTER_GAP;
  if (self->legend != NULL)
    self->footer_height = MAX (self->footer_height, _sa_render_text_height (self->legend) + FOOTER_GAP);
  for (guint i = 0; i < G_N_ELEMENTS (self->part_titles); i++)
    if (self->part_titles[i] != NULL)
      _sa_render_set_width (self->part_titles[i], width);
}

/**
 * sa_handout_set_page_size:
 * @self: a handout
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Lays the handout out again for pages of another size, such as the paper a print
 * dialog settled on. The table fills the width between the margins, and is scaled
 * down when it cannot be that narrow.
 */
void
sa_handout_set_page_size (SaHandout *self,
                          double     width,
                          double     height)
{
  double body_width;

  g_return_if_fail (SA_IS_HANDOUT (self));
  g_return_if_fail (width > 2 * MARGIN + 100 && height > 2 * MARGIN + 100);

  self->page_width = width;
  self->page_height = height;
  body_width = width - 2 * MARGIN;

  measure_furniture (self, body_width);
  sa_timeline_layout_set_width (self->layout, body_width);
  self->scale = MIN (1.0, body_width / sa_timeline_layout_get_width (self->layout));
  if (self->notes != NULL)
    _sa_text_table_measure (self->notes, body_width);
  if (self->actions != NULL)
    _sa_text_table_measure (self->actions, body_width);

  self->body_height = height - 2 * MARGIN - self->header_height - self->footer_height;
  _sa_handout_paginate (self);
}

/**
 * sa_handout_get_page_size:
 * @self: a handout
 * @width: (out) (optional): the page's width in points
 * @height: (out) (optional): the page's height in points
 */
void
sa_handout_get_page_size (SaHandout *self,
                          double    *width,
                          double    *height)
{
  g_return_if_fail (SA_IS_HANDOUT (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

/**
 * sa_handout_get_scale:
 * @self: a handout
 *
 * Returns: how much the schedule table is scaled on the page: 1, or less when it
 *   does not fit the width at its natural size
 */
double
sa_handout_get_scale (SaHandout *self)
{
  g_return_val_if_fail (SA_IS_HANDOUT (self), 1);

  return self->scale;
}

/**
 * sa_handout_get_body_size:
 * @self: a handout
 *
 * Returns: the size, in points on the paper, of the schedule table's body text
 *   once the table is fitted to the page
 */
double
sa_handout_get_body_size (SaHandout *self)
{
  g_return_val_if_fail (SA_IS_HANDOUT (self), 0);

  return _sa_render_font_size (self->context, SA_FONT_BODY) * self->scale;
}

/**
 * sa_handout_describe_font:
 * @self: a handout
 *
 * Returns: (transfer full): the typeface the pages are printed in, and which one
 *   was missing when that is a fallback
 */
char *
sa_handout_describe_font (SaHandout *self)
{
  g_return_val_if_fail (SA_IS_HANDOUT (self), NULL);

  return sa_print_font_describe (self->options.font);
}

guint
sa_handout_get_n_pages (SaHandout *self)
{
  g_return_val_if_fail (SA_IS_HANDOUT (self), 0);

  return self->pages->len;
}

/**
 * sa_handout_get_page_rows:
 * @self: a handout
 * @page: a page, from 0
 * @first: (out) (optional): the first timeline row on the page
 * @end: (out) (optional): one past the last
 *
 * Returns: whether the page shows any of the schedule table's rows
 */
gboolean
sa_handout_get_page_rows (SaHandout *self,
                          guint      page,
                          guint     *first,
                          guint     *end)
{
  const SaHandoutPage *p;
  gboolean found = FALSE;

  g_return_val_if_fail (SA_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (page < self->pages->len, FALSE);

  p = &g_array_index (self->pages, SaHandoutPage, page);
  for (guint i = p->first; i < p->end; i++)
    {
      const SaHandoutItem *item = &g_array_index (self->items, SaHandoutItem, i);

      if (item->kind != SA_HANDOUT_ITEM_TIMELINE)
        continue;
      if (!found && first != NULL)
        *first = item->row;
      if (end != NULL)
        *end = item->row + 1;
      found = TRUE;
    }
  return found;
}
