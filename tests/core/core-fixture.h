/* core-fixture.h — small pieces the core tests share: a project form built row by row,
 * findings looked up by code, and a scratch folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ziping-core.h"

G_BEGIN_DECLS

/* A project form on a copy of the built-in scheme_id, 预算数 = 执行数 = 100, with no rows. */
ZpProjectForm *fixture_project_new    (const char *scheme_id,
                                       const char *name,
                                       const char *goal_text);
/* Appends a 数量指标 row to goal; returns it (owned by goal). */
ZpIndicator   *fixture_add_row        (ZpGoal     *goal,
                                       const char *category,
                                       const char *name,
                                       const char *target,
                                       const char *actual,
                                       const char *weight);

guint          fixture_count_code     (GListModel *findings,
                                       const char *code);
ZpFinding     *fixture_find_code      (GListModel *findings,
                                       const char *code);
guint          fixture_count_form     (ZpForm     *form,
                                       const char *code);

char          *fixture_make_dir       (const char *name);
void           fixture_remove_tree    (const char *path);
guint          fixture_count_entries  (const char *path);

G_END_DECLS
