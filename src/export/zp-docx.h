/* zp-docx.h — Word (.docx) output: the written report, and the forms in their published
 * layouts (tables with the layout model's merged cells, the signature block, A4).
 *
 * The package is written with libgsf's Open Packaging writer (GsfOutfileOpenPkg over a
 * GsfOutfileZip) and its XML writer; fonts are the 公文 ones (小标宋 for titles, 黑体 for
 * headings, 仿宋 for text), each naming Noto CJK as the alternative where not installed.
 * Like every export, a file lands whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zp-sheet.h"
#include "zp-written-report.h"

G_BEGIN_DECLS

gboolean  zp_docx_write_report  (ZpWrittenReport  *report,
                                 GFile            *file,
                                 GError          **error);
/* One form per page (or more), in order: sheets are ZpSheet*. */
gboolean  zp_docx_write_sheets  (GPtrArray        *sheets,
                                 GFile            *file,
                                 GError          **error);

G_END_DECLS
