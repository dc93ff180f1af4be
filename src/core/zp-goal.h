/* zp-goal.h — a 年度绩效目标: its text, what was achieved, its weight and its indicators.
 *
 * A department form has N goals (the seed: 4 × 20 分). A project form has exactly one
 * goal, its 年度总体目标 (text = 预期目标, achieved = 实际完成情况, weight = the scheme's
 * indicator part), whose indicators are grouped by category.
 *
 * Change the indicators only through the functions below (never the list store itself):
 * the goal watches them and emits ::changed, which the form turns into a rescore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zp-types.h"
#include "zp-decimal.h"

G_BEGIN_DECLS

#define ZP_TYPE_GOAL (zp_goal_get_type ())
G_DECLARE_FINAL_TYPE (ZpGoal, zp_goal, ZP, GOAL, GObject)

ZpGoal      *zp_goal_new                 (void);
ZpGoal      *zp_goal_copy                (ZpGoal      *self);   /* deep: indicators copied */

/* String properties "text", "achieved", "weight". */
const char  *zp_goal_get_text            (ZpGoal      *self);
void         zp_goal_set_text            (ZpGoal      *self, const char *text);
const char  *zp_goal_get_achieved        (ZpGoal      *self);
void         zp_goal_set_achieved        (ZpGoal      *self, const char *achieved);
const char  *zp_goal_get_weight          (ZpGoal      *self);
void         zp_goal_set_weight          (ZpGoal      *self, const char *weight);
gboolean     zp_goal_get_weight_value    (ZpGoal      *self,
                                          ZpDecimal   *out);

/* A GListModel of ZpIndicator, in print order. */
GListModel  *zp_goal_get_indicators      (ZpGoal      *self);
guint        zp_goal_get_n_indicators    (ZpGoal      *self);
ZpIndicator *zp_goal_get_indicator       (ZpGoal      *self,
                                          guint        position);  /* borrowed */
void         zp_goal_insert_indicator    (ZpGoal      *self,
                                          guint        position,   /* G_MAXUINT: append */
                                          ZpIndicator *indicator);
void         zp_goal_remove_indicator    (ZpGoal      *self,
                                          guint        position);
void         zp_goal_move_indicator      (ZpGoal      *self,
                                          guint        from,
                                          guint        to);

/* Sum of the indicators' rounded scores, after the form's rescore. */
ZpDecimal    zp_goal_get_score           (ZpGoal      *self);

G_END_DECLS
