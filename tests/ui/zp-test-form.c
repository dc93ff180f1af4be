/* zp-test-form.c — a form editor's parts as the UI tests find them (see zp-test-form.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zp-test-form.h"
#include "zp-test-ui.h"

/* The n-th widget named name in root or below it, in the order they are shown. */
static GtkWidget *
nth_named (gpointer    root,
           const char *name,
           guint       n)
{
  g_autoptr(GPtrArray) found = zp_test_find_all_widgets (GTK_WIDGET (root), name);

  return n < found->len ? g_ptr_array_index (found, n) : NULL;
}

static const char *
nth_label (gpointer    root,
           const char *name,
           guint       n)
{
  GtkWidget *label = nth_named (root, name, n);

  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

ZpIndicatorTable *
zp_test_table (ZpFormEditor *editor,
               guint         goal)
{
  GtkWidget *table = nth_named (editor, "indicator-table", goal);

  return table != NULL ? ZP_INDICATOR_TABLE (table) : NULL;
}

GtkWidget *
zp_test_cell (ZpIndicatorTable *table,
              guint             row,
              const char       *field)
{
  g_autofree char *name = g_strconcat ("cell-", field, NULL);

  /* the table shows every row (it is as tall as they are), each in its place */
  return nth_named (table, name, row);
}

gboolean
zp_test_shows_tooltip (GtkWidget *cell)
{
  g_autoptr(GObject) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (cell, "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  return shown;
}

const char *
zp_test_total_text (ZpFormEditor *editor)
{
  return nth_label (editor, "form-total", 0);
}

const char *
zp_test_weights_text (ZpFormEditor *editor)
{
  return nth_label (editor, "form-weights", 0);
}

const char *
zp_test_block_text (ZpFormEditor *editor,
                    guint         block)
{
  return nth_label (editor, "block-weights", block);
}

const char *
zp_test_block_score_text (ZpFormEditor *editor,
                          guint         block)
{
  return nth_label (editor, "block-score", block);
}

GtkWidget *
zp_test_field (ZpFormEditor *editor,
               const char   *field)
{
  guint64 goal;
  char *end = NULL;

  if (g_str_has_prefix (field, "goal"))
    {
      goal = g_ascii_strtoull (field + 4, &end, 10);
      if (end != field + 4 && *end == ':')
        {
          ZpGoalSection *section = zp_test_goal_section (editor, goal);

          return section != NULL ? zp_goal_section_get_field (section, end + 1) : NULL;
        }
    }
  return zp_test_find_widget (GTK_WIDGET (editor), field);
}

ZpGoalSection *
zp_test_goal_section (ZpFormEditor *editor,
                      guint         goal)
{
  GtkWidget *section = nth_named (editor, "goal-section", goal);

  return section != NULL ? ZP_GOAL_SECTION (section) : NULL;
}

/* The goal whose indicators the section holds. */
ZpGoal *
zp_test_section_goal (ZpGoalSection *section)
{
  GtkWidget *table = nth_named (section, "indicator-table", 0);

  return table != NULL ? zp_indicator_table_get_goal (ZP_INDICATOR_TABLE (table)) : NULL;
}

const char *
zp_test_section_title (ZpGoalSection *section)
{
  GtkWidget *group = nth_named (section, "goal-group", 0);

  return group != NULL ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;
}

GtkWidget *
zp_test_section_remove_button (ZpGoalSection *section)
{
  return nth_named (section, "remove-goal", 0);
}
