/* zp-workbook.c — one unit's forms for one year, scored by the workbook's own scheme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ziping-core.h"
#include "zp-core-private.h"

struct _ZpWorkbook
{
  GObject     parent_instance;

  guint       year;
  char       *unit;
  char       *unit_short;
  char       *department;
  ZpAmountUnit amount_unit;
  ZpScheme   *scheme;
  GListStore *forms;
  GHashTable *explanations;
  GVariant   *report_edits;  /* a{s(ss)}: the written report's edited paragraphs; NULL: none */
  /* ZpForm* → position + 1, built when first asked for and dropped when the list
   * changes: finding the form of each of thousands of findings stays linear. */
  GHashTable *positions;
};

G_DEFINE_FINAL_TYPE (ZpWorkbook, zp_workbook, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_UNIT,
  PROP_UNIT_SHORT,
  PROP_DEPARTMENT,
  PROP_SCHEME,
  PROP_AMOUNT_UNIT,
  PROP_REPORT_EDITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  EXPLANATIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_form_changed (ZpForm     *form,
                 ZpWorkbook *self)
{
  g_signal_emit (self, signals[CHANGED], 0, form);
}

static void
on_scheme_changed (ZpWorkbook *self)
{
  guint n = zp_workbook_get_n_forms (self);

  for (guint i = 0; i < n; i++)
    zp_form_rescore (zp_workbook_get_form (self, i));
}

/* Every form the workbook holds follows its scheme and reports its edits. */
static void
watch_form (ZpWorkbook *self,
            ZpForm     *form)
{
  zp_form_set_scheme (form, self->scheme);
  zp_form_set_amount_unit (form, self->amount_unit);
  g_signal_connect (form, "changed", G_CALLBACK (on_form_changed), self);
}

static void
unwatch_form (ZpWorkbook *self,
              ZpForm     *form)
{
  g_signal_handlers_disconnect_by_func (form, on_form_changed, self);
}

static gboolean
has_department_form (ZpWorkbook *self)
{
  return zp_workbook_get_department_form (self) != NULL;
}

static void
set_string (ZpWorkbook *self,
            char      **field,
            guint       prop_id,
            const char *value)
{
  if (!_zp_replace_text (field, value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
on_forms_items_changed (ZpWorkbook *self)
{
  g_clear_pointer (&self->positions, g_hash_table_unref);
}

static void
zp_workbook_dispose (GObject *object)
{
  ZpWorkbook *self = ZP_WORKBOOK (object);

  if (self->forms != NULL)
    {
      guint n = zp_workbook_get_n_forms (self);

      for (guint i = 0; i < n; i++)
        unwatch_form (self, zp_workbook_get_form (self, i));
      g_signal_handlers_disconnect_by_func (self->forms, on_forms_items_changed, self);
      g_clear_object (&self->forms);
    }
  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_func (self->scheme, on_scheme_changed, self);
  g_clear_object (&self->scheme);

  G_OBJECT_CLASS (zp_workbook_parent_class)->dispose (object);
}

static void
zp_workbook_finalize (GObject *object)
{
  ZpWorkbook *self = ZP_WORKBOOK (object);

  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->unit_short, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->explanations, g_hash_table_unref);
  g_clear_pointer (&self->report_edits, g_variant_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (zp_workbook_parent_class)->finalize (object);
}

static void
zp_workbook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZpWorkbook *self = ZP_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_UNIT_SHORT:
      g_value_set_string (value, self->unit_short);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_SCHEME:
      g_value_set_object (value, self->scheme);
      break;
    case PROP_AMOUNT_UNIT:
      g_value_set_enum (value, self->amount_unit);
      break;
    case PROP_REPORT_EDITS:
      g_value_set_variant (value, zp_workbook_get_report_edits (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_workbook_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZpWorkbook *self = ZP_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      zp_workbook_set_year (self, g_value_get_uint (value));
      break;
    case PROP_UNIT:
      zp_workbook_set_unit (self, g_value_get_string (value));
      break;
    case PROP_UNIT_SHORT:
      zp_workbook_set_unit_short (self, g_value_get_string (value));
      break;
    case PROP_DEPARTMENT:
      zp_workbook_set_department (self, g_value_get_string (value));
      break;
    case PROP_SCHEME:
      zp_workbook_set_scheme (self, g_value_get_object (value));
      break;
    case PROP_AMOUNT_UNIT:
      zp_workbook_set_amount_unit (self, g_value_get_enum (value));
      break;
    case PROP_REPORT_EDITS:
      zp_workbook_set_report_edits (self, g_value_get_variant (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_workbook_class_init (ZpWorkbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zp_workbook_dispose;
  object_class->finalize = zp_workbook_finalize;
  object_class->get_property = zp_workbook_get_property;
  object_class->set_property = zp_workbook_set_property;

  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, 0, 9999, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] = _zp_text_pspec ("unit");
  properties[PROP_UNIT_SHORT] = _zp_text_pspec ("unit-short");
  properties[PROP_DEPARTMENT] = _zp_text_pspec ("department");
  properties[PROP_SCHEME] =
    g_param_spec_object ("scheme", NULL, NULL, ZP_TYPE_SCHEME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AMOUNT_UNIT] =
    g_param_spec_enum ("amount-unit", NULL, NULL, ZP_TYPE_AMOUNT_UNIT, ZP_AMOUNT_UNIT_WAN_YUAN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* One value for all edits, so that an edit is undone like any other property. */
  properties[PROP_REPORT_EDITS] =
    g_param_spec_variant ("report-edits", NULL, NULL, G_VARIANT_TYPE ("a{s(ss)}"), NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZpWorkbook::changed:
   * @form: the form that changed (never %NULL)
   *
   * Re-emits a form's ::changed, after that form has rescored. Changes of the workbook
   * itself are reported by notify (header fields, scheme), items-changed of the forms
   * list and ::explanations-changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ZP_TYPE_FORM);

  /**
   * ZpWorkbook::explanations-changed:
   *
   * An explanation of a cross-form warning was set or removed.
   */
  signals[EXPLANATIONS_CHANGED] =
    g_signal_new ("explanations-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
zp_workbook_init (ZpWorkbook *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* Self-evaluation is written in the year after the one it evaluates. */
  self->year = g_date_time_get_year (now) - 1;
  self->unit = g_strdup ("");
  self->unit_short = g_strdup ("");
  self->department = g_strdup ("");
  self->forms = g_list_store_new (ZP_TYPE_FORM);
  g_signal_connect_swapped (self->forms, "items-changed", G_CALLBACK (on_forms_items_changed), self);
  self->explanations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

ZpWorkbook *
zp_workbook_new (const char *scheme_id)
{
  g_autoptr(ZpScheme) scheme = NULL;
  ZpWorkbook *self;

  scheme = zp_scheme_new_builtin (scheme_id != NULL ? scheme_id : ZP_SCHEME_DEFAULT_ID);
  g_return_val_if_fail (scheme != NULL, NULL);

  self = g_object_new (ZP_TYPE_WORKBOOK, NULL);
  zp_workbook_set_scheme (self, scheme);
  return self;
}

guint
zp_workbook_get_year (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), 0);
  return self->year;
}

void
zp_workbook_set_year (ZpWorkbook *self,
                      guint       year)
{
  g_return_if_fail (ZP_IS_WORKBOOK (self));
  g_return_if_fail (year <= 9999);

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

ZpAmountUnit
zp_workbook_get_amount_unit (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), ZP_AMOUNT_UNIT_WAN_YUAN);
  return self->amount_unit;
}

void
zp_workbook_set_amount_unit (ZpWorkbook   *self,
                             ZpAmountUnit  unit)
{
  g_return_if_fail (ZP_IS_WORKBOOK (self));
  g_return_if_fail (unit == ZP_AMOUNT_UNIT_WAN_YUAN || unit == ZP_AMOUNT_UNIT_YUAN);

  if (self->amount_unit == unit)
    return;

  self->amount_unit = unit;
  for (guint i = 0; i < zp_workbook_get_n_forms (self); i++)
    zp_form_set_amount_unit (zp_workbook_get_form (self, i), unit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_UNIT]);
}

const char *
zp_amount_unit_to_label (ZpAmountUnit unit)
{
  return unit == ZP_AMOUNT_UNIT_YUAN ? "元" : "万元";
}

const char *
zp_workbook_get_unit (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);
  return self->unit;
}

void
zp_workbook_set_unit (ZpWorkbook *self,
                      const char *unit)
{
  g_return_if_fail (ZP_IS_WORKBOOK (self));
  set_string (self, &self->unit, PROP_UNIT, unit);
}

const char *
zp_workbook_get_unit_short (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);

  return self->unit_short;
}

void
zp_workbook_set_unit_short (ZpWorkbook *self,
                            const char *unit_short)
{
  g_return_if_fail (ZP_IS_WORKBOOK (self));

  set_string (self, &self->unit_short, PROP_UNIT_SHORT, unit_short);
}

const char *
zp_workbook_get_display_unit_short (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);

  return *self->unit_short != '\0' ? self->unit_short : self->unit;
}

const char *
zp_workbook_get_department (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);
  return self->department;
}

void
zp_workbook_set_department (ZpWorkbook *self,
                            const char *department)
{
  g_return_if_fail (ZP_IS_WORKBOOK (self));
  set_string (self, &self->department, PROP_DEPARTMENT, department);
}

ZpScheme *
zp_workbook_get_scheme (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);
  return self->scheme;
}

void
zp_workbook_set_scheme (ZpWorkbook *self,
                        ZpScheme   *scheme)
{
  guint n;

  g_return_if_fail (ZP_IS_WORKBOOK (self));
  g_return_if_fail (ZP_IS_SCHEME (scheme));

  if (self->scheme == scheme)
    return;

  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_func (self->scheme, on_scheme_changed, self);
  g_set_object (&self->scheme, scheme);
  g_signal_connect_swapped (scheme, "changed", G_CALLBACK (on_scheme_changed), self);

  n = zp_workbook_get_n_forms (self);
  for (guint i = 0; i < n; i++)
    zp_form_set_scheme (zp_workbook_get_form (self, i), scheme);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
}

GListModel *
zp_workbook_get_forms (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->forms);
}

guint
zp_workbook_get_n_forms (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->forms));
}

ZpForm *
zp_workbook_get_form (ZpWorkbook *self,
                      guint       position)
{
  ZpForm *form;

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);

  /* Borrowed: the store keeps its reference. */
  form = g_list_model_get_item (G_LIST_MODEL (self->forms), position);
  if (form != NULL)
    g_object_unref (form);
  return form;
}

ZpDepartmentForm *
zp_workbook_get_department_form (ZpWorkbook *self)
{
  ZpForm *first;

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);

  first = zp_workbook_get_form (self, 0);
  return ZP_IS_DEPARTMENT_FORM (first) ? ZP_DEPARTMENT_FORM (first) : NULL;
}

void
zp_workbook_set_department_form (ZpWorkbook       *self,
                                 ZpDepartmentForm *form)
{
  ZpDepartmentForm *old;
  gpointer additions[1] = { form };

  g_return_if_fail (ZP_IS_WORKBOOK (self));
  g_return_if_fail (form == NULL || ZP_IS_DEPARTMENT_FORM (form));

  old = zp_workbook_get_department_form (self);
  if (old == form)
    return;

  if (old != NULL)
    unwatch_form (self, ZP_FORM (old));
  if (form != NULL)
    watch_form (self, ZP_FORM (form));

  /* One items-changed for a replacement. */
  g_list_store_splice (self->forms, 0, old != NULL ? 1 : 0, additions, form != NULL ? 1 : 0);
}

guint
zp_workbook_get_n_projects (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), 0);
  return zp_workbook_get_n_forms (self) - (has_department_form (self) ? 1 : 0);
}

void
zp_workbook_insert_project (ZpWorkbook    *self,
                            guint          position,
                            ZpProjectForm *form)
{
  guint first;
  guint n;

  g_return_if_fail (ZP_IS_WORKBOOK (self));
  g_return_if_fail (ZP_IS_PROJECT_FORM (form));

  n = zp_workbook_get_n_forms (self);
  first = has_department_form (self) ? 1 : 0;
  if (position == G_MAXUINT)
    position = n;
  g_return_if_fail (position >= first && position <= n);

  watch_form (self, ZP_FORM (form));
  g_list_store_insert (self->forms, position, form);
}

void
zp_workbook_remove_form (ZpWorkbook *self,
                         guint       position)
{
  g_return_if_fail (ZP_IS_WORKBOOK (self));
  g_return_if_fail (position < zp_workbook_get_n_forms (self));

  unwatch_form (self, zp_workbook_get_form (self, position));
  g_list_store_remove (self->forms, position);
}

void
zp_workbook_move_form (ZpWorkbook *self,
                       guint       from,
                       guint       to)
{
  g_autoptr(ZpForm) form = NULL;
  guint first;
  guint n;

  g_return_if_fail (ZP_IS_WORKBOOK (self));

  n = zp_workbook_get_n_forms (self);
  first = has_department_form (self) ? 1 : 0;
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;
  /* The department form stays first. */
  g_return_if_fail (from >= first && to >= first);

  form = g_list_model_get_item (G_LIST_MODEL (self->forms), from);
  g_list_store_remove (self->forms, from);
  g_list_store_insert (self->forms, to, form);
}

static GHashTable *
build_positions (ZpWorkbook *self)
{
  GHashTable *positions = g_hash_table_new (NULL, NULL);
  guint n = zp_workbook_get_n_forms (self);

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (positions, zp_workbook_get_form (self, i), GUINT_TO_POINTER (i + 1));
  return positions;
}

guint
zp_workbook_find_form (ZpWorkbook *self,
                       ZpForm     *form)
{
  gpointer position;

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), G_MAXUINT);

  if (form == NULL)
    return G_MAXUINT;
  if (self->positions == NULL)
    self->positions = build_positions (self);
  position = g_hash_table_lookup (self->positions, form);
  return position != NULL ? GPOINTER_TO_UINT (position) - 1 : G_MAXUINT;
}

const char *
zp_workbook_get_explanation (ZpWorkbook *self,
                             const char *key)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->explanations, key);
}

void
zp_workbook_set_explanation (ZpWorkbook *self,
                             const char *key,
                             const char *text)
{
  g_return_if_fail (ZP_IS_WORKBOOK (self));
  g_return_if_fail (key != NULL);

  if (text == NULL || text[0] == '\0')
    {
      if (!g_hash_table_remove (self->explanations, key))
        return;
    }
  else
    {
      if (g_strcmp0 (g_hash_table_lookup (self->explanations, key), text) == 0)
        return;
      g_hash_table_replace (self->explanations, g_strdup (key), g_strdup (text));
    }

  g_signal_emit (self, signals[EXPLANATIONS_CHANGED], 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
zp_workbook_list_explanation_keys (ZpWorkbook *self)
{
  GPtrArray *keys;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);

  keys = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->explanations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

/* Carry-over ****************************************************************************/

static void
clear_indicator_results (ZpIndicator *indicator)
{
  zp_indicator_set_actual (indicator, NULL);
  zp_indicator_set_grade (indicator, ZP_GRADE_NONE);
  zp_indicator_set_manual_score (indicator, NULL);
  zp_indicator_set_manual_reason (indicator, NULL);
  zp_indicator_set_deviation_note (indicator, NULL);
  zp_indicator_set_evidence (indicator, NULL);
  zp_indicator_set_published_score (indicator, NULL);
}

static void
clear_goal_results (ZpGoal *goal)
{
  guint n = zp_goal_get_n_indicators (goal);

  zp_goal_set_achieved (goal, NULL);
  for (guint i = 0; i < n; i++)
    clear_indicator_results (zp_goal_get_indicator (goal, i));
}

static void
clear_explanations (ZpForm *form)
{
  g_autoptr(GPtrArray) keys = zp_form_list_explanation_keys (form);

  for (guint i = 0; i < keys->len; i++)
    zp_form_set_explanation (form, g_ptr_array_index (keys, i), NULL);
}

/* Keeps what plans the year (targets, weights, texts), clears what reports on it and
 * every amount: last year's money is never this year's (issue 9). */
static void
clear_form_results (ZpForm *form)
{
  guint n_goals = zp_form_get_n_goals (form);

  zp_form_set_initial_budget (form, NULL);
  zp_form_set_budget (form, NULL);
  zp_form_set_spent (form, NULL);
  zp_form_set_analysis (form, NULL);
  zp_form_set_improvement (form, NULL);
  zp_form_set_evidence (form, NULL);  /* this year's 佐证材料 prove nothing about the next */
  zp_form_set_published_rate (form, NULL);
  zp_form_set_published_execution_score (form, NULL);
  zp_form_set_published_total (form, NULL);
  clear_explanations (form);

  if (ZP_IS_DEPARTMENT_FORM (form))
    {
      zp_department_form_set_basic_expenditure (ZP_DEPARTMENT_FORM (form), NULL);
      zp_department_form_set_project_expenditure (ZP_DEPARTMENT_FORM (form), NULL);
    }
  if (ZP_IS_PROJECT_FORM (form))
    for (guint fund = 0; fund < ZP_N_FUNDS; fund++)
      for (guint field = 0; field < ZP_N_FUND_FIELDS; field++)
        zp_project_form_set_fund (ZP_PROJECT_FORM (form), fund, field, NULL);

  for (guint g = 0; g < n_goals; g++)
    clear_goal_results (zp_form_get_goal (form, g));
}

ZpWorkbook *
zp_workbook_new_year (ZpWorkbook *self,
                      guint       year)
{
  g_autoptr(ZpScheme) scheme = NULL;
  ZpWorkbook *next;
  guint n;

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (year <= 9999, NULL);

  next = g_object_new (ZP_TYPE_WORKBOOK, NULL);
  scheme = zp_scheme_copy (self->scheme);
  zp_workbook_set_scheme (next, scheme);
  zp_workbook_set_year (next, year);
  zp_workbook_set_unit (next, self->unit);
  zp_workbook_set_unit_short (next, self->unit_short);
  zp_workbook_set_department (next, self->department);
  zp_workbook_set_amount_unit (next, self->amount_unit);

  n = zp_workbook_get_n_forms (self);
  for (guint i = 0; i < n; i++)
    {
      ZpForm *last = zp_workbook_get_form (self, i);
      g_autoptr(ZpForm) form = zp_form_copy (last);

      zp_form_freeze (form);
      clear_form_results (form);
      /* Kept aside as a hint only: the editor shows it in the empty cells. */
      zp_form_set_last_year_budget (form, zp_form_get_budget (last));
      zp_form_set_last_year_spent (form, zp_form_get_spent (last));
      zp_form_thaw (form);

      if (ZP_IS_DEPARTMENT_FORM (form))
        zp_workbook_set_department_form (next, ZP_DEPARTMENT_FORM (form));
      else
        zp_workbook_insert_project (next, G_MAXUINT, ZP_PROJECT_FORM (form));
    }

  return next;
}

/* ---- the written report's edited paragraphs ---- */

static GVariant *
empty_report_edits (void)
{
  return g_variant_new_array (G_VARIANT_TYPE ("{s(ss)}"), NULL, 0);
}

GVariant *
zp_workbook_get_report_edits (ZpWorkbook *self)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (self), NULL);

  if (self->report_edits == NULL)
    self->report_edits = g_variant_ref_sink (empty_report_edits ());
  return self->report_edits;
}

void
zp_workbook_set_report_edits (ZpWorkbook *self,
                              GVariant   *edits)
{
  g_autoptr(GVariant) value = NULL;

  g_return_if_fail (ZP_IS_WORKBOOK (self));
  g_return_if_fail (edits == NULL || g_variant_is_of_type (edits, G_VARIANT_TYPE ("a{s(ss)}")));

  value = g_variant_ref_sink (edits != NULL ? edits : empty_report_edits ());
  if (g_variant_equal (value, zp_workbook_get_report_edits (self)))
    return;
  g_clear_pointer (&self->report_edits, g_variant_unref);
  self->report_edits = g_steal_pointer (&value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_EDITS]);
}

gboolean
zp_workbook_get_report_edit (ZpWorkbook  *self,
                             const char  *key,
                             const char **text,
                             const char **generated)
{
  GVariant *edits;
  GVariantIter iter;
  const char *k, *t, *g;

  g_return_val_if_fail (ZP_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  edits = zp_workbook_get_report_edits (self);
  g_variant_iter_init (&iter, edits);
  while (g_variant_iter_next (&iter, "{&s(&s&s)}", &k, &t, &g))
    if (strcmp (k, key) == 0)
      {
        if (text != NULL)
          *text = t;
        if (generated != NULL)
          *generated = g;
        return TRUE;
      }
  return FALSE;
}

GVariant *
zp_report_edits_with (GVariant   *edits,
                      const char *key,
                      const char *text,
                      const char *generated)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{s(ss)}"));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GVariantIter iter;
  const char *k, *t, *g;
  gboolean added = text == NULL;

  g_return_val_if_fail (key != NULL, NULL);

  /* Kept sorted by key, so that equal edits are equal values and write the same bytes. */
  if (edits != NULL)
    {
      g_variant_iter_init (&iter, edits);
      while (g_variant_iter_next (&iter, "{&s(&s&s)}", &k, &t, &g))
        {
          int order = strcmp (k, key);

          if (!added && order > 0)
            {
              g_variant_builder_add (&builder, "{s(ss)}", key, text, generated ? generated : "");
              added = TRUE;
            }
          if (order != 0)
            g_variant_builder_add (&builder, "{s(ss)}", k, t, g);
        }
    }
  if (!added)
    g_variant_builder_add (&builder, "{s(ss)}", key, text, generated ? generated : "");
  return g_variant_builder_end (&builder);
}

void
zp_workbook_set_report_edit (ZpWorkbook *self,
                             const char *key,
                             const char *text,
                             const char *generated)
{
  g_return_if_fail (ZP_IS_WORKBOOK (self));
  zp_workbook_set_report_edits (self, zp_report_edits_with (zp_workbook_get_report_edits (self),
                                                           key, text, generated));
}
