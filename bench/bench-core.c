/* bench-core.c — how fast and how lean the core is on a district-scale workbook.
 *
 *   ziping-bench generate OUT [N]   write a workbook of 1 department form and N (2,000)
 *                                   project forms of 25 indicators
 *   ziping-bench run FILE [REPEAT]  measure each phase REPEAT (3) times, each in a fresh
 *                                   child process, and print the report
 *   ziping-bench auto FILE          generate FILE when absent, then run
 *   ziping-bench scale DIR CLI [--large] [--repeat N]
 *                                   every job at 250/1,000/2,000 (--large: 8,000) forms
 *                                   against json-c's parse, and its growth (bench-scale.c)
 *   ziping-bench phase NAME FILE    (internal) one phase in this process
 *
 * Phases: parse (json-glib alone, json_parser_load_from_data on the bytes already read),
 * load (zp_workbook_load, which scores, then zp_check_workbook), save (zp_workbook_to_data,
 * then zp_workbook_save), edit (set one actual, time until the form's ::rescored; the
 * average of many). Peak memory is VmHWM above the phase's baseline, the high-water mark
 * being reset through /proc/self/clear_refs, so each phase's peak is its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ziping-core.h"
#include "bench-generate.h"
#include "bench-scale.h"

#define DEFAULT_PROJECTS 2000
#define DEFAULT_REPEAT   3
#define EDIT_ROUNDS      2000

/* ---- /proc ---- */

static gint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* Resets VmHWM to the current RSS (Linux ≥ 4.0), then returns that baseline in kB. */
static gint64
reset_peak (void)
{
  FILE *clear = fopen ("/proc/self/clear_refs", "w");

  if (clear != NULL)
    {
      fputs ("5", clear);
      fclose (clear);
    }

  return read_status_kb ("VmHWM:");
}

/* CPU time of this process (user + system), µs: what a phase costs, whatever else the
 * machine is running (the scale report uses it; see bench-scale.c). */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
report (const char *key,
        gint64      value)
{
  printf ("%s %" G_GINT64_FORMAT "\n", key, value);
}

/* ---- phases (each in its own process) ---- */

static int
phase_parse (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  gint64 base, start, end, cpu_start;

  base = reset_peak ();
  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  cpu_start = cpu_now ();
  start = g_get_monotonic_time ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    g_error ("%s", error->message);
  end = g_get_monotonic_time ();

  report ("parse_us", end - start);
  report ("parse_cpu_us", cpu_now () - cpu_start);
  report ("parse_peak_kb", read_status_kb ("VmHWM:") - base);
  report ("file_bytes", length);
  return 0;
}

static int
phase_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(GListStore) findings = NULL;
  guint n_indicators = 0;
  gint64 base, start, loaded, checked, cpu_start;

  base = reset_peak ();
  cpu_start = cpu_now ();
  start = g_get_monotonic_time ();
  workbook = zp_workbook_load (file, &error);
  if (workbook == NULL)
    g_error ("%s", error->message);
  loaded = g_get_monotonic_time ();
  report ("load_only_peak_kb", read_status_kb ("VmHWM:") - base);
  report ("load_model_kb", read_status_kb ("VmRSS:") - base);
  findings = zp_check_workbook (workbook);
  checked = g_get_monotonic_time ();
  report ("load_check_cpu_us", cpu_now () - cpu_start);

  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    n_indicators += zp_form_get_n_indicators (zp_workbook_get_form (workbook, i));

  report ("load_us", loaded - start);
  report ("check_us", checked - loaded);
  report ("load_check_us", checked - start);
  report ("load_peak_kb", read_status_kb ("VmHWM:") - base);
  report ("forms", zp_workbook_get_n_forms (workbook));
  report ("indicators", n_indicators);
  report ("findings", g_list_model_get_n_items (G_LIST_MODEL (findings)));
  return 0;
}

static int
phase_save (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *copy_path = g_strconcat (path, ".bench-save", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load (file, &error);
  g_autofree char *data = NULL;
  gsize length = 0;
  gint64 base, start, serialized, saved, cpu_start;

  if (workbook == NULL)
    g_error ("%s", error->message);

  base = reset_peak ();
  start = g_get_monotonic_time ();
  data = zp_workbook_to_data (workbook, &length);
  serialized = g_get_monotonic_time ();
  report ("to_data_us", serialized - start);
  report ("to_data_peak_kb", read_status_kb ("VmHWM:") - base);
  g_clear_pointer (&data, g_free);

  base = reset_peak ();
  cpu_start = cpu_now ();
  start = g_get_monotonic_time ();
  if (!zp_workbook_save (workbook, copy, &error))
    g_error ("%s", error->message);
  saved = g_get_monotonic_time ();
  report ("save_cpu_us", cpu_now () - cpu_start);
  g_unlink (copy_path);

  report ("save_us", saved - start);
  report ("save_peak_kb", read_status_kb ("VmHWM:") - base);
  report ("saved_bytes", length);
  return 0;
}

static void
on_rescored (ZpForm   *form,
             gpointer  user_data)
{
  gint64 *when = user_data;

  *when = g_get_monotonic_time ();
}

static int
phase_edit (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load (file, &error);
  ZpForm *form;
  ZpIndicator *indicator;
  gint64 total = 0, worst = 0, check_total = 0;
  gint64 rescored = 0;

  if (workbook == NULL)
    g_error ("%s", error->message);

  /* A project form in the middle of the workbook, its first indicator. */
  form = zp_workbook_get_form (workbook, zp_workbook_get_n_forms (workbook) / 2);
  indicator = zp_goal_get_indicator (zp_form_get_goal (form, 0), 0);
  g_signal_connect (form, "rescored", G_CALLBACK (on_rescored), &rescored);

  for (guint i = 0; i < EDIT_ROUNDS; i++)
    {
      g_autofree char *actual = g_strdup_printf ("%u", 100 + i % 400);
      g_autoptr(GListStore) findings = NULL;
      gint64 start;

      rescored = 0;
      start = g_get_monotonic_time ();
      zp_indicator_set_actual (indicator, actual);
      /* Should the form rescore from an idle, wait for it. */
      while (rescored == 0)
        g_main_context_iteration (NULL, TRUE);
      total += rescored - start;
      worst = MAX (worst, rescored - start);

      start = g_get_monotonic_time ();
      findings = zp_check_form (form);
      check_total += g_get_monotonic_time () - start;
    }

  /* Nanoseconds, to keep the precision of an average below a microsecond. */
  report ("edit_avg_ns", total * 1000 / EDIT_ROUNDS);
  report ("edit_max_us", worst);
  report ("edit_check_form_avg_ns", check_total * 1000 / EDIT_ROUNDS);
  report ("edit_rounds", EDIT_ROUNDS);
  return 0;
}

static int
run_phase (const char *name,
           const char *path)
{
  if (strcmp (name, "parse") == 0)
    return phase_parse (path);
  if (strcmp (name, "load") == 0)
    return phase_load (path);
  if (strcmp (name, "save") == 0)
    return phase_save (path);
  if (strcmp (name, "edit") == 0)
    return phase_edit (path);

  fprintf (stderr, "ziping-bench: unknown phase %s\n", name);
  return 2;
}

/* ---- the parent: children, medians, report ---- */

typedef GHashTable Results;  /* key → GArray of gint64, one per run */

static void
spawn_phase (const char *self,
             const char *phase,
             const char *path,
             Results    *results)
{
  const char *argv[] = { self, "phase", phase, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &wait_status, &error))
    g_error ("%s", error->message);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("phase %s failed", phase);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (lines[i], " ", 2);
      GArray *values;
      gint64 value;

      if (pair[0] == NULL || pair[1] == NULL)
        continue;
      values = g_hash_table_lookup (results, pair[0]);
      if (values == NULL)
        {
          values = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (results, g_strdup (pair[0]), values);
        }
      value = g_ascii_strtoll (pair[1], NULL, 10);
      g_array_append_val (values, value);
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
median (Results    *results,
        const char *key)
{
  GArray *values = g_hash_table_lookup (results, key);

  if (values == NULL || values->len == 0)
    return -1;
  g_array_sort (values, compare_gint64);
  return g_array_index (values, gint64, values->len / 2);
}

static void
print_row (const char *what,
           double      ms,
           double      parse_ms,
           double      peak_mb,
           double      file_mb,
           const char *goal,
           gboolean    met)
{
  printf ("%-34s %10.1f ms %7.2f ×", what, ms, ms / parse_ms);
  if (peak_mb >= 0)
    printf (" %9.1f MB %6.2f ×", peak_mb, peak_mb / file_mb);
  else
    printf ("%22s", "");
  if (goal != NULL)
    printf ("   %-6s  %s", met ? "met" : "MISSED", goal);
  printf ("\n");
}

static int
run (const char *path,
     guint       repeat)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GHashTable) results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
  const char *phases[] = { "parse", "load", "save", "edit" };
  double file_mb, parse_ms, load_ms, save_ms, to_data_ms, edit_ms;
  double parse_mb, load_mb, save_mb, to_data_mb;
  gboolean all_met;

  for (guint r = 0; r < repeat; r++)
    for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
      spawn_phase (self, phases[p], path, results);

  file_mb = median (results, "file_bytes") / 1048576.0;
  parse_ms = median (results, "parse_us") / 1000.0;
  load_ms = median (results, "load_check_us") / 1000.0;
  to_data_ms = median (results, "to_data_us") / 1000.0;
  save_ms = median (results, "save_us") / 1000.0;
  edit_ms = median (results, "edit_avg_ns") / 1e6;
  parse_mb = median (results, "parse_peak_kb") / 1024.0;
  load_mb = median (results, "load_peak_kb") / 1024.0;
  to_data_mb = median (results, "to_data_peak_kb") / 1024.0;
  save_mb = median (results, "save_peak_kb") / 1024.0;

  printf ("Ziping core benchmark: %s\n", path);
  printf ("%" G_GINT64_FORMAT " forms, %" G_GINT64_FORMAT " indicators, %.1f MB; "
          "%" G_GINT64_FORMAT " findings; median of %u runs, each phase in a fresh process\n\n",
          median (results, "forms"), median (results, "indicators"), file_mb,
          median (results, "findings"), repeat);
  printf ("%-34s %13s %9s %12s %8s   %s\n", "phase", "time", "/ parse", "peak mem",
          "/ file", "goal");
  print_row ("json-glib parse alone", parse_ms, parse_ms, parse_mb, file_mb, NULL, TRUE);
  print_row ("load + score + check", load_ms, parse_ms, load_mb, file_mb,
             "≤ 1.5 × parse, mem < 4 × file", load_ms <= 1.5 * parse_ms && load_mb < 4 * file_mb);
  print_row ("  of which load + score", median (results, "load_us") / 1000.0, parse_ms, -1, file_mb, NULL, TRUE);
  print_row ("  of which check", median (results, "check_us") / 1000.0, parse_ms, -1, file_mb, NULL, TRUE);
  printf ("%-34s %27s %9.1f MB %6.2f ×\n", "  peak by the end of load + score", "",
          median (results, "load_only_peak_kb") / 1024.0,
          median (results, "load_only_peak_kb") / 1024.0 / file_mb);
  printf ("%-34s %27s %9.1f MB %6.2f ×\n", "  kept after load (the model)", "",
          median (results, "load_model_kb") / 1024.0,
          median (results, "load_model_kb") / 1024.0 / file_mb);
  print_row ("save: zp_workbook_to_data", to_data_ms, parse_ms, to_data_mb, file_mb,
             "≤ 2 × parse", to_data_ms <= 2 * parse_ms);
  print_row ("save: zp_workbook_save (file)", save_ms, parse_ms, save_mb, file_mb,
             "≤ 2 × parse", save_ms <= 2 * parse_ms);
  printf ("%-34s %10.4f ms %30s   %-6s  %s\n", "edit one actual -> ::rescored", edit_ms, "",
          edit_ms < 1.0 ? "met" : "MISSED", "< 1 ms");
  printf ("%-34s %10.4f ms   (edit worst %.3f ms; averages of %" G_GINT64_FORMAT " edits)\n",
          "  then zp_check_form on that form", median (results, "edit_check_form_avg_ns") / 1e6,
          median (results, "edit_max_us") / 1000.0, median (results, "edit_rounds"));

  all_met = load_ms <= 1.5 * parse_ms && load_mb < 4 * file_mb && save_ms <= 2 * parse_ms
            && to_data_ms <= 2 * parse_ms && edit_ms < 1.0;
  printf ("\n%s\n", all_met ? "All goals met." : "Some goals missed.");
  return 0;
}

static int
generate (const char *path,
          guint       n_projects)
{
  g_autoptr(ZpWorkbook) workbook = bench_generate_workbook (n_projects);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!zp_workbook_save (workbook, file, &error))
    {
      fprintf (stderr, "ziping-bench: %s\n", error->message);
      return 1;
    }
  printf ("Wrote %s: 1 department form, %u project forms (%.1f s to save)\n", path, n_projects,
          (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

static void
usage (void)
{
  fprintf (stderr, "usage: ziping-bench generate OUT [PROJECTS]\n"
                   "       ziping-bench run FILE [REPEAT]\n"
                   "       ziping-bench auto FILE\n"
                   "       ziping-bench scale DIR ZIPING-CLI [--large] [--repeat N] [--gui BENCH-UI]\n");
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 4 && strcmp (argv[1], "phase") == 0)
    return run_phase (argv[2], argv[3]);
  if (argc >= 3 && strcmp (argv[1], "generate") == 0)
    return generate (argv[2], argc >= 4 ? (guint) atoi (argv[3]) : DEFAULT_PROJECTS);
  if (argc >= 3 && strcmp (argv[1], "run") == 0)
    return run (argv[2], argc >= 4 ? (guint) MAX (1, atoi (argv[3])) : DEFAULT_REPEAT);
  if (argc >= 3 && strcmp (argv[1], "auto") == 0)
    {
      if (!g_file_test (argv[2], G_FILE_TEST_EXISTS) && generate (argv[2], DEFAULT_PROJECTS) != 0)
        return 1;
      return run (argv[2], DEFAULT_REPEAT);
    }

  if (argc >= 4 && strcmp (argv[1], "scale") == 0)
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      gboolean large = FALSE;
      guint repeat = DEFAULT_REPEAT;
      const char *bench_ui = NULL;

      for (int i = 4; i < argc; i++)
        {
          if (strcmp (argv[i], "--large") == 0)
            large = TRUE;
          else if (strcmp (argv[i], "--repeat") == 0 && i + 1 < argc)
            {
              int n = atoi (argv[++i]);

              repeat = (guint) MAX (1, n);
            }
          else if (strcmp (argv[i], "--gui") == 0 && i + 1 < argc)
            bench_ui = argv[++i];
          else
            {
              usage ();
              return 2;
            }
        }
      return bench_scale_main (self, argv[2], argv[3], large, repeat, bench_ui);
    }

  usage ();
  return 2;
}
