/* zp-edit-binding.h — keeps a GtkEditable and a string property of a model object in step.
 *
 * Typing sets the property through the undo stack (each keystroke merges into one undo
 * step until the field loses focus), so scores update as the user types; a change of the
 * property from elsewhere (undo, another view) updates the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zp-undo-stack.h"

G_BEGIN_DECLS

/* Replaces any previous binding of editable. undo may be NULL (edits not recorded). */
void     zp_edit_binding_bind    (GtkEditable *editable,
                                  GObject     *object,
                                  const char  *property,
                                  ZpUndoStack *undo);
void     zp_edit_binding_unbind  (GtkEditable *editable);
/* The same for a multi-line GtkTextBuffer (lives as long as the buffer). */
void     zp_edit_binding_bind_buffer (GtkTextBuffer *buffer,
                                      GObject       *object,
                                      const char    *property,
                                      ZpUndoStack   *undo);

/* The bound object, or NULL. */
GObject *zp_edit_binding_get_object (GtkEditable *editable);

G_END_DECLS
