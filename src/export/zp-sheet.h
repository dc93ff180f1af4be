/* zp-sheet.h — one printed form as a grid of cells: the layout model every export shares.
 *
 * A ZpSheet is what the published form looks like, cell by cell (layouts.md): rows in
 * print order, each holding the cells that start in it; a cell may span rows and columns
 * (a merge). The .xlsx writer, the PDF/print renderer and the tests all read this one
 * model, so the outputs cannot drift apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ziping-core.h"

G_BEGIN_DECLS

#define ZP_SHEET_MAX_COLS 16  /* the roll-up 汇总表 has 14 */

/* What a cell holds. Every cell has its printed text; numbers also carry their value. */
typedef enum
{
  ZP_CELL_TEXT,
  ZP_CELL_AMOUNT,   /* 2 places: "2066.63" */
  ZP_CELL_PERCENT,  /* a rate: "100%", "86.18%" */
  ZP_CELL_SCORE,    /* trailing zeros dropped: "20", "2.5" */
} ZpCellKind;

/* How a cell looks. */
typedef enum
{
  ZP_CELL_STYLE_TITLE,      /* large, bold, centred, no border */
  ZP_CELL_STYLE_SUBTITLE,   /* bold, centred, no border */
  ZP_CELL_STYLE_NOTE,       /* right-aligned, no border: 金额单位：万元 */
  ZP_CELL_STYLE_LABEL,      /* centred, bordered: row labels, categories */
  ZP_CELL_STYLE_HEADER,     /* bold, centred, bordered: column headings */
  ZP_CELL_STYLE_TEXT,       /* left, wrapped, bordered */
  ZP_CELL_STYLE_NUMBER,     /* centred, bordered */
  ZP_CELL_STYLE_SIGNATURE,  /* left, no border: 单位负责人： … */
  ZP_N_CELL_STYLES
} ZpCellStyle;

typedef struct
{
  guint        col;
  guint        row_span;   /* 1 when not merged down */
  guint        col_span;   /* 1 when not merged across */
  ZpCellKind   kind;
  ZpCellStyle  style;
  char        *text;       /* as printed; never NULL */
  gboolean     has_value;  /* a number cell with a value (else its text is "—" or typed text) */
  ZpDecimal    value;
  char        *formula;    /* spreadsheet formula without "=", or NULL */
  char        *comment;    /* a note a spreadsheet attaches to the cell, or NULL */
} ZpCell;

typedef enum
{
  ZP_ROW_NORMAL,
  ZP_ROW_TITLE,      /* title, subtitle and note rows above the table */
  ZP_ROW_HEADER,     /* column headings: repeated at the top of a continued page */
  ZP_ROW_SIGNATURE,  /* the signature block below the table */
} ZpRowKind;

typedef struct
{
  ZpRowKind  kind;
  gboolean   keep_with_next;  /* never end a page after this row */
  double     min_height;      /* points; 0: as the text needs */
  guint      scope_last;      /* ZP_ROW_HEADER: the last row it heads */
  GPtrArray *cells;           /* ZpCell*, by column */
} ZpSheetRow;

typedef struct
{
  char      *name;                        /* the form's title, for the sheet name */
  guint      n_cols;
  double     col_widths[ZP_SHEET_MAX_COLS]; /* in spreadsheet character units */
  GPtrArray *rows;                        /* ZpSheetRow* */
  int        repeat_row;                  /* the heading row a spreadsheet repeats; −1 */
  /* Where the execution figures and the total are, for the summary's formulas:
   * row and column, or −1. */
  int        rate_row, rate_col;
  int        exec_score_row, exec_score_col;
  int        total_row, total_col;
} ZpSheet;

ZpSheet    *zp_sheet_new             (const char  *name,
                                      guint        n_cols,
                                      const double *col_widths);
void        zp_sheet_free            (ZpSheet     *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZpSheet, zp_sheet_free)

guint       zp_sheet_get_n_rows      (ZpSheet     *sheet);
ZpSheetRow *zp_sheet_get_row         (ZpSheet     *sheet,
                                      guint        row);
/* Starts a new row and returns its index. */
guint       zp_sheet_add_row         (ZpSheet     *sheet,
                                      ZpRowKind    kind);
/* Adds a cell to the last row; returns it so that the caller can set value/formula. */
ZpCell     *zp_sheet_add_cell        (ZpSheet     *sheet,
                                      guint        col,
                                      guint        col_span,
                                      ZpCellStyle  style,
                                      const char  *text);
/* A number cell: the text is formatted from the value by kind. */
ZpCell     *zp_sheet_add_number      (ZpSheet     *sheet,
                                      guint        col,
                                      guint        col_span,
                                      ZpCellKind   kind,
                                      ZpDecimal    value);
/* The cell that starts at (row, col), or NULL (also for cells covered by a merge). */
ZpCell     *zp_sheet_get_cell        (ZpSheet     *sheet,
                                      guint        row,
                                      guint        col);
/* The height a cell's text needs at a width (the sum of its columns' widths). */
typedef double (*ZpMeasureFunc) (const ZpCell *cell,
                                 double        width,
                                 gpointer      user_data);

/* Row heights such that every cell shows all its text: single-row cells set their row's
 * height, and a cell merged down rows that need less gets the rest on its last row.
 * Widths and heights are in the caller's units; returns n_rows heights (g_free). */
double     *zp_sheet_compute_heights (ZpSheet       *sheet,
                                      const double  *col_widths,
                                      double         min_height,
                                      ZpMeasureFunc  measure,
                                      gpointer       user_data);
/* The summed width of the columns a cell spans. */
double      zp_sheet_span_width      (const double  *col_widths,
                                      const ZpCell  *cell);
/* "D7" for row 6, col 3 (zero-based). */
char       *zp_sheet_ref             (guint        row,
                                      guint        col);
/* The printed text of a number: amounts "2066.63", percents "100%" / "86.18%",
 * scores "20" / "2.5". */
char       *zp_cell_format_value     (ZpCellKind   kind,
                                      ZpDecimal    value);
/* The decimal places a number cell shows (for spreadsheet number formats). */
guint       zp_cell_get_places       (const ZpCell *cell);

G_END_DECLS
