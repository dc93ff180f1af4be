/* zp-scheme.h — the scoring rules and weights a form follows, as data (spec §2).
 *
 * Built-in schemes (their sources in zp-scheme.c): "hubei" (湖北/武汉, the default and the
 * seed's), "central" (中央 财预〔2020〕10号) and "sichuan" (10 + 90 in a free split, as the
 * 四川/重庆 forms). A workbook stores its own copy, so a file scores the same forever.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-types.h"
#include "zp-decimal.h"

G_BEGIN_DECLS

#define ZP_TYPE_SCHEME (zp_scheme_get_type ())
G_DECLARE_FINAL_TYPE (ZpScheme, zp_scheme, ZP, SCHEME, GObject)

#define ZP_SCHEME_DEFAULT_ID "hubei"

/* NULL when id is not a built-in scheme ("hubei", "central", "sichuan"). */
ZpScheme        *zp_scheme_new_builtin               (const char       *id);
const char * const *zp_scheme_list_builtin           (void);  /* { "hubei", "central", "sichuan", NULL } */
/* Whether `name` is built-in `id`'s own name in some language (English, Chinese or the UI's):
 * a scheme not renamed by its user. */
gboolean         zp_scheme_is_builtin_name           (const char       *id,
                                                      const char       *name);
/* A built-in scheme's own name in the UI language, whatever language made the file; a
 * renamed scheme keeps its name. Loading calls it. */
void             zp_scheme_localize_name             (ZpScheme         *self);
ZpScheme        *zp_scheme_copy                      (ZpScheme         *self);
/* An empty scheme to fill from a file: no categories, every weight and share zero,
 * decimals 2, over-achievement 1.2, threshold 0.9, reverse formula ratio. */
ZpScheme        *zp_scheme_new                       (const char       *id,
                                                      const char       *name,
                                                      const char       *layout);

/* Properties: id, name (display name, translated for built-ins), layout ("hubei"/"central"). */
const char      *zp_scheme_get_id                    (ZpScheme         *self);
const char      *zp_scheme_get_name                  (ZpScheme         *self);
void             zp_scheme_set_name                  (ZpScheme         *self,
                                                      const char       *name);
const char      *zp_scheme_get_layout                (ZpScheme         *self);
void             zp_scheme_set_layout                (ZpScheme         *self,
                                                      const char       *layout);

/* Execution block weight: 20 (hubei), 10 (central). */
ZpDecimal        zp_scheme_get_execution_weight      (ZpScheme         *self);
void             zp_scheme_set_execution_weight      (ZpScheme         *self,
                                                      ZpDecimal         weight);

/* Project-form indicator categories (一级指标) in print order with their weights:
 * hubei 产出指标 40, 效益指标 30, 满意度指标 10; central 50, 30, 10. */
guint            zp_scheme_get_n_categories          (ZpScheme         *self);
const char      *zp_scheme_get_category_name         (ZpScheme         *self,
                                                      guint             i);
ZpDecimal        zp_scheme_get_category_weight       (ZpScheme         *self,
                                                      guint             i);
/* Matches "产出指标", "产出指标（40 分）", "产出" …; FALSE for unknown names. */
gboolean         zp_scheme_lookup_category           (ZpScheme         *self,
                                                      const char       *category,
                                                      guint            *index);
void             zp_scheme_set_category_weight       (ZpScheme         *self,
                                                      guint             i,
                                                      ZpDecimal         weight);
void             zp_scheme_add_category              (ZpScheme         *self,
                                                      const char       *name,
                                                      ZpDecimal         weight);
/* The indicator part: execution weight + this = 100 (80 hubei, 90 central). */
ZpDecimal        zp_scheme_get_indicator_weight      (ZpScheme         *self);

/* Qualitative bands as shares of the weight: [lower, upper]; upper of ACHIEVED is 1. */
ZpDecimal        zp_scheme_get_band_lower            (ZpScheme         *self,
                                                      ZpGrade           grade);
ZpDecimal        zp_scheme_get_band_upper            (ZpScheme         *self,
                                                      ZpGrade           grade);
void             zp_scheme_set_band_lower            (ZpScheme         *self,
                                                      ZpGrade           grade,
                                                      ZpDecimal         share);
/* A grade's band in points for an indicator of `weight`, rounded to the scheme's decimals
 * (hubei 部分达成 of 10: 5.00 to 8.00). The upper bound is included for ACHIEVED only.
 * FALSE for ZP_GRADE_NONE (no band: any score from 0 to the weight). */
gboolean         zp_scheme_get_band_range            (ZpScheme         *self,
                                                      ZpGrade           grade,
                                                      ZpDecimal         weight,
                                                      ZpDecimal        *lower,
                                                      ZpDecimal        *upper);

ZpReverseFormula zp_scheme_get_reverse_formula       (ZpScheme         *self);
void             zp_scheme_set_reverse_formula       (ZpScheme         *self,
                                                      ZpReverseFormula  formula);
/* 1.2: positive indicators with B ≥ 120% of A are flagged. */
ZpDecimal        zp_scheme_get_over_achievement      (ZpScheme         *self);
void             zp_scheme_set_over_achievement      (ZpScheme         *self,
                                                      ZpDecimal         ratio);
/* 0.9: execution rates below need an explanation. */
ZpDecimal        zp_scheme_get_execution_threshold   (ZpScheme         *self);
void             zp_scheme_set_execution_threshold   (ZpScheme         *self,
                                                      ZpDecimal         rate);
/* 2 (0 to 4) */
guint            zp_scheme_get_decimals              (ZpScheme         *self);
void             zp_scheme_set_decimals              (ZpScheme         *self,
                                                      guint             decimals);

/* Enum property "category-split": FIXED (each category's points are checked; hubei,
 * central) or FREE (only the indicator part's total is; a form may split it its own way,
 * sichuan). A form's own category points (zp_form_set_category_points) are checked in
 * both modes. */
ZpCategorySplit  zp_scheme_get_category_split        (ZpScheme         *self);
void             zp_scheme_set_category_split        (ZpScheme         *self,
                                                      ZpCategorySplit   split);
/* Enum property "not-applicable": what a 不适用 row does (ERROR by default). */
ZpNotApplicableRule zp_scheme_get_not_applicable     (ZpScheme         *self);
void             zp_scheme_set_not_applicable        (ZpScheme         *self,
                                                      ZpNotApplicableRule rule);

/* 自评等级 of a form's total, highest minimum first: a total at or above a band's minimum
 * (in points) has its grade, one below every minimum the last band's. Every built-in (and a
 * file that names none) has 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60, with the ids "excellent",
 * "good", "fair", "poor" (the written report counts them as {grade_excellent} …).
 * Property "grade-bands": GStrv "excellent:优=90", notified on every change. */
typedef struct
{
  const char *id;
  const char *name;
  ZpDecimal   min;
} ZpSchemeGradeBand;

guint            zp_scheme_get_n_grade_bands         (ZpScheme         *self);
const char      *zp_scheme_get_grade_band_id         (ZpScheme         *self,
                                                      guint             i);
const char      *zp_scheme_get_grade_band_name       (ZpScheme         *self,
                                                      guint             i);
ZpDecimal        zp_scheme_get_grade_band_min        (ZpScheme         *self,
                                                      guint             i);
/* n_bands ≥ 1, in any order (sorted here, highest minimum first). */
void             zp_scheme_set_grade_bands           (ZpScheme         *self,
                                                      const ZpSchemeGradeBand *bands,
                                                      guint             n_bands);
/* Whether the bands are the defaults (a file then need not name them). */
gboolean         zp_scheme_has_default_grade_bands   (ZpScheme         *self);

/* The settings are also properties (for editing and undo), notified on every change:
 * "execution-weight", "band-achieved", "band-partial", "over-achievement",
 * "execution-threshold" (texts of numbers: "20", "0.8"; a non-number is ignored),
 * "category-weights" (GStrv "产出指标=40", an unknown name adds a category),
 * "reverse-formula" (enum), "decimals" (uint). */

/* Any setter emits ::changed; the workbook then rescores its forms. */

G_END_DECLS
