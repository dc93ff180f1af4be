/* zp-published-group.h — "As published": what the paper form printed (执行率, the execution
 * 得分, 总分), typed beside what Ziping computes, and the checks' published-* findings of
 * the form (rows' printed 得分 included), so that a reviewer sees every disagreement as
 * they type. The comparing is the core's (zp_check_form); the group only shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_PUBLISHED_GROUP (zp_published_group_get_type ())
G_DECLARE_FINAL_TYPE (ZpPublishedGroup, zp_published_group, ZP, PUBLISHED_GROUP, AdwBin)

ZpPublishedGroup *zp_published_group_new          (ZpForm           *form,
                                                   ZpUndoStack      *undo);

G_END_DECLS
