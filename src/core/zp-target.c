/* zp-target.c — deadlines and ranges as targets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ziping-core.h"
#include "zp-target.h"

static GRegex *
compile_once (GRegex **regex,
              const char *pattern)
{
  if (g_once_init_enter (regex))
    {
      GRegex *compiled = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (compiled != NULL);
      g_once_init_leave (regex, compiled);
    }
  return *regex;
}

static int
group_int (GMatchInfo *match,
           int         group)
{
  g_autofree char *text = g_match_info_fetch (match, group);

  return text != NULL && *text != '\0' ? atoi (text) : 0;
}

static gboolean
group_present (GMatchInfo *match,
               int         group)
{
  g_autofree char *text = g_match_info_fetch (match, group);

  return text != NULL && *text != '\0';
}

static int
days_in_month (int month)
{
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month >= 1 && month <= 12 ? days[month - 1] : 31;
}

gboolean
zp_target_parse_deadline (const char *target,
                          ZpDate     *out)
{
  static GRegex *regex;
  g_autofree char *text = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gboolean has_year, has_month;

  g_return_val_if_fail (out != NULL, FALSE);

  /* Cheap first: most targets hold no 前 at all. */
  if (target == NULL || strstr (target, "前") == NULL)
    return FALSE;

  {
    /* "12月底前。": the full stop is the checks' business (trailing-stop). */
    g_autofree char *stripped = zp_text_strip_trailing_stop (target);

    text = zp_text_normalize (stripped);
  }
  /* 1 year, 2 年, 3 month, 4 day, 5 底/末 */
  compile_once (&regex, "^(?:于|在)?(?:(\\d{4})?(年))?(?:(\\d{1,2})月(?:份)?)?(?:(\\d{1,2})(?:日|号)|(底|末))?"
                        "(?:之前|以前|前)(?:完成|完工|办结|结束|实施|到位|上线)?$");
  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  has_year = group_present (match, 2);
  has_month = group_present (match, 3);
  if (!has_year && !has_month)
    return FALSE;

  out->year = group_int (match, 1);
  out->month = has_month ? group_int (match, 3) : 12;
  out->day = group_present (match, 4) ? group_int (match, 4) : days_in_month (out->month);
  return out->month >= 1 && out->month <= 12 && out->day >= 1 && out->day <= 31;
}

gboolean
zp_text_find_date (const char *text,
                   ZpDate     *out)
{
  static GRegex *chinese, *numeric, *year_only;
  g_autofree char *normalized = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  normalized = zp_text_normalize (text);

  /* 1 year, 2 month, 3 day, 4 底/末 */
  compile_once (&chinese, "(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})(?:日|号)|(底|末))?");
  if (g_regex_match (chinese, normalized, 0, &match))
    {
      /* "次年1月" is after any deadline of the year. */
      out->year = strstr (normalized, "次年") != NULL || strstr (normalized, "下年") != NULL
                  || strstr (normalized, "翌年") != NULL ? ZP_DATE_NEXT_YEAR : group_int (match, 1);
      out->month = group_int (match, 2);
      out->day = group_present (match, 3) ? group_int (match, 3)
                 : group_present (match, 4) ? days_in_month (out->month) : 1;
      return out->month >= 1 && out->month <= 12;
    }
  g_clear_pointer (&match, g_match_info_unref);

  compile_once (&numeric, "(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})");
  if (g_regex_match (numeric, normalized, 0, &match))
    {
      out->year = group_int (match, 1);
      out->month = group_int (match, 2);
      out->day = group_int (match, 3);
      return out->month >= 1 && out->month <= 12;
    }
  g_clear_pointer (&match, g_match_info_unref);

  compile_once (&year_only, "(\\d{4})年(底|末)?");
  if (g_regex_match (year_only, normalized, 0, &match))
    {
      out->year = group_int (match, 1);
      out->month = group_present (match, 2) ? 12 : 1;
      out->day = group_present (match, 2) ? 31 : 1;
      return TRUE;
    }
  return FALSE;
}

gboolean
zp_date_meets_deadline (const ZpDate *date,
                        const ZpDate *deadline)
{
  g_return_val_if_fail (date != NULL && deadline != NULL, FALSE);

  if (date->year == ZP_DATE_NEXT_YEAR)
    return FALSE;

  if (date->year != 0 && deadline->year != 0 && date->year != deadline->year)
    return date->year < deadline->year;
  if (date->month != deadline->month)
    return date->month < deadline->month;
  return date->day <= deadline->day;
}

gboolean
zp_target_parse_range (const char *target,
                       ZpDecimal  *low,
                       ZpDecimal  *high,
                       gboolean   *percent)
{
  static GRegex *between, *plus_minus;
  g_autofree char *text = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  ZpDecimal x, y;

  g_return_val_if_fail (low != NULL && high != NULL && percent != NULL, FALSE);

  /* Cheap first: nearly every target has none of the signs a range is written with. */
  if (target == NULL
      || (strstr (target, "±") == NULL && strpbrk (target, "-~") == NULL && strstr (target, "～") == NULL
          && strstr (target, "—") == NULL && strstr (target, "–") == NULL && strstr (target, "至") == NULL
          && strstr (target, "到") == NULL && strstr (target, "－") == NULL))
    return FALSE;
  {
    g_autofree char *stripped = zp_text_strip_trailing_stop (target);

    text = zp_text_normalize (stripped);
  }

  /* "±10%", "偏差率±10%", "±5%以内" */
  compile_once (&plus_minus, "^[^\\d±]*±(\\d+(?:\\.\\d+)?)(%?)(?:以内|之内|内)?$");
  if (g_regex_match (plus_minus, text, 0, &match))
    {
      a = g_match_info_fetch (match, 1);
      if (!zp_decimal_parse (a, &x, NULL))
        return FALSE;
      *low = zp_decimal_sub (ZP_DECIMAL_ZERO, x);
      *high = x;
      *percent = group_present (match, 2);
      return TRUE;
    }
  g_clear_pointer (&match, g_match_info_unref);

  /* "90%-110%", "90-110%", "90%~110%", "90%至110%" */
  compile_once (&between, "^[^\\d]*?(\\d+(?:\\.\\d+)?)(%?)(?:-|~|～|—|–|至|到)(\\d+(?:\\.\\d+)?)(%?)(?:之间)?$");
  if (!g_regex_match (between, text, 0, &match))
    return FALSE;
  a = g_match_info_fetch (match, 1);
  b = g_match_info_fetch (match, 3);
  if (!zp_decimal_parse (a, &x, NULL) || !zp_decimal_parse (b, &y, NULL) || zp_decimal_cmp (x, y) >= 0)
    return FALSE;
  /* Both ends or the last carry the %; "90%-110" is not a range people write. */
  if (group_present (match, 2) && !group_present (match, 4))
    return FALSE;
  *low = x;
  *high = y;
  *percent = group_present (match, 4);
  return TRUE;
}
