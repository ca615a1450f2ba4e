/* sa-rating-scale-dialog.c: editing a plan's rating scale (評価の段階)
 *
 * One line per level, best first: its code (A, ◎, 5) and what it means. The store
 * refuses a scale that leaves out a level some review still uses; the message says
 * which, and nothing changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-rating-level.h"
#include "sa-rating-scale-dialog.h"
#include "sa-store-review.h"

#define MAX_LEVELS 10

struct _SaRatingScaleDialog
{
  AdwWindow    parent_instance;

  SaStore     *store;
  char        *plan_id;

  GtkListBox  *levels;
  GtkRevealer *problem_revealer;
  GtkLabel    *problem_label;
};

G_DEFINE_FINAL_TYPE (SaRatingScaleDialog, sa_rating_scale_dialog, ADW_TYPE_WINDOW)

/* ---- the lines ------------------------------------------------------------------ */

static void
on_remove_clicked (GtkButton *button,
                   GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);

  gtk_list_box_remove (GTK_LIST_BOX (list), row);
}

static GtkWidget *
level_row (const char *code,
           const char *label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *code_entry = gtk_entry_new ();
  GtkWidget *label_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_editable_set_text (GTK_EDITABLE (code_entry), code ? code : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (code_entry), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (code_entry), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (code_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Code"), -1);
  gtk_editable_set_text (GTK_EDITABLE (label_entry), label ? label : "");
  gtk_widget_set_hexpand (label_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meaning"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove Level"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove level"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), row);
  gtk_box_append (GTK_BOX (box), code_entry);
  gtk_box_append (GTK_BOX (box), label_entry);
  gtk_box_append (GTK_BOX (box), remove);
  g_object_set_data (G_OBJECT (row), "code", code_entry);
  g_object_set_data (G_OBJECT (row), "label", label_entry);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
clear_levels (SaRatingScaleDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->levels))) != NULL)
    gtk_list_box_remove (self->levels, child);
}

static void
fill (SaRatingScaleDialog  *self,
      const char * const   *codes,
      const char * const   *labels)
{
  clear_levels (self);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_list_box_append (self->levels, level_row (codes[i], labels[i]));
}

static void
show_problem (SaRatingScaleDialog *self,
              const char          *message)
{
  if (message != NULL)
    gtk_label_set_text (self->problem_label, message);
  gtk_revealer_set_reveal_child (self->problem_revealer, message != NULL);
}

/* ---- actions -------------------------------------------------------------------- */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SaRatingScaleDialog *self = SA_RATING_SCALE_DIALOG (widget);
  GtkWidget *row = level_row (NULL, NULL);

  gtk_list_box_append (self->levels, row);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "code"));
}

/* The scales offices use most: the four letters and the four marks. */
static void
preset_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SaRatingScaleDialog *self = SA_RATING_SCALE_DIALOG (widget);
  const char *meanings[MAX_LEVELS + 1] = { NULL, };
  static const char * const marks[] = { "◎", "○", "△", "×", NULL };

  for (guint i = 0; sa_rating_default_labels[i] != NULL; i++)
    meanings[i] = _(sa_rating_default_labels[i]);
  fill (self, g_str_equal (g_variant_get_string (parameter, NULL), "marks") ? marks : sa_rating_default_codes, meanings);
  show_problem (self, NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SaRatingScaleDialog *self = SA_RATING_SCALE_DIALOG (widget);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->levels)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_ptr_array_add (codes, g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "code")))));
      g_ptr_array_add (labels, g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "label")))));
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, NULL);
  if (codes->len == 1)
    show_problem (self, _("A scale needs at least one level"));
  else if (codes->len > MAX_LEVELS + 1)
    show_problem (self, _("A scale has at most ten levels"));
  else if (!sa_store_set_rating_scale (self->store, self->plan_id, (const char * const *) codes->pdata,
                                       (const char * const *) labels->pdata, &error))
    show_problem (self, error->message);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- the window ----------------------------------------------------------------- */

static void
sa_rating_scale_dialog_dispose (GObject *object)
{
  SaRatingScaleDialog *self = SA_RATING_SCALE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->plan_id, g_free);
  G_OBJECT_CLASS (sa_rating_scale_dialog_parent_class)->dispose (object);
}

static void
sa_rating_scale_dialog_class_init (SaRatingScaleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_rating_scale_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "scale.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "scale.preset", "s", preset_activated);
  gtk_widget_class_install_action (widget_class, "scale.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "scale.save", NULL);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
build_header (void)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = action_button (_("_Cancel"), "window.close", NULL);
  GtkWidget *save = action_button (_("_Save"), "scale.save", NULL);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  return header;
}

static void
sa_rating_scale_dialog_init (SaRatingScaleDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *intro = gtk_label_new (_("Levels from best to worst: a short code, and what it means."));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Rating Scale"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 460);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  self->problem_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->problem_revealer, GTK_WIDGET (self->problem_label));

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  self->levels = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->levels, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->levels), "boxed-list");
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Add Level"), "scale.add", NULL));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_A B C D"), "scale.preset", g_variant_new_string ("letters")));
  gtk_box_append (GTK_BOX (buttons), action_button (_("◎ ○ △ _×"), "scale.preset", g_variant_new_string ("marks")));

  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem_revealer));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->levels));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), build_header ());
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * sa_rating_scale_dialog_new:
 * @parent: the window it belongs to
 * @context: the window's context, whose store keeps the scale
 * @plan_id: the plan whose scale is edited
 *
 * Returns: (transfer none): the dialog, shown
 */
SaRatingScaleDialog *
sa_rating_scale_dialog_new (GtkWindow  *parent,
                            SaContext  *context,
                            const char *plan_id)
{
  SaStore *store = sa_context_get_store (context);
  SaRatingScaleDialog *self = g_object_new (SA_TYPE_RATING_SCALE_DIALOG, "transient-for", parent,
                                            "destroy-with-parent", TRUE, NULL);
  g_autoptr(GPtrArray) levels = sa_store_list_rating_levels (store, plan_id, NULL);

  self->store = g_object_ref (store);
  self->plan_id = g_strdup (plan_id);
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    {
      SaRecord *level = g_ptr_array_index (levels, i);

      gtk_list_box_append (self->levels, level_row (sa_record_get_text (level, SA_RATING_LEVEL_CODE),
                                                    sa_record_get_text (level, SA_RATING_LEVEL_LABEL)));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
