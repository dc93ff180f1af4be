/* zp-project-form.c — 项目支出绩效自评表: header fields, fund rows, one overall goal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ziping-core.h"
#include "zp-form-private.h"
#include "zp-core-private.h"

struct _ZpProjectForm
{
  ZpForm              parent_instance;

  char               *name;
  char               *department;
  char               *implementer;
  char               *manager;
  ZpProjectCategory   project_category;
  ZpProjectAttribute  project_attribute;
  ZpProjectType       project_type;
  char               *funds[ZP_N_FUNDS][ZP_N_FUND_FIELDS];
};

G_DEFINE_FINAL_TYPE (ZpProjectForm, zp_project_form, ZP_TYPE_FORM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DEPARTMENT,
  PROP_IMPLEMENTER,
  PROP_MANAGER,
  PROP_PROJECT_CATEGORY,
  PROP_PROJECT_ATTRIBUTE,
  PROP_PROJECT_TYPE,
  PROP_FUND_FIRST,
  PROP_FUND_LAST = PROP_FUND_FIRST + ZP_N_FUNDS * ZP_N_FUND_FIELDS - 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const fund_names[ZP_N_FUNDS] = { "current", "carryover", "other" };
static const char * const fund_field_names[ZP_N_FUND_FIELDS] = { "initial", "budget", "spent" };

static char **
string_field (ZpProjectForm *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME:        return &self->name;
    case PROP_DEPARTMENT:  return &self->department;
    case PROP_IMPLEMENTER: return &self->implementer;
    case PROP_MANAGER:     return &self->manager;
    case PROP_FUND_FIRST ... PROP_FUND_LAST:
      {
        guint i = prop_id - PROP_FUND_FIRST;

        return &self->funds[i / ZP_N_FUND_FIELDS][i % ZP_N_FUND_FIELDS];
      }
    default:
      g_assert_not_reached ();
    }
}

static guint
fund_prop (ZpFund      fund,
           ZpFundField field)
{
  return PROP_FUND_FIRST + fund * ZP_N_FUND_FIELDS + field;
}

static void
set_string (ZpProjectForm *self,
            guint          prop_id,
            const char    *value)
{
  char **field = string_field (self, prop_id);

  if (!_zp_replace_text (field, value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _zp_form_input_changed (ZP_FORM (self));
}

/* Sets an enum field, notifying only on change. */
static void
set_enum (ZpProjectForm *self,
          guint          prop_id,
          int           *field,
          int            value)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _zp_form_input_changed (ZP_FORM (self));
}

static char *
zp_project_form_dup_title (ZpForm *form)
{
  ZpProjectForm *self = ZP_PROJECT_FORM (form);
  g_autofree char *name = g_strstrip (g_strdup (self->name));

  if (name[0] == '\0')
    return g_strdup (_("Untitled project"));
  return g_steal_pointer (&name);
}

static ZpForm *
zp_project_form_copy (ZpForm *form)
{
  ZpProjectForm *self = ZP_PROJECT_FORM (form);
  ZpProjectForm *copy = zp_project_form_new ();

  zp_form_freeze (ZP_FORM (copy));
  for (guint prop_id = PROP_NAME; prop_id <= PROP_MANAGER; prop_id++)
    set_string (copy, prop_id, *string_field (self, prop_id));
  for (guint prop_id = PROP_FUND_FIRST; prop_id <= PROP_FUND_LAST; prop_id++)
    set_string (copy, prop_id, *string_field (self, prop_id));
  copy->project_category = self->project_category;
  copy->project_attribute = self->project_attribute;
  copy->project_type = self->project_type;
  _zp_form_copy_base (form, ZP_FORM (copy));
  zp_form_thaw (ZP_FORM (copy));

  return ZP_FORM (copy);
}

static void
zp_project_form_finalize (GObject *object)
{
  ZpProjectForm *self = ZP_PROJECT_FORM (object);

  for (guint prop_id = PROP_NAME; prop_id <= PROP_MANAGER; prop_id++)
    g_clear_pointer (string_field (self, prop_id), g_free);
  for (guint prop_id = PROP_FUND_FIRST; prop_id <= PROP_FUND_LAST; prop_id++)
    g_clear_pointer (string_field (self, prop_id), g_free);

  G_OBJECT_CLASS (zp_project_form_parent_class)->finalize (object);
}

static void
zp_project_form_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZpProjectForm *self = ZP_PROJECT_FORM (object);

  switch (prop_id)
    {
    case PROP_NAME ... PROP_MANAGER:
    case PROP_FUND_FIRST ... PROP_FUND_LAST:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    case PROP_PROJECT_CATEGORY:
      g_value_set_enum (value, self->project_category);
      break;
    case PROP_PROJECT_ATTRIBUTE:
      g_value_set_enum (value, self->project_attribute);
      break;
    case PROP_PROJECT_TYPE:
      g_value_set_enum (value, self->project_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_project_form_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ZpProjectForm *self = ZP_PROJECT_FORM (object);

  switch (prop_id)
    {
    case PROP_NAME ... PROP_MANAGER:
    case PROP_FUND_FIRST ... PROP_FUND_LAST:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_PROJECT_CATEGORY:
      zp_project_form_set_project_category (self, g_value_get_enum (value));
      break;
    case PROP_PROJECT_ATTRIBUTE:
      zp_project_form_set_project_attribute (self, g_value_get_enum (value));
      break;
    case PROP_PROJECT_TYPE:
      zp_project_form_set_project_type (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_fund_properties (void)
{
  for (guint fund = 0; fund < ZP_N_FUNDS; fund++)
    for (guint field = 0; field < ZP_N_FUND_FIELDS; field++)
      {
        g_autofree char *built = g_strdup_printf ("fund-%s-%s",
                                                  fund_names[fund], fund_field_names[field]);
        /* Interned: lives as long as the process, as a static name must. */
        const char *name = g_intern_string (built);

        properties[fund_prop (fund, field)] =
          g_param_spec_string (name, NULL, NULL, "",
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_NAME | G_PARAM_STATIC_NICK |
                               G_PARAM_STATIC_BLURB);
      }
}

static void
zp_project_form_class_init (ZpProjectFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ZpFormClass *form_class = ZP_FORM_CLASS (klass);

  object_class->finalize = zp_project_form_finalize;
  object_class->get_property = zp_project_form_get_property;
  object_class->set_property = zp_project_form_set_property;

  form_class->dup_title = zp_project_form_dup_title;
  form_class->copy = zp_project_form_copy;

  properties[PROP_NAME] = _zp_text_pspec ("name");
  properties[PROP_DEPARTMENT] = _zp_text_pspec ("department");
  properties[PROP_IMPLEMENTER] = _zp_text_pspec ("implementer");
  properties[PROP_MANAGER] = _zp_text_pspec ("manager");
  properties[PROP_PROJECT_CATEGORY] =
    g_param_spec_enum ("project-category", NULL, NULL,
                       ZP_TYPE_PROJECT_CATEGORY, ZP_PROJECT_CATEGORY_DEPARTMENT_BUDGET,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT_ATTRIBUTE] =
    g_param_spec_enum ("project-attribute", NULL, NULL,
                       ZP_TYPE_PROJECT_ATTRIBUTE, ZP_PROJECT_ATTRIBUTE_CONTINUING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT_TYPE] =
    g_param_spec_enum ("project-type", NULL, NULL,
                       ZP_TYPE_PROJECT_TYPE, ZP_PROJECT_TYPE_RECURRENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  install_fund_properties ();

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zp_project_form_init (ZpProjectForm *self)
{
  g_autoptr(ZpGoal) overall = zp_goal_new ();

  for (guint prop_id = PROP_NAME; prop_id <= PROP_MANAGER; prop_id++)
    *string_field (self, prop_id) = g_strdup ("");
  for (guint prop_id = PROP_FUND_FIRST; prop_id <= PROP_FUND_LAST; prop_id++)
    *string_field (self, prop_id) = g_strdup ("");

  _zp_form_add_goal (ZP_FORM (self), 0, overall);
}

ZpProjectForm *
zp_project_form_new (void)
{
  return g_object_new (ZP_TYPE_PROJECT_FORM, NULL);
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                            \
  const char *                                                          \
  zp_project_form_get_##field (ZpProjectForm *self)                     \
  {                                                                     \
    g_return_val_if_fail (ZP_IS_PROJECT_FORM (self), NULL);             \
    return self->field;                                                 \
  }                                                                     \
                                                                        \
  void                                                                  \
  zp_project_form_set_##field (ZpProjectForm *self,                     \
                               const char    *value)                    \
  {                                                                     \
    g_return_if_fail (ZP_IS_PROJECT_FORM (self));                       \
    set_string (self, PROP, value);                                     \
  }

DEFINE_STRING_ACCESSORS (name, PROP_NAME)
DEFINE_STRING_ACCESSORS (department, PROP_DEPARTMENT)
DEFINE_STRING_ACCESSORS (implementer, PROP_IMPLEMENTER)
DEFINE_STRING_ACCESSORS (manager, PROP_MANAGER)

#undef DEFINE_STRING_ACCESSORS

ZpProjectCategory
zp_project_form_get_project_category (ZpProjectForm *self)
{
  g_return_val_if_fail (ZP_IS_PROJECT_FORM (self), 0);
  return self->project_category;
}

void
zp_project_form_set_project_category (ZpProjectForm     *self,
                                      ZpProjectCategory  value)
{
  g_return_if_fail (ZP_IS_PROJECT_FORM (self));
  g_return_if_fail (value <= ZP_PROJECT_CATEGORY_TRANSFER);

  set_enum (self, PROP_PROJECT_CATEGORY, (int *) &self->project_category, value);
}

ZpProjectAttribute
zp_project_form_get_project_attribute (ZpProjectForm *self)
{
  g_return_val_if_fail (ZP_IS_PROJECT_FORM (self), 0);
  return self->project_attribute;
}

void
zp_project_form_set_project_attribute (ZpProjectForm      *self,
                                       ZpProjectAttribute  value)
{
  g_return_if_fail (ZP_IS_PROJECT_FORM (self));
  g_return_if_fail (value <= ZP_PROJECT_ATTRIBUTE_NEW);

  set_enum (self, PROP_PROJECT_ATTRIBUTE, (int *) &self->project_attribute, value);
}

ZpProjectType
zp_project_form_get_project_type (ZpProjectForm *self)
{
  g_return_val_if_fail (ZP_IS_PROJECT_FORM (self), 0);
  return self->project_type;
}

void
zp_project_form_set_project_type (ZpProjectForm *self,
                                  ZpProjectType  value)
{
  g_return_if_fail (ZP_IS_PROJECT_FORM (self));
  g_return_if_fail (value <= ZP_PROJECT_TYPE_ONE_OFF);

  set_enum (self, PROP_PROJECT_TYPE, (int *) &self->project_type, value);
}

const char *
zp_project_form_get_fund (ZpProjectForm *self,
                          ZpFund         fund,
                          ZpFundField    field)
{
  g_return_val_if_fail (ZP_IS_PROJECT_FORM (self), NULL);
  g_return_val_if_fail (fund < ZP_N_FUNDS && field < ZP_N_FUND_FIELDS, NULL);

  return self->funds[fund][field];
}

void
zp_project_form_set_fund (ZpProjectForm *self,
                          ZpFund         fund,
                          ZpFundField    field,
                          const char    *value)
{
  g_return_if_fail (ZP_IS_PROJECT_FORM (self));
  g_return_if_fail (fund < ZP_N_FUNDS && field < ZP_N_FUND_FIELDS);

  set_string (self, fund_prop (fund, field), value);
}

ZpGoal *
zp_project_form_get_overall_goal (ZpProjectForm *self)
{
  g_return_val_if_fail (ZP_IS_PROJECT_FORM (self), NULL);
  return zp_form_get_goal (ZP_FORM (self), 0);
}

/* Printed as on the published forms: data, not translated strings. */
static const char * const category_labels[] = { "部门预算项目", "区级专项", "专项转移支付项目" };
static const char * const attribute_labels[] = { "持续性项目", "新增性项目" };
static const char * const type_labels[] = { "常年性项目", "延续性项目", "一次性项目" };

const char *
zp_project_category_to_label (ZpProjectCategory value)
{
  g_return_val_if_fail (value < G_N_ELEMENTS (category_labels), NULL);
  return category_labels[value];
}

const char *
zp_project_attribute_to_label (ZpProjectAttribute value)
{
  g_return_val_if_fail (value < G_N_ELEMENTS (attribute_labels), NULL);
  return attribute_labels[value];
}

const char *
zp_project_type_to_label (ZpProjectType value)
{
  g_return_val_if_fail (value < G_N_ELEMENTS (type_labels), NULL);
  return type_labels[value];
}
