/* bench-generate.c — a district-scale workbook for the benchmark: realistic names,
 * targets as people write them ("≥95%", "≤800元/人", "有效保障"), actuals around them,
 * some missed with a deviation note, a few missed without one (so the checks find
 * something), amounts in 万元 with two places.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-generate.h"

#define SEED 20241231

static const char *places[] = {
  "老旧小区", "城区道路", "社区卫生服务中心", "智慧城管", "政务数据中心", "河湖长制",
  "中小学校园", "居家养老服务", "公共文化场馆", "农贸市场", "背街小巷", "排水管网",
  "公共自行车", "社区网格", "应急避难场所", "街道便民服务", "职业技能培训", "医疗保障",
};

static const char *works[] = {
  "改造提升", "运行维护", "安全保障", "专项补助", "信息化建设", "服务采购", "环境整治",
  "设备更新", "绩效提升", "综合治理",
};

static const char *implementers[] = {
  "区城市管理执法局", "区住房和城市更新局", "区卫生健康局", "区教育局", "区民政局",
  "区水务和湖泊局", "区文化和旅游局", "区大数据中心", "区人力资源和社会保障局",
};

static const char *qualitative_targets[] = {
  "有效保障", "效果明显", "逐步提升", "显著改善", "持续发挥作用", "按时完成",
};

typedef struct
{
  GRand *rand;
} Generator;

static char *
amount_text (gint64 hundredths)
{
  return zp_decimal_format (zp_decimal_from_fixed (hundredths, 2), 2);
}

/* How far the actual lands from the target, in percent: mostly met, some over, some missed. */
static int
pick_outcome (Generator *gen)
{
  int roll = g_rand_int_range (gen->rand, 0, 100);

  if (roll < 70)
    return 100;
  if (roll < 85)
    return g_rand_int_range (gen->rand, 101, 135);
  return g_rand_int_range (gen->rand, 70, 100);
}

static void
add_indicator (ZpGoal     *goal,
               const char *category,
               const char *subcategory,
               const char *name,
               const char *target,
               const char *actual,
               const char *weight,
               const char *note)
{
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();

  zp_indicator_set_category (indicator, category);
  zp_indicator_set_subcategory (indicator, subcategory);
  zp_indicator_set_name (indicator, name);
  zp_indicator_set_target (indicator, target);
  zp_indicator_set_actual (indicator, actual);
  zp_indicator_set_weight (indicator, weight);
  zp_indicator_set_deviation_note (indicator, note);
  zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
}

/* A positive count "≥N单位" with its actual and, when missed, usually a note. */
static void
add_count (Generator  *gen,
           ZpGoal     *goal,
           const char *subcategory,
           const char *name,
           const char *unit,
           const char *weight)
{
  int target = g_rand_int_range (gen->rand, 2, 60) * 10;
  int outcome = pick_outcome (gen);
  g_autofree char *target_text = g_strdup_printf ("≥%d%s", target, unit);
  g_autofree char *actual_text = g_strdup_printf ("%d%s", target * outcome / 100, unit);
  const char *note = NULL;

  if (outcome < 100 && g_rand_int_range (gen->rand, 0, 10) > 0)
    note = "受施工季节和资金拨付进度影响，部分任务延至下年度，已制定整改计划并加强调度";
  add_indicator (goal, "产出指标", subcategory, name, target_text, actual_text, weight, note);
}

static void
add_rate (Generator  *gen,
          ZpGoal     *goal,
          const char *category,
          const char *subcategory,
          const char *name,
          const char *weight)
{
  int target = g_rand_int_range (gen->rand, 85, 100);
  int actual = MIN (100, target + g_rand_int_range (gen->rand, -4, 6));
  g_autofree char *target_text = g_strdup_printf ("≥%d%%", target);
  g_autofree char *actual_text = g_strdup_printf ("%d%%", actual);

  add_indicator (goal, category, subcategory, name, target_text, actual_text, weight,
                 actual < target ? "个别服务对象对响应速度不满意，已优化服务流程" : NULL);
}

static void
add_qualitative (Generator  *gen,
                 ZpGoal     *goal,
                 const char *category,
                 const char *subcategory,
                 const char *name,
                 const char *weight)
{
  const char *target = qualitative_targets[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (qualitative_targets))];

  add_indicator (goal, category, subcategory, name, target, target, weight, NULL);
}

static void
add_output_indicators (Generator *gen,
                       ZpGoal    *goal)
{
  add_count (gen, goal, "数量指标", "完成改造面积", "平方米", "3");
  add_count (gen, goal, "数量指标", "服务覆盖人次", "人次", "3");
  add_count (gen, goal, "数量指标", "巡查检查次数", "次", "3");
  add_count (gen, goal, "数量指标", "设备维护台数", "台", "3");
  add_count (gen, goal, "数量指标", "培训宣传场次", "场", "3");
  add_rate (gen, goal, "产出指标", "质量指标", "验收合格率", "3");
  add_rate (gen, goal, "产出指标", "质量指标", "设施完好率", "3");
  add_rate (gen, goal, "产出指标", "质量指标", "问题整改率", "3");
  add_qualitative (gen, goal, "产出指标", "质量指标", "工程质量符合国家标准", "3");
  add_indicator (goal, "产出指标", "时效指标", "故障响应时间", "≤2小时", "1.5小时", "3", NULL);
  add_indicator (goal, "产出指标", "时效指标", "资金拨付及时率", "100%", "100%", "3", NULL);
  add_indicator (goal, "产出指标", "时效指标", "项目完成时限", "≤12个月", "11个月", "3", NULL);
  add_indicator (goal, "产出指标", "成本指标", "人均服务成本", "≤800元/人",
                 g_rand_boolean (gen->rand) ? "760元/人" : "800元/人", "2", NULL);
  add_indicator (goal, "产出指标", "成本指标", "单位改造成本", "≤350元/平方米", "338元/平方米", "2", NULL);
}

static void
add_benefit_indicators (Generator *gen,
                        ZpGoal    *goal)
{
  add_qualitative (gen, goal, "效益指标", "社会效益指标", "改善居民生活环境", "4");
  add_qualitative (gen, goal, "效益指标", "社会效益指标", "提升城市精细化管理水平", "4");
  add_qualitative (gen, goal, "效益指标", "社会效益指标", "保障群众生命财产安全", "4");
  add_indicator (goal, "效益指标", "经济效益指标", "带动社会投资", "≥50万元", "62万元", "4", NULL);
  add_indicator (goal, "效益指标", "生态效益指标", "安全生产事故", "0起", "0起", "4", NULL);
  add_qualitative (gen, goal, "效益指标", "可持续影响指标", "长效管护机制", "5");
  add_qualitative (gen, goal, "效益指标", "可持续影响指标", "设施持续发挥效益", "5");
}

static void
add_satisfaction_indicators (Generator *gen,
                             ZpGoal    *goal)
{
  add_rate (gen, goal, "满意度指标", "服务对象满意度指标", "居民满意度", "2.5");
  add_rate (gen, goal, "满意度指标", "服务对象满意度指标", "使用单位满意度", "2.5");
  add_rate (gen, goal, "满意度指标", "社会满意度指标", "社会公众满意度", "2.5");
  add_indicator (goal, "满意度指标", "社会满意度指标", "有效投诉次数", "≤3次", "1次", "2.5", NULL);
}

/* Returns the budget in hundredths of 万元. */
static gint64
add_project (Generator  *gen,
             ZpWorkbook *workbook,
             guint       number)
{
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  ZpForm *form = ZP_FORM (project);
  ZpGoal *goal = zp_project_form_get_overall_goal (project);
  const char *place = places[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (places))];
  const char *work = works[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (works))];
  g_autofree char *name = g_strdup_printf ("%s%s项目（第%u批）", place, work, number + 1);
  gint64 budget = g_rand_int_range (gen->rand, 1000, 50000);
  gint64 spent = budget * g_rand_int_range (gen->rand, 80, 101) / 100;
  g_autofree char *budget_text = amount_text (budget);
  g_autofree char *spent_text = amount_text (spent);
  g_autofree char *goal_text = g_strdup_printf ("按期完成%s%s任务，提升公共服务质量和群众获得感", place, work);

  zp_form_freeze (form);
  zp_project_form_set_name (project, name);
  zp_project_form_set_department (project, "武汉市江岸区人民政府");
  zp_project_form_set_implementer (project, implementers[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (implementers))]);
  zp_form_set_initial_budget (form, budget_text);
  zp_form_set_budget (form, budget_text);
  zp_form_set_spent (form, spent_text);
  zp_goal_set_text (goal, goal_text);
  zp_goal_set_achieved (goal, "已按计划完成年度主要任务，项目运行情况良好");
  add_output_indicators (gen, goal);
  add_benefit_indicators (gen, goal);
  add_satisfaction_indicators (gen, goal);
  if (spent * 10 < budget * 9)
    zp_form_set_analysis (form, "部分合同尾款按约定于次年支付，导致执行率偏低");
  zp_form_thaw (form);

  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  return budget;
}

static void
add_department_goal (ZpDepartmentForm *department,
                     const char       *text)
{
  g_autoptr(ZpGoal) goal = zp_goal_new ();

  zp_goal_set_text (goal, text);
  zp_goal_set_weight (goal, "20");
  add_indicator (goal, "产出指标", "数量指标", "完成年度重点任务数", "≥12项", "12项", "4", NULL);
  add_indicator (goal, "产出指标", "质量指标", "任务完成合格率", "100%", "100%", "4", NULL);
  add_indicator (goal, "产出指标", "时效指标", "按时完成率", "≥95%", "98%", "4", NULL);
  add_indicator (goal, "效益指标", "社会效益指标", "公共服务水平", "有效提升", "有效提升", "4", NULL);
  add_indicator (goal, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "94%", "4", NULL);
  zp_form_insert_goal (ZP_FORM (department), G_MAXUINT, goal);
}

static void
add_department (ZpWorkbook *workbook,
                gint64      projects_total)
{
  g_autoptr(ZpDepartmentForm) department = zp_department_form_new ();
  ZpForm *form = ZP_FORM (department);
  gint64 basic = projects_total / 9;
  g_autofree char *basic_text = amount_text (basic);
  g_autofree char *projects_text = amount_text (projects_total);
  g_autofree char *total_text = amount_text (basic + projects_total);

  zp_form_freeze (form);
  zp_department_form_set_unit (department, "武汉市江岸区");
  zp_department_form_set_basic_expenditure (department, basic_text);
  zp_department_form_set_project_expenditure (department, projects_text);
  zp_form_set_budget (form, total_text);
  zp_form_set_spent (form, total_text);
  add_department_goal (department, "保障全区基础设施安全稳定运行，提升城市治理精细化水平");
  add_department_goal (department, "推进民生实事项目落地见效，提升群众获得感和满意度");
  add_department_goal (department, "加强预算绩效管理，提高财政资金使用效益");
  add_department_goal (department, "推进数字政府建设，提升政务服务效能");
  zp_form_thaw (form);

  zp_workbook_set_department_form (workbook, department);
}

ZpWorkbook *
bench_generate_workbook (guint n_projects)
{
  ZpWorkbook *workbook = zp_workbook_new (ZP_SCHEME_DEFAULT_ID);
  Generator gen = { g_rand_new_with_seed (SEED) };
  gint64 projects_total = 0;

  zp_workbook_set_year (workbook, 2024);
  zp_workbook_set_unit (workbook, "武汉市江岸区");
  zp_workbook_set_department (workbook, "武汉市江岸区财政局");
  for (guint i = 0; i < n_projects; i++)
    projects_total += add_project (&gen, workbook, i);
  add_department (workbook, projects_total);

  g_rand_free (gen.rand);
  return workbook;
}
