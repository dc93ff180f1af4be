/* zp-package-command.c — the submission package from the app.
 *
 * The package is written in a worker, from a copy of the workbook (the document makes it
 * from the saved state, which is all a package may hold): the PDF and spreadsheet writers
 * take seconds on a district's workbook, and the window stays responsive meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-package.h"
#include "zp-package-command.h"
#include "zp-window-private.h"

#define MAX_LISTED 12

static void write_package (ZpWindow *window,
                           GFile    *target,
                           gboolean  docx,
                           gboolean  force);

typedef struct
{
  GFile    *target;
  gboolean  docx;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->target);
  g_free (pending);
}

static AdwMessageDialog *
new_dialog (ZpWindow   *window,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading, body));

  gtk_widget_set_name (GTK_WIDGET (dialog), "package-dialog");  /* what the UI tests find */
  return dialog;
}

/* The workbook's errors, one a line, as the checks panel names them. */
static char *
list_errors (ZpWorkbook *workbook)
{
  g_autoptr(GListStore) findings = zp_check_workbook (workbook);
  g_autoptr(GString) list = g_string_new (NULL);
  guint errors = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *title = NULL;

      if (zp_finding_get_severity (finding) != ZP_SEVERITY_ERROR)
        continue;
      if (errors++ >= MAX_LISTED)
        continue;
      if (zp_finding_get_form (finding) != NULL)
        title = zp_form_dup_title (zp_finding_get_form (finding));
      g_string_append_printf (list, "• %s%s%s\n", title ? title : "", title ? ": " : "",
                              zp_finding_get_message (finding));
    }
  if (errors > MAX_LISTED)
    g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "… and %u more error", "… and %u more errors",
                                               errors - MAX_LISTED),
                            errors - MAX_LISTED);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* The dialog's window is the one it was shown on; pending is the refusal's own. */
static void
on_refusal_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Pending          *pending)
{
  ZpWindow *window = ZP_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "force") == 0)
    {
      g_autoptr(GFile) target = g_object_ref (pending->target);
      gboolean docx = pending->docx;

      write_package (window, target, docx, TRUE);
    }
}

static void
show_refusal (ZpWindow   *window,
              GFile      *target,
              gboolean    docx,
              const char *heading,
              const char *body,
              const char *force_label)
{
  AdwMessageDialog *dialog = new_dialog (window, heading, body);
  Pending *pending = g_new0 (Pending, 1);

  pending->target = g_object_ref (target);
  pending->docx = docx;
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "force", force_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "force", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_refusal_response), pending,
                         (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_message (ZpWindow   *window,
              const char *heading,
              const char *body)
{
  AdwMessageDialog *dialog = new_dialog (window, heading, body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One package while it is written in the worker. */
typedef struct
{
  GWeakRef          window;
  GFile            *source;
  GFile            *target;
  ZpPackageOptions  options;
  GStrv             files;    /* the package's files, when written */
  char             *errors;   /* the copy's errors, when refused for them */
} Packaging;

static void
packaging_free (Packaging *packaging)
{
  g_weak_ref_clear (&packaging->window);
  g_object_unref (packaging->source);
  g_object_unref (packaging->target);
  g_strfreev (packaging->files);
  g_free (packaging->errors);
  g_free (packaging);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Packaging, packaging_free)

/* In the worker, on the copy. */
static gboolean
package_copy (ZpWorkbook    *copy,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Packaging *packaging = data;
  GError *local = NULL;

  if (zp_package_write (copy, packaging->source, &packaging->options, packaging->target,
                        &packaging->files, &local))
    return TRUE;
  if (g_error_matches (local, ZP_PACKAGE_ERROR, ZP_PACKAGE_ERROR_HAS_ERRORS))
    packaging->errors = list_errors (copy);
  g_propagate_error (error, local);
  return FALSE;
}

static void
on_packaged (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Packaging) packaging = user_data;
  g_autoptr(ZpWindow) window = g_weak_ref_get (&packaging->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (packaging->target);
  GFile *target = packaging->target;
  gboolean docx = packaging->options.docx;

  if (window == NULL)
    return;
  if (zp_document_run_on_copy_finish (ZP_DOCUMENT (source), result, &error))
    {
      g_autofree char *message = NULL;
      guint n = g_strv_length (packaging->files);

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Package “%1$s” written: %2$u file",
                                              "Package “%1$s” written: %2$u files", n),
                                 name, n);
      zp_window_toast (window, message);
    }
  else if (g_error_matches (error, ZP_PACKAGE_ERROR, ZP_PACKAGE_ERROR_HAS_ERRORS))
    {
      g_autofree char *body = g_strdup_printf (_("A bureau should not receive forms with errors. Correct them, or package the workbook as it is:\n\n%s"), packaging->errors);

      show_refusal (window, target, docx, _("The Workbook Has Errors"), body, _("_Package Anyway"));
    }
  else if (g_error_matches (error, ZP_PACKAGE_ERROR, ZP_PACKAGE_ERROR_EVIDENCE))
    show_refusal (window, target, docx, _("Evidence Files Are Missing"), error->message,
                  _("Package _Without Them"));
  else if (g_error_matches (error, ZP_PACKAGE_ERROR, ZP_PACKAGE_ERROR_EXISTS))
    {
      g_autofree char *body = g_strdup_printf (_("“%s” already exists. Replacing it removes what it holds now."), name);

      show_refusal (window, target, docx, _("Replace the Package?"), body, _("_Replace"));
    }
  else
    show_message (window, _("Could Not Write the Package"), error->message);
}

/* Writes the package to target, in a worker; force: the user chose to package anyway
 * (errors, missing evidence, an existing target). When done, a toast, or the refusal or
 * the error in a message dialog on the window. */
static void
write_package (ZpWindow *window,
               GFile    *target,
               gboolean  docx,
               gboolean  force)
{
  ZpDocument *document = zp_window_get_document (window);
  Packaging *packaging;

  g_return_if_fail (ZP_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (target));

  if (zp_document_get_workbook (document) == NULL)
    return;
  if (zp_document_get_file (document) == NULL || zp_document_get_modified (document))
    {
      show_message (window, _("Save the Workbook First"),
                    _("The package holds the workbook’s file as saved, with its checksum: save your changes, then make the package."));
      return;
    }
  packaging = g_new0 (Packaging, 1);
  g_weak_ref_init (&packaging->window, window);
  packaging->source = g_object_ref (zp_document_get_file (document));
  packaging->target = g_object_ref (target);
  packaging->options = (ZpPackageOptions) { force, docx };
  zp_document_run_on_copy_async (document, package_copy, packaging, NULL, NULL, on_packaged, packaging);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ZpWindow        *window)
{
  g_autoptr(GFile) file = NULL;
  const char *kind = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "kind");
  const char *docx = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "docx");
  gboolean with_docx = g_strcmp0 (docx, "true") == 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      gboolean is_zip = path != NULL && g_str_has_suffix (path, ".zip");

      /* The name decides; the choice only adds or takes off ".zip". */
      if (path != NULL && g_strcmp0 (kind, "zip") == 0 && !is_zip)
        {
          g_autofree char *zip = g_strconcat (path, ".zip", NULL);

          g_object_unref (file);
          file = g_file_new_for_path (zip);
        }
      else if (path != NULL && g_strcmp0 (kind, "folder") == 0 && is_zip)
        {
          path[strlen (path) - strlen (".zip")] = '\0';
          g_object_unref (file);
          file = g_file_new_for_path (path);
        }
      write_package (window, file, with_docx, FALSE);
    }
  g_clear_object (&window->chooser);
}

void
zp_package_command_run (ZpWindow *window)
{
  ZpDocument *document = zp_window_get_document (window);
  ZpWorkbook *workbook = zp_document_get_workbook (document);
  GtkFileChooserNative *chooser;
  const char *kinds[] = { "zip", "folder", NULL };
  const char *kind_labels[] = { N_("A .zip file"), N_("A folder"), NULL };
  const char *translated[3] = { _(kind_labels[0]), _(kind_labels[1]), NULL };
  g_autofree char *suggested = NULL;
  const char *unit;

  g_return_if_fail (ZP_IS_WINDOW (window));
  if (workbook == NULL)
    return;
  if (zp_document_get_file (document) == NULL || zp_document_get_modified (document))
    {
      show_message (window, _("Save the Workbook First"),
                    _("The package holds the workbook’s file as saved, with its checksum: save your changes, then make the package."));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Submission Package"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Package"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "kind", _("Package as"), kinds, translated);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "kind", "zip");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "docx", _("Add Word (.docx) files"), NULL, NULL);
  unit = zp_workbook_get_display_unit_short (workbook);
  /* Translators: the suggested name of a submission package: unit, year */
  suggested = g_strdup_printf (_("%1$s-%2$u-package.zip"), unit && *unit ? unit : "ziping",
                               zp_workbook_get_year (workbook));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  {
    g_autoptr(GFile) folder = g_file_get_parent (zp_document_get_file (document));

    if (folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), window);
  /* The window keeps its native dialog until the answer (and destroys it if it goes first). */
  g_clear_object (&window->chooser);
  window->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
