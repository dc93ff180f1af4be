/* zp-cli-summary.c — `ziping-cli summary FILE… [--json]`: one row per form across many
 * workbooks (汇总): unit, year, form, total, execution rate, errors and warnings.
 *
 * Findings about the whole workbook (the cross-form sums) count on its department form's
 * row, or on its first form's when it has none. Explained warnings are not counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-cli.h"
#include "zp-cli-common.h"

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

int
zp_cli_summary (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
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

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(ZpWorkbook) workbook = zp_cli_load_workbook (argv[i]);

      if (workbook == NULL)
        {
          result = ZP_CLI_EXIT_USAGE;
          continue;
        }
      add_rows (table, builder, argv[i], workbook);
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
