/* zp-sheet-split.c — a text too long for one printed row, continued over rows below it.
 *
 * A row of a form never splits across pages, and a spreadsheet row is at most 409 points
 * high, so a text longer than a page (an analysis of 100,000 characters) or than a
 * spreadsheet row would be cut when printed. Such a text is cut into pieces that each
 * fit a row, one piece per row, the cells beside it merged down over the new rows: the
 * printed form reads as before, only longer, and no character is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zp-sheet-split.h"

static gboolean
is_ref_letter (char c)
{
  return c >= 'A' && c <= 'Z';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.';
}

char *
zp_formula_shift_rows (const char *formula,
                       guint       row,
                       guint       by)
{
  GString *out = g_string_sized_new (strlen (formula) + 8);
  const char *p = formula;

  while (*p)
    {
      const char *start = p;

      if (*p == '\'')
        {
          /* 'Sheet name'!A1: another sheet's rows do not move. */
          for (p++; *p && !(*p == '\'' && p[1] != '\''); p += (*p == '\'' ? 2 : 1))
            ;
          if (*p)
            p++;
          if (*p == '!')
            for (p++; *p == '$' || g_ascii_isalnum (*p); p++)
              ;
          g_string_append_len (out, start, p - start);
          continue;
        }
      if (is_ref_letter (*p) && (p == formula || !is_name_char (p[-1])))
        {
          guint64 number;
          char *end;

          while (is_ref_letter (*p))
            p++;
          if (*p == '$')
            p++;
          if (!g_ascii_isdigit (*p))
            {
              g_string_append_len (out, start, p - start);
              continue;
            }
          number = g_ascii_strtoull (p, &end, 10);
          if (is_name_char (*end) || *end == '(')
            {
              g_string_append_len (out, start, end - start);
              p = end;
              continue;
            }
          g_string_append_len (out, start, p - start);
          g_string_append_printf (out, "%" G_GUINT64_FORMAT, number > row + 1 ? number + by : number);
          p = end;
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static void
shift_index (int   *index,
             guint  row,
             guint  by)
{
  if (*index > (int) row)
    *index += by;
}

static void
shift_references (ZpSheet *sheet,
                  guint    row,
                  guint    by)
{
  shift_index (&sheet->repeat_row, row, by);
  shift_index (&sheet->rate_row, row, by);
  shift_index (&sheet->exec_score_row, row, by);
  shift_index (&sheet->total_row, row, by);

  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    {
      ZpSheetRow *sheet_row = zp_sheet_get_row (sheet, r);

      if (sheet_row->kind == ZP_ROW_HEADER && sheet_row->scope_last >= row)
        sheet_row->scope_last += by;
      for (guint i = 0; i < sheet_row->cells->len; i++)
        {
          ZpCell *cell = g_ptr_array_index (sheet_row->cells, i);

          if (cell->formula != NULL)
            {
              char *shifted = zp_formula_shift_rows (cell->formula, row, by);

              g_free (cell->formula);
              cell->formula = shifted;
            }
        }
    }
}

/* Cells that cover `row` from rows above it span `by` more rows. */
static void
stretch_cells_above (ZpSheet *sheet,
                     guint    row,
                     guint    by)
{
  for (guint r = 0; r < row; r++)
    {
      ZpSheetRow *sheet_row = zp_sheet_get_row (sheet, r);

      for (guint i = 0; i < sheet_row->cells->len; i++)
        {
          ZpCell *cell = g_ptr_array_index (sheet_row->cells, i);

          if (r + cell->row_span > row)
            cell->row_span += by;
        }
    }
}

static guint
n_pieces (GArray *cuts)
{
  return cuts != NULL ? cuts->len + 1 : 1;
}

/* Piece `k` of `text` cut at `cuts`: "" past the last piece. */
static char *
piece_of (const char *text,
          GArray     *cuts,
          guint       k)
{
  guint n = n_pieces (cuts);
  gsize from, to;

  if (k >= n)
    return g_strdup ("");
  from = k == 0 ? 0 : g_array_index (cuts, gsize, k - 1);
  to = k + 1 < n ? g_array_index (cuts, gsize, k) : strlen (text);
  return g_strndup (text + from, to - from);
}

void
zp_sheet_continue_row (ZpSheet  *sheet,
                       guint     row,
                       GArray  **cuts)
{
  ZpSheetRow *first = zp_sheet_get_row (sheet, row);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gboolean keep_with_next = first->keep_with_next;
  guint n_cells = first->cells->len;
  guint n = 0;

  for (guint i = 0; i < n_cells; i++)
    n = MAX (n, n_pieces (cuts[i]) - 1);
  if (n == 0)
    return;

  shift_references (sheet, row, n);
  stretch_cells_above (sheet, row, n);

  /* A cell that is cut keeps its first piece; any other spans the new rows too, so that
   * a label stays beside its text. */
  for (guint i = 0; i < n_cells; i++)
    {
      ZpCell *cell = g_ptr_array_index (first->cells, i);

      g_ptr_array_add (texts, g_strdup (cell->text));
      if (cuts[i] == NULL || cuts[i]->len == 0)
        {
          cell->row_span += n;
          continue;
        }
      g_free (cell->text);
      cell->text = piece_of (g_ptr_array_index (texts, i), cuts[i], 0);
    }

  first->keep_with_next = FALSE;
  for (guint k = 1; k <= n; k++)
    {
      ZpSheetRow *added;

      zp_sheet_add_row (sheet, first->kind);
      for (guint i = 0; i < n_cells; i++)
        {
          ZpCell *cell = g_ptr_array_index (first->cells, i);
          g_autofree char *piece = NULL;

          if (cuts[i] == NULL || cuts[i]->len == 0)
            continue;
          /* Past a shorter text's end: an empty cell, so that its borders go on. */
          piece = piece_of (g_ptr_array_index (texts, i), cuts[i], k);
          zp_sheet_add_cell (sheet, cell->col, cell->col_span, cell->style, piece);
        }
      added = g_ptr_array_steal_index (sheet->rows, zp_sheet_get_n_rows (sheet) - 1);
      added->keep_with_next = k == n ? keep_with_next : FALSE;
      g_ptr_array_insert (sheet->rows, row + k, added);
    }
}

void
zp_sheet_continue_cell (ZpSheet *sheet,
                        guint    row,
                        guint    cell_index,
                        GArray  *cuts)
{
  ZpSheetRow *first = zp_sheet_get_row (sheet, row);
  g_autofree GArray **all = g_new0 (GArray *, first->cells->len);

  g_return_if_fail (cell_index < first->cells->len);
  g_return_if_fail (((ZpCell *) g_ptr_array_index (first->cells, cell_index))->row_span == 1);

  all[cell_index] = cuts;
  zp_sheet_continue_row (sheet, row, all);
}

void
zp_sheet_split_long_texts (ZpSheet      *sheet,
                           const double *col_widths,
                           ZpSplitFunc   split,
                           gpointer      user_data)
{
  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    {
      ZpSheetRow *row = zp_sheet_get_row (sheet, r);
      guint n_cells = row->cells->len;
      g_autofree GArray **cuts = g_new0 (GArray *, MAX (n_cells, 1));
      guint added = 0;

      /* Every long text of the row at once: each continues in its own column. */
      for (guint i = 0; i < n_cells; i++)
        {
          ZpCell *cell = g_ptr_array_index (row->cells, i);

          if (cell->row_span != 1 || cell->has_value || cell->formula != NULL || *cell->text == '\0')
            continue;
          cuts[i] = split (cell, zp_sheet_span_width (col_widths, cell), user_data);
          if (cuts[i] != NULL)
            added = MAX (added, cuts[i]->len);
        }
      zp_sheet_continue_row (sheet, r, cuts);
      for (guint i = 0; i < n_cells; i++)
        if (cuts[i] != NULL)
          g_array_unref (cuts[i]);
      /* The new rows hold pieces that fit: go on after them. */
      r += added;
    }
}
