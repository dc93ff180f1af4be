/* zp-target.h — targets that are not `[comparator] number [unit]`: deadlines and ranges.
 *
 * "12月底前", "6月30日前完成", "2024年底前" are deadlines, met or missed by the date the
 * actual says ("12月20日完成"); "90%-110%" and "±10%" are ranges, met inside them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-decimal.h"

G_BEGIN_DECLS

#define ZP_DATE_NEXT_YEAR (-1)

typedef struct
{
  int year;   /* 0 when not written; ZP_DATE_NEXT_YEAR for "次年" */
  int month;  /* 1–12 */
  int day;    /* 1–31 */
} ZpDate;

/* "12月底前" → 12-31, "6月30日前完成" → 6-30, "2024年底前" → 2024-12-31, "年底前" → 12-31.
 * FALSE for anything else (a date without 前 is not a deadline). */
gboolean zp_target_parse_deadline (const char *target,
                                   ZpDate     *out);
/* The date an actual gives: "12月20日完成", "2024年11月", "于11月底完成", "2024-12-20". A
 * month alone counts from its first day, "11月底" from its last. */
gboolean zp_text_find_date        (const char *text,
                                   ZpDate     *out);
/* Whether `date` is on or before `deadline` (a missing year is the other's). */
gboolean zp_date_meets_deadline   (const ZpDate *date,
                                   const ZpDate *deadline);

/* "90%-110%" → [90, 110], "90-110%" too, "±10%" → [−10, 10]; values as written (percent
 * points, like ZpQuantity's). *percent says a % was written. */
gboolean zp_target_parse_range    (const char *target,
                                   ZpDecimal  *low,
                                   ZpDecimal  *high,
                                   gboolean   *percent);

G_END_DECLS
