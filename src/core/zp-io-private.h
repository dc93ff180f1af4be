/* zp-io-private.h — what the parts of zp-io.c share: the reader's tables and types,
 * and the functions one part calls in another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ziping-core.h"

G_BEGIN_DECLS

/* Deeper than any .ziping document; json-glib's recursive parser must never see a
 * pathological nesting (it would overflow the stack). */
#define MAX_NESTING 64
#define MAX_PATH    16

/* Far more than any real workbook holds (a district has some 8,000 forms, a scheme 3
 * categories): larger counts are refused (ZP_IO_ERROR_TOO_LARGE) before they cost
 * minutes or gigabytes. */
#define ZP_IO_MAX_FORMS         100000
#define ZP_IO_MAX_GOALS         1000
#define ZP_IO_MAX_INDICATORS    10000
#define ZP_IO_MAX_CATEGORIES    10000
#define ZP_IO_MAX_GRADE_BANDS   100
#define ZP_IO_MAX_EXPLANATIONS  100000

static const char * const direction_words[] = { "auto", "positive", "reverse", "equal", "qualitative", NULL };
static const char * const grade_words[] = { "none", "achieved", "partial", "missed", NULL };
static const char * const category_words[] = { "department-budget", "special", "transfer", NULL };
static const char * const attribute_words[] = { "continuing", "new", NULL };
static const char * const type_words[] = { "recurrent", "extended", "one-off", NULL };
static const char * const formula_words[] = { "ratio", "linear", NULL };
static const char * const kind_words[] = { "department", "project", NULL };
static const char * const layout_words[] = { "hubei", "central", NULL };
static const char * const fund_words[] = { "current", "carryover", "other", NULL };
static const char * const fund_field_words[] = { "initial", "budget", "spent", NULL };
static const char * const amount_unit_words[] = { "wan-yuan", "yuan", NULL };
static const char * const split_words[] = { "fixed", "free", NULL };
static const char * const not_applicable_words[] = { "error", "rescale", NULL };

enum { KIND_DEPARTMENT, KIND_PROJECT };

typedef struct
{
  const char *key;    /* a member name, or NULL for an array element */
  guint       index;
} PathSegment;

/* Walks JSON text, either to find where the value at `path` is or to describe the first
 * syntax error. Before json-glib parses a text, the walker has taken it whole (strict,
 * not lenient): JSON, plus what json-glib reads the same way — comments written
 * "/" "*" … "*" "/" with no "/" inside and single-quoted strings without escapes — and
 * no nesting past MAX_NESTING, no \u0000, no lone surrogate, no whole number past 64
 * bits. json-glib's scanner reads more (hex, octal escapes, "/…/" comments), not always
 * as one would guess: what the walker refuses, json-glib never sees. */
typedef struct
{
  const char        *text;
  gsize              length;
  gsize              pos;

  const PathSegment *path;
  guint              n_path;
  gboolean           want_value;  /* the last segment's value, not its key */
  gsize              found;       /* G_MAXSIZE: not found */
  /* Locating runs on text json-glib accepted, which may hold forms strict JSON has not
   * (0x10, .5, "\x41"): take any word and escape then. */
  gboolean           lenient;

  const char        *member;      /* the member being read, for messages; NULL in arrays */

  gsize              error_pos;
  char              *error_message;
  gboolean           nested;      /* the error is nesting deeper than MAX_NESTING */
} Walker;

typedef struct
{
  const char  *text;
  gsize        length;
  const char  *display_name;
  PathSegment  path[MAX_PATH];
  guint        depth;
  GError     **error;
} Loader;

/* The members of an indicator, in the order the setters run; the figures must be strings
 * holding a number. */
static const struct
{
  const char *member;
  gboolean    figure;
} indicator_texts[] = {
  [ZP_INDICATOR_TEXT_CATEGORY] = { "category", FALSE },
  [ZP_INDICATOR_TEXT_SUBCATEGORY] = { "subcategory", FALSE },
  [ZP_INDICATOR_TEXT_NAME] = { "name", FALSE },
  [ZP_INDICATOR_TEXT_TARGET] = { "target", FALSE },
  [ZP_INDICATOR_TEXT_ACTUAL] = { "actual", FALSE },
  [ZP_INDICATOR_TEXT_WEIGHT] = { "weight", TRUE },
  [ZP_INDICATOR_TEXT_MANUAL_SCORE] = { "manual-score", TRUE },
  [ZP_INDICATOR_TEXT_MANUAL_REASON] = { "manual-reason", FALSE },
  [ZP_INDICATOR_TEXT_DEVIATION_NOTE] = { "deviation-note", FALSE },
  /* version 2 */
  [ZP_INDICATOR_TEXT_CALC_SYMBOL] = { "calc-symbol", FALSE },
  [ZP_INDICATOR_TEXT_MEASURE_UNIT] = { "measure-unit", FALSE },
  [ZP_INDICATOR_TEXT_PUBLISHED_SCORE] = { "published-score", TRUE },
};

#define N_INDICATOR_TEXTS ZP_INDICATOR_N_TEXTS

/* An indicator as read, before it is built: both readers fill one, so that both build
 * the same model. */
typedef struct
{
  const char *texts[N_INDICATOR_TEXTS];  /* "" when absent */
  int         direction;
  int         grade;
  gboolean    not_applicable;
  GStrv       evidence;      /* owned; NULL when none */
} IndicatorFields;


/* zp-io-position.c */
void
_zp_io_position_of (const char *text,
                    gsize       pos,
                    guint      *line,
                    guint      *column);
gboolean
_zp_io_walker_document (Walker *w);

/* zp-io-loader.c */
gboolean
_zp_io_figure_in_range (const char *text);
void
_zp_io_set_form_explanation (gpointer    target,
                             const char *key,
                             const char *text);
void
_zp_io_indicator_fields_init (IndicatorFields *fields);
ZpIndicator *
_zp_io_indicator_from_fields (const IndicatorFields *fields);
ZpWorkbook *
_zp_io_load_workbook_head (Loader     *l,
                           JsonObject *object);
ZpWorkbook *
_zp_io_load_workbook (Loader   *l,
                      JsonNode *root);
ZpScheme *
_zp_io_load_scheme_document (Loader   *l,
                             JsonNode *root);

/* zp-io-fast.c */
ZpWorkbook *
_zp_io_fast_load (const char *text,
                  gsize       length);

G_END_DECLS
