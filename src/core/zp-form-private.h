/* zp-form-private.h — what ZpProjectForm and ZpDepartmentForm need from ZpForm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-form.h"

G_BEGIN_DECLS

/* An input of the form changed: rescore (unless frozen) and emit ::changed. */
void _zp_form_input_changed (ZpForm *self);
/* Changes with every change of what the form saves (see zp-io-writer.c's cache). */
guint _zp_form_get_edit_serial (ZpForm *self);

/* Adds a goal without the department-only check (the project form's overall goal). */
void _zp_form_add_goal      (ZpForm *self,
                             guint   position,
                             ZpGoal *goal);

/* Copies the inputs ZpForm holds (amounts, texts, goals, explanations, scheme) from
 * `self` to `copy`, replacing the goals `copy` had. */
void _zp_form_copy_base     (ZpForm *self,
                             ZpForm *copy);

G_END_DECLS
