/* zp-test-form.h — what the UI tests read of a form editor, found in its widget tree by
 * the names the editor, its goal sections and its tables give their widgets: the editor
 * keeps no functions for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-form-editor.h"

G_BEGIN_DECLS

/* Goal i's indicator table, or NULL. */
ZpIndicatorTable *zp_test_table            (ZpFormEditor     *editor,
                                            guint             goal);
/* The cell of a row shown ("cell-<field>"): a GtkEditable for the text fields, a
 * ZpScoreCell for "score", a GtkImage for "state"; NULL when the row is not shown. */
GtkWidget        *zp_test_cell             (ZpIndicatorTable *table,
                                            guint             row,
                                            const char       *field);
/* Whether the cell shows its whole text in a tooltip (it does when the text is cut). */
gboolean          zp_test_shows_tooltip    (GtkWidget        *cell);
/* The total score and the weights' sum the editor's header shows. */
const char       *zp_test_total_text       (ZpFormEditor     *editor);
const char       *zp_test_weights_text     (ZpFormEditor     *editor);
/* Weight bar i, in the order of zp_form_summarize_blocks(): "产出指标 40 / 40", and its
 * "Score 38.00"; NULL when there is no such bar. */
const char       *zp_test_block_text       (ZpFormEditor     *editor,
                                            guint             block);
const char       *zp_test_block_score_text (ZpFormEditor     *editor,
                                            guint             block);
/* The widget editing a field: its key ("budget", "fund-current-budget") or
 * "goal<i>:<field>" (a goal section's "text", "achieved" or "weight"). */
GtkWidget        *zp_test_field            (ZpFormEditor     *editor,
                                            const char       *field);
/* Goal i's section, or NULL; the goal it shows (its table's), its title, its delete button. */
ZpGoalSection    *zp_test_goal_section     (ZpFormEditor     *editor,
                                            guint             goal);
ZpGoal           *zp_test_section_goal     (ZpGoalSection    *section);
const char       *zp_test_section_title    (ZpGoalSection    *section);
GtkWidget        *zp_test_section_remove_button (ZpGoalSection *section);

G_END_DECLS
