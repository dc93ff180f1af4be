/* zp-import-apply.c — the one mapping from what was read (ZpImport) into the model.
 *
 * The published figures (a row's printed 得分, the printed 执行率, execution score and
 * 总分) go into the model's published-* properties, and also become notes where Ziping
 * computes something else; a form's own category points go into the form where they
 * differ from the scheme's; 计算符号/计量单位 into the indicator; 金额单位 into the
 * workbook. What the model has no field for stays in the ZpImport: the printed execution
 * weight (a note when it differs from the scheme's), 扣减分数 and 完成情况简要描述.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zp-import.h"

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
add_note (ZpImport   *import,
          gboolean    needs_user,
          const char *where,
          char       *message)  /* taken */
{
  ZpImportNote *note = g_new0 (ZpImportNote, 1);

  note->needs_user = needs_user;
  note->where = g_strdup_printf ("%s: %s", import->display_name, where);
  note->message = message;
  g_ptr_array_add (import->notes, note);
}

static gboolean
parse (const char *text,
       ZpDecimal  *out)
{
  gboolean percent;

  return text != NULL && *text != '\0' && zp_decimal_parse (text, out, &percent);
}

/* Differ as numbers (a printed "20" equals a computed "20.00"); text that is no number
 * is not compared. */
static gboolean
numbers_differ (const char *printed,
                ZpDecimal   computed,
                guint       places)
{
  ZpDecimal p;

  if (!parse (printed, &p))
    return FALSE;
  return !zp_decimal_equal (zp_decimal_round (p, places), zp_decimal_round (computed, places));
}

static ZpIndicator *
make_indicator (ZpImportIndicator *src)
{
  ZpIndicator *ind = zp_indicator_new ();

  zp_indicator_set_category (ind, src->category);
  zp_indicator_set_subcategory (ind, src->subcategory);
  zp_indicator_set_name (ind, src->name);
  zp_indicator_set_target (ind, src->target);
  zp_indicator_set_actual (ind, src->actual);
  zp_indicator_set_weight (ind, src->weight);
  zp_indicator_set_deviation_note (ind, src->note);
  zp_indicator_set_published_score (ind, src->score);
  if (src->calc_symbol != NULL && *src->calc_symbol != '\0')
    zp_indicator_set_calc_symbol (ind, src->calc_symbol);  /* sets the direction of an auto row */
  else if (src->direction != ZP_DIRECTION_AUTO)
    zp_indicator_set_direction (ind, src->direction);
  if (src->measure_unit != NULL)
    zp_indicator_set_measure_unit (ind, src->measure_unit);
  if (src->manual)
    {
      zp_indicator_set_manual_score (ind, src->score);
      zp_indicator_set_manual_reason (ind, or_empty (src->manual_reason));
    }
  return ind;
}

static void
fill_goal (ZpGoal       *goal,
           ZpImportGoal *src)
{
  zp_goal_set_text (goal, src->text);
  zp_goal_set_achieved (goal, src->achieved);
  if (src->weight != NULL && *src->weight != '\0')
    zp_goal_set_weight (goal, src->weight);
  for (guint i = 0; i < src->indicators->len; i++)
    {
      g_autoptr(ZpIndicator) ind = make_indicator (g_ptr_array_index (src->indicators, i));

      zp_goal_insert_indicator (goal, G_MAXUINT, ind);
    }
}

static void
fill_execution (ZpForm       *form,
                ZpImportForm *src)
{
  if (src->initial_budget != NULL)
    zp_form_set_initial_budget (form, src->initial_budget);
  zp_form_set_budget (form, or_empty (src->budget));
  zp_form_set_spent (form, or_empty (src->spent));
  zp_form_set_analysis (form, or_empty (src->analysis));
  zp_form_set_improvement (form, or_empty (src->improvement));
  zp_form_set_published_rate (form, or_empty (src->published_rate));
  zp_form_set_published_execution_score (form, or_empty (src->published_execution_score));
  zp_form_set_published_total (form, or_empty (src->published_total));
}

/* The points a form prints for its categories ("产出指标（60 分）"), kept on the form where
 * they are not the scheme's own. */
static void
fill_category_points (ZpForm       *form,
                      ZpImportForm *src,
                      ZpScheme     *scheme)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, src->category_points);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ZpDecimal printed;
      gboolean percent;
      guint index;

      if (scheme != NULL && zp_scheme_lookup_category (scheme, key, &index)
          && zp_decimal_parse (value, &printed, &percent)
          && zp_decimal_equal (printed, zp_scheme_get_category_weight (scheme, index)))
        continue;
      zp_form_set_category_points (form, key, value);
    }
}

static ZpForm *
make_project (ZpImportForm *src,
              ZpScheme     *scheme)
{
  ZpProjectForm *project = zp_project_form_new ();
  ZpForm *form = ZP_FORM (project);
  ZpGoal *goal = zp_project_form_get_overall_goal (project);

  zp_form_freeze (form);
  zp_project_form_set_name (project, src->name != NULL ? src->name : src->sheet);
  zp_project_form_set_department (project, or_empty (src->department_name));
  zp_project_form_set_implementer (project, or_empty (src->implementer));
  zp_project_form_set_manager (project, or_empty (src->manager));
  if (src->project_category >= 0)
    zp_project_form_set_project_category (project, src->project_category);
  if (src->project_attribute >= 0)
    zp_project_form_set_project_attribute (project, src->project_attribute);
  if (src->project_type >= 0)
    zp_project_form_set_project_type (project, src->project_type);
  fill_execution (form, src);
  for (guint f = 0; f < ZP_N_FUNDS; f++)
    for (guint k = 0; k < ZP_N_FUND_FIELDS; k++)
      if (src->funds[f][k] != NULL)
        zp_project_form_set_fund (project, f, k, src->funds[f][k]);

  fill_category_points (form, src, scheme);

  /* The first goal is the 年度总体目标; a form printing several goals (黄冈 2020) gets
   * them all, in order. */
  for (guint g = 0; g < src->goals->len; g++)
    {
      ZpImportGoal *sg = g_ptr_array_index (src->goals, g);

      if (g == 0)
        {
          fill_goal (goal, sg);
          if (src->indicator_weight != NULL && src->goals->len == 1)
            zp_goal_set_weight (goal, src->indicator_weight);
        }
      else
        {
          g_autoptr(ZpGoal) more = zp_goal_new ();

          fill_goal (more, sg);
          zp_form_insert_goal (form, G_MAXUINT, more);
        }
    }
  zp_form_thaw (form);
  return form;
}

static ZpForm *
make_department (ZpImportForm *src,
                 const char   *unit)
{
  ZpDepartmentForm *department = zp_department_form_new ();
  ZpForm *form = ZP_FORM (department);

  zp_form_freeze (form);
  zp_department_form_set_unit (department, src->unit != NULL ? src->unit : or_empty (unit));
  zp_department_form_set_basic_expenditure (department, or_empty (src->basic_expenditure));
  zp_department_form_set_project_expenditure (department, or_empty (src->project_expenditure));
  fill_execution (form, src);
  for (guint g = 0; g < src->goals->len; g++)
    {
      g_autoptr(ZpGoal) goal = zp_goal_new ();

      fill_goal (goal, g_ptr_array_index (src->goals, g));
      zp_form_insert_goal (form, G_MAXUINT, goal);
    }
  zp_form_thaw (form);
  return form;
}

/* Published figures against Ziping's: each difference is a note for the checks. */
static void
compare_published (ZpImport     *import,
                   ZpImportForm *src,
                   ZpForm       *form)
{
  ZpScheme *scheme = zp_form_get_scheme (form);
  guint places = scheme ? zp_scheme_get_decimals (scheme) : 2;
  ZpDecimal rate;
  ZpDecimal printed;

  if (zp_form_get_execution_rate (form, &rate) && src->published_rate != NULL
      && parse (src->published_rate, &printed)
      && !zp_decimal_equal (zp_decimal_round (printed, 4), zp_decimal_round (rate, 4)))
    add_note (import, FALSE, src->where,
              g_strdup_printf (_("the form prints the execution rate %s; Ziping computes %s"),
                               src->published_rate, zp_form_get_execution_rate_text (form)));
  if (src->published_execution_score != NULL
      && numbers_differ (src->published_execution_score, zp_form_get_execution_score (form), places))
    add_note (import, FALSE, src->where,
              g_strdup_printf (_("the form prints the execution score %s; Ziping computes %s"),
                               src->published_execution_score,
                               zp_form_get_execution_score_text (form)));
  if (src->published_total != NULL
      && numbers_differ (src->published_total, zp_form_get_total (form), places))
    add_note (import, FALSE, src->where,
              g_strdup_printf (_("the form prints the total %s; Ziping computes %s"),
                               src->published_total, zp_form_get_total_text (form)));

  for (guint g = 0; g < src->goals->len && g < zp_form_get_n_goals (form); g++)
    {
      ZpImportGoal *sg = g_ptr_array_index (src->goals, g);
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint i = 0; i < sg->indicators->len && i < zp_goal_get_n_indicators (goal); i++)
        {
          ZpImportIndicator *si = g_ptr_array_index (sg->indicators, i);
          ZpIndicator *ind = zp_goal_get_indicator (goal, i);

          if (si->weight_source == ZP_WEIGHT_MISSING || si->manual
              || zp_indicator_get_state (ind) == ZP_INDICATOR_STATE_UNSCORED)
            continue;
          if (numbers_differ (si->score, zp_indicator_get_score (ind), places))
            add_note (import, FALSE, si->where,
                      g_strdup_printf (_("“%s”: the form prints the score %s; Ziping computes %s"),
                                       si->name, si->score, zp_indicator_get_score_text (ind)));
        }
    }
}

/* A form's own points against the scheme's. */
static void
compare_scheme (ZpImport     *import,
                ZpImportForm *src,
                ZpScheme     *scheme)
{
  GHashTableIter iter;
  gpointer key, value;
  ZpDecimal printed;

  if (src->execution_weight != NULL && parse (src->execution_weight, &printed)
      && !zp_decimal_equal (printed, zp_scheme_get_execution_weight (scheme)))
    {
      g_autofree char *ours = zp_decimal_format_trim (zp_scheme_get_execution_weight (scheme), 2);

      add_note (import, FALSE, src->where,
                g_strdup_printf (_("the form gives budget execution %s points; the scheme “%s” "
                                   "gives %s"), src->execution_weight,
                                 zp_scheme_get_name (scheme), ours));
    }

  g_hash_table_iter_init (&iter, src->category_points);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint index;

      if (!zp_scheme_lookup_category (scheme, key, &index))
        add_note (import, TRUE, src->where,
                  g_strdup_printf (_("the category “%s” is not in the scheme “%s”; add it to "
                                     "the scheme or rename it"), (const char *) key,
                                   zp_scheme_get_name (scheme)));
      else if (parse (value, &printed)
               && !zp_decimal_equal (printed, zp_scheme_get_category_weight (scheme, index)))
        {
          g_autofree char *ours = zp_decimal_format_trim (zp_scheme_get_category_weight (scheme, index), 2);

          add_note (import, FALSE, src->where,
                    g_strdup_printf (_("the form gives “%s” %s points; the scheme gives %s"),
                                     (const char *) key, (const char *) value, ours));
        }
    }
}

/* Header fields of a new workbook, from what the forms print. */
static void
fill_workbook (ZpImport   *import,
               ZpWorkbook *workbook)
{
  const char *unit = NULL, *title_unit = NULL, *department = NULL, *amount_unit = NULL;
  gboolean same_department = TRUE;
  guint year = 0;

  for (guint i = 0; i < import->forms->len; i++)
    {
      ZpImportForm *f = g_ptr_array_index (import->forms, i);

      if (year == 0)
        year = f->year;
      if (f->amount_unit != NULL)
        {
          if (amount_unit == NULL)
            amount_unit = f->amount_unit;
          else if (strcmp (amount_unit, f->amount_unit) != 0)
            add_note (import, TRUE, f->where,
                      g_strdup_printf (_("this form’s amounts are in %s, the first form’s in %s; "
                                         "a workbook has one unit: convert the amounts"),
                                       f->amount_unit, amount_unit));
        }
      if (f->department && unit == NULL && f->unit != NULL && *f->unit)
        unit = f->unit;
      if (!f->department && title_unit == NULL && f->title_unit != NULL)
        title_unit = f->title_unit;
      if (!f->department && f->department_name != NULL && *f->department_name)
        {
          if (department == NULL)
            department = f->department_name;
          else if (strcmp (department, f->department_name) != 0)
            same_department = FALSE;
        }
    }
  if (year != 0)
    zp_workbook_set_year (workbook, year);
  if (amount_unit != NULL)
    zp_workbook_set_amount_unit (workbook, strcmp (amount_unit, "元") == 0 ? ZP_AMOUNT_UNIT_YUAN
                                                                        : ZP_AMOUNT_UNIT_WAN_YUAN);
  if (*or_empty (zp_workbook_get_unit (workbook)) == '\0')
    zp_workbook_set_unit (workbook, unit != NULL ? unit : or_empty (title_unit));
  if (title_unit != NULL && *or_empty (zp_workbook_get_unit_short (workbook)) == '\0'
      && g_strcmp0 (title_unit, zp_workbook_get_unit (workbook)) != 0)
    zp_workbook_set_unit_short (workbook, title_unit);
  if (department != NULL && same_department
      && *or_empty (zp_workbook_get_department (workbook)) == '\0')
    zp_workbook_set_department (workbook, department);
}

void
zp_import_apply (ZpImport   *import,
                 ZpWorkbook *workbook)
{
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);

  if (zp_workbook_get_n_forms (workbook) == 0)
    fill_workbook (import, workbook);

  for (guint i = 0; i < import->forms->len; i++)
    {
      ZpImportForm *src = g_ptr_array_index (import->forms, i);
      g_autoptr(ZpForm) form = NULL;

      if (src->department)
        {
          if (zp_workbook_get_department_form (workbook) != NULL)
            {
              add_note (import, TRUE, src->where,
                        g_strdup (_("a second department form: a workbook holds one; import "
                                    "this file into its own workbook")));
              continue;
            }
          form = make_department (src, zp_workbook_get_unit (workbook));
          zp_workbook_set_department_form (workbook, ZP_DEPARTMENT_FORM (form));
        }
      else
        {
          form = make_project (src, scheme);
          zp_workbook_insert_project (workbook, G_MAXUINT, ZP_PROJECT_FORM (form));
        }
      compare_scheme (import, src, scheme);
      compare_published (import, src, form);
    }
}
