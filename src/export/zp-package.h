/* zp-package.h — one submission package: everything a bureau receives from a unit, with a
 * manifest it can verify.
 *
 * A folder (or a .zip of the same files) holding the forms as PDF and .xlsx (forms.pdf,
 * forms.xlsx; forms.docx when asked), the written report (report.pdf, report.txt;
 * report.docx), the 汇总表 (summary.xlsx, summary.pdf; summary.docx),
 * the evidence files (佐证材料, under evidence/ as the workbook names them), the .ziping
 * itself, manifest.json (unit, year, every file with its size and SHA-256) and SHA256SUMS
 * (the same checksums in the format `sha256sum -c` reads).
 *
 * The package is built in a temporary folder beside the target and renamed into place
 * (a .zip is written to a temporary file and renamed): a failed package leaves nothing
 * half-written where the user looks. It is refused while the workbook has errors or an
 * evidence file is missing (or lies outside the workbook's folder), unless forced: then the
 * missing files are left out and listed in the manifest under "missing".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ziping-core.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean force;     /* package a workbook with errors; replace an existing target */
  gboolean docx;      /* add the forms, the report and the 汇总表 as .docx */
} ZpPackageOptions;

#define ZP_PACKAGE_ERROR (zp_package_error_quark ())
typedef enum
{
  ZP_PACKAGE_ERROR_HAS_ERRORS,  /* the workbook has errors (zp_check_workbook) */
  ZP_PACKAGE_ERROR_EXISTS,      /* the target exists */
  ZP_PACKAGE_ERROR_EVIDENCE,    /* an evidence file is missing or outside the folder */
  ZP_PACKAGE_ERROR_FAILED,
} ZpPackageError;

GQuark     zp_package_error_quark  (void);

/* source: the workbook's file (copied into the package, and the base of evidence paths).
 * A target ending in .zip is a zip file, anything else a folder. On success *files (if not
 * NULL) holds the package's relative paths in order. */
gboolean   zp_package_write        (ZpWorkbook              *workbook,
                                    GFile                   *source,
                                    const ZpPackageOptions  *options,
                                    GFile                   *target,
                                    GStrv                   *files,
                                    GError                 **error);

/* The lowercase hex SHA-256 of a file's bytes, or NULL with error. */
char      *zp_package_file_sha256  (const char              *path,
                                    GError                 **error);

G_END_DECLS
