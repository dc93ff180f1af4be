/* zp-cli-summary.c — `ziping-cli summary FILE|FOLDER… [--json] [--format F -o OUT]`: one
 * row per form across many workbooks (汇总): unit, year, form, money, total, execution
 * rate, grade, errors and warnings. A FOLDER stands for the .ziping files in it.
 *
 * --format xlsx|csv|json|docx|pdf -o OUT writes the 汇总表 (zp-summary-table.h): for one
 * workbook its projects with the columns, totals and grades; for several, one row
 * per unit and form with the checks of each.
 *
 * Findings about the whole workbook (the cross-form sums) count on its department form's
 * row, or on its first form's when it has none. Explained warnings are not counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "zp-cli.h"
#include "zp-cli-common.h"
#ifdef ZP_HAVE_EXPORT
#include "zp-summary-table.h"
#endif

typedef struct
{
  guint errors;
  guint warnings;
} Counts;

/* Per-form counts, indexed like zp_workbook_get_forms(). */
static Counts *
count_findings (ZpWorkbook *workbook)
{
  guint n_forms = zp_workbook_get_n_forms (workbook);
  g_autoptr(GListStore) findings = zp_check_workbook (workbook);
  Counts *counts = g_new0 (Counts, MAX (n_forms, 1));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);
      ZpForm *form = zp_finding_get_form (finding);
      guint position = form != NULL ? zp_workbook_find_form (workbook, form) : 0;

      if (position == G_MAXUINT)
        position = 0;
      if (zp_finding_get_severity (finding) == ZP_SEVERITY_ERROR)
        counts[position].errors++;
      else if (!zp_finding_is_explained (finding))
        counts[position].warnings++;
    }

  return counts;
}

static void
add_rows (ZpCliTable  *table,
          JsonBuilder *builder,
          const char  *path,
          ZpWorkbook  *workbook)
{
  g_autofree Counts *counts = count_findings (workbook);

  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);
      ZpScheme *scheme = zp_form_get_scheme (form);
      g_autofree char *title = zp_form_dup_title (form);
      g_autofree char *score = zp_cli_format_score (zp_form_get_total (form), scheme);
      /* "80.69, 1 row not scored": a total that misses rows says so. */
      g_autofree char *total = zp_format_incomplete_total (score, zp_form_get_n_unscored (form), FALSE);
      g_autofree char *errors = g_strdup_printf ("%u", counts[i].errors);
      g_autofree char *warnings = g_strdup_printf ("%u", counts[i].warnings);
      ZpDecimal rate_value;
      gboolean has_rate = zp_form_get_execution_rate (form, &rate_value);
      g_autofree char *rate = zp_cli_format_rate (has_rate, rate_value);

      if (table != NULL)
        {
          g_autofree char *short_title = zp_cli_ellipsize (title, 30);
          g_autofree char *unit = zp_cli_ellipsize (zp_workbook_get_unit (workbook), 24);

          g_autofree char *year = g_strdup_printf ("%u", zp_workbook_get_year (workbook));

          zp_cli_table_add_row (table, unit, year, short_title, total, rate != NULL ? rate : "—",
                                errors, warnings, NULL);
          continue;
        }

      json_builder_begin_object (builder);
      zp_cli_json_add_string (builder, "file", path);
      zp_cli_json_add_string (builder, "unit", zp_workbook_get_unit (workbook));
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, zp_workbook_get_year (workbook));
      zp_cli_json_add_string (builder, "kind", zp_form_is_department (form) ? "department" : "project");
      zp_cli_json_add_string (builder, "title", title);
      zp_cli_json_add_string (builder, "total", score);
      json_builder_set_member_name (builder, "unscored");
      json_builder_add_int_value (builder, zp_form_get_n_unscored (form));
      zp_cli_json_add_string (builder, "execution_rate", rate);
      json_builder_set_member_name (builder, "errors");
      json_builder_add_int_value (builder, counts[i].errors);
      json_builder_set_member_name (builder, "warnings");
      json_builder_add_int_value (builder, counts[i].warnings);
      json_builder_end_object (builder);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* FILE arguments, a folder standing for its .ziping files in name order. */
static GPtrArray *
expand_arguments (int    argc,
                  char **argv)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_file_test (argv[i], G_FILE_TEST_IS_DIR) ? g_dir_open (argv[i], 0, NULL) : NULL;
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          g_ptr_array_add (paths, g_strdup (argv[i]));
          continue;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".ziping"))
          g_ptr_array_add (found, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (found, compare_paths);
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (paths, g_strdup (g_ptr_array_index (found, j)));
    }
  return paths;
}

#ifdef ZP_HAVE_EXPORT
static void
add_to_table (ZpSummaryTable *table,
              gboolean        across,
              const char     *path,
              ZpWorkbook     *workbook)
{
  g_autofree Counts *counts = NULL;
  guint n = MAX (zp_workbook_get_n_forms (workbook), 1);
  g_autofree guint *errors = g_new0 (guint, n);
  g_autofree guint *warnings = g_new0 (guint, n);

  /* A unit's own 汇总表 has the columns; the checks are for the roll-up. */
  if (!across)
    {
      zp_summary_table_add_workbook (table, workbook, path, NULL, NULL);
      return;
    }
  counts = count_findings (workbook);
  for (guint i = 0; i < n; i++)
    {
      errors[i] = counts[i].errors;
      warnings[i] = counts[i].warnings;
    }
  zp_summary_table_add_workbook (table, workbook, path, errors, warnings);
}

static char *
table_title (ZpWorkbook *first,
             gboolean    across)
{
  if (across || first == NULL)
    return g_strdup ("绩效自评汇总表");
  return g_strdup_printf ("%u 年度%s项目支出绩效自评汇总表", zp_workbook_get_year (first),
                          zp_workbook_get_unit (first));
}

static void
print_entries (ZpSummaryTable *table)
{
  g_autoptr(ZpCliTable) out = zp_cli_table_new (10);

  zp_cli_table_set_headers (out, _("Unit"), _("Year"), _("Form"), _("Budget"), _("Spent"),
                            _("Total"), _("Execution rate"), _("Grade"), _("Errors"),
                            _("Warnings"), NULL);
  for (guint i = 3; i < 10; i++)
    zp_cli_table_set_right_aligned (out, i);
  for (guint i = 0; i < zp_summary_table_get_n_entries (table); i++)
    {
      const ZpSummaryEntry *e = zp_summary_table_get_entry (table, i);
      g_autofree char *unit = zp_cli_ellipsize (e->unit, 24);
      g_autofree char *title = zp_cli_ellipsize (e->title, 30);
      g_autofree char *year = g_strdup_printf ("%u", e->year);
      g_autofree char *budget = e->has_budget ? zp_decimal_format (e->budget, 2) : g_strdup ("—");
      g_autofree char *spent = e->has_spent ? zp_decimal_format (e->spent, 2) : g_strdup ("—");
      g_autofree char *score = zp_decimal_format (e->total, 2);
      /* "80.69, 1 row not scored": a total that misses rows says so. */
      g_autofree char *total = zp_format_incomplete_total (score, e->unscored, FALSE);
      g_autofree char *rate = zp_cli_format_rate (e->has_rate, e->rate);
      g_autofree char *errors = g_strdup_printf ("%d", e->errors);
      g_autofree char *warnings = g_strdup_printf ("%d", e->warnings);

      zp_cli_table_add_row (out, unit, year, title, budget, spent, total, rate != NULL ? rate : "—",
                            zp_summary_table_grade_name (table, e->grade), errors, warnings, NULL);
    }
  zp_cli_table_print (out, stdout, NULL);
}

/* With the export library: every output from the one table. */
static int
run_summary (GPtrArray  *paths,
             gboolean    json,
             const char *format_text,
             const char *output)
{
  ZpSummaryFormat format = json ? ZP_SUMMARY_FORMAT_JSON : ZP_SUMMARY_FORMAT_CSV;
  gboolean writes = format_text != NULL || output != NULL;
  /* One workbook written as a file: its own 汇总表 of projects. */
  gboolean across = !writes || paths->len > 1;
  g_autoptr(ZpSummaryTable) table = zp_summary_table_new (across);
  g_autoptr(ZpWorkbook) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  int result = ZP_CLI_EXIT_OK;

  if (format_text != NULL && !zp_summary_format_from_string (format_text, &format))
    {
      g_printerr (_("%s: --format must be xlsx, csv, json, docx or pdf\n"), g_get_prgname ());
      return ZP_CLI_EXIT_USAGE;
    }
  if (format_text != NULL && output == NULL && format != ZP_SUMMARY_FORMAT_JSON)
    {
      g_printerr (_("%s: --format %s needs --output (-o)\n"), g_get_prgname (), format_text);
      return ZP_CLI_EXIT_USAGE;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(ZpWorkbook) workbook = zp_cli_load_workbook (path);

      if (workbook == NULL)
        {
          result = ZP_CLI_EXIT_USAGE;
          continue;
        }
      add_to_table (table, across, path, workbook);
      if (first == NULL)
        first = g_steal_pointer (&workbook);
    }
  title = table_title (first, across);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!zp_summary_table_write (table, format, title, file, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          return ZP_CLI_EXIT_FINDINGS;
        }
    }
  else if (format == ZP_SUMMARY_FORMAT_JSON)
    {
      g_autofree char *text = zp_summary_table_to_json (table);

      printf ("%s\n", text);
    }
  else
    print_entries (table);
  return result;
}
#endif

int
zp_cli_summary (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
#ifdef ZP_HAVE_EXPORT
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Write the summary table as xlsx, csv, json, docx or pdf"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write (the format follows its extension unless --format is given)"), "OUT" },
#endif
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE…"));
  g_autoptr(ZpCliTable) table = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  int result = ZP_CLI_EXIT_OK;
  int status;

  g_option_context_set_summary (context, _("One row per form across many workbooks: unit, "
                                           "form, total, execution rate, errors and warnings.\n\n"
                                           "Exit status: 2 when a file cannot be read (the "
                                           "others are still listed), else 0."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return zp_cli_usage_error (context, _("expected at least one FILE"));
  paths = expand_arguments (argc, argv);

#ifdef ZP_HAVE_EXPORT
  if (format == NULL && output != NULL)
    {
      const char *dot = strrchr (output, '.');

      format = g_ascii_strdown (dot != NULL ? dot + 1 : "", -1);
    }
  return run_summary (paths, json, format, output);
#endif

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else
    {
      table = zp_cli_table_new (7);
      zp_cli_table_set_headers (table, _("Unit"), _("Year"), _("Form"), _("Total"),
                                _("Execution rate"), _("Errors"), _("Warnings"), NULL);
      for (guint i = 3; i < 7; i++)
        zp_cli_table_set_right_aligned (table, i);
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(ZpWorkbook) workbook = zp_cli_load_workbook (path);

      if (workbook == NULL)
        {
          result = ZP_CLI_EXIT_USAGE;
          continue;
        }
      add_rows (table, builder, path, workbook);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      zp_cli_print_json (root);
    }
  else
    zp_cli_table_print (table, stdout, NULL);

  return result;
}
