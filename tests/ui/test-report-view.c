/* test-report-view.c — the written report view on the seed example: editing a paragraph
 * through the workbook's undo stack, the marker when the forms change under the edit,
 * keeping or replacing the text, the export and the saved file carrying the edit.
 *
 * Run under a display: xvfb-run -a meson test -C _build --suite ui
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "zp-evidence-dialog.h"
#include "zp-export.h"
#include "zp-package-command.h"
#include "zp-report-view.h"
#include "zp-rollup-item.h"
#include "zp-rollup-window.h"
#include "zp-window-private.h"
#include "zp-test-ui.h"

/* The text view of the paragraph key, and the marker shown when it is edited. */
static GtkTextView *
text_view (ZpReportView *view,
           const char   *key)
{
  g_autofree char *name = g_strconcat ("text:", key, NULL);

  return GTK_TEXT_VIEW (zp_test_find_widget (GTK_WIDGET (view), name));
}

static GtkWidget *
marker (ZpReportView *view,
        const char   *key)
{
  g_autofree char *name = g_strconcat ("marker:", key, NULL);

  return zp_test_find_widget (GTK_WIDGET (view), name);
}

static char *tmpdir;

static char *
view_text (ZpReportView *view,
           const char   *key)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (view, key));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
text_is (ZpReportView *view,
         const char   *key,
         const char   *expected)
{
  g_autofree char *text = view_text (view, key);

  return g_strcmp0 (text, expected) == 0;
}

static gboolean
text_has (ZpReportView *view,
          const char   *key,
          const char   *needle)
{
  g_autofree char *text = view_text (view, key);

  return strstr (text, needle) != NULL;
}

static gboolean
marker_shown (ZpReportView *view,
              const char   *key)
{
  return gtk_widget_get_visible (marker (view, key));
}

static void
collect_keys (GtkWidget *widget,
              GPtrArray *keys)
{
  const char *name = gtk_widget_get_name (widget);

  if (g_str_has_prefix (name, "text:"))
    g_ptr_array_add (keys, g_strdup (name + strlen ("text:")));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_keys (child, keys);
}

/* The keys of the paragraphs shown, in order (their text views are named "text:<key>"). */
static GPtrArray *
paragraph_keys (ZpReportView *view)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  collect_keys (GTK_WIDGET (view), keys);
  return keys;
}

/* The marker's button labelled label, as the user sees it (English in the tests). */
static GtkWidget *
marker_button (ZpReportView *view,
               const char   *key,
               const char   *label)
{
  for (GtkWidget *w = gtk_widget_get_first_child (marker (view, key)); w; w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *b = gtk_widget_get_first_child (w); b; b = gtk_widget_get_next_sibling (b))
      if (GTK_IS_BUTTON (b) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (b)), label) == 0)
        return b;
  g_error ("no button “%s” by paragraph %s", label, key);
  return NULL;
}

/* Marked as edited with figures that no longer match: the marker offers to keep the text. */
static gboolean
stale_shown (ZpReportView *view,
             const char   *key)
{
  return marker_shown (view, key) && gtk_widget_get_visible (marker_button (view, key, "_Keep My Text"));
}

/* Every paragraph laid out as high as its text (GTK 4.8 left them 0 pixels high once). */
static gboolean
rows_laid_out (ZpReportView *view)
{
  g_autoptr(GPtrArray) keys = paragraph_keys (view);

  for (guint i = 0; i < keys->len; i++)
    {
      GtkWidget *text = GTK_WIDGET (text_view (view, g_ptr_array_index (keys, i)));
      int minimum = 0;

      if (gtk_widget_get_width (text) <= 0)
        return FALSE;
      gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (text),
                          &minimum, NULL, NULL, NULL);
      if (minimum < 20 || gtk_widget_get_height (text) < minimum)
        return FALSE;
    }
  return TRUE;
}

/* The key of the first paragraph that shows `needle`. */
static char *
key_with (ZpReportView *view,
          const char   *needle)
{
  g_autoptr(GPtrArray) keys = paragraph_keys (view);

  for (guint i = 0; i < keys->len; i++)
    if (text_has (view, g_ptr_array_index (keys, i), needle))
      return g_strdup (g_ptr_array_index (keys, i));
  g_error ("no paragraph shows “%s”", needle);
  return NULL;
}

static ZpForm *
project_named (ZpWorkbook *workbook,
               const char *name)
{
  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);

      if (!zp_form_is_department (form)
          && g_strcmp0 (zp_project_form_get_name (ZP_PROJECT_FORM (form)), name) == 0)
        return form;
    }
  g_error ("no project “%s”", name);
  return NULL;
}

static gboolean
chooser_in (GtkFileChooser *chooser,
            GFile          *folder)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

  return current != NULL && g_file_equal (current, folder);
}

/* Export… in format from the view's menu, answered in its chooser as the user does: the
 * proposed name (…-report.<format>) in the scratch folder. Gives the file's path once it
 * is there (written to a temporary file and renamed: there means whole). */
static char *
export_report (ZpReportView *view,
               const char   *format)
{
  g_autoptr(GFile) scratch = g_file_new_for_path (tmpdir);
  g_autofree char *suffix = g_strconcat ("-report.", format, NULL);
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;
  char *path;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "report.export", "s", format));
  zp_test_wait_for ((chooser = zp_test_find_file_chooser (GTK_WINDOW (view))) != NULL);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (name, suffix));
  /* it starts beside the workbook's file */
  {
    ZpWindow *window = ZP_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (view)));
    g_autoptr(GFile) expected = g_file_get_parent (zp_document_get_file (zp_window_get_document (window)));

    zp_test_wait_for (chooser_in (chooser, expected));
  }
  path = g_build_filename (tmpdir, name, NULL);
  g_unlink (path);
  zp_test_choose_file (GTK_WINDOW (view), scratch, path);
  zp_test_wait_for (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
test_edit_stale_export (void)
{
  ZpWindow *window = zp_test_open_example (1280, 800);
  ZpWorkbook *workbook = zp_window_get_workbook (window);
  ZpUndoStack *undo = zp_document_get_undo_stack (zp_window_get_document (window));
  ZpReportView *view;
  g_autofree char *key = NULL;
  g_autofree char *original = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *txt_path = NULL;
  g_autofree char *saved_path = g_build_filename (tmpdir, "edited.ziping", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(ZpWorkbook) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  const char *text, *based_on;

  /* From the window's menu. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL);
  zp_test_wait_for ((view = ZP_REPORT_VIEW (window->report_view)) != NULL
            && gtk_widget_get_mapped (GTK_WIDGET (view)));
  {
    g_autoptr(GPtrArray) keys = paragraph_keys (view);

    g_assert_cmpuint (keys->len, >, 5);
  }
  zp_test_wait_for (rows_laid_out (view));
  key = key_with (view, "科技条件专项");
  original = view_text (view, key);
  g_assert_nonnull (strstr (original, "0.80"));
  g_assert_false (marker_shown (view, key));

  /* Typing at the end of the paragraph: an edit in the workbook, marked as edited. */
  buffer = gtk_text_view_get_buffer (text_view (view, key));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "（已核实", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "）", -1);
  edited = g_strconcat (original, "（已核实）", NULL);
  zp_test_wait_for (marker_shown (view, key));
  g_assert_false (stale_shown (view, key));
  g_assert_true (zp_workbook_get_report_edit (workbook, key, &text, &based_on));
  g_assert_cmpstr (text, ==, edited);
  g_assert_cmpstr (based_on, ==, original);

  /* One step to undo (the typing merged), and back. */
  zp_undo_stack_undo (undo);
  zp_test_wait_for (text_is (view, key, original) && !marker_shown (view, key));
  g_assert_false (zp_workbook_get_report_edit (workbook, key, NULL, NULL));
  zp_undo_stack_redo (undo);
  zp_test_wait_for (text_is (view, key, edited) && marker_shown (view, key));

  /* The form's budget changes: the user's text stays, marked, with the new figure. */
  zp_undo_stack_set_string (undo, G_OBJECT (project_named (workbook, "科技条件专项")),
                            "budget", "1.25", FALSE);
  zp_test_wait_for (stale_shown (view, key));
  g_assert_true (text_is (view, key, edited));

  /* The export (Export… in the view's menu, through its chooser) and the saved file carry
   * the edit. */
  txt_path = export_report (view, "txt");
  {
    g_autofree char *name = g_path_get_basename (txt_path);
    g_autofree char *message = g_strdup_printf ("Exported “%s”", name);

    zp_test_wait_for (zp_test_find_label (GTK_WIDGET (view), message) != NULL);
  }
  g_assert_true (g_file_get_contents (txt_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, edited));
  {
    /* the PDF from outside (poppler); the .docx written whole */
    g_autofree char *pdf_path = export_report (view, "pdf");
    g_autofree char *docx_path = export_report (view, "docx");
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };
    g_autofree char *out = NULL;
    int status = -1;

    g_assert_true (g_file_test (docx_path, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
    /* lines break anywhere in Chinese text: compare without them */
    {
      g_autoptr(GString) joined = g_string_new (NULL);

      for (const char *p = out; *p; p++)
        if (*p != '\n' && *p != ' ')
          g_string_append_c (joined, *p);
      g_assert_nonnull (strstr (joined->str, "（已核实）"));
    }
    g_unlink (pdf_path);
    g_unlink (docx_path);
  }
  zp_window_save (window, saved);
  zp_test_wait_for (!zp_document_get_busy (zp_window_get_document (window)));
  reopened = zp_workbook_load (saved, &error);
  g_assert_no_error (error);
  g_assert_true (zp_workbook_get_report_edit (reopened, key, &text, &based_on));
  g_assert_cmpstr (text, ==, edited);
  g_assert_cmpstr (based_on, ==, original);

  /* Keeping the text clears the mark; using the generated text drops the edit. */
  g_signal_emit_by_name (marker_button (view, key, "_Keep My Text"), "clicked");
  zp_test_wait_for (!stale_shown (view, key) && marker_shown (view, key));
  g_assert_true (zp_workbook_get_report_edit (workbook, key, NULL, &based_on));
  g_assert_nonnull (strstr (based_on, "1.25"));
  g_signal_emit_by_name (marker_button (view, key, "Use _Generated Text"), "clicked");
  zp_test_wait_for (!marker_shown (view, key) && text_has (view, key, "1.25"));
  g_assert_false (zp_workbook_get_report_edit (workbook, key, NULL, NULL));
  zp_undo_stack_undo (undo);
  zp_test_wait_for (text_is (view, key, edited) && marker_shown (view, key));

  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  zp_test_wait_for (g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0);
  g_unlink (txt_path);
  g_unlink (saved_path);
}

/* Another workbook in the window closes the view of the old one. */
/* A window that closes takes its report view and its workbook properties with it. */
static void
test_goes_with_window (void)
{
  ZpWindow *window = zp_test_open_example (1280, 800);
  GtkWindow *view, *properties;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.workbook-properties", NULL);
  zp_test_wait_for ((view = window->report_view) != NULL
                    && (properties = GTK_WINDOW (window->workbook_dialog)) != NULL);
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  g_object_add_weak_pointer (G_OBJECT (properties), (gpointer *) &properties);

  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  zp_test_wait_for (view == NULL && properties == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 0);
}

static void
test_closes_with_workbook (void)
{
  ZpWindow *window = zp_test_open_example (1280, 800);
  ZpReportView *view;
  g_autoptr(ZpWorkbook) other = zp_workbook_new (NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL);
  zp_test_wait_for ((view = ZP_REPORT_VIEW (window->report_view)) != NULL);
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  zp_document_set_workbook (zp_window_get_document (window), other);
  zp_test_wait_for (view == NULL);
  g_assert_null (window->report_view);

  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  zp_test_wait_for (g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0);
}

/* A copy of the example in the scratch folder, opened in a new window. */
static ZpWindow *
open_copy (const char *name)
{
  g_autoptr(GFile) example = zp_window_find_example ();
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  ZpWindow *window = zp_window_new (NULL);

  g_assert_true (g_file_copy (example, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  zp_test_load_and_wait (window, copy);
  g_assert_nonnull (zp_window_get_workbook (window));
  return window;
}

/* The refusal or error dialog of a package command, while shown. */
static AdwMessageDialog *
package_dialog (ZpWindow *window)
{
  GtkWidget *dialog = zp_test_find_dialog (GTK_WINDOW (window), "package-dialog");

  return dialog ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

/* As a click on the response's button: the dialog closes, the response comes once. */
static void
respond (ZpWindow   *window,
         const char *response)
{
  zp_test_respond (package_dialog (window), response);
}

static gboolean
dialog_says (ZpWindow   *window,
             const char *heading)
{
  AdwMessageDialog *dialog = package_dialog (window);

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), heading) == 0;
}

/* Submission Package… from the window's menu: its chooser, in the workbook's folder,
 * proposing …-package.zip, "Package as" a .zip file. */
static GtkFileChooser *
open_package_chooser (ZpWindow *window)
{
  g_autoptr(GFile) scratch = g_file_new_for_path (tmpdir);
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.package", NULL));
  zp_test_wait_for ((chooser = zp_test_find_file_chooser (GTK_WINDOW (window))) != NULL);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (name, "-package.zip"));
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "kind"), ==, "zip");
  zp_test_wait_for (chooser_in (chooser, scratch));
  return chooser;
}

/* The drop-down in root whose items include label, or NULL. */
static GtkDropDown *
find_drop_down (GtkWidget  *root,
                const char *label,
                guint      *position)
{
  if (GTK_IS_DROP_DOWN (root))
    {
      GListModel *items = gtk_drop_down_get_model (GTK_DROP_DOWN (root));

      for (guint i = 0; GTK_IS_STRING_LIST (items) && i < g_list_model_get_n_items (items); i++)
        if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (items), i), label) == 0)
          {
            *position = i;
            return GTK_DROP_DOWN (root);
          }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_drop_down (child, label, position);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Package as" kind, picked in the chooser's drop-down as the user does (GTK 4.8's
 * gtk_file_chooser_set_choice leaves a drop-down choice of the dialog as it was). */
static void
choose_kind (GtkFileChooser *chooser,
             const char     *kind)
{
  const char *label = g_str_equal (kind, "zip") ? "A .zip file" : "A folder";
  guint position = 0;
  GtkDropDown *kinds = find_drop_down (GTK_WIDGET (chooser), label, &position);

  g_assert_nonnull (kinds);
  gtk_drop_down_set_selected (kinds, position);
}

/* Answers the package chooser with its proposed name in the scratch folder, "Package as"
 * kind, with or without the .docx files; gives the chooser's file (the name as proposed). */
static char *
choose_package (ZpWindow   *window,
                const char *kind,
                gboolean    docx)
{
  GtkFileChooser *chooser = open_package_chooser (window);
  g_autoptr(GFile) scratch = g_file_new_for_path (tmpdir);
  g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
  char *path = g_build_filename (tmpdir, name, NULL);

  choose_kind (chooser, kind);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "kind"), ==, kind);
  gtk_file_chooser_set_choice (chooser, "docx", docx ? "true" : "false");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "docx"), ==, docx ? "true" : "false");
  zp_test_choose_file (GTK_WINDOW (window), scratch, path);
  zp_test_wait_for (zp_test_find_file_chooser (GTK_WINDOW (window)) == NULL);
  return path;
}

/* The toast "Package “name” written: …". */
static void
wait_for_written (ZpWindow   *window,
                  const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = g_strdup_printf ("Package “%s” written: ", name);

  zp_test_wait_for (zp_test_find_label (GTK_WIDGET (window), message) != NULL);
}

/* Through the menu and its chooser, as the user does. "Package as" a folder takes the
 * proposed name's .zip off, and the Word choice adds the .docx files; an existing package
 * is replaced only when the user says so. Unsaved changes: save first, no chooser. An
 * error in the forms: refused with the error listed and nothing written; "Package Anyway"
 * writes it. */
static void
test_package (void)
{
  ZpWindow *window = open_copy ("package-source.ziping");
  ZpWorkbook *workbook = zp_window_get_workbook (window);
  ZpUndoStack *undo = zp_document_get_undo_stack (zp_window_get_document (window));
  ZpForm *form = project_named (workbook, "科技条件专项");
  g_autofree char *zip_path = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *docx_path = NULL;
  g_autofree char *stale_path = NULL;
  const char *body;

  /* Clean workbook: a folder package at once (written in a worker; the manifest last). */
  zip_path = choose_package (window, "folder", TRUE);
  g_assert_true (g_str_has_suffix (zip_path, ".zip"));
  folder_path = g_strndup (zip_path, strlen (zip_path) - strlen (".zip"));
  manifest_path = g_build_filename (folder_path, "manifest.json", NULL);
  docx_path = g_build_filename (folder_path, "report.docx", NULL);
  wait_for_written (window, folder_path);
  g_assert_true (g_file_test (manifest_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (docx_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (zip_path, G_FILE_TEST_EXISTS));

  /* The same folder again: asked first; replacing removes what it held. */
  stale_path = g_build_filename (folder_path, "stale.txt", NULL);
  g_assert_true (g_file_set_contents (stale_path, "old", -1, NULL));
  g_free (choose_package (window, "folder", FALSE));
  zp_test_wait_for (dialog_says (window, "Replace the Package?"));
  g_assert_true (g_file_test (stale_path, G_FILE_TEST_EXISTS));
  respond (window, "force");
  /* the new folder is renamed into place (the toast would wait behind the first one) */
  zp_test_wait_for (!g_file_test (stale_path, G_FILE_TEST_EXISTS)
                    && g_file_test (manifest_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (docx_path, G_FILE_TEST_EXISTS));

  zp_undo_stack_set_string (undo, G_OBJECT (form), "budget", "-5", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.package", NULL));
  zp_test_wait_for (dialog_says (window, "Save the Workbook First"));
  g_assert_null (zp_test_find_file_chooser (GTK_WINDOW (window)));
  respond (window, "close");
  zp_test_wait_for (package_dialog (window) == NULL);

  zp_window_save (window, NULL);
  zp_test_wait_for (!zp_document_get_busy (zp_window_get_document (window))
            && !zp_document_get_modified (zp_window_get_document (window)));
  g_free (zip_path);
  zip_path = choose_package (window, "zip", FALSE);
  zp_test_wait_for (dialog_says (window, "The Workbook Has Errors"));
  body = adw_message_dialog_get_body (package_dialog (window));
  g_assert_nonnull (strstr (body, "科技条件专项"));
  g_assert_false (g_file_test (zip_path, G_FILE_TEST_EXISTS));

  respond (window, "force");
  zp_test_wait_for (g_file_test (zip_path, G_FILE_TEST_IS_REGULAR) && package_dialog (window) == NULL);

  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  zp_test_wait_for (g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/* The group headed heading (the form's title, or an indicator's place "Goal 1, row 1"),
 * or NULL. */
static GtkWidget *
find_group (GtkWidget  *widget,
            const char *heading)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      (g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), heading) == 0 ||
       g_strcmp0 (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)), heading) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *group = find_group (child, heading);

      if (group != NULL)
        return group;
    }
  return NULL;
}

/* The file rows of the group headed heading, NULL without such a group. */
static GPtrArray *
group_rows (GtkWidget  *widget,
            const char *heading)
{
  GtkWidget *group = find_group (widget, heading);
  GPtrArray *rows;

  if (group == NULL)
    return NULL;
  rows = g_ptr_array_new ();
  collect_rows (group, rows);
  return rows;
}

/* Clicks the "Attach a file…" button of the group headed heading. */
static void
click_attach (ZpEvidenceDialog *dialog,
              const char       *heading)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *group;
  GtkWidget *add = NULL;

  /* as a user: on what the dialog has laid out and drawn */
  zp_test_wait_for_frames (GTK_WIDGET (dialog), 2);
  group = find_group (GTK_WIDGET (dialog), heading);
  g_assert_nonnull (group);
  collect_buttons (group, buttons);
  for (guint i = 0; i < buttons->len && add == NULL; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Attach a file…") == 0)
      add = g_ptr_array_index (buttons, i);
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_is_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
}

/* Attaches file to the group headed heading as the user does: its "Attach a file…" button,
 * then file in the chooser. */
static void
attach (ZpEvidenceDialog *dialog,
        const char       *heading,
        GFile            *file)
{
  click_attach (dialog, heading);
  zp_test_choose_existing_file (GTK_WINDOW (dialog), file);
  zp_test_wait_for (zp_test_find_file_chooser (GTK_WINDOW (dialog)) == NULL);
}

/* The toast saying text, once shown. */
static GtkLabel *
wait_for_toast (GtkWidget  *root,
                const char *text)
{
  GtkLabel *toast;

  zp_test_wait_for ((toast = zp_test_find_label (root, text)) != NULL);
  return toast;
}

/* The group headed heading shows n files, the missing-th one marked missing (-1: none);
 * a missing file's row says so below its path. */
static gboolean
rows_are (ZpEvidenceDialog *dialog,
          const char       *heading,
          guint             n,
          int               missing)
{
  g_autoptr(GPtrArray) rows = group_rows (GTK_WIDGET (dialog), heading);

  if (rows == NULL || rows->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, i));

      if ((subtitle != NULL && g_str_has_prefix (subtitle, "Missing")) != ((int) i == missing))
        return FALSE;
    }
  return TRUE;
}

/* Clicks the remove button of the n-th file row in the group headed heading. */
static void
click_remove (ZpEvidenceDialog *dialog,
              const char       *heading,
              guint             n)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  zp_test_wait_for_frames (GTK_WIDGET (dialog), 2);
  rows = group_rows (GTK_WIDGET (dialog), heading);
  g_assert_cmpuint (n, <, rows->len);
  collect_buttons (g_ptr_array_index (rows, n), buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Remove") == 0)
      {
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        return;
      }
  g_error ("no Remove button on row %u of “%s”", n, heading);
}

/* Files inside the workbook's folder are attached by relative path, one outside is
 * refused; a missing file is marked; removing is undone like any edit. */
static void
test_evidence (void)
{
  ZpWindow *window = open_copy ("evidence.ziping");
  ZpWorkbook *workbook = zp_window_get_workbook (window);
  ZpUndoStack *undo = zp_document_get_undo_stack (zp_window_get_document (window));
  ZpForm *form = project_named (workbook, "科技条件专项");
  GObject *indicator = G_OBJECT (zp_goal_get_indicator (zp_form_get_goal (form, 0), 0));
  g_autofree char *subdir = g_build_filename (tmpdir, "佐证", NULL);
  g_autofree char *inside = g_build_filename (subdir, "巡检记录.pdf", NULL);
  g_autofree char *elsewhere = g_dir_make_tmp ("ziping-elsewhere-XXXXXX", NULL);
  g_autofree char *outside = g_build_filename (elsewhere, "外部.pdf", NULL);
  g_autoptr(GFile) inside_file = g_file_new_for_path (inside);
  g_autoptr(GFile) outside_file = g_file_new_for_path (outside);
  const char *two[] = { "佐证/巡检记录.pdf", "佐证/缺失.pdf", NULL };
  g_autofree char *refused = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *form_title = zp_form_dup_title (form);
  const char *row1 = "Goal 1, row 1";  /* the indicator's group */
  ZpEvidenceDialog *dialog;

  g_assert_cmpint (g_mkdir_with_parents (subdir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "%PDF-1.4\n", -1, NULL));
  g_assert_true (g_file_set_contents (outside, "%PDF-1.4\n", -1, NULL));

  zp_window_show_form (window, form);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.evidence", NULL);
  zp_test_wait_for ((dialog = (ZpEvidenceDialog *) zp_test_find_transient (GTK_WINDOW (window),
                                                                            ZP_TYPE_EVIDENCE_DIALOG)) != NULL
            && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (rows_are (dialog, row1, 0, -1));
  g_assert_true (rows_are (dialog, form_title, 0, -1));

  /* the file chooser starts in the workbook's folder */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
    GtkFileChooser *chooser;
    GtkWidget *cancel;

    click_attach (dialog, row1);
    zp_test_wait_for ((chooser = zp_test_find_file_chooser (GTK_WINDOW (dialog))) != NULL);
    zp_test_wait_for (chooser_in (chooser, folder));
    cancel = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    g_signal_emit_by_name (cancel, "clicked");
    zp_test_wait_for (zp_test_find_file_chooser (GTK_WINDOW (dialog)) == NULL);
    g_assert_true (rows_are (dialog, row1, 0, -1));
  }

  attach (dialog, row1, inside_file);
  zp_test_wait_for (rows_are (dialog, row1, 1, -1));
  g_assert_cmpstrv (zp_indicator_get_evidence (ZP_INDICATOR (indicator)), ((const char *[]) { "佐证/巡检记录.pdf", NULL }));

  /* refused, with the reason in a toast: outside the workbook's folder, already attached */
  attach (dialog, row1, outside_file);
  refused = g_strdup_printf ("“%s” is not in the workbook’s folder (%s).", outside, tmpdir);
  /* the next toast waits behind this one */
  zp_test_wait_toast_gone (wait_for_toast (GTK_WIDGET (dialog), refused));
  attach (dialog, row1, inside_file);
  wait_for_toast (GTK_WIDGET (dialog), "“佐证/巡检记录.pdf” is already attached.");
  g_assert_cmpstrv (zp_indicator_get_evidence (ZP_INDICATOR (indicator)), ((const char *[]) { "佐证/巡检记录.pdf", NULL }));
  g_assert_true (rows_are (dialog, row1, 1, -1));

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, two);
  zp_undo_stack_set_value (undo, indicator, "evidence", &value, FALSE);
  zp_test_wait_for (rows_are (dialog, row1, 2, 1));

  click_remove (dialog, row1, 0);
  zp_test_wait_for (rows_are (dialog, row1, 1, 0));
  g_assert_cmpstrv (zp_indicator_get_evidence (ZP_INDICATOR (indicator)), ((const char *[]) { "佐证/缺失.pdf", NULL }));
  zp_undo_stack_undo (undo);
  zp_test_wait_for (rows_are (dialog, row1, 2, 1));

  gtk_window_destroy (GTK_WINDOW (dialog));
  zp_test_wait_for (zp_test_find_transient (GTK_WINDOW (window), ZP_TYPE_EVIDENCE_DIALOG) == NULL);
  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  zp_test_wait_for (g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0);
  g_unlink (outside);
  g_rmdir (elsewhere);
}

/* Three units (copies of the example under other names; one with an error) and a file
 * that is not a workbook. */
static char *
make_units_folder (void)
{
  g_autofree char *folder = g_build_filename (tmpdir, "units", NULL);
  g_autoptr(GFile) example = zp_window_find_example ();
  const char *units[] = { "乙单位", "甲单位", "丙单位" };
  g_autofree char *broken = g_build_filename (folder, "broken.ziping", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(ZpWorkbook) workbook = zp_workbook_load (example, NULL);
      g_autofree char *name = g_strdup_printf ("unit-%u.ziping", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      zp_workbook_set_unit (workbook, units[i]);
      if (i == 2)
        zp_form_set_budget (project_named (workbook, "科技条件专项"), "-1");
      g_assert_true (zp_workbook_save (workbook, file, NULL));
    }
  g_assert_true (g_file_set_contents (broken, "{ not json", -1, NULL));
  {
    /* a unit that sent its forms as a spreadsheet */
    g_autoptr(ZpWorkbook) workbook = zp_workbook_load (example, NULL);
    g_autofree char *path = g_build_filename (folder, "丁单位.xlsx", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    zp_workbook_set_unit (workbook, "丁单位");
    g_assert_true (zp_export_workbook (workbook, ZP_EXPORT_FORMAT_XLSX, NULL, file, NULL));
  }
  return g_steal_pointer (&folder);
}

/* The roll-up's table, found by its name. */
static GtkColumnView *
rollup_view (ZpRollupWindow *rollup)
{
  GtkWidget *view = zp_test_find_widget (GTK_WIDGET (rollup), "rollup-rows");

  g_assert_true (GTK_IS_COLUMN_VIEW (view));
  return GTK_COLUMN_VIEW (view);
}

/* The rows as the table shows them (sorted): its selection model's ZpRollupItem. */
static GListModel *
rollup_rows (ZpRollupWindow *rollup)
{
  return G_LIST_MODEL (gtk_column_view_get_model (rollup_view (rollup)));
}

static const ZpSummaryEntry *
row_entry (ZpRollupWindow *rollup,
           guint           i)
{
  g_autoptr(ZpRollupItem) item = g_list_model_get_item (rollup_rows (rollup), i);

  return zp_rollup_item_get_entry (item);
}

/* A ZpWindow other than the windows in known, or NULL. */
static ZpWindow *
new_zp_window (GPtrArray *known)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();  /* not ref-ed */

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ZP_IS_WINDOW (l->data) && !g_ptr_array_find (known, l->data, NULL))
      return l->data;
  return NULL;
}

static gboolean
is_busy (ZpRollupWindow *rollup)
{
  gboolean busy = TRUE;

  g_object_get (rollup, "busy", &busy, NULL);
  return busy;
}

/* One row per unit and form, sortable, the errors of each, activating a row opens its
 * workbook, the export holds every unit, an unreadable file is named. */
static void
test_rollup (void)
{
  g_autofree char *path = make_units_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  ZpRollupWindow *rollup = zp_rollup_window_new (NULL, folder);
  GtkSpinner *spinner = GTK_SPINNER (zp_test_find_by_type (GTK_WIDGET (rollup), GTK_TYPE_SPINNER));
  GtkColumnView *view;
  GListModel *rows;
  GListModel *view_columns;
  GtkWidget *failures_label;
  g_autoptr(GtkColumnViewColumn) unit_column = NULL;
  g_autoptr(GtkColumnViewColumn) errors_column = NULL;
  g_auto(GStrv) failures = NULL;
  g_autofree char *csv_path = g_build_filename (tmpdir, "summary.csv", NULL);
  g_autoptr(GFile) scratch = g_file_new_for_path (tmpdir);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) known = g_ptr_array_new ();
  ZpWindow *opened;

  /* reading: the spinner spins with the busy property */
  g_assert_true (is_busy (rollup));
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (spinner));
  gtk_window_present (GTK_WINDOW (rollup));
  zp_test_wait_for (!is_busy (rollup));
  g_assert_false (zp_rollup_window_get_busy (rollup));
  g_assert_false (gtk_spinner_get_spinning (spinner));
  view = rollup_view (rollup);
  rows = rollup_rows (rollup);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4 * 4);
  {
    guint from_sheet = 0;

    for (guint i = 0; i < 16; i++)
      if (g_str_has_suffix (row_entry (rollup, i)->file, "丁单位.xlsx"))
        {
          from_sheet++;
          /* the unit as the sheet prints it (its department form's) */
          g_assert_cmpstr (row_entry (rollup, i)->unit, ==, "江岸区大数据中心");
        }
    g_assert_cmpuint (from_sheet, ==, 4);
  }
  /* "Not read:", then each file that could not be read with its message */
  failures_label = zp_test_find_widget (GTK_WIDGET (rollup), "rollup-failures");
  g_assert_true (GTK_IS_LABEL (failures_label));
  g_assert_true (gtk_widget_get_visible (failures_label));
  failures = g_strsplit (gtk_label_get_text (GTK_LABEL (failures_label)), "\n", -1);
  g_assert_cmpuint (g_strv_length (failures), ==, 2);
  g_assert_cmpstr (failures[0], ==, "Not read:");
  g_assert_true (g_str_has_prefix (failures[1], "broken.ziping: "));

  view_columns = gtk_column_view_get_columns (view);
  unit_column = g_list_model_get_item (view_columns, 0);
  errors_column = g_list_model_get_item (view_columns, 11);
  g_assert_cmpstr (gtk_column_view_column_get_title (errors_column), ==, "Errors");

  gtk_column_view_sort_by_column (view, unit_column, GTK_SORT_ASCENDING);
  zp_test_wait_for (g_strcmp0 (row_entry (rollup, 0)->unit, row_entry (rollup, 15)->unit) < 0);
  for (guint i = 1; i < 16; i++)
    g_assert_cmpint (g_strcmp0 (row_entry (rollup, i - 1)->unit, row_entry (rollup, i)->unit), <=, 0);
  gtk_column_view_sort_by_column (view, errors_column, GTK_SORT_DESCENDING);
  zp_test_wait_for (row_entry (rollup, 0)->errors > 0);
  g_assert_cmpstr (row_entry (rollup, 0)->unit, ==, "丙单位");
  g_assert_cmpstr (row_entry (rollup, 0)->title, ==, "科技条件专项");
  g_assert_cmpint (row_entry (rollup, 1)->errors, ==, 0);

  /* a double-click (or Enter) on the first row: its unit's workbook in a new window */
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      g_ptr_array_add (known, l->data);
  }
  g_signal_emit_by_name (view, "activate", 0);
  zp_test_wait_for ((opened = new_zp_window (known)) != NULL);
  zp_test_wait_for (zp_window_get_workbook (opened) != NULL
            && !zp_document_get_busy (zp_window_get_document (opened)));
  g_assert_cmpstr (zp_workbook_get_unit (zp_window_get_workbook (opened)), ==, "丙单位");

  /* Export as CSV: the chooser proposes summary.csv in the units' folder; the user picks
   * the scratch folder, the toast says it is written, and it holds every unit */
  g_unlink (csv_path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rollup), "rollup.export", "s", "csv"));
  {
    GtkFileChooser *chooser = zp_test_find_file_chooser (GTK_WINDOW (rollup));
    g_autofree char *name = NULL;

    g_assert_nonnull (chooser);
    name = gtk_file_chooser_get_current_name (chooser);
    g_assert_cmpstr (name, ==, "summary.csv");
    zp_test_wait_for (chooser_in (chooser, folder));
  }
  zp_test_choose_file (GTK_WINDOW (rollup), scratch, csv_path);
  zp_test_wait_for (zp_test_find_file_chooser (GTK_WINDOW (rollup)) == NULL);
  zp_test_wait_for (zp_test_find_label (GTK_WIDGET (rollup), "Exported “summary.csv”") != NULL);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "甲单位"));
  g_assert_nonnull (strstr (contents, "乙单位"));
  g_assert_nonnull (strstr (contents, "丙单位"));

  opened->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (opened));
  gtk_window_destroy (GTK_WINDOW (rollup));
  zp_test_wait_for (g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmpdir = zp_test_ui_setup (&argc, &argv, "report-view");

  g_test_add_func ("/report-view/edit-stale-export", test_edit_stale_export);
  g_test_add_func ("/report-view/closes-with-workbook", test_closes_with_workbook);
  g_test_add_func ("/report-view/goes-with-window", test_goes_with_window);
  g_test_add_func ("/report-view/package", test_package);
  g_test_add_func ("/report-view/evidence", test_evidence);
  g_test_add_func ("/report-view/rollup", test_rollup);

  result = g_test_run ();
  /* with the packages and copies written in it */
  return zp_test_ui_finish (tmpdir, result);
}
