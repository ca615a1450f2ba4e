/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sa-application.h"
#include "sasaeai-resources.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SaApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* SASAEAI_LOCALEDIR lets the uninstalled build find its own translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SASAEAI_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  sasaeai_register_resource ();

  app = sa_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
