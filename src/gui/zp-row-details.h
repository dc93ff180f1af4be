/* zp-row-details.h — an indicator's optional fields, in its score cell's popover: 不适用
 * (out of the score), 计算符号 and 计量单位 (columns of the 四川 and 一体化 layouts), and
 * the 得分 the published form printed (the checks compare it). Each edit goes through the
 * undo stack; the core rescores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_ROW_DETAILS (zp_row_details_get_type ())
G_DECLARE_FINAL_TYPE (ZpRowDetails, zp_row_details, ZP, ROW_DETAILS, AdwBin)

ZpRowDetails *zp_row_details_new       (ZpIndicator  *indicator,
                                        ZpUndoStack  *undo);

G_END_DECLS
