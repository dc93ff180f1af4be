/* zp-rollup-item.h — one row of the roll-up: one unit's form, an entry of a 汇总表
 * across workbooks (zp-summary-table.h), for the roll-up window's GListModel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "zp-summary-table.h"

G_BEGIN_DECLS

#define ZP_TYPE_ROLLUP_ITEM (zp_rollup_item_get_type ())
G_DECLARE_FINAL_TYPE (ZpRollupItem, zp_rollup_item, ZP, ROLLUP_ITEM, GObject)

ZpRollupItem         *zp_rollup_item_new       (ZpSummaryTable *table,
                                                guint           index);
ZpSummaryTable       *zp_rollup_item_get_table (ZpRollupItem   *self);
const ZpSummaryEntry *zp_rollup_item_get_entry (ZpRollupItem   *self);

G_END_DECLS
