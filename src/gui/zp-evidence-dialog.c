/* zp-evidence-dialog.c — the files attached to a form and its indicators.
 *
 * One group for the form's own files, then one per indicator, each with its files as rows
 * (open, remove) and an add button. The groups are rebuilt, in an idle, whenever the form
 * changes (an undo of an attachment included).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-evidence.h"
#include "zp-evidence-dialog.h"

struct _ZpEvidenceDialog
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesPage   *page;

  ZpForm               *form;
  char                 *folder;
  ZpUndoStack          *undo;
  GPtrArray            *groups;    /* AdwPreferencesGroup*, shown */
  guint                 rebuild_id;
  GtkNativeDialog      *chooser;
};

G_DEFINE_FINAL_TYPE (ZpEvidenceDialog, zp_evidence_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const *
get_paths (GObject *owner)
{
  if (ZP_IS_INDICATOR (owner))
    return zp_indicator_get_evidence (ZP_INDICATOR (owner));
  return zp_form_get_evidence (ZP_FORM (owner));
}

static void
set_paths (ZpEvidenceDialog   *self,
           GObject            *owner,
           const char * const *paths)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, paths);
  zp_undo_stack_set_value (self->undo, owner, "evidence", &value, FALSE);
}

/* Attaches file to owner (the form or one of its indicators) once the chooser gives it:
 * refused with FALSE and error when outside the folder or already listed. */
static gboolean
attach_file (ZpEvidenceDialog  *self,
             GObject           *owner,
             GFile             *file,
             GError           **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *relative = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) paths = NULL;
  const char * const *old;

  if (self->folder == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Save the workbook first: evidence is stored relative to its folder."));
      return FALSE;
    }
  relative = path ? zp_evidence_relative_path (self->folder, path) : NULL;
  if (relative == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%1$s” is not in the workbook’s folder (%2$s). Copy it into that folder or a folder inside it, then add it."),
                   path ? path : g_file_peek_path (file), self->folder);
      return FALSE;
    }
  old = get_paths (owner);
  if (g_strv_contains (old, relative))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” is already attached."), relative);
      return FALSE;
    }
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) old);
  g_strv_builder_add (builder, relative);
  paths = g_strv_builder_end (builder);
  set_paths (self, owner, (const char * const *) paths);
  return TRUE;
}

/* Removes owner's position-th path. */
static void
remove_path (ZpEvidenceDialog *self,
             GObject          *owner,
             guint             position)
{
  const char * const *old = get_paths (owner);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  g_return_if_fail (position < g_strv_length ((char **) old));

  for (guint i = 0; old[i] != NULL; i++)
    if (i != position)
      g_strv_builder_add (builder, old[i]);
  paths = g_strv_builder_end (builder);
  set_paths (self, owner, (const char * const *) paths);
}

/* ---- rows ---- */

static void
toast (ZpEvidenceDialog *self,
       const char       *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
on_open_clicked (GtkButton        *button,
                 ZpEvidenceDialog *self)
{
  const char *resolved = g_object_get_data (G_OBJECT (button), "zp-resolved");
  g_autoptr(GFile) file = g_file_new_for_path (resolved);
  g_autofree char *uri = g_file_get_uri (file);

  /* Through the OpenURI portal inside a sandbox. */
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_remove_clicked (GtkButton        *button,
                   ZpEvidenceDialog *self)
{
  GObject *owner = g_object_get_data (G_OBJECT (button), "zp-owner");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "zp-position"));

  remove_path (self, owner, position);
}

static void
on_add_response (GtkNativeDialog  *chooser,
                 int               response,
                 ZpEvidenceDialog *self)
{
  GObject *owner = g_object_get_data (G_OBJECT (chooser), "zp-owner");
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (!attach_file (self, owner, file, &error))
        {
          toast (self, error->message);
          g_clear_error (&error);
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_add_clicked (GtkButton        *button,
                ZpEvidenceDialog *self)
{
  GObject *owner = g_object_get_data (G_OBJECT (button), "zp-owner");
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = g_file_new_for_path (self->folder);

  chooser = gtk_file_chooser_native_new (_("Attach Evidence"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_object_set_data_full (G_OBJECT (chooser), "zp-owner", g_object_ref (owner), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_add_response), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
file_row (ZpEvidenceDialog *self,
          GObject          *owner,
          guint             position,
          const char       *path)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *resolved = NULL;
  ZpEvidenceState state = self->folder ? zp_evidence_resolve (self->folder, path, &resolved)
                                       : ZP_EVIDENCE_MISSING;
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), path);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (state != ZP_EVIDENCE_PRESENT)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   self->folder == NULL ? _("The workbook has no folder yet: save it")
                                   : state == ZP_EVIDENCE_MISSING ? _("Missing: no such file in the workbook’s folder")
                                   : _("Refused: the path leads out of the workbook’s folder"));
    }
  else
    {
      GtkWidget *open = icon_button ("document-open-symbolic", _("Open"));

      g_object_set_data_full (G_OBJECT (open), "zp-resolved", g_steal_pointer (&resolved), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (on_open_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
    }
  g_object_set_data (G_OBJECT (remove), "zp-owner", owner);
  g_object_set_data (G_OBJECT (remove), "zp-position", GUINT_TO_POINTER (position));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
add_group (ZpEvidenceDialog *self,
           GObject          *owner,
           const char       *title,
           const char       *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = icon_button ("list-add-symbolic", _("Attach a file…"));
  const char * const *paths = get_paths (owner);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  g_object_set_data (G_OBJECT (add), "zp-owner", owner);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_widget_set_sensitive (add, self->folder != NULL);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  for (guint i = 0; paths[i] != NULL; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), file_row (self, owner, i, paths[i]));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
}

static void
rebuild (ZpEvidenceDialog *self)
{
  g_autofree char *form_title = zp_form_dup_title (self->form);

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  add_group (self, G_OBJECT (self->form), form_title,
             self->folder != NULL ? _("Files for the whole form. Paths are relative to the workbook’s folder.")
                                  : _("Save the workbook first: evidence is stored relative to its folder."));
  for (guint g = 0; g < zp_form_get_n_goals (self->form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (self->form, g);

      for (guint r = 0; r < zp_goal_get_n_indicators (goal); r++)
        {
          ZpIndicator *indicator = zp_goal_get_indicator (goal, r);
          g_autofree char *where = NULL;

          /* Translators: where an indicator is: goal number, row number */
          where = g_strdup_printf (_("Goal %1$u, row %2$u"), g + 1, r + 1);
          add_group (self, G_OBJECT (indicator), zp_indicator_get_name (indicator), where);
        }
    }
}

static gboolean
rebuild_idle (gpointer data)
{
  ZpEvidenceDialog *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (ZpEvidenceDialog *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

/* ---- the object ---- */

static void
zp_evidence_dialog_dispose (GObject *object)
{
  ZpEvidenceDialog *self = ZP_EVIDENCE_DIALOG (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->form);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->folder, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_EVIDENCE_DIALOG);

  G_OBJECT_CLASS (zp_evidence_dialog_parent_class)->dispose (object);
}

static void
zp_evidence_dialog_class_init (ZpEvidenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_evidence_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-evidence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpEvidenceDialog, page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zp_evidence_dialog_init (ZpEvidenceDialog *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

ZpEvidenceDialog *
zp_evidence_dialog_new (GtkWindow   *parent,
                        ZpForm      *form,
                        const char  *folder,
                        ZpUndoStack *undo)
{
  ZpEvidenceDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ZP_IS_FORM (form), NULL);
  g_return_val_if_fail (ZP_IS_UNDO_STACK (undo), NULL);

  self = g_object_new (ZP_TYPE_EVIDENCE_DIALOG, "transient-for", parent, NULL);
  self->form = g_object_ref (form);
  self->folder = g_strdup (folder);
  self->undo = g_object_ref (undo);
  g_signal_connect_object (form, "changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (form, "notify::evidence", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}
