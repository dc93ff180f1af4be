/* zp-test-views.h — what the UI tests read of a sidebar row, found in its widget tree by
 * the names it gives its widgets: the row keeps no functions for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-sidebar-row.h"

G_BEGIN_DECLS

/* The row's title, its total ("100.00") and the name of its status icon. */
const char    *zp_test_row_title      (ZpSidebarRow  *row);
const char    *zp_test_row_total      (ZpSidebarRow  *row);
const char    *zp_test_row_icon       (ZpSidebarRow  *row);

G_END_DECLS
