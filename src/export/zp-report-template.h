/* zp-report-template.h — the written report's wording, as data.
 *
 * A template (data/report/ as JSON, built into the library as a GResource; or any file of
 * the same shape) holds the title, the sections with their headings and paragraphs, and
 * the phrases a paragraph is assembled from. Paragraphs quote the workbook through
 * placeholders in braces ("{project_budget}"); a paragraph may repeat for each project,
 * each problem or each measure ("each"), or appear only when the workbook has a
 * department form ("when": "department"). A section may carry a length limit in
 * characters ("limit": 200), which the report checks. Each template names the schemes it
 * is the default for. docs/report-templates.md describes the members.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ziping-core.h"

G_BEGIN_DECLS

#define ZP_TYPE_REPORT_TEMPLATE (zp_report_template_get_type ())
G_DECLARE_FINAL_TYPE (ZpReportTemplate, zp_report_template, ZP, REPORT_TEMPLATE, GObject)

typedef enum
{
  ZP_REPORT_EACH_NONE,
  ZP_REPORT_EACH_PROJECT,
  ZP_REPORT_EACH_PROBLEM,
  ZP_REPORT_EACH_MEASURE,
} ZpReportEach;

typedef struct
{
  ZpReportEach  each;
  gboolean      needs_department;
  char         *text;
  char         *empty;   /* for "each": the paragraph when there is nothing; or NULL */
} ZpReportBlock;

typedef struct
{
  char      *id;
  char      *heading;
  gboolean   needs_department;
  guint      limit;      /* characters; 0: none */
  GPtrArray *blocks;     /* ZpReportBlock* */
} ZpReportSection;

/* How a project's 主要产出和效益 are phrased from its met indicators. */
typedef struct
{
  GStrv  categories;     /* 一级指标 to quote, in this order */
  GStrv  skip_subcategories; /* 二级指标 not quoted ("成本指标") */
  guint  max;            /* at most this many; 0: all */
  char  *quantitative;   /* "{name}{actual}" */
  char  *qualitative;    /* "{name}{actual}": a text target */
  char  *overlapping;    /* "{actual}{name}" when the actual ends with the words the name
                          * starts with ("有效保障" + "保障视频会议顺利召开"); {name} is then
                          * the name without them */
  char  *zero;           /* "{name}零发生": a target of 0 met */
  char  *separator;      /* "；" */
  char  *empty;          /* when none is met */
} ZpReportOutputs;

/* Phrases of the problems and measures lists; NULL members are not listed. */
typedef struct
{
  char *analysis;        /* a form's 偏差大或目标未完成原因分析: {form} {text} */
  char *improvement;     /* a form's 改进措施及结果应用方案: {form} {text} */
  char *deviation;       /* problems: an indicator below full marks with its note */
  char *missing_note;    /* problems: the same without a note */
  char *measure_deviation; /* measures: an indicator's note */
} ZpReportPhrases;

#define ZP_REPORT_TEMPLATE_ERROR (zp_report_template_error_quark ())
GQuark              zp_report_template_error_quark (void);

/* The built-in templates' ids: { "wuhan-final-accounts", "self-evaluation", NULL }. */
const char * const *zp_report_template_list_builtin  (void);
/* NULL when id is not built in. */
ZpReportTemplate   *zp_report_template_new_builtin   (const char   *id);
/* The built-in template whose "schemes" names the scheme's id, else "self-evaluation". */
ZpReportTemplate   *zp_report_template_new_for_scheme (ZpScheme    *scheme);
/* Parses a template; the error names the member that is wrong (and an unknown
 * placeholder by name). */
ZpReportTemplate   *zp_report_template_new_from_data (const char   *data,
                                                      gssize        length,
                                                      GError      **error);
ZpReportTemplate   *zp_report_template_load          (GFile        *file,
                                                      GError      **error);

const char         *zp_report_template_get_id        (ZpReportTemplate *self);
const char         *zp_report_template_get_name      (ZpReportTemplate *self);
const char         *zp_report_template_get_title     (ZpReportTemplate *self);
guint               zp_report_template_get_n_sections (ZpReportTemplate *self);
const ZpReportSection *zp_report_template_get_section (ZpReportTemplate *self,
                                                       guint             i);
const ZpReportOutputs *zp_report_template_get_outputs (ZpReportTemplate *self);
const ZpReportPhrases *zp_report_template_get_phrases (ZpReportTemplate *self);

/* Replaces each {name} in text by its value in `values` (char* → char*). Names were
 * checked when the template was read; a name without a value expands to "". */
char               *zp_report_template_expand        (const char   *text,
                                                      GHashTable   *values);

G_END_DECLS
