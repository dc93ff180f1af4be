/* bench-rollup.c — the roll-up of a folder of units' workbooks (issue 10): load every
 * workbook, check it, build the 汇总表 across them and write it (CSV and .xlsx); and, on one
 * unit, the written report (text, .docx) and the package.
 *
 *   ziping-bench-rollup generate DIR [UNITS] [PROJECTS]   default 500 units × 10 projects
 *   ziping-bench-rollup run DIR [REPEAT]                   median of REPEAT (3) runs
 *
 * The baseline, measured in the same run, is json-glib parsing every file's bytes (already
 * read): what any roll-up built on it pays. Times are wall-clock milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-generate.h"
#include "zp-docx.h"
#include "zp-summary-table.h"
#include "zp-written-report.h"

static GPtrArray *
list_workbooks (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    g_error ("cannot open %s", dir);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".ziping"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  return paths;
}

static int
generate (const char *dir,
          guint       units,
          guint       projects)
{
  g_autoptr(ZpWorkbook) workbook = bench_generate_workbook (projects);

  g_mkdir_with_parents (dir, 0755);
  for (guint u = 0; u < units; u++)
    {
      g_autofree char *unit = g_strdup_printf ("江岸区第%u单位", u + 1);
      g_autofree char *name = g_strdup_printf ("unit-%04u.ziping", u + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      zp_workbook_set_unit (workbook, unit);
      if (!zp_workbook_save (workbook, file, &error))
        g_error ("%s", error->message);
    }
  printf ("%u workbooks of 1 department form and %u project forms in %s\n", units, projects, dir);
  return 0;
}

static double
parse_all (GPtrArray *paths)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!g_file_get_contents (g_ptr_array_index (paths, i), &contents, &length, NULL))
        g_error ("cannot read");
      if (!json_parser_load_from_data (parser, contents, length, NULL))
        g_error ("not JSON");
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
write_table (ZpSummaryTable  *table,
             ZpSummaryFormat  format,
             const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!zp_summary_table_write (table, format, "绩效自评汇总表", file, &error))
    g_error ("%s", error->message);
  g_unlink (path);
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  double parse, load_check, csv, xlsx, report, docx;
} Times;

/* Load, check (the findings' counts go in the table) and add every workbook. */
static double
roll_up (GPtrArray      *paths,
         ZpSummaryTable *table)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(ZpWorkbook) workbook = zp_workbook_load (file, &error);
      g_autoptr(GListStore) findings = NULL;
      guint n = zp_workbook_get_n_forms (workbook);
      g_autofree guint *errors = g_new0 (guint, n);
      g_autofree guint *warnings = g_new0 (guint, n);

      if (workbook == NULL)
        g_error ("%s", error->message);
      findings = zp_check_workbook (workbook);
      for (guint f = 0; f < g_list_model_get_n_items (G_LIST_MODEL (findings)); f++)
        {
          g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), f);

          /* Counted on the first form: the CLI's per-form lookup is not what is measured. */
          if (zp_finding_get_severity (finding) == ZP_SEVERITY_ERROR)
            errors[0]++;
          else
            warnings[0]++;
        }
      zp_summary_table_add_workbook (table, workbook, g_ptr_array_index (paths, i), errors, warnings);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
one_unit (const char *path,
          Times      *times)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load (file, NULL);
  g_autofree char *docx_path = g_strconcat (path, ".bench.docx", NULL);
  g_autoptr(GFile) docx = g_file_new_for_path (docx_path);
  g_autoptr(ZpWrittenReport) report = NULL;
  g_autofree char *text = NULL;
  gint64 start = g_get_monotonic_time ();

  report = zp_written_report_generate (workbook, NULL);
  text = zp_written_report_to_text (report);
  times->report = (g_get_monotonic_time () - start) / 1000.0;
  start = g_get_monotonic_time ();
  if (!zp_docx_write_report (report, docx, NULL))
    g_error ("docx");
  times->docx = (g_get_monotonic_time () - start) / 1000.0;
  g_unlink (docx_path);
}

static void
run_once (GPtrArray  *paths,
          const char *dir,
          Times      *times)
{
  g_autoptr(ZpSummaryTable) table = zp_summary_table_new (TRUE);
  g_autofree char *csv = g_build_filename (dir, "bench-rollup.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "bench-rollup.xlsx", NULL);

  times->parse = parse_all (paths);
  times->load_check = roll_up (paths, table);
  times->csv = write_table (table, ZP_SUMMARY_FORMAT_CSV, csv);
  times->xlsx = write_table (table, ZP_SUMMARY_FORMAT_XLSX, xlsx);
  one_unit (g_ptr_array_index (paths, 0), times);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

#define FIELD(t, i) (((double *) (t))[i])

static int
run (const char *dir,
     guint       repeat)
{
  g_autoptr(GPtrArray) paths = list_workbooks (dir);
  g_autofree Times *runs = g_new0 (Times, repeat);
  static const char * const names[] = {
    "parse every file (json-glib, baseline)", "load + check + summary rows",
    "write the summary .csv", "write the summary .xlsx", "one unit: written report (text)",
    "one unit: written report .docx",
  };
  double base;

  for (guint r = 0; r < repeat; r++)
    run_once (paths, dir, &runs[r]);
  printf ("%u workbooks in %s, median of %u runs\n", paths->len, dir, repeat);
  printf ("%-42s %10s %8s\n", "phase", "ms", "× parse");
  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree double *values = g_new (double, repeat);
      double value;

      for (guint r = 0; r < repeat; r++)
        values[r] = FIELD (&runs[r], f);
      value = median (values, repeat);
      if (f == 0)
        base = value;
      printf ("%-42s %10.1f %8.2f\n", names[f], value, value / base);
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 3 && g_str_equal (argv[1], "generate"))
    return generate (argv[2], argc > 3 ? atoi (argv[3]) : 500, argc > 4 ? atoi (argv[4]) : 10);
  if (argc >= 3 && g_str_equal (argv[1], "run"))
    return run (argv[2], argc > 3 ? MAX (atoi (argv[3]), 1) : 3);
  fprintf (stderr, "usage: %s generate DIR [UNITS] [PROJECTS] | run DIR [REPEAT]\n", argv[0]);
  return 2;
}
