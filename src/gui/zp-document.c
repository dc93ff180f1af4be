/* zp-document.c
 *
 * The model is not thread-safe, so a save or an autosave takes the workbook's bytes on the
 * main thread, as immutable pieces (zp_workbook_to_chunks: only the forms changed since the
 * last save are serialised again, the others' text is kept), and joining, writing,
 * flushing and renaming happen in the worker. Loading builds the whole workbook in the worker and hands it over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-document.h"

#define DEFAULT_AUTOSAVE_DELAY 20

struct _ZpDocument
{
  GObject      parent_instance;

  ZpWorkbook  *workbook;
  GFile       *file;
  /* the file's entity tag when loaded or last saved: another program's change shows */
  char        *etag;
  ZpUndoStack *undo;
  /* any edit of the workbook, to write the draft again */
  GSignalGroup *workbook_signals;
  GSignalGroup *forms_signals;
  char        *title;
  ZpDraft     *draft;
  guint        autosave_delay;
  guint        autosave_id;
  /* after a load, the forms' saved texts kept a slice per idle (see keep_texts_cb) */
  guint        keep_texts_id;
  guint        keep_texts_next;
  guint        busy;
  gboolean     modified;
  /* modified whatever the undo stack says: restored from a draft, or a save failed */
  gboolean     unsaved_anyway;
  /* a draft write in the worker, and whether another is wanted after it */
  gboolean     writing_draft;
  gboolean     draft_wanted;
};

G_DEFINE_FINAL_TYPE (ZpDocument, zp_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_FILE,
  PROP_UNDO_STACK,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_AUTOSAVE_DELAY,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_autosave (ZpDocument *self);

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* ---- state ---- */

static void
update_title (ZpDocument *self)
{
  g_autofree char *title = NULL;

  if (self->workbook != NULL)
    title = self->file ? g_file_get_basename (self->file) : g_strdup (_("Unsaved workbook"));
  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
update_modified (ZpDocument *self)
{
  gboolean modified = self->workbook != NULL &&
                      (self->unsaved_anyway || !zp_undo_stack_is_clean (self->undo));

  if (modified == self->modified)
    return;
  self->modified = modified;
  if (modified)
    schedule_autosave (self);
  else
    {
      /* Back to the saved state: nothing to recover. */
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      if (self->draft != NULL)
        zp_draft_clear (self->draft);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_busy (ZpDocument *self,
          gboolean    busy)
{
  gboolean was = self->busy > 0;

  self->busy += busy ? 1 : -1;
  if (was != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_file (ZpDocument *self,
          GFile      *file,
          char       *etag)
{
  g_free (self->etag);
  self->etag = etag;
  if (file != self->file && (file == NULL || self->file == NULL || !g_file_equal (file, self->file)))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

/* Forms per idle call: about 1 ms on a district's workbook, well under a frame. */
#define KEEP_TEXTS_SLICE 50

/* Serialises the loaded forms a slice at a time at low priority, so that the first save
 * or autosave after loading takes the bytes in under a frame like the later ones. */
static gboolean
keep_texts_cb (gpointer data)
{
  ZpDocument *self = data;
  guint n_forms = zp_workbook_get_n_forms (self->workbook);

  self->keep_texts_next = zp_workbook_keep_form_texts (self->workbook, self->keep_texts_next,
                                                       KEEP_TEXTS_SLICE);
  if (self->keep_texts_next < n_forms)
    return G_SOURCE_CONTINUE;
  self->keep_texts_id = 0;
  return G_SOURCE_REMOVE;
}

static void
start_keeping_texts (ZpDocument *self)
{
  g_clear_handle_id (&self->keep_texts_id, g_source_remove);
  self->keep_texts_next = 0;
  if (self->workbook != NULL)
    self->keep_texts_id = g_idle_add_full (G_PRIORITY_LOW, keep_texts_cb, self, NULL);
}

/* The document now holds workbook, as read from file (NULL: a new one); unsaved_anyway
 * when it comes from a draft. */
static void
replace_workbook (ZpDocument *self,
                  ZpWorkbook *workbook,
                  GFile      *file,
                  char       *etag,
                  gboolean    unsaved_anyway)
{
  g_object_freeze_notify (G_OBJECT (self));
  zp_undo_stack_clear (self->undo);
  zp_undo_stack_mark_clean (self->undo);
  if (g_set_object (&self->workbook, workbook))
    {
      g_signal_group_set_target (self->workbook_signals, workbook);
      g_signal_group_set_target (self->forms_signals, workbook ? zp_workbook_get_forms (workbook) : NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKBOOK]);
      start_keeping_texts (self);
    }
  set_file (self, file, etag);
  self->unsaved_anyway = unsaved_anyway;
  update_title (self);
  update_modified (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ---- recovery draft ---- */

static void
on_draft_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ZpDocument *self = ZP_DOCUMENT (source);
  g_autoptr(GError) error = NULL;

  self->writing_draft = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write the recovery draft: %s", error->message);
  /* Saved or undone to the saved state while it was being written. */
  if (!self->modified)
    zp_draft_clear (self->draft);
  else if (self->draft_wanted)
    schedule_autosave (self);
  self->draft_wanted = FALSE;
}

typedef struct
{
  GPtrArray *chunks;
  GFile *file;
  char  *etag;
} DraftWrite;

static void
draft_write_free (DraftWrite *write)
{
  g_ptr_array_unref (write->chunks);
  g_clear_object (&write->file);
  g_free (write->etag);
  g_free (write);
}

static void
write_draft_in_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ZpDocument *self = source;
  DraftWrite *write = task_data;
  GError *error = NULL;
  gsize length = 0;
  g_autofree char *data = zp_chunks_join (write->chunks, &length);

  if (zp_draft_write (self->draft, data, length, write->file, write->etag, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_draft (ZpDocument *self)
{
  g_autoptr(GTask) task = NULL;
  DraftWrite *write;

  if (!self->modified)
    return;
  if (self->writing_draft)
    {
      self->draft_wanted = TRUE;
      return;
    }
  if (self->draft == NULL)
    {
      if ((self->draft = zp_draft_new ()) == NULL)
        return;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
    }
  write = g_new0 (DraftWrite, 1);
  write->chunks = zp_workbook_to_chunks (self->workbook);
  write->file = self->file ? g_object_ref (self->file) : NULL;
  write->etag = g_strdup (self->etag);
  self->writing_draft = TRUE;
  task = g_task_new (self, NULL, on_draft_written, NULL);
  g_task_set_task_data (task, write, (GDestroyNotify) draft_write_free);
  g_task_run_in_thread (task, write_draft_in_thread);
}

static gboolean
autosave_cb (gpointer data)
{
  ZpDocument *self = data;

  self->autosave_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

/* The draft is written a while after the first change it does not hold yet, so typing
 * costs one write per delay at most. */
static void
schedule_autosave (ZpDocument *self)
{
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (self->autosave_delay, autosave_cb, self);
}

static void
on_undo_changed (ZpDocument *self)
{
  update_modified (self);
}

static void
on_workbook_edited (ZpDocument *self)
{
  if (self->modified)
    schedule_autosave (self);
}

/* ---- loading ---- */

typedef struct
{
  GFile      *read;     /* the file read */
  GFile      *file;     /* the file the workbook belongs to */
  ZpDraft    *draft;    /* restoring it */
  ZpWorkbook *workbook;
  char       *etag;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->read);
  g_clear_object (&load->file);
  g_clear_object (&load->draft);
  g_clear_object (&load->workbook);
  g_free (load->etag);
  g_free (load);
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;

  load->workbook = zp_workbook_load (load->read, &error);
  if (load->workbook == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (load->draft == NULL)
    load->etag = query_etag (load->read);
  g_task_return_boolean (task, TRUE);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ZpDocument *self = ZP_DOCUMENT (source);
  g_autoptr(GTask) outer = user_data;
  Load *load = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      g_task_return_error_if_cancelled (outer))
    {
      if (error != NULL)
        g_task_return_error (outer, error);
      return;
    }
  if (load->draft != NULL)
    {
      /* The restored draft is this document's from now on. */
      if (self->draft != NULL)
        zp_draft_delete (self->draft);
      if (g_set_object (&self->draft, load->draft))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
      load->etag = g_strdup (zp_draft_get_etag (load->draft));
    }
  replace_workbook (self, load->workbook, load->file, g_steal_pointer (&load->etag),
                    load->draft != NULL);
  g_task_return_boolean (outer, TRUE);
}

static void
start_load (ZpDocument          *self,
            Load                *load,
            gpointer             tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) task = g_task_new (self, cancellable, on_loaded, outer);

  g_task_set_source_tag (outer, tag);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, load_in_thread);
}

void
zp_document_load_async (ZpDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Load *load;

  g_return_if_fail (ZP_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (Load, 1);
  load->read = g_object_ref (file);
  load->file = g_object_ref (file);
  start_load (self, load, zp_document_load_async, cancellable, callback, user_data);
}

gboolean
zp_document_load_finish (ZpDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
zp_document_restore_async (ZpDocument          *self,
                           ZpDraft             *draft,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Load *load;

  g_return_if_fail (ZP_IS_DOCUMENT (self));
  g_return_if_fail (ZP_IS_DRAFT (draft));

  load = g_new0 (Load, 1);
  load->read = zp_draft_dup_data_file (draft);
  load->file = zp_draft_get_file (draft) ? g_object_ref (zp_draft_get_file (draft)) : NULL;
  load->draft = g_object_ref (draft);
  start_load (self, load, zp_document_restore_async, cancellable, callback, user_data);
}

gboolean
zp_document_restore_finish (ZpDocument    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- saving ---- */

typedef struct
{
  GFile     *file;
  GPtrArray *chunks;        /* zp_workbook_to_chunks() */
  char     *expected_etag;  /* NULL: do not compare */
  char     *etag;           /* after the write */
  gboolean  was_modified;
} Save;

static void
save_free (Save *save)
{
  g_clear_object (&save->file);
  g_ptr_array_unref (save->chunks);
  g_free (save->expected_etag);
  g_free (save->etag);
  g_free (save);
}

static void
save_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Save *save = task_data;
  GError *error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (save->expected_etag != NULL)
    {
      g_autofree char *now = query_etag (save->file);

      /* A file that is gone is simply written again. */
      if (now != NULL && !g_str_equal (now, save->expected_etag))
        {
          g_autofree char *name = g_file_get_basename (save->file);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                                   _("“%s” was changed by another program since it was opened"), name);
          return;
        }
    }
  data = zp_chunks_join (save->chunks, &length);
  if (!zp_workbook_save_data (save->file, data, length, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  save->etag = query_etag (save->file);
  g_task_return_boolean (task, TRUE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ZpDocument *self = ZP_DOCUMENT (source);
  g_autoptr(GTask) outer = user_data;
  Save *save = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The stack was marked clean when the bytes were taken: it is not saved after all. */
      self->unsaved_anyway |= save->was_modified;
      update_modified (self);
      g_task_return_error (outer, error);
      return;
    }
  set_file (self, save->file, g_steal_pointer (&save->etag));
  self->unsaved_anyway = FALSE;
  update_title (self);
  update_modified (self);
  if (!self->modified && self->draft != NULL)
    zp_draft_clear (self->draft);
  g_task_return_boolean (outer, TRUE);
}

void
zp_document_save_async (ZpDocument          *self,
                        GFile               *file,
                        ZpDocumentSaveFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) task = NULL;
  Save *save;

  g_return_if_fail (ZP_IS_DOCUMENT (self));
  g_return_if_fail (self->workbook != NULL);
  g_return_if_fail (file != NULL || self->file != NULL);

  save = g_new0 (Save, 1);
  save->file = g_object_ref (file ? file : self->file);
  save->chunks = zp_workbook_to_chunks (self->workbook);
  save->was_modified = self->modified;
  if (!(flags & ZP_DOCUMENT_SAVE_OVERWRITE) && self->file != NULL && self->etag != NULL &&
      g_file_equal (save->file, self->file))
    save->expected_etag = g_strdup (self->etag);
  /* What is being written is the saved state; edits from now on are changes to it. */
  zp_undo_stack_mark_clean (self->undo);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, zp_document_save_async);
  task = g_task_new (self, cancellable, on_saved, outer);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
zp_document_save_finish (ZpDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- jobs on a copy ---- */

typedef struct
{
  GPtrArray      *chunks;     /* zp_workbook_to_chunks() */
  char           *name;       /* for errors in reading the copy back */
  ZpDocumentJob   job;
  gpointer        data;
  GDestroyNotify  data_free;
} CopyJob;

static void
copy_job_free (CopyJob *copy_job)
{
  g_ptr_array_unref (copy_job->chunks);
  g_free (copy_job->name);
  if (copy_job->data_free != NULL)
    copy_job->data_free (copy_job->data);
  g_free (copy_job);
}

static void
run_on_copy_in_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  CopyJob *copy_job = task_data;
  g_autoptr(ZpWorkbook) copy = NULL;
  g_autofree char *data = NULL;
  GError *error = NULL;
  gsize length = 0;

  data = zp_chunks_join (copy_job->chunks, &length);
  copy = zp_workbook_load_from_data (data, length, copy_job->name, &error);
  if (copy == NULL || !copy_job->job (copy, copy_job->data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
zp_document_run_on_copy_async (ZpDocument          *self,
                               ZpDocumentJob        job,
                               gpointer             data,
                               GDestroyNotify       data_free,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CopyJob *copy_job;

  g_return_if_fail (ZP_IS_DOCUMENT (self));
  g_return_if_fail (self->workbook != NULL);
  g_return_if_fail (job != NULL);

  copy_job = g_new0 (CopyJob, 1);
  copy_job->chunks = zp_workbook_to_chunks (self->workbook);
  copy_job->name = g_strdup (self->title);
  copy_job->job = job;
  copy_job->data = data;
  copy_job->data_free = data_free;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zp_document_run_on_copy_async);
  g_task_set_task_data (task, copy_job, (GDestroyNotify) copy_job_free);
  g_task_run_in_thread (task, run_on_copy_in_thread);
}

gboolean
zp_document_run_on_copy_finish (ZpDocument    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- object ---- */

void
zp_document_set_workbook (ZpDocument *self,
                          ZpWorkbook *workbook)
{
  g_return_if_fail (ZP_IS_DOCUMENT (self));

  replace_workbook (self, workbook, NULL, NULL, FALSE);
}

ZpWorkbook *
zp_document_get_workbook (ZpDocument *self)
{
  g_return_val_if_fail (ZP_IS_DOCUMENT (self), NULL);

  return self->workbook;
}

GFile *
zp_document_get_file (ZpDocument *self)
{
  g_return_val_if_fail (ZP_IS_DOCUMENT (self), NULL);

  return self->file;
}

ZpUndoStack *
zp_document_get_undo_stack (ZpDocument *self)
{
  g_return_val_if_fail (ZP_IS_DOCUMENT (self), NULL);

  return self->undo;
}

const char *
zp_document_get_title (ZpDocument *self)
{
  g_return_val_if_fail (ZP_IS_DOCUMENT (self), NULL);

  return self->title;
}

gboolean
zp_document_get_modified (ZpDocument *self)
{
  g_return_val_if_fail (ZP_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

gboolean
zp_document_get_busy (ZpDocument *self)
{
  g_return_val_if_fail (ZP_IS_DOCUMENT (self), FALSE);

  return self->busy > 0;
}

ZpDraft *
zp_document_get_draft (ZpDocument *self)
{
  g_return_val_if_fail (ZP_IS_DOCUMENT (self), NULL);

  return self->draft;
}

guint
zp_document_get_autosave_delay (ZpDocument *self)
{
  g_return_val_if_fail (ZP_IS_DOCUMENT (self), 0);

  return self->autosave_delay;
}

void
zp_document_set_autosave_delay (ZpDocument *self,
                                guint       seconds)
{
  g_return_if_fail (ZP_IS_DOCUMENT (self));

  if (seconds == self->autosave_delay)
    return;
  self->autosave_delay = seconds;
  if (self->autosave_id != 0)
    {
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      schedule_autosave (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

static void
zp_document_dispose (GObject *object)
{
  ZpDocument *self = ZP_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->keep_texts_id, g_source_remove);
  /* A document goes when its window closes, after the user saved or chose to discard. A
   * draft write in flight holds a reference, so this is never reached during one. */
  if (self->draft != NULL)
    zp_draft_delete (self->draft);

  G_OBJECT_CLASS (zp_document_parent_class)->dispose (object);
}

static void
zp_document_finalize (GObject *object)
{
  ZpDocument *self = ZP_DOCUMENT (object);

  g_clear_object (&self->draft);
  g_clear_object (&self->workbook_signals);
  g_clear_object (&self->forms_signals);
  g_clear_object (&self->workbook);
  g_clear_object (&self->file);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (zp_document_parent_class)->finalize (object);
}

static void
zp_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZpDocument *self = ZP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZpDocument *self = ZP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE_DELAY:
      zp_document_set_autosave_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_document_class_init (ZpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = zp_document_dispose;
  object_class->finalize = zp_document_finalize;
  object_class->get_property = zp_document_get_property;
  object_class->set_property = zp_document_set_property;

  properties[PROP_WORKBOOK] = g_param_spec_object ("workbook", NULL, NULL, ZP_TYPE_WORKBOOK, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_UNDO_STACK] = g_param_spec_object ("undo-stack", NULL, NULL, ZP_TYPE_UNDO_STACK, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 1, G_MAXUINT, DEFAULT_AUTOSAVE_DELAY,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* NULL until the first autosave; a restored draft replaces it */
  properties[PROP_DRAFT] = g_param_spec_object ("draft", NULL, NULL, ZP_TYPE_DRAFT, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zp_document_init (ZpDocument *self)
{
  self->autosave_delay = DEFAULT_AUTOSAVE_DELAY;
  self->undo = zp_undo_stack_new ();
  g_signal_connect_object (self->undo, "notify::clean", G_CALLBACK (on_undo_changed), self,
                           G_CONNECT_SWAPPED);
  self->workbook_signals = g_signal_group_new (ZP_TYPE_WORKBOOK);
  g_signal_group_connect_swapped (self->workbook_signals, "changed", G_CALLBACK (on_workbook_edited), self);
  g_signal_group_connect_swapped (self->workbook_signals, "notify", G_CALLBACK (on_workbook_edited), self);
  g_signal_group_connect_swapped (self->workbook_signals, "explanations-changed",
                                  G_CALLBACK (on_workbook_edited), self);
  self->forms_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->forms_signals, "items-changed", G_CALLBACK (on_workbook_edited), self);
}

ZpDocument *
zp_document_new (void)
{
  return g_object_new (ZP_TYPE_DOCUMENT, NULL);
}
