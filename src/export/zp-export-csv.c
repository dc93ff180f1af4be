/* zp-export-csv.c — every indicator of the workbook, one row each: UTF-8 with a byte
 * order mark (so that spreadsheet programs read it as UTF-8), RFC 4180 quoting, CRLF.
 *
 * Files from other units are untrusted, and a spreadsheet program runs a CSV field that
 * starts like a formula (=HYPERLINK(…), =WEBSERVICE(…), DDE, @SUM(…)). As OWASP
 * recommends for CSV, a text starting with = + - @, a tab or a carriage return gets a
 * leading apostrophe and is quoted, so that it is read as the text it is; a plain number
 * ("-5", "+2.5", "-10%") is left alone and stays a number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "zp-export-private.h"

#define UTF8_BOM "\xEF\xBB\xBF"

static const char * const csv_headings[] = {
  "表", "年度绩效目标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
  "分值", "得分", "偏差原因分析及改进措施", NULL
};

/* A decimal number as a spreadsheet reads one: optional sign, digits, an optional
 * fraction, an optional percent sign. */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (*p == '%')
    p++;
  return digits && *p == '\0';
}

static gboolean
could_run_as_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL && !is_plain_number (text);
}

static void
append_field (GString    *line,
              const char *text,
              gboolean    first)
{
  gboolean neutralise;

  if (!first)
    g_string_append_c (line, ',');
  if (text == NULL)
    return;

  neutralise = could_run_as_formula (text);
  if (!neutralise && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  if (neutralise)
    g_string_append_c (line, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
append_indicator (GString     *out,
                  const char  *form_title,
                  ZpGoal      *goal,
                  ZpIndicator *indicator)
{
  g_autofree char *weight = NULL;
  g_autofree char *score = NULL;
  ZpDecimal value;

  if (zp_indicator_get_weight_value (indicator, &value))
    weight = zp_decimal_format_trim (value, 2);
  else
    weight = g_strdup (zp_indicator_get_weight (indicator));
  if (zp_indicator_get_state (indicator) != ZP_INDICATOR_STATE_UNSCORED)
    score = zp_decimal_format_trim (zp_indicator_get_score (indicator), 2);

  append_field (out, form_title, TRUE);
  append_field (out, zp_goal_get_text (goal), FALSE);
  append_field (out, zp_indicator_get_category (indicator), FALSE);
  append_field (out, zp_indicator_get_subcategory (indicator), FALSE);
  append_field (out, zp_indicator_get_name (indicator), FALSE);
  append_field (out, zp_indicator_get_target (indicator), FALSE);
  append_field (out, zp_indicator_get_actual (indicator), FALSE);
  append_field (out, weight, FALSE);
  append_field (out, score, FALSE);
  append_field (out, zp_indicator_get_deviation_note (indicator), FALSE);
  g_string_append (out, "\r\n");
}

static gboolean
write_all (ZpExportTarget  *target,
           GString         *buffer,
           GError         **error)
{
  const char *p = buffer->str;
  gsize left = buffer->len;

  while (left > 0)
    {
      gssize n = write (target->fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          zp_export_set_errno_error (error, errno, target->path);
          return FALSE;
        }
      p += n;
      left -= n;
    }
  g_string_truncate (buffer, 0);
  return TRUE;
}

static void
append_form (GString *out,
             ZpForm  *form)
{
  g_autofree char *title = zp_form_dup_title (form);

  for (guint g = 0; g < zp_form_get_n_goals (form); g++)
    {
      ZpGoal *goal = zp_form_get_goal (form, g);

      for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
        append_indicator (out, title, goal, zp_goal_get_indicator (goal, i));
    }
}

gboolean
zp_export_write_csv (ZpWorkbook          *workbook,
                     const ZpExportPlan  *plan,
                     ZpExportTarget      *target,
                     GError             **error)
{
  g_autoptr(GString) out = g_string_new (UTF8_BOM);

  for (guint i = 0; csv_headings[i] != NULL; i++)
    append_field (out, csv_headings[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint f = 0; f < plan->forms->len; f++)
    {
      append_form (out, zp_workbook_get_form (workbook, g_array_index (plan->forms, guint, f)));
      /* Flush as we go: memory stays flat however many forms there are. */
      if (out->len > 64 * 1024 && !write_all (target, out, error))
        return FALSE;
    }
  return write_all (target, out, error);
}
