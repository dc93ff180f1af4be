/* zp-sheet-split.h — a text too long for one printed row, continued over rows below it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-sheet.h"

G_BEGIN_DECLS

/* Measures how much of `text` fits a row: the byte offsets at which to cut it so that
 * each piece fits (ascending, inside the text, at character boundaries); none when
 * the whole text fits. */
typedef GArray *(*ZpSplitFunc) (const ZpCell *cell,
                                double        width,
                                gpointer      user_data);

/* Continues the text of the cell at index `cell_index` of `row` (a cell one row high)
 * over new rows right below it, one piece of text per row at the byte offsets `cuts`
 * (gsize, ascending): the cell keeps the first piece, each new row holds the next in
 * the same columns and style. Every other cell that covers `row` (starting in it or
 * merged down from above) spans the new rows too, so a label stays beside its text;
 * rows below, header scopes, the repeated heading, the sheet's references for the
 * summary and the row numbers in formulas move down. */
void   zp_sheet_continue_cell  (ZpSheet      *sheet,
                                guint         row,
                                guint         cell_index,
                                GArray       *cuts);

/* The same for every cell of `row` at once: cuts[i] (NULL or empty: not cut) for the
 * row's cell i. A cut cell's pieces go down its column, with empty cells below a text
 * that has fewer pieces than another; the cells not cut span the new rows. */
void   zp_sheet_continue_row   (ZpSheet      *sheet,
                                guint         row,
                                GArray      **cuts);

/* Every single-row text cell that `split` cuts, continued over rows (see above; the
 * long texts of one row together), at the column widths the sheet is laid out with. */
void   zp_sheet_split_long_texts (ZpSheet     *sheet,
                                  const double *col_widths,
                                  ZpSplitFunc  split,
                                  gpointer     user_data);

/* The formula with the row numbers of its references to rows after `row` (zero-based)
 * moved down by `by`; references into other sheets ('name'!A1) are left alone. */
char  *zp_formula_shift_rows   (const char   *formula,
                                guint         row,
                                guint         by);

G_END_DECLS
