/* test-totals.c — a form total that misses rows says so wherever the app shows it: the
 * sidebar row and the form editor show the core's "80.69, 1 row not scored".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ziping-core.h"
#include "zp-form-editor.h"
#include "zp-sidebar-row.h"
#include "zp-undo-stack.h"

#include "zp-test-form.h"
#include "zp-test-ui.h"
#include "zp-test-views.h"

/* Iterates the main loop until both show `text` (their updates may wait for an idle), or
 * fails after five seconds. */
static gboolean
totals_show (ZpSidebarRow *row,
             ZpFormEditor *editor,
             const char   *text)
{
  return g_strcmp0 (zp_test_row_total (row), text) == 0
         && g_strcmp0 (zp_test_total_text (editor), text) == 0;
}

static void
wait_for_totals (ZpSidebarRow *row,
                 ZpFormEditor *editor,
                 const char   *text)
{
  zp_test_wait_for (totals_show (row, editor, text));
}

static void
test_incomplete_total (void)
{
  g_autoptr(ZpWorkbook) workbook = zp_test_load_seed ();
  g_autoptr(ZpUndoStack) undo = zp_undo_stack_new ();
  ZpForm *form = zp_workbook_get_form (workbook, 1);
  ZpIndicator *first = zp_goal_get_indicator (zp_form_get_goal (form, 0), 0);
  ZpSidebarRow *row = zp_sidebar_row_new ();
  ZpFormEditor *editor = g_object_new (ZP_TYPE_FORM_EDITOR, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *expected = NULL;

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  gtk_window_set_child (GTK_WINDOW (window), box);
  zp_sidebar_row_set_form (row, form);
  zp_form_editor_set_undo_stack (editor, undo);
  zp_form_editor_set_form (editor, form);
  gtk_window_present (GTK_WINDOW (window));

  wait_for_totals (row, editor, "100.00");

  zp_indicator_set_actual (first, "");
  expected = g_strdup_printf ("%s, 1 row not scored", zp_form_get_total_text (form));
  g_assert_cmpstr (zp_form_get_total_display_text (form), ==, expected);
  wait_for_totals (row, editor, expected);

  zp_indicator_set_actual (first, zp_indicator_get_target (first));
  wait_for_totals (row, editor, "100.00");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  zp_test_ui_init (&argc, &argv);

  g_test_add_func ("/totals/incomplete", test_incomplete_total);

  return g_test_run ();
}
