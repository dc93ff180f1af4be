/* zp-report-view.h — the written report of one workbook, paragraph by paragraph, each
 * editable. An edited paragraph keeps the user's text (in the workbook's "report-edits",
 * through the undo stack) and says so; when the forms have changed since, it is marked
 * and the paragraph the template gives now is shown beside it. The report is exported
 * from here as .txt, .pdf or .docx, with the edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_REPORT_VIEW (zp_report_view_get_type ())
G_DECLARE_FINAL_TYPE (ZpReportView, zp_report_view, ZP, REPORT_VIEW, AdwWindow)

ZpReportView *zp_report_view_new            (GtkWindow    *parent,
                                             ZpWorkbook   *workbook,
                                             ZpUndoStack  *undo);

G_END_DECLS
