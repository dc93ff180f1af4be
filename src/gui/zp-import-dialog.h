/* zp-import-dialog.h — forms from a spreadsheet into the app: read in a worker, shown in
 * a preview (each form, its indicators, what needs the user), added only when accepted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zp-document.h"
#include "zp-import.h"
#include "zp-window.h"

G_BEGIN_DECLS

/* A spreadsheet Ziping imports rather than a .ziping, by its first bytes. */
gboolean  zp_import_file_is_spreadsheet   (GFile      *file);

/* Reads `file` in a worker, then shows the preview over `window`. Accepted, the forms are
 * added to the window's workbook (one undo step), or with `new_workbook` become a new
 * workbook (after asking about unsaved changes). Cancelled or failed, nothing changes. */
void      zp_import_dialog_show           (ZpWindow   *window,
                                           GFile      *file,
                                           gboolean    new_workbook);

/* The chooser of win.import. */
void      zp_import_dialog_choose         (ZpWindow   *window);

/* win.paste-rows: the clipboard's text into the selected form. */
void      zp_import_paste_clipboard       (ZpWindow   *window);


G_END_DECLS
