/* test-model.c — properties, signals, lists and summaries of the model objects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ziping-core.h"
#include "zp-goal-private.h"
#include "zp-indicator-private.h"

/* Counting signals **********************************************************************/

static void
count_cb (gpointer  instance,
          gpointer  user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static guint *
count_signal (gpointer    instance,
              const char *signal,
              guint      *counter)
{
  *counter = 0;
  if (g_str_has_prefix (signal, "notify::"))
    g_signal_connect (instance, signal, G_CALLBACK (count_notify_cb), counter);
  else
    g_signal_connect (instance, signal, G_CALLBACK (count_cb), counter);
  return counter;
}

static ZpIndicator *
indicator_new (const char *category,
               const char *target,
               const char *actual,
               const char *weight)
{
  ZpIndicator *indicator = zp_indicator_new ();

  zp_indicator_set_category (indicator, category);
  zp_indicator_set_target (indicator, target);
  zp_indicator_set_actual (indicator, actual);
  zp_indicator_set_weight (indicator, weight);
  return indicator;
}

static void
add_indicator (ZpGoal     *goal,
               const char *category,
               const char *target,
               const char *actual,
               const char *weight)
{
  g_autoptr(ZpIndicator) indicator = indicator_new (category, target, actual, weight);

  zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
}

/* A project form with one indicator of each category, all met: 20 + 40 + 30 + 10. */
static ZpProjectForm *
project_new (const char *name)
{
  ZpProjectForm *project = zp_project_form_new ();
  ZpGoal *goal = zp_project_form_get_overall_goal (project);

  zp_project_form_set_name (project, name);
  zp_form_set_budget (ZP_FORM (project), "100");
  zp_form_set_spent (ZP_FORM (project), "100");
  add_indicator (goal, "产出指标", "≥500人", "500", "40");
  add_indicator (goal, "效益指标", "有效保障", "有效保障", "30");
  add_indicator (goal, "满意度指标", "≥90%", "95%", "10");
  return project;
}

/* Properties ****************************************************************************/

static void
test_indicator_notify (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  ZpIndicator *indicator = zp_indicator_new ();
  guint target_notifies, changed, score_notifies, state_notifies, flags_notifies;
  g_autofree char *target = NULL;

  count_signal (indicator, "notify::target", &target_notifies);
  count_signal (indicator, "changed", &changed);
  count_signal (indicator, "notify::score", &score_notifies);
  count_signal (indicator, "notify::state", &state_notifies);
  count_signal (indicator, "notify::flags", &flags_notifies);

  g_assert_cmpstr (zp_indicator_get_target (indicator), ==, "");
  zp_indicator_set_target (indicator, "≥500人");
  zp_indicator_set_target (indicator, "≥500人");
  g_assert_cmpuint (target_notifies, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* NULL is "" */
  zp_indicator_set_target (indicator, NULL);
  g_assert_cmpstr (zp_indicator_get_target (indicator), ==, "");
  zp_indicator_set_target (indicator, "");
  g_assert_cmpuint (target_notifies, ==, 2);

  /* Through GObject too */
  g_object_set (indicator, "target", "≥500人", NULL);
  g_object_set (indicator, "target", "≥500人", NULL);
  g_assert_cmpuint (target_notifies, ==, 3);
  g_object_get (indicator, "target", &target, NULL);
  g_assert_cmpstr (target, ==, "≥500人");

  /* Enums */
  zp_indicator_set_direction (indicator, ZP_DIRECTION_REVERSE);
  zp_indicator_set_direction (indicator, ZP_DIRECTION_REVERSE);
  zp_indicator_set_grade (indicator, ZP_GRADE_PARTIAL);
  zp_indicator_set_grade (indicator, ZP_GRADE_PARTIAL);
  g_assert_cmpuint (changed, ==, 5);
  zp_indicator_set_direction (indicator, ZP_DIRECTION_AUTO);
  zp_indicator_set_grade (indicator, ZP_GRADE_NONE);

  /* Computed properties notify when their value changes, not on every rescore */
  zp_indicator_set_weight (indicator, "10");
  zp_indicator_set_actual (indicator, "420");
  zp_indicator_rescore (indicator, scheme);
  g_assert_cmpuint (score_notifies, ==, 1);
  g_assert_cmpuint (state_notifies, ==, 1);
  g_assert_cmpuint (flags_notifies, ==, 1);  /* NEEDS_NOTE */
  zp_indicator_rescore (indicator, scheme);
  g_assert_cmpuint (score_notifies, ==, 1);

  zp_indicator_set_deviation_note (indicator, "原因");
  zp_indicator_rescore (indicator, scheme);
  g_assert_cmpuint (score_notifies, ==, 1);
  g_assert_cmpuint (state_notifies, ==, 1);
  g_assert_cmpuint (flags_notifies, ==, 2);

  zp_indicator_set_actual (indicator, "450");
  zp_indicator_rescore (indicator, scheme);
  g_assert_cmpuint (score_notifies, ==, 2);
  g_assert_cmpuint (state_notifies, ==, 1);

  g_assert_finalize_object (indicator);
}

static void
test_goal_notify (void)
{
  ZpGoal *goal = zp_goal_new ();
  guint weight_notifies, changed;
  ZpDecimal weight;

  count_signal (goal, "notify::weight", &weight_notifies);
  count_signal (goal, "changed", &changed);

  zp_goal_set_weight (goal, "20");
  zp_goal_set_weight (goal, "20");
  zp_goal_set_text (goal, "保障政务网络畅通");
  zp_goal_set_achieved (goal, "已保障");
  zp_goal_set_achieved (goal, "已保障");
  g_assert_cmpuint (weight_notifies, ==, 1);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_true (zp_goal_get_weight_value (goal, &weight));
  g_assert_true (zp_decimal_equal (weight, zp_decimal_from_int (20)));
  zp_goal_set_weight (goal, "二十");
  g_assert_false (zp_goal_get_weight_value (goal, &weight));

  g_assert_finalize_object (goal);
}

/* A goal hears every change of its indicators, also of one shared with another goal or
 * held twice, and stops hearing it once it is removed. */
static void
test_goal_hears_indicators (void)
{
  ZpGoal *first = zp_goal_new ();
  ZpGoal *second = zp_goal_new ();
  ZpIndicator *shared = zp_indicator_new ();
  guint first_changed = 0, second_changed = 0;

  zp_goal_insert_indicator (first, G_MAXUINT, shared);
  zp_goal_insert_indicator (second, G_MAXUINT, shared);
  zp_goal_insert_indicator (second, G_MAXUINT, shared);
  count_signal (first, "changed", &first_changed);
  count_signal (second, "changed", &second_changed);

  zp_indicator_set_actual (shared, "95%");
  g_assert_cmpuint (first_changed, ==, 1);
  g_assert_cmpuint (second_changed, ==, 2);

  zp_goal_remove_indicator (first, 0);
  first_changed = second_changed = 0;
  zp_indicator_set_grade (shared, ZP_GRADE_ACHIEVED);
  g_assert_cmpuint (first_changed, ==, 0);
  g_assert_cmpuint (second_changed, ==, 2);

  zp_goal_remove_indicator (second, 1);
  zp_goal_remove_indicator (second, 0);
  second_changed = 0;
  zp_indicator_set_direction (shared, ZP_DIRECTION_POSITIVE);
  g_assert_cmpuint (second_changed, ==, 0);

  /* Back in the first goal after all that */
  zp_goal_insert_indicator (first, G_MAXUINT, shared);
  first_changed = 0;
  zp_indicator_set_weight (shared, "5");
  g_assert_cmpuint (first_changed, ==, 1);

  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
  g_assert_finalize_object (shared);
}

static void
test_form_notify (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  ZpProjectForm *project = zp_project_form_new ();
  ZpForm *form = ZP_FORM (project);
  guint budget_notifies, name_notifies, category_notifies, fund_notifies, changed;
  guint rate_notifies, score_notifies, total_notifies;
  g_autofree char *fund = NULL;

  zp_form_set_scheme (form, scheme);
  count_signal (form, "notify::budget", &budget_notifies);
  count_signal (form, "notify::name", &name_notifies);
  count_signal (form, "notify::project-category", &category_notifies);
  count_signal (form, "notify::fund-carryover-spent", &fund_notifies);
  count_signal (form, "changed", &changed);
  count_signal (form, "notify::execution-rate-text", &rate_notifies);
  count_signal (form, "notify::execution-score-text", &score_notifies);
  count_signal (form, "notify::total-text", &total_notifies);

  zp_form_set_budget (form, "100");
  zp_form_set_budget (form, "100");
  zp_project_form_set_name (project, "科技条件专项");
  zp_project_form_set_name (project, "科技条件专项");
  zp_project_form_set_project_category (project, ZP_PROJECT_CATEGORY_SPECIAL);
  zp_project_form_set_project_category (project, ZP_PROJECT_CATEGORY_SPECIAL);
  zp_project_form_set_fund (project, ZP_FUND_CARRYOVER, ZP_FUND_FIELD_SPENT, "3");
  zp_project_form_set_fund (project, ZP_FUND_CARRYOVER, ZP_FUND_FIELD_SPENT, "3");
  g_assert_cmpuint (budget_notifies, ==, 1);
  g_assert_cmpuint (name_notifies, ==, 1);
  g_assert_cmpuint (category_notifies, ==, 1);
  g_assert_cmpuint (fund_notifies, ==, 1);
  g_assert_cmpuint (changed, ==, 4);
  g_object_get (project, "fund-carryover-spent", &fund, NULL);
  g_assert_cmpstr (fund, ==, "3");
  g_assert_cmpstr (zp_project_form_get_fund (project, ZP_FUND_CARRYOVER, ZP_FUND_FIELD_SPENT),
                   ==, "3");

  /* No spending yet: no rate; the score text stays "0.00" */
  g_assert_cmpuint (rate_notifies, ==, 0);
  zp_form_set_spent (form, "50");
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "50.00%");
  g_assert_cmpuint (rate_notifies, ==, 1);
  g_assert_cmpuint (score_notifies, ==, 1);
  g_assert_cmpuint (total_notifies, ==, 1);

  /* A text edit rescores but changes no computed text */
  zp_form_set_analysis (form, "执行进度偏慢");
  g_assert_cmpuint (rate_notifies, ==, 1);
  g_assert_cmpuint (score_notifies, ==, 1);
  g_assert_cmpuint (total_notifies, ==, 1);

  g_assert_finalize_object (project);
}

static void
test_department_notify (void)
{
  ZpDepartmentForm *department = zp_department_form_new ();
  guint unit_notifies, changed;

  count_signal (department, "notify::unit", &unit_notifies);
  count_signal (department, "changed", &changed);

  zp_department_form_set_unit (department, "江岸区大数据中心");
  zp_department_form_set_unit (department, "江岸区大数据中心");
  zp_department_form_set_basic_expenditure (department, "217.30");
  zp_department_form_set_project_expenditure (department, "1849.33");
  zp_department_form_set_project_expenditure (department, "1849.33");
  g_assert_cmpuint (unit_notifies, ==, 1);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpstr (zp_department_form_get_basic_expenditure (department), ==, "217.30");

  g_assert_finalize_object (department);
}

static void
test_workbook_notify (void)
{
  ZpWorkbook *workbook = zp_workbook_new (NULL);
  guint year_notifies, unit_notifies, scheme_notifies;
  g_autoptr(ZpScheme) central = zp_scheme_new_builtin ("central");

  g_assert_cmpstr (zp_scheme_get_id (zp_workbook_get_scheme (workbook)), ==, "hubei");

  count_signal (workbook, "notify::year", &year_notifies);
  count_signal (workbook, "notify::unit", &unit_notifies);
  count_signal (workbook, "notify::scheme", &scheme_notifies);

  zp_workbook_set_year (workbook, 2024);
  zp_workbook_set_year (workbook, 2024);
  zp_workbook_set_unit (workbook, "江岸区大数据中心");
  zp_workbook_set_unit (workbook, "江岸区大数据中心");
  zp_workbook_set_department (workbook, "区经科局");
  zp_workbook_set_scheme (workbook, central);
  zp_workbook_set_scheme (workbook, central);
  g_assert_cmpuint (year_notifies, ==, 1);
  g_assert_cmpuint (unit_notifies, ==, 1);
  g_assert_cmpuint (scheme_notifies, ==, 1);
  g_assert_cmpuint (zp_workbook_get_year (workbook), ==, 2024);
  g_assert_cmpstr (zp_workbook_get_department (workbook), ==, "区经科局");
  g_assert_true (zp_workbook_get_scheme (workbook) == central);

  g_assert_finalize_object (workbook);
}

/* Signals through the tree **************************************************************/

static ZpForm *last_changed_form;

static void
on_workbook_changed (ZpWorkbook *workbook,
                     ZpForm     *form,
                     guint      *count)
{
  /* The form has rescored before the workbook hears of it */
  g_assert_cmpstr (zp_form_get_total_text (form), !=, "");
  last_changed_form = form;
  (*count)++;
}

static void
test_changed_propagation (void)
{
  ZpWorkbook *workbook = zp_workbook_new (NULL);
  g_autoptr(ZpProjectForm) first = project_new ("一");
  g_autoptr(ZpProjectForm) second = project_new ("二");
  ZpGoal *goal = zp_project_form_get_overall_goal (first);
  ZpIndicator *indicator = zp_goal_get_indicator (goal, 0);
  guint goal_changed, form_changed, other_changed, workbook_changed = 0;

  zp_workbook_insert_project (workbook, G_MAXUINT, first);
  zp_workbook_insert_project (workbook, G_MAXUINT, second);
  g_assert_cmpstr (zp_form_get_total_text (ZP_FORM (first)), ==, "100.00");

  count_signal (goal, "changed", &goal_changed);
  count_signal (first, "changed", &form_changed);
  count_signal (second, "changed", &other_changed);
  g_signal_connect (workbook, "changed", G_CALLBACK (on_workbook_changed), &workbook_changed);

  zp_indicator_set_actual (indicator, "400");
  g_assert_cmpuint (goal_changed, ==, 1);
  g_assert_cmpuint (form_changed, ==, 1);
  g_assert_cmpuint (other_changed, ==, 0);
  g_assert_cmpuint (workbook_changed, ==, 1);
  g_assert_true (last_changed_form == ZP_FORM (first));
  g_assert_cmpstr (zp_form_get_total_text (ZP_FORM (first)), ==, "92.00");

  /* Indicator list edits count too */
  zp_goal_move_indicator (goal, 0, 2);
  g_assert_cmpuint (goal_changed, ==, 2);
  g_assert_cmpuint (workbook_changed, ==, 2);
  g_object_ref (indicator);
  zp_goal_remove_indicator (goal, 2);
  g_assert_cmpuint (form_changed, ==, 3);
  g_assert_cmpstr (zp_form_get_total_text (ZP_FORM (first)), ==, "60.00");

  /* A removed indicator is no longer watched */
  zp_indicator_set_actual (indicator, "500");
  g_assert_cmpuint (goal_changed, ==, 3);
  g_assert_cmpuint (form_changed, ==, 3);
  g_assert_finalize_object (indicator);

  /* A removed form is no longer watched */
  zp_workbook_remove_form (workbook, 1);
  zp_form_set_analysis (ZP_FORM (second), "x");
  g_assert_cmpuint (workbook_changed, ==, 3);
  g_assert_true (last_changed_form == ZP_FORM (first));

  g_assert_finalize_object (workbook);
}

static void
test_rescore_only_own_form (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  g_autoptr(ZpProjectForm) first = project_new ("一");
  g_autoptr(ZpProjectForm) second = project_new ("二");
  ZpIndicator *indicator;
  guint first_rescored, second_rescored;

  zp_workbook_insert_project (workbook, G_MAXUINT, first);
  zp_workbook_insert_project (workbook, G_MAXUINT, second);
  count_signal (first, "rescored", &first_rescored);
  count_signal (second, "rescored", &second_rescored);

  indicator = zp_goal_get_indicator (zp_project_form_get_overall_goal (second), 2);
  zp_indicator_set_actual (indicator, "45%");
  g_assert_cmpuint (first_rescored, ==, 0);
  g_assert_cmpuint (second_rescored, ==, 1);
  g_assert_cmpstr (zp_form_get_total_text (ZP_FORM (second)), ==, "95.00");

  /* Unchanged value: no rescore at all */
  zp_indicator_set_actual (indicator, "45%");
  g_assert_cmpuint (second_rescored, ==, 1);

  zp_form_set_spent (ZP_FORM (first), "90");
  g_assert_cmpuint (first_rescored, ==, 1);
  g_assert_cmpuint (second_rescored, ==, 1);
  g_assert_cmpstr (zp_form_get_total_text (ZP_FORM (first)), ==, "98.00");
}

static void
test_scheme_rescores (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  g_autoptr(ZpProjectForm) project = project_new ("一");
  g_autoptr(ZpScheme) central = zp_scheme_new_builtin ("central");
  ZpForm *form = ZP_FORM (project);
  g_autoptr(ZpScheme) old_scheme = NULL;
  guint rescored;

  zp_form_set_spent (form, "50");
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  old_scheme = g_object_ref (zp_workbook_get_scheme (workbook));
  g_assert_true (zp_form_get_scheme (form) == zp_workbook_get_scheme (workbook));
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "10.00");
  count_signal (project, "rescored", &rescored);

  /* Editing the workbook's scheme rescores its forms */
  zp_scheme_set_decimals (zp_workbook_get_scheme (workbook), 1);
  g_assert_cmpuint (rescored, ==, 1);
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "10.0");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "90.0");

  /* Another scheme: set on every form */
  zp_workbook_set_scheme (workbook, central);
  g_assert_true (zp_form_get_scheme (form) == central);
  g_assert_cmpuint (rescored, ==, 2);
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "5.00");

  /* The old scheme is no longer watched; the new one is */
  zp_scheme_set_decimals (old_scheme, 3);
  g_assert_cmpuint (rescored, ==, 2);
  zp_scheme_set_execution_weight (central, zp_decimal_from_int (20));
  g_assert_cmpuint (rescored, ==, 3);
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "10.00");
}

/* Freeze and thaw ***********************************************************************/

static void
test_freeze_thaw (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpProjectForm) project = project_new ("一");
  ZpForm *form = ZP_FORM (project);
  ZpGoal *goal = zp_project_form_get_overall_goal (project);
  guint rescored, changed;

  zp_form_set_scheme (form, scheme);
  count_signal (form, "rescored", &rescored);
  count_signal (form, "changed", &changed);

  zp_form_freeze (form);
  zp_form_freeze (form);
  for (guint i = 0; i < 20; i++)
    add_indicator (goal, "产出指标", "≥10", "5", "1");
  zp_form_set_spent (form, "80");
  zp_form_thaw (form);
  g_assert_cmpuint (rescored, ==, 0);
  g_assert_cmpuint (changed, ==, 0);
  zp_form_thaw (form);
  g_assert_cmpuint (rescored, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  /* 16 + 80 + 20 × 0.5 */
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "106.00");

  /* Nothing changed while frozen: nothing happens at thaw */
  zp_form_freeze (form);
  zp_form_set_spent (form, "80");
  zp_form_thaw (form);
  g_assert_cmpuint (rescored, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* A new scheme while frozen rescores at thaw, but is no input edit */
  zp_form_freeze (form);
  zp_form_set_scheme (form, NULL);
  zp_form_thaw (form);
  g_assert_cmpuint (rescored, ==, 2);
  g_assert_cmpuint (changed, ==, 1);
}

static void
test_bulk_load_rescores_once (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);

  for (guint f = 0; f < 50; f++)
    {
      g_autoptr(ZpProjectForm) project = zp_project_form_new ();
      ZpGoal *goal = zp_project_form_get_overall_goal (project);
      guint rescored;

      count_signal (project, "rescored", &rescored);
      zp_form_freeze (ZP_FORM (project));
      zp_form_set_scheme (ZP_FORM (project), scheme);
      for (guint i = 0; i < 25; i++)
        {
          g_autoptr(ZpIndicator) indicator = zp_indicator_new ();

          zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
          zp_indicator_set_category (indicator, "产出指标");
          zp_indicator_set_target (indicator, "≥100");
          zp_indicator_set_actual (indicator, "100");
          zp_indicator_set_weight (indicator, "3.2");
        }
      zp_form_thaw (ZP_FORM (project));
      zp_workbook_insert_project (workbook, G_MAXUINT, project);

      g_assert_cmpuint (rescored, ==, 1);
      g_assert_cmpstr (zp_form_get_total_text (ZP_FORM (project)), ==, "80.00");
    }
  g_assert_cmpuint (zp_workbook_get_n_projects (workbook), ==, 50);
}

/* Lists *********************************************************************************/

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_goal_list (void)
{
  ZpGoal *goal = zp_goal_new ();
  guint items_changed = 0;

  g_signal_connect (zp_goal_get_indicators (goal), "items-changed",
                    G_CALLBACK (items_changed_cb), &items_changed);

  add_indicator (goal, "产出指标", "A", "", "1");
  add_indicator (goal, "产出指标", "B", "", "1");
  add_indicator (goal, "产出指标", "C", "", "1");
  {
    g_autoptr(ZpIndicator) first = indicator_new ("产出指标", "0", "", "1");

    zp_goal_insert_indicator (goal, 0, first);
  }
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 4);
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 0)), ==, "0");
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 3)), ==, "C");

  zp_goal_move_indicator (goal, 3, 1);  /* 0 C A B */
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 1)), ==, "C");
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 3)), ==, "B");
  zp_goal_move_indicator (goal, 0, 3);  /* C A B 0 */
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 0)), ==, "C");
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 3)), ==, "0");

  zp_goal_remove_indicator (goal, 1);   /* C B 0 */
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 3);
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 1)), ==, "B");
  g_assert_null (zp_goal_get_indicator (goal, 3));
  g_assert_cmpuint (items_changed, >=, 7);

  g_assert_finalize_object (goal);
}

/* The store and the goal agree after every kind of change. */
static void
assert_goal_in_step (ZpGoal *goal)
{
  GListModel *model = zp_goal_get_indicators (goal);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, zp_goal_get_n_indicators (goal));
  for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
    {
      g_autoptr(ZpIndicator) item = g_list_model_get_item (model, i);

      g_assert_true (item == zp_goal_get_indicator (goal, i));
    }
}

/* The loader's way in: many indicators at once, built without notifications. */
static void
test_goal_bulk_append (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  ZpGoal *goal = zp_goal_new ();
  const char *texts[ZP_INDICATOR_N_TEXTS] = {
    "产出指标", "数量指标", "培训人次", "≥500人", "420", "10", "", "", "",
  };
  ZpIndicator *built[3];
  guint items_changed = 0, changed = 0;

  add_indicator (goal, "产出指标", "A", "", "1");
  for (guint i = 0; i < G_N_ELEMENTS (built); i++)
    built[i] = _zp_indicator_new_with_inputs (texts, ZP_DIRECTION_AUTO, i == 2 ? ZP_GRADE_PARTIAL : ZP_GRADE_NONE);
  g_signal_connect (zp_goal_get_indicators (goal), "items-changed",
                    G_CALLBACK (items_changed_cb), &items_changed);
  count_signal (goal, "changed", &changed);

  _zp_goal_append_indicators (goal, built, G_N_ELEMENTS (built));
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 4);
  assert_goal_in_step (goal);
  g_assert_true (zp_goal_get_indicator (goal, 3) == built[2]);

  /* As if set one by one: parsed, scored, and heard by the goal */
  g_assert_cmpstr (zp_indicator_get_subcategory (built[0]), ==, "数量指标");
  g_assert_cmpstr (zp_indicator_get_manual_reason (built[0]), ==, "");
  g_assert_cmpint (zp_indicator_get_grade (built[2]), ==, ZP_GRADE_PARTIAL);
  zp_indicator_rescore (built[0], scheme);
  g_assert_true (zp_decimal_equal (zp_indicator_get_score (built[0]), zp_decimal_from_fixed (840, 2)));
  g_assert_cmpint (zp_indicator_get_rule (built[0]), ==, ZP_RULE_POSITIVE_RATIO);
  zp_indicator_set_actual (built[1], "500");
  g_assert_cmpuint (changed, ==, 2);

  zp_goal_move_indicator (goal, 3, 0);
  assert_goal_in_step (goal);
  zp_goal_remove_indicator (goal, 2);
  assert_goal_in_step (goal);

  for (guint i = 0; i < G_N_ELEMENTS (built); i++)
    g_object_unref (built[i]);
  g_assert_finalize_object (goal);
}

static void
test_form_goals (void)
{
  ZpDepartmentForm *department = zp_department_form_new ();
  ZpForm *form = ZP_FORM (department);
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  guint changed;

  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 0);
  g_assert_true (zp_form_is_department (form));
  g_assert_false (zp_form_is_department (ZP_FORM (project)));
  count_signal (form, "changed", &changed);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ZpGoal) goal = zp_goal_new ();
      g_autofree char *text = g_strdup_printf ("目标%u", i + 1);

      zp_goal_set_text (goal, text);
      add_indicator (goal, "产出指标", "≥1", "1", "20");
      zp_form_insert_goal (form, G_MAXUINT, goal);
    }
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (zp_form_get_n_indicators (form), ==, 3);
  zp_form_remove_goal (form, 1);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpstr (zp_goal_get_text (zp_form_get_goal (form, 1)), ==, "目标3");

  /* A project form has exactly one goal */
  g_assert_cmpuint (zp_form_get_n_goals (ZP_FORM (project)), ==, 1);
  g_assert_true (zp_project_form_get_overall_goal (project) == zp_form_get_goal (ZP_FORM (project), 0));

  g_assert_finalize_object (department);
}

/* A project form may hold several goals (黄冈 2020 prints two), but never loses its first,
 * the 年度总体目标. */
static void
test_project_goal_guard (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ZpProjectForm) project = zp_project_form_new ();
      g_autoptr(ZpGoal) goal = zp_goal_new ();
      ZpGoal *overall = zp_project_form_get_overall_goal (project);

      zp_form_insert_goal (ZP_FORM (project), G_MAXUINT, goal);
      g_assert_cmpuint (zp_form_get_n_goals (ZP_FORM (project)), ==, 2);
      g_assert_true (zp_project_form_get_overall_goal (project) == overall);
      zp_form_remove_goal (ZP_FORM (project), 1);
      g_assert_cmpuint (zp_form_get_n_goals (ZP_FORM (project)), ==, 1);
      zp_form_remove_goal (ZP_FORM (project), 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*zp_form_get_n_goals (self) > 1*");
}

static void
test_workbook_forms (void)
{
  ZpWorkbook *workbook = zp_workbook_new (NULL);
  GListModel *forms = zp_workbook_get_forms (workbook);
  g_autoptr(ZpProjectForm) a = project_new ("A");
  g_autoptr(ZpProjectForm) b = project_new ("B");
  g_autoptr(ZpProjectForm) c = project_new ("C");
  g_autoptr(ZpDepartmentForm) department = zp_department_form_new ();
  g_autoptr(ZpDepartmentForm) other_department = zp_department_form_new ();
  guint items_changed = 0;

  g_signal_connect (forms, "items-changed", G_CALLBACK (items_changed_cb), &items_changed);
  g_assert_null (zp_workbook_get_department_form (workbook));

  zp_workbook_insert_project (workbook, G_MAXUINT, a);
  zp_workbook_insert_project (workbook, 0, b);            /* B A */
  g_assert_true (zp_workbook_get_form (workbook, 0) == ZP_FORM (b));
  g_assert_cmpuint (zp_workbook_get_n_projects (workbook), ==, 2);

  /* The department form goes first */
  zp_workbook_set_department_form (workbook, department);  /* D B A */
  g_assert_true (zp_workbook_get_form (workbook, 0) == ZP_FORM (department));
  g_assert_true (zp_workbook_get_department_form (workbook) == department);
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 3);
  g_assert_cmpuint (zp_workbook_get_n_projects (workbook), ==, 2);
  g_assert_true (zp_form_get_scheme (ZP_FORM (department)) == zp_workbook_get_scheme (workbook));

  zp_workbook_insert_project (workbook, 1, c);            /* D C B A */
  g_assert_cmpuint (zp_workbook_find_form (workbook, ZP_FORM (c)), ==, 1);
  zp_workbook_move_form (workbook, 1, 3);                 /* D B A C */
  g_assert_cmpuint (zp_workbook_find_form (workbook, ZP_FORM (c)), ==, 3);
  g_assert_cmpuint (zp_workbook_find_form (workbook, ZP_FORM (b)), ==, 1);

  /* Replacing the department form */
  items_changed = 0;
  zp_workbook_set_department_form (workbook, other_department);
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_true (zp_workbook_get_department_form (workbook) == other_department);
  g_assert_cmpuint (zp_workbook_find_form (workbook, ZP_FORM (department)), ==, G_MAXUINT);
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 4);

  zp_workbook_set_department_form (workbook, NULL);       /* B A C */
  g_assert_null (zp_workbook_get_department_form (workbook));
  g_assert_true (zp_workbook_get_form (workbook, 0) == ZP_FORM (b));
  zp_workbook_remove_form (workbook, 1);                  /* B C */
  g_assert_cmpuint (zp_workbook_find_form (workbook, ZP_FORM (a)), ==, G_MAXUINT);
  g_assert_cmpuint (zp_workbook_find_form (workbook, ZP_FORM (c)), ==, 1);
  g_assert_cmpuint (zp_workbook_get_n_projects (workbook), ==, 2);

  g_assert_finalize_object (workbook);
}

static void
test_workbook_department_guard (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
      g_autoptr(ZpDepartmentForm) department = zp_department_form_new ();
      g_autoptr(ZpProjectForm) project = zp_project_form_new ();

      zp_workbook_set_department_form (workbook, department);
      zp_workbook_insert_project (workbook, 0, project);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*position >= first*");
}

/* Summaries, titles, copies, explanations ***********************************************/

static void
test_summaries_project (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  ZpGoal *goal = zp_project_form_get_overall_goal (project);
  g_autoptr(GPtrArray) blocks = NULL;
  ZpBlockSummary *block;

  zp_form_set_scheme (ZP_FORM (project), scheme);
  add_indicator (goal, "满意度指标（10分）", "≥90%", "90%", "10");
  add_indicator (goal, "产出指标", "≥500人", "420", "20");
  add_indicator (goal, "其他指标", "有效", "有效", "5");
  add_indicator (goal, "产出指标", "有效", "", "12.5");
  add_indicator (goal, "另一类", "有效", "有效", "x");

  blocks = zp_form_summarize_blocks (ZP_FORM (project));
  g_assert_cmpuint (blocks->len, ==, 5);

  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpstr (block->name, ==, "产出指标");
  g_assert_true (block->has_weight);
  g_assert_true (zp_decimal_equal (block->weight, zp_decimal_from_int (40)));
  g_assert_true (zp_decimal_equal (block->weight_sum, zp_decimal_from_fixed (325, 1)));
  g_assert_true (zp_decimal_equal (block->score, zp_decimal_from_fixed (168, 1)));
  g_assert_cmpuint (block->n_indicators, ==, 2);

  /* Empty, but there */
  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpstr (block->name, ==, "效益指标");
  g_assert_true (zp_decimal_equal (block->weight, zp_decimal_from_int (30)));
  g_assert_cmpuint (block->n_indicators, ==, 0);
  g_assert_true (zp_decimal_is_zero (block->weight_sum));

  block = g_ptr_array_index (blocks, 2);
  g_assert_cmpstr (block->name, ==, "满意度指标");
  g_assert_cmpuint (block->n_indicators, ==, 1);
  g_assert_true (zp_decimal_equal (block->score, zp_decimal_from_int (10)));

  /* Unknown categories in order of appearance, without a weight */
  block = g_ptr_array_index (blocks, 3);
  g_assert_cmpstr (block->name, ==, "其他指标");
  g_assert_false (block->has_weight);
  g_assert_true (zp_decimal_equal (block->weight_sum, zp_decimal_from_int (5)));
  block = g_ptr_array_index (blocks, 4);
  g_assert_cmpstr (block->name, ==, "另一类");
  g_assert_cmpuint (block->n_indicators, ==, 1);
  g_assert_true (zp_decimal_is_zero (block->weight_sum));
}

static void
test_summaries_department (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpDepartmentForm) department = zp_department_form_new ();
  g_autoptr(GPtrArray) blocks = NULL;
  ZpBlockSummary *block;

  zp_form_set_scheme (ZP_FORM (department), scheme);
  for (guint g = 0; g < 2; g++)
    {
      g_autoptr(ZpGoal) goal = zp_goal_new ();

      zp_goal_set_text (goal, g == 0 ? "保障网络" : "数据归集");
      zp_goal_set_weight (goal, g == 0 ? "20" : "");
      add_indicator (goal, "产出指标", "≥500人", "420", "10");
      add_indicator (goal, "效益指标", "有效保障", "有效保障", "5");
      zp_form_insert_goal (ZP_FORM (department), G_MAXUINT, goal);
    }

  blocks = zp_form_summarize_blocks (ZP_FORM (department));
  g_assert_cmpuint (blocks->len, ==, 2);
  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpstr (block->name, ==, "保障网络");
  g_assert_cmpint (block->goal_index, ==, 0);
  g_assert_true (block->has_weight);
  g_assert_true (zp_decimal_equal (block->weight, zp_decimal_from_int (20)));
  g_assert_true (zp_decimal_equal (block->weight_sum, zp_decimal_from_int (15)));
  g_assert_true (zp_decimal_equal (block->score, zp_decimal_from_fixed (134, 1)));
  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (block->goal_index, ==, 1);
  g_assert_false (block->has_weight);
}

static void
test_titles (void)
{
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  g_autoptr(ZpDepartmentForm) department = zp_department_form_new ();
  g_autofree char *untitled = zp_form_dup_title (ZP_FORM (project));
  g_autofree char *unnamed = zp_form_dup_title (ZP_FORM (department));
  g_autofree char *named = NULL;
  g_autofree char *unit = NULL;

  g_assert_cmpstr (untitled, ==, "Untitled project");
  g_assert_cmpstr (unnamed, ==, "Department form");

  zp_project_form_set_name (project, "子女统筹");
  zp_department_form_set_unit (department, "江岸区大数据中心");
  named = zp_form_dup_title (ZP_FORM (project));
  unit = zp_form_dup_title (ZP_FORM (department));
  g_assert_cmpstr (named, ==, "子女统筹");
  g_assert_cmpstr (unit, ==, "江岸区大数据中心");

  g_assert_cmpstr (zp_project_category_to_label (ZP_PROJECT_CATEGORY_TRANSFER), ==, "专项转移支付项目");
  g_assert_cmpstr (zp_project_attribute_to_label (ZP_PROJECT_ATTRIBUTE_NEW), ==, "新增性项目");
  g_assert_cmpstr (zp_project_type_to_label (ZP_PROJECT_TYPE_EXTENDED), ==, "延续性项目");
}

static void
test_overrides_and_explanations (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpProjectForm) project = project_new ("一");
  ZpForm *form = ZP_FORM (project);
  ZpGoal *goal = zp_project_form_get_overall_goal (project);
  g_autoptr(GPtrArray) keys = NULL;
  guint changed;

  zp_form_set_scheme (form, scheme);
  g_assert_cmpuint (zp_form_count_overrides (form), ==, 0);
  zp_indicator_set_manual_score (zp_goal_get_indicator (goal, 0), "35");
  zp_indicator_set_manual_score (zp_goal_get_indicator (goal, 2), "8");
  g_assert_cmpuint (zp_form_count_overrides (form), ==, 2);
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "93.00");

  count_signal (form, "changed", &changed);
  zp_form_set_explanation (form, "weights@0:-1:", "按文件执行");
  zp_form_set_explanation (form, "weights@0:-1:", "按文件执行");
  zp_form_set_explanation (form, "execution@-1:-1:", "年底资金到位");
  zp_form_set_explanation (form, "absent", NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (zp_form_get_explanation (form, "weights@0:-1:"), ==, "按文件执行");
  g_assert_null (zp_form_get_explanation (form, "absent"));

  keys = zp_form_list_explanation_keys (form);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "execution@-1:-1:");
  g_assert_cmpstr (g_ptr_array_index (keys, 1), ==, "weights@0:-1:");

  zp_form_set_explanation (form, "weights@0:-1:", "");
  g_assert_null (zp_form_get_explanation (form, "weights@0:-1:"));
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_workbook_explanations (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  g_autoptr(GPtrArray) keys = NULL;
  guint changed;

  count_signal (workbook, "explanations-changed", &changed);
  zp_workbook_set_explanation (workbook, "b", "二");
  zp_workbook_set_explanation (workbook, "a", "一");
  zp_workbook_set_explanation (workbook, "a", "一");
  zp_workbook_set_explanation (workbook, "c", NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (zp_workbook_get_explanation (workbook, "b"), ==, "二");
  keys = zp_workbook_list_explanation_keys (workbook);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "a");
  zp_workbook_set_explanation (workbook, "a", NULL);
  g_assert_null (zp_workbook_get_explanation (workbook, "a"));
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_form_copy (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpProjectForm) project = project_new ("科技条件专项");
  ZpForm *copy;
  ZpGoal *goal;
  ZpGoal *copy_goal;

  zp_form_set_scheme (ZP_FORM (project), scheme);
  zp_project_form_set_project_type (project, ZP_PROJECT_TYPE_ONE_OFF);
  zp_project_form_set_fund (project, ZP_FUND_OTHER, ZP_FUND_FIELD_BUDGET, "7");
  zp_form_set_explanation (ZP_FORM (project), "k", "v");
  goal = zp_project_form_get_overall_goal (project);
  zp_goal_set_text (goal, "预期目标");

  copy = zp_form_copy (ZP_FORM (project));
  g_assert_true (ZP_IS_PROJECT_FORM (copy));
  g_assert_cmpuint (zp_form_get_n_goals (copy), ==, 1);
  copy_goal = zp_form_get_goal (copy, 0);
  g_assert_true (copy_goal != goal);
  g_assert_cmpstr (zp_goal_get_text (copy_goal), ==, "预期目标");
  g_assert_cmpuint (zp_goal_get_n_indicators (copy_goal), ==, 3);
  g_assert_true (zp_goal_get_indicator (copy_goal, 0) != zp_goal_get_indicator (goal, 0));
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (copy_goal, 0)), ==, "≥500人");
  g_assert_cmpstr (zp_project_form_get_name (ZP_PROJECT_FORM (copy)), ==, "科技条件专项");
  g_assert_cmpint (zp_project_form_get_project_type (ZP_PROJECT_FORM (copy)), ==,
                   ZP_PROJECT_TYPE_ONE_OFF);
  g_assert_cmpstr (zp_project_form_get_fund (ZP_PROJECT_FORM (copy), ZP_FUND_OTHER,
                                             ZP_FUND_FIELD_BUDGET), ==, "7");
  g_assert_cmpstr (zp_form_get_explanation (copy, "k"), ==, "v");
  g_assert_cmpstr (zp_form_get_total_text (copy), ==, "100.00");

  /* Independent: editing the copy leaves the original alone */
  zp_indicator_set_actual (zp_goal_get_indicator (copy_goal, 0), "250");
  g_assert_cmpstr (zp_form_get_total_text (copy), ==, "80.00");
  g_assert_cmpstr (zp_form_get_total_text (ZP_FORM (project)), ==, "100.00");

  g_assert_finalize_object (copy);
}

static void
test_finalize_tree (void)
{
  ZpWorkbook *workbook = zp_workbook_new ("central");
  ZpProjectForm *project = project_new ("一");
  ZpDepartmentForm *department = zp_department_form_new ();
  ZpGoal *goal = zp_goal_new ();
  ZpIndicator *indicator = indicator_new ("产出指标", "≥1", "1", "10");

  zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
  zp_form_insert_goal (ZP_FORM (department), G_MAXUINT, goal);
  zp_workbook_set_department_form (workbook, department);
  zp_workbook_insert_project (workbook, G_MAXUINT, project);

  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &project);
  g_object_add_weak_pointer (G_OBJECT (department), (gpointer *) &department);
  g_object_add_weak_pointer (G_OBJECT (goal), (gpointer *) &goal);
  g_object_add_weak_pointer (G_OBJECT (indicator), (gpointer *) &indicator);
  g_object_unref (project);
  g_object_unref (department);
  g_object_unref (goal);
  g_object_unref (indicator);

  g_assert_finalize_object (workbook);
  g_assert_null (project);
  g_assert_null (department);
  g_assert_null (goal);
  g_assert_null (indicator);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/notify/indicator", test_indicator_notify);
  g_test_add_func ("/model/notify/goal", test_goal_notify);
  g_test_add_func ("/model/changed/goal-hears-indicators", test_goal_hears_indicators);
  g_test_add_func ("/model/notify/form", test_form_notify);
  g_test_add_func ("/model/notify/department", test_department_notify);
  g_test_add_func ("/model/notify/workbook", test_workbook_notify);
  g_test_add_func ("/model/changed/propagation", test_changed_propagation);
  g_test_add_func ("/model/changed/only-own-form", test_rescore_only_own_form);
  g_test_add_func ("/model/changed/scheme", test_scheme_rescores);
  g_test_add_func ("/model/freeze-thaw", test_freeze_thaw);
  g_test_add_func ("/model/bulk-load", test_bulk_load_rescores_once);
  g_test_add_func ("/model/list/goal", test_goal_list);
  g_test_add_func ("/model/list/goal-bulk-append", test_goal_bulk_append);
  g_test_add_func ("/model/list/form", test_form_goals);
  g_test_add_func ("/model/list/project-goal-guard", test_project_goal_guard);
  g_test_add_func ("/model/list/workbook", test_workbook_forms);
  g_test_add_func ("/model/list/department-guard", test_workbook_department_guard);
  g_test_add_func ("/model/summary/project", test_summaries_project);
  g_test_add_func ("/model/summary/department", test_summaries_department);
  g_test_add_func ("/model/titles", test_titles);
  g_test_add_func ("/model/overrides-and-explanations", test_overrides_and_explanations);
  g_test_add_func ("/model/workbook-explanations", test_workbook_explanations);
  g_test_add_func ("/model/copy", test_form_copy);
  g_test_add_func ("/model/finalize", test_finalize_tree);

  return g_test_run ();
}
