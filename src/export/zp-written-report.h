/* zp-written-report.h — the written report (预算绩效情况说明 / 自评报告) generated from a
 * workbook by a report template (zp-report-template.h).
 *
 * Every figure a paragraph quotes comes from the forms as the workbook scores them, so the
 * report cannot drift from the forms it accompanies. Each paragraph remembers the figures it
 * quotes (for a later check of edited text). Sections with a length limit in the template
 * are checked: zp_written_report_get_overruns() lists the ones that are too long.
 *
 * Outputs: plain text (UTF-8, paragraphs indented with two ideographic spaces), PDF (A4,
 * through cairo and pango) and .docx (zp-docx.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ziping-core.h"
#include "zp-report-template.h"

G_BEGIN_DECLS

typedef enum
{
  ZP_REPORT_PARAGRAPH_TITLE,
  ZP_REPORT_PARAGRAPH_HEADING,
  ZP_REPORT_PARAGRAPH_BODY,
} ZpReportParagraphKind;

typedef struct
{
  ZpReportParagraphKind  kind;
  char                  *section;  /* the template section's id */
  char                  *text;
  GStrv                  figures;  /* the figures it quotes, as printed ("0.80", "100%") */
  char                  *key;      /* stable within a template: "section:block[:item]" */
  /* The user's edit (zp_workbook_get_report_edit): text is then the user's text and
   * generated what the template gives now; stale when that differs from the generated
   * text the edit was made on, i.e. the figures it quoted may no longer match the forms. */
  gboolean               edited;
  gboolean               stale;
  char                  *generated;  /* NULL unless edited */
  char                  *based_on;   /* the generated text the edit was made on; NULL unless edited */
} ZpReportParagraph;

/* A section longer than its template's limit. */
typedef struct
{
  char  *section;  /* id */
  char  *heading;
  guint  length;   /* characters, whitespace not counted */
  guint  limit;
} ZpReportOverrun;

#define ZP_TYPE_WRITTEN_REPORT (zp_written_report_get_type ())
G_DECLARE_FINAL_TYPE (ZpWrittenReport, zp_written_report, ZP, WRITTEN_REPORT, GObject)

/* template NULL: the scheme's default (zp_report_template_new_for_scheme). The workbook's
 * edited paragraphs (zp_workbook_get_report_edits) replace the generated ones. */
ZpWrittenReport         *zp_written_report_generate        (ZpWorkbook        *workbook,
                                                            ZpReportTemplate  *template_);
guint                    zp_written_report_get_n_paragraphs (ZpWrittenReport  *self);
const ZpReportParagraph *zp_written_report_get_paragraph   (ZpWrittenReport   *self,
                                                            guint              i);
/* The paragraph with that key, or NULL. */
const ZpReportParagraph *zp_written_report_find_paragraph  (ZpWrittenReport   *self,
                                                            const char        *key);
/* ZpReportOverrun*, in section order; empty when every limit holds. */
GPtrArray               *zp_written_report_get_overruns    (ZpWrittenReport   *self);
/* "“三、存在问题及原因” has 230 characters; the limit is 200", translated. */
char                    *zp_report_overrun_describe        (const ZpReportOverrun *overrun);

/* The whole report as text. */
char                    *zp_written_report_to_text         (ZpWrittenReport   *self);

/* Each writes beside the file and renames into place when complete. */
gboolean                 zp_written_report_write_text      (ZpWrittenReport   *self,
                                                            GFile             *file,
                                                            GError           **error);
gboolean                 zp_written_report_write_pdf       (ZpWrittenReport   *self,
                                                            GFile             *file,
                                                            GError           **error);

G_END_DECLS
