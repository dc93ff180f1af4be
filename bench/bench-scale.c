/* bench-scale.c — every job a user waits for, at 250, 1,000, 2,000 (and 8,000) project
 * forms, against the fastest JSON parser measured here, and how each grows.
 *
 *   ziping-bench scale DIR CLI [--large] [--repeat N] [--gui BENCH-UI]
 *
 * DIR holds the generated workbooks (made once: scale-N.ziping, and 500 small workbooks
 * in DIR/small/); CLI is the built ziping-cli. --large adds 8,000 forms (about 2 minutes
 * more on 2 cores); N runs of each job (3), the median reported. The runs are paired:
 * each round runs every job at every size, so a busy machine slows all of them alike.
 *
 * The yardstick is json-c parsing the file (json_tokener_parse_ex on the bytes already
 * read, in ziping-bench-jsonc: json-c and json-glib export functions of the same names,
 * so they cannot share a process): the fastest parser measured here, about half of
 * json-glib's time. The goal is
 * load + score + check ≤ 1.5 × that at 2,000 and 8,000 forms, and every job growing at
 * most 4.4 × from 2,000 to 8,000 forms (within 10 % of linear).
 *
 * Times are CPU time (user + system): on a machine shared with builds and other
 * benchmarks, wall time mostly measures the neighbours (one run saw 87 s of wall time for
 * 35 s of CPU), and the growth from 2,000 to 8,000 forms would measure their load too.
 * The in-process phases (parse, load, save) run as `ziping-bench phase …` children and
 * time their own work (bench-core.c); the CLI jobs are whole processes (wait4), so they
 * include starting and loading the workbook, as a user waits for them; their peak memory
 * is the child's maximum resident set.
 *
 * With --gui (under a display: xvfb-run), the app's window is timed too, by the GUI
 * benchmark tests/ui/bench-ui in a process of its own per size: process start to the
 * first form painted, and keystroke to painted frame. Those are wall times (a user waits
 * for the screen, not for the CPU), so they are the figures most sensitive to neighbours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "bench-scale.h"

#define N_SMALL          500
#define SMALL_PROJECTS   4
#define GROWTH_GOAL      4.4
#define YARDSTICK_GOAL   1.5

static const guint sizes[] = { 250, 1000, 2000, 8000 };
#define N_SIZES G_N_ELEMENTS (sizes)
#define LARGE_INDEX 3
#define BASE_INDEX  2   /* growth is from 2,000 to 8,000 */

typedef enum
{
  JOB_JSONC,
  JOB_JSONGLIB,
  JOB_LOAD,
  JOB_SAVE,
  JOB_SCORE_JSON,
  JOB_SUMMARY,
  JOB_CSV,
  JOB_XLSX,
  JOB_PDF,
  JOB_GUI_FIRST_FORM,
  JOB_GUI_KEYSTROKE,
  JOB_GUI_KEYSTROKE_CPU,
  N_JOBS
} Job;

static const char *job_names[N_JOBS] = {
  "json-c parse (yardstick)",
  "json-glib parse",
  "load + score + check",
  "save (zp_workbook_save)",
  "ziping-cli score --json",
  "ziping-cli summary",
  "ziping-cli export csv",
  "ziping-cli export xlsx",
  "ziping-cli export pdf",
  "GUI: first form (wall)",
  "GUI: key → frame (wall)",
  "GUI: key, main-thread CPU",
};

/* What tests/ui/bench-ui prints for each GUI job, in µs. */
static const char *gui_keys[] = {
  "first_form_painted_us",
  "keystroke_frame_us",
  "keystroke_cpu_us",
};

#define IS_GUI_JOB(j) ((j) >= JOB_GUI_FIRST_FORM)

typedef struct
{
  GArray *us[N_JOBS][N_SIZES];   /* gint64 per run */
  GArray *kb[N_JOBS][N_SIZES];
  GArray *small_us, *small_kb;
} Results;

/* ---- children ---- */

/* Runs argv with stdout and stderr to /dev/null (or stdout into `out`); returns the
 * child's CPU time (user + system) in µs, and its peak resident set in kB. */
static gint64
run_child (const char * const *argv,
           char              **out,
           gint64             *peak_kb)
{
  int pipe_fds[2] = { -1, -1 };
  struct rusage usage = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  int status = 0;
  pid_t pid;

  if (out != NULL && pipe (pipe_fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      int null_fd = open ("/dev/null", O_WRONLY);

      dup2 (out != NULL ? pipe_fds[1] : null_fd, STDOUT_FILENO);
      dup2 (null_fd, STDERR_FILENO);
      if (out != NULL)
        close (pipe_fds[0]);
      execv (argv[0], (char **) argv);
      _exit (127);
    }
  if (out != NULL)
    {
      char buffer[4096];
      gssize n;

      close (pipe_fds[1]);
      while ((n = read (pipe_fds[0], buffer, sizeof buffer)) > 0)
        g_string_append_len (text, buffer, n);
      close (pipe_fds[0]);
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4: %s", g_strerror (errno));
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed (status %d)", argv[0], argv[1], status);

  if (peak_kb != NULL)
    *peak_kb = usage.ru_maxrss;
  if (out != NULL)
    *out = g_string_free (g_steal_pointer (&text), FALSE);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* The value of `key` in a child's `key value` lines; -1 if it printed none. */
static gint64
value_of (const char *out,
          const char *key)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  gint64 value = -1;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (lines[i], " ", 2);

      if (pair[0] != NULL && pair[1] != NULL && strcmp (pair[0], key) == 0)
        value = g_ascii_strtoll (pair[1], NULL, 10);
    }
  return value;
}

/* A `ziping-bench phase NAME FILE` child: the value printed under `key`. */
static gint64
run_phase (const char *self,
           const char *phase,
           const char *path,
           const char *key,
           const char *peak_key,
           gint64     *peak_kb)
{
  const char *argv[] = { self, "phase", phase, path, NULL };
  g_autofree char *out = NULL;
  gint64 value;

  run_child (argv, &out, NULL);
  value = value_of (out, key);
  if (peak_key != NULL)
    *peak_kb = value_of (out, peak_key);
  if (value < 0)
    g_error ("phase %s printed no %s", phase, key);
  return value;
}

/* ---- the workbooks ---- */

static void
save_workbook (ZpWorkbook *workbook,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!zp_workbook_save (workbook, file, &error))
    g_error ("%s", error->message);
}

static char *
sized_path (const char *dir,
            guint       n)
{
  g_autofree char *name = g_strdup_printf ("scale-%u.ziping", n);

  return g_build_filename (dir, name, NULL);
}

static GPtrArray *
prepare_workbooks (const char *dir,
                   guint       n_sizes)
{
  g_autofree char *small_dir = g_build_filename (dir, "small", NULL);
  GPtrArray *small = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ZpWorkbook) small_workbook = NULL;

  g_mkdir_with_parents (small_dir, 0755);
  for (guint s = 0; s < n_sizes; s++)
    {
      g_autofree char *path = sized_path (dir, sizes[s]);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autoptr(ZpWorkbook) workbook = bench_generate_workbook (sizes[s]);

          fprintf (stderr, "generating %s\n", path);
          save_workbook (workbook, path);
        }
    }

  for (guint i = 0; i < N_SMALL; i++)
    {
      g_autofree char *name = g_strdup_printf ("unit-%03u.ziping", i);
      char *path = g_build_filename (small_dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (small_workbook == NULL)
            small_workbook = bench_generate_workbook (SMALL_PROJECTS);
          save_workbook (small_workbook, path);
        }
      g_ptr_array_add (small, path);
    }
  return small;
}

/* ---- one round ---- */

static void
add (GArray *values,
     gint64  value)
{
  g_array_append_val (values, value);
}

static gint64
run_cli (const char *cli,
         const char *a,
         const char *b,
         const char *c,
         const char *d,
         const char *e,
         const char *f,
         gint64     *peak_kb)
{
  const char *argv[] = { cli, a, b, c, d, e, f, NULL };

  return run_child (argv, NULL, peak_kb);
}

/* One bench-ui process on the workbook at `path`: its figures into size s's columns. */
static void
run_gui (Results    *results,
         const char *bench_ui,
         const char *path,
         guint       s)
{
  const char *argv[] = { bench_ui, path, NULL };
  g_autofree char *out = NULL;
  gint64 kb = -1;

  run_child (argv, &out, &kb);
  for (guint j = JOB_GUI_FIRST_FORM; j < N_JOBS; j++)
    {
      gint64 value = value_of (out, gui_keys[j - JOB_GUI_FIRST_FORM]);

      if (value < 0)
        g_error ("%s printed no %s", bench_ui, gui_keys[j - JOB_GUI_FIRST_FORM]);
      add (results->us[j][s], value);
      add (results->kb[j][s], kb);
    }
}

static void
run_round (Results    *results,
           const char *self,
           const char *cli,
           const char *dir,
           guint       n_sizes,
           GPtrArray  *small,
           const char *jsonc,
           const char *bench_ui)
{
  const char *formats[] = { "csv", "xlsx", "pdf" };

  for (guint s = 0; s < n_sizes; s++)
    {
      g_autofree char *path = sized_path (dir, sizes[s]);
      gint64 kb = -1;

      if (jsonc != NULL)
        {
          add (results->us[JOB_JSONC][s], run_phase (jsonc, "parse", path, "jsonc_parse_cpu_us",
                                                     "jsonc_peak_kb", &kb));
          add (results->kb[JOB_JSONC][s], kb);
        }
      add (results->us[JOB_JSONGLIB][s], run_phase (self, "parse", path, "parse_cpu_us", "parse_peak_kb", &kb));
      add (results->kb[JOB_JSONGLIB][s], kb);
      add (results->us[JOB_LOAD][s], run_phase (self, "load", path, "load_check_cpu_us", "load_peak_kb", &kb));
      add (results->kb[JOB_LOAD][s], kb);
      add (results->us[JOB_SAVE][s], run_phase (self, "save", path, "save_cpu_us", "save_peak_kb", &kb));
      add (results->kb[JOB_SAVE][s], kb);

      add (results->us[JOB_SCORE_JSON][s], run_cli (cli, "score", "--json", path, NULL, NULL, NULL, &kb));
      add (results->kb[JOB_SCORE_JSON][s], kb);
      add (results->us[JOB_SUMMARY][s], run_cli (cli, "summary", path, NULL, NULL, NULL, NULL, &kb));
      add (results->kb[JOB_SUMMARY][s], kb);

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *name = g_strdup_printf ("scale-%u-out.%s", sizes[s], formats[f]);
          g_autofree char *out = g_build_filename (dir, name, NULL);

          add (results->us[JOB_CSV + f][s],
               run_cli (cli, "export", path, "--format", formats[f], "-o", out, &kb));
          add (results->kb[JOB_CSV + f][s], kb);
          g_unlink (out);
        }
      if (bench_ui != NULL)
        run_gui (results, bench_ui, path, s);
    }

  {
    g_autoptr(GPtrArray) argv = g_ptr_array_new ();
    gint64 kb = -1;

    g_ptr_array_add (argv, (char *) cli);
    g_ptr_array_add (argv, (char *) "summary");
    for (guint i = 0; i < small->len; i++)
      g_ptr_array_add (argv, g_ptr_array_index (small, i));
    g_ptr_array_add (argv, NULL);
    add (results->small_us, run_child ((const char * const *) argv->pdata, NULL, &kb));
    add (results->small_kb, kb);
  }
}

/* ---- the report ---- */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *values)
{
  if (values == NULL || values->len == 0)
    return -1;
  g_array_sort (values, compare_gint64);
  return g_array_index (values, gint64, values->len / 2);
}

static gboolean
print_report (Results  *results,
              guint     n_sizes,
              guint     repeat,
              gboolean  have_jsonc,
              gboolean  have_gui)
{
  double ms[N_JOBS][N_SIZES];
  gboolean all_met = TRUE;

  for (guint j = 0; j < N_JOBS; j++)
    for (guint s = 0; s < n_sizes; s++)
      ms[j][s] = median_of (results->us[j][s]) / 1000.0;

  printf ("Ziping at scale: project forms of %u indicators; CPU time, median of %u paired runs\n\n",
          BENCH_INDICATORS_PER_PROJECT, repeat);
  printf ("%-26s", "job (ms)");
  for (guint s = 0; s < n_sizes; s++)
    printf (" %9u", sizes[s]);
  printf ("   peak MB");
  if (n_sizes > LARGE_INDEX)
    printf ("   2000→8000 (goal ≤ %.1f ×)", GROWTH_GOAL);
  printf ("\n");

  for (guint j = 0; j < N_JOBS; j++)
    {
      if (IS_GUI_JOB (j) && !have_gui)
        continue;
      if (j == JOB_JSONC && !have_jsonc)
        {
          printf ("%-26s   not built: install libjson-c-dev and reconfigure\n", job_names[j]);
          all_met = FALSE;
          continue;
        }
      printf ("%-26s", job_names[j]);
      for (guint s = 0; s < n_sizes; s++)
        printf (" %9.1f", ms[j][s]);
      printf (" %9.1f", median_of (results->kb[j][n_sizes - 1]) / 1024.0);
      if (n_sizes > LARGE_INDEX)
        {
          double growth = ms[j][LARGE_INDEX] / ms[j][BASE_INDEX];
          gboolean met = j == JOB_JSONC || j == JOB_JSONGLIB || growth <= GROWTH_GOAL;

          printf ("   %5.2f ×  %s", growth, j == JOB_JSONC || j == JOB_JSONGLIB ? "" : met ? "met" : "MISSED");
          all_met = all_met && met;
        }
      printf ("\n");
    }
  printf ("%-26s %9.1f ms CPU, peak %.1f MB (%u workbooks of %u project forms)\n",
          "summary of 500 workbooks", median_of (results->small_us) / 1000.0,
          median_of (results->small_kb) / 1024.0, N_SMALL, SMALL_PROJECTS);

  printf ("\nload + score + check / json-c parse (goal ≤ %.1f × at 2,000 and 8,000 forms):", YARDSTICK_GOAL);
  if (have_jsonc)
    for (guint s = 0; s < n_sizes; s++)
      {
        double ratio = ms[JOB_LOAD][s] / ms[JOB_JSONC][s];
        gboolean judged = s >= BASE_INDEX;

        printf ("  %u: %.2f ×%s", sizes[s], ratio, !judged ? "" : ratio <= YARDSTICK_GOAL ? " met" : " MISSED");
        if (judged)
          all_met = all_met && ratio <= YARDSTICK_GOAL;
      }
  else
    printf ("  no yardstick");
  printf ("\n");
  if (n_sizes <= LARGE_INDEX)
    printf ("(growth 2,000 → 8,000 not measured: add --large)\n");
  printf ("\n%s\n", all_met ? "All goals met." : "Some goals missed.");
  return all_met;
}

/* The GUI runs need a display, and must not touch the user's settings or drafts. */
static gboolean
prepare_gui (const char *bench_ui,
             const char *dir)
{
  g_autofree char *state = g_build_filename (dir, "gui-state", NULL);

  if (!g_file_test (bench_ui, G_FILE_TEST_IS_EXECUTABLE))
    {
      fprintf (stderr, "ziping-bench: %s is not the built tests/ui/bench-ui\n", bench_ui);
      return FALSE;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "ziping-bench: --gui needs a display (run under xvfb-run)\n");
      return FALSE;
    }
  g_mkdir_with_parents (state, 0700);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return TRUE;
}

int
bench_scale_main (const char *self,
                  const char *dir,
                  const char *cli,
                  gboolean    large,
                  guint       repeat,
                  const char *bench_ui)
{
  g_autofree char *bin_dir = g_path_get_dirname (self);
  g_autofree char *jsonc = g_build_filename (bin_dir, "ziping-bench-jsonc", NULL);
  guint n_sizes = large ? N_SIZES : LARGE_INDEX;
  g_autoptr(GPtrArray) small = NULL;
  Results results = { 0 };

  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      fprintf (stderr, "ziping-bench: %s is not the built ziping-cli\n", cli);
      return 2;
    }
  if (!g_file_test (jsonc, G_FILE_TEST_IS_EXECUTABLE))
    g_clear_pointer (&jsonc, g_free);
  if (bench_ui != NULL && !prepare_gui (bench_ui, dir))
    return 2;
  g_mkdir_with_parents (dir, 0755);
  small = prepare_workbooks (dir, n_sizes);

  for (guint j = 0; j < N_JOBS; j++)
    for (guint s = 0; s < N_SIZES; s++)
      {
        results.us[j][s] = g_array_new (FALSE, FALSE, sizeof (gint64));
        results.kb[j][s] = g_array_new (FALSE, FALSE, sizeof (gint64));
      }
  results.small_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  results.small_kb = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint r = 0; r < repeat; r++)
    {
      fprintf (stderr, "round %u of %u\n", r + 1, repeat);
      run_round (&results, self, cli, dir, n_sizes, small, jsonc, bench_ui);
    }
  print_report (&results, n_sizes, repeat, jsonc != NULL, bench_ui != NULL);

  for (guint j = 0; j < N_JOBS; j++)
    for (guint s = 0; s < N_SIZES; s++)
      {
        g_array_unref (results.us[j][s]);
        g_array_unref (results.kb[j][s]);
      }
  g_array_unref (results.small_us);
  g_array_unref (results.small_kb);
  return 0;
}
