/* zp-export-private.h — what the export writers share inside libzpexport.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-export.h"
#include "zp-layout.h"

G_BEGIN_DECLS

/* What to export, resolved from ZpExportOptions. */
typedef struct
{
  GArray       *forms;    /* guint positions in the workbook's forms list */
  gboolean      summary;  /* the whole workbook: add the summary (汇总表) */
  ZpLayoutKind  layout;
} ZpExportPlan;

gboolean  zp_export_plan_init     (ZpExportPlan           *plan,
                                   ZpWorkbook             *workbook,
                                   const ZpExportOptions  *options,
                                   GError                **error);
void      zp_export_plan_clear    (ZpExportPlan           *plan);

/* A temporary file beside the target, renamed into place by commit (zp-file-replace.h:
 * links followed, mode and owner kept). */
typedef struct
{
  char          *path;      /* the target as given, for messages */
  char          *tmp_path;  /* the temporary file, NULL once committed or removed */
  int            fd;        /* open on tmp_path, or −1 */
  ZpFileReplace *replace;
} ZpExportTarget;

gboolean  zp_export_target_open   (ZpExportTarget  *target,
                                   GFile           *file,
                                   GError         **error);
/* Closes the descriptor (writers that reopen the file by name call it first). */
gboolean  zp_export_target_close_fd (ZpExportTarget *target,
                                     GError        **error);
gboolean  zp_export_target_commit (ZpExportTarget  *target,
                                   GError         **error);
/* Removes the temporary file if it is still there; frees the strings. */
void      zp_export_target_clear  (ZpExportTarget  *target);

/* “Cannot write “path”: …” from errno (G_IO_ERROR) or from a library's reason. */
void      zp_export_set_errno_error (GError       **error,
                                     int            saved_errno,
                                     const char    *path);
void      zp_export_set_write_error (GError       **error,
                                     const char    *path,
                                     const char    *reason);

/* A decimal as the nearest double, for spreadsheet cells (parsed from its exact text). */
double    zp_export_decimal_to_double (ZpDecimal value);

gboolean  zp_export_write_xlsx    (ZpWorkbook          *workbook,
                                   const ZpExportPlan  *plan,
                                   ZpExportTarget      *target,
                                   GError             **error);
gboolean  zp_export_write_csv     (ZpWorkbook          *workbook,
                                   const ZpExportPlan  *plan,
                                   ZpExportTarget      *target,
                                   GError             **error);
/* Pages of these sheets (ZpSheet*, kept alive by the report) instead of a workbook's forms. */
/* Builds sheet `index` afresh each time it is asked (pagination changes the sheet). */
typedef ZpSheet *(*ZpSheetBuilder) (gpointer data,
                                    guint    index);
ZpReport *zp_report_new_for_sheets (guint               n_sheets,
                                    ZpSheetBuilder      build,
                                    gpointer            data,
                                    GDestroyNotify      destroy);
/* One sheet as a spreadsheet of one worksheet named after it. */
gboolean  zp_export_write_sheet_xlsx (ZpSheet          *sheet,
                                      ZpExportTarget   *target,
                                      GError          **error);
/* Pages of sheets as PDF: A4, landscape when their columns do not fit portrait. */
gboolean  zp_export_write_sheets_pdf (guint             n_sheets,
                                      ZpSheetBuilder    build,
                                      gpointer          data,
                                      const char       *title,
                                      ZpExportTarget   *target,
                                      GError          **error);

/* zp-docx.c */
gboolean  zp_export_write_docx    (ZpWorkbook          *workbook,
                                   const ZpExportPlan  *plan,
                                   ZpExportTarget      *target,
                                   GError             **error);
gboolean  zp_docx_write_sheets_to_target (GPtrArray     *sheets,
                                          ZpExportTarget *target,
                                          GError       **error);
gboolean  zp_export_write_pdf     (ZpWorkbook             *workbook,
                                   const ZpExportOptions  *options,
                                   ZpExportTarget         *target,
                                   GError                **error);

G_END_DECLS
