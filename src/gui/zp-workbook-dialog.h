/* zp-workbook-dialog.h — the workbook's header: year, unit, short unit name, supervising
 * department. Every edit goes through the window's undo stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_WORKBOOK_DIALOG (zp_workbook_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZpWorkbookDialog, zp_workbook_dialog, ZP, WORKBOOK_DIALOG, AdwPreferencesWindow)

ZpWorkbookDialog *zp_workbook_dialog_new      (GtkWindow        *parent,
                                               ZpWorkbook       *workbook,
                                               ZpUndoStack      *undo);


G_END_DECLS
