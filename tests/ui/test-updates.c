/* test-updates.c — a keystroke changes only what shows it: in the sidebar the edited
 * form's row shows its new total and status, the icon is set again only when the status
 * changes, and the other forms' rows are not touched at all; in the table the row's state
 * icon and the blocks' weight bars are set again only when they change; the hidden review
 * page's cells wait until the page is shown, then show the edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zp-sidebar-row.h"
#include "zp-test-form.h"
#include "zp-test-ui.h"
#include "zp-test-views.h"

static char *tmpdir;

/* Counts the changes of what a sidebar row shows: its labels' text, its status icon and
 * the icon's description. */
typedef struct
{
  ZpSidebarRow *row;
  GtkWidget    *icon;
  guint         label_changes;
  guint         icon_changes;
  guint         tooltip_changes;
} Watch;

static void
count_change (guint *counter)
{
  (*counter)++;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

/* One watch for each form's shown row, in the workbook's order. */
static GArray *
watch_rows (ZpWindow *window)
{
  ZpWorkbook *workbook = zp_window_get_workbook (window);
  g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (window), ZP_TYPE_SIDEBAR_ROW);
  GArray *watches = g_array_new (FALSE, TRUE, sizeof (Watch));

  g_array_set_size (watches, zp_workbook_get_n_forms (workbook));
  for (guint i = 0; i < rows->len; i++)
    {
      ZpSidebarRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) images = find_all (GTK_WIDGET (row), GTK_TYPE_IMAGE);
      g_autoptr(GPtrArray) labels = find_all (GTK_WIDGET (row), GTK_TYPE_LABEL);
      guint position;
      Watch *watch;

      g_assert_true (g_list_store_find (G_LIST_STORE (zp_workbook_get_forms (workbook)),
                                        zp_sidebar_row_get_form (row), &position));
      watch = &g_array_index (watches, Watch, position);
      g_assert_null (watch->row);
      g_assert_cmpuint (images->len, ==, 1);
      watch->row = row;
      watch->icon = g_ptr_array_index (images, 0);
      for (guint j = 0; j < labels->len; j++)
        g_signal_connect_swapped (g_ptr_array_index (labels, j), "notify::label",
                                  G_CALLBACK (count_change), &watch->label_changes);
      g_signal_connect_swapped (watch->icon, "notify::icon-name", G_CALLBACK (count_change), &watch->icon_changes);
      g_signal_connect_swapped (watch->icon, "notify::tooltip-text", G_CALLBACK (count_change), &watch->tooltip_changes);
    }
  for (guint i = 0; i < watches->len; i++)
    g_assert_nonnull (g_array_index (watches, Watch, i).row);
  return watches;
}

static void
unwatch_rows (GArray *watches)
{
  for (guint i = 0; i < watches->len; i++)
    {
      Watch *watch = &g_array_index (watches, Watch, i);
      g_autoptr(GPtrArray) labels = find_all (GTK_WIDGET (watch->row), GTK_TYPE_LABEL);

      for (guint j = 0; j < labels->len; j++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (labels, j), &watch->label_changes);
      g_signal_handlers_disconnect_by_data (watch->icon, &watch->icon_changes);
      g_signal_handlers_disconnect_by_data (watch->icon, &watch->tooltip_changes);
    }
  g_array_unref (watches);
}

static void
reset_counts (GArray *watches)
{
  for (guint i = 0; i < watches->len; i++)
    {
      Watch *watch = &g_array_index (watches, Watch, i);

      watch->label_changes = watch->icon_changes = watch->tooltip_changes = 0;
    }
}

/* No row but the edited one changed anything it shows. */
static void
assert_others_untouched (GArray *watches,
                         guint   edited)
{
  for (guint i = 0; i < watches->len; i++)
    {
      Watch *watch = &g_array_index (watches, Watch, i);

      if (i == edited)
        continue;
      g_assert_cmpuint (watch->label_changes, ==, 0);
      g_assert_cmpuint (watch->icon_changes, ==, 0);
      g_assert_cmpuint (watch->tooltip_changes, ==, 0);
    }
}


static gboolean
row_shows (Watch      *watch,
           const char *total,
           const char *icon)
{
  return g_strcmp0 (zp_test_row_total (watch->row), total) == 0 &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (watch->icon)), icon) == 0;
}

/* 科技条件专项, first row: 视频会议设备年度巡检次数, target ≥4 次, weight 2. */
static void
test_edit_updates_own_row (void)
{
  ZpWindow *window = zp_test_open_example (1280, 900);
  ZpWorkbook *workbook = zp_window_get_workbook (window);
  ZpForm *form = zp_workbook_get_form (workbook, 1);
  GtkWidget *actual;
  GArray *watches;
  Watch *edited;
  g_autofree char *error_tooltip = NULL;
  g_autofree char *first_icon = NULL;
  g_autofree char *first_tooltip = NULL;
  const char *first_class;

  zp_window_show_form (window, form);
  zp_test_wait_for (zp_test_table (zp_window_get_form_editor (window), 0) != NULL &&
                    zp_test_cell (zp_test_table (zp_window_get_form_editor (window), 0),
                                                 0, "actual") != NULL);
  actual = zp_test_cell (zp_test_table (zp_window_get_form_editor (window), 0), 0, "actual");
  zp_test_wait_for_frames (GTK_WIDGET (window), 2);
  watches = watch_rows (window);
  edited = &g_array_index (watches, Watch, 1);
  /* the seed's form is complete or has warnings */
  first_icon = g_strdup (gtk_image_get_icon_name (GTK_IMAGE (edited->icon)));
  first_tooltip = g_strdup (gtk_widget_get_tooltip_text (edited->icon));
  first_class = gtk_widget_has_css_class (edited->icon, "success") ? "success" : "warning";
  g_assert_true (gtk_widget_has_css_class (edited->icon, first_class));
  g_assert_true (row_shows (edited, "100.00", first_icon));
  g_assert_cmpstr (first_icon, !=, "dialog-error-symbolic");

  /* 2 of ≥4: 1.00 of 2, and a shortfall without a deviation note is an error. */
  gtk_editable_set_text (GTK_EDITABLE (actual), "2 次");
  zp_test_wait_for (row_shows (edited, "99.00", "dialog-error-symbolic"));
  zp_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (row_shows (edited, "99.00", "dialog-error-symbolic"));
  g_assert_cmpuint (edited->icon_changes, >=, 1);
  g_assert_true (gtk_widget_has_css_class (edited->icon, "error"));
  g_assert_false (gtk_widget_has_css_class (edited->icon, first_class));
  error_tooltip = g_strdup (gtk_widget_get_tooltip_text (edited->icon));
  g_assert_true (g_str_has_prefix (error_tooltip, "Has errors: 1 errors"));
  assert_others_untouched (watches, 1);

  /* 3 of ≥4: the total moves, the status and its counts do not, so the icon and its
   * description are left alone. */
  reset_counts (watches);
  gtk_editable_set_text (GTK_EDITABLE (actual), "3 次");
  zp_test_wait_for (row_shows (edited, "99.50", "dialog-error-symbolic"));
  zp_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (edited->label_changes, ==, 1);
  g_assert_cmpuint (edited->icon_changes, ==, 0);
  g_assert_cmpuint (edited->tooltip_changes, ==, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (edited->icon), ==, error_tooltip);
  assert_others_untouched (watches, 1);

  /* Back to the target: the first status again, the icon and its colour follow. */
  reset_counts (watches);
  gtk_editable_set_text (GTK_EDITABLE (actual), "4 次");
  zp_test_wait_for (row_shows (edited, "100.00", first_icon));
  zp_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (edited->icon_changes, >=, 1);
  g_assert_true (gtk_widget_has_css_class (edited->icon, first_class));
  g_assert_false (gtk_widget_has_css_class (edited->icon, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (edited->icon), ==, first_tooltip);
  assert_others_untouched (watches, 1);

  unwatch_rows (watches);
  zp_test_close_window (window);
}

static void
count_texts (GPtrArray *cells,
             guint     *counter)
{
  for (guint i = 0; i < cells->len; i++)
    g_signal_connect_swapped (g_ptr_array_index (cells, i), "notify::text", G_CALLBACK (count_change), counter);
}

static gboolean
shows_text (GPtrArray  *cells,
            const char *text)
{
  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (gtk_inscription_get_text (g_ptr_array_index (cells, i)), text) == 0)
      return TRUE;
  return FALSE;
}

static GPtrArray *
review_cells (ZpWindow *window)
{
  return find_all (zp_test_find_by_type (GTK_WIDGET (window), ZP_TYPE_REVIEW_PAGE), GTK_TYPE_INSCRIPTION);
}

/* Whether the review page's shown cells include one with text. */
static gboolean
review_shows (ZpWindow   *window,
              const char *text)
{
  g_autoptr(GPtrArray) cells = review_cells (window);

  return shows_text (cells, text);
}

/* The review page was shown, then the form again: typing there changes none of the
 * review's cells until the review is shown again, which then shows the new total. */
static void
test_hidden_review_waits (void)
{
  ZpWindow *window = zp_test_open_example (1280, 900);
  ZpForm *form = zp_workbook_get_form (zp_window_get_workbook (window), 1);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  GtkWidget *actual;
  guint changes = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  zp_test_wait_for (review_shows (window, "100.00"));
  cells = review_cells (window);
  g_assert_false (shows_text (cells, "99.00"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  zp_window_show_form (window, form);
  zp_test_wait_for (zp_test_table (zp_window_get_form_editor (window), 0) != NULL &&
                    zp_test_cell (zp_test_table (zp_window_get_form_editor (window), 0),
                                                 0, "actual") != NULL &&
                    !gtk_widget_get_mapped (g_ptr_array_index (cells, 0)));
  actual = zp_test_cell (zp_test_table (zp_window_get_form_editor (window), 0), 0, "actual");
  count_texts (cells, &changes);

  /* 2 of ≥4: the form's total becomes 99.00 and the sidebar shows it */
  gtk_editable_set_text (GTK_EDITABLE (actual), "2 次");
  zp_test_wait_for (g_strcmp0 (zp_form_get_total_display_text (form), "99.00") == 0);
  zp_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_false (shows_text (cells, "99.00"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  zp_test_wait_for (review_shows (window, "99.00"));
  shown = review_cells (window);
  g_assert_true (shows_text (shown, "99.00"));
  g_assert_cmpuint (changes, >, 0);

  for (guint i = 0; i < cells->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (cells, i), &changes);
  zp_test_close_window (window);
}

static void
count_values (GPtrArray *bars,
              guint     *counter)
{
  for (guint i = 0; i < bars->len; i++)
    g_signal_connect_swapped (g_ptr_array_index (bars, i), "notify::value", G_CALLBACK (count_change), counter);
}

/* 科技条件专项, first row (target ≥4 次, weight 2, in 产出指标 40 / 40): its state icon
 * follows the state and only its changes; the weight bars move only with the weights. */
static void
test_table_row (void)
{
  ZpWindow *window = zp_test_open_example (1280, 900);
  ZpForm *form = zp_workbook_get_form (zp_window_get_workbook (window), 1);
  ZpFormEditor *editor = zp_window_get_form_editor (window);
  ZpIndicatorTable *table;
  GtkWidget *actual, *weight, *state;
  g_autoptr(GPtrArray) bars = NULL;
  g_autofree char *first_icon = NULL;
  g_autofree char *missed_icon = NULL;
  g_autofree char *missed_tooltip = NULL;
  guint icon_changes = 0, tooltip_changes = 0, value_changes = 0;
  gboolean found = FALSE;

  zp_window_show_form (window, form);
  zp_test_wait_for (zp_test_table (editor, 0) != NULL &&
                    zp_test_cell (zp_test_table (editor, 0), 0, "state") != NULL);
  table = zp_test_table (editor, 0);
  actual = zp_test_cell (table, 0, "actual");
  weight = zp_test_cell (table, 0, "weight");
  state = zp_test_cell (table, 0, "state");
  g_assert_true (GTK_IS_IMAGE (state));
  zp_test_wait_for_frames (GTK_WIDGET (window), 2);
  bars = find_all (GTK_WIDGET (editor), GTK_TYPE_LEVEL_BAR);
  g_assert_cmpuint (bars->len, >, 0);
  first_icon = g_strdup (gtk_image_get_icon_name (GTK_IMAGE (state)));
  g_assert_nonnull (first_icon);
  g_signal_connect_swapped (state, "notify::icon-name", G_CALLBACK (count_change), &icon_changes);
  g_signal_connect_swapped (state, "notify::tooltip-text", G_CALLBACK (count_change), &tooltip_changes);
  count_values (bars, &value_changes);

  /* 2 of ≥4 misses the target: another icon; the weights are the same */
  gtk_editable_set_text (GTK_EDITABLE (actual), "2 次");
  zp_test_wait_for (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (state)), first_icon) != 0);
  zp_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (icon_changes, >=, 1);
  g_assert_cmpuint (value_changes, ==, 0);
  missed_icon = g_strdup (gtk_image_get_icon_name (GTK_IMAGE (state)));
  missed_tooltip = g_strdup (gtk_widget_get_tooltip_text (state));
  g_assert_nonnull (missed_tooltip);

  /* typing ".5" after the 2 (one insertion, as a paste: set_text would pass through an
   * empty cell): 2.5 of ≥4, rescored, the same state, so the icon is left alone */
  icon_changes = tooltip_changes = 0;
  {
    int position = 1;

    gtk_editable_insert_text (GTK_EDITABLE (actual), ".5", -1, &position);
  }
  zp_test_wait_for (g_strcmp0 (zp_indicator_get_actual (zp_goal_get_indicator (zp_form_get_goal (form, 0), 0)), "2.5 次") == 0 &&
                    g_strcmp0 (zp_form_get_total_display_text (form), "99.25") == 0);
  zp_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (state)), ==, missed_icon);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (state), ==, missed_tooltip);
  g_assert_cmpuint (icon_changes, ==, 0);
  g_assert_cmpuint (tooltip_changes, ==, 0);
  g_assert_cmpuint (value_changes, ==, 0);

  /* weight 1: 产出指标 39 / 40, and its bar shows the share */
  gtk_editable_set_text (GTK_EDITABLE (weight), "1");
  zp_test_wait_for (value_changes > 0);
  for (guint i = 0; i < bars->len; i++)
    found |= G_APPROX_VALUE (gtk_level_bar_get_value (g_ptr_array_index (bars, i)), 39.0 / 40.0, 1e-9);
  g_assert_true (found);

  g_signal_handlers_disconnect_by_data (state, &icon_changes);
  g_signal_handlers_disconnect_by_data (state, &tooltip_changes);
  for (guint i = 0; i < bars->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (bars, i), &value_changes);
  zp_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmpdir = zp_test_ui_setup (&argc, &argv, "updates");

  g_test_add_func ("/updates/sidebar-row", test_edit_updates_own_row);
  g_test_add_func ("/updates/table-row", test_table_row);
  g_test_add_func ("/updates/hidden-review-waits", test_hidden_review_waits);

  result = g_test_run ();
  return zp_test_ui_finish (tmpdir, result);
}
