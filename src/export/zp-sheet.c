/* zp-sheet.c — the grid of cells every export shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zp-sheet.h"

static void
zp_cell_free (ZpCell *cell)
{
  g_free (cell->text);
  g_free (cell->formula);
  g_free (cell->comment);
  g_free (cell);
}

static void
zp_sheet_row_free (ZpSheetRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

ZpSheet *
zp_sheet_new (const char   *name,
              guint         n_cols,
              const double *col_widths)
{
  ZpSheet *sheet = g_new0 (ZpSheet, 1);

  g_return_val_if_fail (n_cols > 0 && n_cols <= ZP_SHEET_MAX_COLS, NULL);

  sheet->name = g_strdup (name ? name : "");
  sheet->n_cols = n_cols;
  memcpy (sheet->col_widths, col_widths, n_cols * sizeof (double));
  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) zp_sheet_row_free);
  sheet->repeat_row = -1;
  sheet->rate_row = sheet->rate_col = -1;
  sheet->exec_score_row = sheet->exec_score_col = -1;
  sheet->total_row = sheet->total_col = -1;
  return sheet;
}

void
zp_sheet_free (ZpSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_ptr_array_unref (sheet->rows);
  g_free (sheet->name);
  g_free (sheet);
}

guint
zp_sheet_get_n_rows (ZpSheet *sheet)
{
  return sheet->rows->len;
}

ZpSheetRow *
zp_sheet_get_row (ZpSheet *sheet,
                  guint    row)
{
  g_return_val_if_fail (row < sheet->rows->len, NULL);
  return g_ptr_array_index (sheet->rows, row);
}

guint
zp_sheet_add_row (ZpSheet   *sheet,
                  ZpRowKind  kind)
{
  ZpSheetRow *row = g_new0 (ZpSheetRow, 1);

  row->kind = kind;
  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) zp_cell_free);
  g_ptr_array_add (sheet->rows, row);
  return sheet->rows->len - 1;
}

ZpCell *
zp_sheet_add_cell (ZpSheet     *sheet,
                   guint        col,
                   guint        col_span,
                   ZpCellStyle  style,
                   const char  *text)
{
  ZpSheetRow *row;
  ZpCell *cell;

  g_return_val_if_fail (sheet->rows->len > 0, NULL);
  g_return_val_if_fail (col + col_span <= sheet->n_cols, NULL);

  row = g_ptr_array_index (sheet->rows, sheet->rows->len - 1);
  cell = g_new0 (ZpCell, 1);
  cell->col = col;
  cell->row_span = 1;
  cell->col_span = MAX (col_span, 1);
  cell->kind = ZP_CELL_TEXT;
  cell->style = style;
  cell->text = g_strdup (text ? text : "");
  g_ptr_array_add (row->cells, cell);
  return cell;
}

ZpCell *
zp_sheet_add_number (ZpSheet    *sheet,
                     guint       col,
                     guint       col_span,
                     ZpCellKind  kind,
                     ZpDecimal   value)
{
  g_autofree char *text = zp_cell_format_value (kind, value);
  ZpCell *cell = zp_sheet_add_cell (sheet, col, col_span, ZP_CELL_STYLE_NUMBER, text);

  cell->kind = kind;
  cell->has_value = TRUE;
  cell->value = value;
  return cell;
}

ZpCell *
zp_sheet_get_cell (ZpSheet *sheet,
                   guint    row,
                   guint    col)
{
  ZpSheetRow *r;

  if (row >= sheet->rows->len)
    return NULL;

  r = g_ptr_array_index (sheet->rows, row);
  for (guint i = 0; i < r->cells->len; i++)
    {
      ZpCell *cell = g_ptr_array_index (r->cells, i);

      if (cell->col == col)
        return cell;
    }
  return NULL;
}

double
zp_sheet_span_width (const double *col_widths,
                     const ZpCell *cell)
{
  double width = 0;

  for (guint c = cell->col; c < cell->col + cell->col_span; c++)
    width += col_widths[c];
  return width;
}

static void
fit_merged_down (ZpSheet       *sheet,
                 double        *heights,
                 guint          r,
                 const ZpCell  *cell,
                 double         needed)
{
  guint last = MIN (r + cell->row_span, sheet->rows->len) - 1;
  double have = 0;

  for (guint i = r; i <= last; i++)
    have += heights[i];
  if (needed > have)
    heights[last] += needed - have;
}

double *
zp_sheet_compute_heights (ZpSheet       *sheet,
                          const double  *col_widths,
                          double         min_height,
                          ZpMeasureFunc  measure,
                          gpointer       user_data)
{
  double *heights = g_new0 (double, sheet->rows->len);

  for (guint r = 0; r < sheet->rows->len; r++)
    {
      ZpSheetRow *row = g_ptr_array_index (sheet->rows, r);

      heights[r] = MAX (min_height, row->min_height);
      for (guint i = 0; i < row->cells->len; i++)
        {
          ZpCell *cell = g_ptr_array_index (row->cells, i);

          if (cell->row_span == 1)
            heights[r] = MAX (heights[r],
                              measure (cell, zp_sheet_span_width (col_widths, cell), user_data));
        }
    }

  /* Merged-down cells last, once the rows they span have their own heights. */
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      ZpSheetRow *row = g_ptr_array_index (sheet->rows, r);

      for (guint i = 0; i < row->cells->len; i++)
        {
          ZpCell *cell = g_ptr_array_index (row->cells, i);

          if (cell->row_span > 1)
            fit_merged_down (sheet, heights, r, cell,
                             measure (cell, zp_sheet_span_width (col_widths, cell), user_data));
        }
    }
  return heights;
}

char *
zp_sheet_ref (guint row,
              guint col)
{
  char letters[8];
  int n = 0;
  guint c = col + 1;

  /* Bijective base 26: A … Z, AA … */
  while (c > 0 && n < (int) sizeof letters - 1)
    {
      letters[n++] = 'A' + (c - 1) % 26;
      c = (c - 1) / 26;
    }
  for (int i = 0; i < n / 2; i++)
    {
      char t = letters[i];
      letters[i] = letters[n - 1 - i];
      letters[n - 1 - i] = t;
    }
  letters[n] = '\0';
  return g_strdup_printf ("%s%u", letters, row + 1);
}

char *
zp_cell_format_value (ZpCellKind kind,
                      ZpDecimal  value)
{
  switch (kind)
    {
    case ZP_CELL_AMOUNT:
      return zp_decimal_format (value, 2);
    case ZP_CELL_PERCENT:
      return zp_decimal_format_percent (value, 2, TRUE);
    case ZP_CELL_SCORE:
      return zp_decimal_format_trim (value, 2);
    case ZP_CELL_TEXT:
    default:
      return zp_decimal_format_trim (value, ZP_DECIMAL_PLACES);
    }
}

static guint
count_places (const char *text)
{
  const char *dot = strchr (text, '.');
  guint places = 0;

  if (dot == NULL)
    return 0;
  for (const char *p = dot + 1; g_ascii_isdigit (*p); p++)
    places++;
  return places;
}

guint
zp_cell_get_places (const ZpCell *cell)
{
  switch (cell->kind)
    {
    case ZP_CELL_AMOUNT:
      return 2;
    case ZP_CELL_PERCENT:
    case ZP_CELL_SCORE:
      return count_places (cell->text);
    case ZP_CELL_TEXT:
    default:
      return 0;
    }
}
