/* zp-cli-scheme.c — `ziping-cli scheme list|show|export`: the built-in schemes and scheme
 * files, so that a bureau can hand its units one scheme file (`--scheme FILE`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zp-cli.h"
#include "zp-cli-common.h"

static const char *
split_word (ZpCategorySplit split)
{
  return split == ZP_CATEGORY_SPLIT_FREE ? "free" : "fixed";
}

static char *
points (ZpDecimal value)
{
  return zp_decimal_format_trim (value, ZP_DECIMAL_PLACES);
}

static int
scheme_list (gboolean json)
{
  const char * const *ids = zp_scheme_list_builtin ();
  g_autoptr(ZpCliTable) table = zp_cli_table_new (5);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  zp_cli_table_set_headers (table, _("Id"), _("Name"), _("Execution"), _("Indicators"), _("Split"), NULL);
  json_builder_begin_array (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(ZpScheme) scheme = zp_scheme_new_builtin (ids[i]);
      g_autofree char *execution = points (zp_scheme_get_execution_weight (scheme));
      g_autofree char *indicators = points (zp_scheme_get_indicator_weight (scheme));
      const char *split = split_word (zp_scheme_get_category_split (scheme));

      zp_cli_table_add_row (table, ids[i], zp_scheme_get_name (scheme), execution, indicators, split, NULL);
      json_builder_begin_object (builder);
      zp_cli_json_add_string (builder, "id", ids[i]);
      zp_cli_json_add_string (builder, "name", zp_scheme_get_name (scheme));
      zp_cli_json_add_string (builder, "execution_weight", execution);
      zp_cli_json_add_string (builder, "indicator_weight", indicators);
      zp_cli_json_add_string (builder, "category_split", split);
      zp_cli_json_add_string (builder, "layout", zp_scheme_get_layout (scheme));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      zp_cli_print_json (root);
    }
  else
    zp_cli_table_print (table, stdout, NULL);
  return ZP_CLI_EXIT_OK;
}

static void
print_scheme_text (ZpScheme *scheme)
{
  g_autoptr(ZpCliTable) table = zp_cli_table_new (2);
  g_autofree char *execution = points (zp_scheme_get_execution_weight (scheme));
  g_autofree char *indicators = points (zp_scheme_get_indicator_weight (scheme));
  g_autofree char *over = points (zp_scheme_get_over_achievement (scheme));
  g_autofree char *threshold = zp_decimal_format_percent (zp_scheme_get_execution_threshold (scheme), 2, TRUE);
  g_autofree char *decimals = g_strdup_printf ("%u", zp_scheme_get_decimals (scheme));
  g_autofree char *bands = NULL;
  g_autofree char *achieved = zp_decimal_format_percent (zp_scheme_get_band_lower (scheme, ZP_GRADE_ACHIEVED), 2, TRUE);
  g_autofree char *partial = zp_decimal_format_percent (zp_scheme_get_band_lower (scheme, ZP_GRADE_PARTIAL), 2, TRUE);
  g_autoptr(GString) categories = g_string_new (NULL);

  for (guint i = 0; i < zp_scheme_get_n_categories (scheme); i++)
    {
      g_autofree char *weight = points (zp_scheme_get_category_weight (scheme, i));

      g_string_append_printf (categories, "%s%s %s", i > 0 ? ", " : "",
                              zp_scheme_get_category_name (scheme, i), weight);
    }
  bands = g_strdup_printf ("达成 ≥ %s, 部分达成 ≥ %s, 未达成 ≥ 0%%", achieved, partial);

  zp_cli_table_add_row (table, _("Id:"), zp_scheme_get_id (scheme), NULL);
  zp_cli_table_add_row (table, _("Name:"), zp_scheme_get_name (scheme), NULL);
  zp_cli_table_add_row (table, _("Layout:"), zp_scheme_get_layout (scheme), NULL);
  zp_cli_table_add_row (table, _("Execution:"), execution, NULL);
  zp_cli_table_add_row (table, _("Indicators:"), indicators, NULL);
  zp_cli_table_add_row (table, _("Categories:"), categories->str, NULL);
  zp_cli_table_add_row (table, _("Split:"), split_word (zp_scheme_get_category_split (scheme)), NULL);
  zp_cli_table_add_row (table, _("Bands:"), bands, NULL);
  zp_cli_table_add_row (table, _("Reverse formula:"),
                        zp_scheme_get_reverse_formula (scheme) == ZP_REVERSE_FORMULA_LINEAR ? "linear" : "ratio", NULL);
  zp_cli_table_add_row (table, _("Over-achievement:"), over, NULL);
  zp_cli_table_add_row (table, _("Execution threshold:"), threshold, NULL);
  zp_cli_table_add_row (table, _("Decimals:"), decimals, NULL);
  zp_cli_table_add_row (table, _("Not applicable:"),
                        zp_scheme_get_not_applicable (scheme) == ZP_NOT_APPLICABLE_RESCALE ? "rescale" : "error",
                        NULL);
  zp_cli_table_print (table, stdout, NULL);
}

int
zp_cli_scheme (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("export: where to write the scheme file"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("export: replace FILE if it exists"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("list, show: print JSON (show: the scheme file itself)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("list | show ID|FILE | export ID|FILE -o FILE"));
  g_autoptr(ZpScheme) scheme = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;
  int status;

  g_option_context_set_summary (context, _("The scoring schemes: list the built-in ones, show one "
                                           "(built-in id or scheme file), or export one to a "
                                           "scheme file to edit and hand out; every --scheme "
                                           "option takes such a file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return zp_cli_usage_error (context, _("say list, show or export"));

  action = argv[1];
  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return zp_cli_usage_error (context, _("unexpected argument “%s”"), argv[2]);
      return scheme_list (json);
    }
  if (!g_str_equal (action, "show") && !g_str_equal (action, "export"))
    return zp_cli_usage_error (context, _("“%s” is not list, show or export"), action);
  if (argc != 3)
    return zp_cli_usage_error (context, _("%s needs one scheme: a built-in id or a scheme file"), action);

  scheme = zp_cli_load_scheme (argv[2], &error);
  if (scheme == NULL)
    {
      fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
      return ZP_CLI_EXIT_USAGE;
    }

  if (g_str_equal (action, "show"))
    {
      if (json)
        {
          g_autofree char *data = zp_scheme_to_data (scheme, NULL);

          fputs (data, stdout);
        }
      else
        print_scheme_text (scheme);
      return ZP_CLI_EXIT_OK;
    }

  /* export */
  if (output == NULL)
    return zp_cli_usage_error (context, _("export needs -o FILE"));
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

    if (!force && g_file_query_exists (file, NULL))
      {
        fprintf (stderr, _("%s: %s exists; pass --force to replace it\n"), g_get_prgname (), output);
        return ZP_CLI_EXIT_USAGE;
      }
    if (!zp_scheme_save (scheme, file, &error))
      {
        fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
        return ZP_CLI_EXIT_USAGE;
      }
  }
  printf (_("Wrote %s: the scheme “%s”\n"), output, zp_scheme_get_name (scheme));
  return ZP_CLI_EXIT_OK;
}
