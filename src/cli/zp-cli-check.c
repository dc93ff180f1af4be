/* zp-cli-check.c — `ziping-cli check FILE [--json]`: the findings of the checks (审核).
 *
 * Exit status: 0 with no error (warnings allowed), 1 with errors, 2 when the file cannot
 * be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-cli.h"
#include "zp-cli-common.h"
#ifdef ZP_HAVE_EXPORT
#include "zp-evidence.h"
#endif

static const char *
severity_label (ZpSeverity severity)
{
  return severity == ZP_SEVERITY_ERROR ? _("error") : _("warning");
}

/* "[2] 科技条件专项: goal 1, row 3 (actual)", or the workbook-wide location. */
static char *
dup_location (ZpFinding *finding)
{
  ZpForm *form = zp_finding_get_form (finding);
  g_autofree char *location = zp_finding_dup_location (finding);
  g_autofree char *title = NULL;

  if (form == NULL)
    return g_steal_pointer (&location);

  title = zp_form_dup_title (form);
  return g_strdup_printf ("%s: %s", title, location);
}

static void
print_json (const char *path,
            GListModel *findings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  zp_cli_json_add_string (builder, "file", path);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, zp_findings_count (findings, ZP_SEVERITY_ERROR, TRUE));
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, zp_findings_count (findings, ZP_SEVERITY_WARNING, TRUE));
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *location = zp_finding_dup_location (finding);
      g_autofree char *form_title = NULL;

      if (zp_finding_get_form (finding) != NULL)
        form_title = zp_form_dup_title (zp_finding_get_form (finding));

      json_builder_begin_object (builder);
      zp_cli_json_add_string (builder, "severity", zp_severity_to_string (zp_finding_get_severity (finding)));
      zp_cli_json_add_string (builder, "code", zp_finding_get_code (finding));
      zp_cli_json_add_string (builder, "form", form_title);
      json_builder_set_member_name (builder, "goal");
      json_builder_add_int_value (builder, zp_finding_get_goal (finding));
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, zp_finding_get_row (finding));
      zp_cli_json_add_string (builder, "field", zp_finding_get_field (finding));
      zp_cli_json_add_string (builder, "location", location);
      zp_cli_json_add_string (builder, "key", zp_finding_get_key (finding));
      zp_cli_json_add_string (builder, "message", zp_finding_get_message (finding));
      zp_cli_json_add_string (builder, "explanation", zp_finding_get_explanation (finding));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  zp_cli_print_json (root);
}

static void
print_text (const char *path,
            GListModel *findings)
{
  g_autoptr(ZpCliTable) table = zp_cli_table_new (4);
  guint n_errors = zp_findings_count (findings, ZP_SEVERITY_ERROR, TRUE);
  guint n_warnings = zp_findings_count (findings, ZP_SEVERITY_WARNING, TRUE);
  guint n_explained = n_warnings - zp_findings_count (findings, ZP_SEVERITY_WARNING, FALSE);

  /* The message is the last column, so a long one does not widen the others; an
   * explanation (出错说明) follows on its own row. */
  zp_cli_table_set_headers (table, _("Severity"), _("Code"), _("Location"), _("Message"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *location = dup_location (finding);
      const char *explanation = zp_finding_get_explanation (finding);

      zp_cli_table_add_row (table, severity_label (zp_finding_get_severity (finding)),
                            zp_finding_get_code (finding), location,
                            zp_finding_get_message (finding), NULL);
      if (explanation != NULL && *explanation != '\0')
        {
          g_autofree char *line = g_strdup_printf (_("Explanation: %s"), explanation);

          zp_cli_table_add_row (table, "", "", "", line, NULL);
        }
    }

  if (zp_cli_table_get_n_rows (table) > 0)
    {
      zp_cli_table_print (table, stdout, NULL);
      printf ("\n");
    }
  /* TRANSLATORS: the file, then counts of errors, warnings and explained warnings */
  printf (_("%s: %u errors, %u warnings (%u explained)\n"), path, n_errors, n_warnings, n_explained);
}

/* The evidence files, resolved against the file's folder (zp-evidence.h). */
static void
add_evidence_findings (GListStore *findings,
                       ZpWorkbook *workbook,
                       const char *path,
                       gboolean    met_without)
{
#ifdef ZP_HAVE_EXPORT
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GListStore) evidence = zp_evidence_check (workbook, folder, met_without);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (evidence)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (evidence), i);

      g_list_store_append (findings, finding);
    }
#endif
}

int
zp_cli_check (int    argc,
              char **argv)
{
  gboolean json = FALSE, met_without_evidence = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "met-without-evidence", 0, 0, G_OPTION_ARG_NONE, &met_without_evidence, N_("Also list met indicators without evidence"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(GListStore) findings = NULL;
  int status;

  g_option_context_set_summary (context, _("List the findings of the checks: severity, code, "
                                           "location, message and explanation.\n\n"
                                           "Exit status: 0 with no error (warnings allowed), "
                                           "1 with errors, 2 when the file cannot be read."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return zp_cli_usage_error (context, _("expected one FILE"));

  workbook = zp_cli_load_workbook (argv[1]);
  if (workbook == NULL)
    return ZP_CLI_EXIT_USAGE;

  findings = zp_check_workbook (workbook);
  add_evidence_findings (findings, workbook, argv[1], met_without_evidence);
  if (json)
    print_json (argv[1], G_LIST_MODEL (findings));
  else
    print_text (argv[1], G_LIST_MODEL (findings));

  if (zp_findings_count (G_LIST_MODEL (findings), ZP_SEVERITY_ERROR, TRUE) > 0)
    return ZP_CLI_EXIT_FINDINGS;

  return ZP_CLI_EXIT_OK;
}
