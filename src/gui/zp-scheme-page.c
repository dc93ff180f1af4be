/* zp-scheme-page.c — the workbook's scheme, edited through the undo stack.
 *
 * Every widget writes one property of the scheme (or the workbook's "amount-unit") with
 * zp_undo_stack; the scheme's ::changed (and the workbook's notify) bring every widget back
 * in line, which is also how an undo shows here. Spin buttons merge their steps, so that
 * clicking an arrow five times is one undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-scheme-page.h"

struct _ZpSchemePage
{
  AdwPreferencesPage   parent_instance;

  AdwComboRow         *builtin_row;
  GtkButton           *apply_button;
  AdwComboRow         *layout_row;
  AdwComboRow         *amount_unit_row;
  AdwPreferencesGroup *points_group;
  AdwActionRow        *execution_row;
  AdwComboRow         *split_row;
  AdwActionRow        *band_achieved_row;
  AdwActionRow        *band_partial_row;
  AdwComboRow         *formula_row;
  AdwActionRow        *over_row;
  AdwActionRow        *threshold_row;
  AdwActionRow        *decimals_row;
  AdwComboRow         *na_row;
  AdwPreferencesGroup *grades_group;

  ZpWorkbook          *workbook;
  ZpUndoStack         *undo;
  ZpScheme            *scheme;          /* the workbook's, watched */
  GHashTable          *fields;          /* setting → widget (borrowed) */
  GPtrArray           *category_rows;   /* AdwActionRow, one per category */
  GPtrArray           *grade_rows;      /* AdwActionRow, one per grade band, read-only */
  char               **grade_texts;     /* the bands the rows show ("grade-bands") */
  gboolean             syncing;         /* the widgets are being set from the model */
};

G_DEFINE_FINAL_TYPE (ZpSchemePage, zp_scheme_page, ADW_TYPE_PREFERENCES_PAGE)

/* Records the widget editing a setting; it is named after it ("category:产出指标"),
 * which is how the UI tests find it. Takes key. */
static void
add_field (ZpSchemePage *self,
           char         *key,
           gpointer      widget)
{
  gtk_widget_set_name (GTK_WIDGET (widget), key);
  g_hash_table_insert (self->fields, key, widget);
}

static const char * const layout_ids[] = { "hubei", "central", NULL };

/* ---- spin rows ------------------------------------------------------------------------ */

/* Which text property a spin button edits, and the factor between both (100: a share
 * shown as a percentage). */
#define SPIN_PROPERTY "zp-scheme-property"
#define SPIN_FACTOR   "zp-scheme-factor"
#define SPIN_CATEGORY "zp-scheme-category"

static GtkSpinButton *
add_spin (AdwActionRow *row,
          double        lower,
          double        upper,
          double        step,
          guint         digits)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (lower, upper, step));

  gtk_spin_button_set_digits (spin, digits);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, GTK_WIDGET (spin));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (spin));
  return spin;
}

static char *
format_value (double value)
{
  ZpDecimal decimal = zp_decimal_from_fixed ((gint64) (value * 10000 + (value >= 0 ? 0.5 : -0.5)), 4);

  return zp_decimal_format_trim (decimal, 4);
}

static double
text_value (const char *text)
{
  ZpDecimal value;
  g_autofree char *plain = NULL;

  if (text == NULL || !zp_decimal_parse (text, &value, NULL))
    return 0;
  plain = zp_decimal_format_trim (value, 6);
  return g_ascii_strtod (plain, NULL);
}

static void
set_spin_quietly (ZpSchemePage  *self,
                  GtkSpinButton *spin,
                  double         value)
{
  if (ABS (gtk_spin_button_get_value (spin) - value) < 1e-9)
    return;
  self->syncing = TRUE;
  gtk_spin_button_set_value (spin, value);
  self->syncing = FALSE;
}

static void
on_spin_changed (GtkSpinButton *spin,
                 ZpSchemePage  *self)
{
  const char *property = g_object_get_data (G_OBJECT (spin), SPIN_PROPERTY);
  double factor = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), SPIN_FACTOR));
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  if (property != NULL && g_str_equal (property, "decimals"))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_UINT);
      g_value_set_uint (&value, (guint) gtk_spin_button_get_value_as_int (spin));
      zp_undo_stack_set_value (self->undo, G_OBJECT (self->scheme), "decimals", &value, TRUE);
      return;
    }
  text = format_value (gtk_spin_button_get_value (spin) / factor);
  zp_undo_stack_set_string (self->undo, G_OBJECT (self->scheme), property, text, TRUE);
}

static GtkSpinButton *
bind_spin (ZpSchemePage *self,
           AdwActionRow *row,
           const char   *property,
           int           factor,
           double        lower,
           double        upper,
           double        step,
           guint         digits)
{
  GtkSpinButton *spin = add_spin (row, lower, upper, step, digits);

  g_object_set_data (G_OBJECT (spin), SPIN_PROPERTY, (gpointer) property);
  g_object_set_data (G_OBJECT (spin), SPIN_FACTOR, GINT_TO_POINTER (factor));
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  add_field (self, g_strdup (property), spin);
  return spin;
}

/* ---- combo rows ----------------------------------------------------------------------- */

static void
set_combo_quietly (ZpSchemePage *self,
                   AdwComboRow  *row,
                   guint         selected)
{
  if (adw_combo_row_get_selected (row) == selected)
    return;
  self->syncing = TRUE;
  adw_combo_row_set_selected (row, selected);
  self->syncing = FALSE;
}

static void
set_combo_labels (AdwComboRow        *row,
                  const char * const *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (labels);

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
on_enum_combo (AdwComboRow  *row,
               GParamSpec   *pspec,
               ZpSchemePage *self)
{
  const char *property = g_object_get_data (G_OBJECT (row), SPIN_PROPERTY);
  GObject *target = g_str_equal (property, "amount-unit") ? G_OBJECT (self->workbook) : G_OBJECT (self->scheme);

  if (self->syncing)
    return;
  zp_undo_stack_set_enum (self->undo, target, property, (int) adw_combo_row_get_selected (row));
}

static void
bind_enum_combo (ZpSchemePage       *self,
                 AdwComboRow        *row,
                 const char         *property,
                 const char * const *labels)
{
  set_combo_labels (row, labels);
  g_object_set_data (G_OBJECT (row), SPIN_PROPERTY, (gpointer) property);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_enum_combo), self);
  add_field (self, g_strdup (property), row);
}

static void
on_layout_combo (ZpSchemePage *self)
{
  guint selected = adw_combo_row_get_selected (self->layout_row);

  if (self->syncing || selected >= G_N_ELEMENTS (layout_ids) - 1)
    return;
  zp_undo_stack_set_string (self->undo, G_OBJECT (self->scheme), "layout", layout_ids[selected], FALSE);
}

/* ---- categories ----------------------------------------------------------------------- */

static void
on_category_spin (GtkSpinButton *spin,
                  ZpSchemePage  *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), SPIN_CATEGORY));
  g_auto(GStrv) pairs = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *weight = NULL;

  if (self->syncing || index >= zp_scheme_get_n_categories (self->scheme))
    return;
  g_object_get (self->scheme, "category-weights", &pairs, NULL);
  weight = format_value (gtk_spin_button_get_value (spin));
  g_free (pairs[index]);
  pairs[index] = g_strdup_printf ("%s=%s", zp_scheme_get_category_name (self->scheme, index), weight);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, pairs);
  zp_undo_stack_set_value (self->undo, G_OBJECT (self->scheme), "category-weights", &value, TRUE);
}

static void
clear_category_rows (ZpSchemePage *self)
{
  for (guint i = 0; i < self->category_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->category_rows, i);
      g_autofree char *key = g_strdup_printf ("category:%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

      g_hash_table_remove (self->fields, key);
      adw_preferences_group_remove (self->points_group, row);
    }
  g_ptr_array_set_size (self->category_rows, 0);
}

/* One row per category, rebuilt when the scheme's categories are not the rows'. */
static void
sync_categories (ZpSchemePage *self)
{
  guint n = zp_scheme_get_n_categories (self->scheme);
  gboolean same = self->category_rows->len == n;

  for (guint i = 0; same && i < n; i++)
    same = g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (self->category_rows, i)),
                        zp_scheme_get_category_name (self->scheme, i));
  if (!same)
    {
      clear_category_rows (self);
      for (guint i = 0; i < n; i++)
        {
          AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
          GtkSpinButton *spin;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zp_scheme_get_category_name (self->scheme, i));
          spin = add_spin (row, 0, 100, 1, 1);
          g_object_set_data (G_OBJECT (spin), SPIN_CATEGORY, GUINT_TO_POINTER (i));
          g_signal_connect (spin, "value-changed", G_CALLBACK (on_category_spin), self);
          adw_preferences_group_add (self->points_group, GTK_WIDGET (row));
          g_ptr_array_add (self->category_rows, row);
          add_field (self, g_strdup_printf ("category:%s", zp_scheme_get_category_name (self->scheme, i)),
                               spin);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("category:%s", zp_scheme_get_category_name (self->scheme, i));
      g_autofree char *text = zp_decimal_format_trim (zp_scheme_get_category_weight (self->scheme, i), 6);

      set_spin_quietly (self, g_hash_table_lookup (self->fields, key), text_value (text));
    }
}

/* ---- grade bands (read-only) ---------------------------------------------------------- */

/* One row per band, highest first: "优", "90 points and above"; rebuilt only when the bands
 * changed. */
static void
sync_grades (ZpSchemePage *self)
{
  g_auto(GStrv) texts = NULL;
  guint n = zp_scheme_get_n_grade_bands (self->scheme);

  g_object_get (self->scheme, "grade-bands", &texts, NULL);
  if (self->grade_texts != NULL && g_strv_equal ((const char * const *) texts,
                                                 (const char * const *) self->grade_texts))
    return;
  for (guint i = 0; i < self->grade_rows->len; i++)
    adw_preferences_group_remove (self->grades_group, g_ptr_array_index (self->grade_rows, i));
  g_ptr_array_set_size (self->grade_rows, 0);
  for (guint i = 0; i < n; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autofree char *min = zp_decimal_format_trim (zp_scheme_get_grade_band_min (self->scheme, i), 2);
      g_autofree char *subtitle = NULL;

      /* The lowest band takes every total below the others. */
      if (i + 1 == n && n > 1)
        {
          g_autofree char *above = zp_decimal_format_trim (zp_scheme_get_grade_band_min (self->scheme, i - 1), 2);

          /* TRANSLATORS: a grade of the total, "below 60 points" */
          subtitle = g_strdup_printf (_("below %s points"), above);
        }
      else
        /* TRANSLATORS: a grade of the total, "90 points and above" */
        subtitle = g_strdup_printf (_("%s points and above"), min);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zp_scheme_get_grade_band_name (self->scheme, i));
      adw_action_row_set_subtitle (row, subtitle);
      gtk_widget_set_name (GTK_WIDGET (row), "grade-band");  /* what the UI tests find */
      adw_preferences_group_add (self->grades_group, GTK_WIDGET (row));
      g_ptr_array_add (self->grade_rows, row);
    }
  g_strfreev (self->grade_texts);
  self->grade_texts = g_steal_pointer (&texts);
}

/* ---- the model into the widgets ------------------------------------------------------- */

static void
sync_spin (ZpSchemePage *self,
           const char   *property)
{
  GtkSpinButton *spin = g_hash_table_lookup (self->fields, property);
  double factor = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), SPIN_FACTOR));
  g_autofree char *text = NULL;

  g_object_get (self->scheme, property, &text, NULL);
  set_spin_quietly (self, spin, text_value (text) * factor);
}

static void
sync_all (ZpSchemePage *self)
{
  const char *layout = zp_scheme_get_layout (self->scheme);

  sync_spin (self, "execution-weight");
  sync_spin (self, "band-achieved");
  sync_spin (self, "band-partial");
  sync_spin (self, "over-achievement");
  sync_spin (self, "execution-threshold");
  set_spin_quietly (self, g_hash_table_lookup (self->fields, "decimals"), zp_scheme_get_decimals (self->scheme));
  sync_categories (self);
  sync_grades (self);
  set_combo_quietly (self, self->split_row, zp_scheme_get_category_split (self->scheme));
  set_combo_quietly (self, self->formula_row, zp_scheme_get_reverse_formula (self->scheme));
  set_combo_quietly (self, self->na_row, zp_scheme_get_not_applicable (self->scheme));
  set_combo_quietly (self, self->layout_row, g_str_equal (layout, "central") ? 1 : 0);
  set_combo_quietly (self, self->amount_unit_row, zp_workbook_get_amount_unit (self->workbook));
}

static void
watch_scheme (ZpSchemePage *self)
{
  ZpScheme *scheme = zp_workbook_get_scheme (self->workbook);

  if (self->scheme == scheme)
    return;
  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_func (self->scheme, sync_all, self);
  g_set_object (&self->scheme, scheme);
  g_signal_connect_swapped (scheme, "changed", G_CALLBACK (sync_all), self);
  sync_all (self);
}

/* ---- start from a built-in ------------------------------------------------------------ */

static void
apply_builtin (ZpSchemePage *self)
{
  const char * const *ids = zp_scheme_list_builtin ();
  guint selected = adw_combo_row_get_selected (self->builtin_row);
  g_autoptr(ZpScheme) builtin = NULL;
  static const char * const copied[] = {
    "name", "layout", "execution-weight", "category-weights", "band-achieved", "band-partial",
    "reverse-formula", "over-achievement", "execution-threshold", "decimals", "category-split",
    "not-applicable", "grade-bands",
  };

  if (selected >= g_strv_length ((char **) ids))
    return;
  builtin = zp_scheme_new_builtin (ids[selected]);

  /* One step to undo; the id stays the workbook's. */
  zp_undo_stack_begin_group (self->undo);
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, g_object_class_find_property (G_OBJECT_GET_CLASS (builtin), copied[i])->value_type);
      g_object_get_property (G_OBJECT (builtin), copied[i], &value);
      zp_undo_stack_set_value (self->undo, G_OBJECT (self->scheme), copied[i], &value, FALSE);
    }
  zp_undo_stack_end_group (self->undo);
  zp_undo_stack_break_merge (self->undo);
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
zp_scheme_page_dispose (GObject *object)
{
  ZpSchemePage *self = ZP_SCHEME_PAGE (object);

  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_func (self->scheme, sync_all, self);
  g_clear_object (&self->scheme);
  g_clear_object (&self->workbook);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->category_rows, g_ptr_array_unref);
  g_clear_pointer (&self->grade_rows, g_ptr_array_unref);
  g_clear_pointer (&self->grade_texts, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_SCHEME_PAGE);

  G_OBJECT_CLASS (zp_scheme_page_parent_class)->dispose (object);
}

static void
zp_scheme_page_class_init (ZpSchemePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_scheme_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-scheme-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, builtin_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, layout_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, amount_unit_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, points_group);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, execution_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, split_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, band_achieved_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, band_partial_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, formula_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, over_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, decimals_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, na_row);
  gtk_widget_class_bind_template_child (widget_class, ZpSchemePage, grades_group);
}

static void
zp_scheme_page_init (ZpSchemePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->category_rows = g_ptr_array_new ();
  self->grade_rows = g_ptr_array_new ();
}

ZpSchemePage *
zp_scheme_page_new (ZpWorkbook  *workbook,
                    ZpUndoStack *undo)
{
  const char *split_labels[] = { _("Fixed"), _("Free (only the total)"), NULL };
  const char *formula_labels[] = { _("Target ÷ actual × weight"), _("Linear deduction, 0 from twice the target"), NULL };
  const char *na_labels[] = { _("Not allowed (an error)"), _("Rescale the rest of the category"), NULL };
  const char *layout_labels[] = { _("Hubei / Wuhan"), _("Central (MoF No. 10, 2020)"), NULL };
  const char *unit_labels[] = { "万元", "元", NULL };
  const char * const *ids = zp_scheme_list_builtin ();
  g_autoptr(GPtrArray) builtin_labels = g_ptr_array_new_with_free_func (g_free);
  ZpSchemePage *self;

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (ZP_IS_UNDO_STACK (undo), NULL);

  self = g_object_new (ZP_TYPE_SCHEME_PAGE, NULL);
  self->workbook = g_object_ref (workbook);
  self->undo = g_object_ref (undo);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(ZpScheme) builtin = zp_scheme_new_builtin (ids[i]);

      g_ptr_array_add (builtin_labels, g_strdup (zp_scheme_get_name (builtin)));
    }
  g_ptr_array_add (builtin_labels, NULL);
  set_combo_labels (self->builtin_row, (const char * const *) builtin_labels->pdata);
  add_field (self, g_strdup ("builtin"), self->builtin_row);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_builtin), self);

  bind_spin (self, self->execution_row, "execution-weight", 1, 0, 100, 1, 1);
  bind_spin (self, self->band_achieved_row, "band-achieved", 100, 0, 100, 5, 0);
  bind_spin (self, self->band_partial_row, "band-partial", 100, 0, 100, 5, 0);
  bind_spin (self, self->over_row, "over-achievement", 100, 100, 1000, 10, 0);
  bind_spin (self, self->threshold_row, "execution-threshold", 100, 0, 100, 5, 0);
  bind_spin (self, self->decimals_row, "decimals", 1, 0, 4, 1, 0);
  bind_enum_combo (self, self->split_row, "category-split", split_labels);
  bind_enum_combo (self, self->formula_row, "reverse-formula", formula_labels);
  bind_enum_combo (self, self->na_row, "not-applicable", na_labels);
  bind_enum_combo (self, self->amount_unit_row, "amount-unit", unit_labels);
  set_combo_labels (self->layout_row, layout_labels);
  add_field (self, g_strdup ("layout"), self->layout_row);
  g_signal_connect_swapped (self->layout_row, "notify::selected", G_CALLBACK (on_layout_combo), self);

  g_signal_connect_object (workbook, "notify::scheme", G_CALLBACK (watch_scheme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workbook, "notify::amount-unit", G_CALLBACK (sync_all), self, G_CONNECT_SWAPPED);
  watch_scheme (self);
  return self;
}
