/* zp-sidebar-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-form-info.h"
#include "zp-sidebar-row.h"

struct _ZpSidebarRow
{
  AdwBin    parent_instance;

  GtkImage *status_icon;
  GtkLabel *title_label;
  GtkLabel *kind_label;
  GtkLabel *total_label;

  ZpForm   *form;
  /* what the status icon shows, so an edit that changes none of it touches no widget */
  ZpFormStatus status;
  guint    n_errors;
  guint    n_warnings;
  gboolean status_shown;
};

G_DEFINE_FINAL_TYPE (ZpSidebarRow, zp_sidebar_row, ADW_TYPE_BIN)

/* Sets the tooltip only when it differs: setting one makes GTK look up the widget under
 * the pointer, which costs more than the rest of a keystroke's update. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  const char *shown = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (shown, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_title (ZpSidebarRow *self)
{
  g_autofree char *title = zp_form_dup_title (self->form);

  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled form"));
    }
  if (g_strcmp0 (gtk_label_get_label (self->title_label), title) == 0)
    return;
  gtk_label_set_label (self->title_label, title);
  set_tooltip (GTK_WIDGET (self->title_label), title);
}

static void
update_total (ZpSidebarRow *self)
{
  const char *total = zp_form_get_total_display_text (self->form);

  if (g_strcmp0 (gtk_label_get_label (self->total_label), total) != 0)
    gtk_label_set_label (self->total_label, total);
}

static const char *
status_css_class (ZpFormStatus status)
{
  return status == ZP_FORM_STATUS_COMPLETE ? "success" :
         status == ZP_FORM_STATUS_WARNINGS ? "warning" : "error";
}

/* The icon, its colour and its description change only with the status and the counts:
 * most keystrokes change neither, and re-setting an icon re-measures the whole list. */
static void
update_status (ZpSidebarRow *self)
{
  ZpFormInfo *info = zp_form_info_get (self->form);
  ZpFormStatus status = zp_form_info_get_status (info);
  guint n_errors = zp_form_info_get_n_errors (info);
  guint n_warnings = zp_form_info_get_n_warnings (info);
  const char *icon = zp_form_status_icon_name (status);
  g_autofree char *description = NULL;

  if (self->status_shown && status == self->status &&
      n_errors == self->n_errors && n_warnings == self->n_warnings)
    return;

  if (!self->status_shown || status != self->status)
    {
      gtk_image_set_from_icon_name (self->status_icon, icon);
      if (self->status_shown)
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), status_css_class (self->status));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), status_css_class (status));
    }
  self->status = status;
  self->n_errors = n_errors;
  self->n_warnings = n_warnings;
  self->status_shown = TRUE;

  description = g_strdup_printf (_("%s: %u errors, %u warnings"),
                                 zp_form_status_describe (status), n_errors, n_warnings);
  set_tooltip (GTK_WIDGET (self->status_icon), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
on_form_changed (ZpSidebarRow *self)
{
  update_title (self);
}

static void
on_info_changed (ZpSidebarRow *self)
{
  update_total (self);
  update_status (self);
}

static void
zp_sidebar_row_dispose (GObject *object)
{
  ZpSidebarRow *self = ZP_SIDEBAR_ROW (object);

  zp_sidebar_row_set_form (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_SIDEBAR_ROW);

  G_OBJECT_CLASS (zp_sidebar_row_parent_class)->dispose (object);
}

static void
zp_sidebar_row_class_init (ZpSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_sidebar_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpSidebarRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ZpSidebarRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZpSidebarRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ZpSidebarRow, total_label);
}

static void
zp_sidebar_row_init (ZpSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ZpSidebarRow *
zp_sidebar_row_new (void)
{
  return g_object_new (ZP_TYPE_SIDEBAR_ROW, NULL);
}

void
zp_sidebar_row_set_form (ZpSidebarRow *self,
                         ZpForm       *form)
{
  g_return_if_fail (ZP_IS_SIDEBAR_ROW (self));

  if (self->form == form)
    return;

  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      g_signal_handlers_disconnect_by_data (zp_form_info_get (self->form), self);
      g_clear_object (&self->form);
    }
  if (form == NULL)
    return;

  self->form = g_object_ref (form);
  g_signal_connect_swapped (form, "changed", G_CALLBACK (on_form_changed), self);
  g_signal_connect_swapped (zp_form_info_get (form), "changed", G_CALLBACK (on_info_changed), self);
  gtk_label_set_label (self->kind_label,
                       zp_form_is_department (form) ? _("Department form") : _("Project form"));
  update_title (self);
  update_total (self);
  update_status (self);
}

ZpForm *
zp_sidebar_row_get_form (ZpSidebarRow *self)
{
  return self->form;
}
