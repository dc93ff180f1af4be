/* zp-core-private.h — small helpers the core's objects share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Replaces *field by a copy of value (NULL as ""); FALSE, and nothing done, when equal. */
gboolean    _zp_replace_text   (char       **field,
                                const char  *value);

/* A read-write text input property: "" by default, notified only on change. */
GParamSpec *_zp_text_pspec     (const char  *name);

/* The key a category name is matched by: "产出指标（40 分）", "产出指标", "产出" all give
 * "产出". */
char       *_zp_category_key   (const char  *name);

G_END_DECLS
