/* zp-form-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-category-points.h"
#include "zp-edit-binding.h"
#include "zp-form-editor.h"
#include "zp-goal-section.h"
#include "zp-published-group.h"

struct _ZpFormEditor
{
  AdwBin            parent_instance;

  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *total_label;
  GtkLabel         *weights_label;
  GtkBox           *content_box;

  ZpForm           *form;
  ZpUndoStack      *undo;
  GPtrArray        *tables;        /* ZpIndicatorTable*, one per goal */
  GPtrArray        *block_boxes;   /* GtkBox* holding a goal's weight bars */
  GPtrArray        *block_labels;  /* GtkLabel*, in zp_form_summarize_blocks() order */
  GPtrArray        *block_scores;  /* GtkLabel*, likewise */
  char             *block_layout;  /* which goal each bar sits in, to know when to rebuild */
  GHashTable       *fields;        /* field key → widget */
  GtkBox           *goals_box;     /* one ZpGoalSection per goal, then "Add Goal" */
  GPtrArray        *sections;      /* ZpGoalSection*, in the goals' order */
  ZpIndicatorTable *current_table;
};

G_DEFINE_FINAL_TYPE (ZpFormEditor, zp_form_editor, ADW_TYPE_BIN)

enum { PROP_0, PROP_FORM, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void rebuild (ZpFormEditor *self);
static void refresh_totals (ZpFormEditor *self);
static void add_indicator (ZpFormEditor *self);
static void delete_indicator (ZpFormEditor *self);
static void move_indicator (ZpFormEditor *self,
                            int           delta);

/* ---- small builders ---- */

/* A field a finding can point at (zp_form_editor_focus()), named by its key: that is also
 * what the UI tests find it by. */
static void
remember_field (ZpFormEditor *self,
                const char   *key,
                GtkWidget    *widget)
{
  g_hash_table_insert (self->fields, g_strdup (key), widget);
  gtk_widget_set_name (widget, key);
}

/* container: an AdwPreferencesGroup or a boxed GtkListBox. */
static void
add_row (GtkWidget *container,
         GtkWidget *row)
{
  if (ADW_IS_PREFERENCES_GROUP (container))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), row);
  else
    gtk_list_box_append (GTK_LIST_BOX (container), row);
}

static GtkWidget *
new_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  return list;
}

static GtkWidget *
add_entry_row (ZpFormEditor *self,
               GtkWidget    *group,
               const char   *title,
               GObject      *object,
               const char   *property,
               const char   *key)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  zp_edit_binding_bind (GTK_EDITABLE (row), object, property, self->undo);
  add_row (group, row);
  remember_field (self, key ? key : property, row);
  return row;
}

typedef const char *(*LabelFunc) (int value);

static void
on_combo_selected (AdwComboRow *row,
                   GParamSpec  *pspec,
                   GObject     *object)
{
  ZpFormEditor *self = g_object_get_data (G_OBJECT (row), "zp-editor");
  const char *property = g_object_get_data (G_OBJECT (row), "zp-property");
  guint selected = adw_combo_row_get_selected (row);
  int current;

  g_object_get (object, property, &current, NULL);
  if (selected == GTK_INVALID_LIST_POSITION || (int) selected == current)
    return;
  if (self->undo != NULL)
    zp_undo_stack_set_enum (self->undo, object, property, selected);
  else
    g_object_set (object, property, selected, NULL);
}

static void
on_combo_property (GObject     *object,
                   GParamSpec  *pspec,
                   AdwComboRow *row)
{
  int value;

  g_object_get (object, pspec->name, &value, NULL);
  if (adw_combo_row_get_selected (row) != (guint) value)
    adw_combo_row_set_selected (row, value);
}

static void
add_combo_row (ZpFormEditor *self,
               GtkWidget    *group,
               const char   *title,
               GObject      *object,
               const char   *property,
               LabelFunc     label,
               int           n_values)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  GtkWidget *row = adw_combo_row_new ();
  int value;

  for (int i = 0; i < n_values; i++)
    gtk_string_list_append (labels, label (i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_get (object, property, &value, NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), value);
  g_object_set_data (G_OBJECT (row), "zp-editor", self);
  g_object_set_data_full (G_OBJECT (row), "zp-property", g_strdup (property), g_free);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), object);
  g_signal_connect_object (object, signal, G_CALLBACK (on_combo_property), row, 0);
  add_row (group, row);
  remember_field (self, property, row);
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static const char *
category_label (int value)
{
  return zp_project_category_to_label (value);
}

static const char *
attribute_label (int value)
{
  return zp_project_attribute_to_label (value);
}

static const char *
type_label (int value)
{
  return zp_project_type_to_label (value);
}

/* ---- amount unit ---- */

/* The group's description names the workbook's unit and follows it (Workbook Properties
 * may change it while the form is open). */
static gboolean
unit_to_description (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      with_rate)
{
  gboolean yuan = g_value_get_enum (from) == ZP_AMOUNT_UNIT_YUAN;

  if (with_rate)
    g_value_set_string (to, yuan ? _("Amounts in yuan (元); the rate is spent ÷ budget")
                                 : _("Amounts in 10,000 yuan (万元); the rate is spent ÷ budget"));
  else
    g_value_set_string (to, yuan ? _("Amounts in yuan (元)") : _("Amounts in 10,000 yuan (万元)"));
  return TRUE;
}

static void
bind_unit_description (GtkWidget *group,
                       ZpForm    *form,
                       gboolean   with_rate)
{
  g_object_bind_property_full (form, "amount-unit", group, "description", G_BINDING_SYNC_CREATE,
                               unit_to_description, NULL, GINT_TO_POINTER (with_rate), NULL);
}

/* ---- header ---- */

static GtkWidget *
build_project_header (ZpFormEditor  *self,
                      ZpProjectForm *form)
{
  GtkWidget *group = new_group (_("Project"), NULL);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = new_boxed_list ();
  GtkWidget *kinds = new_boxed_list ();
  GObject *object = G_OBJECT (form);

  /* Two columns keep the header short, so the indicators show without scrolling far. */
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  add_entry_row (self, names, _("Project name"), object, "name", NULL);
  add_entry_row (self, names, _("Supervising department"), object, "department", NULL);
  add_entry_row (self, names, _("Implementing unit"), object, "implementer", NULL);
  add_entry_row (self, kinds, _("Project manager"), object, "manager", NULL);
  add_combo_row (self, kinds, _("Project category"), object, "project-category", category_label, 3);
  add_combo_row (self, kinds, _("Project attribute"), object, "project-attribute", attribute_label, 2);
  add_combo_row (self, kinds, _("Project type"), object, "project-type", type_label, 3);
  gtk_box_append (GTK_BOX (columns), names);
  gtk_box_append (GTK_BOX (columns), kinds);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), columns);
  return group;
}

static GtkWidget *
build_department_header (ZpFormEditor     *self,
                         ZpDepartmentForm *form)
{
  GtkWidget *group = new_group (_("Unit"), NULL);
  GObject *object = G_OBJECT (form);

  bind_unit_description (group, ZP_FORM (form), FALSE);

  add_entry_row (self, group, _("Unit name"), object, "unit", NULL);
  add_entry_row (self, group, _("Basic expenditure"), object, "basic-expenditure", NULL);
  add_entry_row (self, group, _("Project expenditure"), object, "project-expenditure", NULL);
  return group;
}

/* ---- budget execution ---- */

static GtkWidget *
grid_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), heading ? 0.5 : 0);
  /* Row labels stay on one line; column headings may wrap in a narrow window. */
  gtk_label_set_wrap (GTK_LABEL (label), heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
grid_entry (ZpFormEditor *self,
            GObject      *object,
            const char   *property,
            const char   *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  zp_edit_binding_bind (GTK_EDITABLE (entry), object, property, self->undo);
  remember_field (self, property, entry);
  return entry;
}

static gboolean
to_last_year_hint (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const char *value = g_value_get_string (from);

  g_value_take_string (to, value && *value ? g_strdup_printf (_("Last year %s"), value) : NULL);
  return TRUE;
}

/* A new year's empty cell shows last year's amount as a hint, never as its value. */
static GtkWidget *
hint_last_year (GtkWidget  *entry,
                ZpForm     *form,
                const char *property)
{
  g_object_bind_property_full (form, property, entry, "placeholder-text", G_BINDING_SYNC_CREATE,
                               to_last_year_hint, NULL, NULL, NULL);
  return entry;
}

static GtkWidget *
computed_label (ZpForm     *form,
                const char *property,
                const char *tooltip)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "computed");
  gtk_widget_set_tooltip_text (label, tooltip);
  g_object_bind_property (form, property, label, "label", G_BINDING_SYNC_CREATE);
  return label;
}

static void
attach_fund_rows (ZpFormEditor  *self,
                  GtkGrid       *grid,
                  ZpProjectForm *form)
{
  const char *names[ZP_N_FUNDS] = { "current", "carryover", "other" };
  const char *fields[ZP_N_FUND_FIELDS] = { "initial", "budget", "spent" };
  const char *labels[ZP_N_FUNDS] = {
    N_("of which: current-year appropriation"),
    N_("carry-over from last year"),
    N_("other funds"),
  };

  for (int fund = 0; fund < ZP_N_FUNDS; fund++)
    {
      gtk_grid_attach (grid, grid_label (_(labels[fund]), FALSE), 0, fund + 2, 1, 1);
      for (int field = 0; field < ZP_N_FUND_FIELDS; field++)
        {
          g_autofree char *property = g_strdup_printf ("fund-%s-%s", names[fund], fields[field]);

          gtk_grid_attach (grid, grid_entry (self, G_OBJECT (form), property, _(labels[fund])),
                           field + 1, fund + 2, 1, 1);
        }
    }
}

static GtkWidget *
build_execution (ZpFormEditor *self,
                 ZpForm       *form)
{
  g_autofree char *weight = zp_decimal_format_trim (zp_form_get_execution_weight (form), 2);
  g_autofree char *title = g_strdup_printf (_("Budget Execution (%s points)"), weight);
  GtkWidget *group = new_group (title, NULL);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *rate_heading;
  GObject *object = G_OBJECT (form);
  ZpScheme *scheme = zp_form_get_scheme (form);

  bind_unit_description (group, form, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "execution-grid");
  gtk_grid_attach (GTK_GRID (grid), grid_label (_("Initial budget"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), grid_label (_("Budget (A)"), TRUE), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), grid_label (_("Spent (B)"), TRUE), 3, 0, 1, 1);
  rate_heading = grid_label (_("Rate (B/A)"), TRUE);
  /* "(B/A)" is one term: never broken at the slash. */
  gtk_label_set_wrap (GTK_LABEL (rate_heading), FALSE);
  gtk_grid_attach (GTK_GRID (grid), rate_heading, 4, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), grid_label (_("Score"), TRUE), 5, 0, 1, 1);

  gtk_grid_attach (GTK_GRID (grid),
                   grid_label (zp_form_is_department (form) ? _("Total expenditure") : _("Total funds"), FALSE),
                   0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), grid_entry (self, object, "initial-budget", _("Initial budget")), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   hint_last_year (grid_entry (self, object, "budget", _("Budget (A)")), form, "last-year-budget"),
                   2, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   hint_last_year (grid_entry (self, object, "spent", _("Spent (B)")), form, "last-year-spent"),
                   3, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   computed_label (form, "execution-rate-text", _("Execution rate")), 4, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   computed_label (form, "execution-score-text", _("Execution score")), 5, 1, 1, 1);

  if (!zp_form_is_department (form) && scheme != NULL &&
      g_strcmp0 (zp_scheme_get_layout (scheme), "central") == 0)
    attach_fund_rows (self, GTK_GRID (grid), ZP_PROJECT_FORM (form));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), grid);
  return group;
}

/* ---- indicators ---- */

static void
on_row_focused (ZpIndicatorTable *table,
                int               row,
                ZpFormEditor     *self)
{
  self->current_table = table;
}

/* form.add-indicator, form.delete-indicator, form.move-up, form.move-down: on the rows of
 * the goal at that position; −1, as the shortcuts pass it: the table being edited. */
static void
row_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  ZpFormEditor *self = ZP_FORM_EDITOR (widget);
  int goal = param ? g_variant_get_int32 (param) : -1;

  if (goal >= 0 && (guint) goal < self->tables->len)
    self->current_table = g_ptr_array_index (self->tables, goal);
  if (g_str_equal (name, "form.add-indicator"))
    add_indicator (self);
  else if (g_str_equal (name, "form.delete-indicator"))
    delete_indicator (self);
  else if (g_str_equal (name, "form.move-up"))
    move_indicator (self, -1);
  else if (g_str_equal (name, "form.move-down"))
    move_indicator (self, 1);
}

/* rows.*: form.* on one block's table. */
static void
on_block_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  ZpIndicatorTable *table = user_data;
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (table), ZP_TYPE_FORM_EDITOR);
  g_autofree char *name = g_strconcat ("form.", g_action_get_name (G_ACTION (action)), NULL);

  if (editor == NULL)
    return;
  ZP_FORM_EDITOR (editor)->current_table = table;
  row_action (editor, name, NULL);
}

static GSimpleActionGroup *
block_actions (ZpIndicatorTable *table)
{
  static const GActionEntry entries[] = {
    { "add-indicator", on_block_action },
    { "delete-indicator", on_block_action },
    { "move-up", on_block_action },
    { "move-down", on_block_action },
  };
  GSimpleActionGroup *group = g_simple_action_group_new ();

  /* (the group lives on the block, which holds the table: they go together) */
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), table);
  return group;
}

/* form.add-goal: appends a goal (a department goal, or another 年度绩效目标 of a project
 * form), through the undo stack. */
static void
add_goal_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  ZpFormEditor *self = ZP_FORM_EDITOR (widget);
  g_autoptr(ZpGoal) goal = NULL;

  if (self->form == NULL || self->undo == NULL)
    return;
  goal = zp_goal_new ();
  zp_undo_stack_insert (self->undo, G_OBJECT (self->form), G_MAXUINT, G_OBJECT (goal));
}

static GtkWidget *
row_button (ZpFormEditor     *self,
            const char       *action,
            const char       *icon,
            const char       *label,
            const char       *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  if (label != NULL)
    {
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
      gtk_button_set_child (GTK_BUTTON (button), content);
    }
  else
    {
      g_object_ref_sink (content);
      g_object_unref (content);
      gtk_button_set_icon_name (GTK_BUTTON (button), icon);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static GtkWidget *
build_indicator_block (ZpFormEditor *self,
                       ZpGoal       *goal)
{
  ZpIndicatorTable *table = zp_indicator_table_new (goal, zp_form_get_scheme (self->form), self->undo);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bars = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  /* a card around the table; no scrolled window: the table fits the width (its text
   * columns shrink) and is as tall as its rows, and a scrolled window, even one that
   * cannot scroll, would take the mouse wheel from the page */
  GtkWidget *card = adw_bin_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (bars, "weight-bars");
  adw_bin_set_child (ADW_BIN (card), GTK_WIDGET (table));
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "table-card");
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);

  gtk_box_append (GTK_BOX (buttons),
                  row_button (self, "rows.add-indicator", "list-add-symbolic", _("Add Row"),
                              _("Add an indicator below the current row (Ctrl+Return)")));
  gtk_box_append (GTK_BOX (buttons),
                  row_button (self, "rows.delete-indicator", "list-remove-symbolic", _("Delete Row"),
                              _("Delete the current row (Ctrl+Shift+Delete)")));
  gtk_box_append (GTK_BOX (buttons),
                  row_button (self, "rows.move-up", "go-up-symbolic", NULL, _("Move the row up (Alt+Up)")));
  gtk_box_append (GTK_BOX (buttons),
                  row_button (self, "rows.move-down", "go-down-symbolic", NULL, _("Move the row down (Alt+Down)")));

  /* the block's buttons act on its own table, wherever sections come and go */
  {
    g_autoptr(GSimpleActionGroup) actions = block_actions (table);

    gtk_widget_insert_action_group (box, "rows", G_ACTION_GROUP (actions));
  }
  g_signal_connect (table, "row-focused", G_CALLBACK (on_row_focused), self);
  g_ptr_array_add (self->tables, table);
  g_ptr_array_add (self->block_boxes, bars);

  gtk_box_append (GTK_BOX (box), bars);
  gtk_box_append (GTK_BOX (box), card);
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static void
on_text_focus_leave (GtkEventControllerFocus *controller,
                     ZpFormEditor            *self)
{
  if (self->undo != NULL)
    zp_undo_stack_break_merge (self->undo);
}

/* A multi-line text with its heading: goals and analyses run to paragraphs. */
static GtkWidget *
text_area (ZpFormEditor *self,
           const char   *title,
           GObject      *object,
           const char   *property,
           const char   *key)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "text-area");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  zp_edit_binding_bind_buffer (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                               object, property, self->undo);
  g_signal_connect (focus, "leave", G_CALLBACK (on_text_focus_leave), self);
  gtk_widget_add_controller (view, focus);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  remember_field (self, key ? key : property, view);
  return box;
}

/* The table build_indicator_block() just added goes to the goal's place. */
static void
move_last_block (ZpFormEditor *self,
                 guint         position)
{
  gpointer table = g_ptr_array_steal_index (self->tables, self->tables->len - 1);
  gpointer bars = g_ptr_array_steal_index (self->block_boxes, self->block_boxes->len - 1);

  g_ptr_array_insert (self->tables, position, table);
  g_ptr_array_insert (self->block_boxes, position, bars);
}

static void
on_section_remove (ZpGoalSection *section,
                   ZpFormEditor  *self)
{
  guint position;

  /* A project form keeps at least its 年度总体目标. */
  if (self->undo != NULL && (zp_form_is_department (self->form) || zp_form_get_n_goals (self->form) > 1)
      && g_ptr_array_find (self->sections, section, &position))
    zp_undo_stack_remove (self->undo, G_OBJECT (self->form), position);
}

static void
insert_section (ZpFormEditor *self,
                guint         position)
{
  ZpGoal *goal = zp_form_get_goal (self->form, position);
  GtkWidget *block = build_indicator_block (self, goal);
  ZpGoalSection *section = zp_form_is_department (self->form)
                           ? zp_goal_section_new_department (goal, self->undo, block)
                           : zp_goal_section_new (goal, self->undo, block);
  GtkWidget *before = position > 0 ? g_ptr_array_index (self->sections, position - 1) : NULL;

  move_last_block (self, position);
  g_signal_connect (section, "remove", G_CALLBACK (on_section_remove), self);
  g_ptr_array_insert (self->sections, position, section);
  gtk_box_insert_child_after (self->goals_box, GTK_WIDGET (section), before);
}

static void
number_sections (ZpFormEditor *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    zp_goal_section_set_position (g_ptr_array_index (self->sections, i), i, self->sections->len);
}

static GtkWidget *
build_goals (ZpFormEditor *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Goal"));

  self->goals_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  for (guint i = 0; i < zp_form_get_n_goals (self->form); i++)
    insert_section (self, i);
  number_sections (self);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_set_tooltip_text (add, _("Add an annual performance goal"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "form.add-goal");
  gtk_widget_set_name (add, "add-goal");  /* what the UI tests press */
  gtk_box_append (self->goals_box, add);
  return GTK_WIDGET (self->goals_box);
}

/* The form's goals changed: only the sections concerned go or come. */
static void
update_sections (ZpFormEditor *self,
                 guint         position,
                 guint         removed,
                 guint         added)
{
  for (guint i = 0; i < removed; i++)
    {
      if (self->current_table == g_ptr_array_index (self->tables, position))
        self->current_table = NULL;
      gtk_box_remove (self->goals_box, g_ptr_array_index (self->sections, position));
      g_ptr_array_remove_index (self->sections, position);
      g_ptr_array_remove_index (self->tables, position);
      g_ptr_array_remove_index (self->block_boxes, position);
    }
  for (guint i = 0; i < added; i++)
    insert_section (self, position + i);
  number_sections (self);
  /* The weight bars sit in the first goal's block, which may be another now. */
  g_ptr_array_set_size (self->block_labels, 0);
  g_ptr_array_set_size (self->block_scores, 0);
  g_clear_pointer (&self->block_layout, g_free);
  refresh_totals (self);
}

static GtkWidget *
build_analysis (ZpFormEditor *self)
{
  GtkWidget *group = new_group (_("Analysis"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_box_append (GTK_BOX (box), text_area (self, _("Why targets were missed or deviated"),
                                             G_OBJECT (self->form), "analysis", NULL));
  gtk_box_append (GTK_BOX (box), text_area (self, _("Improvements and use of the results"),
                                             G_OBJECT (self->form), "improvement", NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

/* ---- totals ---- */

/* A block's weight bar: "产出指标 38 / 40", a level bar and "Score 37.50". */
static void
update_weight_bar (ZpFormEditor         *self,
                   guint                 index,
                   const ZpBlockSummary *block)
{
  GtkWidget *label = g_ptr_array_index (self->block_labels, index);
  GtkWidget *score = g_ptr_array_index (self->block_scores, index);
  GtkWidget *bar = g_object_get_data (G_OBJECT (label), "zp-bar");
  g_autofree char *sum = zp_decimal_format_trim (block->weight_sum, 2);
  g_autofree char *weight = zp_decimal_format_trim (block->weight, 2);
  g_autofree char *text = NULL;
  g_autofree char *score_line = NULL;
  gboolean adds_up = block->has_weight && zp_decimal_equal (block->weight_sum, block->weight);
  double share = 0;

  if (zp_form_is_department (self->form))
    text = g_strdup_printf (_("Weights %s / %s"), sum, weight);
  else if (block->has_weight)
    text = g_strdup_printf ("%s %s / %s", block->name, sum, weight);
  else
    text = g_strdup_printf (_("%s (not in the scheme) %s"), block->name, sum);
  score_line = g_strdup_printf (_("Score %s"), block->score_text);

  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
    gtk_label_set_label (GTK_LABEL (label), text);
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (score)), score_line) != 0)
    gtk_label_set_label (GTK_LABEL (score), score_line);
  gtk_widget_remove_css_class (label, adds_up ? "error" : "success");
  gtk_widget_add_css_class (label, adds_up ? "success" : "error");
  /* The bar only draws the share; the figures shown are the core's decimals. */
  if (block->has_weight && zp_decimal_sign (block->weight) > 0)
    share = MIN (1.0, (double) block->weight_sum.raw / (double) block->weight.raw);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), share);
  if (adds_up)
    gtk_widget_remove_css_class (bar, "error");
  else
    gtk_widget_add_css_class (bar, "error");
}

static GtkWidget *
new_weight_bar (ZpFormEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new ();
  GtkWidget *score = gtk_label_new (NULL);

  /* what the UI tests find the bars by */
  gtk_widget_set_name (label, "block-weights");
  gtk_widget_set_name (score, "block-score");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_size_request (bar, 160, -1);
  gtk_label_set_xalign (GTK_LABEL (score), 0);
  gtk_widget_add_css_class (score, "caption");
  gtk_widget_add_css_class (score, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), score);
  g_object_set_data (G_OBJECT (label), "zp-bar", bar);
  g_ptr_array_add (self->block_labels, label);
  g_ptr_array_add (self->block_scores, score);
  return box;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static guint
block_goal (ZpFormEditor         *self,
            const ZpBlockSummary *block)
{
  return zp_form_is_department (self->form) ? (guint) MAX (block->goal_index, 0) : 0;
}

/* Rebuilds the bars when the blocks changed in number or place, else updates them in
 * place (typing must not relayout the editor). */
static void
refresh_blocks (ZpFormEditor *self,
                GPtrArray    *blocks)
{
  g_autofree char *layout = NULL;
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    g_string_append_printf (signature, "%u,", block_goal (self, g_ptr_array_index (blocks, i)));
  layout = g_string_free (signature, FALSE);

  if (g_strcmp0 (layout, self->block_layout) != 0)
    {
      g_free (self->block_layout);
      self->block_layout = g_steal_pointer (&layout);
      for (guint i = 0; i < self->block_boxes->len; i++)
        clear_box (g_ptr_array_index (self->block_boxes, i));
      g_ptr_array_set_size (self->block_labels, 0);
      g_ptr_array_set_size (self->block_scores, 0);
      for (guint i = 0; i < blocks->len; i++)
        {
          guint goal = block_goal (self, g_ptr_array_index (blocks, i));
          GtkWidget *bar = new_weight_bar (self);

          if (goal < self->block_boxes->len)
            gtk_box_append (g_ptr_array_index (self->block_boxes, goal), bar);
          else
            g_object_ref_sink (bar), g_object_unref (bar);
        }
    }
  for (guint i = 0; i < blocks->len; i++)
    update_weight_bar (self, i, g_ptr_array_index (blocks, i));
}

static void
refresh_totals (ZpFormEditor *self)
{
  g_autoptr(GPtrArray) blocks = NULL;
  ZpDecimal weights;
  g_autofree char *weights_text = NULL;
  g_autofree char *line = NULL;

  if (self->form == NULL)
    return;

  gtk_label_set_label (self->total_label, zp_form_get_total_display_text (self->form));
  blocks = zp_form_summarize_blocks (self->form);
  refresh_blocks (self, blocks);

  weights = zp_form_get_weight_total (self->form);
  weights_text = zp_decimal_format_trim (weights, 2);
  line = g_strdup_printf (_("Weights %s / 100"), weights_text);
  gtk_label_set_label (self->weights_label, line);
  if (zp_decimal_equal (weights, zp_decimal_from_int (100)))
    gtk_widget_remove_css_class (GTK_WIDGET (self->weights_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->weights_label), "error");
}

static void
refresh_title (ZpFormEditor *self)
{
  g_autofree char *title = zp_form_dup_title (self->form);
  ZpScheme *scheme = zp_form_get_scheme (self->form);
  g_autofree char *subtitle = NULL;

  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled form"));
    }
  gtk_label_set_label (self->title_label, title);
  subtitle = g_strdup_printf ("%s · %s",
                              zp_form_is_department (self->form) ? _("Department-wide self-evaluation")
                                                                 : _("Project self-evaluation"),
                              scheme ? zp_scheme_get_name (scheme) : "");
  gtk_label_set_label (self->subtitle_label, subtitle);
}

/* ---- life cycle ---- */

static void
rebuild (ZpFormEditor *self)
{
  clear_box (self->content_box);
  g_ptr_array_set_size (self->tables, 0);
  g_ptr_array_set_size (self->block_boxes, 0);
  g_ptr_array_set_size (self->block_labels, 0);
  g_ptr_array_set_size (self->block_scores, 0);
  g_clear_pointer (&self->block_layout, g_free);
  g_hash_table_remove_all (self->fields);
  g_ptr_array_set_size (self->sections, 0);
  self->goals_box = NULL;
  self->current_table = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), self->form != NULL);
  if (self->form == NULL)
    return;

  if (zp_form_is_department (self->form))
    {
      gtk_box_append (self->content_box, build_department_header (self, ZP_DEPARTMENT_FORM (self->form)));
      gtk_box_append (self->content_box, build_execution (self, self->form));
      gtk_box_append (self->content_box, build_goals (self));
    }
  else
    {
      gtk_box_append (self->content_box, build_project_header (self, ZP_PROJECT_FORM (self->form)));
      gtk_box_append (self->content_box, build_execution (self, self->form));
      gtk_box_append (self->content_box, build_goals (self));
      /* After the indicators, so that the table stays near the top. */
      if (zp_form_get_scheme (self->form) != NULL)
        gtk_box_append (self->content_box,
                        GTK_WIDGET (zp_category_points_new (self->form, self->undo)));
    }
  gtk_box_append (self->content_box, build_analysis (self));
  gtk_box_append (self->content_box, GTK_WIDGET (zp_published_group_new (self->form, self->undo)));
  refresh_title (self);
  refresh_totals (self);
}

static void
on_goals_changed (GListModel   *goals,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ZpFormEditor *self)
{
  if (self->goals_box != NULL)
    update_sections (self, position, removed, added);
  else
    rebuild (self);
}

static void
zp_form_editor_dispose (GObject *object)
{
  ZpFormEditor *self = ZP_FORM_EDITOR (object);

  zp_form_editor_set_form (self, NULL);
  g_clear_object (&self->undo);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZP_TYPE_FORM_EDITOR);

  G_OBJECT_CLASS (zp_form_editor_parent_class)->dispose (object);
}

static void
zp_form_editor_finalize (GObject *object)
{
  ZpFormEditor *self = ZP_FORM_EDITOR (object);

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->block_boxes, g_ptr_array_unref);
  g_clear_pointer (&self->block_labels, g_ptr_array_unref);
  g_clear_pointer (&self->block_scores, g_ptr_array_unref);
  g_free (self->block_layout);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (zp_form_editor_parent_class)->finalize (object);
}

static void
zp_form_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZpFormEditor *self = ZP_FORM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_object (value, self->form);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_form_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZpFormEditor *self = ZP_FORM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FORM:
      zp_form_editor_set_form (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_form_editor_class_init (ZpFormEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zp_form_editor_dispose;
  object_class->finalize = zp_form_editor_finalize;
  object_class->get_property = zp_form_editor_get_property;
  object_class->set_property = zp_form_editor_set_property;

  /* The form shown (the window's current form), or NULL. */
  properties[PROP_FORM] = g_param_spec_object ("form", NULL, NULL, ZP_TYPE_FORM,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Row commands belong to the editor whose rows they change, with their shortcuts. */
  gtk_widget_class_install_action (widget_class, "form.add-indicator", "i", row_action);
  gtk_widget_class_install_action (widget_class, "form.delete-indicator", "i", row_action);
  gtk_widget_class_install_action (widget_class, "form.move-up", "i", row_action);
  gtk_widget_class_install_action (widget_class, "form.move-down", "i", row_action);
  gtk_widget_class_install_action (widget_class, "form.add-goal", NULL, add_goal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "form.add-indicator", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "form.add-indicator", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "form.delete-indicator", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "form.move-up", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "form.move-down", "i", -1);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ziping/Ziping/zp-form-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZpFormEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZpFormEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ZpFormEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, ZpFormEditor, weights_label);
  gtk_widget_class_bind_template_child (widget_class, ZpFormEditor, content_box);
}

static void
zp_form_editor_init (ZpFormEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tables = g_ptr_array_new ();
  self->block_boxes = g_ptr_array_new ();
  self->block_labels = g_ptr_array_new ();
  self->block_scores = g_ptr_array_new ();
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sections = g_ptr_array_new ();
}

void
zp_form_editor_set_undo_stack (ZpFormEditor *self,
                               ZpUndoStack  *undo)
{
  g_return_if_fail (ZP_IS_FORM_EDITOR (self));

  g_set_object (&self->undo, undo);
}

void
zp_form_editor_set_form (ZpFormEditor *self,
                         ZpForm       *form)
{
  g_return_if_fail (ZP_IS_FORM_EDITOR (self));

  if (self->form == form)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.add-indicator", form != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.delete-indicator", form != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.move-up", form != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.move-down", form != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.add-goal", form != NULL);  /* a project form may hold several goals */
  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      g_signal_handlers_disconnect_by_data (zp_form_get_goals (self->form), self);
    }
  g_set_object (&self->form, form);
  if (form != NULL)
    {
      g_signal_connect_swapped (form, "rescored", G_CALLBACK (refresh_totals), self);
      g_signal_connect_swapped (form, "changed", G_CALLBACK (refresh_title), self);
      g_signal_connect (zp_form_get_goals (form), "items-changed", G_CALLBACK (on_goals_changed), self);
    }
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
}

ZpForm *
zp_form_editor_get_form (ZpFormEditor *self)
{
  g_return_val_if_fail (ZP_IS_FORM_EDITOR (self), NULL);

  return self->form;
}

static ZpIndicatorTable *
current_table (ZpFormEditor *self)
{
  if (self->current_table != NULL)
    return self->current_table;
  if (self->tables->len > 0)
    return g_ptr_array_index (self->tables, 0);
  return NULL;
}

typedef struct
{
  ZpIndicatorTable *table;
  guint             row;
} FocusLater;

static gboolean
focus_later_cb (gpointer data)
{
  FocusLater *later = data;

  zp_indicator_table_focus_cell (later->table, later->row, "name");
  g_object_unref (later->table);
  g_free (later);
  return G_SOURCE_REMOVE;
}

/* Rows are created on the next layout: focus once they exist. */
static void
focus_row_later (ZpIndicatorTable *table,
                 guint             row)
{
  FocusLater *later = g_new0 (FocusLater, 1);

  later->table = g_object_ref (table);
  later->row = row;
  zp_indicator_table_set_current_row (table, row);
  g_idle_add_full (G_PRIORITY_LOW, focus_later_cb, later, NULL);
}

static void
add_indicator (ZpFormEditor *self)
{
  ZpIndicatorTable *table = current_table (self);
  g_autoptr(ZpIndicator) indicator = NULL;
  ZpGoal *goal;
  int row;
  guint position;

  if (table == NULL || self->undo == NULL)
    return;
  goal = zp_indicator_table_get_goal (table);
  row = zp_indicator_table_get_current_row (table);
  position = row < 0 ? zp_goal_get_n_indicators (goal) : (guint) row + 1;
  indicator = zp_indicator_new ();
  /* A new row usually belongs to the same category as the one above it. */
  if (position > 0)
    {
      ZpIndicator *above = zp_goal_get_indicator (goal, position - 1);

      zp_indicator_set_category (indicator, zp_indicator_get_category (above));
      zp_indicator_set_subcategory (indicator, zp_indicator_get_subcategory (above));
    }
  zp_undo_stack_insert (self->undo, G_OBJECT (goal), position, G_OBJECT (indicator));
  self->current_table = table;
  focus_row_later (table, position);
}

/* The same toast as a deleted form's: a row is as easily lost. */
static void
offer_undo (ZpFormEditor *self,
            const char   *name)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  message = name && *name ? g_strdup_printf (_("Deleted “%s”"), name) : g_strdup (_("Deleted the row"));
  /* libadwaita 1.2 reads a toast's title as markup */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
delete_indicator (ZpFormEditor *self)
{
  ZpIndicatorTable *table = current_table (self);
  ZpGoal *goal;
  int row;
  guint n;

  if (table == NULL || self->undo == NULL)
    return;
  goal = zp_indicator_table_get_goal (table);
  row = zp_indicator_table_get_current_row (table);
  if (row < 0)
    return;
  offer_undo (self, zp_indicator_get_name (zp_goal_get_indicator (goal, row)));
  zp_undo_stack_remove (self->undo, G_OBJECT (goal), row);
  n = zp_goal_get_n_indicators (goal);
  if (n > 0)
    focus_row_later (table, MIN ((guint) row, n - 1));
}

static void
move_indicator (ZpFormEditor *self,
                int           delta)
{
  ZpIndicatorTable *table = current_table (self);
  ZpGoal *goal;
  int row, to;

  if (table == NULL || self->undo == NULL)
    return;
  goal = zp_indicator_table_get_goal (table);
  row = zp_indicator_table_get_current_row (table);
  to = row + delta;
  if (row < 0 || to < 0 || to >= (int) zp_goal_get_n_indicators (goal))
    return;
  zp_undo_stack_move (self->undo, G_OBJECT (goal), row, to);
  focus_row_later (table, to);
}

/* The widget editing a field: a key of self->fields, or "goal<i>:<field>" of a goal's. */
static GtkWidget *
lookup_field (ZpFormEditor *self,
              const char   *field)
{
  guint64 goal;
  char *end = NULL;

  /* A form's goal fields live in its sections, whose places change. */
  if (self->goals_box != NULL && g_str_has_prefix (field, "goal"))
    {
      goal = g_ascii_strtoull (field + 4, &end, 10);
      if (end != field + 4 && *end == ':' && goal < self->sections->len)
        return zp_goal_section_get_field (g_ptr_array_index (self->sections, goal), end + 1);
    }
  return g_hash_table_lookup (self->fields, field);
}

void
zp_form_editor_focus (ZpFormEditor *self,
                      int           goal,
                      int           row,
                      const char   *field)
{
  GtkWidget *widget = NULL;

  g_return_if_fail (ZP_IS_FORM_EDITOR (self));

  if (goal >= 0 && row >= 0 && (guint) goal < self->tables->len)
    {
      ZpIndicatorTable *table = g_ptr_array_index (self->tables, goal);

      self->current_table = table;
      zp_indicator_table_focus_cell (table, row, field);
      return;
    }
  if (goal >= 0 && field != NULL)
    {
      g_autofree char *key = g_strdup_printf ("goal%d:%s", goal, field);
      widget = lookup_field (self, key);
    }
  if (widget == NULL && field != NULL)
    widget = g_hash_table_lookup (self->fields, field);
  if (widget == NULL && goal >= 0 && (guint) goal < self->tables->len)
    widget = g_ptr_array_index (self->tables, goal);
  if (widget != NULL)
    gtk_widget_grab_focus (widget);
}

/* Scrolls the editor's scrolled window so the first indicator table is at the top. */
void
zp_form_editor_scroll_to_indicators (ZpFormEditor *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *target;
  GtkAdjustment *adjustment;
  double x, y;

  if (scroller == NULL || self->tables->len == 0)
    return;
  target = gtk_widget_get_ancestor (g_ptr_array_index (self->tables, 0), ADW_TYPE_PREFERENCES_GROUP);
  if (target == NULL)
    target = g_ptr_array_index (self->tables, 0);
  if (!gtk_widget_translate_coordinates (target, GTK_WIDGET (self), 0, 0, &x, &y))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, y);
}
