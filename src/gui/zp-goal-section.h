/* zp-goal-section.h — one goal of a form in the editor: its title ("年度总体目标" or
 * "年度绩效目标 2"), its 预期目标 and 实际完成情况 (a department's: its goal and weight), a
 * button to delete it, and the indicator block the editor puts in it. The editor inserts
 * or removes one section per goal the form gains or loses; the section only presents and
 * asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-undo-stack.h"

G_BEGIN_DECLS

#define ZP_TYPE_GOAL_SECTION (zp_goal_section_get_type ())
G_DECLARE_FINAL_TYPE (ZpGoalSection, zp_goal_section, ZP, GOAL_SECTION, AdwBin)

/* block: the goal's indicators (the editor's), taken into the section. */
ZpGoalSection *zp_goal_section_new          (ZpGoal        *goal,
                                             ZpUndoStack   *undo,
                                             GtkWidget     *block);
/* A department form's goal: a goal line and a weight instead of the two paragraphs. */
ZpGoalSection *zp_goal_section_new_department (ZpGoal      *goal,
                                               ZpUndoStack *undo,
                                               GtkWidget   *block);
/* Its place among n goals: sets the title and whether it may be deleted (not the last). */
void           zp_goal_section_set_position (ZpGoalSection *self,
                                             guint          index,
                                             guint          n_goals);
/* "text", "achieved" (a project's) or "weight" (a department's): the widget editing it. */
GtkWidget     *zp_goal_section_get_field    (ZpGoalSection *self,
                                             const char    *field);

G_END_DECLS
