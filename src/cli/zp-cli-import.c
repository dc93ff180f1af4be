/* zp-cli-import.c — `ziping-cli import FILE… -o OUT.ziping`: the forms of spreadsheets
 * (.xlsx, .xls/.et, SpreadsheetML 2003, HTML tables) as a workbook.
 *
 * Exit 0 when everything was read, 1 when it was read with findings to resolve (a weight
 * to type, a column missing, a category not in the scheme), 2 when a file cannot be read
 * (then nothing is written).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-cli.h"
#include "zp-cli-common.h"
#include "zp-import.h"

#define MIN_YEAR 2000
#define MAX_YEAR 2999

static const char *
weight_source_text (ZpWeightSource source)
{
  switch (source)
    {
    case ZP_WEIGHT_PRINTED:        return _("printed");
    case ZP_WEIGHT_FROM_SCORE:     return _("from its score (met)");
    case ZP_WEIGHT_FROM_REMAINDER: return _("what its block has left");
    case ZP_WEIGHT_MISSING:
    default:                       return _("missing");
    }
}

static void
print_form (ZpImportForm *form,
            guint         number,
            gboolean      verbose)
{
  guint n = 0;

  for (guint g = 0; g < form->goals->len; g++)
    n += ((ZpImportGoal *) g_ptr_array_index (form->goals, g))->indicators->len;

  printf ("  %u. %s “%s” (%s, %s): ", number,
          form->department ? _("department form") : _("project form"),
          form->department ? (form->unit ? form->unit : "") : (form->name ? form->name : form->sheet),
          zp_import_layout_name (form->layout), form->where);
  if (form->department)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u goal, ", "%u goals, ", form->goals->len),
            form->goals->len);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator\n", "%u indicators\n", n), n);
  if (!verbose)
    return;

  for (guint i = 0; i < form->sources->len; i++)
    printf ("       %s\n", (const char *) g_ptr_array_index (form->sources, i));
  for (guint g = 0; g < form->goals->len; g++)
    {
      ZpImportGoal *goal = g_ptr_array_index (form->goals, g);

      for (guint i = 0; i < goal->indicators->len; i++)
        {
          ZpImportIndicator *ind = g_ptr_array_index (goal->indicators, i);

          printf (_("       %s ← %s (weight %s: %s)\n"), ind->name, ind->where,
                  *ind->weight ? ind->weight : "—", weight_source_text (ind->weight_source));
        }
    }
}

static void
print_notes (ZpImport *import,
             gboolean  needs_user)
{
  for (guint i = 0; i < import->notes->len; i++)
    {
      ZpImportNote *note = g_ptr_array_index (import->notes, i);

      if (note->needs_user == needs_user)
        printf ("  %s: %s\n", note->where, note->message);
    }
}

static const char *
guess_scheme (GPtrArray *imports)
{
  for (guint i = 0; i < imports->len; i++)
    if (g_strcmp0 (zp_import_guess_scheme (g_ptr_array_index (imports, i)), "central") == 0)
      return "central";
  return ZP_SCHEME_DEFAULT_ID;
}

int
zp_cli_import (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *scheme_id = NULL;
  g_autofree char *unit = NULL;
  int year = 0;
  gboolean verbose = FALSE, force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the workbook"), N_("OUT") },
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &scheme_id, N_("The scheme to score with (hubei, central)"), "ID" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The workbook's year (else the one the forms print)"), "YYYY" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The unit's name (else the one the forms print)"), N_("TEXT") },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Show the sheet and cell each field came from"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace OUT if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE…"));
  g_autoptr(GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify) zp_import_free);
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(ZpScheme) probe_scheme = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean needs_user = FALSE;
  guint n_forms = 0;
  int status;

  g_option_context_set_summary (context, _("Read the self-evaluation and target forms of "
                                           "spreadsheets (.xlsx, .xls, .et, SpreadsheetML 2003, "
                                           "HTML tables) into a new workbook."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return zp_cli_usage_error (context, _("name at least one spreadsheet to import"));
  if (output == NULL)
    return zp_cli_usage_error (context, _("-o OUT.ziping is required"));
  if (year != 0 && (year < MIN_YEAR || year > MAX_YEAR))
    return zp_cli_usage_error (context, _("--year %d is not a year between %d and %d"), year, MIN_YEAR, MAX_YEAR);
  if (scheme_id != NULL)
    {
      probe_scheme = zp_scheme_new_builtin (scheme_id);
      if (probe_scheme == NULL)
        return zp_cli_usage_error (context, _("unknown scheme “%s” (try hubei or central)"), scheme_id);
    }

  file = g_file_new_for_commandline_arg (output);
  if (!force && g_file_query_exists (file, NULL))
    {
      fprintf (stderr, _("%s: %s exists; pass --force to replace it\n"), g_get_prgname (), output);
      return ZP_CLI_EXIT_USAGE;
    }

  /* Read everything first: one unreadable file and nothing is written. */
  for (int i = 1; i < argc; i++)
    {
      ZpImport *import = zp_import_read (argv[i], probe_scheme, &error);

      if (import == NULL)
        {
          fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
          return ZP_CLI_EXIT_USAGE;
        }
      g_ptr_array_add (imports, import);
    }

  workbook = zp_workbook_new (scheme_id != NULL ? scheme_id : guess_scheme (imports));
  if (unit != NULL)
    zp_workbook_set_unit (workbook, unit);
  for (guint i = 0; i < imports->len; i++)
    {
      ZpImport *import = g_ptr_array_index (imports, i);

      zp_import_apply (import, workbook);
      if (unit != NULL && i == 0)
        zp_workbook_set_unit (workbook, unit);
    }
  if (year != 0)
    zp_workbook_set_year (workbook, (guint) year);

  for (guint i = 0; i < imports->len; i++)
    {
      ZpImport *import = g_ptr_array_index (imports, i);
      guint n = zp_import_count_indicators (import);

      printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u form, ", "%s: %u forms, ", import->forms->len),
              import->display_name, import->forms->len);
      printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator\n", "%u indicators\n", n), n);
      for (guint f = 0; f < import->forms->len; f++)
        print_form (g_ptr_array_index (import->forms, f), ++n_forms, verbose);
      if (zp_import_needs_user (import))
        {
          needs_user = TRUE;
          printf ("%s\n", _("To resolve:"));
          print_notes (import, TRUE);
        }
      if (verbose)
        {
          gboolean any = FALSE;

          for (guint k = 0; k < import->notes->len && !any; k++)
            any = !((ZpImportNote *) g_ptr_array_index (import->notes, k))->needs_user;
          if (any)
            {
              printf ("%s\n", _("Notes:"));
              print_notes (import, FALSE);
            }
        }
    }

  if (!zp_workbook_save (workbook, file, &error))
    {
      fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
      return ZP_CLI_EXIT_USAGE;
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u form\n", "Wrote %s: %u forms\n",
                       zp_workbook_get_n_forms (workbook)),
          output, zp_workbook_get_n_forms (workbook));
  return needs_user ? ZP_CLI_EXIT_FINDINGS : ZP_CLI_EXIT_OK;
}
