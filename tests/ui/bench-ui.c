/* bench-ui.c — how the app copes with a large workbook (not a test: run by hand).
 *
 *   _build/bench/ziping-bench generate /tmp/district.ziping
 *   xvfb-run -a _build/tests/ui/bench-ui /tmp/district.ziping
 *
 * Prints: load and first form shown; review page shown and sorted by each column;
 * the review scrolled through; typing in an indicator cell: real keys sent through the
 * X server (XTest), at a human pace and back to back, each timed from its press reaching
 * the window to the frame clock's after-paint of the frame that shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>

#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>

#include "zp-window-private.h"

/* The first widget named name in root or below (the editor names its cells "cell-<field>"). */
static GtkWidget *
first_named (GtkWidget  *root,
             const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Sorts the review's table by the column headed title (in the UI's language), as a click
 * on its heading does. */
static void
sort_review (GtkColumnView *table,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), g_dgettext (GETTEXT_PACKAGE, title)) == 0)
        {
          gtk_column_view_sort_by_column (table, column, GTK_SORT_DESCENDING);
          return;
        }
    }
  g_error ("the review has no column headed %s", title);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Milliseconds since the kernel started this process (field 22 of /proc/self/stat, in clock
 * ticks since boot, against CLOCK_BOOTTIME): what a user waits for includes the dynamic
 * linker and the libraries' constructors, which happen before main(). */
static double
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  const char *field;
  struct timespec now;
  unsigned long long ticks = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (field = strrchr (stat, ')')) == NULL)
    return -1;
  /* after "pid (comm)": field 3 is the state; starttime is field 22 */
  for (int i = 3; i <= 22 && field != NULL; i++)
    field = strchr (field + 1, ' ');
  if (field == NULL)
    return -1;
  ticks = g_ascii_strtoull (field + 1, NULL, 10);
  clock_gettime (CLOCK_BOOTTIME, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6 - ticks * 1000.0 / sysconf (_SC_CLK_TCK);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
on_paint (GdkFrameClock *clock,
          GMainLoop     *loop)
{
  g_main_loop_quit (loop);
}

/* Runs the main loop until the next frame is painted. */
static double
until_painted (GtkWidget *widget,
               gint64     start)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id;
  guint timeout;

  gtk_widget_queue_draw (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_paint), loop);
  timeout = g_timeout_add (5000, quit_loop, loop);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (clock, id);
  g_source_remove (timeout);
  return ms_since (start);
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* every thread's CPU time: the main thread's plus the loader's */
static double
process_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static void
spin (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop, loop);
  g_main_loop_run (loop);
}

static Display *
x_display (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  return GDK_IS_X11_DISPLAY (display) ? gdk_x11_display_get_xdisplay (display) : NULL;
}

/* A real key press and release through the X server (XTest), as a keyboard makes them:
 * GTK reads it from its X connection like any other key. */
static void
send_key (ZpWindow *window,
          KeySym    keysym)
{
  Display *display = x_display (GTK_WIDGET (window));
  KeyCode keycode = XKeysymToKeycode (display, keysym);

  XTestFakeKeyEvent (display, keycode, True, CurrentTime);
  XTestFakeKeyEvent (display, keycode, False, CurrentTime);
  XFlush (display);
}

static gboolean
cell_has_focus (GtkWidget *cell)
{
  GtkRoot *root = gtk_widget_get_root (cell);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return gtk_window_is_active (GTK_WINDOW (root)) && focus != NULL &&
         (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

/* Gives the window the X input focus (Xvfb has no window manager) and the cell GTK's. */
static gboolean
focus_cell (ZpWindow  *window,
            GtkWidget *cell)
{
  Display *display = x_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (display == NULL)
    {
      g_printerr ("bench-ui: typing needs an X display (run it under xvfb-run)\n");
      return FALSE;
    }
  XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XFlush (display);
  gtk_widget_grab_focus (cell);
  gtk_editable_set_position (GTK_EDITABLE (cell), -1);
  while (!cell_has_focus (cell) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  if (!cell_has_focus (cell))
    {
      g_printerr ("bench-ui: the indicator cell did not get the keyboard focus\n");
      return FALSE;
    }
  return TRUE;
}

/* Sets the cell's text as a paste would, the cursor at its end, and waits for its frame. */
static void
set_cell_text (ZpWindow   *window,
               GtkWidget  *cell,
               const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  gtk_editable_set_position (GTK_EDITABLE (cell), -1);
  until_painted (GTK_WIDGET (window), g_get_monotonic_time ());
  spin (300);
}

/* One key's way from GTK receiving it to the frame that shows it. */
typedef struct
{
  GMainLoop *loop;
  gint64     pressed;     /* when the window's capture-phase controller saw the press */
  gboolean   pending;     /* pressed, its frame not painted yet */
  gboolean   edited;      /* the cell's text changed since the press */
  double     frame_ms;
  gint64     sent;        /* when XTest sent it */
  double     delivery_ms; /* from sending it to GTK handing it to the window */
} Key;

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Key                   *key)
{
  if (!key->pending)
    {
      key->pressed = g_get_monotonic_time ();
      key->delivery_ms = (key->pressed - key->sent) / 1000.0;
      key->pending = TRUE;
      key->edited = FALSE;
    }
  return FALSE;  /* the cell handles it as usual */
}

static void
on_cell_changed (GtkEditable *cell,
                 Key         *key)
{
  if (key->pending)
    key->edited = TRUE;
}

static void
on_key_painted (GdkFrameClock *clock,
                Key           *key)
{
  if (!key->pending || !key->edited)
    return;
  key->frame_ms = ms_since (key->pressed);
  key->pending = FALSE;
  g_main_loop_quit (key->loop);
}

/* Prints the median and the slowest of values (sorting them); returns the median. */
static double
print_figures (const char *label,
               const char *what,
               GArray     *values)
{
  g_array_sort (values, compare_doubles);
  g_print ("%s: %s: median %.1f ms, slowest %.1f ms (%u keys)\n", label, what,
           g_array_index (values, double, values->len / 2),
           g_array_index (values, double, values->len - 1), values->len);
  return g_array_index (values, double, values->len / 2);
}

/* Types n keys into the focused cell, a digit then BackSpace (so the text stays short),
 * pause_ms after each key's frame, and prints each key's time from its press reaching
 * GTK to the frame clock's after-paint of the frame that shows it, and the main thread's
 * CPU time from sending it to that frame; their medians into frame_ms and cpu_ms. */
static void
type_keys (ZpWindow   *window,
           GtkWidget  *cell,
           int         n,
           guint       pause_ms,
           const char *label,
           double     *frame_ms,
           double     *cpu_ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) deliveries = g_array_new (FALSE, FALSE, sizeof (double));
  GtkEventController *controller = gtk_event_controller_key_new ();
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Key key = { .loop = loop };
  gulong paint_id, changed_id;

  *frame_ms = *cpu_ms = -1;
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), &key);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_key_painted), &key);
  changed_id = g_signal_connect (cell, "changed", G_CALLBACK (on_cell_changed), &key);

  for (int i = 0; i < n; i++)
    {
      guint timeout;
      double cpu;

      if (pause_ms > 0)
        spin (pause_ms);
      cpu = thread_cpu_ms ();
      key.sent = g_get_monotonic_time ();
      send_key (window, i % 2 == 0 ? XK_1 + (i / 2) % 9 : XK_BackSpace);
      timeout = g_timeout_add (5000, quit_loop, loop);
      g_main_loop_run (loop);
      g_source_remove (timeout);
      if (key.pending || !key.edited)
        {
          g_printerr ("bench-ui: key %d did not reach the cell or was not painted\n", i);
          break;
        }
      cpu = thread_cpu_ms () - cpu;
      g_array_append_val (frames, key.frame_ms);
      g_array_append_val (cpus, cpu);
      g_array_append_val (deliveries, key.delivery_ms);
    }
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handler_disconnect (cell, changed_id);
  gtk_widget_remove_controller (GTK_WIDGET (window), controller);
  if (frames->len == 0)
    return;
  *frame_ms = print_figures (label, "key press to painted frame", frames);
  /* the part before: the X server, and GDK holding events back while it paints a frame */
  print_figures (label, "key sent (XTest) to its press reaching the window", deliveries);
  /* the main thread's own time: what other processes on a busy machine do not inflate */
  *cpu_ms = print_figures (label, "main-thread CPU per key and its frame", cpus);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  ZpWindow *window;
  GtkColumnView *review;
  GtkAdjustment *vadjustment;
  GtkWidget *cell;
  /* the headings of the columns sorted, and what the report calls them */
  const char *columns[][2] = { { "Form", "title" }, { "B/A", "rate" }, { "Total", "total" },
                               { "Errors", "errors" }, { "Warnings", "warnings" }, { "By Hand", "overrides" } };
  gint64 start, main_started = g_get_monotonic_time ();
  double worst = 0, first_form = -1, key_frame, key_cpu, back_frame, back_cpu, flip_frame, flip_cpu;
  g_autofree char *seed_text = NULL;
  /* BENCH_KEYSTROKES=300 for a profile of typing alone */
  int keystrokes = g_getenv ("BENCH_KEYSTROKES") ? atoi (g_getenv ("BENCH_KEYSTROKES")) : 60;

  if (argc < 2)
    {
      g_printerr ("usage: bench-ui FILE.ziping\n");
      return 1;
    }
  gtk_init ();
  adw_init ();
  g_set_prgname ("ziping");
  file = g_file_new_for_commandline_arg (argv[1]);

  /* as ZpApplication's open does: the window is presented, then the file is opened */
  window = zp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  start = g_get_monotonic_time ();
  zp_window_open (window, file);
  while (zp_document_get_busy (zp_window_get_document (window)) || window->opening != NULL)
    g_main_context_iteration (NULL, TRUE);
  if (zp_window_get_workbook (window) == NULL)
    return 1;
  g_print ("open: workbook loaded (worker) and first form set up: %.0f ms\n", ms_since (start));
  {
    double painted = until_painted (GTK_WIDGET (window), start);
    double since_main = ms_since (main_started), since_process = ms_since_process_start ();

    g_print ("open: first form painted: %.0f ms after the load began, %.0f ms after main(), "
             "%.0f ms after the process started (CPU: main thread %.0f ms, process %.0f ms)\n",
             painted, since_main, since_process, thread_cpu_ms (), process_cpu_ms ());
    first_form = since_process;
  }
  spin (300);

  start = g_get_monotonic_time ();
  g_print ("baseline: a frame with nothing changed: %.0f ms\n", until_painted (GTK_WIDGET (window), start));

  review = GTK_COLUMN_VIEW (first_named (GTK_WIDGET (window), "review-table"));
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  g_print ("review: shown and painted: %.0f ms\n", until_painted (GTK_WIDGET (window), start));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      start = g_get_monotonic_time ();
      sort_review (review, columns[i][0]);
      g_print ("review: sorted by %s and painted: %.0f ms\n", columns[i][1],
               until_painted (GTK_WIDGET (window), start));
    }

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (review));
  for (int step = 0; step < 60; step++)
    {
      double frame;

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + 600);
      frame = until_painted (GTK_WIDGET (window), start);
      worst = MAX (worst, frame);
    }
  g_print ("review: 60 scroll steps of 600 px, slowest frame: %.0f ms\n", worst);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  zp_window_show_form (window, zp_workbook_get_form (zp_window_get_workbook (window), 1));
  spin (500);
  cell = first_named (GTK_WIDGET (zp_window_get_form_editor (window)), "cell-actual");  /* goal 0, row 0 */
  start = g_get_monotonic_time ();
  gtk_widget_queue_resize (GTK_WIDGET (zp_window_get_form_editor (window)));
  g_print ("editor: relayout and paint: %.0f ms\n", until_painted (GTK_WIDGET (window), start));

  if (!focus_cell (window, cell))
    return 1;
  seed_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell)));
  /* A number below the row's target (≥100平方米 in the generated workbook): "9", then a
   * digit and BackSpace ("91", "9", "92", …): every key rescores the form and changes its
   * total, its status stays. A typist: keys about 120 ms apart, each landing wherever the
   * frame clock happens to be; then the next key as soon as the last one's frame is painted. */
  set_cell_text (window, cell, "9");
  type_keys (window, cell, keystrokes, 120, "typing a number, human pace (120 ms apart)", &key_frame, &key_cpu);
  type_keys (window, cell, keystrokes, 0, "typing a number, back to back", &back_frame, &back_cpu);
  /* The cell's own text ("100平方米") and a digit after its unit, then BackSpace: each key
   * makes the value unreadable or readable again, so the form's status changes with each. */
  set_cell_text (window, cell, seed_text);
  type_keys (window, cell, keystrokes, 120, "typing that changes the status, human pace", &flip_frame, &flip_cpu);
  type_keys (window, cell, keystrokes, 0, "typing that changes the status, back to back", &flip_frame, &flip_cpu);
  {
    /* what the pause after typing costs: the checks panel's refresh (cross-form checks) */
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
    ZpChecksPanel *panel = window->checks_panel;  /* the private struct: a benchmark */
    gulong id = g_signal_connect_swapped (panel, "refreshed", G_CALLBACK (g_main_loop_quit), loop);
    double cpu = thread_cpu_ms ();

    send_key (window, XK_1);
    g_timeout_add (5000, quit_loop, loop);
    g_main_loop_run (loop);
    g_signal_handler_disconnect (panel, id);
    g_print ("typing: a key, then the pause: main-thread CPU until the checks panel refreshed: %.1f ms\n",
             thread_cpu_ms () - cpu);
  }

  /* for bench/bench-scale.c (--gui): `key value` lines, in µs */
  g_print ("first_form_painted_us %.0f\n", first_form * 1000);
  g_print ("keystroke_frame_us %.0f\n", key_frame * 1000);
  g_print ("keystroke_cpu_us %.0f\n", key_cpu * 1000);

  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
