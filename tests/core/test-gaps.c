/* test-gaps.c — nothing is lost silently (issue 9): rows that cannot be scored are errors
 * and the total says it is incomplete; a new year starts with no money; amounts typed with
 * a unit are converted, with a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ziping-core.h"
#include "core-fixture.h"
#include "seed-fixture.h"

/* 20 + 产出 40 + 效益 30 + 满意度 10, everything met. Rows: 0 巡检次数 (40), 1 保障运行
 * (30, qualitative), 2 满意度 (10). */
static ZpProjectForm *
make_project (void)
{
  ZpProjectForm *form = fixture_project_new ("hubei", "网络运维", "保障网络稳定运行");
  ZpGoal *goal = zp_project_form_get_overall_goal (form);

  fixture_add_row (goal, "产出指标", "巡检次数", "≥10次", "11次", "40");
  fixture_add_row (goal, "效益指标", "保障运行", "有效保障", "有效保障", "30");
  fixture_add_row (goal, "满意度指标", "满意度", "≥90%", "95%", "10");
  return form;
}

static ZpIndicator *
row (ZpProjectForm *form,
     guint          i)
{
  return zp_goal_get_indicator (zp_project_form_get_overall_goal (form), i);
}

/* A blank actual: an error at the row, and a total that says it misses the row. */
static void
test_actual_missing (void)
{
  g_autoptr(ZpProjectForm) form = make_project ();
  g_autoptr(GListStore) findings = NULL;
  g_autoptr(ZpFinding) finding = NULL;
  g_autofree char *printed = NULL;

  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "actual-missing"), ==, 0);
  g_assert_cmpuint (zp_form_get_n_unscored (ZP_FORM (form)), ==, 0);
  g_assert_cmpstr (zp_form_get_total_display_text (ZP_FORM (form)), ==, "100.00");

  zp_indicator_set_actual (row (form, 0), "");
  g_assert_cmpuint (zp_form_get_n_unscored (ZP_FORM (form)), ==, 1);
  g_assert_cmpstr (zp_form_get_total_text (ZP_FORM (form)), ==, "60.00");
  g_assert_cmpstr (zp_form_get_total_display_text (ZP_FORM (form)), ==, "60.00, 1 row not scored");
  printed = zp_form_dup_total_display (ZP_FORM (form), TRUE);
  g_assert_cmpstr (printed, ==, "60.00, 1 行未评分");

  findings = zp_check_form (ZP_FORM (form));
  finding = fixture_find_code (G_LIST_MODEL (findings), "actual-missing");
  g_assert_nonnull (finding);
  g_assert_cmpint (zp_finding_get_severity (finding), ==, ZP_SEVERITY_ERROR);
  g_assert_cmpint (zp_finding_get_row (finding), ==, 0);
  g_assert_cmpstr (zp_finding_get_field (finding), ==, "actual");
  g_assert_nonnull (strstr (zp_finding_get_message (finding), "40 points are missing"));
  /* The form is not "complete": there is an error. */
  g_assert_cmpint (zp_findings_status (G_LIST_MODEL (findings)), ==, ZP_FORM_STATUS_ERRORS);

  /* Blank qualitative row: also actual-missing (not grade-missing). */
  zp_indicator_set_actual (row (form, 1), "  ");
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "actual-missing"), ==, 2);
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "grade-missing"), ==, 0);
  g_assert_cmpstr (zp_form_get_total_display_text (ZP_FORM (form)), ==, "30.00, 2 rows not scored");

  zp_indicator_set_actual (row (form, 0), "12次");
  zp_indicator_set_actual (row (form, 1), "有效保障");
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "actual-missing"), ==, 0);
  g_assert_cmpstr (zp_form_get_total_display_text (ZP_FORM (form)), ==, "100.00");
}

static void
test_grade_missing (void)
{
  g_autoptr(ZpProjectForm) form = make_project ();

  /* A description of what happened, no grade: not scored, an error. */
  zp_indicator_set_actual (row (form, 1), "全年保障会议 56 次，未发生重大故障");
  g_assert_cmpint (zp_indicator_get_state (row (form, 1)), ==, ZP_INDICATOR_STATE_UNSCORED);
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "grade-missing"), ==, 1);
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "actual-missing"), ==, 0);
  g_assert_cmpstr (zp_form_get_total_display_text (ZP_FORM (form)), ==, "70.00, 1 row not scored");

  zp_indicator_set_grade (row (form, 1), ZP_GRADE_ACHIEVED);
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "grade-missing"), ==, 0);
  g_assert_cmpstr (zp_form_get_total_display_text (ZP_FORM (form)), ==, "100.00");

  /* An actual with no number under a numeric target is not-a-number, not counted twice. */
  zp_indicator_set_actual (row (form, 0), "按计划完成巡检");
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "not-a-number"), ==, 1);
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "actual-missing"), ==, 0);
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "grade-missing"), ==, 0);
  g_assert_cmpuint (zp_form_get_n_unscored (ZP_FORM (form)), ==, 1);
}

static guint
count_workbook (ZpWorkbook *workbook,
                const char *code)
{
  g_autoptr(GListStore) findings = zp_check_workbook (workbook);

  return fixture_count_code (G_LIST_MODEL (findings), code);
}

/* A carried-over workbook reports every blank actual: the seed's next year, 57 rows. */
static void
test_carried_over (void)
{
  g_autoptr(ZpWorkbook) seed = seed_workbook_new ();
  g_autoptr(ZpWorkbook) next = zp_workbook_new_year (seed, 2025);
  guint rows = 0, unscored = 0;

  g_assert_cmpuint (count_workbook (seed, "actual-missing"), ==, 0);
  for (guint i = 0; i < zp_workbook_get_n_forms (next); i++)
    {
      rows += zp_form_get_n_indicators (zp_workbook_get_form (next, i));
      unscored += zp_form_get_n_unscored (zp_workbook_get_form (next, i));
    }
  g_assert_cmpuint (rows, ==, 57);
  g_assert_cmpuint (unscored, ==, 57);
  g_assert_cmpuint (count_workbook (next, "actual-missing"), ==, 57);

  /* Fill 28 of them in: 29 are reported. */
  for (guint i = 0, filled = 0; i < zp_workbook_get_n_forms (next) && filled < 28; i++)
    {
      ZpForm *form = zp_workbook_get_form (next, i);

      for (guint g = 0; g < zp_form_get_n_goals (form) && filled < 28; g++)
        {
          ZpGoal *goal = zp_form_get_goal (form, g);

          for (guint r = 0; r < zp_goal_get_n_indicators (goal) && filled < 28; r++, filled++)
            {
              ZpIndicator *indicator = zp_goal_get_indicator (goal, r);

              zp_indicator_set_actual (indicator, zp_indicator_get_target (indicator));
            }
        }
    }
  g_assert_cmpuint (count_workbook (next, "actual-missing"), ==, 29);
}

/* A new year keeps the plan and clears the money and the results. */
static void
test_new_year_money (void)
{
  g_autoptr(ZpWorkbook) seed = seed_workbook_new ();
  g_autoptr(ZpWorkbook) next = NULL;
  ZpDepartmentForm *department;
  ZpProjectForm *project;
  ZpIndicator *indicator;

  zp_form_set_published_total (zp_workbook_get_form (seed, 1), "100");
  zp_indicator_set_published_score (zp_goal_get_indicator (zp_form_get_goal (zp_workbook_get_form (seed, 1), 0), 0), "5");
  zp_project_form_set_fund (ZP_PROJECT_FORM (zp_workbook_get_form (seed, 1)), ZP_FUND_CURRENT,
                            ZP_FUND_FIELD_BUDGET, "0.80");
  next = zp_workbook_new_year (seed, 2025);
  department = zp_workbook_get_department_form (next);
  project = ZP_PROJECT_FORM (zp_workbook_get_form (next, 1));

  g_assert_cmpstr (zp_form_get_budget (ZP_FORM (department)), ==, "");
  g_assert_cmpstr (zp_form_get_spent (ZP_FORM (department)), ==, "");
  g_assert_cmpstr (zp_form_get_initial_budget (ZP_FORM (department)), ==, "");
  g_assert_cmpstr (zp_department_form_get_basic_expenditure (department), ==, "");
  g_assert_cmpstr (zp_department_form_get_project_expenditure (department), ==, "");
  g_assert_cmpstr (zp_form_get_budget (ZP_FORM (project)), ==, "");
  g_assert_cmpstr (zp_project_form_get_fund (project, ZP_FUND_CURRENT, ZP_FUND_FIELD_BUDGET), ==, "");
  g_assert_cmpstr (zp_form_get_published_total (ZP_FORM (project)), ==, "");

  indicator = zp_goal_get_indicator (zp_project_form_get_overall_goal (project), 0);
  g_assert_cmpstr (zp_indicator_get_published_score (indicator), ==, "");
  g_assert_cmpstr (zp_indicator_get_actual (indicator), ==, "");
  /* The plan stays: target, weight, texts. */
  g_assert_cmpstr (zp_indicator_get_target (indicator), !=, "");
  g_assert_cmpstr (zp_indicator_get_weight (indicator), !=, "");
  g_assert_cmpstr (zp_indicator_get_name (indicator), !=, "");
  g_assert_cmpstr (zp_project_form_get_name (project), ==,
                   zp_project_form_get_name (ZP_PROJECT_FORM (zp_workbook_get_form (seed, 1))));
  g_assert_cmpstr (zp_form_get_budget (zp_workbook_get_form (seed, 1)), !=, "");
}

static void
test_amount_parse (void)
{
  ZpDecimal value;
  gboolean typed;

  g_assert_true (zp_amount_parse ("150", ZP_AMOUNT_UNIT_WAN_YUAN, &value, &typed));
  g_assert_false (typed);
  g_assert_true (zp_decimal_equal (value, zp_decimal_from_int (150)));
  g_assert_true (zp_amount_parse ("150万", ZP_AMOUNT_UNIT_WAN_YUAN, &value, &typed));
  g_assert_true (typed);
  g_assert_true (zp_decimal_equal (value, zp_decimal_from_int (150)));
  g_assert_true (zp_amount_parse ("1,500,000元", ZP_AMOUNT_UNIT_WAN_YUAN, &value, &typed));
  g_assert_true (typed);
  g_assert_true (zp_decimal_equal (value, zp_decimal_from_int (150)));
  g_assert_true (zp_amount_parse("150 万元", ZP_AMOUNT_UNIT_YUAN, &value, &typed));
  g_assert_true (zp_decimal_equal (value, zp_decimal_from_int (1500000)));
  g_assert_true (zp_amount_parse ("2.5亿元", ZP_AMOUNT_UNIT_WAN_YUAN, &value, &typed));
  g_assert_true (zp_decimal_equal (value, zp_decimal_from_int (25000)));
  g_assert_true (zp_amount_parse ("1,234.5", ZP_AMOUNT_UNIT_YUAN, &value, &typed));
  g_assert_false (typed);
  g_assert_false (zp_amount_parse ("86%", ZP_AMOUNT_UNIT_WAN_YUAN, &value, &typed));
  g_assert_false (zp_amount_parse ("元", ZP_AMOUNT_UNIT_WAN_YUAN, &value, &typed));
  g_assert_false (zp_amount_parse ("一百万", ZP_AMOUNT_UNIT_WAN_YUAN, &value, &typed));
}

/* "150万" in a 万元 cell is 150, not 1,500,000: the rate is right and a warning says
 * the unit was typed. */
static void
test_amount_with_unit (void)
{
  g_autoptr(ZpProjectForm) form = make_project ();
  g_autoptr(GListStore) findings = NULL;
  g_autoptr(ZpFinding) finding = NULL;

  zp_form_set_budget (ZP_FORM (form), "200");
  zp_form_set_spent (ZP_FORM (form), "150万");
  g_assert_cmpstr (zp_form_get_execution_rate_text (ZP_FORM (form)), ==, "75.00%");
  findings = zp_check_form (ZP_FORM (form));
  finding = fixture_find_code (G_LIST_MODEL (findings), "amount-unit-typed");
  g_assert_nonnull (finding);
  g_assert_cmpint (zp_finding_get_severity (finding), ==, ZP_SEVERITY_WARNING);
  g_assert_cmpstr (zp_finding_get_field (finding), ==, "spent");
  g_assert_cmpstr (zp_finding_get_message (finding), ==,
                   "The amount spent (B) “150万” was typed with its unit and read as 150 万元: "
                   "type the number alone, in 万元.");
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "not-a-number"), ==, 0);

  zp_form_set_budget (ZP_FORM (form), "2,000,000元");
  g_assert_cmpstr (zp_form_get_execution_rate_text (ZP_FORM (form)), ==, "75.00%");
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "amount-unit-typed"), ==, 2);

  /* In a 元 workbook the same texts read 元. */
  zp_form_set_amount_unit (ZP_FORM (form), ZP_AMOUNT_UNIT_YUAN);
  zp_form_set_spent (ZP_FORM (form), "1500000");
  g_assert_cmpstr (zp_form_get_execution_rate_text (ZP_FORM (form)), ==, "75.00%");
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "amount-unit-typed"), ==, 1);

  zp_form_set_budget (ZP_FORM (form), "2000000");
  g_assert_cmpuint (fixture_count_form (ZP_FORM (form), "amount-unit-typed"), ==, 0);
}

/* The workbook's unit reaches its forms. */
static void
test_workbook_unit (void)
{
  g_autoptr(ZpWorkbook) workbook = seed_workbook_new ();
  ZpForm *form = zp_workbook_get_form (workbook, 1);

  g_assert_cmpint (zp_form_get_amount_unit (form), ==, ZP_AMOUNT_UNIT_WAN_YUAN);
  zp_workbook_set_amount_unit (workbook, ZP_AMOUNT_UNIT_YUAN);
  g_assert_cmpint (zp_form_get_amount_unit (form), ==, ZP_AMOUNT_UNIT_YUAN);
  {
    g_autoptr(ZpProjectForm) added = zp_project_form_new ();

    zp_workbook_insert_project (workbook, G_MAXUINT, added);
    g_assert_cmpint (zp_form_get_amount_unit (ZP_FORM (added)), ==, ZP_AMOUNT_UNIT_YUAN);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  zp_core_init_i18n ();

  g_test_add_func ("/gaps/actual-missing", test_actual_missing);
  g_test_add_func ("/gaps/grade-missing", test_grade_missing);
  g_test_add_func ("/gaps/carried-over", test_carried_over);
  g_test_add_func ("/gaps/new-year-money", test_new_year_money);
  g_test_add_func ("/gaps/amount-parse", test_amount_parse);
  g_test_add_func ("/gaps/amount-with-unit", test_amount_with_unit);
  g_test_add_func ("/gaps/workbook-unit", test_workbook_unit);

  return g_test_run ();
}
