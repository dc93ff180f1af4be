/* zp-cli-export.c — ziping-cli export FILE --format xlsx|pdf|csv -o OUT
 *                   [--form N|NAME] [--layout hubei|central]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "zp-cli.h"
#include "zp-export.h"

#define EXIT_USAGE  2
#define EXIT_FAILED 1

static gboolean
parse_format (const char     *text,
              ZpExportFormat *out)
{
  if (g_strcmp0 (text, "xlsx") == 0)
    *out = ZP_EXPORT_FORMAT_XLSX;
  else if (g_strcmp0 (text, "pdf") == 0)
    *out = ZP_EXPORT_FORMAT_PDF;
  else if (g_strcmp0 (text, "csv") == 0)
    *out = ZP_EXPORT_FORMAT_CSV;
  else if (g_strcmp0 (text, "docx") == 0)
    *out = ZP_EXPORT_FORMAT_DOCX;
  else
    return FALSE;
  return TRUE;
}

/* N (1-based) or a form's title; −2 when nothing matches. */
static int
find_form (ZpWorkbook *workbook,
           const char *wanted)
{
  guint n = zp_workbook_get_n_forms (workbook);
  guint64 number;

  if (g_ascii_string_to_unsigned (wanted, 10, 1, G_MAXINT, &number, NULL))
    return number <= n ? (int) number - 1 : -2;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = zp_form_dup_title (zp_workbook_get_form (workbook, i));

      if (g_strcmp0 (title, wanted) == 0)
        return i;
    }
  return -2;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  if (message != NULL)
    g_printerr ("ziping-cli export: %s\n\n", message);
  g_printerr ("%s", help);
  return EXIT_USAGE;
}

/* Errors block nothing, but an export must not hide them (spec §4). */
static void
report_errors (ZpWorkbook *workbook,
               const char *path)
{
  g_autoptr(GListStore) findings = zp_check_workbook (workbook);
  guint errors = zp_findings_count (G_LIST_MODEL (findings), ZP_SEVERITY_ERROR, FALSE);

  if (errors == 0)
    return;
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "ziping-cli export: note: %s has %u error; the forms were exported as they are (see “ziping-cli check %s”)\n",
                           "ziping-cli export: note: %s has %u errors; the forms were exported as they are (see “ziping-cli check %s”)\n",
                           errors),
              path, errors, path);
}

static int
run_export (const char     *path,
            ZpExportFormat  format,
            const char     *output,
            const char     *form,
            const char     *layout)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load (file, &error);
  ZpExportOptions options = { -1, layout };

  if (workbook == NULL)
    {
      g_printerr ("ziping-cli export: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (form != NULL)
    {
      options.form = find_form (workbook, form);
      if (options.form < 0)
        {
          g_printerr (_("ziping-cli export: no form “%s” in %s (give its number, 1 to %u, or its title)\n"),
                      form, path, zp_workbook_get_n_forms (workbook));
          return EXIT_USAGE;
        }
    }

  if (!zp_export_workbook (workbook, format, &options, out, &error))
    {
      g_printerr ("ziping-cli export: %s\n", error->message);
      return g_error_matches (error, ZP_EXPORT_ERROR, ZP_EXPORT_ERROR_INVALID) ? EXIT_USAGE : EXIT_FAILED;
    }
  report_errors (workbook, path);
  return EXIT_SUCCESS;
}

int
zp_cli_export (int    argc,
               char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *form = NULL;
  g_autofree char *layout = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: xlsx, pdf, csv or docx"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write"), "OUT" },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form, N_("Only this form: its number (1 is the first) or its title"), "N|NAME" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout, N_("Layout: hubei or central (default: the scheme’s)"), "LAYOUT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — export the forms in their published layout"));
  g_autoptr(GError) error = NULL;
  ZpExportFormat format;

  g_option_context_set_help_enabled (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return usage_error (context, _("give exactly one FILE"));
  if (format_text == NULL || !parse_format (format_text, &format))
    return usage_error (context, _("--format must be xlsx, pdf, csv or docx"));
  if (output == NULL)
    return usage_error (context, _("--output (-o) is required"));
  if (layout != NULL && g_strcmp0 (layout, "hubei") != 0 && g_strcmp0 (layout, "central") != 0)
    return usage_error (context, _("--layout must be hubei or central"));

  return run_export (files[0], format, output, form, layout);
}
