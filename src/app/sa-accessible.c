/* sa-accessible.c: names for assistive technology that GTK 4.8 does not give
 *
 * A screen reader says a control's accessible name; where GTK 4.8 has none to give
 * it says the widget's type name (“GtkColumnViewCell”, “GtkToggleButton”). Lists
 * and column views name their rows from nothing (GtkListItem:accessible-label is
 * GTK 4.12), and a button with a mnemonic is named by its label as written, with
 * the underline and, in Japanese, the “(_A)” that only shows the key. These
 * functions give those widgets the words a person would say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible.h"

/**
 * sa_accessible_name_list_item:
 * @list_item: a list item whose child is set
 * @name: what the row or cell says, such as an activity's title
 *
 * Names the row (GtkListView) or cell (GtkColumnView) that shows @list_item. In
 * GTK 4.8 that widget is the parent of the item's child.
 */
void
sa_accessible_name_list_item (GtkListItem *list_item,
                              const char  *name)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *row = child ? gtk_widget_get_parent (child) : NULL;

  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name ? name : "", -1);
}

/**
 * sa_accessible_strip_mnemonic:
 * @label: a label with a mnemonic, such as “_Save” or “保存(_S)”
 *
 * Returns: (transfer full): the label as said: “Save”, “保存”
 */
char *
sa_accessible_strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; p != NULL && *p != '\0'; p++)
    {
      /* Japanese shows the key after the words, “(_S)”: say the words alone. */
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (p[0] == '_' && p[1] != '\0')
        p++;
      g_string_append_c (text, *p);
    }
  return g_strstrip (g_string_free (text, FALSE));
}

/**
 * sa_accessible_name_button:
 * @button: a button, toggle button, check button or view switcher button with a
 *   mnemonic label
 *
 * Names @button by its label without the mnemonic. GTK 4.8 names such a button by
 * its label as written and again by the label widget inside, “閉じる(_D) 閉じる(D)”.
 */
void
sa_accessible_name_button (GtkWidget *button)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  gboolean underline = FALSE;

  if (!GTK_IS_BUTTON (button) && !GTK_IS_CHECK_BUTTON (button))
    return;
  /* By property name: the view switcher's buttons have a label of their own. */
  g_object_get (button, "label", &label, "use-underline", &underline, NULL);
  if (label == NULL || !underline)
    return;
  name = sa_accessible_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* A menu button and a drop-down are a box around a toggle button, which GTK 4.8
 * leaves unnamed: it takes the name of the control it is part of. */
static void
name_inner_button (GtkWidget *widget)
{
  GtkWidget *inner = gtk_widget_get_first_child (widget);

  if (inner != NULL && GTK_IS_BUTTON (inner))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    widget, NULL, -1);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * sa_accessible_name_drop_down_list:
 * @dropdown: a drop-down
 * @name: (nullable): what its list of choices is called, such as “Organizations”;
 *   %NULL for the name given before, or else “Choices”
 *
 * Names the list in the drop-down's popover, which GTK 4.8 leaves unnamed.
 */
void
sa_accessible_name_drop_down_list (GtkDropDown *dropdown,
                                   const char  *name)
{
  GtkWidget *list = find_list_view (GTK_WIDGET (dropdown));

  if (name != NULL)
    g_object_set_data_full (G_OBJECT (dropdown), "sa-list-name", g_strdup (name), g_free);
  else
    name = g_object_get_data (G_OBJECT (dropdown), "sa-list-name");
  if (list != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name != NULL ? name : _("Choices"), -1);
}

/**
 * sa_accessible_name_buttons:
 * @root: a window or a part of one
 *
 * Names the buttons under @root that GTK 4.8 leaves without a usable name: those
 * with a mnemonic label, and the toggle buttons inside menu buttons and drop-downs.
 * Call it once the widgets are built, and again for widgets added later.
 */
void
sa_accessible_name_buttons (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) || GTK_IS_DROP_DOWN (root))
    name_inner_button (root);
  if (GTK_IS_DROP_DOWN (root))
    sa_accessible_name_drop_down_list (GTK_DROP_DOWN (root), NULL);
  else
    sa_accessible_name_button (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sa_accessible_name_buttons (child);
}
