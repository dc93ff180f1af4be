/* test-import-gui.c — Import… in the app: the preview shows what was found, Cancel leaves
 * the workbook alone, Import adds the forms as one undo step, a spreadsheet opened becomes
 * a new workbook, a damaged file shows an error and changes nothing.
 *
 * Run under a display (suite ui): xvfb-run -a meson test -C _build --suite ui
 * The fixtures folder (make-fixtures.py's) is the first argument.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "zp-import-dialog.h"
#include "zp-window-private.h"
#include "zp-test-ui.h"

static const char *fixtures;
static char *tmpdir;

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_build_filename (fixtures, name, NULL);

  return g_file_new_for_path (path);
}

static guint
preview_rows (GtkWidget *dialog)
{
  GtkWidget *scroller = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *list = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* The import preview on window, while shown. */
static GtkWidget *
preview (ZpWindow *window)
{
  return zp_test_find_dialog (GTK_WINDOW (window), "import-preview");
}

/* Clicks the preview's button labelled label ("_Import"), as the user does. */
static void
respond (ZpWindow   *window,
         const char *label)
{
  GtkWidget *button = zp_test_find_button (preview (window), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* Whether a label under the window's toasts reads text. */
static gboolean
label_reads (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_reads (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
toast_says (ZpWindow   *window,
            const char *text)
{
  return label_reads (GTK_WIDGET (window->toast_overlay), text);
}

static void
test_preview_cancel_and_import (void)
{
  ZpWindow *window = zp_test_open_example (1280, 900);
  ZpDocument *document = zp_window_get_document (window);
  ZpWorkbook *workbook = zp_document_get_workbook (document);
  ZpUndoStack *undo = zp_document_get_undo_stack (document);
  g_autoptr(GFile) file = fixture ("partial.xlsx");
  GtkWidget *dialog;

  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 4);

  /* Cancel: nothing changes. */
  zp_import_dialog_show (window, file, FALSE);
  zp_test_wait_for (preview (window) != NULL);
  dialog = preview (window);
  g_assert_true (gtk_widget_get_visible (dialog));
  /* one form, and the two weights the user must type */
  g_assert_cmpuint (preview_rows (dialog), ==, 3);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "5 indicators"));
  respond (window, "_Cancel");
  zp_test_wait_for (preview (window) == NULL);
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 4);
  g_assert_false (zp_undo_stack_can_undo (undo));

  /* Import: one more form, undone and redone in one step. */
  zp_import_dialog_show (window, file, FALSE);
  zp_test_wait_for (preview (window) != NULL);
  respond (window, "_Import");
  zp_test_wait_for (preview (window) == NULL);
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 5);
  g_assert_cmpstr (zp_project_form_get_name (ZP_PROJECT_FORM (zp_workbook_get_form (workbook, 4))), ==, "社区培训");
  g_assert_true (zp_document_get_modified (document));
  g_assert_true (zp_undo_stack_undo (undo));
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 4);
  g_assert_false (zp_undo_stack_can_undo (undo));
  g_assert_true (zp_undo_stack_redo (undo));
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 5);
  zp_test_close_window (window);
}

/* The department form of seed.xlsx is not added to a workbook that has one: Import adds
 * its three project forms, says so, and one undo takes them back. */
static void
test_add_keeps_one_department (void)
{
  ZpWindow *window = zp_test_open_example (1280, 900);
  ZpDocument *document = zp_window_get_document (window);
  ZpWorkbook *workbook = zp_document_get_workbook (document);
  ZpDepartmentForm *department = zp_workbook_get_department_form (workbook);
  g_autoptr(GFile) file = fixture ("seed.xlsx");

  g_assert_nonnull (department);
  zp_import_dialog_show (window, file, FALSE);
  zp_test_wait_for (preview (window) != NULL);
  respond (window, "_Import");
  zp_test_wait_for (preview (window) == NULL);
  g_assert_true (zp_document_get_workbook (document) == workbook);
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 7);
  g_assert_true (zp_workbook_get_department_form (workbook) == department);
  for (guint i = 1; i < zp_workbook_get_n_forms (workbook); i++)
    g_assert_false (zp_form_is_department (zp_workbook_get_form (workbook, i)));
  zp_test_wait_for (toast_says (window, "3 forms imported"));
  g_assert_true (zp_undo_stack_undo (zp_document_get_undo_stack (document)));
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 4);
  zp_test_close_window (window);
}

/* Open… on a spreadsheet: a new workbook after the preview. */
static void
test_open_spreadsheet (void)
{
  ZpWindow *window = zp_test_open_example (1280, 900);
  ZpWorkbook *old = zp_document_get_workbook (zp_window_get_document (window));
  g_autoptr(GFile) file = fixture ("central.xlsx");
  ZpWorkbook *now;

  g_assert_true (zp_import_file_is_spreadsheet (file));
  zp_import_dialog_show (window, file, TRUE);
  zp_test_wait_for (preview (window) != NULL);
  respond (window, "_Import");
  zp_test_wait_for (zp_document_get_workbook (zp_window_get_document (window)) != old);
  now = zp_document_get_workbook (zp_window_get_document (window));
  g_assert_cmpuint (zp_workbook_get_n_forms (now), ==, 1);
  g_assert_cmpstr (zp_form_get_total_text (zp_workbook_get_form (now, 0)), ==, "93.06");
  zp_test_close_window (window);
}

static void
test_damaged_file (void)
{
  ZpWindow *window = zp_test_open_example (1280, 900);
  ZpWorkbook *workbook = zp_document_get_workbook (zp_window_get_document (window));
  g_autoptr(GFile) file = fixture ("damaged/truncated.xlsx");
  AdwMessageDialog *dialog;

  zp_import_dialog_show (window, file, FALSE);
  zp_test_wait_for ((dialog = zp_test_find_message_dialog (GTK_WINDOW (window))) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "truncated.xlsx"));
  g_assert_null (preview (window));
  g_assert_true (zp_document_get_workbook (zp_window_get_document (window)) == workbook);
  g_assert_cmpuint (zp_workbook_get_n_forms (workbook), ==, 4);
  zp_test_close_window (window);
}

/* Rows on the clipboard pasted into the selected form: one undo step. */
static void
test_paste_rows (void)
{
  ZpWindow *window = zp_test_open_example (1280, 900);
  ZpDocument *document = zp_window_get_document (window);
  ZpForm *form = zp_window_get_selected_form (window);
  ZpGoal *goal;
  guint before;

  g_assert_nonnull (form);
  goal = zp_form_get_goal (form, zp_form_get_n_goals (form) - 1);
  before = zp_goal_get_n_indicators (goal);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)),
                          "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\n"
                          "产出指标\t数量指标\t巡检次数\t≥12次\t12次\t2\n"
                          "\t质量指标\t合格率\t100%\t100%\t3\n");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-rows", NULL);
  zp_test_wait_for (zp_goal_get_n_indicators (goal) == before + 2);
  g_assert_cmpstr (zp_indicator_get_name (zp_goal_get_indicator (goal, before + 1)), ==, "合格率");
  g_assert_cmpstr (zp_indicator_get_category (zp_goal_get_indicator (goal, before + 1)), ==, "产出指标");
  g_assert_true (zp_undo_stack_undo (zp_document_get_undo_stack (document)));
  g_assert_cmpuint (zp_goal_get_n_indicators (goal), ==, before);
  zp_test_close_window (window);
}

static void
test_sniff (void)
{
  g_autoptr(GFile) xlsx = fixture ("seed.xlsx");
  g_autoptr(GFile) xml = fixture ("seed-2003.xml");
  g_autoptr(GFile) html = fixture ("seed-html.xls");
  g_autoptr(GFile) example = zp_window_find_example ();

  g_assert_true (zp_import_file_is_spreadsheet (xlsx));
  g_assert_true (zp_import_file_is_spreadsheet (xml));
  g_assert_true (zp_import_file_is_spreadsheet (html));
  g_assert_false (zp_import_file_is_spreadsheet (example));
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = zp_test_ui_setup (&argc, &argv, "import-ui");
  if (argc < 2)
    g_error ("usage: test-import-gui FIXTURES-FOLDER");
  fixtures = argv[1];

  g_test_add_func ("/import-gui/sniff", test_sniff);
  g_test_add_func ("/import-gui/preview-cancel-and-import", test_preview_cancel_and_import);
  g_test_add_func ("/import-gui/add-keeps-one-department", test_add_keeps_one_department);
  g_test_add_func ("/import-gui/open-spreadsheet", test_open_spreadsheet);
  g_test_add_func ("/import-gui/damaged-file", test_damaged_file);
  g_test_add_func ("/import-gui/paste-rows", test_paste_rows);
  return zp_test_ui_finish (tmpdir, g_test_run ());
}
