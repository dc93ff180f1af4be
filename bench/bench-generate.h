/* bench-generate.h — a district-scale workbook for the benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ziping-core.h"

G_BEGIN_DECLS

/* 25 indicators a project form: 产出 14 (40 分), 效益 7 (30 分), 满意度 4 (10 分). */
#define BENCH_INDICATORS_PER_PROJECT 25

/* One department form (4 goals × 5 indicators) and n_projects project forms, with
 * realistic texts, saved with the core's zp_workbook_save(). The same every time. */
ZpWorkbook *bench_generate_workbook (guint n_projects);

G_END_DECLS
