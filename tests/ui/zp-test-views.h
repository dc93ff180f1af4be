/* zp-test-views.h — what the UI tests read of a sidebar row, the review page and the
 * checks panel, found in their widget trees by the names those give their widgets: the
 * widgets keep no functions for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-checks-panel.h"
#include "zp-review-page.h"
#include "zp-sidebar-row.h"

G_BEGIN_DECLS

/* The row's title, its total ("100.00") and the name of its status icon. */
const char    *zp_test_row_title      (ZpSidebarRow  *row);
const char    *zp_test_row_total      (ZpSidebarRow  *row);
const char    *zp_test_row_icon       (ZpSidebarRow  *row);

/* The review page's table (its model: the forms in their shown order) and the summary
 * line below it. */
GtkColumnView *zp_test_review_table   (ZpReviewPage  *page);
const char    *zp_test_review_summary (ZpReviewPage  *page);
/* Sorts the table by the column headed title, as a click on that heading does. */
void           zp_test_review_sort    (ZpReviewPage  *page,
                                       const char    *title,
                                       GtkSortType    order);

/* The checks panel's rows showing a finding of code ("deviation-note-missing"), in the
 * order shown (borrowed widgets). */
GPtrArray     *zp_test_finding_rows   (ZpChecksPanel *panel,
                                       const char    *code);

G_END_DECLS
