/* zp-form-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-form-info.h"

struct _ZpFormInfo
{
  GObject     parent_instance;

  ZpForm     *form;      /* weak: the info lives as the form's data */
  GListStore *findings;  /* NULL while stale */
  guint       n_errors;
  guint       n_warnings;
  guint       changed_idle;
};

G_DEFINE_FINAL_TYPE (ZpFormInfo, zp_form_info, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
emit_changed (gpointer data)
{
  ZpFormInfo *self = data;

  self->changed_idle = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_form_changed (ZpFormInfo *self)
{
  g_clear_object (&self->findings);
  if (self->changed_idle == 0)
    self->changed_idle = g_idle_add_full (G_PRIORITY_DEFAULT, emit_changed, self, NULL);
}

static void
zp_form_info_finalize (GObject *object)
{
  ZpFormInfo *self = ZP_FORM_INFO (object);

  g_clear_handle_id (&self->changed_idle, g_source_remove);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (zp_form_info_parent_class)->finalize (object);
}

static void
zp_form_info_class_init (ZpFormInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zp_form_info_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
zp_form_info_init (ZpFormInfo *self)
{
}

ZpFormInfo *
zp_form_info_get (ZpForm *form)
{
  ZpFormInfo *self;

  g_return_val_if_fail (ZP_IS_FORM (form), NULL);

  self = g_object_get_data (G_OBJECT (form), "zp-form-info");
  if (self != NULL)
    return self;

  self = g_object_new (ZP_TYPE_FORM_INFO, NULL);
  self->form = form;
  g_signal_connect_object (form, "changed", G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (form, "rescored", G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (form), "zp-form-info", self, g_object_unref);
  return self;
}

GListModel *
zp_form_info_get_findings (ZpFormInfo *self)
{
  g_return_val_if_fail (ZP_IS_FORM_INFO (self), NULL);

  if (self->findings == NULL)
    {
      self->findings = zp_check_form (self->form);
      self->n_errors = zp_findings_count (G_LIST_MODEL (self->findings), ZP_SEVERITY_ERROR, FALSE);
      self->n_warnings = zp_findings_count (G_LIST_MODEL (self->findings), ZP_SEVERITY_WARNING, FALSE);
    }
  return G_LIST_MODEL (self->findings);
}

ZpFormStatus
zp_form_info_get_status (ZpFormInfo *self)
{
  return zp_findings_status (zp_form_info_get_findings (self));
}

guint
zp_form_info_get_n_errors (ZpFormInfo *self)
{
  zp_form_info_get_findings (self);
  return self->n_errors;
}

guint
zp_form_info_get_n_warnings (ZpFormInfo *self)
{
  zp_form_info_get_findings (self);
  return self->n_warnings;
}

const char *
zp_form_status_icon_name (ZpFormStatus status)
{
  switch (status)
    {
    case ZP_FORM_STATUS_COMPLETE:
      return "emblem-ok-symbolic";
    case ZP_FORM_STATUS_WARNINGS:
      return "dialog-warning-symbolic";
    case ZP_FORM_STATUS_ERRORS:
    default:
      return "dialog-error-symbolic";
    }
}

const char *
zp_form_status_describe (ZpFormStatus status)
{
  switch (status)
    {
    case ZP_FORM_STATUS_COMPLETE:
      return _("Complete");
    case ZP_FORM_STATUS_WARNINGS:
      return _("Has warnings");
    case ZP_FORM_STATUS_ERRORS:
    default:
      return _("Has errors");
    }
}
