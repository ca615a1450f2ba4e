/* sa-application.c: the single-instance application
 *
 * The application opens the plan database once and hands the store to each window.
 * Only the default database is created without asking, on first start; a path given
 * with --db that holds no database may be a typo or a share that is not mounted, so
 * the person is asked before anything is created there. A database created here
 * starts with the bundled sample plan.
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

static const char *
get_db_path (SaApplication *self)
{
  if (self->db_path == NULL)
    self->db_path = sa_store_default_path ();
  return self->db_path;
}

static gboolean
is_default_path (SaApplication *self)
{
  g_autofree char *default_path = sa_store_default_path ();

  return g_str_equal (get_db_path (self), default_path);
}

static SaStore *
open_store (SaApplication  *self,
            gboolean        create,
            GError        **error)
{
  const char *path = get_db_path (self);

  return create ? sa_import_open (path, TRUE, error) : sa_store_open (path, error);
}

/* Says what went wrong and where the file is, so someone can look after it. */
static void
show_open_error (SaApplication *self,
                 GError        *error)
{
  g_autofree char *body = g_strdup_printf (_("%s\n\nThe database file is “%s”. Nothing was changed in it."),
                                           error->message, get_db_path (self));
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Plan Database Could Not Be Opened"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
present_window (SaApplication *self)
{
  gtk_window_present (GTK_WINDOW (sa_window_new (self, self->store)));
}

/* Cancel leaves nothing behind: the dialog closes, and with no window left the
 * application quits. */
static void
on_missing_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SaApplication    *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "create") || self->store != NULL)
    return;
  if (!(self->store = open_store (self, TRUE, &error)))
    {
      show_open_error (self, error);
      return;
    }
  present_window (self);
}

static void
ask_to_create (SaApplication *self)
{
  g_autofree char *body = g_strdup_printf (_("There is no database at “%s”. If the path is right, a new database "
                                             "can be made there, starting with the sample plan; if it is on a "
                                             "network drive or a USB stick, check that it is connected."),
                                           get_db_path (self));
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("No Database Found"), body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "create", _("C_reate Database"), NULL);
  adw_message_dialog_set_response_appearance (message, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "cancel");
  adw_message_dialog_set_close_response (message, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_missing_response), self, 0);
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

  if (self->store == NULL && !(self->store = open_store (self, is_default_path (self), &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        ask_to_create (self);
      else
        show_open_error (self, error);
      return;
    }

  present_window (self);
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

  /* Preferences belong to a main window's context; the active window may be one
   * of its dialogs. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l && !SA_IS_WINDOW (parent); l = l->next)
    parent = l->data;
  if (self->store != NULL && SA_IS_WINDOW (parent))
    gtk_window_present (GTK_WINDOW (sa_preferences_window_new (parent,
                                                               sa_window_get_context (SA_WINDOW (parent)))));
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

/* Quitting leaves windows alive until the process exits; closing them here lets the
 * last reference to the store go, so SQLite checkpoints and closes the database
 * cleanly instead of leaving its -wal to the next program. */
static void
sa_application_shutdown (GApplication *app)
{
  SaApplication *self = SA_APPLICATION (app);
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (sa_application_parent_class)->shutdown (app);
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
  app_class->shutdown = sa_application_shutdown;
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
