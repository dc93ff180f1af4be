/* zp-export.h — the forms in their published layouts: .xlsx, PDF (and print), CSV.
 *
 * GTK-free: used by ziping-cli and the app. PDF and printing share one renderer
 * (ZpReport), so what prints is what the PDF shows. Every output is laid out from one
 * grid per form (zp-layout.h), cell for cell as layouts.md and spec §5 print it.
 *
 * - .xlsx: one sheet per form (named after it: at most 31 characters, no []:*?/\,
 *   made unique with "(2)"…), then 汇总表 when the whole workbook is exported. Numbers
 *   are numbers (0.00, 0%/0.00%); rates, execution scores and totals are formulas
 *   carrying Ziping's values. A4, one page wide, heading row repeated, page numbers.
 * - PDF: A4 portrait (landscape when a form's columns cannot fit), each form from a new
 *   page, then the summary; CJK fonts embedded; "第 N 页 共 M 页".
 * - CSV: UTF-8 with a byte order mark, CRLF, RFC 4180 quoting; one row per indicator:
 *   表, 年度绩效目标, 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分,
 *   偏差原因分析及改进措施.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ziping-core.h"

G_BEGIN_DECLS

typedef enum
{
  ZP_EXPORT_FORMAT_XLSX,
  ZP_EXPORT_FORMAT_PDF,
  ZP_EXPORT_FORMAT_CSV,
  ZP_EXPORT_FORMAT_DOCX,  /* Word: the forms as tables (zp-docx.h) */
} ZpExportFormat;

typedef struct
{
  int         form;    /* position in zp_workbook_get_forms(); −1: every form and the summary */
  const char *layout;  /* "hubei" or "central"; NULL: the scheme's layout */
} ZpExportOptions;

#define ZP_EXPORT_ERROR (zp_export_error_quark ())
typedef enum
{
  ZP_EXPORT_ERROR_FAILED,
  ZP_EXPORT_ERROR_INVALID,  /* bad form index or layout */
} ZpExportError;

GQuark    zp_export_error_quark      (void);

/* Writes to a temporary file beside `file` and renames it into place only when complete:
 * a failed export leaves nothing behind and an existing file untouched. */
gboolean  zp_export_workbook         (ZpWorkbook             *workbook,
                                      ZpExportFormat          format,
                                      const ZpExportOptions  *options,  /* NULL: defaults */
                                      GFile                  *file,
                                      GError                **error);

/* The paginated renderer behind PDF and print. */
#define ZP_TYPE_REPORT (zp_report_get_type ())
G_DECLARE_FINAL_TYPE (ZpReport, zp_report, ZP, REPORT, GObject)

ZpReport *zp_report_new              (ZpWorkbook             *workbook,
                                      const ZpExportOptions  *options);
/* Lays the forms out on pages of the given size in points (A4: 595.28 × 841.89) and
 * returns the page count. Must be called before drawing. Drawing is in points with the
 * origin at the page's top-left corner: from GtkPrintOperation, set GTK_UNIT_POINTS and
 * pass gtk_print_context_get_width()/get_height(). */
guint     zp_report_paginate         (ZpReport               *self,
                                      double                  page_width,
                                      double                  page_height);
/* A page past the last one (an empty workbook has none) is left blank. */
void      zp_report_draw_page        (ZpReport               *self,
                                      cairo_t                *cr,
                                      guint                   page);

/* Blank space kept inside the page, in points (default 36 left and right, 40 top,
 * 46 bottom, where the page number goes). Takes effect at the next paginate. */
void      zp_report_set_margins      (ZpReport               *self,
                                      double                  top,
                                      double                  right,
                                      double                  bottom,
                                      double                  left);
/* After paginate: TRUE when a form's columns did not fit the page width and were drawn
 * smaller: a landscape page would show them at full size. */
gboolean  zp_report_prefers_landscape (ZpReport              *self);

#define ZP_A4_WIDTH   595.28
#define ZP_A4_HEIGHT  841.89

G_END_DECLS
