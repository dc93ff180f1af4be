/* test-layout.c — the form fits the window: the checks beside or below the form, the
 * indicator table's text columns wrapping, goal sections kept on a goal change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zp-test-form.h"
#include "zp-test-ui.h"

/* The label reading text in root or below it (a column's heading), or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *target)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, target, &bounds));
  return bounds;
}

static ZpIndicatorTable *
first_table (ZpWindow *window)
{
  return zp_test_table (zp_window_get_form_editor (window), 0);
}

/* The window at about width, the project form's first table bound. */
static gboolean
form_laid_out (ZpWindow *window,
               int       width)
{
  ZpIndicatorTable *table = first_table (window);
  GtkWidget *note = table ? zp_test_cell (table, 0, "deviation-note") : NULL;

  return ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) <= 16 && note != NULL &&
         gtk_widget_get_width (note) > 0;
}

static ZpWindow *
open_project_form (int width,
                   int height)
{
  ZpWindow *window = zp_test_open_example (width, height);

  zp_window_show_form (window, zp_workbook_get_form (zp_window_get_workbook (window), 1));
  zp_test_wait_for (form_laid_out (window, width));
  return window;
}

/* The checks are open, beside the form (horizontal) or below it (vertical), and laid out
 * so: the panel's allocation lies right of the form's, or under it. */
static gboolean
checks_shown (ZpWindow       *window,
              GtkOrientation  orientation)
{
  graphene_rect_t form, panel;

  if (g_test_verbose ())
    g_printerr ("checks: folded %d progress %.2f orientation %d mapped %d content %d\n",
                adw_flap_get_folded (window->checks_flap),
                adw_flap_get_reveal_progress (window->checks_flap),
                gtk_orientable_get_orientation (GTK_ORIENTABLE (window->checks_flap)),
                gtk_widget_get_mapped (GTK_WIDGET (window->checks_panel)),
                gtk_widget_get_width (window->content_box));
  if (adw_flap_get_reveal_progress (window->checks_flap) != 1.0 ||
      gtk_orientable_get_orientation (GTK_ORIENTABLE (window->checks_flap)) != orientation ||
      !gtk_widget_get_mapped (GTK_WIDGET (window->checks_panel)) ||
      adw_flap_get_folded (window->checks_flap))
    return FALSE;
  form = bounds_in (GTK_WIDGET (window->editor_scroller), GTK_WIDGET (window));
  panel = bounds_in (GTK_WIDGET (window->checks_panel), GTK_WIDGET (window));
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    return panel.origin.x >= form.origin.x + form.size.width && panel.size.width == 320;
  return panel.origin.y >= form.origin.y + form.size.height && panel.size.width == form.size.width;
}

static const char *figure_headings[] = { "Weight", "Score", "Deviation Note" };

/* Each figure column's heading lies whole within the form's visible area and off the
 * checks panel. */
static gboolean
headings_visible (ZpWindow       *window,
                  GtkOrientation  orientation)
{
  GtkWidget *scroller = GTK_WIDGET (window->editor_scroller);
  GtkWidget *view = GTK_WIDGET (first_table (window));
  graphene_rect_t panel = bounds_in (GTK_WIDGET (window->checks_panel), GTK_WIDGET (window));

  if (!checks_shown (window, orientation))
    return FALSE;
  /* the table's top in view, again once a layout change has moved it */
  zp_form_editor_scroll_to_indicators (zp_window_get_form_editor (window));
  for (guint i = 0; i < G_N_ELEMENTS (figure_headings); i++)
    {
      GtkWidget *heading = find_label (view, figure_headings[i]);
      graphene_rect_t in_view, in_window, overlap;

      g_assert_nonnull (heading);
      if (!gtk_widget_get_mapped (heading))
        return FALSE;
      in_view = bounds_in (heading, scroller);
      in_window = bounds_in (heading, GTK_WIDGET (window));
      if (g_test_verbose ())
        g_printerr ("%s: %.0f,%.0f %.0f×%.0f in %d×%d; panel %.0f,%.0f %.0f×%.0f\n", figure_headings[i],
                    in_view.origin.x, in_view.origin.y, in_view.size.width, in_view.size.height,
                    gtk_widget_get_width (scroller), gtk_widget_get_height (scroller),
                    panel.origin.x, panel.origin.y, panel.size.width, panel.size.height);
      if (in_view.size.width < 20 || in_view.origin.x < 0 || in_view.origin.y < 0 ||
          in_view.origin.x + in_view.size.width > gtk_widget_get_width (scroller) ||
          in_view.origin.y + in_view.size.height > gtk_widget_get_height (scroller) ||
          graphene_rect_intersection (&in_window, &panel, &overlap))
        return FALSE;
    }
  return TRUE;
}

/* At 1024×600 the checks, when open, are a sheet below the form of about a third of the
 * height: the form keeps its whole width and 分值, 得分 and 偏差原因 stay on screen. */
static void
test_checks_sheet_1024 (void)
{
  ZpWindow *window = open_project_form (1024, 600);
  int height;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL);
  zp_test_wait_for (headings_visible (window, GTK_ORIENTATION_VERTICAL));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->editor_scroller)), ==,
                   gtk_widget_get_width (window->content_box));
  height = gtk_widget_get_height (GTK_WIDGET (window->checks_panel));
  g_assert_cmpint (height, >=, gtk_widget_get_height (window->content_box) / 3 - 1);
  g_assert_cmpint (height, <=, gtk_widget_get_height (window->content_box) / 3 + 1);
  zp_test_close_window (window);
}

/* The checks go beside the form when it keeps 680 pixels next to them, below it when
 * not: at 1280×800 below, beside once F9 hides the forms list, still beside at 1024
 * without the forms list, below again with it. */
static void
test_checks_side_or_sheet (void)
{
  ZpWindow *window = open_project_form (1280, 800);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL);
  zp_test_wait_for (headings_visible (window, GTK_ORIENTATION_VERTICAL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  zp_test_wait_for (headings_visible (window, GTK_ORIENTATION_HORIZONTAL));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->editor_scroller)), >=, 680);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  zp_test_wait_for (form_laid_out (window, 1024));
  zp_test_wait_for (headings_visible (window, GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  zp_test_wait_for (headings_visible (window, GTK_ORIENTATION_VERTICAL));

  /* closed and opened again below the form */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL);
  zp_test_wait_for (!gtk_widget_get_mapped (GTK_WIDGET (window->checks_panel)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL);
  zp_test_wait_for (headings_visible (window, GTK_ORIENTATION_VERTICAL));
  zp_test_close_window (window);
}

static const char *text_fields[] = { "category", "subcategory", "name", "target", "actual" };

/* The label showing a text cell's whole text while the cell is not being edited. */
static GtkLabel *
cell_label (GtkWidget *cell)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_widget_get_parent (cell));

  g_assert_true (GTK_IS_LABEL (label));
  return GTK_LABEL (label);
}

/* Every shown text cell of the first table shows its whole text: not cut short, the
 * label as high as its lines; counts the cells wrapped onto more than one line. */
static gboolean
texts_whole (ZpWindow *window,
             guint    *wrapped)
{
  ZpIndicatorTable *table = first_table (window);
  ZpGoal *goal = zp_indicator_table_get_goal (table);
  guint shown = 0;

  *wrapped = 0;
  for (guint row = 0; row < zp_goal_get_n_indicators (goal); row++)
    for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
      {
        GtkWidget *cell = zp_test_cell (table, row, text_fields[i]);
        GtkLabel *label;
        PangoLayout *layout;
        int height;

        if (cell == NULL || !gtk_widget_get_mapped (cell))
          continue;
        label = cell_label (cell);
        g_assert_cmpstr (gtk_label_get_label (label), ==, gtk_editable_get_text (GTK_EDITABLE (cell)));
        layout = gtk_label_get_layout (label);
        pango_layout_get_pixel_size (layout, NULL, &height);
        if (g_test_verbose ())
          g_printerr ("%u %s: %d lines, %d of %d px high: %s\n", row, text_fields[i],
                      pango_layout_get_line_count (layout), height,
                      gtk_widget_get_height (GTK_WIDGET (label)), gtk_label_get_label (label));
        if (pango_layout_is_ellipsized (layout) || gtk_widget_get_height (GTK_WIDGET (label)) < height)
          return FALSE;
        /* the entry over it covers the cell, to be clicked anywhere */
        if (gtk_widget_get_height (cell) < gtk_widget_get_height (GTK_WIDGET (label)))
          return FALSE;
        shown++;
        if (pango_layout_get_line_count (layout) > 1)
          (*wrapped)++;
      }
  return shown >= 5 * G_N_ELEMENTS (text_fields);
}

/* The text columns wrap onto more lines instead of being cut: at 1024×600 (the form at
 * its narrowest beside the forms list), at 1280×800 with the checks below. */
static void
test_texts_wrap (void)
{
  const int sizes[][2] = { { 1024, 600 }, { 1280, 800 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      ZpWindow *window = open_project_form (sizes[i][0], sizes[i][1]);
      GtkWidget *category = zp_test_cell (first_table (window), 0, "category");
      guint wrapped = 0;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL);
      zp_test_wait_for (headings_visible (window, GTK_ORIENTATION_VERTICAL));
      zp_test_wait_for (texts_whole (window, &wrapped));
      /* (the example's long indicators and targets do need more lines) */
      g_assert_cmpuint (wrapped, >, 0);
      /* 一级 is whole on one line: "产出指标" */
      g_assert_cmpstr (gtk_label_get_label (cell_label (category)), ==, "产出指标");
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (cell_label (category))), ==, 1);
      zp_test_close_window (window);
    }
}

/* A text cell is edited in its entry, over the label: focusing it puts the focus within
 * the cell (what the style sheet shows the entry's text by, hiding the label's), and the
 * label follows what is typed. */
static void
test_text_cell_edit (void)
{
  ZpWindow *window = open_project_form (1280, 800);
  GtkWidget *name = zp_test_cell (first_table (window), 1, "name");
  GtkLabel *label = cell_label (name);
  GtkWidget *cell = gtk_widget_get_parent (name);

  g_assert_true (gtk_widget_has_css_class (cell, "zp-wrap-cell"));
  g_assert_false (gtk_widget_get_state_flags (cell) & GTK_STATE_FLAG_FOCUS_WITHIN);
  g_assert_true (gtk_widget_grab_focus (name));
  zp_test_wait_for (gtk_widget_get_state_flags (cell) & GTK_STATE_FLAG_FOCUS_WITHIN);
  gtk_editable_set_text (GTK_EDITABLE (name), "云平台年度巡检次数（含夜间巡检）");
  g_assert_cmpstr (gtk_label_get_label (label), ==, "云平台年度巡检次数（含夜间巡检）");
  g_assert_cmpstr (zp_indicator_get_name (zp_goal_get_indicator (zp_indicator_table_get_goal (first_table (window)), 1)),
                   ==, "云平台年度巡检次数（含夜间巡检）");
  zp_test_close_window (window);
}

static guint
n_sections (ZpFormEditor *editor)
{
  guint n = 0;

  while (zp_test_goal_section (editor, n) != NULL)
    n++;
  return n;
}

/* Adding or removing a goal on a department form inserts or removes that goal's section;
 * the other sections, their fields and tables stay the same widgets. */
static void
test_department_goal_sections (void)
{
  ZpWindow *window = zp_test_open_example (1280, 800);
  ZpForm *form = ZP_FORM (zp_workbook_get_department_form (zp_window_get_workbook (window)));
  ZpFormEditor *editor = zp_window_get_form_editor (window);
  guint n = zp_form_get_n_goals (form);
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  ZpGoalSection *added;
  GtkWidget *text;

  zp_window_show_form (window, form);
  zp_test_wait_for (zp_form_editor_get_form (editor) == form && n_sections (editor) == n &&
                    gtk_widget_get_mapped (GTK_WIDGET (zp_test_goal_section (editor, 0))));
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (sections, zp_test_goal_section (editor, i));
      g_ptr_array_add (tables, zp_test_table (editor, i));
      g_assert_true (zp_test_section_goal (sections->pdata[i]) == zp_form_get_goal (form, i));
    }
  g_assert_cmpstr (zp_test_section_title (sections->pdata[0]), ==, "Annual Goal 1");
  text = zp_test_field (editor, "goal0:text");
  g_assert_true (ADW_IS_ENTRY_ROW (text));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, zp_goal_get_text (zp_form_get_goal (form, 0)));
  g_assert_true (ADW_IS_ENTRY_ROW (zp_test_field (editor, "goal1:weight")));

  /* Add Goal: one section more, at the end */
  gtk_widget_activate_action (GTK_WIDGET (editor), "form.add-goal", NULL);
  zp_test_wait_for (n_sections (editor) == n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (zp_test_goal_section (editor, i) == sections->pdata[i]);
      g_assert_true (zp_test_table (editor, i) == tables->pdata[i]);
    }
  g_assert_true (zp_test_field (editor, "goal0:text") == text);
  added = zp_test_goal_section (editor, n);
  g_assert_true (zp_test_section_goal (added) == zp_form_get_goal (form, n));
  gtk_editable_set_text (GTK_EDITABLE (zp_test_field (editor, "goal0:text")), "保障全区政务网络稳定运行");
  g_assert_cmpstr (zp_goal_get_text (zp_form_get_goal (form, 0)), ==, "保障全区政务网络稳定运行");

  /* the first goal's button takes its section only; the others move up and are renumbered */
  g_assert_true (gtk_widget_get_visible (zp_test_section_remove_button (sections->pdata[0])));
  g_assert_true (gtk_widget_activate (zp_test_section_remove_button (sections->pdata[0])));
  zp_test_wait_for (zp_form_get_n_goals (form) == n);
  zp_test_wait_for (n_sections (editor) == n);
  for (guint i = 1; i < n; i++)
    g_assert_true (zp_test_goal_section (editor, i - 1) == sections->pdata[i]);
  g_assert_true (zp_test_goal_section (editor, n - 1) == added);
  g_assert_cmpstr (zp_test_section_title (sections->pdata[1]), ==, "Annual Goal 1");
  g_assert_true (zp_test_field (editor, "goal0:text") ==
                 zp_goal_section_get_field (sections->pdata[1], "text"));

  /* undone: back in its place, the others untouched */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  zp_test_wait_for (n_sections (editor) == n + 1);
  for (guint i = 1; i < n; i++)
    g_assert_true (zp_test_goal_section (editor, i) == sections->pdata[i]);
  g_assert_true (zp_test_goal_section (editor, n) == added);
  g_assert_true (zp_test_section_goal (zp_test_goal_section (editor, 0)) == zp_form_get_goal (form, 0));
  g_assert_cmpstr (zp_test_section_title (sections->pdata[1]), ==, "Annual Goal 2");
  zp_test_close_window (window);
}

/* Every row of every table of the form lies within its table: no table is cut short by
 * rows grown taller than it was measured for (wrapped texts). */
static gboolean
tables_whole (ZpWindow *window)
{
  ZpFormEditor *editor = zp_window_get_form_editor (window);
  ZpIndicatorTable *table;

  for (guint t = 0; (table = zp_test_table (editor, t)) != NULL; t++)
    {
      ZpGoal *goal = zp_indicator_table_get_goal (table);
      guint n = zp_goal_get_n_indicators (goal);
      GtkWidget *cell = n > 0 ? zp_test_cell (table, n - 1, "name") : NULL;
      graphene_rect_t bounds;

      if (n == 0)
        continue;
      if (cell == NULL || !gtk_widget_get_mapped (cell))
        return FALSE;
      bounds = bounds_in (cell, GTK_WIDGET (table));
      if (g_test_verbose ())
        g_printerr ("table %u: last row %.0f..%.0f of %d\n", t, bounds.origin.y,
                    bounds.origin.y + bounds.size.height, gtk_widget_get_height (GTK_WIDGET (table)));
      if (bounds.origin.y + bounds.size.height > gtk_widget_get_height (GTK_WIDGET (table)))
        return FALSE;
    }
  return TRUE;
}

/* At 1280×800 every form's tables hold all their rows. */
static void
test_tables_whole (void)
{
  ZpWindow *window = zp_test_open_example (1280, 800);
  ZpWorkbook *workbook = zp_window_get_workbook (window);

  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);

      zp_window_show_form (window, form);
      zp_test_wait_for (zp_form_editor_get_form (zp_window_get_form_editor (window)) == form &&
                        tables_whole (window));
    }
  zp_test_close_window (window);
}

static gboolean
heading_whole (GtkWidget  *table,
               const char *title)
{
  GtkLabel *label = GTK_LABEL (find_label (table, title));

  return label != NULL && gtk_widget_get_mapped (GTK_WIDGET (label)) &&
         !pango_layout_is_ellipsized (gtk_label_get_layout (label));
}

/* The figure columns keep their width, but their headings are read whole in English too
 * ("Weight" is wider than "分值"). */
static void
test_figure_headings_whole (void)
{
  ZpWindow *window = open_project_form (1280, 800);
  GtkWidget *table = GTK_WIDGET (first_table (window));

  zp_test_wait_for (heading_whole (table, "Weight") && heading_whole (table, "Score"));
  zp_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  char *tmpdir = zp_test_ui_setup (&argc, &argv, "layout");
  int result;

  g_test_add_func ("/layout/checks-sheet-1024", test_checks_sheet_1024);
  g_test_add_func ("/layout/checks-side-or-sheet", test_checks_side_or_sheet);
  g_test_add_func ("/layout/texts-wrap", test_texts_wrap);
  g_test_add_func ("/layout/text-cell-edit", test_text_cell_edit);
  g_test_add_func ("/layout/department-goal-sections", test_department_goal_sections);
  g_test_add_func ("/layout/tables-whole", test_tables_whole);
  g_test_add_func ("/layout/figure-headings-whole", test_figure_headings_whole);

  result = g_test_run ();
  return zp_test_ui_finish (tmpdir, result);
}
