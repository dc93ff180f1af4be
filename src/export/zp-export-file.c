/* zp-export-file.c — exports land whole or not at all: a temporary file beside the
 * target, renamed over it only after a complete write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "zp-export-private.h"

void
zp_export_set_errno_error (GError     **error,
                           int          saved_errno,
                           const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
}

void
zp_export_set_write_error (GError     **error,
                           const char  *path,
                           const char  *reason)
{
  g_set_error (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_FAILED,
               _("Cannot write “%s”: %s"), path, reason);
}

gboolean
zp_export_target_open (ZpExportTarget  *target,
                       GFile           *file,
                       GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  target->fd = -1;
  target->tmp_path = NULL;
  target->path = g_file_get_path (file);
  if (target->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write “%s”: only local files can be exported to"), uri);
      return FALSE;
    }

  if (g_file_test (target->path, G_FILE_TEST_IS_DIR))
    {
      zp_export_set_errno_error (error, EISDIR, target->path);
      return FALSE;
    }

  dir = g_path_get_dirname (target->path);
  base = g_path_get_basename (target->path);
  name = g_strconcat (".", base, ".XXXXXX", NULL);
  target->tmp_path = g_build_filename (dir, name, NULL);
  target->fd = g_mkstemp_full (target->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (target->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&target->tmp_path, g_free);
      zp_export_set_errno_error (error, saved_errno, target->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
zp_export_target_close_fd (ZpExportTarget  *target,
                           GError         **error)
{
  int fd = target->fd;

  target->fd = -1;
  if (fd >= 0 && close (fd) != 0)
    {
      zp_export_set_errno_error (error, errno, target->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

gboolean
zp_export_target_commit (ZpExportTarget  *target,
                         GError         **error)
{
  if (target->fd >= 0)
    {
      if (fsync (target->fd) != 0)
        {
          zp_export_set_errno_error (error, errno, target->path);
          return FALSE;
        }
      if (!zp_export_target_close_fd (target, error))
        return FALSE;
    }
  else if (!sync_file (target->tmp_path))
    {
      zp_export_set_errno_error (error, errno, target->path);
      return FALSE;
    }

  if (g_rename (target->tmp_path, target->path) != 0)
    {
      zp_export_set_errno_error (error, errno, target->path);
      return FALSE;
    }
  g_clear_pointer (&target->tmp_path, g_free);
  return TRUE;
}

void
zp_export_target_clear (ZpExportTarget *target)
{
  if (target->fd >= 0)
    close (target->fd);
  target->fd = -1;
  if (target->tmp_path != NULL)
    g_unlink (target->tmp_path);
  g_clear_pointer (&target->tmp_path, g_free);
  g_clear_pointer (&target->path, g_free);
}

double
zp_export_decimal_to_double (ZpDecimal value)
{
  g_autofree char *text = zp_decimal_format (value, ZP_DECIMAL_PLACES);

  return g_ascii_strtod (text, NULL);
}
