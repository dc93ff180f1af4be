/* zp-category-points.h — a project form's own points per category (一级指标), as the
 * 湖北 20-point template and the 四川/重庆 forms print them ("产出指标（60分）"): one entry
 * per category of the scheme (and any other the form carries), empty for the scheme's
 * points. Edits go through the undo stack as the form's "category-points"; the core then
 * checks the weights against them and the editor's weight bars follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_CATEGORY_POINTS (zp_category_points_get_type ())
G_DECLARE_FINAL_TYPE (ZpCategoryPoints, zp_category_points, ZP, CATEGORY_POINTS, AdwBin)

ZpCategoryPoints *zp_category_points_new       (ZpForm           *form,
                                                ZpUndoStack      *undo);

G_END_DECLS
