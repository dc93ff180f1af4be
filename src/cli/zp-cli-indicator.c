/* zp-cli-indicator.c — `ziping-cli indicator`: scores one indicator with a built-in scheme
 * and tells how the score was reached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zp-cli.h"
#include "zp-cli-common.h"

typedef struct
{
  char *target;
  char *actual;
  char *weight;
  char *category;
  char *subcategory;
  char *name;
  char *direction;
  char *grade;
  char *score;
  char *reason;
  char *note;
  char *scheme;
  gboolean json;
} IndicatorOptions;

static void
indicator_options_clear (IndicatorOptions *options)
{
  g_free (options->target);
  g_free (options->actual);
  g_free (options->weight);
  g_free (options->category);
  g_free (options->subcategory);
  g_free (options->name);
  g_free (options->direction);
  g_free (options->grade);
  g_free (options->score);
  g_free (options->reason);
  g_free (options->note);
  g_free (options->scheme);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IndicatorOptions, indicator_options_clear)

static gboolean
is_number (const char *text,
           gboolean    positive)
{
  ZpDecimal value;
  gboolean percent = FALSE;

  if (!zp_decimal_parse (text, &value, &percent) || percent)
    return FALSE;

  return positive ? zp_decimal_sign (value) > 0 : zp_decimal_sign (value) >= 0;
}

/* Checks the options and fills the indicator; a usage error returns FALSE. */
/* A score typed for a grade must lie in the grade's band, as the file check wants. */
static gboolean
score_in_band (GOptionContext   *context,
               IndicatorOptions *options,
               ZpScheme         *scheme,
               ZpGrade           grade,
               int              *status)
{
  ZpDecimal weight, score, lower, upper;
  g_autofree char *lower_text = NULL;
  g_autofree char *upper_text = NULL;
  gboolean included = grade == ZP_GRADE_ACHIEVED;

  if (grade == ZP_GRADE_NONE || options->score == NULL
      || !zp_decimal_parse (options->weight, &weight, NULL)
      || !zp_decimal_parse (options->score, &score, NULL)
      || !zp_scheme_get_band_range (scheme, grade, weight, &lower, &upper))
    return TRUE;
  if (zp_decimal_cmp (score, lower) >= 0
      && (zp_decimal_cmp (score, upper) < 0 || (included && zp_decimal_cmp (score, upper) == 0)))
    return TRUE;

  lower_text = zp_decimal_format (lower, zp_scheme_get_decimals (scheme));
  upper_text = zp_decimal_format (upper, zp_scheme_get_decimals (scheme));
  if (included)
    *status = zp_cli_usage_error (context, _("--score %1$s is outside the band of %2$s: type a score "
                                             "from %3$s to %4$s"),
                                  options->score, zp_grade_to_string (grade), lower_text, upper_text);
  else
    *status = zp_cli_usage_error (context, _("--score %1$s is outside the band of %2$s: type a score "
                                             "from %3$s to below %4$s"),
                                  options->score, zp_grade_to_string (grade), lower_text, upper_text);
  return FALSE;
}

static gboolean
build_indicator (GOptionContext   *context,
                 IndicatorOptions *options,
                 ZpScheme         *scheme,
                 ZpIndicator      *indicator,
                 int              *status)
{
  ZpDirection direction = ZP_DIRECTION_AUTO;
  ZpGrade grade = ZP_GRADE_NONE;

  *status = ZP_CLI_EXIT_USAGE;
  if (options->target == NULL || options->actual == NULL || options->weight == NULL)
    {
      *status = zp_cli_usage_error (context, _("--target, --actual and --weight are required"));
      return FALSE;
    }
  if (!is_number (options->weight, TRUE))
    {
      *status = zp_cli_usage_error (context, _("--weight “%s” is not a number above zero"), options->weight);
      return FALSE;
    }
  if (options->direction != NULL && !zp_direction_from_string (options->direction, &direction))
    {
      *status = zp_cli_usage_error (context, _("--direction “%s” is not one of positive, reverse, equal, qualitative"),
                                    options->direction);
      return FALSE;
    }
  if (options->grade != NULL && (!zp_grade_from_string (options->grade, &grade) || grade == ZP_GRADE_NONE))
    {
      *status = zp_cli_usage_error (context, _("--grade “%s” is not one of 达成, 部分达成, 未达成"), options->grade);
      return FALSE;
    }
  if (options->score != NULL && !is_number (options->score, FALSE))
    {
      *status = zp_cli_usage_error (context, _("--score “%s” is not a number of zero or more"), options->score);
      return FALSE;
    }
  if (!score_in_band (context, options, scheme, grade, status))
    return FALSE;

  zp_indicator_set_category (indicator, options->category);
  zp_indicator_set_subcategory (indicator, options->subcategory);
  zp_indicator_set_name (indicator, options->name);
  zp_indicator_set_target (indicator, options->target);
  zp_indicator_set_actual (indicator, options->actual);
  zp_indicator_set_weight (indicator, options->weight);
  zp_indicator_set_direction (indicator, direction);
  zp_indicator_set_grade (indicator, grade);
  zp_indicator_set_manual_score (indicator, options->score);
  zp_indicator_set_manual_reason (indicator, options->reason);
  zp_indicator_set_deviation_note (indicator, options->note);

  return TRUE;
}

/* ---- JSON ---- */

static void
add_quantity_json (JsonBuilder      *builder,
                   const char       *member,
                   const char       *text,
                   const ZpQuantity *quantity)
{
  g_autofree char *value = quantity != NULL ? zp_decimal_format_trim (quantity->value, ZP_DECIMAL_PLACES) : NULL;

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  zp_cli_json_add_string (builder, "text", text);
  zp_cli_json_add_string (builder, "value", value);
  if (quantity != NULL)
    {
      const char *comparator = zp_cli_comparator_symbol (quantity->comparator);

      zp_cli_json_add_string (builder, "unit", quantity->unit);
      json_builder_set_member_name (builder, "percent");
      json_builder_add_boolean_value (builder, quantity->percent);
      zp_cli_json_add_string (builder, "comparator", *comparator != '\0' ? comparator : NULL);
      json_builder_set_member_name (builder, "zero_start");
      json_builder_add_boolean_value (builder, quantity->zero_start);
    }
  json_builder_end_object (builder);
}

static void
print_json (ZpIndicator *indicator,
            ZpScheme    *scheme)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean scored = zp_indicator_get_state (indicator) != ZP_INDICATOR_STATE_UNSCORED;
  g_autofree char *score = zp_cli_format_score (zp_indicator_get_score (indicator), scheme);
  g_autofree char *weight = zp_cli_format_weight (zp_indicator_get_weight (indicator), scheme);
  g_auto(GStrv) flags = zp_cli_indicator_flag_names (zp_indicator_get_flags (indicator));
  ZpRule rule = zp_indicator_get_rule (indicator);

  json_builder_begin_object (builder);
  zp_cli_json_add_string (builder, "scheme", zp_scheme_get_id (scheme));
  zp_cli_json_add_string (builder, "weight", weight);
  zp_cli_json_add_string (builder, "score", scored ? score : NULL);
  zp_cli_json_add_string (builder, "state",
                          zp_cli_enum_nick (ZP_TYPE_INDICATOR_STATE, zp_indicator_get_state (indicator)));
  zp_cli_json_add_string (builder, "direction",
                          zp_direction_to_string (zp_indicator_get_effective_direction (indicator)));
  zp_cli_json_add_string (builder, "direction_set",
                          zp_direction_to_string (zp_indicator_get_direction (indicator)));
  add_quantity_json (builder, "target", zp_indicator_get_target (indicator),
                     zp_indicator_get_parsed_target (indicator));
  add_quantity_json (builder, "actual", zp_indicator_get_actual (indicator),
                     zp_indicator_get_parsed_actual (indicator));
  zp_cli_json_add_string (builder, "rule", zp_rule_to_string (rule));
  zp_cli_json_add_string (builder, "rule_description", zp_rule_describe (rule));
  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; flags[i] != NULL; i++)
    json_builder_add_string_value (builder, flags[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  zp_cli_print_json (root);
}

/* ---- text ---- */

/* The value in the magnitude word it was written with: 900000 written 90万 → "90万". */
static char *
format_magnitude (const ZpQuantity *quantity)
{
  ZpDecimal scale = zp_decimal_from_int (1);
  g_autofree char *number = NULL;

  for (guint i = 0; i < quantity->magnitude; i++)
    scale = zp_decimal_mul (scale, zp_decimal_from_int (10));
  number = zp_decimal_format_trim (zp_decimal_div (quantity->value, scale), ZP_DECIMAL_PLACES);

  return g_strdup_printf ("%s%s", number, quantity->magnitude >= 8 ? "亿" : "万");
}

/* "≥ 500 人 (written “≥500人”)", or "no number (written “有效保障”)". */
static char *
describe_quantity (const char       *text,
                   const ZpQuantity *quantity)
{
  g_autofree char *value = NULL;
  GString *out;

  if (quantity == NULL)
    return g_strdup_printf (_("no number (written “%s”)"), text);

  value = zp_decimal_format_trim (quantity->value, ZP_DECIMAL_PLACES);
  out = g_string_new (zp_cli_comparator_symbol (quantity->comparator));
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, value);
  if (quantity->magnitude > 0)
    {
      g_autofree char *written = format_magnitude (quantity);

      g_string_append_printf (out, " (%s)", written);
    }
  if (quantity->percent)
    g_string_append_c (out, '%');
  if (quantity->unit != NULL && *quantity->unit != '\0')
    g_string_append_printf (out, " %s", quantity->unit);
  if (quantity->zero_start)
    g_string_append_printf (out, " (%s)", _("zero start"));
  g_string_append_printf (out, " ");
  g_string_append_printf (out, _("(written “%s”)"), text);

  return g_string_free (out, FALSE);
}

static void
print_text (ZpIndicator *indicator,
            ZpScheme    *scheme)
{
  g_autoptr(ZpCliTable) table = zp_cli_table_new (2);
  gboolean scored = zp_indicator_get_state (indicator) != ZP_INDICATOR_STATE_UNSCORED;
  g_autofree char *score = zp_cli_format_score (zp_indicator_get_score (indicator), scheme);
  g_autofree char *weight = zp_cli_format_weight (zp_indicator_get_weight (indicator), scheme);
  g_autofree char *score_line = g_strdup_printf ("%s / %s", scored ? score : "—", weight);
  g_autofree char *target = describe_quantity (zp_indicator_get_target (indicator),
                                               zp_indicator_get_parsed_target (indicator));
  g_autofree char *actual = describe_quantity (zp_indicator_get_actual (indicator),
                                               zp_indicator_get_parsed_actual (indicator));
  ZpDirection set = zp_indicator_get_direction (indicator);
  g_autofree char *direction = g_strdup_printf ("%s (%s)",
                                                zp_direction_to_string (zp_indicator_get_effective_direction (indicator)),
                                                set == ZP_DIRECTION_AUTO ? _("from the target") : _("set by hand"));
  ZpRule rule = zp_indicator_get_rule (indicator);
  g_autofree char *rule_line = g_strdup_printf ("%s — %s", zp_rule_to_string (rule), zp_rule_describe (rule));
  g_auto(GStrv) flags = zp_cli_indicator_flag_names (zp_indicator_get_flags (indicator));
  g_autofree char *flag_text = g_strjoinv (", ", flags);

  zp_cli_table_add_row (table, _("Score:"), score_line, NULL);
  zp_cli_table_add_row (table, _("State:"),
                        zp_cli_enum_nick (ZP_TYPE_INDICATOR_STATE, zp_indicator_get_state (indicator)), NULL);
  zp_cli_table_add_row (table, _("Direction:"), direction, NULL);
  zp_cli_table_add_row (table, _("Target:"), target, NULL);
  zp_cli_table_add_row (table, _("Actual:"), actual, NULL);
  zp_cli_table_add_row (table, _("Rule:"), rule_line, NULL);
  zp_cli_table_add_row (table, _("Flags:"), flags[0] != NULL ? flag_text : "—", NULL);
  zp_cli_table_add_row (table, _("Scheme:"), zp_scheme_get_name (scheme), NULL);
  zp_cli_table_print (table, stdout, NULL);
}

int
zp_cli_indicator (int    argc,
                  char **argv)
{
  g_auto(IndicatorOptions) options = { NULL };
  const GOptionEntry entries[] = {
    { "target", 0, 0, G_OPTION_ARG_STRING, &options.target, N_("Target as written (年度指标值), e.g. “≥500人”"), N_("TEXT") },
    { "actual", 0, 0, G_OPTION_ARG_STRING, &options.actual, N_("Actual value as written (实际完成值)"), N_("TEXT") },
    { "weight", 0, 0, G_OPTION_ARG_STRING, &options.weight, N_("Full mark (分值)"), "N" },
    { "category", 0, 0, G_OPTION_ARG_STRING, &options.category, N_("Category (一级指标)"), N_("TEXT") },
    { "subcategory", 0, 0, G_OPTION_ARG_STRING, &options.subcategory, N_("Subcategory (二级指标): under 成本指标 a bare number is a ceiling"), N_("TEXT") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &options.name, N_("Indicator name (三级指标)"), N_("TEXT") },
    { "direction", 0, 0, G_OPTION_ARG_STRING, &options.direction, N_("Direction instead of the one the target implies"), "positive|reverse|equal|qualitative" },
    { "grade", 0, 0, G_OPTION_ARG_STRING, &options.grade, N_("Grade of a qualitative indicator"), "达成|部分达成|未达成" },
    { "score", 0, 0, G_OPTION_ARG_STRING, &options.score, N_("Score typed by hand (within the grade's band)"), "N" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &options.reason, N_("Reason for a score typed by hand"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &options.note, N_("Deviation note (偏差原因分析)"), N_("TEXT") },
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &options.scheme, N_("Built-in scheme or scheme file (default hubei)"), "hubei|central|sichuan|FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ZpIndicator) indicator = zp_indicator_new ();
  g_autoptr(ZpScheme) scheme = NULL;
  int status;

  g_option_context_set_summary (context, _("Score one indicator with a scheme and show "
                                           "how the score was reached: the direction, the "
                                           "target and actual as read, the rule and the flags."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!zp_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return zp_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);

  {
    g_autoptr(GError) error = NULL;

    scheme = zp_cli_load_scheme (options.scheme, &error);
    if (scheme == NULL)
      return zp_cli_usage_error (context, "--scheme: %s", error->message);
  }
  if (!build_indicator (context, &options, scheme, indicator, &status))
    return status;

  zp_indicator_rescore (indicator, scheme);
  if (options.json)
    print_json (indicator, scheme);
  else
    print_text (indicator, scheme);

  return ZP_CLI_EXIT_OK;
}
