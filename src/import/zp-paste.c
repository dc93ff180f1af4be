/* zp-paste.c — rows copied from Excel, WPS or LibreOffice (tab-separated text on the
 * clipboard) as indicators.
 *
 * A first row naming columns (一级指标, 三级指标, 指标值 … or the table's English headings)
 * decides where each field is; without one the columns are in the indicator table's order:
 * 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, (得分,) 偏差原因分析及改进措施.
 * A copied merge leaves its other cells empty: an empty 一级/二级 repeats the row above.
 * Cells are quoted as spreadsheets write them ("a""b", line breaks inside quotes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zp-import.h"

#define MAX_PASTE_ROWS 100000
#define MAX_PASTE_COLS 64

enum { F_CAT, F_SUB, F_NAME, F_TARGET, F_ACTUAL, F_WEIGHT, F_SCORE, F_NOTE, F_SIGN, F_UNIT, N_FIELDS };

/* Rows of cells from tab-separated text. */
static GPtrArray *
split_rows (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0' && rows->len < MAX_PASTE_ROWS)
    {
      if (*p == '"' && cell->len == 0)
        {
          /* A quoted cell: up to the closing quote; "" is a quote. */
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, '"'), p++;
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else if (cell->len < 32767 * 4)
                g_string_append_c (cell, *p);
            }
          continue;
        }
      if (*p == '\t' || *p == '\n' || *p == '\r')
        {
          if (row->len < MAX_PASTE_COLS)
            g_ptr_array_add (row, g_strdup (g_strstrip (cell->str)));
          g_string_truncate (cell, 0);
          if (*p != '\t')
            {
              if (*p == '\r' && p[1] == '\n')
                p++;
              g_ptr_array_add (rows, row);
              row = g_ptr_array_new_with_free_func (g_free);
            }
          p++;
          continue;
        }
      if (cell->len < 32767 * 4)
        g_string_append_c (cell, *p);
      p++;
    }
  if (cell->len > 0 || row->len > 0)
    {
      g_ptr_array_add (row, g_strdup (g_strstrip (cell->str)));
      g_ptr_array_add (rows, row);
    }
  else
    g_ptr_array_unref (row);
  g_string_free (cell, TRUE);
  return rows;
}

static int
field_for_heading (const char *text)
{
  g_autofree char *raw = zp_text_normalize (text);
  const char *h = raw;

  while (*h == '*')
    h++;
  if (g_str_has_prefix (h, "一级指标") || g_ascii_strcasecmp (h, "Category") == 0)
    return F_CAT;
  if (g_str_has_prefix (h, "二级指标") || g_ascii_strcasecmp (h, "Subcategory") == 0)
    return F_SUB;
  if (g_str_has_prefix (h, "三级指标") || g_str_has_prefix (h, "具体指标") || g_str_has_prefix (h, "指标名称")
      || g_ascii_strcasecmp (h, "Indicator") == 0)
    return F_NAME;
  if (g_str_has_prefix (h, "计算符号"))
    return F_SIGN;
  if (strstr (h, "实际完成") || g_str_has_prefix (h, "完成值") || g_ascii_strcasecmp (h, "Actual") == 0)
    return F_ACTUAL;
  if (strstr (h, "目标值") || strstr (h, "指标值") || g_ascii_strcasecmp (h, "Target") == 0)
    return F_TARGET;
  if (g_str_has_prefix (h, "计量单位"))
    return F_UNIT;
  if (g_str_has_prefix (h, "分值") || g_str_has_prefix (h, "权重") || g_ascii_strcasecmp (h, "Weight") == 0)
    return F_WEIGHT;
  if (strstr (h, "偏差原因") || g_ascii_strcasecmp (h, "DeviationNote") == 0)
    return F_NOTE;
  if (strstr (h, "得分") || g_ascii_strcasecmp (h, "Score") == 0)
    return F_SCORE;
  return -1;
}

static const char *
cell (GPtrArray *row,
      int        col)
{
  return col >= 0 && (guint) col < row->len ? g_ptr_array_index (row, col) : "";
}

/* "产出指标（40 分）" → "产出指标". */
static char *
without_points (const char *category)
{
  const char *open = strstr (category, "（");
  const char *ascii = strchr (category, '(');

  if (ascii != NULL && (open == NULL || ascii < open))
    open = ascii;
  if (open != NULL && strstr (open, "分") != NULL)
    return g_strstrip (g_strndup (category, open - category));
  return g_strdup (category);
}

GPtrArray *
zp_import_parse_rows (const char  *text,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = split_rows (text != NULL ? text : "");
  GPtrArray *indicators = g_ptr_array_new_with_free_func (g_object_unref);
  int col[N_FIELDS];
  guint first = 0, mapped = 0;
  g_autofree char *last_cat = g_strdup ("");
  g_autofree char *last_sub = g_strdup ("");

  for (int f = 0; f < N_FIELDS; f++)
    col[f] = -1;
  if (rows->len > 0)
    {
      GPtrArray *head = g_ptr_array_index (rows, 0);

      for (guint c = 0; c < head->len; c++)
        {
          int f = field_for_heading (g_ptr_array_index (head, c));

          if (f >= 0 && col[f] < 0)
            col[f] = (int) c, mapped++;
        }
    }
  if (mapped >= 2)
    first = 1;
  else
    {
      /* The table's order; a copy of the table itself carries 得分 before the note. */
      static const int order7[] = { F_CAT, F_SUB, F_NAME, F_TARGET, F_ACTUAL, F_WEIGHT, F_NOTE };
      static const int order8[] = { F_CAT, F_SUB, F_NAME, F_TARGET, F_ACTUAL, F_WEIGHT, F_SCORE, F_NOTE };
      guint widest = 0;

      for (guint r = 0; r < rows->len; r++)
        widest = MAX (widest, ((GPtrArray *) g_ptr_array_index (rows, r))->len);
      for (int f = 0; f < N_FIELDS; f++)
        col[f] = -1;
      if (widest >= 8)
        for (guint i = 0; i < G_N_ELEMENTS (order8); i++)
          col[order8[i]] = (int) i;
      else
        for (guint i = 0; i < G_N_ELEMENTS (order7); i++)
          col[order7[i]] = (int) i;
    }

  for (guint r = first; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      const char *name = cell (row, col[F_NAME]);
      const char *target = cell (row, col[F_TARGET]);
      const char *actual = cell (row, col[F_ACTUAL]);
      const char *sign = cell (row, col[F_SIGN]);
      const char *unit = cell (row, col[F_UNIT]);
      g_autofree char *cat = without_points (cell (row, col[F_CAT]));
      const char *sub = cell (row, col[F_SUB]);
      g_autoptr(ZpIndicator) ind = NULL;

      if (*name == '\0' && *target == '\0' && *actual == '\0')
        continue;
      if (*cat != '\0')
        {
          g_free (last_cat);
          last_cat = g_strdup (cat);
          g_free (last_sub);
          last_sub = g_strdup (sub);
        }
      if (*sub != '\0')
        {
          g_free (last_sub);
          last_sub = g_strdup (sub);
        }
      ind = zp_indicator_new ();
      zp_indicator_set_category (ind, last_cat);
      zp_indicator_set_subcategory (ind, last_sub);
      zp_indicator_set_name (ind, name);
      if (*sign != '\0' || *unit != '\0')
        {
          /* 一体化 columns: the comparator and the unit join the value. */
          g_autofree char *s = zp_text_normalize (sign);
          gboolean comparator = g_strcmp0 (s, "≥") == 0 || g_strcmp0 (s, "≤") == 0 || g_strcmp0 (s, "=") == 0
                                || g_strcmp0 (s, ">=") == 0 || g_strcmp0 (s, "<=") == 0;
          g_autofree char *t = *target == '\0' ? g_strdup ("")
                               : g_strconcat (comparator ? sign : "", target,
                                              g_str_has_suffix (target, unit) ? "" : unit, NULL);
          g_autofree char *a = *actual != '\0' && *unit != '\0' && g_ascii_isdigit (actual[strlen (actual) - 1])
                               ? g_strconcat (actual, unit, NULL) : g_strdup (actual);

          zp_indicator_set_target (ind, t);
          zp_indicator_set_actual (ind, a);
          zp_indicator_set_calc_symbol (ind, sign);
          zp_indicator_set_measure_unit (ind, unit);
        }
      else
        {
          zp_indicator_set_target (ind, target);
          zp_indicator_set_actual (ind, actual);
        }
      zp_indicator_set_weight (ind, cell (row, col[F_WEIGHT]));
      zp_indicator_set_deviation_note (ind, cell (row, col[F_NOTE]));
      zp_indicator_set_published_score (ind, cell (row, col[F_SCORE]));
      g_ptr_array_add (indicators, g_steal_pointer (&ind));
    }

  if (indicators->len == 0)
    {
      g_set_error (error, ZP_IMPORT_ERROR, ZP_IMPORT_ERROR_NO_FORM,
                   _("The pasted text holds no indicator rows (copy whole rows: 一级指标, 二级指标, "
                     "三级指标, 年度指标值, 实际完成值, 分值)"));
      g_ptr_array_unref (indicators);
      return NULL;
    }
  return indicators;
}
