/* zp-cli-score.c — `ziping-cli score FILE [--json]`: every form's scores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "zp-cli.h"
#include "zp-cli-common.h"

#define TEXT_COLUMN_WIDTH 28

static const char *
form_kind (ZpForm *form)
{
  return zp_form_is_department (form) ? "department" : "project";
}

static const char *
form_kind_label (ZpForm *form)
{
  return zp_form_is_department (form) ? _("department form") : _("project form");
}

/* ---- JSON ---- */

/* Each form is printed as json-glib prints it (pretty, indent 2: "name" : value), to the
 * byte: its escapes included (\b \t \n \f \r, \u00XX for other controls but 0x1F, \u007f),
 * without building a tree (tests/cli/test-score-json.c compares with json-glib). */
#define JSON_MAX_DEPTH 8

typedef struct
{
  GString  *out;
  guint     level;
  gboolean  first[JSON_MAX_DEPTH];
  gboolean  after_name;
} JsonOut;

static void
json_indent (JsonOut *json)
{
  for (guint i = 0; i < json->level * 2; i++)
    g_string_append_c (json->out, ' ');
}

static void
json_escape (GString    *out,
             const char *text)
{
  for (const char *p = text; *p; p++)
    {
      unsigned char c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if ((c < 0x1f) || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
}

/* What comes before a value: nothing after a member's name, else the separator and
 * indentation of an array's element. */
static void
json_value_start (JsonOut *json)
{
  if (json->after_name)
    {
      json->after_name = FALSE;
      return;
    }
  g_string_append (json->out, json->first[json->level] ? "\n" : ",\n");
  json->first[json->level] = FALSE;
  json_indent (json);
}

static void
json_name (JsonOut    *json,
           const char *name)
{
  g_string_append (json->out, json->first[json->level] ? "\n" : ",\n");
  json->first[json->level] = FALSE;
  json_indent (json);
  g_string_append_c (json->out, '"');
  json_escape (json->out, name);
  g_string_append (json->out, "\" : ");
  json->after_name = TRUE;
}

static void
json_begin (JsonOut *json,
            char     bracket)
{
  json_value_start (json);
  g_string_append_c (json->out, bracket);
  json->level++;
  g_assert (json->level < JSON_MAX_DEPTH);
  json->first[json->level] = TRUE;
}

static void
json_end (JsonOut *json,
          char     bracket)
{
  gboolean empty = json->first[json->level];

  json->level--;
  if (!empty)
    {
      g_string_append_c (json->out, '\n');
      json_indent (json);
    }
  g_string_append_c (json->out, bracket);
}

static void
json_string (JsonOut    *json,
             const char *value)
{
  json_value_start (json);
  if (value == NULL)
    {
      g_string_append (json->out, "null");
      return;
    }
  g_string_append_c (json->out, '"');
  json_escape (json->out, value);
  g_string_append_c (json->out, '"');
}

static void
json_member_string (JsonOut    *json,
                    const char *name,
                    const char *value)
{
  json_name (json, name);
  json_string (json, value);
}

static void
json_member_int (JsonOut    *json,
                 const char *name,
                 gint64      value)
{
  json_name (json, name);
  json_value_start (json);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
}

static void
add_blocks_json (JsonOut     *json,
                 ZpForm      *form,
                 ZpScheme    *scheme)
{
  g_autoptr(GPtrArray) blocks = zp_form_summarize_blocks (form);

  json_name (json, "blocks");
  json_begin (json, '[');
  for (guint i = 0; i < blocks->len; i++)
    {
      ZpBlockSummary *block = g_ptr_array_index (blocks, i);
      g_autofree char *weight = block->has_weight ? zp_cli_format_score (block->weight, scheme) : NULL;
      g_autofree char *weight_sum = zp_cli_format_score (block->weight_sum, scheme);
      g_autofree char *score = zp_cli_format_score (block->score, scheme);

      json_begin (json, '{');
      json_member_string (json, "name", block->name);
      json_member_int (json, "goal", block->goal_index);
      json_member_string (json, "weight", weight);
      json_member_string (json, "weight_sum", weight_sum);
      json_member_string (json, "score", score);
      json_member_int (json, "indicators", block->n_indicators);
      json_end (json, '}');
    }
  json_end (json, ']');
}

static void
add_indicator_json (JsonOut     *json,
                    ZpIndicator *indicator,
                    guint        goal,
                    guint        row,
                    ZpScheme    *scheme)
{
  g_autofree char *weight = zp_cli_format_weight (zp_indicator_get_weight (indicator), scheme);
  g_autofree char *score = zp_cli_format_score (zp_indicator_get_score (indicator), scheme);
  g_auto(GStrv) flags = zp_cli_indicator_flag_names (zp_indicator_get_flags (indicator));
  gboolean scored = zp_indicator_get_state (indicator) != ZP_INDICATOR_STATE_UNSCORED;

  json_begin (json, '{');
  json_member_int (json, "goal", goal);
  json_member_int (json, "row", row);
  json_member_string (json, "category", zp_indicator_get_category (indicator));
  json_member_string (json, "subcategory", zp_indicator_get_subcategory (indicator));
  json_member_string (json, "name", zp_indicator_get_name (indicator));
  json_member_string (json, "target", zp_indicator_get_target (indicator));
  json_member_string (json, "actual", zp_indicator_get_actual (indicator));
  json_member_string (json, "weight", weight);
  json_member_string (json, "score", scored ? score : NULL);
  json_member_string (json, "state",
                      zp_cli_enum_nick (ZP_TYPE_INDICATOR_STATE, zp_indicator_get_state (indicator)));
  json_member_string (json, "direction",
                      zp_direction_to_string (zp_indicator_get_effective_direction (indicator)));
  json_member_string (json, "rule", zp_rule_to_string (zp_indicator_get_rule (indicator)));
  json_name (json, "flags");
  json_begin (json, '[');
  for (guint i = 0; flags[i] != NULL; i++)
    json_string (json, flags[i]);
  json_end (json, ']');
  json_end (json, '}');
}

static void
add_indicators_json (JsonOut     *json,
                     ZpForm      *form,
                     ZpScheme    *scheme)
{
  json_name (json, "indicators");
  json_begin (json, '[');
  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint r = 0; r < zp_goal_get_n_indicators (goal); r++)
        add_indicator_json (json, zp_goal_get_indicator (goal, r), g, r, scheme);
    }
  json_end (json, ']');
}

/* The form as the element of the "forms" array, indented as json-glib indents it there. */
static void
write_form_json (GString *out,
                 ZpForm  *form,
                 guint    index)
{
  JsonOut json_out = { out, 2, { FALSE }, TRUE };
  JsonOut *json = &json_out;
  ZpScheme *scheme = zp_form_get_scheme (form);
  g_autofree char *title = zp_form_dup_title (form);
  g_autofree char *budget = zp_cli_format_amount (zp_form_get_budget (form));
  g_autofree char *spent = zp_cli_format_amount (zp_form_get_spent (form));
  ZpDecimal rate_value;
  gboolean has_rate = zp_form_get_execution_rate (form, &rate_value);
  g_autofree char *rate = zp_cli_format_rate (has_rate, rate_value);
  g_autofree char *exec_weight = zp_cli_format_score (zp_form_get_execution_weight (form), scheme);
  g_autofree char *exec_score = zp_cli_format_score (zp_form_get_execution_score (form), scheme);
  g_autofree char *indicator_score = zp_cli_format_score (zp_form_get_indicator_score (form), scheme);
  g_autofree char *total = zp_cli_format_score (zp_form_get_total (form), scheme);

  json_begin (json, '{');
  json_member_int (json, "index", index);
  json_member_string (json, "kind", form_kind (form));
  json_member_string (json, "title", title);
  json_member_string (json, "budget", budget);
  json_member_string (json, "spent", spent);
  json_member_string (json, "execution_rate", rate);
  json_member_string (json, "execution_weight", exec_weight);
  json_member_string (json, "execution_score", has_rate ? exec_score : NULL);
  add_blocks_json (json, form, scheme);
  add_indicators_json (json, form, scheme);
  json_member_string (json, "indicator_score", indicator_score);
  json_member_string (json, "total", total);
  /* Rows whose points are missing from the total (issue 9): 0 when it is complete. */
  json_member_int (json, "unscored", zp_form_get_n_unscored (form));
  json_end (json, '}');
}

static char *
to_pretty_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* The workbook's members with an empty "forms" array, as json-glib prints them. */
static char *
header_json (const char *path,
             ZpWorkbook *workbook)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  zp_cli_json_add_string (builder, "file", path);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, zp_workbook_get_year (workbook));
  zp_cli_json_add_string (builder, "unit", zp_workbook_get_unit (workbook));
  zp_cli_json_add_string (builder, "scheme", zp_scheme_get_id (zp_workbook_get_scheme (workbook)));
  json_builder_set_member_name (builder, "forms");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return to_pretty_json (root);
}

#define EMPTY_FORMS_TAIL "[]\n}"

/* Form by form: the same text as json-glib would print for the whole tree, with only
 * one form's tree in memory at a time (the whole tree of 8,000 forms takes 0.8 GB). */
static void
print_json (const char *path,
            ZpWorkbook *workbook)
{
  g_autofree char *header = header_json (path, workbook);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_forms = zp_workbook_get_n_forms (workbook);
  gsize len = strlen (header);

  g_assert (g_str_has_suffix (header, EMPTY_FORMS_TAIL));
  if (n_forms == 0)
    {
      printf ("%s\n", header);
      return;
    }

  fwrite (header, 1, len - strlen (EMPTY_FORMS_TAIL), stdout);
  fputs ("[\n", stdout);
  for (guint i = 0; i < n_forms; i++)
    {
      g_string_append (out, "    ");
      write_form_json (out, zp_workbook_get_form (workbook, i), i);
      g_string_append (out, i + 1 < n_forms ? ",\n" : "\n");
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
  fputs ("  ]\n}\n", stdout);
}

/* ---- text ---- */

static void
print_execution_text (ZpForm *form)
{
  ZpScheme *scheme = zp_form_get_scheme (form);
  g_autofree char *weight = zp_cli_format_score (zp_form_get_execution_weight (form), scheme);
  g_autofree char *budget = zp_cli_format_amount (zp_form_get_budget (form));
  g_autofree char *spent = zp_cli_format_amount (zp_form_get_spent (form));
  g_autoptr(ZpCliTable) table = zp_cli_table_new (5);

  zp_cli_table_set_headers (table, _("Budget (A)"), _("Spent (B)"), _("Execution rate"),
                            _("Weight"), _("Score"), NULL);
  for (guint i = 0; i < 5; i++)
    zp_cli_table_set_right_aligned (table, i);
  zp_cli_table_add_row (table, budget != NULL ? budget : "—", spent != NULL ? spent : "—",
                        zp_form_get_execution_rate_text (form), weight,
                        zp_form_get_execution_score_text (form), NULL);
  zp_cli_table_print (table, stdout, "  ");
}

static void
print_blocks_text (ZpForm *form)
{
  ZpScheme *scheme = zp_form_get_scheme (form);
  g_autoptr(GPtrArray) blocks = zp_form_summarize_blocks (form);
  g_autoptr(ZpCliTable) table = zp_cli_table_new (4);
  gboolean department = zp_form_is_department (form);

  zp_cli_table_set_headers (table, department ? _("Goal") : _("Category"),
                            _("Weight"), _("Indicators' weights"), _("Score"), NULL);
  for (guint i = 1; i < 4; i++)
    zp_cli_table_set_right_aligned (table, i);

  for (guint i = 0; i < blocks->len; i++)
    {
      ZpBlockSummary *block = g_ptr_array_index (blocks, i);
      g_autofree char *label = NULL;
      g_autofree char *weight = block->has_weight ? zp_cli_format_score (block->weight, scheme) : g_strdup ("—");
      g_autofree char *weight_sum = zp_cli_format_score (block->weight_sum, scheme);
      g_autofree char *score = zp_cli_format_score (block->score, scheme);

      if (department)
        {
          g_autofree char *text = zp_cli_ellipsize (block->name, TEXT_COLUMN_WIDTH);

          label = g_strdup_printf ("%d %s", block->goal_index + 1, text);
        }
      else
        label = zp_cli_ellipsize (block->name, TEXT_COLUMN_WIDTH);

      zp_cli_table_add_row (table, label, weight, weight_sum, score, NULL);
    }
  zp_cli_table_print (table, stdout, "  ");
}

static void
add_indicator_row (ZpCliTable  *table,
                   ZpIndicator *indicator,
                   const char  *number,
                   ZpScheme    *scheme)
{
  g_autofree char *name = zp_cli_ellipsize (zp_indicator_get_name (indicator), TEXT_COLUMN_WIDTH);
  g_autofree char *target = zp_cli_ellipsize (zp_indicator_get_target (indicator), 16);
  g_autofree char *actual = zp_cli_ellipsize (zp_indicator_get_actual (indicator), 16);
  g_autofree char *category = zp_cli_ellipsize (zp_indicator_get_category (indicator), 12);
  g_autofree char *weight = zp_cli_format_weight (zp_indicator_get_weight (indicator), scheme);
  g_autofree char *score = NULL;
  g_auto(GStrv) flags = zp_cli_indicator_flag_names (zp_indicator_get_flags (indicator));
  g_autofree char *flag_text = g_strjoinv (",", flags);

  if (zp_indicator_get_state (indicator) != ZP_INDICATOR_STATE_UNSCORED)
    score = zp_cli_format_score (zp_indicator_get_score (indicator), scheme);

  zp_cli_table_add_row (table, number, category, name, target, actual,
                        weight != NULL ? weight : "—", score != NULL ? score : "—",
                        flag_text, NULL);
}

static void
print_indicators_text (ZpForm *form)
{
  ZpScheme *scheme = zp_form_get_scheme (form);
  g_autoptr(ZpCliTable) table = zp_cli_table_new (8);

  zp_cli_table_set_headers (table, "#", _("Category"), _("Indicator"), _("Target"),
                            _("Actual"), _("Weight"), _("Score"), _("Flags"), NULL);
  zp_cli_table_set_right_aligned (table, 5);
  zp_cli_table_set_right_aligned (table, 6);

  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint r = 0; r < zp_goal_get_n_indicators (goal); r++)
        {
          g_autofree char *number = zp_form_is_department (form)
            ? g_strdup_printf ("%u.%u", g + 1, r + 1)
            : g_strdup_printf ("%u", r + 1);

          add_indicator_row (table, zp_goal_get_indicator (goal, r), number, scheme);
        }
    }
  if (zp_cli_table_get_n_rows (table) > 0)
    zp_cli_table_print (table, stdout, "  ");
}

static void
print_form_text (ZpForm *form,
                 guint   index)
{
  g_autofree char *title = zp_form_dup_title (form);

  printf ("[%u] %s (%s)\n\n", index + 1, title, form_kind_label (form));
  print_execution_text (form);
  printf ("\n");
  print_blocks_text (form);
  printf ("\n");
  print_indicators_text (form);
  printf ("\n  %s %s\n\n", _("Total:"), zp_form_get_total_display_text (form));
}

static void
print_text (const char *path,
            ZpWorkbook *workbook)
{
  ZpScheme *scheme = zp_workbook_get_scheme (workbook);

  printf ("%s — %s, %u (%s)\n\n", path, zp_workbook_get_unit (workbook),
          zp_workbook_get_year (workbook), zp_scheme_get_name (scheme));
  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    print_form_text (zp_workbook_get_form (workbook, i), i);
}

int
zp_cli_score (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(ZpWorkbook) workbook = NULL;
  int status;

  g_option_context_set_summary (context, _("Show each form's execution rate and score, each "
                                           "category's or goal's weight and score, each "
                                           "indicator's weight and score, and the total."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return zp_cli_usage_error (context, _("expected one FILE"));

  workbook = zp_cli_load_workbook (argv[1]);
  if (workbook == NULL)
    return ZP_CLI_EXIT_USAGE;

  if (json)
    print_json (argv[1], workbook);
  else
    print_text (argv[1], workbook);

  return ZP_CLI_EXIT_OK;
}
