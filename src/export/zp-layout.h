/* zp-layout.h — forms laid out as the published templates print them (layouts.md,
 * spec §5): the 湖北/武汉 project and department forms, the 10号 project form, and the
 * workbook's summary (汇总表).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-sheet.h"

G_BEGIN_DECLS

typedef enum
{
  ZP_LAYOUT_HUBEI,    /* 湖北/武汉: the seed's layout */
  ZP_LAYOUT_CENTRAL,  /* 财预〔2020〕10号 */
} ZpLayoutKind;

gboolean  zp_layout_from_string  (const char    *text,
                                  ZpLayoutKind  *out);

/* The form's sheet. The 10号 layout only changes project forms: department forms print
 * in the 湖北/武汉 department layout with the scheme's weights. */
ZpSheet  *zp_layout_form         (ZpWorkbook    *workbook,
                                  ZpForm        *form,
                                  ZpLayoutKind   layout);

/* Where a form sheet keeps the figures the summary refers to. */
typedef struct
{
  const char *sheet_name;  /* as written in the spreadsheet */
  int         rate_row, rate_col;
  int         exec_score_row, exec_score_col;
  int         total_row, total_col;
} ZpSummaryLink;

/* One row per form: 序号, 自评表, 执行率, 预算执行得分, 指标得分, 总分. With links
 * (one per form), the figures are formulas referring to the form sheets. */
ZpSheet  *zp_layout_summary      (ZpWorkbook          *workbook,
                                  const guint         *forms,
                                  guint                n_forms,
                                  const ZpSummaryLink *links);

/* "指标名：原因" for every row with a deviation note, one per line ("" when none): what the
 * 湖北/武汉 layouts print in 偏差大或目标未完成原因分析 when the user left it empty. */
char     *zp_layout_gather_deviation_notes (ZpForm *form);

G_END_DECLS
