/* sa-activity-columns.c: the activity log's columns: cells, sorting and widths
 *
 * Each column's cells are made once and filled again when the activity under them
 * changes: the rows are SaSlots (sa-slot-model.c), which the activities pass
 * through as the log searches and sorts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible.h"
#include "sa-activity-columns.h"
#include "sa-activity-item.h"
#include "sa-cell-text.h"
#include "sa-slot.h"

/* ---- Cells ---------------------------------------------------------------------- */

/* A cell's widget knows its list item, so that a row widget can tell its position
 * (sa_activity_columns_row_position). */
static void
set_cell_child (GtkListItem *list_item,
                GtkWidget   *child)
{
  g_object_set_data (G_OBJECT (child), "list-item", list_item);
  gtk_list_item_set_child (list_item, child);
}

/**
 * sa_activity_columns_row_position:
 * @row: a row widget of the column view's list
 * @position: (out): the row's position in the list
 *
 * GTK 4.8 neither says which row widget shows a position nor gives a row the
 * keyboard focus; its rows hold a cell per column, and the cells' widgets are ours.
 *
 * Returns: whether @row is a row that shows an item
 */
gboolean
sa_activity_columns_row_position (GtkWidget *row,
                                  guint     *position)
{
  GtkWidget *cell = gtk_widget_get_first_child (row);
  GtkWidget *child = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;
  GtkListItem *list_item = child != NULL ? g_object_get_data (G_OBJECT (child), "list-item") : NULL;

  if (list_item == NULL || gtk_list_item_get_item (list_item) == NULL)
    return FALSE;
  *position = gtk_list_item_get_position (list_item);
  return TRUE;
}

static void
setup_text_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  set_cell_child (list_item, sa_cell_text_new (0, FALSE));
}

static void
setup_number_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  set_cell_child (list_item, sa_cell_text_new (1, TRUE));
}

static gboolean query_commitments_tooltip (GtkWidget *box, int x, int y, gboolean keyboard,
                                           GtkTooltip *tooltip, GHashTable    *texts);

static void
setup_commitments_cell (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        GHashTable               *texts)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *first = sa_cell_text_new (0, FALSE);
  GtkWidget *more = gtk_label_new (NULL);

  gtk_widget_set_hexpand (first, TRUE);
  gtk_widget_add_css_class (more, "dim-label");
  gtk_widget_add_css_class (more, "numeric");
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), more);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (query_commitments_tooltip), texts);
  set_cell_child (list_item, box);
}

/* The cell says its text; an empty one says so, not its type name. */
static void
name_cell (GtkListItem *list_item,
           const char  *text)
{
  sa_accessible_name_list_item (list_item, text && *text ? text : C_("empty cell", "None"));
}

static void
set_cell_text (GtkListItem *list_item,
               const char  *text)
{
  sa_cell_text_set_text (SA_CELL_TEXT (gtk_list_item_get_child (list_item)), text);
  name_cell (list_item, text);
}

static void
set_cell_number (GtkListItem *list_item,
                 guint        number)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", number);
  set_cell_text (list_item, text);
}

/* The column view's header row and its list of rows, which GTK 4.8 names by type. */
static void
name_column_view_parts (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    GTK_IS_LIST_VIEW (child) ? _("Activity records") : _("Column headers"), -1);
}

/* A heading cut short by a narrow column ends in "…", and says itself whole in a
 * tooltip. */
static void
ellipsize_headings (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (widget, gtk_label_get_text (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_LIST_VIEW (child))
      ellipsize_headings (child);
}

/* The activity a cell shows: rows are slots, which the activities pass through. */
static SaActivityItem *
cell_item (GtkListItem *list_item)
{
  SaSlot *slot = gtk_list_item_get_item (list_item);

  return slot ? sa_slot_get_item (slot) : NULL;
}

static void
bind_date (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           GHashTable               *texts)
{
  SaActivityItem *item = cell_item (list_item);
  const char *time = sa_activity_item_get_time (item);
  g_autofree char *text = NULL;

  if (time != NULL)
    text = g_strdup_printf ("%s %s", sa_activity_item_get_date (item), time);
  set_cell_text (list_item, text ? text : sa_activity_item_get_date (item));
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            GHashTable               *texts)
{
  SaActivityItem *item = cell_item (list_item);
  GtkWidget *cell = gtk_widget_get_parent (gtk_list_item_get_child (list_item));
  GtkWidget *row = cell ? gtk_widget_get_parent (cell) : NULL;

  set_cell_text (list_item, sa_activity_item_get_title (item));
  /* The row, which GTK 4.8 leaves unnamed, says the activity: its date and title. */
  if (row != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", sa_activity_item_get_date (item),
                                               sa_activity_item_get_title (item));

      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

/* The tooltip shows what the row has no room for: the whole title, place and notes.
 * It is made when asked for: setting one while binding made GTK 4.8 ask the X server
 * where the pointer is, for every row bound. */
static gboolean
query_title_tooltip (GtkWidget   *label,
                     int          x,
                     int          y,
                     gboolean     keyboard,
                     GtkTooltip  *tooltip,
                     GtkListItem *list_item)
{
  SaActivityItem *item = cell_item (list_item);
  g_autoptr(GString) text = NULL;

  if (item == NULL)
    return FALSE;
  text = g_string_new (sa_activity_item_get_title (item));
  if (sa_activity_item_get_place (item) != NULL)
    g_string_append_printf (text, "\n%s", sa_activity_item_get_place (item));
  if (sa_activity_item_get_notes (item) != NULL)
    g_string_append_printf (text, "\n\n%s", sa_activity_item_get_notes (item));
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
setup_title_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *label;

  setup_text_cell (factory, list_item, user_data);
  label = gtk_list_item_get_child (list_item);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_title_tooltip), list_item);
}

static void
bind_organization (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GHashTable               *texts)
{
  set_cell_text (list_item, sa_activity_item_get_organization_name (cell_item (list_item)));
}

static void
bind_district (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               GHashTable               *texts)
{
  set_cell_text (list_item, sa_activity_item_get_district_name (cell_item (list_item)));
}

static void
bind_participants (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GHashTable               *texts)
{
  set_cell_number (list_item, sa_activity_item_get_participants (cell_item (list_item)));
}

static void
bind_volunteers (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 GHashTable               *texts)
{
  set_cell_number (list_item, sa_activity_item_get_volunteers (cell_item (list_item)));
}

/* The first commitment's text, and "+2" for the others. */
static void
bind_commitments (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  GHashTable               *texts)
{
  SaActivityItem *item = cell_item (list_item);
  const char * const *ids = sa_activity_item_get_commitment_ids (item);
  guint n = sa_activity_item_get_n_commitments (item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  char more[16];

  g_snprintf (more, sizeof more, "+%u", n > 1 ? n - 1 : 0);
  sa_cell_text_set_text (SA_CELL_TEXT (gtk_widget_get_first_child (box)),
                         n > 0 ? g_hash_table_lookup (texts, ids[0]) : "");
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), more);
  gtk_widget_set_visible (gtk_widget_get_last_child (box), n > 1);
  if (n > 1)
    {
      /* Translators: a cell of the log naming an activity's first commitment and how
       * many more it advances */
      const char *first = g_hash_table_lookup (texts, ids[0]);
      g_autofree char *name = g_strdup_printf (ngettext ("%1$s and %2$u more", "%1$s and %2$u more", n - 1),
                                               first ? first : "", n - 1);
      name_cell (list_item, name);
    }
  else
    name_cell (list_item, n > 0 ? g_hash_table_lookup (texts, ids[0]) : NULL);
}

/* All the commitments, one a line. */
static gboolean
query_commitments_tooltip (GtkWidget     *box,
                           int            x,
                           int            y,
                           gboolean       keyboard,
                           GtkTooltip    *tooltip,
                           GHashTable    *texts)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (box), "list-item");
  SaActivityItem *item = cell_item (list_item);
  g_autoptr(GString) text = g_string_new (NULL);

  if (item == NULL || sa_activity_item_get_n_commitments (item) == 0)
    return FALSE;
  for (const char * const *ids = sa_activity_item_get_commitment_ids (item); *ids != NULL; ids++)
    {
      const char *commitment = g_hash_table_lookup (texts, *ids);
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", commitment ? commitment : "");
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* ---- Sorting -------------------------------------------------------------------- */

/* The log sorts in its own model (sa-activity-sort-model.c); the columns' sorters
 * only make the headings clickable and tell which column the column view sorts by.
 * GTK 4.8 has no call that tells it, so the view's sorter is asked to compare two
 * objects: it asks the primary column's sorter first, which notes its column and
 * answers "less", and the view turns that around when the order is descending. */
static int probed_column = -1;

static int
probe_column (gconstpointer a, gconstpointer b, gpointer user_data)
{
  probed_column = GPOINTER_TO_INT (user_data);
  return -1;
}

/**
 * sa_activity_columns_get_sort:
 * @view: a column view with the log's columns
 * @column: (out): the column the view sorts by
 * @descending: (out): whether in descending order
 *
 * Returns: whether the view sorts by a column at all
 */
gboolean
sa_activity_columns_get_sort (GtkColumnView        *view,
                              SaActivitySortColumn *column,
                              gboolean             *descending)
{
  /* Two objects: a sorter takes one object and itself as equal without asking. */
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  probed_column = -1;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (view), a, b);
  if (probed_column < 0 || probed_column >= SA_ACTIVITY_SORT_N_COLUMNS)
    return FALSE;
  *column = (SaActivitySortColumn) probed_column;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

typedef struct
{
  const char        *title;         /* marked with NC_("column", …) */
  GCallback          setup;
  GCallback          bind;
  const char        *width_sample;  /* the column starts as wide as this text; NULL: expands */
  const char        *narrow_sample; /* as narrow as this in a narrow window; NULL: no narrower */
} ColumnInfo;

static const ColumnInfo columns[] = {
  { NC_("column", "Date"), G_CALLBACK (setup_text_cell), G_CALLBACK (bind_date), "0000-00-00 00:00", NULL },
  { NC_("column", "Title"), G_CALLBACK (setup_title_cell), G_CALLBACK (bind_title), NULL, NULL },
  { NC_("column", "Organization"), G_CALLBACK (setup_text_cell), G_CALLBACK (bind_organization),
    "中川地域ケアプラザ", "中川地" },
  { NC_("column", "District"), G_CALLBACK (setup_text_cell), G_CALLBACK (bind_district), "上飯田町", "上飯田" },
  /* A number column is as wide as its heading; a long heading gives way to the numbers
   * where room is short. */
  { NC_("column", "Participants"), G_CALLBACK (setup_number_cell), G_CALLBACK (bind_participants), "", "000000" },
  { NC_("column", "Volunteers"), G_CALLBACK (setup_number_cell), G_CALLBACK (bind_volunteers), "", "000000" },
  /* The commitments' start is enough to tell them apart; the title takes the room left. */
  { NC_("column", "Commitments"), G_CALLBACK (setup_commitments_cell), G_CALLBACK (bind_commitments),
    "地域で行われている助け合い", "地域で" },
};

/* What the title keeps at least before other columns give up room: in ems. */
#define TITLE_MIN_EMS 12
/* A cell's padding and the column's separator. */
#define CELL_PADDING 32
G_STATIC_ASSERT (G_N_ELEMENTS (columns) == SA_ACTIVITY_SORT_N_COLUMNS);

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* What a cell needs to show the activity its slot takes next. */
typedef struct
{
  GHashTable         *texts;
  GtkListItemFactory *factory;
  GCallback           bind;
} Refill;

/* Fills the cell with the activity it is to show, unless it shows it already. GTK
 * 4.8 binds every row after a removed one again, for its new position only; the
 * cell holds the activity it shows, so no other can take its address meanwhile. */
static void
fill_cell (GtkListItem *list_item,
           Refill      *refill)
{
  SaActivityItem *item = cell_item (list_item);

  if (item == g_object_get_data (G_OBJECT (list_item), "sa-shown"))
    return;
  ((void (*) (GtkListItemFactory *, GtkListItem *, GHashTable *)) refill->bind) (refill->factory, list_item,
                                                                                refill->texts);
  g_object_set_data_full (G_OBJECT (list_item), "sa-shown", g_object_ref (item), g_object_unref);
}

static void
refill_cell (SaSlot      *slot,
             GtkListItem *list_item)
{
  fill_cell (list_item, g_object_get_data (G_OBJECT (list_item), "sa-refill"));
}

static void
bind_cell (GtkListItemFactory *factory,
           GtkListItem        *list_item,
           Refill             *refill)
{
  SaSlot *slot = gtk_list_item_get_item (list_item);

  fill_cell (list_item, refill);
  g_object_set_data (G_OBJECT (list_item), "sa-refill", refill);
  sa_slot_watch (slot, TRUE);
  g_signal_connect (slot, "changed", G_CALLBACK (refill_cell), list_item);
}

static void
unwatch_slot (GtkListItemFactory *factory,
              GtkListItem        *list_item)
{
  SaSlot *slot = gtk_list_item_get_item (list_item);

  g_signal_handlers_disconnect_by_func (slot, refill_cell, list_item);
  sa_slot_watch (slot, FALSE);
}

/* The widths a column may take, set when it is added. */
typedef struct
{
  int wide;
  int narrow;
} Widths;

/* Columns as wide as their samples where the view has room; where it has not,
 * each gives up room in proportion to what it can spare, down to its narrow
 * sample, so the title keeps TITLE_MIN_EMS and nothing runs off the right edge. */
static void
fit_columns (GtkColumnView *view,
             int            width)
{
  GListModel *model = gtk_column_view_get_columns (view);
  int wide = 0, spare = 0, title = TITLE_MIN_EMS * text_width (GTK_WIDGET (view), "国");
  double keep;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (model, i);
      Widths *w = g_object_get_data (G_OBJECT (column), "sa-widths");

      if (w == NULL)
        continue;
      wide += w->wide;
      spare += w->wide - w->narrow;
    }
  /* 1: every column as wide as it likes; 0: every column at its narrowest. */
  keep = spare > 0 ? CLAMP (1.0 - (double) (wide + title - width) / spare, 0.0, 1.0) : 1.0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (model, i);
      Widths *w = g_object_get_data (G_OBJECT (column), "sa-widths");

      if (w != NULL)
        gtk_column_view_column_set_fixed_width (column, w->narrow + (int) (keep * (w->wide - w->narrow)));
    }
}

static gboolean
fit_columns_cb (gpointer data)
{
  GtkColumnView *view = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  g_object_set_data (G_OBJECT (view), "sa-fit-source", NULL);
  if (adjustment != NULL && gtk_adjustment_get_page_size (adjustment) > 0)
    fit_columns (view, (int) gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

/* The view's width shows in its adjustment while it is allocated: the columns are
 * fitted right after, not during, the allocation. */
static void
on_page_size (GtkColumnView *view)
{
  if (g_object_get_data (G_OBJECT (view), "sa-fit-source") == NULL)
    g_object_set_data (G_OBJECT (view), "sa-fit-source",
                       GUINT_TO_POINTER (g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_columns_cb,
                                                          g_object_ref (view), g_object_unref)));
}

static void
on_hadjustment (GtkColumnView *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "notify::page-size", G_CALLBACK (on_page_size), view, G_CONNECT_SWAPPED);
}

/**
 * sa_activity_columns_add:
 * @view: the log's column view, whose rows are #SaSlot<!-- -->s of #SaActivityItem<!-- -->s
 * @commitment_texts: commitment id → its text, kept up to date by the log and alive
 *   as long as @view
 *
 * Adds the log's columns, each with its cells and its sorter. Widths follow from
 * text, not from the rows that happen to be on screen, so columns do not jump while
 * scrolling; a number column is as wide as its heading, the commitments show
 * their beginning, and the title takes the room that is left.
 */
void
sa_activity_columns_add (GtkColumnView *view,
                         GHashTable    *commitment_texts)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const ColumnInfo *info = &columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (probe_column, GUINT_TO_POINTER (i), NULL));
      const char *title = g_dpgettext2 (NULL, "column", info->title);
      Refill *refill = g_new (Refill, 1);

      *refill = (Refill) { commitment_texts, factory, info->bind };
      g_object_set_data_full (G_OBJECT (factory), "sa-refill", refill, g_free);
      g_signal_connect (factory, "setup", info->setup, commitment_texts);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), refill);
      g_signal_connect (factory, "unbind", G_CALLBACK (unwatch_slot), NULL);
      column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (info->width_sample == NULL)
        gtk_column_view_column_set_expand (column, TRUE);
      else
        {
          Widths *w = g_new (Widths, 1);

          w->wide = text_width (GTK_WIDGET (view), *info->width_sample ? info->width_sample : title) + CELL_PADDING;
          w->narrow = info->narrow_sample ? text_width (GTK_WIDGET (view), info->narrow_sample) + CELL_PADDING : w->wide;
          w->narrow = MIN (w->narrow, w->wide);
          g_object_set_data_full (G_OBJECT (column), "sa-widths", w, g_free);
          /* At their narrowest until fitted, which an empty view is not (it has no
           * width in its adjustment): the title keeps its room over the first rows. */
          gtk_column_view_column_set_fixed_width (column, w->narrow);
        }
      gtk_column_view_append_column (view, column);
    }
  name_column_view_parts (view);
  ellipsize_headings (GTK_WIDGET (view));
  g_signal_connect (view, "notify::hadjustment", G_CALLBACK (on_hadjustment), NULL);
  on_hadjustment (view);
}
