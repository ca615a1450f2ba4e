/* test-cell-text.c: a cell's text draws inside its cell, with no clip, and takes its
 * size from its font
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "sa-cell-text.h"
#include "sa-test-gui.h"

#define LONG_TITLE "地域の見守り活動と子育てサロンの合同会議、ボランティア連絡会を兼ねて"

/* Cells in a row, each with room around it as a table's cells have. */
typedef struct
{
  GtkWidget *window;
  GtkWidget *row;
  GtkWidget *date;
  GtkWidget *title;
  GtkWidget *number;
} Fixture;

static GtkWidget *
add_cell (GtkWidget  *row,
          GtkWidget  *cell,
          int         width,
          const char *text)
{
  gtk_widget_set_size_request (cell, width, -1);
  g_object_set (cell, "margin-start", 7, "margin-end", 7, "margin-top", 2, "margin-bottom", 2, NULL);
  sa_cell_text_set_text (SA_CELL_TEXT (cell), text);
  gtk_box_append (GTK_BOX (row), cell);
  return cell;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  fixture->date = add_cell (fixture->row, sa_cell_text_new (0, FALSE), 90, "2016-03-29");
  fixture->title = add_cell (fixture->row, sa_cell_text_new (0, FALSE), 120, LONG_TITLE);
  fixture->number = add_cell (fixture->row, sa_cell_text_new (1, TRUE), 60, "393087");
  gtk_widget_set_valign (fixture->row, GTK_ALIGN_START);
  gtk_widget_set_halign (fixture->row, GTK_ALIGN_START);
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->row);
  gtk_window_present (GTK_WINDOW (fixture->window));
  sa_test_wait ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

/* A text the row drew: where its glyphs are, in the row, and its baseline. */
typedef struct
{
  graphene_rect_t ink;
  float           baseline;
} Text;

/* Collects the texts under @node, which must hold nothing that clips. */
static void
collect_texts (GskRenderNode *node,
               float          dx,
               float          dy,
               GArray        *texts)
{
  float tx = 0, ty = 0;
  Text text;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      gsk_render_node_get_bounds (node, &text.ink);
      /* GTK grows a text's bounds by a pixel around its glyphs. */
      graphene_rect_inset (&text.ink, 1, 1);
      graphene_rect_offset (&text.ink, dx, dy);
      text.baseline = dy + gsk_text_node_get_offset (node)->y;
      g_array_append_val (texts, text);
      break;
    case GSK_TRANSFORM_NODE:
      gsk_transform_to_translate (gsk_transform_node_get_transform (node), &tx, &ty);
      collect_texts (gsk_transform_node_get_child (node), dx + tx, dy + ty, texts);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_texts (gsk_container_node_get_child (node, i), dx, dy, texts);
      break;
    default:
      g_error ("the cells drew a %s", g_type_name (G_TYPE_FROM_INSTANCE (node)));
    }
}

/* The texts of the row, drawn as GTK's renderer gets them, left to right. */
static GArray *
draw (Fixture *fixture)
{
  g_autoptr(GskRenderNode) node = sa_test_draw (fixture->row);
  GArray *texts = g_array_new (FALSE, FALSE, sizeof (Text));

  collect_texts (node, 0, 0, texts);
  /* A line in two fonts is a text each. */
  g_assert_cmpuint (texts->len, >=, 3);
  return texts;
}

/* Each cell's text stays inside it, a long title cut short with “…”, without a
 * clip: GTK's GL renderer starts a new batch of drawing at every clip. */
static void
test_inside_its_cell (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GArray) texts = draw (fixture);
  guint n_drawn = 0;

  for (GtkWidget *cell = gtk_widget_get_first_child (fixture->row); cell; cell = gtk_widget_get_next_sibling (cell))
    {
      graphene_rect_t bounds;
      gboolean drawn = FALSE;

      g_assert_true (gtk_widget_compute_bounds (cell, fixture->row, &bounds));
      for (guint i = 0; i < texts->len; i++)
        {
          const Text *text = &g_array_index (texts, Text, i);
          graphene_point_t start = GRAPHENE_POINT_INIT (text->ink.origin.x, text->baseline);

          if (!graphene_rect_contains_point (&bounds, &start))
            continue;
          if (!graphene_rect_contains_rect (&bounds, &text->ink))
            g_error ("“%s” draws at %g,%g %g×%g, outside its cell at %g,%g %g×%g",
                     sa_cell_text_get_text (SA_CELL_TEXT (cell)), text->ink.origin.x, text->ink.origin.y,
                     text->ink.size.width, text->ink.size.height, bounds.origin.x, bounds.origin.y,
                     bounds.size.width, bounds.size.height);
          drawn = TRUE;
        }
      n_drawn += drawn;
    }
  g_assert_cmpuint (n_drawn, ==, 3);
}

/* Latin digits and Japanese text, in fonts of different heights, stand on one line. */
static void
test_one_baseline (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GArray) texts = draw (fixture);

  for (guint i = 1; i < texts->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (texts, Text, i).baseline, g_array_index (texts, Text, 0).baseline, 0.5);
}

/* Measured afresh, not from GTK's cache of sizes. */
static void
measure (GtkWidget *cell,
         int       *width,
         int       *height)
{
  gtk_widget_queue_resize (cell);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, width, NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, NULL, height, NULL, NULL);
}

/* A cell's size does not follow its text: a search that refills 200 rows lays
 * nothing out again. */
static void
test_size_from_font (Fixture       *fixture,
                     gconstpointer  data)
{
  int short_width, short_height, long_width, long_height;

  sa_cell_text_set_text (SA_CELL_TEXT (fixture->title), "会");
  measure (fixture->title, &short_width, &short_height);
  sa_cell_text_set_text (SA_CELL_TEXT (fixture->title), LONG_TITLE LONG_TITLE);
  measure (fixture->title, &long_width, &long_height);
  g_assert_cmpint (short_width, ==, long_width);
  g_assert_cmpint (short_height, ==, long_height);
  g_assert_cmpstr (sa_cell_text_get_text (SA_CELL_TEXT (fixture->title)), ==, LONG_TITLE LONG_TITLE);
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);

  g_test_add ("/cell-text/inside-its-cell", Fixture, NULL, fixture_set_up, test_inside_its_cell, fixture_tear_down);
  g_test_add ("/cell-text/one-baseline", Fixture, NULL, fixture_set_up, test_one_baseline, fixture_tear_down);
  g_test_add ("/cell-text/size-from-font", Fixture, NULL, fixture_set_up, test_size_from_font, fixture_tear_down);
  return g_test_run ();
}
