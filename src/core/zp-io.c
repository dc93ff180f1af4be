/* zp-io.c — reading and writing .ziping files (docs/file-format.md).
 *
 * This file holds the entry points; the parts are in zp-io-fast.c (the fast reader),
 * zp-io-loader.c, zp-io-position.c and zp-io-writer.c.
 *
 * Files as Ziping writes them are read in one pass straight into the model (the fast
 * reader, zp-io-fast.c): a district's workbook would take five times its size in
 * json-glib's tree. Anything else — or anything wrong — goes to the loader, which parses
 * with json-glib, then validates every member while it builds the model, and explains.
 * json-glib nodes carry no position, so positions are found only when something is wrong:
 * the loader keeps the JSON path of what it is reading (forms[3].goals[0].weight), and on
 * an error a small scanner walks the text to find that member's line and column. The same
 * scanner explains JSON syntax errors, with columns counted in characters, not bytes.
 *
 * Saving writes the JSON itself (fixed member order, 2-space indent, "\n" at the end), so
 * that two saves of the same workbook are byte-identical.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ziping-core.h"
#include "zp-goal-private.h"
#include "zp-indicator-private.h"
#include "zp-io-private.h"

G_DEFINE_QUARK (zp-io-error-quark, zp_io_error)

static void
set_syntax_error (GError     **error,
                  const char  *display_name,
                  const char  *text,
                  gsize        length,
                  GError      *json_error)
{
  Walker w = { 0 };
  guint line, column;

  w.text = text;
  w.length = length;
  w.found = G_MAXSIZE;

  if (!_zp_io_walker_document (&w) && w.error_message != NULL)
    {
      _zp_io_position_of (text, w.error_pos, &line, &column);
      g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX, "%s:%u:%u: %s",
                   display_name, line, column, w.error_message);
    }
  else
    {
      /* json-glib found what the scanner did not: pass its words on ("<data>:2:9: …"). */
      const char *message = json_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX, "%s:%s", display_name, message);
    }
  g_free (w.error_message);
}

/* Reads `length` bytes only: the buffer need not end in a NUL. */
static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n')
      return FALSE;
  return TRUE;
}

static gboolean
check_text (const char  *text,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  const char *end = NULL;
  guint line, column;

  if (!g_utf8_validate_len (text, length, &end))
    {
      _zp_io_position_of (text, end - text, &line, &column);
      if (*end == '\0')
        g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX,
                     _("%s:%u:%u: the file holds a NUL byte: it is not a text file"),
                     display_name, line, column);
      else
        g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX,
                   _("%s:%u:%u: the text is not UTF-8 (byte 0x%02X); save the file as UTF-8"),
                   display_name, line, column, (guchar) *end);
      return FALSE;
    }

  if (is_blank (text, length))
    {
      g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX,
                   _("%s:1:1: the file is empty; expected a .ziping document"), display_name);
      return FALSE;
    }
  return TRUE;
}

/* json-glib is only given text the walker took whole (see Walker): it agrees with
 * json-glib on every token, so nothing deeper than MAX_NESTING reaches json-glib's
 * recursive parser, and no error is left without a position. */
static gboolean
check_syntax (const char  *text,
              gsize        length,
              const char  *display_name,
              GError     **error)
{
  Walker w = { 0 };
  guint line, column;

  w.text = text;
  w.length = length;
  w.found = G_MAXSIZE;
  if (_zp_io_walker_document (&w))
    return TRUE;

  _zp_io_position_of (text, w.error_pos, &line, &column);
  g_set_error (error, ZP_IO_ERROR, w.nested ? ZP_IO_ERROR_FORMAT : ZP_IO_ERROR_SYNTAX,
               "%s:%u:%u: %s", display_name, line, column, w.error_message);
  g_free (w.error_message);
  return FALSE;
}

static void
set_too_large (GError     **error,
               const char  *name,
               guint64      size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
  g_autofree char *max = g_format_size_full (ZP_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, ZP_IO_ERROR, ZP_IO_ERROR_TOO_LARGE,
               _("%s is %s; Ziping opens files of up to %s"), name, size_text, max);
}

/* json-glib's tree of a text that passed the checks that keep json-glib safe (valid UTF-8,
 * bounded nesting, tokens as its scanner reads them): the slow path of workbooks and scheme
 * files alike. NULL, with the message, when the text is refused. */
static JsonParser *
parse_checked (const char  *data,
               gsize        length,
               const char  *display_name,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;

  if (!check_text (data, length, display_name, error)
      || !check_syntax (data, length, display_name, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      set_syntax_error (error, display_name, data, length, json_error);
      return NULL;
    }
  return g_steal_pointer (&parser);
}

ZpWorkbook *
zp_workbook_load_from_data (const char  *data,
                            gsize        length,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  ZpWorkbook *workbook;
  Loader loader = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "<data>";
  if (length == (gsize) -1)
    length = strlen (data);

  if (length > ZP_FILE_MAX_SIZE)
    {
      set_too_large (error, display_name, length);
      return NULL;
    }

  /* A byte order mark is not JSON, but some editors write one. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* The fast reader validates UTF-8 itself, in strings as it reads them (outside them it
   * takes ASCII JSON syntax only): the whole text is validated here only when it gives up. */
  workbook = _zp_io_fast_load (data, length);
  if (workbook != NULL)
    return workbook;

  parser = parse_checked (data, length, display_name, error);
  if (parser == NULL)
    return NULL;

  loader.text = data;
  loader.length = length;
  loader.display_name = display_name;
  loader.error = error;
  return _zp_io_load_workbook (&loader, json_parser_get_root (parser));
}

ZpWorkbook *
zp_workbook_load (GFile   *file,
                  GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder, not a .ziping file"), name);
      return NULL;
    }
  /* A pipe or a device would block or never end. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s is not a regular file"), name);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > ZP_FILE_MAX_SIZE)
    {
      set_too_large (error, name, size);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return zp_workbook_load_from_data (contents, length, name, error);
}

/* Scheme files **************************************************************************/

ZpScheme *
zp_scheme_load_from_data (const char  *data,
                          gsize        length,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  Loader loader = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "<data>";
  if (length == (gsize) -1)
    length = strlen (data);
  /* A scheme is a few hundred bytes: anything large is not one. */
  if (length > 1024 * 1024)
    {
      set_too_large (error, display_name, length);
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  parser = parse_checked (data, length, display_name, error);
  if (parser == NULL)
    return NULL;

  loader.text = data;
  loader.length = length;
  loader.display_name = display_name;
  loader.error = error;
  return _zp_io_load_scheme_document (&loader, json_parser_get_root (parser));
}

ZpScheme *
zp_scheme_load (GFile   *file,
                GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  name = g_file_get_basename (file);
  return zp_scheme_load_from_data (contents, length, name, error);
}
