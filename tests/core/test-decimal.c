/* test-decimal.c — parsing, arithmetic, rounding and formatting of ZpDecimal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ziping-core.h"

/* A literal written the way the code under test should read it: "12.625" → 12625000. */
static ZpDecimal
dec (const char *text)
{
  ZpDecimal value = { G_MININT64 };

  g_assert_true (zp_decimal_parse (text, &value, NULL));
  return value;
}

static void
assert_parses (const char *text,
               gint64      expected_raw,
               gboolean    expected_percent)
{
  ZpDecimal value = { -1 };
  gboolean percent = !expected_percent;

  if (!zp_decimal_parse (text, &value, &percent))
    g_error ("\"%s\" was refused, expected raw %" G_GINT64_FORMAT, text, expected_raw);
  g_assert_cmpint (value.raw, ==, expected_raw);
  g_assert_cmpint (percent, ==, expected_percent);
}

static void
assert_refused (const char *text)
{
  ZpDecimal value = { 4242 };
  gboolean percent = FALSE;

  if (zp_decimal_parse (text, &value, &percent))
    g_error ("\"%s\" was accepted as raw %" G_GINT64_FORMAT, text, value.raw);
  /* Untouched on failure. */
  g_assert_cmpint (value.raw, ==, 4242);
}

static void
assert_format (ZpDecimal   value,
               guint       places,
               const char *expected)
{
  g_autofree char *text = zp_decimal_format (value, places);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_format_trim (ZpDecimal   value,
                    guint       places,
                    const char *expected)
{
  g_autofree char *text = zp_decimal_format_trim (value, places);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_percent (ZpDecimal   rate,
                guint       places,
                gboolean    trim,
                const char *expected)
{
  g_autofree char *text = zp_decimal_format_percent (rate, places, trim);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_parse_plain (void)
{
  assert_parses ("0", 0, FALSE);
  assert_parses ("12", 12000000, FALSE);
  assert_parses ("2066.63", 2066630000, FALSE);
  assert_parses ("0.5", 500000, FALSE);
  assert_parses (".5", 500000, FALSE);
  assert_parses ("007", 7000000, FALSE);
  assert_parses ("1.000000", 1000000, FALSE);
  assert_parses ("0.000001", 1, FALSE);
  assert_parses ("9223372036854.775807", G_MAXINT64, FALSE);
}

static void
test_parse_signs (void)
{
  assert_parses ("-5", -5000000, FALSE);
  assert_parses ("+5", 5000000, FALSE);
  assert_parses ("\xEF\xBC\x8D" "5", -5000000, FALSE);          /* －5 */
  assert_parses ("\xEF\xBC\x8B" "5.5", 5500000, FALSE);         /* ＋5.5 */
  assert_parses ("-0", 0, FALSE);
  assert_parses ("-2.675", -2675000, FALSE);
  assert_parses ("-9223372036854.775807", -G_MAXINT64, FALSE);
}

static void
test_parse_separators (void)
{
  assert_parses ("1,234.5", 1234500000, FALSE);
  assert_parses ("1,234,567", G_GINT64_CONSTANT (1234567000000), FALSE);
  assert_parses ("250,000", 250000000000, FALSE);
  assert_parses ("1\xEF\xBC\x8C" "234", 1234000000, FALSE);     /* 1，234 */
  assert_parses ("-12,345.67", -12345670000, FALSE);
}

static void
test_parse_full_width (void)
{
  /* １２３．４ */
  assert_parses ("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x8E\xEF\xBC\x94",
                 123400000, FALSE);
  /* ９０％ */
  assert_parses ("\xEF\xBC\x99\xEF\xBC\x90\xEF\xBC\x85", 900000, TRUE);
  /* mixed half- and full-width digits */
  assert_parses ("1\xEF\xBC\x90", 10000000, FALSE);
}

static void
test_parse_fraction_rounding (void)
{
  /* More than six places: rounded half-up, away from zero. */
  assert_parses ("0.0000005", 1, FALSE);
  assert_parses ("0.0000004999", 0, FALSE);
  assert_parses ("1.23456789", 1234568, FALSE);
  assert_parses ("-0.0000005", -1, FALSE);
  assert_parses ("2.6750004", 2675000, FALSE);
  assert_parses ("0.12345649999999999999999", 123456, FALSE);
}

static void
test_parse_percent (void)
{
  assert_parses ("86.18%", 861800, TRUE);
  assert_parses ("  86.18% ", 861800, TRUE);
  assert_parses ("100%", 1000000, TRUE);
  assert_parses ("103.50%", 1035000, TRUE);
  assert_parses ("90\xEF\xBC\x85", 900000, TRUE);                /* 90％ */
  assert_parses ("0.00005%", 1, TRUE);                           /* 5 × 10^-7, half-up */
  assert_parses ("-5%", -50000, TRUE);
  assert_parses ("86.18 %", 861800, TRUE);
}

static void
test_parse_magnitude (void)
{
  assert_parses ("150\xE4\xB8\x87", G_GINT64_CONSTANT (1500000000000), FALSE);      /* 150万 */
  assert_parses ("2\xE4\xBA\xBF", G_GINT64_CONSTANT (200000000000000), FALSE);      /* 2亿 */
  assert_parses ("1.5\xE4\xBA\xBF", G_GINT64_CONSTANT (150000000000000), FALSE);    /* 1.5亿 */
  assert_parses ("0.00000001\xE4\xBA\xBF", 1000000, FALSE);                         /* = 1 */
  assert_parses ("1.23456789\xE4\xB8\x87", 12345678900, FALSE);                     /* 12345.6789 */
  assert_parses ("90\xE4\xB8\x87", 900000000000, FALSE);                            /* 90万 */
}

static void
test_parse_white_space (void)
{
  assert_parses (" 12 ", 12000000, FALSE);
  assert_parses ("\t12\n", 12000000, FALSE);
  assert_parses ("\xE3\x80\x80" "12\xE3\x80\x80", 12000000, FALSE);   /* U+3000 either side */
}

static void
test_parse_refusals (void)
{
  assert_refused ("");
  assert_refused ("   ");
  assert_refused ("abc");
  assert_refused ("1.2.3");
  assert_refused ("12abc");
  assert_refused ("--1");
  assert_refused ("+-1");
  assert_refused ("1e5");
  assert_refused ("-");
  assert_refused (".");
  assert_refused ("1.");
  assert_refused ("%");
  assert_refused ("12%%");
  assert_refused ("12%\xE4\xB8\x87");             /* 12%万 */
  assert_refused ("\xE4\xB8\x87");                /* 万 alone */
  assert_refused ("\xE7\x99\xBE\xE5\x88\x86\xE6\xAF\x94");  /* 百分比 */
  assert_refused ("1 2");
  assert_refused ("12\xE5\x85\x83");              /* 12元 */
  assert_refused (",123");
  assert_refused ("123,");
  assert_refused ("1,,234");
  assert_refused ("1,23");
  assert_refused ("1234,567");
  assert_refused ("1,234,56");
  assert_refused ("1.234,5");
  assert_refused ("\xFF\xFE");                    /* not UTF-8 */
  assert_refused (NULL);
}

static void
test_parse_overflow (void)
{
  assert_refused ("9223372036854.775808");
  assert_refused ("9223372036855");
  assert_refused ("99999999999999999999999999999999999999999999999999");
  assert_refused ("-99999999999999999999999999999999999999999999999999");
  assert_refused ("100000\xE4\xBA\xBF");          /* 10^13 */
  assert_refused ("1000000000\xE4\xB8\x87");      /* 10^13 */
  /* Many fraction digits are not an overflow. */
  assert_parses ("1.00000000000000000000000000000000000000000000000001", 1000000, FALSE);
  /* Leading zeros are not digits that count. */
  assert_parses ("0000000000000000000000000000000000000000000000000012", 12000000, FALSE);
}

static void
test_parse_null_percent (void)
{
  ZpDecimal value;

  g_assert_true (zp_decimal_parse ("45.17%", &value, NULL));
  g_assert_cmpint (value.raw, ==, 451700);
}

static void
test_constructors (void)
{
  g_assert_cmpint (zp_decimal_from_int (20).raw, ==, 20000000);
  g_assert_cmpint (zp_decimal_from_int (-3).raw, ==, -3000000);
  g_assert_cmpint (zp_decimal_from_fixed (1262, 2).raw, ==, 12620000);
  g_assert_cmpint (zp_decimal_from_fixed (5, 0).raw, ==, 5000000);
  g_assert_cmpint (zp_decimal_from_fixed (1, 6).raw, ==, 1);
  g_assert_cmpint (zp_decimal_from_fixed (15, 7).raw, ==, 2);    /* 0.0000015 → 0.000002 */
  g_assert_cmpint (zp_decimal_from_fixed (-15, 7).raw, ==, -2);
  g_assert_cmpint (ZP_DECIMAL_ZERO.raw, ==, 0);
}

static void
test_add_sub (void)
{
  g_assert_cmpint (zp_decimal_add (dec ("217.30"), dec ("1849.33")).raw, ==, dec ("2066.63").raw);
  g_assert_cmpint (zp_decimal_sub (dec ("1.31"), dec ("1849.33")).raw, ==, dec ("-1848.02").raw);
  /* No binary floating point: 0.1 + 0.2 is exactly 0.3. */
  g_assert_true (zp_decimal_equal (zp_decimal_add (dec ("0.1"), dec ("0.2")), dec ("0.3")));
  /* Saturates instead of wrapping. */
  g_assert_cmpint (zp_decimal_add ((ZpDecimal) { G_MAXINT64 }, dec ("1")).raw, ==, G_MAXINT64);
  g_assert_cmpint (zp_decimal_sub ((ZpDecimal) { G_MININT64 }, dec ("1")).raw, ==, G_MININT64);
}

static void
test_mul (void)
{
  g_assert_cmpint (zp_decimal_mul (dec ("20"), dec ("0.8618")).raw, ==, dec ("17.236").raw);
  g_assert_cmpint (zp_decimal_mul (dec ("1.5"), dec ("-2")).raw, ==, dec ("-3").raw);
  /* 0.000001 × 0.5 = 0.0000005 → half-up to 0.000001; negatives away from zero. */
  g_assert_cmpint (zp_decimal_mul (dec ("0.000001"), dec ("0.5")).raw, ==, 1);
  g_assert_cmpint (zp_decimal_mul (dec ("-0.000001"), dec ("0.5")).raw, ==, -1);
  g_assert_cmpint (zp_decimal_mul (dec ("0.000001"), dec ("0.4")).raw, ==, 0);
  /* 9 × 10^12 × 9 × 10^12 does not fit: saturates. */
  g_assert_cmpint (zp_decimal_mul (dec ("9000000000000"), dec ("9000000000000")).raw, ==, G_MAXINT64);
  g_assert_cmpint (zp_decimal_mul (dec ("-9000000000000"), dec ("9000000000000")).raw, ==, G_MININT64);
}

static void
test_div (void)
{
  g_assert_cmpint (zp_decimal_div (dec ("215457.6"), dec ("250000")).raw, ==, dec ("0.8618304").raw);
  g_assert_cmpint (zp_decimal_div (dec ("1"), dec ("3")).raw, ==, 333333);
  g_assert_cmpint (zp_decimal_div (dec ("2"), dec ("3")).raw, ==, 666667);
  g_assert_cmpint (zp_decimal_div (dec ("-2"), dec ("3")).raw, ==, -666667);
  g_assert_cmpint (zp_decimal_div (dec ("2"), dec ("-3")).raw, ==, -666667);
  g_assert_cmpint (zp_decimal_div (dec ("-2"), dec ("-3")).raw, ==, 666667);
  /* Exactly half at the seventh place: 0.0000005 rounds up. */
  g_assert_cmpint (zp_decimal_div (dec ("0.000001"), dec ("2")).raw, ==, 1);
  g_assert_cmpint (zp_decimal_div (dec ("103.5"), dec ("100")).raw, ==, dec ("1.035").raw);
}

static void
test_mul_div (void)
{
  /* weight × B / A rounded once: 1.01 × 20 / 1.60 = 12.625. */
  g_assert_cmpint (zp_decimal_mul_div (dec ("1.01"), dec ("20"), dec ("1.60")).raw, ==, 12625000);
  /* 10 × 420 / 500 = 8.4 */
  g_assert_cmpint (zp_decimal_mul_div (dec ("10"), dec ("420"), dec ("500")).raw, ==, 8400000);
  /* reverse ratio: 10 × 90 / 100 = 9 */
  g_assert_cmpint (zp_decimal_mul_div (dec ("10"), dec ("900000"), dec ("1000000")).raw, ==, 9000000);
  /* 10 × 1 / 3 with half-up at the sixth place */
  g_assert_cmpint (zp_decimal_mul_div (dec ("10"), dec ("1"), dec ("3")).raw, ==, 3333333);
  g_assert_cmpint (zp_decimal_mul_div (dec ("20"), dec ("2"), dec ("3")).raw, ==, 13333333);
  g_assert_cmpint (zp_decimal_mul_div (dec ("-20"), dec ("2"), dec ("3")).raw, ==, -13333333);
  /* Large intermediates that would overflow 64 bits: 9 × 10^12 × 9 × 10^12 / 9 × 10^12. */
  g_assert_cmpint (zp_decimal_mul_div (dec ("9000000000000"), dec ("9000000000000"),
                                       dec ("9000000000000")).raw,
                   ==, dec ("9000000000000").raw);
  /* Doing it as mul then div would lose precision; mul_div does not. */
  g_assert_cmpint (zp_decimal_mul_div (dec ("0.000001"), dec ("0.000001"), dec ("0.000001")).raw,
                   ==, 1);
}

static void
test_mul_div_round (void)
{
  /* 10 / 2000.00008 = 0.0049999998…: rounding to six places first would give 0.005000 and
   * then 0.01; rounded once it is 0.00. */
  g_assert_cmpint (zp_decimal_round (zp_decimal_mul_div (dec ("10"), dec ("1"), dec ("2000.00008")), 2).raw,
                   ==, 10000);
  g_assert_cmpint (zp_decimal_mul_div_round (dec ("10"), dec ("1"), dec ("2000.00008"), 2).raw, ==, 0);
  /* Ties still go up: 1.01 × 20 / 1.60 = 12.625 → 12.63; negatives away from zero. */
  g_assert_cmpint (zp_decimal_mul_div_round (dec ("1.01"), dec ("20"), dec ("1.60"), 2).raw, ==, 12630000);
  g_assert_cmpint (zp_decimal_mul_div_round (dec ("-1.01"), dec ("20"), dec ("1.60"), 2).raw, ==, -12630000);
  g_assert_cmpint (zp_decimal_mul_div_round (dec ("10"), dec ("215457.6"), dec ("250000"), 2).raw, ==, 8620000);
  /* Six places or more: the same as mul_div. */
  g_assert_cmpint (zp_decimal_mul_div_round (dec ("10"), dec ("1"), dec ("3"), 6).raw, ==, 3333333);
}

static void
test_round (void)
{
  g_assert_cmpint (zp_decimal_round (dec ("2.675"), 2).raw, ==, dec ("2.68").raw);
  g_assert_cmpint (zp_decimal_round (dec ("2.665"), 2).raw, ==, dec ("2.67").raw);
  g_assert_cmpint (zp_decimal_round (dec ("2.674999"), 2).raw, ==, dec ("2.67").raw);
  g_assert_cmpint (zp_decimal_round (dec ("12.625"), 2).raw, ==, dec ("12.63").raw);
  g_assert_cmpint (zp_decimal_round (dec ("-2.675"), 2).raw, ==, dec ("-2.68").raw);
  g_assert_cmpint (zp_decimal_round (dec ("-2.665"), 2).raw, ==, dec ("-2.67").raw);
  g_assert_cmpint (zp_decimal_round (dec ("-2.664"), 2).raw, ==, dec ("-2.66").raw);
  g_assert_cmpint (zp_decimal_round (dec ("0.005"), 2).raw, ==, dec ("0.01").raw);
  g_assert_cmpint (zp_decimal_round (dec ("0.004999"), 2).raw, ==, 0);
  g_assert_cmpint (zp_decimal_round (dec ("-0.005"), 2).raw, ==, dec ("-0.01").raw);
  g_assert_cmpint (zp_decimal_round (dec ("9.5"), 0).raw, ==, dec ("10").raw);
  g_assert_cmpint (zp_decimal_round (dec ("-9.5"), 0).raw, ==, dec ("-10").raw);
  g_assert_cmpint (zp_decimal_round (dec ("1.234567"), 6).raw, ==, 1234567);
  g_assert_cmpint (zp_decimal_round (dec ("1.234567"), 9).raw, ==, 1234567);
  g_assert_cmpint (zp_decimal_round (dec ("1.2345"), 3).raw, ==, 1235000);
}

static void
test_compare (void)
{
  g_assert_cmpint (zp_decimal_cmp (dec ("1"), dec ("2")), ==, -1);
  g_assert_cmpint (zp_decimal_cmp (dec ("2"), dec ("1")), ==, 1);
  g_assert_cmpint (zp_decimal_cmp (dec ("2.0"), dec ("2")), ==, 0);
  g_assert_cmpint (zp_decimal_cmp ((ZpDecimal) { G_MININT64 }, (ZpDecimal) { G_MAXINT64 }), ==, -1);
  g_assert_true (zp_decimal_equal (dec ("150万"), dec ("1500000")));
  g_assert_false (zp_decimal_equal (dec ("1"), dec ("1.000001")));
  g_assert_true (zp_decimal_is_zero (dec ("-0.0")));
  g_assert_false (zp_decimal_is_zero (dec ("0.000001")));
  g_assert_cmpint (zp_decimal_sign (dec ("-3")), ==, -1);
  g_assert_cmpint (zp_decimal_sign (dec ("0")), ==, 0);
  g_assert_cmpint (zp_decimal_sign (dec ("3")), ==, 1);
  g_assert_cmpint (zp_decimal_min (dec ("1"), dec ("0.8618")).raw, ==, 861800);
  g_assert_cmpint (zp_decimal_min (dec ("-1"), dec ("0.5")).raw, ==, -1000000);
  g_assert_cmpint (zp_decimal_max (dec ("1"), dec ("1.035")).raw, ==, 1035000);
  g_assert_cmpint (zp_decimal_max (dec ("-1"), dec ("-2")).raw, ==, -1000000);
}

static void
test_format (void)
{
  assert_format (dec ("2066.63"), 2, "2066.63");
  assert_format (dec ("20"), 2, "20.00");
  assert_format (dec ("2.675"), 2, "2.68");
  assert_format (dec ("2.665"), 2, "2.67");
  assert_format (dec ("12.625"), 2, "12.63");
  assert_format (dec ("-2.675"), 2, "-2.68");
  assert_format (dec ("0.005"), 2, "0.01");
  assert_format (dec ("0.05"), 1, "0.1");
  assert_format (dec ("0.0049"), 2, "0.00");
  /* A negative that rounds to zero prints no sign. */
  assert_format (dec ("-0.004"), 2, "0.00");
  assert_format (dec ("9.5"), 0, "10");
  assert_format (dec ("-1234567.5"), 0, "-1234568");
  assert_format (dec ("0.000001"), 6, "0.000001");
  assert_format (dec ("1.5"), 8, "1.50000000");
  assert_format ((ZpDecimal) { G_MAXINT64 }, 6, "9223372036854.775807");
  assert_format ((ZpDecimal) { G_MININT64 }, 6, "-9223372036854.775808");
}

static void
test_format_trim (void)
{
  assert_format_trim (dec ("20"), 2, "20");
  assert_format_trim (dec ("2.5"), 2, "2.5");
  assert_format_trim (dec ("8.6183"), 2, "8.62");
  assert_format_trim (dec ("100"), 2, "100");
  assert_format_trim (dec ("1849.30"), 2, "1849.3");
  assert_format_trim (dec ("-2.50"), 2, "-2.5");
  assert_format_trim (dec ("0.004"), 2, "0");
  assert_format_trim (dec ("1.995"), 2, "2");
  assert_format_trim (dec ("10"), 0, "10");
}

static void
test_format_percent (void)
{
  assert_percent (dec ("0.8618"), 2, FALSE, "86.18%");
  assert_percent (dec ("0.8618"), 2, TRUE, "86.18%");
  assert_percent (dec ("1"), 2, FALSE, "100.00%");
  assert_percent (dec ("1"), 2, TRUE, "100%");
  assert_percent (dec ("1.035"), 2, TRUE, "103.50%");
  assert_percent (dec ("0.861"), 2, TRUE, "86.10%");
  assert_percent (dec ("0.4517"), 2, TRUE, "45.17%");
  assert_percent (dec ("0"), 2, TRUE, "0%");
  assert_percent (dec ("0"), 2, FALSE, "0.00%");
  /* Rounded before deciding it is whole: 99.996% → 100%. */
  assert_percent (dec ("0.99996"), 2, TRUE, "100%");
  assert_percent (dec ("0.99996"), 2, FALSE, "100.00%");
  assert_percent (dec ("0.8618304"), 2, FALSE, "86.18%");
  assert_percent (dec ("0.123456"), 1, FALSE, "12.3%");
  assert_percent (dec ("0.12345"), 0, FALSE, "12%");
  assert_percent (dec ("-0.05"), 2, TRUE, "-5%");
  assert_percent (dec ("-0.0525"), 2, TRUE, "-5.25%");
}

/* Spec §3, budget execution: rate = B / A shown, score = weight × min (B / A, 1). */
static void
assert_execution (const char *budget,
                  const char *spent,
                  const char *weight,
                  const char *expected_rate,
                  const char *expected_score)
{
  ZpDecimal a = dec (budget);
  ZpDecimal b = dec (spent);
  ZpDecimal w = dec (weight);
  ZpDecimal rate = zp_decimal_div (b, a);
  ZpDecimal score;
  g_autofree char *rate_text = NULL;
  g_autofree char *score_text = NULL;

  /* The score is computed from B and A in one rounding, not from the shown rate. */
  if (zp_decimal_cmp (b, a) >= 0)
    score = w;
  else
    score = zp_decimal_mul_div (w, b, a);

  rate_text = zp_decimal_format_percent (rate, 2, TRUE);
  score_text = zp_decimal_format (score, 2);
  g_assert_cmpstr (rate_text, ==, expected_rate);
  g_assert_cmpstr (score_text, ==, expected_score);
}

static void
test_spec_execution_examples (void)
{
  assert_execution ("250000", "215457.6", "10", "86.18%", "8.62");
  assert_execution ("20000", "9034", "10", "45.17%", "4.52");
  assert_execution ("100", "103.5", "20", "103.50%", "20.00");
  /* The seed's department form: 2066.63 of 2066.63, 20 points. */
  assert_execution ("2066.63", "2066.63", "20", "100%", "20.00");
}

/* Spec §3, quantitative indicators, as pure arithmetic. */
static void
test_spec_indicator_examples (void)
{
  ZpDecimal weight = dec ("10");
  g_autofree char *positive = NULL;
  g_autofree char *reverse = NULL;
  g_autofree char *linear = NULL;
  ZpDecimal over;
  ZpDecimal linear_share;

  /* "≥500人", B 420: 10 × 420 / 500 = 8.40 */
  positive = zp_decimal_format (zp_decimal_mul_div (weight, dec ("420"), dec ("500")), 2);
  g_assert_cmpstr (positive, ==, "8.40");

  /* B 1700 ≥ 1.2 × 500: over-achieved. */
  over = zp_decimal_mul (dec ("1.2"), dec ("500"));
  g_assert_cmpint (zp_decimal_cmp (dec ("1700"), over), >=, 0);

  /* "≤90万元", B 100万: 10 × 90 / 100 = 9.00 */
  reverse = zp_decimal_format (zp_decimal_mul_div (weight, dec ("90万"), dec ("100万")), 2);
  g_assert_cmpstr (reverse, ==, "9.00");

  /* linear variant: (1 − (100 − 90) / 90) × 10 = 8.888… → 8.89 */
  linear_share = zp_decimal_sub (dec ("1"),
                                 zp_decimal_div (zp_decimal_sub (dec ("100"), dec ("90")),
                                                 dec ("90")));
  linear = zp_decimal_format (zp_decimal_mul (linear_share, weight), 2);
  g_assert_cmpstr (linear, ==, "8.89");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decimal/parse/plain", test_parse_plain);
  g_test_add_func ("/decimal/parse/signs", test_parse_signs);
  g_test_add_func ("/decimal/parse/separators", test_parse_separators);
  g_test_add_func ("/decimal/parse/full-width", test_parse_full_width);
  g_test_add_func ("/decimal/parse/fraction-rounding", test_parse_fraction_rounding);
  g_test_add_func ("/decimal/parse/percent", test_parse_percent);
  g_test_add_func ("/decimal/parse/magnitude", test_parse_magnitude);
  g_test_add_func ("/decimal/parse/white-space", test_parse_white_space);
  g_test_add_func ("/decimal/parse/refusals", test_parse_refusals);
  g_test_add_func ("/decimal/parse/overflow", test_parse_overflow);
  g_test_add_func ("/decimal/parse/null-percent", test_parse_null_percent);
  g_test_add_func ("/decimal/constructors", test_constructors);
  g_test_add_func ("/decimal/add-sub", test_add_sub);
  g_test_add_func ("/decimal/mul", test_mul);
  g_test_add_func ("/decimal/div", test_div);
  g_test_add_func ("/decimal/mul-div", test_mul_div);
  g_test_add_func ("/decimal/mul-div-round", test_mul_div_round);
  g_test_add_func ("/decimal/round", test_round);
  g_test_add_func ("/decimal/compare", test_compare);
  g_test_add_func ("/decimal/format", test_format);
  g_test_add_func ("/decimal/format-trim", test_format_trim);
  g_test_add_func ("/decimal/format-percent", test_format_percent);
  g_test_add_func ("/decimal/spec/execution", test_spec_execution_examples);
  g_test_add_func ("/decimal/spec/indicators", test_spec_indicator_examples);

  return g_test_run ();
}
