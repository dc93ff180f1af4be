/* test-seed.c — the bundled example reproduces the four published forms of the seed
 * (/work/shared/spec/seed-forms.md): every row as transcribed and every published score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ziping-core.h"

/* One indicator row as published: its goal (department form) and the 得分. On these
 * forms every indicator was met, so the published score is also its weight. */
typedef struct
{
  guint       goal;
  const char *category;
  const char *subcategory;
  const char *name;
  const char *target;
  const char *actual;
  const char *score;
} PublishedRow;

static const PublishedRow form0_rows[] = {
  { 0, "产出指标", "数量指标", "数据汇集条数", "不少于 1 亿条数据", "不少于 1 亿条数据", "5" },
  { 0, "产出指标", "质量指标", "政务网运行正常率", "100%", "100%", "5" },
  { 0, "效益指标", "社会效益指标", "政务网络稳定运行，保障各单位正常办公", "有效保障", "有效保障", "5" },
  { 0, "满意度指标", "服务对象满意度指标", "全区各单位满意度", "≥90%", "≥90%", "5" },
  { 1, "产出指标", "数量指标", "网站保障正常运行的时间", "≥99%", "≥99%", "2" },
  { 1, "产出指标", "数量指标", "协同办公系统故障解决率", "100%", "100%", "3" },
  { 1, "产出指标", "质量指标", "持续做好网站栏目设置及内容更新，提升网站基层政务公开水平", "效果良好", "效果良好", "2" },
  { 1, "产出指标", "质量指标", "定期调试视频会议链路及设备，保障视频会议召开", "效果良好", "效果良好", "3" },
  { 1, "效益指标", "社会效益指标", "强化办事服务功能，努力建设利企便民、人民满意的“指尖上的网上政府”", "有效完成", "有效完成", "5" },
  { 1, "满意度指标", "服务对象满意度指标", "全区各单位满意度", "≥90%", "≥90%", "5" },
  { 2, "产出指标", "数量指标", "政务信息化项目审批评估报告出具时间", "7 个工作日内", "7个工作日内", "3" },
  { 2, "产出指标", "数量指标", "数字应用场景申报数量", "≥1 个", "≥1个", "2" },
  { 2, "产出指标", "质量指标", "2024 年各部门申报政府投资政务信息化项目审批率", "100%", "100%", "5" },
  { 2, "效益指标", "社会效益指标", "提升数字赋能水平，提升基层社会治理现代化水平", "有效完成", "有效完成", "5" },
  { 2, "满意度指标", "社会满意度指标", "全区各单位满意度", "≥90%", "≥90%", "5" },
  { 3, "产出指标", "数量指标", "网络安全隐患事故", "0", "0", "5" },
  { 3, "产出指标", "质量指标", "网络故障处置率", "100%", "100%", "3" },
  { 3, "产出指标", "时效指标", "网络故障修复效率", "发现故障半小时内响应，4 小时内解决", "发现故障半小时内响应，4小时内解决", "2" },
  { 3, "效益指标", "社会效益指标", "保障全区工作人员的正常上网办公", "有效保障", "有效保障", "5" },
  { 3, "满意度指标", "社会满意度指标", "全区各单位满意度", "≥90%", "≥90%", "5" },
};

static const PublishedRow form1_rows[] = {
  { 0, "产出指标", "数量指标", "视频会议设备年度巡检次数", "≥4 次", "4 次", "2" },
  { 0, "产出指标", "数量指标", "云平台年度巡检次数", "≥12 次", "12 次", "2" },
  { 0, "产出指标", "数量指标", "网络安全隐患事故", "0", "0", "2" },
  { 0, "产出指标", "数量指标", "后勤保障人数", "10 人", "10 人", "2" },
  { 0, "产出指标", "数量指标", "保障职工体检人数", "10 人", "10 人", "2" },
  { 0, "产出指标", "质量指标", "视频会议设备使用状态", "良好", "良好", "2.5" },
  { 0, "产出指标", "质量指标", "视频会议设备故障修复效率", "发生故障半小时内响应，24 小时内修复", "完成", "2.5" },
  { 0, "产出指标", "质量指标", "网络故障处置率", "100%", "100%", "2.5" },
  { 0, "产出指标", "质量指标", "体检标准（规格）合规率", "100%", "100%", "2.5" },
  { 0, "产出指标", "时效指标", "咨询评估报告出具时限", "≤7 个工作日", "≤7个工作日", "2.5" },
  { 0, "产出指标", "时效指标", "视频会议人工保障", "7×24 小时响应，至少提前半天完成会前调试", "完成", "2.5" },
  { 0, "产出指标", "时效指标", "网络故障修复效率", "发现故障半小时内响应，4 小时内解决", "完成", "2.5" },
  { 0, "产出指标", "时效指标", "后勤工作安排及时率", "100%", "100%", "2.5" },
  { 0, "产出指标", "成本指标", "后勤保障标准", "900 元/人", "900 元/人", "5" },
  { 0, "产出指标", "成本指标", "体检费标准", "≤800 元/人", "≤800 元/人", "5" },
  { 0, "效益指标", "社会效益指标", "保障视频会议顺利召开", "有效保障", "有效保障", "6" },
  { 0, "效益指标", "社会效益指标", "保障云平台稳定运行", "有效保障", "有效保障", "6" },
  { 0, "效益指标", "社会效益指标", "保障全区工作人员的正常上网", "有效保障", "有效保障", "6" },
  { 0, "效益指标", "社会效益指标", "保障员工工作质量", "效果较好", "效果较好", "6" },
  { 0, "效益指标", "社会效益指标", "保障职工身体健康权益", "效果明显", "效果明显", "6" },
  { 0, "满意度指标", "服务对象满意度指标", "用户对网络保障、视频会议保障等工作的满意度", "满意", "满意", "4" },
  { 0, "满意度指标", "服务对象满意度指标", "报修人员满意度", "满意", "满意", "4" },
  { 0, "满意度指标", "服务对象满意度指标", "在职人员满意度", "≥95%", "≥95%", "2" },
};

static const PublishedRow form2_rows[] = {
  { 0, "产出指标", "数量指标", "在职及退休人员", "10 人", "10 人", "10" },
  { 0, "产出指标", "质量指标", "与医保办核实数据", "数据准确", "数据准确", "10" },
  { 0, "产出指标", "时效指标", "发放时间", "及时发放", "及时发放", "10" },
  { 0, "产出指标", "成本指标", "报销标准", "补助金额合计", "补助金额合计", "10" },
  { 0, "效益指标", "社会效益指标", "保障职工身体健康权益", "有效保障", "有效保障", "15" },
  { 0, "效益指标", "可持续影响指标", "为职工营造关怀氛围", "效果较好", "效果较好", "15" },
  { 0, "满意度指标", "服务对象满意度指标", "职工满意度", "≥95%", "≥95%", "10" },
};

static const PublishedRow form3_rows[] = {
  { 0, "产出指标", "数量指标", "子女未满 18 周岁的职工人数", "4 人", "4 人", "10" },
  { 0, "产出指标", "质量指标", "与医保办核实数据", "数据准确", "数据准确", "10" },
  { 0, "产出指标", "时效指标", "发放时间", "及时发放", "及时发放", "10" },
  { 0, "产出指标", "成本指标", "发放标准", "25 元/月", "25 元/月", "10" },
  { 0, "效益指标", "社会效益指标", "保障职工子女统筹权益", "有效保障", "有效保障", "15" },
  { 0, "效益指标", "可持续影响指标", "为职工营造关怀氛围", "效果较好", "效果较好", "15" },
  { 0, "满意度指标", "服务对象满意度指标", "职工满意度", "≥95%", "≥95%", "10" },
};

typedef struct
{
  const char         *title;
  const char         *budget;
  const char         *spent;
  const PublishedRow *rows;
  guint               n_rows;
} PublishedForm;

static const PublishedForm published_forms[] = {
  { "江岸区大数据中心", "2066.63", "2066.63", form0_rows, G_N_ELEMENTS (form0_rows) },
  { "科技条件专项", "0.80", "0.80", form1_rows, G_N_ELEMENTS (form1_rows) },
  { "公务员医疗报销", "0.39", "0.39", form2_rows, G_N_ELEMENTS (form2_rows) },
  { "子女统筹", "0.12", "0.12", form3_rows, G_N_ELEMENTS (form3_rows) },
};

static ZpWorkbook *
load_example (void)
{
  const char *dir = g_getenv ("ZIPING_EXAMPLES");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "jiangan-2024.ziping", NULL);
  file = g_file_new_for_path (path);
  workbook = zp_workbook_load (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workbook);
  return workbook;
}

static void
assert_decimal (ZpDecimal   value,
                const char *expected)
{
  ZpDecimal want;
  g_autofree char *text = zp_decimal_format (value, 6);

  g_assert_true (zp_decimal_parse (expected, &want, NULL));
  if (!zp_decimal_equal (value, want))
    g_error ("expected %s, got %s", expected, text);
}

static void
test_seed_workbook (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ();
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);
  guint i;

  g_assert_cmpuint (zp_workbook_get_year (workbook), ==, 2024);
  g_assert_cmpstr (zp_workbook_get_unit (workbook), ==, "江岸区大数据中心");
  /* The project forms' titles print the short name. */
  g_assert_cmpstr (zp_workbook_get_display_unit_short (workbook), ==, "江岸大数据中心");
  g_assert_cmpstr (zp_scheme_get_id (scheme), ==, "hubei");
  assert_decimal (zp_scheme_get_execution_weight (scheme), "20");

  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, G_N_ELEMENTS (published_forms));
  g_assert_cmpuint (zp_workbook_get_n_projects (workbook), ==, 3);
  g_assert_true (ZP_FORM (zp_workbook_get_department_form (workbook)) == zp_workbook_get_form (workbook, 0));

  for (i = 0; i < G_N_ELEMENTS (published_forms); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);
      g_autofree char *title = zp_form_dup_title (form);

      g_assert_cmpstr (title, ==, published_forms[i].title);
      g_assert_cmpint (zp_form_is_department (form), ==, i == 0);
      g_assert_cmpstr (zp_form_get_analysis (form), ==, "");
      g_assert_cmpstr (zp_form_get_improvement (form), ==, "");
    }
}

static void
test_seed_department_header (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ();
  ZpDepartmentForm *form = zp_workbook_get_department_form (workbook);

  g_assert_nonnull (form);
  g_assert_cmpstr (zp_department_form_get_unit (form), ==, "江岸区大数据中心");
  g_assert_cmpstr (zp_department_form_get_basic_expenditure (form), ==, "217.30");
  g_assert_cmpstr (zp_department_form_get_project_expenditure (form), ==, "1849.33");
}

static void
test_seed_project_headers (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ();
  guint i;

  for (i = 1; i < G_N_ELEMENTS (published_forms); i++)
    {
      ZpProjectForm *form = ZP_PROJECT_FORM (zp_workbook_get_form (workbook, i));

      g_assert_cmpstr (zp_project_form_get_name (form), ==, published_forms[i].title);
      g_assert_cmpstr (zp_project_form_get_department (form), ==, "区经科局");
      g_assert_cmpstr (zp_project_form_get_implementer (form), ==, "区大数据中心");
      g_assert_cmpint (zp_project_form_get_project_category (form), ==, ZP_PROJECT_CATEGORY_DEPARTMENT_BUDGET);
      g_assert_cmpint (zp_project_form_get_project_attribute (form), ==, ZP_PROJECT_ATTRIBUTE_CONTINUING);
      g_assert_cmpint (zp_project_form_get_project_type (form), ==, ZP_PROJECT_TYPE_RECURRENT);
      g_assert_cmpuint (zp_form_get_n_goals (ZP_FORM (form)), ==, 1);
    }
}

/* 预算执行情况: A, B as published, 执行率 100%, 得分 20. */
static void
test_seed_execution (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ();
  guint i;

  for (i = 0; i < G_N_ELEMENTS (published_forms); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);
      g_autofree char *percent = NULL;
      ZpDecimal rate;

      g_test_message ("form %u: %s", i, published_forms[i].title);
      g_assert_cmpstr (zp_form_get_budget (form), ==, published_forms[i].budget);
      g_assert_cmpstr (zp_form_get_spent (form), ==, published_forms[i].spent);
      g_assert_true (zp_form_get_execution_rate (form, &rate));
      assert_decimal (rate, "1");
      /* Published as 100%. */
      percent = zp_decimal_format_percent (rate, 2, TRUE);
      g_assert_cmpstr (percent, ==, "100%");
      g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "100.00%");
      assert_decimal (zp_form_get_execution_weight (form), "20");
      assert_decimal (zp_form_get_execution_score (form), "20");
      g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "20.00");
    }
}

/* Every row as transcribed, in print order, with its published score. */
static void
test_seed_indicators (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ();
  guint i, r;

  for (i = 0; i < G_N_ELEMENTS (published_forms); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);
      guint position = 0, goal_index = 0;

      g_assert_cmpuint (zp_form_get_n_indicators (form), ==, published_forms[i].n_rows);
      for (r = 0; r < published_forms[i].n_rows; r++)
        {
          const PublishedRow *row = &published_forms[i].rows[r];
          ZpIndicator *indicator;

          if (row->goal != goal_index)
            {
              goal_index = row->goal;
              position = 0;
            }
          indicator = zp_goal_get_indicator (zp_form_get_goal (form, row->goal), position++);

          g_test_message ("%s: %s", published_forms[i].title, row->name);
          g_assert_cmpstr (zp_indicator_get_category (indicator), ==, row->category);
          g_assert_cmpstr (zp_indicator_get_subcategory (indicator), ==, row->subcategory);
          g_assert_cmpstr (zp_indicator_get_name (indicator), ==, row->name);
          g_assert_cmpstr (zp_indicator_get_target (indicator), ==, row->target);
          g_assert_cmpstr (zp_indicator_get_actual (indicator), ==, row->actual);
          g_assert_cmpstr (zp_indicator_get_weight (indicator), ==, row->score);
          g_assert_false (zp_indicator_has_override (indicator));
          assert_decimal (zp_indicator_get_score (indicator), row->score);
          g_assert_cmpint (zp_indicator_get_state (indicator), ==, ZP_INDICATOR_STATE_MET);
        }
    }
}

static void
test_seed_totals (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ();
  guint i;

  for (i = 0; i < G_N_ELEMENTS (published_forms); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);

      assert_decimal (zp_form_get_indicator_score (form), "80");
      g_assert_cmpstr (zp_form_get_indicator_score_text (form), ==, "80.00");
      g_assert_cmpstr (zp_indicator_get_score_text (zp_goal_get_indicator (zp_form_get_goal (form, 0), 0)),
                       !=, "");
      assert_decimal (zp_form_get_total (form), "100");
      g_assert_cmpstr (zp_form_get_total_text (form), ==, "100.00");
    }
}

/* Every seed form's weights make 100: execution 20 + indicators (or goals) 80. */
static void
test_seed_weight_totals (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ();

  for (guint i = 0; i < G_N_ELEMENTS (published_forms); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);

      assert_decimal (zp_form_get_weight_total (form), "100");
    }

  /* The department form counts its goals' weights: one less point shows. */
  zp_goal_set_weight (zp_form_get_goal (zp_workbook_get_form (workbook, 0), 3), "19");
  assert_decimal (zp_form_get_weight_total (zp_workbook_get_form (workbook, 0)), "99");
}

/* 年度绩效目标 1–4, each worth 20 and scoring 20. */
static void
test_seed_department_goals (void)
{
  g_autoptr(ZpWorkbook) workbook = load_example ();
  ZpForm *form = ZP_FORM (zp_workbook_get_department_form (workbook));
  g_autoptr(GPtrArray) blocks = NULL;
  guint i;

  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 4);
  g_assert_cmpstr (zp_goal_get_text (zp_form_get_goal (form, 0)), ==,
                   "加强政务网络运行维护，保障政务网络畅通；加强数据归集管理，建强区级数据资源池");
  g_assert_cmpstr (zp_goal_get_text (zp_form_get_goal (form, 3)), ==,
                   "落实关键信息基础设施安全保护制度，保障网络安全");
  for (i = 0; i < 4; i++)
    {
      ZpGoal *goal = zp_form_get_goal (form, i);
      ZpDecimal weight;

      g_assert_cmpstr (zp_goal_get_weight (goal), ==, "20");
      g_assert_true (zp_goal_get_weight_value (goal, &weight));
      assert_decimal (weight, "20");
      assert_decimal (zp_goal_get_score (goal), "20");
    }

  blocks = zp_form_summarize_blocks (form);
  g_assert_cmpuint (blocks->len, ==, 4);
  for (i = 0; i < blocks->len; i++)
    {
      ZpBlockSummary *block = g_ptr_array_index (blocks, i);

      g_assert_cmpint (block->goal_index, ==, i);
      g_assert_true (block->has_weight);
      assert_decimal (block->weight, "20");
      assert_decimal (block->weight_sum, "20");
      assert_decimal (block->score, "20");
    }
}

/* 产出指标（40 分）, 效益指标（30 分）, 满意度指标（10 分）, all met. */
static void
test_seed_project_blocks (void)
{
  static const struct { const char *name; const char *weight; guint n[3]; } expected[] = {
    { "产出指标", "40", { 15, 4, 4 } },
    { "效益指标", "30", { 5, 2, 2 } },
    { "满意度指标", "10", { 3, 1, 1 } },
  };
  g_autoptr(ZpWorkbook) workbook = load_example ();
  guint i, b;

  for (i = 1; i < G_N_ELEMENTS (published_forms); i++)
    {
      g_autoptr(GPtrArray) blocks = zp_form_summarize_blocks (zp_workbook_get_form (workbook, i));

      g_assert_cmpuint (blocks->len, ==, G_N_ELEMENTS (expected));
      for (b = 0; b < blocks->len; b++)
        {
          ZpBlockSummary *block = g_ptr_array_index (blocks, b);

          g_assert_cmpstr (block->name, ==, expected[b].name);
          g_assert_true (block->has_weight);
          g_assert_cmpuint (block->n_indicators, ==, expected[b].n[i - 1]);
          assert_decimal (block->weight, expected[b].weight);
          assert_decimal (block->weight_sum, expected[b].weight);
          assert_decimal (block->score, expected[b].weight);
          {
            g_autofree char *shown = g_strconcat (expected[b].weight, ".00", NULL);

            g_assert_cmpstr (block->score_text, ==, shown);
          }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seed/workbook", test_seed_workbook);
  g_test_add_func ("/seed/department-header", test_seed_department_header);
  g_test_add_func ("/seed/project-headers", test_seed_project_headers);
  g_test_add_func ("/seed/execution", test_seed_execution);
  g_test_add_func ("/seed/indicators", test_seed_indicators);
  g_test_add_func ("/seed/totals", test_seed_totals);
  g_test_add_func ("/seed/weight-totals", test_seed_weight_totals);
  g_test_add_func ("/seed/department-goals", test_seed_department_goals);
  g_test_add_func ("/seed/project-blocks", test_seed_project_blocks);

  return g_test_run ();
}
