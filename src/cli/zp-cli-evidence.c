/* zp-cli-evidence.c — ziping-cli evidence FILE [--met-without]: the 佐证材料 attached to
 * the forms and indicators, whether each file is there, and (optional check) which met
 * indicators have none. Exit status 1 when a file is missing or outside the workbook's
 * folder (or, with --met-without, when a met indicator has no evidence).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "zp-cli.h"
#include "zp-cli-common.h"
#include "zp-evidence.h"

static const char *
state_label (ZpEvidenceState state)
{
  switch (state)
    {
    case ZP_EVIDENCE_MISSING:
      return _("missing");
    case ZP_EVIDENCE_OUTSIDE:
      return _("outside the workbook’s folder");
    case ZP_EVIDENCE_PRESENT:
    default:
      return _("present");
    }
}

static guint
print_attachments (GPtrArray *items)
{
  g_autoptr(ZpCliTable) table = zp_cli_table_new (3);
  guint problems = 0;

  zp_cli_table_set_headers (table, _("Attached to"), _("File"), _("State"), NULL);
  for (guint i = 0; i < items->len; i++)
    {
      ZpEvidenceItem *item = g_ptr_array_index (items, i);
      g_autofree char *place = zp_evidence_item_describe (item);

      zp_cli_table_add_row (table, place, item->path, state_label (item->state), NULL);
      problems += item->state != ZP_EVIDENCE_PRESENT;
    }
  if (items->len > 0)
    zp_cli_table_print (table, stdout, NULL);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u evidence file, %u missing or unusable\n",
                       "%u evidence files, %u missing or unusable\n", items->len),
          items->len, problems);
  return problems;
}

static guint
print_met_without (GPtrArray *items)
{
  printf (g_dngettext (GETTEXT_PACKAGE, "%u met indicator has no evidence\n",
                       "%u met indicators have no evidence\n", items->len), items->len);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *place = zp_evidence_item_describe (g_ptr_array_index (items, i));

      printf ("  %s\n", place);
    }
  return items->len;
}

int
zp_cli_evidence (int    argc,
                 char **argv)
{
  gboolean met_without = FALSE;
  const GOptionEntry entries[] = {
    { "met-without", 0, 0, G_OPTION_ARG_NONE, &met_without, N_("Also list the met indicators that have no evidence"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — the evidence files (佐证材料) and whether they are there"));
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *folder = NULL;
  guint problems;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return zp_cli_usage_error (context, _("give exactly one FILE"));
  workbook = zp_cli_load_workbook (argv[1]);
  if (workbook == NULL)
    return ZP_CLI_EXIT_USAGE;

  folder = g_path_get_dirname (argv[1]);
  items = zp_evidence_collect (workbook, folder);
  problems = print_attachments (items);
  if (met_without)
    {
      g_autoptr(GPtrArray) without = zp_evidence_met_without (workbook);

      problems += print_met_without (without);
    }
  return problems > 0 ? ZP_CLI_EXIT_FINDINGS : ZP_CLI_EXIT_OK;
}
