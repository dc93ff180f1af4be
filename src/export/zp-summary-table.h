/* zp-summary-table.h — the 汇总表: one row per project (or, across workbooks, per unit and
 * form) with its money, scores, grade and whether its deviations are explained, then the
 * totals and the count per grade.
 *
 * Columns: 序号, 项目名称, 项目类别, 全年预算数, 全年执行数, 执行率, 执行得分, 指标得分,
 * 自评总分, 等级 (zp-grade-bands.h), 未完成指标数, 偏差说明 (有 / 缺 / —); across workbooks
 * 单位 and 年度 come first. Written as .xlsx (totals as formulas), .docx, PDF, CSV (UTF-8
 * with BOM, CRLF) and JSON; every write lands whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zp-sheet.h"

G_BEGIN_DECLS

typedef enum
{
  ZP_DEVIATION_NOTES_NOT_NEEDED,  /* nothing below full marks: "—" */
  ZP_DEVIATION_NOTES_PRESENT,     /* every shortfall explained: 有 */
  ZP_DEVIATION_NOTES_MISSING,     /* at least one without a note: 缺 */
} ZpDeviationNotes;

typedef struct
{
  char             *file;
  char             *unit;
  guint             year;
  gboolean          department;    /* the department form (only across workbooks) */
  char             *title;         /* 项目名称, or the unit for the department form */
  char             *category;      /* 项目类别, "部门整体支出" for the department form */
  gboolean          has_budget;
  ZpDecimal         budget;
  gboolean          has_spent;
  ZpDecimal         spent;
  gboolean          has_rate;
  ZpDecimal         rate;
  ZpDecimal         execution_score;
  ZpDecimal         indicator_score;
  ZpDecimal         total;
  guint             unscored;      /* rows whose points are missing from the total */
  guint             grade;         /* see zp_summary_table_grade_name() */
  guint             missed;        /* indicators below full marks */
  ZpDeviationNotes  notes;
  int               errors;        /* −1: not counted */
  int               warnings;
} ZpSummaryEntry;

typedef enum
{
  ZP_SUMMARY_FORMAT_XLSX,
  ZP_SUMMARY_FORMAT_CSV,
  ZP_SUMMARY_FORMAT_JSON,
  ZP_SUMMARY_FORMAT_DOCX,
  ZP_SUMMARY_FORMAT_PDF,
} ZpSummaryFormat;

#define ZP_TYPE_SUMMARY_TABLE (zp_summary_table_get_type ())
G_DECLARE_FINAL_TYPE (ZpSummaryTable, zp_summary_table, ZP, SUMMARY_TABLE, GObject)

/* across: one row per unit and form, 单位 and 年度 shown; else one row per project. */
ZpSummaryTable       *zp_summary_table_new           (gboolean          across);
/* errors and warnings: per form, indexed like zp_workbook_get_forms(), or NULL. Each
 * workbook's forms are graded by its own scheme's bands. */
void                  zp_summary_table_add_workbook  (ZpSummaryTable   *self,
                                                      ZpWorkbook       *workbook,
                                                      const char       *file,
                                                      const guint      *errors,
                                                      const guint      *warnings);
guint                 zp_summary_table_get_n_entries (ZpSummaryTable   *self);
const ZpSummaryEntry *zp_summary_table_get_entry     (ZpSummaryTable   *self,
                                                      guint             i);
/* An entry's grade: the names of every workbook's bands, the first workbook's first
 * (highest first), then those only later workbooks have. */
const char           *zp_summary_table_grade_name    (ZpSummaryTable   *self,
                                                      guint             grade);
const char           *zp_deviation_notes_to_label    (ZpDeviationNotes  notes);  /* 有 / 缺 / — */
gboolean              zp_summary_format_from_string  (const char       *text,
                                                      ZpSummaryFormat  *out);

/* The table as a sheet of the layout model (title, headings, rows, 合计, 等级分布). */
ZpSheet              *zp_summary_table_layout        (ZpSummaryTable   *self,
                                                      const char       *title);
/* The 汇总表 members of an entry (category, budget, spent, execution_score,
 * indicator_score, grade, missed_indicators, deviation_notes) added to an open object. */
void                  zp_summary_entry_to_json       (ZpSummaryTable   *self,
                                                      const ZpSummaryEntry *entry,
                                                      JsonBuilder      *builder);
/* A JSON array, one object per entry (what `ziping-cli summary --json` prints). */
char                 *zp_summary_table_to_json       (ZpSummaryTable   *self);
gboolean              zp_summary_table_write         (ZpSummaryTable   *self,
                                                      ZpSummaryFormat   format,
                                                      const char       *title,
                                                      GFile            *file,
                                                      GError          **error);

G_END_DECLS
