/* zp-review-page.h — every form of the workbook in one sortable table, for managers:
 * rate, scores, errors, warnings and overrides, with the workbook's totals below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"

G_BEGIN_DECLS

#define ZP_TYPE_REVIEW_PAGE (zp_review_page_get_type ())
G_DECLARE_FINAL_TYPE (ZpReviewPage, zp_review_page, ZP, REVIEW_PAGE, AdwBin)

ZpReviewPage  *zp_review_page_new           (void);
void           zp_review_page_set_workbook  (ZpReviewPage *self,
                                             ZpWorkbook   *workbook);

/* ::form-activated (ZpForm) when a row is activated; ::form-selected (ZpForm) when one
 * is selected. */

G_END_DECLS
