/* zp-layout.c — forms laid out cell by cell as the published templates print them.
 *
 * Row and column positions follow layouts.md (湖北/武汉) and spec §5 (10号). Labels that
 * are part of the printed form (预算数（A）, 产出指标（40 分）…) are data, not translated
 * strings: a finance bureau expects them exactly so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zp-layout.h"

#define EM_DASH "—"

/* Column widths in spreadsheet character units (a CJK character takes about two). */
static const double hubei_widths[7] = { 15, 19, 15, 27, 17, 17, 9 };
static const double central_widths[9] = { 9, 13, 14, 27, 14, 14, 8, 9, 22 };
static const double summary_widths[6] = { 7, 44, 13, 13, 13, 11 };

gboolean
zp_layout_from_string (const char   *text,
                       ZpLayoutKind *out)
{
  if (g_strcmp0 (text, "hubei") == 0)
    *out = ZP_LAYOUT_HUBEI;
  else if (g_strcmp0 (text, "central") == 0)
    *out = ZP_LAYOUT_CENTRAL;
  else
    return FALSE;
  return TRUE;
}

/* Helpers ---------------------------------------------------------------------------- */

static gboolean
parse_number (const char *text,
              ZpDecimal  *out)
{
  gboolean percent = FALSE;

  return text != NULL && *text != '\0' && zp_decimal_parse (text, out, &percent);
}

static char *
format_points (ZpDecimal weight)
{
  return zp_decimal_format_trim (weight, 2);
}

/* An amount as typed: a number cell when it reads as one, else the text as typed. */
static ZpCell *
add_amount (ZpSheet    *sheet,
            guint       col,
            guint       span,
            const char *typed)
{
  ZpDecimal value;

  if (parse_number (typed, &value))
    return zp_sheet_add_number (sheet, col, span, ZP_CELL_AMOUNT, value);
  return zp_sheet_add_cell (sheet, col, span, ZP_CELL_STYLE_NUMBER, typed);
}

static void
add_title_row (ZpSheet     *sheet,
               ZpCellStyle  style,
               const char  *text)
{
  ZpSheetRow *row = zp_sheet_get_row (sheet, zp_sheet_add_row (sheet, ZP_ROW_TITLE));

  row->keep_with_next = TRUE;
  row->min_height = style == ZP_CELL_STYLE_TITLE ? 30 : 0;
  zp_sheet_add_cell (sheet, 0, sheet->n_cols, style, text);
}

static void
add_label_value_row (ZpSheet    *sheet,
                     const char *label,
                     const char *value)
{
  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 0, 1, ZP_CELL_STYLE_LABEL, label);
  zp_sheet_add_cell (sheet, 1, sheet->n_cols - 1, ZP_CELL_STYLE_TEXT, value);
}

/* label | value (B:C) | label | value (…:last) */
static void
add_two_pair_row (ZpSheet    *sheet,
                  const char *label1,
                  const char *value1,
                  const char *label2,
                  const char *value2,
                  gboolean    amounts)
{
  guint second = sheet->n_cols == 7 ? 3 : 4;

  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 0, 1, ZP_CELL_STYLE_LABEL, label1);
  if (amounts)
    add_amount (sheet, 1, second - 1, value1);
  else
    zp_sheet_add_cell (sheet, 1, second - 1, ZP_CELL_STYLE_TEXT, value1);
  zp_sheet_add_cell (sheet, second, 1, ZP_CELL_STYLE_LABEL, label2);
  if (amounts)
    add_amount (sheet, second + 1, sheet->n_cols - second - 1, value2);
  else
    zp_sheet_add_cell (sheet, second + 1, sheet->n_cols - second - 1, ZP_CELL_STYLE_TEXT, value2);
}

static void
set_row_span (ZpCell *cell,
              guint   first_row,
              guint   last_row)
{
  cell->row_span = last_row - first_row + 1;
}

/* The execution rate and score of the row being built, as formulas over its budget and
 * spent cells; "—" when the rate is undefined (A missing or zero). */
static void
add_execution_figures (ZpSheet *sheet,
                       ZpForm  *form,
                       guint    col_budget,
                       guint    col_spent,
                       guint    col_rate,
                       guint    col_score,
                       guint    score_span)
{
  guint row = zp_sheet_get_n_rows (sheet) - 1;
  g_autofree char *budget = zp_sheet_ref (row, col_budget);
  g_autofree char *spent = zp_sheet_ref (row, col_spent);
  ZpDecimal rate;
  ZpCell *cell;

  sheet->rate_row = sheet->exec_score_row = row;
  sheet->rate_col = col_rate;
  sheet->exec_score_col = col_score;

  if (!zp_form_get_execution_rate (form, &rate))
    {
      zp_sheet_add_cell (sheet, col_rate, 1, ZP_CELL_STYLE_NUMBER, EM_DASH);
      zp_sheet_add_cell (sheet, col_score, score_span, ZP_CELL_STYLE_NUMBER, EM_DASH);
      return;
    }

  cell = zp_sheet_add_number (sheet, col_rate, 1, ZP_CELL_PERCENT, rate);
  cell->formula = g_strdup_printf ("%s/%s", spent, budget);

  {
    g_autofree char *weight = format_points (zp_form_get_execution_weight (form));
    guint places = zp_scheme_get_decimals (zp_form_get_scheme (form));

    cell = zp_sheet_add_number (sheet, col_score, score_span, ZP_CELL_SCORE,
                                zp_form_get_execution_score (form));
    cell->formula = g_strdup_printf ("ROUND(%s*MIN(%s/%s,1),%u)", weight, spent, budget, places);
  }
}

/* "金额单位：万元", or 元 as the 上海 forms print it. */
static const char *
unit_label (ZpForm *form)
{
  return zp_amount_unit_to_label (zp_form_get_amount_unit (form));
}

static void
add_unit_row (ZpSheet *sheet,
              ZpForm  *form)
{
  g_autofree char *note = g_strdup_printf ("金额单位：%s", unit_label (form));

  add_title_row (sheet, ZP_CELL_STYLE_NOTE, note);
}

/* "预算执行情况（万元）（20 分）" and the heading row of the execution block. */
static ZpCell *
add_execution_heading (ZpSheet *sheet,
                       ZpForm  *form)
{
  g_autofree char *weight = format_points (zp_form_get_execution_weight (form));
  g_autofree char *label = g_strdup_printf ("预算执行情况（%s）（%s 分）", unit_label (form), weight);
  g_autofree char *score = g_strdup_printf ("得分（%s 分*执行率）", weight);
  ZpSheetRow *row = zp_sheet_get_row (sheet, zp_sheet_add_row (sheet, ZP_ROW_NORMAL));
  ZpCell *head;

  row->keep_with_next = TRUE;
  head = zp_sheet_add_cell (sheet, 0, 1, ZP_CELL_STYLE_LABEL, label);
  head->row_span = 2;
  zp_sheet_add_cell (sheet, 1, 1, ZP_CELL_STYLE_HEADER, "");
  zp_sheet_add_cell (sheet, 2, 1, ZP_CELL_STYLE_HEADER, "预算数（A）");
  zp_sheet_add_cell (sheet, 3, 1, ZP_CELL_STYLE_HEADER, "执行数（B）");
  zp_sheet_add_cell (sheet, 4, 1, ZP_CELL_STYLE_HEADER, "执行率（B/A）");
  zp_sheet_add_cell (sheet, 5, 2, ZP_CELL_STYLE_HEADER, score);
  return head;
}

static void
add_execution_row (ZpSheet    *sheet,
                   ZpForm     *form,
                   const char *label)
{
  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 1, 1, ZP_CELL_STYLE_LABEL, label);
  add_amount (sheet, 2, 1, zp_form_get_budget (form));
  add_amount (sheet, 3, 1, zp_form_get_spent (form));
  add_execution_figures (sheet, form, 2, 3, 4, 5, 2);
}

/* Indicator rows ---------------------------------------------------------------------- */

typedef struct
{
  guint        first_col;    /* the 一级指标 column */
  gboolean     points;       /* category labels carry the category's points */
  gboolean     points_spaced;  /* "（40 分）" as the seed prints, or "（50分）" as 10号 */
  gboolean     weight_col;   /* 10号: 分值 before 得分 */
  gboolean     note_col;     /* 10号: 偏差原因分析及改进措施 after 得分 */
} IndicatorColumns;

static char *
category_label (ZpForm                 *form,
                const char             *category,
                const IndicatorColumns *columns)
{
  ZpScheme *scheme = zp_form_get_scheme (form);
  ZpDecimal weight;
  guint index;
  const char *name = category;

  if (scheme != NULL && zp_scheme_lookup_category (scheme, category, &index))
    name = zp_scheme_get_category_name (scheme, index);
  /* The form's own points ("产出指标（60分）"), else the scheme's in a fixed split. */
  if (columns->points && zp_form_get_category_weight (form, category, &weight))
    {
      g_autofree char *points = format_points (weight);

      return g_strdup_printf (columns->points_spaced ? "%s（%s 分）" : "%s（%s分）", name, points);
    }
  return g_strdup (category);
}

/* How many rows from `start` on have the same text in the same run of the outer level:
 * the merge of a category or subcategory cell. */
static guint
run_length (ZpGoal   *goal,
            guint     start,
            gboolean  subcategory)
{
  ZpIndicator *first = zp_goal_get_indicator (goal, start);
  guint n = zp_goal_get_n_indicators (goal);
  guint end = start + 1;

  for (; end < n; end++)
    {
      ZpIndicator *next = zp_goal_get_indicator (goal, end);

      if (g_strcmp0 (zp_indicator_get_category (next), zp_indicator_get_category (first)) != 0)
        break;
      if (subcategory &&
          g_strcmp0 (zp_indicator_get_subcategory (next), zp_indicator_get_subcategory (first)) != 0)
        break;
    }
  return end - start;
}

/* A score set by hand is marked "*" and explained in the 人工评分说明 row (spec §3: an
 * override shows as such everywhere). */
#define OVERRIDE_MARK "*"

static void
add_indicator_score (ZpSheet     *sheet,
                     guint        col,
                     ZpIndicator *indicator)
{
  ZpCell *cell;

  if (zp_indicator_get_state (indicator) == ZP_INDICATOR_STATE_UNSCORED)
    {
      zp_sheet_add_cell (sheet, col, 1, ZP_CELL_STYLE_NUMBER, EM_DASH);
      return;
    }
  if (zp_indicator_get_state (indicator) == ZP_INDICATOR_STATE_NOT_APPLICABLE)
    {
      zp_sheet_add_cell (sheet, col, 1, ZP_CELL_STYLE_NUMBER, "不适用");
      return;
    }

  cell = zp_sheet_add_number (sheet, col, 1, ZP_CELL_SCORE, zp_indicator_get_score (indicator));
  if (zp_indicator_has_override (indicator))
    {
      char *marked = g_strconcat (cell->text, OVERRIDE_MARK, NULL);

      g_free (cell->text);
      cell->text = marked;
      cell->comment = g_strdup_printf ("人工评分：%s", zp_indicator_get_manual_reason (indicator));
    }
}

static void
add_indicator_weight (ZpSheet     *sheet,
                      guint        col,
                      ZpIndicator *indicator)
{
  ZpDecimal weight;

  if (zp_indicator_get_weight_value (indicator, &weight))
    zp_sheet_add_number (sheet, col, 1, ZP_CELL_SCORE, weight);
  else
    zp_sheet_add_cell (sheet, col, 1, ZP_CELL_STYLE_NUMBER, zp_indicator_get_weight (indicator));
}

static void
add_indicator_row (ZpSheet                *sheet,
                   ZpForm                 *form,
                   ZpGoal                 *goal,
                   guint                   i,
                   guint                  *category_left,
                   guint                  *subcategory_left,
                   const IndicatorColumns *columns)
{
  ZpIndicator *indicator = zp_goal_get_indicator (goal, i);
  guint col = columns->first_col;
  ZpCell *cell;

  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);

  if (*category_left == 0)
    {
      g_autofree char *label = category_label (form, zp_indicator_get_category (indicator), columns);

      *category_left = run_length (goal, i, FALSE);
      cell = zp_sheet_add_cell (sheet, col, 1, ZP_CELL_STYLE_LABEL, label);
      cell->row_span = *category_left;
    }
  if (*subcategory_left == 0)
    {
      *subcategory_left = run_length (goal, i, TRUE);
      cell = zp_sheet_add_cell (sheet, col + 1, 1, ZP_CELL_STYLE_LABEL,
                                zp_indicator_get_subcategory (indicator));
      cell->row_span = *subcategory_left;
    }
  (*category_left)--;
  (*subcategory_left)--;

  zp_sheet_add_cell (sheet, col + 2, 1, ZP_CELL_STYLE_TEXT, zp_indicator_get_name (indicator));
  zp_sheet_add_cell (sheet, col + 3, 1, ZP_CELL_STYLE_LABEL, zp_indicator_get_target (indicator));
  zp_sheet_add_cell (sheet, col + 4, 1, ZP_CELL_STYLE_LABEL, zp_indicator_get_actual (indicator));
  col += 5;
  if (columns->weight_col)
    add_indicator_weight (sheet, col++, indicator);
  add_indicator_score (sheet, col++, indicator);
  if (columns->note_col)
    zp_sheet_add_cell (sheet, col, 1, ZP_CELL_STYLE_TEXT, zp_indicator_get_deviation_note (indicator));
}

/* Adds the goal's indicator rows; returns the number added. */
static guint
add_indicator_rows (ZpSheet                *sheet,
                    ZpForm                 *form,
                    ZpGoal                 *goal,
                    const IndicatorColumns *columns)
{
  guint n = zp_goal_get_n_indicators (goal);
  guint category_left = 0;
  guint subcategory_left = 0;

  for (guint i = 0; i < n; i++)
    add_indicator_row (sheet, form, goal, i, &category_left, &subcategory_left, columns);
  return n;
}

/* The heading row of an indicator grid, with the merged label in column A. */
static ZpCell *
add_indicator_heading (ZpSheet            *sheet,
                       const char         *label,
                       const char * const *headings)
{
  guint index = zp_sheet_add_row (sheet, ZP_ROW_HEADER);
  ZpSheetRow *row = zp_sheet_get_row (sheet, index);
  ZpCell *head;

  row->keep_with_next = TRUE;
  row->scope_last = index;
  head = zp_sheet_add_cell (sheet, 0, 1, ZP_CELL_STYLE_LABEL, label);
  for (guint i = 0; headings[i] != NULL; i++)
    zp_sheet_add_cell (sheet, i + 1, 1, ZP_CELL_STYLE_HEADER, headings[i]);
  if (sheet->repeat_row < 0)
    sheet->repeat_row = index;
  return head;
}

static void
close_indicator_block (ZpSheet *sheet,
                       ZpCell  *head,
                       guint    heading_row)
{
  guint last = zp_sheet_get_n_rows (sheet) - 1;

  set_row_span (head, heading_row, last);
  zp_sheet_get_row (sheet, heading_row)->scope_last = last;
}

/* 总分, the analysis rows, the signature block ------------------------------------------ */

/* The 总分 row, its label over `label_span` columns. */
static void
start_total_row (ZpSheet *sheet,
                 guint    label_span)
{
  /* 总分 never starts a page alone: the last row of the grid comes with it. */
  if (zp_sheet_get_n_rows (sheet) > 0)
    zp_sheet_get_row (sheet, zp_sheet_get_n_rows (sheet) - 1)->keep_with_next = TRUE;
  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 0, label_span, ZP_CELL_STYLE_LABEL, "总分");
}

/* The form's total: the execution score and the scores of rows first…last in `col`. */
static void
add_total_score (ZpSheet *sheet,
                 ZpForm  *form,
                 guint    col,
                 guint    first_row,
                 guint    last_row)
{
  g_autofree char *first = zp_sheet_ref (first_row, col);
  g_autofree char *last = zp_sheet_ref (last_row, col);
  g_autofree char *exec = zp_sheet_ref (sheet->exec_score_row, sheet->exec_score_col);
  ZpCell *cell = zp_sheet_add_number (sheet, col, 1, ZP_CELL_SCORE, zp_form_get_total (form));

  /* SUM skips the "—" of an undefined execution score or an unscored indicator. */
  cell->formula = g_strdup_printf ("SUM(%s,%s:%s)", exec, first, last);
  /* A total that misses rows says so on paper too: "80.69, 1 行未评分". */
  if (zp_form_get_n_unscored (form) > 0)
    {
      g_free (cell->text);
      cell->text = zp_form_dup_total_display (form, TRUE);
      cell->comment = g_strdup_printf ("%u 行未评分，总分不完整", zp_form_get_n_unscored (form));
    }
  sheet->total_row = zp_sheet_get_n_rows (sheet) - 1;
  sheet->total_col = col;
}

static gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

/* The rows' deviation notes as the 湖北/武汉 layout, which has no note column, gathers them
 * into its 偏差大或目标未完成原因分析 box: "指标名：原因", one per line. */
char *
zp_layout_gather_deviation_notes (ZpForm *form)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (ZP_IS_FORM (form), NULL);

  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
        {
          ZpIndicator *indicator = zp_goal_get_indicator (goal, i);
          g_autofree char *note = g_strstrip (g_strdup (zp_indicator_get_deviation_note (indicator)));
          g_autofree char *name = g_strstrip (g_strdup (zp_indicator_get_name (indicator)));

          if (is_blank_text (note))
            continue;
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, "%s：%s", name, note);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* `gather`: the layout prints no per-row note, so an analysis the user left empty shows
 * the rows' notes instead (the checks demand them; they must reach the form). */
static void
add_analysis_rows (ZpSheet  *sheet,
                   ZpForm   *form,
                   gboolean  gather)
{
  const char *analysis = zp_form_get_analysis (form);
  g_autofree char *gathered = NULL;

  if (gather && is_blank_text (analysis))
    analysis = gathered = zp_layout_gather_deviation_notes (form);
  add_label_value_row (sheet, "偏差大或目标未完成原因分析", analysis);
  add_label_value_row (sheet, "改进措施及结果应用方案", zp_form_get_improvement (form));
}

/* "带 * 的得分为人工评分。name：reason；…", or nothing when no score was set by hand. */
static void
add_override_row (ZpSheet *sheet,
                  ZpForm  *form)
{
  g_autoptr(GString) text = NULL;

  if (zp_form_count_overrides (form) == 0)
    return;

  text = g_string_new ("带 " OVERRIDE_MARK " 的得分为人工评分。");
  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
        {
          ZpIndicator *indicator = zp_goal_get_indicator (goal, i);

          if (zp_indicator_has_override (indicator))
            g_string_append_printf (text, "%s：%s；", zp_indicator_get_name (indicator),
                                    zp_indicator_get_manual_reason (indicator));
        }
    }
  add_label_value_row (sheet, "人工评分说明", text->str);
}

static void
add_signature_rows (ZpSheet *sheet)
{
  guint third = sheet->n_cols / 3;
  guint last = sheet->n_cols - 2 * third;
  ZpSheetRow *row;

  row = zp_sheet_get_row (sheet, zp_sheet_add_row (sheet, ZP_ROW_SIGNATURE));
  row->keep_with_next = TRUE;
  row->min_height = 28;
  zp_sheet_add_cell (sheet, 0, third, ZP_CELL_STYLE_SIGNATURE, "单位负责人：");
  zp_sheet_add_cell (sheet, third, third, ZP_CELL_STYLE_SIGNATURE, "填报人：");
  zp_sheet_add_cell (sheet, 2 * third, last, ZP_CELL_STYLE_SIGNATURE, "联系电话：");

  /* Room for the seal. */
  row = zp_sheet_get_row (sheet, zp_sheet_add_row (sheet, ZP_ROW_SIGNATURE));
  row->min_height = 56;
  zp_sheet_add_cell (sheet, 0, third, ZP_CELL_STYLE_SIGNATURE, "填报日期：");
  zp_sheet_add_cell (sheet, 2 * third, last, ZP_CELL_STYLE_SIGNATURE, "（盖章）");
}

/* 湖北/武汉 project form --------------------------------------------------------------- */

static const char *
choice_line (const char * const *labels,
             guint               chosen,
             GString            *out)
{
  g_string_truncate (out, 0);
  for (guint i = 0; labels[i] != NULL; i++)
    g_string_append_printf (out, "%s%u、%s %s", i > 0 ? " " : "", i + 1, labels[i],
                            i == chosen ? "☑" : "□");
  return out->str;
}

static void
add_project_choices (ZpSheet       *sheet,
                     ZpProjectForm *project)
{
  /* As the seed prints them (区级专项, not the longer 区级(市直)专项 of some templates). */
  static const char * const categories[] = { "部门预算项目", "区级专项", "专项转移支付项目", NULL };
  static const char * const attributes[] = { "持续性项目", "新增性项目", NULL };
  static const char * const types[] = { "常年性项目", "延续性项目", "一次性项目", NULL };
  g_autoptr(GString) line = g_string_new (NULL);

  add_label_value_row (sheet, "项目类别",
                       choice_line (categories, zp_project_form_get_project_category (project), line));
  add_label_value_row (sheet, "项目属性",
                       choice_line (attributes, zp_project_form_get_project_attribute (project), line));
  add_label_value_row (sheet, "项目类型",
                       choice_line (types, zp_project_form_get_project_type (project), line));
}

static char *
indicator_part_label (ZpForm *form)
{
  ZpGoal *goal = zp_form_get_n_goals (form) > 0 ? zp_form_get_goal (form, 0) : NULL;
  ZpDecimal weight;
  g_autofree char *points = NULL;

  if (goal == NULL || !zp_goal_get_weight_value (goal, &weight))
    weight = zp_scheme_get_indicator_weight (zp_form_get_scheme (form));
  points = format_points (weight);
  return g_strdup_printf ("年度绩效目标（%s 分）", points);
}

static ZpSheet *
layout_project_hubei (ZpWorkbook    *workbook,
                      ZpProjectForm *project)
{
  static const char * const headings[] = {
    "一级指标", "二级指标", "具体指标名称", "年初目标值（A）", "实际完成值（B）", "得分", NULL
  };
  static const IndicatorColumns columns = { 1, TRUE, TRUE, FALSE, FALSE };
  ZpForm *form = ZP_FORM (project);
  const char *name = zp_project_form_get_name (project);
  g_autofree char *title = g_strdup_printf ("%u 年度%s项目自评表", zp_workbook_get_year (workbook),
                                            zp_workbook_get_display_unit_short (workbook));
  g_autofree char *subtitle = g_strdup_printf ("（%s）", name);
  g_autofree char *part = indicator_part_label (form);
  g_autofree char *form_title = zp_form_dup_title (form);
  ZpSheet *sheet = zp_sheet_new (form_title, 7, hubei_widths);
  ZpCell *head;
  guint heading_row;

  add_title_row (sheet, ZP_CELL_STYLE_TITLE, title);
  add_title_row (sheet, ZP_CELL_STYLE_SUBTITLE, subtitle);
  add_unit_row (sheet, form);
  add_label_value_row (sheet, "项目名称", name);
  add_two_pair_row (sheet, "主管部门", zp_project_form_get_department (project),
                    "项目实施单位", zp_project_form_get_implementer (project), FALSE);
  add_project_choices (sheet, project);
  add_execution_heading (sheet, form);
  add_execution_row (sheet, form, "年度财政资金总额");

  head = add_indicator_heading (sheet, part, headings);
  heading_row = zp_sheet_get_n_rows (sheet) - 1;
  /* Every goal's rows (黄冈 2020 prints two goals on one form). */
  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    add_indicator_rows (sheet, form, zp_form_get_goal (form, g), &columns);
  close_indicator_block (sheet, head, heading_row);

  /* The sums run from the heading row (its text is skipped) so that an empty block
   * never makes the total refer to itself. */
  start_total_row (sheet, 6);
  add_total_score (sheet, form, 6, heading_row, zp_sheet_get_n_rows (sheet) - 2);
  add_analysis_rows (sheet, form, TRUE);
  add_override_row (sheet, form);
  add_signature_rows (sheet);
  return sheet;
}

/* 湖北/武汉 department form ------------------------------------------------------------ */

static void
add_department_goal (ZpSheet *sheet,
                     ZpForm  *form,
                     guint    k)
{
  static const char * const headings[] = {
    "一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分", NULL
  };
  static const IndicatorColumns columns = { 1, FALSE, FALSE, FALSE, FALSE };
  ZpGoal *goal = zp_form_get_goal (form, k);
  g_autofree char *label = NULL;
  ZpDecimal weight;
  ZpSheetRow *row;
  ZpCell *head;
  guint heading_row;

  if (zp_goal_get_weight_value (goal, &weight))
    {
      g_autofree char *points = format_points (weight);
      label = g_strdup_printf ("年度绩效目标 %u（%s 分）", k + 1, points);
    }
  else
    label = g_strdup_printf ("年度绩效目标 %u", k + 1);

  add_label_value_row (sheet, label, zp_goal_get_text (goal));
  row = zp_sheet_get_row (sheet, zp_sheet_get_n_rows (sheet) - 1);
  row->keep_with_next = TRUE;

  head = add_indicator_heading (sheet, "年度绩效指标", headings);
  heading_row = zp_sheet_get_n_rows (sheet) - 1;
  add_indicator_rows (sheet, form, goal, &columns);
  close_indicator_block (sheet, head, heading_row);
}

static ZpSheet *
layout_department (ZpWorkbook       *workbook,
                   ZpDepartmentForm *department)
{
  ZpForm *form = ZP_FORM (department);
  const char *unit = zp_department_form_get_unit (department);
  g_autofree char *title = NULL;
  g_autofree char *form_title = zp_form_dup_title (form);
  ZpSheet *sheet = zp_sheet_new (form_title, 7, hubei_widths);
  guint first_goal_row;

  if (unit == NULL || *unit == '\0')
    unit = zp_workbook_get_unit (workbook);
  title = g_strdup_printf ("%u 年度%s整体绩效自评表", zp_workbook_get_year (workbook), unit);

  add_title_row (sheet, ZP_CELL_STYLE_TITLE, title);
  add_unit_row (sheet, form);
  add_label_value_row (sheet, "单位名称", unit);
  add_two_pair_row (sheet, "基本支出总额", zp_department_form_get_basic_expenditure (department),
                    "项目支出总额", zp_department_form_get_project_expenditure (department), TRUE);
  add_execution_heading (sheet, form);
  add_execution_row (sheet, form, "部门整体支出总额");

  first_goal_row = zp_sheet_get_n_rows (sheet);
  for (guint k = 0; k < zp_form_get_n_goals (form); k++)
    add_department_goal (sheet, form, k);

  /* From the execution row, whose G cell is inside the F:G merge: never empty. */
  start_total_row (sheet, 6);
  add_total_score (sheet, form, 6, first_goal_row - 1, zp_sheet_get_n_rows (sheet) - 2);
  add_analysis_rows (sheet, form, TRUE);
  add_override_row (sheet, form);
  add_signature_rows (sheet);
  return sheet;
}

/* 10号 project form ------------------------------------------------------------------- */

static void
add_fund_row (ZpSheet       *sheet,
              ZpProjectForm *project,
              ZpFund         fund,
              const char    *label)
{
  const char *budget = zp_project_form_get_fund (project, fund, ZP_FUND_FIELD_BUDGET);
  const char *spent = zp_project_form_get_fund (project, fund, ZP_FUND_FIELD_SPENT);
  guint row;
  ZpDecimal a, b;

  row = zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 1, 1, ZP_CELL_STYLE_LABEL, label);
  add_amount (sheet, 2, 1, zp_project_form_get_fund (project, fund, ZP_FUND_FIELD_INITIAL));
  add_amount (sheet, 3, 1, budget);
  add_amount (sheet, 4, 1, spent);
  zp_sheet_add_cell (sheet, 5, 1, ZP_CELL_STYLE_NUMBER, EM_DASH);
  if (parse_number (budget, &a) && parse_number (spent, &b) && zp_decimal_sign (a) > 0)
    {
      g_autofree char *ref_a = zp_sheet_ref (row, 3);
      g_autofree char *ref_b = zp_sheet_ref (row, 4);
      ZpCell *cell = zp_sheet_add_number (sheet, 6, 1, ZP_CELL_PERCENT, zp_decimal_div (b, a));

      cell->formula = g_strdup_printf ("%s/%s", ref_b, ref_a);
    }
  else
    zp_sheet_add_cell (sheet, 6, 1, ZP_CELL_STYLE_NUMBER, EM_DASH);
  zp_sheet_add_cell (sheet, 7, 2, ZP_CELL_STYLE_NUMBER, EM_DASH);
}

static void
add_central_funds (ZpSheet       *sheet,
                   ZpProjectForm *project)
{
  ZpForm *form = ZP_FORM (project);
  ZpSheetRow *row;
  ZpCell *head;
  guint first;

  first = zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  row = zp_sheet_get_row (sheet, first);
  row->keep_with_next = TRUE;
  {
    g_autofree char *funds_label = g_strdup_printf ("项目资金（%s）", unit_label (form));

    head = zp_sheet_add_cell (sheet, 0, 1, ZP_CELL_STYLE_LABEL, funds_label);
  }
  zp_sheet_add_cell (sheet, 1, 1, ZP_CELL_STYLE_HEADER, "");
  zp_sheet_add_cell (sheet, 2, 1, ZP_CELL_STYLE_HEADER, "年初预算数");
  zp_sheet_add_cell (sheet, 3, 1, ZP_CELL_STYLE_HEADER, "全年预算数（A）");
  zp_sheet_add_cell (sheet, 4, 1, ZP_CELL_STYLE_HEADER, "全年执行数（B）");
  zp_sheet_add_cell (sheet, 5, 1, ZP_CELL_STYLE_HEADER, "分值");
  zp_sheet_add_cell (sheet, 6, 1, ZP_CELL_STYLE_HEADER, "执行率（B/A）");
  zp_sheet_add_cell (sheet, 7, 2, ZP_CELL_STYLE_HEADER, "得分");

  zp_sheet_get_row (sheet, zp_sheet_add_row (sheet, ZP_ROW_NORMAL))->keep_with_next = TRUE;
  zp_sheet_add_cell (sheet, 1, 1, ZP_CELL_STYLE_LABEL, "年度资金总额");
  add_amount (sheet, 2, 1, zp_form_get_initial_budget (form));
  add_amount (sheet, 3, 1, zp_form_get_budget (form));
  add_amount (sheet, 4, 1, zp_form_get_spent (form));
  zp_sheet_add_number (sheet, 5, 1, ZP_CELL_SCORE, zp_form_get_execution_weight (form));
  add_execution_figures (sheet, form, 3, 4, 6, 7, 2);

  add_fund_row (sheet, project, ZP_FUND_CURRENT, "其中：当年财政拨款");
  add_fund_row (sheet, project, ZP_FUND_CARRYOVER, "上年结转资金");
  add_fund_row (sheet, project, ZP_FUND_OTHER, "其他资金");
  set_row_span (head, first, zp_sheet_get_n_rows (sheet) - 1);
}

/* The goals' texts (or what was achieved), one per line when a form has several. */
static char *
join_goal_texts (ZpForm   *form,
                 gboolean  achieved)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);
      const char *part = achieved ? zp_goal_get_achieved (goal) : zp_goal_get_text (goal);

      if (*part == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, part);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_central_overall_goal (ZpSheet *sheet,
                          ZpForm  *form)
{
  ZpSheetRow *row = zp_sheet_get_row (sheet, zp_sheet_add_row (sheet, ZP_ROW_NORMAL));
  g_autofree char *planned = join_goal_texts (form, FALSE);
  g_autofree char *achieved = join_goal_texts (form, TRUE);
  ZpCell *head;

  row->keep_with_next = TRUE;
  head = zp_sheet_add_cell (sheet, 0, 1, ZP_CELL_STYLE_LABEL, "年度总体目标");
  head->row_span = 2;
  zp_sheet_add_cell (sheet, 1, 4, ZP_CELL_STYLE_HEADER, "预期目标");
  zp_sheet_add_cell (sheet, 5, 4, ZP_CELL_STYLE_HEADER, "实际完成情况");
  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 1, 4, ZP_CELL_STYLE_TEXT, planned);
  zp_sheet_add_cell (sheet, 5, 4, ZP_CELL_STYLE_TEXT, achieved);
}

/* 总分 of the 10号 form: the weights' sum under 分值, the total under 得分. */
static void
add_central_total (ZpSheet *sheet,
                   ZpForm  *form,
                   guint    first_row,
                   guint    last_row)
{
  g_autofree char *w_exec = zp_sheet_ref (sheet->exec_score_row, 5);
  g_autofree char *w_first = zp_sheet_ref (first_row, 6);
  g_autofree char *w_last = zp_sheet_ref (last_row, 6);
  ZpDecimal weights = zp_form_get_execution_weight (form);
  ZpCell *cell;

  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
        {
          ZpDecimal w;

          if (zp_indicator_get_weight_value (zp_goal_get_indicator (goal, i), &w))
            weights = zp_decimal_add (weights, w);
        }
    }

  start_total_row (sheet, 6);
  cell = zp_sheet_add_number (sheet, 6, 1, ZP_CELL_SCORE, weights);
  cell->formula = g_strdup_printf ("SUM(%s,%s:%s)", w_exec, w_first, w_last);
  add_total_score (sheet, form, 7, first_row, last_row);
  zp_sheet_add_cell (sheet, 8, 1, ZP_CELL_STYLE_TEXT, "");
}

static ZpSheet *
layout_project_central (ZpWorkbook    *workbook,
                        ZpProjectForm *project)
{
  static const char * const headings[] = {
    "一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分",
    "偏差原因分析及改进措施", NULL
  };
  static const IndicatorColumns columns = { 1, TRUE, FALSE, TRUE, TRUE };
  ZpForm *form = ZP_FORM (project);
  g_autofree char *subtitle = g_strdup_printf ("（%u 年度）", zp_workbook_get_year (workbook));
  g_autofree char *form_title = zp_form_dup_title (form);
  ZpSheet *sheet = zp_sheet_new (form_title, 9, central_widths);
  ZpCell *head;
  guint heading_row;

  add_title_row (sheet, ZP_CELL_STYLE_TITLE, "项目支出绩效自评表");
  add_title_row (sheet, ZP_CELL_STYLE_SUBTITLE, subtitle);
  add_label_value_row (sheet, "项目名称", zp_project_form_get_name (project));
  add_two_pair_row (sheet, "主管部门", zp_project_form_get_department (project),
                    "实施单位", zp_project_form_get_implementer (project), FALSE);
  add_central_funds (sheet, project);
  add_central_overall_goal (sheet, form);

  head = add_indicator_heading (sheet, "绩效指标", headings);
  heading_row = zp_sheet_get_n_rows (sheet) - 1;
  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    add_indicator_rows (sheet, form, zp_form_get_goal (form, g), &columns);
  close_indicator_block (sheet, head, heading_row);

  add_central_total (sheet, form, heading_row, zp_sheet_get_n_rows (sheet) - 1);
  /* The 10号 table ends at 总分; the form-level texts follow only when written. */
  if (*zp_form_get_analysis (form) != '\0' || *zp_form_get_improvement (form) != '\0')
    add_analysis_rows (sheet, form, FALSE);
  add_override_row (sheet, form);
  add_signature_rows (sheet);
  return sheet;
}

ZpSheet *
zp_layout_form (ZpWorkbook   *workbook,
                ZpForm       *form,
                ZpLayoutKind  layout)
{
  g_return_val_if_fail (ZP_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (ZP_IS_FORM (form), NULL);

  if (ZP_IS_DEPARTMENT_FORM (form))
    return layout_department (workbook, ZP_DEPARTMENT_FORM (form));
  if (layout == ZP_LAYOUT_CENTRAL)
    return layout_project_central (workbook, ZP_PROJECT_FORM (form));
  return layout_project_hubei (workbook, ZP_PROJECT_FORM (form));
}

/* 汇总表 ------------------------------------------------------------------------------ */

static char *
sheet_ref (const char *sheet_name,
           int         row,
           int         col)
{
  g_autofree char *cell = zp_sheet_ref (row, col);
  g_autoptr(GString) quoted = g_string_new ("'");

  /* Inside quotes a sheet name doubles its apostrophes. */
  for (const char *p = sheet_name; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append_printf (quoted, "'!%s", cell);
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static void
add_summary_row (ZpSheet             *sheet,
                 ZpForm              *form,
                 guint                number,
                 const ZpSummaryLink *link)
{
  g_autofree char *title = zp_form_dup_title (form);
  guint row = zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  ZpDecimal rate;
  ZpCell *cell;

  zp_sheet_add_number (sheet, 0, 1, ZP_CELL_SCORE, zp_decimal_from_int (number));
  zp_sheet_add_cell (sheet, 1, 1, ZP_CELL_STYLE_TEXT, title);

  if (zp_form_get_execution_rate (form, &rate))
    {
      cell = zp_sheet_add_number (sheet, 2, 1, ZP_CELL_PERCENT, rate);
      if (link)
        cell->formula = sheet_ref (link->sheet_name, link->rate_row, link->rate_col);
      cell = zp_sheet_add_number (sheet, 3, 1, ZP_CELL_SCORE, zp_form_get_execution_score (form));
      if (link)
        cell->formula = sheet_ref (link->sheet_name, link->exec_score_row, link->exec_score_col);
    }
  else
    {
      zp_sheet_add_cell (sheet, 2, 1, ZP_CELL_STYLE_NUMBER, EM_DASH);
      zp_sheet_add_cell (sheet, 3, 1, ZP_CELL_STYLE_NUMBER, EM_DASH);
    }

  cell = zp_sheet_add_number (sheet, 4, 1, ZP_CELL_SCORE, zp_form_get_indicator_score (form));
  if (link)
    {
      g_autofree char *total = zp_sheet_ref (row, 5);
      g_autofree char *exec = zp_sheet_ref (row, 3);

      cell->formula = g_strdup_printf ("%s-SUM(%s)", total, exec);
    }
  cell = zp_sheet_add_number (sheet, 5, 1, ZP_CELL_SCORE, zp_form_get_total (form));
  if (link)
    cell->formula = sheet_ref (link->sheet_name, link->total_row, link->total_col);
}

ZpSheet *
zp_layout_summary (ZpWorkbook          *workbook,
                   const guint         *forms,
                   guint                n_forms,
                   const ZpSummaryLink *links)
{
  static const char * const headings[] = {
    "序号", "自评表", "执行率（B/A）", "预算执行得分", "指标得分", "总分", NULL
  };
  g_autofree char *title = g_strdup_printf ("%u 年度%s绩效自评汇总表",
                                            zp_workbook_get_year (workbook),
                                            zp_workbook_get_unit (workbook));
  ZpSheet *sheet = zp_sheet_new ("汇总表", 6, summary_widths);
  guint heading_row;

  add_title_row (sheet, ZP_CELL_STYLE_TITLE, title);
  heading_row = zp_sheet_add_row (sheet, ZP_ROW_HEADER);
  zp_sheet_get_row (sheet, heading_row)->keep_with_next = TRUE;
  for (guint i = 0; headings[i] != NULL; i++)
    zp_sheet_add_cell (sheet, i, 1, ZP_CELL_STYLE_HEADER, headings[i]);
  sheet->repeat_row = heading_row;

  for (guint i = 0; i < n_forms; i++)
    add_summary_row (sheet, zp_workbook_get_form (workbook, forms[i]), i + 1,
                     links ? &links[i] : NULL);
  zp_sheet_get_row (sheet, heading_row)->scope_last = zp_sheet_get_n_rows (sheet) - 1;
  return sheet;
}
