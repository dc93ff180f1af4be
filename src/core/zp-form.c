/* zp-form.c — what every self-evaluation form has, and its scoring (spec §3).
 *
 * Every edit below the form (goal, indicator) arrives as one goal ::changed; the form
 * rescores itself, never another form, and then emits ::changed. While frozen it only
 * remembers that something happened, so that bulk loading stays linear.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ziping-core.h"
#include "zp-form-private.h"
#include "zp-core-private.h"
#include "zp-indicator-private.h"

typedef struct
{
  ZpScheme   *scheme;
  ZpAmountUnit amount_unit;

  char       *initial_budget;
  char       *budget;
  char       *spent;
  char       *analysis;
  char       *improvement;
  char       *published_rate;
  char       *published_execution_score;
  char       *published_total;
  char       *last_year_budget;
  char       *last_year_spent;
  GListStore *goals;
  /* The form's own points per category (name → points as typed), in the order set. */
  GPtrArray  *category_names;
  GPtrArray  *category_points;
  GHashTable *explanations;
  GStrv       evidence;      /* 佐证材料 of the whole form; NULL: none */

  guint       freeze_count;
  gboolean    pending_rescore;
  gboolean    pending_changed;
  /* Counts changes of what the form saves, frozen or not: the writer's cache of the
   * form's text is good while this is unchanged. */
  guint       edit_serial;

  /* Computed by zp_form_rescore() */
  gboolean    has_rate;
  ZpDecimal   rate;
  ZpDecimal   execution_score;
  ZpDecimal   indicator_score;
  ZpDecimal   indicator_weights;  /* Σ the indicators' weights, summed while rescoring */
  gboolean    weights_fresh;      /* indicator_weights counts the current inputs */
  char       *rate_text;
  char       *execution_score_text;
  char       *total_text;
  char       *indicator_score_text;
  char       *total_display_text;
  guint       n_unscored;         /* rows that could not be scored (not 不适用 ones) */
  gboolean    scaled;             /* some rows carry a not-applicable rescaling */
} ZpFormPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ZpForm, zp_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHEME,
  PROP_INITIAL_BUDGET,
  PROP_BUDGET,
  PROP_SPENT,
  PROP_ANALYSIS,
  PROP_IMPROVEMENT,
  PROP_PUBLISHED_RATE,
  PROP_PUBLISHED_EXECUTION_SCORE,
  PROP_PUBLISHED_TOTAL,
  PROP_LAST_YEAR_BUDGET,
  PROP_LAST_YEAR_SPENT,
  PROP_EXECUTION_RATE_TEXT,
  PROP_EXECUTION_SCORE_TEXT,
  PROP_TOTAL_TEXT,
  PROP_INDICATOR_SCORE_TEXT,
  PROP_TOTAL_DISPLAY_TEXT,
  PROP_N_UNSCORED,
  PROP_CATEGORY_POINTS,
  PROP_EVIDENCE,
  PROP_AMOUNT_UNIT,
  N_PROPS
};

/* The text inputs run from PROP_INITIAL_BUDGET to LAST_TEXT_INPUT. */
#define LAST_TEXT_INPUT PROP_LAST_YEAR_SPENT

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  RESCORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char **
string_field (ZpForm *self,
              guint   prop_id)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_INITIAL_BUDGET:       return &priv->initial_budget;
    case PROP_BUDGET:               return &priv->budget;
    case PROP_SPENT:                return &priv->spent;
    case PROP_ANALYSIS:             return &priv->analysis;
    case PROP_IMPROVEMENT:          return &priv->improvement;
    case PROP_PUBLISHED_RATE:       return &priv->published_rate;
    case PROP_PUBLISHED_EXECUTION_SCORE: return &priv->published_execution_score;
    case PROP_PUBLISHED_TOTAL:      return &priv->published_total;
    case PROP_LAST_YEAR_BUDGET:     return &priv->last_year_budget;
    case PROP_LAST_YEAR_SPENT:      return &priv->last_year_spent;
    case PROP_EXECUTION_RATE_TEXT:  return &priv->rate_text;
    case PROP_EXECUTION_SCORE_TEXT: return &priv->execution_score_text;
    case PROP_TOTAL_TEXT:           return &priv->total_text;
    case PROP_INDICATOR_SCORE_TEXT: return &priv->indicator_score_text;
    case PROP_TOTAL_DISPLAY_TEXT:   return &priv->total_display_text;
    default:                        g_assert_not_reached ();
    }
}

void
_zp_form_input_changed (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  priv->edit_serial++;
  priv->weights_fresh = FALSE;
  if (priv->freeze_count > 0)
    {
      priv->pending_changed = TRUE;
      return;
    }

  zp_form_rescore (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
_zp_form_get_edit_serial (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  return priv->edit_serial;
}

static void
set_string (ZpForm     *self,
            guint       prop_id,
            const char *value)
{
  char **field = string_field (self, prop_id);

  if (!_zp_replace_text (field, value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _zp_form_input_changed (self);
}

/* Replaces a computed text, notifying only when it differs. Takes `text`. */
static void
update_text (ZpForm *self,
             guint   prop_id,
             char   *text)
{
  char **field = string_field (self, prop_id);

  if (g_strcmp0 (*field, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (*field);
  *field = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
unwatch_goal (ZpForm *self,
              ZpGoal *goal)
{
  g_signal_handlers_disconnect_by_func (goal, _zp_form_input_changed, self);
}

static void
zp_form_dispose (GObject *object)
{
  ZpForm *self = ZP_FORM (object);
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  if (priv->goals != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->goals));

      for (guint i = 0; i < n; i++)
        unwatch_goal (self, zp_form_get_goal (self, i));
      g_clear_object (&priv->goals);
    }
  g_clear_object (&priv->scheme);

  G_OBJECT_CLASS (zp_form_parent_class)->dispose (object);
}

static void
zp_form_finalize (GObject *object)
{
  ZpForm *self = ZP_FORM (object);
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  for (guint prop_id = PROP_INITIAL_BUDGET; prop_id <= PROP_TOTAL_DISPLAY_TEXT; prop_id++)
    g_clear_pointer (string_field (self, prop_id), g_free);
  g_clear_pointer (&priv->explanations, g_hash_table_unref);
  g_clear_pointer (&priv->category_names, g_ptr_array_unref);
  g_clear_pointer (&priv->category_points, g_ptr_array_unref);
  g_clear_pointer (&priv->evidence, g_strfreev);

  G_OBJECT_CLASS (zp_form_parent_class)->finalize (object);
}

static void
zp_form_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ZpForm *self = ZP_FORM (object);
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SCHEME:
      g_value_set_object (value, priv->scheme);
      break;
    case PROP_INITIAL_BUDGET ... PROP_TOTAL_DISPLAY_TEXT:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    case PROP_N_UNSCORED:
      g_value_set_uint (value, priv->n_unscored);
      break;
    case PROP_CATEGORY_POINTS:
      g_value_take_boxed (value, zp_form_dup_category_points (self));
      break;
    case PROP_EVIDENCE:
      g_value_set_boxed (value, priv->evidence);
      break;
    case PROP_AMOUNT_UNIT:
      g_value_set_enum (value, priv->amount_unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_form_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ZpForm *self = ZP_FORM (object);

  switch (prop_id)
    {
    case PROP_SCHEME:
      zp_form_set_scheme (self, g_value_get_object (value));
      break;
    case PROP_INITIAL_BUDGET ... LAST_TEXT_INPUT:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_CATEGORY_POINTS:
      zp_form_set_all_category_points (self, g_value_get_boxed (value));
      break;
    case PROP_EVIDENCE:
      zp_form_set_evidence (self, g_value_get_boxed (value));
      break;
    case PROP_AMOUNT_UNIT:
      zp_form_set_amount_unit (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char  *name,
              GParamFlags  access)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              access | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
zp_form_class_init (ZpFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zp_form_dispose;
  object_class->finalize = zp_form_finalize;
  object_class->get_property = zp_form_get_property;
  object_class->set_property = zp_form_set_property;

  properties[PROP_SCHEME] =
    g_param_spec_object ("scheme", NULL, NULL, ZP_TYPE_SCHEME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIAL_BUDGET] = string_pspec ("initial-budget", G_PARAM_READWRITE);
  properties[PROP_BUDGET] = string_pspec ("budget", G_PARAM_READWRITE);
  properties[PROP_SPENT] = string_pspec ("spent", G_PARAM_READWRITE);
  properties[PROP_ANALYSIS] = string_pspec ("analysis", G_PARAM_READWRITE);
  properties[PROP_IMPROVEMENT] = string_pspec ("improvement", G_PARAM_READWRITE);
  properties[PROP_PUBLISHED_RATE] = string_pspec ("published-rate", G_PARAM_READWRITE);
  properties[PROP_PUBLISHED_EXECUTION_SCORE] = string_pspec ("published-execution-score", G_PARAM_READWRITE);
  properties[PROP_PUBLISHED_TOTAL] = string_pspec ("published-total", G_PARAM_READWRITE);
  properties[PROP_LAST_YEAR_BUDGET] = string_pspec ("last-year-budget", G_PARAM_READWRITE);
  properties[PROP_LAST_YEAR_SPENT] = string_pspec ("last-year-spent", G_PARAM_READWRITE);
  properties[PROP_AMOUNT_UNIT] =
    g_param_spec_enum ("amount-unit", NULL, NULL, ZP_TYPE_AMOUNT_UNIT, ZP_AMOUNT_UNIT_WAN_YUAN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY_POINTS] =
    g_param_spec_boxed ("category-points", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVIDENCE] =
    g_param_spec_boxed ("evidence", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXECUTION_RATE_TEXT] = string_pspec ("execution-rate-text", G_PARAM_READABLE);
  properties[PROP_EXECUTION_SCORE_TEXT] = string_pspec ("execution-score-text", G_PARAM_READABLE);
  properties[PROP_TOTAL_TEXT] = string_pspec ("total-text", G_PARAM_READABLE);
  properties[PROP_INDICATOR_SCORE_TEXT] = string_pspec ("indicator-score-text", G_PARAM_READABLE);
  properties[PROP_TOTAL_DISPLAY_TEXT] = string_pspec ("total-display-text", G_PARAM_READABLE);
  properties[PROP_N_UNSCORED] =
    g_param_spec_uint ("n-unscored", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZpForm::changed:
   *
   * Emitted after any input of the form, its goals or indicators changed (once the form
   * has rescored), and after goals or indicators were inserted, removed or moved.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * ZpForm::rescored:
   *
   * Emitted after each rescore, whatever changed.
   */
  signals[RESCORED] =
    g_signal_new ("rescored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
zp_form_init (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  for (guint prop_id = PROP_INITIAL_BUDGET; prop_id <= LAST_TEXT_INPUT; prop_id++)
    *string_field (self, prop_id) = g_strdup ("");
  priv->rate_text = g_strdup ("—");
  priv->execution_score_text = g_strdup ("0.00");
  priv->total_text = g_strdup ("0.00");
  priv->indicator_score_text = g_strdup ("0.00");
  priv->total_display_text = g_strdup ("0.00");

  priv->goals = g_list_store_new (ZP_TYPE_GOAL);
  priv->explanations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  priv->category_names = g_ptr_array_new_with_free_func (g_free);
  priv->category_points = g_ptr_array_new_with_free_func (g_free);
}

char *
zp_form_dup_title (ZpForm *self)
{
  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return ZP_FORM_GET_CLASS (self)->dup_title (self);
}

ZpForm *
zp_form_copy (ZpForm *self)
{
  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return ZP_FORM_GET_CLASS (self)->copy (self);
}

gboolean
zp_form_is_department (ZpForm *self)
{
  g_return_val_if_fail (ZP_IS_FORM (self), FALSE);
  return ZP_IS_DEPARTMENT_FORM (self);
}

ZpScheme *
zp_form_get_scheme (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return priv->scheme;
}

void
zp_form_set_scheme (ZpForm   *self,
                    ZpScheme *scheme)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_if_fail (ZP_IS_FORM (self));
  g_return_if_fail (scheme == NULL || ZP_IS_SCHEME (scheme));

  if (!g_set_object (&priv->scheme, scheme))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
  if (priv->freeze_count > 0)
    priv->pending_rescore = TRUE;
  else
    zp_form_rescore (self);
}

ZpAmountUnit
zp_form_get_amount_unit (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), ZP_AMOUNT_UNIT_WAN_YUAN);
  return priv->amount_unit;
}

void
zp_form_set_amount_unit (ZpForm       *self,
                         ZpAmountUnit  unit)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_if_fail (ZP_IS_FORM (self));
  g_return_if_fail (unit == ZP_AMOUNT_UNIT_WAN_YUAN || unit == ZP_AMOUNT_UNIT_YUAN);

  if (priv->amount_unit == unit)
    return;

  priv->amount_unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_UNIT]);
  /* "150万" reads differently in 元: the execution block is computed again. */
  if (priv->freeze_count > 0)
    priv->pending_rescore = TRUE;
  else
    zp_form_rescore (self);
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                        \
  const char *                                                      \
  zp_form_get_##field (ZpForm *self)                                \
  {                                                                 \
    g_return_val_if_fail (ZP_IS_FORM (self), NULL);                 \
    return *string_field (self, PROP);                              \
  }                                                                 \
                                                                    \
  void                                                              \
  zp_form_set_##field (ZpForm     *self,                            \
                       const char *value)                           \
  {                                                                 \
    g_return_if_fail (ZP_IS_FORM (self));                           \
    set_string (self, PROP, value);                                 \
  }

DEFINE_STRING_ACCESSORS (initial_budget, PROP_INITIAL_BUDGET)
DEFINE_STRING_ACCESSORS (budget, PROP_BUDGET)
DEFINE_STRING_ACCESSORS (spent, PROP_SPENT)
DEFINE_STRING_ACCESSORS (analysis, PROP_ANALYSIS)
DEFINE_STRING_ACCESSORS (improvement, PROP_IMPROVEMENT)
DEFINE_STRING_ACCESSORS (published_rate, PROP_PUBLISHED_RATE)
DEFINE_STRING_ACCESSORS (published_execution_score, PROP_PUBLISHED_EXECUTION_SCORE)
DEFINE_STRING_ACCESSORS (published_total, PROP_PUBLISHED_TOTAL)
DEFINE_STRING_ACCESSORS (last_year_budget, PROP_LAST_YEAR_BUDGET)
DEFINE_STRING_ACCESSORS (last_year_spent, PROP_LAST_YEAR_SPENT)

#undef DEFINE_STRING_ACCESSORS

/* Goals **********************************************************************************/

GListModel *
zp_form_get_goals (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return G_LIST_MODEL (priv->goals);
}

guint
zp_form_get_n_goals (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (priv->goals));
}

ZpGoal *
zp_form_get_goal (ZpForm *self,
                  guint   position)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  ZpGoal *goal;

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);

  /* Borrowed: the store keeps its reference. */
  goal = g_list_model_get_item (G_LIST_MODEL (priv->goals), position);
  if (goal != NULL)
    g_object_unref (goal);
  return goal;
}

void
_zp_form_add_goal (ZpForm *self,
                   guint   position,
                   ZpGoal *goal)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  guint n = zp_form_get_n_goals (self);

  if (position == G_MAXUINT)
    position = n;
  g_return_if_fail (position <= n);

  g_list_store_insert (priv->goals, position, goal);
  g_signal_connect_swapped (goal, "changed", G_CALLBACK (_zp_form_input_changed), self);
  _zp_form_input_changed (self);
}

static void
remove_goal (ZpForm *self,
             guint   position)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  unwatch_goal (self, zp_form_get_goal (self, position));
  g_list_store_remove (priv->goals, position);
  _zp_form_input_changed (self);
}

void
zp_form_insert_goal (ZpForm *self,
                     guint   position,
                     ZpGoal *goal)
{
  g_return_if_fail (ZP_IS_FORM (self));
  g_return_if_fail (ZP_IS_GOAL (goal));

  _zp_form_add_goal (self, position, goal);
}

void
zp_form_remove_goal (ZpForm *self,
                     guint   position)
{
  g_return_if_fail (ZP_IS_FORM (self));
  g_return_if_fail (position < zp_form_get_n_goals (self));
  /* A project form keeps its first goal, the 年度总体目标. */
  g_return_if_fail (!ZP_IS_PROJECT_FORM (self) || zp_form_get_n_goals (self) > 1);

  remove_goal (self, position);
}

guint
zp_form_get_n_indicators (ZpForm *self)
{
  guint n_goals;
  guint n = 0;

  g_return_val_if_fail (ZP_IS_FORM (self), 0);

  n_goals = zp_form_get_n_goals (self);
  for (guint i = 0; i < n_goals; i++)
    n += zp_goal_get_n_indicators (zp_form_get_goal (self, i));
  return n;
}

/* Calls `func` on every indicator of every goal, in print order. */
static void
foreach_indicator (ZpForm *self,
                   void  (*func) (ZpIndicator *indicator, guint goal_index, gpointer data),
                   gpointer data)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  guint n_goals = g_list_model_get_n_items (G_LIST_MODEL (priv->goals));

  for (guint g = 0; g < n_goals; g++)
    {
      ZpGoal *goal = zp_form_get_goal (self, g);
      guint n = zp_goal_get_n_indicators (goal);

      /* Borrowed, by position: the goal reads them from an array. */
      for (guint i = 0; i < n; i++)
        func (zp_goal_get_indicator (goal, i), g, data);
    }
}

/* Scoring *******************************************************************************/

static guint
get_decimals (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  return priv->scheme != NULL ? zp_scheme_get_decimals (priv->scheme) : 2;
}


static void
compute_execution (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  ZpDecimal weight = zp_form_get_execution_weight (self);
  ZpDecimal a;
  ZpDecimal b;
  gboolean has_spent;

  priv->has_rate = FALSE;
  priv->rate = ZP_DECIMAL_ZERO;
  priv->execution_score = ZP_DECIMAL_ZERO;

  if (!zp_amount_parse (priv->budget, priv->amount_unit, &a, NULL) || zp_decimal_sign (a) <= 0)
    return;

  has_spent = zp_amount_parse (priv->spent, priv->amount_unit, &b, NULL);
  if (!has_spent)
    return;

  priv->has_rate = TRUE;
  priv->rate = zp_decimal_div (b, a);

  /* Over-spending never earns more than the weight; the real rate is still shown. */
  if (zp_decimal_sign (b) >= 0)
    priv->execution_score = zp_decimal_mul_div_round (weight, zp_decimal_min (b, a), a,
                                                      get_decimals (self));
}

static void
rescore_one (ZpIndicator *indicator,
             guint        goal_index,
             gpointer     data)
{
  ZpForm *self = data;
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  ZpDecimal weight;

  zp_indicator_rescore (indicator, priv->scheme);
  if (zp_indicator_get_state (indicator) == ZP_INDICATOR_STATE_UNSCORED
      && zp_indicator_get_weight_value (indicator, NULL))
    priv->n_unscored++;
  priv->indicator_score = zp_decimal_add (priv->indicator_score,
                                          zp_indicator_get_score (indicator));
  if (zp_indicator_get_weight_value (indicator, &weight))
    priv->indicator_weights = zp_decimal_add (priv->indicator_weights, weight);
}

/* Not-applicable rows ********************************************************************/

/* A block of rows for rescaling: a goal (department form) or a category (project form). */
typedef struct
{
  ZpDecimal all;     /* Σ weights */
  ZpDecimal kept;    /* Σ weights of the applicable rows */
  gboolean  has_na;
} NaBlock;

static gboolean
has_not_applicable (ZpForm *self)
{
  guint n_goals = zp_form_get_n_goals (self);

  for (guint g = 0; g < n_goals; g++)
    {
      ZpGoal *goal = zp_form_get_goal (self, g);

      for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
        if (zp_indicator_get_not_applicable (zp_goal_get_indicator (goal, i)))
          return TRUE;
    }
  return FALSE;
}

static char *
block_key (ZpForm      *self,
           ZpIndicator *indicator,
           guint        goal)
{
  if (zp_form_is_department (self))
    return g_strdup_printf ("%u", goal);
  return _zp_category_key (zp_indicator_get_category (indicator));
}

/* The points a block must make: the goal's or the category's, else its rows' sum. */
static ZpDecimal
block_points (ZpForm      *self,
              ZpIndicator *first,
              guint        goal,
              ZpDecimal    sum)
{
  ZpDecimal weight;

  if (zp_form_is_department (self))
    return zp_goal_get_weight_value (zp_form_get_goal (self, goal), &weight) ? weight : sum;
  return zp_form_get_category_weight (self, zp_indicator_get_category (first), &weight) ? weight : sum;
}

/* As the 填表说明 of several bureaus prescribe, a not-applicable row is dropped and the
 * other rows of its block are rescaled so that the block still makes its points. */
static void
apply_not_applicable_scales (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  gboolean rescale = priv->scheme != NULL
                     && zp_scheme_get_not_applicable (priv->scheme) == ZP_NOT_APPLICABLE_RESCALE
                     && has_not_applicable (self);
  g_autoptr(GHashTable) blocks = NULL;
  guint n_goals = zp_form_get_n_goals (self);

  if (!rescale && !priv->scaled)
    return;

  blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint pass = 0; pass < 2; pass++)
    for (guint g = 0; g < n_goals; g++)
      {
        ZpGoal *goal = zp_form_get_goal (self, g);

        for (guint i = 0; i < zp_goal_get_n_indicators (goal); i++)
          {
            ZpIndicator *indicator = zp_goal_get_indicator (goal, i);
            g_autofree char *key = NULL;
            NaBlock *block;
            ZpDecimal weight = ZP_DECIMAL_ZERO, points;
            gboolean na = zp_indicator_get_not_applicable (indicator);

            _zp_indicator_set_scale (indicator, ZP_DECIMAL_ZERO);
            if (!rescale)
              continue;
            key = block_key (self, indicator, g);
            block = g_hash_table_lookup (blocks, key);
            zp_indicator_get_weight_value (indicator, &weight);
            if (pass == 0)
              {
                if (block == NULL)
                  {
                    block = g_new0 (NaBlock, 1);
                    g_hash_table_insert (blocks, g_steal_pointer (&key), block);
                  }
                block->all = zp_decimal_add (block->all, weight);
                if (na)
                  block->has_na = TRUE;
                else
                  block->kept = zp_decimal_add (block->kept, weight);
                continue;
              }
            if (na || !block->has_na || zp_decimal_sign (block->kept) <= 0)
              continue;
            points = block_points (self, indicator, g, block->all);
            _zp_indicator_set_scale (indicator, zp_decimal_div (points, block->kept));
          }
      }
  priv->scaled = rescale;
}

void
zp_form_rescore (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  guint decimals;
  guint n_unscored = priv->n_unscored;
  char *rate_text;

  g_return_if_fail (ZP_IS_FORM (self));

  priv->pending_rescore = FALSE;
  priv->n_unscored = 0;
  priv->indicator_score = ZP_DECIMAL_ZERO;
  priv->indicator_weights = ZP_DECIMAL_ZERO;
  apply_not_applicable_scales (self);
  if (priv->scheme != NULL)
    foreach_indicator (self, rescore_one, self);
  priv->weights_fresh = priv->scheme != NULL;
  compute_execution (self);

  decimals = get_decimals (self);
  rate_text = priv->has_rate ? zp_decimal_format_percent (priv->rate, 2, FALSE)
                             : g_strdup ("—");
  update_text (self, PROP_EXECUTION_RATE_TEXT, rate_text);
  update_text (self, PROP_EXECUTION_SCORE_TEXT,
               zp_decimal_format (priv->execution_score, decimals));
  update_text (self, PROP_INDICATOR_SCORE_TEXT,
               zp_decimal_format (priv->indicator_score, decimals));
  update_text (self, PROP_TOTAL_TEXT,
               zp_decimal_format (zp_form_get_total (self), decimals));
  update_text (self, PROP_TOTAL_DISPLAY_TEXT, zp_form_dup_total_display (self, FALSE));
  if (n_unscored != priv->n_unscored)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNSCORED]);

  g_signal_emit (self, signals[RESCORED], 0);
}

void
zp_form_freeze (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_if_fail (ZP_IS_FORM (self));
  priv->freeze_count++;
}

void
zp_form_thaw (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  gboolean changed;

  g_return_if_fail (ZP_IS_FORM (self));
  g_return_if_fail (priv->freeze_count > 0);

  if (--priv->freeze_count > 0)
    return;

  changed = priv->pending_changed;
  priv->pending_changed = FALSE;
  if (changed || priv->pending_rescore)
    zp_form_rescore (self);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
zp_form_get_execution_rate (ZpForm    *self,
                            ZpDecimal *rate)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), FALSE);

  if (rate != NULL)
    *rate = priv->rate;
  return priv->has_rate;
}

ZpDecimal
zp_form_get_execution_weight (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), ZP_DECIMAL_ZERO);

  if (priv->scheme == NULL)
    return ZP_DECIMAL_ZERO;
  return zp_scheme_get_execution_weight (priv->scheme);
}

ZpDecimal
zp_form_get_execution_score (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), ZP_DECIMAL_ZERO);
  return priv->execution_score;
}

ZpDecimal
zp_form_get_indicator_score (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), ZP_DECIMAL_ZERO);
  return priv->indicator_score;
}

ZpDecimal
zp_form_get_total (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), ZP_DECIMAL_ZERO);
  return zp_decimal_add (priv->execution_score, priv->indicator_score);
}

static void
add_indicator_weight (ZpIndicator *indicator,
                      guint        goal_index,
                      gpointer     data)
{
  ZpDecimal *sum = data;
  ZpDecimal weight;

  if (zp_indicator_get_weight_value (indicator, &weight))
    *sum = zp_decimal_add (*sum, weight);
}

/* The indicators' weights; the sum of the last rescore unless an input changed since
 * (while frozen): the checker asks for it after every edit, over tens of thousands of rows. */
static ZpDecimal
get_indicator_weights (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  ZpDecimal sum = ZP_DECIMAL_ZERO;

  if (priv->weights_fresh)
    return priv->indicator_weights;
  foreach_indicator (self, add_indicator_weight, &sum);
  return sum;
}

static ZpDecimal
get_goal_weights (ZpForm *self)
{
  ZpDecimal sum = ZP_DECIMAL_ZERO;
  guint n = zp_form_get_n_goals (self);

  for (guint g = 0; g < n; g++)
    {
      ZpDecimal weight;

      if (zp_goal_get_weight_value (zp_form_get_goal (self, g), &weight))
        sum = zp_decimal_add (sum, weight);
    }
  return sum;
}

ZpDecimal
zp_form_get_weight_total (ZpForm *self)
{
  g_return_val_if_fail (ZP_IS_FORM (self), ZP_DECIMAL_ZERO);

  return zp_decimal_add (zp_form_get_execution_weight (self),
                         zp_form_is_department (self) ? get_goal_weights (self)
                                                      : get_indicator_weights (self));
}

const char *
zp_form_get_execution_rate_text (ZpForm *self)
{
  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return *string_field (self, PROP_EXECUTION_RATE_TEXT);
}

const char *
zp_form_get_execution_score_text (ZpForm *self)
{
  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return *string_field (self, PROP_EXECUTION_SCORE_TEXT);
}

const char *
zp_form_get_indicator_score_text (ZpForm *self)
{
  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return *string_field (self, PROP_INDICATOR_SCORE_TEXT);
}

const char *
zp_form_get_total_display_text (ZpForm *self)
{
  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return *string_field (self, PROP_TOTAL_DISPLAY_TEXT);
}

const char *
zp_form_get_total_text (ZpForm *self)
{
  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return *string_field (self, PROP_TOTAL_TEXT);
}

guint
zp_form_get_n_unscored (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), 0);
  return priv->n_unscored;
}

char *
zp_format_incomplete_total (const char *total,
                            guint       n_unscored,
                            gboolean    printed)
{
  g_return_val_if_fail (total != NULL, NULL);

  if (n_unscored == 0)
    return g_strdup (total);
  /* Printed forms are Chinese whatever the UI language, like their labels. */
  if (printed)
    return g_strdup_printf ("%s, %u 行未评分", total, n_unscored);
  /* Translators: a form's total that misses rows: "80.69, 1 row not scored" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s, %2$u row not scored",
                                       "%1$s, %2$u rows not scored", n_unscored),
                          total, n_unscored);
}

char *
zp_form_dup_total_display (ZpForm   *self,
                           gboolean  printed)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  return zp_format_incomplete_total (priv->total_text, priv->n_unscored, printed);
}

static void
count_override (ZpIndicator *indicator,
                guint        goal_index,
                gpointer     data)
{
  guint *count = data;

  if (zp_indicator_get_flags (indicator) & ZP_INDICATOR_FLAG_OVERRIDDEN)
    (*count)++;
}

guint
zp_form_count_overrides (ZpForm *self)
{
  guint count = 0;

  g_return_val_if_fail (ZP_IS_FORM (self), 0);

  foreach_indicator (self, count_override, &count);
  return count;
}

/* Category points ************************************************************************/

/* The index of the form's own points for `category` (matched as the scheme matches
 * names: "产出指标（60分）" is "产出"), or -1. */
static int
find_category_points (ZpForm     *self,
                      const char *category)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  g_autofree char *wanted = NULL;

  if (category == NULL || priv->category_names->len == 0)
    return -1;
  for (guint i = 0; i < priv->category_names->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (priv->category_names, i), category))
        return i;
    }

  wanted = _zp_category_key (category);
  for (guint i = 0; i < priv->category_names->len; i++)
    {
      g_autofree char *key = _zp_category_key (g_ptr_array_index (priv->category_names, i));

      if (*wanted != '\0' && g_str_equal (key, wanted))
        return i;
    }
  return -1;
}

const char *
zp_form_get_category_points (ZpForm     *self,
                             const char *category)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  int i;

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);

  i = find_category_points (self, category);
  return i >= 0 ? g_ptr_array_index (priv->category_points, i) : NULL;
}

static void
category_points_changed (ZpForm *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_POINTS]);
  _zp_form_input_changed (self);
}

void
zp_form_set_category_points (ZpForm     *self,
                             const char *category,
                             const char *points)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  int i;

  g_return_if_fail (ZP_IS_FORM (self));
  g_return_if_fail (category != NULL && *category != '\0');

  i = find_category_points (self, category);
  if (points == NULL || *points == '\0')
    {
      if (i < 0)
        return;
      g_ptr_array_remove_index (priv->category_names, i);
      g_ptr_array_remove_index (priv->category_points, i);
    }
  else if (i >= 0)
    {
      if (g_str_equal (g_ptr_array_index (priv->category_points, i), points))
        return;
      g_free (g_ptr_array_index (priv->category_points, i));
      g_ptr_array_index (priv->category_points, i) = g_strdup (points);
    }
  else
    {
      g_ptr_array_add (priv->category_names, g_strdup (category));
      g_ptr_array_add (priv->category_points, g_strdup (points));
    }
  category_points_changed (self);
}

guint
zp_form_get_n_category_points (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), 0);
  return priv->category_names->len;
}

const char *
zp_form_get_category_points_nth (ZpForm      *self,
                                 guint        i,
                                 const char **points)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  g_return_val_if_fail (i < priv->category_names->len, NULL);

  if (points != NULL)
    *points = g_ptr_array_index (priv->category_points, i);
  return g_ptr_array_index (priv->category_names, i);
}

char **
zp_form_dup_category_points (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);

  for (guint i = 0; i < priv->category_names->len; i++)
    {
      g_autofree char *pair = g_strdup_printf ("%s=%s",
                                               (char *) g_ptr_array_index (priv->category_names, i),
                                               (char *) g_ptr_array_index (priv->category_points, i));

      g_strv_builder_add (builder, pair);
    }
  return g_strv_builder_end (builder);
}

void
zp_form_set_all_category_points (ZpForm             *self,
                                 const char * const *pairs)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  static const char * const none[] = { NULL };
  g_auto(GStrv) old = NULL;

  g_return_if_fail (ZP_IS_FORM (self));

  old = zp_form_dup_category_points (self);
  if (g_strv_equal ((const char * const *) old, pairs != NULL ? pairs : none))
    return;

  g_ptr_array_set_size (priv->category_names, 0);
  g_ptr_array_set_size (priv->category_points, 0);
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    {
      const char *equals = strrchr (pairs[i], '=');

      if (equals == NULL || equals == pairs[i] || equals[1] == '\0')
        continue;
      g_ptr_array_add (priv->category_names, g_strndup (pairs[i], equals - pairs[i]));
      g_ptr_array_add (priv->category_points, g_strdup (equals + 1));
    }
  category_points_changed (self);
}

static gboolean
form_points_value (ZpForm     *self,
                   const char *category,
                   ZpDecimal  *out)
{
  const char *points = zp_form_get_category_points (self, category);
  gboolean is_percent = FALSE;

  return points != NULL && zp_decimal_parse (points, out, &is_percent) && !is_percent;
}

gboolean
zp_form_get_category_weight (ZpForm     *self,
                             const char *category,
                             ZpDecimal  *weight)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  guint index;

  g_return_val_if_fail (ZP_IS_FORM (self), FALSE);
  g_return_val_if_fail (weight != NULL, FALSE);

  *weight = ZP_DECIMAL_ZERO;
  if (zp_form_get_category_points (self, category) != NULL)
    return form_points_value (self, category, weight);
  if (priv->scheme == NULL
      || zp_scheme_get_category_split (priv->scheme) == ZP_CATEGORY_SPLIT_FREE
      || !zp_scheme_lookup_category (priv->scheme, category, &index))
    return FALSE;
  *weight = zp_scheme_get_category_weight (priv->scheme, index);
  return TRUE;
}

/* Block summaries ************************************************************************/

void
zp_block_summary_free (ZpBlockSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->name);
  g_free (summary->score_text);
  g_free (summary);
}

static ZpBlockSummary *
block_new (const char *name,
           int         goal_index,
           gboolean    has_weight,
           ZpDecimal   weight)
{
  ZpBlockSummary *block = g_new0 (ZpBlockSummary, 1);

  block->name = g_strdup (name);
  block->goal_index = goal_index;
  block->has_weight = has_weight;
  block->weight = weight;
  return block;
}

static void
block_add (ZpBlockSummary *block,
           ZpIndicator    *indicator)
{
  ZpDecimal weight;

  if (zp_indicator_get_weight_value (indicator, &weight))
    block->weight_sum = zp_decimal_add (block->weight_sum, weight);
  block->score = zp_decimal_add (block->score, zp_indicator_get_score (indicator));
  block->n_indicators++;
}

typedef struct
{
  ZpScheme   *scheme;
  GPtrArray  *blocks;
  guint       n_known;
} CategoryCollector;

static ZpBlockSummary *
find_category_block (CategoryCollector *collector,
                     const char        *category)
{
  guint index;

  if (collector->scheme != NULL
      && zp_scheme_lookup_category (collector->scheme, category, &index)
      && index < collector->n_known)
    return g_ptr_array_index (collector->blocks, index);

  for (guint i = collector->n_known; i < collector->blocks->len; i++)
    {
      ZpBlockSummary *block = g_ptr_array_index (collector->blocks, i);

      if (strcmp (block->name, category) == 0)
        return block;
    }

  g_ptr_array_add (collector->blocks, block_new (category, 0, FALSE, ZP_DECIMAL_ZERO));
  return g_ptr_array_index (collector->blocks, collector->blocks->len - 1);
}

static void
collect_category (ZpIndicator *indicator,
                  guint        goal_index,
                  gpointer     data)
{
  const char *category = zp_indicator_get_category (indicator);
  gsize length = strlen (category);
  g_autofree char *stripped = NULL;

  /* Copied only to strip blanks around it, which are rare. */
  if (length > 0 && (g_ascii_isspace (category[0]) || g_ascii_isspace (category[length - 1])))
    category = stripped = g_strstrip (g_strdup (category));

  block_add (find_category_block (data, category), indicator);
}

/* Project form: one block per scheme category in the scheme's order, even when empty,
 * then the categories the scheme does not know in order of first appearance. */
static void
summarize_categories (ZpForm    *self,
                      GPtrArray *blocks)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  CategoryCollector collector = { priv->scheme, blocks, 0 };

  if (priv->scheme != NULL)
    collector.n_known = zp_scheme_get_n_categories (priv->scheme);
  for (guint i = 0; i < collector.n_known; i++)
    {
      const char *name = zp_scheme_get_category_name (priv->scheme, i);
      ZpDecimal weight = ZP_DECIMAL_ZERO;
      gboolean has_weight = zp_form_get_category_weight (self, name, &weight);

      g_ptr_array_add (blocks, block_new (name, 0, has_weight, weight));
    }

  foreach_indicator (self, collect_category, &collector);

  /* Categories the scheme does not know may still have the form's own points. */
  for (guint i = collector.n_known; i < blocks->len; i++)
    {
      ZpBlockSummary *block = g_ptr_array_index (blocks, i);

      block->has_weight = form_points_value (self, block->name, &block->weight);
    }
}

static void
summarize_goals (ZpForm    *self,
                 GPtrArray *blocks)
{
  guint n_goals = zp_form_get_n_goals (self);

  for (guint g = 0; g < n_goals; g++)
    {
      ZpGoal *goal = zp_form_get_goal (self, g);
      guint n = zp_goal_get_n_indicators (goal);
      ZpDecimal weight;
      gboolean has_weight = zp_goal_get_weight_value (goal, &weight);
      ZpBlockSummary *block = block_new (zp_goal_get_text (goal), g, has_weight, weight);

      for (guint i = 0; i < n; i++)
        block_add (block, zp_goal_get_indicator (goal, i));
      g_ptr_array_add (blocks, block);
    }
}

GPtrArray *
zp_form_summarize_blocks (ZpForm *self)
{
  GPtrArray *blocks;

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);

  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) zp_block_summary_free);
  if (ZP_IS_PROJECT_FORM (self))
    summarize_categories (self, blocks);
  else
    summarize_goals (self, blocks);
  for (guint i = 0; i < blocks->len; i++)
    {
      ZpBlockSummary *block = g_ptr_array_index (blocks, i);

      block->score_text = zp_decimal_format (block->score, get_decimals (self));
    }
  return blocks;
}

/* Explanations ***************************************************************************/

const char *
zp_form_get_explanation (ZpForm     *self,
                         const char *key)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (priv->explanations, key);
}

void
zp_form_set_explanation (ZpForm     *self,
                         const char *key,
                         const char *text)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);

  g_return_if_fail (ZP_IS_FORM (self));
  g_return_if_fail (key != NULL);

  if (text == NULL || text[0] == '\0')
    {
      if (!g_hash_table_remove (priv->explanations, key))
        return;
    }
  else
    {
      if (g_strcmp0 (g_hash_table_lookup (priv->explanations, key), text) == 0)
        return;
      g_hash_table_replace (priv->explanations, g_strdup (key), g_strdup (text));
    }

  _zp_form_input_changed (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
zp_form_list_explanation_keys (ZpForm *self)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  GPtrArray *keys;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);

  keys = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, priv->explanations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

/* Copies *********************************************************************************/

void
_zp_form_copy_base (ZpForm *self,
                    ZpForm *copy)
{
  ZpFormPrivate *priv = zp_form_get_instance_private (self);
  ZpFormPrivate *copy_priv = zp_form_get_instance_private (copy);
  GHashTableIter iter;
  gpointer key, value;
  guint n_goals;

  zp_form_freeze (copy);

  for (guint prop_id = PROP_INITIAL_BUDGET; prop_id <= LAST_TEXT_INPUT; prop_id++)
    set_string (copy, prop_id, *string_field (self, prop_id));
  for (guint i = 0; i < priv->category_names->len; i++)
    zp_form_set_category_points (copy, g_ptr_array_index (priv->category_names, i),
                                 g_ptr_array_index (priv->category_points, i));

  while (zp_form_get_n_goals (copy) > 0)
    remove_goal (copy, 0);
  n_goals = zp_form_get_n_goals (self);
  for (guint i = 0; i < n_goals; i++)
    {
      g_autoptr(ZpGoal) goal = zp_goal_copy (zp_form_get_goal (self, i));

      _zp_form_add_goal (copy, G_MAXUINT, goal);
    }

  g_hash_table_iter_init (&iter, priv->explanations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (copy_priv->explanations, g_strdup (key), g_strdup (value));

  zp_form_set_evidence (copy, (const char * const *) priv->evidence);
  zp_form_set_scheme (copy, priv->scheme);
  zp_form_set_amount_unit (copy, priv->amount_unit);
  zp_form_thaw (copy);
}

static const char * const no_evidence[] = { NULL };

const char * const *
zp_form_get_evidence (ZpForm *self)
{
  ZpFormPrivate *priv;

  g_return_val_if_fail (ZP_IS_FORM (self), NULL);
  priv = zp_form_get_instance_private (self);
  return priv->evidence != NULL ? (const char * const *) priv->evidence : no_evidence;
}

void
zp_form_set_evidence (ZpForm             *self,
                      const char * const *paths)
{
  ZpFormPrivate *priv;

  g_return_if_fail (ZP_IS_FORM (self));
  priv = zp_form_get_instance_private (self);
  if (paths == NULL)
    paths = no_evidence;
  if (g_strv_equal (zp_form_get_evidence (self), paths))
    return;
  g_strfreev (priv->evidence);
  priv->evidence = paths[0] != NULL ? g_strdupv ((char **) paths) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
  _zp_form_input_changed (self);
}
