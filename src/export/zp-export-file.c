/* zp-export-file.c — exports land whole or not at all, through the same atomic replace
 * as saving (src/core/zp-file-replace.c).
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
  target->fd = -1;
  target->tmp_path = NULL;
  target->replace = NULL;
  target->path = g_file_get_path (file);
  if (target->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write “%s”: only local files can be exported to"), uri);
      return FALSE;
    }

  /* The same replace as saving: every link followed, the target's mode and owner kept. */
  target->replace = zp_file_replace_begin (target->path, error);
  if (target->replace == NULL)
    return FALSE;
  target->fd = zp_file_replace_get_fd (target->replace);
  target->tmp_path = g_strdup (zp_file_replace_get_temp_path (target->replace));
  return TRUE;
}

gboolean
zp_export_target_close_fd (ZpExportTarget  *target,
                           GError         **error)
{
  target->fd = -1;
  return target->replace == NULL || zp_file_replace_close_fd (target->replace, error);
}

gboolean
zp_export_target_commit (ZpExportTarget  *target,
                         GError         **error)
{
  target->fd = -1;
  if (!zp_file_replace_commit (target->replace, error))
    return FALSE;
  g_clear_pointer (&target->tmp_path, g_free);
  return TRUE;
}

void
zp_export_target_clear (ZpExportTarget *target)
{
  target->fd = -1;
  g_clear_pointer (&target->replace, zp_file_replace_free);
  g_clear_pointer (&target->tmp_path, g_free);
  g_clear_pointer (&target->path, g_free);
}

double
zp_export_decimal_to_double (ZpDecimal value)
{
  g_autofree char *text = zp_decimal_format (value, ZP_DECIMAL_PLACES);

  return g_ascii_strtod (text, NULL);
}
