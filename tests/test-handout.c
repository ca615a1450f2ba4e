/* test-handout.c: handout pages: sizes, page breaks, repeated headers, the PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "render-fixture.h"
#include "sa-error.h"
#include "sa-handout.h"

#define SAMPLE GINT_TO_POINTER (1)
#define MARGIN 28.0

static SaHandout *
new_handout (SaStore                *store,
             const SaHandoutOptions *options)
{
  g_autoptr(GError) error = NULL;
  SaHandout *handout = sa_handout_new (store, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (handout);
  return handout;
}

static void
init_options (SaHandoutOptions *options,
              const char       *section)
{
  sa_handout_options_init (options);
  options->timeline.section_id = g_strdup (section);
  g_date_set_dmy (&options->date, 1, G_DATE_APRIL, 2010);
}

/* Each page's drawing stays within the margins (and the outline's half width). */
static void
assert_pages_inside (SaHandout *handout)
{
  double width, height;

  sa_handout_get_page_size (handout, &width, &height);
  for (guint page = 0; page < sa_handout_get_n_pages (handout); page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h;

      sa_handout_draw_page (handout, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      /* Ink extents come in whole points. */
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      g_assert_cmpfloat (x, >=, MARGIN - 2);
      g_assert_cmpfloat (y, >=, MARGIN - 2);
      g_assert_cmpfloat (x + w, <=, width - MARGIN + 2);
      g_assert_cmpfloat (y + h, <=, height - MARGIN + 2);
      cairo_surface_destroy (surface);
    }
}

/* Every schedule row is on exactly one page, in order, and a page does not end
 * with a section's or a goal's heading; with @cut, a row may go on from one page to the next. */
static void
assert_rows_paged_cut (SaHandout *handout,
                       gboolean   cut)
{
  SaTimelineLayout *layout = sa_handout_get_layout (handout);
  guint next = 0;

  for (guint page = 0; page < sa_handout_get_n_pages (handout); page++)
    {
      guint first, end;

      if (!sa_handout_get_page_rows (handout, page, &first, &end))
        continue;
      g_assert_true (first == next || (cut && first + 1 == next));
      g_assert_cmpuint (end, >, first);
      g_assert_cmpint (sa_timeline_layout_get_row (layout, end - 1)->kind, ==, SA_TIMELINE_ROW_COMMITMENT);
      next = end;
    }
  g_assert_cmpuint (next, ==, sa_timeline_layout_get_n_rows (layout));
}

static void
assert_rows_paged (SaHandout *handout)
{
  assert_rows_paged_cut (handout, FALSE);
}

static void
assert_page_size (SaHandout *handout,
                  double     width,
                  double     height)
{
  double w, h;

  sa_handout_get_page_size (handout, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, width, 0.01);
  g_assert_cmpfloat_with_epsilon (h, height, 0.01);
}

static void
test_paper (RenderFixture *f,
            gconstpointer  data)
{
  static const struct { SaPaper paper; gboolean portrait; double width, height; } papers[] = {
    { SA_PAPER_A4, FALSE, 841.89, 595.276 },
    { SA_PAPER_A4, TRUE, 595.276, 841.89 },
    { SA_PAPER_A3, FALSE, 1190.551, 841.89 },
    { SA_PAPER_A3, TRUE, 841.89, 1190.551 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_auto(SaHandoutOptions) options;
      g_autoptr(SaHandout) handout = NULL;
      SaTimelineLayout *layout;

      init_options (&options, NULL);
      options.paper = papers[i].paper;
      options.portrait = papers[i].portrait;
      handout = new_handout (f->store, &options);
      layout = sa_handout_get_layout (handout);

      assert_page_size (handout, papers[i].width, papers[i].height);
      /* Fit to width: the table fills the space between the margins. */
      g_assert_cmpfloat_with_epsilon (sa_timeline_layout_get_width (layout) * sa_handout_get_scale (handout),
                                      papers[i].width - 2 * MARGIN, 0.01);
      assert_rows_paged (handout);
      assert_pages_inside (handout);
    }
}

/* On every paper, once the table is fitted to the page, body text is at least
 * 11 pt, and 14 pt in large print. */
static void
test_body_size (RenderFixture *f,
                gconstpointer  data)
{
  for (guint large = 0; large <= 1; large++)
    for (guint paper = SA_PAPER_A4; paper <= SA_PAPER_A3; paper++)
      for (guint portrait = 0; portrait <= 1; portrait++)
        {
          g_auto(SaHandoutOptions) options;
          g_autoptr(SaHandout) handout = NULL;

          init_options (&options, NULL);
          options.paper = paper;
          options.portrait = portrait;
          options.large_print = large;
          handout = new_handout (f->store, &options);
          g_assert_cmpfloat (sa_handout_get_body_size (handout), >=, large ? 14.0 : 11.0);
          assert_rows_paged (handout);
          assert_pages_inside (handout);
        }
}

/* A3 landscape has room for the whole sample; A4 landscape needs two pages. */
static void
test_sample_pages (RenderFixture *f,
                   gconstpointer  data)
{
  g_auto(SaHandoutOptions) options;
  g_autoptr(SaHandout) a3 = NULL;
  g_autoptr(SaHandout) a4 = NULL;

  init_options (&options, NULL);
  options.paper = SA_PAPER_A3;
  a3 = new_handout (f->store, &options);
  g_assert_cmpuint (sa_handout_get_n_pages (a3), ==, 1);

  options.paper = SA_PAPER_A4;
  a4 = new_handout (f->store, &options);
  g_assert_cmpuint (sa_handout_get_n_pages (a4), ==, 2);
}

static char *
write_pdf (RenderFixture *f,
           SaHandout     *handout,
           const char    *name)
{
  g_autoptr(GError) error = NULL;
  char *pdf = g_build_filename (f->dir, name, NULL);

  g_assert_true (sa_handout_write_pdf (handout, pdf, &error));
  g_assert_no_error (error);
  return pdf;
}

static guint
count_substrings (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A plan long enough for three pages: rows never split, the header on each page. */
static void
test_three_pages (RenderFixture *f,
                  gconstpointer  data)
{
  g_autofree char *section = render_fixture_add_plan (f->store, 3, 14, NULL);
  g_auto(SaHandoutOptions) options;
  g_autoptr(SaHandout) handout = NULL;
  g_autofree char *pdf = NULL;
  guint n_pages;

  init_options (&options, section);
  handout = new_handout (f->store, &options);
  n_pages = sa_handout_get_n_pages (handout);
  g_assert_cmpuint (n_pages, ==, 3);
  assert_rows_paged (handout);
  assert_pages_inside (handout);

  pdf = write_pdf (f, handout, "long.pdf");
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = render_fixture_pdf_text (pdf, page);
      g_autofree char *footer = g_strdup_printf ("%u/%u", page, n_pages);
      g_autofree char *squeezed = NULL;
      guint first, end;

      if (text == NULL)
        return;
      /* pdftotext closes up the narrow spaces of "n / N". */
      squeezed = without_spaces (text);
      g_assert_nonnull (strstr (text, "What we do in the plan period"));
      g_assert_nonnull (strstr (text, "Schedule (fiscal year)"));
      g_assert_nonnull (strstr (text, "22"));
      g_assert_nonnull (strstr (text, "27"));
      g_assert_nonnull (strstr (text, "長い計画"));
      g_assert_nonnull (strstr (squeezed, footer));
      /* The page's rows, and only those, are in its text. */
      g_assert_true (sa_handout_get_page_rows (handout, page - 1, &first, &end));
      for (guint i = 0; i < sa_timeline_layout_get_n_rows (sa_handout_get_layout (handout)); i++)
        {
          const SaTimelineRow *row = sa_timeline_layout_get_row (sa_handout_get_layout (handout), i);

          if (row->kind == SA_TIMELINE_ROW_COMMITMENT)
            g_assert_cmpuint (count_substrings (text, row->text), ==, i >= first && i < end ? 1 : 0);
        }
    }
}

/* A commitment taller than a page is cut between its lines, and no line is lost. */
static void
test_oversized_row (RenderFixture *f,
                    gconstpointer  data)
{
  g_autofree char *long_text = NULL;
  g_autofree char *section = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_auto(SaHandoutOptions) options;
  g_autoptr(SaHandout) handout = NULL;
  GString *builder = g_string_new (NULL);
  guint pages_with_row = 0;

  for (guint i = 0; i < 1999; i++)
    g_string_append (builder, "鶴");
  g_string_append (builder, "。");
  long_text = g_string_free (builder, FALSE);
  section = render_fixture_add_plan (f->store, 1, 1, long_text);

  init_options (&options, section);
  options.portrait = TRUE;
  handout = new_handout (f->store, &options);
  g_assert_cmpuint (sa_handout_get_n_pages (handout), >=, 2);
  for (guint page = 0; page < sa_handout_get_n_pages (handout); page++)
    {
      guint first, end;

      if (sa_handout_get_page_rows (handout, page, &first, &end) && first <= 2 && end > 2)
        pages_with_row++;
    }
  g_assert_cmpuint (pages_with_row, >=, 2);
  /* It starts under its goal's heading, not on a page of its own. */
  assert_rows_paged_cut (handout, TRUE);
  assert_pages_inside (handout);

  pdf = write_pdf (f, handout, "oversized.pdf");
  if ((text = render_fixture_pdf_text (pdf, 0)) == NULL)
    return;
  g_assert_cmpuint (count_substrings (text, "鶴"), ==, 1999);
}

static void
test_parts (RenderFixture *f,
            gconstpointer  data)
{
  g_auto(SaHandoutOptions) options;
  g_autoptr(SaHandout) plain = NULL;
  g_autoptr(SaHandout) full = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *first_page = NULL, *last_page = NULL;
  guint n_pages;

  init_options (&options, NULL);
  plain = new_handout (f->store, &options);
  options.situation_notes = TRUE;
  options.expected_actions = TRUE;
  full = new_handout (f->store, &options);
  n_pages = sa_handout_get_n_pages (full);
  g_assert_cmpuint (n_pages, >, sa_handout_get_n_pages (plain));
  assert_rows_paged (full);
  assert_pages_inside (full);
  /* The expected actions start a page of their own. */
  g_assert_false (sa_handout_get_page_rows (full, n_pages - 1, NULL, NULL));

  pdf = write_pdf (f, full, "full.pdf");
  if ((first_page = render_fixture_pdf_text (pdf, 1)) == NULL)
    return;
  g_assert_nonnull (strstr (first_page, "What has improved"));
  g_assert_nonnull (strstr (first_page, "高齢者・こどものサロン・居場所が増え、交流が進んでいる。"));
  g_assert_nonnull (strstr (first_page, "隣近所に相談できる人がいない。"));
  last_page = render_fixture_pdf_text (pdf, n_pages);
  g_assert_nonnull (strstr (last_page, "Expected actions (examples)"));
  g_assert_nonnull (strstr (last_page, "地域のネットワーク、交流の場へ参加する。"));
  g_assert_nonnull (strstr (last_page, "関係機関（施設・学校など）"));
}

static void
test_write_pdf (RenderFixture *f,
                gconstpointer  data)
{
  g_autoptr(SaHandout) handout = new_handout (f->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = write_pdf (f, handout, "h.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "h.pdf", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gsize length;

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* …and ends as a whole PDF does. */
  g_assert_cmpuint (length, >, 6);
  g_assert_cmpmem (contents + length - 6, 6, "%%EOF\n", 6);

  /* Written again, the file is replaced whole; no temporary file stays behind. */
  g_free (write_pdf (f, handout, "h.pdf"));
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "h.pdf."));

  g_assert_false (sa_handout_write_pdf (handout, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_finalize_object (g_steal_pointer (&handout));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, sample, func) \
  g_test_add ("/handout/" path, RenderFixture, sample, render_fixture_setup, func, render_fixture_teardown)
  ADD ("paper", SAMPLE, test_paper);
  ADD ("sample-pages", SAMPLE, test_sample_pages);
  ADD ("body-size", SAMPLE, test_body_size);
  ADD ("three-pages", NULL, test_three_pages);
  ADD ("oversized-row", NULL, test_oversized_row);
  ADD ("parts", SAMPLE, test_parts);
  ADD ("write-pdf", SAMPLE, test_write_pdf);
#undef ADD

  return g_test_run ();
}
