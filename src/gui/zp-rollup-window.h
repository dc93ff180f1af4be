/* zp-rollup-window.h — the roll-up of a folder of units' workbooks, for a 主管部门 or a
 * finance bureau: one row per unit and form (the 汇总表 across workbooks), sortable by any
 * column, with each form's errors and warnings; activating a row opens that unit's
 * workbook in a window of its own; the roll-up is exported as the 汇总表.
 *
 * The folder is read in a worker thread (every .ziping file in it, in name order); a file
 * that cannot be read is listed with its message, not a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZP_TYPE_ROLLUP_WINDOW (zp_rollup_window_get_type ())
G_DECLARE_FINAL_TYPE (ZpRollupWindow, zp_rollup_window, ZP, ROLLUP_WINDOW, AdwApplicationWindow)

/* Starts reading folder at once. */
ZpRollupWindow *zp_rollup_window_new         (GtkApplication *application,
                                              GFile          *folder);
/* TRUE while the folder is being read (the "busy" property, which the spinner follows). */
gboolean        zp_rollup_window_get_busy    (ZpRollupWindow *self);

G_END_DECLS
