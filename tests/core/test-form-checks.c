/* test-form-checks.c — the checks issue 9 adds or corrects, each firing and staying quiet:
 * published figures, weights that follow the form's own category points, not-applicable
 * rows, deadline and range targets, a trailing 。 and differing units, and rounding that
 * agrees with the decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ziping-core.h"

#include "core-fixture.h"

/* hubei: 20 + 产出 40 (rows 0, 1: 20 each) + 效益 30 (row 2) + 满意度 10 (row 3). */
static ZpProjectForm *
make_project (const char *scheme_id)
{
  ZpProjectForm *form = fixture_project_new (scheme_id, "疫苗接种", "完成适龄儿童疫苗接种");
  ZpGoal *goal = zp_project_form_get_overall_goal (form);

  fixture_add_row (goal, "产出指标", "接种人数", "≥10人", "11人", "20");
  fixture_add_row (goal, "产出指标", "接种率", "≥95%", "96%", "20");
  fixture_add_row (goal, "效益指标", "传染病报告及时率", "≥95%", "98%", "30");
  fixture_add_row (goal, "满意度指标", "家长满意度", "≥90%", "95%", "10");
  return form;
}

static ZpIndicator *
row (ZpProjectForm *form,
     guint          i)
{
  return zp_goal_get_indicator (zp_project_form_get_overall_goal (form), i);
}

/* The one finding with `code`; fails unless there is exactly one. */
static char *
message_of (ZpForm     *form,
            const char *code)
{
  g_autoptr(GListStore) findings = zp_check_form (form);
  char *message = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

      if (!g_str_equal (zp_finding_get_code (finding), code))
        continue;
      g_assert_null (message);
      message = g_strdup (zp_finding_get_message (finding));
    }
  if (message == NULL)
    g_error ("no %s", code);
  return message;
}

static guint
total_findings (ZpForm *form)
{
  g_autoptr(GListStore) findings = zp_check_form (form);

  /* Said, so that a failure shows what was found. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

      g_test_message ("%s: %s", zp_finding_get_code (finding), zp_finding_get_message (finding));
    }
  return g_list_model_get_n_items (G_LIST_MODEL (findings));
}

static void
test_published_figures (void)
{
  g_autoptr(ZpProjectForm) project = make_project ("central");
  ZpForm *form = ZP_FORM (project);
  g_autofree char *message = NULL;

  /* spec §3: A 250000, B 215457.6, weight 10 → 86.18%, 8.62 */
  zp_form_set_budget (form, "250000");
  zp_form_set_spent (form, "215457.6");
  zp_form_set_analysis (form, "部分资金结转");
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "86.18%");
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "8.62");

  zp_form_set_published_rate (form, "86.18%");
  zp_form_set_published_execution_score (form, "8.62");
  g_assert_cmpuint (fixture_count_form (form, "published-rate"), ==, 0);
  g_assert_cmpuint (fixture_count_form (form, "published-score"), ==, 0);
  zp_form_set_published_rate (form, "86.2%");   /* printed with one place: agrees */
  g_assert_cmpuint (fixture_count_form (form, "published-rate"), ==, 0);
  zp_form_set_published_rate (form, "86.18");   /* a percentage without its sign */
  g_assert_cmpuint (fixture_count_form (form, "published-rate"), ==, 0);

  zp_form_set_published_rate (form, "86.19%");
  message = message_of (form, "published-rate");
  g_assert_cmpstr (message, ==, "The published execution rate is 86.19%, but the budget and the "
                                "amount spent give 86.18%: correct the published figure or the amounts.");
  g_clear_pointer (&message, g_free);

  /* 8.62 printed as 9: a disagreement, though 8.62 rounds to 9. */
  zp_form_set_published_execution_score (form, "9");
  message = message_of (form, "published-score");
  g_assert_nonnull (strstr (message, "is 9, but the rules give 8.62"));
  g_clear_pointer (&message, g_free);
  zp_form_set_published_execution_score (form, "");

  zp_form_set_published_rate (form, "八成");
  g_assert_cmpuint (fixture_count_form (form, "not-a-number"), ==, 1);
  zp_form_set_published_rate (form, "");

  /* Each row's 得分 */
  zp_indicator_set_published_score (row (project, 0), "20");
  g_assert_cmpuint (fixture_count_form (form, "published-score"), ==, 0);
  zp_indicator_set_published_score (row (project, 0), "18");
  g_assert_cmpuint (fixture_count_form (form, "published-score"), ==, 1);
  zp_indicator_set_published_score (row (project, 0), "");

  /* A total typed over the one the rows give (central: 10 + 20 + 20 + 30 + 8; the form's
   * weights make 90, which the weight checks report on their own) */
  zp_form_set_budget (form, "100");
  zp_form_set_spent (form, "100");
  zp_indicator_set_actual (row (project, 1), "95.95%");   /* 20 × 95.95/95 = 20, met */
  zp_indicator_set_actual (row (project, 3), "72%");      /* 10 × 72/90 = 8.00 */
  zp_indicator_set_deviation_note (row (project, 3), "宣传不足");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "88.00");
  zp_form_set_published_total (form, "88.00");
  g_assert_cmpuint (fixture_count_form (form, "published-total"), ==, 0);
  zp_form_set_published_total (form, "90");
  message = message_of (form, "published-total");
  g_assert_nonnull (strstr (message, "is 90, but the rules give 88.00"));
}

/* 四川/重庆 and the 湖北 20-point template split the points per project: the checks follow. */
static void
test_category_points (void)
{
  g_autoptr(ZpProjectForm) project = make_project ("hubei");
  ZpForm *form = ZP_FORM (project);
  g_autofree char *message = NULL;

  g_assert_cmpuint (total_findings (form), ==, 0);

  /* 60/0/20: 产出 rows 30 + 30, no 效益 row, 满意度 20. */
  zp_goal_remove_indicator (zp_project_form_get_overall_goal (project), 2);
  zp_indicator_set_weight (row (project, 0), "30");
  zp_indicator_set_weight (row (project, 1), "30");
  zp_indicator_set_weight (row (project, 2), "20");
  /* By the scheme's 40/30/10 this is wrong three ways. */
  g_assert_cmpuint (fixture_count_form (form, "block-weights"), ==, 2);
  g_assert_cmpuint (fixture_count_form (form, "category-missing"), ==, 1);

  zp_form_set_category_points (form, "产出指标（60分）", "60");
  zp_form_set_category_points (form, "效益指标", "0");
  zp_form_set_category_points (form, "满意度指标", "20");
  g_assert_cmpuint (total_findings (form), ==, 0);

  /* The block is checked against the form's points. */
  zp_indicator_set_weight (row (project, 1), "25");
  message = message_of (form, "block-weights");
  g_assert_cmpstr (message, ==, "产出指标: indicator weights add up to 55, 5 short of 60: raise the "
                                "indicators' weights so that they make 60.");
  g_clear_pointer (&message, g_free);
  zp_indicator_set_weight (row (project, 1), "30");

  /* Points that do not make the indicator part. */
  zp_form_set_category_points (form, "满意度指标", "10");
  message = message_of (form, "category-points");
  g_assert_cmpstr (message, ==, "The categories' points add up to 70, not 80 (100 less the "
                                "execution block): correct the points in the category labels.");
  zp_form_set_category_points (form, "满意度指标", "20");
  g_assert_cmpuint (fixture_count_form (form, "category-points"), ==, 0);
}

/* A free split checks only the total. */
static void
test_free_split (void)
{
  g_autoptr(ZpProjectForm) project = make_project ("hubei");
  ZpForm *form = ZP_FORM (project);
  ZpScheme *scheme = zp_form_get_scheme (form);

  zp_indicator_set_weight (row (project, 0), "30");   /* 产出 50, 效益 20 */
  zp_indicator_set_weight (row (project, 2), "20");
  g_assert_cmpuint (fixture_count_form (form, "block-weights"), ==, 2);
  zp_scheme_set_category_split (scheme, ZP_CATEGORY_SPLIT_FREE);
  g_assert_cmpuint (fixture_count_form (form, "block-weights"), ==, 0);
  g_assert_cmpuint (fixture_count_form (form, "weights-total"), ==, 0);
  zp_indicator_set_weight (row (project, 2), "15");
  g_assert_cmpuint (fixture_count_form (form, "weights-total"), ==, 1);
  g_assert_cmpuint (fixture_count_form (form, "block-weights"), ==, 0);
}

static void
test_not_applicable (void)
{
  g_autoptr(ZpProjectForm) project = make_project ("hubei");
  ZpForm *form = ZP_FORM (project);
  ZpScheme *scheme = zp_form_get_scheme (form);
  g_autofree char *message = NULL;

  /* Not allowed by the scheme: an error, and the row's points are out of the total. */
  zp_indicator_set_not_applicable (row (project, 1), TRUE);
  g_assert_cmpint (zp_indicator_get_state (row (project, 1)), ==, ZP_INDICATOR_STATE_NOT_APPLICABLE);
  g_assert_cmpstr (zp_indicator_get_score_text (row (project, 1)), ==, "");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "80.00");
  g_assert_cmpuint (zp_form_get_n_unscored (form), ==, 0);
  message = message_of (form, "not-applicable");
  g_assert_nonnull (strstr (message, "“接种率” is marked not applicable (不适用)"));
  g_assert_cmpuint (fixture_count_form (form, "actual-missing"), ==, 0);

  /* Rescaled: 产出's other row makes the category's 40. (A lone form rescores on the
   * scheme's change only when asked; a workbook does it for its forms.) */
  zp_scheme_set_not_applicable (scheme, ZP_NOT_APPLICABLE_RESCALE);
  zp_form_rescore (form);
  g_assert_cmpuint (fixture_count_form (form, "not-applicable"), ==, 0);
  g_assert_cmpstr (zp_indicator_get_score_text (row (project, 0)), ==, "40.00");
  g_assert_true (zp_decimal_equal (zp_indicator_get_full_mark (row (project, 0)), zp_decimal_from_int (40)));
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "100.00");
  zp_indicator_set_actual (row (project, 0), "5人");   /* 40 × 5/10 */
  zp_indicator_set_deviation_note (row (project, 0), "部分儿童外出");
  g_assert_cmpstr (zp_indicator_get_score_text (row (project, 0)), ==, "20.00");
  g_assert_cmpuint (total_findings (form), ==, 0);

  /* Back to applicable: weights as typed. */
  zp_indicator_set_not_applicable (row (project, 1), FALSE);
  g_assert_cmpstr (zp_indicator_get_score_text (row (project, 0)), ==, "10.00");
  g_assert_true (zp_decimal_equal (zp_indicator_get_full_mark (row (project, 0)), zp_decimal_from_int (20)));
}

/* A department goal rescales its own rows. */
static void
test_not_applicable_department (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpDepartmentForm) department = zp_department_form_new ();
  g_autoptr(ZpGoal) goal = zp_goal_new ();
  ZpIndicator *kept, *dropped;

  zp_scheme_set_not_applicable (scheme, ZP_NOT_APPLICABLE_RESCALE);
  zp_form_set_scheme (ZP_FORM (department), scheme);
  zp_goal_set_weight (goal, "20");
  kept = fixture_add_row (goal, "产出指标", "审批项目数", "≥5个", "5个", "15");
  dropped = fixture_add_row (goal, "效益指标", "办公保障", "有效保障", "", "5");
  zp_form_insert_goal (ZP_FORM (department), 0, goal);
  zp_indicator_set_not_applicable (dropped, TRUE);
  g_assert_cmpstr (zp_indicator_get_score_text (kept), ==, "20.00");
  g_assert_cmpstr (zp_form_get_indicator_score_text (ZP_FORM (department)), ==, "20.00");
}

static void
test_deadlines (void)
{
  g_autoptr(ZpProjectForm) project = make_project ("hubei");
  ZpForm *form = ZP_FORM (project);
  ZpIndicator *deadline = row (project, 0);

  zp_indicator_set_target (deadline, "12月底前");
  zp_indicator_set_actual (deadline, "12月20日完成");
  g_assert_cmpint (zp_indicator_get_rule (deadline), ==, ZP_RULE_DEADLINE);
  g_assert_cmpint (zp_indicator_get_state (deadline), ==, ZP_INDICATOR_STATE_MET);
  g_assert_cmpuint (total_findings (form), ==, 0);
  /* With a full stop: still a deadline, and the stop is warned about. */
  zp_indicator_set_target (deadline, "12月底前。");
  g_assert_cmpint (zp_indicator_get_rule (deadline), ==, ZP_RULE_DEADLINE);
  zp_indicator_set_target (deadline, "12月底前");

  zp_indicator_set_actual (deadline, "次年1月完成");
  g_assert_cmpint (zp_indicator_get_state (deadline), ==, ZP_INDICATOR_STATE_MISSED);
  g_assert_cmpstr (zp_indicator_get_score_text (deadline), ==, "0.00");
  g_assert_cmpuint (fixture_count_form (form, "deviation-note-missing"), ==, 1);

  zp_indicator_set_target (deadline, "6月30日前完成");
  zp_indicator_set_actual (deadline, "2024年7月5日");
  g_assert_cmpint (zp_indicator_get_state (deadline), ==, ZP_INDICATOR_STATE_MISSED);
  zp_indicator_set_actual (deadline, "6月30日");
  g_assert_cmpint (zp_indicator_get_state (deadline), ==, ZP_INDICATOR_STATE_MET);

  zp_indicator_set_target (deadline, "2024年底前");
  zp_indicator_set_actual (deadline, "2024年11月");
  g_assert_cmpint (zp_indicator_get_state (deadline), ==, ZP_INDICATOR_STATE_MET);
  zp_indicator_set_actual (deadline, "2025年2月");
  g_assert_cmpint (zp_indicator_get_state (deadline), ==, ZP_INDICATOR_STATE_MISSED);
  zp_indicator_set_actual (deadline, "已完成");
  g_assert_cmpint (zp_indicator_get_state (deadline), ==, ZP_INDICATOR_STATE_MET);
  /* Not a quantity of "2024" anything. */
  zp_indicator_set_actual (deadline, "按计划推进");
  g_assert_cmpint (zp_indicator_get_state (deadline), ==, ZP_INDICATOR_STATE_UNSCORED);
  g_assert_cmpuint (fixture_count_form (form, "not-a-number"), ==, 1);
}

static void
test_ranges (void)
{
  g_autoptr(ZpProjectForm) project = make_project ("hubei");
  ZpIndicator *range = row (project, 0);
  ZpDecimal low, high;
  gboolean percent;

  g_assert_true (zp_target_parse_range ("90%-110%", &low, &high, &percent));
  g_assert_true (percent);
  g_assert_true (zp_decimal_equal (low, zp_decimal_from_int (90)));
  g_assert_true (zp_decimal_equal (high, zp_decimal_from_int (110)));
  g_assert_true (zp_target_parse_range ("偏差率±10%", &low, &high, &percent));
  g_assert_true (zp_decimal_equal (low, zp_decimal_from_int (-10)));
  g_assert_false (zp_target_parse_range ("≥90%", &low, &high, &percent));
  g_assert_false (zp_target_parse_range ("110%-90%", &low, &high, &percent));

  zp_indicator_set_target (range, "90%-110%");
  zp_indicator_set_actual (range, "105%");
  g_assert_cmpint (zp_indicator_get_rule (range), ==, ZP_RULE_RANGE);
  g_assert_cmpstr (zp_indicator_get_score_text (range), ==, "20.00");
  zp_indicator_set_actual (range, "120%");   /* 20 × 110/120 */
  g_assert_cmpstr (zp_indicator_get_score_text (range), ==, "18.33");
  zp_indicator_set_actual (range, "81%");    /* 20 × 81/90 */
  g_assert_cmpstr (zp_indicator_get_score_text (range), ==, "18.00");

  zp_indicator_set_target (range, "±10%");
  zp_indicator_set_actual (range, "-5%");
  g_assert_cmpstr (zp_indicator_get_score_text (range), ==, "20.00");
  zp_indicator_set_actual (range, "20%");
  g_assert_cmpstr (zp_indicator_get_score_text (range), ==, "10.00");
}

static void
test_stop_and_units (void)
{
  g_autoptr(ZpProjectForm) project = make_project ("hubei");
  ZpForm *form = ZP_FORM (project);
  g_autofree char *message = NULL;

  /* "≥95%。" is read as ≥95%, with a warning, not as text that cannot be scored. */
  zp_indicator_set_target (row (project, 1), "≥95%。");
  g_assert_cmpint (zp_indicator_get_state (row (project, 1)), ==, ZP_INDICATOR_STATE_MET);
  message = message_of (form, "trailing-stop");
  g_assert_cmpstr (message, ==, "“≥95%。” ends with a full stop (。), which was left out to read the figure: delete it.");
  g_clear_pointer (&message, g_free);
  zp_indicator_set_target (row (project, 1), "≥95%");
  g_assert_cmpuint (fixture_count_form (form, "trailing-stop"), ==, 0);
  /* A sentence that ends with 。 is not a figure: no warning. */
  zp_goal_set_achieved (zp_project_form_get_overall_goal (project), "全部完成。");
  g_assert_cmpuint (fixture_count_form (form, "trailing-stop"), ==, 0);

  zp_indicator_set_actual (row (project, 0), "12人次");
  message = message_of (form, "unit-differs");
  g_assert_cmpstr (message, ==, "The target is in “人” but the actual value in “人次”: type the "
                                "actual value in the target's unit, so that the two compare.");
  zp_indicator_set_actual (row (project, 0), "12人");
  g_assert_cmpuint (fixture_count_form (form, "unit-differs"), ==, 0);
  zp_indicator_set_actual (row (project, 0), "12");
  g_assert_cmpuint (fixture_count_form (form, "unit-differs"), ==, 0);
}

/* 89.995% is shown as 90.00%: then it is not "below 90%". */
static void
test_rounding_agrees (void)
{
  g_autoptr(ZpProjectForm) project = make_project ("hubei");
  ZpForm *form = ZP_FORM (project);

  zp_form_set_budget (form, "100000");
  zp_form_set_spent (form, "89995");
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "90.00%");
  g_assert_cmpuint (fixture_count_form (form, "execution-low"), ==, 0);
  zp_form_set_spent (form, "89994");
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "89.99%");
  g_assert_cmpuint (fixture_count_form (form, "execution-low"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form-checks/published", test_published_figures);
  g_test_add_func ("/form-checks/category-points", test_category_points);
  g_test_add_func ("/form-checks/free-split", test_free_split);
  g_test_add_func ("/form-checks/not-applicable", test_not_applicable);
  g_test_add_func ("/form-checks/not-applicable-department", test_not_applicable_department);
  g_test_add_func ("/form-checks/deadlines", test_deadlines);
  g_test_add_func ("/form-checks/ranges", test_ranges);
  g_test_add_func ("/form-checks/stop-and-units", test_stop_and_units);
  g_test_add_func ("/form-checks/rounding-agrees", test_rounding_agrees);

  return g_test_run ();
}
