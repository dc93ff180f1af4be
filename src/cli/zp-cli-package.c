/* zp-cli-package.c — ziping-cli package FILE -o DIR|ZIP [--docx] [--force]: one submission
 * package (zp-package.h) with a manifest of SHA-256 checksums.
 *
 * While the workbook has errors the package is refused and the errors are listed (exit
 * status 1), unless --force; --force also replaces an existing target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "zp-cli.h"
#include "zp-cli-common.h"
#include "zp-package.h"

static void
list_errors (ZpWorkbook *workbook,
             const char *path)
{
  g_autoptr(GListStore) findings = zp_check_workbook (workbook);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *location = NULL;
      g_autofree char *title = NULL;

      if (zp_finding_get_severity (finding) != ZP_SEVERITY_ERROR)
        continue;
      location = zp_finding_dup_location (finding);
      if (zp_finding_get_form (finding) != NULL)
        title = zp_form_dup_title (zp_finding_get_form (finding));
      g_printerr (_("%1$s: error: %2$s%3$s%4$s: %5$s\n"), path, title != NULL ? title : "",
                  title != NULL ? ": " : "", location, zp_finding_get_message (finding));
    }
}

int
zp_cli_package (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  gboolean force = FALSE, docx = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The package: a folder, or a file ending in .zip"), "DIR|ZIP" },
    { "docx", 0, 0, G_OPTION_ARG_NONE, &docx, N_("Add the forms, the report and the summary table as Word documents"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Package a workbook that has errors; replace an existing package"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — one package for the bureau: forms, report, summary table, evidence and checksums"));
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  ZpPackageOptions options;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return zp_cli_usage_error (context, _("give exactly one FILE"));
  if (output == NULL)
    return zp_cli_usage_error (context, _("--output (-o) is required"));

  workbook = zp_cli_load_workbook (argv[1]);
  if (workbook == NULL)
    return ZP_CLI_EXIT_USAGE;
  source = g_file_new_for_commandline_arg (argv[1]);
  target = g_file_new_for_commandline_arg (output);
  options = (ZpPackageOptions) { force, docx };
  if (!zp_package_write (workbook, source, &options, target, &files, &error))
    {
      if (g_error_matches (error, ZP_PACKAGE_ERROR, ZP_PACKAGE_ERROR_HAS_ERRORS))
        list_errors (workbook, argv[1]);
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return ZP_CLI_EXIT_FINDINGS;
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u file\n", "Wrote %s: %u files\n",
                       g_strv_length (files)),
          output, g_strv_length (files));
  for (guint i = 0; files[i] != NULL; i++)
    printf ("  %s\n", files[i]);
  return ZP_CLI_EXIT_OK;
}
