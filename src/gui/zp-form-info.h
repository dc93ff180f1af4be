/* zp-form-info.h — the checks of one form, computed when first asked and kept until the
 * form changes. Shared by the sidebar, the review page and the checks panel, so a form's
 * checks run once per edit however many views show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ziping-core.h"

G_BEGIN_DECLS

#define ZP_TYPE_FORM_INFO (zp_form_info_get_type ())
G_DECLARE_FINAL_TYPE (ZpFormInfo, zp_form_info, ZP, FORM_INFO, GObject)

/* The info attached to form (created on first use; borrowed). */
ZpFormInfo   *zp_form_info_get            (ZpForm     *form);

/* ZpFinding list from zp_check_form(); computed on demand. */
GListModel   *zp_form_info_get_findings   (ZpFormInfo *self);
ZpFormStatus  zp_form_info_get_status     (ZpFormInfo *self);
guint         zp_form_info_get_n_errors   (ZpFormInfo *self);
guint         zp_form_info_get_n_warnings (ZpFormInfo *self);

/* ::changed is emitted (once per main-loop turn) after the form rescored or was edited. */

const char   *zp_form_status_icon_name    (ZpFormStatus status);
const char   *zp_form_status_describe     (ZpFormStatus status);

G_END_DECLS
