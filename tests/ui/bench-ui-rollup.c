/* bench-ui-rollup.c — the roll-up window on a folder of workbooks (issue 10): the time
 * from opening the folder to its rows on screen, the read (worker and rows) part of it, and the peak
 * memory. Not a test. Generate a folder with `ziping-bench-rollup generate DIR 500 10`,
 * then under a display:
 *
 *   bench-ui-rollup DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <glib/gi18n.h>

#include "ziping-core.h"
#include "zp-rollup-window.h"

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* The widget named name (the .ui's) in root or below it. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
rows_shown (ZpRollupWindow *rollup)
{
  GtkWidget *view = find_named (GTK_WIDGET (rollup), "rollup-rows");

  return !zp_rollup_window_get_busy (rollup) && gtk_widget_get_mapped (view)
         && gtk_widget_get_height (view) > 100;
}

/* The folder read: the worker's part, and the rows put into the list. */
static void
on_busy (ZpRollupWindow *rollup,
         GParamSpec     *pspec,
         gint64         *read_at)
{
  if (!zp_rollup_window_get_busy (rollup) && *read_at == 0)
    *read_at = g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) folder = NULL;
  ZpRollupWindow *rollup;
  gint64 started, read_at = 0;
  double shown_ms;
  struct rusage usage;
  guint wake;

  if (argc != 2)
    {
      g_printerr ("usage: %s DIR\n", argv[0]);
      return 2;
    }
  setlocale (LC_ALL, "");
  zp_core_init_i18n ();
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  folder = g_file_new_for_commandline_arg (argv[1]);
  started = g_get_monotonic_time ();
  rollup = zp_rollup_window_new (NULL, folder);
  g_signal_connect (rollup, "notify::busy", G_CALLBACK (on_busy), &read_at);
  gtk_window_set_default_size (GTK_WINDOW (rollup), 1280, 800);
  gtk_window_present (GTK_WINDOW (rollup));
  wake = g_timeout_add (5, wake_up, NULL);
  while (!rows_shown (rollup))
    g_main_context_iteration (NULL, TRUE);
  /* one more frame: the rows drawn */
  g_main_context_iteration (NULL, FALSE);
  shown_ms = (g_get_monotonic_time () - started) / 1000.0;
  g_source_remove (wake);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("rows: %u\nfolder read (load, check, 汇总表 in the worker; rows into the list): %.0f ms\n"
           "folder opened to rows shown: %.0f ms\npeak RSS: %ld MB\n",
           g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
             GTK_COLUMN_VIEW (find_named (GTK_WIDGET (rollup), "rollup-rows"))))),
           (read_at - started) / 1000.0, shown_ms, usage.ru_maxrss / 1024);
  /* For a screenshot: ZIPING_BENCH_HOLD=SECONDS keeps the window up. */
  if (g_getenv ("ZIPING_BENCH_HOLD") != NULL)
    {
      gint64 until = g_get_monotonic_time () + g_ascii_strtoll (g_getenv ("ZIPING_BENCH_HOLD"), NULL, 10) * G_USEC_PER_SEC;

      wake = g_timeout_add (50, wake_up, NULL);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (wake);
    }
  gtk_window_destroy (GTK_WINDOW (rollup));
  return 0;
}
