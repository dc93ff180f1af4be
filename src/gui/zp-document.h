/* zp-document.h — one workbook's life: its file, its undo stack, loading and saving in a
 * worker thread, autosave into a recovery draft of its own, and noticing a file changed
 * on disk by another program. Windows bind to its properties and only show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ziping-core.h"
#include "zp-draft.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_DOCUMENT (zp_document_get_type ())
G_DECLARE_FINAL_TYPE (ZpDocument, zp_document, ZP, DOCUMENT, GObject)

typedef enum
{
  ZP_DOCUMENT_SAVE_DEFAULT   = 0,
  /* Write even when another program changed the file since it was loaded or saved. */
  ZP_DOCUMENT_SAVE_OVERWRITE = 1 << 0,
} ZpDocumentSaveFlags;

/* An empty document: no workbook until one is set or loaded. */
ZpDocument  *zp_document_new             (void);

ZpWorkbook  *zp_document_get_workbook    (ZpDocument          *self);
GFile       *zp_document_get_file        (ZpDocument          *self);
ZpUndoStack *zp_document_get_undo_stack  (ZpDocument          *self);
/* The file's name, "Unsaved workbook", or NULL without a workbook. */
const char  *zp_document_get_title       (ZpDocument          *self);
gboolean     zp_document_get_modified    (ZpDocument          *self);
/* TRUE while loading or saving. */
gboolean     zp_document_get_busy        (ZpDocument          *self);
/* Seconds from the first unsaved change to the recovery draft being written (the
 * "autosave-delay" property; 20 unless set). */
guint        zp_document_get_autosave_delay (ZpDocument       *self);
void         zp_document_set_autosave_delay (ZpDocument       *self,
                                             guint             seconds);
/* The document's recovery draft (the "draft" property): NULL until the first autosave,
 * then the document's own; restoring an orphaned draft makes that one the document's. */
ZpDraft     *zp_document_get_draft       (ZpDocument          *self);

/* A new workbook that has no file yet (new, the example, the next year). */
void         zp_document_set_workbook    (ZpDocument          *self,
                                          ZpWorkbook          *workbook);

/* Reads file in a worker; on success the document holds it, unmodified (its draft goes). */
void         zp_document_load_async      (ZpDocument          *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     zp_document_load_finish     (ZpDocument          *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* Reads an orphaned draft in a worker; on success the document holds its workbook,
 * modified, belonging to the draft's file, and the draft becomes the document's own. */
void         zp_document_restore_async   (ZpDocument          *self,
                                          ZpDraft             *draft,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     zp_document_restore_finish  (ZpDocument          *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* Saves to file (NULL: the document's own) in a worker. Fails with G_IO_ERROR_WRONG_ETAG,
 * writing nothing, when another program changed the document's file since it was loaded
 * or saved, unless flags has ZP_DOCUMENT_SAVE_OVERWRITE. */
void         zp_document_save_async      (ZpDocument          *self,
                                          GFile               *file,
                                          ZpDocumentSaveFlags  flags,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     zp_document_save_finish     (ZpDocument          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* A job on a copy of the workbook, in a worker thread: it may read and change the copy as
 * it likes, and must touch nothing else of the document's. */
typedef gboolean (*ZpDocumentJob) (ZpWorkbook    *copy,
                                   gpointer       data,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* Runs job on a copy of the workbook as it is now (an export: the user goes on editing
 * meanwhile). The copy is made from the bytes a save would write, taken on the main thread
 * from the forms' kept texts, and read back in the worker. */
void         zp_document_run_on_copy_async  (ZpDocument          *self,
                                             ZpDocumentJob        job,
                                             gpointer             data,
                                             GDestroyNotify       data_free,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     zp_document_run_on_copy_finish (ZpDocument          *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
