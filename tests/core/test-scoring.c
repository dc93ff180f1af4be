/* test-scoring.c — indicator and form scoring (spec §3) and the seed forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ziping-core.h"
#include "seed-fixture.h"

/* Helpers ********************************************************************************/

static ZpIndicator *
indicator_new (const char *category,
               const char *target,
               const char *actual,
               const char *weight)
{
  ZpIndicator *indicator = zp_indicator_new ();

  zp_indicator_set_category (indicator, category);
  zp_indicator_set_target (indicator, target);
  zp_indicator_set_actual (indicator, actual);
  zp_indicator_set_weight (indicator, weight);
  return indicator;
}

static char *
score_text (ZpIndicator *indicator)
{
  char *text = NULL;

  g_object_get (indicator, "score", &text, NULL);
  return text;
}

/* Scores `indicator` with `scheme` and checks the score text, state and rule. */
static void
assert_scored (ZpIndicator      *indicator,
               ZpScheme         *scheme,
               const char       *expected_score,
               ZpIndicatorState  expected_state,
               ZpRule            expected_rule)
{
  g_autofree char *text = NULL;

  zp_indicator_rescore (indicator, scheme);
  text = score_text (indicator);
  g_assert_cmpstr (text, ==, expected_score);
  g_assert_cmpstr (zp_indicator_get_score_text (indicator), ==, expected_score);
  g_assert_cmpint (zp_indicator_get_state (indicator), ==, expected_state);
  g_assert_cmpint (zp_indicator_get_rule (indicator), ==, expected_rule);
}

/* One quantitative case under 产出指标 with the hubei scheme. */
static ZpIndicatorFlags
check_case (const char       *target,
            const char       *actual,
            const char       *weight,
            const char       *expected_score,
            ZpIndicatorState  expected_state,
            ZpRule            expected_rule)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("产出指标", target, actual, weight);

  assert_scored (indicator, scheme, expected_score, expected_state, expected_rule);
  return zp_indicator_get_flags (indicator);
}

/* Positive indicators *******************************************************************/

static void
test_positive_ratio (void)
{
  ZpIndicatorFlags flags;

  /* Spec example: "≥500人", B 420, weight 10 → 8.40 */
  flags = check_case ("≥500人", "420", "10", "8.40",
                      ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  g_assert_true (flags & ZP_INDICATOR_FLAG_NEEDS_NOTE);
  g_assert_false (flags & ZP_INDICATOR_FLAG_OVER_ACHIEVED);

  check_case ("≥500人", "420人", "10", "8.40",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  check_case ("不少于500人", "500", "10", "10.00",
              ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  check_case ("≥3", "2", "10", "6.67",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  /* Half-up on exact decimals: 10 × 107 / 400 = 2.675 → 2.68 */
  check_case ("≥400", "107", "10", "2.68",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  /* Fractional weights: 2.5 × 3 / 4 = 1.875 → 1.88 */
  check_case ("≥4 次", "3 次", "2.5", "1.88",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
}

static void
test_positive_over_achievement (void)
{
  ZpIndicatorFlags flags;

  /* Spec example: B 1700 → 10.00, flagged */
  flags = check_case ("≥500人", "1700", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_true (flags & ZP_INDICATOR_FLAG_OVER_ACHIEVED);
  g_assert_false (flags & ZP_INDICATOR_FLAG_NEEDS_NOTE);

  /* The threshold is B ≥ 120% of A */
  flags = check_case ("≥500人", "600", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_true (flags & ZP_INDICATOR_FLAG_OVER_ACHIEVED);
  flags = check_case ("≥500人", "599", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_OVER_ACHIEVED);

  /* Never on a reverse indicator, nor with a zero target */
  flags = check_case ("≤500", "100", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_OVER_ACHIEVED);
  flags = check_case ("≥0", "100", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_OVER_ACHIEVED);
}

static void
test_positive_zero_and_negative (void)
{
  ZpIndicatorFlags flags;

  flags = check_case ("≥500人", "0", "10", "0.00",
                      ZP_INDICATOR_STATE_MISSED, ZP_RULE_POSITIVE_RATIO);
  g_assert_true (flags & ZP_INDICATOR_FLAG_NEEDS_NOTE);
  check_case ("≥500人", "-20", "10", "0.00",
              ZP_INDICATOR_STATE_MISSED, ZP_RULE_POSITIVE_RATIO);
  /* A = 0: full when B ≥ 0 */
  check_case ("≥0", "0", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
}

/* Reverse indicators ********************************************************************/

static void
test_reverse_ratio (void)
{
  /* Spec example: "≤90万元", B 100 (in 万, the target's magnitude), weight 10 → 9.00 */
  check_case ("≤90万元", "100", "10", "9.00",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_RATIO);
  check_case ("≤90万元", "100万元", "10", "9.00",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_RATIO);
  check_case ("≤90万元", "80", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  check_case ("≤90万元", "90", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  check_case ("7个工作日内", "8个工作日", "10", "8.75",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_RATIO);
  check_case ("不超过 1 亿元", "2亿元", "10", "5.00",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_RATIO);
}

static void
test_reverse_linear (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("产出指标", "≤90万元", "100", "10");

  zp_scheme_set_reverse_formula (scheme, ZP_REVERSE_FORMULA_LINEAR);

  /* Spec example: linear variant 8.89 */
  assert_scored (indicator, scheme, "8.89", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_LINEAR);

  zp_indicator_set_actual (indicator, "135");
  assert_scored (indicator, scheme, "5.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_LINEAR);

  /* 0 once B ≥ 2A */
  zp_indicator_set_actual (indicator, "180");
  assert_scored (indicator, scheme, "0.00", ZP_INDICATOR_STATE_MISSED, ZP_RULE_REVERSE_LINEAR);
  zp_indicator_set_actual (indicator, "500");
  assert_scored (indicator, scheme, "0.00", ZP_INDICATOR_STATE_MISSED, ZP_RULE_REVERSE_LINEAR);

  zp_indicator_set_actual (indicator, "60");
  assert_scored (indicator, scheme, "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
}

static void
test_zero_target (void)
{
  ZpIndicatorFlags flags;

  /* Spec example: "0起", B 1 → 0 */
  flags = check_case ("0起", "1", "10", "0.00", ZP_INDICATOR_STATE_MISSED, ZP_RULE_ZERO_TARGET);
  g_assert_true (flags & ZP_INDICATOR_FLAG_NEEDS_NOTE);
  check_case ("0起", "0", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_ZERO_TARGET);
  /* A bare 0 counts incidents */
  check_case ("0", "2", "5", "0.00", ZP_INDICATOR_STATE_MISSED, ZP_RULE_ZERO_TARGET);
  check_case ("0", "0起", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_ZERO_TARGET);
  check_case ("≤0", "1", "5", "0.00", ZP_INDICATOR_STATE_MISSED, ZP_RULE_ZERO_TARGET);
  check_case ("≤0", "0", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_ZERO_TARGET);
}

static void
test_cost_ceiling (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("产出指标", "900 元/人", "950 元/人", "10");

  /* Outside 成本指标 a bare number is a floor */
  zp_indicator_rescore (indicator, scheme);
  g_assert_cmpint (zp_indicator_get_effective_direction (indicator), ==, ZP_DIRECTION_POSITIVE);
  g_assert_cmpint (zp_indicator_get_rule (indicator), ==, ZP_RULE_MET);

  /* Under 成本指标 it is a ceiling: 10 × 900 / 950 = 9.47 */
  zp_indicator_set_subcategory (indicator, "成本指标");
  assert_scored (indicator, scheme, "9.47", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_RATIO);
  g_assert_cmpint (zp_indicator_get_effective_direction (indicator), ==, ZP_DIRECTION_REVERSE);

  zp_indicator_set_actual (indicator, "800元/人");
  assert_scored (indicator, scheme, "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);

  /* 成本指标 as a level-1 category too */
  zp_indicator_set_subcategory (indicator, "经济成本指标");
  zp_indicator_set_category (indicator, "成本指标");
  zp_indicator_set_actual (indicator, "1000");
  assert_scored (indicator, scheme, "9.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_RATIO);
}

/* Equal indicators **********************************************************************/

static void
test_equal (void)
{
  ZpIndicatorFlags flags;

  check_case ("=100", "90", "10", "9.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  check_case ("＝100", "=100", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_RESTATED);
  flags = check_case ("=100", "100.0", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  check_case ("=0", "0.0", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_ZERO_TARGET);
  check_case ("=0", "2", "10", "0.00", ZP_INDICATOR_STATE_MISSED, ZP_RULE_ZERO_TARGET);
}

/* Directions ****************************************************************************/

static ZpDirection
derived_direction (const char *category,
                   const char *target)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new (category, target, "", "5");

  zp_indicator_rescore (indicator, scheme);
  return zp_indicator_get_effective_direction (indicator);
}

static void
test_directions (void)
{
  g_assert_cmpint (derived_direction ("产出指标", "≥90%"), ==, ZP_DIRECTION_POSITIVE);
  g_assert_cmpint (derived_direction ("产出指标", ">90%"), ==, ZP_DIRECTION_POSITIVE);
  g_assert_cmpint (derived_direction ("产出指标", "500人以上"), ==, ZP_DIRECTION_POSITIVE);
  g_assert_cmpint (derived_direction ("产出指标", "≤7个工作日"), ==, ZP_DIRECTION_REVERSE);
  g_assert_cmpint (derived_direction ("产出指标", "<3"), ==, ZP_DIRECTION_REVERSE);
  g_assert_cmpint (derived_direction ("产出指标", "7 个工作日内"), ==, ZP_DIRECTION_REVERSE);
  g_assert_cmpint (derived_direction ("产出指标", "=5"), ==, ZP_DIRECTION_EQUAL);
  g_assert_cmpint (derived_direction ("产出指标", "0"), ==, ZP_DIRECTION_REVERSE);
  g_assert_cmpint (derived_direction ("产出指标", "0起"), ==, ZP_DIRECTION_REVERSE);
  g_assert_cmpint (derived_direction ("产出指标", "100%"), ==, ZP_DIRECTION_POSITIVE);
  g_assert_cmpint (derived_direction ("成本指标", "900 元/人"), ==, ZP_DIRECTION_REVERSE);
  g_assert_cmpint (derived_direction ("效益指标", "有效保障"), ==, ZP_DIRECTION_QUALITATIVE);
  g_assert_cmpint (derived_direction ("产出指标", "发现故障半小时内响应，4 小时内解决"),
                   ==, ZP_DIRECTION_QUALITATIVE);
  g_assert_cmpint (derived_direction ("产出指标", ""), ==, ZP_DIRECTION_QUALITATIVE);
}

static void
test_direction_by_hand (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("产出指标", "500", "600", "10");

  assert_scored (indicator, scheme, "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);

  /* 10 × 500 / 600 = 8.33 */
  zp_indicator_set_direction (indicator, ZP_DIRECTION_REVERSE);
  assert_scored (indicator, scheme, "8.33", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_RATIO);
  g_assert_cmpint (zp_indicator_get_effective_direction (indicator), ==, ZP_DIRECTION_REVERSE);

  /* Qualitative by hand: a number is graded like text */
  zp_indicator_set_direction (indicator, ZP_DIRECTION_QUALITATIVE);
  assert_scored (indicator, scheme, "", ZP_INDICATOR_STATE_UNSCORED, ZP_RULE_NONE);
  zp_indicator_set_grade (indicator, ZP_GRADE_ACHIEVED);
  assert_scored (indicator, scheme, "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_QUALITATIVE);

  /* A direction by hand on a target with no number: nothing to compare */
  zp_indicator_set_direction (indicator, ZP_DIRECTION_POSITIVE);
  zp_indicator_set_target (indicator, "显著提升");
  assert_scored (indicator, scheme, "", ZP_INDICATOR_STATE_UNSCORED, ZP_RULE_NONE);
}

/* Units *********************************************************************************/

static void
test_percent (void)
{
  /* 10 × 85 / 90 = 9.44, the bare actual read as a percent */
  check_case ("≥90%", "85", "10", "9.44", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  check_case ("≥90%", "85%", "10", "9.44", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  check_case ("≥90%", "95", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  check_case ("90%以上", "92.5%", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  check_case ("≥90百分比", "81%", "10", "9.00", ZP_INDICATOR_STATE_PARTIAL,
              ZP_RULE_POSITIVE_RATIO);
  check_case ("100%", "98%", "5", "4.90", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  check_case ("≤5%", "10%", "4", "2.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_REVERSE_RATIO);
}

static void
test_magnitude (void)
{
  /* Values, not digits: 1 亿 = 10000 万 */
  check_case ("不少于 1 亿条数据", "8000万条数据", "10", "8.00",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  check_case ("不少于 1 亿条数据", "1.2亿条", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  /* A bare actual is in the target's magnitude: "0.5" under 亿 */
  check_case ("≥1亿", "0.5", "10", "5.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  /* Thousands separators and full-width digits */
  check_case ("≥2,000人", "１,５００人", "10", "7.50",
              ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  check_case ("≤150万元", "150万", "10", "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
}

/* Actual values as written **************************************************************/

static void
test_restated (void)
{
  ZpIndicatorFlags flags;

  flags = check_case ("不少于 1 亿条数据", "不少于1亿条数据", "5", "5.00",
                      ZP_INDICATOR_STATE_MET, ZP_RULE_RESTATED);
  g_assert_true (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  flags = check_case ("≥90%", "≥90%", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_RESTATED);
  g_assert_true (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  flags = check_case ("≥90%", "≥ 90%", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_RESTATED);
  g_assert_true (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  /* Same comparator and value in other words */
  flags = check_case ("≥90%", "不低于90.0%", "5", "5.00",
                      ZP_INDICATOR_STATE_MET, ZP_RULE_RESTATED);
  g_assert_true (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  flags = check_case ("≤7 个工作日", "≤7个工作日", "2.5", "2.50",
                      ZP_INDICATOR_STATE_MET, ZP_RULE_RESTATED);
  g_assert_true (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);

  /* A stated comparator with another value is read as a value */
  flags = check_case ("≥90%", "≥95%", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);

  /* A bare number equal to a bare target is a measured value, as the checker reads it:
   * met by value, not restated */
  flags = check_case ("100%", "100%", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  flags = check_case ("100%", "１００％", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  flags = check_case ("12 个", "12个", "4", "4.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  /* "0" for a bare 0 (an incident count): the zero-target rule, full marks */
  flags = check_case ("0", "0", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_ZERO_TARGET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
  flags = check_case ("0起", "0起", "5", "5.00", ZP_INDICATOR_STATE_MET, ZP_RULE_ZERO_TARGET);
  g_assert_false (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
}

static void
test_achieved_words (void)
{
  const char *words[] = { "完成", "已完成", "达成", "达成年度指标", "达成预期指标" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      ZpIndicatorFlags flags = check_case ("≥500人", words[i], "10", "10.00",
                                           ZP_INDICATOR_STATE_MET, ZP_RULE_RESTATED);

      g_assert_true (flags & ZP_INDICATOR_FLAG_ACHIEVED_WORD);
      g_assert_false (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET);
    }
}

static void
test_not_a_number (void)
{
  g_autofree char *text = NULL;
  ZpIndicatorFlags flags;

  flags = check_case ("≥500人", "很多人", "10", "", ZP_INDICATOR_STATE_UNSCORED, ZP_RULE_NONE);
  g_assert_true (flags & ZP_INDICATOR_FLAG_NOT_A_NUMBER);
  g_assert_false (flags & ZP_INDICATOR_FLAG_NEEDS_NOTE);

  /* Empty actual: simply not scored yet */
  flags = check_case ("≥500人", "", "10", "", ZP_INDICATOR_STATE_UNSCORED, ZP_RULE_NONE);
  g_assert_cmpint (flags, ==, ZP_INDICATOR_FLAG_NONE);
  flags = check_case ("≥500人", "  ", "10", "", ZP_INDICATOR_STATE_UNSCORED, ZP_RULE_NONE);
  g_assert_cmpint (flags, ==, ZP_INDICATOR_FLAG_NONE);
}

static void
test_weight (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("产出指标", "≥500人", "500", "");
  ZpDecimal weight;

  /* Missing or invalid weight: unscored */
  assert_scored (indicator, scheme, "", ZP_INDICATOR_STATE_UNSCORED, ZP_RULE_NONE);
  g_assert_false (zp_indicator_get_weight_value (indicator, &weight));
  zp_indicator_set_weight (indicator, "五分");
  assert_scored (indicator, scheme, "", ZP_INDICATOR_STATE_UNSCORED, ZP_RULE_NONE);
  g_assert_true (zp_decimal_is_zero (zp_indicator_get_score (indicator)));

  zp_indicator_set_weight (indicator, "2.5");
  assert_scored (indicator, scheme, "2.50", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
  g_assert_true (zp_indicator_get_weight_value (indicator, &weight));
  g_assert_true (zp_decimal_equal (weight, zp_decimal_from_fixed (25, 1)));

  /* A zero weight scores zero and is met */
  zp_indicator_set_weight (indicator, "0");
  assert_scored (indicator, scheme, "0.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
}

static void
test_decimals (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("产出指标", "≥500人", "420", "10");

  zp_scheme_set_decimals (scheme, 1);
  assert_scored (indicator, scheme, "8.4", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  zp_indicator_set_actual (indicator, "333");
  assert_scored (indicator, scheme, "6.7", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  g_assert_true (zp_decimal_equal (zp_indicator_get_score (indicator),
                                   zp_decimal_from_fixed (67, 1)));
  zp_scheme_set_decimals (scheme, 0);
  assert_scored (indicator, scheme, "7", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
}

/* Manual override, qualitative grades ***************************************************/

static void
test_manual_override (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("产出指标", "≥500人", "420", "10");

  zp_indicator_set_manual_score (indicator, "7.5");
  assert_scored (indicator, scheme, "7.50", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_MANUAL);
  g_assert_true (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_OVERRIDDEN);
  g_assert_true (zp_indicator_has_override (indicator));

  /* Rounded, not clamped: the checker reports out-of-range scores */
  zp_indicator_set_manual_score (indicator, "12.345");
  assert_scored (indicator, scheme, "12.35", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_MANUAL);
  zp_indicator_set_manual_score (indicator, "-1");
  assert_scored (indicator, scheme, "-1.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_MANUAL);

  zp_indicator_set_manual_score (indicator, "10");
  assert_scored (indicator, scheme, "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MANUAL);
  zp_indicator_set_manual_score (indicator, "0");
  assert_scored (indicator, scheme, "0.00", ZP_INDICATOR_STATE_MISSED, ZP_RULE_MANUAL);
  g_assert_true (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_NEEDS_NOTE);

  /* Something that is not a number is no override */
  zp_indicator_set_manual_score (indicator, "八分");
  assert_scored (indicator, scheme, "8.40", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_POSITIVE_RATIO);
  g_assert_false (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_OVERRIDDEN);
  g_assert_false (zp_indicator_has_override (indicator));

  /* An override scores even with no actual */
  zp_indicator_set_actual (indicator, "");
  zp_indicator_set_manual_score (indicator, "9");
  assert_scored (indicator, scheme, "9.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_MANUAL);
}

static void
test_qualitative_words (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("效益指标", "有效保障", "", "6");

  assert_scored (indicator, scheme, "", ZP_INDICATOR_STATE_UNSCORED, ZP_RULE_NONE);

  zp_indicator_set_actual (indicator, "有效保障");
  assert_scored (indicator, scheme, "6.00", ZP_INDICATOR_STATE_MET, ZP_RULE_RESTATED);
  g_assert_cmpint (zp_indicator_get_effective_direction (indicator), ==,
                   ZP_DIRECTION_QUALITATIVE);

  zp_indicator_set_actual (indicator, "已完成");
  assert_scored (indicator, scheme, "6.00", ZP_INDICATOR_STATE_MET, ZP_RULE_RESTATED);

  /* Any other text needs a grade */
  zp_indicator_set_actual (indicator, "基本保障");
  assert_scored (indicator, scheme, "", ZP_INDICATOR_STATE_UNSCORED, ZP_RULE_NONE);
  g_assert_false (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_NEEDS_NOTE);
}

static void
test_qualitative_grades (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("效益指标", "有效保障", "基本保障", "10");

  zp_indicator_set_grade (indicator, ZP_GRADE_ACHIEVED);
  assert_scored (indicator, scheme, "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_QUALITATIVE);

  /* Partial without a typed score: 0 and the grade's state, for the checker's band */
  zp_indicator_set_grade (indicator, ZP_GRADE_PARTIAL);
  assert_scored (indicator, scheme, "0.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_QUALITATIVE);
  g_assert_true (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_NEEDS_NOTE);

  /* A typed score is the graded score, not an override */
  zp_indicator_set_manual_score (indicator, "6.5");
  assert_scored (indicator, scheme, "6.50", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_QUALITATIVE);
  g_assert_false (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_OVERRIDDEN);

  zp_indicator_set_deviation_note (indicator, "部分单位网络改造延期，明年完成。");
  zp_indicator_rescore (indicator, scheme);
  g_assert_false (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_NEEDS_NOTE);

  zp_indicator_set_grade (indicator, ZP_GRADE_MISSED);
  zp_indicator_set_manual_score (indicator, "");
  assert_scored (indicator, scheme, "0.00", ZP_INDICATOR_STATE_MISSED, ZP_RULE_QUALITATIVE);
  zp_indicator_set_manual_score (indicator, "3");
  assert_scored (indicator, scheme, "3.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_QUALITATIVE);
  g_assert_false (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_OVERRIDDEN);

  /* A typed score on an achieved grade is an override */
  zp_indicator_set_grade (indicator, ZP_GRADE_ACHIEVED);
  zp_indicator_set_manual_score (indicator, "9");
  assert_scored (indicator, scheme, "9.00", ZP_INDICATOR_STATE_PARTIAL, ZP_RULE_MANUAL);
  g_assert_true (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_OVERRIDDEN);

  /* Grades do not apply to quantitative indicators */
  zp_indicator_set_manual_score (indicator, "");
  zp_indicator_set_grade (indicator, ZP_GRADE_MISSED);
  zp_indicator_set_target (indicator, "≥500人");
  zp_indicator_set_actual (indicator, "500");
  assert_scored (indicator, scheme, "10.00", ZP_INDICATOR_STATE_MET, ZP_RULE_MET);
}

static void
test_needs_note (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("产出指标", "≥500人", "420", "10");

  zp_indicator_rescore (indicator, scheme);
  g_assert_true (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_NEEDS_NOTE);

  /* Blank after trimming is still no note */
  zp_indicator_set_deviation_note (indicator, " \t　");
  zp_indicator_rescore (indicator, scheme);
  g_assert_true (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_NEEDS_NOTE);

  zp_indicator_set_deviation_note (indicator, "报名人数不足");
  zp_indicator_rescore (indicator, scheme);
  g_assert_false (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_NEEDS_NOTE);

  /* Met: no note needed */
  zp_indicator_set_deviation_note (indicator, "");
  zp_indicator_set_actual (indicator, "520");
  zp_indicator_rescore (indicator, scheme);
  g_assert_false (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_NEEDS_NOTE);
}

static void
test_parsed_cache (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpIndicator) indicator = indicator_new ("产出指标", "≥500人", "420", "10");
  const ZpQuantity *q;

  zp_indicator_rescore (indicator, scheme);
  q = zp_indicator_get_parsed_target (indicator);
  g_assert_nonnull (q);
  g_assert_cmpint (q->comparator, ==, ZP_COMPARATOR_GE);
  g_assert_true (zp_decimal_equal (q->value, zp_decimal_from_int (500)));

  /* Editing the actual re-reads the actual */
  zp_indicator_set_actual (indicator, "450");
  zp_indicator_rescore (indicator, scheme);
  q = zp_indicator_get_parsed_actual (indicator);
  g_assert_true (zp_decimal_equal (q->value, zp_decimal_from_int (450)));
  g_assert_true (zp_decimal_equal (zp_indicator_get_score (indicator),
                                   zp_decimal_from_int (9)));

  zp_indicator_set_target (indicator, "有效保障");
  zp_indicator_rescore (indicator, scheme);
  g_assert_null (zp_indicator_get_parsed_target (indicator));
  g_assert_cmpint (zp_indicator_get_state (indicator), ==, ZP_INDICATOR_STATE_UNSCORED);

  /* The restated-target test follows the target as well as the actual */
  zp_indicator_set_actual (indicator, "有效保障");
  zp_indicator_rescore (indicator, scheme);
  g_assert_cmpint (zp_indicator_get_rule (indicator), ==, ZP_RULE_RESTATED);
  zp_indicator_set_target (indicator, "效果良好");
  zp_indicator_rescore (indicator, scheme);
  g_assert_cmpint (zp_indicator_get_rule (indicator), ==, ZP_RULE_NONE);
}

static void
test_names (void)
{
  ZpDirection direction;
  ZpGrade grade;

  g_assert_cmpstr (zp_direction_to_string (ZP_DIRECTION_REVERSE), ==, "reverse");
  g_assert_true (zp_direction_from_string ("positive", &direction));
  g_assert_cmpint (direction, ==, ZP_DIRECTION_POSITIVE);
  g_assert_true (zp_direction_from_string ("定性", &direction));
  g_assert_cmpint (direction, ==, ZP_DIRECTION_QUALITATIVE);
  g_assert_false (zp_direction_from_string ("sideways", &direction));

  g_assert_cmpstr (zp_grade_to_string (ZP_GRADE_PARTIAL), ==, "部分达成");
  g_assert_true (zp_grade_from_string ("未达成", &grade));
  g_assert_cmpint (grade, ==, ZP_GRADE_MISSED);
  g_assert_true (zp_grade_from_string ("achieved", &grade));
  g_assert_cmpint (grade, ==, ZP_GRADE_ACHIEVED);
  g_assert_false (zp_grade_from_string ("良", &grade));

  g_assert_cmpstr (zp_rule_to_string (ZP_RULE_REVERSE_LINEAR), ==, "reverse-linear");
  for (ZpRule rule = ZP_RULE_NONE; rule <= ZP_RULE_RESTATED; rule++)
    g_assert_nonnull (zp_rule_describe (rule));
}

/* Budget execution **********************************************************************/

static ZpForm *
execution_form (const char *scheme_id,
                const char *budget,
                const char *spent)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin (scheme_id);
  ZpForm *form = ZP_FORM (zp_project_form_new ());

  zp_form_set_scheme (form, scheme);
  zp_form_set_budget (form, budget);
  zp_form_set_spent (form, spent);
  return form;
}

static void
assert_execution (const char *scheme_id,
                  const char *budget,
                  const char *spent,
                  const char *expected_rate,
                  const char *expected_score)
{
  g_autoptr(ZpForm) form = execution_form (scheme_id, budget, spent);

  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, expected_rate);
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, expected_score);
}

static void
test_execution (void)
{
  g_autoptr(ZpForm) form = NULL;
  ZpDecimal rate;

  /* Spec examples (central: weight 10; hubei: weight 20) */
  assert_execution ("central", "250000", "215457.6", "86.18%", "8.62");
  assert_execution ("central", "20000", "9034", "45.17%", "4.52");
  assert_execution ("hubei", "100", "103.5", "103.50%", "20.00");
  assert_execution ("hubei", "2066.63", "2066.63", "100.00%", "20.00");
  assert_execution ("hubei", "150万", "75万", "50.00%", "10.00");

  /* No budget, zero, negative or not a number: no rate, no score */
  assert_execution ("hubei", "", "10", "—", "0.00");
  assert_execution ("hubei", "0", "10", "—", "0.00");
  assert_execution ("hubei", "-100", "10", "—", "0.00");
  assert_execution ("hubei", "一百", "10", "—", "0.00");
  /* Spent missing: no rate; negative: rate shown, score 0 */
  assert_execution ("hubei", "100", "", "—", "0.00");
  assert_execution ("hubei", "100", "-10", "-10.00%", "0.00");
  assert_execution ("hubei", "100", "0", "0.00%", "0.00");

  form = execution_form ("hubei", "250000", "215457.6");
  g_assert_true (zp_form_get_execution_rate (form, &rate));
  g_assert_true (zp_decimal_equal (rate, zp_decimal_from_fixed (861830, 6)));
  g_assert_true (zp_decimal_equal (zp_form_get_execution_weight (form),
                                   zp_decimal_from_int (20)));
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "17.24");
  /* Total = execution + indicators (none here) */
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "17.24");
}

/* The seed forms (seed-forms.md) ********************************************************/

/* Every seed indicator is published with full marks: each must score its weight. */
static void
assert_all_full (ZpForm *form)
{
  guint n_goals = zp_form_get_n_goals (form);

  for (guint g = 0; g < n_goals; g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
        {
          ZpIndicator *indicator = zp_goal_get_indicator (goal, i);
          ZpDecimal weight;

          if (!zp_indicator_get_weight_value (indicator, &weight)
              || !zp_decimal_equal (zp_indicator_get_score (indicator), weight)
              || zp_indicator_get_state (indicator) != ZP_INDICATOR_STATE_MET)
            g_error ("goal %u row %u (%s: %s / %s) scored %s, state %d, rule %s",
                     g + 1, i + 1, zp_indicator_get_name (indicator),
                     zp_indicator_get_target (indicator), zp_indicator_get_actual (indicator),
                     zp_decimal_format (zp_indicator_get_score (indicator), 2),
                     zp_indicator_get_state (indicator),
                     zp_rule_to_string (zp_indicator_get_rule (indicator)));
          g_assert_false (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_NEEDS_NOTE);
        }
    }
}

static void
test_seed_department (void)
{
  g_autoptr(ZpWorkbook) workbook = seed_workbook_new ();
  ZpForm *form = ZP_FORM (zp_workbook_get_department_form (workbook));

  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 4);
  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    g_assert_true (zp_decimal_equal (zp_goal_get_score (zp_form_get_goal (form, g)),
                                     zp_decimal_from_int (20)));

  assert_all_full (form);
  g_assert_cmpuint (zp_form_get_n_indicators (form), ==, 20);
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "100.00%");
  g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "20.00");
  g_assert_true (zp_decimal_equal (zp_form_get_indicator_score (form),
                                   zp_decimal_from_int (80)));
  g_assert_cmpstr (zp_form_get_total_text (form), ==, "100.00");
}

static void
test_seed_projects (void)
{
  g_autoptr(ZpWorkbook) workbook = seed_workbook_new ();
  static const char * const names[] = { "科技条件专项", "公务员医疗报销", "子女统筹" };

  g_assert_cmpuint (zp_workbook_get_n_projects (workbook), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i + 1);
      g_autofree char *title = zp_form_dup_title (form);

      g_assert_cmpstr (title, ==, names[i]);
      assert_all_full (form);
      g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "100.00%");
      g_assert_cmpstr (zp_form_get_execution_score_text (form), ==, "20.00");
      g_assert_cmpstr (zp_form_get_total_text (form), ==, "100.00");
      g_assert_true (zp_decimal_equal (zp_form_get_total (form), zp_decimal_from_int (100)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/positive/ratio", test_positive_ratio);
  g_test_add_func ("/scoring/positive/over-achievement", test_positive_over_achievement);
  g_test_add_func ("/scoring/positive/zero-and-negative", test_positive_zero_and_negative);
  g_test_add_func ("/scoring/reverse/ratio", test_reverse_ratio);
  g_test_add_func ("/scoring/reverse/linear", test_reverse_linear);
  g_test_add_func ("/scoring/reverse/zero-target", test_zero_target);
  g_test_add_func ("/scoring/reverse/cost-ceiling", test_cost_ceiling);
  g_test_add_func ("/scoring/equal", test_equal);
  g_test_add_func ("/scoring/direction/derived", test_directions);
  g_test_add_func ("/scoring/direction/by-hand", test_direction_by_hand);
  g_test_add_func ("/scoring/units/percent", test_percent);
  g_test_add_func ("/scoring/units/magnitude", test_magnitude);
  g_test_add_func ("/scoring/actual/restated", test_restated);
  g_test_add_func ("/scoring/actual/achieved-words", test_achieved_words);
  g_test_add_func ("/scoring/actual/not-a-number", test_not_a_number);
  g_test_add_func ("/scoring/weight", test_weight);
  g_test_add_func ("/scoring/decimals", test_decimals);
  g_test_add_func ("/scoring/manual-override", test_manual_override);
  g_test_add_func ("/scoring/qualitative/words", test_qualitative_words);
  g_test_add_func ("/scoring/qualitative/grades", test_qualitative_grades);
  g_test_add_func ("/scoring/needs-note", test_needs_note);
  g_test_add_func ("/scoring/parsed-cache", test_parsed_cache);
  g_test_add_func ("/scoring/names", test_names);
  g_test_add_func ("/scoring/execution", test_execution);
  g_test_add_func ("/scoring/seed/department", test_seed_department);
  g_test_add_func ("/scoring/seed/projects", test_seed_projects);

  return g_test_run ();
}
