/* test-export.c — the layout model cell by cell, the report's pages, CSV and the
 * all-or-nothing file writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "zp-export.h"
#include "zp-layout.h"
#include "zp-sheet-split.h"

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
  g_assert_nonnull (workbook);
  return workbook;
}

static ZpCell *
cell_at (ZpSheet *sheet,
         guint    row,
         guint    col)
{
  ZpCell *cell = zp_sheet_get_cell (sheet, row, col);

  if (cell == NULL)
    g_error ("no cell starts at row %u, column %u", row + 1, col + 1);
  return cell;
}

static void
assert_cell (ZpSheet    *sheet,
             guint       row,
             guint       col,
             const char *text,
             guint       row_span,
             guint       col_span)
{
  ZpCell *cell = cell_at (sheet, row, col);

  g_assert_cmpstr (cell->text, ==, text);
  g_assert_cmpuint (cell->row_span, ==, row_span);
  g_assert_cmpuint (cell->col_span, ==, col_span);
}

/* The row whose column-`col` cell reads `text`. */
static guint
find_row (ZpSheet    *sheet,
          guint       col,
          const char *text)
{
  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    {
      ZpCell *cell = zp_sheet_get_cell (sheet, r, col);

      if (cell != NULL && g_strcmp0 (cell->text, text) == 0)
        return r;
    }
  g_error ("no “%s” in column %u", text, col + 1);
  return 0;
}

static void
test_ref (void)
{
  g_autofree char *a1 = zp_sheet_ref (0, 0);
  g_autofree char *g7 = zp_sheet_ref (6, 6);
  g_autofree char *aa10 = zp_sheet_ref (9, 26);

  g_assert_cmpstr (a1, ==, "A1");
  g_assert_cmpstr (g7, ==, "G7");
  g_assert_cmpstr (aa10, ==, "AA10");
}

static void
test_department (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpSheet) sheet = zp_layout_form (workbook, zp_workbook_get_form (workbook, 0),
                                             ZP_LAYOUT_HUBEI);
  guint total;
  ZpCell *cell;

  assert_cell (sheet, 0, 0, "2024 年度江岸区大数据中心整体绩效自评表", 1, 7);
  assert_cell (sheet, 1, 0, "金额单位：万元", 1, 7);
  assert_cell (sheet, 2, 1, "江岸区大数据中心", 1, 6);
  assert_cell (sheet, 3, 1, "217.30", 1, 2);
  assert_cell (sheet, 3, 3, "项目支出总额", 1, 1);
  assert_cell (sheet, 3, 4, "1849.33", 1, 3);

  /* 部门整体支出总额 2066.63 2066.63 100% 20 */
  assert_cell (sheet, 4, 0, "预算执行情况（万元）（20 分）", 2, 1);
  assert_cell (sheet, 4, 5, "得分（20 分*执行率）", 1, 2);
  assert_cell (sheet, 5, 1, "部门整体支出总额", 1, 1);
  assert_cell (sheet, 5, 2, "2066.63", 1, 1);
  assert_cell (sheet, 5, 3, "2066.63", 1, 1);
  assert_cell (sheet, 5, 4, "100%", 1, 1);
  assert_cell (sheet, 5, 5, "20", 1, 2);
  g_assert_cmpstr (cell_at (sheet, 5, 4)->formula, ==, "D6/C6");
  g_assert_cmpstr (cell_at (sheet, 5, 5)->formula, ==, "ROUND(20*MIN(D6/C6,1),2)");
  g_assert_cmpint (cell_at (sheet, 5, 2)->kind, ==, ZP_CELL_AMOUNT);

  /* Goal 1: its text, then the heading merged down over the heading and 4 rows. */
  assert_cell (sheet, 6, 0, "年度绩效目标 1（20 分）", 1, 1);
  assert_cell (sheet, 6, 1, "加强政务网络运行维护，保障政务网络畅通；加强数据归集管理，建强区级数据资源池", 1, 6);
  assert_cell (sheet, 7, 0, "年度绩效指标", 5, 1);
  assert_cell (sheet, 7, 3, "三级指标", 1, 1);
  g_assert_cmpint (zp_sheet_get_row (sheet, 7)->kind, ==, ZP_ROW_HEADER);
  assert_cell (sheet, 8, 1, "产出指标", 2, 1);   /* no points on the department form */
  assert_cell (sheet, 8, 2, "数量指标", 1, 1);
  assert_cell (sheet, 8, 4, "不少于 1 亿条数据", 1, 1);
  assert_cell (sheet, 8, 6, "5", 1, 1);
  assert_cell (sheet, 9, 2, "质量指标", 1, 1);
  g_assert_null (zp_sheet_get_cell (sheet, 9, 1));  /* covered by 产出指标 */

  /* Goal 2: 产出指标 over 4 rows, 数量指标 and 质量指标 over 2 each. */
  assert_cell (sheet, 12, 0, "年度绩效目标 2（20 分）", 1, 1);
  assert_cell (sheet, 13, 0, "年度绩效指标", 7, 1);
  assert_cell (sheet, 14, 1, "产出指标", 4, 1);
  assert_cell (sheet, 14, 2, "数量指标", 2, 1);
  assert_cell (sheet, 16, 2, "质量指标", 2, 1);

  total = find_row (sheet, 0, "总分");
  assert_cell (sheet, total, 0, "总分", 1, 6);
  cell = cell_at (sheet, total, 6);
  g_assert_cmpstr (cell->text, ==, "100");
  g_assert_nonnull (cell->formula);
  g_assert_true (g_str_has_prefix (cell->formula, "SUM(F6,G6:G"));
  assert_cell (sheet, total + 1, 0, "偏差大或目标未完成原因分析", 1, 1);
  assert_cell (sheet, total + 2, 0, "改进措施及结果应用方案", 1, 1);
  assert_cell (sheet, total + 3, 0, "单位负责人：", 1, 2);
  assert_cell (sheet, total + 4, 4, "（盖章）", 1, 3);
  g_assert_cmpuint (zp_sheet_get_n_rows (sheet), ==, total + 5);
}

static void
test_project_hubei (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpSheet) sheet = zp_layout_form (workbook, zp_workbook_get_form (workbook, 1),
                                             ZP_LAYOUT_HUBEI);
  guint total;

  /* The workbook's short unit (单位简称), as the seed prints it here. */
  assert_cell (sheet, 0, 0, "2024 年度江岸大数据中心项目自评表", 1, 7);
  assert_cell (sheet, 1, 0, "（科技条件专项）", 1, 7);
  assert_cell (sheet, 3, 0, "项目名称", 1, 1);
  /* Without a short unit the full one is printed. */
  {
    g_autoptr(ZpSheet) full = NULL;

    zp_workbook_set_unit_short (workbook, "");
    full = zp_layout_form (workbook, zp_workbook_get_form (workbook, 1), ZP_LAYOUT_HUBEI);
    assert_cell (full, 0, 0, "2024 年度江岸区大数据中心项目自评表", 1, 7);
  }
  assert_cell (sheet, 3, 1, "科技条件专项", 1, 6);
  assert_cell (sheet, 4, 1, "区经科局", 1, 2);
  assert_cell (sheet, 4, 3, "项目实施单位", 1, 1);
  assert_cell (sheet, 4, 4, "区大数据中心", 1, 3);
  assert_cell (sheet, 5, 1, "1、部门预算项目 ☑ 2、区级专项 □ 3、专项转移支付项目 □", 1, 6);
  assert_cell (sheet, 6, 1, "1、持续性项目 ☑ 2、新增性项目 □", 1, 6);
  assert_cell (sheet, 7, 1, "1、常年性项目 ☑ 2、延续性项目 □ 3、一次性项目 □", 1, 6);
  assert_cell (sheet, 8, 0, "预算执行情况（万元）（20 分）", 2, 1);
  assert_cell (sheet, 9, 1, "年度财政资金总额", 1, 1);
  assert_cell (sheet, 9, 2, "0.80", 1, 1);
  assert_cell (sheet, 9, 4, "100%", 1, 1);
  assert_cell (sheet, 9, 5, "20", 1, 2);

  /* 23 indicators under the heading: A merged over 24 rows. */
  assert_cell (sheet, 10, 0, "年度绩效目标（80 分）", 24, 1);
  assert_cell (sheet, 10, 3, "具体指标名称", 1, 1);
  assert_cell (sheet, 11, 1, "产出指标（40 分）", 15, 1);
  assert_cell (sheet, 11, 2, "数量指标", 5, 1);
  assert_cell (sheet, 16, 2, "质量指标", 4, 1);
  assert_cell (sheet, 16, 6, "2.5", 1, 1);
  assert_cell (sheet, 24, 2, "成本指标", 2, 1);
  assert_cell (sheet, 26, 1, "效益指标（30 分）", 5, 1);
  assert_cell (sheet, 31, 1, "满意度指标（10 分）", 3, 1);
  assert_cell (sheet, 33, 3, "在职人员满意度", 1, 1);

  total = find_row (sheet, 0, "总分");
  g_assert_cmpuint (total, ==, 34);
  assert_cell (sheet, total, 6, "100", 1, 1);
  g_assert_cmpstr (cell_at (sheet, total, 6)->formula, ==, "SUM(F10,G11:G34)");
  g_assert_cmpint (sheet->repeat_row, ==, 10);
  g_assert_cmpuint (zp_sheet_get_row (sheet, 10)->scope_last, ==, 33);
}

static void
test_project_central (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpSheet) sheet = zp_layout_form (workbook, zp_workbook_get_form (workbook, 2),
                                             ZP_LAYOUT_CENTRAL);
  guint heading, total;

  g_assert_cmpuint (sheet->n_cols, ==, 9);
  assert_cell (sheet, 0, 0, "项目支出绩效自评表", 1, 9);
  assert_cell (sheet, 1, 0, "（2024 年度）", 1, 9);
  assert_cell (sheet, 2, 1, "公务员医疗报销", 1, 8);
  assert_cell (sheet, 3, 4, "实施单位", 1, 1);
  assert_cell (sheet, 4, 0, "项目资金（万元）", 5, 1);
  assert_cell (sheet, 4, 5, "分值", 1, 1);
  assert_cell (sheet, 5, 1, "年度资金总额", 1, 1);
  assert_cell (sheet, 5, 3, "0.39", 1, 1);
  assert_cell (sheet, 5, 5, "20", 1, 1);
  assert_cell (sheet, 5, 6, "100%", 1, 1);
  assert_cell (sheet, 5, 7, "20", 1, 2);
  assert_cell (sheet, 6, 1, "其中：当年财政拨款", 1, 1);
  assert_cell (sheet, 6, 5, "—", 1, 1);
  assert_cell (sheet, 6, 7, "—", 1, 2);
  assert_cell (sheet, 8, 1, "其他资金", 1, 1);
  assert_cell (sheet, 9, 0, "年度总体目标", 2, 1);
  assert_cell (sheet, 9, 1, "预期目标", 1, 4);
  assert_cell (sheet, 9, 5, "实际完成情况", 1, 4);

  heading = find_row (sheet, 0, "绩效指标");
  assert_cell (sheet, heading, 6, "分值", 1, 1);
  assert_cell (sheet, heading, 8, "偏差原因分析及改进措施", 1, 1);
  assert_cell (sheet, heading + 1, 1, "产出指标（40分）", 4, 1);
  assert_cell (sheet, heading + 1, 6, "10", 1, 1);
  assert_cell (sheet, heading + 1, 7, "10", 1, 1);

  total = find_row (sheet, 0, "总分");
  assert_cell (sheet, total, 0, "总分", 1, 6);
  assert_cell (sheet, total, 6, "100", 1, 1);
  assert_cell (sheet, total, 7, "100", 1, 1);
}

static void
test_override (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  ZpForm *form = zp_workbook_get_form (workbook, 3);
  ZpIndicator *indicator = zp_goal_get_indicator (zp_form_get_goal (form, 0), 0);
  g_autoptr(ZpSheet) sheet = NULL;
  ZpCell *score;
  guint row;

  zp_indicator_set_manual_score (indicator, "8");
  zp_indicator_set_manual_reason (indicator, "名单核对延误");
  sheet = zp_layout_form (workbook, form, ZP_LAYOUT_HUBEI);

  score = cell_at (sheet, 11, 6);
  g_assert_cmpstr (score->text, ==, "8*");
  g_assert_true (score->has_value);
  g_assert_cmpstr (score->comment, ==, "人工评分：名单核对延误");
  g_assert_cmpstr (cell_at (sheet, find_row (sheet, 0, "总分"), 6)->text, ==, "98");
  row = find_row (sheet, 0, "人工评分说明");
  assert_cell (sheet, row, 1, "带 * 的得分为人工评分。子女未满 18 周岁的职工人数：名单核对延误；", 1, 6);
  g_assert_cmpstr (cell_at (sheet, row + 1, 0)->text, ==, "单位负责人：");
}

static void
test_summary (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  const guint forms[] = { 0, 1, 2, 3 };
  const ZpSummaryLink links[] = {
    { "江岸区大数据中心", 5, 4, 5, 5, 34, 6 },
    { "O'Brien", 9, 4, 9, 5, 34, 6 },
    { "c", 9, 4, 9, 5, 18, 6 },
    { "d", 9, 4, 9, 5, 18, 6 },
  };
  g_autoptr(ZpSheet) sheet = zp_layout_summary (workbook, forms, 4, links);

  assert_cell (sheet, 1, 1, "自评表", 1, 1);
  assert_cell (sheet, 2, 1, "江岸区大数据中心", 1, 1);
  assert_cell (sheet, 2, 2, "100%", 1, 1);
  assert_cell (sheet, 2, 3, "20", 1, 1);
  assert_cell (sheet, 2, 4, "80", 1, 1);
  assert_cell (sheet, 2, 5, "100", 1, 1);
  assert_cell (sheet, 5, 1, "子女统筹", 1, 1);
  g_assert_cmpstr (cell_at (sheet, 2, 2)->formula, ==, "'江岸区大数据中心'!E6");
  g_assert_cmpstr (cell_at (sheet, 3, 5)->formula, ==, "'O''Brien'!G35");
  g_assert_cmpstr (cell_at (sheet, 3, 4)->formula, ==, "F4-SUM(D4)");
}

static void
test_report_pages (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  ZpExportOptions one = { 1, "hubei" };
  g_autoptr(ZpReport) all = zp_report_new (workbook, NULL);
  g_autoptr(ZpReport) single = zp_report_new (workbook, &one);
  guint n_all = zp_report_paginate (all, ZP_A4_WIDTH, ZP_A4_HEIGHT);
  guint n_single = zp_report_paginate (single, ZP_A4_WIDTH, ZP_A4_HEIGHT);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, w, h;

  /* Each form starts a page; 23 indicators do not fit one A4 page. */
  g_assert_cmpuint (n_single, ==, 2);
  g_assert_cmpuint (n_all, >=, 4 + 1 + 1);
  g_assert_false (zp_report_prefers_landscape (all));

  zp_report_draw_page (single, cr, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  /* Something drawn, and nothing past the margins. */
  g_assert_cmpfloat (w, >, 100);
  g_assert_cmpfloat (x, >=, 30);
  g_assert_cmpfloat (x + w, <=, ZP_A4_WIDTH - 30);
  g_assert_cmpfloat (y + h, <=, ZP_A4_HEIGHT - 10);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A PDF holds NUL bytes: search it as bytes. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Amounts too wide for the 10号 columns of a portrait page: drawn smaller there, so the
 * PDF export turns the page. */
static void
test_report_landscape (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  ZpForm *form = zp_workbook_get_form (workbook, 1);
  ZpExportOptions central = { 1, "central" };
  g_autoptr(ZpReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zp-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "wide.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, w, h;

  zp_form_set_initial_budget (form, "123456789012.34");
  zp_form_set_budget (form, "123456789012.34");
  zp_form_set_spent (form, "123456789012.34");
  report = zp_report_new (workbook, &central);

  zp_report_paginate (report, ZP_A4_WIDTH, ZP_A4_HEIGHT);
  g_assert_true (zp_report_prefers_landscape (report));
  /* Even so nothing crosses the right margin. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  zp_report_draw_page (report, cr, 0);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  g_assert_cmpfloat (x + w, <=, ZP_A4_WIDTH - 30);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  zp_report_paginate (report, ZP_A4_HEIGHT, ZP_A4_WIDTH);
  g_assert_false (zp_report_prefers_landscape (report));

  file = g_file_new_for_path (path);
  g_assert_true (zp_export_workbook (workbook, ZP_EXPORT_FORMAT_PDF, &central, file, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (contains_bytes (contents, length, "/MediaBox [ 0 0 841.89 595.28 ]"));
  g_unlink (path);
  g_rmdir (dir);
}

/* A text longer than a page: its row fits the page and nothing crosses the bottom. */
static void
test_report_long_text (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  ZpForm *form = zp_workbook_get_form (workbook, 2);
  ZpIndicator *indicator = zp_goal_get_indicator (zp_form_get_goal (form, 0), 0);
  ZpExportOptions central = { 2, "central" };
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(ZpReport) report = NULL;
  guint n_pages;

  for (guint i = 0; i < 300; i++)
    g_string_append (note, "偏差原因很长很长，");
  zp_indicator_set_deviation_note (indicator, note->str);
  report = zp_report_new (workbook, &central);
  n_pages = zp_report_paginate (report, ZP_A4_WIDTH, ZP_A4_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 2);

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h;

      zp_report_draw_page (report, cr, page);
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      g_assert_cmpfloat (y, >=, 20);
      g_assert_cmpfloat (y + h, <=, ZP_A4_HEIGHT - 10);
      g_assert_cmpfloat (x + w, <=, ZP_A4_WIDTH - 30);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_report_empty (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  g_autoptr(ZpReport) report = zp_report_new (workbook, NULL);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-zp/out.pdf");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (zp_report_paginate (report, ZP_A4_WIDTH, ZP_A4_HEIGHT), ==, 0);
  zp_report_draw_page (report, cr, 0);  /* a print dialog's blank page: no critical */
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_false (zp_export_workbook (workbook, ZP_EXPORT_FORMAT_PDF, NULL, file, &error));
  g_assert_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_INVALID);
}

static ZpWorkbook *
tricky_workbook (void)
{
  ZpWorkbook *workbook = zp_workbook_new (NULL);
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();
  ZpGoal *goal = zp_project_form_get_overall_goal (project);

  zp_workbook_set_year (workbook, 2025);
  zp_workbook_set_unit (workbook, "测试单位");
  zp_project_form_set_name (project, "项目 A, \"引号\"");
  zp_form_set_budget (ZP_FORM (project), "100");
  zp_form_set_spent (ZP_FORM (project), "86.18");
  zp_indicator_set_category (indicator, "产出指标");
  zp_indicator_set_subcategory (indicator, "数量指标");
  zp_indicator_set_name (indicator, "培训人次");
  zp_indicator_set_target (indicator, "≥500人");
  zp_indicator_set_actual (indicator, "420");
  zp_indicator_set_weight (indicator, "10");
  zp_indicator_set_deviation_note (indicator, "报名不足，\n下年提前\"宣传\"");
  zp_goal_insert_indicator (goal, G_MAXUINT, indicator);
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  return workbook;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("zp-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_csv (void)
{
  g_autoptr(ZpWorkbook) workbook = tricky_workbook ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (zp_export_workbook (workbook, ZP_EXPORT_FORMAT_CSV, NULL, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF表,年度绩效目标,一级指标,"));
  g_assert_nonnull (strstr (contents,
                            "\r\n\"项目 A, \"\"引号\"\"\",,产出指标,数量指标,培训人次,≥500人,420,10,8.4,"
                            "\"报名不足，\n下年提前\"\"宣传\"\"\"\r\n"));
  g_assert_cmpuint (count_entries (dir), ==, 1);  /* no temporary file left */
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  for (ZpExportFormat format = ZP_EXPORT_FORMAT_XLSX; format <= ZP_EXPORT_FORMAT_CSV; format++)
    {
      g_assert_false (zp_export_workbook (workbook, format, NULL, file, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, missing));
      g_clear_error (&error);

      /* A folder is not overwritten. */
      g_assert_false (zp_export_workbook (workbook, format, NULL, dir_file, &error));
      g_assert_nonnull (strstr (error->message, dir));
      g_clear_error (&error);
    }
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_rmdir (dir);
}

static void
test_existing_kept (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  ZpExportOptions bad_form = { 9, NULL };
  ZpExportOptions bad_layout = { -1, "provincial" };

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  g_assert_false (zp_export_workbook (workbook, ZP_EXPORT_FORMAT_PDF, &bad_form, file, &error));
  g_assert_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zp_export_workbook (workbook, ZP_EXPORT_FORMAT_XLSX, &bad_layout, file, &error));
  g_assert_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_INVALID);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_free (g_steal_pointer (&contents));

  /* A good export replaces it whole. */
  g_assert_true (zp_export_workbook (workbook, ZP_EXPORT_FORMAT_PDF, NULL, file, NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

/* Rows continued below row 10 (zero-based; "11" in a formula) move what is below down. */
static void
test_formula_shift (void)
{
  const struct { const char *formula, *shifted; } cases[] = {
    { "SUM(F10,G11:G34)", "SUM(F10,G11:G39)" },
    { "D12/C12", "D17/C17" },
    { "ROUND(20*MIN(D6/C6,1),2)", "ROUND(20*MIN(D6/C6,1),2)" },
    { "'子女统筹'!G35", "'子女统筹'!G35" },
    { "'it''s G40'!G40-SUM(H40)", "'it''s G40'!G40-SUM(H45)" },
    { "LOG10(G12)", "LOG10(G17)" },
    { "$G$12+G$12", "$G$17+G$17" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shifted = zp_formula_shift_rows (cases[i].formula, 10, 5);

      g_assert_cmpstr (shifted, ==, cases[i].shifted);
    }
}

/* A continued cell: the label beside it spans the new rows, the rows below move down. */
static void
test_continue_cell (void)
{
  const double widths[] = { 10, 30 };
  g_autoptr(ZpSheet) sheet = zp_sheet_new ("s", 2, widths);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize at[] = { 3, 6 };
  ZpCell *total;

  zp_sheet_add_row (sheet, ZP_ROW_HEADER);
  zp_sheet_add_cell (sheet, 0, 2, ZP_CELL_STYLE_HEADER, "heading");
  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 0, 1, ZP_CELL_STYLE_LABEL, "label");
  zp_sheet_add_cell (sheet, 1, 1, ZP_CELL_STYLE_TEXT, "abcdefghi");
  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  total = zp_sheet_add_cell (sheet, 1, 1, ZP_CELL_STYLE_NUMBER, "");
  total->formula = g_strdup ("SUM(B2:B3)");
  zp_sheet_get_row (sheet, 0)->scope_last = 2;
  sheet->total_row = 2;

  g_array_append_vals (cuts, at, 2);
  zp_sheet_continue_cell (sheet, 1, 1, cuts);

  g_assert_cmpuint (zp_sheet_get_n_rows (sheet), ==, 5);
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 1, 1)->text, ==, "abc");
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 2, 1)->text, ==, "def");
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 3, 1)->text, ==, "ghi");
  g_assert_cmpuint (zp_sheet_get_cell (sheet, 1, 0)->row_span, ==, 3);
  g_assert_cmpuint (zp_sheet_get_cell (sheet, 0, 0)->row_span, ==, 1);
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 4, 1)->formula, ==, "SUM(B2:B5)");
  g_assert_cmpint (sheet->total_row, ==, 4);
  g_assert_cmpuint (zp_sheet_get_row (sheet, 0)->scope_last, ==, 4);
}

/* Two long texts in one row continue side by side, each in its own column. */
static void
test_continue_row (void)
{
  const double widths[] = { 10, 20, 20 };
  g_autoptr(ZpSheet) sheet = zp_sheet_new ("s", 3, widths);
  g_autoptr(GArray) long_cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) short_cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize long_at[] = { 2, 4 }, short_at[] = { 3 };
  GArray *cuts[3] = { NULL, NULL, NULL };

  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 0, 1, ZP_CELL_STYLE_LABEL, "label");
  zp_sheet_add_cell (sheet, 1, 1, ZP_CELL_STYLE_TEXT, "aabbcc");
  zp_sheet_add_cell (sheet, 2, 1, ZP_CELL_STYLE_TEXT, "xxxyy");
  g_array_append_vals (long_cuts, long_at, 2);
  g_array_append_vals (short_cuts, short_at, 1);
  cuts[1] = long_cuts;
  cuts[2] = short_cuts;

  zp_sheet_continue_row (sheet, 0, cuts);

  g_assert_cmpuint (zp_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (zp_sheet_get_cell (sheet, 0, 0)->row_span, ==, 3);
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 0, 1)->text, ==, "aa");
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 1, 1)->text, ==, "bb");
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 2, 1)->text, ==, "cc");
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 0, 2)->text, ==, "xxx");
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 1, 2)->text, ==, "yy");
  /* Below the shorter text: an empty cell that keeps the column's borders. */
  g_assert_nonnull (zp_sheet_get_cell (sheet, 2, 2));
  g_assert_cmpstr (zp_sheet_get_cell (sheet, 2, 2)->text, ==, "");
  g_assert_cmpint (zp_sheet_get_cell (sheet, 2, 2)->style, ==, ZP_CELL_STYLE_TEXT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/sheet/ref", test_ref);
  g_test_add_func ("/export/layout/department", test_department);
  g_test_add_func ("/export/layout/project-hubei", test_project_hubei);
  g_test_add_func ("/export/layout/project-central", test_project_central);
  g_test_add_func ("/export/layout/override", test_override);
  g_test_add_func ("/export/layout/summary", test_summary);
  g_test_add_func ("/export/report/pages", test_report_pages);
  g_test_add_func ("/export/report/landscape", test_report_landscape);
  g_test_add_func ("/export/report/long-text", test_report_long_text);
  g_test_add_func ("/export/report/empty", test_report_empty);
  g_test_add_func ("/export/csv/quoting", test_csv);
  g_test_add_func ("/export/file/unwritable", test_unwritable);
  g_test_add_func ("/export/file/existing-kept", test_existing_kept);
  g_test_add_func ("/export/sheet/formula-shift", test_formula_shift);
  g_test_add_func ("/export/sheet/continue-cell", test_continue_cell);
  g_test_add_func ("/export/sheet/continue-row", test_continue_row);
  return g_test_run ();
}
