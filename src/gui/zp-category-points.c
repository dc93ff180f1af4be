/* zp-category-points.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-category-points.h"

struct _ZpCategoryPoints
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;

  ZpForm              *form;
  ZpScheme            *scheme;
  ZpUndoStack         *undo;
  GPtrArray           *rows;     /* AdwActionRow*, borrowed */
  GHashTable          *entries;  /* category → GtkEntry (borrowed) */
  gboolean             syncing;  /* the entries are being set from the form */
};

G_DEFINE_FINAL_TYPE (ZpCategoryPoints, zp_category_points, ADW_TYPE_BIN)

#define ENTRY_CATEGORY "zp-category"

/* The form's pairs with `category`'s replaced by `points` (removed when empty). A pair
 * matches when the scheme takes its name for the same category ("产出指标（60分）" is
 * 产出指标), else by its exact name. */
static GStrv
pairs_with (ZpCategoryPoints *self,
            const char       *category,
            const char       *points)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint wanted = G_MAXUINT, index;
  gboolean known = zp_scheme_lookup_category (self->scheme, category, &wanted);

  for (guint i = 0; i < zp_form_get_n_category_points (self->form); i++)
    {
      const char *value = NULL;
      const char *name = zp_form_get_category_points_nth (self->form, i, &value);
      gboolean same = known ? zp_scheme_lookup_category (self->scheme, name, &index) && index == wanted
                            : g_str_equal (name, category);

      if (!same)
        {
          g_autofree char *pair = g_strdup_printf ("%s=%s", name, value);
          g_strv_builder_add (builder, pair);
        }
    }
  if (points != NULL && *points != '\0')
    {
      g_autofree char *pair = g_strdup_printf ("%s=%s", category, points);
      g_strv_builder_add (builder, pair);
    }
  return g_strv_builder_end (builder);
}

static void
on_entry_changed (GtkEditable      *entry,
                  ZpCategoryPoints *self)
{
  const char *category = g_object_get_data (G_OBJECT (entry), ENTRY_CATEGORY);
  g_auto(GStrv) pairs = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing)
    return;
  pairs = pairs_with (self, category, gtk_editable_get_text (entry));
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, pairs);
  /* Typing in one entry is one undo step, as in every other field. */
  if (self->undo != NULL)
    zp_undo_stack_set_value (self->undo, G_OBJECT (self->form), "category-points", &value, TRUE);
  else
    g_object_set_property (G_OBJECT (self->form), "category-points", &value);
}

static void
on_entry_leave (GtkEventControllerFocus *controller,
                ZpCategoryPoints        *self)
{
  if (self->undo != NULL)
    zp_undo_stack_break_merge (self->undo);
}

static void
sync_entries (ZpCategoryPoints *self)
{
  GHashTableIter iter;
  gpointer key, entry;

  self->syncing = TRUE;
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &entry))
    {
      const char *points = zp_form_get_category_points (self->form, key);

      if (g_strcmp0 (gtk_editable_get_text (entry), points ? points : "") != 0)
        gtk_editable_set_text (entry, points ? points : "");
    }
  self->syncing = FALSE;
}

static void
add_category (ZpCategoryPoints *self,
              const char       *category,
              const char       *scheme_points)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  if (g_hash_table_contains (self->entries, category))
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), category);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  /* Empty: the scheme's points apply, shown as the hint. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), scheme_points);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, category, -1);
  g_object_set_data_full (G_OBJECT (entry), ENTRY_CATEGORY, g_strdup (category), g_free);
  {
    /* "points-产出指标": what the UI tests find it by */
    g_autofree char *name = g_strconcat ("points-", category, NULL);
    gtk_widget_set_name (entry, name);
  }
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave), self);
  gtk_widget_add_controller (entry, focus);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
  g_hash_table_insert (self->entries, g_strdup (category), entry);
}

/* The rows follow the scheme's categories (the scheme page may add one or change the
 * split), then the form's own others. */
static void
rebuild_rows (ZpCategoryPoints *self)
{
  gboolean free_split = zp_scheme_get_category_split (self->scheme) == ZP_CATEGORY_SPLIT_FREE;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->entries);

  adw_preferences_group_set_description (self->group,
    free_split ? _("The scheme fixes only the indicators’ total: type the points this form prints per category")
               : _("Leave empty to use the scheme’s points; type the points this form prints to replace them"));
  for (guint i = 0; i < zp_scheme_get_n_categories (self->scheme); i++)
    {
      g_autofree char *points = zp_decimal_format_trim (zp_scheme_get_category_weight (self->scheme, i), 2);

      add_category (self, zp_scheme_get_category_name (self->scheme, i), free_split ? _("free") : points);
    }
  for (guint i = 0; i < zp_form_get_n_category_points (self->form); i++)
    {
      const char *name = zp_form_get_category_points_nth (self->form, i, NULL);
      guint index;

      if (!zp_scheme_lookup_category (self->scheme, name, &index))
        add_category (self, name, "");
    }
  sync_entries (self);
}

static void
on_category_points (ZpCategoryPoints *self)
{
  /* A category the scheme does not know may have come (undo, import). */
  for (guint i = 0; i < zp_form_get_n_category_points (self->form); i++)
    {
      const char *name = zp_form_get_category_points_nth (self->form, i, NULL);
      guint index;

      if (!zp_scheme_lookup_category (self->scheme, name, &index)
          && !g_hash_table_contains (self->entries, name))
        add_category (self, name, "");
    }
  sync_entries (self);
}

static void
zp_category_points_dispose (GObject *object)
{
  ZpCategoryPoints *self = ZP_CATEGORY_POINTS (object);

  if (self->form != NULL)
    g_signal_handlers_disconnect_by_data (self->form, self);
  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_data (self->scheme, self);
  /* No gtk_widget_dispose_template(): the bound group is the bin's child, which AdwBin
   * unparents itself. */
  g_clear_object (&self->form);
  g_clear_object (&self->scheme);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (zp_category_points_parent_class)->dispose (object);
}

static void
zp_category_points_class_init (ZpCategoryPointsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_category_points_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-category-points.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpCategoryPoints, group);
}

static void
zp_category_points_init (ZpCategoryPoints *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ZpCategoryPoints *
zp_category_points_new (ZpForm      *form,
                        ZpUndoStack *undo)
{
  ZpCategoryPoints *self;

  g_return_val_if_fail (ZP_IS_FORM (form), NULL);
  g_return_val_if_fail (zp_form_get_scheme (form) != NULL, NULL);

  self = g_object_new (ZP_TYPE_CATEGORY_POINTS, NULL);
  self->form = g_object_ref (form);
  self->scheme = g_object_ref (zp_form_get_scheme (form));
  self->undo = undo ? g_object_ref (undo) : NULL;
  g_signal_connect_swapped (form, "notify::category-points", G_CALLBACK (on_category_points), self);
  g_signal_connect_swapped (self->scheme, "changed", G_CALLBACK (rebuild_rows), self);
  rebuild_rows (self);
  return self;
}
