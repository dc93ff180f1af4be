/* zp-decimal.h — exact fixed-point decimals for amounts, weights, rates and scores.
 *
 * A ZpDecimal holds value × 10^6 in a 64-bit integer: six places are enough for every
 * intermediate (rates, ratios) and the range (±9.2 × 10^12) covers any budget in 元.
 * No binary floating point is used anywhere: parsing, arithmetic and formatting are exact,
 * and rounding is half-up (away from zero), so 2.675 → 2.68.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZP_DECIMAL_PLACES 6
#define ZP_DECIMAL_SCALE  G_GINT64_CONSTANT (1000000)

typedef struct
{
  gint64 raw;  /* value × ZP_DECIMAL_SCALE */
} ZpDecimal;

#define ZP_DECIMAL_ZERO ((ZpDecimal) { 0 })

ZpDecimal  zp_decimal_from_int      (gint64       value);
/* value = units × 10^-places, e.g. (1262, 2) → 12.62 */
ZpDecimal  zp_decimal_from_fixed    (gint64       units,
                                     guint        places);

/* Parses what people type: "1,234.5", "  86.18% ", "150万" (= 1500000), "2亿", full-width
 * digits and signs ("１２３．４", "－5"), "百分比" is not a number. With a percent sign the
 * value is divided by 100 ("86.18%" → 0.8618) and *is_percent is set. Returns FALSE for
 * anything that is not exactly one number (trailing text, empty, overflow, more than six
 * places are rounded half-up, not refused). */
gboolean   zp_decimal_parse         (const char  *text,
                                     ZpDecimal   *out,
                                     gboolean    *is_percent);

typedef enum
{
  ZP_DECIMAL_PARSE_OK,
  ZP_DECIMAL_PARSE_NOT_A_NUMBER,
  /* Written as a number, but beyond ±ZP_DECIMAL_MAX_TEXT: never capped, refused. */
  ZP_DECIMAL_PARSE_OUT_OF_RANGE,
} ZpDecimalParse;

/* The largest magnitude a ZpDecimal holds, for messages. */
#define ZP_DECIMAL_MAX_TEXT "9,223,372,036,854.775807"

/* zp_decimal_parse(), telling a number out of range from text that is no number. */
ZpDecimalParse zp_decimal_parse_checked (const char  *text,
                                         ZpDecimal   *out,
                                         gboolean    *is_percent);

ZpDecimal  zp_decimal_add           (ZpDecimal    a,
                                     ZpDecimal    b);
ZpDecimal  zp_decimal_sub           (ZpDecimal    a,
                                     ZpDecimal    b);
ZpDecimal  zp_decimal_mul           (ZpDecimal    a,
                                     ZpDecimal    b);
/* a / b, half-up at six places. b must not be zero. */
ZpDecimal  zp_decimal_div           (ZpDecimal    a,
                                     ZpDecimal    b);
/* a × b / c computed in 128 bits and rounded once: use it for weight × B / A. */
ZpDecimal  zp_decimal_mul_div       (ZpDecimal    a,
                                     ZpDecimal    b,
                                     ZpDecimal    c);
/* a × b / c rounded once, half-up, straight to `places`: scores computed as weight × B / A
 * must not be rounded twice (first to six places, then to two). */
ZpDecimal  zp_decimal_mul_div_round (ZpDecimal    a,
                                     ZpDecimal    b,
                                     ZpDecimal    c,
                                     guint        places);
ZpDecimal  zp_decimal_round         (ZpDecimal    a,
                                     guint        places);
ZpDecimal  zp_decimal_min           (ZpDecimal    a,
                                     ZpDecimal    b);
ZpDecimal  zp_decimal_max           (ZpDecimal    a,
                                     ZpDecimal    b);
int        zp_decimal_cmp           (ZpDecimal    a,
                                     ZpDecimal    b);
gboolean   zp_decimal_equal         (ZpDecimal    a,
                                     ZpDecimal    b);
gboolean   zp_decimal_is_zero       (ZpDecimal    a);
int        zp_decimal_sign          (ZpDecimal    a);

/* Formatting rounds half-up to `places` first. */
char      *zp_decimal_format        (ZpDecimal    a,
                                     guint        places);   /* "2066.63", "20.00" */
char      *zp_decimal_format_trim   (ZpDecimal    a,
                                     guint        places);   /* "20", "2.5", "8.62" */
/* A rate (0.8618) as a percentage: "86.18%"; with trim, "100%" when whole. */
char      *zp_decimal_format_percent (ZpDecimal   rate,
                                      guint       places,
                                      gboolean    trim);

G_END_DECLS
