/* test-instances.c — recovery drafts across processes: another instance's live draft is
 * neither offered nor deleted here; once that instance is killed (kill -9) its drafts, one
 * per document, are offered with their file names and restore what it had.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>

#include "zp-window-private.h"
#include "zp-test-ui.h"

static char *tmpdir;
static char *helper;

/* Starts another instance editing files; returns once its drafts are written. */
static GSubprocess *
start_instance (const char *text,
                GFile      *file1,
                GFile      *file2)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, helper, text,
                                           g_file_peek_path (file1),
                                           file2 ? g_file_peek_path (file2) : NULL, NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  return process;
}

static void
kill_instance (GSubprocess *process)
{
  g_subprocess_send_signal (process, SIGKILL);
  g_assert_true (g_subprocess_wait (process, NULL, NULL));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
}

static guint
count_orphans (void)
{
  g_autoptr(GListModel) orphans = zp_draft_list_orphans ();

  return g_list_model_get_n_items (orphans);
}

/* Two live instances on the same file: each has its draft; neither is offered while
 * they live; killing one offers only its draft, with its own text. */
static void
test_two_instances (void)
{
  g_autoptr(GFile) file = zp_test_copy_example (tmpdir, "shared.ziping");
  g_autoptr(GSubprocess) first = start_instance ("第一个实例", file, NULL);
  g_autoptr(GSubprocess) second = start_instance ("第二个实例", file, NULL);
  g_autoptr(ZpDraft) draft = NULL;
  ZpWindow *window;
  AdwMessageDialog *dialog;

  /* live: nothing to offer, and so nothing a "Discard" here could delete */
  g_assert_cmpuint (count_orphans (), ==, 0);
  g_assert_null (zp_draft_find_orphan (file));

  window = zp_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  zp_window_offer_drafts (window);
  g_assert_null (zp_test_find_message_dialog (GTK_WINDOW (window)));

  kill_instance (second);
  g_assert_cmpuint (count_orphans (), ==, 1);

  /* the file reopened by name offers the dead instance's draft */
  zp_window_open (window, file);
  dialog = zp_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "shared.ziping"));
  zp_test_respond (dialog, "restore");
  zp_test_wait_for (zp_window_get_workbook (window) != NULL && !zp_document_get_busy (zp_window_get_document (window)));
  g_assert_cmpstr (zp_form_get_analysis (zp_workbook_get_form (zp_window_get_workbook (window), 0)), ==, "第二个实例");
  g_assert_true (zp_document_get_modified (zp_window_get_document (window)));

  /* the first instance's draft is still its own */
  g_assert_cmpuint (count_orphans (), ==, 0);
  kill_instance (first);
  draft = zp_draft_find_orphan (file);
  g_assert_nonnull (draft);
  g_clear_object (&draft);

  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  /* a leftover for the next test to find: discard it */
  draft = zp_draft_find_orphan (file);
  zp_draft_delete (draft);
  g_assert_cmpuint (count_orphans (), ==, 0);
}

/* One instance with two documents (two windows) killed: both drafts are offered at the
 * next start, each with its file name, one after the other; restoring both gives two
 * windows. */
static void
test_killed_with_two_windows (void)
{
  g_autoptr(GFile) a = zp_test_copy_example (tmpdir, "killed-a.ziping");
  g_autoptr(GFile) b = zp_test_copy_example (tmpdir, "killed-b.ziping");
  g_autoptr(GSubprocess) process = start_instance ("被杀掉之前", a, b);
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.ziping.ZipingTest", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  ZpWindow *window;
  GList *windows;

  kill_instance (process);
  g_assert_cmpuint (count_orphans (), ==, 2);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = zp_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  zp_window_offer_drafts (window);
  for (guint i = 0; i < 2; i++)
    {
      AdwMessageDialog *dialog = zp_test_find_message_dialog (GTK_WINDOW (window));

      g_assert_nonnull (dialog);
      g_ptr_array_add (seen, g_strdup (adw_message_dialog_get_body (dialog)));
      zp_test_respond (dialog, "restore");
    }
  g_test_message ("offered: %s / %s", (char *) g_ptr_array_index (seen, 0), (char *) g_ptr_array_index (seen, 1));
  g_assert_nonnull (strstr (g_ptr_array_index (seen, 0), "killed-"));
  g_assert_nonnull (strstr (g_ptr_array_index (seen, 1), "killed-"));
  g_assert_cmpstr (g_ptr_array_index (seen, 0), !=, g_ptr_array_index (seen, 1));

  /* a copy: the app reorders its list as windows get the focus */
  windows = g_list_copy (gtk_application_get_windows (app));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  for (GList *l = windows; l != NULL; l = l->next)
    {
      ZpWindow *w = l->data;

      zp_test_wait_for (zp_window_get_workbook (w) != NULL && !zp_document_get_busy (zp_window_get_document (w)));
      g_assert_cmpstr (zp_form_get_analysis (zp_workbook_get_form (zp_window_get_workbook (w), 0)), ==, "被杀掉之前");
      g_assert_true (zp_document_get_modified (zp_window_get_document (w)));
    }
  g_assert_false (g_file_equal (zp_window_get_file (windows->data), zp_window_get_file (windows->next->data)));
  g_list_free (windows);
  /* both drafts belong to the windows now; closing them (discarding) removes them */
  while ((windows = gtk_application_get_windows (app)) != NULL)
    {
      ZP_WINDOW (windows->data)->force_close = TRUE;
      gtk_window_destroy (windows->data);
    }
  g_assert_cmpuint (count_orphans (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmpdir = zp_test_ui_setup (&argc, &argv, "instances");
  helper = g_strdup (ZP_DRAFT_HELPER);

  g_test_add_func ("/instances/two-instances", test_two_instances);
  g_test_add_func ("/instances/killed-with-two-windows", test_killed_with_two_windows);

  result = g_test_run ();
  g_free (helper);
  return zp_test_ui_finish (tmpdir, result);
}
