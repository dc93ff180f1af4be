/* zp-amount.c — amounts typed with or without their unit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ziping-core.h"

/* Units people type after an amount, longest first, in 元. */
static const struct
{
  const char *suffix;
  gint64      yuan;
} suffixes[] = {
  { "万元", 10000 },
  { "亿元", 100000000 },
  { "万", 10000 },
  { "亿", 100000000 },
  { "元", 1 },
};

gboolean
zp_amount_parse (const char   *text,
                 ZpAmountUnit  unit,
                 ZpDecimal    *out,
                 gboolean     *unit_typed)
{
  g_autofree char *number = NULL;
  gboolean is_percent = FALSE;
  gint64 yuan = 0;
  ZpDecimal value;
  gsize length;

  if (unit_typed != NULL)
    *unit_typed = FALSE;
  if (text == NULL)
    return FALSE;

  number = g_strstrip (g_strdup (text));
  length = strlen (number);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize suffix_length = strlen (suffixes[i].suffix);

      if (length > suffix_length && g_str_has_suffix (number, suffixes[i].suffix))
        {
          number[length - suffix_length] = '\0';
          g_strchomp (number);
          yuan = suffixes[i].yuan;
          break;
        }
    }

  if (!zp_decimal_parse (number, &value, &is_percent) || is_percent)
    return FALSE;

  if (yuan > 0)
    {
      gint64 unit_yuan = unit == ZP_AMOUNT_UNIT_YUAN ? 1 : 10000;

      value = zp_decimal_mul_div (value, zp_decimal_from_int (yuan), zp_decimal_from_int (unit_yuan));
      if (unit_typed != NULL)
        *unit_typed = TRUE;
    }

  if (out != NULL)
    *out = value;
  return TRUE;
}
