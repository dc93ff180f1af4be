/* zp-indicator.h — one performance indicator (三级指标) and its computed score.
 *
 * Inputs are the texts a user types (weight and manual score too, so that a non-number
 * can be kept, shown and reported where it was typed). Every input is a property with
 * notify; changing one emits ::changed, and the owning form rescores.
 * Computed values (score, state, flags, rule, parsed quantities) are refreshed by
 * zp_indicator_rescore() and notify "score", "state" and "flags" when they change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-types.h"
#include "zp-decimal.h"
#include "zp-quantity.h"

G_BEGIN_DECLS

#define ZP_TYPE_INDICATOR (zp_indicator_get_type ())
G_DECLARE_FINAL_TYPE (ZpIndicator, zp_indicator, ZP, INDICATOR, GObject)

ZpIndicator      *zp_indicator_new                (void);
/* Copies the inputs (not the computed values). */
ZpIndicator      *zp_indicator_copy               (ZpIndicator  *self);

/* String properties: "category" (一级), "subcategory" (二级), "name" (三级), "target",
 * "actual", "weight", "manual-score", "manual-reason", "deviation-note".
 * Setters take NULL as "". */
const char       *zp_indicator_get_category       (ZpIndicator  *self);
void              zp_indicator_set_category       (ZpIndicator  *self, const char *value);
const char       *zp_indicator_get_subcategory    (ZpIndicator  *self);
void              zp_indicator_set_subcategory    (ZpIndicator  *self, const char *value);
const char       *zp_indicator_get_name           (ZpIndicator  *self);
void              zp_indicator_set_name           (ZpIndicator  *self, const char *value);
const char       *zp_indicator_get_target         (ZpIndicator  *self);
void              zp_indicator_set_target         (ZpIndicator  *self, const char *value);
const char       *zp_indicator_get_actual         (ZpIndicator  *self);
void              zp_indicator_set_actual         (ZpIndicator  *self, const char *value);
const char       *zp_indicator_get_weight         (ZpIndicator  *self);
void              zp_indicator_set_weight         (ZpIndicator  *self, const char *value);
/* "" = no override. */
const char       *zp_indicator_get_manual_score   (ZpIndicator  *self);
void              zp_indicator_set_manual_score   (ZpIndicator  *self, const char *value);
const char       *zp_indicator_get_manual_reason  (ZpIndicator  *self);
void              zp_indicator_set_manual_reason  (ZpIndicator  *self, const char *value);
const char       *zp_indicator_get_deviation_note (ZpIndicator  *self);
void              zp_indicator_set_deviation_note (ZpIndicator  *self, const char *value);

/* Optional per-row columns of some layouts: "calc-symbol" (计算符号: ≥ ≤ = 定性; with the
 * direction "auto" it sets the direction), "measure-unit" (计量单位); and "published-score"
 * (the 得分 printed on the published form, compared by the checks). */
const char       *zp_indicator_get_calc_symbol    (ZpIndicator  *self);
void              zp_indicator_set_calc_symbol    (ZpIndicator  *self, const char *value);
const char       *zp_indicator_get_measure_unit   (ZpIndicator  *self);
void              zp_indicator_set_measure_unit   (ZpIndicator  *self, const char *value);
const char       *zp_indicator_get_published_score (ZpIndicator *self);
void              zp_indicator_set_published_score (ZpIndicator *self, const char *value);
/* The direction a 计算符号 says: "≥" positive, "≤" reverse, "=" equal, "定性" qualitative. */
gboolean          zp_calc_symbol_to_direction     (const char   *symbol,
                                                   ZpDirection  *out);

/* Boolean property "not-applicable" (不适用): the row is out of the score (its state is
 * ZP_INDICATOR_STATE_NOT_APPLICABLE); the scheme says whether the rest of its block is
 * rescaled or it is an error. */
gboolean          zp_indicator_get_not_applicable (ZpIndicator  *self);
void              zp_indicator_set_not_applicable (ZpIndicator  *self, gboolean not_applicable);

/* The points the row is scored out of: its weight, or more when the scheme rescales a
 * block that has not-applicable rows (valid after the form's rescore). */
ZpDecimal         zp_indicator_get_full_mark      (ZpIndicator  *self);

/* Enum properties "direction" (ZP_DIRECTION_AUTO by default) and "grade". */
ZpDirection       zp_indicator_get_direction      (ZpIndicator  *self);
void              zp_indicator_set_direction      (ZpIndicator  *self, ZpDirection direction);
ZpGrade           zp_indicator_get_grade          (ZpIndicator  *self);
void              zp_indicator_set_grade          (ZpIndicator  *self, ZpGrade grade);

/* Property "evidence" (佐证材料): paths of attached files, relative to the workbook's
 * folder, in order; never NULL (an empty list when none). Setting NULL clears. */
const char * const *zp_indicator_get_evidence     (ZpIndicator  *self);
void              zp_indicator_set_evidence       (ZpIndicator  *self,
                                                   const char * const *paths);
/* Parsed weight; FALSE when empty or not a number. */
gboolean          zp_indicator_get_weight_value   (ZpIndicator  *self,
                                                   ZpDecimal    *out);
gboolean          zp_indicator_has_override       (ZpIndicator  *self);
/* The points a score of this indicator may take at grade: the scheme's band, or 0 to the
 * weight ungraded; upper_included: whether upper itself is in it (ungraded and 达成 only).
 * FALSE when the weight is not a number. */
gboolean          zp_indicator_get_score_range    (ZpIndicator  *self,
                                                   ZpScheme     *scheme,
                                                   ZpGrade       grade,
                                                   ZpDecimal    *lower,
                                                   ZpDecimal    *upper,
                                                   gboolean     *upper_included);

/* Recomputes score, state, flags and rule with the scheme's rules. `category_is_cost`
 * is derived from the category/subcategory texts (成本指标: a bare number is a ceiling). */
void              zp_indicator_rescore            (ZpIndicator  *self,
                                                   ZpScheme     *scheme);

/* Computed, valid after zp_indicator_rescore(). The score is rounded to the scheme's
 * decimals; it is zero when unscored. */
ZpDecimal         zp_indicator_get_score          (ZpIndicator  *self);
/* Property "score": the score as shown (the scheme's decimals), "" while unscored. */
const char       *zp_indicator_get_score_text     (ZpIndicator  *self);
ZpIndicatorState  zp_indicator_get_state          (ZpIndicator  *self);
ZpIndicatorFlags  zp_indicator_get_flags          (ZpIndicator  *self);
ZpRule            zp_indicator_get_rule           (ZpIndicator  *self);
ZpDirection       zp_indicator_get_effective_direction (ZpIndicator *self);
/* NULL when the text held no number. */
const ZpQuantity *zp_indicator_get_parsed_target  (ZpIndicator  *self);
const ZpQuantity *zp_indicator_get_parsed_actual  (ZpIndicator  *self);

/* Stable identifiers and translated descriptions, for the CLI and the UI. */
const char       *zp_direction_to_string          (ZpDirection   direction);  /* "positive" … */
gboolean          zp_direction_from_string        (const char   *text,
                                                   ZpDirection  *out);
const char       *zp_grade_to_string              (ZpGrade       grade);      /* "达成" … */
gboolean          zp_grade_from_string            (const char   *text,        /* 达成/achieved … */
                                                   ZpGrade      *out);
const char       *zp_rule_to_string               (ZpRule        rule);       /* "met" … */
const char       *zp_rule_describe                (ZpRule        rule);       /* translated */

G_END_DECLS
