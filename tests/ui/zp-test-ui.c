/* zp-test-ui.c — the UI tests' shared set-up and waiting (see zp-test-ui.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zp-test-ui.h"

/* The app's resources live in the static libzpgui: referencing them links them in. */
extern GResource *zp_get_resource (void);

/* A timeout that keeps the blocking iteration in zp_test_wait_for() re-checking. */
gboolean
zp_test_wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until `holds` does, or fails after five seconds saying `what`. */
void
zp_test_wait_until (ZpTestPredicate  holds,
                    gpointer         data,
                    const char      *what)
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

/* For tests of whole windows: needs a display (fails without one rather than pass unseen),
 * and sends recovery drafts and recently used files to a scratch folder, not the user's.
 * Returns that folder, "ziping-<name>-XXXXXX" in the temporary directory. */
char *
zp_test_ui_setup (int         *argc,
                  char      ***argv,
                  const char  *name)
{
  g_autofree char *template = g_strdup_printf ("ziping-%s-XXXXXX", name);
  char *tmpdir;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("%s needs a display: run it under xvfb-run\n", name);
      exit (1);
    }
  tmpdir = g_dir_make_tmp (template, NULL);
  g_assert_nonnull (tmpdir);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return tmpdir;
}

/* Removes the scratch folder and what the tests wrote in it; returns result. */
int
zp_test_ui_finish (char *tmpdir,
                   int   result)
{
  const char *argv[] = { "rm", "-rf", tmpdir, NULL };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_free (tmpdir);
  return result;
}

/* For tests of single widgets: GTK, libadwaita and the app's resources. */
void
zp_test_ui_init (int    *argc,
                 char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  (void) zp_get_resource ();
}

/* The seed example (jiangan-2024.ziping in $ZIPING_EXAMPLES). */
ZpWorkbook *
zp_test_load_seed (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ZpWorkbook *workbook = zp_workbook_load (file, &error);

  g_assert_no_error (error);
  return workbook;
}

/* The example, loaded and saved again as folder/name. */
GFile *
zp_test_copy_example (const char *folder,
                      const char *name)
{
  g_autoptr(GFile) example = zp_window_find_example ();
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load (example, NULL);
  GFile *file = g_file_new_for_path (path);

  g_assert_true (zp_workbook_save (workbook, file, NULL));
  return file;
}

/* Opens file in window and waits until it is shown (or has failed: a dialog). */
void
zp_test_load_and_wait (ZpWindow *window,
                       GFile    *file)
{
  zp_window_open (window, file);
  zp_test_wait_for (!zp_document_get_busy (zp_window_get_document (window)) && window->opening == NULL);
}

/* A new window of width × height on the example, once its workbook is in. */
ZpWindow *
zp_test_open_example (int width,
                      int height)
{
  ZpWindow *window = zp_window_new (NULL);
  g_autoptr(GFile) example = zp_window_find_example ();

  g_assert_nonnull (example);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  zp_test_load_and_wait (window, example);
  g_assert_nonnull (zp_window_get_workbook (window));
  return window;
}

/* Closes window without asking about unsaved changes and waits until it is gone. */
void
zp_test_close_window (ZpWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  zp_test_wait_for (window == NULL);
}

/* The first widget named name (gtk_widget_set_name) in root or below it, popovers
 * included (they are children of the widget they point at), or NULL. */
GtkWidget *
zp_test_find_widget (GtkWidget  *root,
                     const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = zp_test_find_widget (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* Every widget named name in root or below it, in the order they are shown (borrowed). */
GPtrArray *
zp_test_find_all_widgets (GtkWidget  *root,
                          const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_named (root, name, found);
  return found;
}

/* The shown window named name that is transient for parent (a dialog), or NULL. */
GtkWidget *
zp_test_find_dialog (GtkWindow  *parent,
                     const char *name)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();  /* the windows are not ref-ed */

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == parent && gtk_widget_get_visible (l->data)
        && g_strcmp0 (gtk_widget_get_name (l->data), name) == 0)
      return l->data;
  return NULL;
}

/* The shown window of type (or a subtype) transient for parent, or NULL. */
GtkWidget *
zp_test_find_transient (GtkWindow *parent,
                        GType      type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();  /* the windows are not ref-ed */

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == parent && gtk_widget_get_visible (l->data)
        && G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

/* The first widget of type (or a subtype) in root or below it, or NULL. */
GtkWidget *
zp_test_find_by_type (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = zp_test_find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first label in root or below it whose text contains text, or NULL. */
GtkLabel *
zp_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = zp_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The file chooser shown over parent, or NULL. Without a portal (the tests' session has
 * none) a GtkFileChooserNative shows a GtkFileChooserDialog transient for its parent; that
 * dialog is what the user sees and answers. */
GtkFileChooser *
zp_test_find_file_chooser (GtkWindow *parent)
{
  return (GtkFileChooser *) zp_test_find_transient (parent, GTK_TYPE_FILE_CHOOSER_DIALOG);
}

static gboolean
chooser_in (GtkFileChooser *chooser,
            GFile          *folder)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

  return current != NULL && g_file_equal (current, folder);
}

static gboolean
chooser_gives (GtkFileChooser *chooser,
               const char     *path)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL && g_strcmp0 (g_file_peek_path (file), path) == 0;
}

/* Mapped and in a folder: a chooser given none goes to its default one once shown. */
static gboolean
chooser_has_folder (GtkFileChooser *chooser)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

  return gtk_widget_get_mapped (GTK_WIDGET (chooser)) && current != NULL;
}

/* Answers the file chooser over parent as the user does: goes to folder, keeps the
 * proposed name, waits until the chooser gives path (it loads the folder first), then
 * clicks its accept button. */
void
zp_test_choose_file (GtkWindow  *parent,
                     GFile      *folder,
                     const char *path)
{
  GtkFileChooser *chooser;
  GtkWidget *accept;

  zp_test_wait_for ((chooser = zp_test_find_file_chooser (parent)) != NULL
                    && chooser_has_folder (chooser));
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  zp_test_wait_for (chooser_gives (chooser, path));
  accept = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_nonnull (accept);
  g_assert_true (gtk_widget_is_sensitive (accept));
  g_signal_emit_by_name (accept, "clicked");
}

/* Goes to file's folder and selects file there, until the chooser gives it: again each
 * second while it does not, because a chooser shown with a folder of its own may return to
 * that folder once it has loaded it, after the test has moved on (GTK 4.8 also selects
 * nothing when asked for a file in another folder than the one shown). */
static void
select_existing_file (GtkFileChooser *chooser,
                      GFile          *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  const char *path = g_file_peek_path (file);
  guint wake = g_timeout_add (10, zp_test_wake_up, NULL);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!chooser_gives (chooser, path) && g_get_monotonic_time () < end)
    {
      gboolean selecting = chooser_in (chooser, folder);
      gint64 retry = g_get_monotonic_time () + G_USEC_PER_SEC;

      if (selecting)
        gtk_file_chooser_set_file (chooser, file, NULL);
      else
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
      /* (when it has gone to the folder, select at once) */
      while (!chooser_gives (chooser, path) && g_get_monotonic_time () < retry &&
             (selecting || !chooser_in (chooser, folder)))
        g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  if (!chooser_gives (chooser, path))
    g_error ("timed out waiting for the chooser to give %s", path);
}

/* Answers the open chooser over parent as the user does: goes to file's folder, selects
 * file there, then clicks its accept button. */
void
zp_test_choose_existing_file (GtkWindow *parent,
                              GFile     *file)
{
  GtkFileChooser *chooser;
  GtkWidget *accept;

  zp_test_wait_for ((chooser = zp_test_find_file_chooser (parent)) != NULL
                    && chooser_has_folder (chooser));
  select_existing_file (chooser, file);
  accept = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_nonnull (accept);
  g_assert_true (gtk_widget_is_sensitive (accept));
  g_signal_emit_by_name (accept, "clicked");
}

void
zp_test_wait_toast_gone (GtkLabel *title)
{
  GtkWidget *toast = GTK_WIDGET (title);

  while (toast != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (toast), "AdwToastWidget") != 0)
    toast = gtk_widget_get_parent (toast);
  g_assert_nonnull (toast);
  /* gone once it has timed out and slid away: until then its title is still found. Not
   * its close button: libadwaita 1.2 unrefs a toast once too often when it is closed so. */
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &toast);
  zp_test_wait_for (toast == NULL);
}

/* Whether widget lies within its window and the screen (the window is at the screen's
 * origin under Xvfb, which has no window manager): a popover it opens has a monitor to
 * be placed on. */
gboolean
zp_test_is_on_screen (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (widget));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle screen = { 0 };
  double x, y;

  if (monitor == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_translate_coordinates (widget, window, 0, 0, &x, &y))
    return FALSE;
  gdk_monitor_get_geometry (monitor, &screen);
  return x >= 0 && y >= 0 &&
         y + gtk_widget_get_height (widget) <= MIN (gtk_widget_get_height (window), screen.height) &&
         x + gtk_widget_get_width (widget) <= MIN (gtk_widget_get_width (window), screen.width);
}

/* The message dialog shown over window (Save Changes?, an error, …), or NULL. */
AdwMessageDialog *
zp_test_find_message_dialog (GtkWindow *window)
{
  return (AdwMessageDialog *) zp_test_find_transient (window, ADW_TYPE_MESSAGE_DIALOG);
}

GtkWidget *
zp_test_find_button (GtkWidget  *root,
                     const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = zp_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Answers dialog as a click on the response's button does: the dialog closes and the
 * response is emitted once. (adw_message_dialog_response() only emits it, and closing
 * the dialog afterwards emits the close response as a second one.) */
static void
count_response (AdwMessageDialog *dialog,
                const char       *response,
                guint            *n)
{
  (*n)++;
}

void
zp_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  GtkWidget *button;
  guint n = 0;
  gulong id;

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  button = zp_test_find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_ref (dialog);
  id = g_signal_connect (dialog, "response", G_CALLBACK (count_response), &n);
  g_signal_emit_by_name (button, "clicked");
  g_signal_handler_disconnect (dialog, id);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  gint64 *left = data;

  return --*left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* (a tick callback asks for the frames: a window with nothing to draw would paint none) */
void
zp_test_wait_for_frames (GtkWidget *widget,
                         gint64     n)
{
  gint64 left = n;

  gtk_widget_add_tick_callback (widget, count_frame, &left, NULL);
  zp_test_wait_for (left <= 0);
}
