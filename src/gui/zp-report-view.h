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

/* Writes the report as format ("txt", "pdf" or "docx"), as the export menu does once a
 * file is chosen. */
gboolean      zp_report_view_export_to      (ZpReportView *self,
                                             const char   *format,
                                             GFile        *file,
                                             GError      **error);

/* For tests: the paragraphs shown, in order, by key. */
guint         zp_report_view_get_n_paragraphs (ZpReportView *self);
const char   *zp_report_view_get_key        (ZpReportView *self,
                                             guint         i);
/* TRUE when the paragraph is shown as edited with figures that no longer match. */
gboolean      zp_report_view_is_stale       (ZpReportView *self,
                                             const char   *key);
/* The marker's buttons: use the generated text; keep the user's text as checked. */
void          zp_report_view_use_generated  (ZpReportView *self,
                                             const char   *key);
void          zp_report_view_keep_edit      (ZpReportView *self,
                                             const char   *key);

G_END_DECLS
