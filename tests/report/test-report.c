/* test-report.c — the written report generated from the seed by its templates: the
 * figures it quotes, the seed's own errors not repeated, problems and measures from the
 * deviation notes, the length limits, templates read as data, and the text file write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "zp-evidence.h"
#include "zp-grade-bands.h"
#include "zp-package.h"
#include "zp-summary-table.h"
#include "zp-written-report.h"

static ZpWorkbook *
load_seed (void)
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
  return workbook;
}

static char *
report_text (ZpWorkbook *workbook,
             const char *template_id)
{
  g_autoptr(ZpReportTemplate) template_ = template_id ? zp_report_template_new_builtin (template_id) : NULL;
  g_autoptr(ZpWrittenReport) report = zp_written_report_generate (workbook, template_);

  return zp_written_report_to_text (report);
}

/* The body paragraph of a section that contains `needle`. */
static const ZpReportParagraph *
find_paragraph (ZpWrittenReport *report,
                const char      *needle)
{
  for (guint i = 0; i < zp_written_report_get_n_paragraphs (report); i++)
    {
      const ZpReportParagraph *paragraph = zp_written_report_get_paragraph (report, i);

      if (strstr (paragraph->text, needle) != NULL)
        return paragraph;
    }
  g_error ("no paragraph contains “%s”", needle);
  return NULL;
}

static ZpIndicator *
seed_indicator (ZpWorkbook *workbook,
                guint       form,
                guint       index)
{
  return zp_goal_get_indicator (zp_form_get_goal (zp_workbook_get_form (workbook, form), 0), index);
}

/* The seed's section 十三 from its own forms: right where the seed is right (3 projects,
 * 0.39 and 0.12 万元, 100%, the department's 2066.63), and the forms' figures where the
 * seed contradicts them (科技条件专项 0.80, not 1848.82; the projects' 1.31, not 1849.33;
 * its own unit's form, not 经科局's). */
static void
test_seed_wuhan (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpWrittenReport) report = zp_written_report_generate (workbook, NULL);
  g_autofree char *text = zp_written_report_to_text (report);
  const ZpReportParagraph *first;

  g_assert_true (g_str_has_prefix (text, "预算绩效情况说明\n"));
  g_assert_nonnull (strstr (text, "（一）预算绩效管理工作开展情况\n"));
  g_assert_nonnull (strstr (text, "共涉及项目 3 个，资金 1.31 万元，占一般公共预算项目支出总额的 0.07%。"));
  g_assert_nonnull (strstr (text, "开展整体支出绩效自评，资金 2066.63 万元"));
  g_assert_nonnull (strstr (text, "公开《2024 年度江岸区大数据中心整体绩效自评表》"));
  g_assert_nonnull (strstr (text, "共涉及 3 个一级项目。"));
  g_assert_nonnull (strstr (text, "1.科技条件专项项目绩效自评综述：项目全年预算数为 0.80 万元，执行数为 0.80 万元，完成预算的 100%。"));
  g_assert_nonnull (strstr (text, "2.公务员医疗报销项目绩效自评综述：项目全年预算数为 0.39 万元，执行数为 0.39 万元，完成预算的 100%。"));
  g_assert_nonnull (strstr (text, "3.子女统筹项目绩效自评综述：项目全年预算数为 0.12 万元，执行数为 0.12 万元，完成预算的 100%。"));
  /* 主要产出和效益 from met indicators, as the seed words them. */
  g_assert_nonnull (strstr (text, "主要产出和效益是：视频会议设备年度巡检次数4 次；云平台年度巡检次数12 次；网络安全隐患事故零发生；"));
  g_assert_nonnull (strstr (text, "有效保障职工子女统筹权益"));
  g_assert_nonnull (strstr (text, "（四）绩效自评结果应用情况\n"));
  g_assert_null (strstr (text, "1848.82"));
  g_assert_null (strstr (text, "1849.33 万元，占"));
  g_assert_null (strstr (text, "经科局部门"));
  g_assert_null (strstr (text, "{"));

  first = find_paragraph (report, "共涉及项目");
  g_assert_cmpstr (first->section, ==, "work");
  g_assert_true (g_strv_contains ((const char * const *) first->figures, "1.31"));
  g_assert_true (g_strv_contains ((const char * const *) first->figures, "0.07%"));
  g_assert_true (g_strv_contains ((const char * const *) find_paragraph (report, "科技条件专项项目")->figures, "0.80"));
  g_assert_cmpuint (zp_written_report_get_overruns (report)->len, ==, 0);
}

/* The report follows the forms: an edited budget is what the next report quotes. */
static void
test_follows_forms (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  ZpForm *project = zp_workbook_get_form (workbook, 1);
  g_autofree char *text = NULL;

  zp_form_set_budget (project, "1.00");
  text = report_text (workbook, NULL);
  g_assert_nonnull (strstr (text, "项目全年预算数为 1.00 万元，执行数为 0.80 万元，完成预算的 80%。"));
  g_assert_nonnull (strstr (text, "资金 1.51 万元"));
}

/* Without a department form, section （二） is left out, and the share is "—". */
static void
test_without_department (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autofree char *text = NULL;

  zp_workbook_set_department_form (workbook, NULL);
  text = report_text (workbook, "wuhan-final-accounts");
  g_assert_null (strstr (text, "（二）"));
  g_assert_nonnull (strstr (text, "资金 1.31 万元，占一般公共预算项目支出总额的 —。"));
  g_assert_nonnull (strstr (text, "1.科技条件专项项目"));
}

/* The general outline: problems and measures come from the deviation notes and the
 * analysis texts; with none, the template's own sentence. */
static void
test_self_evaluation_outline (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autofree char *clean = report_text (workbook, "self-evaluation");
  ZpIndicator *indicator = seed_indicator (workbook, 1, 0);  /* 视频会议设备年度巡检次数 ≥4 次 */
  ZpForm *project = zp_workbook_get_form (workbook, 1);
  g_autofree char *text = NULL;

  g_assert_true (g_str_has_prefix (clean, "2024 年度江岸区大数据中心绩效自评报告\n"));
  g_assert_nonnull (strstr (clean, "一、基本情况\n"));
  g_assert_nonnull (strstr (clean, "共对 4 张绩效自评表开展自评，其中部门(单位)整体支出自评表 1 张、项目支出自评表 3 张。"));
  g_assert_nonnull (strstr (clean, "优 3 个，良 0 个，中 0 个，差 0 个"));
  g_assert_nonnull (strstr (clean, "三、存在问题及原因\n\u3000\u3000本年度各项绩效指标均已完成，未发现明显问题。\n"));

  zp_indicator_set_actual (indicator, "3 次");
  zp_indicator_set_deviation_note (indicator, "设备更换导致一次巡检顺延至次年。");
  zp_form_set_improvement (project, "提前制定巡检计划");
  text = report_text (workbook, "self-evaluation");
  g_assert_nonnull (strstr (text, "1.科技条件专项“视频会议设备年度巡检次数”目标值 ≥4 次，实际完成值 3 次，得分 1.5（满分 2）：设备更换导致一次巡检顺延至次年。\n"));
  g_assert_nonnull (strstr (text, "四、改进措施\n\u3000\u30001.科技条件专项：提前制定巡检计划。\n"));
  g_assert_nonnull (strstr (text, "未完成 1 个"));
  g_assert_null (strstr (text, "未发现明显问题"));

  /* A unit's own grades are counted by the built-in template too. */
  {
    ZpSchemeGradeBand bands[] = {
      { "met", "达标", zp_decimal_from_int (99) },   /* 科技条件专项 is at 99.5 */
      { "unmet", "未达标", zp_decimal_from_int (0) },
    };
    g_autofree char *graded = NULL;

    zp_scheme_set_grade_bands (zp_workbook_get_scheme (workbook), bands, G_N_ELEMENTS (bands));
    graded = report_text (workbook, "self-evaluation");
    g_assert_nonnull (strstr (graded, "自评结果为：达标 3 个，未达标 0 个；"));
  }
}

/* 四川's "200字以内": a section over its limit is reported with its length. */
static void
test_length_limit (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpReportTemplate) template_ = zp_report_template_new_builtin ("self-evaluation");
  g_autoptr(ZpWrittenReport) report = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  ZpForm *project = zp_workbook_get_form (workbook, 2);
  const ZpReportOverrun *overrun;
  g_autofree char *message = NULL;

  for (guint i = 0; i < 25; i++)
    g_string_append (note, "原因说明十个字符。");  /* 9 characters each */
  zp_form_set_analysis (project, note->str);
  report = zp_written_report_generate (workbook, template_);
  g_assert_cmpuint (zp_written_report_get_overruns (report)->len, ==, 1);
  overrun = g_ptr_array_index (zp_written_report_get_overruns (report), 0);
  g_assert_cmpstr (overrun->section, ==, "problems");
  g_assert_cmpuint (overrun->limit, ==, 200);
  /* "1." + "公务员医疗报销：" + 225 − 1 (the last 。 trimmed) + "。" */
  g_assert_cmpuint (overrun->length, ==, 2 + 8 + 224 + 1);
  message = zp_report_overrun_describe (overrun);
  g_assert_cmpstr (message, ==, "“三、存在问题及原因” has 235 characters; the limit is 200");
}

static void
assert_template_error (const char *json,
                       const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpReportTemplate) template_ = zp_report_template_new_from_data (json, -1, &error);

  g_assert_null (template_);
  g_assert_error (error, ZP_REPORT_TEMPLATE_ERROR, 0);
  g_assert_cmpstr (error->message, ==, expected);
}

#define HEAD "{\"format\": \"ziping-report-template\", \"title\": \"T\", "

static void
test_template_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpReportTemplate) custom = NULL;
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpWrittenReport) report = NULL;
  g_autoptr(ZpScheme) central = zp_scheme_new_builtin ("central");
  g_autoptr(ZpReportTemplate) for_central = zp_report_template_new_for_scheme (central);

  g_assert_cmpstr (zp_report_template_get_id (for_central), ==, "self-evaluation");
  g_assert_null (zp_report_template_new_builtin ("nonesuch"));
  assert_template_error ("[]", "Not a report template: “format” must be “ziping-report-template”");
  assert_template_error (HEAD "\"sections\": 3}", "Report template: “sections” must be a list");
  assert_template_error (HEAD "\"sections\": [{\"heading\": \"H\", \"paragraphs\": [\"{budgte}\"]}]}",
                         "Report template: “sections[0].paragraphs[0]” uses the unknown placeholder “{budgte}”");
  assert_template_error (HEAD "\"sections\": [{\"heading\": \"H\", \"paragraphs\": [{\"each\": \"form\", \"text\": \"x\"}]}]}",
                         "Report template: “sections[0].paragraphs[0].each” must be project, problem or measure");
  assert_template_error (HEAD "\"sections\": [{\"heading\": \"H {unit\", \"paragraphs\": []}]}",
                         "Report template: “sections[0].heading” has a “{” without its “}”");

  custom = zp_report_template_new_from_data (HEAD "\"sections\": [{\"heading\": \"{unit_short}\", "
                                             "\"paragraphs\": [{\"each\": \"project\", \"text\": \"{name} {grade} {total}\"}]}]}",
                                             -1, &error);
  g_assert_no_error (error);
  report = zp_written_report_generate (workbook, custom);
  g_assert_cmpuint (zp_written_report_get_n_paragraphs (report), ==, 5);
  g_assert_cmpstr (zp_written_report_get_paragraph (report, 1)->text, ==, "江岸大数据中心");
  g_assert_cmpstr (zp_written_report_get_paragraph (report, 4)->text, ==, "子女统筹 优 100");
}

/* 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60, at the boundaries. */
static void
test_grade_bands (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(GPtrArray) bands = zp_grade_bands_for_scheme (scheme);
  static const struct { gint64 hundredths; const char *grade; } cases[] = {
    { 10000, "优" }, { 9000, "优" }, { 8999, "良" }, { 8000, "良" }, { 7999, "中" },
    { 6000, "中" }, { 5999, "差" }, { 0, "差" },
  };

  g_assert_cmpuint (bands->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (zp_grade_bands_classify (bands, zp_decimal_from_fixed (cases[i].hundredths, 2))->name,
                     ==, cases[i].grade);
}

/* The bands are the workbook's scheme's: its own bands change the report's {grade}, its
 * grade_<id> counts and the 汇总表's grade column. */
static void
test_grade_bands_from_scheme (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpReportTemplate) custom = NULL;
  g_autoptr(ZpWrittenReport) report = NULL;
  g_autoptr(ZpSummaryTable) table = zp_summary_table_new (FALSE);
  ZpSchemeGradeBand bands[] = {
    { "top", "达标", zp_decimal_from_int (100) },
    { "rest", "未达标", zp_decimal_from_int (0) },
  };
  guint n_projects = zp_workbook_get_n_forms (workbook) - 1, n_top = 0;
  g_autofree char *counts = NULL;

  zp_scheme_set_grade_bands (zp_workbook_get_scheme (workbook), bands, G_N_ELEMENTS (bands));
  custom = zp_report_template_new_from_data (HEAD "\"sections\": [{\"heading\": \"{grade_top}/{grade_rest}\", "
                                             "\"paragraphs\": [{\"each\": \"project\", \"text\": \"{name} {grade} {total}\"}]}]}",
                                             -1, &error);
  g_assert_no_error (error);
  report = zp_written_report_generate (workbook, custom);
  g_assert_cmpstr (zp_written_report_get_paragraph (report, 4)->text, ==, "子女统筹 达标 100");

  zp_summary_table_add_workbook (table, workbook, "seed.ziping", NULL, NULL);
  g_assert_cmpuint (zp_summary_table_get_n_entries (table), ==, n_projects);
  for (guint i = 0; i < n_projects; i++)
    {
      const ZpSummaryEntry *entry = zp_summary_table_get_entry (table, i);
      const char *expected = zp_decimal_cmp (entry->total, zp_decimal_from_int (100)) >= 0 ? "达标" : "未达标";

      g_assert_cmpstr (zp_summary_table_grade_name (table, entry->grade), ==, expected);
      n_top += g_str_equal (expected, "达标");
    }
  g_assert_cmpuint (n_top, >=, 1);
  counts = g_strdup_printf ("%u/%u", n_top, n_projects - n_top);
  g_assert_cmpstr (zp_written_report_get_paragraph (report, 1)->text, ==, counts);
}

static void
test_write_text (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpWrittenReport) report = zp_written_report_generate (workbook, NULL);
  g_autofree char *dir = g_dir_make_tmp ("zp-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = zp_written_report_to_text (report);

  g_assert_true (zp_written_report_write_text (report, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_false (zp_written_report_write_text (report, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);  /* nothing else was left behind */
}

static const char *
cell_text (ZpSheet *sheet,
           guint    row,
           guint    col)
{
  ZpCell *cell = zp_sheet_get_cell (sheet, row, col);

  if (cell == NULL)
    g_error ("no cell starts at row %u, column %u", row + 1, col + 1);
  return cell->text;
}

/* The seed's 汇总表: its three projects, the totals from their forms, the grades; a
 * shortfall with and without its note; a total of 85 is 良. */
static void
test_summary_table (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpSummaryTable) table = zp_summary_table_new (FALSE);
  g_autoptr(ZpSummaryTable) across = zp_summary_table_new (TRUE);
  g_autoptr(ZpSheet) sheet = NULL;
  static const char * const headings[] = {
    "序号", "项目名称", "项目类别", "全年预算数", "全年执行数", "执行率", "执行得分", "指标得分",
    "自评总分", "等级", "未完成指标数", "偏差说明",
  };
  static const guint errors[4] = { 0, 2, 0, 0 }, warnings[4] = { 9, 3, 1, 1 };
  ZpIndicator *noted = seed_indicator (workbook, 1, 0);    /* 视频会议设备年度巡检次数, 2 分 */
  ZpIndicator *silent = seed_indicator (workbook, 2, 0);   /* 在职及退休人员 10 人, 10 分 */
  const ZpSummaryEntry *entry;

  zp_indicator_set_actual (noted, "3 次");
  zp_indicator_set_deviation_note (noted, "设备更换");
  zp_indicator_set_actual (silent, "5 人");                /* 5 of 10 分 lost: total 95 */
  zp_form_set_spent (zp_workbook_get_form (workbook, 3), "0.06");  /* 子女统筹 50%: 10 + 80 = 90 */
  zp_indicator_set_actual (seed_indicator (workbook, 3, 1), "数据有误");
  zp_indicator_set_grade (seed_indicator (workbook, 3, 1), ZP_GRADE_MISSED);
  zp_indicator_set_manual_score (seed_indicator (workbook, 3, 1), "5");
  zp_indicator_set_manual_reason (seed_indicator (workbook, 3, 1), "核实");
  zp_indicator_set_deviation_note (seed_indicator (workbook, 3, 1), "数据未及时核对");

  zp_summary_table_add_workbook (table, workbook, "seed.ziping", NULL, NULL);
  g_assert_cmpuint (zp_summary_table_get_n_entries (table), ==, 3);
  entry = zp_summary_table_get_entry (table, 0);
  g_assert_cmpstr (entry->title, ==, "科技条件专项");
  g_assert_cmpstr (entry->category, ==, "部门预算项目");
  g_assert_cmpuint (entry->missed, ==, 1);
  g_assert_cmpint (entry->notes, ==, ZP_DEVIATION_NOTES_PRESENT);
  g_assert_cmpstr (zp_summary_table_grade_name (table, entry->grade), ==, "优");
  entry = zp_summary_table_get_entry (table, 1);
  g_assert_cmpint (entry->notes, ==, ZP_DEVIATION_NOTES_MISSING);
  entry = zp_summary_table_get_entry (table, 2);
  g_assert_cmpstr (zp_summary_table_grade_name (table, entry->grade), ==, "良");

  sheet = zp_summary_table_layout (table, "2024 年度江岸区大数据中心项目支出绩效自评汇总表");
  g_assert_cmpuint (sheet->n_cols, ==, 12);
  g_assert_cmpstr (cell_text (sheet, 0, 0), ==, "2024 年度江岸区大数据中心项目支出绩效自评汇总表");
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    g_assert_cmpstr (cell_text (sheet, 2, c), ==, headings[c]);
  /* 科技条件专项: 0.80, 0.80, 100%, 20, 78.5 (2 × 3/4 = 1.5 of 2), 98.5. */
  g_assert_cmpstr (cell_text (sheet, 3, 3), ==, "0.80");
  g_assert_cmpstr (cell_text (sheet, 3, 5), ==, "100%");
  g_assert_cmpstr (cell_text (sheet, 3, 7), ==, "79.5");
  g_assert_cmpstr (cell_text (sheet, 3, 8), ==, "99.5");
  g_assert_cmpstr (cell_text (sheet, 3, 11), ==, "有");
  g_assert_cmpstr (cell_text (sheet, 4, 8), ==, "95");
  g_assert_cmpstr (cell_text (sheet, 4, 11), ==, "缺");
  g_assert_cmpstr (cell_text (sheet, 5, 5), ==, "50%");
  g_assert_cmpstr (cell_text (sheet, 5, 8), ==, "85");
  g_assert_cmpstr (cell_text (sheet, 5, 9), ==, "良");
  /* 合计: 0.80 + 0.39 + 0.12 = 1.31 budgeted, 1.25 spent (95.42%), 3 shortfalls, 1 without note. */
  g_assert_cmpstr (cell_text (sheet, 6, 0), ==, "合计");
  g_assert_cmpstr (cell_text (sheet, 6, 3), ==, "1.31");
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 6, 3)->formula, ==, "SUM(D4:D6)");
  g_assert_cmpstr (cell_text (sheet, 6, 4), ==, "1.25");
  g_assert_cmpstr (cell_text (sheet, 6, 5), ==, "95.42%");
  g_assert_cmpstr (cell_text (sheet, 6, 10), ==, "3");
  g_assert_cmpstr (cell_text (sheet, 6, 11), ==, "缺 1");
  g_assert_cmpstr (cell_text (sheet, 7, 0), ==, "等级分布：优 2 个，良 1 个，中 0 个，差 0 个");

  /* Across workbooks: the department form too, the unit and year, and the checks. */
  zp_summary_table_add_workbook (across, workbook, "seed.ziping", errors, warnings);
  g_clear_pointer (&sheet, zp_sheet_free);
  sheet = zp_summary_table_layout (across, "绩效自评汇总表");
  g_assert_cmpuint (zp_summary_table_get_n_entries (across), ==, 4);
  g_assert_cmpuint (sheet->n_cols, ==, 16);
  g_assert_cmpstr (cell_text (sheet, 2, 1), ==, "单位");
  g_assert_cmpstr (cell_text (sheet, 3, 1), ==, "江岸区大数据中心");
  g_assert_cmpstr (cell_text (sheet, 3, 4), ==, "部门整体支出");
  g_assert_cmpstr (cell_text (sheet, 4, 14), ==, "2");
  g_assert_cmpstr (cell_text (sheet, 4, 15), ==, "3");
}

static ZpWorkbook *
load_data (const char *data)
{
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load_from_data (data, -1, "test.ziping", &error);

  g_assert_no_error (error);
  return workbook;
}

/* Evidence paths are saved, read back by both readers (a comment sends the file to the
 * slower json-glib one), copied with a form, and cleared by the carry-over. */
static void
test_evidence_file_format (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  static const char * const indicator_paths[] = { "佐证/巡检记录.pdf", "佐证/照片 1.jpg", NULL };
  static const char * const form_paths[] = { "佐证/决算批复.pdf", NULL };
  g_autofree char *data = NULL;
  g_autofree char *commented = NULL;
  g_autoptr(ZpWorkbook) next = NULL;
  g_autoptr(ZpForm) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) bad = NULL;

  zp_indicator_set_evidence (seed_indicator (workbook, 1, 0), indicator_paths);
  zp_form_set_evidence (zp_workbook_get_form (workbook, 1), form_paths);
  data = zp_workbook_to_data (workbook, NULL);
  g_assert_nonnull (strstr (data, "\"evidence\": ["));
  commented = g_strconcat ("/* slow reader */\n", data, NULL);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(ZpWorkbook) loaded = load_data (pass == 0 ? data : commented);

      g_assert_true (g_strv_equal (zp_indicator_get_evidence (seed_indicator (loaded, 1, 0)), indicator_paths));
      g_assert_true (g_strv_equal (zp_form_get_evidence (zp_workbook_get_form (loaded, 1)), form_paths));
      g_assert_null (zp_indicator_get_evidence (seed_indicator (loaded, 1, 1))[0]);
      g_assert_null (zp_form_get_evidence (zp_workbook_get_form (loaded, 0))[0]);
    }
  copy = zp_form_copy (zp_workbook_get_form (workbook, 1));
  g_assert_true (g_strv_equal (zp_form_get_evidence (copy), form_paths));
  g_assert_true (g_strv_equal (zp_indicator_get_evidence (zp_goal_get_indicator (zp_form_get_goal (copy, 0), 0)),
                               indicator_paths));
  next = zp_workbook_new_year (workbook, 2025);
  g_assert_null (zp_form_get_evidence (zp_workbook_get_form (next, 1))[0]);
  g_assert_null (zp_indicator_get_evidence (seed_indicator (next, 1, 0))[0]);

  {
    g_autofree char *broken = g_strdup (data);
    char *at = strstr (broken, "\"佐证/照片 1.jpg\"");

    /* A number where a path goes: padded to the same length, the rest stays valid. */
    memset (at, ' ', strlen ("\"佐证/照片 1.jpg\""));
    at[0] = '3';
    bad = zp_workbook_load_from_data (broken, -1, "bad.ziping", &error);
  }
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "each evidence file must be a path in a string, not a number"));
}

static void
write_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "evidence", -1, NULL));
}

/* Present, missing, and refused: absolute, "..", and a link leading out of the folder. */
static void
test_evidence_states (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autofree char *dir = g_dir_make_tmp ("zp-evidence-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "unit", NULL);
  g_autofree char *present = g_build_filename (folder, "佐证", "记录.pdf", NULL);
  g_autofree char *outside = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *link = g_build_filename (folder, "link.txt", NULL);
  const char * const paths[] = { "佐证/记录.pdf", "佐证/没有.pdf", "../secret.txt", "/etc/passwd",
                                 "link.txt", NULL };
  static const ZpEvidenceState expected[] = {
    ZP_EVIDENCE_PRESENT, ZP_EVIDENCE_MISSING, ZP_EVIDENCE_OUTSIDE, ZP_EVIDENCE_OUTSIDE, ZP_EVIDENCE_OUTSIDE,
  };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autofree char *place = NULL;
  g_autofree char *sub = g_path_get_dirname (present);
  guint n_met = 0;

  write_file (present);
  write_file (outside);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  zp_indicator_set_evidence (seed_indicator (workbook, 1, 1), paths);
  items = zp_evidence_collect (workbook, folder);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < items->len; i++)
    {
      ZpEvidenceItem *item = g_ptr_array_index (items, i);

      g_assert_cmpstr (item->path, ==, paths[i]);
      g_assert_cmpint (item->state, ==, expected[i]);
      g_assert_true ((item->resolved == NULL) == (expected[i] == ZP_EVIDENCE_OUTSIDE));
    }
  place = zp_evidence_item_describe (g_ptr_array_index (items, 0));
  g_assert_cmpstr (place, ==, "科技条件专项, goal 1, row 2 (云平台年度巡检次数)");

  /* The optional check: every met indicator but the one with evidence. */
  for (guint f = 0; f < zp_workbook_get_n_forms (workbook); f++)
    for (guint g = 0; g < zp_form_get_n_goals (zp_workbook_get_form (workbook, f)); g++)
      n_met += zp_goal_get_n_indicators (zp_form_get_goal (zp_workbook_get_form (workbook, f), g));
  without = zp_evidence_met_without (workbook);
  g_assert_cmpuint (without->len, ==, n_met - 1);

  g_unlink (link);
  g_unlink (present);
  g_unlink (outside);
  g_rmdir (sub);
  g_rmdir (folder);
  g_rmdir (dir);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A package that fails half-way (its workbook file is gone after the forms, the report and
 * the 汇总表 were written) leaves nothing: no target, no temporary folder. */
static void
test_package_fails_whole (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autofree char *dir = g_dir_make_tmp ("zp-package-XXXXXX", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone.ziping", NULL);
  g_autofree char *out = g_build_filename (dir, "package", NULL);
  g_autofree char *zip = g_build_filename (dir, "package.zip", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (gone);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GFile) zip_target = g_file_new_for_path (zip);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;

  g_assert_false (zp_package_write (workbook, source, NULL, target, &files, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (files);
  g_clear_error (&error);
  g_assert_false (zp_package_write (workbook, source, NULL, zip_target, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Across units that follow different schemes, each unit's forms are graded by its own
 * bands, and the count per grade names every unit's grades, the first unit's first. */
static void
test_grade_bands_per_workbook (void)
{
  g_autoptr(ZpWorkbook) standard = load_seed ();
  g_autoptr(ZpWorkbook) own = load_seed ();
  g_autoptr(ZpSummaryTable) table = zp_summary_table_new (TRUE);
  g_autoptr(ZpSheet) sheet = NULL;
  ZpSchemeGradeBand bands[] = {
    { "top", "达标", zp_decimal_from_int (99) },
    { "rest", "未达标", zp_decimal_from_int (0) },
  };
  ZpIndicator *indicator = seed_indicator (own, 2, 0);   /* 10 人 of 10 分 */

  zp_scheme_set_grade_bands (zp_workbook_get_scheme (own), bands, G_N_ELEMENTS (bands));
  zp_indicator_set_actual (indicator, "5 人");           /* 5 分 lost: 95 */
  zp_indicator_set_actual (seed_indicator (standard, 2, 0), "5 人");
  zp_summary_table_add_workbook (table, standard, "standard.ziping", NULL, NULL);
  zp_summary_table_add_workbook (table, own, "own.ziping", NULL, NULL);
  g_assert_cmpuint (zp_summary_table_get_n_entries (table), ==, 8);

  /* 公务员医疗报销 at 95: 优 by the standard bands (≥ 90), 未达标 by the unit's own (< 99). */
  g_assert_cmpstr (zp_summary_table_get_entry (table, 2)->title, ==, "公务员医疗报销");
  g_assert_cmpstr (zp_summary_table_grade_name (table, zp_summary_table_get_entry (table, 2)->grade), ==, "优");
  g_assert_cmpstr (zp_summary_table_get_entry (table, 6)->title, ==, "公务员医疗报销");
  g_assert_cmpstr (zp_summary_table_grade_name (table, zp_summary_table_get_entry (table, 6)->grade), ==, "未达标");
  g_assert_cmpstr (zp_summary_table_grade_name (table, zp_summary_table_get_entry (table, 7)->grade), ==, "达标");

  sheet = zp_summary_table_layout (table, "绩效自评汇总表");
  {
    gboolean found = FALSE;

    for (guint row = 0; row < zp_sheet_get_n_rows (sheet) && !found; row++)
      found = g_strcmp0 (cell_text (sheet, row, 0),
                         "等级分布：优 4 个，良 0 个，中 0 个，差 0 个，达标 3 个，未达标 1 个") == 0;
    g_assert_true (found);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/seed-wuhan", test_seed_wuhan);
  g_test_add_func ("/report/follows-forms", test_follows_forms);
  g_test_add_func ("/report/without-department", test_without_department);
  g_test_add_func ("/report/self-evaluation-outline", test_self_evaluation_outline);
  g_test_add_func ("/report/length-limit", test_length_limit);
  g_test_add_func ("/report/template-data", test_template_data);
  g_test_add_func ("/report/grade-bands", test_grade_bands);
  g_test_add_func ("/report/grade-bands/from-scheme", test_grade_bands_from_scheme);
  g_test_add_func ("/report/grade-bands/per-workbook", test_grade_bands_per_workbook);
  g_test_add_func ("/report/write-text", test_write_text);
  g_test_add_func ("/report/summary-table", test_summary_table);
  g_test_add_func ("/report/evidence/file-format", test_evidence_file_format);
  g_test_add_func ("/report/evidence/states", test_evidence_states);
  g_test_add_func ("/report/package/fails-whole", test_package_fails_whole);
  return g_test_run ();
}
