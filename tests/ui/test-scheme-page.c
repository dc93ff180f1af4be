/* test-scheme-page.c — the scheme page of Workbook Properties: each edit reaches the
 * scheme and the forms' scores at once, and undo brings both back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-scheme-page.h"
#include "zp-undo-stack.h"

#include "zp-test-ui.h"

static ZpWorkbook *
make_workbook (void)
{
  ZpWorkbook *workbook = zp_workbook_new ("hubei");
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  ZpGoal *goal = zp_project_form_get_overall_goal (project);
  g_autoptr(ZpIndicator) row = zp_indicator_new ();
  g_autoptr(ZpIndicator) graded = zp_indicator_new ();

  zp_form_set_budget (ZP_FORM (project), "3");
  zp_form_set_spent (ZP_FORM (project), "2");
  zp_indicator_set_category (row, "产出指标");
  zp_indicator_set_target (row, "≥500人");
  zp_indicator_set_actual (row, "420人");
  zp_indicator_set_weight (row, "10");
  zp_goal_insert_indicator (goal, G_MAXUINT, row);
  zp_indicator_set_category (graded, "效益指标");
  zp_indicator_set_target (graded, "≤90万元");
  zp_indicator_set_actual (graded, "100万元");
  zp_indicator_set_weight (graded, "10");
  zp_goal_insert_indicator (goal, G_MAXUINT, graded);
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  return workbook;
}

static GtkSpinButton *
spin (ZpSchemePage *page,
      const char   *setting)
{
  GtkWidget *widget = zp_test_find_widget (GTK_WIDGET (page), setting);

  g_assert_true (GTK_IS_SPIN_BUTTON (widget));
  return GTK_SPIN_BUTTON (widget);
}

static AdwComboRow *
combo (ZpSchemePage *page,
       const char   *setting)
{
  GtkWidget *widget = zp_test_find_widget (GTK_WIDGET (page), setting);

  g_assert_true (ADW_IS_COMBO_ROW (widget));
  return ADW_COMBO_ROW (widget);
}

static void
test_edits_and_undo (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  ZpSchemePage *page = zp_scheme_page_new (workbook, undo);
  GtkWidget *window = gtk_window_new ();
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  ZpIndicator *reverse = zp_goal_get_indicator (zp_form_get_goal (form, 0), 1);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));

  /* The widgets show the scheme. */
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (page, "execution-weight")), ==, 20);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (page, "category:产出指标")), ==, 40);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (page, "band-partial")), ==, 50);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (page, "execution-threshold")), ==, 90);
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "13.33");

  /* Execution weight 30: the form rescores at once (the live preview). */
  gtk_spin_button_set_value (spin (page, "execution-weight"), 30);
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "20.00");
  gtk_spin_button_set_value (spin (page, "decimals"), 1);
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "20.0");

  /* The linear reverse formula: 10 × (2 × 90 − 100) / 90 = 8.9 */
  g_assert_cmpstr (zp_indicator_get_score_text (reverse), ==, "9.0");
  adw_combo_row_set_selected (combo (page, "reverse-formula"), ZP_REVERSE_FORMULA_LINEAR);
  g_assert_cmpint (zp_scheme_get_reverse_formula (scheme), ==, ZP_REVERSE_FORMULA_LINEAR);
  g_assert_cmpstr (zp_indicator_get_score_text (reverse), ==, "8.9");

  gtk_spin_button_set_value (spin (page, "category:产出指标"), 50);
  g_assert_true (zp_decimal_equal (zp_scheme_get_category_weight (scheme, 0), zp_decimal_from_int (50)));
  adw_combo_row_set_selected (combo (page, "category-split"), ZP_CATEGORY_SPLIT_FREE);
  adw_combo_row_set_selected (combo (page, "not-applicable"), ZP_NOT_APPLICABLE_RESCALE);
  adw_combo_row_set_selected (combo (page, "amount-unit"), ZP_AMOUNT_UNIT_YUAN);
  adw_combo_row_set_selected (combo (page, "layout"), 1);
  g_assert_cmpint (zp_workbook_get_amount_unit (workbook), ==, ZP_AMOUNT_UNIT_YUAN);
  g_assert_cmpstr (zp_scheme_get_layout (scheme), ==, "central");
  g_assert_cmpint (zp_scheme_get_not_applicable (scheme), ==, ZP_NOT_APPLICABLE_RESCALE);

  /* Undo everything, step by step: the scheme, the scores and the widgets come back. */
  while (zp_undo_stack_can_undo (undo))
    zp_undo_stack_undo (undo);
  g_assert_true (zp_decimal_equal (zp_scheme_get_execution_weight (scheme), zp_decimal_from_int (20)));
  g_assert_cmpuint (zp_scheme_get_decimals (scheme), ==, 2);
  g_assert_cmpint (zp_scheme_get_reverse_formula (scheme), ==, ZP_REVERSE_FORMULA_RATIO);
  g_assert_cmpint (zp_scheme_get_category_split (scheme), ==, ZP_CATEGORY_SPLIT_FIXED);
  g_assert_cmpint (zp_workbook_get_amount_unit (workbook), ==, ZP_AMOUNT_UNIT_WAN_YUAN);
  g_assert_cmpstr (zp_scheme_get_layout (scheme), ==, "hubei");
  g_assert_true (zp_decimal_equal (zp_scheme_get_category_weight (scheme, 0), zp_decimal_from_int (40)));
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "13.33");
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (page, "execution-weight")), ==, 20);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (page, "category:产出指标")), ==, 40);
  g_assert_cmpuint (adw_combo_row_get_selected (combo (page, "reverse-formula")), ==, ZP_REVERSE_FORMULA_RATIO);
  g_assert_cmpuint (adw_combo_row_get_selected (combo (page, "amount-unit")), ==, ZP_AMOUNT_UNIT_WAN_YUAN);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Starting from a built-in is one step, undone at once. */
static void
test_start_from_builtin (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  ZpSchemePage *page = zp_scheme_page_new (workbook, undo);
  GtkWidget *window = gtk_window_new ();
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);
  ZpForm *form = zp_workbook_get_form (workbook, 0);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));

  adw_combo_row_set_selected (combo (page, "builtin"), 2);   /* sichuan */
  g_signal_emit_by_name (zp_test_find_widget (GTK_WIDGET (page), "apply-builtin"), "clicked");
  g_assert_true (zp_decimal_equal (zp_scheme_get_execution_weight (scheme), zp_decimal_from_int (10)));
  g_assert_cmpint (zp_scheme_get_category_split (scheme), ==, ZP_CATEGORY_SPLIT_FREE);
  g_assert_cmpstr (zp_scheme_get_layout (scheme), ==, "central");
  g_assert_cmpstr (zp_scheme_get_id (scheme), ==, "hubei");
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "6.67");
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (page, "execution-weight")), ==, 10);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (page, "band-partial")), ==, 60);

  g_assert_true (zp_undo_stack_undo (undo));
  g_assert_false (zp_undo_stack_can_undo (undo));
  g_assert_true (zp_decimal_equal (zp_scheme_get_execution_weight (scheme), zp_decimal_from_int (20)));
  g_assert_cmpint (zp_scheme_get_category_split (scheme), ==, ZP_CATEGORY_SPLIT_FIXED);
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "13.33");
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (page, "band-partial")), ==, 50);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The grade bands' rows the page shows, highest first. */
static guint
n_grade_rows (ZpSchemePage *page)
{
  g_autoptr(GPtrArray) rows = zp_test_find_all_widgets (GTK_WIDGET (page), "grade-band");

  return rows->len;
}

static void
assert_grade_row (ZpSchemePage *page,
                  guint         i,
                  const char   *title,
                  const char   *subtitle)
{
  g_autoptr(GPtrArray) rows = zp_test_find_all_widgets (GTK_WIDGET (page), "grade-band");
  AdwActionRow *row;

  g_assert_cmpuint (i, <, rows->len);
  row = g_ptr_array_index (rows, i);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, subtitle);
}

/* The grade bands are shown read-only, follow the scheme, and "Start from" restores the
 * built-in ones. */
static void
test_grade_bands (void)
{
  g_autoptr(ZpWorkbook) workbook = make_workbook ();
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  ZpSchemePage *page = zp_scheme_page_new (workbook, undo);
  GtkWidget *window = gtk_window_new ();
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);
  ZpSchemeGradeBand bands[] = {
    { "pass", "合格", zp_decimal_from_int (60) },
    { "fail", "不合格", zp_decimal_from_int (0) },
  };

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpuint (n_grade_rows (page), ==, 4);
  assert_grade_row (page, 0, "优", "90 points and above");
  assert_grade_row (page, 2, "中", "60 points and above");
  assert_grade_row (page, 3, "差", "below 60 points");

  zp_scheme_set_grade_bands (scheme, bands, G_N_ELEMENTS (bands));
  g_assert_cmpuint (n_grade_rows (page), ==, 2);
  assert_grade_row (page, 0, "合格", "60 points and above");
  assert_grade_row (page, 1, "不合格", "below 60 points");

  adw_combo_row_set_selected (combo (page, "builtin"), 0);   /* hubei */
  g_signal_emit_by_name (zp_test_find_widget (GTK_WIDGET (page), "apply-builtin"), "clicked");
  g_assert_true (zp_scheme_has_default_grade_bands (scheme));
  g_assert_cmpuint (n_grade_rows (page), ==, 4);
  assert_grade_row (page, 1, "良", "80 points and above");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  zp_test_ui_init (&argc, &argv);

  g_test_add_func ("/scheme-page/edits-and-undo", test_edits_and_undo);
  g_test_add_func ("/scheme-page/start-from-builtin", test_start_from_builtin);
  g_test_add_func ("/scheme-page/grade-bands", test_grade_bands);

  return g_test_run ();
}
