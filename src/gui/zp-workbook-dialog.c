/* zp-workbook-dialog.c — edits the workbook's header through the undo stack.
 *
 * The text rows are bound with zp_edit_binding (typing merges into one undo step); the
 * year follows the spin button, and an undo of the year moves the spin button back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-edit-binding.h"
#include "zp-scheme-page.h"
#include "zp-workbook-dialog.h"

struct _ZpWorkbookDialog
{
  AdwPreferencesWindow  parent_instance;

  GtkSpinButton        *year_spin;
  AdwEntryRow          *unit_row;
  AdwEntryRow          *unit_short_row;
  AdwEntryRow          *department_row;

  ZpWorkbook           *workbook;
  ZpUndoStack          *undo;
};

G_DEFINE_FINAL_TYPE (ZpWorkbookDialog, zp_workbook_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_year_changed (ZpWorkbookDialog *self)
{
  guint year = (guint) gtk_spin_button_get_value_as_int (self->year_spin);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->workbook == NULL || year == zp_workbook_get_year (self->workbook))
    return;
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, year);
  /* Clicking the arrows several times is one step to undo. */
  zp_undo_stack_set_value (self->undo, G_OBJECT (self->workbook), "year", &value, TRUE);
}

static void
on_workbook_year (ZpWorkbookDialog *self)
{
  guint year = zp_workbook_get_year (self->workbook);

  if ((guint) gtk_spin_button_get_value_as_int (self->year_spin) != year)
    gtk_spin_button_set_value (self->year_spin, year);
}

static void
zp_workbook_dialog_dispose (GObject *object)
{
  ZpWorkbookDialog *self = ZP_WORKBOOK_DIALOG (object);

  g_clear_object (&self->workbook);
  g_clear_object (&self->undo);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_WORKBOOK_DIALOG);

  G_OBJECT_CLASS (zp_workbook_dialog_parent_class)->dispose (object);
}

static void
zp_workbook_dialog_class_init (ZpWorkbookDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_workbook_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-workbook-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpWorkbookDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ZpWorkbookDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ZpWorkbookDialog, unit_short_row);
  gtk_widget_class_bind_template_child (widget_class, ZpWorkbookDialog, department_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zp_workbook_dialog_init (ZpWorkbookDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ZpWorkbookDialog *
zp_workbook_dialog_new (GtkWindow   *parent,
                        ZpWorkbook  *workbook,
                        ZpUndoStack *undo)
{
  ZpWorkbookDialog *self;

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (ZP_IS_UNDO_STACK (undo), NULL);

  self = g_object_new (ZP_TYPE_WORKBOOK_DIALOG, "transient-for", parent, NULL);
  self->workbook = g_object_ref (workbook);
  self->undo = g_object_ref (undo);

  gtk_spin_button_set_value (self->year_spin, zp_workbook_get_year (workbook));
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (on_year_changed), self);
  g_signal_connect_object (workbook, "notify::year", G_CALLBACK (on_workbook_year), self,
                           G_CONNECT_SWAPPED);
  zp_edit_binding_bind (GTK_EDITABLE (self->unit_row), G_OBJECT (workbook), "unit", undo);
  zp_edit_binding_bind (GTK_EDITABLE (self->unit_short_row), G_OBJECT (workbook), "unit-short", undo);
  zp_edit_binding_bind (GTK_EDITABLE (self->department_row), G_OBJECT (workbook), "department", undo);
  /* The scheme page (issue 9): the workbook's scoring rules, undoable. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (zp_scheme_page_new (workbook, undo)));
  return self;
}
