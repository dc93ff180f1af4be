/* zp-indicator-private.h — what ZpGoal needs from ZpIndicator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-indicator.h"

G_BEGIN_DECLS

typedef void (*ZpIndicatorOwnerFunc) (gpointer owner);

/* The goal holding the indicator is called directly on every input change, just before
 * ::changed is emitted: a signal handler per indicator would cost a closure and a
 * handler list each (about 150 bytes, 50,000 times in a district's workbook). One owner
 * at a time; `changed` NULL clears it. */
void     _zp_indicator_set_owner (ZpIndicator          *self,
                                  gpointer              owner,
                                  ZpIndicatorOwnerFunc  changed);
gpointer _zp_indicator_get_owner (ZpIndicator          *self);

/* The text inputs, in the order of their properties. */
typedef enum
{
  ZP_INDICATOR_TEXT_CATEGORY,
  ZP_INDICATOR_TEXT_SUBCATEGORY,
  ZP_INDICATOR_TEXT_NAME,
  ZP_INDICATOR_TEXT_TARGET,
  ZP_INDICATOR_TEXT_ACTUAL,
  ZP_INDICATOR_TEXT_WEIGHT,
  ZP_INDICATOR_TEXT_MANUAL_SCORE,
  ZP_INDICATOR_TEXT_MANUAL_REASON,
  ZP_INDICATOR_TEXT_DEVIATION_NOTE,
  ZP_INDICATOR_TEXT_CALC_SYMBOL,
  ZP_INDICATOR_TEXT_MEASURE_UNIT,
  ZP_INDICATOR_TEXT_PUBLISHED_SCORE,
  ZP_INDICATOR_N_TEXTS
} ZpIndicatorText;

/* A new indicator with these inputs, as if set one by one but without notifications,
 * which nobody can hear yet (loading builds 50,000 of them). */
ZpIndicator *_zp_indicator_new_with_inputs (const char * const  texts[ZP_INDICATOR_N_TEXTS],
                                            ZpDirection         direction,
                                            ZpGrade             grade);

/* Set by the form before a rescore: the row's full mark is its weight × scale (a block
 * with not-applicable rows rescaled to its points). ZP_DECIMAL_ZERO: no rescaling. */
void _zp_indicator_set_scale (ZpIndicator *self,
                              ZpDecimal    scale);

G_END_DECLS
