/* zp-sidebar-row.h — one form in the sidebar: title, total and check status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"

G_BEGIN_DECLS

#define ZP_TYPE_SIDEBAR_ROW (zp_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (ZpSidebarRow, zp_sidebar_row, ZP, SIDEBAR_ROW, AdwBin)

ZpSidebarRow *zp_sidebar_row_new            (void);
void          zp_sidebar_row_set_form       (ZpSidebarRow *self,
                                             ZpForm       *form);
ZpForm       *zp_sidebar_row_get_form       (ZpSidebarRow *self);

G_END_DECLS
