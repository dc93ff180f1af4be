/* bench-ui.c — how the app copes with a large workbook (not a test: run by hand).
 *
 *   _build-gui/bench/ziping-bench generate /tmp/district.ziping
 *   xvfb-run -a _build-gui/tests/ui/bench-ui /tmp/district.ziping
 *
 * Prints: load and first form shown; review page shown and sorted by each column;
 * the review scrolled through; one keystroke in an indicator cell (rescore, sidebar,
 * checks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  ZpWindow *window;
  ZpReviewPage *review;
  GtkAdjustment *vadjustment;
  GtkWidget *cell;
  const char *columns[] = { "title", "rate", "total", "errors", "warnings", "overrides" };
  gint64 start, main_started = g_get_monotonic_time ();
  double worst = 0;
  /* BENCH_KEYSTROKES=300 for a profile of typing alone */
  int keystrokes = g_getenv ("BENCH_KEYSTROKES") ? atoi (g_getenv ("BENCH_KEYSTROKES")) : 40;

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
  }
  spin (300);

  start = g_get_monotonic_time ();
  g_print ("baseline: a frame with nothing changed: %.0f ms\n", until_painted (GTK_WIDGET (window), start));

  review = window->review_page;  /* the private struct: a benchmark, not a test */
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  g_print ("review: shown and painted: %.0f ms\n", until_painted (GTK_WIDGET (window), start));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      start = g_get_monotonic_time ();
      zp_review_page_sort_by (review, columns[i], GTK_SORT_DESCENDING);
      g_print ("review: sorted by %s and painted: %.0f ms\n", columns[i],
               until_painted (GTK_WIDGET (window), start));
    }

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (zp_review_page_get_view (review)));
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
  {
    g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) models = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));

    for (int key = 0; key < keystrokes; key++)
      {
        g_autofree char *text = g_strdup_printf ("%d", 10 + key);
        double model, frame;

        double cpu = thread_cpu_ms ();

        start = g_get_monotonic_time ();
        gtk_editable_set_text (GTK_EDITABLE (cell), text);
        model = ms_since (start);
        frame = until_painted (GTK_WIDGET (window), start);
        cpu = thread_cpu_ms () - cpu;
        g_array_append_val (models, model);
        g_array_append_val (frames, frame);
        g_array_append_val (cpus, cpu);
      }
    g_array_sort (models, compare_doubles);
    g_array_sort (frames, compare_doubles);
    g_array_sort (cpus, compare_doubles);
    g_print ("typing: %d keystrokes, model and views updated: median %.1f ms\n", keystrokes,
             g_array_index (models, double, models->len / 2));
    g_print ("typing: keystroke to painted frame: median %.1f ms, slowest %.1f ms\n",
             g_array_index (frames, double, frames->len / 2), g_array_index (frames, double, frames->len - 1));
    /* the main thread's own time: what other processes on a busy machine do not inflate */
    g_print ("typing: main-thread CPU per keystroke and its frame: median %.1f ms, slowest %.1f ms\n",
             g_array_index (cpus, double, cpus->len / 2), g_array_index (cpus, double, cpus->len - 1));
  }

  window->force_close = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
