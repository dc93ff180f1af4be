/* zp-core.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ziping-core.h"
#include "zp-core-private.h"

/* Run from the build tree through `meson devenv` (which sets these two), the catalogs are
 * the ones compiled there (<build>/po/<lang>/LC_MESSAGES), as installed ones would be. */
static const char *
locale_dir (void)
{
  if (g_strcmp0 (g_getenv ("MESON_DEVENV"), "1") == 0 &&
      g_strcmp0 (g_getenv ("MESON_PROJECT_NAME"), "ziping") == 0)
    return ZP_BUILD_LOCALEDIR;
  return LOCALEDIR;
}

void
zp_core_init_i18n (void)
{
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

gboolean
_zp_replace_text (char       **field,
                  const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

GParamSpec *
_zp_text_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}
