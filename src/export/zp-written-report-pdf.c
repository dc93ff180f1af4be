/* zp-written-report-pdf.c — the written report on A4 pages as a 公文 sets it: the title
 * in 小标宋 (or 宋体), headings in 黑体, the body in 仿宋, each falling back to Noto CJK
 * where the 公文 fonts are not installed; page numbers "- N -" at the foot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "zp-export-private.h"
#include "zp-written-report.h"

/* 公文 margins (GB/T 9704): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
#define MM           (72.0 / 25.4)
#define MARGIN_TOP    (37 * MM)
#define MARGIN_BOTTOM (35 * MM)
#define MARGIN_LEFT   (28 * MM)
#define MARGIN_RIGHT  (26 * MM)

static const char *
font_for (ZpReportParagraphKind kind)
{
  switch (kind)
    {
    case ZP_REPORT_PARAGRAPH_TITLE:
      return "方正小标宋简体,FZXiaoBiaoSong-B05S,SimSun,宋体,Noto Serif CJK SC Bold 22";
    case ZP_REPORT_PARAGRAPH_HEADING:
      return "SimHei,黑体,Noto Sans CJK SC 16";
    case ZP_REPORT_PARAGRAPH_BODY:
    default:
      return "FangSong_GB2312,FangSong,仿宋,Noto Serif CJK SC 16";
    }
}

/* Pango's sizes in points on a surface measured in points. */
static PangoLayout *
create_layout (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  return layout;
}

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    page;
} Pen;

static void
draw_page_number (Pen *pen)
{
  g_autoptr(PangoLayout) layout = create_layout (pen->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Noto Serif CJK SC 12");
  g_autofree char *text = g_strdup_printf ("- %u -", pen->page);
  int width, height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (pen->cr, (ZP_A4_WIDTH - width) / 2, ZP_A4_HEIGHT - MARGIN_BOTTOM / 2 - height / 2.0);
  pango_cairo_show_layout (pen->cr, layout);
}

static void
next_page (Pen *pen)
{
  draw_page_number (pen);
  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN_TOP;
}

static PangoLayout *
paragraph_layout (cairo_t                 *cr,
                  const ZpReportParagraph *paragraph)
{
  PangoLayout *layout = create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_for (paragraph->kind));
  g_autofree char *text = paragraph->kind == ZP_REPORT_PARAGRAPH_BODY
                          ? g_strconcat ("\u3000\u3000", paragraph->text, NULL)
                          : g_strdup (paragraph->text);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (ZP_A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (paragraph->kind == ZP_REPORT_PARAGRAPH_TITLE)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A 公文 sets lines at a fixed pitch (28 points for 三号 text). */
static double
line_pitch (ZpReportParagraphKind kind)
{
  return kind == ZP_REPORT_PARAGRAPH_TITLE ? 40 : 28;
}

/* Line by line, so that a paragraph continues on the next page. */
static void
draw_paragraph (Pen                     *pen,
                const ZpReportParagraph *paragraph)
{
  g_autoptr(PangoLayout) layout = paragraph_layout (pen->cr, paragraph);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double pitch = line_pitch (paragraph->kind);

  do
    {
      PangoRectangle logical;
      double above_baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      above_baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
      if (pen->y + pitch > ZP_A4_HEIGHT - MARGIN_BOTTOM && pen->y > MARGIN_TOP)
        next_page (pen);
      cairo_move_to (pen->cr, MARGIN_LEFT + pango_units_to_double (logical.x),
                     pen->y + (pitch - pango_units_to_double (logical.height)) / 2 + above_baseline);
      pango_cairo_show_layout_line (pen->cr, pango_layout_iter_get_line_readonly (iter));
      pen->y += pitch;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  if (paragraph->kind == ZP_REPORT_PARAGRAPH_TITLE)
    pen->y += 20;
}

gboolean
zp_written_report_write_pdf (ZpWrittenReport  *self,
                             GFile            *file,
                             GError          **error)
{
  ZpExportTarget target = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { NULL, MARGIN_TOP, 1 };
  gboolean ok;

  if (!zp_export_target_open (&target, file, error) || !zp_export_target_close_fd (&target, error))
    {
      zp_export_target_clear (&target);
      return FALSE;
    }
  surface = cairo_pdf_surface_create (target.tmp_path, ZP_A4_WIDTH, ZP_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ziping");
  if (zp_written_report_get_n_paragraphs (self) > 0)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    zp_written_report_get_paragraph (self, 0)->text);
  pen.cr = cairo_create (surface);
  cairo_set_source_rgb (pen.cr, 0, 0, 0);
  for (guint i = 0; i < zp_written_report_get_n_paragraphs (self); i++)
    draw_paragraph (&pen, zp_written_report_get_paragraph (self, i));
  draw_page_number (&pen);
  cairo_show_page (pen.cr);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  ok = status == CAIRO_STATUS_SUCCESS;
  if (!ok)
    zp_export_set_write_error (error, target.path, cairo_status_to_string (status));
  ok = ok && zp_export_target_commit (&target, error);
  zp_export_target_clear (&target);
  return ok;
}
