/* zp-goal-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-edit-binding.h"
#include "zp-goal-section.h"

struct _ZpGoalSection
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *goal_group;
  AdwPreferencesGroup *indicators_group;
  GtkWidget           *texts_box;
  GtkTextView         *text_view;
  GtkTextView         *achieved_view;
  GtkButton           *remove_button;
  /* a department form's goal: a line and a weight, in place of the paragraphs */
  GtkWidget           *text_row;
  GtkWidget           *weight_row;

  ZpGoal              *goal;
  ZpUndoStack         *undo;
};

G_DEFINE_FINAL_TYPE (ZpGoalSection, zp_goal_section, ADW_TYPE_BIN)

enum { REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_remove_clicked (ZpGoalSection *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* Leaving a paragraph ends its undo step: the next edit is a step of its own. */
static void
on_text_focus_leave (GtkEventControllerFocus *controller,
                     ZpGoalSection           *self)
{
  if (self->undo != NULL)
    zp_undo_stack_break_merge (self->undo);
}

static void
bind_text (ZpGoalSection *self,
           GtkTextView   *view,
           const char    *property)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  zp_edit_binding_bind_buffer (gtk_text_view_get_buffer (view), G_OBJECT (self->goal), property,
                               self->undo);
  g_signal_connect (focus, "leave", G_CALLBACK (on_text_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (view), focus);
}

static void
zp_goal_section_dispose (GObject *object)
{
  ZpGoalSection *self = ZP_GOAL_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_GOAL_SECTION);
  g_clear_object (&self->goal);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (zp_goal_section_parent_class)->dispose (object);
}

static void
zp_goal_section_class_init (ZpGoalSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_goal_section_dispose;

  /* The user asked to delete this goal (the editor does it, through the undo stack). */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-goal-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpGoalSection, goal_group);
  gtk_widget_class_bind_template_child (widget_class, ZpGoalSection, indicators_group);
  gtk_widget_class_bind_template_child (widget_class, ZpGoalSection, texts_box);
  gtk_widget_class_bind_template_child (widget_class, ZpGoalSection, text_view);
  gtk_widget_class_bind_template_child (widget_class, ZpGoalSection, achieved_view);
  gtk_widget_class_bind_template_child (widget_class, ZpGoalSection, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
zp_goal_section_init (ZpGoalSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static ZpGoalSection *
new_section (ZpGoal      *goal,
             ZpUndoStack *undo,
             GtkWidget   *block)
{
  ZpGoalSection *self = g_object_new (ZP_TYPE_GOAL_SECTION, NULL);

  self->goal = g_object_ref (goal);
  self->undo = undo ? g_object_ref (undo) : NULL;
  if (block != NULL)
    adw_preferences_group_add (self->indicators_group, block);
  return self;
}

ZpGoalSection *
zp_goal_section_new (ZpGoal      *goal,
                     ZpUndoStack *undo,
                     GtkWidget   *block)
{
  ZpGoalSection *self;

  g_return_val_if_fail (ZP_IS_GOAL (goal), NULL);

  self = new_section (goal, undo, block);
  bind_text (self, self->text_view, "text");
  bind_text (self, self->achieved_view, "achieved");
  return self;
}

static GtkWidget *
add_entry_row (ZpGoalSection *self,
               const char    *title,
               const char    *property)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  zp_edit_binding_bind (GTK_EDITABLE (row), G_OBJECT (self->goal), property, self->undo);
  adw_preferences_group_add (self->goal_group, row);
  return row;
}

ZpGoalSection *
zp_goal_section_new_department (ZpGoal      *goal,
                                ZpUndoStack *undo,
                                GtkWidget   *block)
{
  ZpGoalSection *self;

  g_return_val_if_fail (ZP_IS_GOAL (goal), NULL);

  self = new_section (goal, undo, block);
  gtk_widget_set_visible (self->texts_box, FALSE);
  self->text_row = add_entry_row (self, _("Goal"), "text");
  self->weight_row = add_entry_row (self, _("Weight"), "weight");
  return self;
}

void
zp_goal_section_set_position (ZpGoalSection *self,
                              guint          index,
                              guint          n_goals)
{
  g_autofree char *title = NULL;

  g_return_if_fail (ZP_IS_GOAL_SECTION (self));

  /* A project's one goal is its 年度总体目标 and stays; with several, each is numbered as
   * printed. A department's goals are numbered, and each may go. */
  if (n_goals <= 1 && self->text_row == NULL)
    title = g_strdup (_("Annual Overall Goal"));
  else
    title = g_strdup_printf (_("Annual Goal %u"), index + 1);
  adw_preferences_group_set_title (self->goal_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), n_goals > 1 || self->text_row != NULL);
}

GtkWidget *
zp_goal_section_get_field (ZpGoalSection *self,
                           const char    *field)
{
  if (g_strcmp0 (field, "text") == 0)
    return self->text_row != NULL ? self->text_row : GTK_WIDGET (self->text_view);
  if (g_strcmp0 (field, "achieved") == 0)
    return self->text_row != NULL ? NULL : GTK_WIDGET (self->achieved_view);
  if (g_strcmp0 (field, "weight") == 0)
    return self->weight_row;
  return NULL;
}
