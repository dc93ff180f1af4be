/* zp-file-replace.c — replacing a file whole or not at all (see zp-file-replace.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zp-file-replace.h"

/* As the kernel's own limit on links followed in one path. */
#define MAX_LINKS 40
/* An unlocked temporary file older than this is a leftover: a live writer locks its file
 * right after creating it. */
#define LEFTOVER_AGE_SECONDS 2

struct _ZpFileReplace
{
  char     *path;       /* as given, for messages */
  char     *target;     /* every link followed */
  char     *temp_path;  /* NULL once renamed or removed */
  int       fd;         /* write end, −1 once closed */
  int       lock_fd;    /* holds the flock while the temporary file exists */
};

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* `path` with every symbolic link followed, to a file that may not exist yet. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, link, NULL);
    }

  set_errno_error (error, ELOOP, path);
  return NULL;
}

/* Removes ".NAME.zp-tmp-XXXXXX" files beside `target` that nobody holds locked. */
static void
remove_leftovers (const char *target)
{
  g_autofree char *dir_path = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *prefix = g_strconcat (".", base, ZP_FILE_REPLACE_TEMP_INFIX, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;
      path = g_build_filename (dir_path, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
          && st.st_mtime <= now - LEFTOVER_AGE_SECONDS
          && flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

/* The permissions and owner of the file being replaced; a new file gets 0666 less the
 * umask (from g_mkstemp_full). */
static void
copy_mode (int          fd,
           const struct stat *st)
{
  if (fchmod (fd, st->st_mode & 0777) != 0)
    g_debug ("fchmod: %s", g_strerror (errno));
  if ((st->st_uid != geteuid () || st->st_gid != getegid ())
      && fchown (fd, st->st_uid, st->st_gid) != 0
      && fchown (fd, (uid_t) -1, st->st_gid) != 0)
    g_debug ("fchown: %s", g_strerror (errno));
}

ZpFileReplace *
zp_file_replace_begin (const char  *path,
                       GError     **error)
{
  g_autoptr(ZpFileReplace) self = g_new0 (ZpFileReplace, 1);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  struct stat st;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);

  self->fd = -1;
  self->lock_fd = -1;
  self->path = g_strdup (path);
  self->target = resolve_links (path, error);
  if (self->target == NULL)
    return NULL;

  exists = stat (self->target, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      set_errno_error (error, EISDIR, path);
      return NULL;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Cannot write “%s”: it is not a regular file"), path);
      return NULL;
    }

  remove_leftovers (self->target);

  dir = g_path_get_dirname (self->target);
  base = g_path_get_basename (self->target);
  name = g_strconcat (".", base, ZP_FILE_REPLACE_TEMP_INFIX, "XXXXXX", NULL);
  self->temp_path = g_build_filename (dir, name, NULL);
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, exists ? 0600 : 0666);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->temp_path, g_free);
      set_errno_error (error, saved_errno, path);
      return NULL;
    }

  /* Locked through a second descriptor of the same open file, so that a writer closing
   * the write end keeps the lock. */
  self->lock_fd = fcntl (self->fd, F_DUPFD_CLOEXEC, 0);
  if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  if (exists)
    copy_mode (self->fd, &st);
  return g_steal_pointer (&self);
}

int
zp_file_replace_get_fd (ZpFileReplace *self)
{
  return self->fd;
}

const char *
zp_file_replace_get_temp_path (ZpFileReplace *self)
{
  return self->temp_path;
}

const char *
zp_file_replace_get_target (ZpFileReplace *self)
{
  return self->target;
}

gboolean
zp_file_replace_close_fd (ZpFileReplace  *self,
                          GError        **error)
{
  int fd = self->fd;

  self->fd = -1;
  if (fd >= 0 && close (fd) != 0)
    return set_errno_error (error, errno, self->path);
  return TRUE;
}

static gboolean
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0 || errno == EINVAL;  /* some file systems cannot sync a folder */
  close (fd);
  return ok;
}

gboolean
zp_file_replace_commit (ZpFileReplace  *self,
                        GError        **error)
{
  int fd;

  g_return_val_if_fail (self->temp_path != NULL, FALSE);

  /* Writers that wrote by name closed the write end: sync through a new one. */
  fd = self->fd >= 0 ? self->fd : open (self->temp_path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0 && fd != self->fd)
        close (fd);
      return set_errno_error (error, saved_errno, self->path);
    }
  if (fd != self->fd)
    close (fd);
  if (!zp_file_replace_close_fd (self, error))
    return FALSE;

  if (g_rename (self->temp_path, self->target) != 0)
    return set_errno_error (error, errno, self->path);
  g_clear_pointer (&self->temp_path, g_free);

  if (!sync_folder (self->target))
    return set_errno_error (error, errno, self->path);
  return TRUE;
}

void
zp_file_replace_free (ZpFileReplace *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->temp_path);
  g_free (self->target);
  g_free (self->path);
  g_free (self);
}

gboolean
zp_file_replace_write (ZpFileReplace  *self,
                       const char     *data,
                       gsize           length,
                       GError        **error)
{
  gsize done = 0;

  g_return_val_if_fail (self->fd >= 0, FALSE);

  while (done < length)
    {
      gssize n = write (self->fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, errno, self->path);
      done += n;
    }
  return TRUE;
}

gboolean
zp_file_replace_contents (const char  *path,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(ZpFileReplace) replace = zp_file_replace_begin (path, error);

  if (replace == NULL)
    return FALSE;
  if (!zp_file_replace_write (replace, data, length, error))
    return FALSE;
  return zp_file_replace_commit (replace, error);
}
