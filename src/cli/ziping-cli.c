/* ziping-cli.c — scores, checks and sums self-evaluation workbooks from the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ziping-core.h"
#include "zp-cli.h"
#include "zp-cli-common.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} ZpCliCommand;

static const ZpCliCommand commands[] = {
  { "score",     zp_cli_score,     N_("Show the scores of every form in a workbook") },
  { "check",     zp_cli_check,     N_("Check a workbook and list errors and warnings") },
  { "indicator", zp_cli_indicator, N_("Score one indicator and explain the rule used") },
  { "execution", zp_cli_execution, N_("Compute a budget execution rate and its score") },
  { "new",       zp_cli_new,       N_("Start next year's workbook from this year's") },
  { "summary",   zp_cli_summary,   N_("One row per form across many workbooks") },
  { "scheme",    zp_cli_scheme,    N_("List, show or export scoring schemes") },
#ifdef ZP_HAVE_EXPORT
  { "export",    zp_cli_export,    N_("Export forms as .xlsx, PDF, CSV or Word") },
  { "evidence",  zp_cli_evidence,  N_("List the evidence files and say which are missing") },
  { "package",   zp_cli_package,   N_("One package for the bureau, with checksums") },
  { "report",    zp_cli_report,    N_("Write the report on the self-evaluation (text, PDF or Word)") },
#endif
#ifdef ZP_HAVE_IMPORT
  { "import",    zp_cli_import,    N_("Read forms from spreadsheets (.xlsx, .xls, .et) into a workbook") },
#endif
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  ziping-cli %s\n\n", _("Usage:"), _("COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      int pad = 12 - (int) strlen (commands[i].name);

      fprintf (out, "  %s%*s%s\n", commands[i].name, pad, "", _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --help      %s\n", _("Show this help"));
  fprintf (out, "  --version   %s\n", _("Show the version"));
  fprintf (out, "\n%s\n", _("Run “ziping-cli COMMAND --help” for the options of a command."));
}

static const ZpCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

int
main (int    argc,
      char **argv)
{
  const ZpCliCommand *command;
  g_autofree char *prgname = NULL;

  setlocale (LC_ALL, "");
  /* Workbooks are UTF-8 and so are the Chinese option values people type (--grade 部分达成);
   * in a C or other non-UTF-8 locale GOption would refuse them ("Invalid byte sequence"):
   * read and write UTF-8 whatever the locale says, messages staying in its language. */
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  zp_core_init_i18n ();
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return ZP_CLI_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return ZP_CLI_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("ziping-cli %s\n", PACKAGE_VERSION);
      return ZP_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      fprintf (stderr, _("ziping-cli: unknown command “%s”\n\n"), argv[1]);
      print_help (stderr);
      return ZP_CLI_EXIT_USAGE;
    }

  /* Usage messages then read "ziping-cli score [OPTION…] FILE". */
  prgname = g_strdup_printf ("ziping-cli %s", command->name);
  g_set_prgname (prgname);

  return command->run (argc - 1, argv + 1);
}
