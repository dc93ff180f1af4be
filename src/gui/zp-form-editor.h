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

void              zp_form_editor_set_undo_stack   (ZpFormEditor *self,
                                                   ZpUndoStack  *undo);
/* The "form" property: the form shown, or NULL. */
void              zp_form_editor_set_form         (ZpFormEditor *self,
                                                   ZpForm       *form);
ZpForm           *zp_form_editor_get_form         (ZpFormEditor *self);

/* Row commands are its actions: form.add-indicator, form.delete-indicator, form.move-up,
 * form.move-down (int: a goal's position, −1 the table being edited) and form.add-goal. */

/* Shows the place of a finding: goal/row −1 when not about one; field a property name. */
void              zp_form_editor_focus            (ZpFormEditor *self,
                                                   int           goal,
                                                   int           row,
                                                   const char   *field);

void              zp_form_editor_scroll_to_indicators (ZpFormEditor *self);

G_END_DECLS
