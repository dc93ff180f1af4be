/* zp-import.h — forms read from the spreadsheets people already have.
 *
 * zp_import_read() reads a file (.xlsx, .xls/.et, SpreadsheetML 2003, HTML tables; the
 * kind is decided from the content), finds the forms in it by their header words (not by
 * fixed cells) and returns them in an intermediate ZpImport: every field as printed, where
 * it came from (sheet and cell), and what needs the user (a weight that is not printed and
 * cannot be derived, a column missing, a category the scheme does not know).
 * zp_import_apply() is the one function mapping that into the model.
 *
 * Layouts recognised: the 湖北/武汉 project and department forms (the seed's), the
 * 财预〔2020〕10号 project form, the 一体化 12-column indicator template, 绩效目标表 /
 * 绩效目标申报表 (targets only), and Ziping's own .xlsx export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ziping-core.h"
#include "zp-grid.h"

G_BEGIN_DECLS

typedef enum
{
  ZP_IMPORT_LAYOUT_HUBEI,     /* 湖北/武汉 (the seed; also Ziping's export) */
  ZP_IMPORT_LAYOUT_CENTRAL,   /* 财预〔2020〕10号 */
  ZP_IMPORT_LAYOUT_TEMPLATE,  /* 一体化 12-column indicator template */
  ZP_IMPORT_LAYOUT_TARGETS,   /* 绩效目标表: targets only */
} ZpImportLayout;

/* How an indicator's weight was found. */
typedef enum
{
  ZP_WEIGHT_MISSING,         /* needs the user */
  ZP_WEIGHT_PRINTED,         /* a 分值 column */
  ZP_WEIGHT_FROM_SCORE,      /* a fully met row: its printed score is its weight */
  ZP_WEIGHT_FROM_REMAINDER,  /* the one row of its block left: block points − the others */
} ZpWeightSource;

typedef struct
{
  char           *category;      /* without its points: "产出指标" */
  char           *subcategory;
  char           *name;
  char           *target;        /* comparator and unit joined (一体化: "≥" "500" "人" → "≥500人") */
  char           *actual;
  char           *weight;        /* "" when missing */
  ZpWeightSource  weight_source;
  char           *score;         /* printed 得分, "" when none */
  gboolean        manual;        /* printed score marked "*" (Ziping's export: set by hand) */
  char           *manual_reason;
  char           *note;          /* 偏差原因分析及改进措施 */
  char           *description;   /* 完成情况简要描述 (一体化; no model field yet) */
  char           *deduction;     /* 扣减分数 (一体化; no model field yet) */
  ZpDirection     direction;     /* from 计算符号 (一体化), else AUTO */
  char           *calc_symbol;   /* 计算符号 as printed, or NULL */
  char           *measure_unit;  /* 计量单位 as printed, or NULL */
  char           *where;         /* "Sheet1!D12" */
} ZpImportIndicator;

typedef struct
{
  char       *text;
  char       *achieved;
  char       *weight;         /* the goal's points as printed, "" when none */
  GPtrArray  *indicators;     /* ZpImportIndicator* */
} ZpImportGoal;

typedef struct
{
  gboolean        department;
  ZpImportLayout  layout;
  char           *sheet;
  char           *where;           /* the first cell of the form */
  char           *title;
  guint           year;            /* from the title; 0 when none */
  char           *title_unit;      /* the unit as the title prints it */
  /* project */
  char           *name, *department_name, *implementer, *manager;
  int             project_category, project_attribute, project_type;  /* −1: not printed */
  /* department */
  char           *unit, *basic_expenditure, *project_expenditure;
  /* execution */
  char           *initial_budget, *budget, *spent;
  char           *funds[ZP_N_FUNDS][ZP_N_FUND_FIELDS];
  char           *execution_weight;   /* printed: "20" */
  char           *published_rate;     /* printed 执行率: "100%" */
  char           *published_execution_score;
  char           *published_total;
  char           *amount_unit;        /* "万元" / "元" */
  char           *indicator_weight;   /* 年度绩效目标（80 分） */
  GHashTable     *category_points;    /* "产出指标" → "40", as printed in the labels */
  char           *analysis, *improvement;
  GPtrArray      *goals;              /* ZpImportGoal* */
  GPtrArray      *sources;            /* char*: "项目名称 ← Sheet1!B4", for --verbose */
} ZpImportForm;

typedef struct
{
  gboolean  needs_user;  /* TRUE: a finding to resolve (exit 1); FALSE: for information */
  char     *where;       /* "file: sheet “S”, cell D12" */
  char     *message;
} ZpImportNote;

typedef struct
{
  char       *display_name;
  GPtrArray  *forms;   /* ZpImportForm* */
  GPtrArray  *notes;   /* ZpImportNote* */
} ZpImport;

void       zp_import_free          (ZpImport     *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZpImport, zp_import_free)

/* The forms of a read grid. NULL with ZP_IMPORT_ERROR_NO_FORM when there is none. The
 * scheme (NULL: the default) decides which rows are fully met when deriving weights. */
ZpImport  *zp_import_grid          (ZpGrid       *grid,
                                    ZpScheme     *scheme,
                                    GError      **error);
/* zp_grid_read_file() then zp_import_grid(). */
ZpImport  *zp_import_read          (const char   *path,
                                    ZpScheme     *scheme,
                                    GError      **error);

/* TRUE when a note needs the user. */
gboolean   zp_import_needs_user    (ZpImport     *import);
guint      zp_import_count_indicators (ZpImport  *import);

/* The one mapping into the model: adds the forms to `workbook` (a department form only
 * when the workbook has none; another one becomes a note) and, when the workbook is
 * new (no forms), sets its year, unit, short unit and supervising department from what
 * the forms print, unless already set. Published figures Ziping computes itself (row
 * scores, rate, totals) are compared and any difference becomes a note. */
void       zp_import_apply         (ZpImport     *import,
                                    ZpWorkbook   *workbook);

const char *zp_import_layout_name  (ZpImportLayout layout);   /* translated */

/* Rows copied from a spreadsheet (tab-separated text) as new ZpIndicator objects, columns
 * matched by a header row when the copy has one, in the indicator table's order otherwise
 * (zp-paste.c). NULL with ZP_IMPORT_ERROR_NO_FORM when no row holds an indicator. */
GPtrArray  *zp_import_parse_rows   (const char   *text,
                                    GError      **error);

/* The built-in scheme a new workbook for these forms should use: "central" when a form is
 * in the 10号 layout, else the default. */
const char *zp_import_guess_scheme (ZpImport     *import);

G_END_DECLS
