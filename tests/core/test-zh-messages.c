/* test-zh-messages.c — the Chinese check messages keep their numbers in the right order
 * ("合计为 38，比 40 少 2", never "比 2 少 40"): the checks run in zh_CN with the build tree's
 * compiled catalog (its folder is the first argument after the GTest options).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ziping-core.h"

#include "core-fixture.h"

static ZpProjectForm *
make_project (void)
{
  ZpProjectForm *form = fixture_project_new ("hubei", "网络运维", "保障网络稳定运行");
  ZpGoal *goal = zp_project_form_get_overall_goal (form);

  fixture_add_row (goal, "产出指标", "巡检次数", "≥10次", "11次", "20");
  fixture_add_row (goal, "产出指标", "故障处置率", "≥95%", "97%", "20");
  fixture_add_row (goal, "效益指标", "报告及时率", "≥95%", "98%", "30");
  fixture_add_row (goal, "满意度指标", "满意度", "≥90%", "95%", "10");
  return form;
}

static char *
message_of (ZpForm     *form,
            const char *code)
{
  g_autoptr(GListStore) findings = zp_check_form (form);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

      if (g_str_equal (zp_finding_get_code (finding), code))
        return g_strdup (zp_finding_get_message (finding));
    }
  g_error ("no %s", code);
  return NULL;
}

static ZpIndicator *
row (ZpProjectForm *form,
     guint          i)
{
  return zp_goal_get_indicator (zp_project_form_get_overall_goal (form), i);
}

static void
test_block_weights (void)
{
  g_autoptr(ZpProjectForm) form = make_project ();
  g_autofree char *short_of = NULL;
  g_autofree char *more_than = NULL;

  zp_indicator_set_weight (row (form, 1), "18");
  short_of = message_of (ZP_FORM (form), "block-weights");
  g_assert_cmpstr (short_of, ==, "产出指标：指标分值合计为 38，比 40 少 2：请提高指标分值，使其合计为 40。");

  zp_indicator_set_weight (row (form, 1), "23");
  more_than = message_of (ZP_FORM (form), "block-weights");
  g_assert_cmpstr (more_than, ==, "产出指标：指标分值合计为 43，比 40 多 3：请降低指标分值，使其合计为 40。");
}

static void
test_positional (void)
{
  g_autoptr(ZpProjectForm) form = make_project ();
  g_autofree char *unit = NULL;
  g_autofree char *points = NULL;
  g_autofree char *published = NULL;

  zp_form_set_spent (ZP_FORM (form), "1,000,000元");
  unit = message_of (ZP_FORM (form), "amount-unit-typed");
  g_assert_cmpstr (unit, ==, "执行数（B）“1,000,000元”带了单位，已按 100 万元 读取：请只填写以万元为单位的数字。");

  zp_form_set_category_points (ZP_FORM (form), "满意度指标", "5");
  points = message_of (ZP_FORM (form), "category-points");
  g_assert_cmpstr (points, ==, "各一级指标的分值合计为 75，而不是 80（100 减去预算执行分值）：请更正一级指标标签中的分值。");

  zp_indicator_set_published_score (row (form, 0), "18");
  published = message_of (ZP_FORM (form), "published-score");
  g_assert_cmpstr (published, ==, "公开的得分为 18，但按评分规则应为 20.00：请更正公开的数值，或据以计算的数据。");
}

static void
test_incomplete_total (void)
{
  g_autoptr(ZpProjectForm) form = make_project ();

  zp_indicator_set_actual (row (form, 0), "");
  g_assert_cmpstr (zp_form_get_total_display_text (ZP_FORM (form)), ==, "80.00, 1 行未评分");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-zh-messages LOCALE-DIR");

  /* A test that needs something missing fails: here the zh_CN.UTF-8 locale (Debian:
   * locales-all) and the compiled catalog. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    g_error ("the zh_CN.UTF-8 locale is not installed");
  {
    g_autofree char *mo = g_build_filename (argv[1], "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

    if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
      g_error ("no compiled catalog at %s", mo);
  }
  bindtextdomain (GETTEXT_PACKAGE, argv[1]);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/zh-messages/block-weights", test_block_weights);
  g_test_add_func ("/zh-messages/positional", test_positional);
  g_test_add_func ("/zh-messages/incomplete-total", test_incomplete_total);

  return g_test_run ();
}
