/* zp-project-form.h — 项目支出绩效自评表.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-form.h"

G_BEGIN_DECLS

#define ZP_TYPE_PROJECT_FORM (zp_project_form_get_type ())
G_DECLARE_FINAL_TYPE (ZpProjectForm, zp_project_form, ZP, PROJECT_FORM, ZpForm)

/* A new form has one empty goal. */
ZpProjectForm     *zp_project_form_new                (void);

/* String properties: "name" (项目名称), "department" (主管部门), "implementer" (项目实施单位),
 * "manager" (项目负责人, optional). */
const char        *zp_project_form_get_name           (ZpProjectForm *self);
void               zp_project_form_set_name           (ZpProjectForm *self, const char *value);
const char        *zp_project_form_get_department     (ZpProjectForm *self);
void               zp_project_form_set_department     (ZpProjectForm *self, const char *value);
const char        *zp_project_form_get_implementer    (ZpProjectForm *self);
void               zp_project_form_set_implementer    (ZpProjectForm *self, const char *value);
const char        *zp_project_form_get_manager        (ZpProjectForm *self);
void               zp_project_form_set_manager        (ZpProjectForm *self, const char *value);

/* Enum properties "project-category", "project-attribute", "project-type". */
ZpProjectCategory  zp_project_form_get_project_category  (ZpProjectForm *self);
void               zp_project_form_set_project_category  (ZpProjectForm *self, ZpProjectCategory value);
ZpProjectAttribute zp_project_form_get_project_attribute (ZpProjectForm *self);
void               zp_project_form_set_project_attribute (ZpProjectForm *self, ZpProjectAttribute value);
ZpProjectType      zp_project_form_get_project_type      (ZpProjectForm *self);
void               zp_project_form_set_project_type      (ZpProjectForm *self, ZpProjectType value);

/* Fund sub-rows of the 10号 layout: 当年财政拨款, 上年结转资金, 其他资金, each with
 * 年初预算数, 全年预算数, 全年执行数. String properties "fund-current-initial",
 * "fund-current-budget", "fund-current-spent", "fund-carryover-…", "fund-other-…". */
typedef enum
{
  ZP_FUND_CURRENT,    /* 当年财政拨款 */
  ZP_FUND_CARRYOVER,  /* 上年结转资金 */
  ZP_FUND_OTHER,      /* 其他资金 */
  ZP_N_FUNDS
} ZpFund;

typedef enum
{
  ZP_FUND_FIELD_INITIAL,  /* 年初预算数 */
  ZP_FUND_FIELD_BUDGET,   /* 全年预算数 */
  ZP_FUND_FIELD_SPENT,    /* 全年执行数 */
  ZP_N_FUND_FIELDS
} ZpFundField;

const char        *zp_project_form_get_fund           (ZpProjectForm *self,
                                                       ZpFund         fund,
                                                       ZpFundField    field);
void               zp_project_form_set_fund           (ZpProjectForm *self,
                                                       ZpFund         fund,
                                                       ZpFundField    field,
                                                       const char    *value);

/* The one goal: 年度总体目标 (text = 预期目标, achieved = 实际完成情况). */
ZpGoal            *zp_project_form_get_overall_goal   (ZpProjectForm *self);

/* Labels as printed: "部门预算项目" …, and the option lists for the UI. */
const char        *zp_project_category_to_label       (ZpProjectCategory  value);
const char        *zp_project_attribute_to_label      (ZpProjectAttribute value);
const char        *zp_project_type_to_label           (ZpProjectType      value);

G_END_DECLS
