/* sa-application.c: the single-instance application
 *
 * The application opens the plan database once and hands the store to each window.
 * A database created here starts with the bundled sample plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-application.h"
#include "sa-import.h"
#include "sa-preferences-window.h"
#include "sa-store.h"
#include "sa-window.h"

struct _SaApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  SaStore        *store;
};

G_DEFINE_FINAL_TYPE (SaApplication, sa_application, ADW_TYPE_APPLICATION)

static SaStore *
open_store (SaApplication  *self,
            GError        **error)
{
  g_autofree char *default_path = sa_store_default_path ();

  return sa_import_open (self->db_path ? self->db_path : default_path, TRUE, error);
}

/* Says what went wrong and where the file is, so someone can look after it. */
static void
show_open_error (SaApplication *self,
                 GError        *error)
{
  g_autofree char *default_path = sa_store_default_path ();
  g_autofree char *body = g_strdup_printf (_("%s\n\nThe database file is “%s”. Nothing was changed in it."),
                                           error->message, self->db_path ? self->db_path : default_path);
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Plan Database Could Not Be Opened"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sa_application_activate (GApplication *app)
{
  SaApplication *self = SA_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL && !(self->store = open_store (self, &error)))
    {
      show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (sa_window_new (self, self->store));
  gtk_window_present (window);
}

static int
sa_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  SaApplication *self = SA_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("sasaeai %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &path))
    self->db_path = g_canonicalize_filename (path, NULL);

  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Sasaeai developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Sasaeai"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Carry out a ward’s welfare and health plan together"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/sasaeai/sasaeai",
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SaApplication *self = SA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (sa_preferences_window_new (parent, self->store)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
sa_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (sa_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
sa_application_finalize (GObject *object)
{
  SaApplication *self = SA_APPLICATION (object);

  g_clear_object (&self->store);
  g_free (self->db_path);

  G_OBJECT_CLASS (sa_application_parent_class)->finalize (object);
}

static void
sa_application_class_init (SaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sa_application_finalize;
  app_class->activate = sa_application_activate;
  app_class->startup = sa_application_startup;
  app_class->handle_local_options = sa_application_handle_local_options;
}

static void
sa_application_init (SaApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the database at PATH"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

SaApplication *
sa_application_new (void)
{
  return g_object_new (SA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/sasaeai/Sasaeai",
                       NULL);
}
