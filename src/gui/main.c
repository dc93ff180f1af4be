/* main.c — the ziping desktop app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "ziping-core.h"
#include "zp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZpApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* the app and the core share one domain */
  zp_core_init_i18n ();
  textdomain (GETTEXT_PACKAGE);

  app = zp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
