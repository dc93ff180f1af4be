/* zp-checker.c — the checks of spec §4 (审核).
 *
 * zp_check_form() runs after every edit in the editor, and over tens of thousands of
 * indicators in the benchmark: the common path (nothing wrong) allocates nothing per
 * indicator, and messages are only formatted for findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zp-checker.h"
#include "zp-amount.h"
#include "zp-decimal.h"
#include "zp-department-form.h"
#include "zp-finding.h"
#include "zp-form.h"
#include "zp-goal.h"
#include "zp-indicator.h"
#include "zp-project-form.h"
#include "zp-scheme.h"
#include "zp-workbook.h"

/* Amounts are shown with two places (万元 on the published forms). */
#define AMOUNT_PLACES 2

typedef struct
{
  ZpForm     *form;
  ZpScheme   *scheme;
  /* Set for the cross-form checks, whose explanations the workbook keeps. */
  ZpWorkbook *workbook;
  GListStore *findings;
  guint       decimals;
  ZpAmountUnit unit;  /* of the form's amounts */
} Check;

typedef enum
{
  VALUE_EMPTY,
  VALUE_INVALID,
  VALUE_OK,
} ValueState;

/* Takes ownership of message. Errors carry no explanation (spec §4: only a warning can
 * be accepted). */
static void
report (Check      *check,
        ZpSeverity  severity,
        const char *code,
        int         goal,
        int         row,
        const char *field,
        char       *message)
{
  g_autofree char *text = message;
  g_autoptr(ZpFinding) finding = NULL;

  finding = zp_finding_new (severity, code, check->form, goal, row, field, text);

  if (severity == ZP_SEVERITY_WARNING)
    {
      const char *key = zp_finding_get_key (finding);
      const char *explanation;

      if (check->workbook != NULL)
        explanation = zp_workbook_get_explanation (check->workbook, key);
      else
        explanation = zp_form_get_explanation (check->form, key);
      zp_finding_set_explanation (finding, explanation);
    }

  g_list_store_append (check->findings, finding);
}

static char *
format_points (Check     *check,
               ZpDecimal  value)
{
  return zp_decimal_format_trim (value, check->decimals);
}

static char *
format_amount (ZpDecimal value)
{
  return zp_decimal_format (value, AMOUNT_PLACES);
}

/* White space of either width, as people paste it from Word and Excel. */
static const char *
skip_blanks (const char *text)
{
  while (*text)
    {
      guchar c = *text;
      gunichar u;

      /* ASCII without a call: the blanks g_unichar_isspace() takes there (not \v). */
      if (c < 0x80)
        {
          if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            break;
          text++;
          continue;
        }
      u = g_utf8_get_char (text);
      if (!g_unichar_isspace (u) && u != 0x3000)
        break;
      text = g_utf8_next_char (text);
    }

  return text;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *skip_blanks (text) == '\0';
}

/* An amount or a score: a percentage is not one. */
static ValueState
parse_value (const char *text,
             ZpDecimal  *out)
{
  gboolean percent = FALSE;

  if (is_blank (text))
    return VALUE_EMPTY;
  if (!zp_decimal_parse (text, out, &percent) || percent)
    return VALUE_INVALID;

  return VALUE_OK;
}

/* An amount in the form's unit; "150万" and "1,500,000元" are converted (and *typed set). */
static ValueState
parse_amount_value (Check      *check,
                    const char *text,
                    ZpDecimal  *out,
                    gboolean   *typed)
{
  if (typed != NULL)
    *typed = FALSE;
  if (is_blank (text))
    return VALUE_EMPTY;
  if (!zp_amount_parse (text, check->unit, out, typed))
    return VALUE_INVALID;
  return VALUE_OK;
}

/* An amount typed with its unit was converted: say so, since a 万 in a 万元 cell is easy
 * to get wrong by ten thousand. */
static void
report_unit_typed (Check      *check,
                   const char *field,
                   const char *label,
                   const char *text,
                   ZpDecimal   value)
{
  g_autofree char *amount = zp_decimal_format_trim (value, 6);

  report (check, ZP_SEVERITY_WARNING, "amount-unit-typed", -1, -1, field,
          /* Translators: "The budget (A) “1,500,000元” was typed with its unit and read as
           * 150 万元: …" */
          g_strdup_printf (_("%1$s “%2$s” was typed with its unit and read as %3$s %4$s: "
                             "type the number alone, in %4$s."),
                           label, text, amount, zp_amount_unit_to_label (check->unit)));
}

/* ---------------------------------------------------------------------------------- */
/* Execution block                                                                     */

static void
report_not_a_number (Check      *check,
                     int         goal,
                     int         row,
                     const char *field,
                     const char *label,
                     const char *text)
{
  report (check, ZP_SEVERITY_ERROR, "not-a-number", goal, row, field,
          /* Translators: the first %s names a field, the second is what was typed. */
          g_strdup_printf (_("%s “%s” is not a number: type a plain number such as 12.5."),
                           label, text));
}

static void
report_negative (Check      *check,
                 const char *code,
                 const char *field,
                 const char *label,
                 ZpDecimal   value)
{
  g_autofree char *amount = format_amount (value);

  report (check, ZP_SEVERITY_ERROR, code, -1, -1, field,
          g_strdup_printf (_("%s is negative (%s): amounts cannot be below zero; "
                             "type the amount without the minus sign or correct it."),
                           label, amount));
}

/* An optional amount: reports a non-number or a negative value. `label` is untranslated
 * (N_()): translated only when a finding is made. */
static ValueState
check_optional_amount (Check      *check,
                       const char *field,
                       const char *label,
                       const char *negative_code,
                       const char *text,
                       ZpDecimal  *value)
{
  gboolean typed;
  ValueState state = parse_amount_value (check, text, value, &typed);

  if (state == VALUE_INVALID)
    report_not_a_number (check, -1, -1, field, _(label), text);
  else if (state == VALUE_OK && zp_decimal_sign (*value) < 0)
    report_negative (check, negative_code, field, _(label), *value);
  if (typed)
    report_unit_typed (check, field, _(label), text, *value);

  return state;
}

static void
check_budget (Check *check)
{
  const char *text = zp_form_get_budget (check->form);
  ZpDecimal budget;
  gboolean typed;

  switch (parse_amount_value (check, text, &budget, &typed))
    {
    case VALUE_EMPTY:
      report (check, ZP_SEVERITY_ERROR, "budget-missing", -1, -1, "budget",
              g_strdup (_("The budget (A) is empty: type the full-year budget, "
                          "including funds carried over from last year.")));
      break;
    case VALUE_INVALID:
      report_not_a_number (check, -1, -1, "budget", _("The budget (A)"), text);
      break;
    case VALUE_OK:
      if (zp_decimal_is_zero (budget))
        report (check, ZP_SEVERITY_ERROR, "budget-missing", -1, -1, "budget",
                g_strdup (_("The budget (A) is 0, so there is no execution rate: "
                            "type the full-year budget.")));
      else if (zp_decimal_sign (budget) < 0)
        report_negative (check, "budget-negative", "budget", _("The budget (A)"), budget);
      if (typed)
        report_unit_typed (check, "budget", _("The budget (A)"), text, budget);
      break;
    default:
      g_assert_not_reached ();
    }
}

static ValueState
check_spent (Check     *check,
             ZpDecimal *spent)
{
  const char *text = zp_form_get_spent (check->form);
  gboolean typed;
  ValueState state = parse_amount_value (check, text, spent, &typed);

  if (state == VALUE_EMPTY)
    report (check, ZP_SEVERITY_ERROR, "spent-missing", -1, -1, "spent",
            g_strdup (_("The amount spent (B) is empty: type what was spent this year, "
                        "0 if nothing was.")));
  else if (state == VALUE_INVALID)
    report_not_a_number (check, -1, -1, "spent", _("The amount spent (B)"), text);
  else if (zp_decimal_sign (*spent) < 0)
    report_negative (check, "spent-negative", "spent", _("The amount spent (B)"), *spent);
  if (typed)
    report_unit_typed (check, "spent", _("The amount spent (B)"), text, *spent);

  return state;
}

static void
check_execution_rate (Check *check)
{
  ZpDecimal rate;
  ZpDecimal threshold = zp_scheme_get_execution_threshold (check->scheme);
  g_autofree char *rate_text = NULL;
  g_autofree char *threshold_text = NULL;

  /* Decided on the rate as shown (two places of a percent): 89.995% shows as 90.00%, and
   * is then not "below 90%". */
  if (!zp_form_get_execution_rate (check->form, &rate) ||
      zp_decimal_cmp (zp_decimal_round (rate, 4), threshold) >= 0 ||
      !is_blank (zp_form_get_analysis (check->form)))
    return;

  rate_text = zp_decimal_format_percent (rate, 2, FALSE);
  threshold_text = zp_decimal_format_percent (threshold, 2, TRUE);
  report (check, ZP_SEVERITY_WARNING, "execution-low", -1, -1, "spent",
          g_strdup_printf (_("The execution rate is %s, below %s: say why in the analysis "
                             "(偏差大或目标未完成原因分析), or correct the budget or the "
                             "amount spent."),
                           rate_text, threshold_text));
}

static const char * const fund_ids[ZP_N_FUNDS] = { "current", "carryover", "other" };
static const char * const fund_field_ids[ZP_N_FUND_FIELDS] = { "initial", "budget", "spent" };
static const char * const total_fields[ZP_N_FUND_FIELDS] = { "initial-budget", "budget", "spent" };

static const char *
fund_label (ZpFund fund)
{
  switch (fund)
    {
    case ZP_FUND_CURRENT:
      return N_("The current appropriation (当年财政拨款)");
    case ZP_FUND_CARRYOVER:
      return N_("The carried-over funds (上年结转资金)");
    case ZP_FUND_OTHER:
    case ZP_N_FUNDS:
    default:
      return N_("The other funds (其他资金)");
    }
}

static const char *
total_label (ZpFundField column)
{
  switch (column)
    {
    case ZP_FUND_FIELD_INITIAL:
      return _("the initial budget (年初预算数)");
    case ZP_FUND_FIELD_BUDGET:
      return _("the budget (A)");
    case ZP_FUND_FIELD_SPENT:
    case ZP_N_FUND_FIELDS:
    default:
      return _("the amount spent (B)");
    }
}

static const char *
form_total_text (ZpForm      *form,
                 ZpFundField  column)
{
  switch (column)
    {
    case ZP_FUND_FIELD_INITIAL:
      return zp_form_get_initial_budget (form);
    case ZP_FUND_FIELD_BUDGET:
      return zp_form_get_budget (form);
    case ZP_FUND_FIELD_SPENT:
    case ZP_N_FUND_FIELDS:
    default:
      return zp_form_get_spent (form);
    }
}

/* Sums one column of the fund sub-rows; FALSE when none of it is filled or a cell is
 * not a number (reported on its own). */
static gboolean
sum_fund_column (Check       *check,
                 ZpFundField  column,
                 ZpDecimal   *sum)
{
  ZpProjectForm *project = ZP_PROJECT_FORM (check->form);
  gboolean filled = FALSE;
  gboolean valid = TRUE;

  *sum = ZP_DECIMAL_ZERO;
  for (ZpFund fund = 0; fund < ZP_N_FUNDS; fund++)
    {
      const char *text = zp_project_form_get_fund (project, fund, column);
      const char *negative = column == ZP_FUND_FIELD_SPENT ? "spent-negative" : "budget-negative";
      g_autofree char *field = NULL;
      ZpDecimal value;
      ValueState state;

      /* Most funds are blank: named only when there is something to check. */
      if (is_blank (text))
        continue;
      filled = TRUE;
      field = g_strdup_printf ("fund-%s-%s", fund_ids[fund], fund_field_ids[column]);
      state = check_optional_amount (check, field, fund_label (fund), negative, text, &value);
      if (state == VALUE_OK)
        *sum = zp_decimal_add (*sum, value);
      else
        valid = FALSE;
    }

  return filled && valid;
}

/* Fund sub-rows (10号 layout): each filled column must add up to the form's total. */
static void
check_funds (Check *check)
{
  for (ZpFundField column = 0; column < ZP_N_FUND_FIELDS; column++)
    {
      ZpDecimal sum, total;
      g_autofree char *sum_text = NULL;
      g_autofree char *total_text = NULL;

      if (!sum_fund_column (check, column, &sum) ||
          parse_amount_value (check, form_total_text (check->form, column), &total, NULL) != VALUE_OK ||
          zp_decimal_equal (sum, total))
        continue;

      sum_text = format_amount (sum);
      total_text = format_amount (total);
      report (check, ZP_SEVERITY_WARNING, "fund-sum", -1, -1, total_fields[column],
              /* Translators: "the budget (A) is 12.00" */
              g_strdup_printf (_("The fund rows add up to %s, but %s is %s: correct the "
                                 "fund rows (当年财政拨款, 上年结转资金, 其他资金) or the total."),
                               sum_text, total_label (column), total_text));
    }
}

static void
check_header_amounts (Check *check)
{
  ZpDecimal value;

  check_optional_amount (check, "initial-budget", N_("The initial budget (年初预算数)"),
                         "budget-negative", zp_form_get_initial_budget (check->form), &value);

  if (ZP_IS_DEPARTMENT_FORM (check->form))
    {
      ZpDepartmentForm *department = ZP_DEPARTMENT_FORM (check->form);

      check_optional_amount (check, "basic-expenditure", N_("The basic expenditure (基本支出总额)"),
                             "budget-negative",
                             zp_department_form_get_basic_expenditure (department), &value);
      check_optional_amount (check, "project-expenditure",
                             N_("The project expenditure (项目支出总额)"), "budget-negative",
                             zp_department_form_get_project_expenditure (department), &value);
    }
}

static void
check_execution_block (Check *check)
{
  ZpDecimal spent;

  check_header_amounts (check);
  check_budget (check);
  if (check_spent (check, &spent) == VALUE_OK && zp_decimal_sign (spent) >= 0)
    check_execution_rate (check);
  if (ZP_IS_PROJECT_FORM (check->form))
    check_funds (check);
}

/* ---------------------------------------------------------------------------------- */
/* Weights and categories                                                               */

/* One pass over the indicators gathers what the weight and category checks need. It
 * adds up the same weights as zp_form_summarize_blocks(), without building names and
 * summaries: this runs after every edit. */
typedef struct
{
  int        first_row;     /* the block's first row in its goal; −1 when empty */
  guint      n_indicators;
  gboolean   lacks_weight;  /* an indicator's weight is missing or not a number */
  ZpDecimal  weight_sum;
} Block;

typedef struct
{
  Block  all;         /* every indicator of the form */
  Block *categories;  /* the scheme's categories, across all goals */
  Block *goals;       /* one per goal */
  guint  n_categories;
  guint  n_goals;
} Scan;

static void
block_add (Block       *block,
           int          row,
           ZpIndicator *indicator)
{
  ZpDecimal weight;

  if (block->first_row < 0)
    block->first_row = row;
  block->n_indicators++;
  if (zp_indicator_get_weight_value (indicator, &weight))
    block->weight_sum = zp_decimal_add (block->weight_sum, weight);
  else
    block->lacks_weight = TRUE;
}

static Block *
blocks_new (guint n)
{
  Block *blocks = g_new0 (Block, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    blocks[i].first_row = -1;

  return blocks;
}

static void
scan_goal (Check  *check,
           Scan   *scan,
           ZpGoal *goal,
           Block  *goal_block)
{
  guint n = zp_goal_get_n_indicators (goal);
  const char *last_text = NULL;
  gboolean known = FALSE;
  guint category = 0;

  for (guint r = 0; r < n; r++)
    {
      ZpIndicator *indicator = zp_goal_get_indicator (goal, r);
      const char *text = zp_indicator_get_category (indicator);

      /* Rows of a category come together: look a name up once per run of it. */
      if (last_text == NULL || !g_str_equal (text, last_text))
        known = zp_scheme_lookup_category (check->scheme, text, &category);
      last_text = text;

      block_add (&scan->all, r, indicator);
      block_add (goal_block, r, indicator);
      if (known && category < scan->n_categories)
        block_add (&scan->categories[category], r, indicator);
    }
}

static void
scan_form (Check *check,
           Scan  *scan)
{
  scan->n_categories = zp_scheme_get_n_categories (check->scheme);
  scan->n_goals = zp_form_get_n_goals (check->form);
  scan->all = (Block) { .first_row = -1 };
  scan->categories = blocks_new (scan->n_categories);
  scan->goals = blocks_new (scan->n_goals);

  for (guint g = 0; g < scan->n_goals; g++)
    scan_goal (check, scan, zp_form_get_goal (check->form, g), &scan->goals[g]);
}

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->categories, g_free);
  g_clear_pointer (&scan->goals, g_free);
}

/* Whether every weight that makes the form's 100 is a number: the indicators' on a project
 * form, the goals' on a department form. One that is not is reported as weight-invalid,
 * and a total without it would only mislead. */
static gboolean
part_weights_valid (Check      *check,
                    const Scan *scan)
{
  ZpDecimal weight;

  if (!zp_form_is_department (check->form))
    return !scan->all.lacks_weight;

  for (guint g = 0; g < scan->n_goals; g++)
    if (!zp_goal_get_weight_value (zp_form_get_goal (check->form, g), &weight))
      return FALSE;

  return TRUE;
}

static void
check_weights_total (Check      *check,
                     const Scan *scan)
{
  ZpDecimal hundred = zp_decimal_from_int (100);
  ZpDecimal execution = zp_scheme_get_execution_weight (check->scheme);
  ZpDecimal total;
  g_autofree char *total_text = NULL;
  g_autofree char *difference_text = NULL;
  g_autofree char *execution_text = NULL;

  if (!part_weights_valid (check, scan))
    return;
  /* The same total the form editor shows. */
  total = zp_form_get_weight_total (check->form);
  if (zp_decimal_equal (total, hundred))
    return;

  total_text = format_points (check, total);
  execution_text = format_points (check, execution);
  if (zp_decimal_cmp (total, hundred) < 0)
    {
      difference_text = format_points (check, zp_decimal_sub (hundred, total));
      report (check, ZP_SEVERITY_ERROR, "weights-total", -1, -1, "weight",
              zp_form_is_department (check->form)
              ? g_strdup_printf (_("Weights add up to %s, not 100 (execution block %s "
                                   "included): add %s points to the goals' weights."),
                                 total_text, execution_text, difference_text)
              : g_strdup_printf (_("Weights add up to %s, not 100 (execution block %s "
                                   "included): add %s points to the indicators' weights."),
                                 total_text, execution_text, difference_text));
    }
  else
    {
      difference_text = format_points (check, zp_decimal_sub (total, hundred));
      report (check, ZP_SEVERITY_ERROR, "weights-total", -1, -1, "weight",
              zp_form_is_department (check->form)
              ? g_strdup_printf (_("Weights add up to %s, not 100 (execution block %s "
                                   "included): take %s points off the goals' weights."),
                                 total_text, execution_text, difference_text)
              : g_strdup_printf (_("Weights add up to %s, not 100 (execution block %s "
                                   "included): take %s points off the indicators' weights."),
                                 total_text, execution_text, difference_text));
    }
}

static void
check_categories (Check      *check,
                  const Scan *scan)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < scan->n_categories; i++)
    {
      ZpDecimal weight;

      if (scan->categories[i].n_indicators > 0)
        continue;
      /* 40/0/40: a category the form gives no points needs no indicator. */
      if (zp_form_get_category_weight (check->form, zp_scheme_get_category_name (check->scheme, i),
                                       &weight)
          && zp_decimal_is_zero (weight))
        continue;
      if (missing->len > 0)
        g_string_append (missing, _(", "));
      g_string_append (missing, zp_scheme_get_category_name (check->scheme, i));
    }

  if (missing->len == 0)
    return;

  report (check, ZP_SEVERITY_ERROR, "category-missing", -1, -1, "category",
          g_strdup_printf (_("No indicator in %s: every form needs indicators in each "
                             "level-1 category; add one there, or correct the category of "
                             "an existing indicator."),
                           missing->str));
}

/* A block (category or goal) whose indicators do not add up to its weight. Empty blocks
 * are category-missing's business, and a block with a missing weight weight-invalid's. */
static void
check_block (Check       *check,
             const Block *block,
             ZpDecimal    weight,
             const char  *name,
             int          goal,
             int          row)
{
  g_autofree char *sum = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *difference = NULL;

  if (block->n_indicators == 0 || block->lacks_weight ||
      zp_decimal_equal (block->weight_sum, weight))
    return;

  sum = format_points (check, block->weight_sum);
  expected = format_points (check, weight);
  if (zp_decimal_cmp (block->weight_sum, weight) < 0)
    {
      difference = format_points (check, zp_decimal_sub (weight, block->weight_sum));
      report (check, ZP_SEVERITY_ERROR, "block-weights", goal, row, "weight",
              /* Translators: "产出指标: indicator weights add up to 38, 2 short of 40: …" */
              g_strdup_printf (_("%s: indicator weights add up to %s, %s short of %s: "
                                 "raise the indicators' weights so that they make %s."),
                               name, sum, difference, expected, expected));
    }
  else
    {
      difference = format_points (check, zp_decimal_sub (block->weight_sum, weight));
      report (check, ZP_SEVERITY_ERROR, "block-weights", goal, row, "weight",
              g_strdup_printf (_("%s: indicator weights add up to %s, %s more than %s: "
                                 "lower the indicators' weights so that they make %s."),
                               name, sum, difference, expected, expected));
    }
}

/* A goal of a department form: its indicators make its weight. */
static void
check_goal_block (Check      *check,
                  const Scan *scan,
                  guint       position)
{
  ZpDecimal weight;
  g_autofree char *name = NULL;

  if (!zp_goal_get_weight_value (zp_form_get_goal (check->form, position), &weight) ||
      zp_decimal_sign (weight) <= 0)
    return;

  name = g_strdup_printf (_("Goal %u"), position + 1);
  check_block (check, &scan->goals[position], weight, name, position, -1);
}

/* The categories of a project form: the place is the category's first row. */
static void
check_category_blocks (Check      *check,
                       const Scan *scan)
{
  for (guint i = 0; i < scan->n_categories; i++)
    {
      const char *name = zp_scheme_get_category_name (check->scheme, i);
      ZpDecimal weight;

      /* The form's own points, else the scheme's in a fixed split; a free split checks
       * only the total. */
      if (!zp_form_get_category_weight (check->form, name, &weight))
        continue;
      check_block (check, &scan->categories[i], weight, name, 0, scan->categories[i].first_row);
    }
}

/* The form's own category points must make the indicator part (100 less the execution
 * block): "产出指标（60分）" + "满意度指标（20分）" with 20 for execution. */
static void
check_category_points (Check      *check,
                       const Scan *scan)
{
  ZpDecimal hundred = zp_decimal_from_int (100);
  ZpDecimal part = zp_decimal_sub (hundred, zp_scheme_get_execution_weight (check->scheme));
  ZpDecimal sum = ZP_DECIMAL_ZERO;
  g_autofree char *sum_text = NULL;
  g_autofree char *part_text = NULL;

  if (zp_form_get_n_category_points (check->form) == 0)
    return;
  for (guint i = 0; i < zp_form_get_n_category_points (check->form); i++)
    {
      const char *points;
      const char *name = zp_form_get_category_points_nth (check->form, i, &points);
      ZpDecimal value;

      if (parse_value (points, &value) != VALUE_OK)
        {
          report_not_a_number (check, -1, -1, "category-points", name, points);
          return;
        }
      sum = zp_decimal_add (sum, value);
    }
  /* Categories without points of their own count with the scheme's, in a fixed split. */
  for (guint i = 0; i < scan->n_categories; i++)
    {
      const char *name = zp_scheme_get_category_name (check->scheme, i);
      ZpDecimal weight;

      if (zp_form_get_category_points (check->form, name) == NULL
          && zp_form_get_category_weight (check->form, name, &weight))
        sum = zp_decimal_add (sum, weight);
    }
  if (zp_decimal_equal (sum, part))
    return;

  sum_text = format_points (check, sum);
  part_text = format_points (check, part);
  report (check, ZP_SEVERITY_ERROR, "category-points", -1, -1, "category-points",
          /* Translators: "The categories' points add up to 78, not 80: …" */
          g_strdup_printf (_("The categories' points add up to %1$s, not %2$s (100 less the "
                             "execution block): correct the points in the category labels."),
                           sum_text, part_text));
}

/* ---------------------------------------------------------------------------------- */
/* Texts                                                                                */

static gboolean
is_numeral (gunichar c)
{
  return g_unichar_isdigit (c) || (c != 0 && g_utf8_strchr ("一二三四五六七八九十", -1, c) != NULL);
}

/* "指标1：", "指标 2:", "指标一：" — the numbered names of the templates. Returns the
 * placeholder's text, or NULL. */
static char *
find_numbered_placeholder (const char *text)
{
  const char *p = text;

  while ((p = strstr (p, "指标")) != NULL)
    {
      const char *q = skip_blanks (p + strlen ("指标"));
      gboolean digits = FALSE;
      gunichar c;

      while (is_numeral (g_utf8_get_char (q)))
        {
          digits = TRUE;
          q = g_utf8_next_char (q);
        }
      q = skip_blanks (q);
      c = g_utf8_get_char (q);
      /* "指标1：" alone is the template's; "指标8：适龄儿童疫苗接种率" is a numbered name. */
      if (digits && (c == ':' || c == 0xFF1A) && is_blank (g_utf8_next_char (q)))
        return g_strndup (p, g_utf8_next_char (q) - p);
      p += strlen ("指标");
    }

  return NULL;
}

/* Text that is nothing but "……", "...", "。。。" or a lone "*". */
static gboolean
is_filler (const char *text)
{
  const char *p = skip_blanks (text);
  guint dots = 0;
  gunichar c = g_utf8_get_char (p);

  if ((c == '*' || c == 0xFF0A) && is_blank (g_utf8_next_char (p)))
    return TRUE;
  /* The first character after the blanks is no blank: most texts end here. */
  if (c != 0x2026 && c != '.' && c != 0x3002 && c != 0xFF0E)
    return FALSE;

  for (; *p; p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      if (c == 0x2026)        /* … */
        dots += 3;
      else if (c == '.' || c == 0x3002 || c == 0xFF0E)
        dots++;
      else if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }

  return dots >= 3;
}

/* The length in bytes of the cross at p ("X", "x", "×" U+00D7, "Ｘ" U+FF38), or 0.
 * Compared as bytes: this runs on every text of every indicator. */
static inline gsize
cross_at (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] == 'X' || u[0] == 'x')
    return 1;
  if (u[0] == 0xC3 && u[1] == 0x97)
    return 2;
  if (u[0] == 0xEF && u[1] == 0xBC && u[2] == 0xB8)
    return 3;
  return 0;
}

/* "XXX", "xxx", "×××": the templates' stand-in for a name or a figure. */
static char *
find_crosses (const char *text)
{
  const char *p = text;

  /* From one byte a cross can start with to the next (never a continuation byte). */
  while ((p = strpbrk (p, "Xx\xC3\xEF")) != NULL)
    {
      const char *start = p;
      guint n = 0;
      gsize length;

      while ((length = cross_at (p)) > 0)
        {
          n++;
          p += length;
        }
      /* A run of three, not part of a Latin word ("XXXL", "xxx.com" are rare on forms). */
      if (n >= 3 && (start == text || !g_ascii_isalpha (start[-1])) && !g_ascii_isalpha (*p))
        return g_strndup (start, p - start);
      if (n == 0)
        p = g_utf8_next_char (p);
    }
  return NULL;
}

/* What of the text is a placeholder, or NULL. */
static char *
find_placeholder (const char *text)
{
  char *crosses;

  if (text == NULL || *text == '\0')
    return NULL;
  if (is_filler (text))
    return g_strstrip (g_strdup (text));
  if ((crosses = find_crosses (text)) != NULL)
    return crosses;

  return find_numbered_placeholder (text);
}

static void
check_placeholder (Check      *check,
                   int         goal,
                   int         row,
                   const char *field,
                   const char *text)
{
  g_autofree char *placeholder = find_placeholder (text);

  if (placeholder == NULL)
    return;

  report (check, ZP_SEVERITY_WARNING, "placeholder-text", goal, row, field,
          g_strdup_printf (_("“%s” looks like text left over from the template: "
                             "replace it with the real content."),
                           placeholder));
}

/* ---------------------------------------------------------------------------------- */
/* Indicators                                                                           */

typedef struct
{
  ZpIndicator *indicator;
  int          goal;
  int          row;
  gboolean     has_weight;   /* weight parses and is above zero */
  ZpDecimal    weight;
  ValueState   manual_state;
  ZpDecimal    manual;
  gboolean     graded;       /* qualitative with a grade: a typed score is not an override */
} Row;

static void
check_weight (Check *check,
              Row   *row)
{
  const char *text = zp_indicator_get_weight (row->indicator);
  g_autofree char *message = NULL;

  row->has_weight = zp_indicator_get_weight_value (row->indicator, &row->weight) &&
                    zp_decimal_sign (row->weight) > 0;
  if (row->has_weight)
    {
      /* A block with not-applicable rows may be rescaled: the row is scored out of more. */
      row->weight = zp_indicator_get_full_mark (row->indicator);
      return;
    }

  if (is_blank (text))
    message = g_strdup (_("The indicator has no weight: type its full mark (分值)."));
  else if (!zp_indicator_get_weight_value (row->indicator, &row->weight))
    message = g_strdup_printf (_("The weight “%s” is not a number: type the indicator's "
                                 "full mark (分值), such as 5."), text);
  else
    message = g_strdup_printf (_("The weight %s is not above zero: type the indicator's "
                                 "full mark (分值), such as 5, or delete the row."), text);

  report (check, ZP_SEVERITY_ERROR, "weight-invalid", row->goal, row->row, "weight",
          g_steal_pointer (&message));
}

static gboolean
check_manual_score (Check *check,
                    Row   *row)
{
  const char *text = zp_indicator_get_manual_score (row->indicator);
  g_autofree char *score = NULL;
  g_autofree char *weight = NULL;

  row->manual_state = parse_value (text, &row->manual);
  if (row->manual_state == VALUE_INVALID)
    report_not_a_number (check, row->goal, row->row, "manual-score", _("The score"), text);
  if (row->manual_state != VALUE_OK || !row->has_weight)
    return TRUE;
  if (zp_decimal_sign (row->manual) >= 0 && zp_decimal_cmp (row->manual, row->weight) <= 0)
    return TRUE;

  score = format_points (check, row->manual);
  weight = format_points (check, row->weight);
  report (check, ZP_SEVERITY_ERROR, "score-range", row->goal, row->row, "manual-score",
          g_strdup_printf (_("The score %s is outside 0 to %s, the indicator's weight: "
                             "type a score from 0 to %s."),
                           score, weight, weight));
  return FALSE;
}

static gboolean
in_band (ZpDecimal  score,
         ZpDecimal  lower,
         ZpDecimal  upper,
         gboolean   upper_included)
{
  int above_upper = zp_decimal_cmp (score, upper);

  return zp_decimal_cmp (score, lower) >= 0 &&
         (above_upper < 0 || (upper_included && above_upper == 0));
}

static void
check_grade_band (Check *check,
                  Row   *row)
{
  ZpGrade grade = zp_indicator_get_grade (row->indicator);
  ZpDecimal lower, upper;
  g_autofree char *lower_text = NULL;
  g_autofree char *upper_text = NULL;
  g_autofree char *score_text = NULL;
  gboolean achieved = grade == ZP_GRADE_ACHIEVED;

  /* Achieved defaults to full marks; the other grades need a typed score. */
  if (grade == ZP_GRADE_NONE || (achieved && row->manual_state == VALUE_EMPTY) ||
      row->manual_state == VALUE_INVALID || !row->has_weight)
    return;

  /* The band the score popover shows and enforces. */
  if (!zp_scheme_get_band_range (check->scheme, grade, row->weight, &lower, &upper))
    return;
  if (row->manual_state == VALUE_OK && in_band (row->manual, lower, upper, achieved))
    return;

  lower_text = zp_decimal_format (lower, check->decimals);
  upper_text = zp_decimal_format (upper, check->decimals);
  if (row->manual_state == VALUE_EMPTY)
    {
      report (check, ZP_SEVERITY_ERROR, "grade-band", row->goal, row->row, "grade",
              /* Translators: "部分达成 needs a score from 5.00 to 8.00 (8.00 excluded)…" */
              g_strdup_printf (_("%s needs a score from %s to %s (%s excluded), and none is "
                                 "typed: type a score in that band."),
                               zp_grade_to_string (grade), lower_text, upper_text, upper_text));
      return;
    }

  score_text = format_points (check, row->manual);
  if (achieved)
    report (check, ZP_SEVERITY_ERROR, "grade-band", row->goal, row->row, "manual-score",
            g_strdup_printf (_("%s needs a score from %s to %s, but the score is %s: "
                               "type a score in that band or change the grade."),
                             zp_grade_to_string (grade), lower_text, upper_text, score_text));
  else
    report (check, ZP_SEVERITY_ERROR, "grade-band", row->goal, row->row, "manual-score",
            g_strdup_printf (_("%s needs a score from %s to %s (%s excluded), but the score "
                               "is %s: type a score in that band or change the grade."),
                             zp_grade_to_string (grade), lower_text, upper_text, upper_text,
                             score_text));
}

static void
check_manual_reason (Check *check,
                     Row   *row)
{
  if (!is_blank (zp_indicator_get_manual_reason (row->indicator)))
    return;

  report (check, ZP_SEVERITY_ERROR, "manual-reason-missing", row->goal, row->row,
          "manual-reason",
          g_strdup (_("The score was set by hand without a reason: say why the computed "
                      "score does not apply, or clear the hand score.")));
}

/* An override that the data contradict: met but not full, or missed but full. */
static void
check_contradiction (Check *check,
                     Row   *row)
{
  g_autoptr(ZpIndicator) computed = NULL;
  ZpIndicatorState state;
  gboolean full;
  g_autofree char *score = NULL;
  g_autofree char *data_score = NULL;
  g_autofree char *weight = NULL;

  if (row->manual_state != VALUE_OK || !row->has_weight)
    return;

  computed = zp_indicator_copy (row->indicator);
  zp_indicator_set_manual_score (computed, "");
  zp_indicator_rescore (computed, check->scheme);
  state = zp_indicator_get_state (computed);
  full = zp_decimal_cmp (row->manual, row->weight) >= 0;

  score = format_points (check, row->manual);
  data_score = format_points (check, zp_indicator_get_score (computed));
  weight = format_points (check, row->weight);
  if (state == ZP_INDICATOR_STATE_MET && !full)
    report (check, ZP_SEVERITY_WARNING, "score-contradicts-data", row->goal, row->row,
            "manual-score",
            g_strdup_printf (_("The data say the target was met (%s of %s), but the score "
                               "was set by hand to %s: give full marks, or correct the "
                               "actual value."),
                             data_score, weight, score));
  else if ((state == ZP_INDICATOR_STATE_MISSED || state == ZP_INDICATOR_STATE_PARTIAL) && full)
    report (check, ZP_SEVERITY_WARNING, "score-contradicts-data", row->goal, row->row,
            "manual-score",
            g_strdup_printf (_("The data say the target was not met (%s of %s), but the "
                               "score was set by hand to full marks: lower the score, or "
                               "correct the actual value."),
                             data_score, weight));
}

static gboolean
is_override (Row              *row,
             ZpIndicatorFlags  flags)
{
  return (flags & ZP_INDICATOR_FLAG_OVERRIDDEN) != 0 && !row->graded;
}

static void
check_scores (Check            *check,
              Row              *row,
              ZpIndicatorFlags  flags)
{
  gboolean in_range = check_manual_score (check, row);

  if (row->graded && in_range)
    check_grade_band (check, row);
  if (is_override (row, flags))
    {
      check_manual_reason (check, row);
      check_contradiction (check, row);
    }
}

static void
check_actual (Check            *check,
              Row              *row,
              ZpIndicatorFlags  flags,
              gboolean          qualitative)
{
  const char *actual = zp_indicator_get_actual (row->indicator);

  if (flags & ZP_INDICATOR_FLAG_NOT_A_NUMBER)
    report (check, ZP_SEVERITY_ERROR, "not-a-number", row->goal, row->row, "actual",
            g_strdup_printf (_("The actual value “%s” has no number to compare with the "
                               "target “%s”: type the measured value, such as 96%% or 12."),
                             actual, zp_indicator_get_target (row->indicator)));

  if (qualitative)
    return;

  /* The scorer flags only an actual with the target's comparator or wording ("≥90%",
   * "不少于 1 亿条"): "100%" for a target "100%" is a measured value. */
  if (flags & ZP_INDICATOR_FLAG_RESTATES_TARGET)
    report (check, ZP_SEVERITY_WARNING, "actual-restates-target", row->goal, row->row,
            "actual",
            g_strdup_printf (_("The actual value “%s” only restates the target: "
                               "type the value actually measured, so that the score can "
                               "be checked."),
                             actual));
  else if (flags & ZP_INDICATOR_FLAG_ACHIEVED_WORD)
    report (check, ZP_SEVERITY_WARNING, "actual-restates-target", row->goal, row->row,
            "actual",
            g_strdup_printf (_("The actual value “%s” only says the target was met: "
                               "type the measured value instead (target “%s”)."),
                             actual, zp_indicator_get_target (row->indicator)));
}

/* "0", "无", "暂无", "-", "/": a note in form only. */
static gboolean
is_empty_note (const char *note)
{
  static const char * const empty_notes[] = {
    "0", "无", "暂无", "-", "/", "—", "——", "－", "／", "无。", "暂无。",
  };
  const char *start = skip_blanks (note);

  for (guint i = 0; i < G_N_ELEMENTS (empty_notes); i++)
    {
      gsize length = strlen (empty_notes[i]);

      if (strncmp (start, empty_notes[i], length) == 0 && is_blank (start + length))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_below_weight (Row *row)
{
  return row->has_weight &&
         zp_indicator_get_state (row->indicator) != ZP_INDICATOR_STATE_UNSCORED &&
         zp_decimal_cmp (zp_indicator_get_score (row->indicator), row->weight) < 0;
}

static void
check_deviation_note (Check            *check,
                      Row              *row,
                      ZpIndicatorFlags  flags)
{
  const char *note = zp_indicator_get_deviation_note (row->indicator);
  g_autofree char *score = NULL;
  g_autofree char *weight = NULL;

  if (!is_blank (note) && is_below_weight (row) && is_empty_note (note))
    {
      score = format_points (check, zp_indicator_get_score (row->indicator));
      weight = format_points (check, row->weight);
      report (check, ZP_SEVERITY_WARNING, "deviation-note-empty", row->goal, row->row,
              "deviation-note",
              g_strdup_printf (_("The score is %s of %s, and the deviation note “%s” says "
                                 "nothing: say why the target was missed and what will "
                                 "change."),
                               score, weight, note));
      return;
    }

  if (flags & ZP_INDICATOR_FLAG_NEEDS_NOTE)
    {
      score = format_points (check, zp_indicator_get_score (row->indicator));
      weight = row->has_weight ? format_points (check, row->weight) : g_strdup ("?");
      report (check, ZP_SEVERITY_ERROR, "deviation-note-missing", row->goal, row->row,
              "deviation-note",
              g_strdup_printf (_("The score is %s of %s and there is no deviation note: "
                                 "say why the target was missed and what will change "
                                 "(偏差原因分析及改进措施)."),
                               score, weight));
    }

  if ((flags & ZP_INDICATOR_FLAG_OVER_ACHIEVED) && (is_blank (note) || is_empty_note (note)))
    report (check, ZP_SEVERITY_WARNING, "over-achievement", row->goal, row->row,
            "deviation-note",
            g_strdup_printf (_("The actual value “%s” is far above the target “%s”: "
                               "explain the over-achievement in the deviation note "
                               "(the target may have been set too low)."),
                             zp_indicator_get_actual (row->indicator),
                             zp_indicator_get_target (row->indicator)));
}

static void
check_indicator_texts (Check *check,
                       Row   *row)
{
  check_placeholder (check, row->goal, row->row, "name",
                     zp_indicator_get_name (row->indicator));
  check_placeholder (check, row->goal, row->row, "target",
                     zp_indicator_get_target (row->indicator));
  check_placeholder (check, row->goal, row->row, "actual",
                     zp_indicator_get_actual (row->indicator));
  check_placeholder (check, row->goal, row->row, "deviation-note",
                     zp_indicator_get_deviation_note (row->indicator));
}

static void check_published_row (Check *check, Row *row);

/* "≥95%。": read without the 。, which is worth deleting; said once per text. */
static void
check_trailing_stop (Check      *check,
                     Row        *row,
                     const char *field,
                     const char *text,
                     gboolean    read)
{
  if (!read || !zp_text_has_trailing_stop (text))
    return;
  report (check, ZP_SEVERITY_WARNING, "trailing-stop", row->goal, row->row, field,
          g_strdup_printf (_("“%s” ends with a full stop (。), which was left out to read the "
                             "figure: delete it."),
                           text));
}

/* "≥500人" against "520人次": the figures may not measure the same thing. */
static void
check_units (Check *check,
             Row   *row)
{
  const ZpQuantity *target = zp_indicator_get_parsed_target (row->indicator);
  const ZpQuantity *actual = zp_indicator_get_parsed_actual (row->indicator);

  check_trailing_stop (check, row, "target", zp_indicator_get_target (row->indicator), target != NULL);
  check_trailing_stop (check, row, "actual", zp_indicator_get_actual (row->indicator), actual != NULL);
  if (target == NULL || actual == NULL || target->unit == NULL || actual->unit == NULL
      || target->percent != actual->percent || g_str_equal (target->unit, actual->unit))
    return;
  report (check, ZP_SEVERITY_WARNING, "unit-differs", row->goal, row->row, "actual",
          g_strdup_printf (_("The target is in “%1$s” but the actual value in “%2$s”: type "
                             "the actual value in the target's unit, so that the two compare."),
                           target->unit, actual->unit));
}

/* A row that could not be scored loses its points from the total without a word
 * unless it is reported: a blank actual, or a qualitative one with no grade. */
static void
check_unscored (Check    *check,
                Row      *row,
                gboolean  qualitative)
{
  const char *actual = zp_indicator_get_actual (row->indicator);

  if (zp_indicator_get_state (row->indicator) != ZP_INDICATOR_STATE_UNSCORED || !row->has_weight
      || (zp_indicator_get_flags (row->indicator) & ZP_INDICATOR_FLAG_NOT_A_NUMBER))
    return;

  if (is_blank (actual))
    report (check, ZP_SEVERITY_ERROR, "actual-missing", row->goal, row->row, "actual",
            g_strdup_printf (_("The actual value is empty, so the indicator is not scored "
                               "and its %s points are missing from the total: type what "
                               "was achieved (target “%s”)."),
                             zp_indicator_get_weight (row->indicator),
                             zp_indicator_get_target (row->indicator)));
  else if (qualitative && zp_indicator_get_grade (row->indicator) == ZP_GRADE_NONE)
    report (check, ZP_SEVERITY_ERROR, "grade-missing", row->goal, row->row, "grade",
            g_strdup_printf (_("The actual value “%s” is a description and the indicator "
                               "has no grade, so its %s points are missing from the total: "
                               "grade it 达成, 部分达成 or 未达成."),
                             actual, zp_indicator_get_weight (row->indicator)));
}

/* A 不适用 row: allowed only when the scheme rescales its block. */
static void
check_not_applicable (Check *check,
                      Row   *row)
{
  if (zp_scheme_get_not_applicable (check->scheme) == ZP_NOT_APPLICABLE_RESCALE)
    return;

  report (check, ZP_SEVERITY_ERROR, "not-applicable", row->goal, row->row, "not-applicable",
          g_strdup_printf (_("“%s” is marked not applicable (不适用), but the scheme does "
                             "not allow it: its %s points are missing from the total. "
                             "Score the indicator, replace it, or choose a scheme that "
                             "rescales not-applicable rows."),
                           zp_indicator_get_name (row->indicator),
                           zp_indicator_get_weight (row->indicator)));
}

static void
check_indicator (Check       *check,
                 ZpIndicator *indicator,
                 int          goal,
                 int          row_index)
{
  ZpIndicatorFlags flags = zp_indicator_get_flags (indicator);
  gboolean qualitative =
    zp_indicator_get_effective_direction (indicator) == ZP_DIRECTION_QUALITATIVE;
  Row row = {
    .indicator = indicator,
    .goal = goal,
    .row = row_index,
  };

  row.graded = qualitative && zp_indicator_get_grade (indicator) != ZP_GRADE_NONE;

  if (zp_indicator_get_not_applicable (indicator))
    {
      check_weight (check, &row);
      check_not_applicable (check, &row);
      check_indicator_texts (check, &row);
      return;
    }

  check_weight (check, &row);
  check_scores (check, &row, flags);
  check_actual (check, &row, flags, qualitative);
  check_unscored (check, &row, qualitative);
  if (!qualitative)
    check_units (check, &row);
  check_published_row (check, &row);
  check_deviation_note (check, &row, flags);
  check_indicator_texts (check, &row);
}

/* ---------------------------------------------------------------------------------- */
/* Goals                                                                                */

static void
check_goal_weight (Check  *check,
                   ZpGoal *goal,
                   guint   position)
{
  const char *text = zp_goal_get_weight (goal);
  ZpDecimal weight;
  char *message;

  if (zp_goal_get_weight_value (goal, &weight) && zp_decimal_sign (weight) > 0)
    return;

  if (is_blank (text))
    message = g_strdup (_("The goal has no weight: type its points, such as 20."));
  else if (!zp_goal_get_weight_value (goal, &weight))
    message = g_strdup_printf (_("The goal's weight “%s” is not a number: type its points, "
                                 "such as 20."), text);
  else
    message = g_strdup_printf (_("The goal's weight %s is not above zero: type its points, "
                                 "such as 20, or delete the goal."), text);

  report (check, ZP_SEVERITY_ERROR, "weight-invalid", position, -1, "weight", message);
}

static void
check_goal (Check      *check,
            const Scan *scan,
            guint       position)
{
  ZpGoal *goal = zp_form_get_goal (check->form, position);
  guint n = zp_goal_get_n_indicators (goal);

  if (zp_form_is_department (check->form))
    {
      check_goal_weight (check, goal, position);
      check_goal_block (check, scan, position);
    }
  check_placeholder (check, position, -1, "text", zp_goal_get_text (goal));
  check_placeholder (check, position, -1, "achieved", zp_goal_get_achieved (goal));

  for (guint r = 0; r < n; r++)
    check_indicator (check, zp_goal_get_indicator (goal, r), position, r);
}

/* ---------------------------------------------------------------------------------- */
/* Published figures                                                                    */

/* Places written after the decimal point: "86.19%" 2, "9" 0. */
static guint
count_places (const char *text)
{
  const char *dot = strchr (text, '.');
  guint n = 0;

  if (dot == NULL)
    return 0;
  for (const char *p = dot + 1; g_ascii_isdigit (*p); p++)
    n++;
  return MIN (n, 4);
}

/* The published 执行率: "86.19%" (or "86.19", a percentage without its sign) against the
 * rate as computed, at the places it was printed with. */
static void
check_published_rate (Check *check)
{
  const char *text = zp_form_get_published_rate (check->form);
  ZpDecimal published, rate;
  gboolean percent = FALSE;
  guint places;
  g_autofree char *computed = NULL;

  if (is_blank (text) || !zp_form_get_execution_rate (check->form, &rate))
    return;
  if (!zp_decimal_parse (text, &published, &percent))
    {
      report_not_a_number (check, -1, -1, "published-rate", _("The published execution rate"), text);
      return;
    }
  if (!percent)
    published = zp_decimal_div (published, zp_decimal_from_int (100));
  places = count_places (text);
  if (zp_decimal_equal (zp_decimal_round (rate, places + 2), published))
    return;

  computed = zp_decimal_format_percent (rate, places, FALSE);
  report (check, ZP_SEVERITY_WARNING, "published-rate", -1, -1, "published-rate",
          g_strdup_printf (_("The published execution rate is %1$s, but the budget and the "
                             "amount spent give %2$s: correct the published figure or the "
                             "amounts."),
                           text, computed));
}

/* A published score or total against the computed one, exactly: "8.62 printed as 9" is a
 * disagreement even though 8.62 rounds to 9. `label` is untranslated (N_()): this runs
 * for every indicator, and is translated only when a finding is made. */
static void
check_published_figure (Check      *check,
                        const char *code,
                        int         goal,
                        int         row,
                        const char *field,
                        const char *label,
                        const char *text,
                        ZpDecimal   computed)
{
  ZpDecimal published;
  g_autofree char *computed_text = NULL;

  if (is_blank (text))
    return;
  if (parse_value (text, &published) != VALUE_OK)
    {
      report_not_a_number (check, goal, row, field, _(label), text);
      return;
    }
  if (zp_decimal_equal (published, computed))
    return;

  computed_text = zp_decimal_format (computed, check->decimals);
  report (check, ZP_SEVERITY_WARNING, code, goal, row, field,
          /* Translators: "The published score (得分) is 9, but the rules give 8.62: …" */
          g_strdup_printf (_("%1$s is %2$s, but the rules give %3$s: correct the published "
                             "figure, or the data it was computed from."),
                           _(label), text, computed_text));
}

static void
check_published_form (Check *check)
{
  check_published_rate (check);
  if (zp_form_get_execution_rate (check->form, NULL))
    check_published_figure (check, "published-score", -1, -1, "published-execution-score",
                            N_("The published execution score (得分)"),
                            zp_form_get_published_execution_score (check->form),
                            zp_form_get_execution_score (check->form));
  /* An incomplete total is actual-missing's business. */
  if (zp_form_get_n_unscored (check->form) == 0)
    check_published_figure (check, "published-total", -1, -1, "published-total",
                            N_("The published total (总分)"),
                            zp_form_get_published_total (check->form),
                            zp_form_get_total (check->form));
}

static void
check_published_row (Check *check,
                     Row   *row)
{
  ZpIndicatorState state = zp_indicator_get_state (row->indicator);

  if (state == ZP_INDICATOR_STATE_UNSCORED || state == ZP_INDICATOR_STATE_NOT_APPLICABLE)
    return;
  check_published_figure (check, "published-score", row->goal, row->row, "published-score",
                          N_("The published score (得分)"),
                          zp_indicator_get_published_score (row->indicator),
                          zp_indicator_get_score (row->indicator));
}

/* ---------------------------------------------------------------------------------- */
/* Public API                                                                           */

static void
check_form_into (ZpForm     *form,
                 GListStore *findings)
{
  Check check = {
    .form = form,
    .scheme = zp_form_get_scheme (form),
    .findings = findings,
  };
  Scan scan;

  g_return_if_fail (check.scheme != NULL);

  check.decimals = zp_scheme_get_decimals (check.scheme);
  check.unit = zp_form_get_amount_unit (form);
  scan_form (&check, &scan);

  check_execution_block (&check);
  check_weights_total (&check, &scan);
  check_categories (&check, &scan);
  if (!zp_form_is_department (form))
    {
      check_category_blocks (&check, &scan);
      check_category_points (&check, &scan);
    }
  check_published_form (&check);

  for (guint g = 0; g < scan.n_goals; g++)
    check_goal (&check, &scan, g);

  scan_clear (&scan);
}

GListStore *
zp_check_form (ZpForm *form)
{
  GListStore *findings;

  g_return_val_if_fail (ZP_IS_FORM (form), NULL);

  findings = g_list_store_new (ZP_TYPE_FINDING);
  check_form_into (form, findings);

  return findings;
}

static gboolean
parse_form_amount (Check      *check,
                   const char *text,
                   ZpDecimal  *out)
{
  return parse_amount_value (check, text, out, NULL) == VALUE_OK;
}

/* 基本支出 + 项目支出 = 部门整体支出 (budget A). */
static void
check_department_sum (Check            *check,
                      ZpDepartmentForm *department)
{
  ZpDecimal basic, projects, budget, sum;
  g_autofree char *basic_text = NULL;
  g_autofree char *projects_text = NULL;
  g_autofree char *sum_text = NULL;
  g_autofree char *budget_text = NULL;

  if (!parse_form_amount (check, zp_department_form_get_basic_expenditure (department), &basic) ||
      !parse_form_amount (check, zp_department_form_get_project_expenditure (department), &projects) ||
      !parse_form_amount (check, zp_form_get_budget (check->form), &budget))
    return;

  sum = zp_decimal_add (basic, projects);
  if (zp_decimal_equal (sum, budget))
    return;

  basic_text = format_amount (basic);
  projects_text = format_amount (projects);
  sum_text = format_amount (sum);
  budget_text = format_amount (budget);
  report (check, ZP_SEVERITY_WARNING, "department-sum", -1, -1, "basic-expenditure",
          g_strdup_printf (_("基本支出总额 %s + 项目支出总额 %s = %s, but the department's "
                             "budget (A) is %s: correct one of the three amounts."),
                           basic_text, projects_text, sum_text, budget_text));
}

/* Σ project budgets = 项目支出总额. FALSE when a project's budget does not parse (that
 * form reports it) or there is no project. */
static gboolean
sum_project_budgets (Check      *check,
                     ZpWorkbook *workbook,
                     ZpDecimal  *sum)
{
  guint n = zp_workbook_get_n_forms (workbook);
  guint n_projects = 0;

  *sum = ZP_DECIMAL_ZERO;
  for (guint i = 0; i < n; i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);
      ZpDecimal budget;

      if (zp_form_is_department (form))
        continue;
      if (!parse_form_amount (check, zp_form_get_budget (form), &budget))
        return FALSE;
      *sum = zp_decimal_add (*sum, budget);
      n_projects++;
    }

  return n_projects > 0;
}

static void
check_project_sum (Check            *check,
                   ZpDepartmentForm *department)
{
  ZpDecimal sum, total;
  g_autofree char *sum_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *difference_text = NULL;

  if (!sum_project_budgets (check, check->workbook, &sum) ||
      !parse_form_amount (check, zp_department_form_get_project_expenditure (department), &total) ||
      zp_decimal_equal (sum, total))
    return;

  sum_text = format_amount (sum);
  total_text = format_amount (total);
  difference_text = format_amount (zp_decimal_sub (total, sum));
  report (check, ZP_SEVERITY_WARNING, "project-sum", -1, -1, "project-expenditure",
          g_strdup_printf (_("The project forms' budgets add up to %s, but 项目支出总额 is %s "
                             "on the department form (difference %s): correct the project "
                             "forms' budgets (A), or add the missing projects."),
                           sum_text, total_text, difference_text));
}

GListStore *
zp_check_cross_forms (ZpWorkbook *workbook)
{
  GListStore *findings;
  ZpDepartmentForm *department;
  Check check = { NULL };

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), NULL);

  findings = g_list_store_new (ZP_TYPE_FINDING);
  department = zp_workbook_get_department_form (workbook);
  if (department == NULL)
    return findings;

  check.form = ZP_FORM (department);
  check.scheme = zp_workbook_get_scheme (workbook);
  check.workbook = workbook;
  check.findings = findings;
  check.decimals = check.scheme ? zp_scheme_get_decimals (check.scheme) : 2;
  check.unit = zp_workbook_get_amount_unit (workbook);

  check_department_sum (&check, department);
  check_project_sum (&check, department);

  return findings;
}

GListStore *
zp_check_workbook (ZpWorkbook *workbook)
{
  GListStore *findings;
  g_autoptr(GListStore) cross = NULL;
  guint n;

  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), NULL);

  findings = g_list_store_new (ZP_TYPE_FINDING);
  n = zp_workbook_get_n_forms (workbook);
  for (guint i = 0; i < n; i++)
    check_form_into (zp_workbook_get_form (workbook, i), findings);

  cross = zp_check_cross_forms (workbook);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (cross)); i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (G_LIST_MODEL (cross), i);

      g_list_store_append (findings, finding);
    }

  return findings;
}

guint
zp_findings_count (GListModel *findings,
                   ZpSeverity  severity,
                   gboolean    include_explained)
{
  guint n, count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (findings), 0);

  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZpFinding) finding = g_list_model_get_item (findings, i);

      if (zp_finding_get_severity (finding) == severity &&
          (include_explained || !zp_finding_is_explained (finding)))
        count++;
    }

  return count;
}

ZpFormStatus
zp_findings_status (GListModel *findings)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), ZP_FORM_STATUS_COMPLETE);

  if (zp_findings_count (findings, ZP_SEVERITY_ERROR, TRUE) > 0)
    return ZP_FORM_STATUS_ERRORS;
  if (zp_findings_count (findings, ZP_SEVERITY_WARNING, FALSE) > 0)
    return ZP_FORM_STATUS_WARNINGS;

  return ZP_FORM_STATUS_COMPLETE;
}
