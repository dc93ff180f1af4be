/* zp-preferences-window.h — the app's preferences (GSettings io.github.ziping.Ziping).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZP_TYPE_PREFERENCES_WINDOW (zp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ZpPreferencesWindow, zp_preferences_window, ZP, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* settings may be NULL: the window then shows the defaults and keeps nothing. */
ZpPreferencesWindow *zp_preferences_window_new (GtkWindow *parent,
                                                GSettings *settings);

G_END_DECLS
