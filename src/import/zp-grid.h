/* zp-grid.h — a spreadsheet as the importer sees it: sheets of cells holding the text a
 * cell shows (and, for numbers, the decimal it shows), merges expanded so that every cell
 * of a merge reads as its top-left value.
 *
 * Every reader (.xlsx, .xls, SpreadsheetML 2003, HTML tables) fills a ZpGrid through the
 * builder functions below; the recogniser only ever reads a ZpGrid. Limits keep memory
 * and time bounded on hostile files: a reader stops with ZP_IMPORT_ERROR_TOO_LARGE past
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ziping-core.h"

G_BEGIN_DECLS

/* Bounds (Excel's own sheet size; more than any self-evaluation needs for the rest). */
#define ZP_GRID_MAX_ROWS       1048576
#define ZP_GRID_MAX_COLS       16384
#define ZP_GRID_MAX_CELLS      (8 * 1024 * 1024)   /* per file, merges expanded */
#define ZP_GRID_MAX_TEXT       32767               /* characters in one cell, as Excel */
#define ZP_GRID_MAX_SHEETS     10000
#define ZP_GRID_MAX_PART       (1024 * 1024 * 1024) /* bytes of one unzipped part */
#define ZP_GRID_MAX_FILE       (256 * 1024 * 1024)

#define ZP_IMPORT_ERROR (zp_import_error_quark ())

typedef enum
{
  ZP_IMPORT_ERROR_UNKNOWN_KIND,  /* not a spreadsheet Ziping reads */
  ZP_IMPORT_ERROR_DAMAGED,       /* a spreadsheet, but broken */
  ZP_IMPORT_ERROR_ENCRYPTED,     /* password-protected */
  ZP_IMPORT_ERROR_TOO_LARGE,
  ZP_IMPORT_ERROR_NO_FORM,       /* read, but no form in it */
} ZpImportError;

GQuark zp_import_error_quark (void);

typedef struct
{
  guint32     row;        /* zero-based */
  guint32     col;
  const char *text;       /* as shown; never NULL, owned by the grid */
  ZpDecimal   value;      /* is_number: the value shown (a percentage as its rate, 0.95) */
  guint8      is_number;
  guint8      percent;    /* shown with a percent sign */
  guint8      merged;     /* a copy of a merge's top-left value */
  guint32     seq;        /* order of arrival: a later cell at the same place wins */
} ZpGridCell;

typedef struct
{
  guint32 first_row, first_col, last_row, last_col;
} ZpGridRange;

typedef struct
{
  char       *name;
  guint       n_rows;      /* one past the last row holding a cell */
  guint       n_cols;
  GArray     *cells;       /* ZpGridCell, sorted by row then column once finished */
  GArray     *merges;      /* ZpGridRange */
} ZpGridSheet;

typedef struct
{
  char         *display_name;  /* for messages: the file's base name */
  const char   *kind;          /* "xlsx", "xls", "SpreadsheetML", "HTML" */
  GPtrArray    *sheets;        /* ZpGridSheet* */
  GStringChunk *strings;
  gsize         n_cells;
} ZpGrid;

ZpGrid            *zp_grid_new           (const char   *display_name,
                                          const char   *kind);
void               zp_grid_free          (ZpGrid       *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZpGrid, zp_grid_free)

ZpGridSheet       *zp_grid_add_sheet     (ZpGrid       *grid,
                                          const char   *name);
/* A text cell; the text is copied (interned). FALSE past a limit, with the error set. */
gboolean           zp_grid_add_text      (ZpGrid       *grid,
                                          ZpGridSheet  *sheet,
                                          guint         row,
                                          guint         col,
                                          const char   *text,
                                          GError      **error);
gboolean           zp_grid_add_cell      (ZpGrid       *grid,
                                          ZpGridSheet  *sheet,
                                          const ZpGridCell *cell,
                                          GError      **error);
/* A number stored as a binary float written in decimal ("0.8999999999999999"), shown with
 * `places` decimals (−1: General, at most 15 significant digits as Excel shows) and as a
 * percentage when `percent`. FALSE when `stored` is no number. */
gboolean           zp_grid_number_cell   (ZpGrid       *grid,
                                          const char   *stored,
                                          int           places,
                                          gboolean      percent,
                                          ZpGridCell   *out);
void               zp_grid_add_merge     (ZpGridSheet  *sheet,
                                          guint         first_row,
                                          guint         first_col,
                                          guint         last_row,
                                          guint         last_col);
/* Sorts the cells and expands the merges (clipped to the cells' extent). */
gboolean           zp_grid_finish_sheet  (ZpGrid       *grid,
                                          ZpGridSheet  *sheet,
                                          GError      **error);

/* Reading a finished sheet. */
const ZpGridCell  *zp_grid_sheet_get     (const ZpGridSheet *sheet,
                                          guint         row,
                                          guint         col);
/* The cell's text, "" when empty. */
const char        *zp_grid_sheet_text    (const ZpGridSheet *sheet,
                                          guint         row,
                                          guint         col);
/* The cells of one row, in column order. */
const ZpGridCell  *zp_grid_sheet_row     (const ZpGridSheet *sheet,
                                          guint         row,
                                          guint        *n_cells);

/* "C7" for row 6, col 2. */
char              *zp_grid_ref           (guint         row,
                                          guint         col);
/* Parses "C7" / "$C$7"; FALSE when not a reference within bounds. */
gboolean           zp_grid_parse_ref     (const char   *ref,
                                          guint        *row,
                                          guint        *col);

/* Number formats: how many decimals a format code shows (−1 for General or a format it
 * does not show numbers with, e.g. text "@") and whether it is a percentage. */
void               zp_grid_format_code_info (const char *code,
                                             int        *places,
                                             gboolean   *percent);
/* The same for Excel's built-in format ids (0 General, 2 "0.00", 9 "0%", 10 "0.00%" …). */
void               zp_grid_builtin_format_info (guint    id,
                                                int     *places,
                                                gboolean *percent);

/* Readers: zp-grid-read.c picks one from the content, never the extension. */
ZpGrid            *zp_grid_read_file     (const char   *path,
                                          GError      **error);
ZpGrid            *zp_grid_read_data     (const guint8 *data,
                                          gsize         length,
                                          const char   *display_name,
                                          GError      **error);

G_END_DECLS
