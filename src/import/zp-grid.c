/* zp-grid.c — the cell grid every reader fills and the recogniser reads.
 *
 * Cells arrive in any order (a hostile file may list them backwards), so a sheet keeps
 * them in one array and sorts it once when the reader is done: O(n log n), never a
 * shifting insert per cell. Rows are found by binary search, so a sheet with one cell in
 * row 1,000,000 costs one cell, not a million row slots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zp-grid-private.h"

G_DEFINE_QUARK (zp-import-error-quark, zp_import_error)

ZpGrid *
zp_grid_new (const char *display_name,
             const char *kind)
{
  ZpGrid *grid = g_new0 (ZpGrid, 1);

  grid->display_name = g_strdup (display_name);
  grid->kind = kind;
  grid->sheets = g_ptr_array_new ();
  grid->strings = g_string_chunk_new (64 * 1024);
  return grid;
}

static void
sheet_free (ZpGridSheet *sheet)
{
  g_free (sheet->name);
  g_array_unref (sheet->cells);
  g_array_unref (sheet->merges);
  g_free (sheet);
}

void
zp_grid_free (ZpGrid *grid)
{
  if (grid == NULL)
    return;
  for (guint i = 0; i < grid->sheets->len; i++)
    sheet_free (g_ptr_array_index (grid->sheets, i));
  g_ptr_array_unref (grid->sheets);
  g_string_chunk_free (grid->strings);
  g_free (grid->display_name);
  g_free (grid);
}

ZpGridSheet *
zp_grid_add_sheet (ZpGrid     *grid,
                   const char *name)
{
  ZpGridSheet *sheet = g_new0 (ZpGridSheet, 1);

  sheet->name = g_strdup (name != NULL && *name ? name : "?");
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (ZpGridCell));
  sheet->merges = g_array_new (FALSE, FALSE, sizeof (ZpGridRange));
  g_ptr_array_add (grid->sheets, sheet);
  return sheet;
}

static gboolean
check_place (ZpGrid       *grid,
             ZpGridSheet  *sheet,
             guint         row,
             guint         col,
             GError      **error)
{
  if (row >= ZP_GRID_MAX_ROWS || col >= ZP_GRID_MAX_COLS)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                   _("%s: sheet “%s”: a cell outside the sheet (row %u, column %u)"),
                   grid->display_name, sheet->name, row + 1, col + 1);
      return FALSE;
    }
  if (grid->n_cells >= ZP_GRID_MAX_CELLS)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                   _("%s: sheet “%s”: more than %d cells; split the file or remove the "
                     "sheets that hold no form"),
                   grid->display_name, sheet->name, ZP_GRID_MAX_CELLS);
      return FALSE;
    }
  return TRUE;
}

/* Interned, cut at ZP_GRID_MAX_TEXT characters (as Excel cuts), valid UTF-8. */
const char *
zp_grid_intern (ZpGrid     *grid,
                const char *text)
{
  g_autofree char *valid = NULL;
  const char *end;

  if (text == NULL || *text == '\0')
    return "";
  if (!g_utf8_validate (text, -1, &end))
    text = valid = g_utf8_make_valid (text, -1);
  if (g_utf8_strlen (text, -1) > ZP_GRID_MAX_TEXT)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, ZP_GRID_MAX_TEXT);

      return g_string_chunk_insert_const (grid->strings, cut);
    }
  return g_string_chunk_insert_const (grid->strings, text);
}

gboolean
zp_grid_add_cell (ZpGrid           *grid,
                  ZpGridSheet      *sheet,
                  const ZpGridCell *cell,
                  GError          **error)
{
  ZpGridCell copy = *cell;

  if (!check_place (grid, sheet, cell->row, cell->col, error))
    return FALSE;
  copy.text = zp_grid_intern (grid, cell->text);
  copy.seq = sheet->cells->len;
  g_array_append_val (sheet->cells, copy);
  grid->n_cells++;
  return TRUE;
}

gboolean
zp_grid_add_text (ZpGrid       *grid,
                  ZpGridSheet  *sheet,
                  guint         row,
                  guint         col,
                  const char   *text,
                  GError      **error)
{
  ZpGridCell cell = { 0 };

  if (text == NULL || *text == '\0')
    return TRUE;
  cell.row = row;
  cell.col = col;
  cell.text = text;
  return zp_grid_add_cell (grid, sheet, &cell, error);
}

/* Numbers ------------------------------------------------------------------------------ */

/* The decimal a binary float stands for, as Excel shows it: 15 significant digits
 * (0.8999999999999999 → 0.9, 1848.8199999999999 → 1848.82). */
static gboolean
float_to_decimal (double     v,
                  ZpDecimal *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean percent;

  if (!isfinite (v) || fabs (v) >= 9.0e12)
    return FALSE;
  g_ascii_formatd (buf, sizeof buf, "%.15g", v);
  if (strchr (buf, 'e') != NULL)
    g_ascii_formatd (buf, sizeof buf, "%.6f", v);  /* tiny or huge: six places are all we keep */
  return zp_decimal_parse (buf, out, &percent);
}

gboolean
zp_grid_number_cell (ZpGrid     *grid,
                     const char *stored,
                     int         places,
                     gboolean    percent,
                     ZpGridCell *out)
{
  char *end = NULL;
  double v;
  ZpDecimal value;
  g_autofree char *text = NULL;

  if (stored == NULL)
    return FALSE;
  while (g_ascii_isspace (*stored))
    stored++;
  if (*stored == '\0')
    return FALSE;
  v = g_ascii_strtod (stored, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == NULL || *end != '\0' || !float_to_decimal (v, &value))
    return FALSE;

  if (places > ZP_DECIMAL_PLACES - (percent ? 2 : 0))
    places = ZP_DECIMAL_PLACES - (percent ? 2 : 0);

  if (percent)
    {
      ZpDecimal hundred = zp_decimal_from_int (100);
      ZpDecimal shown = zp_decimal_mul (value, hundred);

      if (places >= 0)
        shown = zp_decimal_round (shown, (guint) places);
      value = zp_decimal_div (shown, hundred);
      text = places >= 0 ? zp_decimal_format (shown, (guint) places)
                         : zp_decimal_format_trim (shown, ZP_DECIMAL_PLACES - 2);
      {
        char *with_sign = g_strconcat (text, "%", NULL);
        g_free (text);
        text = with_sign;
      }
    }
  else if (places >= 0)
    {
      value = zp_decimal_round (value, (guint) places);
      text = zp_decimal_format (value, (guint) places);
    }
  else
    text = zp_decimal_format_trim (value, ZP_DECIMAL_PLACES);

  memset (out, 0, sizeof *out);
  out->text = g_string_chunk_insert_const (grid->strings, text);
  out->value = value;
  out->is_number = TRUE;
  out->percent = percent;
  return TRUE;
}

void
zp_grid_builtin_format_info (guint     id,
                             int      *places,
                             gboolean *percent)
{
  *percent = FALSE;
  switch (id)
    {
    case 1: case 3: case 37: case 38:
      *places = 0;
      break;
    case 2: case 4: case 39: case 40:
      *places = 2;
      break;
    case 9:
      *places = 0;
      *percent = TRUE;
      break;
    case 10:
      *places = 2;
      *percent = TRUE;
      break;
    default:  /* General, scientific, fractions, dates, text */
      *places = -1;
      break;
    }
}

void
zp_grid_format_code_info (const char *code,
                          int        *places,
                          gboolean   *percent)
{
  gboolean digits = FALSE, after_point = FALSE;
  int n = 0;

  *places = -1;
  *percent = FALSE;
  if (code == NULL || g_ascii_strncasecmp (code, "General", 7) == 0)
    return;

  for (const char *p = code; *p && *p != ';'; p++)
    {
      switch (*p)
        {
        case '"':  /* a literal: skip to its end */
          p = strchr (p + 1, '"');
          if (p == NULL)
            goto done;
          break;
        case '[':  /* colour or condition */
          p = strchr (p + 1, ']');
          if (p == NULL)
            goto done;
          break;
        case '\\': case '_': case '*':
          if (p[1] != '\0')
            p++;
          break;
        case '%':
          *percent = TRUE;
          break;
        case '.':
          after_point = TRUE;
          break;
        case '0': case '#': case '?':
          digits = TRUE;
          if (after_point)
            n++;
          break;
        case 'E': case 'e': case 'y': case 'Y': case 'm': case 'M': case 'd': case 'D':
        case 'h': case 'H': case 's': case 'S': case '/': case '@':
          /* scientific, a date or time, a fraction or text: not a decimal we can show */
          *percent = FALSE;
          return;
        default:
          break;
        }
    }
done:
  if (digits)
    *places = n;
}

/* Finishing: sort, drop duplicates, expand merges --------------------------------------- */

static int
cell_compare (gconstpointer a,
              gconstpointer b)
{
  const ZpGridCell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  /* a real cell before a merged copy, then in order of arrival */
  if (x->merged != y->merged)
    return x->merged ? 1 : -1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* After sorting: one cell per place. Of real cells the last one read wins (a file that
 * repeats a cell means its last word); merged copies never replace a real cell. */
static void
dedupe (ZpGridSheet *sheet)
{
  GArray *cells = sheet->cells;
  ZpGridCell *c = (ZpGridCell *) cells->data;
  guint out = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      if (out > 0 && c[out - 1].row == c[i].row && c[out - 1].col == c[i].col)
        {
          if (!c[i].merged)
            c[out - 1] = c[i];
          continue;
        }
      c[out++] = c[i];
    }
  g_array_set_size (cells, out);
}

static void
sort_cells (ZpGridSheet *sheet)
{
  g_array_sort (sheet->cells, cell_compare);
  dedupe (sheet);
}

/* The index of the first cell at or after (row, col). */
static guint
lower_bound_in (const ZpGridSheet *sheet,
                guint              n,
                guint              row,
                guint              col)
{
  const ZpGridCell *c = (const ZpGridCell *) sheet->cells->data;
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (c[mid].row < row || (c[mid].row == row && c[mid].col < col))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
lower_bound (const ZpGridSheet *sheet,
             guint              row,
             guint              col)
{
  return lower_bound_in (sheet, sheet->cells->len, row, col);
}

gboolean
zp_grid_finish_sheet (ZpGrid       *grid,
                      ZpGridSheet  *sheet,
                      GError      **error)
{
  guint n_real;
  guint max_row = 0, max_col = 0;
  guint64 budget = ZP_GRID_MAX_CELLS;

  sort_cells (sheet);
  n_real = sheet->cells->len;
  for (guint i = 0; i < n_real; i++)
    {
      const ZpGridCell *c = &g_array_index (sheet->cells, ZpGridCell, i);

      max_row = MAX (max_row, c->row);
      max_col = MAX (max_col, c->col);
    }

  for (guint m = 0; m < sheet->merges->len && n_real > 0; m++)
    {
      ZpGridRange r = g_array_index (sheet->merges, ZpGridRange, m);
      const ZpGridCell *top;
      guint at;
      guint64 area;

      /* A merge past the last cell only covers empty cells: clip it. */
      r.last_row = MIN (r.last_row, max_row);
      r.last_col = MIN (r.last_col, max_col);
      if (r.first_row > r.last_row || r.first_col > r.last_col)
        continue;
      area = (guint64) (r.last_row - r.first_row + 1) * (r.last_col - r.first_col + 1);
      if (area > budget)
        {
          g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                       _("%s: sheet “%s”: merged cells cover more than %d cells"),
                       grid->display_name, sheet->name, ZP_GRID_MAX_CELLS);
          return FALSE;
        }
      budget -= area;

      at = lower_bound_in (sheet, n_real, r.first_row, r.first_col);
      if (at >= n_real)
        continue;
      top = &g_array_index (sheet->cells, ZpGridCell, at);
      if (top->row != r.first_row || top->col != r.first_col)
        continue;

      for (guint row = r.first_row; row <= r.last_row; row++)
        for (guint col = r.first_col; col <= r.last_col; col++)
          {
            ZpGridCell copy;

            if (row == r.first_row && col == r.first_col)
              continue;
            if (grid->n_cells >= ZP_GRID_MAX_CELLS)
              {
                g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                             _("%s: sheet “%s”: more than %d cells; split the file or remove "
                               "the sheets that hold no form"),
                             grid->display_name, sheet->name, ZP_GRID_MAX_CELLS);
                return FALSE;
              }
            /* `top` may move when the array grows: copy it by index. */
            copy = g_array_index (sheet->cells, ZpGridCell, at);
            copy.row = row;
            copy.col = col;
            copy.merged = TRUE;
            copy.seq = sheet->cells->len;
            g_array_append_val (sheet->cells, copy);
            grid->n_cells++;
          }
    }

  if (sheet->cells->len != n_real)
    sort_cells (sheet);

  sheet->n_rows = sheet->cells->len > 0 ? max_row + 1 : 0;
  sheet->n_cols = sheet->cells->len > 0 ? max_col + 1 : 0;
  return TRUE;
}

void
zp_grid_add_merge (ZpGridSheet *sheet,
                   guint        first_row,
                   guint        first_col,
                   guint        last_row,
                   guint        last_col)
{
  ZpGridRange r;

  if (last_row < first_row || last_col < first_col)
    return;
  if (sheet->merges->len >= ZP_GRID_MAX_CELLS)
    return;
  r.first_row = first_row;
  r.first_col = first_col;
  r.last_row = MIN (last_row, ZP_GRID_MAX_ROWS - 1);
  r.last_col = MIN (last_col, ZP_GRID_MAX_COLS - 1);
  g_array_append_val (sheet->merges, r);
}

const ZpGridCell *
zp_grid_sheet_get (const ZpGridSheet *sheet,
                   guint              row,
                   guint              col)
{
  guint at = lower_bound (sheet, row, col);
  const ZpGridCell *c;

  if (at >= sheet->cells->len)
    return NULL;
  c = &g_array_index (sheet->cells, ZpGridCell, at);
  return c->row == row && c->col == col ? c : NULL;
}

const char *
zp_grid_sheet_text (const ZpGridSheet *sheet,
                    guint              row,
                    guint              col)
{
  const ZpGridCell *c = zp_grid_sheet_get (sheet, row, col);

  return c != NULL ? c->text : "";
}

const ZpGridCell *
zp_grid_sheet_row (const ZpGridSheet *sheet,
                   guint              row,
                   guint             *n_cells)
{
  guint first = lower_bound (sheet, row, 0);
  guint last = lower_bound (sheet, row + 1, 0);

  *n_cells = last - first;
  return last > first ? &g_array_index (sheet->cells, ZpGridCell, first) : NULL;
}

char *
zp_grid_ref (guint row,
             guint col)
{
  char letters[8];
  int n = 0;
  char out[8];
  int i = 0;

  col++;
  while (col > 0 && n < 7)
    {
      letters[n++] = 'A' + (col - 1) % 26;
      col = (col - 1) / 26;
    }
  while (n > 0)
    out[i++] = letters[--n];
  out[i] = '\0';
  return g_strdup_printf ("%s%u", out, row + 1);
}

gboolean
zp_grid_parse_ref (const char *ref,
                   guint      *row,
                   guint      *col)
{
  guint64 c = 0, r = 0;
  const char *p = ref;
  int letters = 0, digits = 0;

  if (p == NULL)
    return FALSE;
  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p) && letters < 4; p++, letters++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p) && digits < 8; p++, digits++)
    r = r * 10 + (*p - '0');
  if (letters == 0 || digits == 0 || *p != '\0' || r == 0
      || c > ZP_GRID_MAX_COLS || r > ZP_GRID_MAX_ROWS)
    return FALSE;
  *row = (guint) r - 1;
  *col = (guint) c - 1;
  return TRUE;
}
