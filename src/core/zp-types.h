/* zp-types.h — forward declarations and enums shared by the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ZpScheme          ZpScheme;
typedef struct _ZpIndicator       ZpIndicator;
typedef struct _ZpGoal            ZpGoal;
typedef struct _ZpForm            ZpForm;
typedef struct _ZpProjectForm     ZpProjectForm;
typedef struct _ZpDepartmentForm  ZpDepartmentForm;
typedef struct _ZpWorkbook        ZpWorkbook;
typedef struct _ZpFinding         ZpFinding;

/* How an indicator compares its actual value with its target. */
typedef enum
{
  ZP_DIRECTION_AUTO,         /* derived from the target text (spec §3) */
  ZP_DIRECTION_POSITIVE,     /* 正向: higher is better, B ≥ A */
  ZP_DIRECTION_REVERSE,      /* 反向: lower is better, B ≤ A */
  ZP_DIRECTION_EQUAL,        /* = A */
  ZP_DIRECTION_QUALITATIVE,  /* 定性: graded by hand */
} ZpDirection;

/* Qualitative grade (定性指标等级). */
typedef enum
{
  ZP_GRADE_NONE,      /* not graded: derived from the actual text where it can be */
  ZP_GRADE_ACHIEVED,  /* 达成 */
  ZP_GRADE_PARTIAL,   /* 部分达成 */
  ZP_GRADE_MISSED,    /* 未达成 */
} ZpGrade;

/* What an indicator's score says at a glance. */
typedef enum
{
  ZP_INDICATOR_STATE_UNSCORED,  /* no actual yet, or nothing to compare */
  ZP_INDICATOR_STATE_MET,
  ZP_INDICATOR_STATE_PARTIAL,
  ZP_INDICATOR_STATE_MISSED,
  ZP_INDICATOR_STATE_NOT_APPLICABLE,  /* 不适用: out of the score */
} ZpIndicatorState;

typedef enum /*< flags >*/
{
  ZP_INDICATOR_FLAG_NONE             = 0,
  ZP_INDICATOR_FLAG_OVER_ACHIEVED    = 1 << 0, /* positive, B ≥ 120% of A */
  ZP_INDICATOR_FLAG_OVERRIDDEN       = 1 << 1, /* score set by hand */
  ZP_INDICATOR_FLAG_NEEDS_NOTE       = 1 << 2, /* score below weight, no deviation note */
  ZP_INDICATOR_FLAG_RESTATES_TARGET  = 1 << 3, /* actual only repeats the target */
  ZP_INDICATOR_FLAG_NOT_A_NUMBER     = 1 << 4, /* quantitative target, actual unreadable */
  ZP_INDICATOR_FLAG_ACHIEVED_WORD    = 1 << 5, /* actual says 完成/达成… */
} ZpIndicatorFlags;

/* Which rule produced an indicator's score (for explanations and the CLI). */
typedef enum
{
  ZP_RULE_NONE,             /* not scored */
  ZP_RULE_MANUAL,           /* hand override */
  ZP_RULE_MET,              /* target met: full marks */
  ZP_RULE_POSITIVE_RATIO,   /* weight × B / A */
  ZP_RULE_REVERSE_RATIO,    /* weight × A / B */
  ZP_RULE_REVERSE_LINEAR,   /* weight × (1 − (B − A) / A), 0 once B ≥ 2A */
  ZP_RULE_ZERO_TARGET,      /* target 0: full only if B = 0 */
  ZP_RULE_QUALITATIVE,      /* graded: the grade's band */
  ZP_RULE_RESTATED,         /* actual restates the target or says 完成: met */
  ZP_RULE_DEADLINE,         /* a deadline target ("12月底前"): full when met, else 0 */
  ZP_RULE_RANGE,            /* a range target ("90%-110%", "±10%"): full inside it */
} ZpRule;

typedef enum
{
  ZP_SEVERITY_WARNING,
  ZP_SEVERITY_ERROR,
} ZpSeverity;

typedef enum
{
  ZP_REVERSE_FORMULA_RATIO,   /* A / B × weight */
  ZP_REVERSE_FORMULA_LINEAR,  /* (1 − (B − A) / A) × weight */
} ZpReverseFormula;

/* 项目类别 */
typedef enum
{
  ZP_PROJECT_CATEGORY_DEPARTMENT_BUDGET,  /* 部门预算项目 */
  ZP_PROJECT_CATEGORY_SPECIAL,            /* 区级(市直)专项 */
  ZP_PROJECT_CATEGORY_TRANSFER,           /* 专项转移支付项目 */
} ZpProjectCategory;

/* 项目属性 */
typedef enum
{
  ZP_PROJECT_ATTRIBUTE_CONTINUING,  /* 持续性项目 */
  ZP_PROJECT_ATTRIBUTE_NEW,         /* 新增性项目 */
} ZpProjectAttribute;

/* 项目类型 */
typedef enum
{
  ZP_PROJECT_TYPE_RECURRENT,  /* 常年性项目 */
  ZP_PROJECT_TYPE_EXTENDED,   /* 延续性项目 */
  ZP_PROJECT_TYPE_ONE_OFF,    /* 一次性项目 */
} ZpProjectType;

/* The unit every amount of a workbook is in (金额单位). */
typedef enum
{
  ZP_AMOUNT_UNIT_WAN_YUAN,  /* 万元 (the default) */
  ZP_AMOUNT_UNIT_YUAN,      /* 元 */
} ZpAmountUnit;

/* How a scheme's category points bind a project form. */
typedef enum
{
  ZP_CATEGORY_SPLIT_FIXED,  /* every category has its points (湖北: 40/30/10) */
  ZP_CATEGORY_SPLIT_FREE,   /* only the indicator part's total is fixed (四川/重庆: 90) */
} ZpCategorySplit;

/* What a not-applicable (不适用) row does to its block. */
typedef enum
{
  ZP_NOT_APPLICABLE_ERROR,    /* not allowed: a check error */
  ZP_NOT_APPLICABLE_RESCALE,  /* dropped; the block's other rows rescaled to its points */
} ZpNotApplicableRule;

/* A form's state for the sidebar and the review page. */
typedef enum
{
  ZP_FORM_STATUS_COMPLETE,
  ZP_FORM_STATUS_WARNINGS,
  ZP_FORM_STATUS_ERRORS,
} ZpFormStatus;

G_END_DECLS
