/* zp-checks-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-checks-panel.h"
#include "zp-form-info.h"

struct _ZpChecksPanel
{
  AdwBin       parent_instance;

  GtkLabel    *heading_label;
  GtkStack    *stack;
  GtkListBox  *list;

  ZpWorkbook  *workbook;
  ZpForm      *form;
  ZpUndoStack *undo;
  GListStore  *findings;
  guint        refresh_idle;
};

#define REFRESH_DELAY_MS 250

G_DEFINE_FINAL_TYPE (ZpChecksPanel, zp_checks_panel, ADW_TYPE_BIN)

enum {
  FINDING_ACTIVATED,
  REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save_explanation (ZpChecksPanel *self,
                  ZpFinding     *finding,
                  const char    *text)
{
  ZpForm *form = zp_finding_get_form (finding);
  GObject *owner = form ? G_OBJECT (form) : G_OBJECT (self->workbook);

  if (owner == NULL)
    return;
  if (self->undo != NULL)
    zp_undo_stack_set_explanation (self->undo, owner, zp_finding_get_key (finding), text);
  else if (form != NULL)
    zp_form_set_explanation (form, zp_finding_get_key (finding), text);
  else
    zp_workbook_set_explanation (self->workbook, zp_finding_get_key (finding), text);
}

static void
on_explain (GtkWidget *widget,
            GtkEntry  *entry)
{
  ZpChecksPanel *self = g_object_get_data (G_OBJECT (entry), "zp-panel");
  ZpFinding *finding = g_object_get_data (G_OBJECT (entry), "zp-finding");

  save_explanation (self, finding, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static GtkWidget *
create_explanation (ZpChecksPanel *self,
                    ZpFinding     *finding)
{
  gboolean explained = zp_finding_is_explained (finding);
  GtkWidget *expander = gtk_expander_new (explained ? _("Explained") : _("Explain…"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *save = gtk_button_new_with_label (_("Save"));
  const char *text = zp_finding_get_explanation (finding);

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why this is acceptable"));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_name (entry, "explanation");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Explanation of the warning"), -1);
  gtk_widget_set_tooltip_text (save, _("Save the explanation"));
  g_object_set_data (G_OBJECT (entry), "zp-panel", self);
  g_object_set_data_full (G_OBJECT (entry), "zp-finding", g_object_ref (finding), g_object_unref);
  g_signal_connect (entry, "activate", G_CALLBACK (on_explain), entry);
  g_signal_connect (save, "clicked", G_CALLBACK (on_explain), entry);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), save);
  gtk_expander_set_child (GTK_EXPANDER (expander), box);
  if (explained)
    {
      g_autofree char *label = g_strdup_printf (_("Explained: %s"), text);
      gtk_expander_set_label (GTK_EXPANDER (expander), label);
    }
  return expander;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ZpChecksPanel *self = user_data;
  ZpFinding *finding = item;
  gboolean error = zp_finding_get_severity (finding) == ZP_SEVERITY_ERROR;
  gboolean explained = zp_finding_is_explained (finding);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *name = g_strdup_printf ("finding-%s", zp_finding_get_code (finding));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" :
                                                  explained ? "emblem-ok-symbolic" :
                                                  "dialog-warning-symbolic");
  GtkWidget *message = gtk_label_new (zp_finding_get_message (finding));
  g_autofree char *location = zp_finding_dup_location (finding);
  GtkWidget *where = gtk_label_new (location);

  gtk_widget_add_css_class (icon, error ? "error" : explained ? "dim-label" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, error ? _("Error") : explained ? _("Explained warning") : _("Warning"));
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_wrap (GTK_LABEL (where), TRUE);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), message);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), where);
  if (!error)
    gtk_box_append (GTK_BOX (box), create_explanation (self, finding));
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* named by the check that found it: "finding-deviation-note-missing" */
  gtk_widget_set_name (row, name);
  gtk_widget_add_css_class (row, error ? "finding-error" : "finding-warning");
  if (explained)
    gtk_widget_add_css_class (row, "explained");
  return row;
}

/* The same finding, as the user sees it. */
static gboolean
same_finding (ZpFinding *a,
              ZpFinding *b)
{
  return zp_finding_get_severity (a) == zp_finding_get_severity (b) &&
         zp_finding_is_explained (a) == zp_finding_is_explained (b) &&
         g_strcmp0 (zp_finding_get_key (a), zp_finding_get_key (b)) == 0 &&
         g_strcmp0 (zp_finding_get_message (a), zp_finding_get_message (b)) == 0 &&
         g_strcmp0 (zp_finding_get_explanation (a), zp_finding_get_explanation (b)) == 0;
}

static void
append_all (GPtrArray  *found,
            GListModel *findings)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    g_ptr_array_add (found, g_list_model_get_item (findings, i));
}

/* Replaces the shown findings in one splice, and only when they changed: typing that
 * changes no finding rebuilds no row. */
static void
show_findings (ZpChecksPanel *self,
               GPtrArray     *found)
{
  GListModel *shown = G_LIST_MODEL (self->findings);
  guint n = g_list_model_get_n_items (shown);
  gboolean same = n == found->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (shown, i);

      same = same_finding (finding, g_ptr_array_index (found, i));
    }
  if (!same)
    g_list_store_splice (self->findings, 0, n, found->pdata, found->len);
}

static void
refresh (ZpChecksPanel *self)
{
  g_autoptr(GListStore) cross = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *heading = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  guint n_errors, n_warnings;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->form != NULL)
    append_all (found, zp_form_info_get_findings (zp_form_info_get (self->form)));
  if (self->workbook != NULL)
    {
      cross = zp_check_cross_forms (self->workbook);
      append_all (found, G_LIST_MODEL (cross));
    }
  show_findings (self, found);

  n_errors = zp_checks_panel_count (self, ZP_SEVERITY_ERROR);
  n_warnings = zp_checks_panel_count (self, ZP_SEVERITY_WARNING);
  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  /* Translators: the heading of the checks panel, e.g. "Checks: 1 error, 4 warnings" */
  heading = g_strdup_printf (_("Checks: %s, %s"), errors, warnings);
  gtk_label_set_label (self->heading_label, heading);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->findings)) ? "list" : "empty");
  g_signal_emit (self, signals[REFRESHED], 0);
}

static gboolean
refresh_cb (gpointer data)
{
  ZpChecksPanel *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* While the user types, refresh once typing pauses: the cross-form checks read every form. */
static void
queue_refresh (ZpChecksPanel *self)
{
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->refresh_idle = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  ZpChecksPanel *self)
{
  g_autoptr(ZpFinding) finding =
    g_list_model_get_item (G_LIST_MODEL (self->findings), gtk_list_box_row_get_index (row));

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
zp_checks_panel_dispose (GObject *object)
{
  ZpChecksPanel *self = ZP_CHECKS_PANEL (object);

  zp_checks_panel_set_form (self, NULL);
  zp_checks_panel_set_workbook (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_object (&self->undo);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_CHECKS_PANEL);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (zp_checks_panel_parent_class)->dispose (object);
}

static void
zp_checks_panel_class_init (ZpChecksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_checks_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-checks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpChecksPanel, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ZpChecksPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, ZpChecksPanel, list);

  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ZP_TYPE_FINDING);
  signals[REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
zp_checks_panel_init (ZpChecksPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->findings = g_list_store_new (ZP_TYPE_FINDING);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->findings), create_row, self, NULL);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
}

ZpChecksPanel *
zp_checks_panel_new (void)
{
  return g_object_new (ZP_TYPE_CHECKS_PANEL, NULL);
}

void
zp_checks_panel_set_workbook (ZpChecksPanel *self,
                              ZpWorkbook    *workbook)
{
  g_return_if_fail (ZP_IS_CHECKS_PANEL (self));

  if (self->workbook == workbook)
    return;
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_set_object (&self->workbook, workbook);
  if (workbook != NULL)
    g_signal_connect_swapped (workbook, "changed", G_CALLBACK (queue_refresh), self);
  queue_refresh (self);
}

void
zp_checks_panel_set_form (ZpChecksPanel *self,
                          ZpForm        *form)
{
  g_return_if_fail (ZP_IS_CHECKS_PANEL (self));

  if (self->form == form)
    return;
  if (self->form != NULL)
    g_signal_handlers_disconnect_by_data (zp_form_info_get (self->form), self);
  g_set_object (&self->form, form);
  if (form != NULL)
    g_signal_connect_swapped (zp_form_info_get (form), "changed", G_CALLBACK (queue_refresh), self);
  queue_refresh (self);
}

void
zp_checks_panel_set_undo_stack (ZpChecksPanel *self,
                                ZpUndoStack   *undo)
{
  g_return_if_fail (ZP_IS_CHECKS_PANEL (self));

  g_set_object (&self->undo, undo);
}

guint
zp_checks_panel_count (ZpChecksPanel *self,
                       ZpSeverity     severity)
{
  return zp_findings_count (G_LIST_MODEL (self->findings), severity, FALSE);
}
