/* zp-goal.c — a 年度绩效目标 and its indicators.
 *
 * The goal listens to its indicators' ::changed and re-emits it as its own, so the form
 * needs only one handler per goal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ziping-core.h"
#include "zp-goal-private.h"
#include "zp-indicator-private.h"
#include "zp-core-private.h"

struct _ZpGoal
{
  GObject     parent_instance;

  char       *text;
  char       *achieved;
  char       *weight;
  ZpDecimal   weight_value;
  gboolean    weight_valid;
  GListStore *indicators;
  /* The same indicators (borrowed) for reading by position in constant time: a store
   * looks each one up in a balanced tree, and scoring and the checks read every
   * indicator. */
  GPtrArray  *items;
};

G_DEFINE_FINAL_TYPE (ZpGoal, zp_goal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_ACHIEVED,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char **
string_field (ZpGoal *self,
              guint   prop_id)
{
  switch (prop_id)
    {
    case PROP_TEXT:     return &self->text;
    case PROP_ACHIEVED: return &self->achieved;
    case PROP_WEIGHT:   return &self->weight;
    default:            g_assert_not_reached ();
    }
}

static void
emit_changed (ZpGoal *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_weight_value (ZpGoal *self)
{
  gboolean is_percent = FALSE;

  self->weight_valid = zp_decimal_parse (self->weight, &self->weight_value, &is_percent)
                       && !is_percent;
  if (!self->weight_valid)
    self->weight_value = ZP_DECIMAL_ZERO;
}

static void
set_string (ZpGoal     *self,
            guint       prop_id,
            const char *value)
{
  char **field = string_field (self, prop_id);

  if (!_zp_replace_text (field, value))
    return;

  if (prop_id == PROP_WEIGHT)
    update_weight_value (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

/* The goal is the indicator's owner, called on each change; an indicator already owned
 * (by another goal, or twice in this one) is watched through its ::changed. */
static void
watch_indicator (ZpGoal      *self,
                 ZpIndicator *indicator)
{
  if (_zp_indicator_get_owner (indicator) == NULL)
    _zp_indicator_set_owner (indicator, self, (ZpIndicatorOwnerFunc) emit_changed);
  else
    g_signal_connect_swapped (indicator, "changed", G_CALLBACK (emit_changed), self);
}

static void
unwatch_indicator (ZpGoal      *self,
                   ZpIndicator *indicator)
{
  if (_zp_indicator_get_owner (indicator) == self)
    _zp_indicator_set_owner (indicator, NULL, NULL);
  else
    g_signal_handlers_disconnect_by_func (indicator, emit_changed, self);
}

static void
zp_goal_dispose (GObject *object)
{
  ZpGoal *self = ZP_GOAL (object);

  if (self->indicators != NULL)
    {
      for (guint i = 0; i < self->items->len; i++)
        unwatch_indicator (self, g_ptr_array_index (self->items, i));
      g_ptr_array_set_size (self->items, 0);
      g_clear_object (&self->indicators);
    }

  G_OBJECT_CLASS (zp_goal_parent_class)->dispose (object);
}

static void
zp_goal_finalize (GObject *object)
{
  ZpGoal *self = ZP_GOAL (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->achieved, g_free);
  g_clear_pointer (&self->weight, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (zp_goal_parent_class)->finalize (object);
}

static void
zp_goal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ZpGoal *self = ZP_GOAL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
    case PROP_ACHIEVED:
    case PROP_WEIGHT:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_goal_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ZpGoal *self = ZP_GOAL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
    case PROP_ACHIEVED:
    case PROP_WEIGHT:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zp_goal_class_init (ZpGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zp_goal_dispose;
  object_class->finalize = zp_goal_finalize;
  object_class->get_property = zp_goal_get_property;
  object_class->set_property = zp_goal_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACHIEVED] =
    g_param_spec_string ("achieved", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEIGHT] =
    g_param_spec_string ("weight", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZpGoal::changed:
   *
   * Emitted after any input of the goal or of one of its indicators changed, and after
   * an indicator was inserted, removed or moved.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
zp_goal_init (ZpGoal *self)
{
  self->text = g_strdup ("");
  self->achieved = g_strdup ("");
  self->weight = g_strdup ("");
  self->indicators = g_list_store_new (ZP_TYPE_INDICATOR);
  self->items = g_ptr_array_new ();
}

ZpGoal *
zp_goal_new (void)
{
  return g_object_new (ZP_TYPE_GOAL, NULL);
}

ZpGoal *
zp_goal_copy (ZpGoal *self)
{
  ZpGoal *copy;
  guint n;

  g_return_val_if_fail (ZP_IS_GOAL (self), NULL);

  copy = zp_goal_new ();
  zp_goal_set_text (copy, self->text);
  zp_goal_set_achieved (copy, self->achieved);
  zp_goal_set_weight (copy, self->weight);

  n = zp_goal_get_n_indicators (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZpIndicator) indicator = zp_indicator_copy (zp_goal_get_indicator (self, i));

      zp_goal_insert_indicator (copy, G_MAXUINT, indicator);
    }

  return copy;
}

const char *
zp_goal_get_text (ZpGoal *self)
{
  g_return_val_if_fail (ZP_IS_GOAL (self), NULL);
  return self->text;
}

void
zp_goal_set_text (ZpGoal     *self,
                  const char *text)
{
  g_return_if_fail (ZP_IS_GOAL (self));
  set_string (self, PROP_TEXT, text);
}

const char *
zp_goal_get_achieved (ZpGoal *self)
{
  g_return_val_if_fail (ZP_IS_GOAL (self), NULL);
  return self->achieved;
}

void
zp_goal_set_achieved (ZpGoal     *self,
                      const char *achieved)
{
  g_return_if_fail (ZP_IS_GOAL (self));
  set_string (self, PROP_ACHIEVED, achieved);
}

const char *
zp_goal_get_weight (ZpGoal *self)
{
  g_return_val_if_fail (ZP_IS_GOAL (self), NULL);
  return self->weight;
}

void
zp_goal_set_weight (ZpGoal     *self,
                    const char *weight)
{
  g_return_if_fail (ZP_IS_GOAL (self));
  set_string (self, PROP_WEIGHT, weight);
}

gboolean
zp_goal_get_weight_value (ZpGoal    *self,
                          ZpDecimal *out)
{
  g_return_val_if_fail (ZP_IS_GOAL (self), FALSE);

  if (out != NULL)
    *out = self->weight_value;
  return self->weight_valid;
}

GListModel *
zp_goal_get_indicators (ZpGoal *self)
{
  g_return_val_if_fail (ZP_IS_GOAL (self), NULL);
  return G_LIST_MODEL (self->indicators);
}

guint
zp_goal_get_n_indicators (ZpGoal *self)
{
  g_return_val_if_fail (ZP_IS_GOAL (self), 0);
  return self->items->len;
}

ZpIndicator *
zp_goal_get_indicator (ZpGoal *self,
                       guint   position)
{
  g_return_val_if_fail (ZP_IS_GOAL (self), NULL);

  /* Borrowed: the store keeps its reference. */
  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

void
zp_goal_insert_indicator (ZpGoal      *self,
                          guint        position,
                          ZpIndicator *indicator)
{
  guint n;

  g_return_if_fail (ZP_IS_GOAL (self));
  g_return_if_fail (ZP_IS_INDICATOR (indicator));

  n = zp_goal_get_n_indicators (self);
  if (position == G_MAXUINT)
    position = n;
  g_return_if_fail (position <= n);

  g_ptr_array_insert (self->items, position, indicator);
  g_list_store_insert (self->indicators, position, indicator);
  watch_indicator (self, indicator);
  emit_changed (self);
}

void
_zp_goal_append_indicators (ZpGoal       *self,
                            ZpIndicator **indicators,
                            guint         n)
{
  guint position;

  g_return_if_fail (ZP_IS_GOAL (self));

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    g_return_if_fail (ZP_IS_INDICATOR (indicators[i]));

  position = self->items->len;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->items, indicators[i]);
  g_list_store_splice (self->indicators, position, 0, (gpointer *) indicators, n);
  for (guint i = 0; i < n; i++)
    watch_indicator (self, indicators[i]);
  emit_changed (self);
}

void
zp_goal_remove_indicator (ZpGoal *self,
                          guint   position)
{
  g_return_if_fail (ZP_IS_GOAL (self));
  g_return_if_fail (position < zp_goal_get_n_indicators (self));

  unwatch_indicator (self, zp_goal_get_indicator (self, position));
  g_ptr_array_remove_index (self->items, position);
  g_list_store_remove (self->indicators, position);
  emit_changed (self);
}

void
zp_goal_move_indicator (ZpGoal *self,
                        guint   from,
                        guint   to)
{
  g_autoptr(ZpIndicator) indicator = NULL;
  guint n;

  g_return_if_fail (ZP_IS_GOAL (self));

  n = zp_goal_get_n_indicators (self);
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  /* The array and the store in step, for handlers of ::items-changed. */
  indicator = g_object_ref (zp_goal_get_indicator (self, from));
  g_ptr_array_remove_index (self->items, from);
  g_list_store_remove (self->indicators, from);
  g_ptr_array_insert (self->items, to, indicator);
  g_list_store_insert (self->indicators, to, indicator);
  emit_changed (self);
}

ZpDecimal
zp_goal_get_score (ZpGoal *self)
{
  ZpDecimal sum = ZP_DECIMAL_ZERO;
  guint n;

  g_return_val_if_fail (ZP_IS_GOAL (self), ZP_DECIMAL_ZERO);

  n = zp_goal_get_n_indicators (self);
  for (guint i = 0; i < n; i++)
    sum = zp_decimal_add (sum, zp_indicator_get_score (zp_goal_get_indicator (self, i)));
  return sum;
}
