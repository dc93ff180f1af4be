/* zp-export-chooser.c — see zp-export-chooser.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-export-chooser.h"

typedef struct
{
  GtkNativeDialog **slot;
  const char       *format; /* interned */
  ZpExportFunc      export;
  gpointer          owner;  /* not referenced: it destroys the chooser when it goes */
  AdwToastOverlay  *toasts;
} ExportRequest;

static void
export_request_free (gpointer data,
                     GClosure *closure)
{
  g_free (data);
}

/* A modal save dialog titled title, proposing suggested_name. */
GtkFileChooser *
zp_export_chooser_new (GtkWindow  *parent,
                       const char *title,
                       const char *suggested_name)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Export"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  return GTK_FILE_CHOOSER (chooser);
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             ExportRequest   *request)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* the signal's emission keeps chooser (and request) alive until we return */
  g_clear_object (request->slot);
  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  if (request->export (request->owner, request->format, file, &error))
    message = g_strdup_printf (_("Exported “%s”"), name);
  else
    message = g_strdup_printf (_("Could not export “%1$s”: %2$s"), name, error->message);
  adw_toast_overlay_add_toast (request->toasts, adw_toast_new (message));
}

/* Shows chooser (from zp_export_chooser_new(), now owned by *slot, which the owner destroys
 * when it goes); once a file is chosen, export writes it in format and a toast on toasts
 * says how it went. */
void
zp_export_chooser_show (GtkFileChooser   *chooser,
                        GtkNativeDialog **slot,
                        const char       *format,
                        ZpExportFunc      export,
                        gpointer          owner,
                        AdwToastOverlay  *toasts)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);

  request->slot = slot;
  request->format = g_intern_string (format);
  request->export = export;
  request->owner = owner;
  request->toasts = toasts;
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_response), request, export_request_free, 0);
  g_clear_object (slot);
  *slot = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (*slot);
}
