/* test-undo-stack.c — ZpUndoStack on the core model: property edits (merged while typing),
 * list operations, explanations and the clean state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ziping-core.h"
#include "zp-undo-stack.h"

static void
test_property_merge (void)
{
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();

  zp_indicator_set_actual (indicator, "4");
  g_assert_true (zp_undo_stack_is_clean (undo));
  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "actual", "", TRUE);
  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "actual", "2", TRUE);
  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "actual", "20", TRUE);
  g_assert_cmpstr (zp_indicator_get_actual (indicator), ==, "20");
  g_assert_false (zp_undo_stack_is_clean (undo));

  /* typing merges into one step */
  g_assert_true (zp_undo_stack_undo (undo));
  g_assert_cmpstr (zp_indicator_get_actual (indicator), ==, "4");
  g_assert_false (zp_undo_stack_can_undo (undo));
  g_assert_true (zp_undo_stack_is_clean (undo));
  g_assert_true (zp_undo_stack_redo (undo));
  g_assert_cmpstr (zp_indicator_get_actual (indicator), ==, "20");

  /* after a break, a new step */
  zp_undo_stack_break_merge (undo);
  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "actual", "21", TRUE);
  g_assert_true (zp_undo_stack_undo (undo));
  g_assert_cmpstr (zp_indicator_get_actual (indicator), ==, "20");

  /* setting the same value records nothing */
  zp_undo_stack_clear (undo);
  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "actual", "20", FALSE);
  g_assert_false (zp_undo_stack_can_undo (undo));
}

static void
test_enum (void)
{
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();

  zp_undo_stack_set_enum (undo, G_OBJECT (indicator), "grade", ZP_GRADE_PARTIAL);
  g_assert_cmpint (zp_indicator_get_grade (indicator), ==, ZP_GRADE_PARTIAL);
  zp_undo_stack_undo (undo);
  g_assert_cmpint (zp_indicator_get_grade (indicator), ==, ZP_GRADE_NONE);
}

static void
test_lists (void)
{
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  g_autoptr(ZpGoal) goal = zp_goal_new ();
  g_autoptr(ZpIndicator) a = zp_indicator_new ();
  g_autoptr(ZpIndicator) b = zp_indicator_new ();

  zp_undo_stack_insert (undo, G_OBJECT (goal), G_MAXUINT, G_OBJECT (a));
  zp_undo_stack_insert (undo, G_OBJECT (goal), 0, G_OBJECT (b));
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 2);
  g_assert_true (zp_goal_get_indicator (goal, 0) == b);

  zp_undo_stack_move (undo, G_OBJECT (goal), 0, 1);
  g_assert_true (zp_goal_get_indicator (goal, 1) == b);
  zp_undo_stack_remove (undo, G_OBJECT (goal), 0);
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 1);
  g_assert_true (zp_goal_get_indicator (goal, 0) == b);

  zp_undo_stack_undo (undo);  /* remove */
  g_assert_true (zp_goal_get_indicator (goal, 0) == a);
  zp_undo_stack_undo (undo);  /* move */
  g_assert_true (zp_goal_get_indicator (goal, 0) == b);
  g_assert_true (zp_goal_get_indicator (goal, 1) == a);
  zp_undo_stack_undo (undo);  /* insert b */
  zp_undo_stack_undo (undo);  /* insert a */
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, 0);
  zp_undo_stack_redo (undo);
  g_assert_true (zp_goal_get_indicator (goal, 0) == a);
}

static void
test_forms (void)
{
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  g_autoptr(ZpWorkbook) workbook = zp_workbook_new (NULL);
  g_autoptr(ZpProjectForm) p1 = zp_project_form_new ();
  g_autoptr(ZpProjectForm) p2 = zp_project_form_new ();

  zp_undo_stack_insert (undo, G_OBJECT (workbook), G_MAXUINT, G_OBJECT (p1));
  zp_undo_stack_insert (undo, G_OBJECT (workbook), G_MAXUINT, G_OBJECT (p2));
  zp_undo_stack_remove (undo, G_OBJECT (workbook), 0);
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 1);
  zp_undo_stack_undo (undo);
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 2);
  g_assert_true (zp_workbook_get_form (workbook, 0) == ZP_FORM (p1));
}

static void
test_explanation (void)
{
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  g_autoptr(ZpProjectForm) form = zp_project_form_new ();

  zp_undo_stack_set_explanation (undo, G_OBJECT (form), "execution-low@-1:-1:spent", "政策调整");
  g_assert_cmpstr (zp_form_get_explanation (ZP_FORM (form), "execution-low@-1:-1:spent"), ==, "政策调整");
  zp_undo_stack_undo (undo);
  g_assert_null (zp_form_get_explanation (ZP_FORM (form), "execution-low@-1:-1:spent"));
}

static void
test_clean (void)
{
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();

  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "name", "a", FALSE);
  zp_undo_stack_mark_clean (undo);
  g_assert_true (zp_undo_stack_is_clean (undo));
  /* typing after a save does not fold into the saved step */
  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "name", "ab", TRUE);
  g_assert_false (zp_undo_stack_is_clean (undo));
  zp_undo_stack_undo (undo);
  g_assert_true (zp_undo_stack_is_clean (undo));
  zp_undo_stack_undo (undo);
  g_assert_false (zp_undo_stack_is_clean (undo));
  /* a new edit from here makes the saved state unreachable */
  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "name", "c", FALSE);
  g_assert_false (zp_undo_stack_is_clean (undo));
  zp_undo_stack_undo (undo);
  g_assert_false (zp_undo_stack_is_clean (undo));
}

static void
test_group (void)
{
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();

  zp_undo_stack_begin_group (undo);
  zp_undo_stack_set_enum (undo, G_OBJECT (indicator), "grade", ZP_GRADE_PARTIAL);
  zp_undo_stack_begin_group (undo);  /* nested groups fold into the outer one */
  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "manual-score", "6", TRUE);
  zp_undo_stack_end_group (undo);
  zp_undo_stack_set_string (undo, G_OBJECT (indicator), "manual-reason", "部分完成", FALSE);
  zp_undo_stack_end_group (undo);

  g_assert_true (zp_undo_stack_undo (undo));
  g_assert_false (zp_undo_stack_can_undo (undo));
  g_assert_cmpint (zp_indicator_get_grade (indicator), ==, ZP_GRADE_NONE);
  g_assert_cmpstr (zp_indicator_get_manual_score (indicator), ==, "");
  g_assert_cmpstr (zp_indicator_get_manual_reason (indicator), ==, "");
  g_assert_true (zp_undo_stack_redo (undo));
  g_assert_cmpint (zp_indicator_get_grade (indicator), ==, ZP_GRADE_PARTIAL);
  g_assert_cmpstr (zp_indicator_get_manual_score (indicator), ==, "6");
  g_assert_cmpstr (zp_indicator_get_manual_reason (indicator), ==, "部分完成");

  /* an empty group records nothing */
  zp_undo_stack_begin_group (undo);
  zp_undo_stack_end_group (undo);
  g_assert_true (zp_undo_stack_undo (undo));
  g_assert_false (zp_undo_stack_can_undo (undo));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/property-merge", test_property_merge);
  g_test_add_func ("/undo-stack/enum", test_enum);
  g_test_add_func ("/undo-stack/lists", test_lists);
  g_test_add_func ("/undo-stack/forms", test_forms);
  g_test_add_func ("/undo-stack/explanation", test_explanation);
  g_test_add_func ("/undo-stack/clean", test_clean);
  g_test_add_func ("/undo-stack/group", test_group);

  return g_test_run ();
}
