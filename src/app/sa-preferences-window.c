/* sa-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-preferences-window.h"

struct _SaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SaStore              *store;
  GSettings            *settings;

  AdwComboRow          *year_format_row;
  AdwEntryRow          *site_name_row;
};

G_DEFINE_FINAL_TYPE (SaPreferencesWindow, sa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_site_name_apply (SaPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sa_store_set_site_name (self->store, gtk_editable_get_text (GTK_EDITABLE (self->site_name_row)), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* The combo's items are in the order of the schema's enum. */
static gboolean
get_year_format (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (nick, "western") ? 1 : g_str_equal (nick, "era") ? 2 : 0);
  return TRUE;
}

static GVariant *
set_year_format (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  const char *nicks[] = { "auto", "western", "era" };
  guint index = g_value_get_uint (value);

  return g_variant_new_string (nicks[index < G_N_ELEMENTS (nicks) ? index : 0]);
}

static void
sa_preferences_window_dispose (GObject *object)
{
  SaPreferencesWindow *self = SA_PREFERENCES_WINDOW (object);

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
  gtk_widget_class_bind_template_child (widget_class, SaPreferencesWindow, site_name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_site_name_apply);
}

static void
sa_preferences_window_init (SaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "year-format", self->year_format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_year_format, set_year_format, NULL, NULL);
}

SaPreferencesWindow *
sa_preferences_window_new (GtkWindow *parent,
                           SaStore   *store)
{
  SaPreferencesWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  self = g_object_new (SA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  name = sa_store_dup_site_name (store);
  gtk_editable_set_text (GTK_EDITABLE (self->site_name_row), name ? name : "");
  return self;
}
