/* zp-score-cell.h — an indicator's score in the table: the core's score, and a popover
 * to grade a qualitative indicator (within its grade's band) or override the score with
 * a reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_SCORE_CELL (zp_score_cell_get_type ())
G_DECLARE_FINAL_TYPE (ZpScoreCell, zp_score_cell, ZP, SCORE_CELL, AdwBin)

ZpScoreCell *zp_score_cell_new      (void);
void         zp_score_cell_bind     (ZpScoreCell *self,
                                     ZpIndicator *indicator,
                                     ZpScheme    *scheme,
                                     ZpUndoStack *undo);
void         zp_score_cell_unbind   (ZpScoreCell *self);
GtkWidget   *zp_score_cell_get_button (ZpScoreCell *self);

G_END_DECLS
