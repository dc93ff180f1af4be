/* zp-grade-bands.h — 自评等级 (优/良/中/差) of a form's total, as data per scheme.
 *
 * The bands are the scheme's (zp_scheme_get_grade_band_*(): a file may carry its own,
 * docs/file-format.md "grades"); without a scheme, the default scheme's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ziping-core.h"

G_BEGIN_DECLS

typedef struct
{
  char      *id;    /* "excellent": report templates quote counts as {grade_excellent} */
  char      *name;  /* "优" */
  ZpDecimal  min;   /* a total ≥ min has this grade */
} ZpGradeBand;

/* ZpGradeBand*, highest first. */
GPtrArray         *zp_grade_bands_for_scheme (ZpScheme   *scheme);
/* The band of a total (the last band when below every minimum). */
const ZpGradeBand *zp_grade_bands_classify   (GPtrArray  *bands,
                                              ZpDecimal   total);
guint              zp_grade_bands_index      (GPtrArray  *bands,
                                              ZpDecimal   total);

G_END_DECLS
