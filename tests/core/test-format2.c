/* test-format2.c — file format version 2: its new members survive both readers and the
 * writer, and version-1 files still load and score the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ziping-core.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "..", "..", "tests", "core", "data",
                           name, NULL);
}

/* A workbook with every version-2 member set to something other than its default. */
static ZpWorkbook *
build_v2_workbook (void)
{
  ZpWorkbook *workbook = zp_workbook_new ("hubei");
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  g_autoptr(ZpGoal) second = zp_goal_new ();
  g_autoptr(ZpIndicator) a = zp_indicator_new ();
  g_autoptr(ZpIndicator) b = zp_indicator_new ();
  g_autoptr(ZpIndicator) c = zp_indicator_new ();
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);
  ZpForm *form = ZP_FORM (project);

  zp_workbook_set_amount_unit (workbook, ZP_AMOUNT_UNIT_YUAN);
  zp_scheme_set_category_split (scheme, ZP_CATEGORY_SPLIT_FREE);
  zp_scheme_set_not_applicable (scheme, ZP_NOT_APPLICABLE_RESCALE);

  zp_project_form_set_name (project, "疫苗接种项目");
  zp_form_set_budget (form, "250000");
  zp_form_set_spent (form, "215457.6");
  zp_form_set_published_rate (form, "86.19%");
  zp_form_set_published_execution_score (form, "9");
  zp_form_set_published_total (form, "100");
  zp_form_set_category_points (form, "产出指标", "60");
  zp_form_set_category_points (form, "满意度指标", "20");

  zp_goal_set_text (zp_project_form_get_overall_goal (project), "目标一");
  zp_indicator_set_category (a, "产出指标");
  zp_indicator_set_name (a, "接种人数");
  zp_indicator_set_target (a, "500");
  zp_indicator_set_actual (a, "420");
  zp_indicator_set_weight (a, "60");
  zp_indicator_set_calc_symbol (a, "≥");
  zp_indicator_set_measure_unit (a, "人");
  zp_indicator_set_published_score (a, "50.4");
  zp_indicator_set_deviation_note (a, "部分儿童外出");
  zp_goal_insert_indicator (zp_project_form_get_overall_goal (project), G_MAXUINT, a);

  zp_goal_set_text (second, "目标二");
  zp_indicator_set_category (b, "满意度指标");
  zp_indicator_set_name (b, "群众满意度");
  zp_indicator_set_target (b, "90%");
  zp_indicator_set_actual (b, "95%");
  zp_indicator_set_weight (b, "10");
  zp_goal_insert_indicator (second, G_MAXUINT, b);
  zp_indicator_set_category (c, "满意度指标");
  zp_indicator_set_name (c, "家长满意度");
  zp_indicator_set_weight (c, "10");
  zp_indicator_set_not_applicable (c, TRUE);
  zp_goal_insert_indicator (second, G_MAXUINT, c);
  zp_form_insert_goal (form, G_MAXUINT, second);

  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  return workbook;
}

static void
assert_v2_members (ZpWorkbook *workbook)
{
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  ZpGoal *second;
  ZpIndicator *a, *c;
  const char *points;

  g_assert_cmpint (zp_workbook_get_amount_unit (workbook), ==, ZP_AMOUNT_UNIT_YUAN);
  g_assert_cmpint (zp_scheme_get_category_split (scheme), ==, ZP_CATEGORY_SPLIT_FREE);
  g_assert_cmpint (zp_scheme_get_not_applicable (scheme), ==, ZP_NOT_APPLICABLE_RESCALE);

  g_assert_cmpstr (zp_form_get_published_rate (form), ==, "86.19%");
  g_assert_cmpstr (zp_form_get_published_execution_score (form), ==, "9");
  g_assert_cmpstr (zp_form_get_published_total (form), ==, "100");
  g_assert_cmpuint (zp_form_get_n_category_points (form), ==, 2);
  g_assert_cmpstr (zp_form_get_category_points_nth (form, 1, &points), ==, "满意度指标");
  g_assert_cmpstr (points, ==, "20");
  g_assert_cmpstr (zp_form_get_category_points (form, "产出指标（60分）"), ==, "60");

  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 2);
  a = zp_goal_get_indicator (zp_form_get_goal (form, 0), 0);
  g_assert_cmpstr (zp_indicator_get_calc_symbol (a), ==, "≥");
  g_assert_cmpstr (zp_indicator_get_measure_unit (a), ==, "人");
  g_assert_cmpstr (zp_indicator_get_published_score (a), ==, "50.4");
  g_assert_false (zp_indicator_get_not_applicable (a));
  second = zp_form_get_goal (form, 1);
  g_assert_cmpstr (zp_goal_get_text (second), ==, "目标二");
  g_assert_cmpuint (zp_goal_get_n_indicators (second), ==, 2);
  c = zp_goal_get_indicator (second, 1);
  g_assert_true (zp_indicator_get_not_applicable (c));
  g_assert_cmpint (zp_indicator_get_state (c), ==, ZP_INDICATOR_STATE_NOT_APPLICABLE);
}

static void
test_round_trip (void)
{
  g_autoptr(ZpWorkbook) workbook = build_v2_workbook ();
  g_autofree char *data = zp_workbook_to_data (workbook, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) fast = NULL;
  g_autoptr(ZpWorkbook) careful = NULL;
  g_autofree char *again = NULL;
  g_autofree char *commented = NULL;

  g_assert_nonnull (strstr (data, "\"version\": 2,"));
  g_assert_nonnull (strstr (data, "\"amount-unit\": \"yuan\""));
  g_assert_nonnull (strstr (data, "\"not-applicable\": true"));
  assert_v2_members (workbook);

  /* The fast reader (files as Ziping writes them) */
  fast = zp_workbook_load_from_data (data, strlen (data), "v2.ziping", &error);
  g_assert_no_error (error);
  assert_v2_members (fast);
  again = zp_workbook_to_data (fast, NULL);
  g_assert_cmpstr (again, ==, data);

  /* The loader (a comment sends any file there) */
  commented = g_strconcat ("/* slow */ ", data, NULL);
  careful = zp_workbook_load_from_data (commented, strlen (commented), "v2.ziping", &error);
  g_assert_no_error (error);
  assert_v2_members (careful);
  g_clear_pointer (&again, g_free);
  again = zp_workbook_to_data (careful, NULL);
  g_assert_cmpstr (again, ==, data);
}

static void
assert_fails (const char *data,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load_from_data (data, strlen (data), "bad.ziping", &error);

  g_assert_null (workbook);
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

/* Bad values of the new members are explained, with their place. */
static void
test_bad_values (void)
{
  g_autoptr(ZpWorkbook) workbook = build_v2_workbook ();
  g_autofree char *data = zp_workbook_to_data (workbook, NULL);
  g_autoptr(GString) bad = NULL;

  bad = g_string_new (data);
  g_string_replace (bad, "\"amount-unit\": \"yuan\"", "\"amount-unit\": \"dollar\"", 1);
  assert_fails (bad->str, "“amount-unit” must be one of “wan-yuan”, “yuan”");
  g_string_free (bad, TRUE);

  bad = g_string_new (data);
  g_string_replace (bad, "\"category-split\": \"free\"", "\"category-split\": \"loose\"", 1);
  assert_fails (bad->str, "“category-split” must be one of “fixed”, “free”");
  g_string_free (bad, TRUE);

  bad = g_string_new (data);
  g_string_replace (bad, "\"not-applicable\": true", "\"not-applicable\": \"yes\"", 1);
  assert_fails (bad->str, "“not-applicable” must be true or false, not a string");
  g_string_free (bad, TRUE);

  bad = g_string_new (data);
  g_string_replace (bad, "\"published-total\": \"100\"", "\"published-total\": 100", 1);
  assert_fails (bad->str, "“published-total” must be a string holding a number");
  g_string_free (bad, TRUE);

  bad = g_string_new (data);
  g_string_replace (bad, "\"name\": \"满意度指标\",\n          \"points\"", "\"name\": \"\",\n          \"points\"", 1);
  assert_fails (bad->str, "each category needs a “name”");
  g_string_free (bad, TRUE);
  bad = NULL;
}

static char *
dump_scores (ZpWorkbook *workbook)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);

      g_string_append_printf (out, "%s %s %s\n", zp_form_get_execution_rate_text (form),
                              zp_form_get_execution_score_text (form), zp_form_get_total_text (form));
      for (guint g = 0; g < zp_form_get_n_goals (form); g++)
        {
          ZpGoal *goal = zp_form_get_goal (form, g);

          for (guint r = 0; r < zp_goal_get_n_indicators (goal); r++)
            g_string_append_printf (out, "  %s\n", zp_indicator_get_score_text (zp_goal_get_indicator (goal, r)));
        }
    }
  return g_string_free (out, FALSE);
}

/* A version-1 file (the example as 0.x wrote it) loads and scores as the same workbook in
 * version 2, and saves as version 2: the bundled example, byte for byte. */
static void
test_version1 (void)
{
  g_autofree char *v1_path = data_path ("jiangan-2024-v1.ziping");
  g_autofree char *v2_path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) v1_file = g_file_new_for_path (v1_path);
  g_autoptr(GFile) v2_file = g_file_new_for_path (v2_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) v1 = zp_workbook_load (v1_file, &error);
  g_autoptr(ZpWorkbook) v2 = NULL;
  g_autofree char *v1_scores = NULL;
  g_autofree char *v2_scores = NULL;
  g_autofree char *v1_saved = NULL;
  g_autofree char *v2_text = NULL;
  g_autofree char *v1_text = NULL;
  g_autoptr(ZpWorkbook) v1_careful = NULL;
  g_autofree char *commented = NULL;
  g_autofree char *careful_scores = NULL;
  g_autoptr(GListStore) v1_findings = NULL;
  g_autoptr(GListStore) v2_findings = NULL;

  g_assert_no_error (error);
  v2 = zp_workbook_load (v2_file, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (v1_path, &v1_text, NULL, NULL));
  g_assert_nonnull (strstr (v1_text, "\"version\": 1,"));
  g_assert_cmpint (zp_workbook_get_amount_unit (v1), ==, ZP_AMOUNT_UNIT_WAN_YUAN);
  g_assert_cmpint (zp_scheme_get_category_split (zp_workbook_get_scheme (v1)), ==, ZP_CATEGORY_SPLIT_FIXED);

  v1_scores = dump_scores (v1);
  v2_scores = dump_scores (v2);
  g_assert_cmpstr (v1_scores, ==, v2_scores);
  g_assert_true (g_str_has_prefix (v1_scores, "100.00% 20.00 100.00\n"));

  /* The loader reads version 1 the same way. */
  commented = g_strconcat ("/* slow */ ", v1_text, NULL);
  v1_careful = zp_workbook_load_from_data (commented, strlen (commented), "v1.ziping", &error);
  g_assert_no_error (error);
  careful_scores = dump_scores (v1_careful);
  g_assert_cmpstr (careful_scores, ==, v1_scores);

  v1_findings = zp_check_workbook (v1);
  v2_findings = zp_check_workbook (v2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (v1_findings)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (v2_findings)));

  v1_saved = zp_workbook_to_data (v1, NULL);
  g_assert_true (g_file_get_contents (v2_path, &v2_text, NULL, NULL));
  g_assert_cmpstr (v1_saved, ==, v2_text);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The new members are properties that notify; they act on the scores and summaries. */
static void
test_model (void)
{
  g_autoptr(ZpWorkbook) workbook = build_v2_workbook ();
  ZpForm *form = zp_workbook_get_form (workbook, 0);
  ZpIndicator *a = zp_goal_get_indicator (zp_form_get_goal (form, 0), 0);
  g_autoptr(GPtrArray) blocks = NULL;
  g_auto(GStrv) pairs = NULL;
  ZpBlockSummary *block;
  ZpDecimal weight;
  guint notified = 0;

  g_signal_connect (workbook, "notify::amount-unit", G_CALLBACK (count_notify), &notified);
  g_signal_connect (form, "notify::category-points", G_CALLBACK (count_notify), &notified);
  g_signal_connect (a, "notify::calc-symbol", G_CALLBACK (count_notify), &notified);
  zp_workbook_set_amount_unit (workbook, ZP_AMOUNT_UNIT_WAN_YUAN);
  zp_workbook_set_amount_unit (workbook, ZP_AMOUNT_UNIT_WAN_YUAN);
  zp_form_set_category_points (form, "效益指标", "0");
  zp_form_set_category_points (form, "效益指标", "0");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (zp_amount_unit_to_label (ZP_AMOUNT_UNIT_YUAN), ==, "元");

  pairs = zp_form_dup_category_points (form);
  g_assert_cmpstr (pairs[0], ==, "产出指标=60");
  g_assert_cmpstr (pairs[2], ==, "效益指标=0");
  g_assert_null (pairs[3]);

  /* The form's points are the blocks' weights; in a free split the scheme's are not. */
  blocks = zp_form_summarize_blocks (form);
  block = g_ptr_array_index (blocks, 0);
  g_assert_true (block->has_weight);
  g_assert_true (zp_decimal_equal (block->weight, zp_decimal_from_int (60)));
  g_assert_true (zp_form_get_category_weight (form, "满意度指标（20分）", &weight));
  g_assert_true (zp_decimal_equal (weight, zp_decimal_from_int (20)));
  zp_form_set_category_points (form, "产出指标", NULL);
  g_assert_false (zp_form_get_category_weight (form, "产出指标", &weight));
  zp_scheme_set_category_split (zp_workbook_get_scheme (workbook), ZP_CATEGORY_SPLIT_FIXED);
  g_assert_true (zp_form_get_category_weight (form, "产出指标", &weight));
  g_assert_true (zp_decimal_equal (weight, zp_decimal_from_int (40)));

  /* A 计算符号 sets the direction of an "auto" row: ≤ 500 with 420 is met. */
  g_assert_cmpstr (zp_indicator_get_score_text (a), ==, "50.40");
  zp_indicator_set_calc_symbol (a, "≤");
  g_assert_cmpuint (notified, ==, 4);
  g_assert_cmpint (zp_indicator_get_effective_direction (a), ==, ZP_DIRECTION_REVERSE);
  g_assert_cmpstr (zp_indicator_get_score_text (a), ==, "60.00");
  zp_indicator_set_direction (a, ZP_DIRECTION_POSITIVE);
  g_assert_cmpstr (zp_indicator_get_score_text (a), ==, "50.40");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format2/model", test_model);
  g_test_add_func ("/format2/round-trip", test_round_trip);
  g_test_add_func ("/format2/bad-values", test_bad_values);
  g_test_add_func ("/format2/version-1", test_version1);

  return g_test_run ();
}
