/* zp-department-form.h — 部门（单位）整体支出绩效自评表.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-form.h"

G_BEGIN_DECLS

#define ZP_TYPE_DEPARTMENT_FORM (zp_department_form_get_type ())
G_DECLARE_FINAL_TYPE (ZpDepartmentForm, zp_department_form, ZP, DEPARTMENT_FORM, ZpForm)

/* A new form has no goal. */
ZpDepartmentForm *zp_department_form_new                     (void);

/* String properties "unit" (单位名称), "basic-expenditure" (基本支出总额),
 * "project-expenditure" (项目支出总额). */
const char       *zp_department_form_get_unit                (ZpDepartmentForm *self);
void              zp_department_form_set_unit                (ZpDepartmentForm *self, const char *value);
const char       *zp_department_form_get_basic_expenditure   (ZpDepartmentForm *self);
void              zp_department_form_set_basic_expenditure   (ZpDepartmentForm *self, const char *value);
const char       *zp_department_form_get_project_expenditure (ZpDepartmentForm *self);
void              zp_department_form_set_project_expenditure (ZpDepartmentForm *self, const char *value);

G_END_DECLS
