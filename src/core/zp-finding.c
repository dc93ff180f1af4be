/* zp-finding.c — one result of the checks (审核).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zp-enums.h"
#include "zp-finding.h"
#include "zp-form.h"

struct _ZpFinding
{
  GObject     parent_instance;

  ZpSeverity  severity;
  char       *code;
  /* Weak: a finding must not keep a deleted form alive (the review page holds findings). */
  GWeakRef    form;
  int         goal;
  int         row;
  char       *field;
  char       *message;
  char       *key;
  char       *explanation;
};

G_DEFINE_FINAL_TYPE (ZpFinding, zp_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_CODE,
  PROP_FORM,
  PROP_GOAL,
  PROP_ROW,
  PROP_FIELD,
  PROP_MESSAGE,
  PROP_KEY,
  PROP_EXPLANATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zp_finding_update_key (ZpFinding *self)
{
  g_free (self->key);
  self->key = g_strdup_printf ("%s@%d:%d:%s",
                               self->code ? self->code : "",
                               self->goal, self->row,
                               self->field ? self->field : "");
}

static void
zp_finding_constructed (GObject *object)
{
  ZpFinding *self = ZP_FINDING (object);

  G_OBJECT_CLASS (zp_finding_parent_class)->constructed (object);

  zp_finding_update_key (self);
}

static void
zp_finding_finalize (GObject *object)
{
  ZpFinding *self = ZP_FINDING (object);

  g_weak_ref_clear (&self->form);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->explanation, g_free);

  G_OBJECT_CLASS (zp_finding_parent_class)->finalize (object);
}

static void
zp_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZpFinding *self = ZP_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_FORM:
      g_value_take_object (value, g_weak_ref_get (&self->form));
      break;
    case PROP_GOAL:
      g_value_set_int (value, self->goal);
      break;
    case PROP_ROW:
      g_value_set_int (value, self->row);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_finding_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ZpFinding *self = ZP_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;
    case PROP_FORM:
      g_weak_ref_set (&self->form, g_value_get_object (value));
      break;
    case PROP_GOAL:
      self->goal = g_value_get_int (value);
      break;
    case PROP_ROW:
      self->row = g_value_get_int (value);
      break;
    case PROP_FIELD:
      {
        const char *field = g_value_get_string (value);

        /* "" and NULL are the same place: keep one spelling. */
        self->field = (field && *field) ? g_strdup (field) : NULL;
      }
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    case PROP_EXPLANATION:
      zp_finding_set_explanation (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_finding_class_init (ZpFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = zp_finding_constructed;
  object_class->finalize = zp_finding_finalize;
  object_class->get_property = zp_finding_get_property;
  object_class->set_property = zp_finding_set_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       ZP_TYPE_SEVERITY, ZP_SEVERITY_WARNING, construct);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, construct);
  properties[PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL, ZP_TYPE_FORM, construct);
  properties[PROP_GOAL] =
    g_param_spec_int ("goal", NULL, NULL, -1, G_MAXINT, -1, construct);
  properties[PROP_ROW] =
    g_param_spec_int ("row", NULL, NULL, -1, G_MAXINT, -1, construct);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL, construct);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, construct);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, read_only);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zp_finding_init (ZpFinding *self)
{
  g_weak_ref_init (&self->form, NULL);
  self->goal = -1;
  self->row = -1;
}

ZpFinding *
zp_finding_new (ZpSeverity  severity,
                const char *code,
                ZpForm     *form,
                int         goal,
                int         row,
                const char *field,
                const char *message)
{
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (form == NULL || ZP_IS_FORM (form), NULL);

  return g_object_new (ZP_TYPE_FINDING,
                       "severity", severity,
                       "code", code,
                       "form", form,
                       "goal", MAX (goal, -1),
                       "row", MAX (row, -1),
                       "field", field,
                       "message", message,
                       NULL);
}

ZpSeverity
zp_finding_get_severity (ZpFinding *self)
{
  g_return_val_if_fail (ZP_IS_FINDING (self), ZP_SEVERITY_ERROR);

  return self->severity;
}

const char *
zp_finding_get_code (ZpFinding *self)
{
  g_return_val_if_fail (ZP_IS_FINDING (self), NULL);

  return self->code;
}

/* Borrowed like the other getters: the caller holds the form (workbook, editor) while it
 * looks at its findings; NULL once the form is gone. */
ZpForm *
zp_finding_get_form (ZpFinding *self)
{
  ZpForm *form;

  g_return_val_if_fail (ZP_IS_FINDING (self), NULL);

  form = g_weak_ref_get (&self->form);
  /* Whoever else holds the form keeps it alive after this unref. */
  if (form != NULL)
    g_object_unref (form);

  return form;
}

int
zp_finding_get_goal (ZpFinding *self)
{
  g_return_val_if_fail (ZP_IS_FINDING (self), -1);

  return self->goal;
}

int
zp_finding_get_row (ZpFinding *self)
{
  g_return_val_if_fail (ZP_IS_FINDING (self), -1);

  return self->row;
}

const char *
zp_finding_get_field (ZpFinding *self)
{
  g_return_val_if_fail (ZP_IS_FINDING (self), NULL);

  return self->field;
}

const char *
zp_finding_get_message (ZpFinding *self)
{
  g_return_val_if_fail (ZP_IS_FINDING (self), NULL);

  return self->message;
}

const char *
zp_finding_get_key (ZpFinding *self)
{
  g_return_val_if_fail (ZP_IS_FINDING (self), NULL);

  return self->key;
}

const char *
zp_finding_get_explanation (ZpFinding *self)
{
  g_return_val_if_fail (ZP_IS_FINDING (self), NULL);

  return self->explanation;
}

/* Only warnings can be accepted with an explanation (spec §4): on an error this does
 * nothing. "" clears like NULL. */
void
zp_finding_set_explanation (ZpFinding  *self,
                            const char *text)
{
  g_return_if_fail (ZP_IS_FINDING (self));

  if (self->severity == ZP_SEVERITY_ERROR || (text && !*text))
    text = NULL;

  if (g_strcmp0 (self->explanation, text) == 0)
    return;

  g_free (self->explanation);
  self->explanation = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION]);
}

gboolean
zp_finding_is_explained (ZpFinding *self)
{
  g_return_val_if_fail (ZP_IS_FINDING (self), FALSE);

  return self->explanation != NULL;
}

/* Fields of the form that belong to the execution block (预算执行情况). */
static gboolean
field_is_execution (const char *field)
{
  return g_str_equal (field, "budget") ||
         g_str_equal (field, "spent") ||
         g_str_equal (field, "initial-budget") ||
         g_str_has_prefix (field, "fund-");
}

/* Fields of the header block above the execution block. */
static gboolean
field_is_header (const char *field)
{
  static const char * const header[] = {
    "name", "unit", "department", "implementer", "manager",
    "basic-expenditure", "project-expenditure",
  };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    if (g_str_equal (header[i], field))
      return TRUE;

  return FALSE;
}

static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "budget", N_("budget") },
  { "spent", N_("spent") },
  { "initial-budget", N_("initial budget") },
  { "weight", N_("weight") },
  { "actual", N_("actual") },
  { "target", N_("target") },
  { "name", N_("name") },
  { "grade", N_("grade") },
  { "manual-score", N_("manual score") },
  { "manual-reason", N_("reason for the manual score") },
  { "deviation-note", N_("deviation note") },
  { "category", N_("category") },
  { "text", N_("goal text") },
  { "achieved", N_("achievement") },
  { "analysis", N_("analysis") },
  { "improvement", N_("improvement plan") },
  { "unit", N_("unit") },
  { "basic-expenditure", N_("basic expenditure") },
  { "project-expenditure", N_("project expenditure") },
  { "fund-current-initial", N_("current appropriation, initial budget") },
  { "fund-current-budget", N_("current appropriation, budget") },
  { "fund-current-spent", N_("current appropriation, spent") },
  { "fund-carryover-initial", N_("carried-over funds, initial budget") },
  { "fund-carryover-budget", N_("carried-over funds, budget") },
  { "fund-carryover-spent", N_("carried-over funds, spent") },
  { "fund-other-initial", N_("other funds, initial budget") },
  { "fund-other-budget", N_("other funds, budget") },
  { "fund-other-spent", N_("other funds, spent") },
};

static const char *
field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);

  return field;
}

/* Goals and rows are counted from 1 for people. A project form has one goal, so only
 * its row is named. Each combination is one whole string so that translators can
 * reorder it. */
static char *
dup_indicator_location (ZpFinding  *self,
                        gboolean    department,
                        const char *field)
{
  if (!department)
    return field
      ? g_strdup_printf (_("Row %d, %s"), self->row + 1, field)
      : g_strdup_printf (_("Row %d"), self->row + 1);

  return field
    ? g_strdup_printf (_("Goal %d, row %d, %s"), self->goal + 1, self->row + 1, field)
    : g_strdup_printf (_("Goal %d, row %d"), self->goal + 1, self->row + 1);
}

static char *
dup_goal_location (ZpFinding  *self,
                   gboolean    department,
                   const char *field)
{
  if (!department)
    return field
      ? g_strdup_printf (_("Overall goal, %s"), field)
      : g_strdup (_("Overall goal"));

  return field
    ? g_strdup_printf (_("Goal %d, %s"), self->goal + 1, field)
    : g_strdup_printf (_("Goal %d"), self->goal + 1);
}

static char *
dup_form_location (const char *field)
{
  if (field == NULL)
    return g_strdup (_("Whole form"));
  if (field_is_execution (field))
    return g_strdup_printf (_("Execution block, %s"), field_label (field));
  if (field_is_header (field))
    return g_strdup_printf (_("Form header, %s"), field_label (field));

  return g_strdup_printf (_("Whole form, %s"), field_label (field));
}

char *
zp_finding_dup_location (ZpFinding *self)
{
  g_autoptr(ZpForm) form = NULL;
  const char *field;
  gboolean department;

  g_return_val_if_fail (ZP_IS_FINDING (self), NULL);

  field = self->field ? field_label (self->field) : NULL;
  form = g_weak_ref_get (&self->form);
  if (form == NULL)
    return field
      ? g_strdup_printf (_("Workbook, %s"), field)
      : g_strdup (_("Workbook"));

  department = zp_form_is_department (form);
  if (self->row >= 0 && (self->goal >= 0 || !department))
    return dup_indicator_location (self, department, field);
  if (self->goal >= 0)
    return dup_goal_location (self, department, field);

  return dup_form_location (self->field);
}

const char *
zp_severity_to_string (ZpSeverity severity)
{
  switch (severity)
    {
    case ZP_SEVERITY_ERROR:
      return "error";
    case ZP_SEVERITY_WARNING:
    default:
      return "warning";
    }
}
