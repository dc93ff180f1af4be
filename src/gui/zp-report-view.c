/* zp-report-view.c — the written report, each paragraph editable.
 *
 * The report is regenerated from the workbook (zp_written_report_generate, which applies
 * the workbook's edits) whenever a form or the edits change, in an idle so that a burst
 * of changes regenerates once. When the paragraphs are the same ones (same keys) the rows
 * are updated in place, so the paragraph being typed in keeps its cursor; otherwise they
 * are rebuilt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-docx.h"
#include "zp-report-view.h"
#include "zp-export-chooser.h"
#include "zp-window.h"
#include "zp-written-report.h"

typedef struct
{
  char        *key;
  GtkWidget   *box;
  GtkTextView *view;
  GtkWidget   *marker;
  GtkLabel    *marker_label;
  GtkLabel    *generated_label;
  GtkWidget   *keep_button;
  gulong       changed_id;
  /* as last generated */
  char        *generated;   /* the template's text now */
  char        *based_on;    /* the edit's generated text; NULL unless edited */
  gboolean     edited;
  gboolean     stale;
} Row;

struct _ZpReportView
{
  AdwWindow        parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *overruns_label;
  GtkBox          *paragraph_box;

  ZpWorkbook      *workbook;
  ZpUndoStack     *undo;
  GPtrArray       *rows;        /* Row* */
  guint            refresh_id;
  guint            fit_tick;    /* until the text views have the height they ask for */
  guint            fit_frames;
  const Row       *last_typed;  /* a new paragraph typed in starts a new undo step */
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (ZpReportView, zp_report_view, ADW_TYPE_WINDOW)

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->key);
  g_free (row->generated);
  g_free (row->based_on);
  g_free (row);
}

static Row *
find_row (ZpReportView *self,
          const char   *key)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ---- edits, through the undo stack ---- */

static void
set_edits (ZpReportView *self,
           GVariant     *edits,  /* floating */
           gboolean      merge)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, edits);
  zp_undo_stack_set_value (self->undo, G_OBJECT (self->workbook), "report-edits", &value, merge);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   Row           *row)
{
  ZpReportView *self = g_object_get_data (G_OBJECT (buffer), "zp-report-view");
  g_autofree char *text = buffer_text (row->view);
  GVariant *edits = zp_workbook_get_report_edits (self->workbook);

  /* Typing into another paragraph is another step to undo. */
  if (self->last_typed != row)
    zp_undo_stack_break_merge (self->undo);
  self->last_typed = row;
  if (!row->stale && g_strcmp0 (text, row->generated) == 0)
    edits = zp_report_edits_with (edits, row->key, NULL, NULL);
  else
    /* The generated text the edit starts from stays what it was: a stale paragraph
     * stays marked until the user replaces or keeps it. */
    edits = zp_report_edits_with (edits, row->key, text,
                                  row->edited ? row->based_on : row->generated);
  set_edits (self, edits, TRUE);
}

/* The marker's buttons: use the generated text; keep the user's text as checked. */
static void
use_generated (ZpReportView *self,
               const char   *key)
{
  zp_undo_stack_break_merge (self->undo);
  set_edits (self, zp_report_edits_with (zp_workbook_get_report_edits (self->workbook),
                                         key, NULL, NULL), FALSE);
  self->last_typed = NULL;
}

static void
keep_edit (ZpReportView *self,
           const char   *key)
{
  Row *row = find_row (self, key);
  g_autofree char *text = NULL;

  if (row == NULL || !row->edited)
    return;
  text = buffer_text (row->view);
  zp_undo_stack_break_merge (self->undo);
  set_edits (self, zp_report_edits_with (zp_workbook_get_report_edits (self->workbook),
                                         key, text, row->generated), FALSE);
  self->last_typed = NULL;
}

static void
on_use_generated_clicked (GtkButton *button,
                          Row       *row)
{
  ZpReportView *self = ZP_REPORT_VIEW (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autofree char *key = g_strdup (row->key);

  use_generated (self, key);
}

static void
on_keep_clicked (GtkButton *button,
                 Row       *row)
{
  ZpReportView *self = ZP_REPORT_VIEW (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autofree char *key = g_strdup (row->key);

  keep_edit (self, key);
}

/* ---- rows ---- */

static void
update_marker (Row *row)
{
  gtk_widget_set_visible (row->marker, row->edited);
  if (!row->edited)
    return;
  if (row->stale)
    {
      g_autofree char *generated = g_strdup_printf (_("From the forms now: %s"), row->generated);

      gtk_label_set_text (row->marker_label,
                          _("The forms changed since you edited this paragraph: its figures may no longer match them."));
      gtk_widget_add_css_class (GTK_WIDGET (row->marker_label), "error");
      gtk_label_set_text (row->generated_label, generated);
    }
  else
    {
      gtk_label_set_text (row->marker_label, _("Edited: your text replaces the generated one."));
      gtk_widget_remove_css_class (GTK_WIDGET (row->marker_label), "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (row->generated_label), row->stale);
  gtk_widget_set_visible (row->keep_button, row->stale);
}

static void
row_take_paragraph (Row                     *row,
                    const ZpReportParagraph *paragraph)
{
  g_free (row->generated);
  g_free (row->based_on);
  row->generated = g_strdup (paragraph->edited ? paragraph->generated : paragraph->text);
  row->based_on = g_strdup (paragraph->based_on);
  row->edited = paragraph->edited;
  row->stale = paragraph->stale;
}

static void
row_set_text (Row        *row,
              const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (row->view);
  g_autofree char *shown = buffer_text (row->view);

  if (g_strcmp0 (shown, text) == 0)
    return;
  g_signal_handler_block (buffer, row->changed_id);
  gtk_text_buffer_set_text (buffer, text, -1);
  g_signal_handler_unblock (buffer, row->changed_id);
}

static Row *
row_new (ZpReportView            *self,
         const ZpReportParagraph *paragraph)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *buttons, *use_button;
  GtkTextBuffer *buffer;

  row->key = g_strdup (paragraph->key);
  row->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  row->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  {
    /* "text:summary", "marker:summary": what the UI tests find them by */
    g_autofree char *name = g_strconcat ("text:", row->key, NULL);
    gtk_widget_set_name (GTK_WIDGET (row->view), name);
  }
  gtk_text_view_set_wrap_mode (row->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (row->view, 6);
  gtk_text_view_set_bottom_margin (row->view, 6);
  gtk_text_view_set_left_margin (row->view, 8);
  gtk_text_view_set_right_margin (row->view, 8);
  /* Undo belongs to the workbook's stack, not to each text view. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (row->view), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row->view), "card");
  if (paragraph->kind == ZP_REPORT_PARAGRAPH_TITLE)
    gtk_widget_add_css_class (GTK_WIDGET (row->view), "title-2");
  else if (paragraph->kind == ZP_REPORT_PARAGRAPH_HEADING)
    gtk_widget_add_css_class (GTK_WIDGET (row->view), "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report paragraph"), -1);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->view));

  row->marker = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  {
    g_autofree char *name = g_strconcat ("marker:", row->key, NULL);
    gtk_widget_set_name (row->marker, name);
  }
  row->marker_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (row->marker_label, TRUE);
  gtk_label_set_xalign (row->marker_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row->marker_label), "caption");
  gtk_box_append (GTK_BOX (row->marker), GTK_WIDGET (row->marker_label));
  row->generated_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (row->generated_label, TRUE);
  gtk_label_set_xalign (row->generated_label, 0);
  gtk_label_set_selectable (row->generated_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->generated_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->generated_label), "caption");
  gtk_box_append (GTK_BOX (row->marker), GTK_WIDGET (row->generated_label));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  use_button = gtk_button_new_with_mnemonic (_("Use _Generated Text"));
  gtk_widget_add_css_class (use_button, "flat");
  g_signal_connect (use_button, "clicked", G_CALLBACK (on_use_generated_clicked), row);
  gtk_box_append (GTK_BOX (buttons), use_button);
  row->keep_button = gtk_button_new_with_mnemonic (_("_Keep My Text"));
  gtk_widget_add_css_class (row->keep_button, "flat");
  g_signal_connect (row->keep_button, "clicked", G_CALLBACK (on_keep_clicked), row);
  gtk_box_append (GTK_BOX (buttons), row->keep_button);
  gtk_box_append (GTK_BOX (row->marker), buttons);
  gtk_box_append (GTK_BOX (row->box), row->marker);

  row_take_paragraph (row, paragraph);
  buffer = gtk_text_view_get_buffer (row->view);
  gtk_text_buffer_set_text (buffer, paragraph->text, -1);
  g_object_set_data (G_OBJECT (buffer), "zp-report-view", self);
  row->changed_id = g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), row);
  update_marker (row);
  return row;
}

static gboolean
same_paragraphs (ZpReportView    *self,
                 ZpWrittenReport *report)
{
  if (zp_written_report_get_n_paragraphs (report) != self->rows->len)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (((Row *) g_ptr_array_index (self->rows, i))->key,
                   zp_written_report_get_paragraph (report, i)->key) != 0)
      return FALSE;
  return TRUE;
}

static void
show_overruns (ZpReportView    *self,
               ZpWrittenReport *report)
{
  GPtrArray *overruns = zp_written_report_get_overruns (report);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < overruns->len; i++)
    {
      g_autofree char *line = zp_report_overrun_describe (g_ptr_array_index (overruns, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  gtk_label_set_text (self->overruns_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->overruns_label), overruns->len > 0);
}

/* A text view filled before its first layout asks for its real height only later, and
 * GTK 4.8 does not always lay the box out again then (the rows stay 0 pixels high):
 * re-measure on the next frames until every row has the height it asks for. */
static gboolean
fit_rows_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  ZpReportView *self = data;
  gboolean short_row = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *view = GTK_WIDGET (((Row *) g_ptr_array_index (self->rows, i))->view);
      int width = gtk_widget_get_width (view);
      int minimum = 0;

      if (width <= 0)
        continue;
      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
      if (gtk_widget_get_height (view) < minimum)
        {
          gtk_widget_queue_resize (view);
          short_row = TRUE;
        }
    }
  if ((short_row || ++self->fit_frames < 3) && self->fit_frames < 60)
    return G_SOURCE_CONTINUE;
  self->fit_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
fit_rows (ZpReportView *self)
{
  self->fit_frames = 0;
  if (self->fit_tick == 0)
    self->fit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->paragraph_box),
                                                   fit_rows_tick, self, NULL);
}

static void
refresh (ZpReportView *self)
{
  g_autoptr(ZpWrittenReport) report = zp_written_report_generate (self->workbook, NULL);
  GtkWidget *child;

  show_overruns (self, report);
  if (same_paragraphs (self, report))
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          Row *row = g_ptr_array_index (self->rows, i);
          const ZpReportParagraph *paragraph = zp_written_report_get_paragraph (report, i);

          row_take_paragraph (row, paragraph);
          row_set_text (row, paragraph->text);
          update_marker (row);
        }
      fit_rows (self);
      return;
    }

  self->last_typed = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->paragraph_box))) != NULL)
    gtk_box_remove (self->paragraph_box, child);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < zp_written_report_get_n_paragraphs (report); i++)
    {
      Row *row = row_new (self, zp_written_report_get_paragraph (report, i));

      g_ptr_array_add (self->rows, row);
      gtk_box_append (self->paragraph_box, row->box);
    }
  fit_rows (self);
}

static gboolean
refresh_idle (gpointer data)
{
  ZpReportView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (ZpReportView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* ---- export ---- */

/* Writes the report as format ("txt", "pdf" or "docx") once the export chooser has a file. */
static gboolean
export_to (ZpReportView *self,
           const char   *format,
           GFile        *file,
           GError      **error)
{
  g_autoptr(ZpWrittenReport) report = NULL;

  g_return_val_if_fail (ZP_IS_REPORT_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  report = zp_written_report_generate (self->workbook, NULL);
  if (g_strcmp0 (format, "pdf") == 0)
    return zp_written_report_write_pdf (report, file, error);
  if (g_strcmp0 (format, "docx") == 0)
    return zp_docx_write_report (report, file, error);
  return zp_written_report_write_text (report, file, error);
}

/* Beside the workbook's file, as the window's own exports are. */
static void
start_in_workbook_folder (ZpReportView   *self,
                          GtkFileChooser *chooser)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GFile *file = ZP_IS_WINDOW (parent) ? zp_document_get_file (zp_window_get_document (ZP_WINDOW (parent))) : NULL;
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZpReportView *self = ZP_REPORT_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkFileChooser *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = NULL;
  g_autofree char *suggested = NULL;
  const char *unit = zp_workbook_get_display_unit_short (self->workbook);

  if (g_strcmp0 (format, "pdf") != 0 && g_strcmp0 (format, "docx") != 0)
    format = "txt";
  /* Translators: the suggested file name of the exported report: unit, year, extension */
  suggested = g_strdup_printf (_("%1$s-%2$u-report.%3$s"), unit && *unit ? unit : "ziping",
                               zp_workbook_get_year (self->workbook), format);
  chooser = zp_export_chooser_new (GTK_WINDOW (self), _("Export the Report"), suggested);
  start_in_workbook_folder (self, chooser);
  pattern = g_strdup_printf ("*.%s", format);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  zp_export_chooser_show (chooser, &self->chooser, format, (ZpExportFunc) export_to, self,
                          self->toast_overlay);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZpReportView *self = ZP_REPORT_VIEW (widget);

  self->last_typed = NULL;
  if (g_str_equal (action_name, "report.undo"))
    zp_undo_stack_undo (self->undo);
  else
    zp_undo_stack_redo (self->undo);
}

/* ---- the object ---- */

static void
zp_report_view_dispose (GObject *object)
{
  ZpReportView *self = ZP_REPORT_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->fit_tick != 0 && self->paragraph_box != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->paragraph_box), self->fit_tick);
  self->fit_tick = 0;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_REPORT_VIEW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->workbook);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (zp_report_view_parent_class)->dispose (object);
}

static void
zp_report_view_class_init (ZpReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_report_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpReportView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZpReportView, overruns_label);
  gtk_widget_class_bind_template_child (widget_class, ZpReportView, paragraph_box);
  gtk_widget_class_install_action (widget_class, "report.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "report.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "report.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "report.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "report.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zp_report_view_init (ZpReportView *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

ZpReportView *
zp_report_view_new (GtkWindow   *parent,
                    ZpWorkbook  *workbook,
                    ZpUndoStack *undo)
{
  ZpReportView *self;

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (ZP_IS_UNDO_STACK (undo), NULL);

  self = g_object_new (ZP_TYPE_REPORT_VIEW, "transient-for", parent, NULL);
  self->workbook = g_object_ref (workbook);
  self->undo = g_object_ref (undo);
  g_signal_connect_object (workbook, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zp_workbook_get_forms (workbook), "items-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workbook, "notify", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}
