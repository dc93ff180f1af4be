/* zp-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zp-draft.h"

struct _ZpDraft
{
  GObject    parent_instance;

  char      *id;
  int        lock_fd;
  /* written by zp_draft_write(), which may run in a worker */
  GMutex     mutex;
  GFile     *file;
  char      *etag;
  GDateTime *time;
};

G_DEFINE_FINAL_TYPE (ZpDraft, zp_draft, G_TYPE_OBJECT)

static char *
drafts_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "ziping", "drafts", NULL);
}

static char *
draft_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The exclusive lock on <id>.lock, or -1 when another process (or another ZpDraft of this
 * one) holds it. The lock file found is checked to be the one still at its path: an owner
 * deleting its draft unlinks it while holding the lock. */
static int
take_lock (const char *id)
{
  g_autofree char *path = draft_path (id, ".lock");
  struct stat by_fd, by_path;
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0 ||
      fstat (fd, &by_fd) != 0 || g_stat (path, &by_path) != 0 ||
      by_fd.st_ino != by_path.st_ino || by_fd.st_dev != by_path.st_dev)
    {
      close (fd);
      return -1;
    }
  return fd;
}

static ZpDraft *
draft_new_locked (const char *id,
                  int         fd)
{
  ZpDraft *self = g_object_new (ZP_TYPE_DRAFT, NULL);

  self->id = g_strdup (id);
  self->lock_fd = fd;
  return self;
}

static void
read_info (ZpDraft *self)
{
  g_autofree char *path = draft_path (self->id, ".ini");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *uri = NULL;
  g_autofree char *time = NULL;

  if (!g_key_file_load_from_file (info, path, G_KEY_FILE_NONE, NULL))
    return;
  uri = g_key_file_get_string (info, "draft", "uri", NULL);
  time = g_key_file_get_string (info, "draft", "time", NULL);
  self->etag = g_key_file_get_string (info, "draft", "etag", NULL);
  if (uri != NULL && *uri != '\0')
    self->file = g_file_new_for_uri (uri);
  if (time != NULL)
    self->time = g_date_time_new_from_iso8601 (time, NULL);
}

ZpDraft *
zp_draft_new (void)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *id = g_uuid_string_random ();
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Could not create %s: %s", dir, g_strerror (errno));
      return NULL;
    }
  fd = take_lock (id);
  if (fd < 0)
    {
      g_warning ("Could not lock a recovery draft in %s", dir);
      return NULL;
    }
  return draft_new_locked (id, fd);
}

static gint
compare_time (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  GDateTime *ta = ((ZpDraft *) a)->time;
  GDateTime *tb = ((ZpDraft *) b)->time;

  if (ta == NULL || tb == NULL)
    return (ta == NULL) - (tb == NULL);
  return g_date_time_compare (ta, tb);
}

/* An unlocked draft with contents; an unlocked lock file alone is a leftover and goes. */
static ZpDraft *
claim_orphan (const char *id)
{
  g_autofree char *data = draft_path (id, ".ziping");
  int fd = take_lock (id);
  ZpDraft *draft;

  if (fd < 0)
    return NULL;
  draft = draft_new_locked (id, fd);
  if (!g_file_test (data, G_FILE_TEST_EXISTS))
    {
      zp_draft_delete (draft);
      g_object_unref (draft);
      return NULL;
    }
  read_info (draft);
  return draft;
}

GListModel *
zp_draft_list_orphans (void)
{
  g_autofree char *path = drafts_dir ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GListStore *store = g_list_store_new (ZP_TYPE_DRAFT);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      ZpDraft *draft;

      if (!g_str_has_suffix (name, ".lock"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".lock"));
      draft = claim_orphan (id);
      if (draft != NULL)
        g_list_store_insert_sorted (store, draft, compare_time, NULL);
      g_clear_object (&draft);
    }
  return G_LIST_MODEL (store);
}

ZpDraft *
zp_draft_find_orphan (GFile *file)
{
  g_autoptr(GListModel) orphans = zp_draft_list_orphans ();

  /* newest first */
  for (guint i = g_list_model_get_n_items (orphans); i > 0; i--)
    {
      g_autoptr(ZpDraft) draft = g_list_model_get_item (orphans, i - 1);

      if (draft->file != NULL && g_file_equal (draft->file, file))
        return g_steal_pointer (&draft);
    }
  return NULL;
}

GFile *
zp_draft_get_file (ZpDraft *self)
{
  g_return_val_if_fail (ZP_IS_DRAFT (self), NULL);

  return self->file;
}

GDateTime *
zp_draft_get_time (ZpDraft *self)
{
  g_return_val_if_fail (ZP_IS_DRAFT (self), NULL);

  return self->time;
}

const char *
zp_draft_get_etag (ZpDraft *self)
{
  g_return_val_if_fail (ZP_IS_DRAFT (self), NULL);

  return self->etag && *self->etag ? self->etag : NULL;
}

char *
zp_draft_dup_title (ZpDraft *self)
{
  g_return_val_if_fail (ZP_IS_DRAFT (self), NULL);

  return self->file ? g_file_get_basename (self->file) : g_strdup (_("Unsaved workbook"));
}

static gboolean
write_info (ZpDraft     *self,
            GFile       *file,
            const char  *etag,
            GDateTime   *time,
            GError     **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *path = draft_path (self->id, ".ini");
  g_autofree char *uri = file ? g_file_get_uri (file) : g_strdup ("");
  g_autofree char *when = g_date_time_format_iso8601 (time);
  g_autofree char *text = NULL;
  gsize length;

  g_key_file_set_string (info, "draft", "uri", uri);
  g_key_file_set_string (info, "draft", "time", when);
  g_key_file_set_string (info, "draft", "etag", etag ? etag : "");
  text = g_key_file_to_data (info, &length, NULL);
  return g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* The draft shows its new time only once both files are on disk. */
gboolean
zp_draft_write (ZpDraft     *self,
                const char  *data,
                gsize        length,
                GFile       *file,
                const char  *etag,
                GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (ZP_IS_DRAFT (self), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  path = draft_path (self->id, ".ziping");
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error) ||
      !write_info (self, file, etag, now, error))
    return FALSE;
  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = g_date_time_ref (now);
  return TRUE;
}

GFile *
zp_draft_dup_data_file (ZpDraft *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ZP_IS_DRAFT (self), NULL);

  path = draft_path (self->id, ".ziping");
  return g_file_new_for_path (path);
}

void
zp_draft_clear (ZpDraft *self)
{
  g_autofree char *data = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (ZP_IS_DRAFT (self));

  locker = g_mutex_locker_new (&self->mutex);
  data = draft_path (self->id, ".ziping");
  info = draft_path (self->id, ".ini");
  g_unlink (data);
  g_unlink (info);
  g_clear_pointer (&self->time, g_date_time_unref);
}

void
zp_draft_delete (ZpDraft *self)
{
  g_autofree char *lock = NULL;

  g_return_if_fail (ZP_IS_DRAFT (self));

  zp_draft_clear (self);
  if (self->lock_fd < 0)
    return;
  /* Unlinked while still locked, so nobody takes the lock of a half-deleted draft. */
  lock = draft_path (self->id, ".lock");
  g_unlink (lock);
  close (self->lock_fd);
  self->lock_fd = -1;
}

static void
zp_draft_finalize (GObject *object)
{
  ZpDraft *self = ZP_DRAFT (object);

  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->id, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (zp_draft_parent_class)->finalize (object);
}

static void
zp_draft_class_init (ZpDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zp_draft_finalize;
}

static void
zp_draft_init (ZpDraft *self)
{
  self->lock_fd = -1;
  g_mutex_init (&self->mutex);
}
