/* zp-undo-stack.h — undo and redo of edits to a workbook.
 *
 * Every edit the app makes to the model goes through here: property changes (old and new
 * value), list insertions, removals and moves (indicators in a goal, goals in a form, forms
 * in a workbook) and explanations of accepted warnings. Consecutive changes of one property
 * of one object merge into one step (typing), until zp_undo_stack_break_merge().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ZP_TYPE_UNDO_STACK (zp_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (ZpUndoStack, zp_undo_stack, ZP, UNDO_STACK, GObject)

ZpUndoStack *zp_undo_stack_new              (void);

/* Sets object's property to value and records the change; merge: fold into the previous
 * step when it changed the same property of the same object. No-op when unchanged. */
void         zp_undo_stack_set_value        (ZpUndoStack  *self,
                                             GObject      *object,
                                             const char   *property,
                                             const GValue *value,
                                             gboolean      merge);
void         zp_undo_stack_set_string       (ZpUndoStack  *self,
                                             GObject      *object,
                                             const char   *property,
                                             const char   *value,
                                             gboolean      merge);
void         zp_undo_stack_set_enum         (ZpUndoStack  *self,
                                             GObject      *object,
                                             const char   *property,
                                             int           value);

/* container: a ZpGoal (item a ZpIndicator), a ZpForm (item a ZpGoal) or a ZpWorkbook
 * (item a ZpForm). position G_MAXUINT appends. */
void         zp_undo_stack_insert           (ZpUndoStack  *self,
                                             GObject      *container,
                                             guint         position,
                                             GObject      *item);
void         zp_undo_stack_remove           (ZpUndoStack  *self,
                                             GObject      *container,
                                             guint         position);
void         zp_undo_stack_move             (ZpUndoStack  *self,
                                             GObject      *container,
                                             guint         from,
                                             guint         to);
/* owner: a ZpForm or the ZpWorkbook. */
void         zp_undo_stack_set_explanation  (ZpUndoStack  *self,
                                             GObject      *owner,
                                             const char   *key,
                                             const char   *text);

void         zp_undo_stack_break_merge      (ZpUndoStack  *self);
/* Edits between begin and end (which nest) are undone and redone as one step. */
void         zp_undo_stack_begin_group      (ZpUndoStack  *self);
void         zp_undo_stack_end_group        (ZpUndoStack  *self);
gboolean     zp_undo_stack_undo             (ZpUndoStack  *self);
gboolean     zp_undo_stack_redo             (ZpUndoStack  *self);
gboolean     zp_undo_stack_can_undo         (ZpUndoStack  *self);
gboolean     zp_undo_stack_can_redo         (ZpUndoStack  *self);
void         zp_undo_stack_clear            (ZpUndoStack  *self);

/* The saved state: "clean" while the stack is where it was when last marked. */
void         zp_undo_stack_mark_clean       (ZpUndoStack  *self);
gboolean     zp_undo_stack_is_clean         (ZpUndoStack  *self);

G_END_DECLS
