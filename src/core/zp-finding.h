/* zp-finding.h — one result of the checks (审核): severity, stable code, place, message.
 *
 * Codes are stable identifiers (see zp-checker.h). The key identifies the finding's place
 * and code, stably across edits that do not move it, so an explanation (出错说明) saved under
 * the key finds its finding again after a reload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-types.h"

G_BEGIN_DECLS

#define ZP_TYPE_FINDING (zp_finding_get_type ())
G_DECLARE_FINAL_TYPE (ZpFinding, zp_finding, ZP, FINDING, GObject)

/* form NULL for a workbook-wide finding; goal/row −1 when not about one; field NULL or a
 * property name of the form or indicator ("budget", "actual", "deviation-note" …). */
ZpFinding   *zp_finding_new            (ZpSeverity   severity,
                                        const char  *code,
                                        ZpForm      *form,
                                        int          goal,
                                        int          row,
                                        const char  *field,
                                        const char  *message);

/* Read-only properties: "severity", "code", "form" (weak), "goal", "row", "field",
 * "message", "key"; read-write "explanation" (NULL when unexplained; only warnings). */
ZpSeverity   zp_finding_get_severity   (ZpFinding   *self);
const char  *zp_finding_get_code      (ZpFinding   *self);
ZpForm      *zp_finding_get_form      (ZpFinding   *self);
int          zp_finding_get_goal      (ZpFinding   *self);
int          zp_finding_get_row       (ZpFinding   *self);
const char  *zp_finding_get_field     (ZpFinding   *self);
const char  *zp_finding_get_message   (ZpFinding   *self);
/* "code@goal:row:field", e.g. "execution-low@-1:-1:spent". */
const char  *zp_finding_get_key       (ZpFinding   *self);
const char  *zp_finding_get_explanation (ZpFinding *self);
void         zp_finding_set_explanation (ZpFinding *self,
                                         const char *text);
gboolean     zp_finding_is_explained  (ZpFinding   *self);
/* "form 2, goal 1, row 3 (actual)" in the UI language, for text output. */
char        *zp_finding_dup_location  (ZpFinding   *self);

const char  *zp_severity_to_string    (ZpSeverity   severity);  /* "error", "warning" */

G_END_DECLS
