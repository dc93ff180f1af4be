/* zp-window.h — the main window: the forms of one workbook, the editor, the review page
 * and the checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-document.h"

G_BEGIN_DECLS

#define ZP_TYPE_WINDOW (zp_window_get_type ())
G_DECLARE_FINAL_TYPE (ZpWindow, zp_window, ZP, WINDOW, AdwApplicationWindow)

ZpWindow   *zp_window_new              (GtkApplication *application);

/* Opens file, first asking about unsaved changes; the file is read in a worker thread.
 * A file that fails to load leaves the current workbook open and shows the error. */
void        zp_window_open             (ZpWindow       *self,
                                        GFile          *file);
ZpDocument *zp_window_get_document     (ZpWindow       *self);
/* NULL while the window shows its empty state. */
ZpWorkbook *zp_window_get_workbook     (ZpWindow       *self);
GFile      *zp_window_get_file         (ZpWindow       *self);
/* TRUE when the window holds no workbook, or an untouched new one, and is not loading. */
gboolean    zp_window_is_reusable      (ZpWindow       *self);
/* Shows form (a form of the workbook) in the editor. */
void        zp_window_show_form        (ZpWindow       *self,
                                        ZpForm         *form);
/* Offers back, one after the other, the recovery drafts nobody holds (left by a window or
 * an instance that ended without saving): restore (into this window if it is free, else a
 * new one), keep for later or discard. */
void        zp_window_offer_drafts     (ZpWindow       *self);

/* Where the bundled example lives (installed, or the source tree). */
GFile      *zp_window_find_example     (void);

G_END_DECLS
