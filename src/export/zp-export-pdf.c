/* zp-export-pdf.c — the PDF export: ZpReport's pages on A4, through cairo's PDF surface
 * (fonts embedded as subsets), written to the export's temporary file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <unistd.h>

#include "zp-export-private.h"

typedef struct
{
  int fd;
  int saved_errno;
} PdfStream;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  PdfStream *stream = closure;

  while (length > 0)
    {
      gssize n = write (stream->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          stream->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
pdf_status_ok (cairo_status_t    status,
               const PdfStream  *stream,
               const char       *path,
               GError          **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (stream->saved_errno != 0)
    zp_export_set_errno_error (error, stream->saved_errno, path);
  else
    zp_export_set_write_error (error, path, cairo_status_to_string (status));
  return FALSE;
}

/* Lays report out on A4 (turned if its tables prefer it) and writes its pages as a PDF
 * titled title to target. */
static gboolean
write_report (ZpReport        *report,
              const char      *title,
              ZpExportTarget  *target,
              GError         **error)
{
  PdfStream stream = { target->fd, 0 };
  double width = ZP_A4_WIDTH, height = ZP_A4_HEIGHT;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages = zp_report_paginate (report, width, height);

  if (zp_report_prefers_landscape (report))
    {
      width = ZP_A4_HEIGHT;
      height = ZP_A4_WIDTH;
      n_pages = zp_report_paginate (report, width, height);
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &stream, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ziping");
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      zp_report_draw_page (report, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return pdf_status_ok (status, &stream, target->path, error);
}

gboolean
zp_export_write_pdf (ZpWorkbook             *workbook,
                     const ZpExportOptions  *options,
                     ZpExportTarget         *target,
                     GError                **error)
{
  g_autoptr(ZpReport) report = zp_report_new (workbook, options);
  g_autofree char *title = g_strdup_printf ("%u 年度%s绩效自评表", zp_workbook_get_year (workbook),
                                            zp_workbook_get_unit (workbook));

  return write_report (report, title, target, error);
}

gboolean
zp_export_write_sheets_pdf (guint            n_sheets,
                            ZpSheetBuilder   build,
                            gpointer         data,
                            const char      *title,
                            ZpExportTarget  *target,
                            GError         **error)
{
  g_autoptr(ZpReport) report = zp_report_new_for_sheets (n_sheets, build, data, NULL);

  return write_report (report, title, target, error);
}
