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

G_END_DECLS
