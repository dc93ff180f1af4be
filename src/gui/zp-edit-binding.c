/* zp-edit-binding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zp-edit-binding.h"

#define BINDING_KEY "zp-edit-binding"

typedef struct
{
  GtkEditable *editable;
  GObject     *object;
  char        *property;
  ZpUndoStack *undo;
  gulong       changed_id;
  gulong       notify_id;
  gboolean     updating;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  /* While the editable finalizes its handlers are gone already. */
  if (g_signal_handler_is_connected (binding->editable, binding->changed_id))
    g_signal_handler_disconnect (binding->editable, binding->changed_id);
  g_clear_signal_handler (&binding->notify_id, binding->object);
  g_clear_object (&binding->object);
  g_clear_object (&binding->undo);
  g_free (binding->property);
  g_free (binding);
}

static void
pull_text (Binding *binding)
{
  g_autofree char *value = NULL;

  g_object_get (binding->object, binding->property, &value, NULL);
  if (g_strcmp0 (value ? value : "", gtk_editable_get_text (binding->editable)) == 0)
    return;
  binding->updating = TRUE;
  gtk_editable_set_text (binding->editable, value ? value : "");
  binding->updating = FALSE;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Binding    *binding)
{
  pull_text (binding);
}

static void
on_changed (GtkEditable *editable,
            Binding     *binding)
{
  const char *text = gtk_editable_get_text (editable);

  if (binding->updating)
    return;
  if (binding->undo != NULL)
    zp_undo_stack_set_string (binding->undo, binding->object, binding->property, text, TRUE);
  else
    g_object_set (binding->object, binding->property, text, NULL);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GtkEditable             *editable)
{
  Binding *binding = g_object_get_data (G_OBJECT (editable), BINDING_KEY);

  if (binding != NULL && binding->undo != NULL)
    zp_undo_stack_break_merge (binding->undo);
}

static void
ensure_focus_controller (GtkEditable *editable)
{
  GtkEventController *focus;

  if (g_object_get_data (G_OBJECT (editable), "zp-edit-focus") != NULL)
    return;
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), editable);
  gtk_widget_add_controller (GTK_WIDGET (editable), focus);
  g_object_set_data (G_OBJECT (editable), "zp-edit-focus", focus);
}

void
zp_edit_binding_bind (GtkEditable *editable,
                      GObject     *object,
                      const char  *property,
                      ZpUndoStack *undo)
{
  g_autofree char *signal = NULL;
  Binding *binding;

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (G_IS_OBJECT (object));

  zp_edit_binding_unbind (editable);
  ensure_focus_controller (editable);

  binding = g_new0 (Binding, 1);
  binding->editable = editable;
  binding->object = g_object_ref (object);
  binding->property = g_strdup (property);
  binding->undo = undo ? g_object_ref (undo) : NULL;
  pull_text (binding);

  signal = g_strconcat ("notify::", property, NULL);
  binding->notify_id = g_signal_connect (object, signal, G_CALLBACK (on_notify), binding);
  binding->changed_id = g_signal_connect (editable, "changed", G_CALLBACK (on_changed), binding);
  g_object_set_data_full (G_OBJECT (editable), BINDING_KEY, binding, binding_free);
}

void
zp_edit_binding_unbind (GtkEditable *editable)
{
  g_object_set_data (G_OBJECT (editable), BINDING_KEY, NULL);
}

GObject *
zp_edit_binding_get_object (GtkEditable *editable)
{
  Binding *binding = g_object_get_data (G_OBJECT (editable), BINDING_KEY);

  return binding ? binding->object : NULL;
}

typedef struct
{
  GtkTextBuffer *buffer;
  GObject       *object;
  char          *property;
  ZpUndoStack   *undo;
  gulong         notify_id;
  gboolean       updating;
} BufferBinding;

static void
buffer_binding_free (gpointer data)
{
  BufferBinding *binding = data;

  g_clear_signal_handler (&binding->notify_id, binding->object);
  g_clear_object (&binding->object);
  g_clear_object (&binding->undo);
  g_free (binding->property);
  g_free (binding);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
buffer_pull (BufferBinding *binding)
{
  g_autofree char *value = NULL;
  g_autofree char *text = buffer_text (binding->buffer);

  g_object_get (binding->object, binding->property, &value, NULL);
  if (g_strcmp0 (value ? value : "", text) == 0)
    return;
  binding->updating = TRUE;
  gtk_text_buffer_set_text (binding->buffer, value ? value : "", -1);
  binding->updating = FALSE;
}

static void
on_buffer_notify (GObject       *object,
                  GParamSpec    *pspec,
                  BufferBinding *binding)
{
  buffer_pull (binding);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   BufferBinding *binding)
{
  g_autofree char *text = NULL;

  if (binding->updating)
    return;
  text = buffer_text (buffer);
  if (binding->undo != NULL)
    zp_undo_stack_set_string (binding->undo, binding->object, binding->property, text, TRUE);
  else
    g_object_set (binding->object, binding->property, text, NULL);
}

void
zp_edit_binding_bind_buffer (GtkTextBuffer *buffer,
                             GObject       *object,
                             const char    *property,
                             ZpUndoStack   *undo)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  BufferBinding *binding = g_new0 (BufferBinding, 1);

  binding->buffer = buffer;
  binding->object = g_object_ref (object);
  binding->property = g_strdup (property);
  binding->undo = undo ? g_object_ref (undo) : NULL;
  buffer_pull (binding);
  binding->notify_id = g_signal_connect (object, signal, G_CALLBACK (on_buffer_notify), binding);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), binding);
  g_object_set_data_full (G_OBJECT (buffer), BINDING_KEY, binding, buffer_binding_free);
}
