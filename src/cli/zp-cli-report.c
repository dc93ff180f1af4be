/* zp-cli-report.c — ziping-cli report FILE [-o OUT.txt|.pdf|.docx] [--template ID|FILE]:
 * the written report (预算绩效情况说明 / 自评报告) generated from the workbook.
 *
 * Without -o the text goes to stdout. A section longer than its template's limit is
 * reported on stderr and the exit status is 1 (the report is still written).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "zp-cli.h"
#include "zp-cli-common.h"
#include "zp-docx.h"
#include "zp-written-report.h"

static ZpReportTemplate *
open_template (const char  *name,
               ZpWorkbook  *workbook,
               GError     **error)
{
  g_autoptr(GFile) file = NULL;
  ZpReportTemplate *template_;

  if (name == NULL)
    return zp_report_template_new_for_scheme (zp_workbook_get_scheme (workbook));
  template_ = zp_report_template_new_builtin (name);
  if (template_ != NULL)
    return template_;
  file = g_file_new_for_commandline_arg (name);
  return zp_report_template_load (file, error);
}

static gboolean
write_report (ZpWrittenReport  *report,
              const char       *output,
              GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autofree char *lower = g_ascii_strdown (output, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    return zp_written_report_write_pdf (report, file, error);
  if (g_str_has_suffix (lower, ".docx"))
    return zp_docx_write_report (report, file, error);
  return zp_written_report_write_text (report, file, error);
}

static void
list_templates (void)
{
  const char * const *ids = zp_report_template_list_builtin ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(ZpReportTemplate) template_ = zp_report_template_new_builtin (ids[i]);

      printf ("%s\t%s\n", ids[i], zp_report_template_get_name (template_));
    }
}

static int
report_overruns (ZpWrittenReport *report,
                 const char      *path)
{
  GPtrArray *overruns = zp_written_report_get_overruns (report);

  for (guint i = 0; i < overruns->len; i++)
    {
      g_autofree char *message = zp_report_overrun_describe (g_ptr_array_index (overruns, i));

      g_printerr ("%s: %s: %s\n", g_get_prgname (), path, message);
    }
  return overruns->len > 0 ? ZP_CLI_EXIT_FINDINGS : ZP_CLI_EXIT_OK;
}

/* Edited paragraphs whose generated text moved on since the edit: their figures may no
 * longer match the forms. */
static int
report_stale_edits (ZpWrittenReport *report,
                    const char      *path)
{
  guint stale = 0;

  for (guint i = 0; i < zp_written_report_get_n_paragraphs (report); i++)
    {
      const ZpReportParagraph *paragraph = zp_written_report_get_paragraph (report, i);

      if (!paragraph->stale)
        continue;
      stale++;
      g_printerr (_("%1$s: %2$s: paragraph %3$s was edited before the forms changed; the forms now give: %4$s\n"),
                  g_get_prgname (), path, paragraph->key, paragraph->generated);
    }
  return stale > 0 ? ZP_CLI_EXIT_FINDINGS : ZP_CLI_EXIT_OK;
}

int
zp_cli_report (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *template_name = NULL;
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write: .txt, .pdf or .docx (default: text on standard output)"), "OUT" },
    { "template", 't', 0, G_OPTION_ARG_FILENAME, &template_name, N_("A built-in template or a template file (default: the scheme’s)"), "ID|FILE" },
    { "list-templates", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the built-in templates"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — the written report generated from the forms"));
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(ZpReportTemplate) template_ = NULL;
  g_autoptr(ZpWrittenReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status, stale_status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (list)
    {
      list_templates ();
      return ZP_CLI_EXIT_OK;
    }
  if (argc != 2)
    return zp_cli_usage_error (context, _("give exactly one FILE"));

  workbook = zp_cli_load_workbook (argv[1]);
  if (workbook == NULL)
    return ZP_CLI_EXIT_USAGE;
  template_ = open_template (template_name, workbook, &error);
  if (template_ == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return ZP_CLI_EXIT_USAGE;
    }
  report = zp_written_report_generate (workbook, template_);
  if (output == NULL)
    {
      g_autofree char *text = zp_written_report_to_text (report);

      fputs (text, stdout);
    }
  else if (!write_report (report, output, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return ZP_CLI_EXIT_FINDINGS;
    }
  status = report_overruns (report, argv[1]);
  stale_status = report_stale_edits (report, argv[1]);
  return MAX (status, stale_status);
}
