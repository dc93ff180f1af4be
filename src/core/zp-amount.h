/* zp-amount.h — amounts as people type them into a form's money cells.
 *
 * A form's amounts are in its workbook's unit (万元 or 元). People also type the unit
 * ("150万", "1,500,000元", "2.5亿元"): the amount is then converted into the form's unit
 * and the caller is told, so that the checks can warn instead of multiplying silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-types.h"
#include "zp-decimal.h"

G_BEGIN_DECLS

/* "150万" in 万元 is 150; "1,500,000元" in 万元 is 150; "150" is 150 in either unit.
 * FALSE for anything that is not one amount (a percent, words, empty). *unit_typed
 * (nullable) says that a unit was typed and the value converted from it. */
gboolean zp_amount_parse (const char   *text,
                          ZpAmountUnit  unit,
                          ZpDecimal    *out,
                          gboolean     *unit_typed);

G_END_DECLS
