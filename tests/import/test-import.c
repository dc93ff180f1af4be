/* test-import.c — spreadsheets written by our own generator (make-fixtures.py), read back
 * into workbooks: every layout, the seed's four forms to the bundled example's figures,
 * Ziping's own export round trip, the decimals cells show, and the damaged set.
 *
 * The fixtures folder is the first argument (meson generates it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gsf/gsf.h>

#include "zp-import.h"
#include "zp-export.h"
#include "bench-generate.h"

static const char *fixtures;

static char *
fixture (const char *name)
{
  return g_build_filename (fixtures, name, NULL);
}

static ZpWorkbook *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load (file, &error);

  g_assert_no_error (error);
  return workbook;
}

/* Reads a file into a new workbook (scheme `scheme_id`). */
static ZpWorkbook *
import_file (const char  *path,
             const char  *scheme_id,
             ZpImport   **out_import)
{
  g_autoptr(GError) error = NULL;
  ZpImport *import = zp_import_read (path, NULL, &error);
  ZpWorkbook *workbook;

  g_assert_no_error (error);
  g_assert_nonnull (import);
  workbook = zp_workbook_new (scheme_id);
  zp_import_apply (import, workbook);
  if (out_import != NULL)
    *out_import = import;
  else
    zp_import_free (import);
  return workbook;
}

static gboolean
same_number (const char *printed,
             ZpDecimal   computed)
{
  ZpDecimal value;
  gboolean percent;

  return zp_decimal_parse (printed, &value, &percent)
         && zp_decimal_equal (zp_decimal_round (value, 2), zp_decimal_round (computed, 2));
}

/* The published figures an import keeps are what the sheet printed: here, forms printed
 * with Ziping's own figures, so they equal what it computes. Checked, then cleared, so
 * that the rest can be compared with a workbook that never had them. */
static void
check_and_clear_published (ZpWorkbook *workbook)
{
  for (guint f = 0; f < zp_workbook_get_n_forms (workbook); f++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, f);
      ZpDecimal rate;

      g_assert_true (same_number (zp_form_get_published_total (form), zp_form_get_total (form)));
      g_assert_true (same_number (zp_form_get_published_execution_score (form),
                                  zp_form_get_execution_score (form)));
      g_assert_true (zp_form_get_execution_rate (form, &rate));
      g_assert_true (same_number (zp_form_get_published_rate (form), rate));
      zp_form_set_published_total (form, "");
      zp_form_set_published_execution_score (form, "");
      zp_form_set_published_rate (form, "");
      for (guint g = 0; g < zp_form_get_n_goals (form); g++)
        {
          ZpGoal *goal = zp_form_get_goal (form, g);

          for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
            {
              ZpIndicator *ind = zp_goal_get_indicator (goal, i);

              g_assert_true (same_number (zp_indicator_get_published_score (ind),
                                          zp_indicator_get_score (ind)));
              zp_indicator_set_published_score (ind, "");
            }
        }
    }
}

static void
assert_same_workbook (ZpWorkbook *expected,
                      ZpWorkbook *actual)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  check_and_clear_published (actual);
  a = zp_workbook_to_data (expected, NULL);
  b = zp_workbook_to_data (actual, NULL);
  g_assert_cmpstr (b, ==, a);
}

static void
assert_score (ZpDecimal   value,
              const char *expected)
{
  g_autofree char *text = zp_decimal_format (value, 2);

  g_assert_cmpstr (text, ==, expected);
}

static ZpIndicator *
indicator (ZpWorkbook *workbook,
           guint       form,
           guint       goal,
           guint       row)
{
  return zp_goal_get_indicator (zp_form_get_goal (zp_workbook_get_form (workbook, form), goal), row);
}

static gboolean
has_note (ZpImport   *import,
          gboolean    needs_user,
          const char *where,
          const char *words)
{
  for (guint i = 0; i < import->notes->len; i++)
    {
      ZpImportNote *note = g_ptr_array_index (import->notes, i);

      if (note->needs_user == needs_user && strstr (note->where, where) != NULL
          && strstr (note->message, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The seed's four forms -------------------------------------------------------------- */

/* Every score and total as the example has them (the seed as published). */
static void
assert_seed_figures (ZpWorkbook *workbook)
{
  g_autoptr(ZpWorkbook) example = load_example ();

  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 4);
  for (guint f = 0; f < 4; f++)
    {
      ZpForm *a = zp_workbook_get_form (example, f);
      ZpForm *b = zp_workbook_get_form (workbook, f);

      g_assert_cmpstr (zp_form_get_total_text (b), ==, zp_form_get_total_text (a));
      g_assert_cmpstr (zp_form_get_execution_score_text (b), ==, zp_form_get_execution_score_text (a));
      g_assert_cmpstr (zp_form_get_execution_rate_text (b), ==, zp_form_get_execution_rate_text (a));
      g_assert_cmpuint (zp_form_get_n_goals (b), ==, zp_form_get_n_goals (a));
      for (guint g = 0; g < zp_form_get_n_goals (a); g++)
        {
          ZpGoal *ga = zp_form_get_goal (a, g), *gb = zp_form_get_goal (b, g);

          g_assert_cmpuint (zp_goal_get_n_indicators (gb), ==, zp_goal_get_n_indicators (ga));
          for (guint i = 0; i < zp_goal_get_n_indicators (ga); i++)
            {
              ZpIndicator *ia = zp_goal_get_indicator (ga, i), *ib = zp_goal_get_indicator (gb, i);

              g_assert_cmpstr (zp_indicator_get_name (ib), ==, zp_indicator_get_name (ia));
              g_assert_cmpstr (zp_indicator_get_weight (ib), ==, zp_indicator_get_weight (ia));
              g_assert_cmpstr (zp_indicator_get_score_text (ib), ==, zp_indicator_get_score_text (ia));
            }
        }
    }
  assert_score (zp_form_get_total (zp_workbook_get_form (workbook, 0)), "100.00");
  g_assert_cmpstr (zp_indicator_get_weight (indicator (workbook, 1, 0, 5)), ==, "2.5");
}

static void
test_seed_xlsx (void)
{
  g_autofree char *path = fixture ("seed.xlsx");
  g_autoptr(ZpImport) import = NULL;
  g_autoptr(ZpWorkbook) workbook = import_file (path, NULL, &import);
  g_autoptr(ZpWorkbook) example = load_example ();

  assert_seed_figures (workbook);
  /* Every field: the file is the example, byte for byte, once saved. */
  assert_same_workbook (example, workbook);
  g_assert_false (zp_import_needs_user (import));
  /* Where fields came from: the WPS-style leading row and column are counted. */
  g_assert_cmpstr (((ZpImportForm *) import->forms->pdata[0])->where, ==, "整体自评表!A3");
  g_assert_cmpstr (((ZpImportForm *) import->forms->pdata[0])->published_total, ==, "100");
  g_assert_cmpstr (((ZpImportForm *) import->forms->pdata[1])->published_rate, ==, "100%");
  g_assert_cmpstr (g_hash_table_lookup (((ZpImportForm *) import->forms->pdata[1])->category_points,
                                        "产出指标"), ==, "40");
}

static void
test_seed_other_kind (gconstpointer data)
{
  g_autofree char *path = fixture (data);
  g_autoptr(ZpWorkbook) workbook = import_file (path, NULL, NULL);
  g_autoptr(ZpWorkbook) example = load_example ();

  assert_seed_figures (workbook);
  assert_same_workbook (example, workbook);
}

/* Ziping's own export ------------------------------------------------------------------ */

static void
test_export_round_trip (void)
{
  g_autoptr(ZpWorkbook) example = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("zp-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "example.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpImport) import = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;

  g_assert_true (zp_export_workbook (example, ZP_EXPORT_FORMAT_XLSX, NULL, file, &error));
  g_assert_no_error (error);
  workbook = import_file (path, NULL, &import);
  assert_same_workbook (example, workbook);
  assert_seed_figures (workbook);
  /* The 汇总表 sheet holds no form and adds none. */
  g_assert_cmpuint (import->forms->len, ==, 4);
  g_unlink (path);
  g_rmdir (dir);
}

/* A hand score (marked "*" with its reason below the table) comes back as one. */
static void
test_export_round_trip_override (void)
{
  g_autoptr(ZpWorkbook) example = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("zp-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "override.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  ZpIndicator *ind = indicator (example, 1, 0, 0);

  zp_indicator_set_manual_score (ind, "1.5");
  zp_indicator_set_manual_reason (ind, "巡检记录不全");
  g_assert_true (zp_export_workbook (example, ZP_EXPORT_FORMAT_XLSX, NULL, file, &error));
  g_assert_no_error (error);
  workbook = import_file (path, NULL, NULL);
  ind = indicator (workbook, 1, 0, 0);
  g_assert_cmpstr (zp_indicator_get_manual_score (ind), ==, "1.5");
  g_assert_cmpstr (zp_indicator_get_manual_reason (ind), ==, "巡检记录不全");
  assert_score (zp_form_get_total (zp_workbook_get_form (workbook, 1)), "99.50");
  g_unlink (path);
  g_rmdir (dir);
}

/* A generated district workbook (60 projects: met, over-achieved and missed rows, deviation
 * notes, fund rows) exported in the 10号 layout, which prints weights and notes, comes back
 * whole. The workbook's own 主管部门 is not printed on any form: it is the one field set
 * by hand here. */
static void
test_district_round_trip (void)
{
  g_autoptr(ZpWorkbook) district = bench_generate_workbook (60);
  g_autofree char *dir = g_dir_make_tmp ("zp-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "district.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpImport) import = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  ZpExportOptions options = { -1, "central" };

  g_assert_true (zp_export_workbook (district, ZP_EXPORT_FORMAT_XLSX, &options, file, &error));
  g_assert_no_error (error);
  workbook = import_file (path, "hubei", &import);
  g_assert_false (zp_import_needs_user (import));
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 61);
  zp_workbook_set_department (workbook, zp_workbook_get_department (district));
  assert_same_workbook (district, workbook);
  g_unlink (path);
  g_rmdir (dir);
}

/* The other layouts ---------------------------------------------------------------------- */

static void
test_central (void)
{
  g_autofree char *path = fixture ("central.xlsx");
  g_autoptr(ZpImport) import = NULL;
  g_autoptr(ZpWorkbook) workbook = import_file (path, "central", &import);
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  ZpProjectForm *project = ZP_PROJECT_FORM (form);
  ZpGoal *goal = zp_form_get_goal (form, 0);

  g_assert_cmpuint (zp_workbook_get_year (workbook), ==, 2024);
  g_assert_cmpstr (zp_project_form_get_name (project), ==, "城市道路养护");
  g_assert_cmpstr (zp_project_form_get_implementer (project), ==, "区道路养护中心");
  g_assert_cmpstr (zp_form_get_initial_budget (form), ==, "200.00");
  g_assert_cmpstr (zp_form_get_budget (form), ==, "250.00");
  /* 215.45760000000001 shown with two places */
  g_assert_cmpstr (zp_form_get_spent (form), ==, "215.46");
  g_assert_cmpstr (zp_project_form_get_fund (project, ZP_FUND_CARRYOVER, ZP_FUND_FIELD_BUDGET), ==, "20.00");
  g_assert_cmpstr (zp_project_form_get_fund (project, ZP_FUND_CURRENT, ZP_FUND_FIELD_SPENT), ==, "200.00");
  g_assert_cmpstr (zp_goal_get_text (goal), ==, "完成主次干道养护 120 公里");
  g_assert_cmpstr (zp_goal_get_achieved (goal), ==, "完成 100 公里");
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 4);
  g_assert_cmpstr (zp_indicator_get_category (zp_goal_get_indicator (goal, 1)), ==, "产出指标");
  g_assert_cmpstr (zp_indicator_get_weight (zp_goal_get_indicator (goal, 0)), ==, "30");
  g_assert_cmpstr (zp_indicator_get_deviation_note (zp_goal_get_indicator (goal, 0)), ==, "雨季延误");
  g_assert_cmpstr (zp_indicator_get_score_text (zp_goal_get_indicator (goal, 0)), ==, "25.00");
  g_assert_cmpstr (zp_indicator_get_score_text (zp_goal_get_indicator (goal, 3)), ==, "9.44");
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "86.18%");
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "8.62");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "93.06");
  /* The published total is wrong (92.06): kept and shown beside Ziping's. */
  g_assert_true (has_note (import, FALSE, "10号项目表!A1", "92.06"));
  g_assert_cmpstr (zp_form_get_published_total (form), ==, "92.06");
  g_assert_cmpstr (zp_form_get_published_rate (form), ==, "86.18%");
  g_assert_cmpstr (zp_form_get_published_execution_score (form), ==, "8.62");
  g_assert_cmpstr (zp_indicator_get_published_score (zp_goal_get_indicator (goal, 3)), ==, "9.44");
  g_assert_false (zp_import_needs_user (import));
  g_assert_cmpint (((ZpImportForm *) import->forms->pdata[0])->layout, ==, ZP_IMPORT_LAYOUT_CENTRAL);
}

/* Read under another scheme, a form keeps the points it prints as its own. */
static void
test_central_under_hubei (void)
{
  g_autofree char *path = fixture ("central.xlsx");
  g_autoptr(ZpImport) import = NULL;
  g_autoptr(ZpWorkbook) workbook = import_file (path, "hubei", &import);
  ZpForm *form = zp_workbook_get_form (workbook, 0);

  g_assert_cmpstr (zp_form_get_category_points (form, "产出指标"), ==, "50");
  g_assert_null (zp_form_get_category_points (form, "效益指标"));  /* 30 as the scheme's */
  g_assert_true (has_note (import, FALSE, "10号项目表!A1", "budget execution 10 points"));
}

static void
test_template (void)
{
  g_autofree char *path = fixture ("template.xlsx");
  g_autoptr(ZpImport) import = NULL;
  g_autoptr(ZpWorkbook) workbook = import_file (path, "central", &import);
  ZpGoal *goal = zp_form_get_goal (zp_workbook_get_form (workbook, 0), 0);
  ZpIndicator *first = zp_goal_get_indicator (goal, 0);
  ZpIndicator *qualitative = zp_goal_get_indicator (goal, 2);
  ZpImportIndicator *src;

  g_assert_cmpint (((ZpImportForm *) import->forms->pdata[0])->layout, ==, ZP_IMPORT_LAYOUT_TEMPLATE);
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 4);
  /* 计算符号 and 计量单位 join the value. */
  g_assert_cmpstr (zp_indicator_get_target (first), ==, "≥500人次");
  g_assert_cmpstr (zp_indicator_get_actual (first), ==, "420人次");
  g_assert_cmpstr (zp_indicator_get_calc_symbol (first), ==, "≥");
  g_assert_cmpstr (zp_indicator_get_measure_unit (first), ==, "人次");
  g_assert_cmpint (zp_indicator_get_effective_direction (first), ==, ZP_DIRECTION_POSITIVE);
  g_assert_cmpstr (zp_indicator_get_published_score (first), ==, "16.8");
  g_assert_cmpstr (zp_indicator_get_weight (first), ==, "20");
  g_assert_cmpstr (zp_indicator_get_score_text (first), ==, "16.80");
  g_assert_cmpstr (zp_indicator_get_deviation_note (first), ==, "疫情影响");
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 1)), ==, "≤30天");
  g_assert_cmpint (zp_indicator_get_effective_direction (qualitative), ==, ZP_DIRECTION_QUALITATIVE);
  g_assert_cmpstr (zp_indicator_get_score_text (qualitative), ==, "30.00");
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 3)), ==, "≥90%");
  g_assert_cmpstr (zp_indicator_get_actual (zp_goal_get_indicator (goal, 3)), ==, "95%");
  assert_score (zp_form_get_indicator_score (zp_workbook_get_form (workbook, 0)), "86.80");
  src = g_ptr_array_index (((ZpImportGoal *) ((ZpImportForm *) import->forms->pdata[0])->goals->pdata[0])->indicators, 0);
  g_assert_cmpstr (src->description, ==, "完成 420 人次");
  g_assert_cmpstr (src->deduction, ==, "3.2");
}

static void
test_targets (void)
{
  g_autofree char *path = fixture ("targets.xlsx");
  g_autoptr(ZpImport) import = NULL;
  g_autoptr(ZpWorkbook) workbook = import_file (path, NULL, &import);
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  ZpGoal *goal = zp_form_get_goal (form, 0);

  g_assert_cmpint (((ZpImportForm *) import->forms->pdata[0])->layout, ==, ZP_IMPORT_LAYOUT_TARGETS);
  g_assert_cmpuint (zp_workbook_get_year (workbook), ==, 2025);
  g_assert_cmpstr (zp_project_form_get_name (ZP_PROJECT_FORM (form)), ==, "社区养老服务");
  g_assert_cmpstr (zp_project_form_get_department (ZP_PROJECT_FORM (form)), ==, "区民政局");
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (zp_indicator_get_actual (zp_goal_get_indicator (goal, i)), ==, "");
      g_assert_cmpint (zp_indicator_get_state (zp_goal_get_indicator (goal, i)), ==, ZP_INDICATOR_STATE_UNSCORED);
    }
  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 0)), ==, "≥1000人");
  g_assert_cmpstr (zp_indicator_get_weight (zp_goal_get_indicator (goal, 1)), ==, "30");
  g_assert_false (zp_import_needs_user (import));
}

/* No 分值 column and rows not met: weights are derived where they can be, never made up. */
static void
test_partial_weights (void)
{
  g_autofree char *path = fixture ("partial.xlsx");
  g_autoptr(ZpImport) import = NULL;
  g_autoptr(ZpWorkbook) workbook = import_file (path, NULL, &import);
  ZpGoal *goal = zp_form_get_goal (zp_workbook_get_form (workbook, 0), 0);
  ZpImportGoal *src = ((ZpImportForm *) import->forms->pdata[0])->goals->pdata[0];

  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 5);
  /* 培训人次 and 完成时限 are not met and share 产出's 40 with 合格率: no weight. */
  g_assert_cmpstr (zp_indicator_get_weight (zp_goal_get_indicator (goal, 0)), ==, "");
  g_assert_cmpint (((ZpImportIndicator *) src->indicators->pdata[0])->weight_source, ==, ZP_WEIGHT_MISSING);
  g_assert_cmpstr (zp_indicator_get_weight (zp_goal_get_indicator (goal, 1)), ==, "20");
  g_assert_cmpint (((ZpImportIndicator *) src->indicators->pdata[1])->weight_source, ==, ZP_WEIGHT_FROM_SCORE);
  g_assert_cmpstr (zp_indicator_get_weight (zp_goal_get_indicator (goal, 2)), ==, "");
  /* 就业人数 is 效益's only row: its weight is the category's 30 points. */
  g_assert_cmpstr (zp_indicator_get_weight (zp_goal_get_indicator (goal, 3)), ==, "30");
  g_assert_cmpint (((ZpImportIndicator *) src->indicators->pdata[3])->weight_source, ==, ZP_WEIGHT_FROM_REMAINDER);
  g_assert_cmpstr (zp_indicator_get_score_text (zp_goal_get_indicator (goal, 3)), ==, "24.00");
  g_assert_true (zp_import_needs_user (import));
  g_assert_true (has_note (import, TRUE, "cell D6", "培训人次"));
  g_assert_true (has_note (import, TRUE, "cell D8", "完成时限"));
  g_assert_false (has_note (import, TRUE, "cell D9", ""));
  g_assert_cmpstr (zp_form_get_execution_rate_text (zp_workbook_get_form (workbook, 0)), ==, "90.00%");
}

/* The decimals cells show ----------------------------------------------------------------- */

static void
test_numbers (void)
{
  g_autoptr(ZpGrid) grid = zp_grid_new ("t", "test");
  ZpGridCell c;
  int places;
  gboolean percent;

  g_assert_true (zp_grid_number_cell (grid, "0.8999999999999999", -1, FALSE, &c));
  g_assert_cmpstr (c.text, ==, "0.9");
  g_assert_true (zp_grid_number_cell (grid, "1848.8199999999999", -1, FALSE, &c));
  g_assert_cmpstr (c.text, ==, "1848.82");
  g_assert_true (zp_grid_number_cell (grid, "0.95", 0, TRUE, &c));
  g_assert_cmpstr (c.text, ==, "95%");
  g_assert_true (c.percent);
  g_assert_true (zp_grid_number_cell (grid, "0.86183040000000005", 2, TRUE, &c));
  g_assert_cmpstr (c.text, ==, "86.18%");
  g_assert_true (zp_grid_number_cell (grid, "0.8", 2, FALSE, &c));
  g_assert_cmpstr (c.text, ==, "0.80");
  g_assert_true (zp_grid_number_cell (grid, "2.675", 2, FALSE, &c));
  g_assert_cmpstr (c.text, ==, "2.68");
  g_assert_true (zp_grid_number_cell (grid, "1E-17", -1, FALSE, &c));
  g_assert_cmpstr (c.text, ==, "0");
  g_assert_false (zp_grid_number_cell (grid, "1e300", -1, FALSE, &c));
  g_assert_false (zp_grid_number_cell (grid, "abc", -1, FALSE, &c));

  zp_grid_format_code_info ("0.00%", &places, &percent);
  g_assert_cmpint (places, ==, 2);
  g_assert_true (percent);
  zp_grid_format_code_info ("#,##0.00_ ;[Red]-#,##0.00", &places, &percent);
  g_assert_cmpint (places, ==, 2);
  g_assert_false (percent);
  zp_grid_format_code_info ("0.0\"%\"", &places, &percent);
  g_assert_cmpint (places, ==, 1);
  g_assert_false (percent);
  zp_grid_format_code_info ("yyyy-mm-dd", &places, &percent);
  g_assert_cmpint (places, ==, -1);
  zp_grid_builtin_format_info (10, &places, &percent);
  g_assert_cmpint (places, ==, 2);
  g_assert_true (percent);
}

/* Cells arriving out of order and merges read as their top-left value. */
static void
test_grid_merges (void)
{
  g_autoptr(ZpGrid) grid = zp_grid_new ("t", "test");
  ZpGridSheet *sheet = zp_grid_add_sheet (grid, "s");
  g_autoptr(GError) error = NULL;

  g_assert_true (zp_grid_add_text (grid, sheet, 5, 3, "末", &error));
  g_assert_true (zp_grid_add_text (grid, sheet, 0, 0, "产出指标（40 分）", &error));
  g_assert_true (zp_grid_add_text (grid, sheet, 0, 0, "产出指标（50 分）", &error));  /* the last wins */
  zp_grid_add_merge (sheet, 0, 0, 2, 1);
  zp_grid_add_merge (sheet, 4, 0, 1000000, 16000);  /* clipped to the cells' extent */
  g_assert_true (zp_grid_finish_sheet (grid, sheet, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zp_grid_sheet_text (sheet, 2, 1), ==, "产出指标（50 分）");
  g_assert_true (zp_grid_sheet_get (sheet, 2, 1)->merged);
  g_assert_false (zp_grid_sheet_get (sheet, 0, 0)->merged);
  g_assert_cmpstr (zp_grid_sheet_text (sheet, 3, 0), ==, "");
  g_assert_cmpstr (zp_grid_sheet_text (sheet, 5, 3), ==, "末");
  g_assert_cmpuint (sheet->n_rows, ==, 6);
}

/* Pasted rows ------------------------------------------------------------------------ */

static ZpIndicator *
pasted (GPtrArray *rows,
        guint      i)
{
  return g_ptr_array_index (rows, i);
}

static void
test_paste (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* A header in another order, a merge copied as blanks, a quoted cell with a line break. */
  rows = zp_import_parse_rows ("具体指标名称\t一级指标\t二级指标\t年初目标值（A）\t实际完成值（B）\t分值\r\n"
                               "培训人次\t产出指标（40 分）\t数量指标\t≥500人\t420人\t10\r\n"
                               "\"合格\n率\"\t\t质量指标\t100%\t100%\t5\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (zp_indicator_get_name (pasted (rows, 0)), ==, "培训人次");
  g_assert_cmpstr (zp_indicator_get_category (pasted (rows, 0)), ==, "产出指标");
  g_assert_cmpstr (zp_indicator_get_target (pasted (rows, 0)), ==, "≥500人");
  g_assert_cmpstr (zp_indicator_get_weight (pasted (rows, 0)), ==, "10");
  g_assert_cmpstr (zp_indicator_get_name (pasted (rows, 1)), ==, "合格\n率");
  g_assert_cmpstr (zp_indicator_get_category (pasted (rows, 1)), ==, "产出指标");
  g_assert_cmpstr (zp_indicator_get_subcategory (pasted (rows, 1)), ==, "质量指标");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* No header: the table's order, the subcategory repeated where the copy left it blank. */
  rows = zp_import_parse_rows ("产出指标\t数量指标\t巡检次数\t≥12次\t12次\t2\t\n"
                               "\t\t维修次数\t≥4次\t3次\t2\t备件不足\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (zp_indicator_get_subcategory (pasted (rows, 1)), ==, "数量指标");
  g_assert_cmpstr (zp_indicator_get_actual (pasted (rows, 1)), ==, "3次");
  g_assert_cmpstr (zp_indicator_get_deviation_note (pasted (rows, 1)), ==, "备件不足");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The 一体化 template's columns, and the table's English headings. */
  rows = zp_import_parse_rows ("一级指标\t二级指标\t三级指标名称\t计算符号\t指标值\t*实际完成值\t计量单位\t*分值\n"
                               "产出指标\t数量指标\t培训人次\t≥\t500\t420\t人次\t20\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zp_indicator_get_target (pasted (rows, 0)), ==, "≥500人次");
  g_assert_cmpstr (zp_indicator_get_actual (pasted (rows, 0)), ==, "420人次");
  g_assert_cmpstr (zp_indicator_get_calc_symbol (pasted (rows, 0)), ==, "≥");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = zp_import_parse_rows ("Category\tSubcategory\tIndicator\tTarget\tActual\tWeight\tScore\tDeviation Note\n"
                               "效益指标\t社会效益指标\t就业人数\t≥100人\t80人\t30\t24.00\t招聘延迟\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zp_indicator_get_weight (pasted (rows, 0)), ==, "30");
  g_assert_cmpstr (zp_indicator_get_deviation_note (pasted (rows, 0)), ==, "招聘延迟");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Nothing to paste. */
  rows = zp_import_parse_rows ("\t\t\n\n", &error);
  g_assert_null (rows);
  g_assert_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_NO_FORM);
}

/* Bad input --------------------------------------------------------------------------- */

static void
test_damaged (gconstpointer data)
{
  const char *const *item = data;
  g_autofree char *path = fixture (item[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpImport) import = zp_import_read (path, NULL, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (import);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ZP_IMPORT_ERROR);
  /* The message names the file and says what went wrong. */
  g_assert_nonnull (strstr (error->message, base));
  if (strstr (error->message, item[1]) == NULL)
    g_error ("%s: “%s” does not say “%s”", item[0], error->message, item[1]);
}

static const char *const damaged[][2] = {
  { "damaged/truncated.xlsx", "damaged zip" },
  { "damaged/empty.xlsx", "empty" },
  { "damaged/not-a-spreadsheet.xls", "not a spreadsheet" },
  { "damaged/pk-only.xlsx", "damaged zip" },
  { "damaged/bad-xml.xlsx", "sheet “坏表” is damaged" },
  { "damaged/bad-sst.xlsx", "cell A1" },
  { "damaged/bad-ref.xlsx", "ZZZZZ99999999" },
  { "damaged/huge-merge.xlsx", "merged cells" },
  { "damaged/huge-dimension.xlsx", "no self-evaluation" },
  { "damaged/entities.xlsx", "damaged" },
  { "damaged/deep.xlsx", "no self-evaluation" },  /* read without recursion: harmless */
  { "damaged/backwards.xlsx", "no self-evaluation" },
  { "damaged/no-workbook.xlsx", "not a spreadsheet" },
  { "no-form.xlsx", "no self-evaluation" },
};

/* A password-protected .xlsx is an OLE2 file holding EncryptionInfo: say so. */
static void
test_encrypted (void)
{
  g_autofree char *dir = g_dir_make_tmp ("zp-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "secret.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  GsfOutput *out = gsf_output_stdio_new (path, &error);
  GsfOutfile *ole;
  GsfOutput *stream;
  ZpImport *import;

  g_assert_no_error (error);
  ole = gsf_outfile_msole_new (out);
  stream = gsf_outfile_new_child (ole, "EncryptionInfo", FALSE);
  gsf_output_write (stream, 8, (const guint8 *) "\x04\x00\x04\x00\x40\x00\x00\x00");
  gsf_output_close (stream);
  g_object_unref (stream);
  stream = gsf_outfile_new_child (ole, "EncryptedPackage", FALSE);
  gsf_output_write (stream, 8, (const guint8 *) "12345678");
  gsf_output_close (stream);
  g_object_unref (stream);
  gsf_output_close (GSF_OUTPUT (ole));
  g_object_unref (ole);
  g_object_unref (out);

  import = zp_import_read (path, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "secret.xlsx"));
  g_unlink (path);
  g_rmdir (dir);
}

/* .xls (BIFF8) -------------------------------------------------------------------------- */

static char *xls_dir;

/* .xls copies of the generated files, made by LibreOffice with a fresh profile. A missing
 * LibreOffice fails the tests that need it. */
static void
make_xls_copies (void)
{
  g_autofree char *profile = g_dir_make_tmp ("zp-lo-XXXXXX", NULL);
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=file://", profile, NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *seed = fixture ("seed.xlsx");
  g_autofree char *central = fixture ("central.xlsx");
  g_autofree char *template = fixture ("template.xlsx");
  g_autoptr(GError) error = NULL;
  int status = -1;

  xls_dir = g_dir_make_tmp ("zp-xls-XXXXXX", NULL);
  if (soffice != NULL)
    {
      const char *argv[] = { soffice, profile_arg, "--headless", "--convert-to", "xls",
                             "--outdir", xls_dir, seed, central, template, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, &error);
    }
}

static char *
xls_copy (const char *name)
{
  char *path = g_build_filename (xls_dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: LibreOffice (soffice) must be installed to make the .xls copies", path);
  return path;
}

static void
test_seed_xls (void)
{
  g_autofree char *path = xls_copy ("seed.xls");
  g_autoptr(ZpWorkbook) workbook = import_file (path, NULL, NULL);
  g_autoptr(ZpWorkbook) example = load_example ();

  assert_seed_figures (workbook);
  assert_same_workbook (example, workbook);
}

static void
test_central_xls (void)
{
  g_autofree char *path = xls_copy ("central.xls");
  g_autoptr(ZpWorkbook) workbook = import_file (path, "central", NULL);
  ZpForm *form = zp_workbook_get_form (workbook, 0);

  g_assert_cmpstr (zp_form_get_spent (form), ==, "215.46");
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "86.18%");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "93.06");
  g_assert_cmpstr (zp_project_form_get_fund (ZP_PROJECT_FORM (form), ZP_FUND_CARRYOVER,
                                             ZP_FUND_FIELD_SPENT), ==, "15.46");
}

static void
test_template_xls (void)
{
  g_autofree char *path = xls_copy ("template.xls");
  g_autoptr(ZpWorkbook) workbook = import_file (path, "central", NULL);
  ZpGoal *goal = zp_form_get_goal (zp_workbook_get_form (workbook, 0), 0);

  g_assert_cmpstr (zp_indicator_get_target (zp_goal_get_indicator (goal, 0)), ==, "≥500人次");
  g_assert_cmpstr (zp_indicator_get_score_text (zp_goal_get_indicator (goal, 0)), ==, "16.80");
}

/* The Workbook stream of seed.xls, to damage. */
static GBytes *
read_workbook_stream (void)
{
  g_autofree char *path = xls_copy ("seed.xls");
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *ole;
  GsfInput *stream;
  gsf_off_t size;
  guint8 *data;

  g_assert_no_error (error);
  ole = gsf_infile_msole_new (input, &error);
  g_assert_no_error (error);
  stream = gsf_infile_child_by_name (ole, "Workbook");
  g_assert_nonnull (stream);
  size = gsf_input_size (stream);
  data = g_malloc (size);
  g_assert_nonnull (gsf_input_read (stream, size, data));
  g_object_unref (stream);
  g_object_unref (ole);
  g_object_unref (input);
  return g_bytes_new_take (data, size);
}

static void
write_ole2 (const char   *path,
            const guint8 *data,
            gsize         length)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *out = gsf_output_stdio_new (path, &error);
  GsfOutfile *ole;
  GsfOutput *stream;

  g_assert_no_error (error);
  ole = gsf_outfile_msole_new (out);
  stream = gsf_outfile_new_child (ole, "Workbook", FALSE);
  gsf_output_write (stream, length, data);
  gsf_output_close (stream);
  g_object_unref (stream);
  gsf_output_close (GSF_OUTPUT (ole));
  g_object_unref (ole);
  g_object_unref (out);
}

/* The offset of the first record of `type`, or G_MAXSIZE. */
static gsize
find_record (const guint8 *data,
             gsize         length,
             guint         type)
{
  for (gsize pos = 0; pos + 4 <= length; pos += 4 + (data[pos + 2] | data[pos + 3] << 8))
    if ((guint) (data[pos] | data[pos + 1] << 8) == type)
      return pos;
  return G_MAXSIZE;
}

/* Imports a damaged copy; returns the error (NULL when it read). */
static GError *
import_damaged (const guint8 *data,
                gsize         length)
{
  g_autofree char *dir = g_dir_make_tmp ("zp-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.xls", NULL);
  GError *error = NULL;
  ZpImport *import;

  write_ole2 (path, data, length);
  import = zp_import_read (path, NULL, &error);
  if (import != NULL)
    {
      g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);

      zp_import_apply (import, workbook);
      zp_import_free (import);
    }
  g_unlink (path);
  g_rmdir (dir);
  return error;
}

static void
test_xls_damaged (void)
{
  g_autoptr(GBytes) bytes = read_workbook_stream ();
  gsize length;
  const guint8 *orig = g_bytes_get_data (bytes, &length);
  g_autofree guint8 *data = g_memdup2 (orig, length);
  GError *error;
  gsize at;

  /* Cut in the middle of a record. */
  at = find_record (orig, length, 0x00FD);  /* LABELSST */
  g_assert_cmpuint (at, !=, G_MAXSIZE);
  error = import_damaged (orig, at + 7);
  g_assert_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged.xls"));
  g_clear_error (&error);

  /* A shared string that is not there: the cell is named. */
  data[at + 4 + 6] = data[at + 4 + 7] = data[at + 4 + 8] = data[at + 4 + 9] = 0x7f;
  error = import_damaged (data, length);
  g_assert_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "cell "));
  g_clear_error (&error);
  memcpy (data, orig, length);

  /* A record claiming more bytes than the stream has. */
  at = find_record (orig, length, 0x00FC);  /* SST */
  g_assert_cmpuint (at, !=, G_MAXSIZE);
  data[at + 2] = data[at + 3] = 0xff;
  error = import_damaged (data, length);
  g_assert_nonnull (error);
  g_clear_error (&error);
  memcpy (data, orig, length);

  /* An SST counting four billion strings. */
  data[at + 8] = data[at + 9] = data[at + 10] = data[at + 11] = 0xff;
  error = import_damaged (data, length);
  g_clear_error (&error);
  memcpy (data, orig, length);

  /* A merge over the whole sheet. */
  at = find_record (orig, length, 0x00E5);  /* MERGEDCELLS */
  g_assert_cmpuint (at, !=, G_MAXSIZE);
  data[at + 4 + 2] = data[at + 4 + 3] = 0;          /* first row 0 */
  data[at + 4 + 4] = data[at + 4 + 5] = 0xff;       /* last row 65535 */
  data[at + 4 + 6] = data[at + 4 + 7] = 0;
  data[at + 4 + 8] = 0xff, data[at + 4 + 9] = 0;    /* last column 255 */
  error = import_damaged (data, length);
  g_clear_error (&error);
  memcpy (data, orig, length);

  /* Bytes flipped all over the stream, again and again: errors, never a crash. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (8);

    for (guint round = 0; round < 150; round++)
      {
        for (guint k = 0; k < 12; k++)
          data[g_rand_int_range (rand, 0, (gint32) length)] = (guint8) g_rand_int (rand);
        error = import_damaged (data, length);
        g_clear_error (&error);
        memcpy (data, orig, length);
      }
  }
}

/* A password (FILEPASS after the first BOF) is named as such. */
static void
test_xls_password (void)
{
  g_autoptr(GBytes) bytes = read_workbook_stream ();
  gsize length;
  const guint8 *orig = g_bytes_get_data (bytes, &length);
  gsize bof_len = 4 + (orig[2] | orig[3] << 8);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  static const guint8 filepass[] = { 0x2f, 0x00, 0x06, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00 };
  GError *error;

  g_byte_array_append (data, orig, bof_len);
  g_byte_array_append (data, filepass, sizeof filepass);
  g_byte_array_append (data, orig + bof_len, length - bof_len);
  error = import_damaged (data->data, data->len);
  g_assert_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "password"));
  g_clear_error (&error);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-import FIXTURES-FOLDER");
  fixtures = argv[1];

  g_test_add_func ("/import/grid/numbers", test_numbers);
  g_test_add_func ("/import/grid/merges", test_grid_merges);
  g_test_add_func ("/import/paste", test_paste);
  g_test_add_func ("/import/seed/xlsx", test_seed_xlsx);
  g_test_add_data_func ("/import/seed/spreadsheetml", "seed-2003.xml", test_seed_other_kind);
  g_test_add_data_func ("/import/seed/html", "seed-html.xls", test_seed_other_kind);
  g_test_add_func ("/import/export/round-trip", test_export_round_trip);
  g_test_add_func ("/import/export/round-trip-override", test_export_round_trip_override);
  g_test_add_func ("/import/export/district-round-trip", test_district_round_trip);
  g_test_add_func ("/import/layout/central", test_central);
  g_test_add_func ("/import/layout/central-under-hubei", test_central_under_hubei);
  g_test_add_func ("/import/layout/template", test_template);
  g_test_add_func ("/import/layout/targets", test_targets);
  g_test_add_func ("/import/layout/partial-weights", test_partial_weights);
  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/damaged/%s", strrchr (damaged[i][0], '/')
                                               ? strrchr (damaged[i][0], '/') + 1 : damaged[i][0]);

      g_test_add_data_func (name, damaged[i], test_damaged);
    }
  g_test_add_func ("/import/damaged/encrypted", test_encrypted);
  g_test_add_func ("/import/xls/seed", test_seed_xls);
  g_test_add_func ("/import/xls/central", test_central_xls);
  g_test_add_func ("/import/xls/template", test_template_xls);
  g_test_add_func ("/import/xls/damaged", test_xls_damaged);
  g_test_add_func ("/import/xls/password", test_xls_password);

  make_xls_copies ();
  status = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (xls_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (xls_dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (xls_dir);
  }
  return status;
}
