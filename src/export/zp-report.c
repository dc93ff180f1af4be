/* zp-report.c — the forms on paper: pagination and drawing with cairo and Pango, shared
 * by the PDF export and printing.
 *
 * Each form starts a page. Rows never split across pages; a row that must stay with the
 * next (titles, headings, a goal's text) moves with it; the column headings of an
 * indicator grid are repeated at the top of a page that continues the grid, and a merged
 * category cell cut by a page break shows its label on both pages. Columns are as wide
 * as the page allows; when a number would not fit its column the whole form is drawn
 * smaller rather than cut at the edge.
 *
 * A text taller than a page (a long analysis) is continued over rows of its own, each
 * fitting a page, with its label beside every piece (zp-sheet-split.c): it is printed
 * whole, never cut or shrunk out of sight.
 *
 * Only row heights are kept between paginate and draw: a form's grid is rebuilt when
 * one of its pages is drawn, so memory does not grow with the number of forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "zp-export-private.h"
#include "zp-sheet-split.h"

#define FONT_FAMILY  "Noto Sans CJK SC, Noto Sans CJK, Source Han Sans SC, sans-serif"
#define BODY_SIZE    9.0
#define PAD_X        3.0
#define PAD_Y        2.5
#define LINE_WIDTH   0.6
#define MIN_ROW      16.0

struct _ZpReport
{
  GObject       parent_instance;

  ZpWorkbook   *workbook;
  ZpExportPlan  plan;
  double        margins[4];  /* top, right, bottom, left */

  double        page_width;
  double        page_height;
  gboolean      prefers_landscape;
  GArray       *pages;       /* PageSpan */
  GPtrArray    *heights;     /* per sheet: GArray of double (unscaled points) */
  GArray       *scales;      /* per sheet: double */

  PangoContext *context;       /* measuring and drawing: one set of metrics */
  PangoLayout  *measure_layout;
  /* "style|width|text" → link in `recent` (a CachedLayout), most recently used first */
  GHashTable   *layouts;
  GQueue        recent;
  PangoFontDescription *fonts[ZP_N_CELL_STYLES];
  double        line_heights[ZP_N_CELL_STYLES];  /* one line of each style, 0 until known */

  double        split_scale;  /* the scale of the sheet being split */

  /* zp_report_new_for_sheets(): these sheets instead of the workbook's forms. */
  guint           n_built;
  ZpSheetBuilder  build;
  gpointer        build_data;
  GDestroyNotify  build_destroy;

  /* The sheet drawn last, rebuilt when another is drawn. */
  guint         cached_index;
  ZpSheet      *cached_sheet;
};

typedef struct
{
  guint sheet;
  guint first_row;
  guint last_row;
  int   repeat_row;   /* heading drawn above first_row, or −1 */
  double first_extra; /* added to first_row's height on this page, for cut merges */
} PageSpan;

enum
{
  PROP_0,
  PROP_WORKBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ZpReport, zp_report, G_TYPE_OBJECT)

/* Fonts and measuring -------------------------------------------------------------------- */

static void
set_up_fonts (ZpReport *self)
{
  for (guint s = 0; s < ZP_N_CELL_STYLES; s++)
    {
      PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
      double size = BODY_SIZE;

      if (s == ZP_CELL_STYLE_TITLE)
        size = 15;
      else if (s == ZP_CELL_STYLE_SUBTITLE)
        size = 11;
      else if (s == ZP_CELL_STYLE_SIGNATURE)
        size = 10;
      pango_font_description_set_size (font, size * PANGO_SCALE);
      if (s == ZP_CELL_STYLE_TITLE || s == ZP_CELL_STYLE_SUBTITLE || s == ZP_CELL_STYLE_HEADER)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      self->fonts[s] = font;
    }
}

/* Unhinted metrics at 72 dpi: a layout measures the same on any surface, so what was
 * paginated is what gets drawn. */
static void
set_up_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);
}

static PangoAlignment
style_alignment (ZpCellStyle style)
{
  switch (style)
    {
    case ZP_CELL_STYLE_TEXT:
    case ZP_CELL_STYLE_SIGNATURE:
      return PANGO_ALIGN_LEFT;
    case ZP_CELL_STYLE_NOTE:
      return PANGO_ALIGN_RIGHT;
    default:
      return PANGO_ALIGN_CENTER;
    }
}

static gboolean
style_has_border (ZpCellStyle style)
{
  return style == ZP_CELL_STYLE_LABEL || style == ZP_CELL_STYLE_HEADER ||
         style == ZP_CELL_STYLE_TEXT || style == ZP_CELL_STYLE_NUMBER;
}

static void
set_layout_cell (ZpReport     *self,
                 PangoLayout  *layout,
                 const ZpCell *cell,
                 double        width)
{
  pango_layout_set_font_description (layout, self->fonts[cell->style]);
  pango_layout_set_alignment (layout, style_alignment (cell->style));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width - 2 * PAD_X, 1) * PANGO_SCALE));
  pango_layout_set_text (layout, cell->text, -1);
}

/* Shaping text is most of the cost of a report, and forms repeat their texts (headings,
 * categories, 有效保障, 100%…): each text is shaped once per width and style, for both
 * measuring and drawing, in a cache of the layouts used last. When it is full the one
 * used longest ago goes: the texts every form repeats stay, however many forms there
 * are, and a form's own texts are shaped at most twice (pagination measures all forms
 * before the first is drawn). Dropping the whole cache when full made layouts again
 * and again past 2,500 forms (7.2 × as many for 4 × the forms). */
#define MAX_CACHED_LAYOUTS 20000

typedef struct
{
  char        *key;
  PangoLayout *layout;
} CachedLayout;

static void
cached_layout_free (CachedLayout *cached)
{
  g_free (cached->key);
  g_object_unref (cached->layout);
  g_free (cached);
}

static void
forget_oldest_layout (ZpReport *self)
{
  GList *oldest = g_queue_pop_tail_link (&self->recent);
  CachedLayout *cached = oldest->data;

  g_hash_table_remove (self->layouts, cached->key);
  cached_layout_free (cached);
  g_list_free_1 (oldest);
}

static PangoLayout *
get_layout (ZpReport     *self,
            const ZpCell *cell,
            double        width)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%s", cell->style, (int) (width * 100), cell->text);
  GList *link = g_hash_table_lookup (self->layouts, key);
  CachedLayout *cached;

  if (link != NULL)
    {
      g_queue_unlink (&self->recent, link);
      g_queue_push_head_link (&self->recent, link);
      return ((CachedLayout *) link->data)->layout;
    }

  if (g_hash_table_size (self->layouts) >= MAX_CACHED_LAYOUTS)
    forget_oldest_layout (self);
  cached = g_new0 (CachedLayout, 1);
  cached->key = g_steal_pointer (&key);
  cached->layout = pango_layout_new (self->context);
  set_layout_cell (self, cached->layout, cell, width);
  g_queue_push_head (&self->recent, cached);
  g_hash_table_insert (self->layouts, cached->key, self->recent.head);
  return cached->layout;
}

/* Characters the report's CJK font draws itself, none wider than its em: ASCII, CJK
 * punctuation and ideographs, full-width forms. */
static gboolean
is_plain_char (gunichar c)
{
  return (c >= 0x20 && c < 0x7F) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF01 && c <= 0xFF5E) ||
         c == 0x2014 || c == 0x2026 || c == 0x2018 || c == 0x2019 || c == 0x201C ||
         c == 0x201D || c == 0x2265 || c == 0x2264 || c == 0x00D7 || c == 0x00B7;
}

/* Most cells of a form hold a short text that surely fits one line: no wider than an em
 * per character (with a margin), in the font's own characters. Such a cell is as high
 * as one line of its style, known without shaping it: pagination then shapes only the
 * texts that may wrap, and drawing shapes each text once. */
static gboolean
fits_one_line (ZpReport     *self,
               const ZpCell *cell,
               double        width)
{
  double em = pango_font_description_get_size (self->fonts[cell->style]) / (double) PANGO_SCALE;
  double usable = width - 2 * PAD_X;
  guint n = 0;

  for (const char *p = cell->text; *p; p = g_utf8_next_char (p), n++)
    if (!is_plain_char (g_utf8_get_char (p)) || (n + 1) * em * 1.1 > usable)
      return FALSE;
  return TRUE;
}

static double
line_height (ZpReport    *self,
             ZpCellStyle  style)
{
  if (self->line_heights[style] == 0)
    {
      int w, h;

      pango_layout_set_font_description (self->measure_layout, self->fonts[style]);
      pango_layout_set_width (self->measure_layout, -1);
      pango_layout_set_text (self->measure_layout, "国A", -1);
      pango_layout_get_size (self->measure_layout, &w, &h);
      self->line_heights[style] = (double) h / PANGO_SCALE;
    }
  return self->line_heights[style];
}

/* More than the text can need: every character as wide as 1.5 em, every line 1.5 times
 * as high as the font's (a fallback font may be taller). */
static double
height_bound (ZpReport     *self,
              const ZpCell *cell,
              double        width)
{
  double em = pango_font_description_get_size (self->fonts[cell->style]) / (double) PANGO_SCALE;
  double usable = MAX (width - 2 * PAD_X, em);
  double lines = 1, line = 0;

  for (const char *p = cell->text; *p; p++)
    {
      if (*p == '\n')
        {
          lines++;
          line = 0;
        }
      else if ((*p & 0xC0) != 0x80)  /* the first byte of a character */
        {
          line += 1.5 * em;
          if (line > usable)
            {
              lines++;
              line = 1.5 * em;
            }
        }
    }
  return lines * line_height (self, cell->style) * 1.5;
}

static double
measure_cell (const ZpCell *cell,
              double        width,
              gpointer      user_data)
{
  ZpReport *self = user_data;
  int w, h;

  if (*cell->text == '\0')
    return 0;
  if (fits_one_line (self, cell, width))
    return line_height (self, cell->style) + 2 * PAD_Y;
  pango_layout_get_size (get_layout (self, cell, width), &w, &h);
  return (double) h / PANGO_SCALE + 2 * PAD_Y;
}

/* The natural width of a number's text: numbers must not wrap. */
static double
number_width (ZpReport     *self,
              const ZpCell *cell)
{
  int w, h;

  pango_layout_set_font_description (self->measure_layout, self->fonts[cell->style]);
  pango_layout_set_width (self->measure_layout, -1);
  pango_layout_set_text (self->measure_layout, cell->text, -1);
  pango_layout_get_size (self->measure_layout, &w, &h);
  return (double) w / PANGO_SCALE + 2 * PAD_X;
}

/* Geometry ------------------------------------------------------------------------------- */

static double
content_width (ZpReport *self)
{
  return self->page_width - self->margins[1] - self->margins[3];
}

static double
content_height (ZpReport *self)
{
  return self->page_height - self->margins[0] - self->margins[2];
}

/* Column widths in points, filling the content width in the sheet's proportions. */
static void
column_widths (ZpReport *self,
               ZpSheet  *sheet,
               double    scale,
               double   *widths)
{
  double total = 0;

  for (guint c = 0; c < sheet->n_cols; c++)
    total += sheet->col_widths[c];
  for (guint c = 0; c < sheet->n_cols; c++)
    widths[c] = content_width (self) / scale * sheet->col_widths[c] / total;
}

/* 1, or less when a number cell would not fit its columns at full size. */
static double
fit_scale (ZpReport *self,
           ZpSheet  *sheet)
{
  double widths[ZP_SHEET_MAX_COLS];
  double scale = 1;

  column_widths (self, sheet, 1, widths);
  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    {
      ZpSheetRow *row = zp_sheet_get_row (sheet, r);

      for (guint i = 0; i < row->cells->len; i++)
        {
          const ZpCell *cell = g_ptr_array_index (row->cells, i);

          if (cell->style == ZP_CELL_STYLE_NUMBER && *cell->text != '\0')
            scale = MIN (scale, zp_sheet_span_width (widths, cell) / number_width (self, cell));
        }
    }
  return scale;
}

/* A page's height for one piece of a continued text: what is left of the page beside a
 * repeated heading, with room to spare (a heading is far less than a fifth of a page). */
#define PIECE_SHARE 0.8

/* Where to cut a text that is taller than a page: at the start of the line that would
 * overflow each piece. */
static GArray *
split_at_lines (const ZpCell *cell,
                double        width,
                gpointer      user_data)
{
  ZpReport *self = user_data;
  double budget = (content_height (self) / self->split_scale * PIECE_SHARE - 2 * PAD_Y) * PANGO_SCALE;
  PangoLayout *layout;
  PangoLayoutIter *iter;
  GArray *cuts;
  int w, h, top = 0;

  /* Far shorter than a page, whatever the font: not worth shaping here. */
  if (height_bound (self, cell, width) <= budget / PANGO_SCALE)
    return NULL;
  layout = get_layout (self, cell, width);
  pango_layout_get_size (layout, &w, &h);
  if (h <= budget)
    return NULL;

  cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle line;
      int start = pango_layout_iter_get_index (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      if (line.y + line.height - top > budget && line.y > top && start > 0)
        {
          gsize cut = start;

          g_array_append_val (cuts, cut);
          top = line.y;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return cuts;
}

static ZpSheet *
build_sheet (ZpReport *self,
             guint     index)
{
  guint n_forms = self->plan.forms->len;

  if (self->build != NULL)
    return self->build (self->build_data, index);
  if (index < n_forms)
    return zp_layout_form (self->workbook,
                           zp_workbook_get_form (self->workbook,
                                                 g_array_index (self->plan.forms, guint, index)),
                           self->plan.layout);
  return zp_layout_summary (self->workbook, (const guint *) self->plan.forms->data, n_forms, NULL);
}

/* The sheet as paginated and drawn: its long texts continued over rows at `scale`. */
static ZpSheet *
prepare_sheet (ZpReport *self,
               ZpSheet  *sheet,
               double    scale)
{
  double widths[ZP_SHEET_MAX_COLS];

  column_widths (self, sheet, scale, widths);
  self->split_scale = scale;
  zp_sheet_split_long_texts (sheet, widths, split_at_lines, self);
  return sheet;
}

static guint
n_sheets (ZpReport *self)
{
  if (self->build != NULL)
    return self->n_built;
  return self->plan.forms->len + (self->plan.summary ? 1 : 0);
}

static ZpSheet *
get_sheet (ZpReport *self,
           guint     index)
{
  if (self->cached_sheet == NULL || self->cached_index != index)
    {
      g_clear_pointer (&self->cached_sheet, zp_sheet_free);
      self->cached_sheet = prepare_sheet (self, build_sheet (self, index),
                                          g_array_index (self->scales, double, index));
      self->cached_index = index;
    }
  return self->cached_sheet;
}

/* Pagination ------------------------------------------------------------------------------ */

typedef struct
{
  ZpReport *self;
  ZpSheet  *sheet;
  guint     index;
  double   *heights;
  double   *widths;
  double    available;
  double    y;
  guint     first;
  int       repeat;
  double    first_extra;
} Paginator;

/* The heading whose grid row `r` continues, or −1. */
static int
heading_for (ZpSheet *sheet,
             guint    r)
{
  for (guint h = r; h > 0; h--)
    {
      ZpSheetRow *row = zp_sheet_get_row (sheet, h - 1);

      if (row->kind == ZP_ROW_HEADER)
        return row->scope_last >= r ? (int) h - 1 : -1;
    }
  return -1;
}

static void
close_page (Paginator *p,
            guint      last)
{
  PageSpan span = { p->index, p->first, last, p->repeat, p->first_extra };

  g_array_append_val (p->self->pages, span);
}

/* A cell merged down from above the page shows its text again on the page: the
 * height its remaining rows lack for that goes to the page's first row. */
static double
continued_extra (Paginator *p,
                 guint      first)
{
  double extra = 0;

  for (guint r = 0; r < first; r++)
    {
      ZpSheetRow *row = zp_sheet_get_row (p->sheet, r);

      if ((int) r == p->repeat)
        continue;
      for (guint i = 0; i < row->cells->len; i++)
        {
          const ZpCell *cell = g_ptr_array_index (row->cells, i);
          guint end = r + cell->row_span - 1;
          double have = 0;

          if (end < first)
            continue;
          for (guint k = first; k <= end; k++)
            have += p->heights[k];
          extra = MAX (extra, measure_cell (cell, zp_sheet_span_width (p->widths, cell), p->self) - have);
        }
    }
  return extra;
}

static void
open_page (Paginator *p,
           guint      first)
{
  p->first = first;
  p->repeat = heading_for (p->sheet, first);
  p->first_extra = first > 0 ? continued_extra (p, first) : 0;
  p->y = (p->repeat >= 0 ? p->heights[p->repeat] : 0) + p->first_extra;
}

static void
place_rows (Paginator *p,
            guint      from,
            guint      to)
{
  double group = 0;

  for (guint r = from; r <= to; r++)
    group += p->heights[r];

  if (p->y + group > p->available && from > p->first)
    {
      close_page (p, from - 1);
      open_page (p, from);
    }
  if (p->y + group <= p->available || from == to)
    {
      p->y += group;
      return;
    }
  /* Too tall for a page even alone: let the group break between its rows. */
  for (guint r = from; r <= to; r++)
    place_rows (p, r, r);
}

/* A row never splits, so no row may be taller than a page (with a repeated heading
 * above it): a longer text is drawn smaller to fit its cell (see draw_text). */
static void
fit_rows_to_page (ZpSheet *sheet,
                  double  *heights,
                  double   available)
{
  double heading = 0;

  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    if (zp_sheet_get_row (sheet, r)->kind == ZP_ROW_HEADER)
      heading = MAX (heading, heights[r]);
  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    heights[r] = MIN (heights[r], available - heading);
}

static void
paginate_sheet (ZpReport *self,
                guint     index)
{
  g_autoptr(ZpSheet) sheet = NULL;
  double widths[ZP_SHEET_MAX_COLS];
  double scale;
  guint n;
  Paginator p;
  GArray *heights;

  sheet = build_sheet (self, index);
  scale = fit_scale (self, sheet);
  prepare_sheet (self, sheet, scale);
  n = zp_sheet_get_n_rows (sheet);
  p = (Paginator) { self, sheet, index, NULL, widths, content_height (self) / scale, 0, 0, -1, 0 };
  if (scale < 0.999)
    self->prefers_landscape = TRUE;
  column_widths (self, sheet, scale, widths);
  p.heights = zp_sheet_compute_heights (sheet, widths, MIN_ROW, measure_cell, self);
  fit_rows_to_page (sheet, p.heights, p.available);

  open_page (&p, 0);
  for (guint r = 0; r < n;)
    {
      guint end = r;

      while (end + 1 < n && zp_sheet_get_row (sheet, end)->keep_with_next)
        end++;
      place_rows (&p, r, end);
      r = end + 1;
    }
  if (n > 0)
    close_page (&p, n - 1);

  heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (heights, p.heights, n);
  g_ptr_array_add (self->heights, heights);
  g_array_append_val (self->scales, scale);
  g_free (p.heights);
}

guint
zp_report_paginate (ZpReport *self,
                    double    page_width,
                    double    page_height)
{
  g_return_val_if_fail (ZP_IS_REPORT (self), 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  self->page_width = page_width;
  self->page_height = page_height;
  self->prefers_landscape = FALSE;
  g_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->heights, 0);
  g_array_set_size (self->scales, 0);
  g_clear_pointer (&self->cached_sheet, zp_sheet_free);

  for (guint i = 0; i < n_sheets (self); i++)
    paginate_sheet (self, i);
  return self->pages->len;
}

gboolean
zp_report_prefers_landscape (ZpReport *self)
{
  g_return_val_if_fail (ZP_IS_REPORT (self), FALSE);
  return self->prefers_landscape;
}

/* Drawing -------------------------------------------------------------------------------- */

typedef struct
{
  guint  row;
  double y;
  double height;
} Slot;

typedef struct
{
  ZpReport    *self;
  cairo_t     *cr;
  double       widths[ZP_SHEET_MAX_COLS];
  double       x[ZP_SHEET_MAX_COLS + 1];
  GArray      *slots;
  GArray      *borders;  /* double: x, y, width, height of each bordered cell */
} Painter;

static void
draw_text (Painter      *painter,
           const ZpCell *cell,
           double        x,
           double        y,
           double        width,
           double        height)
{
  cairo_t *cr = painter->cr;
  PangoLayout *layout;
  double scale = 1;
  double text_height;
  int w, h;

  if (*cell->text == '\0')
    return;

  /* The piece of a merged cell that a page break cut may be shorter than its text:
   * draw the text smaller rather than cut it. */
  for (;;)
    {
      layout = get_layout (painter->self, cell, width / scale);
      pango_layout_get_size (layout, &w, &h);
      text_height = (double) h / PANGO_SCALE * scale;
      if (text_height <= height - 2 * PAD_Y + 0.5 || scale < 0.35)
        break;
      scale *= 0.9;
    }

  y += MAX ((height - text_height) / 2, PAD_Y * scale);
  if (scale == 1)
    {
      /* The common case, kept lean: most of a report's cost is in writing the PDF. */
      cairo_move_to (cr, x + PAD_X, y);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x + PAD_X * scale, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_cell (Painter      *painter,
           guint         row,
           const ZpCell *cell)
{
  double top = -1, bottom = 0;
  double x = painter->x[cell->col];
  double width = painter->x[cell->col + cell->col_span] - x;

  /* The part of the cell on this page: the slots of the rows it spans. */
  for (guint i = 0; i < painter->slots->len; i++)
    {
      Slot *slot = &g_array_index (painter->slots, Slot, i);

      if (slot->row < row || slot->row >= row + cell->row_span)
        continue;
      if (top < 0)
        top = slot->y;
      bottom = slot->y + slot->height;
    }
  if (top < 0)
    return;

  if (style_has_border (cell->style))
    {
      /* Stroked together at the end of the page: one path, not one per cell. */
      double box[4] = { x, top, width, bottom - top };

      g_array_append_vals (painter->borders, box, 4);
    }
  draw_text (painter, cell, x, top, width, bottom - top);
}

static void
draw_row_cells (Painter *painter,
                ZpSheet *sheet,
                guint    row)
{
  ZpSheetRow *r = zp_sheet_get_row (sheet, row);

  for (guint i = 0; i < r->cells->len; i++)
    draw_cell (painter, row, g_ptr_array_index (r->cells, i));
}

/* Cells merged down from rows above the page that reach into it. */
static void
draw_continued_cells (Painter        *painter,
                      ZpSheet        *sheet,
                      const PageSpan *span)
{
  for (guint row = 0; row < span->first_row; row++)
    {
      ZpSheetRow *r = zp_sheet_get_row (sheet, row);

      if ((int) row == span->repeat_row)
        continue;
      for (guint i = 0; i < r->cells->len; i++)
        {
          const ZpCell *cell = g_ptr_array_index (r->cells, i);

          if (row + cell->row_span > span->first_row)
            draw_cell (painter, row, cell);
        }
    }
}

static void
add_slot (Painter *painter,
          guint    row,
          double  *y,
          double   height)
{
  Slot slot = { row, *y, height };

  g_array_append_val (painter->slots, slot);
  *y += height;
}

static void
draw_page_number (ZpReport    *self,
                  cairo_t     *cr,
                  PangoLayout *layout,
                  guint        page)
{
  g_autofree char *text = g_strdup_printf ("第 %u 页 共 %u 页", page + 1, self->pages->len);
  PangoFontDescription *font = pango_font_description_copy (self->fonts[ZP_CELL_STYLE_NOTE]);
  int w, h;

  pango_font_description_set_size (font, 8 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, (self->page_width - (double) w / PANGO_SCALE) / 2,
                 self->page_height - self->margins[2] / 2 - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
}

static void
draw_table (ZpReport       *self,
            Painter        *painter,
            const PageSpan *span)
{
  ZpSheet *sheet = get_sheet (self, span->sheet);
  GArray *heights = g_ptr_array_index (self->heights, span->sheet);
  double scale = g_array_index (self->scales, double, span->sheet);
  double y = 0;

  column_widths (self, sheet, scale, painter->widths);
  painter->x[0] = 0;
  for (guint c = 0; c < sheet->n_cols; c++)
    painter->x[c + 1] = painter->x[c] + painter->widths[c];

  if (span->repeat_row >= 0)
    add_slot (painter, span->repeat_row, &y, g_array_index (heights, double, span->repeat_row));
  for (guint r = span->first_row; r <= span->last_row; r++)
    add_slot (painter, r, &y, g_array_index (heights, double, r) +
                              (r == span->first_row ? span->first_extra : 0));

  cairo_save (painter->cr);
  cairo_translate (painter->cr, self->margins[3], self->margins[0]);
  cairo_scale (painter->cr, scale, scale);
  cairo_set_line_width (painter->cr, LINE_WIDTH);
  cairo_set_source_rgb (painter->cr, 0, 0, 0);

  draw_continued_cells (painter, sheet, span);
  if (span->repeat_row >= 0)
    draw_row_cells (painter, sheet, span->repeat_row);
  for (guint r = span->first_row; r <= span->last_row; r++)
    draw_row_cells (painter, sheet, r);

  for (guint i = 0; i + 3 < painter->borders->len; i += 4)
    {
      double *box = &g_array_index (painter->borders, double, i);

      cairo_rectangle (painter->cr, box[0], box[1], box[2], box[3]);
    }
  cairo_stroke (painter->cr);
  cairo_restore (painter->cr);
}

void
zp_report_draw_page (ZpReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GArray) borders = NULL;
  Painter painter = { 0 };

  g_return_if_fail (ZP_IS_REPORT (self));

  /* A page past the end (the blank page of an empty report) stays blank. */
  if (page >= self->pages->len)
    return;

  slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  borders = g_array_new (FALSE, FALSE, sizeof (double));
  painter = (Painter) { self, cr, { 0 }, { 0 }, slots, borders };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_table (self, &painter, &g_array_index (self->pages, PageSpan, page));
  draw_page_number (self, cr, self->measure_layout, page);
  cairo_restore (cr);
}

void
zp_report_set_margins (ZpReport *self,
                       double    top,
                       double    right,
                       double    bottom,
                       double    left)
{
  g_return_if_fail (ZP_IS_REPORT (self));

  self->margins[0] = top;
  self->margins[1] = right;
  self->margins[2] = bottom;
  self->margins[3] = left;
}

/* GObject --------------------------------------------------------------------------------- */

static void
zp_report_finalize (GObject *object)
{
  ZpReport *self = ZP_REPORT (object);

  g_clear_pointer (&self->cached_sheet, zp_sheet_free);
  if (self->build_destroy != NULL)
    self->build_destroy (self->build_data);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->heights, g_ptr_array_unref);
  g_clear_pointer (&self->scales, g_array_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_queue_clear_full (&self->recent, (GDestroyNotify) cached_layout_free);
  g_clear_object (&self->measure_layout);
  g_clear_object (&self->context);
  for (guint s = 0; s < ZP_N_CELL_STYLES; s++)
    g_clear_pointer (&self->fonts[s], pango_font_description_free);
  zp_export_plan_clear (&self->plan);
  g_clear_object (&self->workbook);

  G_OBJECT_CLASS (zp_report_parent_class)->finalize (object);
}

static void
zp_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZpReport *self = ZP_REPORT (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZpReport *self = ZP_REPORT (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      self->workbook = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_report_class_init (ZpReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zp_report_finalize;
  object_class->get_property = zp_report_get_property;
  object_class->set_property = zp_report_set_property;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, ZP_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zp_report_init (ZpReport *self)
{
  self->margins[0] = 40;
  self->margins[1] = 36;
  self->margins[2] = 46;
  self->margins[3] = 36;
  self->pages = g_array_new (FALSE, FALSE, sizeof (PageSpan));
  self->heights = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->scales = g_array_new (FALSE, FALSE, sizeof (double));

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  set_up_context (self->context);
  self->measure_layout = pango_layout_new (self->context);
  self->layouts = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&self->recent);
  set_up_fonts (self);
}

ZpReport *
zp_report_new (ZpWorkbook             *workbook,
               const ZpExportOptions  *options)
{
  g_autoptr(GError) error = NULL;
  ZpReport *self;

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), NULL);

  self = g_object_new (ZP_TYPE_REPORT, "workbook", workbook, NULL);
  if (zp_workbook_get_n_forms (workbook) == 0)
    {
      /* Nothing to lay out: no pages (a print dialog may still ask for a blank one). */
      self->plan.forms = g_array_new (FALSE, FALSE, sizeof (guint));
      return self;
    }
  if (!zp_export_plan_init (&self->plan, workbook, options, &error))
    {
      /* Options are checked by the caller (zp_export_workbook does); fall back to all. */
      g_warning ("%s", error->message);
      zp_export_plan_clear (&self->plan);
      zp_export_plan_init (&self->plan, workbook, NULL, NULL);
    }
  return self;
}

ZpReport *
zp_report_new_for_sheets (guint           n_sheets,
                          ZpSheetBuilder  build,
                          gpointer        data,
                          GDestroyNotify  destroy)
{
  ZpReport *self = g_object_new (ZP_TYPE_REPORT, NULL);

  self->n_built = n_sheets;
  self->build = build;
  self->build_data = data;
  self->build_destroy = destroy;
  self->plan.forms = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}
