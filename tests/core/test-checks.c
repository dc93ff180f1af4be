/* test-checks.c — the checks of spec §4: each code fires where it should, and only there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ziping-core.h"
#include "core-fixture.h"
#include "seed-fixture.h"

/* ---------------------------------------------------------------------------------- */
/* Building forms                                                                       */

static ZpIndicator *
make_indicator (const char *category,
                const char *subcategory,
                const char *name,
                const char *target,
                const char *actual,
                const char *weight)
{
  ZpIndicator *indicator = zp_indicator_new ();

  zp_indicator_set_category (indicator, category);
  zp_indicator_set_subcategory (indicator, subcategory);
  zp_indicator_set_name (indicator, name);
  zp_indicator_set_target (indicator, target);
  zp_indicator_set_actual (indicator, actual);
  zp_indicator_set_weight (indicator, weight);

  return indicator;
}

static void
append_indicator (ZpGoal     *goal,
                  const char *category,
                  const char *subcategory,
                  const char *name,
                  const char *target,
                  const char *actual,
                  const char *weight)
{
  g_autoptr(ZpIndicator) indicator =
    make_indicator (category, subcategory, name, target, actual, weight);

  zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
}

/* A project form with nothing to find: 20 + 产出 40 + 效益 30 + 满意度 10, all met with
 * measured values. Rows: 0 巡检次数 (20), 1 故障处置率 (20), 2 保障运行 (30, qualitative),
 * 3 满意度 (10). */
static ZpProjectForm *
make_clean_project (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  ZpProjectForm *form = zp_project_form_new ();
  ZpGoal *goal = zp_project_form_get_overall_goal (form);

  zp_form_set_scheme (ZP_FORM (form), scheme);
  zp_project_form_set_name (form, "网络运维");
  zp_form_set_budget (ZP_FORM (form), "100");
  zp_form_set_spent (ZP_FORM (form), "100");
  zp_goal_set_text (goal, "保障网络稳定运行");
  zp_goal_set_achieved (goal, "网络稳定运行");

  append_indicator (goal, "产出指标", "数量指标", "巡检次数", "≥10次", "11次", "20");
  append_indicator (goal, "产出指标", "质量指标", "故障处置率", "≥95%", "97%", "20");
  append_indicator (goal, "效益指标", "社会效益指标", "保障运行", "有效保障", "有效保障", "30");
  append_indicator (goal, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", "10");

  return form;
}

static ZpIndicator *
project_row (ZpProjectForm *form,
             guint          row)
{
  return zp_goal_get_indicator (zp_project_form_get_overall_goal (form), row);
}

static ZpGoal *
make_goal (const char *text,
           const char *weight)
{
  ZpGoal *goal = zp_goal_new ();

  zp_goal_set_text (goal, text);
  zp_goal_set_weight (goal, weight);

  return goal;
}

/* A department form with nothing to find: 20 + 4 goals of 20; goal 0 has one indicator
 * of each category, goals 1–3 one 产出 indicator of 20 each. */
static ZpDepartmentForm *
make_clean_department (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  ZpDepartmentForm *form = zp_department_form_new ();

  zp_form_set_scheme (ZP_FORM (form), scheme);
  zp_department_form_set_unit (form, "江岸区大数据中心");
  zp_department_form_set_basic_expenditure (form, "217.30");
  zp_department_form_set_project_expenditure (form, "1849.33");
  zp_form_set_budget (ZP_FORM (form), "2066.63");
  zp_form_set_spent (ZP_FORM (form), "2066.63");

  for (guint g = 0; g < 4; g++)
    {
      g_autofree char *text = g_strdup_printf ("年度目标%u", g + 1);
      g_autoptr(ZpGoal) goal = make_goal (text, "20");

      if (g == 0)
        {
          append_indicator (goal, "产出指标", "质量指标", "政务网运行正常率", "≥99%", "99.5%", "10");
          append_indicator (goal, "效益指标", "社会效益指标", "保障办公", "有效保障", "有效保障", "5");
          append_indicator (goal, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "93%", "5");
        }
      else
        {
          append_indicator (goal, "产出指标", "数量指标", "审批项目数", "≥5个", "5个", "20");
        }
      zp_form_insert_goal (ZP_FORM (form), G_MAXUINT, goal);
    }

  return form;
}

/* ---------------------------------------------------------------------------------- */
/* Looking at findings                                                                  */

/* The nth finding with that code, borrowed from the list (which holds it). */
static ZpFinding *
nth_code (GListModel *findings,
          const char *code,
          guint       nth)
{
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (zp_finding_get_code (finding), code) && nth-- == 0)
        return finding;
    }

  return NULL;
}

static void
dump (GListModel *findings)
{
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);

      g_test_message ("%s %s: %s", zp_severity_to_string (zp_finding_get_severity (finding)),
                      zp_finding_get_key (finding), zp_finding_get_message (finding));
    }
}

static GListModel *
check (gpointer form)
{
  GListModel *findings = G_LIST_MODEL (zp_check_form (ZP_FORM (form)));

  dump (findings);
  return findings;
}

/* Asserts exactly one finding with that code, at that place; returns it (borrowed). */
static ZpFinding *
assert_one (GListModel *findings,
            const char *code,
            ZpSeverity  severity,
            int         goal,
            int         row,
            const char *field)
{
  ZpFinding *finding;
  g_autofree char *key = g_strdup_printf ("%s@%d:%d:%s", code, goal, row, field ? field : "");

  g_assert_cmpuint (fixture_count_code (findings, code), ==, 1);
  finding = nth_code (findings, code, 0);
  g_assert_nonnull (finding);
  g_assert_cmpint (zp_finding_get_severity (finding), ==, severity);
  g_assert_cmpint (zp_finding_get_goal (finding), ==, goal);
  g_assert_cmpint (zp_finding_get_row (finding), ==, row);
  g_assert_cmpstr (zp_finding_get_field (finding), ==, field);
  g_assert_cmpstr (zp_finding_get_key (finding), ==, key);
  g_assert_nonnull (zp_finding_get_message (finding));

  return finding;
}

static void
assert_message_has (ZpFinding  *finding,
                    const char *part)
{
  const char *message = zp_finding_get_message (finding);

  if (strstr (message, part) == NULL)
    g_error ("message “%s” lacks “%s”", message, part);
}

static void
assert_quiet (gpointer    form,
              const char *code)
{
  g_autoptr(GListModel) findings = check (form);

  g_assert_cmpuint (fixture_count_code (findings, code), ==, 0);
}

/* ---------------------------------------------------------------------------------- */
/* ZpFinding                                                                            */

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_finding_object (void)
{
  g_autoptr(ZpFinding) warning = NULL;
  g_autoptr(ZpFinding) error = NULL;
  guint notified = 0;

  warning = zp_finding_new (ZP_SEVERITY_WARNING, "execution-low", NULL, -1, -1, "spent", "low");
  g_assert_cmpstr (zp_finding_get_key (warning), ==, "execution-low@-1:-1:spent");
  g_assert_cmpstr (zp_finding_get_code (warning), ==, "execution-low");
  g_assert_cmpstr (zp_finding_get_message (warning), ==, "low");
  g_assert_null (zp_finding_get_form (warning));
  g_assert_false (zp_finding_is_explained (warning));

  g_signal_connect (warning, "notify::explanation", G_CALLBACK (on_notify), &notified);
  zp_finding_set_explanation (warning, "项目延期");
  zp_finding_set_explanation (warning, "项目延期");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (zp_finding_is_explained (warning));
  g_object_set (warning, "explanation", "", NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (zp_finding_get_explanation (warning));

  /* Errors cannot be explained away; a NULL field is "" in the key. */
  error = zp_finding_new (ZP_SEVERITY_ERROR, "category-missing", NULL, 2, 3, NULL, "x");
  g_assert_cmpstr (zp_finding_get_key (error), ==, "category-missing@2:3:");
  zp_finding_set_explanation (error, "no");
  g_assert_false (zp_finding_is_explained (error));
  g_assert_null (zp_finding_get_field (error));

  g_assert_cmpstr (zp_severity_to_string (ZP_SEVERITY_ERROR), ==, "error");
  g_assert_cmpstr (zp_severity_to_string (ZP_SEVERITY_WARNING), ==, "warning");
}

static void
test_finding_weak_form (void)
{
  ZpDepartmentForm *form = zp_department_form_new ();
  g_autoptr(ZpFinding) finding = NULL;

  finding = zp_finding_new (ZP_SEVERITY_ERROR, "score-range", ZP_FORM (form), 1, 2,
                            "manual-score", "x");
  g_assert_true (zp_finding_get_form (finding) == ZP_FORM (form));
  g_assert_finalize_object (form);
  g_assert_null (zp_finding_get_form (finding));
}

static void
assert_location (ZpFinding  *finding,
                 const char *expected)
{
  g_autofree char *location = zp_finding_dup_location (finding);

  g_assert_cmpstr (location, ==, expected);
}

static void
test_finding_location (void)
{
  g_autoptr(ZpDepartmentForm) department = zp_department_form_new ();
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  g_autoptr(ZpFinding) in_goal = NULL;
  g_autoptr(ZpFinding) in_project = NULL;
  g_autoptr(ZpFinding) execution = NULL;
  g_autoptr(ZpFinding) goal_weight = NULL;
  g_autoptr(ZpFinding) workbook = NULL;
  g_autoptr(ZpFinding) header = NULL;
  g_autoptr(ZpFinding) whole = NULL;

  in_goal = zp_finding_new (ZP_SEVERITY_ERROR, "x", ZP_FORM (department), 1, 2, "actual", "");
  assert_location (in_goal, "Goal 2, row 3, actual");
  in_project = zp_finding_new (ZP_SEVERITY_ERROR, "x", ZP_FORM (project), 0, 4, "weight", "");
  assert_location (in_project, "Row 5, weight");
  execution = zp_finding_new (ZP_SEVERITY_WARNING, "x", ZP_FORM (project), -1, -1, "spent", "");
  assert_location (execution, "Execution block, spent");
  goal_weight = zp_finding_new (ZP_SEVERITY_ERROR, "x", ZP_FORM (department), 3, -1, "weight", "");
  assert_location (goal_weight, "Goal 4, weight");
  workbook = zp_finding_new (ZP_SEVERITY_WARNING, "x", NULL, -1, -1, NULL, "");
  assert_location (workbook, "Workbook");
  header = zp_finding_new (ZP_SEVERITY_WARNING, "x", ZP_FORM (department), -1, -1,
                           "project-expenditure", "");
  assert_location (header, "Form header, project expenditure");
  whole = zp_finding_new (ZP_SEVERITY_ERROR, "x", ZP_FORM (department), -1, -1, "weight", "");
  assert_location (whole, "Whole form, weight");
}

/* ---------------------------------------------------------------------------------- */
/* Clean forms stay quiet                                                               */

static void
test_clean_project (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = check (form);

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_cmpint (zp_findings_status (findings), ==, ZP_FORM_STATUS_COMPLETE);
}

static void
test_clean_department (void)
{
  g_autoptr(ZpDepartmentForm) form = make_clean_department ();
  g_autoptr(GListModel) findings = check (form);

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_cmpint (zp_findings_status (findings), ==, ZP_FORM_STATUS_COMPLETE);
}

/* ---------------------------------------------------------------------------------- */
/* Weights                                                                              */

static void
test_weights_total (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpFinding *finding;

  zp_indicator_set_weight (project_row (form, 0), "18");
  findings = check (form);
  finding = assert_one (findings, "weights-total", ZP_SEVERITY_ERROR, -1, -1, "weight");
  assert_message_has (finding, "98");
  assert_message_has (finding, "add 2 points");
  finding = assert_one (findings, "block-weights", ZP_SEVERITY_ERROR, 0, 0, "weight");
  assert_message_has (finding, "产出指标: indicator weights add up to 38, 2 short of 40");
  g_assert_cmpint (zp_findings_status (findings), ==, ZP_FORM_STATUS_ERRORS);

  zp_indicator_set_weight (project_row (form, 0), "20");
  assert_quiet (form, "weights-total");
  assert_quiet (form, "block-weights");
}

/* The checker's total is the form's: the same figure the editor shows, also while frozen. */
static void
test_weights_total_is_form_total (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpFinding *finding;

  zp_form_freeze (ZP_FORM (form));
  zp_indicator_set_weight (project_row (form, 2), "33");
  g_assert_cmpint (zp_form_get_weight_total (ZP_FORM (form)).raw, ==,
                   zp_decimal_from_int (103).raw);
  findings = check (form);
  finding = assert_one (findings, "weights-total", ZP_SEVERITY_ERROR, -1, -1, "weight");
  assert_message_has (finding, "Weights add up to 103");
  assert_message_has (finding, "take 3 points off");
  zp_form_thaw (ZP_FORM (form));
  g_assert_cmpint (zp_form_get_weight_total (ZP_FORM (form)).raw, ==,
                   zp_decimal_from_int (103).raw);

  /* A weight that is not a number counts as 0 in the total, but is reported itself. */
  zp_indicator_set_weight (project_row (form, 2), "三十");
  g_assert_cmpint (zp_form_get_weight_total (ZP_FORM (form)).raw, ==,
                   zp_decimal_from_int (70).raw);
  assert_quiet (form, "weights-total");
}

static void
test_weights_total_fractional (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpFinding *finding;

  /* Fractional weights are where real totals go astray: 20.5 + … = 100.5. */
  zp_indicator_set_weight (project_row (form, 1), "20.5");
  findings = check (form);
  finding = assert_one (findings, "weights-total", ZP_SEVERITY_ERROR, -1, -1, "weight");
  assert_message_has (finding, "100.5");
  assert_message_has (finding, "take 0.5 points off");
  finding = assert_one (findings, "block-weights", ZP_SEVERITY_ERROR, 0, 0, "weight");
  assert_message_has (finding, "40.5, 0.5 more than 40");
}

static void
test_block_weights (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpFinding *finding;

  /* The total stays 100, but 产出 has 42 and 效益 28. */
  zp_indicator_set_weight (project_row (form, 0), "22");
  zp_indicator_set_weight (project_row (form, 2), "28");
  findings = check (form);
  g_assert_cmpuint (fixture_count_code (findings, "weights-total"), ==, 0);
  g_assert_cmpuint (fixture_count_code (findings, "block-weights"), ==, 2);
  finding = nth_code (findings, "block-weights", 0);
  g_assert_cmpint (zp_finding_get_row (finding), ==, 0);
  assert_message_has (finding, "42, 2 more than 40");
  finding = nth_code (findings, "block-weights", 1);
  g_assert_cmpint (zp_finding_get_row (finding), ==, 2);
  g_assert_cmpstr (zp_finding_get_key (finding), ==, "block-weights@0:2:weight");
  assert_message_has (finding, "效益指标: indicator weights add up to 28, 2 short of 30");

  zp_indicator_set_weight (project_row (form, 0), "20");
  zp_indicator_set_weight (project_row (form, 2), "30");
  assert_quiet (form, "block-weights");
}

static void
test_block_weights_department (void)
{
  g_autoptr(ZpDepartmentForm) form = make_clean_department ();
  g_autoptr(GListModel) findings = NULL;
  ZpGoal *goal = zp_form_get_goal (ZP_FORM (form), 2);
  ZpFinding *finding;

  zp_indicator_set_weight (zp_goal_get_indicator (goal, 0), "18");
  findings = check (form);
  finding = assert_one (findings, "block-weights", ZP_SEVERITY_ERROR, 2, -1, "weight");
  assert_message_has (finding, "Goal 3: indicator weights add up to 18, 2 short of 20");
  /* The goals' weights still make 100. */
  g_assert_cmpuint (fixture_count_code (findings, "weights-total"), ==, 0);

  zp_indicator_set_weight (zp_goal_get_indicator (goal, 0), "20");
  assert_quiet (form, "block-weights");
}

static void
test_weights_total_department (void)
{
  g_autoptr(ZpDepartmentForm) form = make_clean_department ();
  g_autoptr(GListModel) findings = NULL;
  ZpGoal *goal = zp_form_get_goal (ZP_FORM (form), 3);
  ZpFinding *finding;

  /* Goal 4 and its indicator both say 25: the blocks agree, the total does not. */
  zp_goal_set_weight (goal, "25");
  zp_indicator_set_weight (zp_goal_get_indicator (goal, 0), "25");
  findings = check (form);
  finding = assert_one (findings, "weights-total", ZP_SEVERITY_ERROR, -1, -1, "weight");
  assert_message_has (finding, "105");
  assert_message_has (finding, "take 5 points off the goals' weights");
  g_assert_cmpuint (fixture_count_code (findings, "block-weights"), ==, 0);

  zp_goal_set_weight (goal, "20");
  zp_indicator_set_weight (zp_goal_get_indicator (goal, 0), "20");
  assert_quiet (form, "weights-total");
}

static void
test_weight_invalid (void)
{
  const char *bad[] = { "", "abc", "0", "-5" };
  g_autoptr(ZpProjectForm) form = make_clean_project ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GListModel) findings = NULL;

      zp_indicator_set_weight (project_row (form, 3), bad[i]);
      findings = check (form);
      assert_one (findings, "weight-invalid", ZP_SEVERITY_ERROR, 0, 3, "weight");
      /* A weight that is not there is not summed into a misleading total. */
      if (i < 2)
        {
          g_assert_cmpuint (fixture_count_code (findings, "weights-total"), ==, 0);
          g_assert_cmpuint (fixture_count_code (findings, "block-weights"), ==, 0);
        }
    }

  zp_indicator_set_weight (project_row (form, 3), "10");
  assert_quiet (form, "weight-invalid");
}

static void
test_weight_invalid_goal (void)
{
  g_autoptr(ZpDepartmentForm) form = make_clean_department ();
  g_autoptr(GListModel) findings = NULL;
  ZpGoal *goal = zp_form_get_goal (ZP_FORM (form), 1);

  zp_goal_set_weight (goal, "");
  findings = check (form);
  assert_one (findings, "weight-invalid", ZP_SEVERITY_ERROR, 1, -1, "weight");
  /* A missing weight is reported once, not again as a wrong total. */
  g_assert_cmpuint (fixture_count_code (findings, "weights-total"), ==, 0);

  zp_goal_set_weight (goal, "20");
  assert_quiet (form, "weight-invalid");
}

/* ---------------------------------------------------------------------------------- */
/* Scores                                                                               */

static void
test_score_range (void)
{
  const char *bad[] = { "12", "-1" };
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  ZpIndicator *satisfaction = project_row (form, 3);

  zp_indicator_set_manual_reason (satisfaction, "抽样调查结果");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GListModel) findings = NULL;
      ZpFinding *finding;

      zp_indicator_set_manual_score (satisfaction, bad[i]);
      findings = check (form);
      finding = assert_one (findings, "score-range", ZP_SEVERITY_ERROR, 0, 3, "manual-score");
      assert_message_has (finding, bad[i]);
      assert_message_has (finding, "0 to 10");
    }

  zp_indicator_set_manual_score (satisfaction, "10");
  assert_quiet (form, "score-range");
}

static void
test_grade_band (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  ZpIndicator *benefit = project_row (form, 2);  /* qualitative, weight 30 */
  GListModel *findings;
  ZpFinding *finding;

  /* Partial with no score typed: the band is [15, 24) under hubei. */
  zp_indicator_set_grade (benefit, ZP_GRADE_PARTIAL);
  zp_indicator_set_deviation_note (benefit, "部分设备老化");
  findings = check (form);
  finding = assert_one (findings, "grade-band", ZP_SEVERITY_ERROR, 0, 2, "grade");
  assert_message_has (finding, "部分达成 needs a score from 15.00 to 24.00");
  g_object_unref (findings);

  /* The band's upper end is not part of it. */
  zp_indicator_set_manual_score (benefit, "24");
  findings = check (form);
  finding = assert_one (findings, "grade-band", ZP_SEVERITY_ERROR, 0, 2, "manual-score");
  assert_message_has (finding, "24");
  /* A graded score is not a hand override: no reason asked. */
  g_assert_cmpuint (fixture_count_code (findings, "manual-reason-missing"), ==, 0);
  g_object_unref (findings);

  zp_indicator_set_manual_score (benefit, "20");
  assert_quiet (form, "grade-band");

  /* Missed: [0, 15). */
  zp_indicator_set_grade (benefit, ZP_GRADE_MISSED);
  findings = check (form);
  finding = assert_one (findings, "grade-band", ZP_SEVERITY_ERROR, 0, 2, "manual-score");
  assert_message_has (finding, "未达成 needs a score from 0.00 to 15.00");
  g_object_unref (findings);
  zp_indicator_set_manual_score (benefit, "0");
  assert_quiet (form, "grade-band");

  /* Achieved with a typed score: [24, 30], both ends in. */
  zp_indicator_set_grade (benefit, ZP_GRADE_ACHIEVED);
  zp_indicator_set_manual_score (benefit, "23");
  findings = check (form);
  finding = assert_one (findings, "grade-band", ZP_SEVERITY_ERROR, 0, 2, "manual-score");
  assert_message_has (finding, "达成 needs a score from 24.00 to 30.00");
  g_object_unref (findings);
  zp_indicator_set_manual_score (benefit, "30");
  assert_quiet (form, "grade-band");
  zp_indicator_set_manual_score (benefit, "");
  assert_quiet (form, "grade-band");
}

static void
test_manual_reason_missing (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpIndicator *count = project_row (form, 0);

  zp_indicator_set_manual_score (count, "20");
  findings = check (form);
  assert_one (findings, "manual-reason-missing", ZP_SEVERITY_ERROR, 0, 0, "manual-reason");
  /* Full marks on a met target contradict nothing. */
  g_assert_cmpuint (fixture_count_code (findings, "score-contradicts-data"), ==, 0);

  zp_indicator_set_manual_reason (count, "按复核结果");
  assert_quiet (form, "manual-reason-missing");
}

static void
test_score_contradicts_data (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  ZpIndicator *count = project_row (form, 0);  /* ≥10次, weight 20 */
  GListModel *findings;
  ZpFinding *finding;

  /* Met (11次), but scored 15 by hand. */
  zp_indicator_set_manual_reason (count, "质量一般");
  zp_indicator_set_deviation_note (count, "部分巡检记录不全");
  zp_indicator_set_manual_score (count, "15");
  findings = check (form);
  finding = assert_one (findings, "score-contradicts-data", ZP_SEVERITY_WARNING, 0, 0,
                        "manual-score");
  assert_message_has (finding, "15");
  g_assert_cmpint (zp_findings_status (findings), ==, ZP_FORM_STATUS_WARNINGS);
  g_object_unref (findings);

  /* Missed (5 of 10 → 10 points), but full marks by hand. */
  zp_indicator_set_actual (count, "5次");
  zp_indicator_set_manual_score (count, "20");
  findings = check (form);
  finding = assert_one (findings, "score-contradicts-data", ZP_SEVERITY_WARNING, 0, 0,
                        "manual-score");
  assert_message_has (finding, "10 of 20");
  g_object_unref (findings);

  /* Matching the data: quiet. */
  zp_indicator_set_manual_score (count, "10");
  assert_quiet (form, "score-contradicts-data");
  zp_indicator_set_manual_score (count, "");
  assert_quiet (form, "score-contradicts-data");
}

static void
test_deviation_note_missing (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpIndicator *count = project_row (form, 0);
  ZpFinding *finding;

  zp_indicator_set_actual (count, "8次");  /* 16 of 20 */
  findings = check (form);
  finding = assert_one (findings, "deviation-note-missing", ZP_SEVERITY_ERROR, 0, 0,
                        "deviation-note");
  assert_message_has (finding, "16 of 20");
  g_assert_cmpuint (fixture_count_code (findings, "deviation-note-empty"), ==, 0);

  zp_indicator_set_deviation_note (count, "两次巡检因疫情取消，明年提前排期");
  assert_quiet (form, "deviation-note-missing");
}

static void
test_deviation_note_empty (void)
{
  const char *empty[] = { "0", "无", "暂无", "-", "/", " 无 ", "\u3000暂无\u3000" };
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  ZpIndicator *count = project_row (form, 0);

  zp_indicator_set_actual (count, "8次");
  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(GListModel) findings = NULL;

      zp_indicator_set_deviation_note (count, empty[i]);
      findings = check (form);
      assert_one (findings, "deviation-note-empty", ZP_SEVERITY_WARNING, 0, 0, "deviation-note");
      g_assert_cmpuint (fixture_count_code (findings, "deviation-note-missing"), ==, 0);
    }

  /* On a met indicator "无" is fine. */
  zp_indicator_set_actual (count, "10次");
  assert_quiet (form, "deviation-note-empty");
  zp_indicator_set_actual (count, "8次");
  zp_indicator_set_deviation_note (count, "人手不足");
  assert_quiet (form, "deviation-note-empty");
}

/* ---------------------------------------------------------------------------------- */
/* Amounts                                                                              */

static void
test_budget_missing (void)
{
  const char *bad[] = { "", "0", "  " };
  g_autoptr(ZpProjectForm) form = make_clean_project ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GListModel) findings = NULL;

      zp_form_set_budget (ZP_FORM (form), bad[i]);
      findings = check (form);
      assert_one (findings, "budget-missing", ZP_SEVERITY_ERROR, -1, -1, "budget");
      g_assert_cmpuint (fixture_count_code (findings, "execution-low"), ==, 0);
    }

  zp_form_set_budget (ZP_FORM (form), "100");
  assert_quiet (form, "budget-missing");
}

static void
test_budget_negative (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpFinding *finding;

  zp_form_set_budget (ZP_FORM (form), "-100");
  findings = check (form);
  finding = assert_one (findings, "budget-negative", ZP_SEVERITY_ERROR, -1, -1, "budget");
  assert_message_has (finding, "-100.00");

  zp_form_set_budget (ZP_FORM (form), "100");
  assert_quiet (form, "budget-negative");
}

static void
test_spent (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  GListModel *findings;

  zp_form_set_spent (ZP_FORM (form), "");
  findings = check (form);
  assert_one (findings, "spent-missing", ZP_SEVERITY_ERROR, -1, -1, "spent");
  g_object_unref (findings);

  zp_form_set_spent (ZP_FORM (form), "-3");
  findings = check (form);
  assert_one (findings, "spent-negative", ZP_SEVERITY_ERROR, -1, -1, "spent");
  g_assert_cmpuint (fixture_count_code (findings, "spent-missing"), ==, 0);
  g_assert_cmpuint (fixture_count_code (findings, "execution-low"), ==, 0);
  g_object_unref (findings);

  zp_form_set_spent (ZP_FORM (form), "0");
  assert_quiet (form, "spent-missing");
  assert_quiet (form, "spent-negative");
}

static void
test_not_a_number_amounts (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  GListModel *findings;
  ZpFinding *finding;

  zp_form_set_budget (ZP_FORM (form), "一百");
  findings = check (form);
  finding = assert_one (findings, "not-a-number", ZP_SEVERITY_ERROR, -1, -1, "budget");
  assert_message_has (finding, "一百");
  g_assert_cmpuint (fixture_count_code (findings, "budget-missing"), ==, 0);
  g_object_unref (findings);
  zp_form_set_budget (ZP_FORM (form), "100");

  zp_form_set_spent (ZP_FORM (form), "abc");
  findings = check (form);
  assert_one (findings, "not-a-number", ZP_SEVERITY_ERROR, -1, -1, "spent");
  g_object_unref (findings);
  zp_form_set_spent (ZP_FORM (form), "100");

  zp_form_set_initial_budget (ZP_FORM (form), "n/a");
  findings = check (form);
  assert_one (findings, "not-a-number", ZP_SEVERITY_ERROR, -1, -1, "initial-budget");
  g_object_unref (findings);
  zp_form_set_initial_budget (ZP_FORM (form), "90");

  zp_project_form_set_fund (form, ZP_FUND_OTHER, ZP_FUND_FIELD_BUDGET, "x");
  findings = check (form);
  assert_one (findings, "not-a-number", ZP_SEVERITY_ERROR, -1, -1, "fund-other-budget");
  g_object_unref (findings);
  zp_project_form_set_fund (form, ZP_FUND_OTHER, ZP_FUND_FIELD_BUDGET, "");

  assert_quiet (form, "not-a-number");
}

static void
test_not_a_number_department (void)
{
  g_autoptr(ZpDepartmentForm) form = make_clean_department ();
  g_autoptr(GListModel) findings = NULL;

  zp_department_form_set_basic_expenditure (form, "约200");
  findings = check (form);
  assert_one (findings, "not-a-number", ZP_SEVERITY_ERROR, -1, -1, "basic-expenditure");

  zp_department_form_set_basic_expenditure (form, "217.30");
  assert_quiet (form, "not-a-number");
}

static void
test_not_a_number_indicator (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  GListModel *findings;
  ZpFinding *finding;

  zp_indicator_set_actual (project_row (form, 0), "很多");
  findings = check (form);
  finding = assert_one (findings, "not-a-number", ZP_SEVERITY_ERROR, 0, 0, "actual");
  assert_message_has (finding, "很多");
  g_object_unref (findings);
  zp_indicator_set_actual (project_row (form, 0), "11次");

  zp_indicator_set_manual_score (project_row (form, 1), "满分");
  zp_indicator_set_manual_reason (project_row (form, 1), "复核");
  findings = check (form);
  assert_one (findings, "not-a-number", ZP_SEVERITY_ERROR, 0, 1, "manual-score");
  g_object_unref (findings);
  zp_indicator_set_manual_score (project_row (form, 1), "");

  assert_quiet (form, "not-a-number");
}

static void
test_category_missing (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpGoal *goal = zp_project_form_get_overall_goal (form);
  ZpFinding *finding;

  /* Without its only 满意度 indicator (10), and 效益 moved to 产出. */
  zp_goal_remove_indicator (goal, 3);
  zp_indicator_set_category (project_row (form, 2), "产出指标");
  findings = check (form);
  finding = assert_one (findings, "category-missing", ZP_SEVERITY_ERROR, -1, -1, "category");
  assert_message_has (finding, "效益指标");
  assert_message_has (finding, "满意度指标");
  g_assert_cmpuint (zp_findings_count (findings, ZP_SEVERITY_ERROR, FALSE), >=, 1);

  zp_indicator_set_category (project_row (form, 2), "效益指标");
  append_indicator (goal, "满意度指标", "社会满意度指标", "群众满意度", "≥90%", "92%", "10");
  assert_quiet (form, "category-missing");
}

static void
test_category_missing_department (void)
{
  g_autoptr(ZpDepartmentForm) form = make_clean_department ();
  g_autoptr(GListModel) findings = NULL;
  ZpGoal *goal = zp_form_get_goal (ZP_FORM (form), 0);
  ZpFinding *finding;

  /* 满意度 of goal 1 becomes 效益: no goal has a 满意度 indicator any more. */
  zp_indicator_set_category (zp_goal_get_indicator (goal, 2), "效益指标");
  findings = check (form);
  finding = assert_one (findings, "category-missing", ZP_SEVERITY_ERROR, -1, -1, "category");
  assert_message_has (finding, "满意度指标");

  zp_indicator_set_category (zp_goal_get_indicator (goal, 2), "满意度指标");
  assert_quiet (form, "category-missing");
}

/* ---------------------------------------------------------------------------------- */
/* Warnings                                                                             */

static void
test_execution_low (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpFinding *finding;

  zp_form_set_spent (ZP_FORM (form), "45.17");
  findings = check (form);
  finding = assert_one (findings, "execution-low", ZP_SEVERITY_WARNING, -1, -1, "spent");
  assert_message_has (finding, "45.17%");
  assert_message_has (finding, "90%");

  /* 90% itself is not below. */
  zp_form_set_spent (ZP_FORM (form), "90");
  assert_quiet (form, "execution-low");
  zp_form_set_spent (ZP_FORM (form), "45.17");
  zp_form_set_analysis (ZP_FORM (form), "项目延期至次年实施");
  assert_quiet (form, "execution-low");
}

static void
test_over_achievement (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  g_autoptr(GListModel) findings = NULL;
  ZpIndicator *count = project_row (form, 0);

  zp_indicator_set_actual (count, "12次");  /* 120% of ≥10次 */
  findings = check (form);
  assert_one (findings, "over-achievement", ZP_SEVERITY_WARNING, 0, 0, "deviation-note");

  /* "无" explains nothing. */
  zp_indicator_set_deviation_note (count, "无");
  g_clear_object (&findings);
  findings = check (form);
  assert_one (findings, "over-achievement", ZP_SEVERITY_WARNING, 0, 0, "deviation-note");

  zp_indicator_set_deviation_note (count, "新增两次专项巡检");
  assert_quiet (form, "over-achievement");
}

static void
test_actual_restates_target (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  ZpIndicator *satisfaction = project_row (form, 3);  /* ≥90% */
  ZpIndicator *benefit = project_row (form, 2);       /* 有效保障, qualitative */
  GListModel *findings;
  ZpFinding *finding;

  zp_indicator_set_actual (satisfaction, "≥90%");
  findings = check (form);
  finding = assert_one (findings, "actual-restates-target", ZP_SEVERITY_WARNING, 0, 3, "actual");
  assert_message_has (finding, "≥90%");
  g_object_unref (findings);

  zp_indicator_set_actual (satisfaction, "完成");
  findings = check (form);
  assert_one (findings, "actual-restates-target", ZP_SEVERITY_WARNING, 0, 3, "actual");
  g_object_unref (findings);

  zp_indicator_set_actual (satisfaction, "95%");
  /* A qualitative indicator's actual is its own wording: nothing to measure. */
  zp_indicator_set_actual (benefit, "完成");
  assert_quiet (form, "actual-restates-target");

  /* A measured value equal to a bare target is no restatement, for the scorer too */
  zp_indicator_set_target (satisfaction, "100%");
  zp_indicator_set_actual (satisfaction, "100%");
  assert_quiet (form, "actual-restates-target");
  g_assert_false (zp_indicator_get_flags (satisfaction) & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  g_assert_cmpint (zp_indicator_get_rule (satisfaction), ==, ZP_RULE_MET);
  zp_indicator_set_target (satisfaction, "0");
  zp_indicator_set_actual (satisfaction, "0");
  assert_quiet (form, "actual-restates-target");
  g_assert_false (zp_indicator_get_flags (satisfaction) & ZP_INDICATOR_FLAG_RESTATES_TARGET);
}

static void
test_fund_sum (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  GListModel *findings;
  ZpFinding *finding;

  zp_project_form_set_fund (form, ZP_FUND_CURRENT, ZP_FUND_FIELD_BUDGET, "60");
  zp_project_form_set_fund (form, ZP_FUND_CARRYOVER, ZP_FUND_FIELD_BUDGET, "30");
  findings = check (form);
  finding = assert_one (findings, "fund-sum", ZP_SEVERITY_WARNING, -1, -1, "budget");
  assert_message_has (finding, "90.00");
  assert_message_has (finding, "100.00");
  g_object_unref (findings);
  zp_project_form_set_fund (form, ZP_FUND_OTHER, ZP_FUND_FIELD_BUDGET, "10");
  assert_quiet (form, "fund-sum");

  /* The spent column, once filled, must add up too. */
  zp_project_form_set_fund (form, ZP_FUND_CURRENT, ZP_FUND_FIELD_SPENT, "60");
  findings = check (form);
  assert_one (findings, "fund-sum", ZP_SEVERITY_WARNING, -1, -1, "spent");
  g_object_unref (findings);
  zp_project_form_set_fund (form, ZP_FUND_CARRYOVER, ZP_FUND_FIELD_SPENT, "40");
  assert_quiet (form, "fund-sum");
}

static void
test_placeholder_text (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  ZpGoal *goal = zp_project_form_get_overall_goal (form);
  GListModel *findings;
  ZpFinding *finding;

  /* Only the template's name alone is a placeholder (issue 9): a numbered name is a name. */
  zp_indicator_set_name (project_row (form, 1), "指标1：");
  findings = check (form);
  finding = assert_one (findings, "placeholder-text", ZP_SEVERITY_WARNING, 0, 1, "name");
  assert_message_has (finding, "指标1：");
  g_object_unref (findings);
  zp_indicator_set_name (project_row (form, 1), "指标2: ");
  findings = check (form);
  assert_one (findings, "placeholder-text", ZP_SEVERITY_WARNING, 0, 1, "name");
  g_object_unref (findings);
  zp_indicator_set_name (project_row (form, 1), "指标三：");
  findings = check (form);
  assert_one (findings, "placeholder-text", ZP_SEVERITY_WARNING, 0, 1, "name");
  g_object_unref (findings);
  zp_indicator_set_name (project_row (form, 1), "XXX");
  findings = check (form);
  finding = assert_one (findings, "placeholder-text", ZP_SEVERITY_WARNING, 0, 1, "name");
  assert_message_has (finding, "“XXX”");
  g_object_unref (findings);
  zp_indicator_set_name (project_row (form, 1), "××× 单位故障处置率");
  findings = check (form);
  assert_one (findings, "placeholder-text", ZP_SEVERITY_WARNING, 0, 1, "name");
  g_object_unref (findings);
  zp_indicator_set_name (project_row (form, 1), "指标8：适龄儿童疫苗接种率");
  assert_quiet (form, "placeholder-text");
  zp_indicator_set_name (project_row (form, 1), "指标2: 故障处置率");
  assert_quiet (form, "placeholder-text");
  zp_indicator_set_name (project_row (form, 1), "XXL 号服装采购率");
  assert_quiet (form, "placeholder-text");
  zp_indicator_set_name (project_row (form, 1), "故障处置率");

  zp_indicator_set_target (project_row (form, 2), "……");
  findings = check (form);
  assert_one (findings, "placeholder-text", ZP_SEVERITY_WARNING, 0, 2, "target");
  g_object_unref (findings);
  zp_indicator_set_target (project_row (form, 2), "有效保障");

  zp_goal_set_text (goal, "*");
  findings = check (form);
  assert_one (findings, "placeholder-text", ZP_SEVERITY_WARNING, 0, -1, "text");
  g_object_unref (findings);
  zp_goal_set_text (goal, "...");
  findings = check (form);
  assert_one (findings, "placeholder-text", ZP_SEVERITY_WARNING, 0, -1, "text");
  g_object_unref (findings);

  /* Words that merely contain the pieces are real text. */
  zp_goal_set_text (goal, "完成指标12项，详见附件…");
  assert_quiet (form, "placeholder-text");
}

/* ---------------------------------------------------------------------------------- */
/* Order: execution block, form-wide, then goals and rows in print order                */

static void
test_order (void)
{
  g_autoptr(ZpDepartmentForm) form = make_clean_department ();
  g_autoptr(GListModel) findings = NULL;
  ZpGoal *first = zp_form_get_goal (ZP_FORM (form), 0);
  ZpGoal *third = zp_form_get_goal (ZP_FORM (form), 2);
  static const char * const expected[] = {
    "spent-missing@-1:-1:spent",
    "weights-total@-1:-1:weight",
    "weight-invalid@0:-1:weight",
    "not-a-number@0:2:actual",
    "placeholder-text@2:-1:text",
    "deviation-note-missing@2:0:deviation-note",
  };

  zp_form_set_spent (ZP_FORM (form), "");
  zp_goal_set_weight (first, "-20");
  zp_indicator_set_actual (zp_goal_get_indicator (first, 2), "较高");
  zp_goal_set_text (third, "……");
  zp_indicator_set_actual (zp_goal_get_indicator (third, 0), "4个");
  findings = check (form);

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpstr (zp_finding_get_key (finding), ==, expected[i]);
    }
}

/* ---------------------------------------------------------------------------------- */
/* Explanations                                                                         */

static void
test_explanations (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  GListModel *findings;
  ZpFinding *finding;

  zp_form_set_spent (ZP_FORM (form), "50");
  zp_form_set_budget (ZP_FORM (form), "100");
  findings = check (form);
  finding = assert_one (findings, "execution-low", ZP_SEVERITY_WARNING, -1, -1, "spent");
  g_assert_false (zp_finding_is_explained (finding));
  g_assert_cmpuint (zp_findings_count (findings, ZP_SEVERITY_WARNING, FALSE), ==, 1);
  g_assert_cmpint (zp_findings_status (findings), ==, ZP_FORM_STATUS_WARNINGS);
  zp_form_set_explanation (ZP_FORM (form), zp_finding_get_key (finding), "资金年底到位");
  g_object_unref (findings);

  /* The explanation silences the count but keeps the finding. */
  findings = check (form);
  finding = assert_one (findings, "execution-low", ZP_SEVERITY_WARNING, -1, -1, "spent");
  g_assert_cmpstr (zp_finding_get_explanation (finding), ==, "资金年底到位");
  g_assert_cmpuint (zp_findings_count (findings, ZP_SEVERITY_WARNING, FALSE), ==, 0);
  g_assert_cmpuint (zp_findings_count (findings, ZP_SEVERITY_WARNING, TRUE), ==, 1);
  g_assert_cmpint (zp_findings_status (findings), ==, ZP_FORM_STATUS_COMPLETE);
  g_object_unref (findings);

  /* An error ignores any explanation saved under its key. */
  zp_form_set_budget (ZP_FORM (form), "");
  zp_form_set_explanation (ZP_FORM (form), "budget-missing@-1:-1:budget", "稍后补录");
  findings = check (form);
  finding = assert_one (findings, "budget-missing", ZP_SEVERITY_ERROR, -1, -1, "budget");
  g_assert_null (zp_finding_get_explanation (finding));
  g_assert_cmpuint (zp_findings_count (findings, ZP_SEVERITY_ERROR, FALSE), ==, 1);
  g_assert_cmpint (zp_findings_status (findings), ==, ZP_FORM_STATUS_ERRORS);
  g_object_unref (findings);
}

/* ---------------------------------------------------------------------------------- */
/* Across forms                                                                         */

static ZpProjectForm *
make_budget_project (const char *name,
                     const char *budget)
{
  ZpProjectForm *form = make_clean_project ();

  zp_project_form_set_name (form, name);
  zp_form_set_budget (ZP_FORM (form), budget);
  zp_form_set_spent (ZP_FORM (form), budget);

  return form;
}

static ZpWorkbook *
make_workbook (void)
{
  ZpWorkbook *workbook = zp_workbook_new (NULL);
  g_autoptr(ZpDepartmentForm) department = make_clean_department ();
  g_autoptr(ZpProjectForm) first = make_budget_project ("甲", "1848.82");
  g_autoptr(ZpProjectForm) second = make_budget_project ("乙", "0.51");

  zp_workbook_set_department_form (workbook, department);
  zp_workbook_insert_project (workbook, G_MAXUINT, first);
  zp_workbook_insert_project (workbook, G_MAXUINT, second);

  return workbook;
}

static void
test_cross_forms_clean (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(GListStore) cross = zp_check_cross_forms (workbook);
  g_autoptr(GListStore) all = zp_check_workbook (workbook);

  dump (G_LIST_MODEL (all));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cross)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 0);
}

static void
test_department_sum (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  ZpForm *department = ZP_FORM (zp_workbook_get_department_form (workbook));
  g_autoptr(GListStore) cross = NULL;
  g_autoptr(GListStore) after = NULL;
  ZpFinding *finding;

  zp_department_form_set_basic_expenditure (ZP_DEPARTMENT_FORM (department), "200");
  cross = zp_check_cross_forms (workbook);
  dump (G_LIST_MODEL (cross));
  finding = assert_one (G_LIST_MODEL (cross), "department-sum", ZP_SEVERITY_WARNING, -1, -1,
                        "basic-expenditure");
  g_assert_true (zp_finding_get_form (finding) == department);
  assert_message_has (finding, "2049.33");
  assert_message_has (finding, "2066.63");

  /* Only when all three amounts are there. */
  zp_department_form_set_basic_expenditure (ZP_DEPARTMENT_FORM (department), "");
  after = zp_check_cross_forms (workbook);
  g_assert_cmpuint (fixture_count_code (G_LIST_MODEL (after), "department-sum"), ==, 0);
}

static void
test_project_sum (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  ZpForm *department = ZP_FORM (zp_workbook_get_department_form (workbook));
  GListStore *cross;
  ZpFinding *finding;

  zp_form_set_budget (zp_workbook_get_form (workbook, 2), "0.50");
  zp_form_set_spent (zp_workbook_get_form (workbook, 2), "0.50");
  cross = zp_check_cross_forms (workbook);
  dump (G_LIST_MODEL (cross));
  finding = assert_one (G_LIST_MODEL (cross), "project-sum", ZP_SEVERITY_WARNING, -1, -1,
                        "project-expenditure");
  g_assert_true (zp_finding_get_form (finding) == department);
  assert_message_has (finding, "1849.32");
  assert_message_has (finding, "1849.33");
  g_object_unref (cross);

  /* Explained in the workbook, not in the form. */
  zp_workbook_set_explanation (workbook, "project-sum@-1:-1:project-expenditure",
                               "另有一个项目未单独编表");
  cross = zp_check_cross_forms (workbook);
  finding = nth_code (G_LIST_MODEL (cross), "project-sum", 0);
  g_assert_cmpstr (zp_finding_get_explanation (finding), ==, "另有一个项目未单独编表");
  g_assert_cmpint (zp_findings_status (G_LIST_MODEL (cross)), ==, ZP_FORM_STATUS_COMPLETE);
  g_object_unref (cross);

  zp_form_set_budget (zp_workbook_get_form (workbook, 2), "0.51");
  cross = zp_check_cross_forms (workbook);
  g_assert_cmpuint (fixture_count_code (G_LIST_MODEL (cross), "project-sum"), ==, 0);
  g_object_unref (cross);
}

static void
test_project_sum_needs_department (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  g_autoptr(ZpProjectForm) project = make_budget_project ("甲", "5");
  g_autoptr(GListStore) cross = NULL;

  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  cross = zp_check_cross_forms (workbook);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cross)), ==, 0);
}

/* ---------------------------------------------------------------------------------- */
/* The seed (seed-forms.md), as published                                               */

/* What the published forms get wrong, and what holds (seed-forms.md). */
static void
assert_seed_findings (ZpWorkbook *workbook)
{
  static const char * const quiet[] = {
    "department-sum", "weights-total", "block-weights", "category-missing",
    "budget-missing", "budget-negative", "spent-missing", "spent-negative",
    "score-range", "deviation-note-missing", "weight-invalid", "grade-band",
    "not-a-number", "execution-low",
  };
  g_autoptr(GListStore) findings = zp_check_workbook (workbook);
  GListModel *model = G_LIST_MODEL (findings);
  ZpFinding *finding;

  dump (model);
  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    if (fixture_count_code (model, quiet[i]) != 0)
      g_error ("the seed should have no %s finding", quiet[i]);

  finding = assert_one (model, "project-sum", ZP_SEVERITY_WARNING, -1, -1, "project-expenditure");
  assert_message_has (finding, "1.31");
  assert_message_has (finding, "1849.33");
  g_assert_true (zp_finding_get_form (finding) ==
                 ZP_FORM (zp_workbook_get_department_form (workbook)));

  /* The actual values that repeat the target are worth a hint, not an error. */
  g_assert_cmpuint (fixture_count_code (model, "actual-restates-target"), >, 0);
  g_assert_cmpuint (zp_findings_count (model, ZP_SEVERITY_ERROR, TRUE), ==, 0);
  g_assert_cmpint (zp_findings_status (model), ==, ZP_FORM_STATUS_WARNINGS);
}

static void
test_seed_built (void)
{
  g_autoptr(ZpWorkbook) workbook = seed_workbook_new ();

  assert_seed_findings (workbook);
}

static void
test_seed_example_file (void)
{
  const char *dir = g_getenv ("ZIPING_EXAMPLES");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    {
      g_test_skip ("ZIPING_EXAMPLES is not set");
      return;
    }
  path = g_build_filename (dir, "jiangan-2024.ziping", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no example workbook yet");
      return;
    }

  file = g_file_new_for_path (path);
  workbook = zp_workbook_load (file, &error);
  g_assert_no_error (error);
  assert_seed_findings (workbook);
}

/* ---------------------------------------------------------------------------------- */
/* Speed                                                                                */

static void
test_many_indicators (void)
{
  g_autoptr(ZpProjectForm) form = make_clean_project ();
  ZpGoal *goal = zp_project_form_get_overall_goal (form);
  g_autoptr(GListModel) findings = NULL;
  gint64 start;
  gint64 elapsed;

  /* 2,000 more indicators, all fine but for their weights. */
  zp_form_freeze (ZP_FORM (form));
  for (guint i = 0; i < 2000; i++)
    append_indicator (goal, "产出指标", "数量指标", "巡检次数", "≥10次", "10次", "1");
  zp_form_thaw (ZP_FORM (form));

  start = g_get_monotonic_time ();
  findings = G_LIST_MODEL (zp_check_form (ZP_FORM (form)));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("2,004 indicators checked in %" G_GINT64_FORMAT " µs", elapsed);

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 2);
  g_assert_cmpuint (fixture_count_code (findings, "weights-total"), ==, 1);
  g_assert_cmpuint (fixture_count_code (findings, "block-weights"), ==, 1);
  /* Generous: it runs on every edit; debug builds on a busy machine included. */
  g_assert_cmpint (elapsed, <, 500 * 1000);
}

int
main (int   argc,
      char *argv[])
{
  /* Readable test messages: they quote Chinese form text. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/finding/object", test_finding_object);
  g_test_add_func ("/checks/finding/weak-form", test_finding_weak_form);
  g_test_add_func ("/checks/finding/location", test_finding_location);
  g_test_add_func ("/checks/clean/project", test_clean_project);
  g_test_add_func ("/checks/clean/department", test_clean_department);
  g_test_add_func ("/checks/weights-total/project", test_weights_total);
  g_test_add_func ("/checks/weights-total/fractional", test_weights_total_fractional);
  g_test_add_func ("/checks/weights-total/form-total", test_weights_total_is_form_total);
  g_test_add_func ("/checks/weights-total/department", test_weights_total_department);
  g_test_add_func ("/checks/block-weights/project", test_block_weights);
  g_test_add_func ("/checks/block-weights/department", test_block_weights_department);
  g_test_add_func ("/checks/weight-invalid/indicator", test_weight_invalid);
  g_test_add_func ("/checks/weight-invalid/goal", test_weight_invalid_goal);
  g_test_add_func ("/checks/score-range", test_score_range);
  g_test_add_func ("/checks/grade-band", test_grade_band);
  g_test_add_func ("/checks/manual-reason-missing", test_manual_reason_missing);
  g_test_add_func ("/checks/score-contradicts-data", test_score_contradicts_data);
  g_test_add_func ("/checks/deviation-note-missing", test_deviation_note_missing);
  g_test_add_func ("/checks/deviation-note-empty", test_deviation_note_empty);
  g_test_add_func ("/checks/budget-missing", test_budget_missing);
  g_test_add_func ("/checks/budget-negative", test_budget_negative);
  g_test_add_func ("/checks/spent", test_spent);
  g_test_add_func ("/checks/not-a-number/amounts", test_not_a_number_amounts);
  g_test_add_func ("/checks/not-a-number/department", test_not_a_number_department);
  g_test_add_func ("/checks/not-a-number/indicator", test_not_a_number_indicator);
  g_test_add_func ("/checks/category-missing/project", test_category_missing);
  g_test_add_func ("/checks/category-missing/department", test_category_missing_department);
  g_test_add_func ("/checks/execution-low", test_execution_low);
  g_test_add_func ("/checks/over-achievement", test_over_achievement);
  g_test_add_func ("/checks/actual-restates-target", test_actual_restates_target);
  g_test_add_func ("/checks/fund-sum", test_fund_sum);
  g_test_add_func ("/checks/placeholder-text", test_placeholder_text);
  g_test_add_func ("/checks/order", test_order);
  g_test_add_func ("/checks/explanations", test_explanations);
  g_test_add_func ("/checks/cross/clean", test_cross_forms_clean);
  g_test_add_func ("/checks/cross/department-sum", test_department_sum);
  g_test_add_func ("/checks/cross/project-sum", test_project_sum);
  g_test_add_func ("/checks/cross/needs-department", test_project_sum_needs_department);
  g_test_add_func ("/checks/seed/built", test_seed_built);
  g_test_add_func ("/checks/seed/example-file", test_seed_example_file);
  g_test_add_func ("/checks/speed", test_many_indicators);

  return g_test_run ();
}
