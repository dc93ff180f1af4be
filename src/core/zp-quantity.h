/* zp-quantity.h — reading targets and actual values as written on real forms.
 *
 * A target is `[comparator] number [unit]`: "≥500人", "不少于 1 亿条数据", "≤90万元",
 * "7 个工作日内", "100%", "0起", "900 元/人". Text is normalised first (full-width forms,
 * spaces). See spec §3.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-decimal.h"

G_BEGIN_DECLS

typedef enum
{
  ZP_COMPARATOR_NONE,  /* bare number */
  ZP_COMPARATOR_GE,    /* ≥ >= 不少于 不低于 以上 达到 */
  ZP_COMPARATOR_GT,    /* ＞ > 超过 高于 */
  ZP_COMPARATOR_LE,    /* ≤ <= 不超过 不高于 以内 以下 …内 */
  ZP_COMPARATOR_LT,    /* ＜ < 低于 少于 */
  ZP_COMPARATOR_EQ,    /* = ＝ ﹦ */
} ZpComparator;

typedef struct
{
  ZpComparator comparator;
  ZpDecimal    value;      /* magnitude words applied: "1 亿" → 100000000; "90%" → 90 */
  gboolean     percent;    /* written with % or 百分比 */
  guint        magnitude;  /* power of ten of a magnitude word written: 万 4, 亿 8, none 0 */
  char        *unit;       /* what follows the number, normalised ("条数据", "元/人"), or NULL */
  gboolean     zero_start; /* "0起" */
} ZpQuantity;

/* Returns FALSE (and leaves *out cleared) when the text holds no single number. */
gboolean   zp_quantity_parse   (const char *text,
                                ZpQuantity *out);
void       zp_quantity_clear   (ZpQuantity *q);

/* "≥95%。": the text ends with a full stop (。) after something else.
 * zp_quantity_parse() reads such a text without it; the checks warn. */
gboolean   zp_text_has_trailing_stop   (const char *text);
char      *zp_text_strip_trailing_stop (const char *text);

/* Full-width → half-width, trimmed, inner white space removed. Never NULL. */
char      *zp_text_normalize   (const char *text);

/* "完成", "已完成", "达成", "达成年度指标", "达成预期指标": the actual says the target was met. */
gboolean   zp_text_says_achieved (const char *actual);

/* The actual restates the target (same text after normalisation, e.g. "≥90%" for "≥90%"). */
gboolean   zp_text_restates    (const char *actual,
                                const char *target);

G_END_DECLS
