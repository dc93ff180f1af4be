/* zp-form-editor.h — one form: header fields, budget execution, goals and indicators,
 * analysis texts. Every number it shows comes from the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-goal-section.h"
#include "zp-indicator-table.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_FORM_EDITOR (zp_form_editor_get_type ())
G_DECLARE_FINAL_TYPE (ZpFormEditor, zp_form_editor, ZP, FORM_EDITOR, AdwBin)

ZpFormEditor     *zp_form_editor_new              (void);
void              zp_form_editor_set_undo_stack   (ZpFormEditor *self,
                                                   ZpUndoStack  *undo);
void              zp_form_editor_set_form         (ZpFormEditor *self,
                                                   ZpForm       *form);
ZpForm           *zp_form_editor_get_form         (ZpFormEditor *self);

/* Row commands on the table last focused (or the first): they go through the undo stack. */
void              zp_form_editor_add_indicator    (ZpFormEditor *self);
void              zp_form_editor_delete_indicator (ZpFormEditor *self);
void              zp_form_editor_move_indicator   (ZpFormEditor *self,
                                                   int           delta);
/* Appends a goal (a department goal, or another 年度绩效目标 of a project form). */
void              zp_form_editor_add_goal         (ZpFormEditor *self);

/* Shows the place of a finding: goal/row −1 when not about one; field a property name. */
void              zp_form_editor_focus            (ZpFormEditor *self,
                                                   int           goal,
                                                   int           row,
                                                   const char   *field);

void              zp_form_editor_scroll_to_indicators (ZpFormEditor *self);

/* For tests and the window. */
ZpIndicatorTable *zp_form_editor_get_table        (ZpFormEditor *self,
                                                   guint         goal);
const char       *zp_form_editor_get_total_text   (ZpFormEditor *self);
const char       *zp_form_editor_get_weights_text (ZpFormEditor *self);
/* The label of block i of zp_form_summarize_blocks() ("产出指标 40 / 40"), or NULL. */
const char       *zp_form_editor_get_block_text   (ZpFormEditor *self,
                                                   guint         block);
/* Its score line ("Score 38.00"), or NULL. */
const char       *zp_form_editor_get_block_score_text (ZpFormEditor *self,
                                                       guint         block);
GtkWidget        *zp_form_editor_get_field        (ZpFormEditor *self,
                                                   const char   *field);
/* A project form's section of goal i, or NULL (department forms have none). */
ZpGoalSection    *zp_form_editor_get_goal_section (ZpFormEditor *self,
                                                   guint         goal);

G_END_DECLS
