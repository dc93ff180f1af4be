/* zp-scheme-page.h — the workbook's scheme in Workbook Properties: start from a built-in,
 * edit the points, bands, formulas, thresholds, decimals, the not-applicable rule, the
 * layout and the amount unit. Every edit goes through the undo stack; the forms rescore
 * at once, so the totals everywhere are the live preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_SCHEME_PAGE (zp_scheme_page_get_type ())
G_DECLARE_FINAL_TYPE (ZpSchemePage, zp_scheme_page, ZP, SCHEME_PAGE, AdwPreferencesPage)

ZpSchemePage *zp_scheme_page_new        (ZpWorkbook   *workbook,
                                         ZpUndoStack  *undo);

G_END_DECLS
