/* zp-department-form.c — 部门（单位）整体支出绩效自评表: the unit and its totals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ziping-core.h"
#include "zp-form-private.h"
#include "zp-core-private.h"

struct _ZpDepartmentForm
{
  ZpForm  parent_instance;

  char   *unit;
  char   *basic_expenditure;
  char   *project_expenditure;
};

G_DEFINE_FINAL_TYPE (ZpDepartmentForm, zp_department_form, ZP_TYPE_FORM)

enum {
  PROP_0,
  PROP_UNIT,
  PROP_BASIC_EXPENDITURE,
  PROP_PROJECT_EXPENDITURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (ZpDepartmentForm *self,
              guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_UNIT:                return &self->unit;
    case PROP_BASIC_EXPENDITURE:   return &self->basic_expenditure;
    case PROP_PROJECT_EXPENDITURE: return &self->project_expenditure;
    default:                       g_assert_not_reached ();
    }
}

static void
set_string (ZpDepartmentForm *self,
            guint             prop_id,
            const char       *value)
{
  char **field = string_field (self, prop_id);

  if (!_zp_replace_text (field, value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _zp_form_input_changed (ZP_FORM (self));
}

static char *
zp_department_form_dup_title (ZpForm *form)
{
  ZpDepartmentForm *self = ZP_DEPARTMENT_FORM (form);
  g_autofree char *unit = g_strstrip (g_strdup (self->unit));

  if (unit[0] == '\0')
    return g_strdup (_("Department form"));
  return g_steal_pointer (&unit);
}

static ZpForm *
zp_department_form_copy (ZpForm *form)
{
  ZpDepartmentForm *self = ZP_DEPARTMENT_FORM (form);
  ZpDepartmentForm *copy = zp_department_form_new ();

  zp_form_freeze (ZP_FORM (copy));
  for (guint prop_id = PROP_UNIT; prop_id < N_PROPS; prop_id++)
    set_string (copy, prop_id, *string_field (self, prop_id));
  _zp_form_copy_base (form, ZP_FORM (copy));
  zp_form_thaw (ZP_FORM (copy));

  return ZP_FORM (copy);
}

static void
zp_department_form_finalize (GObject *object)
{
  ZpDepartmentForm *self = ZP_DEPARTMENT_FORM (object);

  for (guint prop_id = PROP_UNIT; prop_id < N_PROPS; prop_id++)
    g_clear_pointer (string_field (self, prop_id), g_free);

  G_OBJECT_CLASS (zp_department_form_parent_class)->finalize (object);
}

static void
zp_department_form_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ZpDepartmentForm *self = ZP_DEPARTMENT_FORM (object);

  switch (prop_id)
    {
    case PROP_UNIT:
    case PROP_BASIC_EXPENDITURE:
    case PROP_PROJECT_EXPENDITURE:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_department_form_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ZpDepartmentForm *self = ZP_DEPARTMENT_FORM (object);

  switch (prop_id)
    {
    case PROP_UNIT:
    case PROP_BASIC_EXPENDITURE:
    case PROP_PROJECT_EXPENDITURE:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_department_form_class_init (ZpDepartmentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ZpFormClass *form_class = ZP_FORM_CLASS (klass);

  object_class->finalize = zp_department_form_finalize;
  object_class->get_property = zp_department_form_get_property;
  object_class->set_property = zp_department_form_set_property;

  form_class->dup_title = zp_department_form_dup_title;
  form_class->copy = zp_department_form_copy;

  properties[PROP_UNIT] = _zp_text_pspec ("unit");
  properties[PROP_BASIC_EXPENDITURE] = _zp_text_pspec ("basic-expenditure");
  properties[PROP_PROJECT_EXPENDITURE] = _zp_text_pspec ("project-expenditure");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zp_department_form_init (ZpDepartmentForm *self)
{
  for (guint prop_id = PROP_UNIT; prop_id < N_PROPS; prop_id++)
    *string_field (self, prop_id) = g_strdup ("");
}

ZpDepartmentForm *
zp_department_form_new (void)
{
  return g_object_new (ZP_TYPE_DEPARTMENT_FORM, NULL);
}

const char *
zp_department_form_get_unit (ZpDepartmentForm *self)
{
  g_return_val_if_fail (ZP_IS_DEPARTMENT_FORM (self), NULL);
  return self->unit;
}

void
zp_department_form_set_unit (ZpDepartmentForm *self,
                             const char       *value)
{
  g_return_if_fail (ZP_IS_DEPARTMENT_FORM (self));
  set_string (self, PROP_UNIT, value);
}

const char *
zp_department_form_get_basic_expenditure (ZpDepartmentForm *self)
{
  g_return_val_if_fail (ZP_IS_DEPARTMENT_FORM (self), NULL);
  return self->basic_expenditure;
}

void
zp_department_form_set_basic_expenditure (ZpDepartmentForm *self,
                                          const char       *value)
{
  g_return_if_fail (ZP_IS_DEPARTMENT_FORM (self));
  set_string (self, PROP_BASIC_EXPENDITURE, value);
}

const char *
zp_department_form_get_project_expenditure (ZpDepartmentForm *self)
{
  g_return_val_if_fail (ZP_IS_DEPARTMENT_FORM (self), NULL);
  return self->project_expenditure;
}

void
zp_department_form_set_project_expenditure (ZpDepartmentForm *self,
                                            const char       *value)
{
  g_return_if_fail (ZP_IS_DEPARTMENT_FORM (self));
  set_string (self, PROP_PROJECT_EXPENDITURE, value);
}
