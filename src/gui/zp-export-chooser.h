/* zp-export-chooser.h — the save dialog of an Export… action and the toast that says how
 * the export went (the written report's and the roll-up's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Writes file in format for owner; FALSE with error set if it could not. */
typedef gboolean (*ZpExportFunc) (gpointer     owner,
                                  const char  *format,
                                  GFile       *file,
                                  GError     **error);

GtkFileChooser *zp_export_chooser_new  (GtkWindow        *parent,
                                        const char       *title,
                                        const char       *suggested_name);
void            zp_export_chooser_show (GtkFileChooser   *chooser,
                                        GtkNativeDialog **slot,
                                        const char       *format,
                                        ZpExportFunc      export,
                                        gpointer          owner,
                                        AdwToastOverlay  *toasts);

G_END_DECLS
