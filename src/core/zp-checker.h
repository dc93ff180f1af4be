/* zp-checker.h — the checks of spec §4.
 *
 * Each function returns a new GListStore of ZpFinding, errors and warnings in the order of
 * the form (execution block, goals, rows), with each finding's explanation filled in from
 * the form's or workbook's saved explanations.
 *
 * Stable codes. Errors: weights-total, block-weights, weight-invalid, score-range,
 * grade-band, budget-missing, budget-negative, spent-missing, spent-negative, not-a-number,
 * deviation-note-missing, category-missing, manual-reason-missing, actual-missing,
 * grade-missing, not-applicable, category-points.
 * Warnings (issue 9): amount-unit-typed, published-rate, published-score, published-total.
 * Warnings: execution-low, over-achievement, actual-restates-target,
 * score-contradicts-data, department-sum, project-sum, fund-sum, placeholder-text,
 * deviation-note-empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zp-types.h"

G_BEGIN_DECLS

/* The findings of one form (needs its scheme set). */
GListStore *zp_check_form           (ZpForm      *form);
/* Only the cross-form checks (department-sum, project-sum). */
GListStore *zp_check_cross_forms    (ZpWorkbook  *workbook);
/* Every form, then the cross-form checks. */
GListStore *zp_check_workbook       (ZpWorkbook  *workbook);

/* Counts in a list of findings; explained warnings are not counted unless asked. */
guint       zp_findings_count       (GListModel  *findings,
                                     ZpSeverity   severity,
                                     gboolean     include_explained);
ZpFormStatus zp_findings_status     (GListModel  *findings);

G_END_DECLS
