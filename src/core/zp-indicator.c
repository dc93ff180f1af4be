/* zp-indicator.c — one performance indicator and its score (spec §3).
 *
 * Scoring runs once per edit of the owning form, over every indicator of that form, so it
 * must be cheap: the parsed target, actual and weight are cached and parsed again only when
 * their text changes, and the score text is formatted again only when the score changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ziping-core.h"
#include "zp-indicator-private.h"
#include "zp-core-private.h"
#include "zp-target.h"

/* A target that is not a quantity: a deadline or a range (NULL for the others, nearly
 * all, so that they cost one pointer). */
typedef enum
{
  SPECIAL_DEADLINE,
  SPECIAL_RANGE,
} SpecialKind;

typedef struct
{
  SpecialKind kind;
  ZpDate      deadline;
  ZpDecimal   low;
  ZpDecimal   high;
  gboolean    percent;
} SpecialTarget;

/* A text parsed on demand; `dirty` is set when the text changes. */
typedef struct
{
  ZpQuantity quantity;
  gboolean   valid;
  gboolean   dirty;
} ParsedText;

struct _ZpIndicator
{
  GObject           parent_instance;

  char             *category;
  char             *subcategory;
  char             *name;
  char             *target;
  char             *actual;
  char             *weight;
  char             *manual_score;
  char             *manual_reason;
  char             *deviation_note;
  ZpDirection       direction;
  ZpGrade           grade;
  gboolean          not_applicable;
  /* What few rows have (issue 9's per-row columns, a rescaling, a deadline or range
   * target): allocated when first needed, so that the others cost one pointer. */
  struct _IndicatorExtras *extras;
  GStrv             evidence;          /* 佐证材料: paths relative to the workbook; NULL: none */

  /* Caches of the parsed inputs */
  ParsedText        parsed_target;
  ParsedText        parsed_actual;
  ZpDecimal         weight_value;
  gboolean          weight_valid;
  gboolean          words_dirty;       /* target or actual changed since the last read */
  gboolean          actual_restates;   /* zp_text_restates (actual, target) */
  gboolean          actual_achieved;   /* zp_text_says_achieved (actual) */
  gboolean          actual_blank;

  /* Computed by zp_indicator_rescore() */
  ZpDecimal         score;
  ZpIndicatorState  state;
  ZpIndicatorFlags  flags;
  ZpRule            rule;
  ZpDirection       effective_direction;
  char             *score_text;
  guint             score_text_decimals;

  gpointer              owner;
  ZpIndicatorOwnerFunc  owner_changed;
};

typedef struct _IndicatorExtras
{
  char          *calc_symbol;
  char          *measure_unit;
  char          *published_score;
  /* The form's rescaling of a block with not-applicable rows: the full mark is weight ×
   * scale. Zero means 1 (no rescaling). */
  ZpDecimal      scale;
  SpecialTarget *special;        /* refreshed with parsed_target */
} IndicatorExtras;

G_DEFINE_FINAL_TYPE (ZpIndicator, zp_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATEGORY,
  PROP_SUBCATEGORY,
  PROP_NAME,
  PROP_TARGET,
  PROP_ACTUAL,
  PROP_WEIGHT,
  PROP_MANUAL_SCORE,
  PROP_MANUAL_REASON,
  PROP_DEVIATION_NOTE,
  PROP_CALC_SYMBOL,
  PROP_MEASURE_UNIT,
  PROP_PUBLISHED_SCORE,
  PROP_DIRECTION,
  PROP_GRADE,
  PROP_SCORE,
  PROP_STATE,
  PROP_FLAGS,
  PROP_NOT_APPLICABLE,
  PROP_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The text inputs run from PROP_CATEGORY to LAST_TEXT_INPUT. */
#define LAST_TEXT_INPUT PROP_PUBLISHED_SCORE

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The result of scoring, applied at once so that notifications fire only on change. */
typedef struct
{
  ZpDecimal         score;
  ZpIndicatorState  state;
  ZpIndicatorFlags  flags;
  ZpRule            rule;
  gboolean          state_from_grade;  /* a grade without a typed score: keep its state */
} Outcome;

/* Texts take little memory each but there are many (a district's workbook has 50,000
 * indicators): empty ones share one static "", and the category and subcategory, which
 * repeat from row to row, are interned. The others are owned. */
static char empty_text[] = "";

static IndicatorExtras *
ensure_extras (ZpIndicator *self)
{
  if (self->extras == NULL)
    {
      self->extras = g_new0 (IndicatorExtras, 1);
      self->extras->calc_symbol = self->extras->measure_unit = self->extras->published_score = empty_text;
    }
  return self->extras;
}

static gboolean
is_extra_text (guint prop_id)
{
  return prop_id == PROP_CALC_SYMBOL || prop_id == PROP_MEASURE_UNIT || prop_id == PROP_PUBLISHED_SCORE;
}

static const char *get_text (ZpIndicator *self, guint prop_id);

/* Writable: an extra text's slot allocates the extras. Read with get_text(). */
static char **
string_field (ZpIndicator *self,
              guint        prop_id)
{
  switch (prop_id)
    {
    case PROP_CATEGORY:       return &self->category;
    case PROP_SUBCATEGORY:    return &self->subcategory;
    case PROP_NAME:           return &self->name;
    case PROP_TARGET:         return &self->target;
    case PROP_ACTUAL:         return &self->actual;
    case PROP_WEIGHT:         return &self->weight;
    case PROP_MANUAL_SCORE:   return &self->manual_score;
    case PROP_MANUAL_REASON:  return &self->manual_reason;
    case PROP_DEVIATION_NOTE: return &self->deviation_note;
    case PROP_CALC_SYMBOL:    return &ensure_extras (self)->calc_symbol;
    case PROP_MEASURE_UNIT:   return &ensure_extras (self)->measure_unit;
    case PROP_PUBLISHED_SCORE: return &ensure_extras (self)->published_score;
    default:                  g_assert_not_reached ();
    }
}

/* A text input, without allocating the extras for reading one that is empty. */
static const char *
get_text (ZpIndicator *self,
          guint        prop_id)
{
  if (is_extra_text (prop_id) && self->extras == NULL)
    return empty_text;
  return *string_field (self, prop_id);
}

static gboolean
field_is_interned (guint prop_id)
{
  return prop_id == PROP_CATEGORY || prop_id == PROP_SUBCATEGORY;
}

/* Rows of a goal mostly repeat the row above's 一级/二级: the last interned text of each
 * field, per thread (loads run in workers), spares g_intern_string()'s lock and lookup. */
static const char *
intern_text (guint       prop_id,
             const char *value)
{
  static _Thread_local const char *last[2];
  const char **slot = &last[prop_id == PROP_CATEGORY ? 0 : 1];

  if (*slot == NULL || strcmp (*slot, value) != 0)
    *slot = g_intern_string (value);
  return *slot;
}

static char *
text_new (guint       prop_id,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return empty_text;
  if (field_is_interned (prop_id))
    return (char *) intern_text (prop_id, value);
  return g_strdup (value);
}

static void
text_free (guint  prop_id,
           char  *text)
{
  if (text != empty_text && !field_is_interned (prop_id))
    g_free (text);
}

static void
score_text_replace (ZpIndicator *self,
                    char        *text)
{
  if (self->score_text != empty_text)
    g_free (self->score_text);
  self->score_text = text;
}

/* Before ::changed, so that the goal (and the form) are up to date for its handlers. */
static void
emit_changed (ZpIndicator *self)
{
  if (self->owner_changed != NULL)
    self->owner_changed (self->owner);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_zp_indicator_set_owner (ZpIndicator          *self,
                         gpointer              owner,
                         ZpIndicatorOwnerFunc  changed)
{
  g_return_if_fail (ZP_IS_INDICATOR (self));

  self->owner = changed != NULL ? owner : NULL;
  self->owner_changed = changed;
}

gpointer
_zp_indicator_get_owner (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), NULL);
  return self->owner;
}

static void
parsed_text_update (ParsedText *parsed,
                    const char *text)
{
  if (!parsed->dirty)
    return;

  zp_quantity_clear (&parsed->quantity);
  parsed->valid = zp_quantity_parse (text, &parsed->quantity);
  parsed->dirty = FALSE;
}

static void
update_weight_value (ZpIndicator *self)
{
  gboolean is_percent = FALSE;

  self->weight_valid = zp_decimal_parse (self->weight, &self->weight_value, &is_percent)
                       && !is_percent;
  if (!self->weight_valid)
    self->weight_value = ZP_DECIMAL_ZERO;
}

/* Sets one of the string inputs; returns FALSE when nothing changed. */
static gboolean
set_string (ZpIndicator *self,
            guint        prop_id,
            const char  *value)
{
  char **field;

  if (value == NULL)
    value = "";
  if (g_strcmp0 (get_text (self, prop_id), value) == 0)
    return FALSE;
  field = string_field (self, prop_id);

  text_free (prop_id, *field);
  *field = text_new (prop_id, value);

  if (prop_id == PROP_TARGET)
    self->parsed_target.dirty = self->words_dirty = TRUE;
  else if (prop_id == PROP_ACTUAL)
    self->parsed_actual.dirty = self->words_dirty = TRUE;
  else if (prop_id == PROP_WEIGHT)
    update_weight_value (self);
  else if (prop_id == PROP_CALC_SYMBOL)
    self->words_dirty = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
  return TRUE;
}

static void
zp_indicator_finalize (GObject *object)
{
  ZpIndicator *self = ZP_INDICATOR (object);

  for (guint prop_id = PROP_CATEGORY; prop_id <= LAST_TEXT_INPUT; prop_id++)
    if (!is_extra_text (prop_id) || self->extras != NULL)
      text_free (prop_id, *string_field (self, prop_id));
  zp_quantity_clear (&self->parsed_target.quantity);
  zp_quantity_clear (&self->parsed_actual.quantity);
  if (self->extras != NULL)
    g_free (self->extras->special);
  g_clear_pointer (&self->extras, g_free);
  score_text_replace (self, NULL);
  g_strfreev (self->evidence);

  G_OBJECT_CLASS (zp_indicator_parent_class)->finalize (object);
}

static void
zp_indicator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZpIndicator *self = ZP_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CATEGORY ... LAST_TEXT_INPUT:
      g_value_set_string (value, get_text (self, prop_id));
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_GRADE:
      g_value_set_enum (value, self->grade);
      break;
    case PROP_SCORE:
      g_value_set_string (value, zp_indicator_get_score_text (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;
    case PROP_NOT_APPLICABLE:
      g_value_set_boolean (value, self->not_applicable);
      break;
    case PROP_EVIDENCE:
      g_value_set_boxed (value, self->evidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_indicator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZpIndicator *self = ZP_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CATEGORY ... LAST_TEXT_INPUT:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_DIRECTION:
      zp_indicator_set_direction (self, g_value_get_enum (value));
      break;
    case PROP_GRADE:
      zp_indicator_set_grade (self, g_value_get_enum (value));
      break;
    case PROP_NOT_APPLICABLE:
      zp_indicator_set_not_applicable (self, g_value_get_boolean (value));
      break;
    case PROP_EVIDENCE:
      zp_indicator_set_evidence (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_indicator_class_init (ZpIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zp_indicator_finalize;
  object_class->get_property = zp_indicator_get_property;
  object_class->set_property = zp_indicator_set_property;

  properties[PROP_CATEGORY] = _zp_text_pspec ("category");
  properties[PROP_SUBCATEGORY] = _zp_text_pspec ("subcategory");
  properties[PROP_NAME] = _zp_text_pspec ("name");
  properties[PROP_TARGET] = _zp_text_pspec ("target");
  properties[PROP_ACTUAL] = _zp_text_pspec ("actual");
  properties[PROP_WEIGHT] = _zp_text_pspec ("weight");
  properties[PROP_MANUAL_SCORE] = _zp_text_pspec ("manual-score");
  properties[PROP_MANUAL_REASON] = _zp_text_pspec ("manual-reason");
  properties[PROP_DEVIATION_NOTE] = _zp_text_pspec ("deviation-note");
  properties[PROP_CALC_SYMBOL] = _zp_text_pspec ("calc-symbol");
  properties[PROP_MEASURE_UNIT] = _zp_text_pspec ("measure-unit");
  properties[PROP_PUBLISHED_SCORE] = _zp_text_pspec ("published-score");
  properties[PROP_NOT_APPLICABLE] =
    g_param_spec_boolean ("not-applicable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* 佐证材料: files relative to the workbook's folder. */
  properties[PROP_EVIDENCE] =
    g_param_spec_boxed ("evidence", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       ZP_TYPE_DIRECTION, ZP_DIRECTION_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRADE] =
    g_param_spec_enum ("grade", NULL, NULL,
                       ZP_TYPE_GRADE, ZP_GRADE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Computed: "" while unscored, else the score with the scheme's decimals. */
  properties[PROP_SCORE] =
    g_param_spec_string ("score", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       ZP_TYPE_INDICATOR_STATE, ZP_INDICATOR_STATE_UNSCORED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL,
                        ZP_TYPE_INDICATOR_FLAGS, ZP_INDICATOR_FLAG_NONE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZpIndicator::changed:
   *
   * Emitted after any input changed (not after a rescore).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
zp_indicator_init (ZpIndicator *self)
{
  for (guint prop_id = PROP_CATEGORY; prop_id <= LAST_TEXT_INPUT; prop_id++)
    if (!is_extra_text (prop_id))
      *string_field (self, prop_id) = empty_text;

  self->parsed_target.dirty = TRUE;
  self->parsed_actual.dirty = TRUE;
  self->words_dirty = TRUE;
  self->score_text = empty_text;
  self->effective_direction = ZP_DIRECTION_QUALITATIVE;
}

ZpIndicator *
zp_indicator_new (void)
{
  return g_object_new (ZP_TYPE_INDICATOR, NULL);
}

ZpIndicator *
_zp_indicator_new_with_inputs (const char * const  texts[ZP_INDICATOR_N_TEXTS],
                               ZpDirection         direction,
                               ZpGrade             grade)
{
  ZpIndicator *self = zp_indicator_new ();

  G_STATIC_ASSERT (LAST_TEXT_INPUT - PROP_CATEGORY + 1 == ZP_INDICATOR_N_TEXTS);
  g_return_val_if_fail (direction <= ZP_DIRECTION_QUALITATIVE, self);
  g_return_val_if_fail (grade <= ZP_GRADE_MISSED, self);

  /* Fresh from zp_indicator_init(): every text is the shared "", and every cache dirty. */
  for (guint i = 0; i < ZP_INDICATOR_N_TEXTS; i++)
    if (!is_extra_text (PROP_CATEGORY + i) || (texts[i] != NULL && *texts[i] != '\0'))
      *string_field (self, PROP_CATEGORY + i) = text_new (PROP_CATEGORY + i, texts[i]);
  update_weight_value (self);
  self->direction = direction;
  self->grade = grade;
  return self;
}

gboolean
zp_indicator_get_score_range (ZpIndicator *self,
                              ZpScheme    *scheme,
                              ZpGrade      grade,
                              ZpDecimal   *lower,
                              ZpDecimal   *upper,
                              gboolean    *upper_included)
{
  ZpDecimal weight;

  g_return_val_if_fail (ZP_IS_INDICATOR (self), FALSE);
  g_return_val_if_fail (ZP_IS_SCHEME (scheme), FALSE);

  if (!zp_indicator_get_weight_value (self, &weight))
    return FALSE;
  *upper_included = grade == ZP_GRADE_NONE || grade == ZP_GRADE_ACHIEVED;
  if (zp_scheme_get_band_range (scheme, grade, weight, lower, upper))
    return TRUE;
  *lower = ZP_DECIMAL_ZERO;
  *upper = weight;
  return TRUE;
}

ZpIndicator *
zp_indicator_copy (ZpIndicator *self)
{
  ZpIndicator *copy;

  g_return_val_if_fail (ZP_IS_INDICATOR (self), NULL);

  copy = zp_indicator_new ();
  for (guint prop_id = PROP_CATEGORY; prop_id <= LAST_TEXT_INPUT; prop_id++)
    {
      const char *text = get_text (self, prop_id);
      char **field;

      if (is_extra_text (prop_id) && *text == '\0')
        continue;
      field = string_field (copy, prop_id);
      text_free (prop_id, *field);
      *field = text_new (prop_id, text);
    }
  update_weight_value (copy);
  copy->direction = self->direction;
  copy->grade = self->grade;
  copy->not_applicable = self->not_applicable;
  g_strfreev (copy->evidence);
  copy->evidence = g_strdupv (self->evidence);

  return copy;
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                        \
  const char *                                                      \
  zp_indicator_get_##field (ZpIndicator *self)                      \
  {                                                                 \
    g_return_val_if_fail (ZP_IS_INDICATOR (self), NULL);            \
    return self->field;                                             \
  }                                                                 \
                                                                    \
  void                                                              \
  zp_indicator_set_##field (ZpIndicator *self,                      \
                            const char  *value)                     \
  {                                                                 \
    g_return_if_fail (ZP_IS_INDICATOR (self));                      \
    set_string (self, PROP, value);                                 \
  }

DEFINE_STRING_ACCESSORS (category, PROP_CATEGORY)
DEFINE_STRING_ACCESSORS (subcategory, PROP_SUBCATEGORY)
DEFINE_STRING_ACCESSORS (name, PROP_NAME)
DEFINE_STRING_ACCESSORS (target, PROP_TARGET)
DEFINE_STRING_ACCESSORS (actual, PROP_ACTUAL)
DEFINE_STRING_ACCESSORS (weight, PROP_WEIGHT)
DEFINE_STRING_ACCESSORS (manual_score, PROP_MANUAL_SCORE)
DEFINE_STRING_ACCESSORS (manual_reason, PROP_MANUAL_REASON)
DEFINE_STRING_ACCESSORS (deviation_note, PROP_DEVIATION_NOTE)
#undef DEFINE_STRING_ACCESSORS

#define DEFINE_EXTRA_ACCESSORS(field, PROP)                         \
  const char *                                                      \
  zp_indicator_get_##field (ZpIndicator *self)                      \
  {                                                                 \
    g_return_val_if_fail (ZP_IS_INDICATOR (self), NULL);            \
    return get_text (self, PROP);                                   \
  }                                                                 \
                                                                    \
  void                                                              \
  zp_indicator_set_##field (ZpIndicator *self,                      \
                            const char  *value)                     \
  {                                                                 \
    g_return_if_fail (ZP_IS_INDICATOR (self));                      \
    set_string (self, PROP, value);                                 \
  }

DEFINE_EXTRA_ACCESSORS (calc_symbol, PROP_CALC_SYMBOL)
DEFINE_EXTRA_ACCESSORS (measure_unit, PROP_MEASURE_UNIT)
DEFINE_EXTRA_ACCESSORS (published_score, PROP_PUBLISHED_SCORE)

#undef DEFINE_EXTRA_ACCESSORS


ZpDirection
zp_indicator_get_direction (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), ZP_DIRECTION_AUTO);
  return self->direction;
}

void
zp_indicator_set_direction (ZpIndicator *self,
                            ZpDirection  direction)
{
  g_return_if_fail (ZP_IS_INDICATOR (self));
  g_return_if_fail (direction <= ZP_DIRECTION_QUALITATIVE);

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
  emit_changed (self);
}

ZpGrade
zp_indicator_get_grade (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), ZP_GRADE_NONE);
  return self->grade;
}

void
zp_indicator_set_grade (ZpIndicator *self,
                        ZpGrade      grade)
{
  g_return_if_fail (ZP_IS_INDICATOR (self));
  g_return_if_fail (grade <= ZP_GRADE_MISSED);

  if (self->grade == grade)
    return;

  self->grade = grade;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRADE]);
  emit_changed (self);
}

void
_zp_indicator_set_scale (ZpIndicator *self,
                         ZpDecimal    scale)
{
  g_return_if_fail (ZP_IS_INDICATOR (self));
  if (scale.raw == 0 && self->extras == NULL)
    return;
  ensure_extras (self)->scale = scale;
}

ZpDecimal
zp_indicator_get_full_mark (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), ZP_DECIMAL_ZERO);

  if (self->extras != NULL && self->extras->scale.raw != 0)
    return zp_decimal_mul (self->weight_value, self->extras->scale);
  return self->weight_value;
}

gboolean
zp_indicator_get_not_applicable (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), FALSE);
  return self->not_applicable;
}

void
zp_indicator_set_not_applicable (ZpIndicator *self,
                                 gboolean     not_applicable)
{
  g_return_if_fail (ZP_IS_INDICATOR (self));

  not_applicable = !!not_applicable;
  if (self->not_applicable == not_applicable)
    return;

  self->not_applicable = not_applicable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOT_APPLICABLE]);
  emit_changed (self);
}

static const char * const no_evidence[] = { NULL };

const char * const *
zp_indicator_get_evidence (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), NULL);
  return self->evidence != NULL ? (const char * const *) self->evidence : no_evidence;
}

void
zp_indicator_set_evidence (ZpIndicator        *self,
                           const char * const *paths)
{
  g_return_if_fail (ZP_IS_INDICATOR (self));

  if (paths == NULL)
    paths = no_evidence;
  if (g_strv_equal (zp_indicator_get_evidence (self), paths))
    return;
  g_strfreev (self->evidence);
  /* Most indicators have none: no allocation for them. */
  self->evidence = paths[0] != NULL ? g_strdupv ((char **) paths) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
  emit_changed (self);
}

gboolean
zp_indicator_get_weight_value (ZpIndicator *self,
                               ZpDecimal   *out)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), FALSE);

  if (out != NULL)
    *out = self->weight_value;
  return self->weight_valid;
}

static gboolean
parse_manual_score (ZpIndicator *self,
                    ZpDecimal   *out)
{
  gboolean is_percent = FALSE;

  return self->manual_score[0] != '\0'
         && zp_decimal_parse (self->manual_score, out, &is_percent)
         && !is_percent;
}

gboolean
zp_indicator_has_override (ZpIndicator *self)
{
  ZpDecimal value;

  g_return_val_if_fail (ZP_IS_INDICATOR (self), FALSE);
  return parse_manual_score (self, &value);
}

/* Scoring ******************************************************************************/

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

/* What the actual text says by its words, read again only after an edit. */
static void
update_words (ZpIndicator *self)
{
  if (!self->words_dirty)
    return;

  self->actual_blank = is_blank (self->actual);
  self->actual_restates = !self->actual_blank && zp_text_restates (self->actual, self->target);
  self->actual_achieved = !self->actual_blank && zp_text_says_achieved (self->actual);
  self->words_dirty = FALSE;
}

static gboolean
is_cost_indicator (ZpIndicator *self)
{
  return strstr (self->category, "成本") != NULL
         || strstr (self->subcategory, "成本") != NULL;
}

gboolean
zp_calc_symbol_to_direction (const char  *symbol,
                             ZpDirection *out)
{
  static const struct { const char *symbol; ZpDirection direction; } symbols[] = {
    { "≥", ZP_DIRECTION_POSITIVE }, { ">=", ZP_DIRECTION_POSITIVE }, { ">", ZP_DIRECTION_POSITIVE },
    { "＞", ZP_DIRECTION_POSITIVE }, { "≧", ZP_DIRECTION_POSITIVE }, { "正向", ZP_DIRECTION_POSITIVE },
    { "≤", ZP_DIRECTION_REVERSE }, { "<=", ZP_DIRECTION_REVERSE }, { "<", ZP_DIRECTION_REVERSE },
    { "＜", ZP_DIRECTION_REVERSE }, { "≦", ZP_DIRECTION_REVERSE }, { "反向", ZP_DIRECTION_REVERSE },
    { "=", ZP_DIRECTION_EQUAL }, { "＝", ZP_DIRECTION_EQUAL }, { "﹦", ZP_DIRECTION_EQUAL },
    { "定性", ZP_DIRECTION_QUALITATIVE },
  };
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  if (symbol == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (symbol));
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      if (g_str_equal (stripped, symbols[i].symbol))
        {
          *out = symbols[i].direction;
          return TRUE;
        }
    }
  return FALSE;
}

static const SpecialTarget *
get_special (ZpIndicator *self)
{
  return self->extras != NULL ? self->extras->special : NULL;
}

/* Reads the target as a deadline or a range, once per edit of the target. */
static void
update_special (ZpIndicator *self)
{
  SpecialTarget special = { 0 };

  if (self->extras != NULL)
    g_clear_pointer (&self->extras->special, g_free);
  if (zp_target_parse_deadline (self->target, &special.deadline))
    special.kind = SPECIAL_DEADLINE;
  else if (zp_target_parse_range (self->target, &special.low, &special.high, &special.percent))
    special.kind = SPECIAL_RANGE;
  else
    return;
  ensure_extras (self)->special = g_memdup2 (&special, sizeof special);
}

static ZpDirection
derive_direction (ZpIndicator *self)
{
  const ZpQuantity *target = &self->parsed_target.quantity;
  ZpDirection from_symbol;

  if (self->direction != ZP_DIRECTION_AUTO)
    return self->direction;
  /* A deadline or a range is met or not: scored by its own rule, as a positive one. */
  if (get_special (self) != NULL)
    return ZP_DIRECTION_POSITIVE;
  /* A 计算符号 column says the direction (the 四川 layout, the 一体化 template). */
  if (self->extras != NULL && self->extras->calc_symbol[0] != '\0'
      && zp_calc_symbol_to_direction (self->extras->calc_symbol, &from_symbol))
    return from_symbol;
  if (!self->parsed_target.valid)
    return ZP_DIRECTION_QUALITATIVE;

  switch (target->comparator)
    {
    case ZP_COMPARATOR_GE:
    case ZP_COMPARATOR_GT:
      return ZP_DIRECTION_POSITIVE;
    case ZP_COMPARATOR_LE:
    case ZP_COMPARATOR_LT:
      return ZP_DIRECTION_REVERSE;
    case ZP_COMPARATOR_EQ:
      return ZP_DIRECTION_EQUAL;
    case ZP_COMPARATOR_NONE:
    default:
      break;
    }

  /* A bare 0 counts incidents (full only if none happened); under 成本指标 a bare
   * number is a ceiling. */
  if (zp_decimal_is_zero (target->value) || target->zero_start)
    return ZP_DIRECTION_REVERSE;
  if (is_cost_indicator (self))
    return ZP_DIRECTION_REVERSE;
  return ZP_DIRECTION_POSITIVE;
}

static ZpIndicatorState
state_from_score (ZpDecimal score,
                  ZpDecimal full)
{
  if (zp_decimal_cmp (score, full) == 0)
    return ZP_INDICATOR_STATE_MET;
  if (zp_decimal_is_zero (score))
    return ZP_INDICATOR_STATE_MISSED;
  return ZP_INDICATOR_STATE_PARTIAL;
}

static void
outcome_set (Outcome *outcome,
             ZpDecimal score,
             ZpRule    rule)
{
  outcome->score = score;
  outcome->rule = rule;
  outcome->state = ZP_INDICATOR_STATE_MET;  /* settled by the caller from the score */
}

static void
outcome_unscored (Outcome *outcome)
{
  outcome->score = ZP_DECIMAL_ZERO;
  outcome->rule = ZP_RULE_NONE;
  outcome->state = ZP_INDICATOR_STATE_UNSCORED;
}

static void
score_qualitative (ZpIndicator *self,
                   ZpDecimal    weight,
                   Outcome     *outcome)
{
  switch (self->grade)
    {
    case ZP_GRADE_ACHIEVED:
      outcome_set (outcome, weight, ZP_RULE_QUALITATIVE);
      return;
    case ZP_GRADE_PARTIAL:
    case ZP_GRADE_MISSED:
      /* Without a typed score inside the band: 0, and the checker reports the band. */
      outcome->score = ZP_DECIMAL_ZERO;
      outcome->rule = ZP_RULE_QUALITATIVE;
      outcome->state = self->grade == ZP_GRADE_PARTIAL ? ZP_INDICATOR_STATE_PARTIAL
                                                       : ZP_INDICATOR_STATE_MISSED;
      outcome->state_from_grade = TRUE;
      return;
    case ZP_GRADE_NONE:
    default:
      break;
    }

  if (self->actual_blank)
    outcome_unscored (outcome);
  else if (self->actual_restates || self->actual_achieved)
    outcome_set (outcome, weight, ZP_RULE_RESTATED);
  else
    outcome_unscored (outcome);  /* needs a grade */
}

static ZpDecimal
power_of_ten (guint exponent)
{
  gint64 value = 1;

  while (exponent-- > 0)
    value *= 10;
  return zp_decimal_from_int (value);
}

/* The actual value in the target's terms: a bare number under a percent target is a
 * percent, and a number with no magnitude word is in the target's magnitude (万, 亿). */
static ZpDecimal
actual_in_target_terms (const ZpQuantity *actual,
                        const ZpQuantity *target)
{
  if (actual->magnitude == 0 && target->magnitude > 0 && target->magnitude <= 12)
    return zp_decimal_mul (actual->value, power_of_ten (target->magnitude));
  return actual->value;
}

/* A number as measured: no comparator of its own. */
static gboolean
is_bare_number (const ParsedText *parsed)
{
  return parsed->valid && parsed->quantity.comparator == ZP_COMPARATOR_NONE;
}

static gboolean
restates_by_value (const ZpQuantity *actual,
                   const ZpQuantity *target,
                   ZpDecimal         b)
{
  return actual->comparator != ZP_COMPARATOR_NONE
         && actual->comparator == target->comparator
         && actual->percent == target->percent
         && zp_decimal_equal (b, target->value);
}

static void
score_positive (ZpDecimal  weight,
                ZpDecimal  a,
                ZpDecimal  b,
                ZpScheme  *scheme,
                Outcome   *outcome)
{
  if (zp_decimal_cmp (b, a) >= 0)
    {
      ZpDecimal over = zp_decimal_mul (zp_scheme_get_over_achievement (scheme), a);

      outcome_set (outcome, weight, ZP_RULE_MET);
      if (zp_decimal_sign (a) > 0 && zp_decimal_cmp (b, over) >= 0)
        outcome->flags |= ZP_INDICATOR_FLAG_OVER_ACHIEVED;
    }
  else if (zp_decimal_sign (b) <= 0)
    outcome_set (outcome, ZP_DECIMAL_ZERO, ZP_RULE_POSITIVE_RATIO);
  else
    outcome_set (outcome, zp_decimal_mul_div_round (weight, b, a, zp_scheme_get_decimals (scheme)),
                 ZP_RULE_POSITIVE_RATIO);
}

static void
score_zero_target (ZpDecimal  weight,
                   ZpDecimal  b,
                   Outcome   *outcome)
{
  outcome_set (outcome, zp_decimal_is_zero (b) ? weight : ZP_DECIMAL_ZERO,
               ZP_RULE_ZERO_TARGET);
}

static void
score_reverse (ZpDecimal  weight,
               ZpDecimal  a,
               ZpDecimal  b,
               ZpScheme  *scheme,
               Outcome   *outcome)
{
  if (zp_decimal_is_zero (a))
    score_zero_target (weight, b, outcome);
  else if (zp_decimal_cmp (b, a) <= 0)
    outcome_set (outcome, weight, ZP_RULE_MET);
  else if (zp_decimal_sign (a) < 0 || zp_decimal_sign (b) <= 0)
    outcome_set (outcome, ZP_DECIMAL_ZERO, ZP_RULE_REVERSE_RATIO);  /* nothing sensible */
  else if (zp_scheme_get_reverse_formula (scheme) == ZP_REVERSE_FORMULA_LINEAR)
    {
      /* weight × (1 − (B − A)/A) = weight × (2A − B)/A; clamped to 0 from B ≥ 2A */
      ZpDecimal room = zp_decimal_sub (zp_decimal_add (a, a), b);

      outcome_set (outcome, zp_decimal_mul_div_round (weight, room, a, zp_scheme_get_decimals (scheme)),
                   ZP_RULE_REVERSE_LINEAR);
    }
  else
    outcome_set (outcome, zp_decimal_mul_div_round (weight, a, b, zp_scheme_get_decimals (scheme)),
                 ZP_RULE_REVERSE_RATIO);
}

static void
score_deadline (ZpIndicator *self,
                ZpDecimal    weight,
                Outcome     *outcome)
{
  ZpDate date;

  if (self->actual_blank)
    outcome_unscored (outcome);
  else if (self->actual_achieved || self->actual_restates)
    {
      outcome_set (outcome, weight, ZP_RULE_RESTATED);
      outcome->flags |= self->actual_achieved ? ZP_INDICATOR_FLAG_ACHIEVED_WORD
                                              : ZP_INDICATOR_FLAG_RESTATES_TARGET;
    }
  else if (zp_text_find_date (self->actual, &date))
    outcome_set (outcome, zp_date_meets_deadline (&date, &get_special (self)->deadline) ? weight
                                                                                   : ZP_DECIMAL_ZERO,
                 ZP_RULE_DEADLINE);
  else
    {
      outcome_unscored (outcome);
      outcome->flags |= ZP_INDICATOR_FLAG_NOT_A_NUMBER;
    }
}

static void
score_range (ZpIndicator *self,
             ZpDecimal    weight,
             ZpScheme    *scheme,
             Outcome     *outcome)
{
  const SpecialTarget *range = get_special (self);
  guint decimals = zp_scheme_get_decimals (scheme);
  ZpDecimal b;

  if (self->actual_blank)
    {
      outcome_unscored (outcome);
      return;
    }
  if (!self->parsed_actual.valid)
    {
      if (self->actual_achieved || self->actual_restates)
        {
          outcome_set (outcome, weight, ZP_RULE_RESTATED);
          outcome->flags |= self->actual_achieved ? ZP_INDICATOR_FLAG_ACHIEVED_WORD
                                                  : ZP_INDICATOR_FLAG_RESTATES_TARGET;
          return;
        }
      outcome_unscored (outcome);
      outcome->flags |= ZP_INDICATOR_FLAG_NOT_A_NUMBER;
      return;
    }

  b = self->parsed_actual.quantity.value;
  /* ±10%: the size of the deviation counts, whichever its sign. */
  if (zp_decimal_sign (range->low) < 0 && zp_decimal_sign (b) < 0)
    b = zp_decimal_sub (ZP_DECIMAL_ZERO, b);
  if (zp_decimal_cmp (b, range->low) >= 0 && zp_decimal_cmp (b, range->high) <= 0)
    outcome_set (outcome, weight, ZP_RULE_RANGE);
  else if (zp_decimal_cmp (b, range->low) < 0)
    outcome_set (outcome, zp_decimal_sign (range->low) > 0 && zp_decimal_sign (b) > 0
                          ? zp_decimal_mul_div_round (weight, b, range->low, decimals)
                          : ZP_DECIMAL_ZERO,
                 ZP_RULE_RANGE);
  else
    outcome_set (outcome, zp_decimal_sign (range->high) > 0
                          ? zp_decimal_mul_div_round (weight, range->high, b, decimals)
                          : ZP_DECIMAL_ZERO,
                 ZP_RULE_RANGE);
}

static void
score_quantitative (ZpIndicator *self,
                    ZpDirection  direction,
                    ZpDecimal    weight,
                    ZpScheme    *scheme,
                    Outcome     *outcome)
{
  const ZpQuantity *target = &self->parsed_target.quantity;
  const ZpQuantity *actual = &self->parsed_actual.quantity;
  ZpDecimal a;
  ZpDecimal b;

  if (self->actual_blank)
    {
      outcome_unscored (outcome);
      return;
    }
  /* The target's wording repeated ("≥90%" for "≥90%") restates it; a bare number equal to
   * a bare target ("100%" for "100%", "0" for "0") is a measured value, scored by value
   * like any other, as the checker reads it. */
  if (self->actual_restates && !is_bare_number (&self->parsed_actual))
    {
      outcome_set (outcome, weight, ZP_RULE_RESTATED);
      outcome->flags |= ZP_INDICATOR_FLAG_RESTATES_TARGET;
      return;
    }
  if (self->actual_achieved)
    {
      outcome_set (outcome, weight, ZP_RULE_RESTATED);
      outcome->flags |= ZP_INDICATOR_FLAG_ACHIEVED_WORD;
      return;
    }
  if (!self->parsed_actual.valid)
    {
      outcome_unscored (outcome);
      outcome->flags |= ZP_INDICATOR_FLAG_NOT_A_NUMBER;
      return;
    }
  if (!self->parsed_target.valid)
    {
      /* Direction set by hand on a target with no number: nothing to compare with. */
      outcome_unscored (outcome);
      return;
    }

  a = target->value;
  b = actual_in_target_terms (actual, target);

  if (restates_by_value (actual, target, b))
    {
      outcome_set (outcome, weight, ZP_RULE_RESTATED);
      outcome->flags |= ZP_INDICATOR_FLAG_RESTATES_TARGET;
      return;
    }

  switch (direction)
    {
    case ZP_DIRECTION_REVERSE:
      score_reverse (weight, a, b, scheme, outcome);
      break;
    case ZP_DIRECTION_EQUAL:
      if (zp_decimal_is_zero (a))
        score_zero_target (weight, b, outcome);
      else
        score_positive (weight, a, b, scheme, outcome);
      break;
    case ZP_DIRECTION_POSITIVE:
    default:
      score_positive (weight, a, b, scheme, outcome);
      break;
    }
}

/* Rounds the score once, keeps it within [0, weight] and settles the state. */
static void
settle (Outcome   *outcome,
        ZpDecimal  weight,
        guint      decimals,
        gboolean   clamp)
{
  ZpDecimal full = zp_decimal_round (zp_decimal_max (weight, ZP_DECIMAL_ZERO), decimals);

  if (outcome->state == ZP_INDICATOR_STATE_UNSCORED)
    return;

  if (clamp)
    outcome->score = zp_decimal_min (zp_decimal_max (outcome->score, ZP_DECIMAL_ZERO),
                                     zp_decimal_max (weight, ZP_DECIMAL_ZERO));
  outcome->score = zp_decimal_round (outcome->score, decimals);

  if (!outcome->state_from_grade)
    outcome->state = state_from_score (outcome->score, full);
}

static gboolean
score_manual (ZpIndicator *self,
              ZpDirection  direction,
              Outcome     *outcome)
{
  ZpDecimal value;

  if (!parse_manual_score (self, &value))
    return FALSE;

  if (direction == ZP_DIRECTION_QUALITATIVE
      && (self->grade == ZP_GRADE_PARTIAL || self->grade == ZP_GRADE_MISSED))
    {
      /* The graded score of a partial or missed grade is typed by hand. */
      outcome_set (outcome, value, ZP_RULE_QUALITATIVE);
    }
  else
    {
      outcome_set (outcome, value, ZP_RULE_MANUAL);
      outcome->flags |= ZP_INDICATOR_FLAG_OVERRIDDEN;
    }
  return TRUE;
}

static void
compute (ZpIndicator *self,
         ZpScheme    *scheme,
         ZpDirection  direction,
         Outcome     *outcome)
{
  guint decimals = zp_scheme_get_decimals (scheme);
  ZpDecimal weight = zp_indicator_get_full_mark (self);

  *outcome = (Outcome) { ZP_DECIMAL_ZERO, ZP_INDICATOR_STATE_UNSCORED,
                         ZP_INDICATOR_FLAG_NONE, ZP_RULE_NONE, FALSE };

  if (self->not_applicable)
    {
      outcome->state = ZP_INDICATOR_STATE_NOT_APPLICABLE;
      return;
    }
  if (!self->weight_valid)
    return;

  if (score_manual (self, direction, outcome))
    {
      /* Not clamped: the checker reports a score out of range. */
      settle (outcome, weight, decimals, FALSE);
    }
  else
    {
      if (direction == ZP_DIRECTION_QUALITATIVE)
        score_qualitative (self, weight, outcome);
      else if (get_special (self) != NULL && self->direction == ZP_DIRECTION_AUTO)
        {
          if (get_special (self)->kind == SPECIAL_DEADLINE)
            score_deadline (self, weight, outcome);
          else
            score_range (self, weight, scheme, outcome);
        }
      else
        score_quantitative (self, direction, weight, scheme, outcome);
      settle (outcome, weight, decimals, TRUE);
    }

  if ((outcome->state == ZP_INDICATOR_STATE_PARTIAL
       || outcome->state == ZP_INDICATOR_STATE_MISSED)
      && is_blank (self->deviation_note))
    outcome->flags |= ZP_INDICATOR_FLAG_NEEDS_NOTE;
}

static void
apply_outcome (ZpIndicator   *self,
               const Outcome *outcome,
               guint          decimals)
{
  gboolean was_scored = self->state != ZP_INDICATOR_STATE_UNSCORED
                        && self->state != ZP_INDICATOR_STATE_NOT_APPLICABLE;
  gboolean is_scored = outcome->state != ZP_INDICATOR_STATE_UNSCORED
                       && outcome->state != ZP_INDICATOR_STATE_NOT_APPLICABLE;
  gboolean score_changed = !zp_decimal_equal (self->score, outcome->score)
                           || self->score_text_decimals != decimals
                           || was_scored != is_scored;
  gboolean state_changed = self->state != outcome->state;
  gboolean flags_changed = self->flags != outcome->flags;

  self->score = outcome->score;
  self->state = outcome->state;
  self->flags = outcome->flags;
  self->rule = outcome->rule;

  /* The text is made when asked for: a load scores every indicator, and few are shown.
   * Scores are rounded to the decimals, so a changed score is a changed text. */
  if (score_changed)
    {
      score_text_replace (self, NULL);
      self->score_text_decimals = decimals;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
    }
  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (flags_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
}

void
zp_indicator_rescore (ZpIndicator *self,
                      ZpScheme    *scheme)
{
  Outcome outcome;

  g_return_if_fail (ZP_IS_INDICATOR (self));
  g_return_if_fail (ZP_IS_SCHEME (scheme));

  if (self->parsed_target.dirty)
    update_special (self);
  parsed_text_update (&self->parsed_target, self->target);
  parsed_text_update (&self->parsed_actual, self->actual);
  update_words (self);

  self->effective_direction = derive_direction (self);
  compute (self, scheme, self->effective_direction, &outcome);
  apply_outcome (self, &outcome, zp_scheme_get_decimals (scheme));
}

ZpDecimal
zp_indicator_get_score (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), ZP_DECIMAL_ZERO);
  return self->score;
}

const char *
zp_indicator_get_score_text (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), "");

  if (self->score_text == NULL)
    self->score_text = self->state == ZP_INDICATOR_STATE_UNSCORED
                       || self->state == ZP_INDICATOR_STATE_NOT_APPLICABLE
                       ? empty_text
                       : zp_decimal_format (self->score, self->score_text_decimals);
  return self->score_text;
}

ZpIndicatorState
zp_indicator_get_state (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), ZP_INDICATOR_STATE_UNSCORED);
  return self->state;
}

ZpIndicatorFlags
zp_indicator_get_flags (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), ZP_INDICATOR_FLAG_NONE);
  return self->flags;
}

ZpRule
zp_indicator_get_rule (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), ZP_RULE_NONE);
  return self->rule;
}

ZpDirection
zp_indicator_get_effective_direction (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), ZP_DIRECTION_AUTO);
  return self->effective_direction;
}

const ZpQuantity *
zp_indicator_get_parsed_target (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), NULL);

  parsed_text_update (&self->parsed_target, self->target);
  return self->parsed_target.valid ? &self->parsed_target.quantity : NULL;
}

const ZpQuantity *
zp_indicator_get_parsed_actual (ZpIndicator *self)
{
  g_return_val_if_fail (ZP_IS_INDICATOR (self), NULL);

  parsed_text_update (&self->parsed_actual, self->actual);
  return self->parsed_actual.valid ? &self->parsed_actual.quantity : NULL;
}

/* Names *********************************************************************************/

static const char * const direction_ids[] = {
  "auto", "positive", "reverse", "equal", "qualitative",
};

/* Accepted in files and on the command line besides the ids. */
static const char * const direction_words[] = {
  "自动", "正向", "反向", "等于", "定性",
};

const char *
zp_direction_to_string (ZpDirection direction)
{
  g_return_val_if_fail (direction < G_N_ELEMENTS (direction_ids), NULL);
  return direction_ids[direction];
}

gboolean
zp_direction_from_string (const char  *text,
                          ZpDirection *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (direction_ids); i++)
    {
      if (g_ascii_strcasecmp (text, direction_ids[i]) == 0
          || strcmp (text, direction_words[i]) == 0)
        {
          *out = (ZpDirection) i;
          return TRUE;
        }
    }
  return FALSE;
}

static const char * const grade_labels[] = { "", "达成", "部分达成", "未达成" };
static const char * const grade_ids[] = { "none", "achieved", "partial", "missed" };

const char *
zp_grade_to_string (ZpGrade grade)
{
  g_return_val_if_fail (grade < G_N_ELEMENTS (grade_labels), NULL);
  return grade_labels[grade];
}

gboolean
zp_grade_from_string (const char *text,
                      ZpGrade    *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (grade_labels); i++)
    {
      if (strcmp (text, grade_labels[i]) == 0
          || g_ascii_strcasecmp (text, grade_ids[i]) == 0)
        {
          *out = (ZpGrade) i;
          return TRUE;
        }
    }
  return FALSE;
}

static const char * const rule_ids[] = {
  "none", "manual", "met", "positive-ratio", "reverse-ratio", "reverse-linear",
  "zero-target", "qualitative", "restated", "deadline", "range",
};

const char *
zp_rule_to_string (ZpRule rule)
{
  g_return_val_if_fail (rule < G_N_ELEMENTS (rule_ids), NULL);
  return rule_ids[rule];
}

const char *
zp_rule_describe (ZpRule rule)
{
  switch (rule)
    {
    case ZP_RULE_NONE:           return _("Not scored");
    case ZP_RULE_MANUAL:         return _("Score set by hand");
    case ZP_RULE_MET:            return _("Target met: full marks");
    case ZP_RULE_POSITIVE_RATIO: return _("Weight × actual ÷ target");
    case ZP_RULE_REVERSE_RATIO:  return _("Weight × target ÷ actual");
    case ZP_RULE_REVERSE_LINEAR: return _("Weight × (1 − (actual − target) ÷ target)");
    case ZP_RULE_ZERO_TARGET:    return _("Target 0: full marks only if the actual is 0");
    case ZP_RULE_QUALITATIVE:    return _("Graded by hand");
    case ZP_RULE_RESTATED:       return _("The actual value says the target was met");
    case ZP_RULE_DEADLINE:       return _("A deadline: full marks when met by the date of the actual value, else 0");
    case ZP_RULE_RANGE:          return _("A range: full marks inside it, else in proportion to the nearer bound");
    default:                     g_return_val_if_reached (NULL);
    }
}
