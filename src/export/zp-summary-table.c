/* zp-summary-table.c — the 汇总表 rows, their sheet and its writers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "zp-docx.h"
#include "zp-export-private.h"
#include "zp-grade-bands.h"
#include "zp-summary-table.h"

#define EM_DASH "—"

struct _ZpSummaryTable
{
  GObject    parent_instance;
  gboolean   across;
  gboolean   counted;   /* errors and warnings were given */
  GArray    *entries;   /* ZpSummaryEntry */
  /* The grades' names, in the first workbook's order, then any other workbook's own
   * (units may follow schemes with other bands): entries' grades index it. */
  GPtrArray  *grade_names;
  GHashTable *grade_positions;   /* name → position + 1 in grade_names */
};

G_DEFINE_FINAL_TYPE (ZpSummaryTable, zp_summary_table, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  ZpSummaryEntry *entry = data;

  g_free (entry->file);
  g_free (entry->unit);
  g_free (entry->title);
  g_free (entry->category);
}

static void
zp_summary_table_finalize (GObject *object)
{
  ZpSummaryTable *self = ZP_SUMMARY_TABLE (object);

  g_array_unref (self->entries);
  g_ptr_array_unref (self->grade_names);
  g_hash_table_unref (self->grade_positions);
  G_OBJECT_CLASS (zp_summary_table_parent_class)->finalize (object);
}

static void
zp_summary_table_class_init (ZpSummaryTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zp_summary_table_finalize;
}

static void
zp_summary_table_init (ZpSummaryTable *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (ZpSummaryEntry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->grade_names = g_ptr_array_new_with_free_func (g_free);
  self->grade_positions = g_hash_table_new (g_str_hash, g_str_equal);
}

/* The position of a grade's name among the table's, added at the end when new. */
static guint
grade_position (ZpSummaryTable *self,
                const char     *name)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->grade_positions, name));
  char *copy;

  if (position > 0)
    return position - 1;
  copy = g_strdup (name);
  g_ptr_array_add (self->grade_names, copy);
  g_hash_table_insert (self->grade_positions, copy, GUINT_TO_POINTER (self->grade_names->len));
  return self->grade_names->len - 1;
}

static void
add_grade_names (ZpSummaryTable *self,
                 GPtrArray      *bands)
{
  for (guint i = 0; i < bands->len; i++)
    grade_position (self, ((ZpGradeBand *) g_ptr_array_index (bands, i))->name);
}

ZpSummaryTable *
zp_summary_table_new (gboolean across)
{
  ZpSummaryTable *self = g_object_new (ZP_TYPE_SUMMARY_TABLE, NULL);

  self->across = across;
  return self;
}

/* ---- rows ---- */

static gboolean
parse_amount (const char *typed,
              ZpDecimal  *out)
{
  return typed != NULL && zp_decimal_parse (typed, out, NULL);
}

/* 有 when every indicator below full marks has a note, 缺 when one has none. */
static void
count_shortfalls (ZpForm         *form,
                  ZpSummaryEntry *entry)
{
  gboolean unexplained = FALSE;

  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
        {
          ZpIndicator *indicator = zp_goal_get_indicator (goal, i);
          ZpIndicatorState state = zp_indicator_get_state (indicator);
          g_autofree char *note = g_strstrip (g_strdup (zp_indicator_get_deviation_note (indicator)));

          if (state != ZP_INDICATOR_STATE_PARTIAL && state != ZP_INDICATOR_STATE_MISSED)
            continue;
          entry->missed++;
          unexplained |= *note == '\0';
        }
    }
  entry->notes = entry->missed == 0 ? ZP_DEVIATION_NOTES_NOT_NEEDED
                 : unexplained ? ZP_DEVIATION_NOTES_MISSING : ZP_DEVIATION_NOTES_PRESENT;
}

/* bands: the workbook's own, which grade its forms. */
static void
fill_entry (ZpSummaryTable *self,
            ZpSummaryEntry *entry,
            ZpWorkbook     *workbook,
            GPtrArray      *bands,
            ZpForm         *form)
{
  entry->unit = g_strdup (zp_workbook_get_unit (workbook));
  entry->year = zp_workbook_get_year (workbook);
  entry->department = zp_form_is_department (form);
  entry->title = zp_form_dup_title (form);
  entry->category = g_strdup (entry->department ? "部门整体支出"
                              : zp_project_category_to_label (zp_project_form_get_project_category (ZP_PROJECT_FORM (form))));
  entry->has_budget = parse_amount (zp_form_get_budget (form), &entry->budget);
  entry->has_spent = parse_amount (zp_form_get_spent (form), &entry->spent);
  entry->has_rate = zp_form_get_execution_rate (form, &entry->rate);
  entry->execution_score = zp_form_get_execution_score (form);
  entry->indicator_score = zp_form_get_indicator_score (form);
  entry->total = zp_form_get_total (form);
  entry->unscored = zp_form_get_n_unscored (form);
  entry->grade = grade_position (self, zp_grade_bands_classify (bands, entry->total)->name);
  count_shortfalls (form, entry);
}

void
zp_summary_table_add_workbook (ZpSummaryTable *self,
                               ZpWorkbook     *workbook,
                               const char     *file,
                               const guint    *errors,
                               const guint    *warnings)
{
  g_autoptr(GPtrArray) bands = NULL;

  g_return_if_fail (ZP_IS_SUMMARY_TABLE (self));

  bands = zp_grade_bands_for_scheme (zp_workbook_get_scheme (workbook));
  add_grade_names (self, bands);
  self->counted |= errors != NULL;
  for (guint i = 0; i < zp_workbook_get_n_forms (workbook); i++)
    {
      ZpForm *form = zp_workbook_get_form (workbook, i);
      ZpSummaryEntry entry = { 0 };

      if (!self->across && zp_form_is_department (form))
        continue;
      fill_entry (self, &entry, workbook, bands, form);
      entry.file = g_strdup (file);
      entry.errors = errors != NULL ? (int) errors[i] : -1;
      entry.warnings = warnings != NULL ? (int) warnings[i] : -1;
      g_array_append_val (self->entries, entry);
    }
}

guint
zp_summary_table_get_n_entries (ZpSummaryTable *self)
{
  return self->entries->len;
}

const ZpSummaryEntry *
zp_summary_table_get_entry (ZpSummaryTable *self,
                            guint           i)
{
  g_return_val_if_fail (i < self->entries->len, NULL);
  return &g_array_index (self->entries, ZpSummaryEntry, i);
}

/* Without a workbook yet, the default scheme's grades. */
static GPtrArray *
get_grade_names (ZpSummaryTable *self)
{
  if (self->grade_names->len == 0)
    {
      g_autoptr(GPtrArray) bands = zp_grade_bands_for_scheme (NULL);

      add_grade_names (self, bands);
    }
  return self->grade_names;
}

const char *
zp_summary_table_grade_name (ZpSummaryTable *self,
                             guint           grade)
{
  GPtrArray *names = get_grade_names (self);

  return g_ptr_array_index (names, MIN (grade, names->len - 1));
}

const char *
zp_deviation_notes_to_label (ZpDeviationNotes notes)
{
  switch (notes)
    {
    case ZP_DEVIATION_NOTES_PRESENT:
      return "有";
    case ZP_DEVIATION_NOTES_MISSING:
      return "缺";
    case ZP_DEVIATION_NOTES_NOT_NEEDED:
    default:
      return EM_DASH;
    }
}

gboolean
zp_summary_format_from_string (const char      *text,
                               ZpSummaryFormat *out)
{
  static const char * const names[] = { "xlsx", "csv", "json", "docx", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* ---- the sheet ---- */

typedef enum
{
  COL_NUMBER, COL_UNIT, COL_YEAR, COL_TITLE, COL_CATEGORY, COL_BUDGET, COL_SPENT, COL_RATE,
  COL_EXEC_SCORE, COL_INDICATOR_SCORE, COL_TOTAL, COL_GRADE, COL_MISSED, COL_NOTES,
  COL_ERRORS, COL_WARNINGS, N_COLUMNS
} Column;

static const struct
{
  const char *heading;
  double      width;
} columns[N_COLUMNS] = {
  { "序号", 5 }, { "单位", 18 }, { "年度", 6 }, { "项目名称", 24 }, { "项目类别", 13 },
  { "全年预算数", 11 }, { "全年执行数", 11 }, { "执行率", 9 }, { "执行得分", 8 },
  { "指标得分", 8 }, { "自评总分", 8 }, { "等级", 6 }, { "未完成指标数", 8 },
  { "偏差说明", 8 }, { "错误", 6 }, { "警告", 6 },
};

typedef struct
{
  Column  shown[N_COLUMNS];
  guint   n;
  int     position[N_COLUMNS];  /* sheet column of each, or −1 */
} ColumnSet;

static void
column_set_init (ColumnSet      *set,
                 ZpSummaryTable *self)
{
  set->n = 0;
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      gboolean unit_column = c == COL_UNIT || c == COL_YEAR;
      gboolean check_column = c == COL_ERRORS || c == COL_WARNINGS;

      set->position[c] = -1;
      if ((unit_column && !self->across) || (check_column && !self->counted))
        continue;
      set->position[c] = set->n;
      set->shown[set->n++] = c;
    }
}

static void
add_number (ZpSheet    *sheet,
            int         col,
            ZpCellKind  kind,
            gboolean    has_value,
            ZpDecimal   value)
{
  if (col < 0)
    return;
  if (has_value)
    zp_sheet_add_number (sheet, col, 1, kind, value);
  else
    zp_sheet_add_cell (sheet, col, 1, ZP_CELL_STYLE_NUMBER, EM_DASH);
}

static void
add_text (ZpSheet     *sheet,
          int          col,
          ZpCellStyle  style,
          const char  *text)
{
  if (col >= 0)
    zp_sheet_add_cell (sheet, col, 1, style, text);
}

static void
add_entry_row (ZpSummaryTable       *self,
               ZpSheet              *sheet,
               const ColumnSet      *set,
               guint                 number,
               const ZpSummaryEntry *entry)
{
  const int *at = set->position;

  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  add_number (sheet, at[COL_NUMBER], ZP_CELL_SCORE, TRUE, zp_decimal_from_int (number));
  add_text (sheet, at[COL_UNIT], ZP_CELL_STYLE_TEXT, entry->unit);
  add_number (sheet, at[COL_YEAR], ZP_CELL_SCORE, TRUE, zp_decimal_from_int (entry->year));
  add_text (sheet, at[COL_TITLE], ZP_CELL_STYLE_TEXT, entry->title);
  add_text (sheet, at[COL_CATEGORY], ZP_CELL_STYLE_LABEL, entry->category);
  add_number (sheet, at[COL_BUDGET], ZP_CELL_AMOUNT, entry->has_budget, entry->budget);
  add_number (sheet, at[COL_SPENT], ZP_CELL_AMOUNT, entry->has_spent, entry->spent);
  add_number (sheet, at[COL_RATE], ZP_CELL_PERCENT, entry->has_rate, entry->rate);
  add_number (sheet, at[COL_EXEC_SCORE], ZP_CELL_SCORE, entry->has_rate, entry->execution_score);
  add_number (sheet, at[COL_INDICATOR_SCORE], ZP_CELL_SCORE, TRUE, entry->indicator_score);
  add_number (sheet, at[COL_TOTAL], ZP_CELL_SCORE, TRUE, entry->total);
  add_text (sheet, at[COL_GRADE], ZP_CELL_STYLE_LABEL, zp_summary_table_grade_name (self, entry->grade));
  add_number (sheet, at[COL_MISSED], ZP_CELL_SCORE, TRUE, zp_decimal_from_int (entry->missed));
  add_text (sheet, at[COL_NOTES], ZP_CELL_STYLE_LABEL, zp_deviation_notes_to_label (entry->notes));
  add_number (sheet, at[COL_ERRORS], ZP_CELL_SCORE, TRUE, zp_decimal_from_int (MAX (entry->errors, 0)));
  add_number (sheet, at[COL_WARNINGS], ZP_CELL_SCORE, TRUE, zp_decimal_from_int (MAX (entry->warnings, 0)));
}

/* A total whose spreadsheet formula sums the rows above. */
static ZpCell *
add_sum (ZpSheet   *sheet,
         int        col,
         ZpCellKind kind,
         ZpDecimal  value,
         guint      first_row,
         guint      last_row)
{
  ZpCell *cell = zp_sheet_add_number (sheet, col, 1, kind, value);

  if (last_row >= first_row)
    {
      g_autofree char *from = zp_sheet_ref (first_row, col);
      g_autofree char *to = zp_sheet_ref (last_row, col);

      cell->formula = g_strdup_printf ("SUM(%s:%s)", from, to);
    }
  return cell;
}

static void
add_totals_row (ZpSummaryTable  *self,
                ZpSheet         *sheet,
                const ColumnSet *set,
                guint            first_row)
{
  const int *at = set->position;
  ZpDecimal budget = ZP_DECIMAL_ZERO, spent = ZP_DECIMAL_ZERO, missed = ZP_DECIMAL_ZERO;
  guint last_row = first_row + self->entries->len - 1, row, lacking = 0;
  g_autofree char *lacking_text = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const ZpSummaryEntry *entry = &g_array_index (self->entries, ZpSummaryEntry, i);

      if (entry->has_budget)
        budget = zp_decimal_add (budget, entry->budget);
      if (entry->has_spent)
        spent = zp_decimal_add (spent, entry->spent);
      missed = zp_decimal_add (missed, zp_decimal_from_int (entry->missed));
      lacking += entry->notes == ZP_DEVIATION_NOTES_MISSING;
    }
  row = zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 0, at[COL_BUDGET], ZP_CELL_STYLE_HEADER, "合计");
  add_sum (sheet, at[COL_BUDGET], ZP_CELL_AMOUNT, budget, first_row, last_row);
  add_sum (sheet, at[COL_SPENT], ZP_CELL_AMOUNT, spent, first_row, last_row);
  if (zp_decimal_sign (budget) > 0)
    {
      ZpCell *rate = zp_sheet_add_number (sheet, at[COL_RATE], 1, ZP_CELL_PERCENT, zp_decimal_div (spent, budget));
      g_autofree char *b = zp_sheet_ref (row, at[COL_BUDGET]);
      g_autofree char *s = zp_sheet_ref (row, at[COL_SPENT]);

      rate->formula = g_strdup_printf ("%s/%s", s, b);
    }
  else
    zp_sheet_add_cell (sheet, at[COL_RATE], 1, ZP_CELL_STYLE_NUMBER, EM_DASH);
  for (int c = at[COL_RATE] + 1; c < at[COL_MISSED]; c++)
    zp_sheet_add_cell (sheet, c, 1, ZP_CELL_STYLE_NUMBER, "");
  add_sum (sheet, at[COL_MISSED], ZP_CELL_SCORE, missed, first_row, last_row);
  lacking_text = lacking > 0 ? g_strdup_printf ("缺 %u", lacking) : g_strdup (EM_DASH);
  zp_sheet_add_cell (sheet, at[COL_NOTES], 1, ZP_CELL_STYLE_LABEL, lacking_text);
  for (guint c = at[COL_NOTES] + 1; c < set->n; c++)
    zp_sheet_add_cell (sheet, c, 1, ZP_CELL_STYLE_NUMBER, "");
}

static void
add_grades_row (ZpSummaryTable  *self,
                ZpSheet         *sheet,
                const ColumnSet *set)
{
  GPtrArray *names = get_grade_names (self);
  g_autofree guint *counts = g_new0 (guint, names->len);
  g_autoptr(GString) text = g_string_new ("等级分布：");

  for (guint i = 0; i < self->entries->len; i++)
    counts[MIN (g_array_index (self->entries, ZpSummaryEntry, i).grade, names->len - 1)]++;
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s%s %u 个", i > 0 ? "，" : "",
                            (const char *) g_ptr_array_index (names, i), counts[i]);
  zp_sheet_add_row (sheet, ZP_ROW_NORMAL);
  zp_sheet_add_cell (sheet, 0, set->n, ZP_CELL_STYLE_TEXT, text->str);
}

ZpSheet *
zp_summary_table_layout (ZpSummaryTable *self,
                         const char     *title)
{
  ColumnSet set;
  double widths[N_COLUMNS] = { 0 };
  ZpSheet *sheet;
  guint heading_row, first_row;

  column_set_init (&set, self);
  for (guint i = 0; i < set.n; i++)
    widths[i] = columns[set.shown[i]].width;
  sheet = zp_sheet_new ("汇总表", set.n, widths);

  zp_sheet_add_row (sheet, ZP_ROW_TITLE);
  zp_sheet_add_cell (sheet, 0, set.n, ZP_CELL_STYLE_TITLE, title);
  zp_sheet_add_row (sheet, ZP_ROW_TITLE);
  zp_sheet_add_cell (sheet, 0, set.n, ZP_CELL_STYLE_NOTE, "金额单位：万元");
  heading_row = zp_sheet_add_row (sheet, ZP_ROW_HEADER);
  for (guint i = 0; i < set.n; i++)
    zp_sheet_add_cell (sheet, i, 1, ZP_CELL_STYLE_HEADER, columns[set.shown[i]].heading);
  sheet->repeat_row = heading_row;

  first_row = heading_row + 1;
  for (guint i = 0; i < self->entries->len; i++)
    add_entry_row (self, sheet, &set, i + 1, &g_array_index (self->entries, ZpSummaryEntry, i));
  add_totals_row (self, sheet, &set, first_row);
  add_grades_row (self, sheet, &set);
  zp_sheet_get_row (sheet, heading_row)->scope_last = zp_sheet_get_n_rows (sheet) - 1;
  return sheet;
}

/* ---- CSV and JSON ---- */

/* RFC 4180 quoting; a text a spreadsheet would run as a formula is kept as text. */
static void
append_csv_field (GString      *out,
                  const ZpCell *cell)
{
  const char *text = cell != NULL ? cell->text : "";
  gboolean formula_like = cell != NULL && !cell->has_value && strchr ("=+-@\t\r", text[0]) != NULL && text[0];

  if (formula_like || strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula_like)
        g_string_append_c (out, '\'');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      return;
    }
  g_string_append (out, text);
}

/* From the headings down; a merged cell's text in its first column. */
static char *
sheet_to_csv (ZpSheet *sheet)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  for (guint r = 0; r < zp_sheet_get_n_rows (sheet); r++)
    {
      if (zp_sheet_get_row (sheet, r)->kind == ZP_ROW_TITLE)
        continue;
      for (guint c = 0; c < sheet->n_cols; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, zp_sheet_get_cell (sheet, r, c));
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            char        *value)  /* taken; NULL: null */
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
  g_free (value);
}

/* The members shared with `ziping-cli summary --json` (zp-cli-summary.c adds its own). */
void
zp_summary_entry_to_json (ZpSummaryTable       *self,
                          const ZpSummaryEntry *entry,
                          JsonBuilder          *builder)
{
  add_member (builder, "category", g_strdup (entry->category));
  add_member (builder, "budget", entry->has_budget ? zp_decimal_format (entry->budget, 2) : NULL);
  add_member (builder, "spent", entry->has_spent ? zp_decimal_format (entry->spent, 2) : NULL);
  add_member (builder, "execution_score", entry->has_rate ? zp_decimal_format (entry->execution_score, 2) : NULL);
  add_member (builder, "indicator_score", zp_decimal_format (entry->indicator_score, 2));
  add_member (builder, "grade", g_strdup (zp_summary_table_grade_name (self, entry->grade)));
  json_builder_set_member_name (builder, "missed_indicators");
  json_builder_add_int_value (builder, entry->missed);
  add_member (builder, "deviation_notes",
              g_strdup (entry->notes == ZP_DEVIATION_NOTES_PRESENT ? "present"
                        : entry->notes == ZP_DEVIATION_NOTES_MISSING ? "missing" : "not-needed"));
}

char *
zp_summary_table_to_json (ZpSummaryTable *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const ZpSummaryEntry *entry = &g_array_index (self->entries, ZpSummaryEntry, i);
      ZpDecimal rate = entry->rate;

      json_builder_begin_object (builder);
      add_member (builder, "file", g_strdup (entry->file));
      add_member (builder, "unit", g_strdup (entry->unit));
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, entry->year);
      add_member (builder, "kind", g_strdup (entry->department ? "department" : "project"));
      add_member (builder, "title", g_strdup (entry->title));
      add_member (builder, "total", zp_decimal_format (entry->total, 2));
      add_member (builder, "execution_rate", entry->has_rate ? zp_decimal_format_percent (rate, 2, FALSE) : NULL);
      zp_summary_entry_to_json (self, entry, builder);
      if (entry->errors >= 0)
        {
          json_builder_set_member_name (builder, "errors");
          json_builder_add_int_value (builder, entry->errors);
          json_builder_set_member_name (builder, "warnings");
          json_builder_add_int_value (builder, entry->warnings);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* ---- writing ---- */

static gboolean
write_string (ZpExportTarget  *target,
              const char      *text,
              GError         **error)
{
  gsize length = strlen (text);

  while (length > 0)
    {
      gssize n = write (target->fd, text, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          zp_export_set_errno_error (error, errno, target->path);
          return FALSE;
        }
      text += n;
      length -= n;
    }
  return TRUE;
}

typedef struct
{
  ZpSummaryTable *table;
  const char     *title;
} SheetSource;

static ZpSheet *
build_summary_sheet (gpointer data,
                     guint    index)
{
  SheetSource *source = data;

  return zp_summary_table_layout (source->table, source->title);
}

static gboolean
write_format (ZpSummaryTable   *self,
              ZpSummaryFormat   format,
              const char       *title,
              ZpExportTarget   *target,
              GError          **error)
{
  g_autoptr(ZpSheet) sheet = format != ZP_SUMMARY_FORMAT_JSON ? zp_summary_table_layout (self, title) : NULL;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new ();
  g_autofree char *text = NULL;
  SheetSource source = { self, title };

  if (sheet != NULL)
    g_ptr_array_add (sheets, sheet);
  switch (format)
    {
    case ZP_SUMMARY_FORMAT_XLSX:
      return zp_export_write_sheet_xlsx (sheet, target, error);
    case ZP_SUMMARY_FORMAT_DOCX:
      return zp_docx_write_sheets_to_target (sheets, target, error);
    case ZP_SUMMARY_FORMAT_PDF:
      return zp_export_write_sheets_pdf (1, build_summary_sheet, &source, title, target, error);
    case ZP_SUMMARY_FORMAT_CSV:
      text = sheet_to_csv (sheet);
      return write_string (target, text, error);
    case ZP_SUMMARY_FORMAT_JSON:
    default:
      text = zp_summary_table_to_json (self);
      return write_string (target, text, error) && write_string (target, "\n", error);
    }
}

gboolean
zp_summary_table_write (ZpSummaryTable   *self,
                        ZpSummaryFormat   format,
                        const char       *title,
                        GFile            *file,
                        GError          **error)
{
  ZpExportTarget target = { .fd = -1 };
  gboolean ok;

  g_return_val_if_fail (ZP_IS_SUMMARY_TABLE (self), FALSE);
  ok = zp_export_target_open (&target, file, error)
       && write_format (self, format, title, &target, error)
       && zp_export_target_commit (&target, error);
  zp_export_target_clear (&target);
  return ok;
}
