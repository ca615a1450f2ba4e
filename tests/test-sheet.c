/* test-sheet.c: SaSheet's pages: headings kept with their rows, rows never cut
 * unless taller than a page, and the review sheet built on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "render-fixture.h"
#include "sa-error.h"
#include "sa-review-sheet.h"
#include "sa-sheet.h"

#define SAMPLE GINT_TO_POINTER (1)

static const SaSheetColumn columns[] = {
  { "Name", 2, FALSE },
  { "Notes", 5, FALSE },
  { "Count", 1, TRUE },
};

/* Rows of 1 to 9 lines under five groups, and one of @tall lines. */
static SaSheet *
new_sheet (guint tall)
{
  SaSheet *sheet = sa_sheet_new ("Title", "Subtitle", G_N_ELEMENTS (columns), columns);

  for (guint g = 0; g < 5; g++)
    {
      g_autofree char *label = g_strdup_printf ("Group %u", g);

      sa_sheet_add_group (sheet, label, "a group of rows");
      for (guint r = 0; r < 8; r++)
        {
          g_autoptr(GString) notes = g_string_new ("line");
          g_autofree char *name = g_strdup_printf ("row %u.%u", g, r);
          const char *cells[] = { name, notes->str, "12" };

          for (guint k = 1; k < (g == 2 && r == 3 ? tall : 1 + (r * 7 + g) % 9); k++)
            g_string_append (notes, "\nline");
          cells[1] = notes->str;
          sa_sheet_add_row (sheet, cells);
        }
    }
  return sheet;
}

/* Pages cover the rows in order; a row is on two pages only where it is cut
 * (@cut: the one row that may be), and a heading never ends a page. */
static void
assert_pages (SaSheet *sheet,
              int      cut)
{
  guint n = sa_sheet_get_n_pages (sheet);
  guint expected = 0;

  for (guint page = 0; page < n; page++)
    {
      guint first, end;

      g_assert_true (sa_sheet_get_page_rows (sheet, page, &first, &end));
      g_assert_cmpuint (first, <, end);
      if (first + 1 == expected)
        g_assert_cmpint ((int) first, ==, cut);  /* goes on from the last page */
      else
        g_assert_cmpuint (first, ==, expected);
      expected = end;
      /* The last row of a page is not a heading (g * 9 is a group's). */
      if (page + 1 < n)
        g_assert_cmpuint ((end - 1) % 9, !=, 0);
    }
  g_assert_cmpuint (expected, ==, sa_sheet_get_n_rows (sheet));
}

static void
test_pages (void)
{
  g_autoptr(SaSheet) sheet = new_sheet (3);
  guint a4, a3;

  assert_pages (sheet, -1);
  a4 = sa_sheet_get_n_pages (sheet);
  g_assert_cmpuint (a4, >, 1);

  sa_sheet_set_paper (sheet, SA_PAPER_A3, FALSE);
  assert_pages (sheet, -1);
  a3 = sa_sheet_get_n_pages (sheet);
  g_assert_cmpuint (a3, <, a4);

  sa_sheet_set_paper (sheet, SA_PAPER_A4, TRUE);
  assert_pages (sheet, -1);
}

static void
test_tall_row (void)
{
  g_autoptr(SaSheet) sheet = new_sheet (150);
  guint spanned = 0;
  int tall = 2 * 9 + 1 + 3;

  assert_pages (sheet, tall);
  for (guint page = 0; page < sa_sheet_get_n_pages (sheet); page++)
    {
      guint first, end;

      sa_sheet_get_page_rows (sheet, page, &first, &end);
      spanned += (int) first <= tall && tall < (int) end;
    }
  g_assert_cmpuint (spanned, >, 1);
}

/* Every page draws on a PDF, and the file appears whole. */
static void
test_pdf (void)
{
  g_autoptr(SaSheet) sheet = new_sheet (150);
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-sheet-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  g_assert_true (sa_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);
  if ((text = render_fixture_pdf_text (pdf, 0)) != NULL)
    {
      last = g_strdup_printf ("%u / %u", sa_sheet_get_n_pages (sheet), sa_sheet_get_n_pages (sheet));
      g_assert_nonnull (strstr (text, "row 4.7"));
      g_assert_nonnull (strstr (text, last));
    }
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A row of totals follows the rows it sums, like any row. */
static void
test_total (void)
{
  g_autoptr(SaSheet) sheet = new_sheet (3);
  g_autofree char *dir = g_dir_make_tmp ("sasaeai-sheet-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "total.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *total[] = { "Total", NULL, "480" };
  guint n, first, end;

  sa_sheet_add_total (sheet, total);
  g_assert_cmpuint (sa_sheet_get_n_rows (sheet), ==, 5 * 9 + 1);
  n = sa_sheet_get_n_pages (sheet);
  g_assert_true (sa_sheet_get_page_rows (sheet, n - 1, &first, &end));
  g_assert_cmpuint (end, ==, 5 * 9 + 1);
  g_assert_true (sa_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);
  if ((text = render_fixture_pdf_text (pdf, n)) != NULL)
    g_assert_nonnull (strstr (text, "480"));
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_review_sheet (RenderFixture *f,
                   gconstpointer  data)
{
  g_autoptr(SaSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = sa_review_sheet_new (f->store, NULL, 2012, SA_YEAR_FORMAT_SHORT, &error);
  g_assert_no_error (error);
  /* The sample's three goals, and the commitments scheduled that year. */
  g_assert_cmpuint (sa_sheet_get_n_rows (sheet), >, 3);

  g_assert_null (sa_review_sheet_new (f->store, NULL, 2040, SA_YEAR_FORMAT_FY, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sa_review_sheet_new (f->store, "no-such-plan", 2012, SA_YEAR_FORMAT_FY, &error));
  g_assert_error (error, SA_ERROR, SA_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet/pages", test_pages);
  g_test_add_func ("/sheet/tall-row", test_tall_row);
  g_test_add_func ("/sheet/pdf", test_pdf);
  g_test_add_func ("/sheet/total", test_total);
  g_test_add ("/sheet/review-sheet", RenderFixture, SAMPLE, render_fixture_setup, test_review_sheet,
              render_fixture_teardown);
  return g_test_run ();
}
