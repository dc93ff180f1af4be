/* zp-grid-private.h — what the readers share inside src/import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gsf/gsf.h>

#include "zp-grid.h"

G_BEGIN_DECLS

/* The text interned in the grid (cut at ZP_GRID_MAX_TEXT characters, made valid UTF-8). */
const char *zp_grid_intern      (ZpGrid      *grid,
                                 const char  *text);

ZpGrid     *zp_grid_read_xlsx   (GsfInput    *input,
                                 const char  *display_name,
                                 GError     **error);
/* An OLE2 container: BIFF8 (.xls, WPS .et), or an encrypted OOXML file. */
ZpGrid     *zp_grid_read_ole2   (GsfInput    *input,
                                 const char  *display_name,
                                 GError     **error);
/* SpreadsheetML 2003 (<?mso-application progid="Excel.Sheet"?>) and HTML tables. */
ZpGrid     *zp_grid_read_spreadsheetml (const guint8 *data,
                                        gsize         length,
                                        const char   *display_name,
                                        GError      **error);
ZpGrid     *zp_grid_read_html   (const guint8 *data,
                                 gsize         length,
                                 const char   *display_name,
                                 GError      **error);

G_END_DECLS
