/* zp-evidence-dialog.h — 佐证材料 of one form: the files attached to the form and to each
 * of its indicators, stored relative to the workbook's folder. Adding takes a file inside
 * that folder (one outside is refused, not copied: the workbook's folder is what the
 * unit keeps and packages); removing and adding go through the undo stack; a file opens
 * in the desktop's default application; a missing one is marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_EVIDENCE_DIALOG (zp_evidence_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZpEvidenceDialog, zp_evidence_dialog, ZP, EVIDENCE_DIALOG, AdwPreferencesWindow)

/* folder: the workbook's folder, NULL while it has no file (nothing can be added then). */
ZpEvidenceDialog *zp_evidence_dialog_new     (GtkWindow        *parent,
                                              ZpForm           *form,
                                              const char       *folder,
                                              ZpUndoStack      *undo);

G_END_DECLS
