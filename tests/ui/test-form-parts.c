/* test-form-parts.c — the parts of the form editor that issue 9 added: every goal of a
 * project form with its indicators (added and deleted one section at a time, undoable),
 * the workbook's amount unit, a form's own category points, a row's not-applicable flag,
 * 计算符号, 计量单位 and published 得分, the published figures of a form, and last year's
 * money as a hint in a new year's empty cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-category-points.h"
#include "zp-form-editor.h"
#include "zp-published-group.h"
#include "zp-row-details.h"
#include "zp-score-cell.h"
#include "zp-undo-stack.h"

#include "zp-test-form.h"
#include "zp-test-ui.h"

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
  fixture->workbook = zp_test_load_seed ();
  fixture->undo = zp_undo_stack_new ();
  fixture->form = zp_workbook_get_form (fixture->workbook, form);
  fixture->editor = g_object_new (ZP_TYPE_FORM_EDITOR, NULL);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  zp_form_editor_set_undo_stack (fixture->editor, fixture->undo);
  zp_form_editor_set_form (fixture->editor, fixture->form);
  gtk_window_present (GTK_WINDOW (fixture->window));
  zp_test_wait_until (is_mapped, fixture->editor, "the editor to show");
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

  while (zp_test_goal_section (editor, n) != NULL)
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
  g_autoptr(ZpWorkbook) probe = zp_test_load_seed ();
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
  first_section = zp_test_goal_section (fixture.editor, 0);
  g_assert_nonnull (first_section);
  g_assert_null (zp_test_goal_section (fixture.editor, 1));
  g_assert_cmpstr (zp_test_section_title (first_section), ==, "Annual Overall Goal");
  g_assert_false (gtk_widget_get_visible (zp_test_section_remove_button (first_section)));
  g_assert_true (zp_test_field (fixture.editor, "goal0:text")
                 == zp_goal_section_get_field (first_section, "text"));

  /* A second goal with an indicator of its own (as loaded from a 黄冈 form) gets a section
   * and a table of its own; the first section stays the same widget. */
  zp_goal_set_text (second, "第二个目标");
  zp_indicator_set_name (indicator, "第二目标的指标");
  zp_goal_insert_indicator (second, 0, indicator);
  zp_form_insert_goal (form, 1, second);
  count = (SectionCount) { fixture.editor, 2 };
  zp_test_wait_until (has_sections, &count, "a second section");
  second_section = zp_test_goal_section (fixture.editor, 1);
  g_assert_true (zp_test_goal_section (fixture.editor, 0) == first_section);
  g_assert_true (zp_test_section_goal (second_section) == second);
  g_assert_cmpstr (zp_test_section_title (first_section), ==, "Annual Goal 1");
  g_assert_cmpstr (zp_test_section_title (second_section), ==, "Annual Goal 2");
  g_assert_true (zp_indicator_table_get_goal (zp_test_table (fixture.editor, 1)) == second);
  g_assert_true (zp_indicator_table_get_goal (zp_test_table (fixture.editor, 0)) == first);
  g_assert_true (gtk_widget_get_visible (zp_test_section_remove_button (first_section)));
  zp_test_wait_until (section_mapped, second_section, "the second section to show");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (zp_test_field (fixture.editor, "goal1:text")));
    g_autofree char *text = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "第二个目标");
  }
  /* The weight bars still show (they sit in the first goal's block). */
  g_assert_nonnull (zp_test_block_text (fixture.editor, 0));

  /* Deleting the first goal through its button is one undo step. */
  gtk_widget_activate (zp_test_section_remove_button (first_section));
  count.n = 1;
  zp_test_wait_until (has_sections, &count, "the first section to go");
  g_assert_true (zp_form_get_goal (form, 0) == second);
  g_assert_true (zp_test_goal_section (fixture.editor, 0) == second_section);
  g_assert_cmpstr (zp_test_section_title (second_section), ==, "Annual Overall Goal");
  g_assert_false (gtk_widget_get_visible (zp_test_section_remove_button (second_section)));
  g_assert_nonnull (zp_test_block_text (fixture.editor, 0));

  /* The last goal's button asks nothing of the form even if pressed. */
  g_signal_emit_by_name (second_section, "remove");
  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 1);

  g_assert_true (zp_undo_stack_undo (fixture.undo));
  count.n = 2;
  zp_test_wait_until (has_sections, &count, "the first section to come back");
  g_assert_true (zp_form_get_goal (form, 0) == first);
  g_assert_true (zp_test_goal_section (fixture.editor, 1) == second_section);
  g_assert_true (zp_indicator_table_get_goal (zp_test_table (fixture.editor, 0)) == first);

  /* Add Goal appends an empty one, undoably. */
  g_assert_true (gtk_widget_activate (zp_test_find_widget (GTK_WIDGET (fixture.editor), "add-goal")));
  count.n = 3;
  zp_test_wait_until (has_sections, &count, "a third section");
  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 3);
  g_assert_cmpstr (zp_test_section_title (zp_test_goal_section (fixture.editor, 2)), ==,
                   "Annual Goal 3");
  g_assert_true (zp_test_goal_section (fixture.editor, 1) == second_section);
  g_assert_true (zp_undo_stack_undo (fixture.undo));
  count.n = 2;
  zp_test_wait_until (has_sections, &count, "the third section to go");
  g_assert_cmpuint (zp_form_get_n_goals (form), ==, 2);

  /* The editor's form.add-goal action (its menu entry) does the same for a project form. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.editor), "form.add-goal", NULL));
  count.n = 3;
  zp_test_wait_until (has_sections, &count, "a third section from the action");
  g_assert_true (zp_undo_stack_undo (fixture.undo));
  count.n = 2;
  zp_test_wait_until (has_sections, &count, "the action's section to go");

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
  description.group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (zp_test_field (fixture.editor, "budget"),
                                                                       ADW_TYPE_PREFERENCES_GROUP));
  g_assert_nonnull (description.group);
  description.text = "Amounts in 10,000 yuan (万元); the rate is spent ÷ budget";
  zp_test_wait_until (describes, &description, "the 万元 description");

  zp_workbook_set_amount_unit (fixture.workbook, ZP_AMOUNT_UNIT_YUAN);
  description.text = "Amounts in yuan (元); the rate is spent ÷ budget";
  zp_test_wait_until (describes, &description, "the 元 description");

  zp_workbook_set_amount_unit (fixture.workbook, ZP_AMOUNT_UNIT_WAN_YUAN);
  description.text = "Amounts in 10,000 yuan (万元); the rate is spent ÷ budget";
  zp_test_wait_until (describes, &description, "the 万元 description again");

  fixture_close (&fixture);
}

/* ---- 3. a form's category points, a row's details, the published figures ---- */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  ZpFormEditor *editor;
  guint         block;
  const char   *suffix;
} BlockText;

static gboolean
block_ends_with (gpointer data)
{
  BlockText *b = data;
  const char *text = zp_test_block_text (b->editor, b->block);

  return text != NULL && g_str_has_suffix (text, b->suffix);
}

static void
test_category_points (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ZpWorkbook) probe = zp_test_load_seed ();
  guint index = 0;
  ZpCategoryPoints *points;
  GtkWidget *entry;
  BlockText block;
  const char *category;

  first_project_form (probe, &index);
  fixture_open (&fixture, index);
  points = ZP_CATEGORY_POINTS (find_descendant (GTK_WIDGET (fixture.editor), ZP_TYPE_CATEGORY_POINTS));
  g_assert_nonnull (points);
  category = zp_scheme_get_category_name (zp_form_get_scheme (fixture.form), 0);
  {
    g_autofree char *name = g_strconcat ("points-", category, NULL);
    entry = zp_test_find_widget (GTK_WIDGET (points), name);
  }
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  /* Empty: the scheme's points, shown as the hint. */
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "40");

  block = (BlockText) { fixture.editor, 0, "/ 40" };
  zp_test_wait_until (block_ends_with, &block, "the scheme's 40 points in the bar");

  /* The form's own points replace the scheme's: the bar and the weight check follow. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "45");
  g_assert_cmpstr (zp_form_get_category_points (fixture.form, category), ==, "45");
  block.suffix = "/ 45";
  zp_test_wait_until (block_ends_with, &block, "the form's 45 points in the bar");

  g_assert_true (zp_undo_stack_undo (fixture.undo));
  g_assert_null (zp_form_get_category_points (fixture.form, category));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  block.suffix = "/ 40";
  zp_test_wait_until (block_ends_with, &block, "the scheme's points back");

  /* Set elsewhere (an import, the CLI): the entry shows it. */
  zp_form_set_category_points (fixture.form, category, "60");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "60");

  fixture_close (&fixture);
}

typedef struct
{
  ZpPublishedGroup *group;
  const char       *needle;  /* NULL: no finding */
} Findings;

/* The findings as the group shows them: its named label, one finding a line, hidden when
 * there is none. */
static gboolean
findings_show (gpointer data)
{
  Findings *f = data;
  GtkWidget *label = zp_test_find_widget (GTK_WIDGET (f->group), "published-findings");
  const char *text;

  g_assert_true (GTK_IS_LABEL (label));
  text = gtk_label_get_label (GTK_LABEL (label));
  if (f->needle == NULL)
    return text != NULL && *text == '\0' && !gtk_widget_get_visible (label);
  return text != NULL && strstr (text, f->needle) != NULL && gtk_widget_get_visible (label);
}

static void
test_published (void)
{
  Fixture fixture = { 0 };
  Findings findings;
  GtkWidget *total;
  ZpIndicator *first;
  g_autoptr(ZpRowDetails) details = NULL;

  fixture_open (&fixture, 1);
  findings.group = ZP_PUBLISHED_GROUP (find_descendant (GTK_WIDGET (fixture.editor), ZP_TYPE_PUBLISHED_GROUP));
  g_assert_nonnull (findings.group);
  findings.needle = NULL;
  zp_test_wait_until (findings_show, &findings, "no published finding");

  /* A total of 99 typed over the computed 100.00: the core's published-total finding. */
  total = zp_test_find_widget (GTK_WIDGET (findings.group), "published-total");
  gtk_editable_set_text (GTK_EDITABLE (total), "99");
  g_assert_cmpstr (zp_form_get_published_total (fixture.form), ==, "99");
  findings.needle = "99";
  zp_test_wait_until (findings_show, &findings, "the published-total finding");

  gtk_editable_set_text (GTK_EDITABLE (total), zp_form_get_total_text (fixture.form));
  findings.needle = NULL;
  zp_test_wait_until (findings_show, &findings, "the finding to go when the figures agree");

  /* A row's printed 得分, typed in its details, is compared too. */
  first = zp_goal_get_indicator (zp_form_get_goal (fixture.form, 0), 0);
  details = g_object_ref_sink (zp_row_details_new (first, fixture.undo));
  gtk_editable_set_text (GTK_EDITABLE (zp_test_find_widget (GTK_WIDGET (details), "published-score")), "0.5");
  g_assert_cmpstr (zp_indicator_get_published_score (first), ==, "0.5");
  findings.needle = "0.5";
  zp_test_wait_until (findings_show, &findings, "the row's published-score finding");
  g_assert_true (zp_undo_stack_undo (fixture.undo));
  g_assert_cmpstr (zp_indicator_get_published_score (first), ==, "");
  findings.needle = NULL;
  zp_test_wait_until (findings_show, &findings, "no finding after undo");

  fixture_close (&fixture);
}

static void
test_row_details (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_test_load_seed ();
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  ZpForm *form = zp_workbook_get_form (workbook, 1);
  ZpIndicator *first = zp_goal_get_indicator (zp_form_get_goal (form, 0), 0);
  ZpScoreCell *cell = zp_score_cell_new ();
  GtkWidget *window = gtk_window_new ();
  g_autoptr(ZpRowDetails) details = NULL;
  GtkWidget *popover, *check;

  /* The score cell's popover, opened as a click does, holds the row's details. */
  zp_score_cell_bind (cell, first, zp_form_get_scheme (form), undo);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (cell));
  gtk_window_present (GTK_WINDOW (window));
  zp_test_wait_until ((ZpTestPredicate) zp_test_is_on_screen, cell, "the score cell on the screen");
  gtk_menu_button_popup (GTK_MENU_BUTTON (zp_score_cell_get_button (cell)));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (zp_score_cell_get_button (cell))));
  g_assert_nonnull (popover);
  zp_test_wait_until ((ZpTestPredicate) gtk_widget_get_mapped, popover, "the popover shown");
  g_assert_nonnull (find_descendant (popover, ZP_TYPE_ROW_DETAILS));
  zp_score_cell_unbind (cell);
  gtk_window_destroy (GTK_WINDOW (window));

  details = g_object_ref_sink (zp_row_details_new (first, undo));
  check = zp_test_find_widget (GTK_WIDGET (details), "not-applicable");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (zp_indicator_get_not_applicable (first));
  g_assert_cmpint (zp_indicator_get_state (first), ==, ZP_INDICATOR_STATE_NOT_APPLICABLE);
  g_assert_true (zp_undo_stack_undo (undo));
  g_assert_false (zp_indicator_get_not_applicable (first));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* 计算符号 sets the direction while it is automatic. */
  g_assert_cmpint (zp_indicator_get_direction (first), ==, ZP_DIRECTION_AUTO);
  gtk_editable_set_text (GTK_EDITABLE (zp_test_find_widget (GTK_WIDGET (details), "calc-symbol")), "≤");
  g_assert_cmpstr (zp_indicator_get_calc_symbol (first), ==, "≤");
  g_assert_cmpint (zp_indicator_get_effective_direction (first), ==, ZP_DIRECTION_REVERSE);
  gtk_editable_set_text (GTK_EDITABLE (zp_test_find_widget (GTK_WIDGET (details), "measure-unit")), "%");
  g_assert_cmpstr (zp_indicator_get_measure_unit (first), ==, "%");
  /* Set from the model (undo), the entries follow. */
  zp_undo_stack_break_merge (undo);
  g_assert_true (zp_undo_stack_undo (undo));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zp_test_find_widget (GTK_WIDGET (details), "measure-unit"))), ==, "");
  g_assert_true (zp_undo_stack_undo (undo));
  g_assert_cmpstr (zp_indicator_get_calc_symbol (first), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zp_test_find_widget (GTK_WIDGET (details), "calc-symbol"))), ==, "");
}

/* ---- 4. a new year: last year's money as a hint only ---- */

static void
test_last_year_hint (void)
{
  g_autoptr(ZpWorkbook) last = zp_test_load_seed ();
  g_autoptr(ZpWorkbook) next = zp_workbook_new_year (last, 2025);
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  ZpForm *old_form = zp_workbook_get_form (last, 1);
  ZpForm *form = zp_workbook_get_form (next, 1);
  ZpFormEditor *editor = g_object_new (ZP_TYPE_FORM_EDITOR, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *budget, *spent;
  g_autofree char *budget_hint = g_strdup_printf ("Last year %s", zp_form_get_budget (old_form));
  g_autofree char *spent_hint = g_strdup_printf ("Last year %s", zp_form_get_spent (old_form));

  g_assert_cmpstr (zp_form_get_budget (old_form), !=, "");
  g_assert_cmpstr (zp_form_get_budget (form), ==, "");
  g_assert_cmpstr (zp_form_get_last_year_budget (form), ==, zp_form_get_budget (old_form));
  g_assert_cmpstr (zp_form_get_last_year_spent (form), ==, zp_form_get_spent (old_form));

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  zp_form_editor_set_undo_stack (editor, undo);
  zp_form_editor_set_form (editor, form);
  gtk_window_present (GTK_WINDOW (window));
  zp_test_wait_until (is_mapped, editor, "the editor to show");

  budget = zp_test_field (editor, "budget");
  spent = zp_test_field (editor, "spent");
  /* The value stays empty (and unscored): the amount is only the hint. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (budget)), ==, budget_hint);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spent)), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (spent)), ==, spent_hint);
  g_assert_cmpstr (zp_form_get_execution_rate_text (form), ==, "—");

  /* A form with no last year shows no hint. */
  zp_form_editor_set_form (editor, zp_workbook_get_form (last, 1));
  budget = zp_test_field (editor, "budget");
  {
    const char *hint = gtk_entry_get_placeholder_text (GTK_ENTRY (budget));
    g_assert_true (hint == NULL || *hint == '\0');
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The form shown is the editor's "form" property: set, read and followed (notify once per
 * change), and the editor hides when it has none. */
static void
test_form_property (void)
{
  Fixture fixture = { 0 };
  ZpForm *other;
  ZpForm *read = NULL;
  guint notified = 0;

  fixture_open (&fixture, 1);
  other = zp_workbook_get_form (fixture.workbook, 0);
  g_signal_connect (fixture.editor, "notify::form", G_CALLBACK (count_notify), &notified);
  g_object_get (fixture.editor, "form", &read, NULL);
  g_assert_true (read == fixture.form);
  g_clear_object (&read);

  g_object_set (fixture.editor, "form", other, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (zp_form_editor_get_form (fixture.editor) == other);
  g_assert_nonnull (zp_test_table (fixture.editor, 0));
  g_assert_true (zp_indicator_table_get_goal (zp_test_table (fixture.editor, 0)) == zp_form_get_goal (other, 0));
  zp_form_editor_set_form (fixture.editor, other);
  g_assert_cmpuint (notified, ==, 1);

  zp_form_editor_set_form (fixture.editor, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (zp_form_editor_get_form (fixture.editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture.editor)));
  g_assert_null (zp_test_table (fixture.editor, 0));
  fixture_close (&fixture);
}

/* Whether every row of the table is shown, each name cell reading its indicator's name. */
static gboolean
rows_in_order (ZpIndicatorTable *table)
{
  ZpGoal *goal = zp_indicator_table_get_goal (table);
  guint n = zp_goal_get_n_indicators (goal);

  if (zp_test_cell (table, n, "name") != NULL)
    return FALSE;
  for (guint row = 0; row < n; row++)
    {
      GtkWidget *cell = zp_test_cell (table, row, "name");
      const char *name = zp_indicator_get_name (zp_goal_get_indicator (goal, row));

      if (cell == NULL || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), name ? name : "") != 0)
        return FALSE;
    }
  return TRUE;
}

/* The table shows the goal's rows in its order after a move, an insert and their undo. */
static void
test_rows_in_order (void)
{
  Fixture fixture = { 0 };
  ZpIndicatorTable *table;
  ZpGoal *goal;
  ZpIndicator *first;
  guint n;

  fixture_open (&fixture, 1);
  table = zp_test_table (fixture.editor, 0);
  goal = zp_indicator_table_get_goal (table);
  first = zp_goal_get_indicator (goal, 0);
  n = zp_goal_get_n_indicators (goal);
  g_assert_cmpuint (n, >=, 3);
  zp_test_wait_until ((ZpTestPredicate) rows_in_order, table, "the rows shown in order");

  zp_indicator_table_set_current_row (table, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.editor), "form.move-down", "i", 0));
  g_assert_true (zp_goal_get_indicator (goal, 1) == first);
  zp_test_wait_until ((ZpTestPredicate) rows_in_order, table, "the moved row shown second");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.editor), "form.add-indicator", "i", 0));
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, n + 1);
  zp_test_wait_until ((ZpTestPredicate) rows_in_order, table, "the new row shown third");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zp_test_cell (table, 2, "name"))), ==, "");

  g_assert_true (zp_undo_stack_undo (fixture.undo));
  g_assert_true (zp_undo_stack_undo (fixture.undo));
  g_assert_true (zp_goal_get_indicator (goal, 0) == first);
  zp_test_wait_until ((ZpTestPredicate) rows_in_order, table, "the rows back in order");
  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  zp_test_ui_init (&argc, &argv);

  g_test_add_func ("/form-parts/goals", test_goals);
  g_test_add_func ("/form-parts/form-property", test_form_property);
  g_test_add_func ("/form-parts/rows-in-order", test_rows_in_order);
  g_test_add_func ("/form-parts/amount-unit", test_amount_unit);
  g_test_add_func ("/form-parts/category-points", test_category_points);
  g_test_add_func ("/form-parts/published", test_published);
  g_test_add_func ("/form-parts/row-details", test_row_details);
  g_test_add_func ("/form-parts/last-year-hint", test_last_year_hint);

  return g_test_run ();
}
