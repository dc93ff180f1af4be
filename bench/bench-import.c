/* bench-import.c — importing the district workbook's .xlsx export (2,001 forms) against
 * LibreOffice converting the same file to CSV, in the same run.
 *
 *   ziping-bench-import [DIR] [REPEAT] [LO-REPEAT]
 *                                        generate DIR/district.ziping and its .xlsx export
 *                                        once, then measure: the import's median of REPEAT
 *                                        (default 3), LibreOffice's of LO-REPEAT (default 1:
 *                                        a conversion takes minutes)
 *   ziping-bench-import phase FILE       (internal) one import in this process
 *
 * The import (read the .xlsx into a grid, recognise the forms, build and score the
 * workbook) runs in a fresh child process each time; its peak memory is VmHWM above the
 * child's baseline (reset through /proc/self/clear_refs), compared with the file's
 * unzipped XML. LibreOffice gets a warm-up conversion of a tiny file first, so that its
 * time is the conversion's, not its first-start profile set-up. Wall time and CPU time
 * (user + system, of the process and everything it waited for) are both reported: on a
 * machine shared with other work the wall time says more about the machine than about the
 * program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <gsf/gsf.h>

#include "ziping-core.h"
#include "zp-export.h"
#include "zp-import.h"
#include "bench-generate.h"

#define PROJECTS 2000

static gint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line ? g_ascii_strtoll (line + strlen (field), NULL, 10) : -1;
}

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

/* User + system time of this process (or of its waited-for children). */
static gint64
cpu_time_us_of (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (gint64) usage.ru_utime.tv_sec * 1000000 + usage.ru_utime.tv_usec
         + (gint64) usage.ru_stime.tv_sec * 1000000 + usage.ru_stime.tv_usec;
}

static gint64
cpu_time_us (void)
{
  return cpu_time_us_of (RUSAGE_SELF);
}

static int
phase_import (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpImport) import = NULL;
  g_autoptr(ZpWorkbook) workbook = NULL;
  gint64 base = reset_peak ();
  gint64 start = g_get_monotonic_time ();
  gint64 cpu_start = cpu_time_us ();

  {
    /* As zp_import_read() does it (the grid is freed before the model is built), with
     * the phases timed apart. */
    ZpGrid *grid = zp_grid_read_file (path, &error);
    gint64 t_grid, t_recognise;

    if (grid == NULL)
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
    t_grid = g_get_monotonic_time ();
    import = zp_import_grid (grid, NULL, &error);
    zp_grid_free (grid);
    if (import == NULL)
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
    t_recognise = g_get_monotonic_time ();
    workbook = zp_workbook_new (NULL);
    zp_import_apply (import, workbook);
    printf ("time_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start);
    printf ("cpu_us %" G_GINT64_FORMAT "\n", cpu_time_us () - cpu_start);
    printf ("read_us %" G_GINT64_FORMAT "\n", t_grid - start);
    printf ("recognise_us %" G_GINT64_FORMAT "\n", t_recognise - t_grid);
    printf ("apply_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - t_recognise);
  }
  printf ("peak_kb %" G_GINT64_FORMAT "\n", read_status_kb ("VmHWM:") - base);
  printf ("forms %u\n", zp_workbook_get_n_forms (workbook));
  printf ("indicators %u\n", zp_import_count_indicators (import));
  return 0;
}

/* The sum of the zip's unpacked .xml parts. */
static gint64
unzipped_xml_size (const char *path)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;
  GPtrArray *stack = g_ptr_array_new ();
  gint64 total = 0;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  g_ptr_array_add (stack, g_object_ref (zip));
  while (stack->len > 0)
    {
      GsfInfile *dir = g_ptr_array_steal_index (stack, stack->len - 1);

      for (int i = 0; i < gsf_infile_num_children (dir); i++)
        {
          GsfInput *child = gsf_infile_child_by_index (dir, i);

          if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
            g_ptr_array_add (stack, g_object_ref (child));
          else if (g_str_has_suffix (gsf_input_name (child), ".xml")
                   || g_str_has_suffix (gsf_input_name (child), ".rels"))
            total += gsf_input_size (child);
          g_object_unref (child);
        }
      g_object_unref (dir);
    }
  g_ptr_array_unref (stack);
  g_object_unref (zip);
  g_object_unref (input);
  return total;
}

static gint64
run_child (const char  *self,
           const char  *path,
           gint64      *cpu_us,
           gint64      *peak_kb,
           guint       *forms,
           guint       *indicators)
{
  const char *argv[] = { self, "phase", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;
  gint64 time_us = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, &error)
      || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the import failed: %s", error ? error->message : "(see above)");
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "time_us "))
        time_us = g_ascii_strtoll (lines[i] + 8, NULL, 10);
      else if (g_str_has_prefix (lines[i], "cpu_us "))
        *cpu_us = g_ascii_strtoll (lines[i] + 7, NULL, 10);
      else if (g_str_has_prefix (lines[i], "peak_kb "))
        *peak_kb = g_ascii_strtoll (lines[i] + 8, NULL, 10);
      else if (g_str_has_prefix (lines[i], "forms "))
        *forms = (guint) g_ascii_strtoull (lines[i] + 6, NULL, 10);
      else if (g_str_has_prefix (lines[i], "indicators "))
        *indicators = (guint) g_ascii_strtoull (lines[i] + 11, NULL, 10);
    }
  return time_us;
}

/* Wall time of `soffice --headless --convert-to csv` on `path`, with `profile`. */
static gint64
libreoffice_csv (const char *soffice,
                 const char *profile,
                 const char *path,
                 const char *outdir,
                 gint64     *cpu_us)
{
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=file://", profile, NULL);
  const char *argv[] = { soffice, profile_arg, "--headless", "--convert-to", "csv",
                         "--outdir", outdir, path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();
  gint64 cpu_start = cpu_time_us_of (RUSAGE_CHILDREN);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("LibreOffice failed: %s", error ? error->message : "exit status");
  if (cpu_us != NULL)
    *cpu_us = cpu_time_us_of (RUSAGE_CHILDREN) - cpu_start;
  return g_get_monotonic_time () - start;
}

static const char *
loadavg (void)
{
  static char text[64] = "?";
  g_autofree char *contents = NULL;

  if (g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    {
      g_auto(GStrv) fields = g_strsplit (contents, " ", 4);

      if (fields[0] && fields[1] && fields[2])
        g_snprintf (text, sizeof text, "%s %s %s", fields[0], fields[1], fields[2]);
    }
  return text;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  const char *dir = argc > 1 ? argv[1] : ".";
  guint repeat = argc > 2 ? (guint) atoi (argv[2]) : 3;
  guint lo_repeat = argc > 3 ? (guint) atoi (argv[3]) : 1;
  g_autofree char *ziping = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *self = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = NULL;
  g_autofree char *outdir = NULL;
  g_autofree char *tiny = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) peaks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) lo_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) lo_cpus = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 xml_size, file_size, t, peak, lo, cpu = 0, lo_cpu = 0;
  guint forms = 0, indicators = 0;
  GStatBuf st;

  if (argc == 3 && strcmp (argv[1], "phase") == 0)
    return phase_import (argv[2]);
  if (repeat == 0)
    repeat = 1;
  if (lo_repeat == 0)
    lo_repeat = 1;

  self = g_file_read_link ("/proc/self/exe", NULL);
  ziping = g_build_filename (dir, "district.ziping", NULL);
  xlsx = g_build_filename (dir, "district.xlsx", NULL);
  if (!g_file_test (ziping, G_FILE_TEST_EXISTS))
    {
      g_autoptr(ZpWorkbook) workbook = bench_generate_workbook (PROJECTS);
      g_autoptr(GFile) file = g_file_new_for_path (ziping);
      g_autoptr(GError) error = NULL;

      if (!zp_workbook_save (workbook, file, &error))
        g_error ("%s", error->message);
    }
  if (!g_file_test (xlsx, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) in = g_file_new_for_path (ziping);
      g_autoptr(GFile) out = g_file_new_for_path (xlsx);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZpWorkbook) workbook = zp_workbook_load (in, &error);

      if (workbook == NULL || !zp_export_workbook (workbook, ZP_EXPORT_FORMAT_XLSX, NULL, out, &error))
        g_error ("%s", error->message);
    }
  g_stat (xlsx, &st);
  file_size = st.st_size;
  xml_size = unzipped_xml_size (xlsx);

  for (guint i = 0; i < repeat; i++)
    {
      t = run_child (self, xlsx, &cpu, &peak, &forms, &indicators);
      g_array_append_val (times, t);
      g_array_append_val (cpus, cpu);
      g_array_append_val (peaks, peak);
    }

  if (soffice == NULL)
    g_error ("soffice (LibreOffice) is needed for the baseline");
  profile = g_dir_make_tmp ("zp-bench-lo-XXXXXX", NULL);
  outdir = g_dir_make_tmp ("zp-bench-csv-XXXXXX", NULL);
  tiny = g_build_filename (outdir, "tiny.csv", NULL);
  g_file_set_contents (tiny, "a,b\n1,2\n", -1, NULL);
  libreoffice_csv (soffice, profile, tiny, profile, NULL);  /* warm-up: the profile's first start */
  for (guint i = 0; i < lo_repeat; i++)
    {
      lo = libreoffice_csv (soffice, profile, xlsx, outdir, &lo_cpu);
      g_array_append_val (lo_times, lo);
      g_array_append_val (lo_cpus, lo_cpu);
    }

  g_array_sort (times, compare_gint64);
  g_array_sort (peaks, compare_gint64);
  g_array_sort (lo_times, compare_gint64);
  g_array_sort (cpus, compare_gint64);
  g_array_sort (lo_cpus, compare_gint64);
  t = g_array_index (times, gint64, repeat / 2);
  cpu = g_array_index (cpus, gint64, repeat / 2);
  peak = g_array_index (peaks, gint64, repeat / 2);
  lo = g_array_index (lo_times, gint64, lo_repeat / 2);
  lo_cpu = g_array_index (lo_cpus, gint64, lo_repeat / 2);

  printf ("Ziping import benchmark: %s\n", xlsx);
  printf ("%u forms, %u indicators; %.1f MB .xlsx, %.1f MB of XML unzipped; median of %u import "
          "runs, %u LibreOffice runs; load average %s\n",
          forms, indicators, file_size / 1048576.0, xml_size / 1048576.0, repeat, lo_repeat,
          loadavg ());
  printf ("%-44s %11s %11s %10s\n", "", "wall", "cpu", "peak mem");
  printf ("%-44s %8.0f ms %8.0f ms %7.1f MB   (%.2f × the unzipped XML)\n",
          "ziping import (read, recognise, score)",
          t / 1000.0, cpu / 1000.0, peak / 1024.0, peak * 1024.0 / xml_size);
  printf ("%-44s %8.0f ms %8.0f ms\n", "libreoffice --headless --convert-to csv", lo / 1000.0,
          lo_cpu / 1000.0);
  printf ("\nimport / LibreOffice: %.4f wall, %.4f cpu (goal < 0.2)  %s\n", (double) t / lo,
          (double) cpu / lo_cpu, (double) t / lo < 0.2 ? "met" : "NOT met");
  printf ("import time: %.2f s (goal < 3 s)  %s\n", t / 1e6, t < 3000000 ? "met" : "NOT met");
  printf ("peak memory: %.2f × unzipped XML (goal < 4)  %s\n", peak * 1024.0 / xml_size,
          peak * 1024.0 / xml_size < 4 ? "met" : "NOT met");

  {
    g_autoptr(GDir) d = g_dir_open (outdir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (outdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (outdir);
  }
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", profile);
    if (system (rm) != 0)
      g_warning ("could not remove %s", profile);
  }
  return 0;
}
