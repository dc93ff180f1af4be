/* zp-io.h — reading and writing .ziping files (UTF-8 JSON; docs/file-format.md).
 *
 * Loading never passes on a partial model: on any error it returns NULL with a message that
 * names the file, the line and column and what was expected. Saving writes a temporary file
 * beside the target and renames it over the old one only after a complete write and flush.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zp-types.h"

G_BEGIN_DECLS

#define ZP_FILE_FORMAT_NAME    "ziping"
#define ZP_FILE_FORMAT_VERSION 2
/* A scheme on its own, as a bureau hands it to its units (.json) */
#define ZP_SCHEME_FORMAT_NAME  "ziping-scheme"
/* Larger files are refused with ZP_IO_ERROR_TOO_LARGE before reading them. */
#define ZP_FILE_MAX_SIZE       (128 * 1024 * 1024)

#define ZP_IO_ERROR (zp_io_error_quark ())

typedef enum
{
  ZP_IO_ERROR_SYNTAX,     /* not JSON */
  ZP_IO_ERROR_FORMAT,     /* JSON, but not a .ziping document */
  ZP_IO_ERROR_VERSION,    /* written by a newer Ziping */
  ZP_IO_ERROR_TYPE,       /* a member of the wrong JSON type */
  ZP_IO_ERROR_MISSING,    /* a required member is missing */
  ZP_IO_ERROR_VALUE,      /* a value out of range or not one of the allowed words */
  ZP_IO_ERROR_TOO_LARGE,
} ZpIoError;

GQuark      zp_io_error_quark          (void);

ZpWorkbook *zp_workbook_load           (GFile        *file,
                                        GError      **error);
/* display_name is used in messages ("example.ziping:12:7: …"). */
ZpWorkbook *zp_workbook_load_from_data (const char   *data,
                                        gsize         length,
                                        const char   *display_name,
                                        GError      **error);
gboolean    zp_workbook_save           (ZpWorkbook   *self,
                                        GFile        *file,
                                        GError      **error);
/* The exact bytes zp_workbook_save() writes (pretty-printed, stable member order, "\n" at
 * the end). */
char       *zp_workbook_to_data        (ZpWorkbook   *self,
                                        gsize        *length);
/* zp_workbook_to_data()'s bytes as immutable GBytes pieces to be written in order: each
 * form's text is kept from the last call until the form changes, so after an edit only
 * that form is serialised again. The pieces touch no model object. */
GPtrArray  *zp_workbook_to_chunks      (ZpWorkbook   *self);
/* Serialises and keeps the text of up to n forms from `from` (one slice of the work of a
 * first zp_workbook_to_chunks(), for an idle callback); returns the position after them,
 * the number of forms when all are kept. */
guint       zp_workbook_keep_form_texts (ZpWorkbook  *self,
                                        guint        from,
                                        guint        n);
/* The pieces joined into one buffer (for a worker thread). */
char       *zp_chunks_join             (GPtrArray    *chunks,
                                        gsize        *length);
/* Writes bytes from zp_workbook_to_data() as zp_workbook_save() does; it touches no model
 * object, so it may run in a worker thread while the model is being edited. */
gboolean    zp_workbook_save_data      (GFile        *file,
                                        const char   *data,
                                        gsize         length,
                                        GError      **error);

/* Scheme files: {"format": "ziping-scheme", "version": 2, "scheme": {…}} with the scheme as
 * a workbook holds it. Errors as for workbooks. */
ZpScheme   *zp_scheme_load             (GFile        *file,
                                        GError      **error);
ZpScheme   *zp_scheme_load_from_data   (const char   *data,
                                        gsize         length,
                                        const char   *display_name,
                                        GError      **error);
char       *zp_scheme_to_data          (ZpScheme     *scheme,
                                        gsize        *length);
gboolean    zp_scheme_save             (ZpScheme     *scheme,
                                        GFile        *file,
                                        GError      **error);

G_END_DECLS
