/* zp-cli-new.c — `ziping-cli new --from FILE --year YYYY -o OUT`: next year's workbook,
 * with this year's forms, indicators and targets and every actual cleared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-cli.h"
#include "zp-cli-common.h"

#define MIN_YEAR 2000
#define MAX_YEAR 2999

int
zp_cli_new (int    argc,
            char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *output = NULL;
  int year = 0;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("This year's workbook"), N_("FILE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The new workbook's year"), "YYYY" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the new workbook"), N_("OUT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace OUT if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(ZpWorkbook) next = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context, _("Start a new year's workbook from an old one: forms, "
                                           "goals, indicators, targets and weights are kept; "
                                           "actuals, spending, scores typed by hand, notes and "
                                           "explanations are cleared."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return zp_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);
  if (from == NULL || output == NULL || year == 0)
    return zp_cli_usage_error (context, _("--from, --year and -o are required"));
  if (year < MIN_YEAR || year > MAX_YEAR)
    return zp_cli_usage_error (context, _("--year %d is not a year between %d and %d"), year, MIN_YEAR, MAX_YEAR);

  file = g_file_new_for_commandline_arg (output);
  if (!force && g_file_query_exists (file, NULL))
    {
      fprintf (stderr, _("%s: %s exists; pass --force to replace it\n"), g_get_prgname (), output);
      return ZP_CLI_EXIT_USAGE;
    }

  workbook = zp_cli_load_workbook (from);
  if (workbook == NULL)
    return ZP_CLI_EXIT_USAGE;

  next = zp_workbook_new_year (workbook, (guint) year);
  if (!zp_workbook_save (next, file, &error))
    {
      fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
      return ZP_CLI_EXIT_USAGE;
    }

  printf (_("Wrote %s: %u forms for %d\n"), output, zp_workbook_get_n_forms (next), year);
  return ZP_CLI_EXIT_OK;
}
