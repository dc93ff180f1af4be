/* zp-application.h — the application: windows, app-wide actions and settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZP_TYPE_APPLICATION (zp_application_get_type ())
G_DECLARE_FINAL_TYPE (ZpApplication, zp_application, ZP, APPLICATION, AdwApplication)

ZpApplication *zp_application_new          (void);
/* The settings for any GApplication (NULL outside ZpApplication). */
GSettings     *zp_settings_get_default     (void);

G_END_DECLS
