/* test-quantity.c — targets and actual values as written on the seed's forms and beyond.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ziping-core.h"

typedef struct
{
  const char   *text;
  ZpComparator  comparator;
  const char   *value;       /* as zp_decimal_parse reads it */
  gboolean      percent;
  guint         magnitude;
  const char   *unit;        /* NULL: none */
  gboolean      zero_start;
} Expected;

static void
assert_quantity (const Expected *e)
{
  ZpQuantity q;
  ZpDecimal value;

  g_assert_true (zp_decimal_parse (e->value, &value, NULL));
  if (!zp_quantity_parse (e->text, &q))
    g_error ("\"%s\" was refused as a quantity", e->text);

  g_test_message ("%s", e->text);
  g_assert_cmpint (q.comparator, ==, e->comparator);
  g_assert_cmpint (q.value.raw, ==, value.raw);
  g_assert_cmpint (q.percent, ==, e->percent);
  g_assert_cmpuint (q.magnitude, ==, e->magnitude);
  g_assert_cmpstr (q.unit, ==, e->unit);
  g_assert_cmpint (q.zero_start, ==, e->zero_start);

  zp_quantity_clear (&q);
  g_assert_null (q.unit);
}

static void
assert_quantities (const Expected *table,
                   gsize           n)
{
  for (gsize i = 0; i < n; i++)
    assert_quantity (&table[i]);
}

static void
assert_not_quantity (const char *text)
{
  ZpQuantity q;

  /* Garbage in the struct must not survive a refusal. */
  q.comparator = ZP_COMPARATOR_GE;
  q.value.raw = 42;
  q.percent = TRUE;
  q.magnitude = 4;
  q.unit = NULL;
  q.zero_start = TRUE;

  if (zp_quantity_parse (text, &q))
    g_error ("\"%s\" was read as a quantity (value %" G_GINT64_FORMAT ", unit %s)",
             text, q.value.raw, q.unit);

  g_assert_cmpint (q.comparator, ==, ZP_COMPARATOR_NONE);
  g_assert_cmpint (q.value.raw, ==, 0);
  g_assert_false (q.percent);
  g_assert_cmpuint (q.magnitude, ==, 0);
  g_assert_null (q.unit);
  g_assert_false (q.zero_start);
}

/* Every target and actual of the seed (seed-forms.md) that is a quantity. */
static const Expected seed_quantities[] = {
  { "不少于 1 亿条数据", ZP_COMPARATOR_GE, "100000000", FALSE, 8, "条数据", FALSE },
  { "100%", ZP_COMPARATOR_NONE, "100", TRUE, 0, NULL, FALSE },
  { "≥90%", ZP_COMPARATOR_GE, "90", TRUE, 0, NULL, FALSE },
  { "≥99%", ZP_COMPARATOR_GE, "99", TRUE, 0, NULL, FALSE },
  { "≥95%", ZP_COMPARATOR_GE, "95", TRUE, 0, NULL, FALSE },
  { "7 个工作日内", ZP_COMPARATOR_LE, "7", FALSE, 0, "个工作日", FALSE },
  { "7个工作日内", ZP_COMPARATOR_LE, "7", FALSE, 0, "个工作日", FALSE },
  { "≥1 个", ZP_COMPARATOR_GE, "1", FALSE, 0, "个", FALSE },
  { "≥1个", ZP_COMPARATOR_GE, "1", FALSE, 0, "个", FALSE },
  { "0", ZP_COMPARATOR_NONE, "0", FALSE, 0, NULL, FALSE },
  { "≥4 次", ZP_COMPARATOR_GE, "4", FALSE, 0, "次", FALSE },
  { "4 次", ZP_COMPARATOR_NONE, "4", FALSE, 0, "次", FALSE },
  { "≥12 次", ZP_COMPARATOR_GE, "12", FALSE, 0, "次", FALSE },
  { "12 次", ZP_COMPARATOR_NONE, "12", FALSE, 0, "次", FALSE },
  { "10 人", ZP_COMPARATOR_NONE, "10", FALSE, 0, "人", FALSE },
  { "4 人", ZP_COMPARATOR_NONE, "4", FALSE, 0, "人", FALSE },
  { "≤7 个工作日", ZP_COMPARATOR_LE, "7", FALSE, 0, "个工作日", FALSE },
  { "≤7个工作日", ZP_COMPARATOR_LE, "7", FALSE, 0, "个工作日", FALSE },
  { "900 元/人", ZP_COMPARATOR_NONE, "900", FALSE, 0, "元/人", FALSE },
  { "≤800 元/人", ZP_COMPARATOR_LE, "800", FALSE, 0, "元/人", FALSE },
  { "25 元/月", ZP_COMPARATOR_NONE, "25", FALSE, 0, "元/月", FALSE },
};

/* Every target and actual of the seed that is not: graded by hand. */
static const char * const seed_qualitative[] = {
  "有效保障",
  "效果良好",
  "有效完成",
  "发现故障半小时内响应，4 小时内解决",
  "发现故障半小时内响应，4小时内解决",
  "良好",
  "发生故障半小时内响应，24 小时内修复",
  "完成",
  "7×24 小时响应，至少提前半天完成会前调试",
  "效果较好",
  "效果明显",
  "满意",
  "数据准确",
  "及时发放",
  "补助金额合计",
};

static void
test_seed_quantities (void)
{
  assert_quantities (seed_quantities, G_N_ELEMENTS (seed_quantities));
}

static void
test_seed_qualitative (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (seed_qualitative); i++)
    assert_not_quantity (seed_qualitative[i]);
}

/* Spec §3. */
static const Expected spec_quantities[] = {
  { "≥500人", ZP_COMPARATOR_GE, "500", FALSE, 0, "人", FALSE },
  { "≤90万元", ZP_COMPARATOR_LE, "900000", FALSE, 4, "元", FALSE },
  { "0起", ZP_COMPARATOR_NONE, "0", FALSE, 0, NULL, TRUE },
  { "150万", ZP_COMPARATOR_NONE, "1500000", FALSE, 4, NULL, FALSE },
  { "≥９０％", ZP_COMPARATOR_GE, "90", TRUE, 0, NULL, FALSE },
  { "500人以上", ZP_COMPARATOR_GE, "500", FALSE, 0, "人", FALSE },
};

static void
test_spec_examples (void)
{
  assert_quantities (spec_quantities, G_N_ELEMENTS (spec_quantities));
}

static const Expected comparator_quantities[] = {
  { ">=3次", ZP_COMPARATOR_GE, "3", FALSE, 0, "次", FALSE },
  { "<=3次", ZP_COMPARATOR_LE, "3", FALSE, 0, "次", FALSE },
  { ">3次", ZP_COMPARATOR_GT, "3", FALSE, 0, "次", FALSE },
  { "<3次", ZP_COMPARATOR_LT, "3", FALSE, 0, "次", FALSE },
  { "＞5", ZP_COMPARATOR_GT, "5", FALSE, 0, NULL, FALSE },
  { "＜３天", ZP_COMPARATOR_LT, "3", FALSE, 0, "天", FALSE },
  { "＞＝５", ZP_COMPARATOR_GE, "5", FALSE, 0, NULL, FALSE },
  { "＜＝５", ZP_COMPARATOR_LE, "5", FALSE, 0, NULL, FALSE },
  { "=100%", ZP_COMPARATOR_EQ, "100", TRUE, 0, NULL, FALSE },
  { "＝１００％", ZP_COMPARATOR_EQ, "100", TRUE, 0, NULL, FALSE },
  { "﹦1", ZP_COMPARATOR_EQ, "1", FALSE, 0, NULL, FALSE },
  { "≧2", ZP_COMPARATOR_GE, "2", FALSE, 0, NULL, FALSE },
  { "≦2", ZP_COMPARATOR_LE, "2", FALSE, 0, NULL, FALSE },
  { "不少于 3 次", ZP_COMPARATOR_GE, "3", FALSE, 0, "次", FALSE },
  { "不低于 95%", ZP_COMPARATOR_GE, "95", TRUE, 0, NULL, FALSE },
  { "达到 100%", ZP_COMPARATOR_GE, "100", TRUE, 0, NULL, FALSE },
  { "不超过 5 天", ZP_COMPARATOR_LE, "5", FALSE, 0, "天", FALSE },
  { "不高于10%", ZP_COMPARATOR_LE, "10", TRUE, 0, NULL, FALSE },
  { "超过 3 次", ZP_COMPARATOR_GT, "3", FALSE, 0, "次", FALSE },
  { "高于 80 分", ZP_COMPARATOR_GT, "80", FALSE, 0, "分", FALSE },
  { "低于 5%", ZP_COMPARATOR_LT, "5", TRUE, 0, NULL, FALSE },
  { "少于3次", ZP_COMPARATOR_LT, "3", FALSE, 0, "次", FALSE },
};

static void
test_comparators (void)
{
  assert_quantities (comparator_quantities, G_N_ELEMENTS (comparator_quantities));
}

static const Expected suffix_quantities[] = {
  { "90%以上", ZP_COMPARATOR_GE, "90", TRUE, 0, NULL, FALSE },
  { "90%及以上", ZP_COMPARATOR_GE, "90", TRUE, 0, NULL, FALSE },
  { "5天以下", ZP_COMPARATOR_LE, "5", FALSE, 0, "天", FALSE },
  { "3天以内", ZP_COMPARATOR_LE, "3", FALSE, 0, "天", FALSE },
  { "3 天内", ZP_COMPARATOR_LE, "3", FALSE, 0, "天", FALSE },
  { "≥90%以上", ZP_COMPARATOR_GE, "90", TRUE, 0, NULL, FALSE },
  { "≤7个工作日内", ZP_COMPARATOR_LE, "7", FALSE, 0, "个工作日", FALSE },
  { "100元起", ZP_COMPARATOR_GE, "100", FALSE, 0, "元", FALSE },
};

static void
test_suffixes (void)
{
  assert_quantities (suffix_quantities, G_N_ELEMENTS (suffix_quantities));
}

static const Expected number_quantities[] = {
  { "1,200 人", ZP_COMPARATOR_NONE, "1200", FALSE, 0, "人", FALSE },
  { "1.5万元", ZP_COMPARATOR_NONE, "15000", FALSE, 4, "元", FALSE },
  { "2亿", ZP_COMPARATOR_NONE, "200000000", FALSE, 8, NULL, FALSE },
  { "1万亿元", ZP_COMPARATOR_NONE, "1000000000000", FALSE, 12, "元", FALSE },
  { "2066.63", ZP_COMPARATOR_NONE, "2066.63", FALSE, 0, NULL, FALSE },
  { "100百分比", ZP_COMPARATOR_NONE, "100", TRUE, 0, NULL, FALSE },
  { "≥90百分比", ZP_COMPARATOR_GE, "90", TRUE, 0, NULL, FALSE },
  { "-5%", ZP_COMPARATOR_NONE, "-5", TRUE, 0, NULL, FALSE },
  { "　１２　ｋｍ　", ZP_COMPARATOR_NONE, "12", FALSE, 0, "km", FALSE },
  { "200m²", ZP_COMPARATOR_NONE, "200", FALSE, 0, "m²", FALSE },
  { "0", ZP_COMPARATOR_NONE, "0", FALSE, 0, NULL, FALSE },
  { "0 起", ZP_COMPARATOR_NONE, "0", FALSE, 0, NULL, TRUE },
  { "12345678个", ZP_COMPARATOR_NONE, "12345678", FALSE, 0, "个", FALSE },
  { "1个很长的单位名称", ZP_COMPARATOR_NONE, "1", FALSE, 0, "个很长的单位名称", FALSE },
};

static void
test_numbers_and_units (void)
{
  assert_quantities (number_quantities, G_N_ELEMENTS (number_quantities));
}

static void
test_refusals (void)
{
  assert_not_quantity (NULL);
  assert_not_quantity ("");
  assert_not_quantity ("   ");
  assert_not_quantity ("≥");
  assert_not_quantity ("人");
  assert_not_quantity ("百分比");
  assert_not_quantity ("一年以上");
  assert_not_quantity ("≤5天以上");           /* contradicts itself */
  assert_not_quantity ("≥5天以内");
  assert_not_quantity ("≤100元起");
  assert_not_quantity ("90%人");             /* a percentage takes no unit */
  assert_not_quantity ("90%%");
  assert_not_quantity ("1.2.3人");
  assert_not_quantity ("5人3次");
  assert_not_quantity ("1e5");
  assert_not_quantity ("4,5次");
  assert_not_quantity ("≥90，");
  assert_not_quantity ("≥90%，");
  assert_not_quantity ("10人；");
  assert_not_quantity ("10、20人");
  assert_not_quantity ("7*24小时");
  assert_not_quantity ("1个非常非常长的单位名称");   /* 12 characters: a phrase */
  assert_not_quantity ("99999999999亿");              /* overflow */
  assert_not_quantity ("9999999999999999999999");
  assert_not_quantity ("≥≥5");
}

/* Numbers and tails longer than the stack buffers read the same. */
static void
test_long_texts (void)
{
  g_autofree char *zeros = g_strnfill (70, '0');
  g_autofree char *number = g_strconcat (zeros, "12个", NULL);
  g_autofree char *phrase = g_strnfill (200, 'x');
  g_autofree char *with_phrase = g_strconcat ("12", phrase, NULL);
  ZpQuantity q = { 0 };

  g_assert_true (zp_quantity_parse (number, &q));
  g_assert_true (zp_decimal_equal (q.value, zp_decimal_from_int (12)));
  g_assert_cmpstr (q.unit, ==, "个");
  zp_quantity_clear (&q);

  g_assert_false (zp_quantity_parse (with_phrase, &q));
  g_assert_null (q.unit);
}

static void
test_normalize (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "  ≥ 90 % ", "≥90%" },
    { "７ 个工作日内", "7个工作日内" },
    { "　全角　空格　", "全角空格" },
    { "ＡＢＣ！～", "ABC!~" },
    { "a\tb\nc", "abc" },
    { "\xE2\x80\x8B" "12", "12" },      /* zero-width space */
    { "", "" },
    { "≥９０％", "≥90%" },
    { "发现故障半小时内响应，4 小时内解决", "发现故障半小时内响应,4小时内解决" },
  };
  g_autofree char *from_null = zp_text_normalize (NULL);
  g_autofree char *from_invalid = zp_text_normalize ("a\xFF" "b");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = zp_text_normalize (cases[i].in);

      g_assert_cmpstr (normalized, ==, cases[i].out);
    }

  g_assert_cmpstr (from_null, ==, "");
  g_assert_true (g_utf8_validate (from_invalid, -1, NULL));
  g_assert_cmpstr (from_invalid, ==, "a\xEF\xBF\xBD" "b");

  /* Text that is not UTF-8 (validated as it is normalised) reads as g_utf8_make_valid()
   * mends it, short or long, wherever the bad bytes are. */
  {
    static const char * const invalid[] = {
      "≥\xC0\xAF" "90%", "\xED\xA0\x80" "5天", "９０％\xE8\xAF", "\x80", "１\xF4\x90\x80\x80",
      "ok\xF8\x88\x80\x80\x80",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
      for (guint repeat = 1; repeat <= 100; repeat += 99)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *mended = NULL;
          g_autofree char *expected = NULL;
          g_autofree char *normalized = NULL;

          for (guint r = 0; r < repeat; r++)
            g_string_append (text, invalid[i]);
          mended = g_utf8_make_valid (text->str, -1);
          expected = zp_text_normalize (mended);
          normalized = zp_text_normalize (text->str);
          g_assert_cmpstr (normalized, ==, expected);
          g_assert_true (g_utf8_validate (normalized, -1, NULL));
        }
  }

  /* No-break and ideographic spaces go; long texts (beyond the stack buffer) too */
  {
    g_autoptr(GString) long_text = g_string_new (NULL);
    g_autoptr(GString) expected = g_string_new (NULL);
    g_autofree char *normalized = NULL;
    g_autofree char *no_break = zp_text_normalize ("1\xC2\xA0" "000");

    for (guint i = 0; i < 200; i++)
      {
        g_string_append (long_text, "　数 Ａ");
        g_string_append (expected, "数A");
      }
    normalized = zp_text_normalize (long_text->str);
    g_assert_cmpstr (normalized, ==, expected->str);
    g_assert_cmpstr (no_break, ==, "1000");
    g_assert_true (zp_text_restates (long_text->str, expected->str));
  }
  g_assert_true (g_str_has_prefix (from_invalid, "a"));
  g_assert_true (g_str_has_suffix (from_invalid, "b"));
}

static void
test_says_achieved (void)
{
  const char * const achieved[] = {
    "完成", "已完成", "达成", "已达成", "达成年度指标", "达成预期指标", "达到预期",
    "全部完成", "按期完成", " 完成 ", "已　完成",
  };
  const char * const not_achieved[] = {
    "有效完成", "未完成", "部分完成", "完成了一半", "有效保障", "100%", "", "完成。",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (achieved); i++)
    {
      if (!zp_text_says_achieved (achieved[i]))
        g_error ("\"%s\" should say achieved", achieved[i]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (not_achieved); i++)
    {
      if (zp_text_says_achieved (not_achieved[i]))
        g_error ("\"%s\" should not say achieved", not_achieved[i]);
    }
  g_assert_false (zp_text_says_achieved (NULL));
}

static void
test_restates (void)
{
  g_assert_true (zp_text_restates ("≥90%", "≥90%"));
  g_assert_true (zp_text_restates ("7个工作日内", "7 个工作日内"));
  g_assert_true (zp_text_restates ("≤7个工作日", "≤7 个工作日"));
  g_assert_true (zp_text_restates ("不少于 1 亿条数据", "不少于 1 亿条数据"));
  g_assert_true (zp_text_restates ("≥９０％", "≥90%"));
  g_assert_true (zp_text_restates ("有效保障", "有效保障"));
  g_assert_false (zp_text_restates ("4 次", "≥4 次"));
  g_assert_false (zp_text_restates ("≥95%", "≥90%"));
  g_assert_false (zp_text_restates ("", ""));
  g_assert_false (zp_text_restates (" ", "　"));
  g_assert_false (zp_text_restates (NULL, NULL));
  g_assert_false (zp_text_restates ("≥90%", NULL));
  g_assert_false (zp_text_restates (NULL, "≥90%"));
}

/* zp_text_restates() compares as it walks the two texts; it must say what comparing their
 * normalised texts says, for every pair: prefixes, spaces of every kind on either side,
 * full-width forms, and bytes that are not UTF-8 (mended, then compared). */
static void
test_restates_as_normalised (void)
{
  const char * const texts[] = {
    "", " ", "　", "\u200B", "≥90", "≥90%", "≥９０％", "≥ 90 %", "≥90%\u200B", "90%",
    "有效保障", "有效 保障", "有效保障。", "ａ", "a", "A", "a\xFF", "a\xFF" "b", "\xFF", "a\xC3",
    "\xE4\xB8", "7个工作日内", "7 个工作日内", "\xEF\xBB\xBF" "90%",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (texts); j++)
      {
        g_autofree char *actual = zp_text_normalize (texts[i]);
        g_autofree char *target = zp_text_normalize (texts[j]);
        gboolean expected = *target != '\0' && g_str_equal (actual, target);

        if (zp_text_restates (texts[i], texts[j]) != expected)
          g_error ("zp_text_restates (\"%s\", \"%s\") should be %d", texts[i], texts[j], expected);
      }
}

static void
test_clear (void)
{
  ZpQuantity q;

  g_assert_true (zp_quantity_parse ("≤90万元", &q));
  g_assert_nonnull (q.unit);
  zp_quantity_clear (&q);
  g_assert_null (q.unit);
  g_assert_cmpint (q.comparator, ==, ZP_COMPARATOR_NONE);
  g_assert_cmpint (q.value.raw, ==, 0);
  g_assert_cmpuint (q.magnitude, ==, 0);
  /* Clearing twice is harmless. */
  zp_quantity_clear (&q);
  g_assert_null (q.unit);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quantity/seed/quantities", test_seed_quantities);
  g_test_add_func ("/quantity/seed/qualitative", test_seed_qualitative);
  g_test_add_func ("/quantity/spec-examples", test_spec_examples);
  g_test_add_func ("/quantity/comparators", test_comparators);
  g_test_add_func ("/quantity/suffixes", test_suffixes);
  g_test_add_func ("/quantity/numbers-and-units", test_numbers_and_units);
  g_test_add_func ("/quantity/refusals", test_refusals);
  g_test_add_func ("/quantity/clear", test_clear);
  g_test_add_func ("/quantity/long-texts", test_long_texts);
  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/says-achieved", test_says_achieved);
  g_test_add_func ("/text/restates", test_restates);
  g_test_add_func ("/text/restates-as-normalised", test_restates_as_normalised);

  return g_test_run ();
}
