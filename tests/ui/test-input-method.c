/* test-input-method.c — typing Chinese in the indicator table through an input method:
 * Enter and Tab while a composition is open belong to the input method (they commit or
 * stay in it), not to the table's moves between cells.
 *
 * The keys go through the X server (xdotool, XTest) so that they take the path a user's
 * do: window, entry, text and its input method context. The input method is GTK's own
 * (gtk-im-context-simple): Ctrl+Shift+U starts a Unicode composition whose preedit is
 * "u4e2d" until space or Enter commits 中; another key there (Tab, ↓) stays in it.
 * Run under Xvfb: xvfb-run -a meson test -C _build --suite ui
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "zp-form-editor.h"
#include "zp-indicator-table.h"
#include "zp-test-form.h"
#include "zp-test-ui.h"

static char *tmpdir;

/* Sends keys to the focused X window: xdotool's arguments, split at spaces. */
static void
xdotool (const char *args)
{
  g_autofree char *command = g_strconcat ("xdotool ", args, NULL);
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error))
    g_error ("%s: %s (install xdotool)", command, error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The first shown widget of a type in widget or below. */
static gpointer
find_shown (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_shown (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_focus (ZpWindow  *window,
           GtkWidget *cell)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

static const char *
text_of (GtkWidget *cell)
{
  return gtk_editable_get_text (GTK_EDITABLE (cell));
}

typedef struct
{
  ZpWindow         *window;
  ZpIndicatorTable *table;
  GString          *preedit;   /* the shown composition of the focused cell */
} Fixture;

static void
on_preedit_changed (GtkText    *text,
                    const char *preedit,
                    Fixture    *fixture)
{
  g_string_assign (fixture->preedit, preedit);
}

static GtkWidget *
cell (Fixture    *fixture,
      guint       row,
      const char *field)
{
  GtkWidget *widget = zp_test_cell (fixture->table, row, field);
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (widget));

  g_signal_handlers_disconnect_by_func (text, on_preedit_changed, fixture);
  g_signal_connect (text, "preedit-changed", G_CALLBACK (on_preedit_changed), fixture);
  return widget;
}

/* Empties the cell, focuses it, and opens a composition of 中 in it. */
static void
start_composing (Fixture   *fixture,
                 GtkWidget *widget)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), "");
  gtk_widget_grab_focus (widget);
  zp_test_wait_for (has_focus (fixture->window, widget));
  xdotool ("key ctrl+shift+u");
  xdotool ("type 4e2d");
  zp_test_wait_for (g_str_equal (fixture->preedit->str, "u4e2d"));
}

/* A window on the example, active (it has the X keyboard focus), with a project form's
 * first table laid out. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ZpWorkbook *workbook;
  GdkSurface *surface;
  g_autofree char *focus = NULL;

  g_assert_true (GDK_IS_X11_DISPLAY (gdk_display_get_default ()));
  fixture->preedit = g_string_new (NULL);
  fixture->window = zp_test_open_example (1280, 800);
  workbook = zp_window_get_workbook (fixture->window);
  zp_window_show_form (fixture->window, zp_workbook_get_form (workbook, 1));
  zp_test_wait_for ((fixture->table = find_shown (GTK_WIDGET (fixture->window), ZP_TYPE_INDICATOR_TABLE)) != NULL &&
                    zp_test_cell (fixture->table, 1, "name") != NULL &&
                    gtk_widget_get_mapped (zp_test_cell (fixture->table, 1, "name")));
  zp_form_editor_scroll_to_indicators (find_shown (GTK_WIDGET (fixture->window), ZP_TYPE_FORM_EDITOR));
  zp_test_wait_for (zp_test_is_on_screen (zp_test_cell (fixture->table, 1, "name")));
  surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  focus = g_strdup_printf ("windowfocus --sync %lu", (gulong) gdk_x11_surface_get_xid (surface));
  xdotool (focus);
  zp_test_wait_for (gtk_window_is_active (GTK_WINDOW (fixture->window)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  zp_test_close_window (fixture->window);
  g_string_free (fixture->preedit, TRUE);
}

/* Enter during the composition commits it and stays in the cell; the next Enter moves
 * down the column as usual. */
static void
test_enter_commits (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *name0 = cell (fixture, 0, "name");
  GtkWidget *name1 = cell (fixture, 1, "name");

  start_composing (fixture, name0);
  xdotool ("key Return");
  zp_test_wait_for (fixture->preedit->len == 0);
  zp_test_wait_for (g_str_equal (text_of (name0), "中"));
  g_assert_true (has_focus (fixture->window, name0));
  xdotool ("key Return");
  zp_test_wait_for (has_focus (fixture->window, name1));
  g_assert_cmpstr (text_of (name0), ==, "中");
}

/* Tab and ↓ during the composition stay in it (the input method takes them); once it is
 * committed, Tab moves to the next cell and ↓ down the column. */
static void
test_tab_and_down_stay (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *name0 = cell (fixture, 0, "name");
  GtkWidget *target0 = cell (fixture, 0, "target");
  GtkWidget *name1 = cell (fixture, 1, "name");

  start_composing (fixture, name0);
  xdotool ("key Tab");
  xdotool ("key Down");
  xdotool ("key space");
  /* the keys come in order: once the space has committed, Tab and ↓ were handled */
  zp_test_wait_for (g_str_equal (text_of (name0), "中"));
  g_assert_cmpuint (fixture->preedit->len, ==, 0);
  g_assert_true (has_focus (fixture->window, name0));
  xdotool ("key Tab");
  zp_test_wait_for (has_focus (fixture->window, target0));
  gtk_widget_grab_focus (name0);
  xdotool ("key Down");
  zp_test_wait_for (has_focus (fixture->window, name1));
  g_assert_cmpstr (text_of (name0), ==, "中");
}

static gboolean
popover_shown (GtkWidget *parent)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return TRUE;
  return FALSE;
}

/* Without a composition the cell's text lets the moves through to the table: ↑,
 * Shift+Tab, and F4 / Alt+↓ on 一级 (the standard names). */
static void
test_moves_without_composition (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *name0 = cell (fixture, 0, "name");
  GtkWidget *name1 = cell (fixture, 1, "name");
  GtkWidget *subcategory1 = cell (fixture, 1, "subcategory");
  GtkWidget *category1 = cell (fixture, 1, "category");

  gtk_widget_grab_focus (name1);
  zp_test_wait_for (has_focus (fixture->window, name1));
  xdotool ("key Up");
  zp_test_wait_for (has_focus (fixture->window, name0));
  gtk_widget_grab_focus (name1);
  xdotool ("key shift+Tab");
  zp_test_wait_for (has_focus (fixture->window, subcategory1));
  gtk_widget_grab_focus (category1);
  xdotool ("key F4");
  zp_test_wait_for (popover_shown (category1));
  xdotool ("key Escape");
  zp_test_wait_for (!popover_shown (category1));
  gtk_widget_grab_focus (category1);
  xdotool ("key alt+Down");
  zp_test_wait_for (popover_shown (category1));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* GTK's own input method, the same on every machine (not the desktop's ibus) */
  g_setenv ("GTK_IM_MODULE", "gtk-im-context-simple", TRUE);
  tmpdir = zp_test_ui_setup (&argc, &argv, "im");

  g_test_add ("/input-method/enter-commits", Fixture, NULL,
              fixture_set_up, test_enter_commits, fixture_tear_down);
  g_test_add ("/input-method/tab-and-down-stay", Fixture, NULL,
              fixture_set_up, test_tab_and_down_stay, fixture_tear_down);
  g_test_add ("/input-method/moves-without-composition", Fixture, NULL,
              fixture_set_up, test_moves_without_composition, fixture_tear_down);

  result = g_test_run ();
  return zp_test_ui_finish (tmpdir, result);
}
