/* zp-export-xlsx.c — the forms as an .xlsx workbook (libxlsxwriter): one sheet per form
 * in its published layout, then the summary (汇总表).
 *
 * Numbers are numbers with formats (0.00, 0%, 0.00%); the execution rate, its score and
 * the totals are formulas that carry the value Ziping computed, so a spreadsheet shows
 * the right figures before it recalculates.
 *
 * Memory: libxlsxwriter keeps every cell until the workbook is closed, about 20 kB per
 * form. Its constant-memory mode flushes rows as they are written instead, but keeps a
 * 128 kB column array (and an open temporary file) per sheet until the end, which costs
 * more than the cells of a whole form (measured: 2,000 forms, +44 MB kept vs +250 MB
 * in constant-memory mode). So that mode is used only where it pays: a form whose sheet
 * runs to thousands of rows. In that mode each row is flushed when the next one starts,
 * so rows are written strictly in order and a merge is recorded while its last row is
 * the current one (worksheet_merge_range() cannot reach back into flushed rows); the
 * writer does both in either mode.
 *
 * Long texts: a spreadsheet row is at most 409 points high and a cell holds at most
 * 32,767 characters, so a long text would print cut (or, past the cell's limit, not at
 * all). A text taller than a row is continued over rows below it, one piece per row,
 * each piece as long as a row shows, its label merged down beside it
 * (zp-sheet-split.c): the printed form shows every character, as the PDF does, and no
 * cell comes near the limit. Refusing the export would leave a unit with no .xlsx at all
 * for one long analysis; cutting it into cells of 32,767 characters would still print
 * only the first lines of each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "zp-export-private.h"
#include "zp-sheet-split.h"

#define SHEET_NAME_MAX   31
#define FONT_NAME        "宋体"
#define BODY_SIZE        10.0
#define LINE_HEIGHT      13.5   /* points per line of 10-point CJK text */
#define ROW_PADDING      5.0
#define MIN_ROW_HEIGHT   20.0
#define MAX_ROW_HEIGHT   409.0  /* Excel's limit */
#define LXW_PAPER_A4     9
/* Indicators in one form above which its rows are streamed (constant-memory mode). */
#define STREAM_INDICATORS 2000

typedef struct
{
  lxw_workbook *book;
  GHashTable   *formats;  /* key → lxw_format* (owned by the workbook) */
  GHashTable   *names;    /* casefolded sheet names in use */
  gboolean      constant_memory;
  /* The first cell libxlsxwriter refused, reported when its sheet is done. */
  lxw_error     cell_error;
  guint         error_row, error_col;
} XlsxWriter;

typedef struct
{
  const ZpCell *cell;
  guint         first_row;
} ActiveMerge;

/* Formats ------------------------------------------------------------------------------ */

static gboolean
style_has_border (ZpCellStyle style)
{
  return style == ZP_CELL_STYLE_LABEL || style == ZP_CELL_STYLE_HEADER ||
         style == ZP_CELL_STYLE_TEXT || style == ZP_CELL_STYLE_NUMBER;
}

static double
style_font_size (ZpCellStyle style)
{
  switch (style)
    {
    case ZP_CELL_STYLE_TITLE:
      return 16;
    case ZP_CELL_STYLE_SUBTITLE:
      return 12;
    default:
      return BODY_SIZE;
    }
}

static void
set_style (lxw_format  *format,
           ZpCellStyle  style)
{
  format_set_font_name (format, FONT_NAME);
  format_set_font_size (format, style_font_size (style));
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (style_has_border (style))
    format_set_border (format, LXW_BORDER_THIN);
  if (style == ZP_CELL_STYLE_TITLE || style == ZP_CELL_STYLE_SUBTITLE || style == ZP_CELL_STYLE_HEADER)
    format_set_bold (format);

  switch (style)
    {
    case ZP_CELL_STYLE_NOTE:
      format_set_align (format, LXW_ALIGN_RIGHT);
      break;
    case ZP_CELL_STYLE_TEXT:
    case ZP_CELL_STYLE_SIGNATURE:
      format_set_align (format, LXW_ALIGN_LEFT);
      break;
    default:
      format_set_align (format, LXW_ALIGN_CENTER);
      break;
    }
}

static void
set_number_format (lxw_format   *format,
                   const ZpCell *cell)
{
  guint places = zp_cell_get_places (cell);

  switch (cell->kind)
    {
    case ZP_CELL_AMOUNT:
      format_set_num_format (format, "0.00");
      break;
    case ZP_CELL_PERCENT:
      format_set_num_format (format, places == 0 ? "0%" : places == 1 ? "0.0%" : "0.00%");
      break;
    case ZP_CELL_SCORE:
      /* General shows a rounded score as the form prints it: 20, 2.5, 8.62. */
    case ZP_CELL_TEXT:
    default:
      break;
    }
}

static lxw_format *
get_format (XlsxWriter   *writer,
            const ZpCell *cell)
{
  guint key = cell->style | (cell->has_value ? cell->kind : 0) << 4 |
              (cell->has_value ? zp_cell_get_places (cell) : 0) << 8;
  lxw_format *format = g_hash_table_lookup (writer->formats, GUINT_TO_POINTER (key));

  if (format == NULL)
    {
      format = workbook_add_format (writer->book);
      set_style (format, cell->style);
      if (cell->has_value)
        set_number_format (format, cell);
      g_hash_table_insert (writer->formats, GUINT_TO_POINTER (key), format);
    }
  return format;
}

/* Sheet names ---------------------------------------------------------------------------- */

static gboolean
name_is_forbidden (gunichar c)
{
  return c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' ||
         g_unichar_iscntrl (c);
}

/* At most `max` UTF-16 units (Excel's count), without apostrophes at either end. */
static char *
clean_sheet_name (const char *wanted,
                  guint       max)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint units = 0;

  for (const char *p = wanted; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint width = c > 0xFFFF ? 2 : 1;

      if (units + width > max)
        break;
      if (name_is_forbidden (c))
        c = '_';
      g_string_append_unichar (name, c);
      units += width;
    }

  while (name->len > 0 && name->str[name->len - 1] == '\'')
    g_string_truncate (name, name->len - 1);
  while (name->len > 0 && name->str[0] == '\'')
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_assign (name, "表");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static gboolean
name_taken (GHashTable *used,
            const char *name)
{
  g_autofree char *key = g_utf8_casefold (name, -1);

  return g_hash_table_contains (used, key);
}

/* Unique among the workbook's sheets, compared as Excel does: ignoring case. */
static char *
unique_sheet_name (GHashTable *used,
                   const char *wanted)
{
  char *name = clean_sheet_name (wanted, SHEET_NAME_MAX);

  for (guint n = 2; name_taken (used, name); n++)
    {
      g_autofree char *suffix = g_strdup_printf ("(%u)", n);
      g_autofree char *base = clean_sheet_name (wanted, SHEET_NAME_MAX - strlen (suffix));

      g_free (name);
      name = g_strconcat (base, suffix, NULL);
    }
  g_hash_table_add (used, g_utf8_casefold (name, -1));
  return name;
}

/* Row heights ------------------------------------------------------------------------------ */

/* Lines of wrapped text in a cell `width` character units wide: a CJK character takes
 * about two units, others about one. */
static guint
estimate_lines (const char *text,
                double      width,
                double      scale)
{
  double usable = MAX (width - 1.0, 1.0);
  double line = 0;
  guint lines = 1;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double w = (g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.0 : 1.05) * scale;

      if (c == '\n')
        {
          lines++;
          line = 0;
          continue;
        }
      if (line + w > usable && line > 0)
        {
          lines++;
          line = 0;
        }
      line += w;
    }
  return lines;
}

static double
measure_cell (const ZpCell *cell,
              double        width,
              gpointer      user_data)
{
  double scale = style_font_size (cell->style) / BODY_SIZE;

  if (*cell->text == '\0')
    return 0;
  return estimate_lines (cell->text, width, scale) * LINE_HEIGHT * scale + ROW_PADDING;
}

/* Where to cut a text taller than a row can be: before the line that would not fit, as
 * estimate_lines() breaks them, keeping a line to spare for the estimate's error. */
static GArray *
split_to_rows (const ZpCell *cell,
               double        width,
               gpointer      user_data)
{
  double scale = style_font_size (cell->style) / BODY_SIZE;
  guint max_lines = (guint) ((MAX_ROW_HEIGHT - ROW_PADDING) / (LINE_HEIGHT * scale)) - 1;
  double usable = MAX (width - 1.0, 1.0);
  GArray *cuts = NULL;
  double line = 0;
  guint lines = 1;

  if (measure_cell (cell, width, NULL) <= MAX_ROW_HEIGHT)
    return NULL;

  cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = cell->text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double w = (g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.0 : 1.05) * scale;
      gboolean new_line = c == '\n' || (line + w > usable && line > 0);

      if (new_line && ++lines > max_lines)
        {
          /* A line break starts the next piece's text; it is kept, as typed. */
          gsize cut = p - cell->text;

          g_array_append_val (cuts, cut);
          lines = 1;
        }
      if (new_line)
        line = c == '\n' ? 0 : w;
      else
        line += w;
    }
  return cuts;
}

/* Cells ------------------------------------------------------------------------------------ */

static void
write_cell (XlsxWriter    *writer,
            lxw_worksheet *ws,
            guint          row,
            const ZpCell  *cell)
{
  lxw_format *format = get_format (writer, cell);
  lxw_error err;

  if (cell->formula != NULL)
    {
      g_autofree char *formula = g_strconcat ("=", cell->formula, NULL);

      err = worksheet_write_formula_num (ws, row, cell->col, formula, format,
                                         zp_export_decimal_to_double (cell->value));
    }
  else if (cell->has_value)
    err = worksheet_write_number (ws, row, cell->col, zp_export_decimal_to_double (cell->value), format);
  else if (*cell->text != '\0')
    err = worksheet_write_string (ws, row, cell->col, cell->text, format);
  else
    err = worksheet_write_blank (ws, row, cell->col, format);

  if (err == LXW_NO_ERROR && cell->comment != NULL)
    err = worksheet_write_comment (ws, row, cell->col, cell->comment);

  /* A cell written empty would pass for an export that worked. */
  if (err != LXW_NO_ERROR && writer->cell_error == LXW_NO_ERROR)
    {
      writer->cell_error = err;
      writer->error_row = row;
      writer->error_col = cell->col;
    }
}

static void
merge (XlsxWriter       *writer,
       lxw_worksheet    *ws,
       const ActiveMerge *m)
{
  worksheet_merge_range (ws, m->first_row, m->cell->col,
                         m->first_row + m->cell->row_span - 1,
                         m->cell->col + m->cell->col_span - 1,
                         "", get_format (writer, m->cell));
}

/* The cells a merge covers in `row` get its format, so that borders show. */
static void
fill_covered (XlsxWriter        *writer,
              lxw_worksheet     *ws,
              guint              row,
              const ActiveMerge *m)
{
  lxw_format *format = get_format (writer, m->cell);

  for (guint c = m->cell->col; c < m->cell->col + m->cell->col_span; c++)
    if (row != m->first_row || c != m->cell->col)
      worksheet_write_blank (ws, row, c, format);
}

static void
write_row (XlsxWriter    *writer,
           lxw_worksheet *ws,
           ZpSheet       *sheet,
           guint          r,
           double         height,
           GArray        *active)
{
  ZpSheetRow *row = zp_sheet_get_row (sheet, r);

  /* Starts the row: in constant-memory mode this flushes the previous one. */
  worksheet_set_row (ws, r, height, NULL);

  for (guint i = 0; i < row->cells->len; i++)
    {
      const ZpCell *cell = g_ptr_array_index (row->cells, i);
      ActiveMerge m = { cell, r };

      if (cell->row_span == 1 && cell->col_span == 1)
        continue;
      g_array_append_val (active, m);
      if (!writer->constant_memory)
        merge (writer, ws, &m);
    }

  for (guint i = 0; i < active->len; i++)
    {
      ActiveMerge *m = &g_array_index (active, ActiveMerge, i);

      if (writer->constant_memory && m->first_row + m->cell->row_span - 1 == r)
        merge (writer, ws, m);
      fill_covered (writer, ws, r, m);
    }

  for (guint i = 0; i < row->cells->len; i++)
    write_cell (writer, ws, r, g_ptr_array_index (row->cells, i));

  for (guint i = active->len; i > 0; i--)
    {
      ActiveMerge *m = &g_array_index (active, ActiveMerge, i - 1);

      if (m->first_row + m->cell->row_span - 1 == r)
        g_array_remove_index (active, i - 1);
    }
}

static void
set_up_page (lxw_worksheet *ws,
             ZpSheet       *sheet)
{
  lxw_header_footer_options footer_options = { .margin = 0.3 };

  for (guint c = 0; c < sheet->n_cols; c++)
    worksheet_set_column (ws, c, c, sheet->col_widths[c], NULL);
  worksheet_set_paper (ws, LXW_PAPER_A4);
  worksheet_set_portrait (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.5, 0.5, 0.6, 0.7);
  worksheet_center_horizontally (ws);
  worksheet_set_footer_opt (ws, "&C第 &P 页 共 &N 页", &footer_options);
  /* Each setting below that a spreadsheet keeps as a defined name costs libxlsxwriter
   * (1.1.4 to 1.1.8) a walk of all the names so far, when it sorts them on closing: two
   * names a sheet took 14 % of an export of 8,000 forms. So only the heading rows
   * repeated on each page are one: the print area would be the used range, which is what
   * a spreadsheet prints anyway, since nothing is written outside the form's grid. */
  if (sheet->repeat_row >= 0)
    worksheet_repeat_rows (ws, sheet->repeat_row, sheet->repeat_row);
}

static gboolean
write_sheet (XlsxWriter  *writer,
             ZpSheet     *sheet,
             const char  *name,
             GError     **error)
{
  lxw_worksheet *ws = workbook_add_worksheet (writer->book, name);
  g_autofree double *heights = NULL;
  g_autoptr(GArray) active = NULL;

  if (ws == NULL)
    {
      g_set_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_FAILED,
                   _("Cannot add the sheet “%s”"), name);
      return FALSE;
    }

  set_up_page (ws, sheet);
  heights = zp_sheet_compute_heights (sheet, sheet->col_widths, MIN_ROW_HEIGHT, measure_cell, NULL);
  active = g_array_new (FALSE, FALSE, sizeof (ActiveMerge));
  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    write_row (writer, ws, sheet, r, MIN (ceil (heights[r]), MAX_ROW_HEIGHT), active);

  if (writer->cell_error != LXW_NO_ERROR)
    {
      g_autofree char *ref = zp_sheet_ref (writer->error_row, writer->error_col);

      g_set_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_FAILED,
                   _("Cannot write cell %1$s of the sheet “%2$s”: %3$s"),
                   ref, name, lxw_strerror (writer->cell_error));
      return FALSE;
    }
  return TRUE;
}

/* The workbook ------------------------------------------------------------------------------ */

static ZpSheet *
split_long_texts (ZpSheet *sheet)
{
  zp_sheet_split_long_texts (sheet, sheet->col_widths, split_to_rows, NULL);
  return sheet;
}

/* Streaming pays for a few very long sheets, not for many ordinary ones (see above). */
static gboolean
wants_streaming (ZpWorkbook         *workbook,
                 const ZpExportPlan *plan)
{
  guint n_long = 0;

  for (guint i = 0; i < plan->forms->len; i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, g_array_index (plan->forms, guint, i));

      if (zp_form_get_n_indicators (form) > STREAM_INDICATORS)
        n_long++;
    }
  return n_long > 0 && n_long * 20 >= plan->forms->len;
}

typedef struct
{
  char *sheet_name;
  int   rate_row, rate_col, exec_score_row, exec_score_col, total_row, total_col;
} LinkRecord;

static void
link_record_clear (LinkRecord *record)
{
  g_free (record->sheet_name);
}

static gboolean
write_forms (XlsxWriter          *writer,
             ZpWorkbook          *workbook,
             const ZpExportPlan  *plan,
             GArray              *links,
             GError             **error)
{
  for (guint i = 0; i < plan->forms->len; i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, g_array_index (plan->forms, guint, i));
      g_autoptr(ZpSheet) sheet = split_long_texts (zp_layout_form (workbook, form, plan->layout));
      LinkRecord record = {
        unique_sheet_name (writer->names, sheet->name),
        sheet->rate_row, sheet->rate_col, sheet->exec_score_row, sheet->exec_score_col,
        sheet->total_row, sheet->total_col,
      };

      g_array_append_val (links, record);
      if (!write_sheet (writer, sheet, record.sheet_name, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_summary (XlsxWriter          *writer,
               ZpWorkbook          *workbook,
               const ZpExportPlan  *plan,
               GArray              *links,
               const char          *name,
               GError             **error)
{
  g_autofree ZpSummaryLink *summary_links = g_new0 (ZpSummaryLink, links->len);
  g_autoptr(ZpSheet) sheet = NULL;

  for (guint i = 0; i < links->len; i++)
    {
      LinkRecord *r = &g_array_index (links, LinkRecord, i);

      summary_links[i] = (ZpSummaryLink) {
        r->sheet_name, r->rate_row, r->rate_col, r->exec_score_row, r->exec_score_col,
        r->total_row, r->total_col,
      };
    }
  sheet = split_long_texts (zp_layout_summary (workbook, (const guint *) plan->forms->data,
                                               plan->forms->len, summary_links));
  return write_sheet (writer, sheet, name, error);
}

static gboolean
close_book (XlsxWriter      *writer,
            ZpExportTarget  *target,
            GError         **error)
{
  lxw_error err = workbook_close (writer->book);

  writer->book = NULL;
  if (err != LXW_NO_ERROR)
    {
      zp_export_set_write_error (error, target->path, lxw_strerror (err));
      return FALSE;
    }
  return TRUE;
}

static void
set_properties (lxw_workbook *book,
                ZpWorkbook   *workbook)
{
  g_autofree char *title = g_strdup_printf ("%u 年度%s绩效自评表", zp_workbook_get_year (workbook),
                                            zp_workbook_get_unit (workbook));
  lxw_doc_properties properties = {
    .title = title,
    .company = (char *) zp_workbook_get_unit (workbook),
    .comments = (char *) "Ziping",
  };

  /* libxlsxwriter copies the strings. */
  workbook_set_properties (book, &properties);
}

gboolean
zp_export_write_xlsx (ZpWorkbook          *workbook,
                      const ZpExportPlan  *plan,
                      ZpExportTarget      *target,
                      GError             **error)
{
  XlsxWriter writer = { 0 };
  lxw_workbook_options options = { 0 };
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (LinkRecord));
  g_autofree char *summary_name = NULL;
  gboolean ok;

  g_array_set_clear_func (links, (GDestroyNotify) link_record_clear);

  /* libxlsxwriter opens the file by name. */
  if (!zp_export_target_close_fd (target, error))
    return FALSE;

  writer.constant_memory = wants_streaming (workbook, plan);
  options.constant_memory = writer.constant_memory;
  writer.book = workbook_new_opt (target->tmp_path, &options);
  if (writer.book == NULL)
    {
      zp_export_set_write_error (error, target->path, g_strerror (ENOMEM));
      return FALSE;
    }
  set_properties (writer.book, workbook);
  writer.formats = g_hash_table_new (NULL, NULL);
  writer.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The summary keeps its name: a form called 汇总表 gets the suffix. */
  if (plan->summary)
    summary_name = unique_sheet_name (writer.names, "汇总表");

  ok = write_forms (&writer, workbook, plan, links, error) &&
       (!plan->summary || write_summary (&writer, workbook, plan, links, summary_name, error));

  /* Close in any case: it frees the workbook (the temporary file is removed later). */
  if (writer.book != NULL)
    {
      g_autoptr(GError) close_error = NULL;

      if (!close_book (&writer, target, ok ? error : &close_error))
        ok = FALSE;
    }
  g_hash_table_unref (writer.formats);
  g_hash_table_unref (writer.names);
  return ok;
}

gboolean
zp_export_write_sheet_xlsx (ZpSheet         *sheet,
                            ZpExportTarget  *target,
                            GError         **error)
{
  XlsxWriter writer = { 0 };
  g_autofree char *name = NULL;
  gboolean ok;

  if (!zp_export_target_close_fd (target, error))
    return FALSE;
  writer.book = workbook_new (target->tmp_path);
  if (writer.book == NULL)
    {
      zp_export_set_write_error (error, target->path, g_strerror (ENOMEM));
      return FALSE;
    }
  writer.formats = g_hash_table_new (NULL, NULL);
  writer.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  name = unique_sheet_name (writer.names, sheet->name);
  ok = write_sheet (&writer, sheet, name, error);
  if (!close_book (&writer, target, ok ? error : NULL))
    ok = FALSE;
  g_hash_table_unref (writer.formats);
  g_hash_table_unref (writer.names);
  return ok;
}
