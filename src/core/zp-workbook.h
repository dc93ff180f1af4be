/* zp-workbook.h — one unit's self-evaluation for one year: the department form (optional)
 * and the project forms, scored by the workbook's own copy of a scheme.
 *
 * zp_workbook_get_forms() is a GListModel of ZpForm: the department form first when there
 * is one, then the projects in order. Change it only through the functions below. Any edit
 * to any form, goal or indicator re-emits ::changed (form) on the workbook, after that form
 * has rescored; the GUI uses it for dirty tracking, the review page and the checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zp-types.h"
#include "zp-form.h"

G_BEGIN_DECLS

#define ZP_TYPE_WORKBOOK (zp_workbook_get_type ())
G_DECLARE_FINAL_TYPE (ZpWorkbook, zp_workbook, ZP, WORKBOOK, GObject)

/* A new workbook with a copy of the built-in scheme `scheme_id` (NULL: the default). */
ZpWorkbook       *zp_workbook_new                  (const char       *scheme_id);

/* Properties: "year" (guint), "unit" (单位名称), "unit-short" (单位简称, as project form titles
 * print it: the seed's "江岸大数据中心" for "江岸区大数据中心"; "" when the same), "department"
 * (主管部门), "scheme". */
guint             zp_workbook_get_year             (ZpWorkbook       *self);
void              zp_workbook_set_year             (ZpWorkbook       *self, guint year);
const char       *zp_workbook_get_unit             (ZpWorkbook       *self);
void              zp_workbook_set_unit             (ZpWorkbook       *self, const char *unit);
const char       *zp_workbook_get_unit_short       (ZpWorkbook       *self);
void              zp_workbook_set_unit_short       (ZpWorkbook       *self, const char *unit_short);
/* The short name when there is one, else the unit. */
const char       *zp_workbook_get_display_unit_short (ZpWorkbook     *self);
const char       *zp_workbook_get_department       (ZpWorkbook       *self);
void              zp_workbook_set_department       (ZpWorkbook       *self, const char *department);
/* Enum property "amount-unit": the unit of every amount of every form (万元 by default). */
ZpAmountUnit      zp_workbook_get_amount_unit      (ZpWorkbook       *self);
void              zp_workbook_set_amount_unit      (ZpWorkbook       *self,
                                                    ZpAmountUnit      unit);
/* "万元" or "元", as forms print it ("金额单位：元"). */
const char       *zp_amount_unit_to_label          (ZpAmountUnit      unit);
ZpScheme         *zp_workbook_get_scheme           (ZpWorkbook       *self);
/* Takes a reference; sets it on every form, which rescore. */
void              zp_workbook_set_scheme           (ZpWorkbook       *self,
                                                    ZpScheme         *scheme);

GListModel       *zp_workbook_get_forms            (ZpWorkbook       *self);
guint             zp_workbook_get_n_forms          (ZpWorkbook       *self);
ZpForm           *zp_workbook_get_form             (ZpWorkbook       *self,
                                                    guint             position);  /* borrowed */
ZpDepartmentForm *zp_workbook_get_department_form  (ZpWorkbook       *self);      /* nullable */
/* Replaces (or with NULL removes) the department form at position 0. */
void              zp_workbook_set_department_form  (ZpWorkbook       *self,
                                                    ZpDepartmentForm *form);
guint             zp_workbook_get_n_projects       (ZpWorkbook       *self);
/* Positions are in the forms list; a project may not go before the department form. */
void              zp_workbook_insert_project       (ZpWorkbook       *self,
                                                    guint             position,  /* G_MAXUINT: append */
                                                    ZpProjectForm    *form);
void              zp_workbook_remove_form          (ZpWorkbook       *self,
                                                    guint             position);
void              zp_workbook_move_form            (ZpWorkbook       *self,
                                                    guint             from,
                                                    guint             to);
/* G_MAXUINT when not there. */
guint             zp_workbook_find_form            (ZpWorkbook       *self,
                                                    ZpForm           *form);

/* Explanations of accepted cross-form warnings, as zp_form_set_explanation(). */
const char       *zp_workbook_get_explanation      (ZpWorkbook       *self,
                                                    const char       *key);
void              zp_workbook_set_explanation      (ZpWorkbook       *self,
                                                    const char       *key,
                                                    const char       *text);
GPtrArray        *zp_workbook_list_explanation_keys (ZpWorkbook      *self);

/* The written report's edited paragraphs (zp-written-report.h): for each paragraph's key,
 * the user's text and the generated text it replaced (to tell when the forms have moved on
 * since). Property "report-edits": a GVariant a{s(ss)}, key → (text, generated), sorted
 * by key; never NULL (empty when nothing was edited). */
GVariant         *zp_workbook_get_report_edits     (ZpWorkbook       *self);
/* NULL: none. A floating value is sunk. */
void              zp_workbook_set_report_edits     (ZpWorkbook       *self,
                                                    GVariant         *edits);
/* FALSE when the paragraph is not edited; text and generated are borrowed. */
gboolean          zp_workbook_get_report_edit      (ZpWorkbook       *self,
                                                    const char       *key,
                                                    const char      **text,
                                                    const char      **generated);
/* text NULL: removes the edit. */
void              zp_workbook_set_report_edit      (ZpWorkbook       *self,
                                                    const char       *key,
                                                    const char       *text,
                                                    const char       *generated);
/* edits (NULL: none) with key's edit replaced, added or (text NULL) removed: a new
 * floating value. */
GVariant         *zp_report_edits_with             (GVariant         *edits,
                                                    const char       *key,
                                                    const char       *text,
                                                    const char       *generated);

/* Carry-over (spec, issues 2 and 9): a new workbook for `year` that keeps forms, goals,
 * indicators, targets, weights, texts and header fields, and clears every amount (预算数,
 * 执行数, 年初预算数, 基本支出总额, 项目支出总额, the fund rows), actuals, grades, manual
 * scores, deviation notes, analysis texts, published figures and explanations. */
ZpWorkbook       *zp_workbook_new_year             (ZpWorkbook       *self,
                                                    guint             year);

G_END_DECLS
