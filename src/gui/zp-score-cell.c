/* zp-score-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-row-details.h"
#include "zp-score-cell.h"

struct _ZpScoreCell
{
  AdwBin          parent_instance;

  GtkMenuButton  *button;
  GtkLabel       *label;

  ZpIndicator    *indicator;
  ZpScheme       *scheme;
  ZpUndoStack    *undo;

  /* popover, while shown */
  GtkDropDown    *grade_dropdown;
  GtkEntry       *score_entry;
  GtkEntry       *reason_entry;
  GtkLabel       *range_label;
  GtkButton      *apply_button;
};

G_DEFINE_FINAL_TYPE (ZpScoreCell, zp_score_cell, ADW_TYPE_BIN)

/* By ZpIndicatorState, then the class of a score set by hand. */
static const char *state_classes[] = { "unscored", "met", "partial", "missed", "not-applicable", "overridden", NULL };

/* The core's score text, "—" when unscored. */
static const char *
shown_score (ZpIndicator *indicator)
{
  const char *text = zp_indicator_get_score_text (indicator);

  return *text != '\0' ? text : "—";
}

static char *
describe_band (ZpScoreCell *self,
               ZpGrade      grade)
{
  ZpDecimal lower, upper;
  gboolean upper_included;
  guint places = zp_scheme_get_decimals (self->scheme);
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (grade == ZP_GRADE_NONE)
    return g_strdup (_("Not graded"));
  if (!zp_indicator_get_score_range (self->indicator, self->scheme, grade, &lower, &upper,
                              &upper_included))
    return g_strdup (zp_grade_to_string (grade));
  lo = zp_decimal_format (lower, places);
  hi = zp_decimal_format (upper, places);
  return g_strdup_printf ("%s %s–%s", zp_grade_to_string (grade), lo, hi);
}

static void
update_label (ZpScoreCell *self)
{
  ZpIndicatorState state;
  const char *klass;

  if (self->indicator == NULL)
    return;

  gtk_label_set_label (self->label, shown_score (self->indicator));
  state = zp_indicator_get_state (self->indicator);
  klass = zp_indicator_has_override (self->indicator) ? "overridden" : state_classes[state];
  for (guint i = 0; state_classes[i] != NULL; i++)
    if (g_strcmp0 (klass, state_classes[i]) != 0)
      gtk_widget_remove_css_class (GTK_WIDGET (self->button), state_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), klass);
}

/* Validates the typed score: a number within the grade's band (or 0 … weight). */
static gboolean
validate (ZpScoreCell *self,
          ZpDecimal   *score)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->score_entry));
  ZpGrade grade = ZP_GRADE_NONE;
  ZpDecimal lower, upper;
  gboolean upper_included = TRUE;
  gboolean percent = FALSE;

  if (self->grade_dropdown != NULL)
    grade = gtk_drop_down_get_selected (self->grade_dropdown);
  if (*text == '\0')
    return TRUE;
  if (!zp_decimal_parse (text, score, &percent) || percent)
    {
      gtk_label_set_label (self->range_label, _("Type a number, e.g. 6.5"));
      return FALSE;
    }
  /* As the checker tests it: the upper end belongs to 达成 only. */
  if (zp_indicator_get_score_range (self->indicator, self->scheme, grade, &lower, &upper,
                             &upper_included) &&
      (zp_decimal_cmp (*score, lower) < 0 ||
       zp_decimal_cmp (*score, upper) > (upper_included ? 0 : -1)))
    {
      guint places = zp_scheme_get_decimals (self->scheme);
      g_autofree char *lo = zp_decimal_format (lower, places);
      g_autofree char *hi = zp_decimal_format (upper, places);
      g_autofree char *message = NULL;

      if (upper_included)
        /* Translators: the range of scores allowed, e.g. "5.00–8.00" */
        message = g_strdup_printf (_("The score must lie within %s–%s"), lo, hi);
      else
        /* Translators: e.g. "at least 5.00 and below 8.00" (8.00 is the next grade's) */
        message = g_strdup_printf (_("The score must be at least %s and below %s"), lo, hi);
      gtk_label_set_label (self->range_label, message);
      return FALSE;
    }
  return TRUE;
}

static void
refresh_validation (ZpScoreCell *self)
{
  ZpDecimal score;
  gboolean valid = validate (self, &score);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->score_entry));

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->score_entry), "error");
      if (*text != '\0' && *reason == '\0' && self->grade_dropdown == NULL)
        gtk_label_set_label (self->range_label, _("A score set by hand needs a reason"));
      else
        gtk_label_set_label (self->range_label, "");
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->score_entry), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), valid);
}

static void
on_apply (ZpScoreCell *self)
{
  ZpDecimal score;
  GObject *object = G_OBJECT (self->indicator);

  if (!validate (self, &score))
    return;
  if (self->undo == NULL)
    return;
  /* Grade, score and reason are one decision: one undo step. */
  zp_undo_stack_begin_group (self->undo);
  if (self->grade_dropdown != NULL)
    zp_undo_stack_set_enum (self->undo, object, "grade",
                            gtk_drop_down_get_selected (self->grade_dropdown));
  zp_undo_stack_set_string (self->undo, object, "manual-score",
                            gtk_editable_get_text (GTK_EDITABLE (self->score_entry)), FALSE);
  zp_undo_stack_set_string (self->undo, object, "manual-reason",
                            gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)), FALSE);
  zp_undo_stack_end_group (self->undo);
  gtk_menu_button_popdown (self->button);
}

static void
on_clear (ZpScoreCell *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->score_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  on_apply (self);
}

static GtkWidget *
add_caption (GtkBox     *box,
             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);
  return label;
}

static gboolean
reopen_popup (gpointer data)
{
  ZpScoreCell *self = data;

  if (self->indicator != NULL)
    gtk_menu_button_popup (self->button);
  return G_SOURCE_REMOVE;
}

/* A direction set by hand applies at once; the popover reopens to offer the grades. */
static void
on_direction_selected (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       ZpScoreCell *self)
{
  ZpDirection direction = gtk_drop_down_get_selected (dropdown);

  if (self->indicator == NULL || direction == zp_indicator_get_direction (self->indicator))
    return;
  if (self->undo != NULL)
    zp_undo_stack_set_enum (self->undo, G_OBJECT (self->indicator), "direction", direction);
  else
    zp_indicator_set_direction (self->indicator, direction);
  gtk_menu_button_popdown (self->button);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reopen_popup, g_object_ref (self), g_object_unref);
}

static GtkWidget *
create_direction_dropdown (ZpScoreCell *self)
{
  const char *labels[] = {
    N_("Automatic, from the target"),
    N_("Higher is better (≥)"),
    N_("Lower is better (≤)"),
    N_("Equal to the target (=)"),
    N_("Qualitative: graded by hand"),
  };
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_string_list_append (directions, _(labels[i]));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&directions)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), zp_indicator_get_direction (self->indicator));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How the actual value is compared with the target"), -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_direction_selected), self);
  return dropdown;
}

static GtkWidget *
create_grade_dropdown (ZpScoreCell *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (ZpGrade grade = ZP_GRADE_NONE; grade <= ZP_GRADE_MISSED; grade++)
    {
      g_autofree char *band = describe_band (self, grade);
      gtk_string_list_append (grades, band);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&grades)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), zp_indicator_get_grade (self->indicator));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Grade"), -1);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (refresh_validation), self);
  return dropdown;
}

static GtkWidget *
create_entry (const char *placeholder,
              const char *text,
              const char *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return entry;
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  ZpScoreCell *self = user_data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *rule, *clear;
  gboolean qualitative;

  if (self->indicator == NULL)
    return;

  qualitative = zp_indicator_get_effective_direction (self->indicator) == ZP_DIRECTION_QUALITATIVE;
  gtk_widget_set_size_request (box, 280, -1);
  rule = gtk_label_new (zp_rule_describe (zp_indicator_get_rule (self->indicator)));
  gtk_label_set_wrap (GTK_LABEL (rule), TRUE);
  gtk_label_set_xalign (GTK_LABEL (rule), 0);
  gtk_widget_add_css_class (rule, "dim-label");
  gtk_box_append (GTK_BOX (box), rule);

  add_caption (GTK_BOX (box), _("Comparison"));
  gtk_box_append (GTK_BOX (box), create_direction_dropdown (self));

  self->grade_dropdown = NULL;
  if (qualitative)
    {
      add_caption (GTK_BOX (box), _("Grade"));
      self->grade_dropdown = GTK_DROP_DOWN (create_grade_dropdown (self));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grade_dropdown));
    }

  add_caption (GTK_BOX (box), qualitative ? _("Score within the grade") : _("Score set by hand"));
  self->score_entry = GTK_ENTRY (create_entry (_("Computed"), zp_indicator_get_manual_score (self->indicator),
                                               _("Score set by hand")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->score_entry));
  add_caption (GTK_BOX (box), _("Reason"));
  self->reason_entry = GTK_ENTRY (create_entry (_("Why the score differs"),
                                                zp_indicator_get_manual_reason (self->indicator),
                                                _("Reason for the score")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->reason_entry));
  self->range_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->range_label, TRUE);
  gtk_label_set_xalign (self->range_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->range_label), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->range_label));

  clear = gtk_button_new_with_mnemonic (_("_Clear"));
  gtk_widget_set_tooltip_text (clear, _("Use the computed score"));
  self->apply_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Apply")));
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button), "suggested-action");
  gtk_widget_set_hexpand (GTK_WIDGET (self->apply_button), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->apply_button), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), clear);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->apply_button));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (zp_row_details_new (self->indicator, self->undo)));

  g_signal_connect_swapped (self->score_entry, "changed", G_CALLBACK (refresh_validation), self);
  g_signal_connect_swapped (self->reason_entry, "changed", G_CALLBACK (refresh_validation), self);
  g_signal_connect_swapped (self->score_entry, "activate", G_CALLBACK (on_apply), self);
  g_signal_connect_swapped (self->reason_entry, "activate", G_CALLBACK (on_apply), self);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (on_apply), self);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_clear), self);
  refresh_validation (self);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static void
zp_score_cell_dispose (GObject *object)
{
  ZpScoreCell *self = ZP_SCORE_CELL (object);

  zp_score_cell_unbind (self);

  G_OBJECT_CLASS (zp_score_cell_parent_class)->dispose (object);
}

static void
zp_score_cell_class_init (ZpScoreCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zp_score_cell_dispose;
}

static void
zp_score_cell_init (ZpScoreCell *self)
{
  self->label = GTK_LABEL (gtk_label_new ("—"));
  gtk_label_set_xalign (self->label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, GTK_WIDGET (self->label));
  gtk_menu_button_set_create_popup_func (self->button, create_popup, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "score-cell");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Grade or set the score by hand"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
}

ZpScoreCell *
zp_score_cell_new (void)
{
  return g_object_new (ZP_TYPE_SCORE_CELL, NULL);
}

void
zp_score_cell_bind (ZpScoreCell *self,
                    ZpIndicator *indicator,
                    ZpScheme    *scheme,
                    ZpUndoStack *undo)
{
  g_return_if_fail (ZP_IS_SCORE_CELL (self));

  zp_score_cell_unbind (self);
  self->indicator = g_object_ref (indicator);
  self->scheme = scheme ? g_object_ref (scheme) : NULL;
  self->undo = undo ? g_object_ref (undo) : NULL;
  g_signal_connect_swapped (indicator, "notify::score", G_CALLBACK (update_label), self);
  g_signal_connect_swapped (indicator, "notify::state", G_CALLBACK (update_label), self);
  g_signal_connect_swapped (indicator, "notify::flags", G_CALLBACK (update_label), self);
  g_signal_connect_swapped (indicator, "notify::manual-score", G_CALLBACK (update_label), self);
  update_label (self);
}

void
zp_score_cell_unbind (ZpScoreCell *self)
{
  if (self->indicator != NULL)
    g_signal_handlers_disconnect_by_data (self->indicator, self);
  g_clear_object (&self->indicator);
  g_clear_object (&self->scheme);
  g_clear_object (&self->undo);
}

GtkWidget *
zp_score_cell_get_button (ZpScoreCell *self)
{
  return GTK_WIDGET (self->button);
}
