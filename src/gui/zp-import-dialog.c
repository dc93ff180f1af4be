/* zp-import-dialog.c — Import… and opening a spreadsheet: the file is read in a worker
 * (zp_import_read), then a preview lists each form found, its indicators and what needs
 * the user; only an accepted import touches the workbook, as one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "zp-import-dialog.h"
#include "zp-window-private.h"

/* Adds what `import` read to the document's workbook as one undo step (a department form
 * only when the workbook has none). Returns the number of forms added. */
static guint
add_to_document (ZpImport   *import,
                 ZpDocument *document)
{
  ZpWorkbook *workbook = zp_document_get_workbook (document);
  ZpUndoStack *undo = zp_document_get_undo_stack (document);
  g_autoptr(ZpWorkbook) read = NULL;
  guint added = 0;

  g_return_val_if_fail (workbook != NULL, 0);

  /* Built apart under the workbook's own scheme, then moved in: the undo stack records
   * each insertion, grouped into one step. */
  read = zp_workbook_new (NULL);
  zp_workbook_set_scheme (read, zp_scheme_copy (zp_workbook_get_scheme (workbook)));
  zp_import_apply (import, read);

  zp_undo_stack_begin_group (undo);
  while (zp_workbook_get_n_forms (read) > 0)
    {
      g_autoptr(ZpForm) form = g_object_ref (zp_workbook_get_form (read, 0));
      gboolean department = zp_form_is_department (form);

      zp_workbook_remove_form (read, 0);
      if (department && zp_workbook_get_department_form (workbook) != NULL)
        continue;  /* the preview said so: a workbook holds one */
      zp_undo_stack_insert (undo, G_OBJECT (workbook), department ? 0 : G_MAXUINT, G_OBJECT (form));
      added++;
    }
  zp_undo_stack_end_group (undo);
  return added;
}

gboolean
zp_import_file_is_spreadsheet (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guint8 head[8] = { 0 };
  gsize n = 0;

  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL, NULL))
    return FALSE;
  if (n >= 4 && memcmp (head, "PK\003\004", 4) == 0)
    return TRUE;
  if (n >= 4 && memcmp (head, "\xd0\xcf\x11\xe0", 4) == 0)
    return TRUE;
  /* A .ziping is JSON; XML and HTML start with "<" (after a byte order mark). */
  if (n >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    return n > 3 && head[3] == '<';
  return n > 0 && head[0] == '<';
}

/* The preview -------------------------------------------------------------------------- */

typedef struct
{
  ZpWindow *window;
  GFile    *file;
  gboolean  new_workbook;
  ZpImport *import;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_clear_pointer (&job->import, zp_import_free);
  g_free (job);
}

static GtkWidget *
preview_row (const char *title,
             const char *subtitle,
             gboolean    warning)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (warning)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

static GtkWidget *
build_preview (ZpImport *import)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint f = 0; f < import->forms->len; f++)
    {
      ZpImportForm *form = g_ptr_array_index (import->forms, f);
      guint n = 0;
      g_autofree char *subtitle = NULL;
      const char *name = form->department ? form->unit : form->name;

      for (guint g = 0; g < form->goals->len; g++)
        n += ((ZpImportGoal *) g_ptr_array_index (form->goals, g))->indicators->len;
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s, %2$u indicator, from %3$s",
                                               "%1$s, %2$u indicators, from %3$s", n),
                                  zp_import_layout_name (form->layout), n, form->where);
      gtk_list_box_append (GTK_LIST_BOX (list),
                           preview_row (name != NULL && *name ? name : form->sheet, subtitle, FALSE));
    }
  for (guint i = 0; i < import->notes->len; i++)
    {
      ZpImportNote *note = g_ptr_array_index (import->notes, i);

      if (note->needs_user)
        gtk_list_box_append (GTK_LIST_BOX (list), preview_row (note->message, note->where, TRUE));
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_widget_set_size_request (scroller, 460, -1);
  return scroller;
}

static void
accept (Job *job)
{
  ZpDocument *document = job->window->document;

  if (job->new_workbook || zp_document_get_workbook (document) == NULL)
    {
      g_autoptr(ZpWorkbook) workbook = zp_workbook_new (zp_import_guess_scheme (job->import));

      zp_import_apply (job->import, workbook);
      zp_window_replace_workbook (job->window, workbook);
      return;
    }
  {
    guint added = add_to_document (job->import, document);
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form imported",
                                                          "%u forms imported", added), added);

    zp_window_toast (job->window, text);
  }
}

static void
on_preview_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Job              *job)
{
  if (g_strcmp0 (response, "import") == 0)
    accept (job);
  job_free (job);
}

static void
show_preview (Job *job)
{
  g_autofree char *base = g_file_get_basename (job->file);
  guint n_forms = job->import->forms->len;
  guint n_indicators = zp_import_count_indicators (job->import);
  g_autofree char *forms = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form", "%u forms", n_forms), n_forms);
  g_autofree char *indicators = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators",
                                                              n_indicators), n_indicators);
  /* TRANSLATORS: "a.xlsx holds 4 forms with 57 indicators." */
  g_autofree char *body = g_strdup_printf (_("%1$s holds %2$s with %3$s."), base, forms, indicators);
  GtkWidget *dialog;

  if (zp_import_needs_user (job->import))
    {
      g_autofree char *more = g_strconcat (body, " ", _("What is marked needs you after the "
                                                        "import: a weight to type, a column or "
                                                        "category to check."), NULL);
      g_free (body);
      body = g_steal_pointer (&more);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (job->window), _("Import These Forms?"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), build_preview (job->import));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_preview_response), job);
  gtk_widget_set_name (dialog, "import-preview");  /* what the UI tests find */
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reading in a worker -------------------------------------------------------------------- */

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GFile *file = data;
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;
  ZpImport *import;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only local files can be imported"));
      return;
    }
  import = zp_import_read (path, NULL, &error);
  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) zp_import_free);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;

  job->import = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->import == NULL)
    {
      zp_window_show_error (job->window, _("The File Cannot Be Imported"), error->message);
      job_free (job);
      return;
    }
  show_preview (job);
}

void
zp_import_dialog_show (ZpWindow *window,
                       GFile    *file,
                       gboolean  new_workbook)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(GTask) task = NULL;

  job->window = g_object_ref (window);
  job->file = g_object_ref (file);
  job->new_workbook = new_workbook;
  task = g_task_new (NULL, NULL, on_read, job);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_in_thread);
}

/* The chooser ------------------------------------------------------------------------------ */

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ZpWindow        *window)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (window->chooser == chooser)
    g_clear_object (&window->chooser);
  if (file != NULL)
    zp_import_dialog_show (window, file, FALSE);
}

void
zp_import_dialog_choose (ZpWindow *window)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Forms"), GTK_WINDOW (window),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Import"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  static const char * const patterns[] = { "*.xlsx", "*.xls", "*.et", "*.xml", "*.htm", "*.html", NULL };

  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .xls, .et)"));
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_clear_object (&window->chooser);
  window->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Pasting rows ---------------------------------------------------------------------------- */

/* Rows copied from a spreadsheet (tab-separated text) appended to the form's last goal as
 * one undo step; returns how many, 0 with the error set when the text holds none. */
static guint
paste_into_form (ZpDocument *document,
                 ZpForm     *form,
                 const char *text,
                 GError    **error)
{
  g_autoptr(GPtrArray) rows = zp_import_parse_rows (text, error);
  ZpUndoStack *undo = zp_document_get_undo_stack (document);
  ZpGoal *goal;

  if (rows == NULL)
    return 0;
  if (zp_form_get_n_goals (form) == 0)
    {
      g_autoptr(ZpGoal) first = zp_goal_new ();

      zp_undo_stack_begin_group (undo);
      zp_undo_stack_insert (undo, G_OBJECT (form), G_MAXUINT, G_OBJECT (first));
    }
  else
    zp_undo_stack_begin_group (undo);
  goal = zp_form_get_goal (form, zp_form_get_n_goals (form) - 1);
  for (guint i = 0; i < rows->len; i++)
    zp_undo_stack_insert (undo, G_OBJECT (goal), G_MAXUINT, g_ptr_array_index (rows, i));
  zp_undo_stack_end_group (undo);
  return rows->len;
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(ZpWindow) window = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  ZpForm *form = zp_window_get_selected_form (window);
  guint added;

  if (form == NULL)
    return;
  if (text == NULL)
    {
      zp_window_toast (window, _("The clipboard holds no text to paste"));
      return;
    }
  added = paste_into_form (window->document, form, text, &error);
  if (added == 0)
    zp_window_toast (window, error->message);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row pasted",
                                                               "%u rows pasted", added), added);

      zp_window_toast (window, message);
    }
}

void
zp_import_paste_clipboard (ZpWindow *window)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));

  if (zp_window_get_selected_form (window) == NULL)
    return;
  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, g_object_ref (window));
}
