/* sa-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-file-chooser.h"
#include "sa-preferences-window.h"
#include "sa-print-font.h"
#include "sa-sync-passphrase.h"
#include "sa-sync-ui.h"
#include "sa-toast.h"

struct _SaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SaStore              *store;          /* the context's, as the settings */
  GSettings            *settings;

  AdwComboRow          *year_format_row;
  AdwComboRow          *print_font_row;
  AdwEntryRow          *site_name_row;
  AdwActionRow         *sync_folder_row;
  GtkWidget            *clear_folder_button;

  GtkNativeDialog      *folder_chooser;
};

G_DEFINE_FINAL_TYPE (SaPreferencesWindow, sa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_site_name_apply (SaPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sa_store_set_site_name (self->store, gtk_editable_get_text (GTK_EDITABLE (self->site_name_row)), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), sa_toast_new_text (error->message));
}

/* ---- the sync folder ------------------------------------------------------------ */

static gboolean
get_folder_subtitle (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *text = g_variant_get_string (variant, NULL);
  g_autoptr(GFile) folder = NULL;

  if (*text == '\0')
    {
      g_value_set_string (value, _("None chosen"));
      return TRUE;
    }
  /* A URI reads better as the name the file manager shows. */
  folder = g_file_new_for_commandline_arg (text);
  g_value_take_string (value, g_file_get_parse_name (folder));
  return TRUE;
}

static gboolean
get_folder_set (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  g_value_set_boolean (value, *g_variant_get_string (variant, NULL) != '\0');
  return TRUE;
}

static void
on_folder_chosen (SaPreferencesWindow *self,
                  int                  response)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->folder_chooser))) != NULL)
    sa_sync_ui_set_folder (self->settings, folder);
  g_clear_object (&self->folder_chooser);
}

static void
on_choose_folder (SaPreferencesWindow *self)
{
  g_autoptr(GFile) current = sa_sync_ui_dup_folder (self->settings);

  if (self->folder_chooser != NULL)
    return;
  self->folder_chooser = GTK_NATIVE_DIALOG (sa_file_chooser_new (_("Choose the Sync Folder"), GTK_WINDOW (self),
                                                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                                                 self->store));
  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->folder_chooser), current, NULL);
  g_signal_connect_object (self->folder_chooser, "response", G_CALLBACK (on_folder_chosen), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->folder_chooser);
}

static void
on_clear_folder (SaPreferencesWindow *self)
{
  sa_sync_ui_set_folder (self->settings, NULL);
}

/* ---- years ---------------------------------------------------------------------- */

/* The combo's items are in the order of the schema's enum. */
static const char * const year_format_nicks[] = { "auto", "western", "era", "era-western", NULL };

static gboolean
get_year_format (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);
  guint index = 0;

  while (year_format_nicks[index] != NULL && !g_str_equal (nick, year_format_nicks[index]))
    index++;
  g_value_set_uint (value, year_format_nicks[index] != NULL ? index : 0);
  return TRUE;
}

static GVariant *
set_year_format (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return g_variant_new_string (year_format_nicks[index < G_N_ELEMENTS (year_format_nicks) - 1 ? index : 0]);
}

/* ---- printing ------------------------------------------------------------------- */

/* The combo's items are in the order of the schema's enum and of SaPrintFont. */
static gboolean
get_print_font (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  SaPrintFont font = SA_PRINT_FONT_UD;

  sa_print_font_from_nick (g_variant_get_string (variant, NULL), &font);
  g_value_set_uint (value, font);
  return TRUE;
}

static GVariant *
set_print_font (const GValue       *value,
                const GVariantType *type,
                gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return g_variant_new_string (sa_print_font_get_nick (index <= SA_PRINT_FONT_SYSTEM ? index : 0));
}

static void
sa_preferences_window_dispose (GObject *object)
{
  SaPreferencesWindow *self = SA_PREFERENCES_WINDOW (object);

  if (self->folder_chooser != NULL)
    gtk_native_dialog_destroy (self->folder_chooser);
  g_clear_object (&self->folder_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sa_preferences_window_parent_class)->dispose (object);
}

static void
sa_preferences_window_class_init (SaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, year_format_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, print_font_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, site_name_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, sync_folder_row);
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, clear_folder_button);
  gtk_widget_class_bind_template_callback (widget_class, on_site_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_folder);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_folder);
}

static void
sa_preferences_window_init (SaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
bind_settings (SaPreferencesWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "year-format", self->year_format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_year_format, set_year_format, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "print-font", self->print_font_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_print_font, set_print_font, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "sync-folder", self->sync_folder_row, "subtitle",
                                G_SETTINGS_BIND_GET, get_folder_subtitle, NULL, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "sync-folder", self->clear_folder_button, "sensitive",
                                G_SETTINGS_BIND_GET, get_folder_set, NULL, NULL, NULL);
}

/**
 * sa_preferences_window_new:
 * @parent: (nullable): the main window
 * @context: its context: the store, whose site name and passphrase are set here,
 *   and the settings
 *
 * Returns: (transfer none): the window; present it
 */
SaPreferencesWindow *
sa_preferences_window_new (GtkWindow *parent,
                           SaContext *context)
{
  SaPreferencesWindow *self;
  SaStore *store;
  g_autofree char *name = NULL;
  GtkWidget *page;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  self = g_object_new (SA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  store = sa_context_get_store (context);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (sa_context_get_settings (context));
  bind_settings (self);
  name = sa_store_dup_site_name (store);
  gtk_editable_set_text (GTK_EDITABLE (self->site_name_row), name ? name : "");
  page = gtk_widget_get_ancestor (GTK_WIDGET (self->sync_folder_row), ADW_TYPE_PREFERENCES_PAGE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (sa_sync_passphrase_group_new (context)));
  return self;
}
