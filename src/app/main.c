/* main.c: the redline application's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "redline-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RedlineApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* REDLINE_LOCALEDIR: translations installed elsewhere than the prefix
   * (a staged install, a relocated tree); see the man page. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("REDLINE_LOCALEDIR") != NULL
                                   ? g_getenv ("REDLINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Redline"));
  app = redline_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
