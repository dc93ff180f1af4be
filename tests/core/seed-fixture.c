/* seed-fixture.c — the seed workbook built in code, row by row as seed-forms.md has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "seed-fixture.h"

typedef struct
{
  const char *category;
  const char *subcategory;
  const char *name;
  const char *target;
  const char *actual;
  const char *weight;
} SeedRow;

static const SeedRow seed_goal1[] = {
  { "产出指标", "数量指标", "数据汇集条数", "不少于 1 亿条数据", "不少于 1 亿条数据", "5" },
  { "产出指标", "质量指标", "政务网运行正常率", "100%", "100%", "5" },
  { "效益指标", "社会效益指标", "政务网络稳定运行，保障各单位正常办公", "有效保障", "有效保障", "5" },
  { "满意度指标", "服务对象满意度指标", "全区各单位满意度", "≥90%", "≥90%", "5" },
  { NULL }
};

static const SeedRow seed_goal2[] = {
  { "产出指标", "数量指标", "网站保障正常运行的时间", "≥99%", "≥99%", "2" },
  { "产出指标", "数量指标", "协同办公系统故障解决率", "100%", "100%", "3" },
  { "产出指标", "质量指标", "持续做好网站栏目设置及内容更新，提升网站基层政务公开水平", "效果良好", "效果良好", "2" },
  { "产出指标", "质量指标", "定期调试视频会议链路及设备，保障视频会议召开", "效果良好", "效果良好", "3" },
  { "效益指标", "社会效益指标", "强化办事服务功能，努力建设利企便民、人民满意的“指尖上的网上政府”", "有效完成", "有效完成", "5" },
  { "满意度指标", "服务对象满意度指标", "全区各单位满意度", "≥90%", "≥90%", "5" },
  { NULL }
};

static const SeedRow seed_goal3[] = {
  { "产出指标", "数量指标", "政务信息化项目审批评估报告出具时间", "7 个工作日内", "7个工作日内", "3" },
  { "产出指标", "数量指标", "数字应用场景申报数量", "≥1 个", "≥1个", "2" },
  { "产出指标", "质量指标", "2024 年各部门申报政府投资政务信息化项目审批率", "100%", "100%", "5" },
  { "效益指标", "社会效益指标", "提升数字赋能水平，提升基层社会治理现代化水平", "有效完成", "有效完成", "5" },
  { "满意度指标", "社会满意度指标", "全区各单位满意度", "≥90%", "≥90%", "5" },
  { NULL }
};

static const SeedRow seed_goal4[] = {
  { "产出指标", "数量指标", "网络安全隐患事故", "0", "0", "5" },
  { "产出指标", "质量指标", "网络故障处置率", "100%", "100%", "3" },
  { "产出指标", "时效指标", "网络故障修复效率", "发现故障半小时内响应，4 小时内解决", "发现故障半小时内响应，4小时内解决", "2" },
  { "效益指标", "社会效益指标", "保障全区工作人员的正常上网办公", "有效保障", "有效保障", "5" },
  { "满意度指标", "社会满意度指标", "全区各单位满意度", "≥90%", "≥90%", "5" },
  { NULL }
};

static const SeedRow seed_science[] = {
  { "产出指标", "数量指标", "视频会议设备年度巡检次数", "≥4 次", "4 次", "2" },
  { "产出指标", "数量指标", "云平台年度巡检次数", "≥12 次", "12 次", "2" },
  { "产出指标", "数量指标", "网络安全隐患事故", "0", "0", "2" },
  { "产出指标", "数量指标", "后勤保障人数", "10 人", "10 人", "2" },
  { "产出指标", "数量指标", "保障职工体检人数", "10 人", "10 人", "2" },
  { "产出指标", "质量指标", "视频会议设备使用状态", "良好", "良好", "2.5" },
  { "产出指标", "质量指标", "视频会议设备故障修复效率", "发生故障半小时内响应，24 小时内修复", "完成", "2.5" },
  { "产出指标", "质量指标", "网络故障处置率", "100%", "100%", "2.5" },
  { "产出指标", "质量指标", "体检标准（规格）合规率", "100%", "100%", "2.5" },
  { "产出指标", "时效指标", "咨询评估报告出具时限", "≤7 个工作日", "≤7个工作日", "2.5" },
  { "产出指标", "时效指标", "视频会议人工保障", "7×24 小时响应，至少提前半天完成会前调试", "完成", "2.5" },
  { "产出指标", "时效指标", "网络故障修复效率", "发现故障半小时内响应，4 小时内解决", "完成", "2.5" },
  { "产出指标", "时效指标", "后勤工作安排及时率", "100%", "100%", "2.5" },
  { "产出指标", "成本指标", "后勤保障标准", "900 元/人", "900 元/人", "5" },
  { "产出指标", "成本指标", "体检费标准", "≤800 元/人", "≤800 元/人", "5" },
  { "效益指标", "社会效益指标", "保障视频会议顺利召开", "有效保障", "有效保障", "6" },
  { "效益指标", "社会效益指标", "保障云平台稳定运行", "有效保障", "有效保障", "6" },
  { "效益指标", "社会效益指标", "保障全区工作人员的正常上网", "有效保障", "有效保障", "6" },
  { "效益指标", "社会效益指标", "保障员工工作质量", "效果较好", "效果较好", "6" },
  { "效益指标", "社会效益指标", "保障职工身体健康权益", "效果明显", "效果明显", "6" },
  { "满意度指标", "服务对象满意度指标", "用户对网络保障、视频会议保障等工作的满意度", "满意", "满意", "4" },
  { "满意度指标", "服务对象满意度指标", "报修人员满意度", "满意", "满意", "4" },
  { "满意度指标", "服务对象满意度指标", "在职人员满意度", "≥95%", "≥95%", "2" },
  { NULL }
};

static const SeedRow seed_medical[] = {
  { "产出指标", "数量指标", "在职及退休人员", "10 人", "10 人", "10" },
  { "产出指标", "质量指标", "与医保办核实数据", "数据准确", "数据准确", "10" },
  { "产出指标", "时效指标", "发放时间", "及时发放", "及时发放", "10" },
  { "产出指标", "成本指标", "报销标准", "补助金额合计", "补助金额合计", "10" },
  { "效益指标", "社会效益指标", "保障职工身体健康权益", "有效保障", "有效保障", "15" },
  { "效益指标", "可持续影响指标", "为职工营造关怀氛围", "效果较好", "效果较好", "15" },
  { "满意度指标", "服务对象满意度指标", "职工满意度", "≥95%", "≥95%", "10" },
  { NULL }
};

static const SeedRow seed_children[] = {
  { "产出指标", "数量指标", "子女未满 18 周岁的职工人数", "4 人", "4 人", "10" },
  { "产出指标", "质量指标", "与医保办核实数据", "数据准确", "数据准确", "10" },
  { "产出指标", "时效指标", "发放时间", "及时发放", "及时发放", "10" },
  { "产出指标", "成本指标", "发放标准", "25 元/月", "25 元/月", "10" },
  { "效益指标", "社会效益指标", "保障职工子女统筹权益", "有效保障", "有效保障", "15" },
  { "效益指标", "可持续影响指标", "为职工营造关怀氛围", "效果较好", "效果较好", "15" },
  { "满意度指标", "服务对象满意度指标", "职工满意度", "≥95%", "≥95%", "10" },
  { NULL }
};

static void
append_rows (ZpGoal        *goal,
             const SeedRow *rows)
{
  for (const SeedRow *row = rows; row->category != NULL; row++)
    {
      g_autoptr(ZpIndicator) indicator = zp_indicator_new ();

      zp_indicator_set_category (indicator, row->category);
      zp_indicator_set_subcategory (indicator, row->subcategory);
      zp_indicator_set_name (indicator, row->name);
      zp_indicator_set_target (indicator, row->target);
      zp_indicator_set_actual (indicator, row->actual);
      zp_indicator_set_weight (indicator, row->weight);
      zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
    }
}

static void
append_goal (ZpDepartmentForm *form,
             const char       *text,
             const SeedRow    *rows)
{
  g_autoptr(ZpGoal) goal = zp_goal_new ();

  zp_goal_set_text (goal, text);
  zp_goal_set_weight (goal, "20");
  append_rows (goal, rows);
  zp_form_insert_goal (ZP_FORM (form), G_MAXUINT, goal);
}

static void
append_project (ZpWorkbook    *workbook,
                const char    *name,
                const char    *amount,
                const SeedRow *rows)
{
  g_autoptr(ZpProjectForm) form = zp_project_form_new ();

  zp_project_form_set_name (form, name);
  zp_project_form_set_department (form, "区经科局");
  zp_project_form_set_implementer (form, "区大数据中心");
  zp_form_set_budget (ZP_FORM (form), amount);
  zp_form_set_spent (ZP_FORM (form), amount);
  append_rows (zp_project_form_get_overall_goal (form), rows);
  zp_workbook_insert_project (workbook, G_MAXUINT, form);
}

ZpWorkbook *
seed_workbook_new (void)
{
  ZpWorkbook *workbook = zp_workbook_new ("hubei");
  g_autoptr(ZpDepartmentForm) department = zp_department_form_new ();

  zp_workbook_set_year (workbook, 2024);
  zp_workbook_set_unit (workbook, "江岸区大数据中心");
  zp_workbook_set_unit_short (workbook, "江岸大数据中心");
  zp_department_form_set_unit (department, "江岸区大数据中心");
  zp_department_form_set_basic_expenditure (department, "217.30");
  zp_department_form_set_project_expenditure (department, "1849.33");
  zp_form_set_budget (ZP_FORM (department), "2066.63");
  zp_form_set_spent (ZP_FORM (department), "2066.63");
  append_goal (department, "加强政务网络运行维护，保障政务网络畅通；加强数据归集管理，建强区级数据资源池",
               seed_goal1);
  append_goal (department, "保障协同办公系统、门户网站、视频会议系统等基础平台稳定运行，提升数字化履职水平",
               seed_goal2);
  append_goal (department, "加强数据资源开放共享、智能场景创新应用，推进财政投资政务信息化项目审批工作，提升数字赋能水平",
               seed_goal3);
  append_goal (department, "落实关键信息基础设施安全保护制度，保障网络安全", seed_goal4);
  zp_workbook_set_department_form (workbook, department);

  append_project (workbook, "科技条件专项", "0.80", seed_science);
  append_project (workbook, "公务员医疗报销", "0.39", seed_medical);
  append_project (workbook, "子女统筹", "0.12", seed_children);

  return workbook;
}
