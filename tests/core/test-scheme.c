/* test-scheme.c — built-in schemes, copies, category lookup and change signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ziping-core.h"

static ZpDecimal
dec (const char *text)
{
  ZpDecimal value = { G_MININT64 };

  g_assert_true (zp_decimal_parse (text, &value, NULL));
  return value;
}

#define assert_decimal(actual, expected) \
  g_assert_cmpint ((actual).raw, ==, dec (expected).raw)

typedef struct
{
  guint changed;
  guint notify_name;
  guint notify_layout;
} Counts;

static void
on_changed (ZpScheme *scheme,
            Counts   *counts)
{
  counts->changed++;
}

static void
on_notify (ZpScheme   *scheme,
           GParamSpec *pspec,
           Counts     *counts)
{
  if (g_str_equal (pspec->name, "name"))
    counts->notify_name++;
  else if (g_str_equal (pspec->name, "layout"))
    counts->notify_layout++;
}

static void
watch (ZpScheme *scheme,
       Counts   *counts)
{
  g_signal_connect (scheme, "changed", G_CALLBACK (on_changed), counts);
  g_signal_connect (scheme, "notify", G_CALLBACK (on_notify), counts);
}

static void
assert_categories (ZpScheme   *scheme,
                   const char *output,
                   const char *benefit,
                   const char *satisfaction)
{
  g_assert_cmpuint (zp_scheme_get_n_categories (scheme), ==, 3);
  g_assert_cmpstr (zp_scheme_get_category_name (scheme, 0), ==, "产出指标");
  g_assert_cmpstr (zp_scheme_get_category_name (scheme, 1), ==, "效益指标");
  g_assert_cmpstr (zp_scheme_get_category_name (scheme, 2), ==, "满意度指标");
  assert_decimal (zp_scheme_get_category_weight (scheme, 0), output);
  assert_decimal (zp_scheme_get_category_weight (scheme, 1), benefit);
  assert_decimal (zp_scheme_get_category_weight (scheme, 2), satisfaction);
}

static void
assert_common_settings (ZpScheme *scheme)
{
  g_assert_cmpint (zp_scheme_get_reverse_formula (scheme), ==, ZP_REVERSE_FORMULA_RATIO);
  assert_decimal (zp_scheme_get_over_achievement (scheme), "1.2");
  assert_decimal (zp_scheme_get_execution_threshold (scheme), "0.9");
  g_assert_cmpuint (zp_scheme_get_decimals (scheme), ==, 2);
}

static void
assert_bands (ZpScheme   *scheme,
              const char *partial_lower)
{
  assert_decimal (zp_scheme_get_band_lower (scheme, ZP_GRADE_ACHIEVED), "0.8");
  assert_decimal (zp_scheme_get_band_upper (scheme, ZP_GRADE_ACHIEVED), "1");
  assert_decimal (zp_scheme_get_band_lower (scheme, ZP_GRADE_PARTIAL), partial_lower);
  assert_decimal (zp_scheme_get_band_upper (scheme, ZP_GRADE_PARTIAL), "0.8");
  assert_decimal (zp_scheme_get_band_lower (scheme, ZP_GRADE_MISSED), "0");
  assert_decimal (zp_scheme_get_band_upper (scheme, ZP_GRADE_MISSED), partial_lower);
}

static void
test_builtin_hubei (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");

  g_assert_nonnull (scheme);
  g_assert_cmpstr (zp_scheme_get_id (scheme), ==, "hubei");
  g_assert_cmpstr (zp_scheme_get_name (scheme), ==, "Hubei / Wuhan");
  g_assert_cmpstr (zp_scheme_get_layout (scheme), ==, "hubei");
  assert_decimal (zp_scheme_get_execution_weight (scheme), "20");
  assert_categories (scheme, "40", "30", "10");
  assert_decimal (zp_scheme_get_indicator_weight (scheme), "80");
  assert_bands (scheme, "0.5");
  assert_common_settings (scheme);
  g_assert_cmpstr (ZP_SCHEME_DEFAULT_ID, ==, "hubei");
}

static void
test_builtin_central (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("central");

  g_assert_nonnull (scheme);
  g_assert_cmpstr (zp_scheme_get_id (scheme), ==, "central");
  g_assert_cmpstr (zp_scheme_get_name (scheme), ==, "Central (MoF No. 10, 2020)");
  g_assert_cmpstr (zp_scheme_get_layout (scheme), ==, "central");
  assert_decimal (zp_scheme_get_execution_weight (scheme), "10");
  assert_categories (scheme, "50", "30", "10");
  assert_decimal (zp_scheme_get_indicator_weight (scheme), "90");
  assert_bands (scheme, "0.6");
  assert_common_settings (scheme);
}

static void
test_builtin_list (void)
{
  const char * const *ids = zp_scheme_list_builtin ();
  guint n = 0;

  g_assert_nonnull (ids);
  g_assert_cmpstr (ids[0], ==, "hubei");
  g_assert_cmpstr (ids[1], ==, "central");
  g_assert_cmpstr (ids[2], ==, "sichuan");
  g_assert_null (ids[3]);

  /* Every listed scheme exists and adds up to 100 points. */
  for (; ids[n] != NULL; n++)
    {
      g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin (ids[n]);
      ZpDecimal total;

      g_assert_nonnull (scheme);
      g_assert_cmpstr (zp_scheme_get_id (scheme), ==, ids[n]);
      total = zp_decimal_add (zp_scheme_get_execution_weight (scheme),
                              zp_scheme_get_indicator_weight (scheme));
      assert_decimal (total, "100");
    }
  g_assert_cmpuint (n, ==, 3);

  g_assert_null (zp_scheme_new_builtin ("nowhere"));
  g_assert_null (zp_scheme_new_builtin (""));
  g_assert_null (zp_scheme_new_builtin ("Hubei"));
}

static void
test_builtin_instances_independent (void)
{
  g_autoptr(ZpScheme) first = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpScheme) second = zp_scheme_new_builtin ("hubei");

  g_assert_true (first != second);
  zp_scheme_set_execution_weight (first, dec ("30"));
  assert_decimal (zp_scheme_get_execution_weight (second), "20");
}

static void
test_new_empty (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new ("mine", "My scheme", "central");
  g_autoptr(ZpScheme) bare = zp_scheme_new ("bare", NULL, NULL);

  g_assert_cmpstr (zp_scheme_get_id (scheme), ==, "mine");
  g_assert_cmpstr (zp_scheme_get_name (scheme), ==, "My scheme");
  g_assert_cmpstr (zp_scheme_get_layout (scheme), ==, "central");
  g_assert_cmpuint (zp_scheme_get_n_categories (scheme), ==, 0);
  assert_decimal (zp_scheme_get_execution_weight (scheme), "0");
  assert_decimal (zp_scheme_get_indicator_weight (scheme), "0");
  assert_decimal (zp_scheme_get_band_lower (scheme, ZP_GRADE_ACHIEVED), "0");
  assert_decimal (zp_scheme_get_band_lower (scheme, ZP_GRADE_PARTIAL), "0");
  assert_decimal (zp_scheme_get_band_upper (scheme, ZP_GRADE_ACHIEVED), "1");
  assert_common_settings (scheme);

  /* Without a name or layout: the id names it, the default layout lays it out. */
  g_assert_cmpstr (zp_scheme_get_name (bare), ==, "bare");
  g_assert_cmpstr (zp_scheme_get_layout (bare), ==, ZP_SCHEME_DEFAULT_ID);
}

static void
test_properties (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("central");
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *layout = NULL;
  Counts counts = { 0 };

  g_object_get (scheme, "id", &id, "name", &name, "layout", &layout, NULL);
  g_assert_cmpstr (id, ==, "central");
  g_assert_cmpstr (name, ==, "Central (MoF No. 10, 2020)");
  g_assert_cmpstr (layout, ==, "central");

  watch (scheme, &counts);
  g_object_set (scheme, "name", "中央", "layout", "hubei", NULL);
  g_assert_cmpstr (zp_scheme_get_name (scheme), ==, "中央");
  g_assert_cmpstr (zp_scheme_get_layout (scheme), ==, "hubei");
  g_assert_cmpuint (counts.notify_name, ==, 1);
  g_assert_cmpuint (counts.notify_layout, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 2);

  /* The same values again: no notify, no change. */
  g_object_set (scheme, "name", "中央", "layout", "hubei", NULL);
  g_assert_cmpuint (counts.notify_name, ==, 1);
  g_assert_cmpuint (counts.notify_layout, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 2);

  g_assert_true (G_PARAM_SPEC (g_object_class_find_property (G_OBJECT_GET_CLASS (scheme), "id"))->flags
                 & G_PARAM_CONSTRUCT_ONLY);
}

static void
test_copy_independent (void)
{
  g_autoptr(ZpScheme) original = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpScheme) copy = NULL;
  Counts counts = { 0 };

  zp_scheme_set_reverse_formula (original, ZP_REVERSE_FORMULA_LINEAR);
  zp_scheme_set_decimals (original, 3);
  zp_scheme_set_band_lower (original, ZP_GRADE_PARTIAL, dec ("0.4"));

  copy = zp_scheme_copy (original);
  g_assert_true (copy != original);
  g_assert_cmpstr (zp_scheme_get_id (copy), ==, "hubei");
  g_assert_cmpstr (zp_scheme_get_name (copy), ==, zp_scheme_get_name (original));
  g_assert_cmpstr (zp_scheme_get_layout (copy), ==, "hubei");
  assert_decimal (zp_scheme_get_execution_weight (copy), "20");
  assert_categories (copy, "40", "30", "10");
  assert_decimal (zp_scheme_get_band_lower (copy, ZP_GRADE_PARTIAL), "0.4");
  assert_decimal (zp_scheme_get_band_upper (copy, ZP_GRADE_MISSED), "0.4");
  g_assert_cmpint (zp_scheme_get_reverse_formula (copy), ==, ZP_REVERSE_FORMULA_LINEAR);
  g_assert_cmpuint (zp_scheme_get_decimals (copy), ==, 3);
  assert_decimal (zp_scheme_get_over_achievement (copy), "1.2");
  assert_decimal (zp_scheme_get_execution_threshold (copy), "0.9");

  /* Changing the copy leaves the original alone, and the original hears nothing. */
  watch (original, &counts);
  zp_scheme_set_name (copy, "Edited");
  zp_scheme_set_layout (copy, "central");
  zp_scheme_set_execution_weight (copy, dec ("10"));
  zp_scheme_set_category_weight (copy, 0, dec ("50"));
  zp_scheme_add_category (copy, "成本指标", dec ("5"));
  zp_scheme_set_band_lower (copy, ZP_GRADE_ACHIEVED, dec ("0.9"));
  zp_scheme_set_decimals (copy, 1);

  g_assert_cmpstr (zp_scheme_get_name (original), ==, "Hubei / Wuhan");
  g_assert_cmpstr (zp_scheme_get_layout (original), ==, "hubei");
  assert_decimal (zp_scheme_get_execution_weight (original), "20");
  assert_categories (original, "40", "30", "10");
  assert_decimal (zp_scheme_get_band_lower (original, ZP_GRADE_ACHIEVED), "0.8");
  g_assert_cmpuint (zp_scheme_get_decimals (original), ==, 3);
  g_assert_cmpuint (counts.changed, ==, 0);

  g_assert_cmpuint (zp_scheme_get_n_categories (copy), ==, 4);
  assert_decimal (zp_scheme_get_indicator_weight (copy), "95");
}

static void
assert_lookup (ZpScheme   *scheme,
               const char *text,
               guint       expected)
{
  guint index = G_MAXUINT;

  if (!zp_scheme_lookup_category (scheme, text, &index))
    g_error ("category \"%s\" not found", text);
  g_assert_cmpuint (index, ==, expected);
}

static void
assert_no_lookup (ZpScheme   *scheme,
                  const char *text)
{
  guint index = 1234;

  if (zp_scheme_lookup_category (scheme, text, &index))
    g_error ("\"%s\" found as category %u", text, index);
  g_assert_cmpuint (index, ==, 1234);
}

static void
test_lookup_category (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");

  assert_lookup (scheme, "产出指标", 0);
  assert_lookup (scheme, "产出", 0);
  assert_lookup (scheme, "产出指标（40 分）", 0);
  assert_lookup (scheme, "产出指标(40分)", 0);
  assert_lookup (scheme, "产出指标（40）", 0);
  assert_lookup (scheme, " 产出指标 ", 0);
  assert_lookup (scheme, "效益指标（30 分）", 1);
  assert_lookup (scheme, "效益", 1);
  assert_lookup (scheme, "满意度指标（10 分）", 2);
  assert_lookup (scheme, "满意度", 2);
  assert_lookup (scheme, "满意度指标（7.5 分）", 2);

  assert_no_lookup (scheme, "成本指标");
  assert_no_lookup (scheme, "产出指标（四十分）");
  assert_no_lookup (scheme, "产出指标（40 分）x");
  assert_no_lookup (scheme, "指标");
  assert_no_lookup (scheme, "（40 分）");
  assert_no_lookup (scheme, "");
  assert_no_lookup (scheme, NULL);

  /* The index is optional. */
  g_assert_true (zp_scheme_lookup_category (scheme, "效益指标", NULL));

  /* A category added without 指标 is found with it too. */
  zp_scheme_add_category (scheme, "成本", dec ("10"));
  assert_lookup (scheme, "成本指标（10 分）", 3);
  /* Looked up (and remembered) as unknown before: known now */
  assert_lookup (scheme, "成本指标", 3);
  assert_lookup (scheme, "成本指标", 3);
  assert_lookup (scheme, "产出指标（40 分）", 0);

  /* A copy answers from its own categories */
  {
    g_autoptr(ZpScheme) other = zp_scheme_new ("other", "Other", "hubei");

    zp_scheme_add_category (other, "效益指标", dec ("50"));
    assert_lookup (other, "效益", 0);
    assert_no_lookup (other, "产出指标");
    assert_lookup (scheme, "效益", 1);
  }
}

static void
test_add_existing_category (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  Counts counts = { 0 };

  watch (scheme, &counts);

  /* Same weight: nothing happens. */
  zp_scheme_add_category (scheme, "产出指标（40 分）", dec ("40"));
  g_assert_cmpuint (counts.changed, ==, 0);
  g_assert_cmpuint (zp_scheme_get_n_categories (scheme), ==, 3);

  /* Another weight: the existing category takes it. */
  zp_scheme_add_category (scheme, "产出", dec ("45"));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (zp_scheme_get_n_categories (scheme), ==, 3);
  assert_decimal (zp_scheme_get_category_weight (scheme, 0), "45");
  g_assert_cmpstr (zp_scheme_get_category_name (scheme, 0), ==, "产出指标");
}

/* Each setter: once with the value it already has (no signal), then a new value (one). */
static void
test_setters_emit_changed (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  Counts counts = { 0 };
  guint expected = 0;

#define CHECK(call_same, call_new)                           \
  G_STMT_START {                                             \
    call_same;                                               \
    g_assert_cmpuint (counts.changed, ==, expected);         \
    call_new;                                                \
    g_assert_cmpuint (counts.changed, ==, ++expected);       \
  } G_STMT_END

  watch (scheme, &counts);

  CHECK (zp_scheme_set_name (scheme, "Hubei / Wuhan"),
         zp_scheme_set_name (scheme, "武汉"));
  CHECK (zp_scheme_set_layout (scheme, "hubei"),
         zp_scheme_set_layout (scheme, "central"));
  CHECK (zp_scheme_set_execution_weight (scheme, dec ("20.000")),
         zp_scheme_set_execution_weight (scheme, dec ("10")));
  CHECK (zp_scheme_set_category_weight (scheme, 1, dec ("30")),
         zp_scheme_set_category_weight (scheme, 1, dec ("35")));
  CHECK (zp_scheme_set_band_lower (scheme, ZP_GRADE_ACHIEVED, dec ("0.8")),
         zp_scheme_set_band_lower (scheme, ZP_GRADE_ACHIEVED, dec ("0.85")));
  CHECK (zp_scheme_set_band_lower (scheme, ZP_GRADE_PARTIAL, dec ("0.5")),
         zp_scheme_set_band_lower (scheme, ZP_GRADE_PARTIAL, dec ("0.6")));
  CHECK (zp_scheme_set_band_lower (scheme, ZP_GRADE_MISSED, dec ("0")),
         zp_scheme_set_band_lower (scheme, ZP_GRADE_MISSED, dec ("0.1")));
  CHECK (zp_scheme_set_reverse_formula (scheme, ZP_REVERSE_FORMULA_RATIO),
         zp_scheme_set_reverse_formula (scheme, ZP_REVERSE_FORMULA_LINEAR));
  CHECK (zp_scheme_set_over_achievement (scheme, dec ("1.2")),
         zp_scheme_set_over_achievement (scheme, dec ("1.5")));
  CHECK (zp_scheme_set_execution_threshold (scheme, dec ("0.90")),
         zp_scheme_set_execution_threshold (scheme, dec ("0.8")));
  CHECK (zp_scheme_set_decimals (scheme, 2),
         zp_scheme_set_decimals (scheme, 0));
  CHECK ((void) 0,
         zp_scheme_add_category (scheme, "成本指标", dec ("5")));

#undef CHECK

  g_assert_cmpuint (counts.notify_name, ==, 1);
  g_assert_cmpuint (counts.notify_layout, ==, 1);

  /* And the values stuck, with the bands following their lower bounds. */
  g_assert_cmpstr (zp_scheme_get_name (scheme), ==, "武汉");
  g_assert_cmpstr (zp_scheme_get_layout (scheme), ==, "central");
  assert_decimal (zp_scheme_get_execution_weight (scheme), "10");
  assert_decimal (zp_scheme_get_category_weight (scheme, 1), "35");
  assert_decimal (zp_scheme_get_indicator_weight (scheme), "90");
  assert_decimal (zp_scheme_get_band_upper (scheme, ZP_GRADE_PARTIAL), "0.85");
  assert_decimal (zp_scheme_get_band_upper (scheme, ZP_GRADE_MISSED), "0.6");
  assert_decimal (zp_scheme_get_band_lower (scheme, ZP_GRADE_MISSED), "0.1");
  g_assert_cmpint (zp_scheme_get_reverse_formula (scheme), ==, ZP_REVERSE_FORMULA_LINEAR);
  assert_decimal (zp_scheme_get_over_achievement (scheme), "1.5");
  assert_decimal (zp_scheme_get_execution_threshold (scheme), "0.8");
  g_assert_cmpuint (zp_scheme_get_decimals (scheme), ==, 0);
}

static void
assert_band (ZpScheme   *scheme,
             ZpGrade     grade,
             const char *weight,
             const char *lower,
             const char *upper)
{
  ZpDecimal low = ZP_DECIMAL_ZERO;
  ZpDecimal high = ZP_DECIMAL_ZERO;
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;

  g_assert_true (zp_scheme_get_band_range (scheme, grade, dec (weight), &low, &high));
  low_text = zp_decimal_format (low, 6);
  high_text = zp_decimal_format (high, 6);
  g_assert_cmpstr (low_text, ==, lower);
  g_assert_cmpstr (high_text, ==, upper);
}

static void
test_band_range (void)
{
  g_autoptr(ZpScheme) hubei = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpScheme) central = zp_scheme_new_builtin ("central");
  ZpDecimal low = dec ("7");
  ZpDecimal high = dec ("7");

  assert_band (hubei, ZP_GRADE_PARTIAL, "10", "5.000000", "8.000000");
  assert_band (hubei, ZP_GRADE_ACHIEVED, "10", "8.000000", "10.000000");
  assert_band (hubei, ZP_GRADE_MISSED, "10", "0.000000", "5.000000");
  assert_band (central, ZP_GRADE_PARTIAL, "10", "6.000000", "8.000000");
  assert_band (central, ZP_GRADE_MISSED, "10", "0.000000", "6.000000");

  /* Rounded to the scheme's decimals: 50% of 3.33 is 1.665, shown and tested as 1.67. */
  assert_band (hubei, ZP_GRADE_PARTIAL, "3.33", "1.670000", "2.660000");
  zp_scheme_set_decimals (hubei, 1);
  assert_band (hubei, ZP_GRADE_PARTIAL, "3.33", "1.700000", "2.700000");

  /* No grade, no band: the outputs are left alone. */
  g_assert_false (zp_scheme_get_band_range (hubei, ZP_GRADE_NONE, dec ("10"), &low, &high));
  assert_decimal (low, "7");
  assert_decimal (high, "7");

  /* An indicator's score range: the band for a grade, 0 to the weight ungraded; the upper
   * bound belongs to it ungraded and for 达成 only. */
  {
    g_autoptr(ZpIndicator) indicator = zp_indicator_new ();
    gboolean included = FALSE;

    zp_indicator_set_weight (indicator, "10");
    g_assert_true (zp_indicator_get_score_range (indicator, central, ZP_GRADE_PARTIAL, &low, &high, &included));
    assert_decimal (low, "6");
    assert_decimal (high, "8");
    g_assert_false (included);
    g_assert_true (zp_indicator_get_score_range (indicator, central, ZP_GRADE_ACHIEVED, &low, &high, &included));
    assert_decimal (high, "10");
    g_assert_true (included);
    g_assert_true (zp_indicator_get_score_range (indicator, central, ZP_GRADE_NONE, &low, &high, &included));
    assert_decimal (low, "0");
    assert_decimal (high, "10");
    g_assert_true (included);
    zp_indicator_set_weight (indicator, "十分");
    g_assert_false (zp_indicator_get_score_range (indicator, central, ZP_GRADE_PARTIAL, &low, &high, &included));
  }
}

static void
test_finalize (void)
{
  ZpScheme *scheme = zp_scheme_new_builtin ("central");
  ZpScheme *copy = zp_scheme_copy (scheme);

  g_assert_finalize_object (scheme);
  /* The copy owns its own strings and categories. */
  g_assert_cmpstr (zp_scheme_get_category_name (copy, 2), ==, "满意度指标");
  g_assert_cmpstr (zp_scheme_get_layout (copy), ==, "central");
  g_assert_finalize_object (copy);
}

/* ---- grade bands (自评等级, issue 10) ---- */

static void
assert_default_grades (ZpScheme *scheme)
{
  static const struct { const char *id, *name, *min; } expected[] = {
    { "excellent", "优", "90" }, { "good", "良", "80" }, { "fair", "中", "60" }, { "poor", "差", "0" },
  };

  g_assert_cmpuint (zp_scheme_get_n_grade_bands (scheme), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (zp_scheme_get_grade_band_id (scheme, i), ==, expected[i].id);
      g_assert_cmpstr (zp_scheme_get_grade_band_name (scheme, i), ==, expected[i].name);
      assert_decimal (zp_scheme_get_grade_band_min (scheme, i), expected[i].min);
    }
  g_assert_true (zp_scheme_has_default_grade_bands (scheme));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_changed (ZpScheme *scheme,
               guint    *count)
{
  (*count)++;
}

/* Every built-in (and a scheme made from scratch) has 优 90, 良 80, 中 60, 差 0. */
static void
test_grade_bands_default (void)
{
  const char * const *ids = zp_scheme_list_builtin ();
  g_autoptr(ZpScheme) custom = zp_scheme_new ("county", "县级", NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin (ids[i]);

      assert_default_grades (scheme);
    }
  assert_default_grades (custom);
}

static const ZpSchemeGradeBand two_grades_unsorted[] = {
  { "pass", "合格", { 0 } },
  { "excellent", "优秀", { 0 } },
};

static void
set_two_grades (ZpScheme *scheme)
{
  ZpSchemeGradeBand bands[2];

  memcpy (bands, two_grades_unsorted, sizeof bands);
  bands[0].min = dec ("0");
  bands[1].min = dec ("95");
  zp_scheme_set_grade_bands (scheme, bands, G_N_ELEMENTS (bands));
}

/* Set in any order, kept highest first, notified once, copied, and as a property. */
static void
test_grade_bands_set (void)
{
  g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin ("hubei");
  g_autoptr(ZpScheme) copy = NULL;
  g_autoptr(ZpScheme) other = zp_scheme_new_builtin ("central");
  g_auto(GStrv) texts = NULL;
  guint notified = 0, changed = 0;

  g_signal_connect (scheme, "notify::grade-bands", G_CALLBACK (count_notify), &notified);
  g_signal_connect (scheme, "changed", G_CALLBACK (count_changed), &changed);
  set_two_grades (scheme);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  set_two_grades (scheme);  /* the same again: nothing changes */
  g_assert_cmpuint (notified, ==, 1);

  g_assert_cmpuint (zp_scheme_get_n_grade_bands (scheme), ==, 2);
  g_assert_cmpstr (zp_scheme_get_grade_band_id (scheme, 0), ==, "excellent");
  g_assert_cmpstr (zp_scheme_get_grade_band_name (scheme, 0), ==, "优秀");
  assert_decimal (zp_scheme_get_grade_band_min (scheme, 0), "95");
  g_assert_cmpstr (zp_scheme_get_grade_band_name (scheme, 1), ==, "合格");
  g_assert_false (zp_scheme_has_default_grade_bands (scheme));

  copy = zp_scheme_copy (scheme);
  g_assert_cmpuint (zp_scheme_get_n_grade_bands (copy), ==, 2);
  g_assert_cmpstr (zp_scheme_get_grade_band_name (copy, 0), ==, "优秀");

  g_object_get (scheme, "grade-bands", &texts, NULL);
  g_assert_cmpuint (g_strv_length (texts), ==, 2);
  g_assert_cmpstr (texts[0], ==, "excellent:优秀=95");
  g_assert_cmpstr (texts[1], ==, "pass:合格=0");
  g_object_set (other, "grade-bands", texts, NULL);
  g_assert_cmpstr (zp_scheme_get_grade_band_name (other, 1), ==, "合格");
  assert_decimal (zp_scheme_get_grade_band_min (other, 0), "95");
}

static ZpScheme *
load_scheme_text (const char *scheme_members,
                  GError    **error)
{
  g_autofree char *data = g_strdup_printf ("{\"format\": \"ziping-scheme\", \"version\": 2, \"scheme\": {"
                                           "\"id\": \"county\", \"name\": \"县级\", \"layout\": \"hubei\", "
                                           "\"execution-weight\": \"20\", "
                                           "\"categories\": [{\"name\": \"产出指标\", \"weight\": \"80\"}], "
                                           "\"bands\": {\"achieved\": \"0.8\", \"partial\": \"0.5\", \"missed\": \"0\"}%s}}",
                                           scheme_members);

  return zp_scheme_load_from_data (data, strlen (data), "county.json", error);
}

/* A scheme file may carry its own "grades"; without them, the defaults; bad ones refused. */
static void
test_grade_bands_scheme_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpScheme) plain = load_scheme_text ("", &error);
  g_autoptr(ZpScheme) graded = NULL;
  g_autoptr(ZpScheme) again = NULL;
  g_autofree char *plain_data = NULL;
  g_autofree char *graded_data = NULL;
  static const struct { const char *members, *message; } bad[] = {
    { ", \"grades\": []", "at least one grade" },
    { ", \"grades\": [{\"id\": \"a\", \"min\": \"90\"}]", "each grade needs a “name”" },
    { ", \"grades\": [{\"id\": \"a\", \"name\": \"优\", \"min\": \"120\"}]", "between 0 and 100" },
    { ", \"grades\": [{\"id\": \"a\", \"name\": \"优\"}]", "min" },
    { ", \"grades\": {\"优\": \"90\"}", "array" },
  };

  g_assert_no_error (error);
  assert_default_grades (plain);
  plain_data = zp_scheme_to_data (plain, NULL);
  g_assert_null (strstr (plain_data, "\"grades\""));

  graded = load_scheme_text (", \"grades\": [{\"id\": \"pass\", \"name\": \"合格\", \"min\": \"0\"}, "
                             "{\"id\": \"excellent\", \"name\": \"优秀\", \"min\": \"95\"}]", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zp_scheme_get_n_grade_bands (graded), ==, 2);
  g_assert_cmpstr (zp_scheme_get_grade_band_name (graded, 0), ==, "优秀");
  assert_decimal (zp_scheme_get_grade_band_min (graded, 0), "95");

  graded_data = zp_scheme_to_data (graded, NULL);
  g_assert_nonnull (strstr (graded_data, "\"grades\""));
  again = zp_scheme_load_from_data (graded_data, strlen (graded_data), "again.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zp_scheme_get_n_grade_bands (again), ==, 2);
  g_assert_cmpstr (zp_scheme_get_grade_band_id (again, 1), ==, "pass");
  g_assert_cmpstr (zp_scheme_get_grade_band_name (again, 1), ==, "合格");
  assert_decimal (zp_scheme_get_grade_band_min (again, 0), "95");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(ZpScheme) refused = load_scheme_text (bad[i].members, &bad_error);

      g_assert_null (refused);
      g_assert_error (bad_error, ZP_IO_ERROR, bad_error->code);
      g_assert_nonnull (strstr (bad_error->message, bad[i].message));
    }
}

/* A workbook's scheme keeps its bands through save and load; the example (no "grades")
 * keeps the defaults and writes none. */
static void
test_grade_bands_workbook_round_trip (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new ("hubei");
  g_autoptr(ZpWorkbook) loaded = NULL;
  g_autoptr(ZpWorkbook) plain = zp_workbook_new ("central");
  g_autoptr(ZpWorkbook) plain_loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *plain_data = NULL;
  ZpScheme *scheme;

  set_two_grades (zp_workbook_get_scheme (workbook));
  data = zp_workbook_to_data (workbook, NULL);
  loaded = zp_workbook_load_from_data (data, strlen (data), "graded.ziping", &error);
  g_assert_no_error (error);
  scheme = zp_workbook_get_scheme (loaded);
  g_assert_cmpuint (zp_scheme_get_n_grade_bands (scheme), ==, 2);
  g_assert_cmpstr (zp_scheme_get_grade_band_name (scheme, 0), ==, "优秀");
  assert_decimal (zp_scheme_get_grade_band_min (scheme, 0), "95");
  g_assert_cmpstr (zp_scheme_get_grade_band_name (scheme, 1), ==, "合格");

  plain_data = zp_workbook_to_data (plain, NULL);
  g_assert_null (strstr (plain_data, "\"grades\""));
  plain_loaded = zp_workbook_load_from_data (plain_data, strlen (plain_data), "plain.ziping", &error);
  g_assert_no_error (error);
  assert_default_grades (zp_workbook_get_scheme (plain_loaded));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheme/builtin/hubei", test_builtin_hubei);
  g_test_add_func ("/scheme/builtin/central", test_builtin_central);
  g_test_add_func ("/scheme/builtin/list", test_builtin_list);
  g_test_add_func ("/scheme/builtin/independent", test_builtin_instances_independent);
  g_test_add_func ("/scheme/new", test_new_empty);
  g_test_add_func ("/scheme/properties", test_properties);
  g_test_add_func ("/scheme/copy", test_copy_independent);
  g_test_add_func ("/scheme/lookup-category", test_lookup_category);
  g_test_add_func ("/scheme/add-existing-category", test_add_existing_category);
  g_test_add_func ("/scheme/setters-emit-changed", test_setters_emit_changed);
  g_test_add_func ("/scheme/band-range", test_band_range);
  g_test_add_func ("/scheme/finalize", test_finalize);
  g_test_add_func ("/scheme/grade-bands/default", test_grade_bands_default);
  g_test_add_func ("/scheme/grade-bands/set", test_grade_bands_set);
  g_test_add_func ("/scheme/grade-bands/scheme-file", test_grade_bands_scheme_file);
  g_test_add_func ("/scheme/grade-bands/workbook-round-trip", test_grade_bands_workbook_round_trip);

  return g_test_run ();
}
