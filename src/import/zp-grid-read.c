/* zp-grid-read.c — which reader a file needs, decided from its first bytes, never from
 * its name: a zip (PK) is .xlsx, an OLE2 container is .xls / .et (or an encrypted
 * .xlsx), XML with a SpreadsheetML root is the 2003 XML format, and text holding a
 * <table> is the HTML that web systems save as ".xls".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zp-grid-private.h"

static const guint8 OLE2_MAGIC[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

/* Case-insensitive search in the first `limit` bytes. */
static gboolean
has_word (const guint8 *data,
          gsize         length,
          gsize         limit,
          const char   *word)
{
  gsize n = strlen (word);

  length = MIN (length, limit);
  for (gsize i = 0; i + n <= length; i++)
    if (g_ascii_strncasecmp ((const char *) data + i, word, n) == 0)
      return TRUE;
  return FALSE;
}

ZpGrid *
zp_grid_read_data (const guint8 *data,
                   gsize         length,
                   const char   *display_name,
                   GError      **error)
{
  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      GsfInput *input = gsf_input_memory_new (data, length, FALSE);
      ZpGrid *grid = zp_grid_read_xlsx (input, display_name, error);

      g_object_unref (input);
      return grid;
    }
  if (length >= 8 && memcmp (data, OLE2_MAGIC, 8) == 0)
    {
      GsfInput *input = gsf_input_memory_new (data, length, FALSE);
      ZpGrid *grid = zp_grid_read_ole2 (input, display_name, error);

      g_object_unref (input);
      return grid;
    }
  /* Text formats: look at the start (after a byte order mark and any preamble). */
  if (has_word (data, length, 4096, "urn:schemas-microsoft-com:office:spreadsheet")
      || has_word (data, length, 4096, "progid=\"Excel.Sheet\""))
    return zp_grid_read_spreadsheetml (data, length, display_name, error);
  if (has_word (data, length, 1024 * 1024, "<table"))
    return zp_grid_read_html (data, length, display_name, error);

  if (length == 0)
    g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_UNKNOWN_KIND,
                 _("%s is empty"), display_name);
  else if (length >= 2 && memcmp (data, "PK", 2) == 0)
    g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_DAMAGED,
                 _("%s is a damaged zip file: was it copied whole? Open it in Excel, WPS or "
                   "LibreOffice and save it again"), display_name);
  else
    g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_UNKNOWN_KIND,
                 _("%s is not a spreadsheet Ziping reads (.xlsx, .xls, .et, SpreadsheetML "
                   "2003 or an HTML table); save it as .xlsx and import that"), display_name);
  return NULL;
}

ZpGrid *
zp_grid_read_file (const char  *path,
                   GError     **error)
{
  g_autofree char *display_name = g_path_get_basename (path);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;

  mapped = g_mapped_file_new (path, FALSE, &local);
  if (mapped == NULL)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_UNKNOWN_KIND,
                   "%s", local->message);
      return NULL;
    }
  length = g_mapped_file_get_length (mapped);
  if (length > ZP_GRID_MAX_FILE)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_TOO_LARGE,
                   _("%s is larger than %d MB; split it into smaller files"),
                   display_name, ZP_GRID_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  return zp_grid_read_data ((const guint8 *) g_mapped_file_get_contents (mapped), length,
                            display_name, error);
}
