/* zp-rollup-item.c — a roll-up row: the table it belongs to and its position there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zp-rollup-item.h"

struct _ZpRollupItem
{
  GObject         parent_instance;
  ZpSummaryTable *table;
  guint           index;
};

G_DEFINE_FINAL_TYPE (ZpRollupItem, zp_rollup_item, G_TYPE_OBJECT)

static void
zp_rollup_item_dispose (GObject *object)
{
  g_clear_object (&ZP_ROLLUP_ITEM (object)->table);
  G_OBJECT_CLASS (zp_rollup_item_parent_class)->dispose (object);
}

static void
zp_rollup_item_class_init (ZpRollupItemClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zp_rollup_item_dispose;
}

static void
zp_rollup_item_init (ZpRollupItem *self)
{
}

ZpRollupItem *
zp_rollup_item_new (ZpSummaryTable *table,
                    guint           index)
{
  ZpRollupItem *self = g_object_new (ZP_TYPE_ROLLUP_ITEM, NULL);

  g_return_val_if_fail (index < zp_summary_table_get_n_entries (table), self);
  self->table = g_object_ref (table);
  self->index = index;
  return self;
}

ZpSummaryTable *
zp_rollup_item_get_table (ZpRollupItem *self)
{
  return self->table;
}

const ZpSummaryEntry *
zp_rollup_item_get_entry (ZpRollupItem *self)
{
  return zp_summary_table_get_entry (self->table, self->index);
}
