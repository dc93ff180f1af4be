/* zp-docx.c — .docx through libgsf: a package of document, styles, font table and footer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gsf/gsf.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "zp-docx.h"
#include "zp-export-private.h"

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_W   "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* Fonts of a 公文 and what stands in for each where it is not installed. */
#define FONT_TITLE    "方正小标宋简体"
#define FONT_HEADING  "黑体"
#define FONT_BODY     "仿宋_GB2312"
#define FONT_TABLE    "仿宋"
#define FONT_SERIF_FALLBACK "Noto Serif CJK SC"
#define FONT_SANS_FALLBACK  "Noto Sans CJK SC"

/* A4 in twentieths of a point. */
#define A4_W 11906
#define A4_H 16838

typedef struct
{
  int top, right, bottom, left;
} Margins;

/* 公文 margins for the report (37, 26, 35, 28 mm); 2 cm around the forms. */
static const Margins report_margins = { 2098, 1474, 1984, 1587 };
static const Margins form_margins = { 1134, 1134, 1134, 1134 };

typedef struct
{
  ZpExportTarget *target;
  GsfOutput      *sink;
  GsfOutfile     *zip;
  GsfOutfile     *root;
  GsfOutfile     *word;
  GsfOutfile     *document;
  GsfXMLOut      *xml;
  char           *footer_id;
  gboolean        landscape;   /* wide tables: A4 turned */
} Docx;

/* Tables wider than this many columns print on a landscape page (the roll-up 汇总表). */
#define PORTRAIT_MAX_COLS 12

/* ---- package parts ---- */

static void
start_root (GsfXMLOut  *xml,
            const char *element)
{
  gsf_xml_out_start_element (xml, element);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:w", NS_W);
  gsf_xml_out_add_cstr_unchecked (xml, "xmlns:r", NS_R);
}

static void
add_val (GsfXMLOut  *xml,
         const char *element,
         const char *value)
{
  gsf_xml_out_start_element (xml, element);
  gsf_xml_out_add_cstr (xml, "w:val", value);
  gsf_xml_out_end_element (xml);
}

static void
add_fonts (GsfXMLOut  *xml,
           const char *font)
{
  gsf_xml_out_start_element (xml, "w:rFonts");
  gsf_xml_out_add_cstr (xml, "w:ascii", font);
  gsf_xml_out_add_cstr (xml, "w:hAnsi", font);
  gsf_xml_out_add_cstr (xml, "w:eastAsia", font);
  gsf_xml_out_add_cstr (xml, "w:cs", font);
  gsf_xml_out_end_element (xml);
}

static void
add_size (GsfXMLOut *xml,
          int        half_points)
{
  g_autofree char *size = g_strdup_printf ("%d", half_points);

  add_val (xml, "w:sz", size);
  add_val (xml, "w:szCs", size);
}

static void
write_styles (GsfXMLOut *xml)
{
  start_root (xml, "w:styles");
  gsf_xml_out_start_element (xml, "w:docDefaults");
  gsf_xml_out_start_element (xml, "w:rPrDefault");
  gsf_xml_out_start_element (xml, "w:rPr");
  add_fonts (xml, FONT_BODY);
  add_size (xml, 32);
  add_val (xml, "w:lang", "zh-CN");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "w:style");
  gsf_xml_out_add_cstr_unchecked (xml, "w:type", "paragraph");
  gsf_xml_out_add_cstr_unchecked (xml, "w:default", "1");
  gsf_xml_out_add_cstr_unchecked (xml, "w:styleId", "Normal");
  add_val (xml, "w:name", "Normal");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
write_font (GsfXMLOut  *xml,
            const char *name,
            const char *fallback)
{
  gsf_xml_out_start_element (xml, "w:font");
  gsf_xml_out_add_cstr (xml, "w:name", name);
  add_val (xml, "w:altName", fallback);
  add_val (xml, "w:charset", "86");
  add_val (xml, "w:family", g_str_equal (fallback, FONT_SANS_FALLBACK) ? "modern" : "roman");
  gsf_xml_out_end_element (xml);
}

static void
write_font_table (GsfXMLOut *xml)
{
  start_root (xml, "w:fonts");
  write_font (xml, FONT_TITLE, FONT_SERIF_FALLBACK);
  write_font (xml, FONT_HEADING, FONT_SANS_FALLBACK);
  write_font (xml, FONT_BODY, FONT_SERIF_FALLBACK);
  write_font (xml, FONT_TABLE, FONT_SERIF_FALLBACK);
  gsf_xml_out_end_element (xml);
}

static void
add_field (GsfXMLOut  *xml,
           const char *type)
{
  gsf_xml_out_start_element (xml, "w:r");
  gsf_xml_out_start_element (xml, "w:fldChar");
  gsf_xml_out_add_cstr_unchecked (xml, "w:fldCharType", type);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static void
add_run (GsfXMLOut  *xml,
         const char *text,
         const char *font,
         int         half_points,
         gboolean    bold)
{
  gsf_xml_out_start_element (xml, "w:r");
  gsf_xml_out_start_element (xml, "w:rPr");
  if (font != NULL)
    add_fonts (xml, font);
  if (bold)
    gsf_xml_out_simple_element (xml, "w:b", NULL);
  if (half_points > 0)
    add_size (xml, half_points);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "w:t");
  gsf_xml_out_add_cstr_unchecked (xml, "xml:space", "preserve");
  gsf_xml_out_add_cstr (xml, NULL, text);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

/* "- PAGE -", centred. */
static void
write_footer (GsfXMLOut *xml)
{
  start_root (xml, "w:ftr");
  gsf_xml_out_start_element (xml, "w:p");
  gsf_xml_out_start_element (xml, "w:pPr");
  add_val (xml, "w:jc", "center");
  gsf_xml_out_end_element (xml);
  add_run (xml, "- ", FONT_TABLE, 28, FALSE);
  add_field (xml, "begin");
  gsf_xml_out_start_element (xml, "w:r");
  gsf_xml_out_start_element (xml, "w:instrText");
  gsf_xml_out_add_cstr_unchecked (xml, "xml:space", "preserve");
  gsf_xml_out_add_cstr (xml, NULL, " PAGE ");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  add_field (xml, "separate");
  add_run (xml, "1", FONT_TABLE, 28, FALSE);
  add_field (xml, "end");
  add_run (xml, " -", FONT_TABLE, 28, FALSE);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

typedef void (*PartWriter) (GsfXMLOut *xml);

static char *
add_part (Docx       *docx,
          const char *name,
          const char *content_type,
          const char *relation,
          PartWriter  write)
{
  GsfOutput *part = gsf_outfile_new_child_full (docx->word, name, FALSE,
                                                "content-type", content_type, NULL);
  char *id = g_strdup (gsf_outfile_open_pkg_relate (GSF_OUTFILE_OPEN_PKG (part),
                                                    GSF_OUTFILE_OPEN_PKG (docx->document),
                                                    relation));
  GsfXMLOut *xml = gsf_xml_out_new (part);

  write (xml);
  g_object_unref (xml);
  gsf_output_close (part);
  g_object_unref (part);
  return id;
}

static gboolean
docx_open (Docx            *docx,
           ZpExportTarget  *target,
           GError         **error)
{
  FILE *stream;
  int fd;

  memset (docx, 0, sizeof *docx);
  docx->target = target;
  /* The stream gets its own descriptor: the target keeps (and syncs, and closes) its one. */
  fd = dup (target->fd);
  stream = fd >= 0 ? fdopen (fd, "wb") : NULL;
  if (stream == NULL)
    {
      zp_export_set_errno_error (error, errno, target->path);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  docx->sink = gsf_output_stdio_new_FILE (target->tmp_path, stream, FALSE);
  docx->zip = gsf_outfile_zip_new (docx->sink, error);
  if (docx->zip == NULL)
    return FALSE;
  docx->root = gsf_outfile_open_pkg_new (docx->zip);
  docx->word = GSF_OUTFILE (gsf_outfile_new_child (docx->root, "word", TRUE));
  docx->document = GSF_OUTFILE (gsf_outfile_new_child_full (docx->word, "document.xml", FALSE,
                                                           "content-type", CT_W "document.main+xml",
                                                           NULL));
  gsf_outfile_open_pkg_relate (GSF_OUTFILE_OPEN_PKG (docx->document),
                               GSF_OUTFILE_OPEN_PKG (docx->root), REL "officeDocument");
  g_free (add_part (docx, "styles.xml", CT_W "styles+xml", REL "styles", write_styles));
  g_free (add_part (docx, "fontTable.xml", CT_W "fontTable+xml", REL "fontTable", write_font_table));
  docx->footer_id = add_part (docx, "footer1.xml", CT_W "footer+xml", REL "footer", write_footer);

  docx->xml = gsf_xml_out_new (GSF_OUTPUT (docx->document));
  start_root (docx->xml, "w:document");
  gsf_xml_out_start_element (docx->xml, "w:body");
  return TRUE;
}

static void
write_section (Docx          *docx,
               const Margins *margins)
{
  GsfXMLOut *xml = docx->xml;

  gsf_xml_out_start_element (xml, "w:sectPr");
  gsf_xml_out_start_element (xml, "w:footerReference");
  gsf_xml_out_add_cstr_unchecked (xml, "w:type", "default");
  gsf_xml_out_add_cstr (xml, "r:id", docx->footer_id);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "w:pgSz");
  gsf_xml_out_add_int (xml, "w:w", docx->landscape ? A4_H : A4_W);
  gsf_xml_out_add_int (xml, "w:h", docx->landscape ? A4_W : A4_H);
  if (docx->landscape)
    gsf_xml_out_add_cstr_unchecked (xml, "w:orient", "landscape");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "w:pgMar");
  gsf_xml_out_add_int (xml, "w:top", margins->top);
  gsf_xml_out_add_int (xml, "w:right", margins->right);
  gsf_xml_out_add_int (xml, "w:bottom", margins->bottom);
  gsf_xml_out_add_int (xml, "w:left", margins->left);
  gsf_xml_out_add_int (xml, "w:header", 851);
  gsf_xml_out_add_int (xml, "w:footer", 992);
  gsf_xml_out_add_int (xml, "w:gutter", 0);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
}

static gboolean
close_output (GsfOutput *output)
{
  return gsf_output_is_closed (output) ? gsf_output_error (output) == NULL : gsf_output_close (output);
}

/* Closes every part in order; the package is complete only if all closes succeed. */
static gboolean
docx_close (Docx          *docx,
            const Margins *margins,
            GError       **error)
{
  gboolean ok = TRUE;

  write_section (docx, margins);
  gsf_xml_out_end_element (docx->xml);  /* w:body */
  gsf_xml_out_end_element (docx->xml);  /* w:document */
  g_clear_object (&docx->xml);
  /* Closing the package closes the zip under it; the zip closes the file. */
  ok &= close_output (GSF_OUTPUT (docx->document));
  ok &= close_output (GSF_OUTPUT (docx->word));
  ok &= close_output (GSF_OUTPUT (docx->root));
  ok &= close_output (GSF_OUTPUT (docx->zip));
  if (!close_output (docx->sink) || !ok)
    {
      const GError *reason = gsf_output_error (docx->sink);

      zp_export_set_write_error (error, docx->target->path,
                                 reason != NULL ? reason->message : "zip");
      return FALSE;
    }
  return TRUE;
}

static void
docx_clear (Docx *docx)
{
  g_clear_object (&docx->xml);
  g_clear_object (&docx->document);
  g_clear_object (&docx->word);
  g_clear_object (&docx->root);
  g_clear_object (&docx->zip);
  if (docx->sink != NULL && !gsf_output_is_closed (docx->sink))
    gsf_output_close (docx->sink);
  g_clear_object (&docx->sink);
  g_clear_pointer (&docx->footer_id, g_free);
}

/* ---- paragraphs ---- */

typedef struct
{
  const char *font;
  int         half_points;
  gboolean    bold;
  const char *align;        /* "center", "right", "both" or NULL (left) */
  int         first_line;   /* indent in twips */
  int         line_exact;   /* exact line pitch in twips, 0: single */
  int         after;        /* space after in twips */
  gboolean    page_break;   /* starts a new page */
} ParagraphStyle;

static void
write_paragraph (GsfXMLOut            *xml,
                 const char           *text,
                 const ParagraphStyle *style)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  gsf_xml_out_start_element (xml, "w:p");
  gsf_xml_out_start_element (xml, "w:pPr");
  if (style->page_break)
    gsf_xml_out_simple_element (xml, "w:pageBreakBefore", NULL);
  gsf_xml_out_start_element (xml, "w:spacing");
  gsf_xml_out_add_int (xml, "w:before", 0);
  gsf_xml_out_add_int (xml, "w:after", style->after);
  if (style->line_exact > 0)
    {
      gsf_xml_out_add_int (xml, "w:line", style->line_exact);
      gsf_xml_out_add_cstr_unchecked (xml, "w:lineRule", "exact");
    }
  gsf_xml_out_end_element (xml);
  if (style->first_line > 0)
    {
      gsf_xml_out_start_element (xml, "w:ind");
      gsf_xml_out_add_int (xml, "w:firstLine", style->first_line);
      gsf_xml_out_end_element (xml);
    }
  if (style->align != NULL)
    add_val (xml, "w:jc", style->align);
  gsf_xml_out_end_element (xml);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        gsf_xml_out_simple_element (xml, "w:br", NULL);
      add_run (xml, lines[i], style->font, style->half_points, style->bold);
    }
  gsf_xml_out_end_element (xml);
}

static const ParagraphStyle report_title = { FONT_TITLE, 44, FALSE, "center", 0, 0, 400, FALSE };
static const ParagraphStyle report_heading = { FONT_HEADING, 32, FALSE, NULL, 640, 560, 0, FALSE };
static const ParagraphStyle report_body = { FONT_BODY, 32, FALSE, "both", 640, 560, 0, FALSE };

static gboolean
write_report (ZpWrittenReport  *report,
              ZpExportTarget   *target,
              GError          **error)
{
  Docx docx;
  gboolean ok = FALSE;

  if (docx_open (&docx, target, error))
    {
      for (guint i = 0; i < zp_written_report_get_n_paragraphs (report); i++)
        {
          const ZpReportParagraph *paragraph = zp_written_report_get_paragraph (report, i);
          const ParagraphStyle *style = paragraph->kind == ZP_REPORT_PARAGRAPH_TITLE ? &report_title
                                        : paragraph->kind == ZP_REPORT_PARAGRAPH_HEADING ? &report_heading
                                        : &report_body;

          write_paragraph (docx.xml, paragraph->text, style);
        }
      ok = docx_close (&docx, &report_margins, error);
    }
  docx_clear (&docx);
  return ok;
}

typedef gboolean (*TargetWriter) (gpointer data, ZpExportTarget *target, GError **error);

static gboolean
write_file (TargetWriter   write,
            gpointer       data,
            GFile         *file,
            GError       **error)
{
  ZpExportTarget target = { .fd = -1 };
  gboolean ok;

  ok = zp_export_target_open (&target, file, error)
       && write (data, &target, error)
       && zp_export_target_commit (&target, error);
  zp_export_target_clear (&target);
  return ok;
}

gboolean
zp_docx_write_report (ZpWrittenReport  *report,
                      GFile            *file,
                      GError          **error)
{
  return write_file ((TargetWriter) write_report, report, file, error);
}

/* ---- forms ---- */

/* Column widths in twips, scaled from the sheet's character widths to the text width. */
static void
column_twips (ZpSheet  *sheet,
              gboolean  landscape,
              int      *twips)
{
  double total = 0;
  int text_width = (landscape ? A4_H : A4_W) - form_margins.left - form_margins.right;

  for (guint c = 0; c < sheet->n_cols; c++)
    total += sheet->col_widths[c];
  for (guint c = 0; c < sheet->n_cols; c++)
    twips[c] = (int) (text_width * sheet->col_widths[c] / MAX (total, 1));
}

static int
span_twips (const int *twips,
            guint      col,
            guint      span)
{
  int width = 0;

  for (guint c = col; c < col + span; c++)
    width += twips[c];
  return width;
}

static void
write_borders (GsfXMLOut *xml)
{
  static const char * const sides[] = { "w:top", "w:left", "w:bottom", "w:right",
                                        "w:insideH", "w:insideV", NULL };

  gsf_xml_out_start_element (xml, "w:tblBorders");
  for (guint i = 0; sides[i] != NULL; i++)
    {
      gsf_xml_out_start_element (xml, sides[i]);
      gsf_xml_out_add_cstr_unchecked (xml, "w:val", "single");
      gsf_xml_out_add_int (xml, "w:sz", 4);
      gsf_xml_out_add_int (xml, "w:space", 0);
      gsf_xml_out_add_cstr_unchecked (xml, "w:color", "000000");
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

static void
start_table (GsfXMLOut *xml,
             ZpSheet   *sheet,
             const int *twips)
{
  gsf_xml_out_start_element (xml, "w:tbl");
  gsf_xml_out_start_element (xml, "w:tblPr");
  gsf_xml_out_start_element (xml, "w:tblW");
  gsf_xml_out_add_int (xml, "w:w", span_twips (twips, 0, sheet->n_cols));
  gsf_xml_out_add_cstr_unchecked (xml, "w:type", "dxa");
  gsf_xml_out_end_element (xml);
  add_val (xml, "w:jc", "center");
  write_borders (xml);
  gsf_xml_out_start_element (xml, "w:tblLayout");
  gsf_xml_out_add_cstr_unchecked (xml, "w:type", "fixed");
  gsf_xml_out_end_element (xml);
  gsf_xml_out_end_element (xml);
  gsf_xml_out_start_element (xml, "w:tblGrid");
  for (guint c = 0; c < sheet->n_cols; c++)
    {
      gsf_xml_out_start_element (xml, "w:gridCol");
      gsf_xml_out_add_int (xml, "w:w", twips[c]);
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
}

static ParagraphStyle
cell_style (ZpCellStyle style)
{
  ParagraphStyle p = { FONT_TABLE, 21, FALSE, "center", 0, 0, 0, FALSE };

  switch (style)
    {
    case ZP_CELL_STYLE_TITLE:
      p.font = FONT_TITLE;
      p.half_points = 36;
      p.after = 120;
      break;
    case ZP_CELL_STYLE_SUBTITLE:
      p.half_points = 28;
      p.bold = TRUE;
      p.after = 120;
      break;
    case ZP_CELL_STYLE_NOTE:
      p.align = "right";
      break;
    case ZP_CELL_STYLE_HEADER:
      p.bold = TRUE;
      break;
    case ZP_CELL_STYLE_TEXT:
    case ZP_CELL_STYLE_SIGNATURE:
      p.align = NULL;
      break;
    case ZP_CELL_STYLE_LABEL:
    case ZP_CELL_STYLE_NUMBER:
    case ZP_N_CELL_STYLES:
    default:
      break;
    }
  return p;
}

/* A table cell; `text` NULL continues a vertical merge from above. */
static void
write_cell (GsfXMLOut   *xml,
            const int   *twips,
            guint        col,
            guint        col_span,
            gboolean     merge_start,
            const ZpCell *cell)
{
  ParagraphStyle style = cell_style (cell != NULL ? cell->style : ZP_CELL_STYLE_TEXT);

  gsf_xml_out_start_element (xml, "w:tc");
  gsf_xml_out_start_element (xml, "w:tcPr");
  gsf_xml_out_start_element (xml, "w:tcW");
  gsf_xml_out_add_int (xml, "w:w", span_twips (twips, col, col_span));
  gsf_xml_out_add_cstr_unchecked (xml, "w:type", "dxa");
  gsf_xml_out_end_element (xml);
  if (col_span > 1)
    {
      gsf_xml_out_start_element (xml, "w:gridSpan");
      gsf_xml_out_add_int (xml, "w:val", col_span);
      gsf_xml_out_end_element (xml);
    }
  if (merge_start)
    add_val (xml, "w:vMerge", "restart");
  else if (cell == NULL)
    gsf_xml_out_simple_element (xml, "w:vMerge", NULL);
  add_val (xml, "w:vAlign", "center");
  gsf_xml_out_end_element (xml);
  write_paragraph (xml, cell != NULL ? cell->text : "", &style);
  gsf_xml_out_end_element (xml);
}

typedef struct
{
  guint  last_row;   /* the last row a merge from above covers */
  guint  col_span;
  gboolean active;
} Cover;

static void
write_table_row (GsfXMLOut   *xml,
                 ZpSheet     *sheet,
                 guint        row,
                 const int   *twips,
                 Cover       *cover)
{
  ZpSheetRow *sheet_row = zp_sheet_get_row (sheet, row);

  gsf_xml_out_start_element (xml, "w:tr");
  gsf_xml_out_start_element (xml, "w:trPr");
  gsf_xml_out_simple_element (xml, "w:cantSplit", NULL);
  if (sheet_row->min_height > 0)
    {
      gsf_xml_out_start_element (xml, "w:trHeight");
      gsf_xml_out_add_int (xml, "w:val", (int) (sheet_row->min_height * 20));
      gsf_xml_out_end_element (xml);
    }
  gsf_xml_out_end_element (xml);
  for (guint col = 0; col < sheet->n_cols;)
    {
      ZpCell *cell = zp_sheet_get_cell (sheet, row, col);

      if (cell != NULL)
        {
          guint span = MAX (cell->col_span, 1);

          write_cell (xml, twips, col, span, cell->row_span > 1, cell);
          if (cell->row_span > 1)
            cover[col] = (Cover) { row + cell->row_span - 1, span, TRUE };
          col += span;
        }
      else if (cover[col].active && row <= cover[col].last_row)
        {
          write_cell (xml, twips, col, cover[col].col_span, FALSE, NULL);
          col += cover[col].col_span;
        }
      else
        {
          ZpCell empty = { .style = ZP_CELL_STYLE_TEXT, .text = (char *) "" };

          write_cell (xml, twips, col, 1, FALSE, &empty);
          col++;
        }
    }
  gsf_xml_out_end_element (xml);
}

/* Rows above and below the table (title, note, signatures) are paragraphs. */
static void
write_free_row (GsfXMLOut *xml,
                ZpSheet   *sheet,
                guint      row,
                gboolean   page_break)
{
  ZpSheetRow *sheet_row = zp_sheet_get_row (sheet, row);
  g_autoptr(GString) text = g_string_new (NULL);
  ZpCellStyle first_style = ZP_CELL_STYLE_TEXT;
  ParagraphStyle style;

  for (guint i = 0; i < sheet_row->cells->len; i++)
    {
      ZpCell *cell = g_ptr_array_index (sheet_row->cells, i);

      if (i == 0)
        first_style = cell->style;
      if (text->len > 0 && *cell->text)
        g_string_append (text, "\u3000\u3000");
      g_string_append (text, cell->text);
    }
  style = cell_style (first_style);
  style.page_break = page_break;
  if (sheet_row->kind == ZP_ROW_SIGNATURE)
    {
      style.half_points = 24;
      style.after = 120;
    }
  write_paragraph (xml, text->str, &style);
}

static void
write_sheet (GsfXMLOut *xml,
             ZpSheet   *sheet,
             gboolean   landscape,
             gboolean   page_break)
{
  int twips[ZP_SHEET_MAX_COLS] = { 0 };
  Cover cover[ZP_SHEET_MAX_COLS] = { { 0 } };
  gboolean in_table = FALSE;

  column_twips (sheet, landscape, twips);
  for (guint row = 0; row < zp_sheet_get_n_rows (sheet); row++)
    {
      ZpRowKind kind = zp_sheet_get_row (sheet, row)->kind;

      if (kind == ZP_ROW_TITLE || kind == ZP_ROW_SIGNATURE)
        {
          if (in_table)
            gsf_xml_out_end_element (xml);
          in_table = FALSE;
          write_free_row (xml, sheet, row, page_break && row == 0);
          continue;
        }
      if (!in_table)
        start_table (xml, sheet, twips);
      in_table = TRUE;
      write_table_row (xml, sheet, row, twips, cover);
    }
  if (in_table)
    gsf_xml_out_end_element (xml);
}

gboolean
zp_docx_write_sheets_to_target (GPtrArray       *sheets,
                                ZpExportTarget  *target,
                                GError         **error)
{
  Docx docx;
  gboolean ok = FALSE;

  if (docx_open (&docx, target, error))
    {
      for (guint i = 0; i < sheets->len; i++)
        docx.landscape |= ((ZpSheet *) g_ptr_array_index (sheets, i))->n_cols > PORTRAIT_MAX_COLS;
      for (guint i = 0; i < sheets->len; i++)
        write_sheet (docx.xml, g_ptr_array_index (sheets, i), docx.landscape, i > 0);
      ok = docx_close (&docx, &form_margins, error);
    }
  docx_clear (&docx);
  return ok;
}

gboolean
zp_docx_write_sheets (GPtrArray  *sheets,
                      GFile      *file,
                      GError    **error)
{
  return write_file ((TargetWriter) zp_docx_write_sheets_to_target, sheets, file, error);
}

/* zp_export_workbook (…, ZP_EXPORT_FORMAT_DOCX, …): the planned forms, then the 汇总表. */
gboolean
zp_export_write_docx (ZpWorkbook          *workbook,
                      const ZpExportPlan  *plan,
                      ZpExportTarget      *target,
                      GError             **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) zp_sheet_free);

  for (guint i = 0; i < plan->forms->len; i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, g_array_index (plan->forms, guint, i));

      g_ptr_array_add (sheets, zp_layout_form (workbook, form, plan->layout));
    }
  if (plan->summary)
    g_ptr_array_add (sheets, zp_layout_summary (workbook, (const guint *) plan->forms->data,
                                                plan->forms->len, NULL));
  return zp_docx_write_sheets_to_target (sheets, target, error);
}
