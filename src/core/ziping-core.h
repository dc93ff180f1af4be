/* ziping-core.h — the GTK-free core: model, scoring, checks and files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zp-types.h"
#include "zp-enums.h"
#include "zp-decimal.h"
#include "zp-amount.h"
#include "zp-quantity.h"
#include "zp-target.h"
#include "zp-scheme.h"
#include "zp-indicator.h"
#include "zp-goal.h"
#include "zp-form.h"
#include "zp-project-form.h"
#include "zp-department-form.h"
#include "zp-workbook.h"
#include "zp-finding.h"
#include "zp-checker.h"
#include "zp-io.h"
#include "zp-file-replace.h"

G_BEGIN_DECLS

/* Binds the core's gettext domain; call once from main(). */
void zp_core_init_i18n (void);

G_END_DECLS
