/* zp-checks-panel.h — the core's findings for the shown form and across the workbook.
 * Activating one shows its place; a warning can be explained (出错说明).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_CHECKS_PANEL (zp_checks_panel_get_type ())
G_DECLARE_FINAL_TYPE (ZpChecksPanel, zp_checks_panel, ZP, CHECKS_PANEL, AdwBin)

ZpChecksPanel *zp_checks_panel_new            (void);
void           zp_checks_panel_set_workbook   (ZpChecksPanel *self,
                                               ZpWorkbook    *workbook);
void           zp_checks_panel_set_form       (ZpChecksPanel *self,
                                               ZpForm        *form);
void           zp_checks_panel_set_undo_stack (ZpChecksPanel *self,
                                               ZpUndoStack   *undo);
/* Unexplained errors and warnings shown. */
guint          zp_checks_panel_count          (ZpChecksPanel *self,
                                               ZpSeverity     severity);

/* ::finding-activated (ZpFinding); ::refreshed () after the list changed. */

G_END_DECLS
