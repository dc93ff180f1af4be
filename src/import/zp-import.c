/* zp-import.c — finding the forms in a grid by their header words.
 *
 * A sheet is cut into forms at each title ("…自评表", "…目标表") or name row (项目名称,
 * 单位名称) that follows a complete form; within a form, the execution block is the row
 * naming 预算数 and 执行数, each indicator table starts at a row naming 一级指标 and
 * 二级指标, and its columns are found from their headings. Labels are compared after
 * normalising (full-width forms, 分散对齐 spaces, a leading "*"), so "预 算 数" and
 * "预算数（A）" match "预算数".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zp-import.h"

/* Reading cells --------------------------------------------------------------------- */

typedef struct
{
  ZpGrid            *grid;
  const ZpGridSheet *sheet;
  GHashTable        *norms;   /* interned text → normalised text */
  ZpImport          *import;
  ZpScheme          *scheme;
  char              *subtitle;  /* "（科技条件专项）" inside its brackets, of the form being read */
  guint16           *row_flags; /* per row of the sheet being read: what it holds, once known */
  ZpIndicator       *probe;     /* reused to score a row while deriving weights */
} Ctx;

/* Normalised: full-width → half-width, no white space at all, no leading "*". */
static const char *
norm_text (Ctx        *ctx,
           const char *text)
{
  char *n;

  if (text == NULL || *text == '\0')
    return "";
  n = g_hash_table_lookup (ctx->norms, text);
  if (n == NULL)
    {
      char *raw = zp_text_normalize (text);
      const char *p = raw;

      while (*p == '*')
        p++;
      n = g_strdup (p);
      g_free (raw);
      g_hash_table_insert (ctx->norms, (gpointer) text, n);
    }
  return n;
}

static const char *
cell_text (Ctx  *ctx,
           guint row,
           int   col)
{
  return col < 0 ? "" : zp_grid_sheet_text (ctx->sheet, row, (guint) col);
}

static const char *
cell_norm (Ctx  *ctx,
           guint row,
           int   col)
{
  return norm_text (ctx, cell_text (ctx, row, col));
}

static char *
where (Ctx  *ctx,
       guint row,
       int   col)
{
  g_autofree char *ref = zp_grid_ref (row, col < 0 ? 0 : (guint) col);

  return g_strdup_printf ("%s!%s", ctx->sheet->name, ref);
}

static void
add_note (Ctx        *ctx,
          gboolean    needs_user,
          guint       row,
          int         col,
          const char *format,
          ...) G_GNUC_PRINTF (5, 6);

static void
add_note (Ctx        *ctx,
          gboolean    needs_user,
          guint       row,
          int         col,
          const char *format,
          ...)
{
  ZpImportNote *note = g_new0 (ZpImportNote, 1);
  g_autofree char *ref = zp_grid_ref (row, col < 0 ? 0 : (guint) col);
  va_list args;

  note->needs_user = needs_user;
  /* TRANSLATORS: file, sheet and cell of an import message: "a.xlsx: sheet “项目”, cell D12" */
  note->where = g_strdup_printf (_("%1$s: sheet “%2$s”, cell %3$s"),
                                 ctx->grid->display_name, ctx->sheet->name, ref);
  va_start (args, format);
  note->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (ctx->import->notes, note);
}

static gboolean
starts (const char *text,
        const char *prefix)
{
  return g_str_has_prefix (text, prefix);
}

static gboolean
contains (const char *text,
          const char *word)
{
  return strstr (text, word) != NULL;
}

/* "产出指标(40分)" → "产出指标" and "40"; FALSE when the label carries no points. */
static gboolean
split_points (const char  *norm,
              char       **name,
              char       **points)
{
  static GRegex *regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(.*?)\\(([0-9]+(?:\\.[0-9]+)?)分\\)\\s*$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, norm, 0, &match))
    return FALSE;
  if (name != NULL)
    *name = g_match_info_fetch (match, 1);
  if (points != NULL)
    *points = g_match_info_fetch (match, 2);
  return TRUE;
}

/* The points of a block label anywhere in it: "预算执行情况(万元)(20分)" → "20". */
static char *
trailing_points (const char *norm)
{
  char *points = NULL;

  if (split_points (norm, NULL, &points))
    return points;
  return NULL;
}

/* Row kinds ----------------------------------------------------------------------------- */

static gboolean
equals (const char *a,
        const char *b)
{
  return strcmp (a, b) == 0;
}

/* What a row holds, found in one pass over its cells and kept: the recogniser asks each
 * row several questions, and a sheet has tens of thousands of rows. */
enum
{
  ROW_KNOWN     = 1 << 0,
  ROW_LEVEL1    = 1 << 1,   /* a cell starting 一级指标 */
  ROW_LEVEL2    = 1 << 2,   /* … 二级指标 */
  ROW_BUDGET    = 1 << 3,   /* a cell naming 预算数 */
  ROW_SPENT     = 1 << 4,   /* … 执行数 */
  ROW_TOTAL     = 1 << 5,   /* 总分 */
  ROW_NAME      = 1 << 6,   /* 项目名称 / 单位名称 */
  ROW_TITLE     = 1 << 7,   /* one text across the row, naming a form */
  ROW_OVERALL   = 1 << 8,   /* 年度总体目标 */
  ROW_OVERRIDE  = 1 << 9,   /* 人工评分说明 */
  ROW_ANALYSIS  = 1 << 10,  /* 偏差大或目标未完成原因分析 / 改进措施及结果应用方案 */
};

static guint
row_flags (Ctx  *ctx,
           guint row)
{
  guint n;
  const ZpGridCell *cells;
  const char *previous = NULL, *only = NULL;
  gboolean one_text = TRUE;
  guint flags = ROW_KNOWN;

  if (row < ctx->sheet->n_rows && (ctx->row_flags[row] & ROW_KNOWN))
    return ctx->row_flags[row];

  cells = zp_grid_sheet_row (ctx->sheet, row, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *t;

      if (*cells[i].text == '\0' || cells[i].text == previous)
        continue;  /* a merge's copies share their text */
      previous = cells[i].text;
      if (only != NULL && only != cells[i].text)
        one_text = FALSE;
      only = cells[i].text;
      t = norm_text (ctx, cells[i].text);
      if (starts (t, "一级指标"))
        flags |= ROW_LEVEL1;
      else if (starts (t, "二级指标"))
        flags |= ROW_LEVEL2;
      else if (equals (t, "总分") || equals (t, "合计得分"))
        flags |= ROW_TOTAL;
      else if (equals (t, "项目名称") || equals (t, "单位名称"))
        flags |= ROW_NAME;
      else if (equals (t, "年度总体目标"))
        flags |= ROW_OVERALL;
      else if (equals (t, "人工评分说明"))
        flags |= ROW_OVERRIDE;
      else if (equals (t, "偏差大或目标未完成原因分析") || equals (t, "改进措施及结果应用方案"))
        flags |= ROW_ANALYSIS;
      if (contains (t, "预算数"))
        flags |= ROW_BUDGET;
      if (contains (t, "执行数"))
        flags |= ROW_SPENT;
    }
  if (only != NULL && one_text)
    {
      const char *t = norm_text (ctx, only);

      if (contains (t, "自评表") || contains (t, "目标表") || contains (t, "申报表"))
        flags |= ROW_TITLE;
    }
  if (row < ctx->sheet->n_rows)
    ctx->row_flags[row] = (guint16) flags;
  return flags;
}

static gboolean
row_is (Ctx  *ctx,
        guint row,
        guint flag)
{
  return (row_flags (ctx, row) & flag) != 0;
}

static gboolean
is_indicator_header (Ctx  *ctx,
                     guint row)
{
  return (row_flags (ctx, row) & (ROW_LEVEL1 | ROW_LEVEL2)) == (ROW_LEVEL1 | ROW_LEVEL2);
}

static gboolean
is_execution_header (Ctx  *ctx,
                     guint row)
{
  return (row_flags (ctx, row) & (ROW_BUDGET | ROW_SPENT)) == (ROW_BUDGET | ROW_SPENT);
}

static gboolean
is_total_row (Ctx  *ctx,
              guint row)
{
  return row_is (ctx, row, ROW_TOTAL);
}

static gboolean
is_title_row (Ctx  *ctx,
              guint row)
{
  return row_is (ctx, row, ROW_TITLE);
}

static gboolean
is_name_row (Ctx  *ctx,
             guint row)
{
  return row_is (ctx, row, ROW_NAME);
}

/* A department goal's label: "年度绩效目标1(20分)", a real cell (not a merge's copy). */
static gboolean
goal_label (Ctx         *ctx,
            guint        row,
            int         *col,
            char       **points)
{
  static GRegex *regex = NULL;
  guint n;
  const ZpGridCell *cells = zp_grid_sheet_row (ctx->sheet, row, &n);

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:年度)?绩效目标([0-9]+)(?:\\(([0-9.]+)分\\))?$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (cells[i].merged)
        continue;
      if (g_regex_match (regex, norm_text (ctx, cells[i].text), 0, &match))
        {
          char *p = g_match_info_fetch (match, 2);

          *col = (int) cells[i].col;
          if (p != NULL && *p == '\0')
            g_clear_pointer (&p, g_free);
          *points = p;
          return TRUE;
        }
      return FALSE;  /* only the row's first cell labels it */
    }
  return FALSE;
}

/* The text right of a label: the next cell with another text, "" when that is another
 * label (an empty value between two labels). */
static const char *
value_right_of (Ctx        *ctx,
                guint       row,
                guint       col,
                guint      *value_col);

/* Forms ------------------------------------------------------------------------------ */

static ZpImportForm *
form_new (Ctx  *ctx,
          guint row)
{
  ZpImportForm *form = g_new0 (ZpImportForm, 1);

  form->sheet = g_strdup (ctx->sheet->name);
  form->where = where (ctx, row, 0);
  form->project_category = form->project_attribute = form->project_type = -1;
  form->category_points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  form->goals = g_ptr_array_new ();
  form->sources = g_ptr_array_new_with_free_func (g_free);
  return form;
}

static ZpImportGoal *
goal_new (void)
{
  ZpImportGoal *goal = g_new0 (ZpImportGoal, 1);

  goal->text = g_strdup ("");
  goal->achieved = g_strdup ("");
  goal->weight = g_strdup ("");
  goal->indicators = g_ptr_array_new ();
  return goal;
}

/* Sets a field once (the first time it is seen) and records where it came from. */
static void
take_field (Ctx          *ctx,
            ZpImportForm *form,
            char        **field,
            const char   *label,
            const char   *value,
            guint         row,
            int           col)
{
  g_autofree char *ref = NULL;

  if (*field != NULL)
    return;
  *field = g_strdup (value);
  ref = where (ctx, row, col);
  g_ptr_array_add (form->sources, g_strdup_printf ("%s ← %s", label, ref));
}

static const char * const known_labels[] = {
  "项目名称", "主管部门", "项目实施单位", "实施单位", "项目负责人", "项目类别", "项目属性",
  "项目类型", "单位名称", "基本支出总额", "项目支出总额", "偏差大或目标未完成原因分析",
  "改进措施及结果应用方案", "人工评分说明", "年度总体目标", "主管部门及代码", NULL
};

static gboolean
is_known_label (const char *norm)
{
  return g_strv_contains (known_labels, norm);
}

static const char *
value_right_of (Ctx   *ctx,
                guint  row,
                guint  col,
                guint *value_col)
{
  guint n;
  const ZpGridCell *cells = zp_grid_sheet_row (ctx->sheet, row, &n);
  const char *label = zp_grid_sheet_text (ctx->sheet, row, col);

  for (guint i = 0; i < n; i++)
    {
      if (cells[i].col <= col || *cells[i].text == '\0')
        continue;
      if (cells[i].text == label && cells[i].merged)
        continue;  /* the label's own merge */
      *value_col = cells[i].col;
      if (is_known_label (norm_text (ctx, cells[i].text)))
        return "";
      return cells[i].text;
    }
  *value_col = col + 1;
  return "";
}

/* "1、部门预算项目 ☑ 2、区级专项 □ …": which option is ticked, by its words. */
static int
read_choice (const char         *text,
             const char * const *keywords)
{
  static const char * const ticks[] = { "☑", "√", "■", "✔", "✓", "☒", "▣", NULL };
  g_auto(GStrv) parts = NULL;
  g_autoptr(GRegex) split = g_regex_new ("[0-9]+[、.．]", 0, 0, NULL);

  parts = g_regex_split (split, text, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    for (guint t = 0; ticks[t] != NULL; t++)
      if (strstr (parts[i], ticks[t]) != NULL)
        {
          for (guint k = 0; keywords[k] != NULL; k += 2)
            if (strstr (parts[i], keywords[k]) != NULL)
              return atoi (keywords[k + 1]);
        }
  /* No boxes: the value names the option. */
  if (strstr (text, "□") == NULL)
    for (guint k = 0; keywords[k] != NULL; k += 2)
      if (strstr (text, keywords[k]) != NULL)
        return atoi (keywords[k + 1]);
  return -1;
}

static const char * const category_words[] = {
  "转移支付", "2", "部门预算", "0", "专项", "1", NULL };
static const char * const attribute_words[] = { "持续", "0", "新增", "1", NULL };
static const char * const type_words[] = { "常年", "0", "延续", "1", "一次", "2", NULL };

/* The label rows of a form (anywhere outside its tables). */
static void
read_labels (Ctx          *ctx,
             ZpImportForm *form,
             guint         row)
{
  guint n;
  const ZpGridCell *cells = zp_grid_sheet_row (ctx->sheet, row, &n);
  guint skip_to = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *label;
      const char *value;
      guint vcol;

      if (cells[i].merged || cells[i].col < skip_to)
        continue;
      label = norm_text (ctx, cells[i].text);
      if (contains (label, "金额单位") || contains (label, "单位:万元") || contains (label, "单位:元"))
        {
          take_field (ctx, form, &form->amount_unit, "金额单位",
                      contains (label, "万元") ? "万元" : "元", row, (int) cells[i].col);
          continue;
        }
      if (!is_known_label (label))
        continue;
      value = value_right_of (ctx, row, cells[i].col, &vcol);
      skip_to = *value != '\0' ? vcol + 1 : vcol;

      if (equals (label, "项目名称"))
        take_field (ctx, form, &form->name, label, value, row, (int) vcol);
      else if (starts (label, "主管部门"))
        take_field (ctx, form, &form->department_name, label, value, row, (int) vcol);
      else if (equals (label, "项目实施单位") || equals (label, "实施单位"))
        take_field (ctx, form, &form->implementer, label, value, row, (int) vcol);
      else if (equals (label, "项目负责人"))
        take_field (ctx, form, &form->manager, label, value, row, (int) vcol);
      else if (equals (label, "单位名称"))
        take_field (ctx, form, &form->unit, label, value, row, (int) vcol);
      else if (equals (label, "基本支出总额"))
        take_field (ctx, form, &form->basic_expenditure, label, value, row, (int) vcol);
      else if (equals (label, "项目支出总额"))
        take_field (ctx, form, &form->project_expenditure, label, value, row, (int) vcol);
      else if (equals (label, "偏差大或目标未完成原因分析"))
        take_field (ctx, form, &form->analysis, label, value, row, (int) vcol);
      else if (equals (label, "改进措施及结果应用方案"))
        take_field (ctx, form, &form->improvement, label, value, row, (int) vcol);
      else if (equals (label, "项目类别"))
        form->project_category = read_choice (value, category_words);
      else if (equals (label, "项目属性"))
        form->project_attribute = read_choice (value, attribute_words);
      else if (equals (label, "项目类型"))
        form->project_type = read_choice (value, type_words);
    }
}

/* Titles: "2024 年度江岸大数据中心项目自评表", "（科技条件专项）", "（2024 年度）". */
static void
read_title (Ctx          *ctx,
            ZpImportForm *form,
            guint         row)
{
  static GRegex *year_re = NULL, *unit_re = NULL, *paren_re = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *text = NULL;
  const char *norm;
  guint n;
  const ZpGridCell *cells = zp_grid_sheet_row (ctx->sheet, row, &n);

  for (guint i = 0; i < n && text == NULL; i++)
    if (*cells[i].text != '\0')
      text = cells[i].text;
  if (text == NULL)
    return;
  norm = norm_text (ctx, text);

  if (g_once_init_enter (&year_re))
    {
      unit_re = g_regex_new ("^[(]?[0-9]{4}年度?(.+?)(?:部门整体支出|单位整体支出|部门整体|整体|项目支出|项目)"
                             "(?:绩效)?(?:自评表|目标表|目标申报表)", 0, 0, NULL);
      paren_re = g_regex_new ("^\\((.+)\\)$", 0, 0, NULL);
      g_once_init_leave (&year_re, g_regex_new ("([0-9]{4})年", 0, 0, NULL));
    }

  if (form->year == 0 && g_regex_match (year_re, norm, 0, &match))
    {
      g_autofree char *year = g_match_info_fetch (match, 1);

      form->year = (guint) atoi (year);
    }
  g_clear_pointer (&match, g_match_info_free);

  if (is_title_row (ctx, row))
    {
      if (form->title == NULL)
        take_field (ctx, form, &form->title, _("title"), text, row, (int) cells[0].col);
      if (form->title_unit == NULL && g_regex_match (unit_re, norm, 0, &match))
        form->title_unit = g_match_info_fetch (match, 1);
      g_clear_pointer (&match, g_match_info_free);
      if (contains (norm, "整体"))
        form->department = TRUE;
    }
  else if (g_regex_match (paren_re, norm, 0, &match) && !contains (norm, "年度"))
    {
      /* The subtitle names the project: "（科技条件专项）" (raw text kept, spaces and all). */
      g_autofree char *raw = g_strstrip (g_strdup (text));
      gsize len = strlen (raw);

      if (form->title_unit != NULL || form->title != NULL)
        {
          /* strip the brackets as typed, full-width or not */
          const char *open = g_str_has_prefix (raw, "（") ? "（" : "(";
          const char *close = g_str_has_suffix (raw, "）") ? "）" : ")";
          gsize lo = strlen (open), hi = strlen (close);

          if (len > lo + hi && g_str_has_prefix (raw, open) && g_str_has_suffix (raw, close))
            {
              g_autofree char *name = g_strndup (raw + lo, len - lo - hi);

              if (ctx->subtitle == NULL)
                ctx->subtitle = g_steal_pointer (&name);
            }
        }
    }
}

/* The execution block ---------------------------------------------------------------- */

typedef struct
{
  int initial, budget, spent, weight, rate, score;
} ExecCols;

static void
exec_columns (Ctx      *ctx,
              guint     row,
              ExecCols *c)
{
  guint n;
  const ZpGridCell *cells = zp_grid_sheet_row (ctx->sheet, row, &n);

  c->initial = c->budget = c->spent = c->weight = c->rate = c->score = -1;
  for (guint i = 0; i < n; i++)
    {
      const char *h = norm_text (ctx, cells[i].text);
      int col = (int) cells[i].col;

      if (starts (h, "年初预算") && c->initial < 0)
        c->initial = col;
      else if (contains (h, "预算数") && !starts (h, "年初") && c->budget < 0)
        c->budget = col;
      else if (contains (h, "执行数") && c->spent < 0)
        c->spent = col;
      else if (starts (h, "分值") && c->weight < 0)
        c->weight = col;
      else if (contains (h, "执行率") && c->rate < 0)
        c->rate = col;
      else if (starts (h, "得分") && c->score < 0)
        c->score = col;
    }
}

/* A fund row's label left of the amounts: its kind, or −1 (not a fund row). */
static int
fund_row_kind (Ctx      *ctx,
               guint     row,
               int       before_col,
               int      *label_col)
{
  guint n;
  const ZpGridCell *cells = zp_grid_sheet_row (ctx->sheet, row, &n);

  for (guint i = 0; i < n && (int) cells[i].col < before_col; i++)
    {
      const char *t = norm_text (ctx, cells[i].text);

      *label_col = (int) cells[i].col;
      if (contains (t, "当年财政拨款"))
        return ZP_FUND_CURRENT;
      if (contains (t, "上年结转"))
        return ZP_FUND_CARRYOVER;
      if (contains (t, "其他资金"))
        return ZP_FUND_OTHER;
      if (contains (t, "资金总额") || contains (t, "支出总额") || equals (t, "合计"))
        return ZP_N_FUNDS;  /* the total row */
    }
  return -1;
}

static const char *
amount_text (Ctx  *ctx,
             guint row,
             int   col)
{
  const char *t = cell_text (ctx, row, col);

  return g_strcmp0 (t, "—") == 0 || g_strcmp0 (t, "-") == 0 ? "" : t;
}

/* Returns the last row of the block. */
static guint
read_execution (Ctx          *ctx,
                ZpImportForm *form,
                guint         header,
                guint         last)
{
  ExecCols c;
  guint row;
  g_autofree char *points = NULL;
  const char *label = cell_norm (ctx, header, 0);

  exec_columns (ctx, header, &c);
  points = trailing_points (label);
  if (points != NULL)
    take_field (ctx, form, &form->execution_weight, "预算执行分值", points, header, 0);
  if (contains (label, "万元"))
    take_field (ctx, form, &form->amount_unit, "金额单位", "万元", header, 0);
  else if (contains (label, "(元)"))
    take_field (ctx, form, &form->amount_unit, "金额单位", "元", header, 0);

  for (row = header + 1; row <= last && row <= header + 6; row++)
    {
      int label_col = -1;
      int kind = fund_row_kind (ctx, row, c.budget >= 0 ? c.budget : c.spent, &label_col);

      if (kind < 0)
        break;
      if (kind == ZP_N_FUNDS)
        {
          if (c.initial >= 0)
            take_field (ctx, form, &form->initial_budget, "年初预算数", amount_text (ctx, row, c.initial), row, c.initial);
          take_field (ctx, form, &form->budget, "预算数", amount_text (ctx, row, c.budget), row, c.budget);
          take_field (ctx, form, &form->spent, "执行数", amount_text (ctx, row, c.spent), row, c.spent);
          if (c.weight >= 0)
            take_field (ctx, form, &form->execution_weight, "预算执行分值", cell_text (ctx, row, c.weight), row, c.weight);
          if (c.rate >= 0)
            take_field (ctx, form, &form->published_rate, "执行率", cell_text (ctx, row, c.rate), row, c.rate);
          if (c.score >= 0)
            take_field (ctx, form, &form->published_execution_score, "预算执行得分",
                        cell_text (ctx, row, c.score), row, c.score);
        }
      else
        {
          form->funds[kind][ZP_FUND_FIELD_INITIAL] = g_strdup (amount_text (ctx, row, c.initial));
          form->funds[kind][ZP_FUND_FIELD_BUDGET] = g_strdup (amount_text (ctx, row, c.budget));
          form->funds[kind][ZP_FUND_FIELD_SPENT] = g_strdup (amount_text (ctx, row, c.spent));
        }
    }
  return row - 1;
}

/* Indicator tables --------------------------------------------------------------------- */

typedef struct
{
  int label, cat, sub, name, target, actual, weight, score, note, sign, unit, deduction,
      description;
} Cols;

static void
indicator_columns (Ctx  *ctx,
                   guint row,
                   Cols *c)
{
  guint n;
  const ZpGridCell *cells = zp_grid_sheet_row (ctx->sheet, row, &n);

  memset (c, 0xff, sizeof *c);  /* every column −1 */
  for (guint i = 0; i < n; i++)
    {
      const char *h = norm_text (ctx, cells[i].text);
      int col = (int) cells[i].col;
      int *slot = NULL;

      if (*h == '\0')
        continue;
      if (starts (h, "一级指标"))
        slot = &c->cat;
      else if (starts (h, "二级指标"))
        slot = &c->sub;
      else if (starts (h, "三级指标") || starts (h, "具体指标") || starts (h, "指标名称"))
        slot = &c->name;
      else if (starts (h, "计算符号"))
        slot = &c->sign;
      else if (contains (h, "实际完成") || starts (h, "完成值"))
        slot = &c->actual;
      else if (contains (h, "目标值") || contains (h, "指标值"))
        slot = &c->target;
      else if (starts (h, "计量单位"))
        slot = &c->unit;
      else if (starts (h, "分值") || starts (h, "权重"))
        slot = &c->weight;
      else if (starts (h, "扣减"))
        slot = &c->deduction;
      else if (contains (h, "得分"))
        slot = &c->score;
      else if (starts (h, "完成情况"))
        slot = &c->description;
      else if (contains (h, "偏差原因"))
        slot = &c->note;
      else if (c->cat < 0)
        slot = &c->label;
      if (slot != NULL && *slot < 0)
        *slot = col;
    }
}

static ZpImportLayout
table_layout (const Cols *c)
{
  if (c->sign >= 0 && c->unit >= 0)
    return ZP_IMPORT_LAYOUT_TEMPLATE;
  if (c->actual < 0 && c->score < 0)
    return ZP_IMPORT_LAYOUT_TARGETS;
  if (c->weight >= 0 && c->note >= 0)
    return ZP_IMPORT_LAYOUT_CENTRAL;
  return ZP_IMPORT_LAYOUT_HUBEI;
}

static const char *
score_text (const char *text,
            gboolean   *manual)
{
  *manual = FALSE;
  if (g_strcmp0 (text, "—") == 0)
    return "";
  return text;
}

/* 一体化: the comparator column joined to the value and the unit ("≥" "500" "人"). */
static char *
join_target (const char   *sign,
             const char   *value,
             const char   *unit,
             ZpDirection  *direction)
{
  g_autofree char *s = zp_text_normalize (sign);
  const char *prefix = "";

  *direction = ZP_DIRECTION_AUTO;
  if (equals (s, "≥") || equals (s, ">=") || equals (s, "＞") || equals (s, ">"))
    prefix = sign, *direction = ZP_DIRECTION_POSITIVE;
  else if (equals (s, "≤") || equals (s, "<=") || equals (s, "<") || equals (s, "＜"))
    prefix = sign, *direction = ZP_DIRECTION_REVERSE;
  else if (equals (s, "="))
    prefix = "=", *direction = ZP_DIRECTION_EQUAL;
  else if (starts (s, "定性"))
    *direction = ZP_DIRECTION_QUALITATIVE;

  if (*value == '\0')
    return g_strdup ("");
  /* A unit already written into the value is not repeated. */
  if (*unit != '\0' && !g_str_has_suffix (value, unit))
    return g_strconcat (prefix, value, unit, NULL);
  return g_strconcat (prefix, value, NULL);
}

static gboolean
is_number_text (const char *text)
{
  ZpDecimal v;
  gboolean percent;

  return *text != '\0' && zp_decimal_parse (text, &v, &percent);
}

static void
indicator_free (ZpImportIndicator *ind)
{
  g_free (ind->category);
  g_free (ind->subcategory);
  g_free (ind->name);
  g_free (ind->target);
  g_free (ind->actual);
  g_free (ind->weight);
  g_free (ind->score);
  g_free (ind->manual_reason);
  g_free (ind->note);
  g_free (ind->description);
  g_free (ind->deduction);
  g_free (ind->calc_symbol);
  g_free (ind->measure_unit);
  g_free (ind->where);
  g_free (ind);
}

/* Reads the rows of one table into `goal`; returns the first row after it. */
static guint
read_indicator_rows (Ctx          *ctx,
                     ZpImportForm *form,
                     ZpImportGoal *goal,
                     const Cols   *c,
                     guint         header,
                     guint         last)
{
  ZpImportLayout layout = table_layout (c);
  guint row;

  for (row = header + 1; row <= last; row++)
    {
      const char *name, *target, *actual;
      ZpImportIndicator *ind;
      g_autofree char *cat_name = NULL;
      g_autofree char *points = NULL;
      const char *cat;
      int gcol;
      g_autofree char *gpoints = NULL;
      gboolean manual;

      if (is_indicator_header (ctx, row) || is_total_row (ctx, row) || is_title_row (ctx, row)
          || goal_label (ctx, row, &gcol, &gpoints))
        break;
      if (row_is (ctx, row, ROW_ANALYSIS | ROW_OVERRIDE))
        break;

      name = cell_text (ctx, row, c->name);
      target = cell_text (ctx, row, c->target);
      actual = cell_text (ctx, row, c->actual);
      if (*name == '\0' && *target == '\0' && *actual == '\0')
        continue;

      ind = g_new0 (ZpImportIndicator, 1);
      cat = cell_text (ctx, row, c->cat);
      if (split_points (norm_text (ctx, cat), &cat_name, &points))
        {
          /* The category keeps its printed words; only the points go. */
          if (!g_hash_table_contains (form->category_points, cat_name))
            g_hash_table_insert (form->category_points, g_strdup (cat_name), g_strdup (points));
          ind->category = g_strdup (cat_name);
        }
      else
        ind->category = g_strstrip (g_strdup (cat));
      ind->subcategory = g_strstrip (g_strdup (cell_text (ctx, row, c->sub)));
      ind->name = g_strdup (name);
      ind->direction = ZP_DIRECTION_AUTO;
      if (layout == ZP_IMPORT_LAYOUT_TEMPLATE)
        {
          const char *unit = cell_text (ctx, row, c->unit);

          ind->target = join_target (cell_text (ctx, row, c->sign), target, unit, &ind->direction);
          ind->calc_symbol = g_strdup (cell_text (ctx, row, c->sign));
          ind->measure_unit = g_strdup (unit);
          ind->actual = is_number_text (actual) && *unit != '\0' && !g_str_has_suffix (actual, unit)
                        ? g_strconcat (actual, unit, NULL) : g_strdup (actual);
        }
      else
        {
          ind->target = g_strdup (target);
          ind->actual = g_strdup (actual);
        }
      ind->score = g_strdup (score_text (cell_text (ctx, row, c->score), &manual));
      if (g_str_has_suffix (ind->score, "*"))
        {
          /* Ziping's export marks a score set by hand with "*". */
          ind->score[strlen (ind->score) - 1] = '\0';
          ind->manual = TRUE;
        }
      ind->weight = g_strdup (cell_text (ctx, row, c->weight));
      ind->weight_source = *ind->weight ? ZP_WEIGHT_PRINTED : ZP_WEIGHT_MISSING;
      ind->note = g_strdup (cell_text (ctx, row, c->note));
      ind->description = g_strdup (cell_text (ctx, row, c->description));
      ind->deduction = g_strdup (cell_text (ctx, row, c->deduction));
      ind->where = where (ctx, row, c->name);
      if (*ind->weight != '\0' && !is_number_text (ind->weight))
        add_note (ctx, TRUE, row, c->weight,
                  _("the weight “%s” is not a number; type the indicator’s weight"), ind->weight);
      g_ptr_array_add (goal->indicators, ind);
    }
  return row;
}

static ZpImportGoal *
current_goal (ZpImportForm *form)
{
  if (form->goals->len == 0)
    g_ptr_array_add (form->goals, goal_new ());
  return g_ptr_array_index (form->goals, form->goals->len - 1);
}

/* 年度总体目标 of the 10号 layout: a heading row (预期目标 | 实际完成情况) and a text row. */
static void
read_overall_goal (Ctx          *ctx,
                   ZpImportForm *form,
                   guint         row,
                   guint         last)
{
  int planned = -1, achieved = -1;
  guint n;
  const ZpGridCell *cells = zp_grid_sheet_row (ctx->sheet, row, &n);
  ZpImportGoal *goal;

  for (guint i = 0; i < n; i++)
    {
      const char *h = norm_text (ctx, cells[i].text);

      if (starts (h, "预期目标") && planned < 0)
        planned = (int) cells[i].col;
      else if (starts (h, "实际完成情况") && achieved < 0)
        achieved = (int) cells[i].col;
    }
  goal = current_goal (form);
  if (planned >= 0 && row + 1 <= last)
    {
      g_free (goal->text);
      goal->text = g_strdup (cell_text (ctx, row + 1, planned));
      g_free (goal->achieved);
      goal->achieved = g_strdup (cell_text (ctx, row + 1, achieved));
    }
  else
    {
      guint vcol;
      const char *value = value_right_of (ctx, row, 0, &vcol);

      g_free (goal->text);
      goal->text = g_strdup (value);
    }
}

/* The 人工评分说明 row: "带 * 的得分为人工评分。name：reason；…" → each manual row's reason. */
static void
read_override_reasons (ZpImportForm *form,
                       const char   *text)
{
  const char *body = strstr (text, "。");
  g_auto(GStrv) items = NULL;

  if (body == NULL)
    return;
  items = g_strsplit (body + strlen ("。"), "；", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *colon = strstr (items[i], "：");
      g_autofree char *name = NULL;

      if (colon == NULL)
        continue;
      name = g_strndup (items[i], colon - items[i]);
      for (guint g = 0; g < form->goals->len; g++)
        {
          ZpImportGoal *goal = g_ptr_array_index (form->goals, g);

          for (guint k = 0; k < goal->indicators->len; k++)
            {
              ZpImportIndicator *ind = g_ptr_array_index (goal->indicators, k);

              /* The .xlsx export keeps the number bare (the "*" is in print only). */
              if (ind->manual_reason == NULL && strcmp (ind->name, name) == 0)
                {
                  ind->manual = TRUE;
                  ind->manual_reason = g_strdup (colon + strlen ("："));
                  goto next;
                }
            }
        }
    next:
      ;
    }
}

/* The printed 总分: under the score column, else the row's last number. */
static void
read_total (Ctx          *ctx,
            ZpImportForm *form,
            guint         row,
            int           score_col)
{
  guint n;
  const ZpGridCell *cells = zp_grid_sheet_row (ctx->sheet, row, &n);
  const char *text = cell_text (ctx, row, score_col);
  int col = score_col;

  if (*text == '\0' || g_strcmp0 (norm_text (ctx, text), "总分") == 0)
    for (guint i = 0; i < n; i++)
      if (cells[i].is_number)
        text = cells[i].text, col = (int) cells[i].col;
  if (*text != '\0' && g_strcmp0 (norm_text (ctx, text), "总分") != 0)
    take_field (ctx, form, &form->published_total, "总分", text, row, col);
}

/* One form from rows first…last. */
static ZpImportForm *
read_form (Ctx   *ctx,
           guint  first,
           guint  last)
{
  ZpImportForm *form = form_new (ctx, first);
  int score_col = -1;
  guint row = first;
  gboolean seen_table = FALSE;
  gboolean goal_labels = FALSE;

  g_clear_pointer (&ctx->subtitle, g_free);
  while (row <= last)
    {
      int gcol;
      g_autofree char *gpoints = NULL;

      if (is_indicator_header (ctx, row))
        {
          Cols c;
          ZpImportGoal *goal = current_goal (form);
          g_autofree char *points = NULL;

          indicator_columns (ctx, row, &c);
          if (!seen_table)
            form->layout = table_layout (&c);
          seen_table = TRUE;
          if (c.label >= 0 && !form->department)
            {
              points = trailing_points (cell_norm (ctx, row, c.label));
              if (points != NULL)
                take_field (ctx, form, &form->indicator_weight, "年度绩效目标分值", points, row, c.label);
            }
          if (c.name < 0 || (c.target < 0 && c.actual < 0))
            add_note (ctx, TRUE, row, c.cat,
                      _("the indicator table has no column “%s”; add the column’s heading "
                        "(三级指标, 年度指标值) and import again"),
                      c.name < 0 ? "三级指标" : "指标值");
          score_col = c.score >= 0 ? c.score : score_col;
          row = read_indicator_rows (ctx, form, goal, &c, row, last);
          continue;
        }
      if (goal_label (ctx, row, &gcol, &gpoints))
        {
          ZpImportGoal *goal = goal_new ();
          guint vcol;

          goal_labels = TRUE;
          g_free (goal->text);
          goal->text = g_strdup (value_right_of (ctx, row, (guint) gcol, &vcol));
          g_free (goal->weight);
          goal->weight = g_strdup (gpoints ? gpoints : "");
          g_ptr_array_add (form->goals, goal);
          row++;
          continue;
        }
      if (is_execution_header (ctx, row))
        {
          row = read_execution (ctx, form, row, last) + 1;
          continue;
        }
      if (is_total_row (ctx, row))
        {
          read_total (ctx, form, row, score_col);
          row++;
          continue;
        }
      if (row_is (ctx, row, ROW_OVERALL))
        {
          read_overall_goal (ctx, form, row, last);
          row += 2;
          continue;
        }
      if (row_is (ctx, row, ROW_OVERRIDE))
        {
          guint vcol;

          read_override_reasons (form, value_right_of (ctx, row, 0, &vcol));
          row++;
          continue;
        }
      if (!seen_table)
        read_title (ctx, form, row);
      read_labels (ctx, form, row);
      row++;
    }

  if (form->name == NULL && ctx->subtitle != NULL && !form->department)
    form->name = g_strdup (ctx->subtitle);
  /* Numbered goals make a department form, unless it names a project (黄冈 2020 prints
   * several goals on a project form). */
  if (form->unit != NULL || (goal_labels && form->name == NULL))
    form->department = TRUE;
  if (form->layout == ZP_IMPORT_LAYOUT_HUBEI && form->initial_budget != NULL)
    form->layout = ZP_IMPORT_LAYOUT_CENTRAL;
  g_clear_pointer (&ctx->subtitle, g_free);
  return form;
}

/* Weights ---------------------------------------------------------------------------- */

/* Is the row fully met with any weight? Then its printed score is its weight. */
static gboolean
row_fully_met (Ctx               *ctx,
               ZpImportIndicator *ind)
{
  ZpIndicator *probe = ctx->probe;

  zp_indicator_set_category (probe, ind->category);
  zp_indicator_set_subcategory (probe, ind->subcategory);
  zp_indicator_set_target (probe, ind->target);
  zp_indicator_set_actual (probe, ind->actual);
  zp_indicator_set_direction (probe, ind->direction);
  zp_indicator_set_weight (probe, "10");
  zp_indicator_rescore (probe, ctx->scheme);
  return zp_indicator_get_state (probe) == ZP_INDICATOR_STATE_MET;
}

static gboolean
positive_number (const char *text,
                 ZpDecimal  *out)
{
  gboolean percent;

  return text != NULL && *text != '\0' && zp_decimal_parse (text, out, &percent) && !percent
         && zp_decimal_sign (*out) > 0;
}

/* Weights of the rows of one block (a category of a project form, or a goal). */
static void
derive_block_weights (Ctx          *ctx,
                      ZpImportForm *form,
                      GPtrArray    *rows,
                      const char   *points)
{
  ZpDecimal total, known = ZP_DECIMAL_ZERO;
  ZpImportIndicator *missing = NULL;
  guint n_missing = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      ZpImportIndicator *ind = g_ptr_array_index (rows, i);
      ZpDecimal score, w;

      if (ind->weight_source == ZP_WEIGHT_MISSING && !ind->manual
          && positive_number (ind->score, &score) && row_fully_met (ctx, ind))
        {
          g_free (ind->weight);
          ind->weight = g_strdup (ind->score);
          ind->weight_source = ZP_WEIGHT_FROM_SCORE;
        }
      if (ind->weight_source == ZP_WEIGHT_MISSING)
        {
          missing = ind;
          n_missing++;
        }
      else if (positive_number (ind->weight, &w))
        known = zp_decimal_add (known, w);
    }

  if (n_missing == 1 && positive_number (points, &total) && zp_decimal_cmp (total, known) > 0)
    {
      g_free (missing->weight);
      missing->weight = zp_decimal_format_trim (zp_decimal_sub (total, known), ZP_DECIMAL_PLACES);
      missing->weight_source = ZP_WEIGHT_FROM_REMAINDER;
    }
}

static void
note_missing_weights (ZpImport     *import,
                      ZpImportForm *form,
                      const char   *display_name)
{
  for (guint g = 0; g < form->goals->len; g++)
    {
      ZpImportGoal *goal = g_ptr_array_index (form->goals, g);

      for (guint i = 0; i < goal->indicators->len; i++)
        {
          ZpImportIndicator *ind = g_ptr_array_index (goal->indicators, i);
          ZpImportNote *note;
          const char *bang;

          if (ind->weight_source != ZP_WEIGHT_MISSING)
            continue;
          note = g_new0 (ZpImportNote, 1);
          note->needs_user = TRUE;
          bang = strrchr (ind->where, '!');
          note->where = g_strdup_printf (_("%1$s: sheet “%2$s”, cell %3$s"), display_name,
                                         form->sheet, bang ? bang + 1 : ind->where);
          note->message = g_strdup_printf (_("“%s”: the form prints no weight (分值) for this "
                                             "indicator and its score does not show it; type "
                                             "its weight"), ind->name);
          g_ptr_array_add (import->notes, note);
        }
    }
}

static void
derive_weights (Ctx          *ctx,
                ZpImportForm *form)
{
  for (guint g = 0; g < form->goals->len; g++)
    {
      ZpImportGoal *goal = g_ptr_array_index (form->goals, g);

      if (form->department)
        {
          derive_block_weights (ctx, form, goal->indicators, goal->weight);
          continue;
        }
      /* A project form: block by category, in order of appearance. */
      {
        g_autoptr(GHashTable) blocks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                              (GDestroyNotify) g_ptr_array_unref);
        g_autoptr(GPtrArray) order = g_ptr_array_new ();

        for (guint i = 0; i < goal->indicators->len; i++)
          {
            ZpImportIndicator *ind = g_ptr_array_index (goal->indicators, i);
            GPtrArray *rows = g_hash_table_lookup (blocks, ind->category);

            if (rows == NULL)
              {
                rows = g_ptr_array_new ();
                g_hash_table_insert (blocks, ind->category, rows);
                g_ptr_array_add (order, ind->category);
              }
            g_ptr_array_add (rows, ind);
          }
        for (guint b = 0; b < order->len; b++)
          derive_block_weights (ctx, form, g_hash_table_lookup (blocks, order->pdata[b]),
                                g_hash_table_lookup (form->category_points, order->pdata[b]));
      }
    }
}

/* Sheets into forms ------------------------------------------------------------------- */

static gboolean
form_is_empty (ZpImportForm *form)
{
  return form->goals->len == 0 && form->budget == NULL;
}

static void
form_free (ZpImportForm *form);

static void
read_sheet (Ctx *ctx)
{
  const ZpGridSheet *sheet = ctx->sheet;
  g_autoptr(GArray) starts_at = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean have_name = FALSE, have_table = FALSE, open = FALSE;
  guint last_row = sheet->n_rows;

  /* Where each form starts. */
  for (guint row = 0; row < sheet->n_rows; row++)
    {
      guint n;

      zp_grid_sheet_row (sheet, row, &n);
      if (n == 0)
        continue;
      if (is_title_row (ctx, row) || is_name_row (ctx, row))
        {
          gboolean name_row = is_name_row (ctx, row);

          if (!open || have_table || (name_row && have_name))
            {
              g_array_append_val (starts_at, row);
              open = TRUE;
              have_name = have_table = FALSE;
            }
          have_name = have_name || name_row;
        }
      else if (is_indicator_header (ctx, row) || is_execution_header (ctx, row))
        {
          if (!open)
            {
              g_array_append_val (starts_at, row);
              open = TRUE;
            }
          have_table = have_table || is_indicator_header (ctx, row);
        }
    }

  for (guint i = 0; i < starts_at->len; i++)
    {
      guint first = g_array_index (starts_at, guint, i);
      guint last = i + 1 < starts_at->len ? g_array_index (starts_at, guint, i + 1) - 1 : last_row - 1;
      ZpImportForm *form = read_form (ctx, first, last);

      if (form_is_empty (form))
        {
          form_free (form);
          continue;
        }
      derive_weights (ctx, form);
      note_missing_weights (ctx->import, form, ctx->grid->display_name);
      g_ptr_array_add (ctx->import->forms, form);
    }
}

static void
goal_free (ZpImportGoal *goal)
{
  g_free (goal->text);
  g_free (goal->achieved);
  g_free (goal->weight);
  for (guint i = 0; i < goal->indicators->len; i++)
    indicator_free (g_ptr_array_index (goal->indicators, i));
  g_ptr_array_unref (goal->indicators);
  g_free (goal);
}

static void
form_free (ZpImportForm *form)
{
  char **fields[] = {
    &form->sheet, &form->where, &form->title, &form->title_unit, &form->name,
    &form->department_name, &form->implementer, &form->manager, &form->unit,
    &form->basic_expenditure, &form->project_expenditure, &form->initial_budget,
    &form->budget, &form->spent, &form->execution_weight, &form->published_rate,
    &form->published_execution_score, &form->published_total, &form->amount_unit,
    &form->indicator_weight, &form->analysis, &form->improvement,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (*fields[i]);
  for (guint f = 0; f < ZP_N_FUNDS; f++)
    for (guint k = 0; k < ZP_N_FUND_FIELDS; k++)
      g_free (form->funds[f][k]);
  g_hash_table_unref (form->category_points);
  for (guint i = 0; i < form->goals->len; i++)
    goal_free (g_ptr_array_index (form->goals, i));
  g_ptr_array_unref (form->goals);
  g_ptr_array_unref (form->sources);
  g_free (form);
}

static void
note_free (ZpImportNote *note)
{
  g_free (note->where);
  g_free (note->message);
  g_free (note);
}

void
zp_import_free (ZpImport *import)
{
  if (import == NULL)
    return;
  for (guint i = 0; i < import->forms->len; i++)
    form_free (g_ptr_array_index (import->forms, i));
  g_ptr_array_unref (import->forms);
  for (guint i = 0; i < import->notes->len; i++)
    note_free (g_ptr_array_index (import->notes, i));
  g_ptr_array_unref (import->notes);
  g_free (import->display_name);
  g_free (import);
}

ZpImport *
zp_import_grid (ZpGrid    *grid,
                ZpScheme  *scheme,
                GError   **error)
{
  g_autoptr(ZpImport) import = g_new0 (ZpImport, 1);
  g_autoptr(ZpScheme) own_scheme = NULL;
  Ctx ctx = { 0 };

  import->display_name = g_strdup (grid->display_name);
  import->forms = g_ptr_array_new ();
  import->notes = g_ptr_array_new ();

  if (scheme == NULL)
    scheme = own_scheme = zp_scheme_new_builtin (ZP_SCHEME_DEFAULT_ID);
  ctx.grid = grid;
  ctx.import = import;
  ctx.scheme = scheme;
  ctx.norms = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  ctx.probe = zp_indicator_new ();
  for (guint i = 0; i < grid->sheets->len; i++)
    {
      ctx.sheet = g_ptr_array_index (grid->sheets, i);
      ctx.row_flags = g_new0 (guint16, ctx.sheet->n_rows + 1);
      read_sheet (&ctx);
      g_clear_pointer (&ctx.row_flags, g_free);
    }
  g_hash_table_unref (ctx.norms);
  g_object_unref (ctx.probe);

  if (import->forms->len == 0)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_NO_FORM,
                   _("%s: no self-evaluation or target form found in any sheet (Ziping looks "
                     "for a table headed 一级指标, 二级指标, 三级指标 and 指标值); check that the "
                     "file holds the forms and that their headings are there"),
                   grid->display_name);
      return NULL;
    }
  return g_steal_pointer (&import);
}

ZpImport *
zp_import_read (const char *path,
                ZpScheme   *scheme,
                GError    **error)
{
  g_autoptr(ZpGrid) grid = zp_grid_read_file (path, error);

  if (grid == NULL)
    return NULL;
  return zp_import_grid (grid, scheme, error);
}

gboolean
zp_import_needs_user (ZpImport *import)
{
  for (guint i = 0; i < import->notes->len; i++)
    if (((ZpImportNote *) g_ptr_array_index (import->notes, i))->needs_user)
      return TRUE;
  return FALSE;
}

guint
zp_import_count_indicators (ZpImport *import)
{
  guint n = 0;

  for (guint f = 0; f < import->forms->len; f++)
    {
      ZpImportForm *form = g_ptr_array_index (import->forms, f);

      for (guint g = 0; g < form->goals->len; g++)
        n += ((ZpImportGoal *) g_ptr_array_index (form->goals, g))->indicators->len;
    }
  return n;
}

const char *
zp_import_layout_name (ZpImportLayout layout)
{
  switch (layout)
    {
    case ZP_IMPORT_LAYOUT_HUBEI:    return _("湖北/武汉 self-evaluation form");
    case ZP_IMPORT_LAYOUT_CENTRAL:  return _("财预〔2020〕10号 self-evaluation form");
    case ZP_IMPORT_LAYOUT_TEMPLATE: return _("一体化 indicator template");
    case ZP_IMPORT_LAYOUT_TARGETS:  return _("绩效目标表 (targets only)");
    default:                        return "";
    }
}

const char *
zp_import_guess_scheme (ZpImport *import)
{
  for (guint f = 0; f < import->forms->len; f++)
    if (((ZpImportForm *) g_ptr_array_index (import->forms, f))->layout == ZP_IMPORT_LAYOUT_CENTRAL)
      return "central";
  return ZP_SCHEME_DEFAULT_ID;
}
