/* zp-window-actions.c — the window's commands (win.*).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-window-private.h"

#ifdef ZP_HAVE_EXPORT
#include "zp-export.h"
#include "zp-evidence-dialog.h"
#include "zp-package-command.h"
#include "zp-report-view.h"
#include "zp-rollup-window.h"
#endif
#ifdef ZP_HAVE_IMPORT
#include "zp-import-dialog.h"
#endif

#define MAX_RECENT 8

/* ---- file choosers ---- */

static void
add_ziping_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Ziping workbooks"));
  gtk_file_filter_add_pattern (filter, "*.ziping");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
set_start_folder (ZpWindow       *self,
                  GtkFileChooser *chooser)
{
  GSettings *settings = zp_window_get_settings (self);
  g_autofree char *folder = settings ? g_settings_get_string (settings, "last-folder") : NULL;

  if (zp_document_get_file (self->document) != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (zp_document_get_file (self->document));
      if (parent != NULL)
        gtk_file_chooser_set_current_folder (chooser, parent, NULL);
    }
  else if (folder != NULL && *folder != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (chooser, dir, NULL);
    }
}

static GtkFileChooserNative *
new_chooser (ZpWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  set_start_folder (self, GTK_FILE_CHOOSER (chooser));
  /* Keep a reference until ::response: the native dialog is not owned by the window. */
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  return chooser;
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  ZpWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
#ifdef ZP_HAVE_IMPORT
  /* A spreadsheet opens as a new workbook, through the import's preview. */
  if (file != NULL && zp_import_file_is_spreadsheet (file))
    {
      zp_import_dialog_show (self, file, TRUE);
      return;
    }
#endif
  if (file != NULL)
    zp_window_open (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Open Workbook"),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  add_ziping_filter (GTK_FILE_CHOOSER (chooser));
#ifdef ZP_HAVE_IMPORT
  {
    g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();

    gtk_file_filter_set_name (sheets, _("Spreadsheets (.xlsx, .xls, .et)"));
    gtk_file_filter_add_pattern (sheets, "*.xlsx");
    gtk_file_filter_add_pattern (sheets, "*.xls");
    gtk_file_filter_add_pattern (sheets, "*.et");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sheets);
  }
#endif
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  zp_window_open (ZP_WINDOW (widget), file);
}

static void
open_example_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  g_autoptr(GFile) example = zp_window_find_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;

  if (example == NULL)
    {
      zp_window_show_error (self, _("The Example Is Missing"),
                            _("The example workbook was not found. Set ZIPING_EXAMPLES to its folder."));
      return;
    }
  /* Opened as a new, unsaved workbook so the bundled file is never overwritten. */
  workbook = zp_workbook_load (example, &error);
  if (workbook == NULL)
    {
      zp_window_show_error (self, _("Could Not Open the Example"), error->message);
      return;
    }
  zp_window_replace_workbook (self, workbook);
}

static ZpWorkbook *
create_workbook (const char *scheme_id)
{
  ZpWorkbook *workbook = zp_workbook_new (scheme_id);
  g_autoptr(ZpDepartmentForm) department = zp_department_form_new ();
  g_autoptr(ZpProjectForm) project = zp_project_form_new ();
  g_autoptr(ZpGoal) goal = zp_goal_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* Self-evaluation looks back on the year just ended. */
  zp_workbook_set_year (workbook, g_date_time_get_year (now) - 1);
  zp_form_insert_goal (ZP_FORM (department), G_MAXUINT, goal);
  zp_workbook_set_department_form (workbook, department);
  zp_workbook_insert_project (workbook, G_MAXUINT, project);
  return workbook;
}

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  const char *scheme = param ? g_variant_get_string (param, NULL) : NULL;
  g_autoptr(ZpWorkbook) workbook = create_workbook (scheme && *scheme ? scheme : NULL);

  zp_window_replace_workbook (ZP_WINDOW (widget), workbook);
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     ZpWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (!g_str_has_suffix (g_file_peek_path (file) ? g_file_peek_path (file) : "", ".ziping"))
    {
      g_autofree char *path = g_strconcat (g_file_peek_path (file), ".ziping", NULL);
      g_object_unref (file);
      file = g_file_new_for_path (path);
    }
  zp_window_save (self, file);
}

static char *
suggested_name (ZpWindow *self)
{
  const char *unit = zp_workbook_get_unit (zp_document_get_workbook (self->document));

  if (zp_document_get_file (self->document) != NULL)
    return g_file_get_basename (zp_document_get_file (self->document));
  if (unit != NULL && *unit != '\0')
    return g_strdup_printf ("%s-%u.ziping", unit, zp_workbook_get_year (zp_document_get_workbook (self->document)));
  return g_strdup_printf ("%u.ziping", zp_workbook_get_year (zp_document_get_workbook (self->document)));
}

static void
save_as_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  if (zp_document_get_workbook (self->document) == NULL)
    return;
  chooser = new_chooser (self, _("Save Workbook"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  add_ziping_filter (GTK_FILE_CHOOSER (chooser));
  suggested = suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);

  if (zp_document_get_workbook (self->document) == NULL)
    return;
  if (zp_document_get_file (self->document) == NULL)
    save_as_action (widget, name, param);
  else
    zp_window_save (self, NULL);
}

static void
new_year_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  g_autoptr(ZpWorkbook) next = NULL;
  ZpWindow *window;
  g_autofree char *message = NULL;

  if (zp_document_get_workbook (self->document) == NULL)
    return;
  next = zp_workbook_new_year (zp_document_get_workbook (self->document), zp_workbook_get_year (zp_document_get_workbook (self->document)) + 1);
  window = zp_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  zp_document_set_workbook (zp_window_get_document (window), next);
  gtk_window_present (GTK_WINDOW (window));
  message = g_strdup_printf (_("Forms carried over to %u: fill in the actual values"),
                             zp_workbook_get_year (next));
  zp_window_toast (window, message);
}

/* ---- undo ---- */

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  zp_undo_stack_undo (zp_document_get_undo_stack (ZP_WINDOW (widget)->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  zp_undo_stack_redo (zp_document_get_undo_stack (ZP_WINDOW (widget)->document));
}

/* ---- forms ---- */

/* The selected form's position in the workbook (the sidebar may be filtered). */
static guint
selected_position (ZpWindow *self)
{
  ZpForm *form = zp_window_get_selected_form (self);
  guint position = form ? zp_workbook_find_form (zp_document_get_workbook (self->document), form) : G_MAXUINT;

  return position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position;
}

static void
insert_project (ZpWindow      *self,
                ZpProjectForm *form)
{
  guint selected = selected_position (self);
  guint first = zp_workbook_get_department_form (zp_document_get_workbook (self->document)) ? 1 : 0;
  guint position = selected == GTK_INVALID_LIST_POSITION ? G_MAXUINT : MAX (selected + 1, first);

  zp_undo_stack_insert (zp_document_get_undo_stack (self->document), G_OBJECT (zp_document_get_workbook (self->document)), position, G_OBJECT (form));
  zp_window_show_form (self, ZP_FORM (form));
}

static void
add_project_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  g_autoptr(ZpProjectForm) form = NULL;

  if (zp_document_get_workbook (self->document) == NULL)
    return;
  form = zp_project_form_new ();
  zp_project_form_set_department (form, zp_workbook_get_department (zp_document_get_workbook (self->document)));
  zp_project_form_set_implementer (form, zp_workbook_get_unit (zp_document_get_workbook (self->document)));
  insert_project (self, form);
}

static void
add_department_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  g_autoptr(ZpDepartmentForm) form = NULL;
  g_autoptr(ZpGoal) goal = NULL;

  if (zp_document_get_workbook (self->document) == NULL || zp_workbook_get_department_form (zp_document_get_workbook (self->document)) != NULL)
    return;
  form = zp_department_form_new ();
  goal = zp_goal_new ();
  zp_department_form_set_unit (form, zp_workbook_get_unit (zp_document_get_workbook (self->document)));
  zp_form_insert_goal (ZP_FORM (form), G_MAXUINT, goal);
  zp_undo_stack_insert (zp_document_get_undo_stack (self->document), G_OBJECT (zp_document_get_workbook (self->document)), 0, G_OBJECT (form));
  zp_window_show_form (self, ZP_FORM (form));
}

static void
duplicate_project_action (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  ZpForm *form = zp_window_get_selected_form (self);
  g_autoptr(ZpForm) copy = NULL;
  g_autofree char *copy_name = NULL;

  if (form == NULL || zp_form_is_department (form))
    return;
  copy = zp_form_copy (form);
  /* Translators: the name of a duplicated project form */
  copy_name = g_strdup_printf (_("%s (copy)"), zp_project_form_get_name (ZP_PROJECT_FORM (form)));
  zp_project_form_set_name (ZP_PROJECT_FORM (copy), copy_name);
  insert_project (self, ZP_PROJECT_FORM (copy));
}

static void
delete_project_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  ZpForm *form = zp_window_get_selected_form (self);
  guint position = selected_position (self);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (form == NULL || zp_form_is_department (form))
    return;
  title = zp_form_dup_title (form);
  zp_undo_stack_remove (zp_document_get_undo_stack (self->document), G_OBJECT (zp_document_get_workbook (self->document)), position);
  message = g_strdup_printf (_("Deleted “%s”"), title);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
move_form_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  ZpForm *form = zp_window_get_selected_form (self);
  guint position = selected_position (self);
  guint first = zp_workbook_get_department_form (zp_document_get_workbook (self->document)) ? 1 : 0;
  int delta = g_str_equal (name, "win.move-form-up") ? -1 : 1;
  int to = (int) position + delta;

  if (form == NULL || zp_form_is_department (form))
    return;
  if (to < (int) first || to >= (int) zp_workbook_get_n_forms (zp_document_get_workbook (self->document)))
    return;
  zp_undo_stack_move (zp_document_get_undo_stack (self->document), G_OBJECT (zp_document_get_workbook (self->document)), position, to);
  zp_window_show_form (self, form);
}

/* ---- views ---- */

static void
review_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  const char *shown = adw_view_stack_get_visible_child_name (self->view_stack);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         g_strcmp0 (shown, "review") == 0 ? "forms" : "review");
}

static void
show_checks_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);

  adw_flap_set_reveal_flap (self->checks_flap, !adw_flap_get_reveal_flap (self->checks_flap));
}

static void
show_forms_list_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  adw_leaflet_navigate (ZP_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- export ---- */

#ifdef ZP_HAVE_EXPORT
static const struct {
  const char     *id;
  const char     *label;
  const char     *pattern;
  const char     *filter_name;
  ZpExportFormat  format;
} export_formats[] = {
  { "xlsx", N_("Export as _Spreadsheet (.xlsx)…"), "*.xlsx", N_("Excel workbook (*.xlsx)"), ZP_EXPORT_FORMAT_XLSX },
  { "pdf", N_("Export as _PDF…"), "*.pdf", N_("PDF document (*.pdf)"), ZP_EXPORT_FORMAT_PDF },
  { "csv", N_("Export as _CSV…"), "*.csv", N_("CSV file (*.csv)"), ZP_EXPORT_FORMAT_CSV },
};

static int
find_export_format (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_strcmp0 (export_formats[i].id, id) == 0)
      return i;
  return -1;
}
#endif

#ifdef ZP_HAVE_EXPORT
/* "Exported …" with 打开 (the file) as the toast's button and 打开所在文件夹 as a link in its
 * title: libadwaita 1.2's toast has one button, and reads its title as markup. */
static void
toast_exported (ZpWindow   *self,
                const char *message,
                GFile      *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *folder_uri = folder ? g_file_get_uri (folder) : NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (folder_uri != NULL)
    title = g_markup_printf_escaped ("%s  <a href=\"%s\">%s</a>", message, folder_uri, _("Open Folder"));
  else
    title = g_markup_escape_text (message, -1);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-uri");
  adw_toast_set_action_target (toast, "s", uri);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_uri_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}
#endif

static void
search_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);

  g_object_set (self, "show-sidebar", TRUE, NULL);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

#ifdef ZP_HAVE_EXPORT
/* One export while it runs on a copy of the workbook in a worker. */
typedef struct
{
  GWeakRef        window;
  ZpExportFormat  format;
  GFile          *file;
} Export;

static void
export_free (Export *export)
{
  g_weak_ref_clear (&export->window);
  g_object_unref (export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

/* In the worker: the copy is the job's own, and libxlsxwriter, cairo and pango keep no
 * state between threads. */
static gboolean
export_copy (ZpWorkbook    *copy,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Export *export = data;

  return zp_export_workbook (copy, export->format, NULL, export->file, error);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(ZpWindow) self = g_weak_ref_get (&export->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (!zp_document_run_on_copy_finish (ZP_DOCUMENT (source), result, &error))
    {
      if (self != NULL)
        zp_window_show_error (self, _("Could Not Export"), error->message);
      return;
    }
  if (self == NULL)
    return;
  basename = g_file_get_basename (export->file);
  message = g_strdup_printf (_("Exported “%s”"), basename);
  toast_exported (self, message, export->file);
}
#endif

gboolean
zp_window_export_to (ZpWindow   *self,
                     const char *format_id,
                     GFile      *file)
{
#ifdef ZP_HAVE_EXPORT
  int index = find_export_format (format_id);
  Export *export;

  g_return_val_if_fail (ZP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (index >= 0, FALSE);

  if (zp_document_get_workbook (self->document) == NULL)
    return FALSE;
  /* A district's PDF takes seconds: the window stays responsive, and the file shows the
   * workbook as it was when the export was asked for. */
  export = g_new0 (Export, 1);
  g_weak_ref_init (&export->window, self);
  export->format = export_formats[index].format;
  export->file = g_object_ref (file);
  zp_document_run_on_copy_async (self->document, export_copy, export, NULL, NULL, on_exported, export);
  return TRUE;
#else
  return FALSE;
#endif
}

#ifdef ZP_HAVE_EXPORT
/* format_id: the export format's own (static) id; the window is the chooser's parent. */
static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    const char      *format_id)
{
  ZpWindow *self = ZP_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    zp_window_export_to (self, format_id, file);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *suggested = NULL;
  int index = find_export_format (id);

  if (zp_document_get_workbook (self->document) == NULL || index < 0)
    return;
  chooser = new_chooser (self, _("Export"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_file_filter_add_pattern (filter, export_formats[index].pattern);
  gtk_file_filter_set_name (filter, _(export_formats[index].filter_name));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  base = suggested_name (self);
  if (g_str_has_suffix (base, ".ziping"))
    base[strlen (base) - strlen (".ziping")] = '\0';
  suggested = g_strdup_printf ("%s.%s", base, export_formats[index].id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), (gpointer) export_formats[index].id);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* One print: which forms, and the report laid out for them once the dialog is done. */
typedef struct
{
  ZpWorkbook *workbook;
  int         form;         /* the shown form's position; −1: all forms */
  int         shown_form;
  GtkWidget  *this_form;    /* the dialog's choice, while it is shown */
  ZpReport   *report;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->workbook);
  g_clear_object (&job->report);
  g_free (job);
}

/* The print dialog's own tab: this form (the default when one is shown) or all forms. */
static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *this_form = gtk_check_button_new_with_mnemonic (_("_This form"));
  GtkWidget *all_forms = gtk_check_button_new_with_mnemonic (_("_All forms and the summary"));

  gtk_check_button_set_group (GTK_CHECK_BUTTON (all_forms), GTK_CHECK_BUTTON (this_form));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->shown_form >= 0 ? this_form : all_forms), TRUE);
  gtk_widget_set_sensitive (this_form, job->shown_form >= 0);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), this_form);
  gtk_box_append (GTK_BOX (box), all_forms);
  job->this_form = this_form;
  return G_OBJECT (box);
}

static void
on_custom_widget_apply (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  job->form = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->this_form)) ? job->shown_form : -1;
  job->this_form = NULL;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  ZpExportOptions options = { .form = job->form };
  guint pages;

  g_clear_object (&job->report);
  job->report = zp_report_new (job->workbook, &options);
  pages = zp_report_paginate (job->report,
                              gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (pages, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  zp_report_draw_page (job->report, gtk_print_context_get_cairo_context (context), page);
}

/* Prints through the print dialog (asking this form or all), or with pdf set, straight
 * into that PDF file (the same pages: what the tests check) of form (−1: all). */
static gboolean
print_workbook (ZpWindow *self,
                GFile    *pdf,
                int       form)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  ZpWorkbook *workbook = zp_window_get_workbook (self);
  ZpForm *shown = zp_window_get_selected_form (self);
  PrintJob *job;

  if (workbook == NULL)
    return FALSE;
  job = g_new0 (PrintJob, 1);
  job->workbook = g_object_ref (workbook);
  job->form = form;
  job->shown_form = shown ? (int) zp_workbook_find_form (workbook, shown) : -1;
  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The report lays out whole pages itself, margins included. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect_swapped (operation, "done", G_CALLBACK (print_job_free), job);
  if (pdf != NULL)
    {
      g_autofree char *path = g_file_get_path (pdf);

      gtk_print_operation_set_export_filename (operation, path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  else
    {
      gtk_print_operation_set_custom_tab_label (operation, _("Forms"));
      g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), job);
      g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), job);
    }
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      zp_window_show_error (self, _("Could Not Print"), error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  print_workbook (ZP_WINDOW (widget), NULL, -1);
}

static void
add_export_menu (ZpWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(export_formats[i].label), NULL);

      g_menu_item_set_action_and_target (item, "win.export", "s", export_formats[i].id);
      g_menu_append_item (self->export_section, item);
    }
  g_menu_append (self->export_section, _("_Print…"), "win.print");
  g_menu_append (self->export_section, _("Written _Report…"), "win.report");
  g_menu_append (self->export_section, _("Submission P_ackage…"), "win.package");
  g_menu_append (self->export_section, _("_Evidence of This Form…"), "win.evidence");
  g_menu_append (self->export_section, _("R_oll-up of a Folder…"), "win.rollup");
}

/* The selected form's 佐证材料 (zp-evidence-dialog.c), relative to the document's folder. */
static void
evidence_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  ZpForm *form = zp_window_get_selected_form (self);
  GFile *file = zp_document_get_file (self->document);
  g_autoptr(GFile) folder = file ? g_file_get_parent (file) : NULL;
  g_autofree char *path = folder ? g_file_get_path (folder) : NULL;
  ZpEvidenceDialog *dialog;

  if (form == NULL)
    return;
  dialog = zp_evidence_dialog_new (GTK_WINDOW (self), form, path, zp_document_get_undo_stack (self->document));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The roll-up (zp-rollup-window.c) of a chosen folder of workbooks. */
static void
on_rollup_response (GtkNativeDialog *chooser,
                    int              response,
                    ZpWindow        *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (folder != NULL)
    gtk_window_present (GTK_WINDOW (zp_rollup_window_new (gtk_window_get_application (GTK_WINDOW (self)), folder)));
}

static void
rollup_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Roll-up of a Folder of Workbooks"),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"));

  g_signal_connect (chooser, "response", G_CALLBACK (on_rollup_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
package_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  zp_package_command_run (ZP_WINDOW (widget));
}

/* The workbook's report view (zp-report-view.c), one per window; it closes when the
 * window shows another workbook, and goes with the window. */
static void
report_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ZpWindow *self = ZP_WINDOW (widget);

  if (self->report_view == NULL && zp_document_get_workbook (self->document) != NULL)
    {
      self->report_view = GTK_WINDOW (zp_report_view_new (GTK_WINDOW (self), zp_document_get_workbook (self->document),
                                                          zp_document_get_undo_stack (self->document)));
      g_object_add_weak_pointer (G_OBJECT (self->report_view), (gpointer *) &self->report_view);
      gtk_window_set_destroy_with_parent (self->report_view, TRUE);
      g_signal_connect_object (self->document, "notify::workbook", G_CALLBACK (gtk_window_close),
                               self->report_view, G_CONNECT_SWAPPED);
    }
  if (self->report_view != NULL)
    gtk_window_present (self->report_view);
}
#endif

gboolean
zp_window_print_to_pdf (ZpWindow *self,
                        GFile    *file,
                        int       form)
{
  g_return_val_if_fail (ZP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
#ifdef ZP_HAVE_EXPORT
  return print_workbook (self, file, form);
#else
  return FALSE;
#endif
}

/* ---- recent files ---- */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  GDateTime *ma = gtk_recent_info_get_modified (ia);  /* transfer none */
  GDateTime *mb = gtk_recent_info_get_modified (ib);

  if (ma == NULL || mb == NULL)
    return (ma == NULL) - (mb == NULL);
  return g_date_time_compare (mb, ma);
}

/* The file's name, and its folder's when another recent file has the same name: two
 * units' "2024.ziping" are told apart. Underscores are doubled (no access keys). */
static char *
recent_label (GPtrArray *recent,
              guint      index)
{
  GtkRecentInfo *info = g_ptr_array_index (recent, index);
  const char *name = gtk_recent_info_get_display_name (info);
  gboolean shared = FALSE;
  g_autofree char *label = NULL;
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < recent->len && i < MAX_RECENT && !shared; i++)
    shared = i != index && g_strcmp0 (gtk_recent_info_get_display_name (g_ptr_array_index (recent, i)), name) == 0;
  if (shared)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_basename (parent) : NULL;

      /* Translators: a recent file: its name and (to tell same-named ones apart) its folder */
      label = g_strdup_printf (_("%1$s (in %2$s)"), name, folder ? folder : "/");
    }
  else
    label = g_strdup (name);
  parts = g_strsplit (label, "_", -1);
  return g_strjoinv ("__", parts);
}

void
zp_window_update_recent_menu (ZpWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) recent = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);

  for (GList *l = items; l != NULL; l = l->next)
    if (g_str_has_suffix (gtk_recent_info_get_uri (l->data), ".ziping"))
      g_ptr_array_add (recent, gtk_recent_info_ref (l->data));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (recent, compare_recent);

  g_menu_remove_all (self->recent_submenu);
  for (guint i = 0; i < recent->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (recent, i);
      g_autofree char *label = recent_label (recent, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_submenu, item);
    }
  if (recent->len == 0)
    g_menu_append (self->recent_submenu, _("No recent workbooks"), "win.nothing");
}

#ifdef ZP_HAVE_IMPORT
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  if (g_str_equal (action_name, "win.paste-rows"))
    zp_import_paste_clipboard (ZP_WINDOW (widget));
  else
    zp_import_dialog_choose (ZP_WINDOW (widget));
}
#endif

/* ---- workbook properties ---- */

static void
workbook_properties_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ZpWindow *self = ZP_WINDOW (widget);

  if (zp_document_get_workbook (self->document) == NULL)
    return;
  if (self->workbook_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->workbook_dialog));
      return;
    }
  self->workbook_dialog = zp_workbook_dialog_new (GTK_WINDOW (self), zp_document_get_workbook (self->document), zp_document_get_undo_stack (self->document));
  g_object_add_weak_pointer (G_OBJECT (self->workbook_dialog), (gpointer *) &self->workbook_dialog);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self->workbook_dialog), TRUE);
  gtk_window_present (GTK_WINDOW (self->workbook_dialog));
}

void
zp_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.new", "s", new_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.new-year", NULL, new_year_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-project", NULL, add_project_action);
  gtk_widget_class_install_action (widget_class, "win.add-department", NULL, add_department_action);
  gtk_widget_class_install_action (widget_class, "win.workbook-properties", NULL, workbook_properties_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-project", NULL, duplicate_project_action);
  gtk_widget_class_install_action (widget_class, "win.delete-project", NULL, delete_project_action);
  gtk_widget_class_install_action (widget_class, "win.move-form-up", NULL, move_form_action);
  gtk_widget_class_install_action (widget_class, "win.move-form-down", NULL, move_form_action);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.show-checks", NULL, show_checks_action);
  gtk_widget_class_install_action (widget_class, "win.show-forms-list", NULL, show_forms_list_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
#ifdef ZP_HAVE_IMPORT
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.paste-rows", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.paste-rows", NULL);
#endif
#ifdef ZP_HAVE_EXPORT
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.show-uri", "s", show_uri_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.package", NULL, package_action);
  gtk_widget_class_install_action (widget_class, "win.evidence", NULL, evidence_action);
  gtk_widget_class_install_action (widget_class, "win.rollup", NULL, rollup_action);
#endif
}

void
zp_window_init_export_menu (ZpWindow *self)
{
#ifdef ZP_HAVE_EXPORT
  add_export_menu (self);
#endif
}
