/* bench-scale.h — every job a user waits for, at several sizes (bench-scale.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   bench_scale_main   (const char *self,
                          const char *dir,
                          const char *cli,
                          gboolean    large,
                          guint       repeat,
                          const char *bench_ui);

G_END_DECLS
