/* zp-published-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-edit-binding.h"
#include "zp-form-info.h"
#include "zp-published-group.h"

struct _ZpPublishedGroup
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  AdwActionRow        *rate_row;
  AdwActionRow        *score_row;
  AdwActionRow        *total_row;
  GtkLabel            *findings_label;

  ZpForm              *form;
  GHashTable          *entries;   /* property → GtkEntry (borrowed) */
  guint                check_id;  /* idle rechecking the form */
};

G_DEFINE_FINAL_TYPE (ZpPublishedGroup, zp_published_group, ADW_TYPE_BIN)

/* ---- the findings ---- */

static gboolean
recheck (gpointer data)
{
  ZpPublishedGroup *self = data;
  /* the form's checks as the sidebar and the checks panel have them: run once per edit */
  GListModel *findings = zp_form_info_get_findings (zp_form_info_get (self->form));
  g_autoptr(GString) text = g_string_new (NULL);

  self->check_id = 0;
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);

      if (!g_str_has_prefix (zp_finding_get_code (finding), "published-"))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* A row's printed 得分 says which row. */
      if (zp_finding_get_row (finding) >= 0)
        {
          g_autofree char *where = zp_finding_dup_location (finding);
          /* TRANSLATORS: a finding's place, then its message */
          g_string_append_printf (text, _("%1$s: %2$s"), where, zp_finding_get_message (finding));
        }
      else
        g_string_append (text, zp_finding_get_message (finding));
    }
  if (g_strcmp0 (gtk_label_get_label (self->findings_label), text->str) != 0)
    gtk_label_set_label (self->findings_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_label), text->len > 0);
  return G_SOURCE_REMOVE;
}

/* Every keystroke rescores; one check per idle is enough. */
static void
queue_recheck (ZpPublishedGroup *self)
{
  if (self->check_id == 0)
    self->check_id = g_idle_add (recheck, self);
}

/* ---- the rows ---- */

static gboolean
to_computed (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_take_string (to, g_strdup_printf (_("Ziping computes %s"), text && *text ? text : "—"));
  return TRUE;
}

static void
bind_row (ZpPublishedGroup *self,
          AdwActionRow     *row,
          const char       *property,
          const char       *computed)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_widget_set_name (entry, property);  /* "published-total": what the UI tests find */
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  adw_action_row_add_suffix (row, entry);
  adw_action_row_set_activatable_widget (row, entry);
  g_object_bind_property_full (self->form, computed, row, "subtitle", G_BINDING_SYNC_CREATE,
                               to_computed, NULL, NULL, NULL);
  g_hash_table_insert (self->entries, (gpointer) property, entry);
}

static void
zp_published_group_dispose (GObject *object)
{
  ZpPublishedGroup *self = ZP_PUBLISHED_GROUP (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->form != NULL)
    g_signal_handlers_disconnect_by_data (self->form, self);
  /* No gtk_widget_dispose_template(): the bound group is the bin's child, which AdwBin
   * unparents itself. */
  g_clear_object (&self->form);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (zp_published_group_parent_class)->dispose (object);
}

static void
zp_published_group_class_init (ZpPublishedGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_published_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-published-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpPublishedGroup, group);
  gtk_widget_class_bind_template_child (widget_class, ZpPublishedGroup, rate_row);
  gtk_widget_class_bind_template_child (widget_class, ZpPublishedGroup, score_row);
  gtk_widget_class_bind_template_child (widget_class, ZpPublishedGroup, total_row);
  gtk_widget_class_bind_template_child (widget_class, ZpPublishedGroup, findings_label);
}

static void
zp_published_group_init (ZpPublishedGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
}

ZpPublishedGroup *
zp_published_group_new (ZpForm      *form,
                        ZpUndoStack *undo)
{
  ZpPublishedGroup *self;

  g_return_val_if_fail (ZP_IS_FORM (form), NULL);

  self = g_object_new (ZP_TYPE_PUBLISHED_GROUP, NULL);
  self->form = g_object_ref (form);
  bind_row (self, self->rate_row, "published-rate", "execution-rate-text");
  bind_row (self, self->score_row, "published-execution-score", "execution-score-text");
  bind_row (self, self->total_row, "published-total", "total-text");
  zp_edit_binding_bind (GTK_EDITABLE (g_hash_table_lookup (self->entries, "published-rate")),
                        G_OBJECT (form), "published-rate", undo);
  zp_edit_binding_bind (GTK_EDITABLE (g_hash_table_lookup (self->entries, "published-execution-score")),
                        G_OBJECT (form), "published-execution-score", undo);
  zp_edit_binding_bind (GTK_EDITABLE (g_hash_table_lookup (self->entries, "published-total")),
                        G_OBJECT (form), "published-total", undo);
  /* A printed figure, or what it is compared with, changed. */
  g_signal_connect_swapped (form, "rescored", G_CALLBACK (queue_recheck), self);
  g_signal_connect_swapped (form, "changed", G_CALLBACK (queue_recheck), self);
  recheck (self);
  return self;
}
