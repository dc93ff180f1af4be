/* fuzz-quantity.c — the parser of targets and actuals as people type them ("≥95%",
 * "不少于 1 亿条数据", "≤800元/人"), and the number parser under it, on any text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ziping-core.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *normal = NULL;
  ZpQuantity quantity = { 0 };
  ZpDecimal value;

  /* Texts reach the parsers as valid UTF-8 (the loader refuses the rest). */
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  if (zp_quantity_parse (text, &quantity))
    {
      if (quantity.unit != NULL && !g_utf8_validate (quantity.unit, -1, NULL))
        abort ();
      zp_quantity_clear (&quantity);
    }

  normal = zp_text_normalize (text);
  if (normal == NULL || !g_utf8_validate (normal, -1, NULL))
    abort ();
  zp_text_says_achieved (text);
  zp_text_restates (text, normal);

  /* Out of range is never a number, and never OK. */
  switch (zp_decimal_parse_checked (text, &value, NULL))
    {
    case ZP_DECIMAL_PARSE_OK:
      if (!zp_decimal_parse (text, NULL, NULL))
        abort ();
      break;
    case ZP_DECIMAL_PARSE_NOT_A_NUMBER:
    case ZP_DECIMAL_PARSE_OUT_OF_RANGE:
      if (zp_decimal_parse (text, NULL, NULL))
        abort ();
      break;
    default:
      abort ();
    }
  return 0;
}
