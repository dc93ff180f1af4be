/* zp-indicator-table.h — the indicators of one goal as an editable table (GtkColumnView):
 * 一级, 二级, 三级, target, actual, weight, score, deviation note, and each row's state.
 *
 * Tab and Shift+Tab move from cell to cell and row to row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_INDICATOR_TABLE (zp_indicator_table_get_type ())
G_DECLARE_FINAL_TYPE (ZpIndicatorTable, zp_indicator_table, ZP, INDICATOR_TABLE, AdwBin)

ZpIndicatorTable *zp_indicator_table_new             (ZpGoal           *goal,
                                                      ZpScheme         *scheme,
                                                      ZpUndoStack      *undo);
ZpGoal           *zp_indicator_table_get_goal        (ZpIndicatorTable *self);
/* The row last focused or selected; -1 when none. */
int               zp_indicator_table_get_current_row (ZpIndicatorTable *self);
void              zp_indicator_table_set_current_row (ZpIndicatorTable *self,
                                                      int               row);
/* field: an indicator property name ("actual", "deviation-note" …) or NULL for the first
 * cell. Returns FALSE when the row is not shown. */
gboolean          zp_indicator_table_focus_cell      (ZpIndicatorTable *self,
                                                      guint             row,
                                                      const char       *field);
/* ::row-focused (int row) when a cell of a row gains the focus. */

G_END_DECLS
