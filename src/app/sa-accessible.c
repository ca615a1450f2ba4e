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

#include <adwaita.h>
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

/* The first widget of @type under @widget, or @widget itself. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
name_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *name)
{
  GtkWidget *found = find_descendant (widget, type);

  if (found != NULL && name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (found), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Names every list box under @widget, but not those inside them. */
static void
name_list_boxes (GtkWidget  *widget,
                 const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    else
      name_list_boxes (child, name);
}

/* libadwaita 1.2's rows and groups hold lists that it leaves unnamed: each takes the
 * title of what holds it. A group with a title is named by it already. */
static void
name_adwaita_lists (GtkWidget *widget)
{
  const char *title;

  if (ADW_IS_COMBO_ROW (widget))
    name_descendant (widget, GTK_TYPE_LIST_VIEW, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (ADW_IS_EXPANDER_ROW (widget) &&
           *(title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))) != '\0')
    name_list_boxes (widget, title);
  else if (ADW_IS_PREFERENCES_GROUP (widget) && *adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)) == '\0')
    name_list_boxes (widget, C_("list", "Details"));
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
  GtkWidget *list = find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_LIST_VIEW);

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
  else
    sa_accessible_name_button (root);
  if (GTK_IS_DROP_DOWN (root))
    sa_accessible_name_drop_down_list (GTK_DROP_DOWN (root), NULL);
  name_adwaita_lists (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sa_accessible_name_buttons (child);
}
