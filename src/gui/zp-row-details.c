/* zp-row-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-edit-binding.h"
#include "zp-row-details.h"

struct _ZpRowDetails
{
  AdwBin          parent_instance;

  GtkCheckButton *not_applicable_check;
  GtkEntry       *calc_symbol_entry;
  GtkEntry       *measure_unit_entry;
  GtkEntry       *published_score_entry;

  ZpIndicator    *indicator;
  ZpUndoStack    *undo;
};

G_DEFINE_FINAL_TYPE (ZpRowDetails, zp_row_details, ADW_TYPE_BIN)

static void
on_check_toggled (GtkCheckButton *check,
                  ZpRowDetails   *self)
{
  gboolean active = gtk_check_button_get_active (check);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->indicator == NULL || active == zp_indicator_get_not_applicable (self->indicator))
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, active);
  if (self->undo != NULL)
    zp_undo_stack_set_value (self->undo, G_OBJECT (self->indicator), "not-applicable", &value, FALSE);
  else
    zp_indicator_set_not_applicable (self->indicator, active);
}

static void
on_not_applicable (ZpRowDetails *self)
{
  gboolean active = zp_indicator_get_not_applicable (self->indicator);

  if (gtk_check_button_get_active (self->not_applicable_check) != active)
    gtk_check_button_set_active (self->not_applicable_check, active);
}

static void
zp_row_details_dispose (GObject *object)
{
  ZpRowDetails *self = ZP_ROW_DETAILS (object);

  if (self->indicator != NULL)
    g_signal_handlers_disconnect_by_data (self->indicator, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_ROW_DETAILS);
  g_clear_object (&self->indicator);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (zp_row_details_parent_class)->dispose (object);
}

static void
zp_row_details_class_init (ZpRowDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_row_details_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-row-details.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpRowDetails, not_applicable_check);
  gtk_widget_class_bind_template_child (widget_class, ZpRowDetails, calc_symbol_entry);
  gtk_widget_class_bind_template_child (widget_class, ZpRowDetails, measure_unit_entry);
  gtk_widget_class_bind_template_child (widget_class, ZpRowDetails, published_score_entry);
}

static void
zp_row_details_init (ZpRowDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ZpRowDetails *
zp_row_details_new (ZpIndicator *indicator,
                    ZpUndoStack *undo)
{
  ZpRowDetails *self;

  g_return_val_if_fail (ZP_IS_INDICATOR (indicator), NULL);

  self = g_object_new (ZP_TYPE_ROW_DETAILS, NULL);
  self->indicator = g_object_ref (indicator);
  self->undo = undo ? g_object_ref (undo) : NULL;
  gtk_check_button_set_active (self->not_applicable_check, zp_indicator_get_not_applicable (indicator));
  g_signal_connect (self->not_applicable_check, "toggled", G_CALLBACK (on_check_toggled), self);
  g_signal_connect_swapped (indicator, "notify::not-applicable", G_CALLBACK (on_not_applicable), self);
  zp_edit_binding_bind (GTK_EDITABLE (self->calc_symbol_entry), G_OBJECT (indicator), "calc-symbol", undo);
  zp_edit_binding_bind (GTK_EDITABLE (self->measure_unit_entry), G_OBJECT (indicator), "measure-unit", undo);
  zp_edit_binding_bind (GTK_EDITABLE (self->published_score_entry), G_OBJECT (indicator),
                        "published-score", undo);
  return self;
}
