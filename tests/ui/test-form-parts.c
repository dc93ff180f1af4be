/* test-form-parts.c — the parts of the form editor that issue 9 added: every goal of a
 * project form with its indicators (added and deleted one section at a time, undoable),
 * the workbook's amount unit, a form's own category points, a row's not-applicable flag,
 * 计算符号, 计量单位 and published 得分, the published figures of a form, and last year's
 * money as a hint in a new year's empty cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-form-editor.h"
#include "zp-undo-stack.h"

extern GResource *zp_get_resource (void);

static ZpWorkbook *
load_seed (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load (file, &error);

  g_assert_no_error (error);
  return workbook;
}

typedef gboolean (*Predicate) (gpointer data);

/* Iterates the main loop until `holds` does, or fails after five seconds saying `what`. */
static void
wait_until (Predicate   holds,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!holds (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct
{
  ZpWorkbook   *workbook;
  ZpUndoStack  *undo;
  ZpForm       *form;
  ZpFormEditor *editor;
  GtkWidget    *window;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
fixture_open (Fixture *fixture,
              guint    form)
{
  fixture->workbook = load_seed ();
  fixture->undo = zp_undo_stack_new ();
  fixture->form = zp_workbook_get_form (fixture->workbook, form);
  fixture->editor = zp_form_editor_new ();
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  zp_form_editor_set_undo_stack (fixture->editor, fixture->undo);
  zp_form_editor_set_form (fixture->editor, fixture->form);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (is_mapped, fixture->editor, "the editor to show");
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->undo);
  g_clear_object (&fixture->workbook);
}

static ZpForm *
first_project_form (ZpWorkbook *workbook,
                    guint      *index)
{
  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    if (!zp_form_is_department (zp_workbook_get_form (workbook, i)))
      {
        *index = i;
        return zp_workbook_get_form (workbook, i);
      }
  g_assert_not_reached ();
}

/* ---- 1. every goal of a project form ---- */

typedef struct
{
  ZpFormEditor *editor;
  guint         n;
} SectionCount;

static guint
count_sections (ZpFormEditor *editor)
{
  guint n = 0;

  while (zp_form_editor_get_goal_section (editor, n) != NULL)
    n++;
  return n;
}

static gboolean
has_sections (gpointer data)
{
  SectionCount *count = data;

  return count_sections (count->editor) == count->n;
}

static gboolean
section_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_goals (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ZpWorkbook) probe = load_seed ();
  guint index = 0;
  ZpForm *form;
  ZpGoal *first;
  ZpGoalSection *first_section, *second_section;
  g_autoptr(ZpGoal) second = zp_goal_new ();
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();
  SectionCount count;

  first_project_form (probe, &index);
  fixture_open (&fixture, index);
  form = fixture.form;
  first = zp_form_get_goal (form, 0);
  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 1);

  /* One goal: the form's 年度总体目标, which cannot be deleted. */
  first_section = zp_form_editor_get_goal_section (fixture.editor, 0);
  g_assert_nonnull (first_section);
  g_assert_null (zp_form_editor_get_goal_section (fixture.editor, 1));
  g_assert_cmpstr (zp_goal_section_get_title (first_section), ==, "Annual Overall Goal");
  g_assert_false (gtk_widget_get_visible (zp_goal_section_get_remove_button (first_section)));
  g_assert_true (zp_form_editor_get_field (fixture.editor, "goal0:text")
                 == zp_goal_section_get_field (first_section, "text"));

  /* A second goal with an indicator of its own (as loaded from a 黄冈 form) gets a section
   * and a table of its own; the first section stays the same widget. */
  zp_goal_set_text (second, "第二个目标");
  zp_indicator_set_name (indicator, "第二目标的指标");
  zp_goal_insert_indicator (second, 0, indicator);
  zp_form_insert_goal (form, 1, second);
  count = (SectionCount) { fixture.editor, 2 };
  wait_until (has_sections, &count, "a second section");
  second_section = zp_form_editor_get_goal_section (fixture.editor, 1);
  g_assert_true (zp_form_editor_get_goal_section (fixture.editor, 0) == first_section);
  g_assert_true (zp_goal_section_get_goal (second_section) == second);
  g_assert_cmpstr (zp_goal_section_get_title (first_section), ==, "Annual Goal 1");
  g_assert_cmpstr (zp_goal_section_get_title (second_section), ==, "Annual Goal 2");
  g_assert_true (zp_indicator_table_get_goal (zp_form_editor_get_table (fixture.editor, 1)) == second);
  g_assert_true (zp_indicator_table_get_goal (zp_form_editor_get_table (fixture.editor, 0)) == first);
  g_assert_true (gtk_widget_get_visible (zp_goal_section_get_remove_button (first_section)));
  wait_until (section_mapped, second_section, "the second section to show");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (zp_form_editor_get_field (fixture.editor, "goal1:text")));
    g_autofree char *text = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "第二个目标");
  }
  /* The weight bars still show (they sit in the first goal's block). */
  g_assert_nonnull (zp_form_editor_get_block_text (fixture.editor, 0));

  /* Deleting the first goal through its button is one undo step. */
  gtk_widget_activate (zp_goal_section_get_remove_button (first_section));
  count.n = 1;
  wait_until (has_sections, &count, "the first section to go");
  g_assert_true (zp_form_get_goal (form, 0) == second);
  g_assert_true (zp_form_editor_get_goal_section (fixture.editor, 0) == second_section);
  g_assert_cmpstr (zp_goal_section_get_title (second_section), ==, "Annual Overall Goal");
  g_assert_false (gtk_widget_get_visible (zp_goal_section_get_remove_button (second_section)));
  g_assert_nonnull (zp_form_editor_get_block_text (fixture.editor, 0));

  /* The last goal's button asks nothing of the form even if pressed. */
  g_signal_emit_by_name (second_section, "remove");
  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 1);

  g_assert_true (zp_undo_stack_undo (fixture.undo));
  count.n = 2;
  wait_until (has_sections, &count, "the first section to come back");
  g_assert_true (zp_form_get_goal (form, 0) == first);
  g_assert_true (zp_form_editor_get_goal_section (fixture.editor, 1) == second_section);
  g_assert_true (zp_indicator_table_get_goal (zp_form_editor_get_table (fixture.editor, 0)) == first);

  /* Add Goal appends an empty one, undoably. */
  zp_form_editor_add_goal (fixture.editor);
  count.n = 3;
  wait_until (has_sections, &count, "a third section");
  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 3);
  g_assert_cmpstr (zp_goal_section_get_title (zp_form_editor_get_goal_section (fixture.editor, 2)), ==,
                   "Annual Goal 3");
  g_assert_true (zp_form_editor_get_goal_section (fixture.editor, 1) == second_section);
  g_assert_true (zp_undo_stack_undo (fixture.undo));
  count.n = 2;
  wait_until (has_sections, &count, "the third section to go");
  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 2);

  fixture_close (&fixture);
}

/* ---- 2. the workbook's amount unit ---- */

typedef struct
{
  AdwPreferencesGroup *group;
  const char          *text;
} Description;

static gboolean
describes (gpointer data)
{
  Description *d = data;

  return g_strcmp0 (adw_preferences_group_get_description (d->group), d->text) == 0;
}

static void
test_amount_unit (void)
{
  Fixture fixture = { 0 };
  Description description;

  fixture_open (&fixture, 0);
  description.group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (zp_form_editor_get_field (fixture.editor, "budget"),
                                                                       ADW_TYPE_PREFERENCES_GROUP));
  g_assert_nonnull (description.group);
  description.text = "Amounts in 10,000 yuan (万元); the rate is spent ÷ budget";
  wait_until (describes, &description, "the 万元 description");

  zp_workbook_set_amount_unit (fixture.workbook, ZP_AMOUNT_UNIT_YUAN);
  description.text = "Amounts in yuan (元); the rate is spent ÷ budget";
  wait_until (describes, &description, "the 元 description");

  zp_workbook_set_amount_unit (fixture.workbook, ZP_AMOUNT_UNIT_WAN_YUAN);
  description.text = "Amounts in 10,000 yuan (万元); the rate is spent ÷ budget";
  wait_until (describes, &description, "the 万元 description again");

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  (void) zp_get_resource ();

  g_test_add_func ("/form-parts/goals", test_goals);
  g_test_add_func ("/form-parts/amount-unit", test_amount_unit);

  return g_test_run ();
}
