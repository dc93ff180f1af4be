/* zp-goal-private.h — what the loader needs from ZpGoal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-goal.h"

G_BEGIN_DECLS

/* Appends `n` indicators at once: one ::items-changed and one ::changed, where inserting
 * them one by one emits each n times. */
void _zp_goal_append_indicators (ZpGoal       *self,
                                 ZpIndicator **indicators,
                                 guint         n);

G_END_DECLS
