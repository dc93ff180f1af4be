/* test-published-forms.c — a form of each kind issue 9 names, as a test file
 * (tests/core/data/, figures made up in the published layouts' shapes): each loads, scores
 * and checks as the published form would, and the checks that must fire do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ziping-core.h"

static ZpWorkbook *
load (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "..", "..", "tests", "core",
                                            "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load (file, &error);

  g_assert_no_error (error);
  return workbook;
}

/* The findings' codes in order, space-separated. */
static char *
codes (ZpWorkbook *workbook)
{
  g_autoptr(GListStore) findings = zp_check_workbook (workbook);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", zp_finding_get_code (finding));
    }
  return g_string_free (out, FALSE);
}

static void
test_published_errors (void)
{
  g_autoptr(ZpWorkbook) workbook = load ("published-central-yuan.ziping");
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  g_autofree char *found = codes (workbook);

  g_assert_cmpint (zp_workbook_get_amount_unit (workbook), ==, ZP_AMOUNT_UNIT_YUAN);
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "86.18%");
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "8.62");
  g_assert_cmpstr (zp_form_get_total_display_text (form), ==, "98.62");
  g_assert_cmpstr (found, ==, "published-rate published-score published-total published-score");
  /* "指标8：适龄儿童疫苗接种率" is a name, not a placeholder. */
  g_assert_null (strstr (found, "placeholder"));
}

static void
test_hubei_split (void)
{
  g_autoptr(ZpWorkbook) workbook = load ("hubei-20-split.ziping");
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  g_autofree char *found = codes (workbook);
  g_autofree char *without = NULL;

  g_assert_cmpstr (found, ==, "");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "99.00");
  /* Without its own points the scheme's 40/30/10 would be checked. */
  zp_form_set_all_category_points (form, NULL);
  without = codes (workbook);
  g_assert_cmpstr (without, ==, "category-missing block-weights");
}

static void
test_sichuan_free (void)
{
  g_autoptr(ZpWorkbook) workbook = load ("sichuan-free-split.ziping");
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  ZpIndicator *first = zp_goal_get_indicator (zp_form_get_goal (form, 0), 0);
  g_autofree char *found = codes (workbook);
  g_autofree char *fixed = NULL;

  g_assert_cmpstr (found, ==, "");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "100.00");
  g_assert_cmpstr (zp_indicator_get_calc_symbol (first), ==, "≥");
  g_assert_cmpstr (zp_indicator_get_measure_unit (first), ==, "人");
  g_assert_cmpint (zp_indicator_get_rule (zp_goal_get_indicator (zp_form_get_goal (form, 0), 1)), ==,
                   ZP_RULE_DEADLINE);
  /* A fixed split would want 50/30/10. */
  zp_scheme_set_category_split (zp_workbook_get_scheme (workbook), ZP_CATEGORY_SPLIT_FIXED);
  fixed = codes (workbook);
  g_assert_cmpstr (fixed, ==, "block-weights block-weights");
}

static void
test_two_goals (void)
{
  g_autoptr(ZpWorkbook) workbook = load ("huanggang-two-goals.ziping");
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  g_autofree char *found = codes (workbook);
  g_autofree char *data = NULL;
  g_autoptr(ZpWorkbook) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (found, ==, "");
  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 2);
  g_assert_cmpuint (zp_form_get_n_indicators (form), ==, 6);
  /* 19.20 for 96% of 20, and every indicator of both goals full. */
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "99.20");
  data = zp_workbook_to_data (workbook, NULL);
  again = zp_workbook_load_from_data (data, strlen (data), "again.ziping", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zp_form_get_n_goals (zp_workbook_get_form (again, 0)), ==, 2);
}

static void
test_not_applicable (void)
{
  g_autoptr(ZpWorkbook) workbook = load ("not-applicable-rescale.ziping");
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  ZpGoal *goal = zp_form_get_goal (form, 0);
  g_autofree char *found = codes (workbook);
  g_autofree char *refused = NULL;

  g_assert_cmpstr (found, ==, "");
  g_assert_true (zp_indicator_get_not_applicable (zp_goal_get_indicator (goal, 1)));
  g_assert_cmpstr (zp_indicator_get_score_text (zp_goal_get_indicator (goal, 0)), ==, "40.00");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "100.00");
  /* Under a scheme that does not allow it, an error and 20 points fewer. */
  zp_scheme_set_not_applicable (zp_workbook_get_scheme (workbook), ZP_NOT_APPLICABLE_ERROR);
  refused = codes (workbook);
  g_assert_cmpstr (refused, ==, "not-applicable");
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "80.00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/published-forms/central-published-errors", test_published_errors);
  g_test_add_func ("/published-forms/hubei-20-split", test_hubei_split);
  g_test_add_func ("/published-forms/sichuan-free-split", test_sichuan_free);
  g_test_add_func ("/published-forms/two-goals", test_two_goals);
  g_test_add_func ("/published-forms/not-applicable", test_not_applicable);

  return g_test_run ();
}
