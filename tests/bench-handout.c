/* bench-handout.c: the handout, against cairo writing plain text
 *
 *   bench-handout [PATH]
 *
 * The handout of the first section of the plan at PATH, a database from
 * bench-generate; without PATH, of a made-up plan of 500 commitments with 100,000
 * activities. Times laying it out (reading the plan and counting the activities),
 * paginating it and writing the PDF. The baseline, measured in the same run, is
 * cairo and Pango writing as many lines of the same text to a PDF, one line each:
 * what any PDF of this text costs. Prints a FIGURE line for bench.py.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "bench-figure.h"
#include "render-fixture.h"
#include "sa-activity-link.h"
#include "sa-activity.h"
#include "sa-handout.h"
#include "sa-section.h"
#include "sa-store-timeline.h"
#include "sa-timeline-layout.h"

#define N_GOALS        10
#define N_COMMITMENTS  50   /* per goal */
#define N_ACTIVITIES   100000

static const char * const texts[] = {
  "地域で行われている助け合いの活動を紹介する。(他地域での取組事例など)",
  "保育園、幼稚園、小・中・高校、大学が地域活動に参加できるように働きかける。",
  "地域やケアプラザで活動中の人たちの交流の機会をつくる。",
  "交流の居場所の立ち上げを支援する。",
};

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
insert (SaStore  *store,
        SaRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!sa_store_insert (store, record, &error))
    g_error ("%s", error->message);
}

static void
add_activities (SaStore   *store,
                GPtrArray *commitments)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_APRIL, 2010);
  for (guint i = 0; i < N_ACTIVITIES; i++)
    {
      g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());
      g_autoptr(SaRecord) link = SA_RECORD (sa_activity_link_new ());
      const char *commitment = g_ptr_array_index (commitments, (i * 7919) % commitments->len);
      g_autofree char *date = NULL, *link_id = NULL;
      GDate when = day;

      /* Six fiscal years of days, 2191 of them, visited in a scattered order. */
      g_date_add_days (&when, (i * 37) % 2191);
      date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&when), g_date_get_month (&when),
                              g_date_get_day (&when));
      sa_record_set_text (activity, SA_ACTIVITY_DATE, date);
      sa_record_set_text (activity, SA_ACTIVITY_TITLE, "ふれあいサロン");
      insert (store, activity);
      link_id = sa_activity_link_make_id (sa_record_get_id (activity), commitment);
      sa_record_set_id (link, link_id);
      sa_record_set_text (link, SA_ACTIVITY_LINK_ACTIVITY_ID, sa_record_get_id (activity));
      sa_record_set_text (link, SA_ACTIVITY_LINK_COMMITMENT_ID, commitment);
      insert (store, link);
    }
}

static GPtrArray *
commitment_ids (SaTimelineLayout *layout)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sa_timeline_layout_get_n_rows (layout); i++)
    if (sa_timeline_layout_get_row (layout, i)->kind == SA_TIMELINE_ROW_COMMITMENT)
      g_ptr_array_add (ids, g_strdup (sa_timeline_layout_get_row (layout, i)->id));
  return ids;
}

static char *
make_plan (SaStore *store)
{
  g_autofree char *section = render_fixture_add_plan (store, N_GOALS, N_COMMITMENTS, NULL);
  g_autoptr(SaTimelineLayout) layout = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  SaTimelineOptions options;

  sa_timeline_options_init (&options);
  options.section_id = section;
  layout = sa_timeline_layout_new (store, &options, NULL);
  ids = commitment_ids (layout);
  g_assert_cmpuint (ids->len, ==, N_GOALS * N_COMMITMENTS);

  g_assert_true (sa_store_begin (store, NULL));
  add_activities (store, ids);
  g_assert_true (sa_store_commit (store, NULL));
  return g_steal_pointer (&section);
}

/* Cairo and Pango writing @n_lines lines, 40 to a page, in the handout's font. */
static double
baseline (const char *path,
          guint       n_lines)
{
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 841.89, 595.276);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK JP 9.5");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  for (guint i = 0; i < n_lines; i++)
    {
      if (i > 0 && i % 40 == 0)
        cairo_show_page (cr);
      pango_layout_set_text (layout, texts[i % G_N_ELEMENTS (texts)], -1);
      cairo_move_to (cr, 28, 28 + (i % 40) * 13.5);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return seconds_since (start);
}

static void
bench (SaStore    *store,
       const char *section,
       const char *dir,
       const char *what)
{
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autoptr(SaTimelineLayout) layout = NULL;
  g_autoptr(SaHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SaHandoutOptions) options;
  double counted, laid_out, reflowed, paginated, written, total, base;
  gint64 start;
  guint n_rows;

  sa_handout_options_init (&options);
  options.timeline.section_id = g_strdup (section);
  options.timeline.show_counts = TRUE;

  /* The count alone, the part of the layout that grows with the activities. */
  start = g_get_monotonic_time ();
  g_hash_table_unref (sa_store_count_commitment_activities (store, 2010, 2015, &error));
  g_assert_no_error (error);
  counted = seconds_since (start);

  /* Layout: reading the plan, counting the activities, measuring the text. */
  start = g_get_monotonic_time ();
  layout = sa_timeline_layout_new (store, &options.timeline, &error);
  g_assert_no_error (error);
  laid_out = seconds_since (start);
  n_rows = sa_timeline_layout_get_n_rows (layout);

  /* Pagination: the handout lays its table out as above; time the page flow, and
   * a new paper width, which wraps every text again. */
  handout = sa_handout_new (store, &options, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  sa_handout_set_page_size (handout, 595.276, 841.89);
  reflowed = seconds_since (start);
  start = g_get_monotonic_time ();
  sa_handout_set_page_size (handout, 841.89, 595.276);
  paginated = seconds_since (start);

  start = g_get_monotonic_time ();
  g_assert_true (sa_handout_write_pdf (handout, pdf, &error));
  g_assert_no_error (error);
  written = seconds_since (start);
  total = laid_out + paginated + written;
  base = baseline (plain, n_rows);

  g_print ("%s\n", what);
  g_print ("layout      %7.1f ms  (%u rows, with the counts per year, which alone take %.1f ms)\n",
           laid_out * 1e3, n_rows, counted * 1e3);
  g_print ("pagination  %7.1f ms  (%u pages, A4 landscape; to A4 portrait, wrapping all again: %.1f ms)\n",
           paginated * 1e3, sa_handout_get_n_pages (handout), reflowed * 1e3);
  g_print ("pdf         %7.1f ms\n", written * 1e3);
  g_print ("total       %7.1f ms\n", total * 1e3);
  g_print ("baseline    %7.1f ms  (cairo + Pango, %u plain lines to PDF)\n", base * 1e3, n_rows);
  bench_figure (what, total * 1e3, "ms", "cairo + Pango, as many plain lines", base * 1e3, "< 1000");
  g_remove (pdf);
  g_remove (plain);
}

int
main (int    argc,
      char **argv)
{
  RenderFixture f;
  g_autofree char *section = NULL;
  g_autofree char *what = NULL;

  render_fixture_setup (&f, NULL);
  if (argc == 2)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SaStore) store = sa_store_open (argv[1], &error);
      g_autoptr(GPtrArray) sections = NULL;

      g_assert_no_error (error);
      sections = sa_store_list (store, &sa_section_table, NULL, NULL, NULL);
      g_assert_cmpuint (sections->len, >, 0);
      bench (store, sa_record_get_id (g_ptr_array_index (sections, 0)), f.dir,
             "handout PDF: the sample plan's section, with its activities counted");
    }
  else
    {
      gint64 start = g_get_monotonic_time ();

      section = make_plan (f.store);
      what = g_strdup_printf ("handout PDF: %u commitments, %u activities", N_GOALS * N_COMMITMENTS, N_ACTIVITIES);
      g_print ("plan made in %.2f s\n", seconds_since (start));
      bench (f.store, section, f.dir, what);
    }
  render_fixture_teardown (&f, NULL);
  return 0;
}
