/* zp-indicator-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-edit-binding.h"
#include "zp-indicator-table.h"
#include "zp-score-cell.h"

typedef enum
{
  CELL_ENTRY,
  CELL_CHOICE,   /* an entry offering the standard names */
  CELL_SCORE,
  CELL_STATE,
} CellKind;

typedef struct
{
  const char *field;
  const char *title;
  const char *tooltip;
  CellKind    kind;
  int         width;      /* figures: fixed, in pixels; texts: -1 */
  int         min_chars;  /* texts: the narrowest the column gets, in Chinese characters */
  int         nat_chars;  /* texts: the widest it gets when there is room, in chars */
  gboolean    expand;
  int         max_lines;  /* texts: how many lines it wraps onto (0: all it needs) */
} Column;

/* The figure columns keep their width. The text columns get their natural width when
 * there is room and give it up first (down to min_chars) on a narrow window or beside
 * the checks, wrapping onto more lines, so 分值, 得分 and 偏差原因 stay on screen and the
 * texts stay whole. */
static const Column columns[] = {
  { "state", N_("State"), N_("Whether the target was met"), CELL_STATE, 32, 0, 0, FALSE, 0 },
  { "category", N_("Category"), N_("一级指标: level-1 category"), CELL_CHOICE, -1, 4, 10, FALSE, 0 },
  { "subcategory", N_("Subcategory"), N_("二级指标: level-2 category"), CELL_CHOICE, -1, 4, 14, FALSE, 0 },
  { "name", N_("Indicator"), N_("三级指标: the indicator"), CELL_ENTRY, -1, 4, 30, TRUE, 0 },
  { "target", N_("Target"), N_("年度指标值 (A), e.g. ≥500人"), CELL_ENTRY, -1, 3, 16, FALSE, 0 },
  { "actual", N_("Actual"), N_("实际完成值 (B)"), CELL_ENTRY, -1, 3, 14, FALSE, 0 },
  { "weight", N_("Weight"), N_("分值: full marks of the indicator"), CELL_ENTRY, 50, 0, 0, FALSE, 0 },
  { "score", N_("Score"), N_("得分, computed; click to grade or override"), CELL_SCORE, 60, 0, 0, FALSE, 0 },
  /* a note runs to paragraphs: three lines of it, the rest in its editor and tooltip */
  { "deviation-note", N_("Deviation Note"), N_("偏差原因分析及改进措施"), CELL_ENTRY, -1, 3, 16, TRUE, 3 },
};
#define N_COLUMNS G_N_ELEMENTS (columns)


/* Standard 一级 and 二级 names (spec §1); others may be typed. */
static const char *subcategories[][6] = {
  { "产出指标", "数量指标", "质量指标", "时效指标", "成本指标", NULL },
  { "效益指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", NULL },
  { "满意度指标", "服务对象满意度指标", "社会满意度指标", NULL },
  { "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标", NULL },
};

struct _ZpIndicatorTable
{
  AdwBin              parent_instance;

  GtkColumnView      *view;
  GtkSingleSelection *selection;
  ZpGoal             *goal;
  ZpScheme           *scheme;
  ZpUndoStack        *undo;
  /* ZpIndicator* → GtkWidget*[N_COLUMNS] of the bound row */
  GHashTable         *cells;
  int                 current_row;
  /* sets the table's height to its rows' after an allocation */
  guint               height_idle;
};

G_DEFINE_FINAL_TYPE (ZpIndicatorTable, zp_indicator_table, ADW_TYPE_BIN)

enum {
  ROW_FOCUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
column_index (const char *field)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (columns[i].field, field) == 0)
      return i;
  return -1;
}

static GtkWidget **
row_cells (ZpIndicatorTable *self,
           guint             row,
           gboolean          create)
{
  ZpIndicator *indicator;
  GtkWidget **cells;

  if (row >= zp_goal_get_n_indicators (self->goal))
    return NULL;
  indicator = zp_goal_get_indicator (self->goal, row);
  cells = g_hash_table_lookup (self->cells, indicator);
  if (cells == NULL && create)
    {
      cells = g_new0 (GtkWidget *, N_COLUMNS);
      g_hash_table_insert (self->cells, indicator, cells);
    }
  return cells;
}

static guint
cell_row (GtkWidget *cell)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "zp-list-item");

  return item ? gtk_list_item_get_position (item) : GTK_INVALID_LIST_POSITION;
}

static gboolean
focus_cell_at (ZpIndicatorTable *self,
               guint             row,
               int               column)
{
  GtkWidget **cells = row_cells (self, row, FALSE);

  if (cells == NULL || cells[column] == NULL)
    return FALSE;
  if (ZP_IS_SCORE_CELL (cells[column]))
    return gtk_widget_grab_focus (zp_score_cell_get_button (ZP_SCORE_CELL (cells[column])));
  return gtk_widget_grab_focus (cells[column]);
}

/* The next (or previous) editable cell: along the row, then on to the next row. */
static gboolean
move_focus (ZpIndicatorTable *self,
            GtkWidget        *cell,
            gboolean          backward)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "zp-column"));
  guint row = cell_row (cell);
  guint n = zp_goal_get_n_indicators (self->goal);

  if (row == GTK_INVALID_LIST_POSITION)
    return FALSE;
  for (;;)
    {
      column += backward ? -1 : 1;
      if (column < 0)
        {
          if (row == 0)
            return FALSE;
          row--;
          column = N_COLUMNS - 1;
        }
      else if (column >= (int) N_COLUMNS)
        {
          if (row + 1 >= n)
            return FALSE;
          row++;
          column = 0;
        }
      if (columns[column].kind == CELL_ENTRY || columns[column].kind == CELL_CHOICE)
        return focus_cell_at (self, row, column);
    }
}

/* Enter moves down the column, as in a spreadsheet. */
static void
on_cell_activate (GtkWidget        *cell,
                  ZpIndicatorTable *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "zp-column"));
  guint row = cell_row (cell);

  if (row != GTK_INVALID_LIST_POSITION && row + 1 < zp_goal_get_n_indicators (self->goal))
    focus_cell_at (self, row + 1, column);
}

static void show_choices      (GtkEntry   *entry);
static void show_note_editor  (GtkEntry   *entry);

/* ↓ and ↑ move within the column, as in Excel and WPS. */
static gboolean
move_in_column (ZpIndicatorTable *self,
                GtkWidget        *cell,
                int               delta)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "zp-column"));
  guint row = cell_row (cell);

  if (row == GTK_INVALID_LIST_POSITION || (delta < 0 && row == 0))
    return FALSE;
  return focus_cell_at (self, row + delta, column);
}

static gboolean
on_cell_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     ZpIndicatorTable      *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "zp-column"));
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  /* Alt+↓ or F4 opens the standard names of 一级/二级, or the note's editor. */
  if ((keyval == GDK_KEY_F4 && mods == 0) ||
      ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && mods == GDK_ALT_MASK))
    {
      if (columns[column].kind == CELL_CHOICE)
        show_choices (GTK_ENTRY (cell));
      else if (g_str_equal (columns[column].field, "deviation-note"))
        show_note_editor (GTK_ENTRY (cell));
      else
        return FALSE;
      return TRUE;
    }
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && mods == 0)
    return move_in_column (self, cell, 1);
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && mods == 0)
    return move_in_column (self, cell, -1);
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    return move_focus (self, cell, FALSE);
  if (keyval == GDK_KEY_ISO_Left_Tab)
    return move_focus (self, cell, TRUE);
  return FALSE;
}

static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     ZpIndicatorTable        *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint row = cell_row (cell);

  if (row == GTK_INVALID_LIST_POSITION)
    return;
  zp_indicator_table_set_current_row (self, row);
  g_signal_emit (self, signals[ROW_FOCUSED], 0, (int) row);
}

static void
add_cell_controllers (ZpIndicatorTable *self,
                      GtkWidget        *cell)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* In the bubble phase, after the cell's text: a key goes to the input method first, so
   * that Tab, ↓ or ↑ during a composition (pinyin being typed) stay with it. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_BUBBLE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_cell_key_pressed), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), self);
  gtk_widget_add_controller (cell, key);
  gtk_widget_add_controller (cell, focus);
  g_signal_connect (cell, "activate", G_CALLBACK (on_cell_activate), self);
}

static void
on_choice_picked (GtkListBox    *list,
                  GtkListBoxRow *row,
                  GtkEntry      *entry)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  gtk_editable_set_text (GTK_EDITABLE (entry), gtk_label_get_label (GTK_LABEL (label)));
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER)));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static GPtrArray *
choices_for (GtkEntry *entry)
{
  GPtrArray *names = g_ptr_array_new ();
  const char *field = g_object_get_data (G_OBJECT (entry), "zp-field");
  GObject *object = zp_edit_binding_get_object (GTK_EDITABLE (entry));
  const char *category = object ? zp_indicator_get_category (ZP_INDICATOR (object)) : "";

  for (guint i = 0; i < G_N_ELEMENTS (subcategories); i++)
    {
      if (g_str_equal (field, "category"))
        g_ptr_array_add (names, (gpointer) subcategories[i][0]);
      else if (*category == '\0' || g_str_has_prefix (category, subcategories[i][0]))
        for (guint j = 1; subcategories[i][j] != NULL; j++)
          g_ptr_array_add (names, (gpointer) subcategories[i][j]);
    }
  return names;
}

/* A popover of a cell, gone when it closes or when the cell goes (rows are recycled). */
static void
attach_popover (GtkWidget *popover,
                GtkWidget *cell)
{
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  g_signal_connect_object (cell, "destroy", G_CALLBACK (gtk_widget_unparent), popover, G_CONNECT_SWAPPED);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
show_choices (GtkEntry *entry)
{
  g_autoptr(GPtrArray) names = choices_for (entry);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = gtk_list_box_new ();

  for (guint i = 0; i < names->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (names, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  gtk_widget_add_css_class (list, "menu");
  g_signal_connect (list, "row-activated", G_CALLBACK (on_choice_picked), entry);
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_widget_set_parent (popover, GTK_WIDGET (entry));
  attach_popover (popover, GTK_WIDGET (entry));
  gtk_widget_grab_focus (list);
}

static void
on_choice_icon (GtkEntry             *entry,
                GtkEntryIconPosition  position,
                gpointer              user_data)
{
  show_choices (entry);
}

/* Typing a standard name completes it: all 一级 names, or every 二级 name. */
static void
add_completion (GtkEntry   *entry,
                const char *field)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  g_autoptr(GtkListStore) store = gtk_list_store_new (1, G_TYPE_STRING);

  for (guint i = 0; i < G_N_ELEMENTS (subcategories); i++)
    for (guint j = g_str_equal (field, "category") ? 0 : 1;
         subcategories[i][j] != NULL && (j == 0 || !g_str_equal (field, "category")); j++)
      gtk_list_store_insert_with_values (store, NULL, -1, 0, subcategories[i][j], -1);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_set_completion (entry, completion);
}

/* ---- the deviation note's editor ---- */

static void
on_note_apply (GtkButton *button,
               GtkEntry  *entry)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  GtkTextView *view = g_object_get_data (G_OBJECT (popover), "zp-text");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* through the entry's binding: one undo step, the score and checks follow */
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

/* A multi-line editor for 偏差原因 that shows which indicator it explains. */
static void
show_note_editor (GtkEntry *entry)
{
  GObject *object = zp_edit_binding_get_object (GTK_EDITABLE (entry));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *text = gtk_text_view_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));
  g_autofree char *title = NULL;

  if (!ZP_IS_INDICATOR (object))
    return;
  title = g_strdup_printf (_("Deviation note: %s"), zp_indicator_get_name (ZP_INDICATOR (object)));
  gtk_label_set_text (GTK_LABEL (heading), title);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (heading), 40);
  gtk_widget_add_css_class (heading, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                            gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_halign (apply, GTK_ALIGN_END);
  g_signal_connect (apply, "clicked", G_CALLBACK (on_note_apply), entry);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), apply);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data (G_OBJECT (popover), "zp-text", text);
  gtk_widget_set_parent (popover, GTK_WIDGET (entry));
  attach_popover (popover, GTK_WIDGET (entry));
  gtk_widget_grab_focus (text);
}

/* Whether the widget lies within its window (as laid out last). */
static gboolean
is_within_window (GtkWidget *widget)
{
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (widget));
  graphene_rect_t bounds;

  return native != NULL && gtk_widget_compute_bounds (widget, native, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.x >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (native) &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (native);
}

/* Focusing a cell scrolls the form to it, and the cell gets its place on screen in a later
 * frame's layout (later still while the checks panel slides in): a popover shown before
 * that would point where the cell was, off the window when the row was below it. So the
 * editor waits, a frame at a time for at most two seconds (a slow machine paints few
 * frames), until the cell has the focus and lies within the window. */
typedef struct
{
  guint  frames;
  gint64 deadline;   /* frame time, µs; 0 until the first frame */
} NoteWait;

static gboolean
show_note_editor_when_placed (GtkWidget     *entry,
                              GdkFrameClock *clock,
                              gpointer       data)
{
  NoteWait *wait = data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (wait->deadline == 0)
    wait->deadline = now + 2 * G_USEC_PER_SEC;
  /* (the first frame's layout has not placed it yet) */
  if (++wait->frames >= 2 && gtk_widget_get_mapped (entry) &&
      (gtk_widget_get_state_flags (entry) & GTK_STATE_FLAG_FOCUS_WITHIN) && is_within_window (entry))
    {
      show_note_editor (GTK_ENTRY (entry));
      return G_SOURCE_REMOVE;
    }
  return now < wait->deadline ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_note_icon (GtkEntry             *entry,
              GtkEntryIconPosition  position,
              gpointer              user_data)
{
  show_note_editor (entry);
}

/* Whether the cell does not show all its text: a wrapping one cut short after its last
 * line, a one-line one wider than the cell (its padding aside). */
static gboolean
entry_is_clipped (GtkWidget  *entry,
                  const char *text)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (entry), "zp-label");
  g_autoptr(PangoLayout) layout = NULL;
  int width = 0;

  if (label != NULL)
    return pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)));
  layout = gtk_widget_create_pango_layout (entry, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width > gtk_widget_get_width (entry) - 8;
}

/* A cell too narrow for its text (long targets, actuals, notes) shows all of it in a
 * tooltip; the column can also be widened by dragging its heading's edge. */
static gboolean
on_entry_query_tooltip (GtkWidget  *entry,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (*text == '\0' || !entry_is_clipped (entry, text))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
create_entry (const Column *column)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_widget_add_css_class (entry, "zp-cell");
  /* a text's width is its wrapping label's (see wrap_cell) */
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), column->width < 0 ? 1 : 3);
  if (column->width < 0)
    gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(column->title), -1);
  if (g_str_equal (column->field, "weight"))
    {
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
      gtk_widget_add_css_class (entry, "numeric");
    }
  if (column->kind == CELL_ENTRY && !g_str_equal (column->field, "weight"))
    {
      gtk_widget_set_has_tooltip (entry, TRUE);
      g_signal_connect (entry, "query-tooltip", G_CALLBACK (on_entry_query_tooltip), NULL);
    }
  if (column->kind == CELL_CHOICE)
    {
      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, "pan-down-symbolic");
      gtk_entry_set_icon_tooltip_text (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, _("Standard names"));
      g_signal_connect (entry, "icon-press", G_CALLBACK (on_choice_icon), NULL);
      add_completion (GTK_ENTRY (entry), column->field);
    }
  if (g_str_equal (column->field, "deviation-note"))
    {
      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, "document-edit-symbolic");
      gtk_entry_set_icon_tooltip_text (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, _("Write the Note (F4)"));
      g_signal_connect (entry, "icon-press", G_CALLBACK (on_note_icon), NULL);
    }
  g_object_set_data (G_OBJECT (entry), "zp-field", (gpointer) column->field);
  return entry;
}

static int
chinese_char_width (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "字");
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* A text cell shows its whole text on as many lines as the column's width needs (a
 * label under the entry) and is edited on one line (the entry, over the label, whose
 * text shows only while it has the focus): typing, Tab, Enter and the input method are
 * the entry's, as in every other cell, and the row keeps its height while editing. */
static GtkWidget *
wrap_cell (const Column *column,
           GtkWidget    *entry)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *label = gtk_label_new (NULL);
  /* (the standard names' arrow shows only under the pointer or while editing) */
  gboolean has_icon = column->kind != CELL_CHOICE &&
                      gtk_entry_get_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY) != NULL;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* the texts are Chinese: "4 characters" is the same width in either UI language */
  gtk_widget_set_size_request (label, column->min_chars * chinese_char_width (label), -1);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column->nat_chars);
  /* where the entry's text begins, and clear of its icon */
  gtk_widget_set_margin_start (label, 5);
  gtk_widget_set_margin_end (label, has_icon ? 26 : 5);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  if (column->max_lines > 0)
    {
      gtk_label_set_lines (GTK_LABEL (label), column->max_lines);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_widget_set_can_target (label, FALSE);
  gtk_widget_add_css_class (label, "zp-cell-text");
  g_object_bind_property (entry, "text", label, "label", G_BINDING_SYNC_CREATE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), label);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), entry);
  gtk_overlay_set_measure_overlay (GTK_OVERLAY (overlay), entry, TRUE);
  gtk_widget_add_css_class (overlay, "zp-wrap-cell");
  if (column->kind == CELL_CHOICE)
    gtk_widget_add_css_class (overlay, "choice");
  g_object_set_data (G_OBJECT (entry), "zp-label", label);
  g_object_set_data (G_OBJECT (overlay), "zp-cell", entry);
  return overlay;
}

/* The cell's widget in a list item: the entry of a wrapping text cell. */
static GtkWidget *
item_cell (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *entry = g_object_get_data (G_OBJECT (child), "zp-cell");

  return entry != NULL ? entry : child;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ZpIndicatorTable         *self)
{
  const Column *column = g_object_get_data (G_OBJECT (factory), "zp-column");
  GtkWidget *cell;

  switch (column->kind)
    {
    case CELL_STATE:
      cell = gtk_image_new ();
      gtk_widget_add_css_class (cell, "state-icon");
      break;
    case CELL_SCORE:
      cell = GTK_WIDGET (zp_score_cell_new ());
      break;
    case CELL_ENTRY:
    case CELL_CHOICE:
    default:
      cell = create_entry (column);
      add_cell_controllers (self, cell);
      break;
    }
  g_object_set_data (G_OBJECT (cell), "zp-list-item", item);
  g_object_set_data (G_OBJECT (cell), "zp-column", GINT_TO_POINTER (column - columns));
  {
    /* "cell-actual": what the UI tests find a column's cells by, in the rows' order */
    g_autofree char *name = g_strconcat ("cell-", column->field, NULL);

    gtk_widget_set_name (cell, name);
  }
  gtk_list_item_set_child (item, column->width < 0 ? wrap_cell (column, cell) : cell);
  gtk_list_item_set_activatable (item, FALSE);
}

typedef struct
{
  const char *icon;
  const char *css_class;
  const char *tooltip;
} StateLook;

static const StateLook state_looks[] = {
  { NULL, NULL, N_("Not scored yet") },
  { "emblem-ok-symbolic", "met", N_("Target met") },
  { "dialog-warning-symbolic", "partial", N_("Target partly met") },
  { "window-close-symbolic", "missed", N_("Target missed") },
  { "document-edit-symbolic", "overridden", N_("Score set by hand") },
  { "go-up-symbolic", "over-achieved", N_("Over-achieved: explain why") },
  { "dialog-error-symbolic", "needs-note", N_("Needs a deviation note") },
};

/* What matters most first: a missing note, a hand score, over-achievement, the state. */
static const StateLook *
state_look (ZpIndicator *indicator)
{
  ZpIndicatorFlags flags = zp_indicator_get_flags (indicator);

  if (flags & ZP_INDICATOR_FLAG_NEEDS_NOTE)
    return &state_looks[6];
  if ((flags & ZP_INDICATOR_FLAG_OVERRIDDEN) || zp_indicator_has_override (indicator))
    return &state_looks[4];
  if (flags & ZP_INDICATOR_FLAG_OVER_ACHIEVED)
    return &state_looks[5];
  switch (zp_indicator_get_state (indicator))
    {
    case ZP_INDICATOR_STATE_MET:
      return &state_looks[1];
    case ZP_INDICATOR_STATE_PARTIAL:
      return &state_looks[2];
    case ZP_INDICATOR_STATE_MISSED:
      return &state_looks[3];
    case ZP_INDICATOR_STATE_UNSCORED:
    default:
      return &state_looks[0];
    }
}

static void
update_state_icon (GtkImage    *image,
                   GParamSpec  *pspec,
                   ZpIndicator *indicator)
{
  const StateLook *look = state_look (indicator);
  const char *tooltip = _(look->tooltip);

  for (guint i = 1; i < G_N_ELEMENTS (state_looks); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (image), state_looks[i].css_class);
  if (look->css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (image), look->css_class);
  gtk_image_set_from_icon_name (image, look->icon);
  gtk_widget_set_tooltip_text (GTK_WIDGET (image), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ZpIndicatorTable         *self)
{
  const Column *column = g_object_get_data (G_OBJECT (factory), "zp-column");
  ZpIndicator *indicator = gtk_list_item_get_item (item);
  GtkWidget *cell = item_cell (item);
  GtkWidget **cells = g_hash_table_lookup (self->cells, indicator);

  if (cells == NULL)
    {
      cells = g_new0 (GtkWidget *, N_COLUMNS);
      g_hash_table_insert (self->cells, indicator, cells);
    }
  cells[column - columns] = cell;

  switch (column->kind)
    {
    case CELL_STATE:
      g_signal_connect_object (indicator, "notify::state", G_CALLBACK (update_state_icon), cell, G_CONNECT_SWAPPED);
      g_signal_connect_object (indicator, "notify::flags", G_CALLBACK (update_state_icon), cell, G_CONNECT_SWAPPED);
      g_signal_connect_object (indicator, "notify::manual-score", G_CALLBACK (update_state_icon), cell, G_CONNECT_SWAPPED);
      update_state_icon (GTK_IMAGE (cell), NULL, indicator);
      break;
    case CELL_SCORE:
      zp_score_cell_bind (ZP_SCORE_CELL (cell), indicator, self->scheme, self->undo);
      break;
    case CELL_ENTRY:
    case CELL_CHOICE:
    default:
      zp_edit_binding_bind (GTK_EDITABLE (cell), G_OBJECT (indicator), column->field, self->undo);
      break;
    }
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ZpIndicatorTable         *self)
{
  const Column *column = g_object_get_data (G_OBJECT (factory), "zp-column");
  ZpIndicator *indicator = gtk_list_item_get_item (item);
  GtkWidget *cell = item_cell (item);
  GtkWidget **cells = g_hash_table_lookup (self->cells, indicator);

  if (cells != NULL && cells[column - columns] == cell)
    cells[column - columns] = NULL;

  switch (column->kind)
    {
    case CELL_STATE:
      g_signal_handlers_disconnect_by_data (indicator, cell);
      break;
    case CELL_SCORE:
      zp_score_cell_unbind (ZP_SCORE_CELL (cell));
      break;
    case CELL_ENTRY:
    case CELL_CHOICE:
    default:
      zp_edit_binding_unbind (GTK_EDITABLE (cell));
      break;
    }
}

/* A figure column keeps its width, but its heading is read whole: "Weight" is wider than
 * "分值". */
static int
figure_column_width (ZpIndicatorTable *self,
                     const Column     *column,
                     gboolean          untitled)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width = 0;
  g_autoptr(PangoAttrList) bold = pango_attr_list_new ();

  if (untitled)
    return column->width;
  /* headings are bold, with 12 px of padding either side in Adwaita */
  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->view), _(column->title));
  pango_layout_set_attributes (layout, bold);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return MAX (column->width, width + 2 * 12);
}

static void
add_columns (ZpIndicatorTable *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "zp-column", (gpointer) &columns[i]);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
      column = gtk_column_view_column_new (i == 0 ? "" : _(columns[i].title), factory);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, figure_column_width (self, &columns[i], i == 0));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, i != 0);
      gtk_column_view_append_column (self->view, column);
    }
}

/* A heading is cut short ("Subcat…", whole in its tooltip) rather than hold a narrow
 * column wide. */
static void
shorten_headings (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_widget_set_tooltip_text (child, gtk_label_get_label (GTK_LABEL (child)));
        }
      shorten_headings (child);
    }
}

static void
on_selected (ZpIndicatorTable *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  self->current_row = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected;
}

/* GtkColumnView (4.8) can measure its list shorter than its rows once their texts wrap
 * (a row's height is sometimes taken as the others' median): the last rows would be cut
 * off. The table, which never scrolls, asks for the height its header and rows take. */
static int
rows_height (ZpIndicatorTable *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->view));
  GtkWidget *list = gtk_widget_get_last_child (GTK_WIDGET (self->view));
  int width = gtk_widget_get_width (list);
  int height = 0, n = 0, min;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      if (!gtk_widget_get_visible (row))
        continue;
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &min, NULL, NULL, NULL);
      height += min;
      n++;
    }
  /* (only once every row has its widget: else the list's own guess stands) */
  if (n != (int) g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return -1;
  gtk_widget_measure (header, GTK_ORIENTATION_VERTICAL, width, &min, NULL, NULL, NULL);
  return height + min;
}

static gboolean
update_height (gpointer data)
{
  ZpIndicatorTable *self = data;

  self->height_idle = 0;
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, rows_height (self));
  return G_SOURCE_REMOVE;
}

/* (the table lays its column view out itself, without AdwBin's layout manager, to see
 * each allocation) */
static void
zp_indicator_table_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  ZpIndicatorTable *self = ZP_INDICATOR_TABLE (widget);

  *minimum = *natural = 0;
  if (self->view != NULL)
    gtk_widget_measure (GTK_WIDGET (self->view), orientation, for_size,
                        minimum, natural, minimum_baseline, natural_baseline);
}

static void
zp_indicator_table_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  ZpIndicatorTable *self = ZP_INDICATOR_TABLE (widget);
  int requested;

  if (self->view == NULL)
    return;
  gtk_widget_allocate (GTK_WIDGET (self->view), width, height, baseline, NULL);
  /* (not within the allocation: before the next frame) */
  gtk_widget_get_size_request (GTK_WIDGET (self->view), NULL, &requested);
  if (self->height_idle == 0 && rows_height (self) != requested)
    self->height_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_height, self, NULL);
}

static void
zp_indicator_table_dispose (GObject *object)
{
  ZpIndicatorTable *self = ZP_INDICATOR_TABLE (object);

  g_clear_handle_id (&self->height_idle, g_source_remove);

  adw_bin_set_child (ADW_BIN (self), NULL);
  self->view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->goal);
  g_clear_object (&self->scheme);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (zp_indicator_table_parent_class)->dispose (object);
}

static void
zp_indicator_table_class_init (ZpIndicatorTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zp_indicator_table_dispose;
  GTK_WIDGET_CLASS (klass)->measure = zp_indicator_table_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = zp_indicator_table_size_allocate;

  signals[ROW_FOCUSED] =
    g_signal_new ("row-focused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
zp_indicator_table_init (ZpIndicatorTable *self)
{
  self->current_row = -1;
  self->cells = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gtk_widget_set_name (GTK_WIDGET (self), "indicator-table");  /* what the UI tests find */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

ZpIndicatorTable *
zp_indicator_table_new (ZpGoal      *goal,
                        ZpScheme    *scheme,
                        ZpUndoStack *undo)
{
  ZpIndicatorTable *self = g_object_new (ZP_TYPE_INDICATOR_TABLE, NULL);

  self->goal = g_object_ref (goal);
  self->scheme = scheme ? g_object_ref (scheme) : NULL;
  self->undo = undo ? g_object_ref (undo) : NULL;
  self->selection = gtk_single_selection_new (g_object_ref (zp_goal_get_indicators (goal)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected), self);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "indicator-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Indicators"), -1);
  add_columns (self);
  shorten_headings (GTK_WIDGET (self->view));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->view));
  return self;
}

ZpGoal *
zp_indicator_table_get_goal (ZpIndicatorTable *self)
{
  return self->goal;
}

int
zp_indicator_table_get_current_row (ZpIndicatorTable *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR_TABLE (self), -1);

  if (self->current_row >= (int) zp_goal_get_n_indicators (self->goal))
    return -1;
  return self->current_row;
}

void
zp_indicator_table_set_current_row (ZpIndicatorTable *self,
                                    int               row)
{
  g_return_if_fail (ZP_IS_INDICATOR_TABLE (self));

  gtk_single_selection_set_selected (self->selection,
                                     row < 0 ? GTK_INVALID_LIST_POSITION : (guint) row);
  self->current_row = row;
}

gboolean
zp_indicator_table_focus_cell (ZpIndicatorTable *self,
                               guint             row,
                               const char       *field)
{
  int column = field ? column_index (field) : -1;

  if (column < 0 || columns[column].kind == CELL_STATE)
    column = column_index ("name");
  zp_indicator_table_set_current_row (self, row);
  if (!focus_cell_at (self, row, column))
    return FALSE;
  /* A finding about the note opens the note's editor, next to the indicator's name, once
   * the cell is where the scroll to it puts it. */
  if (g_str_equal (columns[column].field, "deviation-note"))
    {
      gtk_widget_add_tick_callback (row_cells (self, row, FALSE)[column], show_note_editor_when_placed,
                                    g_new0 (NoteWait, 1), g_free);
    }
  return TRUE;
}
