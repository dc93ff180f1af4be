/* test-layout-forms.c — what issue 9 asks of the printed forms: the amount unit, the
 * rows' deviation notes gathered into the 湖北/武汉 analysis box, a total that says it is
 * incomplete, the form's own category points and every goal's rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zp-export.h"
#include "zp-layout.h"

static ZpWorkbook *
load_seed (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load (file, &error);

  g_assert_no_error (error);
  return workbook;
}

/* The cell in column `col` of the row whose column-0 cell reads `label`. */
static ZpCell *
cell_after (ZpSheet    *sheet,
            const char *label,
            guint       col)
{
  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    {
      ZpCell *cell = zp_sheet_get_cell (sheet, r, 0);

      if (cell != NULL && g_strcmp0 (cell->text, label) == 0)
        {
          ZpCell *found = zp_sheet_get_cell (sheet, r, col);

          g_assert_nonnull (found);
          return found;
        }
    }
  g_error ("no row “%s”", label);
  return NULL;
}

static gboolean
sheet_has_text (ZpSheet    *sheet,
                const char *text)
{
  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < ZP_SHEET_MAX_COLS; c++)
      {
        ZpCell *cell = zp_sheet_get_cell (sheet, r, c);

        if (cell != NULL && g_strcmp0 (cell->text, text) == 0)
          return TRUE;
      }
  return FALSE;
}

static void
test_amount_unit (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  g_autoptr(ZpSheet) wan = zp_layout_form (workbook, zp_workbook_get_form (workbook, 1), ZP_LAYOUT_HUBEI);
  g_autoptr(ZpSheet) yuan = NULL;
  g_autoptr(ZpSheet) central = NULL;

  g_assert_true (sheet_has_text (wan, "金额单位：万元"));
  g_assert_true (sheet_has_text (wan, "预算执行情况（万元）（20 分）"));

  zp_workbook_set_amount_unit (workbook, ZP_AMOUNT_UNIT_YUAN);
  yuan = zp_layout_form (workbook, zp_workbook_get_form (workbook, 1), ZP_LAYOUT_HUBEI);
  g_assert_true (sheet_has_text (yuan, "金额单位：元"));
  g_assert_false (sheet_has_text (yuan, "金额单位：万元"));
  g_assert_true (sheet_has_text (yuan, "预算执行情况（元）（20 分）"));

  central = zp_layout_form (workbook, zp_workbook_get_form (workbook, 1), ZP_LAYOUT_CENTRAL);
  g_assert_true (sheet_has_text (central, "项目资金（元）"));
}

static void
test_gathered_notes (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  ZpForm *form = zp_workbook_get_form (workbook, 1);
  ZpGoal *goal = zp_form_get_goal (form, 0);
  ZpIndicator *first = zp_goal_get_indicator (goal, 0);
  ZpIndicator *second = zp_goal_get_indicator (goal, 1);
  g_autoptr(ZpSheet) none = zp_layout_form (workbook, form, ZP_LAYOUT_HUBEI);
  g_autoptr(ZpSheet) gathered = NULL;
  g_autoptr(ZpSheet) written = NULL;
  g_autoptr(ZpSheet) central = NULL;
  g_autofree char *expected = NULL;

  /* No note anywhere: the box stays empty. */
  g_assert_cmpstr (cell_after (none, "偏差大或目标未完成原因分析", 1)->text, ==, "");

  zp_indicator_set_deviation_note (first, "部分数据延迟汇集");
  zp_indicator_set_deviation_note (second, " 次年一季度完成 ");
  expected = g_strdup_printf ("%s：部分数据延迟汇集\n%s：次年一季度完成",
                              zp_indicator_get_name (first), zp_indicator_get_name (second));
  gathered = zp_layout_form (workbook, form, ZP_LAYOUT_HUBEI);
  g_assert_cmpstr (cell_after (gathered, "偏差大或目标未完成原因分析", 1)->text, ==, expected);

  /* What the user wrote there wins. */
  zp_form_set_analysis (form, "资金到位较晚。");
  written = zp_layout_form (workbook, form, ZP_LAYOUT_HUBEI);
  g_assert_cmpstr (cell_after (written, "偏差大或目标未完成原因分析", 1)->text, ==, "资金到位较晚。");

  /* The 10号 layout has its note column: nothing gathered there. */
  zp_form_set_analysis (form, "");
  central = zp_layout_form (workbook, form, ZP_LAYOUT_CENTRAL);
  g_assert_false (sheet_has_text (central, expected));
  g_assert_true (sheet_has_text (central, "部分数据延迟汇集"));
}

/* The department form gathers across its goals too. */
static void
test_gathered_department (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  ZpIndicator *last_goal_row = zp_goal_get_indicator (zp_form_get_goal (form, 3), 0);
  g_autoptr(ZpSheet) sheet = NULL;
  g_autofree char *expected = NULL;

  zp_indicator_set_deviation_note (last_goal_row, "系统升级推迟");
  expected = g_strdup_printf ("%s：系统升级推迟", zp_indicator_get_name (last_goal_row));
  sheet = zp_layout_form (workbook, form, ZP_LAYOUT_HUBEI);
  g_assert_cmpstr (cell_after (sheet, "偏差大或目标未完成原因分析", 1)->text, ==, expected);
}

static void
test_incomplete_total (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  ZpForm *form = zp_workbook_get_form (workbook, 1);
  g_autoptr(ZpSheet) complete = zp_layout_form (workbook, form, ZP_LAYOUT_HUBEI);
  g_autoptr(ZpSheet) incomplete = NULL;
  ZpCell *cell;

  g_assert_cmpstr (cell_after (complete, "总分", 6)->text, ==, "100");
  zp_indicator_set_actual (zp_goal_get_indicator (zp_form_get_goal (form, 0), 0), "");
  incomplete = zp_layout_form (workbook, form, ZP_LAYOUT_HUBEI);
  cell = cell_after (incomplete, "总分", 6);
  g_assert_true (g_str_has_suffix (cell->text, ", 1 行未评分"));
  g_assert_cmpstr (cell->comment, ==, "1 行未评分，总分不完整");
}

/* A form's own points label its categories; every goal's rows are printed. */
static void
test_points_and_goals (void)
{
  g_autoptr(ZpWorkbook) workbook = load_seed ();
  ZpForm *form = zp_workbook_get_form (workbook, 1);
  g_autoptr(ZpGoal) second = zp_goal_new ();
  g_autoptr(ZpIndicator) row = zp_indicator_new ();
  g_autoptr(ZpSheet) sheet = NULL;
  g_autoptr(ZpSheet) central = NULL;

  zp_form_set_category_points (form, "产出指标", "60");
  zp_indicator_set_category (row, "效益指标");
  zp_indicator_set_name (row, "第二个目标的指标");
  zp_indicator_set_target (row, "≥1");
  zp_indicator_set_actual (row, "1");
  zp_indicator_set_weight (row, "1");
  zp_goal_insert_indicator (second, G_MAXUINT, row);
  zp_form_insert_goal (form, G_MAXUINT, second);

  sheet = zp_layout_form (workbook, form, ZP_LAYOUT_HUBEI);
  g_assert_true (sheet_has_text (sheet, "产出指标（60 分）"));
  g_assert_true (sheet_has_text (sheet, "第二个目标的指标"));
  zp_goal_set_text (zp_form_get_goal (form, 0), "第一个目标");
  zp_goal_set_text (second, "第二个目标");
  central = zp_layout_form (workbook, form, ZP_LAYOUT_CENTRAL);
  g_assert_true (sheet_has_text (central, "产出指标（60分）"));
  g_assert_true (sheet_has_text (central, "第二个目标的指标"));
  /* 预期目标 holds both goals, one per line. */
  g_assert_true (sheet_has_text (central, "第一个目标\n第二个目标"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout-forms/amount-unit", test_amount_unit);
  g_test_add_func ("/layout-forms/gathered-notes", test_gathered_notes);
  g_test_add_func ("/layout-forms/gathered-department", test_gathered_department);
  g_test_add_func ("/layout-forms/incomplete-total", test_incomplete_total);
  g_test_add_func ("/layout-forms/points-and-goals", test_points_and_goals);

  return g_test_run ();
}
