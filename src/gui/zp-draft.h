/* zp-draft.h — a document's recovery draft: its unsaved workbook kept on disk.
 *
 * Each draft lives in $XDG_STATE_HOME/ziping/drafts as <id>.ziping (the workbook),
 * <id>.ini (the file it belongs to and when it was written) and <id>.lock. Whoever has a
 * ZpDraft holds an exclusive lock on <id>.lock, so a draft is never written, offered or
 * deleted by another window or another instance while its owner is alive; the kernel
 * drops the lock when the process ends, even on kill -9, and the draft becomes an orphan
 * that the next start offers back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ziping-core.h"

G_BEGIN_DECLS

#define ZP_TYPE_DRAFT (zp_draft_get_type ())
G_DECLARE_FINAL_TYPE (ZpDraft, zp_draft, ZP, DRAFT, GObject)

/* A new, empty draft with an id of its own, locked. NULL (and a warning) when the drafts
 * folder cannot be written. */
ZpDraft    *zp_draft_new             (void);
/* The drafts nobody holds, oldest first, each now locked by the caller (unref to let go:
 * "keep for later"). */
GListModel *zp_draft_list_orphans    (void);
/* The newest orphaned draft of file, locked, or NULL. */
ZpDraft    *zp_draft_find_orphan     (GFile      *file);

/* The file the draft's workbook was opened from or saved to; NULL for a new workbook. */
GFile      *zp_draft_get_file        (ZpDraft    *self);
/* When the draft was last written; NULL when it holds nothing. */
GDateTime  *zp_draft_get_time        (ZpDraft    *self);
/* The file's entity tag when the draft's workbook was loaded from it or saved to it. */
const char *zp_draft_get_etag        (ZpDraft    *self);
/* The file's name, or "Unsaved workbook". */
char       *zp_draft_dup_title       (ZpDraft    *self);

/* Replaces the draft's contents (bytes from zp_workbook_to_data). Touches only the
 * draft's own files: may run in a worker thread, one write at a time. */
gboolean    zp_draft_write           (ZpDraft    *self,
                                      const char *data,
                                      gsize       length,
                                      GFile      *file,
                                      const char *etag,
                                      GError    **error);
/* The draft's workbook file, to read it. */
GFile      *zp_draft_dup_data_file   (ZpDraft    *self);
/* Empties the draft (the document is saved, or back to its saved state); the id and the
 * lock stay. */
void        zp_draft_clear           (ZpDraft    *self);
/* Removes the draft's files; the object only holds its id afterwards. */
void        zp_draft_delete          (ZpDraft    *self);

G_END_DECLS
