/* seed-fixture.h — the seed workbook (seed-forms.md) built in code, for tests that must not
 * depend on the .ziping reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ziping-core.h"

G_BEGIN_DECLS

/* 2024 江岸区大数据中心: the department form (4 goals of 20) and the three project forms,
 * every figure as published, on a copy of the "hubei" scheme. */
ZpWorkbook *seed_workbook_new (void);

G_END_DECLS
