/* test-carryover.c — zp_workbook_new_year() keeps the plan and clears the results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ziping-core.h"

static void
fill_indicator (ZpIndicator *indicator,
                const char  *target,
                const char  *actual,
                const char  *weight)
{
  zp_indicator_set_category (indicator, "产出指标");
  zp_indicator_set_subcategory (indicator, "数量指标");
  zp_indicator_set_name (indicator, "培训人数");
  zp_indicator_set_target (indicator, target);
  zp_indicator_set_actual (indicator, actual);
  zp_indicator_set_weight (indicator, weight);
  zp_indicator_set_manual_score (indicator, "7");
  zp_indicator_set_manual_reason (indicator, "复核调整");
  zp_indicator_set_deviation_note (indicator, "报名不足");
}

static ZpIndicator *
add_indicator (ZpGoal     *goal,
               const char *target,
               const char *actual,
               const char *weight)
{
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();

  fill_indicator (indicator, target, actual, weight);
  zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
  return indicator;
}

static ZpDepartmentForm *
department_new (void)
{
  ZpDepartmentForm *department = zp_department_form_new ();
  ZpForm *form = ZP_FORM (department);
  g_autoptr(ZpGoal) goal = zp_goal_new ();

  zp_department_form_set_unit (department, "江岸区大数据中心");
  zp_department_form_set_basic_expenditure (department, "217.30");
  zp_department_form_set_project_expenditure (department, "1849.33");
  zp_form_set_initial_budget (form, "2000");
  zp_form_set_budget (form, "2066.63");
  zp_form_set_spent (form, "2066.63");
  zp_form_set_analysis (form, "无偏差");
  zp_form_set_improvement (form, "继续保持");
  zp_form_set_explanation (form, "execution@-1:-1:", "说明");

  zp_goal_set_text (goal, "保障政务网络畅通");
  zp_goal_set_achieved (goal, "全年网络畅通");
  zp_goal_set_weight (goal, "20");
  add_indicator (goal, "≥500人", "420", "20");
  zp_form_insert_goal (form, G_MAXUINT, goal);
  return department;
}

static ZpProjectForm *
project_new (void)
{
  ZpProjectForm *project = zp_project_form_new ();
  ZpForm *form = ZP_FORM (project);
  ZpGoal *goal = zp_project_form_get_overall_goal (project);
  ZpIndicator *qualitative;

  zp_project_form_set_name (project, "科技条件专项");
  zp_project_form_set_department (project, "区经科局");
  zp_project_form_set_implementer (project, "区大数据中心");
  zp_project_form_set_manager (project, "张三");
  zp_project_form_set_project_category (project, ZP_PROJECT_CATEGORY_SPECIAL);
  zp_project_form_set_project_attribute (project, ZP_PROJECT_ATTRIBUTE_NEW);
  zp_project_form_set_project_type (project, ZP_PROJECT_TYPE_ONE_OFF);
  for (ZpFund fund = 0; fund < ZP_N_FUNDS; fund++)
    for (ZpFundField field = 0; field < ZP_N_FUND_FIELDS; field++)
      {
        g_autofree char *value = g_strdup_printf ("%u.%u", fund + 1, field + 1);

        zp_project_form_set_fund (project, fund, field, value);
      }
  zp_form_set_initial_budget (form, "0.5");
  zp_form_set_budget (form, "0.80");
  zp_form_set_spent (form, "0.80");
  zp_form_set_analysis (form, "分析");
  zp_form_set_improvement (form, "改进");
  zp_form_set_explanation (form, "weights@0:-1:", "说明");

  zp_goal_set_text (goal, "保障视频会议");
  zp_goal_set_achieved (goal, "已保障");
  add_indicator (goal, "≤7个工作日", "8个工作日", "40");
  qualitative = add_indicator (goal, "有效保障", "基本保障", "40");
  zp_indicator_set_direction (qualitative, ZP_DIRECTION_QUALITATIVE);
  zp_indicator_set_grade (qualitative, ZP_GRADE_PARTIAL);
  return project;
}

static ZpWorkbook *
workbook_new (void)
{
  ZpWorkbook *workbook = zp_workbook_new ("central");
  g_autoptr(ZpDepartmentForm) department = department_new ();
  g_autoptr(ZpProjectForm) project = project_new ();

  zp_workbook_set_year (workbook, 2024);
  zp_workbook_set_unit (workbook, "江岸区大数据中心");
  zp_workbook_set_unit_short (workbook, "江岸大数据中心");
  zp_workbook_set_department (workbook, "区经科局");
  zp_workbook_set_explanation (workbook, "totals@-1:-1:", "另有结转");
  zp_workbook_set_department_form (workbook, department);
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  return workbook;
}

/* The plan of an indicator is kept; what it reported is cleared. */
static void
assert_indicator_carried (ZpIndicator *indicator,
                          const char  *target,
                          const char  *weight,
                          ZpDirection  direction)
{
  g_assert_cmpstr (zp_indicator_get_category (indicator), ==, "产出指标");
  g_assert_cmpstr (zp_indicator_get_subcategory (indicator), ==, "数量指标");
  g_assert_cmpstr (zp_indicator_get_name (indicator), ==, "培训人数");
  g_assert_cmpstr (zp_indicator_get_target (indicator), ==, target);
  g_assert_cmpstr (zp_indicator_get_weight (indicator), ==, weight);
  g_assert_cmpint (zp_indicator_get_direction (indicator), ==, direction);

  g_assert_cmpstr (zp_indicator_get_actual (indicator), ==, "");
  g_assert_cmpint (zp_indicator_get_grade (indicator), ==, ZP_GRADE_NONE);
  g_assert_cmpstr (zp_indicator_get_manual_score (indicator), ==, "");
  g_assert_cmpstr (zp_indicator_get_manual_reason (indicator), ==, "");
  g_assert_cmpstr (zp_indicator_get_deviation_note (indicator), ==, "");
  g_assert_cmpint (zp_indicator_get_state (indicator), ==, ZP_INDICATOR_STATE_UNSCORED);
}

static void
assert_form_results_cleared (ZpForm *form)
{
  g_autoptr(GPtrArray) keys = zp_form_list_explanation_keys (form);

  g_assert_cmpstr (zp_form_get_spent (form), ==, "");
  g_assert_cmpstr (zp_form_get_analysis (form), ==, "");
  g_assert_cmpstr (zp_form_get_improvement (form), ==, "");
  g_assert_cmpuint (keys->len, ==, 0);
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "—");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "0.00");
}

ZpWorkbook *_zp_io_fast_load (const char *text,
                              gsize       length);

/* Last year's 预算数 and 执行数 are kept aside as a hint (issue 9), saved and read back by
 * both readers, and never this year's values. */
static void
test_last_year_kept_as_hint (void)
{
  g_autoptr(ZpWorkbook) last = workbook_new ();
  g_autoptr(ZpWorkbook) next = zp_workbook_new_year (last, 2025);
  g_autoptr(ZpWorkbook) loaded = NULL;
  g_autoptr(ZpWorkbook) fast = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  for (guint i = 0; i < zp_workbook_get_n_forms (next); i++)
    {
      ZpForm *form = zp_workbook_get_form (next, i);
      ZpForm *before = zp_workbook_get_form (last, i);

      g_assert_cmpstr (zp_form_get_budget (form), ==, "");
      g_assert_cmpstr (zp_form_get_spent (form), ==, "");
      g_assert_cmpstr (zp_form_get_last_year_budget (form), ==, zp_form_get_budget (before));
      g_assert_cmpstr (zp_form_get_last_year_spent (form), ==, zp_form_get_spent (before));
      g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "—");
    }
  g_assert_cmpstr (zp_form_get_last_year_budget (zp_workbook_get_form (next, 0)), ==, "2066.63");
  /* The year before had none. */
  g_assert_cmpstr (zp_form_get_last_year_budget (zp_workbook_get_form (last, 0)), ==, "");

  data = zp_workbook_to_data (next, &length);
  g_assert_nonnull (strstr (data, "\"last-year-budget\": \"2066.63\""));
  loaded = zp_workbook_load_from_data (data, length, "next.ziping", &error);
  g_assert_no_error (error);
  fast = _zp_io_fast_load (data, length);
  g_assert_nonnull (fast);
  g_assert_cmpstr (zp_form_get_last_year_budget (zp_workbook_get_form (loaded, 0)), ==, "2066.63");
  g_assert_cmpstr (zp_form_get_last_year_spent (zp_workbook_get_form (loaded, 1)), ==, "0.80");
  g_assert_cmpstr (zp_form_get_last_year_budget (zp_workbook_get_form (fast, 0)), ==, "2066.63");
  g_assert_cmpstr (zp_form_get_last_year_spent (zp_workbook_get_form (fast, 1)), ==, "0.80");
  g_assert_cmpstr (zp_form_get_budget (zp_workbook_get_form (fast, 1)), ==, "");
}

static void
test_workbook_header (void)
{
  g_autoptr(ZpWorkbook) last = workbook_new ();
  g_autoptr(ZpWorkbook) next = zp_workbook_new_year (last, 2025);
  g_autoptr(GPtrArray) keys = zp_workbook_list_explanation_keys (next);

  g_assert_cmpuint (zp_workbook_get_year (next), ==, 2025);
  g_assert_cmpuint (zp_workbook_get_year (last), ==, 2024);
  g_assert_cmpstr (zp_workbook_get_unit (next), ==, "江岸区大数据中心");
  g_assert_cmpstr (zp_workbook_get_unit_short (next), ==, "江岸大数据中心");
  g_assert_cmpstr (zp_workbook_get_department (next), ==, "区经科局");
  g_assert_cmpuint (keys->len, ==, 0);

  /* Its own copy of the scheme, scoring the same */
  g_assert_true (zp_workbook_get_scheme (next) != zp_workbook_get_scheme (last));
  g_assert_cmpstr (zp_scheme_get_id (zp_workbook_get_scheme (next)), ==, "central");

  /* Same forms, in the same order, new objects */
  g_assert_cmpuint (zp_workbook_get_n_forms (next), ==, 2);
  g_assert_nonnull (zp_workbook_get_department_form (next));
  g_assert_true (zp_workbook_get_department_form (next) != zp_workbook_get_department_form (last));
  g_assert_true (ZP_IS_PROJECT_FORM (zp_workbook_get_form (next, 1)));
  g_assert_true (zp_form_get_scheme (zp_workbook_get_form (next, 1)) == zp_workbook_get_scheme (next));
}

static void
test_department_form (void)
{
  g_autoptr(ZpWorkbook) last = workbook_new ();
  g_autoptr(ZpWorkbook) next = zp_workbook_new_year (last, 2025);
  ZpDepartmentForm *department = zp_workbook_get_department_form (next);
  ZpForm *form = ZP_FORM (department);
  ZpGoal *goal;

  g_assert_cmpstr (zp_department_form_get_unit (department), ==, "江岸区大数据中心");
  /* A new year starts with no money (issue 9): last year's is never this year's. */
  g_assert_cmpstr (zp_department_form_get_basic_expenditure (department), ==, "");
  g_assert_cmpstr (zp_department_form_get_project_expenditure (department), ==, "");
  g_assert_cmpstr (zp_form_get_initial_budget (form), ==, "");
  g_assert_cmpstr (zp_form_get_budget (form), ==, "");
  assert_form_results_cleared (form);

  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 1);
  goal = zp_form_get_goal (form, 0);
  g_assert_cmpstr (zp_goal_get_text (goal), ==, "保障政务网络畅通");
  g_assert_cmpstr (zp_goal_get_weight (goal), ==, "20");
  g_assert_cmpstr (zp_goal_get_achieved (goal), ==, "");
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 1);
  assert_indicator_carried (zp_goal_get_indicator (goal, 0), "≥500人", "20", ZP_DIRECTION_AUTO);
}

static void
test_project_form (void)
{
  g_autoptr(ZpWorkbook) last = workbook_new ();
  g_autoptr(ZpWorkbook) next = zp_workbook_new_year (last, 2025);
  ZpProjectForm *project = ZP_PROJECT_FORM (zp_workbook_get_form (next, 1));
  ZpForm *form = ZP_FORM (project);
  ZpGoal *goal = zp_project_form_get_overall_goal (project);

  g_assert_cmpstr (zp_project_form_get_name (project), ==, "科技条件专项");
  g_assert_cmpstr (zp_project_form_get_department (project), ==, "区经科局");
  g_assert_cmpstr (zp_project_form_get_implementer (project), ==, "区大数据中心");
  g_assert_cmpstr (zp_project_form_get_manager (project), ==, "张三");
  g_assert_cmpint (zp_project_form_get_project_category (project), ==, ZP_PROJECT_CATEGORY_SPECIAL);
  g_assert_cmpint (zp_project_form_get_project_attribute (project), ==, ZP_PROJECT_ATTRIBUTE_NEW);
  g_assert_cmpint (zp_project_form_get_project_type (project), ==, ZP_PROJECT_TYPE_ONE_OFF);
  g_assert_cmpstr (zp_form_get_initial_budget (form), ==, "");
  g_assert_cmpstr (zp_form_get_budget (form), ==, "");
  assert_form_results_cleared (form);

  /* Fund rows: every amount cleared */
  for (ZpFund fund = 0; fund < ZP_N_FUNDS; fund++)
    {
      g_assert_cmpstr (zp_project_form_get_fund (project, fund, ZP_FUND_FIELD_INITIAL), ==, "");
      g_assert_cmpstr (zp_project_form_get_fund (project, fund, ZP_FUND_FIELD_BUDGET), ==, "");
      g_assert_cmpstr (zp_project_form_get_fund (project, fund, ZP_FUND_FIELD_SPENT), ==, "");
    }

  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 1);
  g_assert_cmpstr (zp_goal_get_text (goal), ==, "保障视频会议");
  g_assert_cmpstr (zp_goal_get_achieved (goal), ==, "");
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 2);
  assert_indicator_carried (zp_goal_get_indicator (goal, 0), "≤7个工作日", "40", ZP_DIRECTION_AUTO);
  assert_indicator_carried (zp_goal_get_indicator (goal, 1), "有效保障", "40",
                            ZP_DIRECTION_QUALITATIVE);
}

static void
test_last_year_untouched (void)
{
  g_autoptr(ZpWorkbook) last = workbook_new ();
  g_autoptr(ZpWorkbook) next = NULL;
  ZpForm *project = zp_workbook_get_form (last, 1);
  g_autofree char *total = g_strdup (zp_form_get_total_text (project));
  ZpIndicator *indicator;
  ZpIndicator *carried;

  next = zp_workbook_new_year (last, 2025);

  g_assert_cmpstr (zp_form_get_spent (project), ==, "0.80");
  g_assert_cmpstr (zp_form_get_analysis (project), ==, "分析");
  g_assert_cmpstr (zp_form_get_explanation (project, "weights@0:-1:"), ==, "说明");
  g_assert_cmpstr (zp_workbook_get_explanation (last, "totals@-1:-1:"), ==, "另有结转");
  g_assert_cmpstr (zp_form_get_total_text (project), ==, total);
  indicator = zp_goal_get_indicator (zp_form_get_goal (project, 0), 0);
  g_assert_cmpstr (zp_indicator_get_actual (indicator), ==, "8个工作日");
  g_assert_cmpstr (zp_indicator_get_manual_score (indicator), ==, "7");

  /* New results score in the new workbook: 40 × 7 / 8 = 35 of the central 50/30/10 */
  carried = zp_goal_get_indicator (zp_form_get_goal (zp_workbook_get_form (next, 1), 0), 0);
  zp_indicator_set_actual (carried, "8个工作日");
  g_assert_cmpstr (zp_form_get_total_text (zp_workbook_get_form (next, 1)), ==, "35.00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/carryover/workbook", test_workbook_header);
  g_test_add_func ("/carryover/department-form", test_department_form);
  g_test_add_func ("/carryover/project-form", test_project_form);
  g_test_add_func ("/carryover/last-year-untouched", test_last_year_untouched);
  g_test_add_func ("/carryover/last-year-hint", test_last_year_kept_as_hint);

  return g_test_run ();
}
